//! `list`: `PyListObject` (`ob_item` array of `allocated` slots, `ob_size`
//! used). Core construction and access; methods in `list_methods.rs`.

use crate::object::*;
use crate::objref::{decref, PyObj};

#[repr(C)]
pub struct PyListObject {
    pub ob_base: PyVarObject,
    pub ob_item: *mut *mut PyObject,
    pub allocated: Py_ssize_t,
}

#[no_mangle]
pub static mut PyList_Type: PyTypeObject =
    PyTypeObject::empty(b"list\0", std::mem::size_of::<PyListObject>(), 0);

#[inline(always)]
pub fn list_type() -> *mut PyTypeObject {
    &raw mut PyList_Type
}

#[inline(always)]
pub fn is_list(o: &PyObj) -> bool {
    unsafe {
        let tp = o.ob_type();
        tp == list_type() || (*tp).tp_flags & flags::LIST_SUBCLASS != 0
    }
}

#[inline(always)]
pub fn is_exact_list(o: &PyObj) -> bool {
    o.ob_type() == list_type()
}

#[inline(always)]
unsafe fn raw(o: &PyObj) -> *mut PyListObject {
    o.as_ptr() as *mut PyListObject
}

#[inline(always)]
pub fn len(l: &PyObj) -> usize {
    unsafe { (*raw(l)).ob_base.ob_size as usize }
}

/// The items as borrowed references. Invalidated by any mutation of the
/// list, including by Python code run while the slice is held.
#[inline(always)]
pub fn items(l: &PyObj) -> &[PyObj] {
    unsafe { PyObj::slice((*raw(l)).ob_item, len(l)) }
}

#[inline(always)]
pub fn get(l: &PyObj, i: usize) -> PyObj {
    unsafe { PyObj::from_borrowed(*(*raw(l)).ob_item.add(i)) }
}

/// Ensures room for `n` items (CPython's over-allocation pattern).
pub unsafe fn reserve(l: &PyObj, n: usize) {
    let r = raw(l);
    if n as isize <= (*r).allocated {
        return;
    }
    let new_alloc = (n + (n >> 3) + if n < 9 { 3 } else { 6 }) & !3;
    let p = crate::alloc::mem_realloc(
        (*r).ob_item as *mut _,
        new_alloc * std::mem::size_of::<*mut PyObject>(),
    ) as *mut *mut PyObject;
    if p.is_null() {
        panic!("out of memory growing a list to {n} items");
    }
    (*r).ob_item = p;
    (*r).allocated = new_alloc as isize;
}

pub fn new_empty() -> PyObj {
    unsafe { PyObj::from_owned(crate::alloc::alloc_object(list_type(), 0)) }
}

pub fn new(items: Vec<PyObj>) -> PyObj {
    let l = new_empty();
    unsafe {
        reserve(&l, items.len());
        let r = raw(&l);
        let n = items.len();
        for (i, v) in items.into_iter().enumerate() {
            *(*r).ob_item.add(i) = v.into_ptr();
        }
        (*r).ob_base.ob_size = n as isize;
    }
    l
}

pub fn from_slice(items: &[PyObj]) -> PyObj {
    let l = new_empty();
    unsafe {
        reserve(&l, items.len());
        let r = raw(&l);
        for (i, v) in items.iter().enumerate() {
            *(*r).ob_item.add(i) = v.clone().into_ptr();
        }
        (*r).ob_base.ob_size = items.len() as isize;
    }
    l
}

#[inline]
pub fn append(l: &PyObj, v: PyObj) {
    unsafe {
        let n = len(l);
        let r = raw(l);
        if n as isize >= (*r).allocated {
            reserve(l, n + 1);
        }
        *(*r).ob_item.add(n) = v.into_ptr();
        (*r).ob_base.ob_size = n as isize + 1;
    }
}

/// Replaces item `i` (in bounds), releasing the old one.
pub fn set(l: &PyObj, i: usize, v: PyObj) {
    unsafe {
        let slot = (*raw(l)).ob_item.add(i);
        let old = std::mem::replace(&mut *slot, v.into_ptr());
        crate::objref::xdecref(old);
    }
}

/// Replaces the whole contents (old items released after the swap, so
/// destructors that look at the list see a consistent state).
pub fn set_contents(l: &PyObj, items: Vec<PyObj>) {
    unsafe {
        let r = raw(l);
        let old_items = (*r).ob_item;
        let old_n = (*r).ob_base.ob_size as usize;
        (*r).ob_item = std::ptr::null_mut();
        (*r).allocated = 0;
        (*r).ob_base.ob_size = 0;
        reserve(l, items.len());
        for (i, v) in items.into_iter().enumerate() {
            *(*r).ob_item.add(i) = v.into_ptr();
            (*r).ob_base.ob_size = i as isize + 1;
        }
        for i in 0..old_n {
            decref(*old_items.add(i));
        }
        if !old_items.is_null() {
            crate::alloc::mem_free(old_items as *mut _);
        }
    }
}

pub fn to_vec(l: &PyObj) -> Vec<PyObj> {
    items(l).to_vec()
}

unsafe extern "C" fn list_dealloc(o: *mut PyObject) {
    let r = o as *mut PyListObject;
    let n = (*r).ob_base.ob_size as usize;
    // Items may still be NULL in a list made by C's PyList_New(n).
    for i in 0..n {
        crate::objref::xdecref(*(*r).ob_item.add(i));
    }
    if !(*r).ob_item.is_null() {
        crate::alloc::mem_free((*r).ob_item as *mut _);
    }
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn list_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut std::os::raw::c_void,
) -> std::os::raw::c_int {
    let r = o as *mut PyListObject;
    for i in 0..(*r).ob_base.ob_size as usize {
        let it = *(*r).ob_item.add(i);
        if it.is_null() {
            continue;
        }
        let rv = visit(it, arg);
        if rv != 0 {
            return rv;
        }
    }
    0
}

unsafe extern "C" fn list_clear(o: *mut PyObject) -> std::os::raw::c_int {
    set_contents(PyObj::borrow(&o), Vec::new());
    0
}

pub unsafe fn init_type() {
    let t = list_type();
    (*t).tp_dealloc = Some(list_dealloc);
    (*t).tp_traverse = Some(list_traverse);
    (*t).tp_clear = Some(list_clear);
    (*t).tp_flags |= flags::BASETYPE | flags::LIST_SUBCLASS | flags::HAVE_GC | flags::SEQUENCE;
}
