//! `bytes`: `PyBytesObject` (var-sized, cached hash, NUL-terminated
//! `ob_sval`). Core construction and access; methods in `bytes_methods.rs`.

use crate::object::*;
use crate::objref::PyObj;

#[repr(C)]
pub struct PyBytesObject {
    pub ob_base: PyVarObject,
    pub ob_shash: Py_hash_t,
    pub ob_sval: [u8; 1],
}

#[no_mangle]
pub static mut PyBytes_Type: PyTypeObject = PyTypeObject::empty(
    b"bytes\0",
    std::mem::size_of::<PyVarObject>() + std::mem::size_of::<Py_hash_t>(),
    1,
);

pub fn bytes_type() -> *mut PyTypeObject {
    &raw mut PyBytes_Type
}

pub fn is_bytes(o: &PyObj) -> bool {
    unsafe {
        let tp = o.ob_type();
        tp == bytes_type() || (*tp).tp_flags & flags::BYTES_SUBCLASS != 0
    }
}

pub fn is_exact_bytes(o: &PyObj) -> bool {
    o.ob_type() == bytes_type()
}

pub fn len(o: &PyObj) -> usize {
    unsafe { (*(o.as_ptr() as *mut PyVarObject)).ob_size as usize }
}

pub fn as_slice(o: &PyObj) -> &[u8] {
    unsafe { std::slice::from_raw_parts((*(o.as_ptr() as *mut PyBytesObject)).ob_sval.as_ptr(), len(o)) }
}

/// An uninitialized bytes of length `n` (hash unset, NUL written).
pub unsafe fn new_uninit(n: usize) -> PyObj {
    let o = crate::alloc::alloc_object(bytes_type(), n as isize);
    if o.is_null() {
        panic!("out of memory allocating {n} bytes");
    }
    (*(o as *mut PyBytesObject)).ob_shash = -1;
    PyObj::from_owned(o)
}

pub unsafe fn data_mut(o: &PyObj) -> *mut u8 {
    (*(o.as_ptr() as *mut PyBytesObject)).ob_sval.as_mut_ptr()
}

pub fn new(b: &[u8]) -> PyObj {
    unsafe {
        let o = new_uninit(b.len());
        std::ptr::copy_nonoverlapping(b.as_ptr(), data_mut(&o), b.len());
        o
    }
}

pub fn hash(o: &PyObj) -> isize {
    unsafe {
        let p = o.as_ptr() as *mut PyBytesObject;
        if (*p).ob_shash == -1 {
            (*p).ob_shash = crate::hash::hash_bytes(as_slice(o));
        }
        (*p).ob_shash
    }
}

pub unsafe fn init_type() {
    let t = bytes_type();
    (*t).tp_flags |= flags::BASETYPE | flags::BYTES_SUBCLASS;
}
