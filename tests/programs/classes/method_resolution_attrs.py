class A:
    x = "A.x"
    def f(self): return "A.f"
class B(A):
    pass
class C(A):
    x = "C.x"
    def f(self): return "C.f"
class D(B, C):
    pass
d = D()
print(d.x, d.f(), D.__mro__.index(C) < D.__mro__.index(A))
print([k.__name__ for k in D.__mro__])
print(getattr(super(C, d), "x"))
C.x = "C.x changed"
print(d.x)
del C.x
print(d.x)
print(D.__base__.__name__, [b.__name__ for b in D.__bases__])
print(D.__dict__.get("x"), "x" in dir(D))
