//! The Unicode transformation codecs and the two 8-bit identity ones:
//! utf-8, utf-7, utf-16, utf-32 (each with its byte order variants),
//! latin-1 and ascii. Decoders return code points and how many bytes they
//! consumed: with `final_` false, a sequence cut off at the end of the data
//! is left for the next call (incremental decoding).

use super::errors::{Errors, Rep};
use crate::err::PyResult;
use crate::objects::unicode;
use crate::objref::PyObj;
use std::borrow::Cow;

pub fn cps_of(s: &PyObj) -> Vec<u32> {
    unicode::data(s).iter().collect()
}

/// The common encoder loop: `put` appends the encoding of a code point and
/// returns false when it cannot encode it; unencodable runs (`collapse`) or
/// single code points go to the error handler, whose str replacement must
/// be below `rep_limit` and encodable by `put`, its bytes replacement a
/// whole number of `unit`s.
pub fn encode_with(
    s: &PyObj,
    cps: &[u32],
    encoding: &str,
    reason: &str,
    errors: &mut Errors,
    collapse: bool,
    rep_limit: u32,
    unit: usize,
    out: &mut Vec<u8>,
    put: &mut dyn FnMut(&mut Vec<u8>, u32) -> PyResult<bool>,
) -> PyResult<()> {
    let mut i = 0;
    let mut scratch = Vec::new();
    while i < cps.len() {
        if put(out, cps[i])? {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if collapse {
            while end < cps.len() {
                scratch.clear();
                if put(&mut scratch, cps[end])? {
                    break;
                }
                end += 1;
            }
        }
        let (rep, pos) = errors.encode(encoding, s, cps, i, end, reason)?;
        match rep {
            Rep::Bytes(b) => {
                if b.len() % unit != 0 {
                    return Err(crate::objects::exceptions::unicode_encode_error(encoding, s, i, end, reason));
                }
                out.extend_from_slice(&b)
            }
            Rep::Str(r) => {
                for c in r {
                    if c >= rep_limit || !put(out, c)? {
                        return Err(crate::objects::exceptions::unicode_encode_error(encoding, s, i, end, reason));
                    }
                }
            }
        }
        i = pos;
    }
    Ok(())
}

// ---------------------------------------------------------------- utf-8

fn put_utf8(out: &mut Vec<u8>, c: u32) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.extend_from_slice(&[0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8]);
    } else if c < 0x10000 {
        out.extend_from_slice(&[0xE0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3F) as u8, 0x80 | (c & 0x3F) as u8]);
    } else {
        out.extend_from_slice(&[
            0xF0 | (c >> 18) as u8,
            0x80 | ((c >> 12) & 0x3F) as u8,
            0x80 | ((c >> 6) & 0x3F) as u8,
            0x80 | (c & 0x3F) as u8,
        ]);
    }
}

pub fn utf8_encode(s: &PyObj, errors: &mut Errors) -> PyResult<Vec<u8>> {
    if let Some(t) = unicode::as_str_fast(s) {
        return Ok(t.as_bytes().to_vec());
    }
    let cps = cps_of(s);
    let mut out = Vec::with_capacity(cps.len() * 2);
    encode_with(s, &cps, "utf-8", "surrogates not allowed", errors, true, 0x80, 1, &mut out, &mut |o, c| {
        if (0xD800..0xE000).contains(&c) {
            return Ok(false);
        }
        put_utf8(o, c);
        Ok(true)
    })?;
    Ok(out)
}

pub fn utf8_decode(input: &[u8], errors: &mut Errors, final_: bool) -> PyResult<(Vec<u32>, usize)> {
    let mut data: Cow<[u8]> = Cow::Borrowed(input);
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        match std::str::from_utf8(&data[i..]) {
            Ok(s) => {
                out.extend(s.chars().map(|c| c as u32));
                i = data.len();
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.extend(unsafe { std::str::from_utf8_unchecked(&data[i..i + good]) }.chars().map(|c| c as u32));
                let pos = i + good;
                let b = data[pos];
                let (end, reason) = if (0x80..0xC2).contains(&b) || b >= 0xF5 {
                    (pos + 1, "invalid start byte")
                } else {
                    match e.error_len() {
                        None => {
                            if !final_ {
                                return Ok((out, pos));
                            }
                            (data.len(), "unexpected end of data")
                        }
                        Some(n) => (pos + n, "invalid continuation byte"),
                    }
                };
                i = errors.decode("utf-8", &mut data, pos, end, reason, &mut out)?;
            }
        }
    }
    Ok((out, data.len()))
}

