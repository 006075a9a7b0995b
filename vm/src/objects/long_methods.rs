//! Python-level behaviour of `int`: construction, repr, arithmetic,
//! comparison, hashing and methods.
//!
//! Values that fit in an i64 take machine-integer fast paths; everything else
//! goes through `num_bigint::BigInt`. Results are always exact ints (never an
//! instance of the operands' subclass), as in CPython.

use crate::abstract_ as ab;
use crate::err::{self, PyErr, PyResult};
use crate::format::{self, ErrKind, FormatError};
use crate::object::*;
use crate::objects::{boolobject, bytearray, bytes, dict, exceptions, float, long, none, tuple, unicode};
use crate::objref::PyObj;
use crate::typeobj::{self, type_name};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::os::raw::{c_int, c_void};

/// hash() of an int that does not fit in an i64.
pub fn hash_bigint(v: &BigInt) -> isize {
    let m = BigInt::from(crate::hash::MODULUS);
    let mut r = (v.abs() % &m).to_i64().unwrap_or(0);
    if v.is_negative() {
        r = -r;
    }
    if r == -1 {
        -2
    } else {
        r as isize
    }
}

/// Converts an error from the pure `format` algorithms into the Python exception.
pub fn fmt_err(e: FormatError) -> PyErr {
    match e.kind {
        ErrKind::ValueError => err::value_error(e.msg),
        ErrKind::TypeError => err::type_error(e.msg),
        ErrKind::OverflowError => err::overflow_error(e.msg),
        ErrKind::ZeroDivisionError => err::zero_division_error(e.msg),
        ErrKind::MemoryError => err::memory_error_msg(e.msg),
    }
}

/// `sys.get_int_max_str_digits()` (0 = unlimited).
pub fn max_str_digits() -> usize {
    long::MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed)
}

#[inline]
fn not_impl() -> *mut PyObject {
    none::not_implemented().into_ptr()
}

/// An int value: machine integer or big.
enum IV {
    S(i64),
    B(BigInt),
}

#[inline]
fn iv(o: &PyObj) -> IV {
    match long::as_i64(o) {
        Some(v) => IV::S(v),
        None => IV::B(long::to_bigint(o)),
    }
}

#[inline]
fn big(o: &PyObj) -> BigInt {
    long::to_bigint(o)
}

/// The int's value as an exact `int` object (for subclass instances).
pub fn exact(o: &PyObj) -> PyObj {
    if long::is_exact_int(o) {
        o.clone()
    } else {
        match long::as_i64(o) {
            Some(v) => long::from_i64(v),
            None => long::from_bigint(&long::to_bigint(o)),
        }
    }
}

/// Correctly rounded float value of an int (OverflowError if too large).
pub fn as_f64(o: &PyObj) -> PyResult<f64> {
    match long::as_i64(o) {
        Some(v) => Ok(v as f64),
        None => format::bigint_to_f64(&long::to_bigint(o)).map_err(fmt_err),
    }
}

/// Decimal string of an int, honouring the digit limit.
pub fn to_decimal(o: &PyObj) -> PyResult<String> {
    match long::as_i64(o) {
        Some(v) => Ok(v.to_string()),
        None => format::parse_num::int_to_decimal_limited(&long::to_bigint(o), max_str_digits()).map_err(fmt_err),
    }
}

/// Three-way comparison of two ints without converting to BigInt.
pub fn compare(a: &PyObj, b: &PyObj) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (sa, sb) = (long::ob_size(a), long::ob_size(b));
    if sa != sb {
        return sa.cmp(&sb);
    }
    let (da, db) = (long::digits(a), long::digits(b));
    let mut ord = Ordering::Equal;
    for i in (0..da.len()).rev() {
        if da[i] != db[i] {
            ord = da[i].cmp(&db[i]);
            break;
        }
    }
    if sa < 0 {
        ord.reverse()
    } else {
        ord
    }
}

pub fn hash_of(o: &PyObj) -> isize {
    match long::as_i64(o) {
        Some(v) => crate::hash::hash_i64(v),
        None => hash_bigint(&long::to_bigint(o)),
    }
}

// ------------------------------------------------------------------ slots

