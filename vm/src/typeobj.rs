//! `type` and `object`: readying types (MRO, dict, inherited slots), lookup
//! along the MRO, generic attribute access, instance creation and
//! deallocation, and classes created at run time (`type(name, bases, ns)`).
//!
//! The dunder-method <-> slot machinery (slot wrappers on built-in types,
//! slot functions on classes) lives in `slots.rs`.

use crate::err::{self, PyErr, PyResult};
use crate::object::*;
use crate::objects::{dict, none, tuple, unicode};
use crate::objref::{decref, incref, xdecref, PyObj};
use std::ffi::CStr;
use std::os::raw::{c_int, c_void};

#[no_mangle]
pub static mut PyType_Type: PyTypeObject = PyTypeObject::empty(
    b"type\0",
    std::mem::size_of::<PyHeapTypeObject>(),
    std::mem::size_of::<PyMemberDef>(),
);

#[no_mangle]
pub static mut PyBaseObject_Type: PyTypeObject =
    PyTypeObject::empty(b"object\0", std::mem::size_of::<PyObject>(), 0);

#[inline(always)]
pub fn type_type() -> *mut PyTypeObject {
    &raw mut PyType_Type
}

#[inline(always)]
pub fn object_type() -> *mut PyTypeObject {
    &raw mut PyBaseObject_Type
}

#[inline(always)]
pub fn is_type(o: &PyObj) -> bool {
    unsafe { (*o.ob_type()).tp_flags & flags::TYPE_SUBCLASS != 0 }
}

#[inline(always)]
pub unsafe fn as_type(o: &PyObj) -> *mut PyTypeObject {
    o.as_ptr() as *mut PyTypeObject
}

pub fn type_obj(tp: *mut PyTypeObject) -> PyObj {
    unsafe { PyObj::from_borrowed(tp as *mut PyObject) }
}

#[inline(always)]
pub unsafe fn is_heap(tp: *mut PyTypeObject) -> bool {
    (*tp).tp_flags & flags::HEAPTYPE != 0
}

/// `__name__` of a type: the heap type's name, or tp_name after its last dot.
pub fn type_name(tp: *mut PyTypeObject) -> String {
    unsafe {
        if is_heap(tp) {
            let ht = tp as *mut PyHeapTypeObject;
            if !(*ht).ht_name.is_null() {
                return unicode::to_string_lossy(PyObj::borrow(&(*ht).ht_name));
            }
        }
        let full = CStr::from_ptr((*tp).tp_name).to_string_lossy();
        match full.rfind('.') {
            Some(i) => full[i + 1..].to_string(),
            None => full.into_owned(),
        }
    }
}

/// The type's `tp_name` as CPython's messages print it: module-qualified
/// for static types named "module.Type", the plain name for classes.
pub fn tp_name(tp: *mut PyTypeObject) -> String {
    unsafe {
        // Classes keep tp_name equal to __name__; heap types made from a
        // spec ("mod.Name") print their full tp_name, as in CPython.
        if (*tp).tp_name.is_null() {
            return type_name(tp);
        }
        CStr::from_ptr((*tp).tp_name).to_string_lossy().into_owned()
    }
}

/// `__qualname__` of a type.
pub fn type_qualname(tp: *mut PyTypeObject) -> String {
    unsafe {
        if is_heap(tp) {
            let ht = tp as *mut PyHeapTypeObject;
            if !(*ht).ht_qualname.is_null() {
                return unicode::to_string_lossy(PyObj::borrow(&(*ht).ht_qualname));
            }
        }
    }
    type_name(tp)
}

/// `__module__` of a type as text ("builtins" for built-in types without a dot).
pub fn type_module(tp: *mut PyTypeObject) -> Option<String> {
    unsafe {
        if is_heap(tp) {
            let d = PyObj::borrow(&(*tp).tp_dict);
            return dict::get_item_rs(d, "__module__")
                .filter(|m| unicode::is_str(m))
                .map(|m| unicode::to_string_lossy(&m));
        }
        let full = CStr::from_ptr((*tp).tp_name).to_string_lossy();
        match full.rfind('.') {
            Some(i) => Some(full[..i].to_string()),
            None => Some("builtins".to_string()),
        }
    }
}

/// True if `a` is `b` or a subclass of it.
#[inline]
pub unsafe fn is_subtype(a: *mut PyTypeObject, b: *mut PyTypeObject) -> bool {
    if a == b {
        return true;
    }
    let mro = (*a).tp_mro;
    if !mro.is_null() {
        let m = PyObj::borrow(&mro);
        for t in tuple::items(m) {
            if t.as_ptr() == b as *mut PyObject {
                return true;
            }
        }
        return false;
    }
    let mut t = (*a).tp_base;
    while !t.is_null() {
        if t == b {
            return true;
        }
        t = (*t).tp_base;
    }
    b == object_type()
}

pub fn isinstance_exact(o: &PyObj, tp: *mut PyTypeObject) -> bool {
    unsafe { is_subtype(o.ob_type(), tp) }
}

// ------------------------------------------------------------ method cache

/// A global cache of MRO lookups keyed by (type version tag, interned
/// name), as CPython's type attribute cache. A type gets a new version tag
/// whenever its dict (or a base's) changes, which invalidates its entries.
#[derive(Clone, Copy)]
struct CacheEntry {
    version: u32,
    name: *mut PyObject,
    value: *mut PyObject,
}

const CACHE_SIZE: usize = 4096;
static mut METHOD_CACHE: [CacheEntry; CACHE_SIZE] =
    [CacheEntry { version: 0, name: std::ptr::null_mut(), value: std::ptr::null_mut() }; CACHE_SIZE];
static mut NEXT_VERSION: u32 = 1;

/// Gives `tp` a fresh version tag (at ready time, or after a change).
pub unsafe fn assign_version(tp: *mut PyTypeObject) {
    (*tp).tp_version_tag = NEXT_VERSION;
    NEXT_VERSION = NEXT_VERSION.wrapping_add(1).max(1);
}

/// Invalidates cached lookups on `tp` and its subclasses (`PyType_Modified`).
pub unsafe fn type_modified(tp: *mut PyTypeObject) {
    let mut todo = vec![tp];
    while let Some(t) = todo.pop() {
        if (*t).tp_version_tag == 0 {
            continue;
        }
        assign_version(t);
        for s in subclasses(t) {
            todo.push(as_type(&s));
        }
    }
}

/// Finds `name` along the MRO of `tp` (borrowed from the owning dict).
#[inline]
pub fn lookup_ptr(tp: *mut PyTypeObject, name: &PyObj) -> Option<*mut PyObject> {
    unsafe {
        let tag = (*tp).tp_version_tag;
        if tag != 0 && unicode::is_exact_str(name) && unicode::is_interned(name) {
            let np = name.as_ptr();
            let h = ((tag as usize).wrapping_mul(2654435761) ^ (np as usize >> 4)) & (CACHE_SIZE - 1);
            let e = (*(&raw const METHOD_CACHE))[h];
            if e.version == tag && e.name == np {
                return if e.value.is_null() { None } else { Some(e.value) };
            }
            let v = lookup_uncached(tp, name);
            (*(&raw mut METHOD_CACHE))[h] = CacheEntry { version: tag, name: np, value: v.unwrap_or(std::ptr::null_mut()) };
            return v;
        }
        lookup_uncached(tp, name)
    }
}

fn lookup_uncached(tp: *mut PyTypeObject, name: &PyObj) -> Option<*mut PyObject> {
    unsafe {
        let mro = (*tp).tp_mro;
        if mro.is_null() {
            let d = (*tp).tp_dict;
            if d.is_null() {
                return None;
            }
            return dict::get_str(PyObj::borrow(&d), name);
        }
        for t in tuple::items(PyObj::borrow(&mro)) {
            let d = (*(t.as_ptr() as *mut PyTypeObject)).tp_dict;
            if d.is_null() {
                continue;
            }
            if let Some(v) = dict::get_str(PyObj::borrow(&d), name) {
                return Some(v);
            }
        }
        None
    }
}

#[inline]
pub fn lookup(tp: *mut PyTypeObject, name: &PyObj) -> Option<PyObj> {
    lookup_ptr(tp, name).map(|p| unsafe { PyObj::from_borrowed(p) })
}

pub fn lookup_str(tp: *mut PyTypeObject, name: &str) -> Option<PyObj> {
    lookup(tp, &unicode::intern(name))
}

/// The type's own dict.
pub fn type_dict(tp: *mut PyTypeObject) -> PyObj {
    unsafe { PyObj::from_borrowed((*tp).tp_dict) }
}

pub fn mro_items(tp: *mut PyTypeObject) -> Vec<*mut PyTypeObject> {
    unsafe {
        let mro = (*tp).tp_mro;
        if mro.is_null() {
            return vec![tp];
        }
        tuple::items(PyObj::borrow(&mro)).iter().map(|t| t.as_ptr() as *mut PyTypeObject).collect()
    }
}

// ---------------------------------------------------------------- readying

