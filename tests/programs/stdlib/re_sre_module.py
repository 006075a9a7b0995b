# _sre: the module interface Lib/re/_compiler.py relies on.
import _sre

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize(), repr(_sre.copyright))
print(sorted(n for n in dir(_sre) if not n.startswith('__')))
for v in [65, 97, 0x130, 0xdf, 0x3a3, 0x1e9e, 0x212a, 0x110000, -1, True]:
    print(v, _sre.ascii_iscased(v), _sre.unicode_iscased(v), _sre.ascii_tolower(v), _sre.unicode_tolower(v))
lower = [c for c in range(0x110000) if _sre.unicode_tolower(c) != c]
cased = [c for c in range(0x110000) if _sre.unicode_iscased(c)]
print(len(lower), sum(lower), sum(_sre.unicode_tolower(c) for c in lower), len(cased), sum(cased))
for bad in ['a', 2**40, 1.5]:
    try:
        _sre.unicode_iscased(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
# A pattern built directly from code words: LITERAL 'a', SUCCESS.
q = _sre.compile(None, 0, [16, 97, 1], 0, {}, (None,))
print(q, q.match('ab'), q.search(b'ba'), q.pattern, q.groups, q.groupindex, q.flags)
for code in [(1,), [2**32], [-1], ['x'], [2**70]]:
    try:
        _sre.compile('a', 0, code, 0, {}, ())
    except Exception as e:
        print(type(e).__name__, e)
for code in [[18, 1], [99], [15, 0, 1], [7, 0, 1], [16, 97]]:
    try:
        print(_sre.compile('x', 0, code, 0, {}, (None,)).match('abc'))
    except RuntimeError as e:
        print('RuntimeError', e)
