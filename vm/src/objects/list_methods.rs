//! Python-level behaviour of `list`: construction, repr, comparison,
//! sequence slots, iteration, sorting and methods.

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objref::PyObj;

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![]
}

/// Sorts a list in place (stable), as `list.sort(key=..., reverse=...)`.
pub fn sort_list(l: &PyObj, key: Option<&PyObj>, reverse: bool) -> PyResult<()> {
    let _ = (l, key, reverse);
    Err(err::not_implemented_error("list.sort is not implemented yet"))
}

pub unsafe fn init_type() {}
