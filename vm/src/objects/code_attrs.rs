//! Python-visible attributes and methods of code objects (`co_*`,
//! `co_lines()`, `co_positions()`, `replace()`, `==`, `hash()`).
//!
//! Byte encodings (Pyrite's own, stable and reversible, so `replace()` can
//! take them back):
//! * `co_code`: per instruction, `EXTENDED_ARG` units for the high bytes of
//!   its argument, then `(opcode, arg & 0xff)`: two bytes per unit.
//! * `co_linetable`: per code unit of `co_code`, four little-endian u32s
//!   (lineno, end_lineno, col, end_col); zeros mean "unknown".
//! * `co_exceptiontable`: per entry, four little-endian u32s (start, end,
//!   target, depth, as instruction indices) and one byte (lasti).

use crate::bytecode::{ExceptionEntry, Instruction, Location, Opcode};
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::code::{self, CodeData, PyCodeObject};
use crate::objects::{boolobject, bytes, long, none, tuple, unicode};
use crate::objref::PyObj;
use std::os::raw::{c_int, c_void};

fn strs(v: &[PyObj]) -> PyObj {
    tuple::new(v.to_vec())
}

/// Number of 2-byte code units of one instruction (with its EXTENDED_ARGs).
fn units_of(arg: u32) -> usize {
    if arg > 0xff_ffff {
        4
    } else if arg > 0xffff {
        3
    } else if arg > 0xff {
        2
    } else {
        1
    }
}

pub fn encode_code(instrs: &[Instruction]) -> Vec<u8> {
    let mut out = Vec::with_capacity(instrs.len() * 2);
    for i in instrs {
        let n = units_of(i.arg);
        for k in (1..n).rev() {
            out.push(Opcode::EXTENDED_ARG as u8);
            out.push(((i.arg >> (8 * k)) & 0xff) as u8);
        }
        out.push(i.op as u8);
        out.push((i.arg & 0xff) as u8);
    }
    out
}

pub fn decode_code(b: &[u8]) -> PyResult<Vec<Instruction>> {
    if b.len() % 2 != 0 {
        return Err(err::value_error("code: co_code is malformed"));
    }
    let mut out = Vec::new();
    let mut ext: u32 = 0;
    for u in b.chunks(2) {
        let op = Opcode::from_u8(u[0])
            .filter(|op| !op.is_specialized())
            .ok_or_else(|| err::value_error(format!("code: unknown opcode {}", u[0])))?;
        let arg = (ext << 8) | u[1] as u32;
        if op == Opcode::EXTENDED_ARG {
            ext = arg;
            continue;
        }
        out.push(Instruction { op, arg });
        ext = 0;
    }
    Ok(out)
}

/// Byte offset in `co_code` of the instruction at `index` (which
/// `EXTENDED_ARG` units before it shift), as `f_lasti`/`tb_lasti` report it.
pub fn byte_offset(cd: &crate::objects::code::CodeData, index: usize) -> usize {
    let before: usize = cd.instrs.iter().take(index).map(|i| units_of(i.arg)).sum();
    let own = cd.instrs.get(index).map_or(1, |i| units_of(i.arg));
    2 * (before + own - 1)
}

/// Byte offset in `co_code` of each instruction, and the total length.
fn offsets(instrs: &[Instruction]) -> (Vec<usize>, usize) {
    let mut v = Vec::with_capacity(instrs.len());
    let mut off = 0;
    for i in instrs {
        off += 2 * (units_of(i.arg) - 1);
        v.push(off);
        off += 2;
    }
    (v, off)
}

