//! Python-visible attributes and methods of code objects (`co_*`,
//! `co_lines()`, `co_positions()`, `replace()`).

use crate::object::*;

pub unsafe fn init(_t: *mut PyTypeObject) {}
