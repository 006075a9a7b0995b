//! Types from C (object.h's type functions): `PyType_Ready` for a static
//! `PyTypeObject` (the VM's own `typeobj::ready`, which inherits slots and
//! fills the dict with method/member/getset descriptors and slot wrappers),
//! the generic `tp_alloc`/`tp_new`, and heap types built from a
//! `PyType_Spec` (`PyType_FromSpec`, `..WithBases`, `PyType_FromModuleAndSpec`,
//! `PyType_GetModule`/`GetModuleState`, `PyType_GetSlot`, `PyType_Modified`),
//! and the helpers object.h gives C types (`PyObject_SelfIter`,
//! `PyObject_GenericGetDict`/`SetDict`, `PyType_GetName`/`GetQualName`).

use crate::util::*;
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int, c_void};
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::{dict, tuple, unicode};
use vm::objref::{incref, PyObj};
use vm::typeobj::{self, is_heap, type_name};

#[no_mangle]
pub unsafe extern "C" fn PyType_Ready(tp: *mut PyTypeObject) -> c_int {
    if tp.is_null() {
        return ret_int(Err(bad_internal_call()));
    }
    ret_int(typeobj::ready(tp))
}

/// The generic `tp_alloc`: a zeroed instance holding `nitems` items (one
/// more, as CPython allocates), refcount 1, tracked by the collector when
/// the type has `Py_TPFLAGS_HAVE_GC`; a heap type gains a reference.
#[no_mangle]
pub unsafe extern "C" fn PyType_GenericAlloc(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    vm::alloc::generic_alloc(tp, nitems)
}

/// The generic `tp_new`: allocates through `tp_alloc`, ignoring arguments.
#[no_mangle]
pub unsafe extern "C" fn PyType_GenericNew(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    match (*tp).tp_alloc {
        Some(a) => a(tp, 0),
        None => vm::alloc::generic_alloc(tp, 0),
    }
}

/// Invalidates the method cache of `tp` and its subclasses after a C
/// extension changed its dict or slots directly.
#[no_mangle]
pub unsafe extern "C" fn PyType_Modified(tp: *mut PyTypeObject) {
    typeobj::type_modified(tp)
}

/// `type.__name__` as a new reference.
#[no_mangle]
pub unsafe extern "C" fn PyType_GetName(tp: *mut PyTypeObject) -> *mut PyObject {
    unicode::new(&type_name(tp)).into_ptr()
}

/// `type.__qualname__` as a new reference.
#[no_mangle]
pub unsafe extern "C" fn PyType_GetQualName(tp: *mut PyTypeObject) -> *mut PyObject {
    unicode::new(&typeobj::type_qualname(tp)).into_ptr()
}

/// The part of `tp_name` after its last dot, pointing into `tp_name`.
#[no_mangle]
pub unsafe extern "C" fn _PyType_Name(tp: *mut PyTypeObject) -> *const c_char {
    let name = (*tp).tp_name;
    let bytes = CStr::from_ptr(name).to_bytes();
    match bytes.iter().rposition(|&c| c == b'.') {
        Some(i) => name.add(i + 1),
        None => name,
    }
}

/// The `tp_iter` of iterators: the object itself, a new reference.
#[no_mangle]
pub unsafe extern "C" fn PyObject_SelfIter(o: *mut PyObject) -> *mut PyObject {
    incref(o);
    o
}

/// The instance `__dict__` of an object whose type has `tp_dictoffset`
/// (created on first use), for a C type's `__dict__` getset entry.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericGetDict(o: *mut PyObject, context: *mut c_void) -> *mut PyObject {
    vm::objects::descr::instance_dict_get(o, context)
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericSetDict(o: *mut PyObject, v: *mut PyObject, context: *mut c_void) -> c_int {
    vm::objects::descr::instance_dict_set(o, v, context)
}

// ------------------------------------------------------------ slot table

