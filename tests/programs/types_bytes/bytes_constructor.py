print(bytes(), bytes(3), bytes([1, 2, 255]), bytes(b"copy"), bytes(bytearray(b"ba")), bytes(range(3)))
print(bytes("héllo", "utf-8"), bytes("abc", encoding="ascii"), bytes(memoryview(b"mv")), bytes((x for x in [65, 66])))
for args in [([256],), ([-1],), ("str",), (1.5,), (["a"],), (-1,), ("x", "no-codec")]:
    try:
        bytes(*args)
    except (ValueError, TypeError, LookupError) as e:
        print(type(e).__name__ + ":", e)
class B:
    def __bytes__(self): return b"custom"
print(bytes(B()))
class I:
    def __index__(self): return 2
print(bytes(I()), bytes([I()]))
print(type(b"a"[0]).__name__, b"abc"[1], b"abc"[1:2], list(b"hi"), b"a" * 3, b"a" + b"b")
print(b"ab" == bytearray(b"ab"), b"ab" < b"b", hash(b"x") == hash(b"x"), b"a" in b"abc", 97 in b"abc")
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
try:
    300 in b"abc"
except ValueError as e:
    print("ValueError:", e)
print(repr(b"\x00\t\n\r'\"\\ \x7f\x80"), str(b"abc"), bytes.__name__)
