b = b"Hello, World"
print(b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize())
print(b.find(b"o"), b.rfind(b"o"), b.index(b"W"), b.count(b"l"), b.find(111), b.count(108))
print(b.startswith(b"He"), b.endswith((b"x", b"ld")), b.replace(b"l", b"L", 2))
print(b.split(b", "), b"a b  c".split(), b"a,b".rsplit(b",", 1), b"x\ny\r\nz".splitlines())
print(b.partition(b", "), b.rpartition(b"o"), b"  pad ".strip(), b"xxhixx".strip(b"x"), b"ab".center(6, b"*"))
print(b.ljust(15, b"."), b.rjust(15), b"42".zfill(5), b"-".join([b"a", b"b"]), b"a\tb".expandtabs(4))
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" ".isspace(), b"ABC".isupper(), b"abc".islower(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b.hex(), b"\x01\xff".hex(":"), bytes.fromhex("de ad be ef"), b"abc".hex("-", 1))
print(b.translate(None, b"lo"), b"abc".translate(bytes.maketrans(b"abc", b"xyz")))
print(b.removeprefix(b"Hello"), b.removesuffix(b"World"), b.decode(), b"caf\xc3\xa9".decode("utf-8"))
print(bytes.fromhex(""), b"".join([]), b"%b-%s-%d-%x" % (b"x", b"y", 5, 255))
try:
    b"abc".find("a")
except TypeError as e:
    print("TypeError:", e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print("ValueError:", e)
