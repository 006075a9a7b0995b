//! `set` and `frozenset`: hash tables of keys with CPython's set semantics.
//!
//! The object has CPython 3.11's `PySetObject` layout (fill, used, mask,
//! table, hash, finger, smalltable[8], weakreflist) and the table is probed
//! exactly as CPython probes it (linear probes of 9 then perturbation), so
//! iteration order matches CPython's for the same insertions.

use crate::abstract_;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{boolobject, dict, exceptions, long, none, tuple, unicode};
use crate::objref::{decref, incref, PyObj};
use crate::typeobj::{is_subtype, type_name};
use std::os::raw::{c_int, c_void};

pub const PYSET_MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct SetEntry {
    pub key: *mut PyObject,
    pub hash: Py_hash_t,
}

#[repr(C)]
pub struct PySetObject {
    pub ob_base: PyObject,
    pub fill: Py_ssize_t,
    pub used: Py_ssize_t,
    pub mask: Py_ssize_t,
    pub table: *mut SetEntry,
    pub hash: Py_hash_t,
    pub finger: Py_ssize_t,
    pub smalltable: [SetEntry; PYSET_MINSIZE],
    pub weakreflist: *mut PyObject,
}

#[repr(C)]
pub struct SetIterObject {
    pub ob_base: PyObject,
    pub si_set: *mut PyObject,
    pub si_used: Py_ssize_t,
    pub si_pos: Py_ssize_t,
    pub len: Py_ssize_t,
}

#[no_mangle]
pub static mut PySet_Type: PyTypeObject =
    PyTypeObject::empty(b"set\0", std::mem::size_of::<PySetObject>(), 0);
#[no_mangle]
pub static mut PyFrozenSet_Type: PyTypeObject =
    PyTypeObject::empty(b"frozenset\0", std::mem::size_of::<PySetObject>(), 0);
#[no_mangle]
pub static mut PySetIter_Type: PyTypeObject =
    PyTypeObject::empty(b"set_iterator\0", std::mem::size_of::<SetIterObject>(), 0);

/// The dummy key marking deleted entries (never visible to Python code).
#[no_mangle]
pub static mut _PySet_Dummy: PyObject = PyObject { ob_refcnt: IMMORTAL_REFCNT, ob_type: std::ptr::null_mut() };

#[inline(always)]
fn dummy() -> *mut PyObject {
    &raw mut _PySet_Dummy
}

pub fn set_type() -> *mut PyTypeObject {
    &raw mut PySet_Type
}
pub fn frozenset_type() -> *mut PyTypeObject {
    &raw mut PyFrozenSet_Type
}

#[inline]
pub fn is_set(o: &PyObj) -> bool {
    unsafe { o.ob_type() == set_type() || is_subtype(o.ob_type(), set_type()) }
}
#[inline]
pub fn is_frozenset(o: &PyObj) -> bool {
    unsafe { o.ob_type() == frozenset_type() || is_subtype(o.ob_type(), frozenset_type()) }
}
/// `PyAnySet_Check`.
#[inline]
pub fn is_anyset(o: &PyObj) -> bool {
    is_set(o) || is_frozenset(o)
}
#[inline]
fn is_anyset_exact(o: &PyObj) -> bool {
    o.ob_type() == set_type() || o.ob_type() == frozenset_type()
}

#[inline(always)]
unsafe fn so(o: &PyObj) -> *mut PySetObject {
    o.as_ptr() as *mut PySetObject
}

pub fn len(o: &PyObj) -> usize {
    unsafe { (*so(o)).used as usize }
}

// ---------------------------------------------------------------- the table

unsafe fn init_empty(s: *mut PySetObject) {
    (*s).fill = 0;
    (*s).used = 0;
    (*s).mask = PYSET_MINSIZE as isize - 1;
    (*s).table = (*s).smalltable.as_mut_ptr();
    (*s).hash = -1;
    (*s).finger = 0;
    (*s).weakreflist = std::ptr::null_mut();
    for e in (*s).smalltable.iter_mut() {
        *e = SetEntry { key: std::ptr::null_mut(), hash: 0 };
    }
}

