//! Descriptors that types put in their dicts for C-level definitions:
//! `method_descriptor` and `classmethod_descriptor` (a `PyMethodDef`),
//! `member_descriptor` (a `PyMemberDef` field), `getset_descriptor` (a
//! `PyGetSetDef`), `wrapper_descriptor` and `method-wrapper` (a slot seen as
//! a dunder method). CPython's `descrobject.c`.

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::methodobject::{call_method_def, method_name};
use crate::objects::{none, tuple, unicode};
use crate::objref::{xdecref, PyObj};
use crate::typeobj::{self, type_name};
use std::ffi::CStr;
use std::os::raw::{c_char, c_int, c_void};

pub use crate::objects::methodobject::leak_cstr;

pub const T_SHORT: c_int = 0;
pub const T_INT: c_int = 1;
pub const T_LONG: c_int = 2;
pub const T_FLOAT: c_int = 3;
pub const T_DOUBLE: c_int = 4;
pub const T_STRING: c_int = 5;
pub const T_OBJECT: c_int = 6;
pub const T_CHAR: c_int = 7;
pub const T_BYTE: c_int = 8;
pub const T_UBYTE: c_int = 9;
pub const T_USHORT: c_int = 10;
pub const T_UINT: c_int = 11;
pub const T_ULONG: c_int = 12;
pub const T_STRING_INPLACE: c_int = 13;
pub const T_BOOL: c_int = 14;
pub const T_OBJECT_EX: c_int = 16;
pub const T_LONGLONG: c_int = 17;
pub const T_ULONGLONG: c_int = 18;
pub const T_PYSSIZET: c_int = 19;
pub const T_NONE: c_int = 20;
pub const READONLY: c_int = 1;

#[repr(C)]
pub struct PyDescrObject {
    pub ob_base: PyObject,
    pub d_type: *mut PyTypeObject,
    pub d_name: *mut PyObject,
    pub d_qualname: *mut PyObject,
}

#[repr(C)]
pub struct PyMethodDescrObject {
    pub d_common: PyDescrObject,
    pub d_method: *mut PyMethodDef,
    pub vectorcall: Option<vectorcallfunc>,
}

#[repr(C)]
pub struct PyMemberDescrObject {
    pub d_common: PyDescrObject,
    pub d_member: *mut PyMemberDef,
}

#[repr(C)]
pub struct PyGetSetDescrObject {
    pub d_common: PyDescrObject,
    pub d_getset: *mut PyGetSetDef,
}

#[repr(C)]
pub struct PyWrapperDescrObject {
    pub d_common: PyDescrObject,
    /// Pyrite: the slot definition (`&'static slots::SlotDef`).
    pub d_base: *const c_void,
    /// The slot function being wrapped.
    pub d_wrapped: *mut c_void,
}

/// A slot wrapper bound to an instance (`method-wrapper`).
#[repr(C)]
pub struct WrapperObject {
    pub ob_base: PyObject,
    pub descr: *mut PyWrapperDescrObject,
    pub self_: *mut PyObject,
}

macro_rules! descr_type {
    ($stat:ident, $name:literal, $st:ty) => {
        #[no_mangle]
        pub static mut $stat: PyTypeObject =
            PyTypeObject::empty(concat!($name, "\0").as_bytes(), std::mem::size_of::<$st>(), 0);
    };
}

descr_type!(PyMethodDescr_Type, "method_descriptor", PyMethodDescrObject);
descr_type!(PyClassMethodDescr_Type, "classmethod_descriptor", PyMethodDescrObject);
descr_type!(PyMemberDescr_Type, "member_descriptor", PyMemberDescrObject);
descr_type!(PyGetSetDescr_Type, "getset_descriptor", PyGetSetDescrObject);
descr_type!(PyWrapperDescr_Type, "wrapper_descriptor", PyWrapperDescrObject);
descr_type!(_PyMethodWrapper_Type, "method-wrapper", WrapperObject);

unsafe fn descr_alloc(tp: *mut PyTypeObject, owner: *mut PyTypeObject, name: &str) -> *mut PyDescrObject {
    let d = crate::alloc::alloc_object(tp, 0) as *mut PyDescrObject;
    crate::objref::incref(owner as *mut PyObject);
    (*d).d_type = owner;
    (*d).d_name = unicode::intern(name).into_ptr();
    d
}

fn cstr(p: *const c_char) -> String {
    unsafe { CStr::from_ptr(p).to_string_lossy().into_owned() }
}

fn descr_name(d: *mut PyDescrObject) -> String {
    unsafe { unicode::to_string_lossy(PyObj::borrow(&(*d).d_name)) }
}

/// "'name' for 'type' objects doesn't apply to a 'x' object" checks.
unsafe fn check_self(d: *mut PyDescrObject, obj: &PyObj, what: &str) -> PyResult<()> {
    if !typeobj::is_subtype(obj.ob_type(), (*d).d_type) {
        return Err(err::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            descr_name(d),
            crate::typeobj::tp_name((*d).d_type),
            crate::typeobj::tp_name(obj.ob_type())
        )));
    }
    let _ = what;
    Ok(())
}

