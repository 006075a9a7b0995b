# Dict work: insert, lookup, update and delete with int keys and str keys;
# get/setdefault/in; iteration over keys/values/items; dict comprehensions;
# counting words; and dicts used as records.


def main():
    d = {}
    n = 1_000_000
    for i in range(n):
        d[i * 7] = i
    acc = 0
    for i in range(n):
        acc += d[i * 7]
        if (i * 5) in d:
            acc += 1
        acc += d.get(i * 3 + 1, 0)
    for k in list(d.keys())[: n // 2]:
        del d[k]
    acc += len(d)
    for k, v in d.items():
        acc += (k ^ v) & 15
    for v in d.values():
        acc += v & 1

    keys = ["key%d" % i for i in range(5000)]
    sd = {}
    for rep in range(250):
        for k in keys:
            sd[k] = sd.get(k, 0) + rep
    for k in keys:
        acc += sd[k]
    counts = {}
    text = ("the quick brown fox jumps over the lazy dog and the cat " * 12000).split()
    for w in text:
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    groups = {}
    for i, w in enumerate(text):
        groups.setdefault(w[0], []).append(i)
    acc += sum(len(v) for v in groups.values())
    summary = ",".join("%s=%d" % (k, v) for k, v in counts.items())

    records = []
    for i in range(400_000):
        records.append({"id": i, "name": keys[i % 5000], "score": (i * 37) % 101})
    best = 0
    for r in records:
        if r["score"] > 90:
            best += r["id"] & 0xFF
    squares = {i: i * i for i in range(250_000)}
    inverted = {v: k for k, v in squares.items() if k % 3 == 0}
    acc += len(inverted) + inverted[81]
    merged = dict(squares)
    merged.update({i: -i for i in range(0, 50_000, 2)})
    acc += sum(merged[i] for i in range(0, 1000))
    print("acc", acc, "best", best, "summary", summary)


main()
