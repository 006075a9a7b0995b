//! bytesobject.h: bytes from C buffers (`FromStringAndSize(NULL, n)`
//! leaves the contents for the caller to fill), `AsString`, `Size`,
//! `AsStringAndSize`, `Concat`, `_PyBytes_Resize`.

use crate::util::*;
use std::os::raw::{c_char, c_int};
use vm::err;
use vm::object::{PyObject, PyVarObject, Py_ssize_t};
use vm::objects::bytes;
use vm::objref::{self, PyObj};
use vm::typeobj::type_name;

unsafe fn expect_bytes(o: *mut PyObject) -> bool {
    if !o.is_null() && bytes::is_bytes(b(&o)) {
        return true;
    }
    let what = if o.is_null() { "NULL".to_string() } else { type_name((*o).ob_type) };
    err::restore(err::type_error(format!("expected bytes, {} found", what)));
    false
}

#[no_mangle]
pub unsafe extern "C" fn PyBytes_FromStringAndSize(s: *const c_char, n: Py_ssize_t) -> *mut PyObject {
    if n < 0 {
        return ret(Err(err::system_error("Negative size passed to PyBytes_FromStringAndSize")));
    }
    if s.is_null() {
        return bytes::new_uninit(n as usize).into_ptr();
    }
    bytes::new(std::slice::from_raw_parts(s as *const u8, n as usize)).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyBytes_FromString(s: *const c_char) -> *mut PyObject {
    bytes::new(cbytes(s)).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyBytes_AsString(o: *mut PyObject) -> *mut c_char {
    if !expect_bytes(o) {
        return std::ptr::null_mut();
    }
    bytes::data_mut(b(&o)) as *mut c_char
}
#[no_mangle]
pub unsafe extern "C" fn PyBytes_Size(o: *mut PyObject) -> Py_ssize_t {
    if !expect_bytes(o) {
        return -1;
    }
    (*(o as *mut PyVarObject)).ob_size
}
/// Pointer and length; with `len` NULL, embedded NULs are an error.
#[no_mangle]
pub unsafe extern "C" fn PyBytes_AsStringAndSize(o: *mut PyObject, s: *mut *mut c_char, len: *mut Py_ssize_t) -> c_int {
    if s.is_null() {
        return ret_int(Err(bad_internal_call()));
    }
    if !expect_bytes(o) {
        return -1;
    }
    let data = bytes::as_slice(b(&o));
    *s = bytes::data_mut(b(&o)) as *mut c_char;
    if len.is_null() {
        if data.contains(&0) {
            return ret_int(Err(err::value_error("embedded null byte")));
        }
    } else {
        *len = data.len() as Py_ssize_t;
    }
    0
}
/// `*pv += w`; `*pv` becomes NULL on error (the old value is released).
#[no_mangle]
pub unsafe extern "C" fn PyBytes_Concat(pv: *mut *mut PyObject, w: *mut PyObject) {
    if pv.is_null() || (*pv).is_null() {
        return;
    }
    if w.is_null() {
        objref::decref(*pv);
        *pv = std::ptr::null_mut();
        return;
    }
    let r = vm::abstract_::binary_op(b(&*pv), b(&w), vm::bytecode::NB_ADD);
    objref::decref(*pv);
    *pv = ret(r);
}
#[no_mangle]
pub unsafe extern "C" fn PyBytes_ConcatAndDel(pv: *mut *mut PyObject, w: *mut PyObject) {
    PyBytes_Concat(pv, w);
    objref::xdecref(w);
}
/// Resizes bytes only the caller references; a new object may replace it.
#[no_mangle]
pub unsafe extern "C" fn _PyBytes_Resize(pv: *mut *mut PyObject, n: Py_ssize_t) -> c_int {
    let o = *pv;
    if o.is_null() || !bytes::is_exact_bytes(b(&o)) || n < 0 || (*o).ob_refcnt != 1 {
        objref::xdecref(o);
        *pv = std::ptr::null_mut();
        return ret_int(Err(bad_internal_call()));
    }
    let old = PyObj::from_owned(o);
    let data = bytes::as_slice(&old);
    let new = bytes::new_uninit(n as usize);
    let k = data.len().min(n as usize);
    std::ptr::copy_nonoverlapping(data.as_ptr(), bytes::data_mut(&new), k);
    *bytes::data_mut(&new).add(n as usize) = 0;
    drop(old);
    *pv = new.into_ptr();
    0
}