pub fn new_method_descr(owner: *mut PyTypeObject, ml: *mut PyMethodDef) -> PyObj {
    unsafe {
        let is_class = (*ml).ml_flags & meth::CLASS != 0;
        let tp = if is_class { &raw mut PyClassMethodDescr_Type } else { &raw mut PyMethodDescr_Type };
        let d = descr_alloc(tp, owner, &method_name(ml)) as *mut PyMethodDescrObject;
        (*d).d_method = ml;
        (*d).vectorcall = Some(method_descr_vectorcall);
        PyObj::from_owned(d as *mut PyObject)
    }
}

unsafe extern "C" fn method_descr_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let d = callable as *mut PyMethodDescrObject;
    let nk = if kwnames.is_null() { 0 } else { tuple::len(PyObj::borrow(&kwnames)) };
    let np = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let a = PyObj::slice(args, np + nk);
    let name = || format!("{}.{}", type_name((*d).d_common.d_type), method_name((*d).d_method));
    if np < 1 {
        err::restore(err::type_error(format!(
            "unbound method {}() needs an argument",
            name()
        )));
        return std::ptr::null_mut();
    }
    let slf = &a[0];
    if let Err(e) = check_self(d as *mut PyDescrObject, slf, "") {
        err::restore(e);
        return std::ptr::null_mut();
    }
    let kw = if kwnames.is_null() { None } else { Some(PyObj::borrow(&kwnames)) };
    err::into_ptr(call_method_def(
        (*d).d_method,
        slf.as_ptr(),
        (*d).d_common.d_type,
        &a[1..],
        kw,
        &|| name(),
    ))
}

unsafe extern "C" fn method_descr_get(descr: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() {
        return PyObj::from_borrowed(descr).into_ptr();
    }
    let d = descr as *mut PyMethodDescrObject;
    let o = PyObj::borrow(&obj);
    if let Err(e) = check_self(d as *mut PyDescrObject, o, "") {
        err::restore(e);
        return std::ptr::null_mut();
    }
    crate::objects::methodobject::new_cfunction((*d).d_method, Some(o.clone()), None).into_ptr()
}

unsafe extern "C" fn classmethod_descr_get(descr: *mut PyObject, obj: *mut PyObject, tp: *mut PyObject) -> *mut PyObject {
    let d = descr as *mut PyMethodDescrObject;
    let owner = if !tp.is_null() { tp } else { (*obj).ob_type as *mut PyObject };
    crate::objects::methodobject::new_cfunction((*d).d_method, Some(PyObj::borrow(&owner).clone()), None).into_ptr()
}

unsafe extern "C" fn descr_dealloc(o: *mut PyObject) {
    let d = o as *mut PyDescrObject;
    xdecref((*d).d_type as *mut PyObject);
    xdecref((*d).d_name);
    xdecref((*d).d_qualname);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn descr_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let d = o as *mut PyDescrObject;
    if !(*d).d_type.is_null() {
        return visit((*d).d_type as *mut PyObject, arg);
    }
    0
}

unsafe extern "C" fn method_descr_repr(o: *mut PyObject) -> *mut PyObject {
    let d = o as *mut PyDescrObject;
    unicode::new(&format!("<method '{}' of '{}' objects>", descr_name(d), crate::typeobj::tp_name((*d).d_type))).into_ptr()
}

unsafe extern "C" fn member_descr_repr(o: *mut PyObject) -> *mut PyObject {
    let d = o as *mut PyDescrObject;
    unicode::new(&format!("<member '{}' of '{}' objects>", descr_name(d), crate::typeobj::tp_name((*d).d_type))).into_ptr()
}

unsafe extern "C" fn getset_descr_repr(o: *mut PyObject) -> *mut PyObject {
    let d = o as *mut PyDescrObject;
    unicode::new(&format!("<attribute '{}' of '{}' objects>", descr_name(d), crate::typeobj::tp_name((*d).d_type))).into_ptr()
}

unsafe extern "C" fn wrapper_descr_repr(o: *mut PyObject) -> *mut PyObject {
    let d = o as *mut PyDescrObject;
    unicode::new(&format!("<slot wrapper '{}' of '{}' objects>", descr_name(d), crate::typeobj::tp_name((*d).d_type))).into_ptr()
}

// ------------------------------------------------------------------ members

pub fn new_member_descr(owner: *mut PyTypeObject, m: *mut PyMemberDef) -> PyObj {
    unsafe {
        let d = descr_alloc(&raw mut PyMemberDescr_Type, owner, &cstr((*m).name)) as *mut PyMemberDescrObject;
        (*d).d_member = m;
        PyObj::from_owned(d as *mut PyObject)
    }
}

