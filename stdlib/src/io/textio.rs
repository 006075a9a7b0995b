//! `_io.TextIOWrapper` (text over a buffered binary stream: incremental
//! decoding with the vm's codecs, newline translation, line buffering,
//! tell/seek with CPython's cookies, replayed from a snapshot of the last
//! chunk) and `_io.IncrementalNewlineDecoder`, whose translation StringIO
//! shares.

use super::bufferedio;
use super::iobase::{self, closed_file, int_arg, io_type, size_arg, state, unsupported, State};
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::bytes_methods::{self as bm};
use vm::objects::{boolobject, bytes, long, none, tuple, unicode};
use vm::objref::PyObj;

io_type!(TEXTIOWRAPPER_TYPE, "TextIOWrapper");
pub static mut NLDECODER_TYPE: PyTypeObject = PyTypeObject::empty(
    b"_io.IncrementalNewlineDecoder\0",
    std::mem::size_of::<iobase::IoObj>(),
    0,
);

const CR: u32 = '\r' as u32;
const LF: u32 = '\n' as u32;
const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

// ---------------------------------------------------------------- newline decoding

/// The newline translation state (IncrementalNewlineDecoder without the
/// wrapped decoder).
pub struct NlCore {
    pub translate: bool,
    pub pendingcr: bool,
    pub seennl: u8,
}

impl NlCore {
    pub fn new(translate: bool) -> NlCore {
        NlCore { translate, pendingcr: false, seennl: 0 }
    }
}

/// Records which newlines `text` holds and translates them to "\n" when
/// asked; `lens` (byte lengths per char, if tracked) follow the merge of "\r\n".
fn translate_nl(core: &mut NlCore, text: Vec<u32>, lens: Option<&mut Vec<u32>>) -> Vec<u32> {
    let mut seen = 0u8;
    let n = text.len();
    let mut i = 0;
    while i < n {
        match text[i] {
            CR => {
                if i + 1 < n && text[i + 1] == LF {
                    seen |= SEEN_CRLF;
                    i += 1;
                } else {
                    seen |= SEEN_CR;
                }
            }
            LF => seen |= SEEN_LF,
            _ => {}
        }
        i += 1;
    }
    core.seennl |= seen;
    if !core.translate || seen & (SEEN_CR | SEEN_CRLF) == 0 {
        return text;
    }
    let mut out = Vec::with_capacity(n);
    let mut outl = Vec::new();
    let ls = lens.as_deref();
    let mut i = 0;
    while i < n {
        let c = text[i];
        let mut l = ls.map(|v| v[i]).unwrap_or(0);
        if c == CR {
            if i + 1 < n && text[i + 1] == LF {
                l += ls.map(|v| v[i + 1]).unwrap_or(0);
                i += 1;
            }
            out.push(LF);
        } else {
            out.push(c);
        }
        outl.push(l);
        i += 1;
    }
    if let Some(v) = lens {
        *v = outl;
    }
    out
}

/// `IncrementalNewlineDecoder.decode` on already decoded text.
pub fn nl_decode(core: &mut NlCore, mut text: Vec<u32>, final_: bool) -> Vec<u32> {
    if core.pendingcr && (!text.is_empty() || final_) {
        text.insert(0, CR);
        core.pendingcr = false;
    }
    if !final_ && text.last() == Some(&CR) {
        text.pop();
        core.pendingcr = true;
    }
    translate_nl(core, text, None)
}

pub fn nl_newlines(core: &NlCore) -> PyObj {
    let s = |x: &str| unicode::new(x);
    match core.seennl {
        0 => none::none(),
        SEEN_LF => s("\n"),
        SEEN_CR => s("\r"),
        SEEN_CRLF => s("\r\n"),
        3 => tuple::new(vec![s("\r"), s("\n")]),
        5 => tuple::new(vec![s("\n"), s("\r\n")]),
        6 => tuple::new(vec![s("\r"), s("\r\n")]),
        _ => tuple::new(vec![s("\r"), s("\n"), s("\r\n")]),
    }
}

/// Where the first line of `s` ends (exclusive), as CPython's `_PyIO_find_line_ending`.
pub fn find_line_ending(s: &[u32], translated: bool, universal: bool, readnl: Option<&[u32]>) -> Option<usize> {
    if translated {
        return s.iter().position(|&c| c == LF).map(|i| i + 1);
    }
    if universal {
        let i = s.iter().position(|&c| c == LF || c == CR)?;
        if s[i] == CR && i + 1 < s.len() && s[i + 1] == LF {
            return Some(i + 2);
        }
        return Some(i + 1);
    }
    let nl = readnl.unwrap_or(&[LF]);
    if nl.len() == 1 {
        return s.iter().position(|&c| c == nl[0]).map(|i| i + 1);
    }
    s.windows(nl.len()).position(|w| w == nl).map(|i| i + nl.len())
}

// ---------------------------------------------------------------- IncrementalNewlineDecoder

pub struct NlDecoder {
    pub decoder: PyObj,
    pub core: NlCore,
    pub errors: PyObj,
}

fn nld<'a>(o: &PyObj) -> PyResult<&'a mut NlDecoder> {
    match unsafe { state(o) } {
        Some(State::Nl(d)) => Ok(d),
        _ => Err(err::value_error("IncrementalNewlineDecoder.__init__() not called")),
    }
}

