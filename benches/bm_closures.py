# Closures: creating closures in a loop, calling them, nonlocal counters,
# nested closures several levels deep, lambdas, function factories, and
# decorators implemented with closures.


def make_adder(n):
    def add(x):
        return x + n
    return add


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


def compose(f, g):
    return lambda x: f(g(x))


def outer(a):
    def middle(b):
        def inner(c):
            return a * 100 + b * 10 + c
        return inner
    return middle


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        r = fn(n)
        cache[n] = r
        return r
    return wrapper


def logged(fn):
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        return fn(*args, **kwargs)
    wrapper.calls = calls
    return wrapper


@memoize
def partitions(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    total = 0
    k = 1
    while True:
        g1 = k * (3 * k - 1) // 2
        if g1 > n:
            break
        sign = 1 if k % 2 else -1
        total += sign * (partitions(n - g1) + partitions(n - k * (3 * k + 1) // 2))
        k += 1
    return total % 1_000_000_007


@logged
def mix(a, b, c=3):
    return (a * b + c) & 0xFFFF


def main():
    acc = 0
    adders = [make_adder(i) for i in range(100)]
    for i in range(1_800_000):
        acc += adders[i % 100](i)
    counter = make_counter()
    for i in range(1_800_000):
        counter()
    acc += counter(5)
    f = compose(make_adder(3), lambda x: x * 2)
    for i in range(900_000):
        acc += f(i)
    for i in range(450_000):
        acc += outer(i % 10)(i % 7)(i % 3)
    for n in range(2000):
        acc += partitions(n) & 0xFF
    for i in range(900_000):
        acc += mix(i, i + 1, c=i % 5)
    key = lambda p: (p[1], -p[0])
    pts = [(i, (i * 37) % 101) for i in range(100_000)]
    pts.sort(key=key)
    acc += pts[0][0] + pts[-1][0]
    print("acc", acc, "calls", mix.calls[0])


main()
