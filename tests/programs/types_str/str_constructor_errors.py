for args in [(b"\xff", "utf-8"), (5, "utf-8"), (b"abc", "no-such-codec"), ("already str", "utf-8")]:
    try:
        print(repr(str(*args)))
    except (UnicodeDecodeError, TypeError, LookupError) as e:
        print(type(e).__name__ + ":", e)
print(str(b"abc", "ascii", "strict"), str(bytearray(b"xy"), "utf-8"), str(memoryview(b"mv"), "utf-8"))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    chr("a")
except TypeError as e:
    print("TypeError:", e)
print(ord(b"a"), ord(bytearray(b"z")))