unsafe extern "C" fn nld_init(o: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> c_int {
    let slf = PyObj::borrow(&o);
    err::int_result((|| -> PyResult<()> {
        let a = iobase::bind_tuple_dict("IncrementalNewlineDecoder", args, kwargs, &["decoder", "translate", "errors"], 2)?;
        let translate = ab::is_true(a[1].as_ref().unwrap_or(&none::none()))?;
        iobase::set_state(slf, State::Nl(NlDecoder {
            decoder: a[0].clone().unwrap_or_else(none::none),
            core: NlCore::new(translate),
            errors: a[2].clone().unwrap_or_else(|| unicode::new("strict")),
        }));
        Ok(())
    })())
}

vm::fastcall_kw!(nld_decode, |slf, args, kw| {
    let a = iobase::clinic_bind("decode", args, kw, &["input", "final"], 1)?;
    let d = nld(slf)?;
    let final_ = match &a[1] {
        Some(f) => ab::is_true(f)?,
        None => false,
    };
    let input = a[0].clone().unwrap_or_else(none::none);
    let out = if none::is_none(&d.decoder) {
        input
    } else {
        let r = ab::call_method(&d.decoder, "decode", &[input, boolobject::new(final_)])?;
        r
    };
    if !unicode::is_str(&out) {
        return Err(err::type_error(format!(
            "decoder should return a string result, not '{}'",
            vm::typeobj::type_name(out.ob_type())
        )));
    }
    let d = nld(slf)?;
    Ok(unicode::from_codepoints(&nl_decode(&mut d.core, unicode::data(&out).to_vec(), final_)))
});

vm::fastcall!(nld_getstate, |slf, args| {
    let d = nld(slf)?;
    let (buf, mut flag) = if none::is_none(&d.decoder) {
        (bytes::new(b""), 0i64)
    } else {
        let st = ab::call_method(&d.decoder, "getstate", &[])?;
        if !vm::objects::tuple::is_tuple(&st) || vm::objects::tuple::len(&st) != 2 {
            return Err(err::type_error("illegal decoder state"));
        }
        let it = vm::objects::tuple::items(&st);
        (it[0].clone(), int_arg(&it[1])?)
    };
    flag <<= 1;
    if nld(slf)?.core.pendingcr {
        flag |= 1;
    }
    Ok(tuple::new(vec![buf, long::from_i64(flag)]))
});

vm::onearg!(nld_setstate, |slf, st| {
    let st = st.unwrap();
    if !vm::objects::tuple::is_tuple(st) || vm::objects::tuple::len(st) != 2 {
        return Err(err::type_error("state argument must be a tuple"));
    }
    let it = vm::objects::tuple::items(st).to_vec();
    let flag = int_arg(&it[1])?;
    let d = nld(slf)?;
    d.core.pendingcr = flag & 1 != 0;
    if !none::is_none(&d.decoder) {
        let dec = d.decoder.clone();
        ab::call_method(&dec, "setstate", &[tuple::new(vec![it[0].clone(), long::from_i64(flag >> 1)])])?;
    }
    Ok(none::none())
});

vm::fastcall!(nld_reset, |slf, args| {
    let d = nld(slf)?;
    d.core.seennl = 0;
    d.core.pendingcr = false;
    if !none::is_none(&d.decoder) {
        let dec = d.decoder.clone();
        ab::call_method(&dec, "reset", &[])?;
    }
    Ok(none::none())
});

unsafe extern "C" fn nld_get_newlines(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(nld(PyObj::borrow(&o)).map(|d| nl_newlines(&d.core)))
}

// ---------------------------------------------------------------- codecs

/// The encodings the text layer decodes and encodes natively (the fast-path
/// codecs of the vm); other registered encodings are not supported yet.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// Some(true) = big endian; None = native order with a BOM.
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

fn native_codec(norm: &str) -> Option<Codec> {
    Some(match norm {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "iso646_us" | "cp367" | "csascii"
        | "ibm367" | "iso_ir_6" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100"
        | "csisolatin1" | "ibm819" | "iso_8859_1:1987" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" | "utf16le" => Codec::Utf16(Some(false)),
        "utf_16_be" | "utf_16be" | "utf16be" => Codec::Utf16(Some(true)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" | "utf32le" => Codec::Utf32(Some(false)),
        "utf_32_be" | "utf_32be" | "utf32be" => Codec::Utf32(Some(true)),
        _ => return None,
    })
}

fn codec_name(c: Codec) -> &'static str {
    match c {
        Codec::Utf8 => "utf-8",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "latin-1",
        Codec::Utf16(None) => "utf-16",
        Codec::Utf16(Some(false)) => "utf-16-le",
        Codec::Utf16(Some(true)) => "utf-16-be",
        Codec::Utf32(None) => "utf-32",
        Codec::Utf32(Some(false)) => "utf-32-le",
        Codec::Utf32(Some(true)) => "utf-32-be",
    }
}

/// How many trailing bytes of `d` may start a sequence the next chunk completes.
fn incomplete_tail(codec: Codec, d: &[u8]) -> usize {
    match codec {
        Codec::Utf8 => {
            for back in 1..=3.min(d.len()) {
                let b = d[d.len() - back];
                if b & 0xC0 == 0x80 {
                    continue;
                }
                let need = if b >= 0xF0 { 4 } else if b >= 0xE0 { 3 } else if b >= 0xC0 { 2 } else { 1 };
                return if need > back { back } else { 0 };
            }
            0
        }
        Codec::Utf16(be) => {
            let mut t = d.len() % 2;
            let whole = d.len() - t;
            if whole >= 2 {
                let (a, b) = (d[whole - 2], d[whole - 1]);
                let unit = if be == Some(true) { (a as u16) << 8 | b as u16 } else { (b as u16) << 8 | a as u16 };
                if (0xD800..0xDC00).contains(&unit) {
                    t += 2;
                }
            }
            t
        }
        Codec::Utf32(_) => d.len() % 4,
        _ => 0,
    }
}

/// Byte length of each decoded char when the decoding was strict and exact.
fn char_lens(codec: Codec, cps: &[u32]) -> Vec<u32> {
    cps.iter()
        .map(|&c| match codec {
            Codec::Utf8 => {
                if c < 0x80 {
                    1
                } else if c < 0x800 {
                    2
                } else if c < 0x10000 {
                    3
                } else {
                    4
                }
            }
            Codec::Utf16(_) => {
                if c >= 0x10000 {
                    4
                } else {
                    2
                }
            }
            Codec::Utf32(_) => 4,
            _ => 1,
        })
        .collect()
}

/// The vm's codec for an encoding name, and whether it is utf-8-sig.
fn text_codec(name: &str) -> PyResult<(Codec, bool)> {
    let norm: String = name
        .trim()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_lowercase() })
        .collect();
    if norm == "utf_8_sig" || norm == "utf8_sig" {
        return Ok((Codec::Utf8, true));
    }
    if let Some(c) = native_codec(&norm) {
        return Ok((c, false));
    }
    // Unknown names get the registry's LookupError; known non-native text
    // encodings are not handled by this text layer yet.
    vm::codecs::lookup_text(name, "codecs.open()")?;
    Err(err::not_implemented_error(format!(
        "TextIOWrapper does not support the encoding '{}' yet",
        name
    )))
}

const BOM8: [u8; 3] = [0xEF, 0xBB, 0xBF];

// ---------------------------------------------------------------- TextIOWrapper state

pub struct TextState {
    pub buffer: Option<PyObj>,
    pub encoding: String,
    pub codec: Codec,
    /// utf-8-sig: a BOM is written first and skipped when read first.
    pub sig: bool,
    pub sig_check: bool,
    pub errors: String,
    pub readuniversal: bool,
    pub readtranslate: bool,
    pub readnl: Option<Vec<u32>>,
    pub writenl: Option<Vec<u32>>,
    pub line_buffering: bool,
    pub write_through: bool,
    pub chunk_size: usize,
    pub readable: bool,
    pub writable: bool,
    pub seekable: bool,
    pub telling: bool,
    pub has_read1: bool,
    pub nl: NlCore,
    /// Undecoded bytes (an incomplete sequence, or a "\r" held back).
    pub pending_in: Vec<u8>,
    pub decoded: Vec<u32>,
    pub used: usize,
    /// Absolute stream position after each decoded char (when tracked).
    pub char_ends: Vec<i64>,
    /// The last chunk as CPython's decoder would have seen it (for tell()).
    pub snap: Option<Snap>,
    /// Bytes per char of the last chunk (CPython's b2cratio).
    pub b2cratio: f64,
    /// Bytes of a "\r" held at the front of `pending_in` (CPython's pendingcr).
    pub cr_held: usize,
    pub decoded_start: i64,
    pub track: bool,
    /// Stream position just after the bytes fetched from the buffer.
    pub read_pos: i64,
    pub read_started: bool,
    pub pending_out: Vec<u8>,
    pub encoder_started: bool,
    pub fast: bool,
}

fn raw_t<'a>(o: &PyObj) -> PyResult<&'a mut TextState> {
    match unsafe { state(o) } {
        Some(State::Text(t)) => Ok(t),
        _ => Err(iobase::uninit()),
    }
}

