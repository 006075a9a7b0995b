# TextIOWrapper over BufferedRandom against CPython: pseudo-random mixes of
# read/readline/write/tell/seek/flush in every newline mode and chunk size;
# results, cookies and the bytes left in the stream must match.
import io
seed = 777
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed % n
pieces = ["a", "\n", "\r\n", "é", "xy", "\r"]
out = []
for trial in range(300):
    text = "".join(pieces[rnd(len(pieces))] for _ in range(rnd(20)))
    nl = [None, "", "\n", "\r\n"][rnd(4)]
    raw = io.BytesIO(text.encode("utf-8"))
    f = io.TextIOWrapper(io.BufferedRandom(raw, [2, 7, 8192][rnd(3)]), encoding="utf-8", newline=nl)
    f._CHUNK_SIZE = [1, 3, 8192][rnd(3)]
    log = []
    marks = [0]
    for step in range(10):
        op = rnd(7)
        try:
            if op == 0:
                log.append(("r", f.read(rnd(5) - 1)))
            elif op == 1:
                log.append(("l", f.readline()))
            elif op == 2:
                log.append(("w", f.write(pieces[rnd(len(pieces))] * rnd(3))))
            elif op == 3:
                t = f.tell(); marks.append(t); log.append(("t", t))
            elif op == 4:
                log.append(("s", f.seek(marks[rnd(len(marks))])))
            elif op == 5:
                f.flush(); log.append(("f",))
            else:
                log.append(("se", f.seek(0, 2)))
        except Exception as e:
            log.append((type(e).__name__, str(e)))
    f.flush()
    final = raw.getvalue()
    f.close()
    out.append((trial, repr(nl), log, final))
for o in out:
    print(*o)