/// C3 linearization of `tp` given its bases, with CPython's error message.
pub fn compute_mro(tp: *mut PyTypeObject) -> PyResult<Vec<PyObj>> {
    unsafe {
        let bases: Vec<PyObj> = if (*tp).tp_bases.is_null() {
            if (*tp).tp_base.is_null() {
                vec![]
            } else {
                vec![type_obj((*tp).tp_base)]
            }
        } else {
            tuple::items(PyObj::borrow(&(*tp).tp_bases)).to_vec()
        };
        for (i, b) in bases.iter().enumerate() {
            if bases[..i].iter().any(|x| x.is(b)) {
                return Err(err::type_error(format!("duplicate base class {}", type_name(as_type(b)))));
            }
        }
        let mut seqs: Vec<Vec<PyObj>> = Vec::new();
        for b in &bases {
            let bt = as_type(b);
            if (*bt).tp_mro.is_null() {
                return Err(err::type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    type_name(bt)
                )));
            }
            seqs.push(tuple::items(PyObj::borrow(&(*bt).tp_mro)).to_vec());
        }
        seqs.push(bases.clone());
        let mut result = vec![type_obj(tp)];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(result);
            }
            let mut found = None;
            for s in &seqs {
                let cand = &s[0];
                if !seqs.iter().any(|o| o[1..].iter().any(|x| x.is(cand))) {
                    found = Some(cand.clone());
                    break;
                }
            }
            match found {
                Some(c) => {
                    for s in seqs.iter_mut() {
                        if s[0].is(&c) {
                            s.remove(0);
                        }
                    }
                    result.push(c);
                }
                None => {
                    let mut names: Vec<String> = Vec::new();
                    for s in &seqs {
                        let n = type_name(as_type(&s[0]));
                        if !names.contains(&n) {
                            names.push(n);
                        }
                    }
                    return Err(err::type_error(format!(
                        "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                        names.join(", ")
                    )));
                }
            }
        }
    }
}

macro_rules! inherit {
    ($tp:expr, $base:expr, $($f:ident),*) => {$(
        if (*$tp).$f.is_none() { (*$tp).$f = (*$base).$f; }
    )*};
}

macro_rules! inherit_sub {
    ($dst:expr, $src:expr, $($f:ident),*) => {$(
        if (*$dst).$f.is_none() { (*$dst).$f = (*$src).$f; }
    )*};
}

unsafe fn inherit_slots(tp: *mut PyTypeObject, base: *mut PyTypeObject) {
    if !(*base).tp_as_number.is_null() {
        if (*tp).tp_as_number.is_null() {
            (*tp).tp_as_number = (*base).tp_as_number;
        } else if (*tp).tp_as_number != (*base).tp_as_number {
            let (d, s) = ((*tp).tp_as_number, (*base).tp_as_number);
            inherit_sub!(d, s, nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod, nb_power,
                nb_negative, nb_positive, nb_absolute, nb_bool, nb_invert, nb_lshift, nb_rshift,
                nb_and, nb_xor, nb_or, nb_int, nb_float, nb_inplace_add, nb_inplace_subtract,
                nb_inplace_multiply, nb_inplace_remainder, nb_inplace_power, nb_inplace_lshift,
                nb_inplace_rshift, nb_inplace_and, nb_inplace_xor, nb_inplace_or, nb_floor_divide,
                nb_true_divide, nb_inplace_floor_divide, nb_inplace_true_divide, nb_index,
                nb_matrix_multiply, nb_inplace_matrix_multiply);
        }
    }
    if !(*base).tp_as_sequence.is_null() {
        if (*tp).tp_as_sequence.is_null() {
            (*tp).tp_as_sequence = (*base).tp_as_sequence;
        } else if (*tp).tp_as_sequence != (*base).tp_as_sequence {
            let (d, s) = ((*tp).tp_as_sequence, (*base).tp_as_sequence);
            inherit_sub!(d, s, sq_length, sq_concat, sq_repeat, sq_item, sq_ass_item, sq_contains,
                sq_inplace_concat, sq_inplace_repeat);
        }
    }
    if !(*base).tp_as_mapping.is_null() {
        if (*tp).tp_as_mapping.is_null() {
            (*tp).tp_as_mapping = (*base).tp_as_mapping;
        } else if (*tp).tp_as_mapping != (*base).tp_as_mapping {
            let (d, s) = ((*tp).tp_as_mapping, (*base).tp_as_mapping);
            inherit_sub!(d, s, mp_length, mp_subscript, mp_ass_subscript);
        }
    }
    if !(*base).tp_as_async.is_null() {
        if (*tp).tp_as_async.is_null() {
            (*tp).tp_as_async = (*base).tp_as_async;
        } else if (*tp).tp_as_async != (*base).tp_as_async {
            let (d, s) = ((*tp).tp_as_async, (*base).tp_as_async);
            inherit_sub!(d, s, am_await, am_aiter, am_anext, am_send);
        }
    }
    if !(*base).tp_as_buffer.is_null() {
        if (*tp).tp_as_buffer.is_null() {
            (*tp).tp_as_buffer = (*base).tp_as_buffer;
        } else if (*tp).tp_as_buffer != (*base).tp_as_buffer {
            let (d, s) = ((*tp).tp_as_buffer, (*base).tp_as_buffer);
            inherit_sub!(d, s, bf_getbuffer, bf_releasebuffer);
        }
    }
    inherit!(tp, base, tp_dealloc, tp_getattr, tp_setattr, tp_repr, tp_call, tp_str,
        tp_getattro, tp_setattro, tp_iter, tp_iternext, tp_descr_get, tp_descr_set, tp_init,
        tp_alloc, tp_new, tp_is_gc, tp_finalize, tp_traverse, tp_clear);
    // Hash and comparison are inherited together, and only when the type
    // defines neither (a class defining __eq__ alone gets __hash__ = None).
    if (*tp).tp_richcompare.is_none() && (*tp).tp_hash.is_none() {
        let d = (*tp).tp_dict;
        let has_hash_entry = !d.is_null()
            && dict::get_item_rs(PyObj::borrow(&d), "__hash__").is_some();
        if !has_hash_entry {
            (*tp).tp_richcompare = (*base).tp_richcompare;
            (*tp).tp_hash = (*base).tp_hash;
        }
    }
    if (*tp).tp_vectorcall_offset == 0 && (*base).tp_flags & flags::HAVE_VECTORCALL != 0
        && (*tp).tp_call.is_none() || (*tp).tp_call == (*base).tp_call
    {
        if (*tp).tp_vectorcall_offset == 0 {
            (*tp).tp_vectorcall_offset = (*base).tp_vectorcall_offset;
        }
        if !is_heap(tp) && (*base).tp_flags & flags::HAVE_VECTORCALL != 0 {
            (*tp).tp_flags |= flags::HAVE_VECTORCALL;
        }
    }
    // Layout values come from the solid base only (CPython's
    // inherit_special): another base's offsets describe another layout.
    if base == (*tp).tp_base || (*tp).tp_base.is_null() {
        if (*tp).tp_dictoffset == 0 {
            (*tp).tp_dictoffset = (*base).tp_dictoffset;
        }
        if (*tp).tp_weaklistoffset == 0 {
            (*tp).tp_weaklistoffset = (*base).tp_weaklistoffset;
        }
        if (*tp).tp_basicsize == 0 {
            (*tp).tp_basicsize = (*base).tp_basicsize;
        }
        if (*tp).tp_itemsize == 0 {
            (*tp).tp_itemsize = (*base).tp_itemsize;
        }
    }
    // Subclass marker bits and GC-ness travel down.
    let inherited = flags::LONG_SUBCLASS | flags::LIST_SUBCLASS | flags::TUPLE_SUBCLASS
        | flags::BYTES_SUBCLASS | flags::UNICODE_SUBCLASS | flags::DICT_SUBCLASS
        | flags::BASE_EXC_SUBCLASS | flags::TYPE_SUBCLASS;
    (*tp).tp_flags |= (*base).tp_flags & inherited;
    // (Classes are GC already; a spec type inherits GC-ness like a static
    // one, CPython's inherit_special.)
    if (*base).tp_flags & flags::HAVE_GC != 0 && (*tp).tp_flags & flags::HAVE_GC == 0 {
        if (*tp).tp_traverse.is_none() || (*tp).tp_traverse == (*base).tp_traverse {
            (*tp).tp_flags |= flags::HAVE_GC;
        }
    }
    // A base's tp_free is only right for the same GC-ness (a C base's
    // PyObject_Free cannot free an object with a GC header); otherwise the
    // generic one, which handles both.
    if (*tp).tp_free.is_none() {
        if ((*tp).tp_flags ^ (*base).tp_flags) & flags::HAVE_GC == 0 {
            (*tp).tp_free = (*base).tp_free;
        } else {
            (*tp).tp_free = Some(crate::alloc::generic_free);
        }
    }
    if (*base).tp_flags & (flags::SEQUENCE | flags::MAPPING) != 0
        && (*tp).tp_flags & (flags::SEQUENCE | flags::MAPPING) == 0
    {
        (*tp).tp_flags |= (*base).tp_flags & (flags::SEQUENCE | flags::MAPPING);
    }
}

