//! `_operator`: the C half of Lib/operator.py — the operator functions
//! (arithmetic, in-place, comparison, sequence helpers, `length_hint`,
//! `_compare_digest`, `call`) and the `itemgetter`, `attrgetter` and
//! `methodcaller` types with CPython's reprs, errors and `__reduce__`.

use crate::native::{self, native_type, NState, TypeOpts};
use std::os::raw::c_void;
use vm::abstract_ as ab;
use vm::bytecode::*;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::methodobject::{check_nargs, no_kwargs};
use vm::objects::{boolobject, dict, exceptions, long, module, none, tuple, unicode};
use vm::objref::PyObj;
use vm::typeobj::type_name;

// ---------------------------------------------------------------- functions

macro_rules! binop {
    ($name:ident, $pyname:literal, $op:expr) => {
        vm::fastcall!($name, |m, args| {
            check_nargs($pyname, args, 2, 2)?;
            ab::binary_op(&args[0], &args[1], $op)
        });
    };
}

binop!(op_add, "add", NB_ADD);
binop!(op_sub, "sub", NB_SUBTRACT);
binop!(op_mul, "mul", NB_MULTIPLY);
binop!(op_matmul, "matmul", NB_MATRIX_MULTIPLY);
binop!(op_floordiv, "floordiv", NB_FLOOR_DIVIDE);
binop!(op_truediv, "truediv", NB_TRUE_DIVIDE);
binop!(op_mod, "mod", NB_REMAINDER);
binop!(op_lshift, "lshift", NB_LSHIFT);
binop!(op_rshift, "rshift", NB_RSHIFT);
binop!(op_and, "and_", NB_AND);
binop!(op_xor, "xor", NB_XOR);
binop!(op_or, "or_", NB_OR);
binop!(op_pow, "pow", NB_POWER);
binop!(op_iadd, "iadd", NB_INPLACE_OFFSET + NB_ADD);
binop!(op_isub, "isub", NB_INPLACE_OFFSET + NB_SUBTRACT);
binop!(op_imul, "imul", NB_INPLACE_OFFSET + NB_MULTIPLY);
binop!(op_imatmul, "imatmul", NB_INPLACE_OFFSET + NB_MATRIX_MULTIPLY);
binop!(op_ifloordiv, "ifloordiv", NB_INPLACE_OFFSET + NB_FLOOR_DIVIDE);
binop!(op_itruediv, "itruediv", NB_INPLACE_OFFSET + NB_TRUE_DIVIDE);
binop!(op_imod, "imod", NB_INPLACE_OFFSET + NB_REMAINDER);
binop!(op_ilshift, "ilshift", NB_INPLACE_OFFSET + NB_LSHIFT);
binop!(op_irshift, "irshift", NB_INPLACE_OFFSET + NB_RSHIFT);
binop!(op_iand, "iand", NB_INPLACE_OFFSET + NB_AND);
binop!(op_ixor, "ixor", NB_INPLACE_OFFSET + NB_XOR);
binop!(op_ior, "ior", NB_INPLACE_OFFSET + NB_OR);
binop!(op_ipow, "ipow", NB_INPLACE_OFFSET + NB_POWER);

macro_rules! cmpop {
    ($name:ident, $pyname:literal, $op:expr) => {
        vm::fastcall!($name, |m, args| {
            check_nargs($pyname, args, 2, 2)?;
            ab::rich_compare(&args[0], &args[1], $op)
        });
    };
}

cmpop!(op_lt, "lt", PY_LT);
cmpop!(op_le, "le", PY_LE);
cmpop!(op_eq, "eq", PY_EQ);
cmpop!(op_ne, "ne", PY_NE);
cmpop!(op_gt, "gt", PY_GT);
cmpop!(op_ge, "ge", PY_GE);

vm::onearg!(op_neg, |m, a| { ab::negative(a.unwrap()) });
vm::onearg!(op_pos, |m, a| { ab::positive(a.unwrap()) });
vm::onearg!(op_abs, |m, a| { ab::absolute(a.unwrap()) });
vm::onearg!(op_invert, |m, a| { ab::invert(a.unwrap()) });
vm::onearg!(op_index, |m, a| { ab::index(a.unwrap()) });
vm::onearg!(op_truth, |m, a| { Ok(boolobject::new(ab::is_true(a.unwrap())?)) });
vm::onearg!(op_not, |m, a| { Ok(boolobject::new(!ab::is_true(a.unwrap())?)) });

