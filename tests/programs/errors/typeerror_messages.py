none = None
one = 1
flt = 1.5
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [] + (),
    lambda: 1 - "a",
    lambda: "a" * "b",
    lambda: -"a",
    lambda: ~1.5,
    lambda: len(5),
    lambda: none(),
    lambda: one[0],
    lambda: none[0],
    lambda: {}[[]],
    lambda: "abc"[flt],
    lambda: [1][none],
    lambda: iter(5),
    lambda: int(None),
    lambda: float(None),
    lambda: sorted([1, None]),
    lambda: 1 < "a",
    lambda: [] > {},
    lambda: "%d" % "x",
    lambda: abs(None),
    lambda: hash([]),
    lambda: {[]: 1},
    lambda: object().__init__(1),
    lambda: "".join([1]),
    lambda: str.upper(5),
    lambda: (1).real(),
    lambda: {}.get(),
    lambda: [].append(1, 2),
    lambda: divmod(1),
    lambda: min(),
    lambda: isinstance(1),
    lambda: range(1.5),
    lambda: "a".startswith(1),
    lambda: 5 in 5,
    lambda: dict(1),
    lambda: list(1, 2),
    lambda: tuple(None),
    lambda: set(5),
    lambda: bytes("x"),
    lambda: memoryview("x"),
    lambda: print(end=5),
    lambda: next(5),
    lambda: round("x"),
]
for c in cases:
    try:
        c()
        print("no error?!")
    except TypeError as e:
        print(type(e).__name__, e)
