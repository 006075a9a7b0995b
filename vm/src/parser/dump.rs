//! A compact AST dump for tests, in the format of the Python dumper in
//! `tests.rs` (`PY_DUMP`), so that our trees can be compared with CPython's
//! `ast.parse` output text for text: `Kind(field,...)@line:col-endline:endcol`.

use crate::ast::*;
use std::fmt::Write;

fn r(out: &mut String, rg: &Range) {
    let _ = write!(out, "@{}:{}-{}:{}", rg.lineno, rg.col_offset, rg.end_lineno, rg.end_col_offset);
}

fn list<T>(out: &mut String, xs: &[T], f: impl Fn(&mut String, &T)) {
    out.push('[');
    for (i, x) in xs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        f(out, x);
    }
    out.push(']');
}

fn opt<T>(out: &mut String, x: &Option<T>, f: impl Fn(&mut String, &T)) {
    match x {
        Some(v) => f(out, v),
        None => out.push('~'),
    }
}

fn ostr(out: &mut String, s: &Option<String>) {
    opt(out, s, |o, s| o.push_str(s));
}

pub fn dump_mod(m: &Mod) -> String {
    let mut o = String::new();
    match m {
        Mod::Module { body } => {
            o.push_str("Module(");
            stmts(&mut o, body);
            o.push(')');
        }
        Mod::Interactive { body } => {
            o.push_str("Interactive(");
            stmts(&mut o, body);
            o.push(')');
        }
        Mod::Expression { body } => {
            o.push_str("Expression(");
            expr(&mut o, body);
            o.push(')');
        }
    }
    o
}

fn stmts(o: &mut String, b: &[Stmt]) {
    list(o, b, stmt);
}

fn exprs(o: &mut String, b: &[Expr]) {
    list(o, b, expr);
}

fn oexpr(o: &mut String, e: &Option<Box<Expr>>) {
    opt(o, e, |o, e| expr(o, e));
}

fn names(o: &mut String, n: &[String]) {
    list(o, n, |o, s| o.push_str(s));
}

