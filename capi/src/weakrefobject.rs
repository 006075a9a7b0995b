//! weakrefobject.h: `PyObject_ClearWeakRefs`, which the deallocator of a
//! C type with `tp_weaklistoffset` calls (the VM's weak reference lists
//! live at that offset, as CPython's do).

use vm::object::PyObject;

#[no_mangle]
pub unsafe extern "C" fn PyObject_ClearWeakRefs(o: *mut PyObject) {
    if o.is_null() {
        return;
    }
    vm::objects::weakref::clear_weakrefs(o)
}
