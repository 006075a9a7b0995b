print(max(1, 2, 3), min(1, 2, 3), max([4, 5]), min("hello"), max("a", "b", key=ord), min([3, 1, 2], key=lambda x: -x))
print(max([], default="empty"), min([], default=None), max([1], default=5), max((1, 2), (1, 3)))
print(max([1, 3, 3.0, 2]), max([3.0, 3]), min([-0.0, 0.0]), min([0.0, -0.0]))
print(max(["aa", "b", "cc"], key=len), min(["aa", "b", "cc"], key=len))
for call in [lambda: max([]), lambda: min(), lambda: max(1), lambda: max(1, 2, default=0), lambda: max([1, "a"])]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(max(range(10), key=lambda x: x % 4), min({3: "a", 1: "b"}), max("abc", key=None))
