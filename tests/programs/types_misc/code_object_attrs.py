def f(a, b, /, c, *args, d=1, **kw):
    x = a + b
    def g():
        return x + c
    return g

def gen():
    yield 1

co = f.__code__
print(co.co_name, co.co_qualname, co.co_filename)
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames)
print(co.co_cellvars, co.co_freevars)
g = f(1, 2, 3)
print(g.__code__.co_freevars, g.__code__.co_qualname, g.__code__.co_names)
print(co.co_firstlineno, g.__code__.co_firstlineno)
print(bool(gen.__code__.co_flags & 0x20), bool(co.co_flags & 0x20))
print(bool(co.co_flags & 0x04), bool(co.co_flags & 0x08))
print(type(co.co_code).__name__, len(co.co_code) % 2 == 0)
print(type(co.co_linetable).__name__, type(co.co_exceptiontable).__name__)
print(None in co.co_consts or 1 in co.co_consts or True)
lines = list(co.co_lines())
print(all(len(t) == 3 for t in lines), lines[0][0] == 0, lines[-1][1] == len(co.co_code))
print(sorted({t[2] for t in lines if t[2] is not None}))
pos = list(co.co_positions())
print(len(pos) == len(co.co_code) // 2, all(len(p) == 4 for p in pos))
c2 = co.replace(co_name="renamed", co_filename="other.py")
print(c2.co_name, c2.co_filename, co.co_name, c2.co_varnames == co.co_varnames)
print(co == co.replace(), co == c2, co != c2, hash(co) == hash(co.replace()))
print(co.replace(co_code=co.co_code, co_linetable=co.co_linetable) == co)
def h(): return 42
h.__code__ = h.__code__.replace(co_consts=tuple(43 if c == 42 else c for c in h.__code__.co_consts))
print(h())
try:
    co.replace(co_name=5)
except TypeError as e:
    print("TypeError")
try:
    co.replace(bogus=1)
except TypeError as e:
    print(e)
print(co.__sizeof__() > 0)
print((lambda: 0).__code__ == (lambda: 0).__code__)
