//! `str`: PEP 393 compact strings with CPython 3.11's layout.
//!
//! An ASCII string is a `PyASCIIObject` followed by its bytes; any other is a
//! `PyCompactUnicodeObject` followed by 1-, 2- or 4-byte code units (latin-1,
//! UCS-2, UCS-4: the smallest that holds the widest character). Data is
//! NUL-terminated. This file owns creation, access, hashing, equality and
//! interning; the Python-level methods live in `unicode_methods.rs`.

use crate::err::{PyErr, PyResult};
use crate::object::*;
use crate::objref::PyObj;
use std::collections::HashMap;
use std::os::raw::c_char;

#[repr(C)]
pub struct PyASCIIObject {
    pub ob_base: PyObject,
    pub length: Py_ssize_t,
    pub hash: Py_hash_t,
    /// Bit fields: interned:2, kind:3, compact:1, ascii:1, ready:1.
    pub state: u32,
    pub wstr: *mut i32,
}

#[repr(C)]
pub struct PyCompactUnicodeObject {
    pub _base: PyASCIIObject,
    pub utf8_length: Py_ssize_t,
    pub utf8: *mut c_char,
    pub wstr_length: Py_ssize_t,
}

/// Non-compact form, used only for instances of str subclasses: the
/// characters live in a separate block pointed to by `data`.
#[repr(C)]
pub struct PyUnicodeObject {
    pub _base: PyCompactUnicodeObject,
    pub data: *mut std::os::raw::c_void,
}

// Bits of `state`, where C's bit fields put them (checked by capi's layout test).
pub const STATE_COMPACT: u32 = 1 << 5;
pub const STATE_ASCII: u32 = 1 << 6;
pub const STATE_READY: u32 = 1 << 7;

#[no_mangle]
pub static mut PyUnicode_Type: PyTypeObject =
    PyTypeObject::empty(b"str\0", std::mem::size_of::<PyUnicodeObject>(), 0);

#[inline(always)]
pub fn str_type() -> *mut PyTypeObject {
    &raw mut PyUnicode_Type
}

/// The code units of a string, by kind.
pub enum StrData<'a> {
    Latin1(&'a [u8]),
    Ucs2(&'a [u16]),
    Ucs4(&'a [u32]),
}

impl<'a> StrData<'a> {
    #[inline]
    pub fn len(&self) -> usize {
        match self {
            StrData::Latin1(d) => d.len(),
            StrData::Ucs2(d) => d.len(),
            StrData::Ucs4(d) => d.len(),
        }
    }
    #[inline]
    pub fn get(&self, i: usize) -> u32 {
        match self {
            StrData::Latin1(d) => d[i] as u32,
            StrData::Ucs2(d) => d[i] as u32,
            StrData::Ucs4(d) => d[i],
        }
    }
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len()).map(move |i| self.get(i))
    }
    pub fn to_vec(&self) -> Vec<u32> {
        self.iter().collect()
    }
}

#[inline(always)]
pub fn is_str(o: &PyObj) -> bool {
    let tp = o.ob_type();
    tp == str_type() || unsafe { (*tp).tp_flags & flags::UNICODE_SUBCLASS != 0 }
}

#[inline(always)]
pub fn is_exact_str(o: &PyObj) -> bool {
    o.ob_type() == str_type()
}

#[inline(always)]
unsafe fn ascii(o: *mut PyObject) -> *mut PyASCIIObject {
    o as *mut PyASCIIObject
}

#[inline(always)]
pub fn len(o: &PyObj) -> usize {
    unsafe { (*ascii(o.as_ptr())).length as usize }
}

#[inline(always)]
pub fn is_ascii(o: &PyObj) -> bool {
    unsafe { (*ascii(o.as_ptr())).state & STATE_ASCII != 0 }
}

#[inline(always)]
pub fn kind(o: &PyObj) -> u32 {
    unsafe { ((*ascii(o.as_ptr())).state >> 2) & 7 }
}

