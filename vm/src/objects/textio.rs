//! A small text/binary file object over a file descriptor: what
//! `sys.stdin`/`stdout`/`stderr` and `open()` are when the stdlib crate has
//! not installed `_io` (its hooks in fileopen.rs and sysmodule.rs).
//! Supports write/read/readline/readlines/iteration/flush/close/fileno/
//! context management, text (UTF-8) and binary modes.

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{boolobject, bytes, list, long, none, unicode};
use crate::objref::{xdecref, PyObj};
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct TextFileObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub state: *mut FileState,
}

pub struct FileState {
    pub fd: i32,
    pub name: String,
    pub mode: String,
    pub binary: bool,
    pub readable: bool,
    pub writable: bool,
    pub closed: bool,
    pub closefd: bool,
    /// Pending output (flushed on newline when line-buffered, on flush, at close).
    pub wbuf: Vec<u8>,
    pub line_buffered: bool,
    pub rbuf: Vec<u8>,
    pub eof: bool,
}

#[no_mangle]
pub static mut PyTextFile_Type: PyTypeObject =
    PyTypeObject::empty(b"_io.TextIOWrapper\0", std::mem::size_of::<TextFileObject>(), 0);
pub static mut PyBinaryFile_Type: PyTypeObject =
    PyTypeObject::empty(b"_io.BufferedReader\0", std::mem::size_of::<TextFileObject>(), 0);

pub fn is_file(o: &PyObj) -> bool {
    unsafe { o.ob_type() == &raw mut PyTextFile_Type || o.ob_type() == &raw mut PyBinaryFile_Type }
}

unsafe fn st<'a>(o: &PyObj) -> &'a mut FileState {
    &mut *(*(o.as_ptr() as *mut TextFileObject)).state
}

pub fn new(fd: i32, name: &str, mode: &str, line_buffered: bool, closefd: bool) -> PyObj {
    let binary = mode.contains('b');
    let readable = mode.contains('r') || mode.contains('+');
    let writable = mode.contains('w') || mode.contains('a') || mode.contains('x') || mode.contains('+');
    unsafe {
        let tp = if binary { &raw mut PyBinaryFile_Type } else { &raw mut PyTextFile_Type };
        let o = crate::alloc::alloc_object(tp, 0) as *mut TextFileObject;
        (*o).state = Box::into_raw(Box::new(FileState {
            fd,
            name: name.to_string(),
            mode: mode.to_string(),
            binary,
            readable,
            writable,
            closed: false,
            closefd,
            wbuf: Vec::new(),
            line_buffered,
            rbuf: Vec::new(),
            eof: false,
        }));
        PyObj::from_owned(o as *mut PyObject)
    }
}

fn write_all_fd(fd: i32, mut data: &[u8]) -> std::io::Result<()> {
    while !data.is_empty() {
        let n = unsafe { libc_write(fd, data.as_ptr() as *const c_void, data.len()) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        data = &data[n as usize..];
    }
    Ok(())
}

extern "C" {
    #[link_name = "write"]
    fn libc_write(fd: c_int, buf: *const c_void, n: usize) -> isize;
    #[link_name = "read"]
    fn libc_read(fd: c_int, buf: *mut c_void, n: usize) -> isize;
    #[link_name = "close"]
    fn libc_close(fd: c_int) -> c_int;
}

fn os_error(e: std::io::Error) -> err::PyErr {
    crate::objects::exceptions_attrs::os_error_from_io(&e, None)
}

pub fn flush_state(s: &mut FileState) -> PyResult<()> {
    if !s.wbuf.is_empty() {
        let data = std::mem::take(&mut s.wbuf);
        write_all_fd(s.fd, &data).map_err(os_error)?;
    }
    Ok(())
}

fn check_open(s: &FileState) -> PyResult<()> {
    if s.closed {
        return Err(err::value_error("I/O operation on closed file."));
    }
    Ok(())
}

/// Writes text or bytes to a file object (used by print for the fast path).
pub fn write(o: &PyObj, data: &PyObj) -> PyResult<usize> {
    unsafe {
        let s = st(o);
        check_open(s)?;
        if !s.writable {
            return Err(crate::objects::exceptions_attrs::unsupported_operation("not writable"));
        }
        let (bytes_in, n): (Vec<u8>, usize) = if s.binary {
            if !bytes::is_bytes(data) && !crate::objects::bytearray::is_bytearray(data) {
                return Err(err::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    crate::typeobj::type_name(data.ob_type())
                )));
            }
            let b = crate::objects::bytearray::bytes_like_data(data)?;
            let n = b.len();
            (b, n)
        } else {
            if !unicode::is_str(data) {
                return Err(err::type_error(format!(
                    "write() argument must be str, not {}",
                    crate::typeobj::type_name(data.ob_type())
                )));
            }
            let txt = match unicode::as_str(data) {
                Ok(t) => t.as_bytes().to_vec(),
                Err(_) => {
                    return Err(crate::objects::exceptions::unicode_encode_error(
                        "utf-8",
                        data,
                        0,
                        1,
                        "surrogates not allowed",
                    ))
                }
            };
            (txt, unicode::len(data))
        };
        s.wbuf.extend_from_slice(&bytes_in);
        if s.line_buffered && bytes_in.contains(&b'\n') || s.wbuf.len() >= 64 * 1024 {
            flush_state(s)?;
        }
        Ok(n)
    }
}

