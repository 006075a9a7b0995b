//! `marshal`: CPython 3.11's marshal format (versions 0-4, with object
//! references), read and written byte for byte as CPython does for data
//! values. Code objects are written in Pyrite's own layout under TYPE_CODE
//! (see `Writer::code`); CPython's code layout is recognised and rejected.
//!
//! References (FLAG_REF/TYPE_REF) follow CPython's rule: an object is
//! remembered when its reference count says it may be shared, and interned
//! strings always are.

use num_bigint::{BigInt, Sign};
use std::collections::HashMap;
use std::os::raw::c_void;
use vm::bytecode::{ExceptionEntry, Instruction, Location, Opcode};
use vm::err::{self, PyErr, PyResult};
use vm::object::meth;
use vm::objects::code_marshal::{self, CodeParts};
use vm::objects::{boolobject, bytearray, bytes, code, complex, dict, float, list, long, memoryview, module, none, setobject, tuple, unicode};
use vm::objref::PyObj;

const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
const TYPE_INT64: u8 = b'I';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_CODE: u8 = b'c';
const TYPE_UNICODE: u8 = b'u';
const TYPE_UNKNOWN: u8 = b'?';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
const FLAG_REF: u8 = 0x80;

/// CPython's MAX_MARSHAL_STACK_DEPTH (non-Windows).
const MAX_DEPTH: usize = 2000;
const SIZE32_MAX: u64 = 0x7fff_ffff;

/// The current format version (`marshal.version`).
pub const VERSION: i32 = 4;
/// First bytes of a Pyrite code object after its type code. CPython writes
/// `co_argcount` there, which never has this value in practice.
pub const CODE_MAGIC: &[u8; 4] = b"PYRT";
/// Version of Pyrite's code-object layout; bump it (and the .pyc magic)
/// whenever the layout or the bytecode changes.
pub const CODE_LAYOUT_VERSION: u32 = 3;
/// The magic number of Pyrite's .pyc files (`importlib.util.MAGIC_NUMBER`):
/// a little-endian 16-bit word then b"\r\n", as CPython's. The word is
/// 0x7900 (30976) plus the layout version: it changes with the layout and
/// is no CPython magic (3.x uses 3000..3999; 2.x used 20121 and 50428 up).
pub const PYC_MAGIC: [u8; 4] = {
    let w = (0x7900 + CODE_LAYOUT_VERSION) as u16;
    [w as u8, (w >> 8) as u8, b'\r', b'\n']
};

/// The bytecode cache's codec (vm/src/import_cache.rs): code objects to
/// marshal data (`cache_load` reads them back).
pub fn cache_dump(code: &PyObj) -> PyResult<Vec<u8>> {
    dumps(code, VERSION)
}

// ====================================================================== writing

enum WErr {
    Unmarshallable,
    TooDeep,
}

struct Writer {
    out: Vec<u8>,
    version: i32,
    depth: usize,
    /// Remembered objects (by address) and their reference index.
    refs: HashMap<usize, u32>,
    /// Keeps remembered objects alive (and their addresses unique) while writing.
    keep: Vec<PyObj>,
    /// The filename the last code object was written with (see `code`).
    filename: Option<PyObj>,
}

fn stop_iteration() -> *mut vm::object::PyObject {
    unsafe { vm::objects::exceptions::PyExc_StopIteration as *mut vm::object::PyObject }
}

