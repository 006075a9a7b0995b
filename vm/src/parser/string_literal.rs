//! String, bytes and f-string literals: prefixes, escapes, implicit
//! concatenation, and the expressions inside f-strings (parsed by a nested
//! parser over the same file text, so their positions are real ones).
//!
//! F-strings follow CPython 3.11: the literal parts and `FormattedValue`s
//! take the range of the whole concatenated literal, a format spec's
//! `JoinedStr` the range of its own string token.

use super::parser::{rng, tok_range, PResult, Parser};
use super::tokenizer::{Token, Tokenizer, T};
use super::{unicode_names, ErrorKind, ParseError};
use crate::ast::*;

/// Literal text being built; switches to code points when a lone surrogate
/// (from `\ud800`) makes it unrepresentable as a Rust `String`.
#[derive(Default)]
struct StrBuf {
    s: String,
    wide: Option<Vec<u32>>,
}

impl StrBuf {
    fn push(&mut self, c: u32) {
        if let Some(w) = &mut self.wide {
            w.push(c);
        } else if let Some(ch) = char::from_u32(c) {
            self.s.push(ch);
        } else {
            let mut w: Vec<u32> = self.s.chars().map(|c| c as u32).collect();
            w.push(c);
            self.wide = Some(w);
        }
    }
    fn push_str(&mut self, t: &str) {
        if let Some(w) = &mut self.wide {
            w.extend(t.chars().map(|c| c as u32));
        } else {
            self.s.push_str(t);
        }
    }
    fn append(&mut self, o: StrBuf) {
        match o.wide {
            Some(w) => {
                for c in w {
                    self.push(c);
                }
            }
            None => self.push_str(&o.s),
        }
    }
    fn is_empty(&self) -> bool {
        self.s.is_empty() && self.wide.as_ref().map_or(true, |w| w.is_empty())
    }
    fn into_constant(self) -> Constant {
        match self.wide {
            Some(w) => Constant::StrWide(w),
            None => Constant::Str(self.s),
        }
    }
}

enum Part {
    Lit(StrBuf),
    Val(Expr),
}

struct Prefix {
    raw: bool,
    bytes: bool,
    fmt: bool,
}

fn split_literal(text: &str) -> (Prefix, &str) {
    let q = text.find(['\'', '"']).unwrap();
    let pre = &text[..q];
    let lower = pre.to_ascii_lowercase();
    let p = Prefix { raw: lower.contains('r'), bytes: lower.contains('b'), fmt: lower.contains('f') };
    let rest = &text[q..];
    let ql = if rest.len() >= 6 && (rest.starts_with("'''") || rest.starts_with("\"\"\"")) { 3 } else { 1 };
    (p, &rest[ql..rest.len() - ql])
}

/// An escape-decoding failure: message and byte span within the body.
struct EscErr(String);

