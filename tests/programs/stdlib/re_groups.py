# re: groups, named groups, Match attributes and methods.
import re

p = re.compile(r'(?P<word>\w+)\s(?P<num>\d+)?')
m = p.search('  hello 42 world')
print(m)
print(m.group(), m.group(0, 1, 'num'), m[1], m['word'], m.start('num'), m.end(2), m.span('word'))
print(repr(m.string), m.re, m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs)
print(m.expand(r'\g<num>-\1-\g<word>'), m.groups(), m.groupdict())
m2 = p.match('abc ')
print(m2.groups(), m2.groups('X'), m2.groupdict('D'), m2.span(2), m2.start(2), m2.group(2))
print(m2.lastgroup, m2.lastindex)
for bad in (3, -1, 'nope', 1.5):
    try:
        m.group(bad)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    m[5]
except IndexError as e:
    print('IndexError', e)
print(p.pattern, p.flags, p.groups, p.groupindex, type(p.groupindex).__name__, re.compile('a').groupindex)
print(re.match(r'(a)(b)?(c)?', 'ac').groups(), re.match(r'(a)(b)?(c)?', 'ac').lastindex)
print(re.match(r'((a)|(b))+', 'ab').groups(), re.match(r'(?:(a)|b)+', 'ab').groups())
print(re.match(r'(?P<a>x)(?P<b>y)?', 'x').lastgroup, re.match(r'(x)(?P<b>y)', 'xy').lastgroup)
print(re.match(r'(a(b(c)))', 'abc').regs, re.match(r'(a(b(c)))', 'abc').lastindex)
print(re.match(r'(\w)(?=(\w))', 'ab').groups(), re.match(r'(?:(a)|(b)|(c))*', 'abc').groups())
print(re.match(r'(a)|(b)', 'b').span(1), re.match(r'(a)|(b)', 'b').start(1))
print(re.match('(?P<n>a)', 'a').groupdict(), re.match('(?P<n>a)|b', 'b').groupdict(0))
