//! `itertools`: CPython 3.11's iterator building blocks as real iterator
//! types (count, cycle, repeat, accumulate, chain, compress, dropwhile,
//! filterfalse, groupby/_grouper, islice, pairwise, starmap, takewhile,
//! tee/_tee/_tee_dataobject, zip_longest) plus the module itself. The
//! combinatoric iterators live in `itertools_comb.rs`.
//!
//! Each type is a static `PyTypeObject` whose instances are `ItObj<S>`: the
//! object head and a boxed Rust state `S` (null until `tp_new` fills it, and
//! again after `tp_clear`, which then reads as an exhausted iterator).
//! Of `__reduce__`/`__setstate__` (pickling and copying) only count's and
//! repeat's `__reduce__` exist; the stateful iterators have neither.

use crate::itertools_comb;
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::bytecode::NB_ADD;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::{boolobject, complex, dict, exceptions, list, long, module, none, tuple, unicode};
use vm::objref::PyObj;
use vm::typeobj::type_name;

// ---------------------------------------------------------------- the generic object

#[repr(C)]
pub struct ItObj<S> {
    pub ob_base: PyObject,
    pub state: Option<Box<S>>,
    /// Weak references (used by `_tee`, the one weakly referenceable type).
    pub weakreflist: *mut PyObject,
}

/// The Rust side of an itertools type.
pub trait ItState: Sized + 'static {
    /// The static type object (its `tp_name` is "itertools.<name>").
    fn tp() -> *mut PyTypeObject;
    /// Builds the state from the constructor arguments; `exact` is false for
    /// subclasses, which may take keywords for their own `__init__`.
    fn new(args: &Args, exact: bool) -> PyResult<Self>;
    /// The next item, or None when exhausted.
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>>;
    /// Every object reference the state holds (for the cycle collector).
    fn refs(&self, out: &mut Vec<*mut PyObject>);
}

/// Constructor arguments: positional values and (name, value) keywords.
pub struct Args {
    pub pos: Vec<PyObj>,
    pub kw: Vec<(String, PyObj)>,
}

impl Args {
    unsafe fn from_tuple_dict(args: *mut PyObject, kwargs: *mut PyObject) -> Args {
        let pos = if args.is_null() { Vec::new() } else { tuple::items(PyObj::borrow(&args)).to_vec() };
        let kw = if kwargs.is_null() {
            Vec::new()
        } else {
            dict::items_vec(PyObj::borrow(&kwargs))
                .into_iter()
                .map(|(k, v)| (unicode::to_string_lossy(&k), v))
                .collect()
        };
        Args { pos, kw }
    }

    /// `fname() takes no keyword arguments` unless there are none.
    pub fn no_kw(&self, fname: &str) -> PyResult<()> {
        if self.kw.is_empty() {
            Ok(())
        } else {
            Err(err::type_error(format!("{}() takes no keyword arguments", fname)))
        }
    }

    /// Positional-only arity check with the `name expected N arguments, got M` message.
    pub fn nargs(&self, fname: &str, min: usize, max: usize) -> PyResult<()> {
        vm::objects::methodobject::check_nargs(fname, &self.pos, min, max)
    }

    /// Argument-clinic style binding of positional-or-keyword parameters
    /// (`names[..maxpos]`) and keyword-only ones (`names[maxpos..]`).
    pub fn bind(&self, fname: &str, names: &[&str], required: usize, maxpos: usize) -> PyResult<Vec<Option<PyObj>>> {
        let np = self.pos.len();
        let total = np + self.kw.len();
        // As argument clinic: the total count is checked before the positional one.
        if total > names.len() {
            return Err(err::type_error(format!(
                "{}() takes at most {} argument{} ({} given)",
                fname,
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                total
            )));
        }
        if maxpos < names.len() && np > maxpos {
            return Err(err::type_error(format!(
                "{}() takes at most {} positional argument{} ({} given)",
                fname,
                maxpos,
                if maxpos == 1 { "" } else { "s" },
                np
            )));
        }
        let mut out: Vec<Option<PyObj>> = vec![None; names.len()];
        for (i, v) in self.pos.iter().enumerate() {
            out[i] = Some(v.clone());
        }
        // As argument clinic: a missing argument is reported before a
        // duplicate or unknown keyword.
        let mut kw_err = None;
        for (k, v) in &self.kw {
            match names.iter().position(|n| n == k) {
                Some(i) if out[i].is_none() => out[i] = Some(v.clone()),
                Some(i) => {
                    kw_err.get_or_insert_with(|| {
                        format!("argument for {}() given by name ('{}') and position ({})", fname, k, i + 1)
                    });
                }
                None => {
                    kw_err.get_or_insert_with(|| format!("'{}' is an invalid keyword argument for {}()", k, fname));
                }
            }
        }
        for i in 0..required {
            if out[i].is_none() {
                return Err(err::type_error(format!(
                    "{}() missing required argument '{}' (pos {})",
                    fname,
                    names[i],
                    i + 1
                )));
            }
        }
        if let Some(m) = kw_err {
            return Err(err::type_error(m));
        }
        Ok(out)
    }
}

/// The state of `o`, if it has one (None once cleared).
pub fn state<S: ItState>(o: &PyObj) -> Option<&mut S> {
    unsafe { (*(o.as_ptr() as *mut ItObj<S>)).state.as_deref_mut() }
}

/// Allocates an instance of `tp` (an itertools type or a subclass) holding `s`.
pub fn new_obj<S: ItState>(tp: *mut PyTypeObject, s: S) -> PyResult {
    unsafe {
        let o = vm::typeobj::alloc_instance(tp);
        if o.is_null() {
            if !err::occurred() {
                err::set_memory_error();
            }
            return Err(err::fetch());
        }
        std::ptr::write(&mut (*(o as *mut ItObj<S>)).state, Some(Box::new(s)));
        Ok(PyObj::from_owned(o))
    }
}

