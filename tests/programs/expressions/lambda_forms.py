f = lambda: 1
print(f())
g = lambda x, y=2, *a, k=3, **kw: (x, y, a, k, kw)
print(g(1), g(1, 2, 3, k=4, z=5))
h = lambda x, /, y: x + y
print(h(1, y=2))
print((lambda *a: a)(1, 2), (lambda **k: sorted(k))(b=1, a=2))
print((lambda x: lambda y: x + y)(10)(5))
print(f.__name__, (lambda: 0).__qualname__)
print(sorted([3, 1, 2], key=lambda v: -v))
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
print((lambda: (yield 1)) .__code__.co_flags & 0x20 != 0)
print(list((lambda: (yield 1))()))
