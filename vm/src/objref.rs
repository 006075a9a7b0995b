//! Owned and borrowed references to objects.
//!
//! `PyObj` is a strong reference: `Clone` increments the count and `Drop`
//! decrements it, freeing the object through its type's `tp_dealloc` at zero.
//! It is `repr(transparent)` over a non-null `*mut PyObject`, so a C array of
//! object pointers can be viewed as `&[PyObj]` without copying, and a borrowed
//! pointer as `&PyObj` (see `PyObj::borrow`).

use crate::object::{PyObject, PyTypeObject};
use std::ptr::NonNull;

#[repr(transparent)]
#[derive(PartialEq, Eq, Hash)]
pub struct PyObj(NonNull<PyObject>);

#[inline(always)]
pub unsafe fn incref(p: *mut PyObject) {
    (*p).ob_refcnt += 1;
}

#[inline(always)]
pub unsafe fn decref(p: *mut PyObject) {
    (*p).ob_refcnt -= 1;
    if (*p).ob_refcnt == 0 {
        dealloc(p);
    }
}

#[inline(always)]
pub unsafe fn xincref(p: *mut PyObject) {
    if !p.is_null() {
        incref(p)
    }
}

#[inline(always)]
pub unsafe fn xdecref(p: *mut PyObject) {
    if !p.is_null() {
        decref(p)
    }
}

/// Frees an object whose count reached zero.
#[cold]
#[inline(never)]
pub unsafe fn dealloc(p: *mut PyObject) {
    let tp = (*p).ob_type;
    match (*tp).tp_dealloc {
        Some(f) => f(p),
        None => crate::alloc::object_free_raw(p),
    }
}

impl PyObj {
    /// Takes ownership of a new (strong) reference.
    #[inline(always)]
    pub unsafe fn from_owned(p: *mut PyObject) -> PyObj {
        debug_assert!(!p.is_null());
        PyObj(NonNull::new_unchecked(p))
    }

    /// Makes a new strong reference from a borrowed pointer.
    #[inline(always)]
    pub unsafe fn from_borrowed(p: *mut PyObject) -> PyObj {
        incref(p);
        PyObj(NonNull::new_unchecked(p))
    }

    /// Views a borrowed pointer (held somewhere that outlives the borrow) as `&PyObj`.
    #[inline(always)]
    pub unsafe fn borrow(p: &*mut PyObject) -> &PyObj {
        debug_assert!(!p.is_null());
        &*(p as *const *mut PyObject as *const PyObj)
    }

    /// Views a C array of non-null object pointers as a slice of references.
    #[inline(always)]
    pub unsafe fn slice<'a>(args: *const *mut PyObject, n: usize) -> &'a [PyObj] {
        if n == 0 {
            &[]
        } else {
            std::slice::from_raw_parts(args as *const PyObj, n)
        }
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *mut PyObject {
        self.0.as_ptr()
    }

    /// Gives up ownership without decrementing (the caller now owns the reference).
    #[inline(always)]
    pub fn into_ptr(self) -> *mut PyObject {
        let p = self.0.as_ptr();
        std::mem::forget(self);
        p
    }

    #[inline(always)]
    pub fn ob_type(&self) -> *mut PyTypeObject {
        unsafe { (*self.as_ptr()).ob_type }
    }

    /// The type as an owned object.
    pub fn type_obj(&self) -> PyObj {
        unsafe { PyObj::from_borrowed(self.ob_type() as *mut PyObject) }
    }

    #[inline(always)]
    pub fn is(&self, other: &PyObj) -> bool {
        self.0 == other.0
    }

    #[inline(always)]
    pub fn is_ptr(&self, other: *mut PyObject) -> bool {
        self.as_ptr() == other
    }

    #[inline(always)]
    pub fn refcnt(&self) -> isize {
        unsafe { (*self.as_ptr()).ob_refcnt }
    }

    /// Reinterprets the object as its concrete struct.
    #[inline(always)]
    pub unsafe fn cast<T>(&self) -> &mut T {
        &mut *(self.as_ptr() as *mut T)
    }
}

impl Clone for PyObj {
    #[inline(always)]
    fn clone(&self) -> PyObj {
        unsafe { incref(self.as_ptr()) };
        PyObj(self.0)
    }
}

impl Drop for PyObj {
    #[inline(always)]
    fn drop(&mut self) {
        unsafe { decref(self.as_ptr()) }
    }
}

impl std::fmt::Debug for PyObj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = unsafe { std::ffi::CStr::from_ptr((*self.ob_type()).tp_name) };
        write!(f, "<{} object at {:p}>", name.to_string_lossy(), self.as_ptr())
    }
}
