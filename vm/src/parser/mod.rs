//! Source text -> AST.
//!
//! This module owns decoding source bytes (BOM, PEP 263 coding declarations),
//! tokenizing, and parsing the whole Python 3.11 grammar into
//! [`crate::ast`]. It knows nothing about objects or bytecode: its output is
//! an AST with CPython's source ranges, or a [`ParseError`] carrying the
//! exception kind, message and location CPython 3.11 would report.
//!
//! Layout: `tokenizer` (text -> tokens), `parser` (statements and driver),
//! `expr` (expressions, targets, arguments), `pattern` (match statements),
//! `string_literal` (string/bytes/f-string literals and escapes).

mod expr;
pub(crate) mod parser;
mod pattern;
mod string_literal;
mod tokenizer;
pub mod unicode_names;
#[cfg(test)]
mod dump;
#[cfg(test)]
mod tests;

use crate::ast;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

#[derive(Clone, Debug)]
pub struct ParseError {
    pub kind: ErrorKind,
    /// CPython's message, e.g. "invalid syntax", "expected ':'".
    pub msg: String,
    /// 1-based, as `SyntaxError.lineno`.
    pub lineno: u32,
    /// 1-based column in characters, as `SyntaxError.offset`.
    pub offset: u32,
    /// As `SyntaxError.end_lineno` (0 if CPython gives None).
    pub end_lineno: u32,
    /// As `SyntaxError.end_offset` (0 if None).
    pub end_offset: u32,
    /// The offending source line including its trailing newline.
    pub text: Option<String>,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {} (line {}, offset {})", self.kind, self.msg, self.lineno, self.offset)
    }
}

/// Line starts of the file being parsed, to turn byte columns into the
/// character offsets and source lines that `SyntaxError` carries.
pub(crate) struct SourceMap<'a> {
    src: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        SourceMap { src, line_starts }
    }

    /// Line `line` (1-based) with its newline, or "" past the end.
    pub(crate) fn line_text(&self, line: u32) -> &'a str {
        let i = line as usize;
        if i == 0 || i > self.line_starts.len() {
            return "";
        }
        let s = self.line_starts[i - 1];
        let e = self.line_starts.get(i).copied().unwrap_or(self.src.len());
        &self.src[s..e]
    }

    /// 1-based character offset of byte column `col` on `line`.
    pub(crate) fn char_col(&self, line: u32, col: u32) -> u32 {
        let t = self.line_text(line);
        let mut c = (col as usize).min(t.len());
        while !t.is_char_boundary(c) {
            c -= 1;
        }
        t[..c].chars().count() as u32 + 1
    }

    pub(crate) fn error(&self, kind: ErrorKind, msg: String, line: u32, col: u32, end_line: u32, end_col: u32) -> ParseError {
        let t = self.line_text(line);
        let text = if t.is_empty() && line as usize > self.line_starts.len() {
            None
        } else if t.ends_with('\n') {
            Some(t.to_string())
        } else {
            Some(format!("{}\n", t))
        };
        ParseError {
            kind,
            msg,
            lineno: line,
            offset: self.char_col(line, col),
            end_lineno: end_line,
            end_offset: self.char_col(end_line, end_col),
            text,
        }
    }
}

fn bare_error(msg: String, line: u32, offset: u32, text: Option<String>) -> ParseError {
    ParseError { kind: ErrorKind::SyntaxError, msg, lineno: line, offset, end_lineno: line, end_offset: offset, text }
}

/// The encoding named by a PEP 263 declaration in `line`, if any.
fn coding_spec(line: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(line).ok()?;
    let t = s.trim_start_matches([' ', '\t', '\x0c']);
    if !t.starts_with('#') {
        return None;
    }
    let i = t.find("coding")?;
    let rest = &t[i + 6..];
    let rest = rest.strip_prefix([':', '='])?;
    let rest = rest.trim_start_matches([' ', '\t']);
    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.')).collect();
    if name.is_empty() {
        None
    } else {
        Some(name)
    }
}

#[derive(PartialEq)]
enum Enc {
    Utf8,
    Latin1,
    Ascii,
}

