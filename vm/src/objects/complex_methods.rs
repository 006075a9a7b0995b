//! Python-level behaviour of `complex`: construction, repr, arithmetic,
//! comparison, hashing and methods.

use crate::abstract_ as ab;
use crate::err::{self, PyResult};
use crate::format;
use crate::object::*;
use crate::objects::complex::{self, Py_complex};
use crate::objects::long_methods::{self as lm, fmt_err};
use crate::objects::{boolobject, float, float_methods, long, none, tuple, unicode};
use crate::objref::PyObj;
use crate::typeobj::{self, type_name};
use std::os::raw::{c_int, c_void};


#[inline]
fn not_impl() -> *mut PyObject {
    none::not_implemented().into_ptr()
}

const C0: Py_complex = Py_complex { real: 0.0, imag: 0.0 };
const C1: Py_complex = Py_complex { real: 1.0, imag: 0.0 };

/// Operand conversion for complex arithmetic: complex, float or int.
fn operand(o: &PyObj) -> Option<PyResult<Py_complex>> {
    if complex::is_complex(o) {
        Some(Ok(complex::value(o)))
    } else if float::is_float(o) {
        Some(Ok(Py_complex { real: float::value(o), imag: 0.0 }))
    } else if long::is_int(o) {
        Some(lm::as_f64(o).map(|r| Py_complex { real: r, imag: 0.0 }))
    } else {
        None
    }
}

fn c_sum(a: Py_complex, b: Py_complex) -> Py_complex {
    Py_complex { real: a.real + b.real, imag: a.imag + b.imag }
}
fn c_diff(a: Py_complex, b: Py_complex) -> Py_complex {
    Py_complex { real: a.real - b.real, imag: a.imag - b.imag }
}
fn c_prod(a: Py_complex, b: Py_complex) -> Py_complex {
    Py_complex { real: a.real * b.real - a.imag * b.imag, imag: a.real * b.imag + a.imag * b.real }
}

/// CPython's `_Py_c_quot`; None on division by zero (errno EDOM).
fn c_quot(a: Py_complex, b: Py_complex) -> Option<Py_complex> {
    let abs_breal = b.real.abs();
    let abs_bimag = b.imag.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.imag / b.real;
        let denom = b.real + b.imag * ratio;
        Some(Py_complex { real: (a.real + a.imag * ratio) / denom, imag: (a.imag - a.real * ratio) / denom })
    } else if abs_bimag >= abs_breal {
        let ratio = b.real / b.imag;
        let denom = b.real * ratio + b.imag;
        Some(Py_complex { real: (a.real * ratio + a.imag) / denom, imag: (a.imag * ratio - a.real) / denom })
    } else {
        Some(Py_complex { real: f64::NAN, imag: f64::NAN })
    }
}

/// `_Py_c_pow`; None for 0 to a negative or complex power.
fn c_pow(a: Py_complex, b: Py_complex) -> Option<Py_complex> {
    if b.real == 0.0 && b.imag == 0.0 {
        return Some(C1);
    }
    if a.real == 0.0 && a.imag == 0.0 {
        if b.imag != 0.0 || b.real < 0.0 {
            return None;
        }
        return Some(C0);
    }
    let vabs = a.real.hypot(a.imag);
    let mut len = vabs.powf(b.real);
    let at = a.imag.atan2(a.real);
    let mut phase = at * b.real;
    if b.imag != 0.0 {
        len /= (at * b.imag).exp();
        phase += b.imag * vabs.ln();
    }
    if phase.is_infinite() {
        // cos/sin of an infinity set errno EDOM in C.
        return None;
    }
    Some(Py_complex { real: len * phase.cos(), imag: len * phase.sin() })
}

