//! pyerrors.h: the error indicator seen from C (`PyErr_SetString`,
//! `SetObject`, `Occurred`, `Fetch`/`Restore`, `*Matches`, `NoMemory`,
//! `NewException`, `WarnEx`, ...). The VM keeps the indicator normalized
//! (one exception instance), so `Fetch` hands out `(type(v), v,
//! v.__traceback__)` and `Restore` normalizes at once. The `PyExc_*`
//! pointer variables are the VM's (vm/src/objects/exceptions.rs).

use crate::util::*;
use std::os::raw::{c_char, c_int, c_void};
use vm::err::{self, PyErr};
use vm::object::{PyObject, PyTypeObject, Py_ssize_t};
use vm::objects::exceptions::{self as exc, PyBaseExceptionObject};
use vm::objects::{dict, none, tuple, unicode};
use vm::objref::{self, PyObj};
use vm::typeobj;

/// The exception instance for `PyErr_SetObject(tp, value)`: `value` itself
/// if it is an instance of `tp`, else `tp(*value)` for a tuple, `tp()` for
/// NULL/None, `tp(value)` otherwise.
pub unsafe fn make_exception(tp: *mut PyObject, value: *mut PyObject) -> PyErr {
    let t = b(&tp);
    if !typeobj::is_type(t) || !exc::is_exception_type(tp as *mut PyTypeObject) {
        let r = vm::abstract_::repr_string(t).unwrap_or_default();
        return err::system_error(format!("_PyErr_SetObject: exception {} is not a BaseException subclass", r));
    }
    let tpp = tp as *mut PyTypeObject;
    if !value.is_null() {
        let v = b(&value);
        if exc::is_exception_instance(v) && typeobj::is_subtype(v.ob_type(), tpp) {
            return PyErr(v.clone());
        }
        if tuple::is_tuple(v) {
            return err::with_args(tpp, tuple::items(v));
        }
        if !none::is_none(v) {
            return err::with_args(tpp, std::slice::from_ref(v));
        }
    }
    err::with_args(tpp, &[])
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetObject(tp: *mut PyObject, value: *mut PyObject) {
    if tp.is_null() {
        err::restore(bad_internal_call());
        return;
    }
    err::restore(make_exception(tp, value));
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetString(tp: *mut PyObject, msg: *const c_char) {
    let m = crate::unicodeobject::decode_utf8(cbytes(msg), Some("replace")).unwrap_or_else(|_| unicode::empty());
    PyErr_SetObject(tp, m.as_ptr());
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetNone(tp: *mut PyObject) {
    PyErr_SetObject(tp, std::ptr::null_mut());
}
/// The type of the pending exception (borrowed), or NULL.
#[no_mangle]
pub extern "C" fn PyErr_Occurred() -> *mut PyObject {
    err::occurred_type() as *mut PyObject
}
#[no_mangle]
pub extern "C" fn PyErr_Clear() {
    drop(err::take());
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_Fetch(pt: *mut *mut PyObject, pv: *mut *mut PyObject, ptb: *mut *mut PyObject) {
    match err::take() {
        Some(e) => {
            let v = e.0;
            let raw = v.as_ptr() as *mut PyBaseExceptionObject;
            let tb = (*raw).traceback;
            objref::xincref(tb);
            *ptb = tb;
            *pt = v.type_obj().into_ptr();
            *pv = v.into_ptr();
        }
        None => {
            *pt = std::ptr::null_mut();
            *pv = std::ptr::null_mut();
            *ptb = std::ptr::null_mut();
        }
    }
}
/// Steals the three references; a NULL type clears the indicator.
#[no_mangle]
pub unsafe extern "C" fn PyErr_Restore(t: *mut PyObject, v: *mut PyObject, tb: *mut PyObject) {
    let (t, v, tb) = (own(t), own(v), own(tb));
    let Some(t) = t else {
        drop(err::take());
        return;
    };
    let e = make_exception(t.as_ptr(), v.as_ref().map(|x| x.as_ptr()).unwrap_or(std::ptr::null_mut()));
    if let Some(tb) = tb {
        if !none::is_none(&tb) {
            let raw = e.0.as_ptr() as *mut PyBaseExceptionObject;
            let old = std::mem::replace(&mut (*raw).traceback, tb.into_ptr());
            objref::xdecref(old);
        }
    }
    err::restore(e);
}
unsafe fn own(p: *mut PyObject) -> Option<PyObj> {
    if p.is_null() { None } else { Some(PyObj::from_owned(p)) }
}
/// Values from `PyErr_Fetch` are already normalized; others are made so.
#[no_mangle]
pub unsafe extern "C" fn PyErr_NormalizeException(pt: *mut *mut PyObject, pv: *mut *mut PyObject, ptb: *mut *mut PyObject) {
    if (*pt).is_null() {
        return;
    }
    let v = *pv;
    if !v.is_null() && exc::is_exception_instance(b(&v)) && typeobj::is_subtype((*v).ob_type, *pt as *mut PyTypeObject) {
        return;
    }
    let e = make_exception(*pt, v);
    objref::xdecref(v);
    let old_t = std::mem::replace(&mut *pt, e.0.type_obj().into_ptr());
    objref::xdecref(old_t);
    *pv = e.0.into_ptr();
    let _ = ptb;
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_GetExcInfo(pt: *mut *mut PyObject, pv: *mut *mut PyObject, ptb: *mut *mut PyObject) {
    let cur = vm::interp::handled_exception();
    match cur {
        Some(v) => {
            let raw = v.as_ptr() as *mut PyBaseExceptionObject;
            objref::xincref((*raw).traceback);
            *ptb = (*raw).traceback;
            *pt = v.type_obj().into_ptr();
            *pv = v.into_ptr();
        }
        None => {
            *pt = std::ptr::null_mut();
            *pv = std::ptr::null_mut();
            *ptb = std::ptr::null_mut();
        }
    }
}

/// `PyErr_GivenExceptionMatches`: `exc` (a type or instance) against a
/// class or a tuple of classes.
#[no_mangle]
pub unsafe extern "C" fn PyErr_GivenExceptionMatches(given: *mut PyObject, e: *mut PyObject) -> c_int {
    if given.is_null() || e.is_null() {
        return 0;
    }
    if tuple::is_tuple(b(&e)) {
        for it in tuple::items(b(&e)) {
            if PyErr_GivenExceptionMatches(given, it.as_ptr()) != 0 {
                return 1;
            }
        }
        return 0;
    }
    let mut g = given;
    if exc::is_exception_instance(b(&g)) {
        g = (*g).ob_type as *mut PyObject;
    }
    if typeobj::is_type(b(&g)) && typeobj::is_type(b(&e)) && exc::is_exception_type(g as *mut PyTypeObject) && exc::is_exception_type(e as *mut PyTypeObject) {
        return typeobj::is_subtype(g as *mut PyTypeObject, e as *mut PyTypeObject) as c_int;
    }
    (g == e) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_ExceptionMatches(e: *mut PyObject) -> c_int {
    PyErr_GivenExceptionMatches(PyErr_Occurred(), e)
}
#[no_mangle]
pub extern "C" fn PyErr_NoMemory() -> *mut PyObject {
    err::restore(err::with_args(unsafe { exc::PyExc_MemoryError }, &[]));
    std::ptr::null_mut()
}
#[no_mangle]
pub extern "C" fn PyErr_BadArgument() -> c_int {
    err::restore(err::type_error("bad argument type for built-in operation"));
    0
}
#[no_mangle]
pub extern "C" fn PyErr_BadInternalCall() {
    err::restore(bad_internal_call());
}
#[no_mangle]
pub unsafe extern "C" fn _PyErr_BadInternalCall(file: *const c_char, line: c_int) {
    err::restore(err::system_error(format!("{}:{}: bad argument to internal function", cstr(file), line)));
}
/// `OSError` (or `tp`) from `errno`, as `PyErr_SetFromErrno`.
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrno(tp: *mut PyObject) -> *mut PyObject {
    PyErr_SetFromErrnoWithFilenameObject(tp, std::ptr::null_mut())
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrnoWithFilenameObject(tp: *mut PyObject, f: *mut PyObject) -> *mut PyObject {
    let code = *libc_errno();
    let msg = vm::objects::exceptions_attrs::strerror_text(code);
    let mut args = vec![vm::objects::long::from_i64(code as i64), unicode::new(&msg)];
    if !f.is_null() {
        args.push(b(&f).clone());
    }
    let t = tuple::new(args);
    PyErr_SetObject(tp, t.as_ptr());
    std::ptr::null_mut()
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrnoWithFilename(tp: *mut PyObject, f: *const c_char) -> *mut PyObject {
    let name = if f.is_null() { None } else { Some(unicode::new(&cstr(f))) };
    PyErr_SetFromErrnoWithFilenameObject(tp, name.as_ref().map(|n| n.as_ptr()).unwrap_or(std::ptr::null_mut()))
}
extern "C" {
    fn __errno_location() -> *mut c_int;
}
unsafe fn libc_errno() -> *mut c_int {
    __errno_location()
}

/// `PyErr_NewException("module.Name", base, dict)`: a new exception class.
#[no_mangle]
pub unsafe extern "C" fn PyErr_NewException(name: *const c_char, base: *mut PyObject, d: *mut PyObject) -> *mut PyObject {
    PyErr_NewExceptionWithDoc(name, std::ptr::null(), base, d)
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_NewExceptionWithDoc(
    name: *const c_char,
    doc: *const c_char,
    base: *mut PyObject,
    d: *mut PyObject,
) -> *mut PyObject {
    let full = cstr(name);
    let Some((module, cls)) = full.rsplit_once('.') else {
        return ret(Err(err::system_error("PyErr_NewException: name must be module.class")));
    };
    let base = if base.is_null() { exc::PyExc_Exception as *mut PyObject } else { base };
    let ns = if d.is_null() { dict::new() } else { b(&d).clone() };
    let r = (|| {
        if !doc.is_null() {
            dict::set_item_rs(&ns, "__doc__", unicode::new(&cstr(doc)));
        }
        if !dict::contains(&ns, &unicode::new("__module__"))? {
            dict::set_item_rs(&ns, "__module__", unicode::new(module));
        }
        let bases = if tuple::is_tuple(b(&base)) { b(&base).clone() } else { tuple::new(vec![b(&base).clone()]) };
        let meta = typeobj::type_obj(typeobj::type_type());
        vm::abstract_::call(&meta, &[unicode::new(cls), bases, ns.clone()], None)
    })();
    ret(r)
}

/// `PyErr_WarnEx`: 0, or -1 when the warning was turned into an error.
#[no_mangle]
pub unsafe extern "C" fn PyErr_WarnEx(cat: *mut PyObject, msg: *const c_char, stacklevel: Py_ssize_t) -> c_int {
    let cat = if cat.is_null() { exc::PyExc_RuntimeWarning } else { cat as *mut PyTypeObject };
    ret_int(vm::warnings::warn(cat, &cstr(msg), stacklevel as i64))
}
#[no_mangle]
pub unsafe extern "C" fn PyErr_WarnExplicit(
    cat: *mut PyObject,
    msg: *const c_char,
    filename: *const c_char,
    lineno: c_int,
    _module: *const c_char,
    _registry: *mut PyObject,
) -> c_int {
    let cat = if cat.is_null() { exc::PyExc_RuntimeWarning } else { cat as *mut PyTypeObject };
    ret_int(vm::warnings::warn_explicit(cat, &cstr(msg), &cstr(filename), lineno as i64))
}

/// Rust half of `PyErr_Format`: sets the error, returns NULL.
#[no_mangle]
pub unsafe extern "C" fn pyrite_err_format(tp: *mut PyObject, fmt: *const c_char, ap: *mut c_void) -> *mut PyObject {
    match crate::format::format(fmt, &mut Va(ap)) {
        Ok(m) => PyErr_SetObject(tp, m.as_ptr()),
        Err(e) => err::restore(e),
    }
    std::ptr::null_mut()
}
#[no_mangle]
pub unsafe extern "C" fn pyrite_warn_format(cat: *mut PyObject, level: Py_ssize_t, fmt: *const c_char, ap: *mut c_void) -> c_int {
    let cat = if cat.is_null() { exc::PyExc_RuntimeWarning } else { cat as *mut PyTypeObject };
    match crate::format::format(fmt, &mut Va(ap)) {
        Ok(m) => ret_int(vm::warnings::warn(cat, &unicode::to_string_lossy(&m), level as i64)),
        Err(e) => ret_int(Err(e)),
    }
}

/// Prints the pending exception to sys.stderr (as an uncaught one).
#[no_mangle]
pub extern "C" fn PyErr_Print() {
    if let Some(e) = err::take() {
        vm::interp::traceback_print::print_exception_to_stderr(e.value());
    }
}
#[no_mangle]
pub extern "C" fn PyErr_PrintEx(_set_sys_last_vars: c_int) {
    PyErr_Print()
}

macro_rules! exc_field {
    ($get:ident, $set:ident, $f:ident) => {
        /// New reference to the field, or NULL.
        #[no_mangle]
        pub unsafe extern "C" fn $get(e: *mut PyObject) -> *mut PyObject {
            let p = (*(e as *mut PyBaseExceptionObject)).$f;
            objref::xincref(p);
            p
        }
        /// Steals `v` (may be NULL).
        #[no_mangle]
        pub unsafe extern "C" fn $set(e: *mut PyObject, v: *mut PyObject) {
            let old = std::mem::replace(&mut (*(e as *mut PyBaseExceptionObject)).$f, v);
            objref::xdecref(old);
        }
    };
}
exc_field!(PyException_GetContext, PyException_SetContext, context);
exc_field!(PyException_GetCause, PyException_SetCause, cause);

#[no_mangle]
pub unsafe extern "C" fn PyException_GetTraceback(e: *mut PyObject) -> *mut PyObject {
    let p = (*(e as *mut PyBaseExceptionObject)).traceback;
    objref::xincref(p);
    p
}
#[no_mangle]
pub unsafe extern "C" fn PyException_SetTraceback(e: *mut PyObject, tb: *mut PyObject) -> c_int {
    let v = if tb.is_null() { none::none() } else { b(&tb).clone() };
    ret_int(vm::abstract_::setattr_str(b(&e), "__traceback__", v))
}

/// `PyErr_WriteUnraisable(obj)`: reports the pending exception through
/// sys.unraisablehook ("Exception ignored in: obj") and clears it.
#[no_mangle]
pub unsafe extern "C" fn PyErr_WriteUnraisable(obj: *mut PyObject) {
    if let Some(e) = err::take() {
        let o = if obj.is_null() { None } else { Some(b(&obj)) };
        vm::interp::write_unraisable(&e, o);
    }
}

/// `Py_FatalError` (pylifecycle.h): prints the message and aborts.
#[no_mangle]
pub unsafe extern "C" fn Py_FatalError(msg: *const c_char) -> ! {
    fatal(None, msg)
}
/// `_Py_FatalErrorFunc`: what the 3.11 `Py_FatalError` macro calls, with
/// the calling C function's name.
#[no_mangle]
pub unsafe extern "C" fn _Py_FatalErrorFunc(func: *const c_char, msg: *const c_char) -> ! {
    fatal(if func.is_null() { None } else { Some(cstr(func)) }, msg)
}
unsafe fn fatal(func: Option<String>, msg: *const c_char) -> ! {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    match func {
        Some(f) => eprintln!("Fatal Python error: {}: {}", f, cstr(msg)),
        None => eprintln!("Fatal Python error: {}", cstr(msg)),
    }
    std::process::abort()
}
