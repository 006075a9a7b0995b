//! `_collections`: `deque` (with its two iterator types), `defaultdict`,
//! `_count_elements` and `_tuplegetter` (the field descriptor of
//! `collections.namedtuple`). `OrderedDict` is left to the pure-Python
//! version in `Lib/collections/__init__.py`.

use std::collections::VecDeque;
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::descr::{set_getsets, set_members, set_methods, T_OBJECT};
use vm::objects::methodobject::check_nargs;
use vm::objects::{boolobject, dict, list, long, module, none, tuple, unicode};
use vm::objref::{decref, incref, xdecref, PyObj};
use vm::typeobj::{type_name, type_obj};

// ================================================================ deque

/// A deque holds its items (owned references) in a Rust `VecDeque`; the
/// layout is private in CPython too. `state` counts mutations so that
/// iterators and comparisons can notice a deque changed under them.
#[repr(C)]
pub struct DequeObject {
    pub ob_base: PyObject,
    pub data: *mut VecDeque<*mut PyObject>,
    pub maxlen: isize,
    pub state: usize,
    pub weakreflist: *mut PyObject,
}

#[repr(C)]
pub struct DequeIterObject {
    pub ob_base: PyObject,
    pub deque: *mut PyObject,
    /// Position (from the left) of the next item.
    pub index: isize,
    pub state: usize,
    /// Items left to produce.
    pub counter: isize,
}

pub static mut DEQUE_TYPE: PyTypeObject =
    PyTypeObject::empty(b"collections.deque\0", std::mem::size_of::<DequeObject>(), 0);
pub static mut DEQUE_ITER_TYPE: PyTypeObject =
    PyTypeObject::empty(b"_collections._deque_iterator\0", std::mem::size_of::<DequeIterObject>(), 0);
pub static mut DEQUE_REVITER_TYPE: PyTypeObject =
    PyTypeObject::empty(b"_collections._deque_reverse_iterator\0", std::mem::size_of::<DequeIterObject>(), 0);

static mut DEQUE_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;

fn deque_type() -> *mut PyTypeObject {
    &raw mut DEQUE_TYPE
}

fn is_deque(o: &PyObj) -> bool {
    unsafe { vm::typeobj::is_subtype(o.ob_type(), deque_type()) }
}

unsafe fn dq<'a>(o: *mut PyObject) -> &'a mut VecDeque<*mut PyObject> {
    let d = o as *mut DequeObject;
    if (*d).data.is_null() {
        (*d).data = Box::into_raw(Box::new(VecDeque::new()));
    }
    &mut *(*d).data
}

unsafe fn dobj<'a>(o: &PyObj) -> &'a mut DequeObject {
    &mut *(o.as_ptr() as *mut DequeObject)
}

fn dlen(o: &PyObj) -> usize {
    unsafe { dq(o.as_ptr()).len() }
}

/// The item at `i` (a new reference), if in range.
fn dget(o: &PyObj, i: usize) -> Option<PyObj> {
    unsafe { dq(o.as_ptr()).get(i).map(|&p| PyObj::from_borrowed(p)) }
}

fn mutated() -> err::PyErr {
    err::runtime_error("deque mutated during iteration")
}

/// Appends on the right, dropping from the left past `maxlen`.
fn append_right(d: &PyObj, v: PyObj) {
    unsafe {
        let o = dobj(d);
        let q = dq(d.as_ptr());
        q.push_back(v.into_ptr());
        o.state = o.state.wrapping_add(1);
        if o.maxlen >= 0 && q.len() as isize > o.maxlen {
            if let Some(old) = q.pop_front() {
                decref(old);
            }
        }
    }
}

fn append_left(d: &PyObj, v: PyObj) {
    unsafe {
        let o = dobj(d);
        let q = dq(d.as_ptr());
        q.push_front(v.into_ptr());
        o.state = o.state.wrapping_add(1);
        if o.maxlen >= 0 && q.len() as isize > o.maxlen {
            if let Some(old) = q.pop_back() {
                decref(old);
            }
        }
    }
}

fn pop_right(d: &PyObj) -> Option<PyObj> {
    unsafe {
        let o = dobj(d);
        let r = dq(d.as_ptr()).pop_back().map(|p| PyObj::from_owned(p));
        if r.is_some() {
            o.state = o.state.wrapping_add(1);
        }
        r
    }
}

fn pop_left(d: &PyObj) -> Option<PyObj> {
    unsafe {
        let o = dobj(d);
        let r = dq(d.as_ptr()).pop_front().map(|p| PyObj::from_owned(p));
        if r.is_some() {
            o.state = o.state.wrapping_add(1);
        }
        r
    }
}

/// Empties the deque; the items are released after it is consistent again
/// (their finalizers may look at it).
fn clear_all(d: &PyObj) {
    let items: Vec<*mut PyObject> = unsafe {
        let o = dobj(d);
        o.state = o.state.wrapping_add(1);
        dq(d.as_ptr()).drain(..).collect()
    };
    for p in items {
        unsafe { decref(p) };
    }
}

fn snapshot(d: &PyObj) -> Vec<PyObj> {
    unsafe { dq(d.as_ptr()).iter().map(|&p| PyObj::from_borrowed(p)).collect() }
}

fn extend_right(d: &PyObj, iterable: &PyObj) -> PyResult<()> {
    if iterable.is(d) {
        for v in snapshot(d) {
            append_right(d, v);
        }
        return Ok(());
    }
    let it = ab::get_iter(iterable)?;
    let zero = unsafe { dobj(d).maxlen == 0 };
    while let Some(v) = ab::next(&it)? {
        if !zero {
            append_right(d, v);
        }
    }
    Ok(())
}

