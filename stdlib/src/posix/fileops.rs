//! `posix` functions on file descriptors: open/read/write/close, dup,
//! lseek, pipes, inheritable and blocking flags, terminals, urandom.

use super::util::*;
use vm::err::{self, PyResult};
use vm::objects::{boolobject, bytes, structseq, tuple, unicode};
use vm::objref::PyObj;

vm::fastcall_kw!(posix_open, |slf, args, kw| {
    let a = parse("open", args, kw, &["path", "flags", "mode", "dir_fd"], 2, 3)?;
    let p = path_arg("open", "path", a[0].as_ref().unwrap(), false, false)?;
    let flags = c_int_arg(a[1].as_ref().unwrap())?;
    let mode = match &a[2] {
        Some(m) => c_int_arg(m)?,
        None => 0o777,
    };
    let dfd = dir_fd_arg(&a[3])?;
    // New descriptors are non-inheritable (PEP 446).
    let fd = retry(-1, || unsafe { libc::openat(dfd, p.ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) })?;
    if fd < 0 {
        return Err(path_error(&p));
    }
    Ok(int(fd as i64))
});

vm::fastcall_kw!(posix_close, |slf, args, kw| {
    let a = parse("close", args, kw, &["fd"], 1, 1)?;
    let fd = fd_arg(a[0].as_ref().unwrap())?;
    // close() is not retried on EINTR: the descriptor is gone either way.
    if unsafe { libc::close(fd) } != 0 {
        return Err(last_error());
    }
    Ok(none())
});

vm::fastcall_kw!(posix_closerange, |slf, args, kw| {
    let a = posonly("closerange", args, kw, 2, 2)?;
    let lo = fd_arg(&a[0])?;
    let hi = fd_arg(&a[1])?;
    for fd in lo.max(0)..hi {
        unsafe { libc::close(fd) };
    }
    Ok(none())
});

vm::fastcall_kw!(posix_read, |slf, args, kw| {
    let a = posonly("read", args, kw, 2, 2)?;
    let fd = fd_arg(&a[0])?;
    let n = vm::abstract_::index_to_ssize(&a[1], Some(unsafe { vm::objects::exceptions::PyExc_OverflowError }))?;
    if n < 0 {
        return Err(os_error(libc::EINVAL, None, None));
    }
    let mut buf = vec![0u8; n as usize];
    let r = retry(-1, || unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n as usize) })?;
    if r < 0 {
        return Err(last_error());
    }
    Ok(bytes::new(&buf[..r as usize]))
});

vm::fastcall_kw!(posix_write, |slf, args, kw| {
    let a = posonly("write", args, kw, 2, 2)?;
    let fd = fd_arg(&a[0])?;
    let data = vm::objects::bytes_methods::bytes_like_arg(&a[1])?;
    let r = retry(-1, || unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) })?;
    if r < 0 {
        return Err(last_error());
    }
    Ok(int(r as i64))
});

vm::fastcall_kw!(posix_pread, |slf, args, kw| {
    let a = posonly("pread", args, kw, 3, 3)?;
    let fd = fd_arg(&a[0])?;
    let n = vm::abstract_::index_to_ssize(&a[1], None)?;
    let off = i64_arg(&a[2])?;
    if n < 0 {
        return Err(os_error(libc::EINVAL, None, None));
    }
    let mut buf = vec![0u8; n as usize];
    let r = retry(-1, || unsafe { libc::pread(fd, buf.as_mut_ptr() as *mut libc::c_void, n as usize, off) })?;
    if r < 0 {
        return Err(last_error());
    }
    Ok(bytes::new(&buf[..r as usize]))
});

vm::fastcall_kw!(posix_pwrite, |slf, args, kw| {
    let a = posonly("pwrite", args, kw, 3, 3)?;
    let fd = fd_arg(&a[0])?;
    let data = vm::objects::bytes_methods::bytes_like_arg(&a[1])?;
    let off = i64_arg(&a[2])?;
    let r = retry(-1, || unsafe { libc::pwrite(fd, data.as_ptr() as *const libc::c_void, data.len(), off) })?;
    if r < 0 {
        return Err(last_error());
    }
    Ok(int(r as i64))
});

vm::fastcall_kw!(posix_dup, |slf, args, kw| {
    let a = posonly("dup", args, kw, 1, 1)?;
    let fd = fd_arg(&a[0])?;
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(last_error());
    }
    Ok(int(r as i64))
});

