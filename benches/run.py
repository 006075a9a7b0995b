#!/usr/bin/env python3
"""Run Pyrite's benchmarks against CPython 3.11 and report the time ratios.

Usage (from the repository root):

    cargo build --release
    python3 benches/run.py [--pyrite PATH] [--only NAME ...] [--repeat N] [--write]

Every ``benches/bm_*.py`` program is run under CPython and under Pyrite,
alternately, ``--repeat`` times each (default 3). The minimum wall time of
each interpreter is kept (the whole process: startup, compile and run). The
two interpreters must print the same output; a benchmark whose Pyrite run
exits non-zero, times out or prints something different is reported as FAIL
and left out of the geometric mean. Startup (``-c pass``, minimum of 20 runs
each) is measured and reported separately, not in the geometric mean.

With ``--write`` the results section of ``benches/RESULTS.md`` (between the
``<!-- results:start -->`` and ``<!-- results:end -->`` markers) is replaced
with the table, the date, the machine and the command used.

The harness itself runs on CPython; the benchmark programs import nothing.
"""

import argparse
import datetime
import math
import os
import shlex
import shutil
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
RESULTS_MD = os.path.join(BENCH_DIR, "RESULTS.md")
START_MARK = "<!-- results:start -->"
END_MARK = "<!-- results:end -->"
STARTUP_RUNS = 20
TARGET_GEOMEAN = 1.5


def find_cpython(explicit):
    if explicit:
        return explicit
    if os.path.exists("/usr/bin/python3.11"):
        return "/usr/bin/python3.11"
    found = shutil.which("python3")
    if found:
        return found
    return sys.executable


def list_benchmarks():
    names = []
    for fn in sorted(os.listdir(BENCH_DIR)):
        if fn.startswith("bm_") and fn.endswith(".py"):
            names.append(fn[3:-3])
    return names


def normalize_name(name):
    if name.endswith(".py"):
        name = name[:-3]
    if name.startswith("bm_"):
        name = name[3:]
    return name


class RunResult:
    def __init__(self, ok, seconds, stdout, reason=""):
        self.ok = ok
        self.seconds = seconds
        self.stdout = stdout
        self.reason = reason


