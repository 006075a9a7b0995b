//! Python-level behaviour of `dict`: construction, repr, comparison,
//! mapping slots, iteration, views and every method.

use crate::abstract_;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::methodobject::check_nargs;
use crate::objects::setobject::{self, repr_enter, repr_leave};
use crate::objects::{boolobject, dict, exceptions, list, long, none, tuple, unicode};
use crate::objref::{decref, incref, xdecref, PyObj};
use crate::typeobj::type_name;
use std::os::raw::{c_int, c_void};

/// `d.update(other)` for a mapping (or iterable of pairs).
pub fn update_from(d: &PyObj, other: &PyObj) -> PyResult<()> {
    if dict::is_dict(other) {
        return dict::merge_from_dict(d, other, true);
    }
    for k in mapping_keys(other)? {
        let v = crate::abstract_::getitem(other, &k)?;
        dict::set_item(d, k, v)?;
    }
    Ok(())
}

/// The keys of a mapping: `list(m.keys())`.
pub fn mapping_keys(m: &PyObj) -> PyResult<Vec<PyObj>> {
    if dict::is_exact_dict(m) {
        return Ok(dict::keys_vec(m));
    }
    let keys = crate::abstract_::call_method(m, "keys", &[])?;
    crate::abstract_::iterate(&keys)
}

/// Stores through `d[k] = v`: the dict fast path for dicts, else setitem.
fn store(d: &PyObj, k: PyObj, v: PyObj) -> PyResult<()> {
    if dict::is_dict(d) {
        dict::set_item(d, k, v)
    } else {
        abstract_::setitem(d, &k, Some(&v))
    }
}

/// `PyDict_MergeFromSeq2`: items of an iterable of pairs.
pub fn merge_from_seq2(d: &PyObj, seq: &PyObj) -> PyResult<()> {
    let it = abstract_::get_iter(seq)?;
    let mut i = 0usize;
    while let Some(item) = abstract_::next(&it)? {
        let fast = if tuple::is_tuple(&item) || list::is_list(&item) {
            abstract_::iterate(&item)?
        } else {
            match abstract_::get_iter(&item) {
                Ok(it2) => {
                    let mut v = Vec::new();
                    while let Some(x) = abstract_::next(&it2)? {
                        v.push(x);
                    }
                    v
                }
                Err(e) if e.matches(unsafe { exceptions::PyExc_TypeError }) => {
                    return Err(err::type_error(format!(
                        "cannot convert dictionary update sequence element #{} to a sequence",
                        i
                    )));
                }
                Err(e) => return Err(e),
            }
        };
        if fast.len() != 2 {
            return Err(err::value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                fast.len()
            )));
        }
        let mut f = fast.into_iter();
        let k = f.next().unwrap();
        let v = f.next().unwrap();
        store(d, k, v)?;
        i += 1;
    }
    Ok(())
}

/// `dict_update_arg`: a dict, anything with `keys`, or pairs.
pub fn update_arg(d: &PyObj, arg: &PyObj) -> PyResult<()> {
    if dict::is_exact_dict(arg) {
        return dict::merge_from_dict(d, arg, true);
    }
    if abstract_::getattr_str_opt(arg, "keys")?.is_some() {
        return update_from(d, arg);
    }
    merge_from_seq2(d, arg)
}

fn update_common(d: &PyObj, args: &[PyObj], kwargs: &[(PyObj, PyObj)], name: &str) -> PyResult<()> {
    check_nargs(name, args, 0, 1)?;
    if let Some(a) = args.first() {
        update_arg(d, a)?;
    }
    for (k, v) in kwargs {
        dict::set_item(d, k.clone(), v.clone())?;
    }
    Ok(())
}

/// Splits fastcall args into positional and (name, value) keyword pairs.
fn split_kw(args: &[PyObj], kwnames: Option<&PyObj>) -> (Vec<PyObj>, Vec<(PyObj, PyObj)>) {
    let nk = kwnames.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    let mut kws = Vec::new();
    if let Some(names) = kwnames {
        for (i, n) in tuple::items(names).iter().enumerate() {
            kws.push((n.clone(), args[np + i].clone()));
        }
    }
    (args[..np].to_vec(), kws)
}

