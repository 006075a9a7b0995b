//! Python-level methods of `slice` (`start`/`stop`/`step`, `indices`,
//! comparison, hashing) and `slice(...)` construction.

use crate::object::*;

pub unsafe fn init(_t: *mut PyTypeObject) {}
