//! `super`: attribute lookup that starts after a given class in the MRO of
//! an object's type. `super()` with no arguments finds the class in the
//! calling function's `__class__` cell and the object in its first argument.

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{tuple, unicode};
use crate::objref::{xdecref, PyObj};
use crate::typeobj::{self, type_name};
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct SuperObject {
    pub ob_base: PyObject,
    pub type_: *mut PyTypeObject,
    pub obj: *mut PyObject,
    pub obj_type: *mut PyTypeObject,
}

#[no_mangle]
pub static mut PySuper_Type: PyTypeObject =
    PyTypeObject::empty(b"super\0", std::mem::size_of::<SuperObject>(), 0);

pub fn super_type() -> *mut PyTypeObject {
    &raw mut PySuper_Type
}

/// The type to search the MRO of, for `super(type, obj)`.
fn supercheck(tp: *mut PyTypeObject, obj: &PyObj) -> PyResult<*mut PyTypeObject> {
    unsafe {
        if typeobj::is_type(obj) && typeobj::is_subtype(typeobj::as_type(obj), tp) {
            return Ok(typeobj::as_type(obj));
        }
        if typeobj::is_subtype(obj.ob_type(), tp) {
            return Ok(obj.ob_type());
        }
        if let Ok(Some(c)) = crate::abstract_::getattr_str_opt(obj, "__class__") {
            if typeobj::is_type(&c) && !c.is_ptr(obj.ob_type() as *mut PyObject) && typeobj::is_subtype(typeobj::as_type(&c), tp) {
                return Ok(typeobj::as_type(&c));
            }
        }
        Err(err::type_error("super(type, obj): obj must be an instance or subtype of type"))
    }
}

pub fn new_super(tp: *mut PyTypeObject, obj: &PyObj) -> PyResult {
    let ot = supercheck(tp, obj)?;
    unsafe {
        let s = crate::alloc::alloc_object(super_type(), 0) as *mut SuperObject;
        crate::objref::incref(tp as *mut PyObject);
        (*s).type_ = tp;
        (*s).obj = obj.clone().into_ptr();
        crate::objref::incref(ot as *mut PyObject);
        (*s).obj_type = ot;
        Ok(PyObj::from_owned(s as *mut PyObject))
    }
}

unsafe extern "C" fn super_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let s = o as *mut SuperObject;
    if crate::objects::methodobject::kwargs_dict(kw).is_some() {
        err::restore(err::type_error("super() takes no keyword arguments"));
        return -1;
    }
    init_with(s, tuple::items(PyObj::borrow(&args)))
}

/// `super.__init__` with its positional arguments.
unsafe fn init_with(s: *mut SuperObject, a: &[PyObj]) -> c_int {
    let r = (|| -> PyResult<(PyObj, Option<PyObj>)> {
        match a.len() {
            0 => {
                let (t, o) = crate::interp::super_args_from_frame()?;
                Ok((t, Some(o)))
            }
            1 | 2 => Ok((a[0].clone(), a.get(1).cloned().filter(|x| !crate::objects::none::is_none(x)))),
            n => Err(err::type_error(format!("super() takes at most 2 arguments ({} given)", n))),
        }
    })();
    let (t, obj) = match r {
        Ok(x) => x,
        Err(e) => {
            err::restore(e);
            return -1;
        }
    };
    if !typeobj::is_type(&t) {
        err::restore(err::type_error(format!(
            "super() argument 1 must be a type, not {}",
            type_name(t.ob_type())
        )));
        return -1;
    }
    let tp = typeobj::as_type(&t);
    let ot = match &obj {
        Some(ob) => match supercheck(tp, ob) {
            Ok(x) => x,
            Err(e) => {
                err::restore(e);
                return -1;
            }
        },
        None => std::ptr::null_mut(),
    };
    crate::objref::incref(tp as *mut PyObject);
    let old = std::mem::replace(&mut (*s).type_, tp);
    xdecref(old as *mut PyObject);
    let old = std::mem::replace(&mut (*s).obj, obj.map(|o| o.into_ptr()).unwrap_or(std::ptr::null_mut()));
    xdecref(old);
    if !ot.is_null() {
        crate::objref::incref(ot as *mut PyObject);
    }
    let old = std::mem::replace(&mut (*s).obj_type, ot);
    xdecref(old as *mut PyObject);
    0
}

/// `name == "__class__"`, by identity first (code object names are interned).
pub fn is_class_name(name: &PyObj) -> bool {
    name.is(&unicode::intern("__class__")) || (!unicode::is_interned(name) && unicode::eq_str(name, "__class__"))
}

/// What `name` is in the MRO of the super object's starting type after its
/// class (borrowed from the owning class dict), or None when the generic
/// lookup on the super object itself applies (`__class__`, no match).
unsafe fn find_in_mro(s: *mut SuperObject, name: &PyObj) -> Option<*mut PyObject> {
    let starttype = (*s).obj_type;
    if starttype.is_null() || is_class_name(name) {
        return None;
    }
    let mro = (*starttype).tp_mro;
    if mro.is_null() {
        return None;
    }
    let items = tuple::items(PyObj::borrow(&mro));
    let i = items.iter().position(|t| t.as_ptr() == (*s).type_ as *mut PyObject)?;
    for t in &items[i + 1..] {
        let d = (*(t.as_ptr() as *mut PyTypeObject)).tp_dict;
        if d.is_null() {
            continue;
        }
        if let Some(res) = crate::objects::dict::get_str(PyObj::borrow(&d), name) {
            return Some(res);
        }
    }
    None
}

