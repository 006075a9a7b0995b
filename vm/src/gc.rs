//! The cycle collector. Every object with a GC header is linked into one of
//! three generation lists through `PyGC_Head`, as CPython links them. A
//! collection of generation g (which includes the younger ones) does what
//! CPython's `gc_collect_main` does:
//!
//! 1. copy each candidate's refcount to gc_refs (a side table here);
//! 2. subtract the references candidates hold to each other (`tp_traverse`);
//! 3. what keeps gc_refs > 0 is referenced from outside: it and everything
//!    it reaches is reachable; the rest is unreachable;
//! 4. weak references to unreachable objects are cleared, and callbacks of
//!    the weak references that are themselves reachable run;
//! 5. finalizers (`tp_finalize`, `__del__`) of unreachable objects run, at
//!    most once per object (PEP 442);
//! 6. objects a finalizer resurrected (and what they reach) are spared;
//! 7. `tp_clear` breaks the cycles of the rest, which refcounting frees.
//!
//! The FINALIZED mark lives in bit 0 of `_gc_prev` (as in CPython), so the
//! pointer parts of the links are masked everywhere here.

use crate::object::{PyGC_Head, PyObject};
use crate::objref::PyObj;
use std::cell::UnsafeCell;
use std::collections::HashSet as StdHashSet;

/// Object addresses are already well spread: hash them with one multiply
/// instead of SipHash.
#[derive(Default, Clone, Copy)]
pub struct AddrHasher(u64);

impl std::hash::Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | b as u64).wrapping_mul(0x9E3779B97F4A7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 4).wrapping_mul(0x9E3779B97F4A7C15);
    }
}

type BuildAddr = std::hash::BuildHasherDefault<AddrHasher>;
type HashSet<K> = StdHashSet<K, BuildAddr>;
use std::os::raw::{c_int, c_void};

const FINALIZED: usize = 1;
const FLAGS: usize = 3;
const PTR: usize = !FLAGS;
pub const NUM_GENERATIONS: usize = 3;

/// `gc.DEBUG_SAVEALL`: unreachable objects go to `gc.garbage` instead of
/// being freed.
pub const DEBUG_SAVEALL: i64 = 1 << 5;

struct Generation {
    head: PyGC_Head,
    threshold: isize,
    count: isize,
}

struct GcState {
    gens: [Generation; NUM_GENERATIONS],
    /// Objects moved to the permanent generation by `gc.freeze()`.
    permanent: PyGC_Head,
    enabled: bool,
    collecting: bool,
    initialized: bool,
    debug: i64,
    long_lived_total: isize,
    long_lived_pending: isize,
    garbage: Option<PyObj>,
    callbacks: Option<PyObj>,
}

struct Global(UnsafeCell<GcState>);
// Only touched with the GIL held.
unsafe impl Sync for Global {}

const EMPTY_HEAD: PyGC_Head = PyGC_Head { _gc_next: 0, _gc_prev: 0 };

static STATE: Global = Global(UnsafeCell::new(GcState {
    gens: [
        Generation { head: EMPTY_HEAD, threshold: 700, count: 0 },
        Generation { head: EMPTY_HEAD, threshold: 10, count: 0 },
        Generation { head: EMPTY_HEAD, threshold: 10, count: 0 },
    ],
    permanent: EMPTY_HEAD,
    enabled: true,
    collecting: false,
    initialized: false,
    debug: 0,
    long_lived_total: 0,
    long_lived_pending: 0,
    garbage: None,
    callbacks: None,
}));

#[inline(always)]
fn state() -> *mut GcState {
    STATE.0.get()
}

unsafe fn init_heads() {
    let s = state();
    if (*s).initialized {
        return;
    }
    for i in 0..NUM_GENERATIONS {
        let h = &raw mut (*s).gens[i].head;
        (*h)._gc_next = h as usize;
        (*h)._gc_prev = h as usize;
    }
    let p = &raw mut (*s).permanent;
    (*p)._gc_next = p as usize;
    (*p)._gc_prev = p as usize;
    (*s).initialized = true;
}

