//! The C API: the functions and data `include/Python.h` declares, exported
//! from the `pyrite` executable, and the extension-module loader. It works
//! on the VM's objects directly (no proxies) and must not hold state of its
//! own beyond what CPython's API requires.
//!
//! One file per CPython header (longobject.rs is longobject.h, ...); the
//! C-variadic entry points are in csrc/varargs.c and call the `pyrite_*`
//! Rust functions of these files with a pointer to their va_list.
//! Singletons, type objects and `PyExc_*` are the VM's own statics.

#![allow(non_snake_case, non_upper_case_globals, clippy::missing_safety_doc)]

pub mod abstract_;
pub mod boolobject;
pub mod bytesobject;
pub mod call;
pub mod dictobject;
pub mod floatobject;
pub mod format;
pub mod getargs;
pub mod import;
pub mod listobject;
pub mod loader;
pub mod longobject;
pub mod modsupport;
pub mod moduleobject;
pub mod object;
pub mod objimpl;
pub mod pybuffer;
pub mod pyerrors;
pub mod pymem;
pub mod tupleobject;
pub mod typeobject;
pub mod unicodeobject;
pub mod util;
pub mod weakrefobject;

/// Installs the extension loader into the VM's import system; called by
/// `main` before the interpreter starts, which also makes the linker keep
/// this crate (and with it every exported symbol).
pub fn link() {
    vm::import_ext::set_extension_loader(vm::import_ext::ExtensionLoader {
        create: loader::create,
        exec: loader::exec,
    });
}
