def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        return fn(*a, **k)
    wrapper.__name__ = fn.__name__
    return wrapper
@trace
def add(x, y):
    return x + y
print(add(1, y=2))
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def d1(f):
    print("apply d1")
    return lambda: "d1(" + f() + ")"
def d2(f):
    print("apply d2")
    return lambda: "d2(" + f() + ")"
@d1
@d2
def base():
    return "base"
print(base())
registry = []
def register(f):
    registry.append(f.__name__)
    return f
@register
def a(): pass
@register
def b(): pass
print(registry)
@(lambda f: f)
def ident(): return "expr decorator"
print(ident())
class Deco:
    def __init__(self, f): self.f = f
    def __call__(self, *a): return self.f(*a) * 2
@Deco
def twice(x): return x
print(twice(21))
@registry.append
def c(): pass
print(registry[-1].__name__, c)
