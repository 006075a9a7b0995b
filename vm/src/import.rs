//! The import system: `import`/`from ... import` statements and
//! `__import__`. Finds built-in (Rust) modules by name, and source modules
//! and packages (regular and namespace) on `sys.path` or a package's
//! `__path__`; runs them in new module objects registered in `sys.modules`.
//! Once Lib's importlib is set up (on first use), also asks the finders a
//! program puts on `sys.meta_path` and gives modules Lib's specs/loaders.

use crate::err::{self, PyErr, PyResult};
use crate::objects::exceptions as exc;
use crate::objects::{dict, list, long, module, none, unicode};
use crate::objects::frame::PyFrameObject;
use crate::objref::PyObj;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Initializer of a built-in module: returns the module object.
pub type BuiltinInit = fn() -> PyResult<PyObj>;

static mut BUILTIN_MODULES: Vec<(&'static str, BuiltinInit)> = Vec::new();
/// Modules CPython freezes (`_frozen_importlib`...): found like built-ins
/// but not listed in `sys.builtin_module_names`.
static mut FROZEN_MODULES: Vec<(&'static str, BuiltinInit)> = Vec::new();
static mut SOURCES: Option<HashMap<String, String>> = None;

/// Registers a Rust module under its import name (called at start-up).
pub fn register_builtin(name: &'static str, init: BuiltinInit) {
    unsafe { (*(&raw mut BUILTIN_MODULES)).push((name, init)) }
}

pub fn builtin_names() -> Vec<&'static str> {
    unsafe { (*(&raw const BUILTIN_MODULES)).iter().map(|(n, _)| *n).collect() }
}

fn find_builtin(name: &str) -> Option<BuiltinInit> {
    unsafe { (*(&raw const BUILTIN_MODULES)).iter().find(|(n, _)| *n == name).map(|(_, f)| *f) }
}

/// Registers a module CPython has frozen (run by `init` on first import).
pub fn register_frozen(name: &'static str, init: BuiltinInit) {
    unsafe { (*(&raw mut FROZEN_MODULES)).push((name, init)) }
}

fn find_frozen(name: &str) -> Option<BuiltinInit> {
    unsafe { (*(&raw const FROZEN_MODULES)).iter().find(|(n, _)| *n == name).map(|(_, f)| *f) }
}

pub fn is_builtin(name: &str) -> bool {
    find_builtin(name).is_some()
}

/// Runs built-in module `name`'s initializer (a new module object, not
/// registered anywhere), or None if there is no such built-in.
pub fn init_builtin(name: &str) -> Option<PyResult> {
    find_builtin(name).map(|f| f())
}

/// Source text of files loaded by the import system (for tracebacks).
pub fn cached_source(filename: &str) -> Option<String> {
    unsafe { (*(&raw const SOURCES)).as_ref().and_then(|m| m.get(filename).cloned()) }
}

pub fn remember_source(filename: &str, text: &str) {
    unsafe {
        (*(&raw mut SOURCES)).get_or_insert_with(HashMap::new).insert(filename.to_string(), text.to_string());
    }
}

fn modules() -> PyObj {
    crate::interp::interp().modules.clone()
}

pub fn module_not_found(name: &str) -> PyErr {
    let e = err::new(unsafe { exc::PyExc_ModuleNotFoundError }, &format!("No module named '{}'", name));
    crate::objects::exceptions_attrs::set_import_error_fields(&e, Some(unicode::new(name)), None);
    e
}

/// Resolves a relative import name against the importing module's package.
fn resolve_name(name: &str, globals: &PyObj, level: usize) -> PyResult<String> {
    let package = dict::get_item_rs(globals, "__package__").filter(|p| !none::is_none(p));
    let spec = dict::get_item_rs(globals, "__spec__").filter(|p| !none::is_none(p));
    let pkg: String = match package {
        Some(p) => {
            if !unicode::is_str(&p) {
                return Err(err::type_error("package must be a string"));
            }
            unicode::to_string_lossy(&p)
        }
        None => match spec.and_then(|s| crate::abstract_::getattr_str(&s, "parent").ok()) {
            Some(p) if unicode::is_str(&p) => unicode::to_string_lossy(&p),
            _ => {
                let n = dict::get_item_rs(globals, "__name__")
                    .ok_or_else(|| err::key_error_msg("'__name__' not in globals"))?;
                let n = unicode::to_string_lossy(&n);
                if dict::get_item_rs(globals, "__path__").is_some() {
                    n
                } else {
                    n.rsplit_once('.').map(|(a, _)| a.to_string()).unwrap_or_default()
                }
            }
        },
    };
    if pkg.is_empty() {
        return Err(err::import_error("attempted relative import with no known parent package"));
    }
    let parts: Vec<&str> = pkg.split('.').collect();
    if level - 1 >= parts.len() + if level > parts.len() { 0 } else { 1 } || level > parts.len() {
        return Err(err::import_error("attempted relative import beyond top-level package"));
    }
    let base = parts[..parts.len() - (level - 1)].join(".");
    Ok(if name.is_empty() { base } else { format!("{}.{}", base, name) })
}

/// IMPORT_NAME / `__import__(name, globals, locals, fromlist, level)`.
pub fn import_name(name: &PyObj, globals: &PyObj, fromlist: &PyObj, level: &PyObj, _f: *mut PyFrameObject) -> PyResult {
    // A replaced builtins.__import__ takes over, as in CPython.
    if let Some(imp) = dict::get_item_rs(&crate::interp::interp().builtins_dict, "__import__") {
        if !crate::objects::methodobject::is_cfunction(&imp) {
            return crate::abstract_::call(
                &imp,
                &[name.clone(), globals.clone(), none::none(), fromlist.clone(), level.clone()],
                None,
            );
        }
    }
    import_module_level(name, Some(globals), fromlist, level)
}

pub fn import_module_level(name: &PyObj, globals: Option<&PyObj>, fromlist: &PyObj, level: &PyObj) -> PyResult {
    if !unicode::is_str(name) {
        return Err(err::type_error("module name must be a string"));
    }
    let level = long::as_i64(level).unwrap_or(0);
    if level < 0 {
        return Err(err::value_error("level must be >= 0"));
    }
    let n = unicode::to_string_lossy(name);
    let abs = if level > 0 {
        let g = globals.ok_or_else(|| err::key_error_msg("'__name__' not in globals"))?;
        resolve_name(&n, g, level as usize)?
    } else {
        if n.is_empty() {
            return Err(err::value_error("Empty module name"));
        }
        n.clone()
    };
    let m = import_absolute(&abs)?;
    let has_fromlist = !none::is_none(fromlist) && crate::abstract_::is_true(fromlist)?;
    if !has_fromlist {
        if level == 0 || !n.is_empty() {
            // Return the top-level package of what was named.
            let first = if level == 0 {
                n.split('.').next().unwrap().to_string()
            } else {
                let cut = abs.len() - n.len();
                let first_of_n = n.split('.').next().unwrap();
                format!("{}{}", &abs[..cut], first_of_n)
            };
            if first == abs {
                return Ok(m);
            }
            return dict::get_item_rs(&modules(), &first).ok_or_else(|| module_not_found(&first));
        }
        return Ok(m);
    }
    // from package import submodules
    if dict::get_item_rs(&module_dict_of(&m), "__path__").is_some() {
        handle_fromlist(&m, &abs, fromlist)?;
    }
    Ok(m)
}

fn module_dict_of(m: &PyObj) -> PyObj {
    if module::is_module(m) {
        module::get_dict(m)
    } else {
        crate::typeobj::instance_dict(m).unwrap_or_else(dict::new)
    }
}

fn handle_fromlist(m: &PyObj, pkgname: &str, fromlist: &PyObj) -> PyResult<()> {
    for item in crate::abstract_::iterate(fromlist)? {
        if !unicode::is_str(&item) {
            return Err(err::type_error(format!(
                "Item in {}.__all__ must be str, not {}",
                pkgname,
                crate::typeobj::type_name(item.ob_type())
            )));
        }
        let s = unicode::to_string_lossy(&item);
        if s == "*" {
            if let Some(all) = crate::abstract_::getattr_str_opt(m, "__all__")? {
                handle_fromlist(m, pkgname, &all)?;
            }
            continue;
        }
        if crate::abstract_::hasattr(m, &item)? {
            continue;
        }
        let sub = format!("{}.{}", pkgname, s);
        match import_absolute(&sub) {
            Ok(_) => {}
            Err(e) if e.matches(unsafe { exc::PyExc_ModuleNotFoundError }) => {
                // Only a missing *that* module is ignored.
                let missing = crate::abstract_::getattr_str(e.value(), "name").ok();
                if missing.map(|n| unicode::eq_str(&n, &sub)).unwrap_or(false) {
                    continue;
                }
                return Err(e);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Imports a module by absolute dotted name (parents first).
pub fn import_absolute(abs: &str) -> PyResult {
    let mods = modules();
    if let Some(m) = dict::get_item_rs(&mods, abs) {
        if none::is_none(&m) {
            let e = err::new(
                unsafe { exc::PyExc_ModuleNotFoundError },
                &format!("import of {} halted; None in sys.modules", abs),
            );
            crate::objects::exceptions_attrs::set_import_error_fields(&e, Some(unicode::new(abs)), None);
            return Err(e);
        }
        return Ok(m);
    }
    let (parent, path) = match abs.rsplit_once('.') {
        Some((p, _)) => {
            let pm = import_absolute(p)?;
            // Importing the parent may have imported this module too.
            if let Some(m) = dict::get_item_rs(&mods, abs) {
                return Ok(m);
            }
            let path = match crate::abstract_::getattr_str_opt(&pm, "__path__")? {
                Some(p) => p,
                None => {
                    let e = err::new(
                        unsafe { exc::PyExc_ModuleNotFoundError },
                        &format!("No module named '{}'; '{}' is not a package", abs, p),
                    );
                    crate::objects::exceptions_attrs::set_import_error_fields(&e, Some(unicode::new(abs)), None);
                    return Err(e);
                }
            };
            (Some((p.to_string(), pm)), Some(path))
        }
        None => (None, None),
    };
    let m = load(abs, path.as_ref())?;
    if let Some((_, pm)) = parent {
        let child = abs.rsplit_once('.').unwrap().1;
        let _ = crate::abstract_::setattr_str(&pm, child, m.clone());
    }
    Ok(m)
}

fn search_dirs(path: Option<&PyObj>) -> PyResult<Vec<String>> {
    let list_obj = match path {
        Some(p) => p.clone(),
        None => crate::sysmodule::get_opt("path").unwrap_or_else(list::new_empty),
    };
    let mut out = Vec::new();
    for e in crate::abstract_::iterate(&list_obj)? {
        if unicode::is_str(&e) {
            out.push(unicode::to_string_lossy(&e));
        }
    }
    Ok(out)
}

enum Found {
    Source(PathBuf),
    Package(PathBuf, PathBuf),
    Namespace(Vec<PathBuf>),
    Extension(PathBuf),
}

fn find_in(name: &str, dirs: &[String]) -> Option<Found> {
    let mut ns = Vec::new();
    for d in dirs {
        // '' is the current directory, which CPython's FileFinder makes
        // absolute (so __file__ and __path__ are absolute paths).
        let base = if d.is_empty() {
            std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
        } else {
            PathBuf::from(d)
        };
        let pkg = base.join(name);
        let init = pkg.join("__init__.py");
        if init.is_file() {
            return Some(Found::Package(pkg, init));
        }
        let init_pyc = pkg.join("__init__.pyc");
        if init_pyc.is_file() {
            return Some(Found::Package(pkg, init_pyc));
        }
        if let Some(ext) = crate::import_ext::find(&base, name) {
            return Some(Found::Extension(ext));
        }
        let src = base.join(format!("{}.py", name));
        if src.is_file() {
            return Some(Found::Source(src));
        }
        // A sourceless module: bytecode where the source would be.
        let pyc = base.join(format!("{}.pyc", name));
        if pyc.is_file() {
            return Some(Found::Source(pyc));
        }
        if pkg.is_dir() {
            ns.push(pkg);
        }
    }
    if ns.is_empty() {
        None
    } else {
        Some(Found::Namespace(ns))
    }
}

fn make_spec(name: &str, origin: Option<&str>, search: Option<Vec<String>>, is_builtin: bool) -> PyResult {
    if let Some(b) = bootstrap() {
        return lib_spec(b, name, origin, search.map(|v| list::new(v.iter().map(|s| unicode::new(s)).collect())), is_builtin);
    }
    let parent = if search.is_some() {
        name.to_string()
    } else {
        name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
    };
    let origin_obj = match origin {
        Some(o) => unicode::new(o),
        None if is_builtin => unicode::new("built-in"),
        None => none::none(),
    };
    let ssl = search
        .map(|v| list::new(v.iter().map(|s| unicode::new(s)).collect()))
        .unwrap_or_else(none::none);
    let loader = if is_builtin {
        crate::objects::namespace::new(&[("name", unicode::new("BuiltinImporter"))])
    } else {
        match origin {
            Some(o) => crate::objects::namespace::new(&[("name", unicode::new(name)), ("path", unicode::new(o))]),
            None => none::none(),
        }
    };
    Ok(crate::objects::namespace::new_spec(&[
        ("name", unicode::new(name)),
        ("loader", loader),
        ("origin", origin_obj),
        ("loader_state", none::none()),
        ("submodule_search_locations", ssl),
        ("cached", none::none()),
        ("parent", unicode::new(&parent)),
        ("has_location", crate::objects::boolobject::new(origin.is_some())),
    ]))
}

// ---- Lib's importlib, once set up ----------------------------------------
//
// Until something imports importlib, specs are the plain namespaces above and
// sys.meta_path is empty. stdlib/src/importlib_bootstrap.rs then runs
// Lib/importlib/_bootstrap (as `_frozen_importlib`), installs its finders,
// and hands its objects over here: from then on
// modules get real ModuleSpecs and loaders (SourceFileLoader,
// BuiltinImporter, NamespaceLoader), and finders a program puts on
// sys.meta_path are consulted. Finding and loading source stays in Rust.

/// The Lib importlib objects the import system uses.
struct Bootstrap {
    module_spec: PyObj,
    builtin_importer: PyObj,
    frozen_importer: PyObj,
    path_finder: PyObj,
    source_loader: PyObj,
    sourceless_loader: PyObj,
    namespace_loader: PyObj,
    namespace_path: PyObj,
    load_unlocked: PyObj,
    find_spec_legacy: PyObj,
}

static mut BOOTSTRAP: Option<Bootstrap> = None;

fn bootstrap() -> Option<&'static Bootstrap> {
    unsafe { (*(&raw const BOOTSTRAP)).as_ref() }
}

/// Records `_frozen_importlib` (`b`) and `_frozen_importlib_external` (`e`)
/// and gives the modules already imported real specs and loaders.
pub fn set_bootstrap(b: &PyObj, e: &PyObj) -> PyResult<()> {
    let g = crate::abstract_::getattr_str;
    let bs = Bootstrap {
        module_spec: g(b, "ModuleSpec")?,
        builtin_importer: g(b, "BuiltinImporter")?,
        frozen_importer: g(b, "FrozenImporter")?,
        path_finder: g(e, "PathFinder")?,
        source_loader: g(e, "SourceFileLoader")?,
        sourceless_loader: g(e, "SourcelessFileLoader")?,
        namespace_loader: g(e, "NamespaceLoader")?,
        namespace_path: g(e, "_NamespacePath")?,
        load_unlocked: g(b, "_load_unlocked")?,
        find_spec_legacy: g(b, "_find_spec_legacy")?,
    };
    unsafe { *(&raw mut BOOTSTRAP) = Some(bs) };
    upgrade_specs()
}

fn kwnames(names: &[&str]) -> PyObj {
    crate::objects::tuple::new(names.iter().map(|n| unicode::new(n)).collect())
}

/// A Lib ModuleSpec: built-in, source file (`origin`), or a namespace
/// package (no origin; the caller sets its locations and loader).
fn lib_spec(b: &Bootstrap, name: &str, origin: Option<&str>, search: Option<PyObj>, is_builtin: bool) -> PyResult {
    let call = crate::abstract_::call;
    let n = unicode::new(name);
    if is_builtin {
        return call(&b.module_spec, &[n, b.builtin_importer.clone(), unicode::new("built-in")], Some(&kwnames(&["origin"])));
    }
    let Some(o) = origin else {
        return call(&b.module_spec, &[n, none::none(), crate::objects::boolobject::new(true)], Some(&kwnames(&["is_package"])));
    };
    let cls = if is_bytecode(o) { &b.sourceless_loader } else { &b.source_loader };
    let loader = call(cls, &[n.clone(), unicode::new(o)], None)?;
    let spec = call(&b.module_spec, &[n, loader, unicode::new(o)], Some(&kwnames(&["origin"])))?;
    crate::abstract_::setattr_str(&spec, "_set_fileattr", crate::objects::boolobject::new(true))?;
    if let Some(s) = search {
        crate::abstract_::setattr_str(&spec, "submodule_search_locations", s)?;
    }
    Ok(spec)
}

/// Gives a namespace package's spec its `_NamespacePath` and, once Lib's
/// importlib is set up, a NamespaceLoader sharing it (as 3.11 does).
fn set_namespace_locations(spec: &PyObj, path: &PyObj) -> PyResult<()> {
    crate::abstract_::setattr_str(spec, "submodule_search_locations", path.clone())?;
    if let Some(b) = bootstrap() {
        let loader = crate::abstract_::call_method(&b.namespace_loader, "__new__", &[b.namespace_loader.clone()])?;
        crate::abstract_::setattr_str(&loader, "_path", path.clone())?;
        crate::abstract_::setattr_str(spec, "loader", loader)?;
    }
    Ok(())
}

/// Replaces the placeholder specs of modules imported before Lib's
/// importlib was set up by real ones.
fn upgrade_specs() -> PyResult<()> {
    let Some(b) = bootstrap() else { return Ok(()) };
    let items = crate::objects::dict_methods::mapping_keys(&modules())?;
    for key in items {
        let Some(m) = dict::get_item(&modules(), &key)? else { continue };
        if !module::is_module(&m) {
            continue;
        }
        let d = module::get_dict(&m);
        let Some(old) = dict::get_item_rs(&d, "__spec__").filter(|s| !none::is_none(s)) else { continue };
        if crate::abstract_::isinstance(&old, &b.module_spec)? {
            continue;
        }
        let attr = |n: &str| crate::abstract_::getattr_str_opt(&old, n).ok().flatten().filter(|v| !none::is_none(v));
        let Some(name) = attr("name").filter(|n| unicode::is_str(n)) else { continue };
        let name = unicode::to_string_lossy(&name);
        let origin = attr("origin").filter(|o| unicode::is_str(o)).map(|o| unicode::to_string_lossy(&o));
        let ssl = attr("submodule_search_locations");
        let spec = match origin.as_deref() {
            Some("built-in") => lib_spec(b, &name, None, None, true)?,
            Some(o) => lib_spec(b, &name, Some(o), ssl, false)?,
            None => match ssl {
                Some(p) => {
                    let spec = lib_spec(b, &name, None, None, false)?;
                    set_namespace_locations(&spec, &p)?;
                    spec
                }
                None => continue,
            },
        };
        if let Some(i) = attr("_initializing") {
            crate::abstract_::setattr_str(&spec, "_initializing", i)?;
        }
        dict::set_item_rs(&d, "__loader__", crate::abstract_::getattr_str(&spec, "loader")?);
        dict::set_item_rs(&d, "__spec__", spec);
    }
    Ok(())
}

/// Sets up Lib's importlib if it is not yet (a finder's spec needs it).
fn ensure_bootstrap() -> PyResult<&'static Bootstrap> {
    if bootstrap().is_none() {
        import_absolute("_frozen_importlib")?;
    }
    bootstrap().ok_or_else(|| err::import_error("importlib's bootstrap could not be set up"))
}

/// The finders on sys.meta_path other than importlib's own, split into
/// those before the defaults (consulted before the Rust search) and after.
fn user_finders() -> PyResult<(Vec<PyObj>, Vec<PyObj>)> {
    let (mut pre, mut post) = (Vec::new(), Vec::new());
    let Some(mp) = crate::sysmodule::get_opt("meta_path") else { return Ok((pre, post)) };
    if list::is_list(&mp) && list::len(&mp) == 0 {
        return Ok((pre, post));
    }
    let b = bootstrap();
    let mut seen_default = false;
    for f in crate::abstract_::iterate(&mp)? {
        let is_default = b.map_or(false, |b| {
            [&b.builtin_importer, &b.frozen_importer, &b.path_finder].iter().any(|d| d.as_ptr() == f.as_ptr())
        });
        if is_default {
            seen_default = true;
        } else if seen_default {
            post.push(f);
        } else {
            pre.push(f);
        }
    }
    Ok((pre, post))
}

/// Asks one meta path finder for `abs`; loads the module if it has a spec.
fn load_with_finder(finder: &PyObj, abs: &str, path: Option<&PyObj>) -> PyResult<Option<PyObj>> {
    let path_arg = path.cloned().unwrap_or_else(none::none);
    let spec = match crate::abstract_::getattr_str_opt(finder, "find_spec")? {
        Some(fs) => crate::abstract_::call(&fs, &[unicode::new(abs), path_arg, none::none()], None)?,
        None => {
            if crate::abstract_::getattr_str_opt(finder, "find_module")?.is_none() {
                return Ok(None);
            }
            let b = ensure_bootstrap()?;
            crate::abstract_::call(&b.find_spec_legacy, &[finder.clone(), unicode::new(abs), path_arg], None)?
        }
    };
    if none::is_none(&spec) {
        return Ok(None);
    }
    let b = ensure_bootstrap()?;
    crate::abstract_::call(&b.load_unlocked, &[spec], None).map(Some)
}

fn load(abs: &str, path: Option<&PyObj>) -> PyResult {
    let (pre, post) = user_finders()?;
    for f in &pre {
        if let Some(m) = load_with_finder(f, abs, path)? {
            return Ok(m);
        }
    }
    if let Some(m) = load_native(abs, path)? {
        return Ok(m);
    }
    for f in &post {
        if let Some(m) = load_with_finder(f, abs, path)? {
            return Ok(m);
        }
    }
    Err(module_not_found(abs))
}

/// The Rust finder and loader: built-in and frozen modules, then source
/// modules and packages on `path` (sys.path for a top-level name).
fn load_native(abs: &str, path: Option<&PyObj>) -> PyResult<Option<PyObj>> {
    let mods = modules();
    if path.is_none() {
        if let Some(init) = find_builtin(abs).or_else(|| find_frozen(abs)) {
            let m = init()?;
            let d = module_dict_of(&m);
            if dict::get_item_rs(&d, "__spec__").map(|s| none::is_none(&s)).unwrap_or(true) {
                let spec = make_spec(abs, None, None, true)?;
                if bootstrap().is_some() {
                    dict::set_item_rs(&d, "__loader__", crate::abstract_::getattr_str(&spec, "loader")?);
                }
                dict::set_item_rs(&d, "__spec__", spec);
            }
            dict::set_item(&mods, unicode::new(abs), m.clone())?;
            return Ok(Some(m));
        }
    }
    let short = abs.rsplit('.').next().unwrap_or(abs);
    let dirs = search_dirs(path)?;
    let Some(found) = find_in(short, &dirs) else { return Ok(None) };
    if let Found::Extension(p) = &found {
        let spec = make_spec(abs, Some(&p.to_string_lossy()), None, false)?;
        return crate::import_ext::load(abs, p, spec, &mods).map(Some);
    }
    let m = module::new(abs);
    let d = module::get_dict(&m);
    let (file, code_path, search): (Option<String>, Option<PathBuf>, Option<Vec<String>>) = match &found {
        Found::Source(p) => (Some(p.to_string_lossy().into_owned()), Some(p.clone()), None),
        Found::Package(dirp, init) => (
            Some(init.to_string_lossy().into_owned()),
            Some(init.clone()),
            Some(vec![dirp.to_string_lossy().into_owned()]),
        ),
        Found::Namespace(ds) => (None, None, Some(ds.iter().map(|p| p.to_string_lossy().into_owned()).collect())),
        Found::Extension(_) => unreachable!("extension modules return above"),
    };
    let is_pkg = search.is_some();
    let package = if is_pkg { abs.to_string() } else { abs.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default() };
    dict::set_item_rs(&d, "__package__", unicode::new(&package));
    match &file {
        Some(f) => dict::set_item_rs(&d, "__file__", unicode::new(f)),
        None => dict::set_item_rs(&d, "__file__", none::none()),
    }
    // `__cached__` names the cache file even when none is written, as in CPython.
    let cached = code_path.as_deref().and_then(|p| {
        if is_bytecode(&p.to_string_lossy()) { Some(p.to_path_buf()) } else { crate::import_cache::cache_path(p) }
    });
    match &cached {
        Some(c) => dict::set_item_rs(&d, "__cached__", unicode::new(&c.to_string_lossy())),
        None => dict::set_item_rs(&d, "__cached__", none::none()),
    }
    let is_ns = matches!(found, Found::Namespace(_));
    let spec = make_spec(abs, file.as_deref(), if is_ns { None } else { search.clone() }, false)?;
    if let Some(s) = &search {
        let dirs = list::new(s.iter().map(|x| unicode::new(x)).collect());
        let path = if is_ns {
            // The spec and the module share one _NamespacePath, as in CPython.
            let p = namespace_path(abs, dirs)?;
            set_namespace_locations(&spec, &p)?;
            p
        } else {
            crate::abstract_::getattr_str(&spec, "submodule_search_locations")?
        };
        dict::set_item_rs(&d, "__path__", path);
    }
    if let Ok(l) = crate::abstract_::getattr_str(&spec, "loader") {
        dict::set_item_rs(&d, "__loader__", l);
    }
    dict::set_item_rs(&d, "__spec__", spec);
    dict::set_item_rs(&d, "__builtins__", crate::interp::interp().builtins.clone());
    dict::set_item(&mods, unicode::new(abs), m.clone())?;
    if let Some(p) = code_path {
        // `_initializing` marks a module still running its body, for the
        // "partially initialized module" ImportError of circular imports.
        if let Some(sp) = dict::get_item_rs(&d, "__spec__") {
            let _ = crate::abstract_::setattr_str(&sp, "_initializing", crate::objects::boolobject::new(true));
        }
        let r = exec_module_file(abs, &p, &d);
        // Re-read: setting up importlib during the body replaces the spec.
        if let Some(sp) = dict::get_item_rs(&d, "__spec__").filter(|s| !none::is_none(s)) {
            let _ = crate::abstract_::setattr_str(&sp, "_initializing", crate::objects::boolobject::new(false));
        }
        if let Err(e) = r {
            let _ = dict::pop_item(&mods, &unicode::new(abs));
            return Err(e);
        }
    }
    // The module may have replaced itself in sys.modules.
    Ok(Some(dict::get_item_rs(&mods, abs).unwrap_or(m)))
}

static mut NAMESPACE_PATH_TYPE: Option<PyObj> = None;

// `_find_namespace(name, parent_path)`: the directories making up namespace
// package `name` on `parent_path` now, or None if it is not one (any more).
crate::fastcall!(find_namespace, |slf, args| {
    if args.len() != 2 || !unicode::is_str(&args[0]) {
        return Err(err::type_error("_find_namespace(name, parent_path)"));
    }
    let name = unicode::to_string_lossy(&args[0]);
    let short = name.rsplit('.').next().unwrap_or_default();
    Ok(match find_in(short, &search_dirs(Some(&args[1]))?) {
        Some(Found::Namespace(ds)) => list::new(ds.iter().map(|p| unicode::new(&p.to_string_lossy())).collect()),
        _ => none::none(),
    })
});

/// A `_NamespacePath` for namespace package `name` with portions `dirs`;
/// the class (vm/src/nspath.py) is built on first use.
fn namespace_path(name: &str, dirs: PyObj) -> PyResult {
    if let Some(b) = bootstrap() {
        // Lib's class, whose epoch PathFinder.invalidate_caches() bumps.
        let finder = crate::abstract_::getattr_str(&b.path_finder, "_get_spec")?;
        return crate::abstract_::call(&b.namespace_path, &[unicode::new(name), dirs, finder], None);
    }
    let tp = match unsafe { (*(&raw const NAMESPACE_PATH_TYPE)).clone() } {
        Some(t) => t,
        None => {
            let m = module::new("_frozen_importlib_external");
            let d = module::get_dict(&m);
            dict::set_item_rs(&d, "__builtins__", crate::interp::interp().builtins.clone());
            crate::sysmodule::add_functions(&m, &[("_find_namespace", find_namespace as *const std::os::raw::c_void, crate::object::meth::FASTCALL)]);
            crate::interp::run_source(include_str!("nspath.py"), "<frozen importlib._bootstrap_external>", &d, crate::compiler::CompileMode::Exec)?;
            let t = dict::get_item_rs(&d, "_NamespacePath").ok_or_else(|| err::system_error("_NamespacePath missing"))?;
            unsafe { *(&raw mut NAMESPACE_PATH_TYPE) = Some(t.clone()) };
            t
        }
    };
    let g = crate::abstract_::getattr_str(&crate::abstract_::getattr_str(&tp, "__init__")?, "__globals__")?;
    let finder = dict::get_item_rs(&g, "_find_namespace").ok_or_else(|| err::system_error("_find_namespace missing"))?;
    crate::abstract_::call(&tp, &[unicode::new(name), dirs, finder], None)
}

/// Runs an imported source module's code, from its bytecode cache when
/// valid (vm/src/import_cache.rs).
fn exec_module_file(name: &str, p: &Path, globals: &PyObj) -> PyResult<()> {
    let filename = p.to_string_lossy().into_owned();
    let code = if is_bytecode(&filename) {
        crate::import_cache::load_sourceless(name, p)?
    } else {
        crate::import_cache::get_code(p, &filename)?
    };
    crate::interp::run_code(&code, globals, None)?;
    Ok(())
}

fn is_bytecode(path: &str) -> bool {
    path.ends_with(".pyc")
}

/// Reads, compiles and runs a source file in the given namespace.
pub fn exec_source_file(p: &Path, globals: &PyObj) -> PyResult<()> {
    let filename = p.to_string_lossy().into_owned();
    let bytes = std::fs::read(p).map_err(|e| crate::objects::exceptions_attrs::os_error_from_io(&e, Some(&filename)))?;
    let text = crate::interp::decode_file_source(&bytes, &filename)?;
    remember_source(&filename, &text);
    let code = crate::interp::compile_to_code(&text, &filename, crate::compiler::CompileMode::Exec)?;
    crate::interp::run_code(&code, globals, None)?;
    Ok(())
}

/// IMPORT_FROM: `from module import name`.
pub fn import_from(m: &PyObj, name: &PyObj) -> PyResult {
    if let Some(v) = crate::abstract_::getattr_opt(m, name)? {
        return Ok(v);
    }
    let pkgname = crate::abstract_::getattr_str_opt(m, "__name__")?;
    if let Some(pn) = &pkgname {
        if unicode::is_str(pn) {
            let full = format!("{}.{}", unicode::to_string_lossy(pn), unicode::to_string_lossy(name));
            if let Some(sub) = dict::get_item_rs(&modules(), &full) {
                return Ok(sub);
            }
        }
    }
    let mname = pkgname.filter(|p| unicode::is_str(p)).map(|p| unicode::to_string_lossy(&p));
    let file = crate::abstract_::getattr_str_opt(m, "__file__")?.filter(|f| unicode::is_str(f));
    let initializing = crate::abstract_::getattr_str_opt(m, "__spec__")?
        .filter(|s| !none::is_none(s))
        .and_then(|s| crate::abstract_::getattr_str(&s, "_initializing").ok())
        .map(|v| crate::abstract_::is_true(&v).unwrap_or(false))
        .unwrap_or(false);
    let n = unicode::to_string_lossy(name);
    let msg = match (&mname, &file) {
        (Some(mn), Some(f)) if initializing => format!(
            "cannot import name '{}' from partially initialized module '{}' (most likely due to a circular import) ({})",
            n,
            mn,
            unicode::to_string_lossy(f)
        ),
        (Some(mn), Some(f)) => format!("cannot import name '{}' from '{}' ({})", n, mn, unicode::to_string_lossy(f)),
        (Some(mn), None) => format!("cannot import name '{}' from '{}' (unknown location)", n, mn),
        _ => format!("cannot import name '{}' from '<unknown module name>' (unknown location)", n),
    };
    let e = err::import_error(msg);
    crate::objects::exceptions_attrs::set_import_error_fields(&e, mname.map(|s| unicode::new(&s)), file);
    Err(e)
}

/// `from module import *` into `locals`.
pub fn import_star(m: &PyObj, locals: &PyObj) -> PyResult<()> {
    let (names, skip_private) = match crate::abstract_::getattr_str_opt(m, "__all__")? {
        Some(all) => (crate::abstract_::iterate(&all)?, false),
        None => {
            let d = crate::abstract_::getattr_str(m, "__dict__").map_err(|_| {
                err::import_error("from-import-* object has no __dict__ and no __all__")
            })?;
            (crate::objects::dict_methods::mapping_keys(&d)?, true)
        }
    };
    for n in names {
        if !unicode::is_str(&n) {
            let modname = crate::abstract_::getattr_str_opt(m, "__name__")?
                .map(|x| unicode::to_string_lossy(&x))
                .unwrap_or_default();
            return Err(err::type_error(format!(
                "{} in {}.{} must be str, not {}",
                if skip_private { "Key" } else { "Item" },
                modname,
                if skip_private { "__dict__" } else { "__all__" },
                crate::typeobj::type_name(n.ob_type())
            )));
        }
        if skip_private && unicode::to_string_lossy(&n).starts_with('_') {
            continue;
        }
        let v = crate::abstract_::getattr(m, &n)?;
        crate::abstract_::setitem(locals, &n, Some(&v))?;
    }
    Ok(())
}

/// `importlib.import_module(name, package)`.
pub fn import_module(name: &str, package: Option<&str>) -> PyResult {
    if name.starts_with('.') {
        let Some(pkg) = package else {
            return Err(err::type_error(format!(
                "the 'package' argument is required to perform a relative import for '{}'",
                name
            )));
        };
        let level = name.chars().take_while(|c| *c == '.').count();
        let g = dict::new();
        dict::set_item_rs(&g, "__package__", unicode::new(pkg));
        dict::set_item_rs(&g, "__name__", unicode::new(pkg));
        let abs = resolve_name(&name[level..], &g, level)?;
        return import_absolute(&abs);
    }
    import_absolute(name)
}

