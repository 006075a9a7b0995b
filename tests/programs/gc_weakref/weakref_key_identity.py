import weakref
class K:
    def __init__(self, n): self.n = n
keys = [K(i) for i in range(3)]
refs = [weakref.ref(k) for k in keys]
print([r().n for r in refs])
keys.pop(1)
print([r() is None for r in refs])
keys.clear()
print([r() is None for r in refs])
def f(): pass
print(weakref.ref(f)() is f)
print(weakref.ref(K)() is K)
