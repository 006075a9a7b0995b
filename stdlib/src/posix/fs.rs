//! `posix` file-system functions on paths: stat and os.stat_result,
//! directories, links, permissions, times, the working directory.

use super::util::*;
use std::ffi::{CStr, CString};
use vm::err::{self, PyResult};
use vm::objects::{float, list, long, none, structseq, tuple};
use vm::objref::PyObj;

const STAT_FIELDS: [&str; 19] = [
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "", "", "", "st_atime", "st_mtime",
    "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev",
];

static mut STRUCTSEQ_NEW: Option<vm::object::newfunc> = None;

/// `os.stat_result(seq)`: the struct sequence constructor, then (as
/// CPython's) float times left None are taken from the integer ones.
unsafe extern "C" fn statresult_new(
    tp: *mut vm::object::PyTypeObject,
    args: *mut vm::object::PyObject,
    kw: *mut vm::object::PyObject,
) -> *mut vm::object::PyObject {
    let Some(base_new) = STRUCTSEQ_NEW else { return std::ptr::null_mut() };
    let o = base_new(tp, args, kw);
    if o.is_null() {
        return o;
    }
    let items = tuple::items_ptr(o);
    for i in 7..10 {
        let slot = items.add(i + 3);
        if !(*slot).is_null() && none::is_none(PyObj::borrow(&*slot)) {
            let v = *items.add(i);
            vm::objref::incref(v);
            vm::objref::decref(*slot);
            *slot = v;
        }
    }
    o
}

pub fn stat_result_type() -> PyResult<*mut vm::object::PyTypeObject> {
    let tp = structseq::get_type_ex("os.stat_result", &STAT_FIELDS, 10)?;
    unsafe {
        if (*(&raw const STRUCTSEQ_NEW)).is_none() {
            STRUCTSEQ_NEW = (*tp).tp_new;
            // The type's __new__ wrapper calls the slot, so this is enough.
            (*tp).tp_new = Some(statresult_new);
        }
    }
    Ok(tp)
}

/// `os.stat_result` from a `struct stat`.
pub fn stat_result(st: &libc::stat) -> PyResult {
    let tp = stat_result_type()?;
    let times = [(st.st_atime, st.st_atime_nsec), (st.st_mtime, st.st_mtime_nsec), (st.st_ctime, st.st_ctime_nsec)];
    let mut v = vec![
        long::from_u64(st.st_mode as u64),
        long::from_u64(st.st_ino as u64),
        long::from_u64(st.st_dev as u64),
        long::from_u64(st.st_nlink as u64),
        long::from_u64(st.st_uid as u64),
        long::from_u64(st.st_gid as u64),
        long::from_i64(st.st_size as i64),
    ];
    for (s, _) in times {
        v.push(long::from_i64(s as i64));
    }
    for (s, ns) in times {
        v.push(float::new(s as f64 + ns as f64 * 1e-9));
    }
    for (s, ns) in times {
        v.push(long::from_i128(s as i128 * 1_000_000_000 + ns as i128));
    }
    v.push(long::from_i64(st.st_blksize as i64));
    v.push(long::from_i64(st.st_blocks as i64));
    v.push(long::from_u64(st.st_rdev as u64));
    Ok(structseq::new_from_values(tp, v))
}

/// CPython refuses a dir_fd for a path given as an fd.
fn no_dir_fd_with_fd(fname: &str, p: &Path, dfd: i32) -> PyResult<()> {
    if p.fd.is_some() && dfd != libc::AT_FDCWD {
        return Err(err::value_error(format!("{}: can't specify dir_fd without matching path", fname)));
    }
    Ok(())
}

/// CPython refuses follow_symlinks=False for a path given as an fd (> 0).
fn no_fd_with_nofollow(fname: &str, p: &Path, follow: bool) -> PyResult<()> {
    if !follow && p.fd.is_some_and(|fd| fd > 0) {
        return Err(err::value_error(format!("{}: cannot use fd and follow_symlinks together", fname)));
    }
    Ok(())
}

