print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100))
print(hash(1.0) == hash(1), hash(1.5), hash(-1.5), hash(0.0) == hash(-0.0))
print(hash(True), hash(False), hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
print(hash(float("inf")), hash(float("-inf")))
print(hash(1 + 0j) == hash(1), hash((1, (2, 3))) == hash((1, (2, 3))))
print(hash(10 ** 30) == hash(10 ** 30 % (2 ** 61 - 1)))
print(hash(None) == hash(None))
for v in [[], {}, set(), bytearray()]:
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print(hash(range(3)) == hash(range(3)))
print(hash((1, 2)), hash((1, 2, 3)), hash(((),)))
