def f(a, b=2, c=[]):
    c.append(a)
    return a, b, c
print(f(1))
print(f(2))
print(f(3, 4, []))
print(f.__defaults__ is not None, len(f.__defaults__))
def g(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(g(), g())
n = 5
def h(v=n):
    return v
n = 6
print(h())
def k(a, b=1, *, c, d=4):
    return a, b, c, d
print(k(0, c=3), k.__kwdefaults__)
h.__defaults__ = (99,)
print(h())