unsafe extern "C" fn it_new<S: ItState>(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let a = Args::from_tuple_dict(args, kw);
    err::into_ptr(S::new(&a, tp == S::tp()).and_then(|s| new_obj(tp, s)))
}

unsafe extern "C" fn it_next<S: ItState>(o: *mut PyObject) -> *mut PyObject {
    match S::next(PyObj::borrow(&o)) {
        Ok(Some(v)) => v.into_ptr(),
        Ok(None) => std::ptr::null_mut(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn it_dealloc<S: ItState>(o: *mut PyObject) {
    vm::gc::untrack(o);
    if (*S::tp()).tp_weaklistoffset != 0 {
        vm::objects::weakref::clear_weakrefs(o);
    }
    let st = (*(o as *mut ItObj<S>)).state.take();
    drop(st);
    vm::alloc::tp_free(o);
}

unsafe extern "C" fn it_clear<S: ItState>(o: *mut PyObject) -> c_int {
    let st = (*(o as *mut ItObj<S>)).state.take();
    drop(st);
    0
}

unsafe extern "C" fn it_traverse<S: ItState>(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    if let Some(s) = (*(o as *mut ItObj<S>)).state.as_deref() {
        let mut v = Vec::new();
        s.refs(&mut v);
        for p in v {
            if !p.is_null() {
                let r = visit(p, arg);
                if r != 0 {
                    return r;
                }
            }
        }
    }
    0
}

/// Fills the slots of an itertools type; `basetype` when Python classes may subclass it.
pub unsafe fn init_type<S: ItState>(basetype: bool) {
    let t = S::tp();
    (*t).tp_new = Some(it_new::<S>);
    (*t).tp_dealloc = Some(it_dealloc::<S>);
    (*t).tp_traverse = Some(it_traverse::<S>);
    (*t).tp_clear = Some(it_clear::<S>);
    (*t).tp_iter = Some(vm::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(it_next::<S>);
    (*t).tp_flags |= flags::HAVE_GC | if basetype { flags::BASETYPE } else { 0 };
}

pub fn push(out: &mut Vec<*mut PyObject>, o: &Option<PyObj>) {
    if let Some(o) = o {
        out.push(o.as_ptr());
    }
}

fn call2(f: &PyObj, a: &PyObj, b: &PyObj) -> PyResult {
    ab::call(f, &[a.clone(), b.clone()], None)
}

/// `PyNumber_AsSsize_t(o, OverflowError)`.
pub fn ssize_arg(o: &PyObj) -> PyResult<isize> {
    ab::index_to_ssize(o, Some(unsafe { exceptions::PyExc_OverflowError }))
}

macro_rules! it_type {
    ($st:ident, $name:literal) => {
        pub static mut $st: PyTypeObject =
            PyTypeObject::empty(concat!("itertools.", $name, "\0").as_bytes(), std::mem::size_of::<$crate::itertools::ItObj<()>>(), 0);
    };
}
pub(crate) use it_type;

it_type!(COUNT_TYPE, "count");
it_type!(CYCLE_TYPE, "cycle");
it_type!(REPEAT_TYPE, "repeat");
it_type!(ACCUMULATE_TYPE, "accumulate");
it_type!(CHAIN_TYPE, "chain");
it_type!(COMPRESS_TYPE, "compress");
it_type!(DROPWHILE_TYPE, "dropwhile");
it_type!(TAKEWHILE_TYPE, "takewhile");
it_type!(FILTERFALSE_TYPE, "filterfalse");
it_type!(GROUPBY_TYPE, "groupby");
it_type!(GROUPER_TYPE, "_grouper");
it_type!(ISLICE_TYPE, "islice");
it_type!(PAIRWISE_TYPE, "pairwise");
it_type!(STARMAP_TYPE, "starmap");
it_type!(TEE_TYPE, "_tee");
it_type!(TEEDATA_TYPE, "_tee_dataobject");
it_type!(ZIP_LONGEST_TYPE, "zip_longest");

// ---------------------------------------------------------------- count

pub struct Count {
    /// The counter while it fits and the step is exactly int 1.
    fast: Option<i64>,
    /// The counter object otherwise.
    cnt: Option<PyObj>,
    step: PyObj,
}

fn is_number(o: &PyObj) -> bool {
    unsafe {
        let nm = (*o.ob_type()).tp_as_number;
        (!nm.is_null() && ((*nm).nb_index.is_some() || (*nm).nb_int.is_some() || (*nm).nb_float.is_some()))
            || complex::is_complex(o)
    }
}

fn is_int_one(o: &PyObj) -> bool {
    long::is_int(o) && long::as_i64(o) == Some(1)
}

impl ItState for Count {
    fn tp() -> *mut PyTypeObject {
        &raw mut COUNT_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        let a = args.bind("count", &["start", "step"], 0, 2)?;
        for o in a.iter().flatten() {
            if !is_number(o) {
                return Err(err::type_error("a number is required"));
            }
        }
        let step = a[1].clone().unwrap_or_else(|| long::from_i64(1));
        let start = a[0].clone().unwrap_or_else(|| long::from_i64(0));
        // Exact int 1 steps over ints count in machine integers (as CPython).
        if long::is_exact_int(&step) && long::as_i64(&step) == Some(1) && long::is_int(&start) {
            if let Some(v) = long::as_i64(&start) {
                return Ok(Count { fast: Some(v), cnt: None, step });
            }
        }
        Ok(Count { fast: None, cnt: Some(start), step })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<Count>(slf) else { return Ok(None) };
        if let Some(v) = s.fast {
            if v < i64::MAX {
                s.fast = Some(v + 1);
                return Ok(Some(long::from_i64(v)));
            }
            s.fast = None;
            s.cnt = Some(long::from_i64(v));
        }
        let (cur, step) = match &s.cnt {
            Some(c) => (c.clone(), s.step.clone()),
            None => return Ok(None),
        };
        let nxt = ab::binary_op(&cur, &step, NB_ADD)?;
        if let Some(s) = state::<Count>(slf) {
            s.cnt = Some(nxt);
        }
        Ok(Some(cur))
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.cnt);
        out.push(self.step.as_ptr());
    }
}

unsafe extern "C" fn count_repr(o: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    let r = (|| -> PyResult {
        let name = type_name(slf.ob_type());
        let Some(s) = state::<Count>(slf) else { return Ok(unicode::new(&format!("{}()", name))) };
        let cnt = match (s.fast, &s.cnt) {
            (Some(v), _) => v.to_string(),
            (None, Some(c)) => ab::repr_string(&c.clone())?,
            (None, None) => String::new(),
        };
        let step = state::<Count>(slf).map(|s| s.step.clone()).unwrap_or_else(|| long::from_i64(1));
        if is_int_one(&step) {
            Ok(unicode::new(&format!("{}({})", name, cnt)))
        } else {
            Ok(unicode::new(&format!("{}({}, {})", name, cnt, ab::repr_string(&step)?)))
        }
    })();
    err::into_ptr(r)
}

vm::onearg!(count_reduce, |slf, _a| {
    let tp = slf.type_obj();
    let Some(s) = state::<Count>(slf) else { return Ok(tuple::pair(tp, tuple::empty())) };
    let args = match (s.fast, &s.cnt) {
        (Some(v), _) => tuple::new(vec![long::from_i64(v)]),
        (None, Some(c)) => tuple::pair(c.clone(), s.step.clone()),
        (None, None) => tuple::empty(),
    };
    Ok(tuple::pair(tp, args))
});

// ---------------------------------------------------------------- cycle

pub struct Cycle {
    it: Option<PyObj>,
    saved: Vec<PyObj>,
    index: usize,
}

impl ItState for Cycle {
    fn tp() -> *mut PyTypeObject {
        &raw mut CYCLE_TYPE
    }
    fn new(args: &Args, exact: bool) -> PyResult<Self> {
        if exact {
            args.no_kw("cycle")?;
        }
        args.nargs("cycle", 1, 1)?;
        Ok(Cycle { it: Some(ab::get_iter(&args.pos[0])?), saved: Vec::new(), index: 0 })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<Cycle>(slf) else { return Ok(None) };
        if let Some(it) = s.it.clone() {
            match ab::next(&it)? {
                Some(v) => {
                    if let Some(s) = state::<Cycle>(slf) {
                        s.saved.push(v.clone());
                    }
                    return Ok(Some(v));
                }
                None => {
                    if let Some(s) = state::<Cycle>(slf) {
                        s.it = None;
                    }
                }
            }
        }
        let Some(s) = state::<Cycle>(slf) else { return Ok(None) };
        if s.saved.is_empty() {
            return Ok(None);
        }
        if s.index >= s.saved.len() {
            s.index = 0;
        }
        let v = s.saved[s.index].clone();
        s.index += 1;
        Ok(Some(v))
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.it);
        out.extend(self.saved.iter().map(|o| o.as_ptr()));
    }
}

// ---------------------------------------------------------------- repeat

pub struct Repeat {
    element: PyObj,
    /// Remaining count; negative means forever.
    cnt: isize,
}

impl ItState for Repeat {
    fn tp() -> *mut PyTypeObject {
        &raw mut REPEAT_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        let a = args.bind("repeat", &["object", "times"], 1, 2)?;
        let cnt = match &a[1] {
            Some(t) => {
                let n = ab::index(t)?;
                match long::as_i64(&n) {
                    Some(v) => (v as isize).max(0),
                    None => return Err(err::overflow_error("Python int too large to convert to C ssize_t")),
                }
            }
            None => -1,
        };
        Ok(Repeat { element: a[0].clone().unwrap_or_else(none::none), cnt })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<Repeat>(slf) else { return Ok(None) };
        if s.cnt == 0 {
            return Ok(None);
        }
        if s.cnt > 0 {
            s.cnt -= 1;
        }
        Ok(Some(s.element.clone()))
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        out.push(self.element.as_ptr());
    }
}

unsafe extern "C" fn repeat_repr(o: *mut PyObject) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    let r = (|| -> PyResult {
        let name = type_name(slf.ob_type());
        let Some(s) = state::<Repeat>(slf) else { return Ok(unicode::new(&format!("{}()", name))) };
        let (el, cnt) = (s.element.clone(), s.cnt);
        let er = ab::repr_string(&el)?;
        Ok(unicode::new(&if cnt < 0 { format!("{}({})", name, er) } else { format!("{}({}, {})", name, er, cnt) }))
    })();
    err::into_ptr(r)
}

vm::onearg!(repeat_length_hint, |slf, _a| {
    match state::<Repeat>(slf) {
        Some(s) if s.cnt >= 0 => Ok(long::from_i64(s.cnt as i64)),
        Some(_) => Err(err::type_error("len() of unsized object")),
        None => Ok(long::from_i64(0)),
    }
});

vm::onearg!(repeat_reduce, |slf, _a| {
    let tp = slf.type_obj();
    let Some(s) = state::<Repeat>(slf) else { return Ok(tuple::pair(tp, tuple::empty())) };
    let args = if s.cnt < 0 {
        tuple::new(vec![s.element.clone()])
    } else {
        tuple::pair(s.element.clone(), long::from_i64(s.cnt as i64))
    };
    Ok(tuple::pair(tp, args))
});

// ---------------------------------------------------------------- accumulate

pub struct Accumulate {
    it: PyObj,
    func: Option<PyObj>,
    total: Option<PyObj>,
    initial: Option<PyObj>,
}

impl ItState for Accumulate {
    fn tp() -> *mut PyTypeObject {
        &raw mut ACCUMULATE_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        let a = args.bind("accumulate", &["iterable", "func", "initial"], 1, 2)?;
        let not_none = |o: &Option<PyObj>| o.clone().filter(|x| !none::is_none(x));
        let it = ab::get_iter(a[0].as_ref().unwrap_or(&none::none()))?;
        Ok(Accumulate { it, func: not_none(&a[1]), total: None, initial: not_none(&a[2]) })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<Accumulate>(slf) else { return Ok(None) };
        if let Some(init) = s.initial.take() {
            s.total = Some(init.clone());
            return Ok(Some(init));
        }
        let (it, func, total) = (s.it.clone(), s.func.clone(), s.total.clone());
        let Some(val) = ab::next(&it)? else { return Ok(None) };
        let new_total = match total {
            None => val,
            Some(t) => match &func {
                Some(f) => call2(f, &t, &val)?,
                None => ab::binary_op(&t, &val, NB_ADD)?,
            },
        };
        if let Some(s) = state::<Accumulate>(slf) {
            s.total = Some(new_total.clone());
        }
        Ok(Some(new_total))
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        out.push(self.it.as_ptr());
        push(out, &self.func);
        push(out, &self.total);
        push(out, &self.initial);
    }
}

// ---------------------------------------------------------------- chain

pub struct Chain {
    /// Iterator over the iterables still to chain.
    source: Option<PyObj>,
    active: Option<PyObj>,
}

impl ItState for Chain {
    fn tp() -> *mut PyTypeObject {
        &raw mut CHAIN_TYPE
    }
    fn new(args: &Args, exact: bool) -> PyResult<Self> {
        if exact {
            args.no_kw("chain")?;
        }
        Ok(Chain { source: Some(ab::get_iter(&tuple::new(args.pos.clone()))?), active: None })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        loop {
            let Some(s) = state::<Chain>(slf) else { return Ok(None) };
            let active = match &s.active {
                Some(a) => a.clone(),
                None => {
                    let Some(src) = s.source.clone() else { return Ok(None) };
                    match ab::next(&src)? {
                        Some(iterable) => {
                            let a = ab::get_iter(&iterable)?;
                            if let Some(s) = state::<Chain>(slf) {
                                s.active = Some(a.clone());
                            }
                            a
                        }
                        None => {
                            if let Some(s) = state::<Chain>(slf) {
                                s.source = None;
                            }
                            return Ok(None);
                        }
                    }
                }
            };
            match ab::next(&active)? {
                Some(v) => return Ok(Some(v)),
                None => {
                    if let Some(s) = state::<Chain>(slf) {
                        s.active = None;
                    }
                }
            }
        }
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.source);
        push(out, &self.active);
    }
}

