//! `_io.BufferedReader`, `BufferedWriter`, `BufferedRandom` (one state with
//! a read-ahead buffer and a pending-write buffer over a raw stream) and
//! `BufferedRWPair` (a reader and a writer side by side). A raw stream that
//! is exactly `FileIO` is driven directly; any other through its methods.

use super::fileio;
use super::iobase::{self, int_arg, io_type, size_arg, state, unsupported, State};
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::err::{self, PyErr, PyResult};
use vm::object::*;
use vm::objects::{bytearray, bytes, long, none, unicode};
use vm::objref::PyObj;

io_type!(BUFFEREDREADER_TYPE, "BufferedReader");
io_type!(BUFFEREDWRITER_TYPE, "BufferedWriter");
io_type!(BUFFEREDRANDOM_TYPE, "BufferedRandom");
io_type!(BUFFEREDRWPAIR_TYPE, "BufferedRWPair");

pub struct BufState {
    pub raw: Option<PyObj>,
    pub readable: bool,
    pub writable: bool,
    pub buffer_size: usize,
    pub rbuf: Vec<u8>,
    pub rpos: usize,
    pub wbuf: Vec<u8>,
    /// The raw stream is exactly FileIO (its methods are called directly).
    pub fast: bool,
    /// An operation is under way (a raw method called back into us).
    pub busy: bool,
}

/// Marks a buffered object busy for the length of one operation.
pub struct Busy(*mut BufState);

impl Drop for Busy {
    fn drop(&mut self) {
        unsafe { (*self.0).busy = false };
    }
}

/// CPython's buffered lock: an operation re-entered from the raw stream (or
/// a signal handler) is a RuntimeError, not a corrupted buffer.
fn lock(o: &PyObj) -> PyResult<Busy> {
    match unsafe { state(o) } {
        Some(State::Buf(b)) => {
            if b.busy {
                let r = ab::repr_string(o).unwrap_or_else(|_| "?".to_string());
                return Err(err::runtime_error(format!("reentrant call inside {}", r)));
            }
            b.busy = true;
            Ok(Busy(b as *mut BufState))
        }
        _ => Err(iobase::uninit()),
    }
}

pub struct PairState {
    pub reader: PyObj,
    pub writer: PyObj,
}

pub fn is_exact(o: &PyObj) -> bool {
    let t = o.ob_type();
    t == &raw mut BUFFEREDREADER_TYPE || t == &raw mut BUFFEREDWRITER_TYPE || t == &raw mut BUFFEREDRANDOM_TYPE
}

pub fn st<'a>(o: &PyObj) -> PyResult<&'a mut BufState> {
    match unsafe { state(o) } {
        Some(State::Buf(b)) => {
            if b.raw.is_none() {
                return Err(err::value_error("raw stream has been detached"));
            }
            Ok(b)
        }
        _ => Err(iobase::uninit()),
    }
}

fn raw(b: &BufState) -> PyObj {
    b.raw.clone().unwrap_or_else(none::none)
}

pub fn is_closed(b: &BufState) -> PyResult<bool> {
    let r = raw(b);
    if b.fast {
        return Ok(fileio::st(&r).map(|f| f.fd < 0).unwrap_or(true));
    }
    iobase::closed_attr(&r)
}

fn check_closed(b: &BufState, msg: &str) -> PyResult<()> {
    if is_closed(b)? {
        // Reading what is already buffered stays possible, as in CPython.
        if b.rpos < b.rbuf.len() && msg.starts_with("read") {
            return Ok(());
        }
        return Err(err::value_error(msg));
    }
    Ok(())
}