fn t_st<'a>(o: &PyObj) -> PyResult<&'a mut TextState> {
    let t = raw_t(o)?;
    if t.buffer.is_none() {
        return Err(err::value_error("underlying buffer has been detached"));
    }
    Ok(t)
}

fn buf(t: &TextState) -> PyObj {
    t.buffer.clone().unwrap_or_else(none::none)
}

fn is_closed(t: &TextState) -> PyResult<bool> {
    let b = buf(t);
    if t.fast {
        if let Ok(bs) = bufferedio::st(&b) {
            return bufferedio::is_closed(bs);
        }
    }
    iobase::closed_attr(&b)
}

fn check_closed(t: &TextState) -> PyResult<()> {
    if is_closed(t)? {
        return Err(closed_file());
    }
    Ok(())
}

pub fn locale_encoding() -> String {
    "UTF-8".to_string()
}

unsafe extern "C" fn textio_init(o: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> c_int {
    let slf = PyObj::borrow(&o);
    err::int_result((|| -> PyResult<()> {
        let a = iobase::bind_tuple_dict(
            "TextIOWrapper",
            args,
            kwargs,
            &["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
            1,
        )?;
        let buffer = a[0].clone().unwrap_or_else(none::none);
        let s_or_none = |v: &Option<PyObj>, name: &str| -> PyResult<Option<String>> {
            match iobase::given(v) {
                None => Ok(None),
                Some(x) if unicode::is_str(x) => Ok(Some(unicode::to_string_lossy(x))),
                Some(x) => Err(err::type_error(format!(
                    "TextIOWrapper() argument '{}' must be str or None, not {}",
                    name,
                    vm::typeobj::type_name(x.ob_type())
                ))),
            }
        };
        let enc = s_or_none(&a[1], "encoding")?;
        let errors = s_or_none(&a[2], "errors")?.unwrap_or_else(|| "strict".to_string());
        let newline = match iobase::given(&a[3]) {
            None => None,
            Some(v) => {
                if !unicode::is_str(v) {
                    return Err(err::type_error(format!(
                        "TextIOWrapper() argument 'newline' must be str or None, not {}",
                        vm::typeobj::type_name(v.ob_type())
                    )));
                }
                let s = unicode::to_string_lossy(v);
                if !matches!(s.as_str(), "" | "\n" | "\r" | "\r\n") {
                    return Err(err::value_error(format!("illegal newline value: {}", s)));
                }
                Some(s)
            }
        };
        let line_buffering = match &a[4] {
            Some(v) => ab::is_true(v)?,
            None => false,
        };
        let write_through = match &a[5] {
            Some(v) => ab::is_true(v)?,
            None => false,
        };
        let encoding = match enc {
            None => locale_encoding(),
            Some(e) if e == "locale" => locale_encoding(),
            Some(e) => e,
        };
        let (codec, sig) = text_codec(&encoding)?;
        let cps = |s: &str| -> Vec<u32> { s.chars().map(|c| c as u32).collect() };
        let readuniversal = newline.as_deref().map(|s| s.is_empty()).unwrap_or(true);
        let readtranslate = newline.is_none();
        let writenl = match &newline {
            Some(s) if s == "\r" || s == "\r\n" => Some(cps(s)),
            _ => None,
        };
        let readable = ab::is_true(&ab::call_method(&buffer, "readable", &[])?)?;
        let writable = ab::is_true(&ab::call_method(&buffer, "writable", &[])?)?;
        let seekable = ab::is_true(&ab::call_method(&buffer, "seekable", &[])?)?;
        let has_read1 = ab::getattr_str_opt(&buffer, "read1")?.is_some();
        let fast = bufferedio::is_exact(&buffer);
        let mut encoder_started = false;
        if seekable && writable {
            let pos = ab::call_method(&buffer, "tell", &[])?;
            if int_arg(&pos)? != 0 {
                encoder_started = true;
            }
        }
        iobase::set_state(slf, State::Text(TextState {
            buffer: Some(buffer),
            encoding,
            codec,
            sig,
            sig_check: sig,
            errors,
            readuniversal,
            readtranslate,
            readnl: newline.as_deref().map(cps),
            writenl,
            line_buffering,
            write_through,
            chunk_size: 8192,
            readable,
            writable,
            seekable,
            telling: seekable,
            has_read1,
            nl: NlCore::new(readtranslate),
            pending_in: Vec::new(),
            decoded: Vec::new(),
            used: 0,
            char_ends: Vec::new(),
            snap: None,
            b2cratio: 0.0,
            cr_held: 0,
            decoded_start: 0,
            track: seekable,
            read_pos: 0,
            read_started: false,
            pending_out: Vec::new(),
            encoder_started,
            fast,
        }));
        Ok(())
    })())
}

fn reset_read(t: &mut TextState) {
    t.pending_in.clear();
    t.decoded.clear();
    t.char_ends.clear();
    t.snap = None;
    t.cr_held = 0;
    t.used = 0;
    t.read_started = false;
    t.nl.pendingcr = false;
}

fn write_flush(t: &mut TextState) -> PyResult<()> {
    if t.pending_out.is_empty() {
        return Ok(());
    }
    let data = std::mem::take(&mut t.pending_out);
    let b = buf(t);
    if t.fast {
        bufferedio::write(&b, &data)?;
    } else {
        ab::call_method(&b, "write", &[bytes::new(&data)])?;
    }
    Ok(())
}

fn buffer_read(t: &TextState, n: isize, one: bool) -> PyResult<Option<Vec<u8>>> {
    let b = buf(t);
    if t.fast {
        return if one { bufferedio::read1(&b, n).map(Some) } else { bufferedio::read(&b, n) };
    }
    let r = ab::call_method(&b, if one { "read1" } else { "read" }, &[long::from_i64(n as i64)])?;
    if none::is_none(&r) {
        return Ok(None);
    }
    if !bytes::is_bytes(&r) && !vm::objects::bytearray::is_bytearray(&r) {
        return Err(err::type_error(format!(
            "underlying {}() should have returned a bytes-like object, not '{}'",
            if one { "read1" } else { "read" },
            vm::typeobj::type_name(r.ob_type())
        )));
    }
    iobase::bytes_arg(&r).map(Some)
}

fn start_reading(t: &mut TextState) -> PyResult<()> {
    if !t.read_started {
        t.read_started = true;
        if t.track {
            let b = buf(t);
            let p = if t.fast { bufferedio::tell(&b)? } else { int_arg(&ab::call_method(&b, "tell", &[])?)? };
            t.read_pos = p;
            t.decoded_start = p;
        }
    }
    Ok(())
}

/// Decodes `data` (pending bytes already prepended) into chars and their byte lengths.
fn decode_data(t: &mut TextState, data: &[u8], final_: bool) -> PyResult<(Vec<u32>, Option<Vec<u32>>, usize)> {
    let mut bom_len = 0usize;
    let mut data = data;
    if t.sig_check {
        if data.len() < 3 && BOM8.starts_with(data) {
            return Ok((Vec::new(), Some(Vec::new()), data.len()));
        }
        t.sig_check = false;
        if data.starts_with(&BOM8) {
            data = &data[3..];
            bom_len = 3;
        }
    }
    let tail = if final_ { 0 } else { incomplete_tail(t.codec, data) };
    let mut body = &data[..data.len() - tail];
    // A BOM picks the byte order of utf-16/utf-32 for the rest of the stream.
    match t.codec {
        Codec::Utf16(None) if body.len() >= 2 => {
            t.codec = Codec::Utf16(Some(body[0] == 0xFE && body[1] == 0xFF));
            if (body[0], body[1]) == (0xFF, 0xFE) || (body[0], body[1]) == (0xFE, 0xFF) {
                body = &body[2..];
                bom_len += 2;
            }
        }
        Codec::Utf32(None) if body.len() >= 4 => {
            let be = body[..4] == [0, 0, 0xFE, 0xFF];
            t.codec = Codec::Utf32(Some(be));
            if be || body[..4] == [0xFF, 0xFE, 0, 0] {
                body = &body[4..];
                bom_len += 4;
            }
        }
        _ => {}
    }
    let s = bm::decode_bytes(body, codec_name(t.codec), &t.errors)?;
    let cps = unicode::data(&s).to_vec();
    let lens = if t.track {
        let mut l = char_lens(t.codec, &cps);
        if l.iter().map(|&x| x as usize).sum::<usize>() == body.len() {
            if bom_len > 0 && !l.is_empty() {
                l[0] += bom_len as u32;
            }
            Some(l)
        } else {
            None
        }
    } else {
        None
    };
    Ok((cps, lens, tail))
}

/// CPython's snapshot of a chunk: where its input starts, the decoder
/// flags then (1: a "\r" pending), that input, and where its chars begin
/// in `decoded`.
pub struct Snap {
    pub start: i64,
    pub flags: u32,
    pub input: Vec<u8>,
    pub char_start: usize,
}

/// Reads and decodes one chunk (CPython's `_read_chunk`: read1 of the chunk
/// size, or of `size_hint` chars' worth); `exact` reads that many bytes
/// with `read` instead, decoding them as final when `final_` (used by seek).
/// Returns false at end of file.
fn read_chunk(t: &mut TextState, size_hint: usize, exact: Option<(usize, bool)>) -> PyResult<bool> {
    start_reading(t)?;
    let input = match exact {
        Some((n, _)) => buffer_read(t, n as isize, false)?,
        None => {
            let hint = if size_hint > 0 { (t.b2cratio.max(1.0) * size_hint as f64) as usize } else { 0 };
            let size = t.chunk_size.max(hint.min(1 << 24));
            buffer_read(t, size as isize, t.has_read1)?
        }
    };
    let input = match input {
        Some(i) => i,
        None => {
            return Err(err::type_error(format!(
                "underlying {}() should have returned a bytes-like object, not 'NoneType'",
                if exact.is_none() && t.has_read1 { "read1" } else { "read" }
            )))
        }
    };
    let eof = match exact {
        Some((_, f)) => f,
        None => input.is_empty(),
    };
    let mut data = std::mem::take(&mut t.pending_in);
    let cr_len = std::mem::replace(&mut t.cr_held, 0);
    let base = t.read_pos - data.len() as i64;
    data.extend_from_slice(&input);
    t.read_pos += input.len() as i64;
    let (mut cps, mut lens, tail) = decode_data(t, &data, eof)?;
    let mut hold = tail;
    if t.readuniversal && !eof && cps.last() == Some(&CR) {
        cps.pop();
        let l = lens.as_mut().and_then(|l| l.pop()).unwrap_or(1);
        hold += l as usize;
        t.cr_held = l as usize;
    }
    t.pending_in = data[data.len() - hold..].to_vec();
    let cps = if t.readuniversal { translate_nl(&mut t.nl, cps, lens.as_mut()) } else { cps };
    // Drop what was consumed, keep the rest, append the new chars.
    if t.used > 0 {
        if let Some(&e) = t.char_ends.get(t.used - 1) {
            t.decoded_start = e;
        }
        t.decoded.drain(..t.used);
        if t.char_ends.len() >= t.used {
            t.char_ends.drain(..t.used);
        }
        t.used = 0;
    }
    if t.decoded.is_empty() {
        t.decoded_start = base;
        t.char_ends.clear();
    }
    match lens {
        Some(l) if t.track && t.char_ends.len() == t.decoded.len() => {
            let mut p = base;
            for x in l {
                p += x as i64;
                t.char_ends.push(p);
            }
        }
        _ => t.track = false,
    }
    if exact.is_none() {
        t.b2cratio = if cps.is_empty() { 0.0 } else { input.len() as f64 / cps.len() as f64 };
    }
    t.snap = if t.track {
        Some(Snap {
            start: base + cr_len as i64,
            flags: (cr_len > 0) as u32,
            input: data[cr_len.min(data.len())..].to_vec(),
            char_start: t.decoded.len(),
        })
    } else {
        None
    };
    t.decoded.extend_from_slice(&cps);
    Ok(!eof)
}

fn take_decoded(t: &mut TextState, n: usize) -> Vec<u32> {
    let avail = t.decoded.len() - t.used;
    let n = n.min(avail);
    let out = t.decoded[t.used..t.used + n].to_vec();
    t.used += n;
    out
}

fn check_readable(t: &TextState) -> PyResult<()> {
    if !t.readable {
        return Err(unsupported("not readable"));
    }
    Ok(())
}

pub fn read(o: &PyObj, n: isize) -> PyResult {
    let t = t_st(o)?;
    check_closed(t)?;
    check_readable(t)?;
    write_flush(t)?;
    if n < 0 {
        start_reading(t)?;
        let input = buffer_read(t, -1, false)?
            .ok_or_else(|| err::type_error("can't concat NoneType to bytes"))?;
        let mut data = std::mem::take(&mut t.pending_in);
        data.extend_from_slice(&input);
        t.read_pos += input.len() as i64;
        let (cps, _, _) = decode_data(t, &data, true)?;
        let cps = if t.readuniversal { nl_decode(&mut t.nl, cps, true) } else { cps };
        let mut out = take_decoded(t, usize::MAX);
        out.extend_from_slice(&cps);
        t.decoded.clear();
        t.char_ends.clear();
        t.snap = None;
        t.used = 0;
        t.decoded_start = t.read_pos;
        return Ok(unicode::from_codepoints(&out));
    }
    let n = n as usize;
    while t.decoded.len() - t.used < n {
        let remaining = n - (t.decoded.len() - t.used);
        if !read_chunk(t, remaining, None)? {
            break;
        }
    }
    Ok(unicode::from_codepoints(&take_decoded(t, n)))
}

pub fn readline(o: &PyObj, limit: isize) -> PyResult<Vec<u32>> {
    let t = t_st(o)?;
    check_closed(t)?;
    check_readable(t)?;
    write_flush(t)?;
    let mut scanned = 0usize;
    loop {
        let avail = &t.decoded[t.used..];
        let lim = if limit >= 0 { (limit as usize).min(avail.len()) } else { avail.len() };
        if let Some(e) = find_line_ending(&avail[scanned.min(lim)..lim], t.readtranslate, t.readuniversal, t.readnl.as_deref()) {
            return Ok(take_decoded(t, scanned.min(lim) + e));
        }
        if limit >= 0 && avail.len() >= limit as usize {
            return Ok(take_decoded(t, limit as usize));
        }
        // A multi-char separator may straddle the chunk boundary: rescan its tail.
        let nl_len = if t.readuniversal { 1 } else { t.readnl.as_ref().map(|v| v.len()).unwrap_or(1).max(1) };
        scanned = avail.len().saturating_sub(nl_len - 1);
        if !read_chunk(t, 0, None)? {
            let avail = t.decoded.len() - t.used;
            if let Some(e) = find_line_ending(&t.decoded[t.used..], t.readtranslate, t.readuniversal, t.readnl.as_deref()) {
                return Ok(take_decoded(t, e));
            }
            return Ok(take_decoded(t, avail));
        }
    }
}

pub fn write(o: &PyObj, text: &PyObj) -> PyResult<usize> {
    let t = t_st(o)?;
    if !unicode::is_str(text) {
        return Err(err::type_error(format!(
            "write() argument must be str, not {}",
            vm::typeobj::type_name(text.ob_type())
        )));
    }
    check_closed(t)?;
    if !t.writable {
        return Err(unsupported("not writable"));
    }
    let n = unicode::len(text);
    let (haslf, hascr) = match unicode::as_str_fast(text) {
        Some(s) => (s.contains('\n'), s.contains('\r')),
        None => {
            let d = unicode::data(text).to_vec();
            (d.contains(&LF), d.contains(&CR))
        }
    };
    let needflush = t.line_buffering && (haslf || hascr);
    let mut obj = text.clone();
    if haslf {
        if let Some(nl) = &t.writenl {
            let mut out = Vec::with_capacity(n + 8);
            for c in unicode::data(text).iter() {
                if c == LF {
                    out.extend_from_slice(nl);
                } else {
                    out.push(c);
                }
            }
            obj = unicode::from_codepoints(&out);
        }
    }
    let codec = match t.codec {
        Codec::Utf16(None) if t.encoder_started => Codec::Utf16(Some(false)),
        Codec::Utf32(None) if t.encoder_started => Codec::Utf32(Some(false)),
        c => c,
    };
    let b = bm::encode_str(&obj, codec_name(codec), &t.errors)?;
    if t.sig && !t.encoder_started {
        t.pending_out.extend_from_slice(&BOM8);
    }
    t.encoder_started = true;
    t.pending_out.extend_from_slice(bytes::as_slice(&b));
    if t.pending_out.len() > t.chunk_size || needflush || t.write_through {
        write_flush(t)?;
    }
    if needflush {
        let bo = buf(t);
        if t.fast {
            bufferedio::flush(&bo)?;
        } else {
            ab::call_method(&bo, "flush", &[])?;
        }
    }
    // As CPython: a write drops the decoded text and the snapshot, and
    // resets the decoder (seen newlines, a utf-8-sig BOM check).
    reset_read(t);
    if t.readable {
        t.nl.seennl = 0;
        t.sig_check = t.sig;
    }
    Ok(n)
}

pub fn flush(o: &PyObj) -> PyResult<()> {
    let t = t_st(o)?;
    check_closed(t)?;
    t.telling = t.seekable;
    write_flush(t)?;
    let b = buf(t);
    if t.fast {
        bufferedio::flush(&b)
    } else {
        ab::call_method(&b, "flush", &[]).map(|_| ())
    }
}

vm::fastcall!(tw_read, |slf, args| {
    vm::objects::methodobject::check_nargs("read", args, 0, 1)?;
    let n = size_arg(args.first())?;
    read(slf, n)
});
vm::fastcall!(tw_readline, |slf, args| {
    vm::objects::methodobject::check_nargs("readline", args, 0, 1)?;
    if let Some(a) = args.first() {
        if !long::is_int(a) && !none::is_none(a) {
            return Err(err::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm::typeobj::type_name(a.ob_type())
            )));
        }
    }
    let n = size_arg(args.first())?;
    Ok(unicode::from_codepoints(&readline(slf, n)?))
});
vm::onearg!(tw_write, |slf, text| { Ok(long::from_usize(write(slf, text.unwrap())?)) });
vm::fastcall!(tw_flush, |slf, args| { flush(slf).map(|_| none::none()) });