vm::fastcall_kw!(posix_dup2, |slf, args, kw| {
    let a = parse("dup2", args, kw, &["fd", "fd2", "inheritable"], 2, 3)?;
    let fd = fd_arg(a[0].as_ref().unwrap())?;
    let fd2 = fd_arg(a[1].as_ref().unwrap())?;
    let inheritable = bool_arg(&a[2], true)?;
    let r = unsafe {
        if inheritable || fd == fd2 {
            libc::dup2(fd, fd2)
        } else {
            libc::dup3(fd, fd2, libc::O_CLOEXEC)
        }
    };
    if r < 0 {
        return Err(last_error());
    }
    Ok(int(r as i64))
});

vm::fastcall_kw!(posix_lseek, |slf, args, kw| {
    let a = posonly("lseek", args, kw, 3, 3)?;
    let fd = fd_arg(&a[0])?;
    let pos = i64_arg(&a[1])?;
    let how = c_int_arg(&a[2])?;
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(last_error());
    }
    Ok(int(r))
});

/// The fd of an int or of an object with `fileno()` (fsync accepts both).
fn fileno_arg(o: &PyObj) -> PyResult<i32> {
    if vm::objects::long::is_int(o) {
        return fd_arg(o);
    }
    if let Some(f) = vm::abstract_::getattr_str_opt(o, "fileno")? {
        let r = vm::abstract_::call0(&f)?;
        return fd_arg(&r);
    }
    Err(err::type_error(format!(
        "argument must be an int, or have a fileno() method, not {}",
        vm::typeobj::type_name(o.ob_type())
    )))
}

vm::fastcall_kw!(posix_fsync, |slf, args, kw| {
    let a = parse("fsync", args, kw, &["fd"], 1, 1)?;
    let fd = fileno_arg(a[0].as_ref().unwrap())?;
    if retry(-1, || unsafe { libc::fsync(fd) })? != 0 {
        return Err(last_error());
    }
    Ok(none())
});

vm::fastcall_kw!(posix_fdatasync, |slf, args, kw| {
    let a = parse("fdatasync", args, kw, &["fd"], 1, 1)?;
    let fd = fileno_arg(a[0].as_ref().unwrap())?;
    if retry(-1, || unsafe { libc::fdatasync(fd) })? != 0 {
        return Err(last_error());
    }
    Ok(none())
});

vm::fastcall_kw!(posix_ftruncate, |slf, args, kw| {
    let a = posonly("ftruncate", args, kw, 2, 2)?;
    let fd = fd_arg(&a[0])?;
    let len = i64_arg(&a[1])?;
    if retry(-1, || unsafe { libc::ftruncate(fd, len) })? != 0 {
        return Err(last_error());
    }
    Ok(none())
});

vm::fastcall_kw!(posix_isatty, |slf, args, kw| {
    let a = posonly("isatty", args, kw, 1, 1)?;
    let fd = fd_arg(&a[0])?;
    Ok(boolobject::new(unsafe { libc::isatty(fd) } == 1))
});

vm::onearg!(posix_pipe, |slf, _a| {
    let mut fds = [0i32; 2];
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(last_error());
    }
    Ok(tuple::new(vec![int(fds[0] as i64), int(fds[1] as i64)]))
});

vm::fastcall_kw!(posix_pipe2, |slf, args, kw| {
    let a = posonly("pipe2", args, kw, 1, 1)?;
    let flags = c_int_arg(&a[0])?;
    let mut fds = [0i32; 2];
    if unsafe { libc::pipe2(fds.as_mut_ptr(), flags) } != 0 {
        return Err(last_error());
    }
    Ok(tuple::new(vec![int(fds[0] as i64), int(fds[1] as i64)]))
});

fn fd_flag(fd: i32, get: i32) -> PyResult<i32> {
    let r = unsafe { libc::fcntl(fd, get) };
    if r < 0 {
        return Err(last_error());
    }
    Ok(r)
}

vm::fastcall_kw!(posix_get_inheritable, |slf, args, kw| {
    let a = posonly("get_inheritable", args, kw, 1, 1)?;
    let fd = fd_arg(&a[0])?;
    Ok(boolobject::new(fd_flag(fd, libc::F_GETFD)? & libc::FD_CLOEXEC == 0))
});

vm::fastcall_kw!(posix_set_inheritable, |slf, args, kw| {
    let a = posonly("set_inheritable", args, kw, 2, 2)?;
    let fd = fd_arg(&a[0])?;
    let on = vm::abstract_::is_true(&a[1])?;
    let f = fd_flag(fd, libc::F_GETFD)?;
    let nf = if on { f & !libc::FD_CLOEXEC } else { f | libc::FD_CLOEXEC };
    if unsafe { libc::fcntl(fd, libc::F_SETFD, nf) } < 0 {
        return Err(last_error());
    }
    Ok(none())
});