fn stmt(o: &mut String, s: &Stmt) {
    use StmtKind::*;
    macro_rules! w { ($($a:expr),*) => {{ $( let _ = $a; )* }} }
    match &s.node {
        FunctionDef(f) | AsyncFunctionDef(f) => {
            o.push_str(if matches!(s.node, FunctionDef(_)) { "FunctionDef(" } else { "AsyncFunctionDef(" });
            o.push_str(&f.name);
            o.push(',');
            arguments(o, &f.args);
            o.push(',');
            stmts(o, &f.body);
            o.push(',');
            exprs(o, &f.decorator_list);
            o.push(',');
            oexpr(o, &f.returns);
        }
        ClassDef { name, bases, keywords, body, decorator_list } => {
            o.push_str("ClassDef(");
            o.push_str(name);
            o.push(',');
            exprs(o, bases);
            o.push(',');
            list(o, keywords, keyword);
            o.push(',');
            stmts(o, body);
            o.push(',');
            exprs(o, decorator_list);
        }
        Return { value } => {
            o.push_str("Return(");
            oexpr(o, value);
        }
        Delete { targets } => {
            o.push_str("Delete(");
            exprs(o, targets);
        }
        Assign { targets, value } => {
            o.push_str("Assign(");
            exprs(o, targets);
            o.push(',');
            expr(o, value);
        }
        AugAssign { target, op, value } => {
            o.push_str("AugAssign(");
            expr(o, target);
            let _ = write!(o, ",{:?},", op);
            expr(o, value);
        }
        AnnAssign { target, annotation, value, simple } => {
            o.push_str("AnnAssign(");
            expr(o, target);
            o.push(',');
            expr(o, annotation);
            o.push(',');
            oexpr(o, value);
            let _ = write!(o, ",{}", *simple as i32);
        }
        For { target, iter, body, orelse } | AsyncFor { target, iter, body, orelse } => {
            o.push_str(if matches!(s.node, For { .. }) { "For(" } else { "AsyncFor(" });
            expr(o, target);
            o.push(',');
            expr(o, iter);
            o.push(',');
            stmts(o, body);
            o.push(',');
            stmts(o, orelse);
        }
        While { test, body, orelse } | If { test, body, orelse } => {
            o.push_str(if matches!(s.node, While { .. }) { "While(" } else { "If(" });
            expr(o, test);
            o.push(',');
            stmts(o, body);
            o.push(',');
            stmts(o, orelse);
        }
        With { items, body } | AsyncWith { items, body } => {
            o.push_str(if matches!(s.node, With { .. }) { "With(" } else { "AsyncWith(" });
            list(o, items, |o, it| {
                o.push_str("withitem(");
                expr(o, &it.context_expr);
                o.push(',');
                oexpr(o, &it.optional_vars);
                o.push(')');
            });
            o.push(',');
            stmts(o, body);
        }
        Match { subject, cases } => {
            o.push_str("Match(");
            expr(o, subject);
            o.push(',');
            list(o, cases, |o, c| {
                o.push_str("match_case(");
                pattern(o, &c.pattern);
                o.push(',');
                oexpr(o, &c.guard);
                o.push(',');
                stmts(o, &c.body);
                o.push(')');
            });
        }
        Raise { exc, cause } => {
            o.push_str("Raise(");
            oexpr(o, exc);
            o.push(',');
            oexpr(o, cause);
        }
        Try { body, handlers, orelse, finalbody } | TryStar { body, handlers, orelse, finalbody } => {
            o.push_str(if matches!(s.node, Try { .. }) { "Try(" } else { "TryStar(" });
            stmts(o, body);
            o.push(',');
            list(o, handlers, |o, h| {
                o.push_str("ExceptHandler(");
                oexpr(o, &h.type_);
                o.push(',');
                ostr(o, &h.name);
                o.push(',');
                stmts(o, &h.body);
                o.push(')');
                r(o, &h.range);
            });
            o.push(',');
            stmts(o, orelse);
            o.push(',');
            stmts(o, finalbody);
        }
        Assert { test, msg } => {
            o.push_str("Assert(");
            expr(o, test);
            o.push(',');
            oexpr(o, msg);
        }
        Import { names } => {
            o.push_str("Import(");
            list(o, names, alias);
        }
        ImportFrom { module, names, level } => {
            o.push_str("ImportFrom(");
            ostr(o, module);
            o.push(',');
            list(o, names, alias);
            let _ = write!(o, ",{}", level);
        }
        Global { names: n } => {
            o.push_str("Global(");
            names(o, n);
        }
        Nonlocal { names: n } => {
            o.push_str("Nonlocal(");
            names(o, n);
        }
        Expr { value } => {
            o.push_str("Expr(");
            expr(o, value);
        }
        Pass => o.push_str("Pass("),
        Break => o.push_str("Break("),
        Continue => o.push_str("Continue("),
    }
    w!();
    o.push(')');
    r(o, &s.range);
}

fn alias(o: &mut String, a: &Alias) {
    o.push_str("alias(");
    o.push_str(&a.name);
    o.push(',');
    ostr(o, &a.asname);
    o.push(')');
    r(o, &a.range);
}

fn keyword(o: &mut String, k: &Keyword) {
    o.push_str("keyword(");
    ostr(o, &k.arg);
    o.push(',');
    expr(o, &k.value);
    o.push(')');
    r(o, &k.range);
}

fn arg(o: &mut String, a: &Arg) {
    o.push_str("arg(");
    o.push_str(&a.arg);
    o.push(',');
    oexpr(o, &a.annotation);
    o.push(')');
    r(o, &a.range);
}