unsafe extern "C" fn long_repr(o: *mut PyObject) -> *mut PyObject {
    let o = PyObj::borrow(&o);
    err::into_ptr(to_decimal(o).map(|s| unicode::new(&s)))
}

unsafe extern "C" fn long_hash(o: *mut PyObject) -> Py_hash_t {
    hash_of(PyObj::borrow(&o))
}

unsafe extern "C" fn long_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let (a, b) = (PyObj::borrow(&a), PyObj::borrow(&b));
    if !long::is_int(a) || !long::is_int(b) {
        return not_impl();
    }
    let ord = compare(a, b);
    boolobject::new(cmp_result(ord, op)).into_ptr()
}

pub fn cmp_result(ord: std::cmp::Ordering, op: c_int) -> bool {
    use std::cmp::Ordering::*;
    match op {
        PY_LT => ord == Less,
        PY_LE => ord != Greater,
        PY_EQ => ord == Equal,
        PY_NE => ord != Equal,
        PY_GT => ord == Greater,
        _ => ord != Less,
    }
}

macro_rules! int_binop {
    ($name:ident, |$a:ident, $b:ident| $body:block) => {
        unsafe extern "C" fn $name(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
            let $a = PyObj::borrow(&a);
            let $b = PyObj::borrow(&b);
            if !long::is_int($a) || !long::is_int($b) {
                return not_impl();
            }
            let r: PyResult = (|| $body)();
            err::into_ptr(r)
        }
    };
}

int_binop!(long_add, |a, b| {
    if let (Some(x), Some(y)) = (long::as_i64(a), long::as_i64(b)) {
        return Ok(long::from_i128(x as i128 + y as i128));
    }
    Ok(long::from_bigint(&(big(a) + big(b))))
});

int_binop!(long_sub, |a, b| {
    if let (Some(x), Some(y)) = (long::as_i64(a), long::as_i64(b)) {
        return Ok(long::from_i128(x as i128 - y as i128));
    }
    Ok(long::from_bigint(&(big(a) - big(b))))
});

int_binop!(long_mul, |a, b| {
    if let (Some(x), Some(y)) = (long::as_i64(a), long::as_i64(b)) {
        return Ok(long::from_i128(x as i128 * y as i128));
    }
    Ok(long::from_bigint(&(big(a) * big(b))))
});

fn floor_divmod_i64(x: i64, y: i64) -> (i128, i128) {
    let (x, y) = (x as i128, y as i128);
    let mut q = x / y;
    let mut r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        q -= 1;
        r += y;
    }
    (q, r)
}

int_binop!(long_floordiv, |a, b| {
    if long::is_zero(b) {
        return Err(err::zero_division_error("integer division or modulo by zero"));
    }
    if let (Some(x), Some(y)) = (long::as_i64(a), long::as_i64(b)) {
        return Ok(long::from_i128(floor_divmod_i64(x, y).0));
    }
    Ok(long::from_bigint(&big(a).div_floor(&big(b))))
});

int_binop!(long_mod, |a, b| {
    if long::is_zero(b) {
        return Err(err::zero_division_error("integer modulo by zero"));
    }
    if let (Some(x), Some(y)) = (long::as_i64(a), long::as_i64(b)) {
        return Ok(long::from_i128(floor_divmod_i64(x, y).1));
    }
    Ok(long::from_bigint(&big(a).mod_floor(&big(b))))
});

int_binop!(long_divmod, |a, b| {
    if long::is_zero(b) {
        return Err(err::zero_division_error("integer division or modulo by zero"));
    }
    if let (Some(x), Some(y)) = (long::as_i64(a), long::as_i64(b)) {
        let (q, r) = floor_divmod_i64(x, y);
        return Ok(tuple::pair(long::from_i128(q), long::from_i128(r)));
    }
    let (q, r) = big(a).div_mod_floor(&big(b));
    Ok(tuple::pair(long::from_bigint(&q), long::from_bigint(&r)))
});

int_binop!(long_true_divide, |a, b| {
    const EXACT: i64 = 1 << 53;
    if let (Some(x), Some(y)) = (long::as_i64(a), long::as_i64(b)) {
        if y == 0 {
            return Err(err::zero_division_error("division by zero"));
        }
        if (-EXACT..=EXACT).contains(&x) && (-EXACT..=EXACT).contains(&y) {
            return Ok(float::new(x as f64 / y as f64));
        }
    }
    format::int_true_divide(&big(a), &big(b)).map(float::new).map_err(fmt_err)
});

