"""Import benchmark: a large generated module tree, cold vs warm bytecode cache.

Generates (deterministically, fixed seed) a package tree under
target/import-bench/tree: a top-level module `top` importing PACKAGES
packages, each of whose `__init__` imports its MODULES modules; every module
is ~100-200 lines of ordinary code (functions with loops and ifs, classes with
methods and properties, constants, comprehensions, f-strings, try/except,
decorators, relative imports of a sibling).

Then, for Pyrite (target/release/pyrite) and CPython 3.11 (as benches/run.py
picks it), in fresh processes whose cwd is the tree and whose environment
lacks PYTHONDONTWRITEBYTECODE (so caches are written):

- cold: every __pycache__ in the tree is deleted, then `interp -c "import top"`;
- warm: the same command again with the caches the cold run wrote.

Each is repeated --repeat times (cold runs delete the caches each time) and
the minimum wall time is kept. A warm Pyrite run with PYRITE_DEBUG_COMPILES=1
must report 0 compiled tree modules, and both interpreters must print the
same checksum (`top.CHECK`) so that the tree really ran.

Targets: Pyrite's warm import at least 5x faster than its cold one, and
Pyrite's cold and warm imports each no slower than CPython's.

With --write, the table replaces the part of benches/RESULTS.md between
`<!-- import:start -->` and `<!-- import:end -->` (the sections of run.py and
capi_run.py are left alone). The harness itself runs on CPython.
"""

import argparse
import datetime
import os
import random
import shlex
import shutil
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
RESULTS_MD = os.path.join(BENCH_DIR, "RESULTS.md")
DEFAULT_OUT = os.path.join(REPO_ROOT, "target", "import-bench")
START_MARK = "<!-- import:start -->"
END_MARK = "<!-- import:end -->"
HEADING = "## Import: cold vs warm bytecode cache"
SEED = 20261202
IMPORT_CMD = "import top; print(top.CHECK)"

sys.dont_write_bytecode = True
sys.path.insert(0, BENCH_DIR)
import run as run_py  # noqa: E402  (find_cpython, machine facts, display_path)


# ---------------------------------------------------------------- generation

WORDS = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta", "zeta",
         "rho", "tau", "phi", "chi", "psi", "lambda_", "mu", "nu", "xi", "eta", "iota"]
NOUNS = ["Record", "Buffer", "Parser", "Node", "Widget", "Account", "Packet", "Matrix",
         "Cursor", "Ledger", "Token", "Schema", "Frame", "Bucket", "Router"]


def gen_function(rng, name, k):
    a, b = rng.randint(2, 9), rng.randint(3, 17)
    kind = rng.randrange(4)
    lines = ["def %s(n, scale=%d, *, label=%r):" % (name, a, name),
             "    \"\"\"Compute something deterministic from n (variant %d).\"\"\"" % kind,
             "    total = 0",
             "    seen = {}"]
    if kind == 0:
        lines += ["    for i in range(n):",
                  "        if i %% %d == 0:" % b,
                  "            total += i * scale",
                  "        elif i % 3 == 1:",
                  "            total -= i // 2",
                  "        else:",
                  "            seen[i % 7] = seen.get(i % 7, 0) + 1"]
    elif kind == 1:
        lines += ["    i = 0",
                  "    while i < n:",
                  "        try:",
                  "            total += (n * %d) // (i - %d)" % (a, b),
                  "        except ZeroDivisionError:",
                  "            total += 1",
                  "        i += 1",
                  "    seen = {k: v for k, v in enumerate(range(%d)) if v %% 2}" % b]
    elif kind == 2:
        lines += ["    values = [x * x for x in range(n) if x %% %d != 0]" % a,
                  "    pairs = [(x, y) for x in values[:5] for y in range(3)]",
                  "    for x, y in pairs:",
                  "        total += x - y",
                  "    seen = {str(v): v for v in values[:10]}"]
    else:
        lines += ["    stack = list(range(n))",
                  "    while stack:",
                  "        top = stack.pop()",
                  "        if top > %d and top %% 2:" % b,
                  "            total += top",
                  "        elif not top:",
                  "            break",
                  "        else:",
                  "            seen.setdefault(top % 5, []).append(top)"]
    lines += ["    text = f\"{label}:{total:>8}:{len(seen)}\"",
              "    return total + len(text) + %d" % k,
              ""]
    return lines


