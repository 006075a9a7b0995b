import builtins
print(type(builtins.__build_class__).__name__)
orig = builtins.__build_class__
calls = []
def tracing(func, name, *bases, **kw):
    calls.append((name, [b.__name__ for b in bases], sorted(kw)))
    print("body function:", type(func).__name__, func.__name__)
    return orig(func, name, *bases, **kw)
builtins.__build_class__ = tracing
class Base:
    pass
class X(Base, metaclass=type):
    y = 1
builtins.__build_class__ = orig
print(calls)
print(X.y, X.__bases__[0] is Base)
try:
    __build_class__()
except TypeError as e:
    print("TypeError:", e)
try:
    __build_class__(5, "X")
except TypeError as e:
    print("TypeError:", e)
try:
    __build_class__(lambda: None, 5)
except TypeError as e:
    print("TypeError:", e)
