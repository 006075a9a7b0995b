g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g))
print(sum(x for x in range(10) if x % 2))
print(list((x, y) for x in range(3) for y in "ab" if x != 1))
print(max(len(w) for w in ["a", "abc", "ab"]))
def source():
    print("source created")
    return range(3)
g = (x for x in source())
print("before iterating")
print(list(g))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
lazy = (1 / x for x in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(sorted(c for c in "hello"), "".join(c.upper() for c in "abc"))
nested = ((i, j) for i in range(2) for j in (k for k in range(i + 1)))
print(list(nested))
print(any(x == 3 for x in range(5)), all(x for x in []))
