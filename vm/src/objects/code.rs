//! `code`: Pyrite's code objects. The VM-facing data (decoded
//! instructions, constants as objects, interned names, the exception table
//! and per-instruction locations) hangs off a `PyObject` head. What only a
//! running frame needs (quickened instructions, inline caches) is made on
//! first execution: most code a module tree loads never runs.

use crate::ast::Constant;
use crate::bytecode::{CodeUnit, ConstValue, ExceptionEntry, Instruction, Location};
use crate::object::*;
use crate::objects::{boolobject, float, long, none, tuple, unicode};
use crate::objref::PyObj;
use std::rc::Rc;

#[repr(C)]
pub struct PyCodeObject {
    pub ob_base: PyObject,
    pub data: *mut CodeData,
}

pub struct CodeData {
    pub name: PyObj,
    pub qualname: PyObj,
    pub filename: PyObj,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    pub instrs: Vec<Instruction>,
    pub locations: Vec<Location>,
    pub consts: Vec<PyObj>,
    pub names: Vec<PyObj>,
    pub varnames: Vec<PyObj>,
    pub cellvars: Vec<PyObj>,
    pub freevars: Vec<PyObj>,
    /// Names of all localsplus slots (locals, own cells, free vars).
    pub localsplus_names: Vec<PyObj>,
    pub nlocalsplus: usize,
    pub exception_table: Vec<ExceptionEntry>,
    pub has_docstring: bool,
    /// Made by `run_data` when the code first runs.
    pub run: std::cell::OnceCell<RunData>,
    /// A freed frame of this code kept for its next call (`frame.rs`):
    /// sized for it and with its locals already null. Owned here (the
    /// frame holds no reference back), freed with the code object.
    pub cached_frame: std::cell::Cell<*mut crate::objects::frame::PyFrameObject>,
}

/// The part of a code object only execution uses.
pub struct RunData {
    /// What the VM runs: `instrs` quickened (`bytecode::quicken`).
    pub instrs: Vec<Instruction>,
    /// Inline caches for LOAD_GLOBAL, one slot per instruction: valid while
    /// both the globals and builtins dicts keep the recorded versions.
    pub global_cache: Vec<std::cell::Cell<GlobalCache>>,
    /// Inline caches for LOAD_ATTR, STORE_ATTR and LOAD_METHOD, one slot per
    /// instruction (see `interp::attr_cache`).
    pub attr_cache: Vec<std::cell::Cell<crate::interp::attr_cache::AttrCache>>,
}

impl CodeData {
    /// The quickened instructions and caches, made on first use.
    #[inline]
    pub fn run_data(&self) -> &RunData {
        self.run.get_or_init(|| {
            let n = self.instrs.len();
            RunData {
                instrs: crate::bytecode::quicken(&self.instrs),
                global_cache: (0..n).map(|_| std::cell::Cell::new(GlobalCache::default())).collect(),
                attr_cache: (0..n).map(|_| std::cell::Cell::new(Default::default())).collect(),
            }
        })
    }
}

#[derive(Clone, Copy, Default)]
pub struct GlobalCache {
    pub globals_version: u64,
    pub builtins_version: u64,
    /// Borrowed: kept alive by the dict that holds it (any change to that
    /// dict changes its version and so invalidates the entry).
    pub value: usize,
}

#[no_mangle]
pub static mut PyCode_Type: PyTypeObject =
    PyTypeObject::empty(b"code\0", std::mem::size_of::<PyCodeObject>(), 0);

pub fn code_type() -> *mut PyTypeObject {
    &raw mut PyCode_Type
}

pub fn is_code(o: &PyObj) -> bool {
    o.ob_type() == code_type()
}

#[inline(always)]
pub fn data(o: &PyObj) -> &CodeData {
    unsafe { &*(*(o.as_ptr() as *mut PyCodeObject)).data }
}

