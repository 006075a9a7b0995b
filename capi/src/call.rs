//! The call API of abstract.h/cpython/abstract.h: `PyObject_Call`,
//! `CallObject`, `CallNoArgs`, `CallOneArg`, `Vectorcall`, and the Rust
//! halves of the variadic `PyObject_CallFunctionObjArgs`,
//! `PyObject_CallMethodObjArgs`, `PyObject_CallFunction`/`CallMethod`.

use crate::util::*;
use std::os::raw::{c_char, c_int};
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::{PyObject, Py_ssize_t, PY_VECTORCALL_ARGUMENTS_OFFSET};
use vm::objects::{dict, tuple, unicode};
use vm::objref::PyObj;

#[no_mangle]
pub unsafe extern "C" fn PyObject_Call(c: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    if c.is_null() || args.is_null() {
        return ret(Err(bad_internal_call()));
    }
    if !tuple::is_tuple(b(&args)) {
        return ret(Err(err::type_error("argument list must be a tuple")));
    }
    if !kw.is_null() && !dict::is_dict(b(&kw)) {
        return ret(Err(err::type_error("keyword list must be a dictionary")));
    }
    let kw = if kw.is_null() { None } else { Some(b(&kw)) };
    ret(ab::call_tuple_dict(b(&c), b(&args), kw))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallObject(c: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    if args.is_null() {
        return PyObject_CallNoArgs(c);
    }
    PyObject_Call(c, args, std::ptr::null_mut())
}
#[no_mangle]
pub unsafe extern "C" fn PyEval_CallObjectWithKeywords(c: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let t;
    let args = if args.is_null() {
        t = tuple::empty();
        t.as_ptr()
    } else {
        args
    };
    PyObject_Call(c, args, kw)
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallNoArgs(c: *mut PyObject) -> *mut PyObject {
    if c.is_null() {
        return ret(Err(bad_internal_call()));
    }
    ret(ab::call_from_c(b(&c), &[], None))
}
#[no_mangle]
pub unsafe extern "C" fn _PyObject_CallNoArgs(c: *mut PyObject) -> *mut PyObject {
    PyObject_CallNoArgs(c)
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallOneArg(c: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    if c.is_null() || a.is_null() {
        return ret(Err(bad_internal_call()));
    }
    ret(ab::call_from_c(b(&c), std::slice::from_ref(b(&a)), None))
}
/// `PyObject_Vectorcall`: `nargsf` may carry PY_VECTORCALL_ARGUMENTS_OFFSET.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Vectorcall(
    c: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    if c.is_null() {
        return ret(Err(bad_internal_call()));
    }
    let np = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let nk = if kwnames.is_null() { 0 } else { tuple::len(b(&kwnames)) };
    let all = if np + nk == 0 { &[][..] } else { PyObj::slice(args, np + nk) };
    let kw = if kwnames.is_null() || nk == 0 { None } else { Some(b(&kwnames)) };
    ret(ab::call_from_c(b(&c), all, kw))
}
#[no_mangle]
pub unsafe extern "C" fn _PyObject_Vectorcall(
    c: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    PyObject_Vectorcall(c, args, nargsf, kwnames)
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_VectorcallDict(
    c: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    let np = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let pos = if np == 0 { tuple::empty() } else { tuple::from_slice(PyObj::slice(args, np)) };
    PyObject_Call(c, pos.as_ptr(), kwargs)
}
/// `PyObject_VectorcallMethod`: `args[0]` is self, `name` the method.
#[no_mangle]
pub unsafe extern "C" fn PyObject_VectorcallMethod(
    name: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let np = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    if np == 0 {
        return ret(Err(bad_internal_call()));
    }
    let f = match ab::getattr(b(&*args), b(&name)) {
        Ok(f) => f,
        Err(e) => return ret(Err(e)),
    };
    PyObject_Vectorcall(f.as_ptr(), args.add(1), np - 1, kwnames)
}
#[no_mangle]
pub unsafe extern "C" fn PyVectorcall_NARGS(n: usize) -> Py_ssize_t {
    (n & !PY_VECTORCALL_ARGUMENTS_OFFSET) as Py_ssize_t
}

/// Collects a NULL-terminated list of object arguments.
unsafe fn objargs(ap: &mut Va) -> Vec<PyObj> {
    let mut v = Vec::new();
    loop {
        let p: *mut PyObject = ap.ptr();
        if p.is_null() {
            return v;
        }
        v.push(PyObj::from_borrowed(p));
    }
}

/// Rust half of `PyObject_CallFunctionObjArgs` (name NULL) and
/// `PyObject_CallMethodObjArgs` (the method `name` of `c`).
#[no_mangle]
pub unsafe extern "C" fn pyrite_call_objargs(c: *mut PyObject, name: *mut PyObject, ap: *mut std::os::raw::c_void) -> *mut PyObject {
    let mut ap = Va(ap);
    let args = objargs(&mut ap);
    if c.is_null() {
        return ret(Err(bad_internal_call()));
    }
    let r: PyResult = if name.is_null() {
        ab::call_from_c(b(&c), &args, None)
    } else {
        ab::getattr(b(&c), b(&name)).and_then(|f| ab::call_from_c(&f, &args, None))
    };
    ret(r)
}

/// Rust half of `PyObject_CallFunction`/`PyObject_CallMethod`: the
/// arguments are built by `Py_BuildValue(format, ...)`; a tuple result is
/// the argument list, anything else the single argument.
#[no_mangle]
pub unsafe extern "C" fn pyrite_call_format(
    c: *mut PyObject,
    name: *const c_char,
    format: *const c_char,
    ap: *mut std::os::raw::c_void,
    size_t: c_int,
) -> *mut PyObject {
    if c.is_null() {
        return ret(Err(bad_internal_call()));
    }
    let callable = if name.is_null() {
        b(&c).clone()
    } else {
        match ab::getattr(b(&c), &unicode::intern(&cstr(name))) {
            Ok(f) => f,
            Err(e) => return ret(Err(e)),
        }
    };
    if format.is_null() || *format == 0 {
        return ret(ab::call_from_c(&callable, &[], None));
    }
    let args = match err::from_ptr(crate::modsupport::build_value(format, &mut Va(ap), size_t != 0)) {
        Ok(a) => a,
        Err(e) => return ret(Err(e)),
    };
    if tuple::is_tuple(&args) {
        ret(ab::call_tuple_dict(&callable, &args, None))
    } else {
        ret(ab::call_from_c(&callable, &[args], None))
    }
}
