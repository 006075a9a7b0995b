//! `range` and its iterators.

use crate::object::*;

#[no_mangle]
pub static mut PyRange_Type: PyTypeObject = PyTypeObject::empty(b"range\0", 48, 0);

pub fn range_type() -> *mut PyTypeObject {
    &raw mut PyRange_Type
}

pub fn extra_types() -> Vec<*mut PyTypeObject> {
    vec![]
}

pub unsafe fn init_types() {}
