# Buffered streams over Python raw streams: read-ahead, peek/read1,
# write-behind and when raw writes happen, BufferedRandom, BufferedRWPair.
import io


class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.calls = 0

    def readable(self):
        return True

    def readinto(self, b):
        self.calls += 1
        n = min(len(b), 3, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


raw = Raw(b"hello world\nsecond line\n")
r = io.BufferedReader(raw, buffer_size=4)
print(r.read(5), r.peek(1)[:1], r.readline(), r.read(), r.read(), raw.calls > 3)
print(Raw(b"abcdef").read(), Raw(b"abcdef").read(2), Raw(b"xyz").readall())
r = io.BufferedReader(Raw(b"abcdefgh"), buffer_size=4)
print(r.read1(10), r.read1(2), r.read1(), r.read1(0))
ba = bytearray(5)
print(r.readinto(ba), ba, r.readinto(ba))
t = io.TextIOWrapper(io.BufferedReader(Raw("ñandú\nü\n".encode())), encoding="utf-8")
print(t.readlines())


class W(io.RawIOBase):
    def __init__(self):
        self.chunks = []

    def writable(self):
        return True

    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)


w = W()
bw = io.BufferedWriter(w, buffer_size=8)
bw.write(b"abc"); print(w.chunks)
bw.write(b"defgh"); print(w.chunks)
bw.write(b"i"); print(w.chunks)
bw.write(b"0123456789abcdef"); print(w.chunks)
bw.flush(); print(w.chunks)
bw.write(b"tail")
bw.close(); print(bw.closed, w.closed, w.chunks)
try:
    bw.write(b"x")
except ValueError as e:
    print("ValueError:", e)


class Half(W):
    def write(self, b):
        n = max(1, len(b) // 2)
        self.chunks.append(bytes(b[:n]))
        return n


h = Half()
bh = io.BufferedWriter(h, buffer_size=4)
bh.write(b"abcdefghij"); bh.flush(); print(h.chunks)

b = io.BufferedReader(io.BytesIO(b"0123456789"))
print(b.seek(3), b.read(2), b.tell(), b.seek(-2, 1), b.read(), b.seek(-1, 2), b.read())
for args in [(-2,)]:
    try:
        b.read(*args)
    except ValueError as e:
        print("ValueError:", e)
for args in [(0, 7), (1.5,)]:
    try:
        b.seek(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
br = io.BufferedRandom(io.BytesIO(b"abcdef"))
print(br.read(2), br.write(b"XY"), br.tell(), br.read(1), br.seek(0), br.read())
br.seek(1); br.write(b"__"); br.seek(0); print(br.read(), br.raw.getvalue())
print(br.truncate(3), br.seek(0), br.read())
print(repr(io.BufferedReader(io.BytesIO())), repr(br), br.readable(), br.writable(), br.seekable())
p = io.BufferedRWPair(io.BytesIO(b"in data"), io.BytesIO())
print(p.read(2), p.peek(1)[:1], p.read1(2), p.write(b"out"), p.readable(), p.writable(), p.closed)
p.close(); print(p.closed)
for make in [lambda: io.BufferedReader(io.BytesIO(), buffer_size=0),
             lambda: io.BufferedWriter(Raw(b"")),
             lambda: io.BufferedReader(W()),
             lambda: io.BufferedRWPair(W(), W())]:
    try:
        make()
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
d = io.BufferedReader(io.BytesIO(b"zz"))
raw = d.detach()
print(type(raw).__name__, raw.read())
try:
    d.read()
except ValueError as e:
    print("ValueError:", e)
print(repr(d)[:20])
print(io.BytesIO(b"one\ntwo\nthree\n").readlines(4), io.BytesIO(b"one\ntwo\nthree\n").readlines(5))
print(io.BufferedReader(io.BytesIO(b"one\ntwo\nthree\n")).readlines(4), io.BufferedReader(io.BytesIO(b"one\ntwo\nthree\n")).readlines(3))
