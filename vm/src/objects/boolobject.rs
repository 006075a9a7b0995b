//! `bool`: a subclass of int with exactly two instances, `True` and `False`,
//! laid out as ints (`_Py_TrueStruct`, `_Py_FalseStruct`).

use crate::object::*;
use crate::objects::long::PyLongObject;
use crate::objref::PyObj;

#[no_mangle]
pub static mut PyBool_Type: PyTypeObject = PyTypeObject::empty(
    b"bool\0",
    std::mem::size_of::<PyVarObject>(),
    std::mem::size_of::<u32>(),
);

#[no_mangle]
pub static mut _Py_FalseStruct: PyLongObject = PyLongObject {
    ob_base: PyVarObject { ob_base: static_head(&raw mut PyBool_Type), ob_size: 0 },
    ob_digit: [0],
};

#[no_mangle]
pub static mut _Py_TrueStruct: PyLongObject = PyLongObject {
    ob_base: PyVarObject { ob_base: static_head(&raw mut PyBool_Type), ob_size: 1 },
    ob_digit: [1],
};

#[inline(always)]
pub fn bool_type() -> *mut PyTypeObject {
    &raw mut PyBool_Type
}

#[inline(always)]
pub fn true_ptr() -> *mut PyObject {
    &raw mut _Py_TrueStruct as *mut PyObject
}

#[inline(always)]
pub fn false_ptr() -> *mut PyObject {
    &raw mut _Py_FalseStruct as *mut PyObject
}

#[inline(always)]
pub fn new(b: bool) -> PyObj {
    unsafe { PyObj::from_borrowed(if b { true_ptr() } else { false_ptr() }) }
}

#[inline(always)]
pub fn is_true_obj(o: &PyObj) -> bool {
    o.as_ptr() == true_ptr()
}

pub unsafe fn init_type() {
    let t = bool_type();
    (*t).tp_base = crate::objects::long::long_type();
    (*t).tp_flags |= flags::LONG_SUBCLASS;
    (*t).tp_flags &= !flags::BASETYPE;
}
