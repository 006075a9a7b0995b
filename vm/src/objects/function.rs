//! `function`: `PyFunctionObject` with CPython 3.11's layout. Calling one
//! binds the arguments into a new frame and runs it (`interp::call_function`).

use crate::err;
use crate::object::*;
use crate::objects::{dict, none, tuple, unicode};
use crate::objref::{xdecref, PyObj};
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct PyFunctionObject {
    pub ob_base: PyObject,
    pub func_globals: *mut PyObject,
    pub func_builtins: *mut PyObject,
    pub func_name: *mut PyObject,
    pub func_qualname: *mut PyObject,
    pub func_code: *mut PyObject,
    pub func_defaults: *mut PyObject,
    pub func_kwdefaults: *mut PyObject,
    pub func_closure: *mut PyObject,
    pub func_doc: *mut PyObject,
    pub func_dict: *mut PyObject,
    pub func_weakreflist: *mut PyObject,
    pub func_module: *mut PyObject,
    pub func_annotations: *mut PyObject,
    pub vectorcall: Option<vectorcallfunc>,
    pub func_version: u32,
}

#[no_mangle]
pub static mut PyFunction_Type: PyTypeObject =
    PyTypeObject::empty(b"function\0", std::mem::size_of::<PyFunctionObject>(), 0);

pub fn function_type() -> *mut PyTypeObject {
    &raw mut PyFunction_Type
}

#[inline(always)]
pub fn is_function(o: &PyObj) -> bool {
    o.ob_type() == function_type()
}

#[inline(always)]
pub unsafe fn raw(o: &PyObj) -> *mut PyFunctionObject {
    o.as_ptr() as *mut PyFunctionObject
}

/// Makes a function from a code object and globals (`PyFunction_New`).
pub fn new(code: PyObj, globals: PyObj, qualname: Option<PyObj>) -> PyObj {
    unsafe {
        let f = crate::alloc::alloc_object(function_type(), 0) as *mut PyFunctionObject;
        let cd = crate::objects::code::data(&code);
        let name = cd.name.clone();
        (*f).func_name = name.clone().into_ptr();
        (*f).func_qualname = qualname.unwrap_or_else(|| cd.qualname.clone()).into_ptr();
        (*f).func_doc = match cd.consts.first() {
            Some(c) if unicode::is_str(c) && cd.has_docstring => c.clone().into_ptr(),
            _ => none::none().into_ptr(),
        };
        let module = dict::get_item_rs(&globals, "__name__");
        (*f).func_module = module.map(|m| m.into_ptr()).unwrap_or(std::ptr::null_mut());
        (*f).func_builtins = crate::interp::builtins_for_globals(&globals).into_ptr();
        (*f).func_globals = globals.into_ptr();
        (*f).func_code = code.into_ptr();
        (*f).vectorcall = Some(function_vectorcall);
        PyObj::from_owned(f as *mut PyObject)
    }
}

unsafe extern "C" fn function_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let f = PyObj::borrow(&callable);
    let nk = if kwnames.is_null() { 0 } else { tuple::len(PyObj::borrow(&kwnames)) };
    let np = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let a = PyObj::slice(args, np + nk);
    let kw = if kwnames.is_null() { None } else { Some(PyObj::borrow(&kwnames)) };
    err::into_ptr(crate::interp::call_function(f, a, kw))
}

pub fn code(f: &PyObj) -> &PyObj {
    unsafe { PyObj::borrow(&(*raw(f)).func_code) }
}

pub fn globals(f: &PyObj) -> &PyObj {
    unsafe { PyObj::borrow(&(*raw(f)).func_globals) }
}

pub fn builtins(f: &PyObj) -> &PyObj {
    unsafe { PyObj::borrow(&(*raw(f)).func_builtins) }
}

pub fn opt_field(p: *mut PyObject) -> Option<PyObj> {
    if p.is_null() || p == none::none_ptr() {
        None
    } else {
        Some(unsafe { PyObj::from_borrowed(p) })
    }
}

