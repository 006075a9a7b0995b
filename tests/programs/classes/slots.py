class S:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = S()
print(s.a, hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)
s.b = 2
del s.a
print(hasattr(s, "a"), s.b)
print(type(S.a).__name__, S.__slots__)
class T(S):
    pass
t = T()
t.c = 5
print(t.c, hasattr(t, "__dict__"))
class U(S):
    __slots__ = ("c",)
u = U()
u.a, u.c = 1, 3
print(u.a, u.c, hasattr(u, "__dict__"))
class WithDict:
    __slots__ = ("x", "__dict__")
w = WithDict()
w.x = 1
w.y = 2
print(w.x, w.__dict__)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)
class Single:
    __slots__ = "only"
print(Single.__slots__)