vm::onearg!(chain_from_iterable, |cls, a| {
    let src = ab::get_iter(a.expect("METH_O without argument"))?;
    new_obj(cls.as_ptr() as *mut PyTypeObject, Chain { source: Some(src), active: None })
});

vm::onearg!(class_getitem, |cls, a| {
    let ga = vm::objects::unionobject::generic_alias(cls, a.expect("METH_O without argument"));
    ga
});

// ---------------------------------------------------------------- compress, dropwhile, takewhile, filterfalse, starmap

pub struct Compress {
    data: PyObj,
    selectors: PyObj,
}

impl ItState for Compress {
    fn tp() -> *mut PyTypeObject {
        &raw mut COMPRESS_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        let a = args.bind("compress", &["data", "selectors"], 2, 2)?;
        let data = ab::get_iter(a[0].as_ref().unwrap_or(&none::none()))?;
        let selectors = ab::get_iter(a[1].as_ref().unwrap_or(&none::none()))?;
        Ok(Compress { data, selectors })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<Compress>(slf) else { return Ok(None) };
        let (data, sel) = (s.data.clone(), s.selectors.clone());
        loop {
            let Some(d) = ab::next(&data)? else { return Ok(None) };
            let Some(k) = ab::next(&sel)? else { return Ok(None) };
            if ab::is_true(&k)? {
                return Ok(Some(d));
            }
        }
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        out.push(self.data.as_ptr());
        out.push(self.selectors.as_ptr());
    }
}

