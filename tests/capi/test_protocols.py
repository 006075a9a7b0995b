# Drives tests/capi/protocols.c: descriptor slots, mapping assignment and
# deletion, number slots (__index__, __int__, **, +=), tp_finalize.
import gc
import operator
import protocols
from protocols import Doubler, Table, Num, Final

class Holder:
    size = Doubler("size")
h = Holder()
h.size = 21
print(h.size, h._size, type(Holder.__dict__["size"]).__name__, Holder.size is Holder.__dict__["size"])
del h.size
print(hasattr(h, "_size"))
try:
    h.size
except AttributeError as e:
    print("AttributeError:", e)
d = Holder.__dict__["size"]
print(d.__get__(h, Holder) is None if False else "get via wrapper", d.__get__(None, Holder) is d)
d.__set__(h, 5)
print(h._size, sorted(k for k in Doubler.__dict__))
d.__delete__(h)
print(hasattr(h, "_size"))

t = Table()
t["a"] = 1
t["b"] = [2]
print(len(t), t["a"], t["b"], "a" in t, "z" in t, 3 in t, sorted(t.keys()))
del t["a"]
print(len(t), "a" in t)
for op in [lambda: t["zz"], lambda: t[1], lambda: t.__delitem__("q"), lambda: t.__setitem__(2, 0)]:
    try:
        op()
    except (KeyError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(Table.__setitem__, Table.__delitem__ is not None, Table.__getitem__(t, "b"), Table.__len__(t))
Table.__setitem__(t, "c", 3)
Table.__delitem__(t, "b")
print(sorted(t.keys()), Table.__contains__(t, "c"))
class Counted(Table):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
c = Counted()
c["x"] = 4
print(c["x"], len(c))
t["self"] = t
del t
gc.collect()

n = Num(3)
print(n, int(n), operator.index(n), [10, 20, 30, 40][n], n ** 2, pow(n, 4, 5), bin(n), range(n))
try:
    n ** "x"
except TypeError as e:
    print("TypeError:", e)
m = n
m += 4
print(m, m is n, n)
print(sorted(k for k in Num.__dict__ if k.startswith("__")))
print(Num.__pow__(n, 2), Num.__index__(n), Num.__iadd__(n, 1), n)

f = Final()
del f
print(protocols.finalized)
class Sub(Final):
    pass
s = Sub()
s.me = s
del s
gc.collect()
print(protocols.finalized)
print("__del__" in Final.__dict__)