/// Reads a `PyMemberDef` field of `obj` (`PyMember_GetOne`).
pub unsafe fn member_get(obj: &PyObj, m: *mut PyMemberDef) -> PyResult {
    use crate::objects::{boolobject, float, long};
    let addr = (obj.as_ptr() as *mut u8).offset((*m).offset);
    Ok(match (*m).type_ {
        T_BOOL => boolobject::new(*(addr as *const c_char) != 0),
        T_BYTE => long::from_i64(*(addr as *const i8) as i64),
        T_UBYTE => long::from_i64(*(addr as *const u8) as i64),
        T_SHORT => long::from_i64(*(addr as *const i16) as i64),
        T_USHORT => long::from_i64(*(addr as *const u16) as i64),
        T_INT => long::from_i64(*(addr as *const i32) as i64),
        T_UINT => long::from_i64(*(addr as *const u32) as i64),
        T_LONG | T_LONGLONG | T_PYSSIZET => long::from_i64(*(addr as *const i64)),
        T_ULONG | T_ULONGLONG => long::from_u64(*(addr as *const u64)),
        T_FLOAT => float::new(*(addr as *const f32) as f64),
        T_DOUBLE => float::new(*(addr as *const f64)),
        T_STRING => {
            let p = *(addr as *const *const c_char);
            if p.is_null() {
                none::none()
            } else {
                unicode::new(&cstr(p))
            }
        }
        T_STRING_INPLACE => unicode::new(&cstr(addr as *const c_char)),
        T_CHAR => unicode::from_char(*(addr as *const u8) as u32),
        T_OBJECT => {
            let p = *(addr as *const *mut PyObject);
            if p.is_null() {
                none::none()
            } else {
                PyObj::from_borrowed(p)
            }
        }
        T_OBJECT_EX => {
            let p = *(addr as *const *mut PyObject);
            if p.is_null() {
                return Err(err::attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    crate::typeobj::tp_name(obj.ob_type()),
                    cstr((*m).name)
                )));
            }
            PyObj::from_borrowed(p)
        }
        T_NONE => none::none(),
        _ => return Err(err::system_error("bad memberdescr type")),
    })
}

/// Writes a `PyMemberDef` field (`PyMember_SetOne`); None deletes. As in
/// CPython, integers go through `__index__` with C `long` overflow checks
/// and a RuntimeWarning when the field truncates them.
pub unsafe fn member_set(obj: &PyObj, m: *mut PyMemberDef, v: Option<&PyObj>) -> PyResult<()> {
    use crate::objects::{float, long};
    let name = cstr((*m).name);
    if (*m).flags & READONLY != 0 {
        return Err(err::attribute_error("readonly attribute"));
    }
    let addr = (obj.as_ptr() as *mut u8).offset((*m).offset);
    let Some(v) = v else {
        if (*m).type_ == T_OBJECT_EX || (*m).type_ == T_OBJECT {
            let p = addr as *mut *mut PyObject;
            if (*p).is_null() && (*m).type_ == T_OBJECT_EX {
                return Err(err::attribute_error(name));
            }
            let old = std::mem::replace(&mut *p, std::ptr::null_mut());
            xdecref(old);
            return Ok(());
        }
        return Err(err::type_error("can't delete numeric/char attribute"));
    };
    let warn = |msg: &str| crate::warnings::warn(unsafe { crate::objects::exceptions::PyExc_RuntimeWarning }, msg, 1);
    let as_u64 = |i: &PyObj| -> Option<u64> { u64::try_from(long::to_bigint(i)).ok() };
    // PyLong_AsLong: __index__, then OverflowError outside C long.
    let c_long = |v: &PyObj| crate::abstract_::to_i64(v);
    // PyLong_AsUnsignedLong (ints only), falling back to PyLong_AsLong
    // (any __index__) with a warning, as CPython 3.11 does.
    let unsigned = |v: &PyObj| -> PyResult<u64> {
        if long::is_int(v) && !long::is_negative(v) {
            if let Some(u) = as_u64(v) {
                return Ok(u);
            }
        }
        let x = c_long(v)?;
        warn("Writing negative value into unsigned field")?;
        Ok(x as u64)
    };
    match (*m).type_ {
        T_BOOL => {
            if !crate::typeobj::is_subtype(v.ob_type(), crate::objects::boolobject::bool_type()) {
                return Err(err::type_error("attribute value type must be bool"));
            }
            *(addr as *mut c_char) = crate::objects::boolobject::is_true_obj(v) as c_char;
        }
        T_BYTE => {
            let x = c_long(v)?;
            *(addr as *mut i8) = x as i8;
            if x > i8::MAX as i64 || x < i8::MIN as i64 {
                warn("Truncation of value to char")?;
            }
        }
        T_UBYTE => {
            let x = c_long(v)?;
            *(addr as *mut u8) = x as u8;
            if x > u8::MAX as i64 || x < 0 {
                warn("Truncation of value to unsigned char")?;
            }
        }
        T_SHORT => {
            let x = c_long(v)?;
            *(addr as *mut i16) = x as i16;
            if x > i16::MAX as i64 || x < i16::MIN as i64 {
                warn("Truncation of value to short")?;
            }
        }
        T_USHORT => {
            let x = c_long(v)?;
            *(addr as *mut u16) = x as u16;
            if x > u16::MAX as i64 || x < 0 {
                warn("Truncation of value to unsigned short")?;
            }
        }
        T_INT => {
            let x = c_long(v)?;
            *(addr as *mut i32) = x as i32;
            if x > i32::MAX as i64 || x < i32::MIN as i64 {
                warn("Truncation of value to int")?;
            }
        }
        T_UINT => {
            let u = unsigned(v)?;
            *(addr as *mut u32) = u as u32;
            if u > u32::MAX as u64 {
                warn("Truncation of value to unsigned int")?;
            }
        }
        T_LONG => *(addr as *mut i64) = c_long(v)?,
        T_PYSSIZET => {
            // PyLong_AsSsize_t: ints only, no __index__.
            if !long::is_int(v) {
                return Err(err::type_error("an integer is required"));
            }
            *(addr as *mut i64) = long::as_i64(v)
                .ok_or_else(|| err::overflow_error("Python int too large to convert to C ssize_t"))?;
        }
        T_LONGLONG => {
            let i = crate::abstract_::index(v)?;
            *(addr as *mut i64) = long::as_i64(&i).ok_or_else(|| err::overflow_error("int too big to convert"))?;
        }
        T_ULONG => *(addr as *mut u64) = unsigned(v)?,
        T_ULONGLONG => {
            if long::is_int(v) {
                if long::is_negative(v) {
                    return Err(err::overflow_error("can't convert negative int to unsigned"));
                }
                *(addr as *mut u64) = as_u64(v)
                    .ok_or_else(|| err::overflow_error("int too big to convert"))?;
            } else {
                *(addr as *mut u64) = c_long(v)? as u64;
            }
        }
        T_FLOAT | T_DOUBLE => {
            // PyFloat_AsDouble: __float__, then __index__.
            let nm = (*v.ob_type()).tp_as_number;
            let f = if float::is_float(v) {
                float::value(v)
            } else if !nm.is_null() && (*nm).nb_float.is_some() {
                crate::objects::float_methods::number_float_value(v)?
            } else if !nm.is_null() && (*nm).nb_index.is_some() {
                crate::objects::long_methods::as_f64(&crate::abstract_::index(v)?)?
            } else {
                return Err(err::type_error(format!("must be real number, not {}", type_name(v.ob_type()))));
            };
            if (*m).type_ == T_FLOAT {
                *(addr as *mut f32) = f as f32;
            } else {
                *(addr as *mut f64) = f;
            }
        }
        T_OBJECT | T_OBJECT_EX => {
            let p = addr as *mut *mut PyObject;
            let old = std::mem::replace(&mut *p, v.clone().into_ptr());
            xdecref(old);
        }
        T_CHAR => {
            let bytes = if unicode::is_str(v) { unicode::to_string_lossy(v).into_bytes() } else { vec![] };
            if bytes.len() != 1 {
                return Err(err::type_error("bad argument type for built-in operation"));
            }
            *(addr as *mut u8) = bytes[0];
        }
        T_STRING | T_STRING_INPLACE => return Err(err::type_error("readonly attribute")),
        _ => return Err(err::system_error(format!("bad memberdescr type for {}", name))),
    }
    Ok(())
}

