ba = bytearray(b"hello")
ba.append(33)
ba.extend(b" world")
ba.insert(0, 62)
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("o"))
print(ba)
ba.reverse()
print(ba)
ba[0] = 65
ba[1:3] = b"XYZ"
print(ba)
del ba[0]
del ba[::2]
print(ba)
ba2 = bytearray(b"abc")
ba2 += b"def"
ba2 *= 2
print(ba2, ba2.count(b"a"), ba2.find(b"d"), ba2.upper(), ba2.replace(b"abc", b"-"))
print(ba2.copy() == ba2, ba2.copy() is ba2)
ba2.clear()
print(ba2, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray.fromhex("41 42"))
try:
    bytearray(b"x")[0] = 256
except ValueError as e:
    print("ValueError:", e)
try:
    bytearray().pop()
except IndexError as e:
    print("IndexError:", e)
try:
    bytearray(b"a").remove(98)
except ValueError as e:
    print("ValueError:", e)
try:
    hash(bytearray())
except TypeError as e:
    print("TypeError:", e)
b3 = bytearray(b"  strip  ")
print(b3.strip(), type(b3.strip()).__name__, b3.split(), bytearray(b"a,b").split(b","), bytes(b3))