#[inline(always)]
unsafe fn data_ptr(o: *mut PyObject) -> *mut u8 {
    let st = (*ascii(o)).state;
    if st & STATE_COMPACT == 0 {
        return (*(o as *mut PyUnicodeObject)).data as *mut u8;
    }
    if st & STATE_ASCII != 0 {
        (o as *mut u8).add(std::mem::size_of::<PyASCIIObject>())
    } else {
        (o as *mut u8).add(std::mem::size_of::<PyCompactUnicodeObject>())
    }
}

pub fn data(o: &PyObj) -> StrData<'_> {
    unsafe {
        let p = data_ptr(o.as_ptr());
        let n = len(o);
        match kind(o) {
            1 => StrData::Latin1(std::slice::from_raw_parts(p, n)),
            2 => StrData::Ucs2(std::slice::from_raw_parts(p as *const u16, n)),
            _ => StrData::Ucs4(std::slice::from_raw_parts(p as *const u32, n)),
        }
    }
}

/// The string as UTF-8 when that is possible without copying (ASCII strings,
/// or non-ASCII ones whose UTF-8 form is already cached).
#[inline]
pub fn as_str_fast(o: &PyObj) -> Option<&str> {
    unsafe {
        let p = o.as_ptr();
        if is_ascii(o) {
            let d = data_ptr(p);
            return Some(std::str::from_utf8_unchecked(std::slice::from_raw_parts(d, len(o))));
        }
        let c = p as *mut PyCompactUnicodeObject;
        if !(*c).utf8.is_null() {
            return Some(std::str::from_utf8_unchecked(std::slice::from_raw_parts(
                (*c).utf8 as *const u8,
                (*c).utf8_length as usize,
            )));
        }
        None
    }
}

/// The string as UTF-8, caching the encoding in the object (as
/// `PyUnicode_AsUTF8` does). Fails with UnicodeEncodeError on lone surrogates.
pub fn as_str(o: &PyObj) -> PyResult<&str> {
    if let Some(s) = as_str_fast(o) {
        return Ok(s);
    }
    let mut out = String::with_capacity(len(o) * 2);
    for (i, cp) in data(o).iter().enumerate() {
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => {
                return Err(crate::objects::exceptions::unicode_encode_error(
                    "utf-8",
                    o,
                    i,
                    i + 1,
                    "surrogates not allowed",
                ))
            }
        }
    }
    unsafe {
        let c = o.as_ptr() as *mut PyCompactUnicodeObject;
        let bytes = out.into_bytes();
        let buf = crate::alloc::mem_malloc(bytes.len() + 1) as *mut u8;
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf, bytes.len());
        *buf.add(bytes.len()) = 0;
        (*c).utf8 = buf as *mut c_char;
        (*c).utf8_length = bytes.len() as isize;
    }
    Ok(as_str_fast(o).unwrap())
}