/// Finds the entry for `key` (or the unused entry ending its probe chain).
/// May run `__eq__`; restarts if the table changed under it.
unsafe fn lookkey(s: *mut PySetObject, key: &PyObj, hash: isize) -> PyResult<*mut SetEntry> {
    'restart: loop {
        let mut mask = (*s).mask as usize;
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        loop {
            let mut entry = (*s).table.add(i);
            let mut probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            loop {
                if (*entry).hash == 0 && (*entry).key.is_null() {
                    return Ok(entry);
                }
                if (*entry).hash == hash {
                    let startkey = (*entry).key;
                    if startkey == key.as_ptr() {
                        return Ok(entry);
                    }
                    let sk = PyObj::from_borrowed(startkey);
                    if unicode::is_exact_str(&sk) && unicode::is_exact_str(key) {
                        if unicode::eq(&sk, key) {
                            return Ok(entry);
                        }
                    } else {
                        let table = (*s).table;
                        let cmp = abstract_::rich_compare_bool(&sk, key, PY_EQ)?;
                        if table != (*s).table || (*entry).key != startkey {
                            continue 'restart;
                        }
                        if cmp {
                            return Ok(entry);
                        }
                        mask = (*s).mask as usize;
                    }
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                entry = entry.add(1);
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
}

/// Inserts into a table known to hold no dummies and not this key.
unsafe fn insert_clean(table: *mut SetEntry, mask: usize, key: *mut PyObject, hash: isize) {
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    loop {
        let mut entry = table.add(i);
        if (*entry).key.is_null() {
            *entry = SetEntry { key, hash };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for _ in 0..LINEAR_PROBES {
                entry = entry.add(1);
                if (*entry).key.is_null() {
                    *entry = SetEntry { key, hash };
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

unsafe fn table_resize(s: *mut PySetObject, minused: usize) {
    let mut newsize = PYSET_MINSIZE;
    while newsize <= minused {
        newsize <<= 1;
    }
    let oldtable = (*s).table;
    let oldmask = (*s).mask as usize;
    let is_small = oldtable == (*s).smalltable.as_mut_ptr();
    // Keep a copy of the old entries (the small table may be reused).
    let old: Vec<SetEntry> = std::slice::from_raw_parts(oldtable, oldmask + 1).to_vec();
    let newtable: *mut SetEntry = if newsize == PYSET_MINSIZE {
        let t = (*s).smalltable.as_mut_ptr();
        for k in 0..PYSET_MINSIZE {
            *t.add(k) = SetEntry { key: std::ptr::null_mut(), hash: 0 };
        }
        t
    } else {
        let t = crate::alloc::mem_calloc(newsize * std::mem::size_of::<SetEntry>()) as *mut SetEntry;
        if t.is_null() {
            panic!("out of memory resizing a set");
        }
        t
    };
    (*s).mask = newsize as isize - 1;
    (*s).table = newtable;
    let newmask = newsize - 1;
    (*s).fill = (*s).used;
    for e in old.iter() {
        if !e.key.is_null() && e.key != dummy() {
            insert_clean(newtable, newmask, e.key, e.hash);
        }
    }
    if !is_small && oldtable != newtable {
        crate::alloc::mem_free(oldtable as *mut c_void);
    }
}

/// Adds `key` (a new reference is taken) with a known hash. As in CPython
/// 3.11, the first dummy met on the probe chain is reused.
unsafe fn add_entry(s: *mut PySetObject, key: &PyObj, hash: isize) -> PyResult<()> {
    'restart: loop {
        let mut mask = (*s).mask as usize;
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        let mut freeslot: *mut SetEntry = std::ptr::null_mut();
        let entry: *mut SetEntry = 'search: loop {
            let mut entry = (*s).table.add(i);
            let mut probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            loop {
                if (*entry).hash == 0 && (*entry).key.is_null() {
                    break 'search entry;
                }
                if (*entry).hash == hash {
                    let startkey = (*entry).key;
                    if startkey == key.as_ptr() {
                        return Ok(());
                    }
                    let sk = PyObj::from_borrowed(startkey);
                    if unicode::is_exact_str(&sk) && unicode::is_exact_str(key) {
                        if unicode::eq(&sk, key) {
                            return Ok(());
                        }
                    } else {
                        let table = (*s).table;
                        let cmp = abstract_::rich_compare_bool(&sk, key, PY_EQ)?;
                        if cmp {
                            return Ok(());
                        }
                        if table != (*s).table || (*entry).key != startkey {
                            continue 'restart;
                        }
                        mask = (*s).mask as usize;
                    }
                } else if (*entry).hash == -1 && freeslot.is_null() {
                    freeslot = entry;
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                entry = entry.add(1);
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        };
        incref(key.as_ptr());
        if !freeslot.is_null() {
            (*s).used += 1;
            *freeslot = SetEntry { key: key.as_ptr(), hash };
            return Ok(());
        }
        (*s).fill += 1;
        (*s).used += 1;
        *entry = SetEntry { key: key.as_ptr(), hash };
        if ((*s).fill as usize) * 5 < mask * 3 {
            return Ok(());
        }
        let used = (*s).used as usize;
        table_resize(s, if used > 50000 { used * 2 } else { used * 4 });
        return Ok(());
    }
}

unsafe fn add_key(s: *mut PySetObject, key: &PyObj) -> PyResult<()> {
    let h = abstract_::hash(key)?;
    add_entry(s, key, h)
}

unsafe fn contains_entry(s: *mut PySetObject, key: &PyObj, hash: isize) -> PyResult<bool> {
    let e = lookkey(s, key, hash)?;
    Ok(!(*e).key.is_null())
}

unsafe fn contains_key(s: *mut PySetObject, key: &PyObj) -> PyResult<bool> {
    let h = abstract_::hash(key)?;
    contains_entry(s, key, h)
}

/// Removes `key` if present; true when it was.
unsafe fn discard_entry(s: *mut PySetObject, key: &PyObj, hash: isize) -> PyResult<bool> {
    let e = lookkey(s, key, hash)?;
    if (*e).key.is_null() {
        return Ok(false);
    }
    let old = (*e).key;
    (*e).key = dummy();
    (*e).hash = -1;
    (*s).used -= 1;
    decref(old);
    Ok(true)
}

unsafe fn discard_key(s: *mut PySetObject, key: &PyObj) -> PyResult<bool> {
    let h = abstract_::hash(key)?;
    discard_entry(s, key, h)
}

/// Live entries by position (`set_next`); borrowed key pointer.
unsafe fn next_entry(s: *mut PySetObject, pos: &mut usize) -> Option<SetEntry> {
    let mask = (*s).mask as usize;
    while *pos <= mask {
        let e = *(*s).table.add(*pos);
        *pos += 1;
        if !e.key.is_null() && e.key != dummy() {
            return Some(e);
        }
    }
    None
}

/// Snapshot of (key, hash) pairs as owned references.
unsafe fn entries(s: *mut PySetObject) -> Vec<(PyObj, isize)> {
    let mut v = Vec::with_capacity((*s).used as usize);
    let mut pos = 0;
    while let Some(e) = next_entry(s, &mut pos) {
        v.push((PyObj::from_borrowed(e.key), e.hash));
    }
    v
}

/// The keys in table order.
pub fn items(o: &PyObj) -> Vec<PyObj> {
    unsafe { entries(so(o)).into_iter().map(|(k, _)| k).collect() }
}

unsafe fn clear_internal(s: *mut PySetObject) {
    let table = (*s).table;
    let mask = (*s).mask as usize;
    let is_small = table == (*s).smalltable.as_mut_ptr();
    let old: Vec<SetEntry> = std::slice::from_raw_parts(table, mask + 1).to_vec();
    let wr = (*s).weakreflist;
    init_empty(s);
    (*s).weakreflist = wr;
    if !is_small {
        crate::alloc::mem_free(table as *mut c_void);
    }
    for e in old {
        if !e.key.is_null() && e.key != dummy() {
            decref(e.key);
        }
    }
}

unsafe fn merge(s: *mut PySetObject, other: *mut PySetObject) -> PyResult<()> {
    if s == other || (*other).used == 0 {
        return Ok(());
    }
    if (((*s).fill + (*other).used) as usize) * 5 >= ((*s).mask as usize) * 3 {
        table_resize(s, (((*s).used + (*other).used) * 2) as usize);
    }
    let omask = (*other).mask as usize;
    if (*s).fill == 0 && (*s).mask == (*other).mask && (*other).fill == (*other).used {
        for i in 0..=omask {
            let e = *(*other).table.add(i);
            if !e.key.is_null() {
                incref(e.key);
                *(*s).table.add(i) = e;
            }
        }
        (*s).fill = (*other).fill;
        (*s).used = (*other).used;
        return Ok(());
    }
    if (*s).fill == 0 {
        let newmask = (*s).mask as usize;
        (*s).fill = (*other).used;
        (*s).used = (*other).used;
        for i in 0..=omask {
            let e = *(*other).table.add(i);
            if !e.key.is_null() && e.key != dummy() {
                incref(e.key);
                insert_clean((*s).table, newmask, e.key, e.hash);
            }
        }
        return Ok(());
    }
    for (k, h) in entries(other) {
        add_entry(s, &k, h)?;
    }
    Ok(())
}

/// `set_update_internal`: adds every element of an iterable.
unsafe fn update_internal(s: *mut PySetObject, other: &PyObj) -> PyResult<()> {
    if is_anyset(other) {
        return merge(s, so(other));
    }
    if dict::is_exact_dict(other) {
        let n = dict::len(other);
        if (((*s).fill as usize) + n) * 5 >= ((*s).mask as usize) * 3 {
            table_resize(s, ((*s).used as usize + n) * 2);
        }
        let mut pos = 0;
        let mut keys = Vec::with_capacity(n);
        while let Some((k, _, h)) = dict::next_entry(other, &mut pos) {
            keys.push((PyObj::from_borrowed(k), h));
        }
        for (k, h) in keys {
            add_entry(s, &k, h)?;
        }
        return Ok(());
    }
    let it = abstract_::get_iter(other)?;
    while let Some(k) = abstract_::next(&it)? {
        add_key(s, &k)?;
    }
    Ok(())
}

/// Allocates an empty set of type `tp`.
unsafe fn alloc_set(tp: *mut PyTypeObject) -> PyResult<PyObj> {
    let o = crate::typeobj::alloc_instance(tp);
    if o.is_null() {
        return Err(err::fetch());
    }
    init_empty(o as *mut PySetObject);
    Ok(PyObj::from_owned(o))
}

fn make_new_set(tp: *mut PyTypeObject, iterable: Option<&PyObj>) -> PyResult {
    unsafe {
        let s = alloc_set(tp)?;
        if let Some(it) = iterable {
            update_internal(so(&s), it)?;
        }
        Ok(s)
    }
}

/// A new set of `set` or `frozenset` type, whichever base `tp` derives from.
fn make_new_set_basetype(tp: *mut PyTypeObject, iterable: Option<&PyObj>) -> PyResult {
    let t = if tp != set_type() && tp != frozenset_type() {
        if unsafe { is_subtype(tp, set_type()) } { set_type() } else { frozenset_type() }
    } else {
        tp
    };
    make_new_set(t, iterable)
}

// ---------------------------------------------------------------- public API

pub fn new_set(items: &[PyObj]) -> PyResult {
    unsafe {
        let s = alloc_set(set_type())?;
        for k in items {
            add_key(so(&s), k)?;
        }
        Ok(s)
    }
}

/// `set(iterable)` / `frozenset(iterable)` from Rust.
pub fn new_from_iterable(frozen: bool, iterable: Option<&PyObj>) -> PyResult {
    make_new_set(if frozen { frozenset_type() } else { set_type() }, iterable)
}

pub fn add(s: &PyObj, v: PyObj) -> PyResult<()> {
    unsafe { add_key(so(s), &v) }
}

pub fn update(s: &PyObj, it: &PyObj) -> PyResult<()> {
    unsafe { update_internal(so(s), it) }
}

pub fn contains(s: &PyObj, key: &PyObj) -> PyResult<bool> {
    unsafe { contains_key(so(s), key) }
}

pub fn frozenset_from_strs(names: &[&str]) -> PyObj {
    unsafe {
        let s = alloc_set(frozenset_type()).expect("allocating a frozenset");
        for n in names {
            let _ = add_key(so(&s), &unicode::intern(n));
        }
        s
    }
}

// ---------------------------------------------------------------- slots

unsafe extern "C" fn set_dealloc(o: *mut PyObject) {
    let s = o as *mut PySetObject;
    if !(*s).weakreflist.is_null() {
        crate::objects::weakref::clear_weakrefs(o);
    }
    let table = (*s).table;
    let mask = (*s).mask as usize;
    for i in 0..=mask {
        let k = (*table.add(i)).key;
        if !k.is_null() && k != dummy() {
            decref(k);
        }
    }
    if table != (*s).smalltable.as_mut_ptr() {
        crate::alloc::mem_free(table as *mut c_void);
    }
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn set_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let s = o as *mut PySetObject;
    let mut pos = 0;
    while let Some(e) = next_entry(s, &mut pos) {
        let r = visit(e.key, arg);
        if r != 0 {
            return r;
        }
    }
    0
}

unsafe extern "C" fn set_clear_slot(o: *mut PyObject) -> c_int {
    clear_internal(o as *mut PySetObject);
    0
}

unsafe extern "C" fn set_len(o: *mut PyObject) -> Py_ssize_t {
    (*(o as *mut PySetObject)).used
}

pub use crate::abstract_::{repr_enter, repr_leave};

fn tp_name_of(o: &PyObj) -> String {
    unsafe {
        let tp = o.ob_type();
        if crate::typeobj::is_heap(tp) {
            type_name(tp)
        } else {
            std::ffi::CStr::from_ptr((*tp).tp_name).to_string_lossy().into_owned()
        }
    }
}

fn set_repr_impl(o: &PyObj) -> PyResult {
    let name = tp_name_of(o);
    if repr_enter(o) {
        return Ok(unicode::new(&format!("{}(...)", name)));
    }
    let r = (|| {
        if len(o) == 0 {
            return Ok(unicode::new(&format!("{}()", name)));
        }
        let mut parts = Vec::new();
        for k in items(o) {
            parts.push(abstract_::repr_string(&k)?);
        }
        let body = parts.join(", ");
        if o.ob_type() == set_type() {
            Ok(unicode::new(&format!("{{{}}}", body)))
        } else {
            Ok(unicode::new(&format!("{}({{{}}})", name, body)))
        }
    })();
    repr_leave(o);
    r
}

unsafe extern "C" fn set_repr(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(set_repr_impl(PyObj::borrow(&o)))
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

unsafe extern "C" fn frozenset_hash(o: *mut PyObject) -> Py_hash_t {
    let s = o as *mut PySetObject;
    if (*s).hash != -1 {
        return (*s).hash;
    }
    let mut hash: u64 = 0;
    let mask = (*s).mask as usize;
    for i in 0..=mask {
        hash ^= shuffle_bits((*(*s).table.add(i)).hash as u64);
    }
    if ((mask as i64 + 1 - (*s).fill as i64) & 1) != 0 {
        hash ^= shuffle_bits(0);
    }
    if (((*s).fill - (*s).used) & 1) != 0 {
        hash ^= shuffle_bits(-1i64 as u64);
    }
    hash ^= ((*s).used as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    (*s).hash = hash as isize;
    hash as isize
}

/// `key in s`, retrying an unhashable set key as a frozenset.
fn contains_with_frozen_retry(s: &PyObj, key: &PyObj) -> PyResult<bool> {
    match unsafe { contains_key(so(s), key) } {
        Err(e) if e.matches(unsafe { exceptions::PyExc_TypeError }) && is_set(key) => {
            let tmp = make_new_set(frozenset_type(), Some(key))?;
            unsafe { contains_key(so(s), &tmp) }
        }
        r => r,
    }
}

unsafe extern "C" fn set_contains(o: *mut PyObject, key: *mut PyObject) -> c_int {
    match contains_with_frozen_retry(PyObj::borrow(&o), PyObj::borrow(&key)) {
        Ok(b) => b as c_int,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

fn issubset(a: &PyObj, other: &PyObj) -> PyResult<bool> {
    if !is_anyset(other) {
        let tmp = make_new_set(set_type(), Some(other))?;
        return issubset(a, &tmp);
    }
    if len(a) > len(other) {
        return Ok(false);
    }
    unsafe {
        for (k, h) in entries(so(a)) {
            if !contains_entry(so(other), &k, h)? {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

fn issuperset(a: &PyObj, other: &PyObj) -> PyResult<bool> {
    if is_anyset(other) {
        return issubset(other, a);
    }
    let it = abstract_::get_iter(other)?;
    while let Some(k) = abstract_::next(&it)? {
        if !unsafe { contains_key(so(a), &k)? } {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_eq(v: &PyObj, w: &PyObj) -> PyResult<bool> {
    if len(v) != len(w) {
        return Ok(false);
    }
    unsafe {
        let (hv, hw) = ((*so(v)).hash, (*so(w)).hash);
        if hv != -1 && hw != -1 && hv != hw {
            return Ok(false);
        }
    }
    issubset(v, w)
}

unsafe extern "C" fn set_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    let v = PyObj::borrow(&v);
    let w = PyObj::borrow(&w);
    if !is_anyset(w) {
        return none::not_implemented().into_ptr();
    }
    let r = match op {
        PY_EQ => set_eq(v, w),
        PY_NE => set_eq(v, w).map(|b| !b),
        PY_LE => issubset(v, w),
        PY_GE => issuperset(v, w),
        PY_LT => {
            if len(v) >= len(w) { Ok(false) } else { issubset(v, w) }
        }
        PY_GT => {
            if len(v) <= len(w) { Ok(false) } else { issuperset(v, w) }
        }
        _ => return none::not_implemented().into_ptr(),
    };
    err::into_ptr(r.map(boolobject::new))
}

unsafe extern "C" fn set_iter(o: *mut PyObject) -> *mut PyObject {
    let it = crate::alloc::alloc_object(&raw mut PySetIter_Type, 0) as *mut SetIterObject;
    incref(o);
    (*it).si_set = o;
    (*it).si_used = (*(o as *mut PySetObject)).used;
    (*it).si_pos = 0;
    (*it).len = (*(o as *mut PySetObject)).used;
    it as *mut PyObject
}

unsafe extern "C" fn setiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut SetIterObject;
    let sp = (*it).si_set;
    if sp.is_null() {
        return std::ptr::null_mut();
    }
    let s = sp as *mut PySetObject;
    if (*it).si_used != (*s).used {
        err::restore(err::runtime_error("Set changed size during iteration"));
        (*it).si_used = -1;
        return std::ptr::null_mut();
    }
    let mut i = (*it).si_pos as usize;
    let mask = (*s).mask as usize;
    while i <= mask {
        let k = (*(*s).table.add(i)).key;
        if !k.is_null() && k != dummy() {
            break;
        }
        i += 1;
    }
    (*it).si_pos = i as isize + 1;
    if i > mask {
        (*it).si_set = std::ptr::null_mut();
        decref(sp);
        return std::ptr::null_mut();
    }
    (*it).len -= 1;
    let k = (*(*s).table.add(i)).key;
    incref(k);
    k
}

unsafe extern "C" fn setiter_dealloc(o: *mut PyObject) {
    crate::objref::xdecref((*(o as *mut SetIterObject)).si_set);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn setiter_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = (*(o as *mut SetIterObject)).si_set;
    if p.is_null() { 0 } else { visit(p, arg) }
}

crate::onearg!(setiter_length_hint, |slf, _a| {
    let it = slf.as_ptr() as *mut SetIterObject;
    let s = (*it).si_set;
    let n = if !s.is_null() && (*it).si_used == (*(s as *mut PySetObject)).used { (*it).len } else { 0 };
    Ok(long::from_i64(n as i64))
});

// ---------------------------------------------------------------- operations

fn set_copy(a: &PyObj) -> PyResult {
    make_new_set_basetype(a.ob_type(), Some(a))
}

fn intersection(a: &PyObj, other: &PyObj) -> PyResult {
    if a.is(other) {
        return set_copy(a);
    }
    let result = make_new_set_basetype(a.ob_type(), None)?;
    unsafe {
        if is_anyset(other) {
            let (big, small) = if len(other) > len(a) { (other, a) } else { (a, other) };
            for (k, h) in entries(so(small)) {
                if contains_entry(so(big), &k, h)? {
                    add_entry(so(&result), &k, h)?;
                }
            }
            return Ok(result);
        }
        let it = abstract_::get_iter(other)?;
        while let Some(k) = abstract_::next(&it)? {
            let h = abstract_::hash(&k)?;
            if contains_entry(so(a), &k, h)? {
                add_entry(so(&result), &k, h)?;
            }
        }
    }
    Ok(result)
}

fn intersection_multi(a: &PyObj, others: &[PyObj]) -> PyResult {
    if others.is_empty() {
        return set_copy(a);
    }
    let mut result = a.clone();
    for o in others {
        result = intersection(&result, o)?;
    }
    Ok(result)
}

/// Exchanges the tables of two sets (`set_swap_bodies`).
unsafe fn swap_bodies(a: *mut PySetObject, b: *mut PySetObject) {
    let a_small = (*a).table == (*a).smalltable.as_mut_ptr();
    let b_small = (*b).table == (*b).smalltable.as_mut_ptr();
    std::mem::swap(&mut (*a).fill, &mut (*b).fill);
    std::mem::swap(&mut (*a).used, &mut (*b).used);
    std::mem::swap(&mut (*a).mask, &mut (*b).mask);
    std::mem::swap(&mut (*a).table, &mut (*b).table);
    std::mem::swap(&mut (*a).smalltable, &mut (*b).smalltable);
    if a_small {
        (*b).table = (*b).smalltable.as_mut_ptr();
    }
    if b_small {
        (*a).table = (*a).smalltable.as_mut_ptr();
    }
    std::mem::swap(&mut (*a).hash, &mut (*b).hash);
}

fn difference_update_internal(a: &PyObj, other: &PyObj) -> PyResult<()> {
    unsafe {
        let s = so(a);
        if a.is(other) {
            clear_internal(s);
            return Ok(());
        }
        if is_anyset(other) {
            for (k, h) in entries(so(other)) {
                discard_entry(s, &k, h)?;
            }
        } else {
            let it = abstract_::get_iter(other)?;
            while let Some(k) = abstract_::next(&it)? {
                discard_key(s, &k)?;
            }
        }
        if (((*s).fill - (*s).used) as usize) <= ((*s).mask as usize) / 4 {
            return Ok(());
        }
        let used = (*s).used as usize;
        table_resize(s, if used > 50000 { used * 2 } else { used * 4 });
    }
    Ok(())
}

fn copy_and_difference(a: &PyObj, other: &PyObj) -> PyResult {
    let r = set_copy(a)?;
    difference_update_internal(&r, other)?;
    Ok(r)
}

fn difference(a: &PyObj, other: &PyObj) -> PyResult {
    let other_size = if is_anyset(other) {
        len(other)
    } else if dict::is_exact_dict(other) {
        dict::len(other)
    } else {
        return copy_and_difference(a, other);
    };
    if (len(a) >> 2) > other_size {
        return copy_and_difference(a, other);
    }
    let result = make_new_set_basetype(a.ob_type(), None)?;
    unsafe {
        for (k, h) in entries(so(a)) {
            let present = if dict::is_exact_dict(other) {
                dict::get_item_hashed(other, &k, h)?.is_some()
            } else {
                contains_entry(so(other), &k, h)?
            };
            if !present {
                add_entry(so(&result), &k, h)?;
            }
        }
    }
    Ok(result)
}

fn symmetric_difference_update(a: &PyObj, other: &PyObj) -> PyResult<()> {
    unsafe {
        let s = so(a);
        if a.is(other) {
            clear_internal(s);
            return Ok(());
        }
        if dict::is_exact_dict(other) {
            let mut pos = 0;
            let mut keys = Vec::new();
            while let Some((k, _, h)) = dict::next_entry(other, &mut pos) {
                keys.push((PyObj::from_borrowed(k), h));
            }
            for (k, h) in keys {
                if !discard_entry(s, &k, h)? {
                    add_entry(s, &k, h)?;
                }
            }
            return Ok(());
        }
        let otherset = if is_anyset(other) { other.clone() } else { make_new_set_basetype(a.ob_type(), Some(other))? };
        for (k, h) in entries(so(&otherset)) {
            if !discard_entry(s, &k, h)? {
                add_entry(s, &k, h)?;
            }
        }
    }
    Ok(())
}

fn symmetric_difference(a: &PyObj, other: &PyObj) -> PyResult {
    let otherset = make_new_set_basetype(a.ob_type(), Some(other))?;
    symmetric_difference_update(&otherset, a)?;
    Ok(otherset)
}

fn union_multi(a: &PyObj, others: &[PyObj]) -> PyResult {
    let result = make_new_set_basetype(a.ob_type(), Some(a))?;
    for o in others {
        if a.is(o) {
            continue;
        }
        unsafe { update_internal(so(&result), o)? };
    }
    Ok(result)
}

// Number slots: both operands must be sets, else NotImplemented.

macro_rules! set_binop {
    ($name:ident, |$a:ident, $b:ident| $body:expr) => {
        unsafe extern "C" fn $name(x: *mut PyObject, y: *mut PyObject) -> *mut PyObject {
            let $a = PyObj::borrow(&x);
            let $b = PyObj::borrow(&y);
            if !is_anyset($a) || !is_anyset($b) {
                return none::not_implemented().into_ptr();
            }
            let r: PyResult = $body;
            err::into_ptr(r)
        }
    };
}

set_binop!(set_or, |a, b| {
    (|| {
        let r = set_copy(a)?;
        if !a.is(b) {
            unsafe { update_internal(so(&r), b)? };
        }
        Ok(r)
    })()
});
set_binop!(set_and, |a, b| intersection(a, b));
set_binop!(set_sub, |a, b| difference(a, b));
set_binop!(set_xor, |a, b| symmetric_difference(a, b));
set_binop!(set_ior, |a, b| unsafe { update_internal(so(a), b).map(|_| a.clone()) });
set_binop!(set_iand, |a, b| {
    (|| {
        let tmp = intersection(a, b)?;
        unsafe { swap_bodies(so(a), so(&tmp)) };
        Ok(a.clone())
    })()
});
set_binop!(set_isub, |a, b| difference_update_internal(a, b).map(|_| a.clone()));
set_binop!(set_ixor, |a, b| symmetric_difference_update(a, b).map(|_| a.clone()));

// ---------------------------------------------------------------- methods

fn key_retry<T>(s: &PyObj, key: &PyObj, f: impl Fn(&PyObj) -> PyResult<T>) -> PyResult<T> {
    let _ = s;
    match f(key) {
        Err(e) if e.matches(unsafe { exceptions::PyExc_TypeError }) && is_set(key) => {
            let tmp = make_new_set(frozenset_type(), Some(key))?;
            f(&tmp)
        }
        r => r,
    }
}

crate::onearg!(m_add, |slf, a| {
    unsafe { add_key(so(slf), a.unwrap())? };
    Ok(none::none())
});
crate::onearg!(m_clear, |slf, _a| {
    unsafe { clear_internal(so(slf)) };
    Ok(none::none())
});
crate::onearg!(m_copy, |slf, _a| { set_copy(slf) });
crate::onearg!(m_frozenset_copy, |slf, _a| {
    if slf.ob_type() == frozenset_type() {
        return Ok(slf.clone());
    }
    make_new_set(frozenset_type(), Some(slf))
});
crate::onearg!(m_discard, |slf, a| {
    key_retry(slf, a.unwrap(), |k| unsafe { discard_key(so(slf), k) })?;
    Ok(none::none())
});
crate::onearg!(m_remove, |slf, a| {
    let key = a.unwrap();
    if !key_retry(slf, key, |k| unsafe { discard_key(so(slf), k) })? {
        return Err(err::key_error(key));
    }
    Ok(none::none())
});
crate::onearg!(m_contains, |slf, a| {
    Ok(boolobject::new(contains_with_frozen_retry(slf, a.unwrap())?))
});
crate::onearg!(m_pop, |slf, _a| {
    unsafe {
        let s = so(slf);
        if (*s).used == 0 {
            return Err(err::key_error_msg("pop from an empty set"));
        }
        let mask = (*s).mask as usize;
        let mut i = ((*s).finger as usize) & mask;
        loop {
            let k = (*(*s).table.add(i)).key;
            if !k.is_null() && k != dummy() {
                break;
            }
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let e = (*s).table.add(i);
        let key = (*e).key;
        (*e).key = dummy();
        (*e).hash = -1;
        (*s).used -= 1;
        (*s).finger = i as isize + 1;
        Ok(PyObj::from_owned(key))
    }
});
crate::fastcall!(m_union, |slf, args| { union_multi(slf, args) });
crate::fastcall!(m_intersection, |slf, args| { intersection_multi(slf, args) });
crate::fastcall!(m_intersection_update, |slf, args| {
    let tmp = intersection_multi(slf, args)?;
    unsafe { swap_bodies(so(slf), so(&tmp)) };
    Ok(none::none())
});
crate::fastcall!(m_difference, |slf, args| {
    if args.is_empty() {
        return set_copy(slf);
    }
    let r = difference(slf, &args[0])?;
    for o in &args[1..] {
        difference_update_internal(&r, o)?;
    }
    Ok(r)
});
crate::fastcall!(m_difference_update, |slf, args| {
    for o in args {
        difference_update_internal(slf, o)?;
    }
    Ok(none::none())
});
crate::onearg!(m_symmetric_difference, |slf, a| { symmetric_difference(slf, a.unwrap()) });
crate::onearg!(m_symmetric_difference_update, |slf, a| {
    symmetric_difference_update(slf, a.unwrap())?;
    Ok(none::none())
});
crate::fastcall!(m_update, |slf, args| {
    for o in args {
        unsafe { update_internal(so(slf), o)? };
    }
    Ok(none::none())
});
crate::onearg!(m_issubset, |slf, a| { Ok(boolobject::new(issubset(slf, a.unwrap())?)) });
crate::onearg!(m_issuperset, |slf, a| { Ok(boolobject::new(issuperset(slf, a.unwrap())?)) });
crate::onearg!(m_isdisjoint, |slf, a| {
    let other = a.unwrap();
    if slf.is(other) {
        return Ok(boolobject::new(len(slf) == 0));
    }
    unsafe {
        if is_anyset_exact(other) {
            let (big, small) = if len(other) > len(slf) { (other, slf) } else { (slf, other) };
            for (k, h) in entries(so(small)) {
                if contains_entry(so(big), &k, h)? {
                    return Ok(boolobject::new(false));
                }
            }
            return Ok(boolobject::new(true));
        }
        let it = abstract_::get_iter(other)?;
        while let Some(k) = abstract_::next(&it)? {
            if contains_key(so(slf), &k)? {
                return Ok(boolobject::new(false));
            }
        }
    }
    Ok(boolobject::new(true))
});
crate::onearg!(m_reduce, |slf, _a| {
    let keys = crate::objects::list::new(items(slf));
    let state = match crate::typeobj::instance_dict(slf) {
        Some(d) => d,
        None => none::none(),
    };
    Ok(tuple::new(vec![
        crate::typeobj::type_obj(slf.ob_type()),
        tuple::new(vec![keys]),
        state,
    ]))
});
crate::onearg!(m_sizeof, |slf, _a| {
    let mut n = std::mem::size_of::<PySetObject>();
    unsafe {
        let s = so(slf);
        if (*s).table != (*s).smalltable.as_mut_ptr() {
            n += ((*s).mask as usize + 1) * std::mem::size_of::<SetEntry>();
        }
    }
    Ok(long::from_usize(n))
});
crate::onearg!(m_class_getitem, |slf, a| { generic_alias(slf, a.unwrap()) });

/// `cls[args]` for built-in generic classes: a `types.GenericAlias`.
pub fn generic_alias(cls: &PyObj, args: &PyObj) -> PyResult {
    crate::objects::unionobject::generic_alias(cls, args)
}

// ---------------------------------------------------------------- new / init

unsafe extern "C" fn set_new(tp: *mut PyTypeObject, _args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    if tp == set_type() && !kwds.is_null() && dict::len(PyObj::borrow(&kwds)) > 0 {
        err::restore(err::type_error("set() takes no keyword arguments"));
        return std::ptr::null_mut();
    }
    err::into_ptr(alloc_set(tp))
}

unsafe extern "C" fn set_init(o: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let slf = PyObj::borrow(&o);
    if !kwds.is_null() && dict::len(PyObj::borrow(&kwds)) > 0 {
        err::restore(err::type_error("set() takes no keyword arguments"));
        return -1;
    }
    let a = tuple::items(PyObj::borrow(&args));
    if a.len() > 1 {
        err::restore(err::type_error(format!("{} expected at most 1 argument, got {}", tp_name_of(slf), a.len())));
        return -1;
    }
    let s = so(slf);
    if (*s).fill != 0 {
        clear_internal(s);
    }
    (*s).hash = -1;
    if let Some(it) = a.first() {
        return err::int_result(update_internal(s, it));
    }
    0
}

unsafe extern "C" fn frozenset_new(tp: *mut PyTypeObject, args: *mut PyObject, kwds: *mut PyObject) -> *mut PyObject {
    if tp == frozenset_type() && !kwds.is_null() && dict::len(PyObj::borrow(&kwds)) > 0 {
        err::restore(err::type_error("frozenset() takes no keyword arguments"));
        return std::ptr::null_mut();
    }
    let a = tuple::items(PyObj::borrow(&args));
    if a.len() > 1 {
        let name = if crate::typeobj::is_heap(tp) {
            type_name(tp)
        } else {
            std::ffi::CStr::from_ptr((*tp).tp_name).to_string_lossy().into_owned()
        };
        err::restore(err::type_error(format!("{} expected at most 1 argument, got {}", name, a.len())));
        return std::ptr::null_mut();
    }
    let it = a.first();
    if tp == frozenset_type() {
        if let Some(i) = it {
            if i.ob_type() == frozenset_type() {
                return i.clone().into_ptr();
            }
        }
    }
    err::into_ptr(make_new_set(tp, it))
}

static mut SET_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;
static mut FROZENSET_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;
static mut SET_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;

pub fn extra_types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PySetIter_Type]
}

pub unsafe fn init_types() {
    _PySet_Dummy.ob_type = crate::typeobj::object_type();
    let n = &raw mut SET_AS_NUMBER;
    (*n).nb_subtract = Some(set_sub);
    (*n).nb_and = Some(set_and);
    (*n).nb_xor = Some(set_xor);
    (*n).nb_or = Some(set_or);
    (*n).nb_inplace_subtract = Some(set_isub);
    (*n).nb_inplace_and = Some(set_iand);
    (*n).nb_inplace_xor = Some(set_ixor);
    (*n).nb_inplace_or = Some(set_ior);
    let f = &raw mut FROZENSET_AS_NUMBER;
    (*f).nb_subtract = Some(set_sub);
    (*f).nb_and = Some(set_and);
    (*f).nb_xor = Some(set_xor);
    (*f).nb_or = Some(set_or);
    let sq = &raw mut SET_AS_SEQUENCE;
    (*sq).sq_length = Some(set_len);
    (*sq).sq_contains = Some(set_contains);

    let common: &[(&str, *const c_void, c_int, &str)] = &[
        ("__contains__", m_contains as *const c_void, meth::O | meth::COEXIST, "x.__contains__(y) <==> y in x."),
        ("copy", m_copy as *const c_void, meth::NOARGS, "Return a shallow copy of a set."),
        ("difference", m_difference as *const c_void, meth::FASTCALL, "Return the difference of two or more sets as a new set."),
        ("intersection", m_intersection as *const c_void, meth::FASTCALL, "Return the intersection of two sets as a new set."),
        ("isdisjoint", m_isdisjoint as *const c_void, meth::O, "Return True if two sets have a null intersection."),
        ("issubset", m_issubset as *const c_void, meth::O, "Report whether another set contains this set."),
        ("issuperset", m_issuperset as *const c_void, meth::O, "Report whether this set contains another set."),
        ("__reduce__", m_reduce as *const c_void, meth::NOARGS, "Return state information for pickling."),
        ("__sizeof__", m_sizeof as *const c_void, meth::NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"),
        ("symmetric_difference", m_symmetric_difference as *const c_void, meth::O, "Return the symmetric difference of two sets as a new set."),
        ("union", m_union as *const c_void, meth::FASTCALL, "Return the union of sets as a new set."),
        ("__class_getitem__", m_class_getitem as *const c_void, meth::O | meth::CLASS, "See PEP 585"),
    ];
    let mut set_methods: Vec<(&str, *const c_void, c_int, &str)> = common.to_vec();
    set_methods.extend_from_slice(&[
        ("add", m_add as *const c_void, meth::O, "Add an element to a set."),
        ("clear", m_clear as *const c_void, meth::NOARGS, "Remove all elements from this set."),
        ("difference_update", m_difference_update as *const c_void, meth::FASTCALL, "Remove all elements of another set from this set."),
        ("discard", m_discard as *const c_void, meth::O, "Remove an element from a set if it is a member."),
        ("intersection_update", m_intersection_update as *const c_void, meth::FASTCALL, "Update a set with the intersection of itself and another."),
        ("pop", m_pop as *const c_void, meth::NOARGS, "Remove and return an arbitrary set element."),
        ("remove", m_remove as *const c_void, meth::O, "Remove an element from a set; it must be a member."),
        ("symmetric_difference_update", m_symmetric_difference_update as *const c_void, meth::O, "Update a set with the symmetric difference of itself and another."),
        ("update", m_update as *const c_void, meth::FASTCALL, "Update a set with the union of itself and others."),
    ]);
    let mut fs_methods = common.to_vec();
    fs_methods[1].1 = m_frozenset_copy as *const c_void;

    for (t, methods, num) in [
        (set_type(), set_methods, n),
        (frozenset_type(), fs_methods, f),
    ] {
        (*t).tp_dealloc = Some(set_dealloc);
        (*t).tp_traverse = Some(set_traverse);
        (*t).tp_clear = Some(set_clear_slot);
        (*t).tp_repr = Some(set_repr);
        (*t).tp_richcompare = Some(set_richcompare);
        (*t).tp_iter = Some(set_iter);
        (*t).tp_as_number = num;
        (*t).tp_as_sequence = sq;
        (*t).tp_weaklistoffset = std::mem::offset_of!(PySetObject, weakreflist) as isize;
        (*t).tp_flags |= flags::BASETYPE | flags::HAVE_GC | flags::MATCH_SELF;
        crate::objects::descr::set_methods(t, &methods);
    }
    (*set_type()).tp_new = Some(set_new);
    (*set_type()).tp_init = Some(set_init);
    (*set_type()).tp_hash = Some(crate::slots::hash_not_implemented);
    (*frozenset_type()).tp_new = Some(frozenset_new);
    (*frozenset_type()).tp_hash = Some(frozenset_hash);

    let t = &raw mut PySetIter_Type;
    (*t).tp_dealloc = Some(setiter_dealloc);
    (*t).tp_traverse = Some(setiter_traverse);
    (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(setiter_next);
    (*t).tp_flags |= flags::HAVE_GC;
    crate::objects::descr::set_methods(
        t,
        &[("__length_hint__", setiter_length_hint as *const c_void, meth::NOARGS, "Private method returning an estimate of len(list(it)).")],
    );
}
