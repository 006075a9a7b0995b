import gc
print(gc.garbage, type(gc.garbage).__name__)
class C: pass
c = C()
holder = [c]
print(holder in gc.get_referrers(c) if hasattr(gc, "get_referrers") else True)
print(c in gc.get_referents(holder) if hasattr(gc, "get_referents") else True)
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(2) >= 0)
try:
    gc.collect(5)
except ValueError as e:
    print("ValueError:", e)
