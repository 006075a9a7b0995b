//! Symbol tables, as CPython 3.11's `Python/symtable.c` builds them: one
//! `Scope` per module, class, function, lambda and comprehension, each name's
//! definition flags, then an analysis pass that decides whether every name is
//! local, global (explicit or implicit), free or a cell.

use super::{mangle, CResult, CompileError};
use crate::ast::*;
use std::collections::{HashMap, HashSet};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE: u32 = 32;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymScope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: SymScope,
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub name: String,
    pub kind: ScopeKind,
    pub comprehension: Option<CompKind>,
    pub is_lambda: bool,
    /// Symbols in order of first appearance.
    pub names: Vec<String>,
    pub symbols: HashMap<String, Symbol>,
    /// Parameters in order.
    pub varnames: Vec<String>,
    pub children: Vec<usize>,
    pub nested: bool,
    pub has_free: bool,
    pub child_free: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    directives: HashMap<String, Range>,
    pub range: Range,
}

impl Scope {
    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }
    pub fn scope_of(&self, name: &str) -> SymScope {
        self.symbols.get(name).map_or(SymScope::Unknown, |s| s.scope)
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node address -> scope index.
    pub by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    pub fn lookup<T>(&self, node: &T) -> usize {
        self.by_node[&(node as *const T as usize)]
    }
}

pub(crate) fn build(m: &Mod, future_annotations: bool) -> CResult<SymbolTable> {
    let mut b = Builder {
        scopes: vec![],
        by_node: HashMap::new(),
        stack: vec![],
        private: None,
        future_annotations,
        depth: 0,
    };
    b.enter(String::from("top"), ScopeKind::Module, 0usize, Range::default());
    match m {
        Mod::Module { body } | Mod::Interactive { body } => b.stmts(body)?,
        Mod::Expression { body } => b.expr(body)?,
    }
    b.stack.pop();
    let mut st = SymbolTable { scopes: b.scopes, by_node: b.by_node };
    analyze(&mut st)?;
    Ok(st)
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    stack: Vec<usize>,
    private: Option<String>,
    future_annotations: bool,
    depth: u32,
}