fn extend_left(d: &PyObj, iterable: &PyObj) -> PyResult<()> {
    if iterable.is(d) {
        for v in snapshot(d) {
            append_left(d, v);
        }
        return Ok(());
    }
    let it = ab::get_iter(iterable)?;
    let zero = unsafe { dobj(d).maxlen == 0 };
    while let Some(v) = ab::next(&it)? {
        if !zero {
            append_left(d, v);
        }
    }
    Ok(())
}

fn rotate(d: &PyObj, n: isize) {
    unsafe {
        let q = dq(d.as_ptr());
        let len = q.len() as isize;
        if len <= 1 {
            return;
        }
        let k = n.rem_euclid(len) as usize;
        if k != 0 {
            q.rotate_right(k);
        }
        let o = dobj(d);
        o.state = o.state.wrapping_add(1);
    }
}

fn new_deque_of(tp: *mut PyTypeObject, maxlen: isize) -> PyResult {
    unsafe {
        let o = vm::typeobj::alloc_instance(tp);
        if o.is_null() {
            return Err(err::fetch());
        }
        let d = o as *mut DequeObject;
        (*d).data = Box::into_raw(Box::new(VecDeque::new()));
        (*d).maxlen = maxlen;
        Ok(PyObj::from_owned(o))
    }
}

/// `deque.copy()`: a plain deque is copied directly, a subclass through
/// its constructor (`type(d)(d)` or `type(d)(d, maxlen)`).
fn deque_copy(d: &PyObj) -> PyResult {
    let maxlen = unsafe { dobj(d).maxlen };
    if d.ob_type() == deque_type() {
        let n = new_deque_of(deque_type(), maxlen)?;
        for v in snapshot(d) {
            append_right(&n, v);
        }
        return Ok(n);
    }
    let tp = d.type_obj();
    if maxlen < 0 {
        ab::call1(&tp, d)
    } else {
        ab::call(&tp, &[d.clone(), long::from_i64(maxlen as i64)], None)
    }
}

/// Argument-count errors in the style of `PyArg_ParseTuple` formats.
fn parse_stack_nargs(fname: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    let (how, k) = if min == max {
        ("exactly", min)
    } else if n < min {
        ("at least", min)
    } else {
        ("at most", max)
    };
    Err(err::type_error(format!(
        "{}() takes {} {} argument{} ({} given)",
        fname,
        how,
        k,
        if k == 1 { "" } else { "s" },
        n
    )))
}

/// An `n`-format (Py_ssize_t) argument.
fn int_arg(o: &PyObj) -> PyResult<isize> {
    let i = ab::index(o)?;
    long::as_i64(&i)
        .map(|v| v as isize)
        .ok_or_else(|| err::overflow_error("Python int too large to convert to C ssize_t"))
}

// ---------------------------------------------------------------- slots

unsafe extern "C" fn deque_new(tp: *mut PyTypeObject, _a: *mut PyObject, _k: *mut PyObject) -> *mut PyObject {
    err::into_ptr(new_deque_of(tp, -1))
}

unsafe extern "C" fn deque_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let d = PyObj::borrow(&o);
    let r = (|| -> PyResult<()> {
        let pos = tuple::items(PyObj::borrow(&args));
        let kws = if kw.is_null() { Vec::new() } else { dict::items_vec(PyObj::borrow(&kw)) };
        if pos.len() + kws.len() > 2 {
            return Err(err::type_error(format!(
                "deque() takes at most 2 {}arguments ({} given)",
                if pos.is_empty() { "keyword " } else { "" },
                pos.len() + kws.len()
            )));
        }
        let mut slots: [Option<PyObj>; 2] = [pos.first().cloned(), pos.get(1).cloned()];
        for (k, v) in kws {
            let name = unicode::to_string_lossy(&k);
            let i = match name.as_str() {
                "iterable" => 0,
                "maxlen" => 1,
                _ => {
                    return Err(err::type_error(format!(
                        "'{}' is an invalid keyword argument for deque()",
                        name
                    )))
                }
            };
            if slots[i].is_some() {
                return Err(err::type_error(format!(
                    "argument for deque() given by name ('{}') and position ({})",
                    name,
                    i + 1
                )));
            }
            slots[i] = Some(v);
        }
        let mut maxlen = -1;
        if let Some(m) = &slots[1] {
            if !none::is_none(m) {
                if !ab::has_index(m) {
                    return Err(err::type_error("an integer is required"));
                }
                maxlen = int_arg(m)?;
                if maxlen < 0 {
                    return Err(err::value_error("maxlen must be non-negative"));
                }
            }
        }
        if dlen(d) > 0 {
            clear_all(d);
        }
        dobj(d).maxlen = maxlen;
        if let Some(it) = &slots[0] {
            extend_right(d, it)?;
        }
        Ok(())
    })();
    err::int_result(r)
}

unsafe extern "C" fn deque_dealloc(o: *mut PyObject) {
    vm::gc::untrack(o);
    let d = o as *mut DequeObject;
    if !(*d).weakreflist.is_null() {
        vm::objects::weakref::clear_weakrefs(o);
    }
    let data = std::mem::replace(&mut (*d).data, std::ptr::null_mut());
    if !data.is_null() {
        for p in Box::from_raw(data).into_iter() {
            decref(p);
        }
    }
    vm::alloc::tp_free(o);
}