unsafe fn gen_head(i: usize) -> *mut PyGC_Head {
    init_heads();
    &raw mut (*state()).gens[i].head
}

unsafe fn permanent_head() -> *mut PyGC_Head {
    init_heads();
    &raw mut (*state()).permanent
}

#[inline(always)]
unsafe fn prev(g: *mut PyGC_Head) -> *mut PyGC_Head {
    ((*g)._gc_prev & PTR) as *mut PyGC_Head
}
#[inline(always)]
unsafe fn set_prev(g: *mut PyGC_Head, p: *mut PyGC_Head) {
    (*g)._gc_prev = (p as usize) | ((*g)._gc_prev & FLAGS);
}
#[inline(always)]
unsafe fn next(g: *mut PyGC_Head) -> *mut PyGC_Head {
    (*g)._gc_next as *mut PyGC_Head
}

#[inline(always)]
unsafe fn from_gc(g: *mut PyGC_Head) -> *mut PyObject {
    (g as *mut u8).add(std::mem::size_of::<PyGC_Head>()) as *mut PyObject
}

unsafe fn list_append(g: *mut PyGC_Head, h: *mut PyGC_Head) {
    let last = prev(h);
    set_prev(g, last);
    (*g)._gc_next = h as usize;
    (*last)._gc_next = g as usize;
    set_prev(h, g);
}

unsafe fn list_remove(g: *mut PyGC_Head) {
    let p = prev(g);
    let n = next(g);
    (*p)._gc_next = n as usize;
    set_prev(n, p);
}

unsafe fn list_is_empty(h: *mut PyGC_Head) -> bool {
    next(h) == h
}

/// Appends all of `from` to `to`, leaving `from` empty.
unsafe fn list_merge(from: *mut PyGC_Head, to: *mut PyGC_Head) {
    if list_is_empty(from) || from == to {
        return;
    }
    let to_tail = prev(to);
    let from_head = next(from);
    let from_tail = prev(from);
    (*to_tail)._gc_next = from_head as usize;
    set_prev(from_head, to_tail);
    (*from_tail)._gc_next = to as usize;
    set_prev(to, from_tail);
    (*from)._gc_next = from as usize;
    set_prev(from, from);
}

unsafe fn list_objects(h: *mut PyGC_Head) -> Vec<*mut PyObject> {
    let mut v = Vec::new();
    let mut g = next(h);
    while g != h {
        v.push(from_gc(g));
        g = next(g);
    }
    v
}

/// Links a freshly allocated object into the youngest generation (and
/// collects first when allocations passed the threshold).
///
/// Inline, with the count test first: every tuple, list and dict made (free
/// lists included) passes here, and the collection is rare.
#[inline(always)]
pub unsafe fn track(obj: *mut PyObject) {
    let g = crate::alloc::gc_head(obj);
    if (*g)._gc_prev & PTR != 0 {
        return;
    }
    let s = state();
    (*s).gens[0].count += 1;
    if (*s).gens[0].count > (*s).gens[0].threshold || !(*s).initialized {
        track_slow();
    }
    list_append(g, &raw mut (*s).gens[0].head);
}

/// The rare part of `track`: the first object ever tracked sets up the
/// generation lists, and one past the threshold may start a collection.
#[cold]
#[inline(never)]
unsafe fn track_slow() {
    init_heads();
    let s = state();
    if (*s).enabled && !(*s).collecting && (*s).gens[0].threshold > 0
        && (*s).gens[0].count > (*s).gens[0].threshold
    {
        collect_generations();
    }
}

#[inline(always)]
pub unsafe fn untrack(obj: *mut PyObject) {
    let g = crate::alloc::gc_head(obj);
    if (*g)._gc_prev & PTR == 0 {
        return;
    }
    list_remove(g);
    (*g)._gc_prev &= FLAGS;
    (*g)._gc_next = 0;
    let s = state();
    if (*s).gens[0].count > 0 {
        (*s).gens[0].count -= 1;
    }
}

