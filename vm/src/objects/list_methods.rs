//! Python-level behaviour of `list`: construction, repr, comparison,
//! sequence slots, iteration, sorting and methods.

use crate::abstract_ as ab;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{boolobject, exceptions, float, list, long, none, slice, tuple, unicode};
use crate::objref::{decref, PyObj};
use crate::typeobj::type_name;
use std::os::raw::{c_int, c_void};

// ---------------------------------------------------------------- helpers

pub use crate::abstract_::{repr_enter, repr_leave};

/// A `Py_ssize_t` argument (`__index__`, OverflowError when too large).
pub fn ssize_arg(o: &PyObj) -> PyResult<isize> {
    let i = ab::index(o)?;
    match long::as_i64(&i) {
        Some(v) => Ok(v as isize),
        None => Err(err::overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// `_PyEval_SliceIndexNotNone`: an index for start/stop arguments, clamped.
pub fn slice_index_arg(o: &PyObj) -> PyResult<isize> {
    if !ab::has_index(o) {
        return Err(err::type_error(
            "slice indices must be integers or have an __index__ method",
        ));
    }
    ab::index_to_ssize(o, None)
}

/// Normalizes a (start, stop) pair of `index()` arguments for a sequence of `n`.
pub fn clamp_range(start: isize, stop: isize, n: usize) -> (usize, usize) {
    let n = n as isize;
    let mut s = start;
    let mut e = stop;
    if s < 0 {
        s += n;
        if s < 0 {
            s = 0;
        }
    }
    if e < 0 {
        e += n;
        if e < 0 {
            e = 0;
        }
    }
    let e = e.min(n);
    (s as usize, e.max(0) as usize)
}

unsafe fn raw(o: &PyObj) -> *mut list::PyListObject {
    o.as_ptr() as *mut list::PyListObject
}

fn set_size(l: &PyObj, n: usize) {
    unsafe { (*raw(l)).ob_base.ob_size = n as isize }
}

/// Items of a list or tuple as an owned Vec; anything else iterated.
/// A TypeError from getting the iterator is replaced by `msg` (PySequence_Fast).
pub fn seq_fast(o: &PyObj, msg: &str) -> PyResult<Vec<PyObj>> {
    if list::is_list(o) {
        return Ok(list::to_vec(o));
    }
    if tuple::is_tuple(o) {
        return Ok(tuple::items(o).to_vec());
    }
    let it = ab::get_iter(o).map_err(|e| {
        if e.matches(unsafe { exceptions::PyExc_TypeError }) {
            err::type_error(msg)
        } else {
            e
        }
    })?;
    let mut v = Vec::new();
    while let Some(x) = ab::next(&it)? {
        v.push(x);
    }
    Ok(v)
}

/// `list.extend(iterable)`.
pub fn extend(l: &PyObj, other: &PyObj) -> PyResult<()> {
    if list::is_exact_list(other) || tuple::is_exact_tuple(other) || l.is(other) {
        let items = if tuple::is_tuple(other) { tuple::items(other).to_vec() } else { list::to_vec(other) };
        unsafe { list::reserve(l, list::len(l) + items.len()) };
        for v in items {
            list::append(l, v);
        }
        return Ok(());
    }
    if crate::objects::rangeobject::is_range(other) {
        // A range knows its length without running any code (CPython
        // presizes from the length hint): no regrowth while it fills.
        unsafe {
            let length = (*(other.as_ptr() as *mut crate::objects::rangeobject::RangeObject)).length;
            if let Some(n) = crate::objects::long::as_i64(PyObj::borrow(&length)) {
                // Capped: a huge range fails later, as it fills, not here.
                if n > 0 && n <= 1 << 24 {
                    list::reserve(l, list::len(l) + n as usize);
                }
            }
        }
    }
    let it = ab::get_iter(other)?;
    while let Some(x) = ab::next(&it)? {
        list::append(l, x);
    }
    Ok(())
}

/// Removes the items in `lo..hi` and inserts `v` there (in place).
fn replace_range(l: &PyObj, lo: usize, hi: usize, v: Vec<PyObj>) {
    unsafe {
        let n = list::len(l);
        let hi = hi.max(lo).min(n);
        let lo = lo.min(hi);
        let r = raw(l);
        let removed: Vec<*mut PyObject> = (lo..hi).map(|i| *(*r).ob_item.add(i)).collect();
        let k = v.len();
        let newn = n - (hi - lo) + k;
        if newn > n {
            list::reserve(l, newn);
        }
        let p = (*r).ob_item;
        if n > hi && k != hi - lo {
            std::ptr::copy(p.add(hi), p.add(lo + k), n - hi);
        }
        for (j, x) in v.into_iter().enumerate() {
            *p.add(lo + j) = x.into_ptr();
        }
        set_size(l, newn);
        for o in removed {
            decref(o);
        }
    }
}

/// Deletes `l[lo:hi]` (clamped).
pub fn del_range(l: &PyObj, lo: usize, hi: usize) {
    replace_range(l, lo, hi, Vec::new())
}

fn check_list(o: &PyObj, what: &str) -> PyResult<()> {
    if list::is_list(o) {
        Ok(())
    } else {
        Err(err::type_error(format!(
            "descriptor '{}' requires a 'list' object but received a '{}'",
            what,
            type_name(o.ob_type())
        )))
    }
}

// ---------------------------------------------------------------- slots

unsafe extern "C" fn list_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    let o = crate::typeobj::alloc_instance(tp);
    if o.is_null() && !err::occurred() {
        err::set_memory_error();
    }
    o
}

unsafe extern "C" fn list_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let slf = PyObj::borrow(&o);
    let a = PyObj::borrow(&args);
    let r = (|| -> PyResult<()> {
        let tp = slf.ob_type();
        if !kw.is_null()
            && crate::objects::dict::len(PyObj::borrow(&kw)) > 0
            && (tp == list::list_type() || (*tp).tp_new.map(|f| f as usize) == Some(list_new as newfunc as usize))
        {
            return Err(err::type_error("list() takes no keyword arguments"));
        }
        let n = tuple::len(a);
        if n > 1 {
            return Err(err::type_error(format!("list expected at most 1 argument, got {}", n)));
        }
        if list::len(slf) > 0 {
            del_range(slf, 0, list::len(slf));
        }
        if n == 1 {
            extend(slf, &tuple::items(a)[0])?;
        }
        Ok(())
    })();
    err::int_result(r)
}

unsafe extern "C" fn list_repr(o: *mut PyObject) -> *mut PyObject {
    let l = PyObj::borrow(&o);
    if list::len(l) == 0 {
        return unicode::new("[]").into_ptr();
    }
    if repr_enter(l) {
        return unicode::new("[...]").into_ptr();
    }
    let r = (|| -> PyResult {
        let mut s = String::from("[");
        let mut i = 0;
        while i < list::len(l) {
            if i > 0 {
                s.push_str(", ");
            }
            let item = list::get(l, i);
            s.push_str(&ab::repr_string(&item)?);
            i += 1;
        }
        s.push(']');
        Ok(unicode::new(&s))
    })();
    repr_leave(l);
    err::into_ptr(r)
}

/// Lexicographic comparison of two item sequences, re-reading through
/// `get` so that mutation during comparison is safe. Lists (not tuples)
/// answer ==/!= from the lengths first.
pub fn seq_richcompare(
    vlen: &dyn Fn() -> usize,
    wlen: &dyn Fn() -> usize,
    vget: &dyn Fn(usize) -> PyObj,
    wget: &dyn Fn(usize) -> PyObj,
    op: c_int,
    len_shortcut: bool,
) -> PyResult {
    if len_shortcut && vlen() != wlen() && (op == PY_EQ || op == PY_NE) {
        return Ok(boolobject::new(op == PY_NE));
    }
    let mut i = 0;
    while i < vlen() && i < wlen() {
        let a = vget(i);
        let b = wget(i);
        if a.is(&b) {
            i += 1;
            continue;
        }
        if !ab::rich_compare_bool(&a, &b, PY_EQ)? {
            break;
        }
        i += 1;
    }
    let (vl, wl) = (vlen(), wlen());
    if i >= vl || i >= wl {
        let r = match op {
            PY_LT => vl < wl,
            PY_LE => vl <= wl,
            PY_EQ => vl == wl,
            PY_NE => vl != wl,
            PY_GT => vl > wl,
            _ => vl >= wl,
        };
        return Ok(boolobject::new(r));
    }
    match op {
        PY_EQ => Ok(boolobject::new(false)),
        PY_NE => Ok(boolobject::new(true)),
        _ => ab::rich_compare(&vget(i), &wget(i), op),
    }
}

unsafe extern "C" fn list_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    let a = PyObj::borrow(&v);
    let b = PyObj::borrow(&w);
    if !list::is_list(a) || !list::is_list(b) {
        return none::not_implemented().into_ptr();
    }
    err::into_ptr(seq_richcompare(
        &|| list::len(a),
        &|| list::len(b),
        &|i| list::get(a, i),
        &|i| list::get(b, i),
        op,
        true,
    ))
}

