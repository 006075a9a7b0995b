# Drives tests/capi/custom4.c: cyclic GC support (tp_traverse/tp_clear)
# for a tp_alloc'd type and a PyObject_GC_New'd one; cycles through
# instances are freed by gc.collect().
import gc
import custom4
from custom4 import Custom

gc.collect()
base = custom4.live()
c = Custom("Barbara", "Liskov")
print(c.name(), custom4.live() - base, gc.is_tracked(c))
print(sorted(map(str, gc.get_referents(c))))
c.first = c
print(gc.get_referents(c)[0] is c)
del c
print("cycle alive before collect", custom4.live() - base)
n = gc.collect()
print("collected >= 1", n >= 1, "alive", custom4.live() - base)

# A two-object cycle with a list in between.
a = Custom()
b = Custom()
a.first = [b]
b.last = a
del a, b
print("alive", custom4.live() - base)
gc.collect()
print("after collect", custom4.live() - base)

# Cycles through Python subclass instances with a __dict__.
class Sub(Custom):
    pass
s = Sub("x", "y")
s.me = s
s.first = s
print(gc.is_tracked(s), s.name().startswith("<__main__.Sub object"), custom4.live() - base)
del s
gc.collect()
print("subclass cycle freed", custom4.live() - base)

# Objects made with PyObject_GC_New and tracked by hand.
n1 = custom4.node(None)
print(type(n1).__name__, gc.is_tracked(n1), n1.next, custom4.live() - base)
n1.next = n1
del n1
print("node cycle alive", custom4.live() - base)
gc.collect()
print("node cycle freed", custom4.live() - base)
x = custom4.node(custom4.node([1, 2]))
print(x.next.next, custom4.live() - base)
del x
print("chain freed by refcount", custom4.live() - base)
try:
    custom4.Node()
except TypeError as e:
    print("TypeError:", e)
# Uncollected garbage does not accumulate.
for i in range(200):
    c = Custom()
    c.first = c
del c
gc.collect()
print("after loop", custom4.live() - base, gc.garbage)

# A GC subtype of a non-GC base whose tp_free is PyObject_Del.
from custom4 import Leaf, Tree
leaf = Leaf([1])
print(leaf.payload, gc.is_tracked(leaf), custom4.live() - base)
del leaf
tree = Tree()
print(type(tree).__mro__, gc.is_tracked(tree), tree.payload, custom4.live() - base)
tree.payload = tree
del tree
print("tree cycle alive", custom4.live() - base)
gc.collect()
print("tree cycle freed", custom4.live() - base)
class PyLeaf(Leaf):
    pass
p = PyLeaf(3)
p.me = p
del p
gc.collect()
print("python subclass of the non-GC base freed", custom4.live() - base)
