class Res:
    def __init__(self, name):
        self.name = name
        print("acquire", name)
    def __del__(self):
        print("release", self.name)
a = Res("a")
b = a
del a
print("a deleted, b still alive")
del b
print("after b")
def scope():
    r = Res("local")
    print("leaving scope")
scope()
print("after scope")
lst = [Res("in-list")]
lst.pop()
print("after pop")
x = Res("rebind")
x = Res("second")
print("after rebind")
d = {"k": Res("dict-value")}
d["k"] = None
print("after dict overwrite")
Res("temporary")
print("after temporary")
print("end of program")
