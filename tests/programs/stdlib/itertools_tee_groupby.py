# tee and groupby: shared buffering, grouper invalidation, keys.
import gc
import itertools as it

a, b = it.tee(range(5))
print(next(a), next(a), list(b), list(a))
print(type(a).__name__, it.tee([1], 0), len(it.tee("abc", 4)), [list(x) for x in it.tee("xyz", 3)])

# Many items (more than one buffer link) and interleaving.
x, y = it.tee(iter(range(200)))
print(sum(x), sum(y))
x, y = it.tee(iter(range(200)))
print([next(x) for _ in range(60)][-3:], next(y), list(y)[-2:], list(x)[:2])

# tee of a tee copies it; __copy__.
t1, t2 = it.tee("abcdef")
next(t1)
t3, t4 = it.tee(t1)
print(next(t3), next(t4), next(t1), list(t2))
c = t3.__copy__()
print(list(c), list(t3))

# The source is read once per item.
reads = []
def src():
    for i in range(3):
        reads.append(i)
        yield i
p, q = it.tee(src())
print(list(p), list(q), reads)

# An object with __copy__ is copied rather than wrapped.
class Copyable:
    def __init__(self, n=0):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
    def __copy__(self):
        return Copyable(self.n)
r = it.tee(Copyable(), 3)
print([type(o).__name__ for o in r], [list(o) for o in r])

# tee objects are weakly referenceable.
import weakref
t = it.tee([1])[0]
wr = weakref.ref(t)
print(wr() is t, list(wr()))
del t
print(wr())

# groupby
print([(k, list(g)) for k, g in it.groupby("AAAABBBCCDAABBB")])
print([k for k, g in it.groupby("AAAABBBCCD")], [list(g) for k, g in it.groupby([])])
print([(k, list(g)) for k, g in it.groupby(range(10), key=lambda x: x // 3)])
print([(k, len(list(g))) for k, g in it.groupby(["a", "bb", "cc", "d", "ee"], len)])
print([(k, list(g)) for k, g in it.groupby([1, 1.0, True, 2, 2.0])])

# A grouper stops once the groupby moves on.
g = it.groupby("aabbc")
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), list(g2), type(g1).__name__)
k3, g3 = next(g)
print(k3, list(g3), next(g, "end"))

# Groups consumed out of order.
groups = [(k, grp) for k, grp in it.groupby("xxyyz")]
print([(k, list(grp)) for k, grp in groups])

# Key function errors propagate.
def badkey(x):
    if x == 3:
        raise ValueError("bad key")
    return x
try:
    print([(k, list(v)) for k, v in it.groupby([1, 2, 3], badkey)])
except ValueError as e:
    print("ValueError", e)

# Cycles through itertools objects are collected.
class Node:
    pass
n = Node()
n.it = it.cycle([n])
n.ch = it.chain([n], [n])
n.gb = it.groupby([n, n])
n.tee = it.tee([n])
n.z = it.zip_longest([n], fillvalue=n)
import weakref
w = weakref.ref(n)
del n
gc.collect()
print("collected:", w() is None)