thread_local! {
    /// The first invalid escape of the literal being decoded (its byte
    /// index in the body), for CPython's one DeprecationWarning per literal.
    static FIRST_BAD: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

fn note_bad_escape(i: usize) {
    FIRST_BAD.with(|c| {
        if c.get().is_none() {
            c.set(Some(i));
        }
    });
}

/// "invalid escape sequence '\d'" (or the octal form) for the first invalid
/// escape noted in `body` since the last call.
fn take_bad_escape(body: &str) -> Option<String> {
    let i = FIRST_BAD.with(|c| c.take())?;
    let rest = body.get(i + 1..)?;
    let b = rest.as_bytes();
    if b.len() >= 3 && (b'4'..=b'7').contains(&b[0]) && b[1..3].iter().all(|d| (b'0'..=b'7').contains(d)) {
        return Some(format!("invalid octal escape sequence '\\{}'", &rest[..3]));
    }
    let c = rest.chars().next()?;
    Some(format!("invalid escape sequence '\\{}'", c))
}

fn unicode_err(pos: usize, end: usize, why: &str) -> EscErr {
    EscErr(format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}", pos, end, why))
}

/// Decodes one escape at `body[i]` (a backslash) of a str literal into
/// `out`; returns the index after it.
fn str_escape(body: &str, i: usize, out: &mut StrBuf) -> Result<usize, EscErr> {
    let b = body.as_bytes();
    let Some(&c) = b.get(i + 1) else {
        out.push('\\' as u32);
        return Ok(i + 1);
    };
    let simple = match c {
        b'\n' => return Ok(i + 2),
        b'\\' => Some('\\'),
        b'\'' => Some('\''),
        b'"' => Some('"'),
        b'a' => Some('\x07'),
        b'b' => Some('\x08'),
        b'f' => Some('\x0c'),
        b'n' => Some('\n'),
        b'r' => Some('\r'),
        b't' => Some('\t'),
        b'v' => Some('\x0b'),
        _ => None,
    };
    if let Some(ch) = simple {
        out.push(ch as u32);
        return Ok(i + 2);
    }
    match c {
        b'0'..=b'7' => {
            let mut j = i + 1;
            let mut v = 0u32;
            while j < b.len() && j < i + 4 && (b'0'..=b'7').contains(&b[j]) {
                v = v * 8 + (b[j] - b'0') as u32;
                j += 1;
            }
            if v > 0o377 {
                note_bad_escape(i);
            }
            out.push(v);
            Ok(j)
        }
        b'x' | b'u' | b'U' => {
            let (n, what) = match c {
                b'x' => (2, "truncated \\xXX escape"),
                b'u' => (4, "truncated \\uXXXX escape"),
                _ => (8, "truncated \\UXXXXXXXX escape"),
            };
            let mut v = 0u32;
            for k in 0..n {
                let j = i + 2 + k;
                match b.get(j).and_then(|&d| (d as char).to_digit(16)) {
                    Some(d) => v = v * 16 + d,
                    None => return Err(unicode_err(i, j - 1, what)),
                }
            }
            if v > 0x10FFFF {
                return Err(unicode_err(i, i + 1 + n, "illegal Unicode character"));
            }
            out.push(v);
            Ok(i + 2 + n)
        }
        b'N' => {
            if b.get(i + 2) != Some(&b'{') {
                return Err(unicode_err(i, i + 1, "malformed \\N character escape"));
            }
            let Some(close) = body[i + 3..].find('}') else {
                return Err(unicode_err(i, body.len() - 1, "malformed \\N character escape"));
            };
            let name = &body[i + 3..i + 3 + close];
            let end = i + 3 + close;
            if name.is_empty() {
                return Err(unicode_err(i, end, "malformed \\N character escape"));
            }
            match unicode_names::lookup(name) {
                Some(v) => {
                    out.push(v);
                    Ok(end + 1)
                }
                None => Err(unicode_err(i, end, "unknown Unicode character name")),
            }
        }
        _ => {
            // Unknown escapes keep their backslash (and warn).
            note_bad_escape(i);
            out.push('\\' as u32);
            Ok(i + 1)
        }
    }
}

fn decode_str(body: &str, raw: bool) -> Result<StrBuf, EscErr> {
    let mut out = StrBuf::default();
    if raw || !body.contains('\\') {
        out.push_str(body);
        return Ok(out);
    }
    let mut i = 0;
    while i < body.len() {
        let Some(j) = body[i..].find('\\') else {
            out.push_str(&body[i..]);
            break;
        };
        out.push_str(&body[i..i + j]);
        i = str_escape(body, i + j, &mut out)?;
    }
    Ok(out)
}

fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, EscErr> {
    let b = body.as_bytes();
    if raw || !body.contains('\\') {
        return Ok(b.to_vec());
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || i + 1 >= b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let c = b[i + 1];
        i += 2;
        match c {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                if v > 0o377 {
                    note_bad_escape(i - 2 - k);
                }
                out.push(v as u8);
            }
            b'x' => {
                let h = b.get(i).and_then(|&d| (d as char).to_digit(16));
                let l = b.get(i + 1).and_then(|&d| (d as char).to_digit(16));
                match (h, l) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => return Err(EscErr(format!("(value error) invalid \\x escape at position {}", i - 2))),
                }
            }
            _ => {
                note_bad_escape(i - 2);
                out.push(b'\\');
                out.push(c);
            }
        }
    }
    Ok(out)
}

