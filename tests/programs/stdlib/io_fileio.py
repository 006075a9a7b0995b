# FileIO and open() on files that need no cleanup: this program's own
# source (read-only) and /dev/null; open()'s argument validation.
import io

me = __file__
with open(me, "rb") as f:
    head = f.read(7)
    print(type(f).__name__, head, f.tell(), f.readline(), f.seekable(), f.readable(), f.writable())
    print(f.raw.mode, f.raw.closefd, f.name == me, f.mode, f.isatty())
    f.seek(0)
    print(f.peek(2)[:2], f.read1(1), f.seek(-1, 2), f.read(), f.read())
with open(me, "rb", buffering=0) as f:
    print(type(f).__name__, f.read(7), f.readall()[-1:], f.read(), f.tell() > 7)
    f.seek(2)
    b = bytearray(4)
    print(f.readinto(b), b, f.fileno() > 2, f.closed)
    print(repr(f).startswith("<_io.FileIO name="), repr(f).endswith("mode='rb' closefd=True>"))
print(f.closed, repr(f))
with open(me, encoding="utf-8") as f:
    first = f.readline()
    print(repr(first), f.tell() == len(first.encode()), f.encoding, f.mode, f.buffer.raw.mode)
    lines = f.readlines()
    print(len(lines) > 10, lines[-1])
    f.seek(0)
    print(repr(f.read(5)), sum(1 for _ in f) > 10)
with open("/dev/null", "w") as f:
    print(f.write("nothing\n"), f.writable(), f.readable(), f.isatty(), f.name, f.mode)
with open("/dev/null", "rb") as f:
    print(f.read(), f.read(3))
with open("/dev/null", "r+b") as f:
    print(type(f).__name__, f.write(b"abc"), f.read())
fd_owner = open(me, "rb", buffering=0)
g = io.FileIO(fd_owner.fileno(), closefd=False)
print(g.read(3), g.closefd, g.mode, g.name == fd_owner.fileno())
g.close()
print(g.closed, fd_owner.closed, fd_owner.read(3))
fd_owner.close()
for m in ["rw", "rr", "q", "tb", "", "+", "bt", "U", "rbb", "r+b+"]:
    try:
        open(me, m)
    except ValueError as e:
        print(repr(m), "ValueError:", e)
for kw in [dict(encoding="utf-8"), dict(errors="strict"), dict(newline="")]:
    try:
        open(me, "rb", **kw)
    except ValueError as e:
        print("ValueError:", e)
for kw in [dict(buffering=0), dict(newline="x"), dict(encoding="no-such-codec")]:
    try:
        open(me, "r", **kw)
    except (ValueError, LookupError) as e:
        print(type(e).__name__, e)
for args in [(3.5,), ([],), (me, 5), (me, "r", "x")]:
    try:
        open(*args)
    except TypeError as e:
        print("TypeError:", e)
for args in [("no_such_dir_xyz/f.txt",), (".",), (".", "w")]:
    try:
        open(*args)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    open(me, "x")
except FileExistsError as e:
    print("FileExistsError:", e)
try:
    io.FileIO(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    io.FileIO(me, "rw")
except ValueError as e:
    print("ValueError:", e)
try:
    io.FileIO(me, closefd=False)
except ValueError as e:
    print("ValueError:", e)
f = open(me)
f.close()
for op in [f.read, f.readline, lambda: f.write("x"), f.tell, f.fileno, lambda: f.seek(0), f.flush]:
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
f = open(me, "rb")
f.close()
for op in [f.read, f.readline, f.tell, f.fileno, lambda: f.seek(0), f.flush, f.peek]:
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
f = open(me, "rb", buffering=0)
f.close()
for op in [f.read, f.readall, f.tell, f.fileno, lambda: f.seek(0), f.readable, f.isatty]:
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
with open(me, "rb", buffering=0) as f:
    for op in [lambda: f.write(b"x"), f.truncate]:
        try:
            op()
        except io.UnsupportedOperation as e:
            print("UnsupportedOperation:", e)
with open(me) as f:
    try:
        f.write("x")
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation:", e)
with open("/dev/null", "w") as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation:", e)
print(io.open is open, io.open_code(me).read(1), io.text_encoding(None), io.text_encoding("x"))
try:
    io.open_code(b"x")
except TypeError as e:
    print("TypeError:", e)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.DEFAULT_BUFFER_SIZE, io.BlockingIOError is BlockingIOError)