unsafe extern "C" fn deque_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let d = o as *mut DequeObject;
    if (*d).data.is_null() {
        return 0;
    }
    for &p in (*(*d).data).iter() {
        let r = visit(p, arg);
        if r != 0 {
            return r;
        }
    }
    0
}

unsafe extern "C" fn deque_tp_clear(o: *mut PyObject) -> c_int {
    clear_all(PyObj::borrow(&o));
    0
}

unsafe extern "C" fn deque_len(o: *mut PyObject) -> Py_ssize_t {
    dq(o).len() as isize
}

unsafe extern "C" fn deque_item(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let d = PyObj::borrow(&o);
    if i < 0 {
        err::restore(err::index_error("deque index out of range"));
        return std::ptr::null_mut();
    }
    match dget(d, i as usize) {
        Some(v) => v.into_ptr(),
        None => {
            err::restore(err::index_error("deque index out of range"));
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn deque_ass_item(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    let d = PyObj::borrow(&o);
    let q = dq(o);
    if i < 0 || i as usize >= q.len() {
        err::restore(err::index_error("deque index out of range"));
        return -1;
    }
    let i = i as usize;
    if v.is_null() {
        let old = q.remove(i);
        let od = dobj(d);
        od.state = od.state.wrapping_add(1);
        xdecref(old.unwrap_or(std::ptr::null_mut()));
    } else {
        incref(v);
        let old = std::mem::replace(&mut q[i], v);
        decref(old);
    }
    0
}

unsafe extern "C" fn deque_contains(o: *mut PyObject, v: *mut PyObject) -> c_int {
    let d = PyObj::borrow(&o);
    let v = PyObj::borrow(&v);
    let r = (|| -> PyResult<bool> {
        let state = dobj(d).state;
        let mut i = 0;
        while let Some(item) = dget(d, i) {
            let eq = ab::rich_compare_bool(&item, v, PY_EQ)?;
            if dobj(d).state != state {
                return Err(mutated());
            }
            if eq {
                return Ok(true);
            }
            i += 1;
        }
        Ok(false)
    })();
    match r {
        Ok(b) => b as c_int,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn deque_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    let b = PyObj::borrow(&b);
    let r = (|| {
        if !is_deque(b) {
            return Err(err::type_error(format!(
                "can only concatenate deque (not \"{}\") to deque",
                type_name(b.ob_type())
            )));
        }
        let n = deque_copy(a)?;
        extend_right(&n, b)?;
        Ok(n)
    })();
    err::into_ptr(r)
}

fn inplace_repeat(d: &PyObj, n: isize) -> PyResult<()> {
    let len = dlen(d);
    if n <= 0 || len == 0 {
        clear_all(d);
        return Ok(());
    }
    if n == 1 {
        return Ok(());
    }
    let items = snapshot(d);
    let maxlen = unsafe { dobj(d).maxlen };
    let total = (len as u128) * (n as u128);
    let keep = if maxlen >= 0 { total.min(maxlen as u128) } else { total };
    if keep > (isize::MAX as u128) / 8 {
        return Err(err::memory_error_msg(""));
    }
    // Only the last `keep` items of the repeated sequence survive trimming.
    let start = total - keep;
    let mut out = Vec::with_capacity(keep as usize);
    for p in start..total {
        out.push(items[(p % len as u128) as usize].clone());
    }
    clear_all(d);
    unsafe {
        let q = dq(d.as_ptr());
        for v in out {
            q.push_back(v.into_ptr());
        }
    }
    Ok(())
}

unsafe extern "C" fn deque_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    err::into_ptr(deque_copy(a).and_then(|c| inplace_repeat(&c, n).map(|_| c)))
}

unsafe extern "C" fn deque_inplace_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    err::into_ptr(extend_right(a, PyObj::borrow(&b)).map(|_| a.clone()))
}

unsafe extern "C" fn deque_inplace_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    err::into_ptr(inplace_repeat(a, n).map(|_| a.clone()))
}

fn deque_repr_impl(d: &PyObj) -> PyResult {
    if ab::repr_enter(d) {
        return Ok(unicode::new("[...]"));
    }
    let r = ab::repr(&list::new(snapshot(d)));
    ab::repr_leave(d);
    let inner = unicode::to_string_lossy(&r?);
    let full = type_name(d.ob_type());
    let name = full.rsplit('.').next().unwrap_or(&full).to_string();
    let maxlen = unsafe { dobj(d).maxlen };
    Ok(unicode::new(&if maxlen >= 0 {
        format!("{}({}, maxlen={})", name, inner, maxlen)
    } else {
        format!("{}({})", name, inner)
    }))
}

unsafe extern "C" fn deque_repr(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(deque_repr_impl(PyObj::borrow(&o)))
}

fn deque_compare(v: &PyObj, w: &PyObj, op: c_int) -> PyResult {
    if !is_deque(v) || !is_deque(w) {
        return Ok(none::not_implemented());
    }
    let (vs, ws) = (dlen(v), dlen(w));
    if vs != ws {
        if op == PY_EQ {
            return Ok(boolobject::new(false));
        }
        if op == PY_NE {
            return Ok(boolobject::new(true));
        }
    }
    let (sv, sw) = unsafe { (dobj(v).state, dobj(w).state) };
    let mut i = 0;
    loop {
        unsafe {
            if dobj(v).state != sv || dobj(w).state != sw {
                return Err(mutated());
            }
        }
        let (a, b) = (dget(v, i), dget(w, i));
        let (Some(a), Some(b)) = (a, b) else { break };
        let eq = ab::rich_compare_bool(&a, &b, PY_EQ)?;
        if !eq {
            return match op {
                PY_EQ => Ok(boolobject::new(false)),
                PY_NE => Ok(boolobject::new(true)),
                _ => ab::rich_compare(&a, &b, op),
            };
        }
        i += 1;
    }
    let (vs, ws) = (dlen(v), dlen(w));
    let b = match op {
        PY_LT => vs < ws,
        PY_LE => vs <= ws,
        PY_EQ => vs == ws,
        PY_NE => vs != ws,
        PY_GT => vs > ws,
        _ => vs >= ws,
    };
    Ok(boolobject::new(b))
}

unsafe extern "C" fn deque_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    err::into_ptr(deque_compare(PyObj::borrow(&v), PyObj::borrow(&w), op))
}

