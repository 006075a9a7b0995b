//! Python-level behaviour of `float`: construction, repr, arithmetic,
//! comparison, hashing and methods.

use crate::abstract_ as ab;
use crate::err::{self, PyErr, PyResult};
use crate::format;
use crate::object::*;
use crate::objects::long_methods::{self as lm, fmt_err};
use crate::objects::{boolobject, bytearray, bytes, complex, dict, exceptions, float, long, none, tuple, unicode};
use crate::objref::PyObj;
use crate::typeobj::{self, type_name};
use std::os::raw::{c_int, c_void};

#[inline]
fn not_impl() -> *mut PyObject {
    none::not_implemented().into_ptr()
}

/// CPython's CONVERT_TO_DOUBLE: float or int operand to f64; None for other types.
#[inline]
fn operand(o: &PyObj) -> Option<PyResult<f64>> {
    if float::is_float(o) {
        Some(Ok(float::value(o)))
    } else if long::is_int(o) {
        Some(lm::as_f64(o))
    } else {
        None
    }
}

/// `OverflowError(34, 'Numerical result out of range')` (errno ERANGE).
pub fn erange_error() -> PyErr {
    err::with_args(
        unsafe { exceptions::PyExc_OverflowError },
        &[long::from_i64(34), unicode::new("Numerical result out of range")],
    )
}

// ------------------------------------------------------------------ repr, hash, compare

unsafe extern "C" fn float_repr(o: *mut PyObject) -> *mut PyObject {
    let o = PyObj::borrow(&o);
    unicode::new(&format::float_repr(float::value(o))).into_ptr()
}

unsafe extern "C" fn float_hash(o: *mut PyObject) -> Py_hash_t {
    crate::hash::hash_f64(float::value(PyObj::borrow(&o)), o as usize)
}

/// Exact comparison of a float with an int (CPython's float_richcompare).
pub fn cmp_float_int(x: f64, w: &PyObj) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if x.is_nan() {
        return None;
    }
    if let Some(v) = long::as_i64(w) {
        if v.unsigned_abs() <= (1u64 << 53) {
            return x.partial_cmp(&(v as f64));
        }
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    let t = format::float_to_bigint(x).ok()?;
    let wb = long::to_bigint(w);
    match t.cmp(&wb) {
        Ordering::Equal => {
            let frac = x - x.trunc();
            frac.partial_cmp(&0.0)
        }
        o => Some(o),
    }
}

fn ord_result(ord: Option<std::cmp::Ordering>, op: c_int) -> bool {
    match ord {
        None => op == PY_NE,
        Some(o) => lm::cmp_result(o, op),
    }
}

unsafe extern "C" fn float_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let (a, b) = (PyObj::borrow(&a), PyObj::borrow(&b));
    let x = float::value(a);
    let ord = if float::is_float(b) {
        x.partial_cmp(&float::value(b))
    } else if long::is_int(b) {
        cmp_float_int(x, b)
    } else {
        return not_impl();
    };
    boolobject::new(ord_result(ord, op)).into_ptr()
}

// ------------------------------------------------------------------ arithmetic

macro_rules! float_binop {
    ($name:ident, |$x:ident, $y:ident| $body:block) => {
        unsafe extern "C" fn $name(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
            let (a, b) = (PyObj::borrow(&a), PyObj::borrow(&b));
            let (Some(xa), Some(yb)) = (operand(a), operand(b)) else {
                return not_impl();
            };
            let r: PyResult = (|| {
                let $x = xa?;
                let $y = yb?;
                $body
            })();
            err::into_ptr(r)
        }
    };
}

float_binop!(float_add, |x, y| { Ok(float::new(x + y)) });
float_binop!(float_sub, |x, y| { Ok(float::new(x - y)) });
float_binop!(float_mul, |x, y| { Ok(float::new(x * y)) });
float_binop!(float_div, |x, y| {
    if y == 0.0 {
        return Err(err::zero_division_error("float division by zero"));
    }
    Ok(float::new(x / y))
});

/// Python's float `%` (result has the sign of the divisor).
pub fn float_mod_values(vx: f64, wx: f64) -> f64 {
    let mut m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    m
}

