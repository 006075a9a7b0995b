//! `slice` (`PySliceObject`) and the `Ellipsis` singleton.

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::none;
use crate::objref::{xdecref, PyObj};

#[repr(C)]
pub struct PySliceObject {
    pub ob_base: PyObject,
    pub start: *mut PyObject,
    pub stop: *mut PyObject,
    pub step: *mut PyObject,
}

#[no_mangle]
pub static mut PySlice_Type: PyTypeObject =
    PyTypeObject::empty(b"slice\0", std::mem::size_of::<PySliceObject>(), 0);

#[no_mangle]
pub static mut PyEllipsis_Type: PyTypeObject =
    PyTypeObject::empty(b"ellipsis\0", std::mem::size_of::<PyObject>(), 0);

#[no_mangle]
pub static mut _Py_EllipsisObject: PyObject = static_head(&raw mut PyEllipsis_Type);

pub fn slice_type() -> *mut PyTypeObject {
    &raw mut PySlice_Type
}

pub fn ellipsis() -> PyObj {
    unsafe { PyObj::from_borrowed(&raw mut _Py_EllipsisObject) }
}

pub fn is_slice(o: &PyObj) -> bool {
    o.ob_type() == slice_type()
}

pub fn new(start: PyObj, stop: PyObj, step: PyObj) -> PyObj {
    unsafe {
        let s = crate::alloc::alloc_object(slice_type(), 0) as *mut PySliceObject;
        (*s).start = start.into_ptr();
        (*s).stop = stop.into_ptr();
        (*s).step = step.into_ptr();
        PyObj::from_owned(s as *mut PyObject)
    }
}

pub fn parts(s: &PyObj) -> (PyObj, PyObj, PyObj) {
    unsafe {
        let p = s.as_ptr() as *mut PySliceObject;
        (PyObj::from_borrowed((*p).start), PyObj::from_borrowed((*p).stop), PyObj::from_borrowed((*p).step))
    }
}

fn eval_index(o: &PyObj) -> PyResult<isize> {
    if !crate::abstract_::has_index(o) {
        return Err(err::type_error(
            "slice indices must be integers or None or have an __index__ method",
        ));
    }
    crate::abstract_::index_to_ssize(o, None)
}

/// `PySlice_Unpack`: start, stop, step with None filled in (before clamping).
pub fn unpack(s: &PyObj) -> PyResult<(isize, isize, isize)> {
    let (start, stop, step) = parts(s);
    let step = if none::is_none(&step) {
        1
    } else {
        let v = eval_index(&step)?;
        if v == 0 {
            return Err(err::value_error("slice step cannot be zero"));
        }
        v.max(-isize::MAX)
    };
    let start = if none::is_none(&start) {
        if step < 0 { isize::MAX } else { 0 }
    } else {
        eval_index(&start)?
    };
    let stop = if none::is_none(&stop) {
        if step < 0 { isize::MIN } else { isize::MAX }
    } else {
        eval_index(&stop)?
    };
    Ok((start, stop, step))
}

/// `PySlice_AdjustIndices`: clamps to a sequence of `len`; returns the count.
pub fn adjust(len: isize, start: &mut isize, stop: &mut isize, step: isize) -> isize {
    if *start < 0 {
        *start += len;
        if *start < 0 {
            *start = if step < 0 { -1 } else { 0 };
        }
    } else if *start >= len {
        *start = if step < 0 { len - 1 } else { len };
    }
    if *stop < 0 {
        *stop += len;
        if *stop < 0 {
            *stop = if step < 0 { -1 } else { 0 };
        }
    } else if *stop >= len {
        *stop = if step < 0 { len - 1 } else { len };
    }
    if step < 0 {
        if *stop < *start {
            return (*start - *stop - 1) / (-step) + 1;
        }
    } else if *start < *stop {
        return (*stop - *start - 1) / step + 1;
    }
    0
}

/// (start, stop, step, count) for a sequence of `len`.
pub fn indices(s: &PyObj, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let (mut start, mut stop, step) = unpack(s)?;
    let n = adjust(len as isize, &mut start, &mut stop, step);
    Ok((start, stop, step, n as usize))
}

unsafe extern "C" fn slice_dealloc(o: *mut PyObject) {
    let s = o as *mut PySliceObject;
    xdecref((*s).start);
    xdecref((*s).stop);
    xdecref((*s).step);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn slice_repr(o: *mut PyObject) -> *mut PyObject {
    let (a, b, c) = parts(PyObj::borrow(&o));
    let r = (|| -> PyResult {
        Ok(crate::objects::unicode::new(&format!(
            "slice({}, {}, {})",
            crate::abstract_::repr_string(&a)?,
            crate::abstract_::repr_string(&b)?,
            crate::abstract_::repr_string(&c)?
        )))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn ellipsis_repr(_o: *mut PyObject) -> *mut PyObject {
    crate::objects::unicode::new("Ellipsis").into_ptr()
}

unsafe extern "C" fn ellipsis_new(_tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    if crate::objects::tuple::len(PyObj::borrow(&args)) > 0 || crate::objects::methodobject::kwargs_dict(kw).is_some() {
        err::restore(err::type_error("ellipsis() takes no arguments"));
        return std::ptr::null_mut();
    }
    ellipsis().into_ptr()
}


pub unsafe fn init_type() {
    let t = slice_type();
    (*t).tp_dealloc = Some(slice_dealloc);
    (*t).tp_repr = Some(slice_repr);
    let e = &raw mut PyEllipsis_Type;
    (*e).tp_repr = Some(ellipsis_repr);
    (*e).tp_new = Some(ellipsis_new);
    crate::objects::slice_methods::init(t);
}