/// Makes a type usable: sets its metatype and base, builds `__bases__`,
/// `__mro__` and `__dict__` (with descriptors for its methods, members,
/// getsets and slots), and inherits slots from its bases (`PyType_Ready`).
pub unsafe fn ready(tp: *mut PyTypeObject) -> PyResult<()> {
    ready_impl(tp, false)
}

/// `ready` for a heap type built from a `PyType_Spec`: its C slots get
/// slot wrappers in its dict as a static type's do (a class's slots come
/// from the dunders already in its dict instead).
pub unsafe fn ready_from_spec(tp: *mut PyTypeObject) -> PyResult<()> {
    ready_impl(tp, true)
}

/// Whether a static type belongs to the pyrite executable (the VM's and
/// the Rust stdlib's types) rather than to a C extension module: only the
/// former take their docs from the generated tables (objects::docs) and
/// get the VM's defaults; an extension's type is described by its own C.
pub unsafe fn is_vm_static(tp: *mut PyTypeObject) -> bool {
    // The executable's image spans the linker-defined __executable_start
    // to _end (a range check: dladdr cost ~5M instructions at startup).
    extern "C" {
        static __executable_start: u8;
        static _end: u8;
    }
    let a = tp as usize;
    a >= &raw const __executable_start as usize && a < &raw const _end as usize
}

unsafe fn ready_impl(tp: *mut PyTypeObject, from_spec: bool) -> PyResult<()> {
    if (*tp).tp_flags & flags::READY != 0 {
        return Ok(());
    }
    let builtin = !is_heap(tp) && is_vm_static(tp);
    let extension = !is_heap(tp) && !builtin;
    (*tp).tp_flags |= flags::READYING;
    if (*tp).ob_base.ob_base.ob_type.is_null() {
        (*tp).ob_base.ob_base.ob_type = type_type();
    }
    if (*tp).tp_base.is_null() && tp != object_type() {
        (*tp).tp_base = object_type();
    }
    let base = (*tp).tp_base;
    if !base.is_null() && (*base).tp_flags & flags::READY == 0 {
        ready(base)?;
    }
    if (*tp).tp_bases.is_null() {
        let bases = if base.is_null() { tuple::empty() } else { tuple::new(vec![type_obj(base)]) };
        (*tp).tp_bases = bases.into_ptr();
    }
    if (*tp).tp_dict.is_null() {
        (*tp).tp_dict = dict::new().into_ptr();
    }
    let d = PyObj::from_borrowed((*tp).tp_dict);
    // A static C type without tp_new directly on object cannot be
    // instantiated (CPython's type_ready_set_new).
    if extension && (*tp).tp_new.is_none() && base == object_type() {
        (*tp).tp_flags |= flags::DISALLOW_INSTANTIATION;
    }
    if extension {
        // Static types are immutable (CPython 3.10+).
        (*tp).tp_flags |= flags::IMMUTABLETYPE;
    }
    if (*tp).tp_flags & flags::DISALLOW_INSTANTIATION != 0 && (extension || from_spec) {
        (*tp).tp_new = None;
    }
    crate::objects::descr::add_methods(tp, &d, builtin)?;
    crate::objects::descr::add_members(tp, &d, builtin)?;
    crate::objects::descr::add_getsets(tp, &d, builtin)?;
    crate::slots::add_operators(tp, &d, from_spec)?;
    if builtin && (*tp).tp_dictoffset > 0 && dict::get_item_rs(&d, "__dict__").is_none() && tp != type_type() {
        crate::objects::descr::add_dict_getset(tp, &d);
    }
    if builtin {
        // CPython's docstring, from the generated table (objects::docs).
        if let Some(doc) = crate::objects::docs::type_doc(&type_name(tp)) {
            (*tp).tp_doc = doc;
        }
    }
    if !(*tp).tp_doc.is_null() && dict::get_item_rs(&d, "__doc__").is_none() {
        // Built-in docs may start with a "name(sig)\n--\n\n" signature block.
        dict::set_item_rs(&d, "__doc__", crate::objects::docs::doc_from_c(&type_name(tp), (*tp).tp_doc));
    } else if dict::get_item_rs(&d, "__doc__").is_none() {
        dict::set_item_rs(&d, "__doc__", none::none());
    }
    let mro = compute_mro(tp)?;
    (*tp).tp_mro = tuple::new(mro.clone()).into_ptr();
    for b in mro.iter().skip(1) {
        inherit_slots(tp, as_type(b));
    }
    if (*tp).tp_flags & flags::DISALLOW_INSTANTIATION != 0 && (extension || from_spec) {
        (*tp).tp_new = None;
    }
    if (*tp).tp_hash.is_none() && (extension || from_spec) && dict::get_item_rs(&d, "__hash__").is_none() {
        // A C type defining comparison without hashing: CPython's
        // type_ready_set_hash records it in the dict too.
        dict::set_item_rs(&d, "__hash__", none::none());
    }
    if (*tp).tp_hash.is_none() {
        // A type whose __hash__ is None in its dict is unhashable.
        (*tp).tp_hash = Some(crate::slots::hash_not_implemented);
    }
    // Register as a subclass of each base (weakly in CPython; here a list of
    // borrowed pointers kept as ints, enough for __subclasses__).
    for b in tuple::items(PyObj::borrow(&(*tp).tp_bases)).to_vec() {
        add_subclass(as_type(&b), tp);
    }
    (*tp).tp_flags = ((*tp).tp_flags & !flags::READYING) | flags::READY;
    assign_version(tp);
    Ok(())
}

unsafe fn add_subclass(base: *mut PyTypeObject, tp: *mut PyTypeObject) {
    if (*base).tp_subclasses.is_null() {
        (*base).tp_subclasses = dict::new().into_ptr();
    }
    let d = PyObj::borrow(&(*base).tp_subclasses);
    let key = crate::objects::long::from_usize(tp as usize);
    // The value is the type itself, borrowed: stored as an int address.
    let _ = dict::set_item(d, key.clone(), key);
}

pub unsafe fn remove_subclass(base: *mut PyTypeObject, tp: *mut PyTypeObject) {
    if (*base).tp_subclasses.is_null() {
        return;
    }
    let d = PyObj::borrow(&(*base).tp_subclasses);
    let key = crate::objects::long::from_usize(tp as usize);
    let _ = dict::pop_item(d, &key);
}

/// Direct subclasses of `tp` still alive.
pub fn subclasses(tp: *mut PyTypeObject) -> Vec<PyObj> {
    unsafe {
        if (*tp).tp_subclasses.is_null() {
            return vec![];
        }
        dict::keys_vec(PyObj::borrow(&(*tp).tp_subclasses))
            .iter()
            .filter_map(|k| crate::objects::long::as_i64(k))
            .map(|a| type_obj(a as usize as *mut PyTypeObject))
            .collect()
    }
}

// ------------------------------------------------------- attribute access

/// Address of the instance-dict slot of `obj`, if its type has one.
#[inline]
pub unsafe fn dict_ptr(obj: *mut PyObject) -> *mut *mut PyObject {
    let tp = (*obj).ob_type;
    let off = (*tp).tp_dictoffset;
    if off == 0 {
        return std::ptr::null_mut();
    }
    if off < 0 {
        // Var-sized objects keep the dict after the items.
        let n = (*(obj as *mut PyVarObject)).ob_size.unsigned_abs() as isize;
        let size = crate::alloc::var_size(tp, n) as isize;
        return (obj as *mut u8).offset(size + off) as *mut *mut PyObject;
    }
    (obj as *mut u8).offset(off) as *mut *mut PyObject
}

/// The instance `__dict__`, created on first use.
pub fn instance_dict(obj: &PyObj) -> Option<PyObj> {
    unsafe {
        let dp = dict_ptr(obj.as_ptr());
        if dp.is_null() {
            return None;
        }
        if (*dp).is_null() {
            *dp = dict::new().into_ptr();
        }
        Some(PyObj::from_borrowed(*dp))
    }
}

pub fn attribute_error(obj: &PyObj, name: &PyObj) -> PyErr {
    let e = err::attribute_error(format!(
        "'{}' object has no attribute '{}'",
        tp_name(obj.ob_type()),
        unicode::to_string_lossy(name)
    ));
    crate::objects::exceptions_attrs::set_attribute_error_context(&e, obj, name);
    e
}

