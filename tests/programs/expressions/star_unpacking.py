a, *b = [1, 2, 3]
print(a, b)
*a, b = "xyz"
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = (1, 2)
print(a, b, c)
(a, b), *rest = [(1, 2), 3, 4]
print(a, b, rest)
[a, [b, *c]] = [0, [1, 2, 3]]
print(a, b, c)
print([*range(3), *"ab", *(1,)])
print((*[1, 2], 3))
print({*[1, 2], *[2, 3]} == {1, 2, 3})
print(*[1, 2], *[3], sep="-")
for x, *y in [(1, 2, 3), (4,)]:
    print(x, y)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
first, *_ = iter([9, 8, 7])
print(first, _)
