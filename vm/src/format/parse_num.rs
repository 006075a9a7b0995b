//! Number parsing and conversions with CPython 3.11 semantics:
//! `int(str, base)`, `float(str)`, `float.hex`/`fromhex`, `as_integer_ratio`,
//! `round(float, n)`, int <-> float conversions and `int / int`.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

use super::{py_decimal_value, py_isspace, repr_truncated, ErrKind, FormatError};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// Below this many digits the limit is never checked (`_PY_LONG_MAX_STR_DIGITS_THRESHOLD`).
const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// Message of int()'s base check (the caller raises it for bases outside 0, 2..=36).
pub const INT_BASE_ERROR: &str = "int() base must be >= 2 and <= 36, or 0";

// ---------------------------------------------------------------------------
// int(str, base)

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: ASCII kept as is, Unicode
/// whitespace -> ' ', Unicode decimal digits -> '0'..'9', anything else ends
/// the string with '?'. NUL also ends the string (C string semantics) with a
/// marker that can never parse.
fn transform_to_ascii(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u == 0 {
            out.push(b'?');
            break;
        } else if u < 127 {
            out.push(u as u8);
        } else if py_isspace(c) {
            out.push(b' ');
        } else if let Some(d) = py_decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// C `Py_ISSPACE` (ASCII only).
fn c_isspace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 37,
    }
}

enum IntParseFail {
    Invalid,
    Limit(FormatError),
}

/// `PyLong_FromString` on an ASCII buffer (no NULs).
fn long_from_ascii(b: &[u8], base: u32, max_digits: usize) -> Result<BigInt, IntParseFail> {
    let at = |i: usize| -> u8 { b.get(i).copied().unwrap_or(0) };
    let mut i = 0;
    while c_isspace(at(i)) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        i += 1;
        negative = true;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0'
        && ((base == 16 && matches!(at(i + 1), b'x' | b'X'))
            || (base == 8 && matches!(at(i + 1), b'o' | b'O'))
            || (base == 2 && matches!(at(i + 1), b'b' | b'B')))
    {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(IntParseFail::Invalid);
    }
    let start = i;
    let mut prev = 0u8;
    let mut clean: Vec<u8> = Vec::new();
    while digit_value(at(i)) < base || at(i) == b'_' {
        let c = at(i);
        if c == b'_' {
            if prev == b'_' {
                return Err(IntParseFail::Invalid);
            }
        } else {
            clean.push(c);
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' {
        return Err(IntParseFail::Invalid);
    }
    let ndigits = clean.len();
    if !base.is_power_of_two() && ndigits > MAX_STR_DIGITS_THRESHOLD && max_digits > 0 && ndigits > max_digits {
        return Err(IntParseFail::Limit(FormatError::value(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; \
             use sys.set_int_max_str_digits() to increase the limit",
            max_digits, ndigits
        ))));
    }
    if i == start {
        return Err(IntParseFail::Invalid);
    }
    let mag = if ndigits <= 18 && base <= 10 || ndigits <= 12 {
        let mut v: u64 = 0;
        for &c in &clean {
            v = v * base as u64 + digit_value(c) as u64;
        }
        BigUint::from(v)
    } else {
        BigUint::parse_bytes(&clean, base).expect("validated digits")
    };
    if error_if_nonzero && !mag.is_zero() {
        return Err(IntParseFail::Invalid);
    }
    while c_isspace(at(i)) {
        i += 1;
    }
    if i != b.len() {
        return Err(IntParseFail::Invalid);
    }
    Ok(BigInt::from_biguint(if negative { Sign::Minus } else { Sign::Plus }, mag))
}

/// `int(s, base)` for a `str` argument, with the default digit limit (4300).
/// `base` must be 0 or 2..=36 (else the `INT_BASE_ERROR` ValueError is returned).
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, FormatError> {
    parse_int_with_limit(s, base, DEFAULT_MAX_STR_DIGITS)
}

/// `int(s, base)` with an explicit `sys.int_max_str_digits` (0 = unlimited).
pub fn parse_int_with_limit(s: &str, base: u32, max_digits: usize) -> Result<BigInt, FormatError> {
    if base == 1 || base > 36 {
        return Err(FormatError::value(INT_BASE_ERROR));
    }
    let buf = transform_to_ascii(s);
    match long_from_ascii(&buf, base, max_digits) {
        Ok(v) => Ok(v),
        Err(IntParseFail::Limit(e)) => Err(e),
        Err(IntParseFail::Invalid) => Err(FormatError::value(format!(
            "invalid literal for int() with base {}: {}",
            base,
            repr_truncated(s, 200)
        ))),
    }
}

