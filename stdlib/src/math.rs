//! `math`: CPython 3.11's math module. Floating-point functions call the
//! platform libm (as CPython does, so results are bit-identical) behind
//! CPython's special-value and error rules; gamma/lgamma, hypot/dist, fsum,
//! remainder and the integer functions follow CPython's own algorithms.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::bytecode::{NB_MULTIPLY, NB_TRUE_DIVIDE};
use vm::err::{self, PyErr, PyResult};
use vm::object::meth;
use vm::objects::methodobject::check_nargs;
use vm::objects::{boolobject, float, long, long_methods as lm, module, none, tuple, unicode};
use vm::objref::PyObj;
use vm::typeobj::type_name;

/// The libm functions CPython's math module calls (Rust's own versions of
/// some, e.g. asinh, are not libm's and would round differently).
mod libm {
    use std::os::raw::c_int;
    extern "C" {
        pub fn acos(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        // Rust's compiler-builtins defines its own (weak) `cbrt`, which the
        // linker prefers; glibc's `cbrtf64` alias is the libm function.
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "cbrtf64")]
        pub fn cbrt(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn fmod(x: f64, y: f64) -> f64;
        pub fn frexp(x: f64, e: *mut c_int) -> f64;
        pub fn ldexp(x: f64, e: c_int) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn modf(x: f64, ip: *mut f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn sin(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn sqrt(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
    }
}

use std::f64::consts::PI;

fn domain_error() -> PyErr {
    err::value_error("math domain error")
}
fn range_error() -> PyErr {
    err::overflow_error("math range error")
}

/// What a libm-style computation reports besides its value (errno's role).
#[derive(PartialEq, Clone, Copy)]
enum Errno {
    None,
    Dom,
    Range,
}

/// CPython's `is_error`: EDOM is ValueError; ERANGE is OverflowError unless
/// the result is small (an underflow, which is not an error).
fn check_errno(r: f64, e: Errno) -> PyResult<f64> {
    match e {
        Errno::None => Ok(r),
        Errno::Dom => Err(domain_error()),
        Errno::Range if r.abs() < 1.5 => Ok(r),
        Errno::Range => Err(range_error()),
    }
}

// ---------------------------------------------------------------- argument conversion

/// `PyFloat_AsDouble`: floats, `__float__`, then `__index__`.
pub fn as_double(o: &PyObj) -> PyResult<f64> {
    if float::is_float(o) {
        return Ok(float::value(o));
    }
    if long::is_exact_int(o) {
        return lm::as_f64(o);
    }
    unsafe {
        let nm = (*o.ob_type()).tp_as_number;
        if !nm.is_null() {
            if let Some(f) = (*nm).nb_float {
                let r = err::from_ptr(f(o.as_ptr()))?;
                if !float::is_float(&r) {
                    return Err(err::type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        type_name(o.ob_type()),
                        type_name(r.ob_type())
                    )));
                }
                return Ok(float::value(&r));
            }
            if (*nm).nb_index.is_some() {
                return lm::as_f64(&ab::index(o)?);
            }
        }
    }
    Err(err::type_error(format!("must be real number, not {}", type_name(o.ob_type()))))
}

fn arg1<'a>(a: Option<&'a PyObj>) -> &'a PyObj {
    // METH_O functions are always called with their one argument.
    a.expect("METH_O called without an argument")
}

fn two_doubles(fname: &str, args: &[PyObj]) -> PyResult<(f64, f64)> {
    check_nargs(fname, args, 2, 2)?;
    Ok((as_double(&args[0])?, as_double(&args[1])?))
}

fn int_of_f64(x: f64) -> PyResult {
    if x.abs() < 9.0e18 {
        return Ok(long::from_i64(x as i64));
    }
    let b = vm::format::parse_num::float_to_bigint(x).map_err(lm::fmt_err)?;
    Ok(long::from_bigint(&b))
}