unsafe extern "C" fn deque_iter(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(new_iter(PyObj::borrow(&o), false))
}

// ---------------------------------------------------------------- methods

vm::onearg!(d_append, |slf, v| {
    append_right(slf, v.unwrap().clone());
    Ok(none::none())
});
vm::onearg!(d_appendleft, |slf, v| {
    append_left(slf, v.unwrap().clone());
    Ok(none::none())
});
vm::onearg!(d_pop, |slf, _a| { pop_right(slf).ok_or_else(|| err::index_error("pop from an empty deque")) });
vm::onearg!(d_popleft, |slf, _a| { pop_left(slf).ok_or_else(|| err::index_error("pop from an empty deque")) });
vm::onearg!(d_extend, |slf, v| {
    extend_right(slf, v.unwrap())?;
    Ok(none::none())
});
vm::onearg!(d_extendleft, |slf, v| {
    extend_left(slf, v.unwrap())?;
    Ok(none::none())
});
vm::onearg!(d_clear, |slf, _a| {
    clear_all(slf);
    Ok(none::none())
});
vm::onearg!(d_copy, |slf, _a| { deque_copy(slf) });
vm::onearg!(d_reverse, |slf, _a| {
    dq(slf.as_ptr()).make_contiguous().reverse();
    Ok(none::none())
});
vm::fastcall!(d_rotate, |slf, args| {
    check_nargs("deque.rotate", args, 0, 1)?;
    let n = match args.first() {
        Some(a) => int_arg(a)?,
        None => 1,
    };
    rotate(slf, n);
    Ok(none::none())
});
vm::onearg!(d_count, |slf, v| {
    let v = v.unwrap();
    let state = dobj(slf).state;
    let mut n = 0i64;
    let mut i = 0;
    while let Some(item) = dget(slf, i) {
        let eq = ab::rich_compare_bool(&item, v, PY_EQ)?;
        if dobj(slf).state != state {
            return Err(mutated());
        }
        n += eq as i64;
        i += 1;
    }
    Ok(long::from_i64(n))
});

/// A start/stop bound of `index()`: negative counts from the end, then clamped.
fn slice_bound(o: &PyObj, len: isize) -> PyResult<isize> {
    if !ab::has_index(o) {
        return Err(err::type_error("slice indices must be integers or have an __index__ method"));
    }
    let mut i = ab::index_to_ssize(o, None)?;
    if i < 0 {
        i += len;
        if i < 0 {
            i = 0;
        }
    }
    Ok(i.min(len))
}

vm::fastcall!(d_index, |slf, args| {
    parse_stack_nargs("index", args.len(), 1, 3)?;
    let len = dlen(slf) as isize;
    let start = match args.get(1) {
        Some(a) => slice_bound(a, len)?,
        None => 0,
    };
    let stop = match args.get(2) {
        Some(a) => slice_bound(a, len)?,
        None => len,
    };
    let state = dobj(slf).state;
    let mut i = start;
    while i < stop {
        let Some(item) = dget(slf, i as usize) else { break };
        let eq = ab::rich_compare_bool(&item, &args[0], PY_EQ)?;
        if dobj(slf).state != state {
            return Err(mutated());
        }
        if eq {
            return Ok(long::from_i64(i as i64));
        }
        i += 1;
    }
    Err(err::value_error(format!("{} is not in deque", ab::repr_string(&args[0])?)))
});
vm::fastcall!(d_insert, |slf, args| {
    parse_stack_nargs("insert", args.len(), 2, 2)?;
    let i = int_arg(&args[0])?;
    let o = dobj(slf);
    let q = dq(slf.as_ptr());
    if o.maxlen >= 0 && q.len() as isize >= o.maxlen {
        return Err(err::index_error("deque already at its maximum size"));
    }
    let n = q.len() as isize;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) };
    q.insert(pos as usize, args[1].clone().into_ptr());
    o.state = o.state.wrapping_add(1);
    Ok(none::none())
});
vm::onearg!(d_remove, |slf, v| {
    let v = v.unwrap();
    let state = dobj(slf).state;
    let mut i = 0;
    while let Some(item) = dget(slf, i) {
        let eq = ab::rich_compare_bool(&item, v, PY_EQ)?;
        if dobj(slf).state != state {
            return Err(err::index_error("deque mutated during iteration"));
        }
        if eq {
            let old = dq(slf.as_ptr()).remove(i);
            let o = dobj(slf);
            o.state = o.state.wrapping_add(1);
            xdecref(old.unwrap_or(std::ptr::null_mut()));
            return Ok(none::none());
        }
        i += 1;
    }
    Err(err::value_error(format!("{} is not in deque", ab::repr_string(v)?)))
});
vm::onearg!(d_reduce, |slf, _a| {
    let dict = ab::getattr_str_opt(slf, "__dict__")?.unwrap_or_else(none::none);
    let maxlen = dobj(slf).maxlen;
    let args = if maxlen < 0 {
        tuple::empty()
    } else {
        tuple::pair(tuple::empty(), long::from_i64(maxlen as i64))
    };
    Ok(tuple::new(vec![slf.type_obj(), args, dict, ab::get_iter(slf)?]))
});
vm::onearg!(d_sizeof, |slf, _a| {
    let cap = dq(slf.as_ptr()).capacity();
    Ok(long::from_usize((*slf.ob_type()).tp_basicsize as usize + cap * std::mem::size_of::<usize>()))
});
vm::onearg!(d_reversed, |slf, _a| { new_iter(slf, true) });
vm::onearg!(class_getitem, |cls, a| { vm::objects::unionobject::generic_alias(cls, a.unwrap()) });

