#!/usr/bin/env python3
"""Regenerate the expected outputs of the conformance corpus with CPython.

Each program under tests/programs/ is run with ``python3`` (CPython 3.11, the
reference) exactly as tests/programs.rs runs it under pyrite:

* cwd is the program's own directory, the only argument is its file name;
* environment: the inherited one plus PYTHONHASHSEED=0,
  PYTHONDONTWRITEBYTECODE=1 and PYTHONIOENCODING=utf-8;
* stdin is /dev/null; a program is killed after 20 seconds.

Programs are ``tests/programs/<area>/<name>.py`` and, for programs made of
several files (the imports area), ``tests/programs/<area>/<case>/main.py``;
other .py files inside a case directory are that program's modules.

Beside each program the script writes, byte for byte and with no header:

* ``<name>.stdout``  -- always (possibly empty);
* ``<name>.stderr`` and ``<name>.status`` (exit status as decimal digits and a
  newline; death by signal N is written as -N) -- only when the exit status
  is non-zero or stderr is non-empty; otherwise stale ones are removed.

CPython prints absolute paths in tracebacks and some messages, so in both
stdout and stderr the absolute path of the program's directory followed by
"/" is removed (tests/programs.rs does the same to pyrite's output); a
traceback line therefore reads ``File "name.py", line 3, in <module>``.

Every program is run twice; a program whose two runs differ is reported
(and the script exits 1) because the corpus must be deterministic.

Usage:
    python3 tests/gen_expected.py                 # regenerate everything
    python3 tests/gen_expected.py PATH [PATH...]  # only these programs/dirs
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "programs")
TIMEOUT = 20


def discover(root):
    """Yield program paths under root (see the module docstring)."""
    out = []
    for area in sorted(os.listdir(root)):
        adir = os.path.join(root, area)
        if not os.path.isdir(adir):
            continue
        for entry in sorted(os.listdir(adir)):
            p = os.path.join(adir, entry)
            if os.path.isfile(p) and entry.endswith(".py"):
                out.append(p)
            elif os.path.isdir(p) and os.path.isfile(os.path.join(p, "main.py")):
                out.append(os.path.join(p, "main.py"))
    return out


def run(path):
    env = dict(os.environ)
    env.update(PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1",
               PYTHONIOENCODING="utf-8")
    try:
        r = subprocess.run(
            ["python3", os.path.basename(path)],
            cwd=os.path.dirname(path), env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None
    d = os.path.dirname(path)
    return normalize(r.stdout, d), normalize(r.stderr, d), r.returncode


def normalize(data, d):
    forms = {os.path.abspath(d) + os.sep, os.path.realpath(d) + os.sep}
    for f in sorted(forms, key=len, reverse=True):
        data = data.replace(f.encode(), b"")
    return data


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main(argv):
    all_programs = discover(ROOT)
    if argv:
        wanted = [os.path.abspath(a) for a in argv]
        programs = [p for p in all_programs
                    if any(p == w or p.startswith(w.rstrip(os.sep) + os.sep)
                           or os.path.dirname(p) == w for w in wanted)]
        if not programs:
            print("no programs match", argv, file=sys.stderr)
            return 2
    else:
        programs = all_programs
    bad = 0
    for p in programs:
        rel = os.path.relpath(p, ROOT)
        first = run(p)
        second = run(p)
        if first is None or second is None:
            print(f"TIMEOUT  {rel}")
            bad += 1
            continue
        if first != second:
            print(f"UNSTABLE {rel}")
            bad += 1
            continue
        out, err, status = first
        base = p[:-3]
        write(base + ".stdout", out)
        if status != 0 or err:
            write(base + ".stderr", err)
            write(base + ".status", f"{status}\n".encode())
        else:
            for ext in (".stderr", ".status"):
                if os.path.exists(base + ext):
                    os.remove(base + ext)
    print(f"{len(programs)} programs, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
