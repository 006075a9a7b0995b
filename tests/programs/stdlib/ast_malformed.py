# Randomly damaged trees (a fixed pseudo-random sequence) fed to compile():
# every outcome, success or the exact error, must be CPython's.
import ast
import warnings

# (Pyrite does not emit compile-time SyntaxWarnings yet; not what this tests.)
warnings.simplefilter("ignore", SyntaxWarning)

SOURCES = [
    "def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    'doc'\n    return a + b\n",
    "class C(B, metaclass=M):\n    x: int = 1\n    def m(self, *a, **k):\n        return [i for i in a if i]\n",
    "for i in range(3):\n    if i % 2:\n        continue\n    else:\n        x += i\nelse:\n    pass\n",
    "try:\n    import a.b as c\n    from .. import d\nexcept (E, F) as e:\n    raise G from e\nelse:\n    del x[0], y.z\nfinally:\n    assert q, 'm'\n",
    "with open(p) as f, g:\n    data = {k: v for k, v in f}\n    s = {1, 2, *t}\n    l = lambda x, y=2: x if y else -x\n",
    "match x:\n    case [1, *r] | {'a': b, **c} | P(x, y=z) as w if w:\n        pass\n    case -1 | 1+2j | a.b | 'str':\n        pass\n",
    "x = f'{a!r:{b}}' + b'x'\nasync def h():\n    async with a as (b, c):\n        await d\n    return [i async for i in y]\n",
    "while x < 10 <= y is not None:\n    x = (y := x + 1) ** 2 // 3\n    print(*args, sep='', **kw)\n    global q\n",
]

class Lcg:
    def __init__(self, seed):
        self.s = seed * 2654435761 + 1
    def nxt(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % 2**64
        return self.s >> 11
    def random(self):
        return self.nxt() / 2**53
    def randint(self, a, b):
        return a + self.nxt() % (b - a + 1)
    def choice(self, xs):
        return xs[self.nxt() % len(xs)]

rng = Lcg(12345)
pool = [n for s in SOURCES for n in ast.walk(ast.parse(s))]
# None inside pattern lists crashes CPython 3.11's validator: never produce it.
VALUES = [None, [], 0, -1, "s", ast.Load(), (1,), [None]]

def in_pattern(n):
    return isinstance(n, (ast.pattern, ast.match_case))

def mutate(tree):
    nodes = list(ast.walk(tree))
    for _ in range(rng.randint(1, 3)):
        n = rng.choice(nodes)
        if not n._fields:
            continue
        f = rng.choice(n._fields)
        r = rng.random()
        if r < 0.25:
            if hasattr(n, f) and f in vars(n):
                delattr(n, f)
        elif r < 0.5:
            v = rng.choice(VALUES)
            if in_pattern(n) and v is not None and v != [] and not isinstance(v, (int, str, tuple)):
                v = []
            setattr(n, f, v)
        elif r < 0.8:
            setattr(n, f, rng.choice(pool))
        else:
            v = getattr(n, f, None)
            if isinstance(v, list) and v:
                v.reverse()
                v.append(rng.choice(pool))
            else:
                setattr(n, f, [rng.choice(pool)])
    return tree

def strip_address(msg):
    out = []
    for part in msg.split(" at 0x"):
        if out:
            part = part[part.find(">"):] if ">" in part else part
        out.append(part)
    return "".join(out)

counts = {}
for i in range(400):
    tree = ast.parse(rng.choice(SOURCES))
    stmt = rng.choice(tree.body)
    mod = ast.Module([mutate(stmt)], [])
    try:
        compile(mod, "<fuzz>", "exec")
        outcome = "ok"
    except (TypeError, ValueError, SyntaxError, RecursionError, OverflowError, AttributeError) as e:
        outcome = type(e).__name__ + ": " + strip_address(str(e))
    counts[outcome] = counts.get(outcome, 0) + 1
    print(i, outcome)
print(len(counts), "distinct outcomes")
