//! `bytearray`: `PyByteArrayObject` (mutable bytes: ob_alloc, ob_bytes,
//! ob_start, ob_exports) and the bytes-like helpers shared with `bytes`.

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objref::PyObj;

#[repr(C)]
pub struct PyByteArrayObject {
    pub ob_base: PyVarObject,
    pub ob_alloc: Py_ssize_t,
    pub ob_bytes: *mut u8,
    pub ob_start: *mut u8,
    pub ob_exports: Py_ssize_t,
}

#[no_mangle]
pub static mut PyByteArray_Type: PyTypeObject =
    PyTypeObject::empty(b"bytearray\0", std::mem::size_of::<PyByteArrayObject>(), 0);

pub fn bytearray_type() -> *mut PyTypeObject {
    &raw mut PyByteArray_Type
}

pub fn is_bytearray(o: &PyObj) -> bool {
    unsafe { crate::typeobj::is_subtype(o.ob_type(), bytearray_type()) }
}

pub fn as_slice(o: &PyObj) -> &[u8] {
    unsafe {
        let b = o.as_ptr() as *mut PyByteArrayObject;
        let n = (*b).ob_base.ob_size as usize;
        if n == 0 || (*b).ob_start.is_null() {
            &[]
        } else {
            std::slice::from_raw_parts((*b).ob_start, n)
        }
    }
}

/// The contents of a bytes-like object (bytes, bytearray, memoryview).
pub fn bytes_like_data(o: &PyObj) -> PyResult<Vec<u8>> {
    if crate::objects::bytes::is_bytes(o) {
        return Ok(crate::objects::bytes::as_slice(o).to_vec());
    }
    if is_bytearray(o) {
        return Ok(as_slice(o).to_vec());
    }
    if let Some(v) = crate::objects::memoryview::data_of(o) {
        return Ok(v);
    }
    Err(err::type_error(format!(
        "a bytes-like object is required, not '{}'",
        crate::typeobj::type_name(o.ob_type())
    )))
}

pub unsafe fn init_type() {
    let t = bytearray_type();
    (*t).tp_flags |= flags::BASETYPE;
}