/// `object.__getattribute__` without raising AttributeError: Ok(None) when
/// the attribute is missing.
pub fn generic_getattr_opt(obj: &PyObj, name: &PyObj) -> PyResult<Option<PyObj>> {
    unsafe {
        let tp = obj.ob_type();
        let descr = lookup(tp, name);
        let mut getter: Option<descrgetfunc> = None;
        if let Some(d) = &descr {
            let dt = d.ob_type();
            getter = (*dt).tp_descr_get;
            if getter.is_some() && (*dt).tp_descr_set.is_some() {
                let f = getter.unwrap();
                return match err::from_ptr(f(d.as_ptr(), obj.as_ptr(), tp as *mut PyObject)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.matches(crate::objects::exceptions::PyExc_AttributeError) => Ok(None),
                    Err(e) => Err(e),
                };
            }
        }
        let dp = dict_ptr(obj.as_ptr());
        if !dp.is_null() && !(*dp).is_null() {
            let d = PyObj::borrow(&*dp);
            let found = if unicode::is_exact_str(name) && dict::is_exact_dict(d) {
                dict::get_str(d, name).map(|p| PyObj::from_borrowed(p))
            } else {
                dict::get_item(d, name)?
            };
            if let Some(v) = found {
                return Ok(Some(v));
            }
        }
        if let Some(f) = getter {
            let d = descr.unwrap();
            return match err::from_ptr(f(d.as_ptr(), obj.as_ptr(), tp as *mut PyObject)) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.matches(crate::objects::exceptions::PyExc_AttributeError) => Ok(None),
                Err(e) => Err(e),
            };
        }
        Ok(descr)
    }
}

pub fn generic_getattr(obj: &PyObj, name: &PyObj) -> PyResult {
    unsafe {
        let tp = obj.ob_type();
        let descr = lookup(tp, name);
        let mut getter: Option<descrgetfunc> = None;
        if let Some(d) = &descr {
            let dt = d.ob_type();
            getter = (*dt).tp_descr_get;
            if getter.is_some() && (*dt).tp_descr_set.is_some() {
                return err::from_ptr(getter.unwrap()(d.as_ptr(), obj.as_ptr(), tp as *mut PyObject));
            }
        }
        let dp = dict_ptr(obj.as_ptr());
        if !dp.is_null() && !(*dp).is_null() {
            let d = PyObj::borrow(&*dp);
            let found = if unicode::is_exact_str(name) && dict::is_exact_dict(d) {
                dict::get_str(d, name).map(|p| PyObj::from_borrowed(p))
            } else {
                dict::get_item(d, name)?
            };
            if let Some(v) = found {
                return Ok(v);
            }
        }
        if let Some(f) = getter {
            let d = descr.unwrap();
            return err::from_ptr(f(d.as_ptr(), obj.as_ptr(), tp as *mut PyObject));
        }
        if let Some(d) = descr {
            return Ok(d);
        }
        Err(attribute_error(obj, name))
    }
}

/// `object.__setattr__` / `__delattr__` (value None means delete).
pub fn generic_setattr(obj: &PyObj, name: &PyObj, value: Option<&PyObj>) -> PyResult<()> {
    unsafe {
        if !unicode::is_str(name) {
            return Err(err::type_error(format!(
                "attribute name must be string, not '{}'",
                type_name(name.ob_type())
            )));
        }
        let tp = obj.ob_type();
        if let Some(d) = lookup(tp, name) {
            if let Some(set) = (*d.ob_type()).tp_descr_set {
                let v = value.map(|v| v.as_ptr()).unwrap_or(std::ptr::null_mut());
                return err::from_int(set(d.as_ptr(), obj.as_ptr(), v)).map(|_| ());
            }
        }
        let dp = dict_ptr(obj.as_ptr());
        if dp.is_null() {
            let tn = tp_name(tp);
            let n = unicode::to_string_lossy(name);
            return Err(if lookup(tp, name).is_some() {
                err::attribute_error(format!("'{tn}' object attribute '{n}' is read-only"))
            } else {
                let e = err::attribute_error(format!("'{tn}' object has no attribute '{n}'"));
                crate::objects::exceptions_attrs::set_attribute_error_context(&e, obj, name);
                e
            });
        }
        if (*dp).is_null() {
            if value.is_none() {
                return Err(attribute_error(obj, name));
            }
            *dp = dict::new().into_ptr();
        }
        let d = PyObj::borrow(&*dp).clone();
        match value {
            Some(v) => dict::set_item(&d, name.clone(), v.clone()),
            None => match dict::pop_item(&d, name)? {
                Some(_) => Ok(()),
                None => Err(attribute_error(obj, name)),
            },
        }
    }
}

pub unsafe extern "C" fn generic_getattro_slot(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    err::into_ptr(generic_getattr(PyObj::borrow(&o), PyObj::borrow(&name)))
}

pub unsafe extern "C" fn generic_setattro_slot(o: *mut PyObject, name: *mut PyObject, v: *mut PyObject) -> c_int {
    let value = if v.is_null() { None } else { Some(PyObj::borrow(&v)) };
    err::int_result(generic_setattr(PyObj::borrow(&o), PyObj::borrow(&name), value))
}

/// `type.__getattribute__`: metatype data descriptors, then the MRO of the
/// type itself (calling `__get__(None, type)`), then metatype attributes.
pub fn type_getattr(tp_obj: &PyObj, name: &PyObj) -> PyResult<Option<PyObj>> {
    unsafe {
        let tp = as_type(tp_obj);
        let meta = tp_obj.ob_type();
        let meta_attr = lookup(meta, name);
        let mut meta_get: Option<descrgetfunc> = None;
        if let Some(ma) = &meta_attr {
            let mt = ma.ob_type();
            meta_get = (*mt).tp_descr_get;
            if meta_get.is_some() && (*mt).tp_descr_set.is_some() {
                return err::from_ptr(meta_get.unwrap()(ma.as_ptr(), tp_obj.as_ptr(), meta as *mut PyObject)).map(Some);
            }
        }
        if let Some(attr) = lookup(tp, name) {
            if let Some(g) = (*attr.ob_type()).tp_descr_get {
                return err::from_ptr(g(attr.as_ptr(), std::ptr::null_mut(), tp as *mut PyObject)).map(Some);
            }
            return Ok(Some(attr));
        }
        if let Some(g) = meta_get {
            let ma = meta_attr.unwrap();
            return err::from_ptr(g(ma.as_ptr(), tp_obj.as_ptr(), meta as *mut PyObject)).map(Some);
        }
        Ok(meta_attr)
    }
}

unsafe extern "C" fn type_getattro(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let t = PyObj::borrow(&o);
    let n = PyObj::borrow(&name);
    match type_getattr(t, n) {
        Ok(Some(v)) => v.into_ptr(),
        Ok(None) => {
            let e = err::attribute_error(format!(
                "type object '{}' has no attribute '{}'",
                type_name(as_type(t)),
                unicode::to_string_lossy(n)
            ));
            crate::objects::exceptions_attrs::set_attribute_error_context(&e, t, n);
            err::restore(e);
            std::ptr::null_mut()
        }
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn type_setattro(o: *mut PyObject, name: *mut PyObject, v: *mut PyObject) -> c_int {
    let tp = o as *mut PyTypeObject;
    let n = PyObj::borrow(&name);
    if !is_heap(tp) || (*tp).tp_flags & flags::IMMUTABLETYPE != 0 {
        err::restore(err::type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            unicode::to_string_lossy(n),
            tp_name(tp)
        )));
        return -1;
    }
    // Data descriptors on the metatype first (e.g. __doc__, __name__).
    if let Some(d) = lookup((*o).ob_type, n) {
        if let Some(set) = (*d.ob_type()).tp_descr_set {
            return set(d.as_ptr(), o, v);
        }
    }
    let d = PyObj::borrow(&(*tp).tp_dict).clone();
    let n = unicode::intern_obj(n);
    let r = if v.is_null() {
        match dict::pop_item(&d, &n) {
            Ok(Some(_)) => Ok(()),
            Ok(None) => Err(err::attribute_error(format!(
                "type object '{}' has no attribute '{}'",
                type_name(tp),
                unicode::to_string_lossy(&n)
            ))),
            Err(e) => Err(e),
        }
    } else {
        dict::set_item(&d, n.clone(), PyObj::borrow(&v).clone())
    };
    type_modified(tp);
    if r.is_ok() {
        let s = unicode::to_string_lossy(&n);
        if s.starts_with("__") && s.ends_with("__") {
            crate::slots::update_slot(tp, &s);
        }
    }
    err::int_result(r)
}

// ------------------------------------------------------- instance creation

/// `type.__call__`: `tp_new`, then `tp_init` when the result is an instance.
pub unsafe extern "C" fn type_call(callable: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let tp = callable as *mut PyTypeObject;
    // type(x) with one argument returns the type of x.
    if tp == type_type() {
        let a = PyObj::borrow(&args);
        if tuple::len(a) == 1 && (kwargs.is_null() || dict::len(PyObj::borrow(&kwargs)) == 0) {
            return tuple::items(a)[0].type_obj().into_ptr();
        }
    }
    let new = match (*tp).tp_new {
        Some(f) => f,
        None => {
            err::restore(err::type_error(format!("cannot create '{}' instances", type_qualname_full(tp))));
            return std::ptr::null_mut();
        }
    };
    let obj = new(tp, args, kwargs);
    if obj.is_null() {
        return obj;
    }
    if !is_subtype((*obj).ob_type, tp) {
        return obj;
    }
    let otp = (*obj).ob_type;
    if let Some(init) = (*otp).tp_init {
        if init(obj, args, kwargs) < 0 {
            decref(obj);
            return std::ptr::null_mut();
        }
    }
    obj
}

