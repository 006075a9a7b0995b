//! `dict`: an insertion-ordered hash table behind CPython's public
//! `PyDictObject` head (`ma_used`, `ma_version_tag`, `ma_keys`, `ma_values`).
//!
//! `ma_keys` points to Pyrite's own table (CPython's keys object is private):
//! a sparse index array probed with CPython's perturbation scheme, and a
//! dense entry array in insertion order. Deleted entries leave a hole (null
//! key) until the next resize. This file owns the table and the core
//! operations; Python-level methods and views live in `dict_methods.rs`.

use crate::err::PyResult;
use crate::object::*;
use crate::objref::{decref, incref, PyObj};
use crate::objects::unicode;

#[repr(C)]
pub struct PyDictObject {
    pub ob_base: PyObject,
    pub ma_used: Py_ssize_t,
    pub ma_version_tag: u64,
    pub ma_keys: *mut DictTable,
    pub ma_values: *mut *mut PyObject,
}

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: isize,
    /// Null for a deleted entry.
    pub key: *mut PyObject,
    pub value: *mut PyObject,
}

pub struct DictTable {
    /// Index into `entries`, EMPTY or DUMMY; length is a power of two.
    indices: Vec<i32>,
    pub entries: Vec<Entry>,
}

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const PERTURB_SHIFT: u32 = 5;

#[no_mangle]
pub static mut PyDict_Type: PyTypeObject =
    PyTypeObject::empty(b"dict\0", std::mem::size_of::<PyDictObject>(), 0);

#[inline(always)]
pub fn dict_type() -> *mut PyTypeObject {
    &raw mut PyDict_Type
}

#[inline(always)]
pub fn is_dict(o: &PyObj) -> bool {
    unsafe {
        let tp = o.ob_type();
        tp == dict_type() || (*tp).tp_flags & flags::DICT_SUBCLASS != 0
    }
}

#[inline(always)]
pub fn is_exact_dict(o: &PyObj) -> bool {
    o.ob_type() == dict_type()
}

static mut VERSION: u64 = 0;

#[inline(always)]
fn next_version() -> u64 {
    unsafe {
        VERSION += 1;
        VERSION
    }
}

impl DictTable {
    fn with_capacity(n: usize) -> DictTable {
        let mut size = 8;
        while size * 2 < n * 3 {
            size *= 2;
        }
        DictTable { indices: vec![EMPTY; size], entries: Vec::with_capacity(size * 2 / 3) }
    }

