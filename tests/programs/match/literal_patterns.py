def m(x):
    match x:
        case 0:
            return "zero int"
        case 1.5:
            return "one point five"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes"
        case True:
            return "True"
        case None:
            return "None"
        case -3:
            return "minus three"
        case 2 + 3j:
            return "complex"
        case _:
            return "other"
for v in [0, 0.0, False, 1.5, "hello", b"bytes", True, 1, None, -3, 2 + 3j, "x"]:
    print(repr(v), "->", m(v))
