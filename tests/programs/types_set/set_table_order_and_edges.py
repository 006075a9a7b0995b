# Iteration order of int sets follows CPython's table layout.
s = set()
for i in [33, 1, 65, 17, 8, 100, -1, 2**40, 9, 7, 1000, 3]:
    s.add(i)
print(s, list(s))
print({x * 7 for x in range(30)})
s2 = set(range(0, 200, 13)); s2.discard(13); s2.discard(26); s2.add(500); print(s2)
print({-5, -1, 5, 1, 0}, {2**64, 2**63, 1.5, 0.5})
print(frozenset(range(20)) - {3, 5}, {1, 2, 3} ^ set([3, 4, 5, 100]))
big = set(range(100)); big -= set(range(0, 100, 3)); print(len(big), sorted(big)[:5], list(big)[:10])
p = {5, 6, 7}; print(p.pop(), p.pop(), p)
print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})), hash(frozenset(range(50))))
print(hash(frozenset({"a"})) == hash(frozenset(["a"])), hash(frozenset({frozenset({1})})))
print({1, 2} < {1, 2, 3}, {1, 2} > {1}, {1} <= {1}, {1} >= {2}, {1, 2} == {2, 1}, {1} != {1})
print(set("abc") == frozenset("abc"), set() == frozenset(), {1} == [1])
try: {1} < [1]
except TypeError as e: print(e)
try: {1} | [1]
except TypeError as e: print(e)
try:
    x = {1}; x |= [2]
except TypeError as e: print(e)
try: frozenset({1}) & "ab"
except TypeError as e: print(e)
print({1, 2}.issubset([1, 2, 3]), {1, 2}.issuperset(range(2)), {1}.isdisjoint([2, 3]), {1}.isdisjoint((1,)))
print({1, 2, 3}.union(), {1, 2}.intersection(), {1, 2}.difference(), type(frozenset().union()))
print({1, 2}.__contains__({1}), {frozenset({1})}.__contains__({1}), {1} in [{1}])
s = {frozenset({1})}; s.remove({1}); print(s)
s = {frozenset({2})}; s.discard({2}); print(s)
try: {1}.remove([1])
except TypeError as e: print(e)
try: {1}.add([1])
except TypeError as e: print(e)
try: {[]}.pop()
except TypeError as e: print(e)
try: set(1)
except TypeError as e: print(e)
try: set([1], [2])
except TypeError as e: print(e)
try: frozenset([1], [2])
except TypeError as e: print(e)
try: set(a=1)
except TypeError as e: print(e)
class S(set):
    pass
class F(frozenset):
    pass
print(S([1, 2]), F([3]), repr(S()), repr(F()), type(S([1]) | {2}).__name__, type(F([1]) - {1}).__name__, type(S().copy()).__name__, type(F().copy()).__name__)
print(frozenset([1]) is frozenset(frozenset([1])), set.__hash__, type(iter(set())).__name__)
it = iter({1, 2, 3}); print(it.__length_hint__(), next(it), it.__length_hint__())
s = {1}; s.__init__([5, 6]); print(s)
r = set(); r.add(r.__class__); print(len(r))
class Rec:
    def __repr__(self): return repr(rs)
rs = {Rec()}
try: print(rs)
except RecursionError: print("RecursionError")
print(set[int], {1}.__reduce__()[0].__name__, {1, 2}.__reduce__()[1])
print({1, 2, 3}.symmetric_difference({2: 0, 9: 0}), {1, 2}.difference({1: 0}))
x = {1, 2, 3}; x.intersection_update([2, 3, 4], {3}); print(x)
x = {1, 2, 3}; x.difference_update([1], (2,)); print(x)
x = {1, 2}; x.symmetric_difference_update({2: 1, 3: 1}); print(x)
x = {1}; x.update(); x.update([2], {3: 1}, "a"); print(sorted(x, key=str))
print(sorted({0, False, 1, True, 1.0}), {1, 1.0, True}, {0.0, -0.0})
n = float("nan"); print(len({n, n}), len({float("nan"), float("nan")}))
