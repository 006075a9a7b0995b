//! `module`: `PyModuleObject` (CPython 3.11 layout: dict, def, state,
//! weaklist, name), `PyModuleDef` (the definition of an extension module,
//! whose `m_traverse`/`m_clear`/`m_free` hooks the module object calls),
//! and module attribute access.

use crate::err;
use crate::object::*;
use crate::objects::{dict, none, unicode};
use crate::objref::{xdecref, PyObj};
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct PyModuleObject {
    pub ob_base: PyObject,
    pub md_dict: *mut PyObject,
    pub md_def: *mut c_void,
    pub md_state: *mut c_void,
    pub md_weaklist: *mut PyObject,
    pub md_name: *mut PyObject,
}

// The definition structs are data shared with C (vm/src/object.rs).
pub use crate::object::{PyModuleDef, PyModuleDef_Base, PyModuleDef_Slot};

/// The definition of an extension module whose state hooks may run: as in
/// CPython, not before its state exists (when it has any).
unsafe fn def_with_state(m: *mut PyModuleObject) -> Option<&'static PyModuleDef> {
    let d = (*m).md_def as *const PyModuleDef;
    if d.is_null() || ((*d).m_size > 0 && (*m).md_state.is_null()) {
        return None;
    }
    Some(&*d)
}

#[no_mangle]
pub static mut PyModule_Type: PyTypeObject =
    PyTypeObject::empty(b"module\0", std::mem::size_of::<PyModuleObject>(), 0);

pub fn module_type() -> *mut PyTypeObject {
    &raw mut PyModule_Type
}

pub fn is_module(o: &PyObj) -> bool {
    unsafe { crate::typeobj::is_subtype(o.ob_type(), module_type()) }
}

/// A new module named `name` with `__name__`, `__doc__`, `__package__`,
/// `__loader__` and `__spec__` set as CPython's module_init_dict does.
pub fn new(name: &str) -> PyObj {
    unsafe {
        let m = crate::alloc::alloc_object(module_type(), 0) as *mut PyModuleObject;
        let d = dict::new();
        dict::set_item_rs(&d, "__name__", unicode::new(name));
        dict::set_item_rs(&d, "__doc__", none::none());
        dict::set_item_rs(&d, "__package__", none::none());
        dict::set_item_rs(&d, "__loader__", none::none());
        dict::set_item_rs(&d, "__spec__", none::none());
        (*m).md_dict = d.into_ptr();
        (*m).md_name = unicode::new(name).into_ptr();
        PyObj::from_owned(m as *mut PyObject)
    }
}

pub fn get_dict(m: &PyObj) -> PyObj {
    unsafe { PyObj::from_borrowed((*(m.as_ptr() as *mut PyModuleObject)).md_dict) }
}

pub fn name(m: &PyObj) -> String {
    dict::get_item_rs(&get_dict(m), "__name__")
        .filter(|n| unicode::is_str(n))
        .map(|n| unicode::to_string_lossy(&n))
        .unwrap_or_else(|| "?".into())
}

pub fn add(m: &PyObj, name: &str, v: PyObj) {
    dict::set_item_rs(&get_dict(m), name, v);
}

unsafe extern "C" fn module_dealloc(o: *mut PyObject) {
    let m = o as *mut PyModuleObject;
    crate::objects::weakref::clear_weakrefs(o);
    if let Some(f) = def_with_state(m).and_then(|d| d.m_free) {
        f(o as *mut c_void);
    }
    xdecref((*m).md_dict);
    xdecref((*m).md_name);
    if !(*m).md_state.is_null() {
        crate::alloc::mem_free((*m).md_state);
    }
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn module_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let m = o as *mut PyModuleObject;
    if let Some(f) = def_with_state(m).and_then(|d| d.m_traverse) {
        let r = f(o, visit, arg);
        if r != 0 {
            return r;
        }
    }
    if !(*m).md_dict.is_null() {
        return visit((*m).md_dict, arg);
    }
    0
}

