//! `_io.FileIO`: unbuffered binary I/O on a file descriptor (opened from a
//! path with `open(2)`, or an fd given by the caller, or a custom opener).

use super::iobase::{self, int_arg, io_type, size_arg, state, unsupported, State};
use std::os::raw::c_void;
use vm::abstract_ as ab;
use vm::err::{self, PyErr, PyResult};
use vm::object::*;
use vm::objects::{boolobject, bytes, long, none, unicode};
use vm::objref::PyObj;

io_type!(FILEIO_TYPE, "FileIO");

pub struct FileState {
    pub fd: i32,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub closefd: bool,
    /// -1 unknown, 0 no, 1 yes.
    pub seekable: i8,
    pub blksize: i64,
}

pub fn is_exact(o: &PyObj) -> bool {
    o.ob_type() == &raw mut FILEIO_TYPE
}

pub fn errno_err(filename: Option<&PyObj>) -> PyErr {
    let code = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    errno_code_err(code, filename)
}

pub fn errno_code_err(code: i32, filename: Option<&PyObj>) -> PyErr {
    let msg = std::io::Error::from_raw_os_error(code).to_string();
    let msg = match msg.rfind(" (os error") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    let mut args = vec![long::from_i64(code as i64), unicode::new(&msg)];
    if let Some(f) = filename {
        args.push(f.clone());
    }
    err::with_args(unsafe { vm::objects::exceptions::PyExc_OSError }, &args)
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

pub fn st<'a>(o: &PyObj) -> PyResult<&'a mut FileState> {
    match unsafe { state(o) } {
        Some(State::File(f)) => Ok(f),
        _ => Err(iobase::uninit()),
    }
}

/// FileIO's own closed-file message has no final period (unlike _IOBase's).
pub fn closed_fd() -> PyErr {
    err::value_error("I/O operation on closed file")
}

fn open_st<'a>(o: &PyObj) -> PyResult<&'a mut FileState> {
    let f = st(o).map_err(|_| closed_fd())?;
    if f.fd < 0 {
        return Err(closed_fd());
    }
    Ok(f)
}

fn mode_err(what: &str) -> PyErr {
    unsupported(&format!("File not open for {}", what))
}

pub fn mode_string(f: &FileState) -> &'static str {
    if f.created {
        if f.readable { "xb+" } else { "xb" }
    } else if f.appending {
        if f.readable { "ab+" } else { "ab" }
    } else if f.readable {
        if f.writable { "rb+" } else { "rb" }
    } else {
        "wb"
    }
}

/// The file-system path of a `file` argument (str, bytes or os.PathLike).
pub fn fspath(file: &PyObj) -> PyResult<PyObj> {
    if unicode::is_str(file) || bytes::is_bytes(file) {
        return Ok(file.clone());
    }
    if let Some(f) = vm::typeobj::lookup_str(file.ob_type(), "__fspath__") {
        let r = ab::call1(&f, file)?;
        if unicode::is_str(&r) || bytes::is_bytes(&r) {
            return Ok(r);
        }
        return Err(err::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            vm::typeobj::type_name(file.ob_type()),
            vm::typeobj::type_name(r.ob_type())
        )));
    }
    Err(err::type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        vm::typeobj::type_name(file.ob_type())
    )))
}

fn path_bytes(p: &PyObj) -> PyResult<Vec<u8>> {
    let b = if bytes::is_bytes(p) {
        bytes::as_slice(p).to_vec()
    } else {
        // The file-system encoding is utf-8 with surrogateescape.
        let e = vm::objects::bytes_methods::encode_str(p, "utf-8", "surrogateescape")?;
        bytes::as_slice(&e).to_vec()
    };
    if b.contains(&0) {
        return Err(err::value_error("embedded null byte"));
    }
    Ok(b)
}

