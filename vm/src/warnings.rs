//! The `_warnings` module (CPython's Python/_warnings.c): the filters list,
//! `warn`/`warn_explicit` with their filter matching and registries, and the
//! Rust entry points the VM uses for its own warnings. CPython's
//! Lib/warnings.py imports these names and then shares the filters list.
//! Warnings found while compiling (invalid escapes, `is` with a literal) are
//! queued by the parser and compiler and issued by `emit_compile_warnings`.

use crate::abstract_ as ab;
use crate::err::{self, PyErr, PyResult};
use crate::object::{meth, PyTypeObject};
use crate::objects::exceptions as exc;
use crate::objects::methodobject::bind_args;
use crate::objects::{boolobject, dict, list, long, module, none, tuple, unicode};
use crate::objref::PyObj;
use crate::typeobj::{self, type_name};
use std::os::raw::c_void;

struct State {
    filters: PyObj,
    once: PyObj,
    default_action: PyObj,
    version: i64,
}

static mut STATE: Option<State> = None;

fn state() -> &'static mut State {
    unsafe {
        (*(&raw mut STATE)).get_or_insert_with(|| State {
            filters: default_filters(),
            once: dict::new(),
            default_action: unicode::new("default"),
            version: 0,
        })
    }
}

/// The filters of a release build: DeprecationWarning shown in __main__ only,
/// and the pending-deprecation, import and resource warnings ignored.
fn default_filters() -> PyObj {
    let f = |action: &str, cat: *mut PyTypeObject, module: Option<&str>| {
        tuple::new(vec![
            unicode::new(action),
            none::none(),
            typeobj::type_obj(cat),
            module.map(unicode::new).unwrap_or_else(none::none),
            long::from_i64(0),
        ])
    };
    unsafe {
        list::new(vec![
            f("default", exc::PyExc_DeprecationWarning, Some("__main__")),
            f("ignore", exc::PyExc_DeprecationWarning, None),
            f("ignore", exc::PyExc_PendingDeprecationWarning, None),
            f("ignore", exc::PyExc_ImportWarning, None),
            f("ignore", exc::PyExc_ResourceWarning, None),
        ])
    }
}

/// An attribute of the `warnings` module if it has been imported (it may
/// have replaced the filters, the once-registry or the display function).
fn warnings_attr(name: &str) -> PyResult<Option<PyObj>> {
    let Some(m) = dict::get_item_rs(&crate::interp::interp().modules, "warnings") else {
        return Ok(None);
    };
    if none::is_none(&m) {
        return Ok(None);
    }
    ab::getattr_str_opt(&m, name)
}

fn filters() -> PyResult<PyObj> {
    if let Some(f) = warnings_attr("filters")? {
        if !list::is_list(&f) {
            return Err(err::value_error("_warnings.filters must be a list"));
        }
        state().filters = f;
    }
    Ok(state().filters.clone())
}

fn once_registry() -> PyResult<PyObj> {
    if let Some(r) = warnings_attr("_onceregistry")? {
        if !dict::is_dict(&r) {
            return Err(err::type_error(format!(
                "_warnings.onceregistry must be a dict, not '{}'",
                type_name(r.ob_type())
            )));
        }
        state().once = r;
    }
    Ok(state().once.clone())
}

fn default_action() -> PyResult<PyObj> {
    if let Some(a) = warnings_attr("defaultaction")? {
        if !unicode::is_str(&a) {
            return Err(err::type_error(format!(
                "_warnings.defaultaction must be a string, not '{}'",
                type_name(a.ob_type())
            )));
        }
        state().default_action = a;
    }
    Ok(state().default_action.clone())
}

/// A filter field matches when it is None, an equal str, or an object
/// (a compiled pattern) whose `match(arg)` is true.
fn matched(pattern: &PyObj, arg: &PyObj) -> PyResult<bool> {
    if none::is_none(pattern) {
        return Ok(true);
    }
    if unicode::is_str(pattern) {
        return ab::rich_compare_bool(pattern, arg, crate::object::PY_EQ);
    }
    ab::is_true(&ab::call_method(pattern, "match", std::slice::from_ref(arg))?)
}