unsafe extern "C" fn list_length(o: *mut PyObject) -> Py_ssize_t {
    list::len(PyObj::borrow(&o)) as isize
}

unsafe extern "C" fn list_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    let b = PyObj::borrow(&b);
    if !list::is_list(b) {
        err::restore(err::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            type_name(b.ob_type())
        )));
        return std::ptr::null_mut();
    }
    let mut v = list::to_vec(a);
    v.extend_from_slice(list::items(b));
    list::new(v).into_ptr()
}

pub fn repeat_vec(items: &[PyObj], n: isize) -> PyResult<Vec<PyObj>> {
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = items.len().checked_mul(n as usize).filter(|&t| t <= (isize::MAX as usize) / 8);
    let Some(total) = total else {
        return Err(err::memory_error_msg(""));
    };
    let mut v = Vec::with_capacity(total);
    for _ in 0..n {
        v.extend_from_slice(items);
    }
    Ok(v)
}

unsafe extern "C" fn list_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    err::into_ptr(repeat_vec(list::items(a), n).map(list::new))
}

unsafe extern "C" fn list_contains(a: *mut PyObject, x: *mut PyObject) -> c_int {
    let a = PyObj::borrow(&a);
    let x = PyObj::borrow(&x);
    let mut i = 0;
    while i < list::len(a) {
        let item = list::get(a, i);
        match ab::rich_compare_bool(&item, x, PY_EQ) {
            Ok(true) => return 1,
            Ok(false) => {}
            Err(e) => {
                err::restore(e);
                return -1;
            }
        }
        i += 1;
    }
    0
}

