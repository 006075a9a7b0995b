//! Helpers shared by the capi tests that compile C against `include/`.
//!
//! They call the system C compiler directly (`$CC`, else `cc`; `$CXX`, else
//! `c++`) with `std::process::Command` rather than through the `cc` crate:
//! that crate is made for build scripts (it reads TARGET, OUT_DIR, OPT_LEVEL
//! and builds archives to link into Rust), while these tests build and run
//! stand-alone programs, and it would add a dependency to every build.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's `include/` directory.
pub fn include_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("include")
}

/// A fresh scratch directory for one test's files.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

pub fn c_compiler() -> String {
    std::env::var("CC").unwrap_or_else(|_| "cc".to_string())
}

pub fn cxx_compiler() -> String {
    std::env::var("CXX").unwrap_or_else(|_| "c++".to_string())
}

/// Runs a compiler command; panics with its diagnostics when it fails.
pub fn compile(compiler: &str, args: &[&str]) {
    let out = Command::new(compiler)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {compiler}: {e}"));
    if !out.status.success() {
        panic!(
            "{compiler} {} failed:\n{}{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