unsafe extern "C" fn d_get_maxlen(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let m = (*(o as *mut DequeObject)).maxlen;
    if m < 0 {
        none::none().into_ptr()
    } else {
        long::from_i64(m as i64).into_ptr()
    }
}

// ---------------------------------------------------------------- iterators

fn new_iter(d: &PyObj, reverse: bool) -> PyResult {
    unsafe {
        let tp = if reverse { &raw mut DEQUE_REVITER_TYPE } else { &raw mut DEQUE_ITER_TYPE };
        let o = vm::typeobj::alloc_instance(tp);
        if o.is_null() {
            return Err(err::fetch());
        }
        let it = o as *mut DequeIterObject;
        let n = dlen(d) as isize;
        (*it).deque = d.clone().into_ptr();
        (*it).index = if reverse { n - 1 } else { 0 };
        (*it).state = dobj(d).state;
        (*it).counter = n;
        Ok(PyObj::from_owned(o))
    }
}

unsafe extern "C" fn dequeiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut DequeIterObject;
    if (*it).deque.is_null() {
        return std::ptr::null_mut();
    }
    let d = PyObj::borrow(&(*it).deque);
    if dobj(d).state != (*it).state {
        (*it).counter = 0;
        err::restore(mutated());
        return std::ptr::null_mut();
    }
    if (*it).counter <= 0 {
        return std::ptr::null_mut();
    }
    let reverse = (*o).ob_type == &raw mut DEQUE_REVITER_TYPE;
    let Some(v) = dget(d, (*it).index as usize) else {
        (*it).counter = 0;
        return std::ptr::null_mut();
    };
    (*it).index += if reverse { -1 } else { 1 };
    (*it).counter -= 1;
    v.into_ptr()
}

unsafe extern "C" fn dequeiter_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let pos = tuple::items(PyObj::borrow(&args));
        if !kw.is_null() && dict::len(PyObj::borrow(&kw)) > 0 {
            return Err(err::type_error(format!("{}() takes no keyword arguments", type_name(tp))));
        }
        check_nargs(&type_name(tp), pos, 1, 2)?;
        if !is_deque(&pos[0]) {
            return Err(err::type_error(format!(
                "argument 1 must be collections.deque, not {}",
                type_name(pos[0].ob_type())
            )));
        }
        let it = new_iter(&pos[0], tp == &raw mut DEQUE_REVITER_TYPE)?;
        let skip = match pos.get(1) {
            Some(i) => int_arg(i)?,
            None => 0,
        };
        for _ in 0..skip {
            if ab::next(&it)?.is_none() {
                break;
            }
        }
        Ok(it)
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn dequeiter_dealloc(o: *mut PyObject) {
    vm::gc::untrack(o);
    let it = o as *mut DequeIterObject;
    xdecref(std::mem::replace(&mut (*it).deque, std::ptr::null_mut()));
    vm::alloc::tp_free(o);
}

unsafe extern "C" fn dequeiter_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let d = (*(o as *mut DequeIterObject)).deque;
    if d.is_null() {
        0
    } else {
        visit(d, arg)
    }
}

vm::onearg!(di_length_hint, |slf, _a| {
    Ok(long::from_i64((*(slf.as_ptr() as *mut DequeIterObject)).counter.max(0) as i64))
});
vm::onearg!(di_reduce, |slf, _a| {
    let it = slf.as_ptr() as *mut DequeIterObject;
    let d = PyObj::from_borrowed((*it).deque);
    let done = dlen(&d) as isize - (*it).counter;
    Ok(tuple::pair(slf.type_obj(), tuple::pair(d, long::from_i64(done as i64))))
});

// ================================================================ defaultdict

#[repr(C)]
pub struct DefDictObject {
    pub dict: dict::PyDictObject,
    pub default_factory: *mut PyObject,
}

pub static mut DEFDICT_TYPE: PyTypeObject =
    PyTypeObject::empty(b"collections.defaultdict\0", std::mem::size_of::<DefDictObject>(), 0);
static mut DEFDICT_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;

fn is_defdict(o: &PyObj) -> bool {
    unsafe { vm::typeobj::is_subtype(o.ob_type(), &raw mut DEFDICT_TYPE) }
}

fn factory(o: &PyObj) -> PyObj {
    unsafe {
        let f = (*(o.as_ptr() as *mut DefDictObject)).default_factory;
        if f.is_null() {
            none::none()
        } else {
            PyObj::from_borrowed(f)
        }
    }
}

/// `type(dd)(dd.default_factory, arg)`: how copies and `|` build results.
fn new_like(dd: &PyObj, arg: &PyObj) -> PyResult {
    ab::call(&dd.type_obj(), &[factory(dd), arg.clone()], None)
}

