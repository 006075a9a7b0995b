//! Source text -> token vector, with CPython 3.11's tokenizer errors.
//!
//! The whole input is tokenized before parsing. CPython reports a tokenizer
//! error found anywhere in the file in preference to a parser error, so
//! tokenizing eagerly loses nothing; an unclosed bracket at end of input is
//! not an error here but an `EofInBrackets` token, because CPython reports it
//! only when the parser actually fails.

use super::{ErrorKind, ParseError, SourceMap};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum T {
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// End of input while brackets are open; the parser turns it into
    /// "'(' was never closed".
    EofInBrackets,
    /// Where the tokenizer stopped with an error.
    ErrorTok,
    // Keywords (soft keywords `match`, `case`, `_` stay `Name`).
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // Operators and delimiters.
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
    /// A character no rule accepts (`$`, `?`, a lone `!`): "invalid syntax".
    Unknown,
}

/// Positions are 1-based lines and 0-based UTF-8 byte columns, as in the AST.
/// `start`/`end` index the text the tokenizer was given.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub kind: T,
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

pub const MAX_PAREN_LEVEL: usize = 200;
const MAX_INDENT: usize = 100;
const TAB_SIZE: u32 = 8;

fn keyword(s: &str) -> Option<T> {
    Some(match s {
        "False" => T::False,
        "None" => T::None,
        "True" => T::True,
        "and" => T::And,
        "as" => T::As,
        "assert" => T::Assert,
        "async" => T::Async,
        "await" => T::Await,
        "break" => T::Break,
        "class" => T::Class,
        "continue" => T::Continue,
        "def" => T::Def,
        "del" => T::Del,
        "elif" => T::Elif,
        "else" => T::Else,
        "except" => T::Except,
        "finally" => T::Finally,
        "for" => T::For,
        "from" => T::From,
        "global" => T::Global,
        "if" => T::If,
        "import" => T::Import,
        "in" => T::In,
        "is" => T::Is,
        "lambda" => T::Lambda,
        "nonlocal" => T::Nonlocal,
        "not" => T::Not,
        "or" => T::Or,
        "pass" => T::Pass,
        "raise" => T::Raise,
        "return" => T::Return,
        "try" => T::Try,
        "while" => T::While,
        "with" => T::With,
        "yield" => T::Yield,
        _ => return None,
    })
}

pub fn is_id_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || (!c.is_ascii() && c.is_alphabetic())
}

pub fn is_id_continue(c: char) -> bool {
    // Without Unicode property tables, approximate XID_Continue by
    // alphanumerics plus the combining-mark blocks and middle dot.
    c.is_ascii_alphanumeric()
        || c == '_'
        || (!c.is_ascii()
            && (c.is_alphanumeric()
                || matches!(c as u32, 0xB7 | 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x203F | 0x2040 | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0xFE33 | 0xFE34 | 0xFE4D..=0xFE4F | 0xFF3F | 0xE0100..=0xE01EF)
                || is_mark(c)))
}

/// Combining marks of the scripts most used in identifiers (Indic,
/// Thai, Hebrew, Arabic); `char` has no general-category query.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x483..=0x487 | 0x591..=0x5BD | 0x5BF | 0x5C1 | 0x5C2 | 0x5C4 | 0x5C5 | 0x5C7 | 0x610..=0x61A | 0x64B..=0x65F | 0x670
        | 0x6D6..=0x6DC | 0x6DF..=0x6E4 | 0x6E7 | 0x6E8 | 0x6EA..=0x6ED | 0x900..=0x903 | 0x93A..=0x94F | 0x951..=0x957 | 0x962 | 0x963
        | 0x981..=0x983 | 0x9BC..=0x9D7 | 0xA01..=0xA03 | 0xA3C..=0xA51 | 0xA81..=0xA83 | 0xABC..=0xACD | 0xB01..=0xB03 | 0xB3C..=0xB57
        | 0xB82 | 0xBBE..=0xBCD | 0xC00..=0xC04 | 0xC3E..=0xC56 | 0xC81..=0xC83 | 0xCBC..=0xCD6 | 0xD00..=0xD03 | 0xD3B..=0xD57
        | 0xE31 | 0xE34..=0xE3A | 0xE47..=0xE4E | 0xEB1 | 0xEB4..=0xEBC | 0xEC8..=0xECD | 0x3099 | 0x309A)
}