impl<'a> Parser<'a> {
    /// Queues CPython's DeprecationWarning for the first invalid escape of
    /// the literal (or f-string literal part) just decoded from `body`.
    fn warn_bad_escape(&self, t: &Token, body: &str) {
        if let Some(msg) = take_bad_escape(body) {
            crate::warnings::defer(crate::warnings::CompileWarning::Deprecation, msg, tok_range(t));
        }
    }

    /// Error pointing just past a string token, where CPython 3.11 points
    /// for escape and f-string errors.
    fn after_token_err(&self, t: &Token, msg: String) -> ParseError {
        self.err_at(ErrorKind::SyntaxError, msg, t.end_line, t.end_col, t.end_line, t.end_col)
    }

    /// One or more adjacent STRING tokens as a Constant or JoinedStr.
    pub fn strings(&mut self) -> PResult<Expr> {
        let first = self.pos;
        let ft = *self.tok();
        // Fast path: one plain string without escapes.
        if self.kind_at(1) != T::String {
            let text = self.text(&ft);
            let (p, body) = split_literal(text);
            if !p.fmt && !p.bytes && (p.raw || !body.contains('\\')) {
                self.advance();
                let kind = if text.starts_with('u') { Some("u".to_string()) } else { None };
                return Ok(Expr { node: ExprKind::Constant { value: Constant::Str(body.to_string()), kind }, range: tok_range(&ft) });
            }
        }
        while self.kind() == T::String {
            self.advance();
        }
        let last = self.pos - 1;
        let range = rng(tok_range(&self.toks[first]), tok_range(&self.toks[last]));
        let mut is_bytes = None;
        let mut any_f = false;
        let mut bytes_out = Vec::new();
        let mut parts: Vec<Part> = Vec::new();
        let mut kind = None;
        for i in first..=last {
            let t = self.toks[i];
            let text = self.text(&t);
            let (p, body) = split_literal(text);
            if i == first && text.starts_with('u') {
                kind = Some("u".to_string());
            }
            match is_bytes {
                None => is_bytes = Some(p.bytes),
                Some(b) if b != p.bytes => {
                    let e = tok_range(&self.toks[last]);
                    return Err(self.err_at(ErrorKind::SyntaxError, "cannot mix bytes and nonbytes literals", e.end_lineno, e.end_col_offset, e.end_lineno, e.end_col_offset));
                }
                _ => {}
            }
            if p.bytes {
                if !body.is_ascii() {
                    return Err(self.err_range("bytes can only contain ASCII literal characters", tok_range(&t)));
                }
                FIRST_BAD.with(|c| c.set(None));
                match decode_bytes(body, p.raw) {
                    Ok(b) => bytes_out.extend(b),
                    Err(EscErr(m)) => return Err(self.after_token_err(&t, m)),
                }
                self.warn_bad_escape(&t, body);
            } else if p.fmt {
                any_f = true;
                let body_off = body.as_ptr() as usize - self.src.as_ptr() as usize;
                FIRST_BAD.with(|c| c.set(None));
                self.fstring_body(&t, body, body_off, p.raw, 0, range, &mut parts)?;
                self.warn_bad_escape(&t, body);
            } else {
                FIRST_BAD.with(|c| c.set(None));
                match decode_str(body, p.raw) {
                    Ok(s) => push_lit(&mut parts, s),
                    Err(EscErr(m)) => return Err(self.after_token_err(&t, m)),
                }
                self.warn_bad_escape(&t, body);
            }
        }
        if is_bytes == Some(true) {
            return Ok(Expr { node: ExprKind::Constant { value: Constant::Bytes(bytes_out), kind: None }, range });
        }
        if !any_f {
            let s = match parts.pop() {
                Some(Part::Lit(s)) => s,
                _ => StrBuf::default(),
            };
            return Ok(Expr { node: ExprKind::Constant { value: s.into_constant(), kind }, range });
        }
        Ok(Expr { node: ExprKind::JoinedStr { values: finish_parts(parts, range) }, range })
    }

