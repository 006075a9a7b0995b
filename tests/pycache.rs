//! The bytecode cache seen from outside: runs the pyrite binary on a
//! temporary module tree with PYRITE_DEBUG_COMPILES=1 (one stderr line per
//! module source an import compiles) to prove that a warm cache compiles
//! nothing, and that cache files with a valid header but a corrupt body,
//! which CPython itself would fail on, are recompiled and rewritten.

use std::path::{Path, PathBuf};
use std::process::Command;

struct TempTree(PathBuf);

impl TempTree {
    fn new(tag: &str) -> TempTree {
        let d = std::env::temp_dir().join(format!("pyrite-pycache-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("temp dir");
        TempTree(d)
    }
}

impl Drop for TempTree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `import <module>` with `dir` first on sys.path; only modules of
/// `dir` are imported after writing is enabled, so nothing else is cached.
/// Returns (stdout, number of "compiled" lines on stderr).
fn run(dir: &Path, module: &str, extra: &[&str], enable_writing: bool) -> (String, usize) {
    let enable = if enable_writing { "sys.dont_write_bytecode = False; " } else { "" };
    let code = format!("import sys; {enable}sys.path.insert(0, {:?}); import {module}; print({module}.V)", dir.to_string_lossy());
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(extra)
        .arg("-c")
        .arg(code)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYRITE_DEBUG_COMPILES", "1")
        .output()
        .expect("run pyrite");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "pyrite failed: {stderr}");
    let compiles = stderr.lines().filter(|l| l.starts_with("pyrite: compiled ")).count();
    (String::from_utf8_lossy(&out.stdout).trim().to_string(), compiles)
}

fn cache_file(dir: &Path, stem: &str) -> PathBuf {
    dir.join("__pycache__").join(format!("{stem}.pyrite-311.pyc"))
}

#[test]
fn warm_cache_compiles_nothing() {
    let t = TempTree::new("warm");
    std::fs::write(t.0.join("a.py"), "import b\nV = b.W + 1\n").unwrap();
    std::fs::write(t.0.join("b.py"), "W = 41\n").unwrap();
    assert_eq!(run(&t.0, "a", &[], true), ("42".to_string(), 2));
    assert!(cache_file(&t.0, "a").is_file() && cache_file(&t.0, "b").is_file());
    assert_eq!(run(&t.0, "a", &[], true), ("42".to_string(), 0));
    // Without writing enabled the cache is still read.
    assert_eq!(run(&t.0, "a", &[], false), ("42".to_string(), 0));
    // No temporary files left behind.
    assert_eq!(std::fs::read_dir(t.0.join("__pycache__")).unwrap().count(), 2);
}

#[test]
fn corrupt_bodies_are_recompiled_and_rewritten() {
    let t = TempTree::new("corrupt");
    std::fs::write(t.0.join("c.py"), "V = 'c'\n").unwrap();
    assert_eq!(run(&t.0, "c", &[], true), ("c".to_string(), 1));
    let path = cache_file(&t.0, "c");
    let good = std::fs::read(&path).unwrap();
    assert!(good.len() > 40);
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("header only", good[..16].to_vec()),
        ("truncated body", good[..good.len() / 2].to_vec()),
        ("last byte dropped", good[..good.len() - 1].to_vec()),
        ("not marshal data", [&good[..16], &b"\xff\xfe\xfd garbage"[..]].concat()),
        ("marshalled int, not code", [&good[..16], &b"\xe9\x07\x00\x00\x00"[..]].concat()),
    ];
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x5a;
    cases.push(("flipped byte (checksum)", flipped));
    // Bytes 16..: TYPE_CODE, b"PYRT", u32 layout version, 8-byte build id.
    let mut other_build = good.clone();
    other_build[25] ^= 1;
    cases.push(("another build", other_build));
    let mut other_layout = good.clone();
    other_layout[21] ^= 0x40;
    cases.push(("another layout version", other_layout));
    for (label, data) in cases {
        std::fs::write(&path, &data).unwrap();
        assert_eq!(run(&t.0, "c", &[], true), ("c".to_string(), 1), "{label}");
        assert_eq!(std::fs::read(&path).unwrap(), good, "{label}: rewritten");
        assert_eq!(run(&t.0, "c", &[], true), ("c".to_string(), 0), "{label}: reused");
    }
}

#[test]
fn dash_b_and_environment_prevent_writing() {
    let t = TempTree::new("nowrite");
    std::fs::write(t.0.join("d.py"), "V = 'd'\n").unwrap();
    // PYTHONDONTWRITEBYTECODE=1 (set by run) and no override.
    assert_eq!(run(&t.0, "d", &[], false), ("d".to_string(), 1));
    assert!(!t.0.join("__pycache__").exists());
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(["-B", "-c", &format!("import sys; sys.path.insert(0, {:?}); import d; print(sys.dont_write_bytecode)", t.0.to_string_lossy())])
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .output()
        .expect("run pyrite");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "True");
    assert!(!t.0.join("__pycache__").exists());
}

#[test]
fn bad_sourceless_files_raise_import_errors() {
    let t = TempTree::new("sourceless");
    let cases: [(&[u8], &str); 3] = [
        (b"random bytes, not a pyc at all", "ImportError bad magic number in 'z'"),
        (b"", "ImportError bad magic number in 'z': b''"),
        (b"\x00\x00\r\n\x00\x00\x00\x00", "ImportError bad magic number in 'z': b'\\x00\\x00\\r\\n'"),
    ];
    for (data, want) in cases {
        std::fs::write(t.0.join("z.pyc"), data).unwrap();
        let code = format!(
            "import sys; sys.path.insert(0, {:?})\ntry:\n    import z\nexcept Exception as e:\n    print(type(e).__name__, e)",
            t.0.to_string_lossy()
        );
        let out = Command::new(env!("CARGO_BIN_EXE_pyrite")).args(["-c", &code]).output().expect("run pyrite");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && stdout.starts_with(want), "{want}: {stdout} {}", String::from_utf8_lossy(&out.stderr));
    }
}