unsafe extern "C" fn fileio_init(o: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> i32 {
    let slf = PyObj::borrow(&o);
    err::int_result((|| -> PyResult<()> {
        let a = iobase::bind_tuple_dict("FileIO", args, kwargs, &["file", "mode", "closefd", "opener"], 1)?;
        let file = a[0].clone().unwrap_or_else(none::none);
        let mode = match &a[1] {
            Some(m) => {
                if !unicode::is_str(m) {
                    return Err(err::type_error(format!(
                        "FileIO() argument 'mode' must be str, not {}",
                        vm::typeobj::type_name(m.ob_type())
                    )));
                }
                unicode::to_string_lossy(m)
            }
            None => "r".to_string(),
        };
        let closefd = match &a[2] {
            Some(c) => ab::is_true(c)?,
            None => true,
        };
        let opener = iobase::given(&a[3]).cloned();
        // Re-initialising an open FileIO closes its old descriptor first.
        if let Ok(f) = st(slf) {
            if f.fd >= 0 && f.closefd {
                libc::close(f.fd);
            }
            f.fd = -1;
        }
        if vm::objects::float::is_float(&file) {
            return Err(err::type_error("integer argument expected, got float"));
        }
        let mut fd: i32 = -1;
        let mut path: Option<PyObj> = None;
        if long::is_int(&file) {
            let v = ab::to_i64(&file)?;
            if v < 0 {
                return Err(err::value_error("negative file descriptor"));
            }
            if v > i32::MAX as i64 {
                return Err(err::overflow_error("fd is greater than maximum"));
            }
            fd = v as i32;
        } else {
            path = Some(fspath(&file)?);
        }
        let (mut readable, mut writable, mut appending, mut created) = (false, false, false, false);
        let mut rwa = false;
        let mut plus = false;
        let mut flags: i32 = 0;
        let bad = || err::value_error("Must have exactly one of create/read/write/append mode and at most one plus");
        for c in mode.chars() {
            match c {
                'x' | 'r' | 'w' | 'a' => {
                    if rwa {
                        return Err(bad());
                    }
                    rwa = true;
                    match c {
                        'x' => {
                            created = true;
                            writable = true;
                            flags |= libc::O_EXCL | libc::O_CREAT;
                        }
                        'r' => readable = true,
                        'w' => {
                            writable = true;
                            flags |= libc::O_CREAT | libc::O_TRUNC;
                        }
                        _ => {
                            writable = true;
                            appending = true;
                            flags |= libc::O_APPEND | libc::O_CREAT;
                        }
                    }
                }
                'b' => {}
                '+' => {
                    if plus {
                        return Err(bad());
                    }
                    readable = true;
                    writable = true;
                    plus = true;
                }
                _ => return Err(err::value_error(format!("invalid mode: {}", mode))),
            }
        }
        if !rwa {
            return Err(bad());
        }
        flags |= if readable && writable {
            libc::O_RDWR
        } else if readable {
            libc::O_RDONLY
        } else {
            libc::O_WRONLY
        };
        flags |= libc::O_CLOEXEC;
        let mut owned = false;
        if let Some(p) = &path {
            if !closefd {
                return Err(err::value_error("Cannot use closefd=False with file name"));
            }
            if let Some(op) = &opener {
                let r = ab::call(op, &[file.clone(), long::from_i64(flags as i64)], None)?;
                if !long::is_int(&r) {
                    return Err(err::type_error("expected integer from opener"));
                }
                let v = ab::to_i64(&r)?;
                if v < 0 {
                    if !err::occurred() {
                        return Err(err::value_error(format!("opener returned {}", v)));
                    }
                    return Err(err::fetch());
                }
                fd = v as i32;
            } else {
                let pb = path_bytes(p)?;
                let c = std::ffi::CString::new(pb).map_err(|_| err::value_error("embedded null byte"))?;
                loop {
                    fd = libc::open(c.as_ptr(), flags, 0o666 as libc::c_uint);
                    if fd < 0 && last_errno() == libc::EINTR {
                        vm::signals::check()?;
                        continue;
                    }
                    break;
                }
                if fd < 0 {
                    return Err(errno_err(Some(&file)));
                }
            }
            owned = true;
        }
        let mut sb: libc::stat = std::mem::zeroed();
        let mut blksize: i64 = super::DEFAULT_BUFFER_SIZE as i64;
        if libc::fstat(fd, &mut sb) < 0 {
            let e = last_errno();
            if e == libc::EBADF {
                if owned {
                    libc::close(fd);
                }
                return Err(errno_code_err(e, None));
            }
        } else {
            if (sb.st_mode & libc::S_IFMT) == libc::S_IFDIR {
                if owned {
                    libc::close(fd);
                }
                return Err(errno_code_err(libc::EISDIR, Some(&file)));
            }
            if sb.st_blksize > 1 {
                blksize = sb.st_blksize as i64;
            }
        }
        iobase::set_state(slf, State::File(FileState {
            fd,
            readable,
            writable,
            appending,
            created,
            closefd: if path.is_some() { true } else { closefd },
            seekable: -1,
            blksize,
        }));
        ab::setattr_str(slf, "name", file.clone())?;
        if appending {
            // For consistent tell() on files opened in append mode.
            libc::lseek(fd, 0, libc::SEEK_END);
        }
        Ok(())
    })())
}

pub fn raw_read(f: &FileState, n: usize) -> PyResult<Option<Vec<u8>>> {
    let mut buf = iobase::zeroed(n)?;
    loop {
        let r = unsafe { libc::read(f.fd, buf.as_mut_ptr() as *mut c_void, n) };
        if r < 0 {
            let e = last_errno();
            if e == libc::EINTR {
                vm::signals::check()?;
                continue;
            }
            if e == libc::EAGAIN {
                return Ok(None);
            }
            return Err(errno_code_err(e, None));
        }
        buf.truncate(r as usize);
        return Ok(Some(buf));
    }
}

pub fn raw_write(f: &FileState, data: &[u8]) -> PyResult<Option<usize>> {
    loop {
        let r = unsafe { libc::write(f.fd, data.as_ptr() as *const c_void, data.len()) };
        if r < 0 {
            let e = last_errno();
            if e == libc::EINTR {
                vm::signals::check()?;
                continue;
            }
            if e == libc::EAGAIN {
                return Ok(None);
            }
            return Err(errno_code_err(e, None));
        }
        return Ok(Some(r as usize));
    }
}

/// `FileIO.read(size)` for a FileIO known to be open and readable.
pub fn read_checked(o: &PyObj, n: isize) -> PyResult<Option<Vec<u8>>> {
    let f = open_st(o)?;
    if !f.readable {
        return Err(mode_err("reading"));
    }
    if n < 0 {
        return readall(f).map(Some);
    }
    raw_read(f, n as usize)
}

pub fn write_checked(o: &PyObj, data: &[u8]) -> PyResult<Option<usize>> {
    let f = open_st(o)?;
    if !f.writable {
        return Err(mode_err("writing"));
    }
    raw_write(f, data)
}

pub fn readall(f: &FileState) -> PyResult<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new();
    let mut sb: libc::stat = unsafe { std::mem::zeroed() };
    let mut want = 8192usize;
    unsafe {
        let pos = libc::lseek(f.fd, 0, libc::SEEK_CUR);
        if libc::fstat(f.fd, &mut sb) == 0 && pos >= 0 && sb.st_size > pos {
            want = (sb.st_size - pos) as usize + 1;
        }
    }
    loop {
        match raw_read(f, want)? {
            None => {
                if out.is_empty() {
                    return Err(errno_code_err(libc::EAGAIN, None));
                }
                break;
            }
            Some(d) => {
                if d.is_empty() {
                    break;
                }
                out.extend_from_slice(&d);
                want = want.max(65536);
            }
        }
    }
    Ok(out)
}