// Slot ids of typeslots.h (CPython's numbering, part of the stable ABI).
const PY_TP_BASE: c_int = 48;
const PY_TP_BASES: c_int = 49;
const PY_TP_DOC: c_int = 56;
const PY_TP_MEMBERS: c_int = 72;
const MAX_SLOT: c_int = 81;

/// Address of the field that slot `id` names in `tp` (inside its
/// `tp_as_*` structure for the number/sequence/mapping/async/buffer slots),
/// or None when that structure is absent or the id is unknown.
unsafe fn slot_field(tp: *mut PyTypeObject, id: c_int) -> Option<*mut *mut c_void> {
    macro_rules! top {
        ($f:ident) => {
            Some(&raw mut (*tp).$f as *mut *mut c_void)
        };
    }
    macro_rules! sub {
        ($s:ident, $f:ident) => {{
            let p = (*tp).$s;
            if p.is_null() {
                None
            } else {
                Some(&raw mut (*p).$f as *mut *mut c_void)
            }
        }};
    }
    match id {
        1 => sub!(tp_as_buffer, bf_getbuffer),
        2 => sub!(tp_as_buffer, bf_releasebuffer),
        3 => sub!(tp_as_mapping, mp_ass_subscript),
        4 => sub!(tp_as_mapping, mp_length),
        5 => sub!(tp_as_mapping, mp_subscript),
        6 => sub!(tp_as_number, nb_absolute),
        7 => sub!(tp_as_number, nb_add),
        8 => sub!(tp_as_number, nb_and),
        9 => sub!(tp_as_number, nb_bool),
        10 => sub!(tp_as_number, nb_divmod),
        11 => sub!(tp_as_number, nb_float),
        12 => sub!(tp_as_number, nb_floor_divide),
        13 => sub!(tp_as_number, nb_index),
        14 => sub!(tp_as_number, nb_inplace_add),
        15 => sub!(tp_as_number, nb_inplace_and),
        16 => sub!(tp_as_number, nb_inplace_floor_divide),
        17 => sub!(tp_as_number, nb_inplace_lshift),
        18 => sub!(tp_as_number, nb_inplace_multiply),
        19 => sub!(tp_as_number, nb_inplace_or),
        20 => sub!(tp_as_number, nb_inplace_power),
        21 => sub!(tp_as_number, nb_inplace_remainder),
        22 => sub!(tp_as_number, nb_inplace_rshift),
        23 => sub!(tp_as_number, nb_inplace_subtract),
        24 => sub!(tp_as_number, nb_inplace_true_divide),
        25 => sub!(tp_as_number, nb_inplace_xor),
        26 => sub!(tp_as_number, nb_int),
        27 => sub!(tp_as_number, nb_invert),
        28 => sub!(tp_as_number, nb_lshift),
        29 => sub!(tp_as_number, nb_multiply),
        30 => sub!(tp_as_number, nb_negative),
        31 => sub!(tp_as_number, nb_or),
        32 => sub!(tp_as_number, nb_positive),
        33 => sub!(tp_as_number, nb_power),
        34 => sub!(tp_as_number, nb_remainder),
        35 => sub!(tp_as_number, nb_rshift),
        36 => sub!(tp_as_number, nb_subtract),
        37 => sub!(tp_as_number, nb_true_divide),
        38 => sub!(tp_as_number, nb_xor),
        39 => sub!(tp_as_sequence, sq_ass_item),
        40 => sub!(tp_as_sequence, sq_concat),
        41 => sub!(tp_as_sequence, sq_contains),
        42 => sub!(tp_as_sequence, sq_inplace_concat),
        43 => sub!(tp_as_sequence, sq_inplace_repeat),
        44 => sub!(tp_as_sequence, sq_item),
        45 => sub!(tp_as_sequence, sq_length),
        46 => sub!(tp_as_sequence, sq_repeat),
        47 => top!(tp_alloc),
        48 => top!(tp_base),
        49 => top!(tp_bases),
        50 => top!(tp_call),
        51 => top!(tp_clear),
        52 => top!(tp_dealloc),
        53 => top!(tp_del),
        54 => top!(tp_descr_get),
        55 => top!(tp_descr_set),
        56 => top!(tp_doc),
        57 => top!(tp_getattr),
        58 => top!(tp_getattro),
        59 => top!(tp_hash),
        60 => top!(tp_init),
        61 => top!(tp_is_gc),
        62 => top!(tp_iter),
        63 => top!(tp_iternext),
        64 => top!(tp_methods),
        65 => top!(tp_new),
        66 => top!(tp_repr),
        67 => top!(tp_richcompare),
        68 => top!(tp_setattr),
        69 => top!(tp_setattro),
        70 => top!(tp_str),
        71 => top!(tp_traverse),
        72 => top!(tp_members),
        73 => top!(tp_getset),
        74 => top!(tp_free),
        75 => sub!(tp_as_number, nb_matrix_multiply),
        76 => sub!(tp_as_number, nb_inplace_matrix_multiply),
        77 => sub!(tp_as_async, am_await),
        78 => sub!(tp_as_async, am_aiter),
        79 => sub!(tp_as_async, am_anext),
        80 => top!(tp_finalize),
        81 => sub!(tp_as_async, am_send),
        _ => None,
    }
}