unsafe extern "C" fn member_descr_get(descr: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() {
        return PyObj::from_borrowed(descr).into_ptr();
    }
    let d = descr as *mut PyMemberDescrObject;
    let o = PyObj::borrow(&obj);
    if let Err(e) = check_self(d as *mut PyDescrObject, o, "") {
        err::restore(e);
        return std::ptr::null_mut();
    }
    err::into_ptr(member_get(o, (*d).d_member))
}

unsafe extern "C" fn member_descr_set(descr: *mut PyObject, obj: *mut PyObject, v: *mut PyObject) -> c_int {
    let d = descr as *mut PyMemberDescrObject;
    let o = PyObj::borrow(&obj);
    if let Err(e) = check_self(d as *mut PyDescrObject, o, "") {
        err::restore(e);
        return -1;
    }
    let v = if v.is_null() { None } else { Some(PyObj::borrow(&v)) };
    err::int_result(member_set(o, (*d).d_member, v))
}

// ------------------------------------------------------------------ getsets

pub fn new_getset_descr(owner: *mut PyTypeObject, g: *mut PyGetSetDef) -> PyObj {
    unsafe {
        let d = descr_alloc(&raw mut PyGetSetDescr_Type, owner, &cstr((*g).name)) as *mut PyGetSetDescrObject;
        (*d).d_getset = g;
        PyObj::from_owned(d as *mut PyObject)
    }
}