unsafe extern "C" fn list_item(a: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    if i < 0 || i as usize >= list::len(a) {
        err::restore(err::index_error("list index out of range"));
        return std::ptr::null_mut();
    }
    list::get(a, i as usize).into_ptr()
}

unsafe extern "C" fn list_ass_item(a: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    let a = PyObj::borrow(&a);
    if i < 0 || i as usize >= list::len(a) {
        err::restore(err::index_error("list assignment index out of range"));
        return -1;
    }
    if v.is_null() {
        del_range(a, i as usize, i as usize + 1);
    } else {
        list::set(a, i as usize, PyObj::borrow(&v).clone());
    }
    0
}

unsafe extern "C" fn list_inplace_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let l = PyObj::borrow(&a);
    match extend(l, PyObj::borrow(&b)) {
        Ok(()) => l.clone().into_ptr(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn list_inplace_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let l = PyObj::borrow(&a);
    if n <= 0 {
        del_range(l, 0, list::len(l));
        return l.clone().into_ptr();
    }
    if n == 1 || list::len(l) == 0 {
        return l.clone().into_ptr();
    }
    match repeat_vec(list::items(l), n - 1) {
        Ok(v) => {
            list::reserve(l, list::len(l) + v.len());
            for x in v {
                list::append(l, x);
            }
            l.clone().into_ptr()
        }
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

/// Items of `items` selected by a slice (start, step, count).
pub fn slice_items(items: &[PyObj], start: isize, step: isize, n: usize) -> Vec<PyObj> {
    let mut v = Vec::with_capacity(n);
    let mut i = start;
    for _ in 0..n {
        v.push(items[i as usize].clone());
        i += step;
    }
    v
}

fn list_subscript_impl(l: &PyObj, key: &PyObj) -> PyResult {
    if ab::has_index(key) {
        let mut i = ab::index_to_ssize(key, Some(unsafe { exceptions::PyExc_IndexError }))?;
        let n = list::len(l) as isize;
        if i < 0 {
            i += n;
        }
        if i < 0 || i >= n {
            return Err(err::index_error("list index out of range"));
        }
        return Ok(list::get(l, i as usize));
    }
    if slice::is_slice(key) {
        let (start, _stop, step, n) = slice::indices(key, list::len(l))?;
        let n = n.min(list::len(l));
        return Ok(list::new(slice_items(list::items(l), start, step, n)));
    }
    Err(err::type_error(format!(
        "list indices must be integers or slices, not {}",
        type_name(key.ob_type())
    )))
}

unsafe extern "C" fn list_subscript(a: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    err::into_ptr(list_subscript_impl(PyObj::borrow(&a), PyObj::borrow(&k)))
}

fn list_ass_subscript_impl(l: &PyObj, key: &PyObj, v: Option<&PyObj>) -> PyResult<()> {
    if ab::has_index(key) {
        let mut i = ab::index_to_ssize(key, Some(unsafe { exceptions::PyExc_IndexError }))?;
        let n = list::len(l) as isize;
        if i < 0 {
            i += n;
        }
        if i < 0 || i >= n {
            return Err(err::index_error("list assignment index out of range"));
        }
        match v {
            None => del_range(l, i as usize, i as usize + 1),
            Some(v) => list::set(l, i as usize, v.clone()),
        }
        return Ok(());
    }
    if !slice::is_slice(key) {
        return Err(err::type_error(format!(
            "list indices must be integers or slices, not {}",
            type_name(key.ob_type())
        )));
    }
    let (mut start, mut stop, step) = slice::unpack(key)?;
    if step == 1 {
        let newitems = match v {
            None => Vec::new(),
            Some(v) => seq_fast(v, "can only assign an iterable")?,
        };
        let n = list::len(l) as isize;
        slice::adjust(n, &mut start, &mut stop, step);
        let lo = start.clamp(0, n) as usize;
        let hi = stop.clamp(0, n).max(lo as isize) as usize;
        replace_range(l, lo, hi, newitems);
        return Ok(());
    }
    match v {
        None => {
            let n = list::len(l) as isize;
            let count = slice::adjust(n, &mut start, &mut stop, step);
            if count <= 0 {
                return Ok(());
            }
            let mut remove = vec![false; n as usize];
            let mut i = start;
            for _ in 0..count {
                remove[i as usize] = true;
                i += step;
            }
            let kept: Vec<PyObj> = list::items(l)
                .iter()
                .zip(remove.iter())
                .filter(|(_, &r)| !r)
                .map(|(x, _)| x.clone())
                .collect();
            list::set_contents(l, kept);
            Ok(())
        }
        Some(v) => {
            let seq = seq_fast(v, "must assign iterable to extended slice")?;
            let n = list::len(l) as isize;
            let count = slice::adjust(n, &mut start, &mut stop, step);
            if seq.len() as isize != count {
                return Err(err::value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    seq.len(),
                    count
                )));
            }
            let mut old = Vec::with_capacity(seq.len());
            unsafe {
                let p = (*raw(l)).ob_item;
                let mut i = start;
                for x in seq {
                    let slot = p.add(i as usize);
                    old.push(std::mem::replace(&mut *slot, x.into_ptr()));
                    i += step;
                }
                for o in old {
                    decref(o);
                }
            }
            Ok(())
        }
    }
}

unsafe extern "C" fn list_ass_subscript(a: *mut PyObject, k: *mut PyObject, v: *mut PyObject) -> c_int {
    let v = if v.is_null() { None } else { Some(PyObj::borrow(&v)) };
    err::int_result(list_ass_subscript_impl(PyObj::borrow(&a), PyObj::borrow(&k), v))
}

// ---------------------------------------------------------------- iterators

#[repr(C)]
pub struct ListIterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

#[no_mangle]
pub static mut PyListIter_Type: PyTypeObject =
    PyTypeObject::empty(b"list_iterator\0", std::mem::size_of::<ListIterObject>(), 0);
#[no_mangle]
pub static mut PyListRevIter_Type: PyTypeObject =
    PyTypeObject::empty(b"list_reverseiterator\0", std::mem::size_of::<ListIterObject>(), 0);

fn new_iter(tp: *mut PyTypeObject, l: &PyObj, index: isize) -> PyObj {
    unsafe {
        let o = crate::alloc::alloc_object(tp, 0) as *mut ListIterObject;
        (*o).index = index;
        (*o).seq = l.clone().into_ptr();
        PyObj::from_owned(o as *mut PyObject)
    }
}

unsafe extern "C" fn list_iter(o: *mut PyObject) -> *mut PyObject {
    new_iter(&raw mut PyListIter_Type, PyObj::borrow(&o), 0).into_ptr()
}

/// `reversed(list)`.
pub fn reversed_iter(l: &PyObj) -> PyObj {
    new_iter(&raw mut PyListRevIter_Type, l, list::len(l) as isize - 1)
}

unsafe fn drop_seq(it: *mut ListIterObject) {
    let s = std::mem::replace(&mut (*it).seq, std::ptr::null_mut());
    crate::objref::xdecref(s);
}

unsafe extern "C" fn listiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut ListIterObject;
    if (*it).seq.is_null() {
        return std::ptr::null_mut();
    }
    let l = PyObj::borrow(&(*it).seq);
    let i = (*it).index;
    if i >= 0 && (i as usize) < list::len(l) {
        (*it).index += 1;
        return list::get(l, i as usize).into_ptr();
    }
    drop_seq(it);
    std::ptr::null_mut()
}

