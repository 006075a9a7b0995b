class C:
    def __len__(self): return 5
c = C()
c.__len__ = lambda: 100
print(len(c), c.__len__())
class Meta(type):
    def __len__(cls): return 42
class D(metaclass=Meta): pass
print(len(D))
class E:
    def __getattr__(self, name):
        return lambda *a: "dynamic " + name
e = E()
print(e.__len__())
try:
    len(e)
except TypeError as e2:
    print("TypeError:", e2)
class F:
    def __getattribute__(self, name):
        print("getattribute", name)
        return object.__getattribute__(self, name)
    def __repr__(self): return "F()"
f = F()
print(repr(f))
print(str(f))
