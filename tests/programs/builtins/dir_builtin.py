class C:
    a = 1
    def m(self): pass
c = C()
c.inst = 2
d = dir(c)
print([n for n in d if not n.startswith("__")], d == sorted(d))
print("__init__" in d, "__class__" in d)
class Custom:
    def __dir__(self): return ["zeta", "alpha", "alpha"]
print(dir(Custom()))
def f():
    local_a = 1
    local_b = 2
    return dir()
print(f())
import sys
print("path" in dir(sys), "version_info" in dir(sys))
print([n for n in dir(int) if not n.startswith("_")])
print([n for n in dir(str) if not n.startswith("_")])
print([n for n in dir(list) if not n.startswith("_")])
print([n for n in dir(dict) if not n.startswith("_")])
print([n for n in dir(set) if not n.startswith("_")])