fn shift_count(b: &PyObj) -> PyResult<Option<u64>> {
    if long::is_negative(b) {
        return Err(err::value_error("negative shift count"));
    }
    Ok(long::as_i64(b).map(|v| v as u64))
}

int_binop!(long_lshift, |a, b| {
    let n = shift_count(b)?;
    if long::is_zero(a) {
        return Ok(long::from_i64(0));
    }
    let Some(n) = n else {
        return Err(err::overflow_error("too many digits in integer"));
    };
    if let Some(x) = long::as_i64(a) {
        if n < 64 {
            let r = (x as i128) << n;
            if (r >> n) == x as i128 {
                return Ok(long::from_i128(r));
            }
        }
    }
    if n > (1u64 << 36) {
        return Err(err::memory_error_msg(""));
    }
    Ok(long::from_bigint(&(big(a) << n as usize)))
});

int_binop!(long_rshift, |a, b| {
    let n = shift_count(b)?;
    let n = n.unwrap_or(u64::MAX);
    if let Some(x) = long::as_i64(a) {
        return Ok(long::from_i64(x >> n.min(63)));
    }
    let v = big(a);
    if n >= v.bits() {
        return Ok(long::from_i64(if v.is_negative() { -1 } else { 0 }));
    }
    Ok(long::from_bigint(&(v >> n as usize)))
});

int_binop!(long_and, |a, b| {
    if let (Some(x), Some(y)) = (long::as_i64(a), long::as_i64(b)) {
        return Ok(long::from_i64(x & y));
    }
    Ok(long::from_bigint(&(big(a) & big(b))))
});

int_binop!(long_or, |a, b| {
    if let (Some(x), Some(y)) = (long::as_i64(a), long::as_i64(b)) {
        return Ok(long::from_i64(x | y));
    }
    Ok(long::from_bigint(&(big(a) | big(b))))
});

int_binop!(long_xor, |a, b| {
    if let (Some(x), Some(y)) = (long::as_i64(a), long::as_i64(b)) {
        return Ok(long::from_i64(x ^ y));
    }
    Ok(long::from_bigint(&(big(a) ^ big(b))))
});

pub unsafe extern "C" fn long_and_slot(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    long_and(a, b)
}
pub unsafe extern "C" fn long_or_slot(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    long_or(a, b)
}
pub unsafe extern "C" fn long_xor_slot(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    long_xor(a, b)
}

/// `a ** b` for ints without modulus.
fn int_pow(a: &PyObj, b: &PyObj) -> PyResult {
    if long::is_negative(b) {
        let x = as_f64(a)?;
        let y = as_f64(b)?;
        return crate::objects::float_methods::float_pow_values(x, y);
    }
    // Small bases first: exponent size doesn't matter.
    if let Some(x) = long::as_i64(a) {
        match x {
            0 => return Ok(long::from_i64(if long::is_zero(b) { 1 } else { 0 })),
            1 => return Ok(long::from_i64(1)),
            -1 => {
                let odd = long::digits(b).first().map(|d| d & 1 == 1).unwrap_or(false);
                return Ok(long::from_i64(if odd { -1 } else { 1 }));
            }
            _ => {}
        }
    }
    let Some(e) = long::as_i64(b) else {
        return Err(err::memory_error_msg(""));
    };
    let e = e as u64;
    if let Some(x) = long::as_i64(a) {
        if e <= u32::MAX as u64 {
            if let Some(r) = x.checked_pow(e as u32) {
                return Ok(long::from_i64(r));
            }
        }
    }
    let base = big(a);
    if base.bits().saturating_mul(e) > (1u64 << 36) {
        return Err(err::memory_error_msg(""));
    }
    Ok(long::from_bigint(&num_traits::Pow::pow(&base, e)))
}

/// Modular inverse of a modulo m (m > 0), if it exists.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.mod_floor(m).extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