/// `PyType_GetSlot(tp, id)`: the function (or table) in slot `id`, NULL
/// when unset; an unknown id is a bad internal call.
#[no_mangle]
pub unsafe extern "C" fn PyType_GetSlot(tp: *mut PyTypeObject, id: c_int) -> *mut c_void {
    if id <= 0 || id > MAX_SLOT {
        err::restore(bad_internal_call());
        return std::ptr::null_mut();
    }
    match slot_field(tp, id) {
        Some(p) => *p,
        None => std::ptr::null_mut(),
    }
}

// ------------------------------------------------------------ heap types

unsafe fn slots_of(spec: *mut PyType_Spec) -> Vec<(c_int, *mut c_void)> {
    let mut v = Vec::new();
    let mut s = (*spec).slots;
    while !s.is_null() && (*s).slot != 0 {
        v.push(((*s).slot, (*s).pfunc));
        s = s.add(1);
    }
    v
}

/// Builds a heap type from `spec` (CPython's `PyType_FromModuleAndSpec`).
unsafe fn from_spec(module: *mut PyObject, spec: *mut PyType_Spec, bases: *mut PyObject) -> PyResult<PyObj> {
    if spec.is_null() || (*spec).name.is_null() {
        return Err(bad_internal_call());
    }
    let full = CStr::from_ptr((*spec).name).to_string_lossy().into_owned();
    let slots = slots_of(spec);
    for &(id, _) in &slots {
        if id < 0 || id > MAX_SLOT {
            return Err(err::runtime_error("invalid slot offset"));
        }
    }
    // Members are copied into the type; three names only set offsets.
    let mut members: Vec<PyMemberDef> = Vec::new();
    let (mut weaklistoffset, mut dictoffset, mut vectorcalloffset) = (0, 0, 0);
    for &(id, p) in &slots {
        if id == PY_TP_MEMBERS && !p.is_null() {
            let mut m = p as *mut PyMemberDef;
            while !(*m).name.is_null() {
                match CStr::from_ptr((*m).name).to_bytes() {
                    b"__weaklistoffset__" => weaklistoffset = (*m).offset,
                    b"__dictoffset__" => dictoffset = (*m).offset,
                    b"__vectorcalloffset__" => vectorcalloffset = (*m).offset,
                    _ => {}
                }
                members.push(std::ptr::read(m));
                m = m.add(1);
            }
        }
    }

    // Bases: the argument (a type or a tuple), else Py_tp_bases, else
    // Py_tp_base, else object.
    let bases_obj: PyObj = if !bases.is_null() {
        let b = b(&bases).clone();
        if tuple::is_tuple(&b) { b } else { tuple::new(vec![b]) }
    } else if let Some(&(_, p)) = slots.iter().find(|(id, q)| *id == PY_TP_BASES && !q.is_null()) {
        let b = PyObj::from_borrowed(p as *mut PyObject);
        if tuple::is_tuple(&b) { b } else { tuple::new(vec![b]) }
    } else if let Some(&(_, p)) = slots.iter().find(|(id, q)| *id == PY_TP_BASE && !q.is_null()) {
        tuple::new(vec![typeobj::type_obj(p as *mut PyTypeObject)])
    } else {
        tuple::new(vec![typeobj::type_obj(typeobj::object_type())])
    };
    let base_list = tuple::items(&bases_obj).to_vec();
    let base = typeobj::best_base(&base_list)?;

    // The type object, with room for the members after it.
    let meta = typeobj::type_type();
    let ht = vm::alloc::alloc_object(meta, members.len() as isize) as *mut PyHeapTypeObject;
    if ht.is_null() {
        return Err(err::memory_error_msg(""));
    }
    let tp = ht as *mut PyTypeObject;
    let tp_obj = PyObj::from_owned(tp as *mut PyObject);
    (*tp).tp_flags = (*spec).flags as std::os::raw::c_ulong | flags::HEAPTYPE;
    (*tp).tp_as_async = &raw mut (*ht).as_async;
    (*tp).tp_as_number = &raw mut (*ht).as_number;
    (*tp).tp_as_sequence = &raw mut (*ht).as_sequence;
    (*tp).tp_as_mapping = &raw mut (*ht).as_mapping;
    (*tp).tp_as_buffer = &raw mut (*ht).as_buffer;
    let short = match full.rfind('.') {
        Some(i) => &full[i + 1..],
        None => &full[..],
    };
    let name = unicode::new(short);
    (*ht).ht_name = name.clone().into_ptr();
    (*ht).ht_qualname = name.into_ptr();
    (*ht)._ht_tpname = CString::new(full.clone()).unwrap_or_default().into_raw();
    (*tp).tp_name = (*ht)._ht_tpname;
    if !module.is_null() {
        incref(module);
        (*ht).ht_module = module;
    }
    (*tp).tp_bases = bases_obj.clone().into_ptr();
    incref(base as *mut PyObject);
    (*tp).tp_base = base;
    (*tp).tp_basicsize = if (*spec).basicsize != 0 { (*spec).basicsize as isize } else { (*base).tp_basicsize };
    (*tp).tp_itemsize = if (*spec).itemsize != 0 { (*spec).itemsize as isize } else { (*base).tp_itemsize };

    for &(id, p) in &slots {
        match id {
            PY_TP_BASE | PY_TP_BASES => {}
            PY_TP_DOC => {
                // The type owns a copy (freed with the type), as in CPython.
                if !p.is_null() {
                    let s = CStr::from_ptr(p as *const c_char).to_bytes_with_nul();
                    let d = vm::alloc::mem_malloc(s.len()) as *mut u8;
                    if d.is_null() {
                        return Err(err::memory_error_msg(""));
                    }
                    std::ptr::copy_nonoverlapping(s.as_ptr(), d, s.len());
                    (*tp).tp_doc = d as *const c_char;
                }
            }
            PY_TP_MEMBERS => {
                let dst = (ht as *mut u8).add(std::mem::size_of::<PyHeapTypeObject>()) as *mut PyMemberDef;
                std::ptr::copy_nonoverlapping(members.as_ptr(), dst, members.len());
                (*tp).tp_members = dst;
            }
            _ => {
                if let Some(f) = slot_field(tp, id) {
                    *f = p;
                }
            }
        }
    }
    if weaklistoffset != 0 {
        (*tp).tp_weaklistoffset = weaklistoffset;
    }
    if dictoffset != 0 {
        (*tp).tp_dictoffset = dictoffset;
    }
    if vectorcalloffset != 0 {
        (*tp).tp_vectorcall_offset = vectorcalloffset;
    }
    if (*tp).tp_flags & flags::HAVE_GC != 0 && (*tp).tp_traverse.is_none() {
        return Err(err::system_error(format!(
            "type {} has the Py_TPFLAGS_HAVE_GC flag but has no traverse function",
            full
        )));
    }
    if (*tp).tp_dealloc.is_none() {
        // Without its own deallocator a heap type uses the classes' one,
        // which calls the base's.
        (*tp).tp_dealloc = Some(typeobj::subtype_dealloc);
    }
    let d = dict::new();
    (*tp).tp_dict = d.clone().into_ptr();
    if let Some(i) = full.rfind('.') {
        dict::set_item_rs(&d, "__module__", unicode::new(&full[..i]));
    }
    typeobj::ready_from_spec(tp)?;
    // These two offset members are not attributes (CPython 3.11 keeps
    // `__vectorcalloffset__` as one).
    for (n, off) in [("__weaklistoffset__", weaklistoffset), ("__dictoffset__", dictoffset)] {
        if off != 0 {
            dict::pop_item(&d, &unicode::new(n))?;
        }
    }
    Ok(tp_obj)
}

