print(type(1), type("s"), type(None), type(type), type(print), type([].append), type(lambda: 0))
print(type(1).__name__, type(1.5).__qualname__, type(...).__name__, type(NotImplemented).__name__)
class M(type): pass
class C(metaclass=M): pass
print(type(C).__name__, type(C()) is C)
T = type("T", (), {"a": 1})
print(T.a, T.__name__, type(T()).__name__)
try:
    type()
except TypeError as e:
    print("TypeError:", e)
try:
    type("X", (), {}, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    type("X", [], {})
except TypeError as e:
    print("TypeError:", e)
try:
    type("X", (), [])
except TypeError as e:
    print("TypeError:", e)
print(type.__call__(int, "5"), type.__new__(type, "Y", (), {}).__name__)
