# Argument checking of the _codecs functions (positional-only, str or None
# errors, int flags that must fit a C int), with CPython's messages.
import codecs
import _codecs

calls = [
    lambda: codecs.utf_8_decode(b'', None, 1.5),
    lambda: codecs.utf_8_decode(b'', None, 'x'),
    lambda: codecs.utf_16_encode('a', None, 1.5),
    lambda: codecs.utf_16_encode('a', None, 2**70),
    lambda: codecs.utf_8_decode(b'\xc3', None, 2**70),
    lambda: codecs.utf_8_decode(b'\xc3', None, True),
    lambda: codecs.utf_8_encode(s='x'),
    lambda: codecs.utf_8_encode('x', errors='strict'),
    lambda: codecs.utf_8_encode(),
    lambda: codecs.utf_8_encode('a', 'strict', 3),
    lambda: codecs.utf_8_encode('a', b'strict'),
    lambda: codecs.latin_1_decode('abc'),
    lambda: codecs.latin_1_decode(5),
    lambda: codecs.ascii_encode(b'abc'),
    lambda: codecs.lookup(1),
    lambda: codecs.lookup_error(1),
    lambda: codecs.register_error(1, print),
    lambda: codecs.register_error("x"),
    lambda: codecs.charmap_build(1),
    lambda: codecs.charmap_decode(b'a', 'strict', 5),
    lambda: codecs.encode(b'x', 1),
    lambda: codecs.encode(),
    lambda: codecs.encode('x', errors=3),
    lambda: codecs.encode(obj='x', encoding='latin-1'),
    lambda: codecs.decode(obj=b'\xe9', encoding='latin-1', errors='strict'),
    lambda: codecs.decode(b'x', 'utf-8', 'strict', 4),
    lambda: codecs.escape_decode(1),
    lambda: codecs.escape_encode('s'),
    lambda: codecs.readbuffer_encode(memoryview(b'ab')),
    lambda: codecs.utf_16_ex_decode(b'\xfe\xff\x00a', None, 5),
    lambda: codecs.utf_32_ex_decode(b'a\x00\x00\x00', None, -3, True),
    lambda: _codecs._forget_codec('utf-8'),
    lambda: codecs.lookup('utf-8').name,
]
for i, f in enumerate(calls):
    try:
        print(i, ascii(f()))
    except Exception as e:
        print(i, type(e).__name__, e)

print(codecs.utf_8_encode.__module__, codecs.strict_errors.__module__, codecs.strict_errors.__name__, codecs.strict_errors.__self__)
print(type(codecs.charmap_build("\x00abc")).__qualname__, codecs.charmap_build("\x00abc").size())
