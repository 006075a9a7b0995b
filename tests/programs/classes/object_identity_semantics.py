a = object()
b = object()
print(a is a, a is b, a == b, id(a) == id(a), id(a) != id(b))
x = [1]
y = x
print(id(x) == id(y))
class C: pass
print(C() is C())
s = "interned"
print(s is s, None is None, type(None)() is None)
print(type(...)() is ..., type(NotImplemented)() is NotImplemented)
print(bool() is False, int() == 0, tuple() == (), frozenset() == frozenset())
