//! longobject.h: `PyLong_From*` and `PyLong_As*`, with CPython's overflow
//! and type errors (the `As*` functions that CPython lets call `__index__`
//! do so here too; the unsigned and ssize_t ones require an int).

use crate::util::*;
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use std::os::raw::{c_char, c_double, c_int, c_long, c_longlong, c_ulong, c_ulonglong, c_void};
use vm::err::{self, PyResult};
use vm::object::{PyObject, Py_ssize_t};
use vm::objects::{long, long_methods};

/// The int value of `o`: itself if an int, else through `__index__`.
fn index_value(o: *mut PyObject) -> PyResult<BigInt> {
    nonnull(o)?;
    let o = unsafe { b(&o) };
    if long::is_int(o) {
        return Ok(long::to_bigint(o));
    }
    Ok(long::to_bigint(&vm::abstract_::index(o)?))
}

/// The value of `o`, which must be an int ("an integer is required").
fn int_value(o: *mut PyObject) -> PyResult<BigInt> {
    nonnull(o)?;
    let o = unsafe { b(&o) };
    if !long::is_int(o) {
        return Err(err::type_error("an integer is required"));
    }
    Ok(long::to_bigint(o))
}

fn overflow(msg: &str) -> err::PyErr {
    err::overflow_error(msg)
}

fn fail<T>(e: err::PyErr, v: T) -> T {
    err::restore(e);
    v
}

#[no_mangle]
pub extern "C" fn PyLong_FromLong(v: c_long) -> *mut PyObject {
    long::from_i64(v as i64).into_ptr()
}
#[no_mangle]
pub extern "C" fn PyLong_FromUnsignedLong(v: c_ulong) -> *mut PyObject {
    long::from_u64(v as u64).into_ptr()
}
#[no_mangle]
pub extern "C" fn PyLong_FromLongLong(v: c_longlong) -> *mut PyObject {
    long::from_i64(v as i64).into_ptr()
}
#[no_mangle]
pub extern "C" fn PyLong_FromUnsignedLongLong(v: c_ulonglong) -> *mut PyObject {
    long::from_u64(v as u64).into_ptr()
}
#[no_mangle]
pub extern "C" fn PyLong_FromSsize_t(v: Py_ssize_t) -> *mut PyObject {
    long::from_i64(v as i64).into_ptr()
}
#[no_mangle]
pub extern "C" fn PyLong_FromSize_t(v: usize) -> *mut PyObject {
    long::from_usize(v).into_ptr()
}
#[no_mangle]
pub extern "C" fn PyLong_FromDouble(v: c_double) -> *mut PyObject {
    if v.is_nan() {
        return fail(err::value_error("cannot convert float NaN to integer"), std::ptr::null_mut());
    }
    if v.is_infinite() {
        return fail(overflow("cannot convert float infinity to integer"), std::ptr::null_mut());
    }
    match <BigInt as num_traits::FromPrimitive>::from_f64(v.trunc()) {
        Some(i) => long::from_bigint(&i).into_ptr(),
        None => fail(overflow("cannot convert float to integer"), std::ptr::null_mut()),
    }
}
#[no_mangle]
pub extern "C" fn PyLong_FromVoidPtr(p: *mut c_void) -> *mut PyObject {
    long::from_usize(p as usize).into_ptr()
}

/// `PyLong_FromString`: `int(str, base)` on a C string; `*pend` is set
/// past the parsed text.
#[no_mangle]
pub unsafe extern "C" fn PyLong_FromString(s: *const c_char, pend: *mut *mut c_char, base: c_int) -> *mut PyObject {
    let bytes = cbytes(s);
    if !pend.is_null() {
        *pend = s.add(bytes.len()) as *mut c_char;
    }
    let int_t = vm::typeobj::type_obj(long::long_type());
    ret(vm::abstract_::call(&int_t, &[vm::objects::unicode::new(&String::from_utf8_lossy(bytes)), long::from_i64(base as i64)], None))
}

#[no_mangle]
pub extern "C" fn PyLong_AsLong(o: *mut PyObject) -> c_long {
    // An int that fits a machine word needs no big-integer conversion.
    if !o.is_null() {
        let obj = unsafe { b(&o) };
        if long::is_int(obj) {
            if let Some(v) = long::as_i64(obj) {
                return v as c_long;
            }
        }
    }
    as_long_slow(o)
}