unsafe extern "C" fn defdict_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let a = tuple::items(PyObj::borrow(&args));
    let mut rest: &[PyObj] = a;
    let mut newf: *mut PyObject = std::ptr::null_mut();
    if let Some(f) = a.first() {
        if !none::is_none(f) && !vm::bltinmodule::is_callable(f) {
            err::restore(err::type_error("first argument must be callable or None"));
            return -1;
        }
        if !none::is_none(f) {
            newf = f.clone().into_ptr();
        }
        rest = &a[1..];
    }
    let dd = o as *mut DefDictObject;
    let old = std::mem::replace(&mut (*dd).default_factory, newf);
    xdecref(old);
    let rest_t = tuple::from_slice(rest);
    match (*dict::dict_type()).tp_init {
        Some(f) => f(o, rest_t.as_ptr(), kw),
        None => 0,
    }
}

unsafe extern "C" fn defdict_dealloc(o: *mut PyObject) {
    let dd = o as *mut DefDictObject;
    xdecref(std::mem::replace(&mut (*dd).default_factory, std::ptr::null_mut()));
    if let Some(f) = (*dict::dict_type()).tp_dealloc {
        f(o);
    }
}

unsafe extern "C" fn defdict_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let f = (*(o as *mut DefDictObject)).default_factory;
    if !f.is_null() {
        let r = visit(f, arg);
        if r != 0 {
            return r;
        }
    }
    match (*dict::dict_type()).tp_traverse {
        Some(t) => t(o, visit, arg),
        None => 0,
    }
}

unsafe extern "C" fn defdict_tp_clear(o: *mut PyObject) -> c_int {
    let dd = o as *mut DefDictObject;
    xdecref(std::mem::replace(&mut (*dd).default_factory, std::ptr::null_mut()));
    match (*dict::dict_type()).tp_clear {
        Some(c) => c(o),
        None => 0,
    }
}

fn defdict_repr_impl(dd: &PyObj) -> PyResult {
    let base = unsafe {
        match (*dict::dict_type()).tp_repr {
            Some(r) => err::from_ptr(r(dd.as_ptr()))?,
            None => return Err(err::system_error("dict has no repr")),
        }
    };
    let f = factory(dd);
    let frepr = if none::is_none(&f) {
        "None".to_string()
    } else if ab::repr_enter(&f) {
        "...".to_string()
    } else {
        let r = ab::repr_string(&f);
        ab::repr_leave(&f);
        r?
    };
    Ok(unicode::new(&format!(
        "{}({}, {})",
        type_name(dd.ob_type()).rsplit('.').next().unwrap_or(""),
        frepr,
        unicode::to_string_lossy(&base)
    )))
}

unsafe extern "C" fn defdict_repr(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(defdict_repr_impl(PyObj::borrow(&o)))
}

unsafe extern "C" fn defdict_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (l, r) = (PyObj::borrow(&a), PyObj::borrow(&b));
    let (slf, other) = if is_defdict(l) { (l, r) } else { (r, l) };
    if !dict::is_dict(other) {
        return none::not_implemented().into_ptr();
    }
    let res = (|| {
        let n = new_like(slf, l)?;
        vm::objects::dict_methods::update_arg(&n, r)?;
        Ok(n)
    })();
    err::into_ptr(res)
}

vm::onearg!(dd_missing, |slf, key| {
    let key = key.unwrap();
    let f = factory(slf);
    if none::is_none(&f) {
        return Err(err::key_error(key));
    }
    let v = ab::call0(&f)?;
    ab::setitem(slf, key, Some(&v))?;
    Ok(v)
});
vm::onearg!(dd_copy, |slf, _a| { new_like(slf, slf) });
vm::onearg!(dd_reduce, |slf, _a| {
    let f = factory(slf);
    let args = if none::is_none(&f) { tuple::empty() } else { tuple::new(vec![f]) };
    let items = ab::call_method(slf, "items", &[])?;
    Ok(tuple::new(vec![slf.type_obj(), args, none::none(), none::none(), ab::get_iter(&items)?]))
});

// ================================================================ _tuplegetter

#[repr(C)]
pub struct TupleGetterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub doc: *mut PyObject,
}

pub static mut TUPLEGETTER_TYPE: PyTypeObject =
    PyTypeObject::empty(b"_collections._tuplegetter\0", std::mem::size_of::<TupleGetterObject>(), 0);

unsafe extern "C" fn tg_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let pos = tuple::items(PyObj::borrow(&args));
        if !kw.is_null() && dict::len(PyObj::borrow(&kw)) > 0 {
            return Err(err::type_error("_tuplegetter() takes no keyword arguments"));
        }
        check_nargs("_tuplegetter", pos, 2, 2)?;
        let index = int_arg(&pos[0])?;
        let o = vm::typeobj::alloc_instance(tp);
        if o.is_null() {
            return Err(err::fetch());
        }
        let t = o as *mut TupleGetterObject;
        (*t).index = index;
        (*t).doc = pos[1].clone().into_ptr();
        Ok(PyObj::from_owned(o))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn tg_descr_get(o: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    let t = o as *mut TupleGetterObject;
    if obj.is_null() || obj == none::none().as_ptr() {
        return PyObj::from_borrowed(o).into_ptr();
    }
    let ob = PyObj::borrow(&obj);
    if !tuple::is_tuple(ob) {
        err::restore(err::type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            (*t).index,
            type_name(ob.ob_type())
        )));
        return std::ptr::null_mut();
    }
    let items = tuple::items(ob);
    if (*t).index < 0 || (*t).index as usize >= items.len() {
        err::restore(err::index_error("tuple index out of range"));
        return std::ptr::null_mut();
    }
    items[(*t).index as usize].clone().into_ptr()
}

