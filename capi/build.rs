//! Compiles csrc/varargs.c: the C-variadic entry points of the C API
//! (stable Rust cannot define `...` functions). Linked whole-archive so that
//! the linker keeps them although nothing in Rust references them.

fn main() {
    cc::Build::new()
        .file("csrc/varargs.c")
        .flag_if_supported("-fvisibility=default")
        .warnings(true)
        .cargo_metadata(false)
        .compile("pyrite_capi_varargs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rustc-link-search=native={}", out);
    println!("cargo:rustc-link-lib=static:+whole-archive=pyrite_capi_varargs");
    println!("cargo:rerun-if-changed=csrc/varargs.c");
}
