# marshal.loads/load reject malformed input with CPython's exception types
# and messages; dumps/dump argument and value errors.
import io
import marshal

def show(f, *args):
    try:
        r = f(*args)
        print('ok', repr(r)[:80])
    except Exception as e:
        print(type(e).__name__, str(e)[:100])

# (Length fields far beyond the data are tested in stdlib/tests/marshal_props.rs:
# CPython allocates them before reading, which may exhaust memory.)
bad_inputs = [
    b'', b'q', b'\x00', b'\xff', b'?',
    b'i', b'i\x01\x00', b'\xe9\x01\x00', b'I\x01\x00\x00\x00\x00\x00\x00\x80', b'I\x01',
    b'l', b'l\x01\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x80',
    b'l\x02\x00\x00\x00\x01\x00\x00\x00', b'l\x00\x00\x00\x80',
    b'l\xfe\xff\xff\xff\x01\x00\x02\x00', b'l\x00\x00\x00\x00',
    b'g\x00', b'g' + b'\x00' * 8, b'y' + b'\x00' * 12, b'f', b'f\x03abc', b'f\x05 1.5 ', b'f\x041_00', b'f\x031e5', b'f\x04-inf',
    b'x\x011\x02-0', b'x\x011', b'f\x03nan', b'f\x051.5\x00z',
    b's', b's\x05\x00\x00\x00ab', b's\xff\xff\xff\xff',
    b'u\x01\x00\x00\x00\xff', b'u\x03\x00\x00\x00\xed\xa0\x80', b'u\x00\x00\x00\x00', b'u\x02\x00\x00\x00\xc3',
    b'z', b'z\x05ab', b'z\x02\xe9\xff', b'a\x02\x00\x00\x00ab', b'a\xff\xff\xff\xff', b'A\x01\x00\x00\x00x', b'Z\x03abc',
    b't\x02\x00\x00\x00\xc3\xa9', b't\xfe\xff\xff\xff',
 b'(\x00\x00\x00\x80', b'[\xff\xff\xff\xff', b'<\x00\x00\x00\x80',
    b')', b')\x02N', b'(\x02\x00\x00\x00N', b'(\x01\x00\x00\x000', b'[\x01\x00\x00\x000', b'<\x01\x00\x00\x000',
    b'>\x01\x00\x00\x000', b'{N0', b'{0', b'{N', b'{', b'{[\x00\x00\x00\x00N0', b'<\x01\x00\x00\x00[\x00\x00\x00\x00',
    b'>\x02\x00\x00\x00i\x01\x00\x00\x00i\x01\x00\x00\x00', b'{i\x01\x00\x00\x00Ni\x01\x00\x00\x00T0',
    b'r\x00\x00\x00\x00', b'r', b'r\xff\xff\xff\xff', b'\xa8\x01\x00\x00\x00r\x00\x00\x00\x00',
    b'\xdb\x01\x00\x00\x00r\x00\x00\x00\x00', b'\xbe\x01\x00\x00\x00r\x00\x00\x00\x00',
    b'\xfb\xda\x01ar\x01\x00\x00\x00i\x01\x00\x00\x000', b'[\x02\x00\x00\x00\xe9\x07\x00\x00\x00r\x00\x00\x00\x00',
    b'[\x02\x00\x00\x00\xe9\x07\x00\x00\x00r\x01\x00\x00\x00',
    b'0', b'N0', b'NN', b'c', b'c\x00\x00', b'S', b'.', b'T', b'F',
]
deep_inputs = [b'[\x01\x00\x00\x00' * 2100 + b'N', b')\x01' * 1999 + b'N', b')\x01' * 2000 + b'N', b'[\x01\x00\x00\x00' * 1999 + b'N']
for data in deep_inputs:
    try:
        print(type(marshal.loads(data)).__name__)
    except Exception as e:
        print(type(e).__name__, e)
for data in bad_inputs:
    print(data[:24], end=' ')
    show(marshal.loads, data)
    f = io.BytesIO(data)
    print('  load', end=' ')
    show(marshal.load, f)
    print('  left', len(data) - f.tell())

# Self-referencing containers read back as CPython builds them.
t = marshal.loads(b'\xa8\x01\x00\x00\x00r\x00\x00\x00\x00')
print(t, t[0] is t)
l = marshal.loads(b'\xdb\x01\x00\x00\x00r\x00\x00\x00\x00')
print(l, l[0] is l)
d = marshal.loads(b'\xfb\xda\x01ar\x00\x00\x00\x000')
print(d, d['a'] is d)

# Argument errors.
show(marshal.dumps)
show(marshal.dumps, 1, 2, 3)
show(marshal.dumps, 1, 'x')
show(marshal.dumps, 1, 2.0)
show(marshal.dumps, 1, 2 ** 40)
show(marshal.dumps, 1, True)
show(marshal.loads, 'x')
show(marshal.loads, 1)
show(marshal.loads)
show(marshal.loads, b'N', 1)
show(lambda: marshal.dumps(1, version=2))
show(lambda: marshal.loads(bytes=b'N'))
show(marshal.dump, 1)
show(marshal.dump, 1, 2, 3, 4)
show(marshal.load)
show(marshal.load, 1)
show(marshal.load, io.StringIO('x'))
show(marshal.dump, 1, io.StringIO())
show(marshal.loads, bytearray(b'i\x05\x00\x00\x00'))
show(marshal.loads, memoryview(b'xi\x05\x00\x00\x00')[1:])
show(marshal.loads, b'i\x05\x00\x00\x00trailing')

# Unmarshallable values.
class MyInt(int):
    pass
class MyStr(str):
    pass
for v in [object(), MyInt(3), MyStr('s'), [1, object()], {1: type}, {'k': {1, 2, print}}, range(3), 1 .__add__,
          {frozenset({object()})}, io.BytesIO()]:
    show(marshal.dumps, v)
deep = []
for i in range(2100):
    deep = [deep]
show(marshal.dumps, deep)
ok_deep = []
for i in range(1998):
    ok_deep = [ok_deep]
print(len(marshal.dumps(ok_deep)))
ok_deep = [ok_deep]
show(marshal.dumps, ok_deep)
print(type(marshal.loads(marshal.dumps(ok_deep[0]))).__name__)

# dump/load on files: several objects in sequence.
f = io.BytesIO()
for v in [1, 'two', (3.0, [4]), {5: 6}]:
    print(marshal.dump(v, f, 2))
marshal.dump({7}, f)
f.seek(0)
print(f.getvalue().hex())
for i in range(5):
    print(marshal.load(f))
show(marshal.load, f)

# Bytes written by CPython 3.11 for data values read back.
cpython = [
    'e902000000e9ffffffffe3',
    'f4' + '05000000' + '68656c6c6f',
    'a903e901000000e902000000da0161',
    'fb' + 'da0161' + 'e901000000' + 'da0162' + '5b02000000' + 'e902000000' + '72020000003' + '0',
    'bc03000000e901000000e902000000e903000000',
    '6c030000000100020003000000',
    'e7000000000000f83f',
    'f9000000000000f03f0000000000000040',
    '7a03616263',
    '7503000000e282ac',
    '490300000000000000',
    '4901000000000000c0',
    '7306000000627974657321',
]
for h in cpython:
    try:
        data = bytes.fromhex(h)
    except ValueError as e:
        print('hex', e)
        continue
    show(marshal.loads, data)
