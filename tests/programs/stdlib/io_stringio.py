# StringIO newline modes and IncrementalNewlineDecoder, against CPython.
import io
s = io.StringIO("a\r\nb\rc\nd")
print(repr(s.getvalue()), s.newlines, list(s))
s = io.StringIO("a\r\nb\rc\nd", newline=None)
print(repr(s.getvalue()), s.newlines, list(s))
s = io.StringIO("a\r\nb\rc\nd", newline="")
print(repr(s.getvalue()), s.newlines, list(s))
s = io.StringIO("a\r\nb\rc\nd", newline="\r")
print(repr(s.getvalue()), list(s))
s = io.StringIO("a\nb\n", newline="\r\n")
print(repr(s.getvalue()), list(s))
s = io.StringIO()
print(s.write("héllo"), s.tell(), s.seek(1), s.read(2), s.seek(0, 2), s.seek(10), s.write("x"), repr(s.getvalue()))
print(s.truncate(3), repr(s.getvalue()), s.tell())
for args in [(-1,), (1, 1), (0, 5)]:
    try:
        s.seek(*args)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
try:
    s.write(b"x")
except TypeError as e:
    print("TypeError:", e)
try:
    io.StringIO(b"x")
except TypeError as e:
    print("TypeError:", e)
try:
    io.StringIO(newline="x")
except ValueError as e:
    print("ValueError:", e)
try:
    io.StringIO(newline=5)
except TypeError as e:
    print("TypeError:", e)
s.close()
try:
    s.read()
except ValueError as e:
    print("ValueError:", e)
s = io.StringIO("one\ntwo\nthree")
print(s.readline(), s.readline(2), s.readlines(), s.line_buffering, s.closed)

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), d.getstate(), repr(d.decode("", final=True)), d.newlines)
d.reset(); print(d.newlines, d.getstate())
d = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode("x\r\ny\rz\n")), d.newlines)

print(io.StringIO("one\ntwo\nthree\n").readlines(4), io.StringIO("one\ntwo\nthree\n").readlines(5))