fn int_pow_mod(a: &PyObj, b: &PyObj, c: &PyObj) -> PyResult {
    if long::is_zero(c) {
        return Err(err::value_error("pow() 3rd argument cannot be 0"));
    }
    let mut m = big(c);
    let neg_out = m.is_negative();
    if neg_out {
        m = -m;
    }
    if m.is_one() {
        return Ok(long::from_i64(0));
    }
    let mut base = big(a);
    let mut e = big(b);
    if e.is_negative() {
        base = match mod_inverse(&base, &m) {
            Some(v) => v,
            None => return Err(err::value_error("base is not invertible for the given modulus")),
        };
        e = -e;
    }
    base = base.mod_floor(&m);
    let mut r = base.modpow(&e, &m);
    if neg_out && !r.is_zero() {
        r -= &m;
    }
    Ok(long::from_bigint(&r))
}

unsafe extern "C" fn long_pow(a: *mut PyObject, b: *mut PyObject, c: *mut PyObject) -> *mut PyObject {
    let (a, b, c) = (PyObj::borrow(&a), PyObj::borrow(&b), PyObj::borrow(&c));
    if !long::is_int(a) || !long::is_int(b) {
        return not_impl();
    }
    if none::is_none(c) {
        return err::into_ptr(int_pow(a, b));
    }
    if !long::is_int(c) {
        return not_impl();
    }
    err::into_ptr(int_pow_mod(a, b, c))
}

unsafe extern "C" fn long_neg(o: *mut PyObject) -> *mut PyObject {
    let o = PyObj::borrow(&o);
    match long::as_i64(o) {
        Some(v) => long::from_i128(-(v as i128)).into_ptr(),
        None => long::from_bigint(&-big(o)).into_ptr(),
    }
}

unsafe extern "C" fn long_pos(o: *mut PyObject) -> *mut PyObject {
    exact(PyObj::borrow(&o)).into_ptr()
}

unsafe extern "C" fn long_abs(o: *mut PyObject) -> *mut PyObject {
    let o = PyObj::borrow(&o);
    if long::is_negative(o) {
        long_neg(o.as_ptr())
    } else {
        exact(o).into_ptr()
    }
}

unsafe extern "C" fn long_invert(o: *mut PyObject) -> *mut PyObject {
    let o = PyObj::borrow(&o);
    match long::as_i64(o) {
        Some(v) => long::from_i128(-(v as i128) - 1).into_ptr(),
        None => long::from_bigint(&(-big(o) - 1)).into_ptr(),
    }
}

unsafe extern "C" fn long_bool(o: *mut PyObject) -> c_int {
    (long::ob_size(PyObj::borrow(&o)) != 0) as c_int
}

unsafe extern "C" fn long_float(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(as_f64(PyObj::borrow(&o)).map(float::new))
}

// ------------------------------------------------------------------ construction

fn is_memoryview(o: &PyObj) -> bool {
    unsafe { typeobj::is_subtype(o.ob_type(), crate::objects::memoryview::memoryview_type()) }
}

/// Allocates an instance of the int subtype `tp` holding the value of the int `v`.
pub fn new_subtype(tp: *mut PyTypeObject, v: &PyObj) -> PyResult {
    unsafe { long::new_subtype(tp, v) }
}

/// Parses `int(s, base)` for str/bytes/bytearray; None if `x` is none of those.
fn long_from_text(x: &PyObj, base: u32) -> PyResult<Option<PyObj>> {
    if unicode::is_str(x) {
        let s = unicode::to_string_lossy(x);
        let v = format::parse_int_with_limit(&s, base, max_str_digits()).map_err(fmt_err)?;
        return Ok(Some(long::from_bigint(&v)));
    }
    let data: Vec<u8> = if bytes::is_bytes(x) {
        bytes::as_slice(x).to_vec()
    } else if bytearray::is_bytearray(x) {
        bytearray::as_slice(x).to_vec()
    } else {
        return Ok(None);
    };
    let invalid = || -> PyErr {
        let r = ab::repr_string(x).unwrap_or_default();
        let r: String = r.chars().take(200).collect();
        err::value_error(format!("invalid literal for int() with base {}: {}", base, r))
    };
    if data.iter().any(|&c| c >= 0x80 || c == 0) {
        return Err(invalid());
    }
    let s = String::from_utf8(data).unwrap_or_default();
    match format::parse_int_with_limit(&s, base, max_str_digits()) {
        Ok(v) => Ok(Some(long::from_bigint(&v))),
        Err(e) if e.msg.starts_with("invalid literal") => Err(invalid()),
        Err(e) => Err(fmt_err(e)),
    }
}

