#!/usr/bin/env python3
"""C API call overhead: Pyrite against CPython 3.11, in ns per call.

Usage (from the repository root):

    cargo build --release
    python3 benches/capi_run.py [--pyrite PATH] [--cpython PATH] [-n N]
                                [--repeat R] [--rounds K] [--write]

benches/capi/bench_capi.c is compiled twice into target/capi-bench/: against
Pyrite's include/ with the suffix of `pyrite-config --extension-suffix`, and
against the CPython's own headers (`sysconfig.get_paths()["include"]`) with
its EXT_SUFFIX, both with `cc -shared -fPIC -O2`. benches/capi/driver.py then
runs under each interpreter, alternately, --rounds times (default 2); each
run times every case over N operations (default 1,000,000), best of
--repeat (default 5), with time.perf_counter inside the driver. The lowest
figure of each case over the rounds is kept.

For the cases that are one Python-level call in a loop, the empty-loop
baseline (`for _ in range(N): pass`, measured the same way) is subtracted;
the cases whose loop runs inside one call (C loops, the C->Python callback,
the Python loops) are total time / N with nothing subtracted.

Every run must print the same `check` lines (results and call counts); a
difference fails the run (exit status 1). With --write the section between
`<!-- capi:start -->` and `<!-- capi:end -->` of benches/RESULTS.md is
replaced (run.py's own section is left alone).

The harness itself runs on CPython, like run.py.
"""

import argparse
import datetime
import os
import shlex
import subprocess
import sys

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
CAPI_DIR = os.path.join(BENCH_DIR, "capi")
SOURCE = os.path.join(CAPI_DIR, "bench_capi.c")
DRIVER = os.path.join(CAPI_DIR, "driver.py")
BUILD_DIR = os.path.join(REPO_ROOT, "target", "capi-bench")
RESULTS_MD = os.path.join(BENCH_DIR, "RESULTS.md")
START_MARK = "<!-- capi:start -->"
END_MARK = "<!-- capi:end -->"
HEADING = "## C API call overhead"
CFLAGS = ["-shared", "-fPIC", "-O2"]

sys.dont_write_bytecode = True
sys.path.insert(0, BENCH_DIR)
import run as run_py  # noqa: E402  (find_cpython, machine facts, display_path)


def check_output(argv):
    out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    if out.returncode != 0:
        raise RuntimeError("%s failed: %s" % (shlex.join(argv),
                                              out.stderr.decode("utf-8", "replace").strip()))
    return out.stdout.decode().strip()


def compile_module(include, suffix, dest):
    os.makedirs(dest, exist_ok=True)
    target = os.path.join(dest, "bench_capi" + suffix)
    cmd = ["cc"] + CFLAGS + ["-I", include, SOURCE, "-o", target]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if r.returncode != 0:
        raise RuntimeError("build failed: %s\n%s" % (shlex.join(cmd),
                                                     r.stdout.decode("utf-8", "replace")))
    return cmd


def build_both(pyrite, cpython):
    """Compile the module for each interpreter; return the two cc commands."""
    config = os.path.join(os.path.dirname(pyrite), "pyrite-config")
    p_suffix = check_output([config, "--extension-suffix"])
    p_cmd = compile_module(os.path.join(REPO_ROOT, "include"), p_suffix,
                           os.path.join(BUILD_DIR, "pyrite"))
    info = check_output([cpython, "-c", "import sysconfig;"
                         "print(sysconfig.get_paths()['include']);"
                         "print(sysconfig.get_config_var('EXT_SUFFIX'))"]).splitlines()
    c_cmd = compile_module(info[0], info[1], os.path.join(BUILD_DIR, "cpython"))
    return p_cmd, c_cmd


class Run:
    def __init__(self, checks, times, baseline):
        self.checks = checks  # list of `check` lines
        self.times = times  # ordered {case: (kind, raw, net)}
        self.baseline = baseline