/// Whether a str constant should be interned (it looks like an identifier).
fn all_name_chars(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Converts a compile-time constant to an object.
pub fn constant_to_object(c: &Constant) -> PyObj {
    match c {
        Constant::None => none::none(),
        Constant::Bool(b) => boolobject::new(*b),
        Constant::Ellipsis => crate::objects::slice::ellipsis(),
        Constant::Int(i) => long::from_bigint(i),
        Constant::Float(f) => float::new(*f),
        Constant::Complex { real, imag } => crate::objects::complex::new(*real, *imag),
        Constant::Str(s) => {
            if all_name_chars(s) {
                unicode::intern(s)
            } else {
                unicode::new(s)
            }
        }
        Constant::StrWide(cps) => unicode::from_codepoints(cps),
        Constant::Bytes(b) => crate::objects::bytes::new(b),
        Constant::Tuple(items) => tuple::new(items.iter().map(constant_to_object).collect()),
    }
}

/// Builds a code object (and nested ones for code constants) from a unit.
pub fn from_unit(unit: Rc<CodeUnit>) -> PyObj {
    let consts: Vec<PyObj> = unit
        .consts
        .iter()
        .map(|c| match c {
            ConstValue::Value(v) => constant_to_object(v),
            ConstValue::Code(u) => from_unit(u.clone()),
        })
        .collect();
    let names = |v: &Vec<String>| v.iter().map(|s| unicode::intern(s)).collect::<Vec<_>>();
    let nlp = unit.nlocalsplus();
    let localsplus_names = (0..nlp).map(|i| unicode::intern(unit.localsplus_name(i))).collect();
    let is_function = unit.flags & crate::bytecode::co_flags::OPTIMIZED != 0;
    let has_docstring = is_function
        && matches!(unit.consts.first(), Some(ConstValue::Value(Constant::Str(_) | Constant::StrWide(_))));
    let data = CodeData {
        name: unicode::intern(&unit.name),
        qualname: unicode::new(&unit.qualname),
        filename: unicode::new(&unit.filename),
        firstlineno: unit.firstlineno,
        argcount: unit.argcount,
        posonlyargcount: unit.posonlyargcount,
        kwonlyargcount: unit.kwonlyargcount,
        flags: unit.flags,
        stacksize: unit.stacksize,
        instrs: unit.instructions.clone(),
        locations: unit.locations.clone(),
        consts,
        names: names(&unit.names),
        varnames: names(&unit.varnames),
        cellvars: names(&unit.cellvars),
        freevars: names(&unit.freevars),
        localsplus_names,
        nlocalsplus: nlp,
        exception_table: unit.exception_table.clone(),
        has_docstring,
        run: std::cell::OnceCell::new(),
        cached_frame: std::cell::Cell::new(std::ptr::null_mut()),
    };
    unsafe {
        let o = crate::alloc::alloc_object(code_type(), 0) as *mut PyCodeObject;
        (*o).data = Box::into_raw(Box::new(data));
        PyObj::from_owned(o as *mut PyObject)
    }
}

/// Source line of instruction `i` (0 when unknown).
pub fn line_of(o: &PyObj, i: usize) -> u32 {
    data(o).locations.get(i).map(|l| l.lineno).unwrap_or(0)
}

unsafe extern "C" fn code_dealloc(o: *mut PyObject) {
    let c = o as *mut PyCodeObject;
    if !(*c).data.is_null() {
        let cached = (*(*c).data).cached_frame.replace(std::ptr::null_mut());
        if !cached.is_null() {
            crate::alloc::tp_free(cached as *mut PyObject);
        }
        drop(Box::from_raw((*c).data));
    }
    crate::objects::weakref::clear_weakrefs(o);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn code_repr(o: *mut PyObject) -> *mut PyObject {
    let d = data(PyObj::borrow(&o));
    unicode::new(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        unicode::to_string_lossy(&d.name),
        o as usize,
        unicode::to_string_lossy(&d.filename),
        d.firstlineno
    ))
    .into_ptr()
}

pub unsafe fn init_type() {
    let t = code_type();
    (*t).tp_dealloc = Some(code_dealloc);
    (*t).tp_repr = Some(code_repr);
    crate::objects::code_attrs::init(t);
}