// ---------------------------------------------------------------- slots

unsafe extern "C" fn dict_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    let o = crate::typeobj::alloc_instance(tp);
    if o.is_null() {
        return o;
    }
    let dp = o as *mut dict::PyDictObject;
    (*dp).ma_keys = std::ptr::null_mut();
    (*dp).ma_used = 0;
    (*dp).ma_values = std::ptr::null_mut();
    if tp == dict::dict_type() {
        // tp_alloc tracked it; an exact dict is tracked once it holds a
        // GC object (dict::maintain_tracking), as in CPython's dict_new.
        crate::gc::untrack(o);
    }
    o
}

unsafe extern "C" fn dict_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let d = PyObj::borrow(&o);
    let a = tuple::items(PyObj::borrow(&args)).to_vec();
    let kws = if kw.is_null() { Vec::new() } else { dict::items_vec(PyObj::borrow(&kw)) };
    err::int_result(update_common(d, &a, &kws, "dict"))
}

fn dict_repr_impl(d: &PyObj) -> PyResult {
    if repr_enter(d) {
        return Ok(unicode::new("{...}"));
    }
    let r = (|| {
        let mut s = String::from("{");
        let mut pos = 0;
        let mut first = true;
        while let Some((k, v, _)) = dict::next_entry(d, &mut pos) {
            let (k, v) = unsafe { (PyObj::from_borrowed(k), PyObj::from_borrowed(v)) };
            if !first {
                s.push_str(", ");
            }
            first = false;
            s.push_str(&abstract_::repr_string(&k)?);
            s.push_str(": ");
            s.push_str(&abstract_::repr_string(&v)?);
        }
        s.push('}');
        Ok(unicode::new(&s))
    })();
    repr_leave(d);
    r
}

unsafe extern "C" fn dict_repr(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(dict_repr_impl(PyObj::borrow(&o)))
}

fn dict_equal(a: &PyObj, b: &PyObj) -> PyResult<bool> {
    if dict::len(a) != dict::len(b) {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((k, v, h)) = dict::next_entry(a, &mut pos) {
        let (k, av) = unsafe { (PyObj::from_borrowed(k), PyObj::from_borrowed(v)) };
        match dict::get_item_hashed(b, &k, h)? {
            None => return Ok(false),
            Some(bv) => {
                if !abstract_::rich_compare_bool(&av, &bv, PY_EQ)? {
                    return Ok(false);
                }
            }
        }
    }
    Ok(true)
}

unsafe extern "C" fn dict_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    let b = PyObj::borrow(&b);
    if !dict::is_dict(a) || !dict::is_dict(b) || (op != PY_EQ && op != PY_NE) {
        return none::not_implemented().into_ptr();
    }
    err::into_ptr(dict_equal(a, b).map(|eq| boolobject::new(if op == PY_EQ { eq } else { !eq })))
}

unsafe extern "C" fn dict_length(o: *mut PyObject) -> Py_ssize_t {
    dict::len(PyObj::borrow(&o)) as isize
}

fn subscript(d: &PyObj, key: &PyObj) -> PyResult {
    if let Some(v) = dict::get_item(d, key)? {
        return Ok(v);
    }
    if !dict::is_exact_dict(d) {
        if let Some(m) = crate::typeobj::lookup_str(d.ob_type(), "__missing__") {
            let f = abstract_::bind(&m, d)?;
            return abstract_::call1(&f, key);
        }
    }
    Err(err::key_error(key))
}

unsafe extern "C" fn dict_subscript(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    err::into_ptr(subscript(PyObj::borrow(&o), PyObj::borrow(&key)))
}

unsafe extern "C" fn dict_ass_sub(o: *mut PyObject, key: *mut PyObject, v: *mut PyObject) -> c_int {
    let d = PyObj::borrow(&o);
    let k = PyObj::borrow(&key);
    err::int_result(if v.is_null() {
        dict::del_item(d, k)
    } else {
        dict::set_item(d, k.clone(), PyObj::borrow(&v).clone())
    })
}

