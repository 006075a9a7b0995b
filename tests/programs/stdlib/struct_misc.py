# struct: floats (e/f/d), ?, c, s, p, x, calcsize and alignment, format errors,
# buffers, unpack_from/pack_into offsets, iter_unpack, the Struct type.
import struct, sys
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
class Fl:
    def __float__(self): return 2.5
class Ix:
    def __index__(self): return 3
for bo in "@<>":
    for c in "efd":
        for v in [0.0, -0.0, 1.5, 1e-8, 6e-5, 65504.0, 65519.0, 65520.0, 1e40, -1e40, 3.4e38, float("inf"), float("-inf"), float("nan"), 1, True, 2**1000, "x", None, Fl(), Ix(), 1/3, 2.0**-24, 2.0**-25, 2.0**-26, 3*2.0**-25, 1.0009765625, 1.00146484375]:
            print(bo, c, repr(v)[:20], end=" : ")
            t(lambda: struct.pack(bo + c, v))
            try:
                print("   rt", struct.unpack(bo+c, struct.pack(bo + c, v)))
            except Exception: pass
for bo in "@<>":
    print(bo, [struct.unpack(bo + "e", struct.pack(bo + "H", h)) for h in (0x7c00, 0xfc00, 0x7e00, 0x0001, 0x03ff, 0x3c00, 0x8000)])
    print(bo, struct.unpack(bo+"f", struct.pack(bo+"I", 0x7fc00001)), struct.unpack(bo+"d", struct.pack(bo+"Q", 1)))
for v in [0, 1, 2, [], [1], "", None, 0.0]:
    t(lambda: struct.pack("?", v))
t(lambda: struct.unpack("??", b"\x00\x05"))
for v in [b"a", b"ab", b"", "a", 97, bytearray(b"a")]:
    t(lambda: struct.pack("c", v))
for f in ["s", "0s", "3s", "5p", "1p", "0p", "2s2p", "300p"]:
    for v in [b"abc", bytearray(b"xy"), "str", 5, b"a" * 300]:
        t(lambda: struct.pack(f, v))
t(lambda: struct.unpack("5p", b"\x09abcd"))
t(lambda: struct.unpack("5p", b"\x02abcd"))
t(lambda: struct.unpack("3s2x", b"abcde"))
t(lambda: struct.unpack("c", b"z"))
t(lambda: struct.pack("3x"))
t(lambda: struct.pack("x", 1))
for f in ["", "x", "c", "bi", "ib", "bq", "bd", "hi", "bH", "b0i", "i0q", "b0l", "@bqb", "=bqb", "<bqb", ">bqb", "!bqb", "3s i", " i ", "2i3h", "bP", "be", "b?", "bf", "bn", "bN", "10s", "10p", "lL", "q" * 10]:
    t(lambda: struct.calcsize(f))
for f in ["z", "3", "i3", "<n", ">P", "=N", "<e f", "i\x00", "1000000000000000000000i", "99999999999999999999999999999s", 5, b"<i", bytearray(b"i"), "é", "ii@", "i<"]:
    t(lambda: struct.calcsize(f))
