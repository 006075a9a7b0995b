def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
print(take(5, naturals()))
def evens(it):
    return (x for x in it if x % 2 == 0)
print(take(5, evens(naturals())))
def sieve():
    def ints(start):
        while True:
            yield start
            start += 1
    def filt(p, it):
        for x in it:
            if x % p:
                yield x
    s = ints(2)
    while True:
        p = next(s)
        yield p
        s = filt(p, s)
print(take(15, sieve()))
