//! `_thread`, for a runtime that runs one thread: locks and re-entrant
//! locks with single-thread semantics (a blocking acquire that could only
//! end when another thread releases the lock raises RuntimeError instead of
//! hanging), thread identity, `_local` (a plain namespace object, as there
//! is one thread), `stack_size`, `_excepthook`. `start_new_thread` raises
//! RuntimeError until threads are supported.

use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::{boolobject, dict, exceptions, float, long, module, none, tuple, unicode};
use vm::objref::{xdecref, PyObj};
use vm::typeobj::{type_name, type_obj};

/// Largest timeout in microseconds (`PY_TIMEOUT_MAX` on Linux).
const PY_TIMEOUT_MAX_US: i64 = i64::MAX / 1000;
/// The "no timeout" value of `acquire(timeout=-1)`, in nanoseconds.
const UNSET: i64 = -1_000_000_000;

fn ident() -> u64 {
    unsafe { libc::pthread_self() as u64 }
}

// ---------------------------------------------------------------- acquire arguments

/// Seconds (int or float) to nanoseconds, rounding up as `_PyTime_ROUND_TIMEOUT`.
fn timeout_ns(o: &PyObj) -> PyResult<i64> {
    let range = || err::overflow_error("timestamp out of range for platform time_t");
    if float::is_float(o) {
        let x = float::value(o);
        if x.is_nan() {
            return Err(err::value_error("Invalid value NaN (not a number)"));
        }
        let ns = (x * 1e9).ceil();
        if !(ns >= i64::MIN as f64 && ns < i64::MAX as f64) {
            return Err(range());
        }
        return Ok(ns as i64);
    }
    let i = ab::index(o)?;
    let s = long::as_i64(&i).ok_or_else(range)?;
    s.checked_mul(1_000_000_000).ok_or_else(range)
}

