//! Python node objects -> Rust AST (`vm::ast`), for `compile(ast_object,
//! ...)`. Reading a node raises what CPython's obj2ast raises (missing
//! fields, wrong types); the checks of CPython's AST validator (contexts,
//! empty bodies, constant types, ...) are recorded as the walk meets them
//! and the first one is raised once the whole tree has been read, since
//! CPython validates after converting. As in CPython, product types
//! (arg, keyword, alias, ...) are read by their fields alone, with no
//! class check; sum types (stmt, expr, ...) are dispatched on their class.

use super::{state, State};
use std::cell::RefCell;
use vm::abstract_ as ab;
use vm::ast::*;
use vm::compiler::CompileMode;
use vm::err::{self, PyErr, PyResult};
use vm::objects::{boolobject, bytes, complex, float, list, long, none, tuple, unicode};
use vm::objref::PyObj;

struct Rd<'a> {
    st: &'a State,
    deferred: RefCell<Option<PyErr>>,
    /// The first required field of the node being read that is None: CPython
    /// reports it when constructing the node, after reading all its fields.
    required: RefCell<Option<PyErr>>,
    /// Whether the pattern being read sits directly in a MatchSequence.
    star_ok: std::cell::Cell<bool>,
}

fn tname(o: &PyObj) -> String {
    vm::typeobj::type_name(o.ob_type())
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

type R<T> = PyResult<T>;

impl<'a> Rd<'a> {
    /// Records a validation error; only the first one is raised.
    fn invalid(&self, msg: impl AsRef<str>) {
        let mut d = self.deferred.borrow_mut();
        if d.is_none() {
            *d = Some(err::value_error(msg));
        }
    }

    fn invalid_err(&self, e: PyErr) {
        let mut d = self.deferred.borrow_mut();
        if d.is_none() {
            *d = Some(e);
        }
    }

    fn missing(&self, field: &str, owner: &str) {
        let mut r = self.required.borrow_mut();
        if r.is_none() {
            *r = Some(err::value_error(format!("field '{}' is required for {}", field, owner)));
        }
    }

    /// Reads one node: a required field found None fails it at the end.
    fn scoped<T>(&self, f: impl FnOnce() -> R<T>) -> R<T> {
        let saved = self.required.take();
        let r = f();
        let missing = std::mem::replace(&mut *self.required.borrow_mut(), saved);
        match (r, missing) {
            (Ok(_), Some(e)) => Err(e),
            (r, _) => r,
        }
    }

    /// The field's value, or None when the attribute is missing.
    fn get(&self, o: &PyObj, field: &str) -> R<Option<PyObj>> {
        ab::getattr_str_opt(o, field)
    }

    fn req(&self, o: &PyObj, field: &str, owner: &str) -> R<PyObj> {
        self.get(o, field)?
            .ok_or_else(|| err::type_error(format!("required field \"{}\" missing from {}", field, owner)))
    }

    /// A field that may be missing or None.
    fn opt(&self, o: &PyObj, field: &str) -> R<Option<PyObj>> {
        Ok(self.get(o, field)?.filter(|v| !none::is_none(v)))
    }

    fn seq(&self, o: &PyObj, field: &str, owner: &str) -> R<Vec<PyObj>> {
        let v = self.req(o, field, owner)?;
        if !list::is_list(&v) {
            return Err(err::type_error(format!("{} field \"{}\" must be a list, not a {}", owner, field, tname(&v))));
        }
        Ok(list::to_vec(&v))
    }

    fn int(&self, v: &PyObj) -> R<i64> {
        if !long::is_int(v) {
            return Err(err::value_error(format!("invalid integer value: {}", ab::repr_string(v)?)));
        }
        let i = long::as_i64(v).filter(|i| i32::try_from(*i).is_ok());
        i.ok_or_else(|| err::overflow_error("Python int too large to convert to C int"))
    }

    fn req_int(&self, o: &PyObj, field: &str, owner: &str) -> R<i64> {
        let v = self.req(o, field, owner)?;
        self.int(&v)
    }

    fn identifier(&self, v: &PyObj) -> R<Option<String>> {
        if none::is_none(v) {
            return Ok(None);
        }
        if !unicode::is_exact_str(v) {
            return Err(err::type_error("AST identifier must be of type str"));
        }
        Ok(Some(unicode::to_string_lossy(v)))
    }

    fn req_ident(&self, o: &PyObj, field: &str, owner: &str) -> R<String> {
        let v = self.req(o, field, owner)?;
        match self.identifier(&v)? {
            Some(s) => Ok(s),
            None => {
                self.missing(field, owner);
                Ok(String::new())
            }
        }
    }

    fn opt_ident(&self, o: &PyObj, field: &str) -> R<Option<String>> {
        match self.get(o, field)? {
            Some(v) => self.identifier(&v),
            None => Ok(None),
        }
    }

    fn idents(&self, o: &PyObj, field: &str, owner: &str) -> R<Vec<String>> {
        let mut out = Vec::new();
        for v in self.seq(o, field, owner)? {
            match self.identifier(&v)? {
                Some(s) => out.push(s),
                None => return Err(err::value_error(format!("field '{}' is required for {}", field, owner))),
            }
        }
        Ok(out)
    }

    fn string(&self, v: &PyObj) -> R<Option<String>> {
        if none::is_none(v) {
            return Ok(None);
        }
        if !unicode::is_exact_str(v) && !bytes::is_exact_bytes(v) {
            return Err(err::type_error("AST string must be of type str"));
        }
        Ok(Some(unicode::to_string_lossy(&ab::str(v)?)))
    }

    fn opt_string(&self, o: &PyObj, field: &str) -> R<Option<String>> {
        match self.get(o, field)? {
            Some(v) => self.string(&v),
            None => Ok(None),
        }
    }

    /// `lineno`, `col_offset` (required) and the end positions (optional
    /// unless `end_required`, as for patterns).
    fn range(&self, o: &PyObj, owner: &str, end_required: bool) -> R<Range> {
        let lineno = self.req_int(o, "lineno", owner)?;
        let col = self.req_int(o, "col_offset", owner)?;
        let end = |f: &str| -> R<i64> {
            if end_required {
                self.req_int(o, f, owner)
            } else {
                match self.opt(o, f)? {
                    Some(v) => self.int(&v),
                    None => Ok(0),
                }
            }
        };
        let end_lineno = end("end_lineno")?;
        let end_col = end("end_col_offset")?;
        let u = |v: i64| v.max(0) as u32;
        Ok(Range { lineno: u(lineno), col_offset: u(col), end_lineno: u(end_lineno), end_col_offset: u(end_col) })
    }

    fn expected(&self, what: &str, o: &PyObj) -> PyErr {
        match ab::repr_string(o) {
            Ok(r) => err::type_error(format!("expected some sort of {}, but got {}", what, r)),
            Err(e) => e,
        }
    }

    // ---- statements

    fn body(&self, o: &PyObj, field: &str, owner: &str, nonempty: bool) -> R<Vec<Stmt>> {
        let items = self.seq(o, field, owner)?;
        if nonempty && items.is_empty() {
            self.invalid(format!("empty {} on {}", field, owner));
        }
        let mut out = Vec::with_capacity(items.len());
        for v in &items {
            if none::is_none(v) {
                self.invalid("None disallowed in statement list");
                continue;
            }
            out.push(self.stmt(v)?);
        }
        Ok(out)
    }

    fn stmt(&self, o: &PyObj) -> R<Stmt> {
        // CPython guards each node with the Python recursion limit.
        vm::interp::enter_recursive_call(" while traversing 'stmt' node")?;
        let r = self.scoped(|| self.stmt_inner(o));
        vm::interp::leave_recursive_call();
        r
    }

    fn stmt_inner(&self, o: &PyObj) -> R<Stmt> {
        let range = self.range(o, "stmt", false)?;
        let kind = self.st.kind_of(o, "stmt").ok_or_else(|| self.expected("stmt", o))?;
        let node = match kind {
            "FunctionDef" | "AsyncFunctionDef" => {
                let f = FunctionDef {
                    name: self.req_ident(o, "name", kind)?,
                    args: Box::new(self.arguments(&self.req(o, "args", kind)?, kind)?),
                    body: self.body(o, "body", kind, true)?,
                    decorator_list: self.exprs(o, "decorator_list", kind, ExprContext::Load)?,
                    returns: self.opt_expr(o, "returns")?,
                };
                self.opt_string(o, "type_comment")?;
                if kind == "FunctionDef" { StmtKind::FunctionDef(f) } else { StmtKind::AsyncFunctionDef(f) }
            }
            "ClassDef" => StmtKind::ClassDef {
                name: self.req_ident(o, "name", kind)?,
                bases: self.exprs(o, "bases", kind, ExprContext::Load)?,
                keywords: self.keywords(o, kind)?,
                body: self.body(o, "body", kind, true)?,
                decorator_list: self.exprs(o, "decorator_list", kind, ExprContext::Load)?,
            },
            "Return" => StmtKind::Return { value: self.opt_expr(o, "value")? },
            "Delete" => StmtKind::Delete { targets: self.nonempty_exprs(o, "targets", kind, ExprContext::Del)? },
            "Assign" => {
                let targets = self.nonempty_exprs(o, "targets", kind, ExprContext::Store)?;
                let value = self.req_expr(o, "value", kind)?;
                self.opt_string(o, "type_comment")?;
                StmtKind::Assign { targets, value }
            }
            "AugAssign" => StmtKind::AugAssign {
                target: self.req_expr_ctx(o, "target", kind, ExprContext::Store)?,
                op: self.operator(&self.req(o, "op", kind)?)?,
                value: self.req_expr(o, "value", kind)?,
            },
            "AnnAssign" => {
                let target = self.req_expr_ctx(o, "target", kind, ExprContext::Store)?;
                let annotation = self.req_expr(o, "annotation", kind)?;
                let value = self.opt_expr(o, "value")?;
                let simple = self.req_int(o, "simple", kind)? != 0;
                if simple && !matches!(target.node, ExprKind::Name { .. }) {
                    self.invalid_err(err::type_error("AnnAssign with simple non-Name target"));
                }
                StmtKind::AnnAssign { target, annotation, value, simple }
            }
            "For" | "AsyncFor" => {
                let target = self.req_expr_ctx(o, "target", kind, ExprContext::Store)?;
                let iter = self.req_expr(o, "iter", kind)?;
                let body = self.body(o, "body", kind, true)?;
                let orelse = self.body(o, "orelse", kind, false)?;
                self.opt_string(o, "type_comment")?;
                if kind == "For" {
                    StmtKind::For { target, iter, body, orelse }
                } else {
                    StmtKind::AsyncFor { target, iter, body, orelse }
                }
            }
            "While" => StmtKind::While {
                test: self.req_expr(o, "test", kind)?,
                body: self.body(o, "body", kind, true)?,
                orelse: self.body(o, "orelse", kind, false)?,
            },
            "If" => StmtKind::If {
                test: self.req_expr(o, "test", kind)?,
                body: self.body(o, "body", kind, true)?,
                orelse: self.body(o, "orelse", kind, false)?,
            },
            "With" | "AsyncWith" => {
                let raw = self.seq(o, "items", kind)?;
                if raw.is_empty() {
                    self.invalid(format!("empty items on {}", kind));
                }
                let mut items = Vec::new();
                for w in &raw {
                    items.push(self.withitem(w)?);
                }
                let body = self.body(o, "body", kind, true)?;
                self.opt_string(o, "type_comment")?;
                if kind == "With" { StmtKind::With { items, body } } else { StmtKind::AsyncWith { items, body } }
            }
            "Match" => {
                let subject = self.req_expr(o, "subject", kind)?;
                let raw = self.seq(o, "cases", kind)?;
                if raw.is_empty() {
                    self.invalid("empty cases on Match");
                }
                let mut cases = Vec::new();
                for c in &raw {
                    cases.push(self.match_case(c)?);
                }
                StmtKind::Match { subject, cases }
            }
            "Raise" => {
                let exc = self.opt_expr(o, "exc")?;
                let cause = self.opt_expr(o, "cause")?;
                if exc.is_none() && cause.is_some() {
                    self.invalid("Raise with cause but no exception");
                }
                StmtKind::Raise { exc, cause }
            }
            "Try" | "TryStar" => {
                let body = self.body(o, "body", kind, true)?;
                let mut handlers = Vec::new();
                for h in self.seq(o, "handlers", kind)? {
                    handlers.push(self.handler(&h)?);
                }
                let orelse = self.body(o, "orelse", kind, false)?;
                let finalbody = self.body(o, "finalbody", kind, false)?;
                if handlers.is_empty() && finalbody.is_empty() {
                    self.invalid(format!("{} has neither except handlers nor finalbody", kind));
                } else if handlers.is_empty() && !orelse.is_empty() {
                    self.invalid(format!("{} has orelse but no except handlers", kind));
                }
                if kind == "Try" {
                    StmtKind::Try { body, handlers, orelse, finalbody }
                } else {
                    StmtKind::TryStar { body, handlers, orelse, finalbody }
                }
            }
            "Assert" => StmtKind::Assert { test: self.req_expr(o, "test", kind)?, msg: self.opt_expr(o, "msg")? },
            "Import" => StmtKind::Import { names: self.aliases(o, kind)? },
            "ImportFrom" => {
                let module = self.opt_ident(o, "module")?;
                let names = self.aliases(o, kind)?;
                let level = match self.opt(o, "level")? {
                    Some(v) => self.int(&v)?,
                    None => 0,
                };
                if level < 0 {
                    self.invalid("Negative ImportFrom level");
                }
                StmtKind::ImportFrom { module, names, level: level.max(0) as u32 }
            }
            "Global" | "Nonlocal" => {
                let names = self.idents(o, "names", kind)?;
                if names.is_empty() {
                    self.invalid(format!("empty names on {}", kind));
                }
                if kind == "Global" { StmtKind::Global { names } } else { StmtKind::Nonlocal { names } }
            }
            "Expr" => StmtKind::Expr { value: self.req_expr(o, "value", kind)? },
            "Pass" => StmtKind::Pass,
            "Break" => StmtKind::Break,
            "Continue" => StmtKind::Continue,
            _ => return Err(self.expected("stmt", o)),
        };
        Ok(Stmt { node, range })
    }

    fn aliases(&self, o: &PyObj, owner: &str) -> R<Vec<Alias>> {
        let raw = self.seq(o, "names", owner)?;
        if raw.is_empty() {
            self.invalid(format!("empty names on {}", owner));
        }
        let mut out = Vec::new();
        for a in &raw {
            out.push(self.scoped(|| {
                let name = self.req_ident(a, "name", "alias")?;
                let asname = self.opt_ident(a, "asname")?;
                Ok(Alias { name, asname, range: self.range(a, "alias", false)? })
            })?);
        }
        Ok(out)
    }

    fn withitem(&self, w: &PyObj) -> R<WithItem> {
        self.scoped(|| {
            Ok(WithItem {
                context_expr: *self.req_expr(w, "context_expr", "withitem")?,
                optional_vars: self.opt_expr_ctx(w, "optional_vars", ExprContext::Store)?,
            })
        })
    }

    fn handler(&self, h: &PyObj) -> R<ExceptHandler> {
        let range = self.range(h, "excepthandler", false)?;
        if self.st.kind_of(h, "excepthandler").is_none() {
            return Err(self.expected("excepthandler", h));
        }
        Ok(ExceptHandler {
            type_: self.opt_expr(h, "type")?,
            name: self.opt_ident(h, "name")?,
            body: self.body(h, "body", "ExceptHandler", true)?,
            range,
        })
    }

    fn keywords(&self, o: &PyObj, owner: &str) -> R<Vec<Keyword>> {
        let mut out = Vec::new();
        for k in self.seq(o, "keywords", owner)? {
            out.push(self.scoped(|| {
                let arg = self.opt_ident(&k, "arg")?;
                let value = *self.req_expr(&k, "value", "keyword")?;
                Ok(Keyword { arg, value, range: self.range(&k, "keyword", false)? })
            })?);
        }
        Ok(out)
    }

    fn arg(&self, a: &PyObj) -> R<Arg> {
        self.scoped(|| {
            let arg = self.req_ident(a, "arg", "arg")?;
            let annotation = self.opt_expr(a, "annotation")?;
            self.opt_string(a, "type_comment")?;
            Ok(Arg { arg, annotation, range: self.range(a, "arg", false)? })
        })
    }

    fn args(&self, o: &PyObj, field: &str) -> R<Vec<Arg>> {
        let mut out = Vec::new();
        for a in self.seq(o, field, "arguments")? {
            out.push(self.arg(&a)?);
        }
        Ok(out)
    }

    fn opt_arg(&self, o: &PyObj, field: &str) -> R<Option<Arg>> {
        match self.opt(o, field)? {
            Some(a) => Ok(Some(self.arg(&a)?)),
            None => Ok(None),
        }
    }

    fn arguments(&self, o: &PyObj, _owner: &str) -> R<Arguments> {
        let posonlyargs = self.args(o, "posonlyargs")?;
        let args = self.args(o, "args")?;
        let vararg = self.opt_arg(o, "vararg")?;
        let kwonlyargs = self.args(o, "kwonlyargs")?;
        let mut kw_defaults = Vec::new();
        for d in self.seq(o, "kw_defaults", "arguments")? {
            kw_defaults.push(if none::is_none(&d) { None } else { Some(self.expr(&d, ExprContext::Load)?) });
        }
        let kwarg = self.opt_arg(o, "kwarg")?;
        let defaults = self.exprs(o, "defaults", "arguments", ExprContext::Load)?;
        if defaults.len() > posonlyargs.len() + args.len() {
            self.invalid("more positional defaults than args on arguments");
        }
        if kw_defaults.len() != kwonlyargs.len() {
            self.invalid("length of kwonlyargs is not the same as kw_defaults on arguments");
        }
        Ok(Arguments { posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults })
    }

    // ---- expressions

    fn req_expr(&self, o: &PyObj, field: &str, owner: &str) -> R<Box<Expr>> {
        self.req_expr_ctx(o, field, owner, ExprContext::Load)
    }

    fn req_expr_ctx(&self, o: &PyObj, field: &str, owner: &str, ctx: ExprContext) -> R<Box<Expr>> {
        let v = self.req(o, field, owner)?;
        if none::is_none(&v) {
            self.missing(field, owner);
            return Ok(Box::new(Expr { node: ExprKind::Constant { value: Constant::None, kind: None }, range: Range::default() }));
        }
        Ok(Box::new(self.expr(&v, ctx)?))
    }

    fn opt_expr(&self, o: &PyObj, field: &str) -> R<Option<Box<Expr>>> {
        self.opt_expr_ctx(o, field, ExprContext::Load)
    }

    fn opt_expr_ctx(&self, o: &PyObj, field: &str, ctx: ExprContext) -> R<Option<Box<Expr>>> {
        match self.opt(o, field)? {
            Some(v) => Ok(Some(Box::new(self.expr(&v, ctx)?))),
            None => Ok(None),
        }
    }

    fn exprs(&self, o: &PyObj, field: &str, owner: &str, ctx: ExprContext) -> R<Vec<Expr>> {
        let items = self.seq(o, field, owner)?;
        self.expr_items(&items, ctx)
    }

    fn expr_items(&self, items: &[PyObj], ctx: ExprContext) -> R<Vec<Expr>> {
        let mut out = Vec::with_capacity(items.len());
        for v in items {
            if none::is_none(v) {
                self.invalid("None disallowed in expression list");
                continue;
            }
            out.push(self.expr(v, ctx)?);
        }
        Ok(out)
    }

    fn nonempty_exprs(&self, o: &PyObj, field: &str, owner: &str, ctx: ExprContext) -> R<Vec<Expr>> {
        let v = self.exprs(o, field, owner, ctx)?;
        if v.is_empty() {
            self.invalid(format!("empty {} on {}", field, owner));
        }
        Ok(v)
    }

    fn expr_context(&self, v: &PyObj) -> R<ExprContext> {
        Ok(match self.st.kind_of(v, "expr_context") {
            Some("Load") => ExprContext::Load,
            Some("Store") => ExprContext::Store,
            Some("Del") => ExprContext::Del,
            _ => return Err(self.expected("expr_context", v)),
        })
    }

    fn own_ctx(&self, o: &PyObj, owner: &str, want: ExprContext) -> R<ExprContext> {
        let c = self.expr_context(&self.req(o, "ctx", owner)?)?;
        if c != want {
            self.invalid(format!("expression must have {} context but has {} instead", ctx_name(want), ctx_name(c)));
        }
        Ok(c)
    }

    fn operator(&self, v: &PyObj) -> R<Operator> {
        use Operator::*;
        Ok(match self.st.kind_of(v, "operator") {
            Some("Add") => Add,
            Some("Sub") => Sub,
            Some("Mult") => Mult,
            Some("MatMult") => MatMult,
            Some("Div") => Div,
            Some("Mod") => Mod,
            Some("Pow") => Pow,
            Some("LShift") => LShift,
            Some("RShift") => RShift,
            Some("BitOr") => BitOr,
            Some("BitXor") => BitXor,
            Some("BitAnd") => BitAnd,
            Some("FloorDiv") => FloorDiv,
            _ => return Err(self.expected("operator", v)),
        })
    }

    fn cmpop(&self, v: &PyObj) -> R<CmpOp> {
        use CmpOp::*;
        Ok(match self.st.kind_of(v, "cmpop") {
            Some("Eq") => Eq,
            Some("NotEq") => NotEq,
            Some("Lt") => Lt,
            Some("LtE") => LtE,
            Some("Gt") => Gt,
            Some("GtE") => GtE,
            Some("Is") => Is,
            Some("IsNot") => IsNot,
            Some("In") => In,
            Some("NotIn") => NotIn,
            _ => return Err(self.expected("cmpop", v)),
        })
    }

    fn comprehensions(&self, o: &PyObj, owner: &str) -> R<Vec<Comprehension>> {
        let raw = self.seq(o, "generators", owner)?;
        if raw.is_empty() {
            self.invalid(format!("comprehension with no generators"));
        }
        let mut out = Vec::new();
        for c in &raw {
            out.push(self.scoped(|| {
                let target = *self.req_expr_ctx(c, "target", "comprehension", ExprContext::Store)?;
                let iter = *self.req_expr(c, "iter", "comprehension")?;
                let ifs = self.exprs(c, "ifs", "comprehension", ExprContext::Load)?;
                let is_async = self.req_int(c, "is_async", "comprehension")? != 0;
                Ok(Comprehension { target, iter, ifs, is_async })
            })?);
        }
        Ok(out)
    }

    fn expr(&self, o: &PyObj, ctx: ExprContext) -> R<Expr> {
        // CPython guards each node with the Python recursion limit.
        vm::interp::enter_recursive_call(" while traversing 'expr' node")?;
        let r = self.scoped(|| self.expr_inner(o, ctx));
        vm::interp::leave_recursive_call();
        r
    }

    fn expr_inner(&self, o: &PyObj, ctx: ExprContext) -> R<Expr> {
        let range = self.range(o, "expr", false)?;
        let kind = self.st.kind_of(o, "expr").ok_or_else(|| self.expected("expr", o))?;
        if ctx != ExprContext::Load
            && !matches!(kind, "Attribute" | "Subscript" | "Starred" | "Name" | "List" | "Tuple")
        {
            self.invalid(format!("expression which can't be assigned to in {} context", ctx_name(ctx)));
        }
        let load = ExprContext::Load;
        let node = match kind {
            "BoolOp" => {
                let op = self.req(o, "op", kind)?;
                let op = match self.st.kind_of(&op, "boolop") {
                    Some("And") => BoolOp::And,
                    Some("Or") => BoolOp::Or,
                    _ => return Err(self.expected("boolop", &op)),
                };
                let raw = self.seq(o, "values", kind)?;
                if raw.len() < 2 {
                    self.invalid("BoolOp with less than 2 values");
                }
                let values = self.expr_items(&raw, load)?;
                ExprKind::BoolOp { op, values }
            }
            "NamedExpr" => {
                let target = self.req_expr_ctx(o, "target", kind, ExprContext::Store)?;
                if !matches!(target.node, ExprKind::Name { .. }) {
                    self.invalid_err(err::type_error("NamedExpr target must be a Name"));
                }
                ExprKind::NamedExpr { target, value: self.req_expr(o, "value", kind)? }
            }
            "BinOp" => ExprKind::BinOp {
                left: self.req_expr(o, "left", kind)?,
                op: self.operator(&self.req(o, "op", kind)?)?,
                right: self.req_expr(o, "right", kind)?,
            },
            "UnaryOp" => {
                let op = self.req(o, "op", kind)?;
                let op = match self.st.kind_of(&op, "unaryop") {
                    Some("Invert") => UnaryOp::Invert,
                    Some("Not") => UnaryOp::Not,
                    Some("UAdd") => UnaryOp::UAdd,
                    Some("USub") => UnaryOp::USub,
                    _ => return Err(self.expected("unaryop", &op)),
                };
                ExprKind::UnaryOp { op, operand: self.req_expr(o, "operand", kind)? }
            }
            "Lambda" => ExprKind::Lambda {
                args: Box::new(self.arguments(&self.req(o, "args", kind)?, kind)?),
                body: self.req_expr(o, "body", kind)?,
            },
            "IfExp" => ExprKind::IfExp {
                test: self.req_expr(o, "test", kind)?,
                body: self.req_expr(o, "body", kind)?,
                orelse: self.req_expr(o, "orelse", kind)?,
            },
            "Dict" => {
                let raw_keys = self.seq(o, "keys", kind)?;
                let raw_values = self.seq(o, "values", kind)?;
                if raw_keys.len() != raw_values.len() {
                    self.invalid("Dict doesn't have the same number of keys as values");
                }
                let mut keys = Vec::new();
                for k in raw_keys {
                    keys.push(if none::is_none(&k) { None } else { Some(self.expr(&k, load)?) });
                }
                let values = self.expr_items(&raw_values, load)?;
                ExprKind::Dict { keys, values }
            }
            "Set" => ExprKind::Set { elts: self.exprs(o, "elts", kind, load)? },
            "ListComp" | "SetComp" | "GeneratorExp" => {
                let elt = self.req_expr(o, "elt", kind)?;
                let generators = self.comprehensions(o, kind)?;
                match kind {
                    "ListComp" => ExprKind::ListComp { elt, generators },
                    "SetComp" => ExprKind::SetComp { elt, generators },
                    _ => ExprKind::GeneratorExp { elt, generators },
                }
            }
            "DictComp" => ExprKind::DictComp {
                key: self.req_expr(o, "key", kind)?,
                value: self.req_expr(o, "value", kind)?,
                generators: self.comprehensions(o, kind)?,
            },
            "Await" => ExprKind::Await { value: self.req_expr(o, "value", kind)? },
            "Yield" => ExprKind::Yield { value: self.opt_expr(o, "value")? },
            "YieldFrom" => ExprKind::YieldFrom { value: self.req_expr(o, "value", kind)? },
            "Compare" => {
                let left = self.req_expr(o, "left", kind)?;
                let mut ops = Vec::new();
                for op in self.seq(o, "ops", kind)? {
                    ops.push(self.cmpop(&op)?);
                }
                let raw = self.seq(o, "comparators", kind)?;
                if raw.is_empty() {
                    self.invalid("Compare with no comparators");
                } else if raw.len() != ops.len() {
                    self.invalid("Compare has a different number of comparators and operands");
                }
                let comparators = self.expr_items(&raw, load)?;
                ExprKind::Compare { left, ops, comparators }
            }
            "Call" => ExprKind::Call {
                func: self.req_expr(o, "func", kind)?,
                args: self.exprs(o, "args", kind, load)?,
                keywords: self.keywords(o, kind)?,
            },
            "FormattedValue" => ExprKind::FormattedValue {
                value: self.req_expr(o, "value", kind)?,
                conversion: self.req_int(o, "conversion", kind)? as i32,
                format_spec: self.opt_expr(o, "format_spec")?,
            },
            "JoinedStr" => ExprKind::JoinedStr { values: self.exprs(o, "values", kind, load)? },
            "Constant" => {
                let v = self.req(o, "value", kind)?;
                let value = self.constant(&v)?;
                let kind_s = self.opt_string(o, "kind")?;
                ExprKind::Constant { value, kind: kind_s }
            }
            "Attribute" => ExprKind::Attribute {
                value: self.req_expr(o, "value", kind)?,
                attr: self.req_ident(o, "attr", kind)?,
                ctx: self.own_ctx(o, kind, ctx)?,
            },
            "Subscript" => ExprKind::Subscript {
                value: self.req_expr(o, "value", kind)?,
                slice: self.req_expr(o, "slice", kind)?,
                ctx: self.own_ctx(o, kind, ctx)?,
            },
            "Starred" => {
                ExprKind::Starred { value: self.req_expr_ctx(o, "value", kind, ctx)?, ctx: self.own_ctx(o, kind, ctx)? }
            }
            "Name" => {
                let id = self.req_ident(o, "id", kind)?;
                let c = self.expr_context(&self.req(o, "ctx", kind)?)?;
                if matches!(id.as_str(), "None" | "True" | "False") {
                    self.invalid(format!("identifier field can't represent '{}' constant", id));
                }
                if c != ctx {
                    self.invalid(format!(
                        "expression must have {} context but has {} instead",
                        ctx_name(ctx),
                        ctx_name(c)
                    ));
                }
                ExprKind::Name { id, ctx: c }
            }
            "List" | "Tuple" => {
                let elts = self.exprs(o, "elts", kind, ctx)?;
                let c = self.own_ctx(o, kind, ctx)?;
                if kind == "List" { ExprKind::List { elts, ctx: c } } else { ExprKind::Tuple { elts, ctx: c } }
            }
            "Slice" => ExprKind::Slice {
                lower: self.opt_expr(o, "lower")?,
                upper: self.opt_expr(o, "upper")?,
                step: self.opt_expr(o, "step")?,
            },
            _ => return Err(self.expected("expr", o)),
        };
        Ok(Expr { node, range })
    }

    /// A Constant's value; types CPython's validator rejects are recorded.
    fn constant(&self, v: &PyObj) -> R<Constant> {
        let tp = v.ob_type();
        if none::is_none(v) {
            return Ok(Constant::None);
        }
        if tp == boolobject::bool_type() {
            return Ok(Constant::Bool(boolobject::is_true_obj(v)));
        }
        if v.is(&vm::objects::slice::ellipsis()) {
            return Ok(Constant::Ellipsis);
        }
        if long::is_exact_int(v) {
            return Ok(Constant::Int(long::to_bigint(v)));
        }
        if float::is_exact_float(v) {
            return Ok(Constant::Float(float::value(v)));
        }
        if complex::is_exact_complex(v) {
            let c = complex::value(v);
            return Ok(Constant::Complex { real: c.real, imag: c.imag });
        }
        if unicode::is_exact_str(v) {
            return Ok(match unicode::as_str(v) {
                Ok(s) => Constant::Str(s.to_string()),
                Err(_) => {
                    err::take();
                    Constant::StrWide(unicode::data(v).to_vec())
                }
            });
        }
        if bytes::is_exact_bytes(v) {
            return Ok(Constant::Bytes(bytes::as_slice(v).to_vec()));
        }
        if tuple::is_exact_tuple(v) {
            let mut items = Vec::new();
            for x in tuple::items(v) {
                items.push(self.constant(x)?);
            }
            return Ok(Constant::Tuple(items));
        }
        if vm::objects::setobject::is_frozenset(v) && tp != vm::typeobj::type_type() {
            return Err(err::not_implemented_error("frozenset constants in an AST are not supported yet"));
        }
        self.invalid_err(err::type_error(format!("got an invalid type in Constant: {}", tname(v))));
        Ok(Constant::None)
    }

    // ---- patterns

    fn match_case(&self, c: &PyObj) -> R<MatchCase> {
        self.scoped(|| {
            let p = self.req(c, "pattern", "match_case")?;
            let pattern = if none::is_none(&p) {
                self.missing("pattern", "match_case");
                Pattern { node: PatternKind::MatchAs { pattern: None, name: None }, range: Range::default() }
            } else {
                self.pattern(&p)?
            };
            Ok(MatchCase { pattern, guard: self.opt_expr(c, "guard")?, body: self.body(c, "body", "match_case", true)? })
        })
    }

    fn patterns(&self, o: &PyObj, field: &str, owner: &str) -> R<Vec<Pattern>> {
        let items = self.seq(o, field, owner)?;
        self.pattern_items(&items, false)
    }

    fn pattern_items(&self, items: &[PyObj], star_ok: bool) -> R<Vec<Pattern>> {
        let mut out = Vec::new();
        for p in items {
            // CPython crashes on a None here; report it instead.
            if none::is_none(p) {
                self.invalid("None disallowed in pattern list");
                continue;
            }
            self.star_ok.set(star_ok);
            out.push(self.pattern(p)?);
        }
        Ok(out)
    }

    /// CPython's rules for a MatchValue: a str/bytes/number constant, an
    /// attribute lookup, a negated number, or a complex literal `a +/- bj`.
    fn check_match_value(&self, e: &Expr) {
        fn real(c: &Constant) -> bool {
            matches!(c, Constant::Int(_) | Constant::Float(_))
        }
        fn negative(e: &Expr, allow_real: bool, allow_imag: bool) -> bool {
            match &e.node {
                ExprKind::UnaryOp { op: UnaryOp::USub, operand } => match &operand.node {
                    ExprKind::Constant { value, .. } => {
                        (allow_real && real(value)) || (allow_imag && matches!(value, Constant::Complex { .. }))
                    }
                    _ => false,
                },
                _ => false,
            }
        }
        let ok = match &e.node {
            ExprKind::Constant { value, .. } => {
                if !matches!(
                    value,
                    Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. } | Constant::Str(_) | Constant::StrWide(_) | Constant::Bytes(_)
                ) {
                    self.invalid("unexpected constant inside of a literal pattern");
                }
                return;
            }
            ExprKind::Attribute { .. } | ExprKind::JoinedStr { .. } => true,
            ExprKind::UnaryOp { .. } => negative(e, true, true),
            ExprKind::BinOp { left, op: Operator::Add | Operator::Sub, right } => {
                let left_ok = match &left.node {
                    ExprKind::Constant { value, .. } => real(value),
                    _ => negative(left, true, false),
                };
                let right_ok = matches!(&right.node, ExprKind::Constant { value: Constant::Complex { .. }, .. });
                left_ok && right_ok
            }
            _ => false,
        };
        if !ok {
            self.invalid("patterns may only match literals and attribute lookups");
        }
    }

    fn capture(&self, name: &Option<String>) {
        if let Some(n) = name {
            if n == "_" {
                self.invalid("can't capture name '_' in patterns");
            }
        }
    }

    fn pattern(&self, o: &PyObj) -> R<Pattern> {
        // CPython guards each node with the Python recursion limit.
        vm::interp::enter_recursive_call(" while traversing 'pattern' node")?;
        let r = self.scoped(|| self.pattern_inner(o));
        vm::interp::leave_recursive_call();
        r
    }

    fn pattern_inner(&self, o: &PyObj) -> R<Pattern> {
        let star_ok = self.star_ok.replace(false);
        let range = self.range(o, "pattern", true)?;
        let kind = self.st.kind_of(o, "pattern").ok_or_else(|| self.expected("pattern", o))?;
        if kind == "MatchStar" && !star_ok {
            self.invalid("can't use MatchStar here");
        }
        let node = match kind {
            "MatchValue" => {
                let value = self.req_expr(o, "value", kind)?;
                self.check_match_value(&value);
                PatternKind::MatchValue { value }
            }
            "MatchSingleton" => {
                let v = self.req(o, "value", kind)?;
                let c = self.constant(&v)?;
                if !matches!(c, Constant::None | Constant::Bool(_)) {
                    self.invalid("MatchSingleton can only contain True, False and None");
                }
                PatternKind::MatchSingleton { value: c }
            }
            "MatchSequence" => {
                let items = self.seq(o, "patterns", kind)?;
                PatternKind::MatchSequence { patterns: self.pattern_items(&items, true)? }
            }
            "MatchMapping" => {
                let keys = self.exprs(o, "keys", kind, ExprContext::Load)?;
                let patterns = self.patterns(o, "patterns", kind)?;
                let rest = self.opt_ident(o, "rest")?;
                if keys.len() != patterns.len() {
                    self.invalid("MatchMapping doesn't have the same number of keys as patterns");
                }
                self.capture(&rest);
                PatternKind::MatchMapping { keys, patterns, rest }
            }
            "MatchClass" => {
                let cls = self.req_expr(o, "cls", kind)?;
                let patterns = self.patterns(o, "patterns", kind)?;
                let kwd_attrs = self.idents(o, "kwd_attrs", kind)?;
                let kwd_patterns = self.patterns(o, "kwd_patterns", kind)?;
                let mut c: &Expr = &cls;
                loop {
                    match &c.node {
                        ExprKind::Attribute { value, .. } => c = value,
                        ExprKind::Name { .. } => break,
                        _ => {
                            self.invalid("MatchClass cls field can only contain Name or Attribute nodes.");
                            break;
                        }
                    }
                }
                if kwd_attrs.len() != kwd_patterns.len() {
                    self.invalid("MatchClass doesn't have the same number of keyword attributes as patterns");
                }
                PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns }
            }
            "MatchStar" => {
                let name = self.opt_ident(o, "name")?;
                self.capture(&name);
                PatternKind::MatchStar { name }
            }
            "MatchAs" => {
                let pattern = match self.opt(o, "pattern")? {
                    Some(p) => Some(Box::new(self.pattern(&p)?)),
                    None => None,
                };
                let name = self.opt_ident(o, "name")?;
                self.capture(&name);
                if name.is_none() && pattern.is_some() {
                    self.invalid("MatchAs must specify a target name if a pattern is given");
                }
                PatternKind::MatchAs { pattern, name }
            }
            "MatchOr" => {
                let items = self.seq(o, "patterns", kind)?;
                if items.len() < 2 {
                    self.invalid("MatchOr requires at least 2 patterns");
                }
                let patterns = self.pattern_items(&items, false)?;
                PatternKind::MatchOr { patterns }
            }
            _ => return Err(self.expected("pattern", o)),
        };
        Ok(Pattern { node, range })
    }

    fn module(&self, o: &PyObj, mode: CompileMode) -> R<Mod> {
        let want = match mode {
            CompileMode::Exec => "Module",
            CompileMode::Eval => "Expression",
            CompileMode::Single => "Interactive",
        };
        if !self.st.is_instance(o, want)? {
            return Err(err::type_error(format!("expected {} node, got {}", want, tname(o))));
        }
        Ok(match want {
            "Module" => {
                let body = self.body(o, "body", "Module", false)?;
                for ti in self.seq(o, "type_ignores", "Module")? {
                    if !self.st.is_instance(&ti, "TypeIgnore")? {
                        return Err(self.expected("type_ignore", &ti));
                    }
                    self.req_int(&ti, "lineno", "TypeIgnore")?;
                    let tag = self.req(&ti, "tag", "TypeIgnore")?;
                    self.string(&tag)?;
                }
                Mod::Module { body }
            }
            "Expression" => self.scoped(|| Ok(Mod::Expression { body: self.req_expr(o, "body", "Expression")? }))?,
            _ => Mod::Interactive { body: self.body(o, "body", "Interactive", false)? },
        })
    }
}

/// `compile()`'s hook: an `ast.mod` object back to the VM's tree.
pub fn mod_from_py(o: &PyObj, mode: CompileMode) -> PyResult<Mod> {
    let st = state()?;
    let rd = Rd { st, deferred: RefCell::new(None), required: RefCell::new(None), star_ok: std::cell::Cell::new(false) };
    let m = rd.module(o, mode)?;
    if let Some(e) = rd.deferred.into_inner() {
        return Err(e);
    }
    Ok(m)
}