/// Module attribute lookup: the dict, then a module-level `__getattr__`.
unsafe extern "C" fn module_getattro(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let m = PyObj::borrow(&o);
    let n = PyObj::borrow(&name);
    match crate::typeobj::generic_getattr_opt(m, n) {
        Ok(Some(v)) => return v.into_ptr(),
        Ok(None) => {}
        Err(e) => {
            err::restore(e);
            return std::ptr::null_mut();
        }
    }
    let d = get_dict(m);
    if let Some(ga) = dict::get_item_rs(&d, "__getattr__") {
        return err::into_ptr(crate::abstract_::call1(&ga, n));
    }
    let mname = dict::get_item_rs(&d, "__name__").filter(|x| unicode::is_str(x));
    // A module whose __spec__._initializing is true is still running its
    // body: CPython hints at a circular import.
    let initializing = || -> bool {
        let Some(sp) = dict::get_item_rs(&d, "__spec__").filter(|s| !crate::objects::none::is_none(s)) else {
            return false;
        };
        match crate::abstract_::getattr_str_opt(&sp, "_initializing") {
            Ok(Some(v)) => crate::abstract_::is_true(&v).unwrap_or(false),
            Ok(None) => false,
            Err(_) => false,
        }
    };
    let e = match mname {
        Some(mn) if initializing() => err::attribute_error(format!(
            "partially initialized module '{}' has no attribute '{}' (most likely due to a circular import)",
            unicode::to_string_lossy(&mn),
            unicode::to_string_lossy(n)
        )),
        Some(mn) => err::attribute_error(format!(
            "module '{}' has no attribute '{}'",
            unicode::to_string_lossy(&mn),
            unicode::to_string_lossy(n)
        )),
        None => err::attribute_error(format!("module has no attribute '{}'", unicode::to_string_lossy(n))),
    };
    crate::objects::exceptions_attrs::set_attribute_error_context(&e, m, n);
    err::restore(e);
    std::ptr::null_mut()
}

unsafe extern "C" fn module_repr(o: *mut PyObject) -> *mut PyObject {
    let m = PyObj::borrow(&o);
    let d = get_dict(m);
    let name = name(m);
    let s = match dict::get_item_rs(&d, "__file__") {
        Some(f) if unicode::is_str(&f) => format!("<module '{}' from '{}'>", name, unicode::to_string_lossy(&f)),
        _ => {
            let spec_origin = dict::get_item_rs(&d, "__spec__")
                .filter(|s| !none::is_none(s))
                .and_then(|s| crate::abstract_::getattr_str(&s, "origin").ok())
                .filter(|o| unicode::is_str(o))
                .map(|o| unicode::to_string_lossy(&o));
            match spec_origin.as_deref() {
                Some("built-in") => format!("<module '{}' (built-in)>", name),
                _ => format!("<module '{}'>", name),
            }
        }
    };
    unicode::new(&s).into_ptr()
}

unsafe extern "C" fn module_dict_get(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    get_dict(PyObj::borrow(&o)).into_ptr()
}

/// `module.__init__(name, doc=None)` for `types.ModuleType(...)`.
unsafe extern "C" fn module_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let a = PyObj::borrow(&args);
    let items = crate::objects::tuple::items(a);
    let kwn = crate::objects::methodobject::kwargs_dict(kw);
    let (mut name, mut doc) = (items.first().cloned(), items.get(1).cloned());
    if let Some(k) = &kwn {
        if let Some(n) = dict::get_item_rs(k, "name") {
            name = Some(n);
        }
        if let Some(d) = dict::get_item_rs(k, "doc") {
            doc = Some(d);
        }
    }
    let Some(name) = name else {
        err::restore(err::type_error("module.__init__() missing required argument 'name' (pos 1)"));
        return -1;
    };
    if !unicode::is_str(&name) {
        err::restore(err::type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            crate::typeobj::type_name(name.ob_type())
        )));
        return -1;
    }
    let m = o as *mut PyModuleObject;
    if (*m).md_dict.is_null() {
        (*m).md_dict = dict::new().into_ptr();
    }
    let d = get_dict(PyObj::borrow(&o));
    dict::set_item_rs(&d, "__name__", name);
    dict::set_item_rs(&d, "__doc__", doc.unwrap_or_else(none::none));
    for k in ["__package__", "__loader__", "__spec__"] {
        if dict::get_item_rs(&d, k).is_none() {
            dict::set_item_rs(&d, k, none::none());
        }
    }
    0
}