/// stat/lstat/fstat on a converted path, with dir_fd and follow_symlinks.
pub fn do_stat(p: &Path, dir_fd: i32, follow: bool) -> PyResult<libc::stat> {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = retry(-1, || unsafe {
        match p.fd {
            Some(fd) => libc::fstat(fd, &mut st),
            None => libc::fstatat(dir_fd, p.ptr(), &mut st, if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW }),
        }
    })?;
    if r != 0 {
        return Err(path_error(p));
    }
    Ok(st)
}

vm::fastcall_kw!(posix_stat, |slf, args, kw| {
    let a = parse("stat", args, kw, &["path", "dir_fd", "follow_symlinks"], 1, 1)?;
    let p = path_arg("stat", "path", a[0].as_ref().unwrap(), true, false)?;
    let dfd = dir_fd_arg(&a[1])?;
    no_dir_fd_with_fd("stat", &p, dfd)?;
    let follow = bool_arg(&a[2], true)?;
    no_fd_with_nofollow("stat", &p, follow)?;
    let st = do_stat(&p, dfd, follow)?;
    stat_result(&st)
});

vm::fastcall_kw!(posix_lstat, |slf, args, kw| {
    let a = parse("lstat", args, kw, &["path", "dir_fd"], 1, 1)?;
    let p = path_arg("lstat", "path", a[0].as_ref().unwrap(), false, false)?;
    let st = do_stat(&p, dir_fd_arg(&a[1])?, false)?;
    stat_result(&st)
});

vm::fastcall_kw!(posix_fstat, |slf, args, kw| {
    let a = parse("fstat", args, kw, &["fd"], 1, 1)?;
    let fd = fd_arg(a[0].as_ref().unwrap())?;
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if retry(-1, || unsafe { libc::fstat(fd, &mut st) })? != 0 {
        return Err(last_error());
    }
    stat_result(&st)
});

vm::fastcall_kw!(posix_mkdir, |slf, args, kw| {
    let a = parse("mkdir", args, kw, &["path", "mode", "dir_fd"], 1, 2)?;
    let p = path_arg("mkdir", "path", a[0].as_ref().unwrap(), false, false)?;
    let mode = match &a[1] {
        Some(m) => c_int_arg(m)?,
        None => 0o777,
    };
    let dfd = dir_fd_arg(&a[2])?;
    if unsafe { libc::mkdirat(dfd, p.ptr(), mode as libc::mode_t) } != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
});

fn unlink_impl(fname: &str, args: &[PyObj], kw: Option<&PyObj>, dir: bool) -> PyResult {
    let a = parse(fname, args, kw, &["path", "dir_fd"], 1, 1)?;
    let p = path_arg(fname, "path", a[0].as_ref().unwrap(), false, false)?;
    let dfd = dir_fd_arg(&a[1])?;
    let flag = if dir { libc::AT_REMOVEDIR } else { 0 };
    if unsafe { libc::unlinkat(dfd, p.ptr(), flag) } != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
}

vm::fastcall_kw!(posix_rmdir, |slf, args, kw| { unlink_impl("rmdir", args, kw, true) });
vm::fastcall_kw!(posix_unlink, |slf, args, kw| { unlink_impl("unlink", args, kw, false) });
vm::fastcall_kw!(posix_remove, |slf, args, kw| { unlink_impl("remove", args, kw, false) });

fn rename_impl(fname: &str, args: &[PyObj], kw: Option<&PyObj>) -> PyResult {
    let a = parse(fname, args, kw, &["src", "dst", "src_dir_fd", "dst_dir_fd"], 2, 2)?;
    let s = path_arg(fname, "src", a[0].as_ref().unwrap(), false, false)?;
    let d = path_arg(fname, "dst", a[1].as_ref().unwrap(), false, false)?;
    if unsafe { libc::renameat(dir_fd_arg(&a[2])?, s.ptr(), dir_fd_arg(&a[3])?, d.ptr()) } != 0 {
        return Err(path_error2(&s, &d));
    }
    Ok(none())
}

