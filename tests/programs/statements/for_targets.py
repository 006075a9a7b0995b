d = {}
for d["k"] in range(3):
    pass
print(d)
class O: pass
o = O()
for o.attr in "ab":
    pass
print(o.attr)
lst = [0, 0, 0]
for i, lst[i] in enumerate("xyz"):
    pass
print(lst)
for (a, b), c in [((1, 2), 3)]:
    print(a, b, c)
for a, *b in ["abc", "de"]:
    print(a, b)
for _ in range(2):
    print("underscore")
it = iter([1, 2, 3, 4])
for x in it:
    print("x", x, "skip", next(it, None))