/// `PyNumber_Long` (the one-argument `int(x)`): an exact int.
pub fn number_long(x: &PyObj) -> PyResult {
    if long::is_exact_int(x) {
        return Ok(x.clone());
    }
    unsafe {
        let tp = x.ob_type();
        let nm = (*tp).tp_as_number;
        if !nm.is_null() {
            if let Some(f) = (*nm).nb_int {
                let r = err::from_ptr(f(x.as_ptr()))?;
                if !long::is_int(&r) {
                    return Err(err::type_error(format!(
                        "__int__ returned non-int (type {})",
                        type_name(r.ob_type())
                    )));
                }
                if !long::is_exact_int(&r) {
                    let what = format!("__int__ returned non-int (type {})", type_name(r.ob_type()));
                    crate::warnings::strict_subclass_deprecated(&what, "int")?;
                }
                return Ok(exact(&r));
            }
            if (*nm).nb_index.is_some() {
                return Ok(exact(&ab::index(x)?));
            }
        }
        if let Some(trunc) = typeobj::lookup_str(tp, "__trunc__") {
            crate::warnings::deprecation("The delegation of int() to __trunc__ is deprecated.")?;
            let r = ab::call(&ab::bind(&trunc, x)?, &[], None)?;
            if long::is_int(&r) {
                return Ok(exact(&r));
            }
            if !ab::has_index(&r) {
                return Err(err::type_error(format!(
                    "__trunc__ returned non-Integral (type {})",
                    type_name(r.ob_type())
                )));
            }
            return Ok(exact(&ab::index(&r)?));
        }
    }
    if let Some(v) = long_from_text(x, 10)? {
        return Ok(v);
    }
    if is_memoryview(x) {
        let b = ab::call1(&typeobj::type_obj(bytes::bytes_type()), x)?;
        if let Some(v) = long_from_text(&b, 10)? {
            return Ok(v);
        }
    }
    Err(err::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name(x.ob_type())
    )))
}

crate::one_arg_type_vectorcall!(long_vectorcall, long::long_type(), |x| number_long(x));

unsafe extern "C" fn long_new(tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let args = PyObj::borrow(&args);
    let kw = if kwargs.is_null() { None } else { Some(PyObj::borrow(&kwargs).clone()) };
    err::into_ptr(long_new_impl(tp, args, kw))
}

fn long_new_impl(tp: *mut PyTypeObject, args: &PyObj, kw: Option<PyObj>) -> PyResult {
    let items = tuple::items(args);
    if items.len() > 2 {
        return Err(err::type_error(format!("int() takes at most 2 arguments ({} given)", items.len())));
    }
    let x = items.first().cloned();
    let mut base = items.get(1).cloned();
    if let Some(kw) = kw {
        for (k, v) in dict::items_vec(&kw) {
            let name = unicode::to_string_lossy(&k);
            if name == "base" {
                if base.is_some() {
                    return Err(err::type_error(
                        "argument for int() given by name ('base') and position (2)",
                    ));
                }
                base = Some(v);
            } else {
                return Err(err::type_error(format!("'{}' is an invalid keyword argument for int()", name)));
            }
        }
    }
    let v = match (x, base) {
        (None, None) => long::from_i64(0),
        (None, Some(_)) => return Err(err::type_error("int() missing string argument")),
        (Some(x), None) => number_long(&x)?,
        (Some(x), Some(b)) => {
            let b = ab::index_to_ssize(&b, None)?;
            if (b != 0 && b < 2) || b > 36 {
                return Err(err::value_error(format::parse_num::INT_BASE_ERROR));
            }
            match long_from_text(&x, b as u32)? {
                Some(v) => v,
                None => return Err(err::type_error("int() can't convert non-string with explicit base")),
            }
        }
    };
    if tp == long::long_type() {
        Ok(v)
    } else {
        new_subtype(tp, &v)
    }
}

// ------------------------------------------------------------------ methods

crate::onearg!(int_bit_length, |slf, _a| {
    let n = match iv(slf) {
        IV::S(v) => 64 - v.unsigned_abs().leading_zeros() as u64,
        IV::B(b) => b.bits(),
    };
    Ok(long::from_u64(n))
});

