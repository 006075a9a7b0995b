//! The interpreter: thread state (current frame, recursion depth, handled
//! exceptions), the interpreter-wide state (modules, builtins), and the entry
//! points that run code. The dispatch loop is in `eval.rs`, argument binding
//! and calls in `call.rs`, traceback printing in `traceback_print.rs`.

pub mod attr_cache;
pub mod call;
pub mod matching;
pub mod eval;
pub mod traceback_print;

pub use call::{build_class, call_function, run_code};

use crate::err::{self, PyErr, PyResult};
use crate::objects::frame::PyFrameObject;
use crate::objects::{dict, none, unicode};
use crate::objref::PyObj;
use std::cell::UnsafeCell;


pub const DEFAULT_RECURSION_LIMIT: u32 = 1000;

pub struct ThreadState {
    /// The innermost executing frame (borrowed; frames link back via f_back).
    pub frame: *mut PyFrameObject,
    /// Calls left before RecursionError: the limit minus the depth, as
    /// CPython 3.11's `recursion_remaining`. Guarding a call is then one
    /// decrement and a sign test, and leaving it one increment.
    pub recursion_remaining: i32,
    pub recursion_limit: u32,
    /// Handled-exception slots: functions share their caller's; each running
    /// generator pushes its own. `sys.exc_info()` reads the topmost non-None.
    pub exc_stack: Vec<Option<PyObj>>,
    /// Lowest usable stack address (with a safety margin) for this thread.
    pub stack_limit: usize,
    /// Nonzero while a RecursionError is being made: calls made for it get
    /// 50 past the limit (CPython 3.11's `recursion_headroom`).
    pub recursion_headroom: u32,
    /// `sys.set_asyncgen_hooks`: called on an async generator's first use,
    /// and (remembered by the generator) when it is collected unfinished.
    pub asyncgen_firstiter: Option<PyObj>,
    pub asyncgen_finalizer: Option<PyObj>,
    /// `sys.set_coroutine_origin_tracking_depth` (kept, not acted upon).
    pub coro_origin_depth: i32,
}

pub struct Interpreter {
    pub modules: PyObj,
    pub builtins: PyObj,
    pub builtins_dict: PyObj,
    pub sys: Option<PyObj>,
    pub main_dict: Option<PyObj>,
}

struct InterpCell(UnsafeCell<Option<Interpreter>>);
unsafe impl Sync for InterpCell {}

/// The thread state of the thread holding the GIL. One GIL means one
/// running thread: the pointer is swapped when the GIL changes hands, so
/// reaching the thread state costs a load, not a thread-local lookup.
static mut CURRENT_TSTATE: *mut ThreadState = std::ptr::null_mut();

static INTERP: InterpCell = InterpCell(UnsafeCell::new(None));

/// The running thread's state, created on first use.
#[inline(always)]
pub fn tstate() -> &'static mut ThreadState {
    unsafe {
        let p = CURRENT_TSTATE;
        if !p.is_null() {
            return &mut *p;
        }
        new_tstate()
    }
}

#[cold]
unsafe fn new_tstate() -> &'static mut ThreadState {
    let ts = Box::leak(Box::new(ThreadState {
        frame: std::ptr::null_mut(),
        recursion_remaining: DEFAULT_RECURSION_LIMIT as i32,
        recursion_limit: DEFAULT_RECURSION_LIMIT,
        exc_stack: vec![None],
        stack_limit: stack_limit_guess(),
        recursion_headroom: 0,
        asyncgen_firstiter: None,
        asyncgen_finalizer: None,
        coro_origin_depth: 0,
    }));
    CURRENT_TSTATE = ts;
    ts
}

fn stack_limit_guess() -> usize {
    // The current stack pointer minus a conservative stack size; the real
    // bound is set by `set_stack_bounds` for threads Pyrite creates.
    let here = &0u8 as *const u8 as usize;
    here.saturating_sub(6 * 1024 * 1024)
}

