//! `BaseExceptionGroup`/`ExceptionGroup` behaviour: `split`, `subgroup`,
//! `derive`, and the helpers behind `except*` (CHECK_EG_MATCH,
//! PREP_RERAISE_STAR).

use crate::err::{self, PyResult};
use crate::objref::PyObj;

/// Splits `exc` by `match_type` for an `except*` clause: (rest, matched).
pub fn split_for_except_star(exc: &PyObj, match_type: &PyObj) -> PyResult<(PyObj, Option<PyObj>)> {
    let _ = (exc, match_type);
    Err(err::not_implemented_error("except* is not implemented yet"))
}

/// Computes the exception to re-raise after the `except*` clauses ran.
pub fn prep_reraise_star(orig: &PyObj, excs: &PyObj) -> PyResult {
    let _ = (orig, excs);
    Err(err::not_implemented_error("except* is not implemented yet"))
}
