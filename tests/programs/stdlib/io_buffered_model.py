# Buffered{Reader,Writer,Random} against CPython over pseudo-random operation
# sequences on a logging raw stream: results, final contents and every raw
# call (readinto/write sizes, seek/tell) must match CPython's buffer model.
import io
seed = 4242
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed % n
class LogRaw(io.RawIOBase):
    def __init__(self, data, log):
        self.b = io.BytesIO(data); self.log = log
    def readable(self): return True
    def writable(self): return True
    def seekable(self): return True
    def readinto(self, m):
        d = self.b.read(min(len(m), 1 + rnd(4)))
        m[:len(d)] = d
        self.log.append(("ri", len(m), len(d)))
        return len(d)
    def write(self, m):
        n = min(len(m), 1 + rnd(5))
        self.b.write(bytes(m[:n]))
        self.log.append(("wr", len(m), n))
        return n
    def seek(self, p, w=0):
        r = self.b.seek(p, w); self.log.append(("sk", p, w, r)); return r
    def tell(self):
        r = self.b.tell(); self.log.append(("tl", r)); return r
    def truncate(self, p=None):
        r = self.b.truncate(p); self.log.append(("tr", r)); return r
out = []
for trial in range(250):
    kind = rnd(3)
    data = bytes(rnd(256) for _ in range(rnd(30)))
    bs = [1, 2, 3, 5, 8, 64][rnd(6)]
    log = []
    raw = LogRaw(data, log)
    b = [io.BufferedReader, io.BufferedWriter, io.BufferedRandom][kind](raw, bs)
    for step in range(10):
        op = rnd(11)
        try:
            if op == 0 and kind != 1:
                log.append(("r", b.read(rnd(8) - 1)))
            elif op == 1 and kind != 1:
                log.append(("r1", b.read1(rnd(6) - 1)))
            elif op == 2 and kind != 1:
                log.append(("pk", b.peek(rnd(3))))
            elif op == 3 and kind != 0:
                log.append(("w", b.write(bytes([65 + rnd(26)]) * rnd(12))))
            elif op == 4:
                w = rnd(3)
                log.append(("s", b.seek(rnd(10) - (0 if w == 0 else 5), w)))
            elif op == 5:
                log.append(("t", b.tell()))
            elif op == 6:
                b.flush(); log.append(("f",))
            elif op == 7 and kind != 1:
                log.append(("l", b.readline(rnd(5) - 1)))
            elif op == 8 and kind != 0:
                log.append(("tr", b.truncate()))
            elif op == 9 and kind != 1:
                ba = bytearray(rnd(7)); n = b.readinto(ba); log.append(("ri", n, bytes(ba)))
            elif op == 10 and kind != 1:
                ba = bytearray(rnd(7)); n = b.readinto1(ba); log.append(("ri1", n, bytes(ba)))
        except Exception as e:
            log.append((type(e).__name__, str(e)))
    try:
        b.close()
    except Exception as e:
        log.append((type(e).__name__, str(e)))
    out.append((trial, kind, bs, log, raw.b.getvalue()))
for o in out:
    print(*o)
