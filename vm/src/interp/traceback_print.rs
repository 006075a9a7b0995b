//! Printing exceptions the way CPython 3.11 does: the traceback entries
//! (file, line, function, source line, with CPython's caret lines),
//! chained exceptions with their separator lines, "[Previous line repeated
//! N more times]", and the final "Type: message" line.

use crate::objects::exceptions as exc;
use crate::objects::{code, frame, traceback, unicode};
use crate::objref::PyObj;
use std::collections::HashSet;

const CAUSE_MSG: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MSG: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";
const RECURSIVE_CUTOFF: usize = 3;

/// Reads line `lineno` (1-based) of a file, for traceback display.
pub fn source_line(filename: &str, lineno: u32) -> Option<String> {
    if lineno == 0 {
        return None;
    }
    if let Some(text) = crate::import::cached_source(filename) {
        return text.lines().nth(lineno as usize - 1).map(|s| s.to_string());
    }
    let bytes = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    text.lines().nth(lineno as usize - 1).map(|s| s.to_string())
}

/// The "Type: message" line (module-qualified for non-builtin types).
pub fn exception_only(v: &PyObj) -> String {
    let tp = v.ob_type();
    let name = crate::typeobj::type_qualname(tp);
    let qual = match crate::typeobj::type_module(tp) {
        Some(m) if m != "builtins" && m != "__main__" => format!("{}.{}", m, name),
        _ => name,
    };
    let mut out = String::new();
    if unsafe { crate::typeobj::is_subtype(tp, exc::PyExc_SyntaxError) } {
        out.push_str(&syntax_error_lines(v));
    }
    let msg = match crate::abstract_::str(v) {
        Ok(s) => unicode::to_string_lossy(&s),
        Err(_) => "<exception str() failed>".to_string(),
    };
    let msg = if unsafe { crate::typeobj::is_subtype(tp, exc::PyExc_SyntaxError) } {
        crate::abstract_::getattr_str(v, "msg")
            .ok()
            .filter(|m| unicode::is_str(m))
            .map(|m| unicode::to_string_lossy(&m))
            .unwrap_or(msg)
    } else {
        msg
    };
    if msg.is_empty() {
        out.push_str(&format!("{}\n", qual));
    } else {
        out.push_str(&format!("{}: {}\n", qual, msg));
    }
    if let Some(notes) = exc::notes(v) {
        if let Ok(items) = crate::abstract_::iterate(&notes) {
            for n in items {
                let s = if unicode::is_str(&n) {
                    unicode::to_string_lossy(&n)
                } else {
                    crate::abstract_::repr_string(&n).unwrap_or_default()
                };
                out.push_str(&s);
                out.push('\n');
            }
        }
    }
    out
}

fn syntax_error_lines(v: &PyObj) -> String {
    let get = |n: &str| crate::abstract_::getattr_str(v, n).ok().filter(|x| !crate::objects::none::is_none(x));
    let filename = get("filename").map(|f| unicode::to_string_lossy(&f)).unwrap_or_else(|| "<string>".into());
    let lineno = get("lineno").and_then(|l| crate::objects::long::as_i64(&l)).unwrap_or(0);
    let mut out = format!("  File \"{}\", line {}\n", filename, lineno);
    if let Some(text) = get("text").filter(|t| unicode::is_str(t)) {
        let text = unicode::to_string_lossy(&text);
        let line = text.trim_end_matches(['\n', '\r']);
        let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
        let indent = line.chars().count() - stripped.chars().count();
        out.push_str(&format!("    {}\n", stripped));
        let offset = get("offset").and_then(|o| crate::objects::long::as_i64(&o)).unwrap_or(0);
        let end_offset = get("end_offset").and_then(|o| crate::objects::long::as_i64(&o)).unwrap_or(0);
        let end_lineno = get("end_lineno").and_then(|o| crate::objects::long::as_i64(&o)).unwrap_or(lineno);
        if offset >= 1 {
            let len = stripped.chars().count() as i64;
            let start = (offset - 1 - indent as i64).max(0).min(len);
            let mut end = if end_offset > 0 && end_lineno == lineno { end_offset - 1 - indent as i64 } else { start + 1 };
            if end <= start {
                end = start + 1;
            }
            let end = end.min(len + 1);
            let width = (end - start).max(1);
            out.push_str(&format!("    {}{}\n", " ".repeat(start as usize), "^".repeat(width as usize)));
        }
    }
    out
}

struct Entry {
    filename: String,
    lineno: u32,
    name: String,
    line: Option<String>,
    carets: Option<String>,
}