crate::onearg!(int_bit_count, |slf, _a| {
    let n: u64 = long::digits(slf).iter().map(|d| d.count_ones() as u64).sum();
    Ok(long::from_u64(n))
});

crate::onearg!(int_exact, |slf, _a| { Ok(exact(slf)) });

crate::onearg!(int_getnewargs, |slf, _a| { Ok(tuple::new(vec![exact(slf)])) });

crate::onearg!(int_as_integer_ratio, |slf, _a| { Ok(tuple::pair(exact(slf), long::from_i64(1))) });

crate::onearg!(int_sizeof, |slf, _a| {
    let n = long::ob_size(slf).unsigned_abs().max(1);
    // offsetof(PyLongObject, ob_digit), whatever the subclass.
    Ok(long::from_usize(std::mem::size_of::<PyVarObject>() + 4 * n))
});

crate::onearg!(int_format, |slf, spec| {
    let spec = spec.unwrap();
    if !unicode::is_str(spec) {
        return Err(err::type_error(format!(
            "__format__() argument must be str, not {}",
            type_name(spec.ob_type())
        )));
    }
    let s = unicode::to_string_lossy(spec);
    if s.is_empty() {
        return ab::str(slf);
    }
    if let Some(v) = long::as_i64(slf) {
        if let Some(out) = format::format_i64_simple(v, &s) {
            return Ok(unicode::new(&out));
        }
    }
    let tn = type_name(slf.ob_type());
    let fs = format::parse_format_spec(&s, format::FormatKind::Int, &tn).map_err(fmt_err)?;
    let out = match long::as_i64(slf) {
        Some(v) => format::format_i64(v, &fs, &tn),
        None => format::format_int(&big(slf), &fs, &tn),
    }
    .map_err(fmt_err)?;
    Ok(unicode::new(&out))
});

crate::fastcall!(int_round, |slf, args| {
    crate::objects::methodobject::check_nargs("__round__", args, 0, 1)?;
    if args.is_empty() {
        return Ok(exact(slf));
    }
    let nd = ab::index(&args[0])?;
    if !long::is_negative(&nd) {
        return Ok(exact(slf));
    }
    let v = big(slf);
    // 10**k with k = -ndigits; if it exceeds |v| * 2 the result is 0.
    let k = long::as_i64(&nd).map(|x| x.unsigned_abs()).unwrap_or(u64::MAX);
    let ndec = (v.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 2;
    if k > ndec {
        return Ok(long::from_i64(0));
    }
    let p = num_traits::Pow::pow(&BigInt::from(10), k);
    let (q, r) = v.div_mod_floor(&p);
    let twice = &r * 2;
    let up = twice > p || (twice == p && q.is_odd());
    let res = if up { (q + 1) * &p } else { q * &p };
    Ok(long::from_bigint(&res))
});

fn byteorder_arg(fname: &str, o: Option<&PyObj>) -> PyResult<bool> {
    let Some(o) = o else { return Ok(false) };
    if !unicode::is_str(o) {
        return Err(err::type_error(format!(
            "{}() argument 'byteorder' must be str, not {}",
            fname,
            type_name(o.ob_type())
        )));
    }
    match unicode::to_string_lossy(o).as_str() {
        "big" => Ok(false),
        "little" => Ok(true),
        _ => Err(err::value_error("byteorder must be either 'little' or 'big'")),
    }
}

/// Splits FASTCALL|KEYWORDS args into positional and the named keyword-only ones.
fn split_kw<'a>(
    fname: &str,
    args: &'a [PyObj],
    kwnames: Option<&PyObj>,
    names: &[&str],
    maxpos: usize,
    kwonly: &[&str],
) -> PyResult<(Vec<Option<PyObj>>, Vec<Option<PyObj>>)> {
    let nk = kwnames.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    let maxall = names.len() + kwonly.len();
    if args.len() > maxall {
        return Err(err::type_error(format!(
            "{}() takes at most {} arguments ({} given)",
            fname,
            maxall,
            args.len()
        )));
    }
    if np > maxpos {
        return Err(err::type_error(format!(
            "{}() takes at most {} positional argument{} ({} given)",
            fname,
            maxpos,
            if maxpos == 1 { "" } else { "s" },
            np
        )));
    }
    let mut pos: Vec<Option<PyObj>> = vec![None; names.len()];
    let mut kwo: Vec<Option<PyObj>> = vec![None; kwonly.len()];
    for i in 0..np {
        pos[i] = Some(args[i].clone());
    }
    if let Some(k) = kwnames {
        for (j, kn) in tuple::items(k).iter().enumerate() {
            let name = unicode::to_string_lossy(kn);
            let v = args[np + j].clone();
            if let Some(i) = names.iter().position(|n| *n == name) {
                if pos[i].is_some() {
                    return Err(err::type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        name,
                        i + 1
                    )));
                }
                pos[i] = Some(v);
            } else if let Some(i) = kwonly.iter().position(|n| *n == name) {
                kwo[i] = Some(v);
            } else {
                return Err(err::type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    fname, name
                )));
            }
        }
    }
    Ok((pos, kwo))
}

