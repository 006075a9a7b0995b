t = (1, 2, 3, 2, 1)
print(t.count(2), t.index(3), t.index(1, 1), len(t), t[1:4], t[::-1], t + (4,), t * 2)
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError:", e)
print(tuple(), tuple([1]), tuple("ab"), tuple(range(3)), tuple({1: 2}), (1,) == (1,))
print((1, 2) < (1, 3), (1, [2]) == (1, [2]), hash((1, "a")) == hash((1, "a")))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
print(repr((1,)), repr(()), repr((1, (2, (3,)))), str(("a", 'b"')))
x = ([],)
x[0].append(1)
print(x)
try:
    x[0] += [2]
except TypeError as e:
    print("TypeError:", e, x)
a, *b = (1, 2, 3)
print(a, b)
