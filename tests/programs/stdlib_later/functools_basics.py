import functools
print(functools.reduce(lambda a, b: a * b, range(1, 6)))
p = functools.partial(int, base=16)
print(p("ff"), p.func.__name__, p.keywords)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits > 0)
def deco(f):
    @functools.wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def named():
    "doc"
print(named.__name__, named.__doc__, named.__wrapped__.__name__)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
