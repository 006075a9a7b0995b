print(getattr("abc", "upper")(), getattr([], "append").__name__, getattr(int, "from_bytes")(b"\x01", "big"))
print(getattr(None, "__class__").__name__, getattr(1, "__doc__")[:10])
class Slots:
    __slots__ = ("a",)
s = Slots()
print(getattr(s, "a", "unset"))
s.a = 5
print(getattr(s, "a", "unset"))
print(hasattr(type, "__mro__"), hasattr(object, "__mro__"), hasattr(5, "__mro__"))
