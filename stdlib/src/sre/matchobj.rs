//! `re.Match` (the result of a successful match: group spans over the
//! subject) and `_sre.SRE_Scanner` (the iteration state behind `finditer`
//! and `Pattern.scanner`).

use super::engine::State;
use super::{get_slice, get_subject, pat, pat_code, prepare, PatternObject, Prepared};
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::{dict, long, none, tuple};
use vm::objref::PyObj;

#[repr(C)]
pub struct MatchObject {
    pub ob_base: PyObject,
    pub string: *mut PyObject,
    pub pattern: *mut PyObject,
    pub pos: isize,
    pub endpos: isize,
    pub lastindex: isize,
    /// Number of groups including group 0.
    pub groups: isize,
    /// `2 * groups` offsets: start and end of each group (-1: unmatched).
    pub marks: *mut Vec<isize>,
    /// The `regs` tuple once built (CPython returns the same object).
    pub regs: *mut PyObject,
}

#[repr(C)]
pub struct ScannerObject {
    pub ob_base: PyObject,
    pub pattern: *mut PyObject,
    pub string: *mut PyObject,
    /// The prepared subject and search state; `done` once exhausted.
    pub state: *mut Prepared,
    pub done: c_int,
}

#[no_mangle]
pub static mut SRE_Match_Type: PyTypeObject =
    PyTypeObject::empty(b"re.Match\0", std::mem::size_of::<MatchObject>(), 0);
#[no_mangle]
pub static mut SRE_Scanner_Type: PyTypeObject =
    PyTypeObject::empty(b"_sre.SRE_Scanner\0", std::mem::size_of::<ScannerObject>(), 0);

pub fn match_type() -> *mut PyTypeObject {
    &raw mut SRE_Match_Type
}
pub fn scanner_type() -> *mut PyTypeObject {
    &raw mut SRE_Scanner_Type
}

unsafe fn m_of(o: &PyObj) -> &MatchObject {
    &*(o.as_ptr() as *const MatchObject)
}

/// Builds a Match from a successful state (CPython's `pattern_new_match`).
pub fn new_match(pattern: &PyObj, string: &PyObj, st: &State, pos: isize, endpos: usize) -> PyResult {
    unsafe {
        let p = pat(pattern);
        let groups = p.groups as usize + 1;
        let mut marks = vec![-1isize; 2 * groups];
        marks[0] = st.start as isize;
        marks[1] = st.ptr as isize;
        for g in 1..groups {
            if let Some((a, b)) = st.group_span(g) {
                if a > b {
                    return Err(err::system_error(
                        "The span of capturing group is wrong, please report a bug for the re module.",
                    ));
                }
                marks[2 * g] = a as isize;
                marks[2 * g + 1] = b as isize;
            }
        }
        let o = super::alloc(match_type())? as *mut MatchObject;
        let obj = PyObj::from_owned(o as *mut PyObject);
        (*o).string = string.clone().into_ptr();
        (*o).pattern = pattern.clone().into_ptr();
        (*o).pos = pos;
        (*o).endpos = endpos as isize;
        (*o).lastindex = st.lastindex;
        (*o).groups = groups as isize;
        (*o).marks = Box::into_raw(Box::new(marks));
        Ok(obj)
    }
}

unsafe extern "C" fn match_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let m = o as *mut MatchObject;
    super::visit_all(&[(*m).string, (*m).pattern, (*m).regs], visit, arg)
}

/// The subject (a str/bytes subclass instance may have a `__dict__`) is
/// what can close a cycle; a cleared Match reads it as None.
unsafe extern "C" fn match_clear(o: *mut PyObject) -> c_int {
    let m = o as *mut MatchObject;
    super::clear_field(&mut (*m).string);
    0
}

unsafe extern "C" fn match_dealloc(o: *mut PyObject) {
    vm::gc::untrack(o);
    let m = o as *mut MatchObject;
    match_clear(o);
    super::clear_field(&mut (*m).pattern);
    super::clear_field(&mut (*m).regs);
    if !(*m).marks.is_null() {
        drop(Box::from_raw((*m).marks));
    }
    vm::alloc::tp_free(o);
}

