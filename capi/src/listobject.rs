//! listobject.h: `PyList_New` (items NULL until set), `Append`,
//! `GetItem` (borrowed), `SetItem` (steals), `Insert`, `Size`, `AsTuple`,
//! `GetSlice`, `SetSlice`, `Sort`, `Reverse`, `Extend`.

use crate::util::*;
use std::os::raw::c_int;
use vm::abstract_ as ab;
use vm::err;
use vm::object::{PyObject, PyVarObject, Py_ssize_t};
use vm::objects::{list, long, none, tuple};
use vm::objref;

unsafe fn check(o: *mut PyObject) -> bool {
    !o.is_null() && list::is_list(b(&o))
}
unsafe fn items(o: *mut PyObject) -> *mut *mut PyObject {
    (*(o as *mut list::PyListObject)).ob_item
}
unsafe fn size(o: *mut PyObject) -> Py_ssize_t {
    (*(o as *mut PyVarObject)).ob_size
}

#[no_mangle]
pub unsafe extern "C" fn PyList_New(n: Py_ssize_t) -> *mut PyObject {
    if n < 0 {
        return ret(Err(bad_internal_call()));
    }
    let l = list::new_empty();
    if n > 0 {
        list::reserve(&l, n as usize);
        for i in 0..n as usize {
            *items(l.as_ptr()).add(i) = std::ptr::null_mut();
        }
        (*(l.as_ptr() as *mut PyVarObject)).ob_size = n;
    }
    l.into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyList_Size(o: *mut PyObject) -> Py_ssize_t {
    if !check(o) {
        err::restore(bad_internal_call());
        return -1;
    }
    size(o)
}
#[no_mangle]
pub unsafe extern "C" fn PyList_GetItem(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if !check(o) {
        return ret(Err(bad_internal_call()));
    }
    if i < 0 || i >= size(o) {
        return ret(Err(err::index_error("list index out of range")));
    }
    *items(o).add(i as usize)
}
#[no_mangle]
pub unsafe extern "C" fn PyList_SetItem(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    if !check(o) {
        objref::xdecref(v);
        return ret_int(Err(bad_internal_call()));
    }
    if i < 0 || i >= size(o) {
        objref::xdecref(v);
        return ret_int(Err(err::index_error("list assignment index out of range")));
    }
    let old = std::mem::replace(&mut *items(o).add(i as usize), v);
    objref::xdecref(old);
    0
}
#[no_mangle]
pub unsafe extern "C" fn PyList_Insert(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    if !check(o) || v.is_null() {
        return ret_int(Err(bad_internal_call()));
    }
    let r = ab::call_method(b(&o), "insert", &[long::from_i64(i as i64), b(&v).clone()]);
    ret_int(r.map(|_| ()))
}
#[no_mangle]
pub unsafe extern "C" fn PyList_Append(o: *mut PyObject, v: *mut PyObject) -> c_int {
    if !check(o) || v.is_null() {
        return ret_int(Err(bad_internal_call()));
    }
    list::append(b(&o), b(&v).clone());
    0
}
#[no_mangle]
pub unsafe extern "C" fn PyList_AsTuple(o: *mut PyObject) -> *mut PyObject {
    if !check(o) {
        return ret(Err(bad_internal_call()));
    }
    tuple::from_slice(list::items(b(&o))).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyList_GetSlice(o: *mut PyObject, lo: Py_ssize_t, hi: Py_ssize_t) -> *mut PyObject {
    if !check(o) {
        return ret(Err(bad_internal_call()));
    }
    let it = list::items(b(&o));
    let n = it.len() as Py_ssize_t;
    let lo = lo.clamp(0, n);
    let hi = hi.clamp(lo, n);
    list::from_slice(&it[lo as usize..hi as usize]).into_ptr()
}
/// `l[lo:hi] = v` (`v` NULL deletes), through the list's own slice
/// assignment.
#[no_mangle]
pub unsafe extern "C" fn PyList_SetSlice(o: *mut PyObject, lo: Py_ssize_t, hi: Py_ssize_t, v: *mut PyObject) -> c_int {
    if !check(o) {
        return ret_int(Err(bad_internal_call()));
    }
    let n = size(o);
    let lo = lo.clamp(0, n);
    let hi = hi.clamp(lo, n);
    let sl = vm::objects::slice::new(long::from_i64(lo as i64), long::from_i64(hi as i64), none::none());
    let v = if v.is_null() { None } else { Some(b(&v)) };
    ret_int(ab::setitem(b(&o), &sl, v))
}
#[no_mangle]
pub unsafe extern "C" fn PyList_Sort(o: *mut PyObject) -> c_int {
    if !check(o) {
        return ret_int(Err(bad_internal_call()));
    }
    ret_int(ab::call_method(b(&o), "sort", &[]).map(|_| ()))
}
#[no_mangle]
pub unsafe extern "C" fn PyList_Reverse(o: *mut PyObject) -> c_int {
    if !check(o) {
        return ret_int(Err(bad_internal_call()));
    }
    ret_int(ab::call_method(b(&o), "reverse", &[]).map(|_| ()))
}
#[no_mangle]
pub unsafe extern "C" fn _PyList_Extend(o: *mut PyObject, it: *mut PyObject) -> *mut PyObject {
    ret(ab::call_method(b(&o), "extend", &[b(&it).clone()]))
}
