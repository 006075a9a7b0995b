//! Generators, coroutines and async generators: objects that own a
//! suspended frame and resume it on `send`/`throw`/`close`, plus the
//! awaitable helpers the VM uses for `await`, `yield from`, `async for`.

use crate::bytecode::{co_flags, Opcode};
use crate::err::{self, PyErr, PyResult};
use crate::object::*;
use crate::objects::exceptions as exc;
use crate::objects::frame::{self, PyFrameObject, FRAME_COMPLETED, FRAME_CREATED, FRAME_EXECUTING, FRAME_SUSPENDED};
use crate::objects::{code, none, unicode};
use crate::objref::{xdecref, PyObj};
use crate::typeobj::type_name;
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct PyGenObject {
    pub ob_base: PyObject,
    pub frame: *mut PyObject,
    pub name: *mut PyObject,
    pub qualname: *mut PyObject,
    pub weakreflist: *mut PyObject,
    /// The generator's own handled exception while suspended.
    pub exc_state: *mut PyObject,
    pub running: c_int,
    /// For coroutines: the awaiting-wrapper/origin marker.
    pub awaited: c_int,
    pub hooks_inited: c_int,
    pub closed: c_int,
    /// Async generators: the asyncgen finalizer hook in force at first use.
    pub finalizer: *mut PyObject,
}

macro_rules! gen_type {
    ($s:ident, $n:literal) => {
        #[no_mangle]
        pub static mut $s: PyTypeObject =
            PyTypeObject::empty(concat!($n, "\0").as_bytes(), std::mem::size_of::<PyGenObject>(), 0);
    };
}

gen_type!(PyGen_Type, "generator");
gen_type!(PyCoro_Type, "coroutine");
gen_type!(PyAsyncGen_Type, "async_generator");

/// Wrapper marking a value yielded by an async generator (vs. an await).
#[repr(C)]
pub struct AsyncGenWrapped {
    pub ob_base: PyObject,
    pub value: *mut PyObject,
}

#[no_mangle]
pub static mut _PyAsyncGenWrappedValue_Type: PyTypeObject =
    PyTypeObject::empty(b"async_generator_wrapped_value\0", std::mem::size_of::<AsyncGenWrapped>(), 0);

/// `coroutine.__await__()` iterator.
#[repr(C)]
pub struct CoroWrapper {
    pub ob_base: PyObject,
    pub coro: *mut PyObject,
}

#[no_mangle]
pub static mut _PyCoroWrapper_Type: PyTypeObject =
    PyTypeObject::empty(b"coroutine_wrapper\0", std::mem::size_of::<CoroWrapper>(), 0);

/// Awaitables returned by `agen.asend()`/`athrow()`/`aclose()`/`__anext__()`.
#[repr(C)]
pub struct AsyncGenAwaitable {
    pub ob_base: PyObject,
    pub gen: *mut PyObject,
    pub value: *mut PyObject,
    /// 0: asend, 1: athrow, 2: aclose
    pub kind: c_int,
    /// 0 initial, 1 iterating, 2 closed
    pub state: c_int,
    pub exc_type: *mut PyObject,
    pub exc_val: *mut PyObject,
    pub exc_tb: *mut PyObject,
}

#[no_mangle]
pub static mut _PyAsyncGenASend_Type: PyTypeObject =
    PyTypeObject::empty(b"async_generator_asend\0", std::mem::size_of::<AsyncGenAwaitable>(), 0);
#[no_mangle]
pub static mut _PyAsyncGenAThrow_Type: PyTypeObject =
    PyTypeObject::empty(b"async_generator_athrow\0", std::mem::size_of::<AsyncGenAwaitable>(), 0);

pub fn is_generator(o: &PyObj) -> bool {
    o.ob_type() == unsafe { &raw mut PyGen_Type }
}

pub fn is_coroutine(o: &PyObj) -> bool {
    o.ob_type() == unsafe { &raw mut PyCoro_Type }
}

pub fn is_async_gen(o: &PyObj) -> bool {
    o.ob_type() == unsafe { &raw mut PyAsyncGen_Type }
}

fn is_gen_like(o: &PyObj) -> bool {
    is_generator(o) || is_coroutine(o) || is_async_gen(o)
}

#[inline]
unsafe fn g(o: &PyObj) -> *mut PyGenObject {
    o.as_ptr() as *mut PyGenObject
}

unsafe fn gen_frame(o: &PyObj) -> *mut PyFrameObject {
    (*g(o)).frame as *mut PyFrameObject
}

/// Wraps a frame whose code is a generator/coroutine/async generator.
pub fn new_for_frame(fr: PyObj, func: &PyObj, flags: u32) -> PyObj {
    unsafe {
        let tp = if flags & co_flags::COROUTINE != 0 {
            &raw mut PyCoro_Type
        } else if flags & co_flags::ASYNC_GENERATOR != 0 {
            &raw mut PyAsyncGen_Type
        } else {
            &raw mut PyGen_Type
        };
        let o = crate::alloc::alloc_object(tp, 0) as *mut PyGenObject;
        let fo = crate::objects::function::raw(func);
        (*o).name = PyObj::from_borrowed((*fo).func_name).into_ptr();
        (*o).qualname = PyObj::from_borrowed((*fo).func_qualname).into_ptr();
        let fp = fr.as_ptr() as *mut PyFrameObject;
        frame::ensure_tracked(fp);
        (*fp).gen = o as *mut PyObject;
        (*o).frame = fr.into_ptr();
        PyObj::from_owned(o as *mut PyObject)
    }
}

pub enum SendResult {
    Yield(PyObj),
    Return(PyObj),
}

fn kind_name(o: &PyObj) -> &'static str {
    if is_coroutine(o) {
        "coroutine"
    } else if is_async_gen(o) {
        "async generator"
    } else {
        "generator"
    }
}

