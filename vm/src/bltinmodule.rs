//! The `builtins` module: built-in functions and the names of the built-in
//! types and exceptions.

use crate::abstract_ as ab;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::methodobject::{bind_args, check_nargs, no_kwargs};
use crate::objects::{boolobject, dict, list, long, module, none, tuple, unicode};
use crate::objref::PyObj;
use crate::typeobj::{self, type_name};
use std::os::raw::c_void;

crate::fastcall_kw!(builtin_build_class, |slf, args, kw| { crate::interp::build_class(args, kw) });

crate::fastcall_kw!(builtin_import, |slf, args, kw| {
    let a = bind_args("__import__", args, kw, &["name", "globals", "locals", "fromlist", "level"], 1, 0)?;
    let name = a[0].clone().unwrap();
    let globals = a[1].clone().filter(|g| !none::is_none(g));
    let fromlist = a[3].clone().unwrap_or_else(tuple::empty);
    let level = a[4].clone().unwrap_or_else(|| long::from_i64(0));
    crate::import::import_module_level(&name, globals.as_ref(), &fromlist, &level)
});

crate::onearg!(builtin_aiter, |slf, x| {
    let x = x.unwrap();
    let am = unsafe { (*x.ob_type()).tp_as_async };
    if am.is_null() || unsafe { (*am).am_aiter.is_none() } {
        return Err(err::type_error(format!("'{}' object is not an async iterable", type_name(x.ob_type()))));
    }
    let it = unsafe { err::from_ptr(((*am).am_aiter.unwrap())(x.as_ptr()))? };
    let am2 = unsafe { (*it.ob_type()).tp_as_async };
    if am2.is_null() || unsafe { (*am2).am_anext.is_none() } {
        return Err(err::type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            type_name(it.ob_type())
        )));
    }
    Ok(it)
});

crate::fastcall!(builtin_anext, |slf, args| {
    check_nargs("anext", args, 1, 2)?;
    let it = &args[0];
    let am = unsafe { (*it.ob_type()).tp_as_async };
    if am.is_null() || unsafe { (*am).am_anext.is_none() } {
        return Err(err::type_error(format!(
            "'{}' object is not an async iterator",
            type_name(it.ob_type())
        )));
    }
    match args.get(1) {
        None => unsafe { err::from_ptr(((*am).am_anext.unwrap())(it.as_ptr())) },
        Some(d) => crate::objects::genobject::anext_awaitable_new(it, d.clone()),
    }
});

crate::onearg!(builtin_abs, |slf, x| { ab::absolute(x.unwrap()) });

crate::onearg!(builtin_all, |slf, x| {
    let it = ab::get_iter(x.unwrap())?;
    while let Some(v) = ab::next(&it)? {
        if !ab::is_true(&v)? {
            return Ok(boolobject::new(false));
        }
    }
    Ok(boolobject::new(true))
});

crate::onearg!(builtin_any, |slf, x| {
    let it = ab::get_iter(x.unwrap())?;
    while let Some(v) = ab::next(&it)? {
        if ab::is_true(&v)? {
            return Ok(boolobject::new(true));
        }
    }
    Ok(boolobject::new(false))
});

crate::onearg!(builtin_ascii, |slf, x| { crate::objects::unicode_methods::ascii(x.unwrap()) });

fn int_format(x: &PyObj, radix: u32) -> PyResult {
    let i = ab::index(x)?;
    let b = long::to_bigint(&i);
    Ok(unicode::new(&crate::format::int_to_prefixed(&b, radix)))
}

crate::onearg!(builtin_bin, |slf, x| { int_format(x.unwrap(), 2) });
crate::onearg!(builtin_oct, |slf, x| { int_format(x.unwrap(), 8) });
crate::onearg!(builtin_hex, |slf, x| { int_format(x.unwrap(), 16) });

pub fn is_callable(o: &PyObj) -> bool {
    unsafe { (*o.ob_type()).tp_call.is_some() || ab::vectorcall_func(o).is_some() || typeobj::is_type(o) }
}

crate::onearg!(builtin_callable, |slf, x| { Ok(boolobject::new(is_callable(x.unwrap()))) });

crate::onearg!(builtin_chr, |slf, x| {
    let x = x.unwrap();
    if !ab::has_index(x) {
        return Err(err::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(x.ob_type()))));
    }
    let i = ab::index(x)?;
    // The argument is a C int, as in CPython.
    match long::as_i64(&i).filter(|v| i32::try_from(*v).is_ok()) {
        Some(v) if (0..=0x10ffff).contains(&v) => Ok(unicode::from_char(v as u32)),
        Some(_) => Err(err::value_error("chr() arg not in range(0x110000)")),
        None => Err(err::overflow_error("Python int too large to convert to C int")),
    }
});

