cases = [
    lambda: [a for a in 5],
    lambda: list(None),
    lambda: (lambda a, b: 0)(*5),
    lambda: (lambda **k: 0)(**5),
    lambda: dict(**{1: 2}),
    lambda: [*5],
    lambda: {**[]},
    lambda: next(iter([])),
]
for c in cases:
    try:
        c()
        print("no error?!")
    except Exception as e:
        print(type(e).__name__, e)
def unpack(v, n):
    try:
        if n == 2:
            a, b = v
        elif n == 3:
            a, b, c = v
        else:
            a, *b, c, d = v
        print("ok")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
unpack([1, 2, 3], 2)
unpack([1], 2)
unpack([1, 2], 3)
unpack(5, 2)
unpack([1, 2], 4)
unpack(iter(range(10)), 2)
unpack("ab", 2)