pub unsafe fn is_tracked(obj: *mut PyObject) -> bool {
    (*crate::alloc::gc_head(obj))._gc_prev & PTR != 0
}

/// Whether the object's finalizer already ran (GC objects only).
pub unsafe fn is_finalized(obj: *mut PyObject) -> bool {
    (*crate::alloc::gc_head(obj))._gc_prev & FINALIZED != 0
}

pub unsafe fn set_finalized(obj: *mut PyObject) {
    (*crate::alloc::gc_head(obj))._gc_prev |= FINALIZED;
}

pub fn enable() {
    unsafe { (*state()).enabled = true }
}
pub fn disable() {
    unsafe { (*state()).enabled = false }
}
pub fn is_enabled() -> bool {
    unsafe { (*state()).enabled }
}
pub fn is_collecting() -> bool {
    unsafe { (*state()).collecting }
}
pub fn count() -> isize {
    unsafe { (*state()).gens[0].count.max(0) }
}
/// (gen0, gen1, gen2) counts, as `gc.get_count()`.
pub fn counts() -> [isize; NUM_GENERATIONS] {
    unsafe {
        let s = state();
        [(*s).gens[0].count.max(0), (*s).gens[1].count, (*s).gens[2].count]
    }
}
pub fn thresholds() -> [isize; NUM_GENERATIONS] {
    unsafe {
        let s = state();
        [(*s).gens[0].threshold, (*s).gens[1].threshold, (*s).gens[2].threshold]
    }
}
pub fn set_thresholds(t0: isize, t1: Option<isize>, t2: Option<isize>) {
    unsafe {
        let s = state();
        (*s).gens[0].threshold = t0;
        if let Some(t) = t1 {
            (*s).gens[1].threshold = t;
        }
        if let Some(t) = t2 {
            (*s).gens[2].threshold = t;
        }
    }
}
pub fn debug_flags() -> i64 {
    unsafe { (*state()).debug }
}
pub fn set_debug_flags(f: i64) {
    unsafe { (*state()).debug = f }
}

/// `gc.garbage`: the list of uncollectable objects (one list for the
/// interpreter's lifetime).
pub fn garbage() -> PyObj {
    unsafe { (*state()).garbage.get_or_insert_with(|| crate::objects::list::new(Vec::new())).clone() }
}

/// `gc.callbacks`: callables invoked as cb(phase, info) around collections.
pub fn callbacks() -> PyObj {
    unsafe { (*state()).callbacks.get_or_insert_with(|| crate::objects::list::new(Vec::new())).clone() }
}

/// Every tracked object (of generation `gen`, or all).
pub fn objects(gen: Option<usize>) -> Vec<PyObj> {
    unsafe {
        let mut v = Vec::new();
        for i in 0..NUM_GENERATIONS {
            if gen.is_none() || gen == Some(i) {
                for o in list_objects(gen_head(i)) {
                    if (*o).ob_refcnt > 0 && !(*o).ob_type.is_null() {
                        v.push(PyObj::from_borrowed(o));
                    }
                }
            }
        }
        v
    }
}

/// `gc.freeze()`: moves every tracked object to the permanent generation.
pub fn freeze() {
    unsafe {
        for i in 0..NUM_GENERATIONS {
            list_merge(gen_head(i), permanent_head());
        }
        (*state()).gens[0].count = 0;
    }
}

/// `gc.unfreeze()`: returns the permanent generation to the oldest one.
pub fn unfreeze() {
    unsafe { list_merge(permanent_head(), gen_head(NUM_GENERATIONS - 1)) }
}

pub fn freeze_count() -> usize {
    unsafe { list_objects(permanent_head()).len() }
}

// ------------------------------------------------------------------ traversal

