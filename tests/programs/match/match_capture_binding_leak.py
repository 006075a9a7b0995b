match [1, 2, 3]:
    case [a, b, 4]:
        print("no match")
    case _:
        pass
match {"k": 5}:
    case {"k": v} if v > 10:
        pass
    case {"k": w}:
        print("w", w)
print(v)
