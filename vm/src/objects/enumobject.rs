//! `enumerate`, `reversed`, `zip`, `map` and `filter`.

use crate::abstract_ as ab;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{boolobject, dict, exceptions, long, none, tuple, unicode};
use crate::objref::{xdecref, PyObj};
use crate::typeobj::type_name;
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct EnumObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub iter: *mut PyObject,
    /// The index as an int once it no longer fits `index` (else null).
    pub longindex: *mut PyObject,
}

#[repr(C)]
pub struct ReversedObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

#[repr(C)]
pub struct ZipObject {
    pub ob_base: PyObject,
    pub tuplesize: isize,
    pub ittuple: *mut PyObject,
    pub strict: c_int,
}

#[repr(C)]
pub struct MapObject {
    pub ob_base: PyObject,
    pub iters: *mut PyObject,
    pub func: *mut PyObject,
}

#[repr(C)]
pub struct FilterObject {
    pub ob_base: PyObject,
    pub func: *mut PyObject,
    pub it: *mut PyObject,
}

#[no_mangle]
pub static mut PyEnum_Type: PyTypeObject =
    PyTypeObject::empty(b"enumerate\0", std::mem::size_of::<EnumObject>(), 0);
#[no_mangle]
pub static mut PyReversed_Type: PyTypeObject =
    PyTypeObject::empty(b"reversed\0", std::mem::size_of::<ReversedObject>(), 0);
#[no_mangle]
pub static mut PyZip_Type: PyTypeObject = PyTypeObject::empty(b"zip\0", std::mem::size_of::<ZipObject>(), 0);
#[no_mangle]
pub static mut PyMap_Type: PyTypeObject = PyTypeObject::empty(b"map\0", std::mem::size_of::<MapObject>(), 0);
#[no_mangle]
pub static mut PyFilter_Type: PyTypeObject =
    PyTypeObject::empty(b"filter\0", std::mem::size_of::<FilterObject>(), 0);

pub fn enumerate_type() -> *mut PyTypeObject { &raw mut PyEnum_Type }
pub fn reversed_type() -> *mut PyTypeObject { &raw mut PyReversed_Type }
pub fn zip_type() -> *mut PyTypeObject { &raw mut PyZip_Type }
pub fn map_type() -> *mut PyTypeObject { &raw mut PyMap_Type }
pub fn filter_type() -> *mut PyTypeObject { &raw mut PyFilter_Type }

pub fn extra_types() -> Vec<*mut PyTypeObject> {
    vec![]
}

// ---------------------------------------------------------------- helpers

unsafe fn alloc(tp: *mut PyTypeObject) -> PyResult<*mut PyObject> {
    let o = crate::typeobj::alloc_instance(tp);
    if o.is_null() {
        if !err::occurred() {
            err::set_memory_error();
        }
        return Err(err::fetch());
    }
    Ok(o)
}

unsafe fn kw_items(kw: *mut PyObject) -> Vec<(PyObj, PyObj)> {
    if kw.is_null() {
        return Vec::new();
    }
    dict::items_vec(PyObj::borrow(&kw))
}

unsafe fn clear_field(p: &mut *mut PyObject) {
    let old = std::mem::replace(p, std::ptr::null_mut());
    xdecref(old);
}