// ---------------------------------------------------------------- utf-16 / utf-32

/// Name used in errors: the generic one when a BOM is written/expected.
fn utf_name(unit: usize, byteorder: i32) -> &'static str {
    match (unit, byteorder) {
        (2, 0) => "utf-16",
        (2, b) if b < 0 => "utf-16-le",
        (2, _) => "utf-16-be",
        (_, 0) => "utf-32",
        (_, b) if b < 0 => "utf-32-le",
        _ => "utf-32-be",
    }
}

/// utf-16/utf-32 encoder; byteorder 0 writes a BOM and native order,
/// -1 little endian, 1 big endian.
pub fn utf16_32_encode(s: &PyObj, errors: &mut Errors, unit: usize, byteorder: i32) -> PyResult<Vec<u8>> {
    let cps = cps_of(s);
    let be = if byteorder == 0 { cfg!(target_endian = "big") } else { byteorder > 0 };
    let mut out = Vec::with_capacity((cps.len() + 1) * unit);
    let put_unit = move |o: &mut Vec<u8>, v: u32| {
        if unit == 2 {
            let u = v as u16;
            o.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
        } else {
            o.extend_from_slice(&if be { v.to_be_bytes() } else { v.to_le_bytes() });
        }
    };
    if byteorder == 0 {
        put_unit(&mut out, 0xFEFF);
    }
    encode_with(s, &cps, utf_name(unit, byteorder), "surrogates not allowed", errors, false, 0x80, unit, &mut out, &mut |o, c| {
        if (0xD800..0xE000).contains(&c) {
            return Ok(false);
        }
        if unit == 2 && c >= 0x10000 {
            let v = c - 0x10000;
            put_unit(o, 0xD800 + (v >> 10));
            put_unit(o, 0xDC00 + (v & 0x3FF));
        } else {
            put_unit(o, c);
        }
        Ok(true)
    })?;
    Ok(out)
}

/// utf-16/utf-32 decoder. `byteorder` in: 0 (detect a BOM, else native),
/// -1 little, 1 big; out: the order in effect (still 0 when no BOM was
/// seen).
pub fn utf16_32_decode(input: &[u8], errors: &mut Errors, unit: usize, byteorder: &mut i32, final_: bool) -> PyResult<(Vec<u32>, usize)> {
    let mut data: Cow<[u8]> = Cow::Borrowed(input);
    let mut pos = 0;
    if *byteorder == 0 && data.len() >= unit {
        if unit == 2 {
            if data[..2] == [0xFF, 0xFE] {
                *byteorder = -1;
                pos = 2;
            } else if data[..2] == [0xFE, 0xFF] {
                *byteorder = 1;
                pos = 2;
            }
        } else if data[..4] == [0xFF, 0xFE, 0, 0] {
            *byteorder = -1;
            pos = 4;
        } else if data[..4] == [0, 0, 0xFE, 0xFF] {
            *byteorder = 1;
            pos = 4;
        }
    }
    let be = if *byteorder == 0 { cfg!(target_endian = "big") } else { *byteorder > 0 };
    // Errors name the concrete codec in effect ('utf-16-le', ...), as CPython's do.
    let name = utf_name(unit, if be { 1 } else { -1 });
    let rd = |data: &[u8], p: usize| -> u32 {
        let mut v = 0u32;
        for k in 0..unit {
            v = (v << 8) | data[p + if be { k } else { unit - 1 - k }] as u32;
        }
        v
    };
    let mut out = Vec::with_capacity(data.len() / unit);
    while pos < data.len() {
        if data.len() - pos < unit {
            if !final_ {
                return Ok((out, pos));
            }
            let n = data.len();
            pos = errors.decode(name, &mut data, pos, n, "truncated data", &mut out)?;
            continue;
        }
        let v = rd(&data, pos);
        if unit == 4 {
            if v > 0x10FFFF || (0xD800..0xE000).contains(&v) {
                let reason = if v > 0x10FFFF {
                    "code point not in range(0x110000)"
                } else {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                };
                pos = errors.decode(name, &mut data, pos, pos + 4, reason, &mut out)?;
                continue;
            }
            out.push(v);
            pos += 4;
        } else if (0xD800..0xDC00).contains(&v) {
            if data.len() - pos < 4 {
                if !final_ {
                    return Ok((out, pos));
                }
                let n = data.len();
                pos = errors.decode(name, &mut data, pos, n, "unexpected end of data", &mut out)?;
                continue;
            }
            let w = rd(&data, pos + 2);
            if (0xDC00..0xE000).contains(&w) {
                out.push(0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00));
                pos += 4;
            } else {
                pos = errors.decode(name, &mut data, pos, pos + 2, "illegal UTF-16 surrogate", &mut out)?;
            }
        } else if (0xDC00..0xE000).contains(&v) {
            pos = errors.decode(name, &mut data, pos, pos + 2, "illegal encoding", &mut out)?;
        } else {
            out.push(v);
            pos += 2;
        }
    }
    Ok((out, data.len()))
}

