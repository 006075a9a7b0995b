//! Expression unparser for `from __future__ import annotations`, following
//! CPython's Python/ast_unparse.c (same precedence levels and spacing).

use crate::ast::*;
use std::fmt::Write;

const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// Renders an annotation as CPython's `_PyAST_ExprAsUnicode` does.
pub fn unparse(e: &Expr) -> String {
    let mut s = String::new();
    expr(&mut s, e, PR_TEST);
    s
}

pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{:02x}", c);
            }
        }
    }
    out.push(quote as char);
    out
}

pub fn repr_float(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 { "1e309".into() } else { "-1e309".into() };
    }
    if f.is_nan() {
        return "nan".into();
    }
    let s = format!("{:?}", f);
    // Rust prints 1e100 / 1e-7 where Python prints 1e+100 / 1e-07.
    if let Some(p) = s.find('e') {
        let (m, e) = s.split_at(p);
        let e = &e[1..];
        let (sign, digits) = if let Some(d) = e.strip_prefix('-') { ("-", d) } else { ("+", e) };
        let m = m.strip_suffix(".0").unwrap_or(m);
        return format!("{}e{}{:0>2}", m, sign, digits);
    }
    let abs = f.abs();
    if abs >= 1e16 {
        let e = abs.log10().floor() as i32;
        let m = f / 10f64.powi(e);
        let ms = format!("{:?}", m);
        let ms = ms.strip_suffix(".0").unwrap_or(&ms).to_string();
        return format!("{}e+{:02}", ms, e);
    }
    if abs != 0.0 && abs < 1e-4 {
        let e = abs.log10().floor() as i32;
        let m = f / 10f64.powi(e);
        let ms = format!("{:?}", m);
        let ms = ms.strip_suffix(".0").unwrap_or(&ms).to_string();
        return format!("{}e-{:02}", ms, -e);
    }
    s
}

pub fn repr_const(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "...".into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => repr_float(*f),
        Constant::Complex { real, imag } => {
            if *real == 0.0 && real.is_sign_positive() {
                format!("{}j", repr_float(*imag).trim_end_matches(".0"))
            } else {
                format!("({}+{}j)", repr_float(*real), repr_float(*imag))
            }
        }
        Constant::Str(s) => repr_str(s),
        Constant::StrWide(w) => {
            let s: String = w.iter().map(|&c| char::from_u32(c).unwrap_or('\u{fffd}')).collect();
            repr_str(&s)
        }
        Constant::Bytes(b) => repr_bytes(b),
        Constant::Tuple(t) => {
            let items: Vec<String> = t.iter().map(repr_const).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
    }
}

fn binop_info(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => (" + ", PR_ARITH),
        Operator::Sub => (" - ", PR_ARITH),
        Operator::Mult => (" * ", PR_TERM),
        Operator::MatMult => (" @ ", PR_TERM),
        Operator::Div => (" / ", PR_TERM),
        Operator::Mod => (" % ", PR_TERM),
        Operator::FloorDiv => (" // ", PR_TERM),
        Operator::LShift => (" << ", PR_SHIFT),
        Operator::RShift => (" >> ", PR_SHIFT),
        Operator::BitOr => (" | ", PR_BOR),
        Operator::BitXor => (" ^ ", PR_BXOR),
        Operator::BitAnd => (" & ", PR_BAND),
        Operator::Pow => (" ** ", PR_POWER),
    }
}

fn cmp_str(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn seq(s: &mut String, es: &[Expr]) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        expr(s, e, PR_TEST);
    }
}

fn comprehensions(s: &mut String, gens: &[Comprehension]) {
    for g in gens {
        s.push_str(if g.is_async { " async for " } else { " for " });
        expr(s, &g.target, PR_TUPLE);
        s.push_str(" in ");
        expr(s, &g.iter, PR_TEST + 1);
        for c in &g.ifs {
            s.push_str(" if ");
            expr(s, c, PR_TEST + 1);
        }
    }
}

