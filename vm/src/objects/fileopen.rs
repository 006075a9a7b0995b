//! `open()`: `_io.open` once the stdlib installs it, else the small file
//! objects of `textio.rs`.

use crate::err::{self, PyResult};
use crate::objects::methodobject::bind_args;
use crate::objects::{none, unicode};
use crate::objref::PyObj;

/// `open()` of the full io stack (`_io.open`), installed by the stdlib crate.
pub type OpenHook = fn(&[PyObj], Option<&PyObj>) -> PyResult;
static mut OPEN_HOOK: Option<OpenHook> = None;

pub fn set_open_hook(h: OpenHook) {
    unsafe { OPEN_HOOK = Some(h) };
}

/// A text stream type whose `write` print may call directly (set by the
/// stdlib for exact `_io.TextIOWrapper`s): (accepts, write).
pub type TextWriteHook = (fn(&PyObj) -> bool, fn(&PyObj, &PyObj) -> PyResult<()>);
static mut TEXT_WRITE_HOOK: Option<TextWriteHook> = None;

pub fn set_text_write_hook(h: TextWriteHook) {
    unsafe { TEXT_WRITE_HOOK = Some(h) };
}

/// Whether `o.write(s)` may be done by `fast_text_write`.
pub fn is_fast_text_stream(o: &PyObj) -> bool {
    crate::objects::textio::is_file(o) || unsafe { TEXT_WRITE_HOOK }.map(|h| (h.0)(o)).unwrap_or(false)
}

/// `o.write(s)` for a stream `is_fast_text_stream` accepted.
pub fn fast_text_write(o: &PyObj, s: &PyObj) -> PyResult<()> {
    if crate::objects::textio::is_file(o) {
        return crate::objects::textio::write(o, s).map(|_| ());
    }
    match unsafe { TEXT_WRITE_HOOK } {
        Some(h) => (h.1)(o, s),
        None => crate::abstract_::call_method(o, "write", &[s.clone()]).map(|_| ()),
    }
}

pub fn open(args: &[PyObj], kw: Option<&PyObj>) -> PyResult {
    if let Some(h) = unsafe { OPEN_HOOK } {
        return h(args, kw);
    }
    let a = bind_args(
        "open",
        args,
        kw,
        &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        1,
        0,
    )?;
    let file = a[0].clone().unwrap();
    let mode = match &a[1] {
        Some(m) if unicode::is_str(m) => unicode::to_string_lossy(m),
        Some(m) if !none::is_none(m) => {
            return Err(err::type_error(format!(
                "open() argument 'mode' must be str, not {}",
                crate::typeobj::type_name(m.ob_type())
            )))
        }
        _ => "r".to_string(),
    };
    // _io.open's validation, in CPython's order and words.
    let chars: Vec<char> = mode.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if !"xrwa+tb".contains(*c) || chars[i + 1..].contains(c) {
            return Err(err::value_error(format!("invalid mode: '{}'", mode)));
        }
    }
    let has = |c: char| chars.contains(&c);
    if has('t') && has('b') {
        return Err(err::value_error("can't have text and binary mode at once"));
    }
    let kinds = ['x', 'r', 'w', 'a'].iter().filter(|c| has(**c)).count();
    if kinds > 1 {
        return Err(err::value_error("must have exactly one of create/read/write/append mode"));
    }
    let present = |i: usize| a[i].as_ref().map(|v| !none::is_none(v)).unwrap_or(false);
    if has('b') && present(3) {
        return Err(err::value_error("binary mode doesn't take an encoding argument"));
    }
    if has('b') && present(4) {
        return Err(err::value_error("binary mode doesn't take an errors argument"));
    }
    if has('b') && present(5) {
        return Err(err::value_error("binary mode doesn't take a newline argument"));
    }
    if kinds == 0 {
        return Err(err::value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    }
    if crate::objects::long::is_int(&file) {
        let fd = crate::abstract_::to_i64(&file)? as i32;
        return Ok(crate::objects::textio::new(fd, &fd.to_string(), &mode, false, true));
    }
    // os.PathLike and bytes paths, as os.fspath() and the fs encoding give them.
    let mut file = file;
    if !unicode::is_str(&file) && !crate::objects::bytes::is_bytes(&file) {
        if let Some(f) = crate::typeobj::lookup_str(file.ob_type(), "__fspath__") {
            file = crate::abstract_::call1(&f, &file)?;
        }
    }
    if crate::objects::bytes::is_bytes(&file) {
        let b = crate::objects::bytes::as_slice(&file).to_vec();
        file = crate::objects::bytes_methods::decode_bytes(&b, "utf-8", "surrogateescape")?;
    }
    if !unicode::is_str(&file) {
        return Err(err::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            crate::typeobj::type_name(file.ob_type())
        )));
    }
    let path = unicode::to_string_lossy(&file);
    let mut oo = std::fs::OpenOptions::new();
    let plus = mode.contains('+');
    if mode.contains('r') {
        oo.read(true).write(plus);
    } else if mode.contains('w') {
        oo.write(true).create(true).truncate(true).read(plus);
    } else if mode.contains('a') {
        oo.append(true).create(true).read(plus);
    } else if mode.contains('x') {
        oo.write(true).create_new(true).read(plus);
    }
    let f = oo
        .open(&path)
        .map_err(|e| crate::objects::exceptions_attrs::os_error_from_io(&e, Some(&path)))?;
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(crate::objects::exceptions_attrs::os_error_from_errno(21, Some(&path)));
    }
    use std::os::unix::io::IntoRawFd;
    let fd = f.into_raw_fd();
    let shown_mode = if mode.contains('b') { mode.clone() } else { mode.replace('t', "") };
    Ok(crate::objects::textio::new(fd, &path, &shown_mode, false, true))
}