/// Parses `acquire(blocking=True, timeout=-1)`; returns the wait in
/// nanoseconds: 0 for a non-blocking call, UNSET for "forever".
fn acquire_args(args: &[PyObj], kwnames: Option<&PyObj>) -> PyResult<i64> {
    let nk = kwnames.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    if args.len() > 2 {
        return Err(err::type_error(format!(
            "acquire() takes at most 2 {}arguments ({} given)",
            if np == 0 { "keyword " } else { "" },
            args.len()
        )));
    }
    let mut slots: [Option<PyObj>; 2] = [None, None];
    for i in 0..np {
        slots[i] = Some(args[i].clone());
    }
    if let Some(k) = kwnames {
        for (j, name) in tuple::items(k).iter().enumerate() {
            let n = unicode::to_string_lossy(name);
            let i = match n.as_str() {
                "blocking" => 0,
                "timeout" => 1,
                _ => return Err(err::type_error(format!("'{}' is an invalid keyword argument for acquire()", n))),
            };
            if slots[i].is_some() {
                return Err(err::type_error(format!(
                    "argument for acquire() given by name ('{}') and position ({})",
                    n,
                    i + 1
                )));
            }
            slots[i] = Some(args[np + j].clone());
        }
    }
    let blocking = match &slots[0] {
        Some(b) => ab::is_true(b)?,
        None => true,
    };
    let timeout = match &slots[1] {
        Some(t) => timeout_ns(t)?,
        None => UNSET,
    };
    if !blocking && timeout != UNSET {
        return Err(err::value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0 && timeout != UNSET {
        return Err(err::value_error("timeout value must be positive"));
    }
    if !blocking {
        return Ok(0);
    }
    if timeout != UNSET && timeout / 1000 > PY_TIMEOUT_MAX_US {
        return Err(err::overflow_error("timeout value is too large"));
    }
    Ok(timeout)
}

/// Waiting for a lock only this (the only) thread could release: a timed
/// wait times out, an unbounded one would never end.
fn wait_held(timeout: i64) -> PyResult<bool> {
    if timeout == UNSET {
        return Err(err::runtime_error(
            "deadlock: blocking acquire of a lock that is already held, \
             and Pyrite runs a single thread, so nothing could release it",
        ));
    }
    if timeout > 0 {
        std::thread::sleep(std::time::Duration::from_nanos(timeout as u64));
    }
    Ok(false)
}

// ---------------------------------------------------------------- lock

#[repr(C)]
pub struct LockObject {
    pub ob_base: PyObject,
    pub locked: c_int,
    pub weakreflist: *mut PyObject,
}

pub static mut LOCK_TYPE: PyTypeObject =
    PyTypeObject::empty(b"_thread.lock\0", std::mem::size_of::<LockObject>(), 0);

unsafe fn lk<'a>(o: &PyObj) -> &'a mut LockObject {
    &mut *(o.as_ptr() as *mut LockObject)
}

fn new_lock() -> PyResult {
    unsafe {
        let o = vm::typeobj::alloc_instance(&raw mut LOCK_TYPE);
        if o.is_null() {
            return Err(err::fetch());
        }
        Ok(PyObj::from_owned(o))
    }
}

vm::fastcall_kw!(lock_acquire, |slf, args, kw| {
    let timeout = acquire_args(args, kw)?;
    let l = lk(slf);
    if l.locked == 0 {
        l.locked = 1;
        return Ok(boolobject::new(true));
    }
    wait_held(timeout).map(boolobject::new)
});
vm::onearg!(lock_release, |slf, _a| {
    let l = lk(slf);
    if l.locked == 0 {
        return Err(err::runtime_error("release unlocked lock"));
    }
    l.locked = 0;
    Ok(none::none())
});
vm::fastcall!(lock_exit, |slf, args| { err::from_ptr(lock_release(slf.as_ptr(), std::ptr::null_mut())) });
vm::onearg!(lock_locked, |slf, _a| { Ok(boolobject::new(lk(slf).locked != 0)) });
vm::onearg!(lock_at_fork_reinit, |slf, _a| {
    lk(slf).locked = 0;
    Ok(none::none())
});

unsafe extern "C" fn lock_repr(o: *mut PyObject) -> *mut PyObject {
    let l = o as *mut LockObject;
    let state = if (*l).locked != 0 { "locked" } else { "unlocked" };
    unicode::new(&format!("<{} {} object at {:p}>", state, "_thread.lock", o)).into_ptr()
}

/// Locks hold no references; they are GC objects only because CPython's are.
unsafe extern "C" fn no_traverse(_o: *mut PyObject, _v: visitproc, _a: *mut c_void) -> c_int {
    0
}

unsafe extern "C" fn lock_dealloc(o: *mut PyObject) {
    vm::gc::untrack(o);
    if !(*(o as *mut LockObject)).weakreflist.is_null() {
        vm::objects::weakref::clear_weakrefs(o);
    }
    vm::alloc::tp_free(o);
}

// ---------------------------------------------------------------- RLock

#[repr(C)]
pub struct RLockObject {
    pub ob_base: PyObject,
    pub owner: u64,
    pub count: u64,
    pub weakreflist: *mut PyObject,
}

pub static mut RLOCK_TYPE: PyTypeObject =
    PyTypeObject::empty(b"_thread.RLock\0", std::mem::size_of::<RLockObject>(), 0);

unsafe fn rl<'a>(o: &PyObj) -> &'a mut RLockObject {
    &mut *(o.as_ptr() as *mut RLockObject)
}

unsafe extern "C" fn rlock_new(tp: *mut PyTypeObject, _a: *mut PyObject, _k: *mut PyObject) -> *mut PyObject {
    vm::typeobj::alloc_instance(tp)
}

vm::fastcall_kw!(rlock_acquire, |slf, args, kw| {
    let timeout = acquire_args(args, kw)?;
    let r = rl(slf);
    let me = ident();
    if r.count > 0 && r.owner == me {
        if r.count == u64::MAX {
            return Err(err::overflow_error("Internal lock count overflowed"));
        }
        r.count += 1;
        return Ok(boolobject::new(true));
    }
    if r.count == 0 {
        r.owner = me;
        r.count = 1;
        return Ok(boolobject::new(true));
    }
    wait_held(timeout).map(boolobject::new)
});
vm::onearg!(rlock_release, |slf, _a| {
    let r = rl(slf);
    if r.count == 0 || r.owner != ident() {
        return Err(err::runtime_error("cannot release un-acquired lock"));
    }
    r.count -= 1;
    if r.count == 0 {
        r.owner = 0;
    }
    Ok(none::none())
});
vm::fastcall!(rlock_exit, |slf, args| { err::from_ptr(rlock_release(slf.as_ptr(), std::ptr::null_mut())) });
vm::onearg!(rlock_is_owned, |slf, _a| {
    let r = rl(slf);
    Ok(boolobject::new(r.count > 0 && r.owner == ident()))
});
vm::onearg!(rlock_recursion_count, |slf, _a| {
    let r = rl(slf);
    Ok(long::from_u64(if r.owner == ident() { r.count } else { 0 }))
});
vm::onearg!(rlock_release_save, |slf, _a| {
    let r = rl(slf);
    if r.count == 0 {
        return Err(err::runtime_error("cannot release un-acquired lock"));
    }
    let state = tuple::pair(long::from_u64(r.count), long::from_u64(r.owner));
    r.count = 0;
    r.owner = 0;
    Ok(state)
});
vm::onearg!(rlock_acquire_restore, |slf, st| {
    let st = st.unwrap();
    if !tuple::is_tuple(st) {
        return Err(err::type_error(format!(
            "_acquire_restore() argument 1 must be 2-item sequence, not {}",
            type_name(st.ob_type())
        )));
    }
    if tuple::len(st) != 2 {
        return Err(err::type_error(format!(
            "_acquire_restore() argument 1 must be sequence of length 2, not {}",
            tuple::len(st)
        )));
    }
    let item = |o: &PyObj| -> PyResult<u64> {
        let i = ab::index(o)?;
        Ok(num_traits::ToPrimitive::to_u64(&long::to_bigint(&i)).unwrap_or(0))
    };
    let (count, owner) = (item(&tuple::items(st)[0])?, item(&tuple::items(st)[1])?);
    let r = rl(slf);
    if r.count > 0 && r.owner != ident() {
        wait_held(UNSET)?;
    }
    r.count = count;
    r.owner = owner;
    Ok(none::none())
});
vm::onearg!(rlock_at_fork_reinit, |slf, _a| {
    let r = rl(slf);
    r.count = 0;
    r.owner = 0;
    Ok(none::none())
});

unsafe extern "C" fn rlock_repr(o: *mut PyObject) -> *mut PyObject {
    let r = o as *mut RLockObject;
    let state = if (*r).count > 0 { "locked" } else { "unlocked" };
    let name = std::ffi::CStr::from_ptr((*(*o).ob_type).tp_name).to_string_lossy().into_owned();
    unicode::new(&format!("<{} {} object owner={} count={} at {:p}>", state, name, (*r).owner, (*r).count, o))
        .into_ptr()
}

unsafe extern "C" fn rlock_dealloc(o: *mut PyObject) {
    vm::gc::untrack(o);
    if !(*(o as *mut RLockObject)).weakreflist.is_null() {
        vm::objects::weakref::clear_weakrefs(o);
    }
    vm::alloc::tp_free(o);
}

// ---------------------------------------------------------------- _local

/// With one thread, a thread-local object is an object with a `__dict__`.
#[repr(C)]
pub struct LocalObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub weakreflist: *mut PyObject,
}

pub static mut LOCAL_TYPE: PyTypeObject =
    PyTypeObject::empty(b"_thread._local\0", std::mem::size_of::<LocalObject>(), 0);

unsafe extern "C" fn local_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let has_args = tuple::len(PyObj::borrow(&args)) > 0 || (!kw.is_null() && dict::len(PyObj::borrow(&kw)) > 0);
    let init_of = |t: *mut PyTypeObject| (*t).tp_init.map(|f| f as usize);
    if has_args && init_of(tp) == init_of(vm::typeobj::object_type()) {
        err::restore(err::type_error("Initialization arguments are not supported"));
        return std::ptr::null_mut();
    }
    let o = vm::typeobj::alloc_instance(tp);
    if !o.is_null() {
        (*(o as *mut LocalObject)).dict = dict::new().into_ptr();
    }
    o
}