/// Resumes the generator with `value` (or raises `throw` inside it).
pub fn gen_send_ex(gen: &PyObj, value: PyObj, throw: Option<PyErr>, closing: bool) -> PyResult<SendResult> {
    unsafe {
        let go = g(gen);
        let f = gen_frame(gen);
        if (*go).running != 0 {
            return Err(err::value_error(format!("{} already executing", kind_name(gen))));
        }
        if f.is_null() || (*f).state == FRAME_COMPLETED {
            if is_coroutine(gen) && !closing {
                return Err(err::runtime_error("cannot reuse already awaited coroutine"));
            }
            if let Some(e) = throw {
                return Err(e);
            }
            if is_async_gen(gen) {
                return Err(PyErr(err::with_args(exc::PyExc_StopAsyncIteration, &[]).0));
            }
            return Err(exc::stop_iteration(none::none()));
        }
        if (*f).state == FRAME_CREATED && throw.is_none() && !none::is_none(&value) {
            return Err(err::type_error(format!(
                "can't send non-None value to a just-started {}",
                kind_name(gen)
            )));
        }
        if (*f).state == FRAME_SUSPENDED && throw.is_none() {
            let cd = code::data(PyObj::borrow(&(*f).code));
            let lp = frame::localsplus(f);
            let slot = lp.add(cd.nlocalsplus + (*f).stacktop as usize);
            *slot = value.into_ptr();
            (*f).stacktop += 1;
        }
        // Swap in the generator's own handled-exception slot.
        let ts = crate::interp::tstate();
        let saved = std::mem::replace(&mut (*go).exc_state, std::ptr::null_mut());
        ts.exc_stack.push(if saved.is_null() { None } else { Some(PyObj::from_owned(saved)) });
        (*go).running = 1;
        let fobj = PyObj::from_borrowed(f as *mut PyObject);
        let r = crate::interp::eval::eval_frame(f, throw);
        (*go).running = 0;
        let mine = crate::interp::tstate().exc_stack.pop().flatten();
        let suspended = (*f).state == FRAME_SUSPENDED;
        if suspended {
            (*go).exc_state = mine.map(|m| m.into_ptr()).unwrap_or(std::ptr::null_mut());
        }
        drop(fobj);
        match r {
            Ok(v) if suspended => Ok(SendResult::Yield(v)),
            Ok(v) => {
                frame::clear_locals(f);
                Ok(SendResult::Return(v))
            }
            Err(e) => {
                frame::clear_locals(f);
                Err(escaping_error(gen, e))
            }
        }
    }
}

/// An exception leaving a generator's frame, as the caller sees it: PEP 479
/// turns StopIteration (StopAsyncIteration in an async generator) into
/// RuntimeError.
pub fn escaping_error(gen: &PyObj, e: PyErr) -> PyErr {
    unsafe {
        if e.matches(exc::PyExc_StopIteration) {
            let msg = if is_async_gen(gen) {
                "async generator raised StopIteration"
            } else if is_coroutine(gen) {
                "coroutine raised StopIteration"
            } else {
                "generator raised StopIteration"
            };
            return chained_runtime_error(msg, e);
        }
        if is_async_gen(gen) && e.matches(exc::PyExc_StopAsyncIteration) {
            return chained_runtime_error("async generator raised StopAsyncIteration", e);
        }
        e
    }
}

fn chained_runtime_error(msg: &str, cause: PyErr) -> PyErr {
    let ne = err::runtime_error(msg);
    exc::set_cause(ne.value(), Some(cause.value().clone()));
    exc::set_context(ne.value(), Some(cause.value().clone()));
    exc::set_suppress_context(ne.value(), true);
    ne
}

// Resuming a plain generator inside the caller's dispatch loop (FOR_ITER):
// the loop links and runs the frame itself; these do the generator's side
// of what gen_send_ex does around eval_frame.

/// Whether `next(o)` can run `o`'s frame in the caller's loop: `o` is a
/// generator (not a coroutine or async generator) that is neither running
/// nor finished.
#[inline]
pub unsafe fn can_resume_inline(o: *mut PyObject) -> bool {
    if (*o).ob_type != &raw mut PyGen_Type {
        return false;
    }
    let go = o as *mut PyGenObject;
    let f = (*go).frame as *mut PyFrameObject;
    (*go).running == 0 && !f.is_null() && ((*f).state == FRAME_SUSPENDED || (*f).state == FRAME_CREATED)
}

/// Prepares the frame of a generator that passed `can_resume_inline` to run
/// as if sent None, and returns it with a new reference for the loop.
pub unsafe fn begin_inline_resume(o: *mut PyObject) -> *mut PyFrameObject {
    let go = o as *mut PyGenObject;
    let f = (*go).frame as *mut PyFrameObject;
    if (*f).state == FRAME_SUSPENDED {
        let cd = code::data(PyObj::borrow(&(*f).code));
        *frame::localsplus(f).add(cd.nlocalsplus + (*f).stacktop as usize) = none::none().into_ptr();
        (*f).stacktop += 1;
    }
    let saved = std::mem::replace(&mut (*go).exc_state, std::ptr::null_mut());
    crate::interp::tstate().exc_stack.push(if saved.is_null() { None } else { Some(PyObj::from_owned(saved)) });
    (*go).running = 1;
    crate::objref::incref(f as *mut PyObject);
    f
}

/// Undoes `begin_inline_resume` when the frame yielded (`suspended`) or
/// finished; the frame's own state is already set by the loop.
pub unsafe fn end_inline_resume(f: *mut PyFrameObject, suspended: bool) {
    let go = (*f).gen as *mut PyGenObject;
    let mine = crate::interp::tstate().exc_stack.pop().flatten();
    if go.is_null() {
        return;
    }
    (*go).running = 0;
    if suspended {
        (*go).exc_state = mine.map(|m| m.into_ptr()).unwrap_or(std::ptr::null_mut());
    } else {
        frame::clear_locals(f);
    }
}