/// Python's float divmod (floor quotient, remainder); wx != 0.
pub fn float_divmod_values(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

float_binop!(float_rem, |x, y| {
    if y == 0.0 {
        return Err(err::zero_division_error("float modulo"));
    }
    Ok(float::new(float_mod_values(x, y)))
});

float_binop!(float_floordiv, |x, y| {
    if y == 0.0 {
        return Err(err::zero_division_error("float floor division by zero"));
    }
    Ok(float::new(float_divmod_values(x, y).0))
});

float_binop!(float_divmod, |x, y| {
    if y == 0.0 {
        return Err(err::zero_division_error("float divmod()"));
    }
    let (q, r) = float_divmod_values(x, y);
    Ok(tuple::pair(float::new(q), float::new(r)))
});

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && (x % 2.0).abs() == 1.0
}

/// `iv ** iw` for floats with CPython's special cases; a negative base with
/// a non-integral exponent gives a complex result.
pub fn float_pow_values(iv: f64, iw: f64) -> PyResult {
    if iw == 0.0 {
        return Ok(float::new(1.0));
    }
    if iv.is_nan() {
        return Ok(float::new(iv));
    }
    if iw.is_nan() {
        return Ok(float::new(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(float::new(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(float::new(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return Err(err::zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(float::new(if odd { iv } else { 0.0 }));
    }
    let mut v = iv;
    let mut negate = false;
    if v < 0.0 {
        if iw != iw.floor() {
            return crate::objects::complex_methods::complex_pow_values(
                complex::Py_complex { real: iv, imag: 0.0 },
                complex::Py_complex { real: iw, imag: 0.0 },
            );
        }
        v = -v;
        negate = is_odd_integer(iw);
    }
    if v == 1.0 {
        return Ok(float::new(if negate { -1.0 } else { 1.0 }));
    }
    let mut r = v.powf(iw);
    if r.is_infinite() {
        return Err(erange_error());
    }
    if negate {
        r = -r;
    }
    Ok(float::new(r))
}

unsafe extern "C" fn float_pow(a: *mut PyObject, b: *mut PyObject, c: *mut PyObject) -> *mut PyObject {
    let (a, b, c) = (PyObj::borrow(&a), PyObj::borrow(&b), PyObj::borrow(&c));
    let (Some(xa), Some(yb)) = (operand(a), operand(b)) else {
        return not_impl();
    };
    if !none::is_none(c) {
        err::restore(err::type_error("pow() 3rd argument not allowed unless all arguments are integers"));
        return std::ptr::null_mut();
    }
    let r = (|| float_pow_values(xa?, yb?))();
    err::into_ptr(r)
}

unsafe extern "C" fn float_neg(o: *mut PyObject) -> *mut PyObject {
    float::new(-float::value(PyObj::borrow(&o))).into_ptr()
}

unsafe extern "C" fn float_pos(o: *mut PyObject) -> *mut PyObject {
    let o = PyObj::borrow(&o);
    if float::is_exact_float(o) {
        o.clone().into_ptr()
    } else {
        float::new(float::value(o)).into_ptr()
    }
}

unsafe extern "C" fn float_abs(o: *mut PyObject) -> *mut PyObject {
    float::new(float::value(PyObj::borrow(&o)).abs()).into_ptr()
}

unsafe extern "C" fn float_bool(o: *mut PyObject) -> c_int {
    (float::value(PyObj::borrow(&o)) != 0.0) as c_int
}

fn f64_to_int(x: f64) -> PyResult {
    if x.abs() < 9.0e18 {
        return Ok(long::from_i64(x as i64));
    }
    Ok(long::from_bigint(&format::float_to_bigint(x).map_err(fmt_err)?))
}

unsafe extern "C" fn float_int(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(f64_to_int(float::value(PyObj::borrow(&o))))
}

// ------------------------------------------------------------------ construction

fn is_memoryview(o: &PyObj) -> bool {
    unsafe { typeobj::is_subtype(o.ob_type(), crate::objects::memoryview::memoryview_type()) }
}

/// `float(str | bytes | bytearray)`; None for other types.
fn float_from_text(x: &PyObj) -> PyResult<Option<f64>> {
    if unicode::is_str(x) {
        let s = unicode::to_string_lossy(x);
        return format::parse_float(&s).map(Some).map_err(fmt_err);
    }
    let data: Vec<u8> = if bytes::is_bytes(x) {
        bytes::as_slice(x).to_vec()
    } else if bytearray::is_bytearray(x) {
        bytearray::as_slice(x).to_vec()
    } else if is_memoryview(x) {
        let b = ab::call1(&typeobj::type_obj(bytes::bytes_type()), x)?;
        bytes::as_slice(&b).to_vec()
    } else {
        return Ok(None);
    };
    let invalid = || -> PyErr {
        let r = ab::repr_string(x).unwrap_or_default();
        err::value_error(format!("could not convert string to float: {}", r))
    };
    if data.iter().any(|&c| c >= 0x80 || c == 0) {
        return Err(invalid());
    }
    let s = String::from_utf8(data).unwrap_or_default();
    format::parse_float(&s).map(Some).map_err(|_| invalid())
}

/// `PyNumber_Float`: the value of `float(x)` as f64.
pub fn number_float_value(x: &PyObj) -> PyResult<f64> {
    if float::is_exact_float(x) {
        return Ok(float::value(x));
    }
    unsafe {
        let nm = (*x.ob_type()).tp_as_number;
        if !nm.is_null() {
            if let Some(f) = (*nm).nb_float {
                let r = err::from_ptr(f(x.as_ptr()))?;
                if !float::is_float(&r) {
                    return Err(err::type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        type_name(x.ob_type()),
                        type_name(r.ob_type())
                    )));
                }
                if !float::is_exact_float(&r) {
                    let what = format!("{}.__float__ returned non-float (type {})", type_name(x.ob_type()), type_name(r.ob_type()));
                    crate::warnings::strict_subclass_deprecated(&what, "float")?;
                }
                return Ok(float::value(&r));
            }
            if (*nm).nb_index.is_some() {
                let i = ab::index(x)?;
                return lm::as_f64(&i);
            }
        }
    }
    if let Some(v) = float_from_text(x)? {
        return Ok(v);
    }
    Err(err::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        type_name(x.ob_type())
    )))
}

/// `PyNumber_Float`: `float(x)` as an exact float object.
pub fn number_float(x: &PyObj) -> PyResult {
    if float::is_exact_float(x) {
        return Ok(x.clone());
    }
    number_float_value(x).map(float::new)
}

crate::one_arg_type_vectorcall!(float_vectorcall, float::float_type(), |x| number_float(x));

unsafe extern "C" fn float_new(tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let args = PyObj::borrow(&args);
    let r = (|| -> PyResult {
        let plain_init = tp == float::float_type() || (*tp).tp_init.map(|f| f as usize) == (*float::float_type()).tp_init.map(|f| f as usize);
        if !kwargs.is_null() && dict::len(PyObj::borrow(&kwargs)) > 0 && plain_init {
            return Err(err::type_error("float() takes no keyword arguments"));
        }
        let items = tuple::items(args);
        crate::objects::methodobject::check_nargs("float", items, 0, 1)?;
        let v = match items.first() {
            None => 0.0,
            Some(x) => {
                if tp == float::float_type() {
                    return number_float(x);
                }
                number_float_value(x)?
            }
        };
        if tp == float::float_type() {
            Ok(float::new(v))
        } else {
            float::new_subtype(tp, v)
        }
    })();
    err::into_ptr(r)
}

// ------------------------------------------------------------------ methods

crate::onearg!(float_conjugate, |slf, _a| { Ok(float::new(float::value(slf))) });

crate::onearg!(float_is_integer, |slf, _a| {
    let x = float::value(slf);
    Ok(boolobject::new(x.is_finite() && x.floor() == x))
});

crate::onearg!(float_as_integer_ratio, |slf, _a| {
    let (n, d) = format::float_as_integer_ratio(float::value(slf)).map_err(fmt_err)?;
    Ok(tuple::pair(long::from_bigint(&n), long::from_bigint(&d)))
});

crate::onearg!(float_hex, |slf, _a| { Ok(unicode::new(&format::float_hex(float::value(slf)))) });

crate::onearg!(float_fromhex, |cls, s| {
    let s = s.unwrap();
    if !unicode::is_str(s) {
        return Err(err::type_error("bad argument type for built-in operation"));
    }
    let v = format::float_fromhex(&unicode::to_string_lossy(s)).map_err(fmt_err)?;
    let r = float::new(v);
    if unsafe { typeobj::as_type(cls) } == float::float_type() {
        Ok(r)
    } else {
        ab::call1(cls, &r)
    }
});

crate::onearg!(float_trunc, |slf, _a| { f64_to_int(float::value(slf)) });
crate::onearg!(float_floor, |slf, _a| { f64_to_int(float::value(slf).floor()) });
crate::onearg!(float_ceil, |slf, _a| { f64_to_int(float::value(slf).ceil()) });

crate::fastcall!(float_round, |slf, args| {
    crate::objects::methodobject::check_nargs("__round__", args, 0, 1)?;
    let x = float::value(slf);
    if args.is_empty() || none::is_none(&args[0]) {
        let r = format::round_float_to_int(x).map_err(fmt_err)?;
        return Ok(long::from_bigint(&r));
    }
    let nd = ab::index(&args[0])?;
    let n = match long::as_i64(&nd) {
        Some(v) => v,
        None => {
            if long::is_negative(&nd) {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    format::round_half_even(x, n).map(float::new).map_err(fmt_err)
});

crate::onearg!(float_getnewargs, |slf, _a| { Ok(tuple::new(vec![float::new(float::value(slf))])) });

crate::onearg!(float_format, |slf, spec| {
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
    let tn = type_name(slf.ob_type());
    let fs = format::parse_format_spec(&s, format::FormatKind::Float, &tn).map_err(fmt_err)?;
    Ok(unicode::new(&format::format_float(float::value(slf), &fs, &tn).map_err(fmt_err)?))
});

crate::onearg!(float_getformat, |cls, t| {
    let t = t.unwrap();
    if !unicode::is_str(t) {
        return Err(err::type_error(format!(
            "__getformat__() argument must be str, not {}",
            type_name(t.ob_type())
        )));
    }
    match unicode::to_string_lossy(t).as_str() {
        "double" | "float" => Ok(unicode::new("IEEE, little-endian")),
        _ => Err(err::value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
});

unsafe extern "C" fn get_real(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    float::new(float::value(PyObj::borrow(&o))).into_ptr()
}
unsafe extern "C" fn get_imag(_o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    float::new(0.0).into_ptr()
}

#[allow(dead_code)]

static mut FLOAT_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;

pub unsafe fn init_type() {
    let t = float::float_type();
    (*t).tp_repr = Some(float_repr);
    (*t).tp_hash = Some(float_hash);
    (*t).tp_richcompare = Some(float_richcompare);
    (*t).tp_new = Some(float_new);
    (*t).tp_vectorcall = Some(float_vectorcall);
    let nm = &raw mut FLOAT_AS_NUMBER;
    (*nm).nb_add = Some(float_add);
    (*nm).nb_subtract = Some(float_sub);
    (*nm).nb_multiply = Some(float_mul);
    (*nm).nb_remainder = Some(float_rem);
    (*nm).nb_divmod = Some(float_divmod);
    (*nm).nb_power = Some(float_pow);
    (*nm).nb_negative = Some(float_neg);
    (*nm).nb_positive = Some(float_pos);
    (*nm).nb_absolute = Some(float_abs);
    (*nm).nb_bool = Some(float_bool);
    (*nm).nb_int = Some(float_int);
    (*nm).nb_float = Some(float_pos);
    (*nm).nb_floor_divide = Some(float_floordiv);
    (*nm).nb_true_divide = Some(float_div);
    (*t).tp_as_number = nm;
    crate::objects::descr::set_methods(
        t,
        &[
            ("conjugate", float_conjugate as *const c_void, meth::NOARGS, "Return self, the complex conjugate of any float."),
            ("__trunc__", float_trunc as *const c_void, meth::NOARGS, "Return the Integral closest to x between 0 and x."),
            ("__floor__", float_floor as *const c_void, meth::NOARGS, "Return the floor as an Integral."),
            ("__ceil__", float_ceil as *const c_void, meth::NOARGS, "Return the ceiling as an Integral."),
            ("__round__", float_round as *const c_void, meth::FASTCALL, "Return the Integral closest to x, rounding half toward even.\n\nWhen an argument is passed, work like built-in round(x, ndigits)."),
            ("as_integer_ratio", float_as_integer_ratio as *const c_void, meth::NOARGS, "Return integer ratio."),
            ("fromhex", float_fromhex as *const c_void, meth::O | meth::CLASS, "Create a floating-point number from a hexadecimal string."),
            ("hex", float_hex as *const c_void, meth::NOARGS, "Return a hexadecimal representation of a floating-point number."),
            ("is_integer", float_is_integer as *const c_void, meth::NOARGS, "Return True if the float is an integer."),
            ("__getnewargs__", float_getnewargs as *const c_void, meth::NOARGS, ""),
            ("__getformat__", float_getformat as *const c_void, meth::O | meth::CLASS, "You probably don't want to use this function."),
            ("__format__", float_format as *const c_void, meth::O, "Formats the float according to format_spec."),
        ],
    );
    crate::objects::descr::set_getsets(
        t,
        &[("real", get_real as *const c_void, std::ptr::null()), ("imag", get_imag as *const c_void, std::ptr::null())],
    );
}