unsafe extern "C" fn local_dealloc(o: *mut PyObject) {
    vm::gc::untrack(o);
    let l = o as *mut LocalObject;
    if !(*l).weakreflist.is_null() {
        vm::objects::weakref::clear_weakrefs(o);
    }
    xdecref(std::mem::replace(&mut (*l).dict, std::ptr::null_mut()));
    vm::alloc::tp_free(o);
}

unsafe extern "C" fn local_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let d = (*(o as *mut LocalObject)).dict;
    if d.is_null() {
        0
    } else {
        visit(d, arg)
    }
}

unsafe extern "C" fn local_clear(o: *mut PyObject) -> c_int {
    let l = o as *mut LocalObject;
    xdecref(std::mem::replace(&mut (*l).dict, std::ptr::null_mut()));
    0
}

// ---------------------------------------------------------------- module functions

vm::fastcall!(m_allocate_lock, |slf, args| {
    if !args.is_empty() {
        return Err(err::type_error(format!(
            "_thread.allocate_lock() takes no arguments ({} given)",
            args.len()
        )));
    }
    new_lock()
});
vm::onearg!(m_set_sentinel, |slf, _a| { new_lock() });
vm::onearg!(m_get_ident, |slf, _a| { Ok(long::from_u64(ident())) });
vm::onearg!(m_get_native_id, |slf, _a| { Ok(long::from_i64(native_id())) });

