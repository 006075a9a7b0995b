//! The dispatch loop: runs a frame's instructions until it returns, yields,
//! or an exception escapes it. Exceptions are routed through the code's
//! exception table (zero-cost `try`), and traceback entries are added as
//! they pass through each frame.

use crate::abstract_ as ab;
use super::attr_cache;
use crate::bytecode::{Opcode, NB_ADD, NB_SUBTRACT, NB_INPLACE_OFFSET, NB_MULTIPLY};
use crate::err::{self, PyErr, PyResult};
use crate::object::*;
use crate::objects::code;
use crate::objects::exceptions::{self as exc};
use crate::objects::frame::{self, PyFrameObject, FRAME_COMPLETED, FRAME_EXECUTING, FRAME_SUSPENDED};
use crate::objects::{boolobject, cell, dict, float, function, list, long, none, tuple, unicode};
use crate::objref::{decref, PyObj};
use crate::typeobj::type_name;

/// Restores the thread's current frame when the loop exits.
struct FrameLink {
    prev: *mut PyFrameObject,
}

impl Drop for FrameLink {
    fn drop(&mut self) {
        // Made before the loop ran, so the thread state exists.
        let ts = unsafe { super::running_tstate() };
        ts.frame = self.prev;
        ts.recursion_remaining += 1;
    }
}

#[inline(always)]
fn name_error(name: &PyObj) -> PyErr {
    let e = err::name_error(format!("name '{}' is not defined", unicode::to_string_lossy(name)));
    crate::objects::exceptions_attrs::set_name_error_name(&e, name);
    e
}

fn unbound_local(name: &PyObj) -> PyErr {
    let e = err::unbound_local_error(format!(
        "cannot access local variable '{}' where it is not associated with a value",
        unicode::to_string_lossy(name)
    ));
    crate::objects::exceptions_attrs::set_name_error_name(&e, name);
    e
}

fn free_var_error(name: &PyObj) -> PyErr {
    let e = err::name_error(format!(
        "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
        unicode::to_string_lossy(name)
    ));
    crate::objects::exceptions_attrs::set_name_error_name(&e, name);
    e
}

/// Sets `__context__` of a newly raised exception to the exception being
/// handled, breaking cycles as CPython's `_PyErr_SetObject` does.
fn chain_context(e: &PyErr) {
    let Some(handled) = super::handled_exception() else { return };
    let v = e.value();
    if handled.is(v) {
        return;
    }
    if exc::context(v).is_some() {
        return;
    }
    // Avoid creating a cycle: cut the chain where it reaches `v`.
    let mut o = handled.clone();
    loop {
        match exc::context(&o) {
            None => break,
            Some(c) if c.is(v) => {
                exc::set_context(&o, None);
                break;
            }
            Some(c) => o = c,
        }
    }
    exc::set_context(v, Some(handled));
}

/// Adds a traceback entry for this frame to the exception.
fn add_traceback(e: &PyErr, f: *mut PyFrameObject) {
    unsafe {
        let v = e.value();
        let tb = exc::traceback(v);
        frame::ensure_tracked(f);
        let fo = PyObj::from_borrowed(f as *mut PyObject);
        let lasti = (*f).lasti;
        let line = frame::lineno(f);
        let ntb = crate::objects::traceback::new(tb, &fo, lasti, line);
        exc::set_traceback(v, Some(ntb));
    }
}

/// Makes an exception instance from what `raise X` was given.
pub fn make_raisable(x: PyObj) -> PyResult<PyObj> {
    if crate::typeobj::is_type(&x) && exc::is_exception_type(unsafe { crate::typeobj::as_type(&x) }) {
        let inst = ab::call0(&x)?;
        if !exc::is_exception_instance(&inst) {
            return Err(err::type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                ab::repr_string(&x)?,
                type_name(inst.ob_type())
            )));
        }
        return Ok(inst);
    }
    if exc::is_exception_instance(&x) {
        return Ok(x);
    }
    Err(err::type_error("exceptions must derive from BaseException"))
}

fn do_raise(e: Option<PyObj>, cause: Option<PyObj>) -> PyErr {
    let Some(e) = e else {
        return match super::handled_exception() {
            Some(h) => PyErr(h),
            None => err::runtime_error("No active exception to reraise"),
        };
    };
    let inst = match make_raisable(e) {
        Ok(i) => i,
        Err(x) => return x,
    };
    if let Some(c) = cause {
        let cause_v = if none::is_none(&c) {
            None
        } else if crate::typeobj::is_type(&c) && exc::is_exception_type(unsafe { crate::typeobj::as_type(&c) }) {
            match ab::call0(&c) {
                Ok(ci) => Some(ci),
                Err(x) => return x,
            }
        } else if exc::is_exception_instance(&c) {
            Some(c)
        } else {
            return err::type_error("exception causes must derive from BaseException");
        };
        exc::set_cause(&inst, cause_v);
        exc::set_suppress_context(&inst, true);
    }
    PyErr(inst)
}

/// Special-method lookup for `with`: bound `__enter__`/`__exit__`.
fn lookup_special(o: &PyObj, name: &str) -> PyResult<Option<PyObj>> {
    match crate::typeobj::lookup_str(o.ob_type(), name) {
        Some(f) => Ok(Some(ab::bind(&f, o)?)),
        None => Ok(None),
    }
}

#[inline(always)]
fn small_int_binop(op: u32, a: i64, b: i64) -> Option<PyObj> {
    let r = match op {
        NB_ADD => a.checked_add(b)?,
        NB_SUBTRACT => a.checked_sub(b)?,
        NB_MULTIPLY => a.checked_mul(b)?,
        _ => return None,
    };
    Some(long::from_i64(r))
}

/// Exact int and float operations beyond BINARY_OP's inline add/sub/mul:
/// bitwise ops, shifts, floor division, modulo, true division, ints of up
/// to 63 bits, and mixed float/int arithmetic; also the first step of
/// `abstract_::binary_op` (PyNumber_Add and the like). Out of line to keep
/// the dispatch loop small; `None` leaves the case (including every error)
/// to the generic path.
#[inline(never)]
pub(crate) fn binop_fast_ext(op: u32, a: &PyObj, b: &PyObj) -> Option<PyObj> {
    use crate::bytecode::*;
    if let (Some(x), Some(y)) = (compact_value(a), compact_value(b)) {
        let r = match op {
            // BINARY_OP does these inline; `abstract_::binary_op` comes here.
            NB_ADD => x + y,
            NB_SUBTRACT => x - y,
            NB_MULTIPLY => x * y,
            NB_AND => x & y,
            NB_OR => x | y,
            NB_XOR => x ^ y,
            NB_RSHIFT if y >= 0 => {
                if y < 64 { x >> y } else if x < 0 { -1 } else { 0 }
            }
            // Compact values are below 2**30, so shifts under 32 fit an i64.
            NB_LSHIFT if (0..32).contains(&y) => x << y,
            NB_FLOOR_DIVIDE if y != 0 => {
                let q = x / y;
                if x % y != 0 && ((x < 0) != (y < 0)) { q - 1 } else { q }
            }
            NB_REMAINDER if y != 0 => {
                let r = x % y;
                if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r }
            }
            // Both are exact doubles, so one division rounds correctly.
            NB_TRUE_DIVIDE if y != 0 => return Some(float::new(x as f64 / y as f64)),
            _ => return None,
        };
        return Some(long::from_i64(r));
    }
    if long::is_exact_int(a) && long::is_exact_int(b) {
        // Ints of up to 63 bits (a running total, a product): machine
        // arithmetic, where the slot would go through the generic protocol.
        let (x, y) = (long::as_i64(a)?, long::as_i64(b)?);
        let r = match op {
            NB_ADD => x.checked_add(y)?,
            NB_SUBTRACT => x.checked_sub(y)?,
            NB_MULTIPLY => x.checked_mul(y)?,
            NB_FLOOR_DIVIDE if y != 0 => {
                let q = x.checked_div(y)?;
                if x % y != 0 && ((x < 0) != (y < 0)) { q - 1 } else { q }
            }
            NB_REMAINDER if y != 0 => {
                let r = x.checked_rem(y)?;
                if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r }
            }
            _ => return None,
        };
        return Some(long::from_i64(r));
    }
    let as_f64 = |o: &PyObj| -> Option<f64> {
        if float::is_exact_float(o) {
            Some(float::value(o))
        } else {
            compact_value(o).map(|v| v as f64)
        }
    };
    if !float::is_exact_float(a) && !float::is_exact_float(b) {
        return None;
    }
    let (x, y) = (as_f64(a)?, as_f64(b)?);
    let r = match op {
        NB_ADD => x + y,
        NB_SUBTRACT => x - y,
        NB_MULTIPLY => x * y,
        NB_TRUE_DIVIDE if y != 0.0 => x / y,
        _ => return None,
    };
    Some(float::new(r))
}

/// The value of an exact int with at most one digit (CPython's "compact").
#[inline(always)]
fn compact_value(o: &PyObj) -> Option<i64> {
    if !long::is_exact_int(o) {
        return None;
    }
    unsafe {
        let p = o.as_ptr() as *mut long::PyLongObject;
        let s = (*p).ob_base.ob_size;
        if (s + 1) as usize <= 2 {
            // The first digit is always allocated (0 for zero).
            Some(s as i64 * (*p).ob_digit[0] as i64)
        } else {
            None
        }
    }
}

