# re: flags (IGNORECASE, MULTILINE, DOTALL, ASCII, VERBOSE, inline), Unicode case folding.
import re

print(re.match('a', 'A', re.I), re.match('(?i:a)b', 'AB'), re.match('(?-i:a)b', 'aB', re.I), re.match('(?i)a(?-i:b)', 'Ab'))
print(re.search(r'^b', 'a\nb', re.M), re.search(r'a$', 'a\nb', re.M), re.search('a$', 'a\n'), re.search(r'a\Z', 'a\n'))
print(re.findall('.', 'a\nb'), re.findall('.', 'a\nb', re.S), re.findall(r'(?m)^.', 'ab\ncd\n'), re.findall(r'(?m).$', 'ab\ncd\n'))
print(re.compile(r'\w+', re.A).findall('héllo wörld'), re.compile(r'(?u)\w+').findall('héllo wörld'))
print(re.findall(r'\d+', '12 ٣٤ ５'), re.findall(r'(?a)\d+', '12 ٣٤ ５'), re.findall(r'\s+', 'a\u2003b\x1cc'), re.findall(r'(?a)\s+', 'a\u2003b c'))
print(re.findall(r'\b\w+\b', 'naïve café'), re.findall(r'(?a)\b\w+\b', 'naïve café'))
print(re.compile(r'''
    (\d+)   # digits
    \s*     # space
    ([a-z]+) # word
''', re.X).findall('12 ab 3cd'))
pats = [r'(?i)[a-z]+', r'(?i)HELLO', r'(?i)[^k]', r'(?i)k', r'é+', r'(?i)é', r'(?i)ǅ', r'(?i)[ǆ]', r'[😀-😂]+',
        r'(?i)σ+', r'(?i)[à-ë]+', r'(?i)ﬀ', r'(?i)İ', r'(?i)ı', r'(?i)[İı]', r'(?i)s', r'(?i)[st]', r'(?i)K', r'[ÀÉ-Ë]',
        r'(?i)straße', r'(?i)ß', r'(?ia)k', r'(?i)[^\W]+', r'\x41\u00e9\U0001F600', r'(?i)[\u0100-\u017f]+']
subjects = ['Hello HELLO hello', 'ÉéÀàëËK k\u212a', 'σΣς', 'ǅǄǆ', '😀😁😂x', 'ſSsß ẞ', 'İiıI', 'ﬀff', 'AéÉ😀', 'STRASSE', 'ąĄ ſs']
for p in pats:
    r = re.compile(p)
    print(repr(p), [r.findall(s) for s in subjects])
print(re.I, re.I | re.M, re.A.value, re.compile('a', re.I | re.S).flags, re.compile(b'a').flags, re.compile('a').flags)