/// One read of at most `n` bytes from the raw stream (None: would block).
fn raw_read(b: &BufState, n: usize) -> PyResult<Option<Vec<u8>>> {
    let r = raw(b);
    if b.fast {
        return fileio::read_checked(&r, n as isize);
    }
    let ba = bytearray::new(&iobase::zeroed(n)?);
    let mv = vm::objects::memoryview::from_object(&ba)?;
    let res = ab::call_method(&r, "readinto", &[mv.clone()]);
    let _ = ab::call_method(&mv, "release", &[]);
    let res = res?;
    if none::is_none(&res) {
        return Ok(None);
    }
    let got = int_arg(&res)?;
    if got < 0 || got as usize > n {
        return Err(err::os_error(format!(
            "raw readinto() returned invalid length {} (should have been between 0 and {})",
            got, n
        )));
    }
    Ok(Some(bytearray::as_slice(&ba)[..got as usize].to_vec()))
}

fn raw_write(b: &BufState, data: &[u8]) -> PyResult<Option<usize>> {
    let r = raw(b);
    if b.fast {
        return fileio::write_checked(&r, data);
    }
    let res = ab::call_method(&r, "write", &[bytes::new(data)])?;
    if none::is_none(&res) {
        return Ok(None);
    }
    let n = int_arg(&res)?;
    if n < 0 || n as usize > data.len() {
        return Err(err::os_error(format!(
            "raw write() returned invalid length {} (should have been between 0 and {})",
            n,
            data.len()
        )));
    }
    Ok(Some(n as usize))
}

fn raw_seek(b: &BufState, pos: i64, whence: i64) -> PyResult<i64> {
    let r = raw(b);
    let res = if b.fast {
        let f = fileio::st(&r)?;
        if f.fd < 0 {
            return Err(fileio::closed_fd());
        }
        fileio::seek_fd(f.fd, pos, whence as i32)?
    } else {
        int_arg(&ab::call_method(&r, "seek", &[long::from_i64(pos), long::from_i64(whence)])?)?
    };
    if res < 0 {
        return Err(err::os_error(format!("Raw stream returned invalid position {}", res)));
    }
    Ok(res)
}

fn raw_tell(b: &BufState) -> PyResult<i64> {
    let r = raw(b);
    let res = if b.fast {
        let f = fileio::st(&r)?;
        if f.fd < 0 {
            return Err(fileio::closed_fd());
        }
        fileio::seek_fd(f.fd, 0, libc::SEEK_CUR)?
    } else {
        int_arg(&ab::call_method(&r, "tell", &[])?)?
    };
    if res < 0 {
        return Err(err::os_error(format!("Raw stream returned invalid position {}", res)));
    }
    Ok(res)
}

fn blocking_error(written: usize) -> PyErr {
    err::with_args(unsafe { vm::objects::exceptions::PyExc_BlockingIOError }, &[
        long::from_i64(libc::EAGAIN as i64),
        unicode::new("write could not complete without blocking"),
        long::from_usize(written),
    ])
}

pub fn flush_writes(b: &mut BufState) -> PyResult<()> {
    while !b.wbuf.is_empty() {
        match raw_write(b, &b.wbuf.clone())? {
            None => return Err(blocking_error(0)),
            Some(n) => {
                b.wbuf.drain(..n);
            }
        }
    }
    Ok(())
}

/// Gives back unread read-ahead to the raw stream (before writes and truncation).
fn rewind_readahead(b: &mut BufState) -> PyResult<()> {
    let unread = b.rbuf.len() - b.rpos;
    if unread > 0 {
        raw_seek(b, -(unread as i64), 1)?;
    }
    b.rbuf.clear();
    b.rpos = 0;
    Ok(())
}

fn take_unread(b: &mut BufState, n: usize) -> Vec<u8> {
    let avail = b.rbuf.len() - b.rpos;
    let n = n.min(avail);
    let out = b.rbuf[b.rpos..b.rpos + n].to_vec();
    b.rpos += n;
    if b.rpos == b.rbuf.len() {
        b.rbuf.clear();
        b.rpos = 0;
    }
    out
}

/// Reads once into the read-ahead buffer; Ok(None) when the raw would block, Ok(Some(0)) at EOF.
fn fill(b: &mut BufState) -> PyResult<Option<usize>> {
    if b.rpos > 0 {
        b.rbuf.drain(..b.rpos);
        b.rpos = 0;
    }
    match raw_read(b, b.buffer_size)? {
        None => Ok(None),
        Some(d) => {
            let n = d.len();
            b.rbuf.extend_from_slice(&d);
            Ok(Some(n))
        }
    }
}