vm::fastcall!(fio_read, |slf, args| {
    vm::objects::methodobject::check_nargs("read", args, 0, 1)?;
    let n = size_arg(args.first())?;
    Ok(match read_checked(slf, n)? {
        Some(d) => bytes::new(&d),
        None => none::none(),
    })
});

vm::fastcall!(fio_readall, |slf, args| {
    let f = open_st(slf)?;
    match readall(f) {
        Ok(d) => Ok(bytes::new(&d)),
        Err(e) if iobase::err_is(&e, unsafe { vm::objects::exceptions::PyExc_BlockingIOError }) => Ok(none::none()),
        Err(e) => Err(e),
    }
});

vm::onearg!(fio_readinto, |slf, buf| {
    let buf = buf.unwrap();
    let f = open_st(slf)?;
    if !f.readable {
        return Err(mode_err("reading"));
    }
    let n = iobase::buffer_len("readinto", buf)?;
    match raw_read(f, n)? {
        None => Ok(none::none()),
        Some(d) => Ok(long::from_usize(iobase::write_into_buffer(buf, &d)?)),
    }
});

vm::onearg!(fio_write, |slf, b| {
    let f = open_st(slf)?;
    if !f.writable {
        return Err(mode_err("writing"));
    }
    let data = iobase::bytes_arg(b.unwrap())?;
    Ok(match raw_write(f, &data)? {
        Some(n) => long::from_usize(n),
        None => none::none(),
    })
});

