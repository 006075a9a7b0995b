//! The object layout every `_io` type shares, argument helpers, and the
//! abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and
//! `_TextIOBase` with CPython's default methods (which call the concrete
//! methods through attribute lookup, so Python subclasses can override them).

use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::err::{self, PyErr, PyResult};
use vm::object::*;
use vm::objects::{boolobject, bytearray, bytes, dict, list, long, none, tuple};
use vm::objref::PyObj;

use super::{bufferedio, bytesio, fileio, stringio, textio};

/// Every `_io` instance: a head, the instance dict, weak references and
/// the Rust state of its concrete class (None for the abstract bases and
/// before `__init__`).
#[repr(C)]
pub struct IoObj {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub weakreflist: *mut PyObject,
    pub state: Option<Box<State>>,
}

pub enum State {
    File(fileio::FileState),
    Buf(bufferedio::BufState),
    Pair(bufferedio::PairState),
    Text(textio::TextState),
    Bytes(bytesio::BytesState),
    Str(stringio::StrState),
    Nl(textio::NlDecoder),
}

macro_rules! io_type {
    ($st:ident, $name:literal) => {
        pub static mut $st: PyTypeObject = PyTypeObject::empty(
            concat!("_io.", $name, "\0").as_bytes(),
            std::mem::size_of::<$crate::io::iobase::IoObj>(),
            0,
        );
    };
}
pub(crate) use io_type;

io_type!(IOBASE_TYPE, "_IOBase");
io_type!(RAWIOBASE_TYPE, "_RawIOBase");
io_type!(BUFFEREDIOBASE_TYPE, "_BufferedIOBase");
io_type!(TEXTIOBASE_TYPE, "_TextIOBase");

pub unsafe fn state<'a>(o: &PyObj) -> Option<&'a mut State> {
    (*(o.as_ptr() as *mut IoObj)).state.as_deref_mut()
}

pub unsafe fn set_state(o: &PyObj, s: State) {
    (*(o.as_ptr() as *mut IoObj)).state = Some(Box::new(s));
}

pub fn uninit() -> PyErr {
    err::value_error("I/O operation on uninitialized object")
}

pub fn closed_file() -> PyErr {
    err::value_error("I/O operation on closed file.")
}

pub fn unsupported(msg: &str) -> PyErr {
    super::unsupported(msg)
}

// ---------------------------------------------------------------- argument helpers

/// Binds `tp_init`-style arguments (a tuple and a dict) to names.
pub unsafe fn bind_tuple_dict(
    fname: &str,
    args: *mut PyObject,
    kwargs: *mut PyObject,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<PyObj>>> {
    let mut v: Vec<PyObj> = if args.is_null() { Vec::new() } else { tuple::items(PyObj::borrow(&args)).to_vec() };
    let mut knames = Vec::new();
    if !kwargs.is_null() {
        for (k, val) in dict::items_vec(PyObj::borrow(&kwargs)) {
            knames.push(k);
            v.push(val);
        }
    }
    let kt = if knames.is_empty() { None } else { Some(tuple::new(knames)) };
    clinic_bind(fname, &v, kt.as_ref(), names, required)
}

/// Binds vectorcall arguments (positional values, then keyword values
/// named by `kwnames`) with the messages of CPython's argument clinic.
pub fn clinic_bind(
    fname: &str,
    args: &[PyObj],
    kwnames: Option<&PyObj>,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<PyObj>>> {
    let nk = kwnames.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    if np + nk > names.len() {
        return Err(err::type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            fname,
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            np + nk
        )));
    }
    let mut out: Vec<Option<PyObj>> = vec![None; names.len()];
    for (i, a) in args[..np].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    if let Some(k) = kwnames {
        for (j, kn) in tuple::items(k).iter().enumerate() {
            let kname = vm::objects::unicode::to_string_lossy(kn);
            match names.iter().position(|n| *n == kname) {
                None => {
                    return Err(err::type_error(format!(
                        "'{}' is an invalid keyword argument for {}()",
                        kname, fname
                    )))
                }
                Some(i) if out[i].is_some() => {
                    return Err(err::type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        kname,
                        i + 1
                    )))
                }
                Some(i) => out[i] = Some(args[np + j].clone()),
            }
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            return Err(err::type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

pub fn given(a: &Option<PyObj>) -> Option<&PyObj> {
    a.as_ref().filter(|v| !none::is_none(v))
}

/// A size argument as CPython's `_Py_convert_optional_to_ssize_t`: None
/// or absent means -1; otherwise an index.
pub fn size_arg(a: Option<&PyObj>) -> PyResult<isize> {
    match a {
        None => Ok(-1),
        Some(v) if none::is_none(v) => Ok(-1),
        Some(v) => {
            if !ab::has_index(v) {
                return Err(err::type_error(format!(
                    "argument should be integer or None, not '{}'",
                    vm::typeobj::type_name(v.ob_type())
                )));
            }
            ab::index_to_ssize(v, Some(unsafe { vm::objects::exceptions::PyExc_OverflowError }))
        }
    }
}

/// An optional size (None or absent: None), converted as `size_arg`.
pub fn opt_size(a: Option<&PyObj>) -> PyResult<Option<i64>> {
    match a {
        Some(v) if !none::is_none(v) => Ok(Some(size_arg(Some(v))? as i64)),
        _ => Ok(None),
    }
}

pub fn int_arg(v: &PyObj) -> PyResult<i64> {
    if !ab::has_index(v) {
        return Err(err::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm::typeobj::type_name(v.ob_type())
        )));
    }
    Ok(ab::index_to_ssize(v, Some(unsafe { vm::objects::exceptions::PyExc_OverflowError }))? as i64)
}

