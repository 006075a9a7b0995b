data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
data.sort()
print(data)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "y")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
recs = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
recs.sort(key=lambda r: r[1])
print(recs)
try:
    [1, "a", 2].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1], cmp=None)
except TypeError as e:
    print("TypeError:", e)
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"K{self.v}"
print(sorted([K(3), K(1), K(2)]), max([K(3), K(1)], key=lambda k: k.v))
mutated = [3, 2, 1]
def bad_key(v):
    mutated.append(0)
    return v
try:
    mutated.sort(key=bad_key)
except ValueError as e:
    print("ValueError:", e)
print(sorted("hello"), sorted({3: 0, 1: 0}), sorted((x for x in [2, 1])), sorted([], reverse=True))
big = [(i * 7919) % 1000 for i in range(1000)]
print(sorted(big)[:5], sorted(big)[-3:], sorted(big) == sorted(big, key=lambda v: v))
print(sorted([0.5, -1, 2, True, False]))