/// Runs a frame. For generator frames, returns the yielded value with the
/// frame left SUSPENDED, or the return value with it COMPLETED. `throw`
/// raises an exception at the current instruction (generator.throw).
#[inline(always)]
pub fn eval_frame(f: *mut PyFrameObject, throw: Option<PyErr>) -> PyResult {
    unsafe {
        let ts = super::tstate();
        super::enter_recursive_call_in(ts, "")?;
        let link = FrameLink { prev: ts.frame };
        if (*f).f_back.is_null() && !ts.frame.is_null() {
            crate::objref::incref(ts.frame as *mut PyObject);
            (*f).f_back = ts.frame as *mut PyObject;
        }
        ts.frame = f;
        let r = run(f, throw);
        drop(link);
        if (*f).state != FRAME_SUSPENDED {
            (*f).state = FRAME_COMPLETED;
        }
        if !(*f).gen.is_null() {
            let back = std::mem::replace(&mut (*f).f_back, std::ptr::null_mut());
            crate::objref::xdecref(back);
        }
        r
    }
}

use super::call::SIMPLE_CALL_EXCLUDED;

/// The values of the running frame that `run` reads off the hot paths. The
/// references are good while that frame runs: it owns its code object,
/// globals and builtins, and `load_frame!` replaces them all when the frame
/// changes.
struct FrameCtx {
    cd: &'static code::CodeData,
    rd: &'static code::RunData,
    consts: &'static Vec<PyObj>,
    names: &'static Vec<PyObj>,
    globals: &'static PyObj,
    builtins: &'static PyObj,
    stack_base: *mut *mut PyObject,
    /// Frames entered inline above the entry frame.
    depth: usize,
}

impl FrameCtx {
    #[inline(always)]
    unsafe fn new(f: *mut PyFrameObject) -> FrameCtx {
        let cd: &'static code::CodeData = code::data(PyObj::borrow(&(*f).code));
        FrameCtx {
            cd,
            rd: cd.run_data(),
            consts: &cd.consts,
            names: &cd.names,
            globals: PyObj::borrow(&(*f).globals),
            builtins: PyObj::borrow(&(*f).builtins),
            stack_base: frame::localsplus(f).add(cd.nlocalsplus),
            depth: 0,
        }
    }
}