/// `PyLong_AsLong` past the word-sized int: `__index__`, big ints and
/// errors, out of line so the common case needs no stack frame.
#[cold]
#[inline(never)]
fn as_long_slow(o: *mut PyObject) -> c_long {
    match index_value(o) {
        Ok(v) => v.to_i64().map(|x| x as c_long).unwrap_or_else(|| fail(overflow("Python int too large to convert to C long"), -1)),
        Err(e) => fail(e, -1),
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLongAndOverflow(o: *mut PyObject, ovf: *mut c_int) -> c_long {
    *ovf = 0;
    match index_value(o) {
        Ok(v) => v.to_i64().unwrap_or_else(|| {
            *ovf = if v.sign() == num_bigint::Sign::Minus { -1 } else { 1 };
            -1
        }),
        Err(e) => fail(e, -1),
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLongLongAndOverflow(o: *mut PyObject, ovf: *mut c_int) -> c_longlong {
    PyLong_AsLongAndOverflow(o, ovf)
}

#[no_mangle]
pub extern "C" fn PyLong_AsLongLong(o: *mut PyObject) -> c_longlong {
    match index_value(o) {
        Ok(v) => v.to_i64().unwrap_or_else(|| fail(overflow("int too big to convert"), -1)),
        Err(e) => fail(e, -1),
    }
}

#[no_mangle]
pub extern "C" fn PyLong_AsSsize_t(o: *mut PyObject) -> Py_ssize_t {
    match int_value(o) {
        Ok(v) => v.to_isize().unwrap_or_else(|| fail(overflow("Python int too large to convert to C ssize_t"), -1)),
        Err(e) => fail(e, -1),
    }
}

fn unsigned(o: *mut PyObject, neg: &str, big: &str) -> u64 {
    match int_value(o) {
        Ok(v) if v.sign() == num_bigint::Sign::Minus => fail(overflow(neg), u64::MAX),
        Ok(v) => v.to_u64().unwrap_or_else(|| fail(overflow(big), u64::MAX)),
        Err(e) => fail(e, u64::MAX),
    }
}

#[no_mangle]
pub extern "C" fn PyLong_AsUnsignedLong(o: *mut PyObject) -> c_ulong {
    unsigned(o, "can't convert negative value to unsigned int", "Python int too large to convert to C unsigned long")
}
#[no_mangle]
pub extern "C" fn PyLong_AsSize_t(o: *mut PyObject) -> usize {
    unsigned(o, "can't convert negative value to size_t", "Python int too large to convert to C size_t") as usize
}
#[no_mangle]
pub extern "C" fn PyLong_AsUnsignedLongLong(o: *mut PyObject) -> c_ulonglong {
    unsigned(o, "can't convert negative int to unsigned", "int too big to convert")
}

/// The low 64 bits of the two's-complement value (no overflow check).
fn mask(o: *mut PyObject) -> u64 {
    match index_value(o) {
        Ok(v) => {
            let m: BigInt = v & BigInt::from(u64::MAX);
            m.to_u64().unwrap_or(0)
        }
        Err(e) => fail(e, u64::MAX),
    }
}
#[no_mangle]
pub extern "C" fn PyLong_AsUnsignedLongMask(o: *mut PyObject) -> c_ulong {
    mask(o)
}
#[no_mangle]
pub extern "C" fn PyLong_AsUnsignedLongLongMask(o: *mut PyObject) -> c_ulonglong {
    mask(o)
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsDouble(o: *mut PyObject) -> c_double {
    if let Err(e) = nonnull(o) {
        return fail(e, -1.0);
    }
    let ob = b(&o);
    if !long::is_int(ob) {
        return fail(err::type_error("an integer is required"), -1.0);
    }
    match long_methods::as_f64(ob) {
        Ok(v) => v,
        Err(e) => fail(e, -1.0),
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsVoidPtr(o: *mut PyObject) -> *mut c_void {
    let is_neg = !o.is_null() && long::is_int(b(&o)) && long::is_negative(b(&o));
    let v = if is_neg { PyLong_AsLongLong(o) as u64 } else { PyLong_AsUnsignedLongLong(o) };
    if v == u64::MAX && vm::err::occurred() {
        return std::ptr::null_mut();
    }
    v as usize as *mut c_void
}

/// `_PyLong_Sign`: -1, 0 or 1 (used by some macros and extensions).
#[no_mangle]
pub unsafe extern "C" fn _PyLong_Sign(o: *mut PyObject) -> c_int {
    let v = long::to_bigint(b(&o));
    if v.is_zero() { 0 } else if v.sign() == num_bigint::Sign::Minus { -1 } else { 1 }
}

/// `_PyLong_AsInt`: a C int with CPython's overflow message.
#[no_mangle]
pub extern "C" fn _PyLong_AsInt(o: *mut PyObject) -> c_int {
    match index_value(o) {
        Ok(v) => v.to_i32().unwrap_or_else(|| fail(overflow("Python int too large to convert to C int"), -1)),
        Err(e) => fail(e, -1),
    }
}
