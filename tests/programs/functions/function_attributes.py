def f(a, b=1):
    "doc of f"
    return a
print(f.__name__, f.__qualname__, f.__module__, f.__doc__)
print(f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_varnames)
f.custom = "attr"
print(f.custom, f.__dict__)
class C:
    def m(self): pass
    class Inner:
        def im(self): pass
print(C.m.__qualname__, C.Inner.im.__qualname__, C.Inner.__qualname__)
def outer():
    def inner(): pass
    return inner
print(outer().__qualname__)
print(type(f).__name__, callable(f))
f.__name__ = "renamed"
print(f.__name__, f.__qualname__)
g = lambda: 0
print(g.__name__, g.__qualname__)
print(f.__globals__ is globals())
print(f.__code__.co_filename.endswith("function_attributes.py"))