t(lambda: struct.pack("i"))
t(lambda: struct.pack("i", 1, 2))
t(lambda: struct.pack("2i", 1))
t(lambda: struct.pack())
t(lambda: struct.unpack("i", b"abc"))
t(lambda: struct.unpack("i", "abcd"))
t(lambda: struct.unpack("i", 5))
t(lambda: struct.unpack("<i", bytearray(b"abcd")))
t(lambda: struct.unpack("<i", memoryview(b"abcd")))
t(lambda: struct.unpack("<h", memoryview(b"abcd")[1:3]))
t(lambda: struct.unpack_from("<h", b"abcd", 1))
t(lambda: struct.unpack_from("<h", b"abcd", offset=2))
t(lambda: struct.unpack_from("<h", b"abcd", 3))
t(lambda: struct.unpack_from("<h", b"abcd", -1))
t(lambda: struct.unpack_from("<h", b"abcd", -2))
t(lambda: struct.unpack_from("<h", b"abcd", -5))
t(lambda: struct.unpack_from("<h", b"abcd", 10))
t(lambda: struct.unpack_from("<h", buffer=b"abcd"))
t(lambda: struct.unpack_from("<h", b"abcd", "x"))
ba = bytearray(8)
t(lambda: struct.pack_into("<hh", ba, 2, 1, 2)); print(ba)
t(lambda: struct.pack_into("<h", ba, -2, 7)); print(ba)
t(lambda: struct.pack_into("<h", ba, -1, 7))
t(lambda: struct.pack_into("<h", ba, -9, 7))
t(lambda: struct.pack_into("<h", ba, 7, 7))
t(lambda: struct.pack_into("<h", ba, 9, 7))
t(lambda: struct.pack_into("<h", b"abcd", 0, 7))
t(lambda: struct.pack_into("<h", ba))
t(lambda: struct.pack_into("<h", ba, 0))
t(lambda: struct.pack_into("<h"))
t(lambda: struct.pack_into("<h", ba, 0, 1, 2))
t(lambda: struct.pack_into("<h", ba, "a", 1))
mv = memoryview(ba); t(lambda: struct.pack_into("<h", mv, 0, 0x4142)); print(ba)
t(lambda: list(struct.iter_unpack("<h", b"abcd")))
t(lambda: list(struct.iter_unpack("<h", b"abc")))
t(lambda: list(struct.iter_unpack("", b"abc")))
t(lambda: list(struct.iter_unpack("<h", 5)))
it = struct.iter_unpack("<h", b"abcdef"); print(it.__length_hint__(), next(it), it.__length_hint__(), type(it).__name__, list(it), it.__length_hint__())
s = struct.Struct("<hi")
print(s.format, s.size, s.pack(1, 2), s.unpack(s.pack(1, 2)), type(s).__name__, type(s))
print(struct.Struct(b">q").format, struct.Struct(format="b").size)
t(lambda: struct.Struct())
t(lambda: struct.Struct(5))
t(lambda: struct.Struct("z"))
t(lambda: s.pack(1))
t(lambda: s.unpack_from(b"\x00" * 10, 2))
t(lambda: list(s.iter_unpack(b"\x00" * 12)))
t(lambda: s.format.__class__)
t(lambda: s.__sizeof__() > 0)
class S2(struct.Struct):
    pass
print(S2("i").size, S2("<h").unpack(b"\x01\x00"))
print(struct.error, struct.error.__mro__, struct.__name__)
struct._clearcache()
t(lambda: struct.pack("<Q", Ix()))
t(lambda: struct.pack("<q", 2.0))
t(lambda: struct.pack("@i", True))
t(lambda: struct.unpack("@bqb", bytes(range(24))))
t(lambda: struct.pack("@bqb", 1, 2, 3))
t(lambda: struct.pack("=bqb", 1, 2, 3))
t(lambda: struct.unpack("@PnN", struct.pack("@PnN", 5, -5, 5)))
t(lambda: struct.unpack("<l", b"\xff\xff\xff\xff"))
t(lambda: struct.unpack("@l", b"\xff" * 8))
t(lambda: struct.unpack(">iI", b"\xff\xff\xff\xfe\xff\xff\xff\xfe"))
t(lambda: struct.pack("0i"))
t(lambda: struct.pack("<3h", 1, 2, 3))
t(lambda: struct.unpack("<3h", struct.pack("<3h", 1, 2, 3)))
t(lambda: struct.pack(">e", 1e-8))
t(lambda: setattr(struct.Struct("i"), "size", 3))
print(repr(struct.Struct("i")).startswith("<_struct.Struct object at "))
s = struct.Struct("i"); s.__init__("hh"); print(s.size, s.format)
t(lambda: type(struct.iter_unpack("b", b"ab"))())
print(struct.pack("<e", 1e-5), struct.unpack("<e", b"\x01\x80"))
