r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], r.start, r.stop, r.step)
print(r.index(8), r.count(8), 8 in r, 9 in r, range(0) == range(5, 2), range(1, 2) == range(1, 2, 5))
print(list(range(5, 0, -2)), list(range(-3)), range(10 ** 20)[-1], range(10 ** 20)[10 ** 19])
for args in [(1, 2, 0), (1.5,), ("a",)]:
    try:
        range(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    range(3).index(7)
except ValueError as e:
    print("ValueError:", e)
print(reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))))
print(hash(range(3)) == hash(range(0, 3)), range(3) == range(0, 3, 1), repr(range(0, 5, 2)))
it = iter(range(3))
print(next(it), list(it))
print(sum(range(101)), max(range(7)), list(range(10)[2:8:2]))
try:
    len(range(2 ** 64))
except OverflowError as e:
    print("OverflowError:", e)
