//! modsupport.h, the building half: `Py_BuildValue` (and its `_SizeT`
//! and `va_list` forms, entered from csrc/varargs.c). Units: `( ) [ ] { }`
//! containers, `b B h H i I l k L K n c C f d s z U y` (with `#`),
//! `N S O` (with `&`). As in CPython, once an item fails the remaining
//! arguments are still consumed (so `N` references are released) and
//! the first error is returned. The parsing half (`PyArg_*`) is getargs.rs.

use crate::util::*;
use std::os::raw::{c_char, c_int, c_void};
use vm::err::{self, PyErr, PyResult};
use vm::object::PyObject;
use vm::objects::{bytes, dict, float, list, long, none, tuple};
use vm::objref::PyObj;

struct Builder<'a> {
    f: &'a [u8],
    i: usize,
    ap: &'a mut Va,
    size_t: bool,
}

impl Builder<'_> {
    fn peek(&self) -> u8 {
        self.f.get(self.i).copied().unwrap_or(0)
    }

    /// Number of items before `end` at this nesting level (CPython's
    /// countformat).
    fn count(&self, end: u8) -> PyResult<usize> {
        let mut n = 0;
        let mut level = 0;
        let mut j = self.i;
        loop {
            let c = self.f.get(j).copied().unwrap_or(0);
            if level == 0 && c == end {
                return Ok(n);
            }
            match c {
                0 => return Err(err::system_error("unmatched paren in format")),
                b'(' | b'[' | b'{' => {
                    if level == 0 {
                        n += 1;
                    }
                    level += 1;
                }
                b')' | b']' | b'}' => level -= 1,
                b'#' | b'&' | b',' | b':' | b' ' | b'\t' => {}
                _ => {
                    if level == 0 {
                        n += 1;
                    }
                }
            }
            j += 1;
        }
    }

    /// `n` items up to `end`, each built; the first error wins but the
    /// rest are still consumed.
    unsafe fn items(&mut self, end: u8, n: usize) -> PyResult<Vec<PyObj>> {
        let mut v = Vec::with_capacity(n);
        let mut first: Option<PyErr> = None;
        for _ in 0..n {
            match self.value() {
                Ok(o) => v.push(o),
                Err(e) => {
                    if first.is_none() {
                        first = Some(e);
                    }
                }
            }
        }
        if let Some(e) = first {
            return Err(e);
        }
        if self.peek() != end {
            return Err(err::system_error("Unmatched paren in format"));
        }
        if end != 0 {
            self.i += 1;
        }
        Ok(v)
    }

    unsafe fn size_arg(&mut self) -> PyResult<Option<isize>> {
        if self.peek() != b'#' {
            return Ok(None);
        }
        self.i += 1;
        if self.size_t {
            Ok(Some(self.ap.ssize()))
        } else {
            let _ = self.ap.int();
            Err(err::system_error("PY_SSIZE_T_CLEAN macro must be defined for '#' formats"))
        }
    }

    unsafe fn value(&mut self) -> PyResult<PyObj> {
        loop {
            let c = self.peek();
            self.i += 1;
            return match c {
                b'(' => {
                    let n = self.count(b')')?;
                    Ok(tuple::new(self.items(b')', n)?))
                }
                b'[' => {
                    let n = self.count(b']')?;
                    Ok(list::new(self.items(b']', n)?))
                }
                b'{' => {
                    let n = self.count(b'}')?;
                    let odd = n % 2 == 1;
                    let v = self.items(b'}', n);
                    if odd {
                        return Err(err::system_error("Bad dict format"));
                    }
                    let d = dict::new();
                    let mut it = v?.into_iter();
                    while let (Some(k), Some(x)) = (it.next(), it.next()) {
                        dict::set_item(&d, k, x)?;
                    }
                    Ok(d)
                }
                b'b' | b'B' | b'h' | b'i' => Ok(long::from_i64(self.ap.int() as i64)),
                b'H' => Ok(long::from_i64(self.ap.int() as u16 as i64)),
                b'I' => Ok(long::from_u64(self.ap.uint() as u64)),
                b'n' => Ok(long::from_i64(self.ap.ssize() as i64)),
                b'l' => Ok(long::from_i64(self.ap.long() as i64)),
                b'k' => Ok(long::from_u64(self.ap.ulong() as u64)),
                b'L' => Ok(long::from_i64(self.ap.longlong() as i64)),
                b'K' => Ok(long::from_u64(self.ap.ulonglong() as u64)),
                b'f' | b'd' => Ok(float::new(self.ap.double())),
                b'c' => Ok(bytes::new(&[self.ap.int() as u8])),
                b'C' => err::from_ptr(crate::unicodeobject::PyUnicode_FromOrdinal(self.ap.int())),
                b's' | b'z' | b'U' | b'y' => {
                    let s: *const c_char = self.ap.ptr();
                    let n = self.size_arg()?;
                    if s.is_null() {
                        return Ok(none::none());
                    }
                    let data = match n {
                        Some(n) if n >= 0 => std::slice::from_raw_parts(s as *const u8, n as usize),
                        _ => cbytes(s),
                    };
                    if c == b'y' {
                        Ok(bytes::new(data))
                    } else {
                        crate::unicodeobject::decode_utf8(data, None)
                    }
                }
                b'N' | b'S' | b'O' => {
                    if self.peek() == b'&' {
                        self.i += 1;
                        let f: Option<unsafe extern "C" fn(*mut c_void) -> *mut PyObject> = std::mem::transmute(self.ap.ptr::<c_void>());
                        let a: *mut c_void = self.ap.ptr();
                        return match f {
                            Some(f) => err::from_ptr(f(a)),
                            None => Err(bad_internal_call()),
                        };
                    }
                    let p: *mut PyObject = self.ap.ptr();
                    if p.is_null() {
                        return Err(if err::occurred() {
                            err::fetch()
                        } else {
                            err::system_error("NULL object passed to Py_BuildValue")
                        });
                    }
                    // N steals the caller's reference; O and S take a new one.
                    Ok(if c == b'N' { PyObj::from_owned(p) } else { PyObj::from_borrowed(p) })
                }
                b':' | b',' | b' ' | b'\t' => continue,
                _ => Err(err::system_error("bad format char passed to Py_BuildValue")),
            };
        }
    }
}

/// `Py_BuildValue`: None for an empty format, the value itself for one
/// unit, a tuple for several.
pub unsafe fn build_value(fmt: *const c_char, ap: &mut Va, size_t: bool) -> *mut PyObject {
    let mut bld = Builder { f: cbytes(fmt), i: 0, ap, size_t };
    let r = (|| {
        let n = bld.count(0)?;
        match n {
            0 => Ok(none::none()),
            1 => bld.value(),
            _ => Ok(tuple::new(bld.items(0, n)?)),
        }
    })();
    ret(r)
}

#[no_mangle]
pub unsafe extern "C" fn pyrite_build_value(fmt: *const c_char, ap: *mut c_void, size_t: c_int) -> *mut PyObject {
    build_value(fmt, &mut Va(ap), size_t != 0)
}
