s = "  \t\n hello \r\n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "www.example.com".lstrip("w."), "mississippi".rstrip("ips"))
print(repr("".strip()), repr("   ".strip()), "\u3000x\u3000".strip(), "\x1cx\x85".strip())
print("prefix_body".removeprefix("prefix_"), "prefix_body".removeprefix("nope"), "body.py".removesuffix(".py"), "x".removesuffix(""))
try:
    "x".strip(1)
except TypeError as e:
    print("TypeError:", e)
