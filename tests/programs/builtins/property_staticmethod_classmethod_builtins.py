class C:
    def _get(self): return self._v
    def _set(self, v): self._v = v
    v = property(_get, _set, None, "the v")
    s = staticmethod(lambda x: x * 2)
    c = classmethod(lambda cls: cls.__name__)
obj = C()
obj.v = 5
print(obj.v, C.v.__doc__, C.s(4), obj.s(5), C.c(), obj.c())
print(type(C.__dict__["s"]).__name__, type(C.__dict__["c"]).__name__, type(C.__dict__["v"]).__name__)
print(staticmethod(len)("abc"), classmethod(len).__func__ is len)
p = property()
print(p.fget, p.fset, p.fdel, p.__doc__)
p2 = p.getter(lambda s: 1).setter(lambda s, v: None).deleter(lambda s: None)
print(p2.fget is not None, p2.fset is not None, p2.fdel is not None, p is not p2)
sm = staticmethod(lambda: "sm")
print(sm(), callable(sm))
print(C.__dict__["s"].__wrapped__(3) if hasattr(C.__dict__["s"], "__wrapped__") else "")
