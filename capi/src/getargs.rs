//! modsupport.h, the parsing half: `PyArg_ParseTuple`, `PyArg_Parse`,
//! `PyArg_ParseTupleAndKeywords`, `PyArg_UnpackTuple` (the Rust halves of
//! the variadic entry points in csrc/varargs.c), with CPython 3.11's
//! format units `b B h H i I l k L K n c C p f d s s# s* z z# z* y y# y* w*
//! S U O O! O& ( )` and markers `| $ : ;`, and its error messages ("f() argument 1
//! must be int, not str", "f() takes at most 2 arguments (3 given)", ...).

use crate::util::*;
use std::os::raw::{c_char, c_int, c_void};
use vm::err::{self, PyErr, PyResult};
use vm::object::{Py_buffer, PyObject, Py_ssize_t};
use vm::objects::{bytearray, bytes, dict, none, tuple, unicode};
use vm::objref::PyObj;
use vm::typeobj::type_name;

/// Why one argument failed: an exception already raised by a conversion,
/// or a message ("must be int, not str") and the item path inside nested
/// tuples, which `set_error` turns into CPython's TypeError text.
enum CErr {
    Raised(PyErr),
    Msg(String, Vec<usize>),
}

type CResult = Result<(), CErr>;

fn raised() -> CErr {
    CErr::Raised(err::fetch())
}

fn converterr(expected: &str, arg: &PyObj) -> CErr {
    let got = if none::is_none(arg) { "None".to_string() } else { type_name(arg.ob_type()) };
    CErr::Msg(format!("must be {:.50}, not {:.50}", expected, got), Vec::new())
}

/// CPython's seterror: "fname() argument N[, item K] msg", or the `;`
/// message; a message starting with '(' is a SystemError (a bad format).
/// Names are C bytes, decoded only here, when an error is raised.
fn set_error(iarg: usize, e: CErr, fname: Option<&[u8]>, custom: Option<&[u8]>) -> PyErr {
    let (msg, levels) = match e {
        CErr::Raised(p) => return p,
        CErr::Msg(m, l) => (m, l),
    };
    let text = match custom {
        Some(c) => String::from_utf8_lossy(c).into_owned(),
        None => {
            let mut s = String::new();
            if let Some(f) = fname {
                s.push_str(&format!("{:.200}() ", String::from_utf8_lossy(f)));
            }
            if iarg != 0 {
                s.push_str(&format!("argument {}", iarg));
                for l in levels.iter().take(32) {
                    s.push_str(&format!(", item {}", l));
                }
            } else {
                s.push_str("argument");
            }
            s.push(' ');
            s.push_str(&msg);
            s
        }
    };
    if msg.starts_with('(') {
        err::system_error(text)
    } else {
        err::type_error(text)
    }
}

/// Walks a format string and the matching C pointers.
struct Parser<'a> {
    f: &'a [u8],
    i: usize,
    ap: &'a mut Va,
    size_t: bool,
    /// Buffers taken by `*` units, released if the parse fails later.
    views: Vec<*mut Py_buffer>,
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        // Only a failed parse leaves views here (`done` takes them).
        for v in self.views.drain(..) {
            unsafe { crate::pybuffer::PyBuffer_Release(v) };
        }
    }
}

/// Converts with a C-convention function: -1 (or the given bad value) with
/// an exception set is an error.
macro_rules! c_conv {
    ($e:expr, $bad:expr) => {{
        let v = $e;
        if v == $bad && err::occurred() {
            return Err(raised());
        }
        v
    }};
}

