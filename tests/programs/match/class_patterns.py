class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), "p"]:
    print(where(p))
match 5:
    case int(n):
        print("int with self-capture", n)
match "s":
    case str() as s:
        print("str", s)
for v in [1, 1.5, "x", [1], (1,), {1: 2}, {1}, b"b", True, None]:
    match v:
        case bool():
            kind = "bool"
        case int():
            kind = "int"
        case float(f):
            kind = f"float {f}"
        case str() | bytes():
            kind = "text"
        case list() | tuple():
            kind = "seq"
        case dict():
            kind = "dict"
        case _:
            kind = "other"
    print(repr(v), kind)
