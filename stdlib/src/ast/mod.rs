//! `_ast`: CPython 3.11's AST node classes, and the bridge between them and
//! the VM's Rust AST (`vm::ast`) that `compile()` uses.
//!
//! `AST` is a static type whose instances carry a `__dict__`; every node
//! class (`nodes.rs`, generated from CPython's `_ast`) is a heap subclass
//! made with `type(name, (base,), ns)`, as CPython's Python-ast.c does.
//! `to_py` turns a parsed tree into nodes; `from_py` reads nodes back with
//! CPython's validation errors.

mod from_py;
mod nodes;
mod to_py;

use std::collections::HashMap;
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::{dict, long, module, none, tuple, unicode};
use vm::objref::PyObj;
use vm::typeobj::type_obj;

/// One node class of the ASDL: its fields with their ASDL types
/// (`expr`, `expr*`, `identifier?`, ...), the `_attributes` it defines
/// itself (None when inherited), and the optional fields defaulting to None.
pub struct NodeDef {
    pub name: &'static str,
    pub base: &'static str,
    pub fields: &'static [(&'static str, &'static str)],
    pub attributes: Option<&'static [&'static str]>,
    pub none_defaults: &'static [&'static str],
    pub doc: &'static str,
}

pub const PYCF_ONLY_AST: i64 = 1024;
pub const PYCF_TYPE_COMMENTS: i64 = 4096;
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 8192;

#[repr(C)]
struct AstObject {
    ob_base: PyObject,
    dict: *mut PyObject,
}

pub static mut AST_TYPE: PyTypeObject = PyTypeObject::empty(b"ast.AST\0", std::mem::size_of::<AstObject>(), 0);

pub(crate) struct State {
    classes: Vec<PyObj>,
    by_name: HashMap<&'static str, usize>,
    by_ptr: HashMap<usize, usize>,
    /// Shared instances of the field-less operator and context classes.
    singletons: HashMap<&'static str, PyObj>,
}

static mut STATE: Option<State> = None;

pub(crate) fn state() -> PyResult<&'static State> {
    unsafe {
        if (*(&raw const STATE)).is_none() {
            init_types()?;
        }
        (*(&raw const STATE)).as_ref().ok_or_else(|| err::system_error("_ast types not initialised"))
    }
}

impl State {
    pub fn class(&self, name: &str) -> &PyObj {
        &self.classes[self.by_name[name]]
    }
    pub fn singleton(&self, name: &str) -> PyObj {
        self.singletons[name].clone()
    }
    /// The node class (a direct subclass of the abstract class `base`) that
    /// `o` is an instance of, found on its type's MRO.
    pub fn kind_of(&self, o: &PyObj, base: &str) -> Option<&'static str> {
        for t in vm::typeobj::mro_items(o.ob_type()) {
            if let Some(&i) = self.by_ptr.get(&(t as usize)) {
                let d = &nodes::NODES[i];
                if d.base == base {
                    return Some(d.name);
                }
            }
        }
        None
    }
    /// Whether `o` is an instance of the node class `name` (subclasses too).
    pub fn is_instance(&self, o: &PyObj, name: &str) -> PyResult<bool> {
        ab::isinstance(o, self.class(name))
    }
}

fn ast_type() -> *mut PyTypeObject {
    &raw mut AST_TYPE
}

/// Whether `o` is an `ast.AST` instance.
pub fn is_ast(o: &PyObj) -> bool {
    unsafe { o.ob_type() == ast_type() || vm::typeobj::is_subtype(o.ob_type(), ast_type()) }
}

unsafe extern "C" fn ast_new(tp: *mut PyTypeObject, _a: *mut PyObject, _k: *mut PyObject) -> *mut PyObject {
    let o = vm::typeobj::alloc_instance(tp);
    if o.is_null() {
        return o;
    }
    (*(o as *mut AstObject)).dict = dict::new().into_ptr();
    o
}

fn ast_init_impl(o: &PyObj, args: &PyObj, kw: Option<&PyObj>) -> PyResult<()> {
    let tp = o.type_obj();
    let fields = match ab::getattr_str_opt(&tp, "_fields")? {
        Some(f) => ab::iterate(&f)?,
        None => Vec::new(),
    };
    let pos = tuple::items(args);
    if pos.len() > fields.len() {
        return Err(err::type_error(format!(
            "{} constructor takes at most {} positional argument{}",
            vm::typeobj::type_name(o.ob_type()),
            fields.len(),
            if fields.len() == 1 { "" } else { "s" }
        )));
    }
    for (name, v) in fields.iter().zip(pos) {
        ab::setattr(o, name, Some(v))?;
    }
    if let Some(kw) = kw {
        for (k, v) in dict::items_vec(kw) {
            ab::setattr(o, &k, Some(&v))?;
        }
    }
    Ok(())
}

unsafe extern "C" fn ast_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let kw = if kw.is_null() { None } else { Some(PyObj::borrow(&kw)) };
    err::int_result(ast_init_impl(PyObj::borrow(&o), PyObj::borrow(&args), kw))
}

unsafe extern "C" fn ast_dealloc(o: *mut PyObject) {
    let p = std::mem::replace(&mut (*(o as *mut AstObject)).dict, std::ptr::null_mut());
    vm::objref::xdecref(p);
    vm::alloc::tp_free(o);
}

