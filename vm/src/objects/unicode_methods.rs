//! Python-level behaviour of `str`: construction, repr, comparison,
//! hashing, sequence slots, iteration, `%`-formatting and every method.
//!
//! Algorithms work on the string's code units: when every operand is
//! 1-byte (latin-1) they run on `&[u8]` (ASCII strings additionally use
//! Rust's `str` searching), otherwise on code points widened to `&[u32]`.
//! Character properties and case mappings come from `unicode_ctype.rs`,
//! generated from CPython 3.11's Unicode 14 database, so they match CPython
//! exactly (including full/special case mappings and final sigma).

use crate::abstract_ as ab;
use crate::err::{self, PyErr, PyResult};
use crate::format::{self as fmt, ErrKind, FormatError};
use crate::object::*;
use crate::objects::exceptions;
use crate::objects::unicode::{self, StrData};
use crate::objects::{boolobject, bytes, dict, float, list, long, none, slice, tuple};
use crate::objref::PyObj;
use crate::typeobj::type_name;
use std::borrow::Cow;
use std::os::raw::{c_int, c_void};

#[path = "unicode_ctype.rs"]
#[rustfmt::skip]
mod ctype;

// =====================================================================
// Character properties and case mapping

fn in_table(t: &[(u32, u32)], c: u32) -> bool {
    let i = t.partition_point(|&(a, _)| a <= c);
    i > 0 && c <= t[i - 1].1
}

fn map_lookup(t: &'static [(u32, &'static str)], c: u32) -> Option<&'static str> {
    t.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| t[i].1)
}

pub fn is_alpha(c: u32) -> bool {
    if c < 128 {
        (c as u8).is_ascii_alphabetic()
    } else {
        in_table(ctype::ALPHA, c)
    }
}
pub fn is_decimal(c: u32) -> bool {
    if c < 128 {
        (c as u8).is_ascii_digit()
    } else {
        char::from_u32(c).and_then(fmt::py_decimal_value).is_some()
    }
}
pub fn decimal_value(c: u32) -> Option<u32> {
    char::from_u32(c).and_then(fmt::py_decimal_value)
}
pub fn is_digit(c: u32) -> bool {
    if c < 128 {
        (c as u8).is_ascii_digit()
    } else {
        in_table(ctype::DIGIT, c)
    }
}
pub fn is_numeric(c: u32) -> bool {
    if c < 128 {
        (c as u8).is_ascii_digit()
    } else {
        in_table(ctype::NUMERIC, c)
    }
}
pub fn is_alnum(c: u32) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}
pub fn is_lower(c: u32) -> bool {
    if c < 128 {
        (c as u8).is_ascii_lowercase()
    } else {
        in_table(ctype::LOWER, c)
    }
}
pub fn is_upper(c: u32) -> bool {
    if c < 128 {
        (c as u8).is_ascii_uppercase()
    } else {
        in_table(ctype::UPPER, c)
    }
}
pub fn is_titlecase(c: u32) -> bool {
    c >= 128 && in_table(ctype::TITLE, c)
}
pub fn is_cased(c: u32) -> bool {
    is_lower(c) || is_upper(c) || is_titlecase(c)
}
fn is_case_ignorable(c: u32) -> bool {
    if c < 128 {
        matches!(c, 0x27 | 0x2e | 0x3a | 0x5e | 0x60)
    } else {
        in_table(ctype::CASE_IGNORABLE, c)
    }
}
#[inline]
pub fn is_space(c: u32) -> bool {
    if c < 128 {
        matches!(c, 0x09..=0x0d | 0x1c..=0x20)
    } else {
        char::from_u32(c).is_some_and(fmt::py_isspace)
    }
}
pub fn is_printable(c: u32) -> bool {
    char::from_u32(c).is_some_and(fmt::py_isprintable)
}
pub fn is_xid_start(c: u32) -> bool {
    if c < 128 {
        (c as u8).is_ascii_alphabetic() || c == b'_' as u32
    } else {
        in_table(ctype::XID_START, c)
    }
}
pub fn is_xid_continue(c: u32) -> bool {
    if c < 128 {
        (c as u8).is_ascii_alphanumeric() || c == b'_' as u32
    } else {
        in_table(ctype::XID_CONTINUE, c)
    }
}
fn is_linebreak(c: u32) -> bool {
    matches!(c, 0x0a | 0x0b | 0x0c | 0x0d | 0x1c | 0x1d | 0x1e | 0x85 | 0x2028 | 0x2029)
}

/// One-code-point lowercase, as `_PyUnicode_ToLowercase` (what `re`
/// folds with): the first code point of the full mapping.
pub fn simple_lower(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    map_lookup(ctype::TO_LOWER, c).and_then(|s| s.chars().next()).map_or(c, |ch| ch as u32)
}
/// One-code-point uppercase, as `_PyUnicode_ToUppercase` (U+00DF -> 'S').
pub fn simple_upper(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_uppercase() as u32;
    }
    map_lookup(ctype::TO_UPPER, c).and_then(|s| s.chars().next()).map_or(c, |ch| ch as u32)
}

fn push_mapped(out: &mut Vec<u32>, s: &str) {
    out.extend(s.chars().map(|c| c as u32));
}
fn push_lower(out: &mut Vec<u32>, c: u32) {
    if c < 128 {
        out.push((c as u8).to_ascii_lowercase() as u32)
    } else if let Some(s) = map_lookup(ctype::TO_LOWER, c) {
        push_mapped(out, s)
    } else {
        out.push(c)
    }
}
fn push_upper(out: &mut Vec<u32>, c: u32) {
    if c < 128 {
        out.push((c as u8).to_ascii_uppercase() as u32)
    } else if let Some(s) = map_lookup(ctype::TO_UPPER, c) {
        push_mapped(out, s)
    } else {
        out.push(c)
    }
}
fn push_title(out: &mut Vec<u32>, c: u32) {
    if c >= 128 {
        if let Some(s) = map_lookup(ctype::TO_TITLE, c) {
            return push_mapped(out, s);
        }
    }
    push_upper(out, c)
}
fn push_fold(out: &mut Vec<u32>, c: u32) {
    if c >= 128 {
        if let Some(s) = map_lookup(ctype::TO_FOLD, c) {
            return push_mapped(out, s);
        }
    }
    push_lower(out, c)
}
/// Lowercase of `d[i]` with the Final_Sigma rule for U+03A3.
fn push_lower_at(out: &mut Vec<u32>, d: &[u32], i: usize) {
    let c = d[i];
    if c != 0x3a3 {
        return push_lower(out, c);
    }
    let mut j = i;
    while j > 0 && is_case_ignorable(d[j - 1]) {
        j -= 1;
    }
    let mut fin = j > 0 && is_cased(d[j - 1]);
    if fin {
        let mut k = i + 1;
        while k < d.len() && is_case_ignorable(d[k]) {
            k += 1;
        }
        fin = k == d.len() || !is_cased(d[k]);
    }
    out.push(if fin { 0x3c2 } else { 0x3c3 });
}

// =====================================================================
// Helpers

fn ferr(e: FormatError) -> PyErr {
    match e.kind {
        ErrKind::ValueError => err::value_error(e.msg),
        ErrKind::TypeError => err::type_error(e.msg),
        ErrKind::OverflowError => err::overflow_error(e.msg),
        ErrKind::ZeroDivisionError => err::zero_division_error(e.msg),
        ErrKind::MemoryError => err::memory_error_msg(""),
    }
}

fn tname(o: &PyObj) -> String {
    type_name(o.ob_type())
}

fn s_len(o: &PyObj) -> usize {
    unicode::len(o)
}

/// The code points of a string, borrowed when it is already UCS-4.
fn wide(o: &PyObj) -> Cow<'_, [u32]> {
    match unicode::data(o) {
        StrData::Ucs4(d) => Cow::Borrowed(d),
        StrData::Ucs2(d) => Cow::Owned(d.iter().map(|&c| c as u32).collect()),
        StrData::Latin1(d) => Cow::Owned(d.iter().map(|&c| c as u32).collect()),
    }
}

fn latin1(o: &PyObj) -> Option<&[u8]> {
    match unicode::data(o) {
        StrData::Latin1(d) => Some(d),
        _ => None,
    }
}

fn ascii_str(o: &PyObj) -> Option<&str> {
    if unicode::is_ascii(o) {
        unicode::as_str_fast(o)
    } else {
        None
    }
}

/// A str of latin-1 code units.
pub fn from_latin1(b: &[u8]) -> PyObj {
    if b.is_empty() {
        return unicode::empty();
    }
    if b.len() == 1 {
        return unicode::latin1_char(b[0]);
    }
    let max = if b.is_ascii() { 0x7f } else { 0xff };
    unsafe {
        let o = unicode::new_raw(b.len(), max);
        std::ptr::copy_nonoverlapping(b.as_ptr(), unicode::data_mut(&o), b.len());
        o
    }
}

/// Code unit types the generic algorithms run on.
trait Unit: Copy + Eq + Ord + Into<u32> + 'static {
    fn make(v: &[Self]) -> PyObj;
}
impl Unit for u8 {
    fn make(v: &[u8]) -> PyObj {
        from_latin1(v)
    }
}
impl Unit for u32 {
    fn make(v: &[u32]) -> PyObj {
        unicode::from_codepoints(v)
    }
}

/// Runs `$body` with `$x`, `$y` bound to the code units of two strings:
/// `&[u8]` when both are latin-1, else `&[u32]`.
macro_rules! with_units2 {
    ($a:expr, $b:expr, |$x:ident, $y:ident| $body:expr) => {{
        match (latin1($a), latin1($b)) {
            (Some($x), Some($y)) => $body,
            _ => {
                let wa = wide($a);
                let wb = wide($b);
                let $x: &[u32] = &wa;
                let $y: &[u32] = &wb;
                $body
            }
        }
    }};
}
macro_rules! with_units {
    ($a:expr, |$x:ident| $body:expr) => {{
        match latin1($a) {
            Some($x) => $body,
            None => {
                let wa = wide($a);
                let $x: &[u32] = &wa;
                $body
            }
        }
    }};
}