vm::fastcall!(tw_close, |slf, args| {
    let t = t_st(slf)?;
    if is_closed(t)? {
        return Ok(none::none());
    }
    let fl = ab::call_method(slf, "flush", &[]);
    let t = t_st(slf)?;
    let b = buf(t);
    let cl = if t.fast { bufferedio::close(&b) } else { ab::call_method(&b, "close", &[]).map(|_| ()) };
    match (fl, cl) {
        (Err(fe), Err(ce)) => {
            vm::objects::exceptions::set_context(&ce.0, Some(fe.0.clone()));
            Err(ce)
        }
        (Err(fe), Ok(())) => Err(fe),
        (Ok(_), Err(ce)) => Err(ce),
        (Ok(_), Ok(())) => Ok(none::none()),
    }
});

/// CPython's cookie layout (little-endian): start position (8 bytes),
/// decoder flags, bytes to feed, chars to skip (4 each), need_eof (1).
fn make_cookie(start: i64, dec_flags: u32, feed: u32, skip: u32, need_eof: bool) -> PyResult {
    if dec_flags == 0 && feed == 0 && skip == 0 && !need_eof {
        return Ok(long::from_i64(start));
    }
    let mut b = Vec::with_capacity(21);
    b.extend_from_slice(&start.to_le_bytes());
    b.extend_from_slice(&dec_flags.to_le_bytes());
    b.extend_from_slice(&feed.to_le_bytes());
    b.extend_from_slice(&skip.to_le_bytes());
    b.push(need_eof as u8);
    let int_t = vm::typeobj::type_obj(vm::objects::long::long_type());
    ab::call_method(&int_t, "from_bytes", &[bytes::new(&b), unicode::new("little")])
}