/// The action of the first filter matching (and that filter), or the
/// default action.
fn get_filter(category: &PyObj, text: &PyObj, lineno: i64, module: &PyObj) -> PyResult<(PyObj, PyObj)> {
    let fl = filters()?;
    let mut i = 0;
    while i < list::len(&fl) {
        let item = list::get(&fl, i);
        if !tuple::is_tuple(&item) || tuple::len(&item) != 5 {
            return Err(err::value_error(format!("_warnings.filters item {} isn't a 5-tuple", i)));
        }
        let f = tuple::items(&item).to_vec();
        let ln = ab::to_i64(&f[4])?;
        if matched(&f[1], text)? && matched(&f[3], module)? && ab::issubclass(category, &f[2])? && (ln == 0 || ln == lineno) {
            return Ok((f[0].clone(), item));
        }
        i += 1;
    }
    Ok((default_action()?, none::none()))
}

/// True if `key` was already warned about under the current filters; the
/// registry forgets everything when the filters changed since it was filled.
fn already_warned(registry: &PyObj, key: &PyObj, set: bool) -> PyResult<bool> {
    let version = long::from_i64(state().version);
    match dict::get_item_rs(registry, "version") {
        Some(v) if ab::rich_compare_bool(&v, &version, crate::object::PY_EQ)? => {
            if let Some(a) = dict::get_item(registry, key)? {
                if ab::is_true(&a)? {
                    return Ok(true);
                }
            }
        }
        _ => {
            ab::call_method(registry, "clear", &[])?;
            dict::set_item_rs(registry, "version", version);
        }
    }
    if set {
        dict::set_item(registry, key.clone(), boolobject::new(true))?;
    }
    Ok(false)
}

fn update_registry(registry: &PyObj, text: &PyObj, category: &PyObj, with_zero: bool) -> PyResult<bool> {
    let key = if with_zero {
        tuple::new(vec![text.clone(), category.clone(), long::from_i64(0)])
    } else {
        tuple::new(vec![text.clone(), category.clone()])
    };
    already_warned(registry, &key, true)
}

/// "file:line: Category: text" and the stripped source line, on sys.stderr,
/// as warnings.py formats it (CPython always has it imported); a warning
/// about an object (`source`) adds warnings.py's tracemalloc hint.
fn show_default(filename: &PyObj, lineno: i64, text: &PyObj, category: &PyObj, source: &PyObj) -> PyResult<()> {
    let name = ab::getattr_str(category, "__name__").and_then(|n| ab::str_string(&n)).unwrap_or_else(|_| "?".into());
    let fname = ab::str_string(filename)?;
    let mut s = format!("{}:{}: {}: {}\n", fname, lineno, name, ab::str_string(text)?);
    if let Some(line) = crate::interp::traceback_print::source_line(&fname, lineno.max(0) as u32) {
        let line = line.trim();
        if !line.is_empty() {
            s.push_str(&format!("  {}\n", line));
        }
    }
    if !none::is_none(source) {
        s.push_str(&format!("{}: Enable tracemalloc to get the object allocation traceback\n", name));
    }
    match crate::sysmodule::get_opt("stderr").filter(|e| !none::is_none(e)) {
        Some(e) => {
            ab::call_method(&e, "write", &[unicode::new(&s)])?;
        }
        None => crate::stdio::write_stderr_raw("lost sys.stderr\n"),
    }
    Ok(())
}

fn show(message: &PyObj, category: &PyObj, filename: &PyObj, lineno: i64, text: &PyObj, source: &PyObj) -> PyResult<()> {
    let Some(show_fn) = warnings_attr("_showwarnmsg")? else {
        return show_default(filename, lineno, text, category, source);
    };
    if !crate::bltinmodule::is_callable(&show_fn) {
        return Err(err::type_error("warnings._showwarnmsg() must be set to a callable"));
    }
    let cls = warnings_attr("WarningMessage")?.ok_or_else(|| err::runtime_error("unable to get warnings.WarningMessage"))?;
    let msg = ab::call(
        &cls,
        &[message.clone(), category.clone(), filename.clone(), long::from_i64(lineno), none::none(), none::none(), source.clone()],
        None,
    )?;
    ab::call1(&show_fn, &msg)?;
    Ok(())
}

