//! Pickling support that every object inherits: `object.__reduce_ex__`,
//! `object.__reduce__` and `object.__getstate__` (new in 3.11), with the
//! semantics of CPython's typeobject.c: protocols 0 and 1 go through
//! `copyreg._reduce_ex`, protocols 2+ build a `copyreg.__newobj__` /
//! `__newobj_ex__` reduction from `__getnewargs_ex__`/`__getnewargs__`,
//! the state (`__dict__` plus slot values from `copyreg._slotnames`) and
//! list/dict item iterators.

use crate::abstract_ as ab;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::methodobject::PyCFunctionObject;
use crate::objects::{dict, list, none, tuple};
use crate::objref::PyObj;
use crate::typeobj::{self, type_name};

fn copyreg() -> PyResult {
    crate::import::import_absolute("copyreg")
}

// `__reduce_ex__(protocol)`: a `__reduce__` overridden by the class wins;
// otherwise the common reduction for the protocol.
crate::onearg!(object_reduce_ex, |slf, arg| {
    let Some(arg) = arg else {
        return Err(err::type_error("object.__reduce_ex__() takes exactly one argument (0 given)"));
    };
    let proto = ab::to_i64(arg).map_err(|e| {
        if e.matches(unsafe { crate::objects::exceptions::PyExc_OverflowError }) {
            err::overflow_error("Python int too large to convert to C int")
        } else {
            e
        }
    })?;
    let proto = i32::try_from(proto).map_err(|_| err::overflow_error("Python int too large to convert to C int"))?;
    if let Some(reduce) = ab::getattr_str_opt(slf, "__reduce__")? {
        let cls_reduce = ab::getattr_str(&slf.type_obj(), "__reduce__")?;
        let obj_reduce = typeobj::lookup_str(typeobj::object_type(), "__reduce__");
        if obj_reduce.map(|o| o.as_ptr()) != Some(cls_reduce.as_ptr()) {
            return ab::call0(&reduce);
        }
    }
    common_reduce(slf, proto)
});

crate::onearg!(object_reduce, |slf, _a| { common_reduce(slf, 0) });

crate::onearg!(object_getstate, |slf, _a| { getstate_default(slf, false) });

fn common_reduce(obj: &PyObj, proto: i32) -> PyResult {
    if proto >= 2 {
        return reduce_newobj(obj);
    }
    let f = ab::getattr_str(&copyreg()?, "_reduce_ex")?;
    ab::call(&f, &[obj.clone(), crate::objects::long::from_i64(proto as i64)], None)
}

/// `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`, or
/// `__newobj_ex__` with `(cls, args, kwargs)` when there are keywords.
fn reduce_newobj(obj: &PyObj) -> PyResult {
    let tp = obj.ob_type();
    if unsafe { (*tp).tp_new.is_none() } {
        return Err(err::type_error(format!("cannot pickle '{}' object", crate::typeobj::tp_name(tp))));
    }
    let (args, kwargs) = new_arguments(obj)?;
    let copyreg = copyreg()?;
    let cls = obj.type_obj();
    let has_args = args.is_some();
    let (newobj, newargs) = match (&args, &kwargs) {
        (_, Some(kw)) if dict::len(kw) > 0 => (
            ab::getattr_str(&copyreg, "__newobj_ex__")?,
            tuple::new(vec![cls, args.clone().unwrap_or_else(tuple::empty), kw.clone()]),
        ),
        _ => {
            let mut v = vec![cls];
            if let Some(a) = &args {
                v.extend(tuple::items(a).iter().cloned());
            }
            (ab::getattr_str(&copyreg, "__newobj__")?, tuple::new(v))
        }
    };
    let required = !(has_args || list::is_list(obj) || dict::is_dict(obj));
    let state = getstate(obj, required)?;
    let listitems = if list::is_list(obj) { ab::get_iter(obj)? } else { none::none() };
    let dictitems = if dict::is_dict(obj) {
        ab::get_iter(&ab::call_method(obj, "items", &[])?)?
    } else {
        none::none()
    };
    Ok(tuple::new(vec![newobj, newargs, state, listitems, dictitems]))
}

/// `__getnewargs_ex__()` or `__getnewargs__()` (looked up on the type), checked
/// as CPython checks them; (None, None) when the type has neither.
fn new_arguments(obj: &PyObj) -> PyResult<(Option<PyObj>, Option<PyObj>)> {
    if let Some(r) = ab::call_special(obj, "__getnewargs_ex__", &[])? {
        if !tuple::is_tuple(&r) {
            return Err(err::type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                type_name(r.ob_type())
            )));
        }
        let items = tuple::items(&r);
        if items.len() != 2 {
            return Err(err::value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                items.len()
            )));
        }
        if !tuple::is_tuple(&items[0]) {
            return Err(err::type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                type_name(items[0].ob_type())
            )));
        }
        if !dict::is_dict(&items[1]) {
            return Err(err::type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                type_name(items[1].ob_type())
            )));
        }
        return Ok((Some(items[0].clone()), Some(items[1].clone())));
    }
    if let Some(r) = ab::call_special(obj, "__getnewargs__", &[])? {
        if !tuple::is_tuple(&r) {
            return Err(err::type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                type_name(r.ob_type())
            )));
        }
        return Ok((Some(r), None));
    }
    Ok((None, None))
}

