class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)
class M3(M1): pass
class D(metaclass=M3): pass
class E(A, D): pass
print(type(E).__name__)
def func_meta(name, bases, ns):
    print("function metaclass called for", name)
    return 42
class F(metaclass=func_meta):
    pass
print(F)
X = type("X", (), {"v": 1})
Y = M1("Y", (X,), {})
print(type(Y).__name__, Y.v, Y.__mro__[1].__name__)
