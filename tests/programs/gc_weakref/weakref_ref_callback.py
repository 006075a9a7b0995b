import weakref
class Obj:
    def __init__(self, name): self.name = name
    def __repr__(self): return f"Obj({self.name})"
o = Obj("a")
events = []
r = weakref.ref(o, lambda ref: events.append(("callback", ref() is None)))
print(r() is o, r(), weakref.getweakrefcount(o))
del o
print(r(), events)
o2 = Obj("b")
r1 = weakref.ref(o2)
r2 = weakref.ref(o2)
print(r1 is r2, r1 == r2, hash(r1) == hash(r2))
try:
    weakref.ref(5)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref([])
except TypeError as e:
    print("TypeError:", e)
class S:
    __slots__ = ("x",)
try:
    weakref.ref(S())
except TypeError as e:
    print("TypeError:", e)
class SW:
    __slots__ = ("x", "__weakref__")
sw = SW()
print(weakref.ref(sw)() is sw)
