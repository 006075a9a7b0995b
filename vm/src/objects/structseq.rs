//! Struct sequences (`sys.version_info`, `sys.flags`, `os.stat_result`):
//! tuple subclasses whose items are also named read-only attributes.
//!
//! A type is created per name on first use and cached; its instances have
//! the tuple layout, and each field is a member descriptor reading the
//! matching `ob_item` slot, as in CPython's `structseq.c`. As there, a type
//! may have more fields than its sequence length (`n_sequence_fields`):
//! the hidden ones live after the visible items, beyond `ob_size`, and
//! fields named "" are unnamed (index-only, `n_unnamed_fields`).

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{dict, long, tuple, unicode};
use crate::objref::PyObj;
use std::collections::HashMap;
use std::os::raw::{c_int, c_void};

struct Info {
    tp: usize,
    /// All fields, visible then hidden; "" marks an unnamed field.
    fields: Vec<String>,
    n_sequence: usize,
}

static mut CACHE: Option<HashMap<String, Info>> = None;

unsafe fn cache() -> &'static mut HashMap<String, Info> {
    (*(&raw mut CACHE)).get_or_insert_with(HashMap::new)
}

fn full_name(tp: *mut PyTypeObject) -> String {
    unsafe { std::ffi::CStr::from_ptr((*tp).tp_name).to_string_lossy().into_owned() }
}

unsafe fn info_of(tp: *mut PyTypeObject) -> Option<&'static Info> {
    // Subclasses share their base's fields.
    let mut t = tp;
    while !t.is_null() {
        for info in cache().values() {
            if info.tp == t as usize {
                return Some(info);
            }
        }
        t = (*t).tp_base;
    }
    None
}

/// (all fields, sequence length) of a struct sequence type or subclass.
unsafe fn fields_of(tp: *mut PyTypeObject) -> (Vec<String>, usize) {
    match info_of(tp) {
        Some(i) => (i.fields.clone(), i.n_sequence),
        None => (Vec::new(), 0),
    }
}

/// The named fields, in order (as CPython's `tp_members`).
fn named(fields: &[String]) -> Vec<String> {
    fields.iter().filter(|f| !f.is_empty()).cloned().collect()
}

fn structseq_repr_impl(o: &PyObj) -> PyResult {
    let tp = o.ob_type();
    // CPython names item i after the i-th *named* field, unnamed ones skipped.
    let fields = named(&unsafe { fields_of(tp) }.0);
    let items = tuple::items(o);
    let mut parts = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        let name = fields.get(i).cloned().unwrap_or_else(|| format!("{}", i));
        parts.push(format!("{}={}", name, crate::abstract_::repr_string(v)?));
    }
    let name = if unsafe { crate::typeobj::is_heap(tp) } { crate::typeobj::type_name(tp) } else { full_name(tp) };
    Ok(unicode::new(&format!("{}({})", name, parts.join(", "))))
}

unsafe extern "C" fn structseq_repr(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(structseq_repr_impl(PyObj::borrow(&o)))
}

/// An instance holding `values` (all fields); only the first `n_sequence`
/// are tuple items.
unsafe fn make_instance(tp: *mut PyTypeObject, values: &[PyObj], n_sequence: usize) -> PyObj {
    let o = crate::alloc::alloc_object(tp, values.len() as isize);
    let p = tuple::items_ptr(o);
    for (i, v) in values.iter().enumerate() {
        *p.add(i) = v.clone().into_ptr();
    }
    (*(o as *mut PyVarObject)).ob_size = n_sequence.min(values.len()) as isize;
    PyObj::from_owned(o)
}

/// Number of hidden fields stored past `ob_size`.
unsafe fn n_hidden(tp: *mut PyTypeObject) -> usize {
    match info_of(tp) {
        Some(i) => i.fields.len() - i.n_sequence,
        None => 0,
    }
}

