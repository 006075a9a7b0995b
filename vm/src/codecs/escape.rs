//! The escape codecs: unicode_escape (Python string-literal escapes over
//! latin-1), raw_unicode_escape (only \u and \U), and escape_encode /
//! escape_decode (bytes-literal escapes, bytes to bytes).

use super::errors::Errors;
use crate::err::{self, PyResult};
use crate::objects::unicode;
use crate::objref::PyObj;
use std::borrow::Cow;

fn hex(out: &mut Vec<u8>, prefix: &str, v: u32, digits: usize) {
    out.extend_from_slice(prefix.as_bytes());
    out.extend_from_slice(format!("{:0width$x}", v, width = digits).as_bytes());
}

pub fn unicode_escape_encode(s: &PyObj) -> Vec<u8> {
    let mut out = Vec::with_capacity(unicode::len(s));
    for c in unicode::data(s).iter() {
        match c {
            0x5C => out.extend_from_slice(b"\\\\"),
            0x20..=0x7E => out.push(c as u8),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0D => out.extend_from_slice(b"\\r"),
            0..=0xFF => hex(&mut out, "\\x", c, 2),
            0x100..=0xFFFF => hex(&mut out, "\\u", c, 4),
            _ => hex(&mut out, "\\U", c, 8),
        }
    }
    out
}

pub fn raw_unicode_escape_encode(s: &PyObj) -> Vec<u8> {
    let mut out = Vec::with_capacity(unicode::len(s));
    for c in unicode::data(s).iter() {
        match c {
            0..=0xFF => out.push(c as u8),
            0x100..=0xFFFF => hex(&mut out, "\\u", c, 4),
            _ => hex(&mut out, "\\U", c, 8),
        }
    }
    out
}

