//! `_io`: CPython 3.11's I/O stack in Rust, split by class as
//! Modules/_io is (iobase, fileio, bufferedio, textio, bytesio, stringio).
//! This file owns the module itself: `open()` with its argument
//! validation, `open_code`, `text_encoding`, `DEFAULT_BUFFER_SIZE` and
//! `UnsupportedOperation`.

pub mod bufferedio;
pub mod bytesio;
pub mod fileio;
pub mod iobase;
pub mod stringio;
pub mod textio;

use std::os::raw::c_void;
use vm::abstract_ as ab;
use vm::err::{self, PyErr, PyResult};
use vm::object::*;
use vm::objects::{dict, long, module, none, tuple, unicode};
use vm::objref::PyObj;

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

static mut UNSUPPORTED_OPERATION: *mut PyObject = std::ptr::null_mut();

/// `io.UnsupportedOperation(msg)` (OSError and ValueError).
pub fn unsupported(msg: &str) -> PyErr {
    unsafe {
        if UNSUPPORTED_OPERATION.is_null() {
            return err::os_error(msg);
        }
        err::with_args(UNSUPPORTED_OPERATION as *mut PyTypeObject, &[unicode::new(msg)])
    }
}

fn make_unsupported() -> PyResult<PyObj> {
    unsafe {
        if !UNSUPPORTED_OPERATION.is_null() {
            return Ok(PyObj::from_borrowed(UNSUPPORTED_OPERATION));
        }
        let ns = dict::new();
        dict::set_item_rs(&ns, "__module__", unicode::new("io"));
        let bases = tuple::new(vec![
            vm::typeobj::type_obj(vm::objects::exceptions::PyExc_OSError),
            vm::typeobj::type_obj(vm::objects::exceptions::PyExc_ValueError),
        ]);
        let t = vm::typeobj::type_new(vm::typeobj::type_type(), &unicode::new("UnsupportedOperation"), &bases, &ns)?;
        UNSUPPORTED_OPERATION = t.clone().into_ptr();
        Ok(t)
    }
}

fn str_or_none(v: &Option<PyObj>, fname: &str, name: &str) -> PyResult<Option<PyObj>> {
    match iobase::given(v) {
        None => Ok(None),
        Some(x) if unicode::is_str(x) => Ok(Some(x.clone())),
        Some(x) => Err(err::type_error(format!(
            "{}() argument '{}' must be str or None, not {}",
            fname,
            name,
            vm::typeobj::type_name(x.ob_type())
        ))),
    }
}

/// `warnings.warn(msg, RuntimeWarning)` from the caller's frame; nothing
/// when the warnings module cannot be imported yet.
fn runtime_warning(msg: &str) -> PyResult<()> {
    let w = match vm::import::import_absolute("warnings") {
        Ok(w) => w,
        Err(_) => return Ok(()),
    };
    let cat = vm::typeobj::type_obj(unsafe { vm::objects::exceptions::PyExc_RuntimeWarning });
    ab::call_method(&w, "warn", &[unicode::new(msg), cat, long::from_i64(2)]).map(|_| ())
}

