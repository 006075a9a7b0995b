//! Pure-Rust number/string formatting and parsing algorithms with CPython 3.11
//! semantics. Nothing in this module touches the object model: the built-in
//! types convert their objects to `f64` / `BigInt` / `&str` and call in here.
//!
//! Public API (all errors are `FormatError` carrying CPython's exception type
//! and exact message):
//!
//! * `float_repr`, `complex_repr`, `double_to_string` (PyOS_double_to_string)
//! * `parse_format_spec`, `format_int`, `format_i64`, `format_float`,
//!   `format_str`, `format_complex` (+ `*_spec` convenience wrappers) — the
//!   `format()` mini-language
//! * `percent` — printf-style `%` formatting (parser + per-conversion output)
//! * `parse_int`, `parse_int_with_limit`, `parse_float`, `int_to_str_radix`,
//!   `int_to_prefixed`, `float_hex`, `float_fromhex`, `float_as_integer_ratio`,
//!   `round_half_even`, `round_float_to_int`, `float_to_bigint`,
//!   `bigint_to_f64`, `int_true_divide`
//! * `py_str_repr`, `py_isprintable`, `py_isspace`, `py_decimal_value`

pub mod float_repr;
pub mod parse_num;
pub mod percent;
pub mod spec;
mod unicode_tables;

#[cfg(test)]
mod tests;

pub use float_repr::{complex_repr, double_to_string, float_repr, try_double_to_string, DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0, DTSF_SIGN};
pub use parse_num::{
    bigint_to_f64, float_as_integer_ratio, float_fromhex, float_hex, float_to_bigint, int_to_prefixed,
    int_to_str_radix, int_true_divide, parse_float, parse_int, parse_int_with_limit, round_float_to_int,
    round_half_even, DEFAULT_MAX_STR_DIGITS,
};
pub use spec::{
    format_complex, format_complex_spec, format_float, format_float_spec, format_i64, format_i64_simple, format_int, format_int_spec,
    format_str, format_str_spec, parse_format_spec, FormatKind, FormatSpec, Grouping,
};

/// Which Python exception a `FormatError` stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrKind {
    ValueError,
    TypeError,
    OverflowError,
    /// Only from `int_true_divide` ("division by zero").
    ZeroDivisionError,
    /// The output would not fit in memory (huge width/precision); empty message.
    MemoryError,
}

/// A Python exception to raise: its type and CPython's exact message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    pub kind: ErrKind,
    pub msg: String,
}

impl FormatError {
    pub fn new(kind: ErrKind, msg: impl Into<String>) -> Self {
        FormatError { kind, msg: msg.into() }
    }
    pub fn value(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::ValueError, msg)
    }
    pub fn type_err(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::TypeError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::OverflowError, msg)
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for FormatError {}

/// Python's `str.isspace()` for one character (exact, Unicode 14 / CPython 3.11).
pub fn py_isspace(c: char) -> bool {
    let c = c as u32;
    if c < 128 {
        return matches!(c, 0x09..=0x0d | 0x1c..=0x20);
    }
    unicode_tables::WHITESPACE.binary_search(&c).is_ok()
}

/// Python's `str.isprintable()` for one character (exact, Unicode 14 / CPython 3.11 tables).
pub fn py_isprintable(c: char) -> bool {
    let c = c as u32;
    if c < 128 {
        return (0x20..0x7f).contains(&c);
    }
    let t = &unicode_tables::NON_PRINTABLE;
    // Find the last range whose start <= c.
    let idx = t.partition_point(|&(a, _)| a <= c);
    if idx == 0 {
        return true;
    }
    let (_, b) = t[idx - 1];
    c > b
}

/// Python's `unicodedata.decimal(c)` / `Py_UNICODE_TODECIMAL`: the value of a
/// Unicode decimal digit (category Nd), else `None`.
pub fn py_decimal_value(c: char) -> Option<u32> {
    let c = c as u32;
    if c < 128 {
        return if (0x30..=0x39).contains(&c) { Some(c - 0x30) } else { None };
    }
    let t = &unicode_tables::DECIMAL_ZEROS;
    let idx = t.partition_point(|&z| z <= c);
    if idx == 0 {
        return None;
    }
    let z = t[idx - 1];
    if c - z < 10 {
        Some(c - z)
    } else {
        None
    }
}

/// Exactly `repr(s)` for a Python `str` (quote choice and escapes as CPython's
/// `unicode_repr`; printability from the exact Unicode 14 table).
pub fn py_str_repr(s: &str) -> String {
    let has_single = s.contains('\'');
    let has_double = s.contains('"');
    let quote = if has_single && !has_double { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        push_repr_char(&mut out, c, quote);
    }
    out.push(quote);
    out
}

fn push_repr_char(out: &mut String, c: char, quote: char) {
    use std::fmt::Write;
    let u = c as u32;
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
    } else if c == '\t' {
        out.push_str("\\t");
    } else if c == '\n' {
        out.push_str("\\n");
    } else if c == '\r' {
        out.push_str("\\r");
    } else if u < 0x20 || u == 0x7f {
        let _ = write!(out, "\\x{:02x}", u);
    } else if u < 0x7f || py_isprintable(c) {
        out.push(c);
    } else if u <= 0xff {
        let _ = write!(out, "\\x{:02x}", u);
    } else if u <= 0xffff {
        let _ = write!(out, "\\u{:04x}", u);
    } else {
        let _ = write!(out, "\\U{:08x}", u);
    }
}

/// Exactly `ascii(s)` for a Python `str` (repr with all non-ASCII escaped).
pub fn py_str_ascii(s: &str) -> String {
    use std::fmt::Write;
    let r = py_str_repr(s);
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u <= 0xff {
            let _ = write!(out, "\\x{:02x}", u);
        } else if u <= 0xffff {
            let _ = write!(out, "\\u{:04x}", u);
        } else {
            let _ = write!(out, "\\U{:08x}", u);
        }
    }
    out
}

/// Reserve room for `n` more bytes, as a Python MemoryError on failure.
pub(crate) fn try_reserve(s: &mut String, n: usize) -> Result<(), FormatError> {
    s.try_reserve(n).map_err(|_| FormatError::new(ErrKind::MemoryError, ""))
}

/// `%.200R`-style truncation used in CPython messages: repr truncated to 200 code points.
pub(crate) fn repr_truncated(s: &str, max: usize) -> String {
    let r = py_str_repr(s);
    if r.chars().count() <= max {
        r
    } else {
        r.chars().take(max).collect()
    }
}

/// `%.200s`-style truncation of a type name.
pub(crate) fn trunc200(s: &str) -> &str {
    match s.char_indices().nth(200) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}
