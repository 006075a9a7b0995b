//! Argument conversion shared by the `posix` functions: paths (str, bytes,
//! os.PathLike, fds), file descriptors and ints, keyword binding with
//! Argument Clinic's messages, and OSError built from errno.

use std::ffi::CString;
use vm::err::{self, PyErr, PyResult};
use vm::objects::bytes_methods::{decode_bytes, encode_str};
use vm::objects::{bytes, long, none, tuple, unicode};
use vm::objref::PyObj;
use vm::typeobj::type_name;

pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `strerror(code)` as CPython shows it ("Unknown error N" for unknown codes).
pub fn strerror(code: i32) -> String {
    vm::objects::exceptions_attrs::strerror_text(code)
}

/// `OSError(errno, strerror[, filename[, None, filename2]])`; OSError's
/// constructor picks the subclass (FileNotFoundError, ...).
pub fn os_error(code: i32, f1: Option<&PyObj>, f2: Option<&PyObj>) -> PyErr {
    vm::objects::exceptions_attrs::os_error_with_filenames(code, f1, f2)
}

/// OSError from the current errno, with no filename.
pub fn last_error() -> PyErr {
    os_error(errno(), None, None)
}

/// OSError from the current errno for `path` (its original object).
pub fn path_error(p: &Path) -> PyErr {
    os_error(errno(), p.filename(), None)
}

pub fn path_error2(p: &Path, q: &Path) -> PyErr {
    os_error(errno(), p.filename(), q.filename())
}

/// str -> bytes with the filesystem encoding (utf-8, surrogateescape).
pub fn fs_encode(s: &PyObj) -> PyResult<Vec<u8>> {
    if let Some(t) = unicode::as_str_fast(s) {
        return Ok(t.as_bytes().to_vec());
    }
    let b = encode_str(s, "utf-8", "surrogateescape")?;
    Ok(bytes::as_slice(&b).to_vec())
}

/// bytes -> str with the filesystem encoding.
pub fn fs_decode(b: &[u8]) -> PyObj {
    match decode_bytes(b, "utf-8", "surrogateescape") {
        Ok(s) => s,
        Err(_) => unicode::new(&String::from_utf8_lossy(b)),
    }
}

/// A name as the same kind (str or bytes) as the path it came from.
pub fn fs_name(b: &[u8], as_bytes: bool) -> PyObj {
    if as_bytes {
        bytes::new(b)
    } else {
        fs_decode(b)
    }
}

/// `os.fspath(o)`: str and bytes as they are, else `type(o).__fspath__(o)`.
/// Err(None) means "not path-like" so that callers can word the TypeError.
pub fn fspath_opt(o: &PyObj) -> Result<PyObj, Option<PyErr>> {
    if unicode::is_str(o) || bytes::is_bytes(o) {
        return Ok(o.clone());
    }
    let Some(f) = vm::typeobj::lookup_str(o.ob_type(), "__fspath__") else {
        return Err(None);
    };
    if none::is_none(&f) {
        return Err(None);
    }
    let r = vm::abstract_::call1(&f, o).map_err(Some)?;
    if unicode::is_str(&r) || bytes::is_bytes(&r) {
        Ok(r)
    } else {
        Err(Some(err::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            type_name(o.ob_type()),
            type_name(r.ob_type())
        ))))
    }
}

pub fn fspath(o: &PyObj) -> PyResult {
    fspath_opt(o).map_err(|e| {
        e.unwrap_or_else(|| {
            err::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                type_name(o.ob_type())
            ))
        })
    })
}

/// A converted path argument (CPython's `path_t`).
pub struct Path {
    /// The path as str/bytes (or the fd / None given), for OSError's filename.
    pub obj: PyObj,
    /// The encoded path, absent for an fd or None.
    pub c: Option<CString>,
    pub fd: Option<i32>,
    /// The path was given as bytes (results are then bytes too).
    pub is_bytes: bool,
}

impl Path {
    pub fn ptr(&self) -> *const libc::c_char {
        match &self.c {
            Some(c) => c.as_ptr(),
            None => c".".as_ptr(),
        }
    }
    pub fn filename(&self) -> Option<&PyObj> {
        if none::is_none(&self.obj) {
            None
        } else {
            Some(&self.obj)
        }
    }
    pub fn bytes(&self) -> &[u8] {
        match &self.c {
            Some(c) => c.as_bytes(),
            None => b".",
        }
    }
}