def run_driver(exe, moddir, n, repeat, timeout):
    env = dict(os.environ, PYTHONPATH=moddir, PYTHONHASHSEED="0",
               PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run([exe, DRIVER, str(n), str(repeat)], cwd=moddir, env=env,
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=timeout)
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise RuntimeError("%s exited with status %d: %s" % (exe, proc.returncode,
                                                              " | ".join(tail)))
    checks, times, baseline = [], {}, None
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("time "):
            name, kind, raw, net = line[5:].split("\t")
            times[name] = (kind, float(raw), float(net))
        elif line.startswith("baseline "):
            baseline = float(line.split()[1])
        else:
            checks.append(line)
    return Run(checks, times, baseline)


def merge(runs):
    """Lowest raw figure of each case and lowest baseline over the runs; the
    baseline is subtracted again from the merged raw figures of the call
    cases, as the driver does within one run."""
    baseline = min(r.baseline for r in runs)
    times = {}
    for name, (kind, _raw, _net) in runs[0].times.items():
        raw = min(r.times[name][1] for r in runs)
        times[name] = (kind, raw, raw - baseline if kind == "call" else raw)
    return Run(runs[0].checks, times, baseline)


def fmt_ns(x):
    return "%.1f" % x


def build_report(c, p, n, repeat, rounds):
    lines = []
    lines.append("| case | CPython ns | Pyrite ns | pyrite/CPython |")
    lines.append("| --- | ---: | ---: | ---: |")
    worse = []
    for name, (kind, _craw, cnet) in c.times.items():
        _k, _praw, pnet = p.times[name]
        ratio = pnet / cnet if cnet > 0 else float("inf")
        lines.append("| %s | %s | %s | %.2f |" % (name.replace("|", "\\|"), fmt_ns(cnet),
                                                 fmt_ns(pnet), ratio))
        if name.startswith("METH_") and ratio > 1.0:
            worse.append("%s (%.2f)" % (name, ratio))
    lines.append("| empty loop baseline, per iteration | %s | %s | %.2f |"
                 % (fmt_ns(c.baseline), fmt_ns(p.baseline), p.baseline / c.baseline))
    lines.append("")
    lines.append("ns per operation, best of %d repeats of %d operations in each of %d "
                 "rounds per interpreter, timed with time.perf_counter inside the driver. "
                 "The `METH_*` and `ref: ... f(...)` rows are a Python loop around one call: "
                 "the empty-loop baseline (last row) **is subtracted** from them. The rows "
                 "marked per call/iter/item run their loop inside one call (in C, or in one "
                 "Python function): total time / N, **nothing subtracted**. `ref:` rows are "
                 "for comparison, not C API calls."
                 % (repeat, n, rounds))
    lines.append("")
    if worse:
        lines.append("C-call overhead target (each `METH_*` call no slower than CPython): "
                     "**missed** by " + ", ".join(worse) + ".")
    else:
        lines.append("C-call overhead target (each `METH_*` call no slower than CPython): "
                     "**met**.")
    return "\n".join(lines)


def write_results(report, cpython, pyrite, command, cc_cmds):
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    section = "\n".join([
        START_MARK,
        "",
        "Recorded %s." % now,
        "",
        "- machine: %s CPUs (nproc), %s" % (run_py.nproc(), run_py.cpu_model()),
        "- CPython: `%s` (%s)" % (cpython, run_py.interpreter_version(cpython)),
        "- Pyrite: `%s` (commit %s)" % (run_py.display_path(pyrite), run_py.git_commit()),
        "- command: `%s`" % command,
        "- module builds: `%s` and `%s`" % tuple(
            shlex.join(run_py.display_path(a) if os.path.isabs(a) else a for a in cmd)
            for cmd in cc_cmds),
        "",
        report,
        "",
        END_MARK,
    ])
    with open(RESULTS_MD) as f:
        text = f.read()
    start = text.find(START_MARK)
    end = text.find(END_MARK)
    if start == -1 or end == -1 or end < start:
        intro = "\n".join([
            HEADING,
            "",
            "`benches/capi_run.py` builds `benches/capi/bench_capi.c` against Pyrite's",
            "`include/` and against CPython 3.11's headers, then times, under each",
            "interpreter in the same run (`benches/capi/driver.py`), calls from Python",
            "into C with each calling convention, a C function calling back into Python",
            "(`PyObject_CallOneArg`), and loops of work in C against the same loop in",
            "Python. Both interpreters must print the same checksums. Reproduce with",
            "`cargo build --release && python3 benches/capi_run.py --write`.",
            "Target: each C-call overhead no higher than CPython's.",
            "",
        ])
        text = text.rstrip("\n") + "\n\n" + intro + "\n" + section + "\n"
    else:
        text = text[:start] + section + text[end + len(END_MARK):]
    with open(RESULTS_MD, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description="C API call overhead, Pyrite against CPython 3.11.")
    ap.add_argument("--pyrite", default=os.path.join(REPO_ROOT, "target", "release", "pyrite"),
                    help="Pyrite binary (default: target/release/pyrite); pyrite-config is "
                         "taken from the same directory")
    ap.add_argument("--cpython", default=None,
                    help="CPython to compare with (default: /usr/bin/python3.11, else python3)")
    ap.add_argument("-n", type=int, default=1000000, help="operations per repeat (default 1e6)")
    ap.add_argument("--repeat", type=int, default=5, help="repeats per case, best kept (default 5)")
    ap.add_argument("--rounds", type=int, default=2,
                    help="driver runs per interpreter, alternating, best kept (default 2)")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per driver run")
    ap.add_argument("--write", action="store_true",
                    help="replace the C API section of benches/RESULTS.md")
    args = ap.parse_args()
    if args.n < 1 or args.repeat < 1 or args.rounds < 1:
        ap.error("-n, --repeat and --rounds must be at least 1")

    pyrite = os.path.abspath(args.pyrite)
    if not os.path.isfile(pyrite) or not os.access(pyrite, os.X_OK):
        print("error: Pyrite binary not found or not executable: %s" % pyrite, file=sys.stderr)
        print("build it with `cargo build --release`, or pass --pyrite PATH", file=sys.stderr)
        return 2
    cpython = run_py.find_cpython(args.cpython)
    print("CPython: %s (%s)" % (cpython, run_py.interpreter_version(cpython)), file=sys.stderr)
    print("Pyrite:  %s" % pyrite, file=sys.stderr)

    try:
        cc_cmds = build_both(pyrite, cpython)
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
        print("error: %s" % e, file=sys.stderr)
        return 2

    c_runs, p_runs = [], []
    for i in range(args.rounds):
        for label, exe, sub, acc in (("CPython", cpython, "cpython", c_runs),
                                     ("Pyrite", pyrite, "pyrite", p_runs)):
            print("round %d: %s" % (i + 1, label), file=sys.stderr, flush=True)
            try:
                acc.append(run_driver(exe, os.path.join(BUILD_DIR, sub), args.n, args.repeat,
                                      args.timeout))
            except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
                print("FAIL: %s: %s" % (label, e), file=sys.stderr)
                return 1

    reference = c_runs[0].checks
    for label, runs in (("CPython", c_runs), ("Pyrite", p_runs)):
        for r in runs:
            if r.checks != reference:
                print("FAIL: %s printed different checks than CPython:" % label, file=sys.stderr)
                for a, b in zip(reference, r.checks):
                    if a != b:
                        print("  expected %r\n  got      %r" % (a, b), file=sys.stderr)
                if len(reference) != len(r.checks):
                    print("  %d check lines, expected %d" % (len(r.checks), len(reference)),
                          file=sys.stderr)
                return 1
    print("checks: identical under both interpreters (%d lines)" % len(reference),
          file=sys.stderr)

    report = build_report(merge(c_runs), merge(p_runs), args.n, args.repeat, args.rounds)
    print()
    print(report)
    if args.write:
        command = "python3 " + shlex.join([sys.argv[0]] + sys.argv[1:])
        write_results(report, cpython, pyrite, command, cc_cmds)
        print("\nwrote %s" % os.path.relpath(RESULTS_MD, os.getcwd()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
