//! Struct sequences (`sys.version_info`, `sys.flags`, `os.stat_result`):
//! tuple subclasses whose items are also named read-only attributes.
//!
//! A type is created per name on first use and cached; its instances have
//! the tuple layout, and each field is a member descriptor reading the
//! matching `ob_item` slot, as in CPython's `structseq.c`.

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{dict, long, tuple, unicode};
use crate::objref::PyObj;
use std::collections::HashMap;
use std::os::raw::{c_int, c_void};

struct Info {
    tp: usize,
    fields: Vec<String>,
}

static mut CACHE: Option<HashMap<String, Info>> = None;

unsafe fn cache() -> &'static mut HashMap<String, Info> {
    (*(&raw mut CACHE)).get_or_insert_with(HashMap::new)
}

fn full_name(tp: *mut PyTypeObject) -> String {
    unsafe { std::ffi::CStr::from_ptr((*tp).tp_name).to_string_lossy().into_owned() }
}

unsafe fn fields_of(tp: *mut PyTypeObject) -> Vec<String> {
    // Subclasses share their base's fields.
    let mut t = tp;
    while !t.is_null() {
        for info in cache().values() {
            if info.tp == t as usize {
                return info.fields.clone();
            }
        }
        t = (*t).tp_base;
    }
    Vec::new()
}

fn structseq_repr_impl(o: &PyObj) -> PyResult {
    let tp = o.ob_type();
    let fields = unsafe { fields_of(tp) };
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

unsafe fn make_instance(tp: *mut PyTypeObject, values: &[PyObj]) -> PyObj {
    let o = crate::alloc::alloc_object(tp, values.len() as isize);
    let p = tuple::items_ptr(o);
    for (i, v) in values.iter().enumerate() {
        *p.add(i) = v.clone().into_ptr();
    }
    PyObj::from_owned(o)
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
        let items = crate::abstract_::iterate(&seq).map_err(|e| {
            if e.matches(crate::objects::exceptions::PyExc_TypeError) {
                err::type_error("constructor requires a sequence")
            } else {
                e
            }
        })?;
        let n = fields_of(tp).len();
        if items.len() != n {
            return Err(err::type_error(format!(
                "{}() takes a {}-sequence ({}-sequence given)",
                full_name(tp),
                n,
                items.len()
            )));
        }
        Ok(make_instance(tp, &items))
    })();
    err::into_ptr(r)
}

crate::onearg!(structseq_reduce, |slf, _a| {
    let items = tuple::items(slf).to_vec();
    Ok(tuple::new(vec![
        crate::typeobj::type_obj(slf.ob_type()),
        tuple::new(vec![tuple::new(items), dict::new()]),
    ]))
});

/// The struct sequence type called `type_name` with these field names,
/// created on first use.
pub fn get_type(type_name: &str, fields: &[&str]) -> PyResult<*mut PyTypeObject> {
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
        (*tp).tp_flags |= flags::BASETYPE | flags::TUPLE_SUBCLASS | flags::HAVE_GC;
        if !type_name.starts_with("sys.") {
            (*tp).tp_new = Some(structseq_new);
        }
        let base_off = std::mem::offset_of!(tuple::PyTupleObject, ob_item);
        let members: Vec<(&str, c_int, usize, c_int)> = fields
            .iter()
            .enumerate()
            .map(|(i, f)| (*f, crate::objects::descr::T_OBJECT, base_off + i * 8, crate::objects::descr::READONLY))
            .collect();
        crate::objects::descr::set_members(tp, &members);
        crate::objects::descr::set_methods(
            tp,
            &[("__reduce__", structseq_reduce as *const c_void, meth::NOARGS, "")],
        );
        cache().insert(
            type_name.to_string(),
            Info { tp: tp as usize, fields: fields.iter().map(|s| s.to_string()).collect() },
        );
        crate::typeobj::ready(tp)?;
        if type_name.starts_with("sys.") {
            // Not instantiable from Python (Py_TPFLAGS_DISALLOW_INSTANTIATION).
            (*tp).tp_new = None;
            (*tp).tp_flags |= flags::DISALLOW_INSTANTIATION;
        }
        let d = crate::typeobj::type_dict(tp);
        let n = long::from_usize(fields.len());
        dict::set_item_rs(&d, "n_sequence_fields", n.clone());
        dict::set_item_rs(&d, "n_fields", n);
        dict::set_item_rs(&d, "n_unnamed_fields", long::from_i64(0));
        dict::set_item_rs(
            &d,
            "__match_args__",
            tuple::new(fields.iter().map(|f| unicode::intern(f)).collect()),
        );
        Ok(tp)
    }
}

/// A struct sequence value of the type `type_name` with these fields.
pub fn new(type_name: &str, fields: &[(&str, PyObj)]) -> PyObj {
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    let values: Vec<PyObj> = fields.iter().map(|(_, v)| v.clone()).collect();
    match get_type(type_name, &names) {
        Ok(tp) => unsafe { make_instance(tp, &values) },
        Err(_) => tuple::new(values),
    }
}

pub unsafe fn init() {}