/// `_io.open`.
pub fn open_impl(args: &[PyObj], kw: Option<&PyObj>) -> PyResult {
    let a = iobase::clinic_bind(
        "open",
        args,
        kw,
        &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        1,
    )?;
    let file = a[0].clone().unwrap_or_else(none::none);
    let mode = match &a[1] {
        Some(m) if unicode::is_str(m) => unicode::to_string_lossy(m),
        Some(m) => {
            return Err(err::type_error(format!(
                "open() argument 'mode' must be str, not {}",
                vm::typeobj::type_name(m.ob_type())
            )))
        }
        None => "r".to_string(),
    };
    let mut buffering: i64 = match &a[2] {
        Some(b) => {
            if vm::objects::float::is_float(b) {
                return Err(err::type_error("'float' object cannot be interpreted as an integer"));
            }
            iobase::int_arg(b)?
        }
        None => -1,
    };
    let encoding = str_or_none(&a[3], "open", "encoding")?;
    let errors = str_or_none(&a[4], "open", "errors")?;
    let newline = str_or_none(&a[5], "open", "newline")?;
    let closefd = match &a[6] {
        Some(c) => ab::is_true(c)?,
        None => true,
    };
    let opener = a[7].clone().unwrap_or_else(none::none);
    let is_number = long::is_int(&file);
    let path_or_fd = if is_number { file.clone() } else { fileio::fspath(&file)? };

    let chars: Vec<char> = mode.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if !"xrwa+tb".contains(*c) || chars[i + 1..].contains(c) {
            return Err(err::value_error(format!("invalid mode: '{}'", mode)));
        }
    }
    let has = |c: char| chars.contains(&c);
    let (creating, reading, writing, appending, updating) = (has('x'), has('r'), has('w'), has('a'), has('+'));
    let (text, binary) = (has('t'), has('b'));
    if text && binary {
        return Err(err::value_error("can't have text and binary mode at once"));
    }
    let kinds = [creating, reading, writing, appending].iter().filter(|b| **b).count();
    if kinds > 1 {
        return Err(err::value_error("must have exactly one of create/read/write/append mode"));
    }
    if kinds == 0 {
        return Err(err::value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    }
    if binary && encoding.is_some() {
        return Err(err::value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(err::value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline.is_some() {
        return Err(err::value_error("binary mode doesn't take a newline argument"));
    }
    if binary && buffering == 1 {
        runtime_warning(
            "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
        )?;
    }
    let mut rawmode = String::from(if creating {
        "x"
    } else if reading {
        "r"
    } else if writing {
        "w"
    } else {
        "a"
    });
    if updating {
        rawmode.push('+');
    }
    let raw = ab::call(
        &vm::typeobj::type_obj(&raw mut fileio::FILEIO_TYPE),
        &[path_or_fd, unicode::new(&rawmode), vm::objects::boolobject::new(closefd), opener],
        None,
    )?;
    let result = (|| -> PyResult {
        let mut line_buffering = false;
        if buffering == 1 || (buffering < 0 && ab::is_true(&ab::call_method(&raw, "isatty", &[])?)?) {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            let bs = fileio::st(&raw).map(|f| f.blksize).unwrap_or(DEFAULT_BUFFER_SIZE as i64);
            buffering = if bs > 1 { bs } else { DEFAULT_BUFFER_SIZE as i64 };
        }
        if buffering < 0 {
            return Err(err::value_error("invalid buffering size"));
        }
        if buffering == 0 {
            if binary {
                return Ok(raw.clone());
            }
            return Err(err::value_error("can't have unbuffered text I/O"));
        }
        let tp = if updating {
            &raw mut bufferedio::BUFFEREDRANDOM_TYPE
        } else if creating || writing || appending {
            &raw mut bufferedio::BUFFEREDWRITER_TYPE
        } else {
            &raw mut bufferedio::BUFFEREDREADER_TYPE
        };
        let buffer = ab::call(&vm::typeobj::type_obj(tp), &[raw.clone(), long::from_i64(buffering)], None)?;
        if binary {
            return Ok(buffer);
        }
        let wrapper = ab::call(
            &vm::typeobj::type_obj(&raw mut textio::TEXTIOWRAPPER_TYPE),
            &[
                buffer.clone(),
                encoding.clone().unwrap_or_else(none::none),
                errors.clone().unwrap_or_else(none::none),
                newline.clone().unwrap_or_else(none::none),
                vm::objects::boolobject::new(line_buffering),
            ],
            None,
        );
        let wrapper = match wrapper {
            Ok(w) => w,
            Err(e) => {
                let _ = ab::call_method(&buffer, "close", &[]);
                err::take();
                return Err(e);
            }
        };
        ab::setattr_str(&wrapper, "mode", unicode::new(&mode))?;
        Ok(wrapper)
    })();
    if result.is_err() {
        let saved = result;
        let _ = ab::call_method(&raw, "close", &[]);
        err::take();
        return saved;
    }
    result
}

vm::fastcall_kw!(io_open, |slf, args, kw| { open_impl(args, kw) });

vm::fastcall_kw!(io_open_code, |slf, args, kw| {
    let a = iobase::clinic_bind("open_code", args, kw, &["path"], 1)?;
    let p = a[0].clone().unwrap_or_else(none::none);
    if !unicode::is_str(&p) {
        return Err(err::type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            vm::typeobj::type_name(p.ob_type())
        )));
    }
    open_impl(&[p, unicode::new("rb")], None)
});

vm::fastcall!(io_text_encoding, |slf, args| {
    vm::objects::methodobject::check_nargs("text_encoding", args, 1, 2)?;
    if none::is_none(&args[0]) {
        return Ok(unicode::new("locale"));
    }
    Ok(args[0].clone())
});

pub fn all_types() -> Vec<*mut PyTypeObject> {
    vec![
            &raw mut iobase::IOBASE_TYPE,
            &raw mut iobase::RAWIOBASE_TYPE,
            &raw mut iobase::BUFFEREDIOBASE_TYPE,
            &raw mut iobase::TEXTIOBASE_TYPE,
            &raw mut fileio::FILEIO_TYPE,
            &raw mut bytesio::BYTESIO_TYPE,
            &raw mut stringio::STRINGIO_TYPE,
            &raw mut bufferedio::BUFFEREDREADER_TYPE,
            &raw mut bufferedio::BUFFEREDWRITER_TYPE,
            &raw mut bufferedio::BUFFEREDRANDOM_TYPE,
            &raw mut bufferedio::BUFFEREDRWPAIR_TYPE,
            &raw mut textio::TEXTIOWRAPPER_TYPE,
        &raw mut textio::NLDECODER_TYPE,
    ]
}

static mut READY: bool = false;

/// Readies the `_io` types once (also used before sys streams are built).
pub fn ready_types() -> PyResult<()> {
    unsafe {
        if READY {
            return Ok(());
        }
        iobase::init_types();
        fileio::init_type();
        bytesio::init_type();
        stringio::init_type();
        bufferedio::init_types();
        textio::init_types();
        for t in all_types() {
            vm::typeobj::ready(t)?;
        }
        vm::typeobj::ready(&raw mut bytesio::BYTESIOBUF_TYPE)?;
        make_unsupported()?;
        READY = true;
    }
    Ok(())
}

pub fn init() -> PyResult<PyObj> {
    ready_types()?;
    // CPython's _io calls itself "io" (its functions' __module__).
    let m = module::new("io");
    vm::sysmodule::add_functions(&m, &[
        ("open", io_open as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("open_code", io_open_code as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("text_encoding", io_text_encoding as *const c_void, meth::FASTCALL),
    ]);
    for t in all_types() {
        let name = vm::typeobj::type_name(t);
        ab::setattr_str(&m, &name, vm::typeobj::type_obj(t))?;
    }
    ab::setattr_str(&m, "DEFAULT_BUFFER_SIZE", long::from_usize(DEFAULT_BUFFER_SIZE))?;
    ab::setattr_str(&m, "UnsupportedOperation", make_unsupported()?)?;
    ab::setattr_str(
        &m,
        "BlockingIOError",
        vm::typeobj::type_obj(unsafe { vm::objects::exceptions::PyExc_BlockingIOError }),
    )?;
    // builtins.open is io.open itself, as in CPython.
    if vm::interp::interp_opt().is_some() {
        if let Some(f) = dict::get_item_rs(&module::get_dict(&m), "open") {
            dict::set_item_rs(&vm::interp::interp().builtins_dict, "open", f);
        }
    }
    Ok(m)
}

/// sys.stdin/stdout/stderr as CPython's `create_stdio` makes them:
/// TextIOWrapper over a buffered FileIO on fds 0/1/2 (closefd=False);
/// stdout line-buffered on a tty, stderr always line-buffered and
/// backslashreplace, writes through when unbuffered (-u); None for a
/// closed descriptor.
pub fn std_streams(cfg: &vm::sysmodule::Config) -> PyResult<(PyObj, PyObj, PyObj)> {
    ready_types()?;
    let env = if cfg.ignore_environment { None } else { std::env::var("PYTHONIOENCODING").ok() };
    let (env_enc, env_errors) = match &env {
        Some(v) => {
            let mut it = v.splitn(2, ':');
            let e = it.next().filter(|s| !s.is_empty()).map(|s| s.to_string());
            let r = it.next().filter(|s| !s.is_empty()).map(|s| s.to_string());
            (e, r)
        }
        None => (None, None),
    };
    let mk = |fd: i32, write: bool, name: &str| -> PyResult {
        let mut sb: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut sb) } < 0 {
            return Ok(none::none());
        }
        let buffered = !(cfg.unbuffered && write);
        let raw = fileio::new_fd(fd, if write { "wb" } else { "rb" }, false)?;
        ab::setattr_str(&raw, "name", unicode::new(name))?;
        let buf = if buffered {
            let bs = fileio::st(&raw).map(|f| f.blksize).unwrap_or(DEFAULT_BUFFER_SIZE as i64);
            let tp = if write { &raw mut bufferedio::BUFFEREDWRITER_TYPE } else { &raw mut bufferedio::BUFFEREDREADER_TYPE };
            ab::call(&vm::typeobj::type_obj(tp), &[raw.clone(), long::from_i64(bs.max(1))], None)?
        } else {
            raw.clone()
        };
        let isatty = unsafe { libc::isatty(fd) } == 1;
        let line_buffering = buffered && (isatty || fd == 2);
        let encoding = env_enc.clone().unwrap_or_else(|| "utf-8".to_string());
        let errors = match (&env_errors, fd) {
            (Some(e), _) => e.clone(),
            (None, 2) => "backslashreplace".to_string(),
            (None, _) if env_enc.is_some() => "strict".to_string(),
            (None, _) => "surrogateescape".to_string(),
        };
        let tw = ab::call(
            &vm::typeobj::type_obj(&raw mut textio::TEXTIOWRAPPER_TYPE),
            &[
                buf,
                unicode::new(&encoding),
                unicode::new(&errors),
                unicode::new("\n"),
                vm::objects::boolobject::new(line_buffering),
                vm::objects::boolobject::new(!buffered),
            ],
            None,
        )?;
        ab::setattr_str(&tw, "mode", unicode::new(if write { "w" } else { "r" }))?;
        Ok(tw)
    };
    Ok((mk(0, false, "<stdin>")?, mk(1, true, "<stdout>")?, mk(2, true, "<stderr>")?))
}
