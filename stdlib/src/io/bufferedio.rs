//! `_io.BufferedReader`, `BufferedWriter`, `BufferedRandom` (CPython's
//! model: one buffer for read-ahead and pending writes over a raw stream) and
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
    /// One buffer for reading and writing, as CPython's: `pos` is the
    /// logical position in it, `read_end` the end of valid read-ahead (-1:
    /// none), `write_pos..write_end` the bytes still to write (-1: none),
    /// `raw_pos` where the raw stream is relative to the buffer start.
    pub buf: Vec<u8>,
    pub pos: i64,
    pub raw_pos: i64,
    pub read_end: i64,
    pub write_pos: i64,
    pub write_end: i64,
    /// The raw stream's absolute position when known (-1 otherwise).
    pub abs_pos: i64,
    /// The raw stream is exactly FileIO (its methods are called directly).
    pub fast: bool,
    /// An operation is under way (a raw method called back into us).
    pub busy: bool,
}

impl BufState {
    fn valid_read(&self) -> bool {
        self.readable && self.read_end != -1
    }
    fn valid_write(&self) -> bool {
        self.writable && self.write_end != -1
    }
    fn adjust_position(&mut self, p: i64) {
        self.pos = p;
        if self.valid_read() && self.read_end < self.pos {
            self.read_end = self.pos;
        }
    }
    fn readahead(&self) -> i64 {
        if self.valid_read() {
            self.read_end - self.pos
        } else {
            0
        }
    }
    fn raw_offset(&self) -> i64 {
        if (self.valid_read() || self.valid_write()) && self.raw_pos >= 0 {
            self.raw_pos - self.pos
        } else {
            0
        }
    }
    fn reset_read(&mut self) {
        self.read_end = -1;
    }
    fn reset_write(&mut self) {
        self.write_pos = 0;
        self.write_end = -1;
    }
}

