def m(x):
    match x:
        case [a]:
            return f"single {a}"
        case [a, _]:
            return f"pair first {a}"
        case [_, _, *_]:
            return "three or more"
        case other:
            return f"captured {other!r}"
for v in [[1], [1, 2], [1, 2, 3], "str", 5, []]:
    print(m(v))
match 42:
    case n:
        print("irrefutable capture", n)
print(n)