def gen_class(rng, name, helper):
    attrs = rng.sample(WORDS, 3)
    lines = ["class %s:" % name,
             "    \"\"\"A small %s with a few fields.\"\"\"" % name.lower(),
             "    KIND = %r" % name.lower(),
             "    LIMIT = %d" % rng.randint(10, 999),
             "",
             "    def __init__(self, %s=0, %s=1, %s=None):" % tuple(attrs),
             "        self.%s = %s" % (attrs[0], attrs[0]),
             "        self.%s = %s" % (attrs[1], attrs[1]),
             "        self.%s = %s if %s is not None else []" % (attrs[2], attrs[2], attrs[2]),
             "",
             "    def __repr__(self):",
             "        return f\"%s({self.%s!r}, {self.%s!r})\"" % (name, attrs[0], attrs[1]),
             "",
             "    def __eq__(self, other):",
             "        if not isinstance(other, %s):" % name,
             "            return NotImplemented",
             "        return (self.%s, self.%s) == (other.%s, other.%s)" % (
                 attrs[0], attrs[1], attrs[0], attrs[1]),
             "",
             "    @property",
             "    def weight(self):",
             "        return self.%s * self.%s + len(self.%s)" % tuple(attrs),
             "",
             "    def update(self, **changes):",
             "        for key, value in changes.items():",
             "            if hasattr(self, key):",
             "                setattr(self, key, value)",
             "            else:",
             "                raise AttributeError(f\"no field {key!r} on {self.KIND}\")",
             "        return self",
             "",
             "    def score(self, n=%d):" % rng.randint(5, 40),
             "        acc = [%s(i) for i in range(n %% 7)]" % helper,
             "        return sum(acc) + (self.weight if self.weight < self.LIMIT else self.LIMIT)",
             "",
             "    @classmethod",
             "    def build(cls, seed):",
             "        return cls(seed, seed + 1, [seed] * (seed % 3))",
             "",
             "    @staticmethod",
             "    def describe(items):",
             "        return \", \".join(f\"{i}={v}\" for i, v in sorted(items.items()))",
             ""]
    return lines


def gen_module(rng, pkg, idx, nmods):
    name = "mod_%02d" % idx
    lines = ["\"\"\"Generated module %s.%s (benchmark data, do not edit).\"\"\"" % (pkg, name), ""]
    if idx > 0:
        lines += ["from .mod_%02d import CONST_0 as PREV_CONST, helper_0 as prev_helper" % (idx - 1),
                  ""]
    else:
        lines += ["PREV_CONST = 0", "", "def prev_helper(n):", "    return n", "", ""]
    nconst = rng.randint(4, 8)
    for c in range(nconst):
        lines.append("CONST_%d = %d" % (c, rng.randint(0, 10 ** 6)))
    lines += ["NAMES = %r" % (tuple(rng.sample(WORDS, 6)),),
              "TABLE = {name: len(name) * %d for name in NAMES}" % rng.randint(1, 9),
              "FLAGS = frozenset(n for n in NAMES if n[0] in 'aeiou')",
              "", ""]
    nfunc = rng.randint(3, 5)
    for f in range(nfunc):
        lines += gen_function(rng, "helper_%d" % f, f)
        lines.append("")
    ncls = rng.randint(2, 3)
    classes = []
    for c in range(ncls):
        cname = "%s%d" % (rng.choice(NOUNS), c)
        classes.append(cname)
        lines += gen_class(rng, cname, "helper_%d" % rng.randrange(nfunc))
        lines.append("")
    lines += ["def _decorate(fn):",
              "    def wrapper(*args, **kwargs):",
              "        result = fn(*args, **kwargs)",
              "        return result if result is not None else 0",
              "    wrapper.__name__ = fn.__name__",
              "    return wrapper",
              "",
              "",
              "@_decorate",
              "def summary(n=%d):" % rng.randint(5, 25),
              "    parts = [%s]" % ", ".join("%s.build(n).score()" % c for c in classes),
              "    keyed = {k: v for k, v in zip(NAMES, parts)}",
              "    return sum(parts) + prev_helper(n) + len(%s.describe(keyed))" % classes[0],
              "",
              "",
              "CHECK = (summary() + PREV_CONST + CONST_0 + sum(TABLE.values())) %% %d" % 1000003,
              ""]
    return "\n".join(lines) + "\n"


def generate(root, packages, modules):
    """Write the tree under root/tree; return (directory, files, lines)."""
    rng = random.Random(SEED)
    tree = os.path.join(root, "tree")
    if os.path.isdir(tree):
        shutil.rmtree(tree)
    os.makedirs(tree)
    nfiles = nlines = 0

    def put(path, text):
        nonlocal nfiles, nlines
        with open(path, "w") as f:
            f.write(text)
        nfiles += 1
        nlines += text.count("\n")

    pkgs = ["pkg_%02d" % p for p in range(packages)]
    for pkg in pkgs:
        d = os.path.join(tree, pkg)
        os.makedirs(d)
        mods = ["mod_%02d" % m for m in range(modules)]
        for m in range(modules):
            put(os.path.join(d, mods[m] + ".py"), gen_module(rng, pkg, m, modules))
        init = ["\"\"\"Generated package %s.\"\"\"" % pkg, ""]
        init += ["from . import %s" % m for m in mods]
        init += ["", "CHECK = (%s) %% 1000003" % " + ".join("%s.CHECK" % m for m in mods), ""]
        put(os.path.join(d, "__init__.py"), "\n".join(init))
    top = ["\"\"\"Generated top-level module importing every package.\"\"\"", ""]
    top += ["import %s" % p for p in pkgs]
    top += ["", "CHECK = (%s) %% 1000003" % " + ".join("%s.CHECK" % p for p in pkgs), ""]
    put(os.path.join(tree, "top.py"), "\n".join(top))
    return tree, nfiles, nlines