pub fn read(o: &PyObj, n: isize) -> PyResult<Option<Vec<u8>>> {
    let _busy = lock(o)?;
    read_unlocked(o, n)
}

fn read_unlocked(o: &PyObj, n: isize) -> PyResult<Option<Vec<u8>>> {
    let b = st(o)?;
    if n < -1 {
        return Err(err::value_error("read length must be non-negative or -1"));
    }
    check_closed(b, "read of closed file")?;
    flush_writes(b)?;
    if n == -1 {
        let mut out = take_unread(b, usize::MAX);
        let r = raw(b);
        if b.fast {
            let f = fileio::st(&r)?;
            match fileio::readall(f) {
                Ok(d) => out.extend_from_slice(&d),
                Err(e) if iobase::err_is(&e, unsafe { vm::objects::exceptions::PyExc_BlockingIOError }) => {
                    if out.is_empty() {
                        return Ok(None);
                    }
                }
                Err(e) => return Err(e),
            }
            return Ok(Some(out));
        }
        if let Some(ra) = ab::getattr_str_opt(&r, "readall")? {
            let d = ab::call0(&ra)?;
            if none::is_none(&d) {
                return Ok(if out.is_empty() { None } else { Some(out) });
            }
            if !bytes::is_bytes(&d) {
                return Err(err::type_error("readall() should return bytes"));
            }
            out.extend_from_slice(bytes::as_slice(&d));
            return Ok(Some(out));
        }
        loop {
            match raw_read(b, b.buffer_size)? {
                None => return Ok(if out.is_empty() { None } else { Some(out) }),
                Some(d) if d.is_empty() => return Ok(Some(out)),
                Some(d) => out.extend_from_slice(&d),
            }
        }
    }
    let n = n as usize;
    if b.rbuf.len() - b.rpos >= n {
        return Ok(Some(take_unread(b, n)));
    }
    let mut out = take_unread(b, n);
    while out.len() < n {
        let want = n - out.len();
        if want >= b.buffer_size {
            match raw_read(b, want)? {
                None => return Ok(if out.is_empty() { None } else { Some(out) }),
                Some(d) if d.is_empty() => break,
                Some(d) => out.extend_from_slice(&d),
            }
        } else {
            match fill(b)? {
                None => return Ok(if out.is_empty() { None } else { Some(out) }),
                Some(0) => break,
                Some(_) => {
                    let d = take_unread(b, want);
                    out.extend_from_slice(&d);
                }
            }
        }
    }
    Ok(Some(out))
}

pub fn read1(o: &PyObj, n: isize) -> PyResult<Vec<u8>> {
    let _busy = lock(o)?;
    read1_unlocked(o, n)
}

fn read1_unlocked(o: &PyObj, n: isize) -> PyResult<Vec<u8>> {
    let b = st(o)?;
    let n = if n < 0 { b.buffer_size } else { n as usize };
    check_closed(b, "read of closed file")?;
    if n == 0 {
        return Ok(Vec::new());
    }
    flush_writes(b)?;
    if b.rpos < b.rbuf.len() {
        return Ok(take_unread(b, n));
    }
    // Nothing buffered: one raw read of n bytes.
    Ok(raw_read(b, n)?.unwrap_or_default())
}

pub fn readline(o: &PyObj, limit: isize) -> PyResult<Vec<u8>> {
    let _busy = lock(o)?;
    readline_unlocked(o, limit)
}

fn readline_unlocked(o: &PyObj, limit: isize) -> PyResult<Vec<u8>> {
    let b = st(o)?;
    check_closed(b, "readline of closed file")?;
    flush_writes(b)?;
    let mut out: Vec<u8> = Vec::new();
    loop {
        let avail = &b.rbuf[b.rpos..];
        let room = if limit >= 0 { limit as usize - out.len() } else { usize::MAX };
        let scan = avail.len().min(room);
        if let Some(i) = avail[..scan].iter().position(|&c| c == b'\n') {
            let d = take_unread(b, i + 1);
            out.extend_from_slice(&d);
            return Ok(out);
        }
        let d = take_unread(b, scan);
        out.extend_from_slice(&d);
        if limit >= 0 && out.len() >= limit as usize {
            return Ok(out);
        }
        match fill(b)? {
            None | Some(0) => return Ok(out),
            Some(_) => {}
        }
    }
}