fn encode_linetable(instrs: &[Instruction], locs: &[Location]) -> Vec<u8> {
    let mut out = Vec::new();
    for (k, i) in instrs.iter().enumerate() {
        let l = locs.get(k).copied().unwrap_or_default();
        for _ in 0..units_of(i.arg) {
            for v in [l.lineno, l.end_lineno, l.col, l.end_col] {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
    }
    out
}

fn decode_linetable(b: &[u8], instrs: &[Instruction]) -> PyResult<Vec<Location>> {
    let units: usize = instrs.iter().map(|i| units_of(i.arg)).sum();
    if b.len() != units * 16 {
        return Err(err::value_error("code: co_linetable does not match co_code"));
    }
    let rd = |p: usize| u32::from_le_bytes([b[p], b[p + 1], b[p + 2], b[p + 3]]);
    let mut out = Vec::with_capacity(instrs.len());
    let mut unit = 0;
    for i in instrs {
        unit += units_of(i.arg) - 1;
        let p = unit * 16;
        out.push(Location { lineno: rd(p), end_lineno: rd(p + 4), col: rd(p + 8), end_col: rd(p + 12) });
        unit += 1;
    }
    Ok(out)
}

fn encode_exceptiontable(t: &[ExceptionEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in t {
        for v in [e.start, e.end, e.target, e.depth] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.push(e.lasti as u8);
    }
    out
}

fn decode_exceptiontable(b: &[u8]) -> PyResult<Vec<ExceptionEntry>> {
    if b.len() % 17 != 0 {
        return Err(err::value_error("code: co_exceptiontable is malformed"));
    }
    let rd = |p: usize| u32::from_le_bytes([b[p], b[p + 1], b[p + 2], b[p + 3]]);
    Ok(b.chunks(17)
        .enumerate()
        .map(|(k, _)| {
            let p = k * 17;
            ExceptionEntry { start: rd(p), end: rd(p + 4), target: rd(p + 8), depth: rd(p + 12), lasti: b[p + 16] != 0 }
        })
        .collect())
}

macro_rules! getter {
    ($name:ident, |$d:ident| $e:expr) => {
        unsafe extern "C" fn $name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
            let $d: &CodeData = code::data(PyObj::borrow(&o));
            let v: PyObj = $e;
            v.into_ptr()
        }
    };
}

fn int(n: u32) -> PyObj {
    long::from_i64(n as i64)
}

getter!(co_name, |d| d.name.clone());
getter!(co_qualname, |d| d.qualname.clone());
getter!(co_filename, |d| d.filename.clone());
getter!(co_firstlineno, |d| int(d.firstlineno));
getter!(co_argcount, |d| int(d.argcount));
getter!(co_posonlyargcount, |d| int(d.posonlyargcount));
getter!(co_kwonlyargcount, |d| int(d.kwonlyargcount));
getter!(co_nlocals, |d| long::from_usize(d.varnames.len()));
getter!(co_varnames, |d| strs(&d.varnames));
getter!(co_cellvars, |d| strs(&d.cellvars));
getter!(co_freevars, |d| strs(&d.freevars));
getter!(co_names, |d| strs(&d.names));
getter!(co_consts, |d| strs(&d.consts));
getter!(co_flags, |d| int(d.flags));
getter!(co_stacksize, |d| int(d.stacksize));
getter!(co_code, |d| bytes::new(&encode_code(&d.instrs)));
getter!(co_linetable, |d| bytes::new(&encode_linetable(&d.instrs, &d.locations)));
getter!(co_exceptiontable, |d| bytes::new(&encode_exceptiontable(&d.exception_table)));

/// The line of a location: None for "no location" (all zeros); a module's
/// RESUME is on line 0 (its location is 0, 1, 0, 0, as in CPython).
fn line_of(l: &Location) -> Option<u32> {
    if *l == Location::default() { None } else { Some(l.lineno) }
}

fn line_obj(l: Option<u32>) -> PyObj {
    l.map(int).unwrap_or_else(none::none)
}

crate::onearg!(code_lines, |slf, a| {
    let d = code::data(slf);
    let (offs, total) = offsets(&d.instrs);
    // (start, end, line) ranges of consecutive instructions on one line;
    // each starts where the instruction's EXTENDED_ARG prefix starts.
    let mut out: Vec<PyObj> = Vec::new();
    let mut cur: Option<(usize, Option<u32>)> = None;
    for (k, i) in d.instrs.iter().enumerate() {
        let start = offs[k] - 2 * (units_of(i.arg) - 1);
        let line = d.locations.get(k).and_then(line_of);
        match cur {
            Some((_, l)) if l == line => {}
            Some((s, l)) => {
                out.push(tuple::new(vec![long::from_usize(s), long::from_usize(start), line_obj(l)]));
                cur = Some((start, line));
            }
            None => cur = Some((start, line)),
        }
    }
    if let Some((s, l)) = cur {
        out.push(tuple::new(vec![long::from_usize(s), long::from_usize(total), line_obj(l)]));
    }
    crate::abstract_::get_iter(&crate::objects::list::new(out))
});

crate::onearg!(code_positions, |slf, a| {
    let d = code::data(slf);
    let mut out: Vec<PyObj> = Vec::new();
    for (k, i) in d.instrs.iter().enumerate() {
        let l = d.locations.get(k).copied().unwrap_or_default();
        let col = |c: u32, known: bool| if known { long::from_i64(c as i64) } else { none::none() };
        let known = line_of(&l).is_some();
        let t = tuple::new(vec![
            line_obj(line_of(&l)),
            if known { int(l.end_lineno) } else { none::none() },
            col(l.col, known),
            col(l.end_col, known),
        ]);
        for _ in 0..units_of(i.arg) {
            out.push(t.clone());
        }
    }
    crate::abstract_::get_iter(&crate::objects::list::new(out))
});

fn u32_arg(v: &PyObj, name: &str) -> PyResult<u32> {
    if !long::is_int(v) {
        return Err(err::type_error(format!(
            "replace() argument '{}' must be int, not {}",
            name,
            crate::typeobj::type_name(v.ob_type())
        )));
    }
    let n = crate::abstract_::to_i64(v)?;
    if n < 0 || n > u32::MAX as i64 {
        return Err(err::value_error(format!("code: {} must be a non-negative integer", name)));
    }
    Ok(n as u32)
}

fn str_arg(v: &PyObj, name: &str) -> PyResult<PyObj> {
    if !unicode::is_str(v) {
        return Err(err::type_error(format!(
            "replace() argument '{}' must be str, not {}",
            name,
            crate::typeobj::type_name(v.ob_type())
        )));
    }
    Ok(v.clone())
}

fn tuple_arg(v: &PyObj, name: &str) -> PyResult<Vec<PyObj>> {
    if !tuple::is_tuple(v) {
        return Err(err::type_error(format!(
            "replace() argument '{}' must be tuple, not {}",
            name,
            crate::typeobj::type_name(v.ob_type())
        )));
    }
    Ok(tuple::items(v).to_vec())
}

fn str_tuple_arg(v: &PyObj, name: &str) -> PyResult<Vec<PyObj>> {
    let items = tuple_arg(v, name)?;
    if items.iter().any(|s| !unicode::is_str(s)) {
        return Err(err::type_error(format!("{} must be a tuple of strings", name)));
    }
    Ok(items)
}

fn bytes_arg(v: &PyObj, name: &str) -> PyResult<Vec<u8>> {
    if !bytes::is_bytes(v) {
        return Err(err::type_error(format!(
            "replace() argument '{}' must be bytes, not {}",
            name,
            crate::typeobj::type_name(v.ob_type())
        )));
    }
    Ok(bytes::as_slice(v).to_vec())
}

fn same_len(old: &[PyObj], new: &[PyObj], name: &str) -> PyResult<()> {
    if old.len() != new.len() {
        return Err(err::value_error(format!("code: {} must keep its length ({})", name, old.len())));
    }
    Ok(())
}

crate::fastcall_kw!(code_replace, |slf, args, kwnames| {
    let nk = kwnames.map(tuple::len).unwrap_or(0);
    if args.len() > nk {
        return Err(err::type_error(format!("replace() takes 0 positional arguments but {} were given", args.len() - nk)));
    }
    let d = code::data(slf);
    let mut nd = CodeData {
        name: d.name.clone(),
        qualname: d.qualname.clone(),
        filename: d.filename.clone(),
        firstlineno: d.firstlineno,
        argcount: d.argcount,
        posonlyargcount: d.posonlyargcount,
        kwonlyargcount: d.kwonlyargcount,
        flags: d.flags,
        stacksize: d.stacksize,
        instrs: d.instrs.clone(),
        locations: d.locations.clone(),
        consts: d.consts.clone(),
        names: d.names.clone(),
        varnames: d.varnames.clone(),
        cellvars: d.cellvars.clone(),
        freevars: d.freevars.clone(),
        localsplus_names: d.localsplus_names.clone(),
        nlocalsplus: d.nlocalsplus,
        exception_table: d.exception_table.clone(),
        has_docstring: d.has_docstring,
        run: std::cell::OnceCell::new(),
        cached_frame: std::cell::Cell::new(std::ptr::null_mut()),
    };
    let mut new_code: Option<Vec<u8>> = None;
    let mut new_lines: Option<Vec<u8>> = None;
    let names: Vec<String> = match kwnames {
        Some(k) => tuple::items(k).iter().map(unicode::to_string_lossy).collect(),
        None => Vec::new(),
    };
    for (name, v) in names.iter().zip(&args[args.len() - nk..]) {
        let n = name.as_str();
        match n {
            "co_name" => nd.name = str_arg(v, n)?,
            "co_qualname" => nd.qualname = str_arg(v, n)?,
            "co_filename" => nd.filename = str_arg(v, n)?,
            "co_firstlineno" => nd.firstlineno = u32_arg(v, n)?,
            "co_argcount" => nd.argcount = u32_arg(v, n)?,
            "co_posonlyargcount" => nd.posonlyargcount = u32_arg(v, n)?,
            "co_kwonlyargcount" => nd.kwonlyargcount = u32_arg(v, n)?,
            "co_nlocals" => {
                if u32_arg(v, n)? as usize != d.varnames.len() {
                    return Err(err::value_error("code: co_nlocals != len(co_varnames)"));
                }
            }
            "co_flags" => nd.flags = u32_arg(v, n)?,
            "co_stacksize" => nd.stacksize = u32_arg(v, n)?,
            "co_consts" => nd.consts = tuple_arg(v, n)?,
            "co_names" => nd.names = str_tuple_arg(v, n)?,
            "co_varnames" => {
                let x = str_tuple_arg(v, n)?;
                same_len(&d.varnames, &x, n)?;
                nd.varnames = x;
            }
            "co_cellvars" => {
                let x = str_tuple_arg(v, n)?;
                same_len(&d.cellvars, &x, n)?;
                nd.cellvars = x;
            }
            "co_freevars" => {
                let x = str_tuple_arg(v, n)?;
                same_len(&d.freevars, &x, n)?;
                nd.freevars = x;
            }
            "co_code" => new_code = Some(bytes_arg(v, n)?),
            "co_linetable" => new_lines = Some(bytes_arg(v, n)?),
            "co_exceptiontable" => nd.exception_table = decode_exceptiontable(&bytes_arg(v, n)?)?,
            _ => return Err(err::type_error(format!("'{}' is an invalid keyword argument for replace()", n))),
        }
    }
    if let Some(c) = new_code {
        nd.instrs = decode_code(&c)?;
        if new_lines.is_none() {
            nd.locations = (0..nd.instrs.len()).map(|k| d.locations.get(k).copied().unwrap_or_default()).collect();
        }
    }
    if let Some(l) = new_lines {
        nd.locations = decode_linetable(&l, &nd.instrs)?;
    }
    if nd.consts.len() < d.consts.len() || nd.names.len() < d.names.len() {
        // Instructions index these tables: shrinking them would let the VM
        // read past their end.
        if nd.instrs.len() == d.instrs.len() && nd.instrs.iter().zip(&d.instrs).all(|(a, b)| a.op == b.op && a.arg == b.arg) {
            return Err(err::value_error("code: co_consts and co_names cannot shrink without new co_code"));
        }
    }
    let lp = localsplus_of(&nd.varnames, &nd.cellvars, &nd.freevars);
    if lp.len() == d.nlocalsplus {
        nd.localsplus_names = lp;
    }
    // The VM trusts code objects: a replaced co_code, table or count must
    // pass the same verifier as marshalled code, or be refused.
    let parts = crate::objects::code_marshal::parts_of_data(&nd);
    crate::objects::code_marshal::validate(&parts).map_err(|m| err::value_error(format!("code: invalid code object: {}", m)))?;
    Ok(new_code_object(nd))
});

/// Localsplus names: varnames, then the cells that are not also
/// arguments, then the free variables.
fn localsplus_of(varnames: &[PyObj], cellvars: &[PyObj], freevars: &[PyObj]) -> Vec<PyObj> {
    let mut lp: Vec<PyObj> = varnames.to_vec();
    for c in cellvars {
        if !varnames.iter().any(|v| unicode::eq(v, c)) {
            lp.push(c.clone());
        }
    }
    lp.extend(freevars.iter().cloned());
    lp
}

/// `types.CodeType(argcount, posonlyargcount, kwonlyargcount, nlocals,
/// stacksize, flags, codestring, constants, names, varnames, filename, name,
/// qualname, firstlineno, linetable, exceptiontable, freevars=(),
/// cellvars=(), /)` with CPython 3.11's signature; `codestring`,
/// `linetable` and `exceptiontable` are in Pyrite's formats (as
/// `co_code`, `co_linetable` and `co_exceptiontable` give them), and the
/// result must pass the code verifier.
unsafe extern "C" fn code_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    err::into_ptr((|| -> PyResult {
        if crate::objects::methodobject::kwargs_dict(kwargs).is_some() {
            return Err(err::type_error("code() takes no keyword arguments"));
        }
        let a = tuple::items(PyObj::borrow(&args));
        if a.len() < 16 || a.len() > 18 {
            return Err(err::type_error(format!(
                "code expected {} arguments, got {}",
                if a.len() < 16 { "at least 16" } else { "at most 18" },
                a.len()
            )));
        }
        let instrs = decode_code(&bytes_arg(&a[6], "codestring")?)?;
        let locations = decode_linetable(&bytes_arg(&a[14], "linetable")?, &instrs)?;
        let varnames = str_tuple_arg(&a[9], "varnames")?;
        if u32_arg(&a[3], "nlocals")? as usize != varnames.len() {
            return Err(err::value_error("code: co_nlocals != len(co_varnames)"));
        }
        let freevars = match a.get(16) { Some(v) => str_tuple_arg(v, "freevars")?, None => Vec::new() };
        let cellvars = match a.get(17) { Some(v) => str_tuple_arg(v, "cellvars")?, None => Vec::new() };
        let consts = tuple_arg(&a[7], "constants")?;
        let localsplus_names = localsplus_of(&varnames, &cellvars, &freevars);
        let parts = crate::objects::code_marshal::CodeParts {
            name: str_arg(&a[11], "name")?,
            qualname: str_arg(&a[12], "qualname")?,
            filename: str_arg(&a[10], "filename")?,
            firstlineno: u32_arg(&a[13], "firstlineno")?,
            argcount: u32_arg(&a[0], "argcount")?,
            posonlyargcount: u32_arg(&a[1], "posonlyargcount")?,
            kwonlyargcount: u32_arg(&a[2], "kwonlyargcount")?,
            flags: u32_arg(&a[5], "flags")?,
            stacksize: u32_arg(&a[4], "stacksize")?,
            instrs,
            locations,
            has_docstring: consts.first().is_some_and(unicode::is_str),
            consts,
            names: str_tuple_arg(&a[8], "names")?,
            varnames,
            cellvars,
            freevars,
            localsplus_names,
            exception_table: decode_exceptiontable(&bytes_arg(&a[15], "exceptiontable")?)?,
        };
        crate::objects::code_marshal::from_parts(parts).map_err(|m| err::value_error(format!("code: invalid code object: {}", m)))
    })())
}

fn new_code_object(d: CodeData) -> PyObj {
    unsafe {
        let o = crate::alloc::alloc_object(code::code_type(), 0) as *mut PyCodeObject;
        (*o).data = Box::into_raw(Box::new(d));
        PyObj::from_owned(o as *mut PyObject)
    }
}

/// Constants compare by type as well as value (so `0`, `0.0` and `False`
/// keep code objects apart), as CPython's `_PyCode_ConstantKey`.
fn const_eq(a: &PyObj, b: &PyObj) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if a.ob_type() != b.ob_type() {
        return Ok(false);
    }
    if tuple::is_tuple(a) {
        let (x, y) = (tuple::items(a), tuple::items(b));
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y) {
            if !const_eq(p, q)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    if code::is_code(a) {
        return code_eq(a, b);
    }
    if crate::objects::float::is_float(a) {
        let (x, y) = (crate::objects::float::value(a), crate::objects::float::value(b));
        return Ok(x.to_bits() == y.to_bits() || (x == y && x != 0.0));
    }
    crate::abstract_::eq(a, b)
}

fn names_eq(a: &[PyObj], b: &[PyObj]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| unicode::eq(x, y))
}

