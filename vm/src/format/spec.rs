//! The `format()` mini-language (CPython's Python/formatter_unicode.c).
//!
//! Usage by the built-in types' `__format__`:
//! * an EMPTY spec means `str(obj)` — the caller must handle that itself
//!   (matters for subclasses, e.g. `format(True, '') == 'True'`);
//! * otherwise `parse_format_spec(spec, kind, type(obj).__name__)` then
//!   `format_int` / `format_float` / `format_str` / `format_complex` with the
//!   same type name (it appears in "Unknown format code" messages).
//!   The `*_spec` wrappers do both steps for the exact built-in types.
//!
//! 'n' uses the C locale (no grouping, '.' decimal point), as CPython does
//! unless the program calls `locale.setlocale`.

use num_bigint::{BigInt, Sign};

use super::float_repr::{try_double_to_string, DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0};
use super::parse_num::bigint_to_f64;
use super::{py_decimal_value, trunc200, try_reserve, FormatError};

/// Which built-in type's rules to parse a spec with (default type and alignment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatKind {
    Int,
    Float,
    Complex,
    Str,
}

/// Thousands grouping requested by the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    None,
    /// ',' every 3 digits.
    Comma,
    /// '_' every 3 digits.
    Underscore,
    /// '_' every 4 digits (types b o x X).
    UnderscoreFour,
}

/// A parsed format spec, with defaults already resolved for its `FormatKind`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// One of `< > = ^`.
    pub align: char,
    /// `+`, `-`, ` ` or None.
    pub sign: Option<char>,
    pub no_neg_0: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// Presentation type; None for float/complex without a type.
    pub ty: Option<char>,
}

impl FormatSpec {
    /// The spec an empty format string stands for, for `kind`.
    pub fn default_for(kind: FormatKind) -> FormatSpec {
        FormatSpec {
            fill: ' ',
            align: if kind == FormatKind::Str { '<' } else { '>' },
            sign: None,
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: Grouping::None,
            precision: None,
            ty: match kind {
                FormatKind::Int => Some('d'),
                FormatKind::Str => Some('s'),
                _ => None,
            },
        }
    }
}

fn verr(msg: String) -> FormatError {
    FormatError::value(msg)
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Parse digits (any Unicode decimal digits, as CPython). Returns (count, value).
fn get_integer(chars: &[char], pos: &mut usize) -> Result<(usize, usize), FormatError> {
    let mut acc: usize = 0;
    let mut n = 0;
    while *pos < chars.len() {
        let d = match py_decimal_value(chars[*pos]) {
            Some(d) => d as usize,
            None => break,
        };
        if acc > (isize::MAX as usize - d) / 10 {
            return Err(verr("Too many decimal digits in format string".into()));
        }
        acc = acc * 10 + d;
        *pos += 1;
        n += 1;
    }
    Ok((n, acc))
}

fn char_for_msg(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", u)
    }
}

fn unknown_presentation_type(ty: char, type_name: &str) -> FormatError {
    verr(format!(
        "Unknown format code '{}' for object of type '{}'",
        char_for_msg(ty),
        trunc200(type_name)
    ))
}

/// Parse a non-empty format spec with CPython's rules for `kind`.
/// `type_name` is `type(obj).__name__` (used in the "Invalid format specifier" message).
pub fn parse_format_spec(spec: &str, kind: FormatKind, type_name: &str) -> Result<FormatSpec, FormatError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0usize;
    let mut f = FormatSpec::default_for(kind);
    let default_align = f.align;
    let mut fill_specified = false;
    let mut align_specified = false;
    let mut grouping = Grouping::None;

    if end - pos >= 2 && is_align(chars[pos + 1]) {
        f.fill = chars[pos];
        f.align = chars[pos + 1];
        fill_specified = true;
        align_specified = true;
        pos += 2;
    } else if end - pos >= 1 && is_align(chars[pos]) {
        f.align = chars[pos];
        align_specified = true;
        pos += 1;
    }
    if end - pos >= 1 && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if end - pos >= 1 && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if end - pos >= 1 && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && end - pos >= 1 && chars[pos] == '0' {
        f.fill = '0';
        if !align_specified && default_align == '>' {
            f.align = '=';
        }
        pos += 1;
    }
    let (n, w) = get_integer(&chars, &mut pos)?;
    f.width = if n == 0 { None } else { Some(w) };

    if end - pos >= 1 && chars[pos] == ',' {
        grouping = Grouping::Comma;
        pos += 1;
    }
    if end - pos >= 1 && chars[pos] == '_' {
        if grouping != Grouping::None {
            return Err(verr("Cannot specify both ',' and '_'.".into()));
        }
        grouping = Grouping::Underscore;
        pos += 1;
    }
    if end - pos >= 1 && chars[pos] == ',' && grouping == Grouping::Underscore {
        return Err(verr("Cannot specify both ',' and '_'.".into()));
    }
    if end - pos >= 1 && chars[pos] == '.' {
        pos += 1;
        let (n, p) = get_integer(&chars, &mut pos)?;
        if n == 0 {
            return Err(verr("Format specifier missing precision".into()));
        }
        f.precision = Some(p);
    }
    if end - pos > 1 {
        return Err(verr(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec,
            trunc200(type_name)
        )));
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    if grouping != Grouping::None {
        let t = f.ty.unwrap_or('\0');
        match t {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if grouping == Grouping::Underscore => grouping = Grouping::UnderscoreFour,
            _ => {
                let sep = if grouping == Grouping::Comma { ',' } else { '_' };
                return Err(verr(format!("Cannot specify '{}' with '{}'.", sep, char_for_msg(t))));
            }
        }
    }
    f.grouping = grouping;
    Ok(f)
}

