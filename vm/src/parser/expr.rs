//! Expressions, assignment targets, call arguments and parameter lists.
//!
//! Binary operators use precedence climbing so that one nesting level of
//! source costs a handful of Rust frames, not one per grammar rule.

use super::parser::{expr_name, rng, tok_range, PResult, Parser};
use super::tokenizer::T;
use super::ParseError;
use crate::ast::*;
use num_bigint::BigInt;

fn mk(node: ExprKind, range: Range) -> Expr {
    Expr { node, range }
}

fn binop_of(k: T) -> Option<(Operator, u8)> {
    Some(match k {
        T::VBar => (Operator::BitOr, 1),
        T::Circumflex => (Operator::BitXor, 2),
        T::Amper => (Operator::BitAnd, 3),
        T::LeftShift => (Operator::LShift, 4),
        T::RightShift => (Operator::RShift, 4),
        T::Plus => (Operator::Add, 5),
        T::Minus => (Operator::Sub, 5),
        T::Star => (Operator::Mult, 6),
        T::Slash => (Operator::Div, 6),
        T::DoubleSlash => (Operator::FloorDiv, 6),
        T::Percent => (Operator::Mod, 6),
        T::At => (Operator::MatMult, 6),
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    // ----- expression lists -----

    /// `star_expressions`: one expression, or a tuple if there are commas.
    pub fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let first = self.star_expression()?;
        if self.kind() != T::Comma {
            return Ok(first);
        }
        self.star_expressions_from(start, first)
    }

    /// Continues a comma list after `first` (current token is ',').
    pub fn star_expressions_from(&mut self, start: usize, first: Expr) -> PResult<Expr> {
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if !self.starts_expression() && self.kind() != T::Star {
                break;
            }
            elts.push(self.star_expression()?);
        }
        let range = self.range_from(start);
        Ok(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, range))
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.kind() == T::Star {
            let t = self.advance();
            let v = self.bitwise_or()?;
            let range = self.since(&t);
            return Ok(mk(ExprKind::Starred { value: Box::new(v), ctx: ExprContext::Load }, range));
        }
        self.expression()
    }

    /// `*x` or an expression (del targets, star targets' elements).
    pub fn expression_or_star(&mut self) -> PResult<Expr> {
        self.star_expression()
    }

    fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.kind() == T::Star {
            let t = self.advance();
            let v = self.bitwise_or()?;
            let range = self.since(&t);
            return Ok(mk(ExprKind::Starred { value: Box::new(v), ctx: ExprContext::Load }, range));
        }
        self.named_expression()
    }

    /// `NAME := expression` or an expression.
    pub fn named_expression(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let e = self.expression()?;
        if self.kind() == T::ColonEqual {
            if !matches!(e.node, ExprKind::Name { .. }) {
                return Err(self.err_range(format!("cannot use assignment expressions with {}", expr_name(&e)), e.range));
            }
            self.advance();
            let value = self.expression()?;
            let range = self.range_from(start);
            let target = self.to_target(e, ExprContext::Store)?;
            return Ok(mk(ExprKind::NamedExpr { target: Box::new(target), value: Box::new(value) }, range));
        }
        Ok(e)
    }

    /// `a b` inside brackets: "Perhaps you forgot a comma?".
    fn forgot_comma(&mut self, a: Expr) -> ParseError {
        let generic = self.unexpected();
        // CPython skips the hint for `NAME STRING` (a prefix typo) and after
        // soft keywords.
        let is_name = matches!(a.node, ExprKind::Name { .. });
        if is_name && self.kind() == T::String {
            return generic;
        }
        if let ExprKind::Name { id, .. } = &a.node {
            if (id == "match" || id == "case" || id == "_") && a.range.end_col_offset - a.range.col_offset == id.len() as u32 {
                return generic;
            }
        }
        let save = (self.pos, self.depth);
        let nest = self.nest;
        self.nest = 0;
        let r = self.expression();
        self.nest = nest;
        (self.pos, self.depth) = save;
        match r {
            Ok(b) => self.err_range("invalid syntax. Perhaps you forgot a comma?", rng(a.range, b.range)),
            Err(_) => generic,
        }
    }

    /// `target = value` where `==` or `:=` was probably meant.
    pub fn stray_equal(&mut self, e: Expr, start: usize) -> ParseError {
        let generic = self.unexpected();
        let save = (self.pos, self.depth);
        self.advance();
        let rhs = self.bitwise_or();
        let follows_eq = matches!(self.kind(), T::Equal | T::ColonEqual);
        (self.pos, self.depth) = save;
        let Ok(rhs) = rhs else { return generic };
        if follows_eq {
            return generic;
        }
        if matches!(e.node, ExprKind::Name { .. }) {
            return self.err_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", rng(e.range, rhs.range));
        }
        if self.maybe_eq_hint(&e, start) {
            return self.err_range(format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(&e)), e.range);
        }
        generic
    }

    /// Targets for which CPython adds "Maybe you meant '=='": bitwise_or
    /// level expressions other than displays and True/False/None.
    pub fn maybe_eq_hint(&self, e: &Expr, start: usize) -> bool {
        let t = &self.toks[start];
        let parenthesized = t.kind == T::LPar && (e.range.lineno, e.range.col_offset) != (t.line, t.col);
        match &e.node {
            ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. } => false,
            ExprKind::Constant { value: Constant::None | Constant::Bool(_), .. } => false,
            _ if parenthesized => true,
            ExprKind::List { .. } => false,
            ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred { .. }
            | ExprKind::Yield { .. }
            | ExprKind::YieldFrom { .. } => false,
            ExprKind::UnaryOp { op: UnaryOp::Not, .. } => false,
            _ => true,
        }
    }

    // ----- conditional, lambda, boolean -----

    pub fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        let e = r?;
        if self.nest > 0 && self.starts_expression() && !matches!(self.kind(), T::Not) {
            return Err(self.forgot_comma(e));
        }
        Ok(e)
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.kind() == T::Lambda {
            return self.lambda();
        }
        let start = self.pos;
        let body = self.disjunction()?;
        if self.kind() != T::If {
            return Ok(body);
        }
        self.advance();
        let test = self.disjunction()?;
        if self.kind() != T::Else {
            if matches!(self.kind(), T::Newline | T::EndMarker | T::RPar | T::RSqb | T::RBrace | T::Comma | T::Colon | T::Semi | T::Equal) {
                return Err(self.err_range("expected 'else' after 'if' expression", rng(body.range, test.range)));
            }
            return Err(self.unexpected());
        }
        self.advance();
        let orelse = self.expression()?;
        let range = self.range_from(start);
        Ok(mk(ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) }, range))
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let t = self.advance();
        let args = self.parameters(T::Colon)?;
        self.expect(T::Colon)?;
        let body = self.expression()?;
        let range = self.since(&t);
        Ok(mk(ExprKind::Lambda { args: Box::new(args), body: Box::new(body) }, range))
    }

    pub fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let first = self.conjunction()?;
        if self.kind() != T::Or {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(T::Or) {
            values.push(self.conjunction()?);
        }
        let range = self.range_from(start);
        Ok(mk(ExprKind::BoolOp { op: BoolOp::Or, values }, range))
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let first = self.inversion()?;
        if self.kind() != T::And {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(T::And) {
            values.push(self.inversion()?);
        }
        let range = self.range_from(start);
        Ok(mk(ExprKind::BoolOp { op: BoolOp::And, values }, range))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.kind() == T::Not {
            let t = self.advance();
            self.enter()?;
            let operand = self.inversion();
            self.leave();
            let operand = operand?;
            let range = self.since(&t);
            return Ok(mk(ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(operand) }, range));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let op = match self.kind() {
                T::EqEqual => CmpOp::Eq,
                T::NotEqual => {
                    // `<>` is only valid under `from __future__ import barry_as_FLUFL`.
                    if self.cur_text() == "<>" {
                        return Err(self.unexpected());
                    }
                    CmpOp::NotEq
                }
                T::Less => CmpOp::Lt,
                T::LessEqual => CmpOp::LtE,
                T::Greater => CmpOp::Gt,
                T::GreaterEqual => CmpOp::GtE,
                T::In => CmpOp::In,
                T::Is => {
                    if self.kind_at(1) == T::Not {
                        self.advance();
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                T::Not if self.kind_at(1) == T::In => {
                    self.advance();
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.advance();
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let range = self.range_from(start);
        Ok(mk(ExprKind::Compare { left: Box::new(left), ops, comparators }, range))
    }

    // ----- binary and unary operators -----

    pub fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.pos;
        let mut left = self.factor()?;
        let mut links = 0;
        while let Some((op, prec)) = binop_of(self.kind()) {
            if prec < min_prec {
                break;
            }
            self.advance();
            let right = if prec == 6 { self.factor()? } else { self.binary(prec + 1)? };
            links += 1;
            self.check_chain(links)?;
            let range = self.range_from(start);
            left = mk(ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) }, range);
        }
        Ok(left)
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.kind() {
            T::Minus => UnaryOp::USub,
            T::Plus => UnaryOp::UAdd,
            T::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let t = self.advance();
        self.enter()?;
        let operand = self.factor();
        self.leave();
        let operand = operand?;
        let range = self.since(&t);
        Ok(mk(ExprKind::UnaryOp { op, operand: Box::new(operand) }, range))
    }

    fn power(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let left = if self.kind() == T::Await {
            let t = self.advance();
            let v = self.primary()?;
            let range = self.since(&t);
            mk(ExprKind::Await { value: Box::new(v) }, range)
        } else {
            self.primary()?
        };
        if self.kind() != T::DoubleStar {
            return Ok(left);
        }
        self.advance();
        self.enter()?;
        let right = self.factor();
        self.leave();
        let right = right?;
        let range = self.range_from(start);
        Ok(mk(ExprKind::BinOp { left: Box::new(left), op: Operator::Pow, right: Box::new(right) }, range))
    }

    /// An atom followed by `.name`, `(args)` and `[slices]` trailers.
    pub fn primary(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let mut e = self.atom()?;
        let mut links = 0;
        loop {
            match self.kind() {
                T::Dot => {
                    self.advance();
                    let (attr, r) = self.expect_name()?;
                    let _ = r;
                    let range = self.range_from(start);
                    e = mk(ExprKind::Attribute { value: Box::new(e), attr, ctx: ExprContext::Load }, range);
                }
                T::LPar => {
                    let lp = self.pos;
                    self.advance();
                    let (args, keywords) = self.call_args(lp, true)?;
                    let range = self.range_from(start);
                    e = mk(ExprKind::Call { func: Box::new(e), args, keywords }, range);
                }
                T::LSqb => {
                    self.advance();
                    self.nest += 1;
                    let slice = self.slices()?;
                    self.nest -= 1;
                    self.expect(T::RSqb)?;
                    let range = self.range_from(start);
                    e = mk(ExprKind::Subscript { value: Box::new(e), slice: Box::new(slice), ctx: ExprContext::Load }, range);
                }
                _ => return Ok(e),
            }
            links += 1;
            self.check_chain(links)?;
        }
    }

    fn slices(&mut self) -> PResult<Expr> {
        let sidx = self.pos;
        let first = self.slice_item()?;
        if self.kind() != T::Comma {
            if let ExprKind::Starred { .. } = first.node {
                let range = first.range;
                return Ok(mk(ExprKind::Tuple { elts: vec![first], ctx: ExprContext::Load }, range));
            }
            return Ok(first);
        }
        let start = first.range;
        let mut end = first.range;
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if self.kind() == T::RSqb {
                break;
            }
            let e = self.slice_item()?;
            end = e.range;
            elts.push(e);
        }
        let _ = (start, end);
        Ok(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.range_from(sidx)))
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        if self.kind() == T::Star {
            return self.star_named_expression();
        }
        let start = self.cur_range();
        let lower = if self.kind() != T::Colon {
            let e = self.named_expression()?;
            if self.kind() != T::Colon {
                return Ok(e);
            }
            Some(Box::new(e))
        } else {
            None
        };
        self.expect(T::Colon)?;
        let upper = if matches!(self.kind(), T::Colon | T::Comma | T::RSqb) { None } else { Some(Box::new(self.expression()?)) };
        let mut step = None;
        if self.eat(T::Colon) && !matches!(self.kind(), T::Comma | T::RSqb) {
            step = Some(Box::new(self.expression()?));
        }
        let range = rng(start, self.prev_range());
        Ok(mk(ExprKind::Slice { lower, upper, step }, range))
    }

    // ----- atoms -----

    fn atom(&mut self) -> PResult<Expr> {
        let t = *self.tok();
        let r = tok_range(&t);
        let c = |v| ExprKind::Constant { value: v, kind: None };
        let node = match t.kind {
            T::Name => {
                self.advance();
                ExprKind::Name { id: self.name_text(&t), ctx: ExprContext::Load }
            }
            T::True => {
                self.advance();
                c(Constant::Bool(true))
            }
            T::False => {
                self.advance();
                c(Constant::Bool(false))
            }
            T::None => {
                self.advance();
                c(Constant::None)
            }
            T::Ellipsis => {
                self.advance();
                c(Constant::Ellipsis)
            }
            T::Number => {
                self.advance();
                c(parse_number(self.text(&t)))
            }
            T::String => return self.strings(),
            T::LPar => return self.paren_atom(),
            T::LSqb => return self.list_atom(),
            T::LBrace => return self.brace_atom(),
            _ => return Err(self.unexpected()),
        };
        Ok(mk(node, r))
    }

    fn paren_atom(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.advance();
        self.nest += 1;
        let r = self.paren_inner(start);
        self.nest -= 1;
        r
    }

    fn paren_inner(&mut self, start: usize) -> PResult<Expr> {
        if self.eat(T::RPar) {
            return Ok(mk(ExprKind::Tuple { elts: vec![], ctx: ExprContext::Load }, self.range_from(start)));
        }
        if self.kind() == T::Yield {
            let e = self.yield_expr()?;
            self.expect(T::RPar)?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        match self.kind() {
            T::RPar => {
                self.advance();
                if let ExprKind::Starred { .. } = first.node {
                    return Err(self.err_range("cannot use starred expression here", first.range));
                }
                Ok(first)
            }
            T::For | T::Async => {
                let generators = self.comprehension_clauses()?;
                self.expect(T::RPar)?;
                Ok(mk(ExprKind::GeneratorExp { elt: Box::new(first), generators }, self.range_from(start)))
            }
            T::Comma => {
                let mut elts = vec![first];
                while self.eat(T::Comma) {
                    if self.kind() == T::RPar {
                        break;
                    }
                    elts.push(self.star_named_expression()?);
                }
                self.expect(T::RPar)?;
                Ok(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.range_from(start)))
            }
            _ => Err(self.unexpected()),
        }
    }

    fn list_atom(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.advance();
        self.nest += 1;
        let r = self.list_inner(start);
        self.nest -= 1;
        r
    }

    fn list_inner(&mut self, start: usize) -> PResult<Expr> {
        if self.eat(T::RSqb) {
            return Ok(mk(ExprKind::List { elts: vec![], ctx: ExprContext::Load }, self.range_from(start)));
        }
        let first = self.star_named_expression()?;
        if matches!(self.kind(), T::For | T::Async) {
            let generators = self.comprehension_clauses()?;
            self.expect(T::RSqb)?;
            return Ok(mk(ExprKind::ListComp { elt: Box::new(first), generators }, self.range_from(start)));
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if self.kind() == T::RSqb {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.expect(T::RSqb)?;
        Ok(mk(ExprKind::List { elts, ctx: ExprContext::Load }, self.range_from(start)))
    }

    fn brace_atom(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.advance();
        self.nest += 1;
        let r = self.brace_inner(start);
        self.nest -= 1;
        r
    }

    fn brace_inner(&mut self, start: usize) -> PResult<Expr> {
        if self.eat(T::RBrace) {
            return Ok(mk(ExprKind::Dict { keys: vec![], values: vec![] }, self.range_from(start)));
        }
        let (mut keys, mut values) = (Vec::new(), Vec::new());
        if self.kind() == T::DoubleStar {
            // Dict display starting with `**m`.
        } else {
            let first_tok = self.kind();
            let first = self.star_named_expression()?;
            if self.kind() != T::Colon || matches!(first.node, ExprKind::Starred { .. }) {
                // A set.
                if matches!(self.kind(), T::For | T::Async) {
                    let generators = self.comprehension_clauses()?;
                    self.expect(T::RBrace)?;
                    return Ok(mk(ExprKind::SetComp { elt: Box::new(first), generators }, self.range_from(start)));
                }
                let mut elts = vec![first];
                while self.eat(T::Comma) {
                    if self.kind() == T::RBrace {
                        break;
                    }
                    elts.push(self.star_named_expression()?);
                }
                self.expect(T::RBrace)?;
                return Ok(mk(ExprKind::Set { elts }, self.range_from(start)));
            }
            if matches!(first.node, ExprKind::NamedExpr { .. }) && first_tok != T::LPar {
                return Err(self.unexpected());
            }
            self.advance();
            let v = self.expression()?;
            if matches!(self.kind(), T::For | T::Async) {
                let generators = self.comprehension_clauses()?;
                self.expect(T::RBrace)?;
                let node = ExprKind::DictComp { key: Box::new(first), value: Box::new(v), generators };
                return Ok(mk(node, self.range_from(start)));
            }
            keys.push(Some(first));
            values.push(v);
            if !self.eat(T::Comma) {
                self.expect(T::RBrace)?;
                return Ok(mk(ExprKind::Dict { keys, values }, self.range_from(start)));
            }
        }
        while self.kind() != T::RBrace {
            if self.eat(T::DoubleStar) {
                keys.push(None);
                values.push(self.bitwise_or()?);
            } else {
                let k = self.expression()?;
                if self.kind() != T::Colon {
                    if self.kind() == T::RBrace || self.kind() == T::Comma {
                        return Err(self.err_range("':' expected after dictionary key", k.range));
                    }
                    return Err(self.unexpected());
                }
                self.advance();
                keys.push(Some(k));
                values.push(self.expression()?);
            }
            if !self.eat(T::Comma) {
                break;
            }
        }
        self.expect(T::RBrace)?;
        Ok(mk(ExprKind::Dict { keys, values }, self.range_from(start)))
    }

    pub fn yield_expr(&mut self) -> PResult<Expr> {
        let t = self.advance();
        if self.eat(T::From) {
            let v = self.expression()?;
            let range = self.since(&t);
            return Ok(mk(ExprKind::YieldFrom { value: Box::new(v) }, range));
        }
        if self.starts_expression() || self.kind() == T::Star {
            let v = self.star_expressions()?;
            let range = self.since(&t);
            return Ok(mk(ExprKind::Yield { value: Some(Box::new(v)) }, range));
        }
        Ok(mk(ExprKind::Yield { value: None }, tok_range(&t)))
    }

    /// `for x in y if c ...` clauses of a comprehension.
    fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        while matches!(self.kind(), T::For | T::Async) {
            let is_async = self.eat(T::Async);
            self.expect(T::For)?;
            let target = self.star_targets()?;
            if self.kind() != T::In {
                return Err(self.unexpected());
            }
            self.advance();
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(T::If) {
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension { target, iter, ifs, is_async });
        }
        Ok(gens)
    }

    // ----- targets -----

    /// `star_targets` of `for` and comprehensions: parsed below the
    /// comparison level so that `in` ends them.
    pub fn star_targets(&mut self) -> PResult<Expr> {
        let sidx = self.pos;
        let first = self.star_target_elt()?;
        if self.kind() != T::Comma {
            return self.to_target(first, ExprContext::Store);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if !self.starts_expression() && self.kind() != T::Star {
                break;
            }
            elts.push(self.star_target_elt()?);
        }
        let range = self.range_from(sidx);
        self.to_target(mk(ExprKind::Tuple { elts, ctx: ExprContext::Load }, range), ExprContext::Store)
    }

    fn star_target_elt(&mut self) -> PResult<Expr> {
        if self.kind() == T::Star {
            let t = self.advance();
            let v = self.star_target_elt()?;
            let range = self.since(&t);
            return Ok(mk(ExprKind::Starred { value: Box::new(v), ctx: ExprContext::Load }, range));
        }
        self.bitwise_or()
    }

    /// A single target (`with ... as t`).
    pub fn star_target(&mut self) -> PResult<Expr> {
        let e = self.star_target_elt()?;
        self.to_target(e, ExprContext::Store)
    }

    /// The innermost part of `e` that cannot be a target, with its name.
    pub fn invalid_target(&self, e: &Expr, ctx: ExprContext) -> Option<(&'static str, Range)> {
        match &e.node {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
            ExprKind::Starred { value, .. } => {
                if ctx == ExprContext::Del {
                    Some(("starred", e.range))
                } else {
                    self.invalid_target(value, ctx)
                }
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => elts.iter().find_map(|x| self.invalid_target(x, ctx)),
            ExprKind::Compare { left, .. } if ctx == ExprContext::Store => {
                // CPython points into `a in b` only when the left side is the
                // culprit (e.g. `for x in y in z` is fine to report whole).
                self.invalid_target(left, ctx).or(Some((expr_name(e), e.range)))
            }
            _ => Some((expr_name(e), e.range)),
        }
    }

    /// Checks `e` as an assignment/deletion target and sets its context.
    pub fn to_target(&self, mut e: Expr, ctx: ExprContext) -> PResult<Expr> {
        if let Some((what, r)) = self.invalid_target(&e, ctx) {
            let verb = if ctx == ExprContext::Del { "delete" } else { "assign to" };
            return Err(self.err_range(format!("cannot {} {}", verb, what), r));
        }
        set_ctx(&mut e, ctx);
        Ok(e)
    }

    // ----- calls -----

    /// Arguments after `(` (token index `lp`) up to and including `)`.
    pub fn call_args(&mut self, lp: usize, allow_genexp: bool) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.nest += 1;
        let r = self.call_args_inner(lp, allow_genexp);
        self.nest -= 1;
        r
    }

    fn call_args_inner(&mut self, lp: usize, allow_genexp: bool) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args: Vec<Expr> = Vec::new();
        let mut kws: Vec<Keyword> = Vec::new();
        let mut seen_kw = false;
        let mut seen_kw_unpack = false;
        while self.kind() != T::RPar {
            let start = self.pos;
            match self.kind() {
                T::Star => {
                    let t = self.advance();
                    let v = self.expression()?;
                    let range = self.since(&t);
                    if seen_kw_unpack {
                        return Err(self.err_range("iterable argument unpacking follows keyword argument unpacking", range));
                    }
                    args.push(mk(ExprKind::Starred { value: Box::new(v), ctx: ExprContext::Load }, range));
                }
                T::DoubleStar => {
                    self.advance();
                    let v = self.expression()?;
                    seen_kw_unpack = true;
                    let range = self.range_from(start);
                    kws.push(Keyword { arg: None, value: v, range });
                }
                T::Name if self.kind_at(1) == T::Equal => {
                    let t = self.advance();
                    self.advance();
                    let v = self.expression()?;
                    if matches!(self.kind(), T::For | T::Async) {
                        let r = self.since(&t);
                        return Err(self.err_range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", r));
                    }
                    seen_kw = true;
                    let range = self.range_from(start);
                    kws.push(Keyword { arg: Some(self.name_text(&t)), value: v, range });
                }
                T::True | T::False | T::None if self.kind_at(1) == T::Equal => {
                    let t = self.advance();
                    let e = self.advance();
                    let r = rng(tok_range(&t), tok_range(&e));
                    return Err(self.err_range(format!("cannot assign to {}", self.text(&t)), r));
                }
                _ => {
                    let e = self.named_expression()?;
                    if matches!(self.kind(), T::For | T::Async) {
                        if !allow_genexp {
                            return Err(self.unexpected());
                        }
                        let generators = self.comprehension_clauses()?;
                        let gen_range = rng(e.range, self.prev_range());
                        if !args.is_empty() || !kws.is_empty() || self.kind() != T::RPar {
                            return Err(self.err_range("Generator expression must be parenthesized", gen_range));
                        }
                        self.advance();
                        let range = self.range_from(lp);
                        args.push(mk(ExprKind::GeneratorExp { elt: Box::new(e), generators }, range));
                        return Ok((args, kws));
                    }
                    if self.kind() == T::Equal {
                        let r = rng(e.range, self.cur_range());
                        return Err(self.err_range("expression cannot contain assignment, perhaps you meant \"==\"?", r));
                    }
                    // CPython points at the token after the argument.
                    if seen_kw_unpack {
                        let _ = e;
                        return Err(self.err_range("positional argument follows keyword argument unpacking", self.cur_range()));
                    }
                    if seen_kw {
                        return Err(self.err_range("positional argument follows keyword argument", self.cur_range()));
                    }
                    args.push(e);
                }
            }
            if !self.eat(T::Comma) {
                break;
            }
        }
        self.expect(T::RPar)?;
        // A generator expression followed by more arguments was caught
        // above; one preceded by others is caught here.
        Ok((args, kws))
    }

    // ----- parameters -----

    /// Parameters of `def` (ending at `)`) or `lambda` (ending at `:`).
    pub fn parameters(&mut self, end: T) -> PResult<Arguments> {
        let lambda = end == T::Colon;
        let mut a = Arguments::default();
        let mut seen_default = false;
        let mut star_seen = false;
        let mut bare_star: Option<Range> = None;
        let mut slash_seen = false;
        while self.kind() != end {
            match self.kind() {
                T::Slash => {
                    let t = self.advance();
                    if slash_seen {
                        return Err(self.err_range("/ may appear only once", tok_range(&t)));
                    }
                    if star_seen {
                        return Err(self.err_range("/ must be ahead of *", tok_range(&t)));
                    }
                    if a.args.is_empty() {
                        if lambda {
                            return Err(self.err_range("invalid syntax", tok_range(&t)));
                        }
                        return Err(self.err_range("at least one argument must precede /", tok_range(&t)));
                    }
                    slash_seen = true;
                    a.posonlyargs = std::mem::take(&mut a.args);
                }
                T::Star => {
                    let t = self.advance();
                    if star_seen {
                        return Err(self.err_range("* argument may appear only once", tok_range(&t)));
                    }
                    star_seen = true;
                    if matches!(self.kind(), T::Comma) || self.kind() == end {
                        bare_star = Some(tok_range(&t));
                        if self.kind() == end || (self.kind() == T::Comma && self.kind_at(1) == end) {
                            let r = if lambda { self.cur_range() } else { tok_range(&t) };
                            return Err(self.err_range("named arguments must follow bare *", r));
                        }
                    } else {
                        a.vararg = Some(self.param(lambda, true)?);
                        if self.kind() == T::Equal {
                            let r = self.cur_range();
                            return Err(self.err_range("var-positional argument cannot have default value", r));
                        }
                    }
                }
                T::DoubleStar => {
                    self.advance();
                    a.kwarg = Some(self.param(lambda, false)?);
                    if self.kind() == T::Equal {
                        let r = self.cur_range();
                        return Err(self.err_range("var-keyword argument cannot have default value", r));
                    }
                    self.eat(T::Comma);
                    if self.kind() != end {
                        let r = self.cur_range();
                        return Err(self.err_range("arguments cannot follow var-keyword argument", r));
                    }
                    break;
                }
                _ => {
                    let p = self.param(lambda, false)?;
                    let default = if self.eat(T::Equal) { Some(self.expression()?) } else { None };
                    if star_seen {
                        a.kwonlyargs.push(p);
                        a.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(d) => {
                                seen_default = true;
                                a.defaults.push(d);
                            }
                            None if seen_default => {
                                return Err(self.err_range("non-default argument follows default argument", p.range));
                            }
                            None => {}
                        }
                        a.args.push(p);
                    }
                }
            }
            if !self.eat(T::Comma) {
                break;
            }
        }
        if bare_star.is_some() && a.kwonlyargs.is_empty() {
            return Err(self.err_range("named arguments must follow bare *", bare_star.unwrap()));
        }
        if self.kind() != end {
            return Err(self.unexpected());
        }
        Ok(a)
    }

    fn param(&mut self, lambda: bool, star: bool) -> PResult<Arg> {
        let (arg, r) = self.expect_name()?;
        let mut range = r;
        let annotation = if !lambda && self.eat(T::Colon) {
            let e = if star && self.kind() == T::Star { self.star_expression()? } else { self.expression()? };
            range = rng(r, self.prev_range());
            Some(Box::new(e))
        } else {
            None
        };
        Ok(Arg { arg, annotation, range })
    }
}

