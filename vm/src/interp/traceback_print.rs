//! Printing exceptions the way CPython 3.11 does: the traceback entries
//! (file, line, function, source line, with CPython's caret lines),
//! chained exceptions with their separator lines, "[Previous line repeated
//! N more times]", and the final "Type: message" line.

use crate::objects::exceptions as exc;
use crate::objects::{code, frame, traceback, unicode};
use crate::objref::PyObj;
use std::collections::HashSet;

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
    exception_only_margin(v, "")
}

/// `exception_only` with `margin` in front of each line (inside exception
/// groups); the message's own line breaks are kept as they are.
fn exception_only_margin(v: &PyObj, margin: &str) -> String {
    let tp = v.ob_type();
    let name = crate::typeobj::type_qualname(tp);
    let qual = match crate::typeobj::type_module(tp) {
        Some(m) if m != "builtins" && m != "__main__" => format!("{}.{}", m, name),
        _ => name,
    };
    let mut out = String::new();
    if unsafe { crate::typeobj::is_subtype(tp, exc::PyExc_SyntaxError) } {
        for l in syntax_error_lines(v).split_inclusive('\n') {
            out.push_str(margin);
            out.push_str(l);
        }
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
    out.push_str(margin);
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
                if margin.is_empty() {
                    out.push_str(&s);
                } else {
                    for l in s.split_inclusive(['\n', '\r']) {
                        out.push_str(margin);
                        out.push_str(l);
                    }
                }
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

/// Formats an exception with its chain, as `traceback.print_exception`
/// (exception groups in CPython 3.11's boxed layout).
pub fn format_exception(v: &PyObj) -> String {
    let mut ctx = Ctx { seen: HashSet::new(), depth: 0, need_close: false, out: String::new() };
    print_recursive(&mut ctx, v, 0);
    ctx.out
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
const GROUP_TB_HEADER: &str = "Exception Group Traceback (most recent call last):\n";
const TB_HEADER: &str = "Traceback (most recent call last):\n";

/// State of CPython's `exception_print_context`.
struct Ctx {
    seen: HashSet<usize>,
    depth: usize,
    need_close: bool,
    out: String,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }
    fn margin(&self) -> String {
        if self.depth > 0 { format!("{}| ", self.indent()) } else { String::new() }
    }
}

fn print_recursive(ctx: &mut Ctx, v: &PyObj, rec: usize) {
    if rec > 200 {
        // Guard against pathological nesting (CPython raises RecursionError).
        return;
    }
    print_cause_and_context(ctx, v, rec);
    if crate::objects::exceptiongroup::is_exception_group(v) {
        print_group(ctx, v, rec);
    } else {
        print_one(ctx, v);
    }
}

fn print_chained(ctx: &mut Ctx, v: &PyObj, message: &str, rec: usize) {
    let need_close = ctx.need_close;
    print_recursive(ctx, v, rec + 1);
    ctx.need_close = need_close;
    let m = ctx.margin();
    ctx.out.push_str(&format!("{m}\n{m}{message}{m}\n"));
}

fn print_cause_and_context(ctx: &mut Ctx, v: &PyObj, rec: usize) {
    ctx.seen.insert(v.as_ptr() as usize);
    if !exc::is_exception_instance(v) {
        return;
    }
    if let Some(cause) = exc::cause(v) {
        if !ctx.seen.contains(&(cause.as_ptr() as usize)) {
            print_chained(ctx, &cause, "The above exception was the direct cause of the following exception:\n", rec);
        }
        return;
    }
    if exc::suppress_context(v) {
        return;
    }
    if let Some(c) = exc::context(v) {
        if !ctx.seen.contains(&(c.as_ptr() as usize)) {
            print_chained(ctx, &c, "During handling of the above exception, another exception occurred:\n", rec);
        }
    }
}

fn print_one(ctx: &mut Ctx, v: &PyObj) {
    let tb = exc::traceback(v);
    let margin = ctx.margin();
    if tb.is_some() {
        let (header, header_margin) = if crate::objects::exceptiongroup::is_exception_group(v) {
            (GROUP_TB_HEADER, if ctx.depth == 1 { "+ ".to_string() } else { "| ".to_string() })
        } else {
            (TB_HEADER, if ctx.depth > 0 { "| ".to_string() } else { String::new() })
        };
        ctx.out.push_str(&ctx.indent());
        ctx.out.push_str(&header_margin);
        ctx.out.push_str(header);
        let body = format_tb(tb);
        if margin.is_empty() {
            ctx.out.push_str(&body);
        } else {
            for l in body.split_inclusive('\n') {
                ctx.out.push_str(&margin);
                ctx.out.push_str(l);
            }
        }
    }
    ctx.out.push_str(&exception_only_margin(v, &margin));
}

fn print_group(ctx: &mut Ctx, v: &PyObj, rec: usize) {
    if ctx.depth > MAX_GROUP_DEPTH {
        let m = ctx.margin();
        ctx.out.push_str(&format!("{m}... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
        return;
    }
    if ctx.depth == 0 {
        ctx.depth += 1;
    }
    print_one(ctx, v);
    let excs = crate::objects::exceptiongroup::exceptions(v);
    let num = excs.len();
    let n = if num <= MAX_GROUP_WIDTH { num } else { MAX_GROUP_WIDTH + 1 };
    ctx.need_close = false;
    for i in 0..n {
        let last = i + 1 == n;
        if last {
            ctx.need_close = true;
        }
        let lead = if i == 0 { "+-" } else { "  " };
        let truncated = i >= MAX_GROUP_WIDTH;
        let indent = ctx.indent();
        if !truncated {
            ctx.out.push_str(&format!("{indent}{lead}+---------------- {} ----------------\n", i + 1));
        } else {
            ctx.out.push_str(&format!("{indent}{lead}+---------------- ... ----------------\n"));
        }
        ctx.depth += 1;
        if !truncated {
            print_recursive(ctx, &excs[i], rec + 1);
        } else {
            let remaining = num - MAX_GROUP_WIDTH;
            let m = ctx.margin();
            ctx.out.push_str(&format!(
                "{m}and {remaining} more exception{}\n",
                if remaining > 1 { "s" } else { "" }
            ));
        }
        if last && ctx.need_close {
            ctx.out.push_str(&format!("{}+------------------------------------\n", ctx.indent()));
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if ctx.depth == 1 {
        ctx.depth -= 1;
    }
}

/// Prints an uncaught exception to `sys.stderr` (through `sys.excepthook`
/// when it was replaced).
pub fn print_exception_to_stderr(v: &PyObj) {
    let text = format_exception(v);
    crate::stdio::write_stderr(&text);
}
