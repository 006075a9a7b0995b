//! Python-level behaviour of `tuple`: construction, repr, comparison,
//! hashing, sequence slots, iteration and methods.

use crate::abstract_ as ab;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::list_methods::{clamp_range, repeat_vec, repr_enter, repr_leave, seq_richcompare, slice_index_arg, slice_items};
use crate::objects::{exceptions, long, none, slice, tuple, unicode};
use crate::objref::PyObj;
use crate::typeobj::type_name;
use std::os::raw::{c_int, c_void};

/// `tuple(iterable)` as an exact tuple.
pub fn from_iterable(o: &PyObj) -> PyResult {
    if tuple::is_exact_tuple(o) {
        return Ok(o.clone());
    }
    Ok(tuple::new(ab::iterate(o)?))
}

unsafe extern "C" fn tuple_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&args);
    let r = (|| -> PyResult {
        if !kw.is_null() && crate::objects::dict::len(PyObj::borrow(&kw)) > 0 && tp == tuple::tuple_type() {
            return Err(err::type_error("tuple() takes no keyword arguments"));
        }
        let n = tuple::len(a);
        if n > 1 {
            return Err(err::type_error(format!("tuple expected at most 1 argument, got {}", n)));
        }
        let t = if n == 1 { from_iterable(&tuple::items(a)[0])? } else { tuple::empty() };
        if tp == tuple::tuple_type() {
            return Ok(t);
        }
        // A subclass instance holding the same items.
        let items = tuple::items(&t);
        let o = match (*tp).tp_alloc {
            Some(f) => f(tp, items.len() as isize),
            None => crate::alloc::generic_alloc(tp, items.len() as isize),
        };
        if o.is_null() {
            return Err(err::fetch());
        }
        let o = PyObj::from_owned(o);
        for (i, v) in items.iter().enumerate() {
            tuple::set_new_item(&o, i, v.clone());
        }
        Ok(o)
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn tuple_repr(o: *mut PyObject) -> *mut PyObject {
    let t = PyObj::borrow(&o);
    let n = tuple::len(t);
    if n == 0 {
        return unicode::new("()").into_ptr();
    }
    if repr_enter(t) {
        return unicode::new("(...)").into_ptr();
    }
    let r = (|| -> PyResult {
        let mut s = String::from("(");
        for (i, item) in tuple::items(t).iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&ab::repr_string(item)?);
        }
        if n == 1 {
            s.push(',');
        }
        s.push(')');
        Ok(unicode::new(&s))
    })();
    repr_leave(t);
    err::into_ptr(r)
}

/// The hash of a tuple (CPython 3.11's xxHash-based combination).
pub fn hash_items(items: &[PyObj]) -> PyResult<isize> {
    let mut h = crate::hash::TupleHasher::new(items.len());
    for it in items {
        h.add(ab::hash(it)?);
    }
    Ok(h.finish())
}

unsafe extern "C" fn tuple_hash(o: *mut PyObject) -> Py_hash_t {
    match hash_items(tuple::items(PyObj::borrow(&o))) {
        Ok(h) => h,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn tuple_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    let a = PyObj::borrow(&v);
    let b = PyObj::borrow(&w);
    if !tuple::is_tuple(a) || !tuple::is_tuple(b) {
        return none::not_implemented().into_ptr();
    }
    err::into_ptr(seq_richcompare(
        &|| tuple::len(a),
        &|| tuple::len(b),
        &|i| tuple::items(a)[i].clone(),
        &|i| tuple::items(b)[i].clone(),
        op,
        false,
    ))
}

unsafe extern "C" fn tuple_length(o: *mut PyObject) -> Py_ssize_t {
    tuple::len(PyObj::borrow(&o)) as isize
}

unsafe extern "C" fn tuple_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    let b = PyObj::borrow(&b);
    if !tuple::is_tuple(b) {
        err::restore(err::type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            type_name(b.ob_type())
        )));
        return std::ptr::null_mut();
    }
    if tuple::len(b) == 0 && tuple::is_exact_tuple(a) {
        return a.clone().into_ptr();
    }
    if tuple::len(a) == 0 && tuple::is_exact_tuple(b) {
        return b.clone().into_ptr();
    }
    let mut v = tuple::items(a).to_vec();
    v.extend_from_slice(tuple::items(b));
    tuple::new(v).into_ptr()
}

