# ast.parse + ast.dump over every kind of node, with and without positions.
import ast

SOURCES = [
    "x = 1",
    "a, *b = c",
    "x: int = 5\ny: 'str'\n(z): int",
    "x += 1; y -= 2; z @= w; q **= 2; r //= 3; s >>= 1; t <<= 1; u |= 1; v ^= 1; k &= 1; m %= 2; n /= 2; o *= 2",
    "del a, b[0], c.d",
    "def f(a, /, b, c=1, *args, d, e=2, **kw) -> int:\n    'doc'\n    return a",
    "@dec\nasync def g():\n    await x\n    async for i in y:\n        pass\n    async with a as b, c:\n        pass",
    "class C(B, metaclass=M):\n    x = 1\n    def m(self): ...",
    "for i in range(3):\n    continue\nelse:\n    break",
    "while x:\n    pass\nelse:\n    y",
    "if a:\n    b\nelif c:\n    d\nelse:\n    e",
    "with open(f) as g, h:\n    pass",
    "try:\n    pass\nexcept ValueError as e:\n    raise E from e\nexcept:\n    raise\nelse:\n    x\nfinally:\n    y",
    "try:\n    pass\nexcept* TypeError:\n    pass",
    "assert x, 'msg'",
    "import a.b as c, d\nfrom .. import e\nfrom f.g import (h as i, j)\nfrom . import *",
    "def f():\n    global x\n    nonlocal y",
    "lambda x, *y, z=3, **w: x",
    "a if b else c",
    "{1: 2, **d}; {1, 2}; [1, 2]; (1, 2); ()",
    "[x for x in y if x if z]; {x for x in y}; {k: v for k, v in d.items()}; (x async for x in y)",
    "yield; yield x; yield from y",
    "a < b <= c > d >= e == f != g is h is not i in j not in k",
    "f(a, *b, c=d, **e)",
    "f'{x!r:>{width}} and {y=}' 'lit'",
    "x[1:2:3]; x[::]; x[a, b:c]; x.y.z",
    "not a and b or c",
    "-x; +x; ~x; a + b - c * d / e // f % g ** h << i >> j | k ^ l & m @ n",
    "(y := 10)",
    "b'bytes'; u'unicode'; 1.5; 2j; ...; None; True; 10**100",
    "match p:\n    case 1 | 2:\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x, y=0) as pt if pt:\n        pass\n    case None:\n        pass\n    case -1 | 1+2j | a.b:\n        pass\n    case _:\n        pass",
    "x = 'é'  # non-ASCII columns are UTF-8 bytes\ny = 'ab'",
    "pass",
]

for src in SOURCES:
    tree = ast.parse(src)
    print(ast.dump(tree))
    print(ast.dump(tree, include_attributes=True))

print(ast.dump(ast.parse(SOURCES[5]), indent=4))
print(ast.dump(ast.parse(SOURCES[30]), indent='\t', include_attributes=True))
print(ast.dump(ast.parse("x + y", mode="eval"), annotate_fields=False))
print(ast.dump(ast.parse("x", mode="single")))
print(ast.dump(ast.parse("x = [1, 2]"), indent=0))
print(ast.dump(ast.Constant(1)), ast.dump(ast.Name()), ast.dump(ast.BinOp(left=ast.Name('x'))))
print(ast.dump(ast.Name('x', ast.Load(), lineno=3), include_attributes=True))

# parse-time singletons for contexts and operators
t = ast.parse("a = b + c + d")
assign = t.body[0]
print(assign.targets[0].ctx is ast.parse("q = 1").body[0].targets[0].ctx)
print(assign.value.op is assign.value.left.op)
print(type(assign.value.op).__name__, isinstance(assign.value, ast.expr), isinstance(assign, ast.stmt))
print(ast.Load() is ast.Load())

# syntax errors from ast.parse
for bad in ["x = ", "def f(:\n    pass", "return +"]:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)
