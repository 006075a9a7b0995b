//! The abstract object protocols (CPython's `abstract.c` and the generic
//! parts of `object.c`): attribute access, calls, operators, comparison,
//! truth, hashing, subscription, iteration, `isinstance`. Everything here
//! dispatches through type slots, so Rust, Python and C types behave alike.

use crate::bytecode;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{boolobject, dict, exceptions, long, none, tuple, unicode};
use crate::objref::PyObj;
use crate::typeobj::{self, type_name};
use std::os::raw::c_int;

// ---------------------------------------------------------------- attributes

#[inline]
pub fn getattr(o: &PyObj, name: &PyObj) -> PyResult {
    unsafe {
        let tp = o.ob_type();
        match (*tp).tp_getattro {
            Some(f) if f as usize == typeobj::generic_getattro_slot as usize => typeobj::generic_getattr(o, name),
            Some(f) => err::from_ptr(f(o.as_ptr(), name.as_ptr())),
            None => match (*tp).tp_getattr {
                Some(f) => {
                    let s = std::ffi::CString::new(unicode::to_string_lossy(name)).unwrap_or_default();
                    err::from_ptr(f(o.as_ptr(), s.as_ptr() as *mut _))
                }
                None => Err(typeobj::attribute_error(o, name)),
            },
        }
    }
}

