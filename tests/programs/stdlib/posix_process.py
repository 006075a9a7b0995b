# Process-level os functions: ids, environ, uname/times, fork/waitpid with
# at-fork hooks, system, wait-status macros, sysconf/confstr, constants.
import os, sys

print(type(os.environ).__name__, type(os.environb).__name__)
os.environ["PYRITE_POSIX_TEST"] = "value1"
print(os.getenv("PYRITE_POSIX_TEST"), os.environb[b"PYRITE_POSIX_TEST"], "PYRITE_POSIX_TEST" in os.environ)
print(os.system('test "$PYRITE_POSIX_TEST" = value1'))
del os.environ["PYRITE_POSIX_TEST"]
print(os.getenv("PYRITE_POSIX_TEST"), os.getenv("PYRITE_POSIX_TEST", "dflt"), os.system('test -z "$PYRITE_POSIX_TEST"'))
os.putenv("PYRITE_POSIX_TEST2", "v2")
print(os.system('test "$PYRITE_POSIX_TEST2" = v2'), "PYRITE_POSIX_TEST2" in os.environ)
os.unsetenv("PYRITE_POSIX_TEST2")
print(os.system('test -z "$PYRITE_POSIX_TEST2"'))
print(os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print([type(f()).__name__ for f in (os.getuid, os.geteuid, os.getgid, os.getegid, os.getpgrp)], type(os.getgroups()).__name__)
u = os.uname()
print(type(u).__name__, u.sysname, len(u), u[0] == u.sysname, u._fields if hasattr(u, "_fields") else type(u).n_fields)
t = os.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t), t.user == t[0])
print(os.cpu_count() >= 1, isinstance(os.getloadavg(), tuple))
st = os.system("exit 3")
print(st, os.WIFEXITED(st), os.WEXITSTATUS(st), os.WIFSIGNALED(st), os.WIFSTOPPED(st), os.waitstatus_to_exitcode(st))
print(os.WIFSIGNALED(9), os.WTERMSIG(9), os.waitstatus_to_exitcode(9), os.WCOREDUMP(0), os.WIFCONTINUED(0xffff))
print(os.sysconf("SC_PAGESIZE") > 0, os.sysconf(os.sysconf_names["SC_CLK_TCK"]) > 0, isinstance(os.confstr("CS_PATH"), str))

r, w = os.pipe()
def child_hook():
    os.write(w, b"child hook ran")
os.register_at_fork(before=lambda: print("before fork"), after_in_parent=lambda: print("after in parent"), after_in_child=child_hook)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(7)
p, status = os.waitpid(pid, 0)
print(p == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
print(os.read(r, 100))
os.close(r)
os.close(w)
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print(e)
os.kill(os.getpid(), 0)

print(os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL,
      os.O_TRUNC, os.O_APPEND, os.O_NONBLOCK, os.O_CLOEXEC, os.O_DIRECTORY, os.O_NOFOLLOW)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.SEEK_DATA, os.SEEK_HOLE, os.WNOHANG, os.WUNTRACED, os.EX_OK, os.EX_USAGE)
print(os.sep, os.curdir, os.pardir, os.extsep, os.altsep, os.pathsep, repr(os.linesep), os.devnull, os.name)
print(sorted(f.__name__ for f in os.supports_dir_fd))
print(sorted(f.__name__ for f in os.supports_fd))
print(sorted(f.__name__ for f in os.supports_follow_symlinks))
print(sorted(f.__name__ for f in os.supports_effective_ids), os.supports_bytes_environ)
print(os.stat_result(tuple(range(10))))
print(os.stat_result(tuple(range(10))).st_blksize, os.stat_result(tuple(range(13))).st_atime)
print(os.stat_result(tuple(range(10)), {"st_rdev": 5}).st_rdev, os.stat_result(tuple(range(10))).__reduce__()[1][1]["st_rdev"])
print(os.stat_result(tuple(range(10))).st_atime, os.stat_result(tuple(range(10))).st_ctime_ns)
print(os.stat_result(tuple(range(10)), {"st_atime": 1.5}).st_atime)
import time
for t in (os.stat_result, os.terminal_size, os.uname_result, os.times_result, time.struct_time):
    try:
        class Sub(t):
            pass
    except TypeError as e:
        print(e)
