def m(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case [1, (2 | 3) as second]:
            return f"list with second {second}"
        case (int() | float()) as num if num > 100:
            return f"big number {num}"
        case str() as s if len(s) > 3:
            return f"long string {s}"
        case str(s):
            return f"short string {s}"
        case [x, y] | (x, y, _):
            return f"x={x} y={y}"
        case _:
            return "other"
for v in [2, [1, 3], [1, 4], 500, 500.5, 5, "hello", "hi", (7, 8, 9), [5, 6]]:
    print(repr(v), "->", m(v))
calls = []
def guard(v):
    calls.append(v)
    return v > 1
match 2:
    case 1 if guard(1):
        pass
    case n if guard(n):
        print("guard matched", n)
print(calls)
match 3:
    case n if n > 10:
        pass
    case _:
        print("capture bound even though guard failed:", n)
