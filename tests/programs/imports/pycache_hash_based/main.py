# Hash-based cache files (PEP 552) written by py_compile: a checked one is
# recompiled when the source hash differs, an unchecked one is trusted.
import importlib
import importlib.util
import os
import py_compile
import shutil
import sys
import tempfile

d = tempfile.mkdtemp()
sys.path.insert(0, d)
cfs = importlib.util.cache_from_source
Mode = py_compile.PycInvalidationMode


def fresh(name):
    sys.modules.pop(name, None)
    return importlib.import_module(name)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    importlib.invalidate_caches()


def flags(path):
    with open(path, "rb") as f:
        return int.from_bytes(f.read()[4:8], "little")


try:
    sys.dont_write_bytecode = False
    src = os.path.join(d, "delta.py")
    write(src, "V = 'one'\n")
    py_compile.compile(src, invalidation_mode=Mode.CHECKED_HASH)
    print("checked flags", flags(cfs(src)))
    with open(cfs(src), "rb") as f:
        h = f.read()[8:16]
    print("hash is source_hash", h == importlib.util.source_hash(b"V = 'one'\n"))
    print("checked, same source", fresh("delta").V)
    write(src, "V = 'two'\n")
    print("checked, changed source", fresh("delta").V, "flags", flags(cfs(src)))
    with open(cfs(src), "rb") as f:
        print("rehashed", f.read()[8:16] == importlib.util.source_hash(b"V = 'two'\n"))

    py_compile.compile(src, invalidation_mode=Mode.UNCHECKED_HASH)
    print("unchecked flags", flags(cfs(src)))
    write(src, "V = 'three, longer'\n")
    print("unchecked, changed source", fresh("delta").V)

    py_compile.compile(src, invalidation_mode=Mode.TIMESTAMP)
    print("timestamp flags", flags(cfs(src)), fresh("delta").V)
finally:
    sys.dont_write_bytecode = True
    sys.path.remove(d)
    shutil.rmtree(d)
