//! tupleobject.h: `PyTuple_New` (items NULL until set), `GetItem`
//! (borrowed), `SetItem` (steals), `Size`, `GetSlice`, `_PyTuple_Resize`,
//! and the Rust half of the variadic `PyTuple_Pack`.

use crate::util::*;
use std::os::raw::{c_int, c_void};
use vm::err;
use vm::object::{PyObject, PyVarObject, Py_ssize_t};
use vm::objects::tuple;
use vm::objref::{self, PyObj};

unsafe fn check(o: *mut PyObject) -> bool {
    !o.is_null() && tuple::is_tuple(b(&o))
}

#[no_mangle]
pub unsafe extern "C" fn PyTuple_New(n: Py_ssize_t) -> *mut PyObject {
    if n < 0 {
        return ret(Err(bad_internal_call()));
    }
    tuple::new_uninit(n as usize).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyTuple_Size(o: *mut PyObject) -> Py_ssize_t {
    if !check(o) {
        err::restore(bad_internal_call());
        return -1;
    }
    (*(o as *mut PyVarObject)).ob_size
}
#[no_mangle]
pub unsafe extern "C" fn PyTuple_GetItem(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if !check(o) {
        return ret(Err(bad_internal_call()));
    }
    let n = (*(o as *mut PyVarObject)).ob_size;
    if i < 0 || i >= n {
        return ret(Err(err::index_error("tuple index out of range")));
    }
    *tuple::items_ptr(o).add(i as usize)
}
#[no_mangle]
pub unsafe extern "C" fn PyTuple_SetItem(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    if !check(o) || (*o).ob_refcnt != 1 {
        objref::xdecref(v);
        return ret_int(Err(bad_internal_call()));
    }
    let n = (*(o as *mut PyVarObject)).ob_size;
    if i < 0 || i >= n {
        objref::xdecref(v);
        return ret_int(Err(err::index_error("tuple assignment index out of range")));
    }
    let slot = tuple::items_ptr(o).add(i as usize);
    let old = std::mem::replace(&mut *slot, v);
    objref::xdecref(old);
    0
}
#[no_mangle]
pub unsafe extern "C" fn PyTuple_GetSlice(o: *mut PyObject, lo: Py_ssize_t, hi: Py_ssize_t) -> *mut PyObject {
    if !check(o) {
        return ret(Err(bad_internal_call()));
    }
    let items = tuple::items(b(&o));
    let n = items.len() as Py_ssize_t;
    let lo = lo.clamp(0, n);
    let hi = hi.clamp(lo, n);
    if lo == 0 && hi == n && tuple::is_exact_tuple(b(&o)) {
        return b(&o).clone().into_ptr();
    }
    tuple::from_slice(&items[lo as usize..hi as usize]).into_ptr()
}
/// Resizes a tuple only the caller references (a new object may replace
/// it); on failure `*p` is released and set to NULL.
#[no_mangle]
pub unsafe extern "C" fn _PyTuple_Resize(p: *mut *mut PyObject, n: Py_ssize_t) -> c_int {
    let o = *p;
    if o.is_null() || !tuple::is_exact_tuple(b(&o)) || n < 0 || ((*o).ob_refcnt != 1 && PyTuple_Size(o) != 0) {
        objref::xdecref(o);
        *p = std::ptr::null_mut();
        return ret_int(Err(bad_internal_call()));
    }
    let old_n = PyTuple_Size(o) as usize;
    let new = tuple::new_uninit(n as usize);
    let src = tuple::items_ptr(o);
    let dst = tuple::items_ptr(new.as_ptr());
    for i in 0..old_n.min(n as usize) {
        *dst.add(i) = std::mem::replace(&mut *src.add(i), std::ptr::null_mut());
    }
    objref::decref(o);
    *p = new.into_ptr();
    0
}

/// Rust half of `PyTuple_Pack(n, ...)`: a tuple of `n` borrowed objects.
#[no_mangle]
pub unsafe extern "C" fn pyrite_tuple_pack(n: Py_ssize_t, ap: *mut c_void) -> *mut PyObject {
    let mut ap = Va(ap);
    let mut items = Vec::with_capacity(n.max(0) as usize);
    for _ in 0..n.max(0) {
        let p: *mut PyObject = ap.ptr();
        if p.is_null() {
            return ret(Err(bad_internal_call()));
        }
        items.push(PyObj::from_borrowed(p));
    }
    tuple::new(items).into_ptr()
}
