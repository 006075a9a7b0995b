class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, v):
        setattr(obj, self.name, v)
class Model:
    a = Field()
    b = Field()
m = Model()
print(m.a)
m.a = 10
print(m.a, m._a, isinstance(Model.a, Field))
f = Field()
Model.c = f
print(hasattr(f, "name"))
class Typed:
    def __init__(self, t):
        self.t = t
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner):
        return obj.__dict__[self.name] if obj else self
    def __set__(self, obj, v):
        if not isinstance(v, self.t):
            raise TypeError(f"{self.name} must be {self.t.__name__}")
        obj.__dict__[self.name] = v
class P:
    x = Typed(int)
p = P()
p.x = 3
print(p.x)
try:
    p.x = "s"
except TypeError as e:
    print("TypeError:", e)