/// NFKC for identifiers (PEP 3131), as CPython's parser applies it to every
/// non-ASCII name; the quick check spares the common already-normal case.
pub fn normalize_identifier(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};
    if s.is_ascii() || is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        return std::borrow::Cow::Borrowed(s);
    }
    let n: String = s.nfkc().collect();
    if n == s {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(n)
    }
}

fn is_string_prefix(s: &str) -> bool {
    matches!(
        s.to_ascii_lowercase().as_str(),
        "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf"
    )
}

pub struct Tokenizer<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    /// Line/column added to positions (for f-string expressions, which are
    /// tokenized from a slice of the file).
    base_line: u32,
    base_col: u32,
    indents: Vec<(u32, u32)>,
    parens: Vec<(u8, u32, u32)>,
    at_bol: bool,
    /// Tokenize as if inside brackets (f-string expressions).
    implicit_paren: bool,
    pub toks: Vec<Token>,
    map: &'a SourceMap<'a>,
}

type TResult<T> = Result<T, ParseError>;

impl<'a> Tokenizer<'a> {
    pub fn new(src: &'a str, map: &'a SourceMap<'a>) -> Self {
        Tokenizer {
            src,
            b: src.as_bytes(),
            pos: 0,
            line: 1,
            line_start: 0,
            base_line: 0,
            base_col: 0,
            indents: vec![(0, 0)],
            parens: Vec::new(),
            at_bol: true,
            implicit_paren: false,
            toks: Vec::with_capacity(src.len() / 4 + 4),
            map,
        }
    }

    /// A tokenizer for an f-string expression that starts at `line`/`col`
    /// of the file.
    pub fn new_fstring_expr(src: &'a str, map: &'a SourceMap<'a>, line: u32, col: u32) -> Self {
        let mut t = Tokenizer::new(src, map);
        t.base_line = line - 1;
        t.base_col = col;
        t.implicit_paren = true;
        t.at_bol = false;
        t
    }

    fn abs_line(&self) -> u32 {
        self.line + self.base_line
    }

    fn col_of(&self, pos: usize) -> u32 {
        let c = (pos - self.line_start) as u32;
        if self.line == 1 {
            c + self.base_col
        } else {
            c
        }
    }

    fn peek(&self) -> u8 {
        *self.b.get(self.pos).unwrap_or(&0)
    }

    fn peek_at(&self, n: usize) -> u8 {
        *self.b.get(self.pos + n).unwrap_or(&0)
    }

    fn at_eof(&self) -> bool {
        self.pos >= self.b.len()
    }

    fn push(&mut self, kind: T, start: usize, sline: u32, scol: u32) {
        let tok = Token {
            kind,
            start: start as u32,
            end: self.pos as u32,
            line: sline,
            col: scol,
            end_line: self.abs_line(),
            end_col: self.col_of(self.pos),
        };
        self.toks.push(tok);
    }

    /// Error with 1-based offsets given as byte columns on absolute lines.
    fn err(&self, kind: ErrorKind, msg: impl Into<String>, line: u32, col: u32, end_line: u32, end_col: u32) -> ParseError {
        self.map.error(kind, msg.into(), line, col, end_line, end_col)
    }

    fn syntax_err_here(&self, msg: impl Into<String>, pos: usize) -> ParseError {
        // CPython points at the tokenizer's cursor: 1-based column of the
        // last consumed character.
        let col = self.col_of(pos);
        let l = self.abs_line();
        let mut e = self.err(ErrorKind::SyntaxError, msg, l, col, l, col);
        e.offset = self.map.char_col(l, col) - 1;
        e.end_offset = e.offset;
        e.text = e.text.map(|t| t.trim_end_matches('\n').to_string());
        e
    }

