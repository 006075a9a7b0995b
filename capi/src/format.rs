//! `PyUnicode_FromFormat` (unicodeobject.h) and the formatter shared by
//! `PyErr_Format`/`PyErr_WarnFormat`: printf-like codes `%c %d %i %u %x
//! %p %s %U %V %S %R %A %%` with `l`/`ll`/`z` sizes, `0` flag, width and
//! precision, on a C va_list. As in CPython 3.11, an unknown code copies
//! the rest of the format unchanged.

use crate::util::*;
use std::os::raw::{c_char, c_void};
use vm::abstract_ as ab;
use vm::err::PyResult;
use vm::object::PyObject;
use vm::objects::unicode;
use vm::objref::PyObj;

#[derive(Clone, Copy, PartialEq)]
enum Size {
    Int,
    Long,
    LongLong,
    SizeT,
}

/// Pads `s` on the left to `width` characters with spaces (or zeros).
fn pad(s: String, width: usize, zero: bool) -> String {
    let n = s.chars().count();
    if n >= width {
        return s;
    }
    // CPython 3.11 puts the zeros before the sign ("00-42").
    let fill = if zero { "0" } else { " " };
    format!("{}{}", fill.repeat(width - n), s)
}

/// The first `prec` characters of `s` (all when `prec` is None).
fn truncate(s: &str, prec: Option<usize>) -> String {
    match prec {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    }
}

unsafe fn obj_text(o: &PyObj, code: u8) -> PyResult<String> {
    let r = match code {
        b'S' => ab::str(o)?,
        b'R' => ab::repr(o)?,
        b'A' => err_from(crate::object::PyObject_ASCII(o.as_ptr()))?,
        _ => o.clone(),
    };
    Ok(unicode::to_string_lossy(&r))
}

unsafe fn err_from(p: *mut PyObject) -> PyResult {
    vm::err::from_ptr(p)
}

/// Formats `fmt` with arguments from `ap` into a new str.
pub unsafe fn format(fmt: *const c_char, ap: &mut Va) -> PyResult {
    let f = cbytes(fmt);
    let mut out = String::new();
    let mut i = 0;
    let mut lit: Vec<u8> = Vec::new();
    while i < f.len() {
        if f[i] != b'%' {
            lit.push(f[i]);
            i += 1;
            continue;
        }
        out.push_str(&String::from_utf8_lossy(&lit));
        lit.clear();
        let start = i;
        i += 1;
        if i < f.len() && f[i] == b'%' {
            out.push('%');
            i += 1;
            continue;
        }
        let mut zero = false;
        while i < f.len() && f[i] == b'0' {
            zero = true;
            i += 1;
        }
        let mut width = 0usize;
        while i < f.len() && f[i].is_ascii_digit() {
            width = width * 10 + (f[i] - b'0') as usize;
            i += 1;
        }
        let mut prec = None;
        if i < f.len() && f[i] == b'.' {
            i += 1;
            let mut p = 0usize;
            while i < f.len() && f[i].is_ascii_digit() {
                p = p * 10 + (f[i] - b'0') as usize;
                i += 1;
            }
            prec = Some(p);
        }
        let mut size = Size::Int;
        if i < f.len() && f[i] == b'l' {
            size = Size::Long;
            i += 1;
            if i < f.len() && f[i] == b'l' {
                size = Size::LongLong;
                i += 1;
            }
        } else if i < f.len() && f[i] == b'z' {
            size = Size::SizeT;
            i += 1;
        }
        let code = if i < f.len() { f[i] } else { 0 };
        i += 1;
        let int_prec = |s: String| -> String {
            match prec {
                Some(p) => {
                    let (sign, d) = if let Some(d) = s.strip_prefix('-') { ("-", d.to_string()) } else { ("", s.clone()) };
                    if d.len() < p { format!("{}{}{}", sign, "0".repeat(p - d.len()), d) } else { s }
                }
                None => s,
            }
        };
        let piece = match code {
            b'c' => {
                let c = ap.int();
                if !(0..=0x10FFFF).contains(&c) {
                    return Err(vm::err::overflow_error("character argument not in range(0x110000)"));
                }
                char::from_u32(c as u32).map(|c| c.to_string()).unwrap_or_else(|| "\u{FFFD}".into())
            }
            b'd' | b'i' => {
                let v: i64 = match size {
                    Size::Int => ap.int() as i64,
                    Size::Long => ap.long() as i64,
                    Size::LongLong => ap.longlong() as i64,
                    Size::SizeT => ap.ssize() as i64,
                };
                pad(int_prec(v.to_string()), width, zero)
            }
            b'u' => {
                let v: u64 = match size {
                    Size::Int => ap.uint() as u64,
                    Size::Long => ap.ulong() as u64,
                    Size::LongLong => ap.ulonglong() as u64,
                    Size::SizeT => ap.size() as u64,
                };
                pad(int_prec(v.to_string()), width, zero)
            }
            b'x' => {
                let v: u64 = match size {
                    Size::Int => ap.uint() as u64,
                    Size::Long => ap.ulong() as u64,
                    Size::LongLong => ap.ulonglong() as u64,
                    Size::SizeT => ap.size() as u64,
                };
                pad(int_prec(format!("{:x}", v)), width, zero)
            }
            b'p' => {
                let p: *mut c_void = ap.ptr();
                pad(format!("0x{:x}", p as usize), width, zero)
            }
            b's' => {
                let p: *const c_char = ap.ptr();
                let s = String::from_utf8_lossy(cbytes(p)).into_owned();
                pad(truncate(&s, prec), width, false)
            }
            b'U' | b'S' | b'R' | b'A' => {
                let p: *mut PyObject = ap.ptr();
                if p.is_null() {
                    return Err(vm::err::system_error("NULL object passed to PyUnicode_FromFormat"));
                }
                pad(truncate(&obj_text(b(&p), code)?, prec), width, false)
            }
            b'V' => {
                let p: *mut PyObject = ap.ptr();
                let s: *const c_char = ap.ptr();
                let text = if p.is_null() { String::from_utf8_lossy(cbytes(s)).into_owned() } else { obj_text(b(&p), b'U')? };
                pad(truncate(&text, prec), width, false)
            }
            _ => {
                // Unknown code: the rest of the format is copied as is.
                lit.extend_from_slice(&f[start..]);
                break;
            }
        };
        out.push_str(&piece);
    }
    out.push_str(&String::from_utf8_lossy(&lit));
    Ok(unicode::new(&out))
}

/// Rust half of `PyUnicode_FromFormat`/`FromFormatV`.
#[no_mangle]
pub unsafe extern "C" fn pyrite_unicode_from_format(fmt: *const c_char, ap: *mut c_void) -> *mut PyObject {
    ret(format(fmt, &mut Va(ap)))
}
