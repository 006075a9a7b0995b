# Comprehension-heavy code: list, dict and set comprehensions, nested and
# filtered comprehensions, comprehensions over strings and tuples, and
# matrix operations written with comprehensions.


def matmul(a, b):
    bt = [list(col) for col in zip(*b)]
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def primes_upto(n):
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(sieve) if p]


def main():
    acc = 0
    for rep in range(130):
        sq = [x * x for x in range(20_000)]
        ev = [x for x in sq if x % 2 == 0]
        acc += len(ev) + ev[-1] % 1000
        pairs = [(x, y) for x in range(100) for y in range(x, 100) if (x + y) % 7 == 0]
        acc += len(pairs)
        d = {x: x * 3 for x in range(5000)}
        inv = {v: k for k, v in d.items() if v % 2}
        acc += len(inv)
        s = {x % 1000 for x in range(20_000)}
        acc += len(s)
        words = ["w" + str(i % 300) for i in range(5000)]
        lengths = {w: len(w) for w in words}
        acc += sum([lengths[w] for w in words])
        upper = [c.upper() for c in "comprehension benchmark " * 200 if c != " "]
        acc += len(upper)
    n = 40
    a = [[(i * j) % 7 for j in range(n)] for i in range(n)]
    b = [[(i + j) % 5 for j in range(n)] for i in range(n)]
    for rep in range(50):
        c = matmul(a, b)
        a = [[v % 11 for v in row] for row in c]
    acc += sum(sum(row) for row in a)
    primes = primes_upto(600_000)
    acc += len(primes) + primes[-1]
    flat = [x for row in [[i, i + 1, i + 2] for i in range(300_000)] for x in row]
    acc += sum(flat)
    grid = [[(x, y) for x in range(300)] for y in range(300)]
    diag = [row[i] for i, row in enumerate(grid)]
    acc += sum(x + y for x, y in diag)
    print("acc", acc, "last", a[3][:5])


main()