    /// Parses the body of an f-string (or of a format spec, `level` > 0)
    /// into `parts`. `off` is the body's byte offset in `self.src`.
    #[allow(clippy::too_many_arguments)]
    fn fstring_body(&mut self, t: &Token, body: &'a str, off: usize, raw: bool, level: u32, whole: Range, parts: &mut Vec<Part>) -> PResult<usize> {
        let b = body.as_bytes();
        let mut i = 0;
        let mut lit = StrBuf::default();
        while i < b.len() {
            match b[i] {
                b'{' => {
                    if level == 0 && b.get(i + 1) == Some(&b'{') {
                        lit.push('{' as u32);
                        i += 2;
                        continue;
                    }
                    self.warn_bad_escape(t, body);
                    push_lit(parts, std::mem::take(&mut lit));
                    i = self.fstring_field(t, body, off, i + 1, raw, level, whole, parts)?;
                }
                b'}' => {
                    if level > 0 {
                        // The end of a format spec.
                        self.warn_bad_escape(t, body);
                        push_lit(parts, lit);
                        return Ok(i);
                    }
                    if b.get(i + 1) == Some(&b'}') {
                        lit.push('}' as u32);
                        i += 2;
                        continue;
                    }
                    return Err(self.after_token_err(t, "f-string: single '}' is not allowed".into()));
                }
                b'\\' if !raw => {
                    // `\N{...}` is an escape, not a replacement field.
                    match str_escape(body, i, &mut lit) {
                        Ok(j) => i = j,
                        Err(EscErr(m)) => return Err(self.after_token_err(t, m)),
                    }
                }
                _ => {
                    let n = body[i..].find(['{', '}', '\\']).unwrap_or(body.len() - i);
                    let n = n.max(1);
                    lit.push_str(&body[i..i + n]);
                    i += n;
                }
            }
        }
        if level > 0 {
            return Err(self.after_token_err(t, "f-string: expecting '}'".into()));
        }
        self.warn_bad_escape(t, body);
        push_lit(parts, lit);
        Ok(b.len())
    }

