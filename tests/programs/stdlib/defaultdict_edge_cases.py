# defaultdict edge cases: KeyError args, factory repr errors, dict interplay,
# |= with pairs, __init__ again, subclass __missing__, cycles through the factory.
import gc
from _collections import defaultdict
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, repr(e))
t(lambda: defaultdict(list, [(1, 2)], x=3))
d = defaultdict(list); d.default_factory = None
t(lambda: d[(1, 2)])
t(lambda: defaultdict().__missing__((1, 2)))
class BadRepr:
    def __repr__(self): raise ValueError("no repr")
    def __call__(self): return 1
t(lambda: repr(defaultdict(BadRepr())))
d = defaultdict(list, a=1)
print(d.get("zz"), "zz" in d, d.setdefault("b", 5), d.pop("a"), d)
t(lambda: defaultdict.fromkeys([1, 2]))
print(defaultdict(int, {1: 2}) == {1: 2}, {1: 2} == defaultdict(int, {1: 2}))
t(lambda: defaultdict(list, {1: 1}) | defaultdict(set, {2: 2}))
d = defaultdict(int); d |= [(1, 2)]; print(d)
t(lambda: defaultdict(int) | [(1, 2)])
t(lambda: defaultdict(default_factory=list))
d = defaultdict(int); d.__init__(str); print(d.default_factory, d["q"] == "")
class Sub(defaultdict):
    def __missing__(self, key):
        return key * 2
s = Sub(int); print(s[3], s)
class Cyc:
    pass
c = Cyc(); c.d = defaultdict(lambda: c); c.d[0]; del c
print(gc.collect() >= 1)
dd = defaultdict(); dd.default_factory = dd.copy; dd["k"]; print(len(dd), type(dd["k"]).__name__)
t(lambda: defaultdict(list).__missing__())
t(lambda: defaultdict(list, {}, {}))
t(lambda: defaultdict(list, 5))
e = defaultdict(list); e["x"].append(e); print(e)
t(lambda: defaultdict.__class_getitem__((int, str)))
t(lambda: type(defaultdict(int).__reduce__()[4]).__name__)