fn fill(s: &mut FileState) -> PyResult<bool> {
    if s.eof {
        return Ok(false);
    }
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = unsafe { libc_read(s.fd, buf.as_mut_ptr() as *mut c_void, buf.len()) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(os_error(e));
        }
        if n == 0 {
            s.eof = true;
            return Ok(false);
        }
        s.rbuf.extend_from_slice(&buf[..n as usize]);
        return Ok(true);
    }
}

fn make_result(s: &FileState, data: Vec<u8>) -> PyResult {
    if s.binary {
        Ok(bytes::new(&data))
    } else {
        match String::from_utf8(data) {
            Ok(t) => Ok(unicode::new(&t.replace("\r\n", "\n"))),
            Err(e) => Err(err::new(
                unsafe { crate::objects::exceptions::PyExc_UnicodeDecodeError },
                &format!("'utf-8' codec can't decode byte 0x{:02x}", e.as_bytes()[e.utf8_error().valid_up_to()]),
            )),
        }
    }
}

pub fn readline(o: &PyObj) -> PyResult {
    unsafe {
        let s = st(o);
        check_open(s)?;
        loop {
            if let Some(i) = s.rbuf.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = s.rbuf.drain(..=i).collect();
                return make_result(s, line);
            }
            if !fill(s)? {
                let rest = std::mem::take(&mut s.rbuf);
                return make_result(s, rest);
            }
        }
    }
}

fn read_all(o: &PyObj, limit: Option<usize>) -> PyResult {
    unsafe {
        let s = st(o);
        check_open(s)?;
        if !s.readable {
            return Err(crate::objects::exceptions_attrs::unsupported_operation("not readable"));
        }
        loop {
            if let Some(n) = limit {
                // For text mode count characters approximately by bytes of complete chars.
                if s.rbuf.len() >= n * if s.binary { 1 } else { 4 } {
                    break;
                }
            }
            if !fill(s)? {
                break;
            }
        }
        let take = match limit {
            None => s.rbuf.len(),
            Some(n) if s.binary => n.min(s.rbuf.len()),
            Some(n) => {
                // n characters of UTF-8.
                let txt = String::from_utf8_lossy(&s.rbuf).into_owned();
                txt.char_indices().nth(n).map(|(i, _)| i).unwrap_or(s.rbuf.len())
            }
        };
        let data: Vec<u8> = s.rbuf.drain(..take).collect();
        make_result(s, data)
    }
}

pub fn close(o: &PyObj) -> PyResult<()> {
    unsafe {
        let s = st(o);
        if s.closed {
            return Ok(());
        }
        let r = flush_state(s);
        s.closed = true;
        if s.closefd && s.fd > 2 {
            libc_close(s.fd);
        }
        r
    }
}

