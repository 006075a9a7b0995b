# The codec registry: lookup, normalization, caching, search functions,
# codecs.encode/decode and the errors they wrap.
import codecs

for name in ["utf-8", "UTF8", "Latin-1", "iso8859_1", "cp1252", "KOI8-R", "mac-roman", "ascii", "utf_16_le", "U32", "rot13"]:
    ci = codecs.lookup(name)
    print(name, "->", ci.name, type(ci).__name__, isinstance(ci, tuple), len(ci))

print(codecs.lookup("utf-8") is codecs.lookup("UTF-8"))
print(codecs.lookup("  utf-8  ").name)

seen = []
def search(name):
    seen.append(name)
    if name == "my_codec":
        return codecs.CodecInfo(
            lambda s, errors="strict": (s.upper().encode("ascii"), len(s)),
            lambda b, errors="strict": (bytes(b).decode("ascii").lower(), len(b)),
            name="my-codec",
        )
    if name == "bad_codec":
        return (1, 2)
    if name == "tuple_codec":
        return (lambda s, e="strict": (b"T" + s.encode(), len(s)), lambda b, e="strict": ("t", len(b)), None, None)
    return None

codecs.register(search)
for n in ["My Codec", "my-codec", "MY_CODEC", "A B-C", "  x--y..z  ", "é-x"]:
    try:
        print(n, codecs.lookup(n).name)
    except LookupError as e:
        print("LookupError:", e)
print(seen)
print("hello".encode("my_codec"), b"HELLO".decode("my-codec"))
print(codecs.encode("abc", "my_codec"), codecs.decode(b"XYZ", "my_codec"))
print("abc".encode("tuple_codec"), b"z".decode("tuple_codec"))
try:
    codecs.lookup("bad_codec")
except TypeError as e:
    print("TypeError:", e)

codecs.unregister(search)
try:
    codecs.lookup("no-such-thing")
except LookupError as e:
    print("LookupError:", e)
try:
    codecs.lookup("my_codec")  # unregister clears the cache
except LookupError as e:
    print("LookupError:", e)
try:
    codecs.register(42)
except TypeError as e:
    print("TypeError:", e)

# codecs.encode/decode wrap simple exceptions of the codec functions
def show(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e, "| cause:", repr(e.__cause__))

show(lambda: codecs.encode(1, "utf-8"))
show(lambda: codecs.decode("abc", "utf-8"))
show(lambda: codecs.encode("é", "ascii"))
show(lambda: codecs.decode(b"\xff", "utf-8"))
show(lambda: codecs.encode("abc", "rot13"))
show(lambda: codecs.encode("abc"))
show(lambda: codecs.decode(b"abc"))
show(lambda: codecs.encode("abc", encoding="utf-16-le", errors="strict"))
show(lambda: codecs.encode("abc", "nope"))
show(lambda: "x".encode("rot13"))
show(lambda: b"x".decode("rot_13"))
show(lambda: b"x".decode("rot13"))
show(lambda: "x".encode("nope"))
show(lambda: b"x".decode("nope"))
show(lambda: str("abc", "utf-8"))
show(lambda: str(b"abc", "cp1252"))
show(lambda: "é".encode("cp1252", "bogus"))
show(lambda: "abc".encode("cp1252", "bogus"))
show(lambda: "€".encode("latin-1", "bogus"))

class E(Exception):
    pass
class E2(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)

def search2(name):
    def enc(s, errors="strict"):
        if s == "e":
            raise E("plain")
        if s == "e2":
            raise E2(1, 2)
        if s == "val":
            raise ValueError("bad value")
        if s == "os":
            raise OSError(2, "nope")
        if s == "int":
            return (5, 1)
        if s == "short":
            return (b"",)
        if s == "ba":
            return (bytearray(b"ba"), len(s))
        return (b"ok", len(s))
    def dec(b, errors="strict"):
        return (42, len(b))
    if name == "weird":
        return codecs.CodecInfo(enc, dec, name="weird")
codecs.register(search2)
for arg in ["e", "e2", "val", "os", "int", "short", "ok"]:
    show(lambda: codecs.encode(arg, "weird"))
    show(lambda: arg.encode("weird"))
show(lambda: codecs.encode("ba", "weird"))
show(lambda: b"x".decode("weird"))
show(lambda: codecs.decode(b"x", "weird"))

# str.encode/bytes.decode run utf-8/16/32, ascii and latin-1 natively (their
# errors unwrapped); other names and aliases go through the registry, which
# wraps non-Unicode errors such as an unknown handler name.
def bad(e):
    return (1, 1)
codecs.register_error("t.bad", bad)
for enc in ["utf-8", "UTF8", " utf-8 ", "utf-16-le", "l1", "latin-1", "U8", "cp1252", "ascii", "646"]:
    for errs in ["bogus", "t.bad"]:
        show(lambda: "€\udc80".encode(enc, errs))
        show(lambda: b"\xff\xfe\x81".decode(enc, errs))
