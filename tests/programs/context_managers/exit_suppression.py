class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("exit sees", et.__name__ if et else None, ev)
        return et is not None and issubclass(et, self.types)
with Suppress(KeyError):
    raise KeyError("suppressed")
print("continued")
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("outer caught", e)
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return "non-empty string"
with Truthy():
    1 / 0
print("suppressed by truthy return")
def f():
    with Suppress(Exception):
        return "returned"
    return "not reached"
print(f())
