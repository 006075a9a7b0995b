# OSError subclasses from errno with filenames, path conversion and
# argument errors, as CPython's posix module words them.
import os, errno

base = "posix_errors_tmp"
os.mkdir(base)
try:
    missing = os.path.join(base, "missing")
    cases = [
        (os.remove, (missing,)), (os.unlink, (os.fsencode(missing),)), (os.rmdir, (missing,)),
        (os.mkdir, (base,)), (os.rename, (missing, "x")), (os.replace, (missing, "y")),
        (os.listdir, (missing,)), (os.scandir, (missing,)), (os.open, (missing, os.O_RDONLY)),
        (os.stat, (missing,)), (os.lstat, (missing,)), (os.chdir, (missing,)), (os.readlink, (base,)),
        (os.chmod, (missing, 0o644)), (os.link, (missing, "z")), (os.symlink, ("t", base)),
        (os.truncate, (missing, 0)), (os.rmdir, (".",)), (os.fstat, (-1,)), (os.close, (-1,)),
        (os.kill, (2**30, 0)), (os.waitpid, (-1, os.WNOHANG)),
    ]
    for fn, args in cases:
        try:
            fn(*args)
            print(fn.__name__, "no error")
        except OSError as e:
            print(fn.__name__, type(e).__name__, e.errno, errno.errorcode[e.errno], repr(e.filename), repr(e.filename2))
            print("   ", e)
    class P:
        def __init__(self, p):
            self.p = p
        def __fspath__(self):
            return self.p
    print(os.fspath("s"), os.fspath(b"b"), os.fspath(P("x")), os.fspath(P(b"y")), os.path.isdir(P(base)))
    try:
        os.stat(P(missing))
    except FileNotFoundError as e:
        print(type(e.filename).__name__)
    bad_calls = [
        lambda: os.fspath(1), lambda: os.fspath(P(1)), lambda: os.stat([1]), lambda: os.stat(1.5),
        lambda: os.stat(None), lambda: os.mkdir([1]), lambda: os.listdir(3.0), lambda: os.stat(P(2)),
        lambda: os.stat("a\0b"), lambda: os.stat(b"a\0b"), lambda: os.stat("x", 1), lambda: os.stat(),
        lambda: os.stat("x", bad=1), lambda: os.stat("x", path="x"), lambda: os.read(1),
        lambda: os.read(fd=1, n=2), lambda: os.close("a"), lambda: os.getcwd(1), lambda: os.getpid(1),
        lambda: os.open("x"), lambda: os.write(1, "str"), lambda: os.utime(".", (1, 2), ns=(1, 2)),
        lambda: os.utime(".", 5), lambda: os.utime(".", ns=5), lambda: os.register_at_fork(),
        lambda: os.register_at_fork(before=1), lambda: os.sysconf("NOPE"), lambda: os.strerror("x"),
        lambda: os.stat_result((1, 2)), lambda: os.stat_result(tuple(range(20))), lambda: os.DirEntry(),
    ]
    for call in bad_calls:
        try:
            call()
            print("no error")
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    print(os.strerror(errno.ENOENT), os.strerror(errno.EACCES), os.strerror(99999))
    print(os.error is OSError, issubclass(FileNotFoundError, os.error))
finally:
    os.rmdir(base)
print(os.path.exists(base))
fd = os.open(".", os.O_RDONLY)
for call in [lambda: os.stat(fd, dir_fd=fd), lambda: os.utime(fd, dir_fd=fd), lambda: os.chown(fd, -1, -1, dir_fd=fd),
             lambda: os.truncate(2**20, 0), lambda: os.chdir(2**20), lambda: os.listdir(2**20), lambda: os.stat(2**20)]:
    try:
        call()
        print("no error")
    except (ValueError, OSError) as e:
        print(type(e).__name__, e, repr(getattr(e, "filename", None)))
for call in [lambda: os.stat(fd, follow_symlinks=False), lambda: os.utime(fd, follow_symlinks=False),
             lambda: os.chown(fd, -1, -1, follow_symlinks=False)]:
    try:
        call()
        print("no error")
    except ValueError as e:
        print(e)
print(os.stat(0, follow_symlinks=False).st_mode == os.fstat(0).st_mode)
os.close(fd)