# ---------------------------------------------------------------- measurement

def clean_env(extra=None):
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "PYRITE_DEBUG_COMPILES",
                        "PYTHONPATH")}
    if extra:
        env.update(extra)
    return env


def drop_caches(tree):
    for dirpath, dirnames, _ in os.walk(tree):
        if "__pycache__" in dirnames:
            shutil.rmtree(os.path.join(dirpath, "__pycache__"))
            dirnames.remove("__pycache__")


def count_caches(tree):
    n = 0
    for dirpath, _, filenames in os.walk(tree):
        if os.path.basename(dirpath) == "__pycache__":
            n += sum(1 for f in filenames if f.endswith(".pyc"))
    return n


def run_once(exe, tree, timeout, extra_env=None, code=IMPORT_CMD):
    t0 = time.perf_counter()
    out = subprocess.run([exe, "-c", code], cwd=tree, env=clean_env(extra_env),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    dt = time.perf_counter() - t0
    if out.returncode != 0:
        raise RuntimeError("%s -c %r failed (rc %d): %s" % (
            exe, code, out.returncode, out.stderr.decode("utf-8", "replace").strip()[-2000:]))
    return dt, out.stdout.decode().strip(), out.stderr.decode("utf-8", "replace")


def measure(exe, tree, repeat, timeout):
    """Return dict: cold, warm, startup (min seconds), check."""
    cold, warm, startup = [], [], []
    check = None
    for _ in range(repeat):
        drop_caches(tree)
        dt, out, _ = run_once(exe, tree, timeout)
        cold.append(dt)
        check = check if check is not None else out
        if out != check:
            raise RuntimeError("%s printed %r, earlier %r" % (exe, out, check))
        dt, out, _ = run_once(exe, tree, timeout)
        warm.append(dt)
        if out != check:
            raise RuntimeError("%s (warm) printed %r, earlier %r" % (exe, out, check))
        startup.append(run_once(exe, tree, timeout, code="pass")[0])
    return {"cold": min(cold), "warm": min(warm), "startup": min(startup), "check": check}


def tree_compiles(stderr, tree):
    """Lines of PYRITE_DEBUG_COMPILES output naming a file of the tree."""
    return [l for l in stderr.splitlines()
            if l.startswith("pyrite: compiled ") and
            (tree in l or not os.path.isabs(l[len("pyrite: compiled "):]))]


def format_report(c, p, nfiles, nlines, warm_compiles, pyc_counts):
    def row(label, r):
        return "| %s | %.3f | %.3f | %.2fx | %.3f |" % (
            label, r["cold"], r["warm"], r["cold"] / r["warm"], r["startup"])
    lines = [
        "Tree: %d files, %d lines (`top` imports %s). Seconds, best of the repeats, whole "
        "process wall time; startup = `-c pass` in the same directory, for scale." % (
            nfiles, nlines, "every package, each `__init__` every module"),
        "",
        "| interpreter | cold | warm | cold/warm | startup |",
        "|---|---:|---:|---:|---:|",
        row("CPython", c),
        row("Pyrite", p),
        "| Pyrite/CPython | %.2fx | %.2fx | | %.2fx |" % (
            p["cold"] / c["cold"], p["warm"] / c["warm"], p["startup"] / c["startup"]),
        "",
        "Caches written: CPython %d pycs, Pyrite %d pycs; Pyrite's warm run compiled %d tree "
        "modules (`PYRITE_DEBUG_COMPILES=1`)." % (pyc_counts[0], pyc_counts[1], warm_compiles),
        "",
    ]
    targets = [
        ("Pyrite warm at least 5x faster than cold", p["cold"] / p["warm"] >= 5.0,
         "%.2fx" % (p["cold"] / p["warm"])),
        ("Pyrite cold no slower than CPython cold", p["cold"] <= c["cold"],
         "%.2fx CPython" % (p["cold"] / c["cold"])),
        ("Pyrite warm no slower than CPython warm", p["warm"] <= c["warm"],
         "%.2fx CPython" % (p["warm"] / c["warm"])),
    ]
    for text, ok, detail in targets:
        lines.append("- %s: **%s** (%s)" % (text, "met" if ok else "not met", detail))
    return "\n".join(lines), all(ok for _, ok, _ in targets)


def write_results(report, cpython, pyrite, command):
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
            "`benches/import_tree.py` generates a deterministic tree of packages and modules",
            "(realistic code: functions with loops and branches, classes, comprehensions,",
            "f-strings) and times `interp -c \"import top\"` in fresh processes: cold (every",
            "`__pycache__` deleted first) and warm (caches from the cold run present), with",
            "`PYTHONDONTWRITEBYTECODE` removed from the environment. Reproduce with",
            "`cargo build --release && python3 benches/import_tree.py --write`.",
            "Targets: Pyrite's warm import at least 5x faster than its cold one; Pyrite's",
            "cold and warm each no slower than CPython's.",
            "",
        ])
        text = text.rstrip("\n") + "\n\n" + intro + "\n" + section + "\n"
    else:
        text = text[:start] + section + text[end + len(END_MARK):]
    with open(RESULTS_MD, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description="Import of a large module tree, cold vs warm "
                                             "bytecode cache, Pyrite against CPython 3.11.")
    ap.add_argument("--pyrite", default=os.path.join(REPO_ROOT, "target", "release", "pyrite"))
    ap.add_argument("--cpython", default=None,
                    help="CPython to compare with (default: /usr/bin/python3.11, else python3)")
    ap.add_argument("--packages", type=int, default=20)
    ap.add_argument("--modules", type=int, default=20, help="modules per package")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each kind, min kept")
    ap.add_argument("--out", default=DEFAULT_OUT, help="where the tree is generated")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per process")
    ap.add_argument("--only", choices=("pyrite", "cpython"), default=None,
                    help="measure one interpreter (no comparison, no --write)")
    ap.add_argument("--write", action="store_true",
                    help="replace the import section of benches/RESULTS.md")
    args = ap.parse_args()
    if args.packages < 1 or args.modules < 1 or args.repeat < 1:
        ap.error("--packages, --modules and --repeat must be at least 1")

    pyrite = os.path.abspath(args.pyrite)
    if args.only != "cpython" and not (os.path.isfile(pyrite) and os.access(pyrite, os.X_OK)):
        print("error: Pyrite binary not found or not executable: %s" % pyrite, file=sys.stderr)
        print("build it with `cargo build --release`, or pass --pyrite PATH", file=sys.stderr)
        return 2
    cpython = run_py.find_cpython(args.cpython)
    tree, nfiles, nlines = generate(os.path.abspath(args.out), args.packages, args.modules)
    print("tree: %s (%d files, %d lines)" % (tree, nfiles, nlines), file=sys.stderr)

    results = {}
    pyc_counts = [0, 0]
    warm_compiles = -1
    for i, (label, exe) in enumerate((("CPython", cpython), ("Pyrite", pyrite))):
        if args.only and args.only != label.lower():
            continue
        print("measuring %s: %s" % (label, exe), file=sys.stderr, flush=True)
        try:
            results[label] = measure(exe, tree, args.repeat, args.timeout)
            pyc_counts[i] = count_caches(tree)
            if label == "Pyrite":
                _, _, err = run_once(exe, tree, args.timeout, {"PYRITE_DEBUG_COMPILES": "1"})
                warm_compiles = len(tree_compiles(err, tree))
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
            print("FAIL: %s: %s" % (label, e), file=sys.stderr)
            return 1
        r = results[label]
        print("  %s: cold %.3fs warm %.3fs (cold/warm %.2fx) startup %.3fs check %s" % (
            label, r["cold"], r["warm"], r["cold"] / r["warm"], r["startup"], r["check"]),
            file=sys.stderr)
    drop_caches(tree)
    if args.only:
        return 0

    c, p = results["CPython"], results["Pyrite"]
    if c["check"] != p["check"]:
        print("FAIL: checksums differ: CPython %s, Pyrite %s" % (c["check"], p["check"]),
              file=sys.stderr)
        return 1
    if warm_compiles != 0:
        print("FAIL: Pyrite's warm run compiled %d tree modules" % warm_compiles, file=sys.stderr)
        return 1
    if pyc_counts[1] != nfiles:
        print("FAIL: Pyrite wrote %d pycs for %d files" % (pyc_counts[1], nfiles), file=sys.stderr)
        return 1
    report, _ = format_report(c, p, nfiles, nlines, warm_compiles, pyc_counts)
    print(report)
    if args.write:
        command = shlex.join(["python3", "benches/import_tree.py"] + sys.argv[1:])
        write_results(report, cpython, pyrite, command)
        print("wrote %s" % run_py.display_path(RESULTS_MD), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