fn c_powu(x: Py_complex, n: i64) -> Py_complex {
    let mut r = C1;
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

fn c_powi(x: Py_complex, n: i64) -> Option<Py_complex> {
    if n > 0 {
        Some(c_powu(x, n))
    } else {
        c_quot(C1, c_powu(x, -n))
    }
}

/// `a ** b` for complex values, with CPython's errors.
pub fn complex_pow_values(a: Py_complex, b: Py_complex) -> PyResult {
    let p = if b.imag == 0.0 && b.real == b.real.floor() && b.real.abs() <= 100.0 {
        c_powi(a, b.real as i64)
    } else {
        c_pow(a, b)
    };
    let Some(p) = p else {
        return Err(err::zero_division_error("0.0 to a negative or complex power"));
    };
    if p.real.is_infinite() || p.imag.is_infinite() {
        return Err(err::overflow_error("complex exponentiation"));
    }
    Ok(complex::new(p.real, p.imag))
}

// ------------------------------------------------------------------ slots

unsafe extern "C" fn complex_repr(o: *mut PyObject) -> *mut PyObject {
    let c = complex::value(PyObj::borrow(&o));
    unicode::new(&format::complex_repr(c.real, c.imag)).into_ptr()
}

unsafe extern "C" fn complex_hash(o: *mut PyObject) -> Py_hash_t {
    let c = complex::value(PyObj::borrow(&o));
    let hr = crate::hash::hash_f64(c.real, o as usize) as usize;
    let hi = crate::hash::hash_f64(c.imag, o as usize) as usize;
    let h = hr.wrapping_add((crate::hash::HASH_IMAG as usize).wrapping_mul(hi)) as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

unsafe extern "C" fn complex_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let (a, b) = (PyObj::borrow(&a), PyObj::borrow(&b));
    if op != PY_EQ && op != PY_NE {
        return not_impl();
    }
    let c = complex::value(a);
    let equal = if long::is_int(b) {
        c.imag == 0.0 && float_methods::cmp_float_int(c.real, b) == Some(std::cmp::Ordering::Equal)
    } else if float::is_float(b) {
        c.real == float::value(b) && c.imag == 0.0
    } else if complex::is_complex(b) {
        let d = complex::value(b);
        c.real == d.real && c.imag == d.imag
    } else {
        return not_impl();
    };
    boolobject::new(equal == (op == PY_EQ)).into_ptr()
}

macro_rules! complex_binop {
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

fn cnew(c: Py_complex) -> PyResult {
    Ok(complex::new(c.real, c.imag))
}

complex_binop!(complex_add, |x, y| { cnew(c_sum(x, y)) });
complex_binop!(complex_sub, |x, y| { cnew(c_diff(x, y)) });
complex_binop!(complex_mul, |x, y| { cnew(c_prod(x, y)) });
complex_binop!(complex_div, |x, y| {
    match c_quot(x, y) {
        Some(q) => cnew(q),
        None => Err(err::zero_division_error("complex division by zero")),
    }
});

unsafe extern "C" fn complex_pow(a: *mut PyObject, b: *mut PyObject, c: *mut PyObject) -> *mut PyObject {
    let (a, b, c) = (PyObj::borrow(&a), PyObj::borrow(&b), PyObj::borrow(&c));
    let (Some(xa), Some(yb)) = (operand(a), operand(b)) else {
        return not_impl();
    };
    if !none::is_none(c) {
        err::restore(err::value_error("complex modulo"));
        return std::ptr::null_mut();
    }
    err::into_ptr((|| complex_pow_values(xa?, yb?))())
}

unsafe extern "C" fn complex_neg(o: *mut PyObject) -> *mut PyObject {
    let c = complex::value(PyObj::borrow(&o));
    complex::new(-c.real, -c.imag).into_ptr()
}

unsafe extern "C" fn complex_pos(o: *mut PyObject) -> *mut PyObject {
    let o = PyObj::borrow(&o);
    if complex::is_exact_complex(o) {
        return o.clone().into_ptr();
    }
    let c = complex::value(o);
    complex::new(c.real, c.imag).into_ptr()
}

/// `abs(z)` with CPython's special cases.
pub fn c_abs(z: Py_complex) -> PyResult<f64> {
    if !z.real.is_finite() || !z.imag.is_finite() {
        if z.real.is_infinite() {
            return Ok(z.real.abs());
        }
        if z.imag.is_infinite() {
            return Ok(z.imag.abs());
        }
        return Ok(f64::NAN);
    }
    let r = z.real.hypot(z.imag);
    if !r.is_finite() {
        return Err(err::overflow_error("absolute value too large"));
    }
    Ok(r)
}

unsafe extern "C" fn complex_abs(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(c_abs(complex::value(PyObj::borrow(&o))).map(float::new))
}

unsafe extern "C" fn complex_bool(o: *mut PyObject) -> c_int {
    let c = complex::value(PyObj::borrow(&o));
    (c.real != 0.0 || c.imag != 0.0) as c_int
}

// ------------------------------------------------------------------ construction

fn malformed() -> err::PyErr {
    err::value_error("complex() arg is a malformed string")
}

/// Length of the longest prefix of `b` that is a float literal (as
/// PyOS_string_to_double would consume), or 0.
fn float_prefix(b: &[u8]) -> usize {
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let rest = &b[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(|c| c.to_ascii_lowercase()).collect();
    if lower.starts_with(b"infinity") {
        return i + 8;
    }
    if lower.starts_with(b"inf") || lower.starts_with(b"nan") {
        return i + 3;
    }
    let start = i;
    let mut digits = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return 0;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let ds = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > ds {
            i = j;
        }
    }
    let _ = start;
    i
}

fn parse_prefix(b: &[u8]) -> Option<(f64, usize)> {
    let n = float_prefix(b);
    if n == 0 {
        return None;
    }
    let s = std::str::from_utf8(&b[..n]).ok()?;
    let v = format::parse_float(s).ok()?;
    Some((v, n))
}

/// `complex(str)`: CPython's complex_from_string_inner.
pub fn parse_complex(s: &str) -> PyResult<(f64, f64)> {
    // Unicode digits/spaces to ASCII, then underscores between digits removed.
    let mut buf: Vec<u8> = Vec::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u == 0 {
            return Err(malformed());
        } else if u < 128 {
            buf.push(u as u8);
        } else if format::py_isspace(c) {
            buf.push(b' ');
        } else if let Some(d) = format::py_decimal_value(c) {
            buf.push(b'0' + d as u8);
        } else {
            return Err(malformed());
        }
    }
    if buf.contains(&b'_') {
        let malformed = || {
            err::value_error(format!("could not convert string to complex: {}", format::py_str_repr(s)))
        };
        let mut out = Vec::with_capacity(buf.len());
        let mut prev = 0u8;
        for &c in &buf {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(malformed());
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(malformed());
                }
                out.push(c);
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(malformed());
        }
        buf = out;
    }
    let b = &buf[..];
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let mut i = 0;
    while i < b.len() && ws(b[i]) {
        i += 1;
    }
    let mut got_bracket = false;
    if i < b.len() && b[i] == b'(' {
        got_bracket = true;
        i += 1;
        while i < b.len() && ws(b[i]) {
            i += 1;
        }
    }
    let at = |i: usize| if i < b.len() { b[i] } else { 0 };
    let (mut x, mut y) = (0.0, 0.0);
    if let Some((z, n)) = parse_prefix(&b[i..]) {
        i += n;
        if at(i) == b'+' || at(i) == b'-' {
            x = z;
            if let Some((w, m)) = parse_prefix(&b[i..]) {
                y = w;
                i += m;
            } else {
                y = if at(i) == b'+' { 1.0 } else { -1.0 };
                i += 1;
            }
            if !(at(i) == b'j' || at(i) == b'J') {
                return Err(malformed());
            }
            i += 1;
        } else if at(i) == b'j' || at(i) == b'J' {
            i += 1;
            y = z;
        } else {
            x = z;
        }
    } else {
        if at(i) == b'+' || at(i) == b'-' {
            y = if at(i) == b'+' { 1.0 } else { -1.0 };
            i += 1;
        } else {
            y = 1.0;
        }
        if !(at(i) == b'j' || at(i) == b'J') {
            return Err(malformed());
        }
        i += 1;
    }
    while i < b.len() && ws(b[i]) {
        i += 1;
    }
    if got_bracket {
        if at(i) != b')' {
            return Err(malformed());
        }
        i += 1;
        while i < b.len() && ws(b[i]) {
            i += 1;
        }
    }
    if i != b.len() {
        return Err(malformed());
    }
    Ok((x, y))
}

