//! moduleobject.h and the module half of modsupport.h: `PyModuleDef_Init`
//! (the struct itself is vm's, vm/src/objects/module.rs), single-phase creation
//! (`PyModule_Create2`), multi-phase creation and execution
//! (`PyModule_FromDefAndSpec2`, `PyModule_ExecDef`), and the helpers that
//! fill a module (`AddObject`, `AddObjectRef`, `AddIntConstant`,
//! `AddStringConstant`, `AddType`, `AddFunctions`, `GetState`, `GetDict`).

use crate::util::*;
use std::os::raw::{c_char, c_int, c_long, c_void};
use vm::err::{self, PyResult};
use vm::object::{meth, PyMethodDef, PyObject, PyTypeObject, Py_ssize_t};
use vm::objects::module::{self, PyModuleObject};
use vm::objects::{dict, methodobject, unicode};
use vm::objref::{self, PyObj};

pub use vm::objects::module::{PyModuleDef, PyModuleDef_Base, PyModuleDef_Slot};

pub use vm::object::{PY_MOD_CREATE, PY_MOD_EXEC};

#[no_mangle]
pub static mut PyModuleDef_Type: PyTypeObject =
    PyTypeObject::empty(b"moduledef\0", std::mem::size_of::<PyModuleDef>(), 0);

static mut NEXT_INDEX: Py_ssize_t = 0;

/// The full dotted name of the extension being initialised, so that
/// `PyModule_Create` on a submodule gets `pkg.mod` (CPython's
/// `_Py_PackageContext`). Set by the loader around `PyInit_*`.
pub static mut PACKAGE_CONTEXT: Option<String> = None;

unsafe fn is_module(o: *mut PyObject) -> bool {
    !o.is_null() && module::is_module(b(&o))
}

/// Marks `def` as a module definition object (multi-phase init returns it).
#[no_mangle]
pub unsafe extern "C" fn PyModuleDef_Init(def: *mut PyModuleDef) -> *mut PyObject {
    let tp = &raw mut PyModuleDef_Type;
    if (*tp).tp_flags & vm::object::flags::READY == 0 {
        if let Err(e) = vm::typeobj::ready(tp) {
            return ret(Err(e));
        }
    }
    if (*def).m_base.m_index == 0 {
        NEXT_INDEX += 1;
        (*def).m_base.ob_base.ob_type = tp;
        (*def).m_base.ob_base.ob_refcnt = 1;
        (*def).m_base.m_index = NEXT_INDEX;
    }
    def as *mut PyObject
}

pub unsafe fn is_moduledef(o: *mut PyObject) -> bool {
    !o.is_null() && (*o).ob_type == &raw mut PyModuleDef_Type
}

/// Adds the functions of a PyMethodDef table, bound to `m` (as their
/// self) with `__module__` = `name`.
unsafe fn add_functions(m: &PyObj, name: &PyObj, mut ml: *mut PyMethodDef) -> PyResult<()> {
    while !ml.is_null() && !(*ml).ml_name.is_null() {
        if (*ml).ml_flags & (meth::CLASS | meth::STATIC) != 0 {
            return Err(err::value_error("module functions cannot set METH_CLASS or METH_STATIC"));
        }
        let f = methodobject::new_cfunction(ml, Some(m.clone()), Some(name.clone()));
        vm::abstract_::setattr(m, &unicode::intern(&cstr((*ml).ml_name)), Some(&f))?;
        ml = ml.add(1);
    }
    Ok(())
}

unsafe fn set_doc(m: &PyObj, doc: *const c_char) -> PyResult<()> {
    if !doc.is_null() {
        vm::abstract_::setattr_str(m, "__doc__", unicode::new(&cstr(doc)))?;
    }
    Ok(())
}

