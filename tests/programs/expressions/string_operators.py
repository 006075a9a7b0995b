s = "abc"
print(s + "def", s * 2, 2 * s, s * 0, s * -1)
print("b" in s, s[0], s[-1], s[1:], len(s))
print("abc" < "abd", "abc" < "ab", "Z" < "a", "é" > "z")
print("%s-%s" % ("a", "b"), "%d%%" % 50)
print("a" "b", "".join(["x", "y"]))
print(s == "abc", s != "abc", s is not None)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError:", e)
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
print(max("hello"), min("hello"), sorted("hello"))
