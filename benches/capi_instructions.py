#!/usr/bin/env python3
"""C API call overhead in executed instructions, Pyrite against CPython 3.11.

Usage (from the repository root; needs valgrind):

    cargo build --release
    python3 benches/capi_instructions.py [--pyrite PATH] [--cpython PATH] [--write]

The companion of benches/capi_run.py for a shared, noisy machine: wall
time moves by 10-30% between runs there, instruction counts do not. Each
case of benches/capi/count.py runs under `valgrind --tool=callgrind` at
N = 20,000 and N = 40,000 iterations; the difference of the two totals
divided by 20,000 is the cost of one iteration, start-up and imports
cancelling out. For the cases that are one call in a Python loop the
empty loop's count is subtracted, as capi_run.py subtracts its time.

Instruction counts are not time: they ignore stalls, and on the machine
this was written on CPython's loops retire more instructions per cycle
than Pyrite's (the METH_O loop: 310 instructions in 20.6 ns against 255 in
21.4 ns). The target stays the one capi_run.py measures; this table shows
where instructions go and whether a change removed any.

With --write the section between `<!-- capi-instr:start -->` and
`<!-- capi-instr:end -->` of benches/RESULTS.md is replaced.
"""

import argparse
import datetime
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, BENCH_DIR)
import capi_run  # noqa: E402  (module builds)
import run as run_py  # noqa: E402  (find_cpython, machine facts)

COUNT = os.path.join(BENCH_DIR, "capi", "count.py")
RESULTS_MD = os.path.join(BENCH_DIR, "RESULTS.md")
START_MARK = "<!-- capi-instr:start -->"
END_MARK = "<!-- capi-instr:end -->"
N1, N2 = 20000, 40000

# (case, label, whether the empty loop is subtracted)
CASES = [
    ("noargs", "METH_NOARGS f()", True),
    ("onearg", "METH_O f(x)", True),
    ("fastcall", "METH_FASTCALL f(a, b)", True),
    ("varargs", "METH_VARARGS f(a, b)", True),
    ("varargs_parse", "METH_VARARGS + PyArg_ParseTuple(OO)", True),
    ("fastcall_kw", "METH_FASTCALL|METH_KEYWORDS f(a, b=b)", True),
    ("varargs_kw", "METH_VARARGS|METH_KEYWORDS + ParseTupleAndKeywords f(a, b=b)", True),
    ("pycall", "ref: Python def f(x)", True),
    ("callback", "C->Python PyObject_CallOneArg(f, x), per call", False),
]


def instructions(exe, moddir, case, n):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        env = dict(os.environ, PYTHONPATH=moddir, PYTHONHASHSEED="0",
                   PYTHONDONTWRITEBYTECODE="1")
        proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                               exe, COUNT, case, str(n)], cwd=moddir, env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=600)
        if proc.returncode != 0:
            raise RuntimeError("%s %s failed: %s" % (exe, case, proc.stderr.decode(
                "utf-8", "replace").strip().splitlines()[-3:]))
        m = re.search(r"Collected : (\d+)", proc.stderr.decode("utf-8", "replace"))
        if not m:
            raise RuntimeError("no instruction count from callgrind for %s %s" % (exe, case))
        return int(m.group(1))


def per_iteration(exe, moddir, case):
    a = instructions(exe, moddir, case, N1)
    b = instructions(exe, moddir, case, N2)
    return (b - a) / (N2 - N1)


def measure(exe, moddir, label):
    counts = {}
    for case in ["empty"] + [c for c, _, _ in CASES]:
        print("%s: %s" % (label, case), file=sys.stderr, flush=True)
        counts[case] = per_iteration(exe, moddir, case)
    return counts


