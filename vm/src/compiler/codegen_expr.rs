//! Expressions: loads, stores and deletes of every expression kind, calls,
//! displays, comparisons, boolean jumps, f-strings, and the small constant
//! folding CPython's AST optimizer does.

use super::codegen::*;
use super::symtable::CompKind;
use super::CResult;
use crate::ast::*;
use crate::bytecode::*;
use num_traits::{Signed, ToPrimitive, Zero};

fn binop_code(op: Operator) -> u32 {
    match op {
        Operator::Add => NB_ADD,
        Operator::Sub => NB_SUBTRACT,
        Operator::Mult => NB_MULTIPLY,
        Operator::MatMult => NB_MATRIX_MULTIPLY,
        Operator::Div => NB_TRUE_DIVIDE,
        Operator::Mod => NB_REMAINDER,
        Operator::Pow => NB_POWER,
        Operator::LShift => NB_LSHIFT,
        Operator::RShift => NB_RSHIFT,
        Operator::BitOr => NB_OR,
        Operator::BitXor => NB_XOR,
        Operator::BitAnd => NB_AND,
        Operator::FloorDiv => NB_FLOOR_DIVIDE,
    }
}

pub(crate) fn inplace_code(op: Operator) -> u32 {
    binop_code(op) + NB_INPLACE_OFFSET
}

/// Folds an expression to a constant when CPython's AST optimizer would.
pub(crate) fn fold(e: &Expr) -> Option<Constant> {
    match &e.node {
        ExprKind::Constant { value, .. } => Some(value.clone()),
        ExprKind::UnaryOp { op, operand } => {
            let v = fold(operand)?;
            match (op, v) {
                (UnaryOp::USub, Constant::Int(i)) => Some(Constant::Int(-i)),
                (UnaryOp::USub, Constant::Float(f)) => Some(Constant::Float(-f)),
                (UnaryOp::USub, Constant::Complex { real, imag }) => Some(Constant::Complex { real: -real, imag: -imag }),
                (UnaryOp::UAdd, c @ (Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. })) => Some(c),
                (UnaryOp::Invert, Constant::Int(i)) => Some(Constant::Int(-i - 1)),
                _ => None,
            }
        }
        ExprKind::BinOp { left, op, right } => {
            let l = fold(left)?;
            let r = fold(right)?;
            fold_binop(*op, &l, &r)
        }
        ExprKind::Tuple { elts, ctx: ExprContext::Load } => {
            let mut out = Vec::with_capacity(elts.len());
            for x in elts {
                if matches!(x.node, ExprKind::Starred { .. }) {
                    return None;
                }
                out.push(fold(x)?);
            }
            Some(Constant::Tuple(out))
        }
        _ => None,
    }
}

fn fold_binop(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    use Constant::{Bytes, Complex, Float, Int, Str};
    match (l, r) {
        (Int(a), Int(b)) => {
            let v = match op {
                Operator::Add => a + b,
                Operator::Sub => a - b,
                Operator::Mult => {
                    if a.bits() + b.bits() > 128 {
                        return None;
                    }
                    a * b
                }
                Operator::Pow => {
                    if b.is_negative() {
                        return None;
                    }
                    let e = b.to_u32()?;
                    if a.bits() as u64 * e as u64 > 128 {
                        return None;
                    }
                    num_traits::pow(a.clone(), e as usize)
                }
                Operator::LShift => {
                    if b.is_negative() {
                        return None;
                    }
                    let s = b.to_u32()?;
                    if a.bits() + s as u64 > 128 {
                        return None;
                    }
                    a << s as usize
                }
                Operator::RShift => {
                    if b.is_negative() {
                        return None;
                    }
                    let s = b.to_u32().unwrap_or(u32::MAX).min(1 << 20);
                    a >> s as usize
                }
                Operator::BitAnd => a & b,
                Operator::BitOr => a | b,
                Operator::BitXor => a ^ b,
                Operator::FloorDiv | Operator::Mod => {
                    if b.is_zero() {
                        return None;
                    }
                    use num_integer::Integer;
                    let (q, m) = a.div_mod_floor(b);
                    if op == Operator::FloorDiv {
                        q
                    } else {
                        m
                    }
                }
                _ => return None,
            };
            Some(Int(v))
        }
        (Float(_), Float(_)) | (Float(_), Int(_)) | (Int(_), Float(_)) => {
            let a = as_f64(l)?;
            let b = as_f64(r)?;
            let v = match op {
                Operator::Add => a + b,
                Operator::Sub => a - b,
                Operator::Mult => a * b,
                Operator::Div if b != 0.0 => a / b,
                _ => return None,
            };
            if !v.is_finite() {
                return None;
            }
            Some(Float(v))
        }
        (Int(a), Complex { real, imag }) if op == Operator::Add || op == Operator::Sub => {
            let a = a.to_f64()?;
            if op == Operator::Add {
                Some(Complex { real: a + real, imag: *imag })
            } else {
                Some(Complex { real: a - real, imag: -imag })
            }
        }
        (Float(a), Complex { real, imag }) if op == Operator::Add || op == Operator::Sub => {
            if op == Operator::Add {
                Some(Complex { real: a + real, imag: *imag })
            } else {
                Some(Complex { real: a - real, imag: -imag })
            }
        }
        (Str(a), Str(b)) if op == Operator::Add && a.len() + b.len() <= 4096 => Some(Str(format!("{}{}", a, b))),
        (Bytes(a), Bytes(b)) if op == Operator::Add && a.len() + b.len() <= 4096 => {
            let mut v = a.clone();
            v.extend_from_slice(b);
            Some(Bytes(v))
        }
        _ => None,
    }
}

