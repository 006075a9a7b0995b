# os.open/read/write/lseek/fstat/pipe/dup and descriptor flags, in a
# temporary directory created and removed under the cwd.
import os, stat

base = "posix_fd_ops_tmp"
old_mask = os.umask(0o022)
os.mkdir(base)
try:
    p = os.path.join(base, "a.txt")
    fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    print(type(fd).__name__, os.write(fd, b"hello world\n"), os.write(fd, memoryview(b"xy")))
    print("inheritable:", os.get_inheritable(fd), "blocking:", os.get_blocking(fd), "isatty:", os.isatty(fd))
    os.fsync(fd)
    os.close(fd)
    fd = os.open(p, os.O_RDWR)
    print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 0, os.SEEK_END))
    print(os.lseek(fd, 6, os.SEEK_SET), os.read(fd, 100), os.read(fd, 10))
    print(os.pread(fd, 4, 0), os.pwrite(fd, b"J", 0), os.pread(fd, 5, 0))
    st = os.fstat(fd)
    print(stat.S_ISREG(st.st_mode), oct(stat.S_IMODE(st.st_mode)), st.st_size, st.st_nlink, len(st))
    os.ftruncate(fd, 4)
    print(os.fstat(fd).st_size, os.lseek(fd, 0, 0), os.read(fd, 100))
    os.close(fd)
    try:
        os.close(fd)
    except OSError as e:
        print("close twice:", type(e).__name__, e.errno, e.strerror)
    try:
        os.read(fd, 1)
    except OSError as e:
        print("read closed:", e)
    try:
        os.read(0, -1)
    except OSError as e:
        print("negative read:", e)

    r, w = os.pipe()
    print(os.write(w, b"through the pipe"), os.read(r, 7), os.read(r, 100))
    print(os.get_inheritable(r), os.get_inheritable(w))
    os.set_inheritable(r, True)
    print(os.get_inheritable(r))
    os.set_blocking(r, False)
    print(os.get_blocking(r))
    try:
        os.read(r, 10)
    except BlockingIOError as e:
        print("BlockingIOError", e.errno)
    os.set_blocking(r, True)
    d = os.dup(w)
    print(d > w, os.get_inheritable(d))
    d2 = os.dup2(w, d + 1)
    print(d2 == d + 1, os.get_inheritable(d2))
    d3 = os.dup2(w, d + 2, inheritable=False)
    print(os.get_inheritable(d3))
    os.write(d2, b"dup")
    print(os.read(r, 3))
    for x in (r, w, d):
        os.close(x)
    os.closerange(d2, d3 + 1)
    try:
        os.fstat(d2)
    except OSError as e:
        print("after closerange:", e)

    fd = os.open(os.devnull, os.O_RDONLY)
    print(os.device_encoding(fd), os.isatty(fd))
    try:
        os.get_terminal_size(fd)
    except OSError as e:
        print(type(e).__name__, e.errno)
    os.close(fd)
    print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).lines)
    print(len(os.urandom(16)), os.urandom(0))
    try:
        os.urandom(-1)
    except ValueError as e:
        print("ValueError:", e)
    try:
        os.open(os.path.join(base, "missing", "x"), os.O_RDONLY)
    except FileNotFoundError as e:
        print(e)
    try:
        os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    except FileExistsError as e:
        print(e)
    os.remove(p)
finally:
    os.rmdir(base)
    os.umask(old_mask)
print(os.path.exists(base))
os.mkdir(base)
with open(os.path.join(base, "src"), "wb") as f:
    f.write(b"x" * 1000)
i = os.open(os.path.join(base, "src"), os.O_RDONLY)
o = os.open(os.path.join(base, "dst"), os.O_WRONLY | os.O_CREAT)
print(os.sendfile(o, i, 0, 600), os.sendfile(o, i, None, 600), os.sendfile(o, i, None, 600))
os.posix_fadvise(i, 0, 0, os.POSIX_FADV_NORMAL)
os.posix_fallocate(o, 0, 2000)
os.close(i)
os.close(o)
print(os.path.getsize(os.path.join(base, "dst")))
for name in os.listdir(base):
    os.remove(os.path.join(base, name))
os.rmdir(base)