impl Parser<'_> {
    /// The next C pointer argument. On x86-64 System V this is `va_arg`
    /// done in place (the ABI fixes the va_list layout), sparing a call
    /// into C per pointer; elsewhere the C reader does it.
    #[inline(always)]
    unsafe fn arg<T>(&mut self) -> *mut T {
        #[cfg(all(target_arch = "x86_64", not(target_os = "windows")))]
        {
            #[repr(C)]
            struct VaList {
                gp_offset: u32,
                fp_offset: u32,
                overflow_arg_area: *mut *mut c_void,
                reg_save_area: *mut u8,
            }
            let va = &mut *(self.ap.0 as *mut VaList);
            // Six 8-byte general registers are saved; past them, the stack.
            if va.gp_offset < 48 {
                let p = *(va.reg_save_area.add(va.gp_offset as usize) as *mut *mut c_void);
                va.gp_offset += 8;
                p as *mut T
            } else {
                let p = *va.overflow_arg_area;
                va.overflow_arg_area = va.overflow_arg_area.add(1);
                p as *mut T
            }
        }
        #[cfg(not(all(target_arch = "x86_64", not(target_os = "windows"))))]
        {
            self.ap.ptr()
        }
    }

    fn peek(&self) -> u8 {
        self.f.get(self.i).copied().unwrap_or(0)
    }

    fn need_size_t(&self) -> CResult {
        if self.size_t {
            Ok(())
        } else {
            Err(CErr::Raised(err::system_error("PY_SSIZE_T_CLEAN macro must be defined for '#' formats")))
        }
    }

    /// One item: a parenthesised sub-format or a single unit.
    #[inline]
    unsafe fn item(&mut self, arg: &PyObj) -> CResult {
        match self.peek() {
            b'(' => {
                self.i += 1;
                self.tuple(arg, false)?;
                self.i += 1;
                Ok(())
            }
            // Plain `O`, the commonest unit, is stored here, not in `simple`.
            b'O' if !matches!(self.f.get(self.i + 1), Some(b'!' | b'&')) => {
                self.i += 1;
                *self.arg::<*mut PyObject>() = arg.as_ptr();
                Ok(())
            }
            _ => self.simple(arg),
        }
    }

    /// `(...)`: `arg` must be a sequence of exactly as many items.
    #[inline(never)]
    unsafe fn tuple(&mut self, arg: &PyObj, toplevel: bool) -> CResult {
        let mut level = 0;
        let mut n = 0usize;
        let mut j = self.i;
        loop {
            let c = self.f.get(j).copied().unwrap_or(0);
            j += 1;
            match c {
                b'(' => {
                    if level == 0 {
                        n += 1;
                    }
                    level += 1;
                }
                b')' => {
                    if level == 0 {
                        break;
                    }
                    level -= 1;
                }
                b':' | b';' | 0 => break,
                c if level == 0 && c.is_ascii_alphabetic() && c != b'e' => n += 1,
                _ => {}
            }
        }
        let is_seq = crate::abstract_::PySequence_Check(arg.as_ptr()) != 0 && !bytes::is_bytes(arg);
        if !is_seq {
            let got = if none::is_none(arg) { "None".to_string() } else { type_name(arg.ob_type()) };
            let m = if toplevel {
                format!("expected {} arguments, not {:.50}", n, got)
            } else {
                format!("must be {}-item sequence, not {:.50}", n, got)
            };
            return Err(CErr::Msg(m, Vec::new()));
        }
        let len = c_conv!(crate::abstract_::PySequence_Size(arg.as_ptr()), -1);
        if len as usize != n {
            let m = if toplevel {
                format!("expected {} argument{}, not {}", n, if n == 1 { "" } else { "s" }, len)
            } else {
                format!("must be sequence of length {}, not {}", n, len)
            };
            return Err(CErr::Msg(m, Vec::new()));
        }
        for k in 0..n {
            let p = crate::abstract_::PySequence_GetItem(arg.as_ptr(), k as isize);
            if p.is_null() {
                drop(err::take());
                return Err(CErr::Msg("is not retrievable".into(), vec![k]));
            }
            let item = PyObj::from_owned(p);
            match self.item(&item) {
                Ok(()) => {}
                Err(CErr::Msg(m, mut l)) => {
                    l.insert(0, k);
                    return Err(CErr::Msg(m, l));
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Success: the buffers now belong to the caller.
    fn done(&mut self) {
        self.views.clear();
    }

    /// `y*`/`s*`/`w*`: fills the caller's Py_buffer (C-contiguous).
    unsafe fn buffer_unit(&mut self, arg: &PyObj, view: *mut Py_buffer, writable: bool) -> CResult {
        use crate::pybuffer::*;
        let flags = if writable { vm::objects::memoryview::PYBUF_WRITABLE } else { 0 };
        if PyObject_GetBuffer(arg.as_ptr(), view, flags) < 0 {
            if writable {
                drop(err::take());
                return Err(converterr("read-write bytes-like object", arg));
            }
            return Err(raised());
        }
        if PyBuffer_IsContiguous(view, b'C' as c_char) == 0 {
            PyBuffer_Release(view);
            return Err(converterr("contiguous buffer", arg));
        }
        self.views.push(view);
        Ok(())
    }

    /// A bytes-like object that needs no release (CPython's convertbuffer).
    unsafe fn read_only_buffer(&mut self, arg: &PyObj) -> Result<(*const u8, usize), CErr> {
        if bytes::is_bytes(arg) {
            let s = bytes::as_slice(arg);
            return Ok((s.as_ptr(), s.len()));
        }
        let pb = (*arg.ob_type()).tp_as_buffer;
        if !pb.is_null() && (*pb).bf_releasebuffer.is_some() {
            return Err(converterr("read-only bytes-like object", arg));
        }
        let mut view: Py_buffer = std::mem::zeroed();
        vm::objects::memoryview::get_buffer_into(arg, &mut view, 0).map_err(CErr::Raised)?;
        let r = (view.buf as *const u8, view.len as usize);
        vm::objects::memoryview::release_buffer(&mut view);
        Ok(r)
    }

    /// Out of line, as `tuple` is, so `item`'s plain-`O` path stays small.
    #[inline(never)]
    unsafe fn simple(&mut self, arg: &PyObj) -> CResult {
        use crate::longobject::*;
        let a = arg.as_ptr();
        let c = self.peek();
        self.i += 1;
        match c {
            b'b' => {
                let p: *mut u8 = self.arg();
                let v = c_conv!(PyLong_AsLong(a), -1);
                if v < 0 {
                    return Err(CErr::Raised(err::overflow_error("unsigned byte integer is less than minimum")));
                }
                if v > u8::MAX as i64 {
                    return Err(CErr::Raised(err::overflow_error("unsigned byte integer is greater than maximum")));
                }
                *p = v as u8;
            }
            b'B' => {
                let p: *mut u8 = self.arg();
                *p = c_conv!(PyLong_AsUnsignedLongMask(a), u64::MAX) as u8;
            }
            b'h' => {
                let p: *mut i16 = self.arg();
                let v = c_conv!(PyLong_AsLong(a), -1);
                if v < i16::MIN as i64 {
                    return Err(CErr::Raised(err::overflow_error("signed short integer is less than minimum")));
                }
                if v > i16::MAX as i64 {
                    return Err(CErr::Raised(err::overflow_error("signed short integer is greater than maximum")));
                }
                *p = v as i16;
            }
            b'H' => {
                let p: *mut u16 = self.arg();
                *p = c_conv!(PyLong_AsUnsignedLongMask(a), u64::MAX) as u16;
            }
            b'i' => {
                let p: *mut i32 = self.arg();
                let v = c_conv!(PyLong_AsLong(a), -1);
                if v > i32::MAX as i64 {
                    return Err(CErr::Raised(err::overflow_error("signed integer is greater than maximum")));
                }
                if v < i32::MIN as i64 {
                    return Err(CErr::Raised(err::overflow_error("signed integer is less than minimum")));
                }
                *p = v as i32;
            }
            b'I' => {
                let p: *mut u32 = self.arg();
                *p = c_conv!(PyLong_AsUnsignedLongMask(a), u64::MAX) as u32;
            }
            b'n' => {
                let p: *mut Py_ssize_t = self.arg();
                let i = vm::abstract_::index(arg).map_err(CErr::Raised)?;
                *p = c_conv!(PyLong_AsSsize_t(i.as_ptr()), -1);
            }
            b'l' => {
                let p: *mut i64 = self.arg();
                *p = c_conv!(PyLong_AsLong(a), -1);
            }
            b'L' => {
                let p: *mut i64 = self.arg();
                *p = c_conv!(PyLong_AsLongLong(a), -1);
            }
            b'k' | b'K' => {
                let p: *mut u64 = self.arg();
                if !vm::objects::long::is_int(arg) {
                    return Err(converterr("int", arg));
                }
                *p = PyLong_AsUnsignedLongMask(a);
            }
            b'c' => {
                let p: *mut c_char = self.arg();
                if bytes::is_bytes(arg) && bytes::len(arg) == 1 {
                    *p = bytes::as_slice(arg)[0] as c_char;
                } else if bytearray::is_bytearray(arg) && bytearray::len(arg) == 1 {
                    *p = bytearray::as_slice(arg)[0] as c_char;
                } else {
                    return Err(converterr("a byte string of length 1", arg));
                }
            }
            b'C' => {
                let p: *mut c_int = self.arg();
                if unicode::is_str(arg) && unicode::len(arg) == 1 {
                    *p = unicode::data(arg).get(0) as c_int;
                } else {
                    return Err(converterr("a unicode character", arg));
                }
            }
            b'p' => {
                let p: *mut c_int = self.arg();
                *p = vm::abstract_::is_true(arg).map_err(CErr::Raised)? as c_int;
            }
            b'f' => {
                let p: *mut f32 = self.arg();
                *p = c_conv!(crate::floatobject::PyFloat_AsDouble(a), -1.0) as f32;
            }
            b'd' => {
                let p: *mut f64 = self.arg();
                *p = c_conv!(crate::floatobject::PyFloat_AsDouble(a), -1.0);
            }
            b's' | b'z' if self.peek() == b'*' => {
                self.i += 1;
                let view: *mut Py_buffer = self.arg();
                if c == b'z' && none::is_none(arg) {
                    crate::pybuffer::PyBuffer_FillInfo(view, std::ptr::null_mut(), std::ptr::null_mut(), 0, 1, 0);
                } else if unicode::is_str(arg) {
                    let s = unicode::as_str(arg).map_err(CErr::Raised)?;
                    crate::pybuffer::PyBuffer_FillInfo(view, a, s.as_ptr() as *mut c_void, s.len() as Py_ssize_t, 1, 0);
                    self.views.push(view);
                } else {
                    self.buffer_unit(arg, view, false)?;
                }
            }
            b'y' | b'w' if self.peek() == b'*' => {
                self.i += 1;
                let view: *mut Py_buffer = self.arg();
                self.buffer_unit(arg, view, c == b'w')?;
            }
            b's' | b'z' => {
                let p: *mut *const c_char = self.arg();
                if self.peek() == b'#' {
                    self.i += 1;
                    let psize: *mut Py_ssize_t = self.arg();
                    self.need_size_t()?;
                    if c == b'z' && none::is_none(arg) {
                        *p = std::ptr::null();
                        *psize = 0;
                    } else if unicode::is_str(arg) {
                        let s = unicode::as_str(arg).map_err(CErr::Raised)?;
                        *p = s.as_ptr() as *const c_char;
                        *psize = s.len() as Py_ssize_t;
                    } else {
                        let (d, n) = self.read_only_buffer(arg)?;
                        *p = d as *const c_char;
                        *psize = n as Py_ssize_t;
                    }
                } else if c == b'z' && none::is_none(arg) {
                    *p = std::ptr::null();
                } else if unicode::is_str(arg) {
                    let s = unicode::as_str(arg).map_err(CErr::Raised)?;
                    if s.as_bytes().contains(&0) {
                        return Err(CErr::Raised(err::value_error("embedded null character")));
                    }
                    *p = s.as_ptr() as *const c_char;
                } else {
                    return Err(converterr(if c == b'z' { "str or None" } else { "str" }, arg));
                }
            }
            b'y' => {
                let p: *mut *const c_char = self.arg();
                if self.peek() == b'#' {
                    self.i += 1;
                    let psize: *mut Py_ssize_t = self.arg();
                    self.need_size_t()?;
                    let (d, n) = self.read_only_buffer(arg)?;
                    *p = d as *const c_char;
                    *psize = n as Py_ssize_t;
                } else {
                    let (d, n) = self.read_only_buffer(arg)?;
                    if std::slice::from_raw_parts(d, n).contains(&0) {
                        return Err(CErr::Raised(err::value_error("embedded null byte")));
                    }
                    *p = d as *const c_char;
                }
            }
            b'S' | b'U' | b'Y' => {
                let p: *mut *mut PyObject = self.arg();
                let (ok, what) = match c {
                    b'S' => (bytes::is_bytes(arg), "bytes"),
                    b'U' => (unicode::is_str(arg), "str"),
                    _ => (bytearray::is_bytearray(arg), "bytearray"),
                };
                if !ok {
                    return Err(converterr(what, arg));
                }
                *p = a;
            }
            // `O!` or `O&` (`item` takes plain `O`).
            b'O' => {
                if self.peek() == b'!' {
                    self.i += 1;
                    let tp: *mut vm::object::PyTypeObject = self.arg();
                    let p: *mut *mut PyObject = self.arg();
                    if !vm::typeobj::is_subtype(arg.ob_type(), tp) {
                        let name = std::ffi::CStr::from_ptr((*tp).tp_name).to_string_lossy().into_owned();
                        return Err(converterr(&name, arg));
                    }
                    *p = a;
                } else {
                    self.i += 1;
                    let f: Option<unsafe extern "C" fn(*mut PyObject, *mut c_void) -> c_int> = std::mem::transmute(self.arg::<c_void>());
                    let addr: *mut c_void = self.arg();
                    let Some(f) = f else { return Err(CErr::Raised(bad_internal_call())) };
                    if f(a, addr) == 0 {
                        return Err(if err::occurred() { raised() } else { CErr::Msg(String::new(), Vec::new()) });
                    }
                }
            }
            _ => return Err(converterr("(impossible<bad format char>)", arg)),
        }
        Ok(())
    }

    /// Consumes one unit's pointers without converting (optional arguments
    /// not given, in the keyword parser). Err is CPython's SystemError text.
    unsafe fn skip(&mut self) -> Result<(), &'static str> {
        let c = self.peek();
        self.i += 1;
        match c {
            b'b' | b'B' | b'h' | b'H' | b'i' | b'I' | b'l' | b'k' | b'L' | b'K' | b'n' | b'f' | b'd' | b'D' | b'c'
            | b'C' | b'p' | b'S' | b'Y' | b'U' => {
                let _: *mut c_void = self.arg();
            }
            b's' | b'z' | b'y' | b'w' => {
                let _: *mut c_void = self.arg();
                if self.peek() == b'#' {
                    let _: *mut c_void = self.arg();
                    self.i += 1;
                } else if self.peek() == b'*' {
                    self.i += 1;
                }
            }
            b'O' => {
                if self.peek() == b'!' || self.peek() == b'&' {
                    self.i += 1;
                    let _: *mut c_void = self.arg();
                }
                let _: *mut c_void = self.arg();
            }
            b'(' => loop {
                if self.peek() == b')' {
                    self.i += 1;
                    break;
                }
                if self.peek() == 0 {
                    return Err("missing ')' in getargs format");
                }
                self.skip()?;
            },
            b')' => return Err("excess ')' in getargs format"),
            _ => return Err("impossible<bad format char>"),
        }
        Ok(())
    }
}

/// A positional format read in one pass: its units (up to `:` or `;`),
/// how many arguments they take, and where the function name or message
/// after them starts (NULL when absent; measured only for an error).
struct Format<'a> {
    units: &'a [u8],
    min: usize,
    max: usize,
    fname: *const c_char,
    msg: *const c_char,
}

/// The bytes of an optional C string (NULL: none).
unsafe fn opt_bytes<'a>(p: *const c_char) -> Option<&'a [u8]> {
    if p.is_null() {
        None
    } else {
        Some(cbytes(p))
    }
}

/// What `scan` does with each format byte.
const PLAIN: u8 = 0;
const UNIT: u8 = 1;
const OPEN: u8 = 2;
const CLOSE: u8 = 3;
const NAME: u8 = 4;
const MSG: u8 = 5;
const BAR: u8 = 6;
const END: u8 = 7;

static CLASS: [u8; 256] = {
    let mut t = [PLAIN; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_alphabetic() && b != b'e' {
            t[c] = UNIT;
        }
        c += 1;
    }
    t[0] = END;
    t[b'(' as usize] = OPEN;
    t[b')' as usize] = CLOSE;
    t[b':' as usize] = NAME;
    t[b';' as usize] = MSG;
    t[b'|' as usize] = BAR;
    t
};

unsafe fn scan<'a>(fmt: *const c_char) -> Result<Format<'a>, PyErr> {
    let mut fm = Format { units: &[], min: usize::MAX, max: 0, fname: std::ptr::null(), msg: std::ptr::null() };
    if fmt.is_null() {
        fm.min = 0;
        return Ok(fm);
    }
    let f = fmt as *const u8;
    let mut level = 0;
    let mut i = 0;
    loop {
        let k = CLASS[*f.add(i) as usize];
        // Units first, as a plain branch: a jump table over every class
        // costs an indirect branch per byte.
        if k == UNIT {
            fm.max += (level == 0) as usize;
            i += 1;
            continue;
        }
        match k {
            OPEN => {
                if level == 0 {
                    fm.max += 1;
                }
                level += 1;
            }
            CLOSE => {
                if level == 0 {
                    return Err(err::system_error("excess ')' in getargs format"));
                }
                level -= 1;
            }
            BAR if level == 0 => fm.min = fm.max,
            NAME => {
                fm.fname = fmt.add(i + 1);
                break;
            }
            MSG => {
                fm.msg = fmt.add(i + 1);
                break;
            }
            END => break,
            _ => {}
        }
        i += 1;
    }
    if level != 0 {
        return Err(err::system_error("missing ')' in getargs format"));
    }
    fm.units = std::slice::from_raw_parts(f, i);
    fm.min = fm.min.min(fm.max);
    Ok(fm)
}

/// `("name", "()")` for messages, or the default with no parentheses.
fn fn_label(fname: Option<&[u8]>, default: &str) -> (String, &'static str) {
    match fname {
        Some(f) => (format!("{:.200}", String::from_utf8_lossy(f)), "()"),
        None => (default.to_string(), ""),
    }
}

#[cold]
unsafe fn count_error(fm: &Format, len: usize) -> PyErr {
    if let Some(m) = opt_bytes(fm.msg) {
        return err::type_error(String::from_utf8_lossy(m).into_owned());
    }
    let (name, paren) = fn_label(opt_bytes(fm.fname), "function");
    let (min, max) = (fm.min, fm.max);
    let n = if len < min { min } else { max };
    err::type_error(format!(
        "{:.150}{} takes {} {} argument{} ({} given)",
        name,
        paren,
        if min == max { "exactly" } else if len < min { "at least" } else { "at most" },
        n,
        if n == 1 { "" } else { "s" },
        len
    ))
}

unsafe fn parse_tuple(args: *mut PyObject, fmt: *const c_char, ap: &mut Va, size_t: bool) -> Result<(), PyErr> {
    let fm = scan(fmt)?;
    if args.is_null() || !tuple::is_tuple(b(&args)) {
        return Err(err::system_error("new style getargs format but argument is not a tuple"));
    }
    let items = tuple::items(b(&args));
    let len = items.len();
    if len < fm.min || len > fm.max {
        return Err(count_error(&fm, len));
    }
    let mut p = Parser { f: fm.units, i: 0, ap, size_t, views: Vec::new() };
    for (k, it) in items.iter().enumerate() {
        if p.peek() == b'|' {
            p.i += 1;
        }
        if let Err(e) = p.item(it) {
            return Err(set_error(k + 1, e, opt_bytes(fm.fname), opt_bytes(fm.msg)));
        }
    }
    // `units` stops before any `:` or `;`, which show here as the end (0).
    let c = p.peek();
    if c != 0 && !c.is_ascii_alphabetic() && c != b'(' && c != b'|' {
        return Err(err::system_error(format!("bad format string: {:.200}", String::from_utf8_lossy(cbytes(fmt)))));
    }
    p.done();
    Ok(())
}

#[no_mangle]
pub unsafe extern "C" fn pyrite_parse_tuple(args: *mut PyObject, fmt: *const c_char, ap: *mut c_void, size_t: c_int) -> c_int {
    match parse_tuple(args, fmt, &mut Va(ap), size_t != 0) {
        Ok(()) => 1,
        Err(e) => {
            err::restore(e);
            0
        }
    }
}

/// `PyArg_Parse(arg, fmt, ...)`: the old form, where `fmt` describes the
/// one object `arg` (or nothing).
#[no_mangle]
pub unsafe extern "C" fn pyrite_parse(arg: *mut PyObject, fmt: *const c_char, ap: *mut c_void, size_t: c_int) -> c_int {
    let r = (|| -> Result<(), PyErr> {
        let fm = scan(fmt)?;
        if fm.max == 0 {
            if arg.is_null() {
                return Ok(());
            }
            let (name, paren) = fn_label(opt_bytes(fm.fname), "function");
            return Err(err::type_error(format!("{:.200}{} takes no arguments", name, paren)));
        }
        if fm.min == 1 && fm.max == 1 {
            if arg.is_null() {
                let (name, paren) = fn_label(opt_bytes(fm.fname), "function");
                return Err(err::type_error(format!("{:.200}{} takes at least one argument", name, paren)));
            }
            let mut ap = Va(ap);
            let mut p = Parser { f: fm.units, i: 0, ap: &mut ap, size_t: size_t != 0, views: Vec::new() };
            p.item(b(&arg)).map_err(|e| set_error(0, e, opt_bytes(fm.fname), opt_bytes(fm.msg)))?;
            p.done();
            return Ok(());
        }
        Err(err::system_error("old style getargs format uses new features"))
    })();
    match r {
        Ok(()) => 1,
        Err(e) => {
            err::restore(e);
            0
        }
    }
}

/// Whether `key` (an exact str) is the C keyword name `name`, decoded
/// lossily as the names always have been. An ASCII key is compared with
/// the C bytes in place, stopping at their NUL.
unsafe fn key_is(key: &PyObj, name: *const c_char) -> bool {
    if unicode::is_ascii(key) {
        let k = unicode::as_str_fast(key).unwrap_or_default().as_bytes();
        let n = name as *const u8;
        for (j, &c) in k.iter().enumerate() {
            let d = *n.add(j);
            if d == 0 || d != c {
                return false;
            }
        }
        return *n.add(k.len()) == 0;
    }
    unicode::eq_str(key, &String::from_utf8_lossy(cbytes(name)))
}

/// `kwargs[name]` for a C keyword name. While every key is an exact str,
/// keys are compared by text, so no str object is built; otherwise an
/// ordinary lookup, which may run a key's `__eq__`.
unsafe fn kw_get(kw: &PyObj, name: *const c_char) -> PyResult<Option<PyObj>> {
    let mut pos = 0;
    let mut found = None;
    while let Some((k, v, _)) = dict::next_entry(kw, &mut pos) {
        let key = b(&k);
        if !unicode::is_exact_str(key) {
            return dict::get_item(kw, &unicode::new(&String::from_utf8_lossy(cbytes(name))));
        }
        if found.is_none() && key_is(key, name) {
            found = Some(v);
        }
    }
    Ok(found.map(|v| PyObj::from_borrowed(v)))
}

/// CPython's name and message of a keyword format: the text after the
/// first `:` anywhere, else after the first `;`.
fn kw_tail(f: &[u8]) -> (Option<&[u8]>, Option<&[u8]>) {
    match f.iter().position(|&c| c == b':') {
        Some(k) => (Some(&f[k + 1..]), None),
        None => (None, f.iter().position(|&c| c == b';').map(|k| &f[k + 1..])),
    }
}

unsafe fn parse_kw(
    args: *mut PyObject,
    kwargs: *mut PyObject,
    fmt: *const c_char,
    kwlist: *mut *mut c_char,
    ap: &mut Va,
    size_t: bool,
) -> Result<(), PyErr> {
    if args.is_null() || !tuple::is_tuple(b(&args)) || (!kwargs.is_null() && !dict::is_dict(b(&kwargs))) || fmt.is_null() || kwlist.is_null() {
        return Err(bad_internal_call());
    }
    let f = cbytes(fmt);
    // The name and message are looked for only when an error needs them.
    let tail = || kw_tail(f);
    let label = || fn_label(tail().0, "function");
    let name = |i: usize| cbytes(*kwlist.add(i));
    let is_empty = |i: usize| **kwlist.add(i) == 0;
    let mut len = 0;
    while !(*kwlist.add(len)).is_null() {
        len += 1;
    }
    let pos = (0..len).take_while(|&i| is_empty(i)).count();
    if (pos..len).any(is_empty) {
        return Err(err::system_error("Empty keyword parameter name"));
    }
    let items = tuple::items(b(&args));
    let nargs = items.len();
    let kw = if kwargs.is_null() { None } else { Some(b(&kwargs)) };
    let mut nkw = kw.map(dict::len).unwrap_or(0);
    if nargs + nkw > len {
        let (name, paren) = label();
        return Err(err::type_error(format!(
            "{}{} takes at most {} {}argument{} ({} given)",
            name,
            paren,
            len,
            if nargs == 0 { "keyword " } else { "" },
            if len == 1 { "" } else { "s" },
            nargs + nkw
        )));
    }
    let mut p = Parser { f, i: 0, ap, size_t, views: Vec::new() };
    let mut min = usize::MAX;
    let mut max = usize::MAX;
    let mut skip = false;
    let mut i = 0;
    let end = |c: u8| c == 0 || c == b':' || c == b';';
    while i < len {
        if p.peek() == b'|' {
            if min != usize::MAX {
                return Err(err::system_error("Invalid format string (| specified twice)"));
            }
            min = i;
            p.i += 1;
            if max != usize::MAX {
                return Err(err::system_error("Invalid format string ($ before |)"));
            }
        }
        if p.peek() == b'$' {
            if max != usize::MAX {
                return Err(err::system_error("Invalid format string ($ specified twice)"));
            }
            max = i;
            p.i += 1;
            if max < pos {
                return Err(err::system_error("Empty parameter name after $"));
            }
            if skip {
                break;
            }
            if max < nargs {
                let (name, paren) = label();
                if max == 0 {
                    return Err(err::type_error(format!("{}{} takes no positional arguments", name, paren)));
                }
                return Err(err::type_error(format!(
                    "{}{} takes {} {} positional argument{} ({} given)",
                    name,
                    paren,
                    if min != usize::MAX { "at most" } else { "exactly" },
                    max,
                    if max == 1 { "" } else { "s" },
                    nargs
                )));
            }
        }
        if end(p.peek()) {
            return Err(err::system_error(format!("More keyword list entries ({}) than format specifiers ({})", len, i)));
        }
        if !skip {
            // Positional items are borrowed from the tuple; a keyword's
            // value is held while it converts.
            let from_kw;
            let cur: Option<&PyObj> = if i < nargs {
                Some(&items[i])
            } else if nkw > 0 && i >= pos {
                from_kw = kw_get(kw.unwrap(), *kwlist.add(i))?;
                if from_kw.is_some() {
                    nkw -= 1;
                }
                from_kw.as_ref()
            } else {
                None
            };
            if let Some(c) = cur {
                if let Err(e) = p.item(c) {
                    let (fname, custom) = tail();
                    return Err(set_error(i + 1, e, fname, custom));
                }
                i += 1;
                continue;
            }
            if i < min {
                if i < pos {
                    skip = true;
                } else {
                    let (fnm, paren) = label();
                    return Err(err::type_error(format!(
                        "{}{} missing required argument '{}' (pos {})",
                        fnm,
                        paren,
                        String::from_utf8_lossy(name(i)),
                        i + 1
                    )));
                }
            }
            if nkw == 0 && !skip {
                p.done();
                return Ok(());
            }
        }
        if let Err(m) = p.skip() {
            let rest = String::from_utf8_lossy(&f[p.i.min(f.len())..]).into_owned();
            return Err(err::system_error(format!("{}: '{}'", m, rest)));
        }
        i += 1;
    }
    if skip {
        let (name, paren) = label();
        let m = pos.min(min);
        return Err(err::type_error(format!(
            "{}{} takes {} {} positional argument{} ({} given)",
            name,
            paren,
            if m < i { "at least" } else { "exactly" },
            m,
            if m == 1 { "" } else { "s" },
            nargs
        )));
    }
    let c = p.peek();
    if !end(c) && c != b'|' && c != b'$' {
        return Err(err::system_error(format!(
            "more argument specifiers than keyword list entries (remaining format:'{}')",
            String::from_utf8_lossy(&f[p.i..])
        )));
    }
    if nkw > 0 {
        let kw = kw.unwrap();
        let (fnm, paren) = label();
        for k in pos..nargs {
            if kw_get(kw, *kwlist.add(k))?.is_some() {
                return Err(err::type_error(format!(
                    "argument for {}{} given by name ('{}') and position ({})",
                    fnm,
                    paren,
                    String::from_utf8_lossy(name(k)),
                    k + 1
                )));
            }
        }
        let (tname, tparen) = fn_label(tail().0, "this function");
        for (key, _) in dict::items_vec(kw) {
            if !unicode::is_str(&key) {
                return Err(err::type_error("keywords must be strings"));
            }
            // As in CPython, only an ASCII key can match here: a non-ASCII
            // one is reported even when it named a parameter.
            let known = unicode::is_ascii(&key)
                && (pos..len).any(|k| unicode::as_str_fast(&key).map(str::as_bytes) == Some(name(k)));
            if !known {
                let ks = unicode::to_string_lossy(&key);
                return Err(err::type_error(format!("'{}' is an invalid keyword argument for {}{}", ks, tname, tparen)));
            }
        }
        return Err(err::type_error(format!("invalid keyword argument for {}{}", tname, tparen)));
    }
    p.done();
    Ok(())
}

#[no_mangle]
pub unsafe extern "C" fn pyrite_parse_tuple_kw(
    args: *mut PyObject,
    kwargs: *mut PyObject,
    fmt: *const c_char,
    kwlist: *mut *mut c_char,
    ap: *mut c_void,
    size_t: c_int,
) -> c_int {
    match parse_kw(args, kwargs, fmt, kwlist, &mut Va(ap), size_t != 0) {
        Ok(()) => 1,
        Err(e) => {
            err::restore(e);
            0
        }
    }
}

/// `PyArg_UnpackTuple(args, name, min, max, PyObject **...)`.
#[no_mangle]
pub unsafe extern "C" fn pyrite_unpack_tuple(
    args: *mut PyObject,
    name: *const c_char,
    min: Py_ssize_t,
    max: Py_ssize_t,
    ap: *mut c_void,
) -> c_int {
    if args.is_null() || !tuple::is_tuple(b(&args)) {
        err::restore(err::system_error("PyArg_UnpackTuple() argument list is not a tuple"));
        return 0;
    }
    let items = tuple::items(b(&args));
    let l = items.len() as Py_ssize_t;
    let bad = |bound: Py_ssize_t, word: &str| {
        let s = if bound == 1 { "" } else { "s" };
        let w = if min == max { "" } else { word };
        let m = if name.is_null() {
            format!("unpacked tuple should have {}{} element{}, but has {}", w, bound, s, l)
        } else {
            format!("{:.200} expected {}{} argument{}, got {}", cstr(name), w, bound, s, l)
        };
        err::restore(err::type_error(m));
        0
    };
    if l < min {
        return bad(min, "at least ");
    }
    if l == 0 {
        return 1;
    }
    if l > max {
        return bad(max, "at most ");
    }
    let mut ap = Va(ap);
    for it in items {
        let p: *mut *mut PyObject = ap.ptr();
        *p = it.as_ptr();
    }
    1
}