unsafe extern "C" fn super_getattro(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let s = o as *mut SuperObject;
    if let Some(res) = find_in_mro(s, PyObj::borrow(&name)) {
        let starttype = (*s).obj_type;
        if let Some(g) = (*(*res).ob_type).tp_descr_get {
            let obj = if (*s).obj == starttype as *mut PyObject { std::ptr::null_mut() } else { (*s).obj };
            // Keep the attribute alive while its __get__ runs.
            let keep = PyObj::from_borrowed(res);
            return g(keep.as_ptr(), obj, starttype as *mut PyObject);
        }
        return PyObj::from_borrowed(res).into_ptr();
    }
    crate::typeobj::generic_getattro_slot(o, name)
}

/// `super_obj.name(...)` as LOAD_METHOD sees it: the plain function found
/// and the instance to call it with, when binding would only make a bound
/// method (CPython 3.12's LOAD_SUPER_ATTR does the same); None otherwise.
pub unsafe fn load_method(o: &PyObj, name: &PyObj) -> Option<(PyObj, PyObj)> {
    let s = o.as_ptr() as *mut SuperObject;
    if (*s).obj.is_null() || (*s).obj == (*s).obj_type as *mut PyObject {
        return None;
    }
    let res = find_in_mro(s, name)?;
    if (*(*res).ob_type).tp_flags & flags::METHOD_DESCRIPTOR == 0 {
        return None;
    }
    Some((PyObj::from_borrowed(res), PyObj::from_borrowed((*s).obj)))
}

/// `super(...)` called directly (CPython's super_vectorcall): no argument
/// tuple, and the zero-argument form reads the calling frame.
unsafe extern "C" fn super_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let tp = callable as *mut PyTypeObject;
    if tp != super_type() || !kwnames.is_null() {
        // Subclasses and keywords take the general path (type.__call__).
        return typeobj::vectorcall_via_type_call(callable, args, nargsf, kwnames);
    }
    let n = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let o = crate::alloc::alloc_object(super_type(), 0);
    if o.is_null() {
        return o;
    }
    let obj = PyObj::from_owned(o);
    if init_with(o as *mut SuperObject, PyObj::slice(args, n)) < 0 {
        return std::ptr::null_mut();
    }
    obj.into_ptr()
}

unsafe extern "C" fn super_descr_get(o: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    let s = o as *mut SuperObject;
    if obj.is_null() || obj == crate::objects::none::none_ptr() || !(*s).obj.is_null() {
        return PyObj::from_borrowed(o).into_ptr();
    }
    err::into_ptr(new_super((*s).type_, PyObj::borrow(&obj)))
}

unsafe extern "C" fn super_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let s = o as *mut SuperObject;
    xdecref((*s).type_ as *mut PyObject);
    xdecref((*s).obj);
    xdecref((*s).obj_type as *mut PyObject);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn super_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let s = o as *mut SuperObject;
    for p in [(*s).type_ as *mut PyObject, (*s).obj, (*s).obj_type as *mut PyObject] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn super_repr(o: *mut PyObject) -> *mut PyObject {
    let s = o as *mut SuperObject;
    let tn = if (*s).type_.is_null() { "NULL".to_string() } else { type_name((*s).type_) };
    let txt = if (*s).obj_type.is_null() {
        format!("<super: <class '{}'>, NULL>", tn)
    } else {
        format!("<super: <class '{}'>, <{} object>>", tn, type_name((*s).obj_type))
    };
    unicode::new(&txt).into_ptr()
}

unsafe extern "C" fn get_thisclass(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let s = o as *mut SuperObject;
    PyObj::from_borrowed((*s).type_ as *mut PyObject).into_ptr()
}
unsafe extern "C" fn get_self(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let s = o as *mut SuperObject;
    if (*s).obj.is_null() { crate::objects::none::none().into_ptr() } else { PyObj::from_borrowed((*s).obj).into_ptr() }
}
unsafe extern "C" fn get_self_class(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let s = o as *mut SuperObject;
    if (*s).obj_type.is_null() { crate::objects::none::none().into_ptr() } else { PyObj::from_borrowed((*s).obj_type as *mut PyObject).into_ptr() }
}

pub unsafe fn init_type() {
    let t = super_type();
    (*t).tp_dealloc = Some(super_dealloc);
    (*t).tp_traverse = Some(super_traverse);
    (*t).tp_init = Some(super_init);
    (*t).tp_new = Some(crate::typeobj::object_new);
    (*t).tp_getattro = Some(super_getattro);
    (*t).tp_vectorcall = Some(super_vectorcall);
    (*t).tp_descr_get = Some(super_descr_get);
    (*t).tp_repr = Some(super_repr);
    (*t).tp_flags |= flags::HAVE_GC | flags::BASETYPE;
    crate::objects::descr::set_getsets(t, &[
        ("__thisclass__", get_thisclass as *const c_void, std::ptr::null()),
        ("__self__", get_self as *const c_void, std::ptr::null()),
        ("__self_class__", get_self_class as *const c_void, std::ptr::null()),
    ]);
}
