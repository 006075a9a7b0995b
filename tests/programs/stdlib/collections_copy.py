# copy.copy / copy.deepcopy of deque and defaultdict (through __reduce__ /
# __copy__), their subclasses, and a tuple subclass rebuilt via __getnewargs__.
import copy
from _collections import deque, defaultdict, _tuplegetter

d = deque([[1], [2]], maxlen=4)
c = copy.copy(d); dc = copy.deepcopy(d)
d[0].append(9)
print(c, dc, c.maxlen, dc.maxlen, c[0] is d[0], dc[0] is d[0])
dd = defaultdict(list, {"a": [1]})
c = copy.copy(dd); dc = copy.deepcopy(dd)
dd["a"].append(2)
print(c, dc, dc.default_factory is list, type(dc).__name__)

class MyDeque(deque):
    pass
m = MyDeque("abc", 2); m.tag = "t"
mc = copy.deepcopy(m)
print(type(mc).__name__, mc, mc.tag)

class MyDD(defaultdict):
    pass
md = MyDD(int); md["x"] += 1
print(type(copy.deepcopy(md)).__name__, copy.deepcopy(md))

class Pt(tuple):
    __slots__ = ()
    x = _tuplegetter(0, "x")
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    def __getnewargs__(self):
        return tuple(self)
p = Pt(1, [2])
pc = copy.copy(p); pd = copy.deepcopy(p)
print(type(pc).__name__, pc, pd, pc.x, pd[1] is p[1])
print(d.__reduce_ex__(2)[0] is MyDeque.__mro__[1])