impl Writer {
    fn new(version: i32) -> Writer {
        Writer { out: Vec::with_capacity(64), version, depth: 0, refs: HashMap::new(), keep: Vec::new(), filename: None }
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }
    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }
    fn size(&mut self, n: usize) -> Result<(), WErr> {
        if n as u64 > SIZE32_MAX {
            return Err(WErr::Unmarshallable);
        }
        self.long(n as i32);
        Ok(())
    }
    fn pstring(&mut self, s: &[u8]) -> Result<(), WErr> {
        self.size(s.len())?;
        self.out.extend_from_slice(s);
        Ok(())
    }
    fn u32(&mut self, x: u32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }
    /// LEB128: 7 bits a byte, low bits first, high bit set on all but the last.
    fn varint(&mut self, mut x: u32) {
        while x >= 0x80 {
            self.out.push(x as u8 | 0x80);
            x >>= 7;
        }
        self.out.push(x as u8);
    }
    /// `to - from` wrapping, zigzag-encoded (small negative deltas stay small).
    fn delta(&mut self, from: u32, to: u32) {
        let d = to.wrapping_sub(from) as i32;
        self.varint(((d << 1) ^ (d >> 31)) as u32);
    }

    /// Whether `v` may be shared, by CPython's rule (more than one reference).
    /// `extra` counts references CPython would hold that Pyrite does not.
    fn shared(v: &PyObj, extra: isize) -> bool {
        // CPython 3.11.7 always remembers interned strings (stable .pyc files).
        if unicode::is_exact_str(v) && unicode::is_interned(v) {
            return true;
        }
        v.refcnt() + extra > 1
    }

    fn object(&mut self, v: &PyObj, extra: isize) -> Result<(), WErr> {
        self.depth += 1;
        let r = self.object_inner(v, extra);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, v: &PyObj, extra: isize) -> Result<(), WErr> {
        if self.depth > MAX_DEPTH {
            return Err(WErr::TooDeep);
        }
        if none::is_none(v) {
            self.byte(TYPE_NONE);
            return Ok(());
        }
        if v.is_ptr(stop_iteration()) {
            self.byte(TYPE_STOPITER);
            return Ok(());
        }
        if v.is(&vm::objects::slice::ellipsis()) {
            self.byte(TYPE_ELLIPSIS);
            return Ok(());
        }
        if v.ob_type() == boolobject::bool_type() {
            self.byte(if v.is(&boolobject::new(true)) { TYPE_TRUE } else { TYPE_FALSE });
            return Ok(());
        }
        let mut flag = 0u8;
        if self.version >= 3 && Self::shared(v, extra) {
            let key = v.as_ptr() as usize;
            if let Some(&ix) = self.refs.get(&key) {
                self.byte(TYPE_REF);
                self.long(ix as i32);
                return Ok(());
            }
            let ix = self.refs.len();
            if ix as u64 >= SIZE32_MAX {
                return Err(WErr::Unmarshallable);
            }
            self.refs.insert(key, ix as u32);
            self.keep.push(v.clone());
            flag = FLAG_REF;
        }
        self.complex_object(v, flag)
    }

    fn complex_object(&mut self, v: &PyObj, flag: u8) -> Result<(), WErr> {
        if long::is_exact_int(v) {
            match long::as_i64(v) {
                Some(x) if x >= i32::MIN as i64 && x <= i32::MAX as i64 => {
                    self.byte(TYPE_INT | flag);
                    self.long(x as i32);
                }
                _ => self.py_long(v, flag)?,
            }
        } else if float::is_exact_float(v) {
            self.float(float::value(v), TYPE_BINARY_FLOAT, TYPE_FLOAT, flag, None);
        } else if complex::is_exact_complex(v) {
            let c = complex::value(v);
            self.float(c.real, TYPE_BINARY_COMPLEX, TYPE_COMPLEX, flag, Some(c.imag));
        } else if bytes::is_exact_bytes(v) {
            self.byte(TYPE_STRING | flag);
            self.pstring(bytes::as_slice(v))?;
        } else if unicode::is_exact_str(v) {
            self.string(v, flag)?;
        } else if tuple::is_exact_tuple(v) {
            let items = tuple::items(v);
            if self.version >= 4 && items.len() < 256 {
                self.byte(TYPE_SMALL_TUPLE | flag);
                self.byte(items.len() as u8);
            } else {
                self.byte(TYPE_TUPLE | flag);
                self.size(items.len())?;
            }
            for it in items {
                self.object(it, 0)?;
            }
        } else if list::is_exact_list(v) {
            self.byte(TYPE_LIST | flag);
            let n = list::len(v);
            self.size(n)?;
            // Index each time: the list cannot change while marshal runs,
            // but a borrowed slice must not outlive a reallocation.
            for i in 0..n {
                let p = match list::items(v).get(i) {
                    Some(p) => p.as_ptr(),
                    None => break,
                };
                self.object(unsafe { PyObj::borrow(&p) }, 0)?;
            }
        } else if dict::is_exact_dict(v) {
            self.byte(TYPE_DICT | flag);
            let mut pos = 0;
            while let Some((k, val, _)) = dict::next_entry(v, &mut pos) {
                self.object(unsafe { PyObj::borrow(&k) }, 0)?;
                self.object(unsafe { PyObj::borrow(&val) }, 0)?;
            }
            self.byte(TYPE_NULL);
        } else if v.ob_type() == setobject::set_type() || v.ob_type() == setobject::frozenset_type() {
            self.byte(if setobject::is_frozenset(v) { TYPE_FROZENSET } else { TYPE_SET } | flag);
            let items = setobject::items(v);
            self.size(items.len())?;
            // As CPython 3.11: elements sorted by their own marshalled form,
            // so the output does not depend on hash randomization.
            let mut keyed = Vec::with_capacity(items.len());
            for it in items {
                let mut w = Writer::new(self.version);
                // `items` holds one reference CPython does not hold here.
                w.object(&it, -1).map_err(|_| WErr::Unmarshallable)?;
                keyed.push((w.out, it));
            }
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            for (_, it) in &keyed {
                // CPython holds each element in a (dump, value) pair as well
                // as in the set; `keyed` is that pair here.
                self.object(it, 0)?;
            }
        } else if code::is_code(v) {
            self.byte(TYPE_CODE | flag);
            self.code(v)?;
        } else if memoryview::has_buffer(v) {
            let data = bytearray::bytes_like_data(v).map_err(|_| WErr::Unmarshallable)?;
            self.byte(TYPE_STRING | flag);
            self.pstring(&data)?;
        } else {
            self.byte(TYPE_UNKNOWN | flag);
            return Err(WErr::Unmarshallable);
        }
        Ok(())
    }

    fn py_long(&mut self, v: &PyObj, flag: u8) -> Result<(), WErr> {
        self.byte(TYPE_LONG | flag);
        let b = long::to_bigint(v);
        let (sign, mag) = b.to_bytes_le();
        // Base-2**15 digits, least significant first.
        let mut digits: Vec<u16> = Vec::new();
        let (mut acc, mut nbits) = (0u32, 0u32);
        for byte in mag {
            acc |= (byte as u32) << nbits;
            nbits += 8;
            while nbits >= 15 {
                digits.push((acc & 0x7fff) as u16);
                acc >>= 15;
                nbits -= 15;
            }
        }
        if nbits > 0 {
            digits.push(acc as u16);
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        if digits.len() as u64 > SIZE32_MAX {
            return Err(WErr::Unmarshallable);
        }
        let n = digits.len() as i32;
        self.long(if sign == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }

    fn float(&mut self, x: f64, bin: u8, text: u8, flag: u8, imag: Option<f64>) {
        let vals: Vec<f64> = std::iter::once(x).chain(imag).collect();
        if self.version > 1 {
            self.byte(bin | flag);
            for v in vals {
                self.out.extend_from_slice(&v.to_le_bytes());
            }
        } else {
            self.byte(text | flag);
            for v in vals {
                let s = vm::format::double_to_string(v, 'g', 17, 0);
                self.byte(s.len() as u8);
                self.out.extend_from_slice(s.as_bytes());
            }
        }
    }

    fn string(&mut self, v: &PyObj, flag: u8) -> Result<(), WErr> {
        let interned = unicode::is_interned(v);
        if self.version >= 4 && unicode::is_ascii(v) {
            let data: Vec<u8> = vm::codecs::unicode_codecs::cps_of(v).iter().map(|&c| c as u8).collect();
            if data.len() < 256 {
                self.byte(if interned { TYPE_SHORT_ASCII_INTERNED } else { TYPE_SHORT_ASCII } | flag);
                self.byte(data.len() as u8);
                self.out.extend_from_slice(&data);
            } else {
                self.byte(if interned { TYPE_ASCII_INTERNED } else { TYPE_ASCII } | flag);
                self.pstring(&data)?;
            }
        } else {
            let utf8 = utf8_surrogatepass(v);
            self.byte(if self.version >= 3 && interned { TYPE_INTERNED } else { TYPE_UNICODE } | flag);
            self.pstring(&utf8)?;
        }
        Ok(())
    }

    fn str_tuple(&mut self, v: &[PyObj]) -> Result<(), WErr> {
        // A fresh tuple has one reference, so it is never remembered.
        let t = tuple::from_slice(v);
        self.object(&t, 0)
    }

    /// Pyrite's code layout, after the TYPE_CODE byte: `b"PYRT"`, u32 layout
    /// version, 8-byte build id of the executable (vm::import_cache::build_id),
    /// u32 byte length of the tables that follow, then the tables:
    /// - argcount, posonlyargcount, kwonlyargcount, flags, stacksize,
    ///   firstlineno (varints); u8 has_docstring;
    /// - ninstrs, then per instruction u8 opcode and its arg (varint);
    /// - locations as runs of equal ones covering the ninstrs instructions,
    ///   each a head byte then varints: head bits 0-2 are run length - 1
    ///   (7: the length follows), bits 3-5 lineno - the previous run's lineno
    ///   (firstlineno for the first run; 7: a signed delta follows), bit 6
    ///   set when end_lineno != lineno (a signed end_lineno - lineno
    ///   follows), bit 7 set when end_col < col; then col, then |end_col -
    ///   col|;
    /// - nentries, then per exception-table entry start, end - start, target,
    ///   depth (varints) and u8 lasti;
    ///
    /// then objects: consts, names, varnames, cellvars, freevars, localsplus
    /// names (tuples), filename, name, qualname (str; the filename is the
    /// object the previous code object wrote, when equal); last, u64 checksum
    /// (`checksum`) of all the bytes from the magic on (nested objects
    /// included), so that corruption is caught before the validator has to.
    /// Varints are LEB128 (7 bits a byte, low first, at most 5 bytes); signed
    /// deltas wrap modulo 2**32 and are zigzag-encoded, so every u32 value
    /// round-trips. Fixed-size integers are little-endian. Most instructions
    /// take 2 bytes and most locations 3 shared by a run of instructions;
    /// u32 fields everywhere made cache files 2.5x the size of CPython's.
    fn code(&mut self, v: &PyObj) -> Result<(), WErr> {
        let d = code::data(v);
        let start = self.out.len();
        self.out.extend_from_slice(CODE_MAGIC);
        self.u32(CODE_LAYOUT_VERSION);
        self.out.extend_from_slice(&vm::import_cache::build_id());
        let len_at = self.out.len();
        self.u32(0);
        for x in [d.argcount, d.posonlyargcount, d.kwonlyargcount, d.flags, d.stacksize, d.firstlineno] {
            self.varint(x);
        }
        self.byte(d.has_docstring as u8);
        let n = d.instrs.len();
        self.varint(count(n)?);
        for ins in &d.instrs {
            self.byte(ins.op as u8);
            self.varint(ins.arg);
        }
        let loc = |k: usize| d.locations.get(k).copied().unwrap_or_default();
        let (mut k, mut prev_line) = (0, d.firstlineno);
        while k < n {
            let l = loc(k);
            let mut run = 1;
            while k + run < n && loc(k + run) == l {
                run += 1;
            }
            let line = l.lineno.wrapping_sub(prev_line);
            let back = l.end_col < l.col;
            let mut head = if run < 8 { run as u8 - 1 } else { 7 };
            head |= if line < 7 { (line as u8) << 3 } else { 7 << 3 };
            head |= ((l.end_lineno != l.lineno) as u8) << 6 | (back as u8) << 7;
            self.byte(head);
            if run >= 8 {
                self.varint(run as u32);
            }
            if line >= 7 {
                self.delta(prev_line, l.lineno);
            }
            if l.end_lineno != l.lineno {
                self.delta(l.lineno, l.end_lineno);
            }
            self.varint(l.col);
            self.varint(if back { l.col - l.end_col } else { l.end_col - l.col });
            prev_line = l.lineno;
            k += run;
        }
        self.varint(count(d.exception_table.len())?);
        for e in &d.exception_table {
            self.varint(e.start);
            self.varint(e.end.wrapping_sub(e.start));
            self.varint(e.target);
            self.varint(e.depth);
            self.byte(e.lasti as u8);
        }
        let len = count(self.out.len() - len_at - 4)?;
        self.out[len_at..len_at + 4].copy_from_slice(&len.to_le_bytes());
        self.str_tuple(&d.consts)?;
        for names in [&d.names, &d.varnames, &d.cellvars, &d.freevars, &d.localsplus_names] {
            self.str_tuple(names)?;
        }
        // A module's code objects each hold their own copy of its filename:
        // writing the first copy for all makes the rest references (the copy
        // kept here makes it shared), a sixth of a cache file before.
        let filename = match &self.filename {
            Some(f) if unicode::is_exact_str(&d.filename) && unicode::eq(f, &d.filename) => f.clone(),
            _ => {
                self.filename = Some(d.filename.clone());
                d.filename.clone()
            }
        };
        self.object(&filename, 0)?;
        self.object(&d.name, 0)?;
        self.object(&d.qualname, 0)?;
        let sum = checksum(&self.out[start..]);
        self.out.extend_from_slice(&sum.to_le_bytes());
        Ok(())
    }
}

/// A count or length as the code layout stores it (at most 2**31-1).
fn count(n: usize) -> Result<u32, WErr> {
    if n as u64 > SIZE32_MAX {
        return Err(WErr::Unmarshallable);
    }
    Ok(n as u32)
}

/// 64-bit checksum (corruption detection, not authentication): FNV-1a's
/// scheme over 8-byte little-endian words, with an xor-shift so high bits
/// reach low ones; the tail goes byte by byte. Word steps are ~8x faster
/// than bytewise FNV, which dominated warm imports (benches/import_tree.py).
/// Each step is a bijection of the state, so any one changed word is caught.
fn checksum(data: &[u8]) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut words = data.chunks_exact(8);
    for c in &mut words {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(PRIME);
        h ^= h >> 32;
    }
    for &b in words.remainder() {
        h = (h ^ b as u64).wrapping_mul(PRIME);
    }
    h
}