fn find_units<T: Unit>(h: &[T], n: &[T]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    if n.len() > h.len() {
        return None;
    }
    let first = n[0];
    if n.len() == 1 {
        return h.iter().position(|&c| c == first);
    }
    let last = h.len() - n.len();
    let mut i = 0;
    while i <= last {
        match h[i..=last].iter().position(|&c| c == first) {
            None => return None,
            Some(p) => {
                i += p;
                if &h[i..i + n.len()] == n {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

fn rfind_units<T: Unit>(h: &[T], n: &[T]) -> Option<usize> {
    if n.len() > h.len() {
        return None;
    }
    if n.is_empty() {
        return Some(h.len());
    }
    let mut i = h.len() - n.len() + 1;
    while i > 0 {
        i -= 1;
        if h[i] == n[0] && &h[i..i + n.len()] == n {
            return Some(i);
        }
    }
    None
}

fn count_units<T: Unit>(h: &[T], n: &[T], max: usize) -> usize {
    if n.is_empty() {
        return (h.len() + 1).min(max);
    }
    let mut cnt = 0;
    let mut i = 0;
    while cnt < max {
        match find_units(&h[i..], n) {
            Some(p) => {
                cnt += 1;
                i += p + n.len();
            }
            None => break,
        }
    }
    cnt
}

/// Byte-level find for ASCII haystacks/needles (Rust's two-way search).
fn find_ascii(h: &str, n: &str) -> Option<usize> {
    h.find(n)
}

/// `_PyEval_SliceIndex`: None keeps the default; ints (and `__index__`) are clamped.
fn slice_index(o: Option<&PyObj>, default: isize) -> PyResult<isize> {
    match o {
        None => Ok(default),
        Some(o) if none::is_none(o) => Ok(default),
        Some(o) => {
            if !ab::has_index(o) {
                return Err(err::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ));
            }
            ab::index_to_ssize(o, None)
        }
    }
}

/// `ADJUST_INDICES`.
fn adjust(start: isize, end: isize, len: usize) -> (isize, isize) {
    let len = len as isize;
    let end = if end > len {
        len
    } else if end < 0 {
        (end + len).max(0)
    } else {
        end
    };
    let start = if start < 0 { (start + len).max(0) } else { start };
    (start, end)
}

/// A Py_ssize_t argument (`'str' object cannot be interpreted as an integer`,
/// OverflowError when too large).
fn ssize_arg(o: &PyObj) -> PyResult<isize> {
    let i = ab::index(o)?;
    match long::as_i64(&i) {
        Some(v) => Ok(v as isize),
        None => Err(err::overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn check_result_len(n: usize) -> PyResult<()> {
    if n > (isize::MAX as usize) / 4 {
        return Err(err::overflow_error("string is too large"));
    }
    if n > (1usize << 36) {
        return Err(err::memory_error_msg(""));
    }
    Ok(())
}

/// `PyArg_ParseTuple`-style count check: "find() takes at least 1 argument (0 given)".
fn check_args_getargs(fname: &str, args: &[PyObj], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    let pl = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(err::type_error(format!(
            "{}() takes {} {} argument{} ({} given)",
            fname,
            if min == max { "exactly" } else { "at least" },
            min,
            pl(min),
            n
        )));
    }
    if n > max {
        return Err(err::type_error(format!(
            "{}() takes {} {} argument{} ({} given)",
            fname,
            if min == max { "exactly" } else { "at most" },
            max,
            pl(max),
            n
        )));
    }
    Ok(())
}

/// Argument-clinic keyword binding (positional-or-keyword parameters).
fn clinic_bind(
    fname: &str,
    args: &[PyObj],
    kwnames: Option<&PyObj>,
    names: &[&str],
) -> PyResult<Vec<Option<PyObj>>> {
    crate::objects::methodobject::unpack_keywords(fname, args, kwnames, names, 0, 0, names.len())
}

fn need_str<'a>(o: &'a PyObj) -> PyResult<&'a PyObj> {
    if unicode::is_str(o) {
        Ok(o)
    } else {
        Err(err::type_error(format!("must be str, not {}", tname(o))))
    }
}

/// The string itself when it is an exact str, else an exact copy.
fn exact(o: &PyObj) -> PyObj {
    if unicode::is_exact_str(o) {
        o.clone()
    } else {
        copy_exact(o)
    }
}

fn copy_exact(o: &PyObj) -> PyObj {
    if let Some(s) = ascii_str(o) {
        return unicode::new(s);
    }
    match unicode::data(o) {
        StrData::Latin1(d) => from_latin1(d),
        d => {
            let v = d.to_vec();
            unicode::from_codepoints(&v)
        }
    }
}

fn sub(o: &PyObj, a: usize, b: usize) -> PyObj {
    if a == 0 && b == s_len(o) {
        return exact(o);
    }
    unicode::substring(o, a, b)
}

// =====================================================================
// Slots

unsafe extern "C" fn str_repr(o: *mut PyObject) -> *mut PyObject {
    let o = PyObj::borrow(&o);
    err::into_ptr(Ok(repr_obj(o)))
}

/// `repr(s)` exactly as CPython's `unicode_repr` (lone surrogates escaped).
pub fn repr_obj(o: &PyObj) -> PyObj {
    if let Some(s) = ascii_str(o) {
        // Fast path: printable ASCII without quotes/backslashes.
        if s.bytes().all(|b| (0x20..0x7f).contains(&b) && b != b'\'' && b != b'\\') {
            let mut r = String::with_capacity(s.len() + 2);
            r.push('\'');
            r.push_str(s);
            r.push('\'');
            return unicode::new(&r);
        }
        return unicode::new(&fmt::py_str_repr(s));
    }
    let d = wide(o);
    let has_single = d.contains(&0x27);
    let has_double = d.contains(&0x22);
    let quote = if has_single && !has_double { 0x22 } else { 0x27 };
    let mut out: Vec<u32> = Vec::with_capacity(d.len() + 2);
    out.push(quote);
    let hex = |out: &mut Vec<u32>, v: u32, n: usize| {
        for k in (0..n).rev() {
            out.push(b"0123456789abcdef"[((v >> (4 * k)) & 15) as usize] as u32);
        }
    };
    for &c in d.iter() {
        if c == quote || c == 0x5c {
            out.push(0x5c);
            out.push(c);
        } else if c == 9 {
            out.extend([0x5c, b't' as u32]);
        } else if c == 10 {
            out.extend([0x5c, b'n' as u32]);
        } else if c == 13 {
            out.extend([0x5c, b'r' as u32]);
        } else if c < 0x20 || c == 0x7f {
            out.extend([0x5c, b'x' as u32]);
            hex(&mut out, c, 2);
        } else if c < 0x7f || is_printable(c) {
            out.push(c);
        } else if c <= 0xff {
            out.extend([0x5c, b'x' as u32]);
            hex(&mut out, c, 2);
        } else if c <= 0xffff {
            out.extend([0x5c, b'u' as u32]);
            hex(&mut out, c, 4);
        } else {
            out.extend([0x5c, b'U' as u32]);
            hex(&mut out, c, 8);
        }
    }
    out.push(quote);
    unicode::from_codepoints(&out)
}

/// `ascii(s)` of a str object's repr: escapes every non-ASCII code point.
fn ascii_escape(r: &PyObj) -> PyObj {
    if unicode::is_ascii(r) {
        return exact(r);
    }
    let mut out = String::with_capacity(s_len(r) + 8);
    for c in unicode::data(r).iter() {
        if c < 0x80 {
            out.push(c as u8 as char);
        } else if c < 0x100 {
            out.push_str(&format!("\\x{:02x}", c));
        } else if c < 0x10000 {
            out.push_str(&format!("\\u{:04x}", c));
        } else {
            out.push_str(&format!("\\U{:08x}", c));
        }
    }
    unicode::new(&out)
}

unsafe extern "C" fn str_str(o: *mut PyObject) -> *mut PyObject {
    let o = PyObj::borrow(&o);
    exact(o).into_ptr()
}

unsafe extern "C" fn str_hash(o: *mut PyObject) -> Py_hash_t {
    unicode::hash(PyObj::borrow(&o))
}

unsafe extern "C" fn str_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    let b = PyObj::borrow(&b);
    if !unicode::is_str(a) || !unicode::is_str(b) {
        return none::not_implemented().into_ptr();
    }
    let r = match op {
        PY_EQ => unicode::eq(a, b),
        PY_NE => !unicode::eq(a, b),
        _ => {
            let o = unicode::compare(a, b);
            match op {
                PY_LT => o.is_lt(),
                PY_LE => o.is_le(),
                PY_GT => o.is_gt(),
                _ => o.is_ge(),
            }
        }
    };
    boolobject::new(r).into_ptr()
}

unsafe extern "C" fn str_length(o: *mut PyObject) -> Py_ssize_t {
    s_len(PyObj::borrow(&o)) as isize
}

unsafe extern "C" fn str_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    let b = PyObj::borrow(&b);
    let r = (|| {
        if !unicode::is_str(a) {
            return Err(err::type_error(format!("can only concatenate str (not \"{}\") to str", tname(a))));
        }
        if !unicode::is_str(b) {
            return Err(err::type_error(format!("can only concatenate str (not \"{}\") to str", tname(b))));
        }
        unicode::concat(a, b)
    })();
    err::into_ptr(r)
}

fn repeat(o: &PyObj, n: isize) -> PyResult {
    let len = s_len(o);
    if n <= 0 || len == 0 {
        return Ok(unicode::empty());
    }
    if n == 1 {
        return Ok(exact(o));
    }
    let n = n as usize;
    let total = len
        .checked_mul(n)
        .filter(|&t| t <= isize::MAX as usize / 4)
        .ok_or_else(|| err::overflow_error("repeated string is too long"))?;
    check_result_len(total)?;
    unsafe {
        let r = unicode::new_raw(total, unicode::max_char(o).min(exact_max(o)));
        let k = unicode::kind(&r) as usize;
        if unicode::kind(o) as usize == k {
            let src = unicode::data_mut(o) as *const u8;
            let dst = unicode::data_mut(&r);
            let chunk = len * k;
            if len == 1 && k == 1 {
                std::ptr::write_bytes(dst, *src, n);
            } else {
                // Doubling copy.
                std::ptr::copy_nonoverlapping(src, dst, chunk);
                let mut done = chunk;
                let all = chunk * n;
                while done < all {
                    let m = done.min(all - done);
                    std::ptr::copy_nonoverlapping(dst, dst.add(done), m);
                    done += m;
                }
            }
            Ok(r)
        } else {
            let d = wide(o);
            let v: Vec<u32> = d.iter().copied().cycle().take(total).collect();
            Ok(unicode::from_codepoints(&v))
        }
    }
}

fn exact_max(o: &PyObj) -> u32 {
    if unicode::is_ascii(o) {
        0x7f
    } else {
        unicode::exact_max_char(&unicode::data(o))
    }
}

unsafe extern "C" fn str_repeat(o: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    err::into_ptr(repeat(PyObj::borrow(&o), n))
}

unsafe extern "C" fn str_contains(o: *mut PyObject, x: *mut PyObject) -> c_int {
    let o = PyObj::borrow(&o);
    let x = PyObj::borrow(&x);
    if !unicode::is_str(x) {
        err::restore(err::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            tname(x)
        )));
        return -1;
    }
    contains(o, x) as c_int
}

fn contains(h: &PyObj, n: &PyObj) -> bool {
    if let (Some(a), Some(b)) = (ascii_str(h), ascii_str(n)) {
        return a.contains(b);
    }
    if unicode::kind(n) > unicode::kind(h) {
        return false;
    }
    with_units2!(h, n, |a, b| find_units(a, b).is_some())
}

unsafe extern "C" fn str_item(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let o = PyObj::borrow(&o);
    if i < 0 || i as usize >= s_len(o) {
        err::restore(err::index_error("string index out of range"));
        return std::ptr::null_mut();
    }
    unicode::char_at(o, i as usize).into_ptr()
}

fn subscript(o: &PyObj, key: &PyObj) -> PyResult {
    let n = s_len(o);
    if long::is_int(key) || (!slice::is_slice(key) && ab::has_index(key)) {
        let mut i = ab::index_to_ssize(key, Some(unsafe { exceptions::PyExc_IndexError }))?;
        if i < 0 {
            i += n as isize;
        }
        if i < 0 || i as usize >= n {
            return Err(err::index_error("string index out of range"));
        }
        return Ok(unicode::char_at(o, i as usize));
    }
    if slice::is_slice(key) {
        let (start, _stop, step, cnt) = slice::indices(key, n)?;
        if cnt == 0 {
            return Ok(unicode::empty());
        }
        if step == 1 {
            return Ok(sub(o, start as usize, start as usize + cnt));
        }
        let idx = (0..cnt).map(|k| (start + k as isize * step) as usize);
        return Ok(match unicode::data(o) {
            StrData::Latin1(d) => {
                let v: Vec<u8> = idx.map(|i| d[i]).collect();
                from_latin1(&v)
            }
            d => {
                let v: Vec<u32> = idx.map(|i| d.get(i)).collect();
                unicode::from_codepoints(&v)
            }
        });
    }
    Err(err::type_error(format!("string indices must be integers, not '{}'", tname(key))))
}

