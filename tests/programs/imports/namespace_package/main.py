import nspkg.mod
print(nspkg.mod.VALUE)
print(nspkg.__file__ if hasattr(nspkg, "__file__") else "no __file__")
print(type(nspkg.__path__).__name__, len(list(nspkg.__path__)))
print(nspkg.__spec__.origin, nspkg.__spec__.name)
from nspkg import mod
print(mod is nspkg.mod)
