# bisect (Lib/bisect.py over _bisect): lo/hi, key, custom sequences, errors.
import bisect
import _bisect

a = [1, 3, 3, 3, 5, 8]
for x in [0, 1, 2, 3, 4, 5, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 3, 2), bisect.bisect_right(a, 3, 0, 2), bisect.bisect_left(a, 3, lo=4, hi=6), bisect.bisect_right(a, 3, hi=None))
print(bisect.bisect_left(a, 3, 10), bisect.bisect_right(a, 3, 3, 1), bisect.bisect_left(a, 3, hi=-5), bisect.bisect_left(a, 3, hi=-1))
print(bisect.bisect_right(a, 3.0), bisect.bisect_left([], 1), bisect.bisect_left("abdf", "c"), bisect.bisect_right((1, 2, 3), 2))

# key= applies to the items, not to x (3.10+); insort applies it to x too.
recs = [("a", 1), ("b", 3), ("c", 3), ("d", 7)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("e", 3), key=lambda r: r[1])
bisect.insort_left(recs, ("f", 3), key=lambda r: r[1])
print(recs)
b = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, v)
print(b)
c = [1, 2, 2, 3]
bisect.insort_left(c, 2.0); bisect.insort_right(c, 2.5, 0, 2); print(c)
bisect.insort(c, 0, lo=0, hi=0); print(c)

# Sequences other than lists: items through __getitem__, insertion through insert().
class Seq:
    def __init__(self, data):
        self.data = data
        self.looked = []
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        self.looked.append(i)
        return self.data[i]
    def insert(self, i, v):
        print("insert", i, v)
        self.data.insert(i, v)
s = Seq(list(range(0, 100, 2)))
print(bisect.bisect_left(s, 37), s.looked)
bisect.insort(s, 37)
class L(list):
    def insert(self, i, v):
        print("L.insert", i, v)
        super().insert(i, v)
bisect.insort(L([1, 2, 4]), 3)

# Comparison order: x < item for bisect_right, item < x for bisect_left.
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
vs = [V(i) for i in range(5)]
bisect.bisect_right(vs, V(2))
bisect.bisect_left(vs, V(2))

for bad in [lambda: bisect.bisect_left(a, 1, -1), lambda: bisect.insort(a, 1, lo=-2),
            lambda: bisect.bisect_right(a, 1, 0, 2.0), lambda: bisect.bisect_right(a, 1, 1.0),
            lambda: bisect.bisect_right(a, 1, 2**70), lambda: bisect.bisect_left(a, 1, foo=3),
            lambda: bisect.bisect_left(), lambda: bisect.bisect_left(a), lambda: bisect.bisect_left(a, 1, 0, 1, None, 5),
            lambda: bisect.bisect_left(5, 1), lambda: bisect.bisect_left({1: 2}, 1), lambda: bisect.bisect_left([1, "a"], 2),
            lambda: bisect.insort((1, 2), 1), lambda: bisect.bisect(a, 1, key=5), lambda: bisect.bisect_left(a, 2, x=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(bisect.bisect_left is _bisect.bisect_left, bisect.insort is bisect.insort_right)
