#!/usr/bin/env python3
"""C API call overhead in modelled cycles, Pyrite against CPython 3.11.

Usage (from the repository root; needs gdb and llvm-mca):

    cargo build --release
    python3 benches/capi_cycles.py [--pyrite PATH] [--cpython PATH]
                                   [--mcpu CPU] [--write]

The second deterministic companion of benches/capi_run.py (the first is
capi_instructions.py). For each loop of benches/capi/count.py, gdb stops at
a function that runs once per iteration (the C function called, or the
int deallocator for the loops that call none), skips 3,000 iterations, and
single-steps (`stepi`) through one whole iteration, recording every
executed instruction. That trace, in execution order, goes to `llvm-mca
-mcpu=CPU` (default znver3), whose cycle count for 200 repetitions, divided
by 200, is the figure here. The trace also gives the instruction count and
the taken jumps, calls and returns.

What the model leaves out: branch prediction, the cost of taken branches
to instruction fetch, caches, and stores forwarding to loads (llvm-mca
assumes loads do not alias earlier stores). It is a reading of dependency
chains and execution ports, good for comparing two code paths, not a time.
The target stays the one capi_run.py measures.

With --write the section between `<!-- capi-cycles:start -->` and
`<!-- capi-cycles:end -->` of benches/RESULTS.md is replaced.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, BENCH_DIR)
import capi_instructions  # noqa: E402  (CASES, COUNT)
import capi_run  # noqa: E402  (module builds)

START_MARK = "<!-- capi-cycles:start -->"
END_MARK = "<!-- capi-cycles:end -->"
SKIP = 3000
MCA_ITERATIONS = 200

# gdb script: stop at the once-per-iteration function, then trace one
# iteration. A `^...$` name is a plain (C) symbol, which may be in the
# extension and so resolves when it loads; anything else is a regular
# expression over the executable's symbols (Rust names carry a hash).
GDB_SCRIPT = r'''
import gdb, os
func, out_path = os.environ["TRACE_FUNC"], os.environ["TRACE_OUT"]
gdb.execute("set pagination off")
gdb.execute("set confirm off")
gdb.execute("set breakpoint pending on")
gdb.execute("starti")
if func.startswith("^"):
    gdb.execute("break " + func.strip("^$"))
else:
    gdb.execute("rbreak " + func)
for bp in gdb.breakpoints():
    bp.ignore_count = %d
gdb.execute("continue")
gdb.execute("delete")
start = int(gdb.parse_and_eval("$pc"))
with open(out_path, "w") as out:
    n = 0
    while n == 0 or int(gdb.parse_and_eval("$pc")) != start:
        out.write(gdb.execute("x/i $pc", to_string=True).strip() + "\n")
        gdb.execute("stepi", to_string=True)
        n += 1
        if n > 20000:
            raise gdb.GdbError("no second stop within 20000 instructions")
gdb.execute("kill")
''' % SKIP


def stop_function(kind, case):
    """The function gdb stops at, once per iteration of `case`."""
    if case in ("empty", "pycall"):
        # The loop frees the int `range` made for the previous iteration.
        return "^PyObject_Free$" if kind == "cpython" else "vm::objects::long::long_dealloc"
    if case == "callback":
        return "^PyLong_AsLong$"
    return "^%s$" % case


def trace(exe, moddir, kind, case, tmp):
    script = os.path.join(tmp, "trace.py")
    with open(script, "w") as f:
        f.write(GDB_SCRIPT)
    out = os.path.join(tmp, "%s-%s.trace" % (kind, case))
    env = dict(os.environ, PYTHONPATH=moddir, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1",
               TRACE_FUNC=stop_function(kind, case), TRACE_OUT=out)
    subprocess.run(["gdb", "-q", "-batch", "-x", script, "--args", exe,
                    capi_instructions.COUNT, case, str(SKIP * 4)],
                   cwd=moddir, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=900)
    if not os.path.exists(out):
        raise RuntimeError("gdb recorded no trace for %s %s" % (kind, case))
    lines = [l.replace("=> ", "").strip() for l in open(out) if l.strip()]
    if not lines:
        raise RuntimeError("empty trace for %s %s" % (kind, case))
    return lines


ADDR = re.compile(r"^(0x[0-9a-f]+)(?: <[^>]*>)?:\s*(.*)$")


def analyse(lines, mcpu, tmp):
    addrs, insns = [], []
    for line in lines:
        m = ADDR.match(line)
        if not m:
            raise RuntimeError("unexpected gdb output: %r" % line)
        addrs.append(int(m.group(1), 16))
        # Drop gdb's comments and symbolic targets; llvm-mca assembles the rest.
        insns.append(re.sub(r"<[^>]*>", "", m.group(2).split("#")[0]).strip())
    taken = sum(1 for a, b in zip(addrs, addrs[1:]) if not 0 < b - a <= 15)
    src = os.path.join(tmp, "loop.s")
    with open(src, "w") as f:
        f.write("\n".join(insns) + "\n")
    proc = subprocess.run(["llvm-mca", "-mcpu=" + mcpu, "-iterations=%d" % MCA_ITERATIONS, src],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    m = re.search(r"Total Cycles:\s+(\d+)", proc.stdout.decode("utf-8", "replace"))
    if proc.returncode != 0 or not m:
        raise RuntimeError("llvm-mca failed: %s" % proc.stderr.decode("utf-8", "replace")[-300:])
    return len(insns), taken, int(m.group(1)) / MCA_ITERATIONS


def measure(exe, moddir, kind, mcpu):
    res = {}
    with tempfile.TemporaryDirectory() as tmp:
        for case in ["empty"] + [c for c, _, _ in capi_instructions.CASES]:
            print("%s: %s" % (kind, case), file=sys.stderr, flush=True)
            res[case] = analyse(trace(exe, moddir, kind, case, tmp), mcpu, tmp)
    return res


def report(c, p, mcpu):
    lines = ["| case | CPython cycles | Pyrite cycles | pyrite/CPython "
             "| instructions C / P | taken jumps C / P |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    rows = [(case, label, sub) for case, label, sub in capi_instructions.CASES]
    for case, label, subtract in rows:
        cn = c[case][2] - (c["empty"][2] if subtract else 0)
        pn = p[case][2] - (p["empty"][2] if subtract else 0)
        lines.append("| %s | %.1f | %.1f | %.2f | %d / %d | %d / %d |" % (
            label.replace("|", "\\|"), cn, pn, pn / cn, c[case][0], p[case][0],
            c[case][1], p[case][1]))
    lines.append("| empty loop baseline, per iteration | %.1f | %.1f | %.2f | %d / %d | %d / %d |"
                 % (c["empty"][2], p["empty"][2], p["empty"][2] / c["empty"][2],
                    c["empty"][0], p["empty"][0], c["empty"][1], p["empty"][1]))
    lines.append("")
    lines.append("Cycles per iteration in `llvm-mca -mcpu=%s`'s model of one traced loop "
                 "iteration. The call rows have the empty loop (last row) subtracted; the "
                 "C->Python row is a loop inside one C call, nothing subtracted. The two "
                 "right-hand columns are for the whole iteration, loop included." % mcpu)
    return "\n".join(lines)


def write_results(text, cpython, pyrite):
    intro = [
        "### The same calls in modelled cycles", "",
        "`benches/capi_cycles.py` traces one iteration of each call loop under gdb "
        "and runs the trace through llvm-mca's pipeline model; see its docstring for "
        "what the model leaves out.", ""]
    capi_instructions.write_section(START_MARK, END_MARK, intro, text, cpython, pyrite,
                                    capi_instructions.END_MARK)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pyrite", default=os.path.join(capi_run.REPO_ROOT, "target", "release", "pyrite"))
    ap.add_argument("--cpython", default=None)
    ap.add_argument("--mcpu", default="znver3", help="llvm-mca's CPU model (default znver3)")
    ap.add_argument("--write", action="store_true", help="update benches/RESULTS.md")
    args = ap.parse_args()
    both = capi_instructions.measure_both(
        args, ["gdb", "llvm-mca"],
        lambda exe, moddir, label: measure(exe, moddir, label.lower(), args.mcpu))
    if isinstance(both, int):
        return both
    c, p, cpython, pyrite = both
    text = report(c, p, args.mcpu)
    print(text)
    if args.write:
        write_results(text, cpython, pyrite)
    return 0


if __name__ == "__main__":
    sys.exit(main())