def report(c, p):
    lines = ["| case | CPython instructions | Pyrite instructions | pyrite/CPython |",
             "| --- | ---: | ---: | ---: |"]
    for case, label, subtract in CASES:
        cn = c[case] - (c["empty"] if subtract else 0)
        pn = p[case] - (p["empty"] if subtract else 0)
        lines.append("| %s | %.0f | %.0f | %.2f |" % (label.replace("|", "\\|"), cn, pn, pn / cn))
    lines.append("| empty loop baseline, per iteration | %.0f | %.0f | %.2f |"
                 % (c["empty"], p["empty"], p["empty"] / c["empty"]))
    lines.append("")
    lines.append("Instructions per operation under callgrind: the difference between runs of "
                 "%d and %d iterations, divided by %d. The call rows have the empty loop "
                 "(last row) subtracted; the C->Python row is a loop inside one C call, "
                 "nothing subtracted." % (N1, N2, N2 - N1))
    return "\n".join(lines)


def write_section(start_mark, end_mark, intro, text, cpython, pyrite, after_mark):
    """Replaces the section between the marks in benches/RESULTS.md; a new
    one (with `intro` above it) goes after `after_mark`'s section."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    section = "\n".join([
        start_mark, "",
        "Recorded %s." % now, "",
        "- CPython: `%s` (%s)" % (cpython, run_py.interpreter_version(cpython)),
        "- Pyrite: `%s` (commit %s)" % (run_py.display_path(pyrite), run_py.git_commit()),
        "- command: `%s`" % shlex.join(["python3"] + [run_py.display_path(a) if os.path.isabs(a) else a
                                                     for a in sys.argv]),
        "", text, "", end_mark])
    with open(RESULTS_MD) as f:
        doc = f.read()
    start, end = doc.find(start_mark), doc.find(end_mark)
    if start == -1 or end == -1 or end < start:
        anchor = doc.find(after_mark)
        insert_at = anchor + len(after_mark) if anchor != -1 else len(doc)
        doc = doc[:insert_at] + "\n\n" + "\n".join(intro) + "\n" + section + doc[insert_at:]
    else:
        doc = doc[:start] + section + doc[end + len(end_mark):]
    with open(RESULTS_MD, "w") as f:
        f.write(doc)


def write_results(text, cpython, pyrite):
    intro = [
        "### The same calls in executed instructions", "",
        "`benches/capi_instructions.py` runs the call cases under callgrind "
        "(deterministic where wall time on a shared machine is not); see its "
        "docstring for what the counts mean and do not mean.", ""]
    write_section(START_MARK, END_MARK, intro, text, cpython, pyrite, capi_run.END_MARK)


def measure_both(args, tools, measure_one):
    """Checks the tools and the Pyrite binary, builds the module for both
    interpreters and measures each with `measure_one(exe, moddir, label)`:
    (cpython figures, pyrite figures, cpython, pyrite), or an exit status."""
    for tool in tools:
        if shutil.which(tool) is None:
            print("error: %s is not installed" % tool, file=sys.stderr)
            return 2
    pyrite = os.path.abspath(args.pyrite)
    if not os.access(pyrite, os.X_OK):
        print("error: Pyrite binary not found: %s (cargo build --release)" % pyrite, file=sys.stderr)
        return 2
    cpython = run_py.find_cpython(args.cpython)
    try:
        capi_run.build_both(pyrite, cpython)
        c = measure_one(cpython, os.path.join(capi_run.BUILD_DIR, "cpython"), "CPython")
        p = measure_one(pyrite, os.path.join(capi_run.BUILD_DIR, "pyrite"), "Pyrite")
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    return c, p, cpython, pyrite


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pyrite", default=os.path.join(capi_run.REPO_ROOT, "target", "release", "pyrite"))
    ap.add_argument("--cpython", default=None)
    ap.add_argument("--write", action="store_true", help="update benches/RESULTS.md")
    args = ap.parse_args()
    both = measure_both(args, ["valgrind"], lambda exe, moddir, label: measure(exe, moddir, label))
    if isinstance(both, int):
        return both
    c, p, cpython, pyrite = both
    text = report(c, p)
    print(text)
    if args.write:
        write_results(text, cpython, pyrite)
    return 0


if __name__ == "__main__":
    sys.exit(main())