// ---------------------------------------------------------------------------
// Number layout (calc_number_widths / fill_number / InsertThousandsGrouping)

/// (group size, separator) for the spec; 'n' uses the C locale (no grouping).
fn locale_for(spec: &FormatSpec) -> (usize, char) {
    if spec.ty == Some('n') {
        return (0, ',');
    }
    match spec.grouping {
        Grouping::None => (0, ','),
        Grouping::Comma => (3, ','),
        Grouping::Underscore => (3, '_'),
        Grouping::UnderscoreFour => (4, '_'),
    }
}

/// `_PyUnicode_InsertThousandsGrouping`: returns the grouped digits
/// (zero-extended to `min_width` when asked).
fn group_digits(digits: &[u8], min_width: i64, group: usize, sep: char) -> Result<String, FormatError> {
    let mut min_width = min_width.max(0);
    {
        // Fail cleanly (MemoryError) on absurd zero-padding widths.
        let mut probe = String::new();
        try_reserve(&mut probe, (digits.len().max(min_width as usize)).saturating_mul(3))?;
    }
    let mut remaining = digits.len() as i64;
    let mut dpos = digits.len();
    // Built right to left.
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() + digits.len() / 3 + 4);
    let mut use_sep = false;
    let mut loop_broken = false;
    let sep_len: i64 = if group > 0 { 1 } else { 0 };
    let fill = |rev: &mut Vec<char>, n_chars: i64, n_zeros: i64, use_sep: bool, dpos: &mut usize| {
        if use_sep {
            rev.push(sep);
        }
        for _ in 0..n_chars {
            *dpos -= 1;
            rev.push(digits[*dpos] as char);
        }
        for _ in 0..n_zeros {
            rev.push('0');
        }
    };
    if group > 0 {
        let g = group as i64;
        loop {
            let len = g.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            fill(&mut rev, n_chars, n_zeros, use_sep, &mut dpos);
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                loop_broken = true;
                break;
            }
            min_width -= sep_len;
        }
    }
    if !loop_broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        fill(&mut rev, n_chars, n_zeros, use_sep, &mut dpos);
    }
    Ok(rev.iter().rev().collect())
}

