//! Weak references (`weakref.ref`, `weakref.proxy`) with CPython 3.11's
//! `PyWeakReference` layout, kept in a doubly linked list whose head lives
//! in the referent at its type's `tp_weaklistoffset`; plus the bookkeeping
//! of objects whose `__del__` already ran, and the `_weakref` module (and a
//! temporary Rust `weakref` module, until the stdlib's `weakref.py` runs).
//!
//! List order follows CPython: the callback-less basic `ref` first, then
//! the callback-less proxy, then every other reference, newest first.

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{boolobject, list, long, none, tuple, unicode};
use crate::objref::PyObj;
use std::collections::HashSet;
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct PyWeakReference {
    pub ob_base: PyObject,
    /// The referent, or None (not counted) once it died.
    pub wr_object: *mut PyObject,
    pub wr_callback: *mut PyObject,
    pub hash: Py_hash_t,
    pub wr_prev: *mut PyWeakReference,
    pub wr_next: *mut PyWeakReference,
    pub vectorcall: Option<vectorcallfunc>,
}

#[no_mangle]
pub static mut _PyWeakref_RefType: PyTypeObject =
    PyTypeObject::empty(b"weakref.ReferenceType\0", std::mem::size_of::<PyWeakReference>(), 0);
#[no_mangle]
pub static mut _PyWeakref_ProxyType: PyTypeObject =
    PyTypeObject::empty(b"weakref.ProxyType\0", std::mem::size_of::<PyWeakReference>(), 0);
#[no_mangle]
pub static mut _PyWeakref_CallableProxyType: PyTypeObject =
    PyTypeObject::empty(b"weakref.CallableProxyType\0", std::mem::size_of::<PyWeakReference>(), 0);

pub fn ref_type() -> *mut PyTypeObject {
    &raw mut _PyWeakref_RefType
}
pub fn proxy_type() -> *mut PyTypeObject {
    &raw mut _PyWeakref_ProxyType
}
pub fn callable_proxy_type() -> *mut PyTypeObject {
    &raw mut _PyWeakref_CallableProxyType
}

pub fn is_ref(o: &PyObj) -> bool {
    unsafe { crate::typeobj::is_subtype(o.ob_type(), ref_type()) }
}
pub fn is_proxy(o: &PyObj) -> bool {
    o.ob_type() == proxy_type() || o.ob_type() == callable_proxy_type()
}
pub fn is_weakref(o: &PyObj) -> bool {
    is_ref(o) || is_proxy(o)
}

// ------------------------------------------------------------ finalized marks

static mut FINALIZED: Option<HashSet<usize>> = None;

unsafe fn finalized_set() -> &'static mut HashSet<usize> {
    let s = &mut *(&raw mut FINALIZED);
    s.get_or_insert_with(HashSet::new)
}

/// Whether `__del__` already ran for this object (it runs at most once).
/// Objects with a GC header keep the mark in it (as CPython does), so it
/// vanishes with the memory; others are remembered by address.
pub unsafe fn finalized(o: *mut PyObject) -> bool {
    if crate::alloc::type_is_gc((*o).ob_type) {
        return crate::gc::is_finalized(o);
    }
    finalized_set().contains(&(o as usize))
}

pub unsafe fn mark_finalized(o: *mut PyObject) {
    if crate::alloc::type_is_gc((*o).ob_type) {
        crate::gc::set_finalized(o);
        return;
    }
    finalized_set().insert(o as usize);
}

/// Forgets the finalized mark when the memory is about to be reused.
pub unsafe fn forget(o: *mut PyObject) {
    if let Some(s) = (*(&raw mut FINALIZED)).as_mut() {
        if !s.is_empty() {
            s.remove(&(o as usize));
        }
    }
}

// ------------------------------------------------------------ the list

/// Whether instances of `tp` can be weakly referenced.
pub unsafe fn supports_weakrefs(tp: *mut PyTypeObject) -> bool {
    (*tp).tp_weaklistoffset > 0
}

/// Address of the list head in `o`, or null when its type has none.
pub unsafe fn list_ptr(o: *mut PyObject) -> *mut *mut PyWeakReference {
    let tp = (*o).ob_type;
    if !supports_weakrefs(tp) {
        return std::ptr::null_mut();
    }
    (o as *mut u8).offset((*tp).tp_weaklistoffset) as *mut *mut PyWeakReference
}