unsafe fn visit_all(ptrs: &[*mut PyObject], visit: visitproc, arg: *mut c_void) -> c_int {
    for &p in ptrs {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

// ---------------------------------------------------------------- enumerate

unsafe extern "C" fn enum_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&args);
    let r = (|| -> PyResult {
        let pos = tuple::items(a);
        let kws = kw_items(kw);
        if pos.len() + kws.len() > 2 {
            return Err(err::type_error(format!(
                "enumerate() takes at most 2 arguments ({} given)",
                pos.len() + kws.len()
            )));
        }
        let mut slots: [Option<PyObj>; 2] = [pos.first().cloned(), pos.get(1).cloned()];
        for (k, v) in kws {
            let name = unicode::to_string_lossy(&k);
            let i = match name.as_str() {
                "iterable" => 0,
                "start" => 1,
                _ => {
                    return Err(err::type_error(format!(
                        "'{}' is an invalid keyword argument for enumerate()",
                        name
                    )))
                }
            };
            if slots[i].is_some() {
                return Err(err::type_error(format!(
                    "'{}' is an invalid keyword argument for enumerate()",
                    name
                )));
            }
            slots[i] = Some(v);
        }
        let Some(iterable) = slots[0].take() else {
            return Err(err::type_error("enumerate() missing required argument 'iterable'"));
        };
        let start = match &slots[1] {
            Some(s) => Some(ab::index(s)?),
            None => None,
        };
        let it = ab::get_iter(&iterable)?;
        let o = alloc(tp)? as *mut EnumObject;
        let obj = PyObj::from_owned(o as *mut PyObject);
        (*o).iter = it.into_ptr();
        match start.as_ref().map(|s| (s, long::as_i64(s))) {
            None => (*o).index = 0,
            Some((_, Some(v))) if v < isize::MAX as i64 => (*o).index = v as isize,
            Some((s, _)) => {
                (*o).index = isize::MAX;
                (*o).longindex = s.clone().into_ptr();
            }
        }
        Ok(obj)
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn enum_next(o: *mut PyObject) -> *mut PyObject {
    let e = o as *mut EnumObject;
    if (*e).iter.is_null() {
        return std::ptr::null_mut();
    }
    let it = PyObj::borrow(&(*e).iter);
    let f = (*it.ob_type()).tp_iternext.unwrap();
    let item = f(it.as_ptr());
    if item.is_null() {
        return std::ptr::null_mut();
    }
    let item = PyObj::from_owned(item);
    let idx = if (*e).index == isize::MAX {
        if (*e).longindex.is_null() {
            (*e).longindex = long::from_i64(isize::MAX as i64).into_ptr();
        }
        let cur = PyObj::borrow(&(*e).longindex).clone();
        let next = long::from_bigint(&(long::to_bigint(&cur) + 1));
        let old = std::mem::replace(&mut (*e).longindex, next.into_ptr());
        xdecref(old);
        cur
    } else {
        let v = (*e).index;
        (*e).index += 1;
        long::from_i64(v as i64)
    };
    tuple::pair(idx, item).into_ptr()
}

unsafe extern "C" fn enum_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let e = o as *mut EnumObject;
    clear_field(&mut (*e).iter);
    clear_field(&mut (*e).longindex);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn enum_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let e = o as *mut EnumObject;
    visit_all(&[(*e).iter, (*e).longindex], visit, arg)
}

// ---------------------------------------------------------------- reversed

/// `reversed(seq)`.
pub fn reversed(seq: &PyObj) -> PyResult {
    unsafe { reversed_of(reversed_type(), seq) }
}

unsafe fn reversed_of(tp: *mut PyTypeObject, seq: &PyObj) -> PyResult {
    if let Some(f) = crate::typeobj::lookup_str(seq.ob_type(), "__reversed__") {
        if none::is_none(&f) {
            return Err(err::type_error(format!("'{}' object is not reversible", type_name(seq.ob_type()))));
        }
        let bound = ab::bind(&f, seq)?;
        return ab::call0(&bound);
    }
    let st = seq.ob_type();
    let sq = (*st).tp_as_sequence;
    if sq.is_null() || (*sq).sq_item.is_none() || dict::is_dict(seq) {
        return Err(err::type_error(format!("'{}' object is not reversible", type_name(st))));
    }
    let n = ab::len(seq)?;
    let o = alloc(tp)? as *mut ReversedObject;
    (*o).index = n as isize - 1;
    (*o).seq = seq.clone().into_ptr();
    Ok(PyObj::from_owned(o as *mut PyObject))
}

unsafe extern "C" fn reversed_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&args);
    let r = (|| -> PyResult {
        if (tp == reversed_type()) && !kw.is_null() && dict::len(PyObj::borrow(&kw)) > 0 {
            return Err(err::type_error("reversed() takes no keyword arguments"));
        }
        let n = tuple::len(a);
        if n != 1 {
            return Err(err::type_error(format!("reversed expected 1 argument, got {}", n)));
        }
        reversed_of(tp, &tuple::items(a)[0])
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn reversed_next(o: *mut PyObject) -> *mut PyObject {
    let ro = o as *mut ReversedObject;
    let index = (*ro).index;
    if index >= 0 && !(*ro).seq.is_null() {
        let seq = PyObj::borrow(&(*ro).seq).clone();
        let sq = (*seq.ob_type()).tp_as_sequence;
        let r = match if sq.is_null() { None } else { (*sq).sq_item } {
            Some(f) => err::from_ptr(f(seq.as_ptr(), index)),
            None => ab::getitem(&seq, &long::from_i64(index as i64)),
        };
        match r {
            Ok(v) => {
                (*ro).index -= 1;
                return v.into_ptr();
            }
            Err(e) if e.matches(exceptions::PyExc_IndexError) || e.matches(exceptions::PyExc_StopIteration) => {}
            Err(e) => {
                err::restore(e);
                return std::ptr::null_mut();
            }
        }
    }
    (*ro).index = -1;
    clear_field(&mut (*ro).seq);
    std::ptr::null_mut()
}

crate::onearg!(reversed_len, |slf, _a| {
    let ro = slf.as_ptr() as *mut ReversedObject;
    if (*ro).seq.is_null() {
        return Ok(long::from_i64(0));
    }
    let position = (*ro).index + 1;
    let n = ab::len(PyObj::borrow(&(*ro).seq))? as isize;
    Ok(long::from_i64(if n < position { 0 } else { position as i64 }))
});

unsafe extern "C" fn reversed_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    clear_field(&mut (*(o as *mut ReversedObject)).seq);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn reversed_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    visit_all(&[(*(o as *mut ReversedObject)).seq], visit, arg)
}

// ---------------------------------------------------------------- zip

unsafe extern "C" fn zip_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&args);
    let r = (|| -> PyResult {
        let mut strict = false;
        let kws = kw_items(kw);
        if kws.len() > 1 {
            return Err(err::type_error(format!(
                "zip() takes at most 1 keyword argument ({} given)",
                kws.len()
            )));
        }
        for (k, v) in kws {
            let name = unicode::to_string_lossy(&k);
            if name != "strict" {
                return Err(err::type_error(format!("'{}' is an invalid keyword argument for zip()", name)));
            }
            strict = ab::is_true(&v)?;
        }
        let mut iters = Vec::with_capacity(tuple::len(a));
        for x in tuple::items(a) {
            iters.push(ab::get_iter(x)?);
        }
        let o = alloc(tp)? as *mut ZipObject;
        (*o).tuplesize = iters.len() as isize;
        (*o).ittuple = tuple::new(iters).into_ptr();
        (*o).strict = strict as c_int;
        Ok(PyObj::from_owned(o as *mut PyObject))
    })();
    err::into_ptr(r)
}