pub fn bool_arg(v: &PyObj) -> PyResult<bool> {
    ab::is_true(v)
}

/// The bytes of a bytes-like argument.
pub fn bytes_arg(o: &PyObj) -> PyResult<Vec<u8>> {
    if bytes::is_bytes(o) {
        return Ok(bytes::as_slice(o).to_vec());
    }
    if bytearray::is_bytearray(o) {
        return Ok(bytearray::as_slice(o).to_vec());
    }
    if vm::objects::memoryview::has_buffer(o) {
        return vm::objects::memoryview::generic_buffer_bytes(o);
    }
    Err(err::type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm::typeobj::type_name(o.ob_type())
    )))
}

/// Copies `data` into a writable buffer argument (for readinto); returns how much fit.
pub fn write_into_buffer(buf: &PyObj, data: &[u8]) -> PyResult<usize> {
    unsafe {
        let mut v = vm::objects::memoryview::empty_view();
        vm::objects::memoryview::get_buffer_into(buf, &mut v, vm::objects::memoryview::PYBUF_WRITABLE)?;
        let n = (v.len as usize).min(data.len());
        if n > 0 {
            std::ptr::copy_nonoverlapping(data.as_ptr(), v.buf as *mut u8, n);
        }
        vm::objects::memoryview::release_buffer(&mut v);
        Ok(n)
    }
}

/// The length of the writable buffer argument of `meth` (readinto and kin).
pub fn buffer_len(meth: &str, buf: &PyObj) -> PyResult<usize> {
    unsafe {
        let mut v = vm::objects::memoryview::empty_view();
        if vm::objects::memoryview::get_buffer_into(buf, &mut v, vm::objects::memoryview::PYBUF_WRITABLE).is_err() {
            err::take();
            return Err(err::type_error(format!(
                "{}() argument must be read-write bytes-like object, not {}",
                meth,
                vm::typeobj::type_name(buf.ob_type())
            )));
        }
        let n = v.len as usize;
        vm::objects::memoryview::release_buffer(&mut v);
        Ok(n)
    }
}

pub fn err_is(e: &PyErr, tp: *mut PyTypeObject) -> bool {
    unsafe { vm::typeobj::is_subtype(e.value().ob_type(), tp) }
}

pub fn call_meth(o: &PyObj, name: &str, args: &[PyObj]) -> PyResult {
    ab::call_method(o, name, args)
}

