s = "ab" * 50000
print(len(s), s[:6], s[-3:], s.count("ab"))
parts = []
for i in range(1000):
    parts.append(str(i))
joined = "".join(parts)
print(len(joined), joined[:15], joined[-10:])
acc = ""
for i in range(2000):
    acc += "x"
print(len(acc))
print(("abc" * 3).replace("b", "") , "-" * 20)
try:
    "x" * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print("error raised:", type(e).__name__ in ("MemoryError", "OverflowError"))
