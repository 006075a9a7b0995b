# deque error cases: messages of CPython's _collections.deque.
import gc
from _collections import deque

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = deque([1, 2, 3])
t(lambda: d.remove(5))
t(lambda: d.index(5))
t(lambda: d.index(2, 0, 1))
t(lambda: d.index(3, -1))
t(lambda: d.index(1, 'a'))
t(lambda: deque().pop())
t(lambda: deque().popleft())
t(lambda: d[10])
t(lambda: d[-10])
t(lambda: d['a'])
t(lambda: d[1:2])
t(lambda: d.__setitem__(5, 0))
t(lambda: d.__delitem__(5))
t(lambda: deque(maxlen=-1))
t(lambda: deque(maxlen='a'))
t(lambda: deque([1], [2], 3))
t(lambda: deque(foo=1))
t(lambda: deque([1], maxlen=1).insert(0, 5))
t(lambda: d + [1])
t(lambda: d * 'a')
t(lambda: d.rotate('a'))
t(lambda: d.rotate(1, 2))
t(lambda: d.extend(5))
t(lambda: d.insert('a', 5))
t(lambda: d.count())
t(lambda: deque(5))

# mutation during iteration
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
d = deque([1, 2, 3])
try:
    for x in reversed(d):
        d.pop()
except RuntimeError as e:
    print("RuntimeError", e)

class Mut:
    def __init__(self, d):
        self.d = d
    def __eq__(self, other):
        self.d.append(0)
        return False

for meth in ("count", "index", "remove", "__contains__"):
    d = deque([1, 2])
    try:
        getattr(d, meth)(Mut(d))
    except (RuntimeError, IndexError) as e:
        print(meth, type(e).__name__, e)

d = deque([1, 2])
try:
    d == deque([Mut(d), 2])
except RuntimeError as e:
    print("compare", type(e).__name__, e)

# reference cycles through a deque are collected
class Node:
    pass
n = Node(); n.d = deque([n]); del n
print(gc.collect() >= 1)
import weakref
class W(deque):
    pass
w = W([1]); r = weakref.ref(w); print(r() is w); del w; print(r())
r = weakref.ref(deque()); print(r())
t(lambda: deque([1]).index())
t(lambda: deque([1]).insert(1))
t(lambda: deque([1]).index(1, 2, 3, 4))
t(lambda: d.__length_hint__())
t(lambda: hash(deque()))
t(lambda: deque() < [1])