// ---------------------------------------------------------------- latin-1 / ascii

pub fn latin1_ascii_encode(s: &PyObj, errors: &mut Errors, limit: u32) -> PyResult<Vec<u8>> {
    if unicode::is_ascii(s) {
        if let Some(t) = unicode::as_str_fast(s) {
            return Ok(t.as_bytes().to_vec());
        }
    }
    let cps = cps_of(s);
    let (name, reason) = if limit == 0x80 {
        ("ascii", "ordinal not in range(128)")
    } else {
        ("latin-1", "ordinal not in range(256)")
    };
    let mut out = Vec::with_capacity(cps.len());
    encode_with(s, &cps, name, reason, errors, true, limit, 1, &mut out, &mut |o, c| {
        if c < limit {
            o.push(c as u8);
            Ok(true)
        } else {
            Ok(false)
        }
    })?;
    Ok(out)
}

pub fn latin1_decode(data: &[u8]) -> PyObj {
    unicode::from_iter_max(data.len(), data.iter().copied().max().unwrap_or(0) as u32, data.iter().map(|&b| b as u32))
}

pub fn ascii_decode(input: &[u8], errors: &mut Errors) -> PyResult<PyObj> {
    let mut data: Cow<[u8]> = Cow::Borrowed(input);
    if data.is_ascii() {
        return Ok(unicode::new(unsafe { std::str::from_utf8_unchecked(&data) }));
    }
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i] < 128 {
            out.push(data[i] as u32);
            i += 1;
        } else {
            i = errors.decode("ascii", &mut data, i, i + 1, "ordinal not in range(128)", &mut out)?;
        }
    }
    Ok(unicode::from_codepoints(&out))
}

// ---------------------------------------------------------------- utf-7

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn is_b64(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphanumeric() || c == '+' as u32 || c == '/' as u32
}

fn from_b64(c: u32) -> u32 {
    let c = c as u8;
    (match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    }) as u32
}

/// Characters written as themselves: everything printable in ASCII and
/// the whitespace RFC 2152 allows, except '+', '\\' and '~'.
fn encode_direct(c: u32) -> bool {
    if c == 0 || c >= 128 {
        return false;
    }
    let b = c as u8;
    if b == b'\t' || b == b'\n' || b == b'\r' || b == b' ' {
        return true;
    }
    (0x21..0x7F).contains(&b) && b != b'+' && b != b'\\' && b != b'~'
}

