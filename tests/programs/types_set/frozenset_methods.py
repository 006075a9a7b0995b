f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f, type(f).__name__, repr(frozenset()), repr(frozenset({1})))
g = frozenset({2, 5})
print(sorted(f | g), sorted(f & g), type(f | g).__name__, type(f | {9}).__name__, type({9} | f).__name__)
print(f.issubset({1, 2, 3}), f.copy() is f, hash(f) == hash(frozenset({1, 2, 3})))
d = {f: "frozen key"}
print(d[frozenset({1, 2, 3})])
print({frozenset({1}), frozenset({1})} == {frozenset({1})})
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
print(frozenset() == set(), frozenset({1}) == {1}, set() is not frozenset())
nested = frozenset([frozenset([1]), frozenset([2])])
print(len(nested), frozenset([1]) in nested)
