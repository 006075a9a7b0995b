//! Helpers shared by the C API functions: the va_list reader that the
//! C shims in csrc/varargs.c hand to Rust, C-string access, and the
//! conversions between Rust results and C return conventions.

use std::ffi::CStr;
use std::os::raw::{c_char, c_int, c_long, c_longlong, c_uint, c_ulong, c_ulonglong, c_void};
use vm::err::{self, PyErr, PyResult};
use vm::object::{PyObject, Py_ssize_t};
use vm::objref::PyObj;

extern "C" {
    fn pyrite_va_int(ap: *mut c_void) -> c_int;
    fn pyrite_va_uint(ap: *mut c_void) -> c_uint;
    fn pyrite_va_long(ap: *mut c_void) -> c_long;
    fn pyrite_va_ulong(ap: *mut c_void) -> c_ulong;
    fn pyrite_va_longlong(ap: *mut c_void) -> c_longlong;
    fn pyrite_va_ulonglong(ap: *mut c_void) -> c_ulonglong;
    fn pyrite_va_ssize(ap: *mut c_void) -> Py_ssize_t;
    fn pyrite_va_size(ap: *mut c_void) -> usize;
    fn pyrite_va_double(ap: *mut c_void) -> f64;
    fn pyrite_va_ptr(ap: *mut c_void) -> *mut c_void;
}

/// A C `va_list` being walked: each read takes the next argument with the
/// type the format string says it has (reading the wrong type is the C
/// caller's bug, as in CPython).
pub struct Va(pub *mut c_void);

impl Va {
    pub unsafe fn int(&mut self) -> c_int { pyrite_va_int(self.0) }
    pub unsafe fn uint(&mut self) -> c_uint { pyrite_va_uint(self.0) }
    pub unsafe fn long(&mut self) -> c_long { pyrite_va_long(self.0) }
    pub unsafe fn ulong(&mut self) -> c_ulong { pyrite_va_ulong(self.0) }
    pub unsafe fn longlong(&mut self) -> c_longlong { pyrite_va_longlong(self.0) }
    pub unsafe fn ulonglong(&mut self) -> c_ulonglong { pyrite_va_ulonglong(self.0) }
    pub unsafe fn ssize(&mut self) -> Py_ssize_t { pyrite_va_ssize(self.0) }
    pub unsafe fn size(&mut self) -> usize { pyrite_va_size(self.0) }
    pub unsafe fn double(&mut self) -> f64 { pyrite_va_double(self.0) }
    pub unsafe fn ptr<T>(&mut self) -> *mut T { pyrite_va_ptr(self.0) as *mut T }
}

/// The bytes of a NUL-terminated C string (empty for NULL).
pub unsafe fn cbytes<'a>(p: *const c_char) -> &'a [u8] {
    if p.is_null() {
        &[]
    } else {
        CStr::from_ptr(p).to_bytes()
    }
}

/// A C string as text (lossy UTF-8, as used in messages).
pub unsafe fn cstr(p: *const c_char) -> String {
    String::from_utf8_lossy(cbytes(p)).into_owned()
}

/// A borrowed object pointer as `&PyObj` (the pointer must not be NULL).
#[inline(always)]
pub unsafe fn b<'a>(p: &'a *mut PyObject) -> &'a PyObj {
    PyObj::borrow(p)
}

/// `PyErr_BadInternalCall`: a C caller passed NULL or a wrong type.
pub fn bad_internal_call() -> PyErr {
    err::system_error("bad argument to internal function")
}

/// Result to new reference or NULL.
#[inline(always)]
pub fn ret(r: PyResult) -> *mut PyObject {
    err::into_ptr(r)
}

/// Result to 0 or -1.
#[inline(always)]
pub fn ret_int(r: PyResult<()>) -> c_int {
    err::int_result(r)
}

/// Result to 1/0 or -1.
#[inline(always)]
pub fn ret_bool(r: PyResult<bool>) -> c_int {
    match r {
        Ok(v) => v as c_int,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

/// A borrowed reference to an object kept alive by someone else, returned
/// to C without touching the count.
#[inline(always)]
pub fn borrowed(o: &PyObj) -> *mut PyObject {
    o.as_ptr()
}

/// Raises SystemError if `p` is NULL (C API functions given NULL).
#[inline(always)]
pub fn nonnull(p: *mut PyObject) -> PyResult<()> {
    if p.is_null() {
        Err(if err::occurred() { err::fetch() } else { bad_internal_call() })
    } else {
        Ok(())
    }
}
