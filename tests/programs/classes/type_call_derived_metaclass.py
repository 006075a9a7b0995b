# type(name, bases, ns, **kw) where a base has a more derived metaclass:
# that metaclass's __new__ runs, with the keywords.
class M(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("M.__new__", name, sorted(kw.items()))
        return super().__new__(mcls, name, bases, ns)
class A(metaclass=M):
    pass
B = type("B", (A,), {"x": 1}, flag=1, other="two")
print(type(B).__name__, B.x, B.__mro__[1] is A)
C = type("C", (A,), {})
print(type(C).__name__)
class N(type):
    pass
try:
    type("D", (A, N("E", (), {})), {})
except TypeError as e:
    print(e)
