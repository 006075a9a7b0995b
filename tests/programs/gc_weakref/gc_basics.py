import gc
print(type(gc.collect()).__name__, gc.collect() >= 0)
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
class Node:
    pass
a = Node(); b = Node()
a.b = b; b.a = a
del a, b
print(gc.collect() >= 2)
print(gc.collect() >= 0, gc.collect() >= 0)
print(type(gc.get_threshold()).__name__, len(gc.get_threshold()))
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"))
print(isinstance(gc.get_count(), tuple))