vm::fastcall_kw!(posix_rename, |slf, args, kw| { rename_impl("rename", args, kw) });
vm::fastcall_kw!(posix_replace, |slf, args, kw| { rename_impl("replace", args, kw) });

vm::fastcall_kw!(posix_link, |slf, args, kw| {
    let a = parse("link", args, kw, &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], 2, 2)?;
    let s = path_arg("link", "src", a[0].as_ref().unwrap(), false, false)?;
    let d = path_arg("link", "dst", a[1].as_ref().unwrap(), false, false)?;
    let flags = if bool_arg(&a[4], true)? { libc::AT_SYMLINK_FOLLOW } else { 0 };
    if unsafe { libc::linkat(dir_fd_arg(&a[2])?, s.ptr(), dir_fd_arg(&a[3])?, d.ptr(), flags) } != 0 {
        return Err(path_error2(&s, &d));
    }
    Ok(none())
});

vm::fastcall_kw!(posix_symlink, |slf, args, kw| {
    let a = parse("symlink", args, kw, &["src", "dst", "target_is_directory", "dir_fd"], 2, 3)?;
    let s = path_arg("symlink", "src", a[0].as_ref().unwrap(), false, false)?;
    let d = path_arg("symlink", "dst", a[1].as_ref().unwrap(), false, false)?;
    if unsafe { libc::symlinkat(s.ptr(), dir_fd_arg(&a[3])?, d.ptr()) } != 0 {
        return Err(path_error2(&s, &d));
    }
    Ok(none())
});

vm::fastcall_kw!(posix_readlink, |slf, args, kw| {
    let a = parse("readlink", args, kw, &["path", "dir_fd"], 1, 1)?;
    let p = path_arg("readlink", "path", a[0].as_ref().unwrap(), false, false)?;
    let dfd = dir_fd_arg(&a[1])?;
    let mut buf = vec![0u8; libc::PATH_MAX as usize + 1];
    let n = unsafe { libc::readlinkat(dfd, p.ptr(), buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if n < 0 {
        return Err(path_error(&p));
    }
    Ok(fs_name(&buf[..n as usize], p.is_bytes))
});

vm::fastcall_kw!(posix_access, |slf, args, kw| {
    let a = parse("access", args, kw, &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 2, 2)?;
    let p = path_arg("access", "path", a[0].as_ref().unwrap(), false, false)?;
    let mode = c_int_arg(a[1].as_ref().unwrap())?;
    let mut flags = 0;
    if bool_arg(&a[3], false)? {
        flags |= libc::AT_EACCESS;
    }
    if !bool_arg(&a[4], true)? {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    let r = unsafe { libc::faccessat(dir_fd_arg(&a[2])?, p.ptr(), mode, flags) };
    Ok(vm::objects::boolobject::new(r == 0))
});

vm::fastcall_kw!(posix_chmod, |slf, args, kw| {
    let a = parse("chmod", args, kw, &["path", "mode", "dir_fd", "follow_symlinks"], 2, 2)?;
    let p = path_arg("chmod", "path", a[0].as_ref().unwrap(), true, false)?;
    let mode = c_int_arg(a[1].as_ref().unwrap())? as libc::mode_t;
    let follow = bool_arg(&a[3], true)?;
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fchmod(fd, mode),
            None => libc::fchmodat(dir_fd_arg(&a[2])?, p.ptr(), mode, if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW }),
        }
    };
    if r != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
});

vm::fastcall_kw!(posix_fchmod, |slf, args, kw| {
    let a = parse("fchmod", args, kw, &["fd", "mode"], 2, 2)?;
    let fd = fd_arg(a[0].as_ref().unwrap())?;
    let mode = c_int_arg(a[1].as_ref().unwrap())? as libc::mode_t;
    if unsafe { libc::fchmod(fd, mode) } != 0 {
        return Err(last_error());
    }
    Ok(none())
});

fn id_arg(o: &PyObj) -> PyResult<u32> {
    let v = i64_arg(o)?;
    if v == -1 {
        return Ok(u32::MAX);
    }
    if v < 0 || v > u32::MAX as i64 {
        return Err(err::overflow_error("uid is greater than maximum"));
    }
    Ok(v as u32)
}

