def f(*a, **k):
    return a, sorted(k.items())
print(f(1, 2, *range(3), 4, *"ab", k=1, **{"z": 2}, y=3))
import sys
print(f(*(), **{}))
args = [1, 2]
kwargs = {"x": 1}
print(f(*args, **kwargs), args, kwargs)
class Callable:
    def __call__(self, *a, **k):
        return "called", a, k
c = Callable()
print(c(1, two=2))
print(type(c).__call__(c, 3))
bm = "abc".upper
print(bm(), bm.__self__, bm.__name__)
um = str.upper
print(um("xyz"))
print((lambda *a: len(a))(*range(100)))
