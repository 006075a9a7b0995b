class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        ns["added_by_meta"] = True
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
class Base(metaclass=Meta, flag=1):
    x = 1
    def m(self): pass
class Sub(Base):
    y = 2
print(type(Base).__name__, type(Sub).__name__, Sub.added_by_meta)
obj = Sub()
print(type(obj).__name__)
class Sing(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class One(metaclass=Sing):
    pass
print(One() is One())
print(type(type), type(object), isinstance(type, object), isinstance(object, type))