crate::fastcall_kw!(int_to_bytes, |slf, args, kw| {
    let (pos, kwo) = split_kw("to_bytes", args, kw, &["length", "byteorder"], 2, &["signed"])?;
    let length = match &pos[0] {
        Some(l) => {
            let i = ab::index(l)?;
            match long::as_i64(&i) {
                Some(v) => v,
                None => return Err(err::overflow_error("Python int too large to convert to C ssize_t")),
            }
        }
        None => 1,
    };
    let little = byteorder_arg("to_bytes", pos[1].as_ref())?;
    let signed = match &kwo[0] {
        Some(s) => ab::is_true(s)?,
        None => false,
    };
    if length < 0 {
        return Err(err::value_error("length argument must be non-negative"));
    }
    let v = big(slf);
    if !signed && v.is_negative() {
        return Err(err::overflow_error("can't convert negative int to unsigned"));
    }
    let mut out: Vec<u8> = if signed { v.to_signed_bytes_le() } else { v.to_bytes_le().1 };
    if v.is_zero() {
        out.clear();
    }
    // Trim redundant sign bytes (to_signed_bytes_le is minimal already).
    let length = length as usize;
    if out.len() > length {
        return Err(err::overflow_error("int too big to convert"));
    }
    let fill = if signed && v.is_negative() { 0xff } else { 0 };
    out.resize(length, fill);
    if !little {
        out.reverse();
    }
    Ok(bytes::new(&out))
});

