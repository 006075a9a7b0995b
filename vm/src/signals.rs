//! Asynchronous events checked on backward jumps (signals such as SIGINT
//! becoming KeyboardInterrupt).

use crate::err::PyResult;
use std::sync::atomic::{AtomicBool, Ordering};

pub static PENDING: AtomicBool = AtomicBool::new(false);

/// Called on every backward jump; cheap when nothing is pending.
#[inline(always)]
pub fn check() -> PyResult<()> {
    if PENDING.load(Ordering::Relaxed) {
        return handle();
    }
    Ok(())
}

#[cold]
fn handle() -> PyResult<()> {
    PENDING.store(false, Ordering::Relaxed);
    Err(crate::err::with_args(unsafe { crate::objects::exceptions::PyExc_KeyboardInterrupt }, &[]))
}