/// The string as a Rust `String`, with lone surrogates replaced by U+FFFD
/// (for messages and debugging, never for semantics).
pub fn to_string_lossy(o: &PyObj) -> String {
    if let Some(s) = as_str_fast(o) {
        return s.to_string();
    }
    data(o).iter().map(|c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect()
}

/// Allocates an uninitialized compact string of `n` characters whose widest
/// character is `maxchar` (`PyUnicode_New`).
pub unsafe fn new_raw(n: usize, maxchar: u32) -> PyObj {
    let (kind, is_ascii, header) = if maxchar < 0x80 {
        (1u32, true, std::mem::size_of::<PyASCIIObject>())
    } else if maxchar < 0x100 {
        (1, false, std::mem::size_of::<PyCompactUnicodeObject>())
    } else if maxchar < 0x10000 {
        (2, false, std::mem::size_of::<PyCompactUnicodeObject>())
    } else {
        (4, false, std::mem::size_of::<PyCompactUnicodeObject>())
    };
    let size = header + (n + 1) * kind as usize;
    let p = crate::alloc::mem_malloc(size) as *mut PyObject;
    if p.is_null() {
        panic!("out of memory allocating a str of length {n}");
    }
    std::ptr::write_bytes(p as *mut u8, 0, header);
    (*p).ob_refcnt = 1;
    (*p).ob_type = str_type();
    let a = ascii(p);
    (*a).length = n as isize;
    (*a).hash = -1;
    (*a).state = (kind << 2) | STATE_COMPACT | STATE_READY | if is_ascii { STATE_ASCII } else { 0 };
    // NUL terminator.
    std::ptr::write_bytes((p as *mut u8).add(header + n * kind as usize), 0, kind as usize);
    PyObj::from_owned(p)
}

#[inline]
pub unsafe fn data_mut(o: &PyObj) -> *mut u8 {
    data_ptr(o.as_ptr())
}

/// Makes a str from UTF-8 text.
pub fn new(s: &str) -> PyObj {
    if s.is_empty() {
        return empty();
    }
    unsafe {
        if s.is_ascii() {
            if s.len() == 1 {
                return latin1_char(s.as_bytes()[0]);
            }
            let o = new_raw(s.len(), 0x7f);
            std::ptr::copy_nonoverlapping(s.as_ptr(), data_mut(&o), s.len());
            return o;
        }
        let maxchar = s.chars().map(|c| c as u32).max().unwrap_or(0);
        let n = s.chars().count();
        let o = new_raw(n, maxchar);
        write_chars(&o, s.chars().map(|c| c as u32));
        o
    }
}

unsafe fn write_chars(o: &PyObj, it: impl Iterator<Item = u32>) {
    let d = data_mut(o);
    match kind(o) {
        1 => {
            for (i, c) in it.enumerate() {
                *d.add(i) = c as u8;
            }
        }
        2 => {
            let d = d as *mut u16;
            for (i, c) in it.enumerate() {
                *d.add(i) = c as u16;
            }
        }
        _ => {
            let d = d as *mut u32;
            for (i, c) in it.enumerate() {
                *d.add(i) = c;
            }
        }
    }
}

/// Makes a str from code points (which may include lone surrogates).
pub fn from_codepoints(cps: &[u32]) -> PyObj {
    if cps.is_empty() {
        return empty();
    }
    if cps.len() == 1 && cps[0] < 256 {
        return latin1_char(cps[0] as u8);
    }
    let maxchar = cps.iter().copied().max().unwrap_or(0);
    unsafe {
        let o = new_raw(cps.len(), maxchar);
        write_chars(&o, cps.iter().copied());
        o
    }
}

/// Makes a str from an iterator of code points with a known maximum.
pub fn from_iter_max(n: usize, maxchar: u32, it: impl Iterator<Item = u32>) -> PyObj {
    if n == 0 {
        return empty();
    }
    unsafe {
        let o = new_raw(n, maxchar);
        write_chars(&o, it);
        o
    }
}

pub fn from_char(c: u32) -> PyObj {
    if c < 256 {
        latin1_char(c as u8)
    } else {
        from_codepoints(&[c])
    }
}

struct StrCache {
    empty: *mut PyObject,
    latin1: [*mut PyObject; 256],
    interned: HashMap<Box<str>, *mut PyObject, std::hash::BuildHasherDefault<FnvHasher>>,
}

static mut CACHE: Option<StrCache> = None;

unsafe fn cache() -> &'static mut StrCache {
    let c = &mut *(&raw mut CACHE);
    if c.is_none() {
        *c = Some(StrCache { empty: std::ptr::null_mut(), latin1: [std::ptr::null_mut(); 256], interned: HashMap::default() });
    }
    c.as_mut().unwrap()
}

pub fn empty() -> PyObj {
    unsafe {
        let c = cache();
        if c.empty.is_null() {
            let o = new_raw(0, 0);
            c.empty = o.into_ptr();
        }
        PyObj::from_borrowed(c.empty)
    }
}

/// One-character strings below 256 are shared, as in CPython.
pub fn latin1_char(b: u8) -> PyObj {
    unsafe {
        let c = cache();
        let slot = &mut c.latin1[b as usize];
        if slot.is_null() {
            let o = new_raw(1, b as u32);
            *data_mut(&o) = b;
            *slot = o.into_ptr();
        }
        PyObj::from_borrowed(*slot)
    }
}

