//! The singletons `None` (`NoneType`) and `NotImplemented`
//! (`NotImplementedType`), statically allocated as in CPython.

use crate::object::*;
use crate::objref::PyObj;

#[no_mangle]
pub static mut _PyNone_Type: PyTypeObject =
    PyTypeObject::empty(b"NoneType\0", std::mem::size_of::<PyObject>(), 0);

#[no_mangle]
pub static mut _PyNotImplemented_Type: PyTypeObject =
    PyTypeObject::empty(b"NotImplementedType\0", std::mem::size_of::<PyObject>(), 0);

#[no_mangle]
pub static mut _Py_NoneStruct: PyObject = static_head(&raw mut _PyNone_Type);

#[no_mangle]
pub static mut _Py_NotImplementedStruct: PyObject = static_head(&raw mut _PyNotImplemented_Type);

#[inline(always)]
pub fn none_ptr() -> *mut PyObject {
    &raw mut _Py_NoneStruct
}

#[inline(always)]
pub fn none() -> PyObj {
    unsafe { PyObj::from_borrowed(none_ptr()) }
}

#[inline(always)]
pub fn is_none(o: &PyObj) -> bool {
    o.as_ptr() == none_ptr()
}

#[inline(always)]
pub fn not_implemented_ptr() -> *mut PyObject {
    &raw mut _Py_NotImplementedStruct
}

#[inline(always)]
pub fn not_implemented() -> PyObj {
    unsafe { PyObj::from_borrowed(not_implemented_ptr()) }
}

#[inline(always)]
pub fn is_not_implemented(o: &PyObj) -> bool {
    o.as_ptr() == not_implemented_ptr()
}

pub unsafe fn init_type() {}