/// The object a suspended generator is delegating to (`yield from`/`await`).
pub fn yielding_from(gen: &PyObj) -> Option<PyObj> {
    unsafe {
        let f = gen_frame(gen);
        if f.is_null() || (*f).state != FRAME_SUSPENDED || (*f).stacktop == 0 {
            return None;
        }
        let cd = code::data(PyObj::borrow(&(*f).code));
        let next = cd.instrs.get((*f).lasti as usize + 1)?;
        if next.op != Opcode::RESUME || next.arg < 2 {
            return None;
        }
        let lp = frame::localsplus(f);
        let top = *lp.add(cd.nlocalsplus + (*f).stacktop as usize - 1);
        if top.is_null() {
            None
        } else {
            Some(PyObj::from_borrowed(top))
        }
    }
}

/// Ends a `yield from` early: pops the delegate and resumes after the SEND
/// loop with `value` as the result (CPython's gen_throw termination path).
unsafe fn finish_yield_from(gen: &PyObj, value: PyObj) -> PyResult<SendResult> {
    let f = gen_frame(gen);
    let cd = code::data(PyObj::borrow(&(*f).code));
    let lp = frame::localsplus(f);
    (*f).stacktop -= 1;
    let slot = lp.add(cd.nlocalsplus + (*f).stacktop as usize);
    let yf = std::mem::replace(&mut *slot, std::ptr::null_mut());
    xdecref(yf);
    // lasti+2 is JUMP_BACKWARD_NO_INTERRUPT to the SEND whose arg is the exit.
    let jb = cd.instrs[(*f).lasti as usize + 2];
    let send = cd.instrs[jb.arg as usize];
    (*f).lasti = send.arg as i32 - 1;
    gen_send_ex(gen, value, None, false)
}

/// `gen.throw(exc)`.
pub fn gen_throw(gen: &PyObj, e: PyErr) -> PyResult<SendResult> {
    unsafe {
        if let Some(yf) = yielding_from(gen) {
            if e.matches(exc::PyExc_GeneratorExit) {
                (*g(gen)).running = 1;
                let r = close_iter(&yf);
                (*g(gen)).running = 0;
                if let Err(ce) = r {
                    return gen_send_ex(gen, none::none(), Some(ce), false);
                }
                return gen_send_ex(gen, none::none(), Some(e), false);
            }
            (*g(gen)).running = 1;
            let r: PyResult<SendResult> = if is_gen_like(&yf) {
                gen_throw(&yf, e.clone())
            } else {
                match crate::abstract_::getattr_str_opt(&yf, "throw") {
                    Ok(Some(t)) => {
                        let tb = exc::traceback(e.value()).unwrap_or_else(none::none);
                        match crate::abstract_::call(&t, &[e.value().type_obj(), e.value().clone(), tb], None) {
                            Ok(v) => Ok(SendResult::Yield(v)),
                            Err(x) => Err(x),
                        }
                    }
                    Ok(None) => {
                        (*g(gen)).running = 0;
                        return gen_send_ex(gen, none::none(), Some(e), false);
                    }
                    Err(x) => Err(x),
                }
            };
            (*g(gen)).running = 0;
            return match r {
                Ok(SendResult::Yield(v)) => Ok(SendResult::Yield(v)),
                Ok(SendResult::Return(v)) => finish_yield_from(gen, v),
                Err(x) if x.matches(exc::PyExc_StopIteration) => {
                    finish_yield_from(gen, exc::stop_iteration_value(x.value()))
                }
                Err(x) => gen_send_ex(gen, none::none(), Some(x), false),
            };
        }
        gen_send_ex(gen, none::none(), Some(e), false)
    }
}

fn close_iter(yf: &PyObj) -> PyResult<()> {
    if is_gen_like(yf) {
        return gen_close(yf).map(|_| ());
    }
    if let Some(c) = crate::abstract_::getattr_str_opt(yf, "close")? {
        crate::abstract_::call0(&c)?;
    }
    Ok(())
}

/// `gen.close()`.
pub fn gen_close(gen: &PyObj) -> PyResult {
    unsafe {
        let f = gen_frame(gen);
        if f.is_null() || (*f).state == FRAME_COMPLETED || (*f).state == FRAME_CREATED {
            if !f.is_null() && (*f).state == FRAME_CREATED {
                (*f).state = FRAME_COMPLETED;
                frame::clear_locals(f);
            }
            return Ok(none::none());
        }
        let ge = err::with_args(exc::PyExc_GeneratorExit, &[]);
        match gen_throw(gen, ge) {
            Ok(SendResult::Yield(_)) => Err(err::runtime_error(format!(
                "{} ignored GeneratorExit",
                if is_async_gen(gen) { "async generator" } else if is_coroutine(gen) { "coroutine" } else { "generator" }
            ))),
            Ok(SendResult::Return(_)) => Ok(none::none()),
            Err(e) if e.matches(exc::PyExc_GeneratorExit) || e.matches(exc::PyExc_StopIteration) => Ok(none::none()),
            Err(e) => Err(e),
        }
    }
}

/// SEND: resume `recv` with `v` (generators directly, others by
/// `__next__`/`send`).
pub fn send_to(recv: &PyObj, v: &PyObj) -> PyResult<SendResult> {
    if is_generator(recv) || is_coroutine(recv) {
        return match gen_send_ex(recv, v.clone(), None, false) {
            Err(e) if e.matches(unsafe { exc::PyExc_StopIteration }) => {
                Ok(SendResult::Return(exc::stop_iteration_value(e.value())))
            }
            r => r,
        };
    }
    let r = if none::is_none(v) {
        unsafe {
            match (*recv.ob_type()).tp_iternext {
                Some(n) => {
                    let p = n(recv.as_ptr());
                    if p.is_null() {
                        match err::take() {
                            None => return Ok(SendResult::Return(none::none())),
                            Some(e) => Err(e),
                        }
                    } else {
                        Ok(PyObj::from_owned(p))
                    }
                }
                None => crate::abstract_::call_method(recv, "send", &[v.clone()]),
            }
        }
    } else {
        crate::abstract_::call_method(recv, "send", &[v.clone()])
    };
    match r {
        Ok(y) => Ok(SendResult::Yield(y)),
        Err(e) if e.matches(unsafe { exc::PyExc_StopIteration }) => {
            Ok(SendResult::Return(exc::stop_iteration_value(e.value())))
        }
        Err(e) => Err(e),
    }
}

