s = "Hello"
print(len(s), s[0], s[-1], s[1:3], s * 2, s + "!", "ell" in s, list(reversed(s)))
print(str(), str(1), str(1.5), str(None), str([1, "a"]), str(b"x"), str(b"caf\xc3\xa9", "utf-8"), str(b"ab", encoding="ascii"))
print(ord("a"), chr(97), ord("€"), chr(8364), ord("\U0001F600"), chr(0x1F600) == "\U0001F600")
print(min("bca"), max("bca"), sorted("bca"), "abc" < "abd", "a" * 0 == "")
print(str.__len__("abc"), "abc".__contains__("b"), "abc".__getitem__(1))
print("x".__add__("y"), "ab".__mul__(2), "ab".__rmul__(3), "%s" .__mod__(5))
for i, ch in enumerate("ab"):
    print(i, ch)
print("a" "b" == "ab", "abc".__eq__(5), "abc".__hash__() == hash("abc"))
print(repr(str(object=b"bytes-arg")))
print("%s" % "x", "abc"[::-1], "abcdef"[1::2])
