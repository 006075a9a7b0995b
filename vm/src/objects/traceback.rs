//! `traceback` objects (`PyTracebackObject`: tb_next, tb_frame, tb_lasti,
//! tb_lineno), built as an exception unwinds through frames.

use crate::object::*;
use crate::objects::none;
use crate::objref::{xdecref, PyObj};
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct PyTracebackObject {
    pub ob_base: PyObject,
    pub tb_next: *mut PyObject,
    pub tb_frame: *mut PyObject,
    pub tb_lasti: c_int,
    pub tb_lineno: c_int,
}

#[no_mangle]
pub static mut PyTraceBack_Type: PyTypeObject =
    PyTypeObject::empty(b"traceback\0", std::mem::size_of::<PyTracebackObject>(), 0);

pub fn traceback_type() -> *mut PyTypeObject {
    &raw mut PyTraceBack_Type
}

pub fn is_traceback(o: &PyObj) -> bool {
    o.ob_type() == traceback_type()
}

/// A new traceback entry for `frame` at instruction `lasti`, in front of `next`.
pub fn new(next: Option<PyObj>, frame: &PyObj, lasti: i32, lineno: u32) -> PyObj {
    unsafe {
        let t = crate::alloc::alloc_object(traceback_type(), 0) as *mut PyTracebackObject;
        (*t).tb_next = next.map(|n| n.into_ptr()).unwrap_or(std::ptr::null_mut());
        (*t).tb_frame = frame.clone().into_ptr();
        (*t).tb_lasti = lasti;
        (*t).tb_lineno = lineno as c_int;
        PyObj::from_owned(t as *mut PyObject)
    }
}

pub fn next(t: &PyObj) -> Option<PyObj> {
    unsafe {
        let p = (*(t.as_ptr() as *mut PyTracebackObject)).tb_next;
        if p.is_null() { None } else { Some(PyObj::from_borrowed(p)) }
    }
}

pub fn frame(t: &PyObj) -> PyObj {
    unsafe { PyObj::from_borrowed((*(t.as_ptr() as *mut PyTracebackObject)).tb_frame) }
}

pub fn lineno(t: &PyObj) -> u32 {
    unsafe { (*(t.as_ptr() as *mut PyTracebackObject)).tb_lineno as u32 }
}

pub fn lasti(t: &PyObj) -> i32 {
    unsafe { (*(t.as_ptr() as *mut PyTracebackObject)).tb_lasti }
}

unsafe extern "C" fn tb_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let t = o as *mut PyTracebackObject;
    xdecref((*t).tb_next);
    xdecref((*t).tb_frame);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn tb_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let t = o as *mut PyTracebackObject;
    for p in [(*t).tb_next, (*t).tb_frame] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn get_next(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    next(PyObj::borrow(&o)).unwrap_or_else(none::none).into_ptr()
}
unsafe extern "C" fn get_frame(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    frame(PyObj::borrow(&o)).into_ptr()
}
unsafe extern "C" fn get_lineno(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::objects::long::from_i64(lineno(PyObj::borrow(&o)) as i64).into_ptr()
}
unsafe extern "C" fn get_lasti(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let t = PyObj::borrow(&o);
    let f = (*(t.as_ptr() as *mut PyTracebackObject)).tb_frame as *mut crate::objects::frame::PyFrameObject;
    let i = lasti(t).max(0) as usize;
    let off = if f.is_null() || (*f).code.is_null() {
        2 * i
    } else {
        crate::objects::code_attrs::byte_offset(crate::objects::code::data(PyObj::borrow(&(*f).code)), i)
    };
    crate::objects::long::from_usize(off).into_ptr()
}

pub unsafe fn init_type() {
    let t = traceback_type();
    (*t).tp_dealloc = Some(tb_dealloc);
    (*t).tp_traverse = Some(tb_traverse);
    (*t).tp_flags |= flags::HAVE_GC;
    crate::objects::descr::set_getsets(t, &[
        ("tb_next", get_next as *const c_void, std::ptr::null()),
        ("tb_frame", get_frame as *const c_void, std::ptr::null()),
        ("tb_lineno", get_lineno as *const c_void, std::ptr::null()),
        ("tb_lasti", get_lasti as *const c_void, std::ptr::null()),
    ]);
}
