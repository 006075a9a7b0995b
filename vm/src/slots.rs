//! Dunder methods <-> type slots (CPython's `slotdefs`).
//!
//! One table names every slot with its dunder method(s). From it:
//! built-in types get `wrapper_descriptor`s in their dicts (`int.__add__`),
//! and classes defining dunders get slot functions that call them
//! (`slot_nb_add` calls `__add__`/`__radd__` with CPython's reflected-operand
//! rules), so the VM only ever calls slots.

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{boolobject, dict, exceptions, long, none, tuple, unicode};
use crate::objref::PyObj;
use crate::typeobj::{self, type_name};
use std::os::raw::{c_int, c_void};

/// Which slot field a dunder maps to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum F {
    Getattro, Setattro, Repr, Str, Hash, Call, Iter, Next, Init, DescrGet, DescrSet, RichCmp,
    Finalize, AmAwait, AmAiter, AmAnext,
    NbAdd, NbSub, NbMul, NbMod, NbDivmod, NbPow, NbNeg, NbPos, NbAbs, NbBool, NbInvert, NbLshift,
    NbRshift, NbAnd, NbXor, NbOr, NbInt, NbFloat, NbIAdd, NbISub, NbIMul, NbIMod, NbIPow,
    NbILshift, NbIRshift, NbIAnd, NbIXor, NbIOr, NbFloorDiv, NbTrueDiv, NbIFloorDiv, NbITrueDiv,
    NbIndex, NbMatMul, NbIMatMul,
    MpLength, MpSubscript, MpAss, SqLength, SqConcat, SqRepeat, SqItem, SqAssItem, SqContains,
    SqIConcat, SqIRepeat,
}

/// How a wrapper calls the slot with Python-level arguments.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum W {
    Unary, Binary, BinaryR, Ternary, TernaryR, Inquiry, Len, Hash, Call, Next, Init, DescrGet,
    DescrSet, DescrDel, SetAttr, DelAttr, GetAttr, SetItem, DelItem, SqItem, SqSetItem, SqDelItem,
    Contains, Repeat, Del, RichCmp(c_int),
}

pub struct SlotDef {
    pub name: &'static str,
    pub field: F,
    pub wrapper: W,
}

macro_rules! sd {
    ($n:literal, $f:ident, $w:expr) => {
        SlotDef { name: $n, field: F::$f, wrapper: $w }
    };
}

use W::*;

pub static SLOTDEFS: &[SlotDef] = &[
    sd!("__getattribute__", Getattro, GetAttr),
    sd!("__getattr__", Getattro, GetAttr),
    sd!("__setattr__", Setattro, SetAttr),
    sd!("__delattr__", Setattro, DelAttr),
    sd!("__repr__", Repr, Unary),
    sd!("__hash__", Hash, W::Hash),
    sd!("__call__", Call, W::Call),
    sd!("__str__", Str, Unary),
    sd!("__lt__", RichCmp, RichCmp(PY_LT)),
    sd!("__le__", RichCmp, RichCmp(PY_LE)),
    sd!("__eq__", RichCmp, RichCmp(PY_EQ)),
    sd!("__ne__", RichCmp, RichCmp(PY_NE)),
    sd!("__gt__", RichCmp, RichCmp(PY_GT)),
    sd!("__ge__", RichCmp, RichCmp(PY_GE)),
    sd!("__iter__", Iter, Unary),
    sd!("__next__", Next, W::Next),
    sd!("__get__", DescrGet, W::DescrGet),
    sd!("__set__", DescrSet, W::DescrSet),
    sd!("__delete__", DescrSet, DescrDel),
    sd!("__init__", Init, W::Init),
    sd!("__del__", Finalize, Del),
    sd!("__await__", AmAwait, Unary),
    sd!("__aiter__", AmAiter, Unary),
    sd!("__anext__", AmAnext, Unary),
    sd!("__add__", NbAdd, Binary),
    sd!("__radd__", NbAdd, BinaryR),
    sd!("__sub__", NbSub, Binary),
    sd!("__rsub__", NbSub, BinaryR),
    sd!("__mul__", NbMul, Binary),
    sd!("__rmul__", NbMul, BinaryR),
    sd!("__mod__", NbMod, Binary),
    sd!("__rmod__", NbMod, BinaryR),
    sd!("__divmod__", NbDivmod, Binary),
    sd!("__rdivmod__", NbDivmod, BinaryR),
    sd!("__pow__", NbPow, Ternary),
    sd!("__rpow__", NbPow, TernaryR),
    sd!("__neg__", NbNeg, Unary),
    sd!("__pos__", NbPos, Unary),
    sd!("__abs__", NbAbs, Unary),
    sd!("__bool__", NbBool, Inquiry),
    sd!("__invert__", NbInvert, Unary),
    sd!("__lshift__", NbLshift, Binary),
    sd!("__rlshift__", NbLshift, BinaryR),
    sd!("__rshift__", NbRshift, Binary),
    sd!("__rrshift__", NbRshift, BinaryR),
    sd!("__and__", NbAnd, Binary),
    sd!("__rand__", NbAnd, BinaryR),
    sd!("__xor__", NbXor, Binary),
    sd!("__rxor__", NbXor, BinaryR),
    sd!("__or__", NbOr, Binary),
    sd!("__ror__", NbOr, BinaryR),
    sd!("__int__", NbInt, Unary),
    sd!("__float__", NbFloat, Unary),
    sd!("__iadd__", NbIAdd, Binary),
    sd!("__isub__", NbISub, Binary),
    sd!("__imul__", NbIMul, Binary),
    sd!("__imod__", NbIMod, Binary),
    sd!("__ipow__", NbIPow, Binary),
    sd!("__ilshift__", NbILshift, Binary),
    sd!("__irshift__", NbIRshift, Binary),
    sd!("__iand__", NbIAnd, Binary),
    sd!("__ixor__", NbIXor, Binary),
    sd!("__ior__", NbIOr, Binary),
    sd!("__floordiv__", NbFloorDiv, Binary),
    sd!("__rfloordiv__", NbFloorDiv, BinaryR),
    sd!("__truediv__", NbTrueDiv, Binary),
    sd!("__rtruediv__", NbTrueDiv, BinaryR),
    sd!("__ifloordiv__", NbIFloorDiv, Binary),
    sd!("__itruediv__", NbITrueDiv, Binary),
    sd!("__index__", NbIndex, Unary),
    sd!("__matmul__", NbMatMul, Binary),
    sd!("__rmatmul__", NbMatMul, BinaryR),
    sd!("__imatmul__", NbIMatMul, Binary),
    sd!("__len__", MpLength, Len),
    sd!("__getitem__", MpSubscript, Binary),
    sd!("__setitem__", MpAss, SetItem),
    sd!("__delitem__", MpAss, DelItem),
    sd!("__len__", SqLength, Len),
    sd!("__add__", SqConcat, Binary),
    sd!("__mul__", SqRepeat, Repeat),
    sd!("__rmul__", SqRepeat, Repeat),
    sd!("__getitem__", SqItem, W::SqItem),
    sd!("__setitem__", SqAssItem, SqSetItem),
    sd!("__delitem__", SqAssItem, SqDelItem),
    sd!("__contains__", SqContains, Contains),
    sd!("__iadd__", SqIConcat, Binary),
    sd!("__imul__", SqIRepeat, Repeat),
];