/// Sets the context of a target and its elements.
pub(crate) fn set_ctx(e: &mut Expr, ctx: ExprContext) {
    match &mut e.node {
        ExprKind::Name { ctx: c, .. } | ExprKind::Attribute { ctx: c, .. } | ExprKind::Subscript { ctx: c, .. } => *c = ctx,
        ExprKind::Starred { value, ctx: c } => {
            *c = ctx;
            set_ctx(value, ctx);
        }
        ExprKind::Tuple { elts, ctx: c } | ExprKind::List { elts, ctx: c } => {
            *c = ctx;
            for x in elts {
                set_ctx(x, ctx);
            }
        }
        _ => {}
    }
}

/// The value of a NUMBER token (already validated by the tokenizer).
pub(crate) fn parse_number(text: &str) -> Constant {
    let s: String = if text.contains('_') { text.chars().filter(|&c| c != '_').collect() } else { text.to_string() };
    let b = s.as_bytes();
    if b.len() > 1 && b[0] == b'0' && matches!(b[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
        let radix = match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            _ => 2,
        };
        return Constant::Int(BigInt::parse_bytes(&b[2..], radix).unwrap_or_default());
    }
    if let Some(im) = s.strip_suffix(['j', 'J']) {
        return Constant::Complex { real: 0.0, imag: im.parse::<f64>().unwrap_or(f64::INFINITY) };
    }
    if s.contains(['.', 'e', 'E']) {
        return Constant::Float(s.parse::<f64>().unwrap_or(f64::INFINITY));
    }
    if s.len() <= 18 {
        return Constant::Int(BigInt::from(s.parse::<i64>().unwrap_or(0)));
    }
    Constant::Int(BigInt::parse_bytes(s.as_bytes(), 10).unwrap_or_default())
}