pub fn utf7_encode(s: &PyObj) -> Vec<u8> {
    let mut out = Vec::new();
    let mut in_shift = false;
    let mut bits: u32 = 0;
    let mut buf: u64 = 0;
    let emit = |out: &mut Vec<u8>, bits: &mut u32, buf: &mut u64, v: u32| {
        *bits += 16;
        *buf = (*buf << 16) | v as u64;
        while *bits >= 6 {
            out.push(B64[((*buf >> (*bits - 6)) & 0x3F) as usize]);
            *bits -= 6;
        }
    };
    for c in unicode::data(s).iter() {
        if in_shift {
            if encode_direct(c) {
                if bits > 0 {
                    out.push(B64[((buf << (6 - bits)) & 0x3F) as usize]);
                    buf = 0;
                    bits = 0;
                }
                in_shift = false;
                if is_b64(c) || c == '-' as u32 {
                    out.push(b'-');
                }
                out.push(c as u8);
                continue;
            }
        } else if c == '+' as u32 {
            out.extend_from_slice(b"+-");
            continue;
        } else if encode_direct(c) {
            out.push(c as u8);
            continue;
        } else {
            out.push(b'+');
            in_shift = true;
        }
        if c >= 0x10000 {
            let v = c - 0x10000;
            emit(&mut out, &mut bits, &mut buf, 0xD800 + (v >> 10));
            emit(&mut out, &mut bits, &mut buf, 0xDC00 + (v & 0x3FF));
        } else {
            emit(&mut out, &mut bits, &mut buf, c);
        }
    }
    if bits > 0 {
        out.push(B64[((buf << (6 - bits)) & 0x3F) as usize]);
    }
    if in_shift {
        out.push(b'-');
    }
    out
}

pub fn utf7_decode(input: &[u8], errors: &mut Errors, final_: bool) -> PyResult<(Vec<u32>, usize)> {
    let mut data: Cow<[u8]> = Cow::Borrowed(input);
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut in_shift = false;
    let mut shift_out_start = 0usize;
    let mut bits: u32 = 0;
    let mut buf: u64 = 0;
    let mut surrogate: u32 = 0;
    let mut startinpos = 0usize;
    let mut s = 0usize;
    let mut e = data.len();
    loop {
        while s < e {
            let ch = data[s] as u32;
            let errmsg: &str;
            if in_shift {
                if is_b64(ch) {
                    buf = (buf << 6) | from_b64(ch) as u64;
                    bits += 6;
                    s += 1;
                    if bits >= 16 {
                        let out_ch = ((buf >> (bits - 16)) & 0xFFFF) as u32;
                        bits -= 16;
                        buf &= (1u64 << bits) - 1;
                        if surrogate != 0 {
                            if (0xDC00..0xE000).contains(&out_ch) {
                                out.push(0x10000 + ((surrogate - 0xD800) << 10) + (out_ch - 0xDC00));
                                surrogate = 0;
                                continue;
                            }
                            out.push(surrogate);
                            surrogate = 0;
                        }
                        if (0xD800..0xDC00).contains(&out_ch) {
                            surrogate = out_ch;
                        } else {
                            out.push(out_ch);
                        }
                    }
                    continue;
                }
                in_shift = false;
                if bits >= 6 {
                    s += 1;
                    errmsg = "partial character in shift sequence";
                } else if bits > 0 && buf != 0 {
                    s += 1;
                    errmsg = "non-zero padding bits in shift sequence";
                } else {
                    if surrogate != 0 && ch < 128 && ch != '+' as u32 {
                        out.push(surrogate);
                    }
                    surrogate = 0;
                    if ch == '-' as u32 {
                        s += 1;
                    }
                    continue;
                }
            } else if ch == '+' as u32 {
                startinpos = s;
                s += 1;
                if s < e && data[s] == b'-' {
                    s += 1;
                    out.push('+' as u32);
                    continue;
                } else if s < e && !is_b64(data[s] as u32) {
                    s += 1;
                    errmsg = "ill-formed sequence";
                } else {
                    in_shift = true;
                    surrogate = 0;
                    shift_out_start = out.len();
                    bits = 0;
                    buf = 0;
                    continue;
                }
            } else if ch < 128 {
                s += 1;
                out.push(ch);
                continue;
            } else {
                startinpos = s;
                s += 1;
                errmsg = "unexpected special character";
            }
            s = errors.decode("utf7", &mut data, startinpos, s, errmsg, &mut out)?;
            e = data.len();
        }
        if in_shift && final_ {
            in_shift = false;
            if surrogate != 0 || bits >= 6 || (bits > 0 && buf != 0) {
                s = errors.decode("utf7", &mut data, startinpos, e, "unterminated shift sequence", &mut out)?;
                e = data.len();
                if s < e {
                    continue;
                }
            }
        }
        break;
    }
    if !final_ && in_shift {
        out.truncate(shift_out_start);
        return Ok((out, startinpos));
    }
    Ok((out, s))
}
