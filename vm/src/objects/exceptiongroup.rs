//! `BaseExceptionGroup`/`ExceptionGroup` behaviour: construction (with
//! `BaseExceptionGroup(...)` choosing `ExceptionGroup` when it can),
//! `split`, `subgroup`, `derive`, `__str__`, and the helpers behind
//! `except*` (CHECK_EG_MATCH, PREP_RERAISE_STAR), following CPython 3.11's
//! `Objects/exceptions.c`.

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::exceptions::{self as exc, PyBaseExceptionGroupObject, PyExc_BaseExceptionGroup, PyExc_Exception, PyExc_ExceptionGroup};
use crate::objects::{list, none, tuple, unicode};
use crate::objref::PyObj;
use std::collections::HashSet;
use std::os::raw::{c_int, c_void};

pub fn is_exception_group(o: &PyObj) -> bool {
    unsafe { crate::typeobj::is_subtype(o.ob_type(), PyExc_BaseExceptionGroup) }
}

unsafe fn eg(o: &PyObj) -> *mut PyBaseExceptionGroupObject {
    o.as_ptr() as *mut PyBaseExceptionGroupObject
}

/// The message of a group (None when unset).
pub fn message(o: &PyObj) -> PyObj {
    unsafe {
        let p = (*eg(o)).msg;
        if p.is_null() { none::none() } else { PyObj::from_borrowed(p) }
    }
}

/// The tuple of sub-exceptions of a group (empty when unset).
pub fn exceptions(o: &PyObj) -> Vec<PyObj> {
    unsafe {
        let p = (*eg(o)).excs;
        if p.is_null() || !tuple::is_tuple(PyObj::borrow(&p)) {
            Vec::new()
        } else {
            tuple::items(PyObj::borrow(&p)).to_vec()
        }
    }
}

fn is_exception_class(o: &PyObj) -> bool {
    unsafe { crate::typeobj::is_type(o) && exc::is_exception_type(crate::typeobj::as_type(o)) }
}

/// `PyErr_GivenExceptionMatches(exc, match_type)`.
pub fn given_exception_matches(e: &PyObj, t: &PyObj) -> bool {
    unsafe {
        if tuple::is_tuple(t) {
            return tuple::items(t).iter().any(|x| given_exception_matches(e, x));
        }
        let et: *mut PyTypeObject = if exc::is_exception_instance(e) {
            e.ob_type()
        } else if crate::typeobj::is_type(e) {
            crate::typeobj::as_type(e)
        } else {
            return e.is(t);
        };
        if exc::is_exception_type(et) && is_exception_class(t) {
            return crate::typeobj::is_subtype(et, crate::typeobj::as_type(t));
        }
        et as *mut PyObject == t.as_ptr()
    }
}

unsafe fn is_sequence(o: &PyObj) -> bool {
    let tp = o.ob_type();
    if (*tp).tp_flags & flags::DICT_SUBCLASS != 0 {
        return false;
    }
    if (*tp).tp_flags & (flags::LIST_SUBCLASS | flags::TUPLE_SUBCLASS) != 0 {
        return true;
    }
    let sq = (*tp).tp_as_sequence;
    !sq.is_null() && (*sq).sq_item.is_some()
}

// ---------------------------------------------------------------- construction

unsafe extern "C" fn eg_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    err::into_ptr(eg_new_impl(tp, args, kw))
}