/// The objects `o` refers to, as its `tp_traverse` reports them.
pub unsafe fn referents(o: *mut PyObject) -> Vec<*mut PyObject> {
    unsafe extern "C" fn push(p: *mut PyObject, arg: *mut c_void) -> c_int {
        if !p.is_null() {
            (*(arg as *mut Vec<*mut PyObject>)).push(p);
        }
        0
    }
    let mut v: Vec<*mut PyObject> = Vec::new();
    let tp = (*o).ob_type;
    if tp.is_null() || !crate::alloc::type_is_gc(tp) {
        return v;
    }
    if let Some(t) = (*tp).tp_traverse {
        t(o, push, &mut v as *mut Vec<*mut PyObject> as *mut c_void);
    }
    v
}

/// Runs collections as CPython's `collect_generations`: the oldest
/// generation whose count passed its threshold.
unsafe fn collect_generations() {
    let s = state();
    for i in (0..NUM_GENERATIONS).rev() {
        if (*s).gens[i].count > (*s).gens[i].threshold {
            if i == NUM_GENERATIONS - 1 && (*s).long_lived_pending < (*s).long_lived_total / 4 {
                continue;
            }
            collect_with_callbacks(i);
            break;
        }
    }
}

/// Runs a full collection; returns the number of unreachable objects found.
pub fn collect() -> usize {
    collect_generation(NUM_GENERATIONS - 1)
}

/// A full collection without `gc.callbacks`, as CPython collects while it
/// tears modules down at exit (`_PyGC_CollectNoFail`).
pub fn collect_no_callbacks() -> usize {
    unsafe {
        let s = state();
        if (*s).collecting {
            return 0;
        }
        (*s).collecting = true;
        let n = collect_main(NUM_GENERATIONS - 1);
        (*s).collecting = false;
        n
    }
}

/// Collects generation `gen` (and the younger ones).
pub fn collect_generation(gen: usize) -> usize {
    unsafe {
        if (*state()).collecting {
            return 0;
        }
        collect_with_callbacks(gen.min(NUM_GENERATIONS - 1))
    }
}

unsafe fn invoke_callbacks(phase: &str, gen: usize, collected: usize) {
    let cbs = match &(*state()).callbacks {
        Some(c) if crate::objects::list::len(c) > 0 => c.clone(),
        _ => return,
    };
    let saved = crate::err::take();
    let info = crate::objects::dict::new();
    let l = |n: usize| crate::objects::long::from_usize(n);
    crate::objects::dict::set_item_rs(&info, "generation", l(gen));
    crate::objects::dict::set_item_rs(&info, "collected", l(collected));
    crate::objects::dict::set_item_rs(&info, "uncollectable", l(0));
    let phase = crate::objects::unicode::new(phase);
    for cb in crate::objects::list::to_vec(&cbs) {
        if let Err(e) = crate::abstract_::call(&cb, &[phase.clone(), info.clone()], None) {
            crate::interp::write_unraisable(&e, Some(&cb));
        }
    }
    if let Some(e) = saved {
        crate::err::restore(e);
    }
}

unsafe fn collect_with_callbacks(gen: usize) -> usize {
    let s = state();
    (*s).collecting = true;
    invoke_callbacks("start", gen, 0);
    let n = collect_main(gen);
    invoke_callbacks("stop", gen, n);
    (*s).collecting = false;
    n
}

// During the reachability pass of a collection each candidate's `_gc_prev`
// holds its index in the pass's tables (shifted past the flag bits) with the
// COLLECTING bit set, as CPython keeps gc_refs in the header; the saved links
// are put back before any Python code can run. Real links never have that
// bit set (heads are 8-aligned), so it also tells candidates from the rest.
const COLLECTING: usize = 2;
const INDEX_SHIFT: usize = 2;

/// The reachability pass's per-candidate state.
struct Pass {
    /// External reference count estimate (CPython's gc_refs).
    refs: Vec<isize>,
    reachable: Vec<bool>,
    stack: Vec<*mut PyObject>,
}

/// The candidate index of `p`, if `p` is a GC object of the current pass.
#[inline(always)]
unsafe fn candidate_index(p: *mut PyObject) -> Option<usize> {
    let tp = (*p).ob_type;
    if tp.is_null() || !crate::alloc::type_is_gc(tp) {
        return None;
    }
    if let Some(is_gc) = (*tp).tp_is_gc {
        if is_gc(p) == 0 {
            return None;
        }
    }
    let bits = (*crate::alloc::gc_head(p))._gc_prev;
    if bits & COLLECTING != 0 {
        Some(bits >> INDEX_SHIFT)
    } else {
        None
    }
}

