cases = [
    lambda: int("x"),
    lambda: int("12", 2),
    lambda: float("abc"),
    lambda: [1].index(5),
    lambda: "abc".index("z"),
    lambda: [].remove(1),
    lambda: (1, 2).index(3),
    lambda: range(0, 10, 0),
    lambda: "a".split(""),
    lambda: chr(-5),
    lambda: int("9" * 5000),
    lambda: "{} {}".format(1),
    lambda: "{0} {}".format(1, 2),
    lambda: bytes([300]),
    lambda: bytearray([-1]),
    lambda: "abc".encode("ascii").decode("utf-16"),
    lambda: [].sort(key=1),
    lambda: dict.fromkeys(5),
    lambda: (lambda a, b: 0)(*[1, 2, 3]),
    lambda: [1, 2, 3][::0],
    lambda: format(1, "z"),
    lambda: complex("x"),
    lambda: b"".fromhex("g"),
    lambda: "x".center(-1, "ab"),
    lambda: memoryview(b"ab").cast("Q"),
    lambda: int("1" * 10, 37),
    lambda: slice(1, 2, 0).indices(10),
    lambda: max([]),
    lambda: "%(x)s %s" % {"x": 1},
    lambda: 1 << -1,
    lambda: pow(0, -1, 5),
    lambda: sum([], start=[]) or [].pop(),
]
for c in cases:
    try:
        c()
        print("no error?!")
    except Exception as e:
        print(type(e).__name__, e)