pub fn seek_fd(fd: i32, pos: i64, whence: i32) -> PyResult<i64> {
    let r = unsafe { libc::lseek(fd, pos, whence) };
    if r < 0 {
        return Err(errno_err(None));
    }
    Ok(r)
}

vm::fastcall!(fio_seek, |slf, args| {
    vm::objects::methodobject::check_nargs("seek", args, 1, 2)?;
    let f = open_st(slf)?;
    if vm::objects::float::is_float(&args[0]) {
        return Err(err::type_error("an integer is required"));
    }
    let pos = int_arg(&args[0])?;
    let whence = match args.get(1) {
        Some(w) => int_arg(w)? as i32,
        None => 0,
    };
    let r = seek_fd(f.fd, pos, whence)?;
    f.seekable = 1;
    Ok(long::from_i64(r))
});

vm::fastcall!(fio_tell, |slf, args| {
    let f = open_st(slf)?;
    Ok(long::from_i64(seek_fd(f.fd, 0, libc::SEEK_CUR)?))
});

vm::fastcall!(fio_truncate, |slf, args| {
    vm::objects::methodobject::check_nargs("truncate", args, 0, 1)?;
    let f = open_st(slf)?;
    if !f.writable {
        return Err(mode_err("writing"));
    }
    let size = match args.first().filter(|a| !none::is_none(a)) {
        Some(s) => int_arg(s)?,
        None => seek_fd(f.fd, 0, libc::SEEK_CUR)?,
    };
    if unsafe { libc::ftruncate(f.fd, size) } < 0 {
        return Err(errno_err(None));
    }
    Ok(long::from_i64(size))
});

pub fn seekable(o: &PyObj) -> PyResult<bool> {
    let f = open_st(o)?;
    if f.seekable < 0 {
        f.seekable = if unsafe { libc::lseek(f.fd, 0, libc::SEEK_CUR) } < 0 { 0 } else { 1 };
    }
    Ok(f.seekable == 1)
}

vm::fastcall!(fio_seekable, |slf, args| { seekable(slf).map(boolobject::new) });
vm::fastcall!(fio_readable, |slf, args| { Ok(boolobject::new(open_st(slf)?.readable)) });
vm::fastcall!(fio_writable, |slf, args| { Ok(boolobject::new(open_st(slf)?.writable)) });
vm::fastcall!(fio_fileno, |slf, args| { Ok(long::from_i64(open_st(slf)?.fd as i64)) });
vm::fastcall!(fio_isatty, |slf, args| {
    let f = open_st(slf)?;
    Ok(boolobject::new(unsafe { libc::isatty(f.fd) } == 1))
});

pub fn close(o: &PyObj) -> PyResult<()> {
    let r = iobase::iobase_close(o);
    if let Ok(f) = st(o) {
        if f.fd >= 0 {
            let fd = f.fd;
            f.fd = -1;
            if f.closefd && unsafe { libc::close(fd) } < 0 {
                let e = errno_err(None);
                r?;
                return Err(e);
            }
        }
    }
    r
}

