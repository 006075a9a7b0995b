print(hash(0), hash(1), hash(-1), hash(12345678901234567890), hash((1, 2, 3)), hash(()), hash((0,)))
print(hash(1.0), hash(0.5), hash(-0.5), hash(1e100) == hash(int(1e100)), hash(2 ** 61 - 1), hash(-(2 ** 61)))
print(hash(True), hash(None) == hash(None), hash((True, 1.0)) == hash((1, 1)))
print(hash(frozenset({1, 2, 3})) == hash(frozenset({3, 2, 1})), hash(range(0)) == hash(range(1, 1)))
class H:
    def __hash__(self): return -1
print(hash(H()))
class H2:
    def __hash__(self): return 2 ** 64 + 5
print(hash(H2()))
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
