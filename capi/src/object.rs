//! object.h: reference counting (`_Py_Dealloc`, `Py_IncRef`/`Py_DecRef`,
//! `Py_NewRef`), the attribute/compare/hash/truth protocol (`PyObject_*`)
//! and `PyType_IsSubtype`/`PyType_GetFlags`, on the VM's own protocol
//! functions. The singletons (`_Py_NoneStruct`, ...) are the VM's statics.

use crate::util::*;
use std::os::raw::{c_char, c_int, c_ulong};
use vm::abstract_ as ab;
use vm::err;
use vm::object::{PyObject, PyTypeObject, Py_hash_t};
use vm::objects::{boolobject, unicode};
use vm::objref::{self, PyObj};

/// Called by the `Py_DECREF` macro when a count reaches zero.
#[no_mangle]
pub unsafe extern "C" fn _Py_Dealloc(o: *mut PyObject) {
    objref::dealloc(o)
}
#[no_mangle]
pub unsafe extern "C" fn Py_IncRef(o: *mut PyObject) {
    objref::xincref(o)
}
#[no_mangle]
pub unsafe extern "C" fn Py_DecRef(o: *mut PyObject) {
    objref::xdecref(o)
}
#[no_mangle]
pub unsafe extern "C" fn Py_NewRef(o: *mut PyObject) -> *mut PyObject {
    objref::incref(o);
    o
}
#[no_mangle]
pub unsafe extern "C" fn Py_XNewRef(o: *mut PyObject) -> *mut PyObject {
    objref::xincref(o);
    o
}
#[no_mangle]
pub extern "C" fn Py_Is(x: *mut PyObject, y: *mut PyObject) -> c_int {
    (x == y) as c_int
}
#[no_mangle]
pub extern "C" fn Py_IsNone(x: *mut PyObject) -> c_int {
    (x == vm::objects::none::none_ptr()) as c_int
}
#[no_mangle]
pub extern "C" fn Py_IsTrue(x: *mut PyObject) -> c_int {
    (x == boolobject::true_ptr()) as c_int
}
#[no_mangle]
pub extern "C" fn Py_IsFalse(x: *mut PyObject) -> c_int {
    (x == boolobject::false_ptr()) as c_int
}

/// An attribute name given as a C string (interned, as CPython does).
unsafe fn name_obj(name: *const c_char) -> PyObj {
    unicode::intern(&cstr(name))
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetAttr(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    if o.is_null() || name.is_null() {
        return ret(Err(bad_internal_call()));
    }
    ret(ab::getattr(b(&o), b(&name)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetAttrString(o: *mut PyObject, name: *const c_char) -> *mut PyObject {
    if o.is_null() {
        return ret(Err(bad_internal_call()));
    }
    ret(ab::getattr(b(&o), &name_obj(name)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_SetAttr(o: *mut PyObject, name: *mut PyObject, v: *mut PyObject) -> c_int {
    if o.is_null() || name.is_null() {
        return ret_int(Err(bad_internal_call()));
    }
    let v = if v.is_null() { None } else { Some(b(&v)) };
    ret_int(ab::setattr(b(&o), b(&name), v))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_SetAttrString(o: *mut PyObject, name: *const c_char, v: *mut PyObject) -> c_int {
    let n = name_obj(name);
    PyObject_SetAttr(o, n.as_ptr(), v)
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_DelAttr(o: *mut PyObject, name: *mut PyObject) -> c_int {
    PyObject_SetAttr(o, name, std::ptr::null_mut())
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_DelAttrString(o: *mut PyObject, name: *const c_char) -> c_int {
    PyObject_SetAttrString(o, name, std::ptr::null_mut())
}
/// 1 if the attribute exists; errors other than AttributeError are
/// swallowed too, as in CPython 3.11.
#[no_mangle]
pub unsafe extern "C" fn PyObject_HasAttr(o: *mut PyObject, name: *mut PyObject) -> c_int {
    if o.is_null() || name.is_null() {
        return 0;
    }
    match ab::getattr_opt(b(&o), b(&name)) {
        Ok(v) => v.is_some() as c_int,
        Err(_) => 0,
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_HasAttrString(o: *mut PyObject, name: *const c_char) -> c_int {
    let n = name_obj(name);
    PyObject_HasAttr(o, n.as_ptr())
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericGetAttr(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret(vm::typeobj::generic_getattr(b(&o), b(&name)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericSetAttr(o: *mut PyObject, name: *mut PyObject, v: *mut PyObject) -> c_int {
    let v = if v.is_null() { None } else { Some(b(&v)) };
    ret_int(vm::typeobj::generic_setattr(b(&o), b(&name), v))
}

/// `repr()`; `<NULL>` for a NULL object, as CPython.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Repr(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        return unicode::new("<NULL>").into_ptr();
    }
    ret(ab::repr(b(&o)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Str(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        return unicode::new("<NULL>").into_ptr();
    }
    ret(ab::str(b(&o)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_ASCII(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        return unicode::new("<NULL>").into_ptr();
    }
    let builtins = vm::interp::interp().builtins_dict.clone();
    let r = vm::objects::dict::get_item_rs(&builtins, "ascii")
        .ok_or_else(|| err::system_error("ascii() is missing"))
        .and_then(|f| ab::call1(&f, b(&o)));
    ret(r)
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_RichCompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if v.is_null() || w.is_null() {
        return ret(Err(bad_internal_call()));
    }
    ret(ab::rich_compare(b(&v), b(&w), op))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_RichCompareBool(v: *mut PyObject, w: *mut PyObject, op: c_int) -> c_int {
    if v.is_null() || w.is_null() {
        return ret_bool(Err(bad_internal_call()));
    }
    ret_bool(ab::rich_compare_bool(b(&v), b(&w), op))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Hash(o: *mut PyObject) -> Py_hash_t {
    match ab::hash(b(&o)) {
        Ok(h) => h,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_HashNotImplemented(o: *mut PyObject) -> Py_hash_t {
    err::restore(ab::unhashable(b(&o)));
    -1
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_IsTrue(o: *mut PyObject) -> c_int {
    ret_bool(ab::is_true(b(&o)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Not(o: *mut PyObject) -> c_int {
    ret_bool(ab::is_true(b(&o)).map(|t| !t))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Type(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        return ret(Err(bad_internal_call()));
    }
    b(&o).type_obj().into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Dir(o: *mut PyObject) -> *mut PyObject {
    let builtins = vm::interp::interp().builtins_dict.clone();
    let r = vm::objects::dict::get_item_rs(&builtins, "dir")
        .ok_or_else(|| err::system_error("dir() is missing"))
        .and_then(|f| if o.is_null() { ab::call0(&f) } else { ab::call1(&f, b(&o)) });
    ret(r)
}
#[no_mangle]
pub unsafe extern "C" fn PyCallable_Check(o: *mut PyObject) -> c_int {
    if o.is_null() {
        return 0;
    }
    (*(*o).ob_type).tp_call.is_some() as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyType_IsSubtype(a: *mut PyTypeObject, t: *mut PyTypeObject) -> c_int {
    vm::typeobj::is_subtype(a, t) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyType_GetFlags(t: *mut PyTypeObject) -> c_ulong {
    (*t).tp_flags
}
/// `Py_ReprEnter`: 1 if `o` is already being repr'd on this thread.
#[no_mangle]
pub unsafe extern "C" fn Py_ReprEnter(o: *mut PyObject) -> c_int {
    ab::repr_enter(b(&o)) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn Py_ReprLeave(o: *mut PyObject) {
    ab::repr_leave(b(&o))
}