fn code_eq(a: &PyObj, b: &PyObj) -> PyResult<bool> {
    let (x, y) = (code::data(a), code::data(b));
    if !unicode::eq(&x.name, &y.name)
        || x.argcount != y.argcount
        || x.posonlyargcount != y.posonlyargcount
        || x.kwonlyargcount != y.kwonlyargcount
        || x.flags != y.flags
        || x.firstlineno != y.firstlineno
        || x.instrs.len() != y.instrs.len()
        || !x.instrs.iter().zip(&y.instrs).all(|(p, q)| p.op == q.op && p.arg == q.arg)
        || !names_eq(&x.names, &y.names)
        || !names_eq(&x.localsplus_names, &y.localsplus_names)
        || x.locations != y.locations
        || x.exception_table != y.exception_table
        || x.consts.len() != y.consts.len()
    {
        return Ok(false);
    }
    for (p, q) in x.consts.iter().zip(&y.consts) {
        if !const_eq(p, q)? {
            return Ok(false);
        }
    }
    Ok(true)
}

unsafe extern "C" fn code_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let (x, y) = (PyObj::borrow(&a), PyObj::borrow(&b));
    if (op != PY_EQ && op != PY_NE) || !code::is_code(x) || !code::is_code(y) {
        return none::not_implemented().into_ptr();
    }
    match code_eq(x, y) {
        Ok(e) => boolobject::new(if op == PY_EQ { e } else { !e }).into_ptr(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn code_hash(o: *mut PyObject) -> Py_hash_t {
    let d = code::data(PyObj::borrow(&o));
    let mut h: u64 = unicode::hash(&d.name) as u64;
    for v in [d.argcount, d.posonlyargcount, d.kwonlyargcount, d.flags, d.firstlineno] {
        h = h.wrapping_mul(1_000_003) ^ v as u64;
    }
    h = h.wrapping_mul(1_000_003) ^ d.instrs.len() as u64;
    for i in d.instrs.iter().take(64) {
        h = h.wrapping_mul(31) ^ ((i.op as u64) << 32 | i.arg as u64);
    }
    let h = h as i64 as Py_hash_t;
    if h == -1 { -2 } else { h }
}

crate::onearg!(code_sizeof, |slf, a| {
    let d = code::data(slf);
    let n = std::mem::size_of::<PyCodeObject>()
        + std::mem::size_of::<CodeData>()
        + d.instrs.len() * std::mem::size_of::<Instruction>()
        + d.locations.len() * std::mem::size_of::<Location>()
        + d.exception_table.len() * std::mem::size_of::<ExceptionEntry>()
        + (d.consts.len() + d.names.len() + d.localsplus_names.len()) * 8;
    Ok(long::from_usize(n))
});

pub unsafe fn init(t: *mut PyTypeObject) {
    use crate::objects::descr::{set_getsets, set_methods};
    let n = std::ptr::null::<c_void>();
    set_getsets(t, &[
        ("co_name", co_name as *const c_void, n),
        ("co_qualname", co_qualname as *const c_void, n),
        ("co_filename", co_filename as *const c_void, n),
        ("co_firstlineno", co_firstlineno as *const c_void, n),
        ("co_argcount", co_argcount as *const c_void, n),
        ("co_posonlyargcount", co_posonlyargcount as *const c_void, n),
        ("co_kwonlyargcount", co_kwonlyargcount as *const c_void, n),
        ("co_nlocals", co_nlocals as *const c_void, n),
        ("co_varnames", co_varnames as *const c_void, n),
        ("co_cellvars", co_cellvars as *const c_void, n),
        ("co_freevars", co_freevars as *const c_void, n),
        ("co_names", co_names as *const c_void, n),
        ("co_consts", co_consts as *const c_void, n),
        ("co_flags", co_flags as *const c_void, n),
        ("co_stacksize", co_stacksize as *const c_void, n),
        ("co_code", co_code as *const c_void, n),
        ("co_linetable", co_linetable as *const c_void, n),
        ("co_exceptiontable", co_exceptiontable as *const c_void, n),
    ]);
    set_methods(t, &[
        ("co_lines", code_lines as *const c_void, meth::NOARGS, ""),
        ("co_positions", code_positions as *const c_void, meth::NOARGS, ""),
        ("replace", code_replace as *const c_void, meth::FASTCALL | meth::KEYWORDS, ""),
        ("__sizeof__", code_sizeof as *const c_void, meth::NOARGS, ""),
    ]);
    (*t).tp_new = Some(code_new);
    (*t).tp_richcompare = Some(code_richcompare);
    (*t).tp_hash = Some(code_hash);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_roundtrip() {
        let instrs = vec![
            Instruction { op: Opcode::EXTENDED_ARG, arg: 0 },
            Instruction { op: Opcode::JUMP_FORWARD, arg: 3 },
            Instruction { op: Opcode::JUMP_FORWARD, arg: 0x1234 },
            Instruction { op: Opcode::JUMP_FORWARD, arg: 0x12_3456 },
        ];
        // An EXTENDED_ARG with arg 0 followed by an instruction merges into it,
        // so round trips hold for compiler output (which has no EXTENDED_ARG).
        let real = &instrs[1..];
        let b = encode_code(real);
        assert_eq!(b.len(), 2 * (1 + 2 + 3));
        let back = decode_code(&b).unwrap();
        assert_eq!(back.len(), 3);
        for (x, y) in back.iter().zip(real) {
            assert_eq!((x.op as u8, x.arg), (y.op as u8, y.arg));
        }
        let (offs, total) = offsets(real);
        assert_eq!(offs, vec![0, 4, 10]);
        assert_eq!(total, 12);
        let locs = vec![Location { lineno: 1, end_lineno: 1, col: 0, end_col: 4 }; 3];
        let lt = encode_linetable(real, &locs);
        assert_eq!(decode_linetable(&lt, real).unwrap(), locs);
        let et = vec![ExceptionEntry { start: 1, end: 5, target: 9, depth: 2, lasti: true }];
        assert_eq!(decode_exceptiontable(&encode_exceptiontable(&et)).unwrap(), et);
    }
}
