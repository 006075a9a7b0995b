//! `mappingproxy`: a read-only view of a mapping (what `cls.__dict__` returns).

use crate::abstract_;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{dict, list, tuple};
use crate::objref::{xdecref, PyObj};
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct MappingProxyObject {
    pub ob_base: PyObject,
    pub mapping: *mut PyObject,
}

#[no_mangle]
pub static mut PyDictProxy_Type: PyTypeObject =
    PyTypeObject::empty(b"mappingproxy\0", std::mem::size_of::<MappingProxyObject>(), 0);

pub fn proxy_type() -> *mut PyTypeObject {
    &raw mut PyDictProxy_Type
}

pub fn is_proxy(o: &PyObj) -> bool {
    o.ob_type() == proxy_type()
}

/// The mapping behind a proxy.
pub fn mapping(p: &PyObj) -> &PyObj {
    unsafe { PyObj::borrow(&(*(p.as_ptr() as *mut MappingProxyObject)).mapping) }
}

pub fn new(d: PyObj) -> PyObj {
    unsafe {
        let o = crate::alloc::alloc_object(proxy_type(), 0) as *mut MappingProxyObject;
        (*o).mapping = d.into_ptr();
        PyObj::from_owned(o as *mut PyObject)
    }
}

fn check_mapping(m: &PyObj) -> PyResult<()> {
    let ok = unsafe {
        let mp = (*m.ob_type()).tp_as_mapping;
        !mp.is_null() && (*mp).mp_subscript.is_some()
    };
    if !ok || list::is_list(m) || tuple::is_tuple(m) {
        return Err(err::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            crate::typeobj::type_name(m.ob_type())
        )));
    }
    Ok(())
}

unsafe extern "C" fn mp_new(_tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
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
        let b = crate::objects::methodobject::bind_args("mappingproxy", &all, kwnames.as_ref(), &["mapping"], 1, 0)?;
        let m = b[0].clone().unwrap();
        check_mapping(&m)?;
        Ok(new(m))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn mp_dealloc(o: *mut PyObject) {
    xdecref((*(o as *mut MappingProxyObject)).mapping);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn mp_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = (*(o as *mut MappingProxyObject)).mapping;
    if p.is_null() { 0 } else { visit(p, arg) }
}

unsafe extern "C" fn mp_len(o: *mut PyObject) -> Py_ssize_t {
    match abstract_::len(mapping(PyObj::borrow(&o))) {
        Ok(n) => n as isize,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn mp_getitem(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    err::into_ptr(abstract_::getitem(mapping(PyObj::borrow(&o)), PyObj::borrow(&k)))
}

unsafe extern "C" fn mp_contains(o: *mut PyObject, k: *mut PyObject) -> c_int {
    let m = mapping(PyObj::borrow(&o));
    let k = PyObj::borrow(&k);
    let r = if dict::is_exact_dict(m) { dict::contains(m, k) } else { abstract_::contains(m, k) };
    match r {
        Ok(b) => b as c_int,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn mp_iter(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(abstract_::get_iter(mapping(PyObj::borrow(&o))))
}

unsafe extern "C" fn mp_repr(o: *mut PyObject) -> *mut PyObject {
    let r = abstract_::repr_string(mapping(PyObj::borrow(&o)))
        .map(|s| crate::objects::unicode::new(&format!("mappingproxy({})", s)));
    err::into_ptr(r)
}

unsafe extern "C" fn mp_str(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(abstract_::str(mapping(PyObj::borrow(&o))))
}

unsafe extern "C" fn mp_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    err::into_ptr(abstract_::rich_compare(mapping(PyObj::borrow(&a)), PyObj::borrow(&b), op))
}

unsafe extern "C" fn mp_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let mut a = PyObj::borrow(&a);
    let mut b = PyObj::borrow(&b);
    if is_proxy(a) {
        a = mapping(a);
    }
    if is_proxy(b) {
        b = mapping(b);
    }
    err::into_ptr(abstract_::binary_op(a, b, crate::bytecode::NB_OR))
}

unsafe extern "C" fn mp_ior(a: *mut PyObject, _b: *mut PyObject) -> *mut PyObject {
    let _ = a;
    err::into_ptr(Err(err::type_error("'|=' is not supported by mappingproxy; use '|' instead")))
}

crate::fastcall_kw!(m_get, |slf, args, kwnames| {
    let m = mapping(slf);
    abstract_::call(&abstract_::getattr_str(m, "get")?, args, kwnames)
});
crate::onearg!(m_keys, |slf, _a| { abstract_::call_method(mapping(slf), "keys", &[]) });
crate::onearg!(m_values, |slf, _a| { abstract_::call_method(mapping(slf), "values", &[]) });
crate::onearg!(m_items, |slf, _a| { abstract_::call_method(mapping(slf), "items", &[]) });
crate::onearg!(m_copy, |slf, _a| { abstract_::call_method(mapping(slf), "copy", &[]) });
crate::onearg!(m_reversed, |slf, _a| {
    let r = crate::typeobj::type_obj(crate::objects::enumobject::reversed_type());
    abstract_::call1(&r, mapping(slf))
});
crate::onearg!(m_class_getitem, |slf, a| { crate::objects::setobject::generic_alias(slf, a.unwrap()) });

static mut MP_AS_MAPPING: PyMappingMethods = EMPTY_MAPPING_METHODS;
static mut MP_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut MP_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![proxy_type()]
}

pub unsafe fn init_types() {
    let t = proxy_type();
    let m = &raw mut MP_AS_MAPPING;
    (*m).mp_length = Some(mp_len);
    (*m).mp_subscript = Some(mp_getitem);
    let s = &raw mut MP_AS_SEQUENCE;
    (*s).sq_contains = Some(mp_contains);
    let n = &raw mut MP_AS_NUMBER;
    (*n).nb_or = Some(mp_or);
    (*n).nb_inplace_or = Some(mp_ior);
    (*t).tp_as_mapping = m;
    (*t).tp_as_sequence = s;
    (*t).tp_as_number = n;
    (*t).tp_dealloc = Some(mp_dealloc);
    (*t).tp_traverse = Some(mp_traverse);
    (*t).tp_iter = Some(mp_iter);
    (*t).tp_repr = Some(mp_repr);
    (*t).tp_str = Some(mp_str);
    (*t).tp_richcompare = Some(mp_richcompare);
    (*t).tp_hash = Some(crate::slots::hash_not_implemented);
    (*t).tp_new = Some(mp_new);
    (*t).tp_flags |= flags::HAVE_GC | flags::MAPPING;
    crate::objects::descr::set_methods(
        t,
        &[
            ("get", m_get as *const c_void, meth::FASTCALL | meth::KEYWORDS, "Return the value for key if key is in the mapping, else default."),
            ("keys", m_keys as *const c_void, meth::NOARGS, "D.keys() -> a set-like object providing a view on D's keys"),
            ("values", m_values as *const c_void, meth::NOARGS, "D.values() -> an object providing a view on D's values"),
            ("items", m_items as *const c_void, meth::NOARGS, "D.items() -> a set-like object providing a view on D's items"),
            ("copy", m_copy as *const c_void, meth::NOARGS, "D.copy() -> a shallow copy of D"),
            ("__reversed__", m_reversed as *const c_void, meth::NOARGS, "D.__reversed__() -> reverse iterator"),
            ("__class_getitem__", m_class_getitem as *const c_void, meth::O | meth::CLASS, "See PEP 585"),
        ],
    );
}
