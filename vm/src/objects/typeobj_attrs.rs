//! Python-visible attributes of `object` and `type`: `__class__`,
//! `__repr__`/`__str__`/`__hash__`/`__eq__` defaults, `__dir__`,
//! `__format__`, `__reduce_ex__`, `__init_subclass__`, and `type`'s
//! `__name__`, `__qualname__`, `__module__`, `__mro__`, `__bases__`,
//! `__dict__`, `__doc__`, `mro()`, `__subclasses__()`, `__prepare__`,
//! `__instancecheck__`, `__subclasscheck__`.

use crate::err;
use crate::object::*;
use crate::objects::{boolobject, dict, list, long, none, tuple, unicode};
use crate::objref::PyObj;
use crate::typeobj::{self, type_name};
use std::os::raw::{c_int, c_void};

// ------------------------------------------------------------------ object

unsafe extern "C" fn object_repr(o: *mut PyObject) -> *mut PyObject {
    unicode::new(&crate::abstract_::default_repr(PyObj::borrow(&o))).into_ptr()
}

unsafe extern "C" fn object_str(o: *mut PyObject) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    let tp = obj.ob_type();
    match (*tp).tp_repr {
        Some(r) => r(o),
        None => object_repr(o),
    }
}

unsafe extern "C" fn object_hash(o: *mut PyObject) -> Py_hash_t {
    // CPython: rotate the address right by 4 bits.
    let p = o as usize;
    let h = p.rotate_right(4) as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

unsafe extern "C" fn object_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    match op {
        PY_EQ => {
            if a == b {
                boolobject::new(true).into_ptr()
            } else {
                none::not_implemented().into_ptr()
            }
        }
        PY_NE => {
            // __ne__ inverts __eq__ unless that returns NotImplemented.
            let tp = (*a).ob_type;
            let Some(rc) = (*tp).tp_richcompare else {
                return none::not_implemented().into_ptr();
            };
            let r = rc(a, b, PY_EQ);
            if r.is_null() {
                return r;
            }
            let ro = PyObj::from_owned(r);
            if none::is_not_implemented(&ro) {
                return ro.into_ptr();
            }
            match crate::abstract_::is_true(&ro) {
                Ok(t) => boolobject::new(!t).into_ptr(),
                Err(e) => {
                    err::restore(e);
                    std::ptr::null_mut()
                }
            }
        }
        _ => none::not_implemented().into_ptr(),
    }
}

unsafe extern "C" fn object_get_class(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed((*o).ob_type as *mut PyObject).into_ptr()
}

unsafe extern "C" fn object_set_class(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() {
        err::restore(err::type_error("can't delete __class__ attribute"));
        return -1;
    }
    let nv = PyObj::borrow(&v);
    if !typeobj::is_type(nv) {
        err::restore(err::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            type_name(nv.ob_type())
        )));
        return -1;
    }
    let newto = v as *mut PyTypeObject;
    let oldto = (*o).ob_type;
    if !typeobj::is_heap(newto) || !typeobj::is_heap(oldto) {
        err::restore(err::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
        return -1;
    }
    if (*newto).tp_basicsize != (*oldto).tp_basicsize || (*newto).tp_dictoffset != (*oldto).tp_dictoffset {
        err::restore(err::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            type_name(newto),
            type_name(oldto)
        )));
        return -1;
    }
    crate::objref::incref(v);
    (*o).ob_type = newto;
    crate::objref::decref(oldto as *mut PyObject);
    0
}

crate::fastcall!(object_dir, |slf, args| {
    let mut names: Vec<PyObj> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut add = |k: PyObj| {
        let s = unicode::to_string_lossy(&k);
        if seen.insert(s) {
            names.push(k);
        }
    };
    if let Some(d) = typeobj::instance_dict(slf) {
        for k in dict::keys_vec(&d) {
            add(k);
        }
    }
    let cls = crate::abstract_::getattr_str(slf, "__class__")?;
    if typeobj::is_type(&cls) {
        for t in typeobj::mro_items(unsafe { typeobj::as_type(&cls) }) {
            for k in dict::keys_vec(&typeobj::type_dict(t)) {
                add(k);
            }
        }
    }
    Ok(list::new(names))
});