/// getattr that reports a missing attribute as Ok(None) (no exception
/// object is created on the common generic path).
pub fn getattr_opt(o: &PyObj, name: &PyObj) -> PyResult<Option<PyObj>> {
    unsafe {
        let tp = o.ob_type();
        if (*tp).tp_getattro.map(|f| f as usize) == Some(typeobj::generic_getattro_slot as usize) {
            return typeobj::generic_getattr_opt(o, name);
        }
    }
    match getattr(o, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(unsafe { exceptions::PyExc_AttributeError }) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn getattr_str(o: &PyObj, name: &str) -> PyResult {
    getattr(o, &unicode::intern(name))
}

pub fn getattr_str_opt(o: &PyObj, name: &str) -> PyResult<Option<PyObj>> {
    getattr_opt(o, &unicode::intern(name))
}

pub fn setattr(o: &PyObj, name: &PyObj, v: Option<&PyObj>) -> PyResult<()> {
    unsafe {
        let tp = o.ob_type();
        match (*tp).tp_setattro {
            Some(f) if f as usize == typeobj::generic_setattro_slot as usize => typeobj::generic_setattr(o, name, v),
            Some(f) => {
                let vp = v.map(|v| v.as_ptr()).unwrap_or(std::ptr::null_mut());
                err::from_int(f(o.as_ptr(), name.as_ptr(), vp)).map(|_| ())
            }
            None => {
                let has = typeobj::lookup(tp, name).is_some() || (*tp).tp_getattro.is_some();
                let n = unicode::to_string_lossy(name);
                let tn = type_name(tp);
                Err(err::attribute_error(if v.is_none() {
                    if has {
                        format!("'{tn}' object attribute '{n}' is read-only")
                    } else {
                        format!("'{tn}' object has no attribute '{n}'")
                    }
                } else if has {
                    format!("'{tn}' object attribute '{n}' is read-only")
                } else {
                    format!("'{tn}' object has no attribute '{n}'")
                }))
            }
        }
    }
}

pub fn setattr_str(o: &PyObj, name: &str, v: PyObj) -> PyResult<()> {
    setattr(o, &unicode::intern(name), Some(&v))
}

pub fn hasattr(o: &PyObj, name: &PyObj) -> PyResult<bool> {
    Ok(getattr_opt(o, name)?.is_some())
}

// ---------------------------------------------------------------- calls

/// Builds the (tuple, dict) pair for a vectorcall-style argument list.
pub fn args_to_tuple_dict(args: &[PyObj], kwnames: Option<&PyObj>) -> (PyObj, Option<PyObj>) {
    match kwnames {
        Some(k) if tuple::len(k) > 0 => {
            let nk = tuple::len(k);
            let np = args.len() - nk;
            let t = tuple::from_slice(&args[..np]);
            let d = dict::with_capacity(nk);
            for (name, v) in tuple::items(k).iter().zip(&args[np..]) {
                let _ = dict::set_item(&d, name.clone(), v.clone());
            }
            (t, Some(d))
        }
        _ => (tuple::from_slice(args), None),
    }
}

/// `tp_call` of types that are called through vectorcall (CPython's
/// `PyVectorcall_Call`): gives them a `__call__` slot wrapper.
pub unsafe extern "C" fn vectorcall_call(callable: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let c = PyObj::borrow(&callable);
    if vectorcall_func(c).is_none() {
        err::restore(err::type_error(format!("'{}' object does not support vectorcall", type_name(c.ob_type()))));
        return std::ptr::null_mut();
    }
    let kw = if kw.is_null() { None } else { Some(PyObj::borrow(&kw)) };
    err::into_ptr(call_tuple_dict(c, PyObj::borrow(&args), kw))
}

/// The vectorcall function of `callable`, if its type offers one.
#[inline]
pub unsafe fn vectorcall_func(callable: &PyObj) -> Option<vectorcallfunc> {
    let tp = callable.ob_type();
    if (*tp).tp_flags & flags::HAVE_VECTORCALL == 0 {
        return None;
    }
    let off = (*tp).tp_vectorcall_offset;
    if off <= 0 {
        return None;
    }
    *((callable.as_ptr() as *mut u8).offset(off) as *mut Option<vectorcallfunc>)
}

/// `call` for the C API's call functions: a Python function is recognised
/// inline, so that the commonest call from C goes to `call_function` without
/// passing through the prologue of the general path.
#[inline(always)]
pub fn call_from_c(callable: &PyObj, args: &[PyObj], kwnames: Option<&PyObj>) -> PyResult {
    if callable.ob_type() == crate::objects::function::function_type() {
        return crate::interp::call_function(callable, args, kwnames);
    }
    call(callable, args, kwnames)
}

/// Calls `callable(*args)` where the last `len(kwnames)` args are keyword
/// arguments named by the tuple `kwnames`.
#[inline]
pub fn call(callable: &PyObj, args: &[PyObj], kwnames: Option<&PyObj>) -> PyResult {
    unsafe {
        if callable.ob_type() == crate::objects::function::function_type() {
            // A function's vectorcall is always function_vectorcall, whose
            // results need no checking.
            return crate::interp::call_function(callable, args, kwnames);
        }
        if let Some(vc) = vectorcall_func(callable) {
            let nk = kwnames.map(tuple::len).unwrap_or(0);
            let kp = kwnames.map(|k| k.as_ptr()).unwrap_or(std::ptr::null_mut());
            let r = vc(callable.as_ptr(), args.as_ptr() as *const *mut PyObject, args.len() - nk, kp);
            return check_call_result(callable, r);
        }
        let tp = callable.ob_type();
        if tp == typeobj::type_type() {
            let r = typeobj::type_vectorcall(
                callable.as_ptr(),
                args.as_ptr() as *const *mut PyObject,
                args.len() - kwnames.map(tuple::len).unwrap_or(0),
                kwnames.map(|k| k.as_ptr()).unwrap_or(std::ptr::null_mut()),
            );
            return check_call_result(callable, r);
        }
        match (*tp).tp_call {
            Some(f) => {
                let (t, d) = args_to_tuple_dict(args, kwnames);
                let dp = d.as_ref().map(|d| d.as_ptr()).unwrap_or(std::ptr::null_mut());
                crate::interp::enter_recursive_call(" while calling a Python object")?;
                let r = f(callable.as_ptr(), t.as_ptr(), dp);
                crate::interp::leave_recursive_call();
                check_call_result(callable, r)
            }
            None => Err(err::type_error(format!("'{}' object is not callable", type_name(tp)))),
        }
    }
}

#[inline(always)]
unsafe fn check_call_result(callable: &PyObj, r: *mut PyObject) -> PyResult {
    if r.is_null() {
        return Err(err::take().unwrap_or_else(|| {
            err::system_error(format!(
                "{} returned NULL without setting an exception",
                repr_for_error(callable)
            ))
        }));
    }
    if err::occurred() {
        let e = err::take().unwrap();
        crate::objref::decref(r);
        let _ = e;
        return Err(err::system_error(format!(
            "{} returned a result with an exception set",
            repr_for_error(callable)
        )));
    }
    Ok(PyObj::from_owned(r))
}

fn repr_for_error(o: &PyObj) -> String {
    repr(o).map(|r| unicode::to_string_lossy(&r)).unwrap_or_else(|_| "<object>".into())
}

/// `callable(*args, **kwargs)` with a tuple and an optional dict.
pub fn call_tuple_dict(callable: &PyObj, args: &PyObj, kwargs: Option<&PyObj>) -> PyResult {
    unsafe {
        let tp = callable.ob_type();
        if vectorcall_func(callable).is_some() || (*tp).tp_call.is_none() {
            let mut v: Vec<PyObj> = tuple::items(args).to_vec();
            let names = match kwargs {
                Some(d) if dict::len(d) > 0 => {
                    let mut names = Vec::new();
                    for (k, val) in dict::items_vec(d) {
                        if !unicode::is_str(&k) {
                            return Err(err::type_error("keywords must be strings"));
                        }
                        names.push(k);
                        v.push(val);
                    }
                    Some(tuple::new(names))
                }
                _ => None,
            };
            return call(callable, &v, names.as_ref());
        }
        let f = (*tp).tp_call.unwrap();
        if let Some(d) = kwargs {
            // As CPython's callees validate with PyArg_ValidateKeywordArguments.
            let mut pos = 0;
            while let Some((k, _, _)) = dict::next_entry(d, &mut pos) {
                if !unicode::is_str(PyObj::borrow(&k)) {
                    return Err(err::type_error("keywords must be strings"));
                }
            }
        }
        let dp = kwargs.map(|d| d.as_ptr()).unwrap_or(std::ptr::null_mut());
        crate::interp::enter_recursive_call(" while calling a Python object")?;
        let r = f(callable.as_ptr(), args.as_ptr(), dp);
        crate::interp::leave_recursive_call();
        check_call_result(callable, r)
    }
}

pub fn call0(callable: &PyObj) -> PyResult {
    call(callable, &[], None)
}

pub fn call1(callable: &PyObj, a: &PyObj) -> PyResult {
    call(callable, std::slice::from_ref(a), None)
}

/// `o.name(*args)`.
pub fn call_method(o: &PyObj, name: &str, args: &[PyObj]) -> PyResult {
    let m = getattr_str(o, name)?;
    call(&m, args, None)
}

/// Looks up a special method on the type (not the instance) and calls it
/// bound to `o`; Ok(None) when the type lacks it.
pub fn call_special(o: &PyObj, name: &str, args: &[PyObj]) -> PyResult<Option<PyObj>> {
    let Some(f) = typeobj::lookup_str(o.ob_type(), name) else {
        return Ok(None);
    };
    let bound = bind(&f, o)?;
    call(&bound, args, None).map(Some)
}

/// Applies the descriptor protocol: `f.__get__(o, type(o))` when f has one.
pub fn bind(f: &PyObj, o: &PyObj) -> PyResult {
    unsafe {
        match (*f.ob_type()).tp_descr_get {
            Some(g) => err::from_ptr(g(f.as_ptr(), o.as_ptr(), o.ob_type() as *mut PyObject)),
            None => Ok(f.clone()),
        }
    }
}

// ---------------------------------------------------------------- repr, str, hash, truth

pub fn repr(o: &PyObj) -> PyResult {
    unsafe {
        let tp = o.ob_type();
        let r = match (*tp).tp_repr {
            Some(f) => {
                crate::interp::enter_recursive_call(" while getting the repr of an object")?;
                let r = err::from_ptr(f(o.as_ptr()));
                crate::interp::leave_recursive_call();
                r?
            }
            None => return Ok(unicode::new(&default_repr(o))),
        };
        if !unicode::is_str(&r) {
            return Err(err::type_error(format!(
                "__repr__ returned non-string (type {})",
                type_name(r.ob_type())
            )));
        }
        Ok(r)
    }
}

pub fn default_repr(o: &PyObj) -> String {
    let tp = o.ob_type();
    let m = typeobj::type_module(tp);
    let q = typeobj::type_qualname(tp);
    match m {
        Some(m) if m != "builtins" => format!("<{}.{} object at {:#x}>", m, q, o.as_ptr() as usize),
        _ => format!("<{} object at {:#x}>", q, o.as_ptr() as usize),
    }
}

pub fn str(o: &PyObj) -> PyResult {
    unsafe {
        if unicode::is_exact_str(o) {
            return Ok(o.clone());
        }
        let tp = o.ob_type();
        let r = match (*tp).tp_str {
            Some(f) => {
                crate::interp::enter_recursive_call(" while getting the str of an object")?;
                let r = err::from_ptr(f(o.as_ptr()));
                crate::interp::leave_recursive_call();
                r?
            }
            None => return repr(o),
        };
        if !unicode::is_str(&r) {
            return Err(err::type_error(format!(
                "__str__ returned non-string (type {})",
                type_name(r.ob_type())
            )));
        }
        Ok(r)
    }
}

pub fn repr_string(o: &PyObj) -> PyResult<String> {
    Ok(unicode::to_string_lossy(&repr(o)?))
}

pub fn str_string(o: &PyObj) -> PyResult<String> {
    Ok(unicode::to_string_lossy(&str(o)?))
}

#[inline]
pub fn hash(o: &PyObj) -> PyResult<isize> {
    unsafe {
        let tp = o.ob_type();
        if tp == unicode::str_type() {
            return Ok(unicode::hash(o));
        }
        match (*tp).tp_hash {
            Some(f) => {
                let h = f(o.as_ptr());
                if h == -1 && err::occurred() {
                    return Err(err::fetch());
                }
                Ok(h)
            }
            None => Err(unhashable(o)),
        }
    }
}

pub fn unhashable(o: &PyObj) -> err::PyErr {
    err::type_error(format!("unhashable type: '{}'", typeobj::tp_name(o.ob_type())))
}

#[inline]
pub fn is_true(o: &PyObj) -> PyResult<bool> {
    let p = o.as_ptr();
    if p == boolobject::true_ptr() {
        return Ok(true);
    }
    if p == boolobject::false_ptr() || p == none::none_ptr() {
        return Ok(false);
    }
    unsafe {
        let tp = o.ob_type();
        let nm = (*tp).tp_as_number;
        if !nm.is_null() {
            if let Some(f) = (*nm).nb_bool {
                let r = f(p);
                if r < 0 {
                    return Err(err::fetch());
                }
                return Ok(r != 0);
            }
        }
        let mp = (*tp).tp_as_mapping;
        if !mp.is_null() {
            if let Some(f) = (*mp).mp_length {
                let r = f(p);
                if r < 0 {
                    return Err(err::fetch());
                }
                return Ok(r != 0);
            }
        }
        let sq = (*tp).tp_as_sequence;
        if !sq.is_null() {
            if let Some(f) = (*sq).sq_length {
                let r = f(p);
                if r < 0 {
                    return Err(err::fetch());
                }
                return Ok(r != 0);
            }
        }
        Ok(true)
    }
}

// ---------------------------------------------------------------- comparison

const SWAPPED_OP: [c_int; 6] = [PY_GT, PY_GE, PY_EQ, PY_NE, PY_LT, PY_LE];
pub const OP_SYMBOLS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

pub fn rich_compare(v: &PyObj, w: &PyObj, op: c_int) -> PyResult {
    crate::interp::enter_recursive_call(" in comparison")?;
    let r = rich_compare_inner(v, w, op);
    crate::interp::leave_recursive_call();
    r
}

fn rich_compare_inner(v: &PyObj, w: &PyObj, op: c_int) -> PyResult {
    unsafe {
        let vt = v.ob_type();
        let wt = w.ob_type();
        let mut checked_reverse = false;
        if vt != wt && typeobj::is_subtype(wt, vt) {
            if let Some(f) = (*wt).tp_richcompare {
                checked_reverse = true;
                let r = err::from_ptr(f(w.as_ptr(), v.as_ptr(), SWAPPED_OP[op as usize]))?;
                if !none::is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = (*vt).tp_richcompare {
            let r = err::from_ptr(f(v.as_ptr(), w.as_ptr(), op))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !checked_reverse {
            if let Some(f) = (*wt).tp_richcompare {
                let r = err::from_ptr(f(w.as_ptr(), v.as_ptr(), SWAPPED_OP[op as usize]))?;
                if !none::is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        match op {
            PY_EQ => Ok(boolobject::new(v.is(w))),
            PY_NE => Ok(boolobject::new(!v.is(w))),
            _ => Err(err::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                OP_SYMBOLS[op as usize],
                typeobj::tp_name(vt),
                typeobj::tp_name(wt)
            ))),
        }
    }
}

/// Comparison as a bool; identity implies equality for == and != (as
/// CPython's PyObject_RichCompareBool).
#[inline]
pub fn rich_compare_bool(v: &PyObj, w: &PyObj, op: c_int) -> PyResult<bool> {
    if v.is(w) {
        if op == PY_EQ {
            return Ok(true);
        }
        if op == PY_NE {
            return Ok(false);
        }
    }
    let r = rich_compare(v, w, op)?;
    is_true(&r)
}

pub fn eq(v: &PyObj, w: &PyObj) -> PyResult<bool> {
    rich_compare_bool(v, w, PY_EQ)
}

// ---------------------------------------------------------------- numbers

/// The binary number slot for NB code `op` (binary forms 0..13).
pub unsafe fn nb_binary_slot(nm: *mut PyNumberMethods, op: u32) -> Option<binaryfunc> {
    if nm.is_null() {
        return None;
    }
    use bytecode::*;
    match op {
        NB_ADD => (*nm).nb_add,
        NB_AND => (*nm).nb_and,
        NB_FLOOR_DIVIDE => (*nm).nb_floor_divide,
        NB_LSHIFT => (*nm).nb_lshift,
        NB_MATRIX_MULTIPLY => (*nm).nb_matrix_multiply,
        NB_MULTIPLY => (*nm).nb_multiply,
        NB_REMAINDER => (*nm).nb_remainder,
        NB_OR => (*nm).nb_or,
        NB_RSHIFT => (*nm).nb_rshift,
        NB_SUBTRACT => (*nm).nb_subtract,
        NB_TRUE_DIVIDE => (*nm).nb_true_divide,
        NB_XOR => (*nm).nb_xor,
        _ => None,
    }
}

unsafe fn nb_inplace_slot(nm: *mut PyNumberMethods, op: u32) -> Option<binaryfunc> {
    if nm.is_null() {
        return None;
    }
    use bytecode::*;
    match op {
        NB_ADD => (*nm).nb_inplace_add,
        NB_AND => (*nm).nb_inplace_and,
        NB_FLOOR_DIVIDE => (*nm).nb_inplace_floor_divide,
        NB_LSHIFT => (*nm).nb_inplace_lshift,
        NB_MATRIX_MULTIPLY => (*nm).nb_inplace_matrix_multiply,
        NB_MULTIPLY => (*nm).nb_inplace_multiply,
        NB_REMAINDER => (*nm).nb_inplace_remainder,
        NB_OR => (*nm).nb_inplace_or,
        NB_RSHIFT => (*nm).nb_inplace_rshift,
        NB_SUBTRACT => (*nm).nb_inplace_subtract,
        NB_TRUE_DIVIDE => (*nm).nb_inplace_true_divide,
        NB_XOR => (*nm).nb_inplace_xor,
        _ => None,
    }
}

/// CPython's binary_op1: tries the left operand's slot and the right's,
/// the right first when its type is a subclass of the left's. Returns
/// NotImplemented when neither handles the operands.
unsafe fn binary_op1(v: &PyObj, w: &PyObj, op: u32) -> PyResult {
    let vt = v.ob_type();
    let wt = w.ob_type();
    let slotv = nb_binary_slot((*vt).tp_as_number, op);
    let mut slotw = if wt != vt { nb_binary_slot((*wt).tp_as_number, op) } else { None };
    if slotw.map(|f| f as usize) == slotv.map(|f| f as usize) {
        slotw = None;
    }
    if let Some(sv) = slotv {
        if let Some(sw) = slotw {
            if typeobj::is_subtype(wt, vt) {
                let r = err::from_ptr(sw(v.as_ptr(), w.as_ptr()))?;
                if !none::is_not_implemented(&r) {
                    return Ok(r);
                }
                slotw = None;
            }
        }
        let r = err::from_ptr(sv(v.as_ptr(), w.as_ptr()))?;
        if !none::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(sw) = slotw {
        return err::from_ptr(sw(v.as_ptr(), w.as_ptr()));
    }
    Ok(none::not_implemented())
}

fn binop_type_error(v: &PyObj, w: &PyObj, sym: &str) -> err::PyErr {
    err::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        sym,
        typeobj::tp_name(v.ob_type()),
        typeobj::tp_name(w.ob_type())
    ))
}

/// `v (op) w` for a BINARY_OP argument (in-place codes included).
pub fn binary_op(v: &PyObj, w: &PyObj, op: u32) -> PyResult {
    unsafe {
        // Exact ints and floats (no slot of theirs is in-place) need no protocol.
        let base = if op >= bytecode::NB_INPLACE_OFFSET { op - bytecode::NB_INPLACE_OFFSET } else { op };
        if let Some(r) = crate::interp::eval::binop_fast_ext(base, v, w) {
            return Ok(r);
        }
        if op >= bytecode::NB_INPLACE_OFFSET {
            return inplace_op(v, w, op - bytecode::NB_INPLACE_OFFSET);
        }
        if op == bytecode::NB_POWER {
            return power(v, w, &none::none());
        }
        let r = binary_op1(v, w, op)?;
        if !none::is_not_implemented(&r) {
            return Ok(r);
        }
        // Sequence concatenation and repetition.
        if op == bytecode::NB_ADD {
            let sq = (*v.ob_type()).tp_as_sequence;
            if !sq.is_null() {
                if let Some(f) = (*sq).sq_concat {
                    return err::from_ptr(f(v.as_ptr(), w.as_ptr()));
                }
            }
        } else if op == bytecode::NB_MULTIPLY {
            if let Some(r) = sequence_repeat(v, w, false)? {
                return Ok(r);
            }
            if let Some(r) = sequence_repeat(w, v, false)? {
                return Ok(r);
            }
        }
        Err(binop_type_error(v, w, bytecode::BINARY_OPS[op as usize]))
    }
}

unsafe fn sequence_repeat(seq: &PyObj, n: &PyObj, inplace: bool) -> PyResult<Option<PyObj>> {
    let sq = (*seq.ob_type()).tp_as_sequence;
    if sq.is_null() {
        return Ok(None);
    }
    let f = if inplace { (*sq).sq_inplace_repeat.or((*sq).sq_repeat) } else { (*sq).sq_repeat };
    let Some(f) = f else { return Ok(None) };
    if !has_index(n) {
        return Err(err::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(n.ob_type())
        )));
    }
    let count = index_to_ssize(n, Some(unsafe { exceptions::PyExc_OverflowError }))?;
    err::from_ptr(f(seq.as_ptr(), count)).map(Some)
}

unsafe fn inplace_op(v: &PyObj, w: &PyObj, op: u32) -> PyResult {
    let sym = bytecode::BINARY_OPS[(op + bytecode::NB_INPLACE_OFFSET) as usize];
    if op == bytecode::NB_POWER {
        let nm = (*v.ob_type()).tp_as_number;
        if !nm.is_null() {
            if let Some(f) = (*nm).nb_inplace_power {
                let r = err::from_ptr(f(v.as_ptr(), w.as_ptr(), none::none_ptr()))?;
                if !none::is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        return power(v, w, &none::none()).map_err(|e| {
            if e.matches(exceptions::PyExc_TypeError) {
                let msg = unicode::to_string_lossy(&str(e.value()).unwrap_or_else(|_| unicode::empty()));
                if msg.starts_with("unsupported operand type(s) for ** or pow()") {
                    return binop_type_error(v, w, sym);
                }
            }
            e
        });
    }
    if let Some(f) = nb_inplace_slot((*v.ob_type()).tp_as_number, op) {
        let r = err::from_ptr(f(v.as_ptr(), w.as_ptr()))?;
        if !none::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    let r = binary_op1(v, w, op)?;
    if !none::is_not_implemented(&r) {
        return Ok(r);
    }
    let sq = (*v.ob_type()).tp_as_sequence;
    if op == bytecode::NB_ADD && !sq.is_null() {
        if let Some(f) = (*sq).sq_inplace_concat.or((*sq).sq_concat) {
            return err::from_ptr(f(v.as_ptr(), w.as_ptr()));
        }
    }
    if op == bytecode::NB_MULTIPLY {
        if let Some(r) = sequence_repeat(v, w, true)? {
            return Ok(r);
        }
        if let Some(r) = sequence_repeat(w, v, false)? {
            return Ok(r);
        }
    }
    Err(binop_type_error(v, w, sym))
}

/// `pow(v, w, z)` (z None for the two-argument form).
pub fn power(v: &PyObj, w: &PyObj, z: &PyObj) -> PyResult {
    unsafe {
        let vt = v.ob_type();
        let wt = w.ob_type();
        let slot = |t: *mut PyTypeObject| {
            let nm = (*t).tp_as_number;
            if nm.is_null() {
                None
            } else {
                (*nm).nb_power
            }
        };
        let slotv = slot(vt);
        let mut slotw = if wt != vt { slot(wt) } else { None };
        if slotw.map(|f| f as usize) == slotv.map(|f| f as usize) {
            slotw = None;
        }
        if let Some(sv) = slotv {
            if let Some(sw) = slotw {
                if typeobj::is_subtype(wt, vt) {
                    let r = err::from_ptr(sw(v.as_ptr(), w.as_ptr(), z.as_ptr()))?;
                    if !none::is_not_implemented(&r) {
                        return Ok(r);
                    }
                    slotw = None;
                }
            }
            let r = err::from_ptr(sv(v.as_ptr(), w.as_ptr(), z.as_ptr()))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(sw) = slotw {
            let r = err::from_ptr(sw(v.as_ptr(), w.as_ptr(), z.as_ptr()))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !none::is_none(z) {
            let zt = z.ob_type();
            if let Some(sz) = slot(zt) {
                if Some(sz as usize) != slotv.map(|f| f as usize) && Some(sz as usize) != slotw.map(|f| f as usize) {
                    let r = err::from_ptr(sz(v.as_ptr(), w.as_ptr(), z.as_ptr()))?;
                    if !none::is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            }
            return Err(err::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                typeobj::tp_name(vt),
                typeobj::tp_name(wt),
                typeobj::tp_name(zt)
            )));
        }
        Err(err::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            typeobj::tp_name(vt),
            typeobj::tp_name(wt)
        )))
    }
}

macro_rules! unary {
    ($fname:ident, $slot:ident, $sym:literal) => {
        pub fn $fname(o: &PyObj) -> PyResult {
            unsafe {
                let nm = (*o.ob_type()).tp_as_number;
                if !nm.is_null() {
                    if let Some(f) = (*nm).$slot {
                        return err::from_ptr(f(o.as_ptr()));
                    }
                }
                Err(err::type_error(format!(
                    concat!("bad operand type for ", $sym, ": '{}'"),
                    type_name(o.ob_type())
                )))
            }
        }
    };
}

unary!(negative, nb_negative, "unary -");
unary!(positive, nb_positive, "unary +");
unary!(invert, nb_invert, "unary ~");
unary!(absolute, nb_absolute, "abs()");

pub fn has_index(o: &PyObj) -> bool {
    unsafe {
        if long::is_int(o) {
            return true;
        }
        let nm = (*o.ob_type()).tp_as_number;
        !nm.is_null() && (*nm).nb_index.is_some()
    }
}

/// `operator.index(o)`: an exact int.
pub fn index(o: &PyObj) -> PyResult {
    unsafe {
        if long::is_exact_int(o) {
            return Ok(o.clone());
        }
        if long::is_int(o) {
            return Ok(long::from_bigint(&long::to_bigint(o)));
        }
        let nm = (*o.ob_type()).tp_as_number;
        if !nm.is_null() {
            if let Some(f) = (*nm).nb_index {
                let r = err::from_ptr(f(o.as_ptr()))?;
                if !long::is_int(&r) {
                    return Err(err::type_error(format!(
                        "__index__ returned non-int (type {})",
                        type_name(r.ob_type())
                    )));
                }
                if !long::is_exact_int(&r) {
                    let what = format!("__index__ returned non-int (type {})", type_name(r.ob_type()));
                    crate::warnings::strict_subclass_deprecated(&what, "int")?;
                    return Ok(long::from_bigint(&long::to_bigint(&r)));
                }
                return Ok(r);
            }
        }
        Err(err::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(o.ob_type())
        )))
    }
}

/// `PyNumber_AsSsize_t`: clamps on overflow when `exc` is None, else raises
/// `exc` with CPython's message.
pub fn index_to_ssize(o: &PyObj, exc: Option<*mut PyTypeObject>) -> PyResult<isize> {
    let i = index(o)?;
    match long::as_i64(&i) {
        Some(v) => Ok(v as isize),
        None => match exc {
            None => Ok(if long::is_negative(&i) { isize::MIN } else { isize::MAX }),
            Some(e) => Err(err::new(
                e,
                &format!("cannot fit '{}' into an index-sized integer", type_name(o.ob_type())),
            )),
        },
    }
}

// ---------------------------------------------------------------- containers

pub fn len(o: &PyObj) -> PyResult<usize> {
    unsafe {
        let tp = o.ob_type();
        // Exact tuples and lists: the size field, without the slot call.
        if tp == tuple::tuple_type() || tp == crate::objects::list::list_type() {
            return Ok((*(o.as_ptr() as *mut PyVarObject)).ob_size as usize);
        }
        let sq = (*tp).tp_as_sequence;
        if !sq.is_null() {
            if let Some(f) = (*sq).sq_length {
                let r = f(o.as_ptr());
                if r < 0 {
                    return Err(err::fetch());
                }
                return Ok(r as usize);
            }
        }
        let mp = (*tp).tp_as_mapping;
        if !mp.is_null() {
            if let Some(f) = (*mp).mp_length {
                let r = f(o.as_ptr());
                if r < 0 {
                    return Err(err::fetch());
                }
                return Ok(r as usize);
            }
        }
        Err(err::type_error(format!("object of type '{}' has no len()", type_name(tp))))
    }
}

pub fn getitem(o: &PyObj, key: &PyObj) -> PyResult {
    unsafe {
        let tp = o.ob_type();
        let mp = (*tp).tp_as_mapping;
        if !mp.is_null() {
            if let Some(f) = (*mp).mp_subscript {
                return err::from_ptr(f(o.as_ptr(), key.as_ptr()));
            }
        }
        let sq = (*tp).tp_as_sequence;
        if !sq.is_null() {
            if let Some(f) = (*sq).sq_item {
                if has_index(key) {
                    let mut i = index_to_ssize(key, Some(exceptions::PyExc_IndexError))?;
                    if i < 0 {
                        if let Some(lf) = (*sq).sq_length {
                            let l = lf(o.as_ptr());
                            if l < 0 {
                                return Err(err::fetch());
                            }
                            i += l;
                        }
                    }
                    return err::from_ptr(f(o.as_ptr(), i));
                }
                return Err(err::type_error(format!(
                    "sequence index must be integer, not '{}'",
                    type_name(key.ob_type())
                )));
            }
        }
        if typeobj::is_type(o) {
            // `type[X]` is special-cased (type has no __class_getitem__ of its own,
            // so that metaclass instances do not inherit one).
            if o.as_ptr() == (&raw mut typeobj::PyType_Type).cast() {
                return crate::objects::unionobject::generic_alias(o, key);
            }
            if let Some(cg) = crate::abstract_::getattr_str_opt(o, "__class_getitem__")? {
                return call1(&cg, key);
            }
            return Err(err::type_error(format!(
                "type '{}' is not subscriptable",
                type_name(typeobj::as_type(o))
            )));
        }
        Err(err::type_error(format!("'{}' object is not subscriptable", type_name(tp))))
    }
}

pub fn setitem(o: &PyObj, key: &PyObj, v: Option<&PyObj>) -> PyResult<()> {
    unsafe {
        let tp = o.ob_type();
        let vp = v.map(|v| v.as_ptr()).unwrap_or(std::ptr::null_mut());
        let mp = (*tp).tp_as_mapping;
        if !mp.is_null() {
            if let Some(f) = (*mp).mp_ass_subscript {
                return err::from_int(f(o.as_ptr(), key.as_ptr(), vp)).map(|_| ());
            }
        }
        let sq = (*tp).tp_as_sequence;
        if !sq.is_null() {
            if let Some(f) = (*sq).sq_ass_item {
                if has_index(key) {
                    let mut i = index_to_ssize(key, Some(exceptions::PyExc_IndexError))?;
                    if i < 0 {
                        if let Some(lf) = (*sq).sq_length {
                            i += lf(o.as_ptr());
                        }
                    }
                    return err::from_int(f(o.as_ptr(), i, vp)).map(|_| ());
                }
                return Err(err::type_error(format!(
                    "sequence index must be integer, not '{}'",
                    type_name(key.ob_type())
                )));
            }
        }
        Err(err::type_error(if v.is_some() {
            format!("'{}' object does not support item assignment", type_name(tp))
        } else {
            format!("'{}' object doesn't support item deletion", type_name(tp))
        }))
    }
}

/// `item in container`.
pub fn contains(container: &PyObj, item: &PyObj) -> PyResult<bool> {
    unsafe {
        let tp = container.ob_type();
        let sq = (*tp).tp_as_sequence;
        if !sq.is_null() {
            if let Some(f) = (*sq).sq_contains {
                let r = f(container.as_ptr(), item.as_ptr());
                if r < 0 {
                    return Err(err::fetch());
                }
                return Ok(r != 0);
            }
        }
        // Fall back to iteration.
        let it = get_iter(container).map_err(|e| {
            if e.matches(exceptions::PyExc_TypeError) {
                err::type_error(format!("argument of type '{}' is not iterable", type_name(tp)))
            } else {
                e
            }
        })?;
        while let Some(x) = next(&it)? {
            if rich_compare_bool(&x, item, PY_EQ)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

// ---------------------------------------------------------------- iteration

pub fn get_iter(o: &PyObj) -> PyResult {
    unsafe {
        let tp = o.ob_type();
        if let Some(f) = (*tp).tp_iter {
            let it = err::from_ptr(f(o.as_ptr()))?;
            if (*it.ob_type()).tp_iternext.is_none() {
                return Err(err::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    type_name(it.ob_type())
                )));
            }
            return Ok(it);
        }
        let sq = (*tp).tp_as_sequence;
        if !sq.is_null() && (*sq).sq_item.is_some() && !dict::is_dict(o) {
            return Ok(crate::objects::iterobject::seq_iter_new(o.clone()));
        }
        Err(err::type_error(format!("'{}' object is not iterable", type_name(tp))))
    }
}

/// Advances an iterator: Ok(None) when exhausted (StopIteration swallowed).
#[inline]
pub fn next(it: &PyObj) -> PyResult<Option<PyObj>> {
    unsafe {
        let tp = it.ob_type();
        let Some(f) = (*tp).tp_iternext else {
            return Err(err::type_error(format!(
                "'{}' object is not an iterator",
                type_name(tp)
            )));
        };
        let r = f(it.as_ptr());
        if !r.is_null() {
            return Ok(Some(PyObj::from_owned(r)));
        }
        match err::take() {
            None => Ok(None),
            Some(e) if e.matches(exceptions::PyExc_StopIteration) => Ok(None),
            Some(e) => Err(e),
        }
    }
}

/// Collects an iterable into a Vec.
pub fn iterate(o: &PyObj) -> PyResult<Vec<PyObj>> {
    if tuple::is_exact_tuple(o) {
        return Ok(tuple::items(o).to_vec());
    }
    if crate::objects::list::is_exact_list(o) {
        return Ok(crate::objects::list::to_vec(o));
    }
    let it = get_iter(o)?;
    let mut v = Vec::new();
    while let Some(x) = next(&it)? {
        v.push(x);
    }
    Ok(v)
}

// ---------------------------------------------------------------- isinstance

fn abstract_bases(cls: &PyObj) -> PyResult<Option<PyObj>> {
    match getattr_str_opt(cls, "__bases__")? {
        Some(b) if tuple::is_tuple(&b) => Ok(Some(b)),
        _ => Ok(None),
    }
}

fn abstract_issubclass(derived: &PyObj, cls: &PyObj) -> PyResult<bool> {
    let mut d = derived.clone();
    loop {
        if d.is(cls) {
            return Ok(true);
        }
        let Some(bases) = abstract_bases(&d)? else { return Ok(false) };
        let items = tuple::items(&bases).to_vec();
        match items.len() {
            0 => return Ok(false),
            1 => d = items[0].clone(),
            _ => {
                for b in items {
                    if abstract_issubclass(&b, cls)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
    }
}

fn recursive_isinstance(inst: &PyObj, cls: &PyObj) -> PyResult<bool> {
    unsafe {
        if typeobj::is_type(cls) {
            if typeobj::is_subtype(inst.ob_type(), typeobj::as_type(cls)) {
                return Ok(true);
            }
            if let Some(c) = getattr_str_opt(inst, "__class__")? {
                if !c.is_ptr(inst.ob_type() as *mut PyObject) && typeobj::is_type(&c) {
                    return Ok(typeobj::is_subtype(typeobj::as_type(&c), typeobj::as_type(cls)));
                }
            }
            return Ok(false);
        }
        if abstract_bases(cls)?.is_none() {
            return Err(err::type_error(
                "isinstance() arg 2 must be a type, a tuple of types, or a union",
            ));
        }
        match getattr_str_opt(inst, "__class__")? {
            Some(c) => abstract_issubclass(&c, cls),
            None => Ok(false),
        }
    }
}

/// `isinstance(inst, cls)` with tuples and `__instancecheck__`.
pub fn isinstance(inst: &PyObj, cls: &PyObj) -> PyResult<bool> {
    unsafe {
        if inst.ob_type() as *mut PyObject == cls.as_ptr() {
            return Ok(true);
        }
        if typeobj::is_type(cls) && cls.ob_type() == typeobj::type_type() {
            return recursive_isinstance(inst, cls);
        }
        if tuple::is_tuple(cls) {
            for c in tuple::items(cls).to_vec() {
                if isinstance(inst, &c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(checker) = typeobj::lookup_str(cls.ob_type(), "__instancecheck__") {
            let bound = bind(&checker, cls)?;
            crate::interp::enter_recursive_call(" in __instancecheck__")?;
            let r = call1(&bound, inst);
            crate::interp::leave_recursive_call();
            return is_true(&r?);
        }
        recursive_isinstance(inst, cls)
    }
}

fn recursive_issubclass(derived: &PyObj, cls: &PyObj) -> PyResult<bool> {
    unsafe {
        if typeobj::is_type(cls) && typeobj::is_type(derived) {
            return Ok(typeobj::is_subtype(typeobj::as_type(derived), typeobj::as_type(cls)));
        }
        if abstract_bases(derived)?.is_none() {
            return Err(err::type_error("issubclass() arg 1 must be a class"));
        }
        if abstract_bases(cls)?.is_none() {
            return Err(err::type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            ));
        }
        abstract_issubclass(derived, cls)
    }
}

pub fn issubclass(derived: &PyObj, cls: &PyObj) -> PyResult<bool> {
    unsafe {
        if typeobj::is_type(cls) && cls.ob_type() == typeobj::type_type() && typeobj::is_type(derived) {
            return Ok(typeobj::is_subtype(typeobj::as_type(derived), typeobj::as_type(cls)));
        }
        if tuple::is_tuple(cls) {
            for c in tuple::items(cls).to_vec() {
                if issubclass(derived, &c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(checker) = typeobj::lookup_str(cls.ob_type(), "__subclasscheck__") {
            let bound = bind(&checker, cls)?;
            crate::interp::enter_recursive_call(" in __subclasscheck__")?;
            let r = call1(&bound, derived);
            crate::interp::leave_recursive_call();
            return is_true(&r?);
        }
        recursive_issubclass(derived, cls)
    }
}

// ---------------------------------------------------------------- format

/// `format(o, spec)`.
pub fn format(o: &PyObj, spec: &PyObj) -> PyResult {
    if unicode::is_exact_str(o) && unicode::len(spec) == 0 {
        return Ok(o.clone());
    }
    if long::is_exact_int(o) && unicode::len(spec) == 0 {
        return str(o);
    }
    let Some(meth) = typeobj::lookup_str(o.ob_type(), "__format__") else {
        return Err(err::type_error(format!(
            "Type {} doesn't define __format__",
            type_name(o.ob_type())
        )));
    };
    let r = call(&bind(&meth, o)?, std::slice::from_ref(spec), None)?;
    if !unicode::is_str(&r) {
        return Err(err::type_error(format!(
            "__format__ must return a str, not {}",
            type_name(r.ob_type())
        )));
    }
    Ok(r)
}

/// Checks that `o` is an int and returns it as i64 (for Rust-side argument
/// parsing), with CPython's messages.
pub fn to_i64(o: &PyObj) -> PyResult<i64> {
    let i = index(o)?;
    long::as_i64(&i).ok_or_else(|| err::overflow_error("Python int too large to convert to C long"))
}

/// `divmod(a, b)`.
pub fn divmod(a: &PyObj, b: &PyObj) -> PyResult {
    unsafe {
        let slot = |t: *mut PyTypeObject| {
            let nm = (*t).tp_as_number;
            if nm.is_null() { None } else { (*nm).nb_divmod }
        };
        let (at, bt) = (a.ob_type(), b.ob_type());
        let sa = slot(at);
        let mut sb = if at != bt { slot(bt) } else { None };
        if sb.map(|f| f as usize) == sa.map(|f| f as usize) {
            sb = None;
        }
        if let Some(fa) = sa {
            if let Some(fb) = sb {
                if typeobj::is_subtype(bt, at) {
                    let r = err::from_ptr(fb(a.as_ptr(), b.as_ptr()))?;
                    if !none::is_not_implemented(&r) {
                        return Ok(r);
                    }
                    sb = None;
                }
            }
            let r = err::from_ptr(fa(a.as_ptr(), b.as_ptr()))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(fb) = sb {
            let r = err::from_ptr(fb(a.as_ptr(), b.as_ptr()))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        Err(binop_type_error(a, b, "divmod()"))
    }
}

/// Whether `o` supports `o[key]` (the class-namespace check of __build_class__).
pub fn has_mapping_protocol(o: &PyObj) -> bool {
    unsafe {
        let mp = (*o.ob_type()).tp_as_mapping;
        !mp.is_null() && (*mp).mp_subscript.is_some()
    }
}

/// Whether `o` looks like a mapping for `**o` (has `keys`).
pub fn has_mapping_keys(o: &PyObj) -> bool {
    dict::is_dict(o) || matches!(getattr_str_opt(o, "keys"), Ok(Some(_)))
}

thread_local! {
    /// Containers being repr'd on this thread (recursion guard).
    static REPR_STACK: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `Py_ReprEnter`: true when `o` is already being repr'd on this thread
/// (the caller then prints its "[...]" form and must not call `repr_leave`).
pub fn repr_enter(o: &PyObj) -> bool {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        let p = o.as_ptr() as usize;
        if s.contains(&p) {
            true
        } else {
            s.push(p);
            false
        }
    })
}

/// `Py_ReprLeave`.
pub fn repr_leave(o: &PyObj) {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        let p = o.as_ptr() as usize;
        if let Some(i) = s.iter().rposition(|&x| x == p) {
            s.remove(i);
        }
    })
}