unsafe extern "C" fn str_subscript(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    err::into_ptr(subscript(PyObj::borrow(&o), PyObj::borrow(&k)))
}

unsafe extern "C" fn str_remainder(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&a);
    let b = PyObj::borrow(&b);
    if !unicode::is_str(a) {
        return none::not_implemented().into_ptr();
    }
    err::into_ptr(percent_format(a, b))
}

// ---------------------------------------------------------------- iterator

#[repr(C)]
pub struct StrIterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

#[no_mangle]
pub static mut PyUnicodeIter_Type: PyTypeObject =
    PyTypeObject::empty(b"str_iterator\0", std::mem::size_of::<StrIterObject>(), 0);
pub static mut StrAsciiIter_Type: PyTypeObject =
    PyTypeObject::empty(b"str_ascii_iterator\0", std::mem::size_of::<StrIterObject>(), 0);

unsafe extern "C" fn str_iter(o: *mut PyObject) -> *mut PyObject {
    let s = PyObj::borrow(&o);
    let tp = if unicode::is_ascii(s) { &raw mut StrAsciiIter_Type } else { &raw mut PyUnicodeIter_Type };
    let it = crate::alloc::alloc_object(tp, 0) as *mut StrIterObject;
    (*it).index = 0;
    (*it).seq = s.clone().into_ptr();
    it as *mut PyObject
}

unsafe extern "C" fn striter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut StrIterObject;
    if (*it).seq.is_null() {
        return std::ptr::null_mut();
    }
    let s = PyObj::borrow(&(*it).seq);
    let i = (*it).index as usize;
    if i < s_len(s) {
        (*it).index += 1;
        return match unicode::data(s) {
            StrData::Latin1(d) => unicode::latin1_char(d[i]),
            d => unicode::from_char(d.get(i)),
        }
        .into_ptr();
    }
    let p = std::mem::replace(&mut (*it).seq, std::ptr::null_mut());
    crate::objref::xdecref(p);
    std::ptr::null_mut()
}

unsafe extern "C" fn striter_dealloc(o: *mut PyObject) {
    crate::objref::xdecref((*(o as *mut StrIterObject)).seq);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn striter_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = (*(o as *mut StrIterObject)).seq;
    if p.is_null() {
        0
    } else {
        visit(p, arg)
    }
}

crate::onearg!(striter_length_hint, |slf, _a| {
    let it = slf.as_ptr() as *mut StrIterObject;
    if (*it).seq.is_null() {
        return Ok(long::from_i64(0));
    }
    let n = s_len(PyObj::borrow(&(*it).seq)) as isize - (*it).index;
    Ok(long::from_i64(n.max(0) as i64))
});

// ---------------------------------------------------------------- tp_new

crate::one_arg_type_vectorcall!(str_vectorcall, unicode::str_type(), |x| {
    str_new_impl(unicode::str_type(), std::slice::from_ref(x), None)
});

unsafe extern "C" fn str_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let args = PyObj::borrow(&args);
    let kw = if kw.is_null() { None } else { Some(PyObj::borrow(&kw).clone()) };
    err::into_ptr(str_new_impl(tp, tuple::items(args), kw.as_ref()))
}

fn str_new_impl(tp: *mut PyTypeObject, args: &[PyObj], kw: Option<&PyObj>) -> PyResult {
    let names = ["object", "encoding", "errors"];
    if args.len() > 3 {
        return Err(err::type_error(format!("str() takes at most 3 arguments ({} given)", args.len())));
    }
    let mut vals: [Option<PyObj>; 3] = [None, None, None];
    for (i, a) in args.iter().enumerate() {
        vals[i] = Some(a.clone());
    }
    if let Some(kw) = kw {
        for (k, v) in dict::items_vec(kw) {
            let kname = unicode::to_string_lossy(&k);
            match names.iter().position(|n| *n == kname) {
                Some(i) => {
                    if vals[i].is_some() {
                        return Err(err::type_error(format!(
                            "argument for str() given by name ('{}') and position ({})",
                            kname,
                            i + 1
                        )));
                    }
                    vals[i] = Some(v);
                }
                None => {
                    return Err(err::type_error(format!("'{}' is an invalid keyword argument for str()", kname)))
                }
            }
        }
    }
    for (i, nm) in [(1, "encoding"), (2, "errors")] {
        if let Some(v) = &vals[i] {
            if !unicode::is_str(v) {
                return Err(err::type_error(format!("str() argument '{}' must be str, not {}", nm, tname(v))));
            }
        }
    }
    let r = match &vals[0] {
        None => unicode::empty(),
        Some(o) => {
            if vals[1].is_none() && vals[2].is_none() {
                ab::str(o)?
            } else {
                let enc = vals[1].as_ref().map(unicode::to_string_lossy).unwrap_or_else(|| "utf-8".into());
                let errs = vals[2].as_ref().map(unicode::to_string_lossy).unwrap_or_else(|| "strict".into());
                if unicode::is_str(o) {
                    return Err(err::type_error("decoding str is not supported"));
                }
                let data = match bytes_like(o) {
                    Some(d) => d,
                    None => {
                        return Err(err::type_error(format!(
                            "decoding to str: need a bytes-like object, {} found",
                            tname(o)
                        )))
                    }
                };
                crate::objects::bytes_methods::decode_bytes(&data, &enc, &errs)?
            }
        }
    };
    if tp == unicode::str_type() {
        return Ok(r);
    }
    unsafe { subtype_new(tp, &r) }
}

fn bytes_like(o: &PyObj) -> Option<Cow<'_, [u8]>> {
    if bytes::is_bytes(o) {
        return Some(Cow::Borrowed(bytes::as_slice(o)));
    }
    crate::objects::bytearray::bytes_like_data(o).ok().map(Cow::Owned)
}

/// A str-subclass instance holding `s`'s characters: a non-compact
/// `PyUnicodeObject` with its own data block (as CPython's `unicode_subtype_new`).
unsafe fn subtype_new(tp: *mut PyTypeObject, s: &PyObj) -> PyResult {
    let p = crate::typeobj::alloc_instance(tp);
    if p.is_null() {
        return Err(err::fetch());
    }
    let o = PyObj::from_owned(p);
    let n = s_len(s);
    let kind = unicode::kind(s) as usize;
    let is_ascii = unicode::is_ascii(s);
    let buf = crate::alloc::mem_malloc((n + 1) * kind) as *mut u8;
    if buf.is_null() {
        return Err(err::memory_error_msg(""));
    }
    std::ptr::copy_nonoverlapping(unicode::data_mut(s) as *const u8, buf, n * kind);
    std::ptr::write_bytes(buf.add(n * kind), 0, kind);
    let u = p as *mut unicode::PyUnicodeObject;
    let a = &mut (*u)._base._base;
    a.length = n as isize;
    a.hash = -1;
    // kind, not compact, ascii flag, ready.
    a.state = ((kind as u32) << 2) | if is_ascii { 1 << 6 } else { 0 } | (1 << 7);
    a.wstr = std::ptr::null_mut();
    (*u)._base.utf8 = std::ptr::null_mut();
    (*u)._base.utf8_length = 0;
    (*u)._base.wstr_length = 0;
    (*u).data = buf as *mut c_void;
    Ok(o)
}

// =====================================================================
// Methods

macro_rules! ascii_fast {
    ($s:expr, |$b:ident| $body:expr) => {
        if let Some(t) = ascii_str($s) {
            let $b: &[u8] = t.as_bytes();
            return $body;
        }
    };
}

fn ascii_mapped(b: &[u8], f: impl Fn(u8) -> u8) -> PyObj {
    if b.is_empty() {
        return unicode::empty();
    }
    unsafe {
        let o = unicode::new_raw(b.len(), 0x7f);
        let d = std::slice::from_raw_parts_mut(unicode::data_mut(&o), b.len());
        for (x, &y) in d.iter_mut().zip(b) {
            *x = f(y);
        }
        o
    }
}

crate::onearg!(str_lower, |slf, _a| {
    ascii_fast!(slf, |b| Ok(if b.iter().any(|c| c.is_ascii_uppercase()) {
        ascii_mapped(b, |c| c.to_ascii_lowercase())
    } else {
        exact(slf)
    }));
    let d = wide(slf);
    let mut out = Vec::with_capacity(d.len());
    for i in 0..d.len() {
        push_lower_at(&mut out, &d, i);
    }
    Ok(unicode::from_codepoints(&out))
});

crate::onearg!(str_upper, |slf, _a| {
    ascii_fast!(slf, |b| Ok(if b.iter().any(|c| c.is_ascii_lowercase()) {
        ascii_mapped(b, |c| c.to_ascii_uppercase())
    } else {
        exact(slf)
    }));
    let d = wide(slf);
    let mut out = Vec::with_capacity(d.len());
    for &c in d.iter() {
        push_upper(&mut out, c);
    }
    Ok(unicode::from_codepoints(&out))
});

crate::onearg!(str_casefold, |slf, _a| {
    ascii_fast!(slf, |b| Ok(ascii_mapped(b, |c| c.to_ascii_lowercase())));
    let d = wide(slf);
    let mut out = Vec::with_capacity(d.len());
    for &c in d.iter() {
        push_fold(&mut out, c);
    }
    Ok(unicode::from_codepoints(&out))
});

