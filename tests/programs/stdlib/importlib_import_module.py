# importlib.import_module: absolute and relative names (with a package),
# the module returned, parents set up, and its error cases. The packages
# live in a temporary directory this program makes and removes under cwd.
import importlib
import os
import sys

D = "importlib_import_module_tmp"
FILES = {
    "imp_pkg/__init__.py": "X = 'pkg'\n",
    "imp_pkg/mod.py": "Y = 'mod'\n",
    "imp_pkg/sub/__init__.py": "from . import leaf\nZ = leaf.W\n",
    "imp_pkg/sub/leaf.py": "W = 'leaf'\nfrom .. import mod\n",
    "imp_plain.py": "P = 1\n",
}
for rel, text in FILES.items():
    p = os.path.join(D, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        f.write(text)
sys.path.insert(0, D)
try:
    m = importlib.import_module("imp_plain")
    print(m.__name__, m.P, sys.modules["imp_plain"] is m)
    leaf = importlib.import_module("imp_pkg.sub.leaf")
    print(leaf.__name__, leaf.W, "imp_pkg" in sys.modules, "imp_pkg.sub" in sys.modules)
    import imp_pkg
    print(imp_pkg.sub.leaf is leaf, leaf.mod is imp_pkg.mod)
    print(importlib.import_module(".mod", "imp_pkg") is imp_pkg.mod)
    print(importlib.import_module(".sub", package="imp_pkg").Z)
    print(importlib.import_module("..mod", "imp_pkg.sub") is imp_pkg.mod)
    print(importlib.import_module(".", "imp_pkg") is imp_pkg)
    print(importlib.import_module("imp_pkg.mod", "ignored.when.absolute").Y)
    print(importlib.import_module("sys") is sys, importlib.import_module("os.path") is os.path)
    print(importlib.__import__("imp_pkg.mod") is imp_pkg)
    print(importlib.__import__("imp_pkg", fromlist=["mod"]).mod.Y)

    def err(*args, **kw):
        try:
            importlib.import_module(*args, **kw)
        except Exception as e:
            print(type(e).__name__ + ":", e, getattr(e, "name", "-"))
        else:
            print("no error")

    err("imp_missing_xyz")
    err("imp_pkg.missing")
    err("imp_plain.sub")
    err("imp_missing_xyz.sub")
    err("..x")
    err(".mod")
    err("")
    err("...mod", "imp_pkg")
    err(".mod", "imp_missing_parent")
    err(42)
    sys.modules["imp_blocked"] = None
    err("imp_blocked")
    del sys.modules["imp_blocked"]
finally:
    sys.path.remove(D)
    for top, dirs, files in os.walk(D, topdown=False):
        for f in files:
            os.remove(os.path.join(top, f))
        for d in dirs:
            os.rmdir(os.path.join(top, d))
    os.rmdir(D)
