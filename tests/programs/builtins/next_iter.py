it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
class I:
    def __next__(self): return 42
print(next(I()))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__, type(iter({})).__name__, type(iter(set())).__name__, type(iter(b"")).__name__, type(iter(range(1))).__name__)
print(type(iter({}.values())).__name__, type(iter({}.items())).__name__, type(iter(bytearray())).__name__)