fn args(s: &mut String, a: &Arguments) {
    let mut first = true;
    let mut sep = |s: &mut String| {
        if !first {
            s.push_str(", ");
        }
        first = false;
    };
    let npos = a.posonlyargs.len() + a.args.len();
    let ndef = a.defaults.len();
    for (i, arg) in a.posonlyargs.iter().chain(a.args.iter()).enumerate() {
        sep(s);
        s.push_str(&arg.arg);
        if i + ndef >= npos {
            s.push('=');
            expr(s, &a.defaults[i + ndef - npos], PR_TEST);
        }
        if i + 1 == a.posonlyargs.len() {
            s.push_str(", /");
        }
    }
    if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
        sep(s);
        s.push('*');
        if let Some(v) = &a.vararg {
            s.push_str(&v.arg);
        }
    }
    for (arg, d) in a.kwonlyargs.iter().zip(a.kw_defaults.iter()) {
        sep(s);
        s.push_str(&arg.arg);
        if let Some(d) = d {
            s.push('=');
            expr(s, d, PR_TEST);
        }
    }
    if let Some(k) = &a.kwarg {
        sep(s);
        s.push_str("**");
        s.push_str(&k.arg);
    }
}

fn fstring_body(s: &mut String, values: &[Expr]) {
    for v in values {
        match &v.node {
            ExprKind::Constant { value: Constant::Str(t), .. } => {
                s.push_str(&t.replace('{', "{{").replace('}', "}}"));
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                let mut inner = String::new();
                expr(&mut inner, value, PR_TEST + 1);
                s.push('{');
                if inner.starts_with('{') {
                    s.push(' ');
                }
                s.push_str(&inner);
                if *conversion > 0 {
                    s.push('!');
                    s.push(char::from_u32(*conversion as u32).unwrap_or('r'));
                }
                if let Some(spec) = format_spec {
                    s.push(':');
                    if let ExprKind::JoinedStr { values } = &spec.node {
                        fstring_body(s, values);
                    }
                }
                s.push('}');
            }
            ExprKind::JoinedStr { values } => fstring_body(s, values),
            _ => {}
        }
    }
}

