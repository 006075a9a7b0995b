class NonData:
    def __get__(self, obj, owner):
        return f"nondata get (obj={'yes' if obj is not None else 'None'}, owner={owner.__name__})"
class Data:
    def __get__(self, obj, owner):
        return "data get"
    def __set__(self, obj, value):
        print("data set", value)
    def __delete__(self, obj):
        print("data delete")
class C:
    nd = NonData()
    d = Data()
c = C()
print(c.nd)
print(C.nd)
c.__dict__["nd"] = "instance wins over non-data"
print(c.nd)
c.__dict__["d"] = "instance loses to data"
print(c.d)
c.d = 5
del c.d
print(vars(c))
class SetOnly:
    def __set__(self, obj, v):
        print("set only", v)
class E:
    s = SetOnly()
e = E()
e.s = 1
print(type(e.s).__name__)
e.__dict__["s"] = "in dict"
print(type(e.s).__name__)