/// Calls `type(o).name(o)` if the type defines that special method.
fn call_special_noargs(o: &PyObj, name: &str) -> PyResult<Option<PyObj>> {
    match vm::typeobj::lookup_str(o.ob_type(), name) {
        Some(f) => {
            let bound = ab::bind(&f, o)?;
            Ok(Some(ab::call0(&bound)?))
        }
        None => Ok(None),
    }
}

// ---------------------------------------------------------------- one- and two-argument wrappers

/// CPython's `math_1`: a NaN from a non-NaN is a domain error; an infinity
/// from a finite input is a range error if the function can overflow, else
/// a domain error (a singularity).
fn math_1(o: &PyObj, f: unsafe extern "C" fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let x = as_double(o)?;
    let r = unsafe { f(x) };
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(float::new(r))
}

/// CPython's `math_2`: NaN from non-NaNs is a domain error, an infinity
/// from finite inputs a range error.
fn math_2(r: f64, x: f64, y: f64) -> PyResult {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(float::new(r))
}

macro_rules! func1 {
    ($($name:ident => $f:path, $ovf:expr;)*) => {$(
        vm::onearg!($name, |slf, a| { math_1(arg1(a), $f, $ovf) });
    )*};
}

func1! {
    math_acos => libm::acos, false;
    math_acosh => libm::acosh, false;
    math_asin => libm::asin, false;
    math_asinh => libm::asinh, false;
    math_atan => libm::atan, false;
    math_atanh => libm::atanh, false;
    math_cbrt => libm::cbrt, false;
    math_cos => libm::cos, false;
    math_cosh => libm::cosh, true;
    math_exp => libm::exp, true;
    math_exp2 => libm::exp2, true;
    math_expm1 => libm::expm1, true;
    math_fabs => c_fabs, false;
    math_log1p => libm::log1p, false;
    math_sin => libm::sin, false;
    math_sinh => libm::sinh, true;
    math_sqrt => libm::sqrt, false;
    math_tan => libm::tan, false;
    math_tanh => libm::tanh, false;
}

unsafe extern "C" fn c_fabs(x: f64) -> f64 {
    x.abs()
}

// erf and erfc set errno only on underflow, which is never an error.
vm::onearg!(math_erf, |slf, a| { Ok(float::new(unsafe { libm::erf(as_double(arg1(a))?) })) });
vm::onearg!(math_erfc, |slf, a| { Ok(float::new(unsafe { libm::erfc(as_double(arg1(a))?) })) });

vm::onearg!(math_gamma, |slf, a| {
    let (r, e) = tgamma(as_double(arg1(a))?);
    Ok(float::new(check_errno(r, e)?))
});
vm::onearg!(math_lgamma, |slf, a| {
    let (r, e) = lgamma(as_double(arg1(a))?);
    Ok(float::new(check_errno(r, e)?))
});

fn atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() { (0.25 * PI).copysign(y) } else { (0.75 * PI).copysign(y) };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() { 0.0f64.copysign(y) } else { PI.copysign(y) };
    }
    unsafe { libm::atan2(y, x) }
}

vm::fastcall!(math_atan2, |slf, args| {
    let (y, x) = two_doubles("atan2", args)?;
    math_2(atan2(y, x), y, x)
});
vm::fastcall!(math_copysign, |slf, args| {
    let (x, y) = two_doubles("copysign", args)?;
    math_2(x.copysign(y), x, y)
});

/// IEEE remainder, exact (CPython's `m_remainder`).
fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = unsafe { libm::fmod(ax, ay) };
        // Compare m with ay - m rather than 0.5*ay, which may not be exact.
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Halfway: pick the even multiple.
            m - 2.0 * unsafe { libm::fmod(0.5 * (ax - m), ay) }
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

vm::fastcall!(math_remainder, |slf, args| {
    let (x, y) = two_doubles("remainder", args)?;
    math_2(remainder(x, y), x, y)
});

