//! The `sys` module: interpreter parameters and functions that reach into
//! the running interpreter (recursion limit, frames, exceptions, streams).

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{boolobject, dict, float, list, long, module, none, tuple, unicode};
use crate::objref::PyObj;
use std::os::raw::c_void;

pub struct Config {
    pub argv: Vec<String>,
    pub executable: String,
    pub path0: Option<String>,
    pub ignore_environment: bool,
    pub isolated: bool,
    pub no_site: bool,
    pub dont_write_bytecode: bool,
    pub unbuffered: bool,
    pub inspect: bool,
    pub optimize: u32,
    pub stdlib_dir: Option<String>,
    pub warnoptions: Vec<String>,
    pub xoptions: Vec<String>,
    pub quiet: bool,
}

/// Builds sys.stdin/stdout/stderr (the `_io` stack, from the stdlib crate).
pub type StdStreamsHook = fn(&Config) -> PyResult<(PyObj, PyObj, PyObj)>;
static mut STD_STREAMS_HOOK: Option<StdStreamsHook> = None;

pub fn set_std_streams_hook(h: StdStreamsHook) {
    unsafe { STD_STREAMS_HOOK = Some(h) };
}

pub fn sys_module() -> Option<PyObj> {
    crate::interp::interp_opt().and_then(|i| i.sys.clone())
}

/// `sys.<name>` if set.
pub fn get_opt(name: &str) -> Option<PyObj> {
    sys_module().and_then(|s| dict::get_item_rs(&module::get_dict(&s), name))
}

pub fn set(name: &str, v: PyObj) {
    if let Some(s) = sys_module() {
        dict::set_item_rs(&module::get_dict(&s), name, v);
    }
}

/// Writes text to `sys.<name>` (stdout/stderr) through its `write`.
pub fn write_to_sys_stream(name: &str, s: &str) -> std::io::Result<()> {
    let Some(f) = get_opt(name) else {
        return Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no stream"));
    };
    if none::is_none(&f) {
        return Ok(());
    }
    let r = if crate::objects::fileopen::is_fast_text_stream(&f) {
        crate::objects::fileopen::fast_text_write(&f, &unicode::new(s))
    } else {
        crate::abstract_::call_method(&f, "write", &[unicode::new(s)]).map(|_| ())
    };
    r.map_err(|_| std::io::Error::new(std::io::ErrorKind::Other, "write failed"))
}

/// `sys.displayhook`: prints repr(v) and stores it in builtins._.
pub fn displayhook(v: &PyObj) -> PyResult<()> {
    if let Some(h) = get_opt("displayhook") {
        if !crate::objects::methodobject::is_cfunction(&h) {
            crate::abstract_::call1(&h, v)?;
            return Ok(());
        }
    }
    default_displayhook(v)
}

fn default_displayhook(v: &PyObj) -> PyResult<()> {
    if none::is_none(v) {
        return Ok(());
    }
    let bd = crate::interp::interp().builtins_dict.clone();
    dict::set_item_rs(&bd, "_", none::none());
    let r = crate::abstract_::repr(v)?;
    let out = get_opt("stdout").ok_or_else(|| err::runtime_error("lost sys.stdout"))?;
    crate::abstract_::call_method(&out, "write", &[r])?;
    crate::abstract_::call_method(&out, "write", &[unicode::new("\n")])?;
    dict::set_item_rs(&bd, "_", v.clone());
    Ok(())
}

crate::onearg!(sys_displayhook, |slf, v| { default_displayhook(v.unwrap()).map(|_| none::none()) });

crate::fastcall!(sys_excepthook, |slf, args| {
    crate::objects::methodobject::check_nargs("excepthook", args, 3, 3)?;
    crate::interp::traceback_print::print_exception_to_stderr(&args[1]);
    Ok(none::none())
});

crate::fastcall!(sys_exit, |slf, args| {
    crate::objects::methodobject::check_nargs("exit", args, 0, 1)?;
    let e = crate::err::with_args(unsafe { crate::objects::exceptions::PyExc_SystemExit }, args);
    Err(e)
});

crate::fastcall!(sys_getrecursionlimit, |slf, args| {
    Ok(long::from_i64(crate::interp::tstate().recursion_limit as i64))
});