unsafe extern "C" fn ast_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = (*(o as *mut AstObject)).dict;
    if p.is_null() { 0 } else { visit(p, arg) }
}

unsafe extern "C" fn ast_clear(o: *mut PyObject) -> c_int {
    let p = std::mem::replace(&mut (*(o as *mut AstObject)).dict, std::ptr::null_mut());
    vm::objref::xdecref(p);
    0
}

vm::onearg!(ast_reduce, |slf, _a| {
    let d = vm::typeobj::instance_dict(slf).unwrap_or_else(dict::new);
    Ok(tuple::new(vec![slf.type_obj(), tuple::empty(), d]))
});

/// A new node of class `cls` whose `__dict__` holds `items` (no __init__ call).
pub(crate) fn new_node(cls: &PyObj, items: &[(&str, PyObj)]) -> PyResult {
    unsafe {
        let tp = vm::typeobj::as_type(cls);
        let o = err::from_ptr(ast_new(tp, std::ptr::null_mut(), std::ptr::null_mut()))?;
        let d = PyObj::borrow(&(*(o.as_ptr() as *mut AstObject)).dict);
        for (k, v) in items {
            dict::set_item(d, unicode::intern(k), v.clone())?;
        }
        Ok(o)
    }
}

fn str_tuple(names: &[&str]) -> PyObj {
    tuple::new(names.iter().map(|n| unicode::intern(n)).collect())
}

unsafe fn init_types() -> PyResult<()> {
    let t = ast_type();
    (*t).tp_flags |= flags::BASETYPE | flags::HAVE_GC;
    (*t).tp_new = Some(ast_new);
    (*t).tp_init = Some(ast_init);
    (*t).tp_dealloc = Some(ast_dealloc);
    (*t).tp_traverse = Some(ast_traverse);
    (*t).tp_clear = Some(ast_clear);
    (*t).tp_dictoffset = std::mem::offset_of!(AstObject, dict) as isize;
    vm::objects::descr::set_methods(t, &[("__reduce__", ast_reduce as *const c_void, meth::NOARGS, "")]);
    vm::typeobj::ready(t)?;
    let td = vm::typeobj::type_dict(t);
    dict::set_item_rs(&td, "_fields", tuple::empty());
    dict::set_item_rs(&td, "__match_args__", tuple::empty());
    dict::set_item_rs(&td, "_attributes", tuple::empty());
    vm::typeobj::type_modified(t);

    let mut classes: Vec<PyObj> = Vec::new();
    let mut by_name: HashMap<&'static str, usize> = HashMap::new();
    let mut by_ptr = HashMap::new();
    let mut singletons = HashMap::new();
    for def in nodes::NODES {
        let base = if def.base == "AST" { type_obj(t) } else { classes[by_name[def.base]].clone() };
        let ns = dict::new();
        let fields: Vec<&str> = def.fields.iter().map(|f| f.0).collect();
        dict::set_item_rs(&ns, "_fields", str_tuple(&fields));
        dict::set_item_rs(&ns, "__match_args__", str_tuple(&fields));
        dict::set_item_rs(&ns, "__module__", unicode::intern("ast"));
        dict::set_item_rs(&ns, "__doc__", unicode::new(def.doc));
        let cls = vm::typeobj::type_new(
            vm::typeobj::type_type(),
            &unicode::new(def.name),
            &tuple::new(vec![base]),
            &ns,
        )?;
        // Set after creation, as CPython does (so they follow `__weakref__`).
        if let Some(a) = def.attributes {
            ab::setattr_str(&cls, "_attributes", str_tuple(a))?;
        }
        for n in def.none_defaults {
            ab::setattr_str(&cls, n, none::none())?;
        }
        by_name.insert(def.name, classes.len());
        by_ptr.insert(cls.as_ptr() as usize, classes.len());
        classes.push(cls.clone());
        if matches!(def.base, "expr_context" | "boolop" | "operator" | "unaryop" | "cmpop") {
            singletons.insert(def.name, new_node(&cls, &[])?);
        }
    }
    STATE = Some(State { classes, by_name, by_ptr, singletons });
    Ok(())
}

pub fn init() -> PyResult<PyObj> {
    let st = state()?;
    let m = module::new("_ast");
    ab::setattr_str(&m, "AST", type_obj(ast_type()))?;
    ab::setattr_str(&m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", long::from_i64(PYCF_ALLOW_TOP_LEVEL_AWAIT))?;
    ab::setattr_str(&m, "PyCF_ONLY_AST", long::from_i64(PYCF_ONLY_AST))?;
    ab::setattr_str(&m, "PyCF_TYPE_COMMENTS", long::from_i64(PYCF_TYPE_COMMENTS))?;
    for (def, cls) in nodes::NODES.iter().zip(&st.classes) {
        ab::setattr_str(&m, def.name, cls.clone())?;
    }
    Ok(m)
}

/// The hooks `compile()` calls: source tree -> nodes, nodes -> source tree.
pub fn register_compile_hooks() {
    vm::objects::compileobj::set_ast_hooks(vm::objects::compileobj::AstHooks {
        is_ast,
        to_py: to_py::mod_to_py,
        from_py: from_py::mod_from_py,
    });
}