/// (start, dec_flags, bytes_to_feed, chars_to_skip, need_eof) of a cookie.
fn parse_cookie(c: &PyObj) -> PyResult<(i64, u32, u32, u32, bool)> {
    if let Ok(v) = ab::to_i64(c) {
        return Ok((v, 0, 0, 0, false));
    }
    err::take();
    let b = ab::call_method(c, "to_bytes", &[long::from_i64(21), unicode::new("little")])?;
    let d = bytes::as_slice(&b);
    let u32_at = |i: usize| u32::from_le_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]]);
    let mut sp = [0u8; 8];
    sp.copy_from_slice(&d[..8]);
    Ok((i64::from_le_bytes(sp), u32_at(8), u32_at(12), u32_at(16), d[20] != 0))
}

/// CPython's incremental decoder (codec, then newline decoder) as tell()
/// replays it byte by byte: buffered bytes, a pending "\r", chars out.
struct SimDecoder {
    codec: Codec,
    errors: String,
    universal: bool,
    translate: bool,
    pend: Vec<u8>,
    pendingcr: bool,
}

impl SimDecoder {
    fn setstate(&mut self, flags: u32) {
        self.pend.clear();
        self.pendingcr = self.universal && flags & 1 != 0;
    }

    fn state(&self) -> (usize, u32) {
        (self.pend.len(), if self.universal { self.pendingcr as u32 } else { 0 })
    }

