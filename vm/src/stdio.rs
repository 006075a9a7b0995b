//! Raw process output used before (or beneath) `sys.stdout`/`sys.stderr`
//! objects: tracebacks of fatal errors and the default print path.

use std::io::Write;

pub fn write_stderr(s: &str) {
    let _ = crate::sysmodule::write_to_sys_stream("stderr", s).or_else(|_| {
        let mut e = std::io::stderr();
        e.write_all(s.as_bytes()).and_then(|_| e.flush())
    });
}

pub fn write_stderr_raw(s: &str) {
    let mut e = std::io::stderr();
    let _ = e.write_all(s.as_bytes());
    let _ = e.flush();
}
