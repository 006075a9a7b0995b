class Guarded:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        if name == "readonly":
            raise AttributeError("readonly is readonly")
        super().__setattr__(name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        super().__delattr__(name)
g = Guarded()
g.a = 1
g.b = 2
try:
    g.readonly = 3
except AttributeError as e:
    print("AttributeError:", e)
del g.a
setattr(g, "c", 3)
delattr(g, "c")
print(g.log)
print(sorted(k for k in vars(g)))
class Frozen:
    __slots__ = ()
    def __setattr__(self, n, v):
        raise TypeError(f"cannot set {n}")
try:
    Frozen().x = 1
except TypeError as e:
    print("TypeError:", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
