class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
c = C()
print(c.__dict__, vars(c) is c.__dict__)
c.__dict__["z"] = 26
print(c.z)
c.__dict__ = {"new": "dict"}
print(c.new, hasattr(c, "a"))
print("cls_attr" in C.__dict__, "__init__" in C.__dict__)
try:
    C.__dict__["x"] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
class S:
    __slots__ = ("q",)
try:
    vars(S())
except TypeError as e:
    print("TypeError:", e)
setattr(C, "dynamic", "added")
print(c.dynamic, C.__dict__["dynamic"])
def f(): pass
f.x = 1
print(vars(f))