fn result_to_py(r: PyResult<SendResult>, gen: &PyObj) -> PyResult {
    match r? {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => {
            if is_async_gen(gen) {
                Err(err::with_args(unsafe { exc::PyExc_StopAsyncIteration }, &[]))
            } else {
                Err(exc::stop_iteration(v))
            }
        }
    }
}

unsafe extern "C" fn gen_iternext(o: *mut PyObject) -> *mut PyObject {
    let gen = PyObj::borrow(&o);
    match gen_send_ex(gen, none::none(), None, false) {
        Ok(SendResult::Yield(v)) => v.into_ptr(),
        Ok(SendResult::Return(v)) => {
            if !none::is_none(&v) {
                err::restore(exc::stop_iteration(v));
            }
            std::ptr::null_mut()
        }
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

/// Builds the exception for `throw(type[, value[, tb]])`.
pub fn make_throw_exc(args: &[PyObj]) -> PyResult<PyErr> {
    let typ = &args[0];
    let val = args.get(1).filter(|v| !none::is_none(v)).cloned();
    let tb = args.get(2).filter(|v| !none::is_none(v)).cloned();
    if let Some(t) = &tb {
        if !crate::objects::traceback::is_traceback(t) {
            return Err(err::type_error("throw() third argument must be a traceback object"));
        }
    }
    let inst = if crate::typeobj::is_type(typ) && exc::is_exception_type(unsafe { crate::typeobj::as_type(typ) }) {
        match val {
            Some(v) if crate::abstract_::isinstance(&v, typ)? => v,
            Some(v) => {
                let a = if crate::objects::tuple::is_tuple(&v) { crate::objects::tuple::items(&v).to_vec() } else { vec![v] };
                crate::abstract_::call(typ, &a, None)?
            }
            None => crate::abstract_::call0(typ)?,
        }
    } else if exc::is_exception_instance(typ) {
        if val.is_some() {
            return Err(err::type_error("instance exception may not have a separate value"));
        }
        typ.clone()
    } else {
        return Err(err::type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            type_name(typ.ob_type())
        )));
    };
    if let Some(t) = tb {
        exc::set_traceback(&inst, Some(t));
    }
    Ok(PyErr(inst))
}

crate::onearg!(gen_send_m, |slf, v| { result_to_py(gen_send_ex(slf, v.unwrap().clone(), None, false), slf) });

crate::fastcall!(gen_throw_m, |slf, args| {
    crate::objects::methodobject::check_nargs("throw", args, 1, 3)?;
    let e = make_throw_exc(args)?;
    result_to_py(gen_throw(slf, e), slf)
});

crate::fastcall!(gen_close_m, |slf, args| { gen_close(slf) });

// Origin tracking (sys.set_coroutine_origin_tracking_depth) is not kept: None.
unsafe extern "C" fn get_origin(_o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    none::none().into_ptr()
}

unsafe extern "C" fn gen_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let go = o as *mut PyGenObject;
    let op = o;
    let gen = PyObj::borrow(&op);
    let f = (*go).frame as *mut PyFrameObject;
    if !f.is_null() && (*f).state == FRAME_SUSPENDED && !is_coroutine(gen) && !is_async_gen(gen) {
        // Finalize: close() a suspended generator (runs finally blocks).
        (*o).ob_refcnt = 1;
        let saved = err::take();
        if let Err(e) = gen_close(gen) {
            crate::interp::write_unraisable(&e, Some(gen));
        }
        if let Some(s) = saved {
            err::restore(s);
        }
        (*o).ob_refcnt -= 1;
        if (*o).ob_refcnt != 0 {
            return;
        }
    } else if !f.is_null() && (*f).state != FRAME_COMPLETED && is_async_gen(gen) && !(*go).finalizer.is_null() {
        // An unfinished async generator goes to its finalizer hook (asyncio
        // schedules its aclose()); taken first so it runs once.
        let fin = PyObj::from_owned(std::mem::replace(&mut (*go).finalizer, std::ptr::null_mut()));
        (*o).ob_refcnt = 1;
        let saved = err::take();
        if let Err(e) = crate::abstract_::call1(&fin, gen) {
            crate::interp::write_unraisable(&e, Some(gen));
        }
        if let Some(s) = saved {
            err::restore(s);
        }
        drop(fin);
        (*o).ob_refcnt -= 1;
        if (*o).ob_refcnt != 0 {
            return;
        }
    } else if !f.is_null() && (*f).state == FRAME_CREATED && is_coroutine(gen) {
        // A coroutine that was never awaited: CPython's RuntimeWarning.
        (*o).ob_refcnt = 1;
        let saved = err::take();
        if let Err(e) = crate::warnings::warn_unawaited_coroutine(gen) {
            crate::interp::write_unraisable(&e, Some(gen));
        }
        if let Some(s) = saved {
            err::restore(s);
        }
        (*o).ob_refcnt -= 1;
        if (*o).ob_refcnt != 0 {
            return;
        }
    }
    crate::objects::weakref::clear_weakrefs(o);
    if !f.is_null() {
        (*f).gen = std::ptr::null_mut();
    }
    for p in [(*go).frame, (*go).name, (*go).qualname, (*go).exc_state, (*go).finalizer] {
        xdecref(p);
    }
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn gen_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let go = o as *mut PyGenObject;
    for p in [(*go).frame, (*go).name, (*go).qualname, (*go).exc_state, (*go).finalizer] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn gen_repr(o: *mut PyObject) -> *mut PyObject {
    let go = o as *mut PyGenObject;
    let q = unicode::to_string_lossy(PyObj::borrow(&(*go).qualname));
    let kind = match () {
        _ if is_coroutine(PyObj::borrow(&o)) => "coroutine",
        _ if is_async_gen(PyObj::borrow(&o)) => "async_generator",
        _ => "generator",
    };
    unicode::new(&format!("<{} object {} at {:#x}>", kind, q, o as usize)).into_ptr()
}

