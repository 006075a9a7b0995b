//! Rust AST (`vm::ast`) -> Python node objects, for `compile(...,
//! PyCF_ONLY_AST)` and so `ast.parse`. Fields are stored in `_fields` order,
//! then the position attributes, as CPython's ast2obj does.

use super::{new_node, state, State};
use vm::ast::*;
use vm::err::PyResult;
use vm::objects::code::constant_to_object;
use vm::objects::{list, long, none, unicode};
use vm::objref::PyObj;

struct Cv<'a> {
    st: &'a State,
    /// Nesting depth and its limit, scaled as CPython's ast2obj scales the
    /// recursion limit (3 per Python frame).
    depth: std::cell::Cell<u32>,
    limit: u32,
}

type Items = Vec<(&'static str, PyObj)>;

fn s(v: &str) -> PyObj {
    unicode::new(v)
}

fn os(v: &Option<String>) -> PyObj {
    match v {
        Some(x) => unicode::new(x),
        None => none::none(),
    }
}

fn int(v: i64) -> PyObj {
    long::from_i64(v)
}

fn strs(v: &[String]) -> PyObj {
    list::new(v.iter().map(|x| unicode::new(x)).collect())
}

impl<'a> Cv<'a> {
    fn node(&self, name: &str, mut items: Items, range: Option<&Range>) -> PyResult {
        if let Some(r) = range {
            items.push(("lineno", int(r.lineno as i64)));
            items.push(("col_offset", int(r.col_offset as i64)));
            items.push(("end_lineno", int(r.end_lineno as i64)));
            items.push(("end_col_offset", int(r.end_col_offset as i64)));
        }
        new_node(self.st.class(name), &items)
    }

    fn list<T>(&self, xs: &[T], f: impl Fn(&Self, &T) -> PyResult) -> PyResult {
        let mut v = Vec::with_capacity(xs.len());
        for x in xs {
            v.push(f(self, x)?);
        }
        Ok(list::new(v))
    }

    fn stmts(&self, b: &[Stmt]) -> PyResult {
        self.list(b, Self::stmt)
    }

    fn exprs(&self, b: &[Expr]) -> PyResult {
        self.list(b, Self::expr)
    }

    fn oexpr(&self, e: &Option<Box<Expr>>) -> PyResult {
        match e {
            Some(e) => self.expr(e),
            None => Ok(none::none()),
        }
    }

    fn module(&self, m: &Mod) -> PyResult {
        match m {
            Mod::Module { body } => {
                self.node("Module", vec![("body", self.stmts(body)?), ("type_ignores", list::new(vec![]))], None)
            }
            Mod::Interactive { body } => self.node("Interactive", vec![("body", self.stmts(body)?)], None),
            Mod::Expression { body } => self.node("Expression", vec![("body", self.expr(body)?)], None),
        }
    }

    fn funcdef(&self, name: &str, f: &FunctionDef, r: &Range) -> PyResult {
        self.node(
            name,
            vec![
                ("name", s(&f.name)),
                ("args", self.arguments(&f.args)?),
                ("body", self.stmts(&f.body)?),
                ("decorator_list", self.exprs(&f.decorator_list)?),
                ("returns", self.oexpr(&f.returns)?),
                ("type_comment", none::none()),
            ],
            Some(r),
        )
    }

    fn enter(&self) -> PyResult<()> {
        let d = self.depth.get() + 1;
        if d > self.limit {
            return Err(vm::err::recursion_error("maximum recursion depth exceeded during ast construction"));
        }
        self.depth.set(d);
        Ok(())
    }

    fn leave(&self) {
        self.depth.set(self.depth.get() - 1);
    }

    fn stmt(&self, st: &Stmt) -> PyResult {
        self.enter()?;
        let r = self.stmt_inner(st);
        self.leave();
        r
    }

    fn expr(&self, e: &Expr) -> PyResult {
        self.enter()?;
        let r = self.expr_inner(e);
        self.leave();
        r
    }

    fn pattern(&self, p: &Pattern) -> PyResult {
        self.enter()?;
        let r = self.pattern_inner(p);
        self.leave();
        r
    }

    fn stmt_inner(&self, st: &Stmt) -> PyResult {
        let r = &st.range;
        let (name, items): (&str, Items) = match &st.node {
            StmtKind::FunctionDef(f) => return self.funcdef("FunctionDef", f, r),
            StmtKind::AsyncFunctionDef(f) => return self.funcdef("AsyncFunctionDef", f, r),
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => (
                "ClassDef",
                vec![
                    ("name", s(name)),
                    ("bases", self.exprs(bases)?),
                    ("keywords", self.list(keywords, Self::keyword)?),
                    ("body", self.stmts(body)?),
                    ("decorator_list", self.exprs(decorator_list)?),
                ],
            ),
            StmtKind::Return { value } => ("Return", vec![("value", self.oexpr(value)?)]),
            StmtKind::Delete { targets } => ("Delete", vec![("targets", self.exprs(targets)?)]),
            StmtKind::Assign { targets, value } => (
                "Assign",
                vec![("targets", self.exprs(targets)?), ("value", self.expr(value)?), ("type_comment", none::none())],
            ),
            StmtKind::AugAssign { target, op, value } => (
                "AugAssign",
                vec![("target", self.expr(target)?), ("op", self.operator(*op)), ("value", self.expr(value)?)],
            ),
            StmtKind::AnnAssign { target, annotation, value, simple } => (
                "AnnAssign",
                vec![
                    ("target", self.expr(target)?),
                    ("annotation", self.expr(annotation)?),
                    ("value", self.oexpr(value)?),
                    ("simple", int(*simple as i64)),
                ],
            ),
            StmtKind::For { target, iter, body, orelse } | StmtKind::AsyncFor { target, iter, body, orelse } => (
                if matches!(st.node, StmtKind::For { .. }) { "For" } else { "AsyncFor" },
                vec![
                    ("target", self.expr(target)?),
                    ("iter", self.expr(iter)?),
                    ("body", self.stmts(body)?),
                    ("orelse", self.stmts(orelse)?),
                    ("type_comment", none::none()),
                ],
            ),
            StmtKind::While { test, body, orelse } => (
                "While",
                vec![("test", self.expr(test)?), ("body", self.stmts(body)?), ("orelse", self.stmts(orelse)?)],
            ),
            StmtKind::If { test, body, orelse } => (
                "If",
                vec![("test", self.expr(test)?), ("body", self.stmts(body)?), ("orelse", self.stmts(orelse)?)],
            ),
            StmtKind::With { items, body } | StmtKind::AsyncWith { items, body } => (
                if matches!(st.node, StmtKind::With { .. }) { "With" } else { "AsyncWith" },
                vec![
                    ("items", self.list(items, Self::withitem)?),
                    ("body", self.stmts(body)?),
                    ("type_comment", none::none()),
                ],
            ),
            StmtKind::Match { subject, cases } => {
                ("Match", vec![("subject", self.expr(subject)?), ("cases", self.list(cases, Self::match_case)?)])
            }
            StmtKind::Raise { exc, cause } => ("Raise", vec![("exc", self.oexpr(exc)?), ("cause", self.oexpr(cause)?)]),
            StmtKind::Try { body, handlers, orelse, finalbody }
            | StmtKind::TryStar { body, handlers, orelse, finalbody } => (
                if matches!(st.node, StmtKind::Try { .. }) { "Try" } else { "TryStar" },
                vec![
                    ("body", self.stmts(body)?),
                    ("handlers", self.list(handlers, Self::handler)?),
                    ("orelse", self.stmts(orelse)?),
                    ("finalbody", self.stmts(finalbody)?),
                ],
            ),
            StmtKind::Assert { test, msg } => ("Assert", vec![("test", self.expr(test)?), ("msg", self.oexpr(msg)?)]),
            StmtKind::Import { names } => ("Import", vec![("names", self.list(names, Self::alias)?)]),
            StmtKind::ImportFrom { module, names, level } => (
                "ImportFrom",
                vec![("module", os(module)), ("names", self.list(names, Self::alias)?), ("level", int(*level as i64))],
            ),
            StmtKind::Global { names } => ("Global", vec![("names", strs(names))]),
            StmtKind::Nonlocal { names } => ("Nonlocal", vec![("names", strs(names))]),
            StmtKind::Expr { value } => ("Expr", vec![("value", self.expr(value)?)]),
            StmtKind::Pass => ("Pass", vec![]),
            StmtKind::Break => ("Break", vec![]),
            StmtKind::Continue => ("Continue", vec![]),
        };
        self.node(name, items, Some(r))
    }

    fn ctx(&self, c: ExprContext) -> PyObj {
        self.st.singleton(match c {
            ExprContext::Load => "Load",
            ExprContext::Store => "Store",
            ExprContext::Del => "Del",
        })
    }

    fn operator(&self, op: Operator) -> PyObj {
        self.st.singleton(operator_name(op))
    }

    fn comps(&self, g: &[Comprehension]) -> PyResult {
        self.list(g, |c, x| {
            c.node(
                "comprehension",
                vec![
                    ("target", c.expr(&x.target)?),
                    ("iter", c.expr(&x.iter)?),
                    ("ifs", c.exprs(&x.ifs)?),
                    ("is_async", int(x.is_async as i64)),
                ],
                None,
            )
        })
    }

    fn expr_inner(&self, e: &Expr) -> PyResult {
        let (name, items): (&str, Items) = match &e.node {
            ExprKind::BoolOp { op, values } => (
                "BoolOp",
                vec![
                    ("op", self.st.singleton(if *op == BoolOp::And { "And" } else { "Or" })),
                    ("values", self.exprs(values)?),
                ],
            ),
            ExprKind::NamedExpr { target, value } => {
                ("NamedExpr", vec![("target", self.expr(target)?), ("value", self.expr(value)?)])
            }
            ExprKind::BinOp { left, op, right } => (
                "BinOp",
                vec![("left", self.expr(left)?), ("op", self.operator(*op)), ("right", self.expr(right)?)],
            ),
            ExprKind::UnaryOp { op, operand } => (
                "UnaryOp",
                vec![("op", self.st.singleton(unaryop_name(*op))), ("operand", self.expr(operand)?)],
            ),
            ExprKind::Lambda { args, body } => {
                ("Lambda", vec![("args", self.arguments(args)?), ("body", self.expr(body)?)])
            }
            ExprKind::IfExp { test, body, orelse } => (
                "IfExp",
                vec![("test", self.expr(test)?), ("body", self.expr(body)?), ("orelse", self.expr(orelse)?)],
            ),
            ExprKind::Dict { keys, values } => (
                "Dict",
                vec![
                    ("keys", self.list(keys, |c, k| match k {
                        Some(k) => c.expr(k),
                        None => Ok(none::none()),
                    })?),
                    ("values", self.exprs(values)?),
                ],
            ),
            ExprKind::Set { elts } => ("Set", vec![("elts", self.exprs(elts)?)]),
            ExprKind::ListComp { elt, generators } => {
                ("ListComp", vec![("elt", self.expr(elt)?), ("generators", self.comps(generators)?)])
            }
            ExprKind::SetComp { elt, generators } => {
                ("SetComp", vec![("elt", self.expr(elt)?), ("generators", self.comps(generators)?)])
            }
            ExprKind::GeneratorExp { elt, generators } => {
                ("GeneratorExp", vec![("elt", self.expr(elt)?), ("generators", self.comps(generators)?)])
            }
            ExprKind::DictComp { key, value, generators } => (
                "DictComp",
                vec![("key", self.expr(key)?), ("value", self.expr(value)?), ("generators", self.comps(generators)?)],
            ),
            ExprKind::Await { value } => ("Await", vec![("value", self.expr(value)?)]),
            ExprKind::Yield { value } => ("Yield", vec![("value", self.oexpr(value)?)]),
            ExprKind::YieldFrom { value } => ("YieldFrom", vec![("value", self.expr(value)?)]),
            ExprKind::Compare { left, ops, comparators } => (
                "Compare",
                vec![
                    ("left", self.expr(left)?),
                    ("ops", list::new(ops.iter().map(|o| self.st.singleton(cmpop_name(*o))).collect())),
                    ("comparators", self.exprs(comparators)?),
                ],
            ),
            ExprKind::Call { func, args, keywords } => (
                "Call",
                vec![
                    ("func", self.expr(func)?),
                    ("args", self.exprs(args)?),
                    ("keywords", self.list(keywords, Self::keyword)?),
                ],
            ),
            ExprKind::FormattedValue { value, conversion, format_spec } => (
                "FormattedValue",
                vec![
                    ("value", self.expr(value)?),
                    ("conversion", int(*conversion as i64)),
                    ("format_spec", self.oexpr(format_spec)?),
                ],
            ),
            ExprKind::JoinedStr { values } => ("JoinedStr", vec![("values", self.exprs(values)?)]),
            ExprKind::Constant { value, kind } => {
                ("Constant", vec![("value", constant_to_object(value)), ("kind", os(kind))])
            }
            ExprKind::Attribute { value, attr, ctx } => (
                "Attribute",
                vec![("value", self.expr(value)?), ("attr", s(attr)), ("ctx", self.ctx(*ctx))],
            ),
            ExprKind::Subscript { value, slice, ctx } => (
                "Subscript",
                vec![("value", self.expr(value)?), ("slice", self.expr(slice)?), ("ctx", self.ctx(*ctx))],
            ),
            ExprKind::Starred { value, ctx } => ("Starred", vec![("value", self.expr(value)?), ("ctx", self.ctx(*ctx))]),
            ExprKind::Name { id, ctx } => ("Name", vec![("id", s(id)), ("ctx", self.ctx(*ctx))]),
            ExprKind::List { elts, ctx } => ("List", vec![("elts", self.exprs(elts)?), ("ctx", self.ctx(*ctx))]),
            ExprKind::Tuple { elts, ctx } => ("Tuple", vec![("elts", self.exprs(elts)?), ("ctx", self.ctx(*ctx))]),
            ExprKind::Slice { lower, upper, step } => (
                "Slice",
                vec![("lower", self.oexpr(lower)?), ("upper", self.oexpr(upper)?), ("step", self.oexpr(step)?)],
            ),
        };
        self.node(name, items, Some(&e.range))
    }

    fn arg(&self, a: &Arg) -> PyResult {
        self.node(
            "arg",
            vec![("arg", s(&a.arg)), ("annotation", self.oexpr(&a.annotation)?), ("type_comment", none::none())],
            Some(&a.range),
        )
    }

    fn oarg(&self, a: &Option<Arg>) -> PyResult {
        match a {
            Some(a) => self.arg(a),
            None => Ok(none::none()),
        }
    }

    fn arguments(&self, a: &Arguments) -> PyResult {
        self.node(
            "arguments",
            vec![
                ("posonlyargs", self.list(&a.posonlyargs, Self::arg)?),
                ("args", self.list(&a.args, Self::arg)?),
                ("vararg", self.oarg(&a.vararg)?),
                ("kwonlyargs", self.list(&a.kwonlyargs, Self::arg)?),
                ("kw_defaults", self.list(&a.kw_defaults, |c, d| match d {
                    Some(d) => c.expr(d),
                    None => Ok(none::none()),
                })?),
                ("kwarg", self.oarg(&a.kwarg)?),
                ("defaults", self.exprs(&a.defaults)?),
            ],
            None,
        )
    }

    fn keyword(&self, k: &Keyword) -> PyResult {
        self.node("keyword", vec![("arg", os(&k.arg)), ("value", self.expr(&k.value)?)], Some(&k.range))
    }

    fn alias(&self, a: &Alias) -> PyResult {
        self.node("alias", vec![("name", s(&a.name)), ("asname", os(&a.asname))], Some(&a.range))
    }

    fn withitem(&self, w: &WithItem) -> PyResult {
        self.node(
            "withitem",
            vec![("context_expr", self.expr(&w.context_expr)?), ("optional_vars", self.oexpr(&w.optional_vars)?)],
            None,
        )
    }

    fn handler(&self, h: &ExceptHandler) -> PyResult {
        self.node(
            "ExceptHandler",
            vec![("type", self.oexpr(&h.type_)?), ("name", os(&h.name)), ("body", self.stmts(&h.body)?)],
            Some(&h.range),
        )
    }

    fn match_case(&self, m: &MatchCase) -> PyResult {
        self.node(
            "match_case",
            vec![("pattern", self.pattern(&m.pattern)?), ("guard", self.oexpr(&m.guard)?), ("body", self.stmts(&m.body)?)],
            None,
        )
    }

    fn patterns(&self, p: &[Pattern]) -> PyResult {
        self.list(p, Self::pattern)
    }

    fn pattern_inner(&self, p: &Pattern) -> PyResult {
        let (name, items): (&str, Items) = match &p.node {
            PatternKind::MatchValue { value } => ("MatchValue", vec![("value", self.expr(value)?)]),
            PatternKind::MatchSingleton { value } => ("MatchSingleton", vec![("value", constant_to_object(value))]),
            PatternKind::MatchSequence { patterns } => ("MatchSequence", vec![("patterns", self.patterns(patterns)?)]),
            PatternKind::MatchMapping { keys, patterns, rest } => (
                "MatchMapping",
                vec![("keys", self.exprs(keys)?), ("patterns", self.patterns(patterns)?), ("rest", os(rest))],
            ),
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => (
                "MatchClass",
                vec![
                    ("cls", self.expr(cls)?),
                    ("patterns", self.patterns(patterns)?),
                    ("kwd_attrs", strs(kwd_attrs)),
                    ("kwd_patterns", self.patterns(kwd_patterns)?),
                ],
            ),
            PatternKind::MatchStar { name } => ("MatchStar", vec![("name", os(name))]),
            PatternKind::MatchAs { pattern, name } => (
                "MatchAs",
                vec![
                    ("pattern", match pattern {
                        Some(p) => self.pattern(p)?,
                        None => none::none(),
                    }),
                    ("name", os(name)),
                ],
            ),
            PatternKind::MatchOr { patterns } => ("MatchOr", vec![("patterns", self.patterns(patterns)?)]),
        };
        self.node(name, items, Some(&p.range))
    }
}

pub(crate) fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

pub(crate) fn unaryop_name(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Invert => "Invert",
        UnaryOp::Not => "Not",
        UnaryOp::UAdd => "UAdd",
        UnaryOp::USub => "USub",
    }
}

pub(crate) fn cmpop_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

/// `compile()`'s hook: a parsed module as `ast.Module`/`Expression`/`Interactive`.
pub fn mod_to_py(m: &Mod) -> PyResult {
    let st = state()?;
    let ts = vm::interp::tstate();
    let scale = 3u32;
    let limit = ts.recursion_limit.saturating_mul(scale);
    let depth = std::cell::Cell::new(ts.recursion_depth().saturating_mul(scale));
    Cv { st, depth, limit }.module(m)
}
