print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("abc".center(6, "-")), repr("ab".center(1)))
print(repr("ab".ljust(5)), repr("ab".rjust(5, "0")), repr("ab".ljust(1)))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5), "".zfill(3), "-".zfill(3))
print("a\tb\tc".expandtabs(), "a\tb".expandtabs(4), "ab\tc\nd\te".expandtabs(3), "\t".expandtabs(0))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