unsafe fn run(f: *mut PyFrameObject, throw: Option<PyErr>) -> PyResult {
    // Python-to-Python calls run in this same loop: `f` is the innermost
    // frame, `depth` counts the frames entered inline above the entry frame.
    // The loop owns one reference to each inlined frame; each frame's f_back
    // holds its caller. Everything below is reloaded when `f` changes.
    let mut f = f;
    let mut instrs;
    // The fast locals are at a fixed offset in the frame: computed from `f`
    // (always in a register) on use, not kept in a variable of their own.
    macro_rules! lp {
        () => {
            frame::localsplus(f)
        };
    }
    // The frame's values that few instructions read live in memory, in
    // `FrameCtx`, whose address escapes: LLVM then loads them where they are
    // used instead of keeping a dozen values live across the whole loop,
    // which left the registers of the hot paths to chance (docs/decisions.md).
    let mut ctx_home = FrameCtx::new(f);
    let ctx: &mut FrameCtx = &mut ctx_home;
    std::hint::black_box(&raw mut *ctx);
    macro_rules! load_frame {
        () => {{
            *ctx = FrameCtx { depth: ctx.depth, ..FrameCtx::new(f) };
            instrs = ctx.rd.instrs.as_ptr();
        }};
    }
    instrs = ctx.rd.instrs.as_ptr();
    let mut pc: usize;
    let mut sp: *mut *mut PyObject;
    let mut kwnames: Option<PyObj> = None;
    let mut pending: Option<PyErr> = throw;
    // Leaves an inlined frame for its caller, whose stack is restored.
    macro_rules! pop_inline_frame {
        () => {{
            let callee = f;
            f = (*callee).f_back as *mut PyFrameObject;
            (*callee).state = FRAME_COMPLETED;
            let ts = super::running_tstate();
            ts.frame = f;
            ts.recursion_remaining += 1;
            decref(callee as *mut PyObject);
            ctx.depth -= 1;
            load_frame!();
            sp = ctx.stack_base.add((*f).stacktop as usize);
            (*f).stacktop = 0;
            pc = ((*f).lasti + 1) as usize;
        }};
    }

    // Leaves a generator frame that FOR_ITER resumed in this loop, after it
    // yielded (`suspended`) or finished; the caller's stack is restored.
    macro_rules! leave_gen_frame {
        ($suspended:expr) => {{
            let callee = f;
            f = (*callee).f_back as *mut PyFrameObject;
            (*callee).f_back = std::ptr::null_mut();
            if !$suspended {
                (*callee).state = FRAME_COMPLETED;
            }
            crate::objects::genobject::end_inline_resume(callee, $suspended);
            let ts = super::tstate();
            ts.frame = f;
            ts.recursion_remaining += 1;
            decref(callee as *mut PyObject);
            // The reference f_back held; the caller is still owned by its
            // own caller (or by whoever called `run`).
            decref(f as *mut PyObject);
            ctx.depth -= 1;
            load_frame!();
            sp = ctx.stack_base.add((*f).stacktop as usize);
            (*f).stacktop = 0;
            pc = ((*f).lasti + 1) as usize;
        }};
    }

    let resumed = (*f).state == FRAME_SUSPENDED;

    if resumed {
        sp = ctx.stack_base.add((*f).stacktop as usize);
        pc = ((*f).lasti + 1) as usize;
    } else {
        sp = ctx.stack_base;
        pc = 0;
    }
    (*f).state = FRAME_EXECUTING;
    (*f).stacktop = 0;

    macro_rules! push {
        ($v:expr) => {{
            *sp = PyObj::into_ptr($v);
            sp = sp.add(1);
        }};
    }
    macro_rules! pop {
        () => {{
            sp = sp.sub(1);
            PyObj::from_owned(*sp)
        }};
    }
    macro_rules! top {
        () => {
            PyObj::borrow(&*sp.sub(1))
        };
    }
    macro_rules! peek {
        ($n:expr) => {
            PyObj::borrow(&*sp.sub($n))
        };
    }
    macro_rules! set_top {
        ($v:expr) => {{
            let old = std::mem::replace(&mut *sp.sub(1), PyObj::into_ptr($v));
            decref(old);
        }};
    }

    'outer: loop {
        let mut reraised = false;
        let error: PyErr = 'inner: loop {
            if let Some(e) = pending.take() {
                break 'inner e;
            }
            // Enters a prepared callee frame in this loop; its return value will be
            // pushed on the current stack, as it is now.
            macro_rules! enter_frame {
                ($nf:expr) => {{
                    let nf = $nf;
                    let ts = super::running_tstate();
                    if let Err(e) = super::enter_depth_in(ts, "") {
                        decref(nf as *mut PyObject);
                        break 'inner e;
                    }
                    (*f).stacktop = sp.offset_from(ctx.stack_base) as i32;
                    crate::objref::incref(f as *mut PyObject);
                    (*nf).f_back = f as *mut PyObject;
                    (*nf).state = FRAME_EXECUTING;
                    ts.frame = nf;
                    f = nf;
                    ctx.depth += 1;
                    load_frame!();
                    sp = ctx.stack_base;
                    pc = 0;
                }};
            }
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(x) => break 'inner x,
                    }
                };
            }
            macro_rules! load_fast {
                ($a:expr) => {{
                    let p = *lp!().add($a as usize);
                    if p.is_null() {
                        break 'inner unbound_local(&ctx.cd.localsplus_names[$a as usize]);
                    }
                    crate::objref::incref(p);
                    *sp = p;
                    sp = sp.add(1);
                }};
            }
            macro_rules! store_fast {
                ($a:expr) => {{
                    sp = sp.sub(1);
                    let old = std::mem::replace(&mut *lp!().add($a as usize), *sp);
                    crate::objref::xdecref(old);
                }};
            }
            'dispatch: loop {
                let ins = *instrs.add(pc);
                (*f).lasti = pc as i32;
                pc += 1;
                let arg = ins.arg;
                match ins.op {
                    Opcode::NOP | Opcode::RESUME | Opcode::EXTENDED_ARG => {
                        // Not empty: an arm that is only a jump back to the loop
                        // head makes the dispatch block its own successor, and
                        // LLVM then keeps one shared indirect jump instead of
                        // copying the dispatch into every arm (docs/decisions.md).
                        std::arch::asm!("", options(nomem, nostack, preserves_flags));
                    }
                    Opcode::POP_TOP => {
                        drop(pop!());
                    }
                    Opcode::PUSH_NULL => {
                        *sp = std::ptr::null_mut();
                        sp = sp.add(1);
                    }
                    Opcode::COPY => {
                        let v = peek!(arg as usize).clone();
                        push!(v);
                    }
                    Opcode::SWAP => {
                        let n = arg as usize;
                        std::ptr::swap(sp.sub(1), sp.sub(n));
                    }
                    Opcode::LOAD_CONST => {
                        push!(ctx.consts.get_unchecked(arg as usize).clone());
                    }
                    Opcode::LOAD_FAST => {
                        let p = *lp!().add(arg as usize);
                        if p.is_null() {
                            break 'inner unbound_local(&ctx.cd.localsplus_names[arg as usize]);
                        }
                        crate::objref::incref(p);
                        *sp = p;
                        sp = sp.add(1);
                    }
                    Opcode::STORE_FAST => {
                        sp = sp.sub(1);
                        let old = std::mem::replace(&mut *lp!().add(arg as usize), *sp);
                        crate::objref::xdecref(old);
                    }
                    Opcode::LOAD_FAST__LOAD_FAST => {
                        // The commonest pair, in an arm of its own that tests no
                        // opcode; the second instruction stays in place after
                        // this one.
                        load_fast!(arg);
                        let arg2 = (*instrs.add(pc)).arg;
                        (*f).lasti = pc as i32;
                        pc += 1;
                        load_fast!(arg2);
                    }
                    Opcode::LOAD_FAST__LOAD_CONST
                    | Opcode::LOAD_CONST__LOAD_FAST
                    | Opcode::STORE_FAST__LOAD_FAST
                    | Opcode::STORE_FAST__STORE_FAST => {
                        match ins.op {
                            Opcode::LOAD_FAST__LOAD_CONST => load_fast!(arg),
                            Opcode::LOAD_CONST__LOAD_FAST => push!(ctx.consts.get_unchecked(arg as usize).clone()),
                            _ => store_fast!(arg),
                        }
                        // The second instruction, which stays in place after this one.
                        let arg2 = (*instrs.add(pc)).arg;
                        (*f).lasti = pc as i32;
                        pc += 1;
                        match ins.op {
                            Opcode::LOAD_FAST__LOAD_CONST => push!(ctx.consts.get_unchecked(arg2 as usize).clone()),
                            Opcode::STORE_FAST__STORE_FAST => store_fast!(arg2),
                            _ => load_fast!(arg2),
                        }
                    }
                    Opcode::DELETE_FAST => {
                        let old = std::mem::replace(&mut *lp!().add(arg as usize), std::ptr::null_mut());
                        if old.is_null() {
                            break 'inner unbound_local(&ctx.cd.localsplus_names[arg as usize]);
                        }
                        decref(old);
                    }
                    Opcode::LOAD_GLOBAL => {
                        let name = &ctx.names[(arg >> 1) as usize];
                        let v = if dict::is_exact_dict(ctx.globals) && dict::is_exact_dict(ctx.builtins) {
                            let slot = ctx.rd.global_cache.get_unchecked(pc - 1);
                            let c = slot.get();
                            let gv = dict::version(ctx.globals);
                            let bv = dict::version(ctx.builtins);
                            if c.value != 0 && c.globals_version == gv && c.builtins_version == bv {
                                PyObj::from_borrowed(c.value as *mut PyObject)
                            } else {
                                match dict::get_str(ctx.globals, name).or_else(|| dict::get_str(ctx.builtins, name)) {
                                    Some(p) => {
                                        slot.set(code::GlobalCache { globals_version: gv, builtins_version: bv, value: p as usize });
                                        PyObj::from_borrowed(p)
                                    }
                                    None => break 'inner name_error(name),
                                }
                            }
                        } else {
                            match tri!(dict::get_item(ctx.globals, name)) {
                                Some(v) => v,
                                None => match tri!(ab::getitem(ctx.builtins, name).map(Some).or_else(|e| {
                                    if e.matches(exc::PyExc_KeyError) { Ok(None) } else { Err(e) }
                                })) {
                                    Some(v) => v,
                                    None => break 'inner name_error(name),
                                },
                            }
                        };
                        if arg & 1 != 0 {
                            *sp = std::ptr::null_mut();
                            sp = sp.add(1);
                        }
                        push!(v);
                    }
                    Opcode::STORE_GLOBAL => {
                        let v = pop!();
                        tri!(dict::set_item(ctx.globals, ctx.names[arg as usize].clone(), v));
                    }
                    Opcode::DELETE_GLOBAL => {
                        let name = &ctx.names[arg as usize];
                        if tri!(dict::pop_item(ctx.globals, name)).is_none() {
                            break 'inner name_error(name);
                        }
                    }
                    Opcode::LOAD_NAME => {
                        let name = &ctx.names[arg as usize];
                        let locals = (*f).locals;
                        if locals.is_null() {
                            break 'inner err::system_error(format!(
                                "no locals when loading {}",
                                ab::repr_string(name).unwrap_or_default()
                            ));
                        }
                        let l = PyObj::borrow(&locals);
                        let mut v = if dict::is_exact_dict(l) {
                            dict::get_str(l, name).map(|p| PyObj::from_borrowed(p))
                        } else {
                            match ab::getitem(l, name) {
                                Ok(v) => Some(v),
                                Err(e) if e.matches(exc::PyExc_KeyError) => None,
                                Err(e) => break 'inner e,
                            }
                        };
                        if v.is_none() {
                            v = dict::get_str(ctx.globals, name).map(|p| PyObj::from_borrowed(p));
                        }
                        if v.is_none() {
                            v = dict::get_str(ctx.builtins, name).map(|p| PyObj::from_borrowed(p));
                        }
                        match v {
                            Some(v) => push!(v),
                            None => break 'inner name_error(name),
                        }
                    }
                    Opcode::STORE_NAME => {
                        let v = pop!();
                        let locals = (*f).locals;
                        if locals.is_null() {
                            break 'inner err::system_error("no locals found when storing name");
                        }
                        let l = PyObj::borrow(&locals);
                        if dict::is_exact_dict(l) {
                            tri!(dict::set_item(l, ctx.names[arg as usize].clone(), v));
                        } else {
                            tri!(ab::setitem(l, &ctx.names[arg as usize], Some(&v)));
                        }
                    }
                    Opcode::DELETE_NAME => {
                        let name = &ctx.names[arg as usize];
                        let l = PyObj::borrow(&(*f).locals);
                        match ab::setitem(l, name, None) {
                            Ok(()) => {}
                            Err(e) if e.matches(exc::PyExc_KeyError) => break 'inner name_error(name),
                            Err(e) => break 'inner e,
                        }
                    }
                    Opcode::MAKE_CELL => {
                        let slot = lp!().add(arg as usize);
                        let old = *slot;
                        let init = if old.is_null() { None } else { Some(PyObj::from_owned(old)) };
                        *slot = cell::new(init).into_ptr();
                    }
                    Opcode::COPY_FREE_VARS => {
                        let func = (*f).func;
                        if !func.is_null() {
                            if let Some(cl) = function::closure(PyObj::borrow(&func)) {
                                let base = ctx.cd.nlocalsplus - arg as usize;
                                for (i, c) in tuple::items(&cl).iter().enumerate().take(arg as usize) {
                                    let old = std::mem::replace(&mut *lp!().add(base + i), c.clone().into_ptr());
                                    crate::objref::xdecref(old);
                                }
                            }
                        }
                    }
                    Opcode::LOAD_CLOSURE => {
                        let p = *lp!().add(arg as usize);
                        push!(PyObj::from_borrowed(p));
                    }
                    Opcode::LOAD_DEREF => {
                        let c = PyObj::borrow(&*lp!().add(arg as usize));
                        match cell::get(c) {
                            Some(v) => push!(v),
                            None => {
                                let name = &ctx.cd.localsplus_names[arg as usize];
                                let is_free = (arg as usize) >= ctx.cd.nlocalsplus - ctx.cd.freevars.len();
                                break 'inner if is_free { free_var_error(name) } else { unbound_local(name) };
                            }
                        }
                    }
                    Opcode::LOAD_CLASSDEREF => {
                        let name = &ctx.cd.localsplus_names[arg as usize];
                        let l = PyObj::borrow(&(*f).locals);
                        let found = if dict::is_exact_dict(l) {
                            dict::get_str(l, name).map(|p| PyObj::from_borrowed(p))
                        } else {
                            match ab::getitem(l, name) {
                                Ok(v) => Some(v),
                                Err(e) if e.matches(exc::PyExc_KeyError) => None,
                                Err(e) => break 'inner e,
                            }
                        };
                        match found {
                            Some(v) => push!(v),
                            None => {
                                let c = PyObj::borrow(&*lp!().add(arg as usize));
                                match cell::get(c) {
                                    Some(v) => push!(v),
                                    None => break 'inner free_var_error(name),
                                }
                            }
                        }
                    }
                    Opcode::STORE_DEREF => {
                        let v = pop!();
                        cell::set(PyObj::borrow(&*lp!().add(arg as usize)), Some(v));
                    }
                    Opcode::DELETE_DEREF => {
                        let c = PyObj::borrow(&*lp!().add(arg as usize));
                        if cell::get(c).is_none() {
                            break 'inner unbound_local(&ctx.cd.localsplus_names[arg as usize]);
                        }
                        cell::set(c, None);
                    }
                    Opcode::LOAD_ATTR => {
                        let o = top!();
                        let name = &ctx.names[arg as usize];
                        let cache = ctx.rd.attr_cache.get_unchecked(pc - 1);
                        match attr_cache::load(o, name, cache) {
                            attr_cache::Load::Hit(v) => set_top!(v),
                            attr_cache::Load::Property(p) if !(*p).fget.is_null() => {
                                let fget = PyObj::borrow(&(*p).fget);
                                let o = pop!();
                                let args = std::slice::from_ref(&o);
                                if function::is_function(fget) {
                                    if let Some(prepared) = super::call::prepare_inline_frame(fget, args, None) {
                                        let nf = tri!(prepared);
                                        drop(o);
                                        enter_frame!(nf);
                                        continue;
                                    }
                                }
                                let v = tri!(ab::call(fget, args, None));
                                push!(v);
                            }
                            _ => {
                                let v = tri!(ab::getattr(o, name));
                                attr_cache::fill_load(o, name, cache);
                                set_top!(v);
                            }
                        }
                    }
                    Opcode::LOAD_METHOD => {
                        let name = &ctx.names[arg as usize];
                        let o = pop!();
                        let cache = ctx.rd.attr_cache.get_unchecked(pc - 1);
                        if let Some(m) = attr_cache::load_method(&o, name, cache) {
                            push!(PyObj::from_borrowed(m));
                            push!(o);
                            continue;
                        }
                        let tp = o.ob_type();
                        let mut done = false;
                        if tp == crate::objects::superobject::super_type() {
                            if let Some((m, slf)) = crate::objects::superobject::load_method(&o, name) {
                                push!(m);
                                push!(slf);
                                continue;
                            }
                        }
                        if (*tp).tp_getattro.map(|g| g as usize) == Some(crate::typeobj::generic_getattro_slot as usize) {
                            if let Some(m) = crate::typeobj::lookup_ptr(tp, name) {
                                let mt = (*m).ob_type;
                                if (*mt).tp_flags & flags::METHOD_DESCRIPTOR != 0 {
                                    // A plain method unless the instance dict shadows it.
                                    let dp = crate::typeobj::dict_ptr(o.as_ptr());
                                    let shadowed = !dp.is_null() && !(*dp).is_null()
                                        && dict::get_str(PyObj::borrow(&*dp), name).is_some();
                                    if !shadowed {
                                        attr_cache::fill_method(&o, name, cache);
                                        push!(PyObj::from_borrowed(m));
                                        push!(o.clone());
                                        done = true;
                                    }
                                }
                            }
                        }
                        if !done {
                            let v = tri!(ab::getattr(&o, name));
                            *sp = std::ptr::null_mut();
                            sp = sp.add(1);
                            push!(v);
                        }
                    }
                    Opcode::STORE_ATTR => {
                        let o = pop!();
                        let v = pop!();
                        let name = &ctx.names[arg as usize];
                        let cache = ctx.rd.attr_cache.get_unchecked(pc - 1);
                        if let Err(v) = attr_cache::store(&o, name, v, cache) {
                            tri!(ab::setattr(&o, name, Some(&v)));
                            attr_cache::fill_store(&o, name, cache);
                        }
                    }
                    Opcode::DELETE_ATTR => {
                        let o = pop!();
                        tri!(ab::setattr(&o, &ctx.names[arg as usize], None));
                    }
                    Opcode::BINARY_OP => {
                        let b = pop!();
                        let a = top!();
                        let base_op = if arg >= NB_INPLACE_OFFSET { arg - NB_INPLACE_OFFSET } else { arg };
                        if let (Some(x), Some(y)) = (compact_value(a), compact_value(&b)) {
                            if let Some(r) = small_int_binop(base_op, x, y) {
                                set_top!(r);
                                continue;
                            }
                        }
                        if float::is_exact_float(a) && float::is_exact_float(&b) {
                            let (x, y) = (float::value(a), float::value(&b));
                            let r = match base_op {
                                NB_ADD => Some(x + y),
                                NB_SUBTRACT => Some(x - y),
                                NB_MULTIPLY => Some(x * y),
                                _ => None,
                            };
                            if let Some(r) = r {
                                set_top!(float::new(r));
                                continue;
                            }
                        }
                        if arg == NB_ADD + NB_INPLACE_OFFSET || arg == NB_ADD {
                            if unicode::is_exact_str(a) && unicode::is_exact_str(&b) {
                                let r = tri!(unicode::concat(a, &b));
                                set_top!(r);
                                continue;
                            }
                        }
                        if let Some(r) = binop_fast_ext(base_op, a, &b) {
                            set_top!(r);
                            continue;
                        }
                        let r = tri!(ab::binary_op(a, &b, arg));
                        set_top!(r);
                    }
                    Opcode::UNARY_NEGATIVE => {
                        let r = tri!(ab::negative(top!()));
                        set_top!(r);
                    }
                    Opcode::UNARY_POSITIVE => {
                        let r = tri!(ab::positive(top!()));
                        set_top!(r);
                    }
                    Opcode::UNARY_INVERT => {
                        let r = tri!(ab::invert(top!()));
                        set_top!(r);
                    }
                    Opcode::UNARY_NOT => {
                        let t = tri!(ab::is_true(top!()));
                        set_top!(boolobject::new(!t));
                    }
                    Opcode::BINARY_SUBSCR => {
                        let k = pop!();
                        let o = top!();
                        if list::is_exact_list(o) {
                            if let Some(i) = compact_value(&k) {
                                let n = list::len(o) as i64;
                                let j = if i < 0 { i + n } else { i };
                                if j >= 0 && j < n {
                                    let v = list::get(o, j as usize);
                                    set_top!(v);
                                    continue;
                                }
                            }
                        }
                        if tuple::is_exact_tuple(o) {
                            if let Some(i) = compact_value(&k) {
                                let n = tuple::len(o) as i64;
                                let j = if i < 0 { i + n } else { i };
                                if j >= 0 && j < n {
                                    let v = tuple::items(o)[j as usize].clone();
                                    set_top!(v);
                                    continue;
                                }
                            }
                        }
                        let r = tri!(ab::getitem(o, &k));
                        set_top!(r);
                    }
                    Opcode::STORE_SUBSCR => {
                        let k = pop!();
                        let o = pop!();
                        let v = pop!();
                        if list::is_exact_list(&o) {
                            if let Some(i) = compact_value(&k) {
                                let n = list::len(&o) as i64;
                                let j = if i < 0 { i + n } else { i };
                                if j >= 0 && j < n {
                                    list::set(&o, j as usize, v);
                                    continue;
                                }
                            }
                        }
                        tri!(ab::setitem(&o, &k, Some(&v)));
                    }
                    Opcode::DELETE_SUBSCR => {
                        let k = pop!();
                        let o = pop!();
                        tri!(ab::setitem(&o, &k, None));
                    }
                    Opcode::COMPARE_OP => {
                        let b = pop!();
                        let a = top!();
                        macro_rules! compare {
                            ($x:expr, $y:expr) => {
                                match arg as i32 {
                                    PY_LT => $x < $y,
                                    PY_LE => $x <= $y,
                                    PY_EQ => $x == $y,
                                    PY_NE => $x != $y,
                                    PY_GT => $x > $y,
                                    _ => $x >= $y,
                                }
                            };
                        }
                        let fast = if let (Some(x), Some(y)) = (compact_value(a), compact_value(&b)) {
                            Some(compare!(x, y))
                        } else if float::is_exact_float(a) && float::is_exact_float(&b) {
                            Some(compare!(float::value(a), float::value(&b)))
                        } else {
                            None
                        };
                        if let Some(r) = fast {
                            // Fused with a following conditional jump, as CPython's
                            // COMPARE_OP_*_JUMP: no bool object, one dispatch less.
                            let next = *instrs.add(pc);
                            match next.op {
                                Opcode::POP_JUMP_IF_FALSE => {
                                    drop(pop!());
                                    pc = if r { pc + 1 } else { next.arg as usize };
                                }
                                Opcode::POP_JUMP_IF_TRUE => {
                                    drop(pop!());
                                    pc = if r { next.arg as usize } else { pc + 1 };
                                }
                                _ => set_top!(boolobject::new(r)),
                            }
                            continue;
                        }
                        let r = tri!(ab::rich_compare(a, &b, arg as i32));
                        set_top!(r);
                    }
                    Opcode::IS_OP => {
                        let b = pop!();
                        let a = top!();
                        let r = a.is(&b) != (arg == 1);
                        set_top!(boolobject::new(r));
                    }
                    Opcode::CONTAINS_OP => {
                        let b = pop!();
                        let a = top!();
                        let r = tri!(ab::contains(&b, a)) != (arg == 1);
                        set_top!(boolobject::new(r));
                    }
                    Opcode::BUILD_TUPLE => {
                        let n = arg as usize;
                        let t = tuple::new_uninit(n);
                        for i in 0..n {
                            *tuple::items_ptr(t.as_ptr()).add(i) = *sp.sub(n - i);
                        }
                        sp = sp.sub(n);
                        push!(t);
                    }
                    Opcode::BUILD_LIST => {
                        let n = arg as usize;
                        let items: Vec<PyObj> = (0..n).map(|i| PyObj::from_owned(*sp.sub(n - i))).collect();
                        sp = sp.sub(n);
                        push!(list::new(items));
                    }
                    Opcode::BUILD_SET => {
                        let n = arg as usize;
                        let items: Vec<PyObj> = (0..n).map(|i| PyObj::from_owned(*sp.sub(n - i))).collect();
                        sp = sp.sub(n);
                        let s = tri!(crate::objects::setobject::new_set(&items));
                        push!(s);
                    }
                    Opcode::BUILD_MAP => {
                        let n = arg as usize;
                        let items: Vec<PyObj> = (0..2 * n).map(|i| PyObj::from_owned(*sp.sub(2 * n - i))).collect();
                        sp = sp.sub(2 * n);
                        let d = dict::with_capacity(n);
                        for kv in items.chunks(2) {
                            tri!(dict::set_item(&d, kv[0].clone(), kv[1].clone()));
                        }
                        push!(d);
                    }
                    Opcode::BUILD_CONST_KEY_MAP => {
                        let n = arg as usize;
                        let keys = pop!();
                        let vals: Vec<PyObj> = (0..n).map(|i| PyObj::from_owned(*sp.sub(n - i))).collect();
                        sp = sp.sub(n);
                        let d = dict::with_capacity(n);
                        for (k, v) in tuple::items(&keys).iter().zip(vals) {
                            tri!(dict::set_item(&d, k.clone(), v));
                        }
                        push!(d);
                    }
                    Opcode::BUILD_STRING => {
                        let n = arg as usize;
                        let parts: Vec<PyObj> = (0..n).map(|i| PyObj::from_owned(*sp.sub(n - i))).collect();
                        sp = sp.sub(n);
                        let r = tri!(crate::objects::unicode_methods::join_strs(&parts));
                        push!(r);
                    }
                    Opcode::BUILD_SLICE => {
                        let step = if arg == 3 { pop!() } else { none::none() };
                        let stop = pop!();
                        let start = pop!();
                        push!(crate::objects::slice::new(start, stop, step));
                    }
                    Opcode::LIST_APPEND => {
                        let v = pop!();
                        list::append(peek!(arg as usize), v);
                    }
                    Opcode::SET_ADD => {
                        let v = pop!();
                        tri!(crate::objects::setobject::add(peek!(arg as usize), v));
                    }
                    Opcode::MAP_ADD => {
                        let v = pop!();
                        let k = pop!();
                        tri!(dict::set_item(peek!(arg as usize), k, v));
                    }
                    Opcode::LIST_EXTEND => {
                        let it = pop!();
                        let l = peek!(arg as usize);
                        match ab::iterate(&it) {
                            Ok(items) => {
                                for x in items {
                                    list::append(l, x);
                                }
                            }
                            Err(e) => {
                                if e.matches(exc::PyExc_TypeError) && (*it.ob_type()).tp_iter.is_none()
                                    && !crate::typeobj::lookup_str(it.ob_type(), "__getitem__").is_some()
                                {
                                    break 'inner err::type_error(format!(
                                        "Value after * must be an iterable, not {}",
                                        type_name(it.ob_type())
                                    ));
                                }
                                break 'inner e;
                            }
                        }
                    }
                    Opcode::SET_UPDATE => {
                        let it = pop!();
                        tri!(crate::objects::setobject::update(peek!(arg as usize), &it));
                    }
                    Opcode::DICT_UPDATE => {
                        let upd = pop!();
                        let d = peek!(arg as usize);
                        if let Err(e) = crate::objects::dict_methods::update_from(d, &upd) {
                            if e.matches(exc::PyExc_AttributeError) {
                                break 'inner err::type_error(format!(
                                    "'{}' object is not a mapping",
                                    type_name(upd.ob_type())
                                ));
                            }
                            break 'inner e;
                        }
                    }
                    Opcode::DICT_MERGE => {
                        let upd = pop!();
                        let d = peek!(arg as usize).clone();
                        let funcname = || -> String {
                            let fo = peek!(arg as usize + 2);
                            crate::objects::funcname_for_errors(fo)
                        };
                        if !crate::abstract_::has_mapping_keys(&upd) {
                            break 'inner err::type_error(format!(
                                "{} argument after ** must be a mapping, not {}",
                                funcname(),
                                type_name(upd.ob_type())
                            ));
                        }
                        let keys = tri!(crate::objects::dict_methods::mapping_keys(&upd));
                        for k in keys {
                            if tri!(dict::contains(&d, &k)) {
                                let e = if unicode::is_str(&k) {
                                    err::type_error(format!(
                                        "{} got multiple values for keyword argument '{}'",
                                        funcname(),
                                        unicode::to_string_lossy(&k)
                                    ))
                                } else {
                                    err::type_error(format!("{} keywords must be strings", funcname()))
                                };
                                break 'inner e;
                            }
                            let v = tri!(ab::getitem(&upd, &k));
                            tri!(dict::set_item(&d, k, v));
                        }
                    }
                    Opcode::LIST_TO_TUPLE => {
                        let l = pop!();
                        push!(tuple::from_slice(list::items(&l)));
                    }
                    Opcode::UNPACK_SEQUENCE => {
                        let seq = pop!();
                        let n = arg as usize;
                        if tuple::is_exact_tuple(&seq) && tuple::len(&seq) == n {
                            // Pushed straight from the tuple, last item first.
                            for v in tuple::items(&seq).iter().rev() {
                                push!(v.clone());
                            }
                            continue;
                        }
                        let items: Vec<PyObj> = if list::is_exact_list(&seq) && list::len(&seq) == n {
                            list::to_vec(&seq)
                        } else {
                            tri!(unpack_iterable(&seq, n, None))
                        };
                        for v in items.into_iter().rev() {
                            push!(v);
                        }
                    }
                    Opcode::UNPACK_EX => {
                        let seq = pop!();
                        let before = (arg & 0xFF) as usize;
                        let after = (arg >> 8) as usize;
                        let items = tri!(unpack_iterable(&seq, before, Some(after)));
                        for v in items.into_iter().rev() {
                            push!(v);
                        }
                    }
                    Opcode::FORMAT_VALUE => {
                        let spec = if arg & 4 != 0 { Some(pop!()) } else { None };
                        let v = pop!();
                        let v = match arg & 3 {
                            1 => tri!(ab::str(&v)),
                            2 => tri!(ab::repr(&v)),
                            3 => tri!(crate::objects::unicode_methods::ascii(&v)),
                            _ => v,
                        };
                        let r = match spec {
                            None if unicode::is_exact_str(&v) => v,
                            None => tri!(ab::format(&v, &unicode::empty())),
                            Some(s) => tri!(ab::format(&v, &s)),
                        };
                        push!(r);
                    }
                    Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                        pc = arg as usize;
                    }
                    Opcode::JUMP_BACKWARD => {
                        pc = arg as usize;
                        tri!(crate::signals::check());
                    }
                    Opcode::POP_JUMP_IF_FALSE => {
                        let v = pop!();
                        let t = if v.as_ptr() == boolobject::false_ptr() {
                            false
                        } else if v.as_ptr() == boolobject::true_ptr() {
                            true
                        } else {
                            tri!(ab::is_true(&v))
                        };
                        if !t {
                            pc = arg as usize;
                        }
                    }
                    Opcode::POP_JUMP_IF_TRUE => {
                        let v = pop!();
                        let t = if v.as_ptr() == boolobject::true_ptr() {
                            true
                        } else if v.as_ptr() == boolobject::false_ptr() {
                            false
                        } else {
                            tri!(ab::is_true(&v))
                        };
                        if t {
                            pc = arg as usize;
                        }
                    }
                    Opcode::POP_JUMP_IF_NONE => {
                        let v = pop!();
                        if none::is_none(&v) {
                            pc = arg as usize;
                        }
                    }
                    Opcode::POP_JUMP_IF_NOT_NONE => {
                        let v = pop!();
                        if !none::is_none(&v) {
                            pc = arg as usize;
                        }
                    }
                    Opcode::JUMP_IF_FALSE_OR_POP => {
                        let t = tri!(ab::is_true(top!()));
                        if !t {
                            pc = arg as usize;
                        } else {
                            drop(pop!());
                        }
                    }
                    Opcode::JUMP_IF_TRUE_OR_POP => {
                        let t = tri!(ab::is_true(top!()));
                        if t {
                            pc = arg as usize;
                        } else {
                            drop(pop!());
                        }
                    }
                    Opcode::GET_ITER => {
                        let it = tri!(ab::get_iter(top!()));
                        set_top!(it);
                    }
                    Opcode::FOR_ITER => {
                        let it = top!();
                        let tp = it.ob_type();
                        // range and list iterators step inline (no slot call).
                        if tp == &raw mut crate::objects::rangeobject::PyRangeIter_Type {
                            let r = it.as_ptr() as *mut crate::objects::rangeobject::RangeIterObject;
                            if (*r).len > 0 {
                                let v = (*r).start;
                                (*r).start = v.wrapping_add((*r).step);
                                (*r).len -= 1;
                                push!(long::from_i64(v));
                            } else {
                                drop(pop!());
                                pc = arg as usize;
                            }
                            continue;
                        }
                        if tp == &raw mut crate::objects::list_methods::PyListIter_Type {
                            let li = it.as_ptr() as *mut crate::objects::list_methods::ListIterObject;
                            if !(*li).seq.is_null() {
                                let l = PyObj::borrow(&(*li).seq);
                                let i = (*li).index;
                                if i >= 0 && (i as usize) < list::len(l) {
                                    (*li).index = i + 1;
                                    push!(list::get(l, i as usize));
                                    continue;
                                }
                            }
                        }
                        if crate::objects::genobject::can_resume_inline(it.as_ptr()) {
                            // Run the generator's frame in this loop; its YIELD_VALUE
                            // comes back here with the value, its return jumps past
                            // the loop (see leave_gen_frame).
                            tri!(super::enter_recursive_call(""));
                            let gf = crate::objects::genobject::begin_inline_resume(it.as_ptr());
                            (*f).stacktop = sp.offset_from(ctx.stack_base) as i32;
                            crate::objref::incref(f as *mut PyObject);
                            let old_back = std::mem::replace(&mut (*gf).f_back, f as *mut PyObject);
                            crate::objref::xdecref(old_back);
                            let resumed = (*gf).state == FRAME_SUSPENDED;
                            (*gf).state = FRAME_EXECUTING;
                            super::tstate().frame = gf;
                            f = gf;
                            ctx.depth += 1;
                            load_frame!();
                            if resumed {
                                sp = ctx.stack_base.add((*f).stacktop as usize);
                                pc = ((*f).lasti + 1) as usize;
                            } else {
                                sp = ctx.stack_base;
                                pc = 0;
                            }
                            (*f).stacktop = 0;
                            continue;
                        }
                        let next = match (*tp).tp_iternext {
                            Some(n) => n,
                            None => break 'inner err::type_error(format!(
                                "'{}' object is not an iterator",
                                type_name(tp)
                            )),
                        };
                        let r = next(it.as_ptr());
                        if !r.is_null() {
                            *sp = r;
                            sp = sp.add(1);
                        } else {
                            if let Some(e) = err::take() {
                                if !e.matches(exc::PyExc_StopIteration) {
                                    break 'inner e;
                                }
                            }
                            drop(pop!());
                            pc = arg as usize;
                        }
                    }
                    Opcode::RETURN_VALUE => {
                        let v = pop!();
                        debug_assert!(sp == ctx.stack_base);
                        if ctx.depth == 0 {
                            return Ok(v);
                        }
                        if !(*f).gen.is_null() {
                            // A generator resumed by FOR_ITER finished: the loop ends
                            // (the return value would only be StopIteration's).
                            leave_gen_frame!(false);
                            drop(v);
                            drop(pop!());
                            pc = (*instrs.add((*f).lasti as usize)).arg as usize;
                            continue;
                        }
                        let is_init = (*f).is_init != 0;
                        pop_inline_frame!();
                        if is_init {
                            // The instance is already on the stack (see CALL).
                            if !none::is_none(&v) {
                                break 'inner err::type_error(format!(
                                    "__init__() should return None, not '{}'",
                                    type_name(v.ob_type())
                                ));
                            }
                        } else {
                            push!(v);
                        }
                    }
                    Opcode::KW_NAMES => {
                        kwnames = Some(ctx.consts[arg as usize].clone());
                    }
                    Opcode::CALL | Opcode::CALL__POP_TOP => {
                        let n = arg as usize;
                        // A C call's checked result: pushed, or dropped with
                        // the POP_TOP of CALL__POP_TOP skipped.
                        macro_rules! c_call_result {
                            ($r:expr) => {{
                                let r = $r;
                                if ins.op == Opcode::CALL__POP_TOP {
                                    decref(r);
                                    pc += 1;
                                } else {
                                    *sp = r;
                                    sp = sp.add(1);
                                }
                                continue 'dispatch;
                            }};
                        }
                        'direct: {
                            // `f()`, `f(x)`, `f(a, b, ...)` and `f(a, k=b)` on a builtin
                            // function whose convention is METH_NOARGS, METH_O,
                            // METH_FASTCALL or METH_FASTCALL|METH_KEYWORDS, inline
                            // (CPython 3.11's PRECALL_NO_KW_BUILTIN_O, _FAST and
                            // PRECALL_BUILTIN_FAST_WITH_KEYWORDS).
                            use crate::object::meth;
                            use crate::objects::methodobject as mo;
                            // The other cases are marked cold so that LLVM lays
                            // this path out straight, without taken jumps.
                            if !(*sp.sub(n + 2)).is_null() {
                                std::hint::cold_path();
                                break 'direct;
                            }
                            let c = *sp.sub(n + 1);
                            if (*c).ob_type != mo::cfunction_type() {
                                std::hint::cold_path();
                                break 'direct;
                            }
                            let cfo = c as *mut mo::PyCFunctionObject;
                            let ml = (*cfo).m_ml;
                            let Some(cf) = (*ml).ml_meth else {
                                std::hint::cold_path();
                                break 'direct;
                            };
                            let flags = (*ml).ml_flags & !meth::COEXIST;
                            // One straight path per convention: the call, then the
                            // arguments released (the callable stays alive until the
                            // result is checked, for the error message).
                            macro_rules! direct_call {
                                ($call:expr) => {{
                                    tri!(super::enter_depth_in(super::running_tstate(), " while calling a Python object"));
                                    let r = $call;
                                    super::leave_recursive_call_in(super::running_tstate());
                                    r
                                }};
                            }
                            macro_rules! release_args {
                                () => {{
                                    if n == 2 {
                                        // The commonest count, without the loop.
                                        decref(*sp.sub(2));
                                        decref(*sp.sub(1));
                                    } else {
                                        let mut p = sp.sub(n);
                                        while p < sp {
                                            decref(*p);
                                            p = p.add(1);
                                        }
                                    }
                                }};
                            }
                            let r = if kwnames.is_none() {
                                if flags == meth::O && n == 1 {
                                    let r = direct_call!(cf((*cfo).m_self, *sp.sub(1)));
                                    decref(*sp.sub(1));
                                    r
                                } else if flags == meth::NOARGS && n == 0 {
                                    direct_call!(cf((*cfo).m_self, std::ptr::null_mut()))
                                } else if flags == meth::FASTCALL {
                                    let ff: mo::FastFn = std::mem::transmute(cf);
                                    let r = direct_call!(ff((*cfo).m_self, sp.sub(n), n as isize));
                                    release_args!();
                                    r
                                } else if flags == meth::FASTCALL | meth::KEYWORDS {
                                    let ff: mo::FastKwFn = std::mem::transmute(cf);
                                    let r = direct_call!(ff((*cfo).m_self, sp.sub(n), n as isize, std::ptr::null_mut()));
                                    release_args!();
                                    r
                                } else {
                                    std::hint::cold_path();
                                    break 'direct;
                                }
                            } else if flags == meth::FASTCALL | meth::KEYWORDS {
                                // Taken now: an error below must not leave it for the next CALL.
                                let kw = kwnames.take().unwrap_unchecked();
                                let nk = tuple::len(&kw);
                                let ff: mo::FastKwFn = std::mem::transmute(cf);
                                let r = direct_call!(ff((*cfo).m_self, sp.sub(n), (n - nk) as isize, kw.as_ptr()));
                                drop(kw);
                                release_args!();
                                r
                            } else {
                                std::hint::cold_path();
                                break 'direct;
                            };
                            sp = sp.sub(n + 2);
                            // Two tests, not `||`: LLVM folds that into flag
                            // arithmetic and a taken jump on the common path.
                            macro_rules! checked_push {
                                () => {{
                                    std::hint::cold_path();
                                    let checked = mo::checked_result((*cfo).m_ml, r);
                                    decref(c);
                                    push!(tri!(checked));
                                    continue 'dispatch;
                                }};
                            }
                            if r.is_null() {
                                checked_push!();
                            }
                            if err::occurred() {
                                checked_push!();
                            }
                            decref(c);
                            c_call_result!(r);
                        }
                        let ctp = (*(if (*sp.sub(n + 2)).is_null() { *sp.sub(n + 1) } else { *sp.sub(n + 2) })).ob_type;
                        if ctp == crate::objects::methodobject::cfunction_type()
                            || ctp == &raw mut crate::objects::descr::PyMethodDescr_Type
                        {
                            // Built-in functions and method descriptors go
                            // straight to their C function.
                            let kwp = kwnames.as_ref().map_or(std::ptr::null_mut(), |k| k.as_ptr());
                            let r = crate::objects::methodobject::call_on_stack(sp, n, kwp);
                            if r != crate::objects::methodobject::NOT_DIRECT {
                                sp = sp.sub(n + 2);
                                kwnames = None;
                                if r.is_null() {
                                    break 'inner err::fetch();
                                }
                                c_call_result!(r);
                            }
                        }
                        let kw = kwnames.take();
                        let mut below = *sp.sub(n + 2);
                        if below.is_null() {
                            // A bound method in the callable slot: call its function
                            // with `self` in the free slot below, allocating nothing.
                            let c = *sp.sub(n + 1);
                            if (*c).ob_type == crate::objects::classobject::method_type() {
                                let m = PyObj::borrow(&c);
                                let func = crate::objects::classobject::func(m).clone();
                                let slf = crate::objects::classobject::self_(m).clone();
                                *sp.sub(n + 2) = func.into_ptr();
                                *sp.sub(n + 1) = slf.into_ptr();
                                decref(c);
                                below = *sp.sub(n + 2);
                            }
                        }
                        let (callable, args_start, nargs) = if below.is_null() {
                            (*sp.sub(n + 1), sp.sub(n), n)
                        } else {
                            (below, sp.sub(n + 1), n + 1)
                        };
                        if kw.is_none() && (*callable).ob_type == function::function_type() {
                            // A plain function called with exactly its positional
                            // parameters: the arguments' stack references move into
                            // the new frame's locals and the callable's into the
                            // frame (CPython 3.11 moves them the same way).
                            let fo = callable as *mut function::PyFunctionObject;
                            let fcd = code::data(PyObj::borrow(&(*fo).func_code));
                            let argcount = fcd.argcount as usize;
                            let defaults = (*fo).func_defaults;
                            let ndefaults = if defaults.is_null() { 0 } else { tuple::len(PyObj::borrow(&defaults)) };
                            if nargs <= argcount && nargs + ndefaults >= argcount && fcd.kwonlyargcount == 0 && fcd.flags & SIMPLE_CALL_EXCLUDED == 0 {
                                let nf = frame::new_for_call(callable, fcd);
                                let lp_new = frame::localsplus(nf);
                                // A loop, not copy_nonoverlapping: a memcpy call
                                // costs more than moving the few references.
                                for i in 0..nargs {
                                    *lp_new.add(i) = *args_start.add(i);
                                }
                                if nargs < argcount {
                                    let d = tuple::items_ptr(defaults);
                                    for i in nargs..argcount {
                                        let v = *d.add(ndefaults - (argcount - i));
                                        crate::objref::incref(v);
                                        *lp_new.add(i) = v;
                                    }
                                }
                                sp = sp.sub(n + 2);
                                enter_frame!(nf);
                                continue;
                            }
                        }
                        let c = PyObj::borrow(&callable);
                        let args = PyObj::slice(args_start, nargs);
                        // Pop args, callable and the NULL/self slot.
                        macro_rules! pop_call {
                            () => {{
                                let end = sp;
                                sp = sp.sub(n + 2);
                                let mut p = sp;
                                while p < end {
                                    crate::objref::xdecref(*p);
                                    p = p.add(1);
                                }
                            }};
                        }
                        if below.is_null() && crate::typeobj::is_type(PyObj::borrow(&callable)) {
                            if let Some(init) = crate::typeobj::inline_init_target(callable as *mut PyTypeObject) {
                                // Instantiating a Python class: the new instance
                                // takes the type's place as __init__'s first
                                // argument, and waits on this stack as the result
                                // while __init__ runs inline.
                                let obj = crate::typeobj::alloc_instance(callable as *mut PyTypeObject);
                                if obj.is_null() {
                                    break 'inner err::fetch();
                                }
                                let ty = std::mem::replace(&mut *sp.sub(n + 1), obj);
                                decref(ty);
                                let prepared = super::call::prepare_inline_frame(&init, PyObj::slice(sp.sub(n + 1), n + 1), kw.as_ref());
                                let result = PyObj::from_borrowed(obj);
                                pop_call!();
                                push!(result);
                                let nf = match prepared {
                                    Some(p) => tri!(p),
                                    None => break 'inner err::system_error("__init__ became a generator"),
                                };
                                (*nf).is_init = 1;
                                enter_frame!(nf);
                                continue;
                            }
                        }
                        if function::is_function(c) {
                            if let Some(prepared) = super::call::prepare_inline_frame(c, args, kw.as_ref()) {
                                pop_call!();
                                let nf = tri!(prepared);
                                enter_frame!(nf);
                                continue;
                            }
                        }
                        let r = ab::call(c, args, kw.as_ref());
                        pop_call!();
                        push!(tri!(r));
                    }
                    Opcode::CALL_FUNCTION_EX => {
                        let kwargs = if arg & 1 != 0 { Some(pop!()) } else { None };
                        let args = pop!();
                        let callable = pop!();
                        let null = *sp.sub(1);
                        sp = sp.sub(1);
                        crate::objref::xdecref(null);
                        let args = if tuple::is_exact_tuple(&args) {
                            args
                        } else {
                            match ab::iterate(&args) {
                                Ok(v) => tuple::new(v),
                                Err(e) => {
                                    if e.matches(exc::PyExc_TypeError) && (*args.ob_type()).tp_iter.is_none() {
                                        break 'inner err::type_error(format!(
                                            "{} argument after * must be an iterable, not {}",
                                            crate::objects::funcname_for_errors(&callable),
                                            type_name(args.ob_type())
                                        ));
                                    }
                                    break 'inner e;
                                }
                            }
                        };
                        let kwargs = match kwargs {
                            Some(k) if !dict::is_exact_dict(&k) => {
                                let d = dict::new();
                                tri!(crate::objects::dict_methods::update_from(&d, &k));
                                Some(d)
                            }
                            k => k,
                        };
                        let r = tri!(ab::call_tuple_dict(&callable, &args, kwargs.as_ref()));
                        push!(r);
                    }
                    Opcode::MAKE_FUNCTION => {
                        let codev = pop!();
                        let closure = if arg & 8 != 0 { Some(pop!()) } else { None };
                        let ann = if arg & 4 != 0 { Some(pop!()) } else { None };
                        let kwd = if arg & 2 != 0 { Some(pop!()) } else { None };
                        let defs = if arg & 1 != 0 { Some(pop!()) } else { None };
                        let func = function::new(codev, ctx.globals.clone(), None);
                        let fo = function::raw(&func);
                        function::set_field(&raw mut (*fo).func_closure, closure);
                        function::set_field(&raw mut (*fo).func_annotations, ann);
                        function::set_field(&raw mut (*fo).func_kwdefaults, kwd);
                        function::set_field(&raw mut (*fo).func_defaults, defs);
                        push!(func);
                    }
                    Opcode::LOAD_BUILD_CLASS => {
                        let bc = if dict::is_exact_dict(ctx.builtins) {
                            dict::get_item_rs(ctx.builtins, "__build_class__")
                        } else {
                            tri!(ab::getitem(ctx.builtins, &unicode::intern("__build_class__")).map(Some))
                        };
                        match bc {
                            Some(b) => push!(b),
                            None => break 'inner err::name_error("__build_class__ not found"),
                        }
                    }
                    Opcode::IMPORT_NAME => {
                        let fromlist = pop!();
                        let level = pop!();
                        let m = tri!(crate::import::import_name(&ctx.names[arg as usize], ctx.globals, &fromlist, &level, f));
                        push!(m);
                    }
                    Opcode::IMPORT_FROM => {
                        let v = tri!(crate::import::import_from(top!(), &ctx.names[arg as usize]));
                        push!(v);
                    }
                    Opcode::IMPORT_STAR => {
                        let m = pop!();
                        let locals = (*f).locals;
                        if locals.is_null() {
                            break 'inner err::system_error("no locals found during 'import *'");
                        }
                        tri!(crate::import::import_star(&m, PyObj::borrow(&locals)));
                    }
                    Opcode::RAISE_VARARGS => {
                        let cause = if arg >= 2 { Some(pop!()) } else { None };
                        let e = if arg >= 1 { Some(pop!()) } else { None };
                        let is_reraise = e.is_none();
                        let x = do_raise(e, cause);
                        if is_reraise && exc::is_exception_instance(x.value()) && super::handled_exception().map(|h| h.is(x.value())).unwrap_or(false) {
                            // Bare `raise`: re-raise as is (traceback continues).
                            pending = Some(x);
                            break;
                        }
                        break 'inner x;
                    }
                    Opcode::RERAISE => {
                        let v = pop!();
                        if arg != 0 {
                            let l = peek!(arg as usize);
                            if let Some(i) = long::as_i64(l) {
                                (*f).lasti = i as i32;
                            }
                        }
                        // Re-raising does not add a traceback entry.
                        pending = Some(PyErr(v));
                        break;
                    }
                    Opcode::PUSH_EXC_INFO => {
                        let v = pop!();
                        let ts = super::tstate();
                        let slot = ts.exc_stack.last_mut().unwrap();
                        let prev = std::mem::replace(slot, Some(v.clone()));
                        push!(prev.unwrap_or_else(none::none));
                        push!(v);
                    }
                    Opcode::POP_EXCEPT => {
                        let v = pop!();
                        let ts = super::tstate();
                        *ts.exc_stack.last_mut().unwrap() = if none::is_none(&v) { None } else { Some(v) };
                    }
                    Opcode::CHECK_EXC_MATCH => {
                        let t = pop!();
                        let e = top!();
                        tri!(check_except_type_valid(&t));
                        let r = tri!(exception_matches(e, &t));
                        push!(boolobject::new(r));
                    }
                    Opcode::CHECK_EG_MATCH => {
                        let t = pop!();
                        let e = pop!();
                        tri!(check_except_star_type_valid(&t));
                        let (rest, matched) = tri!(crate::objects::exceptiongroup::split_for_except_star(&e, &t));
                        match matched {
                            None => {
                                push!(e);
                                push!(none::none());
                            }
                            Some(m) => {
                                push!(rest);
                                // The matched group becomes the handled exception.
                                let ts = super::tstate();
                                *ts.exc_stack.last_mut().unwrap() = Some(m.clone());
                                push!(m);
                            }
                        }
                    }
                    Opcode::PREP_RERAISE_STAR => {
                        let excs = pop!();
                        let orig = pop!();
                        let r = tri!(crate::objects::exceptiongroup::prep_reraise_star(&orig, &excs));
                        push!(r);
                    }
                    Opcode::LOAD_ASSERTION_ERROR => {
                        push!(PyObj::from_borrowed(exc::PyExc_AssertionError as *mut PyObject));
                    }
                    Opcode::BEFORE_WITH => {
                        let mgr = pop!();
                        let enter = tri!(lookup_special(&mgr, "__enter__"));
                        let Some(enter) = enter else {
                            break 'inner err::type_error(format!(
                                "'{}' object does not support the context manager protocol",
                                type_name(mgr.ob_type())
                            ));
                        };
                        let exit = tri!(lookup_special(&mgr, "__exit__"));
                        let Some(exit) = exit else {
                            break 'inner err::type_error(format!(
                                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                                type_name(mgr.ob_type())
                            ));
                        };
                        push!(exit);
                        let r = tri!(ab::call0(&enter));
                        push!(r);
                    }
                    Opcode::BEFORE_ASYNC_WITH => {
                        let mgr = pop!();
                        let enter = tri!(lookup_special(&mgr, "__aenter__"));
                        let Some(enter) = enter else {
                            break 'inner err::type_error(format!(
                                "'{}' object does not support the asynchronous context manager protocol",
                                type_name(mgr.ob_type())
                            ));
                        };
                        let exit = tri!(lookup_special(&mgr, "__aexit__"));
                        let Some(exit) = exit else {
                            break 'inner err::type_error(format!(
                                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                                type_name(mgr.ob_type())
                            ));
                        };
                        push!(exit);
                        let r = tri!(ab::call0(&enter));
                        push!(r);
                    }
                    Opcode::WITH_EXCEPT_START => {
                        // Stack: exit, lasti, prev_exc, exc.
                        let val = top!().clone();
                        let exit = peek!(4).clone();
                        let tb = exc::traceback(&val).unwrap_or_else(none::none);
                        let r = tri!(ab::call(&exit, &[val.type_obj(), val.clone(), tb], None));
                        push!(r);
                    }
                    Opcode::YIELD_VALUE => {
                        let v = pop!();
                        (*f).stacktop = sp.offset_from(ctx.stack_base) as i32;
                        (*f).state = FRAME_SUSPENDED;
                        if ctx.depth == 0 {
                            return Ok(v);
                        }
                        // Only generator frames resumed by FOR_ITER yield inline.
                        leave_gen_frame!(true);
                        push!(v);
                    }
                    Opcode::ASYNC_GEN_WRAP => {
                        let v = pop!();
                        push!(crate::objects::genobject::async_gen_wrap(v));
                    }
                    Opcode::GET_YIELD_FROM_ITER => {
                        let o = top!();
                        if crate::objects::genobject::is_coroutine(o) {
                            let fo = (*f).code;
                            let flags = code::data(PyObj::borrow(&fo)).flags;
                            if flags & (crate::bytecode::co_flags::COROUTINE | crate::bytecode::co_flags::ITERABLE_COROUTINE) == 0 {
                                break 'inner err::type_error(
                                    "cannot 'yield from' a coroutine object in a non-coroutine generator",
                                );
                            }
                        } else if !crate::objects::genobject::is_generator(o) {
                            let it = tri!(ab::get_iter(o));
                            set_top!(it);
                        }
                    }
                    Opcode::SEND => {
                        let v = pop!();
                        let recv = top!().clone();
                        match crate::objects::genobject::send_to(&recv, &v) {
                            Ok(crate::objects::genobject::SendResult::Yield(y)) => push!(y),
                            Ok(crate::objects::genobject::SendResult::Return(r)) => {
                                set_top!(r);
                                pc = arg as usize;
                            }
                            Err(e) => break 'inner e,
                        }
                    }
                    Opcode::GET_AWAITABLE => {
                        let o = top!();
                        let r = match crate::objects::genobject::get_awaitable_iter(o) {
                            Ok(r) => r,
                            Err(e) => {
                                if e.matches(exc::PyExc_TypeError) && arg != 0 {
                                    let what = if arg == 1 { "__aenter__" } else { "__aexit__" };
                                    break 'inner err::type_error(format!(
                                        "'async with' received an object from {} that does not implement __await__: {}",
                                        what,
                                        type_name(o.ob_type())
                                    ));
                                }
                                break 'inner e;
                            }
                        };
                        if crate::objects::genobject::is_coroutine(&r) && crate::objects::genobject::coro_is_awaiting(&r) {
                            break 'inner err::runtime_error("coroutine is being awaited already");
                        }
                        set_top!(r);
                    }
                    Opcode::GET_AITER => {
                        let o = top!();
                        let r = tri!(crate::objects::genobject::get_aiter(o));
                        set_top!(r);
                    }
                    Opcode::GET_ANEXT => {
                        let o = top!();
                        let r = tri!(crate::objects::genobject::get_anext_awaitable(o));
                        push!(r);
                    }
                    Opcode::END_ASYNC_FOR => {
                        let e = pop!();
                        if exc::is_exception_instance(&e) && crate::typeobj::is_subtype(e.ob_type(), exc::PyExc_StopAsyncIteration) {
                            drop(pop!());
                        } else {
                            pending = Some(PyErr(e));
                            break;
                        }
                    }
                    Opcode::SETUP_ANNOTATIONS => {
                        let l = PyObj::borrow(&(*f).locals);
                        let has = if dict::is_exact_dict(l) {
                            dict::get_item_rs(l, "__annotations__").is_some()
                        } else {
                            match ab::getitem(l, &unicode::intern("__annotations__")) {
                                Ok(_) => true,
                                Err(e) if e.matches(exc::PyExc_KeyError) => false,
                                Err(e) => break 'inner e,
                            }
                        };
                        if !has {
                            tri!(ab::setitem(l, &unicode::intern("__annotations__"), Some(&dict::new())));
                        }
                    }
                    Opcode::PRINT_EXPR => {
                        let v = pop!();
                        tri!(crate::sysmodule::displayhook(&v));
                    }
                    Opcode::GET_LEN => {
                        let n = tri!(ab::len(top!()));
                        push!(long::from_usize(n));
                    }
                    Opcode::MATCH_MAPPING => {
                        let r = (*top!().ob_type()).tp_flags & flags::MAPPING != 0;
                        push!(boolobject::new(r));
                    }
                    Opcode::MATCH_SEQUENCE => {
                        let r = (*top!().ob_type()).tp_flags & flags::SEQUENCE != 0;
                        push!(boolobject::new(r));
                    }
                    Opcode::MATCH_KEYS => {
                        let keys = top!().clone();
                        let subject = peek!(2).clone();
                        let r = tri!(crate::interp::matching::match_keys(&subject, &keys));
                        push!(r);
                    }
                    Opcode::MATCH_CLASS => {
                        let names_t = pop!();
                        let cls = pop!();
                        let subject = top!().clone();
                        let r = tri!(crate::interp::matching::match_class(&subject, &cls, arg as usize, &names_t));
                        set_top!(r);
                    }
                    Opcode::SETUP_FINALLY | Opcode::SETUP_CLEANUP | Opcode::SETUP_WITH | Opcode::POP_BLOCK => {
                        break 'inner err::system_error("pseudo-instruction reached the VM");
                    }
                }
            }
            // `pending` set by a re-raise: handled below without a new traceback
            // entry, unwinding from the re-raising instruction itself (RERAISE
            // may have restored f_lasti for the traceback's line only).
            reraised = true;
            break 'inner pending.take().unwrap();
        };
        let mut error = error;
        let mut at = if reraised {
            (pc - 1) as u32
        } else {
            // A new exception raised in this frame.
            chain_context(&error);
            add_traceback(&error, f);
            (*f).lasti as u32
        };
        loop {
            let (r, nsp) = unwind(ctx.cd, sp, ctx.stack_base, error, at);
            sp = nsp;
            match r {
                Ok(target) => {
                    pc = target;
                    continue 'outer;
                }
                Err(e) if ctx.depth == 0 => return Err(e),
                Err(e) => {
                    // Escaped an inlined callee: raised in its caller by the
                    // CALL (or the FOR_ITER that resumed a generator).
                    error = if (*f).gen.is_null() {
                        pop_inline_frame!();
                        e
                    } else {
                        let gen = PyObj::from_borrowed((*f).gen);
                        leave_gen_frame!(false);
                        crate::objects::genobject::escaping_error(&gen, e)
                    };
                    chain_context(&error);
                    add_traceback(&error, f);
                    at = (*f).lasti as u32;
                }
            }
        }
    }
}