unsafe extern "C" fn visit_decref(p: *mut PyObject, arg: *mut c_void) -> c_int {
    let pass = &mut *(arg as *mut Pass);
    if let Some(i) = candidate_index(p) {
        pass.refs[i] -= 1;
    }
    0
}

unsafe extern "C" fn visit_reachable(p: *mut PyObject, arg: *mut c_void) -> c_int {
    let pass = &mut *(arg as *mut Pass);
    if let Some(i) = candidate_index(p) {
        if !pass.reachable[i] {
            pass.reachable[i] = true;
            pass.stack.push(p);
        }
    }
    0
}

unsafe fn traverse(o: *mut PyObject, visit: crate::object::visitproc, arg: *mut c_void) {
    let tp = (*o).ob_type;
    if tp.is_null() {
        return;
    }
    if let Some(t) = (*tp).tp_traverse {
        t(o, visit, arg);
    }
}

/// The objects of `objs` (distinct GC objects, all tracked) that nothing
/// outside `objs` keeps alive: each starts with `base_refs(o)` references,
/// the references the others hold are subtracted, and whatever keeps a
/// positive count (or is reached from one that does) is reachable. Runs no
/// Python code.
unsafe fn unreachable_of(objs: &[*mut PyObject], base_refs: impl Fn(*mut PyObject) -> isize) -> Vec<*mut PyObject> {
    let mut saved: Vec<usize> = Vec::with_capacity(objs.len());
    let mut pass = Pass { refs: Vec::with_capacity(objs.len()), reachable: vec![false; objs.len()], stack: Vec::new() };
    for (i, &o) in objs.iter().enumerate() {
        let g = crate::alloc::gc_head(o);
        saved.push((*g)._gc_prev);
        (*g)._gc_prev = (i << INDEX_SHIFT) | COLLECTING;
        pass.refs.push(base_refs(o));
    }
    let arg = &mut pass as *mut Pass as *mut c_void;
    for &o in objs {
        traverse(o, visit_decref, arg);
    }
    for (i, &o) in objs.iter().enumerate() {
        // gc_refs < 0 would mean a tp_traverse reported more references
        // than the object holds: keep such objects, to be safe.
        if pass.refs[i] != 0 && !pass.reachable[i] {
            pass.reachable[i] = true;
            pass.stack.push(o);
        }
    }
    while let Some(o) = pass.stack.pop() {
        traverse(o, visit_reachable, arg);
    }
    for (i, &o) in objs.iter().enumerate() {
        (*crate::alloc::gc_head(o))._gc_prev = saved[i];
    }
    objs.iter().zip(&pass.reachable).filter(|(_, &r)| !r).map(|(&o, _)| o).collect()
}

/// Whether the collector may be tracking `p` (CPython's
/// `_PyObject_GC_MAY_BE_TRACKED`): any GC object but an untracked tuple.
unsafe fn may_be_tracked(p: *mut PyObject) -> bool {
    let tp = (*p).ob_type;
    if tp.is_null() || !crate::alloc::type_is_gc(tp) {
        return false;
    }
    if let Some(is_gc) = (*tp).tp_is_gc {
        if is_gc(p) == 0 {
            return false;
        }
    }
    tp != crate::objects::tuple::tuple_type() || is_tracked(p)
}