#[no_mangle]
pub unsafe extern "C" fn PyType_FromModuleAndSpec(module: *mut PyObject, spec: *mut PyType_Spec, bases: *mut PyObject) -> *mut PyObject {
    ret(from_spec(module, spec, bases))
}

#[no_mangle]
pub unsafe extern "C" fn PyType_FromSpecWithBases(spec: *mut PyType_Spec, bases: *mut PyObject) -> *mut PyObject {
    ret(from_spec(std::ptr::null_mut(), spec, bases))
}

#[no_mangle]
pub unsafe extern "C" fn PyType_FromSpec(spec: *mut PyType_Spec) -> *mut PyObject {
    ret(from_spec(std::ptr::null_mut(), spec, std::ptr::null_mut()))
}

/// The module a heap type was created with (borrowed).
#[no_mangle]
pub unsafe extern "C" fn PyType_GetModule(tp: *mut PyTypeObject) -> *mut PyObject {
    if !is_heap(tp) {
        err::restore(err::type_error(format!(
            "PyType_GetModule: Type '{}' is not a heap type",
            typeobj::tp_name(tp)
        )));
        return std::ptr::null_mut();
    }
    let m = (*(tp as *mut PyHeapTypeObject)).ht_module;
    if m.is_null() {
        err::restore(err::type_error(format!(
            "PyType_GetModule: Type '{}' has no associated module",
            typeobj::tp_name(tp)
        )));
    }
    m
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetModuleState(tp: *mut PyTypeObject) -> *mut c_void {
    let m = PyType_GetModule(tp);
    if m.is_null() {
        return std::ptr::null_mut();
    }
    crate::moduleobject::PyModule_GetState(m)
}

/// The first class along the MRO of `tp` whose module was created from
/// `def` (how a method of a subclass finds its defining module's state).
#[no_mangle]
pub unsafe extern "C" fn PyType_GetModuleByDef(tp: *mut PyTypeObject, def: *mut crate::moduleobject::PyModuleDef) -> *mut PyObject {
    for t in typeobj::mro_items(tp) {
        if !is_heap(t) {
            continue;
        }
        let m = (*(t as *mut PyHeapTypeObject)).ht_module;
        if !m.is_null() && crate::moduleobject::PyModule_GetDef(m) == def {
            return m;
        }
    }
    err::restore(err::type_error(format!(
        "PyType_GetModuleByDef: No superclass of '{}' has the given module",
        type_name(tp)
    )));
    std::ptr::null_mut()
}
