//! `types.UnionType` (`int | str`) and `types.GenericAlias` (`list[int]`).

use crate::abstract_;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{boolobject, none, tuple, unicode};
use crate::objref::{xdecref, PyObj};
use crate::typeobj;
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct UnionObject {
    pub ob_base: PyObject,
    pub args: *mut PyObject,
    pub parameters: *mut PyObject,
}

#[repr(C)]
pub struct GenericAliasObject {
    pub ob_base: PyObject,
    pub origin: *mut PyObject,
    pub args: *mut PyObject,
    pub parameters: *mut PyObject,
    pub weakreflist: *mut PyObject,
    pub starred: c_int,
}

#[no_mangle]
pub static mut _PyUnion_Type: PyTypeObject =
    PyTypeObject::empty(b"types.UnionType\0", std::mem::size_of::<UnionObject>(), 0);
#[no_mangle]
pub static mut Py_GenericAliasType: PyTypeObject =
    PyTypeObject::empty(b"types.GenericAlias\0", std::mem::size_of::<GenericAliasObject>(), 0);

fn union_type() -> *mut PyTypeObject {
    &raw mut _PyUnion_Type
}
fn ga_type() -> *mut PyTypeObject {
    &raw mut Py_GenericAliasType
}

pub fn is_union(o: &PyObj) -> bool {
    o.ob_type() == union_type()
}
pub fn is_generic_alias(o: &PyObj) -> bool {
    unsafe { o.ob_type() == ga_type() || typeobj::is_subtype(o.ob_type(), ga_type()) }
}

fn args_of(o: &PyObj) -> &PyObj {
    unsafe { PyObj::borrow(&(*(o.as_ptr() as *mut UnionObject)).args) }
}

fn is_unionable(o: &PyObj) -> bool {
    none::is_none(o) || typeobj::is_type(o) || is_generic_alias(o) || is_union(o)
}

fn none_type() -> PyObj {
    typeobj::type_obj(unsafe { &raw mut crate::objects::none::_PyNone_Type })
}

/// `a | b` for types, None, generic aliases and unions; NotImplemented
/// for anything else.
pub fn make_union(a: &PyObj, b: &PyObj) -> PyResult {
    if !is_unionable(a) || !is_unionable(b) {
        return Ok(none::not_implemented());
    }
    let mut flat: Vec<PyObj> = Vec::new();
    for x in [a, b] {
        if is_union(x) {
            flat.extend(tuple::items(args_of(x)).iter().cloned());
        } else if none::is_none(x) {
            flat.push(none_type());
        } else {
            flat.push(x.clone());
        }
    }
    let mut out: Vec<PyObj> = Vec::new();
    for x in flat {
        let mut dup = false;
        for y in &out {
            let same = if is_generic_alias(&x) && is_generic_alias(y) {
                abstract_::rich_compare_bool(&x, y, PY_EQ)?
            } else {
                x.is(y)
            };
            if same {
                dup = true;
                break;
            }
        }
        if !dup {
            out.push(x);
        }
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap());
    }
    unsafe {
        let o = crate::alloc::alloc_object(union_type(), 0) as *mut UnionObject;
        (*o).args = tuple::new(out).into_ptr();
        Ok(PyObj::from_owned(o as *mut PyObject))
    }
}

/// The text for one item in a union or generic alias repr.
fn repr_item(p: &PyObj) -> PyResult<String> {
    if p.as_ptr() == none_type().as_ptr() || none::is_none(p) {
        return Ok("None".into());
    }
    if p.as_ptr() == crate::objects::slice::ellipsis().as_ptr() {
        return Ok("...".into());
    }
    if is_generic_alias(p) {
        return abstract_::repr_string(p);
    }
    if abstract_::getattr_str_opt(p, "__origin__")?.is_some() && abstract_::getattr_str_opt(p, "__args__")?.is_some() {
        return abstract_::repr_string(p);
    }
    let q = abstract_::getattr_str_opt(p, "__qualname__")?;
    let m = abstract_::getattr_str_opt(p, "__module__")?;
    match (q, m) {
        (Some(q), Some(m)) if unicode::is_str(&q) => {
            let qs = unicode::to_string_lossy(&q);
            if none::is_none(&m) {
                return abstract_::repr_string(p);
            }
            if unicode::is_str(&m) && unicode::eq_str(&m, "builtins") {
                Ok(qs)
            } else {
                Ok(format!("{}.{}", abstract_::str_string(&m)?, qs))
            }
        }
        _ => abstract_::repr_string(p),
    }
}

