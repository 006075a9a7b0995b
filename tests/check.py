#!/usr/bin/env python3
"""Run some corpus programs under a pyrite binary and show differences.

A quick check while developing, run the same way as tests/programs.rs:

    python3 tests/check.py [--pyrite target/debug/pyrite] PATH [PATH...]

PATH is a program, a case directory, or an area directory. Prints one line
per program (ok / FAIL) and, for failures, the first differing lines.
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_expected  # noqa: E402


TIMEOUT = float(os.environ.get("CHECK_TIMEOUT", "20"))


def expected(path):
    base = path[:-3]
    def read(ext, default):
        try:
            with open(base + ext, "rb") as f:
                return f.read()
        except FileNotFoundError:
            return default
    return read(".stdout", b""), read(".stderr", b""), int(read(".status", b"0").strip() or 0)


def run(pyrite, path):
    d, name = os.path.split(os.path.abspath(path))
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    try:
        p = subprocess.run([pyrite, name], cwd=d, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return b"", b"TIMEOUT\n", -999
    strip = (d + "/").encode()
    return p.stdout.replace(strip, b""), p.stderr.replace(strip, b""), p.returncode


def first_diff(a, b):
    al, bl = a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines()
    for i in range(max(len(al), len(bl))):
        x = al[i] if i < len(al) else "<missing>"
        y = bl[i] if i < len(bl) else "<missing>"
        if x != y:
            return f"  line {i+1}:\n    expected: {x!r}\n    got:      {y!r}"
    return "  (difference in trailing newline)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyrite", default=os.path.join(os.path.dirname(__file__), "..", "target", "debug", "pyrite"))
    ap.add_argument("-q", action="store_true", help="only print failures and the summary")
    ap.add_argument("paths", nargs="*")
    a = ap.parse_args()
    progs = []
    for p in a.paths or [gen_expected.ROOT]:
        p = os.path.abspath(p)
        if p.endswith(".py"):
            progs.append(p)
        elif os.path.isfile(os.path.join(p, "main.py")):
            progs.append(os.path.join(p, "main.py"))
        elif os.path.basename(p) == "programs":
            progs += gen_expected.discover(p)
        else:
            progs += gen_expected.discover(os.path.dirname(p)) if False else [
                x for x in gen_expected.discover(os.path.dirname(p)) if x.startswith(p + "/")]
    passed = 0
    for prog in progs:
        eo, ee, es = expected(prog)
        go, ge, gs = run(os.path.abspath(a.pyrite), prog)
        rel = os.path.relpath(prog, gen_expected.ROOT)
        if (eo, ee, es) == (go, ge, gs):
            passed += 1
            if not a.q:
                print(f"ok   {rel}")
            continue
        print(f"FAIL {rel}")
        if eo != go:
            print(" stdout:" + first_diff(eo, go))
        if ee != ge:
            print(" stderr:" + first_diff(ee, ge))
        if es != gs:
            print(f" status: expected {es}, got {gs}")
    print(f"{passed} passed, {len(progs) - passed} failed")


if __name__ == "__main__":
    main()