/// UTF-8 with lone surrogates encoded as ordinary 3-byte sequences.
fn utf8_surrogatepass(v: &PyObj) -> Vec<u8> {
    let mut out = Vec::with_capacity(unicode::len(v));
    for c in vm::codecs::unicode_codecs::cps_of(v) {
        if c < 0x80 {
            out.push(c as u8);
        } else if c < 0x800 {
            out.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]);
        } else if c < 0x10000 {
            out.extend_from_slice(&[0xe0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3f) as u8, 0x80 | (c & 0x3f) as u8]);
        } else {
            out.extend_from_slice(&[
                0xf0 | (c >> 18) as u8,
                0x80 | ((c >> 12) & 0x3f) as u8,
                0x80 | ((c >> 6) & 0x3f) as u8,
                0x80 | (c & 0x3f) as u8,
            ]);
        }
    }
    out
}

/// `marshal.dumps` as a Rust function (also for the bytecode cache).
pub fn dumps(v: &PyObj, version: i32) -> PyResult<Vec<u8>> {
    let mut w = Writer::new(version);
    match w.object(v, 0) {
        Ok(()) => Ok(w.out),
        Err(WErr::Unmarshallable) => Err(err::value_error("unmarshallable object")),
        Err(WErr::TooDeep) => Err(err::value_error("object too deeply nested to marshal")),
    }
}

