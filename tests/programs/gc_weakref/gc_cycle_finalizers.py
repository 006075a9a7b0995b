import gc, weakref

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

# A cycle with __del__: finalizers run once, then the cycle is freed.
a = D("a"); b = D("b")
a.other = b; b.other = a
wa = weakref.ref(a, lambda r: print("callback a", r() is None))
del a, b
print("before collect")
n = gc.collect()
print("collected", n >= 2, wa() is None)

# Resurrection: __del__ stores self; it is not freed and __del__ never runs again.
saved = []
class R:
    def __del__(self):
        print("R.__del__")
        saved.append(self)
r = R(); r.me = r
del r
gc.collect()
print("resurrected", len(saved), gc.is_finalized(saved[0]))
saved[0].me = None
saved.clear()
gc.collect()
print("no second __del__")

# A weakref that is itself part of the garbage: its callback does not run.
class N:
    pass
x = N()
x.self_ref = weakref.ref(x, lambda r: print("should not run"))
x.cycle = x
del x
gc.collect()
print("garbage weakref callback skipped")

# Callbacks of live weakrefs to garbage run; exceptions in them are unraisable.
y = N(); y.cycle = y
class Bad:
    def __call__(self, r):
        raise RuntimeError("boom in callback")
    def __repr__(self):
        return "<Bad callback>"
wy = weakref.ref(y, Bad())
del y
import sys
sys.stderr = sys.stdout
gc.collect()
sys.stderr = sys.__stderr__
print(wy())

# gc.callbacks
events = []
def cb(phase, info):
    events.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(events)

# referents / referrers / tracking
z = N()
holder = {"k": z}
print(z in gc.get_referents(holder), holder in gc.get_referrers(z))
print(gc.is_tracked(z), gc.is_tracked(1), gc.is_tracked([]))
print(gc.get_threshold())
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(len(gc.get_count()))
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())

# Automatic collection frees cycles without gc.collect().
class Cyc:
    count = 0
    def __del__(self):
        Cyc.count += 1
for i in range(5000):
    c = Cyc(); c.me = c
del c
print(Cyc.count > 4000)
