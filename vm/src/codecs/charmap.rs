//! The charmap codec: bytes to str through a decoding table (a 256-char
//! str, or any mapping of byte values), str to bytes through an encoding
//! lookup (a compiled table or any mapping of code points). The 8-bit
//! codecs of the `encodings` package (cp1252, koi8_r, mac_roman, ...) are
//! built on it.

use super::errors::Errors;
use super::unicode_codecs::{cps_of, encode_with};
use crate::abstract_;
use crate::err::{self, PyResult};
use crate::objects::{bytes, exceptions, long, none, unicode};
use crate::objref::PyObj;
use std::borrow::Cow;

const UNDEFINED: &str = "character maps to <undefined>";

/// Decodes with `mapping` (None: latin-1).
pub fn decode(input: &[u8], errors: &mut Errors, mapping: Option<&PyObj>) -> PyResult<Vec<u32>> {
    let mut data: Cow<[u8]> = Cow::Borrowed(input);
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mapping = match mapping {
        None => return Ok(data.iter().map(|&b| b as u32).collect()),
        Some(m) => m,
    };
    if unicode::is_str(mapping) {
        let table: Vec<u32> = unicode::data(mapping).iter().collect();
        let mut i = 0;
        while i < data.len() {
            match table.get(data[i] as usize) {
                Some(&c) if c != 0xFFFE => {
                    out.push(c);
                    i += 1;
                }
                _ => i = errors.decode("charmap", &mut data, i, i + 1, UNDEFINED, &mut out)?,
            }
        }
        return Ok(out);
    }
    let mut i = 0;
    while i < data.len() {
        let item = match abstract_::getitem(mapping, &long::from_i64(data[i] as i64)) {
            Ok(v) => Some(v),
            Err(e) if e.matches(unsafe { exceptions::PyExc_LookupError }) => None,
            Err(e) => return Err(e),
        };
        let mut ok = false;
        if let Some(v) = item {
            if none::is_none(&v) {
            } else if long::is_int(&v) {
                let n = abstract_::to_i64(&v).unwrap_or(-1);
                if !(0..=0x10FFFF).contains(&n) {
                    return Err(err::type_error("character mapping must be in range(0x110000)"));
                }
                if n != 0xFFFE {
                    out.push(n as u32);
                    ok = true;
                }
            } else if unicode::is_str(&v) {
                let d = unicode::data(&v);
                if !(d.len() == 1 && d.get(0) == 0xFFFE) {
                    out.extend(d.iter());
                    ok = true;
                }
            } else {
                return Err(err::type_error("character mapping must return integer, None or str"));
            }
        }
        if ok {
            i += 1;
        } else {
            i = errors.decode("charmap", &mut data, i, i + 1, UNDEFINED, &mut out)?;
        }
    }
    Ok(out)
}

/// Looks `c` up in a generic encoding mapping; appends its bytes and
/// returns true, or returns false when it maps to nothing.
pub fn lookup_encode(mapping: &PyObj, c: u32, out: &mut Vec<u8>) -> PyResult<bool> {
    let v = match abstract_::getitem(mapping, &long::from_i64(c as i64)) {
        Ok(v) => v,
        Err(e) if e.matches(unsafe { exceptions::PyExc_LookupError }) => return Ok(false),
        Err(e) => return Err(e),
    };
    if none::is_none(&v) {
        return Ok(false);
    }
    if long::is_int(&v) {
        let n = abstract_::to_i64(&v).unwrap_or(-1);
        if !(0..256).contains(&n) {
            return Err(err::type_error("character mapping must be in range(256)"));
        }
        out.push(n as u8);
        return Ok(true);
    }
    if bytes::is_bytes(&v) {
        out.extend_from_slice(bytes::as_slice(&v));
        return Ok(true);
    }
    Err(err::type_error(format!(
        "character mapping must return integer, bytes or None, not {}",
        crate::typeobj::type_name(v.ob_type())
    )))
}

/// Encodes `s` with `lookup` (see `lookup_encode`).
pub fn encode(s: &PyObj, errors: &mut Errors, lookup: &mut dyn FnMut(u32, &mut Vec<u8>) -> PyResult<bool>) -> PyResult<Vec<u8>> {
    let cps = cps_of(s);
    let mut out = Vec::with_capacity(cps.len());
    encode_with(s, &cps, "charmap", UNDEFINED, errors, true, u32::MAX, 1, &mut out, &mut |o, c| lookup(c, o))?;
    Ok(out)
}
