//! `open()`: opens files as the small file objects of `textio.rs`.

use crate::err::{self, PyResult};
use crate::objects::methodobject::bind_args;
use crate::objects::{none, unicode};
use crate::objref::PyObj;

pub fn open(args: &[PyObj], kw: Option<&PyObj>) -> PyResult {
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
    let valid = mode.chars().all(|c| "rwxabt+".contains(c))
        && mode.chars().filter(|c| "rwxa".contains(*c)).count() == 1;
    if !valid || (mode.contains('b') && mode.contains('t')) {
        return Err(err::value_error(format!("invalid mode: '{}'", mode)));
    }
    if crate::objects::long::is_int(&file) {
        let fd = crate::abstract_::to_i64(&file)? as i32;
        return Ok(crate::objects::textio::new(fd, &fd.to_string(), &mode, false, true));
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
