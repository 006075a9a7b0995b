//! Item 6 of issue 3: build tools find Pyrite's headers and extension
//! suffix through `pyrite-config` and through `sysconfig` under Pyrite,
//! and the answers follow the tree Pyrite runs from.

use std::path::{Path, PathBuf};
use std::process::Command;

const EXT_SUFFIX: &str = ".pyrite-311-x86_64-linux-gnu.so";

fn repo_include() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("include").canonicalize().expect("include/")
}

fn run(exe: &str, args: &[&str]) -> (i32, String) {
    let out = Command::new(exe).args(args).output().expect("run");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn pyrite_config_answers_for_this_tree() {
    let exe = env!("CARGO_BIN_EXE_pyrite-config");
    let inc = repo_include();
    let inc = inc.to_str().unwrap();
    let (code, out) =
        run(exe, &["--includes", "--cflags", "--extension-suffix", "--prefix", "--libs"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], format!("-I{inc}"));
    assert!(lines[1].starts_with(&format!("-I{inc} ")), "{}", lines[1]);
    assert_eq!(lines[2], EXT_SUFFIX);
    assert_eq!(Path::new(lines[3]).join("include"), Path::new(inc));
    assert_eq!(lines[4], "");
    assert_eq!(run(exe, &[]).0, 1, "no option: usage and status 1");
    assert_eq!(run(exe, &["--bogus"]).0, 1);
    assert_eq!(run(exe, &["--help"]).0, 0);
}

#[test]
fn pyrite_config_follows_a_relocated_tree() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("relocated-pyrite");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("bin")).unwrap();
    std::fs::create_dir_all(root.join("include")).unwrap();
    std::fs::write(root.join("include").join("Python.h"), "/* stand-in */\n").unwrap();
    let exe = root.join("bin").join("pyrite-config");
    std::fs::copy(env!("CARGO_BIN_EXE_pyrite-config"), &exe).unwrap();
    let (code, out) = run(exe.to_str().unwrap(), &["--includes"]);
    assert_eq!(code, 0);
    let inc = root.join("include").canonicalize().unwrap();
    assert_eq!(out.trim_end(), format!("-I{}", inc.display()));
}

#[test]
fn sysconfig_under_pyrite_gives_our_headers_and_suffix() {
    let exe = env!("CARGO_BIN_EXE_pyrite");
    let (code, out) = run(
        exe,
        &[
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['include']); \
             print(sysconfig.get_config_var('EXT_SUFFIX')); \
             print(sysconfig.get_config_var('INCLUDEPY'))",
        ],
    );
    assert_eq!(code, 0);
    let inc = repo_include();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines, vec![inc.to_str().unwrap(), EXT_SUFFIX, inc.to_str().unwrap()]);
}
