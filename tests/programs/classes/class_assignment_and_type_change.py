class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
a = A()
print(a.who())
a.__class__ = B
print(a.who(), type(a).__name__, isinstance(a, B))
try:
    a.__class__ = int
except TypeError as e:
    print("TypeError:", e)
try:
    (1).__class__ = bool
except TypeError as e:
    print("TypeError:", e)
class A2(A): pass
x = A2()
x.__class__ = A
print(type(x).__name__)