    fn decode(&mut self, input: &[u8], final_: bool) -> PyResult<usize> {
        let mut data = std::mem::take(&mut self.pend);
        data.extend_from_slice(input);
        let tail = if final_ { 0 } else { incomplete_tail(self.codec, &data) };
        self.pend = data[data.len() - tail..].to_vec();
        let s = bm::decode_bytes(&data[..data.len() - tail], codec_name(self.codec), &self.errors)?;
        let mut out = unicode::data(&s).to_vec();
        if !self.universal {
            return Ok(out.len());
        }
        if self.pendingcr && (!out.is_empty() || final_) {
            out.insert(0, CR);
            self.pendingcr = false;
        }
        if !final_ && out.last() == Some(&CR) {
            out.pop();
            self.pendingcr = true;
        }
        let mut n = out.len();
        if self.translate {
            n -= out.windows(2).filter(|w| w[0] == CR && w[1] == LF).count();
        }
        Ok(n)
    }
}

/// `tell()` with CPython's algorithm from the last chunk's snapshot: find
/// the nearest point before the position where the decoder holds no bytes,
/// and say how many bytes to feed and chars to skip from there.
pub fn tell_cookie(o: &PyObj) -> PyResult {
    let pos = tell(o)?;
    let t = t_st(o)?;
    let snap = match (&t.snap, t.read_started && t.track) {
        (Some(s), true) if t.used >= s.char_start => s,
        _ => return Ok(long::from_i64(pos)),
    };
    let mut chars_to_skip = t.used - snap.char_start;
    let mut dec_flags = snap.flags;
    let position = snap.start;
    if chars_to_skip == 0 {
        return make_cookie(position, dec_flags, 0, 0, false);
    }
    let mut dec = SimDecoder {
        codec: t.codec,
        errors: if t.errors == "strict" { "surrogateescape".to_string() } else { t.errors.clone() },
        universal: t.readuniversal,
        translate: t.readtranslate,
        pend: Vec::new(),
        pendingcr: false,
    };
    let input = &snap.input;
    let mut skip_bytes = ((t.b2cratio * chars_to_skip as f64) as usize).min(input.len());
    let mut skip_back = 1usize;
    while skip_bytes > 0 {
        dec.setstate(snap.flags);
        let n = dec.decode(&input[..skip_bytes], false)?;
        if n <= chars_to_skip {
            let (buffered, flags) = dec.state();
            if buffered == 0 {
                dec_flags = flags;
                chars_to_skip -= n;
                break;
            }
            skip_bytes = skip_bytes.saturating_sub(buffered);
            skip_back = 1;
        } else {
            skip_bytes = skip_bytes.saturating_sub(skip_back);
            skip_back *= 2;
        }
    }
    if skip_bytes == 0 {
        dec.setstate(snap.flags);
    }
    let mut start_pos = position + skip_bytes as i64;
    let mut start_flags = dec_flags;
    if chars_to_skip == 0 {
        return make_cookie(start_pos, start_flags, 0, 0, false);
    }
    let (mut fed, mut decoded, mut need_eof) = (0usize, 0usize, false);
    let mut reached = false;
    for i in skip_bytes..input.len() {
        fed += 1;
        decoded += dec.decode(&input[i..i + 1], false)?;
        let (buffered, flags) = dec.state();
        if buffered == 0 && decoded <= chars_to_skip {
            start_pos += fed as i64;
            chars_to_skip -= decoded;
            start_flags = flags;
            fed = 0;
            decoded = 0;
        }
        if decoded >= chars_to_skip {
            reached = true;
            break;
        }
    }
    if !reached {
        decoded += dec.decode(b"", true)?;
        need_eof = true;
        if decoded < chars_to_skip {
            return Err(err::os_error("can't reconstruct logical file position"));
        }
    }
    make_cookie(start_pos, start_flags, fed as u32, chars_to_skip as u32, need_eof)
}

pub fn tell(o: &PyObj) -> PyResult<i64> {
    let t = t_st(o)?;
    check_closed(t)?;
    if !t.seekable {
        return Err(unsupported("underlying stream is not seekable"));
    }
    if !t.telling {
        return Err(err::os_error("telling position disabled by next() call"));
    }
    write_flush(t)?;
    let b = buf(t);
    if t.fast {
        bufferedio::flush(&b)?;
    } else {
        ab::call_method(&b, "flush", &[])?;
    }
    if !t.read_started {
        return if t.fast { bufferedio::tell(&b) } else { int_arg(&ab::call_method(&b, "tell", &[])?) };
    }
    if !t.track {
        return Err(err::os_error("can't reconstruct logical file position"));
    }
    if t.used == 0 {
        return Ok(t.decoded_start);
    }
    Ok(t.char_ends.get(t.used - 1).copied().unwrap_or(t.read_pos))
}

vm::fastcall!(tw_tell, |slf, args| { tell_cookie(slf) });

vm::fastcall!(tw_seek, |slf, args| {
    vm::objects::methodobject::check_nargs("seek", args, 1, 2)?;
    let t = t_st(slf)?;
    check_closed(t)?;
    if !t.seekable {
        return Err(unsupported("underlying stream is not seekable"));
    }
    let whence = match args.get(1) {
        Some(w) => int_arg(w)?,
        None => 0,
    };
    let cookie_obj = args[0].clone();
    let b = buf(t);
    match whence {
        1 => {
            if !ab::eq(&cookie_obj, &long::from_i64(0))? {
                return Err(unsupported("can't do nonzero cur-relative seeks"));
            }
            let pos = tell_cookie(slf)?;
            let c = parse_cookie(&pos)?;
            seek_to(slf, c)?;
            return Ok(pos);
        }
        2 => {
            if !ab::eq(&cookie_obj, &long::from_i64(0))? {
                return Err(unsupported("can't do nonzero end-relative seeks"));
            }
            ab::call_method(slf, "flush", &[])?;
            let t = t_st(slf)?;
            reset_read(t);
            t.nl.seennl = 0;
            let r = ab::call_method(&b, "seek", &[long::from_i64(0), long::from_i64(2)])?;
            t.encoder_started = int_arg(&r)? != 0;
            return Ok(r);
        }
        0 => {}
        _ => return Err(err::value_error(format!("invalid whence ({}, should be 0, 1 or 2)", whence))),
    }
    // As CPython: the cookie is compared with 0, then converted with int().
    if ab::rich_compare_bool(&cookie_obj, &long::from_i64(0), 0)? {
        return Err(err::value_error(format!("negative seek position {}", ab::repr_string(&cookie_obj)?)));
    }
    let as_int = ab::call1(&vm::typeobj::type_obj(vm::objects::long::long_type()), &cookie_obj)?;
    let c = parse_cookie(&as_int)?;
    seek_to(slf, c)?;
    Ok(cookie_obj)
});

/// The encoded "\r" of a codec (what a pending "\r" stands for).
fn cr_bytes(c: Codec) -> Vec<u8> {
    match c {
        Codec::Utf16(Some(true)) => vec![0, 0x0D],
        Codec::Utf16(_) => vec![0x0D, 0],
        Codec::Utf32(Some(true)) => vec![0, 0, 0, 0x0D],
        Codec::Utf32(_) => vec![0x0D, 0, 0, 0],
        _ => vec![0x0D],
    }
}

