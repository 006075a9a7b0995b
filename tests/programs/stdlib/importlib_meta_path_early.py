# A finder put on sys.meta_path before anything imported importlib: it is
# asked first, importlib can be imported from inside it, and the default
# finders then follow it on sys.meta_path.
import sys


class Loader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.answer = len(module.__name__)


class EarlyFinder:
    def find_spec(self, name, path, target=None):
        if not name.startswith("early"):
            return None
        import importlib.machinery

        print("found", name, path)
        return importlib.machinery.ModuleSpec(name, Loader(), origin="early-origin")


sys.meta_path.insert(0, EarlyFinder())
import early_one

print(early_one.answer, early_one.__spec__.origin, type(early_one.__loader__).__name__)
print(type(sys.meta_path[0]).__name__, [f.__name__ for f in sys.meta_path[-3:]])
from early_one import answer

print(answer)
import textwrap

print(textwrap.dedent("  x"))
try:
    import not_early_xyz
except ModuleNotFoundError as e:
    print(e)