type P = *mut c_void;

unsafe fn opt<T: Copy>(f: Option<T>) -> P {
    match f {
        Some(f) => std::mem::transmute_copy(&f),
        None => std::ptr::null_mut(),
    }
}

unsafe fn to<T: Copy>(p: P) -> Option<T> {
    if p.is_null() {
        None
    } else {
        Some(std::mem::transmute_copy(&p))
    }
}

macro_rules! field_access {
    ($( $f:ident => $sub:ident . $name:ident ),* ; $( $g:ident => $tname:ident ),*) => {
        /// Reads a slot field as an untyped pointer (null when absent).
        pub unsafe fn get_field(tp: *mut PyTypeObject, f: F) -> P {
            match f {
                $( F::$f => { let s = (*tp).$sub; if s.is_null() { std::ptr::null_mut() } else { opt((*s).$name) } } )*
                $( F::$g => opt((*tp).$tname), )*
            }
        }
        /// Writes a slot field (heap types own their sub-tables).
        pub unsafe fn set_field(tp: *mut PyTypeObject, f: F, p: P) {
            match f {
                $( F::$f => { let s = (*tp).$sub; if !s.is_null() { (*s).$name = to(p); } } )*
                $( F::$g => (*tp).$tname = to(p), )*
            }
        }
    };
}

field_access! {
    AmAwait => tp_as_async.am_await, AmAiter => tp_as_async.am_aiter, AmAnext => tp_as_async.am_anext,
    NbAdd => tp_as_number.nb_add, NbSub => tp_as_number.nb_subtract, NbMul => tp_as_number.nb_multiply,
    NbMod => tp_as_number.nb_remainder, NbDivmod => tp_as_number.nb_divmod, NbPow => tp_as_number.nb_power,
    NbNeg => tp_as_number.nb_negative, NbPos => tp_as_number.nb_positive, NbAbs => tp_as_number.nb_absolute,
    NbBool => tp_as_number.nb_bool, NbInvert => tp_as_number.nb_invert, NbLshift => tp_as_number.nb_lshift,
    NbRshift => tp_as_number.nb_rshift, NbAnd => tp_as_number.nb_and, NbXor => tp_as_number.nb_xor,
    NbOr => tp_as_number.nb_or, NbInt => tp_as_number.nb_int, NbFloat => tp_as_number.nb_float,
    NbIAdd => tp_as_number.nb_inplace_add, NbISub => tp_as_number.nb_inplace_subtract,
    NbIMul => tp_as_number.nb_inplace_multiply, NbIMod => tp_as_number.nb_inplace_remainder,
    NbIPow => tp_as_number.nb_inplace_power, NbILshift => tp_as_number.nb_inplace_lshift,
    NbIRshift => tp_as_number.nb_inplace_rshift, NbIAnd => tp_as_number.nb_inplace_and,
    NbIXor => tp_as_number.nb_inplace_xor, NbIOr => tp_as_number.nb_inplace_or,
    NbFloorDiv => tp_as_number.nb_floor_divide, NbTrueDiv => tp_as_number.nb_true_divide,
    NbIFloorDiv => tp_as_number.nb_inplace_floor_divide, NbITrueDiv => tp_as_number.nb_inplace_true_divide,
    NbIndex => tp_as_number.nb_index, NbMatMul => tp_as_number.nb_matrix_multiply,
    NbIMatMul => tp_as_number.nb_inplace_matrix_multiply,
    MpLength => tp_as_mapping.mp_length, MpSubscript => tp_as_mapping.mp_subscript,
    MpAss => tp_as_mapping.mp_ass_subscript,
    SqLength => tp_as_sequence.sq_length, SqConcat => tp_as_sequence.sq_concat,
    SqRepeat => tp_as_sequence.sq_repeat, SqItem => tp_as_sequence.sq_item,
    SqAssItem => tp_as_sequence.sq_ass_item, SqContains => tp_as_sequence.sq_contains,
    SqIConcat => tp_as_sequence.sq_inplace_concat, SqIRepeat => tp_as_sequence.sq_inplace_repeat;
    Getattro => tp_getattro, Setattro => tp_setattro, Repr => tp_repr, Str => tp_str, Hash => tp_hash,
    Call => tp_call, Iter => tp_iter, Next => tp_iternext, Init => tp_init, DescrGet => tp_descr_get,
    DescrSet => tp_descr_set, RichCmp => tp_richcompare, Finalize => tp_finalize
}

/// `tp_hash` of unhashable types (`__hash__ = None`).
pub unsafe extern "C" fn hash_not_implemented(o: *mut PyObject) -> Py_hash_t {
    err::restore(crate::abstract_::unhashable(PyObj::borrow(&o)));
    -1
}