/// The live objects of the list headed by `h`, untracking on the way the
/// exact tuples that hold nothing tracked (they can never be part of a
/// cycle; CPython's untrack_tuples), so later collections skip them.
unsafe fn candidates_untracking_tuples(h: *mut PyGC_Head) -> Vec<*mut PyObject> {
    let tuple_tp = crate::objects::tuple::tuple_type();
    let mut v = Vec::new();
    let mut g = next(h);
    while g != h {
        let nxt = next(g);
        let o = from_gc(g);
        if (*o).ob_refcnt > 0 && !(*o).ob_type.is_null() {
            if (*o).ob_type == tuple_tp {
                let n = (*(o as *mut crate::object::PyVarObject)).ob_size.max(0) as usize;
                let items = crate::objects::tuple::items_ptr(o);
                let untrackable = (0..n).all(|i| {
                    let p = *items.add(i);
                    !p.is_null() && !may_be_tracked(p)
                });
                if untrackable {
                    untrack(o);
                    g = nxt;
                    continue;
                }
            }
            v.push(o);
        }
        g = nxt;
    }
    v
}

unsafe fn collect_main(gen: usize) -> usize {
    let s = state();
    let old = if gen + 1 < NUM_GENERATIONS { gen + 1 } else { gen };
    // The younger generations join the one collected.
    for i in 0..gen {
        list_merge(gen_head(i), gen_head(gen));
    }
    let candidates = candidates_untracking_tuples(gen_head(gen));
    // Everything examined ends up in the older generation (survivors now;
    // objects that outlive tp_clear stay there too).
    list_merge(gen_head(gen), gen_head(old));
    if gen + 1 < NUM_GENERATIONS {
        (*s).gens[gen + 1].count += 1;
    }
    for i in 0..=gen {
        (*s).gens[i].count = 0;
    }

    let unreachable = unreachable_of(&candidates, |o| (*o).ob_refcnt);
    if gen == NUM_GENERATIONS - 2 {
        (*s).long_lived_pending += (candidates.len() - unreachable.len()) as isize;
    } else if gen == NUM_GENERATIONS - 1 {
        (*s).long_lived_pending = 0;
        (*s).long_lived_total = (candidates.len() - unreachable.len()) as isize;
    }
    let found = unreachable.len();
    if found == 0 {
        return 0;
    }
    // Keep the garbage alive while Python code (callbacks, finalizers) runs.
    let held: Vec<PyObj> = unreachable.iter().map(|&o| PyObj::from_borrowed(o)).collect();
    let garbage_set: HashSet<usize> = unreachable.iter().map(|&o| o as usize).collect();

    // Weak references: clear those to garbage; run the callbacks of the
    // weak references that are not garbage themselves.
    let mut to_call: Vec<PyObj> = Vec::new();
    let is_garbage = |p: *mut PyObject| garbage_set.contains(&(p as usize));
    for o in &held {
        crate::objects::weakref::gc_clear_ref(o.as_ptr());
        to_call.extend(crate::objects::weakref::gc_clear_for_collection(o.as_ptr(), &is_garbage));
    }
    for w in to_call {
        crate::objects::weakref::gc_run_callback(&w);
    }

    // Finalizers, once per object.
    for o in &held {
        let p = o.as_ptr();
        let tp = (*p).ob_type;
        if let Some(fin) = (*tp).tp_finalize {
            if !crate::objects::weakref::finalized(p) {
                crate::objects::weakref::mark_finalized(p);
                fin(p);
                if let Some(e) = crate::err::take() {
                    crate::interp::write_unraisable(&e, Some(o));
                }
            }
        }
    }

    // Resurrection: what finalizers made reachable again is spared.
    // (`held` owns one reference to each, which is not the program's.)
    let ptrs: Vec<*mut PyObject> = held.iter().map(|o| o.as_ptr()).collect();
    let final_unreachable = unreachable_of(&ptrs, |o| (*o).ob_refcnt - 1);

    if (*s).debug & DEBUG_SAVEALL != 0 {
        let g = garbage();
        for &o in &final_unreachable {
            crate::objects::list::append(&g, PyObj::from_borrowed(o));
        }
    } else {
        for &o in &final_unreachable {
            let tp = (*o).ob_type;
            if let Some(clear) = (*tp).tp_clear {
                clear(o);
                if let Some(e) = crate::err::take() {
                    crate::interp::write_unraisable(&e, None);
                }
            }
        }
    }
    drop(held);
    found
}
