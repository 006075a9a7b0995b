//! `_io.BytesIO`: an in-memory binary stream over a growable byte buffer,
//! with `getbuffer()` views that pin its size while they live.

use super::iobase::{self, closed_file, int_arg, io_type, size_arg, state, State};
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::{boolobject, bytes, list, long, none, tuple};
use vm::objref::PyObj;

io_type!(BYTESIO_TYPE, "BytesIO");

pub struct BytesState {
    pub buf: Vec<u8>,
    pub pos: usize,
    pub exports: isize,
    pub closed: bool,
}

fn raw_st<'a>(o: &PyObj) -> PyResult<&'a mut BytesState> {
    match unsafe { state(o) } {
        Some(State::Bytes(b)) => Ok(b),
        _ => Err(iobase::uninit()),
    }
}

fn st<'a>(o: &PyObj) -> PyResult<&'a mut BytesState> {
    let b = raw_st(o)?;
    if b.closed {
        return Err(closed_file());
    }
    Ok(b)
}

fn check_exports(b: &BytesState) -> PyResult<()> {
    if b.exports > 0 {
        return Err(err::buffer_error("Existing exports of data: object cannot be re-sized"));
    }
    Ok(())
}

unsafe extern "C" fn bytesio_init(o: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> c_int {
    let slf = PyObj::borrow(&o);
    err::int_result((|| -> PyResult<()> {
        let a = iobase::bind_tuple_dict("BytesIO", args, kwargs, &["initial_bytes"], 0)?;
        if let Ok(b) = raw_st(slf) {
            check_exports(b)?;
        }
        let data = match iobase::given(&a[0]) {
            Some(v) => iobase::bytes_arg(v)?,
            None => Vec::new(),
        };
        iobase::set_state(slf, State::Bytes(BytesState { buf: data, pos: 0, exports: 0, closed: false }));
        Ok(())
    })())
}

fn read_n(b: &mut BytesState, n: isize) -> Vec<u8> {
    let avail = b.buf.len().saturating_sub(b.pos);
    let n = if n < 0 { avail } else { (n as usize).min(avail) };
    let out = b.buf[b.pos.min(b.buf.len())..][..n].to_vec();
    b.pos += n;
    out
}

fn readline_n(b: &mut BytesState, limit: isize) -> Vec<u8> {
    if b.pos >= b.buf.len() {
        return Vec::new();
    }
    let rest = &b.buf[b.pos..];
    let mut n = match rest.iter().position(|&c| c == b'\n') {
        Some(i) => i + 1,
        None => rest.len(),
    };
    if limit >= 0 && (limit as usize) < n {
        n = limit as usize;
    }
    let out = rest[..n].to_vec();
    b.pos += n;
    out
}

vm::fastcall!(bio_read, |slf, args| {
    vm::objects::methodobject::check_nargs("read", args, 0, 1)?;
    let n = size_arg(args.first())?;
    let b = st(slf)?;
    Ok(bytes::new(&read_n(b, n)))
});

vm::fastcall!(bio_readline, |slf, args| {
    vm::objects::methodobject::check_nargs("readline", args, 0, 1)?;
    let n = size_arg(args.first())?;
    let b = st(slf)?;
    Ok(bytes::new(&readline_n(b, n)))
});

vm::fastcall!(bio_readlines, |slf, args| {
    vm::objects::methodobject::check_nargs("readlines", args, 0, 1)?;
    let hint = size_arg(args.first())?;
    let b = st(slf)?;
    let mut v = Vec::new();
    let mut total = 0usize;
    loop {
        let l = readline_n(b, -1);
        if l.is_empty() {
            break;
        }
        total += l.len();
        v.push(bytes::new(&l));
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(list::new(v))
});

vm::onearg!(bio_readinto, |slf, buf| {
    let buf = buf.unwrap();
    let b = st(slf)?;
    let n = iobase::buffer_len("readinto", buf)?;
    let data = read_n(b, n as isize);
    Ok(long::from_usize(iobase::write_into_buffer(buf, &data)?))
});

pub fn write_bytes(b: &mut BytesState, data: &[u8]) -> PyResult<usize> {
    check_exports(b)?;
    if data.is_empty() {
        return Ok(0);
    }
    let end = b.pos.checked_add(data.len()).filter(|&e| e <= isize::MAX as usize);
    let end = end.ok_or_else(|| err::overflow_error("new buffer size too large"))?;
    iobase::grow(&mut b.buf, end, 0)?;
    b.buf[b.pos..end].copy_from_slice(data);
    b.pos = end;
    Ok(data.len())
}

vm::onearg!(bio_write, |slf, data| {
    let b = st(slf)?;
    let d = iobase::bytes_arg(data.unwrap())?;
    Ok(long::from_usize(write_bytes(b, &d)?))
});

vm::onearg!(bio_writelines, |slf, lines| {
    st(slf)?;
    let it = ab::get_iter(lines.unwrap())?;
    while let Some(l) = ab::next(&it)? {
        let d = iobase::bytes_arg(&l)?;
        write_bytes(st(slf)?, &d)?;
    }
    Ok(none::none())
});

vm::fastcall!(bio_seek, |slf, args| {
    vm::objects::methodobject::check_nargs("seek", args, 1, 2)?;
    let pos = int_arg(&args[0])?;
    let whence = match args.get(1) {
        Some(w) => int_arg(w)?,
        None => 0,
    };
    let b = st(slf)?;
    if pos < 0 && whence == 0 {
        return Err(err::value_error(format!("negative seek value {}", pos)));
    }
    let too_large = || err::overflow_error("new position too large");
    let newpos = match whence {
        0 => pos,
        1 => (b.pos as i64).checked_add(pos).ok_or_else(too_large)?.max(0),
        2 => (b.buf.len() as i64).checked_add(pos).ok_or_else(too_large)?.max(0),
        _ => return Err(err::value_error(format!("invalid whence ({}, should be 0, 1 or 2)", whence))),
    };
    b.pos = newpos as usize;
    Ok(long::from_i64(newpos))
});

vm::fastcall!(bio_tell, |slf, args| { Ok(long::from_usize(st(slf)?.pos)) });

vm::fastcall!(bio_truncate, |slf, args| {
    vm::objects::methodobject::check_nargs("truncate", args, 0, 1)?;
    let b = st(slf)?;
    let size = iobase::opt_size(args.first())?.unwrap_or(b.pos as i64);
    if size < 0 {
        return Err(err::value_error(format!("negative size value {}", size)));
    }
    check_exports(b)?;
    if (size as usize) < b.buf.len() {
        b.buf.truncate(size as usize);
    }
    Ok(long::from_i64(size))
});

vm::fastcall!(bio_getvalue, |slf, args| { Ok(bytes::new(&st(slf)?.buf)) });

vm::fastcall!(bio_getbuffer, |slf, args| {
    st(slf)?;
    unsafe {
        let o = vm::typeobj::alloc_instance(&raw mut BYTESIOBUF_TYPE);
        if o.is_null() {
            return Err(err::fetch());
        }
        (*(o as *mut BytesIOBuf)).source = slf.clone().into_ptr();
        let holder = PyObj::from_owned(o);
        vm::objects::memoryview::from_object(&holder)
    }
});

vm::fastcall!(bio_true, |slf, args| {
    st(slf)?;
    Ok(boolobject::new(true))
});
vm::fastcall!(bio_isatty, |slf, args| {
    st(slf)?;
    Ok(boolobject::new(false))
});
vm::fastcall!(bio_flush, |slf, args| {
    st(slf)?;
    Ok(none::none())
});

vm::fastcall!(bio_close, |slf, args| {
    if let Ok(b) = raw_st(slf) {
        check_exports(b)?;
        b.closed = true;
        b.buf = Vec::new();
    }
    Ok(none::none())
});

vm::fastcall!(bio_getstate, |slf, args| {
    let b = st(slf)?;
    let d = ab::getattr_str_opt(slf, "__dict__")?.unwrap_or_else(none::none);
    Ok(tuple::new(vec![bytes::new(&b.buf), long::from_usize(b.pos), d]))
});

unsafe extern "C" fn bio_get_closed(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    boolobject::new(raw_st(PyObj::borrow(&o)).map(|b| b.closed).unwrap_or(false)).into_ptr()
}

unsafe extern "C" fn bio_iternext(o: *mut PyObject) -> *mut PyObject {
    let s = PyObj::borrow(&o);
    if vm::typeobj::is_heap(s.ob_type()) {
        // A subclass may override readline.
        return err::into_ptr(ab::call_method(s, "readline", &[]).and_then(|l| {
            if ab::len(&l)? == 0 {
                Err(vm::objects::exceptions::stop_iteration_empty())
            } else {
                Ok(l)
            }
        }));
    }
    match st(s) {
        Ok(b) => {
            let l = readline_n(b, -1);
            if l.is_empty() {
                std::ptr::null_mut()
            } else {
                bytes::new(&l).into_ptr()
            }
        }
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn bio_iter(o: *mut PyObject) -> *mut PyObject {
    let s = PyObj::borrow(&o);
    err::into_ptr(st(s).map(|_| s.clone()))
}

/// `_io._BytesIOBuffer`: what `getbuffer()` views export, so that a
/// BytesIO itself is no buffer (as in CPython).
#[repr(C)]
pub struct BytesIOBuf {
    pub ob_base: PyObject,
    pub source: *mut PyObject,
}

pub static mut BYTESIOBUF_TYPE: PyTypeObject =
    PyTypeObject::empty(b"_io._BytesIOBuffer\0", std::mem::size_of::<BytesIOBuf>(), 0);

unsafe extern "C" fn biobuf_getbuf(o: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int {
    let src = (*(o as *mut BytesIOBuf)).source;
    match raw_st(PyObj::borrow(&src)) {
        Ok(b) => {
            let r = vm::objects::bytes_methods::fill_info(view, o, b.buf.as_mut_ptr(), b.buf.len() as isize, false, flags);
            if r == 0 {
                b.exports += 1;
            }
            r
        }
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn biobuf_releasebuf(o: *mut PyObject, _view: *mut Py_buffer) {
    let src = (*(o as *mut BytesIOBuf)).source;
    if let Ok(b) = raw_st(PyObj::borrow(&src)) {
        b.exports -= 1;
    }
}

unsafe extern "C" fn biobuf_dealloc(o: *mut PyObject) {
    let src = std::mem::replace(&mut (*(o as *mut BytesIOBuf)).source, std::ptr::null_mut());
    vm::objref::xdecref(src);
    vm::alloc::tp_free(o);
}

static mut BIOBUF_AS_BUFFER: PyBufferProcs = EMPTY_BUFFER_PROCS;

pub unsafe fn init_type() {
    use vm::objects::descr::{set_getsets, set_methods};
    let t = &raw mut BYTESIO_TYPE;
    iobase::init_concrete_type(t, &raw mut iobase::BUFFEREDIOBASE_TYPE);
    (*t).tp_init = Some(bytesio_init);
    (*t).tp_iter = Some(bio_iter);
    (*t).tp_iternext = Some(bio_iternext);
    let bt = &raw mut BYTESIOBUF_TYPE;
    BIOBUF_AS_BUFFER.bf_getbuffer = Some(biobuf_getbuf);
    BIOBUF_AS_BUFFER.bf_releasebuffer = Some(biobuf_releasebuf);
    (*bt).tp_as_buffer = &raw mut BIOBUF_AS_BUFFER;
    (*bt).tp_dealloc = Some(biobuf_dealloc);
    set_methods(t, &[
        ("read", bio_read as *const c_void, meth::FASTCALL, ""),
        ("read1", bio_read as *const c_void, meth::FASTCALL, ""),
        ("readline", bio_readline as *const c_void, meth::FASTCALL, ""),
        ("readlines", bio_readlines as *const c_void, meth::FASTCALL, ""),
        ("readinto", bio_readinto as *const c_void, meth::O, ""),
        ("write", bio_write as *const c_void, meth::O, ""),
        ("writelines", bio_writelines as *const c_void, meth::O, ""),
        ("seek", bio_seek as *const c_void, meth::FASTCALL, ""),
        ("tell", bio_tell as *const c_void, meth::FASTCALL, ""),
        ("truncate", bio_truncate as *const c_void, meth::FASTCALL, ""),
        ("getvalue", bio_getvalue as *const c_void, meth::FASTCALL, ""),
        ("getbuffer", bio_getbuffer as *const c_void, meth::FASTCALL, ""),
        ("readable", bio_true as *const c_void, meth::FASTCALL, ""),
        ("writable", bio_true as *const c_void, meth::FASTCALL, ""),
        ("seekable", bio_true as *const c_void, meth::FASTCALL, ""),
        ("isatty", bio_isatty as *const c_void, meth::FASTCALL, ""),
        ("flush", bio_flush as *const c_void, meth::FASTCALL, ""),
        ("close", bio_close as *const c_void, meth::FASTCALL, ""),
        ("__getstate__", bio_getstate as *const c_void, meth::FASTCALL, ""),
    ]);
    set_getsets(t, &[("closed", bio_get_closed as *const c_void, std::ptr::null())]);
}