fn entry_text(e: &Entry) -> String {
    let mut s = format!("  File \"{}\", line {}, in {}\n", e.filename, e.lineno, e.name);
    if let Some(l) = &e.line {
        s.push_str(&format!("    {}\n", l));
        if let Some(c) = &e.carets {
            s.push_str(&format!("    {}\n", c));
        }
    }
    s
}

/// Caret line for an instruction's span within its (stripped) source line,
/// or None when the span covers the whole line (CPython omits it then).
fn carets_for(line_full: &str, stripped: &str, loc: &crate::bytecode::Location) -> Option<String> {
    if loc.lineno == 0 || loc.end_lineno != loc.lineno {
        return None;
    }
    let bytes = line_full.as_bytes();
    let col = loc.col as usize;
    let end = loc.end_col as usize;
    if end <= col || end > bytes.len() {
        return None;
    }
    let indent_bytes = line_full.len() - line_full.trim_start().len();
    let seg_start = String::from_utf8_lossy(&bytes[indent_bytes.min(col)..col]).chars().count();
    let seg_len = String::from_utf8_lossy(&bytes[col..end]).chars().count();
    let stripped_len = stripped.chars().count();
    if seg_start == 0 && seg_len >= stripped_len {
        return None;
    }
    Some(format!("{}{}", " ".repeat(seg_start), "^".repeat(seg_len.max(1))))
}

fn format_tb(tb: Option<PyObj>) -> String {
    let mut out = String::new();
    let mut cur = tb;
    let mut last: Option<(String, u32, String)> = None;
    let mut count = 0usize;
    while let Some(t) = cur {
        let f = traceback::frame(&t);
        let fp = f.as_ptr() as *mut frame::PyFrameObject;
        let codeobj = frame::code_of(fp);
        let cd = code::data(codeobj);
        let filename = unicode::to_string_lossy(&cd.filename);
        let name = unicode::to_string_lossy(&cd.name);
        let lasti = traceback::lasti(&t);
        let lineno = traceback::lineno(&t);
        let key = (filename.clone(), lineno, name.clone());
        if last.as_ref() == Some(&key) {
            count += 1;
        } else {
            if count > RECURSIVE_CUTOFF {
                let n = count - RECURSIVE_CUTOFF;
                out.push_str(&format!(
                    "  [Previous line repeated {} more time{}]\n",
                    n,
                    if n > 1 { "s" } else { "" }
                ));
            }
            last = Some(key);
            count = 1;
        }
        if count <= RECURSIVE_CUTOFF {
            let full = source_line(&filename, lineno);
            let (line, carets) = match &full {
                Some(l) => {
                    let stripped = l.trim().to_string();
                    let loc = cd.locations.get(lasti.max(0) as usize).copied().unwrap_or_default();
                    let c = if stripped.is_empty() { None } else { carets_for(l, &stripped, &loc) };
                    (if stripped.is_empty() { None } else { Some(stripped) }, c)
                }
                None => (None, None),
            };
            out.push_str(&entry_text(&Entry { filename, lineno, name, line, carets }));
        }
        cur = traceback::next(&t);
    }
    if count > RECURSIVE_CUTOFF {
        let n = count - RECURSIVE_CUTOFF;
        out.push_str(&format!(
            "  [Previous line repeated {} more time{}]\n",
            n,
            if n > 1 { "s" } else { "" }
        ));
    }
    out
}

/// Formats an exception with its chain, as `traceback.print_exception`.
pub fn format_exception(v: &PyObj) -> String {
    let mut seen = HashSet::new();
    format_chain(v, &mut seen)
}

fn format_chain(v: &PyObj, seen: &mut HashSet<usize>) -> String {
    seen.insert(v.as_ptr() as usize);
    let mut out = String::new();
    if let Some(cause) = exc::cause(v) {
        if !seen.contains(&(cause.as_ptr() as usize)) {
            out.push_str(&format_chain(&cause, seen));
            out.push_str(CAUSE_MSG);
        }
    } else if let Some(ctx) = exc::context(v) {
        if !exc::suppress_context(v) && !seen.contains(&(ctx.as_ptr() as usize)) {
            out.push_str(&format_chain(&ctx, seen));
            out.push_str(CONTEXT_MSG);
        }
    }
    let tb = exc::traceback(v);
    if tb.is_some() {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&format_tb(tb));
    }
    out.push_str(&exception_only(v));
    out
}

/// Prints an uncaught exception to `sys.stderr` (through `sys.excepthook`
/// when it was replaced).
pub fn print_exception_to_stderr(v: &PyObj) {
    let text = format_exception(v);
    crate::stdio::write_stderr(&text);
}