pub fn write(o: &PyObj, data: &[u8]) -> PyResult<usize> {
    let _busy = lock(o)?;
    write_unlocked(o, data)
}

fn write_unlocked(o: &PyObj, data: &[u8]) -> PyResult<usize> {
    let b = st(o)?;
    if is_closed(b)? {
        return Err(err::value_error("write to closed file"));
    }
    if b.rpos < b.rbuf.len() || !b.rbuf.is_empty() {
        rewind_readahead(b)?;
    }
    if b.wbuf.len() + data.len() <= b.buffer_size {
        b.wbuf.extend_from_slice(data);
        return Ok(data.len());
    }
    // What does not fit: flush the buffer, write directly while more than
    // a buffer's worth remains, keep the rest.
    flush_writes(b)?;
    let mut rest = data;
    while rest.len() > b.buffer_size {
        match raw_write(b, rest)? {
            None => return Err(blocking_error(data.len() - rest.len())),
            Some(n) => rest = &rest[n..],
        }
    }
    b.wbuf.extend_from_slice(rest);
    Ok(data.len())
}

pub fn flush(o: &PyObj) -> PyResult<()> {
    let _busy = lock(o)?;
    flush_unlocked(o)
}

fn flush_unlocked(o: &PyObj) -> PyResult<()> {
    let b = st(o)?;
    if !b.writable {
        // BufferedReader.flush is the raw stream's.
        let r = raw(b);
        return ab::call_method(&r, "flush", &[]).map(|_| ());
    }
    if is_closed(b)? {
        return Err(err::value_error("flush of closed file"));
    }
    flush_writes(b)?;
    if b.writable && b.rpos < b.rbuf.len() {
        rewind_readahead(b)?;
    }
    Ok(())
}

pub fn close(o: &PyObj) -> PyResult<()> {
    let _busy = lock(o)?;
    close_unlocked(o)
}

fn close_unlocked(o: &PyObj) -> PyResult<()> {
    let b = st(o)?;
    if is_closed(b)? {
        return Ok(());
    }
    let r = raw(b);
    let fl = if b.writable { flush_unlocked(o) } else { Ok(()) };
    let b = st(o)?;
    b.rbuf.clear();
    b.rpos = 0;
    let cl = if b.fast { fileio::close(&r) } else { ab::call_method(&r, "close", &[]).map(|_| ()) };
    match (fl, cl) {
        (Err(fe), Err(ce)) => {
            vm::objects::exceptions::set_context(&ce.0, Some(fe.0.clone()));
            Err(ce)
        }
        (Err(fe), Ok(())) => Err(fe),
        (Ok(()), c) => c,
    }
}

