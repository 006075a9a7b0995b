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