/// Seeks to a cookie as CPython does: buffer to its start, the decoder in
/// its state there (a pending "\r" is held as its bytes), then feed its
/// bytes and skip its chars.
fn seek_to(slf: &PyObj, c: (i64, u32, u32, u32, bool)) -> PyResult<()> {
    let (start, dec_flags, feed, skip, need_eof) = c;
    ab::call_method(slf, "flush", &[])?;
    let t = t_st(slf)?;
    let b = buf(t);
    reset_read(t);
    ab::call_method(&b, "seek", &[long::from_i64(start)])?;
    t.track = true;
    t.encoder_started = start != 0;
    if start == 0 && dec_flags == 0 {
        // Seeking to the start resets the decoders (seen newlines, a BOM to skip).
        t.nl.seennl = 0;
        t.sig_check = t.sig;
    }
    t.read_started = true;
    t.read_pos = start;
    t.decoded_start = start;
    if dec_flags & 1 != 0 && t.readuniversal {
        let cr = cr_bytes(t.codec);
        t.cr_held = cr.len();
        t.decoded_start = start - cr.len() as i64;
        t.pending_in = cr;
    }
    t.snap = Some(Snap { start, flags: dec_flags & 1, input: Vec::new(), char_start: 0 });
    if skip > 0 {
        read_chunk(t, 0, Some((feed as usize, need_eof)))?;
        if t.decoded.len() < skip as usize {
            return Err(err::os_error("can't restore logical file position"));
        }
        t.used = skip as usize;
    }
    Ok(())
}

vm::fastcall!(tw_truncate, |slf, args| {
    vm::objects::methodobject::check_nargs("truncate", args, 0, 1)?;
    ab::call_method(slf, "flush", &[])?;
    let t = t_st(slf)?;
    let pos = args.first().cloned().unwrap_or_else(none::none);
    ab::call_method(&buf(t), "truncate", &[pos])
});

vm::fastcall!(tw_detach, |slf, args| {
    ab::call_method(slf, "flush", &[])?;
    let t = t_st(slf)?;
    Ok(t.buffer.take().unwrap_or_else(none::none))
});

fn tw_delegate(slf: &PyObj, name: &str) -> PyResult {
    let t = t_st(slf)?;
    ab::call_method(&buf(t), name, &[])
}
vm::fastcall!(tw_fileno, |slf, args| { tw_delegate(slf, "fileno") });
vm::fastcall!(tw_isatty, |slf, args| { tw_delegate(slf, "isatty") });
vm::fastcall!(tw_seekable, |slf, args| { tw_delegate(slf, "seekable") });
vm::fastcall!(tw_readable, |slf, args| { tw_delegate(slf, "readable") });
vm::fastcall!(tw_writable, |slf, args| { tw_delegate(slf, "writable") });

vm::fastcall_kw!(tw_reconfigure, |slf, args, kw| {
    if args.len() > kw.map(tuple::len).unwrap_or(0) {
        return Err(err::type_error("reconfigure() takes no positional arguments"));
    }
    let a = iobase::clinic_bind(
        "reconfigure",
        args,
        kw,
        &["encoding", "errors", "newline", "line_buffering", "write_through"],
        0,
    )?;
    let t = t_st(slf)?;
    let changing_codec = iobase::given(&a[0]).is_some() || iobase::given(&a[1]).is_some() || a[2].is_some();
    if changing_codec && (!t.decoded.is_empty() && t.used < t.decoded.len() || !t.pending_in.is_empty()) {
        return Err(unsupported("It is not possible to set the encoding or newline of stream after the first read"));
    }
    let newline = match &a[2] {
        None => None,
        Some(v) if none::is_none(v) => Some(None),
        Some(v) => {
            if !unicode::is_str(v) {
                return Err(err::type_error(format!(
                    "reconfigure() argument 'newline' must be str or None, not {}",
                    vm::typeobj::type_name(v.ob_type())
                )));
            }
            let s = unicode::to_string_lossy(v);
            if !matches!(s.as_str(), "" | "\n" | "\r" | "\r\n") {
                return Err(err::value_error(format!("illegal newline value: {}", s)));
            }
            Some(Some(s))
        }
    };
    ab::call_method(slf, "flush", &[])?;
    let t = t_st(slf)?;
    if let Some(e) = iobase::given(&a[0]) {
        if !unicode::is_str(e) {
            return Err(err::type_error(format!(
                "reconfigure() argument 'encoding' must be str or None, not {}",
                vm::typeobj::type_name(e.ob_type())
            )));
        }
        let mut name = unicode::to_string_lossy(e);
        if name == "locale" {
            name = locale_encoding();
        }
        let (codec, sig) = text_codec(&name)?;
        t.codec = codec;
        t.sig = sig;
        t.sig_check = sig;
        t.encoding = name;
        if iobase::given(&a[1]).is_none() {
            t.errors = "strict".to_string();
        }
    }
    if let Some(e) = iobase::given(&a[1]) {
        if !unicode::is_str(e) {
            return Err(err::type_error(format!(
                "reconfigure() argument 'errors' must be str or None, not {}",
                vm::typeobj::type_name(e.ob_type())
            )));
        }
        t.errors = unicode::to_string_lossy(e);
    }
    if let Some(nl) = newline {
        let cps = |s: &str| -> Vec<u32> { s.chars().map(|c| c as u32).collect() };
        t.readuniversal = nl.as_deref().map(|s| s.is_empty()).unwrap_or(true);
        t.readtranslate = nl.is_none();
        t.readnl = nl.as_deref().map(cps);
        t.writenl = match &nl {
            Some(s) if s == "\r" || s == "\r\n" => Some(cps(s)),
            _ => None,
        };
        t.nl = NlCore::new(t.readtranslate);
    }
    if let Some(v) = iobase::given(&a[3]) {
        t.line_buffering = ab::is_true(v)?;
    }
    if let Some(v) = iobase::given(&a[4]) {
        t.write_through = ab::is_true(v)?;
    }
    Ok(none::none())
});

macro_rules! getter {
    ($name:ident, |$t:ident| $body:expr) => {
        unsafe extern "C" fn $name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
            err::into_ptr((|| -> PyResult {
                let $t = t_st(PyObj::borrow(&o))?;
                $body
            })())
        }
    };
}
getter!(tw_get_encoding, |t| Ok(unicode::new(&t.encoding)));
getter!(tw_get_errors, |t| Ok(unicode::new(&t.errors)));
getter!(tw_get_line_buffering, |t| Ok(boolobject::new(t.line_buffering)));
getter!(tw_get_write_through, |t| Ok(boolobject::new(t.write_through)));
getter!(tw_get_buffer, |t| Ok(buf(t)));
getter!(tw_get_closed, |t| ab::getattr_str(&buf(t), "closed"));
getter!(tw_get_name, |t| ab::getattr_str(&buf(t), "name"));
getter!(tw_get_chunk_size, |t| Ok(long::from_usize(t.chunk_size)));
getter!(tw_get_newlines, |t| Ok(if t.readable && t.readuniversal { nl_newlines(&t.nl) } else { none::none() }));

