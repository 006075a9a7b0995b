print(list(map(str.upper, ["a", "b"])), list(map(lambda x, y: x + y, [1, 2, 3], [10, 20])))
m = map(int, "123")
print(type(m).__name__, next(m), list(m), list(m))
print(list(filter(str.isdigit, "a1b2")), list(filter(None, [0, "", None, 3])), type(filter(None, [])).__name__)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))))
r = reversed([1, 2])
print(type(r).__name__, r.__length_hint__(), next(r), r.__length_hint__())
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(iter([1]))
except TypeError as e:
    print("TypeError:", e)
try:
    map(None, [1]).__next__()
except TypeError as e:
    print("TypeError:", e)
try:
    map(len)
except TypeError as e:
    print("TypeError:", e)
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())))
