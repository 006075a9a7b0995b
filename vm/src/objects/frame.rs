//! `frame`: one activation of a code object. Fast locals, cells and the
//! value stack live inline after the header ("localsplus" then the stack),
//! so a call allocates one object. Frames are objects from the start so that
//! tracebacks, generators and `sys._getframe` can hold them.

use crate::object::*;
use crate::objects::{code, dict, none};
use crate::objref::{xdecref, PyObj};
use std::os::raw::{c_int, c_void};

pub const FRAME_CREATED: i8 = 0;
pub const FRAME_SUSPENDED: i8 = 1;
pub const FRAME_EXECUTING: i8 = 2;
pub const FRAME_COMPLETED: i8 = 3;

#[repr(C)]
pub struct PyFrameObject {
    pub ob_base: PyVarObject,
    /// The calling frame (a strong reference while this frame is alive).
    pub f_back: *mut PyObject,
    pub code: *mut PyObject,
    pub func: *mut PyObject,
    pub globals: *mut PyObject,
    pub builtins: *mut PyObject,
    /// The locals mapping of module and class bodies (null in functions).
    pub locals: *mut PyObject,
    pub f_trace: *mut PyObject,
    /// Index of the instruction being executed (or last executed).
    pub lasti: i32,
    /// Values on the stack while suspended (generators).
    pub stacktop: i32,
    pub state: i8,
    /// Set when globals/builtins are borrowed from `func` (which the frame
    /// owns and which keeps them alive), saving a reference count pair per call.
    pub borrowed_ns: i8,
    /// Set on the frame of an `__init__` that CALL runs inline to make an
    /// instance: the instance is already the call's result on the caller's
    /// stack, and the return value must be None.
    pub is_init: i8,
    /// The generator owning this frame (borrowed), if any.
    pub gen: *mut PyObject,
    /// Cached dict for `f_locals` of function frames.
    pub locals_snapshot: *mut PyObject,
    pub localsplus: [*mut PyObject; 0],
}

#[no_mangle]
pub static mut PyFrame_Type: PyTypeObject = PyTypeObject::empty(
    b"frame\0",
    std::mem::size_of::<PyFrameObject>(),
    std::mem::size_of::<*mut PyObject>(),
);

pub fn frame_type() -> *mut PyTypeObject {
    &raw mut PyFrame_Type
}

pub fn is_frame(o: &PyObj) -> bool {
    o.ob_type() == frame_type()
}

#[inline(always)]
pub unsafe fn localsplus(f: *mut PyFrameObject) -> *mut *mut PyObject {
    (*f).localsplus.as_mut_ptr()
}

/// Recently freed frames by item count, reused to avoid allocator calls
/// on every Python call (most frames are small and short-lived).
const FREELIST_SIZES: usize = 48;
const FREELIST_DEPTH: usize = 32;
static mut FREELIST: [[*mut PyFrameObject; FREELIST_DEPTH]; FREELIST_SIZES] =
    [[std::ptr::null_mut(); FREELIST_DEPTH]; FREELIST_SIZES];
static mut FREELIST_LEN: [usize; FREELIST_SIZES] = [0; FREELIST_SIZES];

unsafe fn alloc_frame(n: usize, nlocals: usize) -> *mut PyFrameObject {
    if n < FREELIST_SIZES {
        let len = &mut (*(&raw mut FREELIST_LEN))[n];
        if *len > 0 {
            *len -= 1;
            let f = (*(&raw mut FREELIST))[n][*len];
            // dealloc left f_back, f_trace, the snapshot and the locals null
            // (the caller sets the other object fields); reset the scalar
            // fields (the value stack need not be cleared).
            (*f).ob_base.ob_base.ob_refcnt = 1;
            (*f).ob_base.ob_base.ob_type = frame_type();
            (*f).ob_base.ob_size = n as isize;
            (*f).lasti = 0;
            (*f).stacktop = 0;
            (*f).state = 0;
            (*f).borrowed_ns = 0;
            (*f).is_init = 0;
            // Another code object may have used these slots as its stack.
            // Volatile stores keep LLVM from making this a memset call,
            // which costs more than the few stores a typical frame needs.
            let lp = localsplus(f);
            for i in 0..nlocals {
                std::ptr::write_volatile(lp.add(i), std::ptr::null_mut());
            }
            return f;
        }
    }
    let f = crate::alloc::alloc_object(frame_type(), n as isize) as *mut PyFrameObject;
    if !f.is_null() {
        crate::gc::untrack(f as *mut PyObject);
    }
    f
}