vm::fastcall!(math_fmod, |slf, args| {
    let (x, y) = two_doubles("fmod", args)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(float::new(x));
    }
    let r = unsafe { libm::fmod(x, y) };
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(float::new(r))
});

vm::fastcall!(math_pow, |slf, args| {
    let (x, y) = two_doubles("pow", args)?;
    let mut e = Errno::None;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && unsafe { libm::fmod(y.abs(), 2.0) } == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        }
    } else {
        let r = unsafe { libm::pow(x, y) };
        if r.is_nan() {
            e = Errno::Dom;
        } else if r.is_infinite() {
            e = if x == 0.0 { Errno::Dom } else { Errno::Range };
        }
        r
    };
    Ok(float::new(check_errno(r, e)?))
});

vm::fastcall!(math_nextafter, |slf, args| {
    let (x, y) = two_doubles("nextafter", args)?;
    Ok(float::new(unsafe { libm::nextafter(x, y) }))
});

vm::onearg!(math_ulp, |slf, a| {
    let x = as_double(arg1(a))?;
    if x.is_nan() {
        return Ok(float::new(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(float::new(x));
    }
    let x2 = unsafe { libm::nextafter(x, f64::INFINITY) };
    if x2.is_infinite() {
        let below = unsafe { libm::nextafter(x, f64::NEG_INFINITY) };
        return Ok(float::new(x - below));
    }
    Ok(float::new(x2 - x))
});

// ---------------------------------------------------------------- rounding and decomposition

vm::onearg!(math_ceil, |slf, a| {
    let o = arg1(a);
    if !float::is_exact_float(o) {
        if let Some(r) = call_special_noargs(o, "__ceil__")? {
            return Ok(r);
        }
    }
    int_of_f64(as_double(o)?.ceil())
});

vm::onearg!(math_floor, |slf, a| {
    let o = arg1(a);
    if !float::is_exact_float(o) {
        if let Some(r) = call_special_noargs(o, "__floor__")? {
            return Ok(r);
        }
    }
    int_of_f64(as_double(o)?.floor())
});

vm::onearg!(math_trunc, |slf, a| {
    let o = arg1(a);
    if float::is_exact_float(o) {
        return int_of_f64(float::value(o).trunc());
    }
    match call_special_noargs(o, "__trunc__")? {
        Some(r) => Ok(r),
        None => Err(err::type_error(format!("type {} doesn't define __trunc__ method", tp_name(o)))),
    }
});

fn tp_name(o: &PyObj) -> String {
    unsafe { std::ffi::CStr::from_ptr((*o.ob_type()).tp_name).to_string_lossy().into_owned() }
}

vm::onearg!(math_frexp, |slf, a| {
    let x = as_double(arg1(a))?;
    let (m, e) = if x.is_nan() || x.is_infinite() || x == 0.0 {
        (x, 0)
    } else {
        let mut e: c_int = 0;
        let m = unsafe { libm::frexp(x, &mut e) };
        (m, e)
    };
    Ok(tuple::pair(float::new(m), long::from_i64(e as i64)))
});

vm::fastcall!(math_ldexp, |slf, args| {
    check_nargs("ldexp", args, 2, 2)?;
    let x = as_double(&args[0])?;
    if !long::is_int(&args[1]) {
        return Err(err::type_error("Expected an int as second argument to ldexp."));
    }
    let exp: i64 = match long::as_i64(&args[1]) {
        Some(v) => v,
        None if long::is_negative(&args[1]) => i64::MIN,
        None => i64::MAX,
    };
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else if exp > c_int::MAX as i64 {
        return Err(range_error());
    } else if exp < c_int::MIN as i64 {
        0.0f64.copysign(x)
    } else {
        let r = unsafe { libm::ldexp(x, exp as c_int) };
        if r.is_infinite() {
            return Err(range_error());
        }
        r
    };
    Ok(float::new(r))
});

vm::onearg!(math_modf, |slf, a| {
    let x = as_double(arg1(a))?;
    if x.is_infinite() {
        return Ok(tuple::pair(float::new(0.0f64.copysign(x)), float::new(x)));
    }
    if x.is_nan() {
        return Ok(tuple::pair(float::new(x), float::new(x)));
    }
    let mut ip = 0.0;
    let f = unsafe { libm::modf(x, &mut ip) };
    Ok(tuple::pair(float::new(f), float::new(ip)))
});

vm::onearg!(math_degrees, |slf, a| { Ok(float::new(as_double(arg1(a))? * (180.0 / PI))) });
vm::onearg!(math_radians, |slf, a| { Ok(float::new(as_double(arg1(a))? * (PI / 180.0))) });
vm::onearg!(math_isfinite, |slf, a| { Ok(boolobject::new(as_double(arg1(a))?.is_finite())) });
vm::onearg!(math_isnan, |slf, a| { Ok(boolobject::new(as_double(arg1(a))?.is_nan())) });
vm::onearg!(math_isinf, |slf, a| { Ok(boolobject::new(as_double(arg1(a))?.is_infinite())) });

vm::fastcall_kw!(math_isclose, |slf, args, kw| {
    let nk = kw.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    if np > 2 {
        return Err(err::type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", np)));
    }
    let mut slots: [Option<PyObj>; 4] = [None, None, None, None];
    for (i, a) in args[..np].iter().enumerate() {
        slots[i] = Some(a.clone());
    }
    // As argument clinic: a missing argument is reported before a
    // duplicate or unknown keyword.
    let mut kw_err = None;
    if let Some(k) = kw {
        for (j, name) in tuple::items(k).iter().enumerate() {
            let n = unicode::to_string_lossy(name);
            match ["a", "b", "rel_tol", "abs_tol"].iter().position(|x| *x == n) {
                Some(i) if slots[i].is_none() => slots[i] = Some(args[np + j].clone()),
                Some(i) => {
                    kw_err.get_or_insert_with(|| {
                        format!("argument for isclose() given by name ('{}') and position ({})", n, i + 1)
                    });
                }
                None => {
                    kw_err.get_or_insert_with(|| format!("'{}' is an invalid keyword argument for isclose()", n));
                }
            }
        }
    }
    for (i, n) in ["a", "b"].iter().enumerate() {
        if slots[i].is_none() {
            return Err(err::type_error(format!("isclose() missing required argument '{}' (pos {})", n, i + 1)));
        }
    }
    if let Some(m) = kw_err {
        return Err(err::type_error(m));
    }
    let get = |i: usize, d: f64| -> PyResult<f64> {
        match &slots[i] {
            Some(o) => as_double(o),
            None => Ok(d),
        }
    };
    let (a, b, rel_tol, abs_tol) = (get(0, 0.0)?, get(1, 0.0)?, get(2, 1e-9)?, get(3, 0.0)?);
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(err::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(boolobject::new(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(boolobject::new(false));
    }
    let diff = (b - a).abs();
    Ok(boolobject::new(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol))
});

// ---------------------------------------------------------------- logarithms

fn m_log(x: f64) -> (f64, Errno) {
    if x.is_finite() {
        if x > 0.0 {
            (unsafe { libm::log(x) }, Errno::None)
        } else if x == 0.0 {
            (f64::NEG_INFINITY, Errno::Dom)
        } else {
            (f64::NAN, Errno::Dom)
        }
    } else if x.is_nan() || x > 0.0 {
        (x, Errno::None)
    } else {
        (f64::NAN, Errno::Dom)
    }
}

fn m_log2(x: f64) -> (f64, Errno) {
    if x.is_finite() && x > 0.0 {
        return (unsafe { libm::log2(x) }, Errno::None);
    }
    m_log(x)
}

fn m_log10(x: f64) -> (f64, Errno) {
    if x.is_finite() && x > 0.0 {
        return (unsafe { libm::log10(x) }, Errno::None);
    }
    m_log(x)
}

/// Mantissa in [0.5, 1) and exponent of a positive big int, correctly
/// rounded (`_PyLong_Frexp`).
fn bigint_frexp(n: &BigUint) -> (f64, i64) {
    let nbits = n.bits() as i64;
    // Keep 55 bits plus a sticky bit so the conversion to 53 bits rounds once.
    let shift = nbits - 55;
    let top: u64 = if shift > 0 {
        let q = n >> (shift as u64);
        let sticky = (&q << (shift as u64)) != *n;
        q.to_u64().unwrap_or(0) | sticky as u64
    } else {
        n.to_u64().unwrap_or(0) << (-shift) as u64
    };
    let mut x = top as f64 / (1u64 << 55) as f64;
    let mut e = nbits;
    if x == 1.0 {
        x = 0.5;
        e += 1;
    }
    (x, e)
}

/// CPython's `loghelper`: ints of any size are handled exactly enough.
fn loghelper(arg: &PyObj, func: fn(f64) -> (f64, Errno)) -> PyResult {
    if long::is_int(arg) {
        if long::is_zero(arg) || long::is_negative(arg) {
            return Err(domain_error());
        }
        let r = match long::as_i64(arg) {
            Some(v) => func(v as f64).0,
            None => match lm::as_f64(arg) {
                Ok(x) => func(x).0,
                Err(e) if e.matches(unsafe { vm::objects::exceptions::PyExc_OverflowError }) => {
                    let (x, e) = bigint_frexp(long::to_bigint(arg).magnitude());
                    func(x).0 + func(2.0).0 * e as f64
                }
                Err(e) => return Err(e),
            },
        };
        return Ok(float::new(r));
    }
    let x = as_double(arg)?;
    let (r, e) = func(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(domain_error());
    }
    Ok(float::new(check_errno(r, e)?))
}

vm::fastcall!(math_log, |slf, args| {
    if args.is_empty() || args.len() > 2 {
        return Err(err::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(&args[0], m_log)?;
    if args.len() == 1 {
        return Ok(num);
    }
    let den = loghelper(&args[1], m_log)?;
    ab::binary_op(&num, &den, NB_TRUE_DIVIDE)
});
vm::onearg!(math_log2, |slf, a| { loghelper(arg1(a), m_log2) });
vm::onearg!(math_log10, |slf, a| { loghelper(arg1(a), m_log10) });

// ---------------------------------------------------------------- gamma

const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// The denominator x*(x+1)*...*(x+11) as polynomial coefficients.
const LANCZOS_DEN: [f64; 13] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0,
    1925.0, 66.0, 1.0,
];
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

/// The Lanczos sum as a rational function; in 1/x for large x to avoid overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi*x), accurate near integers (for the reflection formula).
fn sinpi(x: f64) -> f64 {
    let y = unsafe { libm::fmod(x.abs(), 2.0) };
    let n = (2.0 * y).round() as i32;
    let r = unsafe {
        match n {
            0 => libm::sin(PI * y),
            1 => libm::cos(PI * (y - 0.5)),
            2 => libm::sin(PI * (1.0 - y)),
            3 => -libm::cos(PI * (y - 1.5)),
            _ => libm::sin(PI * (y - 2.0)),
        }
    };
    1.0f64.copysign(x) * r
}

fn tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::None);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Dom);
        }
        if x <= 23.0 {
            let mut f = 1.0f64;
            for i in 2..(x as i64) {
                f *= i as f64;
            }
            return (f, Errno::None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, if r.is_infinite() { Errno::Range } else { Errno::None });
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Errno::None);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, used for a first-order correction.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    unsafe {
        if x < 0.0 {
            r = -PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
            r -= z * r;
            if absx < 140.0 {
                r /= libm::pow(y, absx - 0.5);
            } else {
                let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
                r /= sqrtpow;
                r /= sqrtpow;
            }
        } else {
            r = lanczos_sum(absx) / libm::exp(y);
            r += z * r;
            if absx < 140.0 {
                r *= libm::pow(y, absx - 0.5);
            } else {
                let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
                r *= sqrtpow;
                r *= sqrtpow;
            }
        }
    }
    (r, if r.is_infinite() { Errno::Range } else { Errno::None })
}

fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Errno::None);
        }
        return (f64::INFINITY, Errno::None);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Dom);
        }
        return (0.0, Errno::None);
    }
    let absx = x.abs();
    unsafe {
        if absx < 1e-20 {
            return (-libm::log(absx), Errno::None);
        }
        let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
        r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
        if x < 0.0 {
            r = LOGPI - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
        }
        (r, if r.is_infinite() { Errno::Range } else { Errno::None })
    }
}