/// Name used in "cannot create 'X' instances": module-qualified for types
/// outside builtins.
fn type_qualname_full(tp: *mut PyTypeObject) -> String {
    match type_module(tp) {
        Some(m) if m != "builtins" => format!("{}.{}", m, type_qualname(tp)),
        _ => type_qualname(tp),
    }
}

/// Vectorcall entry for types: avoids building an args tuple when the type
/// uses object's or a Rust-provided fast constructor.
pub unsafe extern "C" fn type_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let tp = callable as *mut PyTypeObject;
    // A type with its own vectorcall (never inherited) constructs through it.
    if let Some(vc) = (*tp).tp_vectorcall {
        if vc as usize != type_vectorcall as usize {
            return vc(callable, args, nargsf, kwnames);
        }
    }
    let n = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let kw = if kwnames.is_null() { None } else { Some(PyObj::borrow(&kwnames)) };
    let nk = kw.map(tuple::len).unwrap_or(0);
    let a = PyObj::slice(args, n + nk);
    // Fast path for instantiating a class that inherits object.__new__ and
    // defines __init__ in Python: call __init__(self, *args) directly with the
    // argument vector (no args tuple, kwargs dict or bound method).
    if (*tp).tp_new == Some(object_new as newfunc)
        && (*tp).tp_init.map(|f| f as usize) == Some(crate::slots::slot_tp_init as usize)
        && (*tp).tp_flags & flags::IS_ABSTRACT == 0
    {
        if let Some(init) = lookup_ptr(tp, &unicode::intern("__init__")) {
            let init = PyObj::from_borrowed(init);
            if crate::objects::function::is_function(&init) {
                let obj = alloc_instance(tp);
                if obj.is_null() {
                    return obj;
                }
                let obj = PyObj::from_owned(obj);
                let mut v: Vec<PyObj> = Vec::with_capacity(a.len() + 1);
                v.push(obj.clone());
                v.extend_from_slice(a);
                return match crate::interp::call_function(&init, &v, kw) {
                    Ok(r) if crate::objects::none::is_none(&r) => obj.into_ptr(),
                    Ok(r) => {
                        err::restore(err::type_error(format!(
                            "__init__() should return None, not '{}'",
                            type_name(r.ob_type())
                        )));
                        std::ptr::null_mut()
                    }
                    Err(e) => {
                        err::restore(e);
                        std::ptr::null_mut()
                    }
                };
            }
        }
    }
    let (t, d) = crate::abstract_::args_to_tuple_dict(a, kw);
    let dp = d.as_ref().map(|d| d.as_ptr()).unwrap_or(std::ptr::null_mut());
    type_call(callable, t.as_ptr(), dp)
}

/// Calls the type object `callable` through `type.__call__` with a
/// vectorcall argument vector (the general path behind the fast
/// `tp_vectorcall`s of built-in types).
pub unsafe fn vectorcall_via_type_call(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let n = nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET;
    let kw = if kwnames.is_null() { None } else { Some(PyObj::borrow(&kwnames)) };
    let nk = kw.map(tuple::len).unwrap_or(0);
    let (t, d) = crate::abstract_::args_to_tuple_dict(PyObj::slice(args, n + nk), kw);
    let dp = d.as_ref().map(|d| d.as_ptr()).unwrap_or(std::ptr::null_mut());
    type_call(callable, t.as_ptr(), dp)
}

/// A `tp_vectorcall` for a built-in type whose one-positional-argument call
/// `T(x)` is `convert(x)`; every other call takes the general path.
#[macro_export]
macro_rules! one_arg_type_vectorcall {
    ($name:ident, $tp:expr, $convert:expr) => {
        unsafe extern "C" fn $name(
            callable: *mut $crate::object::PyObject,
            args: *const *mut $crate::object::PyObject,
            nargsf: usize,
            kwnames: *mut $crate::object::PyObject,
        ) -> *mut $crate::object::PyObject {
            let n = nargsf & !$crate::object::PY_VECTORCALL_ARGUMENTS_OFFSET;
            if n == 1 && kwnames.is_null() && callable == $tp as *mut $crate::object::PyObject {
                let x = $crate::objref::PyObj::borrow(&*args);
                let convert: fn(&$crate::objref::PyObj) -> $crate::err::PyResult = $convert;
                return $crate::err::into_ptr(convert(x));
            }
            $crate::typeobj::vectorcall_via_type_call(callable, args, nargsf, kwnames)
        }
    };
}

/// The Python `__init__` function that calling the class `tp` would run
/// after `object.__new__`, when the dispatch loop may run that call inline:
/// `tp`'s metaclass is `type`, it allocates through `object.__new__`, it is
/// not abstract, and its `__init__` is a plain (non-generator) function.
pub unsafe fn inline_init_target(tp: *mut PyTypeObject) -> Option<PyObj> {
    if (*(tp as *mut PyObject)).ob_type != type_type()
        || (*tp).tp_new != Some(object_new as newfunc)
        || (*tp).tp_init.map(|f| f as usize) != Some(crate::slots::slot_tp_init as usize)
        || (*tp).tp_flags & flags::IS_ABSTRACT != 0
    {
        return None;
    }
    let init = PyObj::from_borrowed(lookup_ptr(tp, &unicode::intern("__init__"))?);
    if !crate::objects::function::is_function(&init) {
        return None;
    }
    let cd = crate::objects::code::data(PyObj::borrow(&(*crate::objects::function::raw(&init)).func_code));
    let gen = crate::bytecode::co_flags::GENERATOR | crate::bytecode::co_flags::COROUTINE | crate::bytecode::co_flags::ASYNC_GENERATOR;
    if cd.flags & gen != 0 {
        return None;
    }
    Some(init)
}

fn excess_args(args: &PyObj, kwargs: *mut PyObject) -> bool {
    tuple::len(args) > 0 || (!kwargs.is_null() && dict::len(unsafe { PyObj::borrow(&kwargs) }) > 0)
}

/// `object.__new__`.
pub unsafe extern "C" fn object_new(tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&args);
    if excess_args(a, kwargs) {
        if (*tp).tp_new != Some(object_new as newfunc) {
            err::restore(err::type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
            return std::ptr::null_mut();
        }
        if (*tp).tp_init == Some(object_init as initproc) {
            err::restore(err::type_error(format!("{}() takes no arguments", type_qualname(tp))));
            return std::ptr::null_mut();
        }
    }
    if (*tp).tp_flags & flags::IS_ABSTRACT != 0 {
        let names = abstract_names(tp);
        let n = names.len();
        err::restore(err::type_error(format!(
            "Can't instantiate abstract class {} with abstract method{} {}",
            type_qualname(tp),
            if n == 1 { "" } else { "s" },
            names.join(", ")
        )));
        return std::ptr::null_mut();
    }
    alloc_instance(tp)
}

fn abstract_names(tp: *mut PyTypeObject) -> Vec<String> {
    let Ok(Some(am)) = type_getattr(&type_obj(tp), &unicode::intern("__abstractmethods__")) else {
        return vec![];
    };
    let mut v: Vec<String> = crate::abstract_::iterate(&am)
        .unwrap_or_default()
        .iter()
        .map(|x| unicode::to_string_lossy(x))
        .collect();
    v.sort();
    v
}

/// Allocates an instance through the type's `tp_alloc`.
pub unsafe fn alloc_instance(tp: *mut PyTypeObject) -> *mut PyObject {
    match (*tp).tp_alloc {
        Some(a) => a(tp, 0),
        None => crate::alloc::generic_alloc(tp, 0),
    }
}

/// `object.__init__`.
pub unsafe extern "C" fn object_init(o: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> c_int {
    let tp = (*o).ob_type;
    let a = PyObj::borrow(&args);
    if excess_args(a, kwargs) {
        if (*tp).tp_init != Some(object_init as initproc) {
            err::restore(err::type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
            return -1;
        }
        if (*tp).tp_new == Some(object_new as newfunc) {
            err::restore(err::type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                type_qualname(tp)
            )));
            return -1;
        }
    }
    0
}