/// Records the usable stack of the current thread (called by the thread
/// that runs the interpreter, which knows the size it asked for).
pub fn set_stack_bounds(size: usize) {
    let here = &0u8 as *const u8 as usize;
    tstate().stack_limit = here.saturating_sub(size.saturating_sub(256 * 1024));
}

pub fn interp() -> &'static mut Interpreter {
    unsafe { (*INTERP.0.get()).as_mut().expect("interpreter not initialized") }
}

pub fn interp_opt() -> Option<&'static mut Interpreter> {
    unsafe { (*INTERP.0.get()).as_mut() }
}

pub fn init_interpreter(builtins: PyObj) {
    let bd = crate::objects::module::get_dict(&builtins);
    unsafe {
        *INTERP.0.get() = Some(Interpreter {
            modules: dict::new(),
            builtins: builtins.clone(),
            builtins_dict: bd,
            sys: None,
            main_dict: None,
        });
    }
}

/// The builtins dict a function defined in `globals` uses.
pub fn builtins_for_globals(globals: &PyObj) -> PyObj {
    if let Some(b) = dict::get_item_rs(globals, "__builtins__") {
        if crate::objects::module::is_module(&b) {
            return crate::objects::module::get_dict(&b);
        }
        if dict::is_dict(&b) {
            return b;
        }
    }
    interp().builtins_dict.clone()
}

/// A name from the builtins module.
pub fn builtin(name: &str) -> PyResult {
    dict::get_item_rs(&interp().builtins_dict, name)
        .ok_or_else(|| err::name_error(format!("name '{}' is not defined", name)))
}

/// The globals of the innermost executing frame.
pub fn current_globals() -> Option<PyObj> {
    let f = tstate().frame;
    if f.is_null() {
        interp_opt().and_then(|i| i.main_dict.clone())
    } else {
        unsafe { Some(PyObj::from_borrowed((*f).globals)) }
    }
}

pub fn current_frame() -> *mut PyFrameObject {
    tstate().frame
}

/// Guards Rust recursion: RecursionError past the limit or when the machine
/// stack is nearly exhausted. The common case is one increment and two
/// compares (it runs on every C call); headroom while handling a
/// RecursionError is decided out of line.
#[inline(always)]
pub fn enter_recursive_call(where_: &str) -> PyResult<()> {
    enter_recursive_call_in(tstate(), where_)
}

/// The running thread's state where it surely exists (code the dispatch
/// loop runs): no first-use check.
#[inline(always)]
pub unsafe fn running_tstate() -> &'static mut ThreadState {
    &mut *CURRENT_TSTATE
}

/// `enter_recursive_call` on a thread state already at hand.
#[inline(always)]
pub fn enter_recursive_call_in(ts: &mut ThreadState, where_: &str) -> PyResult<()> {
    ts.recursion_remaining -= 1;
    let sp = &ts as *const _ as usize;
    if ts.recursion_remaining < 0 || sp < ts.stack_limit {
        return enter_recursive_call_slow(ts, sp, where_);
    }
    Ok(())
}

/// `enter_recursive_call_in` for a call the dispatch loop makes without
/// recursing in Rust (a C function it calls, a Python frame it runs
/// inline): the depth only. The loop's own machine stack was checked when
/// `run` was entered, and a C function calling back into Python is checked
/// there.
#[inline(always)]
pub fn enter_depth_in(ts: &mut ThreadState, where_: &'static str) -> PyResult<()> {
    ts.recursion_remaining -= 1;
    if ts.recursion_remaining < 0 {
        return enter_depth_slow(ts, where_);
    }
    Ok(())
}

#[cold]
#[inline(never)]
fn enter_depth_slow(ts: &mut ThreadState, where_: &'static str) -> PyResult<()> {
    let sp = &ts as *const _ as usize;
    enter_recursive_call_slow(ts, sp, where_)
}