/// Adds a wrapper descriptor to a built-in type's dict for each slot it
/// defines itself (`add_operators`), plus `__new__`.
/// `from_spec`: a heap type made from a `PyType_Spec`, whose slots are C
/// functions (a class's come from its dunders, which are in its dict).
pub unsafe fn add_operators(tp: *mut PyTypeObject, d: &PyObj, from_spec: bool) -> PyResult<()> {
    if typeobj::is_heap(tp) && !from_spec {
        return Ok(());
    }
    for sd in SLOTDEFS.iter() {
        let p = get_field(tp, sd.field);
        if p.is_null() {
            continue;
        }
        if dict::get_item_rs(d, sd.name).is_some() {
            continue;
        }
        // __getattr__ has no wrapper in CPython: it is only ever a hook that
        // classes define, never a method of built-in types.
        if sd.name == "__getattr__" {
            continue;
        }
        if sd.field == F::Hash && p == hash_not_implemented as P {
            dict::set_item_rs(d, "__hash__", none::none());
            continue;
        }
        // sq_concat etc. duplicate nb entries: the first one wins.
        let w = crate::objects::descr::new_wrapper_descr(tp, sd.name, sd as *const SlotDef as *const c_void, p);
        dict::set_item_rs(d, sd.name, w);
    }
    if (*tp).tp_new.is_some() && dict::get_item_rs(d, "__new__").is_none() {
        let f = crate::objects::methodobject::new_cfunction(tp_new_wrapper_def(), Some(typeobj::type_obj(tp)), None);
        dict::set_item_rs(d, "__new__", f);
    }
    Ok(())
}

static mut TP_NEW_DEF: *mut PyMethodDef = std::ptr::null_mut();

unsafe fn tp_new_wrapper_def() -> *mut PyMethodDef {
    if TP_NEW_DEF.is_null() {
        TP_NEW_DEF = crate::objects::methodobject::method_table(&[(
            "__new__",
            tp_new_wrapper as *const c_void,
            meth::VARARGS | meth::KEYWORDS,
            "__new__($type, *args, **kwargs)\n--\n\nCreate and return a new object.  See help(type) for accurate signature.",
        )]);
    }
    TP_NEW_DEF
}

/// `T.__new__(S, *args, **kw)` for built-in T: checks S and calls T's tp_new.
unsafe extern "C" fn tp_new_wrapper(slf: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    let tp = slf as *mut PyTypeObject;
    let a = PyObj::borrow(&args);
    let items = tuple::items(a);
    let tn = type_name(tp);
    if items.is_empty() {
        err::restore(err::type_error(format!("{}.__new__(): not enough arguments", tn)));
        return std::ptr::null_mut();
    }
    let sub = &items[0];
    if !typeobj::is_type(sub) {
        err::restore(err::type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            tn,
            type_name(sub.ob_type())
        )));
        return std::ptr::null_mut();
    }
    let st = typeobj::as_type(sub);
    if !typeobj::is_subtype(st, tp) {
        err::restore(err::type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            tn,
            type_name(st),
            type_name(st),
            tn
        )));
        return std::ptr::null_mut();
    }
    // The most derived base that's not a heap type must be tp (CPython's
    // "is not safe, use X.__new__()" check).
    let mut staticbase = st;
    while !staticbase.is_null() && typeobj::is_heap(staticbase) {
        staticbase = (*staticbase).tp_base;
    }
    if !staticbase.is_null() && (*staticbase).tp_new != (*tp).tp_new {
        err::restore(err::type_error(format!(
            "{}.__new__({}) is not safe, use {}.__new__()",
            tn,
            type_name(st),
            type_name(staticbase)
        )));
        return std::ptr::null_mut();
    }
    let rest = tuple::from_slice(&items[1..]);
    ((*tp).tp_new.unwrap())(st, rest.as_ptr(), kwds)
}

