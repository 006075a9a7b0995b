#!/usr/bin/env python3
"""Import sweep: try `import NAME` under pyrite for every top-level module of
CPython's Lib/ and classify what happens.

Run with CPython (python3), from the repository root:

    python3 tests/import_sweep.py                     # print the summary
    python3 tests/import_sweep.py --write             # also write docs/import_sweep.md
    python3 tests/import_sweep.py -v json csv         # only these modules, with details
    python3 tests/import_sweep.py --deep --write      # packages' submodules too: docs/import_sweep_deep.md
    python3 tests/import_sweep.py --pyrite target/release/pyrite --timeout 60

Each module is imported in a fresh `pyrite -c "import NAME"` subprocess.
Classes:
  ok        imported without error
  missing   ModuleNotFoundError for a module that is native (built-in or an
            extension) in CPython and that Pyrite does not have yet; the
            native module is named
  partial   ImportError "cannot import name N from M" where M is native in
            CPython: the Rust module exists but lacks N
  error     any other exception (the last line of stderr is shown)
  crash     death by a signal, or a Rust panic: these are bugs
  timeout   no exit within the timeout
Modules that CPython itself (`python3 -S`, as pyrite runs no site.py) cannot
import here (Windows-only ones, ...) are skipped.
"""

import argparse
import collections
import os
import re
import signal
import subprocess
import sys
import sysconfig

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = sysconfig.get_paths()["stdlib"]

# Test suites, GUI/interactive modules and modules whose import has side
# effects outside the process (antigravity opens a web browser).
EXCLUDE = {
    "test", "idlelib", "tkinter", "turtle", "turtledemo", "ensurepip",
    "lib2to3", "antigravity", "__phello__", "__hello__", "this",
}
EXCLUDE_PREFIXES = ("turtle", "test_")

ENV = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")


def submodules(pkg):
    """Dotted names of the modules and packages below package `pkg` of Lib/."""
    out = []
    base = os.path.join(LIB, *pkg.split("."))
    for entry in sorted(os.listdir(base)):
        path = os.path.join(base, entry)
        if entry.endswith(".py") and entry != "__init__.py" and entry[:-3].isidentifier():
            name = entry[:-3]
        elif os.path.isdir(path) and os.path.exists(os.path.join(path, "__init__.py")) and entry.isidentifier():
            name = entry
        else:
            continue
        if name in ("test", "tests") or name.startswith(("test_", "__main__")):
            continue
        out.append(pkg + "." + name)
        if os.path.isdir(path):
            out.extend(submodules(pkg + "." + name))
    return out


def lib_modules(deep=False):
    names = set()
    for entry in os.listdir(LIB):
        path = os.path.join(LIB, entry)
        if entry.endswith(".py"):
            names.add(entry[:-3])
        elif os.path.isdir(path) and os.path.exists(os.path.join(path, "__init__.py")):
            names.add(entry)
    tops = sorted(n for n in names
                  if n.isidentifier() and n not in EXCLUDE and not n.startswith(EXCLUDE_PREFIXES))
    if not deep:
        return tops
    out = []
    for n in tops:
        out.append(n)
        if os.path.isdir(os.path.join(LIB, n)):
            out.extend(submodules(n))
    return out


_native_cache = {}


def is_native(name):
    """True when `name` has no Python source in Lib/: a built-in or extension
    module of CPython (frozen modules such as importlib.util have source)."""
    if name not in _native_cache:
        rel = os.path.join(LIB, *name.split("."))
        _native_cache[name] = not (os.path.exists(rel + ".py")
                                   or os.path.exists(os.path.join(rel, "__init__.py"))
                                   or os.path.isdir(rel))
    return _native_cache[name]