crate::fastcall!(object_format, |slf, args| {
    crate::objects::methodobject::check_nargs("__format__", args, 1, 1)?;
    let spec = &args[0];
    if !unicode::is_str(spec) {
        return Err(err::type_error(format!(
            "__format__() argument must be str, not {}",
            type_name(spec.ob_type())
        )));
    }
    if unicode::len(spec) > 0 {
        return Err(err::type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(slf.ob_type())
        )));
    }
    crate::abstract_::str(slf)
});

crate::fastcall!(object_init_subclass, |slf, args| { Ok(none::none()) });

crate::fastcall!(object_subclasshook, |slf, args| { Ok(none::not_implemented()) });

crate::fastcall!(object_sizeof, |slf, args| {
    let tp = slf.ob_type();
    let mut size = unsafe { (*tp).tp_basicsize };
    unsafe {
        if (*tp).tp_itemsize != 0 {
            size += (*tp).tp_itemsize * (*(slf.as_ptr() as *mut PyVarObject)).ob_size.abs();
        }
    }
    Ok(long::from_i64(size as i64))
});


// ------------------------------------------------------------------ type

unsafe fn tp(o: *mut PyObject) -> *mut PyTypeObject {
    o as *mut PyTypeObject
}

unsafe extern "C" fn type_get_name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    unicode::new(&type_name(tp(o))).into_ptr()
}

unsafe extern "C" fn type_set_name(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    let t = tp(o);
    if !typeobj::is_heap(t) {
        err::restore(err::type_error(format!(
            "cannot set '__name__' attribute of immutable type '{}'",
            typeobj::tp_name(t)
        )));
        return -1;
    }
    if v.is_null() || !unicode::is_str(PyObj::borrow(&v)) {
        err::restore(err::type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            type_name(t),
            if v.is_null() { "NoneType".into() } else { type_name((*v).ob_type) }
        )));
        return -1;
    }
    let ht = o as *mut PyHeapTypeObject;
    crate::objref::incref(v);
    let old = std::mem::replace(&mut (*ht).ht_name, v);
    crate::objref::xdecref(old);
    let cs = std::ffi::CString::new(unicode::to_string_lossy(PyObj::borrow(&v))).unwrap_or_default();
    let oldname = std::mem::replace(&mut (*ht)._ht_tpname, cs.into_raw());
    (*t).tp_name = (*ht)._ht_tpname;
    if !oldname.is_null() {
        drop(std::ffi::CString::from_raw(oldname));
    }
    0
}

unsafe extern "C" fn type_get_qualname(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    unicode::new(&typeobj::type_qualname(tp(o))).into_ptr()
}

unsafe extern "C" fn type_set_qualname(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    let t = tp(o);
    if !typeobj::is_heap(t) || v.is_null() || !unicode::is_str(PyObj::borrow(&v)) {
        let got = if v.is_null() { "NoneType".to_string() } else { type_name((*v).ob_type) };
        err::restore(err::type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            type_name(t),
            got
        )));
        return -1;
    }
    let ht = o as *mut PyHeapTypeObject;
    crate::objref::incref(v);
    let old = std::mem::replace(&mut (*ht).ht_qualname, v);
    crate::objref::xdecref(old);
    0
}

unsafe extern "C" fn type_get_module(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let t = tp(o);
    if typeobj::is_heap(t) {
        if let Some(m) = dict::get_item_rs(&typeobj::type_dict(t), "__module__") {
            return m.into_ptr();
        }
        err::restore(err::attribute_error("__module__"));
        return std::ptr::null_mut();
    }
    unicode::new(&typeobj::type_module(t).unwrap_or_else(|| "builtins".into())).into_ptr()
}

unsafe extern "C" fn type_set_module(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    crate::typeobj::type_modified(o as *mut PyTypeObject);
    let t = tp(o);
    if !typeobj::is_heap(t) {
        err::restore(err::type_error(format!(
            "cannot set '__module__' attribute of immutable type '{}'",
            typeobj::tp_name(t)
        )));
        return -1;
    }
    let d = typeobj::type_dict(t);
    if v.is_null() {
        let _ = dict::pop_item(&d, &unicode::intern("__module__"));
    } else {
        dict::set_item_rs(&d, "__module__", PyObj::from_borrowed(v));
    }
    0
}

