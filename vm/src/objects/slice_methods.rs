//! Python-level methods of `slice` (`start`/`stop`/`step`, `indices`,
//! comparison, hashing) and `slice(...)` construction.

use crate::abstract_ as ab;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::descr::{READONLY, T_OBJECT};
use crate::objects::slice::{self, PySliceObject};
use crate::objects::{boolobject, dict, long, none, tuple};
use crate::objref::PyObj;
use std::os::raw::{c_int, c_void};

unsafe extern "C" fn slice_new(_tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&args);
    let r = (|| -> PyResult {
        if !kw.is_null() && dict::len(PyObj::borrow(&kw)) > 0 {
            return Err(err::type_error("slice() takes no keyword arguments"));
        }
        let items = tuple::items(a);
        match items.len() {
            0 => Err(err::type_error("slice expected at least 1 argument, got 0")),
            1 => Ok(slice::new(none::none(), items[0].clone(), none::none())),
            2 => Ok(slice::new(items[0].clone(), items[1].clone(), none::none())),
            3 => Ok(slice::new(items[0].clone(), items[1].clone(), items[2].clone())),
            n => Err(err::type_error(format!("slice expected at most 3 arguments, got {}", n))),
        }
    })();
    err::into_ptr(r)
}

fn as_tuple(s: &PyObj) -> PyObj {
    let (a, b, c) = slice::parts(s);
    tuple::new(vec![a, b, c])
}

unsafe extern "C" fn slice_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    let a = PyObj::borrow(&v);
    let b = PyObj::borrow(&w);
    if !slice::is_slice(a) || !slice::is_slice(b) {
        return none::not_implemented().into_ptr();
    }
    if a.is(b) {
        return boolobject::new(matches!(op, PY_EQ | PY_LE | PY_GE)).into_ptr();
    }
    err::into_ptr(ab::rich_compare(&as_tuple(a), &as_tuple(b), op))
}

crate::onearg!(s_indices, |slf, arg| {
    let len = ab::index(arg.unwrap())?;
    if long::is_negative(&len) {
        return Err(err::value_error("length should not be negative"));
    }
    let (start, stop, step) =
        crate::objects::rangeobject::slice_long_indices(slf, &long::to_bigint(&len))?;
    Ok(tuple::new(vec![
        long::from_bigint(&start),
        long::from_bigint(&stop),
        long::from_bigint(&step),
    ]))
});

crate::onearg!(s_reduce, |slf, _a| {
    Ok(tuple::pair(slf.type_obj(), as_tuple(slf)))
});

pub unsafe fn init(t: *mut PyTypeObject) {
    (*t).tp_new = Some(slice_new);
    (*t).tp_richcompare = Some(slice_richcompare);
    (*t).tp_hash = Some(crate::slots::hash_not_implemented);
    crate::objects::descr::set_members(
        t,
        &[
            ("start", T_OBJECT, std::mem::offset_of!(PySliceObject, start), READONLY),
            ("stop", T_OBJECT, std::mem::offset_of!(PySliceObject, stop), READONLY),
            ("step", T_OBJECT, std::mem::offset_of!(PySliceObject, step), READONLY),
        ],
    );
    crate::objects::descr::set_methods(
        t,
        &[
            ("indices", s_indices as *const c_void, meth::O, ""),
            ("__reduce__", s_reduce as *const c_void, meth::NOARGS, ""),
        ],
    );
}
