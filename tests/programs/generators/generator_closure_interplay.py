def make_gens():
    gens = []
    for i in range(3):
        def g(i=i):
            yield i
            yield i * 10
        gens.append(g())
    return gens
print([list(g) for g in make_gens()])
def counter():
    count = 0
    def gen():
        nonlocal count
        while True:
            count += 1
            yield count
    return gen()
c = counter()
print(next(c), next(c), next(c))
x = 1
g = (x + i for i in range(3))
x = 100
print(list(g))
g = (i for i in range(x, x + 3))
x = 0
print(list(g))
