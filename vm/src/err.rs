//! Python exceptions as Rust errors, and the thread's error indicator.
//!
//! Rust code returns `PyResult<T>`; the error is the (always normalized)
//! exception instance. Slots and C API functions return NULL / -1 with the
//! exception stored in the thread state's error indicator; `into_ptr` and
//! `from_ptr` convert between the two conventions at that boundary.

use crate::object::{PyObject, PyTypeObject};
use crate::objref::PyObj;
use std::cell::Cell;

#[derive(Clone, Debug)]
pub struct PyErr(pub PyObj);

pub type PyResult<T = PyObj> = Result<T, PyErr>;

impl PyErr {
    pub fn value(&self) -> &PyObj {
        &self.0
    }
    pub fn exc_type(&self) -> *mut PyTypeObject {
        self.0.ob_type()
    }
    /// True when the exception is an instance of `tp` (or a subclass).
    pub fn matches(&self, tp: *mut PyTypeObject) -> bool {
        unsafe { crate::typeobj::is_subtype(self.exc_type(), tp) }
    }
}

thread_local! {
    /// The error indicator: the exception set by C-convention code, or null.
    static CURRENT: Cell<*mut PyObject> = const { Cell::new(std::ptr::null_mut()) };
}

/// Sets the error indicator (replacing any previous one).
pub fn restore(e: PyErr) {
    let old = CURRENT.with(|c| c.replace(e.0.into_ptr()));
    if !old.is_null() {
        unsafe { crate::objref::decref(old) };
    }
}

/// Takes the error indicator, leaving it clear.
pub fn take() -> Option<PyErr> {
    let p = CURRENT.with(|c| c.replace(std::ptr::null_mut()));
    if p.is_null() {
        None
    } else {
        Some(PyErr(unsafe { PyObj::from_owned(p) }))
    }
}

pub fn occurred() -> bool {
    CURRENT.with(|c| !c.get().is_null())
}

/// The type of the pending exception, or null (`PyErr_Occurred`); borrowed,
/// kept alive by the pending instance.
pub fn occurred_type() -> *mut PyTypeObject {
    CURRENT.with(|c| {
        let p = c.get();
        if p.is_null() { std::ptr::null_mut() } else { unsafe { (*p).ob_type } }
    })
}

/// The exception behind a NULL return: the indicator, or a SystemError if a
/// callee forgot to set one (as CPython reports it).
#[cold]
pub fn fetch() -> PyErr {
    take().unwrap_or_else(|| {
        system_error("error return without exception set")
    })
}

/// Converts a Rust result to the C convention (new reference or NULL).
#[inline(always)]
pub fn into_ptr(r: PyResult<PyObj>) -> *mut PyObject {
    match r {
        Ok(o) => o.into_ptr(),
        Err(e) => {
            restore(e);
            std::ptr::null_mut()
        }
    }
}

/// Converts a C-convention new reference (NULL on error) to a Rust result.
#[inline(always)]
pub unsafe fn from_ptr(p: *mut PyObject) -> PyResult<PyObj> {
    if p.is_null() {
        Err(fetch())
    } else {
        Ok(PyObj::from_owned(p))
    }
}

/// Converts an int-returning C-convention result (-1 on error).
#[inline(always)]
pub fn from_int(r: std::os::raw::c_int) -> PyResult<std::os::raw::c_int> {
    if r < 0 && occurred() {
        Err(fetch())
    } else {
        Ok(r)
    }
}

pub fn int_result(r: PyResult<()>) -> std::os::raw::c_int {
    match r {
        Ok(()) => 0,
        Err(e) => {
            restore(e);
            -1
        }
    }
}

/// Makes an exception of type `tp` with one string argument.
pub fn new(tp: *mut PyTypeObject, msg: &str) -> PyErr {
    crate::objects::exceptions::new_with_message(tp, msg)
}

macro_rules! err_fn {
    ($($fn_name:ident => $ty:ident),* $(,)?) => {$(
        #[cold]
        pub fn $fn_name(msg: impl AsRef<str>) -> PyErr {
            new(unsafe { crate::objects::exceptions::$ty }, msg.as_ref())
        }
    )*};
}

err_fn! {
    type_error => PyExc_TypeError,
    value_error => PyExc_ValueError,
    attribute_error => PyExc_AttributeError,
    index_error => PyExc_IndexError,
    key_error_msg => PyExc_KeyError,
    name_error => PyExc_NameError,
    zero_division_error => PyExc_ZeroDivisionError,
    overflow_error => PyExc_OverflowError,
    runtime_error => PyExc_RuntimeError,
    recursion_error => PyExc_RecursionError,
    system_error => PyExc_SystemError,
    not_implemented_error => PyExc_NotImplementedError,
    import_error => PyExc_ImportError,
    unbound_local_error => PyExc_UnboundLocalError,
    stop_iteration_msg => PyExc_StopIteration,
    os_error => PyExc_OSError,
    eof_error => PyExc_EOFError,
    memory_error_msg => PyExc_MemoryError,
    assertion_error => PyExc_AssertionError,
    lookup_error => PyExc_LookupError,
    unicode_error => PyExc_UnicodeError,
    buffer_error => PyExc_BufferError,
}

/// KeyError carrying the missing key itself as its argument.
#[cold]
pub fn key_error(key: &PyObj) -> PyErr {
    crate::objects::exceptions::new_with_args(
        unsafe { crate::objects::exceptions::PyExc_KeyError },
        &[key.clone()],
    )
}

/// Sets MemoryError in the indicator (allocation failures in slots).
#[cold]
pub fn set_memory_error() {
    restore(memory_error_msg(""));
}

/// An exception raised from Python code paths by type object and args.
pub fn with_args(tp: *mut PyTypeObject, args: &[PyObj]) -> PyErr {
    crate::objects::exceptions::new_with_args(tp, args)
}
