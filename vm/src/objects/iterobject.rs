//! `iterator` (iteration over `__getitem__` with indexes 0, 1, ...) and
//! `callable_iterator` (`iter(f, sentinel)`).

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::exceptions;
use crate::objref::{xdecref, PyObj};
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct SeqIterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

#[repr(C)]
pub struct CallIterObject {
    pub ob_base: PyObject,
    pub callable: *mut PyObject,
    pub sentinel: *mut PyObject,
}

#[no_mangle]
pub static mut PySeqIter_Type: PyTypeObject =
    PyTypeObject::empty(b"iterator\0", std::mem::size_of::<SeqIterObject>(), 0);
#[no_mangle]
pub static mut PyCallIter_Type: PyTypeObject =
    PyTypeObject::empty(b"callable_iterator\0", std::mem::size_of::<CallIterObject>(), 0);

pub fn seq_iter_new(seq: PyObj) -> PyObj {
    unsafe {
        let o = crate::alloc::alloc_object(&raw mut PySeqIter_Type, 0) as *mut SeqIterObject;
        (*o).seq = seq.into_ptr();
        PyObj::from_owned(o as *mut PyObject)
    }
}

pub fn call_iter_new(callable: PyObj, sentinel: PyObj) -> PyObj {
    unsafe {
        let o = crate::alloc::alloc_object(&raw mut PyCallIter_Type, 0) as *mut CallIterObject;
        (*o).callable = callable.into_ptr();
        (*o).sentinel = sentinel.into_ptr();
        PyObj::from_owned(o as *mut PyObject)
    }
}

unsafe extern "C" fn seqiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut SeqIterObject;
    if (*it).seq.is_null() {
        return std::ptr::null_mut();
    }
    let seq = PyObj::from_borrowed((*it).seq);
    let idx = crate::objects::long::from_i64((*it).index as i64);
    match crate::abstract_::getitem(&seq, &idx) {
        Ok(v) => {
            (*it).index += 1;
            v.into_ptr()
        }
        Err(e) if e.matches(exceptions::PyExc_IndexError) || e.matches(exceptions::PyExc_StopIteration) => {
            let s = std::mem::replace(&mut (*it).seq, std::ptr::null_mut());
            xdecref(s);
            std::ptr::null_mut()
        }
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn calliter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut CallIterObject;
    if (*it).callable.is_null() {
        return std::ptr::null_mut();
    }
    let f = PyObj::from_borrowed((*it).callable);
    let r: PyResult<Option<PyObj>> = (|| {
        let v = match crate::abstract_::call0(&f) {
            Ok(v) => v,
            Err(e) if e.matches(exceptions::PyExc_StopIteration) => return Ok(None),
            Err(e) => return Err(e),
        };
        let s = PyObj::from_borrowed((*it).sentinel);
        if crate::abstract_::eq(&v, &s)? {
            return Ok(None);
        }
        Ok(Some(v))
    })();
    match r {
        Ok(Some(v)) => v.into_ptr(),
        Ok(None) => {
            let c = std::mem::replace(&mut (*it).callable, std::ptr::null_mut());
            xdecref(c);
            let s = std::mem::replace(&mut (*it).sentinel, std::ptr::null_mut());
            xdecref(s);
            std::ptr::null_mut()
        }
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

pub unsafe extern "C" fn self_iter(o: *mut PyObject) -> *mut PyObject {
    crate::objref::incref(o);
    o
}

unsafe extern "C" fn seqiter_dealloc(o: *mut PyObject) {
    xdecref((*(o as *mut SeqIterObject)).seq);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn calliter_dealloc(o: *mut PyObject) {
    xdecref((*(o as *mut CallIterObject)).callable);
    xdecref((*(o as *mut CallIterObject)).sentinel);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn seqiter_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = (*(o as *mut SeqIterObject)).seq;
    if p.is_null() { 0 } else { visit(p, arg) }
}

unsafe extern "C" fn calliter_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let it = o as *mut CallIterObject;
    for p in [(*it).callable, (*it).sentinel] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

pub unsafe fn init_types() {
    let t = &raw mut PySeqIter_Type;
    (*t).tp_dealloc = Some(seqiter_dealloc);
    (*t).tp_traverse = Some(seqiter_traverse);
    (*t).tp_iter = Some(self_iter);
    (*t).tp_iternext = Some(seqiter_next);
    (*t).tp_flags |= flags::HAVE_GC;
    let t = &raw mut PyCallIter_Type;
    (*t).tp_dealloc = Some(calliter_dealloc);
    (*t).tp_traverse = Some(calliter_traverse);
    (*t).tp_iter = Some(self_iter);
    (*t).tp_iternext = Some(calliter_next);
    (*t).tp_flags |= flags::HAVE_GC;
}
