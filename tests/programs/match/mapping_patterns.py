def m(d):
    match d:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} rest={sorted(rest.items())}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "any mapping"
        case _:
            return "not a mapping"
for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "c": "red"},
          {"type": "sq"}, {"other": 1}, {}, [("type", "point")], "str"]:
    print(m(v))
class M(dict):
    pass
match M(k=1):
    case {"k": v}:
        print("subclass mapping", v)
match {1: "int key", "t": "str key"}:
    case {1: a, "t": b}:
        print(a, b)
class DM(dict):
    def __missing__(self, k):
        return "should not be used"
match DM(a=1):
    case {"b": x}:
        print("matched via missing?!", x)
    case _:
        print("get() used, __missing__ ignored")
