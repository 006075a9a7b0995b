//! `_functools`: what Lib/functools.py takes from C — `reduce`,
//! `cmp_to_key` (the `functools.KeyWrapper` type), `partial` (flattening of
//! nested partials, vectorcall, pickling) and `_lru_cache_wrapper` (the
//! uncached, unbounded and bounded LRU variants, with CPython's key rules).

use crate::itertools::Args;
use crate::native::{self, native_type, NState, TypeOpts};
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::bltinmodule::is_callable;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::methodobject::check_nargs;
use vm::objects::{dict, long, module, none, tuple, unicode};
use vm::objref::PyObj;

native_type!(KEY_TYPE, "functools.KeyWrapper");
native_type!(LRU_TYPE, "functools._lru_cache_wrapper");

unsafe fn args_of(args: *mut PyObject, kw: *mut PyObject) -> (PyObj, Option<PyObj>) {
    let a = if args.is_null() { tuple::empty() } else { PyObj::borrow(&args).clone() };
    let k = if kw.is_null() { None } else { Some(PyObj::borrow(&kw).clone()) };
    (a, k)
}

fn concat_tuples(a: &PyObj, b: &[PyObj]) -> PyObj {
    if b.is_empty() {
        return a.clone();
    }
    let mut v = tuple::items(a).to_vec();
    v.extend_from_slice(b);
    tuple::new(v)
}

// ---------------------------------------------------------------- reduce

