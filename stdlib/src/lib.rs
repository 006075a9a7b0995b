//! The native half of the standard library: modules CPython writes in C,
//! written in Rust under the same names and interfaces (`gc`, `math`,
//! `_io`, `posix`, ...). One file per module; `register_all` is the one
//! registration list. It must not reach into VM internals beyond the `vm`
//! crate's public API.

pub mod gcmodule;
pub mod importlib_shim;

/// Registers every Rust stdlib module with the import system.
pub fn register_all() {
    vm::import::register_builtin("gc", gcmodule::init);
    vm::import::register_builtin("importlib", importlib_shim::init);
    // `_weakref` (and the temporary Rust `weakref`) live beside the weakref type in vm.
    vm::objects::weakref::register();
    // `_warnings` lives in vm, which issues its own compile-time warnings.
    vm::import::register_builtin("_warnings", vm::warnings::init_module);
}
