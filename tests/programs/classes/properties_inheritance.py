class Base:
    def __init__(self): self._v = 1
    @property
    def v(self): return self._v
class Child(Base):
    @Base.v.setter
    def v(self, val): self._v = val * 10
c = Child()
c.v = 2
print(c.v)
try:
    b = Base()
    b.v = 3
except AttributeError as e:
    print("AttributeError:", e)
class Over(Base):
    @property
    def v(self): return "overridden " + str(super().v)
print(Over().v)
p = property(lambda s: 1).getter(lambda s: 2)
class Q:
    a = p
print(Q().a)