unsafe extern "C" fn tuple_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    if n == 1 && tuple::is_exact_tuple(a) {
        return a.clone().into_ptr();
    }
    err::into_ptr(repeat_vec(tuple::items(a), n).map(tuple::new))
}

unsafe extern "C" fn tuple_contains(a: *mut PyObject, x: *mut PyObject) -> c_int {
    let a = PyObj::borrow(&a);
    let x = PyObj::borrow(&x);
    for item in tuple::items(a) {
        match ab::rich_compare_bool(item, x, PY_EQ) {
            Ok(true) => return 1,
            Ok(false) => {}
            Err(e) => {
                err::restore(e);
                return -1;
            }
        }
    }
    0
}

unsafe extern "C" fn tuple_item(a: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    if i < 0 || i as usize >= tuple::len(a) {
        err::restore(err::index_error("tuple index out of range"));
        return std::ptr::null_mut();
    }
    tuple::items(a)[i as usize].clone().into_ptr()
}

fn tuple_subscript_impl(t: &PyObj, key: &PyObj) -> PyResult {
    if ab::has_index(key) {
        let mut i = ab::index_to_ssize(key, Some(unsafe { exceptions::PyExc_IndexError }))?;
        let n = tuple::len(t) as isize;
        if i < 0 {
            i += n;
        }
        if i < 0 || i >= n {
            return Err(err::index_error("tuple index out of range"));
        }
        return Ok(tuple::items(t)[i as usize].clone());
    }
    if slice::is_slice(key) {
        let (start, _stop, step, n) = slice::indices(key, tuple::len(t))?;
        if start == 0 && step == 1 && n == tuple::len(t) && tuple::is_exact_tuple(t) {
            return Ok(t.clone());
        }
        return Ok(tuple::new(slice_items(tuple::items(t), start, step, n)));
    }
    Err(err::type_error(format!(
        "tuple indices must be integers or slices, not {}",
        type_name(key.ob_type())
    )))
}

unsafe extern "C" fn tuple_subscript(a: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    err::into_ptr(tuple_subscript_impl(PyObj::borrow(&a), PyObj::borrow(&k)))
}

// ---------------------------------------------------------------- iterator

#[repr(C)]
pub struct TupleIterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

#[no_mangle]
pub static mut PyTupleIter_Type: PyTypeObject =
    PyTypeObject::empty(b"tuple_iterator\0", std::mem::size_of::<TupleIterObject>(), 0);

unsafe extern "C" fn tuple_iter(o: *mut PyObject) -> *mut PyObject {
    let it = crate::alloc::alloc_object(&raw mut PyTupleIter_Type, 0) as *mut TupleIterObject;
    (*it).index = 0;
    (*it).seq = PyObj::borrow(&o).clone().into_ptr();
    it as *mut PyObject
}

unsafe extern "C" fn tupleiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut TupleIterObject;
    if (*it).seq.is_null() {
        return std::ptr::null_mut();
    }
    let t = PyObj::borrow(&(*it).seq);
    let i = (*it).index as usize;
    if i < tuple::len(t) {
        (*it).index += 1;
        return tuple::items(t)[i].clone().into_ptr();
    }
    let s = std::mem::replace(&mut (*it).seq, std::ptr::null_mut());
    crate::objref::xdecref(s);
    std::ptr::null_mut()
}