unsafe extern "C" fn tg_descr_set(_o: *mut PyObject, _obj: *mut PyObject, v: *mut PyObject) -> c_int {
    err::restore(err::attribute_error(if v.is_null() { "can't delete attribute" } else { "can't set attribute" }));
    -1
}

unsafe extern "C" fn tg_dealloc(o: *mut PyObject) {
    vm::gc::untrack(o);
    let t = o as *mut TupleGetterObject;
    xdecref(std::mem::replace(&mut (*t).doc, std::ptr::null_mut()));
    vm::alloc::tp_free(o);
}

unsafe extern "C" fn tg_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let d = (*(o as *mut TupleGetterObject)).doc;
    if d.is_null() {
        0
    } else {
        visit(d, arg)
    }
}

unsafe extern "C" fn tg_clear(o: *mut PyObject) -> c_int {
    let t = o as *mut TupleGetterObject;
    xdecref(std::mem::replace(&mut (*t).doc, std::ptr::null_mut()));
    0
}

vm::onearg!(tg_reduce, |slf, _a| {
    let t = slf.as_ptr() as *mut TupleGetterObject;
    let doc = if (*t).doc.is_null() { none::none() } else { PyObj::from_borrowed((*t).doc) };
    Ok(tuple::pair(slf.type_obj(), tuple::pair(long::from_i64((*t).index as i64), doc)))
});

unsafe extern "C" fn tg_repr(o: *mut PyObject) -> *mut PyObject {
    let t = o as *mut TupleGetterObject;
    let r = (|| {
        let doc = if (*t).doc.is_null() { none::none() } else { PyObj::from_borrowed((*t).doc) };
        Ok(unicode::new(&format!("_tuplegetter({}, {})", (*t).index, ab::repr_string(&doc)?)))
    })();
    err::into_ptr(r)
}

// ================================================================ module

vm::fastcall!(count_elements, |slf, args| {
    check_nargs("_count_elements", args, 2, 2)?;
    let (mapping, iterable) = (&args[0], &args[1]);
    let it = ab::get_iter(iterable)?;
    let one = long::from_i64(1);
    let fast = dict::is_exact_dict(mapping);
    let get = if fast { None } else { Some(ab::getattr_str(mapping, "get")?) };
    let zero = long::from_i64(0);
    while let Some(k) = ab::next(&it)? {
        let cur = match &get {
            None => dict::get_item(mapping, &k)?.unwrap_or_else(|| zero.clone()),
            Some(g) => ab::call(g, &[k.clone(), zero.clone()], None)?,
        };
        let n = ab::binary_op(&cur, &one, vm::bytecode::NB_ADD)?;
        ab::setitem(mapping, &k, Some(&n))?;
    }
    Ok(none::none())
});

static mut READY: bool = false;

