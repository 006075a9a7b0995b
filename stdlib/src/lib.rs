//! The native half of the standard library: modules CPython writes in C,
//! written in Rust under the same names and interfaces (`gc`, `math`,
//! `_io`, `posix`, ...). One file per module; `register_all` is the one
//! registration list. It must not reach into VM internals beyond the `vm`
//! crate's public API.

pub mod gcmodule;
pub mod io;
pub mod importlib_shim;
pub mod itertools;
pub mod itertools_comb;
pub mod math;

/// Registers every Rust stdlib module with the import system.
pub fn register_all() {
    vm::import::register_builtin("_io", io::init);
    vm::objects::fileopen::set_open_hook(io::open_impl);
    vm::sysmodule::set_std_streams_hook(io::std_streams);
    vm::objects::fileopen::set_text_write_hook((io::textio::accepts_fast_write, io::textio::fast_write));
    vm::import::register_builtin("gc", gcmodule::init);
    vm::import::register_builtin("importlib", importlib_shim::init);
    vm::import::register_builtin("itertools", itertools::init);
    vm::import::register_builtin("math", math::init);
    // `_weakref` (and the temporary Rust `weakref`) live beside the weakref type in vm.
    vm::objects::weakref::register();
}