    /// Tokenizes everything up to the end or the first error; after an
    /// error the last token is `ErrorTok` and the error is returned beside
    /// the tokens, for the parser to report if it gets that far (or if
    /// CPython would prefer it to the parser's own error).
    pub fn run(mut self) -> (Vec<Token>, Option<ParseError>) {
        match self.run_inner() {
            Ok(()) => (self.toks, None),
            Err(e) => {
                let (l, c) = (self.abs_line(), self.col_of(self.pos.min(self.b.len())));
                let p = self.pos as u32;
                self.toks.push(Token { kind: T::ErrorTok, start: p, end: p, line: l, col: c, end_line: l, end_col: c });
                (self.toks, Some(e))
            }
        }
    }

    fn run_inner(&mut self) -> TResult<()> {
        loop {
            if self.at_bol && self.parens.is_empty() && !self.implicit_paren {
                if self.indentation()? {
                    break;
                }
            }
            // Skip whitespace.
            while matches!(self.peek(), b' ' | b'\t' | b'\x0c') {
                self.pos += 1;
            }
            if self.at_eof() {
                break;
            }
            let c = self.peek();
            let start = self.pos;
            let sline = self.abs_line();
            let scol = self.col_of(start);
            match c {
                b'#' => {
                    while !self.at_eof() && self.peek() != b'\n' {
                        self.pos += 1;
                    }
                }
                b'\n' => {
                    if self.parens.is_empty() && !self.implicit_paren {
                        self.pos += 1;
                        let t = Token {
                            kind: T::Newline,
                            start: start as u32,
                            end: self.pos as u32,
                            line: sline,
                            col: scol,
                            end_line: sline,
                            end_col: scol + 1,
                        };
                        self.toks.push(t);
                        self.at_bol = true;
                    } else {
                        self.pos += 1;
                    }
                    self.line += 1;
                    self.line_start = self.pos;
                }
                b'\\' => {
                    if self.peek_at(1) == b'\n' {
                        self.pos += 2;
                        self.line += 1;
                        self.line_start = self.pos;
                        if self.at_eof() {
                            let l = self.abs_line() - 1;
                            let lt = self.map.line_text(l);
                            let col = lt.trim_end_matches('\n').len() as u32;
                            let mut e = self.err(ErrorKind::SyntaxError, "unexpected EOF while parsing", l, col, l, col);
                            e.offset = self.map.char_col(l, col) + 1;
                            e.end_offset = 0;
                            return Err(e);
                        }
                    } else if self.pos + 1 >= self.b.len() {
                        let mut e = self.syntax_err_here("unexpected EOF while parsing", self.pos + 2);
                        e.offset = self.map.char_col(sline, scol) + 1;
                        e.text = Some(format!("{}\n", self.map.line_text(sline).trim_end_matches('\n')));
                        e.end_offset = 0;
                        return Err(e);
                    } else {
                        let mut e = self.syntax_err_here("unexpected character after line continuation character", self.pos + 2);
                        e.end_offset = 0;
                        return Err(e);
                    }
                }
                b'0'..=b'9' => {
                    self.number()?;
                    self.push(T::Number, start, sline, scol);
                }
                b'.' if self.peek_at(1).is_ascii_digit() => {
                    self.number()?;
                    self.push(T::Number, start, sline, scol);
                }
                b'"' | b'\'' => {
                    self.string(start)?;
                    self.push(T::String, start, sline, scol);
                }
                _ if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                    let ch = self.src[self.pos..].chars().next().unwrap();
                    if !is_id_start(ch) {
                        let l = self.abs_line();
                        let mut e = self.err(
                            ErrorKind::SyntaxError,
                            format!("invalid character '{}' (U+{:04X})", ch, ch as u32),
                            l,
                            scol,
                            l,
                            scol,
                        );
                        e.text = e.text.map(|t| t.trim_end_matches('\n').to_string());
                        return Err(e);
                    }
                    self.pos += ch.len_utf8();
                    while let Some(ch) = self.src[self.pos..].chars().next() {
                        if is_id_continue(ch) {
                            self.pos += ch.len_utf8();
                        } else {
                            break;
                        }
                    }
                    let word = &self.src[start..self.pos];
                    if matches!(self.peek(), b'"' | b'\'') && word.len() <= 2 && is_string_prefix(word) {
                        self.string(start)?;
                        self.push(T::String, start, sline, scol);
                    } else {
                        let kind = keyword(word).unwrap_or(T::Name);
                        self.push(kind, start, sline, scol);
                    }
                }
                _ => {
                    let kind = self.operator()?;
                    self.push(kind, start, sline, scol);
                }
            }
        }
        // End of input.
        let l = self.abs_line();
        let col = self.col_of(self.pos);
        if !self.parens.is_empty() && !self.implicit_paren {
            self.toks.push(Token { kind: T::EofInBrackets, start: self.pos as u32, end: self.pos as u32, line: l, col, end_line: l, end_col: col });
            return Ok(());
        }
        if !self.implicit_paren {
            if !self.at_bol {
                let t = Token { kind: T::Newline, start: self.pos as u32, end: self.pos as u32, line: l, col, end_line: l, end_col: col + 1 };
                self.toks.push(t);
            }
            let el = if self.at_bol { l } else { l + 1 };
            for _ in 1..self.indents.len() {
                self.toks.push(Token { kind: T::Dedent, start: self.pos as u32, end: self.pos as u32, line: el, col: 0, end_line: el, end_col: 0 });
            }
            self.toks.push(Token { kind: T::EndMarker, start: self.pos as u32, end: self.pos as u32, line: el, col: 0, end_line: el, end_col: 0 });
        } else {
            self.toks.push(Token { kind: T::EndMarker, start: self.pos as u32, end: self.pos as u32, line: l, col, end_line: l, end_col: col });
        }
        Ok(())
    }

    /// Measures indentation at the start of a line and emits INDENT/DEDENT.
    /// Returns true at end of input.
    fn indentation(&mut self) -> TResult<bool> {
        loop {
            let (mut col, mut altcol) = (0u32, 0u32);
            let line_begin = self.pos;
            loop {
                match self.peek() {
                    b' ' => {
                        col += 1;
                        altcol += 1;
                    }
                    b'\t' => {
                        col = (col / TAB_SIZE + 1) * TAB_SIZE;
                        altcol += 1;
                    }
                    b'\x0c' => {
                        col = 0;
                        altcol = 0;
                    }
                    _ => break,
                }
                self.pos += 1;
            }
            let c = self.peek();
            if self.at_eof() {
                return Ok(true);
            }
            if c == b'#' || c == b'\n' {
                // Blank or comment-only line: no indentation change.
                while !self.at_eof() && self.peek() != b'\n' {
                    self.pos += 1;
                }
                if self.at_eof() {
                    return Ok(true);
                }
                self.pos += 1;
                self.line += 1;
                self.line_start = self.pos;
                continue;
            }
            self.at_bol = false;
            let l = self.abs_line();
            let (top, alttop) = *self.indents.last().unwrap();
            let tab_error = |s: &Self| {
                let mut e = s.err(ErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", l, 0, l, 0);
                e.offset = 1;
                e.end_offset = 0;
                e
            };
            let pos_tok = |s: &Self, kind| Token {
                kind,
                start: s.pos as u32,
                end: s.pos as u32,
                line: l,
                col: 0,
                end_line: l,
                end_col: (s.pos - line_begin) as u32,
            };
            if col == top {
                if altcol != alttop {
                    return Err(tab_error(self));
                }
            } else if col > top {
                if self.indents.len() >= MAX_INDENT {
                    let mut e = self.err(ErrorKind::IndentationError, "too many levels of indentation", l, 0, l, 0);
                    e.offset = (self.pos - line_begin) as u32 + 1;
                    e.end_offset = 0;
                    return Err(e);
                }
                if altcol <= alttop {
                    return Err(tab_error(self));
                }
                self.indents.push((col, altcol));
                let t = pos_tok(self, T::Indent);
                self.toks.push(t);
            } else {
                while self.indents.len() > 1 && col < self.indents.last().unwrap().0 {
                    self.indents.pop();
                    let t = pos_tok(self, T::Dedent);
                    self.toks.push(t);
                }
                let (top, alttop) = *self.indents.last().unwrap();
                if col != top {
                    let mut e = self.err(ErrorKind::IndentationError, "unindent does not match any outer indentation level", l, 0, l, 0);
                    e.offset = self.map.line_text(l).trim_end_matches('\n').chars().count() as u32 + 1;
                    e.end_offset = 0;
                    return Err(e);
                }
                if altcol != alttop {
                    return Err(tab_error(self));
                }
            }
            return Ok(false);
        }
    }

    fn digits(&mut self, ok: fn(u8) -> bool, kind: &str) -> TResult<()> {
        // Digits with single underscores between them.
        loop {
            while ok(self.peek()) {
                self.pos += 1;
            }
            if self.peek() == b'_' {
                self.pos += 1;
                if !ok(self.peek()) {
                    return Err(self.syntax_err_here(format!("invalid {} literal", kind), self.pos));
                }
            } else {
                return Ok(());
            }
        }
    }

    fn end_of_number(&mut self, kind: &str) -> TResult<()> {
        // A letter right after a number is an error unless it starts one of
        // the keywords CPython 3.11 still accepts there (`1if x else y`).
        let rest = &self.src[self.pos..];
        let Some(ch) = rest.chars().next() else { return Ok(()) };
        if !is_id_continue(ch) {
            return Ok(());
        }
        for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            if rest.starts_with(kw) {
                return Ok(());
            }
        }
        Err(self.syntax_err_here(format!("invalid {} literal", kind), self.pos))
    }

    fn number(&mut self) -> TResult<()> {
        let start = self.pos;
        if self.peek() == b'0' && matches!(self.peek_at(1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
            let p = self.peek_at(1).to_ascii_lowercase();
            self.pos += 2;
            let (ok, kind): (fn(u8) -> bool, &str) = match p {
                b'x' => (|c: u8| c.is_ascii_hexdigit(), "hexadecimal"),
                b'o' => (|c: u8| (b'0'..=b'7').contains(&c), "octal"),
                _ => (|c: u8| c == b'0' || c == b'1', "binary"),
            };
            if self.peek() == b'_' {
                self.pos += 1;
            }
            if !ok(self.peek()) {
                if self.peek().is_ascii_digit() {
                    let d = self.peek() as char;
                    return Err(self.syntax_err_here(format!("invalid digit '{}' in {} literal", d, kind), self.pos + 1));
                }
                return Err(self.syntax_err_here(format!("invalid {} literal", kind), self.pos));
            }
            self.digits(ok, kind)?;
            if self.peek().is_ascii_digit() {
                let d = self.peek() as char;
                return Err(self.syntax_err_here(format!("invalid digit '{}' in {} literal", d, kind), self.pos + 1));
            }
            return self.end_of_number(kind);
        }
        let dec = |c: u8| c.is_ascii_digit();
        let mut is_float = false;
        if self.peek() != b'.' {
            self.digits(dec, "decimal")?;
        }
        if self.peek() == b'.' {
            is_float = true;
            self.pos += 1;
            if self.peek().is_ascii_digit() {
                self.digits(dec, "decimal")?;
            }
        }
        if matches!(self.peek(), b'e' | b'E') {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), b'+' | b'-') {
                self.pos += 1;
                if !self.peek().is_ascii_digit() {
                    return Err(self.syntax_err_here("invalid decimal literal", self.pos));
                }
            }
            if !self.peek().is_ascii_digit() {
                // `1else` is `1 else`; anything else is an error.
                self.pos = save;
                if self.src[save..].starts_with("else") {
                    return Ok(());
                }
                return Err(self.syntax_err_here("invalid decimal literal", save));
            }
            is_float = true;
            self.digits(dec, "decimal")?;
        }
        let mut kind = "decimal";
        if matches!(self.peek(), b'j' | b'J') {
            self.pos += 1;
            is_float = true;
            kind = "imaginary";
        }
        if !is_float {
            let text = &self.src[start..self.pos];
            if text.starts_with('0') && text.bytes().any(|c| c != b'0' && c != b'_') {
                let l = self.abs_line();
                let sc = self.col_of(start);
                let ec = self.col_of(self.pos);
                let mut e = self.err(
                    ErrorKind::SyntaxError,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    l,
                    sc,
                    l,
                    ec,
                );
                e.end_offset = e.offset + 1;
                e.text = e.text.map(|t| t.trim_end_matches('\n').to_string());
                return Err(e);
            }
        }
        self.end_of_number(kind)
    }

    /// Scans a string literal whose prefix starts at `start`; `self.pos` is
    /// at the opening quote.
    fn string(&mut self, start: usize) -> TResult<()> {
        let q = self.peek();
        let sline = self.line;
        let scol = self.col_of(start);
        let triple = self.peek_at(1) == q && self.peek_at(2) == q;
        self.pos += if triple { 3 } else { 1 };
        loop {
            if self.at_eof() {
                let abs = sline + self.base_line;
                let (msg, dl) = if triple {
                    let mut dl = self.abs_line();
                    if self.src.ends_with('\n') {
                        dl -= 1;
                    }
                    ("unterminated triple-quoted string literal", dl)
                } else {
                    let mut dl = self.abs_line();
                    if self.src.ends_with('\n') && dl > sline + self.base_line {
                        dl -= 1;
                    }
                    ("unterminated string literal", dl)
                };
                let mut e = self.err(ErrorKind::SyntaxError, format!("{} (detected at line {})", msg, dl), abs, scol, abs, scol);
                e.text = e.text.map(|t| t.trim_end_matches('\n').to_string());
                return Err(e);
            }
            let c = self.peek();
            if c == q {
                if !triple {
                    self.pos += 1;
                    return Ok(());
                }
                if self.peek_at(1) == q && self.peek_at(2) == q {
                    self.pos += 3;
                    return Ok(());
                }
                self.pos += 1;
            } else if c == b'\\' {
                self.pos += 1;
                if self.peek() == b'\n' {
                    self.line += 1;
                    self.line_start = self.pos + 1;
                }
                if !self.at_eof() {
                    self.pos += 1;
                }
            } else if c == b'\n' {
                if !triple {
                    let abs = sline + self.base_line;
                    let mut e = self.err(
                        ErrorKind::SyntaxError,
                        format!("unterminated string literal (detected at line {})", self.abs_line()),
                        abs,
                        scol,
                        abs,
                        scol,
                    );
                    e.text = e.text.map(|t| t.trim_end_matches('\n').to_string());
                    return Err(e);
                }
                self.pos += 1;
                self.line += 1;
                self.line_start = self.pos;
            } else {
                self.pos += 1;
            }
        }
    }

    fn operator(&mut self) -> TResult<T> {
        let c = self.peek();
        let c1 = self.peek_at(1);
        let c2 = self.peek_at(2);
        let (kind, n) = match (c, c1, c2) {
            (b'*', b'*', b'=') => (T::DoubleStarEqual, 3),
            (b'/', b'/', b'=') => (T::DoubleSlashEqual, 3),
            (b'<', b'<', b'=') => (T::LeftShiftEqual, 3),
            (b'>', b'>', b'=') => (T::RightShiftEqual, 3),
            (b'.', b'.', b'.') => (T::Ellipsis, 3),
            (b'*', b'*', _) => (T::DoubleStar, 2),
            (b'/', b'/', _) => (T::DoubleSlash, 2),
            (b'<', b'<', _) => (T::LeftShift, 2),
            (b'>', b'>', _) => (T::RightShift, 2),
            (b'=', b'=', _) => (T::EqEqual, 2),
            (b'!', b'=', _) => (T::NotEqual, 2),
            (b'<', b'>', _) => (T::NotEqual, 2),
            (b'<', b'=', _) => (T::LessEqual, 2),
            (b'>', b'=', _) => (T::GreaterEqual, 2),
            (b'+', b'=', _) => (T::PlusEqual, 2),
            (b'-', b'=', _) => (T::MinEqual, 2),
            (b'*', b'=', _) => (T::StarEqual, 2),
            (b'/', b'=', _) => (T::SlashEqual, 2),
            (b'%', b'=', _) => (T::PercentEqual, 2),
            (b'&', b'=', _) => (T::AmperEqual, 2),
            (b'|', b'=', _) => (T::VBarEqual, 2),
            (b'^', b'=', _) => (T::CircumflexEqual, 2),
            (b'@', b'=', _) => (T::AtEqual, 2),
            (b'-', b'>', _) => (T::RArrow, 2),
            (b':', b'=', _) => (T::ColonEqual, 2),
            (b'(', _, _) => (T::LPar, 1),
            (b')', _, _) => (T::RPar, 1),
            (b'[', _, _) => (T::LSqb, 1),
            (b']', _, _) => (T::RSqb, 1),
            (b'{', _, _) => (T::LBrace, 1),
            (b'}', _, _) => (T::RBrace, 1),
            (b':', _, _) => (T::Colon, 1),
            (b',', _, _) => (T::Comma, 1),
            (b';', _, _) => (T::Semi, 1),
            (b'+', _, _) => (T::Plus, 1),
            (b'-', _, _) => (T::Minus, 1),
            (b'*', _, _) => (T::Star, 1),
            (b'/', _, _) => (T::Slash, 1),
            (b'|', _, _) => (T::VBar, 1),
            (b'&', _, _) => (T::Amper, 1),
            (b'<', _, _) => (T::Less, 1),
            (b'>', _, _) => (T::Greater, 1),
            (b'=', _, _) => (T::Equal, 1),
            (b'.', _, _) => (T::Dot, 1),
            (b'%', _, _) => (T::Percent, 1),
            (b'~', _, _) => (T::Tilde, 1),
            (b'^', _, _) => (T::Circumflex, 1),
            (b'@', _, _) => (T::At, 1),
            _ => (T::Unknown, 1),
        };
        let l = self.abs_line();
        let col = self.col_of(self.pos);
        match kind {
            T::LPar | T::LSqb | T::LBrace => {
                if self.parens.len() >= MAX_PAREN_LEVEL {
                    let mut e = self.err(ErrorKind::SyntaxError, "too many nested parentheses", l, col, l, col);
                    e.text = e.text.map(|t| t.trim_end_matches('\n').to_string());
                    return Err(e);
                }
                self.parens.push((c, l, col));
            }
            T::RPar | T::RSqb | T::RBrace => match self.parens.pop() {
                None if !self.implicit_paren => {
                    let mut e = self.err(ErrorKind::SyntaxError, format!("unmatched '{}'", c as char), l, col, l, col);
                    e.text = e.text.map(|t| t.trim_end_matches('\n').to_string());
                    return Err(e);
                }
                None => {}
                Some((open, oline, _)) => {
                    let expect = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if expect != c {
                        let msg = if oline != l {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c as char, open as char, oline
                            )
                        } else {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, open as char)
                        };
                        let mut e = self.err(ErrorKind::SyntaxError, msg, l, col, l, col);
                        e.text = e.text.map(|t| t.trim_end_matches('\n').to_string());
                        return Err(e);
                    }
                }
            },
            T::Unknown => {
                let ch = self.src[self.pos..].chars().next().unwrap();
                self.pos += ch.len_utf8();
                return Ok(T::Unknown);
            }
            _ => {}
        }
        self.pos += n;
        Ok(kind)
    }

    /// The innermost open bracket, for "'(' was never closed".
    pub fn open_paren(toks: &[Token], src: &str) -> Option<(u8, u32, u32)> {
        let mut stack = Vec::new();
        for t in toks {
            match t.kind {
                T::LPar | T::LSqb | T::LBrace => stack.push((src.as_bytes()[t.start as usize], t.line, t.col)),
                T::RPar | T::RSqb | T::RBrace => {
                    stack.pop();
                }
                _ => {}
            }
        }
        stack.pop()
    }
}
