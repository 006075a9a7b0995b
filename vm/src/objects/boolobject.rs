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

unsafe extern "C" fn bool_repr(o: *mut PyObject) -> *mut PyObject {
    crate::objects::unicode::new(if o == true_ptr() { "True" } else { "False" }).into_ptr()
}

unsafe extern "C" fn bool_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let r = (|| -> crate::err::PyResult {
        if !kwargs.is_null() && crate::objects::dict::len(PyObj::borrow(&kwargs)) > 0 {
            return Err(crate::err::type_error("bool() takes no keyword arguments"));
        }
        let items = crate::objects::tuple::items(PyObj::borrow(&args));
        crate::objects::methodobject::check_nargs("bool", items, 0, 1)?;
        match items.first() {
            None => Ok(new(false)),
            Some(x) => Ok(new(crate::abstract_::is_true(x)?)),
        }
    })();
    crate::err::into_ptr(r)
}

macro_rules! bool_bitop {
    ($name:ident, $long:path, $op:tt) => {
        unsafe extern "C" fn $name(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
            let bt = bool_type();
            if (*a).ob_type == bt && (*b).ob_type == bt {
                return new((a == true_ptr()) $op (b == true_ptr())).into_ptr();
            }
            $long(a, b)
        }
    };
}

bool_bitop!(bool_and, crate::objects::long_methods::long_and_slot, &);
bool_bitop!(bool_or, crate::objects::long_methods::long_or_slot, |);
bool_bitop!(bool_xor, crate::objects::long_methods::long_xor_slot, ^);

static mut BOOL_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;

pub unsafe fn init_type() {
    let t = bool_type();
    (*t).tp_repr = Some(bool_repr);
    (*t).tp_new = Some(bool_new);
    let nm = &raw mut BOOL_AS_NUMBER;
    (*nm).nb_and = Some(bool_and);
    (*nm).nb_or = Some(bool_or);
    (*nm).nb_xor = Some(bool_xor);
    (*t).tp_as_number = nm;
    (*t).tp_base = crate::objects::long::long_type();
    (*t).tp_flags |= flags::LONG_SUBCLASS;
    (*t).tp_flags &= !flags::BASETYPE;
}
