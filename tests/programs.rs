//! Conformance corpus: runs every program under `tests/programs/` with the
//! `pyrite` binary and compares its output with CPython's (recorded by
//! `tests/gen_expected.py`; see `tests/README.md`).
//!
//! * A program is `tests/programs/<area>/<name>.py`, or
//!   `tests/programs/<area>/<case>/main.py` for multi-file programs.
//! * It runs with cwd = its directory, argument = its file name, stdin =
//!   /dev/null, env PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1
//!   PYTHONIOENCODING=utf-8, and is killed after 20 seconds.
//! * stdout must equal `<name>.stdout`; stderr and exit status must equal
//!   `<name>.stderr` / `<name>.status` when those exist, otherwise stderr must
//!   be empty and the status 0. In both outputs the absolute path of the
//!   program's directory followed by `/` is removed before comparing (CPython
//!   prints absolute paths in tracebacks), as gen_expected.py does.
//! * `tests/programs/KNOWN_FAILING.txt` is a ratchet: listed programs may
//!   fail; a listed program that passes fails the test (remove it from the
//!   list). With PYRITE_UPDATE_KNOWN_FAILING=1 the list is rewritten instead.

use std::collections::BTreeSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(10);
const THREADS: usize = 2;
const DIFF_LINES: usize = 8;

fn programs_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("programs")
}

/// Every program, as (relative path with '/' separators, absolute path).
fn discover(root: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut areas: Vec<PathBuf> = match fs::read_dir(root) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect(),
        Err(_) => return out,
    };
    areas.sort();
    for area in areas {
        let mut entries: Vec<PathBuf> =
            fs::read_dir(&area).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            let prog = if p.is_file() && p.extension().map_or(false, |e| e == "py") {
                p
            } else if p.is_dir() && p.join("main.py").is_file() {
                p.join("main.py")
            } else {
                continue;
            };
            let rel = prog
                .strip_prefix(root)
                .unwrap()
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, prog));
        }
    }
    out
}

fn read_known_failing(path: &Path) -> BTreeSet<String> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// Exit code; a signal N is reported as -N (as Python's subprocess does).
    status: Option<i32>,
    timed_out: bool,
}

fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

fn exit_code(st: std::process::ExitStatus) -> Option<i32> {
    if let Some(c) = st.code() {
        return Some(c);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = st.signal() {
            return Some(-sig);
        }
    }
    None
}

fn run_program(prog: &Path) -> Outcome {
    let dir = prog.parent().unwrap();
    let name = prog.file_name().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pyrite"));
    // Its own process group, so that a timeout kills anything it started.
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let spawned: std::io::Result<Child> = cmd
        .arg(name)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                stdout: Vec::new(),
                stderr: format!("<could not start pyrite: {e}>").into_bytes(),
                status: None,
                timed_out: false,
            }
        }
    };
    let out_h = spawn_reader(child.stdout.take().unwrap());
    let err_h = spawn_reader(child.stderr.take().unwrap());
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break exit_code(st),
            Ok(None) => {
                if start.elapsed() >= TIMEOUT {
                    #[cfg(unix)]
                    let _ = Command::new("kill")
                        .args(["-KILL", "--", &format!("-{}", child.id())])
                        .stderr(Stdio::null())
                        .status();
                    let _ = child.kill();
                    let _ = child.wait();
                    timed_out = true;
                    break None;
                }
                thread::sleep(Duration::from_millis(5));
            }
            Err(_) => break None,
        }
    };
    let stdout = out_h.join().unwrap_or_default();
    let stderr = err_h.join().unwrap_or_default();
    Outcome { stdout, stderr, status, timed_out }
}