const MAX_DEPTH: u32 = 2000;

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap();
        &mut self.scopes[i]
    }

    fn enter(&mut self, name: String, kind: ScopeKind, key: usize, range: Range) {
        let parent = self.stack.last().copied();
        let nested = match parent {
            Some(p) => self.scopes[p].nested || self.scopes[p].kind == ScopeKind::Function,
            None => false,
        };
        let idx = self.scopes.len();
        self.scopes.push(Scope {
            name,
            kind,
            comprehension: None,
            is_lambda: false,
            names: vec![],
            symbols: HashMap::new(),
            varnames: vec![],
            children: vec![],
            nested,
            has_free: false,
            child_free: false,
            generator: false,
            coroutine: false,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: HashMap::new(),
            range,
        });
        if let Some(p) = parent {
            self.scopes[p].children.push(idx);
        }
        if key != 0 {
            self.by_node.insert(key, idx);
        }
        self.stack.push(idx);
    }

    fn add_def_in(&mut self, scope: usize, name: &str, flag: u32, range: Range) -> CResult<()> {
        let mangled = mangle(self.private.as_deref(), name);
        let s = &mut self.scopes[scope];
        let mut flag = flag;
        if let Some(sym) = s.symbols.get_mut(&mangled) {
            if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
                return Err(CompileError::new(
                    format!("duplicate argument '{}' in function definition", mangled),
                    range,
                ));
            }
            sym.flags |= flag;
        } else {
            if s.comp_iter_target {
                flag |= DEF_COMP_ITER;
            }
            s.names.push(mangled.clone());
            s.symbols.insert(mangled.clone(), Symbol { flags: flag, scope: SymScope::Unknown });
        }
        if s.comp_iter_target {
            s.symbols.get_mut(&mangled).unwrap().flags |= DEF_COMP_ITER;
        }
        if flag & DEF_PARAM != 0 {
            s.varnames.push(mangled.clone());
        } else if flag & DEF_GLOBAL != 0 {
            // Globals are also recorded in the module scope.
            let top = &mut self.scopes[0];
            match top.symbols.get_mut(&mangled) {
                Some(sym) => sym.flags |= flag,
                None => {
                    top.names.push(mangled.clone());
                    top.symbols.insert(mangled, Symbol { flags: flag, scope: SymScope::Unknown });
                }
            }
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, range: Range) -> CResult<()> {
        let cur = *self.stack.last().unwrap();
        self.add_def_in(cur, name, flag, range)
    }

    fn stmts(&mut self, body: &[Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr]) -> CResult<()> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr) -> CResult<()> {
        if self.future_annotations {
            return Ok(());
        }
        self.expr(e)
    }

    fn arguments_annotations(&mut self, a: &Arguments) -> CResult<()> {
        for arg in a.posonlyargs.iter().chain(a.args.iter()).chain(a.kwonlyargs.iter()) {
            if let Some(ann) = &arg.annotation {
                self.annotation(ann)?;
            }
        }
        for arg in a.vararg.iter().chain(a.kwarg.iter()) {
            if let Some(ann) = &arg.annotation {
                self.annotation(ann)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, a: &Arguments) -> CResult<()> {
        for arg in a.posonlyargs.iter().chain(a.args.iter()).chain(a.kwonlyargs.iter()) {
            self.add_def(&arg.arg, DEF_PARAM, arg.range)?;
        }
        if let Some(v) = &a.vararg {
            self.add_def(&v.arg, DEF_PARAM, v.range)?;
            self.cur().varargs = true;
        }
        if let Some(k) = &a.kwarg {
            self.add_def(&k.arg, DEF_PARAM, k.range)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn function(&mut self, s: &Stmt, f: &FunctionDef, is_async: bool) -> CResult<()> {
        self.add_def(&f.name, DEF_LOCAL, s.range)?;
        self.exprs(&f.args.defaults)?;
        for d in f.args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        self.arguments_annotations(&f.args)?;
        if let Some(r) = &f.returns {
            self.annotation(r)?;
        }
        self.exprs(&f.decorator_list)?;
        self.enter(f.name.clone(), ScopeKind::Function, s as *const Stmt as usize, s.range);
        if is_async {
            self.cur().coroutine = true;
        }
        self.params(&f.args)?;
        self.stmts(&f.body)?;
        self.stack.pop();
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::new(super::RECURSION_MSG, s.range));
        }
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> CResult<()> {
        match &s.node {
            StmtKind::FunctionDef(f) => self.function(s, f, false)?,
            StmtKind::AsyncFunctionDef(f) => self.function(s, f, true)?,
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                self.add_def(name, DEF_LOCAL, s.range)?;
                self.exprs(bases)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.exprs(decorator_list)?;
                self.enter(name.clone(), ScopeKind::Class, s as *const Stmt as usize, s.range);
                let saved = self.private.replace(name.clone());
                self.stmts(body)?;
                self.private = saved;
                self.stack.pop();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.cur().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name { id, .. } = &target.node {
                    let mangled = mangle(self.private.as_deref(), id);
                    let cur = self.cur().flags(&mangled);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.stack.last() != Some(&0) && *simple {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{}' can't be global", id)
                        } else {
                            format!("annotated name '{}' can't be nonlocal", id)
                        };
                        return Err(CompileError::new(msg, s.range));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.range)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.range)?;
                    }
                } else {
                    self.expr(target)?;
                }
                self.annotation(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::For { target, iter, body, orelse } | StmtKind::AsyncFor { target, iter, body, orelse } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } | StmtKind::AsyncWith { items, body } => {
                for it in items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody }
            | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                self.stmts(body)?;
                self.stmts(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                if matches!(&test.node, ExprKind::Tuple { elts, .. } if !elts.is_empty()) {
                    crate::warnings::defer(
                        crate::warnings::CompileWarning::Syntax,
                        "assertion is always true, perhaps remove parentheses?",
                        s.range,
                    );
                }
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.import_alias(a)?;
                }
            }
            StmtKind::Global { names } => {
                for n in names {
                    let mangled = mangle(self.private.as_deref(), n);
                    let cur = self.cur().flags(&mangled);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and global", n)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to global declaration", n)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be global", n)
                        } else {
                            format!("name '{}' is assigned to before global declaration", n)
                        };
                        return Err(CompileError::new(msg, s.range));
                    }
                    self.add_def(n, DEF_GLOBAL, s.range)?;
                    self.cur().directives.entry(mangled).or_insert(s.range);
                }
            }
            StmtKind::Nonlocal { names } => {
                for n in names {
                    let mangled = mangle(self.private.as_deref(), n);
                    let cur = self.cur().flags(&mangled);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and nonlocal", n)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to nonlocal declaration", n)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be nonlocal", n)
                        } else {
                            format!("name '{}' is assigned to before nonlocal declaration", n)
                        };
                        return Err(CompileError::new(msg, s.range));
                    }
                    self.add_def(n, DEF_NONLOCAL, s.range)?;
                    self.cur().directives.entry(mangled).or_insert(s.range);
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn import_alias(&mut self, a: &Alias) -> CResult<()> {
        let store = match &a.asname {
            Some(n) => n.clone(),
            None => a.name.split('.').next().unwrap().to_string(),
        };
        if store == "*" {
            if self.cur().kind != ScopeKind::Module {
                return Err(CompileError::new("import * only allowed at module level", a.range));
            }
            return Ok(());
        }
        self.add_def(&store, DEF_IMPORT, a.range)
    }

    fn expr(&mut self, e: &Expr) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError::new(super::RECURSION_MSG, e.range));
        }
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult<()> {
        match &e.node {
            ExprKind::NamedExpr { target, value } => {
                if self.cur().comp_iter_expr > 0 {
                    return Err(CompileError::new(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        e.range,
                    ));
                }
                self.expr(value)?;
                if self.cur().comprehension.is_some() {
                    self.extend_namedexpr_scope(target)?;
                } else {
                    self.expr(target)?;
                }
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.exprs(&args.defaults)?;
                for d in args.kw_defaults.iter().flatten() {
                    self.expr(d)?;
                }
                self.enter("lambda".into(), ScopeKind::Function, e as *const Expr as usize, e.range);
                self.cur().is_lambda = true;
                self.params(args)?;
                self.expr(body)?;
                self.stack.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set { elts } => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "listcomp", CompKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "setcomp", CompKind::Set, generators, elt, None)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, "dictcomp", CompKind::Dict, generators, key, Some(value))?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "genexpr", CompKind::Gen, generators, elt, None)?
            }
            ExprKind::Yield { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.cur().generator = true;
                self.raise_if_comprehension(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.expr(value)?;
                self.cur().generator = true;
                self.raise_if_comprehension(e)?;
            }
            ExprKind::Await { value } => {
                self.expr(value)?;
                self.cur().coroutine = true;
            }
            ExprKind::Compare { left, ops, comparators } => {
                check_is_literal(e, left, ops, comparators);
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                check_caller(e, func);
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == ExprContext::Load {
                    check_subscript(e, value, slice);
                }
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load { USE } else { DEF_LOCAL };
                self.add_def(id, flag, e.range)?;
                if *ctx == ExprContext::Load && self.cur().kind == ScopeKind::Function && id == "super" {
                    self.add_def("__class__", USE, e.range)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
        }
        Ok(())
    }

    fn raise_if_comprehension(&mut self, e: &Expr) -> CResult<()> {
        let msg = match self.cur().comprehension {
            None => return Ok(()),
            Some(CompKind::List) => "'yield' inside list comprehension",
            Some(CompKind::Set) => "'yield' inside set comprehension",
            Some(CompKind::Dict) => "'yield' inside dict comprehension",
            Some(CompKind::Gen) => "'yield' inside generator expression",
        };
        Err(CompileError::new(msg, e.range))
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> CResult<()> {
        let name = match &target.node {
            ExprKind::Name { id, .. } => id.clone(),
            _ => return self.expr(target),
        };
        let cur = *self.stack.last().unwrap();
        for i in (0..self.stack.len()).rev() {
            let si = self.stack[i];
            if self.scopes[si].comprehension.is_some() {
                if self.scopes[si].flags(&name) & DEF_COMP_ITER != 0 {
                    return Err(CompileError::new(
                        format!("assignment expression cannot rebind comprehension iteration variable '{}'", name),
                        target.range,
                    ));
                }
                continue;
            }
            match self.scopes[si].kind {
                ScopeKind::Function => {
                    let f = self.scopes[si].flags(&name);
                    if f & DEF_GLOBAL != 0 {
                        self.add_def_in(cur, &name, DEF_GLOBAL, target.range)?;
                    } else {
                        self.add_def_in(cur, &name, DEF_NONLOCAL, target.range)?;
                        self.scopes[cur].directives.insert(name.clone(), target.range);
                    }
                    return self.add_def_in(si, &name, DEF_LOCAL, target.range);
                }
                ScopeKind::Module => {
                    self.add_def_in(cur, &name, DEF_GLOBAL, target.range)?;
                    return self.add_def_in(si, &name, DEF_GLOBAL, target.range);
                }
                ScopeKind::Class => {
                    return Err(CompileError::new(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.range,
                    ))
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        kind: CompKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> CResult<()> {
        let outer = &generators[0];
        self.cur().comp_iter_expr += 1;
        self.expr(&outer.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter(format!("<{}>", name), ScopeKind::Function, e as *const Expr as usize, e.range);
        self.cur().comprehension = Some(kind);
        if outer.is_async {
            self.cur().coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, e.range)?;
        self.cur().comp_iter_target = true;
        self.expr(&outer.target)?;
        self.cur().comp_iter_target = false;
        self.exprs(&outer.ifs)?;
        for g in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.expr(&g.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.expr(&g.iter)?;
            self.cur().comp_iter_expr -= 1;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        self.cur().generator = kind == CompKind::Gen;
        self.stack.pop();
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> CResult<()> {
        match &p.node {
            PatternKind::MatchValue { value } => self.expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.range)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.exprs(keys)?;
                for q in patterns {
                    self.pattern(q)?;
                }
                if let Some(n) = rest {
                    self.add_def(n, DEF_LOCAL, p.range)?;
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns.iter()) {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.range)?;
                }
            }
        }
        Ok(())
    }
}


// ---- analysis ----

fn analyze(st: &mut SymbolTable) -> CResult<()> {
    let mut free = HashSet::new();
    let global = HashSet::new();
    analyze_block(st, 0, None, &mut free, &global)
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    s: &mut Scope,
    scopes: &mut HashMap<String, SymScope>,
    name: &str,
    flags: u32,
    bound: Option<&HashSet<String>>,
    local: &mut HashSet<String>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> CResult<()> {
    let dir = s.directives.get(name).copied().unwrap_or(s.range);
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(CompileError::new(format!("name '{}' is nonlocal and global", name), dir));
        }
        scopes.insert(name.into(), SymScope::GlobalExplicit);
        global.insert(name.into());
        // CPython discards it from `bound` here; callers copy bound first.
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let b = match bound {
            None => {
                return Err(CompileError::new("nonlocal declaration not allowed at module level", dir))
            }
            Some(b) => b,
        };
        if !b.contains(name) {
            return Err(CompileError::new(format!("no binding for nonlocal '{}' found", name), dir));
        }
        scopes.insert(name.into(), SymScope::Free);
        s.has_free = true;
        free.insert(name.into());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.into(), SymScope::Local);
        local.insert(name.into());
        global.remove(name);
        return Ok(());
    }
    if let Some(b) = bound {
        if b.contains(name) {
            scopes.insert(name.into(), SymScope::Free);
            s.has_free = true;
            free.insert(name.into());
            return Ok(());
        }
    }
    if global.contains(name) {
        scopes.insert(name.into(), SymScope::GlobalImplicit);
        return Ok(());
    }
    if s.nested {
        s.has_free = true;
    }
    scopes.insert(name.into(), SymScope::GlobalImplicit);
    Ok(())
}

fn analyze_block(
    st: &mut SymbolTable,
    idx: usize,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &HashSet<String>,
) -> CResult<()> {
    let mut local = HashSet::new();
    let mut scopes: HashMap<String, SymScope> = HashMap::new();
    let mut newglobal: HashSet<String> = HashSet::new();
    let mut newfree: HashSet<String> = HashSet::new();
    let mut newbound: HashSet<String> = HashSet::new();
    let mut global = global.clone();
    // For explicit globals CPython removes the name from `bound` (a set it
    // owns per call chain); emulate with a local copy.
    let mut bound_copy: Option<HashSet<String>> = bound.cloned();
    let kind = st.scopes[idx].kind;
    if kind == ScopeKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = &bound_copy {
            newbound.extend(b.iter().cloned());
        }
    }
    let names = st.scopes[idx].names.clone();
    for name in &names {
        let flags = st.scopes[idx].symbols[name].flags;
        let s = &mut st.scopes[idx];
        analyze_name(s, &mut scopes, name, flags, bound_copy.as_ref(), &mut local, free, &mut global)?;
        if flags & DEF_GLOBAL != 0 {
            if let Some(b) = &mut bound_copy {
                b.remove(name);
            }
        }
    }
    if kind != ScopeKind::Class {
        if kind == ScopeKind::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = &bound_copy {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".into());
    }
    let children = st.scopes[idx].children.clone();
    for c in children {
        let mut child_free = HashSet::new();
        analyze_block(st, c, Some(&newbound), &mut child_free, &newglobal)?;
        newfree.extend(child_free);
        if st.scopes[c].has_free || st.scopes[c].child_free {
            st.scopes[idx].child_free = true;
        }
    }
    if kind == ScopeKind::Function {
        // analyze_cells
        for (name, sc) in scopes.iter_mut() {
            if *sc != SymScope::Local {
                continue;
            }
            if !newfree.contains(name) {
                continue;
            }
            *sc = SymScope::Cell;
            newfree.remove(name);
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        st.scopes[idx].needs_class_closure = true;
    }
    // update_symbols
    let s = &mut st.scopes[idx];
    for name in &names {
        let sym = s.symbols.get_mut(name).unwrap();
        sym.scope = scopes[name];
    }
    let mut fv: Vec<&String> = newfree.iter().collect();
    fv.sort();
    for name in fv {
        if let Some(sym) = s.symbols.get_mut(name) {
            if kind == ScopeKind::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = &bound_copy {
            if !b.contains(name) {
                continue;
            }
        }
        s.names.push(name.clone());
        s.symbols.insert(name.clone(), Symbol { flags: 0, scope: SymScope::Free });
    }
    free.extend(newfree);
    Ok(())
}

/// A tuple display CPython's AST optimizer folds into a constant.
fn folds_to_constant(x: &Expr) -> bool {
    match &x.node {
        ExprKind::Constant { .. } => true,
        ExprKind::Tuple { elts, .. } => elts.iter().all(folds_to_constant),
        _ => false,
    }
}

/// CPython's SyntaxWarning for `is` / `is not` with a literal operand (any
/// constant but None, True, False and Ellipsis), at the comparison.
fn check_is_literal(e: &Expr, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
    let literal = |x: &Expr| match &x.node {
        ExprKind::Constant { value, .. } => !matches!(value, Constant::None | Constant::Bool(_) | Constant::Ellipsis),
        ExprKind::Tuple { .. } => folds_to_constant(x),
        _ => false,
    };
    let mut l = left;
    for (op, r) in ops.iter().zip(comparators) {
        if matches!(op, CmpOp::Is | CmpOp::IsNot) && (literal(l) || literal(r)) {
            let msg = if *op == CmpOp::Is {
                "\"is\" with a literal. Did you mean \"==\"?"
            } else {
                "\"is not\" with a literal. Did you mean \"!=\"?"
            };
            crate::warnings::defer(crate::warnings::CompileWarning::Syntax, msg, e.range);
            return;
        }
        l = r;
    }
}

/// The type a literal expression evaluates to (CPython's `infer_type`).
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.node {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "NoneType",
            Constant::Bool(_) => "bool",
            Constant::Ellipsis => "ellipsis",
            Constant::Int(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex { .. } => "complex",
            Constant::Str(_) | Constant::StrWide(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Tuple(_) => "tuple",
        },
        _ => return None,
    })
}

fn syntax_warning(msg: String, e: &Expr) {
    crate::warnings::defer(crate::warnings::CompileWarning::Syntax, msg, e.range);
}

/// "'tuple' object is not callable; perhaps you missed a comma?"
fn check_caller(call: &Expr, func: &Expr) {
    if matches!(
        func.node,
        ExprKind::Constant { .. } | ExprKind::Tuple { .. } | ExprKind::List { .. } | ExprKind::ListComp { .. }
            | ExprKind::Dict { .. } | ExprKind::DictComp { .. } | ExprKind::Set { .. } | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. } | ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. }
    ) {
        if let Some(t) = infer_type(func) {
            syntax_warning(format!("'{}' object is not callable; perhaps you missed a comma?", t), call);
        }
    }
}

/// The "not subscriptable" and "indices must be integers" warnings.
fn check_subscript(sub: &Expr, value: &Expr, index: &Expr) {
    let subscriptable_constant = |c: &Constant| {
        !matches!(c, Constant::None | Constant::Ellipsis | Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. })
    };
    let not_subscriptable = match &value.node {
        ExprKind::Constant { value: c, .. } => !subscriptable_constant(c),
        ExprKind::Set { .. } | ExprKind::SetComp { .. } | ExprKind::GeneratorExp { .. } | ExprKind::Lambda { .. } => true,
        _ => false,
    };
    if not_subscriptable {
        if let Some(t) = infer_type(value) {
            syntax_warning(format!("'{}' object is not subscriptable; perhaps you missed a comma?", t), sub);
        }
        return;
    }
    let Some(it) = infer_type(index) else { return };
    if it == "int" || it == "bool" {
        return;
    }
    let sequence = match &value.node {
        ExprKind::Constant { value: c, .. } => matches!(c, Constant::Str(_) | Constant::StrWide(_) | Constant::Bytes(_) | Constant::Tuple(_)),
        ExprKind::Tuple { .. } | ExprKind::List { .. } | ExprKind::ListComp { .. } | ExprKind::JoinedStr { .. }
            | ExprKind::FormattedValue { .. } => true,
        _ => false,
    };
    if sequence {
        if let Some(t) = infer_type(value) {
            syntax_warning(format!("{} indices must be integers or slices, not {}; perhaps you missed a comma?", t, it), sub);
        }
    }
}
