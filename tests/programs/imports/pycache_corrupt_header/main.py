# Cache files whose header is not valid for the source (random bytes,
# truncated, another magic, unknown flags, stale mtime) are ignored: the
# source is compiled and the cache file rewritten.
import importlib
import importlib.util
import os
import shutil
import sys
import tempfile

d = tempfile.mkdtemp()
sys.path.insert(0, d)
cfs = importlib.util.cache_from_source
MAGIC = importlib.util.MAGIC_NUMBER


def fresh(name):
    sys.modules.pop(name, None)
    return importlib.import_module(name)


def valid(path):
    with open(path, "rb") as f:
        data = f.read()
    return data[:4] == MAGIC and int.from_bytes(data[4:8], "little") == 0 and len(data) > 16


try:
    sys.dont_write_bytecode = False
    src = os.path.join(d, "gamma.py")
    n = 0
    with open(src, "w") as f:
        f.write("N = 0\n")
    importlib.invalidate_caches()
    print("first", fresh("gamma").N, valid(cfs(src)))
    with open(cfs(src), "rb") as f:
        good = f.read()
    st = os.stat(src)
    stale_mtime = good[:8] + ((int(st.st_mtime) + 7) & 0xFFFFFFFF).to_bytes(4, "little") + good[12:]
    cases = [
        ("empty", b""),
        ("random bytes", bytes((i * 37 + 11) % 256 for i in range(200))),
        ("truncated to 3", good[:3]),
        ("truncated to 12", good[:12]),
        ("cpython 3.10 magic", (3439).to_bytes(2, "little") + b"\r\n" + good[4:]),
        ("cpython 3.12 magic", (3531).to_bytes(2, "little") + b"\r\n" + good[4:]),
        ("no crlf", MAGIC[:2] + b"xx" + good[4:]),
        ("unknown flags", good[:4] + (4).to_bytes(4, "little") + good[8:]),
        ("stale mtime", stale_mtime),
        ("wrong size", good[:12] + (999).to_bytes(4, "little") + good[16:]),
    ]
    for label, data in cases:
        n += 1
        with open(src, "w") as f:
            f.write("N = %d\n" % n)
        os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns))
        with open(cfs(src), "wb") as f:
            f.write(data)
        print(label, "->", fresh("gamma").N, "rewritten", valid(cfs(src)))
    print("reused", fresh("gamma").N)

    # A directory in the way of the cache file: the import still works.
    os.remove(cfs(src))
    os.mkdir(cfs(src))
    print("dir in the way", fresh("gamma").N, os.path.isdir(cfs(src)))
    os.rmdir(cfs(src))
    # __pycache__ is a file: nothing can be written, silently.
    shutil.rmtree(os.path.join(d, "__pycache__"))
    with open(os.path.join(d, "__pycache__"), "w") as f:
        f.write("not a directory")
    print("pycache is a file", fresh("gamma").N)
finally:
    sys.dont_write_bytecode = True
    sys.path.remove(d)
    shutil.rmtree(d)