/// Remove "<absolute program dir>/" (both as given and canonicalized).
fn normalize(data: &[u8], dir: &Path) -> Vec<u8> {
    let mut forms: Vec<String> = vec![format!("{}/", dir.display())];
    if let Ok(c) = dir.canonicalize() {
        let s = format!("{}/", c.display());
        if !forms.contains(&s) {
            forms.push(s);
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    let mut cur = data.to_vec();
    for f in forms {
        cur = replace_bytes(&cur, f.as_bytes());
    }
    cur
}

fn replace_bytes(hay: &[u8], needle: &[u8]) -> Vec<u8> {
    if needle.is_empty() {
        return hay.to_vec();
    }
    let mut out = Vec::with_capacity(hay.len());
    let mut i = 0;
    while i < hay.len() {
        if hay[i..].starts_with(needle) {
            i += needle.len();
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

/// A readable description of the first differing lines.
fn diff(what: &str, expected: &[u8], actual: &[u8]) -> String {
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    let el: Vec<&str> = e.split_inclusive('\n').collect();
    let al: Vec<&str> = a.split_inclusive('\n').collect();
    let first = el.iter().zip(al.iter()).take_while(|(x, y)| x == y).count();
    let mut s = format!(
        "  {what} differs at line {} (expected {} lines, got {}):\n",
        first + 1,
        el.len(),
        al.len()
    );
    for (mark, lines) in [("expected", &el), ("actual  ", &al)] {
        for line in lines.iter().skip(first).take(DIFF_LINES) {
            s += &format!("    {mark} | {:?}\n", line);
        }
        if lines.len() > first + DIFF_LINES {
            s += &format!("    {mark} | ...\n");
        }
    }
    s
}

/// None if the program passes, otherwise a description of what differs.
fn check(prog: &Path) -> Option<String> {
    let base = prog.with_extension("");
    let read = |ext: &str| fs::read(base.with_extension(ext)).ok();
    let exp_out = match read("stdout") {
        Some(d) => d,
        None => return Some("  no .stdout file; run tests/gen_expected.py\n".into()),
    };
    let exp_err = read("stderr").unwrap_or_default();
    let exp_status: i32 = read("status")
        .map(|d| String::from_utf8_lossy(&d).trim().parse().unwrap_or(-1000))
        .unwrap_or(0);
    let o = run_program(prog);
    let dir = prog.parent().unwrap();
    let out = normalize(&o.stdout, dir);
    let err = normalize(&o.stderr, dir);
    let mut msg = String::new();
    if o.timed_out {
        msg += &format!("  timed out after {}s (killed)\n", TIMEOUT.as_secs());
    }
    if o.status != Some(exp_status) {
        let got = o.status.map_or("none".to_string(), |s| s.to_string());
        msg += &format!("  exit status: expected {exp_status}, got {got}\n");
    }
    if out != exp_out {
        msg += &diff("stdout", &exp_out, &out);
    }
    if err != exp_err {
        msg += &diff("stderr", &exp_err, &err);
    }
    if msg.is_empty() {
        None
    } else {
        Some(msg)
    }
}

#[test]
fn programs() {
    let root = programs_root();
    let known_path = root.join("KNOWN_FAILING.txt");
    let known = read_known_failing(&known_path);
    let progs = Arc::new(discover(&root));
    assert!(!progs.is_empty(), "no programs found under {}", root.display());

    let next = Arc::new(Mutex::new(0usize));
    let results: Arc<Mutex<Vec<(String, Option<String>)>>> = Arc::new(Mutex::new(Vec::new()));
    let mut handles = Vec::new();
    for _ in 0..THREADS {
        let (progs, next, results) = (progs.clone(), next.clone(), results.clone());
        handles.push(thread::spawn(move || loop {
            let i = {
                let mut n = next.lock().unwrap();
                let i = *n;
                *n += 1;
                i
            };
            let Some((rel, path)) = progs.get(i) else { break };
            let r = check(path);
            results.lock().unwrap().push((rel.clone(), r));
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    let mut results = Arc::try_unwrap(results).ok().unwrap().into_inner().unwrap();
    results.sort_by(|a, b| a.0.cmp(&b.0));

    let all: BTreeSet<&str> = results.iter().map(|(r, _)| r.as_str()).collect();
    let (mut passed, mut failed, mut known_failing) = (0, 0, 0);
    let mut unexpected_failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    let mut failing_now = Vec::new();
    for (rel, res) in &results {
        match (res, known.contains(rel)) {
            (None, false) => passed += 1,
            (None, true) => {
                passed += 1;
                unexpected_passes.push(rel.clone());
            }
            (Some(_), true) => {
                known_failing += 1;
                failing_now.push(rel.clone());
            }
            (Some(m), false) => {
                failed += 1;
                failing_now.push(rel.clone());
                unexpected_failures.push((rel.clone(), m.clone()));
            }
        }
    }
    let stale: Vec<&String> = known.iter().filter(|k| !all.contains(k.as_str())).collect();

    let update = std::env::var("PYRITE_UPDATE_KNOWN_FAILING").map_or(false, |v| v == "1");
    if update {
        let mut text = String::from(
            "# Programs under tests/programs/ not yet expected to pass under pyrite.\n\
             # A ratchet: tests/programs.rs fails when a program listed here passes,\n\
             # so this list only shrinks. Regenerate with PYRITE_UPDATE_KNOWN_FAILING=1.\n",
        );
        for f in &failing_now {
            text += f;
            text += "\n";
        }
        fs::write(&known_path, text).expect("cannot write KNOWN_FAILING.txt");
        eprintln!("rewrote {} with {} programs", known_path.display(), failing_now.len());
    }

    for (rel, m) in &unexpected_failures {
        eprintln!("FAIL {rel}\n{m}");
    }
    if !update {
        for rel in &unexpected_passes {
            eprintln!("PASS {rel} is listed in KNOWN_FAILING.txt but now passes: remove it from the list");
        }
        for rel in &stale {
            eprintln!("STALE {rel} is listed in KNOWN_FAILING.txt but no such program exists: remove it");
        }
    }
    // Written to the real stderr (not captured by the test harness), so the
    // summary is visible even when the test passes.
    let _ = writeln!(
        std::io::stderr(),
        "programs: {passed} passed, {failed} failed, {known_failing} known-failing"
    );
    if !update {
        assert!(
            unexpected_failures.is_empty() && unexpected_passes.is_empty() && stale.is_empty(),
            "{} unexpected failures, {} known-failing programs now pass, {} stale entries \
             (see above; PYRITE_UPDATE_KNOWN_FAILING=1 rewrites the list)",
            unexpected_failures.len(),
            unexpected_passes.len(),
            stale.len()
        );
    }
}
