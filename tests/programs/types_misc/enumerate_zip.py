print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 1)), list(enumerate("ab", start=-1)))
e = enumerate("xy")
print(next(e), next(e), next(e, "done"), type(e).__name__, iter(e) is e)
print(list(zip()), list(zip("ab")), list(zip("abc", [1, 2])), list(zip("ab", "cd", "ef")))
print(list(zip("ab", [1, 2], strict=True)))
try:
    list(zip("abc", [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip("a", [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip("ab", "cd", [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
pairs = [(1, "a"), (2, "b")]
nums, lets = zip(*pairs)
print(nums, lets)
print(dict(zip(["k1", "k2"], range(2))))
try:
    zip(5)
except TypeError as e:
    print("TypeError:", e)
try:
    enumerate(5)
except TypeError as e:
    print("TypeError:", e)