vm::fastcall!(op_is, |m, args| {
    check_nargs("is_", args, 2, 2)?;
    Ok(boolobject::new(args[0].is(&args[1])))
});
vm::fastcall!(op_is_not, |m, args| {
    check_nargs("is_not", args, 2, 2)?;
    Ok(boolobject::new(!args[0].is(&args[1])))
});

/// `PySequence_Check`: has `sq_item` and is not a dict.
fn is_sequence(o: &PyObj) -> bool {
    unsafe {
        if dict::is_dict(o) {
            return false;
        }
        let sq = (*o.ob_type()).tp_as_sequence;
        !sq.is_null() && (*sq).sq_item.is_some()
    }
}

fn concat(a: &PyObj, b: &PyObj, inplace: bool) -> PyResult {
    unsafe {
        let sq = (*a.ob_type()).tp_as_sequence;
        if !sq.is_null() {
            if inplace {
                if let Some(f) = (*sq).sq_inplace_concat {
                    return err::from_ptr(f(a.as_ptr(), b.as_ptr()));
                }
            }
            if let Some(f) = (*sq).sq_concat {
                return err::from_ptr(f(a.as_ptr(), b.as_ptr()));
            }
        }
        if is_sequence(a) && is_sequence(b) {
            let op = if inplace { NB_INPLACE_OFFSET + NB_ADD } else { NB_ADD };
            return ab::binary_op(a, b, op);
        }
        Err(err::type_error(format!("'{}' object can't be concatenated", type_name(a.ob_type()))))
    }
}

vm::fastcall!(op_concat, |m, args| {
    check_nargs("concat", args, 2, 2)?;
    concat(&args[0], &args[1], false)
});
vm::fastcall!(op_iconcat, |m, args| {
    check_nargs("iconcat", args, 2, 2)?;
    concat(&args[0], &args[1], true)
});
vm::fastcall!(op_contains, |m, args| {
    check_nargs("contains", args, 2, 2)?;
    Ok(boolobject::new(ab::contains(&args[0], &args[1])?))
});

/// `_PySequence_IterSearch`: the count of items equal to `x`, or the index of the first.
fn iter_search(seq: &PyObj, x: &PyObj, count: bool) -> PyResult<usize> {
    let it = ab::get_iter(seq).map_err(|e| {
        if e.matches(unsafe { exceptions::PyExc_TypeError }) {
            err::type_error(format!("argument of type '{}' is not iterable", type_name(seq.ob_type())))
        } else {
            e
        }
    })?;
    let mut n = 0usize;
    while let Some(item) = ab::next(&it)? {
        if ab::rich_compare_bool(&item, x, PY_EQ)? {
            if !count {
                return Ok(n);
            }
            n += 1;
        } else if !count {
            n += 1;
        }
    }
    if count {
        Ok(n)
    } else {
        Err(err::value_error("sequence.index(x): x not in sequence"))
    }
}

vm::fastcall!(op_countof, |m, args| {
    check_nargs("countOf", args, 2, 2)?;
    Ok(long::from_usize(iter_search(&args[0], &args[1], true)?))
});
vm::fastcall!(op_indexof, |m, args| {
    check_nargs("indexOf", args, 2, 2)?;
    Ok(long::from_usize(iter_search(&args[0], &args[1], false)?))
});
vm::fastcall!(op_getitem, |m, args| {
    check_nargs("getitem", args, 2, 2)?;
    ab::getitem(&args[0], &args[1])
});
vm::fastcall!(op_setitem, |m, args| {
    check_nargs("setitem", args, 3, 3)?;
    ab::setitem(&args[0], &args[1], Some(&args[2]))?;
    Ok(none::none())
});
vm::fastcall!(op_delitem, |m, args| {
    check_nargs("delitem", args, 2, 2)?;
    ab::setitem(&args[0], &args[1], None)?;
    Ok(none::none())
});

