//! Codec error handling: the built-in handlers (strict, ignore, replace,
//! backslashreplace, xmlcharrefreplace, namereplace, surrogateescape,
//! surrogatepass) as Rust functions over the failing range, and `Errors`,
//! the per-call handler a codec consults when it meets an error. Built-in
//! names run natively; other names are looked up in the error registry
//! (only when an error actually happens, as CPython does) and called with a
//! Unicode{Encode,Decode}Error.

use crate::abstract_;
use crate::err::{self, PyErr, PyResult};
use crate::objects::{bytes, exceptions, long, tuple, unicode};
use crate::objref::PyObj;
use std::borrow::Cow;

/// What a handler gives an encoder: bytes are copied to the output as they
/// are, a str is encoded by the codec itself (which may refuse it).
pub enum Rep {
    Bytes(Vec<u8>),
    Str(Vec<u32>),
}

#[derive(Clone)]
pub enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    Custom(PyObj),
}

/// Why a built-in handler gave no replacement.
pub enum Fail {
    /// Raise the exception describing the error (strict, or a handler that
    /// cannot deal with it).
    Original,
    Err(PyErr),
}

impl Handler {
    /// The built-in handler of that name, if it is one.
    pub fn builtin(name: &str) -> Option<Handler> {
        Some(match name {
            "strict" => Handler::Strict,
            "ignore" => Handler::Ignore,
            "replace" => Handler::Replace,
            "backslashreplace" => Handler::BackslashReplace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            "namereplace" => Handler::NameReplace,
            "surrogateescape" => Handler::SurrogateEscape,
            "surrogatepass" => Handler::SurrogatePass,
            _ => return None,
        })
    }
}

fn push_str(out: &mut Vec<u32>, s: &str) {
    out.extend(s.chars().map(|c| c as u32));
}

fn backslash_char(out: &mut Vec<u32>, c: u32) {
    let t = if c < 0x100 {
        format!("\\x{:02x}", c)
    } else if c < 0x10000 {
        format!("\\u{:04x}", c)
    } else {
        format!("\\U{:08x}", c)
    };
    push_str(out, &t);
}

/// The surrogatepass handler's view of an encoding name: (unit bytes,
/// big endian) for utf-8 (3), utf-16 (2) and utf-32 (4); None otherwise.
fn standard_encoding(enc: &str) -> Option<(usize, bool)> {
    let native_be = cfg!(target_endian = "big");
    if enc == "CP_UTF8" {
        return Some((3, false));
    }
    let b = enc.as_bytes();
    if b.len() < 3 || !b[..3].eq_ignore_ascii_case(b"utf") {
        return None;
    }
    let mut r = &enc[3..];
    if r.starts_with('-') || r.starts_with('_') {
        r = &r[1..];
    }
    if r == "8" {
        return Some((3, false));
    }
    let unit = if r.starts_with("16") {
        2
    } else if r.starts_with("32") {
        4
    } else {
        return None;
    };
    let mut r = &r[2..];
    if r.is_empty() {
        return Some((unit, native_be));
    }
    if r.starts_with('-') || r.starts_with('_') {
        r = &r[1..];
    }
    match r.to_ascii_lowercase().as_str() {
        "be" => Some((unit, true)),
        "le" => Some((unit, false)),
        _ => None,
    }
}

