# Attribute access: instance attributes (load/store), class attributes,
# attributes found on a base class, properties with getters and setters,
# __slots__ attributes, and getattr/setattr/hasattr with constant names.


class Base:
    kind = 3
    scale = 2

    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3


class Derived(Base):
    offset = 5

    def __init__(self):
        Base.__init__(self)
        self.d = 4
        self._temp = 0

    @property
    def temp(self):
        return self._temp

    @temp.setter
    def temp(self, value):
        self._temp = value % 1000

    @property
    def total(self):
        return self.a + self.b + self.c + self.d


class Slotted:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


def main():
    o = Derived()
    acc = 0
    for i in range(1_700_000):
        o.a = i & 15
        o.b = o.a + 1
        acc += o.a + o.b + o.c + o.d
        acc += o.kind + o.scale + o.offset
        acc += Derived.kind
    for i in range(1_400_000):
        o.temp = o.temp + (i * i) % 997
        acc += o.total
    s = Slotted(1, 2, 3)
    for i in range(1_700_000):
        s.x = s.y + 1
        s.y = s.z - 1
        s.z = s.x + (i & 3)
        acc += s.x + s.y + s.z
    names = 0
    for i in range(500_000):
        setattr(o, "e", i)
        names += getattr(o, "e") + getattr(o, "missing", 1)
        if hasattr(o, "temp"):
            names += 1
    print("acc", acc, "temp", o.temp, "names", names, "slotted", s.x, s.y, s.z)


main()
