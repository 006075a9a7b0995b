//! Float to decimal string conversion: CPython's `PyOS_double_to_string` /
//! `format_float_short` on top of correctly rounded digit generation.
//!
//! Digit generation uses Rust's float formatting, which is exact: `{:e}` gives
//! the shortest round-tripping digits closest to the value (like dtoa mode 0),
//! `{:.*e}` / `{:.*}` are correctly rounded with ties-to-even on the exact
//! binary value (like dtoa modes 2 and 3).

use super::{try_reserve, FormatError};

/// Always add a sign ('+' for non-negative values).
pub const DTSF_SIGN: u32 = 0x01;
/// Add ".0" if the result would otherwise look like an integer ('r'/'g').
pub const DTSF_ADD_DOT_0: u32 = 0x02;
/// Alternate formatting ('#').
pub const DTSF_ALT: u32 = 0x04;
/// Drop the sign of a result that rounds to zero ('z').
pub const DTSF_NO_NEG_0: u32 = 0x08;

/// Largest number of significant decimal digits an f64 can have exactly (767),
/// rounded up; asking for more only appends zeros.
const MAX_SIG_DIGITS: usize = 800;
/// Largest number of fractional decimal digits an f64 can have exactly (1074), rounded up.
const MAX_FRAC_DIGITS: usize = 1100;

/// `repr(float)` / `str(float)`.
pub fn float_repr(x: f64) -> String {
    double_to_string(x, 'r', 0, DTSF_ADD_DOT_0)
}

/// `repr(complex)` / `str(complex)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        let mut s = double_to_string(im, 'r', 0, 0);
        s.push('j');
        s
    } else {
        let r = double_to_string(re, 'r', 0, 0);
        let i = double_to_string(im, 'r', 0, DTSF_SIGN);
        format!("({}{}j)", r, i)
    }
}

/// Digits of `ax` (finite, >= 0) as `_Py_dg_dtoa` returns them: ASCII digits
/// without trailing zeros, and the decimal point position `decpt` (value =
/// 0.DIGITS * 10**decpt). Zero gives ("0", 1). In mode 3 a value that rounds
/// to zero gives ("", -ndigits).
///
/// mode 0: shortest round-trip; mode 2: `max(1, ndigits)` significant digits;
/// mode 3: `ndigits` (>= 0) digits after the decimal point.
pub(crate) fn dtoa(ax: f64, mode: u8, ndigits: i64) -> (Vec<u8>, i64) {
    debug_assert!(ax.is_finite() && ax >= 0.0);
    if ax == 0.0 {
        return (b"0".to_vec(), 1);
    }
    match mode {
        0 | 2 => {
            let s = if mode == 0 {
                format!("{:e}", ax)
            } else {
                let n = (ndigits.max(1) as usize).min(MAX_SIG_DIGITS);
                format!("{:.*e}", n - 1, ax)
            };
            let (mant, exp) = s.split_once('e').expect("exponent");
            let exp: i64 = exp.parse().expect("exponent value");
            let mut digits: Vec<u8> = mant.bytes().filter(|&b| b != b'.').collect();
            while digits.len() > 1 && *digits.last().unwrap() == b'0' {
                digits.pop();
            }
            if mode == 0 && digits.len() >= 15 && digits.last().unwrap() % 2 == 1 {
                // Rust breaks an exact tie between two shortest candidates
                // upwards; dtoa picks the even one. The correctly rounded
                // (ties-to-even) string of the same length is the closest
                // candidate: use it when it also round-trips.
                let n = digits.len();
                let alt = format!("{:.*e}", n - 1, ax);
                if alt.parse::<f64>().ok() == Some(ax) {
                    let (m2, e2) = alt.split_once('e').unwrap();
                    let mut d2: Vec<u8> = m2.bytes().filter(|&b| b != b'.').collect();
                    while d2.len() > 1 && *d2.last().unwrap() == b'0' {
                        d2.pop();
                    }
                    return (d2, e2.parse::<i64>().unwrap() + 1);
                }
            }
            (digits, exp + 1)
        }
        3 => {
            let n = (ndigits.max(0) as usize).min(MAX_FRAC_DIGITS);
            let s = format!("{:.*}", n, ax);
            let (ip, fp) = match s.split_once('.') {
                Some((a, b)) => (a, b),
                None => (s.as_str(), ""),
            };
            let mut decpt = ip.len() as i64;
            let mut all: Vec<u8> = Vec::with_capacity(ip.len() + fp.len());
            all.extend_from_slice(ip.as_bytes());
            all.extend_from_slice(fp.as_bytes());
            let lead = all.iter().take_while(|&&b| b == b'0').count();
            if lead == all.len() {
                return (Vec::new(), -ndigits);
            }
            decpt -= lead as i64;
            all.drain(..lead);
            while *all.last().unwrap() == b'0' {
                all.pop();
            }
            (all, decpt)
        }
        _ => unreachable!("dtoa mode"),
    }
}