unsafe fn get_basic_refs(head: *mut PyWeakReference) -> (*mut PyWeakReference, *mut PyWeakReference) {
    let mut r = std::ptr::null_mut();
    let mut p = std::ptr::null_mut();
    let mut head = head;
    if !head.is_null() && (*head).wr_callback.is_null() {
        if (*head).ob_base.ob_type == ref_type() {
            r = head;
            head = (*head).wr_next;
        }
        if !head.is_null() && (*head).wr_callback.is_null() && is_proxy(PyObj::borrow(&(head as *mut PyObject))) {
            p = head;
        }
    }
    (r, p)
}

unsafe fn insert_head(w: *mut PyWeakReference, list: *mut *mut PyWeakReference) {
    let next = *list;
    (*w).wr_prev = std::ptr::null_mut();
    (*w).wr_next = next;
    if !next.is_null() {
        (*next).wr_prev = w;
    }
    *list = w;
}

unsafe fn insert_after(w: *mut PyWeakReference, prev: *mut PyWeakReference) {
    (*w).wr_prev = prev;
    (*w).wr_next = (*prev).wr_next;
    if !(*prev).wr_next.is_null() {
        (*(*prev).wr_next).wr_prev = w;
    }
    (*prev).wr_next = w;
}

/// Unlinks `w` from its referent's list and marks it dead; keeps the callback.
unsafe fn clear_ref_keep_callback(w: *mut PyWeakReference) {
    let obj = (*w).wr_object;
    if !obj.is_null() && obj != none::none_ptr() {
        let list = list_ptr(obj);
        if !list.is_null() && *list == w {
            *list = (*w).wr_next;
        }
        if !(*w).wr_prev.is_null() {
            (*(*w).wr_prev).wr_next = (*w).wr_next;
        }
        if !(*w).wr_next.is_null() {
            (*(*w).wr_next).wr_prev = (*w).wr_prev;
        }
        (*w).wr_prev = std::ptr::null_mut();
        (*w).wr_next = std::ptr::null_mut();
    }
    (*w).wr_object = none::none_ptr();
}

unsafe fn clear_weakref(w: *mut PyWeakReference) {
    clear_ref_keep_callback(w);
    let cb = std::mem::replace(&mut (*w).wr_callback, std::ptr::null_mut());
    crate::objref::xdecref(cb);
}

/// The referent of a weak reference, if it is still alive.
pub fn referent(w: &PyObj) -> Option<PyObj> {
    unsafe {
        let o = (*(w.as_ptr() as *mut PyWeakReference)).wr_object;
        if o.is_null() || o == none::none_ptr() || (*o).ob_refcnt <= 0 {
            None
        } else {
            Some(PyObj::from_borrowed(o))
        }
    }
}

fn handle_callback(w: &PyObj, cb: &PyObj) {
    if let Err(e) = crate::abstract_::call1(cb, w) {
        crate::interp::write_unraisable(&e, Some(cb));
    }
}

/// Clears weak references to `o` and calls their callbacks (object dying,
/// refcount 0), as `PyObject_ClearWeakRefs`.
pub unsafe fn clear_weakrefs(o: *mut PyObject) {
    forget(o);
    let list = list_ptr(o);
    if list.is_null() || (*list).is_null() {
        return;
    }
    // Callback-less basic ref and proxy first.
    if (*(*list)).wr_callback.is_null() {
        clear_weakref(*list);
        if !(*list).is_null() && (*(*list)).wr_callback.is_null() {
            clear_weakref(*list);
        }
    }
    if (*list).is_null() {
        return;
    }
    let saved = err::take();
    let mut pending: Vec<(PyObj, PyObj)> = Vec::new();
    let mut cur = *list;
    while !cur.is_null() {
        let next = (*cur).wr_next;
        let cb = std::mem::replace(&mut (*cur).wr_callback, std::ptr::null_mut());
        let alive = (*cur).ob_base.ob_refcnt > 0;
        clear_weakref(cur);
        if !cb.is_null() {
            let cb = PyObj::from_owned(cb);
            if alive {
                pending.push((PyObj::from_borrowed(cur as *mut PyObject), cb));
            }
        }
        cur = next;
    }
    for (w, cb) in pending {
        handle_callback(&w, &cb);
    }
    if let Some(e) = saved {
        err::restore(e);
    }
}

/// Types are weakly referenceable through `tp_weaklist`.
pub unsafe fn clear_weakrefs_of_type(o: *mut PyObject) {
    clear_weakrefs(o);
}

/// `obj.__weakref__`: the first weak reference, or None.
pub unsafe fn first_weakref(o: *mut PyObject) -> PyObj {
    let list = list_ptr(o);
    if list.is_null() || (*list).is_null() {
        none::none()
    } else {
        PyObj::from_borrowed(*list as *mut PyObject)
    }
}