pub struct PairState {
    pub reader: PyObj,
    pub writer: PyObj,
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
fn lock<'a>(o: &PyObj) -> PyResult<(Busy, &'a mut BufState)> {
    let b = st(o)?;
    if b.busy {
        let r = ab::repr_string(o).unwrap_or_else(|_| "?".to_string());
        return Err(err::runtime_error(format!("reentrant call inside {}", r)));
    }
    b.busy = true;
    Ok((Busy(b as *mut BufState), b))
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

/// CPython's CHECK_CLOSED: closed raw and nothing left to read.
fn check_closed(b: &BufState, msg: &str) -> PyResult<()> {
    if is_closed(b)? && b.readahead() == 0 {
        return Err(err::value_error(msg));
    }
    Ok(())
}

/// One raw read of at most `n` bytes (None: the raw stream would block).
fn raw_read(b: &mut BufState, n: usize) -> PyResult<Option<Vec<u8>>> {
    let r = raw(b);
    let got = if b.fast {
        fileio::read_checked(&r, n as isize)?
    } else {
        let ba = bytearray::new(&iobase::zeroed(n)?);
        let mv = vm::objects::memoryview::from_object(&ba)?;
        let res = ab::call_method(&r, "readinto", &[mv.clone()]);
        let _ = ab::call_method(&mv, "release", &[]);
        let res = res?;
        if none::is_none(&res) {
            None
        } else {
            let got = int_arg(&res)?;
            if got < 0 || got as usize > n {
                return Err(err::os_error(format!(
                    "raw readinto() returned invalid length {} (should have been between 0 and {})",
                    got, n
                )));
            }
            Some(bytearray::as_slice(&ba)[..got as usize].to_vec())
        }
    };
    if let Some(d) = &got {
        if !d.is_empty() && b.abs_pos != -1 {
            b.abs_pos += d.len() as i64;
        }
    }
    Ok(got)
}

fn raw_write(b: &mut BufState, data: &[u8]) -> PyResult<Option<usize>> {
    let r = raw(b);
    let n = if b.fast {
        fileio::write_checked(&r, data)?
    } else {
        let res = ab::call_method(&r, "write", &[bytes::new(data)])?;
        if none::is_none(&res) {
            None
        } else {
            let n = int_arg(&res)?;
            if n < 0 || n as usize > data.len() {
                return Err(err::os_error(format!(
                    "raw write() returned invalid length {} (should have been between 0 and {})",
                    n,
                    data.len()
                )));
            }
            Some(n as usize)
        }
    };
    if let Some(n) = n {
        if n > 0 && b.abs_pos != -1 {
            b.abs_pos += n as i64;
        }
    }
    Ok(n)
}

fn check_position(n: i64) -> PyResult<i64> {
    if n < 0 {
        return Err(err::os_error(format!("Raw stream returned invalid position {}", n)));
    }
    Ok(n)
}

fn raw_seek(b: &mut BufState, pos: i64, whence: i64) -> PyResult<i64> {
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
    b.abs_pos = check_position(res)?;
    Ok(res)
}

fn raw_tell(b: &mut BufState) -> PyResult<i64> {
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
    b.abs_pos = check_position(res)?;
    Ok(res)
}

fn blocking_error(written: usize) -> PyErr {
    err::with_args(unsafe { vm::objects::exceptions::PyExc_BlockingIOError }, &[
        long::from_i64(libc::EAGAIN as i64),
        unicode::new("write could not complete without blocking"),
        long::from_usize(written),
    ])
}

/// Writes out the pending bytes (first moving the raw stream back to where they go).
fn writer_flush(b: &mut BufState) -> PyResult<()> {
    if !b.valid_write() || b.write_pos == b.write_end {
        b.reset_write();
        return Ok(());
    }
    let rewind = b.raw_offset() + (b.pos - b.write_pos);
    if rewind != 0 {
        raw_seek(b, -rewind, 1)?;
        b.raw_pos -= rewind;
    }
    while b.write_pos < b.write_end {
        let chunk = b.buf[b.write_pos as usize..b.write_end as usize].to_vec();
        match raw_write(b, &chunk)? {
            None => return Err(blocking_error(0)),
            Some(n) => {
                b.write_pos += n as i64;
                b.raw_pos = b.write_pos;
            }
        }
        vm::signals::check()?;
    }
    b.reset_write();
    Ok(())
}

/// Flushes writes and puts the raw stream back at the logical position.
fn flush_and_rewind(b: &mut BufState) -> PyResult<()> {
    writer_flush(b)?;
    if b.readable {
        let off = b.raw_offset();
        let r = raw_seek(b, -off, 1);
        b.reset_read();
        r?;
    }
    Ok(())
}

/// Reads into the buffer after its valid read-ahead: bytes read, 0 at
/// EOF, -2 when the raw stream would block.
fn fill_buffer(b: &mut BufState) -> PyResult<i64> {
    let start = if b.valid_read() { b.read_end } else { 0 };
    let len = b.buffer_size - start as usize;
    match raw_read(b, len)? {
        None => Ok(-2),
        Some(d) => {
            let n = d.len();
            if n == 0 {
                return Ok(0);
            }
            b.buf[start as usize..start as usize + n].copy_from_slice(&d);
            b.read_end = start + n as i64;
            b.raw_pos = start + n as i64;
            Ok(n as i64)
        }
    }
}

fn read_fast(b: &mut BufState, n: usize) -> Option<Vec<u8>> {
    if n as i64 <= b.readahead() {
        let p = b.pos as usize;
        let out = b.buf[p..p + n].to_vec();
        b.pos += n as i64;
        return Some(out);
    }
    None
}

fn read_generic(b: &mut BufState, n: usize) -> PyResult<Option<Vec<u8>>> {
    let current = b.readahead() as usize;
    if n <= current {
        return Ok(read_fast(b, n));
    }
    let mut out: Vec<u8> = Vec::with_capacity(n.min(1 << 20));
    if current > 0 {
        let p = b.pos as usize;
        out.extend_from_slice(&b.buf[p..p + current]);
        b.pos += current as i64;
    }
    let mut remaining = n - current;
    if b.writable {
        flush_and_rewind(b)?;
    }
    b.reset_read();
    while remaining > 0 {
        // Whole blocks go straight from the raw stream; the tail through the buffer.
        let r = b.buffer_size * (remaining / b.buffer_size);
        if r == 0 {
            break;
        }
        match raw_read(b, r)? {
            None => return Ok(if out.is_empty() { None } else { Some(out) }),
            Some(d) if d.is_empty() => return Ok(Some(out)),
            Some(d) => {
                remaining -= d.len();
                out.extend_from_slice(&d);
            }
        }
    }
    b.pos = 0;
    b.raw_pos = 0;
    b.read_end = 0;
    while remaining > 0 && (b.read_end as usize) < b.buffer_size {
        let r = fill_buffer(b)?;
        if r == 0 || r == -2 {
            if r == -2 && out.is_empty() {
                return Ok(None);
            }
            return Ok(Some(out));
        }
        let take = (r as usize).min(remaining);
        let p = b.pos as usize;
        out.extend_from_slice(&b.buf[p..p + take]);
        b.pos += take as i64;
        remaining -= take;
    }
    Ok(Some(out))
}

fn read_all(b: &mut BufState) -> PyResult<Option<Vec<u8>>> {
    let current = b.readahead() as usize;
    let p = b.pos as usize;
    let data = b.buf[p..p + current].to_vec();
    b.pos += current as i64;
    if b.writable {
        flush_and_rewind(b)?;
    }
    b.reset_read();
    let r = raw(b);
    let readall = if b.fast { None } else { ab::getattr_str_opt(&r, "readall")? };
    if b.fast || readall.is_some() {
        let tmp = if b.fast {
            match fileio::readall(fileio::st(&r)?) {
                Ok(d) => Some(d),
                Err(e) if iobase::err_is(&e, unsafe { vm::objects::exceptions::PyExc_BlockingIOError }) => None,
                Err(e) => return Err(e),
            }
        } else {
            let t = ab::call0(readall.as_ref().unwrap_or(&r))?;
            if none::is_none(&t) {
                None
            } else if !bytes::is_bytes(&t) {
                return Err(err::type_error("readall() should return bytes"));
            } else {
                Some(bytes::as_slice(&t).to_vec())
            }
        };
        return Ok(match tmp {
            None if current == 0 => None,
            None => Some(data),
            Some(t) if current == 0 => Some(t),
            Some(t) => {
                let mut d = data;
                d.extend_from_slice(&t);
                Some(d)
            }
        });
    }
    let mut out = data;
    let mut total = current;
    loop {
        let d = ab::call_method(&r, "read", &[])?;
        if !none::is_none(&d) && !bytes::is_bytes(&d) {
            return Err(err::type_error("read() should return bytes"));
        }
        if none::is_none(&d) || bytes::len(&d) == 0 {
            if total == 0 {
                return Ok(if none::is_none(&d) { None } else { Some(Vec::new()) });
            }
            return Ok(Some(out));
        }
        let s = bytes::as_slice(&d);
        total += s.len();
        out.extend_from_slice(s);
        if b.abs_pos != -1 {
            b.abs_pos += s.len() as i64;
        }
    }
}

pub fn read(o: &PyObj, n: isize) -> PyResult<Option<Vec<u8>>> {
    let b = st(o)?;
    if n < -1 {
        return Err(err::value_error("read length must be non-negative or -1"));
    }
    check_closed(b, "read of closed file")?;
    if n == -1 {
        let (_busy, b) = lock(o)?;
        return read_all(b);
    }
    if let Some(d) = read_fast(b, n as usize) {
        return Ok(Some(d));
    }
    let (_busy, b) = lock(o)?;
    read_generic(b, n as usize)
}

pub fn read1(o: &PyObj, n: isize) -> PyResult<Vec<u8>> {
    let b = st(o)?;
    let n = if n < 0 { b.buffer_size } else { n as usize };
    check_closed(b, "read of closed file")?;
    if n == 0 {
        return Ok(Vec::new());
    }
    let have = b.readahead() as usize;
    if have > 0 {
        return Ok(read_fast(b, n.min(have)).unwrap_or_default());
    }
    let (_busy, b) = lock(o)?;
    // Nothing buffered: one raw read (CPython 3.11 does not flush writes first).
    b.reset_read();
    Ok(raw_read(b, n)?.unwrap_or_default())
}

fn peek_unlocked(b: &mut BufState) -> PyResult<Vec<u8>> {
    let have = b.readahead() as usize;
    if have > 0 {
        let p = b.pos as usize;
        return Ok(b.buf[p..p + have].to_vec());
    }
    b.reset_read();
    let r = fill_buffer(b)?.max(0) as usize;
    b.pos = 0;
    Ok(b.buf[..r].to_vec())
}

pub fn readline(o: &PyObj, limit: isize) -> PyResult<Vec<u8>> {
    let b = st(o)?;
    check_closed(b, "readline of closed file")?;
    let mut limit = limit as i64;
    let mut n = b.readahead();
    if limit >= 0 && n > limit {
        n = limit;
    }
    let p = b.pos as usize;
    if let Some(i) = b.buf[p..p + n as usize].iter().position(|&c| c == b'\n') {
        let out = b.buf[p..p + i + 1].to_vec();
        b.pos += i as i64 + 1;
        return Ok(out);
    }
    if n == limit {
        let out = b.buf[p..p + n as usize].to_vec();
        b.pos += n;
        return Ok(out);
    }
    let (_busy, b) = lock(o)?;
    let mut out: Vec<u8> = Vec::new();
    if n > 0 {
        let p = b.pos as usize;
        out.extend_from_slice(&b.buf[p..p + n as usize]);
        b.pos += n;
        if limit >= 0 {
            limit -= n;
        }
    }
    if b.writable {
        flush_and_rewind(b)?;
    }
    loop {
        b.reset_read();
        let mut n = fill_buffer(b)?;
        if n <= 0 {
            break;
        }
        if limit >= 0 && n > limit {
            n = limit;
        }
        if let Some(i) = b.buf[..n as usize].iter().position(|&c| c == b'\n') {
            out.extend_from_slice(&b.buf[..i + 1]);
            b.pos = i as i64 + 1;
            return Ok(out);
        }
        out.extend_from_slice(&b.buf[..n as usize]);
        b.pos = n;
        if n == limit {
            return Ok(out);
        }
        if limit >= 0 {
            limit -= n;
        }
    }
    Ok(out)
}

pub fn write(o: &PyObj, data: &[u8]) -> PyResult<usize> {
    let b = st(o)?;
    if is_closed(b)? {
        return Err(err::value_error("write to closed file"));
    }
    let (_busy, b) = lock(o)?;
    if !b.valid_read() && !b.valid_write() {
        b.pos = 0;
        b.raw_pos = 0;
    }
    let avail = b.buffer_size as i64 - b.pos;
    if data.len() as i64 <= avail {
        let p = b.pos as usize;
        b.buf[p..p + data.len()].copy_from_slice(data);
        if !b.valid_write() || b.write_pos > b.pos {
            b.write_pos = b.pos;
        }
        b.adjust_position(b.pos + data.len() as i64);
        if b.pos > b.write_end {
            b.write_end = b.pos;
        }
        return Ok(data.len());
    }
    writer_flush(b)?;
    // The raw stream may sit past the logical position after reading ahead.
    let offset = b.raw_offset();
    if offset != 0 {
        raw_seek(b, -offset, 1)?;
        b.raw_pos -= offset;
    }
    let mut written = 0usize;
    let mut remaining = data.len();
    while remaining > b.buffer_size {
        match raw_write(b, &data[written..])? {
            None => return Err(blocking_error(written)),
            Some(n) => {
                written += n;
                remaining -= n;
            }
        }
        vm::signals::check()?;
    }
    if b.readable {
        b.reset_read();
    }
    if remaining > 0 {
        b.buf[..remaining].copy_from_slice(&data[written..]);
        written += remaining;
    }
    b.write_pos = 0;
    b.write_end = remaining as i64;
    b.adjust_position(remaining as i64);
    b.raw_pos = 0;
    Ok(written)
}

pub fn flush(o: &PyObj) -> PyResult<()> {
    let b = st(o)?;
    if !b.writable {
        // BufferedReader.flush is the raw stream's.
        let r = raw(b);
        return ab::call_method(&r, "flush", &[]).map(|_| ());
    }
    check_closed(b, "flush of closed file")?;
    let (_busy, b) = lock(o)?;
    flush_and_rewind(b)
}

fn call_flush(o: &PyObj) -> PyResult<()> {
    if is_exact(o) {
        flush(o)
    } else {
        ab::call_method(o, "flush", &[]).map(|_| ())
    }
}

pub fn close(o: &PyObj) -> PyResult<()> {
    let b = st(o)?;
    if b.busy {
        let (_b, _) = lock(o)?;
    }
    if is_closed(b)? {
        return Ok(());
    }
    let fl = call_flush(o);
    let (_busy, b) = lock(o)?;
    let r = raw(b);
    let cl = if b.fast { fileio::close(&r) } else { ab::call_method(&r, "close", &[]).map(|_| ()) };
    b.reset_read();
    b.reset_write();
    match (fl, cl) {
        (Err(fe), Err(ce)) => {
            vm::objects::exceptions::set_context(&ce.0, Some(fe.0.clone()));
            Err(ce)
        }
        (Err(fe), Ok(())) => Err(fe),
        (Ok(()), c) => c,
    }
}

pub fn tell(o: &PyObj) -> PyResult<i64> {
    let b = st(o)?;
    let pos = raw_tell(b)?;
    Ok(pos - b.raw_offset())
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
        let mut s = BufState {
            raw: Some(r),
            readable,
            writable,
            buffer_size: bs as usize,
            buf: iobase::zeroed(bs as usize)?,
            pos: 0,
            raw_pos: 0,
            read_end: -1,
            write_pos: 0,
            write_end: -1,
            abs_pos: -1,
            fast,
            busy: false,
        };
        // As CPython, the raw position is asked once (errors ignored).
        if raw_tell(&mut s).is_err() {
            err::take();
            s.abs_pos = -1;
        }
        iobase::set_state(slf, State::Buf(s));
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
    vm::objects::methodobject::check_nargs("peek", args, 0, 1)?;
    if let Some(a) = args.first() {
        int_arg(a)?;
    }
    let b = st(slf)?;
    check_closed(b, "peek of closed file")?;
    let (_busy, b) = lock(slf)?;
    if b.writable {
        flush_and_rewind(b)?;
    }
    Ok(bytes::new(&peek_unlocked(b)?))
});

