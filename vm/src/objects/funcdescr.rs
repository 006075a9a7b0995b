//! `staticmethod`, `classmethod` and `property`: the descriptors Python code
//! uses to shape how functions bind (CPython's funcobject.c / descrobject.c).

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{none, tuple, unicode};
use crate::objref::{xdecref, PyObj};
use std::os::raw::{c_int, c_void};

/// staticmethod and classmethod share this layout (callable + dict).
#[repr(C)]
pub struct WrapperFuncObject {
    pub ob_base: PyObject,
    pub callable: *mut PyObject,
    pub dict: *mut PyObject,
}

#[repr(C)]
pub struct PropertyObject {
    pub ob_base: PyObject,
    pub fget: *mut PyObject,
    pub fset: *mut PyObject,
    pub fdel: *mut PyObject,
    pub doc: *mut PyObject,
    pub name: *mut PyObject,
    pub getter_doc: c_int,
}

#[no_mangle]
pub static mut PyStaticMethod_Type: PyTypeObject =
    PyTypeObject::empty(b"staticmethod\0", std::mem::size_of::<WrapperFuncObject>(), 0);
#[no_mangle]
pub static mut PyClassMethod_Type: PyTypeObject =
    PyTypeObject::empty(b"classmethod\0", std::mem::size_of::<WrapperFuncObject>(), 0);
#[no_mangle]
pub static mut PyProperty_Type: PyTypeObject =
    PyTypeObject::empty(b"property\0", std::mem::size_of::<PropertyObject>(), 0);

fn wrap(tp: *mut PyTypeObject, f: PyObj) -> PyObj {
    unsafe {
        let o = crate::alloc::alloc_object(tp, 0) as *mut WrapperFuncObject;
        (*o).callable = f.into_ptr();
        PyObj::from_owned(o as *mut PyObject)
    }
}

pub fn staticmethod_new(f: PyObj) -> PyObj {
    wrap(&raw mut PyStaticMethod_Type, f)
}

pub fn classmethod_new(f: PyObj) -> PyObj {
    wrap(&raw mut PyClassMethod_Type, f)
}

pub fn is_staticmethod(o: &PyObj) -> bool {
    unsafe { crate::typeobj::is_subtype(o.ob_type(), &raw mut PyStaticMethod_Type) }
}

pub fn is_classmethod(o: &PyObj) -> bool {
    unsafe { crate::typeobj::is_subtype(o.ob_type(), &raw mut PyClassMethod_Type) }
}

pub fn wrapped_callable(o: &PyObj) -> PyObj {
    unsafe { PyObj::from_borrowed((*(o.as_ptr() as *mut WrapperFuncObject)).callable) }
}

unsafe extern "C" fn wf_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let w = o as *mut WrapperFuncObject;
    xdecref((*w).callable);
    xdecref((*w).dict);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn wf_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let w = o as *mut WrapperFuncObject;
    for p in [(*w).callable, (*w).dict] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn wf_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let w = o as *mut WrapperFuncObject;
    let a = tuple::items(PyObj::borrow(&args));
    let name = crate::typeobj::type_name((*o).ob_type);
    if crate::objects::methodobject::kwargs_dict(kw).is_some() {
        err::restore(err::type_error(format!("{}() takes no keyword arguments", name)));
        return -1;
    }
    if a.len() != 1 {
        err::restore(err::type_error(format!("{} expected 1 argument, got {}", name, a.len())));
        return -1;
    }
    let old = std::mem::replace(&mut (*w).callable, a[0].clone().into_ptr());
    xdecref(old);
    // Copy __doc__, __name__, ... as functools.update_wrapper does (3.10+).
    let d = crate::typeobj::instance_dict(PyObj::borrow(&o));
    if let Some(d) = d {
        for attr in ["__module__", "__name__", "__qualname__", "__doc__"] {
            if let Ok(Some(v)) = crate::abstract_::getattr_str_opt(&a[0], attr) {
                crate::objects::dict::set_item_rs(&d, attr, v);
            }
        }
    }
    0
}

unsafe extern "C" fn sm_get(o: *mut PyObject, _obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    PyObj::from_borrowed((*(o as *mut WrapperFuncObject)).callable).into_ptr()
}