/// A built-in handler on an encode error over `cps[start..end]`.
pub fn builtin_encode(h: &Handler, encoding: &str, cps: &[u32], start: usize, end: usize) -> Result<(Rep, usize), Fail> {
    let range = &cps[start.min(end)..end];
    let mut out = Vec::new();
    match h {
        Handler::Strict | Handler::Custom(_) => return Err(Fail::Original),
        Handler::Ignore => {}
        Handler::Replace => out.extend(std::iter::repeat('?' as u32).take(range.len())),
        Handler::BackslashReplace => {
            for &c in range {
                backslash_char(&mut out, c);
            }
        }
        Handler::XmlCharRefReplace => {
            for &c in range {
                push_str(&mut out, &format!("&#{};", c));
            }
        }
        Handler::NameReplace => {
            for &c in range {
                match crate::parser::unicode_names::name_of(c) {
                    Some(n) => push_str(&mut out, &format!("\\N{{{}}}", n)),
                    None => backslash_char(&mut out, c),
                }
            }
        }
        Handler::SurrogateEscape => {
            let mut b = Vec::with_capacity(range.len());
            for &c in range {
                if !(0xDC80..=0xDCFF).contains(&c) {
                    return Err(Fail::Original);
                }
                b.push((c - 0xDC00) as u8);
            }
            return Ok((Rep::Bytes(b), end));
        }
        Handler::SurrogatePass => {
            let (unit, be) = standard_encoding(encoding).ok_or(Fail::Original)?;
            let mut b = Vec::with_capacity(range.len() * unit);
            for &c in range {
                if !(0xD800..0xE000).contains(&c) {
                    return Err(Fail::Original);
                }
                match (unit, be) {
                    (3, _) => b.extend_from_slice(&[0xE0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3F) as u8, 0x80 | (c & 0x3F) as u8]),
                    (2, true) => b.extend_from_slice(&(c as u16).to_be_bytes()),
                    (2, false) => b.extend_from_slice(&(c as u16).to_le_bytes()),
                    (_, true) => b.extend_from_slice(&c.to_be_bytes()),
                    (_, false) => b.extend_from_slice(&c.to_le_bytes()),
                }
            }
            return Ok((Rep::Bytes(b), end));
        }
    }
    Ok((Rep::Str(out), end))
}

fn cant_handle(what: &str) -> Fail {
    Fail::Err(err::type_error(format!("don't know how to handle {} in error callback", what)))
}

/// A built-in handler on a decode error over `data[start..end]`.
pub fn builtin_decode(h: &Handler, encoding: &str, data: &[u8], start: usize, end: usize) -> Result<(Vec<u32>, usize), Fail> {
    let mut out = Vec::new();
    match h {
        Handler::Strict | Handler::Custom(_) => return Err(Fail::Original),
        Handler::Ignore => {}
        Handler::Replace => out.push(0xFFFD),
        Handler::BackslashReplace => {
            for &b in &data[start.min(end)..end] {
                push_str(&mut out, &format!("\\x{:02x}", b));
            }
        }
        Handler::XmlCharRefReplace | Handler::NameReplace => return Err(cant_handle("UnicodeDecodeError")),
        Handler::SurrogateEscape => {
            // At most 4 bytes, never ASCII ones; the codec calls again for the rest.
            let mut n = 0;
            while n < 4 && start + n < end && data[start + n] >= 128 {
                out.push(0xDC00 + data[start + n] as u32);
                n += 1;
            }
            if n == 0 {
                return Err(Fail::Original);
            }
            return Ok((out, start + n));
        }
        Handler::SurrogatePass => {
            let (unit, be) = standard_encoding(encoding).ok_or(Fail::Original)?;
            let p = &data[start..];
            let mut ch: u32 = 0;
            if p.len() >= unit {
                ch = match (unit, be) {
                    (3, _) => {
                        if p[0] & 0xF0 == 0xE0 && p[1] & 0xC0 == 0x80 && p[2] & 0xC0 == 0x80 {
                            ((p[0] as u32 & 0x0F) << 12) | ((p[1] as u32 & 0x3F) << 6) | (p[2] as u32 & 0x3F)
                        } else {
                            0
                        }
                    }
                    (2, true) => u16::from_be_bytes([p[0], p[1]]) as u32,
                    (2, false) => u16::from_le_bytes([p[0], p[1]]) as u32,
                    (_, true) => u32::from_be_bytes([p[0], p[1], p[2], p[3]]),
                    (_, false) => u32::from_le_bytes([p[0], p[1], p[2], p[3]]),
                };
            }
            if !(0xD800..0xE000).contains(&ch) {
                return Err(Fail::Original);
            }
            return Ok((vec![ch], start + unit));
        }
    }
    Ok((out, end))
}

/// A built-in handler on a translate error over `cps[start..end]`.
pub fn builtin_translate(h: &Handler, cps: &[u32], start: usize, end: usize) -> Result<(Vec<u32>, usize), Fail> {
    match h {
        Handler::Replace => Ok((vec![0xFFFD; end.saturating_sub(start)], end)),
        Handler::Strict | Handler::Custom(_) => Err(Fail::Original),
        Handler::Ignore => Ok((Vec::new(), end)),
        Handler::BackslashReplace => {
            let mut out = Vec::new();
            for &c in &cps[start.min(end)..end] {
                backslash_char(&mut out, c);
            }
            Ok((out, end))
        }
        Handler::XmlCharRefReplace
        | Handler::NameReplace
        | Handler::SurrogateEscape
        | Handler::SurrogatePass => Err(cant_handle("UnicodeTranslateError")),
    }
}

