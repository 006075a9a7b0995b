def init(self, v):
    self.v = v
Dyn = type("Dyn", (object,), {"__init__": init, "double": lambda self: self.v * 2, "cls_attr": 7})
d = Dyn(21)
print(Dyn.__name__, d.double(), Dyn.cls_attr, type(d).__name__)
print(Dyn.__module__, Dyn.__qualname__)
Sub = type("Sub", (Dyn,), {})
print(Sub(1).double(), Sub.__mro__[1] is Dyn)
print(type(5).__name__, type("s") is str, type(type) is type)
try:
    type("Bad", (5,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type("a", "b")
except TypeError as e:
    print("TypeError:", e)
E = type("E", (), {})
print(E.__bases__, E().__class__.__name__)
print(type.__name__, type.__qualname__)
