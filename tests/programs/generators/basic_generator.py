def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
print(list(count_up(5)), sum(count_up(101)))
print(iter(g) is g)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def lines():
    yield "a"
    yield "b"
for i, l in enumerate(lines()):
    print(i, l)
print(list(zip(count_up(3), "xyz")))
