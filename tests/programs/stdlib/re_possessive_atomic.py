# re: possessive quantifiers and atomic groups (new in 3.11), with captures.
import re

cases = [
    (r'a++', ['aaa', 'b']), (r'a*+b', ['aaab', 'b', 'aa']), (r'(?>a|ab)c', ['abc', 'ac']), (r'(?:ab|a)++c', ['ababc', 'abac']),
    (r'(?:a++)a', ['aaa']), (r'(?>a+)b', ['aaab']), (r'(a)++', ['aaa']), (r'(?:(a)|b)++', ['abab', 'aab']),
    (r'(\w)?+\d', ['a1', '1']), (r'(?>(\w+)\s)\1', ['ab ab', 'ab ac']), (r'x{2,3}+', ['xxxx']), (r'x{2,3}+x', ['xxxx', 'xxx']),
    (r'(?:a|b)?+b', ['b', 'ab']), (r'(?>(a)|b)*c', ['abac']), (r'(?:(x)|(y))*+z', ['xyz', 'yxz']), (r'(?>.*)', ['abc']),
    (r'(?>a*)*b', ['aab']), (r'(?:a*+)*b', ['aab']), (r'(?>(?:(a)|b)+?)c', ['abc']), (r'a?+a', ['a']), (r'(?:a|b)*+', ['']),
]
for pat, subjects in cases:
    r = re.compile(pat)
    for s in subjects:
        m = r.match(s)
        print(repr(pat), repr(s), m and (m.span(), m.groups()), r.findall(s), r.fullmatch(s) is not None)
