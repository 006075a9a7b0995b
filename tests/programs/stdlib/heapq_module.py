# heapq (Lib/heapq.py over _heapq): results, comparison order and errors
# must match the C version exactly.
import heapq
import _heapq

def lcg(n, seed=12345):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2**31
        out.append(seed % 1000)
    return out

data = lcg(50)
h = list(data)
heapq.heapify(h)
print(h)
print(all(h[i] <= h[c] for i in range(len(h)) for c in (2 * i + 1, 2 * i + 2) if c < len(h)))
print([heapq.heappop(h) for _ in range(10)] == sorted(data)[:10], len(h))
h = []
for v in data[:20]:
    heapq.heappush(h, v)
print(h)
print(heapq.heappushpop(h, 1), heapq.heappushpop(h, 500), heapq.heappushpop([], 3), h[:5])
print(heapq.heapreplace(h, 999), heapq.heapreplace(h, 0), h[:5])
m = list(data[:15])
heapq._heapify_max(m)
print(m, heapq._heappop_max(m), heapq._heapreplace_max(m, 3), m)
print(heapq.nlargest(3, data), heapq.nsmallest(3, data), heapq.nlargest(2, data, key=lambda v: -v))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([3, 2], [5, 1], key=lambda v: -v, reverse=True)))
print(heapq.heappush is _heapq.heappush, heapq.heapify is _heapq.heapify)

# The comparisons made, in order (only __lt__ is used).
log = []
class C:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        log.append((self.v, o.v))
        return self.v < o.v
    def __repr__(self):
        return "C(%d)" % self.v
h = [C(v) for v in [5, 3, 8, 1, 9, 2]]
heapq.heapify(h); print(h, log); log.clear()
heapq.heappush(h, C(0)); print(h, log); log.clear()
print(heapq.heappop(h), h, log); log.clear()
print(heapq.heappushpop(h, C(4)), log); log.clear()
print(heapq.heapreplace(h, C(7)), log); log.clear()
heapq._heapify_max(h); print(h, log); log.clear()
print(heapq._heappop_max(h), log); log.clear()

# A failing comparison leaves the heap as it was at that point.
class Bad:
    def __lt__(self, o):
        raise ValueError("no order")
h = [1, 2, 3]
try:
    heapq.heappush(h, Bad())
except ValueError as e:
    print(e, len(h))
# Mutating the list during a comparison is detected.
class Mut:
    def __init__(self, h, v):
        self.h, self.v = h, v
    def __lt__(self, o):
        self.h.clear()
        return True
h = []
h.extend(Mut(h, i) for i in range(4))
try:
    heapq.heapify(h)
except RuntimeError as e:
    print("RuntimeError", e)
h = []
h.extend(Mut(h, i) for i in range(2))
try:
    heapq.heappush(h, Mut(h, 0))
except RuntimeError as e:
    print("RuntimeError", e)

for bad in [lambda: heapq.heappush((), 1), lambda: heapq.heappush([]), lambda: heapq.heappop([]),
            lambda: heapq.heappop(None), lambda: heapq.heapify({}), lambda: heapq.heapreplace([], 1),
            lambda: heapq.heapreplace((1,), 1), lambda: heapq.heappushpop("ab", 1), lambda: heapq._heappop_max([]),
            lambda: heapq._heapify_max(()), lambda: heapq._heapreplace_max([], 0), lambda: heapq.heapify([1, "a", 2]),
            lambda: heapq.heappush([1], "x"), lambda: heapq.heappop(h, 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class MyList(list):
    pass
ml = MyList([3, 1, 2]); heapq.heapify(ml); print(ml, type(ml).__name__)