/// A frame for a call of the Python function `func`, taking over the
/// caller's reference to it; the locals are null, for the caller to fill.
pub unsafe fn new_for_call(func: *mut PyObject, cd: &code::CodeData) -> *mut PyFrameObject {
    let fo = func as *mut crate::objects::function::PyFunctionObject;
    let mut f = cd.cached_frame.replace(std::ptr::null_mut());
    if !f.is_null() {
        // Parked by frame_dealloc: type, size, null locals and a zero
        // stacktop are this code's already; the other scalar fields are
        // set here or below.
        (*f).ob_base.ob_base.ob_refcnt = 1;
        (*f).is_init = 0;
    } else {
        f = alloc_frame(cd.nlocalsplus + cd.stacksize as usize + 1, cd.nlocalsplus);
        if f.is_null() {
            panic!("out of memory allocating a frame");
        }
    }
    crate::objref::incref((*fo).func_code);
    (*f).code = (*fo).func_code;
    // The function keeps its namespaces alive as long as the frame has it.
    (*f).globals = (*fo).func_globals;
    (*f).builtins = (*fo).func_builtins;
    (*f).borrowed_ns = 1;
    (*f).locals = std::ptr::null_mut();
    (*f).func = func;
    (*f).lasti = -1;
    (*f).state = FRAME_CREATED;
    f
}

/// Frames start untracked by the cycle collector (most die when their call
/// returns); one that escapes — into a traceback, a generator, or
/// `sys._getframe` — is tracked from then on.
pub unsafe fn ensure_tracked(f: *mut PyFrameObject) {
    if !crate::gc::is_tracked(f as *mut PyObject) {
        crate::gc::track(f as *mut PyObject);
    }
}

/// Allocates a frame for `code` (localsplus and stack zeroed).
pub unsafe fn new(codeobj: &PyObj, globals: &PyObj, builtins: &PyObj, locals: Option<&PyObj>, func: Option<&PyObj>) -> *mut PyFrameObject {
    let cd = code::data(codeobj);
    let n = cd.nlocalsplus + cd.stacksize as usize + 1;
    let f = alloc_frame(n, cd.nlocalsplus);
    if f.is_null() {
        panic!("out of memory allocating a frame");
    }
    (*f).code = codeobj.clone().into_ptr();
    if func.is_some() {
        (*f).globals = globals.as_ptr();
        (*f).builtins = builtins.as_ptr();
        (*f).borrowed_ns = 1;
    } else {
        (*f).globals = globals.clone().into_ptr();
        (*f).builtins = builtins.clone().into_ptr();
    }
    (*f).locals = locals.map(|l| l.clone().into_ptr()).unwrap_or(std::ptr::null_mut());
    (*f).func = func.map(|l| l.clone().into_ptr()).unwrap_or(std::ptr::null_mut());
    (*f).lasti = -1;
    (*f).state = FRAME_CREATED;
    f
}

pub fn code_of(f: *mut PyFrameObject) -> &'static PyObj {
    unsafe { PyObj::borrow(&(*f).code) }
}

/// Current line of a frame.
pub fn lineno(f: *mut PyFrameObject) -> u32 {
    unsafe {
        let i = (*f).lasti.max(0) as usize;
        code::line_of(PyObj::borrow(&(*f).code), i)
    }
}

/// Releases localsplus and the stack (values up to `stacktop`).
pub unsafe fn clear_locals(f: *mut PyFrameObject) {
    let cd = code::data(PyObj::borrow(&(*f).code));
    let lp = localsplus(f);
    let n = cd.nlocalsplus + (*f).stacktop.max(0) as usize;
    for i in 0..n {
        let p = std::mem::replace(&mut *lp.add(i), std::ptr::null_mut());
        xdecref(p);
    }
    (*f).stacktop = 0;
}

/// Drops a reference to a frame. Frames have no subtypes, so the
/// deallocator is called directly, not through the type's slot.
#[inline(always)]
pub unsafe fn decref_frame(f: *mut PyFrameObject) {
    let o = f as *mut PyObject;
    (*o).ob_refcnt -= 1;
    if (*o).ob_refcnt == 0 {
        frame_dealloc(o);
    }
}

