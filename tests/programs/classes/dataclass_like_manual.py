class Record:
    fields = ()
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.fields = tuple(cls.__annotations__)
    def __init__(self, *args):
        for f, a in zip(self.fields, args):
            setattr(self, f, a)
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.fields)
        return f"{type(self).__name__}({inner})"
    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self.fields)
    def __hash__(self):
        return hash(tuple(getattr(self, f) for f in self.fields))
class Point(Record):
    x: int
    y: int
class Person(Record):
    name: str
    age: int
p = Point(1, 2)
print(p, p == Point(1, 2), p == Point(2, 1), Point.fields)
print(Person("Ann", 30), len({Point(1, 2), Point(1, 2)}))
print(p == "x", p != Point(1, 2))
