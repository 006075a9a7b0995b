print(list(reversed([1, 2, 3])), sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sum([1, 2, 3]), sum([], 10))
print(sum([0.1] * 10), sum([1, 2], start=10), sum([[1], [2]], []), sum(((1,), (2,)), ()), sum(range(10 ** 6)))
print(sum([1.5, 2.5]), sum([1, 2.5, 1j]), sum([True, True]))
for bad in [lambda: sum(["a", "b"], ""), lambda: sum([b"a"], b""), lambda: sum([bytearray(b"a")], bytearray()), lambda: sum(5), lambda: sum([1, "a"])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
print(sorted({"b": 1, "a": 2}.items()), sorted("cba", key=None), sorted([2, 1], reverse=False))
try:
    sorted([1], key=1)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted()
except TypeError as e:
    print("TypeError:", e)
