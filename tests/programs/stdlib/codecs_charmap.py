# The charmap codec: charmap_decode/encode with str tables, dicts and
# EncodingMap, and the 8-bit codecs of the encodings package built on it.
import codecs

def show(f, *args):
    try:
        print(f.__name__, ascii(args[:2]), "->", ascii(f(*args)))
    except Exception as e:
        print(f.__name__, ascii(args[:2]), "->", type(e).__name__, e)

table = "abc\ufffe"
show(codecs.charmap_decode, b"\x00\x01\x02", "strict", table)
show(codecs.charmap_decode, b"\x00\x03\x04", "strict", table)
show(codecs.charmap_decode, b"\x00\x03\x04", "replace", table)
show(codecs.charmap_decode, b"\x00\x03\x04", "ignore", table)
show(codecs.charmap_decode, b"\x00\x03\x04", "backslashreplace", table)
show(codecs.charmap_decode, b"\xe9\x00", None, None)
show(codecs.charmap_decode, b"\xe9\x00")
m = {0: "zero", 1: 0x263A, 2: None, 3: 0xFFFE, 65: "A"}
show(codecs.charmap_decode, b"\x00\x01A", "strict", m)
show(codecs.charmap_decode, b"\x02", "strict", m)
show(codecs.charmap_decode, b"\x03", "replace", m)
show(codecs.charmap_decode, b"\x09", "strict", m)
show(codecs.charmap_decode, b"\x00", "strict", {0: 0x110000})
show(codecs.charmap_decode, b"\x00", "strict", {0: 1.5})
show(codecs.charmap_decode, b"\x00\x01", "strict", ["x", "y"])

emap = codecs.charmap_build("\x00abc\u20ac")
print(type(emap).__name__)
show(codecs.charmap_encode, "abc\u20ac", "strict", emap)
show(codecs.charmap_encode, "abxc", "strict", emap)
show(codecs.charmap_encode, "abxyc", "replace", emap)
show(codecs.charmap_encode, "abxyc", "ignore", emap)
show(codecs.charmap_encode, "ab\u0101c", "xmlcharrefreplace", emap)
show(codecs.charmap_encode, "é", "strict", None)
show(codecs.charmap_encode, "\u0100", "strict")
em = {ord("a"): 1, ord("b"): b"BB", ord("c"): None, ord("?"): ord("Q")}
show(codecs.charmap_encode, "ab", "strict", em)
show(codecs.charmap_encode, "abc", "strict", em)
show(codecs.charmap_encode, "abcd", "replace", em)
show(codecs.charmap_encode, "a", "strict", {97: 300})
show(codecs.charmap_encode, "a", "strict", {97: "s"})
show(codecs.charmap_encode, "ax", "backslashreplace", em)

for enc in ["cp1252", "koi8_r", "mac_roman", "cp437", "iso8859_15", "cp1251", "iso8859-2", "cp850", "latin9", "windows-1250", "mac-cyrillic", "hp-roman8", "tis-620"]:
    data = bytes(range(0x80, 0x100))
    s = data.decode(enc, "replace")
    print(enc, codecs.lookup(enc).name, ascii(s[:24]))
    ok = s.encode(enc, "replace")
    print(" ", len(s), ok[:16], sum(1 for c in s if c == "\ufffd"))

print("Grüße €".encode("cp1252"), b"Gr\xfc\xdfe \x80".decode("cp1252"))
print("Привет".encode("koi8-r"), b"\xf0\xd2\xc9\xd7\xc5\xd4".decode("koi8_r"))
print("café".encode("mac_roman"), b"caf\x8e".decode("mac-roman"))
print("╔═╗".encode("cp437"), b"\xc9\xcd\xbb".decode("cp437"))
for bad in [("\u0100", "cp1252"), ("€", "koi8_r"), ("abc\u4e00def", "cp437")]:
    try:
        bad[0].encode(bad[1])
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e, e.encoding, e.start, e.end)
try:
    b"\x81".decode("cp1252")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e, e.encoding)
print(b"a\x81b".decode("cp1252", "replace"), b"a\x81b".decode("cp1252", "ignore"), ascii(b"a\x81b".decode("cp1252", "surrogateescape")))
print("a\udc81b".encode("cp1252", "surrogateescape"), "a\u0100b".encode("cp1252", "xmlcharrefreplace"), "a\u0100b".encode("cp1252", "namereplace"))
print(codecs.encode("Ж", "cp1251"), codecs.decode(b"\xc6", "cp1251"))

import encodings.cp1252, encodings.koi8_r
for t in [encodings.cp1252.decoding_table, encodings.koi8_r.decoding_table, "\x00abc", "\x01abc", "abca", "\x00a\U00010000"]:
    m = codecs.charmap_build(t)
    print(type(m).__name__, m.size() if type(m).__name__ == "EncodingMap" else sorted(m.items())[:6])
print(codecs.charmap_encode("\ufffe", "strict", codecs.charmap_build("a\ufffe")))
print(codecs.charmap_encode("\x00ab", "strict", codecs.charmap_build("\x00ab\ufffeb")))
try:
    codecs.charmap_encode("\ufffe", "strict", codecs.charmap_build("\x00a\ufffe"))
except UnicodeEncodeError as e:
    print(e)
