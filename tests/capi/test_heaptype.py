# Drives tests/capi/heaptype.c: heap types from specs with module state,
# the special offset members, slots seen from Python, subclassing in C and
# in Python, the instances' references to their type, and deallocation.
import gc
import sys
import weakref
import heaptype
from heaptype import Counter, Fast, Point

print(heaptype.__doc__, heaptype.live())
print(Counter, Counter.__name__, Counter.__qualname__, Counter.__module__)
print(repr(Counter.__doc__), Counter.__text_signature__)
print(Counter.__mro__, Fast.__mro__, Fast.__base__ is Counter)
print(Fast.__doc__, Point.__module__, Point.__doc__)
print(sorted(k for k in Counter.__dict__ if k not in ("__doc__", "__module__")))
print("__dictoffset__" in Counter.__dict__, hasattr(Counter, "__weaklistoffset__"))

c = Counter(5, 2, limit=11)
print(c, repr(c), str(c), c.value, c.step, c.limit, heaptype.live())
print(list(c), c.value)
c.reset()
print(next(c), next(c), c.value, iter(c) is c)
print(c(), c(3), c(times=2), c.value)
try:
    c("x")
except TypeError as e:
    print("TypeError:", e)
c.value = 1
print(c == 1, c != 1, c < 2, c >= Counter(1), c == Counter(1), c == "1", c < Counter(0))
try:
    c < "a"
except TypeError as e:
    print("TypeError:", e)
print(hash(c), hash(Counter(-1)), {c: "one"}[1], len({Counter(3), Counter(3)}))
print(c + 4, type(c + 4).__name__, bool(Counter()), bool(c))
try:
    c + "x"
except TypeError as e:
    print("TypeError:", e)
d = Counter(0, 3, 10)
print(len(d), d[0], d[3], [d[i] for i in range(len(d))])
for key in [4, -1, "k"]:
    try:
        d[key]
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for args, kw in [(("a",), {}), ((0, 0), {}), ((1, 2, 3, 4), {}), ((), {"stop": 1})]:
    try:
        Counter(*args, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    c.step = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.tag
except AttributeError as e:
    print("AttributeError:", e)
c.tag = ["tagged"]
print(c.tag)
del c.tag
try:
    del c.tag
except AttributeError as e:
    print("AttributeError:", e)

# __dictoffset__ gives instances a dict, __weaklistoffset__ weak references.
c.extra = 42
print(c.extra, getattr(c, "missing", "default"))
w = weakref.ref(c, lambda r: print("counter weakref callback"))
print(w() is c)

# Methods: the defining class's module state through METH_METHOD.
print(Counter.reset.__doc__, Counter.live.__doc__)
print(c.live(), Fast().live())

# Instances hold a reference to their heap type.
before = sys.getrefcount(Counter)
many = [Counter() for _ in range(20)]
print("type refs while alive", sys.getrefcount(Counter) - before, heaptype.live())
del many
print("type refs after", sys.getrefcount(Counter) - before, heaptype.live())
del c
print("after del c", heaptype.live())

# A cycle through an instance (its dict) is collected.
e = Counter()
e.me = e
e.tag = e
del e
print("cycle alive", heaptype.live())
gc.collect()
print("cycle collected", heaptype.live())

# The C subtype, and Python subclasses of heap types.
f = Fast(2, 2, 7)
print(repr(f), str(f), list(f), isinstance(f, Counter), f + 1)
class Mine(Counter):
    def __repr__(self):
        return "Mine[%d]" % self.value
    def __iter__(self):
        yield "custom"
m = Mine(7)
print(repr(m), m, list(m), m == 7, m.live(), type(m).__mro__)
m.attr = "x"
print(m.attr, hasattr(m, "__dict__"))
before = sys.getrefcount(Mine)
extra = Mine()
print("subclass refs", sys.getrefcount(Mine) - before)
del extra
print("subclass refs after", sys.getrefcount(Mine) - before, heaptype.live())
wm = weakref.ref(m)
del m
print("subclass instance freed", wm() is None, heaptype.live())

# Point: no deallocator of its own and no BASETYPE.
p = Point(1.5, 2, label="origin")
print(p.x, p.y, p.label)
p.x = 3
print(p.x)
try:
    p.y = 1.0
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.x = "no"
except TypeError as e:
    print("TypeError:", e)
for args in [(), ("a", 1), (1, 2, 3, 4)]:
    try:
        Point(*args)
    except TypeError as e:
        print("TypeError:", e)
lab = object()
before = sys.getrefcount(lab)
q = Point(0, 0, lab)
print("label ref", sys.getrefcount(lab) - before)
before_t = sys.getrefcount(Point)
del q
print("label released", sys.getrefcount(lab) - before, "type ref released", sys.getrefcount(Point) - before_t)
try:
    class P2(Point):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    p.other = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    weakref.ref(p)
except TypeError as e:
    print("TypeError:", e)

# C-level queries.
print(heaptype.module_of(Counter)[0] is heaptype, heaptype.module_of(Counter)[1], heaptype.module_of(Fast)[0] is heaptype)
for tp in [Point, int, Mine]:
    try:
        heaptype.module_of(tp)
    except TypeError as e:
        print("TypeError:", e)
print(heaptype.slots(Counter), heaptype.slots(Fast), heaptype.slots(Mine))
try:
    heaptype.bad_slot(Counter)
except SystemError as e:
    print("SystemError", "bad argument to internal function" in str(e))
print(heaptype.from_bad_base(Counter).__mro__)
for base in [bool, Point]:
    try:
        heaptype.from_bad_base(base)
    except TypeError as e:
        print("TypeError:", e)
# Vectorcall through __vectorcalloffset__.
from heaptype import Adder
a = Adder(10)
print(a(1, 2, 3), a(), a.vector_calls, a.tuple_calls)
print(sum(map(a, range(5))), a.vector_calls)
try:
    a("x")
except TypeError as e:
    print("TypeError:", e)
print(hasattr(Adder, "__vectorcalloffset__"), bool(Adder.__flags__ & (1 << 11)))
print("live at end", heaptype.live())
