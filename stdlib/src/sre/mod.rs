//! `_sre`: the regular expression engine behind CPython's `Lib/re`.
//!
//! This file owns the module (constants, `compile`, the case helpers), the
//! subject abstraction (`Subject`: a str of any PEP 393 kind, or the bytes
//! of a bytes-like object) and the `re.Pattern` type. `matchobj.rs` holds
//! `re.Match` and `SRE_Scanner`; `engine.rs` is the matcher itself.

pub mod chars;
pub mod constants;
pub mod engine;
pub mod matchobj;
pub mod validate;

use constants::flag;
use engine::{Error, State, Text};
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::{boolobject, bytes, dict, list, long, mappingproxy, module, none, tuple, unicode};
use vm::objref::{xdecref, PyObj};
use vm::typeobj::type_name;

// ====================================================================== subjects

/// The code units of a subject. str and bytes are borrowed (the caller
/// keeps the object alive; both are immutable); other bytes-like objects
/// are read through a buffer export held for the Subject's lifetime, which
/// (as in CPython) keeps a bytearray from being resized meanwhile.
pub enum Subject {
    L1(*const u8, usize),
    U2(*const u16, usize),
    U4(*const u32, usize),
    Buffer(Box<Py_buffer>),
}

impl Drop for Subject {
    fn drop(&mut self) {
        if let Subject::Buffer(v) = self {
            unsafe { vm::objects::memoryview::release_buffer(&mut **v) };
        }
    }
}

fn go<T: Text + ?Sized>(st: &mut State, code: &[u32], t: &T, search: bool) -> Result<bool, Error> {
    let mut m = engine::Matcher::new(st, code, t);
    if search {
        m.search()
    } else {
        m.pymatch()
    }
}

impl Subject {
    pub fn len(&self) -> usize {
        match self {
            Subject::L1(_, n) | Subject::U2(_, n) | Subject::U4(_, n) => *n,
            Subject::Buffer(v) => v.len as usize,
        }
    }

    /// Runs `match` (search=false) or `search` over this subject.
    pub fn run(&self, st: &mut State, code: &[u32], search: bool) -> PyResult<bool> {
        let r = unsafe {
            match self {
                Subject::L1(p, n) => go(st, code, std::slice::from_raw_parts(*p, *n), search),
                Subject::U2(p, n) => go(st, code, std::slice::from_raw_parts(*p, *n), search),
                Subject::U4(p, n) => go(st, code, std::slice::from_raw_parts(*p, *n), search),
                Subject::Buffer(_) => go(st, code, self.bytes(), search),
            }
        };
        r.map_err(|e| match e {
            Error::Illegal => err::runtime_error("invalid SRE code"),
            Error::State => err::runtime_error("internal error in regular expression engine"),
            Error::Interrupted => err::fetch(),
        })
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Subject::L1(p, n) => unsafe { std::slice::from_raw_parts(*p, *n) },
            Subject::Buffer(v) if v.len > 0 => unsafe { std::slice::from_raw_parts(v.buf as *const u8, v.len as usize) },
            _ => &[],
        }
    }
}

/// `getstring`: the subject's code units and whether it is bytes-like.
pub fn get_subject(o: &PyObj) -> PyResult<(Subject, bool)> {
    if unicode::is_str(o) {
        let s = match unicode::data(o) {
            unicode::StrData::Latin1(d) => Subject::L1(d.as_ptr(), d.len()),
            unicode::StrData::Ucs2(d) => Subject::U2(d.as_ptr(), d.len()),
            unicode::StrData::Ucs4(d) => Subject::U4(d.as_ptr(), d.len()),
        };
        return Ok((s, false));
    }
    if bytes::is_bytes(o) {
        let d = bytes::as_slice(o);
        return Ok((Subject::L1(d.as_ptr(), d.len()), true));
    }
    if vm::objects::memoryview::has_buffer(o) {
        let mut view = Box::new(vm::objects::memoryview::empty_view());
        // (A failed export reads as "not bytes-like", as in CPython.)
        if unsafe { vm::objects::memoryview::get_buffer_into(o, &mut *view, 0) }.is_ok() {
            return Ok((Subject::Buffer(view), true));
        }
    }
    Err(err::type_error(format!(
        "expected string or bytes-like object, got '{}'",
        type_name(o.ob_type())
    )))
}

