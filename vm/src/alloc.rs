//! Object memory: `PyObject_Malloc` and friends on mimalloc, and allocation
//! of objects of a given type (with the cycle collector's header in front of
//! objects whose type has `Py_TPFLAGS_HAVE_GC`, where CPython puts it).

use crate::object::{flags, PyGC_Head, PyObject, PyTypeObject, PyVarObject};
use std::os::raw::c_void;

#[inline(always)]
pub unsafe fn mem_malloc(n: usize) -> *mut c_void {
    libmimalloc_sys::mi_malloc(n.max(1))
}

/// Zeroed memory. mimalloc's own zeroing uses `rep stosb`, which costs far
/// more than libc's vector memset for the small sizes objects have.
#[inline(always)]
pub unsafe fn mem_calloc(n: usize) -> *mut c_void {
    let n = n.max(1);
    let p = libmimalloc_sys::mi_malloc(n);
    if !p.is_null() {
        std::ptr::write_bytes(p as *mut u8, 0, n);
    }
    p
}

#[inline(always)]
pub unsafe fn mem_realloc(p: *mut c_void, n: usize) -> *mut c_void {
    libmimalloc_sys::mi_realloc(p, n.max(1))
}

#[inline(always)]
pub unsafe fn mem_free(p: *mut c_void) {
    libmimalloc_sys::mi_free(p)
}

const GC_HEAD: usize = std::mem::size_of::<PyGC_Head>();

#[inline(always)]
pub unsafe fn type_is_gc(tp: *mut PyTypeObject) -> bool {
    (*tp).tp_flags & flags::HAVE_GC != 0
}

/// Size of an instance of `tp` holding `nitems` items.
#[inline(always)]
pub unsafe fn var_size(tp: *mut PyTypeObject, nitems: isize) -> usize {
    let s = (*tp).tp_basicsize + nitems * (*tp).tp_itemsize;
    // Round up to pointer alignment as CPython's _PyObject_VAR_SIZE does.
    ((s as usize) + 7) & !7
}

/// Allocates a zeroed instance of `tp` with refcount 1 (the generic
/// `tp_alloc`). Var-sized objects get `ob_size = nitems`. A heap type gains a
/// reference, released when the instance is freed.
pub unsafe fn alloc_object(tp: *mut PyTypeObject, nitems: isize) -> *mut PyObject {
    let size = var_size(tp, nitems + if (*tp).tp_itemsize != 0 { 1 } else { 0 });
    let obj: *mut PyObject = if type_is_gc(tp) {
        let mem = mem_calloc(size + GC_HEAD) as *mut u8;
        if mem.is_null() {
            return std::ptr::null_mut();
        }
        let o = mem.add(GC_HEAD) as *mut PyObject;
        crate::gc::track(o);
        o
    } else {
        let mem = mem_calloc(size) as *mut PyObject;
        if mem.is_null() {
            return std::ptr::null_mut();
        }
        mem
    };
    (*obj).ob_refcnt = 1;
    (*obj).ob_type = tp;
    if (*tp).tp_flags & flags::HEAPTYPE != 0 {
        crate::objref::incref(tp as *mut PyObject);
    }
    if (*tp).tp_itemsize != 0 {
        (*(obj as *mut PyVarObject)).ob_size = nitems;
    }
    obj
}

/// Frees the memory of an object (the generic `tp_free`); untracks it from the
/// collector first when it has a GC header.
pub unsafe fn object_free_raw(obj: *mut PyObject) {
    let tp = (*obj).ob_type;
    if type_is_gc(tp) {
        crate::gc::untrack(obj);
        mem_free((obj as *mut u8).sub(GC_HEAD) as *mut c_void);
    } else {
        mem_free(obj as *mut c_void);
    }
}

/// `tp_alloc` slot for types using the generic allocator.
pub unsafe extern "C" fn generic_alloc(tp: *mut PyTypeObject, nitems: isize) -> *mut PyObject {
    let o = alloc_object(tp, nitems);
    if o.is_null() {
        crate::err::set_memory_error();
    }
    o
}

/// `tp_free` slot matching `generic_alloc` (both GC and non-GC objects).
pub unsafe extern "C" fn generic_free(p: *mut c_void) {
    object_free_raw(p as *mut PyObject)
}

/// Address of an object's GC header.
#[inline(always)]
pub unsafe fn gc_head(obj: *mut PyObject) -> *mut PyGC_Head {
    (obj as *mut u8).sub(GC_HEAD) as *mut PyGC_Head
}

/// Frees an object through its actual type's `tp_free` (as every
/// deallocator ends, so subclasses with a GC header are freed correctly).
pub unsafe fn tp_free(o: *mut PyObject) {
    match (*(*o).ob_type).tp_free {
        Some(f) => f(o as *mut c_void),
        None => object_free_raw(o),
    }
}