/// All weak references to `o`, in list order.
pub unsafe fn refs_of(o: *mut PyObject) -> Vec<*mut PyWeakReference> {
    let list = list_ptr(o);
    let mut v = Vec::new();
    if list.is_null() {
        return v;
    }
    let mut cur = *list;
    while !cur.is_null() {
        v.push(cur);
        cur = (*cur).wr_next;
    }
    v
}

/// For the cycle collector: clears every weak reference to the garbage
/// object `o` (keeping callbacks) and returns those references whose
/// callbacks should run (the ones that are not garbage themselves), each
/// with a new reference.
pub unsafe fn gc_clear_for_collection(
    o: *mut PyObject,
    is_garbage: &dyn Fn(*mut PyObject) -> bool,
) -> Vec<PyObj> {
    let mut out = Vec::new();
    let list = list_ptr(o);
    if list.is_null() {
        return out;
    }
    while !(*list).is_null() {
        let w = *list;
        clear_ref_keep_callback(w);
        if (*w).wr_callback.is_null() || is_garbage(w as *mut PyObject) {
            continue;
        }
        out.push(PyObj::from_borrowed(w as *mut PyObject));
    }
    out
}

/// Clears a weak reference that is itself garbage (its callback must not run).
pub unsafe fn gc_clear_ref(w: *mut PyObject) {
    if is_weakref(PyObj::borrow(&w)) {
        clear_ref_keep_callback(w as *mut PyWeakReference);
    }
}

/// Runs the callback of a weak reference cleared by the collector.
pub unsafe fn gc_run_callback(w: &PyObj) {
    let p = w.as_ptr() as *mut PyWeakReference;
    let cb = std::mem::replace(&mut (*p).wr_callback, std::ptr::null_mut());
    if !cb.is_null() {
        let cb = PyObj::from_owned(cb);
        handle_callback(w, &cb);
    }
}

// ------------------------------------------------------------ creation

fn cannot_create(o: &PyObj) -> err::PyErr {
    err::type_error(format!(
        "cannot create weak reference to '{}' object",
        unsafe { std::ffi::CStr::from_ptr((*o.ob_type()).tp_name).to_string_lossy() }
    ))
}

unsafe fn init_ref(w: *mut PyWeakReference, ob: *mut PyObject, cb: Option<&PyObj>) {
    (*w).hash = -1;
    (*w).wr_object = ob;
    (*w).wr_prev = std::ptr::null_mut();
    (*w).wr_next = std::ptr::null_mut();
    (*w).wr_callback = cb.map(|c| c.clone().into_ptr()).unwrap_or(std::ptr::null_mut());
    (*w).vectorcall = Some(weakref_vectorcall);
}

/// `weakref.ref(ob, callback=None)`.
pub fn new_ref(ob: &PyObj, callback: Option<&PyObj>) -> PyResult {
    unsafe {
        if !supports_weakrefs(ob.ob_type()) {
            return Err(cannot_create(ob));
        }
        let cb = callback.filter(|c| !none::is_none(c));
        let list = list_ptr(ob.as_ptr());
        let (r, _) = get_basic_refs(*list);
        if cb.is_none() && !r.is_null() {
            return Ok(PyObj::from_borrowed(r as *mut PyObject));
        }
        let w = crate::alloc::alloc_object(ref_type(), 0) as *mut PyWeakReference;
        if w.is_null() {
            return Err(err::fetch());
        }
        init_ref(w, ob.as_ptr(), cb);
        let (r, p) = get_basic_refs(*list);
        if cb.is_none() {
            insert_head(w, list);
        } else {
            let prev = if p.is_null() { r } else { p };
            if prev.is_null() { insert_head(w, list) } else { insert_after(w, prev) }
        }
        Ok(PyObj::from_owned(w as *mut PyObject))
    }
}

/// `weakref.proxy(ob, callback=None)`.
pub fn new_proxy(ob: &PyObj, callback: Option<&PyObj>) -> PyResult {
    unsafe {
        if !supports_weakrefs(ob.ob_type()) {
            return Err(cannot_create(ob));
        }
        let cb = callback.filter(|c| !none::is_none(c));
        let list = list_ptr(ob.as_ptr());
        let (_, p) = get_basic_refs(*list);
        if cb.is_none() && !p.is_null() {
            return Ok(PyObj::from_borrowed(p as *mut PyObject));
        }
        let tp = if crate::bltinmodule::is_callable(ob) { callable_proxy_type() } else { proxy_type() };
        let w = crate::alloc::alloc_object(tp, 0) as *mut PyWeakReference;
        if w.is_null() {
            return Err(err::fetch());
        }
        init_ref(w, ob.as_ptr(), cb);
        (*w).vectorcall = None;
        let (r, p) = get_basic_refs(*list);
        let prev = if cb.is_none() {
            if !p.is_null() {
                // Someone else added one meanwhile: keep the list invariant.
                let keep = PyObj::from_borrowed(p as *mut PyObject);
                drop(PyObj::from_owned(w as *mut PyObject));
                return Ok(keep);
            }
            r
        } else if p.is_null() {
            r
        } else {
            p
        };
        if prev.is_null() { insert_head(w, list) } else { insert_after(w, prev) }
        Ok(PyObj::from_owned(w as *mut PyObject))
    }
}

