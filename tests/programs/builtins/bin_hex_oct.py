for v in [0, 1, -1, 255, -255, 2 ** 64, -(2 ** 100)]:
    print(bin(v), hex(v), oct(v))
class I:
    def __index__(self): return 10
print(bin(I()), hex(I()), oct(I()))
for bad in [1.5, "1", None]:
    try:
        hex(bad)
    except TypeError as e:
        print("TypeError:", e)
