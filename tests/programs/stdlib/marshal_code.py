# Code objects survive marshal: the loaded code runs exactly as the source.
import marshal
import traceback

SRC = r'''
import traceback
def outer(n):
    total = 0
    def inner(k):
        nonlocal total
        total += k
        return total
    for i in range(n):
        inner(i)
    return total, inner.__code__.co_freevars

def gen(n):
    x = yield 'start'
    for i in range(n):
        x = yield i * (x or 1)
    return 'done'

class Point:
    """A point."""
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'Point({self.x!r}, {self.y:>3})'
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

def describe(v):
    match v:
        case Point(x=0, y=0):
            return 'origin'
        case Point(x=a, y=b) if a == b:
            return f'diag {a}'
        case [1, *rest]:
            return f'list starting 1, rest {rest}'
        case {'k': val, **others}:
            return f'map {val} {sorted(others)}'
        case str() | bytes():
            return 'text'
        case _:
            return 'other'

def groups():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print('values', [str(x) for x in e.exceptions])
    except* TypeError as e:
        print('types', [str(x) for x in e.exceptions])

def cleanup():
    log = []
    for i in range(3):
        try:
            if i == 1:
                continue
            log.append(i)
        finally:
            log.append('f%d' % i)
    with open(__file__ if False else '/dev/null') as f:
        log.append(f.read())
    return log

async def coro(x):
    return x + 1

def fails(d):
    return d['a']['b'] + 1

try:
    fails({'a': {'c': 1}})
except KeyError:
    traceback.print_exc(file=__import__('sys').stdout)
x = 1
assert x == 1
try:
    arg = {'a': {'b': None}}
    fails(arg)
except TypeError:
    traceback.print_exc(file=__import__('sys').stdout)
print(outer(5))
g = gen(3)
print(next(g), g.send(10), g.send(None), g.send(2))
try:
    g.send(0)
except StopIteration as e:
    print('stop', e.value)
p = Point(3, 4)
print(p, p.norm, Point.__doc__, Point.__qualname__, Point.__init__.__code__.co_varnames)
for v in [Point(0, 0), Point(2, 2), [1, 2, 3], {'k': 1, 'z': 2, 'a': 3}, 'abc', 3.5]:
    print(describe(v))
groups()
print(cleanup())
print([x * y for x in range(3) for y in range(3) if x != y], {k: k * 2 for k in 'ab'}, {x % 3 for x in range(9)})
print(list(x + 1 for x in range(4)), (lambda *a, k=2, **kw: (a, k, kw))(1, 2, z=3))
c = coro(41)
try:
    c.send(None)
except StopIteration as e:
    print('coro', e.value)
print(f'{1 + 1 = }', f"{'nested' + f'{3:04d}'}", 0.1 + 0.2, 10 ** 30, b'\x00\xff', 1e100, -0.0, 2j)
def kw(a, /, b, *, c=3):
    return a, b, c
print(kw(1, b=2), kw.__defaults__, kw.__kwdefaults__, kw.__code__.co_posonlyargcount, kw.__code__.co_kwonlyargcount)
'''

def run(code):
    try:
        exec(code, {'__name__': 'prog', '__file__': 'prog.py'})
    except Exception:
        traceback.print_exc(file=__import__('sys').stdout)

# Tracebacks quote the source (with carets) through linecache.
import linecache
linecache.cache['prog.py'] = (len(SRC), None, SRC.splitlines(True), 'prog.py')
co = compile(SRC, 'prog.py', 'exec')
data = marshal.dumps(co)
co2 = marshal.loads(data)
print(type(co2).__name__, co2 == co)
for attr in ['co_name', 'co_qualname', 'co_filename', 'co_firstlineno', 'co_argcount',
             'co_posonlyargcount', 'co_kwonlyargcount', 'co_nlocals', 'co_varnames',
             'co_cellvars', 'co_freevars', 'co_names', 'co_flags', 'co_stacksize', 'co_code',
             'co_linetable', 'co_exceptiontable']:
    if getattr(co, attr) != getattr(co2, attr):
        print('attribute differs:', attr)
print(list(co.co_positions()) == list(co2.co_positions()), list(co.co_lines()) == list(co2.co_lines()))
nested = [c for c in co2.co_consts if type(c) is type(co2)]
print(sorted(c.co_name for c in nested))
print('--- direct')
run(co)
print('--- via marshal')
run(co2)
print('--- via marshal twice')
run(marshal.loads(marshal.dumps(co2)))

# Functions' own code objects, eval-mode code.
def f(a, b=2):
    return [a + b, (lambda: a)()]
g = type(f)(marshal.loads(marshal.dumps(f.__code__)), globals())
print(g(1, 5), g.__name__, g.__code__ == f.__code__)
print(eval(marshal.loads(marshal.dumps(compile('[i * 2 for i in range(3)]', 'e', 'eval')))))
# A code object inside a container, shared with references.
t = marshal.loads(marshal.dumps((co, co, [co])))
print(t[0] is t[1], t[2][0] is t[0], t[0] == co)
