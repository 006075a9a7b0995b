//! Exports the C API from the `pyrite` executable: extension modules loaded
//! with dlopen resolve `Py*`/`_Py*` symbols against the running binary, as
//! they do against CPython's `python3`. A dynamic list (not a blanket
//! `--export-dynamic`) keeps the dynamic symbol table to the API's names.

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let list = std::path::Path::new(&out).join("pyrite-capi.dynlist");
    std::fs::write(&list, "{\n  Py*;\n  _Py*;\n};\n").expect("write dynamic list");
    println!("cargo:rustc-link-arg-bins=-Wl,--dynamic-list={}", list.display());
    println!("cargo:rerun-if-changed=build.rs");
}
