//! Python-level behaviour of `bytes`: construction, repr, comparison,
//! hashing, sequence and mapping slots, and every method. The methods that
//! `bytes` and `bytearray` share are written once here over `&[u8]` and
//! registered on both types; they build results of the receiver's kind.
//! `bytes.decode` and `str.encode` run the codecs of `crate::codecs`.

use crate::abstract_;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{boolobject, bytearray, bytes, exceptions, list, long, memoryview, none, tuple, unicode};
use crate::objref::{xdecref, PyObj};
use crate::typeobj::type_name;
use std::borrow::Cow;
use std::os::raw::{c_int, c_void};

// ====================================================================== codecs

pub use crate::codecs::{decode_bytes, encode_str};

/// A UnicodeDecodeError(encoding, object, start, end, reason).
pub fn unicode_decode_error(encoding: &str, data: &[u8], start: usize, end: usize, reason: &str) -> err::PyErr {
    crate::codecs::errors::decode_error(encoding, data, start, end, reason)
}

// ====================================================================== helpers

/// The data of any object exporting a buffer (bytes, bytearray, memoryview,
/// or a C type with `bf_getbuffer`); None if it does not.
pub fn buffer_data(o: &PyObj) -> Option<Vec<u8>> {
    if bytes::is_bytes(o) {
        return Some(bytes::as_slice(o).to_vec());
    }
    if bytearray::is_bytearray(o) {
        return Some(bytearray::as_slice(o).to_vec());
    }
    if let Some(v) = memoryview::data_of(o) {
        return Some(v);
    }
    if memoryview::has_buffer(o) {
        return memoryview::generic_buffer_bytes(o).ok();
    }
    None
}

/// Like `buffer_data` but borrowing bytes objects without a copy.
pub fn buffer_cow(o: &PyObj) -> Option<Cow<'_, [u8]>> {
    if bytes::is_bytes(o) {
        return Some(Cow::Borrowed(bytes::as_slice(o)));
    }
    buffer_data(o).map(Cow::Owned)
}

pub fn is_buffer(o: &PyObj) -> bool {
    bytes::is_bytes(o) || bytearray::is_bytearray(o) || memoryview::has_buffer(o)
}

/// "a bytes-like object is required, not 'str'"
pub fn need_bytes_like(o: &PyObj) -> err::PyErr {
    err::type_error(format!("a bytes-like object is required, not '{}'", type_name(o.ob_type())))
}

pub fn bytes_like_arg(o: &PyObj) -> PyResult<Cow<'_, [u8]>> {
    buffer_cow(o).ok_or_else(|| need_bytes_like(o))
}

/// The receiver's data: borrowed for bytes, copied for bytearray (which
/// callbacks might resize).
pub fn sdata(o: &PyObj) -> Cow<'_, [u8]> {
    if bytes::is_bytes(o) {
        Cow::Borrowed(bytes::as_slice(o))
    } else if bytearray::is_bytearray(o) {
        Cow::Owned(bytearray::as_slice(o).to_vec())
    } else {
        Cow::Owned(buffer_data(o).unwrap_or_default())
    }
}

/// A result of the receiver's kind (bytes or bytearray).
pub fn mk(slf: &PyObj, v: &[u8]) -> PyObj {
    if bytearray::is_bytearray(slf) {
        bytearray::new(v)
    } else {
        bytes::new(v)
    }
}

/// `_getbytevalue`: an int in range(256).
pub fn byte_value(o: &PyObj, msg: &str) -> PyResult<u8> {
    let i = abstract_::index(o)?;
    match long::as_i64(&i) {
        Some(v) if (0..256).contains(&v) => Ok(v as u8),
        _ => Err(err::value_error(msg)),
    }
}

/// Optional start/end argument (`_PyEval_SliceIndex`).
fn slice_index(o: Option<&PyObj>, default: isize) -> PyResult<isize> {
    match o {
        None => Ok(default),
        Some(v) if none::is_none(v) => Ok(default),
        Some(v) => {
            if !abstract_::has_index(v) {
                return Err(err::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ));
            }
            abstract_::index_to_ssize(v, None)
        }
    }
}

fn adjust_indices(start: isize, end: isize, len: usize) -> (isize, isize) {
    let len = len as isize;
    let mut s = start;
    let mut e = end;
    if e > len {
        e = len;
    } else if e < 0 {
        e += len;
        if e < 0 {
            e = 0;
        }
    }
    if s < 0 {
        s += len;
        if s < 0 {
            s = 0;
        }
    }
    (s, e)
}

/// The sub argument of find/count/index: an int byte or a bytes-like object.
fn sub_arg(o: &PyObj) -> PyResult<Vec<u8>> {
    if let Some(d) = buffer_data(o) {
        return Ok(d);
    }
    if abstract_::has_index(o) {
        return Ok(vec![byte_value(o, "byte must be in range(0, 256)")?]);
    }
    Err(err::type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        type_name(o.ob_type())
    )))
}

fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    if needle.len() == 1 {
        return hay.iter().position(|&b| b == needle[0]);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    if needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn count_sub(hay: &[u8], needle: &[u8], max: usize) -> usize {
    if needle.is_empty() {
        return (hay.len() + 1).min(max);
    }
    let mut n = 0;
    let mut i = 0;
    while n < max {
        match find_sub(&hay[i..], needle) {
            Some(p) => {
                n += 1;
                i += p + needle.len();
            }
            None => break,
        }
    }
    n
}

/// find/rfind/index/rindex/count core: Some(index) or None; count returns the count.
fn find_common(slf: &PyObj, args: &[PyObj], fname: &str, reverse: bool) -> PyResult<Option<usize>> {
    crate::objects::methodobject::check_nargs(fname, args, 1, 3)?;
    let sub = sub_arg(&args[0])?;
    let data = sdata(slf);
    let start = slice_index(args.get(1), 0)?;
    let end = slice_index(args.get(2), isize::MAX)?;
    let (s, e) = adjust_indices(start, end, data.len());
    if s > data.len() as isize || e < s || (e - s) < sub.len() as isize {
        if !(sub.is_empty() && s <= data.len() as isize && e >= s) {
            return Ok(None);
        }
    }
    let (s, e) = (s as usize, e as usize);
    let r = if reverse { rfind_sub(&data[s..e], &sub) } else { find_sub(&data[s..e], &sub) };
    Ok(r.map(|p| p + s))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

pub fn repr_bytes(data: &[u8], prefix: &str, suffix: &str) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut s = String::with_capacity(data.len() + 3 + prefix.len() + suffix.len());
    s.push_str(prefix);
    s.push('b');
    s.push(quote);
    for &b in data {
        match b {
            b'\\' => s.push_str("\\\\"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            _ if b as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{:02x}", b)),
        }
    }
    s.push(quote);
    s.push_str(suffix);
    s
}

fn width_arg(o: &PyObj) -> PyResult<isize> {
    abstract_::index_to_ssize(o, Some(unsafe { exceptions::PyExc_OverflowError }))
}

fn fill_arg(args: &[PyObj], i: usize, fname: &str) -> PyResult<u8> {
    match args.get(i) {
        None => Ok(b' '),
        Some(f) => {
            if bytes::is_bytes(f) && bytes::len(f) == 1 {
                return Ok(bytes::as_slice(f)[0]);
            }
            if bytearray::is_bytearray(f) && bytearray::as_slice(f).len() == 1 {
                return Ok(bytearray::as_slice(f)[0]);
            }
            Err(err::type_error(format!(
                "{}() argument {} must be a byte string of length 1, not {}",
                fname,
                i + 1,
                type_name(f.ob_type())
            )))
        }
    }
}

fn pad(data: &[u8], left: usize, right: usize, fill: u8) -> Vec<u8> {
    let mut v = Vec::with_capacity(data.len() + left + right);
    v.resize(left, fill);
    v.extend_from_slice(data);
    v.resize(v.len() + right, fill);
    v
}

fn bool_obj(b: bool) -> PyResult {
    Ok(boolobject::new(b))
}

fn str_arg(o: &PyObj, fname: &str, argname: &str) -> PyResult<String> {
    if !unicode::is_str(o) {
        return Err(err::type_error(format!(
            "{}() argument '{}' must be str, not {}",
            fname,
            argname,
            type_name(o.ob_type())
        )));
    }
    Ok(unicode::to_string_lossy(o))
}

fn split_whitespace(data: &[u8], maxsplit: isize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let n = data.len();
    let mut i = 0;
    let mut count = 0;
    loop {
        while i < n && is_space(data[i]) {
            i += 1;
        }
        if i >= n {
            break;
        }
        if maxsplit >= 0 && count >= maxsplit {
            out.push(&data[i..]);
            break;
        }
        let st = i;
        while i < n && !is_space(data[i]) {
            i += 1;
        }
        out.push(&data[st..i]);
        count += 1;
    }
    out
}

fn rsplit_whitespace(data: &[u8], maxsplit: isize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = data.len();
    let mut count = 0;
    loop {
        while i > 0 && is_space(data[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        if maxsplit >= 0 && count >= maxsplit {
            out.push(&data[..i]);
            break;
        }
        let en = i;
        while i > 0 && !is_space(data[i - 1]) {
            i -= 1;
        }
        out.push(&data[i..en]);
        count += 1;
    }
    out.reverse();
    out
}

fn split_sep<'a>(data: &'a [u8], sep: &[u8], maxsplit: isize) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut count = 0;
    while maxsplit < 0 || count < maxsplit {
        match find_sub(&data[i..], sep) {
            Some(p) => {
                out.push(&data[i..i + p]);
                i += p + sep.len();
                count += 1;
            }
            None => break,
        }
    }
    out.push(&data[i..]);
    out
}

fn rsplit_sep<'a>(data: &'a [u8], sep: &[u8], maxsplit: isize) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut end = data.len();
    let mut count = 0;
    while maxsplit < 0 || count < maxsplit {
        match rfind_sub(&data[..end], sep) {
            Some(p) => {
                out.push(&data[p + sep.len()..end]);
                end = p;
                count += 1;
            }
            None => break,
        }
    }
    out.push(&data[..end]);
    out.reverse();
    out
}

