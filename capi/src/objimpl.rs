//! objimpl.h: initialising object headers (`PyObject_Init`/`InitVar`),
//! allocating objects of a type without GC support (`_PyObject_New`/
//! `NewVar`, freed with `PyObject_Del` = `PyObject_Free`), and the cycle
//! collector's side (`_PyObject_GC_New`/`NewVar`, `PyObject_GC_Track`/
//! `UnTrack`/`Del`): a GC object has the VM's `PyGC_Head` in front of it,
//! exactly where CPython puts it, so `vm::gc` traverses C objects through
//! their `tp_traverse` like its own.

use std::os::raw::c_void;
use vm::object::*;
use vm::objref::incref;

const GC_HEAD: usize = std::mem::size_of::<PyGC_Head>();

/// Sets the header of freshly allocated memory: refcount 1 and the type
/// (a heap type gains a reference, released by the instance's dealloc).
#[no_mangle]
pub unsafe extern "C" fn PyObject_Init(op: *mut PyObject, tp: *mut PyTypeObject) -> *mut PyObject {
    if op.is_null() {
        vm::err::set_memory_error();
        return op;
    }
    (*op).ob_type = tp;
    (*op).ob_refcnt = 1;
    if (*tp).tp_flags & flags::HEAPTYPE != 0 {
        incref(tp as *mut PyObject);
    }
    op
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_InitVar(op: *mut PyVarObject, tp: *mut PyTypeObject, size: Py_ssize_t) -> *mut PyVarObject {
    if op.is_null() {
        vm::err::set_memory_error();
        return op;
    }
    (*op).ob_size = size;
    PyObject_Init(op as *mut PyObject, tp);
    op
}

/// Memory for an object of `size` bytes (zeroed, as the VM's allocator
/// expects of its objects), with or without a GC header in front.
unsafe fn raw_alloc(size: usize, gc: bool) -> *mut PyObject {
    if gc {
        let mem = vm::alloc::mem_calloc(size + GC_HEAD) as *mut u8;
        if mem.is_null() {
            return std::ptr::null_mut();
        }
        mem.add(GC_HEAD) as *mut PyObject
    } else {
        vm::alloc::mem_calloc(size) as *mut PyObject
    }
}

#[no_mangle]
pub unsafe extern "C" fn _PyObject_New(tp: *mut PyTypeObject) -> *mut PyObject {
    let op = raw_alloc((*tp).tp_basicsize as usize, false);
    PyObject_Init(op, tp)
}

#[no_mangle]
pub unsafe extern "C" fn _PyObject_NewVar(tp: *mut PyTypeObject, n: Py_ssize_t) -> *mut PyVarObject {
    if n < 0 {
        vm::err::set_memory_error();
        return std::ptr::null_mut();
    }
    let op = raw_alloc(vm::alloc::var_size(tp, n), false) as *mut PyVarObject;
    PyObject_InitVar(op, tp, n)
}

/// A GC object, not yet tracked: the type's C code calls
/// `PyObject_GC_Track` once its fields are set.
#[no_mangle]
pub unsafe extern "C" fn _PyObject_GC_New(tp: *mut PyTypeObject) -> *mut PyObject {
    let op = raw_alloc((*tp).tp_basicsize as usize, true);
    PyObject_Init(op, tp)
}

#[no_mangle]
pub unsafe extern "C" fn _PyObject_GC_NewVar(tp: *mut PyTypeObject, n: Py_ssize_t) -> *mut PyVarObject {
    if n < 0 {
        vm::err::set_memory_error();
        return std::ptr::null_mut();
    }
    let op = raw_alloc(vm::alloc::var_size(tp, n), true) as *mut PyVarObject;
    PyObject_InitVar(op, tp, n)
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_Track(op: *mut c_void) {
    vm::gc::track(op as *mut PyObject)
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_UnTrack(op: *mut c_void) {
    // Deallocators call it unconditionally, possibly twice.
    if vm::gc::is_tracked(op as *mut PyObject) {
        vm::gc::untrack(op as *mut PyObject)
    }
}

/// Frees a GC object's memory (its header included); the `tp_free` of
/// GC types.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_Del(op: *mut c_void) {
    let o = op as *mut PyObject;
    if vm::gc::is_tracked(o) {
        vm::gc::untrack(o);
    }
    vm::alloc::mem_free(vm::alloc::gc_head(o) as *mut c_void)
}