vm::fastcall_kw!(posix_chown, |slf, args, kw| {
    let a = parse("chown", args, kw, &["path", "uid", "gid", "dir_fd", "follow_symlinks"], 3, 3)?;
    let p = path_arg("chown", "path", a[0].as_ref().unwrap(), true, false)?;
    let uid = id_arg(a[1].as_ref().unwrap())?;
    let gid = id_arg(a[2].as_ref().unwrap())?;
    let follow = bool_arg(&a[4], true)?;
    if p.fd.is_some() && a[3].as_ref().is_some_and(|d| !none::is_none(d)) {
        return Err(err::value_error("chown: can't specify both dir_fd and fd"));
    }
    no_fd_with_nofollow("chown", &p, follow)?;
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fchown(fd, uid, gid),
            None => {
                libc::fchownat(dir_fd_arg(&a[3])?, p.ptr(), uid, gid, if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW })
            }
        }
    };
    if r != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
});

vm::fastcall_kw!(posix_lchown, |slf, args, kw| {
    let a = parse("lchown", args, kw, &["path", "uid", "gid"], 3, 3)?;
    let p = path_arg("lchown", "path", a[0].as_ref().unwrap(), false, false)?;
    let (uid, gid) = (id_arg(a[1].as_ref().unwrap())?, id_arg(a[2].as_ref().unwrap())?);
    if unsafe { libc::lchown(p.ptr(), uid, gid) } != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
});

vm::fastcall_kw!(posix_fchown, |slf, args, kw| {
    let a = parse("fchown", args, kw, &["fd", "uid", "gid"], 3, 3)?;
    let fd = fd_arg(a[0].as_ref().unwrap())?;
    let (uid, gid) = (id_arg(a[1].as_ref().unwrap())?, id_arg(a[2].as_ref().unwrap())?);
    if unsafe { libc::fchown(fd, uid, gid) } != 0 {
        return Err(last_error());
    }
    Ok(none())
});

/// A time in seconds (int or float) as a timespec, rounded toward -inf.
fn timespec_of(o: &PyObj) -> PyResult<libc::timespec> {
    if float::is_float(o) {
        let v = float::value(o);
        if !v.is_finite() {
            return Err(err::value_error("Invalid value NaN (not a number)"));
        }
        let s = v.floor();
        let mut ns = ((v - s) * 1e9).floor();
        if ns >= 1e9 {
            ns = 0.0;
        }
        return Ok(libc::timespec { tv_sec: s as libc::time_t, tv_nsec: ns as libc::c_long });
    }
    Ok(libc::timespec { tv_sec: i64_arg(o)? as libc::time_t, tv_nsec: 0 })
}

fn ns_timespec(o: &PyObj) -> PyResult<libc::timespec> {
    let ns = i64_arg(o)?;
    Ok(libc::timespec {
        tv_sec: ns.div_euclid(1_000_000_000) as libc::time_t,
        tv_nsec: ns.rem_euclid(1_000_000_000) as libc::c_long,
    })
}

vm::fastcall_kw!(posix_utime, |slf, args, kw| {
    let a = parse("utime", args, kw, &["path", "times", "ns", "dir_fd", "follow_symlinks"], 1, 2)?;
    let p = path_arg("utime", "path", a[0].as_ref().unwrap(), true, false)?;
    let times = a[1].clone().filter(|t| !none::is_none(t));
    if times.is_some() && a[2].is_some() {
        return Err(err::value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let mut ts: Option<[libc::timespec; 2]> = None;
    if let Some(t) = &times {
        if !tuple::is_tuple(t) || tuple::len(t) != 2 {
            return Err(err::type_error("utime: 'times' must be either a tuple of two ints or None"));
        }
        let it = tuple::items(t);
        ts = Some([timespec_of(&it[0])?, timespec_of(&it[1])?]);
    }
    if let Some(n) = &a[2] {
        if !tuple::is_tuple(n) || tuple::len(n) != 2 {
            return Err(err::type_error("utime: 'ns' must be a tuple of two ints"));
        }
        let it = tuple::items(n);
        ts = Some([ns_timespec(&it[0])?, ns_timespec(&it[1])?]);
    }
    let follow = bool_arg(&a[4], true)?;
    let dfd = dir_fd_arg(&a[3])?;
    no_dir_fd_with_fd("utime", &p, dfd)?;
    no_fd_with_nofollow("utime", &p, follow)?;
    let tp = match &ts {
        Some(t) => t.as_ptr(),
        None => std::ptr::null(),
    };
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::futimens(fd, tp),
            None => libc::utimensat(dfd, p.ptr(), tp, if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW }),
        }
    };
    if r != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
});

