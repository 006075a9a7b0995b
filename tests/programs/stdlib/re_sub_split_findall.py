# re: sub/subn (templates and callables), split, findall, finditer, empty matches.
import re

print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home and ann@work'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'), re.subn(r'\d', lambda m: None, 'a1b2'))
print(re.sub(r'(\w)', r'\1\1', 'ab', count=1), re.sub('a', r'\n', 'bab'), re.sub('a', '\\\\', 'bab'), re.sub(b'a', b'\\0', b'bab'))
print(re.sub('(?P<x>a)', r'[\g<x>\g<1>\g<0>]', 'cac'), re.subn('a', 'b', 'aaaa', 2), re.sub('a', 'b', 'aaa', count=-1))
print(re.sub('x*', '-', 'abc'), re.sub('x*', '-', 'abxd'), re.sub('(?=b)', '^', 'abab'), re.sub('$', '!', 'a\nb\n'))
print(re.split(r'[,;]\s*', 'a, b;c,  d'), re.split('x*', 'axbc'), re.split(r'\b', 'a b'), re.split('(,)', 'a,b', maxsplit=1))
print(re.split(r'(a)|(b)', 'xaybz'), re.split('', 'abc'), re.split(r'\s', ' a b '), re.split(',', 'a,b,c', 1))
print(re.findall(r'\w+', 'hello world, foo_bar 42'), re.findall('', 'abc'), re.findall(r'(a)(b)?', 'ab a'), re.findall(r'(?:a)', 'aa'))
print(re.findall(r'(a|b)*c', 'ababc abc c'), re.findall(r'\d*', 'a12b'), re.findall(r'(\d)(\d)?', '123'))
print([m.span() for m in re.finditer(r'\d*', 'a12b')], [m.group() for m in re.finditer(r'\w+', 'x yy zzz')])
it = re.finditer(r'\d', 'a1b22')
print(type(it).__name__, [m.group() for m in it])
p = re.compile(r'\d+')
print(p.findall('1 22 333', 2), p.findall('1 22 333', 2, 6), [m.span() for m in p.finditer('1 22 333', 3)])
print(p.sub(lambda m: '<%s>' % m.group(), 'a1b22'), p.subn('#', '1 2 3'))
for args in [('a', r'\2', 'a'), ('a', r'\g<x>', 'a'), ('(a)', r'\g<2>', 'a'), ('a', 1, 'a'), ('a', 'x', b'a'), (b'a', 'x', b'a'),
             ('a', lambda m: 1, 'a'), ('a', r'\q', 'a')]:
    try:
        print(repr(re.sub(*args)))
    except Exception as e:
        print(type(e).__name__, e)
m = re.match(r'(\w+) (\w+)', 'Isaac Newton')
print(m.expand(r'\2, \1'), m.expand(r'\g<2> \g<0>'))
class S(str):
    pass
print(re.match('a', S('ab')), type(re.match('a', S('ab')).group()).__name__, re.sub('a', 'b', S('aa')), type(re.sub('a', 'b', S('aa'))).__name__)
