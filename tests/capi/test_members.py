# Drives tests/capi/members.c: reading, writing and deleting a member of
# every T_* type, with CPython's conversions, warnings and errors.
import sys
import warnings
from members import All

class Idx:
    def __index__(self):
        return 7

class Flt:
    def __float__(self):
        return 1.25

a = All()
names = ["short", "int", "long", "float", "double", "string", "object", "char", "byte", "ubyte",
         "ushort", "uint", "ulong", "inplace", "bool", "longlong", "ulonglong", "pyssizet", "none"]
print([(n, getattr(a, n)) for n in names])
try:
    a.object_ex
except AttributeError as e:
    print("AttributeError:", e)

values = [0, 1, -1, 127, 128, 255, 256, -129, 65535, 65536, 2**31, -2**31 - 1, 2**32, 2**63 - 1, 2**63,
          2**64 - 1, 2**64, -2**63, -2**63 - 1, True, Idx(), 1.5, "7", None, Flt()]
for n in ["short", "int", "long", "byte", "ubyte", "ushort", "uint", "ulong", "longlong", "ulonglong", "pyssizet"]:
    out = []
    for v in values:
        with warnings.catch_warnings(record=True) as ws:
            warnings.simplefilter("always")
            try:
                setattr(a, n, v)
                r = getattr(a, n)
            except Exception as e:
                r = type(e).__name__ + ": " + str(e)
        out.append((r, [str(w.message) for w in ws]))
    print(n, out)
for n in ["float", "double"]:
    out = []
    for v in [0, 1.5, -2, 1e40, 2**70, True, Flt(), Idx(), "1.0", None]:
        try:
            setattr(a, n, v)
            out.append(getattr(a, n))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(n, out)
for v in [True, False, 1, 0, None, "x"]:
    try:
        a.bool = v
        print("bool", a.bool)
    except TypeError as e:
        print("TypeError:", e)
for v in ["z", "ab", "", 5, b"x", "\u00e9"]:
    try:
        a.char = v
        print("char", a.char)
    except TypeError as e:
        print("TypeError:", e)
for n in ["string", "inplace"]:
    try:
        setattr(a, n, "new")
    except TypeError as e:
        print("TypeError:", e)
try:
    a.none = 1
except SystemError as e:
    print("SystemError:", e)

# Objects: T_OBJECT reads None for NULL and can be deleted; T_OBJECT_EX
# raises AttributeError.
x = object()
before = sys.getrefcount(x)
a.object = x
a.object_ex = x
print(a.object is x, a.object_ex is x, a.ro_object is x, a.ro_object_ex is x, sys.getrefcount(x) - before)
del a.object
print(a.object, a.ro_object, sys.getrefcount(x) - before)
del a.object
del a.object_ex
print(sys.getrefcount(x) - before)
for stmt in ["a.object_ex", "a.ro_object_ex"]:
    try:
        eval(stmt)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    del a.object_ex
except AttributeError as e:
    print("AttributeError:", e)
a.object = None
print(a.object)

# Deleting numeric members and read-only members.
for n in ["int", "float", "char", "bool", "string", "ro_int", "ro_object", "none"]:
    try:
        delattr(a, n)
    except (TypeError, AttributeError, SystemError) as e:
        print(n, type(e).__name__ + ":", e)
for n in ["ro_int", "ro_object", "ro_object_ex"]:
    try:
        setattr(a, n, 1)
    except AttributeError as e:
        print(n, "AttributeError:", e)

# Descriptors on the class; a subclass sees them too.
print(type(All.int).__name__, repr(All.int), All.none.__doc__, All.int.__doc__)
print(All.int.__get__(a), All.int.__get__(None, All) is All.int)
try:
    All.int.__get__(1)
except TypeError as e:
    print("TypeError:", e)
try:
    All.int.__set__(1, 2)
except TypeError as e:
    print("TypeError:", e)
class Sub(All):
    pass
s = Sub()
s.int = 5
s.mine = 6
print(s.int, s.mine, s.string, s.char)
