d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d["d"] = 4
print(list(k), list(v), list(i), len(k))
print(sorted(k & {"a", "x"}), sorted(k | {"x"}), sorted(k - {"a"}), sorted(k ^ {"a", "z"}))
print(sorted(i & {("a", 1), ("b", 9)}), ("a", 1) in i, ("a", 2) in i, "a" in k, 1 in v)
print(k == {"a", "b", "c", "d"}, k <= {"a", "b", "c", "d", "e"}, k.isdisjoint({"q"}))
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(list(reversed(k)), list(reversed(v)), list(reversed(i))[:1])
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for key in d.keys():
        del d[key]
except RuntimeError as e:
    print("RuntimeError:", e)
print(v == v, d.values() == d.values())
print(type(k.mapping).__name__, sorted(k.mapping))
print({1: 2}.keys() - [1], {}.items() | {(1, 2)})
