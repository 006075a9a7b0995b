# Files, directories and links through os: stat results, scandir entries,
# rename/replace, chmod/utime/truncate, dir_fd variants, walk/makedirs.
import os, stat

base = "posix_fs_tmp"
old_mask = os.umask(0o022)
os.mkdir(base)
try:
    j = lambda *a: os.path.join(base, *a)
    with open(j("a.txt"), "w") as f:
        f.write("0123456789")
    st = os.stat(j("a.txt"))
    print(type(st).__name__, type(st).__module__, len(st), type(st).n_fields, type(st).n_unnamed_fields)
    print(st.st_size, st[6], st.st_mode == st[0], stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(base).st_mode))
    print(type(st.st_mtime).__name__, type(st[8]).__name__, type(st.st_mtime_ns).__name__, st.st_mtime_ns // 10**9 == st[8])
    print(st.st_blksize > 0, st.st_blocks >= 0, type(st.st_rdev).__name__, st == os.stat(j("a.txt")))
    os.symlink("a.txt", j("lnk"))
    os.link(j("a.txt"), j("hard"))
    print(os.readlink(j("lnk")), os.readlink(os.fsencode(j("lnk"))), os.stat(j("a.txt")).st_nlink)
    print(stat.S_ISLNK(os.lstat(j("lnk")).st_mode), stat.S_ISLNK(os.stat(j("lnk"), follow_symlinks=False).st_mode))
    print(os.path.islink(j("lnk")), os.path.isfile(j("lnk")), os.path.samefile(j("lnk"), j("hard")))
    os.mkdir(j("sub"), 0o755)
    open(j("sub", "inner"), "w").close()
    print(sorted(os.listdir(base)), sorted(os.listdir(os.fsencode(base))))
    with os.scandir(base) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_file(follow_symlinks=False), e.inode() == e.stat(follow_symlinks=False).st_ino, os.fspath(e))
    print(type(entries[0]).__name__, [e.name for e in os.scandir(os.fsencode(base))][:0])
    it = os.scandir(base)
    it.close()
    print(list(it))
    os.rename(j("a.txt"), j("b.txt"))
    os.replace(j("b.txt"), j("c.txt"))
    print(sorted(os.listdir(base)))
    print(os.access(j("c.txt"), os.R_OK | os.W_OK), os.access(j("nope"), os.F_OK))
    os.chmod(j("c.txt"), 0o600)
    print(oct(stat.S_IMODE(os.stat(j("c.txt")).st_mode)))
    os.utime(j("c.txt"), (1000000000, 1000000000.5))
    st = os.stat(j("c.txt"))
    print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[8])
    os.utime(j("c.txt"), ns=(1500000000123456789, 1500000000123456789))
    print(os.stat(j("c.txt")).st_mtime_ns)
    os.truncate(j("c.txt"), 3)
    print(os.path.getsize(j("c.txt")))
    cwd = os.getcwd()
    os.chdir(base)
    print(os.path.basename(os.getcwd()), os.path.basename(os.getcwdb()), sorted(os.listdir()) == sorted(os.listdir(".")))
    os.chdir(cwd)
    print(os.getcwd() == cwd)

    fd = os.open(base, os.O_RDONLY)
    print(sorted(os.listdir(fd)), sorted(e.name for e in os.scandir(fd)))
    print(os.stat("c.txt", dir_fd=fd).st_size, os.readlink("lnk", dir_fd=fd), os.access("sub", os.F_OK, dir_fd=fd))
    os.mkdir("m", dir_fd=fd)
    os.rename("m", "n", src_dir_fd=fd, dst_dir_fd=fd)
    os.rmdir("n", dir_fd=fd)
    f2 = os.open("new", os.O_CREAT | os.O_WRONLY, dir_fd=fd)
    os.close(f2)
    os.unlink("new", dir_fd=fd)
    print(sorted(os.listdir(fd)))
    with os.scandir(fd) as it:
        fd_entries = sorted(it, key=lambda e: e.name)
    print([(e.name, e.path, e.is_dir(), stat.S_ISLNK(e.stat(follow_symlinks=False).st_mode)) for e in fd_entries])
    os.close(fd)
    with os.scandir(base) as it:
        c_entry = [e for e in it if e.name == "c.txt"][0]
    with open(c_entry, "rb") as f:
        print("open(DirEntry):", f.read())
    with open(os.fsencode(j("c.txt")), "rb") as f:
        print("open(bytes):", f.read())

    os.makedirs(j("x", "y", "z"))
    os.makedirs(j("x", "y", "z"), exist_ok=True)
    try:
        os.makedirs(j("x", "y", "z"))
    except FileExistsError as e:
        print("FileExistsError:", e)
    print(sorted((r, sorted(d), sorted(f)) for r, d, f in os.walk(base)))
    os.removedirs(j("x", "y", "z"))
    os.renames(j("sub", "inner"), j("e", "g"))
    print(sorted(os.listdir(base)), os.listdir(j("e")))
    print(os.path.realpath(j("lnk")) == os.path.abspath(j("c.txt")), os.path.lexists(j("lnk")), os.path.exists(j("lnk")))
finally:
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            p = os.path.join(root, name)
            if os.path.islink(p):
                os.unlink(p)
            else:
                os.rmdir(p)
    os.rmdir(base)
    os.umask(old_mask)
print(os.path.exists(base))
