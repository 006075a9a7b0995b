def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2))
print(f(a=1, b=2))
print(f(1, *[2, 3], x=4, **{"y": 5}))
def g(a, *args, b, **kwargs):
    return a, args, b, kwargs
print(g(1, 2, 3, b=4, c=5))
def h(*, only):
    return only
print(h(only=1))
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))
args = (1, 2)
print(f(*args, *args))
print(type(f()[0]).__name__, type(f()[1]).__name__)
