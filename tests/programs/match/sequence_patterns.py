def m(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
for v in [[], [1], (1, 2), [1, 2, 3, 4], range(3), "ab", b"ab", {1, 2}, iter([1])]:
    print(repr(v) if not hasattr(v, "__next__") else "iterator", "->", m(v))
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print("nested", a, b, c, d)
match (1, 2, 3):
    case (1, *rest):
        print("tuple rest", rest)
match [1, 2]:
    case 1, 2:
        print("open sequence pattern")
match [0, 1, 2, 3]:
    case [*_, 3]:
        print("ends with 3")