/// `warn_explicit`: filters, registries and display, as CPython's.
#[allow(clippy::too_many_arguments)]
fn warn_explicit_obj(
    category: &PyObj,
    message: &PyObj,
    filename: &PyObj,
    lineno: i64,
    module: Option<PyObj>,
    registry: Option<PyObj>,
    source: &PyObj,
) -> PyResult<()> {
    let module = match module {
        Some(m) => m,
        None => {
            let f = ab::str_string(filename)?;
            unicode::new(if f.is_empty() { "<unknown>" } else { f.strip_suffix(".py").unwrap_or(&f) })
        }
    };
    if let Some(r) = &registry {
        if !dict::is_dict(r) {
            return Err(err::type_error("'registry' must be a dict or None"));
        }
    }
    let (text, category, message) = if exc::is_exception_instance(message)
        && unsafe { typeobj::is_subtype(message.ob_type(), exc::PyExc_Warning) }
    {
        (ab::str(message)?, message.type_obj(), message.clone())
    } else {
        let m = ab::call1(category, message)?;
        (message.clone(), category.clone(), m)
    };
    let key = tuple::new(vec![text.clone(), category.clone(), long::from_i64(lineno)]);
    if let Some(r) = &registry {
        if already_warned(r, &key, false)? {
            return Ok(());
        }
    }
    let (action, item) = get_filter(&category, &text, lineno, &module)?;
    let act = ab::str_string(&action)?;
    if act == "error" {
        return Err(PyErr(message));
    }
    if act == "ignore" {
        return Ok(());
    }
    let mut seen = false;
    if act != "always" {
        if let Some(r) = &registry {
            dict::set_item(r, key, boolobject::new(true))?;
        }
        match act.as_str() {
            "once" => {
                let r = match &registry {
                    Some(r) => r.clone(),
                    None => once_registry()?,
                };
                seen = update_registry(&r, &text, &category, false)?;
            }
            "module" => {
                if let Some(r) = &registry {
                    seen = update_registry(r, &text, &category, true)?;
                }
            }
            "default" => {}
            _ => {
                return Err(err::runtime_error(format!(
                    "Unrecognized action ({}) in warnings.filters:\n {}",
                    ab::repr_string(&action)?,
                    ab::repr_string(&item)?
                )))
            }
        }
    }
    if seen {
        return Ok(());
    }
    show(&message, &category, filename, lineno, &text, source)
}

fn is_internal_frame(f: *mut crate::objects::frame::PyFrameObject) -> bool {
    let code = crate::objects::frame::code_of(f);
    match ab::getattr_str(code, "co_filename").ok().filter(|s| unicode::is_str(s)) {
        Some(s) => {
            let s = unicode::to_string_lossy(&s);
            s.contains("importlib") && s.contains("_bootstrap")
        }
        None => false,
    }
}

/// (filename, lineno, module, registry) of the frame `stacklevel` up,
/// skipping importlib's bootstrap frames as CPython 3.11 does.
fn setup_context(stacklevel: i64) -> PyResult<(PyObj, i64, PyObj, PyObj)> {
    use crate::objects::frame::PyFrameObject;
    let mut f = crate::interp::current_frame();
    let mut level = stacklevel;
    unsafe {
        let back = |f: *mut PyFrameObject| (*f).f_back as *mut PyFrameObject;
        if level <= 0 || f.is_null() || is_internal_frame(f) {
            while { level -= 1; level > 0 } && !f.is_null() {
                f = back(f);
            }
        } else {
            while { level -= 1; level > 0 } && !f.is_null() {
                f = back(f);
                while !f.is_null() && is_internal_frame(f) {
                    f = back(f);
                }
            }
        }
        let (globals, filename, lineno) = if f.is_null() {
            let sys = dict::get_item_rs(&crate::interp::interp().modules, "sys").ok_or_else(|| err::runtime_error("lost sys"))?;
            (module::get_dict(&sys), unicode::new("sys"), 1)
        } else {
            let code = crate::objects::frame::code_of(f);
            (PyObj::from_borrowed((*f).globals), ab::getattr_str(code, "co_filename")?, crate::objects::frame::lineno(f) as i64)
        };
        let module = dict::get_item_rs(&globals, "__name__")
            .filter(|m| unicode::is_str(m))
            .unwrap_or_else(|| unicode::new("<string>"));
        let registry = match dict::get_item_rs(&globals, "__warningregistry__") {
            Some(r) => r,
            None => {
                let r = dict::new();
                dict::set_item_rs(&globals, "__warningregistry__", r.clone());
                r
            }
        };
        Ok((filename, lineno, module, registry))
    }
}

