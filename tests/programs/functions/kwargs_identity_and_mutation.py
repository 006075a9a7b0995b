def f(**kw):
    kw["added"] = True
    return kw
d = {"a": 1}
r = f(**d)
print(d, r, r is d)
def g(*a):
    return a
t = (1, 2)
print(g(*t) == t)
def h(x, **kw):
    return x, kw
print(h(x=1, y=2), h(1, **{"x2": 3}))
def mutate(lst):
    lst.append("m")
    lst = ["rebound"]
    return lst
orig = []
print(mutate(orig), orig)
