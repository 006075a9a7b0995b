# Drives tests/capi/slotted.c: a static var-sized type with the protocol
# slots, its iterator type, class/static methods, custom getattro/setattro,
# a static type's instance dict and weak references, subclasses.
import gc
import sys
import weakref
import slotted
from slotted import Vec

v = Vec(1, 2.5, -3)
print(repr(v), str(v), len(v), v.dim, v[0], v[2], Vec())
print(Vec.__doc__, Vec.__text_signature__)
print(list(v), tuple(v), sum(v), 2.5 in v, 7 in v, "x" in v)
it = iter(v)
print(type(it).__name__, type(it).__module__, it.__length_hint__(), next(it), it.__length_hint__(), iter(it) is it)
print(list(it), list(it), next(it, "done"))
print(v == Vec(1, 2.5, -3), v != Vec(1, 2.5, -3), v == Vec(1), v == [1, 2.5, -3], v != "x")
try:
    v < Vec()
except TypeError as e:
    print("TypeError:", e)
print(hash(v) == hash(Vec(1, 2.5, -3)), hash(Vec()), len({v, Vec(1, 2.5, -3)}))
print(v + Vec(1, 1, 1), v - v, v * 2.0, 0.5 * v, -v, float(v), bool(v), bool(Vec(0, 0)))
for expr in [lambda: v + 1, lambda: v * 2, lambda: v + Vec(1), lambda: v[3], lambda: v["a"], lambda: Vec("a"), lambda: Vec(x=1)]:
    try:
        expr()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
print(v(0), v(2.0), v(x=1), Vec(5)(100))
try:
    v()
except TypeError as e:
    print("TypeError:", e)
print(v.norm(), Vec(3, 4).norm(), Vec(3, 4).norm(squared=True))
try:
    Vec(3, 4).norm(True)
except TypeError as e:
    print("TypeError:", e)
print(Vec.zeros(3), Vec.dot(Vec(1, 2), Vec(3, 4)), v.dot(v, v), Vec.norm.__text_signature__)
try:
    Vec.dot(v, [1])
except TypeError as e:
    print("TypeError:", e)
print(type(Vec.__dict__["zeros"]).__name__, type(Vec.__dict__["dot"]).__name__, type(Vec.__dict__["norm"]).__name__)

# getattro counts lookups; setattro guards one name; the dict is per instance.
w = Vec(1)
n0 = w.accesses
w.dim; w.dim; w.norm
print("accesses", w.accesses - n0)
w.label = "mine"
print(w.label, w.__dict__)
w.__dict__ = {"fresh": 1}
print(w.fresh, w.__dict__)
for bad in [[1], None]:
    try:
        w.__dict__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del w.__dict__
except TypeError as e:
    print("TypeError:", e)
w.__dict__["label"] = "mine"

try:
    w.frozen = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    w.accesses = 0
except AttributeError as e:
    print("AttributeError:", e)
try:
    w.dim = 3
except AttributeError as e:
    print("AttributeError:", e)
del w.label
try:
    w.label
except AttributeError as e:
    print("AttributeError:", e)

# Weak references and deallocation.
base = slotted.live()
x = Vec(9)
r = weakref.ref(x, lambda ref: print("weakref callback, dead:", ref() is None))
print(r() is x, slotted.live() - base)
del x
print("after del", slotted.live() - base)
y = Vec(1)
y.me = y
del y
print("cycle alive", slotted.live() - base)
gc.collect()
print("cycle collected", slotted.live() - base)
z = Vec(1, 2)
before = sys.getrefcount(z)
its = [iter(z) for _ in range(5)]
print("iterators hold", sys.getrefcount(z) - before)
del its
print("released", sys.getrefcount(z) - before)

# Slot wrappers as Python sees them, and a Python subclass overriding some.
print(sorted(k for k in Vec.__dict__ if k.startswith("__") and k not in ("__doc__",)))
print(Vec.__add__(v, v), Vec.__len__(v), Vec.__getitem__(v, 1), Vec.__call__(v, 1.0), Vec.__repr__(v))
print(Vec.__eq__(v, 1), Vec.__hash__(v) == hash(v), Vec.__iter__(v).__class__.__name__, Vec.__contains__(v, 1.0))
print(Vec.__getattribute__(v, "dim"), Vec.__neg__(v), Vec.__bool__(Vec()), Vec.__float__(v))
class Named(Vec):
    def __repr__(self):
        return "Named" + super().__repr__()
    def __len__(self):
        return 100
    def __getattr__(self, name):
        return "fallback:" + name
n = Named(1, 2)
print(repr(n), str(n), len(n), n.dim, n.nothing, list(n), n + n, type(n + n).__name__, n == Vec(1, 2))
print(Named.zeros(2), type(Named.zeros(2)).__name__)
del n
print("live at end", slotted.live() - base)