/// CPython's `PyOS_double_to_string(val, format_code, precision, flags, NULL)`.
///
/// `format_code` is one of `e E f F g G r` (`r` requires precision 0).
/// `precision` must be >= 0. Panics on other codes (an internal error in CPython).
pub fn double_to_string(val: f64, format_code: char, precision: i64, flags: u32) -> String {
    try_double_to_string(val, format_code, precision, flags).expect("out of memory")
}

/// `double_to_string` reporting a failed allocation (huge precision) as MemoryError.
pub fn try_double_to_string(val: f64, format_code: char, precision: i64, flags: u32) -> Result<String, FormatError> {
    let (code, upper) = match format_code {
        'E' => ('e', true),
        'F' => ('f', true),
        'G' => ('g', true),
        c => (c, false),
    };
    let (mode, precision) = match code {
        'e' => (2u8, precision + 1),
        'f' => (3u8, precision),
        'g' => (2u8, if precision == 0 { 1 } else { precision }),
        'r' => {
            debug_assert!(precision == 0);
            (0u8, 0)
        }
        _ => panic!("double_to_string: bad format code {:?}", format_code),
    };
    format_float_short(val, code, mode, precision, flags, upper)
}

fn format_float_short(
    d: f64,
    code: char,
    mode: u8,
    precision: i64,
    flags: u32,
    upper: bool,
) -> Result<String, FormatError> {
    let always_add_sign = flags & DTSF_SIGN != 0;
    let add_dot_0 = flags & DTSF_ADD_DOT_0 != 0;
    let use_alt = flags & DTSF_ALT != 0;
    let no_neg_0 = flags & DTSF_NO_NEG_0 != 0;

    let mut out = String::new();
    if !d.is_finite() {
        // The sign of a NaN is ignored.
        if d.is_nan() {
            if always_add_sign {
                out.push('+');
            }
            out.push_str(if upper { "NAN" } else { "nan" });
        } else {
            if d < 0.0 {
                out.push('-');
            } else if always_add_sign {
                out.push('+');
            }
            out.push_str(if upper { "INF" } else { "inf" });
        }
        return Ok(out);
    }

    let (digits, decpt0) = dtoa(d.abs(), mode, precision);
    let mut sign = d.is_sign_negative();
    if no_neg_0 && sign && (digits.is_empty() || digits == b"0") {
        sign = false;
    }
    let digits_len = digits.len() as i64;
    let mut decpt = decpt0;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            if decpt <= -4 || decpt > (if add_dot_0 { precision - 1 } else { precision }) {
                use_exp = true;
            }
            if use_alt {
                vdigits_end = precision;
            }
        }
        'r' => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
        _ => unreachable!(),
    }
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    try_reserve(&mut out, (3 + (vdigits_end - vdigits_start) + if use_exp { 6 } else { 0 }) as usize)?;
    if sign {
        out.push('-');
    } else if always_add_sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let dstr = std::str::from_utf8(&digits).unwrap();
    // Zero padding on the left of the digit string.
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    // Digits, with the decimal point if it falls inside them.
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&dstr[..decpt as usize]);
        out.push('.');
        out.push_str(&dstr[decpt as usize..]);
    } else {
        out.push_str(dstr);
    }
    // Zeros on the right.
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !use_alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        if exp < 0 {
            out.push('-');
        } else {
            out.push('+');
        }
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    }
    Ok(out)
}
