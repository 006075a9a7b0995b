//! The singletons `None` (`NoneType`) and `NotImplemented`
//! (`NotImplementedType`), statically allocated as in CPython.

use crate::object::*;
use crate::objref::PyObj;

#[no_mangle]
pub static mut _PyNone_Type: PyTypeObject =
    PyTypeObject::empty(b"NoneType\0", std::mem::size_of::<PyObject>(), 0);

#[no_mangle]
pub static mut _PyNotImplemented_Type: PyTypeObject =
    PyTypeObject::empty(b"NotImplementedType\0", std::mem::size_of::<PyObject>(), 0);

#[no_mangle]
pub static mut _Py_NoneStruct: PyObject = static_head(&raw mut _PyNone_Type);

#[no_mangle]
pub static mut _Py_NotImplementedStruct: PyObject = static_head(&raw mut _PyNotImplemented_Type);

#[inline(always)]
pub fn none_ptr() -> *mut PyObject {
    &raw mut _Py_NoneStruct
}

#[inline(always)]
pub fn none() -> PyObj {
    unsafe { PyObj::from_borrowed(none_ptr()) }
}

#[inline(always)]
pub fn is_none(o: &PyObj) -> bool {
    o.as_ptr() == none_ptr()
}

#[inline(always)]
pub fn not_implemented_ptr() -> *mut PyObject {
    &raw mut _Py_NotImplementedStruct
}

#[inline(always)]
pub fn not_implemented() -> PyObj {
    unsafe { PyObj::from_borrowed(not_implemented_ptr()) }
}

#[inline(always)]
pub fn is_not_implemented(o: &PyObj) -> bool {
    o.as_ptr() == not_implemented_ptr()
}

unsafe extern "C" fn none_repr(_o: *mut PyObject) -> *mut PyObject {
    crate::objects::unicode::new("None").into_ptr()
}

unsafe extern "C" fn notimpl_repr(_o: *mut PyObject) -> *mut PyObject {
    crate::objects::unicode::new("NotImplemented").into_ptr()
}

unsafe extern "C" fn none_bool(_o: *mut PyObject) -> std::os::raw::c_int {
    0
}

unsafe extern "C" fn notimpl_bool(_o: *mut PyObject) -> std::os::raw::c_int {
    // 3.9+ deprecates bool(NotImplemented) but still returns True.
    match crate::warnings::deprecation("NotImplemented should not be used in a boolean context") {
        Ok(()) => 1,
        Err(e) => {
            crate::err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn none_hash(_o: *mut PyObject) -> Py_hash_t {
    // 3.12 makes it constant; 3.11 hashes by address like object.
    ((&raw mut _Py_NoneStruct) as usize >> 4) as isize
}

/// `type(None)()` and `type(NotImplemented)()` return the singletons.
unsafe extern "C" fn none_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&args);
    if crate::objects::tuple::len(a) > 0 || crate::objects::methodobject::kwargs_dict(kw).is_some() {
        crate::err::restore(crate::err::type_error(format!(
            "{}() takes no arguments",
            crate::typeobj::type_name(tp)
        )));
        return std::ptr::null_mut();
    }
    if tp == &raw mut _PyNone_Type { none().into_ptr() } else { not_implemented().into_ptr() }
}

static mut NONE_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;
static mut NOTIMPL_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;

pub unsafe fn init_type() {
    let t = &raw mut _PyNone_Type;
    (*t).tp_repr = Some(none_repr);
    (*t).tp_hash = Some(none_hash);
    (*t).tp_new = Some(none_new);
    (*(&raw mut NONE_AS_NUMBER)).nb_bool = Some(none_bool);
    (*t).tp_as_number = &raw mut NONE_AS_NUMBER;
    let t = &raw mut _PyNotImplemented_Type;
    (*t).tp_repr = Some(notimpl_repr);
    (*t).tp_new = Some(none_new);
    (*(&raw mut NOTIMPL_AS_NUMBER)).nb_bool = Some(notimpl_bool);
    (*t).tp_as_number = &raw mut NOTIMPL_AS_NUMBER;
}
