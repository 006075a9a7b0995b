//! pymem.h and objimpl.h's raw allocators: `PyMem_*`, `PyMem_Raw*` and
//! `PyObject_Malloc`/`Calloc`/`Realloc`/`Free`, all on mimalloc as the VM
//! allocates objects, so memory may cross between the families as CPython
//! tolerates in release builds. A zero-byte request gives a unique pointer.

use std::os::raw::c_void;
use vm::alloc;

unsafe fn calloc(n: usize, size: usize) -> *mut c_void {
    match n.checked_mul(size) {
        Some(t) => alloc::mem_calloc(t),
        None => std::ptr::null_mut(),
    }
}

macro_rules! family {
    ($malloc:ident, $calloc:ident, $realloc:ident, $free:ident) => {
        #[no_mangle]
        pub unsafe extern "C" fn $malloc(n: usize) -> *mut c_void {
            if n > isize::MAX as usize {
                return std::ptr::null_mut();
            }
            alloc::mem_malloc(n)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $calloc(n: usize, size: usize) -> *mut c_void {
            calloc(n, size)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $realloc(p: *mut c_void, n: usize) -> *mut c_void {
            if n > isize::MAX as usize {
                return std::ptr::null_mut();
            }
            alloc::mem_realloc(p, n)
        }
        #[no_mangle]
        pub unsafe extern "C" fn $free(p: *mut c_void) {
            if !p.is_null() {
                alloc::mem_free(p)
            }
        }
    };
}

family!(PyMem_Malloc, PyMem_Calloc, PyMem_Realloc, PyMem_Free);
family!(PyMem_RawMalloc, PyMem_RawCalloc, PyMem_RawRealloc, PyMem_RawFree);
family!(PyObject_Malloc, PyObject_Calloc, PyObject_Realloc, PyObject_Free);
