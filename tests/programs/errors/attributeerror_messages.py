class C:
    x = 1
class S:
    __slots__ = ("a",)
cases = [
    lambda: C().nope,
    lambda: C.nope,
    lambda: (5).nope,
    lambda: "s".nope,
    lambda: None.nope,
    lambda: [].nope,
    lambda: {}.nope,
    lambda: S().a,
    lambda: setattr(S(), "b", 1),
    lambda: setattr(5, "x", 1),
    lambda: setattr("s", "upper", 1),
    lambda: delattr(C(), "x"),
    lambda: setattr(int, "x", 1),
    lambda: setattr(list, "append", 1),
    lambda: object().__dict__,
    lambda: (lambda: 0).nope,
    lambda: type.nope,
    lambda: __import__("sys").nope,
    lambda: C().appnd if False else [].appnd,
    lambda: "s".uper(),
]
for c in cases:
    try:
        c()
        print("no error?!")
    except AttributeError as e:
        print(type(e).__name__, e)
    except TypeError as e:
        print(type(e).__name__, e)