/// The clinic `Py_ssize_t` converter.
fn ssize(o: &PyObj) -> PyResult<isize> {
    let i = ab::index(o)?;
    long::as_i64(&i)
        .map(|v| v as isize)
        .ok_or_else(|| err::overflow_error("Python int too large to convert to C ssize_t"))
}

fn has_len(o: &PyObj) -> bool {
    unsafe {
        let tp = o.ob_type();
        let sq = (*tp).tp_as_sequence;
        let mp = (*tp).tp_as_mapping;
        (!sq.is_null() && (*sq).sq_length.is_some()) || (!mp.is_null() && (*mp).mp_length.is_some())
    }
}

vm::fastcall!(op_length_hint, |m, args| {
    check_nargs("length_hint", args, 1, 2)?;
    let default = match args.get(1) {
        Some(d) => ssize(d)?,
        None => 0,
    };
    let o = &args[0];
    if has_len(o) {
        match ab::len(o) {
            Ok(n) => return Ok(long::from_usize(n)),
            Err(e) if e.matches(unsafe { exceptions::PyExc_TypeError }) => {}
            Err(e) => return Err(e),
        }
    }
    let r = match ab::call_special(o, "__length_hint__", &[]) {
        Ok(Some(r)) => r,
        Ok(None) => return Ok(long::from_i64(default as i64)),
        Err(e) if e.matches(unsafe { exceptions::PyExc_TypeError }) => return Ok(long::from_i64(default as i64)),
        Err(e) => return Err(e),
    };
    if none::is_not_implemented(&r) {
        return Ok(long::from_i64(default as i64));
    }
    if !long::is_int(&r) {
        return Err(err::type_error(format!("__length_hint__ must be an integer, not {}", type_name(r.ob_type()))));
    }
    let n = ssize(&r)?;
    if n < 0 {
        return Err(err::value_error("__length_hint__() should return >= 0"));
    }
    Ok(long::from_i64(n as i64))
});

/// Timing-independent comparison: every byte is looked at whatever differs.
fn tscmp(a: &[u8], b: &[u8]) -> bool {
    let mut acc: u8 = (a.len() != b.len()) as u8;
    let other = if a.len() == b.len() { b } else { a };
    for (x, y) in a.iter().zip(other.iter()) {
        acc |= x ^ y;
    }
    acc == 0
}

vm::fastcall!(op_compare_digest, |m, args| {
    check_nargs("_compare_digest", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if unicode::is_str(a) && unicode::is_str(b) {
        if !unicode::is_ascii(a) || !unicode::is_ascii(b) {
            return Err(err::type_error("comparing strings with non-ASCII characters is not supported"));
        }
        let (x, y) = (unicode::to_string_lossy(a), unicode::to_string_lossy(b));
        return Ok(boolobject::new(tscmp(x.as_bytes(), y.as_bytes())));
    }
    let bytes_like = |o: &PyObj| !unicode::is_str(o) && vm::objects::bytearray::bytes_like_data(o).is_ok();
    if !bytes_like(a) || !bytes_like(b) {
        return Err(err::type_error(format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            type_name(a.ob_type()),
            type_name(b.ob_type())
        )));
    }
    let (x, y) = (vm::objects::bytearray::bytes_like_data(a)?, vm::objects::bytearray::bytes_like_data(b)?);
    Ok(boolobject::new(tscmp(&x, &y)))
});

vm::fastcall_kw!(op_call, |m, args, kw| {
    let nk = kw.map(tuple::len).unwrap_or(0);
    if args.len() - nk < 1 {
        return Err(err::type_error("call() missing required argument 'obj' (pos 1)"));
    }
    ab::call(&args[0], &args[1..], kw)
});

// ---------------------------------------------------------------- itemgetter, attrgetter, methodcaller

native_type!(ITEMGETTER_TYPE, "operator.itemgetter");
native_type!(ATTRGETTER_TYPE, "operator.attrgetter");
native_type!(METHODCALLER_TYPE, "operator.methodcaller");

