# codecs
for data, enc, errs in [(b"\xff", "utf-8", "strict"), (b"\xe4\xb8", "utf-8", "strict"), (b"a\xe4\xb8z", "utf-8", "strict"),
                        (b"\xff", "ascii", "strict"), (b"\xed\xa0\x80", "utf-8", "strict"), (b"\xf0\x80\x80", "utf-8", "strict"),
                        (b"abc\xff", "utf-8", "bad"), (b"\xc3", "utf-8", "strict")]:
    try:
        print(data.decode(enc, errs))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e.args)
    except LookupError as e:
        print("LookupError:", e)
for h in ["replace", "ignore", "surrogateescape", "backslashreplace"]:
    print(h, ascii(b"a\xff\xe4\xb8b\x80".decode("utf-8", h)), ascii(b"a\xffb".decode("ascii", h)))
print(b"caf\xe9".decode("latin-1"), b"caf\xe9".decode("iso-8859-1"), b"x".decode("UTF8"), b"x".decode("US-ASCII"))
print("h\xe9llo".encode("latin-1"), "h\u20acllo".encode("utf-8"), "abc".encode("ascii"))
for s, enc in [("\xe9", "ascii"), ("\xe9\xe9x", "ascii"), ("\u1234", "latin-1"), ("\ud800", "utf-8")]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e.args)
for h in ["replace", "ignore", "backslashreplace", "xmlcharrefreplace"]:
    print(h, "a\xe9\u20ac\U0001f600b".encode("ascii", h))
print("a\udcffb".encode("utf-8", "surrogateescape"), "\ud800".encode("utf-8", "surrogatepass"))
print(bytes("hi\u20ac", "utf-16-le"), bytes("hi", "utf-16-be"), bytes("\U0001f600", "utf-16-le"), bytes("hi", "utf-32-be"))
print(b"h\x00i\x00".decode("utf-16-le"), b"\xff\xfeh\x00".decode("utf-16"), bytes("hi", "utf-16").decode("utf-16"))
try:
    bytes("x", "nope")
except LookupError as e:
    print("LookupError:", e)
print(bytes("abc", "utf-8", "strict"), bytearray("\xe9", "latin-1"))
