//! The cycle collector's bookkeeping: every object with a GC header is linked
//! into one list through `PyGC_Head`, as CPython links its generations. The
//! collection pass (subtract internal references found by `tp_traverse`,
//! keep what is reachable from outside, `tp_clear` the rest) lives here too.

use crate::object::{PyGC_Head, PyObject};
use std::cell::UnsafeCell;

struct GcState {
    head: PyGC_Head,
    enabled: bool,
    /// Allocations of tracked objects minus deallocations since the last collection.
    count: isize,
    initialized: bool,
}

struct Global(UnsafeCell<GcState>);
// Only touched with the GIL held.
unsafe impl Sync for Global {}

static STATE: Global = Global(UnsafeCell::new(GcState {
    head: PyGC_Head { _gc_next: 0, _gc_prev: 0 },
    enabled: true,
    count: 0,
    initialized: false,
}));

#[inline(always)]
fn state() -> *mut GcState {
    STATE.0.get()
}

unsafe fn list_head() -> *mut PyGC_Head {
    let s = state();
    let h = &raw mut (*s).head;
    if !(*s).initialized {
        (*h)._gc_next = h as usize;
        (*h)._gc_prev = h as usize;
        (*s).initialized = true;
    }
    h
}

/// Links a freshly allocated object into the collector's list.
pub unsafe fn track(obj: *mut PyObject) {
    let g = crate::alloc::gc_head(obj);
    if (*g)._gc_prev != 0 {
        return;
    }
    let h = list_head();
    let last = (*h)._gc_prev as *mut PyGC_Head;
    (*g)._gc_prev = last as usize;
    (*g)._gc_next = h as usize;
    (*last)._gc_next = g as usize;
    (*h)._gc_prev = g as usize;
    (*state()).count += 1;
}

pub unsafe fn untrack(obj: *mut PyObject) {
    let g = crate::alloc::gc_head(obj);
    if (*g)._gc_prev == 0 {
        return;
    }
    let prev = (*g)._gc_prev as *mut PyGC_Head;
    let next = (*g)._gc_next as *mut PyGC_Head;
    (*prev)._gc_next = next as usize;
    (*next)._gc_prev = prev as usize;
    (*g)._gc_prev = 0;
    (*g)._gc_next = 0;
    (*state()).count -= 1;
}

pub unsafe fn is_tracked(obj: *mut PyObject) -> bool {
    (*crate::alloc::gc_head(obj))._gc_prev != 0
}

pub fn enable() {
    unsafe { (*state()).enabled = true }
}
pub fn disable() {
    unsafe { (*state()).enabled = false }
}
pub fn is_enabled() -> bool {
    unsafe { (*state()).enabled }
}
pub fn count() -> isize {
    unsafe { (*state()).count.max(0) }
}

/// Runs a collection; returns the number of unreachable objects found.
/// (The traversal pass arrives with the cycle collector; until then no
/// cycle is freed and 0 is reported.)
pub fn collect() -> usize {
    0
}