unsafe extern "C" fn union_repr(o: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let mut parts = Vec::new();
        for a in tuple::items(args_of(PyObj::borrow(&o))) {
            parts.push(repr_item(a)?);
        }
        Ok(unicode::new(&parts.join(" | ")))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn union_hash(o: *mut PyObject) -> Py_hash_t {
    let r = crate::objects::setobject::new_from_iterable(true, Some(args_of(PyObj::borrow(&o))))
        .and_then(|fs| abstract_::hash(&fs));
    match r {
        Ok(h) => h,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn union_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let (a, b) = (PyObj::borrow(&a), PyObj::borrow(&b));
    if !is_union(b) || (op != PY_EQ && op != PY_NE) {
        return none::not_implemented().into_ptr();
    }
    let r = (|| {
        let fa = crate::objects::setobject::new_from_iterable(true, Some(args_of(a)))?;
        let fb = crate::objects::setobject::new_from_iterable(true, Some(args_of(b)))?;
        abstract_::rich_compare(&fa, &fb, op)
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn union_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    err::into_ptr(make_union(PyObj::borrow(&a), PyObj::borrow(&b)))
}

unsafe extern "C" fn union_dealloc(o: *mut PyObject) {
    let u = o as *mut UnionObject;
    xdecref((*u).args);
    xdecref((*u).parameters);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn union_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let u = o as *mut UnionObject;
    for p in [(*u).args, (*u).parameters] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// Type variables among `args` (`_Py_make_parameters`).
fn make_parameters(args: &PyObj) -> PyResult {
    let mut out: Vec<PyObj> = Vec::new();
    for t in tuple::items(args) {
        if typeobj::is_type(t) {
            continue;
        }
        if abstract_::getattr_str_opt(t, "__typing_subst__")?.is_some() {
            if !out.iter().any(|x| x.is(t)) {
                out.push(t.clone());
            }
            continue;
        }
        if let Some(ps) = abstract_::getattr_str_opt(t, "__parameters__")? {
            if tuple::is_tuple(&ps) {
                for p in tuple::items(&ps) {
                    if !out.iter().any(|x| x.is(p)) {
                        out.push(p.clone());
                    }
                }
            }
        }
    }
    Ok(tuple::new(out))
}

unsafe extern "C" fn union_get_args(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    args_of(PyObj::borrow(&o)).clone().into_ptr()
}

unsafe extern "C" fn union_get_parameters(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let u = o as *mut UnionObject;
    if (*u).parameters.is_null() {
        match make_parameters(args_of(PyObj::borrow(&o))) {
            Ok(p) => (*u).parameters = p.into_ptr(),
            Err(e) => {
                err::restore(e);
                return std::ptr::null_mut();
            }
        }
    }
    PyObj::from_borrowed((*u).parameters).into_ptr()
}

fn check_no_generic(args: &PyObj, what: &str) -> PyResult<()> {
    for a in tuple::items(args) {
        if is_generic_alias(a) {
            return Err(err::type_error(format!("{}() argument 2 cannot be a parameterized generic", what)));
        }
    }
    Ok(())
}

crate::onearg!(union_instancecheck, |slf, a| {
    let args = args_of(slf);
    check_no_generic(args, "isinstance")?;
    Ok(boolobject::new(abstract_::isinstance(a.unwrap(), args)?))
});

crate::onearg!(union_subclasscheck, |slf, a| {
    let args = args_of(slf);
    check_no_generic(args, "issubclass")?;
    Ok(boolobject::new(abstract_::issubclass(a.unwrap(), args)?))
});

// ---------------------------------------------------------------- GenericAlias

unsafe fn ga<'a>(o: &'a PyObj) -> &'a mut GenericAliasObject {
    &mut *(o.as_ptr() as *mut GenericAliasObject)
}

/// `Py_GenericAlias(origin, args)`: `origin[args]`.
pub fn generic_alias(origin: &PyObj, args: &PyObj) -> PyResult {
    new_alias(ga_type(), origin, args)
}

fn new_alias(tp: *mut PyTypeObject, origin: &PyObj, args: &PyObj) -> PyResult {
    let args = if tuple::is_tuple(args) { args.clone() } else { tuple::new(vec![args.clone()]) };
    unsafe {
        let o = typeobj::alloc_instance(tp);
        if o.is_null() {
            return Err(err::fetch());
        }
        let g = o as *mut GenericAliasObject;
        (*g).origin = origin.clone().into_ptr();
        (*g).args = args.into_ptr();
        Ok(PyObj::from_owned(o))
    }
}

unsafe extern "C" fn ga_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    if !kw.is_null() && crate::objects::dict::len(PyObj::borrow(&kw)) > 0 {
        err::restore(err::type_error("GenericAlias() takes no keyword arguments"));
        return std::ptr::null_mut();
    }
    let a = tuple::items(PyObj::borrow(&args));
    if a.len() != 2 {
        err::restore(err::type_error(format!("GenericAlias expected 2 arguments, got {}", a.len())));
        return std::ptr::null_mut();
    }
    err::into_ptr(new_alias(tp, &a[0], &a[1]))
}

unsafe extern "C" fn ga_dealloc(o: *mut PyObject) {
    let g = o as *mut GenericAliasObject;
    if !(*g).weakreflist.is_null() {
        crate::objects::weakref::clear_weakrefs(o);
    }
    xdecref((*g).origin);
    xdecref((*g).args);
    xdecref((*g).parameters);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn ga_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let g = o as *mut GenericAliasObject;
    for p in [(*g).origin, (*g).args, (*g).parameters] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

fn ga_repr_item(p: &PyObj) -> PyResult<String> {
    if crate::objects::list::is_list(p) {
        let mut parts = Vec::new();
        for x in crate::objects::list::to_vec(p) {
            parts.push(ga_repr_item(&x)?);
        }
        return Ok(format!("[{}]", parts.join(", ")));
    }
    repr_item(p)
}

unsafe extern "C" fn ga_repr(o: *mut PyObject) -> *mut PyObject {
    let r = (|| {
        let g = ga(PyObj::borrow(&o));
        let mut s = String::new();
        if g.starred != 0 {
            s.push('*');
        }
        s.push_str(&repr_item(PyObj::borrow(&g.origin))?);
        s.push('[');
        let args = tuple::items(PyObj::borrow(&g.args));
        if args.is_empty() {
            s.push_str("()");
        }
        let mut parts = Vec::new();
        for a in args {
            parts.push(ga_repr_item(a)?);
        }
        s.push_str(&parts.join(", "));
        s.push(']');
        Ok(unicode::new(&s))
    })();
    err::into_ptr(r)
}

const ATTR_EXCEPTIONS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

unsafe extern "C" fn ga_getattro(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    let n = PyObj::borrow(&name);
    if unicode::is_str(n) {
        let s = unicode::to_string_lossy(n);
        if !ATTR_EXCEPTIONS.contains(&s.as_str()) {
            return err::into_ptr(abstract_::getattr(PyObj::borrow(&ga(obj).origin), n));
        }
    }
    err::into_ptr(typeobj::generic_getattr(obj, n))
}

unsafe extern "C" fn ga_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let (a, b) = (PyObj::borrow(&a), PyObj::borrow(&b));
    if !is_generic_alias(a) || !is_generic_alias(b) || (op != PY_EQ && op != PY_NE) {
        return none::not_implemented().into_ptr();
    }
    let r = (|| {
        let (ga_a, ga_b) = (ga(a), ga(b));
        if ga_a.starred != ga_b.starred {
            return Ok(boolobject::new(op == PY_NE));
        }
        let eq = abstract_::rich_compare_bool(PyObj::borrow(&ga_a.origin), PyObj::borrow(&ga_b.origin), PY_EQ)?
            && abstract_::rich_compare_bool(PyObj::borrow(&ga_a.args), PyObj::borrow(&ga_b.args), PY_EQ)?;
        Ok(boolobject::new(if op == PY_EQ { eq } else { !eq }))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn ga_hash(o: *mut PyObject) -> Py_hash_t {
    let g = ga(PyObj::borrow(&o));
    let r = abstract_::hash(PyObj::borrow(&g.origin))
        .and_then(|h0| abstract_::hash(PyObj::borrow(&g.args)).map(|h1| h0 ^ h1));
    match r {
        Ok(h) => {
            if h == -1 { -2 } else { h }
        }
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn ga_call(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    let origin = PyObj::borrow(&ga(obj).origin);
    let kwd = if kw.is_null() { None } else { Some(PyObj::borrow(&kw)) };
    let r = (|| {
        let res = abstract_::call_tuple_dict(origin, PyObj::borrow(&args), kwd)?;
        if let Err(e) = abstract_::setattr_str(&res, "__orig_class__", obj.clone()) {
            let ok = e.matches(crate::objects::exceptions::PyExc_AttributeError)
                || e.matches(crate::objects::exceptions::PyExc_TypeError);
            if !ok {
                return Err(e);
            }
        }
        Ok(res)
    })();
    err::into_ptr(r)
}

crate::onearg!(ga_mro_entries, |slf, _a| {
    Ok(tuple::new(vec![PyObj::from_borrowed(ga(slf).origin)]))
});
crate::onearg!(ga_instancecheck, |slf, _a| {
    Err(err::type_error("isinstance() argument 2 cannot be a parameterized generic"))
});
crate::onearg!(ga_subclasscheck, |slf, _a| {
    Err(err::type_error("issubclass() argument 2 cannot be a parameterized generic"))
});
crate::onearg!(ga_reduce, |slf, _a| {
    let g = ga(slf);
    Ok(tuple::new(vec![
        typeobj::type_obj(slf.ob_type()),
        tuple::new(vec![PyObj::from_borrowed(g.origin), PyObj::from_borrowed(g.args)]),
    ]))
});

unsafe extern "C" fn ga_get_origin(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed(ga(PyObj::borrow(&o)).origin).into_ptr()
}
unsafe extern "C" fn ga_get_args(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed(ga(PyObj::borrow(&o)).args).into_ptr()
}
unsafe extern "C" fn ga_get_unpacked(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    boolobject::new(ga(PyObj::borrow(&o)).starred != 0).into_ptr()
}
unsafe extern "C" fn ga_get_parameters(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let g = ga(PyObj::borrow(&o));
    if g.parameters.is_null() {
        match make_parameters(PyObj::borrow(&g.args)) {
            Ok(p) => g.parameters = p.into_ptr(),
            Err(e) => {
                err::restore(e);
                return std::ptr::null_mut();
            }
        }
    }
    PyObj::from_borrowed(g.parameters).into_ptr()
}

// ---------------------------------------------------------------- substitution

/// The items of a starred `*tuple[...]` (or of anything whose
/// `__typing_unpacked_tuple_args__` is a tuple), else None.
fn unpacked_tuple_args(arg: &PyObj) -> PyResult<Option<PyObj>> {
    unsafe {
        if arg.ob_type() == ga_type() {
            let g = ga(arg);
            if g.starred != 0 && g.origin == typeobj::type_obj(&raw mut crate::objects::tuple::PyTuple_Type).as_ptr() {
                return Ok(Some(PyObj::from_borrowed(g.args)));
            }
            return Ok(None);
        }
    }
    Ok(abstract_::getattr_str_opt(arg, "__typing_unpacked_tuple_args__")?.filter(|r| !none::is_none(r)))
}

/// Flattens unpacked fixed-length tuples (`*tuple[int, str]`) in the items.
fn unpack_args(item: &PyObj) -> PyResult<Vec<PyObj>> {
    let items = if tuple::is_tuple(item) { tuple::items(item).to_vec() } else { vec![item.clone()] };
    let mut out = Vec::new();
    for it in items {
        if !typeobj::is_type(&it) {
            if let Some(sub) = unpacked_tuple_args(&it)? {
                if tuple::is_tuple(&sub) {
                    let si = tuple::items(&sub);
                    let ell = unsafe { &raw mut crate::objects::slice::_Py_EllipsisObject };
                    if !si.last().is_some_and(|l| l.as_ptr() == ell) {
                        out.extend(si.iter().cloned());
                        continue;
                    }
                }
            }
        }
        out.push(it);
    }
    Ok(out)
}

fn index_of(params: &[PyObj], x: &PyObj) -> Option<usize> {
    params.iter().position(|p| p.is(x))
}

/// `obj` with its own type variables replaced (`list[T]` -> `list[int]`).
fn subs_tvars(obj: &PyObj, params: &[PyObj], argitems: &[PyObj]) -> PyResult {
    let Some(sub) = abstract_::getattr_str_opt(obj, "__parameters__")? else {
        return Ok(obj.clone());
    };
    if !tuple::is_tuple(&sub) || tuple::len(&sub) == 0 {
        return Ok(obj.clone());
    }
    let mut subargs = Vec::new();
    for a in tuple::items(&sub) {
        if let Some(i) = index_of(params, a) {
            let param = &params[i];
            let val = &argitems[i];
            // A TypeVarTuple (iterable) takes a whole tuple of arguments.
            if unsafe { (*param.ob_type()).tp_iter.is_some() } && tuple::is_tuple(val) {
                subargs.extend(tuple::items(val).iter().cloned());
                continue;
            }
            subargs.push(val.clone());
        } else {
            subargs.push(a.clone());
        }
    }
    abstract_::getitem(obj, &tuple::new(subargs))
}

/// `alias[item]`: substitutes `item` for the alias's parameters in `args`
/// (CPython's `_Py_subs_parameters`).
pub fn subs_parameters(slf: &PyObj, args: &PyObj, params: &PyObj, item: &PyObj) -> PyResult {
    let pv = tuple::items(params).to_vec();
    if pv.is_empty() {
        return Err(err::type_error(format!("{} is not a generic class", abstract_::repr_string(slf)?)));
    }
    let mut item = tuple::new(unpack_args(item)?);
    for p in &pv {
        if let Some(prep) = abstract_::getattr_str_opt(p, "__typing_prepare_subst__")? {
            item = abstract_::call(&prep, &[slf.clone(), item.clone()], None)?;
            if !tuple::is_tuple(&item) {
                item = tuple::new(vec![item]);
            }
        }
    }
    let argitems = tuple::items(&item).to_vec();
    if argitems.len() != pv.len() {
        return Err(err::type_error(format!(
            "Too {} arguments for {}; actual {}, expected {}",
            if argitems.len() > pv.len() { "many" } else { "few" },
            abstract_::repr_string(slf)?,
            argitems.len(),
            pv.len()
        )));
    }
    let mut out = Vec::new();
    for a in tuple::items(args) {
        if typeobj::is_type(a) {
            out.push(a.clone());
            continue;
        }
        let unpack = match abstract_::getattr_str_opt(a, "__typing_is_unpacked_typevartuple__")? {
            Some(v) => abstract_::is_true(&v)?,
            None => false,
        };
        let v = match abstract_::getattr_str_opt(a, "__typing_subst__")? {
            Some(subst) => {
                let i = index_of(&pv, a).ok_or_else(|| err::system_error("parameter not found"))?;
                abstract_::call1(&subst, &argitems[i])?
            }
            None => subs_tvars(a, &pv, &argitems)?,
        };
        if unpack && tuple::is_tuple(&v) {
            out.extend(tuple::items(&v).iter().cloned());
        } else {
            out.push(v);
        }
    }
    Ok(tuple::new(out))
}

unsafe extern "C" fn ga_getitem(o: *mut PyObject, item: *mut PyObject) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    let r = (|| {
        let g = ga(obj);
        if g.parameters.is_null() {
            g.parameters = make_parameters(PyObj::borrow(&g.args))?.into_ptr();
        }
        let newargs = subs_parameters(obj, PyObj::borrow(&g.args), PyObj::borrow(&g.parameters), PyObj::borrow(&item))?;
        let res = generic_alias(PyObj::borrow(&g.origin), &newargs)?;
        ga(&res).starred = g.starred;
        Ok(res)
    })();
    err::into_ptr(r)
}

/// `iter(alias)` yields the starred alias once, so `*tuple[int]` works.
unsafe extern "C" fn ga_iter(o: *mut PyObject) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    let r = (|| {
        let g = ga(obj);
        let st = generic_alias(PyObj::borrow(&g.origin), PyObj::borrow(&g.args))?;
        ga(&st).starred = 1;
        abstract_::get_iter(&tuple::new(vec![st]))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn ga_get_unpacked_tuple_args(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let g = ga(PyObj::borrow(&o));
    let tt = typeobj::type_obj(&raw mut crate::objects::tuple::PyTuple_Type);
    if g.starred != 0 && g.origin == tt.as_ptr() {
        return PyObj::from_borrowed(g.args).into_ptr();
    }
    none::none().into_ptr()
}

static mut GA_AS_MAPPING: PyMappingMethods = EMPTY_MAPPING_METHODS;

static mut UNION_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;
static mut GA_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![union_type(), ga_type()]
}

pub unsafe fn init_types() {
    let t = union_type();
    let n = &raw mut UNION_AS_NUMBER;
    (*n).nb_or = Some(union_or);
    (*t).tp_as_number = n;
    (*t).tp_dealloc = Some(union_dealloc);
    (*t).tp_traverse = Some(union_traverse);
    (*t).tp_repr = Some(union_repr);
    (*t).tp_hash = Some(union_hash);
    (*t).tp_richcompare = Some(union_richcompare);
    (*t).tp_flags |= flags::HAVE_GC;
    crate::objects::descr::set_getsets(
        t,
        &[
            ("__args__", union_get_args as *const c_void, std::ptr::null()),
            ("__parameters__", union_get_parameters as *const c_void, std::ptr::null()),
        ],
    );
    crate::objects::descr::set_methods(
        t,
        &[
            ("__instancecheck__", union_instancecheck as *const c_void, meth::O, ""),
            ("__subclasscheck__", union_subclasscheck as *const c_void, meth::O, ""),
        ],
    );

    let t = ga_type();
    let n = &raw mut GA_AS_NUMBER;
    (*n).nb_or = Some(union_or);
    (*t).tp_as_number = n;
    (*t).tp_dealloc = Some(ga_dealloc);
    (*t).tp_traverse = Some(ga_traverse);
    (*t).tp_repr = Some(ga_repr);
    (*t).tp_hash = Some(ga_hash);
    (*t).tp_richcompare = Some(ga_richcompare);
    (*t).tp_call = Some(ga_call);
    (*t).tp_getattro = Some(ga_getattro);
    (*t).tp_new = Some(ga_new);
    (*t).tp_iter = Some(ga_iter);
    let m = &raw mut GA_AS_MAPPING;
    (*m).mp_subscript = Some(ga_getitem);
    (*t).tp_as_mapping = m;
    (*t).tp_weaklistoffset = std::mem::offset_of!(GenericAliasObject, weakreflist) as isize;
    (*t).tp_flags |= flags::HAVE_GC | flags::BASETYPE;
    crate::objects::descr::set_getsets(
        t,
        &[
            ("__origin__", ga_get_origin as *const c_void, std::ptr::null()),
            ("__args__", ga_get_args as *const c_void, std::ptr::null()),
            ("__unpacked__", ga_get_unpacked as *const c_void, std::ptr::null()),
            ("__parameters__", ga_get_parameters as *const c_void, std::ptr::null()),
            ("__typing_unpacked_tuple_args__", ga_get_unpacked_tuple_args as *const c_void, std::ptr::null()),
        ],
    );
    crate::objects::descr::set_methods(
        t,
        &[
            ("__mro_entries__", ga_mro_entries as *const c_void, meth::O, ""),
            ("__instancecheck__", ga_instancecheck as *const c_void, meth::O, ""),
            ("__subclasscheck__", ga_subclasscheck as *const c_void, meth::O, ""),
            ("__reduce__", ga_reduce as *const c_void, meth::NOARGS, ""),
        ],
    );
}
