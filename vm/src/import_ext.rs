//! Extension modules (`.so`) in the import system: the suffixes searched
//! (CPython's `EXTENSION_SUFFIXES`, extensions before source as in
//! FileFinder), and the hook through which the `capi` crate, which depends
//! on this one, loads them. import.rs calls `find` and `load` only.

use crate::err::{self, PyResult};
use crate::objects::{dict, none, unicode};
use crate::objref::PyObj;
use std::path::{Path, PathBuf};

/// Suffixes of extension modules, in the order they are tried.
pub const EXTENSION_SUFFIXES: [&str; 3] = [".pyrite-311-x86_64-linux-gnu.so", ".abi3.so", ".so"];

/// The loader's two steps, as `_imp.create_dynamic` / `_imp.exec_dynamic`:
/// `create(name, path, spec)` opens the library and runs `PyInit_<name>`;
/// `exec(module)` runs the `Py_mod_exec` slots of a multi-phase module.
#[derive(Clone, Copy)]
pub struct ExtensionLoader {
    pub create: fn(&str, &Path, &PyObj) -> PyResult,
    pub exec: fn(&PyObj) -> PyResult<()>,
}

static mut LOADER: Option<ExtensionLoader> = None;

/// Installs the extension loader (the capi crate does it at start-up).
pub fn set_extension_loader(l: ExtensionLoader) {
    unsafe { *(&raw mut LOADER) = Some(l) };
}

pub fn extension_loader() -> Option<ExtensionLoader> {
    unsafe { *(&raw const LOADER) }
}

/// The extension module file for `name` in directory `base`, if any.
pub fn find(base: &Path, name: &str) -> Option<PathBuf> {
    EXTENSION_SUFFIXES.iter().map(|s| base.join(format!("{}{}", name, s))).find(|p| p.is_file())
}

/// Creates, registers and executes the extension module `abs` found at
/// `path`, giving it the module attributes importlib's `_init_module_attrs`
/// gives (`__spec__`, `__loader__`, `__package__`, `__file__`).
pub fn load(abs: &str, path: &Path, spec: PyObj, modules: &PyObj) -> PyResult {
    let l = extension_loader().ok_or_else(|| {
        err::import_error(format!("extension modules are not supported here: {}", path.display()))
    })?;
    let m = (l.create)(abs, path, &spec)?;
    let ab = crate::abstract_::getattr_str_opt;
    let missing = |n: &str| -> PyResult<bool> { Ok(ab(&m, n)?.map(|v| none::is_none(&v)).unwrap_or(true)) };
    if missing("__name__")? {
        crate::abstract_::setattr_str(&m, "__name__", unicode::new(abs))?;
    }
    if missing("__loader__")? {
        if let Some(ld) = ab(&spec, "loader")? {
            crate::abstract_::setattr_str(&m, "__loader__", ld)?;
        }
    }
    if missing("__package__")? {
        let pkg = abs.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
        crate::abstract_::setattr_str(&m, "__package__", unicode::new(pkg))?;
    }
    crate::abstract_::setattr_str(&m, "__spec__", spec)?;
    if missing("__file__")? {
        crate::abstract_::setattr_str(&m, "__file__", unicode::new(&path.to_string_lossy()))?;
    }
    dict::set_item(modules, unicode::new(abs), m.clone())?;
    if let Err(e) = (l.exec)(&m) {
        let _ = dict::pop_item(modules, &unicode::new(abs));
        return Err(e);
    }
    Ok(dict::get_item_rs(modules, abs).unwrap_or(m))
}
