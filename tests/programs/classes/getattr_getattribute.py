class Lazy:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("dyn_"):
            return name[4:]
        raise AttributeError(name)
l = Lazy()
print(l.real)
print(l.dyn_hello)
try:
    l.other
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(l, "missing", "default"))
print(hasattr(l, "dyn_x"))
class Logged:
    def __init__(self):
        self.v = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("getattribute", name)
        return object.__getattribute__(self, name)
    def method(self):
        return self.v
lg = Logged()
print(lg.method())
class Fallback:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom missing")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback for " + name
print(Fallback().boom)