unsafe extern "C" fn get_name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed((*(o as *mut PyGenObject)).name).into_ptr()
}
unsafe extern "C" fn set_name(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() || !unicode::is_str(PyObj::borrow(&v)) {
        err::restore(err::type_error("__name__ must be set to a string object"));
        return -1;
    }
    let old = std::mem::replace(&mut (*(o as *mut PyGenObject)).name, PyObj::from_borrowed(v).into_ptr());
    xdecref(old);
    0
}
unsafe extern "C" fn get_qualname(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed((*(o as *mut PyGenObject)).qualname).into_ptr()
}
unsafe extern "C" fn set_qualname(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() || !unicode::is_str(PyObj::borrow(&v)) {
        err::restore(err::type_error("__qualname__ must be set to a string object"));
        return -1;
    }
    let old = std::mem::replace(&mut (*(o as *mut PyGenObject)).qualname, PyObj::from_borrowed(v).into_ptr());
    xdecref(old);
    0
}
unsafe extern "C" fn get_frame(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let f = (*(o as *mut PyGenObject)).frame as *mut PyFrameObject;
    if f.is_null() || (*f).state == FRAME_COMPLETED {
        none::none().into_ptr()
    } else {
        PyObj::from_borrowed(f as *mut PyObject).into_ptr()
    }
}
unsafe extern "C" fn get_running(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let f = (*(o as *mut PyGenObject)).frame as *mut PyFrameObject;
    crate::objects::boolobject::new(!f.is_null() && (*f).state == FRAME_EXECUTING).into_ptr()
}
unsafe extern "C" fn get_suspended(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let f = (*(o as *mut PyGenObject)).frame as *mut PyFrameObject;
    crate::objects::boolobject::new(!f.is_null() && (*f).state == FRAME_SUSPENDED).into_ptr()
}
unsafe extern "C" fn get_code(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let f = (*(o as *mut PyGenObject)).frame as *mut PyFrameObject;
    PyObj::from_borrowed((*f).code).into_ptr()
}
unsafe extern "C" fn get_yieldfrom(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    yielding_from(PyObj::borrow(&o)).unwrap_or_else(none::none).into_ptr()
}

// ------------------------------------------------------------ coroutines

/// `coroutine.__await__()`.
unsafe extern "C" fn coro_await(o: *mut PyObject) -> *mut PyObject {
    let w = crate::alloc::alloc_object(&raw mut _PyCoroWrapper_Type, 0) as *mut CoroWrapper;
    (*w).coro = PyObj::from_borrowed(o).into_ptr();
    w as *mut PyObject
}

unsafe extern "C" fn coro_wrapper_next(o: *mut PyObject) -> *mut PyObject {
    gen_iternext((*(o as *mut CoroWrapper)).coro)
}

unsafe extern "C" fn coro_wrapper_dealloc(o: *mut PyObject) {
    xdecref((*(o as *mut CoroWrapper)).coro);
    crate::alloc::tp_free(o);
}

crate::onearg!(coro_wrapper_send, |slf, v| {
    let c = unsafe { PyObj::from_borrowed((*(slf.as_ptr() as *mut CoroWrapper)).coro) };
    result_to_py(gen_send_ex(&c, v.unwrap().clone(), None, false), &c)
});
crate::fastcall!(coro_wrapper_throw, |slf, args| {
    let c = unsafe { PyObj::from_borrowed((*(slf.as_ptr() as *mut CoroWrapper)).coro) };
    crate::objects::methodobject::check_nargs("throw", args, 1, 3)?;
    let e = make_throw_exc(args)?;
    result_to_py(gen_throw(&c, e), &c)
});
crate::fastcall!(coro_wrapper_close, |slf, args| {
    let c = unsafe { PyObj::from_borrowed((*(slf.as_ptr() as *mut CoroWrapper)).coro) };
    gen_close(&c)
});

pub fn coro_is_awaiting(c: &PyObj) -> bool {
    yielding_from(c).is_some()
}

/// The iterator for `await o` (`_PyCoro_GetAwaitableIter`).
pub fn get_awaitable_iter(o: &PyObj) -> PyResult {
    if is_coroutine(o) {
        return Ok(o.clone());
    }
    if is_generator(o) {
        let f = unsafe { gen_frame(o) };
        let flags = unsafe { code::data(PyObj::borrow(&(*f).code)).flags };
        if flags & co_flags::ITERABLE_COROUTINE != 0 {
            return Ok(o.clone());
        }
    }
    unsafe {
        let am = (*o.ob_type()).tp_as_async;
        if !am.is_null() {
            if let Some(aw) = (*am).am_await {
                let r = err::from_ptr(aw(o.as_ptr()))?;
                if is_coroutine(&r) {
                    return Err(err::type_error("__await__() returned a coroutine"));
                }
                if (*r.ob_type()).tp_iternext.is_none() {
                    return Err(err::type_error(format!(
                        "__await__() returned non-iterator of type '{}'",
                        type_name(r.ob_type())
                    )));
                }
                return Ok(r);
            }
        }
    }
    Err(err::type_error(format!(
        "object {} can't be used in 'await' expression",
        type_name(o.ob_type())
    )))
}

// ------------------------------------------------------------ async generators