// ====================================================================== reading

enum Input<'a> {
    Bytes { data: &'a [u8], pos: usize },
    /// `hist` keeps every byte read, so code checksums can be verified.
    File { file: PyObj, hist: Vec<u8> },
}

/// Largest chunk read from a file at once, so a hostile length field cannot
/// make us allocate more than the file really holds.
const FILE_CHUNK: usize = 1 << 16;

struct Reader<'a> {
    input: Input<'a>,
    depth: usize,
    /// Objects remembered by FLAG_REF; None while an object is being built.
    refs: Vec<Option<PyObj>>,
    /// Reading the bytecode cache: code objects this build wrote, with an
    /// intact checksum, skip the verifier (see `cache_load`).
    trust_own_code: bool,
}

fn eof_object() -> PyErr {
    err::eof_error("EOF read where object expected")
}
fn bad(what: &str) -> PyErr {
    err::value_error(format!("bad marshal data ({})", what))
}

/// `Reader::take` from a file: reads through `readinto` in chunks of at
/// most FILE_CHUNK, keeping every byte in `hist`.
#[inline(never)]
fn take_file<'h>(file: &PyObj, hist: &'h mut Vec<u8>, n: usize) -> PyResult<&'h [u8]> {
    let base = hist.len();
    while hist.len() - base < n {
        let want = (n - (hist.len() - base)).min(FILE_CHUNK);
        let ba = bytearray::new(&vec![0u8; want]);
        let res = vm::abstract_::call_method(file, "readinto", &[ba.clone()])?;
        let got = vm::abstract_::index_to_ssize(&res, Some(unsafe { vm::objects::exceptions::PyExc_ValueError }))?;
        if got > want as isize {
            return Err(err::value_error(format!(
                "read() returned too much data: {} bytes requested, {} returned",
                n,
                got + (hist.len() - base) as isize
            )));
        }
        if got < 0 || (got as usize) < want {
            return Err(err::eof_error("EOF read where not expected"));
        }
        hist.extend_from_slice(&bytearray::as_slice(&ba)[..want]);
    }
    Ok(&hist[base..])
}

impl<'a> Reader<'a> {
    /// Bytes left, when known (for `loads`): nothing of more elements than
    /// this is preallocated.
    fn remaining(&self) -> Option<usize> {
        match &self.input {
            Input::Bytes { data, pos } => Some(data.len() - pos),
            Input::File { .. } => None,
        }
    }

    /// The next `n` bytes. Inline for `loads`' slice (a TYPE_REF or a short
    /// string is a few instructions); files go through `take_file`.
    #[inline]
    fn take(&mut self, n: usize) -> PyResult<&[u8]> {
        match &mut self.input {
            Input::Bytes { data, pos } => {
                if data.len() - *pos < n {
                    return Err(err::eof_error("marshal data too short"));
                }
                let s = &data[*pos..*pos + n];
                *pos += n;
                Ok(s)
            }
            Input::File { file, hist } => take_file(file, hist, n),
        }
    }

