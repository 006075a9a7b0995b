class R:
    def __init__(self, name): self.name = name
    def __repr__(self): return self.name
    def __radd__(self, o): return f"radd({o!r}, {self!r})"
    def __rsub__(self, o): return f"rsub({o!r}, {self!r})"
    def __rmul__(self, o): return f"rmul({o!r})"
    def __rtruediv__(self, o): return "rtruediv"
    def __rfloordiv__(self, o): return "rfloordiv"
    def __rmod__(self, o): return "rmod"
    def __rpow__(self, o): return "rpow"
    def __rlshift__(self, o): return "rlshift"
    def __rrshift__(self, o): return "rrshift"
    def __rand__(self, o): return "rand"
    def __ror__(self, o): return "ror"
    def __rxor__(self, o): return "rxor"
    def __rmatmul__(self, o): return "rmatmul"
    def __rdivmod__(self, o): return "rdivmod"
r = R("r")
print(1 + r, 1 - r, 2 * r, 1 / r, 1 // r, 1 % r, 2 ** r)
print(1 << r, 1 >> r, 1 & r, 1 | r, 1 ^ r, divmod(1, r))
print(sum([r], 0) if False else 0 + r)
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Sub(Base):
    def __radd__(self, o): return "Sub.radd (subclass priority)"
print(Base() + Sub())
print(Sub() + Base())
class Left:
    def __add__(self, o): return NotImplemented
class Right:
    def __radd__(self, o): return "Right.radd after NotImplemented"
print(Left() + Right())
try:
    Left() + Left()
except TypeError as e:
    print("TypeError:", e)
try:
    Left() @ Left()
except TypeError as e:
    print("TypeError:", e)
