//! `_imp`: the native half of importlib (CPython's Python/import.c), which
//! Lib/importlib/_bootstrap*.py call: built-in module creation, the global
//! import lock, the (empty) frozen-module table, extension suffixes and
//! source hashes. C extension modules are not supported yet, so
//! `extension_suffixes()` is empty and `create_dynamic` raises ImportError.

use std::os::raw::c_void;
use vm::err::{self, PyResult};
use vm::object::meth;
use vm::objects::methodobject::bind_args;
use vm::objects::{boolobject, bytes, code, dict, list, long, module, none, unicode};
use vm::objref::PyObj;
use vm::typeobj::type_name;

fn str_arg(fname: &str, o: &PyObj) -> PyResult<String> {
    if !unicode::is_str(o) {
        return Err(err::type_error(format!(
            "{}() argument must be str, not {}",
            fname,
            type_name(o.ob_type())
        )));
    }
    Ok(unicode::to_string_lossy(o))
}

fn one_arg<'a>(fname: &str, args: &'a [PyObj]) -> PyResult<&'a PyObj> {
    vm::objects::methodobject::check_nargs(fname, args, 1, 1)?;
    Ok(&args[0])
}

fn no_frozen(name: &str) -> err::PyErr {
    let e = err::import_error(format!("No such frozen object named '{}'", name));
    vm::objects::exceptions_attrs::set_import_error_fields(&e, Some(unicode::new(name)), None);
    e
}

// The import lock: re-entrant, and Pyrite runs one thread, so a depth count.
static mut LOCK_DEPTH: usize = 0;

vm::fastcall!(imp_acquire_lock, |slf, args| {
    unsafe { LOCK_DEPTH += 1 };
    Ok(none::none())
});

vm::fastcall!(imp_release_lock, |slf, args| {
    unsafe {
        if LOCK_DEPTH == 0 {
            return Err(err::new(vm::objects::exceptions::PyExc_RuntimeError, "not holding the import lock"));
        }
        LOCK_DEPTH -= 1;
    }
    Ok(none::none())
});

vm::fastcall!(imp_lock_held, |slf, args| { Ok(boolobject::new(unsafe { LOCK_DEPTH } > 0)) });

// 1 for a built-in module, -1 for one that cannot be re-initialized
// (`sys`, `builtins`), 0 otherwise.
vm::fastcall!(imp_is_builtin, |slf, args| {
    let name = str_arg("is_builtin", one_arg("is_builtin", args)?)?;
    let r = if name == "sys" || name == "builtins" {
        -1
    } else if vm::import::is_builtin(&name) {
        1
    } else {
        0
    };
    Ok(long::from_i64(r))
});

// `create_builtin(spec)`: the module object for built-in `spec.name`; an
// already imported one is returned as is (Rust modules are initialized once).
vm::fastcall!(imp_create_builtin, |slf, args| {
    let spec = one_arg("create_builtin", args)?;
    let name = vm::abstract_::getattr_str(spec, "name")?;
    if !unicode::is_str(&name) {
        return Err(err::type_error(format!("name must be string, not {}", type_name(name.ob_type()))));
    }
    let n = unicode::to_string_lossy(&name);
    if let Some(m) = dict::get_item_rs(&vm::interp::interp().modules, &n) {
        if vm::builtin_module_names().contains(&n.as_str()) {
            return Ok(m);
        }
    }
    match vm::import::init_builtin(&n) {
        Some(r) => r,
        None => Ok(none::none()),
    }
});

// Rust modules are complete once created: nothing left to execute.
vm::fastcall!(imp_exec_builtin, |slf, args| {
    one_arg("exec_builtin", args)?;
    Ok(long::from_i64(0))
});

// Pyrite has no frozen modules: `_frozen_importlib` and friends are run from
// Lib's source by the import system instead (see importlib_bootstrap.rs).
vm::fastcall!(imp_is_frozen, |slf, args| {
    str_arg("is_frozen", one_arg("is_frozen", args)?)?;
    Ok(boolobject::new(false))
});

vm::fastcall_kw!(imp_find_frozen, |slf, args, kw| {
    let npos = args.len() - kw.map_or(0, vm::objects::tuple::len);
    if npos != 1 {
        return Err(err::type_error(format!("find_frozen() takes exactly 1 positional argument ({} given)", npos)));
    }
    let a = bind_args("find_frozen", args, kw, &["", "withdata"], 1, 0)?;
    str_arg("find_frozen", a[0].as_ref().unwrap_or(&none::none()))?;
    Ok(none::none())
});

vm::fastcall!(imp_get_frozen_object, |slf, args| {
    vm::objects::methodobject::check_nargs("get_frozen_object", args, 1, 2)?;
    Err(no_frozen(&str_arg("get_frozen_object", &args[0])?))
});

vm::fastcall!(imp_is_frozen_package, |slf, args| {
    Err(no_frozen(&str_arg("is_frozen_package", one_arg("is_frozen_package", args)?)?))
});

vm::fastcall!(imp_init_frozen, |slf, args| {
    str_arg("init_frozen", one_arg("init_frozen", args)?)?;
    Ok(none::none())
});

vm::fastcall!(imp_frozen_module_names, |slf, args| { Ok(list::new_empty()) });