unsafe extern "C" fn frame_dealloc(o: *mut PyObject) {
    let f = o as *mut PyFrameObject;
    // The rare branches are marked cold so that a function's frame, the
    // common case, goes through without a taken jump.
    if crate::gc::is_tracked(o) {
        std::hint::cold_path();
        crate::gc::untrack(o);
    }
    clear_locals(f);
    // Nothing reaches a frame being freed, and both constructors set code,
    // func, namespaces and locals anew: only the fields they expect null
    // are reset. The frame is then parked or freed before its references
    // are released, so finalizers those releases run may reuse it at once.
    let back = std::mem::replace(&mut (*f).f_back, std::ptr::null_mut());
    let (code, func) = ((*f).code, (*f).func);
    (*f).gen = std::ptr::null_mut();
    if (*f).borrowed_ns != 0 && (*f).locals.is_null() && (*f).f_trace.is_null() && (*f).locals_snapshot.is_null() {
        // A function's frame: namespaces borrowed from `func`, nothing else held.
        park_or_free(f, code);
    } else {
        std::hint::cold_path();
        park_releasing_rare_fields(f, code);
    }
    xdecref(back);
    xdecref(code);
    xdecref(func);
}

/// frame_dealloc's path for module and class bodies, traced frames and
/// f_locals readers: their own namespaces, locals mapping, trace function
/// or snapshot are released after the frame is parked or freed.
#[inline(never)]
unsafe fn park_releasing_rare_fields(f: *mut PyFrameObject, code: *mut PyObject) {
    let (globals, builtins) = if (*f).borrowed_ns == 0 {
        ((*f).globals, (*f).builtins)
    } else {
        (std::ptr::null_mut(), std::ptr::null_mut())
    };
    let (locals, trace, snapshot) = ((*f).locals, (*f).f_trace, (*f).locals_snapshot);
    (*f).f_trace = std::ptr::null_mut();
    (*f).locals_snapshot = std::ptr::null_mut();
    park_or_free(f, code);
    for p in [globals, builtins, locals, trace, snapshot] {
        xdecref(p);
    }
}

/// A freed frame goes to its code's one-frame cache (the next call of the
/// same function takes it as it is), else to the free list of its size.
#[inline(always)]
unsafe fn park_or_free(f: *mut PyFrameObject, code: *mut PyObject) {
    if (*f).ob_base.ob_base.ob_type != frame_type() {
        std::hint::cold_path();
        crate::alloc::tp_free(f as *mut PyObject);
        return;
    }
    if !code.is_null() {
        let cd = code::data(PyObj::borrow(&code));
        if cd.cached_frame.get().is_null() {
            // Both constructors size a frame from its code.
            debug_assert_eq!((*f).ob_base.ob_size as usize, cd.nlocalsplus + cd.stacksize as usize + 1);
            cd.cached_frame.set(f);
            return;
        }
    }
    std::hint::cold_path();
    let n = (*f).ob_base.ob_size as usize;
    if n < FREELIST_SIZES {
        let len = &mut (*(&raw mut FREELIST_LEN))[n];
        if *len < FREELIST_DEPTH {
            (*(&raw mut FREELIST))[n][*len] = f;
            *len += 1;
            return;
        }
    }
    crate::alloc::tp_free(f as *mut PyObject);
}

