//! import.h: `PyImport_ImportModule`, `PyImport_Import`,
//! `PyImport_AddModule*`, `PyImport_GetModuleDict`, on the VM's import
//! system (a dotted name returns the submodule itself, as in CPython).

use crate::util::*;
use std::os::raw::c_char;
use vm::err;
use vm::object::PyObject;
use vm::objects::{dict, module, unicode};

#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModule(name: *const c_char) -> *mut PyObject {
    if name.is_null() {
        return ret(Err(bad_internal_call()));
    }
    ret(vm::import::import_absolute(&cstr(name)))
}
#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModuleNoBlock(name: *const c_char) -> *mut PyObject {
    PyImport_ImportModule(name)
}
#[no_mangle]
pub unsafe extern "C" fn PyImport_Import(name: *mut PyObject) -> *mut PyObject {
    if name.is_null() || !unicode::is_str(b(&name)) {
        return ret(Err(bad_internal_call()));
    }
    ret(vm::import::import_absolute(&unicode::to_string_lossy(b(&name))))
}
#[no_mangle]
pub extern "C" fn PyImport_GetModuleDict() -> *mut PyObject {
    match vm::sysmodule::get_opt("modules") {
        Some(m) => m.as_ptr(),
        None => ret(Err(err::system_error("sys.modules is missing"))),
    }
}
/// The module `name` from sys.modules, created empty if missing
/// (borrowed reference).
#[no_mangle]
pub unsafe extern "C" fn PyImport_AddModuleObject(name: *mut PyObject) -> *mut PyObject {
    let mods = PyImport_GetModuleDict();
    if mods.is_null() {
        return mods;
    }
    let r = (|| {
        if let Some(m) = dict::get_item(b(&mods), b(&name))? {
            return Ok(m.as_ptr());
        }
        let m = module::new(&unicode::to_string_lossy(b(&name)));
        dict::set_item(b(&mods), b(&name).clone(), m.clone())?;
        Ok(m.as_ptr())
    })();
    match r {
        Ok(p) => p,
        Err(e) => ret(Err(e)),
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyImport_AddModule(name: *const c_char) -> *mut PyObject {
    let n = unicode::new(&cstr(name));
    PyImport_AddModuleObject(n.as_ptr())
}
