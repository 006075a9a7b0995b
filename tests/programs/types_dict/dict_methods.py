d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 99), d)
print(d.pop("a"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, d.popitem(), d)
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), d.copy() == d, d.copy() is d)
d2 = d.copy()
d2.clear()
print(d2, len(d), "b" in d, "q" not in d)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
print(list(reversed({"p": 1, "q": 2})), {"a": 1} | {"b": 2}, {"a": 1} | {"a": 3})
d3 = {"a": 1}
d3 |= {"b": 2}
d3 |= [("c", 3)]
print(d3)
try:
    {"a": 1} | [("b", 2)]
except TypeError as e:
    print("TypeError:", e)
print(dict(a=1, b=2), dict([("k", "v")]), dict({"m": 1}, n=2), dict(zip("ab", range(2))))
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
