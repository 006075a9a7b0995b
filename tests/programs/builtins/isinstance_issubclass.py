print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1, (str, int)), isinstance("s", object))
print(isinstance([], (list, tuple)), isinstance(None, type(None)), isinstance(int, type), isinstance(type, type))
print(issubclass(bool, int), issubclass(int, int), issubclass(int, (str, object)), issubclass(list, tuple))
print(isinstance(1, ()), issubclass(int, ()))
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, A), issubclass(A, B), isinstance(A, A), isinstance(B, type))
print(isinstance(1, int | str), issubclass(bool, int | None), isinstance(None, int | None))
try:
    isinstance(1, "int")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
print(type(int | str).__name__, int | str, (int | str) == (str | int), int | int)