fn lookup_encoding(name: &str) -> Option<Enc> {
    let n = name.to_ascii_lowercase().replace('_', "-");
    let base = |p: &str| n == p || n.starts_with(&format!("{}-", p));
    if base("utf-8") || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001" {
        Some(Enc::Utf8)
    } else if base("latin-1")
        || base("iso-8859-1")
        || base("iso-latin-1")
        || matches!(n.as_str(), "latin1" | "latin" | "l1" | "iso8859-1" | "iso8859" | "8859" | "cp819" | "ibm819")
    {
        Some(Enc::Latin1)
    } else if matches!(n.as_str(), "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" | "cp367" | "ibm367") {
        Some(Enc::Ascii)
    } else {
        None
    }
}

/// Decodes source bytes as CPython does: UTF-8 BOM, PEP 263 declaration on
/// the first two lines (utf-8, latin-1 and ascii natively, other codecs
/// through the registry), else UTF-8.
pub fn decode_source(bytes: &[u8]) -> Result<String, ParseError> {
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        // CPython's tokenizer rejects NUL bytes, showing the line up to it.
        let line_start = bytes[..nul].iter().rposition(|&b| b == b'\n').map(|i| i + 1).unwrap_or(0);
        let lineno = bytes[..nul].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        let text = String::from_utf8_lossy(&bytes[line_start..nul]).into_owned();
        return Err(ParseError {
            kind: ErrorKind::SyntaxError,
            msg: "source code cannot contain null bytes".into(),
            lineno,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: Some(text),
        });
    }
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let mut lines = body.splitn(3, |&b| b == b'\n');
    let l1 = lines.next().unwrap_or(b"");
    let mut spec = coding_spec(l1);
    if spec.is_none() {
        // The second line counts only after a blank or comment-only first line.
        let t = l1.iter().skip_while(|b| matches!(b, b' ' | b'\t' | b'\x0c' | b'\r')).next();
        if t.is_none() || t == Some(&b'#') {
            if let Some(l2) = lines.next() {
                spec = coding_spec(l2);
            }
        }
    }
    let enc = match &spec {
        None => Enc::Utf8,
        Some(name) => match lookup_encoding(name) {
            Some(e) => {
                if bom && e != Enc::Utf8 {
                    let n = if e == Enc::Latin1 { "iso-8859-1".to_string() } else { name.clone() };
                    return Err(bare_error(format!("encoding problem: {} with BOM", n), 0, 0, None));
                }
                e
            }
            None => return decode_with_codec(body, name, bom),
        },
    };
    match enc {
        Enc::Latin1 => Ok(body.iter().map(|&b| b as char).collect()),
        Enc::Utf8 | Enc::Ascii => match std::str::from_utf8(body) {
            Ok(s) => {
                if enc == Enc::Ascii {
                    if let Some(i) = s.bytes().position(|b| b >= 0x80) {
                        return Err(decode_error(body, i, "ascii", "ordinal not in range(128)"));
                    }
                }
                Ok(s.to_string())
            }
            Err(e) => {
                let i = e.valid_up_to();
                let why = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0x80..0xc2).contains(&body[i]) || body[i] >= 0xf5 => "invalid start byte",
                    Some(_) => "invalid continuation byte",
                };
                Err(decode_error(body, i, "utf-8", why))
            }
        },
    }
}

/// Any other declared encoding goes through the codec registry, as in
/// CPython (cp1252, koi8-r, ...); an unknown one is a SyntaxError.
fn decode_with_codec(body: &[u8], name: &str, bom: bool) -> Result<String, ParseError> {
    use crate::objects::{exceptions, unicode};
    // Without a running interpreter (the parser alone) there is no registry.
    if crate::interp::interp_opt().is_none() {
        return Err(bare_error(format!("unknown encoding: {}", name), 0, 0, None));
    }
    if let Err(e) = crate::codecs::lookup(name) {
        if e.matches(unsafe { exceptions::PyExc_LookupError }) {
            return Err(bare_error(format!("unknown encoding: {}", name), 0, 0, None));
        }
    }
    if bom {
        return Err(bare_error(format!("encoding problem: {} with BOM", name), 0, 0, None));
    }
    match crate::codecs::decode_bytes(body, name, "strict") {
        Ok(s) => Ok(unicode::to_string_lossy(&s)),
        // As compile() reports it: the codec's message, no position.
        Err(e) => Err(bare_error(crate::abstract_::str_string(e.value()).unwrap_or_default(), 0, 0, None)),
    }
}