/// Lay out a number: `negative` sign, `prefix` ("0x"...), `digits` (ASCII, may
/// be empty), optional decimal point, and `remainder` (copied verbatim).
#[allow(clippy::too_many_arguments)]
fn layout_number(
    negative: bool,
    prefix: &str,
    digits: &[u8],
    has_decimal: bool,
    remainder: &str,
    spec: &FormatSpec,
    width: Option<usize>,
    fill: char,
    align: char,
) -> Result<String, FormatError> {
    let (group, sep) = locale_for(spec);
    let sign: Option<char> = match spec.sign {
        Some('+') => Some(if negative { '-' } else { '+' }),
        Some(' ') => Some(if negative { '-' } else { ' ' }),
        _ => {
            if negative {
                Some('-')
            } else {
                None
            }
        }
    };
    let n_sign = sign.is_some() as i64;
    let n_prefix = prefix.chars().count() as i64;
    let n_decimal = has_decimal as i64;
    let n_remainder = remainder.chars().count() as i64;
    let n_non_digit = n_sign + n_prefix + n_decimal + n_remainder;
    let width_i = width.map(|w| w as i64).unwrap_or(-1);
    let min_width = if fill == '0' && align == '=' { width_i - n_non_digit } else { 0 };
    let grouped = if digits.is_empty() { String::new() } else { group_digits(digits, min_width, group, sep)? };
    let n_grouped = grouped.len() as i64; // ASCII only
    let n_padding = width_i - (n_non_digit + n_grouped);
    let (mut lpad, mut spad, mut rpad) = (0i64, 0i64, 0i64);
    if n_padding > 0 {
        match align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::new();
    try_reserve(&mut out, (n_non_digit * 4 + n_grouped + n_padding.max(0) * fill.len_utf8() as i64) as usize + 8)?;
    push_n(&mut out, fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(prefix);
    push_n(&mut out, fill, spad);
    out.push_str(&grouped);
    if has_decimal {
        out.push('.');
    }
    out.push_str(remainder);
    push_n(&mut out, fill, rpad);
    Ok(out)
}

fn push_n(out: &mut String, c: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

/// `parse_number`: split "123.45e+06" into ("123", has_decimal, "45e+06").
fn split_number(s: &str) -> (&[u8], bool, &str) {
    let b = s.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let has_decimal = n < b.len() && b[n] == b'.';
    let rem_start = if has_decimal { n + 1 } else { n };
    (&b[..n], has_decimal, &s[rem_start..])
}

// ---------------------------------------------------------------------------
// int

/// `int.__format__` for a non-empty spec already parsed with `FormatKind::Int`.
pub fn format_int(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long_internal(v, spec, ty),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = bigint_to_f64(v)?;
            format_float_internal(x, spec)
        }
        _ => Err(unknown_presentation_type(ty, type_name)),
    }
}

/// `format(v, spec)` for the specs most programs use on ints —
/// `[[fill]align][0][width][d|x|X|o|b]` — written straight into the result
/// (no spec struct, digit grouping or intermediate strings); None for any
/// other spec, which the general path formats. Must agree with it exactly
/// (property-tested in format/tests.rs).
pub fn format_i64_simple(v: i64, spec: &str) -> Option<String> {
    let b = spec.as_bytes();
    let mut i = 0;
    let is_align = |c: u8| matches!(c, b'<' | b'>' | b'=' | b'^');
    let (mut fill, mut align) = (b' ', b'>');
    let (mut fill_given, mut align_given) = (false, false);
    if b.len() >= 2 && is_align(b[1]) && b[0].is_ascii() {
        fill = b[0];
        align = b[1];
        (fill_given, align_given) = (true, true);
        i = 2;
    } else if !b.is_empty() && is_align(b[0]) {
        align = b[0];
        align_given = true;
        i = 1;
    }
    // The '0' flag pads with zeros unless a fill is given, and after the
    // sign unless an alignment is given.
    if b.get(i) == Some(&b'0') {
        if !fill_given {
            fill = b'0';
        }
        if !align_given {
            align = b'=';
        }
        i += 1;
    }
    let mut width = 0usize;
    while let Some(&c) = b.get(i) {
        if !c.is_ascii_digit() || width > 1_000_000 {
            break;
        }
        width = width * 10 + (c - b'0') as usize;
        i += 1;
    }
    let base = match b.get(i) {
        None => 10,
        Some(b'd') => 10,
        Some(b'x') | Some(b'X') => 16,
        Some(b'o') => 8,
        Some(b'b') => 2,
        _ => return None,
    };
    if b.get(i).is_some() {
        i += 1;
    }
    if i != b.len() {
        return None;
    }
    let m = v.unsigned_abs();
    let digits = match (base, b.get(i.wrapping_sub(1))) {
        (16, Some(b'X')) => format!("{:X}", m),
        (16, _) => format!("{:x}", m),
        (8, _) => format!("{:o}", m),
        (2, _) => format!("{:b}", m),
        _ => m.to_string(),
    };
    let sign = if v < 0 { "-" } else { "" };
    let len = sign.len() + digits.len();
    if len >= width {
        return Some(format!("{}{}", sign, digits));
    }
    let pad = width - len;
    let fill = fill as char;
    let mut out = String::with_capacity(width);
    let push_fill = |out: &mut String, n: usize| out.extend(std::iter::repeat(fill).take(n));
    match align {
        b'<' => {
            out.push_str(sign);
            out.push_str(&digits);
            push_fill(&mut out, pad);
        }
        b'^' => {
            push_fill(&mut out, pad / 2);
            out.push_str(sign);
            out.push_str(&digits);
            push_fill(&mut out, pad - pad / 2);
        }
        b'=' => {
            out.push_str(sign);
            push_fill(&mut out, pad);
            out.push_str(&digits);
        }
        _ => {
            push_fill(&mut out, pad);
            out.push_str(sign);
            out.push_str(&digits);
        }
    }
    Some(out)
}

/// Fast-path-friendly `format_int` for machine integers.
pub fn format_i64(v: i64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {
            let m = v.unsigned_abs();
            let digits = |base: u32| match base {
                2 => format!("{:b}", m),
                8 => format!("{:o}", m),
                16 => format!("{:x}", m),
                _ => m.to_string(),
            };
            format_long_common(v < 0, Some(v), digits, spec, ty)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => format_float_internal(v as f64, spec),
        _ => Err(unknown_presentation_type(ty, type_name)),
    }
}

/// Parse + format for `int` (empty spec gives `str(v)`).
pub fn format_int_spec(v: &BigInt, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    let s = parse_format_spec(spec, FormatKind::Int, "int")?;
    format_int(v, &s, "int")
}

fn format_long_internal(v: &BigInt, spec: &FormatSpec, ty: char) -> Result<String, FormatError> {
    let small = i64::try_from(v).ok();
    format_long_common(v.sign() == Sign::Minus, small, |base| v.magnitude().to_str_radix(base), spec, ty)
}

/// `format_long_internal`: `small` is the value if it fits a C long; `digits`
/// gives the magnitude's lowercase digits in a base.
fn format_long_common(
    negative: bool,
    small: Option<i64>,
    digits: impl FnOnce(u32) -> String,
    spec: &FormatSpec,
    ty: char,
) -> Result<String, FormatError> {
    if spec.precision.is_some() {
        return Err(verr("Precision not allowed in integer format specifier".into()));
    }
    if spec.no_neg_0 {
        return Err(verr("Negative zero coercion (z) not allowed in integer format specifier".into()));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(verr("Sign not allowed with integer format specifier 'c'".into()));
        }
        if spec.alternate {
            return Err(verr("Alternate form (#) not allowed with integer format specifier 'c'".into()));
        }
        let x: i64 = match small {
            Some(x) => x,
            None => return Err(FormatError::overflow("Python int too large to convert to C long")),
        };
        if !(0..=0x10ffff).contains(&x) {
            return Err(FormatError::overflow("%c arg not in range(0x110000)"));
        }
        let c = char::from_u32(x as u32)
            .ok_or_else(|| verr("format: surrogate code points are not supported by this implementation".into()))?;
        let s = c.to_string();
        return layout_number(false, "", b"", false, &s, spec, spec.width, spec.fill, spec.align);
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = digits(base);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if spec.alternate { prefix } else { "" };
    layout_number(negative, prefix, digits.as_bytes(), false, "", spec, spec.width, spec.fill, spec.align)
}

// ---------------------------------------------------------------------------
// float

/// `float.__format__` for a non-empty spec already parsed with `FormatKind::Float`.
pub fn format_float(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_internal(x, spec),
        Some(t) => Err(unknown_presentation_type(t, type_name)),
    }
}

