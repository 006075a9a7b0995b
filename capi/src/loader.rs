//! The extension-module loader (CPython's importdl.c and dynload_shlib.c):
//! opens a shared library with libloading (RTLD_NOW, kept loaded for the
//! life of the process), runs `PyInit_<name>`, and tells single-phase
//! modules (a module back) from multi-phase ones (a `PyModuleDef` back,
//! created from the spec here, its exec slots run after the module is in
//! sys.modules). Installed into the VM's import system by `lib::link`.

use crate::moduleobject::{self as mo, PyModuleDef};
use std::path::Path;
use vm::err::{self, PyErr, PyResult};
use vm::object::PyObject;
use vm::objects::{module, unicode};
use vm::objref::PyObj;

type InitFn = unsafe extern "C" fn() -> *mut PyObject;

fn import_error(msg: String, name: &str, path: &Path) -> PyErr {
    let e = err::import_error(msg);
    vm::objects::exceptions_attrs::set_import_error_fields(
        &e,
        Some(unicode::new(name)),
        Some(unicode::new(&path.to_string_lossy())),
    );
    e
}

/// Opens the library and finds `PyInit_<short>`; the library is never
/// unloaded (its code may be referenced by objects at any time).
fn open(name: &str, short: &str, path: &Path) -> PyResult<InitFn> {
    use libloading::os::unix::{Library, RTLD_LOCAL, RTLD_NOW};
    let lib = unsafe { Library::open(Some(path), RTLD_NOW | RTLD_LOCAL) }.map_err(|e| {
        let msg = match &e {
            libloading::Error::DlOpen { desc } => format!("{:?}", desc).trim_matches('"').to_string(),
            other => other.to_string(),
        };
        import_error(msg, name, path)
    })?;
    let sym = format!("PyInit_{}", short);
    let f = match unsafe { lib.get::<InitFn>(sym.as_bytes()) } {
        Ok(s) => *s,
        Err(_) => {
            return Err(import_error(
                format!("dynamic module does not define module export function ({:.200})", sym),
                name,
                path,
            ))
        }
    };
    std::mem::forget(lib);
    Ok(f)
}

/// `_imp.create_dynamic`: the module object for extension `name` at `path`.
pub fn create(name: &str, path: &Path, spec: &PyObj) -> PyResult {
    let short = name.rsplit('.').next().unwrap_or(name);
    let init = open(name, short, path)?;
    let p = unsafe {
        *(&raw mut mo::PACKAGE_CONTEXT) = Some(name.to_string());
        let p = init();
        *(&raw mut mo::PACKAGE_CONTEXT) = None;
        p
    };
    if p.is_null() {
        if !err::occurred() {
            return Err(err::system_error(format!(
                "initialization of {} failed without raising an exception",
                short
            )));
        }
        return Err(err::fetch());
    }
    if err::occurred() {
        // A result together with a pending exception is a bug in the module.
        let cause = err::fetch();
        let e = err::system_error(format!("initialization of {} raised unreported exception", short));
        let _ = vm::abstract_::setattr_str(e.value(), "__cause__", cause.0);
        if !unsafe { mo::is_moduledef(p) } {
            unsafe { vm::objref::decref(p) };
        }
        return Err(e);
    }
    unsafe {
        if mo::is_moduledef(p) {
            return err::from_ptr(mo::PyModule_FromDefAndSpec2(p as *mut PyModuleDef, spec.as_ptr(), 1013));
        }
        let m = PyObj::from_owned(p);
        let def = if module::is_module(&m) { mo::PyModule_GetDef(p) } else { std::ptr::null_mut() };
        if def.is_null() {
            drop(err::take());
            return Err(err::system_error(format!(
                "initialization of {} did not return an extension module",
                short
            )));
        }
        (*def).m_base.m_init = Some(init);
        vm::abstract_::setattr_str(&m, "__file__", unicode::new(&path.to_string_lossy()))?;
        Ok(m)
    }
}

/// `_imp.exec_dynamic`: runs the exec slots of a multi-phase module.
pub fn exec(m: &PyObj) -> PyResult<()> {
    if !module::is_module(m) {
        return Ok(());
    }
    unsafe {
        let def = (*(m.as_ptr() as *mut module::PyModuleObject)).md_def as *mut PyModuleDef;
        if def.is_null() || (*def).m_slots.is_null() {
            return Ok(());
        }
        err::from_int(mo::PyModule_ExecDef(m.as_ptr(), def)).map(|_| ())
    }
}