#[cfg(target_os = "linux")]
fn native_id() -> i64 {
    unsafe { libc::syscall(libc::SYS_gettid) as i64 }
}

#[cfg(not(target_os = "linux"))]
fn native_id() -> i64 {
    ident() as i64
}
vm::onearg!(m_count, |slf, _a| { Ok(long::from_i64(0)) });
vm::onearg!(m_daemon_threads_allowed, |slf, _a| { Ok(boolobject::new(true)) });

static mut STACK_SIZE: isize = 0;

vm::fastcall!(m_stack_size, |slf, args| {
    if args.len() > 1 {
        return Err(err::type_error(format!("stack_size() takes at most 1 argument ({} given)", args.len())));
    }
    let new = match args.first() {
        Some(a) => ab::index_to_ssize(a, Some(exceptions::PyExc_OverflowError))?,
        None => 0,
    };
    if new < 0 {
        return Err(err::value_error("size must be 0 or a positive value"));
    }
    if new != 0 && new < 32768 {
        return Err(err::value_error(format!("size not valid: {} bytes", new)));
    }
    let old = STACK_SIZE;
    STACK_SIZE = new;
    Ok(long::from_i64(old as i64))
});

vm::fastcall_kw!(m_start_new_thread, |slf, args, kw| {
    vm::objects::methodobject::no_kwargs("start_new_thread", kw)?;
    vm::objects::methodobject::check_nargs("start_new_thread", args, 2, 3)?;
    if !vm::bltinmodule::is_callable(&args[0]) {
        return Err(err::type_error("first arg must be callable"));
    }
    if !tuple::is_tuple(&args[1]) {
        return Err(err::type_error("2nd arg must be a tuple"));
    }
    if let Some(k) = args.get(2) {
        if !dict::is_dict(k) {
            return Err(err::type_error("optional 3rd arg must be a dictionary"));
        }
    }
    Err(err::runtime_error("can't start new thread: threads are not supported yet"))
});

vm::fastcall!(m_exit, |slf, args| { Err(err::with_args(exceptions::PyExc_SystemExit, &[])) });

