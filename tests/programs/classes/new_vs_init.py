class C:
    def __new__(cls, *a, **k):
        print("__new__", cls.__name__, a, k)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, x, y=0):
        print("__init__", x, y)
        self.x = x
c = C(1, y=2)
print(c.created, c.x)
class ReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(ReturnsOther())
class Imm(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(Imm(5), type(Imm(5)).__name__, Imm(5) + 1)
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(5)
except TypeError as e:
    print("TypeError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