pub fn weakref_count(ob: &PyObj) -> usize {
    unsafe { refs_of(ob.as_ptr()).len() }
}

// ------------------------------------------------------------ ref type slots

unsafe fn wr(o: *mut PyObject) -> *mut PyWeakReference {
    o as *mut PyWeakReference
}

unsafe extern "C" fn weakref_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    clear_weakref(wr(o));
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn weakref_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let cb = (*wr(o)).wr_callback;
    if !cb.is_null() {
        return visit(cb, arg);
    }
    0
}

unsafe extern "C" fn weakref_clear(o: *mut PyObject) -> c_int {
    clear_weakref(wr(o));
    0
}

unsafe fn target(o: *mut PyObject) -> PyObj {
    let t = (*wr(o)).wr_object;
    if t.is_null() || t == none::none_ptr() || (*t).ob_refcnt <= 0 {
        none::none()
    } else {
        PyObj::from_borrowed(t)
    }
}

unsafe extern "C" fn weakref_vectorcall(
    callable: *mut PyObject,
    _args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let n = nargsf & !(1usize << (usize::BITS - 1));
    if !kwnames.is_null() && tuple::len(PyObj::borrow(&kwnames)) > 0 {
        err::restore(err::type_error("weakref() takes no keyword arguments"));
        return std::ptr::null_mut();
    }
    if n != 0 {
        err::restore(err::type_error(format!("weakref expected 0 arguments, got {}", n)));
        return std::ptr::null_mut();
    }
    target(callable).into_ptr()
}

unsafe extern "C" fn weakref_call(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    if crate::objects::methodobject::kwargs_dict(kw).is_some() {
        err::restore(err::type_error("weakref() takes no keyword arguments"));
        return std::ptr::null_mut();
    }
    let n = if args.is_null() { 0 } else { tuple::len(PyObj::borrow(&args)) };
    if n != 0 {
        err::restore(err::type_error(format!("weakref expected 0 arguments, got {}", n)));
        return std::ptr::null_mut();
    }
    target(o).into_ptr()
}