unsafe extern "C" fn buffered_init(o: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> c_int {
    let slf = PyObj::borrow(&o);
    let tp = slf.ob_type();
    let (readable, writable, fname) = if vm::typeobj::is_subtype(tp, &raw mut BUFFEREDRANDOM_TYPE) {
        (true, true, "BufferedRandom")
    } else if vm::typeobj::is_subtype(tp, &raw mut BUFFEREDWRITER_TYPE) {
        (false, true, "BufferedWriter")
    } else {
        (true, false, "BufferedReader")
    };
    err::int_result((|| -> PyResult<()> {
        let a = iobase::bind_tuple_dict(fname, args, kwargs, &["raw", "buffer_size"], 1)?;
        let r = a[0].clone().unwrap_or_else(none::none);
        if readable && writable {
            ab::call_method(&r, "_checkSeekable", &[])?;
        }
        if readable {
            ab::call_method(&r, "_checkReadable", &[])?;
        }
        if writable {
            ab::call_method(&r, "_checkWritable", &[])?;
        }
        let bs = match &a[1] {
            Some(v) => int_arg(v)?,
            None => super::DEFAULT_BUFFER_SIZE as i64,
        };
        if bs <= 0 {
            return Err(err::value_error("buffer size must be strictly positive"));
        }
        let fast = fileio::is_exact(&r);
        iobase::set_state(slf, State::Buf(BufState {
            raw: Some(r),
            readable,
            writable,
            buffer_size: bs as usize,
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
            fast,
            busy: false,
        }));
        Ok(())
    })())
}

fn opt_bytes(v: Option<Vec<u8>>) -> PyObj {
    match v {
        Some(d) => bytes::new(&d),
        None => none::none(),
    }
}

vm::fastcall!(buf_read, |slf, args| {
    vm::objects::methodobject::check_nargs("read", args, 0, 1)?;
    let n = size_arg(args.first())?;
    Ok(opt_bytes(read(slf, n)?))
});
vm::fastcall!(buf_read1, |slf, args| {
    vm::objects::methodobject::check_nargs("read1", args, 0, 1)?;
    let n = size_arg(args.first())?;
    Ok(bytes::new(&read1(slf, n)?))
});
vm::fastcall!(buf_peek, |slf, args| {
    let _busy = lock(slf)?;
    vm::objects::methodobject::check_nargs("peek", args, 0, 1)?;
    if let Some(a) = args.first() {
        int_arg(a)?;
    }
    let b = st(slf)?;
    check_closed(b, "peek of closed file")?;
    flush_writes(b)?;
    if b.rpos >= b.rbuf.len() {
        fill(b)?;
    }
    Ok(bytes::new(&b.rbuf[b.rpos..]))
});
fn readinto_generic(slf: &PyObj, buf: &PyObj, one: bool) -> PyResult {
    let n = iobase::buffer_len(if one { "readinto1" } else { "readinto" }, buf)?;
    let d = if one { Some(read1(slf, n as isize)?) } else { read(slf, n as isize)? };
    match d {
        None => Ok(none::none()),
        Some(d) => Ok(long::from_usize(iobase::write_into_buffer(buf, &d)?)),
    }
}
vm::onearg!(buf_readinto, |slf, b| { readinto_generic(slf, b.unwrap(), false) });
vm::onearg!(buf_readinto1, |slf, b| { readinto_generic(slf, b.unwrap(), true) });
vm::fastcall!(buf_readline, |slf, args| {
    vm::objects::methodobject::check_nargs("readline", args, 0, 1)?;
    let n = size_arg(args.first())?;
    Ok(bytes::new(&readline(slf, n)?))
});
vm::onearg!(buf_write, |slf, data| {
    let d = iobase::bytes_arg(data.unwrap())?;
    Ok(long::from_usize(write(slf, &d)?))
});
vm::fastcall!(buf_flush, |slf, args| { flush(slf).map(|_| none::none()) });
vm::fastcall!(buf_close, |slf, args| { close(slf).map(|_| none::none()) });

vm::fastcall!(buf_seek, |slf, args| {
    let _busy = lock(slf)?;
    vm::objects::methodobject::check_nargs("seek", args, 1, 2)?;
    if vm::objects::float::is_float(&args[0]) || !ab::has_index(&args[0]) {
        return Err(err::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm::typeobj::type_name(args[0].ob_type())
        )));
    }
    let target = int_arg(&args[0])?;
    let whence = match args.get(1) {
        Some(w) => int_arg(w)?,
        None => 0,
    };
    // 3 and 4 are SEEK_DATA and SEEK_HOLE (Linux), passed to the raw stream.
    if !(0..=4).contains(&whence) {
        return Err(err::value_error(format!("whence value {} unsupported", whence)));
    }
    let b = st(slf)?;
    check_closed(b, "seek of closed file")?;
    if !ab::is_true(&ab::call_method(&raw(b), "seekable", &[])?)? {
        return Err(unsupported("File or stream is not seekable."));
    }
    flush_writes(b)?;
    let unread = (b.rbuf.len() - b.rpos) as i64;
    let target = if whence == 1 { target - unread } else { target };
    let r = raw_seek(b, target, whence)?;
    b.rbuf.clear();
    b.rpos = 0;
    Ok(long::from_i64(r))
});