fn expr(s: &mut String, e: &Expr, level: u8) {
    match &e.node {
        ExprKind::BoolOp { op, values } => {
            let (kw, pr) = if *op == BoolOp::And { (" and ", PR_AND) } else { (" or ", PR_OR) };
            if level > pr {
                s.push('(');
            }
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    s.push_str(kw);
                }
                expr(s, v, pr + 1);
            }
            if level > pr {
                s.push(')');
            }
        }
        ExprKind::NamedExpr { target, value } => {
            if level > PR_TUPLE {
                s.push('(');
            }
            expr(s, target, PR_ATOM);
            s.push_str(" := ");
            expr(s, value, PR_ATOM);
            if level > PR_TUPLE {
                s.push(')');
            }
        }
        ExprKind::BinOp { left, op, right } => {
            let (o, pr) = binop_info(*op);
            let rassoc = *op == Operator::Pow;
            if level > pr {
                s.push('(');
            }
            expr(s, left, pr + rassoc as u8);
            s.push_str(o);
            expr(s, right, pr + 1 - rassoc as u8);
            if level > pr {
                s.push(')');
            }
        }
        ExprKind::UnaryOp { op, operand } => {
            let (o, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            if level > pr {
                s.push('(');
            }
            s.push_str(o);
            expr(s, operand, pr);
            if level > pr {
                s.push(')');
            }
        }
        ExprKind::Lambda { args: a, body } => {
            if level > PR_TEST {
                s.push('(');
            }
            let mut t = String::new();
            args(&mut t, a);
            if t.is_empty() {
                s.push_str("lambda: ");
            } else {
                s.push_str("lambda ");
                s.push_str(&t);
                s.push_str(": ");
            }
            expr(s, body, PR_TEST);
            if level > PR_TEST {
                s.push(')');
            }
        }
        ExprKind::IfExp { test, body, orelse } => {
            if level > PR_TEST {
                s.push('(');
            }
            expr(s, body, PR_TEST + 1);
            s.push_str(" if ");
            expr(s, test, PR_TEST + 1);
            s.push_str(" else ");
            expr(s, orelse, PR_TEST);
            if level > PR_TEST {
                s.push(')');
            }
        }
        ExprKind::Dict { keys, values } => {
            s.push('{');
            for (i, (k, v)) in keys.iter().zip(values.iter()).enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(s, k, PR_TEST);
                        s.push_str(": ");
                        expr(s, v, PR_TEST);
                    }
                    None => {
                        s.push_str("**");
                        expr(s, v, PR_EXPR);
                    }
                }
            }
            s.push('}');
        }
        ExprKind::Set { elts } => {
            if elts.is_empty() {
                s.push_str("{*()}");
            } else {
                s.push('{');
                seq(s, elts);
                s.push('}');
            }
        }
        ExprKind::ListComp { elt, generators } => {
            s.push('[');
            expr(s, elt, PR_TEST);
            comprehensions(s, generators);
            s.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            s.push('{');
            expr(s, elt, PR_TEST);
            comprehensions(s, generators);
            s.push('}');
        }
        ExprKind::DictComp { key, value, generators } => {
            s.push('{');
            expr(s, key, PR_TEST);
            s.push_str(": ");
            expr(s, value, PR_TEST);
            comprehensions(s, generators);
            s.push('}');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            s.push('(');
            expr(s, elt, PR_TEST);
            comprehensions(s, generators);
            s.push(')');
        }
        ExprKind::Await { value } => {
            if level > PR_AWAIT {
                s.push('(');
            }
            s.push_str("await ");
            expr(s, value, PR_ATOM);
            if level > PR_AWAIT {
                s.push(')');
            }
        }
        ExprKind::Yield { value } => {
            s.push_str("(yield");
            if let Some(v) = value {
                s.push(' ');
                expr(s, v, PR_TEST);
            }
            s.push(')');
        }
        ExprKind::YieldFrom { value } => {
            s.push_str("(yield from ");
            expr(s, value, PR_TEST);
            s.push(')');
        }
        ExprKind::Compare { left, ops, comparators } => {
            if level > PR_CMP {
                s.push('(');
            }
            expr(s, left, PR_CMP + 1);
            for (o, c) in ops.iter().zip(comparators.iter()) {
                s.push_str(cmp_str(*o));
                expr(s, c, PR_CMP + 1);
            }
            if level > PR_CMP {
                s.push(')');
            }
        }
        ExprKind::Call { func, args: a, keywords } => {
            expr(s, func, PR_ATOM);
            if a.len() == 1 && keywords.is_empty() {
                if let ExprKind::GeneratorExp { .. } = &a[0].node {
                    expr(s, &a[0], PR_TEST);
                    return;
                }
            }
            s.push('(');
            let mut first = true;
            for x in a {
                if !first {
                    s.push_str(", ");
                }
                first = false;
                expr(s, x, PR_TEST);
            }
            for k in keywords {
                if !first {
                    s.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(n) => {
                        s.push_str(n);
                        s.push('=');
                    }
                    None => s.push_str("**"),
                }
                expr(s, &k.value, PR_TEST);
            }
            s.push(')');
        }
        ExprKind::FormattedValue { .. } | ExprKind::JoinedStr { .. } => {
            let mut body = String::new();
            fstring_body(&mut body, std::slice::from_ref(e));
            s.push('f');
            s.push_str(&repr_str(&body));
        }
        ExprKind::Constant { value, .. } => {
            let r = repr_const(value);
            s.push_str(&r);
        }
        ExprKind::Attribute { value, attr, .. } => {
            expr(s, value, PR_ATOM);
            if let ExprKind::Constant { value: Constant::Int(_), .. } = &value.node {
                s.push(' ');
            }
            s.push('.');
            s.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(s, value, PR_ATOM);
            s.push('[');
            match &slice.node {
                ExprKind::Tuple { elts, .. }
                    if !elts.is_empty() && !elts.iter().any(|x| matches!(x.node, ExprKind::Starred { .. })) =>
                {
                    for (i, x) in elts.iter().enumerate() {
                        if i > 0 {
                            s.push_str(", ");
                        }
                        expr(s, x, PR_TEST);
                    }
                    if elts.len() == 1 {
                        s.push(',');
                    }
                }
                _ => expr(s, slice, PR_TUPLE),
            }
            s.push(']');
        }
        ExprKind::Starred { value, .. } => {
            s.push('*');
            expr(s, value, PR_EXPR);
        }
        ExprKind::Name { id, .. } => s.push_str(id),
        ExprKind::List { elts, .. } => {
            s.push('[');
            seq(s, elts);
            s.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                s.push_str("()");
                return;
            }
            if level > PR_TUPLE {
                s.push('(');
            }
            seq(s, elts);
            if elts.len() == 1 {
                s.push(',');
            }
            if level > PR_TUPLE {
                s.push(')');
            }
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(s, l, PR_TEST);
            }
            s.push(':');
            if let Some(u) = upper {
                expr(s, u, PR_TEST);
            }
            if let Some(st) = step {
                s.push(':');
                expr(s, st, PR_TEST);
            }
        }
    }
}
