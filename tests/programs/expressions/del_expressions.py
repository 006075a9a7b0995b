x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
del lst[-1]
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
class O: pass
o = O()
o.a = 1
o.b = 2
del o.a
print(sorted(vars(o)))
a, b, c = 1, 2, 3
del a, (b, c)
print("a" in dir(), "b" in dir(), "c" in dir())
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
try:
    del o.nope
except AttributeError as e:
    print("AttributeError:", e)
l2 = [1, 2]
del l2[:]
print(l2)
