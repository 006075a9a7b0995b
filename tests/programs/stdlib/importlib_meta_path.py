# Finders on sys.meta_path: one a program inserts first is asked before
# the built-in and path finders (for import statements, import_module and
# from-imports of submodules); one appended after them only for what they
# do not find; legacy find_module finders; a finder raising ImportError.
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys


class Loader(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        print("exec", module.__name__, module.__spec__.origin)
        module.value = module.__name__.upper()


class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.startswith("virt"):
            print("find", name, path)
            is_pkg = name == "virtpkg"
            return importlib.util.spec_from_loader(name, Loader(), origin="virtual", is_package=is_pkg)
        return None


f = Finder()
sys.meta_path.insert(0, f)
import virt1

print(virt1.value, virt1.__spec__.origin, type(virt1.__loader__).__name__, virt1.__spec__.loader is virt1.__loader__)
import virtpkg.virtsub

print(virtpkg.virtsub.value, virtpkg.virtsub.__spec__.parent, virtpkg.__path__)
from virtpkg import virtsub as vs

print(vs is virtpkg.virtsub)
from virtpkg import virtother

print(virtother.value, sys.modules["virtpkg.virtother"] is virtother)
print(importlib.import_module("virt2").value)
print(importlib.import_module(".virt3", "virtpkg").value)
print(importlib.util.find_spec("virt4").origin, "virt4" in sys.modules)
import string

print(string.__name__)
try:
    import notvirt_missing_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
sys.meta_path.remove(f)
try:
    import virt5
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)


class Late:
    @classmethod
    def find_spec(cls, name, path, target=None):
        print("late find", name)
        if name == "latemod":
            return importlib.machinery.ModuleSpec(name, Loader(), origin="late")
        return None


sys.meta_path.append(Late)
import latemod

print(latemod.value)
import textwrap

print(textwrap.__name__)
sys.meta_path.remove(Late)


class Blocker:
    def find_spec(self, name, path, target=None):
        if name == "shlex":
            raise ImportError("blocked " + name)
        return None


sys.meta_path.insert(0, Blocker())
try:
    import shlex
except ImportError as e:
    print(type(e).__name__, e)
del sys.meta_path[0]
import shlex

print(shlex.__name__)


class LegacyLoader:
    def load_module(self, name):
        m = type(sys)(name)
        m.legacy = True
        m.__loader__ = self
        sys.modules[name] = m
        return m


class LegacyFinder:
    def find_module(self, name, path=None):
        return LegacyLoader() if name == "legacymod" else None


import warnings

sys.meta_path.insert(0, LegacyFinder())
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    import legacymod
print(legacymod.legacy, [x.category.__name__ for x in w][:1])
del sys.meta_path[0]


class NoneSpecFinder:
    def find_spec(self, name, path, target=None):
        if name == "loaderless":
            return importlib.machinery.ModuleSpec(name, None)
        return None


sys.meta_path.insert(0, NoneSpecFinder())
try:
    import loaderless
except ImportError as e:
    print(type(e).__name__, e)
del sys.meta_path[0]
print([getattr(x, "__name__", type(x).__name__) for x in sys.meta_path[-3:]])