pub struct ItemGetter {
    items: Vec<PyObj>,
}
impl NState for ItemGetter {
    fn tp() -> *mut PyTypeObject {
        &raw mut ITEMGETTER_TYPE
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        out.extend(self.items.iter().map(|o| o.as_ptr()));
    }
}

pub struct AttrGetter {
    /// Each attribute as its dotted parts (interned names).
    attrs: Vec<Vec<PyObj>>,
}
impl NState for AttrGetter {
    fn tp() -> *mut PyTypeObject {
        &raw mut ATTRGETTER_TYPE
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        out.extend(self.attrs.iter().flatten().map(|o| o.as_ptr()));
    }
}

pub struct MethodCaller {
    name: PyObj,
    args: Vec<PyObj>,
    kwargs: PyObj,
}
impl NState for MethodCaller {
    fn tp() -> *mut PyTypeObject {
        &raw mut METHODCALLER_TYPE
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        out.push(self.name.as_ptr());
        out.extend(self.args.iter().map(|o| o.as_ptr()));
        out.push(self.kwargs.as_ptr());
    }
}

unsafe fn tuple_dict(args: *mut PyObject, kw: *mut PyObject) -> (Vec<PyObj>, Option<PyObj>) {
    let a = if args.is_null() { Vec::new() } else { tuple::items(PyObj::borrow(&args)).to_vec() };
    let k = if kw.is_null() || dict::len(PyObj::borrow(&kw)) == 0 { None } else { Some(PyObj::borrow(&kw).clone()) };
    (a, k)
}

fn no_kw(fname: &str, k: &Option<PyObj>) -> PyResult<()> {
    if k.is_some() {
        Err(err::type_error(format!("{}() takes no keyword arguments", fname)))
    } else {
        Ok(())
    }
}

fn one_arg(fname: &str, a: &[PyObj]) -> PyResult<PyObj> {
    check_nargs(fname, a, 1, 1)?;
    Ok(a[0].clone())
}

unsafe extern "C" fn itemgetter_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    native::ret((|| {
        let (a, k) = tuple_dict(args, kw);
        no_kw("itemgetter", &k)?;
        if a.is_empty() {
            return Err(err::type_error("itemgetter expected 1 argument, got 0"));
        }
        native::new_obj(tp, ItemGetter { items: a })
    })())
}

fn state_of<S: NState>(o: &PyObj) -> PyResult<&mut S> {
    native::state::<S>(o).ok_or_else(|| err::system_error("operator object is not initialized"))
}

fn itemgetter_apply(slf: &PyObj, obj: &PyObj) -> PyResult {
    let items = state_of::<ItemGetter>(slf)?.items.clone();
    if items.len() == 1 {
        return ab::getitem(obj, &items[0]);
    }
    let mut out = Vec::with_capacity(items.len());
    for i in &items {
        out.push(ab::getitem(obj, i)?);
    }
    Ok(tuple::new(out))
}

unsafe extern "C" fn itemgetter_call(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret((|| {
        let (a, k) = tuple_dict(args, kw);
        no_kw("itemgetter", &k)?;
        itemgetter_apply(slf, &one_arg("itemgetter", &a)?)
    })())
}

unsafe extern "C" fn itemgetter_vectorcall(o: *mut PyObject, a: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret((|| {
        let kwn = if kwnames.is_null() { None } else { Some(PyObj::borrow(&kwnames)) };
        no_kwargs("itemgetter", kwn)?;
        let args = PyObj::slice(a, nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET);
        itemgetter_apply(slf, &one_arg("itemgetter", args)?)
    })())
}

/// `name(arg, ...)` for the reprs (with the "(...)" form on recursion).
fn repr_call(slf: &PyObj, parts: impl FnOnce() -> PyResult<Vec<String>>) -> PyResult {
    let name = native::tp_name(slf.ob_type());
    if ab::repr_enter(slf) {
        return Ok(unicode::new(&format!("{}(...)", name)));
    }
    let r = parts();
    ab::repr_leave(slf);
    Ok(unicode::new(&format!("{}({})", name, r?.join(", "))))
}

unsafe extern "C" fn itemgetter_repr(o: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret(repr_call(slf, || {
        let items = state_of::<ItemGetter>(slf)?.items.clone();
        items.iter().map(ab::repr_string).collect()
    }))
}