/// `str(int)` honouring `sys.int_max_str_digits` (0 = unlimited).
pub fn int_to_decimal_limited(v: &BigInt, max_digits: usize) -> Result<String, FormatError> {
    let err = || {
        FormatError::value(format!(
            "Exceeds the limit ({} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit",
            max_digits
        ))
    };
    if max_digits > 0 {
        // CPython's early estimate on its 30-bit digit count.
        let size_a = v.bits().div_ceil(30) as usize;
        if size_a >= 10 * MAX_STR_DIGITS_THRESHOLD / 90 + 2 && max_digits / 90 <= (size_a - 11) / 10 {
            return Err(err());
        }
    }
    let s = v.to_string();
    let nd = s.len() - (v.sign() == Sign::Minus) as usize;
    if max_digits > 0 && nd > max_digits {
        return Err(err());
    }
    Ok(s)
}

/// Digits of `v` in `radix` (2..=36), lowercase, with a leading '-' if negative.
pub fn int_to_str_radix(v: &BigInt, radix: u32) -> String {
    v.to_str_radix(radix)
}

/// `bin(v)` / `oct(v)` / `hex(v)` (radix 2, 8, 16); radix 10 gives `str(v)`.
pub fn int_to_prefixed(v: &BigInt, radix: u32) -> String {
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let digits = v.magnitude().to_str_radix(radix);
    let mut s = String::with_capacity(digits.len() + 3);
    if v.sign() == Sign::Minus {
        s.push('-');
    }
    s.push_str(prefix);
    s.push_str(&digits);
    s
}

// ---------------------------------------------------------------------------
// float(str)

/// `_Py_parse_inf_or_nan`: returns (value, bytes consumed); 0 consumed = no match.
fn parse_inf_or_nan(b: &[u8]) -> (f64, usize) {
    let mut i = 0;
    let mut negate = false;
    if b.first() == Some(&b'-') {
        negate = true;
        i = 1;
    } else if b.first() == Some(&b'+') {
        i = 1;
    }
    let matches = |i: usize, w: &[u8]| b.len() >= i + w.len() && b[i..i + w.len()].eq_ignore_ascii_case(w);
    if matches(i, b"inf") {
        i += 3;
        if matches(i, b"inity") {
            i += 5;
        }
        (if negate { f64::NEG_INFINITY } else { f64::INFINITY }, i)
    } else if matches(i, b"nan") {
        (if negate { -f64::NAN } else { f64::NAN }, i + 3)
    } else {
        (-1.0, 0)
    }
}

/// Length of the longest prefix of `b` that `_Py_dg_strtod` accepts (0 = none).
fn strtod_prefix_len(b: &[u8]) -> usize {
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut nd = i - int_start;
    if i < b.len() && b[i] == b'.' {
        let f = i + 1;
        let mut j = f;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        nd += j - f;
        if nd == 0 {
            return 0;
        }
        i = j;
    } else if nd == 0 {
        return 0;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    i
}

/// `float(s)` for a `str` argument.
pub fn parse_float(s: &str) -> Result<f64, FormatError> {
    let err = || FormatError::value(format!("could not convert string to float: {}", super::py_str_repr(s)));
    let buf = transform_to_ascii(s);
    // _Py_string_to_number_with_underscores
    let buf: Vec<u8> = if buf.contains(&b'_') {
        let mut out = Vec::with_capacity(buf.len());
        let mut prev = 0u8;
        for &c in &buf {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(err());
                }
            } else {
                out.push(c);
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(err());
                }
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(err());
        }
        out
    } else {
        buf
    };
    // float_from_string_inner
    let mut lo = 0;
    let mut hi = buf.len();
    while lo < hi && c_isspace(buf[lo]) {
        lo += 1;
    }
    if lo == hi {
        return Err(err());
    }
    while hi - lo > 1 && c_isspace(buf[hi - 1]) {
        hi -= 1;
    }
    let t = &buf[lo..hi];
    let n = strtod_prefix_len(t);
    if n > 0 {
        if n != t.len() {
            return Err(err());
        }
        let txt = std::str::from_utf8(t).map_err(|_| err())?;
        return txt.parse::<f64>().map_err(|_| err());
    }
    let (x, n) = parse_inf_or_nan(t);
    if n == 0 || n != t.len() {
        return Err(err());
    }
    Ok(x)
}