crate::onearg!(builtin_ord, |slf, x| {
    let x = x.unwrap();
    if unicode::is_str(x) {
        if unicode::len(x) == 1 {
            return Ok(long::from_i64(unicode::data(x).get(0) as i64));
        }
        return Err(err::type_error(format!(
            "ord() expected a character, but string of length {} found",
            unicode::len(x)
        )));
    }
    if crate::objects::bytes::is_bytes(x) || crate::objects::bytearray::is_bytearray(x) {
        let d = crate::objects::bytearray::bytes_like_data(x)?;
        if d.len() == 1 {
            return Ok(long::from_i64(d[0] as i64));
        }
        return Err(err::type_error(format!(
            "ord() expected a character, but string of length {} found",
            d.len()
        )));
    }
    Err(err::type_error(format!(
        "ord() expected string of length 1, but {} found",
        type_name(x.ob_type())
    )))
});

crate::fastcall!(builtin_delattr, |slf, args| {
    check_nargs("delattr", args, 2, 2)?;
    ab::setattr(&args[0], &args[1], None)?;
    Ok(none::none())
});

crate::fastcall!(builtin_getattr, |slf, args| {
    check_nargs("getattr", args, 2, 3)?;
    if !unicode::is_str(&args[1]) {
        return Err(err::type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(args[1].ob_type())
        )));
    }
    if args.len() == 3 {
        return Ok(ab::getattr_opt(&args[0], &args[1])?.unwrap_or_else(|| args[2].clone()));
    }
    ab::getattr(&args[0], &args[1])
});

crate::fastcall!(builtin_hasattr, |slf, args| {
    check_nargs("hasattr", args, 2, 2)?;
    if !unicode::is_str(&args[1]) {
        return Err(err::type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(args[1].ob_type())
        )));
    }
    Ok(boolobject::new(ab::hasattr(&args[0], &args[1])?))
});

crate::fastcall!(builtin_setattr, |slf, args| {
    check_nargs("setattr", args, 3, 3)?;
    ab::setattr(&args[0], &args[1], Some(&args[2]))?;
    Ok(none::none())
});

crate::fastcall!(builtin_dir, |slf, args| {
    check_nargs("dir", args, 0, 1)?;
    let l = match args.first() {
        None => {
            let f = crate::interp::current_frame();
            let locals = unsafe { crate::objects::frame::locals_dict(f) };
            list::new(crate::objects::dict_methods::mapping_keys(&locals)?)
        }
        Some(o) => {
            let r = ab::call_special(o, "__dir__", &[])?
                .ok_or_else(|| err::type_error("object does not provide __dir__"))?;
            list::new(ab::iterate(&r)?)
        }
    };
    crate::objects::list_methods::sort_list(&l, None, false)?;
    Ok(l)
});

crate::fastcall!(builtin_divmod, |slf, args| {
    check_nargs("divmod", args, 2, 2)?;
    crate::abstract_::divmod(&args[0], &args[1])
});

crate::fastcall!(builtin_format, |slf, args| {
    check_nargs("format", args, 1, 2)?;
    let spec = args.get(1).cloned().unwrap_or_else(unicode::empty);
    if !unicode::is_str(&spec) {
        return Err(err::type_error(format!(
            "format() argument 2 must be str, not {}",
            type_name(spec.ob_type())
        )));
    }
    ab::format(&args[0], &spec)
});

crate::fastcall!(builtin_globals, |slf, args| {
    crate::interp::current_globals().ok_or_else(|| err::system_error("no current frame"))
});

crate::fastcall!(builtin_locals, |slf, args| {
    let f = crate::interp::current_frame();
    if f.is_null() {
        return Err(err::system_error("no current frame"));
    }
    Ok(unsafe { crate::objects::frame::locals_dict(f) })
});

crate::fastcall!(builtin_vars, |slf, args| {
    check_nargs("vars", args, 0, 1)?;
    match args.first() {
        None => {
            let f = crate::interp::current_frame();
            Ok(unsafe { crate::objects::frame::locals_dict(f) })
        }
        Some(o) => ab::getattr_str_opt(o, "__dict__")?
            .ok_or_else(|| err::type_error("vars() argument must have __dict__ attribute")),
    }
});