unsafe extern "C" fn getset_descr_get(descr: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() {
        return PyObj::from_borrowed(descr).into_ptr();
    }
    let d = descr as *mut PyGetSetDescrObject;
    let o = PyObj::borrow(&obj);
    if let Err(e) = check_self(d as *mut PyDescrObject, o, "") {
        err::restore(e);
        return std::ptr::null_mut();
    }
    match (*(*d).d_getset).get {
        Some(g) => g(obj, (*(*d).d_getset).closure),
        None => {
            err::restore(err::attribute_error(format!(
                "attribute '{}' of '{}' objects is not readable",
                descr_name(d as *mut PyDescrObject),
                crate::typeobj::tp_name((*d).d_common.d_type)
            )));
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn getset_descr_set(descr: *mut PyObject, obj: *mut PyObject, v: *mut PyObject) -> c_int {
    let d = descr as *mut PyGetSetDescrObject;
    let o = PyObj::borrow(&obj);
    if let Err(e) = check_self(d as *mut PyDescrObject, o, "") {
        err::restore(e);
        return -1;
    }
    match (*(*d).d_getset).set {
        Some(s) => s(obj, v, (*(*d).d_getset).closure),
        None => {
            err::restore(err::attribute_error(format!(
                "attribute '{}' of '{}' objects is not writable",
                descr_name(d as *mut PyDescrObject),
                crate::typeobj::tp_name((*d).d_common.d_type)
            )));
            -1
        }
    }
}

// ------------------------------------------------------------------ wrappers

pub fn new_wrapper_descr(owner: *mut PyTypeObject, name: &str, base: *const c_void, wrapped: *mut c_void) -> PyObj {
    unsafe {
        let d = descr_alloc(&raw mut PyWrapperDescr_Type, owner, name) as *mut PyWrapperDescrObject;
        (*d).d_base = base;
        (*d).d_wrapped = wrapped;
        PyObj::from_owned(d as *mut PyObject)
    }
}

unsafe fn wrapper_call_impl(d: *mut PyWrapperDescrObject, slf: &PyObj, args: &[PyObj], kwnames: Option<&PyObj>) -> PyResult {
    let (t, kw) = crate::abstract_::args_to_tuple_dict(args, kwnames);
    crate::slots::call_wrapper((*d).d_base, (*d).d_wrapped, slf, &t, kw.as_ref(), &descr_name(d as *mut PyDescrObject))
}

unsafe extern "C" fn wrapper_descr_call(o: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let d = o as *mut PyWrapperDescrObject;
    let a = PyObj::borrow(&args);
    let items = tuple::items(a);
    let name = descr_name(d as *mut PyDescrObject);
    if items.is_empty() {
        err::restore(err::type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            name,
            type_name((*d).d_common.d_type)
        )));
        return std::ptr::null_mut();
    }
    let slf = &items[0];
    if let Err(e) = check_self(d as *mut PyDescrObject, slf, "") {
        err::restore(e);
        return std::ptr::null_mut();
    }
    let rest = tuple::from_slice(&items[1..]);
    let kw = crate::objects::methodobject::kwargs_dict(kwargs);
    err::into_ptr(crate::slots::call_wrapper((*d).d_base, (*d).d_wrapped, slf, &rest, kw.as_ref(), &name))
}

unsafe extern "C" fn wrapper_descr_get(descr: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() {
        return PyObj::from_borrowed(descr).into_ptr();
    }
    let d = descr as *mut PyWrapperDescrObject;
    let o = PyObj::borrow(&obj);
    if let Err(e) = check_self(d as *mut PyDescrObject, o, "") {
        err::restore(e);
        return std::ptr::null_mut();
    }
    let w = crate::alloc::alloc_object(&raw mut _PyMethodWrapper_Type, 0) as *mut WrapperObject;
    crate::objref::incref(descr);
    (*w).descr = d;
    (*w).self_ = o.clone().into_ptr();
    w as *mut PyObject
}

unsafe extern "C" fn method_wrapper_call(o: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let w = o as *mut WrapperObject;
    let d = (*w).descr;
    let kw = crate::objects::methodobject::kwargs_dict(kwargs);
    err::into_ptr(crate::slots::call_wrapper(
        (*d).d_base,
        (*d).d_wrapped,
        PyObj::borrow(&(*w).self_),
        PyObj::borrow(&args),
        kw.as_ref(),
        &descr_name(d as *mut PyDescrObject),
    ))
}

unsafe extern "C" fn method_wrapper_dealloc(o: *mut PyObject) {
    let w = o as *mut WrapperObject;
    xdecref((*w).descr as *mut PyObject);
    xdecref((*w).self_);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn method_wrapper_repr(o: *mut PyObject) -> *mut PyObject {
    let w = o as *mut WrapperObject;
    let s = PyObj::borrow(&(*w).self_);
    unicode::new(&format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        descr_name((*w).descr as *mut PyDescrObject),
        type_name(s.ob_type()),
        s.as_ptr() as usize
    ))
    .into_ptr()
}

unsafe extern "C" fn method_wrapper_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let w = o as *mut WrapperObject;
    for p in [(*w).descr as *mut PyObject, (*w).self_] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn method_wrapper_get_name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    descr_get_name((*(o as *mut WrapperObject)).descr as *mut PyObject, std::ptr::null_mut())
}

unsafe extern "C" fn method_wrapper_get_qualname(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    descr_get_qualname((*(o as *mut WrapperObject)).descr as *mut PyObject, std::ptr::null_mut())
}

unsafe extern "C" fn method_wrapper_get_objclass(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    descr_get_objclass((*(o as *mut WrapperObject)).descr as *mut PyObject, std::ptr::null_mut())
}