vm::onearg!(itemgetter_reduce, |slf, _a| {
    let items = state_of::<ItemGetter>(slf)?.items.clone();
    Ok(tuple::pair(slf.type_obj(), tuple::new(items)))
});

unsafe extern "C" fn attrgetter_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    native::ret((|| {
        let (a, k) = tuple_dict(args, kw);
        no_kw("attrgetter", &k)?;
        if a.is_empty() {
            return Err(err::type_error("attrgetter expected 1 argument, got 0"));
        }
        let mut attrs = Vec::with_capacity(a.len());
        for name in &a {
            if !unicode::is_str(name) {
                return Err(err::type_error("attribute name must be a string"));
            }
            let s = unicode::to_string_lossy(name);
            attrs.push(s.split('.').map(unicode::intern).collect());
        }
        native::new_obj(tp, AttrGetter { attrs })
    })())
}

fn attrgetter_apply(slf: &PyObj, obj: &PyObj) -> PyResult {
    let attrs = state_of::<AttrGetter>(slf)?.attrs.clone();
    let get = |parts: &Vec<PyObj>| -> PyResult {
        let mut o = obj.clone();
        for p in parts {
            o = ab::getattr(&o, p)?;
        }
        Ok(o)
    };
    if attrs.len() == 1 {
        return get(&attrs[0]);
    }
    let mut out = Vec::with_capacity(attrs.len());
    for a in &attrs {
        out.push(get(a)?);
    }
    Ok(tuple::new(out))
}

unsafe extern "C" fn attrgetter_call(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret((|| {
        let (a, k) = tuple_dict(args, kw);
        no_kw("attrgetter", &k)?;
        attrgetter_apply(slf, &one_arg("attrgetter", &a)?)
    })())
}

unsafe extern "C" fn attrgetter_vectorcall(o: *mut PyObject, a: *const *mut PyObject, nargsf: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret((|| {
        let kwn = if kwnames.is_null() { None } else { Some(PyObj::borrow(&kwnames)) };
        no_kwargs("attrgetter", kwn)?;
        let args = PyObj::slice(a, nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET);
        attrgetter_apply(slf, &one_arg("attrgetter", args)?)
    })())
}

fn attr_names(slf: &PyObj) -> PyResult<Vec<PyObj>> {
    let attrs = state_of::<AttrGetter>(slf)?.attrs.clone();
    Ok(attrs
        .iter()
        .map(|parts| {
            let v: Vec<String> = parts.iter().map(unicode::to_string_lossy).collect();
            unicode::new(&v.join("."))
        })
        .collect())
}

unsafe extern "C" fn attrgetter_repr(o: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret(repr_call(slf, || attr_names(slf)?.iter().map(ab::repr_string).collect()))
}

vm::onearg!(attrgetter_reduce, |slf, _a| { Ok(tuple::pair(slf.type_obj(), tuple::new(attr_names(slf)?))) });

unsafe extern "C" fn methodcaller_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    native::ret((|| {
        let (a, k) = tuple_dict(args, kw);
        if a.is_empty() {
            return Err(err::type_error("methodcaller needs at least one argument, the method name"));
        }
        if !unicode::is_str(&a[0]) {
            return Err(err::type_error("method name must be a string"));
        }
        let name = unicode::intern_obj(&a[0]);
        let kwargs = match &k {
            Some(d) => dict::copy(d),
            None => dict::new(),
        };
        native::new_obj(tp, MethodCaller { name, args: a[1..].to_vec(), kwargs })
    })())
}

fn methodcaller_apply(slf: &PyObj, obj: &PyObj) -> PyResult {
    let s = state_of::<MethodCaller>(slf)?;
    let (name, args, kwargs) = (s.name.clone(), tuple::from_slice(&s.args), s.kwargs.clone());
    let meth = ab::getattr(obj, &name)?;
    let kw = if dict::len(&kwargs) == 0 { None } else { Some(kwargs) };
    ab::call_tuple_dict(&meth, &args, kw.as_ref())
}