vm::fastcall!(fio_close, |slf, args| { close(slf).map(|_| none::none()) });

unsafe extern "C" fn fio_get_closed(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let s = PyObj::borrow(&o);
    boolobject::new(st(s).map(|f| f.fd < 0).unwrap_or(true)).into_ptr()
}
unsafe extern "C" fn fio_get_closefd(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(st(PyObj::borrow(&o)).map(|f| boolobject::new(f.closefd)))
}
unsafe extern "C" fn fio_get_mode(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(st(PyObj::borrow(&o)).map(|f| unicode::new(mode_string(f))))
}
unsafe extern "C" fn fio_get_blksize(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(st(PyObj::borrow(&o)).map(|f| long::from_i64(f.blksize)))
}

unsafe extern "C" fn fio_repr(o: *mut PyObject) -> *mut PyObject {
    let s = PyObj::borrow(&o);
    err::into_ptr((|| -> PyResult {
        let tn = vm::typeobj::type_name(s.ob_type());
        let tn = if tn == "FileIO" { "_io.FileIO".to_string() } else { tn };
        let f = match st(s) {
            Ok(f) if f.fd >= 0 => f,
            _ => return Ok(unicode::new(&format!("<{} [closed]>", tn))),
        };
        let (fd, mode, closefd) = (f.fd, mode_string(f), f.closefd);
        let cfd = if closefd { "True" } else { "False" };
        match ab::getattr_str_opt(s, "name")? {
            None => Ok(unicode::new(&format!("<{} fd={} mode='{}' closefd={}>", tn, fd, mode, cfd))),
            Some(n) => {
                if ab::repr_enter(s) {
                    return Err(err::runtime_error(format!("reentrant call inside {}.__repr__", tn)));
                }
                let r = ab::repr_string(&n);
                ab::repr_leave(s);
                Ok(unicode::new(&format!("<{} name={} mode='{}' closefd={}>", tn, r?, mode, cfd)))
            }
        }
    })())
}

pub unsafe fn init_type() {
    use vm::objects::descr::{set_getsets, set_methods};
    let t = &raw mut FILEIO_TYPE;
    iobase::init_concrete_type(t, &raw mut iobase::RAWIOBASE_TYPE);
    (*t).tp_init = Some(fileio_init);
    (*t).tp_repr = Some(fio_repr);
    set_methods(t, &[
        ("read", fio_read as *const c_void, meth::FASTCALL, ""),
        ("readall", fio_readall as *const c_void, meth::FASTCALL, ""),
        ("readinto", fio_readinto as *const c_void, meth::O, ""),
        ("write", fio_write as *const c_void, meth::O, ""),
        ("seek", fio_seek as *const c_void, meth::FASTCALL, ""),
        ("tell", fio_tell as *const c_void, meth::FASTCALL, ""),
        ("truncate", fio_truncate as *const c_void, meth::FASTCALL, ""),
        ("close", fio_close as *const c_void, meth::FASTCALL, ""),
        ("seekable", fio_seekable as *const c_void, meth::FASTCALL, ""),
        ("readable", fio_readable as *const c_void, meth::FASTCALL, ""),
        ("writable", fio_writable as *const c_void, meth::FASTCALL, ""),
        ("fileno", fio_fileno as *const c_void, meth::FASTCALL, ""),
        ("isatty", fio_isatty as *const c_void, meth::FASTCALL, ""),
    ]);
    set_getsets(t, &[
        ("closed", fio_get_closed as *const c_void, std::ptr::null()),
        ("closefd", fio_get_closefd as *const c_void, std::ptr::null()),
        ("mode", fio_get_mode as *const c_void, std::ptr::null()),
        ("_blksize", fio_get_blksize as *const c_void, std::ptr::null()),
    ]);
}

pub fn new_fd(fd: i32, mode: &str, closefd: bool) -> PyResult {
    let tp = vm::typeobj::type_obj(&raw mut FILEIO_TYPE);
    ab::call(
        &tp,
        &[long::from_i64(fd as i64), unicode::new(mode), boolobject::new(closefd)],
        None,
    )
}

