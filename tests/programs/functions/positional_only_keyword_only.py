def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
for call in [lambda: f(a=1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, 3)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
def h(x, y=2, /, z=3):
    return x, y, z
print(h(1), h(1, 5), h(1, z=9))
print(f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_argcount)
def defaults_mix(a, b=1, /, c=2, *, d, e=5):
    return a, b, c, d, e
print(defaults_mix(0, d=4), defaults_mix.__defaults__, defaults_mix.__kwdefaults__)
