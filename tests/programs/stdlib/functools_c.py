# _functools (what Lib/functools.py imports from C): reduce, cmp_to_key,
# partial and _lru_cache_wrapper. Used directly: functools itself needs _thread.
import _functools as F
print(F.reduce(lambda a, b: a * b, range(1, 6)), F.reduce(lambda a, b: a + b, [], 7), F.reduce(lambda a, b: a+b, [1]))
for bad in [lambda: F.reduce(), lambda: F.reduce(1, []), lambda: F.reduce(1, [], 2, 3), lambda: F.reduce(lambda a, b: a, 5), lambda: F.partial(), lambda: F.partial(1), lambda: F.cmp_to_key(), lambda: F.cmp_to_key(len)(2) < 3, lambda: hash(F.cmp_to_key(len)(1))]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
K = F.cmp_to_key(lambda a, b: b - a)
print(sorted([3, 1, 2], key=K), K(3) < K(1), K(3) == K(3), K(5).obj, type(K(1)).__name__)
def f(*a, **k): return a, k
p = F.partial(f, 1, a=2)
print(p(3, b=4), p(), p(a=5), p.args, p.keywords, p.func is f)
q = F.partial(p, 9, c=3)
print(q.func is f, q.args, q.keywords, q(0))
print(repr(F.partial(len, 1, a=2)), repr(q).replace(repr(f), 'F'))
class P(F.partial): pass
print(repr(P(len, [1])))
pp = P(f, 1); pp.attr = 5
r = F.partial(pp, 2); print(r.func is pp, r.args, r(), pp.__dict__)
print(p.__reduce__()[1:][1][1:], F.partial(len).__reduce__()[2][1:])
s = F.partial(len); s.__setstate__((f, (1, 2), {'z': 1}, {'d': 4})); print(s(), s.d, s.__reduce__()[2][1:])
for bad in [lambda: s.__setstate__(1), lambda: s.__setstate__((1,)), lambda: s.__setstate__((1, 2, 3, 4))]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(F.partial(int, base=16)("ff"), F.partial[int])
class CI(tuple):
    def __new__(cls, *a): return tuple.__new__(cls, a)
    def __repr__(self): return "CI%r" % (tuple(self),)
calls = []
def g(x, y=0):
    calls.append(x); return x * 10 + y
w = F._lru_cache_wrapper(g, 2, False, CI)
print([w(1), w(2), w(1), w(3), w(2), w(1), w(1, y=1), w(1, y=1)], calls, w.cache_info())
w.cache_clear(); print(w.cache_info(), w(4), w.cache_info())
wi = F._lru_cache_wrapper(g, None, False, CI)
print([wi(i % 3) for i in range(7)], wi.cache_info())
wt = F._lru_cache_wrapper(g, 10, True, CI)
print(wt(1), wt(1.0), wt(True), wt.cache_info())
w0 = F._lru_cache_wrapper(g, 0, False, CI)
print(w0(1), w0(1), w0.cache_info())
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
fib = F._lru_cache_wrapper(fib, None, False, CI)
print(fib(80), fib.cache_info())
def fib2(n): return n if n < 2 else fib2(n - 1) + fib2(n - 2)
fib2 = F._lru_cache_wrapper(fib2, 5, False, CI)
print(fib2(60), fib2.cache_info())
class C:
    @lambda m: F._lru_cache_wrapper(m, 3, False, CI)
    def meth(self, x): return (type(self).__name__, x)
print(C().meth(1), C.meth.cache_info())
for bad in [lambda: F._lru_cache_wrapper(1, 1, False, CI), lambda: F._lru_cache_wrapper(g, "a", False, CI), lambda: F._lru_cache_wrapper(g, 1)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
wi.__wrapped__ = g; wi.__qualname__ = "gq"; print(wi.__wrapped__ is g, wi.__reduce__(), wi.__copy__() is wi)

# partial: calls with positional and keyword arguments through every path.
import weakref
p = F.partial(f, 1, 2, k=0)
args = (3, 4)
print(p(*args), p(*args, k=1, z=2), p(**{"k": 5}), F.partial(f)(), F.partial(f, a=1)(a=2))
print(weakref.ref(p)() is p, F.partial(f, 1).__dict__, type(F.partial.func).__name__)
class Call(F.partial):
    def __call__(self, *a):
        return ("own", a)
c = Call(f, 1)
print(c(2), F.partial(c, 3).func is c, F.partial(c, 3)(4))
rec = F.partial(f)
rec.__setstate__((f, (rec,), {}, None))
print(repr(rec).replace(repr(f), "F"))
try:
    p.func = len
except AttributeError as e:
    print("AttributeError")

# LRU order: the least recently used entry goes first.
order = []
def h(x):
    order.append(x)
    return x
lw = F._lru_cache_wrapper(h, 3, False, CI)
for x in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    lw(x)
print(order, lw.cache_info())
# Keys: exact ints/strs alone are their own key; kwargs order matters; typed distinguishes.
kw = F._lru_cache_wrapper(g, None, False, CI)
kw(1, y=2); kw(1, y=2); kw(x=1, y=2); kw(y=2, x=1); kw(1, 2)
print(kw.cache_info())
ty = F._lru_cache_wrapper(g, None, True, CI)
ty(1, y=2); ty(1, y=2.0); ty(1.0, y=2)
print(ty.cache_info())
# Unhashable arguments raise before the call; exceptions are not cached.
try:
    kw([1])
except TypeError as e:
    print(e)
n = 0
def boom(x):
    global n
    n += 1
    raise KeyError(x)
bw = F._lru_cache_wrapper(boom, 2, False, CI)
for _ in range(2):
    try:
        bw(1)
    except KeyError:
        pass
print(n, bw.cache_info())
# Reentrant calls that fill the cache during the outer call.
def re(x):
    if x > 0:
        rw(x - 1)
        rw(x - 1)
    return x
rw = F._lru_cache_wrapper(re, 2, False, CI)
print(rw(5), rw.cache_info())
# A partial's contents are released with it (cycles through it are collected).
import gc
class Obj:
    pass
o = Obj()
o.p = F.partial(f, o)
wr = weakref.ref(o)
del o
gc.collect()
print(wr() is None)
import copy
cp = copy.copy(F.partial(f, 1, k=2))
print(cp(3), copy.deepcopy(F.partial(f, [1]))(), F.partial(f, 1).__reduce_ex__(4)[1:][1][1:])
class PP(F.partial):
    pass
pp = PP(f, 1); pp.note = "n"
cq = copy.copy(pp)
print(type(cq).__name__, cq.note, cq())
lw2 = F._lru_cache_wrapper(g, 2, False, CI)
lw2.__qualname__ = "lw2"
print(copy.copy(lw2) is lw2, copy.deepcopy(lw2) is lw2)
