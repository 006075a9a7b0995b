# The errno module: constants and errorcode, and OSError's mapping to subclasses.
import errno

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR, errno.EPIPE)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK],
      errno.errorcode[errno.EOPNOTSUPP], len(errno.errorcode))
names = sorted(n for n in dir(errno) if n.startswith("E"))
print(len(names), names[:8])
print(all(getattr(errno, errno.errorcode[v]) == v for v in errno.errorcode))
print(sorted(set(names) - set(errno.errorcode.values())))
for code in (errno.ENOENT, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.EACCES, errno.EPERM,
             errno.EAGAIN, errno.ECHILD, errno.ESRCH, errno.EPIPE, errno.ECONNRESET, errno.ETIMEDOUT,
             errno.EINTR, errno.EINVAL):
    e = OSError(code, "msg")
    print(code, errno.errorcode[code], type(e).__name__)