unsafe extern "C" fn module_new(tp: *mut PyTypeObject, _a: *mut PyObject, _k: *mut PyObject) -> *mut PyObject {
    let o = crate::typeobj::alloc_instance(tp);
    if !o.is_null() {
        (*(o as *mut PyModuleObject)).md_dict = dict::new().into_ptr();
    }
    o
}

/// `module.__dir__`: a module-level `__dir__()` if defined, else the keys
/// of the module dict.
crate::fastcall!(module_dir, |slf, args| {
    let d = get_dict(slf);
    if let Some(f) = dict::get_item_rs(&d, "__dir__") {
        return crate::abstract_::call0(&f);
    }
    Ok(crate::objects::list::new(dict::keys_vec(&d)))
});

/// `module.__annotations__`: the dict's entry, created empty on first read.
unsafe extern "C" fn module_annotations_get(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let d = get_dict(PyObj::borrow(&o));
    if let Some(a) = dict::get_item_rs(&d, "__annotations__") {
        return a.into_ptr();
    }
    let a = dict::new();
    dict::set_item_rs(&d, "__annotations__", a.clone());
    a.into_ptr()
}

unsafe extern "C" fn module_annotations_set(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> std::os::raw::c_int {
    let d = get_dict(PyObj::borrow(&o));
    if v.is_null() {
        if dict::get_item_rs(&d, "__annotations__").is_none() {
            err::restore(err::attribute_error("__annotations__"));
            return -1;
        }
        return err::int_result(dict::del_item(&d, &unicode::new("__annotations__")).map(|_| ()));
    }
    dict::set_item_rs(&d, "__annotations__", PyObj::from_borrowed(v));
    0
}

/// Breaks cycles through an extension module's state (`m_clear`); the
/// dict of a module is left alone, as before.
unsafe extern "C" fn module_clear(o: *mut PyObject) -> c_int {
    let m = o as *mut PyModuleObject;
    if let Some(f) = def_with_state(m).and_then(|d| d.m_clear) {
        let r = f(o);
        if r != 0 {
            return r;
        }
    }
    0
}

pub unsafe fn init_type() {
    let t = module_type();
    (*t).tp_dealloc = Some(module_dealloc);
    (*t).tp_traverse = Some(module_traverse);
    (*t).tp_clear = Some(module_clear);
    (*t).tp_getattro = Some(module_getattro);
    (*t).tp_setattro = Some(crate::typeobj::generic_setattro_slot);
    (*t).tp_repr = Some(module_repr);
    (*t).tp_init = Some(module_init);
    (*t).tp_new = Some(module_new);
    (*t).tp_dictoffset = std::mem::offset_of!(PyModuleObject, md_dict) as isize;
    (*t).tp_weaklistoffset = std::mem::offset_of!(PyModuleObject, md_weaklist) as isize;
    (*t).tp_flags |= flags::HAVE_GC | flags::BASETYPE;
    crate::objects::descr::set_getsets(t, &[
        ("__dict__", module_dict_get as *const c_void, std::ptr::null()),
        ("__annotations__", module_annotations_get as *const c_void, module_annotations_set as *const c_void),
    ]);
    crate::objects::descr::set_methods(t, &[("__dir__", module_dir as *const c_void, crate::object::meth::FASTCALL, "")]);
}