    /// One byte; at the end, EOFError (CPython's r_byte message).
    fn byte(&mut self) -> PyResult<u8> {
        match &mut self.input {
            Input::Bytes { data, pos } => match data.get(*pos) {
                Some(&b) => {
                    *pos += 1;
                    Ok(b)
                }
                None => Err(err::eof_error("EOF read where not expected")),
            },
            Input::File { .. } => self.take(1).map(|b| b[0]),
        }
    }

    #[inline]
    fn long(&mut self) -> PyResult<i32> {
        let b = self.take(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u32(&mut self) -> PyResult<u32> {
        Ok(self.long()? as u32)
    }
    fn short(&mut self) -> PyResult<i16> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }

    /// A length field: negative or above 2**31-1 is out of range.
    fn size(&mut self, what: &str) -> PyResult<usize> {
        let n = self.long()?;
        if n < 0 {
            return Err(bad(&format!("{} size out of range", what)));
        }
        Ok(n as usize)
    }

    /// Capacity to reserve for `n` elements of at least one byte each.
    fn capacity(&self, n: usize) -> usize {
        n.min(self.remaining().unwrap_or(FILE_CHUNK)).min(FILE_CHUNK * 16)
    }

    fn reserve_ref(&mut self, flag: bool) -> PyResult<Option<usize>> {
        if !flag {
            return Ok(None);
        }
        if self.refs.len() >= 0x7fff_fffe {
            return Err(bad("index list too large"));
        }
        self.refs.push(None);
        Ok(Some(self.refs.len() - 1))
    }
    fn set_ref(&mut self, ix: Option<usize>, o: &PyObj) {
        if let Some(i) = ix {
            self.refs[i] = Some(o.clone());
        }
    }
    fn add_ref(&mut self, flag: bool, o: PyObj) -> PyResult<PyObj> {
        if flag {
            self.reserve_ref(true)?;
            let i = self.refs.len() - 1;
            self.refs[i] = Some(o.clone());
        }
        Ok(o)
    }

    /// One object; `Ok(None)` is TYPE_NULL (a dict's terminator).
    fn object(&mut self) -> PyResult<Option<PyObj>> {
        let code = match self.byte() {
            Ok(c) => c,
            Err(e) if e.matches(unsafe { vm::objects::exceptions::PyExc_EOFError }) => return Err(eof_object()),
            Err(e) => return Err(e),
        };
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(err::value_error("recursion limit exceeded"));
        }
        let r = self.object_inner(code);
        self.depth -= 1;
        r
    }

    fn float_str(&mut self) -> PyResult<f64> {
        let n = self.byte()? as usize;
        let raw = self.take(n)?;
        // The text is read as a C string: it ends at a NUL.
        let raw = &raw[..raw.iter().position(|&b| b == 0).unwrap_or(raw.len())];
        let s = String::from_utf8_lossy(raw).into_owned();
        let invalid = || err::value_error(format!("could not convert string to float: '{}'", s.chars().take(200).collect::<String>()));
        // PyOS_string_to_double: no surrounding space, no underscores.
        if s.is_empty() || s.contains('_') || s.trim() != s {
            return Err(invalid());
        }
        vm::format::parse_float(&s).map_err(|_| invalid())
    }

    fn float_bin(&mut self) -> PyResult<f64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    fn element(&mut self, what: &str) -> PyResult<PyObj> {
        match self.object()? {
            Some(o) => Ok(o),
            None => Err(err::type_error(format!("NULL object in marshal data for {}", what))),
        }
    }

