s = "pyth€n"
print([c for c in s], len(s), s[5], s[-1], s.index("€"))
try:
    s[6]
except IndexError as e:
    print("IndexError:", e)
try:
    s["a"]
except TypeError as e:
    print("TypeError:", e)
print(s[1:100], s[-100:2], s[::-2], s[2:2] == "")
it = iter("ab")
print(next(it), next(it), next(it, "end"))
print("".join(reversed(s)), sorted(set("mississippi")))
print(list(enumerate("xy", 1)), dict(zip("ab", "cd")))
print(s.__iter__().__class__.__name__, type(iter("")).__name__)
big = "é" * 1000 + "a"
print(len(big), big[-1], big[500], big.count("é"))
print(ord(max("Zaé€")), "\U0001F600" > "\uffff", len("\U0001F600"))