unsafe extern "C" fn type_get_doc(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let t = tp(o);
    if !typeobj::is_heap(t) && !(*t).tp_doc.is_null() {
        return crate::objects::docs::doc_from_c(&type_name(t), (*t).tp_doc).into_ptr();
    }
    let d = typeobj::type_dict(t);
    match dict::get_item_rs(&d, "__doc__") {
        Some(doc) => {
            if let Some(g) = (*doc.ob_type()).tp_descr_get {
                return g(doc.as_ptr(), std::ptr::null_mut(), o);
            }
            doc.into_ptr()
        }
        None => none::none().into_ptr(),
    }
}

// From the signature block of tp_doc ("name(sig)\n--\n\n"), as CPython.
unsafe extern "C" fn type_get_text_signature(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let t = tp(o);
    crate::objects::docs::text_signature_from_c(&type_name(t), (*t).tp_doc).into_ptr()
}

unsafe extern "C" fn type_set_doc(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    crate::typeobj::type_modified(o as *mut PyTypeObject);
    let t = tp(o);
    if !typeobj::is_heap(t) {
        err::restore(err::type_error(format!(
            "cannot set '__doc__' attribute of immutable type '{}'",
            typeobj::tp_name(t)
        )));
        return -1;
    }
    let d = typeobj::type_dict(t);
    dict::set_item_rs(&d, "__doc__", if v.is_null() { none::none() } else { PyObj::from_borrowed(v) });
    0
}

unsafe extern "C" fn type_get_mro(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let m = (*tp(o)).tp_mro;
    if m.is_null() { none::none().into_ptr() } else { PyObj::from_borrowed(m).into_ptr() }
}

unsafe extern "C" fn type_get_bases(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let b = (*tp(o)).tp_bases;
    if b.is_null() { tuple::empty().into_ptr() } else { PyObj::from_borrowed(b).into_ptr() }
}

unsafe extern "C" fn type_set_bases(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    let nv = if v.is_null() { None } else { Some(PyObj::borrow(&v)) };
    err::int_result(typeobj::set_bases(tp(o), nv))
}

// Layout numbers of the type (`__basicsize__`, `__flags__`, ...), read-only.
unsafe extern "C" fn type_get_basicsize(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64((*tp(o)).tp_basicsize as i64).into_ptr()
}
unsafe extern "C" fn type_get_itemsize(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64((*tp(o)).tp_itemsize as i64).into_ptr()
}
unsafe extern "C" fn type_get_flags(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64((*tp(o)).tp_flags as i64).into_ptr()
}
unsafe extern "C" fn type_get_weakrefoffset(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64((*tp(o)).tp_weaklistoffset as i64).into_ptr()
}
unsafe extern "C" fn type_get_dictoffset(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64((*tp(o)).tp_dictoffset as i64).into_ptr()
}

unsafe extern "C" fn type_get_base(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let b = (*tp(o)).tp_base;
    if b.is_null() { none::none().into_ptr() } else { PyObj::from_borrowed(b as *mut PyObject).into_ptr() }
}

unsafe extern "C" fn type_get_dict(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    crate::objects::mappingproxy::new(typeobj::type_dict(tp(o))).into_ptr()
}

unsafe extern "C" fn type_get_abstractmethods(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let t = tp(o);
    if t != typeobj::type_type() {
        if let Some(v) = dict::get_item_rs(&typeobj::type_dict(t), "__abstractmethods__") {
            return v.into_ptr();
        }
    }
    err::restore(err::attribute_error("__abstractmethods__"));
    std::ptr::null_mut()
}

