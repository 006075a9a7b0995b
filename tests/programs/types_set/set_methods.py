s = {1, 2, 3}
s.add(4)
s.add(2)
s.discard(10)
s.remove(1)
print(sorted(s))
try:
    s.remove(10)
except KeyError as e:
    print("KeyError:", e)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b, {1})), sorted(a.symmetric_difference([1, 7])))
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({9}), a <= a, a < a, {1} < a, a >= {1, 2})
c = set(a)
c |= {10}; c &= {1, 2, 10}; c -= {1}; c ^= {2, 3}
print(sorted(c))
c.update([20], (21,)); c.intersection_update({3, 10, 20, 21, 99}); c.difference_update({3}); c.symmetric_difference_update({99})
print(sorted(c))
print(c.pop() in {10, 20, 21, 99}, len(c))
c.clear()
print(c, set(), set("aab") == {"a", "b"}, len(set(range(100))))
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    a | [1]
except TypeError as e:
    print("TypeError:", e)
print({1, 2} == {2, 1}, {1} != {1.0}, sorted({0, False, 1, True, 1.0}))
print(repr({1}), repr(set()), repr({3, 1, 2}))