fn has_float_or_index(o: &PyObj) -> bool {
    unsafe {
        let nm = (*o.ob_type()).tp_as_number;
        !nm.is_null() && ((*nm).nb_float.is_some() || (*nm).nb_index.is_some())
    }
}

fn complex_new_impl(tp: *mut PyTypeObject, r: Option<PyObj>, i: Option<PyObj>) -> PyResult {
    let make = |re: f64, im: f64| -> PyResult {
        if tp == complex::complex_type() {
            Ok(complex::new(re, im))
        } else {
            unsafe { complex::new_subtype(tp, re, im) }
        }
    };
    let Some(mut r) = r else {
        return match i {
            None => make(0.0, 0.0),
            Some(i) => complex_new_impl(tp, Some(long::from_i64(0)), Some(i)),
        };
    };
    if complex::is_exact_complex(&r) && i.is_none() && tp == complex::complex_type() {
        return Ok(r);
    }
    if unicode::is_str(&r) {
        if i.is_some() {
            return Err(err::type_error("complex() can't take second arg if first is a string"));
        }
        let (x, y) = parse_complex(&unicode::to_string_lossy(&r))?;
        return make(x, y);
    }
    if let Some(i) = &i {
        if unicode::is_str(i) {
            return Err(err::type_error("complex() second arg can't be a string"));
        }
    }
    if let Some(f) = typeobj::lookup_str(r.ob_type(), "__complex__") {
        let res = ab::call(&ab::bind(&f, &r)?, &[], None)?;
        if !complex::is_complex(&res) {
            return Err(err::type_error(format!(
                "__complex__ returned non-complex (type {})",
                type_name(res.ob_type())
            )));
        }
        if !complex::is_exact_complex(&res) {
            let what = format!("__complex__ returned non-complex (type {})", type_name(res.ob_type()));
            crate::warnings::strict_subclass_deprecated(&what, "complex")?;
        }
        r = res;
    }
    if !complex::is_complex(&r) && !has_float_or_index(&r) {
        return Err(err::type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            type_name(r.ob_type())
        )));
    }
    if let Some(i) = &i {
        if !complex::is_complex(i) && !has_float_or_index(i) {
            return Err(err::type_error(format!(
                "complex() second argument must be a number, not '{}'",
                type_name(i.ob_type())
            )));
        }
    }
    let (mut cr, cr_is_complex) = if complex::is_complex(&r) {
        (complex::value(&r), true)
    } else {
        (Py_complex { real: float_methods::number_float_value(&r)?, imag: 0.0 }, false)
    };
    let mut ci = C0;
    let mut ci_is_complex = false;
    match &i {
        None => ci.real = cr.imag,
        Some(i) if complex::is_complex(i) => {
            ci = complex::value(i);
            ci_is_complex = true;
        }
        Some(i) => ci.real = float_methods::number_float_value(i)?,
    }
    if ci_is_complex {
        cr.real -= ci.imag;
    }
    if cr_is_complex && i.is_some() {
        ci.real += cr.imag;
    }
    make(cr.real, ci.real)
}