impl MatchObject {
    fn span(&self, g: usize) -> (isize, isize) {
        let m = unsafe { &*self.marks };
        (m[2 * g], m[2 * g + 1])
    }
    fn pattern(&self) -> &PatternObject {
        unsafe { pat(PyObj::borrow(&self.pattern)) }
    }
    fn string(&self) -> PyObj {
        unsafe { super::opt_obj(self.string) }
    }
}

/// A group number from an int or a group name (`match_getindex`).
fn group_index(m: &MatchObject, g: &PyObj) -> PyResult<usize> {
    let mut i: isize = -1;
    if ab::has_index(g) {
        i = ab::index_to_ssize(g, None)?;
    } else {
        let gi = m.pattern().groupindex;
        if !gi.is_null() {
            if let Some(v) = dict::get_item(unsafe { PyObj::borrow(&gi) }, g)? {
                if long::is_int(&v) {
                    i = ab::index_to_ssize(&v, None)?;
                }
            }
        }
    }
    if i < 0 || i >= m.groups {
        return Err(err::index_error("no such group"));
    }
    Ok(i as usize)
}

/// Group `g` as a slice of the subject, or `default` if it did not match.
fn group_value(m: &MatchObject, g: usize, default: &PyObj) -> PyResult {
    let (a, b) = m.span(g);
    let string = m.string();
    if none::is_none(&string) || a < 0 {
        return Ok(default.clone());
    }
    let (subj, isbytes) = get_subject(&string)?;
    let n = subj.len();
    let (a, b) = ((a as usize).min(n), (b as usize).min(n));
    Ok(get_slice(&subj, &string, isbytes, a, b))
}

vm::fastcall!(match_group, |slf, args| {
    let m = m_of(slf);
    let none = none::none();
    match args.len() {
        0 => group_value(m, 0, &none),
        1 => group_value(m, group_index(m, &args[0])?, &none),
        _ => {
            let mut v = Vec::with_capacity(args.len());
            for a in args {
                v.push(group_value(m, group_index(m, a)?, &none)?);
            }
            Ok(tuple::new(v))
        }
    }
});

unsafe extern "C" fn match_subscript(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult {
        let m = m_of(PyObj::borrow(&o));
        group_value(m, group_index(m, PyObj::borrow(&key))?, &none::none())
    })();
    err::into_ptr(r)
}

fn default_arg(fname: &str, args: &[PyObj], kw: Option<&PyObj>) -> PyResult<PyObj> {
    let a = super::clinic_args(fname, args, kw, &["default"], 0)?;
    Ok(a[0].clone().unwrap_or_else(none::none))
}

vm::fastcall_kw!(match_groups, |slf, args, kw| {
    let default = default_arg("groups", args, kw)?;
    let m = m_of(slf);
    let mut v = Vec::new();
    for g in 1..m.groups as usize {
        v.push(group_value(m, g, &default)?);
    }
    Ok(tuple::new(v))
});

vm::fastcall_kw!(match_groupdict, |slf, args, kw| {
    let default = default_arg("groupdict", args, kw)?;
    let m = m_of(slf);
    let d = dict::new();
    let gi = m.pattern().groupindex;
    if !gi.is_null() {
        for (k, _) in dict::items_vec(PyObj::borrow(&gi)) {
            let g = group_index(m, &k)?;
            dict::set_item(&d, k, group_value(m, g, &default)?)?;
        }
    }
    Ok(d)
});

fn group_arg(fname: &str, m: &MatchObject, args: &[PyObj]) -> PyResult<usize> {
    vm::objects::methodobject::check_nargs(fname, args, 0, 1)?;
    match args.first() {
        Some(g) => group_index(m, g),
        None => Ok(0),
    }
}

vm::fastcall!(match_start, |slf, args| {
    let m = m_of(slf);
    Ok(long::from_i64(m.span(group_arg("start", m, args)?).0 as i64))
});
vm::fastcall!(match_end, |slf, args| {
    let m = m_of(slf);
    Ok(long::from_i64(m.span(group_arg("end", m, args)?).1 as i64))
});
vm::fastcall!(match_span, |slf, args| {
    let m = m_of(slf);
    let (a, b) = m.span(group_arg("span", m, args)?);
    Ok(tuple::pair(long::from_i64(a as i64), long::from_i64(b as i64)))
});