    #[inline(always)]
    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    /// Slot in `indices` for a new entry with `hash` (first EMPTY or DUMMY).
    fn find_empty_slot(&self, hash: isize) -> usize {
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix < 0 {
                return i;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
    }

    fn insert_new(&mut self, hash: isize, key: *mut PyObject, value: *mut PyObject) {
        let slot = self.find_empty_slot(hash);
        self.indices[slot] = self.entries.len() as i32;
        self.entries.push(Entry { hash, key, value });
    }

    fn needs_resize(&self) -> bool {
        (self.entries.len() + 1) * 3 >= self.indices.len() * 2
    }

    /// Rebuilds the table dropping holes, sized for `used` live entries.
    fn rebuild(&mut self, used: usize) {
        let mut t = DictTable::with_capacity((used * 3).max(8));
        for e in self.entries.iter() {
            if !e.key.is_null() {
                t.insert_new(e.hash, e.key, e.value);
            }
        }
        *self = t;
    }
}

unsafe fn table<'a>(d: *mut PyObject) -> &'a mut DictTable {
    let dp = d as *mut PyDictObject;
    if (*dp).ma_keys.is_null() {
        (*dp).ma_keys = alloc_table(0);
    }
    &mut *(*dp).ma_keys
}

/// Freed tables of the smallest size (8 slots, room for 5 entries) kept with
/// their buffers, and freed dict objects: most dicts are small and
/// short-lived (keyword arguments, instance dicts), and a new dict otherwise
/// costs four allocations. CPython keeps the same two free lists.
const FREELIST_MAX: usize = 80;
static mut TABLE_FREELIST: Vec<*mut DictTable> = Vec::new();
static mut DICT_FREELIST: Vec<*mut PyObject> = Vec::new();

/// A table with room for `n` entries.
unsafe fn alloc_table(n: usize) -> *mut DictTable {
    if n <= 5 {
        if let Some(t) = (*(&raw mut TABLE_FREELIST)).pop() {
            return t;
        }
    }
    Box::into_raw(Box::new(DictTable::with_capacity(n)))
}

/// Releases the entries of a table already detached from its dict (their
/// finalizers may run any code), then keeps or frees the table.
unsafe fn free_table(t: *mut DictTable) {
    for e in (*t).entries.iter() {
        if !e.key.is_null() {
            decref(e.key);
            decref(e.value);
        }
    }
    (*t).entries.clear();
    let fl = &mut *(&raw mut TABLE_FREELIST);
    if (*t).indices.len() == 8 && (*t).entries.capacity() == 5 && fl.len() < FREELIST_MAX {
        (*t).indices.fill(EMPTY);
        fl.push(t);
    } else {
        drop(Box::from_raw(t));
    }
}

/// Whether `o` may be part of a reference cycle the collector must see: a
/// GC object, except an exact tuple the collector has untracked (CPython's
/// `_PyObject_GC_MAY_BE_TRACKED`).
#[inline(always)]
unsafe fn may_be_tracked(o: *mut PyObject) -> bool {
    let tp = (*o).ob_type;
    crate::alloc::type_is_gc(tp) && (tp != crate::objects::tuple::tuple_type() || crate::gc::is_tracked(o))
}

/// An exact dict is tracked by the collector only once it holds a key or
/// value that may be tracked, as CPython's MAINTAIN_TRACKING does: dicts of
/// strs and ints (keyword arguments, most literals) cost the collector
/// nothing, and `gc.is_tracked({})` is False as under CPython. Subclass
/// instances are tracked from allocation. Called once the dict holds `key`
/// and `value`, since tracking may start a collection.
#[inline(always)]
unsafe fn maintain_tracking(d: *mut PyObject, key: *mut PyObject, value: *mut PyObject) {
    if !crate::gc::is_tracked(d) && (may_be_tracked(key) || may_be_tracked(value)) {
        crate::gc::track(d);
    }
}

pub fn new() -> PyObj {
    unsafe {
        if let Some(o) = (*(&raw mut DICT_FREELIST)).pop() {
            // dict_dealloc left it untracked, with null keys and values.
            let dp = o as *mut PyDictObject;
            (*o).ob_refcnt = 1;
            (*dp).ma_used = 0;
            (*dp).ma_version_tag = next_version();
            return PyObj::from_owned(o);
        }
        let o = crate::alloc::alloc_object(dict_type(), 0);
        if o.is_null() {
            panic!("out of memory allocating a dict");
        }
        // A new dict starts untracked (see `maintain_tracking`).
        crate::gc::untrack(o);
        let dp = o as *mut PyDictObject;
        (*dp).ma_keys = std::ptr::null_mut();
        (*dp).ma_version_tag = next_version();
        PyObj::from_owned(o)
    }
}

/// The keyword-argument dict of a call: the names of the tuple `kwnames`
/// (distinct strs, as KW_NAMES makes them) with the values at `values`,
/// whose references the dict takes over.
pub unsafe fn from_kwnames_steal(kwnames: *mut PyObject, values: *const *mut PyObject) -> *mut PyObject {
    let names = crate::objects::tuple::items(PyObj::borrow(&kwnames));
    let d = with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let value = PyObj::from_owned(*values.add(i));
        let hash = if unicode::is_exact_str(name) { unicode::hash(name) } else {
            match crate::abstract_::hash(name) {
                Ok(h) => h,
                Err(_) => continue,
            }
        };
        let _ = set_item_hashed(&d, name.clone(), value, hash);
    }
    d.into_ptr()
}

pub fn with_capacity(n: usize) -> PyObj {
    let d = new();
    unsafe {
        (*(d.as_ptr() as *mut PyDictObject)).ma_keys = alloc_table(n);
    }
    d
}

