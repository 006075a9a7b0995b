# Constructing functions, methods and cells through the types module, cell
# comparisons, and module.__annotations__.
import types
def t(f):
    try:
        r = f()
        print(type(r).__name__, r if not callable(r) else "callable")
    except Exception as e:
        print(type(e).__name__, e)
class C:
    x = 10
c = C()
m = types.MethodType(lambda self, y: self.x + y, c)
print(m(5), m.__self__ is c)
t(lambda: types.MethodType(1, c))
t(lambda: types.MethodType(len, None))
t(lambda: types.MethodType(len))
t(lambda: types.MethodType(len, c, 3))
t(lambda: types.MethodType(func=len, instance=c))
def outer():
    z = 3
    def inner(a, b=2):
        return a + b + z
    return inner
inner = outer()
f = types.FunctionType(inner.__code__, {"__name__": "mod"}, "renamed", (100,), inner.__closure__)
print(f(1), f.__name__, f.__defaults__, f.__module__)
g = types.FunctionType((lambda: 7).__code__, {})
print(g(), g.__name__, g.__defaults__)
t(lambda: types.FunctionType(inner.__code__, {}))
t(lambda: types.FunctionType(inner.__code__, {}, None, None, (1,)))
t(lambda: types.FunctionType(inner.__code__, {}, None, None, ()))
t(lambda: types.FunctionType((lambda: 7).__code__, {}, None, None, ()))
t(lambda: types.FunctionType(1, {}))
t(lambda: types.FunctionType((lambda: 7).__code__, []))
t(lambda: types.FunctionType((lambda: 7).__code__, {}, 5))
t(lambda: types.FunctionType((lambda: 7).__code__, {}, None, [1]))
t(lambda: types.FunctionType(code=(lambda: 8).__code__, globals={})())
t(lambda: types.CellType(5).cell_contents)
t(lambda: types.CellType().cell_contents)
t(lambda: types.CellType(1, 2))
t(lambda: types.CellType(x=1))
a, b, e = types.CellType(1), types.CellType(2), types.CellType()
print(a == types.CellType(1), a != b, a < b, b <= a, e < a, e == types.CellType(), a > e, e >= e)
t(lambda: a < 3)
mod = types.ModuleType("m")
print(mod.__annotations__, "__annotations__" in mod.__dict__)
mod.__annotations__ = {"x": int}
print(mod.__annotations__)
del mod.__annotations__
t(lambda: delattr(mod, "__annotations__"))
print(mod.__annotations__)
print(types.FunctionType((lambda: 7).__code__, {}, None, None, ()).__closure__)
