d = dict([(1, 2), [3, 4], "ab"], x=5)
print(d, dict(d) == d, dict({1: 2}.items()))
class M:
    def keys(self): return ["k1", "k2"]
    def __getitem__(self, k): return k.upper()
print(dict(M()), dict(M(), k1=0))
for bad in ([1], [(1, 2, 3)], [(1,)], 5, [[1, 2], "abc"]):
    try: dict(bad)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
try: dict({}, {})
except TypeError as e: print(e)
try: {}.update({}, {})
except TypeError as e: print(e)
try: {}.get()
except TypeError as e: print(e)
try: {}.pop()
except TypeError as e: print(e)
try: {}.pop(1, 2, 3)
except TypeError as e: print(e)
try: {}.setdefault()
except TypeError as e: print(e)
try: {}[[]]
except TypeError as e: print(e)
try: {(1, 2): 3}[(1, 3)]
except KeyError as e: print(repr(e), e.args)
try: {}[None]
except KeyError as e: print(repr(e), str(e))
try: del {}[1]
except KeyError as e: print(repr(e))
try: {1: 2} < {1: 2}
except TypeError as e: print(e)
class Counter(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counter(); c["a"] += 1; c["b"]; print(c, c.get("zz"), "zz" in c, type(c.copy()).__name__)
class Sub(dict): pass
s = Sub(a=1); s.x = 5; print(s, s.x, type(s | {}).__name__, type({} | s).__name__, s == {"a": 1})
d = {i: i * i for i in range(10)}
for k in list(d):
    if k % 2: del d[k]
d[1] = "back"; print(d, list(reversed(d)), list(reversed(d.items())), list(reversed(d.values())))
print(d.popitem(), d.popitem(), d)
print(dict.fromkeys([1, 2, 1]), Sub.fromkeys("ab", 0), type(Sub.fromkeys("a")).__name__)
k = d.keys(); v = d.values(); it = d.items()
print(len(k), len(v), len(it), 4 in k, 16 in v, (4, 16) in it, (4, 15) in it, [4] in it, (4,) in it)
print(k - {0}, k & [0, 2, 99], [0, 99] & k, k | [7], k ^ {0, 100}, it - {(0, 0)}, {(0, 0)} | it)
print(k == {0, 2, 4, 6, 8}, k != set(), k < {0, 2, 4, 6, 8, 10}, k >= {0}, k > k, k == list(k), it == set(it))
print(k.isdisjoint([1, 3]), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()), it.isdisjoint([(0, 0)]))
try: k | 5
except TypeError as e: print(e)
try: v | {1}
except TypeError as e: print(e)
try: hash(k)
except TypeError as e: print(e)
print(type(hash(v)).__name__, repr({}.keys()), repr({1: {}}.items()), repr({1: [1]}.values()))
dd = {}; dd["self"] = dd.values(); print(dd)
ki = iter(d); print(ki.__length_hint__(), type(ki).__name__, type(iter(d.items())).__name__, type(reversed(d.values())).__name__)
e = {1: 1}
try:
    for x in e: e[x + 1] = 1
except RuntimeError as err: print(err)
e = {1: 1, 2: 2}
try:
    for x in e: e.pop(2, None); e[3] = 3
except RuntimeError as err: print(err)
print(e)
print({1: 1} == {1: 1.0}, {1: 1} == {True: True}, {} == [], {} != 0, dict() == dict())
d = {"a": 1}; d2 = d | {"b": 2}; d |= {"c": 3}; d |= (("d", 4),); print(d, d2)
try: d |= 5
except TypeError as e: print(e)
try: d | 5
except TypeError as e: print(e)
print(dict[str, int], {}.__class_getitem__(int), dict.__len__({1: 1}), dict.__contains__({1: 1}, 1), dict.__getitem__({1: 2}, 1))
class H:
    def __init__(self, n): self.n = n
    def __hash__(self): return 1
    def __eq__(self, o): return self.n == o.n
    def __repr__(self): return "H%d" % self.n
hd = {H(1): 1, H(2): 2, H(1): 3}; print(hd, hd[H(2)])
print(dict(zip("abc", range(3))), dict(**{"x": 1}), dict([], y=2))
x = {}
x[1] = x
print(x, {1: {2: {3: {}}}})
print({True: 1, 1: 2, 1.0: 3}, {0: "a", -0.0: "b"})