unsafe fn eg_new_impl(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> PyResult {
    if crate::objects::methodobject::kwargs_dict(kw).is_some() {
        return Err(err::type_error(format!("{}() takes no keyword arguments", crate::typeobj::type_name(tp))));
    }
    let a = if args.is_null() { tuple::empty() } else { PyObj::from_borrowed(args) };
    let items = tuple::items(&a);
    if items.len() != 2 {
        return Err(err::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            items.len()
        )));
    }
    let message = &items[0];
    let seq = &items[1];
    if !unicode::is_str(message) {
        return Err(err::type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            crate::typeobj::type_name(message.ob_type())
        )));
    }
    if !is_sequence(seq) {
        return Err(err::type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = crate::abstract_::iterate(seq)?;
    if excs.is_empty() {
        return Err(err::value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, e) in excs.iter().enumerate() {
        if !exc::is_exception_instance(e) {
            return Err(err::value_error(format!("Item {} of second argument (exceptions) is not an exception", i)));
        }
        if !crate::typeobj::is_subtype(e.ob_type(), PyExc_Exception) {
            nested_base = true;
        }
    }
    let mut cls = tp;
    if cls == PyExc_BaseExceptionGroup {
        if !nested_base {
            cls = PyExc_ExceptionGroup;
        }
    } else if cls == PyExc_ExceptionGroup {
        if nested_base {
            return Err(err::type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if nested_base && crate::typeobj::is_subtype(cls, PyExc_Exception) {
        return Err(err::type_error(format!(
            "Cannot nest BaseExceptions in '{}'",
            crate::typeobj::type_name(cls)
        )));
    }
    let base_new = (*exc::PyExc_BaseException).tp_new.expect("BaseException has tp_new");
    let o = err::from_ptr(base_new(cls, a.as_ptr(), kw))?;
    let g = eg(&o);
    let old = std::mem::replace(&mut (*g).msg, message.clone().into_ptr());
    crate::objref::xdecref(old);
    let old = std::mem::replace(&mut (*g).excs, tuple::new(excs).into_ptr());
    crate::objref::xdecref(old);
    Ok(o)
}

unsafe extern "C" fn eg_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let tp = (*o).ob_type;
    if crate::objects::methodobject::kwargs_dict(kw).is_some() {
        err::restore(err::type_error(format!("{}() takes no keyword arguments", crate::typeobj::type_name(tp))));
        return -1;
    }
    match (*exc::PyExc_BaseException).tp_init {
        Some(f) => f(o, args, std::ptr::null_mut()),
        None => 0,
    }
}

/// Creates `BaseExceptionGroup(msg, excs)` (which picks ExceptionGroup when
/// every member is an Exception), as `_PyExc_CreateExceptionGroup`.
pub fn create(msg: &str, excs: Vec<PyObj>) -> PyResult {
    let t = unsafe { PyObj::from_borrowed(PyExc_BaseExceptionGroup as *mut PyObject) };
    crate::abstract_::call(&t, &[unicode::new(msg), list::new(excs)], None)
}

unsafe extern "C" fn eg_str(o: *mut PyObject) -> *mut PyObject {
    let o = PyObj::borrow(&o);
    let msg = message(o);
    let n = exceptions(o).len();
    let m = if unicode::is_str(&msg) {
        unicode::to_string_lossy(&msg)
    } else {
        match crate::abstract_::str_string(&msg) {
            Ok(s) => s,
            Err(e) => {
                err::restore(e);
                return std::ptr::null_mut();
            }
        }
    };
    unicode::new(&format!("{} ({} sub-exception{})", m, n, if n > 1 { "s" } else { "" })).into_ptr()
}

// ---------------------------------------------------------------- split

enum Matcher {
    ByType(PyObj),
    Predicate(PyObj),
    Ids(HashSet<usize>),
}

fn get_matcher(v: &PyObj) -> PyResult<Matcher> {
    unsafe {
        let callable = crate::bltinmodule::is_callable(v);
        if callable && !crate::typeobj::is_type(v) {
            return Ok(Matcher::Predicate(v.clone()));
        }
        if is_exception_class(v) {
            return Ok(Matcher::ByType(v.clone()));
        }
        if v.ob_type() == &raw mut crate::objects::tuple::PyTuple_Type {
            if tuple::items(v).iter().all(is_exception_class) {
                return Ok(Matcher::ByType(v.clone()));
            }
        }
    }
    Err(err::type_error("expected a function, exception type or tuple of exception types"))
}

fn check_match(e: &PyObj, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::ByType(t) => Ok(given_exception_matches(e, t)),
        Matcher::Predicate(f) => {
            let r = crate::abstract_::call1(f, e)?;
            crate::abstract_::is_true(&r)
        }
        Matcher::Ids(ids) => Ok(exc::is_exception_instance(e) && ids.contains(&(e.as_ptr() as usize))),
    }
}

struct SplitResult {
    matched: Option<PyObj>,
    rest: Option<PyObj>,
}

thread_local! {
    static SPLIT_DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn split_recursive(e: &PyObj, m: &Matcher, construct_rest: bool) -> PyResult<SplitResult> {
    if check_match(e, m)? {
        return Ok(SplitResult { matched: Some(e.clone()), rest: None });
    }
    if !is_exception_group(e) {
        return Ok(SplitResult { matched: None, rest: if construct_rest { Some(e.clone()) } else { None } });
    }
    let depth = SPLIT_DEPTH.with(|d| {
        d.set(d.get() + 1);
        d.get()
    });
    struct Guard;
    impl Drop for Guard {
        fn drop(&mut self) {
            SPLIT_DEPTH.with(|d| d.set(d.get() - 1));
        }
    }
    let _g = Guard;
    if depth > 900 {
        return Err(err::new(
            unsafe { exc::PyExc_RecursionError },
            "maximum recursion depth exceeded in exceptiongroup_split_recursive",
        ));
    }
    let mut match_list = Vec::new();
    let mut rest_list = Vec::new();
    for sub in exceptions(e) {
        let r = split_recursive(&sub, m, construct_rest)?;
        if let Some(x) = r.matched {
            match_list.push(x);
        }
        if let Some(x) = r.rest {
            rest_list.push(x);
        }
    }
    let matched = subset(e, match_list)?;
    let rest = if construct_rest { subset(e, rest_list)? } else { None };
    Ok(SplitResult { matched, rest })
}

/// A group like `orig` (through `orig.derive`) holding `excs`, with
/// `orig`'s traceback, context, cause and a copy of its notes.
fn subset(orig: &PyObj, excs: Vec<PyObj>) -> PyResult<Option<PyObj>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let g = crate::abstract_::call_method(orig, "derive", &[list::new(excs)])?;
    if !is_exception_group(&g) {
        return Err(err::type_error("derive must return an instance of BaseExceptionGroup"));
    }
    copy_metadata(orig, &g)?;
    Ok(Some(g))
}

fn copy_metadata(orig: &PyObj, g: &PyObj) -> PyResult<()> {
    if let Some(tb) = exc::traceback(orig) {
        exc::set_traceback(g, Some(tb));
    }
    exc::set_context(g, exc::context(orig));
    exc::set_cause(g, exc::cause(orig));
    exc::set_suppress_context(g, true);
    if let Some(notes) = crate::abstract_::getattr_str_opt(orig, "__notes__")? {
        if unsafe { is_sequence(&notes) } {
            let copy = list::new(crate::abstract_::iterate(&notes)?);
            crate::abstract_::setattr_str(g, "__notes__", copy)?;
        }
    }
    Ok(())
}

fn pair(r: SplitResult) -> PyObj {
    tuple::new(vec![r.matched.unwrap_or_else(none::none), r.rest.unwrap_or_else(none::none)])
}

crate::onearg!(eg_split, |slf, m| {
    let matcher = get_matcher(m.unwrap())?;
    Ok(pair(split_recursive(slf, &matcher, true)?))
});

crate::onearg!(eg_subgroup, |slf, m| {
    let matcher = get_matcher(m.unwrap())?;
    Ok(split_recursive(slf, &matcher, false)?.matched.unwrap_or_else(none::none))
});

crate::onearg!(eg_derive, |slf, excs| {
    let t = unsafe { PyObj::from_borrowed(PyExc_BaseExceptionGroup as *mut PyObject) };
    crate::abstract_::call(&t, &[message(slf), excs.unwrap().clone()], None)
});

crate::onearg!(eg_class_getitem, |cls, item| {
    // `types.GenericAlias(cls, item)` as Py_GenericAlias.
    let types = crate::import::import_module("types", None)?;
    let ga = crate::abstract_::getattr_str(&types, "GenericAlias")?;
    crate::abstract_::call(&ga, &[cls.clone(), item.unwrap().clone()], None)
});

unsafe extern "C" fn get_message(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    message(PyObj::borrow(&o)).into_ptr()
}

unsafe extern "C" fn get_exceptions(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let p = (*(o as *mut PyBaseExceptionGroupObject)).excs;
    if p.is_null() { none::none().into_ptr() } else { PyObj::from_borrowed(p).into_ptr() }
}

/// Installs the group slots and methods (called from the exception types'
/// initialisation, before the types are readied).
pub unsafe fn init_type() {
    use crate::objects::descr::{set_getsets, set_methods};
    // ExceptionGroup(BaseExceptionGroup, Exception), as in CPython.
    let g = PyExc_ExceptionGroup;
    if (*g).tp_bases.is_null() {
        (*g).tp_bases = tuple::new(vec![
            PyObj::from_borrowed(PyExc_BaseExceptionGroup as *mut PyObject),
            PyObj::from_borrowed(PyExc_Exception as *mut PyObject),
        ])
        .into_ptr();
    }
    let t = PyExc_BaseExceptionGroup;
    (*t).tp_new = Some(eg_new);
    (*t).tp_init = Some(eg_init);
    (*t).tp_str = Some(eg_str);
    set_getsets(t, &[
        ("message", get_message as *const c_void, std::ptr::null()),
        ("exceptions", get_exceptions as *const c_void, std::ptr::null()),
    ]);
    set_methods(t, &[
        ("split", eg_split as *const c_void, meth::O, ""),
        ("subgroup", eg_subgroup as *const c_void, meth::O, ""),
        ("derive", eg_derive as *const c_void, meth::O, ""),
        ("__class_getitem__", eg_class_getitem as *const c_void, meth::O | meth::CLASS, ""),
    ]);
}

// ---------------------------------------------------------------- except*

/// Splits `exc` by `match_type` for an `except*` clause: (rest, matched).
/// `matched` is None when nothing matched (then `rest` is meaningless).
pub fn split_for_except_star(exc: &PyObj, match_type: &PyObj) -> PyResult<(PyObj, Option<PyObj>)> {
    if none::is_none(exc) {
        return Ok((none::none(), None));
    }
    if given_exception_matches(exc, match_type) {
        // Full match of the exception itself.
        // A naked exception is wrapped with a 1-tuple, as CHECK_EG_MATCH does.
        let m = if is_exception_group(exc) {
            exc.clone()
        } else {
            let t = unsafe { PyObj::from_borrowed(PyExc_BaseExceptionGroup as *mut PyObject) };
            crate::abstract_::call(&t, &[unicode::new(""), tuple::new(vec![exc.clone()])], None)?
        };
        return Ok((none::none(), Some(m)));
    }
    if is_exception_group(exc) {
        let p = crate::abstract_::call_method(exc, "split", &[match_type.clone()])?;
        let (m, r) = if tuple::is_tuple(&p) && tuple::len(&p) == 2 {
            (tuple::items(&p)[0].clone(), tuple::items(&p)[1].clone())
        } else {
            return Err(err::type_error("split must return a 2-tuple"));
        };
        if none::is_none(&m) {
            return Ok((r, None));
        }
        return Ok((r, Some(m)));
    }
    Ok((none::none(), None))
}

fn same_metadata(a: &PyObj, b: &PyObj) -> bool {
    unsafe {
        let x = exc::raw(a);
        let y = exc::raw(b);
        (*x).notes == (*y).notes
            && (*x).traceback == (*y).traceback
            && (*x).cause == (*y).cause
            && (*x).context == (*y).context
    }
}

fn collect_leaf_ids(e: &PyObj, ids: &mut HashSet<usize>) {
    if none::is_none(e) {
        return;
    }
    if !is_exception_group(e) {
        ids.insert(e.as_ptr() as usize);
        return;
    }
    for sub in exceptions(e) {
        collect_leaf_ids(&sub, ids);
    }
}

/// Computes the exception to re-raise after the `except*` clauses ran
/// (`_PyExc_PrepReraiseStar`): `excs` is the list of what each clause
/// raised or re-raised.
pub fn prep_reraise_star(orig: &PyObj, excs: &PyObj) -> PyResult {
    let items: Vec<PyObj> = if list::is_list(excs) { list::to_vec(excs) } else { crate::abstract_::iterate(excs)? };
    if items.is_empty() {
        return Ok(none::none());
    }
    if !is_exception_group(orig) {
        // A naked exception was caught and wrapped: at most one clause ran.
        return Ok(items[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in items {
        if none::is_none(&e) {
            continue;
        }
        if exc::is_exception_instance(&e) && same_metadata(&e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut ids = HashSet::new();
    for e in &reraised {
        collect_leaf_ids(e, &mut ids);
    }
    let reraised_eg = split_recursive(orig, &Matcher::Ids(ids), false)?.matched;
    if raised.is_empty() {
        return Ok(reraised_eg.unwrap_or_else(none::none));
    }
    if let Some(r) = reraised_eg {
        raised.push(r);
    }
    if raised.len() > 1 {
        create("", raised)
    } else {
        Ok(raised.pop().unwrap())
    }
}