#[inline(always)]
pub fn len(d: &PyObj) -> usize {
    unsafe { (*(d.as_ptr() as *mut PyDictObject)).ma_used as usize }
}

#[inline(always)]
pub fn version(d: &PyObj) -> u64 {
    unsafe { (*(d.as_ptr() as *mut PyDictObject)).ma_version_tag }
}

/// Compares a stored key with a probe key; may run Python `__eq__`.
#[inline(always)]
unsafe fn keys_equal(stored: *mut PyObject, key: &PyObj) -> PyResult<bool> {
    if stored == key.as_ptr() {
        return Ok(true);
    }
    let s = PyObj::borrow(&stored);
    if unicode::is_exact_str(s) && unicode::is_exact_str(key) {
        return Ok(unicode::eq(s, key));
    }
    // Exact ints compare by sign/size and digits without a rich comparison.
    if crate::objects::long::is_exact_int(s) && crate::objects::long::is_exact_int(key) {
        return Ok(crate::objects::long::ob_size(s) == crate::objects::long::ob_size(key)
            && crate::objects::long::digits(s) == crate::objects::long::digits(key));
    }
    let s = s.clone();
    crate::abstract_::rich_compare_bool(&s, key, PY_EQ)
}

/// Finds the entry index of `key`; `Ok(None)` when absent.
unsafe fn lookup(d: *mut PyObject, key: &PyObj, hash: isize) -> PyResult<Option<usize>> {
    let dp = d as *mut PyDictObject;
    if (*dp).ma_keys.is_null() {
        return Ok(None);
    }
    let t = &*(*dp).ma_keys;
    let mask = t.mask();
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    loop {
        let ix = *t.indices.get_unchecked(i);
        if ix == EMPTY {
            return Ok(None);
        }
        if ix >= 0 {
            let e = *t.entries.get_unchecked(ix as usize);
            if e.key == key.as_ptr() {
                return Ok(Some(ix as usize));
            }
            if e.hash == hash && !e.key.is_null() {
                let version = (*dp).ma_version_tag;
                let eq = keys_equal(e.key, key)?;
                // The comparison may have mutated the dict; restart then.
                if (*dp).ma_version_tag != version || (*dp).ma_keys.is_null() {
                    return lookup(d, key, hash);
                }
                if eq {
                    return Ok(Some(ix as usize));
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

enum StrProbe {
    Found(usize),
    Absent,
    /// A non-str key with the same hash: only the general lookup can say.
    NonStrKey,
}

/// Probes for an exact-str key by pointer or text without running Python code.
#[inline(always)]
fn probe_str(d: &PyObj, key: &PyObj) -> StrProbe {
    unsafe {
        let dp = d.as_ptr() as *mut PyDictObject;
        if (*dp).ma_keys.is_null() {
            return StrProbe::Absent;
        }
        let t = &*(*dp).ma_keys;
        let hash = unicode::hash(key);
        let mask = t.mask();
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        loop {
            let ix = *t.indices.get_unchecked(i);
            if ix == EMPTY {
                return StrProbe::Absent;
            }
            if ix >= 0 {
                let e = t.entries.get_unchecked(ix as usize);
                if e.key == key.as_ptr() {
                    return StrProbe::Found(ix as usize);
                }
                if e.hash == hash && !e.key.is_null() {
                    let k = PyObj::borrow(&e.key);
                    if !unicode::is_str(k) {
                        return StrProbe::NonStrKey;
                    }
                    if unicode::eq(k, key) {
                        return StrProbe::Found(ix as usize);
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
    }
}

/// Looks up an exact-str key (borrowed value) without running Python code
/// unless a non-str key collides with it.
#[inline]
pub fn get_str(d: &PyObj, key: &PyObj) -> Option<*mut PyObject> {
    match probe_str(d, key) {
        StrProbe::Found(ix) => unsafe { Some((&(*(*(d.as_ptr() as *mut PyDictObject)).ma_keys).entries).get_unchecked(ix).value) },
        StrProbe::Absent => None,
        StrProbe::NonStrKey => get_item(d, key).ok().flatten().map(|v| {
            let p = v.as_ptr();
            drop(v);
            p
        }),
    }
}

/// Entry index of an exact-str `key`: the hint that attribute inline
/// caches keep (None when a non-str key collides).
pub fn str_entry_index(d: &PyObj, key: &PyObj) -> Option<usize> {
    match probe_str(d, key) {
        StrProbe::Found(ix) => Some(ix),
        _ => None,
    }
}

/// The value of entry `ix` when that entry's key is `key` itself (an
/// inline cache's hint check: one bounds check and one compare).
#[inline(always)]
pub fn value_at_if_key(d: &PyObj, ix: usize, key: *mut PyObject) -> Option<*mut PyObject> {
    unsafe {
        let dp = d.as_ptr() as *mut PyDictObject;
        if (*dp).ma_keys.is_null() {
            return None;
        }
        let e = (&(*(*dp).ma_keys).entries).get(ix)?;
        if e.key == key {
            Some(e.value)
        } else {
            None
        }
    }
}

/// Replaces the value of entry `ix` when its key is `key` itself; hands
/// the value back when the hint no longer holds.
#[inline(always)]
pub fn replace_at_if_key(d: &PyObj, ix: usize, key: *mut PyObject, value: PyObj) -> Result<(), PyObj> {
    unsafe {
        let dp = d.as_ptr() as *mut PyDictObject;
        if (*dp).ma_keys.is_null() {
            return Err(value);
        }
        let Some(e) = (&mut (*(*dp).ma_keys).entries).get_mut(ix) else { return Err(value) };
        if e.key != key {
            return Err(value);
        }
        let vp = value.into_ptr();
        let old = std::mem::replace(&mut e.value, vp);
        (*dp).ma_version_tag = next_version();
        maintain_tracking(d.as_ptr(), key, vp);
        decref(old);
        Ok(())
    }
}

pub fn get_item(d: &PyObj, key: &PyObj) -> PyResult<Option<PyObj>> {
    let hash = crate::abstract_::hash(key)?;
    get_item_hashed(d, key, hash)
}

pub fn get_item_hashed(d: &PyObj, key: &PyObj, hash: isize) -> PyResult<Option<PyObj>> {
    unsafe {
        match lookup(d.as_ptr(), key, hash)? {
            Some(ix) => {
                let t = table(d.as_ptr());
                Ok(Some(PyObj::from_borrowed(t.entries[ix].value)))
            }
            None => Ok(None),
        }
    }
}

/// `d[key]` for Rust text keys (module and type dicts).
pub fn get_item_rs(d: &PyObj, key: &str) -> Option<PyObj> {
    let k = unicode::intern(key);
    get_str(d, &k).map(|p| unsafe { PyObj::from_borrowed(p) })
}

pub fn set_item(d: &PyObj, key: PyObj, value: PyObj) -> PyResult<()> {
    let hash = crate::abstract_::hash(&key)?;
    set_item_hashed(d, key, value, hash)
}

pub fn set_item_hashed(d: &PyObj, key: PyObj, value: PyObj, hash: isize) -> PyResult<()> {
    unsafe {
        let dp = d.as_ptr() as *mut PyDictObject;
        match lookup(d.as_ptr(), &key, hash)? {
            // Tracking comes after the write: `gc::track` may start a
            // collection, whose finalizers may change this dict, so the
            // entry found by `lookup` must be filled first.
            Some(ix) => {
                let t = table(d.as_ptr());
                let vp = value.into_ptr();
                let old = std::mem::replace(&mut t.entries[ix].value, vp);
                (*dp).ma_version_tag = next_version();
                maintain_tracking(d.as_ptr(), key.as_ptr(), vp);
                decref(old);
            }
            None => {
                let t = table(d.as_ptr());
                if t.needs_resize() {
                    t.rebuild((*dp).ma_used as usize + 1);
                }
                let (kp, vp) = (key.into_ptr(), value.into_ptr());
                t.insert_new(hash, kp, vp);
                (*dp).ma_used += 1;
                (*dp).ma_version_tag = next_version();
                maintain_tracking(d.as_ptr(), kp, vp);
            }
        }
        Ok(())
    }
}

pub fn set_item_rs(d: &PyObj, key: &str, value: PyObj) {
    let k = unicode::intern(key);
    let h = unicode::hash(&k);
    // str keys cannot raise in hashing or comparison.
    let _ = set_item_hashed(d, k, value, h);
}

/// Removes `key`; returns the old value, or None when absent.
pub fn pop_item(d: &PyObj, key: &PyObj) -> PyResult<Option<PyObj>> {
    let hash = crate::abstract_::hash(key)?;
    pop_item_hashed(d, key, hash)
}

/// Removes `key` with a known hash; returns the old value, or None.
pub fn pop_item_hashed(d: &PyObj, key: &PyObj, hash: isize) -> PyResult<Option<PyObj>> {
    unsafe {
        let dp = d.as_ptr() as *mut PyDictObject;
        match lookup(d.as_ptr(), key, hash)? {
            Some(ix) => {
                let t = table(d.as_ptr());
                // Find and mark the index slot pointing at ix.
                let mask = t.mask();
                let mut perturb = hash as usize;
                let mut i = (hash as usize) & mask;
                while t.indices[i] != ix as i32 {
                    perturb >>= PERTURB_SHIFT;
                    i = (i * 5 + perturb + 1) & mask;
                }
                t.indices[i] = DUMMY;
                let e = std::mem::replace(
                    &mut t.entries[ix],
                    Entry { hash: 0, key: std::ptr::null_mut(), value: std::ptr::null_mut() },
                );
                (*dp).ma_used -= 1;
                (*dp).ma_version_tag = next_version();
                decref(e.key);
                Ok(Some(PyObj::from_owned(e.value)))
            }
            None => Ok(None),
        }
    }
}

/// `del d[key]` with KeyError when absent.
pub fn del_item(d: &PyObj, key: &PyObj) -> PyResult<()> {
    match pop_item(d, key)? {
        Some(_) => Ok(()),
        None => Err(crate::err::key_error(key)),
    }
}

pub fn contains(d: &PyObj, key: &PyObj) -> PyResult<bool> {
    let hash = crate::abstract_::hash(key)?;
    unsafe { Ok(lookup(d.as_ptr(), key, hash)?.is_some()) }
}

/// Iterates live entries by position: returns the entry at or after `*pos`
/// and advances `*pos` past it (`PyDict_Next`). Borrowed pointers.
pub fn next_entry(d: &PyObj, pos: &mut usize) -> Option<(*mut PyObject, *mut PyObject, isize)> {
    unsafe {
        let dp = d.as_ptr() as *mut PyDictObject;
        if (*dp).ma_keys.is_null() {
            return None;
        }
        let t = &*(*dp).ma_keys;
        while *pos < t.entries.len() {
            let e = t.entries[*pos];
            *pos += 1;
            if !e.key.is_null() {
                return Some((e.key, e.value, e.hash));
            }
        }
        None
    }
}

/// Snapshot of the items as owned pairs (safe against mutation while used).
pub fn items_vec(d: &PyObj) -> Vec<(PyObj, PyObj)> {
    let mut out = Vec::with_capacity(len(d));
    let mut pos = 0;
    while let Some((k, v, _)) = next_entry(d, &mut pos) {
        unsafe { out.push((PyObj::from_borrowed(k), PyObj::from_borrowed(v))) };
    }
    out
}

/// The live entry at dense position `ix` (key, value, hash), borrowed;
/// None for a hole or past the end. `n_entries` bounds the positions.
pub fn entry_at(d: &PyObj, ix: usize) -> Option<(*mut PyObject, *mut PyObject, isize)> {
    unsafe {
        let dp = d.as_ptr() as *mut PyDictObject;
        if (*dp).ma_keys.is_null() {
            return None;
        }
        let t = &*(*dp).ma_keys;
        match t.entries.get(ix) {
            Some(e) if !e.key.is_null() => Some((e.key, e.value, e.hash)),
            _ => None,
        }
    }
}

/// Number of dense entry positions (live entries and holes).
pub fn n_entries(d: &PyObj) -> usize {
    unsafe {
        let dp = d.as_ptr() as *mut PyDictObject;
        if (*dp).ma_keys.is_null() { 0 } else { (*(*dp).ma_keys).entries.len() }
    }
}

pub fn keys_vec(d: &PyObj) -> Vec<PyObj> {
    let mut out = Vec::with_capacity(len(d));
    let mut pos = 0;
    while let Some((k, _, _)) = next_entry(d, &mut pos) {
        unsafe { out.push(PyObj::from_borrowed(k)) };
    }
    out
}

pub fn values_vec(d: &PyObj) -> Vec<PyObj> {
    let mut out = Vec::with_capacity(len(d));
    let mut pos = 0;
    while let Some((_, v, _)) = next_entry(d, &mut pos) {
        unsafe { out.push(PyObj::from_borrowed(v)) };
    }
    out
}

pub fn clear(d: &PyObj) {
    unsafe {
        let dp = d.as_ptr() as *mut PyDictObject;
        let t = std::mem::replace(&mut (*dp).ma_keys, std::ptr::null_mut());
        (*dp).ma_used = 0;
        (*dp).ma_version_tag = next_version();
        if !t.is_null() {
            free_table(t);
        }
    }
}

/// A shallow copy (as `dict.copy()`, always of exact type dict).
pub fn copy(d: &PyObj) -> PyObj {
    let n = new();
    unsafe {
        let src = d.as_ptr() as *mut PyDictObject;
        if !(*src).ma_keys.is_null() {
            let t = &*(*src).ma_keys;
            let mut nt = DictTable::with_capacity(len(d));
            for e in t.entries.iter() {
                if !e.key.is_null() {
                    incref(e.key);
                    incref(e.value);
                    nt.insert_new(e.hash, e.key, e.value);
                }
            }
            let np = n.as_ptr() as *mut PyDictObject;
            (*np).ma_keys = Box::into_raw(Box::new(nt));
            (*np).ma_used = (*src).ma_used;
            // The same entries: tracked exactly when the source is.
            if crate::gc::is_tracked(d.as_ptr()) {
                crate::gc::track(n.as_ptr());
            }
        }
    }
    n
}

/// Inserts every item of dict `src` into `d` (`dict.update` from a dict).
pub fn merge_from_dict(d: &PyObj, src: &PyObj, overwrite: bool) -> PyResult<()> {
    for (k, v) in items_vec(src) {
        if !overwrite && contains(d, &k)? {
            continue;
        }
        set_item(d, k, v)?;
    }
    Ok(())
}

unsafe extern "C" fn dict_dealloc(o: *mut PyObject) {
    let d = PyObj::borrow(&o);
    // Clear without touching the refcount of `o` itself.
    let dp = o as *mut PyDictObject;
    let t = std::mem::replace(&mut (*dp).ma_keys, std::ptr::null_mut());
    let _ = d;
    if !t.is_null() {
        free_table(t);
    }
    let fl = &mut *(&raw mut DICT_FREELIST);
    if (*o).ob_type == dict_type() && (*dp).ma_values.is_null() && fl.len() < FREELIST_MAX {
        crate::gc::untrack(o);
        fl.push(o);
        return;
    }
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn dict_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut std::os::raw::c_void,
) -> std::os::raw::c_int {
    let dp = o as *mut PyDictObject;
    if !(*dp).ma_keys.is_null() {
        for e in (*(*dp).ma_keys).entries.iter() {
            if !e.key.is_null() {
                let r = visit(e.key, arg);
                if r != 0 {
                    return r;
                }
                let r = visit(e.value, arg);
                if r != 0 {
                    return r;
                }
            }
        }
    }
    0
}

unsafe extern "C" fn dict_clear_slot(o: *mut PyObject) -> std::os::raw::c_int {
    clear(PyObj::borrow(&o));
    0
}

pub unsafe fn init_type() {
    let t = dict_type();
    (*t).tp_dealloc = Some(dict_dealloc);
    (*t).tp_traverse = Some(dict_traverse);
    (*t).tp_clear = Some(dict_clear_slot);
    (*t).tp_flags |= flags::BASETYPE | flags::DICT_SUBCLASS | flags::HAVE_GC | flags::MAPPING;
}
