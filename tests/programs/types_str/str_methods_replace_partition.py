s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("", "-"), s.replace("x", "y"))
print("aaa".replace("a", "b", 0), "aaa".replace("a", "b", -1), "".replace("", "x"), "abc".replace("", "|", 2))
print(s.partition(" "), s.rpartition(" "), s.partition("zz"), s.rpartition("zz"))
try:
    s.partition("")
except ValueError as e:
    print("ValueError:", e)
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), sorted(table.items()))
print("hello".translate({ord("l"): None, ord("h"): "J"}), str.maketrans({"a": "1", "b": None}))
print("abc".translate({97: 98}), "abc".translate([None] * 0 + list(range(98, 101))) if False else "skip")
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print("ValueError:", e)
