class MyList(list):
    def append(self, x):
        super().append(x * 2)
l = MyList([1, 2])
l.append(3)
print(l, type(l).__name__, len(l), l + [9], type(l + [9]).__name__)
class MyDict(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
d = MyDict(a=1)
print(d["A"], d.get("A"), dict(d))
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hi")
print(s.shout(), s + "x", type(s + "x").__name__, type(s.upper()).__name__, isinstance(s, str))
class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + o + 1000)
print(MyInt(1) + 1, 1 + MyInt(1), type(MyInt(5) * 2).__name__)
class MyTuple(tuple):
    def __new__(cls, *a):
        return super().__new__(cls, a)
print(MyTuple(1, 2, 3), MyTuple(1) == (1,))
class MyFloat(float):
    def __repr__(self): return f"MyFloat({float(self)})"
print(repr(MyFloat(1.5)), MyFloat(1.5) * 2)
class MySet(set): pass
print(sorted(MySet([3, 1]) | {2}), type(MySet([1]) | {2}).__name__)