pub fn truthy_meth(o: &PyObj, name: &str) -> PyResult<bool> {
    ab::is_true(&call_meth(o, name, &[])?)
}

pub fn closed_attr(o: &PyObj) -> PyResult<bool> {
    ab::is_true(&ab::getattr_str(o, "closed")?)
}

// ---------------------------------------------------------------- _IOBase

fn iobase_is_closed(o: &PyObj) -> PyResult<bool> {
    Ok(ab::getattr_str_opt(o, "__IOBase_closed")?.is_some())
}

pub fn check_closed(o: &PyObj) -> PyResult<()> {
    if closed_attr(o)? {
        return Err(closed_file());
    }
    Ok(())
}

pub fn check_readable(o: &PyObj) -> PyResult<()> {
    if !truthy_meth(o, "readable")? {
        return Err(unsupported("File or stream is not readable."));
    }
    Ok(())
}

pub fn check_writable(o: &PyObj) -> PyResult<()> {
    if !truthy_meth(o, "writable")? {
        return Err(unsupported("File or stream is not writable."));
    }
    Ok(())
}

pub fn check_seekable(o: &PyObj) -> PyResult<()> {
    if !truthy_meth(o, "seekable")? {
        return Err(unsupported("File or stream is not seekable."));
    }
    Ok(())
}

/// `_IOBase.close`: flush, then mark closed (even when flush fails).
pub fn iobase_close(o: &PyObj) -> PyResult<()> {
    if iobase_is_closed(o)? {
        return Ok(());
    }
    let r = call_meth(o, "flush", &[]);
    ab::setattr_str(o, "__IOBase_closed", boolobject::new(true))?;
    r.map(|_| ())
}

vm::fastcall!(iob_seek, |slf, args| { Err(unsupported("seek")) });
vm::fastcall!(iob_truncate, |slf, args| { Err(unsupported("truncate")) });
vm::fastcall!(iob_fileno, |slf, args| { Err(unsupported("fileno")) });
vm::fastcall!(iob_tell, |slf, args| { call_meth(slf, "seek", &[long::from_i64(0), long::from_i64(1)]) });
vm::fastcall!(iob_flush, |slf, args| {
    if iobase_is_closed(slf)? {
        return Err(closed_file());
    }
    Ok(none::none())
});
vm::fastcall!(iob_close, |slf, args| { iobase_close(slf).map(|_| none::none()) });
vm::fastcall!(iob_false, |slf, args| { Ok(boolobject::new(false)) });
vm::fastcall!(iob_isatty, |slf, args| {
    check_closed(slf)?;
    Ok(boolobject::new(false))
});
vm::fastcall!(iob_check_closed, |slf, args| {
    check_closed(slf)?;
    Ok(none::none())
});
vm::fastcall!(iob_check_readable, |slf, args| {
    check_readable(slf)?;
    Ok(none::none())
});
vm::fastcall!(iob_check_writable, |slf, args| {
    check_writable(slf)?;
    Ok(none::none())
});
vm::fastcall!(iob_check_seekable, |slf, args| {
    check_seekable(slf)?;
    Ok(none::none())
});
vm::fastcall!(iob_enter, |slf, args| {
    check_closed(slf)?;
    Ok(slf.clone())
});
vm::fastcall!(iob_exit, |slf, args| { call_meth(slf, "close", &[]) });

unsafe extern "C" fn iob_iter(o: *mut PyObject) -> *mut PyObject {
    let s = PyObj::borrow(&o);
    err::into_ptr(check_closed(s).map(|_| s.clone()))
}