unsafe extern "C" fn tw_set_chunk_size(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    err::int_result((|| -> PyResult<()> {
        let t = t_st(PyObj::borrow(&o))?;
        if v.is_null() {
            return Err(err::attribute_error("cannot delete attribute"));
        }
        let n = int_arg(PyObj::borrow(&v))?;
        if n <= 0 {
            return Err(err::value_error("a strictly positive integer is required"));
        }
        t.chunk_size = n as usize;
        Ok(())
    })())
}

unsafe extern "C" fn tw_repr(o: *mut PyObject) -> *mut PyObject {
    let s = PyObj::borrow(&o);
    err::into_ptr((|| -> PyResult {
        let tn = vm::typeobj::type_name(s.ob_type());
        let tn = if vm::typeobj::is_heap(s.ob_type()) { tn } else { format!("_io.{}", tn) };
        let t = raw_t(s)?;
        if t.buffer.is_none() {
            return Err(err::value_error("underlying buffer has been detached"));
        }
        if ab::repr_enter(s) {
            return Err(err::runtime_error(format!("reentrant call inside {}.__repr__", tn)));
        }
        let r = (|| -> PyResult<String> {
            let mut out = format!("<{}", tn);
            let is_exc = |e: &err::PyErr| iobase::err_is(e, unsafe { vm::objects::exceptions::PyExc_Exception });
            match ab::getattr_str(s, "name") {
                Ok(n) => out.push_str(&format!(" name={}", ab::repr_string(&n)?)),
                Err(e) if is_exc(&e) => {}
                Err(e) => return Err(e),
            }
            match ab::getattr_str(s, "mode") {
                Ok(m) => out.push_str(&format!(" mode={}", ab::repr_string(&m)?)),
                Err(e) if is_exc(&e) => {}
                Err(e) => return Err(e),
            }
            let t = raw_t(s)?;
            out.push_str(&format!(" encoding='{}'>", t.encoding));
            Ok(out)
        })();
        ab::repr_leave(s);
        Ok(unicode::new(&r?))
    })())
}

unsafe extern "C" fn tw_iternext(o: *mut PyObject) -> *mut PyObject {
    let s = PyObj::borrow(&o);
    let r = (|| -> PyResult<Option<PyObj>> {
        let exact = s.ob_type() == &raw mut TEXTIOWRAPPER_TYPE;
        if let Ok(t) = t_st(s) {
            t.telling = false;
        }
        let line = if exact {
            unicode::from_codepoints(&readline(s, -1)?)
        } else {
            let l = ab::call_method(s, "readline", &[])?;
            if !unicode::is_str(&l) {
                return Err(err::os_error(format!(
                    "readline() should have returned a str object, not '{}'",
                    vm::typeobj::type_name(l.ob_type())
                )));
            }
            l
        };
        if unicode::len(&line) == 0 {
            let t = t_st(s)?;
            t.telling = t.seekable;
            return Ok(None);
        }
        Ok(Some(line))
    })();
    match r {
        Ok(Some(l)) => l.into_ptr(),
        Ok(None) => std::ptr::null_mut(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

pub fn is_exact(o: &PyObj) -> bool {
    o.ob_type() == &raw mut TEXTIOWRAPPER_TYPE
}

/// Whether print may call `write` directly: an exact TextIOWrapper whose
/// instance dict does not override `write`.
pub fn accepts_fast_write(o: &PyObj) -> bool {
    is_exact(o)
        && match vm::typeobj::instance_dict(o) {
            Some(d) => vm::objects::dict::get_item_rs(&d, "write").is_none(),
            None => true,
        }
}

pub fn fast_write(o: &PyObj, text: &PyObj) -> PyResult<()> {
    write(o, text).map(|_| ())
}

pub unsafe fn init_types() {
    use vm::objects::descr::{set_getsets, set_methods};
    let t = &raw mut TEXTIOWRAPPER_TYPE;
    iobase::init_concrete_type(t, &raw mut iobase::TEXTIOBASE_TYPE);
    (*t).tp_init = Some(textio_init);
    (*t).tp_repr = Some(tw_repr);
    (*t).tp_iternext = Some(tw_iternext);
    set_methods(t, &[
        ("read", tw_read as *const c_void, meth::FASTCALL, ""),
        ("readline", tw_readline as *const c_void, meth::FASTCALL, ""),
        ("write", tw_write as *const c_void, meth::O, ""),
        ("flush", tw_flush as *const c_void, meth::FASTCALL, ""),
        ("close", tw_close as *const c_void, meth::FASTCALL, ""),
        ("tell", tw_tell as *const c_void, meth::FASTCALL, ""),
        ("seek", tw_seek as *const c_void, meth::FASTCALL, ""),
        ("truncate", tw_truncate as *const c_void, meth::FASTCALL, ""),
        ("detach", tw_detach as *const c_void, meth::FASTCALL, ""),
        ("fileno", tw_fileno as *const c_void, meth::FASTCALL, ""),
        ("isatty", tw_isatty as *const c_void, meth::FASTCALL, ""),
        ("seekable", tw_seekable as *const c_void, meth::FASTCALL, ""),
        ("readable", tw_readable as *const c_void, meth::FASTCALL, ""),
        ("writable", tw_writable as *const c_void, meth::FASTCALL, ""),
        ("reconfigure", tw_reconfigure as *const c_void, meth::FASTCALL | meth::KEYWORDS, ""),
    ]);
    set_getsets(t, &[
        ("encoding", tw_get_encoding as *const c_void, std::ptr::null()),
        ("errors", tw_get_errors as *const c_void, std::ptr::null()),
        ("line_buffering", tw_get_line_buffering as *const c_void, std::ptr::null()),
        ("write_through", tw_get_write_through as *const c_void, std::ptr::null()),
        ("buffer", tw_get_buffer as *const c_void, std::ptr::null()),
        ("closed", tw_get_closed as *const c_void, std::ptr::null()),
        ("name", tw_get_name as *const c_void, std::ptr::null()),
        ("newlines", tw_get_newlines as *const c_void, std::ptr::null()),
        ("_CHUNK_SIZE", tw_get_chunk_size as *const c_void, tw_set_chunk_size as *const c_void),
    ]);
    let n = &raw mut NLDECODER_TYPE;
    (*n).tp_new = Some(iobase::io_new);
    (*n).tp_dealloc = Some(iobase::io_dealloc);
    (*n).tp_traverse = Some(iobase::io_traverse);
    (*n).tp_clear = Some(iobase::io_clear);
    (*n).tp_flags |= flags::BASETYPE | flags::HAVE_GC;
    (*n).tp_init = Some(nld_init);
    set_methods(n, &[
        ("decode", nld_decode as *const c_void, meth::FASTCALL | meth::KEYWORDS, ""),
        ("getstate", nld_getstate as *const c_void, meth::FASTCALL, ""),
        ("setstate", nld_setstate as *const c_void, meth::O, ""),
        ("reset", nld_reset as *const c_void, meth::FASTCALL, ""),
    ]);
    set_getsets(n, &[("newlines", nld_get_newlines as *const c_void, std::ptr::null())]);
}