unsafe extern "C" fn complex_new(tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let args = PyObj::borrow(&args);
    let r = (|| -> PyResult {
        let mut all: Vec<PyObj> = tuple::items(args).to_vec();
        let mut kwnames = None;
        if !kwargs.is_null() {
            let kw = PyObj::borrow(&kwargs);
            let mut names = vec![];
            for (k, v) in crate::objects::dict::items_vec(kw) {
                names.push(k);
                all.push(v);
            }
            if !names.is_empty() {
                kwnames = Some(tuple::new(names));
            }
        }
        let a = crate::objects::methodobject::bind_args("complex", &all, kwnames.as_ref(), &["real", "imag"], 0, 0)?;
        complex_new_impl(tp, a[0].clone(), a[1].clone())
    })();
    err::into_ptr(r)
}

// ------------------------------------------------------------------ methods

crate::onearg!(complex_conjugate, |slf, _a| {
    let c = complex::value(slf);
    Ok(complex::new(c.real, -c.imag))
});

crate::onearg!(complex_getnewargs, |slf, _a| {
    let c = complex::value(slf);
    Ok(tuple::pair(float::new(c.real), float::new(c.imag)))
});

crate::onearg!(complex_complex, |slf, _a| {
    if complex::is_exact_complex(slf) {
        return Ok(slf.clone());
    }
    let c = complex::value(slf);
    Ok(complex::new(c.real, c.imag))
});

crate::onearg!(complex_format, |slf, spec| {
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
    let c = complex::value(slf);
    let fs = format::parse_format_spec(&s, format::FormatKind::Complex, &tn).map_err(fmt_err)?;
    Ok(unicode::new(&format::format_complex(c.real, c.imag, &fs, &tn).map_err(fmt_err)?))
});

static mut COMPLEX_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;

pub unsafe fn init_type() {
    let t = complex::complex_type();
    (*t).tp_repr = Some(complex_repr);
    (*t).tp_hash = Some(complex_hash);
    (*t).tp_richcompare = Some(complex_richcompare);
    (*t).tp_new = Some(complex_new);
    let nm = &raw mut COMPLEX_AS_NUMBER;
    (*nm).nb_add = Some(complex_add);
    (*nm).nb_subtract = Some(complex_sub);
    (*nm).nb_multiply = Some(complex_mul);
    (*nm).nb_true_divide = Some(complex_div);
    (*nm).nb_power = Some(complex_pow);
    (*nm).nb_negative = Some(complex_neg);
    (*nm).nb_positive = Some(complex_pos);
    (*nm).nb_absolute = Some(complex_abs);
    (*nm).nb_bool = Some(complex_bool);
    (*t).tp_as_number = nm;
    crate::objects::descr::set_methods(
        t,
        &[
            ("conjugate", complex_conjugate as *const c_void, meth::NOARGS, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."),
            ("__complex__", complex_complex as *const c_void, meth::NOARGS, "Convert this value to exact type complex."),
            ("__getnewargs__", complex_getnewargs as *const c_void, meth::NOARGS, ""),
            ("__format__", complex_format as *const c_void, meth::O, "Convert to a string according to format_spec."),
        ],
    );
    {
        use crate::objects::descr::{set_members, READONLY, T_DOUBLE};
        let base = std::mem::offset_of!(complex::PyComplexObject, cval);
        set_members(
            t,
            &[
                ("real", T_DOUBLE, base + std::mem::offset_of!(Py_complex, real), READONLY),
                ("imag", T_DOUBLE, base + std::mem::offset_of!(Py_complex, imag), READONLY),
            ],
        );
    }
}
