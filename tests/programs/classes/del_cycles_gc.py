import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("cycle unreachable, not yet collected")
n = gc.collect()
print("collected something:", n > 0)
class Resurrect:
    saved = []
    def __del__(self):
        print("resurrecting")
        Resurrect.saved.append(self)
r = Resurrect()
del r
print(len(Resurrect.saved))
Resurrect.saved.clear()
print("cleared; __del__ is not called twice")
