class C:
    x = 1
    def __getattr__(self, n):
        if n == "boom":
            raise KeyError("not attribute error")
        raise AttributeError(n)
c = C()
print(getattr(c, "x"), getattr(c, "nope", None), hasattr(c, "nope"))
try:
    hasattr(c, "boom")
except KeyError as e:
    print("KeyError propagates from hasattr:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(c, 1, 2)
except TypeError as e:
    print("TypeError:", e)
print(getattr(1, "real"), getattr("abc", "upper")())
try:
    (1).foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.foo
except AttributeError as e:
    print("AttributeError:", e)
import sys
try:
    sys.nope_attr
except AttributeError as e:
    print("AttributeError:", e)
