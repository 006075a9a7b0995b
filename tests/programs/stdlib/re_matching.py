# re: match/search/fullmatch over many patterns and subjects (str).
import re

pats = [r'a*', r'a*?', r'a+?b', r'(a|ab)(c|bcd)(d*)', r'(a+)+b', r'((a)|b)*', r'(?:(a)|(b))+', r'(a*)*', r'(a*)+',
        r'(a|b)*?c', r'\bfoo\b', r'\Bo\B', r'^\w+$', r'(?m)^\w+$', r'(?s).+', r'.+', r'\d{2,3}', r'\d{2,3}?', r'x{0,}',
        r'[^a-c]+', r'[\w.-]+@[\w.-]+', r'(?x) a b c  # comment', r'\s+', r'\S+', r'\W+', r'\D+', r'[\s\S]', r'$', r'\Z',
        r'\A\w', r'(?:a{2})*', r'(a{2}){2,}', r'(a?)+?b', r'(?:(?:a|b)*?)c', r'(?:x|y)*z', r'[a\]]+', r'(a)|(b)',
        r'(a)(b)?', r'(?:a|()){3}', r'()', r'(?:)', r'\\', r'[^\W\d_]+']
subjects = ['', 'a', 'aaa', 'ab', 'abcd', 'aab', 'aaab', 'abc abcd', 'foo bar foobar', 'hello\nworld\n',
            '12 345 6789', 'x@y.com, a.b-c@d.org', 'bbbc aac', 'a\\b', 'abababc', 'yxyxz', 'a]b]]']
for p in pats:
    r = re.compile(p)
    for s in subjects:
        m, se, fm = r.match(s), r.search(s), r.fullmatch(s)
        print(repr(p), repr(s),
              m and (m.span(), m.groups(), m.lastindex),
              se and (se.span(), se.groups()),
              fm and fm.span())
