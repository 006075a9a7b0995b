# Assigning __bases__ on a class (typing.NamedTuple does it), and type[X].
class A:
    def f(self): return "A.f"
    def __len__(self): return 1
class B:
    def f(self): return "B.f"
    def __len__(self): return 2
class C(A): pass
class D(C): pass
d = D()
print(d.f(), len(d), [k.__name__ for k in D.__mro__])
C.__bases__ = (B,)
print(d.f(), len(d), [k.__name__ for k in D.__mro__], C.__base__.__name__)
print(A.__subclasses__(), [k.__name__ for k in B.__subclasses__()])
for bad in [(), [A], (1,), (D,), None]:
    try:
        C.__bases__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del C.__bases__
except TypeError as e:
    print("TypeError:", e)
try:
    int.__bases__ = (object,)
except TypeError as e:
    print("TypeError:", e)
class L(list): pass
try:
    C.__bases__ = (L,)
except TypeError as e:
    print("TypeError:", e)
class X: pass
class Y(X): pass
try:
    C.__bases__ = (X, Y)
except TypeError as e:
    print("TypeError:", e)
print([k.__name__ for k in D.__mro__])
print(type[int], type[int].__origin__, type[int].__args__)
class M(type): pass
try:
    M[int]
except TypeError as e:
    print("TypeError:", e)
import types
print(types.AsyncGeneratorType[int, None])
