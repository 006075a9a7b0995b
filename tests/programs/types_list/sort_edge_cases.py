# list.sort / sorted: stability, reverse stability, key errors, comparison
# errors, mutation during sort, fast paths (ints, floats, strs, tuples).
class Rec:
    def __init__(self, k, tag): self.k, self.tag = k, tag
    def __lt__(self, other): return self.k < other.k
    def __repr__(self): return f"{self.k}{self.tag}"
recs = [Rec(i % 3, chr(97 + i)) for i in range(9)]
print(sorted(recs), sorted(recs, reverse=True))
print(sorted(recs, key=lambda r: -r.k))
class Bad:
    def __lt__(self, other): raise RuntimeError("no order")
l = [3, 1, Bad(), 2]
try:
    l.sort()
except RuntimeError as e:
    print("RuntimeError:", e, len(l), sorted(x for x in l if isinstance(x, int)))
l = [5, 3, 1]
def key(v):
    if v == 1:
        raise KeyError(v)
    return v
try:
    l.sort(key=key)
except KeyError as e:
    print("KeyError:", e, l)
seen = []
l = [3, 1, 2]
def spy(v):
    seen.append(len(l))
    return v
l.sort(key=spy)
print(l, seen)
l = [3, 1, 2]
def clearing(v):
    l.clear()
    return v
try:
    l.sort(key=clearing)
except ValueError as e:
    print("ValueError:", e, l)
big = [(i * 7919) % 10007 for i in range(5000)]
s = sorted(big)
print(s[:5], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
print(sorted(big, reverse=True)[:3], sorted(big, key=lambda v: v % 10)[:6])
fl = [((i * 37) % 101) / 4 for i in range(300)]
print(sorted(fl)[:4], sorted(fl)[-2:])
words = [str((i * 7) % 23) for i in range(50)]
print(sorted(words)[:8], sorted(words, key=len)[:8])
tups = [((i * 3) % 5, str(i % 4), i) for i in range(40)]
print(sorted(tups)[:6], sorted(tups, reverse=True)[:3])
mixed = [3, 1.5, True, 2, -1, 0.0]
print(sorted(mixed), sorted([2**80, 5, -2**65, 0]))
print(sorted([[3, 1], [1, 2, 3], [1, 2], [3]]), sorted([(1, "b"), (1, "a"), (0, "z")], key=lambda t: t[0]))
nan = float("nan")
print(sorted([(1, nan), (0, 1)]), sorted([3, 2, 1], key=None), sorted([], key=len))
desc = list(range(100, 0, -1))
desc.sort(); print(desc[:3], desc[-1])
runs = list(range(50)) + list(range(50, 0, -1)) + list(range(25))
print(sorted(runs)[:10], sorted(runs)[-3:])
try:
    sorted([1, 2], key=lambda x, y: 0)
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2].sort(key=1)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted()
except TypeError as e:
    print("TypeError:", e)
