//! boolobject.h: `PyBool_FromLong` (the singletons `_Py_TrueStruct` and
//! `_Py_FalseStruct` themselves are the VM's statics).

use std::os::raw::c_long;
use vm::object::PyObject;
use vm::objects::boolobject;

#[no_mangle]
pub extern "C" fn PyBool_FromLong(v: c_long) -> *mut PyObject {
    boolobject::new(v != 0).into_ptr()
}