vm::fastcall_kw!(posix_get_blocking, |slf, args, kw| {
    let a = posonly("get_blocking", args, kw, 1, 1)?;
    let fd = fd_arg(&a[0])?;
    Ok(boolobject::new(fd_flag(fd, libc::F_GETFL)? & libc::O_NONBLOCK == 0))
});

vm::fastcall_kw!(posix_set_blocking, |slf, args, kw| {
    let a = posonly("set_blocking", args, kw, 2, 2)?;
    let fd = fd_arg(&a[0])?;
    let on = vm::abstract_::is_true(&a[1])?;
    let f = fd_flag(fd, libc::F_GETFL)?;
    let nf = if on { f & !libc::O_NONBLOCK } else { f | libc::O_NONBLOCK };
    if unsafe { libc::fcntl(fd, libc::F_SETFL, nf) } < 0 {
        return Err(last_error());
    }
    Ok(none())
});

vm::fastcall_kw!(posix_device_encoding, |slf, args, kw| {
    let a = parse("device_encoding", args, kw, &["fd"], 1, 1)?;
    let fd = fd_arg(a[0].as_ref().unwrap())?;
    if unsafe { libc::isatty(fd) } != 1 {
        return Ok(none());
    }
    Ok(unicode::new("UTF-8"))
});

pub fn terminal_size_type() -> PyResult<*mut vm::object::PyTypeObject> {
    structseq::get_type("os.terminal_size", &["columns", "lines"])
}

vm::fastcall_kw!(posix_get_terminal_size, |slf, args, kw| {
    let a = posonly("get_terminal_size", args, kw, 0, 1)?;
    let fd = match a.first() {
        Some(f) => fd_arg(f)?,
        None => 1,
    };
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } != 0 {
        return Err(last_error());
    }
    let tp = terminal_size_type()?;
    Ok(structseq::new_from_values(tp, vec![int(ws.ws_col as i64), int(ws.ws_row as i64)]))
});

vm::fastcall_kw!(posix_urandom, |slf, args, kw| {
    let a = posonly("urandom", args, kw, 1, 1)?;
    let n = vm::abstract_::index_to_ssize(&a[0], Some(unsafe { vm::objects::exceptions::PyExc_OverflowError }))?;
    if n < 0 {
        return Err(err::value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut got = 0usize;
    while got < buf.len() {
        let r = unsafe { libc::getrandom(buf[got..].as_mut_ptr() as *mut libc::c_void, buf.len() - got, 0) };
        if r < 0 {
            if errno() == libc::EINTR {
                vm::signals::check()?;
                continue;
            }
            return Err(last_error());
        }
        got += r as usize;
    }
    Ok(bytes::new(&buf))
});

vm::fastcall_kw!(posix_sendfile, |slf, args, kw| {
    let a = parse("sendfile", args, kw, &["out_fd", "in_fd", "offset", "count"], 4, 4)?;
    let out_fd = fd_arg(a[0].as_ref().unwrap())?;
    let in_fd = fd_arg(a[1].as_ref().unwrap())?;
    let off = a[2].as_ref().unwrap();
    let count = vm::abstract_::index_to_ssize(a[3].as_ref().unwrap(), None)?.max(0) as usize;
    let r = if vm::objects::none::is_none(off) {
        retry(-1, || unsafe { libc::sendfile(out_fd, in_fd, std::ptr::null_mut(), count) })?
    } else {
        let mut o = i64_arg(off)?;
        retry(-1, || unsafe { libc::sendfile(out_fd, in_fd, &mut o, count) })?
    };
    if r < 0 {
        return Err(last_error());
    }
    Ok(int(r as i64))
});

vm::fastcall_kw!(posix_posix_fallocate, |slf, args, kw| {
    let a = posonly("posix_fallocate", args, kw, 3, 3)?;
    let fd = fd_arg(&a[0])?;
    let (off, len) = (i64_arg(&a[1])?, i64_arg(&a[2])?);
    // Returns the error number instead of setting errno.
    let r = unsafe { libc::posix_fallocate(fd, off, len) };
    if r != 0 {
        return Err(os_error(r, None, None));
    }
    Ok(none())
});

vm::fastcall_kw!(posix_posix_fadvise, |slf, args, kw| {
    let a = posonly("posix_fadvise", args, kw, 4, 4)?;
    let fd = fd_arg(&a[0])?;
    let (off, len, adv) = (i64_arg(&a[1])?, i64_arg(&a[2])?, c_int_arg(&a[3])?);
    let r = unsafe { libc::posix_fadvise(fd, off, len, adv) };
    if r != 0 {
        return Err(os_error(r, None, None));
    }
    Ok(none())
});
