//! Code generation core: compiler units, labels, emission helpers, name
//! resolution, frame blocks, scopes, functions, classes, lambdas and
//! comprehensions. Statements live in `codegen_stmt`, expressions in
//! `codegen_expr`, match statements in `patterns`; `assemble` finishes a unit.

use super::symtable::{ScopeKind, SymScope, SymbolTable, DEF_IMPORT};
use super::{assemble, mangle, CResult, CompileError, Future};
use crate::ast::*;
use crate::bytecode::{co_flags, CodeUnit, ConstValue, Location, Opcode};
use num_bigint::BigInt;
use std::collections::HashMap;
use std::rc::Rc;

pub(crate) use Opcode::*;

/// CPython's STACK_USE_GUIDELINE.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;
/// CPython's CO_MAXBLOCKS.
const MAX_BLOCKS: usize = 20;
/// Nesting depth of expressions/statements at which compiling gives up.
const MAX_RECURSION: u32 = 1500;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(pub u32);

#[derive(Clone, Copy, Debug)]
pub(crate) struct Instr {
    pub op: Opcode,
    /// For jumps, a label id; for the DEREF family, an index into
    /// `cellvars ++ freevars` (fixed up by the assembler).
    pub arg: u32,
    pub loc: Location,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind,
    pub block: Option<Label>,
    pub exit: Option<Label>,
    pub body: Option<&'a [Stmt]>,
    pub name: Option<String>,
    pub range: Range,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    StrWide(Vec<u32>),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
}

fn const_key(c: &Constant) -> ConstKey {
    match c {
        Constant::None => ConstKey::None,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Int(i) => ConstKey::Int(i.clone()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::StrWide(s) => ConstKey::StrWide(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(t) => ConstKey::Tuple(t.iter().map(const_key).collect()),
    }
}

pub(crate) struct Unit<'a> {
    pub ste: usize,
    pub scope_type: ScopeType,
    pub name: String,
    pub qualname: String,
    pub private: Option<String>,
    pub instrs: Vec<Instr>,
    pub labels: Vec<u32>,
    pub consts: Vec<ConstValue>,
    const_map: HashMap<ConstKey, u32>,
    pub names: Vec<String>,
    name_map: HashMap<String, u32>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: u32,
    pub fblocks: Vec<FBlock<'a>>,
    pub loc: Location,
}

pub(crate) struct Compiler<'a> {
    pub st: SymbolTable,
    pub filename: String,
    pub optimize: u32,
    pub future: Future,
    pub interactive: bool,
    pub units: Vec<Unit<'a>>,
    pub depth: u32,
}

pub(crate) fn loc_of(r: Range) -> Location {
    Location { lineno: r.lineno, end_lineno: r.end_lineno, col: r.col_offset, end_col: r.end_col_offset }
}

pub(crate) fn loc_range(l: Location) -> Range {
    Range { lineno: l.lineno, col_offset: l.col, end_lineno: l.end_lineno, end_col_offset: l.end_col }
}

pub(crate) fn compile_module(
    m: &Mod,
    st: SymbolTable,
    filename: &str,
    optimize: u32,
    future: Future,
) -> CResult<CodeUnit> {
    let mut c = Compiler { st, filename: filename.to_string(), optimize, future, interactive: false, units: vec![], depth: 0 };
    c.enter_scope("<module>".into(), ScopeType::Module, 0, 1);
    let add_none = match m {
        Mod::Module { body } => {
            c.body(body)?;
            true
        }
        Mod::Interactive { body } => {
            c.interactive = true;
            if find_ann(body) {
                c.emit(SETUP_ANNOTATIONS, 0);
            }
            for s in body {
                c.visit_stmt(s)?;
            }
            true
        }
        Mod::Expression { body } => {
            c.visit_expr(body)?;
            false
        }
    };
    c.exit_scope(add_none)
}

