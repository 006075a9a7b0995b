//! `enumerate`, `reversed`, `zip`, `map` and `filter`.

use crate::object::*;

#[no_mangle]
pub static mut PyEnum_Type: PyTypeObject = PyTypeObject::empty(b"enumerate\0", 48, 0);
#[no_mangle]
pub static mut PyReversed_Type: PyTypeObject = PyTypeObject::empty(b"reversed\0", 48, 0);
#[no_mangle]
pub static mut PyZip_Type: PyTypeObject = PyTypeObject::empty(b"zip\0", 48, 0);
#[no_mangle]
pub static mut PyMap_Type: PyTypeObject = PyTypeObject::empty(b"map\0", 48, 0);
#[no_mangle]
pub static mut PyFilter_Type: PyTypeObject = PyTypeObject::empty(b"filter\0", 48, 0);

pub fn enumerate_type() -> *mut PyTypeObject { &raw mut PyEnum_Type }
pub fn reversed_type() -> *mut PyTypeObject { &raw mut PyReversed_Type }
pub fn zip_type() -> *mut PyTypeObject { &raw mut PyZip_Type }
pub fn map_type() -> *mut PyTypeObject { &raw mut PyMap_Type }
pub fn filter_type() -> *mut PyTypeObject { &raw mut PyFilter_Type }

pub fn extra_types() -> Vec<*mut PyTypeObject> {
    vec![]
}

pub unsafe fn init_types() {}