vm::fastcall!(m_interrupt_main, |slf, args| {
    vm::objects::methodobject::check_nargs("interrupt_main", args, 0, 1)?;
    let signum = match args.first() {
        Some(a) => ab::index_to_ssize(a, Some(exceptions::PyExc_OverflowError))?,
        None => 2,
    };
    if !(1..65).contains(&signum) {
        return Err(err::value_error("signal number out of range"));
    }
    // Only SIGINT has a Python-level handler here (KeyboardInterrupt).
    if signum == 2 {
        vm::signals::PENDING.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    Ok(none::none())
});

const HOOK_FIELDS: [&str; 4] = ["exc_type", "exc_value", "exc_traceback", "thread"];

fn hook_args_type() -> PyResult<*mut PyTypeObject> {
    vm::objects::structseq::get_type("_thread._ExceptHookArgs", &HOOK_FIELDS)
}

vm::onearg!(m_excepthook, |slf, a| {
    let a = a.unwrap();
    if a.ob_type() != hook_args_type()? {
        return Err(err::type_error("_thread.excepthook argument type must be ExceptHookArgs"));
    }
    let items = tuple::items(a);
    if items.len() != 4 {
        return Err(err::type_error("ExceptHookArgs must be a tuple of 4 items"));
    }
    let (exc_type, exc_value, thread) = (&items[0], &items[1], &items[3]);
    if exc_type.is_ptr(exceptions::PyExc_SystemExit as *mut PyObject) {
        return Ok(none::none());
    }
    let mut file = vm::sysmodule::get_opt("stderr").unwrap_or_else(none::none);
    if none::is_none(&file) {
        if none::is_none(thread) {
            return Ok(none::none());
        }
        file = ab::getattr_str(thread, "_stderr")?;
        if none::is_none(&file) {
            return Ok(none::none());
        }
    }
    let name = if none::is_none(thread) { None } else { ab::getattr_str_opt(thread, "name")? };
    let who = match name.filter(|n| !none::is_none(n)) {
        Some(n) => ab::str_string(&n)?,
        None => ident().to_string(),
    };
    let mut text = format!("Exception in thread {}:\n", who);
    if exceptions::is_exception_instance(exc_value) {
        text.push_str(&vm::interp::traceback_print::format_exception(exc_value));
    } else {
        text.push_str(&format!("{}\n", ab::str_string(exc_type)?));
    }
    ab::call_method(&file, "write", &[unicode::new(&text)])?;
    if let Some(flush) = ab::getattr_str_opt(&file, "flush")? {
        ab::call0(&flush)?;
    }
    Ok(none::none())
});

static mut READY: bool = false;

unsafe fn init_types() -> PyResult<()> {
    if READY {
        return Ok(());
    }
    use vm::objects::descr::set_methods;
    let t = &raw mut LOCK_TYPE;
    (*t).tp_flags |= flags::DISALLOW_INSTANTIATION | flags::HAVE_GC;
    (*t).tp_traverse = Some(no_traverse);
    (*t).tp_dealloc = Some(lock_dealloc);
    (*t).tp_repr = Some(lock_repr);
    (*t).tp_weaklistoffset = std::mem::offset_of!(LockObject, weakreflist) as isize;
    set_methods(t, &[
        ("acquire_lock", lock_acquire as *const c_void, meth::FASTCALL | meth::KEYWORDS, ""),
        ("acquire", lock_acquire as *const c_void, meth::FASTCALL | meth::KEYWORDS, "Lock the lock."),
        ("release_lock", lock_release as *const c_void, meth::NOARGS, ""),
        ("release", lock_release as *const c_void, meth::NOARGS, "Release the lock."),
        ("locked_lock", lock_locked as *const c_void, meth::NOARGS, ""),
        ("locked", lock_locked as *const c_void, meth::NOARGS, "Test whether the lock is currently locked."),
        ("__enter__", lock_acquire as *const c_void, meth::FASTCALL | meth::KEYWORDS, "Lock the lock."),
        ("__exit__", lock_exit as *const c_void, meth::FASTCALL, "Release the lock."),
        ("_at_fork_reinit", lock_at_fork_reinit as *const c_void, meth::NOARGS, ""),
    ]);
    vm::typeobj::ready(t)?;

    let t = &raw mut RLOCK_TYPE;
    (*t).tp_flags |= flags::BASETYPE | flags::HAVE_GC;
    (*t).tp_traverse = Some(no_traverse);
    (*t).tp_new = Some(rlock_new);
    (*t).tp_dealloc = Some(rlock_dealloc);
    (*t).tp_repr = Some(rlock_repr);
    (*t).tp_weaklistoffset = std::mem::offset_of!(RLockObject, weakreflist) as isize;
    set_methods(t, &[
        ("acquire", rlock_acquire as *const c_void, meth::FASTCALL | meth::KEYWORDS, "Lock the lock."),
        ("release", rlock_release as *const c_void, meth::NOARGS, "Release the lock."),
        ("_is_owned", rlock_is_owned as *const c_void, meth::NOARGS, ""),
        ("_recursion_count", rlock_recursion_count as *const c_void, meth::NOARGS, ""),
        ("_acquire_restore", rlock_acquire_restore as *const c_void, meth::O, ""),
        ("_release_save", rlock_release_save as *const c_void, meth::NOARGS, ""),
        ("_at_fork_reinit", rlock_at_fork_reinit as *const c_void, meth::NOARGS, ""),
        ("__enter__", rlock_acquire as *const c_void, meth::FASTCALL | meth::KEYWORDS, "Lock the lock."),
        ("__exit__", rlock_exit as *const c_void, meth::FASTCALL, "Release the lock."),
    ]);
    vm::typeobj::ready(t)?;

    let t = &raw mut LOCAL_TYPE;
    (*t).tp_flags |= flags::BASETYPE | flags::HAVE_GC;
    (*t).tp_new = Some(local_new);
    (*t).tp_dealloc = Some(local_dealloc);
    (*t).tp_traverse = Some(local_traverse);
    (*t).tp_clear = Some(local_clear);
    (*t).tp_dictoffset = std::mem::offset_of!(LocalObject, dict) as isize;
    (*t).tp_weaklistoffset = std::mem::offset_of!(LocalObject, weakreflist) as isize;
    vm::typeobj::ready(t)?;
    hook_args_type()?;
    READY = true;
    Ok(())
}

pub fn init() -> PyResult<PyObj> {
    unsafe { init_types()? };
    let m = module::new("_thread");
    vm::sysmodule::add_functions(&m, &[
        ("allocate_lock", m_allocate_lock as *const c_void, meth::FASTCALL),
        ("allocate", m_allocate_lock as *const c_void, meth::FASTCALL),
        ("_set_sentinel", m_set_sentinel as *const c_void, meth::NOARGS),
        ("get_ident", m_get_ident as *const c_void, meth::NOARGS),
        ("get_native_id", m_get_native_id as *const c_void, meth::NOARGS),
        ("_count", m_count as *const c_void, meth::NOARGS),
        ("daemon_threads_allowed", m_daemon_threads_allowed as *const c_void, meth::NOARGS),
        ("stack_size", m_stack_size as *const c_void, meth::FASTCALL),
        ("start_new_thread", m_start_new_thread as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("start_new", m_start_new_thread as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("exit", m_exit as *const c_void, meth::FASTCALL),
        ("exit_thread", m_exit as *const c_void, meth::FASTCALL),
        ("interrupt_main", m_interrupt_main as *const c_void, meth::FASTCALL),
        ("_excepthook", m_excepthook as *const c_void, meth::O),
    ]);
    unsafe {
        ab::setattr_str(&m, "LockType", type_obj(&raw mut LOCK_TYPE))?;
        ab::setattr_str(&m, "RLock", type_obj(&raw mut RLOCK_TYPE))?;
        ab::setattr_str(&m, "_local", type_obj(&raw mut LOCAL_TYPE))?;
        ab::setattr_str(&m, "_ExceptHookArgs", type_obj(hook_args_type()?))?;
        ab::setattr_str(&m, "error", type_obj(exceptions::PyExc_RuntimeError))?;
    }
    ab::setattr_str(&m, "TIMEOUT_MAX", float::new(((PY_TIMEOUT_MAX_US as f64) * 1e-6).floor()))?;
    ab::setattr_str(&m, "__doc__", unicode::new("This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface."))?;
    Ok(m)
}
