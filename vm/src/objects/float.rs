//! `float`: `PyFloatObject`, a C double. Core construction; arithmetic slots
//! and methods live in `float_methods.rs`.

use crate::object::*;
use crate::objref::PyObj;

#[repr(C)]
pub struct PyFloatObject {
    pub ob_base: PyObject,
    pub ob_fval: f64,
}

#[no_mangle]
pub static mut PyFloat_Type: PyTypeObject =
    PyTypeObject::empty(b"float\0", std::mem::size_of::<PyFloatObject>(), 0);

#[inline(always)]
pub fn float_type() -> *mut PyTypeObject {
    &raw mut PyFloat_Type
}

#[inline(always)]
pub fn is_float(o: &PyObj) -> bool {
    unsafe { o.ob_type() == float_type() || crate::typeobj::is_subtype(o.ob_type(), float_type()) }
}

#[inline(always)]
pub fn is_exact_float(o: &PyObj) -> bool {
    o.ob_type() == float_type()
}

#[inline(always)]
pub fn value(o: &PyObj) -> f64 {
    unsafe { (*(o.as_ptr() as *mut PyFloatObject)).ob_fval }
}

// Freed exact floats are kept for reuse, as CPython keeps up to 100; the
// list is linked through `ob_type`.
const FREELIST_MAX: usize = 100;
static mut FREELIST: *mut PyFloatObject = std::ptr::null_mut();
static mut FREELIST_LEN: usize = 0;

#[inline]
pub fn new(v: f64) -> PyObj {
    unsafe {
        let p = if !FREELIST.is_null() {
            let p = FREELIST;
            FREELIST = (*p).ob_base.ob_type as *mut PyFloatObject;
            FREELIST_LEN -= 1;
            p
        } else {
            crate::alloc::mem_malloc(std::mem::size_of::<PyFloatObject>()) as *mut PyFloatObject
        };
        (*p).ob_base.ob_refcnt = 1;
        (*p).ob_base.ob_type = float_type();
        (*p).ob_fval = v;
        PyObj::from_owned(p as *mut PyObject)
    }
}

unsafe extern "C" fn float_dealloc(o: *mut PyObject) {
    if (*o).ob_type == float_type() {
        if FREELIST_LEN < FREELIST_MAX {
            (*o).ob_type = FREELIST as *mut PyTypeObject;
            FREELIST = o as *mut PyFloatObject;
            FREELIST_LEN += 1;
            return;
        }
        crate::alloc::mem_free(o as *mut _);
    } else {
        crate::alloc::tp_free(o);
    }
}

pub unsafe fn init_type() {
    let t = float_type();
    (*t).tp_dealloc = Some(float_dealloc);
    (*t).tp_flags |= flags::BASETYPE | flags::MATCH_SELF;
}

/// Allocates an instance of the float subtype `tp` (through its `tp_alloc`)
/// holding `v`.
pub unsafe fn new_subtype(tp: *mut PyTypeObject, v: f64) -> crate::err::PyResult<PyObj> {
    let o = match (*tp).tp_alloc {
        Some(a) => a(tp, 0),
        None => crate::alloc::generic_alloc(tp, 0),
    };
    if o.is_null() {
        return Err(crate::err::fetch());
    }
    (*(o as *mut PyFloatObject)).ob_fval = v;
    Ok(PyObj::from_owned(o))
}
