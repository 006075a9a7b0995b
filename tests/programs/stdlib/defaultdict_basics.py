# defaultdict from _collections: default_factory, __missing__, repr, copy, |.
from _collections import defaultdict, _count_elements, _tuplegetter

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = defaultdict(list)
d["a"].append(1); d["a"].append(2); d["b"]
print(d, d.default_factory, len(d), isinstance(d, dict))
print(d.get("zz"), "zz" in d, d.__missing__("new"), d)
c = defaultdict(int, {"x": 1}, y=2)
c["z"] += 5
print(c, sorted(c.items()))
n = defaultdict()
print(n, n.default_factory)
t(lambda: n["missing"])
n.default_factory = lambda: "dflt"
print(n["k"], dict(n))
t(lambda: defaultdict(1))
t(lambda: defaultdict(None)[3])
print(defaultdict(None, {1: 2}))

cp = c.copy(); cp["q"] += 1
print(type(cp).__name__, cp, c, c.__copy__() == c)
print(c.__reduce__()[:4], defaultdict().__reduce__()[:4], list(c.__reduce__()[4]))
print(defaultdict(list) | {1: 2}, {1: 2} | defaultdict(list, {3: 4}))
u = defaultdict(set, {1: 1}); u |= {2: 2}; print(u)
try:
    defaultdict(list) | 1
except TypeError:
    print("TypeError for | int")

class Sub(defaultdict):
    pass
s = Sub(list, a=[1])
print(s, type(s.copy()).__name__, type(s | {}).__name__)
rec = defaultdict(); rec.default_factory = rec.copy
print(defaultdict(list)["x"], defaultdict[int, str])

# recursive repr: the factory refers back to the dict
def selfref():
    return d2
d2 = defaultdict(None)
class F:
    def __repr__(self):
        return repr(d2)
    def __call__(self):
        return 0
d2.default_factory = F()
print(d2)
d3 = defaultdict(list); d3[1] = d3; print(d3)

cnt = {}
_count_elements(cnt, "abracadabra"); print(sorted(cnt.items()))
dd = defaultdict(int); _count_elements(dd, [1, 1, 2]); print(dd)
class M(dict):
    def get(self, k, default):
        return super().get(k, default) + 10
m = M(); _count_elements(m, "aa"); print(m)
t(lambda: _count_elements({}))
t(lambda: _count_elements({}, 5))
t(lambda: _count_elements({}, [[1]]))

# _tuplegetter is the field descriptor of namedtuple
class P(tuple):
    x = _tuplegetter(0, "x doc")
    y = _tuplegetter(1, "y doc")
p = P((3, 4))
print(p.x, p.y, P.x, P.x.__doc__, P.y.__reduce__())
t(lambda: setattr(p, "x", 1))
t(lambda: delattr(p, "x"))
t(lambda: P.x.__get__([1]))
t(lambda: _tuplegetter(5, None).__get__((1,)))
t(lambda: _tuplegetter("a", None))
t(lambda: _tuplegetter(1))
g = _tuplegetter(0, "d"); g.__doc__ = "new"; print(g.__doc__, g)
t(lambda: defaultdict(list) | 1)
