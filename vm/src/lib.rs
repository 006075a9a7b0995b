//! Pyrite's core: the front end (tokenizer, parser, compiler), the object
//! model with CPython 3.11's layouts, the built-in types, the interpreter
//! loop, the import system, and the `builtins` and `sys` modules.
//!
//! It owns everything a Python program needs to run with no other module;
//! it must not depend on the `stdlib` or `capi` crates (they depend on it).

#![allow(clippy::missing_safety_doc, clippy::not_unsafe_ptr_arg_deref, static_mut_refs)]

pub mod abstract_;
pub mod alloc;
pub mod ast;
pub mod bltinmodule;
pub mod bytecode;
pub mod codecs;
pub mod compiler;
pub mod err;
pub mod format;
pub mod gc;
pub mod hash;
pub mod import;
pub mod import_cache;
pub mod import_ext;
pub mod interp;
pub mod object;
pub mod objects;
pub mod objref;
pub mod parser;
pub mod signals;
pub mod slots;
pub mod stdio;
pub mod sysmodule;
pub mod typeobj;
pub mod warnings;

pub const VERSION_STRING: &str = "3.11.7 (pyrite 0.1.0) [Rust]";

/// Names of the modules built into the executable.
pub fn builtin_module_names() -> Vec<&'static str> {
    let mut v = vec!["builtins", "sys"];
    v.extend(import::builtin_names());
    v.sort();
    v
}

/// Starts the runtime: readies the types, creates `builtins` and `sys`.
pub fn initialize(cfg: &sysmodule::Config) -> err::PyResult<()> {
    unsafe {
        objects::init_types()?;
    }
    let builtins = bltinmodule::create();
    interp::init_interpreter(builtins.clone());
    let sys = sysmodule::create(cfg);
    interp::interp().sys = Some(sys.clone());
    let mods = interp::interp().modules.clone();
    objects::dict::set_item_rs(&mods, "builtins", builtins);
    objects::dict::set_item_rs(&mods, "sys", sys);
    Ok(())
}
