# re: long subjects and deep backtracking (no recursion limit, no stack overflow).
import re

print(len(re.findall('a', 'a' * 100000)), re.match('(?:ab)*', 'ab' * 100000).end(), re.match('(a|b)*', 'ab' * 50000).end())
print(re.search('x', 'a' * 100 + 'x').span(), len(re.findall(r'\w+', 'word ' * 20000)), len(re.sub('a', 'bb', 'a' * 100000)))
print(re.match(r'(?:a|b)*c', 'ab' * 100000 + 'c').end(), re.match(r'(a|b)*?c', 'ab' * 50000 + 'c').end())
print(re.match(r'(?:(a)|b)*$', 'ab' * 50000).groups(), re.match(r'(.)*', 'x' * 100000).group(1))
print(re.match('(?s)(.*?)x', 'y' * 100000 + 'x').end(), re.match(r'(?:a+)+$', 'a' * 5000).end())
print(re.match(r'(?:\w+\s?)+$', 'ab ' * 10000 + 'c').end(), re.fullmatch(r'(?:ab|cd)*+', 'abcd' * 10000).end())
print(re.search(r'needle', 'hay' * 100000 + 'needle').span(), len(re.split(r'\s+', 'a  b\t\tc ' * 20000)))
print(re.match(r'(?:x+x+)+y', 'x' * 16), re.match(r'((?:a|b)(?:c|d))*e', 'ac' * 30000 + 'e').span(1))
print(re.match(r'(?>(?:a|b)*)c', 'ab' * 30000 + 'c').end(), re.search(r'(\d+)\D*$', '1' * 50000 + 'x').span(1))
print(re.match(r'(a*)*b', 'a' * 20), re.match(r'(?:a|aa)*c', 'a' * 30 + 'c').end())
