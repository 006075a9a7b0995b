class C:
    def m(self, x):
        return (type(self).__name__, x)
c = C()
bm = c.m
print(bm(1), bm.__self__ is c, bm.__func__ is C.m, type(bm).__name__)
print(C.m(c, 2), type(C.m).__name__)
print(c.m == c.m, c.m is c.m, C.m is C.m)
f = C.__dict__["m"].__get__(c, C)
print(f(3))
print(C.__dict__["m"].__get__(None, C) is C.m)
class D:
    pass
D.m = lambda self: "attached later"
print(D().m())
d = D()
d.m2 = lambda: "instance attr is not bound"
print(d.m2())
print(len.__self__.__name__ if hasattr(len.__self__, "__name__") else "?")
