# re: errors: subject types, str/bytes mixing, bad patterns, bad group references.
import re

for call in [lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: re.match('a', 1),
             lambda: re.compile('a').search(None), lambda: re.findall(b'a', 'a'), lambda: re.sub('a', 'b', 3),
             lambda: re.split('a', ['a']), lambda: re.compile('a').match('a', 'x'), lambda: re.compile('a').fullmatch(),
             lambda: re.compile('a').scanner(b'a')]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError:', e)
for pat in ['(', '[a', 'a**', '(?P<1>a)', r'\1', 'x{2,1}', '(?P<n>a)(?P<n>b)', '*', r'\p', '(?z)', '(?P<n>a)(?P=m)', 'a)', r'\8']:
    try:
        re.compile(pat)
    except re.error as e:
        print('error:', e, '| pos', e.pos)
try:
    re.Pattern()
except TypeError as e:
    print('TypeError:', e)
try:
    re.Match()
except TypeError as e:
    print('TypeError:', e)
m = re.match('(a)', 'a')
for g in ['x', 2, -1, None]:
    try:
        m.group(g)
    except IndexError as e:
        print('IndexError:', e)
p = re.compile('a')
m = re.match('(a)(?P<n>b)', 'ab')
for f in [lambda: p.match('a', 10**30), lambda: p.match('a', 'x'), lambda: p.match('a', 1.0), lambda: p.sub('x', 'a', 10**30),
          lambda: m[1:2], lambda: m[True], lambda: m[[1]], lambda: p.split('a', 'x'), lambda: p.findall('aaa', True),
          lambda: p.match('a', endpos=-10**30), lambda: m.group('n', 0, True), lambda: m.span(b'n'), lambda: m.groupdict(1, 2),
          lambda: m.groups(default=5), lambda: m.start(0, 1), lambda: m.expand(), lambda: p.sub('x'), lambda: p.match('a', 0, 1, 2),
          lambda: p.match(string='a', foo=1), lambda: p.search('a', string='a')]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