crate::onearg!(builtin_hash, |slf, x| { Ok(long::from_i64(ab::hash(x.unwrap())? as i64)) });

crate::onearg!(builtin_id, |slf, x| { Ok(long::from_usize(x.unwrap().as_ptr() as usize)) });

crate::fastcall!(builtin_input, |slf, args| {
    check_nargs("input", args, 0, 1)?;
    let out = crate::sysmodule::get_opt("stdout").ok_or_else(|| err::runtime_error("input(): lost sys.stdout"))?;
    if let Some(p) = args.first() {
        let s = ab::str(p)?;
        ab::call_method(&out, "write", &[s])?;
    }
    let _ = ab::call_method(&out, "flush", &[]);
    let inp = crate::sysmodule::get_opt("stdin").ok_or_else(|| err::runtime_error("input(): lost sys.stdin"))?;
    let line = ab::call_method(&inp, "readline", &[])?;
    let s = unicode::to_string_lossy(&line);
    if s.is_empty() {
        return Err(err::eof_error("EOF when reading a line"));
    }
    Ok(unicode::new(s.strip_suffix('\n').unwrap_or(&s)))
});

crate::fastcall!(builtin_isinstance, |slf, args| {
    check_nargs("isinstance", args, 2, 2)?;
    Ok(boolobject::new(ab::isinstance(&args[0], &args[1])?))
});

crate::fastcall!(builtin_issubclass, |slf, args| {
    check_nargs("issubclass", args, 2, 2)?;
    Ok(boolobject::new(ab::issubclass(&args[0], &args[1])?))
});

crate::fastcall!(builtin_iter, |slf, args| {
    check_nargs("iter", args, 1, 2)?;
    if args.len() == 2 {
        if !is_callable(&args[0]) {
            return Err(err::type_error("iter(v, w): v must be callable"));
        }
        return Ok(crate::objects::iterobject::call_iter_new(args[0].clone(), args[1].clone()));
    }
    ab::get_iter(&args[0])
});

crate::fastcall!(builtin_next, |slf, args| {
    check_nargs("next", args, 1, 2)?;
    let it = &args[0];
    if unsafe { (*it.ob_type()).tp_iternext.is_none() } {
        return Err(err::type_error(format!("'{}' object is not an iterator", type_name(it.ob_type()))));
    }
    unsafe {
        let f = (*it.ob_type()).tp_iternext.unwrap();
        let r = f(it.as_ptr());
        if !r.is_null() {
            return Ok(PyObj::from_owned(r));
        }
        match err::take() {
            Some(e) if !e.matches(crate::objects::exceptions::PyExc_StopIteration) => Err(e),
            Some(e) => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(e),
            },
            None => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(crate::objects::exceptions::stop_iteration_empty()),
            },
        }
    }
});