    fn object_inner(&mut self, code: u8) -> PyResult<Option<PyObj>> {
        let flag = code & FLAG_REF != 0;
        let ty = code & !FLAG_REF;
        let v = match ty {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => none::none(),
            TYPE_STOPITER => unsafe { PyObj::from_borrowed(stop_iteration()) },
            TYPE_ELLIPSIS => vm::objects::slice::ellipsis(),
            TYPE_FALSE => boolobject::new(false),
            TYPE_TRUE => boolobject::new(true),
            TYPE_INT => {
                let n = self.long()?;
                self.add_ref(flag, long::from_i64(n as i64))?
            }
            TYPE_INT64 => {
                let b = self.take(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                self.add_ref(flag, long::from_i64(i64::from_le_bytes(a)))?
            }
            TYPE_LONG => {
                let v = self.py_long()?;
                self.add_ref(flag, v)?
            }
            TYPE_FLOAT => {
                let x = self.float_str()?;
                self.add_ref(flag, float::new(x))?
            }
            TYPE_BINARY_FLOAT => {
                let x = self.float_bin()?;
                self.add_ref(flag, float::new(x))?
            }
            TYPE_COMPLEX => {
                let re = self.float_str()?;
                let im = self.float_str()?;
                self.add_ref(flag, complex::new(re, im))?
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.float_bin()?;
                let im = self.float_bin()?;
                self.add_ref(flag, complex::new(re, im))?
            }
            TYPE_STRING => {
                let n = self.size("bytes object")?;
                let b = bytes::new(self.take(n)?);
                self.add_ref(flag, b)?
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = if ty == TYPE_ASCII || ty == TYPE_ASCII_INTERNED {
                    self.size("string")?
                } else {
                    self.byte()? as usize
                };
                // Read as Latin-1, as CPython does (the bytes are not checked);
                // really ASCII (all that Python writes) is copied as it is.
                let raw = self.take(n)?;
                let mut s = if raw.is_ascii() {
                    // SAFETY: ASCII bytes are UTF-8.
                    unicode::new(unsafe { std::str::from_utf8_unchecked(raw) })
                } else {
                    unicode::from_codepoints(&raw.iter().map(|&b| b as u32).collect::<Vec<u32>>())
                };
                if ty == TYPE_ASCII_INTERNED || ty == TYPE_SHORT_ASCII_INTERNED {
                    s = unicode::intern_obj(&s);
                }
                self.add_ref(flag, s)?
            }
            TYPE_INTERNED | TYPE_UNICODE => {
                let n = self.size("string")?;
                let mut s = if n == 0 {
                    unicode::empty()
                } else {
                    let data = self.take(n)?.to_vec();
                    vm::codecs::decode_bytes(&data, "utf-8", "surrogatepass")?
                };
                if ty == TYPE_INTERNED {
                    s = unicode::intern_obj(&s);
                }
                self.add_ref(flag, s)?
            }
            TYPE_SMALL_TUPLE | TYPE_TUPLE => {
                let n = if ty == TYPE_SMALL_TUPLE {
                    self.byte()? as usize
                } else {
                    self.size("tuple")?
                };
                self.tuple(n, flag)?
            }
            TYPE_LIST => {
                let n = self.size("list")?;
                let l = list::new_empty();
                unsafe { list::reserve(&l, self.capacity(n)) };
                let l = self.add_ref(flag, l)?;
                for _ in 0..n {
                    let it = self.element("list")?;
                    list::append(&l, it);
                }
                l
            }
            TYPE_DICT => {
                let d = self.add_ref(flag, dict::new())?;
                loop {
                    let k = match self.object()? {
                        Some(k) => k,
                        None => break,
                    };
                    let val = match self.object()? {
                        Some(v) => v,
                        None => break,
                    };
                    dict::set_item(&d, k, val)?;
                }
                d
            }
            TYPE_SET | TYPE_FROZENSET => {
                let n = self.size("set")?;
                if ty == TYPE_SET {
                    let s = self.add_ref(flag, setobject::new_from_iterable(false, None)?)?;
                    for _ in 0..n {
                        let it = self.element("set")?;
                        setobject::add(&s, it)?;
                    }
                    s
                } else {
                    // A frozenset is remembered only once complete, as CPython does.
                    let ix = self.reserve_ref(flag)?;
                    let tmp = setobject::new_from_iterable(false, None)?;
                    for _ in 0..n {
                        let it = self.element("set")?;
                        setobject::add(&tmp, it)?;
                    }
                    let fs = setobject::new_from_iterable(true, Some(&tmp))?;
                    self.set_ref(ix, &fs);
                    fs
                }
            }
            TYPE_CODE => {
                let ix = self.reserve_ref(flag)?;
                let c = self.code()?;
                self.set_ref(ix, &c);
                c
            }
            TYPE_REF => {
                let n = self.long()?;
                match usize::try_from(n).ok().and_then(|i| self.refs.get(i)) {
                    Some(Some(o)) => o.clone(),
                    _ => return Err(bad("invalid reference")),
                }
            }
            _ => return Err(bad("unknown type code")),
        };
        Ok(Some(v))
    }

    fn tuple(&mut self, n: usize, flag: bool) -> PyResult<PyObj> {
        // Preallocate (so the tuple can be referenced from inside itself, as
        // in CPython) only when the input can hold that many elements.
        if n <= self.remaining().unwrap_or(FILE_CHUNK) {
            let t = unsafe { tuple::new_uninit(n) };
            let t = self.add_ref(flag, t)?;
            for i in 0..n {
                let it = self.element("tuple")?;
                unsafe { tuple::set_new_item(&t, i, it) };
            }
            return Ok(t);
        }
        let ix = self.reserve_ref(flag)?;
        let mut items = Vec::with_capacity(self.capacity(n));
        for _ in 0..n {
            items.push(self.element("tuple")?);
        }
        let t = tuple::new(items);
        self.set_ref(ix, &t);
        Ok(t)
    }

    fn py_long(&mut self) -> PyResult<PyObj> {
        let n = self.long()?;
        if n == 0 {
            return Ok(long::from_i64(0));
        }
        if n == i32::MIN {
            return Err(bad("long size out of range"));
        }
        let count = n.unsigned_abs() as usize;
        let mut mag: Vec<u32> = Vec::with_capacity(self.capacity(count * 2) / 2 + 1);
        let (mut acc, mut nbits) = (0u64, 0u32);
        for j in 0..count {
            let md = self.short()?;
            if md < 0 {
                return Err(bad("digit out of range in long"));
            }
            if md == 0 && j == count - 1 {
                return Err(bad("unnormalized long data"));
            }
            acc |= (md as u64) << nbits;
            nbits += 15;
            if nbits >= 32 {
                mag.push(acc as u32);
                acc >>= 32;
                nbits -= 32;
            }
        }
        if nbits > 0 {
            mag.push(acc as u32);
        }
        let b = BigInt::from_slice(if n < 0 { Sign::Minus } else { Sign::Plus }, &mag);
        Ok(long::from_bigint(&b))
    }

    fn str_field(&mut self, what: &str) -> PyResult<PyObj> {
        let o = self.element("object")?;
        if !unicode::is_exact_str(&o) {
            return Err(bad(&format!("code {} is not a str", what)));
        }
        Ok(o)
    }

    fn tuple_field(&mut self, what: &str, strs: bool) -> PyResult<Vec<PyObj>> {
        let o = self.element("object")?;
        if !tuple::is_exact_tuple(&o) || (strs && !tuple::items(&o).iter().all(unicode::is_exact_str)) {
            return Err(bad(&format!("code {} is not a tuple{}", what, if strs { " of str" } else { "" })));
        }
        Ok(tuple::items(&o).to_vec())
    }

    /// Offset of the next byte to read.
    fn pos(&self) -> usize {
        match &self.input {
            Input::Bytes { pos, .. } => *pos,
            Input::File { hist, .. } => hist.len(),
        }
    }

    fn read_so_far(&self, start: usize) -> &[u8] {
        match &self.input {
            Input::Bytes { data, pos } => &data[start..*pos],
            Input::File { hist, .. } => &hist[start..],
        }
    }

    fn code(&mut self) -> PyResult<PyObj> {
        let start = self.pos();
        if self.take(4)? != CODE_MAGIC {
            return Err(bad("code object is not in Pyrite's format"));
        }
        if self.u32()? != CODE_LAYOUT_VERSION {
            return Err(bad("code object from another Pyrite version"));
        }
        if self.take(8)? != vm::import_cache::build_id() {
            return Err(bad("code object from another Pyrite build"));
        }
        let len = self.size("code tables")?;
        let t = Tables::read(self.take(len)?)?;
        let consts = self.tuple_field("consts", false)?;
        let names = self.tuple_field("names", true)?;
        let varnames = self.tuple_field("varnames", true)?;
        let cellvars = self.tuple_field("cellvars", true)?;
        let freevars = self.tuple_field("freevars", true)?;
        let localsplus_names = self.tuple_field("localsplus names", true)?;
        let filename = self.str_field("filename")?;
        let name = self.str_field("name")?;
        let qualname = self.str_field("qualname")?;
        let sum = checksum(self.read_so_far(start));
        let b = self.take(8)?;
        if u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]) != sum {
            return Err(bad("code object checksum mismatch"));
        }
        let [argcount, posonlyargcount, kwonlyargcount, flags, stacksize, firstlineno] = t.fields;
        let parts = CodeParts {
            name,
            qualname,
            filename,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            stacksize,
            firstlineno,
            instrs: t.instrs,
            locations: t.locations,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            localsplus_names,
            exception_table: t.exception_table,
            has_docstring: t.has_docstring,
        };
        if self.trust_own_code {
            return Ok(code_marshal::from_trusted_parts(parts));
        }
        code_marshal::from_parts(parts).map_err(|e| bad(&e))
    }
}

