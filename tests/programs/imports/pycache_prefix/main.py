# sys.pycache_prefix: cache files go to a parallel tree under the prefix,
# no __pycache__ directory is created next to the source.
import importlib
import importlib.util
import os
import shutil
import sys
import tempfile

d = tempfile.mkdtemp()
sys.path.insert(0, d)
try:
    src = os.path.join(d, "eps.py")
    with open(src, "w") as f:
        f.write("V = 'eps'\n")
    importlib.invalidate_caches()
    sys.pycache_prefix = os.path.join(d, "prefix")
    sys.dont_write_bytecode = False
    cached = importlib.util.cache_from_source(src)
    print("under prefix", cached.startswith(sys.pycache_prefix + os.sep))
    m = importlib.import_module("eps")
    print(m.V, "__cached__", m.__cached__ == cached, "written", os.path.isfile(cached))
    print("no __pycache__", not os.path.exists(os.path.join(d, "__pycache__")))
    del sys.modules["eps"]
    print("reused", importlib.import_module("eps").V)
finally:
    sys.dont_write_bytecode = True
    sys.pycache_prefix = None
    sys.path.remove(d)
    shutil.rmtree(d)