def run_once(argv, timeout):
    """Run argv once; return a RunResult with its wall time and stdout."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            argv,
            cwd=BENCH_DIR,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return RunResult(False, time.perf_counter() - start, b"", "timeout after %gs" % timeout)
    except OSError as e:
        return RunResult(False, 0.0, b"", "could not start: %s" % e)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        if proc.returncode < 0:
            what = "killed by signal %d" % -proc.returncode
        else:
            what = "exit status %d" % proc.returncode
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        reason = what
        if tail:
            reason += ": " + " | ".join(line.strip() for line in tail)
        return RunResult(False, elapsed, proc.stdout, reason)
    return RunResult(True, elapsed, proc.stdout)


def short(data, limit=200):
    text = data.decode("utf-8", "replace").strip()
    text = text.replace("\n", "\\n")
    if len(text) > limit:
        text = text[:limit] + "..."
    return repr(text)


class BenchResult:
    def __init__(self, name):
        self.name = name
        self.cpython = None  # min seconds, or None
        self.pyrite = None  # min seconds, or None
        self.status = "ok"  # "ok" or "FAIL"
        self.reason = ""

    @property
    def ratio(self):
        if self.status == "ok" and self.cpython and self.pyrite is not None:
            return self.pyrite / self.cpython
        return None


def run_benchmark(name, cpython, pyrite, repeat, timeout):
    res = BenchResult(name)
    script = os.path.join(BENCH_DIR, "bm_%s.py" % name)
    c_times, p_times = [], []
    c_out = None
    p_failed = None
    for i in range(repeat):
        c = run_once([cpython, script], timeout)
        if not c.ok:
            res.status = "FAIL"
            res.reason = "CPython failed: " + c.reason
            return res
        if c_out is None:
            c_out = c.stdout
        elif c.stdout != c_out:
            res.status = "FAIL"
            res.reason = "CPython output is not deterministic: %s vs %s" % (
                short(c_out), short(c.stdout))
            return res
        c_times.append(c.seconds)
        if p_failed is None:
            p = run_once([pyrite, script], timeout)
            if not p.ok:
                p_failed = p.reason
            elif p.stdout != c_out:
                p_failed = "output mismatch: expected %s, got %s" % (short(c_out), short(p.stdout))
            else:
                p_times.append(p.seconds)
    res.cpython = min(c_times)
    if p_failed is not None:
        res.status = "FAIL"
        res.reason = p_failed
        if p_times:
            res.pyrite = min(p_times)
    else:
        res.pyrite = min(p_times)
    return res


def measure_startup(cpython, pyrite, runs, timeout):
    """Min wall time of `-c pass` for each interpreter, or an error string."""
    c_times, p_times = [], []
    p_err = None
    for i in range(runs):
        c = run_once([cpython, "-c", "pass"], timeout)
        if c.ok:
            c_times.append(c.seconds)
        if p_err is None:
            p = run_once([pyrite, "-c", "pass"], timeout)
            if p.ok:
                p_times.append(p.seconds)
            else:
                p_err = p.reason
    return (min(c_times) if c_times else None,
            min(p_times) if p_times and p_err is None else None,
            p_err)


def fmt_s(x):
    return "%.3f" % x if x is not None else "-"


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def build_report(results, startup, repeat):
    lines = []
    lines.append("| benchmark | CPython s | Pyrite s | pyrite/CPython |")
    lines.append("| --- | ---: | ---: | ---: |")
    for r in results:
        if r.status == "ok":
            ratio = "%.2f" % r.ratio
        else:
            ratio = "FAIL"
        lines.append("| %s | %s | %s | %s |" % (r.name, fmt_s(r.cpython), fmt_s(r.pyrite), ratio))
    ok = [r for r in results if r.status == "ok"]
    lines.append("")
    if ok:
        gm = geomean([r.ratio for r in ok])
        verdict = "meets" if gm <= TARGET_GEOMEAN else "misses"
        lines.append("**Geometric mean of pyrite/CPython: %.2f** over %d of %d benchmarks "
                     "(%s the target of <= %.1f; minimum of %d runs each)."
                     % (gm, len(ok), len(results), verdict, TARGET_GEOMEAN, repeat))
    else:
        lines.append("**Geometric mean: n/a** (no benchmark passed on Pyrite).")
    failed = [r for r in results if r.status != "ok"]
    if failed:
        lines.append("")
        lines.append("Failures (excluded from the geometric mean):")
        lines.append("")
        for r in failed:
            lines.append("- `%s`: %s" % (r.name, r.reason.replace("`", "'")))
    if startup is not None:
        c, p, err = startup
        lines.append("")
        lines.append("Startup, `-c pass` (minimum of %d runs each; not in the geometric mean):"
                     % STARTUP_RUNS)
        lines.append("")
        lines.append("| startup | CPython s | Pyrite s | pyrite/CPython |")
        lines.append("| --- | ---: | ---: | ---: |")
        if err is not None or p is None or c is None:
            lines.append("| `-c pass` | %s | FAIL | FAIL |" % ("%.4f" % c if c else "-"))
            lines.append("")
            lines.append("- startup: %s" % (err or "no successful run").replace("`", "'"))
        else:
            lines.append("| `-c pass` | %.4f | %.4f | %.2f |" % (c, p, p / c))
            lines.append("")
            lines.append("Startup %s the target (Pyrite faster than CPython on `-c pass`)."
                         % ("meets" if p < c else "misses"))
    return "\n".join(lines)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def nproc():
    try:
        out = subprocess.run(["nproc"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if out.returncode == 0:
            return out.stdout.decode().strip()
    except OSError:
        pass
    return str(os.cpu_count())


def interpreter_version(exe):
    try:
        out = subprocess.run([exe, "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             timeout=30)
        return out.stdout.decode("utf-8", "replace").strip() or "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


def git_commit():
    try:
        out = subprocess.run(["git", "-C", REPO_ROOT, "rev-parse", "--short", "HEAD"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=30)
        if out.returncode == 0:
            return out.stdout.decode().strip()
    except (OSError, subprocess.TimeoutExpired):
        pass
    return "unknown"


def display_path(path):
    """Path relative to the repo root if it lies inside it, else as given."""
    rel = os.path.relpath(path, REPO_ROOT)
    return path if rel.startswith("..") else rel


def write_results(report, cpython, pyrite, command):
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    section = "\n".join([
        START_MARK,
        "",
        "Recorded %s." % now,
        "",
        "- machine: %s CPUs (nproc), %s" % (nproc(), cpu_model()),
        "- CPython: `%s` (%s)" % (cpython, interpreter_version(cpython)),
        "- Pyrite: `%s` (commit %s)" % (display_path(pyrite), git_commit()),
        "- command: `%s`" % command,
        "",
        report,
        "",
        END_MARK,
    ])
    try:
        with open(RESULTS_MD) as f:
            text = f.read()
    except OSError:
        text = "# Pyrite benchmark results\n\n## Results\n\n%s\n%s\n" % (START_MARK, END_MARK)
    start = text.find(START_MARK)
    end = text.find(END_MARK)
    if start == -1 or end == -1 or end < start:
        text = text.rstrip("\n") + "\n\n## Results\n\n" + section + "\n"
    else:
        text = text[:start] + section + text[end + len(END_MARK):]
    with open(RESULTS_MD, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description="Run Pyrite benchmarks against CPython 3.11.")
    ap.add_argument("--pyrite", default=os.path.join(REPO_ROOT, "target", "release", "pyrite"),
                    help="Pyrite binary (default: target/release/pyrite under the repo root)")
    ap.add_argument("--cpython", default=None,
                    help="CPython to compare with (default: /usr/bin/python3.11, else python3)")
    ap.add_argument("--only", nargs="+", metavar="NAME", default=None,
                    help="run only these benchmarks (e.g. fib or bm_fib)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per interpreter (default 3)")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds before a single run is killed (default 120)")
    ap.add_argument("--no-startup", action="store_true", help="skip the startup measurement")
    ap.add_argument("--write", action="store_true",
                    help="replace the results section of benches/RESULTS.md")
    ap.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = ap.parse_args()

    available = list_benchmarks()
    if args.list:
        print("\n".join(available))
        return 0
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")

    if args.only:
        names = []
        for n in args.only:
            n = normalize_name(n)
            if n not in available:
                ap.error("unknown benchmark %r (have: %s)" % (n, ", ".join(available)))
            if n not in names:
                names.append(n)
    else:
        names = available

    pyrite = os.path.abspath(args.pyrite)
    if not os.path.isfile(pyrite) or not os.access(pyrite, os.X_OK):
        print("error: Pyrite binary not found or not executable: %s" % pyrite, file=sys.stderr)
        print("build it with `cargo build --release`, or pass --pyrite PATH", file=sys.stderr)
        return 2
    cpython = find_cpython(args.cpython)

    print("CPython: %s (%s)" % (cpython, interpreter_version(cpython)), file=sys.stderr)
    print("Pyrite:  %s" % pyrite, file=sys.stderr)

    results = []
    for name in names:
        print("running %-16s" % name, end="", file=sys.stderr, flush=True)
        r = run_benchmark(name, cpython, pyrite, args.repeat, args.timeout)
        if r.status == "ok":
            print(" CPython %.3fs  Pyrite %.3fs  ratio %.2f" % (r.cpython, r.pyrite, r.ratio),
                  file=sys.stderr)
        else:
            print(" FAIL: %s" % r.reason, file=sys.stderr)
        results.append(r)

    startup = None
    if not args.no_startup:
        print("running startup (-c pass x%d)" % STARTUP_RUNS, file=sys.stderr)
        startup = measure_startup(cpython, pyrite, STARTUP_RUNS, args.timeout)

    report = build_report(results, startup, args.repeat)
    print()
    print(report)

    if args.write:
        command = "python3 " + shlex.join([sys.argv[0]] + sys.argv[1:])
        write_results(report, cpython, pyrite, command)
        print("\nwrote %s" % os.path.relpath(RESULTS_MD, os.getcwd()), file=sys.stderr)

    return 1 if any(r.status != "ok" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