unsafe extern "C" fn sm_call(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let f = PyObj::from_borrowed((*(o as *mut WrapperFuncObject)).callable);
    err::into_ptr(crate::abstract_::call_tuple_dict(
        &f,
        PyObj::borrow(&args),
        crate::objects::methodobject::kwargs_dict(kw).as_ref(),
    ))
}

unsafe extern "C" fn cm_get(o: *mut PyObject, obj: *mut PyObject, tp: *mut PyObject) -> *mut PyObject {
    let f = PyObj::from_borrowed((*(o as *mut WrapperFuncObject)).callable);
    let t = if tp.is_null() { PyObj::from_borrowed((*obj).ob_type as *mut PyObject) } else { PyObj::from_borrowed(tp) };
    // Chained descriptors (classmethod wrapping property etc., 3.9-3.12).
    if let Some(g) = (*f.ob_type()).tp_descr_get {
        if !crate::objects::function::is_function(&f) {
            return g(f.as_ptr(), t.as_ptr(), t.as_ptr());
        }
    }
    crate::objects::classobject::method_new(f, t).into_ptr()
}

unsafe extern "C" fn get_func(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed((*(o as *mut WrapperFuncObject)).callable).into_ptr()
}

unsafe extern "C" fn get_isabstract(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let f = PyObj::from_borrowed((*(o as *mut WrapperFuncObject)).callable);
    let r = crate::abstract_::getattr_str_opt(&f, "__isabstractmethod__")
        .and_then(|v| match v {
            Some(v) => crate::abstract_::is_true(&v),
            None => Ok(false),
        })
        .map(crate::objects::boolobject::new);
    err::into_ptr(r)
}

unsafe extern "C" fn wf_repr(o: *mut PyObject) -> *mut PyObject {
    let f = PyObj::from_borrowed((*(o as *mut WrapperFuncObject)).callable);
    let r = crate::abstract_::repr_string(&f).map(|r| {
        unicode::new(&format!("<{}({})>", crate::typeobj::type_name((*o).ob_type), r))
    });
    err::into_ptr(r)
}

// ---------------------------------------------------------------- property

unsafe fn prop(o: *mut PyObject) -> *mut PropertyObject {
    o as *mut PropertyObject
}

fn opt(p: *mut PyObject) -> Option<PyObj> {
    if p.is_null() || p == none::none_ptr() {
        None
    } else {
        Some(unsafe { PyObj::from_borrowed(p) })
    }
}

unsafe extern "C" fn property_get(o: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    if obj.is_null() {
        return PyObj::from_borrowed(o).into_ptr();
    }
    let p = prop(o);
    match opt((*p).fget) {
        Some(g) => err::into_ptr(crate::abstract_::call1(&g, PyObj::borrow(&obj))),
        None => {
            err::restore(err::attribute_error(property_error(o, obj, "getter")));
            std::ptr::null_mut()
        }
    }
}

unsafe fn property_error(o: *mut PyObject, obj: *mut PyObject, what: &str) -> String {
    let p = prop(o);
    let tn = crate::typeobj::type_qualname((*obj).ob_type);
    match opt((*p).name) {
        Some(n) => format!(
            "property '{}' of '{}' object has no {}",
            unicode::to_string_lossy(&n),
            tn,
            what
        ),
        None => format!("property of '{}' object has no {}", tn, what),
    }
}

unsafe extern "C" fn property_set(o: *mut PyObject, obj: *mut PyObject, v: *mut PyObject) -> c_int {
    let p = prop(o);
    let (f, what) = if v.is_null() { ((*p).fdel, "deleter") } else { ((*p).fset, "setter") };
    match opt(f) {
        Some(f) => {
            let r = if v.is_null() {
                crate::abstract_::call1(&f, PyObj::borrow(&obj))
            } else {
                crate::abstract_::call(&f, &[PyObj::from_borrowed(obj), PyObj::from_borrowed(v)], None)
            };
            err::int_result(r.map(|_| ()))
        }
        None => {
            err::restore(err::attribute_error(property_error(o, obj, what)));
            -1
        }
    }
}