vm::fastcall_kw!(match_expand, |slf, args, kw| {
    let a = super::clinic_args("expand", args, kw, &["template"], 1)?;
    let template = a[0].as_ref();
    let m = m_of(slf);
    let re = vm::import::import_module("re", None)?;
    let f = ab::getattr_str(&re, "_expand")?;
    ab::call(&f, &[PyObj::borrow(&m.pattern).clone(), slf.clone(), template.unwrap().clone()], None)
});

vm::onearg!(match_copy, |slf, _a| { Ok(slf.clone()) });
vm::onearg!(match_deepcopy, |slf, _a| { Ok(slf.clone()) });

unsafe extern "C" fn match_repr(o: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult {
        let m = m_of(PyObj::borrow(&o));
        let g0 = group_value(m, 0, &none::none())?;
        let mut rs = ab::repr_string(&g0)?;
        if rs.chars().count() > 50 {
            rs = rs.chars().take(50).collect();
        }
        let (a, b) = m.span(0);
        Ok(vm::objects::unicode::new(&format!("<re.Match object; span=({}, {}), match={}>", a, b, rs)))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn get_string(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    super::opt_obj((*(o as *mut MatchObject)).string).into_ptr()
}
unsafe extern "C" fn get_re(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    super::opt_obj((*(o as *mut MatchObject)).pattern).into_ptr()
}
unsafe extern "C" fn get_pos(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64((*(o as *mut MatchObject)).pos as i64).into_ptr()
}
unsafe extern "C" fn get_endpos(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64((*(o as *mut MatchObject)).endpos as i64).into_ptr()
}
unsafe extern "C" fn get_lastindex(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let li = (*(o as *mut MatchObject)).lastindex;
    if li >= 0 {
        long::from_i64(li as i64).into_ptr()
    } else {
        none::none().into_ptr()
    }
}
unsafe extern "C" fn get_lastgroup(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let m = &*(o as *mut MatchObject);
    let ig = m.pattern().indexgroup;
    if m.lastindex >= 0 && !ig.is_null() {
        let items = tuple::items(PyObj::borrow(&ig));
        if let Some(v) = items.get(m.lastindex as usize) {
            return v.clone().into_ptr();
        }
    }
    none::none().into_ptr()
}
unsafe extern "C" fn get_regs(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let m = &mut *(o as *mut MatchObject);
    if !m.regs.is_null() {
        return PyObj::from_borrowed(m.regs).into_ptr();
    }
    let v = (0..m.groups as usize)
        .map(|g| {
            let (a, b) = m.span(g);
            tuple::pair(long::from_i64(a as i64), long::from_i64(b as i64))
        })
        .collect();
    let t = tuple::new(v);
    m.regs = t.clone().into_ptr();
    t.into_ptr()
}

// ====================================================================== scanner

pub fn new_scanner(pattern: &PyObj, string: &PyObj, pos: isize, endpos: isize) -> PyResult {
    unsafe {
        let pr = prepare(pat(pattern), string, pos, endpos)?;
        let o = super::alloc(scanner_type())? as *mut ScannerObject;
        let obj = PyObj::from_owned(o as *mut PyObject);
        (*o).pattern = pattern.clone().into_ptr();
        (*o).string = string.clone().into_ptr();
        (*o).state = Box::into_raw(Box::new(pr));
        (*o).done = 0;
        Ok(obj)
    }
}

unsafe extern "C" fn scanner_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let s = o as *mut ScannerObject;
    super::visit_all(&[(*s).pattern, (*s).string], visit, arg)
}

unsafe extern "C" fn scanner_clear(o: *mut PyObject) -> c_int {
    let s = o as *mut ScannerObject;
    super::clear_field(&mut (*s).string);
    (*s).done = 1;
    0
}

unsafe extern "C" fn scanner_dealloc(o: *mut PyObject) {
    vm::gc::untrack(o);
    let s = o as *mut ScannerObject;
    scanner_clear(o);
    super::clear_field(&mut (*s).pattern);
    if !(*s).state.is_null() {
        drop(Box::from_raw((*s).state));
    }
    vm::alloc::tp_free(o);
}

unsafe fn scanner_step(slf: &PyObj, search: bool) -> PyResult {
    let s = &mut *(slf.as_ptr() as *mut ScannerObject);
    if s.done != 0 {
        return Ok(none::none());
    }
    let pattern = PyObj::borrow(&s.pattern).clone();
    let string = PyObj::borrow(&s.string).clone();
    let pr = &mut *s.state;
    // The subject's first pos, for the Match's `pos` attribute.
    pr.state.reset();
    pr.state.ptr = pr.state.start;
    let code = pat_code(pat(&pattern));
    let ok = pr.subj.run(&mut pr.state, code, search)?;
    if !ok {
        s.done = 1;
        return Ok(none::none());
    }
    let m = new_match(&pattern, &string, &pr.state, scanner_pos(s), pr.state.end)?;
    pr.state.must_advance = pr.state.ptr == pr.state.start;
    pr.state.start = pr.state.ptr;
    Ok(m)
}

/// The clamped `pos` the scanner was created with.
unsafe fn scanner_pos(s: &ScannerObject) -> isize {
    (*s.state).state.pos0 as isize
}

vm::fastcall!(scanner_match, |slf, args| { scanner_step(slf, false) });
vm::fastcall!(scanner_search, |slf, args| { scanner_step(slf, true) });

unsafe extern "C" fn scanner_get_pattern(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    super::opt_obj((*(o as *mut ScannerObject)).pattern).into_ptr()
}

static mut MATCH_AS_MAPPING: PyMappingMethods = EMPTY_MAPPING_METHODS;

pub unsafe fn init_types() -> PyResult<()> {
    use vm::objects::descr::{set_getsets, set_methods};
    let t = match_type();
    (*t).tp_flags |= flags::DISALLOW_INSTANTIATION | flags::HAVE_GC;
    (*t).tp_dealloc = Some(match_dealloc);
    (*t).tp_traverse = Some(match_traverse);
    (*t).tp_clear = Some(match_clear);
    (*t).tp_repr = Some(match_repr);
    MATCH_AS_MAPPING.mp_subscript = Some(match_subscript);
    (*t).tp_as_mapping = &raw mut MATCH_AS_MAPPING;
    let kw = meth::FASTCALL | meth::KEYWORDS;
    set_methods(t, &[
        ("group", match_group as *const c_void, meth::FASTCALL, ""),
        ("start", match_start as *const c_void, meth::FASTCALL, ""),
        ("end", match_end as *const c_void, meth::FASTCALL, ""),
        ("span", match_span as *const c_void, meth::FASTCALL, ""),
        ("groups", match_groups as *const c_void, kw, ""),
        ("groupdict", match_groupdict as *const c_void, kw, ""),
        ("expand", match_expand as *const c_void, kw, ""),
        ("__copy__", match_copy as *const c_void, meth::NOARGS, ""),
        ("__deepcopy__", match_deepcopy as *const c_void, meth::O, ""),
        ("__class_getitem__", super::class_getitem as *const c_void, meth::O | meth::CLASS, ""),
    ]);
    set_getsets(t, &[
        ("string", get_string as *const c_void, std::ptr::null()),
        ("re", get_re as *const c_void, std::ptr::null()),
        ("pos", get_pos as *const c_void, std::ptr::null()),
        ("endpos", get_endpos as *const c_void, std::ptr::null()),
        ("lastindex", get_lastindex as *const c_void, std::ptr::null()),
        ("lastgroup", get_lastgroup as *const c_void, std::ptr::null()),
        ("regs", get_regs as *const c_void, std::ptr::null()),
    ]);
    vm::typeobj::ready(t)?;
    (*t).tp_new = None;

    let s = scanner_type();
    (*s).tp_flags |= flags::DISALLOW_INSTANTIATION | flags::HAVE_GC;
    (*s).tp_dealloc = Some(scanner_dealloc);
    (*s).tp_traverse = Some(scanner_traverse);
    (*s).tp_clear = Some(scanner_clear);
    set_methods(s, &[
        ("match", scanner_match as *const c_void, meth::FASTCALL, ""),
        ("search", scanner_search as *const c_void, meth::FASTCALL, ""),
    ]);
    set_getsets(s, &[("pattern", scanner_get_pattern as *const c_void, std::ptr::null())]);
    vm::typeobj::ready(s)?;
    (*s).tp_new = None;
    Ok(())
}