crate::fastcall!(sys_setrecursionlimit, |slf, args| {
    crate::objects::methodobject::check_nargs("setrecursionlimit", args, 1, 1)?;
    if crate::objects::float::is_float(&args[0]) {
        return Err(err::type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = crate::abstract_::to_i64(&args[0])?;
    if n < 1 {
        return Err(err::value_error("recursion limit must be greater or equal than 1"));
    }
    let ts = crate::interp::tstate();
    let depth = ts.recursion_depth();
    if n <= depth as i64 {
        return Err(err::recursion_error(format!(
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            n, depth
        )));
    }
    ts.set_recursion_limit(n.min(i32::MAX as i64 / 2) as u32);
    Ok(none::none())
});

crate::onearg!(sys_getrefcount, |slf, o| { Ok(long::from_i64(o.unwrap().refcnt() as i64)) });

crate::fastcall!(sys_getsizeof, |slf, args| {
    crate::objects::methodobject::check_nargs("getsizeof", args, 1, 2)?;
    let o = &args[0];
    let r = match crate::abstract_::call_special(o, "__sizeof__", &[])? {
        Some(r) => r,
        None => return Err(err::type_error(format!("Type {} doesn't define __sizeof__", crate::typeobj::type_name(o.ob_type())))),
    };
    let mut n = crate::abstract_::to_i64(&r)?;
    if n < 0 {
        return Err(err::value_error("__sizeof__() should return >= 0"));
    }
    if unsafe { crate::alloc::type_is_gc(o.ob_type()) } {
        n += std::mem::size_of::<PyGC_Head>() as i64;
    }
    Ok(long::from_i64(n))
});

crate::onearg!(sys_intern, |slf, s| {
    let s = s.unwrap();
    if !unicode::is_exact_str(s) {
        return Err(err::type_error(format!(
            "intern() argument must be str, not {}",
            crate::typeobj::type_name(s.ob_type())
        )));
    }
    Ok(unicode::intern_obj(s))
});

crate::fastcall!(sys_exc_info, |slf, args| {
    Ok(match crate::interp::handled_exception() {
        Some(e) => tuple::new(vec![
            e.type_obj(),
            e.clone(),
            crate::objects::exceptions::traceback(&e).unwrap_or_else(none::none),
        ]),
        None => tuple::new(vec![none::none(), none::none(), none::none()]),
    })
});

crate::fastcall!(sys_exception, |slf, args| {
    Ok(crate::interp::handled_exception().unwrap_or_else(none::none))
});

crate::fastcall!(sys_getframe, |slf, args| {
    crate::objects::methodobject::check_nargs("_getframe", args, 0, 1)?;
    let mut depth = match args.first() {
        Some(a) => crate::abstract_::to_i64(a)?,
        None => 0,
    };
    let mut f = crate::interp::current_frame() as *mut PyObject;
    unsafe {
        while depth > 0 && !f.is_null() {
            f = (*(f as *mut crate::objects::frame::PyFrameObject)).f_back;
            depth -= 1;
        }
        if f.is_null() {
            return Err(err::value_error("call stack is not deep enough"));
        }
        crate::objects::frame::ensure_tracked(f as *mut crate::objects::frame::PyFrameObject);
        Ok(PyObj::from_borrowed(f))
    }
});

crate::fastcall!(sys_getdefaultencoding, |slf, args| { Ok(unicode::new("utf-8")) });
crate::fastcall!(sys_getfilesystemencoding, |slf, args| { Ok(unicode::new("utf-8")) });
crate::fastcall!(sys_getfilesystemencodeerrors, |slf, args| { Ok(unicode::new("surrogateescape")) });
crate::fastcall!(sys_gettrace, |slf, args| { Ok(none::none()) });
crate::fastcall!(sys_getprofile, |slf, args| { Ok(none::none()) });
crate::fastcall!(sys_settrace, |slf, args| { Ok(none::none()) });
crate::fastcall!(sys_setprofile, |slf, args| { Ok(none::none()) });
crate::fastcall!(sys_is_finalizing, |slf, args| { Ok(boolobject::new(false)) });
crate::fastcall!(sys_getswitchinterval, |slf, args| { Ok(float::new(0.005)) });
crate::fastcall!(sys_setswitchinterval, |slf, args| { Ok(none::none()) });
crate::fastcall!(sys_audit, |slf, args| { Ok(none::none()) });
crate::fastcall!(sys_addaudithook, |slf, args| { Ok(none::none()) });
crate::fastcall!(sys_get_int_max_str_digits, |slf, args| {
    Ok(long::from_usize(crate::objects::long_methods::max_str_digits()))
});
crate::fastcall_kw!(sys_set_int_max_str_digits, |slf, args, kw| {
    let a = crate::objects::methodobject::bind_args("set_int_max_str_digits", args, kw, &["maxdigits"], 1, 0)?;
    let n = crate::abstract_::index_to_ssize(a[0].as_ref().unwrap(), None)?;
    if n != 0 && n < 640 {
        return Err(crate::err::value_error("maxdigits must be 0 or larger than 640"));
    }
    long::MAX_STR_DIGITS.store(n as usize, std::sync::atomic::Ordering::Relaxed);
    Ok(none::none())
});

crate::fastcall_kw!(sys_set_asyncgen_hooks, |slf, args, kw| {
    let a = crate::objects::methodobject::bind_args("set_asyncgen_hooks", args, kw, &["firstiter", "finalizer"], 0, 0)?;
    let check = |v: &Option<PyObj>, what: &str| -> PyResult<Option<Option<PyObj>>> {
        match v {
            None => Ok(None),
            Some(x) if none::is_none(x) => Ok(Some(None)),
            Some(x) if crate::bltinmodule::is_callable(x) => Ok(Some(Some(x.clone()))),
            Some(x) => Err(err::type_error(format!(
                "callable {} expected, got {}", what, crate::typeobj::type_name(x.ob_type())))),
        }
    };
    // CPython validates the finalizer first.
    let fin = check(&a[1], "finalizer")?;
    let first = check(&a[0], "firstiter")?;
    let ts = crate::interp::tstate();
    if let Some(f) = fin {
        ts.asyncgen_finalizer = f;
    }
    if let Some(f) = first {
        ts.asyncgen_firstiter = f;
    }
    Ok(none::none())
});

crate::fastcall!(sys_get_asyncgen_hooks, |slf, args| {
    crate::objects::methodobject::check_nargs("get_asyncgen_hooks", args, 0, 0)?;
    let ts = crate::interp::tstate();
    let or_none = |v: &Option<PyObj>| v.clone().unwrap_or_else(none::none);
    Ok(named_tuple("asyncgen_hooks", &[
        ("firstiter", or_none(&ts.asyncgen_firstiter)),
        ("finalizer", or_none(&ts.asyncgen_finalizer)),
    ]))
});

crate::fastcall_kw!(sys_set_coroutine_origin_tracking_depth, |slf, args, kw| {
    let a = crate::objects::methodobject::bind_args("set_coroutine_origin_tracking_depth", args, kw, &["depth"], 1, 0)?;
    let d = crate::abstract_::index_to_ssize(a[0].as_ref().unwrap(), None)?;
    if d < 0 {
        return Err(err::value_error("depth must be >= 0"));
    }
    crate::interp::tstate().coro_origin_depth = d.min(i32::MAX as isize) as i32;
    Ok(none::none())
});

crate::fastcall!(sys_get_coroutine_origin_tracking_depth, |slf, args| {
    Ok(long::from_i64(crate::interp::tstate().coro_origin_depth as i64))
});

/// `sys.getdlopenflags()` / `setdlopenflags()`: kept for extension loading.
static DLOPEN_FLAGS: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(2); // RTLD_NOW

crate::fastcall!(sys_getdlopenflags, |slf, args| {
    Ok(long::from_i64(DLOPEN_FLAGS.load(std::sync::atomic::Ordering::Relaxed) as i64))
});

crate::onearg!(sys_setdlopenflags, |slf, v| {
    let v = v.unwrap();
    if crate::objects::float::is_float(v) {
        return Err(err::type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = crate::abstract_::to_i64(v)?;
    let n = i32::try_from(n).map_err(|_| err::overflow_error("Python int too large to convert to C int"))?;
    DLOPEN_FLAGS.store(n, std::sync::atomic::Ordering::Relaxed);
    Ok(none::none())
});

crate::fastcall!(sys_clear_type_cache, |slf, args| { Ok(none::none()) });
crate::fastcall!(sys_getallocatedblocks, |slf, args| { Ok(long::from_i64(0)) });

crate::fastcall!(sys_call_tracing, |slf, args| {
    crate::objects::methodobject::check_nargs("call_tracing", args, 2, 2)?;
    if !tuple::is_tuple(&args[1]) {
        return Err(err::type_error(format!(
            "call_tracing() argument 2 must be tuple, not {}", crate::typeobj::type_name(args[1].ob_type()))));
    }
    crate::abstract_::call_tuple_dict(&args[0], &args[1], None)
});

/// A read-only record with named fields (a stand-in for struct sequences
/// such as `sys.version_info` until `structseq` exists): a tuple subclass
/// instance whose fields are also attributes.
pub fn named_tuple(type_name: &str, fields: &[(&str, PyObj)]) -> PyObj {
    crate::objects::structseq::new(type_name, fields)
}

pub fn create(cfg: &Config) -> PyObj {
    let m = module::new("sys");
    let d = module::get_dict(&m);
    let set = |k: &str, v: PyObj| dict::set_item_rs(&d, k, v);
    let strs = |v: &[String]| list::new(v.iter().map(|s| unicode::new(s)).collect());
    set("argv", strs(&cfg.argv));
    set("orig_argv", strs(&cfg.argv));
    set("executable", unicode::new(&cfg.executable));
    set("_base_executable", unicode::new(&cfg.executable));
    set("modules", crate::interp::interp().modules.clone());
    set("version", unicode::new(crate::VERSION_STRING));
    set("hexversion", long::from_i64(0x030b07f0));
    set("api_version", long::from_i64(1013));
    set("version_info", named_tuple("sys.version_info", &[
        ("major", long::from_i64(3)),
        ("minor", long::from_i64(11)),
        ("micro", long::from_i64(7)),
        ("releaselevel", unicode::new("final")),
        ("serial", long::from_i64(0)),
    ]));
    let vi = named_tuple("sys.version_info", &[
        ("major", long::from_i64(3)),
        ("minor", long::from_i64(11)),
        ("micro", long::from_i64(7)),
        ("releaselevel", unicode::new("final")),
        ("serial", long::from_i64(0)),
    ]);
    let imp = crate::objects::namespace::new(&[
        ("name", unicode::new("pyrite")),
        ("cache_tag", unicode::new("pyrite-311")),
        ("version", vi),
        ("hexversion", long::from_i64(0x030b07f0)),
        ("_multiarch", unicode::new("x86_64-linux-gnu")),
    ]);
    set("implementation", imp);
    set("platform", unicode::new("linux"));
    set("byteorder", unicode::new("little"));
    set("maxsize", long::from_i64(isize::MAX as i64));
    set("maxunicode", long::from_i64(0x10ffff));
    set("copyright", unicode::new("Copyright (c) Pyrite developers.\nPython is Copyright (c) 2001-2023 Python Software Foundation."));
    set("float_repr_style", unicode::new("short"));
    set("dont_write_bytecode", boolobject::new(cfg.dont_write_bytecode));
    // `-X pycache_prefix=PATH`, else PYTHONPYCACHEPREFIX, as in CPython.
    let prefix = cfg.xoptions.iter().rev().find_map(|x| x.strip_prefix("pycache_prefix=").map(str::to_string)).or_else(|| {
        if cfg.ignore_environment { None } else { std::env::var("PYTHONPYCACHEPREFIX").ok().filter(|v| !v.is_empty()) }
    });
    set("pycache_prefix", prefix.map(|p| unicode::new(&p)).unwrap_or_else(none::none));
    set("path_hooks", list::new_empty());
    set("path_importer_cache", dict::new());
    set("meta_path", list::new_empty());
    set("warnoptions", strs(&cfg.warnoptions));
    let xo = dict::new();
    for x in &cfg.xoptions {
        match x.split_once('=') {
            Some((k, v)) => dict::set_item_rs(&xo, k, unicode::new(v)),
            None => dict::set_item_rs(&xo, x, boolobject::new(true)),
        }
    }
    set("_xoptions", xo);
    let prefix = cfg.stdlib_dir.as_ref()
        .and_then(|s| std::path::Path::new(s).parent().and_then(|p| p.parent()).map(|p| p.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "/usr".into());
    for k in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        set(k, unicode::new(&prefix));
    }
    set("platlibdir", unicode::new("lib"));
    set("abiflags", unicode::new(""));
    set("_framework", unicode::new(""));
    set("_stdlib_dir", cfg.stdlib_dir.as_ref().map(|s| unicode::new(s)).unwrap_or_else(none::none));
    set("stdlib_module_names", crate::objects::setobject::frozenset_from_strs(&[]));
    set("builtin_module_names", tuple::new(crate::builtin_module_names().iter().map(|s| unicode::new(s)).collect()));
    set("flags", named_tuple("sys.flags", &[
        ("debug", long::from_i64(0)),
        ("inspect", long::from_i64(cfg.inspect as i64)),
        ("interactive", long::from_i64(cfg.inspect as i64)),
        ("optimize", long::from_i64(cfg.optimize as i64)),
        ("dont_write_bytecode", long::from_i64(cfg.dont_write_bytecode as i64)),
        ("no_user_site", long::from_i64(cfg.isolated as i64)),
        ("no_site", long::from_i64(cfg.no_site as i64)),
        ("ignore_environment", long::from_i64((cfg.ignore_environment || cfg.isolated) as i64)),
        ("verbose", long::from_i64(0)),
        ("bytes_warning", long::from_i64(0)),
        ("quiet", long::from_i64(cfg.quiet as i64)),
        ("hash_randomization", long::from_i64(1)),
        ("isolated", long::from_i64(cfg.isolated as i64)),
        ("dev_mode", boolobject::new(false)),
        ("utf8_mode", long::from_i64(1)),
        ("warn_default_encoding", long::from_i64(0)),
        ("safe_path", boolobject::new(cfg.isolated)),
        ("int_max_str_digits", long::from_i64(-1)),
    ]));
    set("float_info", named_tuple("sys.float_info", &[
        ("max", float::new(f64::MAX)),
        ("max_exp", long::from_i64(1024)),
        ("max_10_exp", long::from_i64(308)),
        ("min", float::new(f64::MIN_POSITIVE)),
        ("min_exp", long::from_i64(-1021)),
        ("min_10_exp", long::from_i64(-307)),
        ("dig", long::from_i64(15)),
        ("mant_dig", long::from_i64(53)),
        ("epsilon", float::new(f64::EPSILON)),
        ("radix", long::from_i64(2)),
        ("rounds", long::from_i64(1)),
    ]));
    set("int_info", named_tuple("sys.int_info", &[
        ("bits_per_digit", long::from_i64(30)),
        ("sizeof_digit", long::from_i64(4)),
        ("default_max_str_digits", long::from_i64(4300)),
        ("str_digits_check_threshold", long::from_i64(640)),
    ]));
    set("hash_info", named_tuple("sys.hash_info", &[
        ("width", long::from_i64(64)),
        ("modulus", long::from_i64(crate::hash::MODULUS as i64)),
        ("inf", long::from_i64(crate::hash::HASH_INF as i64)),
        ("nan", long::from_i64(0)),
        ("imag", long::from_i64(crate::hash::HASH_IMAG as i64)),
        ("algorithm", unicode::new("siphash13")),
        ("hash_bits", long::from_i64(64)),
        ("seed_bits", long::from_i64(128)),
        ("cutoff", long::from_i64(0)),
    ]));
    set("thread_info", named_tuple("sys.thread_info", &[
        ("name", unicode::new("pthread")),
        ("lock", unicode::new("mutex+cond")),
        ("version", none::none()),
    ]));
    let fns: &[(&str, *const c_void, i32)] = &[
        ("displayhook", sys_displayhook as *const c_void, meth::O),
        ("excepthook", sys_excepthook as *const c_void, meth::FASTCALL),
        ("exit", sys_exit as *const c_void, meth::FASTCALL),
        ("getrecursionlimit", sys_getrecursionlimit as *const c_void, meth::FASTCALL),
        ("setrecursionlimit", sys_setrecursionlimit as *const c_void, meth::FASTCALL),
        ("getrefcount", sys_getrefcount as *const c_void, meth::O),
        ("getsizeof", sys_getsizeof as *const c_void, meth::FASTCALL),
        ("intern", sys_intern as *const c_void, meth::O),
        ("exc_info", sys_exc_info as *const c_void, meth::FASTCALL),
        ("exception", sys_exception as *const c_void, meth::FASTCALL),
        ("_getframe", sys_getframe as *const c_void, meth::FASTCALL),
        ("getdefaultencoding", sys_getdefaultencoding as *const c_void, meth::FASTCALL),
        ("getfilesystemencoding", sys_getfilesystemencoding as *const c_void, meth::FASTCALL),
        ("getfilesystemencodeerrors", sys_getfilesystemencodeerrors as *const c_void, meth::FASTCALL),
        ("gettrace", sys_gettrace as *const c_void, meth::FASTCALL),
        ("getprofile", sys_getprofile as *const c_void, meth::FASTCALL),
        ("settrace", sys_settrace as *const c_void, meth::FASTCALL),
        ("setprofile", sys_setprofile as *const c_void, meth::FASTCALL),
        ("is_finalizing", sys_is_finalizing as *const c_void, meth::FASTCALL),
        ("getswitchinterval", sys_getswitchinterval as *const c_void, meth::FASTCALL),
        ("setswitchinterval", sys_setswitchinterval as *const c_void, meth::FASTCALL),
        ("audit", sys_audit as *const c_void, meth::FASTCALL),
        ("addaudithook", sys_addaudithook as *const c_void, meth::FASTCALL),
        ("get_int_max_str_digits", sys_get_int_max_str_digits as *const c_void, meth::FASTCALL),
        ("set_int_max_str_digits", sys_set_int_max_str_digits as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("set_asyncgen_hooks", sys_set_asyncgen_hooks as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("get_asyncgen_hooks", sys_get_asyncgen_hooks as *const c_void, meth::FASTCALL),
        ("set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth as *const c_void,
            meth::FASTCALL | meth::KEYWORDS),
        ("get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth as *const c_void, meth::FASTCALL),
        ("getdlopenflags", sys_getdlopenflags as *const c_void, meth::FASTCALL),
        ("setdlopenflags", sys_setdlopenflags as *const c_void, meth::O),
        ("_clear_type_cache", sys_clear_type_cache as *const c_void, meth::FASTCALL),
        ("getallocatedblocks", sys_getallocatedblocks as *const c_void, meth::FASTCALL),
        ("call_tracing", sys_call_tracing as *const c_void, meth::FASTCALL),
    ];
    add_functions(&m, fns);
    set("__displayhook__", dict::get_item_rs(&d, "displayhook").unwrap());
    set("__excepthook__", dict::get_item_rs(&d, "excepthook").unwrap());
    // Standard streams.
    let (stdin, stdout, stderr) = match unsafe { STD_STREAMS_HOOK }.map(|h| h(cfg)) {
        Some(Ok(s)) => s,
        _ => {
            let stdout_tty = crate::objects::textio::isatty(1);
            (
                crate::objects::textio::new(0, "<stdin>", "r", false, false),
                crate::objects::textio::new(1, "<stdout>", "w", stdout_tty || cfg.unbuffered, false),
                crate::objects::textio::new(2, "<stderr>", "w", true, false),
            )
        }
    };
    set("stdin", stdin.clone());
    set("stdout", stdout.clone());
    set("stderr", stderr.clone());
    set("__stdin__", stdin);
    set("__stdout__", stdout);
    set("__stderr__", stderr);
    m
}

/// Adds builtin functions to a module from (name, function, flags).
pub fn add_functions(m: &PyObj, fns: &[(&str, *const c_void, i32)]) {
    let entries: Vec<(&str, *const c_void, i32, &str)> = fns.iter().map(|(n, f, fl)| (*n, *f, *fl, "")).collect();
    let table = crate::objects::methodobject::method_table(&entries);
    let d = module::get_dict(m);
    let mname = unicode::new(&module::name(m));
    unsafe {
        for i in 0..fns.len() {
            let ml = table.add(i);
            let f = crate::objects::methodobject::new_cfunction(ml, Some(m.clone()), Some(mname.clone()));
            dict::set_item_rs(&d, fns[i].0, f);
        }
    }
}
