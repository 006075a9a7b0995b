# The infinite and terminating iterators of itertools: values, laziness, reprs.
import itertools as it

def take(n, i):
    return list(it.islice(i, n))

# count
print(take(4, it.count()), take(3, it.count(5)), take(3, it.count(10, -3)), take(3, it.count(0.5, 0.25)))
print(take(3, it.count(2 ** 63 - 2)), take(3, it.count(1, 2 ** 64)), take(2, it.count(1j, 1 + 1j)))
print(repr(it.count()), repr(it.count(5)), repr(it.count(5, 2)), repr(it.count(1.5)), repr(it.count(1, 1.0)), repr(it.count(step=2)), repr(it.count(True)))
c = it.count(3)
next(c); next(c)
print(repr(c), next(c), repr(c))
c = it.count(2 ** 63 - 1)
print(next(c), next(c), repr(c))

print(it.count(5).__reduce__(), it.count(5, 2).__reduce__(), it.count(1.5).__reduce__(), c.__reduce__())
print(it.repeat(1, 3).__reduce__(), it.repeat("a").__reduce__())

# cycle
cy = it.cycle("abc")
print(take(8, cy), take(3, it.cycle([])), take(5, it.cycle(iter([1, 2]))))

# repeat
print(list(it.repeat("x", 3)), list(it.repeat(1, 0)), list(it.repeat(1, -5)), take(3, it.repeat(None)))
r = it.repeat(7, 4)
next(r)
print(repr(r), r.__length_hint__(), repr(it.repeat("a")), repr(it.repeat(object=[1], times=2)))
print(list(map(pow, range(5), it.repeat(2))))

# accumulate
import operator
print(list(it.accumulate([1, 2, 3, 4, 5])), list(it.accumulate([1, 2, 3, 4], operator.mul)), list(it.accumulate([])))
print(list(it.accumulate([3, 1, 4, 1, 5, 9], max)), list(it.accumulate([1, 2, 3], initial=100)), list(it.accumulate([], initial=0)))
print(list(it.accumulate("abc")), list(it.accumulate([1, 2], func=None, initial=None)), list(it.accumulate(iterable=[[1], [2]])))

# chain
print(list(it.chain()), list(it.chain("ab", [1, 2], (), range(2))), list(it.chain.from_iterable(["xy", [3], []])))
print(take(5, it.chain.from_iterable(it.repeat("ab"))), type(it.chain.from_iterable([])).__name__)
print(it.chain[int], list(it.chain(*[[i] * i for i in range(4)])))

# compress, dropwhile, takewhile, filterfalse, starmap
print(list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(it.compress("ABC", [1, 1])), list(it.compress(range(10), it.cycle([0, 1]))))
print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.dropwhile(bool, [])), list(it.dropwhile(lambda x: True, [1, 2])))
print(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.takewhile(bool, [1, 1, 0, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(None, [0, 1, "", "a", None, []])), list(it.filterfalse(bool, [0, 3])))
print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(it.starmap(lambda *a: a, ["ab", [1], ()])))

# islice
print(list(it.islice("ABCDEFG", 2)), list(it.islice("ABCDEFG", 2, 4)), list(it.islice("ABCDEFG", 2, None)), list(it.islice("ABCDEFG", 0, None, 2)))
print(list(it.islice(range(10), 1, 9, 3)), list(it.islice(range(3), 10)), list(it.islice(range(10), None)), list(it.islice(range(10), 5, 2)))
print(list(it.islice(it.count(), 3, 20, 5)), list(it.islice(range(10), None, None, None)))
src = iter(range(10))
print(list(it.islice(src, 2, 4)), next(src))

# pairwise
print(list(it.pairwise("abcd")), list(it.pairwise([1])), list(it.pairwise([])), take(3, it.pairwise(it.count())))

# zip_longest
print(list(it.zip_longest("ab", "xyz")), list(it.zip_longest("ab", "xyz", fillvalue="-")), list(it.zip_longest()))
print(list(it.zip_longest([1, 2, 3])), list(it.zip_longest("a", [], "bcd", fillvalue=0)))

# Laziness: nothing is consumed before it is asked for.
log = []
def gen():
    for i in range(5):
        log.append(i)
        yield i
m = it.takewhile(lambda x: x < 10, gen())
print(log, next(m), log, take(2, m), log)

# Types, subclassing and reprs of the others.
for name in ["count", "cycle", "repeat", "accumulate", "chain", "compress", "dropwhile", "filterfalse", "groupby",
             "islice", "pairwise", "starmap", "takewhile", "zip_longest", "product", "permutations", "combinations",
             "combinations_with_replacement", "_grouper", "_tee", "_tee_dataobject"]:
    t = getattr(it, name)
    print(name, t.__name__, t.__module__, t.__qualname__, repr(t), iter(t) is not None if False else "")

class MyCount(it.count):
    def __next__(self):
        return super().__next__() * 10

mc = MyCount(3)
print(type(mc).__name__, next(mc), next(mc), repr(mc), isinstance(mc, it.count))

class Chain2(it.chain):
    pass
print(list(Chain2("ab", "c")), type(Chain2.from_iterable(["x"])).__name__, list(Chain2.from_iterable(["xy"])))

class MyRepeat(it.repeat):
    def __init__(self, *args, **kw):
        self.extra = 1
r = MyRepeat("z", 2)
print(list(r), r.extra, repr(MyRepeat(1)))

for t in [it._grouper, it._tee, it._tee_dataobject]:
    try:
        class X(t):
            pass
    except TypeError as e:
        print("TypeError", e)