fn tables_malformed() -> PyErr {
    bad("code tables malformed")
}

/// A code object's tables (see `Writer::code`), decoded from the one slice
/// they were taken as: no per-field calls into the input, and every count
/// is bounded by the bytes there are (each element takes at least one).
struct Tables {
    fields: [u32; 6],
    has_docstring: bool,
    instrs: Vec<Instruction>,
    locations: Vec<Location>,
    exception_table: Vec<ExceptionEntry>,
}

struct Cursor<'b> {
    data: &'b [u8],
    pos: usize,
}

impl Cursor<'_> {
    #[inline(always)]
    fn byte(&mut self) -> PyResult<u8> {
        match self.data.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => Err(tables_malformed()),
        }
    }

    #[inline(always)]
    fn varint(&mut self) -> PyResult<u32> {
        let b = self.byte()?;
        if b < 0x80 {
            return Ok(b as u32);
        }
        self.varint_tail(b)
    }

    /// The rest of a varint of two bytes or more: a fifth byte with more
    /// than u32's last 4 bits (or a continuation bit) is malformed.
    #[inline(never)]
    fn varint_tail(&mut self, first: u8) -> PyResult<u32> {
        let mut x = (first & 0x7f) as u32;
        for shift in [7, 14, 21] {
            let b = self.byte()?;
            x |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                return Ok(x);
            }
        }
        let b = self.byte()?;
        if b > 0x0f {
            return Err(bad("varint out of range"));
        }
        Ok(x | (b as u32) << 28)
    }

    /// `base` plus a zigzag-encoded wrapping delta.
    #[inline(always)]
    fn delta(&mut self, base: u32) -> PyResult<u32> {
        let z = self.varint()?;
        Ok(base.wrapping_add((z >> 1) ^ (z & 1).wrapping_neg()))
    }

    /// A count of elements of at least `min` bytes each: more than the
    /// bytes left can hold is malformed, so nothing huge is allocated.
    fn count(&mut self, min: usize) -> PyResult<usize> {
        let n = self.varint()? as usize;
        if n > (self.data.len() - self.pos) / min {
            return Err(tables_malformed());
        }
        Ok(n)
    }
}