/// FNV-1a: the interning table only needs a fast hash of short names.
#[derive(Default)]
pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

/// Direct-mapped cache in front of the interning table, keyed by the text's
/// address and length (Rust code interns the same literals over and over);
/// a hit is confirmed by comparing the text.
const RECENT_SIZE: usize = 512;
static mut RECENT: [(usize, usize, *mut PyObject); RECENT_SIZE] = [(0, 0, std::ptr::null_mut()); RECENT_SIZE];

/// The interned str for an identifier: the same object for equal text, so
/// attribute and global lookups can compare by pointer first. Never inlined:
/// the slot of a literal is computed from its address at run time, and
/// inlined copies were hoisted to the entry of their callers (the dispatch
/// loop paid ~90 instructions per frame for slots of error-path literals).
#[inline(never)]
pub fn intern(s: &str) -> PyObj {
    unsafe {
        let key = s.as_ptr() as usize;
        let slot = &mut (*(&raw mut RECENT))[(key >> 3 ^ s.len()) & (RECENT_SIZE - 1)];
        if slot.0 == key && slot.1 == s.len() {
            let o = PyObj::borrow(&slot.2);
            if as_str_fast(o) == Some(s) {
                return o.clone();
            }
        }
        let o = intern_slow(s);
        *slot = (key, s.len(), o.as_ptr());
        o
    }
}

#[inline(never)]
fn intern_slow(s: &str) -> PyObj {
    unsafe {
        let c = cache();
        if let Some(&p) = c.interned.get(s) {
            return PyObj::from_borrowed(p);
        }
        let o = new(s);
        // Mark interned (mortal state 1) and keep one reference in the table.
        (*ascii(o.as_ptr())).state |= 1;
        let p = o.clone().into_ptr();
        c.interned.insert(s.into(), p);
        o
    }
}

/// `sys.intern`: returns the interned equal string, interning `o` if new.
pub fn intern_obj(o: &PyObj) -> PyObj {
    // Non-ASCII strings are interned too (their UTF-8 form is cached for the
    // table key); only strings with lone surrogates cannot be.
    match as_str(o).ok() {
        Some(s) if is_exact_str(o) && !s.is_empty() => unsafe {
            let c = cache();
            if let Some(&p) = c.interned.get(s) {
                return PyObj::from_borrowed(p);
            }
            (*ascii(o.as_ptr())).state |= 1;
            c.interned.insert(s.into(), o.clone().into_ptr());
            o.clone()
        },
        _ => o.clone(),
    }
}

pub fn is_interned(o: &PyObj) -> bool {
    unsafe { (*ascii(o.as_ptr())).state & 3 != 0 }
}

/// The raw bytes CPython hashes: the code units in native order.
fn hash_bytes(o: &PyObj) -> &[u8] {
    unsafe {
        std::slice::from_raw_parts(data_ptr(o.as_ptr()), len(o) * kind(o) as usize)
    }
}

/// `hash(str)`: SipHash-1-3 of the code units, cached in the object.
#[inline]
pub fn hash(o: &PyObj) -> isize {
    unsafe {
        let a = ascii(o.as_ptr());
        if (*a).hash != -1 {
            return (*a).hash;
        }
        let h = crate::hash::hash_bytes(hash_bytes(o));
        (*a).hash = h;
        h
    }
}

/// Equality of two str objects (exact or subclass).
#[inline]
pub fn eq(a: &PyObj, b: &PyObj) -> bool {
    if a.is(b) {
        return true;
    }
    if len(a) != len(b) || kind(a) != kind(b) {
        return false;
    }
    unsafe {
        let ha = (*ascii(a.as_ptr())).hash;
        let hb = (*ascii(b.as_ptr())).hash;
        if ha != -1 && hb != -1 && ha != hb {
            return false;
        }
    }
    hash_bytes(a) == hash_bytes(b)
}

