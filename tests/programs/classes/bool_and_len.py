class B:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Both()), bool(object()))
print(len(L(5)))
for bad in [B(1), B("yes")]:
    try:
        bool(bad)
    except TypeError as e:
        print("TypeError:", e)
for n in [-1, 2 ** 70, 1.5]:
    try:
        len(L(n))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print("truthy" if L(1) else "falsy", "truthy" if L(0) else "falsy")
class Idx:
    def __index__(self): return 4
print(len(L(Idx())) if False else "skip", bool(L(True)))