crate::onearg!(tupleiter_len, |slf, _a| {
    let it = slf.as_ptr() as *mut TupleIterObject;
    let mut n = 0isize;
    if !(*it).seq.is_null() {
        n = (tuple::len(PyObj::borrow(&(*it).seq)) as isize - (*it).index).max(0);
    }
    Ok(long::from_i64(n as i64))
});

unsafe extern "C" fn tupleiter_dealloc(o: *mut PyObject) {
    crate::objref::xdecref((*(o as *mut TupleIterObject)).seq);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn tupleiter_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = (*(o as *mut TupleIterObject)).seq;
    if p.is_null() {
        0
    } else {
        visit(p, arg)
    }
}

// ---------------------------------------------------------------- methods

crate::onearg!(t_count, |slf, arg| {
    let x = arg.unwrap();
    let mut c = 0i64;
    for item in tuple::items(slf) {
        if ab::rich_compare_bool(item, x, PY_EQ)? {
            c += 1;
        }
    }
    Ok(long::from_i64(c))
});

crate::fastcall!(t_index, |slf, args| {
    crate::objects::methodobject::check_nargs("index", args, 1, 3)?;
    let start = if args.len() > 1 { slice_index_arg(&args[1])? } else { 0 };
    let stop = if args.len() > 2 { slice_index_arg(&args[2])? } else { isize::MAX };
    let (s, e) = clamp_range(start, stop, tuple::len(slf));
    for i in s..e {
        if ab::rich_compare_bool(&tuple::items(slf)[i], &args[0], PY_EQ)? {
            return Ok(long::from_i64(i as i64));
        }
    }
    Err(err::value_error("tuple.index(x): x not in tuple"))
});

crate::onearg!(t_getnewargs, |slf, _a| {
    Ok(tuple::new(vec![tuple::from_slice(tuple::items(slf))]))
});

crate::onearg!(class_getitem, |cls, arg| { crate::objects::unionobject::generic_alias(cls, arg.unwrap()) });

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PyTupleIter_Type]
}

static mut TUPLE_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut TUPLE_AS_MAPPING: PyMappingMethods = EMPTY_MAPPING_METHODS;

pub unsafe fn init_type() {
    let t = tuple::tuple_type();
    (*t).tp_new = Some(tuple_new);
    (*t).tp_repr = Some(tuple_repr);
    (*t).tp_hash = Some(tuple_hash);
    (*t).tp_richcompare = Some(tuple_richcompare);
    (*t).tp_iter = Some(tuple_iter);
    let sq = &raw mut TUPLE_AS_SEQUENCE;
    (*sq).sq_length = Some(tuple_length);
    (*sq).sq_concat = Some(tuple_concat);
    (*sq).sq_repeat = Some(tuple_repeat);
    (*sq).sq_item = Some(tuple_item);
    (*sq).sq_contains = Some(tuple_contains);
    (*t).tp_as_sequence = sq;
    let mp = &raw mut TUPLE_AS_MAPPING;
    (*mp).mp_length = Some(tuple_length);
    (*mp).mp_subscript = Some(tuple_subscript);
    (*t).tp_as_mapping = mp;
    crate::objects::descr::set_methods(
        t,
        &[
            ("count", t_count as *const c_void, meth::O, ""),
            ("index", t_index as *const c_void, meth::FASTCALL, ""),
            ("__getnewargs__", t_getnewargs as *const c_void, meth::NOARGS, ""),
            ("__class_getitem__", class_getitem as *const c_void, meth::O | meth::CLASS, ""),
        ],
    );
    let it = &raw mut PyTupleIter_Type;
    (*it).tp_dealloc = Some(tupleiter_dealloc);
    (*it).tp_traverse = Some(tupleiter_traverse);
    (*it).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*it).tp_iternext = Some(tupleiter_next);
    (*it).tp_flags |= flags::HAVE_GC;
    crate::objects::descr::set_methods(
        it,
        &[("__length_hint__", tupleiter_len as *const c_void, meth::NOARGS, "")],
    );
}
