# Incremental codecs: decoders fed a byte at a time keep partial
# multi-byte sequences until more data (or final=True) arrives.
import codecs

def feed(enc, data, errors="strict"):
    d = codecs.getincrementaldecoder(enc)(errors)
    parts = []
    try:
        for i in range(len(data)):
            parts.append(d.decode(data[i:i + 1]))
        parts.append(d.decode(b"", True))
    except UnicodeDecodeError as e:
        parts.append("<%s: %s>" % (type(e).__name__, e))
    return parts

text = "aé€\U0001F600z"
for enc in ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-7",
            "cp1252", "latin-1", "unicode_escape", "raw_unicode_escape"]:
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text.encode(enc, "replace")
    parts = feed(enc, data)
    print(enc, data, ascii(parts), ascii("".join(p for p in parts if not p.startswith("<"))))

# truncated input: final=True reports it
for enc, data in [("utf-8", b"ab\xe2\x82"), ("utf-16-le", b"a\x00b"), ("utf-16", b"\xff\xfea\x00=\xd8"),
                  ("utf-32", b"\xff\xfe\x00\x00a\x00"), ("utf-7", b"a+AGE"), ("unicode_escape", b"a\\x4"),
                  ("utf-8", b"a\xffb\xc3"), ("raw_unicode_escape", b"x\\u12")]:
    print(enc, ascii(feed(enc, data)), ascii(feed(enc, data, "replace")))

# decoder state
d = codecs.getincrementaldecoder("utf-8")()
print(ascii(d.decode(b"\xe2\x82")), d.getstate())
d.reset()
print(ascii(d.decode(b"\xac", True)) if False else d.getstate())
d16 = codecs.getincrementaldecoder("utf-16")()
print(ascii(d16.decode(b"\xfe\xff\x00")), ascii(d16.decode(b"a\x00b")), d16.getstate())

# encoders
for enc in ["utf-8", "utf-16", "utf-32", "utf-8-sig", "utf-7", "cp1252", "koi8_r"]:
    e = codecs.getincrementalencoder(enc)("replace")
    out = b"".join(e.encode(c) for c in "héllo") + e.encode("", True)
    print(enc, out)

print(list(codecs.iterdecode([b"\xe2", b"\x82", b"\xac", b"!"], "utf-8")))
print(list(codecs.iterencode(["a", "é", "€"], "utf-16-le")))
print(b"".join(codecs.iterencode(["a", "é"], "utf-16")))
try:
    list(codecs.iterdecode([b"a", b"\xe2\x82"], "utf-8"))
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(codecs.getdecoder("cp1252")(b"\x80"), codecs.getencoder("latin-1")("é"))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)
print(codecs.decode(codecs.BOM_UTF8 + b"x", "utf-8-sig"), codecs.encode("x", "utf-8-sig"))
