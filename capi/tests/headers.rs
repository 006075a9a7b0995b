//! Item 1 of issue 3: `include/` compiles cleanly with `-Wall -Wextra
//! -Werror` as C99, as C11 and as C++, for a module using the full API
//! (`c/use_headers.c`, which touches every macro and declaration group) and
//! for a stable-ABI module (`c/limited.c`). Bare `#include <Python.h>` is
//! also checked under `-pedantic`. The objects are built the way a user
//! builds an extension (`-shared -fPIC`), never loaded.

mod common;

use std::path::Path;

const WARN: &[&str] = &["-Wall", "-Wextra", "-Werror"];

fn build(compiler: &str, lang: &[&str], src: &Path, out_name: &str) {
    let dir = common::scratch(&format!("headers-{out_name}"));
    let out = dir.join(format!("{out_name}.so"));
    let inc = common::include_dir();
    let mut args: Vec<&str> = lang.to_vec();
    args.extend_from_slice(WARN);
    args.extend_from_slice(&["-fPIC", "-shared", "-I", inc.to_str().unwrap()]);
    args.extend_from_slice(&[src.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    common::compile(compiler, &args);
}

fn source(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("c").join(name)
}

#[test]
fn full_api_module_builds_as_c99_c11_and_cxx() {
    let src = source("use_headers.c");
    build(&common::c_compiler(), &["-std=c99"], &src, "use_headers_c99");
    build(&common::c_compiler(), &["-std=c11"], &src, "use_headers_c11");
    build(&common::cxx_compiler(), &["-x", "c++"], &src, "use_headers_cxx");
}

#[test]
fn limited_api_module_builds_as_c99_c11_and_cxx() {
    let src = source("limited.c");
    build(&common::c_compiler(), &["-std=c99"], &src, "limited_c99");
    build(&common::c_compiler(), &["-std=c11"], &src, "limited_c11");
    build(&common::cxx_compiler(), &["-x", "c++"], &src, "limited_cxx");
}

#[test]
fn bare_include_is_pedantic_clean() {
    let dir = common::scratch("headers-pedantic");
    let src = dir.join("bare.c");
    std::fs::write(&src, "#include <Python.h>\n#include <structmember.h>\nint main(void) { return 0; }\n")
        .expect("write bare.c");
    let inc = common::include_dir();
    let inc = inc.to_str().unwrap();
    let s = src.to_str().unwrap();
    for (compiler, lang) in [
        (common::c_compiler(), vec!["-std=c99"]),
        (common::c_compiler(), vec!["-std=c11"]),
        (common::c_compiler(), vec!["-std=c99", "-DPy_LIMITED_API=0x030b0000"]),
        (common::cxx_compiler(), vec!["-x", "c++", "-std=c++11"]),
    ] {
        let mut args = lang.clone();
        args.extend_from_slice(WARN);
        args.extend_from_slice(&["-pedantic", "-fsyntax-only", "-I", inc, s]);
        common::compile(&compiler, &args);
    }
}