/// Calls a slot function through a wrapper descriptor.
pub unsafe fn call_wrapper(base: *const c_void, wrapped: *mut c_void, slf: &PyObj, args: &PyObj, kw: Option<&PyObj>, name: &str) -> PyResult {
    let sd = &*(base as *const SlotDef);
    let a = tuple::items(args);
    let s = slf.as_ptr();
    let check = |n: usize| -> PyResult<()> {
        if a.len() != n {
            return Err(err::type_error(format!(
                "expected {} argument{}, got {}",
                n,
                if n == 1 { "" } else { "s" },
                a.len()
            )));
        }
        Ok(())
    };
    if kw.is_some() && !matches!(sd.wrapper, W::Call | W::Init) {
        return Err(err::type_error(format!("wrapper {}() takes no keyword arguments", name)));
    }
    match sd.wrapper {
        Unary => {
            check(0)?;
            let f: unaryfunc = std::mem::transmute(wrapped);
            err::from_ptr(f(s))
        }
        Binary => {
            check(1)?;
            let f: binaryfunc = std::mem::transmute(wrapped);
            err::from_ptr(f(s, a[0].as_ptr()))
        }
        BinaryR => {
            check(1)?;
            let f: binaryfunc = std::mem::transmute(wrapped);
            err::from_ptr(f(a[0].as_ptr(), s))
        }
        Ternary => {
            if a.is_empty() || a.len() > 2 {
                return Err(err::type_error(format!("expected 1 or 2 arguments, got {}", a.len())));
            }
            let f: ternaryfunc = std::mem::transmute(wrapped);
            let z = if a.len() == 2 { a[1].as_ptr() } else { none::none_ptr() };
            err::from_ptr(f(s, a[0].as_ptr(), z))
        }
        TernaryR => {
            if a.is_empty() || a.len() > 2 {
                return Err(err::type_error(format!("expected 1 or 2 arguments, got {}", a.len())));
            }
            let f: ternaryfunc = std::mem::transmute(wrapped);
            let z = if a.len() == 2 { a[1].as_ptr() } else { none::none_ptr() };
            err::from_ptr(f(a[0].as_ptr(), s, z))
        }
        Inquiry => {
            check(0)?;
            let f: inquiry = std::mem::transmute(wrapped);
            let r = f(s);
            if r < 0 {
                return Err(err::fetch());
            }
            Ok(boolobject::new(r != 0))
        }
        Len => {
            check(0)?;
            let f: lenfunc = std::mem::transmute(wrapped);
            let r = f(s);
            if r < 0 && err::occurred() {
                return Err(err::fetch());
            }
            Ok(long::from_i64(r as i64))
        }
        W::Hash => {
            check(0)?;
            let f: hashfunc = std::mem::transmute(wrapped);
            let r = f(s);
            if r == -1 && err::occurred() {
                return Err(err::fetch());
            }
            Ok(long::from_i64(r as i64))
        }
        W::Call => {
            let f: ternaryfunc = std::mem::transmute(wrapped);
            err::from_ptr(f(s, args.as_ptr(), kw.map(|k| k.as_ptr()).unwrap_or(std::ptr::null_mut())))
        }
        W::Init => {
            let f: initproc = std::mem::transmute(wrapped);
            if f(s, args.as_ptr(), kw.map(|k| k.as_ptr()).unwrap_or(std::ptr::null_mut())) < 0 {
                return Err(err::fetch());
            }
            Ok(none::none())
        }
        W::Next => {
            check(0)?;
            let f: iternextfunc = std::mem::transmute(wrapped);
            let r = f(s);
            if r.is_null() {
                return Err(err::take().unwrap_or_else(|| exceptions::stop_iteration(none::none())));
            }
            Ok(PyObj::from_owned(r))
        }
        W::DescrGet => {
            if a.is_empty() || a.len() > 2 {
                return Err(err::type_error(format!("expected 1 or 2 arguments, got {}", a.len())));
            }
            let obj = if none::is_none(&a[0]) { std::ptr::null_mut() } else { a[0].as_ptr() };
            let tp = if a.len() == 2 && !none::is_none(&a[1]) { a[1].as_ptr() } else { std::ptr::null_mut() };
            if obj.is_null() && tp.is_null() {
                return Err(err::type_error("__get__(None, None) is invalid"));
            }
            let f: descrgetfunc = std::mem::transmute(wrapped);
            err::from_ptr(f(s, obj, tp))
        }
        W::DescrSet => {
            check(2)?;
            let f: descrsetfunc = std::mem::transmute(wrapped);
            err::from_int(f(s, a[0].as_ptr(), a[1].as_ptr()))?;
            Ok(none::none())
        }
        DescrDel => {
            check(1)?;
            let f: descrsetfunc = std::mem::transmute(wrapped);
            err::from_int(f(s, a[0].as_ptr(), std::ptr::null_mut()))?;
            Ok(none::none())
        }
        SetAttr => {
            check(2)?;
            hackcheck(slf, wrapped, "__setattr__")?;
            let f: setattrofunc = std::mem::transmute(wrapped);
            err::from_int(f(s, a[0].as_ptr(), a[1].as_ptr()))?;
            Ok(none::none())
        }
        DelAttr => {
            check(1)?;
            hackcheck(slf, wrapped, "__delattr__")?;
            let f: setattrofunc = std::mem::transmute(wrapped);
            err::from_int(f(s, a[0].as_ptr(), std::ptr::null_mut()))?;
            Ok(none::none())
        }
        GetAttr => {
            check(1)?;
            let f: getattrofunc = std::mem::transmute(wrapped);
            err::from_ptr(f(s, a[0].as_ptr()))
        }
        SetItem => {
            check(2)?;
            let f: objobjargproc = std::mem::transmute(wrapped);
            err::from_int(f(s, a[0].as_ptr(), a[1].as_ptr()))?;
            Ok(none::none())
        }
        DelItem => {
            check(1)?;
            let f: objobjargproc = std::mem::transmute(wrapped);
            err::from_int(f(s, a[0].as_ptr(), std::ptr::null_mut()))?;
            Ok(none::none())
        }
        W::SqItem => {
            check(1)?;
            let i = seq_index(slf, &a[0])?;
            let f: ssizeargfunc = std::mem::transmute(wrapped);
            err::from_ptr(f(s, i))
        }
        SqSetItem => {
            check(2)?;
            let i = seq_index(slf, &a[0])?;
            let f: ssizeobjargproc = std::mem::transmute(wrapped);
            err::from_int(f(s, i, a[1].as_ptr()))?;
            Ok(none::none())
        }
        SqDelItem => {
            check(1)?;
            let i = seq_index(slf, &a[0])?;
            let f: ssizeobjargproc = std::mem::transmute(wrapped);
            err::from_int(f(s, i, std::ptr::null_mut()))?;
            Ok(none::none())
        }
        Contains => {
            check(1)?;
            let f: objobjproc = std::mem::transmute(wrapped);
            let r = f(s, a[0].as_ptr());
            if r < 0 {
                return Err(err::fetch());
            }
            Ok(boolobject::new(r != 0))
        }
        Repeat => {
            check(1)?;
            let n = crate::abstract_::index_to_ssize(&a[0], Some(exceptions::PyExc_OverflowError))?;
            let f: ssizeargfunc = std::mem::transmute(wrapped);
            err::from_ptr(f(s, n))
        }
        Del => {
            check(0)?;
            let f: destructor = std::mem::transmute(wrapped);
            f(s);
            if err::occurred() {
                return Err(err::fetch());
            }
            Ok(none::none())
        }
        RichCmp(op) => {
            check(1)?;
            let f: richcmpfunc = std::mem::transmute(wrapped);
            err::from_ptr(f(s, a[0].as_ptr(), op))
        }
    }
}

unsafe fn seq_index(slf: &PyObj, i: &PyObj) -> PyResult<isize> {
    let mut n = crate::abstract_::index_to_ssize(i, Some(exceptions::PyExc_OverflowError))?;
    if n < 0 {
        let sq = (*slf.ob_type()).tp_as_sequence;
        if !sq.is_null() {
            if let Some(lf) = (*sq).sq_length {
                let l = lf(slf.as_ptr());
                if l < 0 {
                    return Err(err::fetch());
                }
                n += l;
            }
        }
    }
    Ok(n)
}

/// Refuses `object.__setattr__(instance_of_builtin, ...)` bypassing the
/// built-in's own setattr (CPython's "Carlo Verre hack" check).
unsafe fn hackcheck(slf: &PyObj, func: P, what: &str) -> PyResult<()> {
    let mut tp = slf.ob_type();
    while !tp.is_null() && typeobj::is_heap(tp) {
        tp = (*tp).tp_base;
    }
    if !tp.is_null() && get_field(tp, F::Setattro) != func && get_field(tp, F::Setattro) != std::ptr::null_mut() {
        if func == typeobj::generic_setattro_slot as P {
            return Err(err::type_error(format!(
                "can't apply this {} to {} object",
                what,
                type_name(tp)
            )));
        }
    }
    Ok(())
}

// ------------------------------------------------------------ heap-type slots

/// Looks up a special method on the type of `o` and calls it bound to `o`.
/// Ok(None) when the type has no such attribute.
fn call_dunder(o: &PyObj, name: &str, args: &[PyObj]) -> PyResult<Option<PyObj>> {
    crate::abstract_::call_special(o, name, args)
}

fn call_dunder_req(o: &PyObj, name: &str, args: &[PyObj]) -> PyResult {
    match call_dunder(o, name, args)? {
        Some(r) => Ok(r),
        None => Err(err::attribute_error(name.to_string())),
    }
}