// ---------------------------------------------------------------- sums and norms

vm::onearg!(math_fsum, |slf, a| {
    let it = ab::get_iter(arg1(a))?;
    // Non-overlapping partial sums in increasing magnitude (Shewchuk).
    let mut p: Vec<f64> = Vec::with_capacity(32);
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = ab::next(&it)? {
        let mut x = as_double(&item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // From an overflow, or from an inf/nan summand.
                if xsave.is_finite() {
                    return Err(err::overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(err::value_error("-inf + inf in fsum"));
        }
        return Ok(float::new(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly across the remaining partials.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(float::new(hi))
});

/// sqrt(sum(x*x)) with power-of-two scaling, Dekker splitting, compensated
/// summation and a final square-root correction (CPython's `vector_norm`).
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0; // 2**27 + 1
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let mut max_e: c_int = 0;
    unsafe { libm::frexp(max, &mut max_e) };
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = unsafe { libm::ldexp(1.0, -max_e) };
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            let x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            let x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let t = h * T27;
        let hi = t - (t - h);
        let lo = h - hi;
        let x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        let x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        let x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Subnormal max: 2**-max_e would overflow, so divide by max instead.
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

vm::fastcall!(math_hypot, |slf, args| {
    let mut v = Vec::with_capacity(args.len());
    let (mut max, mut nan) = (0.0f64, false);
    for a in args {
        let x = as_double(a)?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(float::new(vector_norm(&v, max, nan)))
});

fn as_tuple(o: &PyObj) -> PyResult {
    if tuple::is_tuple(o) {
        Ok(o.clone())
    } else {
        Ok(tuple::new(ab::iterate(o)?))
    }
}

vm::fastcall!(math_dist, |slf, args| {
    check_nargs("dist", args, 2, 2)?;
    let p = as_tuple(&args[0])?;
    let q = as_tuple(&args[1])?;
    let (p, q) = (tuple::items(&p), tuple::items(&q));
    if p.len() != q.len() {
        return Err(err::value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(p.len());
    let (mut max, mut nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(q) {
        let x = (as_double(a)? - as_double(b)?).abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(float::new(vector_norm(&v, max, nan)))
});

vm::fastcall_kw!(math_prod, |slf, args, kw| {
    let nk = kw.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    if np != 1 {
        return Err(err::type_error(format!("prod() takes exactly 1 positional argument ({} given)", np)));
    }
    let mut result = long::from_i64(1);
    if let Some(k) = kw {
        for (j, name) in tuple::items(k).iter().enumerate() {
            let n = unicode::to_string_lossy(name);
            if n != "start" {
                return Err(err::type_error(format!("'{}' is an invalid keyword argument for prod()", n)));
            }
            result = args[np + j].clone();
        }
    }
    let it = ab::get_iter(&args[0])?;
    while let Some(item) = ab::next(&it)? {
        result = ab::binary_op(&result, &item, NB_MULTIPLY)?;
    }
    Ok(result)
});

// ---------------------------------------------------------------- integer functions

fn big_index(o: &PyObj) -> PyResult<BigInt> {
    Ok(long::to_bigint(&ab::index(o)?))
}

vm::fastcall!(math_gcd, |slf, args| {
    let mut res = BigInt::zero();
    for (i, a) in args.iter().enumerate() {
        let x = big_index(a)?;
        if i == 0 {
            res = x.abs();
        } else if !res.is_one() {
            res = res.gcd(&x);
        }
    }
    Ok(long::from_bigint(&res))
});

vm::fastcall!(math_lcm, |slf, args| {
    let mut res = BigInt::one();
    for (i, a) in args.iter().enumerate() {
        let x = big_index(a)?;
        if i == 0 {
            res = x.abs();
        } else if !res.is_zero() {
            res = if x.is_zero() { BigInt::zero() } else { (&res / res.gcd(&x) * &x).abs() };
        }
    }
    Ok(long::from_bigint(&res))
});

vm::onearg!(math_isqrt, |slf, a| {
    let n = big_index(arg1(a))?;
    if n.is_negative() {
        return Err(err::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(long::from_bigint(&BigInt::from_biguint(Sign::Plus, n.magnitude().sqrt())))
});

/// Product of lo..hi (inclusive on neither end beyond hi) by binary
/// splitting, so big factors multiply at similar sizes.
fn range_product(lo: u64, hi: u64) -> BigUint {
    if lo > hi {
        return BigUint::one();
    }
    if hi - lo < 16 {
        let mut acc = BigUint::one();
        let mut small: u64 = 1;
        for i in lo..=hi {
            match small.checked_mul(i) {
                Some(s) => small = s,
                None => {
                    acc *= small;
                    small = i;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

fn factorial_of(arg: &PyObj) -> PyResult {
    let n = ab::index(arg)?;
    let v = match long::as_i64(&n) {
        Some(v) if v < 0 => return Err(err::value_error("factorial() not defined for negative values")),
        Some(v) => v as u64,
        None if long::is_negative(&n) => {
            return Err(err::value_error("factorial() not defined for negative values"))
        }
        None => {
            return Err(err::overflow_error(format!("factorial() argument should not exceed {}", i64::MAX)))
        }
    };
    Ok(long::from_bigint(&BigInt::from_biguint(Sign::Plus, range_product(2, v))))
}

vm::onearg!(math_factorial, |slf, a| { factorial_of(arg1(a)) });

/// n*(n-1)*...*(n-k+1) for a big n.
fn falling_product(n: &BigInt, k: u64) -> BigInt {
    if k == 0 {
        return BigInt::one();
    }
    if k == 1 {
        return n.clone();
    }
    let j = k / 2;
    falling_product(n, j) * falling_product(&(n - BigInt::from(j)), k - j)
}

fn nonneg_pair(n: &PyObj, k: &PyObj) -> PyResult<(BigInt, BigInt)> {
    let n = big_index(n)?;
    let k = big_index(k)?;
    if n.is_negative() {
        return Err(err::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(err::value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

vm::fastcall!(math_perm, |slf, args| {
    check_nargs("perm", args, 1, 2)?;
    if args.len() == 1 || none::is_none(&args[1]) {
        return factorial_of(&args[0]);
    }
    let (n, k) = nonneg_pair(&args[0], &args[1])?;
    if n < k {
        return Ok(long::from_i64(0));
    }
    let Some(ki) = k.to_i64() else {
        return Err(err::overflow_error(format!("k must not exceed {}", i64::MAX)));
    };
    Ok(long::from_bigint(&falling_product(&n, ki as u64)))
});

vm::fastcall!(math_comb, |slf, args| {
    check_nargs("comb", args, 2, 2)?;
    let (n, k) = nonneg_pair(&args[0], &args[1])?;
    if k > n {
        return Ok(long::from_i64(0));
    }
    let nk = &n - &k;
    let k = if nk < k { nk } else { k };
    let Some(ki) = k.to_i64() else {
        return Err(err::overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    let num = falling_product(&n, ki as u64);
    let den = range_product(2, ki as u64);
    Ok(long::from_bigint(&(num / BigInt::from_biguint(Sign::Plus, den))))
});

// ---------------------------------------------------------------- module

pub fn init() -> PyResult<PyObj> {
    let m = module::new("math");
    vm::sysmodule::add_functions(&m, &[
        ("acos", math_acos as *const c_void, meth::O),
        ("acosh", math_acosh as *const c_void, meth::O),
        ("asin", math_asin as *const c_void, meth::O),
        ("asinh", math_asinh as *const c_void, meth::O),
        ("atan", math_atan as *const c_void, meth::O),
        ("atan2", math_atan2 as *const c_void, meth::FASTCALL),
        ("atanh", math_atanh as *const c_void, meth::O),
        ("cbrt", math_cbrt as *const c_void, meth::O),
        ("ceil", math_ceil as *const c_void, meth::O),
        ("copysign", math_copysign as *const c_void, meth::FASTCALL),
        ("cos", math_cos as *const c_void, meth::O),
        ("cosh", math_cosh as *const c_void, meth::O),
        ("degrees", math_degrees as *const c_void, meth::O),
        ("dist", math_dist as *const c_void, meth::FASTCALL),
        ("erf", math_erf as *const c_void, meth::O),
        ("erfc", math_erfc as *const c_void, meth::O),
        ("exp", math_exp as *const c_void, meth::O),
        ("exp2", math_exp2 as *const c_void, meth::O),
        ("expm1", math_expm1 as *const c_void, meth::O),
        ("fabs", math_fabs as *const c_void, meth::O),
        ("factorial", math_factorial as *const c_void, meth::O),
        ("floor", math_floor as *const c_void, meth::O),
        ("fmod", math_fmod as *const c_void, meth::FASTCALL),
        ("frexp", math_frexp as *const c_void, meth::O),
        ("fsum", math_fsum as *const c_void, meth::O),
        ("gamma", math_gamma as *const c_void, meth::O),
        ("gcd", math_gcd as *const c_void, meth::FASTCALL),
        ("hypot", math_hypot as *const c_void, meth::FASTCALL),
        ("isclose", math_isclose as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("isfinite", math_isfinite as *const c_void, meth::O),
        ("isinf", math_isinf as *const c_void, meth::O),
        ("isnan", math_isnan as *const c_void, meth::O),
        ("isqrt", math_isqrt as *const c_void, meth::O),
        ("lcm", math_lcm as *const c_void, meth::FASTCALL),
        ("ldexp", math_ldexp as *const c_void, meth::FASTCALL),
        ("lgamma", math_lgamma as *const c_void, meth::O),
        ("log", math_log as *const c_void, meth::FASTCALL),
        ("log1p", math_log1p as *const c_void, meth::O),
        ("log10", math_log10 as *const c_void, meth::O),
        ("log2", math_log2 as *const c_void, meth::O),
        ("modf", math_modf as *const c_void, meth::O),
        ("pow", math_pow as *const c_void, meth::FASTCALL),
        ("radians", math_radians as *const c_void, meth::O),
        ("remainder", math_remainder as *const c_void, meth::FASTCALL),
        ("sin", math_sin as *const c_void, meth::O),
        ("sinh", math_sinh as *const c_void, meth::O),
        ("sqrt", math_sqrt as *const c_void, meth::O),
        ("tan", math_tan as *const c_void, meth::O),
        ("tanh", math_tanh as *const c_void, meth::O),
        ("trunc", math_trunc as *const c_void, meth::O),
        ("prod", math_prod as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("perm", math_perm as *const c_void, meth::FASTCALL),
        ("comb", math_comb as *const c_void, meth::FASTCALL),
        ("nextafter", math_nextafter as *const c_void, meth::FASTCALL),
        ("ulp", math_ulp as *const c_void, meth::O),
    ]);
    for (name, v) in [
        ("pi", PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        ab::setattr_str(&m, name, float::new(v))?;
    }
    ab::setattr_str(
        &m,
        "__doc__",
        unicode::new("This module provides access to the mathematical functions\ndefined by the C standard."),
    )?;
    Ok(m)
}
