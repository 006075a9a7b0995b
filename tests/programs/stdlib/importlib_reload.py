# importlib.reload of source modules, packages and built-in modules; its
# errors; invalidate_caches() making a new file importable; the loader
# protocol Lib builds on (get_source for inspect.getsource, get_data for
# pkgutil.get_data, pkgutil.iter_modules). Files live in a temporary
# directory this program makes and removes under its cwd.
import importlib
import importlib.util
import inspect
import os
import pkgutil
import sys

D = "importlib_reload_tmp"
os.mkdir(D)


def write(rel, text):
    p = os.path.join(D, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        f.write(text)


write("rl_mod.py", "VALUE = 1\ncount = globals().get('count', 0) + 1\n\ndef f():\n    return VALUE\n")
write("rl_pkg/__init__.py", "P = 'a'\n")
write("rl_pkg/data.txt", "some data\n")
write("rl_pkg/one.py", "")
write("rl_pkg/two/__init__.py", "")
sys.path.insert(0, D)
# Reloading works whether or not bytecode may be written.
sys.dont_write_bytecode = False
try:
    import rl_mod

    old_f = rl_mod.f
    print(rl_mod.VALUE, rl_mod.count, rl_mod.f())
    write("rl_mod.py", "VALUE = 2\ncount = globals().get('count', 0) + 1\n\ndef f():\n    return VALUE * 10\n")
    r = importlib.reload(rl_mod)
    print(r is rl_mod, rl_mod.VALUE, rl_mod.count, rl_mod.f(), old_f(), old_f is rl_mod.f)
    print(rl_mod.__spec__.name, os.path.basename(rl_mod.__spec__.origin), type(rl_mod.__loader__).__name__)
    print(inspect.getsource(rl_mod.f), end="")
    print(inspect.getsource(rl_mod).splitlines()[0])
    print(os.path.basename(inspect.getsourcefile(rl_mod)), inspect.getmodule(rl_mod.f) is rl_mod)

    import rl_pkg

    write("rl_pkg/__init__.py", "P = 'bbb'  # new size: CPython checks its .pyc by mtime and size\n")
    print(importlib.reload(rl_pkg).P, [os.path.basename(p) for p in rl_pkg.__path__])
    print(pkgutil.get_data("rl_pkg", "data.txt"))
    print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules(rl_pkg.__path__)))
    print(sorted(m.name for m in pkgutil.iter_modules([D]) if m.name.startswith("rl_")))
    print(rl_pkg.__spec__.loader.get_data(os.path.join(D, "rl_pkg", "data.txt")))
    print(rl_pkg.__spec__.loader.is_package("rl_pkg"))

    import itertools
    import sys as s2

    print(importlib.reload(itertools) is itertools, importlib.reload(s2) is sys)
    for bad in (42, "rl_mod", None):
        try:
            importlib.reload(bad)
        except TypeError as e:
            print("TypeError:", e)
    fake = type(sys)("rl_not_in_modules")
    try:
        importlib.reload(fake)
    except ImportError as e:
        print("ImportError:", e, e.name)
    sys.modules["rl_gone"] = type(sys)("rl_gone")
    try:
        importlib.reload(sys.modules["rl_gone"])
    except ModuleNotFoundError as e:
        print("ModuleNotFoundError:", e, e.name)
    del sys.modules["rl_gone"]

    try:
        import rl_new
    except ModuleNotFoundError as e:
        print("ModuleNotFoundError:", e)
    write("rl_new.py", "NEW = True\n")
    importlib.invalidate_caches()
    print(importlib.util.find_spec("rl_new").name)
    import rl_new

    print(rl_new.NEW)
    print(importlib.invalidate_caches())
finally:
    sys.dont_write_bytecode = True
    sys.path.remove(D)
    for top, dirs, files in os.walk(D, topdown=False):
        for f in files:
            os.remove(os.path.join(top, f))
        for d in dirs:
            os.rmdir(os.path.join(top, d))
    os.rmdir(D)