/// Parse + format for `float` (empty spec gives `str(x)`).
pub fn format_float_spec(x: f64, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(super::float_repr::float_repr(x));
    }
    let s = parse_format_spec(spec, FormatKind::Float, "float")?;
    format_float(x, &s, "float")
}

fn check_precision(spec: &FormatSpec) -> Result<(), FormatError> {
    match spec.precision {
        Some(p) if p > i32::MAX as usize => Err(verr("precision too big".into())),
        _ => Ok(()),
    }
}

fn format_float_internal(val: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    check_precision(spec)?;
    let mut flags = 0;
    if spec.alternate {
        flags |= DTSF_ALT;
    }
    if spec.no_neg_0 {
        flags |= DTSF_NO_NEG_0;
    }
    let mut ty = spec.ty.unwrap_or('\0');
    let mut default_precision = 6;
    if ty == '\0' {
        flags |= DTSF_ADD_DOT_0;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = val;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p as i64
        }
    };
    let mut buf = try_double_to_string(val, ty, precision, flags)?;
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let (digits, has_decimal, rem) = split_number(body);
    layout_number(negative, "", digits, has_decimal, rem, spec, spec.width, spec.fill, spec.align)
}

// ---------------------------------------------------------------------------
// complex

/// `complex.__format__` for a non-empty spec already parsed with `FormatKind::Complex`.
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    let ty = match spec.ty {
        None => '\0',
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) => t,
        Some(t) => return Err(unknown_presentation_type(t, type_name)),
    };
    check_precision(spec)?;
    if spec.fill == '0' {
        return Err(verr("Zero padding is not allowed in complex format specifier".into()));
    }
    if spec.align == '=' {
        return Err(verr("'=' alignment flag is not allowed in complex format specifier".into()));
    }
    let mut flags = 0;
    if spec.alternate {
        flags |= DTSF_ALT;
    }
    if spec.no_neg_0 {
        flags |= DTSF_NO_NEG_0;
    }
    let mut ty = ty;
    let mut default_precision = 6;
    let mut skip_re = false;
    let mut add_parens = false;
    if ty == '\0' {
        ty = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    if ty == 'n' {
        ty = 'g';
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p as i64
        }
    };
    let re_buf = try_double_to_string(re, ty, precision, flags)?;
    let im_buf = try_double_to_string(im, ty, precision, flags)?;
    let split = |b: &str| -> (bool, String) {
        match b.strip_prefix('-') {
            Some(r) => (true, r.to_string()),
            None => (false, b.to_string()),
        }
    };
    let (re_neg, re_body) = split(&re_buf);
    let (im_neg, im_body) = split(&im_buf);
    // Compose the parts without padding.
    let mut tmp = spec.clone();
    tmp.fill = ' ';
    tmp.align = '<';
    tmp.width = None;
    let (d, dec, r) = split_number(&re_body);
    let re_str = layout_number(re_neg, "", d, dec, r, &tmp, None, ' ', '<')?;
    if !skip_re {
        tmp.sign = Some('+');
    }
    let (d, dec, r) = split_number(&im_body);
    let im_str = layout_number(im_neg, "", d, dec, r, &tmp, None, ' ', '<')?;

    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&re_str);
    }
    body.push_str(&im_str);
    body.push('j');
    if add_parens {
        body.push(')');
    }
    pad_str(&body, body.chars().count(), spec.width, spec.align, spec.fill)
}

