# range (incl. big bounds), tuple, enumerate/zip/map/filter/reversed edge cases and messages.
t = (1, 2, 3)
print(t, (1,), (), t[1:], t[::-1], t + (4,), t * 2, 2 in t, t.count(2), t.index(3), hash(t) == hash((1, 2, 3)), hash((1, "a")) , hash(()))
print(tuple([1, 2]), tuple("ab"), t < (1, 2, 4), t == (1, 2, 3), t != (1,), type(iter(t)), iter(t).__length_hint__())
class T(tuple): pass
x = T([1, 2])
print(x, type(x).__name__, len(x), x.__getnewargs__(), x + (3,), type(x[:]).__name__)
try: t + [1]
except TypeError as e: print(e)
try: t.index(9)
except ValueError as e: print(e)
try: t[5]
except IndexError as e: print(e)
try: t["a"]
except TypeError as e: print(e)
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], r.start, r.stop, r.step)
print(r.index(8), r.count(8), 8 in r, 9 in r, range(0) == range(5, 2), range(1, 2) == range(1, 2, 5))
print(list(range(5, 0, -2)), list(range(-3)), range(10 ** 20)[-1], range(10 ** 20)[10 ** 19])
for args in [(1, 2, 0), (1.5,), ("a",)]:
    try:
        range(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    range(3).index(7)
except ValueError as e:
    print("ValueError:", e)
print(reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))))
print(hash(range(3)) == hash(range(0, 3)), range(3) == range(0, 3, 1), repr(range(0, 5, 2)), hash(range(5)), hash(range(1, 2)) == hash(range(1, 3, 7)), hash(range(0)) == hash(range(4, 1)))
it = iter(range(3))
print(next(it), list(it))
print(max(range(7)), list(range(10)[2:8:2]))
try:
    len(range(2 ** 64))
except OverflowError as e:
    print("OverflowError:", e)
print(list(range(2**63-2, 2**63+2)), list(reversed(range(-2**63-1, -2**63+2))), type(iter(range(2**64))).__name__)
print(range(10)[::-2], range(10)[-100:100], range(0, 10, 3)[5:0:-1], bool(range(0)), bool(range(1)))
print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate("ab", start=2**70)), list(enumerate(iterable="ab", start=-1)))
print(list(zip("abc", [1, 2])), list(zip()), list(zip("a")), list(map(len, ["a", "bb"])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(filter(None, [0, 1, "", "x"])), list(filter(lambda x: x > 1, [1, 2, 3])), list(filter(bool, [0, 2])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(4))))
r = reversed("abcd"); next(r); print(r.__length_hint__(), type(r).__name__)
for src in ['enumerate()', 'enumerate([],1,2)', 'enumerate([], x=1)', 'enumerate([], "a")', 'reversed()', 'reversed(1,2)', 'reversed([], x=1)','reversed(1)', 'zip(1)', 'zip([], foo=1)', 'map(len)', 'map()', 'map(len, [], x=1)', 'filter(len)', 'filter(None, [], x=1)', 'filter(1,2,3)', 'list(enumerate(start=3, iterable="ab"))', 'zip([], [], strict=True, x=1)',
            'list(zip([1], [2, 3], strict=True))', 'list(zip([1, 2], [2], strict=True))', 'list(zip([1, 2], [2, 3], [4], strict=True))', 'list(zip([1], [2], [4, 5], strict=True))', 'list(zip([1], [2], strict=True))', 'enumerate([], iterable=[])']:
    try: print(src, '->', eval(src))
    except Exception as e: print(src, '->', type(e).__name__, e)
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()))
class NoRev:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
try:
    reversed(NoRev())
except TypeError as e:
    print(e)
class Rev:
    def __reversed__(self): return iter("zyx")
print(list(reversed(Rev())))
class L(list): pass
l = L([3, 1, 2]); l.sort(); print(l, type(l).__name__, type(l + [1]).__name__, type(l[:]).__name__, l == [1, 2, 3])
class E(enumerate): pass
print(list(E("ab", 1)), type(E("a")).__name__)
z = zip([1, 2], "ab", strict=True); print(next(z), next(z))
try:
    next(z)
    print("exhausted")
except StopIteration:
    print("StopIteration")
calls = []
def f(x):
    calls.append(x)
    return x % 2
print(list(filter(f, range(5))), calls, list(map(pow, [2, 3], [3, 2])))
print(range(5) == range(0, 5), range(0, 5, 2) != range(0, 6, 2), range(3) == [0, 1, 2], range(1, 1) == range(7, 2))
try:
    range(3) < range(4)
except TypeError as e:
    print(e)
print({range(3): 1}[range(0, 3)], 3 in range(0, 10, 3), 3.0 in range(5), "a" in range(3), range(5).count(2.0), range(5).index(True))
print(range(-5, 5)[::-3], range(5)[1:1], range(0, -10, -2)[1:3], list(range(0, -10, -2)[::-1]))
