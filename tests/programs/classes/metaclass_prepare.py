class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__", name, kw)
        return {"injected": "from prepare"}
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = [k for k in ns if not k.startswith("__")]
        return cls
    def __init__(cls, *a, **kw):
        pass
class C(metaclass=OrderedMeta, opt=True):
    b = 1
    a = 2
    def z(self): pass
    print("in body, injected =", injected)
print(C.order)
class LoggingNS(dict):
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            print("assign", k)
        super().__setitem__(k, v)
class M2(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return LoggingNS()
class D(metaclass=M2):
    x = 1
    y = x + 1
print(D.y)