unsafe extern "C" fn structseq_dealloc(o: *mut PyObject) {
    let n = (*(o as *mut PyVarObject)).ob_size as usize;
    let p = tuple::items_ptr(o);
    for i in n..n + n_hidden((*o).ob_type) {
        let it = std::mem::replace(&mut *p.add(i), std::ptr::null_mut());
        crate::objref::xdecref(it);
    }
    if let Some(d) = (*tuple::tuple_type()).tp_dealloc {
        d(o);
    }
}

unsafe extern "C" fn structseq_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let n = (*(o as *mut PyVarObject)).ob_size as usize;
    let p = tuple::items_ptr(o);
    for i in 0..n + n_hidden((*o).ob_type) {
        let it = *p.add(i);
        if !it.is_null() {
            let r = visit(it, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn structseq_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let a = tuple::items(PyObj::borrow(&args)).to_vec();
    let kws = if kw.is_null() { Vec::new() } else { dict::items_vec(PyObj::borrow(&kw)) };
    let mut all = a.clone();
    let kwnames = if kws.is_empty() {
        None
    } else {
        all.extend(kws.iter().map(|(_, v)| v.clone()));
        Some(tuple::new(kws.iter().map(|(k, _)| k.clone()).collect()))
    };
    let r = (|| {
        let b = crate::objects::methodobject::bind_args(
            &crate::typeobj::type_name(tp),
            &all,
            kwnames.as_ref(),
            &["sequence", "dict"],
            1,
            0,
        )?;
        let seq = b[0].clone().unwrap();
        let mut items = crate::abstract_::iterate(&seq).map_err(|e| {
            if e.matches(crate::objects::exceptions::PyExc_TypeError) {
                err::type_error("constructor requires a sequence")
            } else {
                e
            }
        })?;
        let (fields, nseq) = fields_of(tp);
        let n = fields.len();
        let given = items.len();
        if given < nseq || given > n {
            let msg = if nseq == n {
                format!("{}() takes a {}-sequence ({}-sequence given)", full_name(tp), n, given)
            } else if given < nseq {
                format!("{}() takes an at least {}-sequence ({}-sequence given)", full_name(tp), nseq, given)
            } else {
                format!("{}() takes an at most {}-sequence ({}-sequence given)", full_name(tp), n, given)
            };
            return Err(err::type_error(msg));
        }
        let d = match &b[1] {
            Some(d) if !crate::objects::none::is_none(d) => {
                if !dict::is_dict(d) {
                    return Err(err::type_error(format!(
                        "{}() takes a dict as second arg, if any",
                        full_name(tp)
                    )));
                }
                Some(d.clone())
            }
            _ => None,
        };
        for f in &fields[given..] {
            let v = match &d {
                Some(d) if !f.is_empty() => dict::get_item_rs(d, f),
                _ => None,
            };
            items.push(v.unwrap_or_else(crate::objects::none::none));
        }
        Ok(make_instance(tp, &items, nseq))
    })();
    err::into_ptr(r)
}

crate::onearg!(structseq_reduce, |slf, _a| {
    let items = tuple::items(slf).to_vec();
    let (fields, nseq) = fields_of(slf.ob_type());
    let d = dict::new();
    let p = tuple::items_ptr(slf.as_ptr());
    for (i, f) in fields.iter().enumerate().skip(nseq) {
        let v = *p.add(i);
        if !v.is_null() {
            dict::set_item_rs(&d, f, PyObj::from_borrowed(v));
        }
    }
    Ok(tuple::new(vec![
        crate::typeobj::type_obj(slf.ob_type()),
        tuple::new(vec![tuple::new(items), d]),
    ]))
});

/// The struct sequence type called `type_name` with these field names,
/// created on first use.
pub fn get_type(type_name: &str, fields: &[&str]) -> PyResult<*mut PyTypeObject> {
    get_type_ex(type_name, fields, fields.len())
}

/// The struct sequence type called `type_name` whose first `n_sequence`
/// fields are its items and the rest attribute-only; a field named "" is
/// unnamed (reachable by index only).
pub fn get_type_ex(type_name: &str, fields: &[&str], n_sequence: usize) -> PyResult<*mut PyTypeObject> {
    unsafe {
        if let Some(info) = cache().get(type_name) {
            return Ok(info.tp as *mut PyTypeObject);
        }
        let mut cname = type_name.as_bytes().to_vec();
        cname.push(0);
        let cname: &'static [u8] = Box::leak(cname.into_boxed_slice());
        let tt = tuple::tuple_type();
        let tp = Box::leak(Box::new(PyTypeObject::empty(cname, (*tt).tp_basicsize as usize, (*tt).tp_itemsize as usize)))
            as *mut PyTypeObject;
        (*tp).tp_base = tt;
        (*tp).tp_repr = Some(structseq_repr);
        // Not subclassable (no BASETYPE), as CPython's struct sequences.
        (*tp).tp_flags |= flags::TUPLE_SUBCLASS | flags::HAVE_GC;
        if !type_name.starts_with("sys.") {
            (*tp).tp_new = Some(structseq_new);
        }
        let base_off = std::mem::offset_of!(tuple::PyTupleObject, ob_item);
        let members: Vec<(&str, c_int, usize, c_int)> = fields
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.is_empty())
            .map(|(i, f)| (*f, crate::objects::descr::T_OBJECT, base_off + i * 8, crate::objects::descr::READONLY))
            .collect();
        if n_sequence < fields.len() {
            (*tp).tp_dealloc = Some(structseq_dealloc);
            (*tp).tp_traverse = Some(structseq_traverse);
        }
        crate::objects::descr::set_members(tp, &members);
        crate::objects::descr::set_methods(
            tp,
            &[("__reduce__", structseq_reduce as *const c_void, meth::NOARGS, "")],
        );
        cache().insert(
            type_name.to_string(),
            Info { tp: tp as usize, fields: fields.iter().map(|s| s.to_string()).collect(), n_sequence },
        );
        crate::typeobj::ready(tp)?;
        if type_name.starts_with("sys.") {
            // Not instantiable from Python (Py_TPFLAGS_DISALLOW_INSTANTIATION).
            (*tp).tp_new = None;
            (*tp).tp_flags |= flags::DISALLOW_INSTANTIATION;
        }
        let d = crate::typeobj::type_dict(tp);
        let unnamed = fields.iter().filter(|f| f.is_empty()).count();
        dict::set_item_rs(&d, "n_sequence_fields", long::from_usize(n_sequence));
        dict::set_item_rs(&d, "n_fields", long::from_usize(fields.len()));
        dict::set_item_rs(&d, "n_unnamed_fields", long::from_usize(unnamed));
        dict::set_item_rs(
            &d,
            "__match_args__",
            tuple::new(fields[..n_sequence].iter().filter(|f| !f.is_empty()).map(|f| unicode::intern(f)).collect()),
        );
        Ok(tp)
    }
}

/// A struct sequence value of the type `type_name` with these fields.
pub fn new(type_name: &str, fields: &[(&str, PyObj)]) -> PyObj {
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    let values: Vec<PyObj> = fields.iter().map(|(_, v)| v.clone()).collect();
    match get_type(type_name, &names) {
        Ok(tp) => unsafe { make_instance(tp, &values, values.len()) },
        Err(_) => tuple::new(values),
    }
}

/// An instance of a type from `get_type_ex`, from all its field values
/// (visible then hidden; missing trailing ones become None).
pub fn new_from_values(tp: *mut PyTypeObject, values: Vec<PyObj>) -> PyObj {
    unsafe {
        let (n, nseq) = match info_of(tp) {
            Some(i) => (i.fields.len(), i.n_sequence),
            None => (values.len(), values.len()),
        };
        let mut values = values;
        while values.len() < n {
            values.push(crate::objects::none::none());
        }
        make_instance(tp, &values, nseq)
    }
}

pub unsafe fn init() {}
