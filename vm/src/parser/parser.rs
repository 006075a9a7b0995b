//! The parser's driver, shared helpers and statements.
//!
//! A hand-written recursive-descent parser over the token vector. It
//! follows CPython 3.11's PEG grammar but decides with one or two tokens of
//! lookahead; assignment targets are parsed as expressions and then checked
//! and converted (as CPython's error pass does), and the only speculative
//! parses are the parenthesized `with` items and the `match` soft keyword,
//! each tried at most once per statement.

use super::tokenizer::{Token, Tokenizer, T};
use super::{ErrorKind, Mode, ParseError, SourceMap};
use crate::ast::*;

pub(crate) type PResult<T> = Result<T, ParseError>;

/// Deepest expression nesting accepted. CPython 3.11 fails near 2990 levels
/// with "maximum recursion depth exceeded during compilation"; we stop a
/// little earlier, and also stop when the Rust stack used gets large, so
/// that neither the parser nor code that walks the AST overflows.
pub(crate) const MAX_DEPTH: u32 = 2900;
pub(crate) const RECURSION_MSG: &str = "maximum recursion depth exceeded during compilation";

pub(crate) struct Parser<'a> {
    pub toks: Vec<Token>,
    pub pos: usize,
    /// The text the tokens index (the file, or an f-string expression).
    pub src: &'a str,
    pub map: &'a SourceMap<'a>,
    pub depth: u32,
    /// Open brackets around the current position, for "Perhaps you forgot a
    /// comma?", which CPython gives only inside brackets.
    pub nest: u32,
    stack_base: usize,
    /// Nesting of f-strings inside f-string expressions.
    pub fstring_level: u32,
    /// End of the last simple-statement line parsed.
    pub last_end: Range,
    /// The tokenizer's error, if it stopped early (the last token is then
    /// `ErrorTok`).
    pub tok_error: Option<ParseError>,
    /// Bytes of stack the parser may use below `stack_base`.
    pub stack_budget: usize,
    /// The furthest token looked at (CPython's last token fetched), which
    /// decides whether "'(' was never closed" replaces a parser error.
    pub furthest: usize,
}

pub(crate) fn rng(a: Range, b: Range) -> Range {
    Range { lineno: a.lineno, col_offset: a.col_offset, end_lineno: b.end_lineno, end_col_offset: b.end_col_offset }
}

pub(crate) fn tok_range(t: &Token) -> Range {
    Range { lineno: t.line, col_offset: t.col, end_lineno: t.end_line, end_col_offset: t.end_col }
}

fn stack_addr() -> usize {
    let x = 0u8;
    &x as *const u8 as usize
}

impl<'a> Parser<'a> {
    pub fn new(toks: Vec<Token>, src: &'a str, map: &'a SourceMap<'a>) -> Self {
        Parser { toks, pos: 0, src, map, depth: 0, nest: 0, stack_base: stack_addr(), fstring_level: 0, last_end: Range::default(), tok_error: None, stack_budget: 1 << 20, furthest: 0 }
    }

    /// A parser for an f-string expression, sharing the outer parser's
    /// depth accounting.
    pub fn sub(&self, toks: Vec<Token>, src: &'a str) -> Parser<'a> {
        Parser {
            toks,
            pos: 0,
            src,
            map: self.map,
            depth: self.depth,
            nest: 1,
            stack_base: self.stack_base,
            fstring_level: self.fstring_level + 1,
            last_end: Range::default(),
            tok_error: None,
            stack_budget: self.stack_budget,
            furthest: 0,
        }
    }

    // ----- token access -----

    #[inline]
    pub fn tok(&self) -> &Token {
        &self.toks[self.pos]
    }

    #[inline]
    pub fn kind(&self) -> T {
        self.toks[self.pos].kind
    }

    #[inline]
    pub fn kind_at(&self, n: usize) -> T {
        let i = (self.pos + n).min(self.toks.len() - 1);
        self.toks[i].kind
    }

    pub fn text(&self, t: &Token) -> &'a str {
        &self.src[t.start as usize..t.end as usize]
    }

