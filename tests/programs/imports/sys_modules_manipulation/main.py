import sys
import types_free
class Fake:
    VALUE = "fake module object"
sys.modules["virtual_mod"] = Fake
import virtual_mod
print(virtual_mod.VALUE)
sys.modules["blocked_mod"] = None
try:
    import blocked_mod
except ImportError as e:
    print(type(e).__name__, e)
print(types_free.real())
saved = sys.modules.pop("types_free")
import types_free as fresh
print(fresh is saved, fresh.counter)
