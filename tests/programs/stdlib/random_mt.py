# _random.Random: the Mersenne Twister must give CPython's exact sequences.
import _random
from _sha512 import sha512

r = _random.Random(42)
print(r.random(), r.random())
print([r.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 64, 100)])
print(r.getrandbits(1000) % 10**20)

# Seeding: ints by absolute value in 32-bit chunks; None from the OS.
for seed in [0, 1, -1, 2**32 - 1, 2**32, 2**64 + 5, -(2**100), 10**50, True]:
    r.seed(seed)
    print(seed, r.random(), r.getrandbits(16))
class MyInt(int):
    def __abs__(self):
        return 0
r.seed(MyInt(5)); a = r.random(); r.seed(5); print(a == r.random())
# Non-ints seed with their hash.
r.seed(1.5); a = r.random(); r.seed(hash(1.5)); print(a == r.random(), a)
r.seed(-2.0); print(r.random())
r.seed((1, 2)); a = r.random(); r.seed(hash((1, 2)) % 2**64); print(a == r.random())
r.seed(None); r.seed(); print(0.0 <= r.random() < 1.0)

# random.py's version-2 seed for str/bytes: the bytes plus their SHA-512.
def seed_v2(gen, a):
    if isinstance(a, str):
        a = a.encode()
    gen.seed(int.from_bytes(a + sha512(a).digest(), "big"))
seed_v2(r, "hello"); print(r.random())
seed_v2(r, b"spam"); print(r.getrandbits(48))

# random.py's _randbelow and shuffle, on top of getrandbits.
def randbelow(gen, n):
    k = n.bit_length()
    v = gen.getrandbits(k)
    while v >= n:
        v = gen.getrandbits(k)
    return v
r.seed(12345)
print([1 + randbelow(r, 100) for _ in range(10)])
lst = list(range(10))
for i in reversed(range(1, len(lst))):
    j = randbelow(r, i + 1)
    lst[i], lst[j] = lst[j], lst[i]
print(lst)

# getstate/setstate: 624 words plus the index.
r.seed(7)
s = r.getstate()
print(type(s).__name__, len(s), s[-1], s[0], s[1])
a = [r.random() for _ in range(700)]
r.setstate(s)
print(a == [r.random() for _ in range(700)], r.getstate()[-1])
r2 = _random.Random()
r2.setstate(s)
print(r2.random() == a[0])
st = list(s); st[-1] = 624; r2.setstate(tuple(st)); print(r2.random())
st[0] = 2**32 + 3; r2.setstate(tuple(st)); print(r2.getstate()[0])

for bad in [lambda: r.setstate([0] * 625), lambda: r.setstate((0,) * 624),
            lambda: r.setstate((0,) * 624 + (625,)), lambda: r.setstate((0,) * 624 + (-1,)),
            lambda: r.setstate((-1,) + (0,) * 624), lambda: r.setstate(("x",) + (0,) * 624),
            lambda: r.setstate((2**64,) + (0,) * 624), lambda: r.setstate((0,) * 624 + (1.0,)),
            lambda: r.getrandbits(-1), lambda: r.getrandbits(1.0), lambda: r.getrandbits("3"),
            lambda: r.getrandbits(2**40), lambda: r.seed(1, 2), lambda: r.seed([]),
            lambda: _random.Random(1, 2), lambda: _random.Random(x=1), lambda: r.random(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# Subclasses: __init__ and seed may be overridden (as random.Random does).
class R(_random.Random):
    def __init__(self, x=None, extra=0):
        self.extra = extra
        self.seed(x)
    def seed(self, a=None):
        self.seeded = a
        super().seed(a)
g = R(42, extra=3)
print(g.extra, g.seeded, g.random() == _random.Random(42).random())
class Plain(_random.Random):
    pass
print(Plain(42).random() == _random.Random(42).random(), isinstance(Plain(1), _random.Random))
try:
    Plain(1, k=2)
except TypeError as e:
    print(e)
class KwOk(_random.Random):
    def __new__(cls, *a, **k):
        return super().__new__(cls)
    def __init__(self, a=None, **k):
        super().__init__(a)
print(KwOk(3, z=1).random() == _random.Random(3).random())
print(_random.Random.__name__, _random.Random.__module__, _random.Random.random.__doc__)