unsafe extern "C" fn listreviter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut ListIterObject;
    if (*it).seq.is_null() {
        return std::ptr::null_mut();
    }
    let l = PyObj::borrow(&(*it).seq);
    let i = (*it).index;
    if i >= 0 && (i as usize) < list::len(l) {
        (*it).index -= 1;
        return list::get(l, i as usize).into_ptr();
    }
    (*it).index = -1;
    drop_seq(it);
    std::ptr::null_mut()
}

crate::onearg!(listiter_len, |slf, _a| {
    let it = slf.as_ptr() as *mut ListIterObject;
    let mut n = 0isize;
    if !(*it).seq.is_null() {
        let l = PyObj::borrow(&(*it).seq);
        n = (list::len(l) as isize - (*it).index).max(0);
    }
    Ok(long::from_i64(n as i64))
});

crate::onearg!(listreviter_len, |slf, _a| {
    let it = slf.as_ptr() as *mut ListIterObject;
    let mut n = (*it).index + 1;
    if (*it).seq.is_null() || (list::len(PyObj::borrow(&(*it).seq)) as isize) < n {
        n = 0;
    }
    Ok(long::from_i64(n as i64))
});

unsafe extern "C" fn listiter_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    crate::objref::xdecref((*(o as *mut ListIterObject)).seq);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn listiter_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = (*(o as *mut ListIterObject)).seq;
    if p.is_null() {
        0
    } else {
        visit(p, arg)
    }
}