/// The shared state of the predicate-driven iterators.
pub struct PredIter {
    func: PyObj,
    it: PyObj,
    /// dropwhile: the predicate has failed once; takewhile: it has stopped.
    done: bool,
}

fn pred_new(fname: &str, args: &Args, exact: bool) -> PyResult<PredIter> {
    if exact {
        args.no_kw(fname)?;
    }
    args.nargs(fname, 2, 2)?;
    Ok(PredIter { func: args.pos[0].clone(), it: ab::get_iter(&args.pos[1])?, done: false })
}

fn pred_refs(p: &PredIter, out: &mut Vec<*mut PyObject>) {
    out.push(p.func.as_ptr());
    out.push(p.it.as_ptr());
}

pub struct DropWhile(PredIter);
pub struct TakeWhile(PredIter);
pub struct FilterFalse(PredIter);
pub struct StarMap(PredIter);

impl ItState for DropWhile {
    fn tp() -> *mut PyTypeObject {
        &raw mut DROPWHILE_TYPE
    }
    fn new(args: &Args, exact: bool) -> PyResult<Self> {
        pred_new("dropwhile", args, exact).map(DropWhile)
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<DropWhile>(slf) else { return Ok(None) };
        let (func, it) = (s.0.func.clone(), s.0.it.clone());
        loop {
            let Some(v) = ab::next(&it)? else { return Ok(None) };
            if state::<DropWhile>(slf).map(|s| s.0.done).unwrap_or(true) {
                return Ok(Some(v));
            }
            if !ab::is_true(&ab::call1(&func, &v)?)? {
                if let Some(s) = state::<DropWhile>(slf) {
                    s.0.done = true;
                }
                return Ok(Some(v));
            }
        }
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        pred_refs(&self.0, out)
    }
}