unsafe extern "C" fn iob_iternext(o: *mut PyObject) -> *mut PyObject {
    let s = PyObj::borrow(&o);
    match call_meth(s, "readline", &[]) {
        Ok(l) => match ab::len(&l) {
            Ok(0) => std::ptr::null_mut(),
            Ok(_) => l.into_ptr(),
            Err(e) => {
                err::restore(e);
                std::ptr::null_mut()
            }
        },
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn iob_get_closed(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    err::into_ptr(iobase_is_closed(PyObj::borrow(&o)).map(boolobject::new))
}

// `_IOBase.readline(size=-1)`: byte at a time, using `peek` when there is one.
vm::fastcall!(iob_readline, |slf, args| {
    vm::objects::methodobject::check_nargs("readline", args, 0, 1)?;
    let limit = size_arg(args.first())?;
    let peek = ab::getattr_str_opt(slf, "peek")?;
    let mut out: Vec<u8> = Vec::new();
    while limit < 0 || (out.len() as isize) < limit {
        let mut nreadahead = 1usize;
        if let Some(p) = &peek {
            let ra = ab::call1(p, &long::from_i64(1))?;
            if !bytes::is_bytes(&ra) {
                return Err(err::os_error(format!(
                    "peek() should have returned a bytes object, not '{}'",
                    vm::typeobj::type_name(ra.ob_type())
                )));
            }
            let d = bytes::as_slice(&ra);
            if !d.is_empty() {
                let mut n = 0;
                let max = if limit >= 0 { (limit as usize - out.len()).min(d.len()) } else { d.len() };
                while n < max {
                    n += 1;
                    if d[n - 1] == b'\n' {
                        break;
                    }
                }
                nreadahead = n.max(1);
            }
        }
        let b = call_meth(slf, "read", &[long::from_usize(nreadahead)])?;
        if none::is_none(&b) {
            break;
        }
        if !bytes::is_bytes(&b) {
            return Err(err::os_error(format!(
                "read() should have returned a bytes object, not '{}'",
                vm::typeobj::type_name(b.ob_type())
            )));
        }
        let d = bytes::as_slice(&b);
        if d.is_empty() {
            break;
        }
        out.extend_from_slice(d);
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(bytes::new(&out))
});

/// `readlines(hint=-1)` shared by _IOBase (through iteration).
pub fn readlines_generic(slf: &PyObj, hint: isize) -> PyResult {
    let it = ab::get_iter(slf)?;
    let mut v = Vec::new();
    let mut total = 0usize;
    while let Some(l) = ab::next(&it)? {
        total += ab::len(&l)?;
        v.push(l);
        if hint > 0 && total > hint as usize {
            break;
        }
    }
    Ok(list::new(v))
}

vm::fastcall!(iob_readlines, |slf, args| {
    vm::objects::methodobject::check_nargs("readlines", args, 0, 1)?;
    let hint = size_arg(args.first())?;
    readlines_generic(slf, hint)
});

vm::onearg!(iob_writelines, |slf, lines| {
    check_closed(slf)?;
    let it = ab::get_iter(lines.unwrap())?;
    while let Some(l) = ab::next(&it)? {
        call_meth(slf, "write", &[l])?;
    }
    Ok(none::none())
});

// `__del__`: close if not yet closed, errors ignored as CPython reports them unraisably.
vm::fastcall!(iob_del, |slf, args| {
    finalize_obj(slf);
    Ok(none::none())
});

pub fn finalize_obj(o: &PyObj) {
    let closed = match ab::getattr_str(o, "closed").and_then(|c| ab::is_true(&c)) {
        Ok(c) => c,
        Err(_) => {
            err::take();
            return;
        }
    };
    if !closed {
        let _ = ab::setattr_str(o, "_finalizing", boolobject::new(true));
        if call_meth(o, "close", &[]).is_err() {
            err::take();
        }
    }
    err::take();
}

pub unsafe extern "C" fn io_finalize(o: *mut PyObject) {
    let s = PyObj::borrow(&o);
    let saved = err::take();
    finalize_obj(s);
    if let Some(e) = saved {
        err::restore(e);
    }
}

pub unsafe extern "C" fn io_dealloc(o: *mut PyObject) {
    if vm::gc::is_tracked(o) {
        vm::gc::untrack(o);
    }
    if !vm::objects::weakref::finalized(o) {
        (*o).ob_refcnt = 1;
        vm::objects::weakref::mark_finalized(o);
        io_finalize(o);
        (*o).ob_refcnt -= 1;
        if (*o).ob_refcnt != 0 {
            // Resurrected by close(): alive again.
            vm::gc::track(o);
            return;
        }
    }
    let io = o as *mut IoObj;
    if !(*io).weakreflist.is_null() {
        vm::objects::weakref::clear_weakrefs(o);
    }
    let st = (*io).state.take();
    drop(st);
    let d = std::mem::replace(&mut (*io).dict, std::ptr::null_mut());
    vm::objref::xdecref(d);
    vm::alloc::tp_free(o);
}

/// Every object reference a state holds (for the cycle collector).
fn state_refs(s: &State, out: &mut Vec<*mut PyObject>) {
    let mut push = |o: &Option<PyObj>| {
        if let Some(o) = o {
            out.push(o.as_ptr());
        }
    };
    match s {
        State::Buf(b) => push(&b.raw),
        State::Pair(p) => {
            push(&Some(p.reader.clone()));
            push(&Some(p.writer.clone()));
        }
        State::Text(t) => push(&t.buffer),
        State::Nl(n) => {
            push(&Some(n.decoder.clone()));
            push(&Some(n.errors.clone()));
        }
        State::File(_) | State::Bytes(_) | State::Str(_) => {}
    }
}

pub unsafe extern "C" fn io_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let io = o as *mut IoObj;
    let mut v = Vec::new();
    // For instances of Python subclasses, subtype_traverse already visited the dict.
    if !(*io).dict.is_null() && !vm::typeobj::is_heap((*o).ob_type) {
        v.push((*io).dict);
    }
    if let Some(s) = (*io).state.as_deref() {
        state_refs(s, &mut v);
    }
    for p in v {
        let r = visit(p, arg);
        if r != 0 {
            return r;
        }
    }
    0
}

pub unsafe extern "C" fn io_clear(o: *mut PyObject) -> c_int {
    let io = o as *mut IoObj;
    let st = (*io).state.take();
    drop(st);
    let d = std::mem::replace(&mut (*io).dict, std::ptr::null_mut());
    vm::objref::xdecref(d);
    0
}

pub unsafe extern "C" fn io_new(tp: *mut PyTypeObject, _a: *mut PyObject, _k: *mut PyObject) -> *mut PyObject {
    let o = vm::typeobj::alloc_instance(tp);
    if o.is_null() && !err::occurred() {
        err::set_memory_error();
    }
    o
}

// ---------------------------------------------------------------- _RawIOBase

// `_RawIOBase.read(size=-1)`: through `readinto` (or `readall` for -1).
vm::fastcall!(raw_read, |slf, args| {
    vm::objects::methodobject::check_nargs("read", args, 0, 1)?;
    let n = size_arg(args.first())?;
    if n < 0 {
        return call_meth(slf, "readall", &[]);
    }
    let b = bytearray::new(&zeroed(n as usize)?);
    let r = call_meth(slf, "readinto", &[b.clone()])?;
    if none::is_none(&r) {
        return Ok(r);
    }
    let got = int_arg(&r)? as usize;
    let d = bytearray::as_slice(&b);
    Ok(bytes::new(&d[..got.min(d.len())]))
});

vm::fastcall!(raw_readall, |slf, args| {
    let mut out: Vec<u8> = Vec::new();
    loop {
        let d = call_meth(slf, "read", &[long::from_usize(super::DEFAULT_BUFFER_SIZE)])?;
        if none::is_none(&d) {
            if out.is_empty() {
                return Ok(d);
            }
            break;
        }
        if !bytes::is_bytes(&d) {
            return Err(err::type_error("read() should return bytes"));
        }
        let s = bytes::as_slice(&d);
        if s.is_empty() {
            break;
        }
        out.extend_from_slice(s);
    }
    Ok(bytes::new(&out))
});

vm::fastcall!(not_impl, |slf, args| { Err(err::not_implemented_error("")) });

// ---------------------------------------------------------------- _BufferedIOBase

vm::fastcall!(bufb_detach, |slf, args| { Err(unsupported("detach")) });
vm::fastcall!(bufb_read, |slf, args| { Err(unsupported("read")) });
vm::fastcall!(bufb_read1, |slf, args| { Err(unsupported("read1")) });
vm::fastcall!(bufb_write, |slf, args| { Err(unsupported("write")) });

fn bufb_readinto_generic(slf: &PyObj, args: &[PyObj], meth: &str) -> PyResult {
    vm::objects::methodobject::check_nargs(meth, args, 1, 1)?;
    let n = buffer_len(meth, &args[0])?;
    let data = call_meth(slf, if meth == "readinto" { "read" } else { "read1" }, &[long::from_usize(n)])?;
    if !bytes::is_bytes(&data) {
        return Err(err::type_error("read() should return bytes"));
    }
    let d = bytes::as_slice(&data);
    if d.len() > n {
        return Err(err::value_error(format!("read() returned too much data: {} bytes requested, {} returned", n, d.len())));
    }
    Ok(long::from_usize(write_into_buffer(&args[0], d)?))
}
vm::fastcall!(bufb_readinto, |slf, args| { bufb_readinto_generic(slf, args, "readinto") });
vm::fastcall!(bufb_readinto1, |slf, args| { bufb_readinto_generic(slf, args, "readinto1") });

// ---------------------------------------------------------------- _TextIOBase

vm::fastcall!(textb_detach, |slf, args| { Err(unsupported("detach")) });
vm::fastcall!(textb_read, |slf, args| { Err(unsupported("read")) });
vm::fastcall!(textb_readline, |slf, args| { Err(unsupported("readline")) });
vm::fastcall!(textb_write, |slf, args| { Err(unsupported("write")) });
unsafe extern "C" fn textb_none(_o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    none::none().into_ptr()
}

type Meth = (&'static str, *const c_void, c_int, &'static str);

pub fn iobase_methods() -> Vec<Meth> {
    vec![
        ("seek", iob_seek as *const c_void, meth::FASTCALL, ""),
        ("tell", iob_tell as *const c_void, meth::FASTCALL, ""),
        ("truncate", iob_truncate as *const c_void, meth::FASTCALL, ""),
        ("flush", iob_flush as *const c_void, meth::FASTCALL, ""),
        ("close", iob_close as *const c_void, meth::FASTCALL, ""),
        ("seekable", iob_false as *const c_void, meth::FASTCALL, ""),
        ("readable", iob_false as *const c_void, meth::FASTCALL, ""),
        ("writable", iob_false as *const c_void, meth::FASTCALL, ""),
        ("_checkClosed", iob_check_closed as *const c_void, meth::FASTCALL, ""),
        ("_checkSeekable", iob_check_seekable as *const c_void, meth::FASTCALL, ""),
        ("_checkReadable", iob_check_readable as *const c_void, meth::FASTCALL, ""),
        ("_checkWritable", iob_check_writable as *const c_void, meth::FASTCALL, ""),
        ("fileno", iob_fileno as *const c_void, meth::FASTCALL, ""),
        ("isatty", iob_isatty as *const c_void, meth::FASTCALL, ""),
        ("__enter__", iob_enter as *const c_void, meth::FASTCALL, ""),
        ("__exit__", iob_exit as *const c_void, meth::FASTCALL, ""),
        ("readline", iob_readline as *const c_void, meth::FASTCALL, ""),
        ("readlines", iob_readlines as *const c_void, meth::FASTCALL, ""),
        ("writelines", iob_writelines as *const c_void, meth::O, ""),
        ("__del__", iob_del as *const c_void, meth::FASTCALL, ""),
    ]
}

/// Common slots of every `_io` type; `base` is its base class (null for
/// _IOBase). Slots with Python-visible wrappers (__new__, __iter__,
/// __next__, __del__) and the dict/weakref offsets are set on _IOBase and
/// inherited, so they show in the subclasses' dicts only where CPython's do.
pub unsafe fn init_io_type(t: *mut PyTypeObject, base: *mut PyTypeObject) {
    (*t).tp_base = base;
    (*t).tp_dealloc = Some(io_dealloc);
    (*t).tp_traverse = Some(io_traverse);
    (*t).tp_clear = Some(io_clear);
    (*t).tp_flags |= flags::BASETYPE | flags::HAVE_GC;
    if base.is_null() {
        (*t).tp_new = Some(io_new);
        (*t).tp_finalize = Some(io_finalize);
        (*t).tp_dictoffset = std::mem::offset_of!(IoObj, dict) as isize;
        (*t).tp_weaklistoffset = std::mem::offset_of!(IoObj, weakreflist) as isize;
        (*t).tp_iter = Some(iob_iter);
        (*t).tp_iternext = Some(iob_iternext);
    }
}

/// A concrete class (one with its own `__new__`, as CPython's).
pub unsafe fn init_concrete_type(t: *mut PyTypeObject, base: *mut PyTypeObject) {
    init_io_type(t, base);
    (*t).tp_new = Some(io_new);
}

pub unsafe fn init_types() {
    use vm::objects::descr::{set_getsets, set_methods};
    init_io_type(&raw mut IOBASE_TYPE, std::ptr::null_mut());
    set_methods(&raw mut IOBASE_TYPE, &iobase_methods());
    set_getsets(&raw mut IOBASE_TYPE, &[("closed", iob_get_closed as *const c_void, std::ptr::null())]);
    init_io_type(&raw mut RAWIOBASE_TYPE, &raw mut IOBASE_TYPE);
    set_methods(&raw mut RAWIOBASE_TYPE, &[
        ("read", raw_read as *const c_void, meth::FASTCALL, ""),
        ("readall", raw_readall as *const c_void, meth::FASTCALL, ""),
        ("readinto", not_impl as *const c_void, meth::FASTCALL, ""),
        ("write", not_impl as *const c_void, meth::FASTCALL, ""),
    ]);
    init_io_type(&raw mut BUFFEREDIOBASE_TYPE, &raw mut IOBASE_TYPE);
    set_methods(&raw mut BUFFEREDIOBASE_TYPE, &[
        ("detach", bufb_detach as *const c_void, meth::FASTCALL, ""),
        ("read", bufb_read as *const c_void, meth::FASTCALL, ""),
        ("read1", bufb_read1 as *const c_void, meth::FASTCALL, ""),
        ("readinto", bufb_readinto as *const c_void, meth::FASTCALL, ""),
        ("readinto1", bufb_readinto1 as *const c_void, meth::FASTCALL, ""),
        ("write", bufb_write as *const c_void, meth::FASTCALL, ""),
    ]);
    init_io_type(&raw mut TEXTIOBASE_TYPE, &raw mut IOBASE_TYPE);
    set_methods(&raw mut TEXTIOBASE_TYPE, &[
        ("detach", textb_detach as *const c_void, meth::FASTCALL, ""),
        ("read", textb_read as *const c_void, meth::FASTCALL, ""),
        ("readline", textb_readline as *const c_void, meth::FASTCALL, ""),
        ("write", textb_write as *const c_void, meth::FASTCALL, ""),
    ]);
    set_getsets(&raw mut TEXTIOBASE_TYPE, &[
        ("encoding", textb_none as *const c_void, std::ptr::null()),
        ("newlines", textb_none as *const c_void, std::ptr::null()),
        ("errors", textb_none as *const c_void, std::ptr::null()),
    ]);
}

/// A zero-filled buffer of `n` bytes, or MemoryError (sizes come from callers).
pub fn zeroed(n: usize) -> PyResult<Vec<u8>> {
    let mut v: Vec<u8> = Vec::new();
    if n > isize::MAX as usize || v.try_reserve_exact(n).is_err() {
        return Err(err::memory_error_msg(""));
    }
    v.resize(n, 0);
    Ok(v)
}

/// Grows `v` to `n` items of `fill`, or MemoryError.
pub fn grow<T: Clone>(v: &mut Vec<T>, n: usize, fill: T) -> PyResult<()> {
    if n > v.len() {
        if n > (isize::MAX as usize) / std::mem::size_of::<T>().max(1) || v.try_reserve(n - v.len()).is_err() {
            return Err(err::memory_error_msg(""));
        }
        v.resize(n, fill);
    }
    Ok(())
}
