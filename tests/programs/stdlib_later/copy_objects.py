# copy of plain instances, slotted classes and container
# subclasses, through object.__reduce_ex__ for each protocol.
import copy


class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return type(other) is P and other.v == self.v


class S:
    __slots__ = ("a", "b")


class L(list):
    pass


class KW:
    def __new__(cls, *, k):
        o = super().__new__(cls)
        o.k = k
        return o
    def __getnewargs_ex__(self):
        return ((), {"k": self.k})


p = P([1, {"x": 2}])
q = copy.deepcopy(p)
print(q.v, q.v is p.v, q == p, copy.copy(p).v is p.v)
s = S()
s.a = 1
t = copy.copy(s)
print(t.a, hasattr(t, "b"))
lst = L([1, 2])
lst.tag = "t"
m = copy.deepcopy(lst)
print(type(m).__name__, m, m.tag)
k = copy.deepcopy(KW(k=7))
print(type(k).__name__, k.k)
