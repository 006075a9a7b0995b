//! `types.UnionType` (`int | str`).

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objref::PyObj;

pub fn make_union(a: &PyObj, b: &PyObj) -> PyResult {
    let _ = (a, b);
    Err(err::not_implemented_error("X | Y unions of types are not implemented yet"))
}

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![]
}

pub unsafe fn init_types() {}