/// `getslice`: `string[i:j]` as str, or as bytes for any bytes-like subject.
pub fn get_slice(subj: &Subject, string: &PyObj, isbytes: bool, i: usize, j: usize) -> PyObj {
    if isbytes {
        if bytes::is_exact_bytes(string) && i == 0 && j == bytes::len(string) {
            return string.clone();
        }
        bytes::new(&subj.bytes()[i..j])
    } else {
        unicode::substring(string, i, j)
    }
}

// ====================================================================== Pattern

#[repr(C)]
pub struct PatternObject {
    pub ob_base: PyObject,
    /// Number of capturing groups (not counting group 0).
    pub groups: isize,
    /// Name -> group number, or null when the pattern has no named groups.
    pub groupindex: *mut PyObject,
    /// Group number -> name (tuple, None for unnamed groups).
    pub indexgroup: *mut PyObject,
    /// The source (str, bytes or None).
    pub pattern: *mut PyObject,
    pub flags: i64,
    /// 1 bytes pattern, 0 str pattern, -1 no source (matches anything).
    pub isbytes: c_int,
    pub code: *mut Vec<u32>,
    pub weakreflist: *mut PyObject,
}

#[no_mangle]
pub static mut SRE_Pattern_Type: PyTypeObject =
    PyTypeObject::empty(b"re.Pattern\0", std::mem::size_of::<PatternObject>(), 0);

pub fn pattern_type() -> *mut PyTypeObject {
    &raw mut SRE_Pattern_Type
}

pub fn is_pattern(o: &PyObj) -> bool {
    o.ob_type() == pattern_type()
}

pub unsafe fn pat(o: &PyObj) -> &PatternObject {
    &*(o.as_ptr() as *const PatternObject)
}

pub unsafe fn pat_code(p: &PatternObject) -> &[u32] {
    &*p.code
}

unsafe fn alloc(tp: *mut PyTypeObject) -> PyResult<*mut PyObject> {
    let o = vm::typeobj::alloc_instance(tp);
    if o.is_null() {
        if !err::occurred() {
            err::set_memory_error();
        }
        return Err(err::fetch());
    }
    Ok(o)
}