/// The state for `reduce_newobj`: `obj.__getstate__()`, computed here
/// directly when it is `object.__getstate__` bound to `obj`.
fn getstate(obj: &PyObj, required: bool) -> PyResult {
    let f = ab::getattr_str(obj, "__getstate__")?;
    if crate::objects::methodobject::is_cfunction(&f) {
        let cf = f.as_ptr() as *mut PyCFunctionObject;
        unsafe {
            let meth = (*(*cf).m_ml).ml_meth.map(|m| m as usize);
            if (*cf).m_self == obj.as_ptr() && meth == Some(object_getstate as *const () as usize) {
                return getstate_default(obj, required);
            }
        }
    }
    ab::call0(&f)
}

/// `object.__getstate__`: None or the instance dict, paired with a dict of
/// the slot values that are set. When `required` (no constructor arguments
/// rebuild the object), objects with C-level state cannot be pickled.
fn getstate_default(obj: &PyObj, required: bool) -> PyResult {
    let tp = obj.ob_type();
    if required && unsafe { (*tp).tp_itemsize } != 0 {
        return Err(err::type_error(format!("cannot pickle {} objects", type_name(tp))));
    }
    let state = match unsafe { *typeobj::dict_ptr(obj.as_ptr()).as_ref().unwrap_or(&std::ptr::null_mut()) } {
        p if p.is_null() => none::none(),
        p => {
            let d = unsafe { PyObj::from_borrowed(p) };
            if dict::len(&d) == 0 { none::none() } else { d }
        }
    };
    let slotnames = slot_names(tp)?;
    if required {
        let ptr = std::mem::size_of::<*mut PyObject>() as isize;
        let mut basic = unsafe { (*typeobj::object_type()).tp_basicsize };
        unsafe {
            if (*tp).tp_dictoffset != 0 && (*tp).tp_flags & flags::MANAGED_DICT == 0 {
                basic += ptr;
            }
            if (*tp).tp_weaklistoffset != 0 {
                basic += ptr;
            }
        }
        if let Some(names) = &slotnames {
            basic += ptr * list::len(names) as isize;
        }
        if unsafe { (*tp).tp_basicsize } > basic {
            return Err(err::type_error(format!("cannot pickle '{}' object", crate::typeobj::tp_name(tp))));
        }
    }
    let Some(names) = slotnames else { return Ok(state) };
    let n = list::len(&names);
    if n == 0 {
        return Ok(state);
    }
    let slots = dict::new();
    for i in 0..n {
        if i >= list::len(&names) {
            break;
        }
        let name = list::get(&names, i);
        if let Some(v) = ab::getattr_opt(obj, &name)? {
            dict::set_item(&slots, name, v)?;
        }
        // The list lives on the class, so the lookups above may change it.
        if list::len(&names) != n {
            return Err(err::runtime_error("__slotsname__ changed size during iteration"));
        }
    }
    if dict::len(&slots) > 0 {
        return Ok(tuple::new(vec![state, slots]));
    }
    Ok(state)
}

/// `cls.__slotnames__` from the class dict, else `copyreg._slotnames(cls)`
/// (which caches it there); None when the class has no slots list.
fn slot_names(tp: *mut PyTypeObject) -> PyResult<Option<PyObj>> {
    let check = |v: PyObj, msg: &dyn Fn(&PyObj) -> String| -> PyResult<Option<PyObj>> {
        if none::is_none(&v) {
            Ok(None)
        } else if list::is_list(&v) {
            Ok(Some(v))
        } else {
            Err(err::type_error(msg(&v)))
        }
    };
    if let Some(v) = dict::get_item_rs(&typeobj::type_dict(tp), "__slotnames__") {
        return check(v, &|v| {
            format!("{}.__slotnames__ should be a list or None, not {}", type_name(tp), type_name(v.ob_type()))
        });
    }
    let f = ab::getattr_str(&copyreg()?, "_slotnames")?;
    let v = ab::call1(&f, &typeobj::type_obj(tp))?;
    check(v, &|_| "copyreg._slotnames didn't return a list or None".to_string())
}

/// `object`'s entries for its method table.
pub fn methods() -> Vec<(&'static str, *const std::os::raw::c_void, i32, &'static str)> {
    vec![
        ("__reduce_ex__", object_reduce_ex as *const std::os::raw::c_void, meth::O, "Helper for pickle."),
        ("__reduce__", object_reduce as *const std::os::raw::c_void, meth::NOARGS, "Helper for pickle."),
        ("__getstate__", object_getstate as *const std::os::raw::c_void, meth::NOARGS, "Helper for pickle."),
    ]
}