unsafe extern "C" fn methodcaller_call(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret((|| {
        let (a, k) = tuple_dict(args, kw);
        no_kw("methodcaller", &k)?;
        methodcaller_apply(slf, &one_arg("methodcaller", &a)?)
    })())
}

unsafe extern "C" fn methodcaller_repr(o: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret(repr_call(slf, || {
        let s = state_of::<MethodCaller>(slf)?;
        let (name, args, kwargs) = (s.name.clone(), s.args.clone(), s.kwargs.clone());
        let mut v = vec![ab::repr_string(&name)?];
        for a in &args {
            v.push(ab::repr_string(a)?);
        }
        for (k, val) in dict::items_vec(&kwargs) {
            v.push(format!("{}={}", unicode::to_string_lossy(&k), ab::repr_string(&val)?));
        }
        Ok(v)
    }))
}

vm::onearg!(methodcaller_reduce, |slf, _a| {
    let s = state_of::<MethodCaller>(slf)?;
    let (name, args, kwargs) = (s.name.clone(), s.args.clone(), s.kwargs.clone());
    if dict::len(&kwargs) == 0 {
        let mut v = vec![name];
        v.extend(args);
        return Ok(tuple::pair(slf.type_obj(), tuple::new(v)));
    }
    // Keywords cannot go through the constructor's positional arguments:
    // CPython reduces to functools.partial(methodcaller, name, **kwargs).
    let partial = ab::getattr_str(&vm::import::import_absolute("_functools")?, "partial")?;
    let (pos, _) = ab::args_to_tuple_dict(&[slf.type_obj(), name], None);
    let p = ab::call_tuple_dict(&partial, &pos, Some(&kwargs))?;
    Ok(tuple::pair(p, tuple::new(args)))
});

// ---------------------------------------------------------------- module

unsafe fn init_types() -> PyResult<()> {
    use vm::objects::descr::set_methods;
    let opts = || TypeOpts { basetype: false, gc: true, dict: false, weakref: false, vectorcall: true };
    native::init_type::<ItemGetter>(opts());
    native::init_type::<AttrGetter>(opts());
    native::init_type::<MethodCaller>(TypeOpts { vectorcall: false, ..opts() });
    let (ig, ag, mc) = (ItemGetter::tp(), AttrGetter::tp(), MethodCaller::tp());
    (*ig).tp_new = Some(itemgetter_new);
    (*ig).tp_call = Some(itemgetter_call);
    (*ig).tp_repr = Some(itemgetter_repr);
    (*ig).tp_doc = b"itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given item(s) from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])\0".as_ptr() as *const _;
    set_methods(ig, &[("__reduce__", itemgetter_reduce as *const c_void, meth::NOARGS, "Return state information for pickling")]);
    (*ag).tp_new = Some(attrgetter_new);
    (*ag).tp_call = Some(attrgetter_call);
    (*ag).tp_repr = Some(attrgetter_repr);
    (*ag).tp_doc = b"attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last).\0".as_ptr() as *const _;
    set_methods(ag, &[("__reduce__", attrgetter_reduce as *const c_void, meth::NOARGS, "Return state information for pickling")]);
    (*mc).tp_new = Some(methodcaller_new);
    (*mc).tp_call = Some(methodcaller_call);
    (*mc).tp_repr = Some(methodcaller_repr);
    (*mc).tp_doc = b"methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that calls the given method on its operand.\nAfter f = methodcaller('name'), the call f(r) returns r.name().\nAfter g = methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1).\0".as_ptr() as *const _;
    set_methods(mc, &[("__reduce__", methodcaller_reduce as *const c_void, meth::NOARGS, "Return state information for pickling")]);
    for t in [ig, ag, mc] {
        vm::typeobj::ready(t)?;
    }
    Ok(())
}

/// Sets the per-instance vectorcall entry of the getters when they are built.
unsafe extern "C" fn getter_alloc(tp: *mut PyTypeObject, n: isize) -> *mut PyObject {
    let o = vm::alloc::generic_alloc(tp, n);
    if !o.is_null() {
        let f: vectorcallfunc = if tp == ItemGetter::tp() { itemgetter_vectorcall } else { attrgetter_vectorcall };
        (*(o as *mut native::NObj<()>)).vectorcall = Some(f);
    }
    o
}

