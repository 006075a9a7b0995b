//! Struct sequences (`sys.version_info`, `sys.flags`, `os.stat_result`):
//! tuples whose items are also named attributes.

use crate::objref::PyObj;

/// Builds a struct-sequence-like value. Until real structseq types exist
/// this is a tuple of the values.
pub fn new(_type_name: &str, fields: &[(&str, PyObj)]) -> PyObj {
    crate::objects::tuple::new(fields.iter().map(|(_, v)| v.clone()).collect())
}

pub unsafe fn init() {}