unsafe extern "C" fn weakref_hash(o: *mut PyObject) -> Py_hash_t {
    let w = wr(o);
    if (*w).hash != -1 {
        return (*w).hash;
    }
    let t = target(o);
    if none::is_none(&t) {
        err::restore(err::type_error("weak object has gone away"));
        return -1;
    }
    match crate::abstract_::hash(&t) {
        Ok(h) => {
            (*w).hash = h as Py_hash_t;
            h as Py_hash_t
        }
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

fn type_tp_name(tp: *mut PyTypeObject) -> String {
    unsafe {
        if crate::typeobj::is_heap(tp) {
            return crate::typeobj::type_name(tp);
        }
        std::ffi::CStr::from_ptr((*tp).tp_name).to_string_lossy().into_owned()
    }
}

unsafe extern "C" fn weakref_repr(o: *mut PyObject) -> *mut PyObject {
    let t = target(o);
    if none::is_none(&t) {
        return unicode::new(&format!("<weakref at {:#x}; dead>", o as usize)).into_ptr();
    }
    let name = match crate::abstract_::getattr_str_opt(&t, "__name__") {
        Ok(n) => n.filter(|n| unicode::is_str(n)),
        Err(e) => {
            err::restore(e);
            return std::ptr::null_mut();
        }
    };
    let base = format!(
        "<weakref at {:#x}; to '{}' at {:#x}",
        o as usize,
        type_tp_name(t.ob_type()),
        t.as_ptr() as usize
    );
    let s = match name {
        Some(n) => format!("{} ({})>", base, unicode::to_string_lossy(&n)),
        None => format!("{}>", base),
    };
    unicode::new(&s).into_ptr()
}

unsafe extern "C" fn weakref_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let ao = PyObj::borrow(&a);
    let bo = PyObj::borrow(&b);
    if (op != PY_EQ && op != PY_NE) || !is_ref(ao) || !is_ref(bo) {
        return none::not_implemented().into_ptr();
    }
    let ta = target(a);
    let tb = target(b);
    if none::is_none(&ta) || none::is_none(&tb) {
        let same = a == b;
        return boolobject::new(if op == PY_NE { !same } else { same }).into_ptr();
    }
    err::into_ptr(crate::abstract_::rich_compare(&ta, &tb, op))
}

fn parse_init_args(fname: &str, args: *mut PyObject) -> PyResult<(PyObj, Option<PyObj>)> {
    let items: Vec<PyObj> = if args.is_null() { Vec::new() } else { tuple::items(unsafe { PyObj::borrow(&args) }).to_vec() };
    if items.is_empty() {
        return Err(err::type_error(format!("{} expected at least 1 argument, got 0", fname)));
    }
    if items.len() > 2 {
        return Err(err::type_error(format!("{} expected at most 2 arguments, got {}", fname, items.len())));
    }
    Ok((items[0].clone(), items.get(1).cloned()))
}

unsafe extern "C" fn weakref_new(tp: *mut PyTypeObject, args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult {
        let (ob, cb) = parse_init_args("__new__", args)?;
        if tp == ref_type() {
            return new_ref(&ob, cb.as_ref());
        }
        if !supports_weakrefs(ob.ob_type()) {
            return Err(cannot_create(&ob));
        }
        let cb = cb.filter(|c| !none::is_none(c));
        let o = crate::typeobj::alloc_instance(tp);
        if o.is_null() {
            return Err(err::fetch());
        }
        let w = o as *mut PyWeakReference;
        init_ref(w, ob.as_ptr(), cb.as_ref());
        let list = list_ptr(ob.as_ptr());
        let (r, p) = get_basic_refs(*list);
        let prev = if p.is_null() { r } else { p };
        if prev.is_null() { insert_head(w, list) } else { insert_after(w, prev) }
        Ok(PyObj::from_owned(o))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn weakref_init(_o: *mut PyObject, args: *mut PyObject, _kw: *mut PyObject) -> c_int {
    match parse_init_args("__init__", args) {
        Ok(_) => 0,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn get_callback(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let cb = (*wr(o)).wr_callback;
    if cb.is_null() { none::none().into_ptr() } else { PyObj::from_borrowed(cb).into_ptr() }
}

crate::onearg!(ref_class_getitem, |cls, item| {
    let types = crate::import::import_module("types", None)?;
    let ga = crate::abstract_::getattr_str(&types, "GenericAlias")?;
    crate::abstract_::call(&ga, &[cls.clone(), item.unwrap().clone()], None)
});

// ------------------------------------------------------------ proxies

fn dead() -> err::PyErr {
    err::new(unsafe { crate::objects::exceptions::PyExc_ReferenceError }, "weakly-referenced object no longer exists")
}

unsafe fn live(o: *mut PyObject) -> PyResult {
    let t = target(o);
    if none::is_none(&t) {
        return Err(dead());
    }
    Ok(t)
}

/// The referent when `o` is a proxy, else `o` itself.
unsafe fn unwrap(o: *mut PyObject) -> PyResult {
    let ob = PyObj::borrow(&o);
    if is_proxy(ob) {
        live(o)
    } else {
        Ok(ob.clone())
    }
}

unsafe extern "C" fn proxy_getattr(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    err::into_ptr(live(o).and_then(|t| crate::abstract_::getattr(&t, PyObj::borrow(&name))))
}

unsafe extern "C" fn proxy_setattr(o: *mut PyObject, name: *mut PyObject, v: *mut PyObject) -> c_int {
    let r = live(o).and_then(|t| {
        let v = if v.is_null() { None } else { Some(PyObj::borrow(&v)) };
        crate::abstract_::setattr(&t, PyObj::borrow(&name), v)
    });
    err::int_result(r)
}

unsafe extern "C" fn proxy_repr(o: *mut PyObject) -> *mut PyObject {
    let t = target(o);
    unicode::new(&format!(
        "<weakproxy at {:#x}; to '{}' at {:#x}>",
        o as usize,
        type_tp_name(t.ob_type()),
        t.as_ptr() as usize
    ))
    .into_ptr()
}

unsafe extern "C" fn proxy_str(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(live(o).and_then(|t| crate::abstract_::str(&t)))
}

unsafe extern "C" fn proxy_hash(o: *mut PyObject) -> Py_hash_t {
    err::restore(err::type_error(format!("unhashable type: '{}'", type_tp_name((*o).ob_type))));
    -1
}

unsafe extern "C" fn proxy_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let r = (|| {
        let x = unwrap(a)?;
        let y = unwrap(b)?;
        crate::abstract_::rich_compare(&x, &y, op)
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn proxy_call(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let r = live(o).and_then(|t| {
        let kw = if kw.is_null() { None } else { Some(PyObj::borrow(&kw)) };
        crate::abstract_::call_tuple_dict(&t, PyObj::borrow(&args), kw)
    });
    err::into_ptr(r)
}

unsafe extern "C" fn proxy_iter(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(live(o).and_then(|t| crate::abstract_::get_iter(&t)))
}

unsafe extern "C" fn proxy_iternext(o: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<Option<PyObj>> {
        let t = live(o)?;
        if (*t.ob_type()).tp_iternext.is_none() {
            return Err(err::type_error(format!(
                "Weakref proxy referenced a non-iterator '{}' object",
                crate::typeobj::type_name(t.ob_type())
            )));
        }
        crate::abstract_::next(&t)
    })();
    match r {
        Ok(Some(v)) => v.into_ptr(),
        Ok(None) => std::ptr::null_mut(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn proxy_bool(o: *mut PyObject) -> c_int {
    match live(o).and_then(|t| crate::abstract_::is_true(&t)) {
        Ok(b) => b as c_int,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn proxy_len(o: *mut PyObject) -> Py_ssize_t {
    match live(o).and_then(|t| crate::abstract_::len(&t)) {
        Ok(n) => n as Py_ssize_t,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn proxy_contains(o: *mut PyObject, v: *mut PyObject) -> c_int {
    match live(o).and_then(|t| crate::abstract_::contains(&t, PyObj::borrow(&v))) {
        Ok(b) => b as c_int,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn proxy_getitem(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    err::into_ptr(live(o).and_then(|t| crate::abstract_::getitem(&t, PyObj::borrow(&k))))
}

unsafe extern "C" fn proxy_setitem(o: *mut PyObject, k: *mut PyObject, v: *mut PyObject) -> c_int {
    let r = live(o).and_then(|t| {
        let v = if v.is_null() { None } else { Some(PyObj::borrow(&v)) };
        crate::abstract_::setitem(&t, PyObj::borrow(&k), v)
    });
    err::int_result(r)
}

macro_rules! proxy_binop {
    ($($name:ident => $op:expr;)*) => {$(
        unsafe extern "C" fn $name(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
            let r = (|| {
                let x = unwrap(a)?;
                let y = unwrap(b)?;
                crate::abstract_::binary_op(&x, &y, $op)
            })();
            err::into_ptr(r)
        }
    )*};
}

use crate::bytecode as bc;
proxy_binop! {
    proxy_add => bc::NB_ADD;
    proxy_sub => bc::NB_SUBTRACT;
    proxy_mul => bc::NB_MULTIPLY;
    proxy_mod => bc::NB_REMAINDER;
    proxy_lshift => bc::NB_LSHIFT;
    proxy_rshift => bc::NB_RSHIFT;
    proxy_and => bc::NB_AND;
    proxy_xor => bc::NB_XOR;
    proxy_or => bc::NB_OR;
    proxy_floordiv => bc::NB_FLOOR_DIVIDE;
    proxy_truediv => bc::NB_TRUE_DIVIDE;
    proxy_matmul => bc::NB_MATRIX_MULTIPLY;
    proxy_iadd => bc::NB_ADD + bc::NB_INPLACE_OFFSET;
    proxy_isub => bc::NB_SUBTRACT + bc::NB_INPLACE_OFFSET;
    proxy_imul => bc::NB_MULTIPLY + bc::NB_INPLACE_OFFSET;
    proxy_imod => bc::NB_REMAINDER + bc::NB_INPLACE_OFFSET;
    proxy_ilshift => bc::NB_LSHIFT + bc::NB_INPLACE_OFFSET;
    proxy_irshift => bc::NB_RSHIFT + bc::NB_INPLACE_OFFSET;
    proxy_iand => bc::NB_AND + bc::NB_INPLACE_OFFSET;
    proxy_ixor => bc::NB_XOR + bc::NB_INPLACE_OFFSET;
    proxy_ior => bc::NB_OR + bc::NB_INPLACE_OFFSET;
    proxy_ifloordiv => bc::NB_FLOOR_DIVIDE + bc::NB_INPLACE_OFFSET;
    proxy_itruediv => bc::NB_TRUE_DIVIDE + bc::NB_INPLACE_OFFSET;
    proxy_imatmul => bc::NB_MATRIX_MULTIPLY + bc::NB_INPLACE_OFFSET;
}

unsafe extern "C" fn proxy_divmod(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    err::into_ptr((|| crate::abstract_::divmod(&unwrap(a)?, &unwrap(b)?))())
}

unsafe extern "C" fn proxy_pow(a: *mut PyObject, b: *mut PyObject, c: *mut PyObject) -> *mut PyObject {
    err::into_ptr((|| crate::abstract_::power(&unwrap(a)?, &unwrap(b)?, &unwrap(c)?))())
}

macro_rules! proxy_unary {
    ($($name:ident => $m:literal;)*) => {$(
        unsafe extern "C" fn $name(o: *mut PyObject) -> *mut PyObject {
            err::into_ptr(live(o).and_then(|t| crate::abstract_::call_method(&t, $m, &[])))
        }
    )*};
}

proxy_unary! {
    proxy_neg => "__neg__";
    proxy_pos => "__pos__";
    proxy_abs => "__abs__";
    proxy_invert => "__invert__";
    proxy_int => "__int__";
    proxy_float => "__float__";
    proxy_index => "__index__";
}

crate::onearg!(proxy_bytes, |slf, a| {
    let t = unsafe { live(slf.as_ptr())? };
    crate::abstract_::call_method(&t, "__bytes__", &[])
});

crate::onearg!(proxy_reversed, |slf, a| {
    let t = unsafe { live(slf.as_ptr())? };
    crate::abstract_::call_method(&t, "__reversed__", &[])
});

static mut PROXY_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;
static mut PROXY_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut PROXY_MAPPING: PyMappingMethods = EMPTY_MAPPING_METHODS;

unsafe fn init_proxy_tables() {
    let n = &raw mut PROXY_NUMBER;
    (*n).nb_add = Some(proxy_add);
    (*n).nb_subtract = Some(proxy_sub);
    (*n).nb_multiply = Some(proxy_mul);
    (*n).nb_remainder = Some(proxy_mod);
    (*n).nb_divmod = Some(proxy_divmod);
    (*n).nb_power = Some(proxy_pow);
    (*n).nb_negative = Some(proxy_neg);
    (*n).nb_positive = Some(proxy_pos);
    (*n).nb_absolute = Some(proxy_abs);
    (*n).nb_bool = Some(proxy_bool);
    (*n).nb_invert = Some(proxy_invert);
    (*n).nb_lshift = Some(proxy_lshift);
    (*n).nb_rshift = Some(proxy_rshift);
    (*n).nb_and = Some(proxy_and);
    (*n).nb_xor = Some(proxy_xor);
    (*n).nb_or = Some(proxy_or);
    (*n).nb_int = Some(proxy_int);
    (*n).nb_float = Some(proxy_float);
    (*n).nb_inplace_add = Some(proxy_iadd);
    (*n).nb_inplace_subtract = Some(proxy_isub);
    (*n).nb_inplace_multiply = Some(proxy_imul);
    (*n).nb_inplace_remainder = Some(proxy_imod);
    (*n).nb_inplace_lshift = Some(proxy_ilshift);
    (*n).nb_inplace_rshift = Some(proxy_irshift);
    (*n).nb_inplace_and = Some(proxy_iand);
    (*n).nb_inplace_xor = Some(proxy_ixor);
    (*n).nb_inplace_or = Some(proxy_ior);
    (*n).nb_floor_divide = Some(proxy_floordiv);
    (*n).nb_true_divide = Some(proxy_truediv);
    (*n).nb_inplace_floor_divide = Some(proxy_ifloordiv);
    (*n).nb_inplace_true_divide = Some(proxy_itruediv);
    (*n).nb_index = Some(proxy_index);
    (*n).nb_matrix_multiply = Some(proxy_matmul);
    (*n).nb_inplace_matrix_multiply = Some(proxy_imatmul);
    let s = &raw mut PROXY_SEQUENCE;
    (*s).sq_contains = Some(proxy_contains);
    let m = &raw mut PROXY_MAPPING;
    (*m).mp_length = Some(proxy_len);
    (*m).mp_subscript = Some(proxy_getitem);
    (*m).mp_ass_subscript = Some(proxy_setitem);
}

// ------------------------------------------------------------ modules


crate::fastcall!(mod_proxy, |slf, args| {
    crate::objects::methodobject::check_nargs("proxy", args, 1, 2)?;
    new_proxy(&args[0], args.get(1))
});

crate::onearg!(mod_getweakrefcount, |slf, o| { Ok(long::from_usize(weakref_count(o.unwrap()))) });

crate::onearg!(mod_getweakrefs, |slf, o| {
    let o = o.unwrap();
    let v = unsafe { refs_of(o.as_ptr()) };
    Ok(list::new(v.into_iter().map(|w| unsafe { PyObj::from_borrowed(w as *mut PyObject) }).collect()))
});

crate::fastcall!(mod_remove_dead_weakref, |slf, args| {
    crate::objects::methodobject::check_nargs("_remove_dead_weakref", args, 2, 2)?;
    let d = &args[0];
    let key = &args[1];
    if !crate::objects::dict::is_dict(d) {
        return Err(err::type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            crate::typeobj::type_name(d.ob_type())
        )));
    }
    if let Some(v) = crate::objects::dict::get_item(d, key)? {
        if !is_weakref(&v) {
            return Err(err::type_error("not a weakref"));
        }
        if referent(&v).is_none() {
            crate::objects::dict::del_item(d, key)?;
        }
    }
    Ok(none::none())
});

fn fill_module(m: &PyObj) -> PyResult<()> {
    crate::sysmodule::add_functions(m, &[
        ("proxy", mod_proxy as *const c_void, meth::FASTCALL),
        ("getweakrefcount", mod_getweakrefcount as *const c_void, meth::O),
        ("getweakrefs", mod_getweakrefs as *const c_void, meth::O),
        ("_remove_dead_weakref", mod_remove_dead_weakref as *const c_void, meth::FASTCALL),
    ]);
    let t = |tp: *mut PyTypeObject| crate::typeobj::type_obj(tp);
    crate::abstract_::setattr_str(m, "ref", t(ref_type()))?;
    crate::abstract_::setattr_str(m, "ReferenceType", t(ref_type()))?;
    crate::abstract_::setattr_str(m, "ProxyType", t(proxy_type()))?;
    crate::abstract_::setattr_str(m, "CallableProxyType", t(callable_proxy_type()))?;
    Ok(())
}

/// The `_weakref` built-in module.
pub fn weakref_module() -> PyResult {
    let m = crate::objects::module::new("_weakref");
    fill_module(&m)?;
    Ok(m)
}

/// Registers `_weakref` as a built-in (`weakref` is CPython's Lib/weakref.py).
pub fn register() {
    crate::import::register_builtin("_weakref", weakref_module);
}

// ------------------------------------------------------------ types

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![ref_type(), proxy_type(), callable_proxy_type()]
}

pub unsafe fn init_types() {
    use crate::objects::descr::{set_getsets, set_methods};
    let t = ref_type();
    (*t).tp_flags |= flags::HAVE_GC | flags::BASETYPE | flags::HAVE_VECTORCALL;
    (*t).tp_dealloc = Some(weakref_dealloc);
    (*t).tp_traverse = Some(weakref_traverse);
    (*t).tp_clear = Some(weakref_clear);
    (*t).tp_call = Some(weakref_call);
    (*t).tp_vectorcall_offset = std::mem::offset_of!(PyWeakReference, vectorcall) as isize;
    (*t).tp_hash = Some(weakref_hash);
    (*t).tp_repr = Some(weakref_repr);
    (*t).tp_richcompare = Some(weakref_richcompare);
    (*t).tp_new = Some(weakref_new);
    (*t).tp_init = Some(weakref_init);
    set_getsets(t, &[("__callback__", get_callback as *const c_void, std::ptr::null())]);
    set_methods(t, &[("__class_getitem__", ref_class_getitem as *const c_void, meth::O | meth::CLASS, "")]);

    init_proxy_tables();
    for p in [proxy_type(), callable_proxy_type()] {
        (*p).tp_flags |= flags::HAVE_GC;
        (*p).tp_dealloc = Some(weakref_dealloc);
        (*p).tp_traverse = Some(weakref_traverse);
        (*p).tp_clear = Some(weakref_clear);
        (*p).tp_getattro = Some(proxy_getattr);
        (*p).tp_setattro = Some(proxy_setattr);
        (*p).tp_repr = Some(proxy_repr);
        (*p).tp_str = Some(proxy_str);
        (*p).tp_hash = Some(proxy_hash);
        (*p).tp_richcompare = Some(proxy_richcompare);
        (*p).tp_iter = Some(proxy_iter);
        (*p).tp_iternext = Some(proxy_iternext);
        (*p).tp_as_number = &raw mut PROXY_NUMBER;
        (*p).tp_as_sequence = &raw mut PROXY_SEQUENCE;
        (*p).tp_as_mapping = &raw mut PROXY_MAPPING;
        set_methods(p, &[
            ("__bytes__", proxy_bytes as *const c_void, meth::NOARGS, ""),
            ("__reversed__", proxy_reversed as *const c_void, meth::NOARGS, ""),
        ]);
    }
    (*callable_proxy_type()).tp_call = Some(proxy_call);
}
