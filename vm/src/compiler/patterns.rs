//! `match` statements, as CPython 3.11's compiler_match and compiler_pattern_*.
//!
//! A pattern is compiled against the subject on top of the stack. Names it
//! captures are kept on the stack (below `on_top` working items) and stored
//! only when the whole pattern matched; on failure, the code jumps to
//! `fail_pop[n]`, a chain of POP_TOPs that drops the `n` items pushed so far.

use super::codegen::*;
use super::codegen_expr::fold;
use super::CResult;
use crate::ast::*;

struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(&p.node, PatternKind::MatchAs { pattern: None, name: None })
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(&p.node, PatternKind::MatchStar { name: None })
}

fn py_repr_str(s: &str) -> String {
    if s.contains('\'') && !s.contains('"') {
        format!("\"{}\"", s)
    } else {
        format!("'{}'", s.replace('\'', "\\'"))
    }
}

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> CResult<()> {
        self.visit_expr(subject)?;
        let end = self.new_label();
        let n = cases.len();
        let has_default = is_wildcard(&cases[n - 1].pattern) && n > 1;
        let mut pc = PatternContext { stores: vec![], allow_irrefutable: false, fail_pop: vec![], on_top: 0 };
        for (i, m) in cases[..n - has_default as usize].iter().enumerate() {
            self.set_loc(m.pattern.range);
            let not_last = i != n - has_default as usize - 1;
            if not_last {
                self.emit(COPY, 1);
            }
            pc.stores = vec![];
            pc.allow_irrefutable = m.guard.is_some() || i == n - 1;
            pc.fail_pop = vec![];
            pc.on_top = 0;
            self.pattern(&m.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(&name, ExprContext::Store)?;
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let l = pc.fail_pop[0];
                self.jump_if(g, l, false)?;
            }
            if not_last {
                self.emit(POP_TOP, 0);
            }
            for s in &m.body {
                self.visit_stmt(s)?;
            }
            self.unset_loc();
            self.jump(JUMP_FORWARD, end);
            self.set_loc(m.pattern.range);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let m = &cases[n - 1];
            self.set_loc(m.pattern.range);
            if n == 1 {
                self.emit(POP_TOP, 0);
            } else {
                self.emit(NOP, 0);
            }
            if let Some(g) = &m.guard {
                self.jump_if(g, end, false)?;
            }
            for s in &m.body {
                self.visit_stmt(s)?;
            }
            self.unset_loc();
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: crate::bytecode::Opcode) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let l = pc.fail_pop[pops];
        self.jump(op, l);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[i]);
            self.emit(POP_TOP, 0);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(SWAP, count as u32);
            count -= 1;
        }
    }

    fn pattern_store_name(&mut self, name: Option<&String>, pc: &mut PatternContext) -> CResult<()> {
        let n = match name {
            None => {
                self.emit(POP_TOP, 0);
                return Ok(());
            }
            Some(n) => n,
        };
        if pc.stores.contains(n) {
            return self.error(format!("multiple assignments to name {} in pattern", py_repr_str(n)));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.rotate(rotations);
        pc.stores.push(n.clone());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        self.enter_recursion(p.range)?;
        self.set_loc(p.range);
        let r = self.pattern_inner(p, pc);
        self.depth -= 1;
        r
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        match &p.node {
            PatternKind::MatchValue { value } => {
                let ok = matches!(value.node, ExprKind::Constant { .. } | ExprKind::Attribute { .. })
                    || fold(value).is_some();
                if !ok {
                    return self.error("patterns may only match literals and attribute lookups");
                }
                self.visit_expr(value)?;
                self.emit_compare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            PatternKind::MatchSingleton { value } => {
                if *value == Constant::None {
                    // CPython's optimizer turns `LOAD_CONST None; IS_OP 0; POP_JUMP_IF_FALSE`
                    // into this.
                    self.jump_to_fail_pop(pc, POP_JUMP_IF_NOT_NONE);
                } else {
                    self.load_const(value.clone());
                    self.emit_compare(CmpOp::Is);
                    self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
                }
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(patterns, pc)?,
            PatternKind::MatchMapping { keys, patterns, rest } => self.pattern_mapping(keys, patterns, rest.as_ref(), pc)?,
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc)?
            }
            PatternKind::MatchStar { name } => self.pattern_store_name(name.as_ref(), pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        if let Some(n) = name {
                            return self.error(format!(
                                "name capture {} makes remaining patterns unreachable",
                                py_repr_str(n)
                            ));
                        }
                        return self.error("wildcard makes remaining patterns unreachable");
                    }
                    self.pattern_store_name(name.as_ref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store_name(name.as_ref(), pc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> CResult<()> {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in patterns.iter().enumerate() {
            if matches!(q.node, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return self.error("multiple starred names in sequence pattern");
                }
                star_wildcard = is_star_wildcard(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        pc.on_top += 1;
        self.emit(MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.emit(GET_LEN, 0);
                self.load_const(Constant::Int(size.into()));
                self.emit_compare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.emit(GET_LEN, 0);
                self.load_const(Constant::Int((size - 1).into()));
                self.emit_compare(CmpOp::GtE);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            _ => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(POP_TOP, 0);
        } else if star_wildcard {
            let star = star.unwrap();
            pc.on_top += 1;
            for (i, q) in patterns.iter().enumerate() {
                if is_wildcard(q) || i == star {
                    continue;
                }
                self.emit(COPY, 1);
                if i < star {
                    self.load_const(Constant::Int(i.into()));
                } else {
                    self.emit(GET_LEN, 0);
                    self.load_const(Constant::Int((size - i).into()));
                    self.emit(BINARY_OP, crate::bytecode::NB_SUBTRACT);
                }
                self.emit(BINARY_SUBSCR, 0);
                self.subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.emit(POP_TOP, 0);
        } else {
            match star {
                Some(s) => {
                    if s >= (1 << 8) {
                        return self.error("too many expressions in star-unpacking sequence pattern");
                    }
                    self.emit(UNPACK_EX, (s + ((size - s - 1) << 8)) as u32);
                }
                None => self.emit(UNPACK_SEQUENCE, size as u32),
            }
            pc.on_top += size;
            for q in patterns {
                pc.on_top -= 1;
                self.subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&String>,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let size = keys.len();
        if size != patterns.len() {
            return self.error(format!(
                "keys ({}) / patterns ({}) length mismatch in mapping pattern",
                size,
                patterns.len()
            ));
        }
        pc.on_top += 1;
        self.emit(MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(GET_LEN, 0);
            self.load_const(Constant::Int(size.into()));
            self.emit_compare(CmpOp::GtE);
            self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        }
        let mut seen: Vec<Constant> = vec![];
        for k in keys {
            let folded = fold(k);
            if let Some(c) = &folded {
                if seen.iter().any(|s| const_eq_for_key(s, c)) {
                    return self.error(format!("mapping pattern checks duplicate key ({})", super::unparse::unparse(k)));
                }
                seen.push(c.clone());
            } else if !matches!(k.node, ExprKind::Attribute { .. }) {
                return self.error("mapping pattern keys may only match literals and attribute lookups");
            }
            self.visit_expr(k)?;
        }
        self.emit(BUILD_TUPLE, size as u32);
        self.emit(MATCH_KEYS, 0);
        pc.on_top += 2;
        self.emit(COPY, 1);
        self.jump_to_fail_pop(pc, POP_JUMP_IF_NONE);
        self.emit(UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for q in patterns {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        pc.on_top -= 2;
        if let Some(r) = rest {
            self.emit(BUILD_MAP, 0);
            self.emit(SWAP, 3);
            self.emit(DICT_UPDATE, 2);
            self.emit(UNPACK_SEQUENCE, size as u32);
            let mut s = size;
            while s > 0 {
                self.emit(COPY, 1 + s as u32);
                s -= 1;
                self.emit(SWAP, 2);
                self.emit(DELETE_SUBSCR, 0);
            }
            self.pattern_store_name(Some(r), pc)?;
        } else {
            self.emit(POP_TOP, 0);
            self.emit(POP_TOP, 0);
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        p: &'a Pattern,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs != kwd_patterns.len() {
            return self.error(format!(
                "kwd_attrs ({}) / kwd_patterns ({}) length mismatch in class pattern",
                nattrs,
                kwd_patterns.len()
            ));
        }
        for i in 0..nattrs {
            for j in i + 1..nattrs {
                if kwd_attrs[i] == kwd_attrs[j] {
                    return self.error_at(
                        format!("attribute name repeated in class pattern: {}", kwd_attrs[i]),
                        kwd_patterns[j].range,
                    );
                }
            }
        }
        self.set_loc(p.range);
        self.visit_expr(cls)?;
        let names: Vec<Constant> = kwd_attrs.iter().map(|a| Constant::Str(a.clone())).collect();
        self.load_const(Constant::Tuple(names));
        self.emit(MATCH_CLASS, nargs as u32);
        self.emit(COPY, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, POP_JUMP_IF_NONE);
        self.emit(UNPACK_SEQUENCE, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for i in 0..nargs + nattrs {
            pc.on_top -= 1;
            let q = if i < nargs { &patterns[i] } else { &kwd_patterns[i - nargs] };
            if is_wildcard(q) {
                self.emit(POP_TOP, 0);
                continue;
            }
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, alts: &'a [Pattern], pc: &mut PatternContext) -> CResult<()> {
        let end = self.new_label();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        let size = alts.len();
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(alt.range);
            pc.stores = vec![];
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = vec![];
            pc.on_top = 0;
            self.emit(COPY, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if nstores != ctl.len() {
                        return self.error("alternative patterns bind different names");
                    }
                    if nstores > 0 {
                        let mut icontrol = nstores;
                        while icontrol > 0 {
                            icontrol -= 1;
                            let name = &ctl[icontrol];
                            let istores = match pc.stores.iter().position(|s| s == name) {
                                Some(x) => x,
                                None => return self.error("alternative patterns bind different names"),
                            };
                            if icontrol != istores {
                                let rotations = istores + 1;
                                let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                                let at = icontrol - istores;
                                for (k, r) in rotated.into_iter().enumerate() {
                                    pc.stores.insert(at + k, r);
                                }
                                for _ in 0..rotations {
                                    self.rotate(icontrol + 1);
                                }
                            }
                        }
                    }
                }
            }
            self.jump(JUMP_FORWARD, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.emit(POP_TOP, 0);
        self.jump_to_fail_pop(pc, JUMP_FORWARD);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return self.error(format!("multiple assignments to name {} in pattern", py_repr_str(&name)));
            }
            pc.stores.push(name);
        }
        self.emit(POP_TOP, 0);
        Ok(())
    }
}

fn const_eq_for_key(a: &Constant, b: &Constant) -> bool {
    use num_traits::ToPrimitive;
    match (a, b) {
        (Constant::Int(x), Constant::Bool(y)) | (Constant::Bool(y), Constant::Int(x)) => {
            x.to_i64() == Some(*y as i64)
        }
        (Constant::Int(x), Constant::Float(y)) | (Constant::Float(y), Constant::Int(x)) => x.to_f64() == Some(*y),
        _ => a == b,
    }
}
