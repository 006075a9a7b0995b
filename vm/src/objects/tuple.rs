//! `tuple`: `PyTupleObject`, a var-sized object with its items inline.
//! Core construction and access; Python-level methods in `tuple_methods.rs`.

use crate::object::*;
use crate::objref::{decref, PyObj};

#[repr(C)]
pub struct PyTupleObject {
    pub ob_base: PyVarObject,
    pub ob_item: [*mut PyObject; 1],
}

#[no_mangle]
pub static mut PyTuple_Type: PyTypeObject = PyTypeObject::empty(
    b"tuple\0",
    std::mem::size_of::<PyTupleObject>() - std::mem::size_of::<*mut PyObject>(),
    std::mem::size_of::<*mut PyObject>(),
);

#[inline(always)]
pub fn tuple_type() -> *mut PyTypeObject {
    &raw mut PyTuple_Type
}

#[inline(always)]
pub fn is_tuple(o: &PyObj) -> bool {
    unsafe {
        let tp = o.ob_type();
        tp == tuple_type() || (*tp).tp_flags & flags::TUPLE_SUBCLASS != 0
    }
}

#[inline(always)]
pub fn is_exact_tuple(o: &PyObj) -> bool {
    o.ob_type() == tuple_type()
}

#[inline(always)]
pub fn len(t: &PyObj) -> usize {
    unsafe { (*(t.as_ptr() as *mut PyVarObject)).ob_size as usize }
}

#[inline(always)]
pub unsafe fn items_ptr(t: *mut PyObject) -> *mut *mut PyObject {
    (*(t as *mut PyTupleObject)).ob_item.as_mut_ptr()
}

/// The items as borrowed references.
#[inline(always)]
pub fn items(t: &PyObj) -> &[PyObj] {
    unsafe { PyObj::slice(items_ptr(t.as_ptr()), len(t)) }
}

static mut EMPTY: *mut PyObject = std::ptr::null_mut();

pub fn empty() -> PyObj {
    unsafe {
        if EMPTY.is_null() {
            EMPTY = crate::alloc::alloc_object(tuple_type(), 0);
            crate::gc::untrack(EMPTY);
        }
        PyObj::from_borrowed(EMPTY)
    }
}

/// Freed small tuples by length, reused as CPython's tuple free lists are.
const FREELIST_SIZES: usize = 20;
const FREELIST_DEPTH: usize = 2000;
static mut FREELIST: [Vec<*mut PyObject>; FREELIST_SIZES] = [const { Vec::new() }; FREELIST_SIZES];

/// A tuple of `n` null items, to be filled with `set_new_item` (`PyTuple_New`).
pub unsafe fn new_uninit(n: usize) -> PyObj {
    if n == 0 {
        return empty();
    }
    if let Some(o) = pop_free(n) {
        let p = items_ptr(o);
        for i in 0..n {
            *p.add(i) = std::ptr::null_mut();
        }
        crate::gc::track(o);
        return PyObj::from_owned(o);
    }
    alloc_fresh(n)
}

/// A freed tuple of `n` items (0 < n < FREELIST_SIZES) with a count of one,
/// its items stale and not yet tracked; None when that list is empty.
#[inline(always)]
unsafe fn pop_free(n: usize) -> Option<*mut PyObject> {
    if n >= FREELIST_SIZES {
        return None;
    }
    let o = (*(&raw mut FREELIST))[n].pop()?;
    (*o).ob_refcnt = 1;
    Some(o)
}

/// A newly allocated tuple of `n` null items, already tracked.
#[cold]
#[inline(never)]
unsafe fn alloc_fresh(n: usize) -> PyObj {
    let o = crate::alloc::alloc_object(tuple_type(), n as isize);
    if o.is_null() {
        panic!("out of memory allocating a tuple of {n} items");
    }
    PyObj::from_owned(o)
}

/// A tuple that takes over the `n` references at `items`, which the caller
/// gives up (CPython's `_PyTuple_FromArraySteal`). The call paths move stack
/// arguments into a METH_VARARGS argument tuple this way, instead of an
/// incref and a decref per argument; the items are written before the tuple
/// is tracked, and without zeroing them first.
pub unsafe fn from_array_steal(items: *const *mut PyObject, n: usize) -> *mut PyObject {
    if n == 0 {
        return empty().into_ptr();
    }
    let (o, fresh) = match pop_free(n) {
        Some(o) => (o, false),
        None => (alloc_fresh(n).into_ptr(), true),
    };
    let p = items_ptr(o);
    let mut i = 0;
    while i < n {
        *p.add(i) = *items.add(i);
        i += 1;
    }
    if !fresh {
        crate::gc::track(o);
    }
    o
}

#[inline(always)]
pub unsafe fn set_new_item(t: &PyObj, i: usize, v: PyObj) {
    *items_ptr(t.as_ptr()).add(i) = v.into_ptr();
}

pub fn new(items: Vec<PyObj>) -> PyObj {
    unsafe {
        let t = new_uninit(items.len());
        for (i, v) in items.into_iter().enumerate() {
            set_new_item(&t, i, v);
        }
        t
    }
}

pub fn from_slice(items: &[PyObj]) -> PyObj {
    unsafe {
        for v in items {
            crate::objref::incref(v.as_ptr());
        }
        PyObj::from_owned(from_array_steal(items.as_ptr() as *const *mut PyObject, items.len()))
    }
}

pub fn pair(a: PyObj, b: PyObj) -> PyObj {
    new(vec![a, b])
}

unsafe extern "C" fn tuple_dealloc(o: *mut PyObject) {
    // Untracked first, as CPython does: releasing an item can run a
    // collection, which must not meet a tuple whose count is already zero.
    crate::gc::untrack(o);
    let n = (*(o as *mut PyVarObject)).ob_size as usize;
    let p = items_ptr(o);
    for i in 0..n {
        let it = *p.add(i);
        if !it.is_null() {
            decref(it);
        }
    }
    if (*o).ob_type == tuple_type() && n > 0 && n < FREELIST_SIZES && o != EMPTY {
        let fl = &mut (*(&raw mut FREELIST))[n];
        if fl.len() < FREELIST_DEPTH {
            fl.push(o);
            return;
        }
    }
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn tuple_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut std::os::raw::c_void,
) -> std::os::raw::c_int {
    let n = (*(o as *mut PyVarObject)).ob_size as usize;
    let p = items_ptr(o);
    for i in 0..n {
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

pub unsafe fn init_type() {
    let t = tuple_type();
    (*t).tp_dealloc = Some(tuple_dealloc);
    (*t).tp_traverse = Some(tuple_traverse);
    (*t).tp_flags |= flags::BASETYPE | flags::TUPLE_SUBCLASS | flags::HAVE_GC | flags::SEQUENCE;
}