// ---------------------------------------------------------------- sorting

/// Stable natural merge sort of `v` by `lt`. After the first error `lt`
/// is no longer called (treated as "not less"), so the result is always a
/// permutation of the input; the error is returned.
fn merge_sort<T: Copy, F: FnMut(T, T) -> PyResult<bool>>(v: &mut [T], lt: F) -> PyResult<()> {
    let mut error: Option<err::PyErr> = None;
    let mut lt = lt;
    let mut less = |a: T, b: T| -> bool {
        if error.is_some() {
            return false;
        }
        match lt(a, b) {
            Ok(r) => r,
            Err(e) => {
                error = Some(e);
                false
            }
        }
    };
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    // CPython's merge_compute_minrun: n itself below 64, else in 32..=64.
    let minrun = {
        let (mut m, mut r) = (n, 0);
        while m >= 64 {
            r |= m & 1;
            m >>= 1;
        }
        m + r
    };
    // Find runs, extending short ones with binary insertion sort.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let start = i;
        let mut end = i + 1;
        if end < n {
            if less(v[end], v[end - 1]) {
                // strictly descending
                end += 1;
                while end < n && less(v[end], v[end - 1]) {
                    end += 1;
                }
                v[start..end].reverse();
            } else {
                end += 1;
                while end < n && !less(v[end], v[end - 1]) {
                    end += 1;
                }
            }
        }
        if end - start < minrun && end < n {
            let target = (start + minrun).min(n);
            for k in end..target {
                let x = v[k];
                // binary search for the insertion point (after equal items)
                let (mut lo, mut hi) = (start, k);
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if less(x, v[mid]) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                v.copy_within(lo..k, lo + 1);
                v[lo] = x;
            }
            end = target;
        }
        runs.push((start, end));
        i = end;
    }
    let mut buf: Vec<T> = Vec::with_capacity(n);
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len() / 2 + 1);
        let mut j = 0;
        while j < runs.len() {
            if j + 1 == runs.len() {
                merged.push(runs[j]);
                break;
            }
            let (s, m) = runs[j];
            let (_, e) = runs[j + 1];
            // Skip if already in order.
            if !less(v[m], v[m - 1]) {
                merged.push((s, e));
                j += 2;
                continue;
            }
            buf.clear();
            buf.extend_from_slice(&v[s..m]);
            let (mut a, mut b, mut out) = (0usize, m, s);
            while a < buf.len() && b < e {
                if less(v[b], buf[a]) {
                    v[out] = v[b];
                    b += 1;
                } else {
                    v[out] = buf[a];
                    a += 1;
                }
                out += 1;
            }
            while a < buf.len() {
                v[out] = buf[a];
                a += 1;
                out += 1;
            }
            merged.push((s, e));
            j += 2;
        }
        runs = merged;
    }
    match error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Sorts `order` (indices into `keys`) stably by the keys, with CPython's