pub fn tell(o: &PyObj) -> PyResult<i64> {
    let _busy = lock(o)?;
    tell_unlocked(o)
}

fn tell_unlocked(o: &PyObj) -> PyResult<i64> {
    let b = st(o)?;
    let pos = raw_tell(b)? - (b.rbuf.len() - b.rpos) as i64 + b.wbuf.len() as i64;
    Ok(pos.max(0))
}

vm::fastcall!(buf_tell, |slf, args| { Ok(long::from_i64(tell(slf)?)) });

vm::fastcall!(buf_truncate, |slf, args| {
    let _busy = lock(slf)?;
    vm::objects::methodobject::check_nargs("truncate", args, 0, 1)?;
    let b = st(slf)?;
    check_closed(b, "truncate of closed file")?;
    if !b.writable {
        return Err(unsupported("truncate"));
    }
    flush_writes(b)?;
    rewind_readahead(b)?;
    let pos = args.first().cloned().unwrap_or_else(none::none);
    ab::call_method(&raw(b), "truncate", &[pos])
});

vm::fastcall!(buf_detach, |slf, args| {
    let _busy = lock(slf)?;
    flush_unlocked(slf)?;
    let b = st(slf)?;
    Ok(b.raw.take().unwrap_or_else(none::none))
});

fn delegate(slf: &PyObj, name: &str) -> PyResult {
    let b = st(slf)?;
    ab::call_method(&raw(b), name, &[])
}
vm::fastcall!(buf_fileno, |slf, args| { delegate(slf, "fileno") });
vm::fastcall!(buf_isatty, |slf, args| { delegate(slf, "isatty") });
vm::fastcall!(buf_seekable, |slf, args| { delegate(slf, "seekable") });
vm::fastcall!(buf_readable, |slf, args| { delegate(slf, "readable") });
vm::fastcall!(buf_writable, |slf, args| { delegate(slf, "writable") });

unsafe extern "C" fn buf_get_raw(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(match state(PyObj::borrow(&o)) {
        Some(State::Buf(b)) => Ok(raw(b)),
        _ => Err(iobase::uninit()),
    })
}
unsafe extern "C" fn buf_get_closed(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(st(PyObj::borrow(&o)).and_then(|b| ab::getattr_str(&raw(b), "closed")))
}
unsafe extern "C" fn buf_get_name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(st(PyObj::borrow(&o)).and_then(|b| ab::getattr_str(&raw(b), "name")))
}
unsafe extern "C" fn buf_get_mode(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(st(PyObj::borrow(&o)).and_then(|b| ab::getattr_str(&raw(b), "mode")))
}

unsafe extern "C" fn buf_repr(o: *mut PyObject) -> *mut PyObject {
    let s = PyObj::borrow(&o);
    err::into_ptr((|| -> PyResult {
        let tn = vm::typeobj::type_name(s.ob_type());
        let tn = if vm::typeobj::is_heap(s.ob_type()) { tn } else { format!("_io.{}", tn) };
        match ab::getattr_str(s, "name") {
            Ok(n) => {
                if ab::repr_enter(s) {
                    return Err(err::runtime_error(format!("reentrant call inside {}.__repr__", tn)));
                }
                let r = ab::repr_string(&n);
                ab::repr_leave(s);
                Ok(unicode::new(&format!("<{} name={}>", tn, r?)))
            }
            Err(e) => {
                if iobase::err_is(&e, unsafe { vm::objects::exceptions::PyExc_Exception }) {
                    Ok(unicode::new(&format!("<{}>", tn)))
                } else {
                    Err(e)
                }
            }
        }
    })())
}

