//! Exports the C API from the `pyrite` executable: extension modules loaded
//! with dlopen resolve `Py*`/`_Py*` symbols against the running binary, as
//! they do against CPython's `python3`. A linker dynamic list (not a blanket
//! `--export-dynamic`) keeps the Rust runtime out of the dynamic symbol
//! table: when include/exports.txt (the names include/ declares, one
//! `func NAME` / `data NAME` a line) exists it is the list, so the binary
//! exports exactly what the headers declare; otherwise every `Py*`/`_Py*`.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let list = Path::new(&out).join("pyrite-capi.dynlist");
    let exports = Path::new("include/exports.txt");
    let mut body = String::from("{\n");
    match std::fs::read_to_string(exports) {
        Ok(text) => {
            println!("cargo:rerun-if-changed=include/exports.txt");
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                if let Some(name) = line.split_whitespace().last() {
                    body.push_str(&format!("  {};\n", name));
                }
            }
        }
        // Without headers yet (a fresh include/ needs `touch build.rs` in an
        // existing target dir, as a missing file cannot be watched cheaply).
        Err(_) => body.push_str("  Py*;\n  _Py*;\n"),
    }
    body.push_str("};\n");
    std::fs::write(&list, body).expect("write dynamic list");
    println!("cargo:rustc-link-arg-bins=-Wl,--dynamic-list={}", list.display());
    println!("cargo:rerun-if-changed=build.rs");
}
