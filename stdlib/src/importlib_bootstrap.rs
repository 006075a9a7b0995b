//! `_frozen_importlib` and `_frozen_importlib_external`: CPython freezes
//! Lib/importlib/_bootstrap.py and _bootstrap_external.py into its binary;
//! Pyrite runs them from the Lib directory on sys.path the first time
//! either is imported (normally by `import importlib`), so plain start-up
//! does not pay for them. Setting up installs BuiltinImporter,
//! FrozenImporter and PathFinder on sys.meta_path and the FileFinder hook on
//! sys.path_hooks, as CPython does, and hands the modules to the Rust import
//! system (`vm::import::set_bootstrap`), which keeps finding and loading
//! source for `import` statements, `importlib.import_module` and
//! `__import__` (`_bootstrap._find_and_load` is pointed at it).

use std::os::raw::c_void;
use std::path::PathBuf;
use vm::err::{self, PyResult};
use vm::object::meth;
use vm::objects::{dict, module, unicode};
use vm::objref::PyObj;

fn modules() -> PyObj {
    vm::interp::interp().modules.clone()
}

/// The `importlib` directory of the Lib on sys.path.
fn lib_importlib_dir() -> PyResult<PathBuf> {
    if let Some(path) = vm::sysmodule::get_opt("path") {
        for e in vm::abstract_::iterate(&path)? {
            if !unicode::is_str(&e) {
                continue;
            }
            let d = PathBuf::from(unicode::to_string_lossy(&e)).join("importlib");
            if d.join("_bootstrap.py").is_file() && d.join("_bootstrap_external.py").is_file() {
                return Ok(d);
            }
        }
    }
    let e = err::new(
        unsafe { vm::objects::exceptions::PyExc_ModuleNotFoundError },
        "No module named '_frozen_importlib' (no importlib/_bootstrap.py on sys.path)",
    );
    vm::objects::exceptions_attrs::set_import_error_fields(&e, Some(unicode::new("_frozen_importlib")), None);
    Err(e)
}

/// Runs Lib file `file` as module `name`, registered in sys.modules first,
/// its code named `<frozen importlib._bootstrap...>` as in CPython (whose
/// tracebacks show no source lines for it).
fn run_frozen(name: &str, file: PathBuf, frozen_name: &str) -> PyResult<PyObj> {
    let m = module::new(name);
    let d = module::get_dict(&m);
    dict::set_item_rs(&d, "__builtins__", vm::interp::interp().builtins.clone());
    dict::set_item_rs(&modules(), name, m.clone());
    let run = || -> PyResult<()> {
        let filename = file.to_string_lossy().into_owned();
        let bytes =
            std::fs::read(&file).map_err(|e| vm::objects::exceptions_attrs::os_error_from_io(&e, Some(&filename)))?;
        let text = vm::interp::decode_file_source(&bytes, &filename)?;
        let code = vm::interp::compile_to_code(&text, frozen_name, vm::compiler::CompileMode::Exec)?;
        vm::interp::run_code(&code, &d, None)?;
        Ok(())
    };
    if let Err(e) = run() {
        let _ = dict::pop_item(&modules(), &unicode::new(name));
        return Err(e);
    }
    Ok(m)
}

// Until Pyrite has its own bytecode cache (with its own magic number and
// recovery from bad files), Lib's SourceLoader (used by reload,
// exec_module, runpy...) neither reads nor writes .pyc files: it compiles
// the source. Otherwise it would write CPython-magic files holding Pyrite
// code objects, and fail the import on a corrupt one.
const SOURCE_ONLY_GET_CODE: &str = "\
def get_code(self, fullname):
    source_path = self.get_filename(fullname)
    return self.source_to_code(self.get_data(source_path), source_path)
SourceLoader.get_code = get_code
del get_code
";

/// Runs _bootstrap_external.py, then keeps its SourceLoader off .pyc files.
fn run_external(dir: &std::path::Path) -> PyResult<PyObj> {
    let e = run_frozen("_frozen_importlib_external", dir.join("_bootstrap_external.py"), "<frozen importlib._bootstrap_external>")?;
    let name = "<frozen importlib._bootstrap_external>";
    let d = module::get_dict(&e);
    vm::interp::run_source(SOURCE_ONLY_GET_CODE, name, &d, vm::compiler::CompileMode::Exec)?;
    // Lib hard-codes CPython's magic; Pyrite's .pyc files carry their own.
    let magic = crate::marshal::PYC_MAGIC;
    dict::set_item_rs(&d, "MAGIC_NUMBER", vm::objects::bytes::new(&magic));
    dict::set_item_rs(&d, "_RAW_MAGIC_NUMBER", vm::objects::long::from_i64(u32::from_le_bytes(magic) as i64));
    Ok(e)
}

// `_find_and_load(name, import_)`, in place of Lib's: the Rust import
// system finds and loads (it consults the finders a program adds).
vm::fastcall!(find_and_load, |slf, args| {
    vm::objects::methodobject::check_nargs("_find_and_load", args, 1, 2)?;
    if !unicode::is_str(&args[0]) {
        return Err(err::type_error("module name must be str"));
    }
    vm::import::import_absolute(&unicode::to_string_lossy(&args[0]))
});

fn frozen_spec(b: &PyObj, name: &str) -> PyResult<PyObj> {
    let fi = vm::abstract_::getattr_str(b, "FrozenImporter")?;
    let ms = vm::abstract_::getattr_str(b, "ModuleSpec")?;
    let kw = vm::objects::tuple::new(vec![unicode::new("origin")]);
    vm::abstract_::call(&ms, &[unicode::new(name), fi, unicode::new("frozen")], Some(&kw))
}

/// Initializer of `_frozen_importlib`: sets up all of Lib's importlib.
pub fn init_frozen_importlib() -> PyResult<PyObj> {
    if let Some(m) = dict::get_item_rs(&modules(), "_frozen_importlib") {
        return Ok(m);
    }
    let dir = lib_importlib_dir()?;
    let b = run_frozen("_frozen_importlib", dir.join("_bootstrap.py"), "<frozen importlib._bootstrap>")?;
    let e = match run_external(&dir) {
        Ok(e) => e,
        Err(err) => {
            let _ = dict::pop_item(&modules(), &unicode::new("_frozen_importlib"));
            return Err(err);
        }
    };
    vm::import::set_bootstrap(&b, &e)?;
    let sys = vm::sysmodule::sys_module().ok_or_else(|| err::system_error("no sys module"))?;
    let imp = vm::import::import_absolute("_imp")?;
    vm::abstract_::call_method(&b, "_install", &[sys, imp])?;
    vm::abstract_::call_method(&b, "_install_external_importers", &[])?;
    for (m, name) in [(&b, "_frozen_importlib"), (&e, "_frozen_importlib_external")] {
        let d = module::get_dict(m);
        dict::set_item_rs(&d, "__spec__", frozen_spec(&b, name)?);
        dict::set_item_rs(&d, "__loader__", vm::abstract_::getattr_str(&b, "FrozenImporter")?);
    }
    vm::sysmodule::add_functions(&b, &[("_find_and_load", find_and_load as *const c_void, meth::FASTCALL)]);
    Ok(b)
}

/// Initializer of `_frozen_importlib_external` (set up with the other).
pub fn init_frozen_importlib_external() -> PyResult<PyObj> {
    vm::import::import_absolute("_frozen_importlib")?;
    dict::get_item_rs(&modules(), "_frozen_importlib_external")
        .ok_or_else(|| err::import_error("importlib's bootstrap did not create _frozen_importlib_external"))
}
