class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
class Both:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, Both) and self.k == o.k
    def __hash__(self): return hash(self.k)
s = {Both(1), Both(1), Both(2)}
print(len(s))
d = {Both("a"): 1}
print(d[Both("a")])
class Plain: pass
p = Plain()
print(hash(p) == hash(p), p == p, p != Plain())
class Child(Both):
    def __eq__(self, o): return False
print(Child.__hash__)
class KeepHash(Both):
    __hash__ = Both.__hash__
    def __eq__(self, o): return True
print(hash(KeepHash(5)) == hash(5))
class Unhashable:
    __hash__ = None
try:
    {Unhashable()}
except TypeError as e:
    print("TypeError:", e)
class BadHash:
    def __hash__(self): return "str"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