// ---------------------------------------------------------------------------
// Exact binary -> f64 rounding

/// Build an f64 from `kept * 2**lsb` where the value is known to be exactly
/// representable (kept <= 2**53). Returns None on overflow.
fn compose(mut kept: u64, mut lsb: i64) -> Option<f64> {
    if kept == 0 {
        return Some(0.0);
    }
    // Normalise to < 2**53 (only 2**53 itself can exceed).
    while kept >= 1u64 << 53 {
        debug_assert!(kept & 1 == 0);
        kept >>= 1;
        lsb += 1;
    }
    // Shift up to 53 bits if possible while staying >= the subnormal lsb.
    while kept < 1u64 << 52 && lsb > -1074 {
        kept <<= 1;
        lsb -= 1;
    }
    if kept >= 1u64 << 52 {
        let biased = lsb + 52 + 1023;
        if biased >= 2047 {
            return None;
        }
        debug_assert!(biased >= 1);
        Some(f64::from_bits(((biased as u64) << 52) | (kept - (1u64 << 52))))
    } else {
        debug_assert!(lsb == -1074);
        Some(f64::from_bits(kept))
    }
}

/// Correctly rounded (ties-to-even) value of `(m + d) * 2**e`, where `d` is 0
/// if `!sticky` and some amount strictly between 0 and 1 if `sticky`.
/// When `sticky`, `m` must have at least 55 significant bits (or the value must
/// be out of range). Returns None on overflow.
pub(crate) fn round_to_f64(m: &BigUint, e: i64, sticky: bool) -> Option<f64> {
    let nb = m.bits() as i64;
    if nb == 0 {
        return Some(0.0);
    }
    let top = nb + e; // value in [2**(top-1), 2**top)
    if top > 1024 {
        return None;
    }
    if top <= -1075 {
        return Some(0.0);
    }
    let lsb = top.max(-1021) - 53;
    let shift = lsb - e;
    if shift <= 0 {
        debug_assert!(!sticky);
        let kept = m.to_u64().expect("<= 53 bits") << (-shift) as u32;
        return compose(kept, lsb);
    }
    let shift_u = shift as u64;
    let kept_big = m >> shift_u;
    let mut kept = kept_big.to_u64().expect("<= 53 bits");
    // Compare the dropped bits with one half.
    let half_bit = shift_u - 1;
    let round_bit = m.bit(half_bit);
    let up = if !round_bit {
        false
    } else {
        // Any lower bit set, or sticky, means above half.
        let lower_nonzero = sticky || m.trailing_zeros().is_some_and(|tz| tz < half_bit);
        lower_nonzero || kept & 1 == 1
    };
    if up {
        kept += 1;
    }
    compose(kept, lsb)
}

/// `float(int)`: correctly rounded, OverflowError "int too large to convert to float".
pub fn bigint_to_f64(v: &BigInt) -> Result<f64, FormatError> {
    if let Some(x) = v.to_i64() {
        return Ok(x as f64);
    }
    match round_to_f64(v.magnitude(), 0, false) {
        Some(x) => Ok(if v.sign() == Sign::Minus { -x } else { x }),
        None => Err(FormatError::overflow("int too large to convert to float")),
    }
}