vm::fastcall_kw!(posix_truncate, |slf, args, kw| {
    let a = parse("truncate", args, kw, &["path", "length"], 2, 2)?;
    let p = path_arg("truncate", "path", a[0].as_ref().unwrap(), true, false)?;
    let len = i64_arg(a[1].as_ref().unwrap())?;
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::ftruncate(fd, len),
            None => libc::truncate(p.ptr(), len),
        }
    };
    if r != 0 {
        // An fd goes through ftruncate, whose error has no filename.
        return Err(if p.fd.is_some() { last_error() } else { path_error(&p) });
    }
    Ok(none())
});

fn cwd_bytes() -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; 1024];
    loop {
        let r = unsafe { libc::getcwd(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
        if !r.is_null() {
            let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            buf.truncate(n);
            return Ok(buf);
        }
        if errno() != libc::ERANGE {
            return Err(last_error());
        }
        let n = buf.len() * 2;
        buf.resize(n, 0);
    }
}

vm::onearg!(posix_getcwd, |slf, _a| {
    Ok(fs_decode(&cwd_bytes()?))
});

vm::onearg!(posix_getcwdb, |slf, _a| {
    Ok(vm::objects::bytes::new(&cwd_bytes()?))
});

vm::fastcall_kw!(posix_chdir, |slf, args, kw| {
    let a = parse("chdir", args, kw, &["path"], 1, 1)?;
    let p = path_arg("chdir", "path", a[0].as_ref().unwrap(), true, false)?;
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fchdir(fd),
            None => libc::chdir(p.ptr()),
        }
    };
    if r != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
});

vm::fastcall_kw!(posix_fchdir, |slf, args, kw| {
    let a = parse("fchdir", args, kw, &["fd"], 1, 1)?;
    let fd = fd_arg(a[0].as_ref().unwrap())?;
    if unsafe { libc::fchdir(fd) } != 0 {
        return Err(last_error());
    }
    Ok(none())
});

/// Names in a directory stream, without "." and "..". Closes `dir`;
/// `rewind` leaves a shared (dup'ed) fd's offset back at the start.
pub unsafe fn read_names(dir: *mut libc::DIR, rewind: bool) -> Result<Vec<Vec<u8>>, i32> {
    let mut out = Vec::new();
    loop {
        *libc::__errno_location() = 0;
        let e = libc::readdir(dir);
        if e.is_null() {
            let code = errno();
            if rewind {
                libc::rewinddir(dir);
            }
            libc::closedir(dir);
            if code != 0 {
                return Err(code);
            }
            return Ok(out);
        }
        let name = CStr::from_ptr((*e).d_name.as_ptr()).to_bytes();
        if name != b"." && name != b".." {
            out.push(name.to_vec());
        }
    }
}

vm::fastcall_kw!(posix_listdir, |slf, args, kw| {
    let a = parse("listdir", args, kw, &["path"], 0, 1)?;
    let p = match &a[0] {
        Some(o) => path_arg("listdir", "path", o, true, true)?,
        None => path_arg("listdir", "path", &none(), true, true)?,
    };
    let dir = unsafe {
        match p.fd {
            Some(fd) => {
                let d = libc::dup(fd);
                if d < 0 {
                    return Err(last_error());
                }
                let dir = libc::fdopendir(d);
                if dir.is_null() {
                    let e = errno();
                    libc::close(d);
                    return Err(os_error(e, None, None));
                }
                libc::rewinddir(dir);
                dir
            }
            None => libc::opendir(p.ptr()),
        }
    };
    if dir.is_null() {
        return Err(path_error(&p));
    }
    let names = unsafe { read_names(dir, p.fd.is_some()) }.map_err(|e| os_error(e, p.filename(), None))?;
    let as_bytes = p.is_bytes;
    Ok(list::new(names.iter().map(|n| fs_name(n, as_bytes)).collect()))
});

