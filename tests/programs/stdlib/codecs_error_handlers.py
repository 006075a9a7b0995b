# The error handlers: the built-in callables (with encode, decode and
# translate errors), their effect through each codec, and custom handlers.
import codecs

names = ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace",
         "namereplace", "surrogateescape", "surrogatepass"]
handlers = {n: codecs.lookup_error(n) for n in names}
for n in names:
    print(n, handlers[n].__name__)
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print("LookupError:", e)

excs = [
    UnicodeEncodeError("ascii", "a\xe9\u20ac\U0001F600b", 1, 4, "ordinal not in range(128)"),
    UnicodeEncodeError("latin-1", "x\udc80\udcffy", 1, 3, "bad"),
    UnicodeEncodeError("utf-8", "x\ud800\udfffy", 1, 3, "surrogates not allowed"),
    UnicodeEncodeError("utf-16-be", "x\ud800y", 1, 2, "surrogates not allowed"),
    UnicodeEncodeError("utf-32", "x\ud800y", 1, 2, "surrogates not allowed"),
    UnicodeEncodeError("utf-8", "x\u0100y", 1, 2, "r"),
    UnicodeDecodeError("utf-8", b"a\xff\xfeb", 1, 3, "invalid start byte"),
    UnicodeDecodeError("utf-8", b"a\xed\xa0\x80b", 1, 2, "invalid continuation byte"),
    UnicodeDecodeError("utf-16-le", b"a\x00\x00\xd8", 2, 4, "unexpected end of data"),
    UnicodeDecodeError("ascii", b"a\x41b", 1, 2, "x"),
    UnicodeDecodeError("utf-8", b"\x80\x81\x82\x83\x84\x85", 0, 6, "x"),
    UnicodeTranslateError("a\u20acb", 1, 2, "no mapping"),
    UnicodeEncodeError("ascii", "abc", 5, 9, "out of range"),
]
for exc in excs:
    for n in names:
        try:
            r = handlers[n](exc)
            print(n, type(exc).__name__, exc.start, exc.end, "->", ascii(r))
        except Exception as e:
            print(n, type(exc).__name__, exc.start, exc.end, "->", type(e).__name__, e)
for n in names:
    for bad in [ValueError("x"), "str", 42]:
        try:
            handlers[n](bad)
        except Exception as e:
            print(n, repr(bad), type(e).__name__, e)

# through the codecs
text = "aé€\U0001F600\udc80z"
for enc in ["ascii", "latin-1", "utf-8", "utf-16-le", "utf-32-be", "cp1252", "koi8-r", "iso8859-15"]:
    for n in ["ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace", "surrogateescape", "surrogatepass"]:
        try:
            print(enc, n, text.encode(enc, n))
        except UnicodeEncodeError as e:
            print(enc, n, "UnicodeEncodeError:", e, e.start, e.end)
data = b"a\xe9\x80\xff\xed\xa0\x80z"
for enc in ["ascii", "utf-8", "utf-16-le", "cp1252", "koi8-r", "cp437", "iso8859-8", "utf-7"]:
    for n in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass", "xmlcharrefreplace"]:
        try:
            print(enc, n, ascii(data.decode(enc, n)))
        except (UnicodeDecodeError, TypeError) as e:
            print(enc, n, type(e).__name__, e)

# round trip of undecodable bytes through surrogateescape
raw = bytes(range(0x78, 0x88))
s = raw.decode("ascii", "surrogateescape")
print(ascii(s), s.encode("ascii", "surrogateescape") == raw, s.encode("utf-8", "surrogateescape") == raw)

# custom handlers
def skip2(exc):
    return ("<%d:%d>" % (exc.start, exc.end), exc.end + 1 if exc.end < len(exc.object) else exc.end)
codecs.register_error("test.skip", skip2)
print("abcdé€fgh".encode("ascii", "test.skip"))
print(b"ab\xffcd\xfeef".decode("utf-8", "test.skip"))
print(b"ab\x81cd".decode("cp1252", "test.skip"))

def tobytes(exc):
    return (b"<B>", exc.end)
codecs.register_error("test.bytes", tobytes)
print("aé€b".encode("ascii", "test.bytes"), "aéb\ud800".encode("utf-8", "test.bytes"), "a\u0100".encode("cp1252", "test.bytes"))

def back(exc):
    return ("?", -1)
codecs.register_error("test.back", back)
print("aéz".encode("ascii", "test.back"), b"a\xffz".decode("ascii", "test.back"))

def results(r):
    def h(exc):
        return r
    return h
for r in [("x", 100), ("x",), ["x", 1], (1, 1), ("x", "1"), (b"x", 2), ("x", -100), (None, 1)]:
    codecs.register_error("test.r", results(r))
    for f in [lambda: "aéb".encode("ascii", "test.r"), lambda: b"a\xffb".decode("utf-8", "test.r")]:
        try:
            print(ascii(r), ascii(f()))
        except Exception as e:
            print(ascii(r), type(e).__name__, e)

def nonascii(exc):
    return ("\xe9", exc.end)
codecs.register_error("test.nonascii", nonascii)
for enc in ["ascii", "latin-1", "utf-8", "utf-16-le", "cp1252"]:
    try:
        print(enc, "a\U0001F600b".encode(enc, "test.nonascii"))
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError:", e)

def raiser(exc):
    raise KeyError("boom")
codecs.register_error("test.raise", raiser)
try:
    "é".encode("ascii", "test.raise")
except KeyError as e:
    print("KeyError", e)
try:
    codecs.register_error("test.x", 5)
except TypeError as e:
    print("TypeError:", e)
try:
    "é".encode("ascii", "test.unknown")
except LookupError as e:
    print("LookupError:", e)
print("abc".encode("ascii", "test.unknown"))

codecs.register_error("test.strict", codecs.strict_errors)
try:
    "é".encode("ascii", "test.strict")
except UnicodeEncodeError as e:
    print("via strict_errors:", e)
print(codecs.ignore_errors is handlers["ignore"], codecs.replace_errors is handlers["replace"])
print(codecs.xmlcharrefreplace_errors is handlers["xmlcharrefreplace"], codecs.backslashreplace_errors is handlers["backslashreplace"], codecs.namereplace_errors is handlers["namereplace"])