fn exc_field(exc: &PyObj, name: &str) -> PyResult {
    abstract_::getattr_str(exc, name)
}

/// start/end of a Unicode error clamped as CPython's accessors do.
fn exc_range(exc: &PyObj, len: usize) -> PyResult<(usize, usize)> {
    let s = abstract_::to_i64(&exc_field(exc, "start")?)?;
    let e = abstract_::to_i64(&exc_field(exc, "end")?)?;
    let len = len as i64;
    let s = if s < 0 { 0 } else if s >= len { (len - 1).max(0) } else { s };
    let e = e.max(1).min(len);
    Ok((s as usize, e as usize))
}

/// Runs built-in handler `h` on the exception `exc`, as the callables
/// `codecs.lookup_error(name)` returns do: a (replacement, position) tuple.
pub fn call_builtin(h: &Handler, exc: &PyObj) -> PyResult {
    let t = exc.ob_type();
    let is = |base: *mut crate::object::PyTypeObject| unsafe { crate::typeobj::is_subtype(t, base) };
    if let Handler::Strict = h {
        if exceptions::is_exception_instance(exc) {
            return Err(PyErr(exc.clone()));
        }
        return Err(err::type_error("codec must pass exception instance"));
    }
    let fail = |f: Fail| match f {
        Fail::Original => PyErr(exc.clone()),
        Fail::Err(e) => e,
    };
    unsafe {
        if is(exceptions::PyExc_UnicodeEncodeError) {
            let obj = exc_field(exc, "object")?;
            if !unicode::is_str(&obj) {
                return Err(err::type_error("object attribute must be unicode"));
            }
            let cps: Vec<u32> = unicode::data(&obj).iter().collect();
            let (s, e) = exc_range(exc, cps.len())?;
            let enc = unicode::to_string_lossy(&exc_field(exc, "encoding")?);
            let (rep, pos) = builtin_encode(h, &enc, &cps, s, e).map_err(fail)?;
            let r = match rep {
                Rep::Bytes(b) => bytes::new(&b),
                Rep::Str(c) => unicode::from_codepoints(&c),
            };
            return Ok(tuple::pair(r, long::from_usize(pos)));
        }
        if is(exceptions::PyExc_UnicodeDecodeError) {
            let obj = exc_field(exc, "object")?;
            let data = crate::objects::bytes_methods::buffer_data(&obj)
                .ok_or_else(|| err::type_error("object attribute must be bytes"))?;
            let (s, e) = exc_range(exc, data.len())?;
            let enc = unicode::to_string_lossy(&exc_field(exc, "encoding")?);
            let (rep, pos) = builtin_decode(h, &enc, &data, s, e).map_err(fail)?;
            return Ok(tuple::pair(unicode::from_codepoints(&rep), long::from_usize(pos)));
        }
        if is(exceptions::PyExc_UnicodeTranslateError) {
            let obj = exc_field(exc, "object")?;
            if !unicode::is_str(&obj) {
                return Err(err::type_error("object attribute must be unicode"));
            }
            let cps: Vec<u32> = unicode::data(&obj).iter().collect();
            let (s, e) = exc_range(exc, cps.len())?;
            let (rep, pos) = builtin_translate(h, &cps, s, e).map_err(fail)?;
            return Ok(tuple::pair(unicode::from_codepoints(&rep), long::from_usize(pos)));
        }
    }
    Err(err::type_error(format!("don't know how to handle {} in error callback", crate::typeobj::type_name(t))))
}

/// A UnicodeDecodeError(encoding, object, start, end, reason).
pub fn decode_error(encoding: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    exceptions::new_with_args(
        unsafe { exceptions::PyExc_UnicodeDecodeError },
        &[unicode::new(encoding), bytes::new(data), long::from_usize(start), long::from_usize(end), unicode::new(reason)],
    )
}

/// The `errors` argument of one codec call.
pub struct Errors {
    name: String,
    handler: Option<Handler>,
}

impl Errors {
    pub fn new(name: &str) -> Errors {
        Errors { name: name.to_string(), handler: Handler::builtin(name) }
    }