pub fn defaults(f: &PyObj) -> Option<PyObj> {
    unsafe { opt_field((*raw(f)).func_defaults) }
}

pub fn kwdefaults(f: &PyObj) -> Option<PyObj> {
    unsafe { opt_field((*raw(f)).func_kwdefaults) }
}

pub fn closure(f: &PyObj) -> Option<PyObj> {
    unsafe { opt_field((*raw(f)).func_closure) }
}

pub unsafe fn set_field(slot: *mut *mut PyObject, v: Option<PyObj>) {
    let old = std::mem::replace(&mut *slot, v.map(|v| v.into_ptr()).unwrap_or(std::ptr::null_mut()));
    xdecref(old);
}

unsafe extern "C" fn function_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    crate::objects::weakref::clear_weakrefs(o);
    let f = o as *mut PyFunctionObject;
    for p in [
        (*f).func_globals, (*f).func_builtins, (*f).func_name, (*f).func_qualname, (*f).func_code,
        (*f).func_defaults, (*f).func_kwdefaults, (*f).func_closure, (*f).func_doc, (*f).func_dict,
        (*f).func_module, (*f).func_annotations,
    ] {
        xdecref(p);
    }
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn function_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let f = o as *mut PyFunctionObject;
    for p in [
        (*f).func_globals, (*f).func_builtins, (*f).func_name, (*f).func_qualname, (*f).func_code,
        (*f).func_defaults, (*f).func_kwdefaults, (*f).func_closure, (*f).func_doc, (*f).func_dict,
        (*f).func_module, (*f).func_annotations,
    ] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn function_clear(o: *mut PyObject) -> c_int {
    let f = o as *mut PyFunctionObject;
    for slot in [
        &raw mut (*f).func_defaults, &raw mut (*f).func_kwdefaults, &raw mut (*f).func_closure,
        &raw mut (*f).func_dict, &raw mut (*f).func_annotations, &raw mut (*f).func_doc,
    ] {
        set_field(slot, None);
    }
    0
}

unsafe extern "C" fn function_descr_get(f: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() {
        return PyObj::from_borrowed(f).into_ptr();
    }
    crate::objects::classobject::method_new(PyObj::borrow(&f).clone(), PyObj::borrow(&obj).clone()).into_ptr()
}

unsafe extern "C" fn function_repr(o: *mut PyObject) -> *mut PyObject {
    let f = o as *mut PyFunctionObject;
    let q = unicode::to_string_lossy(PyObj::borrow(&(*f).func_qualname));
    unicode::new(&format!("<function {} at {:#x}>", q, o as usize)).into_ptr()
}

macro_rules! getset_obj {
    ($get:ident, $set:ident, $field:ident, $none_ok:expr, $what:literal, $check:expr) => {
        unsafe extern "C" fn $get(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
            let p = (*(o as *mut PyFunctionObject)).$field;
            if p.is_null() {
                none::none().into_ptr()
            } else {
                PyObj::from_borrowed(p).into_ptr()
            }
        }
        unsafe extern "C" fn $set(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
            let slot = &raw mut (*(o as *mut PyFunctionObject)).$field;
            if v.is_null() || v == none::none_ptr() {
                if !$none_ok {
                    err::restore(err::type_error(concat!($what, " must be set to a ", "valid object")));
                    return -1;
                }
                set_field(slot, None);
                return 0;
            }
            let check: fn(&PyObj) -> bool = $check;
            if !check(PyObj::borrow(&v)) {
                err::restore(err::type_error($what));
                return -1;
            }
            set_field(slot, Some(PyObj::from_borrowed(v)));
            0
        }
    };
}

getset_obj!(get_defaults, set_defaults, func_defaults, true, "__defaults__ must be set to a tuple object", |v| tuple::is_tuple(v));
getset_obj!(get_kwdefaults, set_kwdefaults, func_kwdefaults, true, "__kwdefaults__ must be set to a dict object", |v| dict::is_dict(v));
getset_obj!(get_doc, set_doc, func_doc, true, "__doc__", |_| true);
getset_obj!(get_module, set_module, func_module, true, "__module__", |_| true);