vm::fastcall!(posix_umask, |slf, args| {
    vm::objects::methodobject::check_nargs("umask", args, 1, 1)?;
    let m = c_int_arg(&args[0])?;
    Ok(int(unsafe { libc::umask(m as libc::mode_t) } as i64))
});

vm::fastcall_kw!(posix_mkfifo, |slf, args, kw| {
    let a = parse("mkfifo", args, kw, &["path", "mode", "dir_fd"], 1, 2)?;
    let p = path_arg("mkfifo", "path", a[0].as_ref().unwrap(), false, false)?;
    let mode = match &a[1] {
        Some(m) => c_int_arg(m)?,
        None => 0o666,
    };
    if unsafe { libc::mkfifoat(dir_fd_arg(&a[2])?, p.ptr(), mode as libc::mode_t) } != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
});

/// A CString from raw bytes, for names built in Rust (no NUL inside).
pub fn cstring(b: &[u8]) -> PyResult<CString> {
    CString::new(b.to_vec()).map_err(|_| err::value_error("embedded null byte"))
}

vm::fastcall_kw!(posix_mknod, |slf, args, kw| {
    let a = parse("mknod", args, kw, &["path", "mode", "device", "dir_fd"], 1, 3)?;
    let p = path_arg("mknod", "path", a[0].as_ref().unwrap(), false, false)?;
    let mode = match &a[1] {
        Some(m) => c_int_arg(m)?,
        None => 0o600,
    };
    let dev = match &a[2] {
        Some(d) => i64_arg(d)? as libc::dev_t,
        None => 0,
    };
    if unsafe { libc::mknodat(dir_fd_arg(&a[3])?, p.ptr(), mode as libc::mode_t, dev) } != 0 {
        return Err(path_error(&p));
    }
    Ok(none())
});

vm::fastcall_kw!(posix_major, |slf, args, kw| {
    let a = posonly("major", args, kw, 1, 1)?;
    Ok(int(libc::major(i64_arg(&a[0])? as libc::dev_t) as i64))
});

vm::fastcall_kw!(posix_minor, |slf, args, kw| {
    let a = posonly("minor", args, kw, 1, 1)?;
    Ok(int(libc::minor(i64_arg(&a[0])? as libc::dev_t) as i64))
});

vm::fastcall_kw!(posix_makedev, |slf, args, kw| {
    let a = posonly("makedev", args, kw, 2, 2)?;
    let (ma, mi) = (i64_arg(&a[0])? as u32, i64_arg(&a[1])? as u32);
    Ok(vm::objects::long::from_u64(libc::makedev(ma, mi) as u64))
});

const STATVFS_FIELDS: [&str; 11] = [
    "f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax",
    "f_fsid",
];

pub fn statvfs_result_type() -> PyResult<*mut vm::object::PyTypeObject> {
    structseq::get_type_ex("os.statvfs_result", &STATVFS_FIELDS, 10)
}

fn statvfs_result(s: &libc::statvfs) -> PyResult {
    let tp = statvfs_result_type()?;
    let u = |v: u64| long::from_u64(v);
    Ok(structseq::new_from_values(
        tp,
        vec![
            u(s.f_bsize as u64),
            u(s.f_frsize as u64),
            u(s.f_blocks as u64),
            u(s.f_bfree as u64),
            u(s.f_bavail as u64),
            u(s.f_files as u64),
            u(s.f_ffree as u64),
            u(s.f_favail as u64),
            u(s.f_flag as u64),
            u(s.f_namemax as u64),
            u(s.f_fsid as u64),
        ],
    ))
}