#[cold]
#[inline(never)]
fn enter_recursive_call_slow(ts: &mut ThreadState, sp: usize, where_: &str) -> PyResult<()> {
    let stack_ok = sp >= ts.stack_limit;
    if ts.recursion_headroom > 0 {
        // Making a RecursionError: its own calls may go 50 past the limit.
        if ts.recursion_remaining >= -50 && stack_ok {
            return Ok(());
        }
        ts.recursion_remaining += 1;
        return Err(recursion_error_raw(where_));
    }
    if ts.recursion_remaining >= 0 && stack_ok {
        return Ok(());
    }
    ts.recursion_remaining += 1;
    ts.recursion_headroom += 1;
    let e = recursion_error_raw(where_);
    ts.recursion_headroom -= 1;
    Err(e)
}

#[inline(always)]
pub fn leave_recursive_call() {
    leave_recursive_call_in(tstate())
}

#[inline(always)]
pub fn leave_recursive_call_in(ts: &mut ThreadState) {
    ts.recursion_remaining += 1;
}

impl ThreadState {
    /// How many guarded calls are running (CPython's depth).
    pub fn recursion_depth(&self) -> u32 {
        (self.recursion_limit as i64 - self.recursion_remaining as i64).max(0) as u32
    }

    /// `sys.setrecursionlimit`: the depth stays, the room left moves.
    pub fn set_recursion_limit(&mut self, limit: u32) {
        let depth = self.recursion_depth();
        self.recursion_limit = limit;
        self.recursion_remaining = (limit as i64 - depth as i64) as i32;
    }
}

#[cold]
fn recursion_error_raw(where_: &str) -> PyErr {
    err::recursion_error(format!("maximum recursion depth exceeded{}", where_))
}

/// The exception currently being handled (`sys.exception()`), or None.
pub fn handled_exception() -> Option<PyObj> {
    tstate().exc_stack.iter().rev().find_map(|e| e.clone())
}

/// Writes "Exception ignored in: ..." and the traceback to stderr, as
/// CPython's `PyErr_WriteUnraisable`.
pub fn write_unraisable(e: &PyErr, obj: Option<&PyObj>) {
    write_unraisable_msg(e, None, obj)
}

/// As `write_unraisable`, with CPython's "Exception ignored {msg}: {obj!r}"
/// header (`_PyErr_WriteUnraisableMsg`), e.g. msg = "in atexit callback".
pub fn write_unraisable_msg(e: &PyErr, msg: Option<&str>, obj: Option<&PyObj>) {
    let mut out = String::new();
    if let Some(o) = obj {
        let r = crate::abstract_::repr(o).map(|r| unicode::to_string_lossy(&r)).unwrap_or_else(|_| "<object repr() failed>".into());
        out.push_str(&format!("Exception ignored {}: {}\n", msg.unwrap_or("in"), r));
    } else if let Some(m) = msg {
        out.push_str(&format!("Exception ignored {}\n", m));
    }
    out.push_str(&traceback_print::format_exception(e.value()));
    crate::stdio::write_stderr(&out);
}

/// `super()` with no arguments: the `__class__` cell and first argument of
/// the calling function's frame.
pub fn super_args_from_frame() -> PyResult<(PyObj, PyObj)> {
    unsafe {
        let f = current_frame();
        if f.is_null() {
            return Err(err::runtime_error("super(): no current frame"));
        }
        let code = PyObj::borrow(&(*f).code);
        let cd = crate::objects::code::data(code);
        if cd.argcount == 0 && cd.flags & crate::bytecode::co_flags::VARARGS == 0 {
            return Err(err::runtime_error("super(): no arguments"));
        }
        let lp = crate::objects::frame::localsplus(f);
        let mut first = *lp;
        if first.is_null() {
            return Err(err::runtime_error("super(): arg[0] deleted"));
        }
        // If the first argument became a cell (captured), look inside.
        let first_name = &cd.localsplus_names[0];
        if cd.cellvars.iter().any(|c| c.is(first_name)) {
            let c = PyObj::borrow(&first);
            if crate::objects::cell::is_cell(c) {
                match crate::objects::cell::get(c) {
                    Some(v) => first = v.into_ptr(),
                    None => return Err(err::runtime_error("super(): arg[0] deleted")),
                }
                crate::objref::decref(first);
            }
        }
        let nfree = cd.freevars.len();
        let base = cd.nlocalsplus - nfree;
        for (i, name) in cd.freevars.iter().enumerate() {
            if crate::objects::superobject::is_class_name(name) {
                let cell = *lp.add(base + i);
                if cell.is_null() {
                    break;
                }
                let c = PyObj::borrow(&cell);
                return match crate::objects::cell::get(c) {
                    Some(t) if crate::typeobj::is_type(&t) => Ok((t, PyObj::from_borrowed(first))),
                    Some(_) => Err(err::runtime_error("super(): __class__ is not a type")),
                    None => Err(err::runtime_error("super(): empty __class__ cell")),
                };
            }
        }
        Err(err::runtime_error("super(): __class__ cell not found"))
    }
}