vm::fastcall!(imp_override_frozen, |slf, args| {
    one_arg("_override_frozen_modules_for_tests", args)?;
    Ok(none::none())
});

// No C extension modules yet: no suffix names one, so finders skip them.
vm::fastcall!(imp_extension_suffixes, |slf, args| { Ok(list::new_empty()) });

vm::fastcall!(imp_create_dynamic, |slf, args| {
    vm::objects::methodobject::check_nargs("create_dynamic", args, 1, 2)?;
    let spec = &args[0];
    let name = vm::abstract_::getattr_str(spec, "name")?;
    let origin = vm::abstract_::getattr_str(spec, "origin")?;
    let e = err::import_error(format!(
        "cannot load extension module {} from {}: C extension modules are not supported by Pyrite yet",
        vm::abstract_::repr_string(&name)?,
        vm::abstract_::repr_string(&origin)?
    ));
    vm::objects::exceptions_attrs::set_import_error_fields(&e, Some(name), Some(origin));
    Err(e)
});

vm::fastcall!(imp_exec_dynamic, |slf, args| {
    one_arg("exec_dynamic", args)?;
    Ok(long::from_i64(0))
});

/// Sets the filename of `code` and of the code objects in its constants.
fn set_filename(c: &PyObj, path: &PyObj) {
    let consts: Vec<PyObj> = code::data(c).consts.clone();
    unsafe { (*(*(c.as_ptr() as *mut code::PyCodeObject)).data).filename = path.clone() };
    for k in consts.iter().filter(|k| code::is_code(k)) {
        set_filename(k, path);
    }
}

// `_fix_co_filename(code, path)`: code loaded from a moved .pyc names its
// source where it is now.
vm::fastcall!(imp_fix_co_filename, |slf, args| {
    vm::objects::methodobject::check_nargs("_fix_co_filename", args, 2, 2)?;
    if !code::is_code(&args[0]) {
        return Err(err::type_error(format!(
            "_fix_co_filename() argument 1 must be code, not {}",
            type_name(args[0].ob_type())
        )));
    }
    str_arg("_fix_co_filename", &args[1])?;
    let old = &code::data(&args[0]).filename;
    if !vm::abstract_::rich_compare_bool(old, &args[1], vm::object::PY_EQ)? {
        set_filename(&args[0], &args[1]);
    }
    Ok(none::none())
});

// `source_hash(key, source)`: the 8-byte SipHash-1-3 of `source` keyed
// by `key`, which hash-based .pyc files record.
vm::fastcall_kw!(imp_source_hash, |slf, args, kw| {
    let a = bind_args("source_hash", args, kw, &["key", "source"], 2, 0)?;
    let key = a[0].clone().unwrap_or_else(none::none);
    if !long::is_int(&key) {
        return Err(err::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(key.ob_type())
        )));
    }
    let k = vm::abstract_::to_i64(&key)?;
    let src = a[1].clone().unwrap_or_else(none::none);
    let data = vm::objects::bytes_methods::bytes_like_arg(&src)?;
    let h = vm::hash::siphash13(k as u64, 0, &data);
    Ok(bytes::new(&h.to_le_bytes()))
});

pub fn init() -> PyResult<PyObj> {
    let m = module::new("_imp");
    module::add(&m, "__doc__", unicode::new("(Extremely) low-level import machinery bits as used by importlib."));
    vm::sysmodule::add_functions(&m, &[
        ("acquire_lock", imp_acquire_lock as *const c_void, meth::FASTCALL),
        ("release_lock", imp_release_lock as *const c_void, meth::FASTCALL),
        ("lock_held", imp_lock_held as *const c_void, meth::FASTCALL),
        ("is_builtin", imp_is_builtin as *const c_void, meth::FASTCALL),
        ("create_builtin", imp_create_builtin as *const c_void, meth::FASTCALL),
        ("exec_builtin", imp_exec_builtin as *const c_void, meth::FASTCALL),
        ("is_frozen", imp_is_frozen as *const c_void, meth::FASTCALL),
        ("find_frozen", imp_find_frozen as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("get_frozen_object", imp_get_frozen_object as *const c_void, meth::FASTCALL),
        ("is_frozen_package", imp_is_frozen_package as *const c_void, meth::FASTCALL),
        ("init_frozen", imp_init_frozen as *const c_void, meth::FASTCALL),
        ("_frozen_module_names", imp_frozen_module_names as *const c_void, meth::FASTCALL),
        ("_override_frozen_modules_for_tests", imp_override_frozen as *const c_void, meth::FASTCALL),
        ("extension_suffixes", imp_extension_suffixes as *const c_void, meth::FASTCALL),
        ("create_dynamic", imp_create_dynamic as *const c_void, meth::FASTCALL),
        ("exec_dynamic", imp_exec_dynamic as *const c_void, meth::FASTCALL),
        ("_fix_co_filename", imp_fix_co_filename as *const c_void, meth::FASTCALL),
        ("source_hash", imp_source_hash as *const c_void, meth::FASTCALL | meth::KEYWORDS),
    ]);
    module::add(&m, "check_hash_based_pycs", unicode::new("default"));
    Ok(m)
}