    /// Parses a replacement field whose expression starts at `body[i]`;
    /// returns the index after its closing `}`.
    #[allow(clippy::too_many_arguments)]
    fn fstring_field(&mut self, t: &Token, body: &'a str, off: usize, i: usize, raw: bool, level: u32, whole: Range, parts: &mut Vec<Part>) -> PResult<usize> {
        if level >= 2 {
            return Err(self.after_token_err(t, "f-string: expressions nested too deeply".into()));
        }
        let b = body.as_bytes();
        let ferr = |s: &Self, m: &str| s.after_token_err(t, m.to_string());
        // Find the end of the expression: a top-level `}`, `!` (not `!=`),
        // `:` or `=` (not part of `==`, `!=`, `<=`, `>=`).
        let mut j = i;
        let mut stack: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        while j < b.len() {
            let c = b[j];
            if let Some((q, triple)) = quote {
                if c == b'\\' {
                    return Err(ferr(self, "f-string expression part cannot include a backslash"));
                }
                if c == q && (!triple || (b.get(j + 1) == Some(&q) && b.get(j + 2) == Some(&q))) {
                    j += if triple { 3 } else { 1 };
                    quote = None;
                    continue;
                }
                j += 1;
                continue;
            }
            match c {
                b'\\' => return Err(ferr(self, "f-string expression part cannot include a backslash")),
                b'#' => return Err(ferr(self, "f-string expression part cannot include '#'")),
                b'\'' | b'"' => {
                    let triple = b.get(j + 1) == Some(&c) && b.get(j + 2) == Some(&c);
                    quote = Some((c, triple));
                    j += if triple { 3 } else { 1 };
                    continue;
                }
                b'(' | b'[' | b'{' => stack.push(c),
                b')' | b']' | b'}' if !stack.is_empty() => {
                    let open = stack.pop().unwrap();
                    let want = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if want != c {
                        return Err(ferr(
                            self,
                            &format!("f-string: closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, open as char),
                        ));
                    }
                }
                b')' | b']' => return Err(ferr(self, &format!("f-string: unmatched '{}'", c as char))),
                b'}' => break,
                b'!' if b.get(j + 1) != Some(&b'=') => break,
                b':' if stack.is_empty() => break,
                b'=' if stack.is_empty() => {
                    let prev = if j > i { b[j - 1] } else { 0 };
                    if b.get(j + 1) == Some(&b'=') {
                        j += 2;
                        continue;
                    }
                    if !matches!(prev, b'=' | b'!' | b'<' | b'>') {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if quote.is_some() {
            return Err(ferr(self, "f-string: unterminated string"));
        }
        if j >= b.len() {
            return Err(ferr(self, "f-string: expecting '}'"));
        }
        if !stack.is_empty() {
            let open = *stack.last().unwrap();
            return Err(ferr(
                self,
                &format!("f-string: closing parenthesis '{}' does not match opening parenthesis '{}'", b[j] as char, open as char),
            ));
        }
        let expr_text = &body[i..j];
        if expr_text.trim_matches([' ', '\t', '\n', '\x0c', '\r']).is_empty() {
            let m = if b[j] == b'!' {
                "f-string: expression required before '!'"
            } else if b[j] == b':' {
                "f-string: expression required before ':'"
            } else if b[j] == b'=' {
                "f-string: expression required before '='"
            } else {
                "f-string: empty expression not allowed"
            };
            return Err(ferr(self, m));
        }
        let value = self.fstring_expr(t, expr_text, off + i)?;
        let mut k = j;
        let mut conversion = -1;
        if b[k] == b'=' {
            k += 1;
            while k < b.len() && matches!(b[k], b' ' | b'\t' | b'\n' | b'\x0c' | b'\r') {
                k += 1;
            }
            let mut dbg = StrBuf::default();
            dbg.push_str(&body[i..k]);
            push_lit(parts, dbg);
            if k >= b.len() {
                return Err(ferr(self, "f-string: expecting '}'"));
            }
            if b[k] != b'!' && b[k] != b':' {
                conversion = 'r' as i32;
            }
        }
        if b[k] == b'!' {
            k += 1;
            match b.get(k) {
                Some(&c @ (b's' | b'r' | b'a')) => {
                    conversion = c as i32;
                    k += 1;
                }
                Some(b'}') | Some(b':') | None => return Err(ferr(self, "f-string: invalid conversion character: expected 's', 'r', or 'a'")),
                Some(_) => return Err(ferr(self, "f-string: invalid conversion character: expected 's', 'r', or 'a'")),
            }
            if k >= b.len() || !matches!(b[k], b'}' | b':') {
                return Err(ferr(self, "f-string: expecting '}'"));
            }
        }
        let mut format_spec = None;
        if b[k] == b':' {
            k += 1;
            // The spec runs to its unmatched `}`; it may hold fields.
            let spec_start = k;
            let mut sp = Vec::new();
            k = spec_start + self.fstring_body(t, &body[spec_start..], off + spec_start, raw, level + 1, whole, &mut sp)?;
            // CPython 3.11 quirk: a spec without fields gives its text the
            // range of its own token, one with fields the whole literal's.
            let has_field = sp.iter().any(|p| matches!(p, Part::Val(_)));
            let values = finish_parts(sp, if has_field { whole } else { tok_range(t) });
            format_spec = Some(Box::new(Expr { node: ExprKind::JoinedStr { values }, range: tok_range(t) }));
        }
        if k >= b.len() || b[k] != b'}' {
            return Err(ferr(self, "f-string: expecting '}'"));
        }
        let node = ExprKind::FormattedValue { value: Box::new(value), conversion, format_spec };
        parts.push(Part::Val(Expr { node, range: whole }));
        Ok(k + 1)
    }

    /// Parses the expression text of a replacement field, which starts at
    /// byte `off` of `self.src`.
    fn fstring_expr(&mut self, tok: &Token, text: &'a str, off: usize) -> PResult<Expr> {
        // Absolute line/column of `off`, from the token that contains it.
        let before = &self.src[tok.start as usize..off];
        let (line, col) = match before.rfind('\n') {
            None => (tok.line, tok.col + before.len() as u32),
            Some(nl) => (tok.line + before.matches('\n').count() as u32, (before.len() - nl - 1) as u32),
        };
        let (toks, tok_error) = Tokenizer::new_fstring_expr(text, self.map, line, col).run();
        if let Some(e) = tok_error {
            return Err(fstring_err(e));
        }
        let mut sub = self.sub(toks, text);
        let r = (|| {
            let e = if sub.kind() == T::Yield { sub.yield_expr()? } else { sub.star_expressions()? };
            if sub.kind() != T::EndMarker {
                return Err(sub.unexpected());
            }
            Ok(e)
        })();
        // CPython 3.11 reports errors inside a field against the text
        // `(expr)` it parsed, not the file.
        let start_char = self.map.char_col(line, col);
        let mut e = r.map_err(|mut e| {
            if e.lineno == line && e.end_lineno <= line && !text.contains('\n') && e.offset >= start_char {
                e.offset = e.offset - start_char + 2;
                e.end_offset = if e.end_offset >= start_char { e.end_offset - start_char + 2 } else { 0 };
                e.lineno = 1;
                e.end_lineno = 1;
                e.text = Some(format!("({})\n", text));
            }
            fstring_err(e)
        })?;
        // CPython parses `(text)`: a bare tuple spans the implied parens,
        // which sit where `{` and the field's terminator are.
        let n = sub.toks.len();
        let bare = n >= 2 && !(sub.toks[0].kind == T::LPar && sub.toks[n - 2].kind == T::RPar);
        if bare && matches!(e.node, ExprKind::Tuple { .. }) {
            let after = &self.src[tok.start as usize..off + text.len()];
            let (el, ec) = match after.rfind('\n') {
                None => (tok.line, tok.col + after.len() as u32 + 1),
                Some(nl) => (tok.line + after.matches('\n').count() as u32, (after.len() - nl) as u32),
            };
            e.range = Range { lineno: line, col_offset: col.saturating_sub(1), end_lineno: el, end_col_offset: ec };
        }
        Ok(e)
    }
}

fn fstring_err(mut e: ParseError) -> ParseError {
    if !e.msg.starts_with("f-string") {
        e.msg = format!("f-string: {}", e.msg);
    }
    e
}

fn push_lit(parts: &mut Vec<Part>, s: StrBuf) {
    if s.is_empty() {
        return;
    }
    if let Some(Part::Lit(prev)) = parts.last_mut() {
        prev.append(s);
    } else {
        parts.push(Part::Lit(s));
    }
}

fn finish_parts(parts: Vec<Part>, whole: Range) -> Vec<Expr> {
    parts
        .into_iter()
        .map(|p| match p {
            Part::Lit(s) => Expr { node: ExprKind::Constant { value: s.into_constant(), kind: None }, range: whole },
            Part::Val(e) => e,
        })
        .collect()
}