const DOC: &str = "Operator interface.

This module exports a set of functions implemented in C corresponding
to the intrinsic operators of Python.  For example, operator.add(x, y)
is equivalent to the expression x+y.  The function names are those
used for special methods; variants without leading and trailing
'__' are also provided for convenience.";

pub fn init() -> PyResult<PyObj> {
    unsafe {
        (*ItemGetter::tp()).tp_alloc = Some(getter_alloc);
        (*AttrGetter::tp()).tp_alloc = Some(getter_alloc);
        init_types()?
    };
    let m = module::new("_operator");
    let (f, o, fk) = (meth::FASTCALL, meth::O, meth::FASTCALL | meth::KEYWORDS);
    let fns: &[(&str, *const c_void, i32)] = &[
        ("truth", op_truth as *const c_void, o),
        ("contains", op_contains as *const c_void, f),
        ("indexOf", op_indexof as *const c_void, f),
        ("countOf", op_countof as *const c_void, f),
        ("is_", op_is as *const c_void, f),
        ("is_not", op_is_not as *const c_void, f),
        ("index", op_index as *const c_void, o),
        ("add", op_add as *const c_void, f),
        ("sub", op_sub as *const c_void, f),
        ("mul", op_mul as *const c_void, f),
        ("matmul", op_matmul as *const c_void, f),
        ("floordiv", op_floordiv as *const c_void, f),
        ("truediv", op_truediv as *const c_void, f),
        ("mod", op_mod as *const c_void, f),
        ("neg", op_neg as *const c_void, o),
        ("pos", op_pos as *const c_void, o),
        ("abs", op_abs as *const c_void, o),
        ("inv", op_invert as *const c_void, o),
        ("invert", op_invert as *const c_void, o),
        ("lshift", op_lshift as *const c_void, f),
        ("rshift", op_rshift as *const c_void, f),
        ("not_", op_not as *const c_void, o),
        ("and_", op_and as *const c_void, f),
        ("xor", op_xor as *const c_void, f),
        ("or_", op_or as *const c_void, f),
        ("iadd", op_iadd as *const c_void, f),
        ("isub", op_isub as *const c_void, f),
        ("imul", op_imul as *const c_void, f),
        ("imatmul", op_imatmul as *const c_void, f),
        ("ifloordiv", op_ifloordiv as *const c_void, f),
        ("itruediv", op_itruediv as *const c_void, f),
        ("imod", op_imod as *const c_void, f),
        ("ilshift", op_ilshift as *const c_void, f),
        ("irshift", op_irshift as *const c_void, f),
        ("iand", op_iand as *const c_void, f),
        ("ixor", op_ixor as *const c_void, f),
        ("ior", op_ior as *const c_void, f),
        ("concat", op_concat as *const c_void, f),
        ("iconcat", op_iconcat as *const c_void, f),
        ("getitem", op_getitem as *const c_void, f),
        ("setitem", op_setitem as *const c_void, f),
        ("delitem", op_delitem as *const c_void, f),
        ("pow", op_pow as *const c_void, f),
        ("ipow", op_ipow as *const c_void, f),
        ("eq", op_eq as *const c_void, f),
        ("ne", op_ne as *const c_void, f),
        ("lt", op_lt as *const c_void, f),
        ("le", op_le as *const c_void, f),
        ("gt", op_gt as *const c_void, f),
        ("ge", op_ge as *const c_void, f),
        ("_compare_digest", op_compare_digest as *const c_void, f),
        ("length_hint", op_length_hint as *const c_void, f),
        ("call", op_call as *const c_void, fk),
    ];
    let fns: Vec<(&str, *const c_void, i32)> = fns.to_vec();
    vm::sysmodule::add_functions(&m, &fns);
    for t in [ItemGetter::tp(), AttrGetter::tp(), MethodCaller::tp()] {
        ab::setattr_str(&m, &type_name(t), vm::typeobj::type_obj(t))?;
    }
    ab::setattr_str(&m, "__doc__", unicode::new(DOC))?;
    Ok(m)
}