unsafe extern "C" fn dict_contains_slot(o: *mut PyObject, key: *mut PyObject) -> c_int {
    match dict::contains(PyObj::borrow(&o), PyObj::borrow(&key)) {
        Ok(b) => b as c_int,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn dict_iter(o: *mut PyObject) -> *mut PyObject {
    new_iter(PyObj::borrow(&o), &raw mut PyDictIterKey_Type, false).into_ptr()
}

unsafe extern "C" fn dict_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    let b = PyObj::borrow(&b);
    if !dict::is_dict(a) || !dict::is_dict(b) {
        return none::not_implemented().into_ptr();
    }
    let r = (|| {
        let n = dict::copy(a);
        update_arg(&n, b)?;
        Ok(n)
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn dict_ior(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    let b = PyObj::borrow(&b);
    err::into_ptr(update_arg(a, b).map(|_| a.clone()))
}

// ---------------------------------------------------------------- methods

crate::fastcall!(m_get, |slf, args| {
    check_nargs("get", args, 1, 2)?;
    match dict::get_item(slf, &args[0])? {
        Some(v) => Ok(v),
        None => Ok(args.get(1).cloned().unwrap_or_else(none::none)),
    }
});

crate::fastcall!(m_setdefault, |slf, args| {
    check_nargs("setdefault", args, 1, 2)?;
    let h = abstract_::hash(&args[0])?;
    if let Some(v) = dict::get_item_hashed(slf, &args[0], h)? {
        return Ok(v);
    }
    let dflt = args.get(1).cloned().unwrap_or_else(none::none);
    dict::set_item_hashed(slf, args[0].clone(), dflt.clone(), h)?;
    Ok(dflt)
});

crate::fastcall!(m_pop, |slf, args| {
    check_nargs("pop", args, 1, 2)?;
    match dict::pop_item(slf, &args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(err::key_error(&args[0])),
        },
    }
});

crate::onearg!(m_popitem, |slf, _a| {
    let n = dict::n_entries(slf);
    let mut i = n;
    while i > 0 {
        i -= 1;
        if let Some((k, v, h)) = dict::entry_at(slf, i) {
            let (k, v) = (PyObj::from_borrowed(k), PyObj::from_borrowed(v));
            dict::pop_item_hashed(slf, &k, h)?;
            return Ok(tuple::pair(k, v));
        }
    }
    Err(err::key_error_msg("popitem(): dictionary is empty"))
});

crate::onearg!(m_keys, |slf, _a| { Ok(new_view(slf, &raw mut PyDictKeys_Type)) });
crate::onearg!(m_values, |slf, _a| { Ok(new_view(slf, &raw mut PyDictValues_Type)) });
crate::onearg!(m_items, |slf, _a| { Ok(new_view(slf, &raw mut PyDictItems_Type)) });

crate::fastcall_kw!(m_update, |slf, args, kwnames| {
    let (pos, kws) = split_kw(args, kwnames);
    update_common(slf, &pos, &kws, "update")?;
    Ok(none::none())
});

crate::onearg!(m_clear, |slf, _a| {
    dict::clear(slf);
    Ok(none::none())
});

crate::onearg!(m_copy, |slf, _a| { Ok(dict::copy(slf)) });

crate::onearg!(m_contains, |slf, a| { Ok(boolobject::new(dict::contains(slf, a.unwrap())?)) });

crate::onearg!(m_getitem, |slf, a| { subscript(slf, a.unwrap()) });

crate::onearg!(m_sizeof, |slf, _a| {
    let n = std::mem::size_of::<dict::PyDictObject>();
    let e = dict::n_entries(slf);
    let extra = if e == 0 && dict::len(slf) == 0 { 0 } else { 32 + e.next_power_of_two().max(8) * (1 + 24) };
    Ok(long::from_usize(n + extra))
});

crate::onearg!(m_reversed, |slf, _a| { Ok(new_iter(slf, &raw mut PyDictRevIterKey_Type, true)) });

crate::onearg!(m_class_getitem, |slf, a| { setobject::generic_alias(slf, a.unwrap()) });

crate::fastcall!(m_fromkeys, |slf, args| {
    check_nargs("fromkeys", args, 1, 2)?;
    let value = args.get(1).cloned().unwrap_or_else(none::none);
    let d = abstract_::call0(slf)?;
    let it = abstract_::get_iter(&args[0])?;
    while let Some(k) = abstract_::next(&it)? {
        store(&d, k, value.clone())?;
    }
    Ok(d)
});

// ---------------------------------------------------------------- iterators

#[repr(C)]
pub struct DictIterObject {
    pub ob_base: PyObject,
    pub di_dict: *mut PyObject,
    pub di_used: Py_ssize_t,
    pub di_pos: Py_ssize_t,
    pub di_result: *mut PyObject,
    pub len: Py_ssize_t,
}

#[repr(C)]
pub struct DictViewObject {
    pub ob_base: PyObject,
    pub dv_dict: *mut PyObject,
}

macro_rules! static_type {
    ($name:ident, $s:literal, $t:ty) => {
        #[no_mangle]
        pub static mut $name: PyTypeObject = PyTypeObject::empty($s, std::mem::size_of::<$t>(), 0);
    };
}

static_type!(PyDictIterKey_Type, b"dict_keyiterator\0", DictIterObject);
static_type!(PyDictIterValue_Type, b"dict_valueiterator\0", DictIterObject);
static_type!(PyDictIterItem_Type, b"dict_itemiterator\0", DictIterObject);
static_type!(PyDictRevIterKey_Type, b"dict_reversekeyiterator\0", DictIterObject);
static_type!(PyDictRevIterValue_Type, b"dict_reversevalueiterator\0", DictIterObject);
static_type!(PyDictRevIterItem_Type, b"dict_reverseitemiterator\0", DictIterObject);
static_type!(PyDictKeys_Type, b"dict_keys\0", DictViewObject);
static_type!(PyDictValues_Type, b"dict_values\0", DictViewObject);
static_type!(PyDictItems_Type, b"dict_items\0", DictViewObject);

fn new_iter(d: &PyObj, tp: *mut PyTypeObject, reverse: bool) -> PyObj {
    unsafe {
        let o = crate::alloc::alloc_object(tp, 0) as *mut DictIterObject;
        (*o).di_dict = d.clone().into_ptr();
        (*o).di_used = dict::len(d) as isize;
        (*o).len = dict::len(d) as isize;
        (*o).di_pos = if reverse { dict::n_entries(d) as isize - 1 } else { 0 };
        PyObj::from_owned(o as *mut PyObject)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Key,
    Value,
    Item,
}

unsafe fn iter_kind(tp: *mut PyTypeObject) -> (Kind, bool) {
    if tp == &raw mut PyDictIterKey_Type {
        (Kind::Key, false)
    } else if tp == &raw mut PyDictIterValue_Type {
        (Kind::Value, false)
    } else if tp == &raw mut PyDictIterItem_Type {
        (Kind::Item, false)
    } else if tp == &raw mut PyDictRevIterKey_Type {
        (Kind::Key, true)
    } else if tp == &raw mut PyDictRevIterValue_Type {
        (Kind::Value, true)
    } else {
        (Kind::Item, true)
    }
}

unsafe extern "C" fn dictiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut DictIterObject;
    let dp = (*it).di_dict;
    if dp.is_null() {
        return std::ptr::null_mut();
    }
    let d = PyObj::borrow(&dp);
    let (kind, reverse) = iter_kind((*o).ob_type);
    if (*it).di_used != dict::len(d) as isize {
        err::restore(err::runtime_error("dictionary changed size during iteration"));
        (*it).di_used = -1;
        return std::ptr::null_mut();
    }
    let mut found = None;
    if reverse {
        while (*it).di_pos >= 0 {
            let i = (*it).di_pos as usize;
            (*it).di_pos -= 1;
            if let Some(e) = dict::entry_at(d, i) {
                found = Some(e);
                break;
            }
        }
    } else {
        let mut pos = (*it).di_pos as usize;
        found = dict::next_entry(d, &mut pos);
        (*it).di_pos = pos as isize;
    }
    match found {
        Some((k, v, _)) => {
            if (*it).len <= 0 && !reverse {
                err::restore(err::runtime_error("dictionary keys changed during iteration"));
                (*it).len = -1;
                return std::ptr::null_mut();
            }
            (*it).len -= 1;
            match kind {
                Kind::Key => {
                    incref(k);
                    k
                }
                Kind::Value => {
                    incref(v);
                    v
                }
                Kind::Item => tuple::pair(PyObj::from_borrowed(k), PyObj::from_borrowed(v)).into_ptr(),
            }
        }
        None => {
            (*it).di_dict = std::ptr::null_mut();
            decref(dp);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn dictiter_dealloc(o: *mut PyObject) {
    xdecref((*(o as *mut DictIterObject)).di_dict);
    xdecref((*(o as *mut DictIterObject)).di_result);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn dictiter_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = (*(o as *mut DictIterObject)).di_dict;
    if p.is_null() { 0 } else { visit(p, arg) }
}

crate::onearg!(dictiter_len, |slf, _a| {
    let it = slf.as_ptr() as *mut DictIterObject;
    let d = (*it).di_dict;
    let n = if !d.is_null() && (*it).di_used == dict::len(PyObj::borrow(&d)) as isize { (*it).len } else { 0 };
    Ok(long::from_i64(n as i64))
});

// ---------------------------------------------------------------- views

fn new_view(d: &PyObj, tp: *mut PyTypeObject) -> PyObj {
    unsafe {
        let o = crate::alloc::alloc_object(tp, 0) as *mut DictViewObject;
        (*o).dv_dict = d.clone().into_ptr();
        PyObj::from_owned(o as *mut PyObject)
    }
}

#[inline]
fn view_dict(v: &PyObj) -> &PyObj {
    unsafe { PyObj::borrow(&(*(v.as_ptr() as *mut DictViewObject)).dv_dict) }
}

fn is_keys_view(o: &PyObj) -> bool {
    unsafe { o.ob_type() == &raw mut PyDictKeys_Type || crate::typeobj::is_subtype(o.ob_type(), &raw mut PyDictKeys_Type) }
}
fn is_items_view(o: &PyObj) -> bool {
    unsafe { o.ob_type() == &raw mut PyDictItems_Type || crate::typeobj::is_subtype(o.ob_type(), &raw mut PyDictItems_Type) }
}
/// `PyDictViewSet_Check`: a keys or items view.
fn is_view_set(o: &PyObj) -> bool {
    is_keys_view(o) || is_items_view(o)
}

unsafe extern "C" fn view_dealloc(o: *mut PyObject) {
    xdecref((*(o as *mut DictViewObject)).dv_dict);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn view_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = (*(o as *mut DictViewObject)).dv_dict;
    if p.is_null() { 0 } else { visit(p, arg) }
}

unsafe extern "C" fn view_len(o: *mut PyObject) -> Py_ssize_t {
    dict::len(view_dict(PyObj::borrow(&o))) as isize
}

unsafe extern "C" fn view_iter(o: *mut PyObject) -> *mut PyObject {
    let v = PyObj::borrow(&o);
    let tp = if is_keys_view(v) {
        &raw mut PyDictIterKey_Type
    } else if is_items_view(v) {
        &raw mut PyDictIterItem_Type
    } else {
        &raw mut PyDictIterValue_Type
    };
    new_iter(view_dict(v), tp, false).into_ptr()
}

crate::onearg!(view_reversed, |slf, _a| {
    let tp = if is_keys_view(slf) {
        &raw mut PyDictRevIterKey_Type
    } else if is_items_view(slf) {
        &raw mut PyDictRevIterItem_Type
    } else {
        &raw mut PyDictRevIterValue_Type
    };
    Ok(new_iter(view_dict(slf), tp, true))
});

fn view_repr_impl(v: &PyObj) -> PyResult {
    if repr_enter(v) {
        return Ok(unicode::new("..."));
    }
    let r = (|| {
        let items = abstract_::iterate(v)?;
        let mut parts = Vec::with_capacity(items.len());
        for x in &items {
            parts.push(abstract_::repr_string(x)?);
        }
        Ok(unicode::new(&format!("{}([{}])", type_name(v.ob_type()), parts.join(", "))))
    })();
    repr_leave(v);
    r
}

unsafe extern "C" fn view_repr(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(view_repr_impl(PyObj::borrow(&o)))
}

unsafe extern "C" fn keys_contains(o: *mut PyObject, key: *mut PyObject) -> c_int {
    match dict::contains(view_dict(PyObj::borrow(&o)), PyObj::borrow(&key)) {
        Ok(b) => b as c_int,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

fn items_contains_impl(v: &PyObj, obj: &PyObj) -> PyResult<bool> {
    if !tuple::is_tuple(obj) || tuple::len(obj) != 2 {
        return Ok(false);
    }
    let kv = tuple::items(obj);
    match dict::get_item(view_dict(v), &kv[0])? {
        None => Ok(false),
        Some(found) => abstract_::rich_compare_bool(&found, &kv[1], PY_EQ),
    }
}

unsafe extern "C" fn items_contains(o: *mut PyObject, obj: *mut PyObject) -> c_int {
    match items_contains_impl(PyObj::borrow(&o), PyObj::borrow(&obj)) {
        Ok(b) => b as c_int,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

fn all_contained_in(a: &PyObj, b: &PyObj) -> PyResult<bool> {
    let it = abstract_::get_iter(a)?;
    while let Some(x) = abstract_::next(&it)? {
        if !abstract_::contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

unsafe extern "C" fn view_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    let b = PyObj::borrow(&b);
    if !setobject::is_anyset(b) && !is_view_set(b) {
        return none::not_implemented().into_ptr();
    }
    let r = (|| {
        let la = abstract_::len(a)?;
        let lb = abstract_::len(b)?;
        Ok(match op {
            PY_EQ => la == lb && all_contained_in(a, b)?,
            PY_NE => !(la == lb && all_contained_in(a, b)?),
            PY_LT => la < lb && all_contained_in(a, b)?,
            PY_LE => la <= lb && all_contained_in(a, b)?,
            PY_GT => la > lb && all_contained_in(b, a)?,
            PY_GE => la >= lb && all_contained_in(b, a)?,
            _ => false,
        })
    })();
    err::into_ptr(r.map(boolobject::new))
}

/// `dictviews_to_set`: a new set of the view's elements (or of any iterable).
fn to_set(o: &PyObj) -> PyResult {
    let src = if is_keys_view(o) { view_dict(o).clone() } else { o.clone() };
    setobject::new_from_iterable(false, Some(&src))
}

unsafe extern "C" fn views_sub(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (a, b) = (PyObj::borrow(&a), PyObj::borrow(&b));
    err::into_ptr((|| {
        let r = to_set(a)?;
        abstract_::call_method(&r, "difference_update", &[b.clone()])?;
        Ok(r)
    })())
}

unsafe extern "C" fn views_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (a, b) = (PyObj::borrow(&a), PyObj::borrow(&b));
    err::into_ptr((|| {
        let r = to_set(a)?;
        setobject::update(&r, b)?;
        Ok(r)
    })())
}

unsafe extern "C" fn views_xor(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (a, b) = (PyObj::borrow(&a), PyObj::borrow(&b));
    err::into_ptr((|| {
        let r = to_set(a)?;
        abstract_::call_method(&r, "symmetric_difference_update", &[b.clone()])?;
        Ok(r)
    })())
}

unsafe extern "C" fn views_and(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (mut a, mut b) = (PyObj::borrow(&a), PyObj::borrow(&b));
    err::into_ptr((|| {
        if !is_view_set(a) {
            std::mem::swap(&mut a, &mut b);
        }
        let la = abstract_::len(a)?;
        if b.ob_type() == setobject::set_type() && la <= setobject::len(b) {
            return abstract_::call_method(b, "intersection", &[a.clone()]);
        }
        if is_view_set(b) && abstract_::len(b)? > la {
            std::mem::swap(&mut a, &mut b);
        }
        let result = setobject::new_set(&[])?;
        let it = abstract_::get_iter(b)?;
        let keys = is_keys_view(a);
        while let Some(x) = abstract_::next(&it)? {
            let c = if keys { dict::contains(view_dict(a), &x)? } else { items_contains_impl(a, &x)? };
            if c {
                setobject::add(&result, x)?;
            }
        }
        Ok(result)
    })())
}

crate::onearg!(view_isdisjoint, |slf, a| {
    let mut s = slf;
    let mut other = a.unwrap();
    if s.is(other) {
        return Ok(boolobject::new(abstract_::len(s)? == 0));
    }
    if (setobject::is_anyset(other) || is_view_set(other)) && abstract_::len(other)? > abstract_::len(s)? {
        std::mem::swap(&mut s, &mut other);
    }
    let it = abstract_::get_iter(other)?;
    while let Some(x) = abstract_::next(&it)? {
        if abstract_::contains(s, &x)? {
            return Ok(boolobject::new(false));
        }
    }
    Ok(boolobject::new(true))
});

unsafe extern "C" fn view_mapping(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let d = view_dict(PyObj::borrow(&o)).clone();
    crate::objects::mappingproxy::new(d).into_ptr()
}

static mut DICT_AS_MAPPING: PyMappingMethods = EMPTY_MAPPING_METHODS;
static mut DICT_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut DICT_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;
static mut KEYS_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut ITEMS_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut VALUES_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut VIEWS_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;

pub fn types() -> Vec<*mut PyTypeObject> {
    unsafe {
        vec![
            &raw mut PyDictIterKey_Type,
            &raw mut PyDictIterValue_Type,
            &raw mut PyDictIterItem_Type,
            &raw mut PyDictRevIterKey_Type,
            &raw mut PyDictRevIterValue_Type,
            &raw mut PyDictRevIterItem_Type,
            &raw mut PyDictKeys_Type,
            &raw mut PyDictValues_Type,
            &raw mut PyDictItems_Type,
        ]
    }
}

pub unsafe fn init_type() {
    let t = dict::dict_type();
    let m = &raw mut DICT_AS_MAPPING;
    (*m).mp_length = Some(dict_length);
    (*m).mp_subscript = Some(dict_subscript);
    (*m).mp_ass_subscript = Some(dict_ass_sub);
    let sq = &raw mut DICT_AS_SEQUENCE;
    (*sq).sq_contains = Some(dict_contains_slot);
    let nb = &raw mut DICT_AS_NUMBER;
    (*nb).nb_or = Some(dict_or);
    (*nb).nb_inplace_or = Some(dict_ior);
    (*t).tp_as_mapping = m;
    (*t).tp_as_sequence = sq;
    (*t).tp_as_number = nb;
    (*t).tp_repr = Some(dict_repr);
    (*t).tp_richcompare = Some(dict_richcompare);
    (*t).tp_iter = Some(dict_iter);
    (*t).tp_hash = Some(crate::slots::hash_not_implemented);
    (*t).tp_new = Some(dict_new);
    (*t).tp_init = Some(dict_init);
    (*t).tp_flags |= flags::MATCH_SELF;
    crate::objects::descr::set_methods(
        t,
        &[
            ("__contains__", m_contains as *const c_void, meth::O | meth::COEXIST, "True if the dictionary has the specified key, else False."),
            ("__getitem__", m_getitem as *const c_void, meth::O | meth::COEXIST, "x.__getitem__(y) <==> x[y]"),
            ("__sizeof__", m_sizeof as *const c_void, meth::NOARGS, "D.__sizeof__() -> size of D in memory, in bytes"),
            ("get", m_get as *const c_void, meth::FASTCALL, "Return the value for key if key is in the dictionary, else default."),
            ("setdefault", m_setdefault as *const c_void, meth::FASTCALL, "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default."),
            ("pop", m_pop as *const c_void, meth::FASTCALL, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return the default if given; otherwise,\nraise a KeyError."),
            ("popitem", m_popitem as *const c_void, meth::NOARGS, "Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, first-out) order.\nRaises KeyError if the dict is empty."),
            ("keys", m_keys as *const c_void, meth::NOARGS, "D.keys() -> a set-like object providing a view on D's keys"),
            ("items", m_items as *const c_void, meth::NOARGS, "D.items() -> a set-like object providing a view on D's items"),
            ("values", m_values as *const c_void, meth::NOARGS, "D.values() -> an object providing a view on D's values"),
            ("update", m_update as *const c_void, meth::FASTCALL | meth::KEYWORDS, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\nIf E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\nIf E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\nIn either case, this is followed by: for k in F:  D[k] = F[k]"),
            ("fromkeys", m_fromkeys as *const c_void, meth::FASTCALL | meth::CLASS, "Create a new dictionary with keys from iterable and values set to value."),
            ("clear", m_clear as *const c_void, meth::NOARGS, "D.clear() -> None.  Remove all items from D."),
            ("copy", m_copy as *const c_void, meth::NOARGS, "D.copy() -> a shallow copy of D"),
            ("__reversed__", m_reversed as *const c_void, meth::NOARGS, "Return a reverse iterator over the dict keys."),
            ("__class_getitem__", m_class_getitem as *const c_void, meth::O | meth::CLASS, "See PEP 585"),
        ],
    );

    for t in types().into_iter().take(6) {
        (*t).tp_dealloc = Some(dictiter_dealloc);
        (*t).tp_traverse = Some(dictiter_traverse);
        (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
        (*t).tp_iternext = Some(dictiter_next);
        (*t).tp_flags |= flags::HAVE_GC;
        crate::objects::descr::set_methods(
            t,
            &[("__length_hint__", dictiter_len as *const c_void, meth::NOARGS, "Private method returning an estimate of len(list(it)).")],
        );
    }

    let ks = &raw mut KEYS_AS_SEQUENCE;
    (*ks).sq_length = Some(view_len);
    (*ks).sq_contains = Some(keys_contains);
    let is = &raw mut ITEMS_AS_SEQUENCE;
    (*is).sq_length = Some(view_len);
    (*is).sq_contains = Some(items_contains);
    let vs = &raw mut VALUES_AS_SEQUENCE;
    (*vs).sq_length = Some(view_len);
    let vn = &raw mut VIEWS_AS_NUMBER;
    (*vn).nb_subtract = Some(views_sub);
    (*vn).nb_and = Some(views_and);
    (*vn).nb_xor = Some(views_xor);
    (*vn).nb_or = Some(views_or);
    for (t, sq, setlike) in [
        (&raw mut PyDictKeys_Type, ks, true),
        (&raw mut PyDictItems_Type, is, true),
        (&raw mut PyDictValues_Type, vs, false),
    ] {
        (*t).tp_dealloc = Some(view_dealloc);
        (*t).tp_traverse = Some(view_traverse);
        (*t).tp_repr = Some(view_repr);
        (*t).tp_iter = Some(view_iter);
        (*t).tp_as_sequence = sq;
        (*t).tp_flags |= flags::HAVE_GC;
        crate::objects::descr::set_getsets(t, &[("mapping", view_mapping as *const c_void, std::ptr::null())]);
        let mut methods: Vec<(&str, *const c_void, c_int, &str)> = vec![(
            "__reversed__",
            view_reversed as *const c_void,
            meth::NOARGS,
            "Return a reverse iterator over the dict keys.",
        )];
        if setlike {
            (*t).tp_as_number = vn;
            (*t).tp_richcompare = Some(view_richcompare);
            (*t).tp_hash = Some(crate::slots::hash_not_implemented);
            methods.push(("isdisjoint", view_isdisjoint as *const c_void, meth::O, "Return True if the view and the given iterable have a null intersection."));
        }
        crate::objects::descr::set_methods(t, &methods);
    }
}
