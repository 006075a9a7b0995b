//! CPython 3.11's object and type structs, with its x86-64 layout.
//!
//! These are the structs the VM works on and the ones a C extension sees: a
//! `*mut PyObject` handed to C is the object itself. Field names, order and
//! types follow CPython's `object.h` / `cpython/object.h`; `include/` declares
//! the same layouts and a layout test keeps the two identical. This file holds
//! only data definitions and flags; behaviour lives in `objects/` and `typeobj`.

#![allow(non_camel_case_types, non_snake_case)]

use std::os::raw::{c_char, c_int, c_uint, c_ulong, c_void};

pub type Py_ssize_t = isize;
pub type Py_hash_t = isize;

#[repr(C)]
#[derive(Debug)]
pub struct PyObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut PyTypeObject,
}

#[repr(C)]
#[derive(Debug)]
pub struct PyVarObject {
    pub ob_base: PyObject,
    pub ob_size: Py_ssize_t,
}

pub type unaryfunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
pub type binaryfunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;
pub type ternaryfunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
pub type inquiry = unsafe extern "C" fn(*mut PyObject) -> c_int;
pub type lenfunc = unsafe extern "C" fn(*mut PyObject) -> Py_ssize_t;
pub type ssizeargfunc = unsafe extern "C" fn(*mut PyObject, Py_ssize_t) -> *mut PyObject;
pub type ssizeobjargproc = unsafe extern "C" fn(*mut PyObject, Py_ssize_t, *mut PyObject) -> c_int;
pub type objobjargproc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
pub type objobjproc = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> c_int;
pub type visitproc = unsafe extern "C" fn(*mut PyObject, *mut c_void) -> c_int;
pub type traverseproc = unsafe extern "C" fn(*mut PyObject, visitproc, *mut c_void) -> c_int;
pub type freefunc = unsafe extern "C" fn(*mut c_void);
pub type destructor = unsafe extern "C" fn(*mut PyObject);
pub type getattrfunc = unsafe extern "C" fn(*mut PyObject, *mut c_char) -> *mut PyObject;
pub type getattrofunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;
pub type setattrfunc = unsafe extern "C" fn(*mut PyObject, *mut c_char, *mut PyObject) -> c_int;
pub type setattrofunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
pub type reprfunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
pub type hashfunc = unsafe extern "C" fn(*mut PyObject) -> Py_hash_t;
pub type richcmpfunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, c_int) -> *mut PyObject;
pub type getiterfunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
pub type iternextfunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
pub type descrgetfunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
pub type descrsetfunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
pub type initproc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
pub type newfunc =
    unsafe extern "C" fn(*mut PyTypeObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
pub type allocfunc = unsafe extern "C" fn(*mut PyTypeObject, Py_ssize_t) -> *mut PyObject;
pub type vectorcallfunc = unsafe extern "C" fn(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject;
pub type getbufferproc = unsafe extern "C" fn(*mut PyObject, *mut Py_buffer, c_int) -> c_int;
pub type releasebufferproc = unsafe extern "C" fn(*mut PyObject, *mut Py_buffer);
pub type sendfunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut *mut PyObject) -> c_int;
pub type getter = unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject;
pub type setter = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut c_void) -> c_int;
/// A `PyCFunction`; the real signature depends on `ml_flags`.
pub type PyCFunction = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;

/// Bit of `nargsf` that lets a callee use `args[-1]` as scratch space.
pub const PY_VECTORCALL_ARGUMENTS_OFFSET: usize = 1 << (usize::BITS - 1);

