//! The compiler: AST -> symbol tables -> bytecode `CodeUnit`s.
//!
//! It follows CPython 3.11's `Python/symtable.c` and `Python/compile.c`:
//! `symtable` resolves every name's scope, `codegen` (with `codegen_expr`,
//! `codegen_stmt` and `patterns`) emits instructions with symbolic labels and
//! exception-block pseudo-instructions, and `assemble` turns one unit's
//! instruction list into a `CodeUnit` (labels to absolute indices, exception
//! table, stack depth). `unparse` renders annotations for
//! `from __future__ import annotations`.
//!
//! Errors come back as `ParseError`s of kind `SyntaxError`. The one exception
//! is `RECURSION_MSG`, which CPython raises as a `RecursionError`.

mod assemble;
mod codegen;
mod codegen_expr;
mod codegen_stmt;
mod patterns;
pub mod symtable;
#[cfg(test)]
mod tests;
pub mod unparse;

use crate::ast;
use crate::bytecode::CodeUnit;
use crate::parser::{ErrorKind, ParseError};

/// Message of the error reported when the AST nests too deeply to compile;
/// the VM should raise it as `RecursionError`, not `SyntaxError`.
pub const RECURSION_MSG: &str = "maximum recursion depth exceeded during compilation";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    Exec,
    Eval,
    Single,
}

/// Compiles a parsed module. `source` is used for the `text` of SyntaxErrors.
pub fn compile(
    module: &ast::Mod,
    source: &str,
    filename: &str,
    mode: CompileMode,
    optimize: u32,
) -> Result<CodeUnit, ParseError> {
    let _ = mode;
    let lines = LineIndex::new(source);
    let fut = future_features(module).map_err(|e| lines.error(e))?;
    let table = symtable::build(module, fut.annotations).map_err(|e| lines.error(e))?;
    codegen::compile_module(module, table, filename, optimize, fut).map_err(|e| lines.error(e))
}

/// Convenience: parse + compile.
pub fn compile_source(source: &str, filename: &str, mode: CompileMode, optimize: u32) -> Result<CodeUnit, ParseError> {
    let pmode = match mode {
        CompileMode::Exec => crate::parser::Mode::Exec,
        CompileMode::Eval => crate::parser::Mode::Eval,
        CompileMode::Single => crate::parser::Mode::Single,
    };
    let m = crate::parser::parse(source, pmode)?;
    compile(&m, source, filename, mode, optimize)
}

/// An error found while compiling, located by an AST range (columns in
/// UTF-8 bytes); converted to a `ParseError` with character offsets.
#[derive(Clone, Debug)]
pub(crate) struct CompileError {
    pub msg: String,
    pub range: ast::Range,
}

impl CompileError {
    pub fn new(msg: impl Into<String>, range: ast::Range) -> CompileError {
        CompileError { msg: msg.into(), range }
    }
}

pub(crate) type CResult<T> = Result<T, CompileError>;

struct LineIndex<'a> {
    lines: Vec<&'a str>,
}

impl<'a> LineIndex<'a> {
    fn new(source: &'a str) -> Self {
        LineIndex { lines: source.split('\n').collect() }
    }
    fn line(&self, lineno: u32) -> Option<&'a str> {
        if lineno == 0 {
            return None;
        }
        self.lines.get(lineno as usize - 1).copied()
    }
    /// 1-based character offset of a 0-based byte column.
    fn char_offset(&self, lineno: u32, col: u32) -> u32 {
        match self.line(lineno) {
            Some(l) => {
                let mut c = col as usize;
                if c > l.len() {
                    return col + 1;
                }
                while !l.is_char_boundary(c) {
                    c -= 1;
                }
                l[..c].chars().count() as u32 + 1
            }
            None => col + 1,
        }
    }
    fn error(&self, e: CompileError) -> ParseError {
        let r = e.range;
        let text = self.line(r.lineno).map(|l| {
            let mut s = l.trim_end_matches('\r').to_string();
            s.push('\n');
            s
        });
        let (end_lineno, end_offset) = if r.end_lineno == 0 {
            (r.lineno, 0)
        } else {
            (r.end_lineno, self.char_offset(r.end_lineno, r.end_col_offset))
        };
        ParseError {
            kind: ErrorKind::SyntaxError,
            msg: e.msg,
            lineno: r.lineno,
            offset: if r.lineno == 0 { 0 } else { self.char_offset(r.lineno, r.col_offset) },
            end_lineno,
            end_offset,
            text,
        }
    }
}

/// `from __future__` features in effect, as CPython's future.c finds them.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Future {
    pub annotations: bool,
    pub barry: bool,
    /// Line of the last valid future import (-1 if none).
    pub lineno: i64,
}

const FUTURE_NAMES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

fn future_features(module: &ast::Mod) -> CResult<Future> {
    let mut f = Future { lineno: -1, ..Default::default() };
    let body = match module {
        ast::Mod::Module { body } | ast::Mod::Interactive { body } => body,
        _ => return Ok(f),
    };
    let mut done = false;
    let mut found_doc = false;
    let mut prev_line = 0;
    for s in body {
        if done && s.range.lineno > prev_line {
            break;
        }
        prev_line = s.range.lineno;
        match &s.node {
            ast::StmtKind::ImportFrom { module: Some(m), names, .. } if m == "__future__" => {
                if done {
                    return Err(CompileError::new(
                        "from __future__ imports must occur at the beginning of the file",
                        s.range,
                    ));
                }
                for a in names {
                    match a.name.as_str() {
                        "annotations" => f.annotations = true,
                        "barry_as_FLUFL" => f.barry = true,
                        "braces" => return Err(CompileError::new("not a chance", s.range)),
                        n if FUTURE_NAMES.contains(&n) => {}
                        n => {
                            return Err(CompileError::new(format!("future feature {} is not defined", n), s.range))
                        }
                    }
                }
                f.lineno = s.range.lineno as i64;
            }
            ast::StmtKind::Expr { value } if !found_doc => {
                if !matches!(value.node, ast::ExprKind::Constant { value: ast::Constant::Str(_) | ast::Constant::StrWide(_), .. }) {
                    done = true;
                }
                found_doc = true;
            }
            _ => done = true,
        }
    }
    Ok(f)
}

/// CPython's `_Py_Mangle`: `__spam` inside class `Ham` becomes `_Ham__spam`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let p = match private {
        Some(p) => p,
        None => return name.to_string(),
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = p.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{}{}", stripped, name)
}