/// fast paths for homogeneous exact ints, floats and strs.
fn sort_indices(keys: &[PyObj], order: &mut [usize]) -> PyResult<()> {
    if keys.is_empty() {
        return Ok(());
    }
    if keys.iter().all(|k| long::is_exact_int(k)) {
        let iv: Option<Vec<i64>> = keys.iter().map(long::as_i64).collect();
        if let Some(iv) = iv {
            return merge_sort(order, |a, b| Ok(iv[a] < iv[b]));
        }
        // Big ints: fall through to the generic path.
    }
    if keys.iter().all(float::is_exact_float) {
        let fv: Vec<f64> = keys.iter().map(float::value).collect();
        return merge_sort(order, |a, b| Ok(fv[a] < fv[b]));
    }
    if keys.iter().all(unicode::is_exact_str) {
        return merge_sort(order, |a, b| {
            Ok(unicode::compare(&keys[a], &keys[b]) == std::cmp::Ordering::Less)
        });
    }
    if keys.iter().all(tuple::is_exact_tuple) {
        return merge_sort(order, |a, b| tuple_lt(&keys[a], &keys[b]));
    }
    merge_sort(order, |a, b| ab::rich_compare_bool(&keys[a], &keys[b], PY_LT))
}

/// `a == b` as PyObject_RichCompareBool, with direct paths for exact
/// ints, floats and strs.
fn fast_eq(a: &PyObj, b: &PyObj) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    let (ta, tb) = (a.ob_type(), b.ob_type());
    if ta == tb {
        if ta == unicode::str_type() {
            return Ok(unicode::eq(a, b));
        }
        if ta == long::long_type() {
            if let (Some(x), Some(y)) = (long::as_i64(a), long::as_i64(b)) {
                return Ok(x == y);
            }
        }
        if ta == float::float_type() {
            return Ok(float::value(a) == float::value(b));
        }
    }
    ab::rich_compare_bool(a, b, PY_EQ)
}

/// `a < b` with the same direct paths (and tuples compared item-wise).
fn fast_lt(a: &PyObj, b: &PyObj) -> PyResult<bool> {
    let (ta, tb) = (a.ob_type(), b.ob_type());
    if ta == tb {
        if ta == unicode::str_type() {
            return Ok(unicode::compare(a, b) == std::cmp::Ordering::Less);
        }
        if ta == long::long_type() {
            if let (Some(x), Some(y)) = (long::as_i64(a), long::as_i64(b)) {
                return Ok(x < y);
            }
        }
        if ta == float::float_type() {
            return Ok(float::value(a) < float::value(b));
        }
        if ta == tuple::tuple_type() {
            return tuple_lt(a, b);
        }
    }
    ab::rich_compare_bool(a, b, PY_LT)
}

/// `a < b` for two exact tuples, as tuple_richcompare does it.
fn tuple_lt(a: &PyObj, b: &PyObj) -> PyResult<bool> {
    let (x, y) = (tuple::items(a), tuple::items(b));
    let n = x.len().min(y.len());
    for i in 0..n {
        if !fast_eq(&x[i], &y[i])? {
            return fast_lt(&x[i], &y[i]);
        }
    }
    Ok(x.len() < y.len())
}