fn arguments(o: &mut String, a: &Arguments) {
    o.push_str("arguments(");
    list(o, &a.posonlyargs, arg);
    o.push(',');
    list(o, &a.args, arg);
    o.push(',');
    opt(o, &a.vararg, arg);
    o.push(',');
    list(o, &a.kwonlyargs, arg);
    o.push(',');
    list(o, &a.kw_defaults, |o, d| opt(o, d, expr));
    o.push(',');
    opt(o, &a.kwarg, arg);
    o.push(',');
    exprs(o, &a.defaults);
    o.push(')');
}

pub fn constant(o: &mut String, c: &Constant) {
    match c {
        Constant::None => o.push_str("None"),
        Constant::Bool(b) => o.push_str(if *b { "True" } else { "False" }),
        Constant::Ellipsis => o.push_str("Ellipsis"),
        Constant::Int(i) => {
            let _ = write!(o, "i{}", i);
        }
        Constant::Float(f) => {
            let _ = write!(o, "f{}", f.to_bits());
        }
        Constant::Complex { real, imag } => {
            let _ = write!(o, "c{},{}", real.to_bits(), imag.to_bits());
        }
        Constant::Str(s) => wide(o, s.chars().map(|c| c as u32)),
        Constant::StrWide(w) => wide(o, w.iter().copied()),
        Constant::Bytes(b) => {
            o.push('b');
            for x in b {
                let _ = write!(o, "{:02x}", x);
            }
        }
        Constant::Tuple(_) => o.push_str("<tuple>"),
    }
}

fn wide(o: &mut String, it: impl Iterator<Item = u32>) {
    o.push_str("s\"");
    for c in it {
        if (0x20..0x7f).contains(&c) && c != '"' as u32 && c != '\\' as u32 {
            o.push(char::from_u32(c).unwrap());
        } else {
            let _ = write!(o, "\\u{{{:x}}}", c);
        }
    }
    o.push('"');
}

fn ctx(o: &mut String, c: &ExprContext) {
    let _ = write!(o, "{:?}", c);
}

fn comprehensions(o: &mut String, g: &[Comprehension]) {
    list(o, g, |o, c| {
        o.push_str("comprehension(");
        expr(o, &c.target);
        o.push(',');
        expr(o, &c.iter);
        o.push(',');
        exprs(o, &c.ifs);
        let _ = write!(o, ",{})", c.is_async as i32);
    });
}

