//! Snapshot tests of Pyrite's own `dis` listings: each `tests/dis/<name>.py`
//! is disassembled with `pyrite -m dis <name>.py` and compared with
//! `tests/dis/<name>.dis`. Pyrite's bytecode is its own, so CPython cannot
//! produce these; they are Pyrite's output, reviewed when they change.
//! Regenerate with `PYRITE_UPDATE_SNAPSHOTS=1 cargo test --test dis_snapshots`.
//! Code-object addresses (`at 0x...`) are masked before comparing.

use std::fs;
use std::path::Path;
use std::process::Command;

/// Replaces every `0x<hex digits>` with `0x...`: addresses differ run to run.
fn mask_addresses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find("0x") {
        out.push_str(&rest[..p + 2]);
        let after = &rest[p + 2..];
        let n = after.bytes().take_while(|b| b.is_ascii_hexdigit()).count();
        if n > 0 {
            out.push_str("...");
        }
        rest = &after[n..];
    }
    out.push_str(rest);
    out
}

#[test]
fn dis_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("dis");
    let update = std::env::var_os("PYRITE_UPDATE_SNAPSHOTS").is_some();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("tests/dis exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no programs in tests/dis");
    let mut failures = Vec::new();
    for name in &names {
        let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
            .args(["-m", "dis", name])
            .current_dir(&dir)
            .env("PYTHONHASHSEED", "0")
            .output()
            .expect("run pyrite");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && stderr.is_empty(), "pyrite -m dis {} failed: {}", name, stderr);
        let got = mask_addresses(&String::from_utf8_lossy(&out.stdout));
        let snap = dir.join(name.replace(".py", ".dis"));
        if update {
            fs::write(&snap, &got).expect("write snapshot");
            continue;
        }
        let want = fs::read_to_string(&snap).unwrap_or_default();
        if got != want {
            failures.push(format!("{}:\n--- expected\n{}\n--- got\n{}", name, want, got));
        }
    }
    assert!(failures.is_empty(), "dis snapshots differ (PYRITE_UPDATE_SNAPSHOTS=1 to regenerate):\n{}", failures.join("\n"));
}
