import weakref
class Target:
    def __init__(self): self.value = 10
    def method(self): return "method called"
t = Target()
p = weakref.proxy(t)
print(p.value, p.method(), type(p).__name__)
p.value = 20
print(t.value)
del t
try:
    p.value
except ReferenceError as e:
    print("ReferenceError:", e)
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return self.v + o
    def __len__(self): return 3
n = Num(5)
pn = weakref.proxy(n)
print(pn + 1, len(pn))
print(weakref.getweakrefcount(n))
