# re: bytes patterns over bytes, bytearray and memoryview subjects.
import re

for p in [rb'\w+', rb'(?i)[a-z]+', rb'\d', rb'\s+', rb'(?L)\w+', rb'(?iL)a', rb'\bx\b', rb'[\x80-\xff]+', rb'(.)\1']:
    r = re.compile(p)
    for s in [b'', b'abc def', b'ABC \xe9\xff x', b'x\x80\x81 aa', bytearray(b'hello world'), memoryview(b'ab  cd')]:
        print(p, bytes(s), r.findall(s), r.sub(b'#', s), r.split(s), [m.span() for m in r.finditer(s)])
m = re.match(b'[a-z]+', b'hello world')
print(m, m.group(), m.span(), re.compile(b'x+', re.I))
m = re.search(rb'(\d+)', bytearray(b'ab12cd'))
print(m.group(1), type(m.group(1)).__name__, type(m.string).__name__)
print(re.sub(b'x', b'y', bytearray(b'axb')), re.sub(b'x', b'y', bytearray(b'')), re.split(b',', memoryview(b'a,b')))
print(re.escape(b'a.b'), re.findall(rb'(?i)\xe9', b'\xc9\xe9'), re.fullmatch(rb'\w+', b'caf\xe9'))
# A bytearray subject is exported while matched: it cannot be resized meanwhile.
b = bytearray(b'a1b2')
it = re.finditer(rb'\d', b)
try:
    b.extend(b'x')
except BufferError as e:
    print('BufferError', e)
print([m.group() for m in it])
del it
b.extend(b'3')
print(b)
m = re.search(rb'\d', b)
b.extend(b'4')
print(m.group(), m.string)
b2 = bytearray(b'aXbXc')
def grow(m):
    b2.extend(b'zz')
    return b'-'
try:
    print(re.sub(rb'X', grow, b2))
except BufferError as e:
    print('BufferError', e)
try:
    re.search(rb'c', memoryview(b'abcdef')[::2])
except TypeError as e:
    print('TypeError', e)
print(re.search(rb'c', memoryview(b'abcdef')[1:4]))
big = bytearray(b'ab12cd' * 20000)
print(sum(len(m.group()) + len(m[0]) for m in re.finditer(rb'\d+', big)))