impl Tables {
    fn read(data: &[u8]) -> PyResult<Tables> {
        let mut c = Cursor { data, pos: 0 };
        let mut fields = [0u32; 6];
        for x in &mut fields {
            *x = c.varint()?;
        }
        let has_docstring = c.byte()? != 0;
        // An instruction is at least 2 bytes (opcode, arg).
        let n = c.count(2)?;
        let mut instrs = Vec::with_capacity(n);
        for _ in 0..n {
            // Most args are one byte: one bounds check for the pair.
            let (b, arg) = match c.data.get(c.pos..c.pos + 2) {
                Some(&[b, a]) if a < 0x80 => {
                    c.pos += 2;
                    (b, a as u32)
                }
                _ => (c.byte()?, c.varint()?),
            };
            let op = Opcode::from_u8(b).ok_or_else(|| bad(&format!("unknown opcode {}", b)))?;
            instrs.push(Instruction { op, arg });
        }
        let mut locations = Vec::with_capacity(n);
        let mut prev_line = fields[5];
        while locations.len() < n {
            let head = c.byte()?;
            let run = if head & 7 == 7 { c.varint()? as usize } else { (head & 7) as usize + 1 };
            if run == 0 || run > n - locations.len() {
                return Err(tables_malformed());
            }
            let line = (head >> 3) & 7;
            let lineno = if line == 7 { c.delta(prev_line)? } else { prev_line.wrapping_add(line as u32) };
            let end_lineno = if head & 0x40 != 0 { c.delta(lineno)? } else { lineno };
            let col = c.varint()?;
            let span = c.varint()?;
            let end_col = if head & 0x80 != 0 { col.wrapping_sub(span) } else { col.wrapping_add(span) };
            let l = Location { lineno, end_lineno, col, end_col };
            if run == 1 {
                locations.push(l);
            } else {
                locations.resize(locations.len() + run, l);
            }
            prev_line = lineno;
        }
        // An entry is at least 5 bytes.
        let m = c.count(5)?;
        let mut exception_table = Vec::with_capacity(m);
        for _ in 0..m {
            let start = c.varint()?;
            let end = start.wrapping_add(c.varint()?);
            let target = c.varint()?;
            let depth = c.varint()?;
            exception_table.push(ExceptionEntry { start, end, target, depth, lasti: c.byte()? != 0 });
        }
        if c.pos != data.len() {
            return Err(tables_malformed());
        }
        Ok(Tables { fields, has_docstring, instrs, locations, exception_table })
    }
}

fn read_top(r: &mut Reader) -> PyResult<PyObj> {
    match r.object()? {
        Some(o) => Ok(o),
        None => Err(err::type_error("NULL object in marshal data for object")),
    }
}

/// `marshal.loads` as a Rust function (also for the bytecode cache).
pub fn loads(data: &[u8]) -> PyResult<PyObj> {
    let mut r = Reader { input: Input::Bytes { data, pos: 0 }, depth: 0, refs: Vec::new(), trust_own_code: false };
    read_top(&mut r)
}

/// The bytecode cache's reader: as `loads`, except that a code object
/// written by this same build (its build id) whose checksum matches is
/// compiler output, so the verifier is skipped (it was half of a warm
/// import). Anyone able to write `__pycache__` can already run code there,
/// as with CPython, which trusts every pyc; `marshal.loads` always verifies.
pub fn cache_load(data: &[u8]) -> PyResult<PyObj> {
    let mut r = Reader { input: Input::Bytes { data, pos: 0 }, depth: 0, refs: Vec::new(), trust_own_code: true };
    read_top(&mut r)
}

// ====================================================================== module

fn version_arg(v: Option<&PyObj>) -> PyResult<i32> {
    let v = match v {
        Some(v) => v,
        None => return Ok(VERSION),
    };
    if vm::objects::float::is_float(v) {
        return Err(err::type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm::abstract_::index(v)?;
    match long::as_i64(&i) {
        Some(x) if x >= i32::MIN as i64 && x <= i32::MAX as i64 => Ok(x as i32),
        _ => Err(err::overflow_error("Python int too large to convert to C int")),
    }
}

fn no_kwargs(name: &str, kw: Option<&PyObj>) -> PyResult<()> {
    if kw.map(tuple::len).unwrap_or(0) > 0 {
        return Err(err::type_error(format!("marshal.{}() takes no keyword arguments", name)));
    }
    Ok(())
}

fn check_count(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    vm::objects::methodobject::check_nargs(name, &vec![none::none(); n], min, max)
}

vm::fastcall_kw!(marshal_dumps, |slf, args, kw| {
    no_kwargs("dumps", kw)?;
    check_count("dumps", args.len(), 1, 2)?;
    let version = version_arg(args.get(1))?;
    Ok(bytes::new(&dumps(&args[0], version)?))
});

vm::fastcall_kw!(marshal_dump, |slf, args, kw| {
    no_kwargs("dump", kw)?;
    check_count("dump", args.len(), 2, 3)?;
    let version = version_arg(args.get(2))?;
    let data = bytes::new(&dumps(&args[0], version)?);
    vm::abstract_::call_method(&args[1], "write", &[data])
});

fn buffer_arg(o: &PyObj) -> PyResult<Vec<u8>> {
    bytearray::bytes_like_data(o)
}

vm::onearg!(marshal_loads, |slf, o| {
    let o = o.ok_or_else(|| err::type_error("marshal.loads() takes exactly one argument (0 given)"))?;
    if bytes::is_bytes(o) {
        return loads(bytes::as_slice(o));
    }
    let data = buffer_arg(o)?;
    loads(&data)
});

vm::onearg!(marshal_load, |slf, f| {
    let f = f.ok_or_else(|| err::type_error("marshal.load() takes exactly one argument (0 given)"))?;
    // A zero-byte read first, so a file without a binary read() fails early.
    let probe = vm::abstract_::call_method(f, "read", &[long::from_i64(0)])?;
    if !bytes::is_bytes(&probe) {
        return Err(err::type_error(format!(
            "file.read() returned not bytes but {}",
            vm::typeobj::type_name(probe.ob_type())
        )));
    }
    let mut r = Reader { input: Input::File { file: f.clone(), hist: Vec::new() }, depth: 0, refs: Vec::new(), trust_own_code: false };
    read_top(&mut r)
});

pub fn init() -> PyResult<PyObj> {
    let m = module::new("marshal");
    vm::sysmodule::add_functions(&m, &[
        ("dump", marshal_dump as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("load", marshal_load as *const c_void, meth::O),
        ("dumps", marshal_dumps as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("loads", marshal_loads as *const c_void, meth::O),
    ]);
    vm::abstract_::setattr_str(&m, "version", long::from_i64(VERSION as i64))?;
    Ok(m)
}
