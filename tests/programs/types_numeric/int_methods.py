n = 1234
print(n.bit_length(), (0).bit_length(), (-5).bit_length(), (255).bit_count() if hasattr(int, "bit_count") else "", (-7).bit_count())
print(n.to_bytes(2, "big"), n.to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True), (0).to_bytes(0, "big"))
print(int.from_bytes(b"\x04\xd2", "big"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 0], "little"))
print(n.as_integer_ratio(), (-3).as_integer_ratio(), n.conjugate(), n.real, n.imag, n.numerator, n.denominator)
print((10).__index__(), int.__name__, (5).__neg__(), (5).__abs__(), (5).__invert__())
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    n.to_bytes(2, "middle")
except ValueError as e:
    print("ValueError:", e)
print((2 ** 100).to_bytes(13, "big"), int.from_bytes(b"\x01" + b"\x00" * 12, "big") == 2 ** 96)
print(n.to_bytes(2, byteorder="big"), (65).to_bytes() if False else "skip")
print(int.__mro__, (3).__class__, isinstance(True, int))
print((7).__truediv__(2), (7).__floordiv__(2), (7).__mod__(2), (7).__pow__(2), (7).__rsub__(10))
print((3).__eq__(3.0), (3).__lt__(3.5), (3).__add__("x"))
