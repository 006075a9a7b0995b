# TextIOWrapper over BytesIO: encodings, errors, newline modes, tell/seek
# cookies, iteration, detach, reconfigure, line buffering, write_through.
import io
raw = io.BytesIO("ab\r\ncd\ref\n".encode())
t = io.TextIOWrapper(raw, encoding="utf-8")
print(t.encoding, t.errors, t.line_buffering, repr(t.read()), t.newlines)
t = io.TextIOWrapper(io.BytesIO("ab\r\ncd\ref\n".encode()), encoding="utf-8", newline="")
print(list(t), t.newlines)
t = io.TextIOWrapper(io.BytesIO("ab\r\ncd\ref\n".encode()), encoding="utf-8", newline="\r")
print(list(t))
t = io.TextIOWrapper(io.BytesIO("ab\r\ncd\ref\n".encode()), encoding="utf-8", newline="\n")
print(list(t))
bio = io.BytesIO()
t = io.TextIOWrapper(bio, encoding="utf-8", newline="\r\n")
t.write("x\ny\n"); t.flush(); print(bio.getvalue())
bio = io.BytesIO()
t = io.TextIOWrapper(bio, encoding="latin-1")
t.write("é\n"); t.flush(); print(bio.getvalue(), t.encoding)
try:
    t.write("€")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
t = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="replace")
t.write("é€x"); t.flush(); print(t.buffer.getvalue())
t = io.TextIOWrapper(io.BytesIO(b"a\xffb"), encoding="utf-8", errors="replace")
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b"a\xffb"), encoding="utf-8")
try:
    t.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    io.TextIOWrapper(io.BytesIO(), encoding="nope")
except LookupError as e:
    print("LookupError:", e)
try:
    io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="x")
except ValueError as e:
    print("ValueError:", e)
t = io.TextIOWrapper(io.BytesIO("αβγ\nδ\n".encode()), encoding="utf-8")
print(repr(t.read(2)), t.tell(), repr(t.readline()), t.tell(), repr(t.readline()), t.tell(), repr(t.readline()))
t.seek(2); print(repr(t.read()))
t.seek(0); print(repr(t.readline(2)), repr(t.readline()))
print(t.seek(0, 2), repr(t.read()))
for args in [(1, 1), (1, 2), (-1,), (0, 3)]:
    try:
        t.seek(*args)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
t = io.TextIOWrapper(io.BytesIO(b"a\nb\n"), encoding="utf-8")
for line in t:
    try:
        t.tell()
    except OSError as e:
        print("OSError:", e)
print(t.tell())
b = t.detach(); print(type(b).__name__)
try:
    t.read()
except ValueError as e:
    print("ValueError:", e)
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
t.reconfigure(line_buffering=True); print(t.line_buffering)
t.write("a"); print(t.buffer.getvalue()); t.write("b\n"); print(t.buffer.getvalue())
t.reconfigure(encoding="latin-1"); print(t.encoding); t.write("é\n"); print(t.buffer.getvalue())
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
t.write("q"); print(t.buffer.getvalue(), t.write_through)
print(repr(io.TextIOWrapper(io.BytesIO(), encoding="utf-8")))
t = io.TextIOWrapper(io.BytesIO("x\ny".encode("utf-16")), encoding="utf-16")
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-16")
t.write("ab"); t.write("c"); t.flush(); print(t.buffer.getvalue())
t.close(); print(t.closed)
try:
    t.write("x")
except ValueError as e:
    print("ValueError:", e)