unsafe extern "C" fn property_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let a = tuple::items(PyObj::borrow(&args)).to_vec();
    let kwn = crate::objects::methodobject::kwargs_dict(kw);
    let mut vals: [Option<PyObj>; 4] = [None, None, None, None];
    for (i, v) in a.iter().enumerate() {
        if i >= 4 {
            err::restore(err::type_error(format!(
                "property() takes at most 4 arguments ({} given)",
                a.len()
            )));
            return -1;
        }
        vals[i] = Some(v.clone());
    }
    if let Some(k) = kwn {
        for (key, v) in crate::objects::dict::items_vec(&k) {
            let ks = unicode::to_string_lossy(&key);
            let i = match ks.as_str() {
                "fget" => 0,
                "fset" => 1,
                "fdel" => 2,
                "doc" => 3,
                _ => {
                    err::restore(err::type_error(format!(
                        "property() got an unexpected keyword argument '{}'",
                        ks
                    )));
                    return -1;
                }
            };
            vals[i] = Some(v);
        }
    }
    let p = prop(o);
    let set = |slot: *mut *mut PyObject, v: Option<PyObj>| {
        let nv = match v {
            Some(v) if !none::is_none(&v) => v.into_ptr(),
            _ => std::ptr::null_mut(),
        };
        let old = std::mem::replace(&mut *slot, nv);
        xdecref(old);
    };
    let [fget, fset, fdel, doc] = vals;
    let mut doc = doc;
    let mut getter_doc = 0;
    if doc.as_ref().map(none::is_none).unwrap_or(true) {
        if let Some(g) = &fget {
            if let Ok(Some(d)) = crate::abstract_::getattr_str_opt(g, "__doc__") {
                if !none::is_none(&d) {
                    doc = Some(d);
                    getter_doc = 1;
                }
            }
        }
    }
    set(&raw mut (*p).fget, fget);
    set(&raw mut (*p).fset, fset);
    set(&raw mut (*p).fdel, fdel);
    set(&raw mut (*p).doc, doc.clone());
    (*p).getter_doc = getter_doc;
    // A subclass of property stores the doc in its instance dict.
    if (*o).ob_type != &raw mut PyProperty_Type {
        if let Some(d) = crate::typeobj::instance_dict(PyObj::borrow(&o)) {
            crate::objects::dict::set_item_rs(&d, "__doc__", doc.unwrap_or_else(none::none));
        }
    }
    0
}