unsafe extern "C" fn type_set_abstractmethods(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    crate::typeobj::type_modified(o as *mut PyTypeObject);
    let t = tp(o);
    let d = typeobj::type_dict(t);
    let abstract_ = if v.is_null() {
        let _ = dict::pop_item(&d, &unicode::intern("__abstractmethods__"));
        false
    } else {
        let vo = PyObj::from_borrowed(v);
        let b = match crate::abstract_::is_true(&vo) {
            Ok(b) => b,
            Err(e) => {
                err::restore(e);
                return -1;
            }
        };
        dict::set_item_rs(&d, "__abstractmethods__", vo);
        b
    };
    if abstract_ {
        (*t).tp_flags |= flags::IS_ABSTRACT;
    } else {
        (*t).tp_flags &= !flags::IS_ABSTRACT;
    }
    0
}

unsafe extern "C" fn type_get_annotations(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let t = tp(o);
    let d = typeobj::type_dict(t);
    if let Some(a) = dict::get_item_rs(&d, "__annotations__") {
        if let Some(g) = (*a.ob_type()).tp_descr_get {
            return g(a.as_ptr(), std::ptr::null_mut(), o);
        }
        return a.into_ptr();
    }
    if !typeobj::is_heap(t) {
        err::restore(err::attribute_error(format!(
            "type object '{}' has no attribute '__annotations__'",
            type_name(t)
        )));
        return std::ptr::null_mut();
    }
    let a = dict::new();
    dict::set_item_rs(&d, "__annotations__", a.clone());
    crate::typeobj::type_modified(t);
    a.into_ptr()
}

unsafe extern "C" fn type_set_annotations(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    crate::typeobj::type_modified(o as *mut PyTypeObject);
    let d = typeobj::type_dict(tp(o));
    if v.is_null() {
        let _ = dict::pop_item(&d, &unicode::intern("__annotations__"));
    } else {
        dict::set_item_rs(&d, "__annotations__", PyObj::from_borrowed(v));
    }
    0
}

unsafe extern "C" fn type_repr(o: *mut PyObject) -> *mut PyObject {
    let t = tp(o);
    let q = typeobj::type_qualname(t);
    let s = match typeobj::type_module(t) {
        Some(m) if m != "builtins" => format!("<class '{}.{}'>", m, q),
        _ => format!("<class '{}'>", q),
    };
    unicode::new(&s).into_ptr()
}

crate::fastcall!(type_mro, |slf, args| {
    let m = typeobj::compute_mro(unsafe { typeobj::as_type(slf) })?;
    Ok(list::new(m))
});

crate::fastcall!(type_subclasses, |slf, args| {
    Ok(list::new(typeobj::subclasses(unsafe { typeobj::as_type(slf) })))
});

crate::fastcall!(type_instancecheck, |slf, args| {
    crate::objects::methodobject::check_nargs("__instancecheck__", args, 1, 1)?;
    let inst = &args[0];
    let r = unsafe { typeobj::is_subtype(inst.ob_type(), typeobj::as_type(slf)) };
    if r {
        return Ok(boolobject::new(true));
    }
    if let Some(c) = crate::abstract_::getattr_str_opt(inst, "__class__")? {
        if typeobj::is_type(&c) && !c.is_ptr(inst.ob_type() as *mut PyObject) {
            return Ok(boolobject::new(unsafe { typeobj::is_subtype(typeobj::as_type(&c), typeobj::as_type(slf)) }));
        }
    }
    Ok(boolobject::new(false))
});

crate::fastcall!(type_subclasscheck, |slf, args| {
    crate::objects::methodobject::check_nargs("__subclasscheck__", args, 1, 1)?;
    let d = &args[0];
    if !typeobj::is_type(d) {
        return Err(err::type_error("issubclass() arg 1 must be a class"));
    }
    Ok(boolobject::new(unsafe { typeobj::is_subtype(typeobj::as_type(d), typeobj::as_type(slf)) }))
});

crate::fastcall_kw!(type_prepare, |slf, args, kw| { Ok(dict::new()) });

crate::fastcall!(type_dir, |slf, args| {
    let mut names: Vec<PyObj> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for t in typeobj::mro_items(unsafe { typeobj::as_type(slf) }) {
        for k in dict::keys_vec(&typeobj::type_dict(t)) {
            if seen.insert(unicode::to_string_lossy(&k)) {
                names.push(k);
            }
        }
    }
    Ok(list::new(names))
});

crate::fastcall!(type_sizeof, |slf, args| {
    Ok(long::from_i64(std::mem::size_of::<PyHeapTypeObject>() as i64))
});