/// Finds the handler for the exception at the frame's current instruction:
/// unwinds the value stack to the handler's depth, pushes lasti (when asked)
/// and the exception, and returns the handler's index; or clears the stack
/// and returns the exception when no handler covers the instruction.
#[inline(never)]
unsafe fn unwind(
    cd: &code::CodeData,
    mut sp: *mut *mut PyObject,
    stack_base: *mut *mut PyObject,
    e: PyErr,
    at: u32,
) -> (Result<usize, PyErr>, *mut *mut PyObject) {
    let lasti = at;
    let entry = cd.exception_table.iter().find(|x| x.start <= lasti && lasti < x.end);
    match entry {
        Some(h) => {
            let target_sp = stack_base.add(h.depth as usize);
            while sp > target_sp {
                sp = sp.sub(1);
                crate::objref::xdecref(*sp);
            }
            if h.lasti {
                *sp = long::from_i64(lasti as i64).into_ptr();
                sp = sp.add(1);
            }
            *sp = e.0.into_ptr();
            sp = sp.add(1);
            (Ok(h.target as usize), sp)
        }
        None => {
            while sp > stack_base {
                sp = sp.sub(1);
                crate::objref::xdecref(*sp);
            }
            (Err(e), sp)
        }
    }
}

/// Unpacks an iterable into exactly `before` values, or with a star target
/// into `before`, a list, and `after` values.
fn unpack_iterable(seq: &PyObj, before: usize, after: Option<usize>) -> PyResult<Vec<PyObj>> {
    let it = ab::get_iter(seq).map_err(|e| {
        if e.matches(unsafe { exc::PyExc_TypeError }) && unsafe { (*seq.ob_type()).tp_iter.is_none() } {
            err::type_error(format!("cannot unpack non-iterable {} object", type_name(seq.ob_type())))
        } else {
            e
        }
    })?;
    let mut out = Vec::with_capacity(before + after.unwrap_or(0) + 1);
    for i in 0..before {
        match ab::next(&it)? {
            Some(v) => out.push(v),
            None => {
                return Err(err::value_error(match after {
                    None => format!("not enough values to unpack (expected {}, got {})", before, i),
                    Some(a) => format!("not enough values to unpack (expected at least {}, got {})", before + a, i),
                }))
            }
        }
    }
    match after {
        None => {
            if ab::next(&it)?.is_some() {
                let extra = format!(" (expected {})", before);
                return Err(err::value_error(format!("too many values to unpack{}", extra)));
            }
        }
        Some(a) => {
            let mut rest = Vec::new();
            while let Some(v) = ab::next(&it)? {
                rest.push(v);
            }
            if rest.len() < a {
                return Err(err::value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + a,
                    before + rest.len()
                )));
            }
            let tail = rest.split_off(rest.len() - a);
            out.push(list::new(rest));
            out.extend(tail);
        }
    }
    Ok(out)
}