impl ItState for TakeWhile {
    fn tp() -> *mut PyTypeObject {
        &raw mut TAKEWHILE_TYPE
    }
    fn new(args: &Args, exact: bool) -> PyResult<Self> {
        pred_new("takewhile", args, exact).map(TakeWhile)
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<TakeWhile>(slf) else { return Ok(None) };
        if s.0.done {
            return Ok(None);
        }
        let (func, it) = (s.0.func.clone(), s.0.it.clone());
        let Some(v) = ab::next(&it)? else { return Ok(None) };
        if ab::is_true(&ab::call1(&func, &v)?)? {
            return Ok(Some(v));
        }
        if let Some(s) = state::<TakeWhile>(slf) {
            s.0.done = true;
        }
        Ok(None)
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        pred_refs(&self.0, out)
    }
}

impl ItState for FilterFalse {
    fn tp() -> *mut PyTypeObject {
        &raw mut FILTERFALSE_TYPE
    }
    fn new(args: &Args, exact: bool) -> PyResult<Self> {
        pred_new("filterfalse", args, exact).map(FilterFalse)
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<FilterFalse>(slf) else { return Ok(None) };
        let (func, it) = (s.0.func.clone(), s.0.it.clone());
        let plain = none::is_none(&func) || func.is(&vm::typeobj::type_obj(boolobject::bool_type()));
        loop {
            let Some(v) = ab::next(&it)? else { return Ok(None) };
            let ok = if plain { ab::is_true(&v)? } else { ab::is_true(&ab::call1(&func, &v)?)? };
            if !ok {
                return Ok(Some(v));
            }
        }
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        pred_refs(&self.0, out)
    }
}

impl ItState for StarMap {
    fn tp() -> *mut PyTypeObject {
        &raw mut STARMAP_TYPE
    }
    fn new(args: &Args, exact: bool) -> PyResult<Self> {
        pred_new("starmap", args, exact).map(StarMap)
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<StarMap>(slf) else { return Ok(None) };
        let (func, it) = (s.0.func.clone(), s.0.it.clone());
        let Some(v) = ab::next(&it)? else { return Ok(None) };
        let argv = if tuple::is_tuple(&v) { tuple::items(&v).to_vec() } else { ab::iterate(&v)? };
        Ok(Some(ab::call(&func, &argv, None)?))
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        pred_refs(&self.0, out)
    }
}

// ---------------------------------------------------------------- groupby and _grouper

pub struct GroupBy {
    it: PyObj,
    keyfunc: Option<PyObj>,
    tgtkey: Option<PyObj>,
    currkey: Option<PyObj>,
    currvalue: Option<PyObj>,
    /// The grouper currently allowed to advance (compared by address only,
    /// as CPython keeps it borrowed).
    currgrouper: usize,
}

/// Advances the underlying iterator: Ok(false) when it is exhausted.
fn groupby_step(gb: &PyObj) -> PyResult<bool> {
    let Some(s) = state::<GroupBy>(gb) else { return Ok(false) };
    let (it, kf) = (s.it.clone(), s.keyfunc.clone());
    let Some(v) = ab::next(&it)? else { return Ok(false) };
    let k = match &kf {
        Some(f) => ab::call1(f, &v)?,
        None => v.clone(),
    };
    if let Some(s) = state::<GroupBy>(gb) {
        s.currvalue = Some(v);
        s.currkey = Some(k);
    }
    Ok(true)
}

impl ItState for GroupBy {
    fn tp() -> *mut PyTypeObject {
        &raw mut GROUPBY_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        let a = args.bind("groupby", &["iterable", "key"], 1, 2)?;
        let it = ab::get_iter(a[0].as_ref().unwrap_or(&none::none()))?;
        let keyfunc = a[1].clone().filter(|k| !none::is_none(k));
        Ok(GroupBy { it, keyfunc, tgtkey: None, currkey: None, currvalue: None, currgrouper: 0 })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<GroupBy>(slf) else { return Ok(None) };
        s.currgrouper = 0;
        // Skip the rest of the current group.
        loop {
            let Some(s) = state::<GroupBy>(slf) else { return Ok(None) };
            match (&s.currkey, &s.tgtkey) {
                (None, _) => {}
                (Some(_), None) => break,
                (Some(c), Some(t)) => {
                    let (c, t) = (c.clone(), t.clone());
                    if !ab::rich_compare_bool(&t, &c, PY_EQ)? {
                        break;
                    }
                }
            }
            if !groupby_step(slf)? {
                return Ok(None);
            }
        }
        let Some(s) = state::<GroupBy>(slf) else { return Ok(None) };
        let key = s.currkey.clone().unwrap_or_else(none::none);
        s.tgtkey = Some(key.clone());
        let grouper = new_obj(&raw mut GROUPER_TYPE, Grouper { parent: slf.clone(), tgtkey: key.clone() })?;
        if let Some(s) = state::<GroupBy>(slf) {
            s.currgrouper = grouper.as_ptr() as usize;
        }
        Ok(Some(tuple::pair(key, grouper)))
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        out.push(self.it.as_ptr());
        push(out, &self.keyfunc);
        push(out, &self.tgtkey);
        push(out, &self.currkey);
        push(out, &self.currvalue);
    }
}

pub struct Grouper {
    parent: PyObj,
    tgtkey: PyObj,
}