/// `len(x)`, written out rather than through `onearg!`: its closure and
/// Result wrapping cost as much as the length itself.
pub unsafe extern "C" fn builtin_len(_slf: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    match ab::len(PyObj::borrow(&x)) {
        Ok(n) => long::from_usize(n).into_ptr(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

fn min_max(args: &[PyObj], kw: Option<&PyObj>, is_max: bool) -> PyResult {
    let fname = if is_max { "max" } else { "min" };
    let nk = kw.map(tuple::len).unwrap_or(0);
    let pos = &args[..args.len() - nk];
    let mut key: Option<PyObj> = None;
    let mut default: Option<PyObj> = None;
    if let Some(k) = kw {
        for (i, n) in tuple::items(k).iter().enumerate() {
            match unicode::to_string_lossy(n).as_str() {
                "key" => key = Some(args[pos.len() + i].clone()).filter(|k| !none::is_none(k)),
                "default" => default = Some(args[pos.len() + i].clone()),
                other => {
                    return Err(err::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        fname, other
                    )))
                }
            }
        }
    }
    if pos.is_empty() {
        return Err(err::type_error(format!("{} expected at least 1 argument, got 0", fname)));
    }
    let items: Vec<PyObj> = if pos.len() == 1 {
        ab::iterate(&pos[0])?
    } else {
        if default.is_some() {
            return Err(err::type_error(format!(
                "Cannot specify a default for {}() with multiple positional arguments",
                fname
            )));
        }
        pos.to_vec()
    };
    let mut best: Option<(PyObj, PyObj)> = None;
    for it in items {
        let k = match &key {
            Some(f) => ab::call1(f, &it)?,
            None => it.clone(),
        };
        match &best {
            None => best = Some((k, it)),
            Some((bk, _)) => {
                let better = ab::rich_compare_bool(&k, bk, if is_max { PY_GT } else { PY_LT })?;
                if better {
                    best = Some((k, it));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| err::value_error(format!("{}() arg is an empty sequence", fname))),
    }
}

crate::fastcall_kw!(builtin_max, |slf, args, kw| { min_max(args, kw, true) });
crate::fastcall_kw!(builtin_min, |slf, args, kw| { min_max(args, kw, false) });

crate::fastcall_kw!(builtin_pow, |slf, args, kw| {
    let a = bind_args("pow", args, kw, &["base", "exp", "mod"], 2, 0)?;
    let m = a[2].clone().unwrap_or_else(none::none);
    ab::power(a[0].as_ref().unwrap(), a[1].as_ref().unwrap(), &m)
});

crate::fastcall_kw!(builtin_print, |slf, args, kw| {
    let nk = kw.map(tuple::len).unwrap_or(0);
    let pos = &args[..args.len() - nk];
    let (mut sep, mut end, mut file, mut flush) = (None, None, None, None);
    if let Some(k) = kw {
        for (i, n) in tuple::items(k).iter().enumerate() {
            let v = args[pos.len() + i].clone();
            match unicode::to_string_lossy(n).as_str() {
                "sep" => sep = Some(v),
                "end" => end = Some(v),
                "file" => file = Some(v),
                "flush" => flush = Some(v),
                other => {
                    return Err(err::type_error(format!(
                        "'{}' is an invalid keyword argument for print()",
                        other
                    )))
                }
            }
        }
    }
    let check = |v: &Option<PyObj>, what: &str| -> PyResult<Option<PyObj>> {
        match v {
            None => Ok(None),
            Some(x) if none::is_none(x) => Ok(None),
            Some(x) if unicode::is_str(x) => Ok(Some(x.clone())),
            Some(x) => Err(err::type_error(format!(
                "{} must be None or a string, not {}",
                what,
                type_name(x.ob_type())
            ))),
        }
    };
    let sep = check(&sep, "sep")?;
    let end = check(&end, "end")?;
    let file = match file.filter(|f| !none::is_none(f)) {
        Some(f) => f,
        None => match crate::sysmodule::get_opt("stdout") {
            Some(f) if !none::is_none(&f) => f,
            _ => return Ok(none::none()),
        },
    };
    if crate::objects::fileopen::is_fast_text_stream(&file) {
        // Fast path: build the whole line, write once.
        let mut parts: Vec<PyObj> = Vec::with_capacity(pos.len() * 2 + 1);
        for (i, a) in pos.iter().enumerate() {
            if i > 0 {
                parts.push(sep.clone().unwrap_or_else(|| unicode::latin1_char(b' ')));
            }
            parts.push(ab::str(a)?);
        }
        parts.push(end.clone().unwrap_or_else(|| unicode::latin1_char(b'\n')));
        let line = crate::objects::unicode_methods::join_strs(&parts)?;
        crate::objects::fileopen::fast_text_write(&file, &line)?;
    } else {
        let write = ab::getattr_str(&file, "write")?;
        for (i, a) in pos.iter().enumerate() {
            if i > 0 {
                ab::call1(&write, &sep.clone().unwrap_or_else(|| unicode::latin1_char(b' ')))?;
            }
            ab::call1(&write, &ab::str(a)?)?;
        }
        ab::call1(&write, &end.clone().unwrap_or_else(|| unicode::latin1_char(b'\n')))?;
    }
    if let Some(fl) = flush {
        if ab::is_true(&fl)? {
            ab::call_method(&file, "flush", &[])?;
        }
    }
    Ok(none::none())
});

crate::onearg!(builtin_repr, |slf, x| { ab::repr(x.unwrap()) });

crate::fastcall_kw!(builtin_round, |slf, args, kw| {
    let a = bind_args("round", args, kw, &["number", "ndigits"], 1, 0)?;
    let n = a[0].clone().unwrap();
    let Some(r) = typeobj::lookup_str(n.ob_type(), "__round__") else {
        return Err(err::type_error(format!(
            "type {} doesn't define __round__ method",
            type_name(n.ob_type())
        )));
    };
    let bound = ab::bind(&r, &n)?;
    match a[1].clone().filter(|d| !none::is_none(d)) {
        Some(d) => ab::call1(&bound, &d),
        None => ab::call0(&bound),
    }
});

crate::fastcall_kw!(builtin_sorted, |slf, args, kw| {
    let nk = kw.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    if np != 1 {
        return Err(err::type_error(format!("sorted expected 1 argument, got {}", np)));
    }
    let l = list::new(ab::iterate(&args[0])?);
    // Keywords are list.sort()'s (same checks and messages).
    crate::objects::list_methods::sort_kw(&l, &args[np..], kw)?;
    Ok(l)
});

crate::fastcall_kw!(builtin_sum, |slf, args, kw| {
    let a = bind_args("sum", args, kw, &["iterable", "start"], 1, 1)?;
    let mut acc = a[1].clone().unwrap_or_else(|| long::from_i64(0));
    if unicode::is_str(&acc) {
        return Err(err::type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if crate::objects::bytes::is_bytes(&acc) {
        return Err(err::type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if crate::objects::bytearray::is_bytearray(&acc) {
        return Err(err::type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = ab::get_iter(a[0].as_ref().unwrap())?;
    // Fast path for ints that fit in i64.
    let mut small: Option<i64> = if long::is_exact_int(&acc) { long::as_i64(&acc) } else { None };
    while let Some(v) = ab::next(&it)? {
        if let Some(s) = small {
            if long::is_exact_int(&v) {
                if let Some(x) = long::as_i64(&v) {
                    if let Some(r) = s.checked_add(x) {
                        small = Some(r);
                        continue;
                    }
                }
            }
            acc = long::from_i64(s);
            small = None;
        }
        acc = ab::binary_op(&acc, &v, crate::bytecode::NB_ADD)?;
    }
    if let Some(s) = small {
        return Ok(long::from_i64(s));
    }
    Ok(acc)
});

crate::fastcall_kw!(builtin_open, |slf, args, kw| { crate::objects::fileopen::open(args, kw) });

crate::fastcall_kw!(builtin_compile, |slf, args, kw| { crate::objects::compileobj::builtin_compile(args, kw) });
crate::fastcall_kw!(builtin_exec, |slf, args, kw| { crate::objects::compileobj::builtin_exec_eval(args, kw, true) });
crate::fastcall_kw!(builtin_eval, |slf, args, kw| { crate::objects::compileobj::builtin_exec_eval(args, kw, false) });

crate::fastcall!(builtin_breakpoint, |slf, args| { Ok(none::none()) });

crate::fastcall_kw!(builtin_help, |slf, args, kw| {
    no_kwargs("help", kw)?;
    if let Some(o) = args.first() {
        let doc = ab::getattr_str_opt(o, "__doc__")?.filter(|d| !none::is_none(d));
        let text = match doc {
            Some(d) => ab::str_string(&d)?,
            None => "No documentation.".into(),
        };
        crate::sysmodule::write_to_sys_stream("stdout", &format!("{}\n", text)).ok();
    }
    Ok(none::none())
});

/// `copyright()`, `credits()`, `license()` as `site` installs them.
crate::fastcall!(builtin_copyright, |slf, args| {
    crate::sysmodule::write_to_sys_stream("stdout", "Copyright (c) Pyrite developers.\nPython is Copyright (c) 2001-2023 Python Software Foundation.\n").ok();
    Ok(none::none())
});
crate::fastcall!(builtin_credits, |slf, args| {
    crate::sysmodule::write_to_sys_stream("stdout", "Pyrite is a Python 3.11 runtime written in Rust; Python is developed by the Python community.\n").ok();
    Ok(none::none())
});
crate::fastcall!(builtin_license, |slf, args| {
    crate::sysmodule::write_to_sys_stream("stdout", "See https://www.python.org/psf/license/ for Python's license.\n").ok();
    Ok(none::none())
});

/// `exit()`/`quit()` as installed by `site` (raise SystemExit).
crate::fastcall!(builtin_exit, |slf, args| {
    check_nargs("exit", args, 0, 1)?;
    Err(err::with_args(unsafe { crate::objects::exceptions::PyExc_SystemExit }, args))
});

pub fn create() -> PyObj {
    let m = module::new("builtins");
    let d = module::get_dict(&m);
    dict::set_item_rs(&d, "__doc__", unicode::new("Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' object; Ellipsis represents `...' in slices."));
    let fns: &[(&str, *const c_void, i32)] = &[
        ("__build_class__", builtin_build_class as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("__import__", builtin_import as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("abs", builtin_abs as *const c_void, meth::O),
        ("aiter", builtin_aiter as *const c_void, meth::O),
        ("anext", builtin_anext as *const c_void, meth::FASTCALL),
        ("all", builtin_all as *const c_void, meth::O),
        ("any", builtin_any as *const c_void, meth::O),
        ("ascii", builtin_ascii as *const c_void, meth::O),
        ("bin", builtin_bin as *const c_void, meth::O),
        ("breakpoint", builtin_breakpoint as *const c_void, meth::FASTCALL),
        ("callable", builtin_callable as *const c_void, meth::O),
        ("chr", builtin_chr as *const c_void, meth::O),
        ("compile", builtin_compile as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("delattr", builtin_delattr as *const c_void, meth::FASTCALL),
        ("dir", builtin_dir as *const c_void, meth::FASTCALL),
        ("divmod", builtin_divmod as *const c_void, meth::FASTCALL),
        ("eval", builtin_eval as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("exec", builtin_exec as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("format", builtin_format as *const c_void, meth::FASTCALL),
        ("getattr", builtin_getattr as *const c_void, meth::FASTCALL),
        ("globals", builtin_globals as *const c_void, meth::FASTCALL),
        ("hasattr", builtin_hasattr as *const c_void, meth::FASTCALL),
        ("hash", builtin_hash as *const c_void, meth::O),
        ("help", builtin_help as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("hex", builtin_hex as *const c_void, meth::O),
        ("id", builtin_id as *const c_void, meth::O),
        ("input", builtin_input as *const c_void, meth::FASTCALL),
        ("isinstance", builtin_isinstance as *const c_void, meth::FASTCALL),
        ("issubclass", builtin_issubclass as *const c_void, meth::FASTCALL),
        ("iter", builtin_iter as *const c_void, meth::FASTCALL),
        ("len", builtin_len as *const c_void, meth::O),
        ("locals", builtin_locals as *const c_void, meth::FASTCALL),
        ("max", builtin_max as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("min", builtin_min as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("next", builtin_next as *const c_void, meth::FASTCALL),
        ("oct", builtin_oct as *const c_void, meth::O),
        ("open", builtin_open as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("ord", builtin_ord as *const c_void, meth::O),
        ("pow", builtin_pow as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("print", builtin_print as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("repr", builtin_repr as *const c_void, meth::O),
        ("round", builtin_round as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("setattr", builtin_setattr as *const c_void, meth::FASTCALL),
        ("sorted", builtin_sorted as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("sum", builtin_sum as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("vars", builtin_vars as *const c_void, meth::FASTCALL),
        ("exit", builtin_exit as *const c_void, meth::FASTCALL),
        ("copyright", builtin_copyright as *const c_void, meth::FASTCALL),
        ("credits", builtin_credits as *const c_void, meth::FASTCALL),
        ("license", builtin_license as *const c_void, meth::FASTCALL),
        ("quit", builtin_exit as *const c_void, meth::FASTCALL),
    ];
    crate::sysmodule::add_functions(&m, fns);
    // CPython's docstrings for the builtins (generated table, objects::docs).
    for (name, _, _) in fns {
        if let Some(f) = dict::get_item_rs(&d, name).filter(crate::objects::methodobject::is_cfunction) {
            let ml = unsafe { (*(f.as_ptr() as *mut crate::objects::methodobject::PyCFunctionObject)).m_ml };
            if let Some(doc) = crate::objects::docs::builtin_function_doc(name) {
                unsafe {
                    if (*ml).ml_doc.is_null() {
                        (*ml).ml_doc = doc;
                    }
                }
            }
        }
    }
    let set = |k: &str, v: PyObj| dict::set_item_rs(&d, k, v);
    set("None", none::none());
    set("Ellipsis", crate::objects::slice::ellipsis());
    set("NotImplemented", none::not_implemented());
    set("True", boolobject::new(true));
    set("False", boolobject::new(false));
    set("__debug__", boolobject::new(true));
    for (name, tp) in crate::objects::builtin_types() {
        set(name, typeobj::type_obj(tp));
    }
    for (tp, _, name) in crate::objects::exceptions::all_exceptions() {
        set(name, typeobj::type_obj(tp));
    }
    set("EnvironmentError", typeobj::type_obj(unsafe { crate::objects::exceptions::PyExc_OSError }));
    set("IOError", typeobj::type_obj(unsafe { crate::objects::exceptions::PyExc_OSError }));
    m
}