// `m.__reduce__()` is `(getattr, (m.__self__, m.__name__))`, as in CPython.
unsafe extern "C" fn method_wrapper_reduce(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let w = o as *mut WrapperObject;
    let r = (|| -> PyResult {
        let getattr = crate::interp::builtin("getattr")?;
        let name = PyObj::from_borrowed((*(*w).descr).d_common.d_name);
        Ok(tuple::new(vec![getattr, tuple::new(vec![PyObj::from_borrowed((*w).self_), name])]))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn method_wrapper_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    if (op != PY_EQ && op != PY_NE) || (*b).ob_type != &raw mut _PyMethodWrapper_Type {
        return none::not_implemented().into_ptr();
    }
    let (wa, wb) = (a as *mut WrapperObject, b as *mut WrapperObject);
    let eq = (*wa).descr == (*wb).descr && (*wa).self_ == (*wb).self_;
    crate::objects::boolobject::new(if op == PY_EQ { eq } else { !eq }).into_ptr()
}

unsafe extern "C" fn method_wrapper_hash(o: *mut PyObject) -> Py_hash_t {
    let w = o as *mut WrapperObject;
    (((*w).descr as usize >> 4) ^ ((*w).self_ as usize >> 4)) as isize & isize::MAX
}

// ------------------------------------------------------------------ tables

/// Adds descriptors for `tp_methods` to the type dict.
/// `builtin_docs`: the type is the VM's own, documented by objects::docs.
pub unsafe fn add_methods(tp: *mut PyTypeObject, d: &PyObj, builtin_docs: bool) -> PyResult<()> {
    let mut ml = (*tp).tp_methods;
    if ml.is_null() {
        return Ok(());
    }
    let doc_owner = builtin_docs.then(|| type_name(tp));
    while !(*ml).ml_name.is_null() {
        let name = cstr((*ml).ml_name);
        if let Some(doc) = doc_owner.as_ref().and_then(|owner| crate::objects::docs::member_doc(owner, &name)) {
            (*ml).ml_doc = doc;
        }
        if (*ml).ml_flags & meth::COEXIST == 0 && crate::objects::dict::get_item_rs(d, &name).is_some() {
            ml = ml.add(1);
            continue;
        }
        let v = if (*ml).ml_flags & meth::STATIC != 0 {
            let f = crate::objects::methodobject::new_cfunction(ml, None, None);
            crate::objects::funcdescr::staticmethod_new(f)
        } else {
            new_method_descr(tp, ml)
        };
        crate::objects::dict::set_item_rs(d, &name, v);
        ml = ml.add(1);
    }
    Ok(())
}

/// `builtin_docs`: the type is the VM's own, documented by objects::docs.
pub unsafe fn add_members(tp: *mut PyTypeObject, d: &PyObj, builtin_docs: bool) -> PyResult<()> {
    let mut m = (*tp).tp_members;
    if m.is_null() {
        return Ok(());
    }
    let doc_owner = builtin_docs.then(|| type_name(tp));
    while !(*m).name.is_null() {
        let name = cstr((*m).name);
        if let Some(doc) = doc_owner.as_ref().and_then(|owner| crate::objects::docs::member_doc(owner, &name)) {
            (*m).doc = doc;
        }
        if crate::objects::dict::get_item_rs(d, &name).is_none() {
            crate::objects::dict::set_item_rs(d, &name, new_member_descr(tp, m));
        }
        m = m.add(1);
    }
    Ok(())
}

/// `builtin_docs`: the type is the VM's own, documented by objects::docs.
pub unsafe fn add_getsets(tp: *mut PyTypeObject, d: &PyObj, builtin_docs: bool) -> PyResult<()> {
    let mut g = (*tp).tp_getset;
    if g.is_null() {
        return Ok(());
    }
    let doc_owner = builtin_docs.then(|| type_name(tp));
    while !(*g).name.is_null() {
        let name = cstr((*g).name);
        if let Some(doc) = doc_owner.as_ref().and_then(|owner| crate::objects::docs::member_doc(owner, &name)) {
            (*g).doc = doc;
        }
        if crate::objects::dict::get_item_rs(d, &name).is_none() {
            crate::objects::dict::set_item_rs(d, &name, new_getset_descr(tp, g));
        }
        g = g.add(1);
    }
    Ok(())
}

/// Builds a leaked `PyGetSetDef` table from (name, getter, setter) and sets
/// it as the type's `tp_getset` (before the type is readied).
pub unsafe fn set_getsets(tp: *mut PyTypeObject, entries: &[(&str, *const c_void, *const c_void)]) {
    let mut v: Vec<PyGetSetDef> = entries
        .iter()
        .map(|(n, g, s)| PyGetSetDef {
            name: leak_cstr(n),
            get: if g.is_null() { None } else { Some(std::mem::transmute::<*const c_void, getter>(*g)) },
            set: if s.is_null() { None } else { Some(std::mem::transmute::<*const c_void, setter>(*s)) },
            doc: std::ptr::null(),
            closure: std::ptr::null_mut(),
        })
        .collect();
    v.push(PyGetSetDef { name: std::ptr::null(), get: None, set: None, doc: std::ptr::null(), closure: std::ptr::null_mut() });
    (*tp).tp_getset = Box::leak(v.into_boxed_slice()).as_mut_ptr();
}

/// Builds a leaked `PyMemberDef` table from (name, type, offset, flags).
pub unsafe fn set_members(tp: *mut PyTypeObject, entries: &[(&str, c_int, usize, c_int)]) {
    let mut v: Vec<PyMemberDef> = entries
        .iter()
        .map(|(n, t, off, fl)| PyMemberDef { name: leak_cstr(n), type_: *t, offset: *off as isize, flags: *fl, doc: std::ptr::null() })
        .collect();
    v.push(PyMemberDef { name: std::ptr::null(), type_: 0, offset: 0, flags: 0, doc: std::ptr::null() });
    (*tp).tp_members = Box::leak(v.into_boxed_slice()).as_mut_ptr();
}

/// Sets `tp_methods` from Rust entries (name, function, flags, doc).
pub unsafe fn set_methods(tp: *mut PyTypeObject, entries: &[(&str, *const c_void, c_int, &str)]) {
    (*tp).tp_methods = crate::objects::methodobject::method_table(entries);
}

/// `__dict__` getter, creating the dict (also C's `PyObject_GenericGetDict`).
pub unsafe extern "C" fn instance_dict_get(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    match typeobj::instance_dict(obj) {
        Some(d) => d.into_ptr(),
        None => {
            err::restore(err::attribute_error(format!(
                "This object has no __dict__"
            )));
            std::ptr::null_mut()
        }
    }
}

/// `__dict__` setter (also C's `PyObject_GenericSetDict`).
pub unsafe extern "C" fn instance_dict_set(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    let dp = typeobj::dict_ptr(o);
    if dp.is_null() {
        err::restore(err::attribute_error("This object has no __dict__"));
        return -1;
    }
    if v.is_null() {
        err::restore(err::type_error("cannot delete __dict__"));
        return -1;
    }
    if !crate::objects::dict::is_dict(PyObj::borrow(&v)) {
        err::restore(err::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            type_name((*v).ob_type)
        )));
        return -1;
    }
    crate::objref::incref(v);
    let old = std::mem::replace(&mut *dp, v);
    xdecref(old);
    0
}