fn check_except_type_valid(t: &PyObj) -> PyResult<()> {
    let ok = |x: &PyObj| crate::typeobj::is_type(x) && exc::is_exception_type(unsafe { crate::typeobj::as_type(x) });
    if tuple::is_tuple(t) {
        for x in tuple::items(t) {
            if !ok(x) {
                return Err(err::type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
    } else if !ok(t) {
        return Err(err::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        ));
    }
    Ok(())
}

fn check_except_star_type_valid(t: &PyObj) -> PyResult<()> {
    check_except_type_valid(t)?;
    let is_eg = |x: &PyObj| unsafe {
        crate::typeobj::is_type(x) && crate::typeobj::is_subtype(crate::typeobj::as_type(x), exc::PyExc_BaseExceptionGroup)
    };
    let bad = if tuple::is_tuple(t) { tuple::items(t).iter().any(is_eg) } else { is_eg(t) };
    if bad {
        return Err(err::type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    Ok(())
}

/// `isinstance(e, t)` for exception matching (t a class or tuple of classes).
pub fn exception_matches(e: &PyObj, t: &PyObj) -> PyResult<bool> {
    unsafe {
        if tuple::is_tuple(t) {
            for x in tuple::items(t) {
                if crate::typeobj::is_subtype(e.ob_type(), crate::typeobj::as_type(x)) {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        Ok(crate::typeobj::is_subtype(e.ob_type(), crate::typeobj::as_type(t)))
    }
}
