# re: back-references, conditionals, lookahead and lookbehind.
import re

cases = [
    (r'(\w)\1', ['aa', 'ab', 'xyyz']),
    (r'(?i)(\w)\1', ['aA', 'Ab']),
    (r'(?P<x>a+)-(?P=x)', ['aa-aa', 'aa-a', 'a-aa']),
    (r'(a)?(?(1)b|c)', ['ab', 'c', 'b', 'ac']),
    (r'(?P<q>")?\w+(?(q)")', ['"abc"', 'abc', '"abc']),
    (r'(?=abc)\w+', ['abcd', 'abd']),
    (r'(?!abc)\w+', ['abcd', 'abd']),
    (r'(?<=\d)\w', ['1a', 'aa']),
    (r'(?<!\d)\w+', ['1ab', 'ab']),
    (r'(?<=a)b', ['ab cb ab']),
    (r'(?<!a)b', ['ab cb ab']),
    (r'(?<=(a))b', ['ab']),
    (r'(?=(\w+))\w', ['abc']),
    (r'(a)(?!\1)\w', ['aa', 'ab']),
    (r'\b(\w+)\s+\1\b', ['the the cat', 'the then']),
    (r'(?<=,)\w*', ['a,,b']),
    (r'(?:(a)|b)(?(1)x|y)', ['ax', 'by', 'ay', 'bx']),
    (r'(a*)\1', ['aaaa', 'aaa']),
    (r'(?<![a-z])\d+(?![a-z])', ['12 a34 56b 78']),
]
for pat, subjects in cases:
    r = re.compile(pat)
    for s in subjects:
        m = r.search(s)
        print(repr(pat), repr(s), m and (m.span(), m.groups()), r.findall(s))
try:
    re.compile(r'(?<=a+)b')
except re.error as e:
    print('error:', e)