unsafe extern "C" fn property_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let p = prop(o);
    for q in [(*p).fget, (*p).fset, (*p).fdel, (*p).doc, (*p).name] {
        xdecref(q);
    }
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn property_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = prop(o);
    for q in [(*p).fget, (*p).fset, (*p).fdel, (*p).doc, (*p).name] {
        if !q.is_null() {
            let r = visit(q, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

macro_rules! prop_getter {
    ($name:ident, $field:ident) => {
        unsafe extern "C" fn $name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
            opt((*prop(o)).$field).unwrap_or_else(none::none).into_ptr()
        }
    };
}
prop_getter!(get_fget, fget);
prop_getter!(get_fset, fset);
prop_getter!(get_fdel, fdel);
prop_getter!(get_doc, doc);

unsafe extern "C" fn set_doc(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    let p = prop(o);
    let nv = if v.is_null() { std::ptr::null_mut() } else { PyObj::from_borrowed(v).into_ptr() };
    let old = std::mem::replace(&mut (*p).doc, nv);
    xdecref(old);
    0
}

/// `property.getter/setter/deleter`: a copy with one accessor replaced.
unsafe fn property_copy(o: &PyObj, which: usize, f: &PyObj) -> PyResult {
    let p = prop(o.as_ptr());
    let mut parts = [opt((*p).fget), opt((*p).fset), opt((*p).fdel)];
    parts[which] = Some(f.clone());
    let doc = if (*p).getter_doc != 0 && which == 0 { none::none() } else { opt((*p).doc).unwrap_or_else(none::none) };
    let args: Vec<PyObj> = parts.into_iter().map(|x| x.unwrap_or_else(none::none)).chain([doc]).collect();
    let t = o.type_obj();
    let newp = crate::abstract_::call(&t, &args, None)?;
    if crate::typeobj::is_subtype(newp.ob_type(), &raw mut PyProperty_Type) {
        let np = prop(newp.as_ptr());
        if !(*p).name.is_null() {
            let old = std::mem::replace(&mut (*np).name, PyObj::from_borrowed((*p).name).into_ptr());
            xdecref(old);
        }
    }
    Ok(newp)
}

crate::onearg!(property_getter_m, |slf, f| { unsafe { property_copy(slf, 0, f.unwrap()) } });
crate::onearg!(property_setter_m, |slf, f| { unsafe { property_copy(slf, 1, f.unwrap()) } });
crate::onearg!(property_deleter_m, |slf, f| { unsafe { property_copy(slf, 2, f.unwrap()) } });

crate::fastcall!(property_set_name, |slf, args| {
    crate::objects::methodobject::check_nargs("__set_name__", args, 2, 2)?;
    unsafe {
        let p = prop(slf.as_ptr());
        let old = std::mem::replace(&mut (*p).name, args[1].clone().into_ptr());
        xdecref(old);
    }
    Ok(none::none())
});

unsafe extern "C" fn property_isabstract(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let p = prop(o);
    for f in [(*p).fget, (*p).fset, (*p).fdel] {
        if let Some(f) = opt(f) {
            match crate::abstract_::getattr_str_opt(&f, "__isabstractmethod__") {
                Ok(Some(v)) => match crate::abstract_::is_true(&v) {
                    Ok(true) => return crate::objects::boolobject::new(true).into_ptr(),
                    Ok(false) => {}
                    Err(e) => {
                        err::restore(e);
                        return std::ptr::null_mut();
                    }
                },
                Ok(None) => {}
                Err(e) => {
                    err::restore(e);
                    return std::ptr::null_mut();
                }
            }
        }
    }
    crate::objects::boolobject::new(false).into_ptr()
}

pub unsafe fn init_types() {
    use crate::objects::descr;
    for (t, get) in [
        (&raw mut PyStaticMethod_Type, sm_get as descrgetfunc),
        (&raw mut PyClassMethod_Type, cm_get as descrgetfunc),
    ] {
        (*t).tp_dealloc = Some(wf_dealloc);
        (*t).tp_traverse = Some(wf_traverse);
        (*t).tp_init = Some(wf_init);
        (*t).tp_new = Some(crate::typeobj::object_new);
        (*t).tp_descr_get = Some(get);
        (*t).tp_repr = Some(wf_repr);
        (*t).tp_dictoffset = std::mem::offset_of!(WrapperFuncObject, dict) as isize;
        (*t).tp_flags |= flags::HAVE_GC | flags::BASETYPE;
        descr::set_getsets(t, &[
            ("__func__", get_func as *const c_void, std::ptr::null()),
            ("__wrapped__", get_func as *const c_void, std::ptr::null()),
            ("__isabstractmethod__", get_isabstract as *const c_void, std::ptr::null()),
            ("__dict__", descr_dict_get as *const c_void, std::ptr::null()),
        ]);
    }
    (*(&raw mut PyStaticMethod_Type)).tp_call = Some(sm_call);
    let t = &raw mut PyProperty_Type;
    (*t).tp_dealloc = Some(property_dealloc);
    (*t).tp_traverse = Some(property_traverse);
    (*t).tp_init = Some(property_init);
    (*t).tp_new = Some(crate::typeobj::object_new);
    (*t).tp_descr_get = Some(property_get);
    (*t).tp_descr_set = Some(property_set);
    (*t).tp_flags |= flags::HAVE_GC | flags::BASETYPE;
    descr::set_getsets(t, &[
        ("fget", get_fget as *const c_void, std::ptr::null()),
        ("fset", get_fset as *const c_void, std::ptr::null()),
        ("fdel", get_fdel as *const c_void, std::ptr::null()),
        ("__doc__", get_doc as *const c_void, set_doc as *const c_void),
        ("__isabstractmethod__", property_isabstract as *const c_void, std::ptr::null()),
    ]);
    descr::set_methods(t, &[
        ("getter", property_getter_m as *const c_void, meth::O, ""),
        ("setter", property_setter_m as *const c_void, meth::O, ""),
        ("deleter", property_deleter_m as *const c_void, meth::O, ""),
        ("__set_name__", property_set_name as *const c_void, meth::FASTCALL, ""),
    ]);
}

unsafe extern "C" fn descr_dict_get(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    match crate::typeobj::instance_dict(PyObj::borrow(&o)) {
        Some(d) => d.into_ptr(),
        None => none::none().into_ptr(),
    }
}