/// Converts a path argument of function `fname`. `allow_fd` accepts an int
/// file descriptor, `nullable` accepts None (meaning ".").
pub fn path_arg(fname: &str, argname: &str, o: &PyObj, allow_fd: bool, nullable: bool) -> PyResult<Path> {
    if nullable && none::is_none(o) {
        return Ok(Path { obj: o.clone(), c: None, fd: None, is_bytes: false });
    }
    if allow_fd && !unicode::is_str(o) && !bytes::is_bytes(o) && vm::abstract_::has_index(o) {
        let fd = fd_arg(o)?;
        return Ok(Path { obj: o.clone(), c: None, fd: Some(fd), is_bytes: false });
    }
    let p = match fspath_opt(o) {
        Ok(p) => p,
        Err(Some(e)) => return Err(e),
        Err(None) => {
            let kinds = match (allow_fd, nullable) {
                (true, true) => "string, bytes, os.PathLike, integer or None",
                (true, false) => "string, bytes, os.PathLike or integer",
                (false, true) => "string, bytes, os.PathLike or None",
                (false, false) => "string, bytes or os.PathLike",
            };
            return Err(err::type_error(format!(
                "{}: {} should be {}, not {}",
                fname,
                argname,
                kinds,
                type_name(o.ob_type())
            )));
        }
    };
    let (data, is_bytes) = if bytes::is_bytes(&p) {
        (bytes::as_slice(&p).to_vec(), true)
    } else {
        let d = fs_encode(&p)?;
        if d.contains(&0) {
            return Err(err::value_error("embedded null byte"));
        }
        (d, false)
    };
    let c = CString::new(data)
        .map_err(|_| err::value_error(format!("{}: embedded null character in {}", fname, argname)))?;
    // The OSError filename is the fspath() result, as CPython's.
    Ok(Path { obj: p, c: Some(c), fd: None, is_bytes })
}

/// A C int from an index-able object.
pub fn c_int_arg(o: &PyObj) -> PyResult<i32> {
    let v = vm::abstract_::index(o)?;
    match long::as_i64(&v) {
        Some(x) if x >= i32::MIN as i64 && x <= i32::MAX as i64 => Ok(x as i32),
        Some(x) if x > 0 => Err(err::overflow_error("signed integer is greater than maximum")),
        Some(_) => Err(err::overflow_error("signed integer is less than minimum")),
        None => Err(err::overflow_error("Python int too large to convert to C long")),
    }
}

/// A file descriptor argument (CPython's `fildes` converter).
pub fn fd_arg(o: &PyObj) -> PyResult<i32> {
    let v = vm::abstract_::index(o)?;
    match long::as_i64(&v) {
        Some(x) if x > i32::MAX as i64 => Err(err::overflow_error("fd is greater than maximum")),
        Some(x) if x < i32::MIN as i64 => Err(err::overflow_error("fd is less than minimum")),
        Some(x) => Ok(x as i32),
        None => Err(err::overflow_error("Python int too large to convert to C long")),
    }
}

pub fn i64_arg(o: &PyObj) -> PyResult<i64> {
    vm::abstract_::to_i64(o)
}

/// `dir_fd` keyword: None means the current directory.
pub fn dir_fd_arg(o: &Option<PyObj>) -> PyResult<i32> {
    match o {
        Some(v) if !none::is_none(v) => fd_arg(v),
        _ => Ok(libc::AT_FDCWD),
    }
}

pub fn bool_arg(o: &Option<PyObj>, default: bool) -> PyResult<bool> {
    match o {
        Some(v) => vm::abstract_::is_true(v),
        None => Ok(default),
    }
}

/// Binds arguments like Argument Clinic (with its messages):
/// `names[..npos]` may be positional, the rest are keyword-only; the
/// first `required` must be given.
pub fn parse(
    fname: &str,
    args: &[PyObj],
    kw: Option<&PyObj>,
    names: &[&str],
    required: usize,
    npos: usize,
) -> PyResult<Vec<Option<PyObj>>> {
    vm::objects::methodobject::unpack_keywords(fname, args, kw, names, 0, required, npos)
}

/// Positional-only arguments (`fname expected N arguments, got M`).
pub fn posonly<'a>(fname: &str, args: &'a [PyObj], kw: Option<&PyObj>, min: usize, max: usize) -> PyResult<&'a [PyObj]> {
    if kw.map(tuple::len).unwrap_or(0) > 0 {
        return Err(err::type_error(format!("posix.{}() takes no keyword arguments", fname)));
    }
    vm::objects::methodobject::check_nargs(fname, args, min, max)?;
    Ok(args)
}

pub fn none() -> PyObj {
    none::none()
}

pub fn int(v: i64) -> PyObj {
    long::from_i64(v)
}

/// Retries a system call while it fails with EINTR (PEP 475), running
/// pending signal handlers in between.
pub fn retry<T: PartialEq + Copy>(fail: T, mut f: impl FnMut() -> T) -> PyResult<T> {
    loop {
        let r = f();
        if r == fail && errno() == libc::EINTR {
            vm::signals::check()?;
            continue;
        }
        return Ok(r);
    }
}
