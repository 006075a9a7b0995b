# Exact dicts are tracked by the collector only once they hold an object
# that may be tracked (CPython 3.11's MAINTAIN_TRACKING); cycles through a
# dict that started untracked are still collected.
import gc
print(gc.is_tracked({}), gc.is_tracked({'a': 1}), gc.is_tracked({'a': []}), gc.is_tracked(dict(a=1)))
d = {}
d['x'] = 1
print(gc.is_tracked(d))
d['y'] = [1]
print(gc.is_tracked(d))
print(gc.is_tracked({1: (1, 2)}), gc.is_tracked({1: (1, [])}), gc.is_tracked({(1, 2): 3}))
print(gc.is_tracked(d.copy()), gc.is_tracked({'a': 1}.copy()))
class D(dict): pass
print(gc.is_tracked(D()), gc.is_tracked(dict()), gc.is_tracked(dict([(1, [])])))
def f(**kw): return kw
print(gc.is_tracked(f(a=1)), gc.is_tracked(f(a=[])))
# a cycle through a dict that started untracked is still collected
import weakref
class C: pass
def make():
    d = {'k': 1}
    c = C()
    c.d = d
    d['c'] = c
    return weakref.ref(c)
r = make()
gc.collect()
print(r() is None)
d2 = {'a': 1}
d2.update({'b': []})
print(gc.is_tracked(d2))
d3 = {'a': 1}
d3.setdefault('b', [])
print(gc.is_tracked(d3))
d4 = dict.fromkeys([1, 2], [])
print(gc.is_tracked(d4))
g = {}
exec("x = []", g)
print(gc.is_tracked(g))
