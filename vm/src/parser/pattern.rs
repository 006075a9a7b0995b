//! The `match` statement and its patterns.
//!
//! `match` is a soft keyword: a line starting with the name `match` is a
//! match statement only if `match <subject>:` NEWLINE INDENT `case` follows;
//! otherwise it is re-parsed as an ordinary statement.

use super::parser::{rng, tok_range, PResult, Parser};
use super::tokenizer::T;
use crate::ast::*;

fn pat(node: PatternKind, range: Range) -> Pattern {
    Pattern { node, range }
}

impl<'a> Parser<'a> {
    pub fn try_match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let save = (self.pos, self.depth, self.nest);
        let start = self.pos;
        let line = self.tok().line;
        self.advance();
        if !self.starts_expression() && self.kind() != T::Star {
            self.pos = start;
            return Ok(None);
        }
        let subject = match self.subject() {
            Ok(s) if self.kind() == T::Colon => s,
            Ok(_) | Err(_) => {
                // Not `match <expr>:`; CPython then reads an ordinary
                // statement, or reports "expected ':'" if the line cannot be
                // one.
                (self.pos, self.depth, self.nest) = save;
                return Ok(None);
            }
        };
        self.advance();
        if self.kind() != T::Newline {
            return Err(self.unexpected());
        }
        let nl = self.advance();
        if self.kind() != T::Indent {
            let msg = format!("expected an indented block after 'match' statement on line {}", line);
            let t = *self.tok();
            let (l, c, el, ec) = if matches!(t.kind, T::EndMarker | T::Dedent) { (nl.line, nl.col, nl.line, nl.col) } else { (t.line, t.col, t.end_line, t.end_col) };
            return Err(self.err_at(super::ErrorKind::IndentationError, msg, l, c, el, ec));
        }
        self.advance();
        let mut cases = Vec::new();
        while self.at_name("case") {
            cases.push(self.case_block()?);
        }
        if cases.is_empty() || !matches!(self.kind(), T::Dedent | T::EndMarker) {
            return Err(self.unexpected());
        }
        self.eat(T::Dedent);
        let end = self.last_end;
        let range = rng(tok_range(&self.toks[start]), end);
        Ok(Some(Stmt { node: StmtKind::Match { subject: Box::new(subject), cases }, range }))
    }

    fn subject(&mut self) -> PResult<Expr> {
        let sidx = self.pos;
        let first = if self.kind() == T::Star {
            let t = self.advance();
            let v = self.bitwise_or()?;
            let range = self.since(&t);
            Expr { node: ExprKind::Starred { value: Box::new(v), ctx: ExprContext::Load }, range }
        } else {
            self.named_expression()?
        };
        if self.kind() != T::Comma {
            if let ExprKind::Starred { .. } = first.node {
                return Err(self.unexpected());
            }
            return Ok(first);
        }
        self.star_expressions_from(sidx, first)
    }

    fn case_block(&mut self) -> PResult<MatchCase> {
        let line = self.tok().line;
        self.advance();
        let pattern = self.patterns()?;
        let guard = if self.eat(T::If) { Some(Box::new(self.named_expression()?)) } else { None };
        self.expect_colon()?;
        let body = self.block("'case' statement", line)?;
        Ok(MatchCase { pattern, guard, body })
    }

    /// `patterns`: a pattern, or an open sequence `a, *b`.
    fn patterns(&mut self) -> PResult<Pattern> {
        let sidx = self.pos;
        let first = self.maybe_star_pattern()?;
        if self.kind() != T::Comma {
            if let PatternKind::MatchStar { .. } = first.node {
                let r = first.range;
                return Ok(pat(PatternKind::MatchSequence { patterns: vec![first] }, r));
            }
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(T::Comma) {
            if matches!(self.kind(), T::If | T::Colon) {
                break;
            }
            patterns.push(self.maybe_star_pattern()?);
        }
        Ok(pat(PatternKind::MatchSequence { patterns }, self.range_from(sidx)))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.kind() == T::Star {
            let t = self.advance();
            let (n, r) = self.expect_name()?;
            let name = if n == "_" { None } else { Some(n) };
            return Ok(pat(PatternKind::MatchStar { name }, rng(tok_range(&t), r)));
        }
        self.pattern()
    }

    /// `or_pattern ['as' NAME]`.
    fn pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let sidx = self.pos;
        let first = self.closed_pattern()?;
        let mut p = if self.kind() == T::VBar {
            let mut patterns = vec![first];
            while self.eat(T::VBar) {
                patterns.push(self.closed_pattern()?);
            }
            pat(PatternKind::MatchOr { patterns }, self.range_from(sidx))
        } else {
            first
        };
        if self.eat(T::As) {
            if self.kind() != T::Name {
                if self.starts_expression() {
                    let e = self.bitwise_or()?;
                    return Err(self.err_range("invalid pattern target", e.range));
                }
                return Err(self.unexpected());
            }
            let (n, r) = self.expect_name()?;
            if n == "_" {
                return Err(self.err_range("cannot use '_' as a target", r));
            }
            let _ = r;
            let range = self.range_from(sidx);
            p = pat(PatternKind::MatchAs { pattern: Some(Box::new(p)), name: Some(n) }, range);
        }
        Ok(p)
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let t = *self.tok();
        let r = tok_range(&t);
        match t.kind {
            T::Name => {
                let name = self.name_text(&t);
                if self.kind_at(1) != T::Dot && self.kind_at(1) != T::LPar {
                    self.advance();
                    let name = if name == "_" { None } else { Some(name) };
                    return Ok(pat(PatternKind::MatchAs { pattern: None, name }, r));
                }
                // Dotted value or class pattern.
                self.advance();
                let mut e = Expr { node: ExprKind::Name { id: name, ctx: ExprContext::Load }, range: r };
                while self.eat(T::Dot) {
                    let (attr, ar) = self.expect_name()?;
                    let range = rng(e.range, ar);
                    e = Expr { node: ExprKind::Attribute { value: Box::new(e), attr, ctx: ExprContext::Load }, range };
                }
                if self.kind() == T::LPar {
                    return self.class_pattern(e);
                }
                let range = e.range;
                Ok(pat(PatternKind::MatchValue { value: Box::new(e) }, range))
            }
            T::None | T::True | T::False => {
                self.advance();
                let v = match t.kind {
                    T::None => Constant::None,
                    T::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                Ok(pat(PatternKind::MatchSingleton { value: v }, r))
            }
            T::Number | T::Minus | T::String => {
                let e = self.literal_pattern_expr()?;
                let range = e.range;
                Ok(pat(PatternKind::MatchValue { value: Box::new(e) }, range))
            }
            T::LPar | T::LSqb => {
                let close = if t.kind == T::LPar { T::RPar } else { T::RSqb };
                self.advance();
                self.nest += 1;
                let mut patterns = Vec::new();
                let mut trailing_comma = false;
                while self.kind() != close {
                    patterns.push(self.maybe_star_pattern()?);
                    trailing_comma = false;
                    if !self.eat(T::Comma) {
                        break;
                    }
                    trailing_comma = true;
                }
                self.expect(close)?;
                self.nest -= 1;
                let range = self.range_from_tok(r);
                if close == T::RPar && patterns.len() == 1 && !trailing_comma && !matches!(patterns[0].node, PatternKind::MatchStar { .. }) {
                    // A parenthesized pattern, not a sequence.
                    return Ok(patterns.pop().unwrap());
                }
                Ok(pat(PatternKind::MatchSequence { patterns }, range))
            }
            T::LBrace => self.mapping_pattern(),
            _ => Err(self.unexpected()),
        }
    }

    fn range_from_tok(&self, r: Range) -> Range {
        rng(r, self.prev_range())
    }

    /// Numbers (signed, complex), strings: the expression a value pattern
    /// compares with.
    fn literal_pattern_expr(&mut self) -> PResult<Expr> {
        let t = *self.tok();
        if t.kind == T::String {
            let e = self.strings()?;
            if let ExprKind::JoinedStr { .. } = e.node {
                return Err(self.err_range("patterns may only match literals and attribute lookups", e.range));
            }
            return Ok(e);
        }
        let left = self.signed_number()?;
        if matches!(self.kind(), T::Plus | T::Minus) {
            let op = if self.kind() == T::Plus { Operator::Add } else { Operator::Sub };
            self.advance();
            let nt = *self.tok();
            if nt.kind != T::Number {
                return Err(self.unexpected());
            }
            self.advance();
            let right = Expr { node: ExprKind::Constant { value: super::expr::parse_number(self.text(&nt)), kind: None }, range: tok_range(&nt) };
            if !matches!(right.node, ExprKind::Constant { value: Constant::Complex { .. }, .. }) {
                return Err(self.err_range("imaginary number required in complex literal", right.range));
            }
            if matches!(left.node, ExprKind::Constant { value: Constant::Complex { .. }, .. })
                || matches!(&left.node, ExprKind::UnaryOp { operand, .. } if matches!(operand.node, ExprKind::Constant { value: Constant::Complex { .. }, .. }))
            {
                return Err(self.err_range("real number required in complex literal", left.range));
            }
            let range = rng(left.range, right.range);
            return Ok(Expr { node: ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) }, range });
        }
        Ok(left)
    }

    fn signed_number(&mut self) -> PResult<Expr> {
        let neg = if self.kind() == T::Minus { Some(self.advance()) } else { None };
        let nt = *self.tok();
        if nt.kind != T::Number {
            return Err(self.unexpected());
        }
        self.advance();
        let c = Expr { node: ExprKind::Constant { value: super::expr::parse_number(self.text(&nt)), kind: None }, range: tok_range(&nt) };
        Ok(match neg {
            Some(m) => {
                let range = rng(tok_range(&m), c.range);
                Expr { node: ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(c) }, range }
            }
            None => c,
        })
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.cur_range();
        self.advance();
        self.nest += 1;
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while self.kind() != T::RBrace {
            if self.eat(T::DoubleStar) {
                rest = Some(self.expect_name()?.0);
                self.eat(T::Comma);
                break;
            }
            let key = match self.kind() {
                T::None | T::True | T::False => {
                    let t = self.advance();
                    let v = match t.kind {
                        T::None => Constant::None,
                        T::True => Constant::Bool(true),
                        _ => Constant::Bool(false),
                    };
                    Expr { node: ExprKind::Constant { value: v, kind: None }, range: tok_range(&t) }
                }
                T::Name => {
                    let (id, r) = self.expect_name()?;
                    let mut e = Expr { node: ExprKind::Name { id, ctx: ExprContext::Load }, range: r };
                    if self.kind() != T::Dot {
                        return Err(self.unexpected());
                    }
                    while self.eat(T::Dot) {
                        let (attr, ar) = self.expect_name()?;
                        let range = rng(e.range, ar);
                        e = Expr { node: ExprKind::Attribute { value: Box::new(e), attr, ctx: ExprContext::Load }, range };
                    }
                    e
                }
                _ => self.literal_pattern_expr()?,
            };
            self.expect(T::Colon)?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat(T::Comma) {
                break;
            }
        }
        self.expect(T::RBrace)?;
        self.nest -= 1;
        Ok(pat(PatternKind::MatchMapping { keys, patterns, rest }, rng(start, self.prev_range())))
    }

    fn class_pattern(&mut self, cls: Expr) -> PResult<Pattern> {
        self.advance();
        self.nest += 1;
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while self.kind() != T::RPar {
            if self.kind() == T::Name && self.kind_at(1) == T::Equal {
                let (n, _) = self.expect_name()?;
                self.advance();
                kwd_attrs.push(n);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(self.err_range("positional patterns follow keyword patterns", p.range));
                }
                patterns.push(p);
            }
            if !self.eat(T::Comma) {
                break;
            }
        }
        self.expect(T::RPar)?;
        self.nest -= 1;
        let range = rng(cls.range, self.prev_range());
        Ok(pat(PatternKind::MatchClass { cls: Box::new(cls), patterns, kwd_attrs, kwd_patterns }, range))
    }
}
