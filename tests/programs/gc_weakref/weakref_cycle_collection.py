import gc, weakref
class Node:
    def __init__(self, name): self.name = name
collected = []
a = Node("a"); b = Node("b")
a.other = b; b.other = a
wa = weakref.ref(a, lambda r: collected.append("a"))
wb = weakref.ref(b, lambda r: collected.append("b"))
del a, b
print(wa() is not None, collected)
gc.collect()
print(wa(), wb(), sorted(collected))
