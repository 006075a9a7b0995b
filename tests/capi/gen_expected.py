#!/usr/bin/env python3
"""Regenerates the expected outputs of the C API tests (tests/capi/).

Every C module (tests/capi/*.c, and tests/capi/packages/** mirrored with
its .py files) is built against CPython 3.11's own headers into a temporary
directory, then each driver tests/capi/test_<name>.py is run with python3
and PYTHONPATH set to that directory; its stdout becomes
tests/capi/test_<name>.stdout. The drivers must exit 0 with empty stderr.
When include/Python.h exists, every module is also built against Pyrite's
headers, so a source that does not compile there is reported here.

    python3 tests/capi/gen_expected.py            # all drivers
    python3 tests/capi/gen_expected.py spam args  # some of them
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
ENV = {"PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}


def sources():
    """(source path, output path relative to the build dir) of every module."""
    out = []
    for f in sorted(os.listdir(HERE)):
        if f.endswith(".c"):
            out.append((os.path.join(HERE, f), f[:-2] + ".so"))
    pk = os.path.join(HERE, "packages")
    for root, dirs, files in os.walk(pk):
        dirs.sort()
        for f in sorted(files):
            rel = os.path.relpath(os.path.join(root, f), pk)
            if f.endswith(".c"):
                out.append((os.path.join(root, f), rel[:-2] + ".so"))
            elif f.endswith(".py"):
                out.append((os.path.join(root, f), rel))
    return out


def build(include, dest):
    failed = []
    for src, rel in sources():
        target = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if src.endswith(".py"):
            shutil.copy(src, target)
            continue
        cmd = ["cc", "-shared", "-fPIC", "-Werror=implicit-function-declaration", "-I", include, src, "-o", target]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            failed.append((src, r.stderr))
    return failed


def main():
    names = sys.argv[1:]
    drivers = sorted(f for f in os.listdir(HERE) if f.startswith("test_") and f.endswith(".py"))
    if names:
        drivers = [d for d in drivers if d[5:-3] in names]
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        for src, err in build(sysconfig.get_paths()["include"], tmp):
            print(f"{src}: does not build against CPython's headers:\n{err}")
            return 1
        ours = os.path.join(REPO, "include")
        if os.path.exists(os.path.join(ours, "Python.h")):
            with tempfile.TemporaryDirectory() as tmp2:
                for src, err in build(ours, tmp2):
                    print(f"{src}: does not build against include/:\n{err}")
                    status = 1
        for d in drivers:
            env = dict(os.environ, **ENV, PYTHONPATH=tmp, CAPI_BUILD_DIR=tmp)
            r = subprocess.run([sys.executable, d], cwd=HERE, env=env, capture_output=True, timeout=60)
            if r.returncode != 0 or r.stderr:
                print(f"{d}: exit {r.returncode}\n{r.stderr.decode(errors='replace')}")
                status = 1
                continue
            with open(os.path.join(HERE, d[:-3] + ".stdout"), "wb") as f:
                f.write(r.stdout)
            print(f"{d}: {len(r.stdout.splitlines())} lines")
    return status


if __name__ == "__main__":
    sys.exit(main())
