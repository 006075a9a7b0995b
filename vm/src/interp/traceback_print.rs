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
    let notes = crate::abstract_::getattr_str_opt(v, "__notes__").ok().flatten();
    if let Some(notes) = notes.filter(|n| !crate::objects::none::is_none(n)) {
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
    let int_of = |x: Option<PyObj>| x.and_then(|l| crate::objects::long::as_i64(&l));
    let filename = get("filename").map(|f| unicode::to_string_lossy(&f)).unwrap_or_else(|| "<string>".into());
    // Without a line number CPython prints the message alone.
    let Some(lineno) = int_of(get("lineno")) else { return String::new() };
    let mut out = format!("  File \"{}\", line {}\n", filename, lineno);
    let Some(text) = get("text").filter(|t| unicode::is_str(t)) else { return out };
    let text = unicode::to_string_lossy(&text);
    let offset = int_of(get("offset")).unwrap_or(-1);
    // Only an exact SyntaxError uses the end position (CPython's parse_syntax_error).
    let exact = v.ob_type() == unsafe { exc::PyExc_SyntaxError };
    let (end_lineno, mut end_offset) = if exact {
        (int_of(get("end_lineno")).unwrap_or(lineno), int_of(get("end_offset")).unwrap_or(-1))
    } else {
        (lineno, -1)
    };
    let line_size = text.chars().count() as i64;
    if end_lineno > lineno {
        end_offset = line_size;
    }
    if end_offset > line_size + 1 {
        end_offset = line_size + 1;
    }
    let reps = if end_offset > 0 && end_offset > offset { (end_offset - offset) as usize } else { 1 };
    let chars: Vec<char> = text.chars().collect();
    let mut off = offset - 1;
    let mut i = 0;
    while i < chars.len() && matches!(chars[i], ' ' | '\t' | '\x0c') {
        i += 1;
        off -= 1;
    }
    let mut rest: Vec<char> = chars[i..].to_vec();
    let mut len = rest.len() as i64;
    if rest.last() == Some(&'\n') {
        len -= 1;
    }
    if off > len {
        off = len;
    }
    loop {
        let Some(nl) = rest.iter().position(|c| *c == '\n') else { break };
        let inl = nl as i64;
        if inl >= off {
            break;
        }
        rest = rest[nl + 1..].to_vec();
        len -= inl + 1;
        off -= inl + 1;
    }
    let shown: String = rest.iter().collect();
    out.push_str("    ");
    out.push_str(&shown);
    if !shown.ends_with('\n') {
        out.push('\n');
    }
    if off < 0 {
        return out;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(off as usize));
    out.push_str(&"^".repeat(reps));
    out.push('\n');
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

/// Character offset of a UTF-8 byte offset within `line`.
fn char_offset(line: &str, byte: usize) -> usize {
    let b = byte.min(line.len());
    String::from_utf8_lossy(&line.as_bytes()[..b]).chars().count()
}

/// CPython 3.11's caret anchors: for a binary operation the operator, for a
/// subscript the brackets, found by parsing the highlighted segment.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use crate::ast::{ExprKind, Mod, StmtKind};
    let m = crate::parser::parse(segment, crate::parser::Mode::Exec).ok()?;
    let Mod::Module { body } = m else { return None };
    let stmt = body.first()?;
    let StmtKind::Expr { value } = &stmt.node else { return None };
    // Only valid on a single line: columns are within `segment`.
    match &value.node {
        ExprKind::BinOp { left, right, .. } => {
            let op_start = left.range.end_col_offset as usize;
            let op_end = right.range.col_offset as usize;
            if left.range.end_lineno != 1 || right.range.lineno != 1 || op_end > segment.len() || op_start > op_end {
                return None;
            }
            let op_str = &segment[op_start..op_end];
            let lead = op_str.len() - op_str.trim_start().len();
            let left_anchor = op_start + lead;
            let mut right_anchor = left_anchor + 1;
            let rest = op_str.as_bytes();
            if lead + 1 < rest.len() && !(rest[lead + 1] as char).is_whitespace() {
                right_anchor += 1;
            }
            Some((char_offset(segment, left_anchor), char_offset(segment, right_anchor)))
        }
        ExprKind::Subscript { value: v, slice, .. } => {
            if v.range.end_lineno != 1 || slice.range.end_lineno != 1 {
                return None;
            }
            let start = v.range.end_col_offset as usize;
            let end = slice.range.end_col_offset as usize + 1;
            Some((char_offset(segment, start), char_offset(segment, end)))
        }
        _ => None,
    }
}

/// The caret line under a traceback entry's source line, as CPython 3.11's
/// traceback printer draws it (None when it would cover the whole line).
fn carets_for(line_full: &str, stripped: &str, loc: &crate::bytecode::Location) -> Option<String> {
    if loc.lineno == 0 || loc.end_lineno < loc.lineno || (loc.col == 0 && loc.end_col == 0) {
        return None;
    }
    let stripped_chars = line_full.chars().count() - line_full.trim_start().chars().count();
    let start = char_offset(line_full, loc.col as usize);
    let mut anchors = None;
    let end = if loc.lineno == loc.end_lineno {
        let e = char_offset(line_full, loc.end_col as usize);
        if (loc.end_col as usize) <= line_full.len() && loc.col <= loc.end_col {
            anchors = caret_anchors(&line_full[loc.col as usize..loc.end_col as usize]);
        }
        e
    } else {
        stripped_chars + stripped.chars().count()
    };
    if end < start {
        return None;
    }
    let width = end - start;
    let show = width < stripped.chars().count() || anchors.map(|(l, r)| r > l).unwrap_or(false);
    if !show {
        return None;
    }
    let mut out = " ".repeat(start.saturating_sub(stripped_chars));
    match anchors {
        Some((l, r)) => {
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r.saturating_sub(l)));
            out.push_str(&"~".repeat(width.saturating_sub(r)));
        }
        None => out.push_str(&"^".repeat(width)),
    }
    Some(out)
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