fn check_category(message: &PyObj, category: Option<PyObj>) -> PyResult<PyObj> {
    if exc::is_exception_instance(message) && unsafe { typeobj::is_subtype(message.ob_type(), exc::PyExc_Warning) } {
        return Ok(message.type_obj());
    }
    let cat = match category.filter(|c| !none::is_none(c)) {
        Some(c) => c,
        None => typeobj::type_obj(unsafe { exc::PyExc_UserWarning }),
    };
    let ok = typeobj::is_type(&cat) && unsafe { typeobj::is_subtype(typeobj::as_type(&cat), exc::PyExc_Warning) };
    if !ok {
        return Err(err::type_error(format!(
            "category must be a Warning subclass, not '{}'",
            type_name(cat.ob_type())
        )));
    }
    Ok(cat)
}

fn do_warn(message: &PyObj, category: &PyObj, stacklevel: i64, source: &PyObj) -> PyResult<()> {
    let (filename, lineno, module, registry) = setup_context(stacklevel)?;
    warn_explicit_obj(category, message, &filename, lineno, Some(module), Some(registry), source)
}

// ------------------------------------------------------------------ Rust API

/// `PyErr_WarnEx`: a warning of `category` attributed to the Python code
/// `stacklevel` frames up (1 = the code running now).
pub fn warn(category: *mut PyTypeObject, msg: &str, stacklevel: i64) -> PyResult<()> {
    do_warn(&unicode::new(msg), &typeobj::type_obj(category), stacklevel, &none::none())
}

/// `PyErr_WarnExplicit` with no module or registry (as the compiler uses it).
pub fn warn_explicit(category: *mut PyTypeObject, msg: &str, filename: &str, lineno: i64) -> PyResult<()> {
    warn_explicit_obj(&typeobj::type_obj(category), &unicode::new(msg), &unicode::new(filename), lineno, None, None, &none::none())
}

/// A DeprecationWarning attributed to the running Python code.
pub fn deprecation(msg: &str) -> PyResult<()> {
    warn(unsafe { exc::PyExc_DeprecationWarning }, msg, 1)
}

/// "X returned non-int (type T).  The ability to return an instance of a
/// strict subclass of int is deprecated, ..." for `what` = int/float/complex.
pub fn strict_subclass_deprecated(returned: &str, what: &str) -> PyResult<()> {
    deprecation(&format!(
        "{}.  The ability to return an instance of a strict subclass of {} is deprecated, and may be removed in a future version of Python.",
        returned, what
    ))
}

/// The RuntimeWarning for a coroutine collected before it was ever awaited
/// (warnings._warn_unawaited_coroutine when warnings.py is loaded).
pub fn warn_unawaited_coroutine(coro: &PyObj) -> PyResult<()> {
    if let Some(f) = warnings_attr("_warn_unawaited_coroutine")? {
        return ab::call1(&f, coro).map(|_| ());
    }
    let qualname = ab::str_string(&ab::getattr_str(coro, "__qualname__")?)?;
    let msg = unicode::new(&format!("coroutine '{}' was never awaited", qualname));
    do_warn(&msg, &typeobj::type_obj(unsafe { exc::PyExc_RuntimeWarning }), 1, coro)
}

/// Which warning the parser or compiler found.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CompileWarning {
    Deprecation,
    Syntax,
}

/// A warning found while compiling, with the source range it is about.
#[derive(Clone, Debug)]
pub struct Pending {
    pub kind: CompileWarning,
    pub msg: String,
    pub range: crate::ast::Range,
}

static mut PENDING: Vec<Pending> = Vec::new();

/// Queues a compile-time warning (issued by `emit_compile_warnings`).
pub fn defer(kind: CompileWarning, msg: impl Into<String>, range: crate::ast::Range) {
    unsafe { (*(&raw mut PENDING)).push(Pending { kind, msg: msg.into(), range }) }
}

pub fn take_pending() -> Vec<Pending> {
    unsafe { std::mem::take(&mut *(&raw mut PENDING)) }
}