/// Sorts a list in place (stable), as `list.sort(key=..., reverse=...)`.
pub fn sort_list(l: &PyObj, key: Option<&PyObj>, reverse: bool) -> PyResult<()> {
    let key = key.filter(|k| !none::is_none(k));
    unsafe {
        let r = raw(l);
        let n = list::len(l);
        let saved = (*r).ob_item;
        let saved_alloc = (*r).allocated;
        (*r).ob_item = std::ptr::null_mut();
        (*r).ob_base.ob_size = 0;
        (*r).allocated = -1;
        let vals: &[PyObj] = if n == 0 { &[] } else { PyObj::slice(saved, n) };

        let mut result: PyResult<()> = Ok(());
        let keys: Option<Vec<PyObj>> = match key {
            None => Some(Vec::new()),
            Some(kf) => {
                let mut ks = Vec::with_capacity(n);
                for v in vals {
                    match ab::call1(kf, v) {
                        Ok(k) => ks.push(k),
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
                if result.is_ok() { Some(ks) } else { None }
            }
        };
        if let Some(ks) = keys {
            let keys: &[PyObj] = if key.is_some() { &ks } else { vals };
            let mut order: Vec<usize> = (0..n).collect();
            if reverse {
                order.reverse();
            }
            result = sort_indices(keys, &mut order);
            if reverse {
                order.reverse();
            }
            let perm: Vec<*mut PyObject> = order.iter().map(|&i| *saved.add(i)).collect();
            for (i, p) in perm.into_iter().enumerate() {
                *saved.add(i) = p;
            }
            drop(ks);
        }
        // Restore, discarding anything done to the list meanwhile.
        let final_items = (*r).ob_item;
        let final_n = (*r).ob_base.ob_size as usize;
        let modified = (*r).allocated != -1;
        (*r).ob_item = saved;
        (*r).ob_base.ob_size = n as isize;
        (*r).allocated = saved_alloc;
        if !final_items.is_null() {
            for i in 0..final_n {
                decref(*final_items.add(i));
            }
            crate::alloc::mem_free(final_items as *mut _);
        }
        if modified && result.is_ok() {
            result = Err(err::value_error("list modified during sort"));
        }
        result
    }
}

// ---------------------------------------------------------------- methods

crate::onearg!(l_append, |slf, arg| {
    list::append(slf, arg.unwrap().clone());
    Ok(none::none())
});

crate::onearg!(l_clear, |slf, _a| {
    del_range(slf, 0, list::len(slf));
    Ok(none::none())
});

crate::onearg!(l_copy, |slf, _a| { Ok(list::from_slice(list::items(slf))) });

crate::onearg!(l_count, |slf, arg| {
    let x = arg.unwrap();
    let mut c = 0i64;
    let mut i = 0;
    while i < list::len(slf) {
        let item = list::get(slf, i);
        if ab::rich_compare_bool(&item, x, PY_EQ)? {
            c += 1;
        }
        i += 1;
    }
    Ok(long::from_i64(c))
});

crate::onearg!(l_extend, |slf, arg| {
    extend(slf, arg.unwrap())?;
    Ok(none::none())
});

crate::fastcall!(l_index, |slf, args| {
    crate::objects::methodobject::check_nargs("index", args, 1, 3)?;
    let start = if args.len() > 1 { slice_index_arg(&args[1])? } else { 0 };
    let stop = if args.len() > 2 { slice_index_arg(&args[2])? } else { isize::MAX };
    let (s, e) = clamp_range(start, stop, list::len(slf));
    let mut i = s;
    while i < e && i < list::len(slf) {
        let item = list::get(slf, i);
        if ab::rich_compare_bool(&item, &args[0], PY_EQ)? {
            return Ok(long::from_i64(i as i64));
        }
        i += 1;
    }
    Err(err::value_error(format!("{} is not in list", ab::repr_string(&args[0])?)))
});

crate::fastcall!(l_insert, |slf, args| {
    crate::objects::methodobject::check_nargs("insert", args, 2, 2)?;
    let mut i = ssize_arg(&args[0])?;
    let n = list::len(slf) as isize;
    if i < 0 {
        i += n;
        if i < 0 {
            i = 0;
        }
    }
    if i > n {
        i = n;
    }
    replace_range(slf, i as usize, i as usize, vec![args[1].clone()]);
    Ok(none::none())
});

crate::fastcall!(l_pop, |slf, args| {
    crate::objects::methodobject::check_nargs("pop", args, 0, 1)?;
    let mut i = if args.is_empty() { -1 } else { ssize_arg(&args[0])? };
    let n = list::len(slf) as isize;
    if n == 0 {
        return Err(err::index_error("pop from empty list"));
    }
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(err::index_error("pop index out of range"));
    }
    let v = list::get(slf, i as usize);
    del_range(slf, i as usize, i as usize + 1);
    Ok(v)
});

crate::onearg!(l_remove, |slf, arg| {
    let x = arg.unwrap();
    let mut i = 0;
    while i < list::len(slf) {
        let item = list::get(slf, i);
        if ab::rich_compare_bool(&item, x, PY_EQ)? {
            if i < list::len(slf) {
                del_range(slf, i, i + 1);
            }
            return Ok(none::none());
        }
        i += 1;
    }
    Err(err::value_error("list.remove(x): x not in list"))
});

crate::onearg!(l_reverse, |slf, _a| {
    let n = list::len(slf);
    if n > 1 {
        let p = (*raw(slf)).ob_item;
        std::slice::from_raw_parts_mut(p, n).reverse();
    }
    Ok(none::none())
});

/// `list.sort(*, key=None, reverse=False)` given the keyword values and names.
pub fn sort_kw(l: &PyObj, values: &[PyObj], kw: Option<&PyObj>) -> PyResult<()> {
    let mut key = None;
    let mut reverse = false;
    if let Some(k) = kw {
        for (j, name) in tuple::items(k).iter().enumerate() {
            let v = &values[j];
            match unicode::to_string_lossy(name).as_str() {
                "key" => key = Some(v.clone()),
                "reverse" => {
                    if crate::objects::float::is_float(v) || !ab::has_index(v) {
                        return Err(err::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(v.ob_type())
                        )));
                    }
                    reverse = !long::is_zero(&ab::index(v)?);
                }
                other => {
                    return Err(err::type_error(format!(
                        "'{}' is an invalid keyword argument for sort()",
                        other
                    )))
                }
            }
        }
    }
    sort_list(l, key.as_ref(), reverse)
}

