# Generators and generator expressions: plain generators, generators with
# state, yield from, send(), chained generator pipelines, and genexps fed to
# sum/max/any/all/min.


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def squares(src):
    for x in src:
        yield x * x


def take(src, n):
    for x in src:
        if n <= 0:
            return
        n -= 1
        yield x


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) % 1_000_000_007


def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total


def main():
    acc = 0
    acc += sum(squares(evens(count_up(2_200_000))))
    acc += sum(take(fib_gen(), 750_000)) % 1_000_000_007
    nested = [[i, [i + 1, [i + 2, i + 3]], i + 4] for i in range(150_000)]
    acc += sum(flatten(nested))
    g = accumulator()
    next(g)
    last = 0
    for i in range(750_000):
        last = g.send(i & 255)
    acc += last
    acc += sum(x * 2 for x in range(1_500_000) if x % 3)
    acc += max(x ^ 0x5555 for x in range(1_200_000))
    acc += min((x * 7) % 1001 for x in range(1, 1_200_000))
    acc += int(any(x > 1_199_998 for x in range(1_200_000)))
    acc += int(all(x >= 0 for x in range(1_200_000)))
    words = ["w%d" % i for i in range(30_000)]
    acc += sum(len(w) for w in words)
    gens = 0
    for i in range(80_000):
        gens += sum(count_up(10))
    print("acc", acc, "gens", gens)


main()