pub fn async_gen_wrap(v: PyObj) -> PyObj {
    unsafe {
        let w = crate::alloc::alloc_object(&raw mut _PyAsyncGenWrappedValue_Type, 0) as *mut AsyncGenWrapped;
        (*w).value = v.into_ptr();
        PyObj::from_owned(w as *mut PyObject)
    }
}

fn unwrap_async_yield(v: PyObj) -> Result<PyObj, PyObj> {
    unsafe {
        if v.ob_type() == &raw mut _PyAsyncGenWrappedValue_Type {
            Err(PyObj::from_borrowed((*(v.as_ptr() as *mut AsyncGenWrapped)).value))
        } else {
            Ok(v)
        }
    }
}

unsafe extern "C" fn wrapped_dealloc(o: *mut PyObject) {
    xdecref((*(o as *mut AsyncGenWrapped)).value);
    crate::alloc::tp_free(o);
}

fn new_awaitable(gen: &PyObj, kind: c_int, value: Option<PyObj>, exc_args: Option<&[PyObj]>) -> PyObj {
    unsafe {
        let tp = if kind == 0 { &raw mut _PyAsyncGenASend_Type } else { &raw mut _PyAsyncGenAThrow_Type };
        let a = crate::alloc::alloc_object(tp, 0) as *mut AsyncGenAwaitable;
        (*a).gen = gen.clone().into_ptr();
        (*a).value = value.map(|v| v.into_ptr()).unwrap_or(std::ptr::null_mut());
        (*a).kind = kind;
        if let Some(args) = exc_args {
            (*a).exc_type = args.first().cloned().map(|x| x.into_ptr()).unwrap_or(std::ptr::null_mut());
            (*a).exc_val = args.get(1).cloned().map(|x| x.into_ptr()).unwrap_or(std::ptr::null_mut());
            (*a).exc_tb = args.get(2).cloned().map(|x| x.into_ptr()).unwrap_or(std::ptr::null_mut());
        }
        PyObj::from_owned(a as *mut PyObject)
    }
}

/// One step of an asend/athrow awaitable: drives the async generator and
/// turns its wrapped yields into StopIteration(value).
unsafe fn awaitable_step(o: &PyObj, sent: PyObj, throw: Option<PyErr>) -> PyResult {
    let a = o.as_ptr() as *mut AsyncGenAwaitable;
    if (*a).state == 2 {
        return Err(err::runtime_error(if (*a).kind == 0 {
            "cannot reuse already awaited __anext__()/asend()"
        } else {
            "cannot reuse already awaited aclose()/athrow()"
        }));
    }
    let gen = PyObj::from_borrowed((*a).gen);
    let r = if (*a).state == 0 {
        (*a).state = 1;
        if (*a).kind == 0 {
            let v = if (*a).value.is_null() { sent } else { PyObj::from_borrowed((*a).value) };
            match throw {
                Some(e) => gen_throw(&gen, e),
                None => gen_send_ex(&gen, v, None, false),
            }
        } else {
            let e = if (*a).kind == 2 {
                err::with_args(exc::PyExc_GeneratorExit, &[])
            } else {
                let mut args = vec![PyObj::from_borrowed((*a).exc_type)];
                if !(*a).exc_val.is_null() {
                    args.push(PyObj::from_borrowed((*a).exc_val));
                }
                if !(*a).exc_tb.is_null() {
                    args.push(PyObj::from_borrowed((*a).exc_tb));
                }
                make_throw_exc(&args)?
            };
            gen_throw(&gen, e)
        }
    } else {
        match throw {
            Some(e) => gen_throw(&gen, e),
            None => gen_send_ex(&gen, sent, None, false),
        }
    };
    let r = match r {
        Ok(SendResult::Yield(v)) => match unwrap_async_yield(v) {
            Ok(awaited) => {
                if (*a).kind == 2 {
                    (*a).state = 2;
                    return Err(err::runtime_error("async generator ignored GeneratorExit"));
                }
                return Ok(awaited);
            }
            Err(val) => {
                (*a).state = 2;
                Err(exc::stop_iteration(val))
            }
        },
        Ok(SendResult::Return(_)) => {
            (*a).state = 2;
            if (*a).kind == 2 {
                Err(exc::stop_iteration(none::none()))
            } else {
                Err(err::with_args(exc::PyExc_StopAsyncIteration, &[]))
            }
        }
        Err(e) => {
            (*a).state = 2;
            if (*a).kind == 2 && (e.matches(exc::PyExc_StopAsyncIteration) || e.matches(exc::PyExc_GeneratorExit)) {
                Err(exc::stop_iteration(none::none()))
            } else {
                Err(e)
            }
        }
    };
    r
}

unsafe extern "C" fn awaitable_iternext(o: *mut PyObject) -> *mut PyObject {
    err::into_ptr(awaitable_step(PyObj::borrow(&o), none::none(), None))
}

crate::onearg!(awaitable_send, |slf, v| { unsafe { awaitable_step(slf, v.unwrap().clone(), None) } });
crate::fastcall!(awaitable_throw, |slf, args| {
    crate::objects::methodobject::check_nargs("throw", args, 1, 3)?;
    let e = make_throw_exc(args)?;
    unsafe { awaitable_step(slf, none::none(), Some(e)) }
});
crate::fastcall!(awaitable_close, |slf, args| {
    unsafe { (*(slf.as_ptr() as *mut AsyncGenAwaitable)).state = 2 };
    Ok(none::none())
});

unsafe extern "C" fn awaitable_dealloc(o: *mut PyObject) {
    let a = o as *mut AsyncGenAwaitable;
    for p in [(*a).gen, (*a).value, (*a).exc_type, (*a).exc_val, (*a).exc_tb] {
        xdecref(p);
    }
    crate::alloc::tp_free(o);
}

