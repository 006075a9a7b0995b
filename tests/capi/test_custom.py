# Drives tests/capi/custom.c: a minimal static type, positional
# initializers, subclassing rules, instances freed at refcount zero.
import sys
import custom

print(custom.__doc__)
C = custom.Custom
print(C, C.__name__, C.__qualname__, C.__module__, C.__doc__)
print(C.__mro__, C.__bases__, C.__base__ is object, type(C) is type)
c = C()
print(type(c) is C, isinstance(c, C), isinstance(c, object))
print(repr(c).startswith("<custom.Custom object at 0x"))
for args, kw in [((1,), {}), ((), {"a": 1})]:
    try:
        C(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
try:
    c.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.missing
except AttributeError as e:
    print("AttributeError:", e)
print(sys.getrefcount(c))
r = sys.getrefcount(C)
objs = [C() for _ in range(10)]
print("type refcount while instances live", sys.getrefcount(C) - r)
del objs
print("type refcount after", sys.getrefcount(C) - r)
try:
    class Sub(C):
        pass
except TypeError as e:
    print("TypeError:", e)
print(hash(c) == hash(c), c == c, c != C(), c.__eq__(c))
print(sorted(k for k in C.__dict__))
print(type(C.__dict__["__new__"]).__name__)

P = custom.Plain
print(P.__name__, P.__module__, P.__doc__, P().__class__ is P)
class Sub(P):
    def hello(self):
        return "hello from " + type(self).__name__
s = Sub()
print(s.hello(), isinstance(s, P), Sub.__mro__)
s.attr = 5
print(s.attr, s.__dict__)
import weakref
w = weakref.ref(s, lambda r: print("Sub instance freed"))
del s
print("after del", w() is None)

try:
    custom.NoNew()
except TypeError as e:
    print("TypeError:", e)
print("__new__" in custom.NoNew.__dict__)

Cmp = custom.Cmp
k = Cmp()
print(Cmp.__dict__["__hash__"], k == k, k == Cmp(), k != k)
try:
    hash(k)
except TypeError as e:
    print("TypeError:", e)
class Hashable(Cmp):
    def __hash__(self):
        return 5
print(hash(Hashable()), sorted(Cmp.__dict__))

# Static types are immutable; heap types made from specs are not.
for stmt in ["C.x = 1", "del C.__doc__", "C.__name__ = 'D'", "C.__module__ = 'm'"]:
    try:
        exec(stmt)
    except TypeError as e:
        print("TypeError:", e)
print(bool(C.__flags__ & (1 << 8)), bool(C.__flags__ & (1 << 9)), bool(Sub.__flags__ & (1 << 8)))
Sub.x = 1
print(Sub.x)
import pickle
try:
    pickle.dumps(c)
except TypeError as e:
    print("TypeError:", e)