fn readinto_generic(slf: &PyObj, dst: &PyObj, one: bool) -> PyResult {
    let meth = if one { "readinto1" } else { "readinto" };
    let len = iobase::buffer_len(meth, dst)?;
    let b = st(slf)?;
    check_closed(b, "readinto of closed file")?;
    let mut out: Vec<u8> = Vec::with_capacity(len.min(1 << 20));
    let n = b.readahead() as usize;
    if n > 0 {
        let p = b.pos as usize;
        let take = n.min(len);
        out.extend_from_slice(&b.buf[p..p + take]);
        b.pos += take as i64;
        if take == len {
            return Ok(long::from_usize(iobase::write_into_buffer(dst, &out)?));
        }
    }
    let (_busy, b) = lock(slf)?;
    if b.writable {
        flush_and_rewind(b)?;
    }
    b.reset_read();
    b.pos = 0;
    let mut blocked = false;
    while out.len() < len {
        let remaining = len - out.len();
        if remaining > b.buffer_size {
            match raw_read(b, remaining)? {
                None => {
                    blocked = true;
                    break;
                }
                Some(d) if d.is_empty() => break,
                Some(d) => {
                    out.extend_from_slice(&d);
                    if one {
                        break;
                    }
                }
            }
        } else if !(one && !out.is_empty()) {
            let r = fill_buffer(b)?;
            if r > 0 {
                let take = (r as usize).min(remaining);
                let p = b.pos as usize;
                out.extend_from_slice(&b.buf[p..p + take]);
                b.pos += take as i64;
                continue;
            }
            if r == -2 {
                blocked = true;
            }
            break;
        } else {
            break;
        }
    }
    if blocked && out.is_empty() {
        return Ok(none::none());
    }
    Ok(long::from_usize(iobase::write_into_buffer(dst, &out)?))
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
    vm::objects::methodobject::check_nargs("seek", args, 1, 2)?;
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
    if vm::objects::float::is_float(&args[0]) || !ab::has_index(&args[0]) {
        return Err(err::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm::typeobj::type_name(args[0].ob_type())
        )));
    }
    let target = int_arg(&args[0])?;
    if whence != 2 && b.readable {
        // Inside the current buffer: move there without touching the raw stream.
        let current = if b.abs_pos != -1 { b.abs_pos } else { raw_tell(b)? };
        let avail = b.readahead();
        if avail > 0 {
            let offset = if whence == 0 { target - (current - b.raw_offset()) } else { target };
            if offset >= -b.pos && offset <= avail {
                b.pos += offset;
                return Ok(long::from_i64(current - avail + offset));
            }
        }
    }
    let (_busy, b) = lock(slf)?;
    if b.writable {
        writer_flush(b)?;
        b.reset_write();
    }
    let target = if whence == 1 { target - b.raw_offset() } else { target };
    let n = raw_seek(b, target, whence)?;
    b.raw_pos = -1;
    if b.readable {
        b.reset_read();
    }
    Ok(long::from_i64(n))
});

vm::fastcall!(buf_tell, |slf, args| { Ok(long::from_i64(tell(slf)?)) });

vm::fastcall!(buf_truncate, |slf, args| {
    vm::objects::methodobject::check_nargs("truncate", args, 0, 1)?;
    let b = st(slf)?;
    check_closed(b, "truncate of closed file")?;
    if !b.writable {
        return Err(unsupported("truncate"));
    }
    let (_busy, b) = lock(slf)?;
    flush_and_rewind(b)?;
    let pos = args.first().cloned().unwrap_or_else(none::none);
    let res = ab::call_method(&raw(b), "truncate", &[pos])?;
    if raw_tell(b).is_err() {
        err::take();
    }
    Ok(res)
});

vm::fastcall!(buf_detach, |slf, args| {
    call_flush(slf)?;
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