fn decode_error(body: &[u8], i: usize, codec: &str, why: &str) -> ParseError {
    let line = body[..i].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let ls = body[..i].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let le = body[i..].iter().position(|&b| b == b'\n').map_or(body.len(), |p| i + p + 1);
    let text = String::from_utf8_lossy(&body[ls..le]).into_owned();
    let col = String::from_utf8_lossy(&body[ls..i]).chars().count() as u32 + 1;
    let msg = format!("(unicode error) '{}' codec can't decode byte 0x{:02x} in position {}: {}", codec, body[i], i - ls, why);
    bare_error(msg, line, col, Some(text))
}

/// Parses `source` (already decoded) as a module, expression or interactive
/// statement.
pub fn parse(source: &str, mode: Mode) -> Result<ast::Mod, ParseError> {
    // Universal newlines: CPython's tokenizer sees only '\n'.
    let owned;
    let src = if source.contains('\r') {
        owned = source.replace("\r\n", "\n").replace('\r', "\n");
        owned.as_str()
    } else {
        source
    };
    let map = SourceMap::new(src);
    let (toks, tok_error) = tokenizer::Tokenizer::new(src, &map).run();
    // Recursive descent needs stack in proportion to nesting (in a debug
    // build up to ~30 KB per bracket level). Tiny inputs cannot nest
    // deeply and run here; others run on a thread with a large stack, so
    // that CPython's nesting limits, not the caller's stack, decide.
    if toks.len() <= INLINE_TOKENS {
        return run_parser(toks, tok_error, src, &map, mode, INLINE_STACK_BUDGET);
    }
    // The interpreter's own thread has a large stack (src/main.rs): parse
    // there when it has room, since a fresh thread per module (its stack
    // mapped and faulted in anew) was about a third of a cold import.
    let here = &0u8 as *const u8 as usize;
    if here.saturating_sub(crate::interp::tstate().stack_limit) >= PARSER_STACK_BUDGET + (8 << 20) {
        return run_parser(toks, tok_error, src, &map, mode, PARSER_STACK_BUDGET);
    }
    let map = &map;
    std::thread::scope(|scope| {
        let job = move || run_parser(toks, tok_error, src, map, mode, PARSER_STACK_BUDGET);
        match std::thread::Builder::new().name("pyrite-parser".into()).stack_size(PARSER_STACK).spawn_scoped(scope, job) {
            Ok(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            Err(_) => {
                // No thread available: parse here, with a conservative
                // stack budget (deep input then fails early, cleanly).
                let (toks, tok_error) = tokenizer::Tokenizer::new(src, map).run();
                run_parser(toks, tok_error, src, map, mode, INLINE_STACK_BUDGET)
            }
        }
    })
}

/// Inputs with at most this many tokens are parsed on the caller's thread.
const INLINE_TOKENS: usize = 64;
/// Stack the parser may use on the caller's thread.
const INLINE_STACK_BUDGET: usize = 1 << 20;
/// Stack of the parser thread (virtual; only touched pages are committed)
/// and how much of it the parser may use.
const PARSER_STACK: usize = 64 << 20;
const PARSER_STACK_BUDGET: usize = 56 << 20;

fn run_parser(
    toks: Vec<tokenizer::Token>,
    tok_error: Option<ParseError>,
    src: &str,
    map: &SourceMap,
    mode: Mode,
    stack_budget: usize,
) -> Result<ast::Mod, ParseError> {
    let mut p = parser::Parser::new(toks, src, map);
    p.tok_error = tok_error;
    p.stack_budget = stack_budget;
    let result = p.parse_mod(mode);
    result.map_err(|e| p.finish_error(e))
}
