# Unpacking and tuple work: tuple packing/unpacking, swaps, starred
# unpacking, unpacking in for loops, returning multiple values, *args and
# **kwargs calls, tuple indexing/slicing/comparison/hashing, and zip/enumerate.


def divmod_pair(a, b):
    return a // b, a % b


def minmax3(a, b, c):
    lo = a
    hi = a
    if b < lo:
        lo = b
    if b > hi:
        hi = b
    if c < lo:
        lo = c
    if c > hi:
        hi = c
    return lo, hi


def total(*args):
    s = 0
    for a in args:
        s += a
    return s


def kw(a, b=2, *rest, scale=1, **extra):
    return (a + b + len(rest) + len(extra)) * scale


def main():
    acc = 0
    a, b = 1, 2
    for i in range(1_400_000):
        a, b = b, (a + b) & 0xFFFF
        x, y, z = i, a, b
        acc += x - y + z
    for i in range(1, 600_000):
        q, r = divmod_pair(i * 7, 13)
        lo, hi = minmax3(q, r, i & 31)
        acc += q + r + hi - lo
    pts = [(i, i * 2, i * 3) for i in range(200_000)]
    for x, y, z in pts:
        acc += x + y - z
    for idx, (x, y, z) in enumerate(pts):
        if idx & 1:
            acc += z
    for (x, y, z), w in zip(pts, range(200_000)):
        acc += w - x
    for i in range(500_000):
        first, *middle, last = (i, i + 1, i + 2, i + 3, i + 4)
        acc += first + last + len(middle)
        head, *tail = [i, i]
        acc += head + len(tail)
    args = (1, 2, 3, 4)
    kwargs = {"scale": 2, "flag": 1}
    for i in range(300_000):
        acc += total(*args) + total(i, i)
        acc += kw(i, 3, 4, 5, **kwargs) + kw(1, scale=3)
    tuples = [(i % 97, i % 89, i) for i in range(200_000)]
    tuples.sort()
    acc += tuples[0][2] + tuples[-1][2]
    seen = {}
    for t in tuples:
        key = t[:2]
        seen[key] = seen.get(key, 0) + 1
    acc += len(seen)
    cmp = 0
    for i in range(1, len(tuples)):
        if tuples[i - 1] < tuples[i]:
            cmp += 1
    nested = ((1, (2, 3)), (4, (5, 6)))
    for i in range(600_000):
        (p, (q, r)), (s, (t, u)) = nested
        acc += p + q + r + s + t + u
    print("acc", acc, "cmp", cmp, "a", a, "b", b)


main()