fn list_of(slf: &PyObj, parts: Vec<&[u8]>) -> PyObj {
    list::new(parts.into_iter().map(|p| mk(slf, p)).collect())
}

fn split_impl(slf: &PyObj, args: &[PyObj], kw: Option<&PyObj>, rev: bool) -> PyResult {
    let fname = if rev { "rsplit" } else { "split" };
    let a = crate::objects::methodobject::bind_args(fname, args, kw, &["sep", "maxsplit"], 0, 0)?;
    let maxsplit = match &a[1] {
        Some(m) => abstract_::index_to_ssize(m, Some(unsafe { exceptions::PyExc_OverflowError }))?,
        None => -1,
    };
    let data = sdata(slf);
    match &a[0] {
        Some(s) if !none::is_none(s) => {
            let sep = bytes_like_arg(s)?;
            if sep.is_empty() {
                return Err(err::value_error("empty separator"));
            }
            let parts = if rev { rsplit_sep(&data, &sep, maxsplit) } else { split_sep(&data, &sep, maxsplit) };
            Ok(list_of(slf, parts))
        }
        _ => {
            let parts = if rev { rsplit_whitespace(&data, maxsplit) } else { split_whitespace(&data, maxsplit) };
            Ok(list_of(slf, parts))
        }
    }
}

