//! A minimal built-in `importlib` (`import_module`, `invalidate_caches`,
//! `reload`) until CPython's own `Lib/importlib` can run (it needs `_imp`
//! and the frozen bootstrap modules). Registered under the name
//! `importlib`, so it shadows the package of the host's Lib/.

use std::os::raw::c_void;
use vm::err::{self, PyResult};
use vm::object::meth;
use vm::objects::methodobject::bind_args;
use vm::objects::{module, none, unicode};
use vm::objref::PyObj;

vm::fastcall_kw!(import_module, |slf, args, kw| {
    let a = bind_args("import_module", args, kw, &["name", "package"], 1, 0)?;
    let name = a[0].clone().unwrap();
    if !unicode::is_str(&name) {
        return Err(err::type_error(format!(
            "module name must be str, not {}",
            vm::typeobj::type_name(name.ob_type())
        )));
    }
    let pkg = a[1].clone().filter(|p| !none::is_none(p)).map(|p| unicode::to_string_lossy(&p));
    vm::import::import_module(&unicode::to_string_lossy(&name), pkg.as_deref())
});

vm::fastcall!(invalidate_caches, |slf, args| { Ok(none::none()) });

vm::onearg!(reload, |slf, m| {
    let m = m.unwrap();
    let name = vm::abstract_::getattr_str(m, "__name__")?;
    let file = vm::abstract_::getattr_str_opt(m, "__file__")?.filter(|f| unicode::is_str(f));
    if let Some(f) = file {
        let path = unicode::to_string_lossy(&f);
        vm::import::exec_source_file(std::path::Path::new(&path), &module::get_dict(m))?;
        return Ok(m.clone());
    }
    Err(err::new(
        unsafe { vm::objects::exceptions::PyExc_ModuleNotFoundError },
        &format!("spec not found for the module {}", vm::abstract_::repr_string(&name)?),
    ))
});

pub fn init() -> PyResult<PyObj> {
    let m = module::new("importlib");
    vm::sysmodule::add_functions(&m, &[
        ("import_module", import_module as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("invalidate_caches", invalidate_caches as *const c_void, meth::FASTCALL),
        ("reload", reload as *const c_void, meth::O),
    ]);
    Ok(m)
}