#[repr(C)]
pub struct Py_buffer {
    pub buf: *mut c_void,
    pub obj: *mut PyObject,
    pub len: Py_ssize_t,
    pub itemsize: Py_ssize_t,
    pub readonly: c_int,
    pub ndim: c_int,
    pub format: *mut c_char,
    pub shape: *mut Py_ssize_t,
    pub strides: *mut Py_ssize_t,
    pub suboffsets: *mut Py_ssize_t,
    pub internal: *mut c_void,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct PyNumberMethods {
    pub nb_add: Option<binaryfunc>,
    pub nb_subtract: Option<binaryfunc>,
    pub nb_multiply: Option<binaryfunc>,
    pub nb_remainder: Option<binaryfunc>,
    pub nb_divmod: Option<binaryfunc>,
    pub nb_power: Option<ternaryfunc>,
    pub nb_negative: Option<unaryfunc>,
    pub nb_positive: Option<unaryfunc>,
    pub nb_absolute: Option<unaryfunc>,
    pub nb_bool: Option<inquiry>,
    pub nb_invert: Option<unaryfunc>,
    pub nb_lshift: Option<binaryfunc>,
    pub nb_rshift: Option<binaryfunc>,
    pub nb_and: Option<binaryfunc>,
    pub nb_xor: Option<binaryfunc>,
    pub nb_or: Option<binaryfunc>,
    pub nb_int: Option<unaryfunc>,
    pub nb_reserved: *mut c_void,
    pub nb_float: Option<unaryfunc>,
    pub nb_inplace_add: Option<binaryfunc>,
    pub nb_inplace_subtract: Option<binaryfunc>,
    pub nb_inplace_multiply: Option<binaryfunc>,
    pub nb_inplace_remainder: Option<binaryfunc>,
    pub nb_inplace_power: Option<ternaryfunc>,
    pub nb_inplace_lshift: Option<binaryfunc>,
    pub nb_inplace_rshift: Option<binaryfunc>,
    pub nb_inplace_and: Option<binaryfunc>,
    pub nb_inplace_xor: Option<binaryfunc>,
    pub nb_inplace_or: Option<binaryfunc>,
    pub nb_floor_divide: Option<binaryfunc>,
    pub nb_true_divide: Option<binaryfunc>,
    pub nb_inplace_floor_divide: Option<binaryfunc>,
    pub nb_inplace_true_divide: Option<binaryfunc>,
    pub nb_index: Option<unaryfunc>,
    pub nb_matrix_multiply: Option<binaryfunc>,
    pub nb_inplace_matrix_multiply: Option<binaryfunc>,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct PySequenceMethods {
    pub sq_length: Option<lenfunc>,
    pub sq_concat: Option<binaryfunc>,
    pub sq_repeat: Option<ssizeargfunc>,
    pub sq_item: Option<ssizeargfunc>,
    pub was_sq_slice: *mut c_void,
    pub sq_ass_item: Option<ssizeobjargproc>,
    pub was_sq_ass_slice: *mut c_void,
    pub sq_contains: Option<objobjproc>,
    pub sq_inplace_concat: Option<binaryfunc>,
    pub sq_inplace_repeat: Option<ssizeargfunc>,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct PyMappingMethods {
    pub mp_length: Option<lenfunc>,
    pub mp_subscript: Option<binaryfunc>,
    pub mp_ass_subscript: Option<objobjargproc>,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct PyAsyncMethods {
    pub am_await: Option<unaryfunc>,
    pub am_aiter: Option<unaryfunc>,
    pub am_anext: Option<unaryfunc>,
    pub am_send: Option<sendfunc>,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct PyBufferProcs {
    pub bf_getbuffer: Option<getbufferproc>,
    pub bf_releasebuffer: Option<releasebufferproc>,
}

#[repr(C)]
pub struct PyTypeObject {
    pub ob_base: PyVarObject,
    pub tp_name: *const c_char,
    pub tp_basicsize: Py_ssize_t,
    pub tp_itemsize: Py_ssize_t,
    pub tp_dealloc: Option<destructor>,
    pub tp_vectorcall_offset: Py_ssize_t,
    pub tp_getattr: Option<getattrfunc>,
    pub tp_setattr: Option<setattrfunc>,
    pub tp_as_async: *mut PyAsyncMethods,
    pub tp_repr: Option<reprfunc>,
    pub tp_as_number: *mut PyNumberMethods,
    pub tp_as_sequence: *mut PySequenceMethods,
    pub tp_as_mapping: *mut PyMappingMethods,
    pub tp_hash: Option<hashfunc>,
    pub tp_call: Option<ternaryfunc>,
    pub tp_str: Option<reprfunc>,
    pub tp_getattro: Option<getattrofunc>,
    pub tp_setattro: Option<setattrofunc>,
    pub tp_as_buffer: *mut PyBufferProcs,
    pub tp_flags: c_ulong,
    pub tp_doc: *const c_char,
    pub tp_traverse: Option<traverseproc>,
    pub tp_clear: Option<inquiry>,
    pub tp_richcompare: Option<richcmpfunc>,
    pub tp_weaklistoffset: Py_ssize_t,
    pub tp_iter: Option<getiterfunc>,
    pub tp_iternext: Option<iternextfunc>,
    pub tp_methods: *mut PyMethodDef,
    pub tp_members: *mut PyMemberDef,
    pub tp_getset: *mut PyGetSetDef,
    pub tp_base: *mut PyTypeObject,
    pub tp_dict: *mut PyObject,
    pub tp_descr_get: Option<descrgetfunc>,
    pub tp_descr_set: Option<descrsetfunc>,
    pub tp_dictoffset: Py_ssize_t,
    pub tp_init: Option<initproc>,
    pub tp_alloc: Option<allocfunc>,
    pub tp_new: Option<newfunc>,
    pub tp_free: Option<freefunc>,
    pub tp_is_gc: Option<inquiry>,
    pub tp_bases: *mut PyObject,
    pub tp_mro: *mut PyObject,
    pub tp_cache: *mut PyObject,
    pub tp_subclasses: *mut PyObject,
    pub tp_weaklist: *mut PyObject,
    pub tp_del: Option<destructor>,
    pub tp_version_tag: c_uint,
    pub tp_finalize: Option<destructor>,
    pub tp_vectorcall: Option<vectorcallfunc>,
}

/// Heap types (classes made at run time) carry their slot tables inline.
#[repr(C)]
pub struct PyHeapTypeObject {
    pub ht_type: PyTypeObject,
    pub as_async: PyAsyncMethods,
    pub as_number: PyNumberMethods,
    pub as_mapping: PyMappingMethods,
    pub as_sequence: PySequenceMethods,
    pub as_buffer: PyBufferProcs,
    pub ht_name: *mut PyObject,
    pub ht_slots: *mut PyObject,
    pub ht_qualname: *mut PyObject,
    pub ht_cached_keys: *mut c_void,
    pub ht_module: *mut PyObject,
    pub _ht_tpname: *mut c_char,
    /// CPython's `_spec_cache.getitem`.
    pub _spec_cache_getitem: *mut PyObject,
}

#[repr(C)]
pub struct PyMethodDef {
    pub ml_name: *const c_char,
    pub ml_meth: Option<PyCFunction>,
    pub ml_flags: c_int,
    pub ml_doc: *const c_char,
}
unsafe impl Sync for PyMethodDef {}

#[repr(C)]
pub struct PyMemberDef {
    pub name: *const c_char,
    pub type_: c_int,
    pub offset: Py_ssize_t,
    pub flags: c_int,
    pub doc: *const c_char,
}
unsafe impl Sync for PyMemberDef {}

#[repr(C)]
pub struct PyGetSetDef {
    pub name: *const c_char,
    pub get: Option<getter>,
    pub set: Option<setter>,
    pub doc: *const c_char,
    pub closure: *mut c_void,
}
unsafe impl Sync for PyGetSetDef {}

/// `PyModuleDef_HEAD_INIT`'s part of a module definition (`moduleobject.h`).
#[repr(C)]
pub struct PyModuleDef_Base {
    pub ob_base: PyObject,
    pub m_init: Option<unsafe extern "C" fn() -> *mut PyObject>,
    pub m_index: Py_ssize_t,
    pub m_copy: *mut PyObject,
}

/// One step of multi-phase module initialisation (`Py_mod_create`, `Py_mod_exec`).
#[repr(C)]
pub struct PyModuleDef_Slot {
    pub slot: c_int,
    pub value: *mut c_void,
}

pub const PY_MOD_CREATE: c_int = 1;
pub const PY_MOD_EXEC: c_int = 2;

/// A C extension module's definition, as `PyInit_<name>` hands it over.
#[repr(C)]
pub struct PyModuleDef {
    pub m_base: PyModuleDef_Base,
    pub m_name: *const c_char,
    pub m_doc: *const c_char,
    pub m_size: Py_ssize_t,
    pub m_methods: *mut PyMethodDef,
    pub m_slots: *mut PyModuleDef_Slot,
    pub m_traverse: Option<traverseproc>,
    pub m_clear: Option<inquiry>,
    pub m_free: Option<freefunc>,
}

/// One slot of a `PyType_Spec` (ids in `include/typeslots.h`).
#[repr(C)]
pub struct PyType_Slot {
    pub slot: c_int,
    pub pfunc: *mut c_void,
}

/// What `PyType_FromSpec` and friends build a heap type from.
#[repr(C)]
pub struct PyType_Spec {
    pub name: *const c_char,
    pub basicsize: c_int,
    pub itemsize: c_int,
    pub flags: c_uint,
    pub slots: *mut PyType_Slot,
}

/// The cycle collector's header, placed just before objects whose type has
/// `Py_TPFLAGS_HAVE_GC`, as in CPython.
#[repr(C)]
pub struct PyGC_Head {
    pub _gc_next: usize,
    pub _gc_prev: usize,
}

pub mod flags {
    use std::os::raw::c_ulong;
    pub const MANAGED_DICT: c_ulong = 1 << 4;
    pub const SEQUENCE: c_ulong = 1 << 5;
    pub const MAPPING: c_ulong = 1 << 6;
    pub const DISALLOW_INSTANTIATION: c_ulong = 1 << 7;
    pub const IMMUTABLETYPE: c_ulong = 1 << 8;
    pub const HEAPTYPE: c_ulong = 1 << 9;
    pub const BASETYPE: c_ulong = 1 << 10;
    pub const HAVE_VECTORCALL: c_ulong = 1 << 11;
    pub const READY: c_ulong = 1 << 12;
    pub const READYING: c_ulong = 1 << 13;
    pub const HAVE_GC: c_ulong = 1 << 14;
    pub const METHOD_DESCRIPTOR: c_ulong = 1 << 17;
    pub const HAVE_VERSION_TAG: c_ulong = 1 << 18;
    pub const VALID_VERSION_TAG: c_ulong = 1 << 19;
    pub const IS_ABSTRACT: c_ulong = 1 << 20;
    pub const MATCH_SELF: c_ulong = 1 << 22;
    pub const LONG_SUBCLASS: c_ulong = 1 << 24;
    pub const LIST_SUBCLASS: c_ulong = 1 << 25;
    pub const TUPLE_SUBCLASS: c_ulong = 1 << 26;
    pub const BYTES_SUBCLASS: c_ulong = 1 << 27;
    pub const UNICODE_SUBCLASS: c_ulong = 1 << 28;
    pub const DICT_SUBCLASS: c_ulong = 1 << 29;
    pub const BASE_EXC_SUBCLASS: c_ulong = 1 << 30;
    pub const TYPE_SUBCLASS: c_ulong = 1 << 31;
    pub const DEFAULT: c_ulong = HAVE_VERSION_TAG;
}

/// `ml_flags` of a PyMethodDef.
pub mod meth {
    use std::os::raw::c_int;
    pub const VARARGS: c_int = 0x0001;
    pub const KEYWORDS: c_int = 0x0002;
    pub const NOARGS: c_int = 0x0004;
    pub const O: c_int = 0x0008;
    pub const CLASS: c_int = 0x0010;
    pub const STATIC: c_int = 0x0020;
    pub const COEXIST: c_int = 0x0040;
    pub const FASTCALL: c_int = 0x0080;
    pub const METHOD: c_int = 0x0200;
}

/// Comparison operators passed to `tp_richcompare`.
pub const PY_LT: c_int = 0;
pub const PY_LE: c_int = 1;
pub const PY_EQ: c_int = 2;
pub const PY_NE: c_int = 3;
pub const PY_GT: c_int = 4;
pub const PY_GE: c_int = 5;

pub const EMPTY_NUMBER_METHODS: PyNumberMethods = PyNumberMethods {
    nb_add: None,
    nb_subtract: None,
    nb_multiply: None,
    nb_remainder: None,
    nb_divmod: None,
    nb_power: None,
    nb_negative: None,
    nb_positive: None,
    nb_absolute: None,
    nb_bool: None,
    nb_invert: None,
    nb_lshift: None,
    nb_rshift: None,
    nb_and: None,
    nb_xor: None,
    nb_or: None,
    nb_int: None,
    nb_reserved: std::ptr::null_mut(),
    nb_float: None,
    nb_inplace_add: None,
    nb_inplace_subtract: None,
    nb_inplace_multiply: None,
    nb_inplace_remainder: None,
    nb_inplace_power: None,
    nb_inplace_lshift: None,
    nb_inplace_rshift: None,
    nb_inplace_and: None,
    nb_inplace_xor: None,
    nb_inplace_or: None,
    nb_floor_divide: None,
    nb_true_divide: None,
    nb_inplace_floor_divide: None,
    nb_inplace_true_divide: None,
    nb_index: None,
    nb_matrix_multiply: None,
    nb_inplace_matrix_multiply: None,
};

pub const EMPTY_SEQUENCE_METHODS: PySequenceMethods = PySequenceMethods {
    sq_length: None,
    sq_concat: None,
    sq_repeat: None,
    sq_item: None,
    was_sq_slice: std::ptr::null_mut(),
    sq_ass_item: None,
    was_sq_ass_slice: std::ptr::null_mut(),
    sq_contains: None,
    sq_inplace_concat: None,
    sq_inplace_repeat: None,
};

pub const EMPTY_MAPPING_METHODS: PyMappingMethods =
    PyMappingMethods { mp_length: None, mp_subscript: None, mp_ass_subscript: None };

pub const EMPTY_ASYNC_METHODS: PyAsyncMethods =
    PyAsyncMethods { am_await: None, am_aiter: None, am_anext: None, am_send: None };

pub const EMPTY_BUFFER_PROCS: PyBufferProcs =
    PyBufferProcs { bf_getbuffer: None, bf_releasebuffer: None };

impl PyTypeObject {
    /// A static type object with every slot empty; built-in types start from
    /// this and set their slots in `objects::*::init_type`.
    pub const fn empty(name: &'static [u8], basicsize: usize, itemsize: usize) -> PyTypeObject {
        PyTypeObject {
            ob_base: PyVarObject {
                ob_base: PyObject { ob_refcnt: IMMORTAL_REFCNT, ob_type: std::ptr::null_mut() },
                ob_size: 0,
            },
            tp_name: name.as_ptr() as *const c_char,
            tp_basicsize: basicsize as isize,
            tp_itemsize: itemsize as isize,
            tp_dealloc: None,
            tp_vectorcall_offset: 0,
            tp_getattr: None,
            tp_setattr: None,
            tp_as_async: std::ptr::null_mut(),
            tp_repr: None,
            tp_as_number: std::ptr::null_mut(),
            tp_as_sequence: std::ptr::null_mut(),
            tp_as_mapping: std::ptr::null_mut(),
            tp_hash: None,
            tp_call: None,
            tp_str: None,
            tp_getattro: None,
            tp_setattro: None,
            tp_as_buffer: std::ptr::null_mut(),
            tp_flags: flags::DEFAULT,
            tp_doc: std::ptr::null(),
            tp_traverse: None,
            tp_clear: None,
            tp_richcompare: None,
            tp_weaklistoffset: 0,
            tp_iter: None,
            tp_iternext: None,
            tp_methods: std::ptr::null_mut(),
            tp_members: std::ptr::null_mut(),
            tp_getset: std::ptr::null_mut(),
            tp_base: std::ptr::null_mut(),
            tp_dict: std::ptr::null_mut(),
            tp_descr_get: None,
            tp_descr_set: None,
            tp_dictoffset: 0,
            tp_init: None,
            tp_alloc: None,
            tp_new: None,
            tp_free: None,
            tp_is_gc: None,
            tp_bases: std::ptr::null_mut(),
            tp_mro: std::ptr::null_mut(),
            tp_cache: std::ptr::null_mut(),
            tp_subclasses: std::ptr::null_mut(),
            tp_weaklist: std::ptr::null_mut(),
            tp_del: None,
            tp_version_tag: 0,
            tp_finalize: None,
            tp_vectorcall: None,
        }
    }
}

/// Reference count given to statically allocated objects (types, singletons)
/// so that they are never freed, whatever C code does with them.
pub const IMMORTAL_REFCNT: isize = 1 << 40;

/// A static object header (for singletons such as None).
pub const fn static_head(tp: *mut PyTypeObject) -> PyObject {
    PyObject { ob_refcnt: IMMORTAL_REFCNT, ob_type: tp }
}