/// Runs source text as `__main__`-style code in `globals`.
pub fn run_source(source: &str, filename: &str, globals: &PyObj, mode: crate::compiler::CompileMode) -> PyResult {
    let code = compile_to_code(source, filename, mode)?;
    run_code(&code, globals, None)
}

/// Parses and compiles source text to a code object, turning syntax
/// errors into SyntaxError exceptions.
pub fn compile_to_code(source: &str, filename: &str, mode: crate::compiler::CompileMode) -> PyResult {
    crate::warnings::take_pending();
    let r = crate::compiler::compile_source(source, filename, mode, 0);
    // Warnings found while compiling (a filter may make one an error).
    if let Some(e) = crate::warnings::emit_compile_warnings(filename, source) {
        return Err(e);
    }
    match r {
        Ok(unit) => {
            if std::env::var_os("PYRITE_DIS").is_some() {
                eprintln!("{}", crate::bytecode::disassemble(&unit));
            }
            Ok(crate::objects::code::from_unit(std::rc::Rc::new(unit)))
        }
        Err(e) => Err(syntax_error_from(&e, filename)),
    }
}

/// Decodes a source file, with CPython's error for undeclared non-UTF-8
/// bytes ("Non-UTF-8 code starting with ...").
pub fn decode_file_source(bytes: &[u8], filename: &str) -> PyResult<String> {
    match crate::parser::decode_source(bytes) {
        Ok(t) => Ok(t),
        Err(e) => {
            if let Err(u) = std::str::from_utf8(bytes) {
                if e.msg.contains("'utf-8' codec can't decode") {
                    let pos = u.valid_up_to();
                    let line = bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
                    let msg = format!(
                        "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                        bytes[pos], filename, line
                    );
                    return Err(crate::objects::exceptions::new_with_args(
                        unsafe { crate::objects::exceptions::PyExc_SyntaxError },
                        &[unicode::new(&msg)],
                    ));
                }
            }
            Err(syntax_error_from(&e, filename))
        }
    }
}

/// Converts a parser/compiler error to a SyntaxError (or subclass) object.
pub fn syntax_error_from(e: &crate::parser::ParseError, filename: &str) -> PyErr {
    use crate::objects::exceptions as ex;
    use crate::objects::long;
    if e.msg == crate::compiler::RECURSION_MSG {
        return err::recursion_error(&e.msg);
    }
    let tp = unsafe {
        match e.kind {
            crate::parser::ErrorKind::SyntaxError => ex::PyExc_SyntaxError,
            crate::parser::ErrorKind::IndentationError => ex::PyExc_IndentationError,
            crate::parser::ErrorKind::TabError => ex::PyExc_TabError,
        }
    };
    let opt_int = |v: u32| if v == 0 { none::none() } else { long::from_i64(v as i64) };
    let details = crate::objects::tuple::new(vec![
        unicode::new(filename),
        long::from_i64(e.lineno as i64),
        long::from_i64(e.offset as i64),
        e.text.as_deref().map(unicode::new).unwrap_or_else(none::none),
        opt_int(e.end_lineno),
        opt_int(e.end_offset),
    ]);
    ex::new_with_args(tp, &[unicode::new(&e.msg), details])
}

