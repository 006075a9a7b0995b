# The Rust stdlib types take part in cycle collection like CPython's:
# tracked or not, referents, cycles through deques, defaultdicts, subclasses.
import gc
import weakref
import _thread, _struct, _string
from _collections import deque, defaultdict, _tuplegetter

a, b = [1], [2]
print(gc.is_tracked(deque()), gc.get_referents(deque([a, b])) == [a, b])
print(gc.is_tracked(defaultdict(list)), list in gc.get_referents(defaultdict(list)))
it = iter(deque([a]))
print(gc.get_referents(it)[0] == deque([a]))
print(gc.is_tracked(_tuplegetter(0, "doc")), gc.is_tracked(_thread._local()))
print(gc.is_tracked(_thread.allocate_lock()), gc.is_tracked(_thread.RLock()))
print(gc.is_tracked(_struct.Struct("i")), gc.is_tracked(_struct.iter_unpack("b", b"a")))
print(gc.is_tracked(_string.formatter_parser("")))

class C:
    pass
c = C(); c.d = deque([c]); c.dd = defaultdict(lambda: c)
r = weakref.ref(c); del c
print(gc.collect() > 0, r())
class S(_struct.Struct):
    pass
s = S("i"); s.me = s; r = weakref.ref(s); del s
print(gc.collect() > 0, r())
class L(_thread._local):
    pass
l = L(); l.me = l; r = weakref.ref(l); del l
print(gc.collect() > 0, r())
class D(deque):
    pass
d = D(); d.append(d); d.attr = d; r = weakref.ref(d); del d
print(gc.collect() > 0, r())
