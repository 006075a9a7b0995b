# Drives tests/capi/args.c: values and errors of every PyArg_* format unit.
import sys
import args


class Idx:
    def __index__(self):
        return 7


class Flt:
    def __float__(self):
        return 2.5


class Bad:
    def __bool__(self):
        raise ValueError("no truth")


def show(f, *a, **k):
    try:
        print(f.__name__, "->", f(*a, **k))
    except Exception as e:
        print(f.__name__, "!>", type(e).__name__ + ":", e)


show(args.ints, 1, 2, 3, 4, 5, 6)
show(args.ints, 255, -32768, -2**31, -2**63, 2**63 - 1, -2**63)
show(args.ints, 1, 2, 3)
show(args.ints, 1, 2, 3, 4, 5, 6, 7)
show(args.ints, Idx(), Idx(), Idx(), Idx(), Idx(), Idx())
show(args.unsigned_masks, -1, -1, 257, 65537, 2**32 + 5)
show(args.unsigned_masks, 2**64 + 3, 2**65 + 1, 0, 0, 0)
show(args.unsigned_masks, 1.0, 1, 1, 1, 1)
show(args.unsigned_masks, 1, Idx(), 1, 1, 1)
for v in [2**31, -2**31 - 1, 2**100, 1.5, "x", None, True, Idx()]:
    show(args.one_int, v)
for v in [-1, 256, 255, 2.0]:
    show(args.one_byte, v)
for v in [2**63, -2**63 - 1, "3"]:
    show(args.one_long, v)
for v in [2**63, Idx(), 3.0, [1]]:
    show(args.one_ssize, v)
for v in [-1, 2**64 + 1, 1.5, "1", Idx()]:
    show(args.one_k, v)
show(args.floats, 1.5, 2)
show(args.floats, Flt(), Idx())
show(args.floats, "1.0", 1.0)
show(args.floats, 1.0, None)
show(args.floats, 1.0, 1e300)
show(args.strings, "abc", None, b"xyz", "h\u00e9llo", b"a\0b")
show(args.strings, "abc", "def", b"", "", bytearray(b"q"))
for v in ["ok", "a\0b", b"bytes", None, 3, "\ud800"]:
    show(args.one_s, v)
for v in ["ok", None, 3]:
    show(args.one_z, v)
for v in [b"ok", b"a\0b", "str", bytearray(b"x"), memoryview(b"x")]:
    show(args.one_y, v)
for v in ["h\u00e9", b"a\0b", bytearray(b"x"), memoryview(b"ab"), 5]:
    show(args.one_shash, v)
for v in [b"a\0b", "str", bytearray(b"x"), 5]:
    show(args.one_yhash, v)
show(args.objects, 1, [2])
show(args.objects, 1, (2,))
show(args.objects, 1, None)
class L(list):
    pass
show(args.objects, None, L([3]))
show(args.converter, 21)
show(args.converter, -3)
show(args.converter, "x")
for v in [0, 1, "", "x", [], [0], None, Bad()]:
    show(args.predicate, v)
show(args.optional, 1)
show(args.optional, 1, 2)
show(args.optional, 1, 2, 3)
show(args.optional)
show(args.optional, 1, 2, 3, 4)
show(args.optional, 1, "2")
show(args.nested, (1, (2, 3)), "s")
show(args.nested, [1, [2, 3]], "s")
show(args.nested, (1, 2), "s")
show(args.nested, 1, "s")
show(args.nested, (1, (2, "x")), "s")
show(args.nested, (1, (2, 3, 4)), "s")
show(args.nested, (1, (2, 3)), 5)
show(args.nested, "ab", "s")
show(args.custom_message, 1)
show(args.custom_message, "x")
show(args.custom_message)
show(args.kwargs, 1, "n")
show(args.kwargs, 1, name="n", count=3, flag=[1])
show(args.kwargs, 1, "n", 2, flag=0)
show(args.kwargs, 1, "n", 2, 3)
show(args.kwargs, 1)
show(args.kwargs, name="n")
show(args.kwargs, 1, "n", name="m")
show(args.kwargs, 1, "n", bogus=1)
show(args.kwargs, 1, "n", 2, 3, 4)
show(args.kwargs, "x", "n")
show(args.kwargs, 1, "n", count="c")
show(args.kwonly)
show(args.kwonly, y=2)
show(args.kwonly, 1)
show(args.kwonly, x=1, y=2, z=3)
show(args.unpack, 1)
show(args.unpack, 1, 2, 3)
show(args.unpack)
show(args.unpack, 1, 2, 3, 4)
show(args.unpack_exact, 1, 2)
show(args.unpack_exact, 1)
show(args.old_parse, 41)
show(args.old_parse, "x")
ba = bytearray(b"abc")
show(args.buffers, b"y", "s\u00e9", None)
show(args.buffers, bytearray(b"yy"), memoryview(b"ss"), b"z", ba)
print(ba)
show(args.buffers, b"y", b"s", b"z", ba, "not an int")
ba += b"grown"
print("bytearray resizable after failure:", ba)
show(args.buffers, "str", b"s", None)
show(args.buffers, b"y", b"s", None, b"read-only")
show(args.buffers, memoryview(b"abcd")[::2], b"s", None)
x = object()
r = sys.getrefcount(x)
for _ in range(50):
    args.objects(x, [x])
    args.unpack(x, x)
print("refcount delta", sys.getrefcount(x) - r)
# Failed parses keep no reference to their arguments.
y = object()
r = sys.getrefcount(y)
for _ in range(30):
    for f, a in [(args.objects, (y, y)), (args.one_int, (y,)), (args.nested, ((y, (y, y)), y)),
                 (args.kwargs, (1, y)), (args.unpack, (y, y, y, y)), (args.converter, (y,))]:
        try:
            f(*a)
        except TypeError:
            pass
    try:
        args.kwargs(1, "n", count=y)
    except TypeError:
        pass
del f, a
print("failed parses refcount delta", sys.getrefcount(y) - r)