/// Deallocation of instances of classes: runs `__del__`, clears weak
/// references, the instance dict and `__slots__`, then hands the memory to
/// the nearest base with its own deallocator.
pub unsafe extern "C" fn subtype_dealloc(o: *mut PyObject) {
    let tp = (*o).ob_type;
    if (*tp).tp_flags & flags::HAVE_GC != 0 && crate::gc::is_tracked(o) {
        crate::gc::untrack(o);
    }
    if let Some(fin) = (*tp).tp_finalize {
        if !crate::objects::weakref::finalized(o) {
            // Resurrect temporarily while __del__ runs.
            (*o).ob_refcnt = 1;
            crate::objects::weakref::mark_finalized(o);
            fin(o);
            (*o).ob_refcnt -= 1;
            if (*o).ob_refcnt != 0 {
                return; // resurrected
            }
        }
    }
    // Classes are always GC types; a non-GC heap type made from a spec
    // without a deallocator gets none of the clearing below (CPython's
    // simplified path: its members, dict and weakrefs are left alone).
    let gc = (*tp).tp_flags & flags::HAVE_GC != 0;
    if gc && (*tp).tp_weaklistoffset > 0 {
        crate::objects::weakref::clear_weakrefs(o);
    }
    // Find the nearest base with its own deallocator (a static type, or a
    // heap type made from a spec): it owns the layout's remaining fields.
    let mut base = tp;
    while !base.is_null() && (*base).tp_dealloc.map(|f| f as usize) == Some(subtype_dealloc as usize) {
        // Clear __slots__ members defined by this class.
        if gc {
            clear_slots(base, o);
        }
        base = (*base).tp_base;
    }
    let dp = if gc { dict_ptr(o) } else { std::ptr::null_mut() };
    if !dp.is_null() && !(*dp).is_null() {
        let d = std::mem::replace(&mut *dp, std::ptr::null_mut());
        decref(d);
    }
    let heap_tp = tp;
    // A heap base's deallocator releases the instance's reference to its
    // type itself (CPython 3.8+), a static one does not.
    let needs_decref = !is_heap(base);
    // The base deallocator releases its own fields and frees the memory
    // through the actual type's tp_free (which knows about the GC header).
    match (*base).tp_dealloc {
        Some(f) if f as usize != subtype_dealloc as usize && base != object_type() => f(o),
        _ => crate::alloc::tp_free(o),
    }
    if needs_decref {
        decref(heap_tp as *mut PyObject);
    }
}

unsafe fn clear_slots(tp: *mut PyTypeObject, o: *mut PyObject) {
    let ht = tp as *mut PyHeapTypeObject;
    let n = (*tp).ob_base.ob_size;
    if n <= 0 {
        return;
    }
    let members = (ht as *mut u8).add(std::mem::size_of::<PyHeapTypeObject>()) as *mut PyMemberDef;
    for i in 0..n as usize {
        let m = members.add(i);
        if (*m).type_ == crate::objects::descr::T_OBJECT_EX && (*m).flags & crate::objects::descr::READONLY == 0 {
            let slot = (o as *mut u8).offset((*m).offset) as *mut *mut PyObject;
            let old = std::mem::replace(&mut *slot, std::ptr::null_mut());
            xdecref(old);
        }
    }
}

unsafe extern "C" fn subtype_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let tp = (*o).ob_type;
    let mut t = tp;
    while (*t).tp_traverse.map(|f| f as usize) == Some(subtype_traverse as usize) {
        let ht = t as *mut PyHeapTypeObject;
        let n = (*t).ob_base.ob_size;
        let members = (ht as *mut u8).add(std::mem::size_of::<PyHeapTypeObject>()) as *mut PyMemberDef;
        for i in 0..n.max(0) as usize {
            let m = members.add(i);
            if (*m).type_ == crate::objects::descr::T_OBJECT_EX {
                let v = *((o as *mut u8).offset((*m).offset) as *mut *mut PyObject);
                if !v.is_null() {
                    let r = visit(v, arg);
                    if r != 0 {
                        return r;
                    }
                }
            }
        }
        t = (*t).tp_base;
    }
    // A dict the static base owns is visited by the base's traverse.
    let dp = dict_ptr(o);
    if (*tp).tp_dictoffset != (*t).tp_dictoffset && !dp.is_null() && !(*dp).is_null() {
        let r = visit(*dp, arg);
        if r != 0 {
            return r;
        }
    }
    // A heap base's traverse visits the type itself (CPython 3.9+).
    if !is_heap(t) {
        let r = visit(tp as *mut PyObject, arg);
        if r != 0 {
            return r;
        }
    }
    if let Some(bt) = (*t).tp_traverse {
        return bt(o, visit, arg);
    }
    0
}

unsafe extern "C" fn subtype_clear(o: *mut PyObject) -> c_int {
    let tp = (*o).ob_type;
    let mut t = tp;
    while (*t).tp_clear.map(|f| f as usize) == Some(subtype_clear as usize) {
        clear_slots(t, o);
        t = (*t).tp_base;
    }
    let dp = dict_ptr(o);
    if !dp.is_null() && !(*dp).is_null() {
        let d = PyObj::borrow(&*dp).clone();
        dict::clear(&d);
    }
    if let Some(bc) = (*t).tp_clear {
        return bc(o);
    }
    0
}

// ---------------------------------------------------------- class creation

/// The "solid base" of a type: the nearest base that adds C-level fields.
unsafe fn solid_base(tp: *mut PyTypeObject) -> *mut PyTypeObject {
    let base = if (*tp).tp_base.is_null() { tp } else { solid_base((*tp).tp_base) };
    if extra_ivars(tp, (*tp).tp_base) {
        tp
    } else {
        base
    }
}

unsafe fn extra_ivars(tp: *mut PyTypeObject, base: *mut PyTypeObject) -> bool {
    if base.is_null() {
        return false;
    }
    let t_size = (*tp).tp_basicsize;
    let b_size = (*base).tp_basicsize;
    if (*tp).tp_itemsize != 0 || (*base).tp_itemsize != 0 {
        return t_size != b_size || (*tp).tp_itemsize != (*base).tp_itemsize;
    }
    let mut t = t_size;
    if (*tp).tp_weaklistoffset != 0 && (*base).tp_weaklistoffset == 0
        && (*tp).tp_weaklistoffset + 8 == t
    {
        t -= 8;
    }
    if (*tp).tp_dictoffset != 0 && (*base).tp_dictoffset == 0 && (*tp).tp_dictoffset + 8 == t {
        t -= 8;
    }
    t != b_size
}

/// Picks the base whose layout the new class extends, or the
/// "multiple bases have instance lay-out conflict" TypeError.
pub unsafe fn best_base(bases: &[PyObj]) -> PyResult<*mut PyTypeObject> {
    let mut base: *mut PyTypeObject = std::ptr::null_mut();
    let mut winner: *mut PyTypeObject = std::ptr::null_mut();
    for b in bases {
        if !is_type(b) {
            return Err(err::type_error("bases must be types"));
        }
        let bt = as_type(b);
        if (*bt).tp_flags & flags::BASETYPE == 0 {
            // CPython names it by tp_name: "os.stat_result" for a static
            // type, "mod.Name" for one made from a spec.
            let tn = tp_name(bt);
            return Err(err::type_error(format!("type '{}' is not an acceptable base type", tn)));
        }
        let candidate = solid_base(bt);
        if winner.is_null() {
            winner = candidate;
            base = bt;
        } else if is_subtype(winner, candidate) {
        } else if is_subtype(candidate, winner) {
            winner = candidate;
            base = bt;
        } else {
            return Err(err::type_error("multiple bases have instance lay-out conflict"));
        }
    }
    Ok(base)
}