/// Issues the queued compile warnings for `filename`. A warning that the
/// filters turn into an error becomes a SyntaxError at its location, as in
/// CPython's compiler; that error is returned.
pub fn emit_compile_warnings(filename: &str, source: &str) -> Option<PyErr> {
    for p in take_pending() {
        let cat = unsafe {
            match p.kind {
                CompileWarning::Deprecation => exc::PyExc_DeprecationWarning,
                CompileWarning::Syntax => exc::PyExc_SyntaxWarning,
            }
        };
        if let Err(e) = warn_explicit(cat, &p.msg, filename, p.range.lineno as i64) {
            take_pending();
            if !e.matches(cat) {
                return Some(e);
            }
            let r = p.range;
            let map = crate::parser::SourceMap::new(source);
            let pe = map.error(crate::parser::ErrorKind::SyntaxError, p.msg.clone(), r.lineno, r.col_offset, r.end_lineno, r.end_col_offset);
            return Some(crate::interp::syntax_error_from(&pe, filename));
        }
    }
    None
}

// ------------------------------------------------------------------ module

const ARG_NAMES: [&str; 4] = ["message", "category", "filename", "lineno"];

/// Argument Clinic's "f() missing required argument 'x' (pos N)".
fn require(a: &[Option<PyObj>], fname: &str, n: usize) -> PyResult<()> {
    match a[..n].iter().position(|x| x.is_none()) {
        Some(i) => Err(err::type_error(format!(
            "{}() missing required argument '{}' (pos {})",
            fname,
            ARG_NAMES[i],
            i + 1
        ))),
        None => Ok(()),
    }
}

crate::fastcall_kw!(py_warn, |slf, args, kw| {
    let a = bind_args("warn", args, kw, &["message", "category", "stacklevel", "source"], 0, 0)?;
    require(&a, "warn", 1)?;
    let message = a[0].clone().unwrap_or_else(none::none);
    let category = check_category(&message, a[1].clone())?;
    let stacklevel = match &a[2] {
        Some(s) => ab::index_to_ssize(s, None)? as i64,
        None => 1,
    };
    do_warn(&message, &category, stacklevel, &a[3].clone().unwrap_or_else(none::none))?;
    Ok(none::none())
});

crate::fastcall_kw!(py_warn_explicit, |slf, args, kw| {
    let a = bind_args(
        "warn_explicit",
        args,
        kw,
        &["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"],
        0,
        0,
    )?;
    require(&a, "warn_explicit", 4)?;
    let message = a[0].clone().unwrap_or_else(none::none);
    let category = a[1].clone().unwrap_or_else(none::none);
    let filename = a[2].clone().unwrap_or_else(none::none);
    if !unicode::is_str(&filename) {
        return Err(err::type_error(format!(
            "warn_explicit() argument 3 must be str, not {}",
            type_name(filename.ob_type())
        )));
    }
    let lineno = ab::to_i64(a[3].as_ref().unwrap_or(&none::none()))?;
    if let Some(g) = a[6].as_ref().filter(|g| !none::is_none(g)) {
        if !dict::is_dict(g) {
            return Err(err::type_error(format!("module_globals must be a dict, not '{}'", type_name(g.ob_type()))));
        }
    }
    let registry = a[5].clone().filter(|r| !none::is_none(r));
    let module = a[4].clone();
    warn_explicit_obj(&category, &message, &filename, lineno, module, registry, &a[7].clone().unwrap_or_else(none::none))?;
    Ok(none::none())
});

crate::fastcall!(py_filters_mutated, |slf, args| {
    state().version += 1;
    Ok(none::none())
});

pub fn init_module() -> PyResult<PyObj> {
    let m = module::new("_warnings");
    let d = module::get_dict(&m);
    dict::set_item_rs(&d, "__doc__", unicode::new("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up."));
    let st = state();
    dict::set_item_rs(&d, "filters", st.filters.clone());
    dict::set_item_rs(&d, "_onceregistry", st.once.clone());
    dict::set_item_rs(&d, "_defaultaction", st.default_action.clone());
    crate::sysmodule::add_functions(&m, &[
        ("warn", py_warn as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("warn_explicit", py_warn_explicit as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("_filters_mutated", py_filters_mutated as *const c_void, meth::FASTCALL),
    ]);
    Ok(m)
}