unsafe extern "C" fn slot_tp_repr(o: *mut PyObject) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    match call_dunder(obj, "__repr__", &[]) {
        Ok(Some(r)) => r.into_ptr(),
        Ok(None) => unicode::new(&crate::abstract_::default_repr(obj)).into_ptr(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn slot_tp_str(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(call_dunder_req(PyObj::borrow(&o), "__str__", &[]))
}

unsafe extern "C" fn slot_tp_hash(o: *mut PyObject) -> Py_hash_t {
    let obj = PyObj::borrow(&o);
    let f = typeobj::lookup_str(obj.ob_type(), "__hash__");
    match f {
        None => return hash_not_implemented(o),
        Some(f) if none::is_none(&f) => return hash_not_implemented(o),
        _ => {}
    }
    let r = match call_dunder_req(obj, "__hash__", &[]) {
        Ok(r) => r,
        Err(e) => {
            err::restore(e);
            return -1;
        }
    };
    if !long::is_int(&r) {
        err::restore(err::type_error("__hash__ method should return an integer"));
        return -1;
    }
    let h = match long::as_i64(&r) {
        Some(v) => crate::hash::hash_i64(v),
        None => crate::objects::long_methods::hash_bigint(&long::to_bigint(&r)),
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

unsafe extern "C" fn slot_tp_call(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    let Some(f) = typeobj::lookup_str(obj.ob_type(), "__call__") else {
        err::restore(err::type_error(format!("'{}' object is not callable", type_name(obj.ob_type()))));
        return std::ptr::null_mut();
    };
    let r = crate::abstract_::bind(&f, obj).and_then(|b| {
        crate::abstract_::call_tuple_dict(&b, PyObj::borrow(&args), crate::objects::methodobject::kwargs_dict(kw).as_ref())
    });
    err::into_ptr(r)
}

unsafe extern "C" fn slot_tp_iter(o: *mut PyObject) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    match typeobj::lookup_str(obj.ob_type(), "__iter__") {
        Some(f) if none::is_none(&f) => {
            err::restore(err::type_error(format!("'{}' object is not iterable", type_name(obj.ob_type()))));
            std::ptr::null_mut()
        }
        Some(_) => err::into_ptr(call_dunder_req(obj, "__iter__", &[])),
        None => {
            // __getitem__-based iteration.
            if typeobj::lookup_str(obj.ob_type(), "__getitem__").is_some() {
                return crate::objects::iterobject::seq_iter_new(obj.clone()).into_ptr();
            }
            err::restore(err::type_error(format!("'{}' object is not iterable", type_name(obj.ob_type()))));
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn slot_tp_iternext(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(call_dunder_req(PyObj::borrow(&o), "__next__", &[]))
}

pub unsafe extern "C" fn slot_tp_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let obj = PyObj::borrow(&o);
    let Some(f) = typeobj::lookup_str(obj.ob_type(), "__init__") else { return 0 };
    let r = crate::abstract_::bind(&f, obj).and_then(|b| {
        crate::abstract_::call_tuple_dict(&b, PyObj::borrow(&args), crate::objects::methodobject::kwargs_dict(kw).as_ref())
    });
    match r {
        Ok(r) if none::is_none(&r) => 0,
        Ok(r) => {
            err::restore(err::type_error(format!(
                "__init__() should return None, not '{}'",
                type_name(r.ob_type())
            )));
            -1
        }
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

/// `tp_new` of classes: calls the `__new__` found on the class.
pub unsafe extern "C" fn slot_tp_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let t = typeobj::type_obj(tp);
    let r = (|| -> PyResult {
        let f = crate::abstract_::getattr_str(&t, "__new__")?;
        let mut v = vec![t.clone()];
        v.extend(tuple::items(PyObj::borrow(&args)).iter().cloned());
        crate::abstract_::call_tuple_dict(&f, &tuple::new(v), crate::objects::methodobject::kwargs_dict(kw).as_ref())
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn slot_tp_getattr_hook(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    let n = PyObj::borrow(&name);
    let tp = obj.ob_type();
    let getattr = typeobj::lookup_str(tp, "__getattr__");
    let getattribute = typeobj::lookup_str(tp, "__getattribute__");
    let r = match &getattribute {
        Some(ga) if !is_object_getattribute(ga) => {
            crate::abstract_::bind(ga, obj).and_then(|b| crate::abstract_::call1(&b, n))
        }
        _ => typeobj::generic_getattr(obj, n),
    };
    match (r, getattr) {
        (Ok(v), _) => v.into_ptr(),
        (Err(e), Some(ga)) if e.matches(exceptions::PyExc_AttributeError) => {
            err::into_ptr(crate::abstract_::bind(&ga, obj).and_then(|b| crate::abstract_::call1(&b, n)))
        }
        (Err(e), _) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

fn is_object_getattribute(f: &PyObj) -> bool {
    match crate::objects::descr::wrapper_descr_parts(f) {
        Some((_, w)) => w == typeobj::generic_getattro_slot as P,
        None => false,
    }
}

unsafe extern "C" fn slot_tp_setattro(o: *mut PyObject, name: *mut PyObject, v: *mut PyObject) -> c_int {
    let obj = PyObj::borrow(&o);
    let n = PyObj::borrow(&name);
    let r = if v.is_null() {
        call_dunder_req(obj, "__delattr__", &[n.clone()])
    } else {
        call_dunder_req(obj, "__setattr__", &[n.clone(), PyObj::borrow(&v).clone()])
    };
    err::int_result(r.map(|_| ()))
}

unsafe extern "C" fn slot_tp_descr_get(d: *mut PyObject, obj: *mut PyObject, tp: *mut PyObject) -> *mut PyObject {
    let descr = PyObj::borrow(&d);
    let o = if obj.is_null() { none::none() } else { PyObj::borrow(&obj).clone() };
    let t = if tp.is_null() { none::none() } else { PyObj::borrow(&tp).clone() };
    err::into_ptr(call_dunder_req(descr, "__get__", &[o, t]))
}

unsafe extern "C" fn slot_tp_descr_set(d: *mut PyObject, obj: *mut PyObject, v: *mut PyObject) -> c_int {
    let descr = PyObj::borrow(&d);
    let o = PyObj::borrow(&obj).clone();
    let r = if v.is_null() {
        call_dunder_req(descr, "__delete__", &[o])
    } else {
        call_dunder_req(descr, "__set__", &[o, PyObj::borrow(&v).clone()])
    };
    err::int_result(r.map(|_| ()))
}

const RICHCMP_NAMES: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

unsafe extern "C" fn slot_tp_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let obj = PyObj::borrow(&a);
    match call_dunder(obj, RICHCMP_NAMES[op as usize], &[PyObj::borrow(&b).clone()]) {
        Ok(Some(r)) => r.into_ptr(),
        Ok(None) => none::not_implemented().into_ptr(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn slot_tp_finalize(o: *mut PyObject) {
    let obj = PyObj::borrow(&o);
    // Keep any pending exception across the call, as CPython does.
    let saved = err::take();
    if let Err(e) = call_dunder_req(obj, "__del__", &[]) {
        let f = typeobj::lookup_str(obj.ob_type(), "__del__");
        crate::interp::write_unraisable(&e, f.as_ref());
    }
    if let Some(s) = saved {
        err::restore(s);
    }
}

macro_rules! slot_unary {
    ($fname:ident, $dunder:literal) => {
        unsafe extern "C" fn $fname(o: *mut PyObject) -> *mut PyObject {
            err::into_ptr(call_dunder_req(PyObj::borrow(&o), $dunder, &[]))
        }
    };
}

slot_unary!(slot_nb_negative, "__neg__");
slot_unary!(slot_nb_positive, "__pos__");
slot_unary!(slot_nb_absolute, "__abs__");
slot_unary!(slot_nb_invert, "__invert__");
slot_unary!(slot_nb_int, "__int__");
slot_unary!(slot_nb_float, "__float__");
slot_unary!(slot_nb_index, "__index__");
slot_unary!(slot_am_await, "__await__");
slot_unary!(slot_am_aiter, "__aiter__");
slot_unary!(slot_am_anext, "__anext__");

/// CPython's SLOT1BINFULL: handles both `__op__` and the reflected `__rop__`.
unsafe fn binary_slot(a: *mut PyObject, b: *mut PyObject, f: F, this: P, name: &str, rname: &str) -> *mut PyObject {
    let (l, r) = (PyObj::borrow(&a), PyObj::borrow(&b));
    let lt = l.ob_type();
    let rt = r.ob_type();
    let mut do_other = lt != rt && get_field(rt, f) == this && typeobj::lookup_str(rt, rname).is_some();
    let res = (|| -> PyResult {
        if get_field(lt, f) == this {
            if do_other && typeobj::is_subtype(rt, lt) && method_is_overloaded(lt, rt, rname) {
                let res = call_dunder(r, rname, &[l.clone()])?.unwrap_or_else(none::not_implemented);
                if !none::is_not_implemented(&res) {
                    return Ok(res);
                }
                do_other = false;
            }
            let res = call_dunder(l, name, &[r.clone()])?.unwrap_or_else(none::not_implemented);
            if !none::is_not_implemented(&res) || lt == rt {
                return Ok(res);
            }
        }
        if do_other {
            return Ok(call_dunder(r, rname, &[l.clone()])?.unwrap_or_else(none::not_implemented));
        }
        Ok(none::not_implemented())
    })();
    err::into_ptr(res)
}

unsafe fn method_is_overloaded(left: *mut PyTypeObject, right: *mut PyTypeObject, name: &str) -> bool {
    let b = typeobj::lookup_str(right, name);
    let a = typeobj::lookup_str(left, name);
    match (a, b) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(a), Some(b)) => !a.is(&b),
    }
}

macro_rules! slot_binary {
    ($fname:ident, $field:ident, $n:literal, $r:literal) => {
        unsafe extern "C" fn $fname(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
            binary_slot(a, b, F::$field, $fname as P, $n, $r)
        }
    };
}

slot_binary!(slot_nb_add, NbAdd, "__add__", "__radd__");
slot_binary!(slot_nb_subtract, NbSub, "__sub__", "__rsub__");
slot_binary!(slot_nb_multiply, NbMul, "__mul__", "__rmul__");
slot_binary!(slot_nb_remainder, NbMod, "__mod__", "__rmod__");
slot_binary!(slot_nb_divmod, NbDivmod, "__divmod__", "__rdivmod__");
slot_binary!(slot_nb_lshift, NbLshift, "__lshift__", "__rlshift__");
slot_binary!(slot_nb_rshift, NbRshift, "__rshift__", "__rrshift__");
slot_binary!(slot_nb_and, NbAnd, "__and__", "__rand__");
slot_binary!(slot_nb_xor, NbXor, "__xor__", "__rxor__");
slot_binary!(slot_nb_or, NbOr, "__or__", "__ror__");
slot_binary!(slot_nb_floor_divide, NbFloorDiv, "__floordiv__", "__rfloordiv__");
slot_binary!(slot_nb_true_divide, NbTrueDiv, "__truediv__", "__rtruediv__");
slot_binary!(slot_nb_matrix_multiply, NbMatMul, "__matmul__", "__rmatmul__");

unsafe extern "C" fn slot_nb_power(a: *mut PyObject, b: *mut PyObject, z: *mut PyObject) -> *mut PyObject {
    if z.is_null() || z == none::none_ptr() {
        return binary_slot(a, b, F::NbPow, slot_nb_power as P, "__pow__", "__rpow__");
    }
    // Three-argument pow only calls __pow__ of the first operand.
    let l = PyObj::borrow(&a);
    if get_field(l.ob_type(), F::NbPow) == slot_nb_power as P {
        return err::into_ptr(
            call_dunder(l, "__pow__", &[PyObj::borrow(&b).clone(), PyObj::borrow(&z).clone()])
                .map(|r| r.unwrap_or_else(none::not_implemented)),
        );
    }
    none::not_implemented().into_ptr()
}

macro_rules! slot_inplace {
    ($fname:ident, $n:literal) => {
        unsafe extern "C" fn $fname(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
            err::into_ptr(
                call_dunder(PyObj::borrow(&a), $n, &[PyObj::borrow(&b).clone()])
                    .map(|r| r.unwrap_or_else(none::not_implemented)),
            )
        }
    };
}

slot_inplace!(slot_nb_inplace_add, "__iadd__");
slot_inplace!(slot_nb_inplace_subtract, "__isub__");
slot_inplace!(slot_nb_inplace_multiply, "__imul__");
slot_inplace!(slot_nb_inplace_remainder, "__imod__");
slot_inplace!(slot_nb_inplace_lshift, "__ilshift__");
slot_inplace!(slot_nb_inplace_rshift, "__irshift__");
slot_inplace!(slot_nb_inplace_and, "__iand__");
slot_inplace!(slot_nb_inplace_xor, "__ixor__");
slot_inplace!(slot_nb_inplace_or, "__ior__");
slot_inplace!(slot_nb_inplace_floor_divide, "__ifloordiv__");
slot_inplace!(slot_nb_inplace_true_divide, "__itruediv__");
slot_inplace!(slot_nb_inplace_matrix_multiply, "__imatmul__");

unsafe extern "C" fn slot_nb_inplace_power(a: *mut PyObject, b: *mut PyObject, _z: *mut PyObject) -> *mut PyObject {
    err::into_ptr(
        call_dunder(PyObj::borrow(&a), "__ipow__", &[PyObj::borrow(&b).clone()])
            .map(|r| r.unwrap_or_else(none::not_implemented)),
    )
}

unsafe extern "C" fn slot_nb_bool(o: *mut PyObject) -> c_int {
    let obj = PyObj::borrow(&o);
    let (name, using_len) = if typeobj::lookup_str(obj.ob_type(), "__bool__").is_some() {
        ("__bool__", false)
    } else if typeobj::lookup_str(obj.ob_type(), "__len__").is_some() {
        ("__len__", true)
    } else {
        return 1;
    };
    match call_dunder_req(obj, name, &[]) {
        Ok(r) => {
            if using_len {
                match len_result(&r) {
                    Ok(n) => (n != 0) as c_int,
                    Err(e) => {
                        err::restore(e);
                        -1
                    }
                }
            } else if r.ob_type() == boolobject::bool_type() {
                boolobject::is_true_obj(&r) as c_int
            } else {
                err::restore(err::type_error(format!(
                    "__bool__ should return bool, returned {}",
                    type_name(r.ob_type())
                )));
                -1
            }
        }
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

fn len_result(r: &PyObj) -> PyResult<isize> {
    if !crate::abstract_::has_index(r) {
        return Err(err::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(r.ob_type())
        )));
    }
    let i = crate::abstract_::index(r)?;
    if long::is_negative(&i) {
        return Err(err::value_error("__len__() should return >= 0"));
    }
    long::as_i64(&i)
        .map(|v| v as isize)
        .ok_or_else(|| err::overflow_error("cannot fit 'int' into an index-sized integer"))
}

unsafe extern "C" fn slot_sq_length(o: *mut PyObject) -> Py_ssize_t {
    match call_dunder_req(PyObj::borrow(&o), "__len__", &[]).and_then(|r| len_result(&r)) {
        Ok(n) => n,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn slot_mp_subscript(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    err::into_ptr(call_dunder_req(PyObj::borrow(&o), "__getitem__", &[PyObj::borrow(&k).clone()]))
}

unsafe extern "C" fn slot_sq_item(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    err::into_ptr(call_dunder_req(PyObj::borrow(&o), "__getitem__", &[long::from_i64(i as i64)]))
}

unsafe extern "C" fn slot_mp_ass_subscript(o: *mut PyObject, k: *mut PyObject, v: *mut PyObject) -> c_int {
    let obj = PyObj::borrow(&o);
    let key = PyObj::borrow(&k).clone();
    let r = if v.is_null() {
        call_dunder_req(obj, "__delitem__", &[key])
    } else {
        call_dunder_req(obj, "__setitem__", &[key, PyObj::borrow(&v).clone()])
    };
    err::int_result(r.map(|_| ()))
}

unsafe extern "C" fn slot_sq_ass_item(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    let obj = PyObj::borrow(&o);
    let key = long::from_i64(i as i64);
    let r = if v.is_null() {
        call_dunder_req(obj, "__delitem__", &[key])
    } else {
        call_dunder_req(obj, "__setitem__", &[key, PyObj::borrow(&v).clone()])
    };
    err::int_result(r.map(|_| ()))
}

unsafe extern "C" fn slot_sq_contains(o: *mut PyObject, v: *mut PyObject) -> c_int {
    let obj = PyObj::borrow(&o);
    let val = PyObj::borrow(&v);
    match typeobj::lookup_str(obj.ob_type(), "__contains__") {
        Some(f) if none::is_none(&f) => {
            err::restore(err::type_error(format!("'{}' object is not a container", type_name(obj.ob_type()))));
            -1
        }
        Some(_) => match call_dunder_req(obj, "__contains__", &[val.clone()]).and_then(|r| crate::abstract_::is_true(&r)) {
            Ok(b) => b as c_int,
            Err(e) => {
                err::restore(e);
                -1
            }
        },
        None => {
            // Iteration fallback.
            let r = (|| -> PyResult<bool> {
                let it = crate::abstract_::get_iter(obj)?;
                while let Some(x) = crate::abstract_::next(&it)? {
                    if crate::abstract_::rich_compare_bool(&x, val, PY_EQ)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            })();
            match r {
                Ok(b) => b as c_int,
                Err(e) => {
                    err::restore(e);
                    -1
                }
            }
        }
    }
}

/// The generic slot function for a field of a class.
fn generic_slot(f: F) -> P {
    let p: P = match f {
        F::Getattro => slot_tp_getattr_hook as P,
        F::Setattro => slot_tp_setattro as P,
        F::Repr => slot_tp_repr as P,
        F::Str => slot_tp_str as P,
        F::Hash => slot_tp_hash as P,
        F::Call => slot_tp_call as P,
        F::Iter => slot_tp_iter as P,
        F::Next => slot_tp_iternext as P,
        F::Init => slot_tp_init as P,
        F::DescrGet => slot_tp_descr_get as P,
        F::DescrSet => slot_tp_descr_set as P,
        F::RichCmp => slot_tp_richcompare as P,
        F::Finalize => slot_tp_finalize as P,
        F::AmAwait => slot_am_await as P,
        F::AmAiter => slot_am_aiter as P,
        F::AmAnext => slot_am_anext as P,
        F::NbAdd => slot_nb_add as P,
        F::NbSub => slot_nb_subtract as P,
        F::NbMul => slot_nb_multiply as P,
        F::NbMod => slot_nb_remainder as P,
        F::NbDivmod => slot_nb_divmod as P,
        F::NbPow => slot_nb_power as P,
        F::NbNeg => slot_nb_negative as P,
        F::NbPos => slot_nb_positive as P,
        F::NbAbs => slot_nb_absolute as P,
        F::NbBool => slot_nb_bool as P,
        F::NbInvert => slot_nb_invert as P,
        F::NbLshift => slot_nb_lshift as P,
        F::NbRshift => slot_nb_rshift as P,
        F::NbAnd => slot_nb_and as P,
        F::NbXor => slot_nb_xor as P,
        F::NbOr => slot_nb_or as P,
        F::NbInt => slot_nb_int as P,
        F::NbFloat => slot_nb_float as P,
        F::NbIAdd => slot_nb_inplace_add as P,
        F::NbISub => slot_nb_inplace_subtract as P,
        F::NbIMul => slot_nb_inplace_multiply as P,
        F::NbIMod => slot_nb_inplace_remainder as P,
        F::NbIPow => slot_nb_inplace_power as P,
        F::NbILshift => slot_nb_inplace_lshift as P,
        F::NbIRshift => slot_nb_inplace_rshift as P,
        F::NbIAnd => slot_nb_inplace_and as P,
        F::NbIXor => slot_nb_inplace_xor as P,
        F::NbIOr => slot_nb_inplace_or as P,
        F::NbFloorDiv => slot_nb_floor_divide as P,
        F::NbTrueDiv => slot_nb_true_divide as P,
        F::NbIFloorDiv => slot_nb_inplace_floor_divide as P,
        F::NbITrueDiv => slot_nb_inplace_true_divide as P,
        F::NbIndex => slot_nb_index as P,
        F::NbMatMul => slot_nb_matrix_multiply as P,
        F::NbIMatMul => slot_nb_inplace_matrix_multiply as P,
        F::MpLength | F::SqLength => slot_sq_length as P,
        F::MpSubscript => slot_mp_subscript as P,
        F::MpAss => slot_mp_ass_subscript as P,
        F::SqItem => slot_sq_item as P,
        F::SqAssItem => slot_sq_ass_item as P,
        F::SqContains => slot_sq_contains as P,
        // Concatenation and repetition of classes go through nb_add/nb_mul.
        F::SqConcat | F::SqRepeat | F::SqIConcat | F::SqIRepeat => std::ptr::null_mut(),
    };
    p
}

/// SLOTDEFS grouped by field, in order of first appearance: class creation
/// visits every field, and scanning all slotdefs per field was ~10% of
/// importing a module tree (benches/import_tree.py).
fn slot_groups() -> &'static [(F, Vec<&'static SlotDef>)] {
    static GROUPS: std::sync::OnceLock<Vec<(F, Vec<&'static SlotDef>)>> = std::sync::OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: Vec<(F, Vec<&'static SlotDef>)> = Vec::new();
        for sd in SLOTDEFS.iter() {
            match groups.iter_mut().find(|(f, _)| *f == sd.field) {
                Some((_, v)) => v.push(sd),
                None => groups.push((sd.field, vec![sd])),
            }
        }
        groups
    })
}

unsafe fn update_one_slot(tp: *mut PyTypeObject, f: F) {
    if let Some((_, defs)) = slot_groups().iter().find(|(g, _)| *g == f) {
        update_slot_group(tp, f, defs);
    }
}

/// Chooses the slot function for field `f` of class `tp` from the dunders
/// visible on it (`defs`, the slotdefs of that field): a built-in's own slot
/// when the dunder is that built-in's wrapper, the generic slot otherwise.
unsafe fn update_slot_group(tp: *mut PyTypeObject, f: F, defs: &[&'static SlotDef]) {
    let mut specific: P = std::ptr::null_mut();
    let mut use_generic = false;
    let mut any = false;
    for &sd in defs {
        let Some(descr) = typeobj::lookup_str(tp, sd.name) else { continue };
        any = true;
        if sd.field == F::Hash && none::is_none(&descr) {
            specific = hash_not_implemented as P;
            continue;
        }
        match crate::objects::descr::wrapper_descr_parts(&descr) {
            Some((base, wrapped)) if base == sd as *const SlotDef as *const c_void => {
                if specific.is_null() || specific == wrapped {
                    specific = wrapped;
                } else {
                    use_generic = true;
                }
            }
            _ => use_generic = true,
        }
        if sd.field == F::Getattro && sd.name == "__getattr__" {
            use_generic = true;
        }
    }
    if !any {
        // No dunder anywhere: keep whatever was inherited unless it was a
        // generic slot from a class that had the dunder.
        let cur = get_field(tp, f);
        if !cur.is_null() && cur == generic_slot(f) {
            set_field(tp, f, std::ptr::null_mut());
        }
        return;
    }
    if f == F::Getattro && !use_generic && specific.is_null() {
        return;
    }
    let chosen = if use_generic || specific.is_null() { generic_slot(f) } else { specific };
    if chosen.is_null() {
        return;
    }
    set_field(tp, f, chosen);
}

/// Sets every slot of a freshly created class from its dunders.
pub unsafe fn fixup_slots(tp: *mut PyTypeObject) {
    for (f, defs) in slot_groups() {
        update_slot_group(tp, *f, defs);
    }
    if (*tp).tp_getattro.is_none() {
        (*tp).tp_getattro = Some(typeobj::generic_getattro_slot);
    }
    if (*tp).tp_setattro.is_none() {
        (*tp).tp_setattro = Some(typeobj::generic_setattro_slot);
    }
    // A class that sets __eq__ without __hash__ is unhashable.
    let d = typeobj::type_dict(tp);
    if dict::get_item_rs(&d, "__eq__").is_some() && dict::get_item_rs(&d, "__hash__").is_none() {
        dict::set_item_rs(&d, "__hash__", none::none());
        (*tp).tp_hash = Some(hash_not_implemented);
    }
    if dict::get_item_rs(&d, "__new__").is_some() {
        (*tp).tp_new = Some(slot_tp_new);
    }
}

/// Re-derives the slots touched by assigning `name` on class `tp`, and on
/// its subclasses.
pub unsafe fn update_slot(tp: *mut PyTypeObject, name: &str) {
    let fields: Vec<F> = SLOTDEFS.iter().filter(|s| s.name == name).map(|s| s.field).collect();
    if fields.is_empty() && name != "__new__" {
        return;
    }
    let mut todo = vec![tp];
    while let Some(t) = todo.pop() {
        if !typeobj::is_heap(t) {
            continue;
        }
        for f in &fields {
            update_one_slot(t, *f);
        }
        if name == "__new__" {
            (*t).tp_new = Some(slot_tp_new);
        }
        for s in typeobj::subclasses(t) {
            todo.push(typeobj::as_type(&s));
        }
    }
}