/// First use of an async generator: remembers the thread's finalizer hook
/// and calls its firstiter hook (`sys.set_asyncgen_hooks`).
fn agen_init_hooks(gen: &PyObj) -> PyResult<()> {
    unsafe {
        let go = g(gen);
        if (*go).hooks_inited != 0 {
            return Ok(());
        }
        (*go).hooks_inited = 1;
        let ts = crate::interp::tstate();
        if let Some(fin) = ts.asyncgen_finalizer.clone() {
            (*go).finalizer = fin.into_ptr();
        }
        if let Some(first) = ts.asyncgen_firstiter.clone() {
            crate::abstract_::call1(&first, gen)?;
        }
        Ok(())
    }
}

crate::onearg!(agen_asend, |slf, v| {
    agen_init_hooks(slf)?;
    Ok(new_awaitable(slf, 0, Some(v.unwrap().clone()), None))
});
crate::fastcall!(agen_athrow, |slf, args| {
    crate::objects::methodobject::check_nargs("athrow", args, 1, 3)?;
    agen_init_hooks(slf)?;
    Ok(new_awaitable(slf, 1, None, Some(args)))
});
crate::fastcall!(agen_aclose, |slf, args| {
    agen_init_hooks(slf)?;
    Ok(new_awaitable(slf, 2, None, None))
});

unsafe extern "C" fn agen_anext(o: *mut PyObject) -> *mut PyObject {
    let gen = PyObj::borrow(&o);
    if let Err(e) = agen_init_hooks(gen) {
        err::restore(e);
        return std::ptr::null_mut();
    }
    new_awaitable(gen, 0, None, None).into_ptr()
}

pub fn get_aiter(o: &PyObj) -> PyResult {
    unsafe {
        let am = (*o.ob_type()).tp_as_async;
        if !am.is_null() {
            if let Some(f) = (*am).am_aiter {
                let it = err::from_ptr(f(o.as_ptr()))?;
                let am2 = (*it.ob_type()).tp_as_async;
                if am2.is_null() || (*am2).am_anext.is_none() {
                    return Err(err::type_error(format!(
                        "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                        type_name(it.ob_type())
                    )));
                }
                return Ok(it);
            }
        }
        Err(err::type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            type_name(o.ob_type())
        )))
    }
}

pub fn get_anext_awaitable(o: &PyObj) -> PyResult {
    unsafe {
        let am = (*o.ob_type()).tp_as_async;
        if !am.is_null() {
            if let Some(f) = (*am).am_anext {
                let aw = err::from_ptr(f(o.as_ptr()))?;
                return get_awaitable_iter(&aw).map_err(|e| {
                    if e.matches(exc::PyExc_TypeError) {
                        err::type_error(format!(
                            "'async for' received an invalid object from __anext__: {}",
                            type_name(aw.ob_type())
                        ))
                    } else {
                        e
                    }
                });
            }
        }
        Err(err::type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            type_name(o.ob_type())
        )))
    }
}

static mut CORO_AS_ASYNC: PyAsyncMethods = EMPTY_ASYNC_METHODS;
static mut AGEN_AS_ASYNC: PyAsyncMethods = EMPTY_ASYNC_METHODS;
static mut AWAITABLE_AS_ASYNC: PyAsyncMethods = EMPTY_ASYNC_METHODS;