/// `cls.__bases__ = new_bases` (CPython's type_set_bases): checks the new
/// bases, recomputes the MRO of `tp` and its subclasses (restoring the old
/// state if any fails), moves the subclass links and re-derives the slots.
pub unsafe fn set_bases(tp: *mut PyTypeObject, v: Option<&PyObj>) -> PyResult<()> {
    let name = tp_name(tp);
    if (*tp).tp_flags & flags::IMMUTABLETYPE != 0 || !is_heap(tp) {
        return Err(err::type_error(format!("cannot set '__bases__' attribute of immutable type '{}'", name)));
    }
    let Some(nb) = v else {
        return Err(err::type_error(format!("cannot delete '__bases__' attribute of immutable type '{}'", name)));
    };
    if !tuple::is_tuple(nb) {
        return Err(err::type_error(format!(
            "can only assign tuple to {}.__bases__, not {}", name, type_name(nb.ob_type()))));
    }
    let items = tuple::items(nb).to_vec();
    if items.is_empty() {
        return Err(err::type_error(format!("can only assign non-empty tuple to {}.__bases__, not ()", name)));
    }
    for b in &items {
        if !is_type(b) {
            return Err(err::type_error(format!(
                "{}.__bases__ must be tuple of classes, not '{}'", name, type_name(b.ob_type()))));
        }
        if is_subtype(as_type(b), tp) {
            return Err(err::type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let new_base = best_base(&items)?;
    let old_base = (*tp).tp_base;
    let (sa, sb) = (solid_base(old_base), solid_base(new_base));
    if sa != sb && ((*sa).tp_basicsize != (*sb).tp_basicsize || (*sa).tp_itemsize != (*sb).tp_itemsize
        || (*old_base).tp_dictoffset != (*new_base).tp_dictoffset
        || (*old_base).tp_weaklistoffset != (*new_base).tp_weaklistoffset)
    {
        return Err(err::type_error(format!(
            "__bases__ assignment: '{}' object layout differs from '{}'", type_name(new_base), type_name(old_base))));
    }
    let old_bases = (*tp).tp_bases;
    (*tp).tp_bases = nb.clone().into_ptr();
    (*tp).tp_base = new_base;
    // Recompute MROs top-down; on failure put every touched type back.
    let mut done: Vec<(*mut PyTypeObject, *mut PyObject)> = Vec::new();
    let mut todo = vec![tp];
    let mut failure = None;
    while let Some(t) = todo.pop() {
        match compute_mro(t) {
            Ok(m) => {
                done.push((t, (*t).tp_mro));
                (*t).tp_mro = tuple::new(m).into_ptr();
                for s in subclasses(t) {
                    todo.push(as_type(&s));
                }
            }
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    if let Some(e) = failure {
        for (t, old) in done.into_iter().rev() {
            crate::objref::decref((*t).tp_mro);
            (*t).tp_mro = old;
        }
        crate::objref::decref((*tp).tp_bases);
        (*tp).tp_bases = old_bases;
        (*tp).tp_base = old_base;
        return Err(e);
    }
    for (_, old) in done {
        crate::objref::xdecref(old);
    }
    if !old_bases.is_null() {
        for b in tuple::items(PyObj::borrow(&old_bases)).to_vec() {
            remove_subclass(as_type(&b), tp);
        }
    }
    for b in &items {
        add_subclass(as_type(b), tp);
    }
    crate::objref::xdecref(old_bases);
    // Slots come from the new MRO now (for tp and every heap subclass).
    let mut todo = vec![tp];
    while let Some(t) = todo.pop() {
        if is_heap(t) {
            crate::slots::fixup_slots(t);
        }
        for s in subclasses(t) {
            todo.push(as_type(&s));
        }
    }
    type_modified(tp);
    Ok(())
}

/// Determines the metaclass from the explicit one and the bases' types.
pub fn calculate_metaclass(meta: *mut PyTypeObject, bases: &[PyObj]) -> PyResult<*mut PyTypeObject> {
    unsafe {
        let mut winner = meta;
        for b in bases {
            let bt = b.ob_type();
            if is_subtype(winner, bt) {
                continue;
            }
            if is_subtype(bt, winner) {
                winner = bt;
                continue;
            }
            return Err(err::type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }
}

/// `type.__new__(meta, name, bases, namespace, **kwds)`: creates a class.
pub fn type_new(meta: *mut PyTypeObject, name: &PyObj, bases: &PyObj, ns: &PyObj) -> PyResult {
    type_new_kw(meta, name, bases, ns, std::ptr::null_mut()).map(|(t, _)| t)
}

/// `type_new` with the call's keyword arguments, which go to a more derived
/// metaclass's `tp_new` when the call is delegated to it (`type(name,
/// bases, ns, **kw)` with an EnumType base). The flag says it was delegated
/// (then that `tp_new` has already run `__init_subclass__`).
pub fn type_new_kw(
    meta: *mut PyTypeObject,
    name: &PyObj,
    bases: &PyObj,
    ns: &PyObj,
    kwargs: *mut PyObject,
) -> PyResult<(PyObj, bool)> {
    unsafe {
        if !unicode::is_str(name) {
            return Err(err::type_error(format!(
                "type.__new__() argument 1 must be str, not {}",
                type_name(name.ob_type())
            )));
        }
        if !tuple::is_tuple(bases) {
            return Err(err::type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                type_name(bases.ob_type())
            )));
        }
        if !dict::is_dict(ns) {
            return Err(err::type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                type_name(ns.ob_type())
            )));
        }
        let mut base_list: Vec<PyObj> = tuple::items(bases).to_vec();
        let winner = calculate_metaclass(meta, &base_list)?;
        if winner != meta {
            if let Some(new) = (*winner).tp_new {
                if new as usize != type_new_slot as usize {
                    let args = tuple::new(vec![name.clone(), bases.clone(), ns.clone()]);
                    return err::from_ptr(new(winner, args.as_ptr(), kwargs)).map(|t| (t, true));
                }
            }
        }
        let meta = winner;
        if base_list.is_empty() {
            base_list.push(type_obj(object_type()));
        }
        let base = best_base(&base_list)?;
        let dict = dict::copy(ns);

        // __slots__ handling decides the instance layout.
        let slots = dict::get_item_rs(&dict, "__slots__");
        let mut slot_names: Vec<PyObj> = Vec::new();
        let mut add_dict = false;
        let mut add_weak = false;
        let may_add_dict = (*base).tp_dictoffset == 0;
        let may_add_weak = (*base).tp_weaklistoffset == 0 && (*base).tp_itemsize == 0;
        match &slots {
            None => {
                add_dict = may_add_dict;
                add_weak = may_add_weak;
            }
            Some(s) => {
                let items = if unicode::is_str(s) { vec![s.clone()] } else { crate::abstract_::iterate(s)? };
                for it in items {
                    if !unicode::is_str(&it) {
                        return Err(err::type_error(format!(
                            "__slots__ items must be strings, not '{}'",
                            type_name(it.ob_type())
                        )));
                    }
                    let text = unicode::to_string_lossy(&it);
                    if !is_identifier(&text) {
                        return Err(err::type_error("__slots__ must be identifiers"));
                    }
                    if text == "__dict__" {
                        if !may_add_dict || add_dict {
                            return Err(err::type_error("__dict__ slot disallowed: we already got one"));
                        }
                        add_dict = true;
                        continue;
                    }
                    if text == "__weakref__" {
                        if !may_add_weak || add_weak {
                            return Err(err::type_error("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"));
                        }
                        add_weak = true;
                        continue;
                    }
                    let mangled = mangle(&type_name_str(name), &text);
                    if dict::get_item_rs(&dict, &mangled).is_some() {
                        return Err(err::value_error(format!(
                            "'{}' in __slots__ conflicts with class variable",
                            text
                        )));
                    }
                    slot_names.push(unicode::intern(&mangled));
                }
                slot_names.sort_by(|a, b| unicode::compare(a, b));
                if !slot_names.is_empty() && (*base).tp_itemsize != 0 {
                    return Err(err::type_error(format!(
                        "nonempty __slots__ not supported for subtype of '{}'",
                        type_name(base)
                    )));
                }
            }
        }

        // Allocate the heap type with room for the slot member table.
        let nslots = slot_names.len();
        let ht = crate::alloc::alloc_object(meta, nslots as isize) as *mut PyHeapTypeObject;
        if ht.is_null() {
            return Err(err::memory_error_msg(""));
        }
        let tp = ht as *mut PyTypeObject;
        let tp_obj = PyObj::from_owned(tp as *mut PyObject);
        (*tp).ob_base.ob_size = nslots as isize;
        (*tp).tp_flags = flags::DEFAULT | flags::HEAPTYPE | flags::BASETYPE | flags::HAVE_GC;
        (*tp).tp_as_async = &raw mut (*ht).as_async;
        (*tp).tp_as_number = &raw mut (*ht).as_number;
        (*tp).tp_as_sequence = &raw mut (*ht).as_sequence;
        (*tp).tp_as_mapping = &raw mut (*ht).as_mapping;
        (*tp).tp_as_buffer = &raw mut (*ht).as_buffer;
        let name_s = unicode::intern_obj(name);
        (*ht).ht_name = name_s.clone().into_ptr();
        let tpname = std::ffi::CString::new(unicode::to_string_lossy(&name_s)).unwrap_or_default();
        (*ht)._ht_tpname = tpname.into_raw();
        (*tp).tp_name = (*ht)._ht_tpname;
        let qualname = match dict::pop_item(&dict, &unicode::intern("__qualname__"))? {
            Some(q) => {
                if !unicode::is_str(&q) {
                    return Err(err::type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        type_name(q.ob_type())
                    )));
                }
                q
            }
            None => name_s.clone(),
        };
        (*ht).ht_qualname = qualname.into_ptr();
        (*tp).tp_bases = tuple::new(base_list.clone()).into_ptr();
        incref(base as *mut PyObject);
        (*tp).tp_base = base;

        // Layout: base size, then slots, then __dict__ and __weakref__.
        let mut size = (*base).tp_basicsize;
        let members = (ht as *mut u8).add(std::mem::size_of::<PyHeapTypeObject>()) as *mut PyMemberDef;
        for (i, sn) in slot_names.iter().enumerate() {
            let m = members.add(i);
            (*m).name = crate::objects::descr::leak_cstr(&unicode::to_string_lossy(sn));
            (*m).type_ = crate::objects::descr::T_OBJECT_EX;
            (*m).offset = size;
            (*m).flags = 0;
            (*m).doc = std::ptr::null();
            size += 8;
        }
        (*tp).tp_members = members;
        if add_dict {
            if (*base).tp_itemsize != 0 {
                (*tp).tp_dictoffset = -(8);
            } else {
                (*tp).tp_dictoffset = size;
            }
            size += 8;
        }
        if add_weak {
            (*tp).tp_weaklistoffset = size;
            size += 8;
        }
        (*tp).tp_basicsize = size;
        (*tp).tp_itemsize = (*base).tp_itemsize;
        (*tp).tp_dealloc = Some(subtype_dealloc);
        (*tp).tp_traverse = Some(subtype_traverse);
        (*tp).tp_clear = Some(subtype_clear);
        (*tp).tp_alloc = Some(crate::alloc::generic_alloc);
        (*tp).tp_free = Some(crate::alloc::generic_free);
        (*tp).tp_getattro = None;
        (*tp).tp_setattro = None;

        // Namespace defaults CPython adds.
        if dict::get_item_rs(&dict, "__module__").is_none() {
            if let Some(g) = crate::interp::current_globals() {
                if let Some(m) = dict::get_item_rs(&g, "__name__") {
                    dict::set_item_rs(&dict, "__module__", m);
                }
            }
        }
        // __new__, __init_subclass__ and __class_getitem__ are implicitly
        // static/class methods.
        if let Some(f) = dict::get_item_rs(&dict, "__new__") {
            if crate::objects::function::is_function(&f) {
                dict::set_item_rs(&dict, "__new__", crate::objects::funcdescr::staticmethod_new(f));
            }
        }
        for n in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f) = dict::get_item_rs(&dict, n) {
                if crate::objects::function::is_function(&f) {
                    dict::set_item_rs(&dict, n, crate::objects::funcdescr::classmethod_new(f));
                }
            }
        }
        let classcell = dict::pop_item(&dict, &unicode::intern("__classcell__"))?;
        (*tp).tp_dict = dict.clone().into_ptr();
        if add_dict && dict::get_item_rs(&dict, "__dict__").is_none() {
            crate::objects::descr::add_dict_getset(tp, &dict);
        }
        if add_weak && dict::get_item_rs(&dict, "__weakref__").is_none() {
            crate::objects::descr::add_weakref_getset(tp, &dict);
        }
        ready(tp)?;
        crate::slots::fixup_slots(tp);
        type_modified(tp);
        if let Some(cell) = classcell {
            if !crate::objects::cell::is_cell(&cell) {
                return Err(err::type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    type_name(cell.ob_type())
                )));
            }
            crate::objects::cell::set(&cell, Some(tp_obj.clone()));
        }
        // __set_name__ on attributes, then __init_subclass__ on the parent.
        for (k, v) in dict::items_vec(&dict) {
            if let Some(sn) = lookup_str(v.ob_type(), "__set_name__") {
                if let Err(e) = crate::abstract_::call(&sn, &[v.clone(), tp_obj.clone(), k.clone()], None) {
                    let msg = format!(
                        "Error calling __set_name__ on '{}' instance '{}' in '{}'",
                        type_name(v.ob_type()),
                        unicode::to_string_lossy(&k),
                        type_name(tp)
                    );
                    let _ = msg;
                    return Err(e);
                }
            }
        }
        Ok((tp_obj, false))
    }
}