/// `a / b` for ints, correctly rounded as CPython's `long_true_divide`.
pub fn int_true_divide(a: &BigInt, b: &BigInt) -> Result<f64, FormatError> {
    if b.is_zero() {
        return Err(FormatError::new(ErrKind::ZeroDivisionError, "division by zero"));
    }
    let negate = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    const EXACT: i64 = 1 << 53;
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if (-EXACT..=EXACT).contains(&x) && (-EXACT..=EXACT).contains(&y) {
            return Ok(x as f64 / y as f64);
        }
    }
    let sign = |x: f64| if negate { -x } else { x };
    let (na, nb) = (a.magnitude(), b.magnitude());
    if na.is_zero() {
        return Ok(sign(0.0));
    }
    let e = na.bits() as i64 - nb.bits() as i64; // quotient in (2**(e-1), 2**(e+1))
    let overflow = || FormatError::overflow("integer division result too large for a float");
    if e >= 1025 {
        return Err(overflow());
    }
    if e <= -1076 {
        return Ok(sign(0.0));
    }
    let k = 55 - e;
    let (q, r) = if k >= 0 { (na << k as u64).div_rem(nb) } else { na.div_rem(&(nb << (-k) as u64)) };
    match round_to_f64(&q, -k, !r.is_zero()) {
        Some(x) => Ok(sign(x)),
        None => Err(overflow()),
    }
}

// ---------------------------------------------------------------------------
// float -> int and ratios