fn plural(i: usize) -> String {
    if i == 1 {
        format!(" {}", i)
    } else {
        format!("s 1-{}", i)
    }
}

unsafe fn zip_next_impl(z: *mut ZipObject) -> PyResult<Option<PyObj>> {
    let n = (*z).tuplesize as usize;
    if n == 0 || (*z).ittuple.is_null() {
        return Ok(None);
    }
    let its = PyObj::borrow(&(*z).ittuple).clone();
    let its = tuple::items(&its);
    let mut out = Vec::with_capacity(n);
    for (i, it) in its.iter().enumerate() {
        match ab::next(it)? {
            Some(v) => out.push(v),
            None => {
                if (*z).strict == 0 {
                    return Ok(None);
                }
                if i > 0 {
                    return Err(err::value_error(format!(
                        "zip() argument {} is shorter than argument{}",
                        i + 1,
                        plural(i)
                    )));
                }
                for (j, other) in its.iter().enumerate().skip(1) {
                    if ab::next(other)?.is_some() {
                        return Err(err::value_error(format!(
                            "zip() argument {} is longer than argument{}",
                            j + 1,
                            plural(j)
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(tuple::new(out)))
}

unsafe extern "C" fn zip_next(o: *mut PyObject) -> *mut PyObject {
    match zip_next_impl(o as *mut ZipObject) {
        Ok(Some(v)) => v.into_ptr(),
        Ok(None) => std::ptr::null_mut(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn zip_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    clear_field(&mut (*(o as *mut ZipObject)).ittuple);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn zip_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    visit_all(&[(*(o as *mut ZipObject)).ittuple], visit, arg)
}

// ---------------------------------------------------------------- map

unsafe extern "C" fn map_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&args);
    let r = (|| -> PyResult {
        if tp == map_type() && !kw.is_null() && dict::len(PyObj::borrow(&kw)) > 0 {
            return Err(err::type_error("map() takes no keyword arguments"));
        }
        let items = tuple::items(a);
        if items.len() < 2 {
            return Err(err::type_error("map() must have at least two arguments."));
        }
        let mut iters = Vec::with_capacity(items.len() - 1);
        for x in &items[1..] {
            iters.push(ab::get_iter(x)?);
        }
        let o = alloc(tp)? as *mut MapObject;
        (*o).iters = tuple::new(iters).into_ptr();
        (*o).func = items[0].clone().into_ptr();
        Ok(PyObj::from_owned(o as *mut PyObject))
    })();
    err::into_ptr(r)
}

unsafe fn map_next_impl(m: *mut MapObject) -> PyResult<Option<PyObj>> {
    if (*m).iters.is_null() {
        return Ok(None);
    }
    let its = PyObj::borrow(&(*m).iters).clone();
    let func = PyObj::borrow(&(*m).func).clone();
    let mut args = Vec::with_capacity(tuple::len(&its));
    for it in tuple::items(&its) {
        match ab::next(it)? {
            Some(v) => args.push(v),
            None => return Ok(None),
        }
    }
    Ok(Some(ab::call(&func, &args, None)?))
}

unsafe extern "C" fn map_next(o: *mut PyObject) -> *mut PyObject {
    match map_next_impl(o as *mut MapObject) {
        Ok(Some(v)) => v.into_ptr(),
        Ok(None) => std::ptr::null_mut(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn map_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let m = o as *mut MapObject;
    clear_field(&mut (*m).iters);
    clear_field(&mut (*m).func);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn map_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let m = o as *mut MapObject;
    visit_all(&[(*m).iters, (*m).func], visit, arg)
}

// ---------------------------------------------------------------- filter

unsafe extern "C" fn filter_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&args);
    let r = (|| -> PyResult {
        if tp == filter_type() && !kw.is_null() && dict::len(PyObj::borrow(&kw)) > 0 {
            return Err(err::type_error("filter() takes no keyword arguments"));
        }
        let items = tuple::items(a);
        if items.len() != 2 {
            return Err(err::type_error(format!("filter expected 2 arguments, got {}", items.len())));
        }
        let it = ab::get_iter(&items[1])?;
        let o = alloc(tp)? as *mut FilterObject;
        (*o).func = items[0].clone().into_ptr();
        (*o).it = it.into_ptr();
        Ok(PyObj::from_owned(o as *mut PyObject))
    })();
    err::into_ptr(r)
}

unsafe fn filter_next_impl(f: *mut FilterObject) -> PyResult<Option<PyObj>> {
    if (*f).it.is_null() {
        return Ok(None);
    }
    let it = PyObj::borrow(&(*f).it).clone();
    let func = PyObj::borrow(&(*f).func).clone();
    let checktrue = none::is_none(&func) || func.is(&crate::typeobj::type_obj(boolobject::bool_type()));
    loop {
        let Some(item) = ab::next(&it)? else { return Ok(None) };
        let ok = if checktrue {
            ab::is_true(&item)?
        } else {
            let r = ab::call1(&func, &item)?;
            ab::is_true(&r)?
        };
        if ok {
            return Ok(Some(item));
        }
    }
}

unsafe extern "C" fn filter_next(o: *mut PyObject) -> *mut PyObject {
    match filter_next_impl(o as *mut FilterObject) {
        Ok(Some(v)) => v.into_ptr(),
        Ok(None) => std::ptr::null_mut(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn filter_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let f = o as *mut FilterObject;
    clear_field(&mut (*f).func);
    clear_field(&mut (*f).it);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn filter_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let f = o as *mut FilterObject;
    visit_all(&[(*f).func, (*f).it], visit, arg)
}

crate::onearg!(class_getitem, |cls, _arg| { Ok(cls.clone()) });

pub unsafe fn init_types() {
    let specs: [(*mut PyTypeObject, newfunc, destructor, traverseproc, iternextfunc); 5] = [
        (enumerate_type(), enum_new, enum_dealloc, enum_traverse, enum_next),
        (reversed_type(), reversed_new, reversed_dealloc, reversed_traverse, reversed_next),
        (zip_type(), zip_new, zip_dealloc, zip_traverse, zip_next),
        (map_type(), map_new, map_dealloc, map_traverse, map_next),
        (filter_type(), filter_new, filter_dealloc, filter_traverse, filter_next),
    ];
    for (t, new, dealloc, traverse, next) in specs {
        (*t).tp_new = Some(new);
        (*t).tp_dealloc = Some(dealloc);
        (*t).tp_traverse = Some(traverse);
        (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
        (*t).tp_iternext = Some(next);
        (*t).tp_flags |= flags::HAVE_GC | flags::BASETYPE;
    }
    crate::objects::descr::set_methods(
        enumerate_type(),
        &[("__class_getitem__", class_getitem as *const c_void, meth::O | meth::CLASS, "")],
    );
    crate::objects::descr::set_methods(
        reversed_type(),
        &[("__length_hint__", reversed_len as *const c_void, meth::NOARGS, "")],
    );
}
