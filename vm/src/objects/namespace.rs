//! `types.SimpleNamespace`, also used for `sys.implementation` and module
//! specs until importlib's ModuleSpec is available.

use crate::object::*;
use crate::objects::{dict, unicode};
use crate::objref::PyObj;

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

unsafe extern "C" fn ns_dealloc(o: *mut PyObject) {
    crate::objref::xdecref((*(o as *mut NamespaceObject)).dict);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn ns_repr(o: *mut PyObject) -> *mut PyObject {
    let d = PyObj::borrow(&(*(o as *mut NamespaceObject)).dict).clone();
    let mut parts = Vec::new();
    for (k, v) in dict::items_vec(&d) {
        match crate::abstract_::repr_string(&v) {
            Ok(r) => parts.push(format!("{}={}", unicode::to_string_lossy(&k), r)),
            Err(e) => {
                crate::err::restore(e);
                return std::ptr::null_mut();
            }
        }
    }
    let name = if (*o).ob_type == &raw mut ModuleSpec_Type { "ModuleSpec" } else { "namespace" };
    unicode::new(&format!("{}({})", name, parts.join(", "))).into_ptr()
}

pub fn types() -> Vec<*mut PyTypeObject> {
    unsafe { vec![&raw mut _PyNamespace_Type, &raw mut ModuleSpec_Type] }
}

pub unsafe fn init_types() {
    for t in types() {
        (*t).tp_dealloc = Some(ns_dealloc);
        (*t).tp_repr = Some(ns_repr);
        (*t).tp_dictoffset = std::mem::offset_of!(NamespaceObject, dict) as isize;
        (*t).tp_flags |= flags::BASETYPE;
        (*t).tp_new = Some(crate::typeobj::object_new);
    }
}
