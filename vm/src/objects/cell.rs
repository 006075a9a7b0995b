//! `cell`: the box a closure variable lives in (`PyCellObject`).

use crate::object::*;
use crate::objref::{xdecref, PyObj};
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct PyCellObject {
    pub ob_base: PyObject,
    pub ob_ref: *mut PyObject,
}

#[no_mangle]
pub static mut PyCell_Type: PyTypeObject =
    PyTypeObject::empty(b"cell\0", std::mem::size_of::<PyCellObject>(), 0);

pub fn cell_type() -> *mut PyTypeObject {
    &raw mut PyCell_Type
}

pub fn is_cell(o: &PyObj) -> bool {
    o.ob_type() == cell_type()
}

pub fn new(v: Option<PyObj>) -> PyObj {
    unsafe {
        let c = crate::alloc::alloc_object(cell_type(), 0) as *mut PyCellObject;
        (*c).ob_ref = v.map(|v| v.into_ptr()).unwrap_or(std::ptr::null_mut());
        PyObj::from_owned(c as *mut PyObject)
    }
}

#[inline]
pub fn get(c: &PyObj) -> Option<PyObj> {
    unsafe {
        let p = (*(c.as_ptr() as *mut PyCellObject)).ob_ref;
        if p.is_null() {
            None
        } else {
            Some(PyObj::from_borrowed(p))
        }
    }
}

#[inline]
pub fn set(c: &PyObj, v: Option<PyObj>) {
    unsafe {
        let slot = &mut (*(c.as_ptr() as *mut PyCellObject)).ob_ref;
        let old = std::mem::replace(slot, v.map(|v| v.into_ptr()).unwrap_or(std::ptr::null_mut()));
        xdecref(old);
    }
}

unsafe extern "C" fn cell_dealloc(o: *mut PyObject) {
    xdecref((*(o as *mut PyCellObject)).ob_ref);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn cell_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = (*(o as *mut PyCellObject)).ob_ref;
    if p.is_null() {
        0
    } else {
        visit(p, arg)
    }
}

unsafe extern "C" fn cell_clear(o: *mut PyObject) -> c_int {
    set(PyObj::borrow(&o), None);
    0
}

unsafe extern "C" fn cell_contents_get(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    match get(PyObj::borrow(&o)) {
        Some(v) => v.into_ptr(),
        None => {
            crate::err::restore(crate::err::value_error("Cell is empty"));
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn cell_contents_set(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    set(PyObj::borrow(&o), if v.is_null() { None } else { Some(PyObj::from_borrowed(v)) });
    0
}

unsafe extern "C" fn cell_repr(o: *mut PyObject) -> *mut PyObject {
    let c = PyObj::borrow(&o);
    let s = match get(c) {
        None => format!("<cell at {:#x}: empty>", o as usize),
        Some(v) => format!(
            "<cell at {:#x}: {} object at {:#x}>",
            o as usize,
            crate::typeobj::type_name(v.ob_type()),
            v.as_ptr() as usize
        ),
    };
    crate::objects::unicode::new(&s).into_ptr()
}

/// `types.CellType([contents])`: a cell, empty without an argument.
unsafe extern "C" fn cell_new(_tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    use crate::objects::{dict, tuple};
    if !kw.is_null() && dict::len(PyObj::borrow(&kw)) > 0 {
        crate::err::restore(crate::err::type_error("cell() takes no keyword arguments"));
        return std::ptr::null_mut();
    }
    let a = tuple::items(PyObj::borrow(&args));
    if a.len() > 1 {
        crate::err::restore(crate::err::type_error(format!("cell expected at most 1 argument, got {}", a.len())));
        return std::ptr::null_mut();
    }
    new(a.first().cloned()).into_ptr()
}

/// Cells compare by their contents; an empty cell sorts before any other.
unsafe extern "C" fn cell_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let (x, y) = (PyObj::borrow(&a), PyObj::borrow(&b));
    if !is_cell(y) || !is_cell(x) {
        return crate::objects::none::not_implemented().into_ptr();
    }
    match (get(x), get(y)) {
        (Some(u), Some(v)) => crate::err::into_ptr(crate::abstract_::rich_compare(&u, &v, op)),
        (u, v) => {
            let (l, r) = (u.is_some() as i32, v.is_some() as i32);
            let res = match op {
                0 => l < r,
                1 => l <= r,
                2 => l == r,
                3 => l != r,
                4 => l > r,
                _ => l >= r,
            };
            crate::objects::boolobject::new(res).into_ptr()
        }
    }
}

pub unsafe fn init_type() {
    let t = cell_type();
    (*t).tp_new = Some(cell_new);
    (*t).tp_richcompare = Some(cell_richcompare);
    (*t).tp_dealloc = Some(cell_dealloc);
    (*t).tp_traverse = Some(cell_traverse);
    (*t).tp_clear = Some(cell_clear);
    (*t).tp_repr = Some(cell_repr);
    (*t).tp_flags |= flags::HAVE_GC;
    crate::objects::descr::set_getsets(
        t,
        &[("cell_contents", cell_contents_get as *const c_void, cell_contents_set as *const c_void)],
    );
}
