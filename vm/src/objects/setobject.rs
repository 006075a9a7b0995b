//! `set` and `frozenset`: hash tables of keys with CPython's set semantics.

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objref::PyObj;

#[repr(C)]
pub struct PySetStub {
    pub ob_base: PyObject,
    pub data: *mut std::os::raw::c_void,
}

#[no_mangle]
pub static mut PySet_Type: PyTypeObject = PyTypeObject::empty(b"set\0", 200, 0);
#[no_mangle]
pub static mut PyFrozenSet_Type: PyTypeObject = PyTypeObject::empty(b"frozenset\0", 200, 0);

pub fn set_type() -> *mut PyTypeObject {
    &raw mut PySet_Type
}
pub fn frozenset_type() -> *mut PyTypeObject {
    &raw mut PyFrozenSet_Type
}

pub fn new_set(items: &[PyObj]) -> PyResult {
    let _ = items;
    Err(err::not_implemented_error("set is not implemented yet"))
}

pub fn add(s: &PyObj, v: PyObj) -> PyResult<()> {
    let _ = (s, v);
    Err(err::not_implemented_error("set is not implemented yet"))
}

pub fn update(s: &PyObj, it: &PyObj) -> PyResult<()> {
    let _ = (s, it);
    Err(err::not_implemented_error("set is not implemented yet"))
}

pub fn frozenset_from_strs(_names: &[&str]) -> PyObj {
    crate::objects::tuple::empty()
}

pub fn extra_types() -> Vec<*mut PyTypeObject> {
    vec![]
}

pub unsafe fn init_types() {}
