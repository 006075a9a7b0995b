//! floatobject.h: `PyFloat_FromDouble`, `PyFloat_AsDouble` (through
//! `__float__`, then `__index__`, as CPython) and `PyFloat_FromString`.

use crate::util::*;
use std::os::raw::c_double;
use vm::err;
use vm::object::PyObject;
use vm::objects::{float, long_methods};
use vm::typeobj::type_name;

#[no_mangle]
pub extern "C" fn PyFloat_FromDouble(v: c_double) -> *mut PyObject {
    float::new(v).into_ptr()
}

#[no_mangle]
pub unsafe extern "C" fn PyFloat_AsDouble(o: *mut PyObject) -> c_double {
    if o.is_null() {
        err::restore(bad_internal_call());
        return -1.0;
    }
    let ob = b(&o);
    if float::is_float(ob) {
        return float::value(ob);
    }
    let nm = (*ob.ob_type()).tp_as_number;
    let r = if !nm.is_null() && (*nm).nb_float.is_some() {
        vm::objects::float_methods::number_float_value(ob)
    } else if !nm.is_null() && (*nm).nb_index.is_some() {
        vm::abstract_::index(ob).and_then(|i| long_methods::as_f64(&i))
    } else {
        Err(err::type_error(format!("must be real number, not {}", type_name(ob.ob_type()))))
    };
    match r {
        Ok(v) => v,
        Err(e) => {
            err::restore(e);
            -1.0
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyFloat_FromString(s: *mut PyObject) -> *mut PyObject {
    if let Err(e) = nonnull(s) {
        return ret(Err(e));
    }
    ret(vm::objects::float_methods::number_float(b(&s)))
}

#[no_mangle]
pub extern "C" fn PyFloat_GetMax() -> c_double {
    f64::MAX
}
#[no_mangle]
pub extern "C" fn PyFloat_GetMin() -> c_double {
    f64::MIN_POSITIVE
}
