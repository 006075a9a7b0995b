# `_imp`, the native half of importlib: built-in module queries and
# creation, the import lock, the frozen-module queries for unknown names,
# source hashes, and how importlib's own modules are wired up.
import _imp
import sys

print(_imp.is_builtin("sys"), _imp.is_builtin("builtins"), _imp.is_builtin("_thread"), _imp.is_builtin("itertools"))
print(_imp.is_builtin("no_such_module_xyz"), _imp.is_builtin("os"))
print(_imp.check_hash_based_pycs)


class Spec:
    def __init__(self, name):
        self.name = name


print(_imp.create_builtin(Spec("sys")) is sys)
m = _imp.create_builtin(Spec("_thread"))
print(type(m).__name__, m.__name__, hasattr(m, "allocate_lock"))
print(_imp.create_builtin(Spec("no_such_module_xyz")))
print(_imp.exec_builtin(sys))
try:
    _imp.create_builtin(42)
except AttributeError as e:
    print("AttributeError:", e)

print(_imp.lock_held())
_imp.acquire_lock()
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
_imp.release_lock()
print(_imp.lock_held())
try:
    _imp.release_lock()
except RuntimeError as e:
    print("RuntimeError:", e)

print(_imp.is_frozen("no_such_frozen"), _imp.find_frozen("no_such_frozen"), _imp.init_frozen("no_such_frozen"))
for fn in (_imp.get_frozen_object, _imp.is_frozen_package):
    try:
        fn("no_such_frozen")
    except ImportError as e:
        print("ImportError:", e, e.name)

print(_imp.source_hash(0, b""), _imp.source_hash(3495, b"abc"))
print(_imp.source_hash(key=1, source=bytearray(b"x = 1\n")))
try:
    _imp.source_hash(1, "text")
except TypeError as e:
    print("TypeError:", e)

code = compile("def f():\n    pass\n", "old.py", "exec")
_imp._fix_co_filename(code, "new.py")
print(code.co_filename, code.co_consts[0].co_filename)
try:
    _imp._fix_co_filename(1, "x")
except TypeError as e:
    print("TypeError:", e)

import importlib
import importlib._bootstrap
import importlib._bootstrap_external

print(importlib._bootstrap.__name__, importlib._bootstrap_external.__name__)
print(sys.modules["_frozen_importlib"] is importlib._bootstrap)
print(sys.modules["_frozen_importlib_external"] is importlib._bootstrap_external)
print(sys.modules["importlib._bootstrap"] is importlib._bootstrap)
print(importlib._bootstrap._bootstrap_external is importlib._bootstrap_external)
print(importlib._bootstrap.__spec__.name, importlib._bootstrap.__spec__.origin)
print("_frozen_importlib" in sys.builtin_module_names, "_imp" in sys.builtin_module_names)
print(importlib._bootstrap._imp is _imp, importlib._bootstrap._thread is sys.modules["_thread"])