unsafe extern "C" fn buf_iternext(o: *mut PyObject) -> *mut PyObject {
    let s = PyObj::borrow(&o);
    let r = if is_exact(s) {
        readline(s, -1).map(|l| if l.is_empty() { None } else { Some(bytes::new(&l)) })
    } else {
        ab::call_method(s, "readline", &[]).and_then(|l| Ok(if ab::len(&l)? == 0 { None } else { Some(l) }))
    };
    match r {
        Ok(Some(l)) => l.into_ptr(),
        Ok(None) => std::ptr::null_mut(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

// ---------------------------------------------------------------- BufferedRWPair

fn pair<'a>(o: &PyObj) -> PyResult<&'a mut PairState> {
    match unsafe { state(o) } {
        Some(State::Pair(p)) => Ok(p),
        _ => Err(iobase::uninit()),
    }
}

unsafe extern "C" fn rwpair_init(o: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> c_int {
    let slf = PyObj::borrow(&o);
    err::int_result((|| -> PyResult<()> {
        if !kwargs.is_null() && vm::objects::dict::len(PyObj::borrow(&kwargs)) > 0 {
            return Err(err::type_error("BufferedRWPair() takes no keyword arguments"));
        }
        let pos = vm::objects::tuple::items(PyObj::borrow(&args)).to_vec();
        vm::objects::methodobject::check_nargs("BufferedRWPair", &pos, 2, 3)?;
        ab::call_method(&pos[0], "_checkReadable", &[])?;
        ab::call_method(&pos[1], "_checkWritable", &[])?;
        let mut extra = Vec::new();
        if let Some(bs) = pos.get(2) {
            extra.push(bs.clone());
        }
        let mk = |tp: *mut PyTypeObject, r: &PyObj| {
            let mut a = vec![r.clone()];
            a.extend(extra.iter().cloned());
            ab::call(&vm::typeobj::type_obj(tp), &a, None)
        };
        let reader = mk(&raw mut BUFFEREDREADER_TYPE, &pos[0])?;
        let writer = mk(&raw mut BUFFEREDWRITER_TYPE, &pos[1])?;
        iobase::set_state(slf, State::Pair(PairState { reader, writer }));
        Ok(())
    })())
}

macro_rules! pair_fwd {
    ($name:ident, $side:ident, $meth:literal) => {
        vm::fastcall!($name, |slf, args| {
            let p = pair(slf)?;
            ab::call_method(&p.$side, $meth, args)
        });
    };
}
pair_fwd!(pair_read, reader, "read");
pair_fwd!(pair_peek, reader, "peek");
pair_fwd!(pair_read1, reader, "read1");
pair_fwd!(pair_readinto, reader, "readinto");
pair_fwd!(pair_readinto1, reader, "readinto1");
pair_fwd!(pair_write, writer, "write");
pair_fwd!(pair_flush, writer, "flush");
pair_fwd!(pair_readable, reader, "readable");
pair_fwd!(pair_writable, writer, "writable");

vm::fastcall!(pair_isatty, |slf, args| {
    let p = pair(slf)?;
    let w = ab::call_method(&p.writer, "isatty", &[])?;
    if ab::is_true(&w)? {
        return Ok(w);
    }
    ab::call_method(&p.reader, "isatty", &[])
});
vm::fastcall!(pair_close, |slf, args| {
    let p = pair(slf)?;
    let w = ab::call_method(&p.writer, "close", &[]);
    let r = ab::call_method(&p.reader, "close", &[]);
    match (w, r) {
        (Err(we), Err(re)) => {
            vm::objects::exceptions::set_context(&re.0, Some(we.0.clone()));
            Err(re)
        }
        (Err(we), Ok(_)) => Err(we),
        (Ok(_), r) => r,
    }
});
unsafe extern "C" fn pair_get_closed(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(pair(PyObj::borrow(&o)).and_then(|p| ab::getattr_str(&p.writer, "closed")))
}

pub unsafe fn init_types() {
    use vm::objects::descr::{set_getsets, set_methods};
    let common: Vec<(&str, *const c_void, c_int, &str)> = vec![
        ("flush", buf_flush as *const c_void, meth::FASTCALL, ""),
        ("close", buf_close as *const c_void, meth::FASTCALL, ""),
        ("detach", buf_detach as *const c_void, meth::FASTCALL, ""),
        ("seek", buf_seek as *const c_void, meth::FASTCALL, ""),
        ("tell", buf_tell as *const c_void, meth::FASTCALL, ""),
        ("truncate", buf_truncate as *const c_void, meth::FASTCALL, ""),
        ("fileno", buf_fileno as *const c_void, meth::FASTCALL, ""),
        ("isatty", buf_isatty as *const c_void, meth::FASTCALL, ""),
        ("seekable", buf_seekable as *const c_void, meth::FASTCALL, ""),
    ];
    let reading: Vec<(&str, *const c_void, c_int, &str)> = vec![
        ("read", buf_read as *const c_void, meth::FASTCALL, ""),
        ("read1", buf_read1 as *const c_void, meth::FASTCALL, ""),
        ("peek", buf_peek as *const c_void, meth::FASTCALL, ""),
        ("readinto", buf_readinto as *const c_void, meth::O, ""),
        ("readinto1", buf_readinto1 as *const c_void, meth::O, ""),
        ("readline", buf_readline as *const c_void, meth::FASTCALL, ""),
        ("readable", buf_readable as *const c_void, meth::FASTCALL, ""),
    ];
    let writing: Vec<(&str, *const c_void, c_int, &str)> = vec![
        ("write", buf_write as *const c_void, meth::O, ""),
        ("writable", buf_writable as *const c_void, meth::FASTCALL, ""),
    ];
    let getsets: [(&str, *const c_void, *const c_void); 4] = [
        ("raw", buf_get_raw as *const c_void, std::ptr::null()),
        ("closed", buf_get_closed as *const c_void, std::ptr::null()),
        ("name", buf_get_name as *const c_void, std::ptr::null()),
        ("mode", buf_get_mode as *const c_void, std::ptr::null()),
    ];
    for (t, r, w) in [
        (&raw mut BUFFEREDREADER_TYPE, true, false),
        (&raw mut BUFFEREDWRITER_TYPE, false, true),
        (&raw mut BUFFEREDRANDOM_TYPE, true, true),
    ] {
        iobase::init_concrete_type(t, &raw mut iobase::BUFFEREDIOBASE_TYPE);
        (*t).tp_init = Some(buffered_init);
        (*t).tp_repr = Some(buf_repr);
        if r {
            (*t).tp_iternext = Some(buf_iternext);
        }
        let mut m = common.clone();
        if r {
            m.extend(reading.iter().cloned());
        }
        if w {
            m.extend(writing.iter().cloned());
        }
        set_methods(t, &m);
        set_getsets(t, &getsets);
    }
    let t = &raw mut BUFFEREDRWPAIR_TYPE;
    iobase::init_concrete_type(t, &raw mut iobase::BUFFEREDIOBASE_TYPE);
    (*t).tp_init = Some(rwpair_init);
    set_methods(t, &[
        ("read", pair_read as *const c_void, meth::FASTCALL, ""),
        ("peek", pair_peek as *const c_void, meth::FASTCALL, ""),
        ("read1", pair_read1 as *const c_void, meth::FASTCALL, ""),
        ("readinto", pair_readinto as *const c_void, meth::FASTCALL, ""),
        ("readinto1", pair_readinto1 as *const c_void, meth::FASTCALL, ""),
        ("write", pair_write as *const c_void, meth::FASTCALL, ""),
        ("flush", pair_flush as *const c_void, meth::FASTCALL, ""),
        ("readable", pair_readable as *const c_void, meth::FASTCALL, ""),
        ("writable", pair_writable as *const c_void, meth::FASTCALL, ""),
        ("isatty", pair_isatty as *const c_void, meth::FASTCALL, ""),
        ("close", pair_close as *const c_void, meth::FASTCALL, ""),
    ]);
    set_getsets(t, &[("closed", pair_get_closed as *const c_void, std::ptr::null())]);
}