unsafe extern "C" fn frame_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let f = o as *mut PyFrameObject;
    let (g, b) = if (*f).borrowed_ns != 0 { (std::ptr::null_mut(), std::ptr::null_mut()) } else { ((*f).globals, (*f).builtins) };
    for p in [(*f).f_back, (*f).code, (*f).func, g, b, (*f).locals, (*f).f_trace, (*f).locals_snapshot] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    if (*f).state != FRAME_EXECUTING {
        let cd = code::data(PyObj::borrow(&(*f).code));
        let lp = localsplus(f);
        for i in 0..cd.nlocalsplus + (*f).stacktop.max(0) as usize {
            let p = *lp.add(i);
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

unsafe extern "C" fn frame_clear_slot(o: *mut PyObject) -> c_int {
    let f = o as *mut PyFrameObject;
    if (*f).state != FRAME_EXECUTING {
        clear_locals(f);
    }
    0
}

/// `f_locals`: the locals mapping, or for function frames a dict snapshot
/// of the fast locals and cells.
pub fn locals_dict(f: *mut PyFrameObject) -> PyObj {
    unsafe {
        if !(*f).locals.is_null() {
            return PyObj::from_borrowed((*f).locals);
        }
        if (*f).locals_snapshot.is_null() {
            (*f).locals_snapshot = dict::new().into_ptr();
        }
        let d = PyObj::from_borrowed((*f).locals_snapshot);
        let cd = code::data(PyObj::borrow(&(*f).code));
        let lp = localsplus(f);
        let nvar = cd.varnames.len();
        for i in 0..cd.nlocalsplus {
            let name = &cd.localsplus_names[i];
            let p = *lp.add(i);
            let mut val = if p.is_null() { None } else { Some(PyObj::from_borrowed(p)) };
            let is_cell_slot = i >= nvar || cd.cellvars.iter().any(|c| c.is(name));
            if is_cell_slot {
                if let Some(c) = &val {
                    if crate::objects::cell::is_cell(c) {
                        val = crate::objects::cell::get(c);
                    }
                }
            }
            match val {
                Some(v) => {
                    let _ = dict::set_item(&d, name.clone(), v);
                }
                None => {
                    let _ = dict::pop_item(&d, name);
                }
            }
        }
        d
    }
}

macro_rules! frame_getter {
    ($name:ident, |$f:ident| $body:expr) => {
        unsafe extern "C" fn $name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
            let $f = o as *mut PyFrameObject;
            let r: PyObj = $body;
            r.into_ptr()
        }
    };
}

frame_getter!(get_back, |f| if (*f).f_back.is_null() { none::none() } else { PyObj::from_borrowed((*f).f_back) });
frame_getter!(get_code, |f| PyObj::from_borrowed((*f).code));
frame_getter!(get_globals, |f| PyObj::from_borrowed((*f).globals));
frame_getter!(get_builtins, |f| PyObj::from_borrowed((*f).builtins));
frame_getter!(get_locals, |f| locals_dict(f));
frame_getter!(get_lineno, |f| crate::objects::long::from_i64(lineno(f) as i64));
frame_getter!(get_lasti, |f| {
    // A generator's frame that has not started reports 0, as in CPython 3.11
    // (whose frame has executed RETURN_GENERATOR at offset 0).
    let cd = code::data(PyObj::borrow(&(*f).code));
    crate::objects::long::from_usize(crate::objects::code_attrs::byte_offset(cd, (*f).lasti.max(0) as usize))
});
frame_getter!(get_trace, |f| if (*f).f_trace.is_null() { none::none() } else { PyObj::from_borrowed((*f).f_trace) });

unsafe extern "C" fn frame_repr(o: *mut PyObject) -> *mut PyObject {
    let f = o as *mut PyFrameObject;
    let cd = code::data(PyObj::borrow(&(*f).code));
    crate::objects::unicode::new(&format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o as usize,
        crate::objects::unicode::to_string_lossy(&cd.filename),
        lineno(f),
        crate::objects::unicode::to_string_lossy(&cd.name)
    ))
    .into_ptr()
}

pub unsafe fn init_type() {
    let t = frame_type();
    (*t).tp_dealloc = Some(frame_dealloc);
    (*t).tp_traverse = Some(frame_traverse);
    (*t).tp_clear = Some(frame_clear_slot);
    (*t).tp_repr = Some(frame_repr);
    (*t).tp_flags |= flags::HAVE_GC;
    crate::objects::descr::set_getsets(t, &[
        ("f_back", get_back as *const c_void, std::ptr::null()),
        ("f_code", get_code as *const c_void, std::ptr::null()),
        ("f_globals", get_globals as *const c_void, std::ptr::null()),
        ("f_builtins", get_builtins as *const c_void, std::ptr::null()),
        ("f_locals", get_locals as *const c_void, std::ptr::null()),
        ("f_lineno", get_lineno as *const c_void, std::ptr::null()),
        ("f_lasti", get_lasti as *const c_void, std::ptr::null()),
        ("f_trace", get_trace as *const c_void, std::ptr::null()),
    ]);
}
