//! The C API: the functions and data `include/Python.h` declares, exported
//! from the `pyrite` executable, and the extension-module loader. It works
//! on the VM's objects directly (no proxies) and must not hold state of its
//! own beyond what CPython's API requires.

/// Forces the linker to keep this crate's exported symbols.
pub fn link() {}
