for c in ["a", "Z", "0", " ", "é", "€", "😀", "\x00", "\uffff"]:
    print(repr(c), ord(c), repr(chr(ord(c))))
print([chr(i) for i in range(65, 70)], chr(0x10FFFF) == "\U0010ffff")
for bad in [-1, 0x110000, 2 ** 100]:
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
try:
    ord(5)
except TypeError as e:
    print("TypeError:", e)
