# BytesIO: reads, writes past the end, truncate, getbuffer exports, errors.
import io
b = io.BytesIO(b"line1\nline2\r\nline3")
print(b.readline(), b.readline(3), b.readlines(), b.tell(), b.read(), b.seek(0, 2), b.seek(-2, 1))
b.seek(10); b.write(b"Z"); print(b.getvalue())
b.seek(30); b.write(b"!"); print(b.getvalue(), len(b.getvalue()))
print(b.truncate(5), b.tell(), b.getvalue())
b = io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"de")), b.write(memoryview(b"fg")), b.getvalue())
m = b.getbuffer()
print(bytes(m), len(m))
try:
    b.write(b"x")
except BufferError as e:
    print("BufferError:", e)
m[0] = ord("A")
del m
print(b.getvalue(), b.write(b"x"), b.getvalue())
ba = bytearray(4); b.seek(0); print(b.readinto(ba), ba)
for args in [(-1,), (0, 3)]:
    try:
        b.seek(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    b.truncate(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    b.write("str")
except TypeError as e:
    print("TypeError:", e)
print(list(io.BytesIO(b"a\nb\nc")), b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)
b.close(); print(b.closed)
for op in [b.read, b.getvalue, b.tell, lambda: b.write(b"")]:
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
with io.BytesIO(b"xy") as bb:
    print(bb.read1(), bb.read1())
print(bb.closed)