/// Equality with Rust text (for comparing to identifiers and keywords).
pub fn eq_str(a: &PyObj, s: &str) -> bool {
    match as_str_fast(a) {
        Some(t) => t == s,
        None => {
            let d = data(a);
            d.len() == s.chars().count() && d.iter().zip(s.chars()).all(|(x, c)| x == c as u32)
        }
    }
}

/// Compares two strings by code points (for <, <=, ...).
pub fn compare(a: &PyObj, b: &PyObj) -> std::cmp::Ordering {
    let (da, db) = (data(a), data(b));
    if let (StrData::Latin1(x), StrData::Latin1(y)) = (&da, &db) {
        return x.cmp(y);
    }
    da.iter().cmp(db.iter())
}

pub fn concat(a: &PyObj, b: &PyObj) -> PyResult {
    let (la, lb) = (len(a), len(b));
    if la == 0 && is_exact_str(b) {
        return Ok(b.clone());
    }
    if lb == 0 && is_exact_str(a) {
        return Ok(a.clone());
    }
    let n = la.checked_add(lb).filter(|&n| n < isize::MAX as usize / 4).ok_or_else(|| {
        crate::err::overflow_error("strings are too large to concat")
    })?;
    let maxchar = max_char(a).max(max_char(b));
    unsafe {
        let o = new_raw(n, maxchar);
        if kind(a) == kind(&o) && kind(b) == kind(&o) {
            let k = kind(&o) as usize;
            std::ptr::copy_nonoverlapping(data_ptr(a.as_ptr()), data_mut(&o), la * k);
            std::ptr::copy_nonoverlapping(data_ptr(b.as_ptr()), data_mut(&o).add(la * k), lb * k);
        } else {
            write_chars(&o, data(a).iter().chain(data(b).iter()));
        }
        Ok(o)
    }
}

/// Upper bound of the widest character, from the kind (exact for ASCII).
pub fn max_char(o: &PyObj) -> u32 {
    if is_ascii(o) {
        return 0x7f;
    }
    match kind(o) {
        1 => 0xff,
        2 => 0xffff,
        _ => 0x10ffff,
    }
}

/// Exact widest character of a code point slice.
pub fn exact_max_char(d: &StrData) -> u32 {
    d.iter().max().unwrap_or(0)
}

/// Substring by code point range (no bounds checks beyond clamping).
pub fn substring(o: &PyObj, start: usize, end: usize) -> PyObj {
    let n = len(o);
    let end = end.min(n);
    if start >= end {
        return empty();
    }
    if start == 0 && end == n && is_exact_str(o) {
        return o.clone();
    }
    let d = data(o);
    if let StrData::Latin1(b) = &d {
        if is_ascii(o) {
            return new(unsafe { std::str::from_utf8_unchecked(&b[start..end]) });
        }
    }
    let cps: Vec<u32> = (start..end).map(|i| d.get(i)).collect();
    from_codepoints(&cps)
}

pub fn char_at(o: &PyObj, i: usize) -> PyObj {
    from_char(data(o).get(i))
}

pub fn type_error_expected_str(what: &str, got: &PyObj) -> PyErr {
    crate::err::type_error(format!(
        "{} must be str, not {}",
        what,
        crate::typeobj::type_name(got.ob_type())
    ))
}

unsafe extern "C" fn str_dealloc(o: *mut PyObject) {
    let a = ascii(o);
    if (*a).state & STATE_ASCII == 0 || (*a).state & STATE_COMPACT == 0 {
        let c = o as *mut PyCompactUnicodeObject;
        if !(*c).utf8.is_null() {
            crate::alloc::mem_free((*c).utf8 as *mut _);
        }
    }
    if (*a).state & STATE_COMPACT == 0 {
        crate::alloc::mem_free((*(o as *mut PyUnicodeObject)).data);
    }
    if (*o).ob_type == str_type() {
        crate::alloc::mem_free(o as *mut _);
    } else {
        crate::alloc::tp_free(o);
    }
}

pub unsafe fn init_type() {
    let t = str_type();
    (*t).tp_dealloc = Some(str_dealloc);
    (*t).tp_flags |= flags::BASETYPE | flags::UNICODE_SUBCLASS;
}