pub unsafe fn init_types() {
    use crate::objects::descr::{set_getsets, set_methods};
    let common_gs = |prefix: &str| -> Vec<(String, *const c_void, *const c_void)> {
        vec![
            ("__name__".into(), get_name as *const c_void, set_name as *const c_void),
            ("__qualname__".into(), get_qualname as *const c_void, set_qualname as *const c_void),
            (format!("{}_frame", prefix), get_frame as *const c_void, std::ptr::null()),
            (format!("{}_running", prefix), get_running as *const c_void, std::ptr::null()),
            (format!("{}_suspended", prefix), get_suspended as *const c_void, std::ptr::null()),
            (format!("{}_code", prefix), get_code as *const c_void, std::ptr::null()),
        ]
    };
    for (t, prefix) in [
        (&raw mut PyGen_Type, "gi"),
        (&raw mut PyCoro_Type, "cr"),
        (&raw mut PyAsyncGen_Type, "ag"),
    ] {
        (*t).tp_dealloc = Some(gen_dealloc);
        (*t).tp_traverse = Some(gen_traverse);
        (*t).tp_repr = Some(gen_repr);
        (*t).tp_weaklistoffset = std::mem::offset_of!(PyGenObject, weakreflist) as isize;
        (*t).tp_flags |= flags::HAVE_GC;
        let mut gs = common_gs(prefix);
        match prefix {
            "gi" => gs.push(("gi_yieldfrom".into(), get_yieldfrom as *const c_void, std::ptr::null())),
            "cr" => {
                gs.push(("cr_await".into(), get_yieldfrom as *const c_void, std::ptr::null()));
                gs.push(("cr_origin".into(), get_origin as *const c_void, std::ptr::null()));
            }
            _ => gs.push(("ag_await".into(), get_yieldfrom as *const c_void, std::ptr::null())),
        }
        let gs_ref: Vec<(&str, *const c_void, *const c_void)> = gs.iter().map(|(n, g, s)| (n.as_str(), *g, *s)).collect();
        set_getsets(t, &gs_ref);
    }
    let t = &raw mut PyGen_Type;
    (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(gen_iternext);
    set_methods(t, &[
        ("send", gen_send_m as *const c_void, meth::O, ""),
        ("throw", gen_throw_m as *const c_void, meth::FASTCALL, ""),
        ("close", gen_close_m as *const c_void, meth::FASTCALL, ""),
    ]);
    let t = &raw mut PyCoro_Type;
    (*t).tp_as_async = &raw mut CORO_AS_ASYNC;
    (*(&raw mut CORO_AS_ASYNC)).am_await = Some(coro_await);
    set_methods(t, &[
        ("send", gen_send_m as *const c_void, meth::O, ""),
        ("throw", gen_throw_m as *const c_void, meth::FASTCALL, ""),
        ("close", gen_close_m as *const c_void, meth::FASTCALL, ""),
    ]);
    let t = &raw mut PyAsyncGen_Type;
    (*t).tp_as_async = &raw mut AGEN_AS_ASYNC;
    (*(&raw mut AGEN_AS_ASYNC)).am_aiter = Some(crate::objects::iterobject::self_iter);
    (*(&raw mut AGEN_AS_ASYNC)).am_anext = Some(agen_anext);
    set_methods(t, &[
        ("asend", agen_asend as *const c_void, meth::O, ""),
        ("athrow", agen_athrow as *const c_void, meth::FASTCALL, ""),
        ("aclose", agen_aclose as *const c_void, meth::FASTCALL, ""),
        ("__class_getitem__", agen_class_getitem as *const c_void, meth::O | meth::CLASS, ""),
    ]);
    let t = &raw mut _PyCoroWrapper_Type;
    (*t).tp_dealloc = Some(coro_wrapper_dealloc);
    (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(coro_wrapper_next);
    set_methods(t, &[
        ("send", coro_wrapper_send as *const c_void, meth::O, ""),
        ("throw", coro_wrapper_throw as *const c_void, meth::FASTCALL, ""),
        ("close", coro_wrapper_close as *const c_void, meth::FASTCALL, ""),
    ]);
    let t = &raw mut _PyAsyncGenWrappedValue_Type;
    (*t).tp_dealloc = Some(wrapped_dealloc);
    (*(&raw mut AWAITABLE_AS_ASYNC)).am_await = Some(crate::objects::iterobject::self_iter);
    init_anext_type();
    for t in [&raw mut _PyAsyncGenASend_Type, &raw mut _PyAsyncGenAThrow_Type] {
        (*t).tp_dealloc = Some(awaitable_dealloc);
        (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
        (*t).tp_iternext = Some(awaitable_iternext);
        (*t).tp_as_async = &raw mut AWAITABLE_AS_ASYNC;
        set_methods(t, &[
            ("send", awaitable_send as *const c_void, meth::O, ""),
            ("throw", awaitable_throw as *const c_void, meth::FASTCALL, ""),
            ("close", awaitable_close as *const c_void, meth::FASTCALL, ""),
        ]);
    }
}

/// `anext(it, default)`: an awaitable that yields like `it.__anext__()` but
/// turns StopAsyncIteration into the default value.
#[repr(C)]
pub struct AnextAwaitable {
    pub ob_base: PyObject,
    pub wrapped: *mut PyObject,
    pub default: *mut PyObject,
}

#[no_mangle]
pub static mut _PyAnextAwaitable_Type: PyTypeObject =
    PyTypeObject::empty(b"anext_awaitable\0", std::mem::size_of::<AnextAwaitable>(), 0);

pub fn anext_awaitable_new(aiterator: &PyObj, default: PyObj) -> PyResult {
    let aw = get_anext_awaitable(aiterator)?;
    unsafe {
        let o = crate::alloc::alloc_object(&raw mut _PyAnextAwaitable_Type, 0) as *mut AnextAwaitable;
        (*o).wrapped = aw.into_ptr();
        (*o).default = default.into_ptr();
        Ok(PyObj::from_owned(o as *mut PyObject))
    }
}

unsafe fn anext_step(o: &PyObj, r: PyResult<SendResult>) -> PyResult {
    let a = o.as_ptr() as *mut AnextAwaitable;
    match r {
        Ok(SendResult::Yield(v)) => Ok(v),
        Ok(SendResult::Return(v)) => Err(exc::stop_iteration(v)),
        Err(e) if e.matches(exc::PyExc_StopAsyncIteration) => {
            Err(exc::stop_iteration(PyObj::from_borrowed((*a).default)))
        }
        Err(e) => Err(e),
    }
}

unsafe extern "C" fn anext_iternext(o: *mut PyObject) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    let w = PyObj::from_borrowed((*(o as *mut AnextAwaitable)).wrapped);
    err::into_ptr(anext_step(obj, send_to(&w, &none::none())))
}

crate::onearg!(anext_send, |slf, v| {
    unsafe {
        let w = PyObj::from_borrowed((*(slf.as_ptr() as *mut AnextAwaitable)).wrapped);
        anext_step(slf, send_to(&w, v.unwrap()))
    }
});

crate::fastcall!(anext_throw, |slf, args| {
    crate::objects::methodobject::check_nargs("throw", args, 1, 3)?;
    unsafe {
        let w = PyObj::from_borrowed((*(slf.as_ptr() as *mut AnextAwaitable)).wrapped);
        let e = make_throw_exc(args)?;
        let r = if is_gen_like(&w) {
            gen_throw(&w, e)
        } else {
            crate::abstract_::call_method(&w, "throw", &[e.value().clone()]).map(SendResult::Yield)
        };
        anext_step(slf, r)
    }
});

crate::fastcall!(anext_close, |slf, args| { Ok(none::none()) });

unsafe extern "C" fn anext_dealloc(o: *mut PyObject) {
    let a = o as *mut AnextAwaitable;
    xdecref((*a).wrapped);
    xdecref((*a).default);
    crate::alloc::tp_free(o);
}

pub unsafe fn init_anext_type() {
    let t = &raw mut _PyAnextAwaitable_Type;
    (*t).tp_dealloc = Some(anext_dealloc);
    (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(anext_iternext);
    (*t).tp_as_async = &raw mut AWAITABLE_AS_ASYNC;
    crate::objects::descr::set_methods(t, &[
        ("send", anext_send as *const c_void, meth::O, ""),
        ("throw", anext_throw as *const c_void, meth::FASTCALL, ""),
        ("close", anext_close as *const c_void, meth::FASTCALL, ""),
    ]);
}

// `__class_getitem__`: `types.AsyncGeneratorType[int, None]` is a types.GenericAlias.
crate::onearg!(agen_class_getitem, |cls, arg| { crate::objects::unionobject::generic_alias(cls, arg.unwrap()) });
