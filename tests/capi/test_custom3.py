# Drives tests/capi/custom3.c: getters/setters with type checks, a
# read-only computed attribute, "U" arguments, subclass overrides.
import sys
from custom3 import Custom

c = Custom("Alan", "Turing", 41)
print(c.name(), c.first, c.last, c.number, c.first_length, c.last_length)
c.first = "Alonzo"
c.last = "Church"
print(c.name(), c.first_length)
for attr, val in [("first", 1), ("last", None), ("first", b"x")]:
    try:
        setattr(c, attr, val)
    except TypeError as e:
        print("TypeError:", e)
for attr in ["first", "last"]:
    try:
        delattr(c, attr)
    except TypeError as e:
        print("TypeError:", e)
try:
    c.first_length = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.last_length
except AttributeError as e:
    print("AttributeError:", e)
for args in [(1, "x"), ("x", 2), ("a", "b", "c")]:
    try:
        Custom(*args)
    except TypeError as e:
        print("TypeError:", e)
print(type(Custom.first).__name__, Custom.first.__doc__, Custom.last_length.__doc__)
print(repr(Custom.first), Custom.first.__name__, Custom.first.__qualname__)
print(Custom.first.__get__(c), Custom.first.__get__(None, Custom) is Custom.first)
Custom.first.__set__(c, "Kurt")
print(c.first)
try:
    Custom.first.__get__(42)
except TypeError as e:
    print("TypeError:", e)
try:
    Custom.first.__set__("x", "y")
except TypeError as e:
    print("TypeError:", e)

s = "a-string-for-refcounts"
before = sys.getrefcount(s)
c.first = s
print("stored", sys.getrefcount(s) - before)
vals = [c.first for _ in range(20)]
print("read 20", sys.getrefcount(s) - before)
del vals
c.first = "other"
print("replaced", sys.getrefcount(s) - before)

class Shouty(Custom):
    @property
    def first(self):
        return super().first.upper()
    @first.setter
    def first(self, v):
        Custom.first.__set__(self, v + "!")

t = Shouty("grace", "hopper")
print(t.first, t.name())
t.first = "ada"
print(t.first, t.name())
print(c.__class__.__dict__.keys() >= {"first", "last", "name", "number"})
