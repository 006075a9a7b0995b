//! The C API tests (tests/capi/): builds every C test module against
//! Pyrite's headers with one `cc -shared -fPIC -I include` command each
//! (into target/capi-tests/), runs each driver test_<name>.py under the
//! `pyrite` binary with PYTHONPATH at the built modules, and compares its
//! stdout with what CPython 3.11 printed for the same source built against
//! its own headers (tests/capi/gen_expected.py writes those files).
//!
//! The header directory is `$PYRITE_CAPI_INCLUDE`, by default `<repo>/include`;
//! without a Python.h there the test fails, saying so.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (source, path of the output relative to the build dir), mirroring
/// tests/capi/gen_expected.py's `sources()`.
fn sources(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let mut top: Vec<_> = std::fs::read_dir(dir).expect("tests/capi").flatten().map(|e| e.path()).collect();
    top.sort();
    for p in top {
        if p.extension().map(|e| e == "c").unwrap_or(false) {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            out.push((p.clone(), PathBuf::from(format!("{}.so", stem))));
        }
    }
    fn walk(root: &Path, d: &Path, out: &mut Vec<(PathBuf, PathBuf)>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        let mut es: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        es.sort();
        for p in es {
            if p.is_dir() {
                walk(root, &p, out);
                continue;
            }
            let rel = p.strip_prefix(root).unwrap().to_path_buf();
            match p.extension().and_then(|e| e.to_str()) {
                Some("c") => out.push((p.clone(), rel.with_extension("so"))),
                Some("py") => out.push((p.clone(), rel)),
                _ => {}
            }
        }
    }
    let pk = dir.join("packages");
    walk(&pk, &pk, &mut out);
    out
}

/// Pyrite's header directory; fails the test (does not skip it) without one.
fn include_dir() -> PathBuf {
    let include = std::env::var("PYRITE_CAPI_INCLUDE").map(PathBuf::from).unwrap_or_else(|_| repo().join("include"));
    assert!(
        include.join("Python.h").is_file(),
        "capi tests: no Python.h in {} (Pyrite's headers, include/, are needed to build the C test \
         modules; set PYRITE_CAPI_INCLUDE to use another header directory)",
        include.display()
    );
    include
}

fn cc(include: &Path, src: &Path, out: &Path, defines: &[&str]) {
    let r = Command::new("cc")
        .args(["-shared", "-fPIC", "-Werror=implicit-function-declaration", "-I"])
        .arg(include)
        .args(defines)
        .arg(src)
        .arg("-o")
        .arg(out)
        .output()
        .expect("run cc");
    assert!(r.status.success(), "{}: cc failed:\n{}", src.display(), String::from_utf8_lossy(&r.stderr));
}

/// The suffixes CPython cannot test for us: in one directory
/// `.pyrite-311-x86_64-linux-gnu.so` comes before `.abi3.so`, which comes
/// before `.so`, and all three before `.py`.
#[test]
fn extension_suffixes() {
    let include = include_dir();
    let build = repo().join("target/capi-tests-suffixes");
    let _ = std::fs::remove_dir_all(&build);
    std::fs::create_dir_all(&build).expect("create target/capi-tests-suffixes");
    let src = build.join("suffix.c");
    std::fs::write(
        &src,
        "#include <Python.h>\n\
         static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, \"suffix\", NULL, -1, NULL};\n\
         PyMODINIT_FUNC PyInit_suffix(void) {\n\
         PyObject *m = PyModule_Create(&def);\n\
         if (m && PyModule_AddStringConstant(m, \"KIND\", KIND) < 0) { Py_DECREF(m); return NULL; }\n\
         return m; }\n",
    )
    .expect("write suffix.c");
    std::fs::write(build.join("suffix.py"), "KIND = 'source'\n").expect("write suffix.py");
    let run = || {
        let r = Command::new(env!("CARGO_BIN_EXE_pyrite"))
            .args(["-c", "import suffix; print(suffix.KIND, suffix.__file__.rsplit('/', 1)[1])"])
            .env("PYTHONPATH", &build)
            .output()
            .expect("run pyrite");
        assert!(r.stderr.is_empty(), "{}", String::from_utf8_lossy(&r.stderr));
        String::from_utf8_lossy(&r.stdout).trim().to_string()
    };
    assert_eq!(run(), "source suffix.py");
    for (suffix, kind) in [(".so", "plain"), (".abi3.so", "abi3"), (".pyrite-311-x86_64-linux-gnu.so", "pyrite")] {
        cc(&include, &src, &build.join(format!("suffix{}", suffix)), &[&format!("-DKIND=\"{}\"", kind)]);
        assert_eq!(run(), format!("{} suffix{}", kind, suffix));
    }
}

#[test]
fn capi() {
    let dir = repo().join("tests/capi");
    let include = include_dir();
    let build = repo().join("target/capi-tests");
    let _ = std::fs::remove_dir_all(&build);
    std::fs::create_dir_all(&build).expect("create target/capi-tests");
    let mut failures = Vec::new();
    for (src, rel) in sources(&dir) {
        let out = build.join(&rel);
        std::fs::create_dir_all(out.parent().unwrap()).expect("create build subdirectory");
        if rel.extension().map(|e| e == "py").unwrap_or(false) {
            std::fs::copy(&src, &out).expect("copy package file");
            continue;
        }
        // An undeclared function would be called as returning int (and
        // crash): make it a build error instead.
        let r = Command::new("cc")
            .args(["-shared", "-fPIC", "-Werror=implicit-function-declaration", "-I"])
            .arg(&include)
            .arg(&src)
            .arg("-o")
            .arg(&out)
            .output()
            .expect("run cc");
        if !r.status.success() {
            failures.push(format!("{}: cc failed:\n{}", src.display(), String::from_utf8_lossy(&r.stderr)));
        }
    }
    let mut drivers: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with("test_") && n.ends_with(".py")
        })
        .collect();
    drivers.sort();
    let mut passed = 0;
    for d in &drivers {
        let expected = std::fs::read(d.with_extension("stdout")).unwrap_or_default();
        let r = Command::new(env!("CARGO_BIN_EXE_pyrite"))
            .arg(d.file_name().unwrap())
            .current_dir(&dir)
            .env("PYTHONPATH", &build)
            .env("CAPI_BUILD_DIR", &build)
            .env("PYTHONHASHSEED", "0")
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("PYTHONIOENCODING", "utf-8")
            .output()
            .expect("run pyrite");
        if r.stdout == expected && r.status.success() && r.stderr.is_empty() {
            passed += 1;
        } else {
            failures.push(format!(
                "{}: status {:?}\n--- stdout diff (expected / got)\n{}\n--- stderr\n{}",
                d.display(),
                r.status.code(),
                first_difference(&expected, &r.stdout),
                String::from_utf8_lossy(&r.stderr)
            ));
        }
    }
    println!("capi: {} passed, {} failed", passed, drivers.len() - passed);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n- {}\n+ {}", i + 1, x, y);
        }
    }
    format!("lengths differ: {} vs {} lines", a.lines().count(), b.lines().count())
}