/// Runs `super(cls, cls).__init_subclass__(**kwds)` for a new class.
pub fn init_subclass(tp_obj: &PyObj, kwds: Option<&PyObj>) -> PyResult<()> {
    let sup = crate::objects::superobject::new_super(
        unsafe { as_type(tp_obj) },
        tp_obj,
    )?;
    let f = crate::abstract_::getattr_str(&sup, "__init_subclass__")?;
    let (names, vals) = match kwds {
        Some(k) if dict::len(k) > 0 => {
            let items = dict::items_vec(k);
            (Some(tuple::new(items.iter().map(|(k, _)| k.clone()).collect())), items.into_iter().map(|(_, v)| v).collect())
        }
        _ => (None, vec![]),
    };
    crate::abstract_::call(&f, &vals, names.as_ref())?;
    Ok(())
}

fn type_name_str(name: &PyObj) -> String {
    unicode::to_string_lossy(name)
}

pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// Private name mangling: `__x` in class `C` becomes `_C__x`.
pub fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{}{}", stripped, name)
}

/// `tp_new` of `type`: `type(name, bases, dict, **kw)`.
pub unsafe extern "C" fn type_new_slot(meta: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&args);
    let n = tuple::len(a);
    if meta == type_type() && n == 1 && (kwargs.is_null() || dict::len(PyObj::borrow(&kwargs)) == 0) {
        return tuple::items(a)[0].type_obj().into_ptr();
    }
    if n != 3 {
        err::restore(err::type_error("type() takes 1 or 3 arguments"));
        return std::ptr::null_mut();
    }
    let it = tuple::items(a);
    let r = type_new_kw(meta, &it[0], &it[1], &it[2], kwargs).and_then(|(t, delegated)| {
        if !delegated {
            let kw = crate::objects::methodobject::kwargs_dict(kwargs);
            init_subclass(&t, kw.as_ref())?;
        }
        Ok(t)
    });
    err::into_ptr(r)
}

unsafe extern "C" fn type_init_slot(_o: *mut PyObject, args: *mut PyObject, _kw: *mut PyObject) -> c_int {
    let n = tuple::len(PyObj::borrow(&args));
    if n != 1 && n != 3 {
        err::restore(err::type_error("type.__init__() takes 1 or 3 arguments"));
        return -1;
    }
    0
}

unsafe extern "C" fn type_dealloc(o: *mut PyObject) {
    let tp = o as *mut PyTypeObject;
    let ht = o as *mut PyHeapTypeObject;
    crate::gc::untrack(o);
    // Weak references to the type itself (types always accept them).
    crate::objects::weakref::clear_weakrefs_of_type(o);
    if !(*tp).tp_bases.is_null() {
        for b in tuple::items(PyObj::borrow(&(*tp).tp_bases)).to_vec() {
            remove_subclass(as_type(&b), tp);
        }
    }
    xdecref((*tp).tp_base as *mut PyObject);
    xdecref((*tp).tp_dict);
    xdecref((*tp).tp_bases);
    xdecref((*tp).tp_mro);
    xdecref((*tp).tp_subclasses);
    xdecref((*ht).ht_name);
    xdecref((*ht).ht_qualname);
    xdecref((*ht).ht_slots);
    xdecref((*ht).ht_module);
    if !(*ht)._ht_tpname.is_null() {
        drop(std::ffi::CString::from_raw((*ht)._ht_tpname));
    }
    // Only a type made from a PyType_Spec has a tp_doc of its own (a copy).
    if !(*tp).tp_doc.is_null() {
        crate::alloc::mem_free((*tp).tp_doc as *mut c_void);
    }
    let meta = (*o).ob_type;
    crate::alloc::object_free_raw(o);
    if is_heap(meta) {
        decref(meta as *mut PyObject);
    }
}

unsafe extern "C" fn type_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let tp = o as *mut PyTypeObject;
    let module = if is_heap(tp) { (*(o as *mut PyHeapTypeObject)).ht_module } else { std::ptr::null_mut() };
    for p in [(*tp).tp_dict, (*tp).tp_mro, (*tp).tp_bases, (*tp).tp_base as *mut PyObject, module] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn type_clear(o: *mut PyObject) -> c_int {
    let tp = o as *mut PyTypeObject;
    if !(*tp).tp_dict.is_null() {
        dict::clear(PyObj::borrow(&(*tp).tp_dict));
    }
    let mro = std::mem::replace(&mut (*tp).tp_mro, std::ptr::null_mut());
    xdecref(mro);
    0
}

unsafe extern "C" fn type_is_gc(o: *mut PyObject) -> c_int {
    is_heap(o as *mut PyTypeObject) as c_int
}

unsafe extern "C" fn object_dealloc(o: *mut PyObject) {
    let tp = (*o).ob_type;
    match (*tp).tp_free {
        Some(f) => f(o as *mut c_void),
        None => crate::alloc::object_free_raw(o),
    }
}

pub unsafe fn init_types() {
    let o = object_type();
    (*o).tp_dealloc = Some(object_dealloc);
    (*o).tp_new = Some(object_new);
    (*o).tp_init = Some(object_init);
    (*o).tp_alloc = Some(crate::alloc::generic_alloc);
    (*o).tp_free = Some(crate::alloc::generic_free);
    (*o).tp_getattro = Some(generic_getattro_slot);
    (*o).tp_setattro = Some(generic_setattro_slot);
    (*o).tp_flags |= flags::BASETYPE;
    let t = type_type();
    (*t).tp_dealloc = Some(type_dealloc);
    (*t).tp_call = Some(type_call);
    (*t).tp_vectorcall = Some(type_vectorcall);
    (*t).tp_new = Some(type_new_slot);
    (*t).tp_init = Some(type_init_slot);
    (*t).tp_getattro = Some(type_getattro);
    (*t).tp_setattro = Some(type_setattro);
    (*t).tp_traverse = Some(type_traverse);
    (*t).tp_clear = Some(type_clear);
    (*t).tp_is_gc = Some(type_is_gc);
    (*t).tp_dictoffset = std::mem::offset_of!(PyTypeObject, tp_dict) as isize;
    (*t).tp_weaklistoffset = std::mem::offset_of!(PyTypeObject, tp_weaklist) as isize;
    (*t).tp_flags |= flags::BASETYPE | flags::TYPE_SUBCLASS | flags::HAVE_GC;
    crate::objects::typeobj_attrs::init(o, t);
}
