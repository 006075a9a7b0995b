# String work: concatenation, join, split, replace, find, slicing, f-strings,
# %-formatting, str.format, upper/lower/strip, startswith, comparisons,
# str(int)/int(str) conversions, and character iteration.


def main():
    parts = []
    for i in range(800_000):
        parts.append(f"{i}:{i * 3 % 17:02d}|")
    big = "".join(parts)
    acc = len(big)
    fields = big.split("|")
    acc += len(fields)
    for f in fields[:-1]:
        a, b = f.split(":")
        acc += int(a) % 7 + int(b)

    s = ""
    for i in range(300_000):
        s += chr(97 + i % 26)
        if len(s) > 200:
            acc += s.count("a") + s.find("xyz")
            s = s[100:]
    lines = []
    for i in range(300_000):
        name = "item" + str(i)
        line = "%s=%d;%5.2f" % (name, i, i / 7)
        line2 = "{0}-{1:>6}-{2:x}".format(name, i % 1000, i)
        lines.append(line + line2)
    text = "\n".join(lines)
    acc += len(text) + text.count("item1") + text.find("item59999")
    words = ("  Hello World  Foo Bar baz QUX  " * 24000).split()
    out = []
    for w in words:
        w2 = w.strip().lower()
        if w2.startswith("b") or w2.endswith("x"):
            out.append(w2.upper())
        else:
            out.append(w2.capitalize())
    joined = " ".join(out)
    acc += len(joined) + joined.count("BAZ")
    replaced = joined.replace("World", "Planet").replace("Foo", "")
    acc += len(replaced)
    vowels = 0
    for ch in replaced[:1_000_000]:
        if ch in "aeiouAEIOU":
            vowels += 1
    cmp = 0
    keys = [str(i * 7919 % 10007) for i in range(240_000)]
    for i in range(1, len(keys)):
        if keys[i] < keys[i - 1]:
            cmp += 1
        if keys[i] == "42":
            cmp += 1000
    keys.sort()
    tail = ",".join(keys[:5]) + "/" + ",".join(keys[-5:])
    print("acc", acc, "vowels", vowels, "cmp", cmp, "tail", tail, "sample", lines[123456])


main()
