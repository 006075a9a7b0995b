srcs = [
    "match x:\n    case a | b:\n        pass",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass",
    "match x:\n    case a:\n        pass\n    case 1:\n        pass",
    "match x:\n    case [a, a]:\n        pass",
    "match x:\n    case {**rest, 'a': 1}:\n        pass",
    "match x:\n    case [*a, *b]:\n        pass",
    "match x:\n    case 1 + 1:\n        pass",
    "match x:\n    case f(1):\n        pass",
    "match x:\n    case (1 | a):\n        pass",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass",
]
for s in srcs:
    try:
        compile(s, "<m>", "exec")
        print("compiled OK")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