unsafe fn init_types() -> PyResult<()> {
    if READY {
        return Ok(());
    }
    // deque
    let t = deque_type();
    (*t).tp_flags |= flags::HAVE_GC | flags::BASETYPE | flags::SEQUENCE;
    (*t).tp_new = Some(deque_new);
    (*t).tp_init = Some(deque_init);
    (*t).tp_dealloc = Some(deque_dealloc);
    (*t).tp_traverse = Some(deque_traverse);
    (*t).tp_clear = Some(deque_tp_clear);
    (*t).tp_repr = Some(deque_repr);
    (*t).tp_richcompare = Some(deque_richcompare);
    (*t).tp_hash = Some(vm::slots::hash_not_implemented);
    (*t).tp_iter = Some(deque_iter);
    (*t).tp_weaklistoffset = std::mem::offset_of!(DequeObject, weakreflist) as isize;
    let sq = &raw mut DEQUE_AS_SEQUENCE;
    (*sq).sq_length = Some(deque_len);
    (*sq).sq_concat = Some(deque_concat);
    (*sq).sq_repeat = Some(deque_repeat);
    (*sq).sq_item = Some(deque_item);
    (*sq).sq_ass_item = Some(deque_ass_item);
    (*sq).sq_contains = Some(deque_contains);
    (*sq).sq_inplace_concat = Some(deque_inplace_concat);
    (*sq).sq_inplace_repeat = Some(deque_inplace_repeat);
    (*t).tp_as_sequence = sq;
    set_getsets(t, &[("maxlen", d_get_maxlen as *const c_void, std::ptr::null())]);
    set_methods(t, &[
        ("append", d_append as *const c_void, meth::O, "Add an element to the right side of the deque."),
        ("appendleft", d_appendleft as *const c_void, meth::O, "Add an element to the left side of the deque."),
        ("clear", d_clear as *const c_void, meth::NOARGS, "Remove all elements from the deque."),
        ("__copy__", d_copy as *const c_void, meth::NOARGS, "Return a shallow copy of a deque."),
        ("copy", d_copy as *const c_void, meth::NOARGS, "Return a shallow copy of a deque."),
        ("count", d_count as *const c_void, meth::O, "D.count(value) -> integer -- return number of occurrences of value"),
        ("extend", d_extend as *const c_void, meth::O, "Extend the right side of the deque with elements from the iterable"),
        ("extendleft", d_extendleft as *const c_void, meth::O, "Extend the left side of the deque with elements from the iterable"),
        ("index", d_index as *const c_void, meth::FASTCALL, "D.index(value, [start, [stop]]) -> integer -- return first index of value.\nRaises ValueError if the value is not present."),
        ("insert", d_insert as *const c_void, meth::FASTCALL, "D.insert(index, object) -- insert object before index"),
        ("pop", d_pop as *const c_void, meth::NOARGS, "Remove and return the rightmost element."),
        ("popleft", d_popleft as *const c_void, meth::NOARGS, "Remove and return the leftmost element."),
        ("__reduce__", d_reduce as *const c_void, meth::NOARGS, "Return state information for pickling."),
        ("remove", d_remove as *const c_void, meth::O, "D.remove(value) -- remove first occurrence of value."),
        ("__reversed__", d_reversed as *const c_void, meth::NOARGS, "D.__reversed__() -- return a reverse iterator over the deque"),
        ("reverse", d_reverse as *const c_void, meth::NOARGS, "D.reverse() -- reverse *IN PLACE*"),
        ("rotate", d_rotate as *const c_void, meth::FASTCALL, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."),
        ("__sizeof__", d_sizeof as *const c_void, meth::NOARGS, "D.__sizeof__() -- size of D in memory, in bytes"),
        ("__class_getitem__", class_getitem as *const c_void, meth::O | meth::CLASS, "See PEP 585"),
    ]);
    vm::typeobj::ready(t)?;

    for it in [&raw mut DEQUE_ITER_TYPE, &raw mut DEQUE_REVITER_TYPE] {
        (*it).tp_flags |= flags::HAVE_GC;
        (*it).tp_new = Some(dequeiter_new);
        (*it).tp_dealloc = Some(dequeiter_dealloc);
        (*it).tp_traverse = Some(dequeiter_traverse);
        (*it).tp_iter = Some(vm::objects::iterobject::self_iter);
        (*it).tp_iternext = Some(dequeiter_next);
        set_methods(it, &[
            ("__length_hint__", di_length_hint as *const c_void, meth::NOARGS, "Private method returning an estimate of len(list(it))."),
            ("__reduce__", di_reduce as *const c_void, meth::NOARGS, "Return state information for pickling."),
        ]);
        vm::typeobj::ready(it)?;
    }

    // defaultdict
    let t = &raw mut DEFDICT_TYPE;
    (*t).tp_base = dict::dict_type();
    (*t).tp_flags |= flags::HAVE_GC | flags::BASETYPE;
    (*t).tp_init = Some(defdict_init);
    (*t).tp_dealloc = Some(defdict_dealloc);
    (*t).tp_traverse = Some(defdict_traverse);
    (*t).tp_clear = Some(defdict_tp_clear);
    (*t).tp_repr = Some(defdict_repr);
    let nb = &raw mut DEFDICT_AS_NUMBER;
    (*nb).nb_or = Some(defdict_or);
    (*t).tp_as_number = nb;
    set_members(t, &[("default_factory", T_OBJECT, std::mem::offset_of!(DefDictObject, default_factory), 0)]);
    set_methods(t, &[
        ("__missing__", dd_missing as *const c_void, meth::O, "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n  if self.default_factory is None: raise KeyError((key,))\n  self[key] = value = self.default_factory()\n  return value\n"),
        ("copy", dd_copy as *const c_void, meth::NOARGS, "D.copy() -> a shallow copy of D."),
        ("__copy__", dd_copy as *const c_void, meth::NOARGS, "D.copy() -> a shallow copy of D."),
        ("__reduce__", dd_reduce as *const c_void, meth::NOARGS, "Return state information for pickling."),
        ("__class_getitem__", class_getitem as *const c_void, meth::O | meth::CLASS, "See PEP 585"),
    ]);
    vm::typeobj::ready(t)?;

    // _tuplegetter
    let t = &raw mut TUPLEGETTER_TYPE;
    (*t).tp_flags |= flags::HAVE_GC;
    (*t).tp_new = Some(tg_new);
    (*t).tp_dealloc = Some(tg_dealloc);
    (*t).tp_traverse = Some(tg_traverse);
    (*t).tp_clear = Some(tg_clear);
    (*t).tp_descr_get = Some(tg_descr_get);
    (*t).tp_descr_set = Some(tg_descr_set);
    (*t).tp_repr = Some(tg_repr);
    set_members(t, &[("__doc__", T_OBJECT, std::mem::offset_of!(TupleGetterObject, doc), 0)]);
    set_methods(t, &[("__reduce__", tg_reduce as *const c_void, meth::NOARGS, "")]);
    vm::typeobj::ready(t)?;
    READY = true;
    Ok(())
}

pub fn init() -> PyResult<PyObj> {
    unsafe { init_types()? };
    let m = module::new("_collections");
    vm::sysmodule::add_functions(&m, &[("_count_elements", count_elements as *const c_void, meth::FASTCALL)]);
    ab::setattr_str(&m, "__doc__", unicode::new("High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n"))?;
    ab::setattr_str(&m, "deque", type_obj(deque_type()))?;
    ab::setattr_str(&m, "defaultdict", type_obj(&raw mut DEFDICT_TYPE))?;
    ab::setattr_str(&m, "_deque_iterator", type_obj(&raw mut DEQUE_ITER_TYPE))?;
    ab::setattr_str(&m, "_deque_reverse_iterator", type_obj(&raw mut DEQUE_REVITER_TYPE))?;
    ab::setattr_str(&m, "_tuplegetter", type_obj(&raw mut TUPLEGETTER_TYPE))?;
    Ok(m)
}