pub fn expr(o: &mut String, e: &Expr) {
    use ExprKind::*;
    match &e.node {
        BoolOp { op, values } => {
            let _ = write!(o, "BoolOp({:?},", op);
            exprs(o, values);
        }
        NamedExpr { target, value } => {
            o.push_str("NamedExpr(");
            expr(o, target);
            o.push(',');
            expr(o, value);
        }
        BinOp { left, op, right } => {
            o.push_str("BinOp(");
            expr(o, left);
            let _ = write!(o, ",{:?},", op);
            expr(o, right);
        }
        UnaryOp { op, operand } => {
            let _ = write!(o, "UnaryOp({:?},", op);
            expr(o, operand);
        }
        Lambda { args, body } => {
            o.push_str("Lambda(");
            arguments(o, args);
            o.push(',');
            expr(o, body);
        }
        IfExp { test, body, orelse } => {
            o.push_str("IfExp(");
            expr(o, test);
            o.push(',');
            expr(o, body);
            o.push(',');
            expr(o, orelse);
        }
        Dict { keys, values } => {
            o.push_str("Dict(");
            list(o, keys, |o, k| opt(o, k, expr));
            o.push(',');
            exprs(o, values);
        }
        Set { elts } => {
            o.push_str("Set(");
            exprs(o, elts);
        }
        ListComp { elt, generators } | SetComp { elt, generators } | GeneratorExp { elt, generators } => {
            o.push_str(match &e.node {
                ListComp { .. } => "ListComp(",
                SetComp { .. } => "SetComp(",
                _ => "GeneratorExp(",
            });
            expr(o, elt);
            o.push(',');
            comprehensions(o, generators);
        }
        DictComp { key, value, generators } => {
            o.push_str("DictComp(");
            expr(o, key);
            o.push(',');
            expr(o, value);
            o.push(',');
            comprehensions(o, generators);
        }
        Await { value } => {
            o.push_str("Await(");
            expr(o, value);
        }
        Yield { value } => {
            o.push_str("Yield(");
            oexpr(o, value);
        }
        YieldFrom { value } => {
            o.push_str("YieldFrom(");
            expr(o, value);
        }
        Compare { left, ops, comparators } => {
            o.push_str("Compare(");
            expr(o, left);
            o.push(',');
            list(o, ops, |o, op| {
                let _ = write!(o, "{:?}", op);
            });
            o.push(',');
            exprs(o, comparators);
        }
        Call { func, args, keywords } => {
            o.push_str("Call(");
            expr(o, func);
            o.push(',');
            exprs(o, args);
            o.push(',');
            list(o, keywords, keyword);
        }
        FormattedValue { value, conversion, format_spec } => {
            o.push_str("FormattedValue(");
            expr(o, value);
            let _ = write!(o, ",{},", conversion);
            oexpr(o, format_spec);
        }
        JoinedStr { values } => {
            o.push_str("JoinedStr(");
            exprs(o, values);
        }
        Constant { value, kind } => {
            o.push_str("Constant(");
            constant(o, value);
            o.push(',');
            ostr(o, kind);
        }
        Attribute { value, attr, ctx: c } => {
            o.push_str("Attribute(");
            expr(o, value);
            o.push(',');
            o.push_str(attr);
            o.push(',');
            ctx(o, c);
        }
        Subscript { value, slice, ctx: c } => {
            o.push_str("Subscript(");
            expr(o, value);
            o.push(',');
            expr(o, slice);
            o.push(',');
            ctx(o, c);
        }
        Starred { value, ctx: c } => {
            o.push_str("Starred(");
            expr(o, value);
            o.push(',');
            ctx(o, c);
        }
        Name { id, ctx: c } => {
            o.push_str("Name(");
            o.push_str(id);
            o.push(',');
            ctx(o, c);
        }
        List { elts, ctx: c } | Tuple { elts, ctx: c } => {
            o.push_str(if matches!(e.node, List { .. }) { "List(" } else { "Tuple(" });
            exprs(o, elts);
            o.push(',');
            ctx(o, c);
        }
        Slice { lower, upper, step } => {
            o.push_str("Slice(");
            oexpr(o, lower);
            o.push(',');
            oexpr(o, upper);
            o.push(',');
            oexpr(o, step);
        }
    }
    o.push(')');
    r(o, &e.range);
}

fn pattern(o: &mut String, p: &Pattern) {
    use PatternKind::*;
    match &p.node {
        MatchValue { value } => {
            o.push_str("MatchValue(");
            expr(o, value);
        }
        MatchSingleton { value } => {
            o.push_str("MatchSingleton(");
            constant(o, value);
        }
        MatchSequence { patterns } => {
            o.push_str("MatchSequence(");
            list(o, patterns, pattern);
        }
        MatchMapping { keys, patterns, rest } => {
            o.push_str("MatchMapping(");
            exprs(o, keys);
            o.push(',');
            list(o, patterns, pattern);
            o.push(',');
            ostr(o, rest);
        }
        MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
            o.push_str("MatchClass(");
            expr(o, cls);
            o.push(',');
            list(o, patterns, pattern);
            o.push(',');
            names(o, kwd_attrs);
            o.push(',');
            list(o, kwd_patterns, pattern);
        }
        MatchStar { name } => {
            o.push_str("MatchStar(");
            ostr(o, name);
        }
        MatchAs { pattern: pt, name } => {
            o.push_str("MatchAs(");
            opt(o, pt, |o, p| pattern(o, p));
            o.push(',');
            ostr(o, name);
        }
        MatchOr { patterns } => {
            o.push_str("MatchOr(");
            list(o, patterns, pattern);
        }
    }
    o.push(')');
    r(o, &p.range);
}