crate::fastcall_kw!(l_sort, |slf, args, kw| {
    let nk = kw.map(tuple::len).unwrap_or(0);
    if args.len() > nk {
        return Err(err::type_error("sort() takes no positional arguments"));
    }
    sort_kw(slf, args, kw)?;
    Ok(none::none())
});

crate::onearg!(l_reversed, |slf, _a| {
    check_list(slf, "__reversed__")?;
    Ok(reversed_iter(slf))
});

crate::onearg!(l_sizeof, |slf, _a| {
    let alloc = (*raw(slf)).allocated.max(0) as usize;
    Ok(long::from_usize(
        (*slf.ob_type()).tp_basicsize as usize + alloc * std::mem::size_of::<*mut PyObject>(),
    ))
});

// `__class_getitem__`: `list[int]` is a types.GenericAlias.
crate::onearg!(class_getitem, |cls, arg| { crate::objects::unionobject::generic_alias(cls, arg.unwrap()) });

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PyListIter_Type, &raw mut PyListRevIter_Type]
}

static mut LIST_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut LIST_AS_MAPPING: PyMappingMethods = EMPTY_MAPPING_METHODS;

pub unsafe fn init_type() {
    let t = list::list_type();
    (*t).tp_new = Some(list_new);
    (*t).tp_init = Some(list_init);
    (*t).tp_repr = Some(list_repr);
    (*t).tp_richcompare = Some(list_richcompare);
    (*t).tp_hash = Some(crate::slots::hash_not_implemented);
    (*t).tp_iter = Some(list_iter);
    let sq = &raw mut LIST_AS_SEQUENCE;
    (*sq).sq_length = Some(list_length);
    (*sq).sq_concat = Some(list_concat);
    (*sq).sq_repeat = Some(list_repeat);
    (*sq).sq_item = Some(list_item);
    (*sq).sq_ass_item = Some(list_ass_item);
    (*sq).sq_contains = Some(list_contains);
    (*sq).sq_inplace_concat = Some(list_inplace_concat);
    (*sq).sq_inplace_repeat = Some(list_inplace_repeat);
    (*t).tp_as_sequence = sq;
    let mp = &raw mut LIST_AS_MAPPING;
    (*mp).mp_length = Some(list_length);
    (*mp).mp_subscript = Some(list_subscript);
    (*mp).mp_ass_subscript = Some(list_ass_subscript);
    (*t).tp_as_mapping = mp;
    crate::objects::descr::set_methods(
        t,
        &[
            ("append", l_append as *const c_void, meth::O, ""),
            ("clear", l_clear as *const c_void, meth::NOARGS, ""),
            ("copy", l_copy as *const c_void, meth::NOARGS, ""),
            ("count", l_count as *const c_void, meth::O, ""),
            ("extend", l_extend as *const c_void, meth::O, ""),
            ("index", l_index as *const c_void, meth::FASTCALL, ""),
            ("insert", l_insert as *const c_void, meth::FASTCALL, ""),
            ("pop", l_pop as *const c_void, meth::FASTCALL, ""),
            ("remove", l_remove as *const c_void, meth::O, ""),
            ("reverse", l_reverse as *const c_void, meth::NOARGS, ""),
            ("sort", l_sort as *const c_void, meth::FASTCALL | meth::KEYWORDS, ""),
            ("__reversed__", l_reversed as *const c_void, meth::NOARGS, ""),
            ("__sizeof__", l_sizeof as *const c_void, meth::NOARGS, ""),
            ("__class_getitem__", class_getitem as *const c_void, meth::O | meth::CLASS, ""),
        ],
    );
    for (tp, next) in [
        (&raw mut PyListIter_Type, listiter_next as iternextfunc),
        (&raw mut PyListRevIter_Type, listreviter_next as iternextfunc),
    ] {
        (*tp).tp_dealloc = Some(listiter_dealloc);
        (*tp).tp_traverse = Some(listiter_traverse);
        (*tp).tp_iter = Some(crate::objects::iterobject::self_iter);
        (*tp).tp_iternext = Some(next);
        (*tp).tp_flags |= flags::HAVE_GC;
    }
    crate::objects::descr::set_methods(
        &raw mut PyListIter_Type,
        &[("__length_hint__", listiter_len as *const c_void, meth::NOARGS, "")],
    );
    crate::objects::descr::set_methods(
        &raw mut PyListRevIter_Type,
        &[("__length_hint__", listreviter_len as *const c_void, meth::NOARGS, "")],
    );
}
