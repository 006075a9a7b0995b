s = "hello world, hello there"
print(s.find("hello"), s.find("hello", 1), s.find("xyz"), s.rfind("hello"), s.rfind("hello", 0, 10))
print(s.index("world"), s.rindex("o"), s.count("hello"), s.count("l"), s.count(""), s.count("l", 5, 15))
print(s.startswith("hello"), s.startswith("world", 6), s.startswith(("x", "he")), s.endswith("there"), s.endswith(("a", "e"), 0, 5))
print(s.find(""), s.find("", 100), s.rfind(""), "".find(""), s.find("h", -5))
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("zzz")
except ValueError as e:
    print("ValueError:", e)
try:
    s.startswith(["list"])
except TypeError as e:
    print("TypeError:", e)
print("aaaa".count("aa"), "abc".find("c", None, None), "abcabc".rfind("abc", None, 5))
