# The escape codecs: unicode_escape, raw_unicode_escape, escape_encode /
# escape_decode, readbuffer_encode, with errors and the `final` flag.
import codecs

def show(f, *args):
    try:
        print(f.__name__, ascii(args), "->", ascii(f(*args)))
    except Exception as e:
        print(f.__name__, ascii(args), "->", type(e).__name__, e)

for t in ["abc", "a\tb\nc\rd", "back\\slash", "quote'\"", "\x00\x7f\x80\xff", "\u0100\uffff", "\U0001F600", "é€"]:
    show(codecs.unicode_escape_encode, t)
    show(codecs.raw_unicode_escape_encode, t)
    assert t.encode("unicode_escape").decode("unicode_escape") == t
    assert t.encode("raw_unicode_escape").decode("raw_unicode_escape") == t

for data in [b"abc", b"\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v", b"\\x41\\u00e9\\U0001F600", b"\\101\\0\\7", b"\\N{DIGIT ONE}x",
             b"\\N{latin small letter a}", b"\\x4", b"\\x4g", b"a\\", b"\\N{", b"\\Nx", b"\\N{}", b"\\N{NOPE}", b"\\U00110000",
             b"line\\\ncont", b"\xe9\xff", b"\\u12", b"\\U0000004"]:
    show(codecs.unicode_escape_decode, data)
    show(codecs.unicode_escape_decode, data, "strict", False)
    show(codecs.unicode_escape_decode, data, "replace")
    show(codecs.unicode_escape_decode, data, "backslashreplace")
show(codecs.unicode_escape_decode, "\\x41\\n")
show(codecs.unicode_escape_decode, bytearray(b"\\x41"))

for data in [b"abc", b"\\u0041", b"\\U0001F600", b"\\\\u0041", b"a\\", b"\\x", b"\\u00", b"\\q\\u004", b"\\U00110000",
             b"\\u00zz", b"\xe9\\u20ac"]:
    show(codecs.raw_unicode_escape_decode, data)
    show(codecs.raw_unicode_escape_decode, data, "strict", False)
    show(codecs.raw_unicode_escape_decode, data, "replace")
show(codecs.raw_unicode_escape_decode, "\\u0041")

for data in [b"abc", b"a'b\"c", b"\\", b"\x00\x01\t\n\r\x7f\x80\xff", bytes(range(30, 40))]:
    show(codecs.escape_encode, data)
    assert codecs.escape_decode(codecs.escape_encode(data)[0])[0] == data
show(codecs.escape_encode, "str")
show(codecs.escape_encode, bytearray(b"x"))
for data in [b"abc", b"\\n\\t\\x41\\101\\177", b"\\x4", b"\\xzz", b"ab\\", b"\\'\\\"", b"a\\\nb", "\\x41é"]:
    show(codecs.escape_decode, data)
    show(codecs.escape_decode, data, "replace")
    show(codecs.escape_decode, data, "ignore")
show(codecs.escape_decode, b"\\x4", "bogus")

show(codecs.readbuffer_encode, b"abc")
show(codecs.readbuffer_encode, "é")
show(codecs.readbuffer_encode, bytearray(b"xy"), "strict")
show(codecs.readbuffer_encode, 5)

print(codecs.encode("é\n", "unicode_escape"), codecs.decode(b"\\u20ac", "unicode-escape"))
print("é\u20ac".encode("raw-unicode-escape"), b"\\u20ac\\n".decode("raw_unicode_escape"))
