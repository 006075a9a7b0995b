# TextIOWrapper tell() cookies and seek() round trips against CPython over
# pseudo-random text: utf-8/latin-1, every newline mode, many chunk sizes,
# mixed read/readline calls (cookies pack decoder state past a pending \r).
import io
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed % n
pieces = ["a", "b", "\r", "\n", "\r\n", "é", "€", "😀", "xyz", " "]
results = []
for trial in range(200):
    text = "".join(pieces[rnd(len(pieces))] for _ in range(rnd(40) + 1))
    enc = ["utf-8", "latin-1"][rnd(2)] if all(ord(c) < 256 for c in text) else "utf-8"
    data = text.encode(enc)
    nl = [None, "", "\n", "\r", "\r\n"][rnd(5)]
    cs = [1, 2, 3, 4, 7, 16, 8192][rnd(7)]
    t = io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline=nl)
    t._CHUNK_SIZE = cs
    marks = []
    out = []
    while True:
        op = rnd(3)
        pos = t.tell()
        if op == 0:
            s = t.readline()
        elif op == 1:
            s = t.read(rnd(4) + 1)
        else:
            s = t.readline(rnd(3) + 1)
        if not s:
            break
        marks.append((pos, s))
        out.append(s)
    ok = []
    for pos, s in marks:
        t.seek(pos)
        got = t.read(len(s))
        ok.append(got == s)
    results.append((trial, enc, repr(nl), cs, [p for p, _ in marks], all(ok)))
for r in results:
    print(*r)
