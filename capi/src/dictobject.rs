//! dictobject.h: `PyDict_*` on the VM's dicts. `GetItem`/`GetItemString`
//! return borrowed references and swallow errors (CPython's documented
//! quirk); `GetItemWithError` propagates them.

use crate::util::*;
use std::os::raw::{c_char, c_int};
use vm::err;
use vm::object::{PyObject, Py_ssize_t};
use vm::objects::{dict, list, tuple, unicode};

unsafe fn is_dict(o: *mut PyObject) -> bool {
    !o.is_null() && dict::is_dict(b(&o))
}

#[no_mangle]
pub extern "C" fn PyDict_New() -> *mut PyObject {
    dict::new().into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Size(d: *mut PyObject) -> Py_ssize_t {
    if !is_dict(d) {
        err::restore(bad_internal_call());
        return -1;
    }
    dict::len(b(&d)) as Py_ssize_t
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_SetItem(d: *mut PyObject, k: *mut PyObject, v: *mut PyObject) -> c_int {
    if !is_dict(d) || k.is_null() || v.is_null() {
        return ret_int(Err(bad_internal_call()));
    }
    ret_int(dict::set_item(b(&d), b(&k).clone(), b(&v).clone()))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_SetItemString(d: *mut PyObject, k: *const c_char, v: *mut PyObject) -> c_int {
    let key = unicode::intern(&cstr(k));
    PyDict_SetItem(d, key.as_ptr(), v)
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItemWithError(d: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    if !is_dict(d) || k.is_null() {
        return ret(Err(bad_internal_call()));
    }
    match dict::get_item(b(&d), b(&k)) {
        Ok(Some(v)) => v.as_ptr(),
        Ok(None) => std::ptr::null_mut(),
        Err(e) => ret(Err(e)),
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItem(d: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    if !is_dict(d) || k.is_null() {
        return std::ptr::null_mut();
    }
    // Any exception raised by the lookup is discarded, and one already set
    // survives the call, as in CPython.
    let saved = err::take();
    let r = match dict::get_item(b(&d), b(&k)) {
        Ok(Some(v)) => v.as_ptr(),
        _ => std::ptr::null_mut(),
    };
    match saved {
        Some(e) => err::restore(e),
        None => drop(err::take()),
    }
    r
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItemString(d: *mut PyObject, k: *const c_char) -> *mut PyObject {
    let key = unicode::new(&cstr(k));
    PyDict_GetItem(d, key.as_ptr())
}
#[no_mangle]
pub unsafe extern "C" fn _PyDict_GetItemStringWithError(d: *mut PyObject, k: *const c_char) -> *mut PyObject {
    let key = unicode::new(&cstr(k));
    PyDict_GetItemWithError(d, key.as_ptr())
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_DelItem(d: *mut PyObject, k: *mut PyObject) -> c_int {
    if !is_dict(d) || k.is_null() {
        return ret_int(Err(bad_internal_call()));
    }
    ret_int(dict::del_item(b(&d), b(&k)))
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_DelItemString(d: *mut PyObject, k: *const c_char) -> c_int {
    let key = unicode::new(&cstr(k));
    PyDict_DelItem(d, key.as_ptr())
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Contains(d: *mut PyObject, k: *mut PyObject) -> c_int {
    if !is_dict(d) || k.is_null() {
        return ret_bool(Err(bad_internal_call()));
    }
    ret_bool(dict::contains(b(&d), b(&k)))
}
/// Iterates entries: `*pos` is the entry index to look at next; key and
/// value are borrowed.
#[no_mangle]
pub unsafe extern "C" fn PyDict_Next(
    d: *mut PyObject,
    pos: *mut Py_ssize_t,
    key: *mut *mut PyObject,
    value: *mut *mut PyObject,
) -> c_int {
    if !is_dict(d) || *pos < 0 {
        return 0;
    }
    let mut p = *pos as usize;
    match dict::next_entry(b(&d), &mut p) {
        Some((k, v, _)) => {
            *pos = p as Py_ssize_t;
            if !key.is_null() {
                *key = k;
            }
            if !value.is_null() {
                *value = v;
            }
            1
        }
        None => 0,
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Keys(d: *mut PyObject) -> *mut PyObject {
    if !is_dict(d) {
        return ret(Err(bad_internal_call()));
    }
    list::new(dict::keys_vec(b(&d))).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Values(d: *mut PyObject) -> *mut PyObject {
    if !is_dict(d) {
        return ret(Err(bad_internal_call()));
    }
    list::new(dict::values_vec(b(&d))).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Items(d: *mut PyObject) -> *mut PyObject {
    if !is_dict(d) {
        return ret(Err(bad_internal_call()));
    }
    list::new(dict::items_vec(b(&d)).into_iter().map(|(k, v)| tuple::pair(k, v)).collect()).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Copy(d: *mut PyObject) -> *mut PyObject {
    if !is_dict(d) {
        return ret(Err(bad_internal_call()));
    }
    dict::copy(b(&d)).into_ptr()
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Clear(d: *mut PyObject) {
    if is_dict(d) {
        dict::clear(b(&d));
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Merge(d: *mut PyObject, other: *mut PyObject, overwrite: c_int) -> c_int {
    if !is_dict(d) || other.is_null() {
        return ret_int(Err(bad_internal_call()));
    }
    if dict::is_dict(b(&other)) {
        return ret_int(dict::merge_from_dict(b(&d), b(&other), overwrite != 0));
    }
    let r = vm::abstract_::call_method(b(&other), "keys", &[]).and_then(|ks| {
        for k in vm::abstract_::iterate(&ks)? {
            if overwrite == 0 && dict::contains(b(&d), &k)? {
                continue;
            }
            let v = vm::abstract_::getitem(b(&other), &k)?;
            dict::set_item(b(&d), k, v)?;
        }
        Ok(())
    });
    ret_int(r)
}
#[no_mangle]
pub unsafe extern "C" fn PyDict_Update(d: *mut PyObject, other: *mut PyObject) -> c_int {
    PyDict_Merge(d, other, 1)
}
/// `dict.setdefault`; the result is borrowed.
#[no_mangle]
pub unsafe extern "C" fn PyDict_SetDefault(d: *mut PyObject, k: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    if !is_dict(d) || k.is_null() || v.is_null() {
        return ret(Err(bad_internal_call()));
    }
    match dict::get_item(b(&d), b(&k)) {
        Ok(Some(x)) => x.as_ptr(),
        Ok(None) => match dict::set_item(b(&d), b(&k).clone(), b(&v).clone()) {
            Ok(()) => v,
            Err(e) => ret(Err(e)),
        },
        Err(e) => ret(Err(e)),
    }
}
