# Drives tests/capi/objects.c: the object functions of the first C API slice.
import sys
import objects as o


class Idx:
    def __index__(self):
        return 5


class Flt:
    def __float__(self):
        return 1.25


class Thing:
    attr = "class attr"

    def __repr__(self):
        return "<Thing>"

    def __len__(self):
        return 3


for v in [0, -1, 2**31, 2**63 - 1, 2**63, 2**64, -2**63 - 1, 2**1024, True, Idx(), 1.5, "x"]:
    print("long_as", o.long_as(v))
for f in [o.long_as_long, o.long_as_ulong, o.long_as_ssize, o.long_as_longlong, o.long_as_ulonglong]:
    for v in [-1, 2**64, 2**63, Idx(), 2.0, None]:
        print(f.__name__, repr(v) if not isinstance(v, Idx) else "Idx", "->", f(v))
print(o.long_from())
for v in [1.5, 3, 2**1024, Idx(), Flt(), "1.0", None]:
    print("float_as", o.float_as(v))
print(o.float_macro(1.5), o.float_macro(1))
print(o.bools())
for s in ["abc", "h\u00e9llo \u263a \U0001F600", "", "\ud800"]:
    print("str_ops", ascii(o.str_ops(s)))
for s in ["", "ascii", "l\u00e4tin", "\u20ac uro", "\U0001F600!", "abc".upper()]:
    print("str_macros", o.str_macros(s))
print(o.str_errors("ab"))
print(o.str_format("o\u00e9"))
for b in [b"by\0tes", b"", "str", None]:
    print("bytes_ops", o.bytes_ops(b))
print(o.tuple_ops("x"))
print(o.list_ops("x"))
print(o.dict_ops("v"))
for obj, name in [(Thing(), "attr"), (Thing(), "missing"), (5, "real"), ([], "append"), (len, "__name__")]:
    r = o.object_ops(obj, name)
    r[1] = r[1].__name__
    if callable(r[0]) and not isinstance(r[0], str):
        r[0] = type(r[0]).__name__
    print("object_ops", r)
t = Thing()
print(o.setattr_ops(t), t.other)
print(o.setattr_ops(5))
for a, b, op in [(1, 2, 0), (1, 2, 2), ("a", "a", 2), (1, "a", 0), (1, "a", 3), (2.0, 2, 5)]:
    print("compare", o.compare(a, b, op))
for a, b in [(7, 2), (7.5, 2), ("ab", "cd"), ([1], 2), (Idx(), 1), ("3", 0)]:
    print("numbers", o.numbers(a, b))
for s in [[1, 2, 3], (4, 5), "xyz", {"a": 1}, 5, range(3), iter([9])]:
    print("sequences", o.sequences(s))
print(o.setitem([1, 2], 0, "z"), o.setitem({}, "k", "v"), o.setitem((1,), 0, 0), o.setitem([], 5, 0))


def f(*a, **k):
    return a, k


print(o.calls(f))
print(o.calls(lambda: "no args"))
print(o.call_method_objargs("a-b", "split", "-"), o.call_method_objargs(1, "nope", 2))
print(o.import_module("sys"), o.import_module("no_such_module_here"))
print(o.memory())
x = object()
r = sys.getrefcount(x)
print(o.refcounts(x), sys.getrefcount(x) - r)
for _ in range(20):
    o.tuple_ops(x)
    o.list_ops(x)
    o.dict_ops(x)
print("refcount delta", sys.getrefcount(x) - r)
