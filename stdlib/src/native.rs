//! A generic object with Rust state, shared by the stdlib types that are not
//! iterators (`_random.Random`, `_sha512.sha512`, `functools.partial`,
//! `operator.itemgetter`, ...): the object head, a boxed state `S` (null
//! until `tp_new` fills it and after `tp_clear`), an optional instance dict
//! and weak-reference list. Every such type has the same basic size, so one
//! set of generic slots (dealloc, traverse, clear) serves them all.

use std::os::raw::{c_int, c_void};
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objref::{xdecref, PyObj};

#[repr(C)]
pub struct NObj<S> {
    pub ob_base: PyObject,
    /// The per-instance vectorcall entry (types that set `tp_vectorcall_offset`).
    pub vectorcall: Option<vectorcallfunc>,
    pub state: Option<Box<S>>,
    /// The instance `__dict__` (used when the type sets `tp_dictoffset`).
    pub dict: *mut PyObject,
    /// Weak references (used when the type sets `tp_weaklistoffset`).
    pub weakreflist: *mut PyObject,
}

/// The Rust side of a native type.
pub trait NState: Sized + 'static {
    /// The static type object.
    fn tp() -> *mut PyTypeObject;
    /// Every object reference the state holds (for the cycle collector).
    fn refs(&self, _out: &mut Vec<*mut PyObject>) {}
}

pub const BASICSIZE: usize = std::mem::size_of::<NObj<()>>();

/// Declares a static type object of the common basic size.
macro_rules! native_type {
    ($st:ident, $name:literal) => {
        pub static mut $st: vm::object::PyTypeObject =
            vm::object::PyTypeObject::empty(concat!($name, "\0").as_bytes(), $crate::native::BASICSIZE, 0);
    };
}
pub(crate) use native_type;

/// The state of `o` (an instance of `S::tp()` or a subclass), if it has one.
pub fn state<S: NState>(o: &PyObj) -> Option<&mut S> {
    unsafe { (*(o.as_ptr() as *mut NObj<S>)).state.as_deref_mut() }
}

/// Whether `o` is an instance of `S`'s type (or a subclass).
pub fn is_instance<S: NState>(o: &PyObj) -> bool {
    unsafe { vm::typeobj::is_subtype(o.ob_type(), S::tp()) }
}

/// Allocates an instance of `tp` (S's type or a subclass) holding `s`.
pub fn new_obj<S: NState>(tp: *mut PyTypeObject, s: S) -> PyResult {
    unsafe {
        let o = vm::typeobj::alloc_instance(tp);
        if o.is_null() {
            if !err::occurred() {
                err::set_memory_error();
            }
            return Err(err::fetch());
        }
        std::ptr::write(&mut (*(o as *mut NObj<S>)).state, Some(Box::new(s)));
        Ok(PyObj::from_owned(o))
    }
}

/// Replaces the state of `o`, dropping the old one after the swap (its
/// references may run arbitrary code when released).
pub fn set_state<S: NState>(o: &PyObj, s: S) {
    let old = unsafe { (*(o.as_ptr() as *mut NObj<S>)).state.replace(Box::new(s)) };
    drop(old);
}

unsafe extern "C" fn n_dealloc<S: NState>(o: *mut PyObject) {
    if vm::alloc::type_is_gc((*o).ob_type) {
        vm::gc::untrack(o);
    }
    let tp = S::tp();
    if (*tp).tp_weaklistoffset != 0 {
        vm::objects::weakref::clear_weakrefs(o);
    }
    let p = o as *mut NObj<S>;
    let st = (*p).state.take();
    drop(st);
    if (*tp).tp_dictoffset != 0 {
        let d = std::mem::replace(&mut (*p).dict, std::ptr::null_mut());
        xdecref(d);
    }
    vm::alloc::tp_free(o);
}

unsafe extern "C" fn n_clear<S: NState>(o: *mut PyObject) -> c_int {
    let p = o as *mut NObj<S>;
    let st = (*p).state.take();
    drop(st);
    if (*S::tp()).tp_dictoffset != 0 {
        let d = std::mem::replace(&mut (*p).dict, std::ptr::null_mut());
        xdecref(d);
    }
    0
}

unsafe extern "C" fn n_traverse<S: NState>(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = o as *mut NObj<S>;
    let mut v = Vec::new();
    if let Some(s) = (*p).state.as_deref() {
        s.refs(&mut v);
    }
    if (*S::tp()).tp_dictoffset != 0 {
        v.push((*p).dict);
    }
    for q in v {
        if !q.is_null() {
            let r = visit(q, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// Options of a native type.
pub struct TypeOpts {
    pub basetype: bool,
    pub gc: bool,
    pub dict: bool,
    pub weakref: bool,
    /// Instances carry a vectorcall entry (set by the type's constructor).
    pub vectorcall: bool,
}

/// Fills the generic slots of `S`'s type (before it is readied).
pub unsafe fn init_type<S: NState>(o: TypeOpts) {
    let t = S::tp();
    (*t).tp_dealloc = Some(n_dealloc::<S>);
    if o.gc {
        (*t).tp_traverse = Some(n_traverse::<S>);
        (*t).tp_clear = Some(n_clear::<S>);
        (*t).tp_flags |= flags::HAVE_GC;
    }
    if o.basetype {
        (*t).tp_flags |= flags::BASETYPE;
    }
    if o.dict {
        (*t).tp_dictoffset = std::mem::offset_of!(NObj<()>, dict) as isize;
    }
    if o.vectorcall {
        (*t).tp_vectorcall_offset = std::mem::offset_of!(NObj<()>, vectorcall) as isize;
        (*t).tp_flags |= flags::HAVE_VECTORCALL;
    }
    if o.weakref {
        (*t).tp_weaklistoffset = std::mem::offset_of!(NObj<()>, weakreflist) as isize;
    }
}

/// The full `tp_name` of a type (with its module prefix for static types).
pub fn tp_name(tp: *mut PyTypeObject) -> String {
    unsafe { std::ffi::CStr::from_ptr((*tp).tp_name).to_string_lossy().into_owned() }
}

pub fn push(out: &mut Vec<*mut PyObject>, o: &Option<PyObj>) {
    if let Some(o) = o {
        out.push(o.as_ptr());
    }
}

/// Wraps a `PyResult` body as a C slot result.
pub fn ret(r: PyResult) -> *mut PyObject {
    err::into_ptr(r)
}
