//! `_io.StringIO`: an in-memory text stream of code points with
//! CPython's newline handling (translation on write, line endings on read).

use super::iobase::{self, int_arg, io_type, size_arg, state, State};
use super::textio::{find_line_ending, nl_decode, nl_newlines, NlCore};
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::{boolobject, long, none, tuple, unicode};
use vm::objref::PyObj;

io_type!(STRINGIO_TYPE, "StringIO");

pub struct StrState {
    pub buf: Vec<u32>,
    pub pos: usize,
    pub closed: bool,
    pub readuniversal: bool,
    pub readtranslate: bool,
    pub readnl: Option<Vec<u32>>,
    pub writenl: Option<Vec<u32>>,
    /// The newline decoder when reading is universal (newline None or "").
    pub decoder: Option<NlCore>,
}

fn raw_st<'a>(o: &PyObj) -> PyResult<&'a mut StrState> {
    match unsafe { state(o) } {
        Some(State::Str(b)) => Ok(b),
        _ => Err(iobase::uninit()),
    }
}

fn st<'a>(o: &PyObj) -> PyResult<&'a mut StrState> {
    let b = raw_st(o)?;
    if b.closed {
        return Err(err::value_error("I/O operation on closed file"));
    }
    Ok(b)
}

/// Validates a `newline` argument as StringIO and TextIOWrapper do.
pub fn newline_arg(nl: Option<&PyObj>) -> PyResult<Option<String>> {
    match nl {
        None => Ok(Some("\n".to_string())),
        Some(v) if none::is_none(v) => Ok(None),
        Some(v) => {
            if !unicode::is_str(v) {
                return Err(err::type_error(format!(
                    "newline must be str or None, not {}",
                    vm::typeobj::type_name(v.ob_type())
                )));
            }
            let s = unicode::to_string_lossy(v);
            if !matches!(s.as_str(), "" | "\n" | "\r" | "\r\n") {
                return Err(err::value_error(format!("illegal newline value: {}", ab::repr_string(v)?)));
            }
            Ok(Some(s))
        }
    }
}

