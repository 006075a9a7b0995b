sq = {x: x * x for x in range(5)}
print(sq)
inv = {v: k for k, v in sq.items()}
print(inv)
print({k: v for k, v in [("a", 1), ("a", 2)]})
d = {"x": 1}
d.update(x=2, y=3)
print(d)
print({**{"a": 1, "b": 2}, "a": 3})
print(dict.fromkeys(range(3), []))
shared = dict.fromkeys("ab", [])
shared["a"].append(1)
print(shared)
counts = {}
for w in "the cat the hat the".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
grouped = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    grouped.setdefault(w[0], []).append(w)
print(grouped)