fn bytes_from_object(o: &PyObj) -> PyResult<Vec<u8>> {
    if bytes::is_bytes(o) {
        return Ok(bytes::as_slice(o).to_vec());
    }
    if bytearray::is_bytearray(o) {
        return Ok(bytearray::as_slice(o).to_vec());
    }
    if unicode::is_str(o) || long::is_int(o) || float::is_float(o) {
        return Err(err::type_error(format!(
            "cannot convert '{}' object to bytes",
            type_name(o.ob_type())
        )));
    }
    if is_memoryview(o) {
        let b = ab::call1(&typeobj::type_obj(bytes::bytes_type()), o)?;
        return Ok(bytes::as_slice(&b).to_vec());
    }
    let items = match ab::iterate(o) {
        Ok(v) => v,
        Err(e) if e.matches(unsafe { exceptions::PyExc_TypeError }) => {
            return Err(err::type_error(format!(
                "cannot convert '{}' object to bytes",
                type_name(o.ob_type())
            )))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let i = ab::index(&it)?;
        match long::as_i64(&i) {
            Some(v) if (0..256).contains(&v) => out.push(v as u8),
            _ => return Err(err::value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

crate::fastcall_kw!(int_from_bytes, |cls, args, kw| {
    let (pos, kwo) = split_kw("from_bytes", args, kw, &["bytes", "byteorder"], 2, &["signed"])?;
    let Some(data) = &pos[0] else {
        return Err(err::type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = byteorder_arg("from_bytes", pos[1].as_ref())?;
    let signed = match &kwo[0] {
        Some(s) => ab::is_true(s)?,
        None => false,
    };
    let mut data = bytes_from_object(data)?;
    if !little {
        data.reverse();
    }
    let v = if signed { BigInt::from_signed_bytes_le(&data) } else { BigInt::from_bytes_le(Sign::Plus, &data) };
    let r = long::from_bigint(&v);
    let ctp = unsafe { typeobj::as_type(cls) };
    if ctp == long::long_type() {
        Ok(r)
    } else {
        ab::call1(cls, &r)
    }
});

// ------------------------------------------------------------------ getsets

unsafe extern "C" fn get_self(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    exact(PyObj::borrow(&o)).into_ptr()
}
unsafe extern "C" fn get_zero(_o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64(0).into_ptr()
}
unsafe extern "C" fn get_one(_o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64(1).into_ptr()
}

static mut LONG_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;

pub unsafe fn init_type() {
    let t = long::long_type();
    (*t).tp_repr = Some(long_repr);
    (*t).tp_hash = Some(long_hash);
    (*t).tp_richcompare = Some(long_richcompare);
    (*t).tp_new = Some(long_new);
    (*t).tp_vectorcall = Some(long_vectorcall);
    let nm = &raw mut LONG_AS_NUMBER;
    (*nm).nb_add = Some(long_add);
    (*nm).nb_subtract = Some(long_sub);
    (*nm).nb_multiply = Some(long_mul);
    (*nm).nb_remainder = Some(long_mod);
    (*nm).nb_divmod = Some(long_divmod);
    (*nm).nb_power = Some(long_pow);
    (*nm).nb_negative = Some(long_neg);
    (*nm).nb_positive = Some(long_pos);
    (*nm).nb_absolute = Some(long_abs);
    (*nm).nb_bool = Some(long_bool);
    (*nm).nb_invert = Some(long_invert);
    (*nm).nb_lshift = Some(long_lshift);
    (*nm).nb_rshift = Some(long_rshift);
    (*nm).nb_and = Some(long_and);
    (*nm).nb_xor = Some(long_xor);
    (*nm).nb_or = Some(long_or);
    (*nm).nb_int = Some(long_pos);
    (*nm).nb_float = Some(long_float);
    (*nm).nb_floor_divide = Some(long_floordiv);
    (*nm).nb_true_divide = Some(long_true_divide);
    (*nm).nb_index = Some(long_pos);
    (*t).tp_as_number = nm;
    crate::objects::descr::set_methods(
        t,
        &[
            ("conjugate", int_exact as *const c_void, meth::NOARGS, "Returns self, the complex conjugate of any int."),
            ("bit_length", int_bit_length as *const c_void, meth::NOARGS, "Number of bits necessary to represent self in binary."),
            ("bit_count", int_bit_count as *const c_void, meth::NOARGS, "Number of ones in the binary representation of the absolute value of self."),
            ("to_bytes", int_to_bytes as *const c_void, meth::FASTCALL | meth::KEYWORDS, "Return an array of bytes representing an integer."),
            ("from_bytes", int_from_bytes as *const c_void, meth::FASTCALL | meth::KEYWORDS | meth::CLASS, "Return the integer represented by the given array of bytes."),
            ("as_integer_ratio", int_as_integer_ratio as *const c_void, meth::NOARGS, "Return integer ratio."),
            ("__trunc__", int_exact as *const c_void, meth::NOARGS, "Truncating an Integral returns itself."),
            ("__floor__", int_exact as *const c_void, meth::NOARGS, "Flooring an Integral returns itself."),
            ("__ceil__", int_exact as *const c_void, meth::NOARGS, "Ceiling of an Integral returns itself."),
            ("__round__", int_round as *const c_void, meth::FASTCALL, "Rounding an Integral returns itself.\nRounding with an ndigits argument also returns an integer."),
            ("__getnewargs__", int_getnewargs as *const c_void, meth::NOARGS, ""),
            ("__format__", int_format as *const c_void, meth::O, ""),
            ("__sizeof__", int_sizeof as *const c_void, meth::NOARGS, "Returns size in memory, in bytes."),
        ],
    );
    crate::objects::descr::set_getsets(
        t,
        &[
            ("real", get_self as *const c_void, std::ptr::null()),
            ("imag", get_zero as *const c_void, std::ptr::null()),
            ("numerator", get_self as *const c_void, std::ptr::null()),
            ("denominator", get_one as *const c_void, std::ptr::null()),
        ],
    );
}
