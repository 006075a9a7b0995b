# StringIO (every newline mode) and BytesIO against CPython over pseudo-random
# read/readline/write/seek/tell/truncate/iteration sequences.
import io
seed = 31337
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed % n
pieces = ["a", "\n", "\r\n", "é", "xy", "\r", "😀"]
out = []
for trial in range(400):
    init = "".join(pieces[rnd(len(pieces))] for _ in range(rnd(8)))
    nl = [None, "", "\n", "\r", "\r\n"][rnd(5)]
    s = io.StringIO(init, newline=nl) if rnd(2) else io.StringIO(newline=nl)
    log = []
    for step in range(10):
        op = rnd(8)
        try:
            if op == 0:
                log.append(("r", s.read(rnd(5) - 1)))
            elif op == 1:
                log.append(("l", s.readline(rnd(4) - 1)))
            elif op == 2:
                log.append(("w", s.write("".join(pieces[rnd(len(pieces))] for _ in range(rnd(3))))))
            elif op == 3:
                log.append(("t", s.tell()))
            elif op == 4:
                log.append(("s", s.seek(rnd(12))))
            elif op == 5:
                log.append(("tr", s.truncate(rnd(2) and rnd(10) or None)))
            elif op == 6:
                log.append(("nl", s.newlines))
            else:
                log.append(("it", list(s)))
        except Exception as e:
            log.append((type(e).__name__, str(e)))
    out.append((trial, repr(nl), log, repr(s.getvalue())))
for o in out:
    print(*o)
b_out = []
for trial in range(300):
    b = io.BytesIO(bytes(rnd(256) for _ in range(rnd(10))))
    log = []
    for step in range(10):
        op = rnd(7)
        try:
            if op == 0: log.append(b.read(rnd(5) - 1))
            elif op == 1: log.append(b.readline(rnd(4) - 1))
            elif op == 2: log.append(b.write(bytes([10, 65, 66][rnd(3)] for _ in range(rnd(4)))))
            elif op == 3: log.append(b.seek(rnd(14) - 2, rnd(3)))
            elif op == 4: log.append(b.truncate(rnd(2) and rnd(12) or None))
            elif op == 5: log.append(b.tell())
            else: ba = bytearray(rnd(5)); log.append((b.readinto(ba), bytes(ba)))
        except Exception as e:
            log.append((type(e).__name__, str(e)))
    b_out.append((trial, log, b.getvalue()))
for o in b_out:
    print(*o)
