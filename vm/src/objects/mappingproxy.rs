//! `mappingproxy`: a read-only view of a mapping (what `cls.__dict__` returns).

use crate::object::*;
use crate::objref::PyObj;

pub fn new(d: PyObj) -> PyObj {
    d
}

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![]
}

pub unsafe fn init_types() {}
