# Type layout attributes (__basicsize__, __flags__, ...), as copyreg, dataclasses
# and inspect read them.
HEAP, BASE, ABSTRACT, LONG_SUB, TUPLE_SUB, TYPE_SUB = 1 << 9, 1 << 10, 1 << 20, 1 << 24, 1 << 26, 1 << 31
def bits(t):
    f = t.__flags__
    return [bool(f & b) for b in (HEAP, BASE, ABSTRACT, LONG_SUB, TUPLE_SUB, TYPE_SUB)]
import abc
class A: pass
class S:
    __slots__ = ("a", "b")
class W:
    __slots__ = ("__weakref__",)
class I(int): pass
class Ab(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
for t in (object, int, tuple, type, str, list, dict, float, complex):
    print(t.__name__, bits(t), t.__basicsize__, t.__itemsize__, t.__weakrefoffset__, t.__dictoffset__)
# Heap classes: only whether they have a __dict__ / __weakref__ slot.
for t in (A, S, W, I, Ab, bool, bytes):
    print(t.__name__, bits(t), t.__itemsize__, t.__weakrefoffset__ != 0, t.__dictoffset__ != 0)
print(type(type.__dict__["__flags__"]).__name__ in ("member_descriptor", "getset_descriptor"))
try:
    A.__basicsize__ = 3
except AttributeError:
    print("AttributeError")
