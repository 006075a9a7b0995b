it = iter([])
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
print(next(iter([]), "default"))
def g():
    next(iter([]))
    yield 1
try:
    list(g())
except RuntimeError as e:
    print("RuntimeError:", e)
def h():
    try:
        next(iter([]))
    except StopIteration:
        return
    yield
print(list(h()))
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration("custom")
print(list(It()))