unsafe fn alloc_state(m: *mut PyModuleObject, size: Py_ssize_t) -> PyResult<()> {
    if size > 0 && (*m).md_state.is_null() {
        let p = vm::alloc::mem_calloc(size as usize);
        if p.is_null() {
            return Err(err::memory_error_msg(""));
        }
        (*m).md_state = p;
    }
    Ok(())
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_Create2(def: *mut PyModuleDef, _api: c_int) -> *mut PyObject {
    if PyModuleDef_Init(def).is_null() {
        return std::ptr::null_mut();
    }
    let mut name = cstr((*def).m_name);
    if let Some(ctx) = (*(&raw mut PACKAGE_CONTEXT)).take() {
        if ctx.rsplit_once('.').map(|(_, last)| last == name).unwrap_or(false) {
            name = ctx;
        }
    }
    if !(*def).m_slots.is_null() {
        return ret(Err(err::system_error(format!("module {}: PyModule_Create is incompatible with m_slots", name))));
    }
    let m = module::new(&name);
    let r = (|| {
        let raw = m.as_ptr() as *mut PyModuleObject;
        alloc_state(raw, (*def).m_size)?;
        add_functions(&m, &unicode::new(&name), (*def).m_methods)?;
        set_doc(&m, (*def).m_doc)?;
        (*raw).md_def = def as *mut c_void;
        Ok(m)
    })();
    ret(r)
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_Create(def: *mut PyModuleDef) -> *mut PyObject {
    PyModule_Create2(def, 1013)
}

/// Multi-phase creation: `Py_mod_create(spec, def)` or a plain module
/// named `spec.name`; the exec slots run later (`PyModule_ExecDef`).
#[no_mangle]
pub unsafe extern "C" fn PyModule_FromDefAndSpec2(def: *mut PyModuleDef, spec: *mut PyObject, _api: c_int) -> *mut PyObject {
    if PyModuleDef_Init(def).is_null() {
        return std::ptr::null_mut();
    }
    let r = (|| -> PyResult {
        let nameobj = vm::abstract_::getattr_str(b(&spec), "name")?;
        let name = unicode::to_string_lossy(&nameobj);
        if (*def).m_size < 0 {
            return Err(err::system_error(format!(
                "module {}: m_size may not be negative for multi-phase initialization",
                name
            )));
        }
        type CreateFn = unsafe extern "C" fn(*mut PyObject, *mut PyModuleDef) -> *mut PyObject;
        let mut create: Option<CreateFn> = None;
        let mut s = (*def).m_slots;
        while !s.is_null() && (*s).slot != 0 {
            match (*s).slot {
                PY_MOD_CREATE => {
                    if create.is_some() {
                        return Err(err::system_error(format!("module {} has multiple create slots", name)));
                    }
                    create = Some(std::mem::transmute::<*mut c_void, CreateFn>((*s).value));
                }
                PY_MOD_EXEC => {}
                id => return Err(err::system_error(format!("module {} uses unknown slot ID {}", name, id))),
            }
            s = s.add(1);
        }
        let m = match create {
            Some(f) => {
                let p = f(spec, def);
                if p.is_null() {
                    if !err::occurred() {
                        return Err(err::system_error(format!(
                            "creation of module {} failed without setting an exception",
                            name
                        )));
                    }
                    return Err(err::fetch());
                }
                let m = PyObj::from_owned(p);
                if err::occurred() {
                    drop(err::take());
                    return Err(err::system_error(format!("creation of module {} raised unreported exception", name)));
                }
                m
            }
            None => module::new(&name),
        };
        if module::is_module(&m) {
            let raw = m.as_ptr() as *mut PyModuleObject;
            (*raw).md_state = std::ptr::null_mut();
            (*raw).md_def = def as *mut c_void;
        } else if (*def).m_size > 0 || (*def).m_traverse.is_some() || (*def).m_clear.is_some() || (*def).m_free.is_some() {
            return Err(err::system_error(format!(
                "module {} is not a module object, but requests module state",
                name
            )));
        }
        add_functions(&m, &nameobj, (*def).m_methods)?;
        set_doc(&m, (*def).m_doc)?;
        Ok(m)
    })();
    ret(r)
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_FromDefAndSpec(def: *mut PyModuleDef, spec: *mut PyObject) -> *mut PyObject {
    PyModule_FromDefAndSpec2(def, spec, 1013)
}

/// Runs the `Py_mod_exec` slots of `def` on `m` (allocating its state).
#[no_mangle]
pub unsafe extern "C" fn PyModule_ExecDef(m: *mut PyObject, def: *mut PyModuleDef) -> c_int {
    let r = (|| -> PyResult<()> {
        let name = vm::abstract_::getattr_str(b(&m), "__name__").map(|n| unicode::to_string_lossy(&n)).unwrap_or_default();
        if (*def).m_size >= 0 && is_module(m) {
            alloc_state(m as *mut PyModuleObject, (*def).m_size)?;
        }
        let mut s = (*def).m_slots;
        while !s.is_null() && (*s).slot != 0 {
            if (*s).slot == PY_MOD_EXEC {
                let f: unsafe extern "C" fn(*mut PyObject) -> c_int = std::mem::transmute((*s).value);
                let rc = f(m);
                if rc != 0 {
                    if !err::occurred() {
                        return Err(err::system_error(format!(
                            "execution of module {} failed without setting an exception",
                            name
                        )));
                    }
                    return Err(err::fetch());
                }
                if err::occurred() {
                    drop(err::take());
                    return Err(err::system_error(format!("execution of module {} raised unreported exception", name)));
                }
            }
            s = s.add(1);
        }
        Ok(())
    })();
    ret_int(r)
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_New(name: *const c_char) -> *mut PyObject {
    module::new(&cstr(name)).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_NewObject(name: *mut PyObject) -> *mut PyObject {
    module::new(&unicode::to_string_lossy(b(&name))).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetDict(m: *mut PyObject) -> *mut PyObject {
    if !is_module(m) {
        return ret(Err(bad_internal_call()));
    }
    (*(m as *mut PyModuleObject)).md_dict
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetState(m: *mut PyObject) -> *mut c_void {
    if !is_module(m) {
        crate::pyerrors::PyErr_BadArgument();
        return std::ptr::null_mut();
    }
    (*(m as *mut PyModuleObject)).md_state
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetDef(m: *mut PyObject) -> *mut PyModuleDef {
    if !is_module(m) {
        crate::pyerrors::PyErr_BadArgument();
        return std::ptr::null_mut();
    }
    (*(m as *mut PyModuleObject)).md_def as *mut PyModuleDef
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetNameObject(m: *mut PyObject) -> *mut PyObject {
    if !is_module(m) {
        crate::pyerrors::PyErr_BadArgument();
        return std::ptr::null_mut();
    }
    match dict::get_item_rs(&module::get_dict(b(&m)), "__name__").filter(unicode::is_str) {
        Some(n) => n.into_ptr(),
        None => ret(Err(err::system_error("nameless module"))),
    }
}
/// `__name__` as UTF-8, borrowed from the name object the dict holds.
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetName(m: *mut PyObject) -> *const c_char {
    let n = PyModule_GetNameObject(m);
    if n.is_null() {
        return std::ptr::null();
    }
    objref::decref(n);
    crate::unicodeobject::PyUnicode_AsUTF8(n)
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_GetFilenameObject(m: *mut PyObject) -> *mut PyObject {
    if !is_module(m) {
        crate::pyerrors::PyErr_BadArgument();
        return std::ptr::null_mut();
    }
    match dict::get_item_rs(&module::get_dict(b(&m)), "__file__").filter(unicode::is_str) {
        Some(n) => n.into_ptr(),
        None => ret(Err(err::system_error("module filename missing"))),
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddFunctions(m: *mut PyObject, ml: *mut PyMethodDef) -> c_int {
    let r = vm::abstract_::getattr_str(b(&m), "__name__").and_then(|n| add_functions(b(&m), &n, ml));
    ret_int(r)
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_SetDocString(m: *mut PyObject, doc: *const c_char) -> c_int {
    ret_int(set_doc(b(&m), doc))
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_AddObjectRef(m: *mut PyObject, name: *const c_char, v: *mut PyObject) -> c_int {
    if !is_module(m) {
        return ret_int(Err(err::type_error("PyModule_AddObjectRef() first argument must be a module")));
    }
    if v.is_null() {
        if !err::occurred() {
            return ret_int(Err(err::system_error(
                "PyModule_AddObjectRef() must be called with an exception raised if value is NULL",
            )));
        }
        return -1;
    }
    ret_int(dict::set_item(&module::get_dict(b(&m)), unicode::intern(&cstr(name)), b(&v).clone()))
}
/// Steals `v` on success only (CPython's documented asymmetry).
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddObject(m: *mut PyObject, name: *const c_char, v: *mut PyObject) -> c_int {
    let r = PyModule_AddObjectRef(m, name, v);
    if r == 0 {
        objref::decref(v);
    }
    r
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddIntConstant(m: *mut PyObject, name: *const c_char, v: c_long) -> c_int {
    let o = vm::objects::long::from_i64(v as i64);
    PyModule_AddObjectRef(m, name, o.as_ptr())
}
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddStringConstant(m: *mut PyObject, name: *const c_char, v: *const c_char) -> c_int {
    let o = crate::unicodeobject::PyUnicode_FromString(v);
    if o.is_null() {
        return -1;
    }
    let o = PyObj::from_owned(o);
    PyModule_AddObjectRef(m, name, o.as_ptr())
}
/// Readies `tp` and adds it under its short name (after the last dot).
#[no_mangle]
pub unsafe extern "C" fn PyModule_AddType(m: *mut PyObject, tp: *mut PyTypeObject) -> c_int {
    if (*tp).tp_flags & vm::object::flags::READY == 0 {
        if let Err(e) = vm::typeobj::ready(tp) {
            return ret_int(Err(e));
        }
    }
    let full = std::ffi::CStr::from_ptr((*tp).tp_name).to_bytes();
    let short = match full.iter().rposition(|&c| c == b'.') {
        Some(k) => &full[k + 1..],
        None => full,
    };
    let name = std::ffi::CString::new(short).unwrap_or_default();
    PyModule_AddObjectRef(m, name.as_ptr(), tp as *mut PyObject)
}

/// `PyCFunction_NewEx(ml, self, module)`: a builtin function object.
#[no_mangle]
pub unsafe extern "C" fn PyCFunction_NewEx(ml: *mut PyMethodDef, slf: *mut PyObject, module: *mut PyObject) -> *mut PyObject {
    let s = if slf.is_null() { None } else { Some(b(&slf).clone()) };
    let m = if module.is_null() { None } else { Some(b(&module).clone()) };
    methodobject::new_cfunction(ml, s, m).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyCFunction_New(ml: *mut PyMethodDef, slf: *mut PyObject) -> *mut PyObject {
    PyCFunction_NewEx(ml, slf, std::ptr::null_mut())
}
