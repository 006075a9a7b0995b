# ast.unparse of parsed code, and parse(unparse(t)) giving the same tree.
import ast

SOURCES = [
    "x = 1",
    "a, *b = c",
    "x: int = 5",
    "x += 1",
    "del a, b[0]",
    "def f(a, /, b, c=1, *args, d, e=2, **kw) -> int:\n    '''doc'''\n    return a",
    "@dec(1)\nasync def g():\n    await x\n    async for i in y:\n        pass\n    async with a as b:\n        pass",
    "class C(B, metaclass=M):\n    x = 1",
    "for i in range(3):\n    continue\nelse:\n    pass",
    "while x:\n    break",
    "if a:\n    b\nelif c:\n    d\nelse:\n    e",
    "with open(f) as g, h:\n    pass",
    "try:\n    pass\nexcept ValueError as e:\n    raise E from e\nelse:\n    x\nfinally:\n    y",
    "try:\n    pass\nexcept* TypeError:\n    pass",
    "assert x, 'msg'",
    "import a.b as c\nfrom .. import e\nfrom f import (h as i, j)",
    "global x",
    "f = lambda x, *y, z=3, **w: x",
    "a if b else c",
    "{1: 2, **d}; {1, 2}; [1, 2]; (1, 2); ()",
    "[x for x in y if x]; {x for x in y}; {k: v for k, v in d}; (x for x in y)",
    "def g():\n    yield\n    yield x\n    yield from y",
    "a < b <= c is not d not in e",
    "f(a, *b, c=d, **e)",
    "f'{x!r:>{width}} {y}'",
    "x[1:2:3]; x[::]; x[a, b:c]; x.y.z",
    "not a and (b or c)",
    "-x ** 2; (-x) ** 2; a - (b - c); (a - b) - c; a * (b + c)",
    "(y := 10)",
    "b'bytes'; 1.5; 2j; ...; None; True; 1e400",
    "match p:\n    case 1 | 2:\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x, y=0) as pt if pt:\n        pass\n    case _:\n        pass",
    "'''multi\nline'''",
    "x = 'quote\\'s'",
]
for src in SOURCES:
    t = ast.parse(src)
    u = ast.unparse(t)
    print(u)
    print("same:", ast.dump(ast.parse(u)) == ast.dump(t))
    print("--")
print(ast.unparse(ast.BinOp(ast.Name("a"), ast.Add(), ast.Constant(1))))
