//! `complex`: `PyComplexObject` (two C doubles). Core construction;
//! arithmetic and methods in `complex_methods.rs`.

use crate::object::*;
use crate::objref::PyObj;

#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Py_complex {
    pub real: f64,
    pub imag: f64,
}

#[repr(C)]
pub struct PyComplexObject {
    pub ob_base: PyObject,
    pub cval: Py_complex,
}

#[no_mangle]
pub static mut PyComplex_Type: PyTypeObject =
    PyTypeObject::empty(b"complex\0", std::mem::size_of::<PyComplexObject>(), 0);

pub fn complex_type() -> *mut PyTypeObject {
    &raw mut PyComplex_Type
}

pub fn is_complex(o: &PyObj) -> bool {
    unsafe { crate::typeobj::is_subtype(o.ob_type(), complex_type()) }
}

pub fn value(o: &PyObj) -> Py_complex {
    unsafe { (*(o.as_ptr() as *mut PyComplexObject)).cval }
}

pub fn new(real: f64, imag: f64) -> PyObj {
    unsafe {
        let o = crate::alloc::alloc_object(complex_type(), 0) as *mut PyComplexObject;
        (*o).cval = Py_complex { real, imag };
        PyObj::from_owned(o as *mut PyObject)
    }
}

pub unsafe fn init_type() {
    let t = complex_type();
    (*t).tp_flags |= flags::BASETYPE | flags::MATCH_SELF;
}

/// Allocates an instance of the complex subtype `tp` (through its
/// `tp_alloc`) holding `real + imag*j`.
pub unsafe fn new_subtype(tp: *mut PyTypeObject, real: f64, imag: f64) -> crate::err::PyResult<PyObj> {
    let o = match (*tp).tp_alloc {
        Some(a) => a(tp, 0),
        None => crate::alloc::generic_alloc(tp, 0),
    };
    if o.is_null() {
        return Err(crate::err::fetch());
    }
    (*(o as *mut PyComplexObject)).cval = Py_complex { real, imag };
    Ok(PyObj::from_owned(o))
}

pub fn is_exact_complex(o: &PyObj) -> bool {
    o.ob_type() == complex_type()
}
