# The bytecode cache: written on import, reused while the source's mtime
# and size match, recompiled when the size changes within the same mtime,
# not written under sys.dont_write_bytecode.
import importlib
import importlib.util
import os
import shutil
import sys
import tempfile

d = tempfile.mkdtemp()
sys.path.insert(0, d)
cfs = importlib.util.cache_from_source


def write(name, text):
    path = os.path.join(d, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    importlib.invalidate_caches()
    return path


def fresh(name):
    for k in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[k]
    return importlib.import_module(name)


def cache_names(sub=""):
    p = os.path.join(d, sub, "__pycache__")
    return sorted(n.split(".")[0] for n in os.listdir(p) if n.endswith(".pyc")) if os.path.isdir(p) else []


try:
    sys.dont_write_bytecode = False
    src = write("alpha.py", "VALUE = 1\n")
    st = os.stat(src)
    alpha = fresh("alpha")
    print("value", alpha.VALUE)
    print("cache exists", os.path.exists(cfs(src)))
    print("__cached__ is cache_from_source", alpha.__cached__ == cfs(src))
    print("spec.cached", alpha.__spec__.cached == cfs(src))
    print("cache files", cache_names())
    with open(cfs(src), "rb") as f:
        data = f.read()
    print("magic is MAGIC_NUMBER", data[:4] == importlib.util.MAGIC_NUMBER)
    print("flags", int.from_bytes(data[4:8], "little"))
    print("mtime ok", int.from_bytes(data[8:12], "little") == int(st.st_mtime) & 0xFFFFFFFF)
    print("size", int.from_bytes(data[12:16], "little"))

    # Same size, same mtime: the cache is trusted (the old value shows).
    write("alpha.py", "VALUE = 2\n")
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns))
    print("same size+mtime ->", fresh("alpha").VALUE)

    # Same mtime, other size: recompiled and rewritten.
    write("alpha.py", "VALUE = 333\n")
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns))
    print("other size ->", fresh("alpha").VALUE)
    with open(cfs(src), "rb") as f:
        print("rewritten size", int.from_bytes(f.read()[12:16], "little"))
    print("reused ->", fresh("alpha").VALUE)

    # A package and its submodule.
    write("pkg/__init__.py", "from . import mod\n")
    write("pkg/mod.py", "def f():\n    return 'pkg.mod.f'\n")
    pkg = fresh("pkg")
    print(pkg.mod.f(), cache_names("pkg"))
    print("pkg reused", fresh("pkg").mod.f())

    # sys.dont_write_bytecode: nothing written, __cached__ still set.
    sys.dont_write_bytecode = True
    bsrc = write("beta.py", "B = 'beta'\n")
    beta = fresh("beta")
    print(beta.B, "cache exists", os.path.exists(cfs(bsrc)), "__cached__", beta.__cached__ == cfs(bsrc))
    print("cache files", cache_names())
finally:
    sys.dont_write_bytecode = True
    sys.path.remove(d)
    shutil.rmtree(d)