crate::onearg!(str_swapcase, |slf, _a| {
    ascii_fast!(slf, |b| Ok(ascii_mapped(b, |c| if c.is_ascii_uppercase() {
        c.to_ascii_lowercase()
    } else {
        c.to_ascii_uppercase()
    })));
    let d = wide(slf);
    let mut out = Vec::with_capacity(d.len());
    for i in 0..d.len() {
        let c = d[i];
        if is_upper(c) {
            push_lower_at(&mut out, &d, i);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Ok(unicode::from_codepoints(&out))
});

crate::onearg!(str_capitalize, |slf, _a| {
    ascii_fast!(slf, |b| Ok({
        let mut first = true;
        let mut v = b.to_vec();
        for c in v.iter_mut() {
            *c = if first { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() };
            first = false;
        }
        from_latin1(&v)
    }));
    let d = wide(slf);
    let mut out = Vec::with_capacity(d.len());
    for i in 0..d.len() {
        if i == 0 {
            push_title(&mut out, d[0]);
        } else {
            push_lower_at(&mut out, &d, i);
        }
    }
    Ok(unicode::from_codepoints(&out))
});

crate::onearg!(str_title, |slf, _a| {
    ascii_fast!(slf, |b| Ok({
        let mut prev = false;
        let mut v = b.to_vec();
        for c in v.iter_mut() {
            let cased = c.is_ascii_alphabetic();
            *c = if prev { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
            prev = cased;
        }
        from_latin1(&v)
    }));
    let d = wide(slf);
    let mut out = Vec::with_capacity(d.len());
    let mut prev = false;
    for i in 0..d.len() {
        let c = d[i];
        if prev {
            push_lower_at(&mut out, &d, i);
        } else {
            push_title(&mut out, c);
        }
        prev = is_cased(c);
    }
    Ok(unicode::from_codepoints(&out))
});

fn predicate(slf: &PyObj, empty: bool, f: impl Fn(u32) -> bool) -> PyResult {
    let n = s_len(slf);
    if n == 0 {
        return Ok(boolobject::new(empty));
    }
    let r = match unicode::data(slf) {
        StrData::Latin1(d) => d.iter().all(|&c| f(c as u32)),
        StrData::Ucs2(d) => d.iter().all(|&c| f(c as u32)),
        StrData::Ucs4(d) => d.iter().all(|&c| f(c)),
    };
    Ok(boolobject::new(r))
}

crate::onearg!(str_isalpha, |slf, _a| { predicate(slf, false, is_alpha) });
crate::onearg!(str_isalnum, |slf, _a| { predicate(slf, false, is_alnum) });
crate::onearg!(str_isdecimal, |slf, _a| { predicate(slf, false, is_decimal) });
crate::onearg!(str_isdigit, |slf, _a| { predicate(slf, false, is_digit) });
crate::onearg!(str_isnumeric, |slf, _a| { predicate(slf, false, is_numeric) });
crate::onearg!(str_isspace, |slf, _a| { predicate(slf, false, is_space) });
crate::onearg!(str_isprintable, |slf, _a| { predicate(slf, true, is_printable) });
crate::onearg!(str_isascii, |slf, _a| { Ok(boolobject::new(unicode::is_ascii(slf))) });

crate::onearg!(str_islower, |slf, _a| {
    let mut cased = false;
    for c in unicode::data(slf).iter() {
        if is_upper(c) || is_titlecase(c) {
            return Ok(boolobject::new(false));
        }
        if is_lower(c) {
            cased = true;
        }
    }
    Ok(boolobject::new(cased))
});

crate::onearg!(str_isupper, |slf, _a| {
    let mut cased = false;
    for c in unicode::data(slf).iter() {
        if is_lower(c) || is_titlecase(c) {
            return Ok(boolobject::new(false));
        }
        if is_upper(c) {
            cased = true;
        }
    }
    Ok(boolobject::new(cased))
});

crate::onearg!(str_istitle, |slf, _a| {
    let mut cased = false;
    let mut prev = false;
    for c in unicode::data(slf).iter() {
        if is_upper(c) || is_titlecase(c) {
            if prev {
                return Ok(boolobject::new(false));
            }
            prev = true;
            cased = true;
        } else if is_lower(c) {
            if !prev {
                return Ok(boolobject::new(false));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(boolobject::new(cased))
});

pub fn is_identifier(o: &PyObj) -> bool {
    let d = unicode::data(o);
    if d.len() == 0 {
        return false;
    }
    let c0 = d.get(0);
    if !(is_xid_start(c0) || c0 == b'_' as u32) {
        return false;
    }
    (1..d.len()).all(|i| is_xid_continue(d.get(i)))
}

crate::onearg!(str_isidentifier, |slf, _a| { Ok(boolobject::new(is_identifier(slf))) });

// ---------------------------------------------------------------- searching

/// Parses `(sub[, start[, end]])` for find/index/count.
fn sub_start_end<'a>(fname: &str, args: &'a [PyObj], slf_len: usize) -> PyResult<(&'a PyObj, isize, isize)> {
    check_args_getargs(fname, args, 1, 3)?;
    let s = need_str(&args[0])?;
    let start = slice_index(args.get(1), 0)?;
    let end = slice_index(args.get(2), isize::MAX)?;
    let (start, end) = adjust(start, end, slf_len);
    Ok((s, start, end))
}

fn find_impl(slf: &PyObj, subs: &PyObj, start: isize, end: isize, rev: bool) -> isize {
    let n = s_len(subs) as isize;
    if end - start < n {
        return -1;
    }
    let (a, b) = (start as usize, end as usize);
    if let (Some(h), Some(nd)) = (ascii_str(slf), ascii_str(subs)) {
        let hs = &h[a..b];
        let r = if rev { hs.rfind(nd) } else { find_ascii(hs, nd) };
        return r.map(|p| (p + a) as isize).unwrap_or(-1);
    }
    if unicode::kind(subs) > unicode::kind(slf) && unicode::exact_max_char(&unicode::data(subs)) > unicode::max_char(slf) {
        return -1;
    }
    let r = with_units2!(slf, subs, |h, nd| {
        let hs = &h[a..b];
        if rev {
            rfind_units(hs, nd)
        } else {
            find_units(hs, nd)
        }
    });
    r.map(|p| (p + a) as isize).unwrap_or(-1)
}

fn find_method(fname: &str, slf: &PyObj, args: &[PyObj], rev: bool, raise: bool) -> PyResult {
    let (subs, start, end) = sub_start_end(fname, args, s_len(slf))?;
    let r = find_impl(slf, subs, start, end, rev);
    if r < 0 && raise {
        return Err(err::value_error("substring not found"));
    }
    Ok(long::from_i64(r as i64))
}

crate::fastcall!(str_find, |slf, args| { find_method("find", slf, args, false, false) });
crate::fastcall!(str_rfind, |slf, args| { find_method("rfind", slf, args, true, false) });
crate::fastcall!(str_index, |slf, args| { find_method("index", slf, args, false, true) });
crate::fastcall!(str_rindex, |slf, args| { find_method("rindex", slf, args, true, true) });

fn count_impl(slf: &PyObj, subs: &PyObj, start: isize, end: isize) -> usize {
    let n = s_len(subs) as isize;
    if end - start < n {
        return 0;
    }
    let (a, b) = (start as usize, end as usize);
    if n == 0 {
        return b - a + 1;
    }
    if let (Some(h), Some(nd)) = (ascii_str(slf), ascii_str(subs)) {
        let hs = &h[a..b];
        if nd.len() == 1 {
            let c = nd.as_bytes()[0];
            return hs.bytes().filter(|&x| x == c).count();
        }
        return hs.matches(nd).count();
    }
    with_units2!(slf, subs, |h, nd| count_units(&h[a..b], nd, usize::MAX))
}

crate::fastcall!(str_count, |slf, args| {
    let (subs, start, end) = sub_start_end("count", args, s_len(slf))?;
    Ok(long::from_usize(count_impl(slf, subs, start, end)))
});

fn tailmatch(slf: &PyObj, subs: &PyObj, start: isize, end: isize, suffix: bool) -> bool {
    let (start, end) = adjust(start, end, s_len(slf));
    let n = s_len(subs) as isize;
    let last = end - n;
    if last < start {
        return false;
    }
    if n == 0 {
        return true;
    }
    let off = if suffix { last as usize } else { start as usize };
    let n = n as usize;
    if let (Some(h), Some(nd)) = (ascii_str(slf), ascii_str(subs)) {
        return &h.as_bytes()[off..off + n] == nd.as_bytes();
    }
    let (dh, dn) = (unicode::data(slf), unicode::data(subs));
    (0..n).all(|k| dh.get(off + k) == dn.get(k))
}

fn starts_ends(fname: &str, slf: &PyObj, args: &[PyObj], suffix: bool) -> PyResult {
    check_args_getargs(fname, args, 1, 3)?;
    let start = slice_index(args.get(1), 0)?;
    let end = slice_index(args.get(2), isize::MAX)?;
    let x = &args[0];
    if tuple::is_tuple(x) {
        for item in tuple::items(x) {
            if !unicode::is_str(item) {
                return Err(err::type_error(format!(
                    "tuple for {} must only contain str, not {}",
                    fname,
                    tname(item)
                )));
            }
            if tailmatch(slf, item, start, end, suffix) {
                return Ok(boolobject::new(true));
            }
        }
        return Ok(boolobject::new(false));
    }
    if !unicode::is_str(x) {
        return Err(err::type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            fname,
            tname(x)
        )));
    }
    Ok(boolobject::new(tailmatch(slf, x, start, end, suffix)))
}

crate::fastcall!(str_startswith, |slf, args| { starts_ends("startswith", slf, args, false) });
crate::fastcall!(str_endswith, |slf, args| { starts_ends("endswith", slf, args, true) });

// ---------------------------------------------------------------- replace

fn replace_impl(slf: &PyObj, old: &PyObj, new: &PyObj, count: isize) -> PyResult {
    let max = if count < 0 { usize::MAX } else { count as usize };
    if max == 0 {
        return Ok(exact(slf));
    }
    if let (Some(h), Some(o), Some(n)) = (ascii_str(slf), ascii_str(old), ascii_str(new)) {
        if !o.is_empty() && !h.contains(o) {
            return Ok(exact(slf));
        }
        let cnt = if o.is_empty() { (h.len() + 1).min(max) } else { 0 };
        if o.is_empty() {
            check_result_len(h.len().saturating_add(cnt.saturating_mul(n.len())))?;
        }
        let r = if count < 0 { h.replace(o, n) } else { h.replacen(o, n, max) };
        check_result_len(r.len())?;
        return Ok(unicode::new(&r));
    }
    let (hs, os, ns) = (wide(slf), wide(old), wide(new));
    let (h, o, n): (&[u32], &[u32], &[u32]) = (&hs, &os, &ns);
    let mut out: Vec<u32> = Vec::with_capacity(h.len());
    let mut done = 0;
    if o.is_empty() {
        let total = h.len() + 1;
        let k = total.min(max);
        check_result_len(h.len().saturating_add(k.saturating_mul(n.len())))?;
        for i in 0..=h.len() {
            if done < max {
                out.extend_from_slice(n);
                done += 1;
            }
            if i < h.len() {
                out.push(h[i]);
            }
        }
        return Ok(unicode::from_codepoints(&out));
    }
    let mut i = 0;
    while done < max {
        match find_units(&h[i..], o) {
            Some(p) => {
                out.extend_from_slice(&h[i..i + p]);
                out.extend_from_slice(n);
                i += p + o.len();
                done += 1;
            }
            None => break,
        }
    }
    if done == 0 {
        return Ok(exact(slf));
    }
    out.extend_from_slice(&h[i..]);
    Ok(unicode::from_codepoints(&out))
}

crate::fastcall!(str_replace, |slf, args| {
    crate::objects::methodobject::check_nargs("replace", args, 2, 3)?;
    for i in 0..2 {
        if !unicode::is_str(&args[i]) {
            return Err(err::type_error(format!(
                "replace() argument {} must be str, not {}",
                i + 1,
                tname(&args[i])
            )));
        }
    }
    let count = match args.get(2) {
        Some(c) => ssize_arg(c)?,
        None => -1,
    };
    replace_impl(slf, &args[0], &args[1], count)
});

// ---------------------------------------------------------------- split

fn split_whitespace_ranges<T: Unit>(d: &[T], maxsplit: usize, out: &mut Vec<(usize, usize)>) {
    let ws = |c: T| is_space(c.into());
    let n = d.len();
    let mut i = 0;
    let mut left = maxsplit;
    while left > 0 {
        while i < n && ws(d[i]) {
            i += 1;
        }
        if i == n {
            return;
        }
        let j = i;
        i += 1;
        while i < n && !ws(d[i]) {
            i += 1;
        }
        out.push((j, i));
        left -= 1;
    }
    while i < n && ws(d[i]) {
        i += 1;
    }
    if i < n {
        out.push((i, n));
    }
}

fn rsplit_whitespace_ranges<T: Unit>(d: &[T], maxsplit: usize, out: &mut Vec<(usize, usize)>) {
    let ws = |c: T| is_space(c.into());
    let mut i = d.len();
    let mut left = maxsplit;
    while left > 0 {
        while i > 0 && ws(d[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        let j = i;
        i -= 1;
        while i > 0 && !ws(d[i - 1]) {
            i -= 1;
        }
        out.push((i, j));
        left -= 1;
    }
    if left == 0 {
        while i > 0 && ws(d[i - 1]) {
            i -= 1;
        }
        if i > 0 {
            out.push((0, i));
        }
    }
    out.reverse();
}

fn split_sep_ranges<T: Unit>(d: &[T], sep: &[T], maxsplit: usize, out: &mut Vec<(usize, usize)>) {
    let mut i = 0;
    let mut left = maxsplit;
    while left > 0 {
        match find_units(&d[i..], sep) {
            Some(p) => {
                out.push((i, i + p));
                i += p + sep.len();
                left -= 1;
            }
            None => break,
        }
    }
    out.push((i, d.len()));
}

fn rsplit_sep_ranges<T: Unit>(d: &[T], sep: &[T], maxsplit: usize, out: &mut Vec<(usize, usize)>) {
    let mut j = d.len();
    let mut left = maxsplit;
    while left > 0 {
        match rfind_units(&d[..j], sep) {
            Some(p) => {
                out.push((p + sep.len(), j));
                j = p;
                left -= 1;
            }
            None => break,
        }
    }
    out.push((0, j));
    out.reverse();
}

fn ranges_to_list(slf: &PyObj, r: &[(usize, usize)]) -> PyObj {
    let l = list::new_empty();
    unsafe {
        list::reserve(&l, r.len());
        for &(a, b) in r {
            list::append(&l, sub(slf, a, b));
        }
    }
    l
}

/// `ascii.split(c)` for a one-byte separator, straight into the list (the
/// most common split: no range vector, exact list allocation).
fn split_ascii_byte(slf: &PyObj, h: &[u8], c: u8, maxsplit: usize) -> PyObj {
    let n = h.iter().filter(|&&x| x == c).count().min(maxsplit);
    let l = list::new_empty();
    unsafe { list::reserve(&l, n + 1) };
    let mut i = 0;
    for _ in 0..n {
        let p = h[i..].iter().position(|&x| x == c).unwrap_or(h.len() - i);
        list::append(&l, sub(slf, i, i + p));
        i += p + 1;
    }
    list::append(&l, sub(slf, i, h.len()));
    l
}

fn split_common(fname: &str, slf: &PyObj, args: &[PyObj], kw: Option<&PyObj>, rev: bool) -> PyResult {
    // Positional-only calls (the usual ones) need no keyword binding.
    let bound;
    let (sep_arg, max_arg) = if kw.is_none() && args.len() <= 2 {
        (args.first(), args.get(1))
    } else {
        bound = clinic_bind(fname, args, kw, &["sep", "maxsplit"])?;
        (bound[0].as_ref(), bound[1].as_ref())
    };
    let maxsplit = match max_arg {
        Some(m) => ssize_arg(m)?,
        None => -1,
    };
    let maxsplit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    if let (Some(sep), false) = (sep_arg, rev) {
        if unicode::is_str(sep) {
            if let (Some(h), Some(sp)) = (ascii_str(slf), ascii_str(sep)) {
                if sp.len() == 1 {
                    return Ok(split_ascii_byte(slf, h.as_bytes(), sp.as_bytes()[0], maxsplit));
                }
            }
        }
    }
    let sep = match sep_arg {
        Some(s) if !none::is_none(s) => {
            if !unicode::is_str(s) {
                return Err(err::type_error(format!("must be str or None, not {}", tname(s))));
            }
            if s_len(s) == 0 {
                return Err(err::value_error("empty separator"));
            }
            Some(s.clone())
        }
        _ => None,
    };
    let mut r: Vec<(usize, usize)> = Vec::new();
    match sep {
        None => {
            with_units!(slf, |d| if rev {
                rsplit_whitespace_ranges(d, maxsplit, &mut r)
            } else {
                split_whitespace_ranges(d, maxsplit, &mut r)
            });
        }
        Some(sep) => {
            if let (Some(h), Some(sp), false) = (ascii_str(slf), ascii_str(&sep), rev) {
                // Fast path: byte offsets are code point offsets.
                let mut i = 0;
                let mut left = maxsplit;
                if sp.len() == 1 {
                    let c = sp.as_bytes()[0];
                    let hb = h.as_bytes();
                    while left > 0 {
                        match hb[i..].iter().position(|&x| x == c) {
                            Some(p) => {
                                r.push((i, i + p));
                                i += p + 1;
                                left -= 1;
                            }
                            None => break,
                        }
                    }
                } else {
                    while left > 0 {
                        match h[i..].find(sp) {
                            Some(p) => {
                                r.push((i, i + p));
                                i += p + sp.len();
                                left -= 1;
                            }
                            None => break,
                        }
                    }
                }
                r.push((i, h.len()));
            } else if unicode::exact_max_char(&unicode::data(&sep)) > unicode::max_char(slf) {
                r.push((0, s_len(slf)));
            } else {
                with_units2!(slf, &sep, |d, sp| if rev {
                    rsplit_sep_ranges(d, sp, maxsplit, &mut r)
                } else {
                    split_sep_ranges(d, sp, maxsplit, &mut r)
                });
            }
        }
    }
    Ok(ranges_to_list(slf, &r))
}

crate::fastcall_kw!(str_split, |slf, args, kw| { split_common("split", slf, args, kw, false) });
crate::fastcall_kw!(str_rsplit, |slf, args, kw| { split_common("rsplit", slf, args, kw, true) });

crate::fastcall_kw!(str_splitlines, |slf, args, kw| {
    let v = clinic_bind("splitlines", args, kw, &["keepends"])?;
    let keep = match &v[0] {
        Some(k) => {
            if float::is_float(k) {
                return Err(err::type_error("'float' object cannot be interpreted as an integer"));
            }
            ab::is_true(&ab::index(k)?)?
        }
        None => false,
    };
    let d = unicode::data(slf);
    let n = d.len();
    let mut r = Vec::new();
    let mut i = 0;
    while i < n {
        let j = i;
        while i < n && !is_linebreak(d.get(i)) {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if d.get(i) == 0x0d && i + 1 < n && d.get(i + 1) == 0x0a {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        r.push((j, eol));
    }
    Ok(ranges_to_list(slf, &r))
});

fn partition_common(slf: &PyObj, sep: &PyObj, rev: bool) -> PyResult {
    if !unicode::is_str(sep) {
        return Err(err::type_error(format!("must be str, not {}", tname(sep))));
    }
    let sl = s_len(sep);
    if sl == 0 {
        return Err(err::value_error("empty separator"));
    }
    let n = s_len(slf);
    let p = find_impl(slf, sep, 0, n as isize, rev);
    if p < 0 {
        let e = unicode::empty();
        return Ok(if rev {
            tuple::new(vec![e.clone(), e, exact(slf)])
        } else {
            tuple::new(vec![exact(slf), e.clone(), e])
        });
    }
    let p = p as usize;
    Ok(tuple::new(vec![sub(slf, 0, p), exact(sep), sub(slf, p + sl, n)]))
}

crate::onearg!(str_partition, |slf, a| { partition_common(slf, a.unwrap(), false) });
crate::onearg!(str_rpartition, |slf, a| { partition_common(slf, a.unwrap(), true) });

// ---------------------------------------------------------------- join

fn join_impl(sep: &PyObj, iterable: &PyObj) -> PyResult {
    let owned;
    // Joining runs no Python code (items are only type-checked and copied),
    // so a list's items can be read in place.
    let items: &[PyObj] = if list::is_list(iterable) {
        list::items(iterable)
    } else if tuple::is_tuple(iterable) {
        tuple::items(iterable)
    } else {
        if unsafe { (*iterable.ob_type()).tp_iter.is_none() }
            && unsafe { (*iterable.ob_type()).tp_as_sequence.is_null() || (*(*iterable.ob_type()).tp_as_sequence).sq_item.is_none() }
        {
            return Err(err::type_error("can only join an iterable"));
        }
        owned = match ab::iterate(iterable) {
            Ok(v) => v,
            Err(e) => {
                if e.matches(unsafe { exceptions::PyExc_TypeError }) && ab::get_iter(iterable).is_err() {
                    return Err(err::type_error("can only join an iterable"));
                }
                return Err(e);
            }
        };
        &owned
    };
    if items.is_empty() {
        return Ok(unicode::empty());
    }
    if items.len() == 1 && unicode::is_exact_str(&items[0]) {
        return Ok(items[0].clone());
    }
    let seplen = s_len(sep);
    let mut total: usize = seplen * (items.len() - 1);
    let mut maxc = if seplen > 0 { unicode::max_char(sep) } else { 0 };
    for (i, it) in items.iter().enumerate() {
        if !unicode::is_str(it) {
            return Err(err::type_error(format!(
                "sequence item {}: expected str instance, {} found",
                i,
                tname(it)
            )));
        }
        total += s_len(it);
        maxc = maxc.max(unicode::max_char(it));
    }
    check_result_len(total)?;
    concat_into(items, Some(sep), total, maxc)
}

/// Writes `items` joined by `sep` into a new string of `total` characters.
fn concat_into(items: &[PyObj], sep: Option<&PyObj>, total: usize, maxc: u32) -> PyResult {
    if total == 0 {
        return Ok(unicode::empty());
    }
    unsafe {
        let r = unicode::new_raw(total, maxc);
        let k = unicode::kind(&r);
        let dst = unicode::data_mut(&r);
        let mut pos = 0usize;
        let mut put = |o: &PyObj, pos: &mut usize| {
            let n = s_len(o);
            if n == 0 {
                return;
            }
            let ko = unicode::kind(o);
            let src = unicode::data_mut(o) as *const u8;
            if ko == k {
                std::ptr::copy_nonoverlapping(src, dst.add(*pos * k as usize), n * k as usize);
            } else {
                let d = unicode::data(o);
                match k {
                    2 => {
                        let t = dst as *mut u16;
                        for i in 0..n {
                            *t.add(*pos + i) = d.get(i) as u16;
                        }
                    }
                    _ => {
                        let t = dst as *mut u32;
                        for i in 0..n {
                            *t.add(*pos + i) = d.get(i);
                        }
                    }
                }
            }
            *pos += n;
        };
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                if let Some(s) = sep {
                    put(s, &mut pos);
                }
            }
            put(it, &mut pos);
        }
        if maxc >= 0x80 && k == 1 {
            // new_raw marked it non-ASCII; an all-ASCII result must be compact ASCII.
            let d = std::slice::from_raw_parts(dst, total);
            if d.is_ascii() {
                return Ok(from_latin1(d));
            }
        }
        Ok(r)
    }
}

crate::onearg!(str_join, |slf, a| { join_impl(slf, a.unwrap()) });

/// Concatenates str objects (BUILD_STRING, print).
pub fn join_strs(parts: &[PyObj]) -> PyResult {
    let n: usize = parts.iter().map(unicode::len).sum();
    let maxc = parts.iter().map(unicode::max_char).max().unwrap_or(0);
    concat_into(parts, None, n, maxc)
}

/// `ascii(o)`: repr with non-ASCII characters escaped.
pub fn ascii(o: &PyObj) -> PyResult {
    let r = ab::repr(o)?;
    Ok(ascii_escape(&r))
}

// ---------------------------------------------------------------- strip

fn strip_common(fname: &str, slf: &PyObj, args: &[PyObj], left: bool, right: bool) -> PyResult {
    crate::objects::methodobject::check_nargs(fname, args, 0, 1)?;
    let chars = match args.first() {
        Some(c) if !none::is_none(c) => {
            if !unicode::is_str(c) {
                return Err(err::type_error(format!("{} arg must be None or str", fname)));
            }
            Some(c)
        }
        _ => None,
    };
    let d = unicode::data(slf);
    let n = d.len();
    let (mut i, mut j) = (0, n);
    match chars {
        None => {
            if let StrData::Latin1(b) = d {
                if left {
                    while i < j && is_space(b[i] as u32) {
                        i += 1;
                    }
                }
                if right {
                    while j > i && is_space(b[j - 1] as u32) {
                        j -= 1;
                    }
                }
            } else {
                if left {
                    while i < j && is_space(d.get(i)) {
                        i += 1;
                    }
                }
                if right {
                    while j > i && is_space(d.get(j - 1)) {
                        j -= 1;
                    }
                }
            }
        }
        Some(c) => {
            let set = wide(c);
            let has = |x: u32| set.contains(&x);
            if left {
                while i < j && has(d.get(i)) {
                    i += 1;
                }
            }
            if right {
                while j > i && has(d.get(j - 1)) {
                    j -= 1;
                }
            }
        }
    }
    Ok(sub(slf, i, j))
}

crate::fastcall!(str_strip, |slf, args| { strip_common("strip", slf, args, true, true) });
crate::fastcall!(str_lstrip, |slf, args| { strip_common("lstrip", slf, args, true, false) });
crate::fastcall!(str_rstrip, |slf, args| { strip_common("rstrip", slf, args, false, true) });

fn prefix_arg<'a>(fname: &str, a: &'a PyObj) -> PyResult<&'a PyObj> {
    if !unicode::is_str(a) {
        return Err(err::type_error(format!("{}() argument must be str, not {}", fname, tname(a))));
    }
    Ok(a)
}

crate::onearg!(str_removeprefix, |slf, a| {
    let p = prefix_arg("removeprefix", a.unwrap())?;
    let n = s_len(slf);
    if tailmatch(slf, p, 0, isize::MAX, false) && s_len(p) > 0 {
        return Ok(sub(slf, s_len(p), n));
    }
    Ok(exact(slf))
});

crate::onearg!(str_removesuffix, |slf, a| {
    let p = prefix_arg("removesuffix", a.unwrap())?;
    let n = s_len(slf);
    if tailmatch(slf, p, 0, isize::MAX, true) && s_len(p) > 0 {
        return Ok(sub(slf, 0, n - s_len(p)));
    }
    Ok(exact(slf))
});

// ---------------------------------------------------------------- justify

fn pad(slf: &PyObj, left: usize, right: usize, fill: u32) -> PyResult {
    if left == 0 && right == 0 {
        return Ok(exact(slf));
    }
    let n = s_len(slf);
    let total = n + left + right;
    check_result_len(total)?;
    if let (Some(s), true) = (ascii_str(slf), fill < 128) {
        let mut v = Vec::with_capacity(total);
        v.resize(left, fill as u8);
        v.extend_from_slice(s.as_bytes());
        v.resize(total, fill as u8);
        return Ok(from_latin1(&v));
    }
    let d = wide(slf);
    let mut v: Vec<u32> = Vec::with_capacity(total);
    v.resize(left, fill);
    v.extend_from_slice(&d);
    v.resize(total, fill);
    Ok(unicode::from_codepoints(&v))
}

fn width_fill(fname: &str, args: &[PyObj]) -> PyResult<(isize, u32)> {
    crate::objects::methodobject::check_nargs(fname, args, 1, 2)?;
    let w = ssize_arg(&args[0])?;
    let fill = match args.get(1) {
        None => 0x20,
        Some(f) => {
            if !unicode::is_str(f) {
                return Err(err::type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    tname(f)
                )));
            }
            if s_len(f) != 1 {
                return Err(err::type_error("The fill character must be exactly one character long"));
            }
            unicode::data(f).get(0)
        }
    };
    Ok((w, fill))
}

crate::fastcall!(str_center, |slf, args| {
    let (w, fill) = width_fill("center", args)?;
    let n = s_len(slf) as isize;
    if w <= n {
        return Ok(exact(slf));
    }
    let marg = w - n;
    let left = marg / 2 + (marg & w & 1);
    pad(slf, left as usize, (marg - left) as usize, fill)
});

crate::fastcall!(str_ljust, |slf, args| {
    let (w, fill) = width_fill("ljust", args)?;
    let n = s_len(slf) as isize;
    if w <= n {
        return Ok(exact(slf));
    }
    pad(slf, 0, (w - n) as usize, fill)
});

crate::fastcall!(str_rjust, |slf, args| {
    let (w, fill) = width_fill("rjust", args)?;
    let n = s_len(slf) as isize;
    if w <= n {
        return Ok(exact(slf));
    }
    pad(slf, (w - n) as usize, 0, fill)
});

crate::onearg!(str_zfill, |slf, a| {
    let w = ssize_arg(a.unwrap())?;
    let n = s_len(slf) as isize;
    if w <= n {
        return Ok(exact(slf));
    }
    let fill = (w - n) as usize;
    check_result_len(w as usize)?;
    let mut v: Vec<u32> = Vec::with_capacity(w as usize);
    v.resize(fill, 0x30);
    v.extend(unicode::data(slf).iter());
    if n > 0 && (v[fill] == b'+' as u32 || v[fill] == b'-' as u32) {
        v[0] = v[fill];
        v[fill] = 0x30;
    }
    Ok(unicode::from_codepoints(&v))
});

crate::fastcall_kw!(str_expandtabs, |slf, args, kw| {
    let v = clinic_bind("expandtabs", args, kw, &["tabsize"])?;
    let ts = match &v[0] {
        Some(t) => ssize_arg(t)?,
        None => 8,
    };
    let d = unicode::data(slf);
    if !d.iter().any(|c| c == 9) {
        return Ok(exact(slf));
    }
    let mut out: Vec<u32> = Vec::with_capacity(d.len() + 16);
    let mut col: usize = 0;
    for c in d.iter() {
        if c == 9 {
            if ts > 0 {
                let k = ts as usize - (col % ts as usize);
                col += k;
                check_result_len(out.len() + k)?;
                out.extend(std::iter::repeat(0x20).take(k));
            }
        } else {
            out.push(c);
            col += 1;
            if c == 10 || c == 13 {
                col = 0;
            }
        }
    }
    Ok(unicode::from_codepoints(&out))
});

// ---------------------------------------------------------------- translate / maketrans

crate::onearg!(str_translate, |slf, a| {
    let table = a.unwrap();
    let d = wide(slf);
    let mut cache: std::collections::HashMap<u32, Option<Vec<u32>>> = std::collections::HashMap::new();
    let mut out: Vec<u32> = Vec::with_capacity(d.len());
    for &c in d.iter() {
        if let Some(m) = cache.get(&c) {
            if let Some(v) = m {
                out.extend_from_slice(v);
            }
            continue;
        }
        let key = long::from_i64(c as i64);
        let m: Option<Vec<u32>> = match ab::getitem(table, &key) {
            Ok(v) => {
                if none::is_none(&v) {
                    None
                } else if long::is_int(&v) {
                    match long::as_i64(&v) {
                        Some(x) if (0..0x110000).contains(&x) => Some(vec![x as u32]),
                        _ => return Err(err::value_error("character mapping must be in range(0x110000)")),
                    }
                } else if unicode::is_str(&v) {
                    Some(wide(&v).into_owned())
                } else {
                    return Err(err::type_error("character mapping must return integer, None or str"));
                }
            }
            Err(e) if e.matches(unsafe { exceptions::PyExc_LookupError }) => Some(vec![c]),
            Err(e) => return Err(e),
        };
        if let Some(v) = &m {
            out.extend_from_slice(v);
        }
        cache.insert(c, m);
    }
    Ok(unicode::from_codepoints(&out))
});

unsafe extern "C" fn str_maketrans(_s: *mut PyObject, a: *const *mut PyObject, n: isize) -> *mut PyObject {
    err::into_ptr(maketrans_impl(PyObj::slice(a, n as usize)))
}

fn maketrans_impl(args: &[PyObj]) -> PyResult {
    crate::objects::methodobject::check_nargs("maketrans", args, 1, 3)?;
    let r = dict::new();
    if args.len() == 1 {
        let x = &args[0];
        if !dict::is_dict(x) {
            return Err(err::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        }
        for (k, v) in dict::items_vec(x) {
            if unicode::is_str(&k) {
                if s_len(&k) != 1 {
                    return Err(err::value_error("string keys in translate table must be of length 1"));
                }
                dict::set_item(&r, long::from_i64(unicode::data(&k).get(0) as i64), v)?;
            } else if long::is_int(&k) {
                dict::set_item(&r, k, v)?;
            } else {
                return Err(err::type_error("keys in translate table must be strings or integers"));
            }
        }
        return Ok(r);
    }
    for (i, a) in args.iter().enumerate() {
        if !unicode::is_str(a) {
            return Err(err::type_error(format!(
                "maketrans() argument {} must be str, not {}",
                i + 1,
                tname(a)
            )));
        }
    }
    let (x, y) = (wide(&args[0]), wide(&args[1]));
    if x.len() != y.len() {
        return Err(err::value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.iter().zip(y.iter()) {
        dict::set_item(&r, long::from_i64(*a as i64), long::from_i64(*b as i64))?;
    }
    if let Some(z) = args.get(2) {
        for c in wide(z).iter() {
            dict::set_item(&r, long::from_i64(*c as i64), none::none())?;
        }
    }
    Ok(r)
}

// ---------------------------------------------------------------- encode, misc

crate::fastcall_kw!(str_encode, |slf, args, kw| {
    let v = clinic_bind("encode", args, kw, &["encoding", "errors"])?;
    let mut enc = "utf-8".to_string();
    let mut errs = "strict".to_string();
    for (i, nm) in [(0, "encoding"), (1, "errors")] {
        if let Some(a) = &v[i] {
            if !unicode::is_str(a) {
                return Err(err::type_error(format!("encode() argument '{}' must be str, not {}", nm, tname(a))));
            }
            let s = unicode::as_str(a)?.to_string();
            if i == 0 {
                enc = s;
            } else {
                errs = s;
            }
        }
    }
    crate::objects::bytes_methods::encode_str(slf, &enc, &errs)
});

crate::onearg!(str_getnewargs, |slf, _a| { Ok(tuple::new(vec![copy_exact(slf)])) });

crate::onearg!(str_sizeof, |slf, _a| {
    let n = s_len(slf);
    let k = unicode::kind(slf) as usize;
    let p = slf.as_ptr();
    let compact = unsafe { (*(p as *mut unicode::PyASCIIObject)).state } & (1 << 5) != 0;
    let mut size = if compact {
        if unicode::is_ascii(slf) {
            std::mem::size_of::<unicode::PyASCIIObject>() + n + 1
        } else {
            std::mem::size_of::<unicode::PyCompactUnicodeObject>() + (n + 1) * k
        }
    } else {
        unsafe { (*slf.ob_type()).tp_basicsize as usize + (n + 1) * k }
    };
    if !unicode::is_ascii(slf) {
        let c = p as *mut unicode::PyCompactUnicodeObject;
        unsafe {
            if !(*c).utf8.is_null() {
                size += (*c).utf8_length as usize + 1;
            }
        }
    }
    Ok(long::from_usize(size))
});

crate::onearg!(str_format_spec, |slf, a| {
    let spec = a.unwrap();
    if !unicode::is_str(spec) {
        return Err(err::type_error(format!("__format__() argument must be str, not {}", tname(spec))));
    }
    if s_len(spec) == 0 {
        // CPython's format_obj: an empty spec on a subclass instance is str(self).
        return if unicode::is_exact_str(slf) { Ok(slf.clone()) } else { ab::str(slf) };
    }
    let spec_s = unicode::to_string_lossy(spec);
    let tn = tname(slf);
    let p = fmt::parse_format_spec(&spec_s, fmt::FormatKind::Str, &tn).map_err(ferr)?;
    let s = unicode::to_string_lossy(slf);
    let r = fmt::format_str(&s, &p, &tn).map_err(ferr)?;
    Ok(unicode::new(&r))
});

// =====================================================================
// str.format / format_map

#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct FormatCtx<'a> {
    args: Option<&'a [PyObj]>,
    /// Keyword values: (names tuple, values) for format(), or a mapping.
    kwnames: Option<&'a PyObj>,
    kwvalues: &'a [PyObj],
    mapping: Option<&'a PyObj>,
    auto: AutoState,
    next: usize,
}

const LBRACE: u32 = b'{' as u32;
const RBRACE: u32 = b'}' as u32;

fn vformat(ctx: &mut FormatCtx, f: &[u32], depth: i32, out: &mut Vec<u32>) -> PyResult<()> {
    if depth <= 0 {
        return Err(err::value_error("Max string recursion exceeded"));
    }
    let n = f.len();
    let mut i = 0;
    while i < n {
        // Literal text.
        let lit_start = i;
        let mut c = 0;
        while i < n {
            c = f[i];
            i += 1;
            if c == LBRACE || c == RBRACE {
                break;
            }
            c = 0;
        }
        if c == 0 {
            out.extend_from_slice(&f[lit_start..i]);
            break;
        }
        let at_end = i >= n;
        if c == RBRACE && (at_end || f[i] != RBRACE) {
            return Err(err::value_error("Single '}' encountered in format string"));
        }
        if at_end && c == LBRACE {
            return Err(err::value_error("Single '{' encountered in format string"));
        }
        out.extend_from_slice(&f[lit_start..i - 1]);
        if f[i] == c {
            out.push(c);
            i += 1;
            continue;
        }
        // A replacement field: parse_field.
        let name_start = i;
        let mut ch = 0;
        while i < n {
            ch = f[i];
            i += 1;
            match ch {
                LBRACE => return Err(err::value_error("unexpected '{' in field name")),
                0x5b => {
                    while i < n && f[i] != 0x5d {
                        i += 1;
                    }
                    ch = 0;
                    continue;
                }
                RBRACE | 0x3a | 0x21 => break,
                _ => {
                    ch = 0;
                    continue;
                }
            }
        }
        let name_end = if ch == 0 { i } else { i - 1 };
        let name = &f[name_start..name_end];
        let mut conversion = 0u32;
        let mut spec: &[u32] = &[];
        let mut spec_expand = false;
        if ch == 0x21 || ch == 0x3a {
            let mut need_spec = true;
            if ch == 0x21 {
                if i >= n {
                    return Err(err::value_error("end of string while looking for conversion specifier"));
                }
                conversion = f[i];
                i += 1;
                if i < n {
                    let c2 = f[i];
                    i += 1;
                    if c2 == RBRACE {
                        need_spec = false;
                    } else if c2 != 0x3a {
                        return Err(err::value_error("expected ':' after conversion specifier"));
                    }
                }
            }
            if need_spec {
                let spec_start = i;
                let mut count = 1;
                let mut closed = false;
                while i < n {
                    let c3 = f[i];
                    i += 1;
                    if c3 == LBRACE {
                        spec_expand = true;
                        count += 1;
                    } else if c3 == RBRACE {
                        count -= 1;
                        if count == 0 {
                            spec = &f[spec_start..i - 1];
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    return Err(err::value_error("unmatched '{' in format spec"));
                }
            }
        } else if ch != RBRACE {
            return Err(err::value_error("expected '}' before end of string"));
        }
        render_field(ctx, name, conversion, spec, spec_expand, depth, out)?;
    }
    Ok(())
}

/// `get_integer`: the value of an all-decimal field name part, None otherwise.
fn get_integer(s: &[u32]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else { return Ok(None) };
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(err::value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as usize;
    }
    Ok(Some(acc))
}

fn render_field(
    ctx: &mut FormatCtx,
    name: &[u32],
    conversion: u32,
    spec: &[u32],
    spec_expand: bool,
    depth: i32,
    out: &mut Vec<u32>,
) -> PyResult<()> {
    // Split the field name: first part up to '.' or '['.
    let first_end = name.iter().position(|&c| c == 0x2e || c == 0x5b).unwrap_or(name.len());
    let first = &name[..first_end];
    let rest = &name[first_end..];
    let idx = get_integer(first)?;
    let empty = first.is_empty();
    let numeric = empty || idx.is_some();
    let mut idx = idx;
    if numeric {
        if ctx.auto == AutoState::Init {
            ctx.auto = if empty { AutoState::Auto } else { AutoState::Manual };
        }
        if ctx.auto == AutoState::Manual && empty {
            return Err(err::value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if ctx.auto == AutoState::Auto && !empty {
            return Err(err::value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if empty {
            idx = Some(ctx.next);
            ctx.next += 1;
        }
    }
    let mut obj = match idx {
        None => {
            let key = unicode::from_codepoints(first);
            if let Some(m) = ctx.mapping {
                ab::getitem(m, &key)?
            } else {
                let mut found = None;
                if let Some(kn) = ctx.kwnames {
                    for (j, k) in tuple::items(kn).iter().enumerate() {
                        if unicode::eq(k, &key) {
                            found = Some(ctx.kwvalues[j].clone());
                        }
                    }
                }
                match found {
                    Some(v) => v,
                    None => return Err(err::key_error(&key)),
                }
            }
        }
        Some(i) => match ctx.args {
            None => return Err(err::value_error("Format string contains positional fields")),
            Some(a) => match a.get(i) {
                Some(v) => v.clone(),
                None => {
                    return Err(err::index_error(format!(
                        "Replacement index {} out of range for positional args tuple",
                        i
                    )))
                }
            },
        },
    };
    // Attribute and item accessors.
    let mut k = 0;
    while k < rest.len() {
        let c = rest[k];
        k += 1;
        if c == 0x2e {
            let s = k;
            while k < rest.len() && rest[k] != 0x2e && rest[k] != 0x5b {
                k += 1;
            }
            if s == k {
                return Err(err::value_error("Empty attribute in format string"));
            }
            let attr = unicode::from_codepoints(&rest[s..k]);
            obj = ab::getattr(&obj, &attr)?;
        } else if c == 0x5b {
            let s = k;
            while k < rest.len() && rest[k] != 0x5d {
                k += 1;
            }
            if k >= rest.len() {
                return Err(err::value_error("Missing ']' in format string"));
            }
            let key = &rest[s..k];
            k += 1;
            if key.is_empty() {
                return Err(err::value_error("Empty attribute in format string"));
            }
            let keyobj = match get_integer(key)? {
                Some(i) => long::from_usize(i),
                None => unicode::from_codepoints(key),
            };
            obj = ab::getitem(&obj, &keyobj)?;
            if k < rest.len() && rest[k] != 0x2e && rest[k] != 0x5b {
                return Err(err::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        } else {
            return Err(err::value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    let obj = match conversion {
        0 => obj,
        0x72 => ab::repr(&obj)?,
        0x73 => ab::str(&obj)?,
        0x61 => ascii(&obj)?,
        c => {
            return Err(err::value_error(if (32..127).contains(&c) {
                format!("Unknown conversion specifier {}", char::from_u32(c).unwrap())
            } else {
                format!("Unknown conversion specifier \\x{:x}", c)
            }))
        }
    };
    let spec_obj = if spec_expand {
        let mut sv = Vec::new();
        vformat(ctx, spec, depth - 1, &mut sv)?;
        unicode::from_codepoints(&sv)
    } else if spec.is_empty() {
        unicode::empty()
    } else {
        unicode::from_codepoints(spec)
    };
    let r = if unicode::is_exact_str(&obj) && s_len(&spec_obj) == 0 {
        obj
    } else {
        ab::format(&obj, &spec_obj)?
    };
    match unicode::data(&r) {
        StrData::Latin1(d) => out.extend(d.iter().map(|&c| c as u32)),
        StrData::Ucs2(d) => out.extend(d.iter().map(|&c| c as u32)),
        StrData::Ucs4(d) => out.extend_from_slice(d),
    }
    Ok(())
}

crate::fastcall_kw!(str_format, |slf, args, kw| {
    let nk = kw.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    let mut ctx = FormatCtx {
        args: Some(&args[..np]),
        kwnames: kw,
        kwvalues: &args[np..],
        mapping: None,
        auto: AutoState::Init,
        next: 0,
    };
    let f = wide(slf);
    let mut out = Vec::with_capacity(f.len() + 16);
    vformat(&mut ctx, &f, 2, &mut out)?;
    Ok(unicode::from_codepoints(&out))
});

crate::onearg!(str_format_map, |slf, a| {
    let m = a.unwrap();
    let mut ctx = FormatCtx { args: None, kwnames: None, kwvalues: &[], mapping: Some(m), auto: AutoState::Init, next: 0 };
    let f = wide(slf);
    let mut out = Vec::with_capacity(f.len() + 16);
    vformat(&mut ctx, &f, 2, &mut out)?;
    Ok(unicode::from_codepoints(&out))
});

// =====================================================================
// printf-style formatting

struct PercentSrc<'a> {
    args: &'a PyObj,
    items: Option<&'a [PyObj]>,
    cursor: fmt::percent::ArgCursor,
    current: Option<PyObj>,
    mapping: bool,
}

impl<'a> PercentSrc<'a> {
    fn next_value(&mut self) -> PyResult {
        match self.cursor.next_arg().map_err(ferr)? {
            fmt::percent::ArgSlot::Index(i) => Ok(self.items.unwrap()[i].clone()),
            fmt::percent::ArgSlot::Current => Ok(self.current.clone().unwrap_or_else(|| self.args.clone())),
        }
    }
}

impl<'a> fmt::percent::PercentArgSource for PercentSrc<'a> {
    type Error = PE;
    fn is_mapping(&self) -> bool {
        self.mapping
    }
    fn select_key(&mut self, key: &str) -> Result<(), PE> {
        let v = ab::getitem(self.args, &unicode::new(key))?;
        self.current = Some(v);
        self.cursor.select_key();
        Ok(())
    }
    fn star(&mut self, is_precision: bool) -> Result<i64, PE> {
        let v = self.next_value()?;
        if !long::is_int(&v) {
            return Err(PE(ferr(fmt::percent::star_wants_int_error())));
        }
        match long::as_i64(&v) {
            Some(x) if !is_precision => Ok(x),
            Some(x) if (i32::MIN as i64..=i32::MAX as i64).contains(&x) => Ok(x),
            _ => Err(PE(err::overflow_error(if is_precision {
                "Python int too large to convert to C int"
            } else {
                "Python int too large to convert to C ssize_t"
            }))),
        }
    }
}

fn has_nb(o: &PyObj, f: impl Fn(&PyNumberMethods) -> bool) -> bool {
    unsafe {
        let nm = (*o.ob_type()).tp_as_number;
        !nm.is_null() && f(&*nm)
    }
}

fn percent_format(fmt_obj: &PyObj, args: &PyObj) -> PyResult {
    use fmt::percent::{self as pc, Conversion, Piece};
    let f = unicode::to_string_lossy(fmt_obj);
    let is_tuple = tuple::is_tuple(args);
    let mapping = !is_tuple && !unicode::is_str(args) && (dict::is_dict(args) || ab::has_mapping_protocol(args));
    let mut src = PercentSrc {
        args,
        items: if is_tuple { Some(tuple::items(args)) } else { None },
        cursor: pc::ArgCursor::new(if is_tuple { Some(tuple::len(args)) } else { None }, mapping),
        current: None,
        mapping,
    };
    let mut p = pc::PercentParser::new(&f);
    let mut out = String::with_capacity(f.len() + 16);
    while let Some(piece) = p.next_piece(&mut src).map_err(|e| e.0)? {
        match piece {
            Piece::Literal(s) => out.push_str(s),
            Piece::Percent => out.push('%'),
            Piece::Spec(spec) => {
                let v = src.next_value()?;
                let piece = match spec.conversion() {
                    Conversion::Str | Conversion::Repr | Conversion::Ascii => {
                        let s = match spec.conversion() {
                            Conversion::Str => ab::str(&v)?,
                            Conversion::Repr => ab::repr(&v)?,
                            _ => ascii(&v)?,
                        };
                        pc::percent_str(&spec, &unicode::to_string_lossy(&s)).map_err(ferr)?
                    }
                    Conversion::Int => {
                        let iv = if long::is_int(&v) {
                            v.clone()
                        } else if matches!(spec.conv, 'o' | 'x' | 'X') {
                            if !has_nb(&v, |n| n.nb_index.is_some()) {
                                return Err(ferr(pc::int_type_error(spec.conv, &tname(&v))));
                            }
                            ab::index(&v)?
                        } else {
                            if !has_nb(&v, |n| n.nb_index.is_some() || n.nb_int.is_some() || n.nb_float.is_some()) {
                                return Err(ferr(pc::int_type_error(spec.conv, &tname(&v))));
                            }
                            let r = if has_nb(&v, |n| n.nb_int.is_some()) {
                                let f = unsafe { (*(*v.ob_type()).tp_as_number).nb_int.unwrap() };
                                unsafe { err::from_ptr(f(v.as_ptr()))? }
                            } else {
                                ab::call1(&crate::typeobj::type_obj(long::long_type()), &v)?
                            };
                            if !long::is_int(&r) {
                                return Err(err::type_error(format!(
                                    "__int__ returned non-int (type {})",
                                    tname(&r)
                                )));
                            }
                            r
                        };
                        pc::percent_int(&spec, &long::to_bigint(&iv)).map_err(ferr)?
                    }
                    Conversion::Float => {
                        let x = if float::is_float(&v) {
                            float::value(&v)
                        } else if long::is_int(&v) {
                            fmt::bigint_to_f64(&long::to_bigint(&v)).map_err(ferr)?
                        } else {
                            if !has_nb(&v, |n| n.nb_float.is_some() || n.nb_index.is_some()) {
                                return Err(err::type_error(format!("must be real number, not {}", tname(&v))));
                            }
                            let r = ab::call1(&crate::typeobj::type_obj(float::float_type()), &v)?;
                            float::value(&r)
                        };
                        pc::percent_float(&spec, x).map_err(ferr)?
                    }
                    Conversion::Char => {
                        let c = if long::is_int(&v) {
                            pc::percent_char_from_int(&long::to_bigint(&v)).map_err(ferr)?
                        } else if unicode::is_str(&v) && s_len(&v) == 1 {
                            char::from_u32(unicode::data(&v).get(0)).unwrap_or('\u{fffd}')
                        } else {
                            return Err(ferr(pc::char_type_error()));
                        };
                        pc::percent_char(&spec, c).map_err(ferr)?
                    }
                    Conversion::Unsupported => return Err(ferr(spec.unsupported_error())),
                };
                out.push_str(&piece);
            }
        }
    }
    src.cursor.finish().map_err(ferr)?;
    Ok(unicode::new(&out))
}

/// The parser's error type: a Python exception.
struct PE(PyErr);
impl From<FormatError> for PE {
    fn from(e: FormatError) -> PE {
        PE(ferr(e))
    }
}
impl From<PyErr> for PE {
    fn from(e: PyErr) -> PE {
        PE(e)
    }
}

// =====================================================================
// Type setup

static mut STR_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;
static mut STR_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut STR_AS_MAPPING: PyMappingMethods = EMPTY_MAPPING_METHODS;

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PyUnicodeIter_Type, &raw mut StrAsciiIter_Type]
}

pub unsafe fn init_type() {
    let t = unicode::str_type();
    (*t).tp_repr = Some(str_repr);
    (*t).tp_str = Some(str_str);
    (*t).tp_hash = Some(str_hash);
    (*t).tp_richcompare = Some(str_richcompare);
    (*t).tp_iter = Some(str_iter);
    (*t).tp_new = Some(str_new);
    (*t).tp_vectorcall = Some(str_vectorcall);
    let nm = &raw mut STR_AS_NUMBER;
    (*nm).nb_remainder = Some(str_remainder);
    (*t).tp_as_number = nm;
    let sq = &raw mut STR_AS_SEQUENCE;
    (*sq).sq_length = Some(str_length);
    (*sq).sq_concat = Some(str_concat);
    (*sq).sq_repeat = Some(str_repeat);
    (*sq).sq_item = Some(str_item);
    (*sq).sq_contains = Some(str_contains);
    (*t).tp_as_sequence = sq;
    let mp = &raw mut STR_AS_MAPPING;
    (*mp).mp_length = Some(str_length);
    (*mp).mp_subscript = Some(str_subscript);
    (*t).tp_as_mapping = mp;

    use meth::*;
    let f = |p: *const ()| p as *const c_void;
    descr::set_methods(
        t,
        &[
            ("encode", f(str_encode as *const ()), FASTCALL | KEYWORDS, "Encode the string using the codec registered for encoding."),
            ("replace", f(str_replace as *const ()), FASTCALL, "Return a copy with all occurrences of substring old replaced by new."),
            ("split", f(str_split as *const ()), FASTCALL | KEYWORDS, "Return a list of the substrings in the string, using sep as the separator string."),
            ("rsplit", f(str_rsplit as *const ()), FASTCALL | KEYWORDS, "Return a list of the substrings in the string, using sep as the separator string."),
            ("join", f(str_join as *const ()), O, "Concatenate any number of strings."),
            ("capitalize", f(str_capitalize as *const ()), NOARGS, "Return a capitalized version of the string."),
            ("casefold", f(str_casefold as *const ()), NOARGS, "Return a version of the string suitable for caseless comparisons."),
            ("title", f(str_title as *const ()), NOARGS, "Return a version of the string where each word is titlecased."),
            ("center", f(str_center as *const ()), FASTCALL, "Return a centered string of length width."),
            ("count", f(str_count as *const ()), FASTCALL, "Return the number of non-overlapping occurrences of substring sub."),
            ("expandtabs", f(str_expandtabs as *const ()), FASTCALL | KEYWORDS, "Return a copy where all tab characters are expanded using spaces."),
            ("find", f(str_find as *const ()), FASTCALL, "Return the lowest index in S where substring sub is found."),
            ("partition", f(str_partition as *const ()), O, "Partition the string into three parts using the given separator."),
            ("index", f(str_index as *const ()), FASTCALL, "Return the lowest index in S where substring sub is found."),
            ("ljust", f(str_ljust as *const ()), FASTCALL, "Return a left-justified string of length width."),
            ("lower", f(str_lower as *const ()), NOARGS, "Return a copy of the string converted to lowercase."),
            ("lstrip", f(str_lstrip as *const ()), FASTCALL, "Return a copy of the string with leading whitespace removed."),
            ("rfind", f(str_rfind as *const ()), FASTCALL, "Return the highest index in S where substring sub is found."),
            ("rindex", f(str_rindex as *const ()), FASTCALL, "Return the highest index in S where substring sub is found."),
            ("rjust", f(str_rjust as *const ()), FASTCALL, "Return a right-justified string of length width."),
            ("rstrip", f(str_rstrip as *const ()), FASTCALL, "Return a copy of the string with trailing whitespace removed."),
            ("rpartition", f(str_rpartition as *const ()), O, "Partition the string into three parts using the given separator."),
            ("splitlines", f(str_splitlines as *const ()), FASTCALL | KEYWORDS, "Return a list of the lines in the string, breaking at line boundaries."),
            ("strip", f(str_strip as *const ()), FASTCALL, "Return a copy of the string with leading and trailing whitespace removed."),
            ("swapcase", f(str_swapcase as *const ()), NOARGS, "Convert uppercase characters to lowercase and lowercase characters to uppercase."),
            ("translate", f(str_translate as *const ()), O, "Replace each character in the string using the given translation table."),
            ("upper", f(str_upper as *const ()), NOARGS, "Return a copy of the string converted to uppercase."),
            ("startswith", f(str_startswith as *const ()), FASTCALL, "Return True if S starts with the specified prefix, False otherwise."),
            ("endswith", f(str_endswith as *const ()), FASTCALL, "Return True if S ends with the specified suffix, False otherwise."),
            ("removeprefix", f(str_removeprefix as *const ()), O, "Return a str with the given prefix string removed if present."),
            ("removesuffix", f(str_removesuffix as *const ()), O, "Return a str with the given suffix string removed if present."),
            ("isascii", f(str_isascii as *const ()), NOARGS, "Return True if all characters in the string are ASCII, False otherwise."),
            ("islower", f(str_islower as *const ()), NOARGS, "Return True if the string is a lowercase string, False otherwise."),
            ("isupper", f(str_isupper as *const ()), NOARGS, "Return True if the string is an uppercase string, False otherwise."),
            ("istitle", f(str_istitle as *const ()), NOARGS, "Return True if the string is a title-cased string, False otherwise."),
            ("isspace", f(str_isspace as *const ()), NOARGS, "Return True if the string is a whitespace string, False otherwise."),
            ("isdecimal", f(str_isdecimal as *const ()), NOARGS, "Return True if the string is a decimal string, False otherwise."),
            ("isdigit", f(str_isdigit as *const ()), NOARGS, "Return True if the string is a digit string, False otherwise."),
            ("isnumeric", f(str_isnumeric as *const ()), NOARGS, "Return True if the string is a numeric string, False otherwise."),
            ("isalpha", f(str_isalpha as *const ()), NOARGS, "Return True if the string is an alphabetic string, False otherwise."),
            ("isalnum", f(str_isalnum as *const ()), NOARGS, "Return True if the string is an alpha-numeric string, False otherwise."),
            ("isidentifier", f(str_isidentifier as *const ()), NOARGS, "Return True if the string is a valid Python identifier, False otherwise."),
            ("isprintable", f(str_isprintable as *const ()), NOARGS, "Return True if the string is printable, False otherwise."),
            ("zfill", f(str_zfill as *const ()), O, "Pad a numeric string with zeros on the left, to fill a field of the given width."),
            ("format", f(str_format as *const ()), FASTCALL | KEYWORDS, "Return a formatted version of S, using substitutions from args and kwargs."),
            ("format_map", f(str_format_map as *const ()), O, "Return a formatted version of S, using substitutions from mapping."),
            ("__format__", f(str_format_spec as *const ()), O, "Return a formatted version of the string as described by format_spec."),
            ("maketrans", f(str_maketrans as *const ()), FASTCALL | STATIC, "Return a translation table usable for str.translate()."),
            ("__sizeof__", f(str_sizeof as *const ()), NOARGS, "Return the size of the string in memory, in bytes."),
            ("__getnewargs__", f(str_getnewargs as *const ()), NOARGS, ""),
        ],
    );

    for it in [&raw mut PyUnicodeIter_Type, &raw mut StrAsciiIter_Type] {
        (*it).tp_dealloc = Some(striter_dealloc);
        (*it).tp_traverse = Some(striter_traverse);
        (*it).tp_iter = Some(crate::objects::iterobject::self_iter);
        (*it).tp_iternext = Some(striter_next);
        (*it).tp_flags |= flags::HAVE_GC;
        descr::set_methods(
            it,
            &[("__length_hint__", f(striter_length_hint as *const ()), NOARGS, "Private method returning an estimate of len(list(it)).")],
        );
    }
}

use crate::objects::descr;
