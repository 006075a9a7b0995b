//! `memoryview` over bytes and bytearray.

use crate::object::*;
use crate::objref::PyObj;

#[no_mangle]
pub static mut PyMemoryView_Type: PyTypeObject = PyTypeObject::empty(b"memoryview\0", 200, 0);

pub fn memoryview_type() -> *mut PyTypeObject {
    &raw mut PyMemoryView_Type
}

/// The bytes a memoryview exposes, if `o` is one.
pub fn data_of(_o: &PyObj) -> Option<Vec<u8>> {
    None
}

pub unsafe fn init_type() {}