vm::fastcall!(functools_reduce, |m, args| {
    check_nargs("reduce", args, 2, 3)?;
    let it = ab::get_iter(&args[1]).map_err(|e| {
        if e.matches(unsafe { vm::objects::exceptions::PyExc_TypeError }) {
            err::type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc = args.get(2).cloned();
    while let Some(item) = ab::next(&it)? {
        acc = Some(match acc {
            None => item,
            Some(a) => ab::call(&args[0], &[a, item], None)?,
        });
    }
    acc.ok_or_else(|| err::type_error("reduce() of empty iterable with no initial value"))
});

// ---------------------------------------------------------------- cmp_to_key

pub struct Key {
    cmp: PyObj,
    obj: Option<PyObj>,
}

impl NState for Key {
    fn tp() -> *mut PyTypeObject {
        &raw mut KEY_TYPE
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        out.push(self.cmp.as_ptr());
        native::push(out, &self.obj);
    }
}

vm::fastcall_kw!(functools_cmp_to_key, |m, args, kw| {
    let a = crate::bisectmodule::fast_args(args, kw).bind("cmp_to_key", &["mycmp"], 1, 1)?;
    let cmp = a[0].clone().ok_or_else(|| err::system_error("cmp_to_key: no argument"))?;
    native::new_obj(Key::tp(), Key { cmp, obj: None })
});

unsafe extern "C" fn key_call(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret((|| {
        let (a, k) = args_of(args, kw);
        let pos = tuple::items(&a).to_vec();
        let kwv = k.map(|d| dict::items_vec(&d).into_iter().map(|(k, v)| (unicode::to_string_lossy(&k), v)).collect()).unwrap_or_default();
        let b = Args { pos, kw: kwv }.bind("K", &["obj"], 1, 1)?;
        let cmp = native::state::<Key>(slf).map(|s| s.cmp.clone()).ok_or_else(|| err::system_error("K: cleared"))?;
        native::new_obj(Key::tp(), Key { cmp, obj: b[0].clone() })
    })())
}

unsafe extern "C" fn key_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    let (a, b) = (PyObj::borrow(&v), PyObj::borrow(&w));
    native::ret((|| {
        if !native::is_instance::<Key>(b) || (*b.ob_type()).tp_richcompare.map(|f| f as *const ()) != Some(key_richcompare as *const ()) {
            return Err(err::type_error("other argument must be K instance"));
        }
        let (Some(sa), Some(sb)) = (native::state::<Key>(a), native::state::<Key>(b)) else {
            return Err(err::attribute_error("object"));
        };
        let (Some(x), Some(y)) = (sa.obj.clone(), sb.obj.clone()) else {
            return Err(err::attribute_error("object"));
        };
        let cmp = sa.cmp.clone();
        let r = ab::call(&cmp, &[x, y], None)?;
        ab::rich_compare(&r, &long::from_i64(0), op)
    })())
}

unsafe extern "C" fn key_get_obj(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    match native::state::<Key>(slf).and_then(|s| s.obj.clone()) {
        Some(v) => v.into_ptr(),
        None => {
            err::restore(err::attribute_error("obj"));
            std::ptr::null_mut()
        }
    }
}

// ---------------------------------------------------------------- partial

/// CPython's `partialobject` layout (func, args and keywords are member
/// descriptors over these fields).
#[repr(C)]
pub struct PartialObject {
    pub ob_base: PyObject,
    pub fn_: *mut PyObject,
    pub args: *mut PyObject,
    pub kw: *mut PyObject,
    pub dict: *mut PyObject,
    pub weakreflist: *mut PyObject,
    pub vectorcall: Option<vectorcallfunc>,
}

pub static mut PARTIAL_TYPE: PyTypeObject =
    PyTypeObject::empty(b"functools.partial\0", std::mem::size_of::<PartialObject>(), 0);

fn partial_tp() -> *mut PyTypeObject {
    &raw mut PARTIAL_TYPE
}

unsafe fn praw(o: &PyObj) -> *mut PartialObject {
    o.as_ptr() as *mut PartialObject
}

fn partial_state(o: &PyObj) -> PyResult<(PyObj, PyObj, PyObj)> {
    unsafe {
        let p = praw(o);
        if (*p).fn_.is_null() || (*p).args.is_null() || (*p).kw.is_null() {
            return Err(err::system_error("partial object is not initialized"));
        }
        Ok((PyObj::from_borrowed((*p).fn_), PyObj::from_borrowed((*p).args), PyObj::from_borrowed((*p).kw)))
    }
}

/// Stores new contents, releasing the old ones after the swap.
unsafe fn partial_set(o: &PyObj, func: PyObj, args: PyObj, kw: PyObj) {
    let p = praw(o);
    let old = [
        std::mem::replace(&mut (*p).fn_, func.into_ptr()),
        std::mem::replace(&mut (*p).args, args.into_ptr()),
        std::mem::replace(&mut (*p).kw, kw.into_ptr()),
    ];
    for x in old {
        vm::objref::xdecref(x);
    }
}

unsafe extern "C" fn partial_clear(o: *mut PyObject) -> c_int {
    let p = o as *mut PartialObject;
    for f in [&mut (*p).fn_, &mut (*p).args, &mut (*p).kw, &mut (*p).dict] {
        let old = std::mem::replace(f, std::ptr::null_mut());
        vm::objref::xdecref(old);
    }
    0
}

unsafe extern "C" fn partial_dealloc(o: *mut PyObject) {
    vm::gc::untrack(o);
    vm::objects::weakref::clear_weakrefs(o);
    partial_clear(o);
    vm::alloc::tp_free(o);
}

unsafe extern "C" fn partial_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = o as *mut PartialObject;
    for q in [(*p).fn_, (*p).args, (*p).kw, (*p).dict] {
        if !q.is_null() {
            let r = visit(q, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// The instance dict of a native object, if it exists and is non-empty.
fn own_dict(o: &PyObj) -> Option<PyObj> {
    unsafe {
        let dp = vm::typeobj::dict_ptr(o.as_ptr());
        if dp.is_null() || (*dp).is_null() {
            return None;
        }
        let d = PyObj::borrow(&*dp).clone();
        if dict::len(&d) == 0 {
            None
        } else {
            Some(d)
        }
    }
}

unsafe extern "C" fn partial_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    native::ret((|| {
        let (a, k) = args_of(args, kw);
        let items = tuple::items(&a);
        if items.is_empty() {
            return Err(err::type_error("type 'partial' takes at least one argument"));
        }
        let mut func = items[0].clone();
        let mut pargs: Option<PyObj> = None;
        let mut pkw: Option<PyObj> = None;
        // A partial of a plain partial (no instance attributes) is flattened.
        if (*func.ob_type()).tp_call.map(|f| f as *const ()) == Some(partial_call as *const ())
            && own_dict(&func).is_none()
        {
            if let Ok((f, a, k)) = partial_state(&func) {
                pargs = Some(a);
                pkw = Some(k);
                func = f;
            }
        }
        if !is_callable(&func) {
            return Err(err::type_error("the first argument must be callable"));
        }
        let new_args = match &pargs {
            Some(p) => concat_tuples(p, &items[1..]),
            None => tuple::from_slice(&items[1..]),
        };
        let new_kw = match pkw.filter(|d| dict::len(d) > 0) {
            None => match &k {
                Some(d) => dict::copy(d),
                None => dict::new(),
            },
            Some(p) => {
                let d = dict::copy(&p);
                if let Some(kd) = &k {
                    dict::merge_from_dict(&d, kd, true)?;
                }
                d
            }
        };
        let o = vm::typeobj::alloc_instance(tp);
        if o.is_null() {
            return Err(err::fetch());
        }
        let o = PyObj::from_owned(o);
        partial_set(&o, func, new_args, new_kw);
        (*praw(&o)).vectorcall = Some(partial_vectorcall);
        Ok(o)
    })())
}

unsafe extern "C" fn partial_vectorcall(
    o: *mut PyObject,
    a: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret((|| {
        let n = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
        let kwn = if kwnames.is_null() { None } else { Some(PyObj::borrow(&kwnames)) };
        let nk = kwn.map(tuple::len).unwrap_or(0);
        let args = PyObj::slice(a, n + nk);
        let (func, pargs, pkw) = partial_state(slf)?;
        if dict::len(&pkw) == 0 {
            let pa = tuple::items(&pargs);
            if pa.is_empty() {
                return ab::call(&func, args, kwn);
            }
            let mut v = Vec::with_capacity(pa.len() + args.len());
            v.extend_from_slice(pa);
            v.extend_from_slice(args);
            return ab::call(&func, &v, kwn);
        }
        let (t, d) = ab::args_to_tuple_dict(args, kwn);
        call_merged(&func, &pargs, &pkw, &t, d.as_ref())
    })())
}

fn call_merged(func: &PyObj, pargs: &PyObj, pkw: &PyObj, args: &PyObj, kw: Option<&PyObj>) -> PyResult {
    let all = concat_tuples(pargs, tuple::items(args));
    let kwd = match kw.filter(|d| dict::len(d) > 0) {
        None => pkw.clone(),
        Some(k) => {
            let d = dict::copy(pkw);
            dict::merge_from_dict(&d, k, true)?;
            d
        }
    };
    let kwo = if dict::len(&kwd) == 0 { None } else { Some(kwd) };
    ab::call_tuple_dict(func, &all, kwo.as_ref())
}

unsafe extern "C" fn partial_call(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret((|| {
        let (a, k) = args_of(args, kw);
        let (func, pargs, pkw) = partial_state(slf)?;
        call_merged(&func, &pargs, &pkw, &a, k.as_ref())
    })())
}

unsafe extern "C" fn partial_repr(o: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret((|| {
        if ab::repr_enter(slf) {
            return Ok(unicode::new("..."));
        }
        let r = (|| -> PyResult<String> {
            let (func, pargs, pkw) = partial_state(slf)?;
            let mut s = format!("{}({}", native::tp_name(slf.ob_type()), ab::repr_string(&func)?);
            for a in tuple::items(&pargs).to_vec() {
                s.push_str(", ");
                s.push_str(&ab::repr_string(&a)?);
            }
            for (k, v) in dict::items_vec(&pkw) {
                s.push_str(", ");
                s.push_str(&ab::str_string(&k)?);
                s.push('=');
                s.push_str(&ab::repr_string(&v)?);
            }
            s.push(')');
            Ok(s)
        })();
        ab::repr_leave(slf);
        Ok(unicode::new(&r?))
    })())
}

vm::onearg!(partial_reduce, |slf, _a| {
    let (func, pargs, pkw) = partial_state(slf)?;
    let kw = pkw;
    let d = own_dict(slf).unwrap_or_else(none::none);
    Ok(tuple::new(vec![
        slf.type_obj(),
        tuple::new(vec![func.clone()]),
        tuple::new(vec![func, pargs, kw, d]),
    ]))
});

vm::onearg!(partial_setstate, |slf, state| {
    let state = state.unwrap();
    if !tuple::is_tuple(state) || tuple::len(state) != 4 {
        return Err(err::type_error("invalid partial state"));
    }
    let items = tuple::items(state);
    let (func, fargs, kw, d) = (&items[0], &items[1], &items[2], &items[3]);
    if !is_callable(func) || !tuple::is_tuple(fargs) || (!none::is_none(kw) && !dict::is_dict(kw)) {
        return Err(err::type_error("invalid partial state"));
    }
    let args = if tuple::is_exact_tuple(fargs) { fargs.clone() } else { tuple::from_slice(tuple::items(fargs)) };
    let kw = if none::is_none(kw) {
        dict::new()
    } else if dict::is_exact_dict(kw) {
        kw.clone()
    } else {
        dict::copy(kw)
    };
    unsafe { partial_set(slf, func.clone(), args, kw) };
    unsafe {
        let dp = vm::typeobj::dict_ptr(slf.as_ptr());
        if !dp.is_null() {
            let new = if none::is_none(d) { std::ptr::null_mut() } else { d.clone().into_ptr() };
            let old = std::mem::replace(&mut *dp, new);
            vm::objref::xdecref(old);
        }
    }
    Ok(none::none())
});



vm::onearg!(class_getitem, |cls, a| { vm::objects::unionobject::generic_alias(cls, a.unwrap()) });

// ---------------------------------------------------------------- _lru_cache_wrapper

struct Link {
    key: PyObj,
    result: PyObj,
    prev: usize,
    next: usize,
}

/// The cache variant, chosen from `maxsize` at construction.
enum Kind {
    Uncached,
    Infinite,
    /// A doubly linked list of links in `links` (index 0 is the root
    /// sentinel), most recent before the root; the dict maps key -> index.
    Bounded { maxsize: usize, links: Vec<Option<Link>> },
}

pub struct Lru {
    func: PyObj,
    cache: PyObj,
    cache_info_type: PyObj,
    kwd_mark: PyObj,
    typed: bool,
    kind: Kind,
    hits: u64,
    misses: u64,
}

impl NState for Lru {
    fn tp() -> *mut PyTypeObject {
        &raw mut LRU_TYPE
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        out.push(self.func.as_ptr());
        out.push(self.cache.as_ptr());
        out.push(self.cache_info_type.as_ptr());
        out.push(self.kwd_mark.as_ptr());
        if let Kind::Bounded { links, .. } = &self.kind {
            for l in links.iter().flatten() {
                out.push(l.key.as_ptr());
                out.push(l.result.as_ptr());
            }
        }
    }
}

fn lru(o: &PyObj) -> PyResult<&mut Lru> {
    native::state::<Lru>(o).ok_or_else(|| err::system_error("lru_cache wrapper is not initialized"))
}

unsafe extern "C" fn lru_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    native::ret((|| {
        let (a, k) = args_of(args, kw);
        let kwv = k.map(|d| dict::items_vec(&d).into_iter().map(|(k, v)| (unicode::to_string_lossy(&k), v)).collect()).unwrap_or_default();
        let b = Args { pos: tuple::items(&a).to_vec(), kw: kwv }
            .bind("lru_cache", &["user_function", "maxsize", "typed", "cache_info_type"], 4, 4)?;
        let get = |i: usize| b[i].clone().ok_or_else(|| err::system_error("lru_cache: missing argument"));
        let (func, maxsize, typed, info) = (get(0)?, get(1)?, get(2)?, get(3)?);
        if !is_callable(&func) {
            return Err(err::type_error("the first argument must be callable"));
        }
        let typed = ab::is_true(&typed)?;
        let kind = if none::is_none(&maxsize) {
            Kind::Infinite
        } else if ab::has_index(&maxsize) {
            let n = ab::index_to_ssize(&maxsize, Some(vm::objects::exceptions::PyExc_OverflowError))?;
            if n <= 0 {
                Kind::Uncached
            } else {
                Kind::Bounded { maxsize: n as usize, links: vec![None] }
            }
        } else {
            return Err(err::type_error("maxsize should be integer or None"));
        };
        let kwd_mark = ab::call0(&vm::typeobj::type_obj(vm::typeobj::object_type()))?;
        let s = Lru { func, cache: dict::new(), cache_info_type: info, kwd_mark, typed, kind, hits: 0, misses: 0 };
        native::new_obj(tp, s)
    })())
}

/// CPython's key: a lone exact int/str argument is its own key; otherwise a
/// tuple of the arguments, a marker, the keyword items and, when typed, the types.
fn make_key(s: &Lru, args: &PyObj, kw: Option<&PyObj>) -> PyObj {
    let a = tuple::items(args);
    let kwitems = kw.map(dict::items_vec).unwrap_or_default();
    if kwitems.is_empty() && !s.typed && a.len() == 1 {
        let x = &a[0];
        if long::is_exact_int(x) || unicode::is_exact_str(x) {
            return x.clone();
        }
    }
    let mut v: Vec<PyObj> = a.to_vec();
    if !kwitems.is_empty() {
        v.push(s.kwd_mark.clone());
        for (k, val) in &kwitems {
            v.push(k.clone());
            v.push(val.clone());
        }
    }
    if s.typed {
        for x in a {
            v.push(x.type_obj());
        }
        for (_, val) in &kwitems {
            v.push(val.type_obj());
        }
    }
    tuple::new(v)
}

fn link_mut(links: &mut [Option<Link>], i: usize) -> PyResult<&mut Link> {
    links.get_mut(i).and_then(|l| l.as_mut()).ok_or_else(|| err::system_error("lru_cache: broken link"))
}

/// Unlinks `i` and relinks it as the most recent (just before the root).
fn move_to_front(links: &mut [Option<Link>], i: usize) -> PyResult<()> {
    let (p, n) = {
        let l = link_mut(links, i)?;
        (l.prev, l.next)
    };
    link_mut(links, p)?.next = n;
    link_mut(links, n)?.prev = p;
    let last = link_mut(links, 0)?.prev;
    {
        let l = link_mut(links, i)?;
        l.prev = last;
        l.next = 0;
    }
    link_mut(links, last)?.next = i;
    link_mut(links, 0)?.prev = i;
    Ok(())
}

fn lru_call_impl(slf: &PyObj, args: &PyObj, kw: Option<&PyObj>) -> PyResult {
    let s = lru(slf)?;
    let func = s.func.clone();
    if let Kind::Uncached = s.kind {
        s.misses += 1;
        return ab::call_tuple_dict(&func, args, kw);
    }
    let key = make_key(s, args, kw);
    let cache = s.cache.clone();
    let hash = ab::hash(&key)?;
    let found = dict::get_item_hashed(&cache, &key, hash)?;
    let s = lru(slf)?;
    match &mut s.kind {
        Kind::Infinite => {
            if let Some(r) = found {
                s.hits += 1;
                return Ok(r);
            }
            s.misses += 1;
            let r = ab::call_tuple_dict(&func, args, kw)?;
            dict::set_item_hashed(&cache, key, r.clone(), hash)?;
            Ok(r)
        }
        Kind::Bounded { links, .. } => {
            if let Some(ix) = found {
                let i = long::as_i64(&ix).unwrap_or(-1) as usize;
                move_to_front(links, i)?;
                let r = link_mut(links, i)?.result.clone();
                s.hits += 1;
                return Ok(r);
            }
            s.misses += 1;
            let r = ab::call_tuple_dict(&func, args, kw)?;
            // The call may have cached this key itself (recursion): keep that entry.
            if dict::get_item_hashed(&cache, &key, hash)?.is_some() {
                return Ok(r);
            }
            let s = lru(slf)?;
            let Kind::Bounded { maxsize, links } = &mut s.kind else { return Ok(r) };
            if links[0].is_none() {
                links[0] = Some(Link { key: none::none(), result: none::none(), prev: 0, next: 0 });
            }
            let root_empty = link_mut(links, 0)?.next == 0;
            if dict::len(&cache) < *maxsize || root_empty {
                let i = links.iter().skip(1).position(|l| l.is_none()).map(|p| p + 1).unwrap_or(links.len());
                let last = link_mut(links, 0)?.prev;
                let l = Link { key: key.clone(), result: r.clone(), prev: last, next: 0 };
                if i == links.len() {
                    links.push(Some(l));
                } else {
                    links[i] = Some(l);
                }
                link_mut(links, last)?.next = i;
                link_mut(links, 0)?.prev = i;
                dict::set_item_hashed(&cache, key, long::from_usize(i), hash)?;
                return Ok(r);
            }
            // Full: the oldest link takes the new key and result.
            let oldest = link_mut(links, 0)?.next;
            let (old_key, old_result) = {
                let l = link_mut(links, oldest)?;
                let ok = std::mem::replace(&mut l.key, key.clone());
                let or = std::mem::replace(&mut l.result, r.clone());
                (ok, or)
            };
            move_to_front(links, oldest)?;
            dict::pop_item(&cache, &old_key)?;
            dict::set_item_hashed(&cache, key, long::from_usize(oldest), hash)?;
            drop((old_key, old_result));
            Ok(r)
        }
        Kind::Uncached => Ok(none::none()),
    }
}

unsafe extern "C" fn lru_call(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    let (a, k) = args_of(args, kw);
    native::ret(lru_call_impl(slf, &a, k.as_ref()))
}

unsafe extern "C" fn lru_descr_get(o: *mut PyObject, obj: *mut PyObject, _tp: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    if obj.is_null() || none::is_none(PyObj::borrow(&obj)) {
        return slf.clone().into_ptr();
    }
    vm::objects::classobject::method_new(slf.clone(), PyObj::borrow(&obj).clone()).into_ptr()
}

vm::onearg!(lru_cache_info, |slf, _a| {
    let s = lru(slf)?;
    let maxsize = match &s.kind {
        Kind::Uncached => long::from_i64(0),
        Kind::Infinite => none::none(),
        Kind::Bounded { maxsize, .. } => long::from_usize(*maxsize),
    };
    let info = s.cache_info_type.clone();
    let args = [long::from_u64(s.hits), long::from_u64(s.misses), maxsize, long::from_usize(dict::len(&s.cache))];
    ab::call(&info, &args, None)
});

vm::onearg!(lru_cache_clear, |slf, _a| {
    let s = lru(slf)?;
    s.hits = 0;
    s.misses = 0;
    let old = match &mut s.kind {
        Kind::Bounded { links, .. } => std::mem::replace(links, vec![None]),
        _ => Vec::new(),
    };
    let cache = s.cache.clone();
    dict::clear(&cache);
    drop(old);
    Ok(none::none())
});

vm::onearg!(lru_reduce, |slf, _a| { ab::getattr_str(slf, "__qualname__") });
vm::onearg!(lru_copy, |slf, _a| { Ok(slf.clone()) });

// ---------------------------------------------------------------- module

unsafe fn init_types() -> PyResult<()> {
    use vm::objects::descr::{set_getsets, set_methods};
    let k = Key::tp();
    native::init_type::<Key>(TypeOpts { basetype: false, gc: true, dict: false, weakref: false, vectorcall: false });
    (*k).tp_call = Some(key_call);
    (*k).tp_richcompare = Some(key_richcompare);
    (*k).tp_hash = Some(vm::slots::hash_not_implemented);
    (*k).tp_flags |= flags::DISALLOW_INSTANTIATION;
    set_getsets(k, &[("obj", key_get_obj as *const c_void, std::ptr::null())]);

    let p = partial_tp();
    (*p).tp_dealloc = Some(partial_dealloc);
    (*p).tp_traverse = Some(partial_traverse);
    (*p).tp_clear = Some(partial_clear);
    (*p).tp_flags |= flags::HAVE_GC | flags::BASETYPE | flags::HAVE_VECTORCALL;
    (*p).tp_dictoffset = std::mem::offset_of!(PartialObject, dict) as isize;
    (*p).tp_weaklistoffset = std::mem::offset_of!(PartialObject, weakreflist) as isize;
    (*p).tp_vectorcall_offset = std::mem::offset_of!(PartialObject, vectorcall) as isize;
    (*p).tp_new = Some(partial_new);
    (*p).tp_call = Some(partial_call);
    (*p).tp_repr = Some(partial_repr);
    (*p).tp_doc = b"partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n\0".as_ptr() as *const _;
    set_methods(p, &[
        ("__reduce__", partial_reduce as *const c_void, meth::NOARGS, ""),
        ("__setstate__", partial_setstate as *const c_void, meth::O, ""),
        ("__class_getitem__", class_getitem as *const c_void, meth::O | meth::CLASS, "See PEP 585"),
    ]);
    {
        use std::mem::offset_of;
        use vm::objects::descr::{set_members, READONLY, T_OBJECT};
        set_members(p, &[
            ("func", T_OBJECT, offset_of!(PartialObject, fn_), READONLY),
            ("args", T_OBJECT, offset_of!(PartialObject, args), READONLY),
            ("keywords", T_OBJECT, offset_of!(PartialObject, kw), READONLY),
        ]);
    }

    let l = Lru::tp();
    native::init_type::<Lru>(TypeOpts { basetype: true, gc: true, dict: true, weakref: true, vectorcall: false });
    (*l).tp_new = Some(lru_new);
    (*l).tp_call = Some(lru_call);
    (*l).tp_descr_get = Some(lru_descr_get);
    (*l).tp_flags |= flags::METHOD_DESCRIPTOR;
    (*l).tp_doc = b"Create a cached callable that wraps another function.\n\nuser_function:      the function being cached\n\nmaxsize:  0         for no caching\n          None      for unlimited cache size\n          n         for a bounded cache\n\ntyped:    False     cache f(3) and f(3.0) as identical calls\n          True      cache f(3) and f(3.0) as distinct calls\n\ncache_info_type:    namedtuple class with the fields:\n                        hits misses currsize maxsize\n\0".as_ptr() as *const _;
    set_methods(l, &[
        ("cache_info", lru_cache_info as *const c_void, meth::NOARGS, "Report cache statistics"),
        ("cache_clear", lru_cache_clear as *const c_void, meth::NOARGS, "Clear the cache and cache statistics"),
        ("__reduce__", lru_reduce as *const c_void, meth::NOARGS, ""),
        ("__copy__", lru_copy as *const c_void, meth::NOARGS, ""),
        ("__deepcopy__", lru_copy as *const c_void, meth::O, ""),
    ]);
    for t in [k, p, l] {
        vm::typeobj::ready(t)?;
    }
    Ok(())
}

pub fn init() -> PyResult<PyObj> {
    unsafe { init_types()? };
    let m = module::new("_functools");
    vm::sysmodule::add_functions(&m, &[
        ("reduce", functools_reduce as *const c_void, meth::FASTCALL),
        ("cmp_to_key", functools_cmp_to_key as *const c_void, meth::FASTCALL | meth::KEYWORDS),
    ]);
    ab::setattr_str(&m, "partial", vm::typeobj::type_obj(partial_tp()))?;
    ab::setattr_str(&m, "_lru_cache_wrapper", vm::typeobj::type_obj(Lru::tp()))?;
    ab::setattr_str(&m, "__doc__", unicode::new("Tools that operate on functions."))?;
    Ok(m)
}
