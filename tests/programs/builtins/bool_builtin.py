print(bool(), bool(0), bool(1), bool(""), bool("x"), bool([]), bool([[]]), bool({}), bool(set()), bool(range(0)), bool(range(1)))
print(bool(0.0), bool(-0.0), bool(1e-300), bool(0j), bool(None), bool(NotImplemented) if False else "", bool(...), bool(object))
class Z:
    def __len__(self): return 0
print(bool(Z()), bool(b""), bool(bytearray(1)), bool(memoryview(b"")))
try:
    bool(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(bool(x=1) if False else "skip")