fn hexval(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// Result of scanning `count` hex digits at `s`.
enum Hex {
    Ok(u32, usize),
    Bad(usize),
    Incomplete,
}

fn read_hex(data: &[u8], mut s: usize, count: usize) -> Hex {
    let mut v: u32 = 0;
    for _ in 0..count {
        if s >= data.len() {
            return Hex::Incomplete;
        }
        match hexval(data[s]) {
            Some(d) => v = (v << 4) | d,
            None => return Hex::Bad(s),
        }
        s += 1;
    }
    Hex::Ok(v, s)
}

pub fn unicode_escape_decode(input: &[u8], errors: &mut Errors, final_: bool) -> PyResult<(Vec<u32>, usize)> {
    let mut data: Cow<[u8]> = Cow::Borrowed(input);
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut end = data.len();
    let mut s = 0;
    while s < end {
        let c = data[s];
        s += 1;
        if c != b'\\' {
            out.push(c as u32);
            continue;
        }
        let start = s - 1;
        // (message, error end) of a failed escape; None end = incomplete.
        let fail: (&str, Option<usize>);
        if s >= end {
            fail = ("\\ at end of string", None);
        } else {
            let e = data[s];
            s += 1;
            let simple = match e {
                b'\n' => Some(None),
                b'\\' => Some(Some('\\' as u32)),
                b'\'' => Some(Some('\'' as u32)),
                b'"' => Some(Some('"' as u32)),
                b'b' => Some(Some(8)),
                b'f' => Some(Some(12)),
                b't' => Some(Some(9)),
                b'n' => Some(Some(10)),
                b'r' => Some(Some(13)),
                b'v' => Some(Some(11)),
                b'a' => Some(Some(7)),
                _ => None,
            };
            if let Some(v) = simple {
                out.extend(v);
                continue;
            }
            match e {
                b'0'..=b'7' => {
                    let mut v = (e - b'0') as u32;
                    for _ in 0..2 {
                        if s < end && (b'0'..=b'7').contains(&data[s]) {
                            v = (v << 3) + (data[s] - b'0') as u32;
                            s += 1;
                        } else {
                            break;
                        }
                    }
                    out.push(v);
                    continue;
                }
                b'x' | b'u' | b'U' => {
                    let (count, msg) = match e {
                        b'x' => (2, "truncated \\xXX escape"),
                        b'u' => (4, "truncated \\uXXXX escape"),
                        _ => (8, "truncated \\UXXXXXXXX escape"),
                    };
                    match read_hex(&data, s, count) {
                        Hex::Ok(v, ns) => {
                            s = ns;
                            if v > 0x10FFFF {
                                fail = ("illegal Unicode character", Some(s));
                            } else {
                                out.push(v);
                                continue;
                            }
                        }
                        Hex::Bad(at) => fail = (msg, Some(at)),
                        Hex::Incomplete => fail = (msg, None),
                    }
                }
                b'N' => {
                    let msg = "malformed \\N character escape";
                    if s >= end {
                        fail = (msg, None);
                    } else if data[s] == b'{' {
                        let nstart = s + 1;
                        let mut k = nstart;
                        while k < end && data[k] != b'}' {
                            k += 1;
                        }
                        if k >= end {
                            fail = (msg, None);
                        } else if k == nstart {
                            fail = (msg, Some(k));
                        } else {
                            let name = String::from_utf8_lossy(&data[nstart..k]);
                            match crate::parser::unicode_names::lookup(&name) {
                                Some(v) => {
                                    out.push(v);
                                    s = k + 1;
                                    continue;
                                }
                                None => fail = ("unknown Unicode character name", Some(k + 1)),
                            }
                        }
                    } else {
                        fail = (msg, Some(s));
                    }
                }
                _ => {
                    // Unknown escapes stay as they are (CPython also warns).
                    out.push('\\' as u32);
                    s -= 1;
                    continue;
                }
            }
        }
        let errend = match fail.1 {
            Some(e) => e,
            None => {
                if !final_ {
                    return Ok((out, start));
                }
                end
            }
        };
        s = errors.decode("unicodeescape", &mut data, start, errend, fail.0, &mut out)?;
        end = data.len();
    }
    Ok((out, end))
}

pub fn raw_unicode_escape_decode(input: &[u8], errors: &mut Errors, final_: bool) -> PyResult<(Vec<u32>, usize)> {
    let mut data: Cow<[u8]> = Cow::Borrowed(input);
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut end = data.len();
    let mut s = 0;
    while s < end {
        let c = data[s];
        s += 1;
        if c != b'\\' {
            out.push(c as u32);
            continue;
        }
        let start = s - 1;
        if s >= end {
            if !final_ {
                return Ok((out, start));
            }
            out.push('\\' as u32);
            break;
        }
        let e = data[s];
        let (count, msg) = match e {
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            _ => {
                out.push('\\' as u32);
                out.push(e as u32);
                s += 1;
                continue;
            }
        };
        s += 1;
        let (msg, errend) = match read_hex(&data, s, count) {
            Hex::Ok(v, ns) => {
                s = ns;
                if v <= 0x10FFFF {
                    out.push(v);
                    continue;
                }
                ("\\Uxxxxxxxx out of range", s)
            }
            Hex::Bad(at) => (msg, at),
            Hex::Incomplete => {
                if !final_ {
                    return Ok((out, start));
                }
                (msg, end)
            }
        };
        s = errors.decode("rawunicodeescape", &mut data, start, errend, msg, &mut out)?;
        end = data.len();
    }
    Ok((out, end))
}

/// `codecs.escape_encode`: the bytes repr without its quotes.
pub fn escape_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for &b in data {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(b),
            _ => out.extend_from_slice(format!("\\x{:02x}", b).as_bytes()),
        }
    }
    out
}

/// `codecs.escape_decode`: bytes-literal escapes; `errors` only governs
/// bad \x escapes (strict, replace, ignore).
pub fn escape_decode(data: &[u8], errors: Option<&str>) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    let end = data.len();
    let mut s = 0;
    while s < end {
        if data[s] != b'\\' {
            out.push(data[s]);
            s += 1;
            continue;
        }
        s += 1;
        if s == end {
            return Err(err::value_error("Trailing \\ in string"));
        }
        let c = data[s];
        s += 1;
        match c {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(9),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    if s < end && (b'0'..=b'7').contains(&data[s]) {
                        v = (v << 3) + (data[s] - b'0') as u32;
                        s += 1;
                    } else {
                        break;
                    }
                }
                out.push(v as u8);
            }
            b'x' => {
                if s + 1 < end {
                    if let (Some(a), Some(b)) = (hexval(data[s]), hexval(data[s + 1])) {
                        out.push((a * 16 + b) as u8);
                        s += 2;
                        continue;
                    }
                }
                match errors.unwrap_or("strict") {
                    "strict" => return Err(err::value_error(format!("invalid \\x escape at position {}", s - 2))),
                    "replace" => out.push(b'?'),
                    "ignore" => {}
                    other => {
                        return Err(err::value_error(format!(
                            "decoding error; unknown error handling code: {}",
                            other
                        )))
                    }
                }
                if s < end && hexval(data[s]).is_some() {
                    s += 1;
                }
            }
            _ => {
                out.push(b'\\');
                s -= 1;
            }
        }
    }
    Ok(out)
}
