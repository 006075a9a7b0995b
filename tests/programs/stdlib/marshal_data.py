# marshal.dumps of data values must be byte-identical to CPython's, for every
# version; values are built at run time so that reference counts (which
# decide FLAG_REF) are the same in both implementations.
import marshal

def s(*parts):
    return ''.join(parts)

def big(n):
    return int('1' + '0' * n)

values = [
    None, True, False, ..., StopIteration,
    0, 1, -1, 255, 256, -5, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**32,
    2**45, -(2**45), 2**62, 2**63, -(2**63), 2**64, 2**100, -(2**100) + 7,
    big(30), -big(50), 2**15, 2**30, 2**30 - 1, 2**60 + 2**15,
    1.5, -0.0, 0.0, float('inf'), float('-inf'), float('nan'), 1e300, 0.1, 1e16, 1e-7, 5e-324, 123456789.125,
    complex(1, 2), complex(-0.0, float('inf')), 1j, complex(0.1, -2.5e100),
    s('abc'), s(''), s('a b c'), s('é'), s('\u20ac', 'x'), s('\U0001f600'), s('\ud800'), s('a\udfffb'),
    s('x') * 300, s('y') * 255, s('z') * 256, s('q') * 70000, s('é') * 300,
    b'', b'abc', bytes(range(256)), bytearray(b'xy'), memoryview(b'mv'),
    (), (1,), (1, 2, s('a')), tuple(range(300)), tuple(range(256)), tuple(range(255)),
    [], [1, [2, [3]]], list(range(20)),
    {}, {s('a'): 1, s('b'): [1, 2]}, {1: 2, 3: (4, 5)}, {(1, 2): None},
    set(), {1, 2, 3}, {256, 1, 513}, frozenset(), frozenset({s('a'), s('b')}), frozenset(range(-5, 20)),
    {s('x'), s('yy'), s('aaaaa'), s('q')}, {1.5, 2.5, -1.0}, {(1, 2), (3,), ()}, frozenset({b'a', b'bb', s('a')}),
    {1, s('a'), 2.0, b'b', (1,)}, {2**40, -2**40, 0},
]

for v in values:
    for version in range(5):
        print(version, type(v).__name__, marshal.dumps(v, version).hex())

# Sharing: the same object twice becomes a reference from version 3 on.
x = [s('shared')]
t = (x, x, s('lonely'))
for version in range(5):
    print('shared', version, marshal.dumps(t, version).hex())
y = big(40)
z = [y, y, y]
print('shared int', marshal.dumps(z).hex())
inner = (1, 2)
outer = [inner, [inner], {s('k'): inner}]
print('nested share', marshal.dumps(outer).hex())

# Interned strings (identifiers) get the interned type codes.
import sys
name = sys.intern(s('ident', 'ifier'))
print('interned', marshal.dumps(name).hex(), marshal.dumps([name, name]).hex())
print('interned v2', marshal.dumps(name, 2).hex(), marshal.dumps(name, 3).hex())
print('interned non-ascii', marshal.dumps(sys.intern(s('é', 'x')), 3).hex())

# Recursive structures.
r = []
r.append(r)
print('self list', marshal.dumps(r).hex())
d = {}
d[1] = d
print('self dict', marshal.dumps(d).hex())
rt = ([],)
rt[0].append(rt)
print('tuple cycle', marshal.dumps(rt).hex())

# Version numbers outside 0-4 are accepted.
print(marshal.dumps(7, -1).hex(), marshal.dumps(7, 99).hex())
print(marshal.version)

# Round trips.
for v in values:
    if isinstance(v, memoryview):
        continue
    for version in range(5):
        w = marshal.loads(marshal.dumps(v, version))
        same = (w == v) or (v != v and w != w)
        if isinstance(v, bytearray):
            same = type(w) is bytes and w == v
        elif type(w) is not type(v):
            same = False
        if not same:
            print('MISMATCH', version, repr(v)[:60], repr(w)[:60])
print('round trips done')
print('fresh interned', marshal.dumps(sys.intern(s('a', 'x', 'q'))).hex(), marshal.dumps(s('a', 'x', 'q')).hex())