vm::fastcall_kw!(posix_statvfs, |slf, args, kw| {
    let a = parse("statvfs", args, kw, &["path"], 1, 1)?;
    let p = path_arg("statvfs", "path", a[0].as_ref().unwrap(), true, false)?;
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    let r = retry(-1, || unsafe {
        match p.fd {
            Some(fd) => libc::fstatvfs(fd, &mut s),
            None => libc::statvfs(p.ptr(), &mut s),
        }
    })?;
    if r != 0 {
        return Err(path_error(&p));
    }
    statvfs_result(&s)
});

vm::fastcall_kw!(posix_fstatvfs, |slf, args, kw| {
    let a = posonly("fstatvfs", args, kw, 1, 1)?;
    let fd = fd_arg(&a[0])?;
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    if retry(-1, || unsafe { libc::fstatvfs(fd, &mut s) })? != 0 {
        return Err(last_error());
    }
    statvfs_result(&s)
});

pub const PATHCONF_NAMES: &[(&str, i32)] = &[
    ("PC_LINK_MAX", libc::_PC_LINK_MAX),
    ("PC_MAX_CANON", libc::_PC_MAX_CANON),
    ("PC_MAX_INPUT", libc::_PC_MAX_INPUT),
    ("PC_NAME_MAX", libc::_PC_NAME_MAX),
    ("PC_PATH_MAX", libc::_PC_PATH_MAX),
    ("PC_PIPE_BUF", libc::_PC_PIPE_BUF),
    ("PC_CHOWN_RESTRICTED", libc::_PC_CHOWN_RESTRICTED),
    ("PC_NO_TRUNC", libc::_PC_NO_TRUNC),
    ("PC_VDISABLE", libc::_PC_VDISABLE),
    ("PC_SYNC_IO", libc::_PC_SYNC_IO),
    ("PC_ASYNC_IO", libc::_PC_ASYNC_IO),
    ("PC_PRIO_IO", libc::_PC_PRIO_IO),
    ("PC_SOCK_MAXBUF", libc::_PC_SOCK_MAXBUF),
    ("PC_FILESIZEBITS", libc::_PC_FILESIZEBITS),
    ("PC_REC_INCR_XFER_SIZE", libc::_PC_REC_INCR_XFER_SIZE),
    ("PC_REC_MAX_XFER_SIZE", libc::_PC_REC_MAX_XFER_SIZE),
    ("PC_REC_MIN_XFER_SIZE", libc::_PC_REC_MIN_XFER_SIZE),
    ("PC_REC_XFER_ALIGN", libc::_PC_REC_XFER_ALIGN),
    ("PC_ALLOC_SIZE_MIN", libc::_PC_ALLOC_SIZE_MIN),
    ("PC_SYMLINK_MAX", libc::_PC_SYMLINK_MAX),
];

fn pathconf_name(o: &PyObj) -> PyResult<i32> {
    super::process::conf_name(o, PATHCONF_NAMES)
}

vm::fastcall_kw!(posix_pathconf, |slf, args, kw| {
    let a = parse("pathconf", args, kw, &["path", "name"], 2, 2)?;
    let p = path_arg("pathconf", "path", a[0].as_ref().unwrap(), true, false)?;
    let name = pathconf_name(a[1].as_ref().unwrap())?;
    unsafe { *libc::__errno_location() = 0 };
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fpathconf(fd, name),
            None => libc::pathconf(p.ptr(), name),
        }
    };
    if r == -1 && errno() != 0 {
        return Err(path_error(&p));
    }
    Ok(int(r as i64))
});

vm::fastcall_kw!(posix_fpathconf, |slf, args, kw| {
    let a = posonly("fpathconf", args, kw, 2, 2)?;
    let fd = fd_arg(&a[0])?;
    let name = pathconf_name(&a[1])?;
    unsafe { *libc::__errno_location() = 0 };
    let r = unsafe { libc::fpathconf(fd, name) };
    if r == -1 && errno() != 0 {
        return Err(last_error());
    }
    Ok(int(r as i64))
});
