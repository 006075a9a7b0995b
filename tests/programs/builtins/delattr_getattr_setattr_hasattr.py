class C:
    x = 1
c = C()
setattr(c, "y", 2)
print(getattr(c, "x"), getattr(c, "y"), hasattr(c, "y"), hasattr(c, "z"), getattr(c, "z", "dflt"))
delattr(c, "y")
print(hasattr(c, "y"))
try:
    delattr(c, "y")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, "x")
except AttributeError as e:
    print("AttributeError:", e)
setattr(C, "new_cls_attr", "cls")
print(c.new_cls_attr)
delattr(C, "new_cls_attr")
print(hasattr(c, "new_cls_attr"))
setattr(c, "with space", 1)
print(getattr(c, "with space"), sorted(vars(c)))
try:
    getattr(c)
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