unsafe extern "C" fn get_name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed((*(o as *mut PyFunctionObject)).func_name).into_ptr()
}
unsafe extern "C" fn set_name(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() || !unicode::is_str(PyObj::borrow(&v)) {
        err::restore(err::type_error("__name__ must be set to a string object"));
        return -1;
    }
    set_field(&raw mut (*(o as *mut PyFunctionObject)).func_name, Some(PyObj::from_borrowed(v)));
    0
}
unsafe extern "C" fn get_qualname(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed((*(o as *mut PyFunctionObject)).func_qualname).into_ptr()
}
unsafe extern "C" fn set_qualname(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() || !unicode::is_str(PyObj::borrow(&v)) {
        err::restore(err::type_error("__qualname__ must be set to a string object"));
        return -1;
    }
    set_field(&raw mut (*(o as *mut PyFunctionObject)).func_qualname, Some(PyObj::from_borrowed(v)));
    0
}
unsafe extern "C" fn get_code(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed((*(o as *mut PyFunctionObject)).func_code).into_ptr()
}
unsafe extern "C" fn set_code(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() || !crate::objects::code::is_code(PyObj::borrow(&v)) {
        err::restore(err::type_error("__code__ must be set to a code object"));
        return -1;
    }
    set_field(&raw mut (*(o as *mut PyFunctionObject)).func_code, Some(PyObj::from_borrowed(v)));
    0
}
unsafe extern "C" fn get_globals(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed((*(o as *mut PyFunctionObject)).func_globals).into_ptr()
}
unsafe extern "C" fn get_builtins(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed((*(o as *mut PyFunctionObject)).func_builtins).into_ptr()
}
unsafe extern "C" fn get_closure(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let p = (*(o as *mut PyFunctionObject)).func_closure;
    if p.is_null() { none::none().into_ptr() } else { PyObj::from_borrowed(p).into_ptr() }
}
unsafe extern "C" fn get_annotations(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let f = o as *mut PyFunctionObject;
    if (*f).func_annotations.is_null() {
        (*f).func_annotations = dict::new().into_ptr();
    }
    let a = PyObj::borrow(&(*f).func_annotations);
    if tuple::is_tuple(a) {
        // MAKE_FUNCTION's flat (name, value, ...) tuple becomes a dict lazily.
        let d = dict::new();
        let items = tuple::items(a).to_vec();
        for pair in items.chunks(2) {
            if pair.len() == 2 {
                let _ = dict::set_item(&d, pair[0].clone(), pair[1].clone());
            }
        }
        set_field(&raw mut (*f).func_annotations, Some(d));
    }
    PyObj::from_borrowed((*f).func_annotations).into_ptr()
}
unsafe extern "C" fn set_annotations(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if !v.is_null() && v != none::none_ptr() && !dict::is_dict(PyObj::borrow(&v)) {
        err::restore(err::type_error("__annotations__ must be set to a dict object"));
        return -1;
    }
    let val = if v.is_null() || v == none::none_ptr() { None } else { Some(PyObj::from_borrowed(v)) };
    set_field(&raw mut (*(o as *mut PyFunctionObject)).func_annotations, val);
    0
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`.
unsafe extern "C" fn function_tp_new(_tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let r = (|| -> err::PyResult {
        let mut v: Vec<PyObj> = tuple::items(PyObj::borrow(&args)).to_vec();
        let mut names = Vec::new();
        if !kw.is_null() {
            for (k, x) in dict::items_vec(PyObj::borrow(&kw)) {
                names.push(k);
                v.push(x);
            }
        }
        let kwn = if names.is_empty() { None } else { Some(tuple::new(names)) };
        let a = crate::objects::methodobject::bind_args(
            "function", &v, kwn.as_ref(), &["code", "globals", "name", "argdefs", "closure"], 2, 0)?;
        let code = a[0].clone().unwrap();
        let globals = a[1].clone().unwrap();
        if !crate::objects::code::is_code(&code) {
            return Err(err::type_error(format!(
                "function() argument 'code' must be code, not {}", crate::typeobj::type_name(code.ob_type()))));
        }
        if !dict::is_dict(&globals) {
            return Err(err::type_error(format!(
                "function() argument 'globals' must be dict, not {}", crate::typeobj::type_name(globals.ob_type()))));
        }
        let opt = |x: &Option<PyObj>| x.clone().filter(|o| !none::is_none(o));
        let name = opt(&a[2]);
        if name.as_ref().is_some_and(|n| !unicode::is_str(n)) {
            return Err(err::type_error("arg 3 (name) must be None or string"));
        }
        let defs = opt(&a[3]);
        if defs.as_ref().is_some_and(|d| !tuple::is_tuple(d)) {
            return Err(err::type_error("arg 4 (defaults) must be None or tuple"));
        }
        let closure = opt(&a[4]);
        let cd = crate::objects::code::data(&code);
        let nfree = cd.freevars.len();
        if closure.as_ref().is_some_and(|c| !tuple::is_tuple(c)) {
            return Err(err::type_error("arg 5 (closure) must be None or tuple"));
        }
        if nfree > 0 && closure.is_none() {
            return Err(err::type_error("arg 5 (closure) must be tuple"));
        }
        let n = closure.as_ref().map(tuple::len).unwrap_or(0);
        if n != nfree {
            return Err(err::value_error(format!(
                "{} requires closure of length {}, not {}", unicode::to_string_lossy(&cd.name), nfree, n)));
        }
        for x in closure.as_ref().map(|c| tuple::items(c).to_vec()).unwrap_or_default() {
            if !crate::objects::cell::is_cell(&x) {
                return Err(err::type_error(format!(
                    "arg 5 (closure) expected cell, found {}", crate::typeobj::type_name(x.ob_type()))));
            }
        }
        let f = new(code, globals, None);
        let fo = raw(&f);
        if let Some(n) = name {
            let old = std::mem::replace(&mut (*fo).func_name, n.into_ptr());
            crate::objref::xdecref(old);
        }
        set_field(&raw mut (*fo).func_defaults, defs);
        set_field(&raw mut (*fo).func_closure, closure);
        Ok(f)
    })();
    err::into_ptr(r)
}

pub unsafe fn init_type() {
    let t = function_type();
    (*t).tp_dealloc = Some(function_dealloc);
    (*t).tp_new = Some(function_tp_new);
    (*t).tp_call = Some(crate::abstract_::vectorcall_call);
    (*t).tp_traverse = Some(function_traverse);
    (*t).tp_clear = Some(function_clear);
    (*t).tp_descr_get = Some(function_descr_get);
    (*t).tp_repr = Some(function_repr);
    (*t).tp_vectorcall_offset = std::mem::offset_of!(PyFunctionObject, vectorcall) as isize;
    (*t).tp_dictoffset = std::mem::offset_of!(PyFunctionObject, func_dict) as isize;
    (*t).tp_weaklistoffset = std::mem::offset_of!(PyFunctionObject, func_weakreflist) as isize;
    (*t).tp_flags |= flags::HAVE_VECTORCALL | flags::HAVE_GC | flags::METHOD_DESCRIPTOR;
    crate::objects::descr::set_getsets(t, &[
        ("__name__", get_name as *const c_void, set_name as *const c_void),
        ("__qualname__", get_qualname as *const c_void, set_qualname as *const c_void),
        ("__code__", get_code as *const c_void, set_code as *const c_void),
        ("__defaults__", get_defaults as *const c_void, set_defaults as *const c_void),
        ("__kwdefaults__", get_kwdefaults as *const c_void, set_kwdefaults as *const c_void),
        ("__doc__", get_doc as *const c_void, set_doc as *const c_void),
        ("__module__", get_module as *const c_void, set_module as *const c_void),
        ("__globals__", get_globals as *const c_void, std::ptr::null()),
        ("__builtins__", get_builtins as *const c_void, std::ptr::null()),
        ("__closure__", get_closure as *const c_void, std::ptr::null()),
        ("__annotations__", get_annotations as *const c_void, set_annotations as *const c_void),
    ]);
}