impl ItState for Grouper {
    fn tp() -> *mut PyTypeObject {
        &raw mut GROUPER_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        args.no_kw("_grouper")?;
        args.nargs("_grouper", 2, 2)?;
        let p = &args.pos[0];
        if !unsafe { vm::typeobj::is_subtype(p.ob_type(), GroupBy::tp()) } {
            return Err(err::type_error(format!(
                "_grouper() argument 1 must be itertools.groupby, not {}",
                type_name(p.ob_type())
            )));
        }
        Ok(Grouper { parent: p.clone(), tgtkey: args.pos[1].clone() })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<Grouper>(slf) else { return Ok(None) };
        let (gb, tgt) = (s.parent.clone(), s.tgtkey.clone());
        let Some(g) = state::<GroupBy>(&gb) else { return Ok(None) };
        if g.currgrouper != slf.as_ptr() as usize {
            return Ok(None);
        }
        if g.currvalue.is_none() && !groupby_step(&gb)? {
            return Ok(None);
        }
        let Some(g) = state::<GroupBy>(&gb) else { return Ok(None) };
        let cur = g.currkey.clone().unwrap_or_else(none::none);
        if !ab::rich_compare_bool(&tgt, &cur, PY_EQ)? {
            return Ok(None);
        }
        let Some(g) = state::<GroupBy>(&gb) else { return Ok(None) };
        g.currkey = None;
        Ok(g.currvalue.take())
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        out.push(self.parent.as_ptr());
        out.push(self.tgtkey.as_ptr());
    }
}

// ---------------------------------------------------------------- islice

pub struct ISlice {
    it: Option<PyObj>,
    next: isize,
    /// -1 for no stop.
    stop: isize,
    step: isize,
    cnt: isize,
}

impl ItState for ISlice {
    fn tp() -> *mut PyTypeObject {
        &raw mut ISLICE_TYPE
    }
    fn new(args: &Args, exact: bool) -> PyResult<Self> {
        if exact {
            args.no_kw("islice")?;
        }
        args.nargs("islice", 2, 4)?;
        let p = &args.pos;
        let stop_err =
            || err::value_error("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        // Any conversion failure reads as -1, which each argument then rejects.
        let conv = |o: &PyObj| -> isize { ssize_arg(o).unwrap_or(-1) };
        let (mut start, mut stop, mut step) = (0isize, -1isize, 1isize);
        if p.len() == 2 {
            if !none::is_none(&p[1]) {
                stop = conv(&p[1]);
                if stop == -1 {
                    return Err(stop_err());
                }
            }
        } else {
            if !none::is_none(&p[1]) {
                start = conv(&p[1]);
            }
            if !none::is_none(&p[2]) {
                stop = conv(&p[2]);
                if stop == -1 {
                    return Err(stop_err());
                }
            }
        }
        if start < 0 || stop < -1 {
            return Err(err::value_error(
                "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
            ));
        }
        if p.len() == 4 && !none::is_none(&p[3]) {
            step = conv(&p[3]);
        }
        if step < 1 {
            return Err(err::value_error("Step for islice() must be a positive integer or None."));
        }
        Ok(ISlice { it: Some(ab::get_iter(&p[0])?), next: start, stop, step, cnt: 0 })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<ISlice>(slf) else { return Ok(None) };
        let Some(it) = s.it.clone() else { return Ok(None) };
        let clear = |slf: &PyObj| {
            if let Some(s) = state::<ISlice>(slf) {
                s.it = None;
            }
        };
        loop {
            let Some(s) = state::<ISlice>(slf) else { return Ok(None) };
            if s.cnt >= s.next {
                break;
            }
            match ab::next(&it) {
                Ok(Some(_)) => {}
                Ok(None) => {
                    clear(slf);
                    return Ok(None);
                }
                Err(e) => {
                    clear(slf);
                    return Err(e);
                }
            }
            if let Some(s) = state::<ISlice>(slf) {
                s.cnt += 1;
            }
        }
        let Some(s) = state::<ISlice>(slf) else { return Ok(None) };
        if s.stop != -1 && s.cnt >= s.stop {
            s.it = None;
            return Ok(None);
        }
        let item = match ab::next(&it) {
            Ok(Some(v)) => v,
            Ok(None) => {
                clear(slf);
                return Ok(None);
            }
            Err(e) => {
                clear(slf);
                return Err(e);
            }
        };
        if let Some(s) = state::<ISlice>(slf) {
            s.cnt += 1;
            let old = s.next;
            s.next = s.next.wrapping_add(s.step);
            if s.next < old || (s.stop != -1 && s.next > s.stop) {
                s.next = s.stop;
            }
        }
        Ok(Some(item))
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.it);
    }
}

// ---------------------------------------------------------------- pairwise

pub struct Pairwise {
    it: Option<PyObj>,
    old: Option<PyObj>,
}

impl ItState for Pairwise {
    fn tp() -> *mut PyTypeObject {
        &raw mut PAIRWISE_TYPE
    }
    fn new(args: &Args, exact: bool) -> PyResult<Self> {
        if exact {
            args.no_kw("pairwise")?;
        }
        args.nargs("pairwise", 1, 1)?;
        Ok(Pairwise { it: Some(ab::get_iter(&args.pos[0])?), old: None })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<Pairwise>(slf) else { return Ok(None) };
        let Some(it) = s.it.clone() else { return Ok(None) };
        let finish = |slf: &PyObj| {
            if let Some(s) = state::<Pairwise>(slf) {
                s.it = None;
                s.old = None;
            }
        };
        let old = match s.old.clone() {
            Some(o) => o,
            None => match ab::next(&it) {
                Ok(Some(o)) => {
                    if let Some(s) = state::<Pairwise>(slf) {
                        s.old = Some(o.clone());
                    }
                    o
                }
                r => {
                    finish(slf);
                    return r.map(|_| None);
                }
            },
        };
        match ab::next(&it) {
            Ok(Some(new)) => {
                if let Some(s) = state::<Pairwise>(slf) {
                    s.old = Some(new.clone());
                }
                Ok(Some(tuple::pair(old, new)))
            }
            r => {
                finish(slf);
                r.map(|_| None)
            }
        }
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        push(out, &self.it);
        push(out, &self.old);
    }
}

