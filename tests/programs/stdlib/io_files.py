# Files on disk in a temporary directory this program makes and removes
# under its cwd: text and binary modes, buffering, newline modes,
# seek/tell, append/exclusive/update modes, truncate, flush on dealloc.
import io
import os

D = "io_files_tmpdir"
os.mkdir(D)
made = []


def path(name):
    p = D + "/" + name
    if p not in made:
        made.append(p)
    return p


try:
    p = path("text.txt")
    with open(p, "w", encoding="utf-8") as f:
        print(f.name == p, f.mode, f.encoding, f.line_buffering, type(f.buffer).__name__)
        print(f.write("hello\nwörld\n"), f.tell())
        f.writelines(["a\n", "b\n"])
    print(f.closed, f.buffer.closed, f.buffer.raw.closed)
    with open(p, encoding="utf-8") as f:
        print(repr(f.readline()), f.tell(), repr(f.read(3)), f.tell(), repr(f.read()), f.tell())
        f.seek(6)
        print(repr(f.readline()), f.tell())
        print(f.seek(0, 2), repr(f.read()))
        f.seek(0)
        print(list(f))
        f.seek(0)
        print(f.readlines(8))
    with open(p, "rb") as f:
        print(f.read(5), f.peek(1)[:1], f.read1(1), f.tell(), f.readline(), f.readlines())
        print(f.seek(-3, 2), f.read(), f.seek(1), f.read(2), f.tell())
    with open(p, "a", encoding="utf-8") as f:
        print(f.tell(), f.write("more\n"), f.tell())
    with open(p, "r+", encoding="utf-8") as f:
        print(repr(f.read(2)))
        f.seek(0)
        f.write("HE")
        f.seek(0)
        print(repr(f.read()))
    with open(p, "r+b") as f:
        print(type(f).__name__, f.read(2), f.write(b"LL"), f.tell(), f.read(1))
        print(f.truncate(7), f.seek(0), f.read())
    with open(p, "rb", buffering=0) as f:
        print(type(f).__name__, f.read(3), f.readall(), f.read(), f.tell())
    with open(p, "w+b") as f:
        print(f.read(), f.write(b"xyz"), f.seek(0), f.read(), f.mode)
    with open(p, "ab+") as f:
        print(f.tell(), f.write(b"123"), f.seek(0), f.read(), f.mode)
    try:
        open(p, "x")
    except FileExistsError as e:
        print("FileExistsError:", e.errno)
    with open(path("new.bin"), "xb") as f:
        print(f.mode, f.write(bytes(range(256)) * 40), f.tell())
    with open(path("new.bin"), "rb") as f:
        data = f.read()
        print(len(data), data[:3], data[-3:], f.tell())
        f.seek(8190)
        print(f.read(5), f.tell())
    with open(path("new.bin"), "rb", buffering=16) as f:
        print(f.read(3), f.peek(2)[:2], f.read(20)[-2:], f.tell(), len(f.read()))

    # Newline modes, on write and on read.
    for nl in [None, "", "\n", "\r", "\r\n"]:
        with open(path("nl.txt"), "w", newline=nl) as f:
            f.write("a\nb\r\nc\rd")
        with open(path("nl.txt"), "rb") as f:
            raw = f.read()
        out = []
        for rnl in [None, "", "\n", "\r", "\r\n"]:
            with open(path("nl.txt"), newline=rnl) as f:
                out.append((f.readlines(), f.newlines))
        print(repr(nl), raw, out)
    with open(path("crlf.txt"), "wb") as f:
        f.write(b"x" * 8191 + b"\r\nyy\r\n")
    with open(path("crlf.txt")) as f:
        lines = f.readlines()
        print(len(lines), len(lines[0]), repr(lines[1]), f.newlines)

    # Encodings and errors.
    with open(path("enc.txt"), "w", encoding="latin-1") as f:
        f.write("café\n")
    with open(path("enc.txt"), "rb") as f:
        print(f.read())
    with open(path("enc.txt"), encoding="utf-8", errors="replace") as f:
        print(repr(f.read()))
    try:
        with open(path("enc.txt"), encoding="utf-8") as f:
            f.read()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    with open(path("enc.txt"), "w", encoding="ascii", errors="backslashreplace") as f:
        f.write("café€\n")
    with open(path("enc.txt"), encoding="ascii") as f:
        print(repr(f.read()))
    with open(path("enc16.txt"), "w", encoding="utf-16") as f:
        f.write("ab")
        f.write("c\n")
    with open(path("enc16.txt"), "rb") as f:
        print(f.read())
    with open(path("enc16.txt"), encoding="utf-16") as f:
        print(repr(f.read()))

    # Text tell/seek round trips across multi-byte characters.
    with open(path("seek.txt"), "w", encoding="utf-8") as f:
        f.write("αβγ\nδε\nζ\n")
    with open(path("seek.txt"), encoding="utf-8") as f:
        marks = []
        while True:
            pos = f.tell()
            line = f.readline()
            if not line:
                break
            marks.append((pos, line))
        print(marks)
        for pos, line in reversed(marks):
            f.seek(pos)
            print(f.readline() == line, end=" ")
        print()

    # Flushed when the file object goes away without close().
    open(path("gone.txt"), "w").write("written by a dropped file\n")
    with open(path("gone.txt")) as f:
        print(repr(f.read()))
    w = open(path("buffered.txt"), "w")
    w.write("pending")
    with open(path("buffered.txt")) as f:
        print(repr(f.read()))
    w.flush()
    with open(path("buffered.txt")) as f:
        print(repr(f.read()))
    w.close()

    # Line buffering and write_through on a real file.
    f = open(path("lb.txt"), "w", buffering=1)
    print(f.line_buffering)
    f.write("no newline")
    with open(path("lb.txt")) as g:
        print(repr(g.read()))
    f.write(" now\n")
    with open(path("lb.txt")) as g:
        print(repr(g.read()))
    f.close()

    # FileIO attributes and closed-file errors.
    raw = io.FileIO(path("raw.bin"), "w")
    print(raw.mode, raw.closefd, raw.writable(), raw.readable(), raw.seekable(), raw.write(b"abc"), raw.tell())
    raw.close()
    try:
        raw.write(b"x")
    except ValueError as e:
        print("ValueError:", e)
    raw = io.FileIO(path("raw.bin"), "r+")
    print(raw.mode, raw.read(), raw.seek(1), raw.write(b"Z"), raw.seek(0), raw.readall(), raw.truncate(2), raw.read())
    raw.close()
    with open(path("raw.bin"), "rb") as f:
        print(f.read())
finally:
    for p in made:
        try:
            os.remove(p)
        except FileNotFoundError:
            pass
    os.rmdir(D)
print(os.path.exists(D))