    pub fn cur_text(&self) -> &'a str {
        self.text(&self.toks[self.pos])
    }

    /// True if the current token is the name `s` (soft keywords).
    pub fn at_name(&self, s: &str) -> bool {
        self.kind() == T::Name && self.cur_text() == s
    }

    #[inline]
    pub fn advance(&mut self) -> Token {
        let t = self.toks[self.pos];
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
            self.furthest = self.furthest.max(self.pos);
        }
        t
    }

    #[inline]
    pub fn eat(&mut self, k: T) -> bool {
        if self.kind() == k {
            self.advance();
            true
        } else {
            false
        }
    }

    pub fn expect(&mut self, k: T) -> PResult<Token> {
        if self.kind() == k {
            Ok(self.advance())
        } else {
            Err(self.unexpected())
        }
    }

    pub fn expect_colon(&mut self) -> PResult<()> {
        if self.eat(T::Colon) {
            return Ok(());
        }
        if matches!(self.kind(), T::Newline | T::EndMarker | T::Dedent | T::Indent) {
            let t = *self.tok();
            return Err(self.err_at(ErrorKind::SyntaxError, "expected ':'", t.line, t.col, t.line, t.col));
        }
        Err(self.unexpected())
    }

    pub fn cur_range(&self) -> Range {
        tok_range(self.tok())
    }

    pub fn prev_range(&self) -> Range {
        tok_range(&self.toks[self.pos.saturating_sub(1)])
    }

    /// Range from token `t` to the last consumed token.
    pub fn since(&self, t: &Token) -> Range {
        rng(tok_range(t), self.prev_range())
    }

    /// Range from token `start` to the last consumed token.
    pub fn range_from(&self, start: usize) -> Range {
        rng(tok_range(&self.toks[start]), self.prev_range())
    }

    pub fn name_text(&self, t: &Token) -> String {
        super::tokenizer::normalize_identifier(self.text(t)).into_owned()
    }

    pub fn expect_name(&mut self) -> PResult<(String, Range)> {
        if self.kind() == T::Name {
            let t = self.advance();
            Ok((self.name_text(&t), tok_range(&t)))
        } else {
            Err(self.unexpected())
        }
    }

    // ----- errors -----

    pub fn err_at(&self, kind: ErrorKind, msg: impl Into<String>, l: u32, c: u32, el: u32, ec: u32) -> ParseError {
        self.map.error(kind, msg.into(), l, c, el, ec)
    }

    pub fn err_range(&self, msg: impl Into<String>, r: Range) -> ParseError {
        self.err_at(ErrorKind::SyntaxError, msg, r.lineno, r.col_offset, r.end_lineno, r.end_col_offset)
    }

    /// The error for a token no rule accepts, as CPython's generic path
    /// reports it.
    pub fn unexpected(&self) -> ParseError {
        let t = *self.tok();
        match t.kind {
            T::ErrorTok => self.tok_error.clone().unwrap_or_else(|| self.err_range("invalid syntax", tok_range(&t))),
            T::Indent | T::Dedent => {
                let msg = if t.kind == T::Indent { "unexpected indent" } else { "unexpected unindent" };
                let mut e = self.err_at(ErrorKind::IndentationError, msg, t.line, t.end_col, t.line, t.end_col);
                e.offset -= 1;
                e.end_offset = 0;
                e
            }
            T::EofInBrackets => self.unclosed_error().unwrap_or_else(|| self.err_range("invalid syntax", tok_range(&t))),
            T::EndMarker if self.fstring_level == 0 => {
                let mut e = self.err_at(ErrorKind::SyntaxError, "invalid syntax", t.line, t.col, t.line, t.col);
                if e.text.is_none() {
                    e.lineno = t.line.saturating_sub(1).max(1);
                    let lt = self.map.line_text(e.lineno);
                    e.offset = lt.trim_end_matches('\n').chars().count() as u32 + 1;
                    e.end_lineno = e.lineno;
                    e.end_offset = e.offset;
                    e.text = Some(format!("{}\n", lt.trim_end_matches('\n')));
                }
                e
            }
            _ => self.err_range("invalid syntax", tok_range(&t)),
        }
    }

    fn unclosed_error(&self) -> Option<ParseError> {
        let (c, line, col) = Tokenizer::open_paren(&self.toks, self.src)?;
        let mut e = self.err_at(ErrorKind::SyntaxError, format!("'{}' was never closed", c as char), line, col, line, col);
        e.end_offset = 0;
        if self.map.line_starts.len() as u32 > line {
            e.text = e.text.map(|t| t.trim_end_matches('\n').to_string());
        }
        Some(e)
    }

    /// CPython replaces a parser error by "'(' was never closed" when the
    /// input ends inside brackets opened before the line of the error or of
    /// the furthest token the parser fetched.
    pub fn finish_error(&self, e: ParseError) -> ParseError {
        // A tokenizer error anywhere wins over a parser error, except over
        // the generic indentation errors (CPython returns those first).
        if let Some(te) = &self.tok_error {
            let generic_indent = e.kind == ErrorKind::IndentationError && (e.msg == "unexpected indent" || e.msg == "unexpected unindent");
            if !generic_indent && e.msg != RECURSION_MSG {
                return te.clone();
            }
            return e;
        }
        if self.toks.last().map(|t| t.kind) == Some(T::EofInBrackets) && e.msg != RECURSION_MSG {
            if let Some(u) = self.unclosed_error() {
                let last_line = self.toks[self.furthest.min(self.toks.len() - 1)].line;
                if e.lineno.max(last_line) > u.lineno {
                    return u;
                }
            }
        }
        e
    }

    /// Counts one level of nesting; fails like CPython when too deep.
    pub fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH || self.stack_base.abs_diff(stack_addr()) > self.stack_budget {
            return Err(self.err_range(RECURSION_MSG, self.cur_range()));
        }
        Ok(())
    }

    #[inline]
    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// For left-recursive chains built in a loop (`a+b+c`, `a.b.c`): the
    /// AST gets one level deeper per link.
    pub fn check_chain(&self, links: u32) -> PResult<()> {
        if self.depth + links > MAX_DEPTH {
            return Err(self.err_range(RECURSION_MSG, self.cur_range()));
        }
        Ok(())
    }

    // ----- module level -----

    pub fn parse_mod(&mut self, mode: Mode) -> PResult<Mod> {
        match mode {
            Mode::Exec => {
                let mut body = Vec::new();
                while self.kind() != T::EndMarker {
                    self.statement(&mut body)?;
                }
                Ok(Mod::Module { body })
            }
            Mode::Eval => {
                let e = self.star_expressions()?;
                while self.eat(T::Newline) {}
                if self.kind() != T::EndMarker {
                    return Err(self.unexpected());
                }
                Ok(Mod::Expression { body: Box::new(e) })
            }
            Mode::Single => {
                let mut body = Vec::new();
                if !matches!(self.kind(), T::Newline | T::EndMarker) {
                    self.statement(&mut body)?;
                }
                while self.eat(T::Newline) {}
                if self.kind() != T::EndMarker {
                    let r = self.cur_range();
                    return Err(self.err_range("multiple statements found while compiling a single statement", r));
                }
                Ok(Mod::Interactive { body })
            }
        }
    }

    /// One statement line (compound statement, or `;`-separated simple
    /// statements), appended to `out`.
    pub fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        match self.kind() {
            T::Def | T::If | T::Class | T::With | T::For | T::Try | T::While | T::At | T::Async => {
                let s = self.compound_stmt()?;
                out.push(s);
                Ok(())
            }
            T::Name if self.cur_text() == "match" => {
                if let Some(s) = self.try_match_stmt()? {
                    out.push(s);
                    return Ok(());
                }
                self.simple_stmts(out)
            }
            T::Indent => Err(self.unexpected()),
            _ => self.simple_stmts(out),
        }
    }

    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            out.push(s);
            if self.eat(T::Semi) {
                if self.kind() == T::Newline {
                    self.last_end = self.prev_range();
                    self.advance();
                    return Ok(());
                }
                continue;
            }
            if self.kind() == T::Newline {
                self.last_end = self.prev_range();
                self.advance();
                return Ok(());
            }
            return Err(self.unexpected());
        }
    }

    /// A block after `:`. `what` names the statement for the indentation
    /// error ("'if' statement on line 3").
    pub fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if self.kind() == T::Newline {
            let nl = self.advance();
            if self.kind() != T::Indent {
                let msg = format!("expected an indented block after {} on line {}", what, line);
                let t = *self.tok();
                if matches!(t.kind, T::EndMarker | T::Dedent) {
                    let mut e = self.err_at(ErrorKind::IndentationError, msg, nl.line, nl.col, nl.line, nl.col);
                    e.end_offset = 0;
                    return Err(e);
                }
                return Err(self.err_at(ErrorKind::IndentationError, msg, t.line, t.col, t.end_line, t.end_col));
            }
            self.advance();
            while !matches!(self.kind(), T::Dedent | T::EndMarker) {
                self.statement(&mut body)?;
            }
            self.eat(T::Dedent);
        } else {
            self.simple_stmts(&mut body)?;
        }
        Ok(body)
    }

    /// A compound statement ends where its last line's last token (a
    /// trailing `;` included) ends, as in CPython.
    fn end_of_body(&self, start: Range, _body: &[Stmt]) -> Range {
        rng(start, self.last_end)
    }

    fn compound_stmt(&mut self) -> PResult<Stmt> {
        match self.kind() {
            T::At => self.decorated(),
            T::Def => self.funcdef(Vec::new(), false, self.pos),
            T::Class => self.classdef(Vec::new()),
            T::If => self.if_stmt(false),
            T::While => self.while_stmt(),
            T::For => self.for_stmt(false, self.pos),
            T::With => self.with_stmt(false, self.pos),
            T::Try => self.try_stmt(),
            T::Async => {
                let start = self.pos;
                self.advance();
                match self.kind() {
                    T::Def => self.funcdef(Vec::new(), true, start),
                    T::For => self.for_stmt(true, start),
                    T::With => self.with_stmt(true, start),
                    _ => Err(self.unexpected()),
                }
            }
            _ => Err(self.unexpected()),
        }
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decos = Vec::new();
        while self.eat(T::At) {
            decos.push(self.named_expression()?);
            if !self.eat(T::Newline) {
                return Err(self.unexpected());
            }
        }
        match self.kind() {
            T::Def => self.funcdef(decos, false, self.pos),
            T::Class => self.classdef(decos),
            T::Async if self.kind_at(1) == T::Def => {
                let start = self.pos;
                self.advance();
                self.funcdef(decos, true, start)
            }
            _ => Err(self.unexpected()),
        }
    }

    fn funcdef(&mut self, decorator_list: Vec<Expr>, is_async: bool, start: usize) -> PResult<Stmt> {
        let line = self.tok().line;
        self.expect(T::Def)?;
        let (name, _) = self.expect_name()?;
        if self.kind() != T::LPar {
            let t = *self.tok();
            if matches!(t.kind, T::Newline | T::Colon | T::EndMarker) {
                return Err(self.err_at(ErrorKind::SyntaxError, "expected '('", t.line, t.col, t.line, t.col));
            }
            return Err(self.unexpected());
        }
        self.advance();
        self.nest += 1;
        let args = self.parameters(T::RPar)?;
        self.nest -= 1;
        self.expect(T::RPar)?;
        let returns = if self.eat(T::RArrow) { Some(Box::new(self.expression()?)) } else { None };
        self.expect_colon()?;
        let body = self.block("function definition", line)?;
        let range = self.end_of_body(tok_range(&self.toks[start]), &body);
        let f = FunctionDef { name, args: Box::new(args), body, decorator_list, returns };
        let node = if is_async { StmtKind::AsyncFunctionDef(f) } else { StmtKind::FunctionDef(f) };
        Ok(Stmt { node, range })
    }

    fn classdef(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.pos;
        let line = self.tok().line;
        self.expect(T::Class)?;
        let (name, _) = self.expect_name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.kind() == T::LPar {
            let lp = self.pos;
            self.advance();
            let (b, k) = self.call_args(lp, false)?;
            bases = b;
            keywords = k;
        }
        self.expect_colon()?;
        let body = self.block("class definition", line)?;
        let range = self.end_of_body(tok_range(&self.toks[start]), &body);
        Ok(Stmt { node: StmtKind::ClassDef { name, bases, keywords, body, decorator_list }, range })
    }

    /// The condition of `if`/`elif`/`while`, with CPython's hint for a
    /// stray `=`.
    fn condition(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let e = self.named_expression()?;
        if self.kind() == T::Equal {
            return Err(self.stray_equal(e, start));
        }
        Ok(e)
    }

    fn if_stmt(&mut self, is_elif: bool) -> PResult<Stmt> {
        let start = self.pos;
        let line = self.tok().line;
        self.advance();
        let test = self.condition()?;
        self.expect_colon()?;
        let body = self.block(if is_elif { "'elif' statement" } else { "'if' statement" }, line)?;
        let mut range = self.end_of_body(tok_range(&self.toks[start]), &body);
        let orelse = match self.kind() {
            T::Elif => {
                let s = self.if_stmt(true)?;
                range = rng(range, s.range);
                vec![s]
            }
            T::Else => {
                let b = self.else_block()?;
                range = self.end_of_body(range, &b);
                b
            }
            _ => Vec::new(),
        };
        Ok(Stmt { node: StmtKind::If { test: Box::new(test), body, orelse }, range })
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        let line = self.tok().line;
        self.expect(T::Else)?;
        self.expect_colon()?;
        self.block("'else' statement", line)
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let line = self.tok().line;
        self.advance();
        let test = self.condition()?;
        self.expect_colon()?;
        let body = self.block("'while' statement", line)?;
        let mut range = self.end_of_body(tok_range(&self.toks[start]), &body);
        let orelse = if self.kind() == T::Else { self.else_block()? } else { Vec::new() };
        range = self.end_of_body(range, &orelse);
        Ok(Stmt { node: StmtKind::While { test: Box::new(test), body, orelse }, range })
    }

    fn for_stmt(&mut self, is_async: bool, start: usize) -> PResult<Stmt> {
        let line = self.tok().line;
        self.expect(T::For)?;
        let target = self.star_targets()?;
        if self.kind() != T::In {
            return Err(self.unexpected());
        }
        self.advance();
        let iter = self.star_expressions()?;
        self.expect_colon()?;
        let body = self.block("'for' statement", line)?;
        let mut range = self.end_of_body(tok_range(&self.toks[start]), &body);
        let orelse = if self.kind() == T::Else { self.else_block()? } else { Vec::new() };
        range = self.end_of_body(range, &orelse);
        let (target, iter) = (Box::new(target), Box::new(iter));
        let node = if is_async {
            StmtKind::AsyncFor { target, iter, body, orelse }
        } else {
            StmtKind::For { target, iter, body, orelse }
        };
        Ok(Stmt { node, range })
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat(T::As) {
            let t = self.star_target()?;
            if !matches!(self.kind(), T::Comma | T::Colon | T::RPar) {
                return Err(self.unexpected());
            }
            Some(Box::new(t))
        } else {
            None
        };
        Ok(WithItem { context_expr, optional_vars })
    }

    fn with_stmt(&mut self, is_async: bool, start: usize) -> PResult<Stmt> {
        let line = self.tok().line;
        self.expect(T::With)?;
        let mut items = Vec::new();
        // `with (a as b, c):` is tried first, as in CPython's grammar; if
        // that does not parse, the parenthesis belongs to an expression.
        let mut done = false;
        if self.kind() == T::LPar {
            let save = (self.pos, self.depth, self.nest);
            self.advance();
            self.nest += 1;
            let mut ok = true;
            loop {
                match self.with_item() {
                    Ok(it) => items.push(it),
                    Err(_) => {
                        ok = false;
                        break;
                    }
                }
                if self.eat(T::Comma) {
                    if self.kind() == T::RPar {
                        break;
                    }
                    continue;
                }
                break;
            }
            if ok && self.eat(T::RPar) && self.kind() == T::Colon {
                self.nest -= 1;
                done = true;
            } else {
                (self.pos, self.depth, self.nest) = save;
                items.clear();
            }
        }
        if !done {
            loop {
                items.push(self.with_item()?);
                if !self.eat(T::Comma) {
                    break;
                }
            }
        }
        self.expect_colon()?;
        let body = self.block("'with' statement", line)?;
        let range = self.end_of_body(tok_range(&self.toks[start]), &body);
        let node = if is_async { StmtKind::AsyncWith { items, body } } else { StmtKind::With { items, body } };
        Ok(Stmt { node, range })
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let line = self.tok().line;
        self.advance();
        self.expect_colon()?;
        let body = self.block("'try' statement", line)?;
        let mut range = self.end_of_body(tok_range(&self.toks[start]), &body);
        let mut handlers = Vec::new();
        let mut star: Option<bool> = None;
        while self.kind() == T::Except {
            let hstart = self.pos;
            let hline = self.tok().line;
            self.advance();
            let is_star = self.eat(T::Star);
            match star {
                Some(s) if s != is_star => {
                    let r = self.range_from(hstart);
                    return Err(self.err_range("cannot have both 'except' and 'except*' on the same 'try'", r));
                }
                _ => star = Some(is_star),
            }
            let mut type_ = None;
            let mut name = None;
            if self.kind() != T::Colon {
                let es = self.pos;
                let e = self.expression()?;
                if self.kind() == T::Comma {
                    let ts = self.star_expressions_from(es, e)?;
                    return Err(self.err_range("multiple exception types must be parenthesized", ts.range));
                }
                type_ = Some(Box::new(e));
                if self.eat(T::As) {
                    name = Some(self.expect_name()?.0);
                }
            } else if is_star {
                let r = self.cur_range();
                return Err(self.err_range("expected one or more exception types", r));
            }
            self.expect_colon()?;
            let hb = self.block(if is_star { "'except*' statement" } else { "'except' statement" }, hline)?;
            let hr = self.end_of_body(tok_range(&self.toks[hstart]), &hb);
            range = rng(range, hr);
            handlers.push(ExceptHandler { type_, name, body: hb, range: hr });
        }
        let mut orelse = Vec::new();
        if self.kind() == T::Else && !handlers.is_empty() {
            orelse = self.else_block()?;
            range = self.end_of_body(range, &orelse);
        }
        let mut finalbody = Vec::new();
        if self.kind() == T::Finally {
            let fline = self.tok().line;
            self.advance();
            self.expect_colon()?;
            finalbody = self.block("'finally' statement", fline)?;
            range = self.end_of_body(range, &finalbody);
        }
        if handlers.is_empty() && finalbody.is_empty() {
            let t = *self.tok();
            if matches!(t.kind, T::EndMarker | T::Dedent) {
                let p = self.prev_range();
                let mut e = self.err_at(ErrorKind::SyntaxError, "expected 'except' or 'finally' block", p.lineno, p.col_offset, p.lineno, p.col_offset);
                let lt = self.map.line_text(p.lineno);
                e.offset = lt.trim_end_matches('\n').chars().count() as u32 + 1;
                e.end_offset = 0;
                return Err(e);
            }
            return Err(self.err_range("expected 'except' or 'finally' block", tok_range(&t)));
        }
        let node = if star == Some(true) {
            StmtKind::TryStar { body, handlers, orelse, finalbody }
        } else {
            StmtKind::Try { body, handlers, orelse, finalbody }
        };
        Ok(Stmt { node, range })
    }

    // ----- simple statements -----

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let node = match self.kind() {
            T::Pass => {
                self.advance();
                StmtKind::Pass
            }
            T::Break => {
                self.advance();
                StmtKind::Break
            }
            T::Continue => {
                self.advance();
                StmtKind::Continue
            }
            T::Return => {
                self.advance();
                let value = if self.at_stmt_end() { None } else { Some(Box::new(self.star_expressions()?)) };
                StmtKind::Return { value }
            }
            T::Raise => {
                self.advance();
                let mut exc = None;
                let mut cause = None;
                if !self.at_stmt_end() {
                    exc = Some(Box::new(self.expression()?));
                    if self.eat(T::From) {
                        cause = Some(Box::new(self.expression()?));
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            T::Global | T::Nonlocal => {
                let is_global = self.kind() == T::Global;
                self.advance();
                let mut names = vec![self.expect_name()?.0];
                while self.eat(T::Comma) {
                    names.push(self.expect_name()?.0);
                }
                if is_global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            T::Del => {
                self.advance();
                let mut targets = Vec::new();
                loop {
                    let e = self.expression_or_star()?;
                    targets.push(self.to_target(e, ExprContext::Del)?);
                    if !self.eat(T::Comma) || self.at_stmt_end() {
                        break;
                    }
                }
                if !self.at_stmt_end() {
                    return Err(self.unexpected());
                }
                StmtKind::Delete { targets }
            }
            T::Assert => {
                self.advance();
                let test = Box::new(self.expression()?);
                let msg = if self.eat(T::Comma) { Some(Box::new(self.expression()?)) } else { None };
                StmtKind::Assert { test, msg }
            }
            T::Import => self.import_name()?,
            T::From => self.import_from()?,
            _ => return self.expr_or_assign_stmt(),
        };
        Ok(Stmt { node, range: self.range_from(start) })
    }

    pub fn at_stmt_end(&self) -> bool {
        matches!(self.kind(), T::Newline | T::Semi | T::EndMarker)
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut s = self.expect_name()?.0;
        while self.kind() == T::Dot {
            self.advance();
            s.push('.');
            s.push_str(&self.expect_name()?.0);
        }
        Ok(s)
    }

    fn import_name(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = Vec::new();
        loop {
            let start = self.pos;
            let name = self.dotted_name()?;
            let asname = if self.eat(T::As) { Some(self.expect_name()?.0) } else { None };
            names.push(Alias { name, asname, range: self.range_from(start) });
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import { names })
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut level = 0;
        loop {
            match self.kind() {
                T::Dot => level += 1,
                T::Ellipsis => level += 3,
                _ => break,
            }
            self.advance();
        }
        let module = if self.kind() == T::Name {
            Some(self.dotted_name()?)
        } else if level == 0 {
            return Err(self.unexpected());
        } else {
            None
        };
        if self.kind() != T::Import {
            return Err(self.unexpected());
        }
        self.advance();
        let mut names = Vec::new();
        if self.kind() == T::Star {
            let t = self.advance();
            names.push(Alias { name: "*".into(), asname: None, range: tok_range(&t) });
            return Ok(StmtKind::ImportFrom { module, names, level });
        }
        let paren = self.eat(T::LPar);
        loop {
            let start = self.pos;
            let (name, _) = self.expect_name()?;
            let asname = if self.eat(T::As) { Some(self.expect_name()?.0) } else { None };
            names.push(Alias { name, asname, range: self.range_from(start) });
            if !self.eat(T::Comma) {
                break;
            }
            if paren && self.kind() == T::RPar {
                break;
            }
            if !paren && self.at_stmt_end() {
                let r = self.prev_range();
                let mut e = self.err_range("trailing comma not allowed without surrounding parentheses", r);
                e.offset += 1;
                e.end_offset = e.offset;
                return Err(e);
            }
        }
        if paren {
            self.expect(T::RPar)?;
        }
        Ok(StmtKind::ImportFrom { module, names, level })
    }

    fn expr_or_assign_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let first = if self.kind() == T::Yield { self.yield_expr()? } else { self.star_expressions()? };
        match self.kind() {
            T::Colon => {
                // Annotated assignment.
                let simple = matches!(first.node, ExprKind::Name { .. }) && self.toks[start].kind != T::LPar;
                match &first.node {
                    ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
                    ExprKind::Tuple { .. } => return Err(self.err_range("only single target (not tuple) can be annotated", first.range)),
                    ExprKind::List { .. } => return Err(self.err_range("only single target (not list) can be annotated", first.range)),
                    _ => return Err(self.err_range("illegal target for annotation", first.range)),
                }
                self.advance();
                let target = self.to_target(first, ExprContext::Store)?;
                let annotation = self.expression()?;
                let value = if self.eat(T::Equal) {
                    Some(Box::new(if self.kind() == T::Yield { self.yield_expr()? } else { self.star_expressions()? }))
                } else {
                    None
                };
                let node = StmtKind::AnnAssign { target: Box::new(target), annotation: Box::new(annotation), value, simple };
                Ok(Stmt { node, range: self.range_from(start) })
            }
            T::Equal => {
                let mut exprs = vec![first];
                while self.eat(T::Equal) {
                    let e = if self.kind() == T::Yield { self.yield_expr()? } else { self.star_expressions()? };
                    exprs.push(e);
                }
                let value = exprs.pop().unwrap();
                let single = exprs.len() == 1;
                let mut targets = Vec::with_capacity(exprs.len());
                for (i, e) in exprs.into_iter().enumerate() {
                    if i == 0 && single && self.maybe_eq_hint(&e, start) && self.at_stmt_end() {
                        if let Some((what, r)) = self.invalid_target(&e, ExprContext::Store) {
                            if r == e.range {
                                return Err(self.err_range(format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", what), r));
                            }
                        }
                    }
                    if matches!(e.node, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }) {
                        return Err(self.err_range("assignment to yield expression not possible", e.range));
                    }
                    targets.push(self.to_target(e, ExprContext::Store)?);
                }
                if !self.at_stmt_end() {
                    return Err(self.unexpected());
                }
                Ok(Stmt { node: StmtKind::Assign { targets, value: Box::new(value) }, range: self.range_from(start) })
            }
            k if aug_op(k).is_some() => {
                let op = aug_op(k).unwrap();
                match &first.node {
                    ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
                    _ => {
                        let what = expr_name(&first);
                        return Err(self.err_range(format!("'{}' is an illegal expression for augmented assignment", what), first.range));
                    }
                }
                self.advance();
                let target = self.to_target(first, ExprContext::Store)?;
                let value = if self.kind() == T::Yield { self.yield_expr()? } else { self.star_expressions()? };
                let node = StmtKind::AugAssign { target: Box::new(target), op, value: Box::new(value) };
                Ok(Stmt { node, range: self.range_from(start) })
            }
            _ => {
                if !self.at_stmt_end() {
                    return Err(self.stmt_junk(&first));
                }
                let range = first.range;
                let _ = range;
                Ok(Stmt { node: StmtKind::Expr { value: Box::new(first) }, range: self.range_from(start) })
            }
        }
    }

    /// An expression statement followed by something that cannot follow
    /// it: CPython's hints for `print x`, else "invalid syntax".
    fn stmt_junk(&mut self, first: &Expr) -> ParseError {
        let bad = self.unexpected();
        if self.kind() == T::ColonEqual && !matches!(first.node, ExprKind::Name { .. }) {
            return self.err_range(format!("cannot use assignment expressions with {}", expr_name(first)), first.range);
        }
        if let ExprKind::Name { id, .. } = &first.node {
            if (id == "print" || id == "exec") && self.starts_expression() {
                let save = self.pos;
                if let Ok(rest) = self.star_expressions() {
                    let r = rng(first.range, rest.range);
                    return self.err_range(format!("Missing parentheses in call to '{}'. Did you mean {}(...)?", id, id), r);
                }
                self.pos = save;
            }
        }
        bad
    }

    /// Whether the current token can begin an expression.
    pub fn starts_expression(&self) -> bool {
        matches!(
            self.kind(),
            T::Name
                | T::Number
                | T::String
                | T::LPar
                | T::LSqb
                | T::LBrace
                | T::Minus
                | T::Plus
                | T::Tilde
                | T::Not
                | T::Await
                | T::Lambda
                | T::None
                | T::True
                | T::False
                | T::Ellipsis
        )
    }
}

fn aug_op(k: T) -> Option<Operator> {
    Some(match k {
        T::PlusEqual => Operator::Add,
        T::MinEqual => Operator::Sub,
        T::StarEqual => Operator::Mult,
        T::AtEqual => Operator::MatMult,
        T::SlashEqual => Operator::Div,
        T::PercentEqual => Operator::Mod,
        T::DoubleStarEqual => Operator::Pow,
        T::LeftShiftEqual => Operator::LShift,
        T::RightShiftEqual => Operator::RShift,
        T::VBarEqual => Operator::BitOr,
        T::CircumflexEqual => Operator::BitXor,
        T::AmperEqual => Operator::BitAnd,
        T::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

/// How CPython's messages name an expression ("cannot assign to ...").
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.node {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}