// ---------------------------------------------------------------- tee

/// Items buffered per `_tee_dataobject` link (CPython's LINKCELLS).
const LINKCELLS: usize = 57;

pub struct TeeData {
    it: PyObj,
    values: Vec<PyObj>,
    nextlink: Option<PyObj>,
    running: bool,
}

impl ItState for TeeData {
    fn tp() -> *mut PyTypeObject {
        &raw mut TEEDATA_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        args.no_kw("teedataobject")?;
        args.nargs("teedataobject", 3, 3)?;
        let values = &args.pos[1];
        if !list::is_list(values) {
            return Err(err::type_error(format!(
                "teedataobject() argument 2 must be list, not {}",
                type_name(values.ob_type())
            )));
        }
        let values = list::to_vec(values);
        if values.len() > LINKCELLS {
            return Err(err::value_error("_tee_dataobject too many values"));
        }
        let next = &args.pos[2];
        let nextlink = if none::is_none(next) {
            None
        } else if unsafe { vm::typeobj::is_subtype(next.ob_type(), TeeData::tp()) } {
            Some(next.clone())
        } else {
            return Err(err::value_error("_tee_dataobject next link must be a _tee_dataobject"));
        };
        Ok(TeeData { it: args.pos[0].clone(), values, nextlink, running: false })
    }
    fn next(_slf: &PyObj) -> PyResult<Option<PyObj>> {
        Ok(None)
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        out.push(self.it.as_ptr());
        out.extend(self.values.iter().map(|o| o.as_ptr()));
        push(out, &self.nextlink);
    }
}

fn teedata_new(it: PyObj) -> PyResult {
    new_obj(TeeData::tp(), TeeData { it, values: Vec::new(), nextlink: None, running: false })
}

/// Item `i` of a data link, reading from the shared iterator when needed.
fn teedata_getitem(td: &PyObj, i: usize) -> PyResult<Option<PyObj>> {
    let Some(d) = state::<TeeData>(td) else { return Ok(None) };
    if i < d.values.len() {
        return Ok(Some(d.values[i].clone()));
    }
    if d.running {
        return Err(err::runtime_error("cannot re-enter the tee iterator"));
    }
    d.running = true;
    let it = d.it.clone();
    let r = ab::next(&it);
    if let Some(d) = state::<TeeData>(td) {
        d.running = false;
        if let Ok(Some(v)) = &r {
            d.values.push(v.clone());
        }
    }
    r
}

fn teedata_jumplink(td: &PyObj) -> PyResult<Option<PyObj>> {
    let Some(d) = state::<TeeData>(td) else { return Ok(None) };
    if d.nextlink.is_none() {
        let link = teedata_new(d.it.clone())?;
        if let Some(d) = state::<TeeData>(td) {
            d.nextlink = Some(link);
        }
    }
    Ok(state::<TeeData>(td).and_then(|d| d.nextlink.clone()))
}

pub struct Tee {
    dataobj: PyObj,
    index: usize,
}

fn tee_fromiterable(iterable: &PyObj) -> PyResult {
    let it = ab::get_iter(iterable)?;
    if unsafe { vm::typeobj::is_subtype(it.ob_type(), Tee::tp()) } {
        return tee_copy_of(&it);
    }
    new_obj(Tee::tp(), Tee { dataobj: teedata_new(it)?, index: 0 })
}

fn tee_copy_of(t: &PyObj) -> PyResult {
    let Some(s) = state::<Tee>(t) else { return Err(err::value_error("cannot copy a cleared tee")) };
    let copy = Tee { dataobj: s.dataobj.clone(), index: s.index };
    new_obj(Tee::tp(), copy)
}

impl ItState for Tee {
    fn tp() -> *mut PyTypeObject {
        &raw mut TEE_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        args.no_kw("_tee")?;
        args.nargs("_tee", 1, 1)?;
        let it = ab::get_iter(&args.pos[0])?;
        if unsafe { vm::typeobj::is_subtype(it.ob_type(), Tee::tp()) } {
            let Some(s) = state::<Tee>(&it) else { return Err(err::value_error("cannot copy a cleared tee")) };
            return Ok(Tee { dataobj: s.dataobj.clone(), index: s.index });
        }
        Ok(Tee { dataobj: teedata_new(it)?, index: 0 })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<Tee>(slf) else { return Ok(None) };
        if s.index >= LINKCELLS {
            let d = s.dataobj.clone();
            let Some(link) = teedata_jumplink(&d)? else { return Ok(None) };
            if let Some(s) = state::<Tee>(slf) {
                s.dataobj = link;
                s.index = 0;
            }
        }
        let Some(s) = state::<Tee>(slf) else { return Ok(None) };
        let (d, i) = (s.dataobj.clone(), s.index);
        let v = teedata_getitem(&d, i)?;
        if v.is_some() {
            if let Some(s) = state::<Tee>(slf) {
                s.index += 1;
            }
        }
        Ok(v)
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        out.push(self.dataobj.as_ptr());
    }
}

vm::onearg!(tee_copy, |slf, _a| { tee_copy_of(slf) });

