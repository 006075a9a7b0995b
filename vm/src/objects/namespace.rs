//! `types.SimpleNamespace`, also used for `sys.implementation` and module
//! specs until importlib's ModuleSpec is available.

use crate::abstract_;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{dict, none, tuple, unicode};
use crate::objref::PyObj;
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct NamespaceObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
}

#[no_mangle]
pub static mut _PyNamespace_Type: PyTypeObject =
    PyTypeObject::empty(b"types.SimpleNamespace\0", std::mem::size_of::<NamespaceObject>(), 0);
pub static mut ModuleSpec_Type: PyTypeObject =
    PyTypeObject::empty(b"ModuleSpec\0", std::mem::size_of::<NamespaceObject>(), 0);

fn make(tp: *mut PyTypeObject, fields: &[(&str, PyObj)]) -> PyObj {
    unsafe {
        let o = crate::alloc::alloc_object(tp, 0) as *mut NamespaceObject;
        let d = dict::new();
        for (k, v) in fields {
            dict::set_item_rs(&d, k, v.clone());
        }
        (*o).dict = d.into_ptr();
        PyObj::from_owned(o as *mut PyObject)
    }
}

pub fn new(fields: &[(&str, PyObj)]) -> PyObj {
    make(&raw mut _PyNamespace_Type, fields)
}

pub fn new_spec(fields: &[(&str, PyObj)]) -> PyObj {
    make(&raw mut ModuleSpec_Type, fields)
}

fn ns_type() -> *mut PyTypeObject {
    &raw mut _PyNamespace_Type
}

fn is_namespace(o: &PyObj) -> bool {
    unsafe { o.ob_type() == ns_type() || crate::typeobj::is_subtype(o.ob_type(), ns_type()) }
}

unsafe fn ns_dict<'a>(o: *mut PyObject) -> &'a PyObj {
    PyObj::borrow(&(*(o as *mut NamespaceObject)).dict)
}

unsafe extern "C" fn ns_new(tp: *mut PyTypeObject, _a: *mut PyObject, _k: *mut PyObject) -> *mut PyObject {
    let o = crate::typeobj::alloc_instance(tp);
    if o.is_null() {
        return o;
    }
    (*(o as *mut NamespaceObject)).dict = dict::new().into_ptr();
    o
}

unsafe extern "C" fn ns_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    if tuple::len(PyObj::borrow(&args)) != 0 {
        err::restore(err::type_error("no positional arguments expected"));
        return -1;
    }
    if kw.is_null() {
        return 0;
    }
    let kw = PyObj::borrow(&kw);
    let items = dict::items_vec(kw);
    for (k, _) in &items {
        if !unicode::is_str(k) {
            err::restore(err::type_error("keywords must be strings"));
            return -1;
        }
    }
    let d = ns_dict(o);
    for (k, v) in items {
        if let Err(e) = dict::set_item(d, k, v) {
            err::restore(e);
            return -1;
        }
    }
    0
}

unsafe extern "C" fn ns_dealloc(o: *mut PyObject) {
    let p = std::mem::replace(&mut (*(o as *mut NamespaceObject)).dict, std::ptr::null_mut());
    crate::objref::xdecref(p);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn ns_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = (*(o as *mut NamespaceObject)).dict;
    if p.is_null() { 0 } else { visit(p, arg) }
}

unsafe extern "C" fn ns_clear(o: *mut PyObject) -> c_int {
    let p = std::mem::replace(&mut (*(o as *mut NamespaceObject)).dict, std::ptr::null_mut());
    crate::objref::xdecref(p);
    0
}

fn ns_repr_impl(o: &PyObj) -> PyResult {
    let tp = o.ob_type();
    let name = if tp == ns_type() {
        "namespace".to_string()
    } else if tp == &raw mut ModuleSpec_Type {
        "ModuleSpec".to_string()
    } else {
        crate::typeobj::type_name(tp)
    };
    if crate::objects::setobject::repr_enter(o) {
        return Ok(unicode::new(&format!("{}(...)", name)));
    }
    let r = (|| {
        let mut parts = Vec::new();
        let dp = unsafe { (*(o.as_ptr() as *mut NamespaceObject)).dict };
        if !dp.is_null() {
            let d = unsafe { PyObj::borrow(&dp) }.clone();
            for (k, v) in dict::items_vec(&d) {
                if unicode::is_str(&k) {
                    parts.push(format!("{}={}", unicode::to_string_lossy(&k), abstract_::repr_string(&v)?));
                }
            }
        }
        Ok(unicode::new(&format!("{}({})", name, parts.join(", "))))
    })();
    crate::objects::setobject::repr_leave(o);
    r
}

unsafe extern "C" fn ns_repr(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(ns_repr_impl(PyObj::borrow(&o)))
}

unsafe extern "C" fn ns_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let (x, y) = (PyObj::borrow(&a), PyObj::borrow(&b));
    if is_namespace(x) && is_namespace(y) {
        let (da, db) = ((*(a as *mut NamespaceObject)).dict, (*(b as *mut NamespaceObject)).dict);
        if !da.is_null() && !db.is_null() {
            return err::into_ptr(abstract_::rich_compare(PyObj::borrow(&da), PyObj::borrow(&db), op));
        }
    }
    none::not_implemented().into_ptr()
}

crate::onearg!(ns_reduce, |slf, _a| {
    let d = crate::typeobj::instance_dict(slf).unwrap_or_else(dict::new);
    Ok(tuple::new(vec![crate::typeobj::type_obj(slf.ob_type()), tuple::empty(), d]))
});

pub fn types() -> Vec<*mut PyTypeObject> {
    unsafe { vec![&raw mut _PyNamespace_Type, &raw mut ModuleSpec_Type] }
}

pub unsafe fn init_types() {
    for t in types() {
        (*t).tp_dealloc = Some(ns_dealloc);
        (*t).tp_traverse = Some(ns_traverse);
        (*t).tp_clear = Some(ns_clear);
        (*t).tp_repr = Some(ns_repr);
        (*t).tp_richcompare = Some(ns_richcompare);
        (*t).tp_dictoffset = std::mem::offset_of!(NamespaceObject, dict) as isize;
        (*t).tp_flags |= flags::BASETYPE | flags::HAVE_GC;
        (*t).tp_new = Some(ns_new);
        (*t).tp_init = Some(ns_init);
        (*t).tp_hash = Some(crate::slots::hash_not_implemented);
        crate::objects::descr::set_methods(
            t,
            &[("__reduce__", ns_reduce as *const c_void, meth::NOARGS, "Return state information for pickling")],
        );
    }
}
