//! `method`: a function bound to an instance (`PyMethodObject`).

use crate::err;
use crate::object::*;
use crate::objects::unicode;
use crate::objref::{xdecref, PyObj};
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct PyMethodObject {
    pub ob_base: PyObject,
    pub im_func: *mut PyObject,
    pub im_self: *mut PyObject,
    pub im_weakreflist: *mut PyObject,
    pub vectorcall: Option<vectorcallfunc>,
}

#[no_mangle]
pub static mut PyMethod_Type: PyTypeObject =
    PyTypeObject::empty(b"method\0", std::mem::size_of::<PyMethodObject>(), 0);

pub fn method_type() -> *mut PyTypeObject {
    &raw mut PyMethod_Type
}

pub fn is_method(o: &PyObj) -> bool {
    o.ob_type() == method_type()
}

pub fn method_new(func: PyObj, slf: PyObj) -> PyObj {
    unsafe {
        let m = crate::alloc::alloc_object(method_type(), 0) as *mut PyMethodObject;
        (*m).im_func = func.into_ptr();
        (*m).im_self = slf.into_ptr();
        (*m).vectorcall = Some(method_vectorcall);
        PyObj::from_owned(m as *mut PyObject)
    }
}

pub fn func(m: &PyObj) -> &PyObj {
    unsafe { PyObj::borrow(&(*(m.as_ptr() as *mut PyMethodObject)).im_func) }
}

pub fn self_(m: &PyObj) -> &PyObj {
    unsafe { PyObj::borrow(&(*(m.as_ptr() as *mut PyMethodObject)).im_self) }
}

unsafe extern "C" fn method_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let m = callable as *mut PyMethodObject;
    let nk = if kwnames.is_null() { 0 } else { crate::objects::tuple::len(PyObj::borrow(&kwnames)) };
    let np = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let a = PyObj::slice(args, np + nk);
    let kw = if kwnames.is_null() { None } else { Some(PyObj::borrow(&kwnames)) };
    let func = PyObj::borrow(&(*m).im_func);
    // Prepend self without a heap allocation for the common small calls.
    const SMALL: usize = 8;
    if a.len() < SMALL {
        let mut buf: [*mut PyObject; SMALL] = [std::ptr::null_mut(); SMALL];
        buf[0] = (*m).im_self;
        for (i, x) in a.iter().enumerate() {
            buf[i + 1] = x.as_ptr();
        }
        let v = PyObj::slice(buf.as_ptr(), a.len() + 1);
        return err::into_ptr(crate::abstract_::call(func, v, kw));
    }
    let mut v: Vec<PyObj> = Vec::with_capacity(a.len() + 1);
    v.push(PyObj::from_borrowed((*m).im_self));
    v.extend_from_slice(a);
    err::into_ptr(crate::abstract_::call(func, &v, kw))
}

unsafe extern "C" fn method_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    crate::objects::weakref::clear_weakrefs(o);
    let m = o as *mut PyMethodObject;
    xdecref((*m).im_func);
    xdecref((*m).im_self);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn method_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let m = o as *mut PyMethodObject;
    for p in [(*m).im_func, (*m).im_self] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn method_repr(o: *mut PyObject) -> *mut PyObject {
    let m = PyObj::borrow(&o);
    let f = func(m);
    let name = crate::abstract_::getattr_str(f, "__qualname__")
        .or_else(|_| crate::abstract_::getattr_str(f, "__name__"))
        .map(|n| unicode::to_string_lossy(&n))
        .unwrap_or_else(|_| "?".into());
    let r = crate::abstract_::repr(self_(m));
    match r {
        Ok(r) => unicode::new(&format!("<bound method {} of {}>", name, unicode::to_string_lossy(&r))).into_ptr(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn method_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let (x, y) = (PyObj::borrow(&a), PyObj::borrow(&b));
    if (op != PY_EQ && op != PY_NE) || !is_method(x) || !is_method(y) {
        return crate::objects::none::not_implemented().into_ptr();
    }
    let eq = func(x).is(func(y)) && self_(x).is(self_(y));
    crate::objects::boolobject::new(if op == PY_EQ { eq } else { !eq }).into_ptr()
}

unsafe extern "C" fn method_hash(o: *mut PyObject) -> Py_hash_t {
    let m = o as *mut PyMethodObject;
    let h = ((*m).im_self as usize >> 4) ^ ((*m).im_func as usize >> 4);
    (h as isize) & isize::MAX
}

/// Attribute access falls through to the function (`m.__doc__`, `m.__name__`).
unsafe extern "C" fn method_getattro(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let m = PyObj::borrow(&o);
    let n = PyObj::borrow(&name);
    let tp = m.ob_type();
    if let Some(d) = crate::typeobj::lookup(tp, n) {
        if let Some(g) = (*d.ob_type()).tp_descr_get {
            return g(d.as_ptr(), o, tp as *mut PyObject);
        }
        return d.into_ptr();
    }
    err::into_ptr(crate::abstract_::getattr(func(m), n))
}

unsafe extern "C" fn get_func(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    func(PyObj::borrow(&o)).clone().into_ptr()
}

unsafe extern "C" fn get_self(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    self_(PyObj::borrow(&o)).clone().into_ptr()
}

/// `types.MethodType(function, instance)`.
unsafe extern "C" fn method_tp_new(_tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    use crate::objects::{dict, tuple};
    let r = (|| -> crate::err::PyResult {
        if !kw.is_null() && dict::len(PyObj::borrow(&kw)) > 0 {
            return Err(err::type_error("method() takes no keyword arguments"));
        }
        let a = tuple::items(PyObj::borrow(&args));
        if a.len() != 2 {
            return Err(err::type_error(format!("method expected 2 arguments, got {}", a.len())));
        }
        if !crate::bltinmodule::is_callable(&a[0]) {
            return Err(err::type_error("first argument must be callable"));
        }
        if crate::objects::none::is_none(&a[1]) {
            return Err(err::type_error("instance must not be None"));
        }
        Ok(method_new(a[0].clone(), a[1].clone()))
    })();
    err::into_ptr(r)
}

pub unsafe fn init_type() {
    let t = method_type();
    (*t).tp_new = Some(method_tp_new);
    (*t).tp_call = Some(crate::abstract_::vectorcall_call);
    (*t).tp_dealloc = Some(method_dealloc);
    (*t).tp_traverse = Some(method_traverse);
    (*t).tp_repr = Some(method_repr);
    (*t).tp_richcompare = Some(method_richcompare);
    (*t).tp_hash = Some(method_hash);
    (*t).tp_getattro = Some(method_getattro);
    (*t).tp_vectorcall_offset = std::mem::offset_of!(PyMethodObject, vectorcall) as isize;
    (*t).tp_weaklistoffset = std::mem::offset_of!(PyMethodObject, im_weakreflist) as isize;
    (*t).tp_flags |= flags::HAVE_VECTORCALL | flags::HAVE_GC;
    crate::objects::descr::set_getsets(t, &[
        ("__func__", get_func as *const c_void, std::ptr::null()),
        ("__self__", get_self as *const c_void, std::ptr::null()),
    ]);
}
