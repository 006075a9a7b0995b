evens = {x for x in range(10) if x % 2 == 0}
print(sorted(evens))
print(sorted({c for c in "hello world" if c.isalpha()}))
s = set()
for i in range(20):
    s.add(i % 7)
print(sorted(s), len(s))
print({1, 2, 3} - {2} | {9} & {9, 1})
ints = {5, 3, 1, 4}
print(sorted(ints), min(ints), max(ints), sum(ints))
s2 = {1, 2, 3}
try:
    for x in s2:
        s2.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
print(set([1, 2]) == frozenset([1, 2]), {1, 2}.__contains__(1))
small = {3, 1, 2}
print(list(small) == sorted(small))