fn cps(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

unsafe extern "C" fn stringio_init(o: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> c_int {
    let slf = PyObj::borrow(&o);
    err::int_result((|| -> PyResult<()> {
        let a = iobase::bind_tuple_dict("StringIO", args, kwargs, &["initial_value", "newline"], 0)?;
        let newline = newline_arg(a[1].as_ref())?;
        if let Some(v) = iobase::given(&a[0]) {
            if !unicode::is_str(v) {
                return Err(err::type_error(format!(
                    "initial_value must be str or None, not {}",
                    vm::typeobj::type_name(v.ob_type())
                )));
            }
        }
        let readuniversal = newline.as_deref().map(|s| s.is_empty()).unwrap_or(true);
        let readtranslate = newline.is_none();
        let writenl = match &newline {
            Some(s) if s.starts_with('\r') => Some(cps(s)),
            _ => None,
        };
        let mut s = StrState {
            buf: Vec::new(),
            pos: 0,
            closed: false,
            readuniversal,
            readtranslate,
            readnl: newline.as_deref().map(cps),
            writenl,
            decoder: if readuniversal { Some(NlCore::new(readtranslate)) } else { None },
        };
        if let Some(v) = iobase::given(&a[0]) {
            write_str(&mut s, unicode::data(v).to_vec())?;
            s.pos = 0;
        }
        iobase::set_state(slf, State::Str(s));
        Ok(())
    })())
}

fn write_str(s: &mut StrState, text: Vec<u32>) -> PyResult<()> {
    let mut t = match &mut s.decoder {
        Some(d) => nl_decode(d, text, true),
        None => text,
    };
    if let Some(nl) = &s.writenl {
        let mut out = Vec::with_capacity(t.len());
        for c in t {
            if c == '\n' as u32 {
                out.extend_from_slice(nl);
            } else {
                out.push(c);
            }
        }
        t = out;
    }
    if t.is_empty() {
        return Ok(());
    }
    let end = s.pos.checked_add(t.len()).filter(|&e| e <= isize::MAX as usize);
    let end = end.ok_or_else(|| err::overflow_error("new position too large"))?;
    if end > isize::MAX as usize / 4 {
        return Err(err::overflow_error("new buffer size too large"));
    }
    iobase::grow(&mut s.buf, end, 0)?;
    s.buf[s.pos..end].copy_from_slice(&t);
    s.pos = end;
    Ok(())
}

vm::onearg!(sio_write, |slf, obj| {
    let obj = obj.unwrap();
    if !unicode::is_str(obj) {
        return Err(err::type_error(format!(
            "string argument expected, got '{}'",
            vm::typeobj::type_name(obj.ob_type())
        )));
    }
    let s = st(slf)?;
    let n = unicode::len(obj);
    if n > 0 {
        write_str(s, unicode::data(obj).to_vec())?;
    }
    Ok(long::from_usize(n))
});

vm::fastcall!(sio_read, |slf, args| {
    vm::objects::methodobject::check_nargs("read", args, 0, 1)?;
    let n = size_arg(args.first())?;
    let s = st(slf)?;
    let avail = s.buf.len().saturating_sub(s.pos);
    let n = if n < 0 { avail } else { (n as usize).min(avail) };
    if n == 0 {
        return Ok(unicode::empty());
    }
    let out = unicode::from_codepoints(&s.buf[s.pos..s.pos + n]);
    s.pos += n;
    Ok(out)
});

fn readline_impl(s: &mut StrState, limit: isize) -> Vec<u32> {
    if s.pos >= s.buf.len() {
        return Vec::new();
    }
    let rest = &s.buf[s.pos..];
    let end = find_line_ending(rest, s.readtranslate, s.readuniversal, s.readnl.as_deref());
    let mut n = end.unwrap_or(rest.len());
    if limit >= 0 && (limit as usize) < n {
        n = limit as usize;
    }
    let out = rest[..n].to_vec();
    s.pos += n;
    out
}

vm::fastcall!(sio_readline, |slf, args| {
    vm::objects::methodobject::check_nargs("readline", args, 0, 1)?;
    let n = size_arg(args.first())?;
    let s = st(slf)?;
    Ok(unicode::from_codepoints(&readline_impl(s, n)))
});

vm::fastcall!(sio_seek, |slf, args| {
    vm::objects::methodobject::check_nargs("seek", args, 1, 2)?;
    let pos = int_arg(&args[0])?;
    let whence = match args.get(1) {
        Some(w) => int_arg(w)?,
        None => 0,
    };
    let s = st(slf)?;
    if !(0..=2).contains(&whence) {
        return Err(err::value_error(format!("Invalid whence ({}, should be 0, 1 or 2)", whence)));
    }
    if pos < 0 && whence == 0 {
        return Err(err::value_error(format!("Negative seek position {}", pos)));
    }
    if whence != 0 && pos != 0 {
        return Err(err::os_error("Can't do nonzero cur-relative seeks"));
    }
    let newpos = match whence {
        0 => pos as usize,
        1 => s.pos,
        _ => s.buf.len(),
    };
    s.pos = newpos;
    Ok(long::from_usize(newpos))
});

vm::fastcall!(sio_tell, |slf, args| { Ok(long::from_usize(st(slf)?.pos)) });

vm::fastcall!(sio_truncate, |slf, args| {
    vm::objects::methodobject::check_nargs("truncate", args, 0, 1)?;
    let s = st(slf)?;
    let size = iobase::opt_size(args.first())?.unwrap_or(s.pos as i64);
    if size < 0 {
        return Err(err::value_error(format!("Negative size value {}", size)));
    }
    if (size as usize) < s.buf.len() {
        s.buf.truncate(size as usize);
    }
    Ok(long::from_i64(size))
});

vm::fastcall!(sio_getvalue, |slf, args| { Ok(unicode::from_codepoints(&st(slf)?.buf)) });

vm::fastcall!(sio_true, |slf, args| {
    st(slf)?;
    Ok(boolobject::new(true))
});

vm::fastcall!(sio_close, |slf, args| {
    if let Ok(s) = raw_st(slf) {
        s.closed = true;
        s.buf = Vec::new();
    }
    Ok(none::none())
});

vm::fastcall!(sio_getstate, |slf, args| {
    let s = st(slf)?;
    let nl = match &s.readnl {
        Some(n) => unicode::from_codepoints(n),
        None => none::none(),
    };
    let d = match vm::typeobj::instance_dict(slf) {
        Some(d) => vm::objects::dict::copy(&d),
        None => none::none(),
    };
    Ok(tuple::new(vec![unicode::from_codepoints(&s.buf), nl, long::from_usize(s.pos), d]))
});

unsafe extern "C" fn sio_get_closed(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(raw_st(PyObj::borrow(&o)).map(|s| boolobject::new(s.closed)))
}
unsafe extern "C" fn sio_get_line_buffering(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(st(PyObj::borrow(&o)).map(|_| boolobject::new(false)))
}
unsafe extern "C" fn sio_get_newlines(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(st(PyObj::borrow(&o)).map(|s| match &s.decoder {
        Some(d) => nl_newlines(d),
        None => none::none(),
    }))
}

unsafe extern "C" fn sio_iternext(o: *mut PyObject) -> *mut PyObject {
    let s = PyObj::borrow(&o);
    let r = (|| -> PyResult<Option<PyObj>> {
        let line = if s.ob_type() == &raw mut STRINGIO_TYPE {
            let st = st(s)?;
            unicode::from_codepoints(&readline_impl(st, -1))
        } else {
            let l = ab::call_method(s, "readline", &[])?;
            if !unicode::is_str(&l) {
                return Err(err::os_error(format!(
                    "readline() should have returned a str object, not '{}'",
                    vm::typeobj::type_name(l.ob_type())
                )));
            }
            l
        };
        Ok(if unicode::len(&line) == 0 { None } else { Some(line) })
    })();
    match r {
        Ok(Some(l)) => l.into_ptr(),
        Ok(None) => std::ptr::null_mut(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

pub unsafe fn init_type() {
    use vm::objects::descr::{set_getsets, set_methods};
    let t = &raw mut STRINGIO_TYPE;
    iobase::init_concrete_type(t, &raw mut iobase::TEXTIOBASE_TYPE);
    (*t).tp_init = Some(stringio_init);
    (*t).tp_iternext = Some(sio_iternext);
    set_methods(t, &[
        ("write", sio_write as *const c_void, meth::O, ""),
        ("read", sio_read as *const c_void, meth::FASTCALL, ""),
        ("readline", sio_readline as *const c_void, meth::FASTCALL, ""),
        ("seek", sio_seek as *const c_void, meth::FASTCALL, ""),
        ("tell", sio_tell as *const c_void, meth::FASTCALL, ""),
        ("truncate", sio_truncate as *const c_void, meth::FASTCALL, ""),
        ("getvalue", sio_getvalue as *const c_void, meth::FASTCALL, ""),
        ("readable", sio_true as *const c_void, meth::FASTCALL, ""),
        ("writable", sio_true as *const c_void, meth::FASTCALL, ""),
        ("seekable", sio_true as *const c_void, meth::FASTCALL, ""),
        ("close", sio_close as *const c_void, meth::FASTCALL, ""),
        ("__getstate__", sio_getstate as *const c_void, meth::FASTCALL, ""),
    ]);
    set_getsets(t, &[
        ("closed", sio_get_closed as *const c_void, std::ptr::null()),
        ("line_buffering", sio_get_line_buffering as *const c_void, std::ptr::null()),
        ("newlines", sio_get_newlines as *const c_void, std::ptr::null()),
    ]);
}