vm::fastcall!(itertools_tee, |slf, args| {
    vm::objects::methodobject::check_nargs("tee", args, 1, 2)?;
    let n = match args.get(1) {
        Some(o) => ssize_arg(o)?,
        None => 2,
    };
    if n < 0 {
        return Err(err::value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(tuple::empty());
    }
    let it = ab::get_iter(&args[0])?;
    let (first, copyfunc) = match ab::getattr_str_opt(&it, "__copy__")? {
        Some(f) => (it.clone(), f),
        None => {
            let t = tee_fromiterable(&it)?;
            let f = ab::getattr_str(&t, "__copy__")?;
            (t, f)
        }
    };
    let mut out = vec![first];
    for _ in 1..n {
        out.push(ab::call0(&copyfunc)?);
    }
    Ok(tuple::new(out))
});

// ---------------------------------------------------------------- zip_longest

pub struct ZipLongest {
    iters: Vec<Option<PyObj>>,
    numactive: usize,
    fillvalue: PyObj,
}

impl ItState for ZipLongest {
    fn tp() -> *mut PyTypeObject {
        &raw mut ZIP_LONGEST_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        let mut fillvalue = none::none();
        if !args.kw.is_empty() {
            match args.kw.as_slice() {
                [(k, v)] if k == "fillvalue" => fillvalue = v.clone(),
                _ => return Err(err::type_error("zip_longest() got an unexpected keyword argument")),
            }
        }
        let mut iters = Vec::with_capacity(args.pos.len());
        for a in &args.pos {
            iters.push(Some(ab::get_iter(a)?));
        }
        Ok(ZipLongest { numactive: iters.len(), iters, fillvalue })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<ZipLongest>(slf) else { return Ok(None) };
        let n = s.iters.len();
        if n == 0 || s.numactive == 0 {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let Some(s) = state::<ZipLongest>(slf) else { return Ok(None) };
            let (it, fill) = (s.iters[i].clone(), s.fillvalue.clone());
            let item = match it {
                None => fill,
                Some(it) => match ab::next(&it) {
                    Ok(Some(v)) => v,
                    Ok(None) => {
                        let Some(s) = state::<ZipLongest>(slf) else { return Ok(None) };
                        s.numactive -= 1;
                        s.iters[i] = None;
                        if s.numactive == 0 {
                            return Ok(None);
                        }
                        fill
                    }
                    Err(e) => {
                        if let Some(s) = state::<ZipLongest>(slf) {
                            s.numactive = 0;
                        }
                        return Err(e);
                    }
                },
            };
            out.push(item);
        }
        Ok(Some(tuple::new(out)))
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        for it in &self.iters {
            push(out, it);
        }
        out.push(self.fillvalue.as_ptr());
    }
}

// ---------------------------------------------------------------- module

unsafe fn init_types() -> PyResult<()> {
    init_type::<Count>(true);
    init_type::<Cycle>(true);
    init_type::<Repeat>(true);
    init_type::<Accumulate>(true);
    init_type::<Chain>(true);
    init_type::<Compress>(true);
    init_type::<DropWhile>(true);
    init_type::<TakeWhile>(true);
    init_type::<FilterFalse>(true);
    init_type::<StarMap>(true);
    init_type::<GroupBy>(true);
    init_type::<Grouper>(false);
    init_type::<ISlice>(true);
    init_type::<Pairwise>(true);
    init_type::<Tee>(false);
    init_type::<TeeData>(false);
    init_type::<ZipLongest>(true);
    (*Count::tp()).tp_repr = Some(count_repr);
    (*Repeat::tp()).tp_repr = Some(repeat_repr);
    // A _tee_dataobject is a buffer, not an iterator.
    (*TeeData::tp()).tp_iter = None;
    (*TeeData::tp()).tp_iternext = None;
    use vm::objects::descr::set_methods;
    set_methods(Repeat::tp(), &[
        ("__length_hint__", repeat_length_hint as *const c_void, meth::NOARGS, ""),
        ("__reduce__", repeat_reduce as *const c_void, meth::NOARGS, ""),
    ]);
    set_methods(Count::tp(), &[("__reduce__", count_reduce as *const c_void, meth::NOARGS, "")]);
    set_methods(Chain::tp(), &[
        ("from_iterable", chain_from_iterable as *const c_void, meth::O | meth::CLASS, ""),
        ("__class_getitem__", class_getitem as *const c_void, meth::O | meth::CLASS, ""),
    ]);
    set_methods(Tee::tp(), &[("__copy__", tee_copy as *const c_void, meth::NOARGS, "")]);
    (*Tee::tp()).tp_weaklistoffset = std::mem::offset_of!(ItObj<Tee>, weakreflist) as isize;
    itertools_comb::init_types();
    for t in all_types() {
        vm::typeobj::ready(t)?;
    }
    Ok(())
}

fn all_types() -> Vec<*mut PyTypeObject> {
    let mut v = vec![
        Count::tp(),
        Cycle::tp(),
        Repeat::tp(),
        Accumulate::tp(),
        Chain::tp(),
        Compress::tp(),
        DropWhile::tp(),
        TakeWhile::tp(),
        FilterFalse::tp(),
        StarMap::tp(),
        GroupBy::tp(),
        Grouper::tp(),
        ISlice::tp(),
        Pairwise::tp(),
        Tee::tp(),
        TeeData::tp(),
        ZipLongest::tp(),
    ];
    v.extend(itertools_comb::types());
    v
}

pub fn init() -> PyResult<PyObj> {
    unsafe { init_types()? };
    let m = module::new("itertools");
    vm::sysmodule::add_functions(&m, &[("tee", itertools_tee as *const c_void, meth::FASTCALL)]);
    for t in all_types() {
        let name = type_name(t);
        ab::setattr_str(&m, &name, vm::typeobj::type_obj(t))?;
    }
    ab::setattr_str(
        &m,
        "__doc__",
        unicode::new("Functional tools for creating and using iterators."),
    )?;
    Ok(m)
}
