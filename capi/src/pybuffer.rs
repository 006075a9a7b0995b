//! pybuffer.h: `PyObject_GetBuffer`, `PyBuffer_Release`,
//! `PyObject_CheckBuffer`, `PyBuffer_FillInfo`, `PyBuffer_IsContiguous`,
//! on the VM's buffer protocol (the `bf_getbuffer` slots of its types).

use crate::util::*;
use std::os::raw::{c_char, c_int, c_void};
use vm::object::{Py_buffer, PyObject, Py_ssize_t};
use vm::objects::{bytes_methods, memoryview};

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetBuffer(o: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int {
    if o.is_null() || view.is_null() {
        return ret_int(Err(bad_internal_call()));
    }
    ret_int(memoryview::get_buffer_into(b(&o), view, flags))
}
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_Release(view: *mut Py_buffer) {
    if !view.is_null() {
        memoryview::release_buffer(view)
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_CheckBuffer(o: *mut PyObject) -> c_int {
    (!o.is_null() && memoryview::has_buffer(b(&o))) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_FillInfo(
    view: *mut Py_buffer,
    o: *mut PyObject,
    buf: *mut c_void,
    len: Py_ssize_t,
    readonly: c_int,
    flags: c_int,
) -> c_int {
    bytes_methods::fill_info(view, o, buf as *mut u8, len, readonly != 0, flags)
}
/// Whether the view is contiguous in the given order ('C', 'F' or 'A').
#[no_mangle]
pub unsafe extern "C" fn PyBuffer_IsContiguous(view: *const Py_buffer, order: c_char) -> c_int {
    let v = &*view;
    if !v.suboffsets.is_null() {
        return 0;
    }
    if v.strides.is_null() || v.ndim <= 1 {
        return (v.strides.is_null() || v.ndim == 0 || *v.strides == v.itemsize || v.len == 0) as c_int;
    }
    let nd = v.ndim as usize;
    let shape = std::slice::from_raw_parts(v.shape, nd);
    let strides = std::slice::from_raw_parts(v.strides, nd);
    let c_order = || {
        let mut sd = v.itemsize;
        for i in (0..nd).rev() {
            if shape[i] > 1 && strides[i] != sd {
                return false;
            }
            sd *= shape[i];
        }
        true
    };
    let f_order = || {
        let mut sd = v.itemsize;
        for i in 0..nd {
            if shape[i] > 1 && strides[i] != sd {
                return false;
            }
            sd *= shape[i];
        }
        true
    };
    (match order as u8 {
        b'C' => c_order(),
        b'F' => f_order(),
        _ => c_order() || f_order(),
    }) as c_int
}