pub fn flush(o: &PyObj) -> PyResult<()> {
    unsafe {
        let s = st(o);
        if s.closed {
            return Err(err::value_error("I/O operation on closed file."));
        }
        flush_state(s)
    }
}

crate::onearg!(m_write, |slf, a| { write(slf, a.unwrap()).map(long::from_usize) });
crate::fastcall!(m_flush, |slf, args| { flush(slf).map(|_| none::none()) });
crate::fastcall!(m_close, |slf, args| { close(slf).map(|_| none::none()) });
crate::fastcall!(m_readline, |slf, args| { readline(slf) });
crate::fastcall!(m_read, |slf, args| {
    let limit = match args.first() {
        Some(a) if !none::is_none(a) => {
            let n = crate::abstract_::to_i64(a)?;
            if n < 0 { None } else { Some(n as usize) }
        }
        _ => None,
    };
    read_all(slf, limit)
});
crate::fastcall!(m_readlines, |slf, args| {
    let mut v = Vec::new();
    loop {
        let l = readline(slf)?;
        if crate::abstract_::len(&l)? == 0 {
            break;
        }
        v.push(l);
    }
    Ok(list::new(v))
});
crate::fastcall!(m_writelines, |slf, args| {
    crate::objects::methodobject::check_nargs("writelines", args, 1, 1)?;
    for l in crate::abstract_::iterate(&args[0])? {
        write(slf, &l)?;
    }
    Ok(none::none())
});
crate::fastcall!(m_fileno, |slf, args| { Ok(long::from_i64(unsafe { st(slf).fd } as i64)) });
crate::fastcall!(m_isatty, |slf, args| {
    Ok(boolobject::new(unsafe { libc_isatty(st(slf).fd) } == 1))
});
crate::fastcall!(m_readable, |slf, args| { Ok(boolobject::new(unsafe { st(slf).readable })) });
crate::fastcall!(m_writable, |slf, args| { Ok(boolobject::new(unsafe { st(slf).writable })) });
crate::fastcall!(m_seekable, |slf, args| {
    Ok(boolobject::new(unsafe { libc_lseek(st(slf).fd, 0, 1) } >= 0))
});
crate::fastcall!(m_enter, |slf, args| {
    unsafe { check_open(st(slf))? };
    Ok(slf.clone())
});
crate::fastcall!(m_exit, |slf, args| { close(slf).map(|_| none::none()) });

extern "C" {
    #[link_name = "lseek"]
    fn libc_lseek(fd: c_int, off: i64, whence: c_int) -> i64;
}

crate::fastcall!(m_seek, |slf, args| {
    crate::objects::methodobject::check_nargs("seek", args, 1, 2)?;
    let off = crate::abstract_::to_i64(&args[0])?;
    let whence = match args.get(1) {
        Some(w) => crate::abstract_::to_i64(w)? as c_int,
        None => 0,
    };
    unsafe {
        let s = st(slf);
        check_open(s)?;
        flush_state(s)?;
        if !s.binary && (whence != 0 || off < 0) && !(off == 0 && whence != 0) {
            return Err(crate::objects::exceptions_attrs::unsupported_operation("can't do nonzero cur-relative seeks"));
        }
        let r = libc_lseek(s.fd, off, whence);
        if r < 0 {
            return Err(os_error(std::io::Error::last_os_error()));
        }
        s.rbuf.clear();
        s.eof = false;
        Ok(long::from_i64(r))
    }
});

crate::fastcall!(m_tell, |slf, args| {
    unsafe {
        let s = st(slf);
        check_open(s)?;
        let r = libc_lseek(s.fd, 0, 1);
        if r < 0 {
            return Err(os_error(std::io::Error::last_os_error()));
        }
        Ok(long::from_i64(r - s.rbuf.len() as i64 + s.wbuf.len() as i64))
    }
});

extern "C" {
    #[link_name = "isatty"]
    fn libc_isatty(fd: c_int) -> c_int;
}

pub fn isatty(fd: i32) -> bool {
    unsafe { libc_isatty(fd) == 1 }
}

