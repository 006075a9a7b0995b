//! The native half of the standard library: modules CPython writes in C,
//! written in Rust under the same names and interfaces (`gc`, `math`,
//! `_io`, `posix`, ...). One file per module; `register_all` is the one
//! registration list. It must not reach into VM internals beyond the `vm`
//! crate's public API.

pub mod ast;
pub mod codecsmodule;
pub mod collectionsmodule;
pub mod errnomodule;
pub mod bisectmodule;
pub mod functoolsmodule;
pub mod atexitmodule;
pub mod gcmodule;
pub mod heapqmodule;
pub mod io;
pub mod imp;
pub mod importlib_bootstrap;
pub mod itertools;
pub mod itertools_comb;
pub mod localemodule;
pub mod marshal;
pub mod math;
pub mod posixmodule;
pub mod stringmodule;
pub mod structmodule;
pub mod threadmodule;
pub mod timemodule;
pub mod sre;
pub mod native;
pub mod operatormodule;
pub mod opcode;
pub mod dis;
pub mod randommodule;
pub mod sha512module;
pub mod sysconfigdata;

/// Registers every Rust stdlib module with the import system.
pub fn register_all() {
    vm::import::register_builtin("_bisect", bisectmodule::init);
    vm::import::register_builtin("_functools", functoolsmodule::init);
    vm::import::register_builtin("_heapq", heapqmodule::init);
    vm::import::register_builtin("_operator", operatormodule::init);
    vm::import::register_builtin("_random", randommodule::init);
    vm::import::register_builtin("_sha512", sha512module::init);
    vm::import::register_builtin("_io", io::init);
    vm::objects::fileopen::set_open_hook(io::open_impl);
    vm::sysmodule::set_std_streams_hook(io::std_streams);
    vm::objects::fileopen::set_text_write_hook((io::textio::accepts_fast_write, io::textio::fast_write));
    vm::import::register_builtin("gc", gcmodule::init);
    vm::import::register_builtin("_ast", ast::init);
    ast::register_compile_hooks();
    vm::import::register_builtin("_codecs", codecsmodule::init);
    vm::import::register_builtin("_locale", localemodule::init);
    vm::import::register_builtin("atexit", atexitmodule::init);
    vm::import::register_builtin("_collections", collectionsmodule::init);
    vm::import::register_builtin("_string", stringmodule::init);
    vm::import::register_builtin("_struct", structmodule::init);
    vm::import::register_builtin("_thread", threadmodule::init);
    vm::import::register_builtin("_imp", imp::init);
    vm::import::register_frozen("_frozen_importlib", importlib_bootstrap::init_frozen_importlib);
    vm::import::register_frozen("_frozen_importlib_external", importlib_bootstrap::init_frozen_importlib_external);
    vm::import::register_builtin("itertools", itertools::init);
    vm::import::register_builtin("marshal", marshal::init);
    vm::import::register_builtin("opcode", opcode::init);
    vm::import::register_builtin("_opcode", opcode::init_private);
    vm::import::register_builtin("dis", dis::init);
    vm::import_cache::set_code_cache(marshal::cache_dump, marshal::cache_load, marshal::PYC_MAGIC);
    vm::import::register_builtin("math", math::init);
    vm::import::register_builtin("posix", posixmodule::init);
    vm::import::register_builtin("errno", errnomodule::init);
    vm::import::register_builtin("time", timemodule::init);
    vm::import::register_builtin("_sre", sre::init);
    vm::import::register_builtin(sysconfigdata::MODULE_NAME, sysconfigdata::init);
    // `_weakref` (and the temporary Rust `weakref`) live beside the weakref type in vm.
    vm::objects::weakref::register();
    // `_warnings` lives in vm, which issues its own compile-time warnings.
    vm::import::register_builtin("_warnings", vm::warnings::init_module);
}