/// (mantissa, exponent) with x == mantissa * 2**exponent exactly; x finite.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// `int(x)` for a float (truncation toward zero).
pub fn float_to_bigint(x: f64) -> Result<BigInt, FormatError> {
    if x.is_nan() {
        return Err(FormatError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(FormatError::overflow("cannot convert float infinity to integer"));
    }
    if x.abs() < 9.2e18 {
        return Ok(BigInt::from(x.trunc() as i64));
    }
    let (m, e) = decompose(x.abs());
    let mag = if e >= 0 { BigUint::from(m) << e as u64 } else { BigUint::from(m >> (-e) as u64) };
    Ok(BigInt::from_biguint(if x < 0.0 { Sign::Minus } else { Sign::Plus }, mag))
}

/// `round(x)` (no ndigits): round half to even, to an int.
pub fn round_float_to_int(x: f64) -> Result<BigInt, FormatError> {
    let mut r = x.round();
    if (x - r).abs() == 0.5 {
        r = 2.0 * (x / 2.0).round();
    }
    float_to_bigint(r)
}

/// `float.as_integer_ratio()`.
pub fn float_as_integer_ratio(x: f64) -> Result<(BigInt, BigInt), FormatError> {
    if x.is_infinite() {
        return Err(FormatError::overflow("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(FormatError::value("cannot convert NaN to integer ratio"));
    }
    if x == 0.0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let (mut m, mut e) = decompose(x.abs());
    let tz = m.trailing_zeros() as i64;
    m >>= tz;
    e += tz;
    let mut num = BigInt::from(m);
    if x < 0.0 {
        num = -num;
    }
    if e >= 0 {
        Ok((num << e as u64, BigInt::one()))
    } else {
        Ok((num, BigInt::one() << (-e) as u64))
    }
}

// ---------------------------------------------------------------------------
// round(x, ndigits)

/// `round(x, ndigits)` for a float: correctly rounded half-even on the exact
/// binary value, like CPython's dtoa-based `double_round`. Errors with
/// OverflowError "rounded value too large to represent". (Callers clamp huge
/// Python ints for ndigits to the i64 range; the result is the same.)
pub fn round_half_even(x: f64, ndigits: i64) -> Result<f64, FormatError> {
    const NDIGITS_MAX: i64 = 323; // (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103
    const NDIGITS_MIN: i64 = -308; // -(DBL_MAX_EXP + 1) * 0.30103
    if !x.is_finite() {
        return Ok(x);
    }
    if ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if x == 0.0 {
        return Ok(x);
    }
    let (m, e) = decompose(x.abs());
    // value * 10**ndigits = m * 2**e * 10**ndigits; round it to an integer q.
    let (num, den_shift, den_pow10) = if ndigits >= 0 {
        (BigUint::from(m) * BigUint::from(10u32).pow(ndigits as u32), e, 0u32)
    } else {
        (BigUint::from(m), e, (-ndigits) as u32)
    };
    // num * 2**den_shift / 10**den_pow10
    let (n, d) = {
        let mut n = num;
        let mut d = if den_pow10 > 0 { BigUint::from(10u32).pow(den_pow10) } else { BigUint::one() };
        if den_shift >= 0 {
            n <<= den_shift as u64;
        } else {
            d <<= (-den_shift) as u64;
        }
        (n, d)
    };
    let (mut q, r) = n.div_rem(&d);
    let twice = r << 1u32;
    if twice > d || (twice == d && q.bit(0)) {
        q += 1u32;
    }
    let text = format!("{}{}e{}", if x < 0.0 { "-" } else { "" }, q, -ndigits);
    let v: f64 = text.parse().expect("valid float text");
    if v.is_infinite() {
        return Err(FormatError::overflow("rounded value too large to represent"));
    }
    Ok(v)
}

// ---------------------------------------------------------------------------
// float.hex / float.fromhex

/// `float.hex()`.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return super::float_repr::float_repr(x);
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0x0.0p+0".into() } else { "0x0.0p+0".into() };
    }
    let bits = x.to_bits();
    let bexp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, e) = if bexp == 0 { (0, -1022) } else { (1, bexp - 1023) };
    format!(
        "{}0x{}.{:013x}p{}{}",
        if x < 0.0 { "-" } else { "" },
        lead,
        frac,
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

/// `float.fromhex(s)`.
pub fn float_fromhex(s: &str) -> Result<f64, FormatError> {
    let parse_error = || FormatError::value("invalid hexadecimal floating-point string");
    let overflow_error = || FormatError::overflow("hexadecimal value too large to represent as a float");
    let b = s.as_bytes();
    let at = |i: usize| -> u8 { b.get(i).copied().unwrap_or(0) };
    let mut i = 0;
    while c_isspace(at(i)) {
        i += 1;
    }
    let finish = |mut i: usize, x: f64| -> Result<f64, FormatError> {
        while c_isspace(at(i)) {
            i += 1;
        }
        if i != b.len() {
            return Err(parse_error());
        }
        Ok(x)
    };
    let (x, n) = parse_inf_or_nan(&b[i..]);
    if n != 0 {
        return finish(i + n, x);
    }
    let mut negate = false;
    if at(i) == b'-' {
        i += 1;
        negate = true;
    } else if at(i) == b'+' {
        i += 1;
    }
    if at(i) == b'0' && matches!(at(i + 1), b'x' | b'X') {
        i += 2;
    }
    let hexval = |c: u8| -> Option<u32> { (c as char).to_digit(16) };
    let mut digs: Vec<u8> = Vec::new();
    while let Some(d) = hexval(at(i)) {
        digs.push(d as u8);
        i += 1;
    }
    let mut fdigits: i64 = 0;
    if at(i) == b'.' {
        i += 1;
        while let Some(d) = hexval(at(i)) {
            digs.push(d as u8);
            fdigits += 1;
            i += 1;
        }
    }
    if digs.is_empty() {
        return Err(parse_error());
    }
    let mut exp: i64 = 0;
    if matches!(at(i), b'p' | b'P') {
        i += 1;
        let estart = i;
        if matches!(at(i), b'-' | b'+') {
            i += 1;
        }
        if !at(i).is_ascii_digit() {
            return Err(parse_error());
        }
        while at(i).is_ascii_digit() {
            i += 1;
        }
        // strtol: saturating.
        let txt = std::str::from_utf8(&b[estart..i]).unwrap();
        exp = match txt.parse::<i64>() {
            Ok(v) => v,
            Err(_) => {
                if txt.starts_with('-') {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
        };
    }
    let first_nz = digs.iter().position(|&d| d != 0);
    let sign = |x: f64| if negate { -x } else { x };
    let first_nz = match first_nz {
        Some(p) if exp >= i64::MIN / 2 => p,
        _ => return finish(i, sign(0.0)),
    };
    if exp > i64::MAX / 2 {
        return Err(overflow_error());
    }
    let digs = &digs[first_nz..];
    let exp = exp - 4 * fdigits;
    let ndigits = digs.len() as i64;
    let top_exp = exp + 4 * (ndigits - 1) + (8 - digs[0].leading_zeros() as i64);
    if top_exp < -1021 - 53 {
        return finish(i, sign(0.0));
    }
    if top_exp > 1024 {
        return Err(overflow_error());
    }
    let mut m = BigUint::zero();
    // Parse in chunks for speed.
    for chunk in digs.chunks(15) {
        let mut v: u64 = 0;
        for &d in chunk {
            v = v * 16 + d as u64;
        }
        m = (m << (4 * chunk.len() as u64)) + BigUint::from(v);
    }
    match round_to_f64(&m, exp, false) {
        Some(x) => finish(i, sign(x)),
        None => Err(overflow_error()),
    }
}