unsafe extern "C" fn instance_weakref_get(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::objects::weakref::first_weakref(o).into_ptr()
}

static mut DICT_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef { name: b"__dict__\0".as_ptr() as *const c_char, get: Some(instance_dict_get), set: Some(instance_dict_set), doc: std::ptr::null(), closure: std::ptr::null_mut() },
    PyGetSetDef { name: std::ptr::null(), get: None, set: None, doc: std::ptr::null(), closure: std::ptr::null_mut() },
];

static mut WEAKREF_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef { name: b"__weakref__\0".as_ptr() as *const c_char, get: Some(instance_weakref_get), set: None, doc: std::ptr::null(), closure: std::ptr::null_mut() },
    PyGetSetDef { name: std::ptr::null(), get: None, set: None, doc: std::ptr::null(), closure: std::ptr::null_mut() },
];

pub unsafe fn add_dict_getset(tp: *mut PyTypeObject, d: &PyObj) {
    crate::objects::dict::set_item_rs(d, "__dict__", new_getset_descr(tp, (&raw mut DICT_GETSET) as *mut PyGetSetDef));
}

pub unsafe fn add_weakref_getset(tp: *mut PyTypeObject, d: &PyObj) {
    crate::objects::dict::set_item_rs(d, "__weakref__", new_getset_descr(tp, (&raw mut WEAKREF_GETSET) as *mut PyGetSetDef));
}

pub fn descr_type_of(o: &PyObj) -> *mut PyTypeObject {
    unsafe { (*(o.as_ptr() as *mut PyDescrObject)).d_type }
}

unsafe extern "C" fn descr_get_name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed((*(o as *mut PyDescrObject)).d_name).into_ptr()
}

unsafe extern "C" fn descr_get_qualname(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let d = o as *mut PyDescrObject;
    unicode::new(&format!("{}.{}", typeobj::type_qualname((*d).d_type), descr_name(d))).into_ptr()
}

unsafe extern "C" fn descr_get_objclass(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed((*(o as *mut PyDescrObject)).d_type as *mut PyObject).into_ptr()
}

unsafe extern "C" fn method_descr_get_doc(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let ml = (*(o as *mut PyMethodDescrObject)).d_method;
    crate::objects::docs::doc_from_c(&method_name(ml), (*ml).ml_doc).into_ptr()
}

unsafe extern "C" fn method_descr_get_text_signature(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let ml = (*(o as *mut PyMethodDescrObject)).d_method;
    crate::objects::docs::text_signature_from_c(&method_name(ml), (*ml).ml_doc).into_ptr()
}

unsafe extern "C" fn member_descr_get_doc(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let m = (*(o as *mut PyMemberDescrObject)).d_member;
    crate::objects::docs::doc_from_c(&cstr((*m).name), (*m).doc).into_ptr()
}

unsafe extern "C" fn getset_descr_get_doc(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let g = (*(o as *mut PyGetSetDescrObject)).d_getset;
    crate::objects::docs::doc_from_c(&cstr((*g).name), (*g).doc).into_ptr()
}

/// Slot wrappers share one doc per slot name, as CPython's slotdefs do,
/// unless CPython's type defines that method itself (`list.__getitem__`).
unsafe fn slot_doc_of(d: *mut PyDescrObject) -> (String, Option<&'static str>) {
    let name = descr_name(d);
    let own = crate::objects::docs::member_doc(&type_name((*d).d_type), &name)
        .map(|p| CStr::from_ptr(p).to_str().unwrap_or_default());
    let doc = own.or_else(|| crate::objects::docs::slot_doc(&name));
    (name, doc)
}

unsafe extern "C" fn wrapper_descr_get_doc(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let (name, doc) = slot_doc_of(o as *mut PyDescrObject);
    crate::objects::docs::doc_object(&name, doc).into_ptr()
}

unsafe extern "C" fn wrapper_descr_get_text_signature(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let (name, doc) = slot_doc_of(o as *mut PyDescrObject);
    crate::objects::docs::text_signature_object(&name, doc).into_ptr()
}

unsafe extern "C" fn method_wrapper_get_doc(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    wrapper_descr_get_doc((*(o as *mut WrapperObject)).descr as *mut PyObject, std::ptr::null_mut())
}

unsafe extern "C" fn method_wrapper_get_text_signature(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    wrapper_descr_get_text_signature((*(o as *mut WrapperObject)).descr as *mut PyObject, std::ptr::null_mut())
}

