print(1 << 0, 1 << 1, 1 << 64, 1 << 100)
print(-1 << 3, -16 >> 2, -1 >> 100, 1 >> 100, 5 >> 1)
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~0b1100)
print(-5 & 0xff, -5 | 2, -5 ^ -3, ~-1, ~0)
print((-2 ** 70) & 0xFFFF, (-2 ** 70) | 1, (2 ** 70 - 1) ^ -1)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError:", e)
print(True & False, True | False, True ^ True, type(True & True).__name__, ~True)
print(0 & 0, 255 & -256, (1 << 1000) >> 998)
x = 0xF0
x &= 0x3C; print(x)
x |= 0x01; print(x)
x ^= 0xFF; print(x)
x <<= 4; print(x)
x >>= 2; print(x)