/// Does a module or class body contain an annotated assignment (outside nested scopes)?
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.node {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => find_ann(body),
        StmtKind::Try { body, handlers, orelse, finalbody }
        | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
            find_ann(body) || find_ann(orelse) || find_ann(finalbody) || handlers.iter().any(|h| find_ann(&h.body))
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

/// The docstring of a body, if its first statement is a string constant.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&Expr> {
    match body.first().map(|s| &s.node) {
        Some(StmtKind::Expr { value }) => match &value.node {
            ExprKind::Constant { value: Constant::Str(_) | Constant::StrWide(_), .. } => Some(value),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }
    pub fn ur(&self) -> &Unit<'a> {
        self.units.last().unwrap()
    }

    pub fn error<T>(&self, msg: impl Into<String>) -> CResult<T> {
        Err(CompileError::new(msg, loc_range(self.ur().loc)))
    }

    pub fn error_at<T>(&self, msg: impl Into<String>, r: Range) -> CResult<T> {
        Err(CompileError::new(msg, r))
    }

    pub fn enter_recursion(&mut self, r: Range) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_RECURSION {
            return Err(CompileError::new(super::RECURSION_MSG, r));
        }
        Ok(())
    }

    // ---- emission ----

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        let loc = self.ur().loc;
        self.u().instrs.push(Instr { op, arg, loc });
    }

    pub fn emit_noline(&mut self, op: Opcode, arg: u32) {
        self.u().instrs.push(Instr { op, arg, loc: Location::default() });
    }

    pub fn jump(&mut self, op: Opcode, l: Label) {
        self.emit(op, l.0);
    }

    pub fn jump_noline(&mut self, op: Opcode, l: Label) {
        self.emit_noline(op, l.0);
    }

    pub fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(u32::MAX);
        Label(u.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        let u = self.u();
        u.labels[l.0 as usize] = u.instrs.len() as u32;
    }

    pub fn set_loc(&mut self, r: Range) {
        self.u().loc = loc_of(r);
    }

    pub fn unset_loc(&mut self) {
        self.u().loc = Location::default();
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        let key = const_key(&c);
        let u = self.u();
        if let Some(&i) = u.const_map.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(ConstValue::Value(c));
        u.const_map.insert(key, i);
        i
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(LOAD_CONST, i);
    }

    pub fn load_none(&mut self) {
        self.load_const(Constant::None);
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_map.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.to_string());
        u.name_map.insert(name.to_string(), i);
        i
    }

    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let i = self.add_name(name);
        self.emit(op, i);
    }

    /// Emits `op` with the mangled form of `name` (attributes, LOAD_METHOD).
    pub fn emit_name_mangled(&mut self, op: Opcode, name: &str) {
        let m = mangle(self.ur().private.as_deref(), name);
        self.emit_name(op, &m);
    }

    pub fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        match u.varnames.iter().position(|v| v == name) {
            Some(i) => i as u32,
            None => {
                u.varnames.push(name.to_string());
                u.varnames.len() as u32 - 1
            }
        }
    }

    /// Index into `cellvars ++ freevars` (the assembler maps it to localsplus).
    fn deref_index(&self, name: &str, cell: bool) -> u32 {
        let u = self.ur();
        if cell {
            if let Some(i) = u.cellvars.iter().position(|v| v == name) {
                return i as u32;
            }
        }
        if let Some(i) = u.freevars.iter().position(|v| v == name) {
            return (u.cellvars.len() + i) as u32;
        }
        if let Some(i) = u.cellvars.iter().position(|v| v == name) {
            return i as u32;
        }
        panic!("compiler: no cell or free variable {}", name)
    }

    /// Does the current code end in a return/raise with nothing jumping past it?
    fn ends_in_terminator(&self) -> bool {
        let u = self.ur();
        let n = u.instrs.len() as u32;
        match u.instrs.last() {
            Some(i) if matches!(i.op, RETURN_VALUE | RAISE_VARARGS | RERAISE) => !u.labels.iter().any(|&l| l == n),
            _ => false,
        }
    }

    // ---- frame blocks ----

    pub fn push_fblock(&mut self, kind: FBlockKind, block: Option<Label>, exit: Option<Label>) -> CResult<()> {
        self.push_fblock_full(FBlock { kind, block, exit, body: None, name: None, range: Range::default() })
    }

    pub fn push_fblock_full(&mut self, fb: FBlock<'a>) -> CResult<()> {
        if self.ur().fblocks.len() >= MAX_BLOCKS {
            return self.error("too many statically nested blocks");
        }
        self.u().fblocks.push(fb);
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    /// Emits the code that leaves one frame block early (break/continue/return).
    pub fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult<()> {
        match fb.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_TOP, 0);
            }
            FBlockKind::TryExcept => self.emit(POP_BLOCK, 0),
            FBlockKind::FinallyTry => {
                self.emit(POP_BLOCK, 0);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None)?;
                }
                let saved = self.ur().loc;
                for s in fb.body.unwrap() {
                    self.visit_stmt(s)?;
                }
                self.u().loc = saved;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_TOP, 0);
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_BLOCK, 0);
                self.emit(POP_EXCEPT, 0);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                self.set_loc(fb.range);
                self.emit(POP_BLOCK, 0);
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.call_exit_with_nones();
                if fb.kind == FBlockKind::AsyncWith {
                    self.emit(GET_AWAITABLE, 2);
                    self.load_none();
                    self.add_yield_from(true);
                }
                self.emit(POP_TOP, 0);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup => {
                if fb.name.is_some() {
                    self.emit(POP_BLOCK, 0);
                }
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_BLOCK, 0);
                self.emit(POP_EXCEPT, 0);
                if let Some(n) = &fb.name {
                    self.load_none();
                    self.nameop(n, ExprContext::Store)?;
                    self.nameop(n, ExprContext::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(SWAP, 2);
                }
                self.emit(POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// Unwinds frame blocks up to (not including) the innermost loop when
    /// `want_loop`, returning that loop; or all of them.
    pub fn unwind_fblock_stack(&mut self, preserve_tos: bool, want_loop: bool) -> CResult<Option<FBlock<'a>>> {
        let top = match self.ur().fblocks.last() {
            None => return Ok(None),
            Some(t) => t.clone(),
        };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return self.error("'break', 'continue' and 'return' cannot appear in an except* block");
        }
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, want_loop);
        self.u().fblocks.push(top);
        r
    }

    pub fn call_exit_with_nones(&mut self) {
        self.load_none();
        self.load_none();
        self.load_none();
        self.emit(CALL, 2);
    }

    /// `SEND exit; YIELD_VALUE; RESUME 2|3; JUMP_BACKWARD_NO_INTERRUPT send; exit:`
    pub fn add_yield_from(&mut self, is_await: bool) {
        let send = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.jump(SEND, exit);
        self.emit(YIELD_VALUE, 0);
        self.emit(RESUME, if is_await { 3 } else { 2 });
        self.jump(JUMP_BACKWARD_NO_INTERRUPT, send);
        self.bind(exit);
    }

    pub fn add_yield(&mut self) {
        let ste = &self.st.scopes[self.ur().ste];
        if ste.generator && ste.coroutine {
            self.emit(ASYNC_GEN_WRAP, 0);
        }
        self.emit(YIELD_VALUE, 0);
        self.emit(RESUME, 1);
    }

    // ---- names ----

    pub fn nameop(&mut self, name: &str, ctx: ExprContext) -> CResult<()> {
        let mangled = mangle(self.ur().private.as_deref(), name);
        let ste = &self.st.scopes[self.ur().ste];
        let scope = ste.scope_of(&mangled);
        let kind = ste.kind;
        enum Op {
            Fast,
            Global,
            Deref(bool),
            Name,
        }
        let op = match scope {
            SymScope::Free => Op::Deref(false),
            SymScope::Cell => Op::Deref(true),
            SymScope::Local if kind == ScopeKind::Function => Op::Fast,
            SymScope::GlobalImplicit if kind == ScopeKind::Function => Op::Global,
            SymScope::GlobalExplicit => Op::Global,
            _ => Op::Name,
        };
        match op {
            Op::Deref(cell) => {
                let i = self.deref_index(&mangled, cell);
                let opc = match ctx {
                    ExprContext::Load if kind == ScopeKind::Class => LOAD_CLASSDEREF,
                    ExprContext::Load => LOAD_DEREF,
                    ExprContext::Store => STORE_DEREF,
                    ExprContext::Del => DELETE_DEREF,
                };
                self.emit(opc, i);
            }
            Op::Fast => {
                let i = self.varname_index(&mangled);
                let opc = match ctx {
                    ExprContext::Load => LOAD_FAST,
                    ExprContext::Store => STORE_FAST,
                    ExprContext::Del => DELETE_FAST,
                };
                self.emit(opc, i);
            }
            Op::Global => {
                let i = self.add_name(&mangled);
                match ctx {
                    ExprContext::Load => self.emit(LOAD_GLOBAL, i << 1),
                    ExprContext::Store => self.emit(STORE_GLOBAL, i),
                    ExprContext::Del => self.emit(DELETE_GLOBAL, i),
                }
            }
            Op::Name => {
                let i = self.add_name(&mangled);
                let opc = match ctx {
                    ExprContext::Load => LOAD_NAME,
                    ExprContext::Store => STORE_NAME,
                    ExprContext::Del => DELETE_NAME,
                };
                self.emit(opc, i);
            }
        }
        Ok(())
    }

    /// Is `e` a name bound by an import at module level? (No LOAD_METHOD then.)
    pub fn is_import_originated(&self, e: &Expr) -> bool {
        match &e.node {
            ExprKind::Name { id, .. } => self.st.scopes[0].flags(id) & DEF_IMPORT != 0,
            _ => false,
        }
    }

    // ---- scopes ----

    pub fn enter_scope(&mut self, name: String, scope_type: ScopeType, ste: usize, firstlineno: u32) {
        let s = &self.st.scopes[ste];
        let mut varnames = s.varnames.clone();
        if s.kind == ScopeKind::Function {
            for n in &s.names {
                if s.symbols[n].scope == SymScope::Local && !varnames.contains(n) {
                    varnames.push(n.clone());
                }
            }
        }
        let mut cellvars: Vec<String> =
            s.names.iter().filter(|n| s.symbols[*n].scope == SymScope::Cell).cloned().collect();
        cellvars.sort();
        if s.needs_class_closure {
            cellvars.insert(0, "__class__".to_string());
        }
        let mut freevars: Vec<String> = s
            .names
            .iter()
            .filter(|n| {
                let sym = &s.symbols[*n];
                sym.scope == SymScope::Free || sym.flags & super::symtable::DEF_FREE_CLASS != 0
            })
            .cloned()
            .collect();
        freevars.sort();
        let private = self.units.last().and_then(|u| u.private.clone());
        let mut u = Unit {
            ste,
            scope_type,
            name: name.clone(),
            qualname: name,
            private,
            instrs: vec![],
            labels: vec![],
            consts: vec![],
            const_map: HashMap::new(),
            names: vec![],
            name_map: HashMap::new(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno,
            fblocks: vec![],
            loc: Location::default(),
        };
        u.qualname = self.qualname_for(&u);
        self.units.push(u);
        if scope_type == ScopeType::Module {
            // CPython puts a module's RESUME on line 0 (spanning to line 1).
            self.u().loc = Location { lineno: 0, end_lineno: 1, col: 0, end_col: 0 };
        } else {
            self.u().loc = Location { lineno: firstlineno, end_lineno: firstlineno, col: 0, end_col: 0 };
        }
        self.emit(RESUME, 0);
    }

    fn qualname_for(&self, u: &Unit) -> String {
        let parent = match self.units.last() {
            Some(p) if self.units.len() >= 2 || p.scope_type != ScopeType::Module => p,
            _ => return u.name.clone(),
        };
        if parent.scope_type == ScopeType::Module {
            return u.name.clone();
        }
        if matches!(u.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class) {
            let mangled = mangle(parent.private.as_deref(), &u.name);
            if self.st.scopes[parent.ste].scope_of(&mangled) == SymScope::GlobalExplicit {
                return u.name.clone();
            }
        }
        if matches!(parent.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda) {
            format!("{}.<locals>.{}", parent.qualname, u.name)
        } else {
            format!("{}.{}", parent.qualname, u.name)
        }
    }

    pub fn exit_scope(&mut self, add_none: bool) -> CResult<CodeUnit> {
        if !self.ends_in_terminator() {
            self.unset_loc();
            if add_none {
                self.load_none();
            }
            self.emit(RETURN_VALUE, 0);
        }
        let u = self.units.pop().unwrap();
        let flags = self.code_flags(&u);
        Ok(assemble::assemble(u, flags, &self.filename))
    }

    fn code_flags(&self, u: &Unit) -> u32 {
        let ste = &self.st.scopes[u.ste];
        let mut f = 0;
        if ste.kind == ScopeKind::Function {
            f |= co_flags::NEWLOCALS | co_flags::OPTIMIZED;
            if ste.nested {
                f |= co_flags::NESTED;
            }
            if ste.generator && !ste.coroutine {
                f |= co_flags::GENERATOR;
            }
            if !ste.generator && ste.coroutine {
                f |= co_flags::COROUTINE;
            }
            if ste.generator && ste.coroutine {
                f |= co_flags::ASYNC_GENERATOR;
            }
            if ste.varargs {
                f |= co_flags::VARARGS;
            }
            if ste.varkeywords {
                f |= co_flags::VARKEYWORDS;
            }
        }
        if self.future.annotations {
            f |= co_flags::FUTURE_ANNOTATIONS;
        }
        if self.future.barry {
            f |= 0x400000;
        }
        f
    }

    /// Loads closure cells (if any) and the code, then MAKE_FUNCTION.
    pub fn make_closure(&mut self, code: CodeUnit, mut flags: u32) {
        if !code.freevars.is_empty() {
            for name in code.freevars.clone() {
                let is_class_cell = self.ur().scope_type == ScopeType::Class && name == "__class__";
                let cell = is_class_cell || self.st.scopes[self.ur().ste].scope_of(&name) == SymScope::Cell;
                let i = self.deref_index(&name, cell);
                self.emit(LOAD_CLOSURE, i);
            }
            flags |= 0x08;
            self.emit(BUILD_TUPLE, code.freevars.len() as u32);
        }
        let u = self.u();
        let i = u.consts.len() as u32;
        u.consts.push(ConstValue::Code(Rc::new(code)));
        self.emit(LOAD_CONST, i);
        self.emit(MAKE_FUNCTION, flags);
    }

    // ---- bodies ----

    /// Module and class bodies: SETUP_ANNOTATIONS, `__doc__`, statements.
    pub fn body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        if self.ur().scope_type == ScopeType::Module {
            if let Some(s) = body.first() {
                self.set_loc(s.range);
            }
        }
        if find_ann(body) {
            self.emit(SETUP_ANNOTATIONS, 0);
        }
        let mut start = 0;
        if self.optimize < 2 {
            if let Some(d) = docstring(body) {
                start = 1;
                self.set_loc(body[0].range);
                self.visit_expr(d)?;
                self.nameop("__doc__", ExprContext::Store)?;
            }
        }
        for s in &body[start..] {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn default_arguments(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.visit_expr(d)?;
            }
            self.emit(BUILD_TUPLE, args.defaults.len() as u32);
            flags |= 0x01;
        }
        let mut keys = vec![];
        for (a, d) in args.kwonlyargs.iter().zip(args.kw_defaults.iter()) {
            if let Some(d) = d {
                keys.push(Constant::Str(mangle(self.ur().private.as_deref(), &a.arg)));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys));
            self.emit(BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    fn annotation_value(&mut self, ann: &'a Expr) -> CResult<()> {
        if self.future.annotations {
            self.load_const(Constant::Str(super::unparse::unparse(ann)));
        } else if let ExprKind::Starred { value, .. } = &ann.node {
            self.visit_expr(value)?;
            self.emit(UNPACK_SEQUENCE, 1);
        } else {
            self.visit_expr(ann)?;
        }
        Ok(())
    }

    fn arg_annotations(&mut self, args: &'a [Arg], n: &mut u32) -> CResult<()> {
        for a in args {
            if let Some(ann) = &a.annotation {
                let m = mangle(self.ur().private.as_deref(), &a.arg);
                self.load_const(Constant::Str(m));
                self.annotation_value(ann)?;
                *n += 2;
            }
        }
        Ok(())
    }

    fn annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> CResult<u32> {
        let mut n = 0;
        self.arg_annotations(&args.args, &mut n)?;
        self.arg_annotations(&args.posonlyargs, &mut n)?;
        if let Some(v) = &args.vararg {
            self.arg_annotations(std::slice::from_ref(v), &mut n)?;
        }
        self.arg_annotations(&args.kwonlyargs, &mut n)?;
        if let Some(k) = &args.kwarg {
            self.arg_annotations(std::slice::from_ref(k), &mut n)?;
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str("return".into()));
            self.annotation_value(r)?;
            n += 2;
        }
        if n > 0 {
            self.emit(BUILD_TUPLE, n);
            Ok(0x04)
        } else {
            Ok(0)
        }
    }

    fn set_arg_counts(&mut self, args: &Arguments) {
        let u = self.u();
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
    }

    pub fn function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef, is_async: bool) -> CResult<()> {
        for d in &f.decorator_list {
            self.visit_expr(d)?;
        }
        let firstlineno = f.decorator_list.first().map_or(s.range.lineno, |d| d.range.lineno);
        self.set_loc(s.range);
        let mut flags = self.default_arguments(&f.args)?;
        flags |= self.annotations(&f.args, f.returns.as_deref())?;
        let ste = self.st.lookup(s);
        let st = if is_async { ScopeType::AsyncFunction } else { ScopeType::Function };
        self.enter_scope(f.name.clone(), st, ste, firstlineno);
        let doc = if self.optimize < 2 { docstring(&f.body) } else { None };
        match doc {
            Some(d) => {
                if let ExprKind::Constant { value, .. } = &d.node {
                    self.add_const(value.clone());
                }
            }
            None => {
                self.add_const(Constant::None);
            }
        }
        self.set_arg_counts(&f.args);
        let start = if doc.is_some() { 1 } else { 0 };
        for st in &f.body[start..] {
            self.visit_stmt(st)?;
        }
        let code = self.exit_scope(true)?;
        self.set_loc(s.range);
        self.make_closure(code, flags);
        for _ in &f.decorator_list {
            self.emit(CALL, 0);
        }
        self.nameop(&f.name, ExprContext::Store)
    }

    pub fn class_def(&mut self, s: &'a Stmt) -> CResult<()> {
        let (name, bases, keywords, body, decorator_list) = match &s.node {
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                (name, bases, keywords, body, decorator_list)
            }
            _ => unreachable!(),
        };
        for d in decorator_list {
            self.visit_expr(d)?;
        }
        let firstlineno = decorator_list.first().map_or(s.range.lineno, |d| d.range.lineno);
        let ste = self.st.lookup(s);
        self.enter_scope(name.clone(), ScopeType::Class, ste, firstlineno);
        self.u().private = Some(name.clone());
        self.nameop("__name__", ExprContext::Load)?;
        self.nameop("__module__", ExprContext::Store)?;
        let q = self.ur().qualname.clone();
        self.load_const(Constant::Str(q));
        self.nameop("__qualname__", ExprContext::Store)?;
        self.body(body)?;
        self.unset_loc();
        if self.st.scopes[ste].needs_class_closure {
            let i = self.deref_index("__class__", true);
            self.emit(LOAD_CLOSURE, i);
            self.emit(COPY, 1);
            self.nameop("__classcell__", ExprContext::Store)?;
        } else {
            self.load_none();
        }
        self.emit(RETURN_VALUE, 0);
        let code = self.exit_scope(true)?;
        self.set_loc(s.range);
        self.emit(PUSH_NULL, 0);
        self.emit(LOAD_BUILD_CLASS, 0);
        self.make_closure(code, 0);
        self.load_const(Constant::Str(name.clone()));
        self.call_helper(2, bases, keywords)?;
        for _ in decorator_list {
            self.emit(CALL, 0);
        }
        self.nameop(name, ExprContext::Store)
    }

    pub fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> CResult<()> {
        let flags = self.default_arguments(args)?;
        let ste = self.st.lookup(e);
        self.enter_scope("<lambda>".into(), ScopeType::Lambda, ste, e.range.lineno);
        self.add_const(Constant::None);
        self.set_arg_counts(args);
        self.visit_expr(body)?;
        let code = if self.st.scopes[ste].generator {
            self.exit_scope(false)?
        } else {
            self.emit(RETURN_VALUE, 0);
            self.exit_scope(true)?
        };
        self.set_loc(e.range);
        self.make_closure(code, flags);
        Ok(())
    }

    // ---- comprehensions ----

    pub fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: super::symtable::CompKind,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> CResult<()> {
        use super::symtable::CompKind;
        let ste = self.st.lookup(e);
        let outer_scope_type = self.ur().scope_type;
        let name = self.st.scopes[ste].name.clone();
        self.enter_scope(name, ScopeType::Comprehension, ste, e.range.lineno);
        self.set_loc(e.range);
        let is_async_gen = self.st.scopes[ste].coroutine;
        if is_async_gen
            && kind != CompKind::Gen
            && outer_scope_type != ScopeType::AsyncFunction
            && outer_scope_type != ScopeType::Comprehension
        {
            return self.error("asynchronous comprehension outside of an asynchronous function");
        }
        match kind {
            CompKind::List => self.emit(BUILD_LIST, 0),
            CompKind::Set => self.emit(BUILD_SET, 0),
            CompKind::Dict => self.emit(BUILD_MAP, 0),
            CompKind::Gen => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
        if kind != CompKind::Gen {
            self.emit(RETURN_VALUE, 0);
        }
        let code = self.exit_scope(true)?;
        self.set_loc(e.range);
        self.make_closure(code, 0);
        let outer = &generators[0];
        self.visit_expr(&outer.iter)?;
        self.set_loc(e.range);
        self.emit(if outer.is_async { GET_AITER } else { GET_ITER }, 0);
        self.emit(CALL, 0);
        if is_async_gen && kind != CompKind::Gen {
            self.emit(GET_AWAITABLE, 0);
            self.load_none();
            self.add_yield_from(true);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        idx: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: super::symtable::CompKind,
    ) -> CResult<()> {
        if gens[idx].is_async {
            self.async_comprehension_generator(gens, idx, depth, elt, val, kind)
        } else {
            self.sync_comprehension_generator(gens, idx, depth, elt, val, kind)
        }
    }

    fn comprehension_element(&mut self, depth: u32, elt: &'a Expr, val: Option<&'a Expr>, kind: super::symtable::CompKind) -> CResult<()> {
        use super::symtable::CompKind;
        match kind {
            CompKind::Gen => {
                self.visit_expr(elt)?;
                self.add_yield();
                self.emit(POP_TOP, 0);
            }
            CompKind::List => {
                self.visit_expr(elt)?;
                self.emit(LIST_APPEND, depth + 1);
            }
            CompKind::Set => {
                self.visit_expr(elt)?;
                self.emit(SET_ADD, depth + 1);
            }
            CompKind::Dict => {
                self.visit_expr(elt)?;
                self.visit_expr(val.unwrap())?;
                self.emit(MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        idx: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: super::symtable::CompKind,
    ) -> CResult<()> {
        let gen = &gens[idx];
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if idx == 0 {
            self.u().argcount = 1;
            self.emit(LOAD_FAST, 0);
        } else {
            let elts = match &gen.iter.node {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => Some(elts),
                _ => None,
            };
            if let Some(elts) = elts {
                if elts.len() == 1 && !matches!(elts[0].node, ExprKind::Starred { .. }) {
                    self.visit_expr(&elts[0])?;
                    start = None;
                }
            }
            if start.is_some() {
                self.visit_expr(&gen.iter)?;
                self.emit(GET_ITER, 0);
            }
        }
        if let Some(st) = start {
            depth += 1;
            self.bind(st);
            self.jump(FOR_ITER, anchor);
        }
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if idx + 1 < gens.len() {
            self.comprehension_generator(gens, idx + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.bind(if_cleanup);
        if let Some(st) = start {
            self.jump(JUMP_FORWARD, st);
            self.bind(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        idx: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: super::symtable::CompKind,
    ) -> CResult<()> {
        let gen = &gens[idx];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        if idx == 0 {
            self.u().argcount = 1;
            self.emit(LOAD_FAST, 0);
        } else {
            self.visit_expr(&gen.iter)?;
            self.emit(GET_AITER, 0);
        }
        self.bind(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, Some(start), None)?;
        self.jump(SETUP_FINALLY, except);
        self.emit(GET_ANEXT, 0);
        self.load_none();
        self.add_yield_from(true);
        self.emit(POP_BLOCK, 0);
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if idx + 1 < gens.len() {
            self.comprehension_generator(gens, idx + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.bind(if_cleanup);
        self.jump(JUMP_FORWARD, start);
        self.pop_fblock();
        self.bind(except);
        self.emit(END_ASYNC_FOR, 0);
        Ok(())
    }
}
