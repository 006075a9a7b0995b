import re
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"\s+", " ", "a   b\t\nc"), re.split(r"[,;]", "a,b;c"))
m = re.match(r"(?P<key>\w+)=(?P<val>\w+)", "name=value rest")
print(m.group(0), m.group("key"), m.groups(), m.groupdict(), m.span(), m.start(2))
print(re.search(r"b+", "aabbbcc").group(), re.fullmatch(r"\d{3}", "123") is not None, re.fullmatch(r"\d{3}", "1234"))
pat = re.compile(r"(\w)(\w)", re.IGNORECASE)
print(pat.sub(r"\2\1", "abcd"), [m.group() for m in pat.finditer("ABcd")], pat.pattern, bool(pat.flags & re.I))
print(re.escape("a.b*c"), re.sub(r"(\d)", lambda m: str(int(m.group()) * 2), "1 2 3"))