pub unsafe fn init_types() {
    let common = [
        ("__name__", descr_get_name as *const c_void, std::ptr::null()),
        ("__qualname__", descr_get_qualname as *const c_void, std::ptr::null()),
        ("__objclass__", descr_get_objclass as *const c_void, std::ptr::null()),
    ];
    for (tp, repr) in [
        (&raw mut PyMethodDescr_Type, method_descr_repr as reprfunc),
        (&raw mut PyClassMethodDescr_Type, method_descr_repr as reprfunc),
        (&raw mut PyMemberDescr_Type, member_descr_repr as reprfunc),
        (&raw mut PyGetSetDescr_Type, getset_descr_repr as reprfunc),
        (&raw mut PyWrapperDescr_Type, wrapper_descr_repr as reprfunc),
    ] {
        (*tp).tp_dealloc = Some(descr_dealloc);
        (*tp).tp_traverse = Some(descr_traverse);
        (*tp).tp_repr = Some(repr);
        (*tp).tp_flags |= flags::HAVE_GC;
        let mut entries = common.to_vec();
        let null = std::ptr::null();
        if tp == &raw mut PyMethodDescr_Type || tp == &raw mut PyClassMethodDescr_Type {
            entries.push(("__doc__", method_descr_get_doc as *const c_void, null));
            entries.push(("__text_signature__", method_descr_get_text_signature as *const c_void, null));
        } else if tp == &raw mut PyMemberDescr_Type {
            entries.push(("__doc__", member_descr_get_doc as *const c_void, null));
        } else if tp == &raw mut PyGetSetDescr_Type {
            entries.push(("__doc__", getset_descr_get_doc as *const c_void, null));
        } else if tp == &raw mut PyWrapperDescr_Type {
            entries.push(("__doc__", wrapper_descr_get_doc as *const c_void, null));
            entries.push(("__text_signature__", wrapper_descr_get_text_signature as *const c_void, null));
        }
        set_getsets(tp, &entries);
    }
    let t = &raw mut PyMethodDescr_Type;
    (*t).tp_descr_get = Some(method_descr_get);
    (*t).tp_call = Some(crate::abstract_::vectorcall_call);
    (*t).tp_vectorcall_offset = std::mem::offset_of!(PyMethodDescrObject, vectorcall) as isize;
    (*t).tp_flags |= flags::HAVE_VECTORCALL | flags::METHOD_DESCRIPTOR;
    let t = &raw mut PyClassMethodDescr_Type;
    (*t).tp_descr_get = Some(classmethod_descr_get);
    let t = &raw mut PyMemberDescr_Type;
    (*t).tp_descr_get = Some(member_descr_get);
    (*t).tp_descr_set = Some(member_descr_set);
    let t = &raw mut PyGetSetDescr_Type;
    (*t).tp_descr_get = Some(getset_descr_get);
    (*t).tp_descr_set = Some(getset_descr_set);
    let t = &raw mut PyWrapperDescr_Type;
    (*t).tp_descr_get = Some(wrapper_descr_get);
    (*t).tp_call = Some(wrapper_descr_call);
    (*t).tp_flags |= flags::METHOD_DESCRIPTOR;
    let t = &raw mut _PyMethodWrapper_Type;
    (*t).tp_dealloc = Some(method_wrapper_dealloc);
    (*t).tp_call = Some(method_wrapper_call);
    (*t).tp_repr = Some(method_wrapper_repr);
    (*t).tp_richcompare = Some(method_wrapper_richcompare);
    (*t).tp_hash = Some(method_wrapper_hash);
    (*t).tp_traverse = Some(method_wrapper_traverse);
    (*t).tp_flags |= flags::HAVE_GC;
    set_members(t, &[("__self__", T_OBJECT, std::mem::offset_of!(WrapperObject, self_), READONLY)]);
    set_getsets(t, &[
        ("__objclass__", method_wrapper_get_objclass as *const c_void, std::ptr::null()),
        ("__name__", method_wrapper_get_name as *const c_void, std::ptr::null()),
        ("__qualname__", method_wrapper_get_qualname as *const c_void, std::ptr::null()),
        ("__doc__", method_wrapper_get_doc as *const c_void, std::ptr::null()),
        ("__text_signature__", method_wrapper_get_text_signature as *const c_void, std::ptr::null()),
    ]);
    set_methods(t, &[("__reduce__", method_wrapper_reduce as *const c_void, meth::NOARGS, "")]);
}

pub fn is_method_descr(o: &PyObj) -> bool {
    o.ob_type() == unsafe { &raw mut PyMethodDescr_Type }
}

/// For LOAD_METHOD: the PyMethodDef of a method descriptor.
pub unsafe fn method_descr_def(o: &PyObj) -> *mut PyMethodDef {
    (*(o.as_ptr() as *mut PyMethodDescrObject)).d_method
}

pub fn wrapper_descr_parts(o: &PyObj) -> Option<(*const c_void, *mut c_void)> {
    unsafe {
        if o.ob_type() == &raw mut PyWrapperDescr_Type {
            let d = o.as_ptr() as *mut PyWrapperDescrObject;
            Some(((*d).d_base, (*d).d_wrapped))
        } else {
            None
        }
    }
}

