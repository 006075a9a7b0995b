# Drives tests/capi/sublist.c: a C subtype of list, its inherited slots
# and methods, a READONLY member, GC inherited from list.
import gc
import sys
from sublist import SubList

s = SubList([3, 1, 2])
print(s, len(s), s[0], s[-1], list(s), type(s).__name__)
print(s.increment(), s.increment(), s.state)
s.append(10)
s.sort()
print(s, s.state, s + [1], s * 2, 2 in s, s.index(10))
s[0] = "x"
del s[1]
print(s, s == ["x", 3, 10], s != [], s < ["y"])
try:
    s.state = 5
except AttributeError as e:
    print("AttributeError:", e)
print(SubList.__mro__, SubList.__base__ is list, issubclass(SubList, list), isinstance(s, list))
print(SubList.__doc__, SubList.increment.__doc__, SubList.state.__doc__)
print(SubList().state, SubList(), SubList("abc"), SubList(range(3)).increment())
try:
    SubList(1)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(s)
except TypeError as e:
    print("TypeError:", e)
print(gc.is_tracked(s), type(s.copy()).__name__, repr(s[:2]), type(s[:2]).__name__)

class Deeper(SubList):
    def increment(self):
        return super().increment() * 100
d = Deeper([1])
print(d.increment(), d.increment(), d.state, d, isinstance(d, SubList))
d.extra = 1
print(d.__dict__)

x = object()
before = sys.getrefcount(x)
t = SubList([x, x, x])
print("refs in list", sys.getrefcount(x) - before)
del t
print("after del", sys.getrefcount(x) - before)
c = SubList()
c.append(c)
del c
print("cycle collected", gc.collect() >= 1)
print(sorted(k for k in SubList.__dict__))