def run(cmd, name, timeout):
    try:
        p = subprocess.run(cmd + ["-c", "import " + name], capture_output=True, timeout=timeout,
                           env=ENV, cwd="/tmp", stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None, "", ""
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def last_line(text):
    lines = [l for l in text.strip().splitlines() if l.strip()]
    return lines[-1].strip() if lines else ""


def classify(pyrite, name, timeout):
    """Returns (class, detail)."""
    rc, _out, err = run([pyrite], name, timeout)
    if rc is None:
        return "timeout", "no exit after %ss" % timeout
    m = re.search(r"panicked at (.*)", err)
    if m:
        detail = m.group(1).strip()
        nxt = err[m.end():].strip().splitlines()
        if nxt:
            detail += ": " + nxt[0].strip()
        return "crash", "panic at " + detail
    if rc < 0:
        try:
            sig = signal.Signals(-rc).name
        except ValueError:
            sig = "signal %d" % -rc
        return "crash", sig + (": " + last_line(err) if err.strip() else "")
    if rc == 0:
        return "ok", ""
    line = last_line(err)
    # Also as the cause of another error ("Failed to load the builtin codecs:
    # No module named '_codecs'", "The required _crypt module was not built").
    m = (re.search(r"No module named '([\w.]+)'", line)
         or re.search(r"The required (\w+) module was not built", line))
    if m and is_native(m.group(1)):
        return "missing", m.group(1)
    m = re.match(r"ImportError: cannot import name '(\w+)' from '([\w.]+)'", line)
    if m and is_native(m.group(2)):
        return "partial", "%s.%s" % (m.group(2), m.group(1))
    return "error", line or "exit status %d, no stderr" % rc


def cpython_ok(name, timeout):
    # -S: pyrite runs no site.py, so nothing (os, ...) is imported before.
    rc, _, _ = run([sys.executable, "-S"], name, timeout)
    return rc == 0


ORDER = ["crash", "timeout", "error", "partial", "missing", "ok"]


def report(results, skipped, pyrite, deep=False):
    by = collections.defaultdict(list)
    for name, (cls, detail) in results.items():
        by[cls].append((name, detail))
    out = []
    out.append("# Import sweep")
    out.append("")
    out.append("Generated by `python3 tests/import_sweep.py %s--write` (pyrite: `%s`): each %s" % (
        "--deep " if deep else "", pyrite, "module and submodule" if deep else "top-level module"))
    out.append("of CPython's Lib/ imported alone in a fresh `pyrite -c \"import NAME\"`.")
    out.append("Excluded: %s. Skipped (`python3 -S` cannot import them here either): %s." % (
        ", ".join(sorted(EXCLUDE)) + ", turtle*",
        ", ".join(skipped) if skipped else "none"))
    out.append("")
    out.append("## Summary")
    out.append("")
    out.append("| class | modules |")
    out.append("| --- | --- |")
    for cls in ORDER:
        out.append("| %s | %d |" % (cls, len(by[cls])))
    out.append("| total | %d |" % len(results))
    out.append("")
    needs = collections.Counter(d for _, d in by["missing"])
    out.append("## Missing native modules, by how many Lib modules stop on them")
    out.append("")
    out.append("(Only the first missing module of each import is seen.)")
    out.append("")
    out.append("| native module | Lib modules | which |")
    out.append("| --- | --- | --- |")
    for mod, n in sorted(needs.items(), key=lambda kv: (-kv[1], kv[0])):
        which = sorted(name for name, d in by["missing"] if d == mod)
        out.append("| `%s` | %d | %s |" % (mod, n, ", ".join(which)))
    out.append("")
    for cls, title in [("crash", "Crashes"), ("timeout", "Timeouts"), ("error", "Other exceptions"),
                       ("partial", "Native modules lacking a name")]:
        out.append("## %s" % title)
        out.append("")
        if not by[cls]:
            out.append("None.")
        for name, detail in sorted(by[cls]):
            out.append("- `%s`: %s" % (name, detail.replace("|", "\\|")))
        out.append("")
    out.append("## Importing fine")
    out.append("")
    out.append(", ".join(sorted(n for n, _ in by["ok"])) or "None.")
    out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("modules", nargs="*", help="only these modules (default: all of Lib/)")
    ap.add_argument("--pyrite", default=os.path.join(ROOT, "target", "debug", "pyrite"))
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--write", action="store_true", help="write docs/import_sweep.md")
    ap.add_argument("--deep", action="store_true", help="also every submodule of Lib/'s packages")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each module's result")
    a = ap.parse_args()
    pyrite = os.path.abspath(a.pyrite)
    if not os.path.exists(pyrite):
        sys.exit("no pyrite binary at %s (cargo build first)" % pyrite)
    names = a.modules or lib_modules(a.deep)
    results, skipped = {}, []
    for name in names:
        if not cpython_ok(name, a.timeout):
            skipped.append(name)
            if a.verbose:
                print("%-24s skipped (CPython fails too)" % name, flush=True)
            continue
        cls, detail = classify(pyrite, name, a.timeout)
        results[name] = (cls, detail)
        if a.verbose:
            print("%-24s %-8s %s" % (name, cls, detail), flush=True)
    text = report(results, skipped, os.path.relpath(pyrite, ROOT), a.deep)
    if a.write and not a.modules:
        doc = "import_sweep_deep.md" if a.deep else "import_sweep.md"
        with open(os.path.join(ROOT, "docs", doc), "w") as f:
            f.write(text)
    if not a.verbose or a.write:
        print(text)
    counts = collections.Counter(c for c, _ in results.values())
    return 1 if counts["crash"] else 0


if __name__ == "__main__":
    sys.exit(main())