unsafe extern "C" fn type_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    err::into_ptr(crate::objects::unionobject::make_union(PyObj::borrow(&a), PyObj::borrow(&b)))
}

static mut TYPE_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;

pub unsafe fn init(o: *mut PyTypeObject, t: *mut PyTypeObject) {
    use crate::objects::descr::{set_getsets, set_methods};
    (*o).tp_repr = Some(object_repr);
    (*o).tp_str = Some(object_str);
    (*o).tp_hash = Some(object_hash);
    (*o).tp_richcompare = Some(object_richcompare);
    set_getsets(o, &[("__class__", object_get_class as *const c_void, object_set_class as *const c_void)]);
    set_methods(o, &[
        ("__dir__", object_dir as *const c_void, meth::FASTCALL, "Default dir() implementation."),
        ("__format__", object_format as *const c_void, meth::FASTCALL, "Default object formatter."),
        ("__init_subclass__", object_init_subclass as *const c_void, meth::FASTCALL | meth::CLASS,
            "This method is called when a class is subclassed."),
        ("__subclasshook__", object_subclasshook as *const c_void, meth::FASTCALL | meth::CLASS, ""),
        ("__sizeof__", object_sizeof as *const c_void, meth::FASTCALL, "Size of object in memory, in bytes."),
    ].into_iter().chain(crate::objects::object_reduce::methods()).collect::<Vec<_>>());
    (*o).tp_doc = b"The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n\0".as_ptr() as *const _;

    (*t).tp_repr = Some(type_repr);
    (*t).tp_as_number = &raw mut TYPE_AS_NUMBER;
    (*(&raw mut TYPE_AS_NUMBER)).nb_or = Some(type_or);
    set_getsets(t, &[
        ("__name__", type_get_name as *const c_void, type_set_name as *const c_void),
        ("__qualname__", type_get_qualname as *const c_void, type_set_qualname as *const c_void),
        ("__module__", type_get_module as *const c_void, type_set_module as *const c_void),
        ("__doc__", type_get_doc as *const c_void, type_set_doc as *const c_void),
        ("__text_signature__", type_get_text_signature as *const c_void, std::ptr::null()),
        ("__mro__", type_get_mro as *const c_void, std::ptr::null()),
        ("__bases__", type_get_bases as *const c_void, type_set_bases as *const c_void),
        ("__base__", type_get_base as *const c_void, std::ptr::null()),
        ("__basicsize__", type_get_basicsize as *const c_void, std::ptr::null()),
        ("__itemsize__", type_get_itemsize as *const c_void, std::ptr::null()),
        ("__flags__", type_get_flags as *const c_void, std::ptr::null()),
        ("__weakrefoffset__", type_get_weakrefoffset as *const c_void, std::ptr::null()),
        ("__dictoffset__", type_get_dictoffset as *const c_void, std::ptr::null()),
        ("__dict__", type_get_dict as *const c_void, std::ptr::null()),
        ("__abstractmethods__", type_get_abstractmethods as *const c_void, type_set_abstractmethods as *const c_void),
        ("__annotations__", type_get_annotations as *const c_void, type_set_annotations as *const c_void),
    ]);
    set_methods(t, &[
        ("mro", type_mro as *const c_void, meth::FASTCALL, "Return a type's method resolution order."),
        ("__subclasses__", type_subclasses as *const c_void, meth::FASTCALL, "Return a list of immediate subclasses."),
        ("__instancecheck__", type_instancecheck as *const c_void, meth::FASTCALL, "Check if an object is an instance."),
        ("__subclasscheck__", type_subclasscheck as *const c_void, meth::FASTCALL, "Check if a class is a subclass."),
        ("__prepare__", type_prepare as *const c_void, meth::FASTCALL | meth::KEYWORDS | meth::CLASS,
            "Create the namespace for the class statement"),
        ("__dir__", type_dir as *const c_void, meth::FASTCALL, "Specialized __dir__ implementation for types."),
        ("__sizeof__", type_sizeof as *const c_void, meth::FASTCALL, "Return memory consumption of the type object."),
    ]);
}