/// Parse + format for `complex` (empty spec gives `str(z)`).
pub fn format_complex_spec(re: f64, im: f64, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(super::float_repr::complex_repr(re, im));
    }
    let s = parse_format_spec(spec, FormatKind::Complex, "complex")?;
    format_complex(re, im, &s, "complex")
}

/// `calc_padding` + fill, for already-composed text of `nchars` code points.
fn pad_str(s: &str, nchars: usize, width: Option<usize>, align: char, fill: char) -> Result<String, FormatError> {
    let total = match width {
        Some(w) if w > nchars => w,
        _ => nchars,
    };
    let lpad = match align {
        '>' => total - nchars,
        '^' => (total - nchars) / 2,
        _ => 0,
    };
    let rpad = total - nchars - lpad;
    let mut out = String::new();
    try_reserve(&mut out, s.len().saturating_add((total - nchars).saturating_mul(fill.len_utf8())))?;
    push_n(&mut out, fill, lpad as i64);
    out.push_str(s);
    push_n(&mut out, fill, rpad as i64);
    Ok(out)
}

// ---------------------------------------------------------------------------
// str

/// `str.__format__` for a non-empty spec already parsed with `FormatKind::Str`.
pub fn format_str(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, FormatError> {
    match spec.ty {
        Some('s') | None => {}
        Some(t) => return Err(unknown_presentation_type(t, type_name)),
    }
    if let Some(sign) = spec.sign {
        return Err(verr(if sign == ' ' {
            "Space not allowed in string format specifier".into()
        } else {
            "Sign not allowed in string format specifier".into()
        }));
    }
    if spec.no_neg_0 {
        return Err(verr("Negative zero coercion (z) not allowed in string format specifier".into()));
    }
    if spec.alternate {
        return Err(verr("Alternate form (#) not allowed in string format specifier".into()));
    }
    if spec.align == '=' {
        return Err(verr("'=' alignment not allowed in string format specifier".into()));
    }
    let len = s.chars().count();
    let fits_w = spec.width.is_none_or(|w| w <= len);
    let fits_p = spec.precision.is_none_or(|p| p >= len);
    if fits_w && fits_p {
        return Ok(s.to_string());
    }
    let (text, n) = match spec.precision {
        Some(p) if len >= p => {
            let end = s.char_indices().nth(p).map(|(i, _)| i).unwrap_or(s.len());
            (&s[..end], p)
        }
        _ => (s, len),
    };
    pad_str(text, n, spec.width, spec.align, spec.fill)
}

/// Parse + format for `str` (empty spec gives `s`).
pub fn format_str_spec(s: &str, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let p = parse_format_spec(spec, FormatKind::Str, "str")?;
    format_str(s, &p, "str")
}