    pub fn strict() -> Errors {
        Errors { name: "strict".into(), handler: Some(Handler::Strict) }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn handler(&mut self) -> PyResult<Handler> {
        if self.handler.is_none() {
            self.handler = Some(Handler::Custom(super::lookup_error(&self.name)?));
        }
        Ok(self.handler.clone().unwrap_or(Handler::Strict))
    }

    /// Handles an encode error over `cps[start..end]` of the str `s`.
    pub fn encode(&mut self, encoding: &str, s: &PyObj, cps: &[u32], start: usize, end: usize, reason: &str) -> PyResult<(Rep, usize)> {
        let h = self.handler()?;
        let exc = || exceptions::unicode_encode_error(encoding, s, start, end, reason);
        match &h {
            Handler::Custom(f) => {
                let e = exc();
                let r = abstract_::call1(f, e.value())?;
                parse_result(&r, true, cps.len())
            }
            Handler::SurrogateEscape => {
                // As CPython's encoders do natively: escape the leading run,
                // then fail on the rest of the range.
                let mut b = Vec::new();
                for (k, &c) in cps[start..end].iter().enumerate() {
                    if !(0xDC80..=0xDCFF).contains(&c) {
                        return Err(exceptions::unicode_encode_error(encoding, s, start + k, end, reason));
                    }
                    b.push((c - 0xDC00) as u8);
                }
                Ok((Rep::Bytes(b), end))
            }
            b => builtin_encode(b, encoding, cps, start, end).map_err(|f| match f {
                Fail::Original => exc(),
                Fail::Err(e) => e,
            }),
        }
    }

    /// Handles a decode error over `data[start..end]`: appends the
    /// replacement to `out` and returns where decoding resumes. A custom
    /// handler may replace the exception's `object`; decoding then goes on
    /// in the new data, as in CPython.
    pub fn decode(&mut self, encoding: &str, data: &mut Cow<'_, [u8]>, start: usize, end: usize, reason: &str, out: &mut Vec<u32>) -> PyResult<usize> {
        let h = self.handler()?;
        match &h {
            Handler::Custom(f) => {
                let e = decode_error(encoding, data, start, end, reason);
                let given = abstract_::getattr_str(e.value(), "object")?;
                let r = abstract_::call1(f, e.value())?;
                let now = abstract_::getattr_str(e.value(), "object")?;
                if now.as_ptr() != given.as_ptr() {
                    if !bytes::is_bytes(&now) {
                        return Err(err::type_error("object attribute must be bytes"));
                    }
                    *data = Cow::Owned(bytes::as_slice(&now).to_vec());
                }
                let (rep, pos) = parse_result(&r, false, data.len())?;
                if let Rep::Str(c) = rep {
                    out.extend(c);
                }
                Ok(pos)
            }
            b => match builtin_decode(b, encoding, data, start, end) {
                Ok((rep, pos)) => {
                    out.extend(rep);
                    Ok(pos)
                }
                Err(Fail::Original) => Err(decode_error(encoding, data, start, end, reason)),
                Err(Fail::Err(e)) => Err(e),
            },
        }
    }
}

/// Checks a custom handler's (replacement, position) result.
fn parse_result(r: &PyObj, encoding: bool, len: usize) -> PyResult<(Rep, usize)> {
    let bad = || {
        err::type_error(if encoding {
            "encoding error handler must return (str/bytes, int) tuple"
        } else {
            "decoding error handler must return (str, int) tuple"
        })
    };
    if !tuple::is_tuple(r) || tuple::len(r) != 2 {
        return Err(bad());
    }
    let it = tuple::items(r);
    let rep = if unicode::is_str(&it[0]) {
        Rep::Str(unicode::data(&it[0]).iter().collect())
    } else if encoding && bytes::is_bytes(&it[0]) {
        Rep::Bytes(bytes::as_slice(&it[0]).to_vec())
    } else {
        return Err(bad());
    };
    let mut pos = abstract_::index_to_ssize(&it[1], Some(unsafe { exceptions::PyExc_OverflowError }))? as i64;
    if pos < 0 {
        pos += len as i64;
    }
    if pos < 0 || pos > len as i64 {
        return Err(err::index_error(format!("position {} from error handler out of bounds", pos)));
    }
    Ok((rep, pos as usize))
}
