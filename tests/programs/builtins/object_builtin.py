o = object()
print(type(o).__name__, object.__name__, object.__bases__, object.__mro__)
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(o, "__dict__"), o == o, o != object(), str(o) == repr(o))
print(sorted(n for n in dir(object) if n in ("__eq__", "__hash__", "__init__", "__new__", "__repr__", "__str__", "__class__")))
print(object.__new__(object).__class__ is object)
print(issubclass(int, object), isinstance(None, object), isinstance(object, object))
