class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"V({self.v})"
    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return isinstance(o, V) and self.v == o.v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
a, b = V(1), V(2)
print(a == b, a != b)
print(a < b, b > a)
print(a <= b, b >= a)
print(sorted([V(3), V(1), V(2)]))
try:
    a > 5
except TypeError as e:
    print("TypeError:", e)
print(a == 5)
class OnlyEq:
    def __eq__(self, o): return "truthy string"
print(OnlyEq() == 1, OnlyEq() != 1)
class Reflect:
    def __gt__(self, o):
        return "Reflect.__gt__ used for <"
print(1 < Reflect())
class Sub(V):
    def __eq__(self, o):
        print("Sub.eq first")
        return NotImplemented
print(V(1) == Sub(1))
