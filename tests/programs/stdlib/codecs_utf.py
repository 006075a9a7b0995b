# The UTF codec functions of _codecs: utf-8, utf-7, utf-16, utf-32 with
# their byte orders, BOM handling, the `final` flag and error reporting.
import codecs

def show(f, *args):
    try:
        print(f.__name__, args, "->", repr(f(*args)))
    except Exception as e:
        print(f.__name__, args, "->", type(e).__name__, e)

texts = ["", "abc", "héllo", "€uro", "\U0001F600 smile", "a\x00b", "\uffff\U0010ffff"]
for t in texts:
    show(codecs.utf_8_encode, t)
    show(codecs.utf_16_encode, t)
    show(codecs.utf_16_le_encode, t)
    show(codecs.utf_16_be_encode, t)
    show(codecs.utf_32_encode, t)
    show(codecs.utf_32_le_encode, t)
    show(codecs.utf_32_be_encode, t)
    show(codecs.utf_7_encode, t)
    for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-7"]:
        assert t.encode(enc).decode(enc) == t, (t, enc)

show(codecs.utf_16_encode, "ab", "strict", 1)
show(codecs.utf_16_encode, "ab", "strict", -1)
show(codecs.utf_16_encode, "ab", None, 0)
show(codecs.utf_32_encode, "ab", "strict", 1)
show(codecs.utf_32_encode, "ab", "strict", -5)

# utf-8 decoding: errors and final
for data in [b"abc", b"\xc3\xa9", b"\xe2\x82", b"\xe2\x82\xac", b"\xf0\x9f\x98", b"\xff", b"a\x80b",
             b"\xc0\xaf", b"\xed\xa0\x80", b"\xe0\x80", b"\xf4\x90\x80\x80", b"\xe2\x28\xa1", b"\xc3"]:
    show(codecs.utf_8_decode, data)
    show(codecs.utf_8_decode, data, "strict", True)
    show(codecs.utf_8_decode, data, "replace", True)
    show(codecs.utf_8_decode, data, "ignore", False)
show(codecs.utf_8_decode, bytearray(b"\xc3\xa9x"))
print(codecs.utf_8_decode(memoryview(b"abc")))
show(codecs.utf_8_decode, "abc")
show(codecs.utf_8_encode, b"abc")
show(codecs.utf_8_encode, "a\ud800b")
show(codecs.utf_8_encode, "a\ud800\udfffb")
show(codecs.utf_8_encode, "a\ud800b", "surrogatepass")
show(codecs.utf_8_decode, b"a\xed\xa0\x80b", "surrogatepass")
show(codecs.utf_8_encode, "x", 5)
show(codecs.utf_8_decode)
show(codecs.utf_8_decode, b"", None, False, 4)

# utf-16 / utf-32 decoding
for data in [b"\xff\xfea\x00", b"\xfe\xff\x00a", b"a\x00", b"a\x00b", b"\xff\xfe", b"\xff",
             b"=\xd8\x00\xde", b"=\xd8", b"=\xd8\x00", b"=\xd8a\x00", b"\x00\xdc", b"a\x00\x00\xd8\x00"]:
    show(codecs.utf_16_decode, data)
    show(codecs.utf_16_decode, data, "strict", True)
    show(codecs.utf_16_le_decode, data, "replace", True)
    show(codecs.utf_16_be_decode, data, "backslashreplace", True)
    show(codecs.utf_16_ex_decode, data)
    show(codecs.utf_16_ex_decode, data, "strict", 1, True)
for data in [b"\xff\xfe\x00\x00a\x00\x00\x00", b"\x00\x00\xfe\xff\x00\x00\x00a", b"a\x00\x00\x00",
             b"a\x00\x00", b"\x00\x00\x11\x00", b"\x00\xd8\x00\x00", b"\x00\x00\x00\xd8"]:
    show(codecs.utf_32_decode, data)
    show(codecs.utf_32_decode, data, "strict", True)
    show(codecs.utf_32_le_decode, data, "replace", True)
    show(codecs.utf_32_be_decode, data, "ignore", True)
    show(codecs.utf_32_ex_decode, data)
    show(codecs.utf_32_ex_decode, data, None, -1, True)
show(codecs.utf_16_le_encode, "a\udc80", "surrogatepass")
show(codecs.utf_16_be_decode, b"\xdc\x80", "surrogatepass", True)
show(codecs.utf_32_le_encode, "a\udc80", "surrogatepass")
show(codecs.utf_32_be_decode, b"\x00\x00\xdc\x80", "surrogatepass", True)
show(codecs.utf_16_encode, "a\udc80")
show(codecs.utf_32_encode, "a\udc80b", "replace")

# utf-7
for data in [b"+AGE-", b"+AGE", b"a+-b", b"+2D3eAA-", b"+2D3", b"+!", b"a\x80b", b"+AG-", b"+AGEAYgBj-x",
             b"hi+ZeVnLIqe-", b"+AGE.", b"+2D3eAA", b"+2D0-"]:
    show(codecs.utf_7_decode, data)
    show(codecs.utf_7_decode, data, "strict", True)
    show(codecs.utf_7_decode, data, "replace", True)
show(codecs.utf_7_encode, "!a b~\\+-é\U0001F600")
show(codecs.utf_7_encode, "A+B=C-D")
show(codecs.utf_7_encode, "\u65e5\u672c\u8a9e.")

# str.encode / bytes.decode use the same codecs
print("ü€".encode("utf-16"), b"\xff\xfe\xfc\x00".decode("utf-16"), "x".encode("UTF_32_BE"))
print(b"\xfe\xff\x00A".decode("utf-16"), b"A\x00".decode("u16"), "é".encode("U8"))
for bad in [(b"\xff", "utf-8"), (b"\x00", "utf-16"), (b"\x00\x00\xd8\x00", "utf-32-be")]:
    try:
        bad[0].decode(bad[1])
    except UnicodeDecodeError as e:
        print(e.encoding, e.start, e.end, e.reason, e.object)
