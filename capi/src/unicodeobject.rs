//! unicodeobject.h: str creation from UTF-8 C strings, `AsUTF8` (the
//! UTF-8 form is cached in the object's `utf8` field, as CPython does, so
//! the pointer lives as long as the string), length, concatenation,
//! comparison and interning. `PyUnicode_FromFormat` is in format.rs.

use crate::util::*;
use std::os::raw::{c_char, c_int};
use vm::err::{self, PyResult};
use vm::object::{PyObject, Py_ssize_t};
use vm::objects::{bytes, unicode};
use vm::objref::PyObj;
use vm::typeobj::type_name;

unsafe fn is_str(o: *mut PyObject) -> bool {
    !o.is_null() && unicode::is_str(b(&o))
}

/// Decodes UTF-8 with the given error handler (strict by default).
pub fn decode_utf8(data: &[u8], errors: Option<&str>) -> PyResult {
    if let Ok(s) = std::str::from_utf8(data) {
        return Ok(unicode::new(s));
    }
    vm::codecs::decode_bytes(data, "utf-8", errors.unwrap_or("strict"))
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromStringAndSize(s: *const c_char, n: Py_ssize_t) -> *mut PyObject {
    if n < 0 {
        return ret(Err(err::system_error("Negative size passed to PyUnicode_FromStringAndSize")));
    }
    if s.is_null() {
        if n == 0 {
            return unicode::empty().into_ptr();
        }
        return unicode::new_raw(n as usize, 127).into_ptr();
    }
    ret(decode_utf8(std::slice::from_raw_parts(s as *const u8, n as usize), None))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromString(s: *const c_char) -> *mut PyObject {
    ret(decode_utf8(cbytes(s), None))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF8(s: *const c_char, n: Py_ssize_t, errors: *const c_char) -> *mut PyObject {
    let e = if errors.is_null() { None } else { Some(cstr(errors)) };
    ret(decode_utf8(std::slice::from_raw_parts(s as *const u8, n.max(0) as usize), e.as_deref()))
}
#[no_mangle]
pub extern "C" fn PyUnicode_FromOrdinal(c: c_int) -> *mut PyObject {
    if !(0..=0x10FFFF).contains(&c) {
        return ret(Err(err::value_error("chr() arg not in range(0x110000)")));
    }
    unicode::from_char(c as u32).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_InternFromString(s: *const c_char) -> *mut PyObject {
    match decode_utf8(cbytes(s), None) {
        Ok(o) => unicode::intern_obj(&o).into_ptr(),
        Err(e) => ret(Err(e)),
    }
}
/// Replaces `*p` with the interned string equal to it.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_InternInPlace(p: *mut *mut PyObject) {
    if p.is_null() || !is_str(*p) || !unicode::is_exact_str(b(&*p)) {
        return;
    }
    let old = PyObj::from_owned(*p);
    *p = unicode::intern_obj(&old).into_ptr();
}

/// The cached UTF-8 form; fails on lone surrogates (UnicodeEncodeError).
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF8AndSize(o: *mut PyObject, size: *mut Py_ssize_t) -> *const c_char {
    if !is_str(o) {
        err::restore(err::type_error("bad argument type for built-in operation"));
        return std::ptr::null();
    }
    match unicode::as_str(b(&o)) {
        Ok(s) => {
            if !size.is_null() {
                *size = s.len() as Py_ssize_t;
            }
            s.as_ptr() as *const c_char
        }
        Err(e) => {
            err::restore(e);
            std::ptr::null()
        }
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF8(o: *mut PyObject) -> *const c_char {
    PyUnicode_AsUTF8AndSize(o, std::ptr::null_mut())
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF8String(o: *mut PyObject) -> *mut PyObject {
    let mut n = 0;
    let p = PyUnicode_AsUTF8AndSize(o, &mut n);
    if p.is_null() {
        return std::ptr::null_mut();
    }
    bytes::new(std::slice::from_raw_parts(p as *const u8, n as usize)).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_GetLength(o: *mut PyObject) -> Py_ssize_t {
    if !is_str(o) {
        err::restore(err::type_error("bad argument type for built-in operation"));
        return -1;
    }
    unicode::len(b(&o)) as Py_ssize_t
}
/// `_PyUnicode_Ready`: strings are always ready here (the 3.11
/// `PyUnicode_READY` macro still calls it for legacy strings).
#[no_mangle]
pub extern "C" fn _PyUnicode_Ready(_o: *mut PyObject) -> c_int {
    0
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Concat(l: *mut PyObject, r: *mut PyObject) -> *mut PyObject {
    if l.is_null() || r.is_null() {
        return ret(Err(bad_internal_call()));
    }
    if !is_str(l) {
        return ret(Err(err::type_error(format!("must be str, not {}", type_name((*l).ob_type)))));
    }
    if !is_str(r) {
        return ret(Err(err::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            type_name((*r).ob_type)
        ))));
    }
    ret(unicode::concat(b(&l), b(&r)))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Compare(l: *mut PyObject, r: *mut PyObject) -> c_int {
    if is_str(l) && is_str(r) {
        return match unicode::compare(b(&l), b(&r)) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        };
    }
    let n = |p: *mut PyObject| if p.is_null() { "NULL".to_string() } else { type_name((*p).ob_type) };
    err::restore(err::type_error(format!("Can't compare {} and {}", n(l), n(r))));
    -1
}
/// Compares code points with the bytes of a Latin-1/ASCII C string.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_CompareWithASCIIString(u: *mut PyObject, s: *const c_char) -> c_int {
    let a = unicode::data(b(&u));
    let bs = cbytes(s);
    for (i, cp) in a.iter().enumerate() {
        if i >= bs.len() {
            return 1;
        }
        let c = bs[i] as u32;
        if cp != c {
            return if cp < c { -1 } else { 1 };
        }
    }
    if a.len() < bs.len() { -1 } else { 0 }
}
#[no_mangle]
pub unsafe extern "C" fn _PyUnicode_EqualToASCIIString(u: *mut PyObject, s: *const c_char) -> c_int {
    (PyUnicode_CompareWithASCIIString(u, s) == 0) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Contains(c: *mut PyObject, e: *mut PyObject) -> c_int {
    ret_bool(vm::abstract_::contains(b(&c), b(&e)))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Join(sep: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    ret(vm::abstract_::call_method(b(&sep), "join", &[b(&seq).clone()]))
}
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Substring(o: *mut PyObject, start: Py_ssize_t, end: Py_ssize_t) -> *mut PyObject {
    if !is_str(o) {
        return ret(Err(bad_internal_call()));
    }
    if start < 0 || end < 0 {
        return ret(Err(err::index_error("string index out of range")));
    }
    let n = unicode::len(b(&o));
    let e = (end as usize).min(n);
    let s = (start as usize).min(e);
    unicode::substring(b(&o), s, e).into_ptr()
}