/// Visits the non-null objects among `ptrs` (the body of a tp_traverse).
pub unsafe fn visit_all(ptrs: &[*mut PyObject], visit: visitproc, arg: *mut c_void) -> c_int {
    for &p in ptrs {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// Drops the reference in `*p` and nulls the field (tp_clear).
pub unsafe fn clear_field(p: &mut *mut PyObject) {
    let old = std::mem::replace(p, std::ptr::null_mut());
    xdecref(old);
}

unsafe extern "C" fn pattern_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = o as *mut PatternObject;
    visit_all(&[(*p).groupindex, (*p).indexgroup, (*p).pattern], visit, arg)
}

/// Only the group-name dict can take part in a cycle (the source and the
/// name tuple hold str/bytes/None), so only it is cleared; the other
/// fields stay valid for the methods.
unsafe extern "C" fn pattern_clear(o: *mut PyObject) -> c_int {
    let p = o as *mut PatternObject;
    clear_field(&mut (*p).groupindex);
    0
}

unsafe extern "C" fn pattern_dealloc(o: *mut PyObject) {
    vm::gc::untrack(o);
    let p = o as *mut PatternObject;
    if !(*p).weakreflist.is_null() {
        vm::objects::weakref::clear_weakrefs(o);
    }
    pattern_clear(o);
    clear_field(&mut (*p).indexgroup);
    clear_field(&mut (*p).pattern);
    if !(*p).code.is_null() {
        drop(Box::from_raw((*p).code));
    }
    vm::alloc::tp_free(o);
}

/// Binds arguments with Argument Clinic's messages (CPython's `_sre`
/// methods are clinic functions; `bind_args` words some errors otherwise).
pub fn clinic_args(
    fname: &str,
    args: &[PyObj],
    kw: Option<&PyObj>,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<PyObj>>> {
    let nk = kw.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    if np > names.len() {
        return Err(err::type_error(format!(
            "{}() takes {} {} argument{} ({} given)",
            fname,
            if required == names.len() { "exactly" } else { "at most" },
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            np
        )));
    }
    let mut out: Vec<Option<PyObj>> = args[..np].iter().cloned().map(Some).collect();
    out.resize(names.len(), None);
    if let Some(k) = kw {
        for (j, kn) in tuple::items(k).iter().enumerate() {
            let kname = unicode::to_string_lossy(kn);
            match names.iter().position(|n| *n == kname) {
                Some(i) if out[i].is_some() => {
                    return Err(err::type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        kname,
                        i + 1
                    )))
                }
                Some(i) => out[i] = Some(args[np + j].clone()),
                None => {
                    return Err(err::type_error(format!(
                        "'{}' is an invalid keyword argument for {}()",
                        kname, fname
                    )))
                }
            }
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            return Err(err::type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// Reads a `pos`/`endpos` argument (default when absent).
fn ssize_arg(o: &Option<PyObj>, default: isize) -> PyResult<isize> {
    match o {
        Some(v) => {
            let i = ab::index(v)?;
            match long::as_i64(&i) {
                Some(n) => Ok(n as isize),
                None => Err(err::overflow_error("Python int too large to convert to C ssize_t")),
            }
        }
        None => Ok(default),
    }
}

/// The subject of a pattern method, checked against the pattern's kind,
/// with pos/endpos clamped to it (CPython's `state_init`).
pub struct Prepared {
    pub subj: Subject,
    pub isbytes: bool,
    pub state: State,
}

pub fn prepare(p: &PatternObject, string: &PyObj, pos: isize, endpos: isize) -> PyResult<Prepared> {
    let (subj, isbytes) = get_subject(string)?;
    if p.isbytes == 0 && isbytes {
        return Err(err::type_error("cannot use a string pattern on a bytes-like object"));
    }
    if p.isbytes == 1 && !isbytes {
        return Err(err::type_error("cannot use a bytes pattern on a string-like object"));
    }
    let n = subj.len() as isize;
    let start = pos.clamp(0, n) as usize;
    let end = endpos.clamp(0, n) as usize;
    Ok(Prepared { subj, isbytes, state: State::new(start, end) })
}

fn string_pos_endpos(fname: &str, args: &[PyObj], kw: Option<&PyObj>) -> PyResult<(PyObj, isize, isize)> {
    let a = clinic_args(fname, args, kw, &["string", "pos", "endpos"], 1)?;
    let string = a[0].clone().unwrap_or_else(none::none);
    Ok((string, ssize_arg(&a[1], 0)?, ssize_arg(&a[2], isize::MAX)?))
}

fn do_match(slf: &PyObj, args: &[PyObj], kw: Option<&PyObj>, fname: &str, search: bool, all: bool) -> PyResult {
    let (string, pos, endpos) = string_pos_endpos(fname, args, kw)?;
    let p = unsafe { pat(slf) };
    let mut pr = prepare(p, &string, pos, endpos)?;
    pr.state.match_all = all;
    let ok = pr.subj.run(&mut pr.state, unsafe { pat_code(p) }, search)?;
    if !ok {
        return Ok(none::none());
    }
    matchobj::new_match(slf, &string, &pr.state, pr.state.pos0 as isize, pr.state.end)
}

vm::fastcall_kw!(pattern_match, |slf, args, kw| { do_match(slf, args, kw, "match", false, false) });
vm::fastcall_kw!(pattern_fullmatch, |slf, args, kw| { do_match(slf, args, kw, "fullmatch", false, true) });
vm::fastcall_kw!(pattern_search, |slf, args, kw| { do_match(slf, args, kw, "search", true, false) });

/// Group `g` (1-based) of the current match as findall/split report it:
/// an empty slice (`empty`) or None when the group did not take part.
fn state_group(pr: &Prepared, string: &PyObj, g: usize, empty: bool) -> PyObj {
    match pr.state.group_span(g) {
        Some((i, j)) if i <= j => get_slice(&pr.subj, string, pr.isbytes, i, j),
        _ => {
            if empty {
                get_slice(&pr.subj, string, pr.isbytes, 0, 0)
            } else {
                none::none()
            }
        }
    }
}

vm::fastcall_kw!(pattern_findall, |slf, args, kw| {
    let (string, pos, endpos) = string_pos_endpos("findall", args, kw)?;
    let p = pat(slf);
    let code = pat_code(p);
    let mut pr = prepare(p, &string, pos, endpos)?;
    let out = list::new_empty();
    while pr.state.start <= pr.state.end {
        pr.state.reset();
        pr.state.ptr = pr.state.start;
        if !pr.subj.run(&mut pr.state, code, true)? {
            break;
        }
        let item = match p.groups {
            0 => get_slice(&pr.subj, &string, pr.isbytes, pr.state.start, pr.state.ptr),
            1 => state_group(&pr, &string, 1, true),
            n => tuple::new((1..=n as usize).map(|g| state_group(&pr, &string, g, true)).collect()),
        };
        list::append(&out, item);
        pr.state.must_advance = pr.state.ptr == pr.state.start;
        pr.state.start = pr.state.ptr;
    }
    Ok(out)
});

vm::fastcall_kw!(pattern_scanner, |slf, args, kw| {
    let (string, pos, endpos) = string_pos_endpos("scanner", args, kw)?;
    matchobj::new_scanner(slf, &string, pos, endpos)
});

vm::fastcall_kw!(pattern_finditer, |slf, args, kw| {
    let (string, pos, endpos) = string_pos_endpos("finditer", args, kw)?;
    let sc = matchobj::new_scanner(slf, &string, pos, endpos)?;
    let search = ab::getattr_str(&sc, "search")?;
    Ok(vm::objects::iterobject::call_iter_new(search, none::none()))
});

vm::fastcall_kw!(pattern_split, |slf, args, kw| {
    let a = clinic_args("split", args, kw, &["string", "maxsplit"], 1)?;
    let string = a[0].clone().unwrap_or_else(none::none);
    let maxsplit = ssize_arg(&a[1], 0)?;
    let p = pat(slf);
    let code = pat_code(p);
    let mut pr = prepare(p, &string, 0, isize::MAX)?;
    let out = list::new_empty();
    let mut n = 0isize;
    let mut last = pr.state.start;
    while maxsplit == 0 || n < maxsplit {
        pr.state.reset();
        pr.state.ptr = pr.state.start;
        if !pr.subj.run(&mut pr.state, code, true)? {
            break;
        }
        list::append(&out, get_slice(&pr.subj, &string, pr.isbytes, last, pr.state.start));
        for g in 1..=p.groups as usize {
            list::append(&out, state_group(&pr, &string, g, false));
        }
        n += 1;
        pr.state.must_advance = pr.state.ptr == pr.state.start;
        last = pr.state.ptr;
        pr.state.start = pr.state.ptr;
    }
    list::append(&out, get_slice(&pr.subj, &string, pr.isbytes, last, pr.state.end));
    Ok(out)
});

fn call_re(name: &str, args: &[PyObj]) -> PyResult {
    let re = vm::import::import_module("re", None)?;
    let f = ab::getattr_str(&re, name)?;
    ab::call(&f, args, None)
}

/// `sub`/`subn`: the result string and the number of replacements.
fn subx(slf: &PyObj, repl: &PyObj, string: &PyObj, count: isize) -> PyResult<(PyObj, isize)> {
    let p = unsafe { pat(slf) };
    let (filter, callable) = if vm::bltinmodule::is_callable(repl) {
        (repl.clone(), true)
    } else {
        // A template without backslashes is used literally; others are
        // compiled by re._subx (which may return a callable).
        let literal = match get_subject(repl) {
            Ok((s, isb)) => {
                if isb {
                    !s.bytes().contains(&b'\\')
                } else {
                    !unicode::data(repl).iter().any(|c| c == '\\' as u32)
                }
            }
            Err(_) => false,
        };
        if literal {
            (repl.clone(), false)
        } else {
            let f = call_re("_subx", &[slf.clone(), repl.clone()])?;
            let c = vm::bltinmodule::is_callable(&f);
            (f, c)
        }
    };
    let code = unsafe { pat_code(p) };
    let mut pr = prepare(p, string, 0, isize::MAX)?;
    let parts = list::new_empty();
    let mut i = 0usize;
    let mut n = 0isize;
    while count == 0 || n < count {
        pr.state.reset();
        pr.state.ptr = pr.state.start;
        if !pr.subj.run(&mut pr.state, code, true)? {
            break;
        }
        let (b, e) = (pr.state.start, pr.state.ptr);
        if i < b {
            list::append(&parts, get_slice(&pr.subj, string, pr.isbytes, i, b));
        }
        if callable {
            let m = matchobj::new_match(slf, string, &pr.state, 0, pr.state.end)?;
            let item = ab::call1(&filter, &m)?;
            if !none::is_none(&item) {
                list::append(&parts, item);
            }
        } else {
            list::append(&parts, filter.clone());
        }
        i = e;
        n += 1;
        pr.state.must_advance = pr.state.ptr == pr.state.start;
        pr.state.start = pr.state.ptr;
    }
    if i < pr.state.end {
        list::append(&parts, get_slice(&pr.subj, string, pr.isbytes, i, pr.state.end));
    }
    // Joined with an empty slice of the subject (bytes for a bytes-like one).
    let joiner = get_slice(&pr.subj, string, pr.isbytes, 0, 0);
    if list::len(&parts) == 0 {
        return Ok((joiner, n));
    }
    Ok((ab::call_method(&joiner, "join", &[parts])?, n))
}

fn sub_args(fname: &str, args: &[PyObj], kw: Option<&PyObj>) -> PyResult<(PyObj, PyObj, isize)> {
    let a = clinic_args(fname, args, kw, &["repl", "string", "count"], 2)?;
    Ok((a[0].clone().unwrap_or_else(none::none), a[1].clone().unwrap_or_else(none::none), ssize_arg(&a[2], 0)?))
}

vm::fastcall_kw!(pattern_sub, |slf, args, kw| {
    let (repl, string, count) = sub_args("sub", args, kw)?;
    Ok(subx(slf, &repl, &string, count)?.0)
});
vm::fastcall_kw!(pattern_subn, |slf, args, kw| {
    let (repl, string, count) = sub_args("subn", args, kw)?;
    let (s, n) = subx(slf, &repl, &string, count)?;
    Ok(tuple::pair(s, long::from_i64(n as i64)))
});

vm::onearg!(pattern_copy, |slf, _a| { Ok(slf.clone()) });
vm::onearg!(pattern_deepcopy, |slf, _a| { Ok(slf.clone()) });
vm::onearg!(class_getitem, |cls, a| { vm::objects::unionobject::generic_alias(cls, a.unwrap()) });

unsafe extern "C" fn pattern_repr(o: *mut PyObject) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    let r = (|| -> PyResult {
        let p = pat(obj);
        let src = PyObj::borrow(&p.pattern);
        let mut rs = ab::repr_string(src)?;
        if rs.chars().count() > 200 {
            rs = rs.chars().take(200).collect();
        }
        let mut flags = p.flags;
        if p.isbytes == 0 && flags & (flag::LOCALE | flag::UNICODE | flag::ASCII) == flag::UNICODE {
            flags &= !flag::UNICODE;
        }
        let names = [
            ("re.TEMPLATE", flag::TEMPLATE),
            ("re.IGNORECASE", flag::IGNORECASE),
            ("re.LOCALE", flag::LOCALE),
            ("re.MULTILINE", flag::MULTILINE),
            ("re.DOTALL", flag::DOTALL),
            ("re.UNICODE", flag::UNICODE),
            ("re.VERBOSE", flag::VERBOSE),
            ("re.DEBUG", flag::DEBUG),
            ("re.ASCII", flag::ASCII),
        ];
        let mut parts: Vec<String> = Vec::new();
        for (n, v) in names {
            if flags & v != 0 {
                parts.push(n.to_string());
                flags &= !v;
            }
        }
        if flags != 0 {
            parts.push(format!("0x{:x}", flags));
        }
        let s = if parts.is_empty() {
            format!("re.compile({})", rs)
        } else {
            format!("re.compile({}, {})", rs, parts.join("|"))
        };
        Ok(unicode::new(&s))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn pattern_richcompare(a: *mut PyObject, b: *mut PyObject, opid: c_int) -> *mut PyObject {
    let (x, y) = (PyObj::borrow(&a), PyObj::borrow(&b));
    if (opid != PY_EQ && opid != PY_NE) || !is_pattern(y) {
        return none::not_implemented().into_ptr();
    }
    let r = (|| -> PyResult<bool> {
        if x.is(y) {
            return Ok(true);
        }
        let (p, q) = (pat(x), pat(y));
        if p.flags != q.flags || p.isbytes != q.isbytes || pat_code(p) != pat_code(q) {
            return Ok(false);
        }
        ab::eq(PyObj::borrow(&p.pattern), PyObj::borrow(&q.pattern))
    })();
    match r {
        Ok(eq) => boolobject::new(eq == (opid == PY_EQ)).into_ptr(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn pattern_hash(o: *mut PyObject) -> isize {
    let obj = PyObj::borrow(&o);
    let p = pat(obj);
    let h = match ab::hash(PyObj::borrow(&p.pattern)) {
        Ok(h) => h,
        Err(e) => {
            err::restore(e);
            return -1;
        }
    };
    // FNV-1a over the code words, mixed like CPython's pattern_hash.
    let mut h2: u64 = 0xcbf29ce484222325;
    for w in pat_code(p) {
        h2 = (h2 ^ *w as u64).wrapping_mul(0x100000001b3);
    }
    let mut r = h ^ (h2 as isize) ^ (p.flags as isize) ^ (p.isbytes as isize) ^ (pat_code(p).len() as isize);
    if r == -1 {
        r = -2;
    }
    r
}

unsafe extern "C" fn get_pattern(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    opt_obj((*(o as *mut PatternObject)).pattern).into_ptr()
}

/// A field that tp_clear may have nulled, as an object (None then).
pub unsafe fn opt_obj(p: *mut PyObject) -> PyObj {
    if p.is_null() {
        none::none()
    } else {
        PyObj::from_borrowed(p)
    }
}
unsafe extern "C" fn get_flags(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64((*(o as *mut PatternObject)).flags).into_ptr()
}
unsafe extern "C" fn get_groups(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64((*(o as *mut PatternObject)).groups as i64).into_ptr()
}
unsafe extern "C" fn get_groupindex(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let gi = (*(o as *mut PatternObject)).groupindex;
    if gi.is_null() {
        return dict::new().into_ptr();
    }
    mappingproxy::new(PyObj::from_borrowed(gi)).into_ptr()
}

// ====================================================================== module

vm::fastcall_kw!(sre_compile, |slf, args, kw| {
    let a = clinic_args("compile", args, kw, &["pattern", "flags", "code", "groups", "groupindex", "indexgroup"], 6)?;
    let v: Vec<PyObj> = a.into_iter().map(|x| x.unwrap_or_else(none::none)).collect();
    let (pattern, flags, code, groups, groupindex, indexgroup) = (&v[0], &v[1], &v[2], &v[3], &v[4], &v[5]);
    if !vm::objects::list::is_list(code) {
        return Err(err::type_error(format!(
            "compile() argument 'code' must be list, not {}",
            type_name(code.ob_type())
        )));
    }
    let flags = ab::index_to_ssize(flags, None)? as i64;
    let mut words = Vec::with_capacity(list::len(code));
    // Each word as PyLong_AsUnsignedLong reads it (ints only, no __index__).
    for w in list::to_vec(code) {
        if !long::is_int(&w) {
            return Err(err::type_error("an integer is required"));
        }
        if long::is_negative(&w) {
            return Err(err::overflow_error("can't convert negative value to unsigned int"));
        }
        match long::as_i64(&w) {
            Some(x) if x <= u32::MAX as i64 => words.push(x as u32),
            Some(_) => return Err(err::overflow_error("regular expression code size limit exceeded")),
            None if ab::rich_compare_bool(&w, &long::from_u64(u64::MAX), PY_LE)? => {
                return Err(err::overflow_error("regular expression code size limit exceeded"))
            }
            None => return Err(err::overflow_error("Python int too large to convert to C unsigned long")),
        }
    }
    let isbytes = if none::is_none(pattern) {
        -1
    } else {
        get_subject(pattern)?.1 as c_int
    };
    let groups = ab::index_to_ssize(groups, None)?;
    if !dict::is_dict(groupindex) {
        return Err(err::type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            type_name(groupindex.ob_type())
        )));
    }
    if !tuple::is_tuple(indexgroup) {
        return Err(err::type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            type_name(indexgroup.ob_type())
        )));
    }
    if !validate::validate(&words, groups) {
        return Err(err::runtime_error("invalid SRE code"));
    }
    let o = alloc(pattern_type())? as *mut PatternObject;
    let obj = PyObj::from_owned(o as *mut PyObject);
    (*o).groups = groups;
    // As CPython: the name maps are kept only for patterns with named groups.
    if dict::len(groupindex) > 0 {
        (*o).groupindex = dict::copy(groupindex).into_ptr();
        if tuple::len(indexgroup) > 0 {
            (*o).indexgroup = indexgroup.clone().into_ptr();
        }
    }
    (*o).pattern = pattern.clone().into_ptr();
    (*o).flags = flags;
    (*o).isbytes = isbytes;
    (*o).code = Box::into_raw(Box::new(words));
    Ok(obj)
});

/// A C `int` argument (Argument Clinic's converter); the helpers see it
/// as the unsigned code point CPython's do.
fn char_arg(o: &PyObj) -> PyResult<u32> {
    let i = ab::index(o)?;
    match long::as_i64(&i) {
        Some(v) if i32::try_from(v).is_ok() => Ok(v as i32 as u32),
        _ => Err(err::overflow_error("Python int too large to convert to C int")),
    }
}


vm::fastcall!(sre_getcodesize, |slf, args| { Ok(long::from_i64(constants::CODESIZE)) });
vm::onearg!(sre_ascii_iscased, |slf, c| {
    let c = char_arg(c.unwrap())?;
    Ok(boolobject::new(c < 128 && (c as u8).is_ascii_alphabetic()))
});
vm::onearg!(sre_unicode_iscased, |slf, c| {
    let c = char_arg(c.unwrap())?;
    Ok(boolobject::new(c != chars::lower_unicode(c) || c != chars::upper_unicode(c)))
});
vm::onearg!(sre_ascii_tolower, |slf, c| {
    let c = char_arg(c.unwrap())?;
    Ok(long::from_i64(chars::lower_ascii(c) as i32 as i64))
});
vm::onearg!(sre_unicode_tolower, |slf, c| {
    let c = char_arg(c.unwrap())?;
    Ok(long::from_i64(chars::lower_unicode(c) as i32 as i64))
});

unsafe fn init_types() -> PyResult<()> {
    use vm::objects::descr::{set_getsets, set_methods};
    let t = pattern_type();
    if (*t).tp_flags & flags::READY != 0 {
        return Ok(());
    }
    (*t).tp_flags |= flags::DISALLOW_INSTANTIATION | flags::HAVE_GC;
    (*t).tp_dealloc = Some(pattern_dealloc);
    (*t).tp_traverse = Some(pattern_traverse);
    (*t).tp_clear = Some(pattern_clear);
    (*t).tp_weaklistoffset = std::mem::offset_of!(PatternObject, weakreflist) as isize;
    (*t).tp_repr = Some(pattern_repr);
    (*t).tp_richcompare = Some(pattern_richcompare);
    (*t).tp_hash = Some(pattern_hash);
    let kw = meth::FASTCALL | meth::KEYWORDS;
    set_methods(t, &[
        ("match", pattern_match as *const c_void, kw, ""),
        ("fullmatch", pattern_fullmatch as *const c_void, kw, ""),
        ("search", pattern_search as *const c_void, kw, ""),
        ("sub", pattern_sub as *const c_void, kw, ""),
        ("subn", pattern_subn as *const c_void, kw, ""),
        ("findall", pattern_findall as *const c_void, kw, ""),
        ("split", pattern_split as *const c_void, kw, ""),
        ("finditer", pattern_finditer as *const c_void, kw, ""),
        ("scanner", pattern_scanner as *const c_void, kw, ""),
        ("__copy__", pattern_copy as *const c_void, meth::NOARGS, ""),
        ("__deepcopy__", pattern_deepcopy as *const c_void, meth::O, ""),
        ("__class_getitem__", class_getitem as *const c_void, meth::O | meth::CLASS, ""),
    ]);
    set_getsets(t, &[
        ("pattern", get_pattern as *const c_void, std::ptr::null()),
        ("flags", get_flags as *const c_void, std::ptr::null()),
        ("groups", get_groups as *const c_void, std::ptr::null()),
        ("groupindex", get_groupindex as *const c_void, std::ptr::null()),
    ]);
    vm::typeobj::ready(t)?;
    // Not instantiable: drop the tp_new inherited from object.
    (*t).tp_new = None;
    matchobj::init_types()
}

pub fn init() -> PyResult<PyObj> {
    unsafe { init_types()? };
    let m = module::new("_sre");
    vm::sysmodule::add_functions(&m, &[
        ("compile", sre_compile as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("getcodesize", sre_getcodesize as *const c_void, meth::FASTCALL),
        ("ascii_iscased", sre_ascii_iscased as *const c_void, meth::O),
        ("unicode_iscased", sre_unicode_iscased as *const c_void, meth::O),
        ("ascii_tolower", sre_ascii_tolower as *const c_void, meth::O),
        ("unicode_tolower", sre_unicode_tolower as *const c_void, meth::O),
    ]);
    ab::setattr_str(&m, "MAGIC", long::from_i64(constants::MAGIC))?;
    ab::setattr_str(&m, "CODESIZE", long::from_i64(constants::CODESIZE))?;
    ab::setattr_str(&m, "MAXREPEAT", long::from_i64(constants::MAXREPEAT as i64))?;
    ab::setattr_str(&m, "MAXGROUPS", long::from_i64(constants::MAXGROUPS))?;
    ab::setattr_str(&m, "copyright", unicode::new(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "))?;
    Ok(m)
}