unsafe extern "C" fn file_iternext(o: *mut PyObject) -> *mut PyObject {
    let f = PyObj::borrow(&o);
    match readline(f) {
        Ok(l) => {
            if crate::abstract_::len(&l).unwrap_or(0) == 0 {
                std::ptr::null_mut()
            } else {
                l.into_ptr()
            }
        }
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn file_dealloc(o: *mut PyObject) {
    let f = o as *mut TextFileObject;
    let op = o;
    let obj = PyObj::borrow(&op);
    (*o).ob_refcnt = 1;
    let _ = close(obj);
    (*o).ob_refcnt = 0;
    drop(Box::from_raw((*f).state));
    xdecref((*f).dict);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn file_repr(o: *mut PyObject) -> *mut PyObject {
    let s = st(PyObj::borrow(&o));
    let r = if s.binary {
        format!("<_io.BufferedReader name='{}'>", s.name)
    } else {
        format!("<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>", s.name, s.mode)
    };
    unicode::new(&r).into_ptr()
}

unsafe extern "C" fn get_closed(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    boolobject::new(st(PyObj::borrow(&o)).closed).into_ptr()
}
unsafe extern "C" fn get_name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let s = st(PyObj::borrow(&o));
    if s.name.starts_with('<') || s.name.parse::<i32>().is_err() {
        unicode::new(&s.name).into_ptr()
    } else {
        long::from_i64(s.name.parse::<i64>().unwrap_or(0)).into_ptr()
    }
}
unsafe extern "C" fn get_mode(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    unicode::new(&st(PyObj::borrow(&o)).mode).into_ptr()
}
unsafe extern "C" fn get_encoding(_o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    unicode::new("utf-8").into_ptr()
}

/// Flushes every standard stream (at exit).
pub fn flush_std_streams() {
    for name in ["stdout", "stderr"] {
        if let Some(f) = crate::sysmodule::get_opt(name) {
            if is_file(&f) {
                let _ = unsafe { flush_state(st(&f)) };
            } else if let Ok(fl) = crate::abstract_::getattr_str(&f, "flush") {
                let _ = crate::abstract_::call0(&fl);
            }
        }
    }
}

pub unsafe fn init_types() {
    use crate::objects::descr::{set_getsets, set_methods};
    for t in [&raw mut PyTextFile_Type, &raw mut PyBinaryFile_Type] {
        (*t).tp_dealloc = Some(file_dealloc);
        (*t).tp_repr = Some(file_repr);
        (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
        (*t).tp_iternext = Some(file_iternext);
        (*t).tp_dictoffset = std::mem::offset_of!(TextFileObject, dict) as isize;
        set_methods(t, &[
            ("write", m_write as *const c_void, meth::O, ""),
            ("flush", m_flush as *const c_void, meth::FASTCALL, ""),
            ("close", m_close as *const c_void, meth::FASTCALL, ""),
            ("read", m_read as *const c_void, meth::FASTCALL, ""),
            ("readline", m_readline as *const c_void, meth::FASTCALL, ""),
            ("readlines", m_readlines as *const c_void, meth::FASTCALL, ""),
            ("writelines", m_writelines as *const c_void, meth::FASTCALL, ""),
            ("fileno", m_fileno as *const c_void, meth::FASTCALL, ""),
            ("isatty", m_isatty as *const c_void, meth::FASTCALL, ""),
            ("readable", m_readable as *const c_void, meth::FASTCALL, ""),
            ("writable", m_writable as *const c_void, meth::FASTCALL, ""),
            ("seekable", m_seekable as *const c_void, meth::FASTCALL, ""),
            ("seek", m_seek as *const c_void, meth::FASTCALL, ""),
            ("tell", m_tell as *const c_void, meth::FASTCALL, ""),
            ("__enter__", m_enter as *const c_void, meth::FASTCALL, ""),
            ("__exit__", m_exit as *const c_void, meth::FASTCALL, ""),
        ]);
        set_getsets(t, &[
            ("closed", get_closed as *const c_void, std::ptr::null()),
            ("name", get_name as *const c_void, std::ptr::null()),
            ("mode", get_mode as *const c_void, std::ptr::null()),
            ("encoding", get_encoding as *const c_void, std::ptr::null()),
        ]);
    }
}