fn as_f64(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        Constant::Int(i) => {
            if i.bits() > 53 {
                None
            } else {
                i.to_f64()
            }
        }
        _ => None,
    }
}

/// Truth value of a constant, as `bool(c)`.
pub(crate) fn const_truth(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis => true,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::StrWide(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
    }
}

fn is_const(e: &Expr) -> bool {
    matches!(e.node, ExprKind::Constant { .. })
}

impl<'a> Compiler<'a> {
    pub fn visit_expr(&mut self, e: &'a Expr) -> CResult<()> {
        self.enter_recursion(e.range)?;
        let saved = self.ur().loc;
        self.set_loc(e.range);
        let r = self.visit_expr_inner(e);
        self.u().loc = saved;
        self.depth -= 1;
        r
    }

    fn visit_expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        match &e.node {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.emit(COPY, 1);
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { op, values } => {
                let jop = if *op == BoolOp::And { JUMP_IF_FALSE_OR_POP } else { JUMP_IF_TRUE_OR_POP };
                let end = self.new_label();
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.visit_expr(v)?;
                    self.jump(jop, end);
                }
                self.visit_expr(&values[n])?;
                self.bind(end);
            }
            ExprKind::BinOp { left, op, right } => {
                if let Some(c) = fold(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.emit(BINARY_OP, binop_code(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                if let Some(c) = fold(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.visit_expr(operand)?;
                self.emit(
                    match op {
                        UnaryOp::Invert => UNARY_INVERT,
                        UnaryOp::Not => UNARY_NOT,
                        UnaryOp::UAdd => UNARY_POSITIVE,
                        UnaryOp::USub => UNARY_NEGATIVE,
                    },
                    0,
                );
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, next, false)?;
                self.visit_expr(body)?;
                self.jump_noline(JUMP_FORWARD, end);
                self.bind(next);
                self.visit_expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::Set { elts } => self.starunpack(elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, false)?,
            ExprKind::ListComp { elt, generators } => self.comprehension(e, CompKind::List, generators, elt, None)?,
            ExprKind::SetComp { elt, generators } => self.comprehension(e, CompKind::Set, generators, elt, None)?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, CompKind::Dict, generators, key, Some(value))?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Gen, generators, elt, None)?
            }
            ExprKind::Yield { value } => {
                if self.st.scopes[self.ur().ste].kind != super::symtable::ScopeKind::Function {
                    return self.error("'yield' outside function");
                }
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_none(),
                }
                self.add_yield();
            }
            ExprKind::YieldFrom { value } => {
                if self.st.scopes[self.ur().ste].kind != super::symtable::ScopeKind::Function {
                    return self.error("'yield' outside function");
                }
                if self.ur().scope_type == ScopeType::AsyncFunction {
                    return self.error("'yield from' inside async function");
                }
                self.visit_expr(value)?;
                self.emit(GET_YIELD_FROM_ITER, 0);
                self.load_none();
                self.add_yield_from(false);
            }
            ExprKind::Await { value } => {
                if self.st.scopes[self.ur().ste].kind != super::symtable::ScopeKind::Function {
                    return self.error("'await' outside function");
                }
                let st = self.ur().scope_type;
                if st != ScopeType::AsyncFunction && st != ScopeType::Comprehension {
                    return self.error("'await' outside async function");
                }
                self.visit_expr(value)?;
                self.emit(GET_AWAITABLE, 0);
                self.load_none();
                self.add_yield_from(true);
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators)?,
            ExprKind::Call { func, args, keywords } => self.call(e, func, args, keywords)?,
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.visit_expr(value)?;
                let mut oparg = match *conversion {
                    115 => 1,
                    114 => 2,
                    97 => 3,
                    _ => 0,
                };
                if let Some(f) = format_spec {
                    self.visit_expr(f)?;
                    oparg |= 4;
                }
                self.emit(FORMAT_VALUE, oparg);
            }
            ExprKind::JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Constant::Str(String::new()));
                    self.emit_name(LOAD_METHOD, "join");
                    self.emit(BUILD_LIST, 0);
                    for v in values {
                        self.visit_expr(v)?;
                        self.emit(LIST_APPEND, 1);
                    }
                    self.emit(CALL, 1);
                } else {
                    for v in values {
                        self.visit_expr(v)?;
                    }
                    if values.len() != 1 {
                        self.emit(BUILD_STRING, values.len() as u32);
                    }
                }
            }
            ExprKind::Constant { value, .. } => self.load_const(value.clone()),
            ExprKind::Attribute { value, attr, ctx } => {
                self.visit_expr(value)?;
                let op = match ctx {
                    ExprContext::Load => LOAD_ATTR,
                    ExprContext::Store => STORE_ATTR,
                    ExprContext::Del => DELETE_ATTR,
                };
                self.emit_name_mangled(op, attr);
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
                self.emit(
                    match ctx {
                        ExprContext::Load => BINARY_SUBSCR,
                        ExprContext::Store => STORE_SUBSCR,
                        ExprContext::Del => DELETE_SUBSCR,
                    },
                    0,
                );
            }
            ExprKind::Starred { ctx, .. } => {
                if *ctx == ExprContext::Store {
                    return self.error("starred assignment target must be in a list or tuple");
                }
                return self.error("can't use starred expression here");
            }
            ExprKind::Name { id, ctx } => {
                if id == "__debug__" && *ctx == ExprContext::Load {
                    self.load_const(Constant::Bool(self.optimize == 0));
                } else {
                    self.nameop(id, *ctx)?;
                }
            }
            ExprKind::List { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(elts)?,
                ExprContext::Load => self.starunpack(elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false)?,
                ExprContext::Del => {
                    for x in elts {
                        self.visit_expr(x)?;
                    }
                }
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(elts)?,
                ExprContext::Load => {
                    if let Some(c) = fold(e) {
                        self.load_const(c);
                    } else {
                        self.starunpack(elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)?
                    }
                }
                ExprContext::Del => {
                    for x in elts {
                        self.visit_expr(x)?;
                    }
                }
            },
            ExprKind::Slice { lower, upper, step } => {
                let mut n = 2;
                match lower {
                    Some(x) => self.visit_expr(x)?,
                    None => self.load_none(),
                }
                match upper {
                    Some(x) => self.visit_expr(x)?,
                    None => self.load_none(),
                }
                if let Some(x) = step {
                    self.visit_expr(x)?;
                    n = 3;
                }
                self.emit(BUILD_SLICE, n);
            }
        }
        Ok(())
    }

    fn unpack_helper(&mut self, elts: &'a [Expr]) -> CResult<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if matches!(elt.node, ExprKind::Starred { .. }) {
                if seen_star {
                    return self.error("multiple starred expressions in assignment");
                }
                if i >= (1 << 8) || n - i - 1 >= (i32::MAX as usize >> 8) {
                    return self.error("too many expressions in star-unpacking assignment");
                }
                self.emit(UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(UNPACK_SEQUENCE, n as u32);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, elts: &'a [Expr]) -> CResult<()> {
        self.unpack_helper(elts)?;
        for elt in elts {
            match &elt.node {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(elt)?,
            }
        }
        Ok(())
    }

    /// Builds a list/tuple/set from items some of which may be starred.
    pub fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult<()> {
        let n = elts.len();
        if n > 2 && elts.iter().all(is_const) {
            let folded: Vec<Constant> = elts
                .iter()
                .map(|x| match &x.node {
                    ExprKind::Constant { value, .. } => value.clone(),
                    _ => unreachable!(),
                })
                .collect();
            if tuple && pushed == 0 {
                self.load_const(Constant::Tuple(folded));
            } else {
                self.emit(build, pushed);
                self.load_const(Constant::Tuple(folded));
                self.emit(extend, 1);
                if tuple {
                    self.emit(LIST_TO_TUPLE, 0);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|x| matches!(x.node, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for x in elts {
                self.visit_expr(x)?;
            }
            self.emit(if tuple { BUILD_TUPLE } else { build }, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &x.node {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(value)?;
                self.emit(extend, 1);
            } else {
                self.visit_expr(x)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr], begin: usize, end: usize) -> CResult<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big && keys[begin..end].iter().all(|k| k.as_ref().map_or(false, is_const)) {
            for v in &values[begin..end] {
                self.visit_expr(v)?;
            }
            let ks: Vec<Constant> = keys[begin..end]
                .iter()
                .map(|k| match &k.as_ref().unwrap().node {
                    ExprKind::Constant { value, .. } => value.clone(),
                    _ => unreachable!(),
                })
                .collect();
            self.load_const(Constant::Tuple(ks));
            self.emit(BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit(BUILD_MAP, 0);
        }
        for i in begin..end {
            self.visit_expr(keys[i].as_ref().unwrap())?;
            self.visit_expr(&values[i])?;
            if big {
                self.emit(MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult<()> {
        let n = values.len();
        let mut elements = 0;
        let mut have_dict = false;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.emit(DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit(DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(BUILD_MAP, 0);
        }
        Ok(())
    }

    pub fn emit_compare(&mut self, op: CmpOp) {
        match op {
            CmpOp::Is => self.emit(IS_OP, 0),
            CmpOp::IsNot => self.emit(IS_OP, 1),
            CmpOp::In => self.emit(CONTAINS_OP, 0),
            CmpOp::NotIn => self.emit(CONTAINS_OP, 1),
            CmpOp::Lt => self.emit(COMPARE_OP, 0),
            CmpOp::LtE => self.emit(COMPARE_OP, 1),
            CmpOp::Eq => self.emit(COMPARE_OP, 2),
            CmpOp::NotEq => self.emit(COMPARE_OP, 3),
            CmpOp::Gt => self.emit(COMPARE_OP, 4),
            CmpOp::GtE => self.emit(COMPARE_OP, 5),
        }
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> CResult<()> {
        self.visit_expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.visit_expr(&comparators[0])?;
            self.emit_compare(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.visit_expr(&comparators[i])?;
            self.emit(SWAP, 2);
            self.emit(COPY, 2);
            self.emit_compare(ops[i]);
            self.jump(JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.visit_expr(&comparators[n])?;
        self.emit_compare(ops[n]);
        let end = self.new_label();
        self.jump_noline(JUMP_FORWARD, end);
        self.bind(cleanup);
        self.emit(SWAP, 2);
        self.emit(POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// Jumps to `next` if the truth of `e` equals `cond`, else falls through.
    pub fn jump_if(&mut self, e: &'a Expr, next: Label, cond: bool) -> CResult<()> {
        self.enter_recursion(e.range)?;
        let saved = self.ur().loc;
        self.set_loc(e.range);
        let r = self.jump_if_inner(e, next, cond);
        self.u().loc = saved;
        self.depth -= 1;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: Label, cond: bool) -> CResult<()> {
        match &e.node {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => return self.jump_if(operand, next, !cond),
            ExprKind::BoolOp { op, values } => {
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond { self.new_label() } else { next };
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&values[n], next, cond)?;
                if next2 != next {
                    self.bind(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.jump_noline(JUMP_FORWARD, end);
                self.bind(next2);
                self.jump_if(orelse, next, cond)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators } if ops.len() > 1 => {
                let n = ops.len() - 1;
                let cleanup = self.new_label();
                self.visit_expr(left)?;
                for i in 0..n {
                    self.visit_expr(&comparators[i])?;
                    self.emit(SWAP, 2);
                    self.emit(COPY, 2);
                    self.emit_compare(ops[i]);
                    self.jump(POP_JUMP_IF_FALSE, cleanup);
                }
                self.visit_expr(&comparators[n])?;
                self.emit_compare(ops[n]);
                self.jump(if cond { POP_JUMP_IF_TRUE } else { POP_JUMP_IF_FALSE }, next);
                let end = self.new_label();
                self.jump_noline(JUMP_FORWARD, end);
                self.bind(cleanup);
                self.emit(POP_TOP, 0);
                if !cond {
                    self.jump_noline(JUMP_FORWARD, next);
                }
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        if let Some(c) = fold(e) {
            if !matches!(e.node, ExprKind::Name { .. }) {
                if const_truth(&c) == cond {
                    self.jump(JUMP_FORWARD, next);
                } else {
                    self.emit(NOP, 0);
                }
                return Ok(());
            }
        }
        if let ExprKind::Name { id, ctx: ExprContext::Load } = &e.node {
            if id == "__debug__" {
                if (self.optimize == 0) == cond {
                    self.jump(JUMP_FORWARD, next);
                }
                return Ok(());
            }
        }
        // `x is None` / `x is not None` jump forms.
        if let ExprKind::Compare { left, ops, comparators } = &e.node {
            if matches!(ops[0], CmpOp::Is | CmpOp::IsNot)
                && matches!(comparators[0].node, ExprKind::Constant { value: Constant::None, .. })
            {
                self.visit_expr(left)?;
                let is_none = (ops[0] == CmpOp::Is) == cond;
                self.jump(if is_none { POP_JUMP_IF_NONE } else { POP_JUMP_IF_NOT_NONE }, next);
                return Ok(());
            }
        }
        self.visit_expr(e)?;
        self.jump(if cond { POP_JUMP_IF_TRUE } else { POP_JUMP_IF_FALSE }, next);
        Ok(())
    }

    fn validate_keywords(&self, keywords: &[Keyword]) -> CResult<()> {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(a) = &k.arg {
                if keywords[i + 1..].iter().any(|o| o.arg.as_deref() == Some(a)) {
                    let dup = keywords[i + 1..].iter().find(|o| o.arg.as_deref() == Some(a)).unwrap();
                    return self.error_at(format!("keyword argument repeated: {}", a), dup.range);
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult<()> {
        self.validate_keywords(keywords)?;
        if self.maybe_method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.set_loc(func.range);
        self.emit(PUSH_NULL, 0);
        self.set_loc(e.range);
        self.visit_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    fn maybe_method_call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], kws: &'a [Keyword]) -> CResult<bool> {
        let (value, attr) = match &func.node {
            ExprKind::Attribute { value, attr, ctx: ExprContext::Load } => (value, attr),
            _ => return Ok(false),
        };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        if args.len() + kws.len() + (!kws.is_empty()) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(|a| matches!(a.node, ExprKind::Starred { .. })) || kws.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        self.visit_expr(value)?;
        let mut l = crate::bytecode::Location { ..self.ur().loc };
        l.lineno = func.range.end_lineno;
        self.u().loc = l;
        self.emit_name_mangled(LOAD_METHOD, attr);
        self.set_loc(e.range);
        for a in args {
            self.visit_expr(a)?;
        }
        if !kws.is_empty() {
            for k in kws {
                self.visit_expr(&k.value)?;
            }
            self.kw_names(kws);
        }
        self.emit(CALL, (args.len() + kws.len()) as u32);
        Ok(true)
    }

    fn kw_names(&mut self, kws: &[Keyword]) {
        let names: Vec<Constant> = kws.iter().map(|k| Constant::Str(k.arg.clone().unwrap())).collect();
        let i = self.add_const(Constant::Tuple(names));
        self.emit(KW_NAMES, i);
    }

    fn subkwargs(&mut self, kws: &'a [Keyword], begin: usize, end: usize) -> CResult<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &kws[begin..end] {
                self.visit_expr(&k.value)?;
            }
            let names: Vec<Constant> = kws[begin..end].iter().map(|k| Constant::Str(k.arg.clone().unwrap())).collect();
            self.load_const(Constant::Tuple(names));
            self.emit(BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_noline(BUILD_MAP, 0);
        }
        for k in &kws[begin..end] {
            self.load_const(Constant::Str(k.arg.clone().unwrap()));
            self.visit_expr(&k.value)?;
            if big {
                self.emit_noline(MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(BUILD_MAP, n as u32);
        }
        Ok(())
    }

    /// Emits the arguments and the call; `n` arguments are already pushed.
    pub fn call_helper(&mut self, n: u32, args: &'a [Expr], kws: &'a [Keyword]) -> CResult<()> {
        self.validate_keywords(kws)?;
        let nelts = args.len();
        let nkw = kws.len();
        let ex_call = nelts + nkw * 2 > STACK_USE_GUIDELINE
            || args.iter().any(|a| matches!(a.node, ExprKind::Starred { .. }))
            || kws.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkw > 0 {
                for k in kws {
                    self.visit_expr(&k.value)?;
                }
                self.kw_names(kws);
            }
            self.emit(CALL, n + (nelts + nkw) as u32);
            return Ok(());
        }
        if n == 0 && nelts == 1 && matches!(args[0].node, ExprKind::Starred { .. }) {
            if let ExprKind::Starred { value, .. } = &args[0].node {
                self.visit_expr(value)?;
            }
        } else {
            self.starunpack(args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)?;
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(kws, i - nseen, i)?;
                        if have_dict {
                            self.emit(DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.emit(DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(kws, nkw - nseen, nkw)?;
                if have_dict {
                    self.emit(DICT_MERGE, 1);
                }
            }
        }
        self.emit(CALL_FUNCTION_EX, (nkw > 0) as u32);
        Ok(())
    }
}