fn strip_impl(slf: &PyObj, args: &[PyObj], fname: &str, left: bool, right: bool) -> PyResult {
    crate::objects::methodobject::check_nargs(fname, args, 0, 1)?;
    let data = sdata(slf);
    let chars: Option<Cow<[u8]>> = match args.first() {
        Some(c) if !none::is_none(c) => Some(bytes_like_arg(c)?),
        _ => None,
    };
    let strip_it = |b: u8| match &chars {
        Some(c) => c.contains(&b),
        None => is_space(b),
    };
    let mut i = 0;
    let mut j = data.len();
    if left {
        while i < j && strip_it(data[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip_it(data[j - 1]) {
            j -= 1;
        }
    }
    if i == 0 && j == data.len() && bytes::is_exact_bytes(slf) {
        return Ok(slf.clone());
    }
    Ok(mk(slf, &data[i..j]))
}

fn tailmatch(data: &[u8], sub: &[u8], start: isize, end: isize, at_end: bool) -> bool {
    let (s, e) = adjust_indices(start, end, data.len());
    let e2 = e - sub.len() as isize;
    if e2 < s {
        return false;
    }
    if s as usize > data.len() {
        return false;
    }
    let pos = if at_end { e2 as usize } else { s as usize };
    &data[pos..pos + sub.len()] == sub
}

fn startsend(slf: &PyObj, args: &[PyObj], fname: &str, at_end: bool) -> PyResult {
    crate::objects::methodobject::check_nargs(fname, args, 1, 3)?;
    let data = sdata(slf);
    let start = slice_index(args.get(1), 0)?;
    let end = slice_index(args.get(2), isize::MAX)?;
    let p = &args[0];
    if tuple::is_tuple(p) {
        for item in tuple::items(p) {
            let sub = bytes_like_arg(item)?;
            if tailmatch(&data, &sub, start, end, at_end) {
                return bool_obj(true);
            }
        }
        return bool_obj(false);
    }
    let sub = buffer_cow(p).ok_or_else(|| {
        err::type_error(format!(
            "{} first arg must be bytes or a tuple of bytes, not {}",
            fname,
            type_name(p.ob_type())
        ))
    })?;
    bool_obj(tailmatch(&data, &sub, start, end, at_end))
}

/// `bytes.hex` / `bytearray.hex` / `memoryview.hex` core.
pub fn hex_impl(data: &[u8], args: &[PyObj], kw: Option<&PyObj>) -> PyResult {
    let a = crate::objects::methodobject::bind_args("hex", args, kw, &["sep", "bytes_per_sep"], 0, 0)?;
    let sep: Option<u8> = match &a[0] {
        None => None,
        Some(s) => {
            let sb: Vec<u8> = if unicode::is_str(s) {
                if unicode::len(s) != 1 {
                    return Err(err::value_error("sep must be length 1."));
                }
                let c = unicode::data(s).iter().next().unwrap_or(0);
                if c > 127 {
                    return Err(err::value_error("sep must be ASCII."));
                }
                vec![c as u8]
            } else {
                let n = abstract_::len(s)?;
                if n != 1 {
                    return Err(err::value_error("sep must be length 1."));
                }
                let d = bytes_like_arg(s)?.to_vec();
                if d[0] > 127 {
                    return Err(err::value_error("sep must be ASCII."));
                }
                d
            };
            Some(sb[0])
        }
    };
    let per = match &a[1] {
        None => 1,
        Some(p) => abstract_::index_to_ssize(p, Some(unsafe { exceptions::PyExc_OverflowError }))?,
    };
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(data.len() * 3);
    let n = data.len();
    let group = per.unsigned_abs();
    for (i, &b) in data.iter().enumerate() {
        if let Some(sc) = sep {
            if i > 0 && group > 0 {
                let boundary = if per > 0 { (n - i) % group == 0 } else { i % group == 0 };
                if boundary {
                    out.push(sc as char);
                }
            }
        }
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
    Ok(unicode::new(&out))
}

/// `bytes.fromhex` core.
pub fn fromhex_data(s: &PyObj) -> PyResult<Vec<u8>> {
    if !unicode::is_str(s) {
        return Err(err::type_error(format!("fromhex() argument must be str, not {}", type_name(s.ob_type()))));
    }
    let cps: Vec<u32> = unicode::data(s).iter().collect();
    let mut out = Vec::with_capacity(cps.len() / 2);
    let hexval = |c: u32| -> Option<u8> { char::from_u32(c).and_then(|ch| ch.to_digit(16)).filter(|_| c < 128).map(|d| d as u8) };
    let bad = |p: usize| err::value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", p));
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if c < 128 && is_space(c as u8) {
            i += 1;
            continue;
        }
        let hi = hexval(c).ok_or_else(|| bad(i))?;
        let lo = cps.get(i + 1).and_then(|&c2| hexval(c2)).ok_or_else(|| bad(i + 1))?;
        out.push(hi * 16 + lo);
        i += 2;
    }
    Ok(out)
}

fn join_impl(slf: &PyObj, iterable: &PyObj) -> PyResult {
    let sep = sdata(slf).into_owned();
    let items = abstract_::iterate(iterable)?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match buffer_cow(it) {
            Some(d) => out.extend_from_slice(&d),
            None => {
                return Err(err::type_error(format!(
                    "sequence item {}: expected a bytes-like object, {} found",
                    i,
                    type_name(it.ob_type())
                )))
            }
        }
    }
    Ok(mk(slf, &out))
}

fn title_bytes(data: &[u8]) -> Vec<u8> {
    let mut prev = false;
    data.iter()
        .map(|&c| {
            let r = if c.is_ascii_lowercase() {
                if prev {
                    c
                } else {
                    c.to_ascii_uppercase()
                }
            } else if c.is_ascii_uppercase() {
                if prev {
                    c.to_ascii_lowercase()
                } else {
                    c
                }
            } else {
                c
            };
            prev = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn istitle(data: &[u8]) -> bool {
    let mut cased = false;
    let mut prev = false;
    for &c in data {
        if c.is_ascii_uppercase() {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev {
                return false;
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    cased
}

fn expandtabs(data: &[u8], tabsize: isize) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut col: isize = 0;
    for &c in data {
        if c == b'\t' {
            if tabsize > 0 {
                let n = tabsize - col % tabsize;
                out.resize(out.len() + n as usize, b' ');
                col += n;
            }
        } else {
            out.push(c);
            col += 1;
            if c == b'\n' || c == b'\r' {
                col = 0;
            }
        }
    }
    out
}

fn splitlines(data: &[u8], keepends: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = data.len();
    while i < n {
        let st = i;
        while i < n && data[i] != b'\n' && data[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if data[i] == b'\r' && i + 1 < n && data[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        out.push(&data[st..eol]);
    }
    out
}

fn replace_impl(data: &[u8], old: &[u8], new: &[u8], count: isize) -> Vec<u8> {
    let max = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        let mut n = 0;
        for (i, &b) in data.iter().enumerate() {
            if n < max {
                out.extend_from_slice(new);
                n += 1;
            }
            out.push(b);
            let _ = i;
        }
        if n < max {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut i = 0;
    let mut n = 0;
    while n < max {
        match find_sub(&data[i..], old) {
            Some(p) => {
                out.extend_from_slice(&data[i..i + p]);
                out.extend_from_slice(new);
                i += p + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&data[i..]);
    out
}

// ====================================================================== shared methods

macro_rules! noargs_map {
    ($name:ident, |$d:ident| $e:expr) => {
        crate::onearg!($name, |slf, _a| {
            let $d = sdata(slf);
            let v: Vec<u8> = $e;
            Ok(mk(slf, &v))
        });
    };
}
macro_rules! noargs_pred {
    ($name:ident, |$d:ident| $e:expr) => {
        crate::onearg!($name, |slf, _a| {
            let $d = sdata(slf);
            bool_obj($e)
        });
    };
}

noargs_map!(m_lower, |d| d.to_ascii_lowercase());
noargs_map!(m_upper, |d| d.to_ascii_uppercase());
noargs_map!(m_swapcase, |d| d
    .iter()
    .map(|&c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
    .collect());
noargs_map!(m_title, |d| title_bytes(&d));
noargs_map!(m_capitalize, |d| d
    .iter()
    .enumerate()
    .map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
    .collect());
noargs_pred!(m_isalnum, |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_alphanumeric()));
noargs_pred!(m_isalpha, |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_alphabetic()));
noargs_pred!(m_isascii, |d| d.is_ascii());
noargs_pred!(m_isdigit, |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_digit()));
noargs_pred!(m_isspace, |d| !d.is_empty() && d.iter().all(|&c| is_space(c)));
noargs_pred!(m_islower, |d| d.iter().any(|c| c.is_ascii_lowercase()) && !d.iter().any(|c| c.is_ascii_uppercase()));
noargs_pred!(m_isupper, |d| d.iter().any(|c| c.is_ascii_uppercase()) && !d.iter().any(|c| c.is_ascii_lowercase()));
noargs_pred!(m_istitle, |d| istitle(&d));

crate::fastcall!(m_center, |slf, args| {
    crate::objects::methodobject::check_nargs("center", args, 1, 2)?;
    let w = width_arg(&args[0])?;
    let fill = fill_arg(args, 1, "center")?;
    let d = sdata(slf);
    if w <= d.len() as isize {
        return Ok(mk(slf, &d));
    }
    let marg = w as usize - d.len();
    let left = marg / 2 + (marg & w as usize & 1);
    Ok(mk(slf, &pad(&d, left, marg - left, fill)))
});

crate::fastcall!(m_ljust, |slf, args| {
    crate::objects::methodobject::check_nargs("ljust", args, 1, 2)?;
    let w = width_arg(&args[0])?;
    let fill = fill_arg(args, 1, "ljust")?;
    let d = sdata(slf);
    if w <= d.len() as isize {
        return Ok(mk(slf, &d));
    }
    Ok(mk(slf, &pad(&d, 0, w as usize - d.len(), fill)))
});

crate::fastcall!(m_rjust, |slf, args| {
    crate::objects::methodobject::check_nargs("rjust", args, 1, 2)?;
    let w = width_arg(&args[0])?;
    let fill = fill_arg(args, 1, "rjust")?;
    let d = sdata(slf);
    if w <= d.len() as isize {
        return Ok(mk(slf, &d));
    }
    Ok(mk(slf, &pad(&d, w as usize - d.len(), 0, fill)))
});

crate::onearg!(m_zfill, |slf, a| {
    let w = width_arg(a.unwrap())?;
    let d = sdata(slf);
    if w <= d.len() as isize {
        return Ok(mk(slf, &d));
    }
    let fill = w as usize - d.len();
    let mut v = pad(&d, fill, 0, b'0');
    if !d.is_empty() && (d[0] == b'+' || d[0] == b'-') {
        v[0] = d[0];
        v[fill] = b'0';
    }
    Ok(mk(slf, &v))
});

crate::fastcall!(m_count, |slf, args| {
    crate::objects::methodobject::check_nargs("count", args, 1, 3)?;
    let sub = sub_arg(&args[0])?;
    let data = sdata(slf);
    let (s, e) = adjust_indices(slice_index(args.get(1), 0)?, slice_index(args.get(2), isize::MAX)?, data.len());
    if s > data.len() as isize || e < s {
        return Ok(long::from_i64(0));
    }
    Ok(long::from_usize(count_sub(&data[s as usize..e as usize], &sub, usize::MAX)))
});

crate::fastcall!(m_find, |slf, args| {
    Ok(long::from_i64(find_common(slf, args, "find", false)?.map(|p| p as i64).unwrap_or(-1)))
});
crate::fastcall!(m_rfind, |slf, args| {
    Ok(long::from_i64(find_common(slf, args, "rfind", true)?.map(|p| p as i64).unwrap_or(-1)))
});
crate::fastcall!(m_index, |slf, args| {
    match find_common(slf, args, "index", false)? {
        Some(p) => Ok(long::from_usize(p)),
        None => Err(err::value_error("subsection not found")),
    }
});
crate::fastcall!(m_rindex, |slf, args| {
    match find_common(slf, args, "rindex", true)? {
        Some(p) => Ok(long::from_usize(p)),
        None => Err(err::value_error("subsection not found")),
    }
});

crate::fastcall_kw!(m_decode, |slf, args, kw| {
    let a = crate::objects::methodobject::bind_args("decode", args, kw, &["encoding", "errors"], 0, 0)?;
    let enc = match &a[0] {
        Some(e) => str_arg(e, "decode", "encoding")?,
        None => "utf-8".to_string(),
    };
    let errs = match &a[1] {
        Some(e) => str_arg(e, "decode", "errors")?,
        None => "strict".to_string(),
    };
    decode_bytes(&sdata(slf), &enc, &errs)
});

crate::fastcall!(m_startswith, |slf, args| { startsend(slf, args, "startswith", false) });
crate::fastcall!(m_endswith, |slf, args| { startsend(slf, args, "endswith", true) });

crate::fastcall_kw!(m_expandtabs, |slf, args, kw| {
    let a = crate::objects::methodobject::bind_args("expandtabs", args, kw, &["tabsize"], 0, 0)?;
    let ts = match &a[0] {
        Some(t) => abstract_::index_to_ssize(t, Some(unsafe { exceptions::PyExc_OverflowError }))?,
        None => 8,
    };
    Ok(mk(slf, &expandtabs(&sdata(slf), ts)))
});

crate::fastcall_kw!(m_hex, |slf, args, kw| { hex_impl(&sdata(slf), args, kw) });

crate::onearg!(m_join, |slf, a| { join_impl(slf, a.unwrap()) });

crate::fastcall!(m_strip, |slf, args| { strip_impl(slf, args, "strip", true, true) });
crate::fastcall!(m_lstrip, |slf, args| { strip_impl(slf, args, "lstrip", true, false) });
crate::fastcall!(m_rstrip, |slf, args| { strip_impl(slf, args, "rstrip", false, true) });

crate::fastcall_kw!(m_split, |slf, args, kw| { split_impl(slf, args, kw, false) });
crate::fastcall_kw!(m_rsplit, |slf, args, kw| { split_impl(slf, args, kw, true) });

crate::fastcall_kw!(m_splitlines, |slf, args, kw| {
    let a = crate::objects::methodobject::bind_args("splitlines", args, kw, &["keepends"], 0, 0)?;
    let keep = match &a[0] {
        Some(k) => {
            if crate::objects::float::is_float(k) {
                return Err(err::type_error("integer argument expected, got float"));
            }
            abstract_::is_true(k)?
        }
        None => false,
    };
    let d = sdata(slf);
    Ok(list_of(slf, splitlines(&d, keep)))
});

fn partition_impl(slf: &PyObj, sep: &PyObj, rev: bool) -> PyResult {
    let sep = bytes_like_arg(sep)?.into_owned();
    if sep.is_empty() {
        return Err(err::value_error("empty separator"));
    }
    let d = sdata(slf);
    let pos = if rev { rfind_sub(&d, &sep) } else { find_sub(&d, &sep) };
    Ok(match pos {
        Some(p) => tuple::new(vec![mk(slf, &d[..p]), mk(slf, &sep), mk(slf, &d[p + sep.len()..])]),
        None => {
            if rev {
                tuple::new(vec![mk(slf, b""), mk(slf, b""), mk(slf, &d)])
            } else {
                tuple::new(vec![mk(slf, &d), mk(slf, b""), mk(slf, b"")])
            }
        }
    })
}

crate::onearg!(m_partition, |slf, a| { partition_impl(slf, a.unwrap(), false) });
crate::onearg!(m_rpartition, |slf, a| { partition_impl(slf, a.unwrap(), true) });

crate::onearg!(m_removeprefix, |slf, a| {
    let p = bytes_like_arg(a.unwrap())?;
    let d = sdata(slf);
    if d.starts_with(&p) && !p.is_empty() {
        Ok(mk(slf, &d[p.len()..]))
    } else if bytes::is_exact_bytes(slf) {
        Ok(slf.clone())
    } else {
        Ok(mk(slf, &d))
    }
});

crate::onearg!(m_removesuffix, |slf, a| {
    let p = bytes_like_arg(a.unwrap())?;
    let d = sdata(slf);
    if d.ends_with(&p) && !p.is_empty() {
        Ok(mk(slf, &d[..d.len() - p.len()]))
    } else if bytes::is_exact_bytes(slf) {
        Ok(slf.clone())
    } else {
        Ok(mk(slf, &d))
    }
});

crate::fastcall!(m_replace, |slf, args| {
    crate::objects::methodobject::check_nargs("replace", args, 2, 3)?;
    let old = bytes_like_arg(&args[0])?;
    let new = bytes_like_arg(&args[1])?;
    let count = match args.get(2) {
        Some(c) => abstract_::index_to_ssize(c, Some(unsafe { exceptions::PyExc_OverflowError }))?,
        None => -1,
    };
    Ok(mk(slf, &replace_impl(&sdata(slf), &old, &new, count)))
});

crate::fastcall_kw!(m_translate, |slf, args, kw| {
    let a = crate::objects::methodobject::bind_args("translate", args, kw, &["table", "delete"], 1, 1)?;
    let table = a[0].as_ref().unwrap();
    let tbl: Option<Vec<u8>> = if none::is_none(table) {
        None
    } else {
        let t = bytes_like_arg(table)?.into_owned();
        if t.len() != 256 {
            return Err(err::value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let del: Vec<u8> = match &a[1] {
        Some(d) => bytes_like_arg(d)?.into_owned(),
        None => Vec::new(),
    };
    let d = sdata(slf);
    let out: Vec<u8> = d
        .iter()
        .filter(|b| !del.contains(b))
        .map(|&b| match &tbl {
            Some(t) => t[b as usize],
            None => b,
        })
        .collect();
    Ok(mk(slf, &out))
});

/// `bytes.maketrans` / `bytearray.maketrans` (static).
pub unsafe extern "C" fn m_maketrans(_s: *mut PyObject, a: *const *mut PyObject, n: isize) -> *mut PyObject {
    let args = PyObj::slice(a, n as usize);
    let r = (|| -> PyResult {
        crate::objects::methodobject::check_nargs("maketrans", args, 2, 2)?;
        let f = bytes_like_arg(&args[0])?;
        let t = bytes_like_arg(&args[1])?;
        if f.len() != t.len() {
            return Err(err::value_error("maketrans arguments must have same length"));
        }
        let mut tbl: Vec<u8> = (0..=255u8).collect();
        for (x, y) in f.iter().zip(t.iter()) {
            tbl[*x as usize] = *y;
        }
        Ok(bytes::new(&tbl))
    })();
    err::into_ptr(r)
}

// `fromhex` classmethod (self is the class).
crate::onearg!(m_fromhex, |cls, a| {
    let data = fromhex_data(a.unwrap())?;
    let tp = crate::typeobj::as_type(cls);
    if tp == bytes::bytes_type() {
        return Ok(bytes::new(&data));
    }
    if tp == bytearray::bytearray_type() {
        return Ok(bytearray::new(&data));
    }
    let base = if crate::typeobj::is_subtype(tp, bytearray::bytearray_type()) { bytearray::new(&data) } else { bytes::new(&data) };
    abstract_::call1(cls, &base)
});

crate::onearg!(m_getnewargs, |slf, _a| { Ok(tuple::new(vec![bytes::new(&sdata(slf))])) });

crate::onearg!(m_bytes, |slf, _a| {
    if bytes::is_exact_bytes(slf) {
        Ok(slf.clone())
    } else {
        Ok(bytes::new(bytes::as_slice(slf)))
    }
});

/// Methods shared by `bytes` and `bytearray`.
pub fn shared_methods() -> Vec<(&'static str, *const c_void, c_int, &'static str)> {
    let fast = meth::FASTCALL;
    let fkw = meth::FASTCALL | meth::KEYWORDS;
    vec![
        ("capitalize", m_capitalize as *const c_void, meth::NOARGS, ""),
        ("center", m_center as *const c_void, fast, ""),
        ("count", m_count as *const c_void, fast, ""),
        ("decode", m_decode as *const c_void, fkw, ""),
        ("endswith", m_endswith as *const c_void, fast, ""),
        ("expandtabs", m_expandtabs as *const c_void, fkw, ""),
        ("find", m_find as *const c_void, fast, ""),
        ("fromhex", m_fromhex as *const c_void, meth::O | meth::CLASS, ""),
        ("hex", m_hex as *const c_void, fkw, ""),
        ("index", m_index as *const c_void, fast, ""),
        ("isalnum", m_isalnum as *const c_void, meth::NOARGS, ""),
        ("isalpha", m_isalpha as *const c_void, meth::NOARGS, ""),
        ("isascii", m_isascii as *const c_void, meth::NOARGS, ""),
        ("isdigit", m_isdigit as *const c_void, meth::NOARGS, ""),
        ("islower", m_islower as *const c_void, meth::NOARGS, ""),
        ("isspace", m_isspace as *const c_void, meth::NOARGS, ""),
        ("istitle", m_istitle as *const c_void, meth::NOARGS, ""),
        ("isupper", m_isupper as *const c_void, meth::NOARGS, ""),
        ("join", m_join as *const c_void, meth::O, ""),
        ("ljust", m_ljust as *const c_void, fast, ""),
        ("lower", m_lower as *const c_void, meth::NOARGS, ""),
        ("lstrip", m_lstrip as *const c_void, fast, ""),
        ("maketrans", m_maketrans as *const c_void, fast | meth::STATIC, ""),
        ("partition", m_partition as *const c_void, meth::O, ""),
        ("removeprefix", m_removeprefix as *const c_void, meth::O, ""),
        ("removesuffix", m_removesuffix as *const c_void, meth::O, ""),
        ("replace", m_replace as *const c_void, fast, ""),
        ("rfind", m_rfind as *const c_void, fast, ""),
        ("rindex", m_rindex as *const c_void, fast, ""),
        ("rjust", m_rjust as *const c_void, fast, ""),
        ("rpartition", m_rpartition as *const c_void, meth::O, ""),
        ("rsplit", m_rsplit as *const c_void, fkw, ""),
        ("rstrip", m_rstrip as *const c_void, fast, ""),
        ("split", m_split as *const c_void, fkw, ""),
        ("splitlines", m_splitlines as *const c_void, fkw, ""),
        ("startswith", m_startswith as *const c_void, fast, ""),
        ("strip", m_strip as *const c_void, fast, ""),
        ("swapcase", m_swapcase as *const c_void, meth::NOARGS, ""),
        ("title", m_title as *const c_void, meth::NOARGS, ""),
        ("translate", m_translate as *const c_void, fkw, ""),
        ("upper", m_upper as *const c_void, meth::NOARGS, ""),
        ("zfill", m_zfill as *const c_void, meth::O, ""),
    ]
}

// ====================================================================== % formatting

struct FmtSrc<'a> {
    args: &'a PyObj,
    is_map: bool,
    cursor: crate::format::percent::ArgCursor,
    current: Option<PyObj>,
}

impl<'a> FmtSrc<'a> {
    fn fetch(&mut self) -> PyResult {
        use crate::format::percent::ArgSlot;
        match self.cursor.next_arg().map_err(fmt_err)? {
            ArgSlot::Index(i) => Ok(tuple::items(self.args)[i].clone()),
            ArgSlot::Current => Ok(self.current.clone().unwrap_or_else(|| self.args.clone())),
        }
    }
}

/// A PyErr the percent parser can produce from its FormatErrors.
struct FErr(err::PyErr);

impl From<crate::format::FormatError> for FErr {
    fn from(e: crate::format::FormatError) -> Self {
        FErr(fmt_err(e))
    }
}

impl From<err::PyErr> for FErr {
    fn from(e: err::PyErr) -> Self {
        FErr(e)
    }
}

impl<'a> crate::format::percent::PercentArgSource for FmtSrc<'a> {
    type Error = FErr;
    fn is_mapping(&self) -> bool {
        self.is_map
    }
    fn select_key(&mut self, key: &str) -> Result<(), FErr> {
        let kb: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
        let v = abstract_::getitem(self.args, &bytes::new(&kb))?;
        self.current = Some(v);
        self.cursor.select_key();
        Ok(())
    }
    fn star(&mut self, is_precision: bool) -> Result<i64, FErr> {
        Ok(self.star_impl(is_precision)?)
    }
}

impl<'a> FmtSrc<'a> {
    fn star_impl(&mut self, is_precision: bool) -> PyResult<i64> {
        let v = self.fetch()?;
        if !long::is_int(&v) {
            return Err(fmt_err(crate::format::percent::star_wants_int_error()));
        }
        match long::as_i64(&v) {
            Some(x) if is_precision && x > i32::MAX as i64 => Err(err::overflow_error("Python int too large to convert to C int")),
            Some(x) if is_precision && x < i32::MIN as i64 => Err(err::overflow_error("Python int too large to convert to C int")),
            Some(x) => Ok(x),
            None => Err(err::overflow_error(if is_precision {
                "Python int too large to convert to C int"
            } else {
                "Python int too large to convert to C ssize_t"
            })),
        }
    }
}

pub fn fmt_err(e: crate::format::FormatError) -> err::PyErr {
    use crate::format::ErrKind;
    match e.kind {
        ErrKind::ValueError => err::value_error(e.msg),
        ErrKind::TypeError => err::type_error(e.msg),
        ErrKind::OverflowError => err::overflow_error(e.msg),
        ErrKind::ZeroDivisionError => err::zero_division_error(e.msg),
        ErrKind::MemoryError => err::memory_error_msg(e.msg),
    }
}

fn pad_field(out: &mut Vec<u8>, spec: &crate::format::percent::PercentSpec, body: &[u8]) {
    let body = if spec.prec >= 0 && (spec.prec as usize) < body.len() { &body[..spec.prec as usize] } else { body };
    let w = spec.width.max(0) as usize;
    let fill = w.saturating_sub(body.len());
    if spec.flags & crate::format::percent::F_LJUST != 0 {
        out.extend_from_slice(body);
        out.resize(out.len() + fill, b' ');
    } else {
        out.resize(out.len() + fill, b' ');
        out.extend_from_slice(body);
    }
}

fn pad_num(out: &mut Vec<u8>, spec: &crate::format::percent::PercentSpec, body: &[u8]) {
    let w = spec.width.max(0) as usize;
    let fill = w.saturating_sub(body.len());
    if spec.flags & crate::format::percent::F_LJUST != 0 {
        out.extend_from_slice(body);
        out.resize(out.len() + fill, b' ');
    } else {
        out.resize(out.len() + fill, b' ');
        out.extend_from_slice(body);
    }
}

/// `%b`/`%s` value: a buffer or `__bytes__`.
fn format_b_arg(v: &PyObj) -> PyResult<Vec<u8>> {
    if let Some(d) = buffer_data(v) {
        return Ok(d);
    }
    if let Some(r) = abstract_::call_special(v, "__bytes__", &[])? {
        if !bytes::is_bytes(&r) {
            return Err(err::type_error(format!("__bytes__ returned non-bytes (type {})", type_name(r.ob_type()))));
        }
        return Ok(bytes::as_slice(&r).to_vec());
    }
    Err(err::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        type_name(v.ob_type())
    )))
}

fn is_number(v: &PyObj) -> bool {
    unsafe {
        let nm = (*v.ob_type()).tp_as_number;
        !nm.is_null() && ((*nm).nb_index.is_some() || (*nm).nb_int.is_some() || (*nm).nb_float.is_some())
    }
}

/// `bytes % args` (also bytearray).
pub fn bytes_format(fmt: &[u8], args: &PyObj) -> PyResult<Vec<u8>> {
    use crate::format::percent::{self as pc, Piece, PercentParser};
    let fstr: String = fmt.iter().map(|&b| b as char).collect();
    let is_tuple = tuple::is_tuple(args);
    let is_map = unsafe {
        let mp = (*args.ob_type()).tp_as_mapping;
        !mp.is_null()
            && (*mp).mp_subscript.is_some()
            && !is_tuple
            && !bytes::is_bytes(args)
            && !unicode::is_str(args)
            && !bytearray::is_bytearray(args)
    };
    let mut src = FmtSrc {
        args,
        is_map,
        cursor: pc::ArgCursor::new(if is_tuple { Some(tuple::len(args)) } else { None }, is_map),
        current: None,
    };
    let mut out: Vec<u8> = Vec::with_capacity(fmt.len() + 16);
    let mut p = PercentParser::new(&fstr);
    while let Some(piece) = p.next_piece(&mut src).map_err(|e| e.0)? {
        match piece {
            Piece::Literal(s) => out.extend(s.chars().map(|c| c as u32 as u8)),
            Piece::Percent => out.push(b'%'),
            Piece::Spec(spec) => {
                let v = src.fetch()?;
                match spec.conv {
                    's' | 'b' => {
                        let d = format_b_arg(&v)?;
                        pad_field(&mut out, &spec, &d);
                    }
                    'r' | 'a' => {
                        let r = crate::objects::unicode_methods::ascii(&v)?;
                        let s = unicode::to_string_lossy(&r);
                        pad_field(&mut out, &spec, s.as_bytes());
                    }
                    'c' => {
                        let b: u8 = if long::is_int(&v) {
                            match long::as_i64(&v) {
                                Some(x) if (0..256).contains(&x) => x as u8,
                                _ => return Err(err::overflow_error("%c arg not in range(256)")),
                            }
                        } else if (bytes::is_bytes(&v) && bytes::len(&v) == 1)
                            || (bytearray::is_bytearray(&v) && bytearray::as_slice(&v).len() == 1)
                        {
                            buffer_data(&v).unwrap()[0]
                        } else {
                            return Err(err::type_error("%c requires an integer in range(256) or a single byte"));
                        };
                        let sp = pc::PercentSpec { prec: -1, ..spec.clone() };
                        pad_field(&mut out, &sp, &[b]);
                    }
                    'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                        let iv: PyObj = if long::is_int(&v) {
                            v.clone()
                        } else if crate::objects::float::is_float(&v) && !matches!(spec.conv, 'o' | 'x' | 'X') {
                            let x = crate::objects::float::value(&v);
                            long::from_bigint(&crate::format::float_to_bigint(x.trunc()).map_err(fmt_err)?)
                        } else if matches!(spec.conv, 'o' | 'x' | 'X') {
                            if !abstract_::has_index(&v) {
                                return Err(fmt_err(pc::int_type_error(spec.conv, &type_name(v.ob_type()))));
                            }
                            abstract_::index(&v)?
                        } else {
                            if !is_number(&v) {
                                return Err(fmt_err(pc::int_type_error(spec.conv, &type_name(v.ob_type()))));
                            }
                            abstract_::call1(&crate::typeobj::type_obj(long::long_type()), &v)?
                        };
                        let s = pc::percent_int(&spec, &long::to_bigint(&iv)).map_err(fmt_err)?;
                        pad_num(&mut out, &pc::PercentSpec { width: -1, ..spec.clone() }, s.as_bytes());
                    }
                    'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                        let x: f64 = if crate::objects::float::is_float(&v) {
                            crate::objects::float::value(&v)
                        } else if is_number(&v) {
                            let f = abstract_::call1(&crate::typeobj::type_obj(crate::objects::float::float_type()), &v)?;
                            crate::objects::float::value(&f)
                        } else {
                            return Err(err::type_error(format!("float argument required, not {}", type_name(v.ob_type()))));
                        };
                        let s = pc::percent_float(&spec, x).map_err(fmt_err)?;
                        out.extend_from_slice(s.as_bytes());
                    }
                    _ => return Err(fmt_err(spec.unsupported_error())),
                }
            }
        }
    }
    src.cursor.finish().map_err(|_| err::type_error("not all arguments converted during bytes formatting"))?;
    Ok(out)
}

// ====================================================================== bytes slots

/// `bytes(...)`/`bytearray(...)` source conversion (no encoding given):
/// an int count, a buffer, or an iterable of ints.
pub fn from_object(x: &PyObj, tpname: &str) -> PyResult<Vec<u8>> {
    if let Some(d) = buffer_data(x) {
        return Ok(d);
    }
    if abstract_::has_index(x) {
        match abstract_::index_to_ssize(x, Some(unsafe { exceptions::PyExc_OverflowError })) {
            Ok(n) => {
                if n < 0 {
                    return Err(err::value_error("negative count"));
                }
                return Ok(vec![0u8; n as usize]);
            }
            Err(e) if e.matches(unsafe { exceptions::PyExc_TypeError }) => {}
            Err(e) => return Err(e),
        }
    }
    let msg = if tpname == "bytes" { "bytes must be in range(0, 256)" } else { "byte must be in range(0, 256)" };
    if list::is_list(x) || tuple::is_tuple(x) {
        let items = if list::is_list(x) { list::to_vec(x) } else { tuple::items(x).to_vec() };
        return items.iter().map(|i| byte_value(i, msg)).collect();
    }
    let it = abstract_::get_iter(x).map_err(|e| {
        if e.matches(unsafe { exceptions::PyExc_TypeError }) {
            err::type_error(format!("cannot convert '{}' object to {}", type_name(x.ob_type()), tpname))
        } else {
            e
        }
    })?;
    let mut v = Vec::new();
    while let Some(i) = abstract_::next(&it)? {
        v.push(byte_value(&i, msg)?);
    }
    Ok(v)
}

/// Parses (source, encoding, errors) of bytes()/bytearray().
pub fn parse_new_args(fname: &str, args: &PyObj, kwargs: *mut PyObject) -> PyResult<[Option<PyObj>; 3]> {
    let names = ["source", "encoding", "errors"];
    let pos = tuple::items(args);
    if pos.len() > 3 {
        return Err(err::type_error(format!("{}() takes at most 3 arguments ({} given)", fname, pos.len())));
    }
    let mut out: [Option<PyObj>; 3] = [None, None, None];
    for (i, p) in pos.iter().enumerate() {
        out[i] = Some(p.clone());
    }
    if !kwargs.is_null() {
        let d = unsafe { PyObj::borrow(&kwargs) };
        for (k, v) in crate::objects::dict::items_vec(d) {
            let kn = unicode::to_string_lossy(&k);
            match names.iter().position(|n| *n == kn) {
                Some(i) => {
                    if out[i].is_some() {
                        return Err(err::type_error(format!(
                            "argument for {}() given by name ('{}') and position ({})",
                            fname,
                            kn,
                            i + 1
                        )));
                    }
                    out[i] = Some(v);
                }
                None => {
                    return Err(err::type_error(format!("'{}' is an invalid keyword argument for {}()", kn, fname)))
                }
            }
        }
    }
    for (i, n) in names.iter().enumerate().skip(1) {
        if let Some(v) = &out[i] {
            if !unicode::is_str(v) {
                return Err(err::type_error(format!(
                    "{}() argument '{}' must be str, not {}",
                    fname,
                    n,
                    type_name(v.ob_type())
                )));
            }
        }
    }
    Ok(out)
}

/// Data for bytes(source, encoding, errors) / bytearray(...) after argument parsing.
pub fn new_data(fname: &str, a: &[Option<PyObj>; 3], use_bytes_dunder: bool) -> PyResult<Vec<u8>> {
    let [src, enc, errs] = a;
    let Some(x) = src else {
        if enc.is_some() {
            return Err(err::type_error("encoding without a string argument"));
        }
        if errs.is_some() {
            return Err(err::type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if enc.is_some() || errs.is_some() {
        if !unicode::is_str(x) {
            return Err(err::type_error(if enc.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        if enc.is_none() {
            return Err(err::type_error("string argument without an encoding"));
        }
        let e = unicode::to_string_lossy(enc.as_ref().unwrap());
        let er = errs.as_ref().map(unicode::to_string_lossy).unwrap_or_else(|| "strict".into());
        let b = encode_str(x, &e, &er)?;
        return Ok(bytes::as_slice(&b).to_vec());
    }
    if unicode::is_str(x) {
        return Err(err::type_error("string argument without an encoding"));
    }
    if use_bytes_dunder && !bytes::is_bytes(x) {
        if let Some(r) = abstract_::call_special(x, "__bytes__", &[])? {
            if !bytes::is_bytes(&r) {
                return Err(err::type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    type_name(r.ob_type())
                )));
            }
            return Ok(bytes::as_slice(&r).to_vec());
        }
    }
    from_object(x, fname)
}

/// A bytes object of type `tp` (bytes or a subclass) holding `data`.
pub unsafe fn bytes_subtype_from(tp: *mut PyTypeObject, data: &[u8]) -> PyResult {
    if tp == bytes::bytes_type() {
        return Ok(bytes::new(data));
    }
    let alloc = (*tp).tp_alloc.unwrap_or(crate::alloc::generic_alloc);
    let o = alloc(tp, data.len() as isize);
    if o.is_null() {
        return Err(err::fetch());
    }
    let obj = PyObj::from_owned(o);
    (*(o as *mut bytes::PyBytesObject)).ob_shash = -1;
    std::ptr::copy_nonoverlapping(data.as_ptr(), bytes::data_mut(&obj), data.len());
    *bytes::data_mut(&obj).add(data.len()) = 0;
    Ok(obj)
}

unsafe extern "C" fn bytes_new(tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult {
        let a = parse_new_args("bytes", PyObj::borrow(&args), kwargs)?;
        // bytes(b) for an exact bytes returns b itself.
        if tp == bytes::bytes_type() && a[1].is_none() && a[2].is_none() {
            if let Some(x) = &a[0] {
                if bytes::is_exact_bytes(x) {
                    return Ok(x.clone());
                }
            }
        }
        let data = new_data("bytes", &a, true)?;
        bytes_subtype_from(tp, &data)
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn bytes_repr(o: *mut PyObject) -> *mut PyObject {
    let s = repr_bytes(bytes::as_slice(PyObj::borrow(&o)), "", "");
    unicode::new(&s).into_ptr()
}

unsafe extern "C" fn bytes_hash(o: *mut PyObject) -> Py_hash_t {
    bytes::hash(PyObj::borrow(&o))
}

fn compare_op(a: &[u8], b: &[u8], op: c_int) -> bool {
    let c = a.cmp(b);
    match op {
        PY_LT => c.is_lt(),
        PY_LE => c.is_le(),
        PY_EQ => c.is_eq(),
        PY_NE => c.is_ne(),
        PY_GT => c.is_gt(),
        _ => c.is_ge(),
    }
}

unsafe extern "C" fn bytes_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let (ao, bo) = (PyObj::borrow(&a), PyObj::borrow(&b));
    if !bytes::is_bytes(ao) || !bytes::is_bytes(bo) {
        return none::not_implemented().into_ptr();
    }
    if a == b && (op == PY_EQ || op == PY_NE) {
        return boolobject::new(op == PY_EQ).into_ptr();
    }
    boolobject::new(compare_op(bytes::as_slice(ao), bytes::as_slice(bo), op)).into_ptr()
}

/// Rich comparison for bytearray (against any buffer).
pub fn buffer_richcompare(ao: &PyObj, bo: &PyObj, op: c_int) -> PyObj {
    let (Some(x), Some(y)) = (buffer_cow(ao), buffer_cow(bo)) else {
        return none::not_implemented();
    };
    boolobject::new(compare_op(&x, &y, op))
}

unsafe extern "C" fn bytes_length(o: *mut PyObject) -> Py_ssize_t {
    bytes::len(PyObj::borrow(&o)) as isize
}

unsafe extern "C" fn bytes_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (ao, bo) = (PyObj::borrow(&a), PyObj::borrow(&b));
    let r = (|| -> PyResult {
        let (Some(x), Some(y)) = (buffer_cow(ao), buffer_cow(bo)) else {
            let bad = if buffer_cow(ao).is_none() { ao } else { bo };
            return Err(err::type_error(format!(
                "can't concat {} to {}",
                type_name(bad.ob_type()),
                type_name(ao.ob_type())
            )));
        };
        let mut v = Vec::with_capacity(x.len() + y.len());
        v.extend_from_slice(&x);
        v.extend_from_slice(&y);
        Ok(bytes::new(&v))
    })();
    err::into_ptr(r)
}

pub fn repeat_data(d: &[u8], n: isize) -> PyResult<Vec<u8>> {
    if n <= 0 || d.is_empty() {
        return Ok(Vec::new());
    }
    let total = (d.len() as isize).checked_mul(n).ok_or_else(err_memory)?;
    if total as usize > (1usize << 40) {
        return Err(err_memory());
    }
    Ok(d.repeat(n as usize))
}

fn err_memory() -> err::PyErr {
    err::memory_error_msg("")
}

unsafe extern "C" fn bytes_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let ao = PyObj::borrow(&a);
    if n == 1 && bytes::is_exact_bytes(ao) {
        return ao.clone().into_ptr();
    }
    err::into_ptr(repeat_data(bytes::as_slice(ao), n).map(|v| bytes::new(&v)))
}

/// `x in b` for bytes-likes: an int byte or a sub-sequence.
pub fn contains_impl(data: &[u8], x: &PyObj) -> PyResult<bool> {
    if let Some(d) = buffer_cow(x) {
        return Ok(find_sub(data, &d).is_some());
    }
    if abstract_::has_index(x) {
        let b = byte_value(x, "byte must be in range(0, 256)")?;
        return Ok(data.contains(&b));
    }
    Err(need_bytes_like(x))
}

unsafe extern "C" fn bytes_contains(a: *mut PyObject, x: *mut PyObject) -> c_int {
    match contains_impl(bytes::as_slice(PyObj::borrow(&a)), PyObj::borrow(&x)) {
        Ok(b) => b as c_int,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn bytes_item(a: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let d = bytes::as_slice(PyObj::borrow(&a));
    if i < 0 || i as usize >= d.len() {
        err::restore(err::index_error("index out of range"));
        return std::ptr::null_mut();
    }
    long::from_i64(d[i as usize] as i64).into_ptr()
}

/// Subscript of a byte sequence: int → int, slice → bytes-like via `make`.
pub fn subscript_impl(d: &[u8], key: &PyObj, idx_err: &str, kind: &str, make: &dyn Fn(&[u8]) -> PyObj) -> PyResult {
    if crate::objects::slice::is_slice(key) {
        let (start, _stop, step, n) = crate::objects::slice::indices(key, d.len())?;
        if step == 1 {
            return Ok(make(&d[start as usize..start as usize + n]));
        }
        let v: Vec<u8> = (0..n).map(|k| d[(start + k as isize * step) as usize]).collect();
        return Ok(make(&v));
    }
    if abstract_::has_index(key) {
        let mut i = abstract_::index_to_ssize(key, Some(unsafe { exceptions::PyExc_IndexError }))?;
        if i < 0 {
            i += d.len() as isize;
        }
        if i < 0 || i as usize >= d.len() {
            return Err(err::index_error(idx_err));
        }
        return Ok(long::from_i64(d[i as usize] as i64));
    }
    Err(err::type_error(format!(
        "{} indices must be integers or slices, not {}",
        kind,
        type_name(key.ob_type())
    )))
}

unsafe extern "C" fn bytes_subscript(a: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    let ao = PyObj::borrow(&a);
    let ko = PyObj::borrow(&k);
    if crate::objects::slice::is_slice(ko) && bytes::is_exact_bytes(ao) {
        if let Ok((0, _, 1, n)) = crate::objects::slice::indices(ko, bytes::len(ao)) {
            if n == bytes::len(ao) {
                return ao.clone().into_ptr();
            }
        }
    }
    err::into_ptr(subscript_impl(bytes::as_slice(ao), ko, "index out of range", "byte", &|v| bytes::new(v)))
}

unsafe extern "C" fn bytes_mod(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let ao = PyObj::borrow(&a);
    if !bytes::is_bytes(ao) {
        return none::not_implemented().into_ptr();
    }
    err::into_ptr(bytes_format(bytes::as_slice(ao), PyObj::borrow(&b)).map(|v| bytes::new(&v)))
}

/// `PyBuffer_FillInfo`.
pub unsafe fn fill_info(
    view: *mut Py_buffer,
    obj: *mut PyObject,
    buf: *mut u8,
    len: isize,
    readonly: bool,
    flags: c_int,
) -> c_int {
    if view.is_null() {
        err::restore(err::buffer_error("PyBuffer_FillInfo: view==NULL argument is obsolete"));
        return -1;
    }
    if flags & memoryview::PYBUF_WRITABLE != 0 && readonly {
        err::restore(err::buffer_error("Object is not writable."));
        return -1;
    }
    if !obj.is_null() {
        crate::objref::incref(obj);
    }
    (*view).obj = obj;
    (*view).buf = buf as *mut c_void;
    (*view).len = len;
    (*view).readonly = readonly as c_int;
    (*view).itemsize = 1;
    (*view).format = if flags & memoryview::PYBUF_FORMAT != 0 { b"B\0".as_ptr() as *mut _ } else { std::ptr::null_mut() };
    (*view).ndim = 1;
    (*view).shape = if flags & memoryview::PYBUF_ND == memoryview::PYBUF_ND { &mut (*view).len } else { std::ptr::null_mut() };
    (*view).strides = if flags & memoryview::PYBUF_STRIDES == memoryview::PYBUF_STRIDES {
        &mut (*view).itemsize
    } else {
        std::ptr::null_mut()
    };
    (*view).suboffsets = std::ptr::null_mut();
    (*view).internal = std::ptr::null_mut();
    0
}

unsafe extern "C" fn bytes_getbuffer(o: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int {
    let ob = PyObj::borrow(&o);
    fill_info(view, o, bytes::data_mut(ob), bytes::len(ob) as isize, true, flags)
}

// ---------------------------------------------------------------- bytes_iterator

#[repr(C)]
pub struct BytesIterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

#[no_mangle]
pub static mut PyBytesIter_Type: PyTypeObject =
    PyTypeObject::empty(b"bytes_iterator\0", std::mem::size_of::<BytesIterObject>(), 0);

unsafe extern "C" fn bytes_iter(o: *mut PyObject) -> *mut PyObject {
    let it = crate::alloc::alloc_object(&raw mut PyBytesIter_Type, 0) as *mut BytesIterObject;
    crate::objref::incref(o);
    (*it).seq = o;
    (*it).index = 0;
    it as *mut PyObject
}

unsafe extern "C" fn bytesiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut BytesIterObject;
    if (*it).seq.is_null() {
        return std::ptr::null_mut();
    }
    let seq = PyObj::borrow(&(*it).seq);
    let d = bytes::as_slice(seq);
    if ((*it).index as usize) < d.len() {
        let v = d[(*it).index as usize];
        (*it).index += 1;
        return long::from_i64(v as i64).into_ptr();
    }
    let s = std::mem::replace(&mut (*it).seq, std::ptr::null_mut());
    xdecref(s);
    std::ptr::null_mut()
}

unsafe extern "C" fn bytesiter_dealloc(o: *mut PyObject) {
    xdecref((*(o as *mut BytesIterObject)).seq);
    crate::alloc::tp_free(o);
}

crate::onearg!(bytesiter_length_hint, |slf, _a| {
    let it = slf.as_ptr() as *mut BytesIterObject;
    if (*it).seq.is_null() {
        return Ok(long::from_i64(0));
    }
    let n = bytes::len(PyObj::borrow(&(*it).seq)) as isize - (*it).index;
    Ok(long::from_i64(n.max(0) as i64))
});

static mut BYTES_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;
static mut BYTES_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut BYTES_AS_MAPPING: PyMappingMethods = EMPTY_MAPPING_METHODS;
static mut BYTES_AS_BUFFER: PyBufferProcs = EMPTY_BUFFER_PROCS;

pub fn types() -> Vec<*mut PyTypeObject> {
    let mut v = vec![&raw mut PyBytesIter_Type];
    v.extend(bytearray::types());
    v.extend(memoryview::types());
    v
}

pub unsafe fn init_type() {
    let t = bytes::bytes_type();
    (*t).tp_new = Some(bytes_new);
    (*t).tp_repr = Some(bytes_repr);
    (*t).tp_str = Some(bytes_repr);
    (*t).tp_hash = Some(bytes_hash);
    (*t).tp_richcompare = Some(bytes_richcompare);
    (*t).tp_iter = Some(bytes_iter);
    BYTES_AS_NUMBER.nb_remainder = Some(bytes_mod);
    (*t).tp_as_number = &raw mut BYTES_AS_NUMBER;
    BYTES_AS_SEQUENCE.sq_length = Some(bytes_length);
    BYTES_AS_SEQUENCE.sq_concat = Some(bytes_concat);
    BYTES_AS_SEQUENCE.sq_repeat = Some(bytes_repeat);
    BYTES_AS_SEQUENCE.sq_item = Some(bytes_item);
    BYTES_AS_SEQUENCE.sq_contains = Some(bytes_contains);
    (*t).tp_as_sequence = &raw mut BYTES_AS_SEQUENCE;
    BYTES_AS_MAPPING.mp_length = Some(bytes_length);
    BYTES_AS_MAPPING.mp_subscript = Some(bytes_subscript);
    (*t).tp_as_mapping = &raw mut BYTES_AS_MAPPING;
    BYTES_AS_BUFFER.bf_getbuffer = Some(bytes_getbuffer);
    (*t).tp_as_buffer = &raw mut BYTES_AS_BUFFER;
    let mut m = shared_methods();
    m.push(("__getnewargs__", m_getnewargs as *const c_void, meth::NOARGS, ""));
    m.push(("__bytes__", m_bytes as *const c_void, meth::NOARGS, ""));
    crate::objects::descr::set_methods(t, &m);

    let it = &raw mut PyBytesIter_Type;
    (*it).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*it).tp_iternext = Some(bytesiter_next);
    (*it).tp_dealloc = Some(bytesiter_dealloc);
    crate::objects::descr::set_methods(it, &[(
        "__length_hint__",
        bytesiter_length_hint as *const c_void,
        meth::NOARGS,
        "",
    )]);
}
