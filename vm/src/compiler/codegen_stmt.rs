//! Statements: assignment forms, control flow, loops, try/except/finally,
//! except*, with/async with, imports, and the early exits (break, continue,
//! return) that unwind frame blocks.

use super::codegen::*;
use super::codegen_expr::inplace_code;
use super::CResult;
use crate::ast::*;

impl<'a> Compiler<'a> {
    pub fn visit_stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.enter_recursion(s.range)?;
        self.set_loc(s.range);
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> CResult<()> {
        match &s.node {
            StmtKind::FunctionDef(f) => self.function_def(s, f, false)?,
            StmtKind::AsyncFunctionDef(f) => self.function_def(s, f, true)?,
            StmtKind::ClassDef { .. } => self.class_def(s)?,
            StmtKind::Return { value } => self.return_stmt(s, value.as_deref())?,
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.visit_expr(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.visit_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.augassign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.annassign(s, target, annotation, value.as_deref(), *simple)?
            }
            StmtKind::For { target, iter, body, orelse } => self.for_stmt(target, iter, body, orelse)?,
            StmtKind::AsyncFor { target, iter, body, orelse } => self.async_for(target, iter, body, orelse)?,
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse)?,
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let next = if orelse.is_empty() { end } else { self.new_label() };
                self.jump_if(test, next, false)?;
                self.visit_stmts(body)?;
                if !orelse.is_empty() {
                    self.jump_noline(JUMP_FORWARD, end);
                    self.bind(next);
                    self.visit_stmts(orelse)?;
                }
                self.bind(end);
            }
            StmtKind::With { items, body } => self.with_stmt(s, items, body, 0)?,
            StmtKind::AsyncWith { items, body } => {
                if self.ur().scope_type != ScopeType::AsyncFunction {
                    return self.error("'async with' outside async function");
                }
                self.async_with(s, items, body, 0)?
            }
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(RAISE_VARARGS, n);
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                if !finalbody.is_empty() {
                    self.try_finally(body, handlers, orelse, finalbody, false)?
                } else {
                    self.try_except(body, handlers, orelse)?
                }
            }
            StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                if !finalbody.is_empty() {
                    self.try_finally(body, handlers, orelse, finalbody, true)?
                } else {
                    self.try_star_except(body, handlers, orelse)?
                }
            }
            StmtKind::Assert { test, msg } => {
                if self.optimize > 0 {
                    return Ok(());
                }
                let end = self.new_label();
                self.jump_if(test, end, true)?;
                // CPython 3.11 attributes the raise to the asserted expression.
                self.set_loc(test.range);
                self.emit(LOAD_ASSERTION_ERROR, 0);
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                    self.set_loc(test.range);
                    self.emit(CALL, 0);
                }
                self.set_loc(test.range);
                self.emit(RAISE_VARARGS, 1);
                self.bind(end);
            }
            StmtKind::Import { names } => {
                for a in names {
                    self.set_loc(s.range);
                    self.load_const(Constant::Int(0.into()));
                    self.load_none();
                    self.emit_name(IMPORT_NAME, &a.name);
                    match &a.asname {
                        Some(asname) => {
                            let parts: Vec<&str> = a.name.split('.').collect();
                            if parts.len() > 1 {
                                for (i, attr) in parts[1..].iter().enumerate() {
                                    self.emit_name(IMPORT_FROM, attr);
                                    if i + 2 < parts.len() {
                                        self.emit(SWAP, 2);
                                        self.emit(POP_TOP, 0);
                                    }
                                }
                                self.nameop(asname, ExprContext::Store)?;
                                self.emit(POP_TOP, 0);
                            } else {
                                self.nameop(asname, ExprContext::Store)?;
                            }
                        }
                        None => {
                            let first = a.name.split('.').next().unwrap().to_string();
                            self.nameop(&first, ExprContext::Store)?;
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                self.load_const(Constant::Int((*level).into()));
                if (s.range.lineno as i64) > self.future.lineno && module.as_deref() == Some("__future__") {
                    return self.error("from __future__ imports must occur at the beginning of the file");
                }
                let fromlist: Vec<Constant> = names.iter().map(|a| Constant::Str(a.name.clone())).collect();
                self.load_const(Constant::Tuple(fromlist));
                self.emit_name(IMPORT_NAME, module.as_deref().unwrap_or(""));
                for (i, a) in names.iter().enumerate() {
                    if i == 0 && a.name.starts_with('*') {
                        self.emit(IMPORT_STAR, 0);
                        return Ok(());
                    }
                    self.emit_name(IMPORT_FROM, &a.name);
                    let store = a.asname.as_ref().unwrap_or(&a.name);
                    self.nameop(store, ExprContext::Store)?;
                }
                self.emit(POP_TOP, 0);
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::Expr { value } => {
                if self.interactive && self.units.len() <= 1 {
                    self.visit_expr(value)?;
                    self.emit(PRINT_EXPR, 0);
                } else if matches!(value.node, ExprKind::Constant { .. }) {
                    self.emit(NOP, 0);
                } else {
                    self.visit_expr(value)?;
                    self.emit(POP_TOP, 0);
                }
            }
            StmtKind::Pass => self.emit(NOP, 0),
            StmtKind::Break => {
                self.emit(NOP, 0);
                let lp = self.unwind_fblock_stack(false, true)?;
                let lp = match lp {
                    None => return self.error("'break' outside loop"),
                    Some(l) => l,
                };
                self.unwind_fblock(&lp, false)?;
                self.jump(JUMP_FORWARD, lp.exit.unwrap());
            }
            StmtKind::Continue => {
                self.emit(NOP, 0);
                let lp = self.unwind_fblock_stack(false, true)?;
                match lp {
                    None => return self.error("'continue' not properly in loop"),
                    Some(l) => self.jump(JUMP_FORWARD, l.block.unwrap()),
                }
            }
        }
        Ok(())
    }

    fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> CResult<()> {
        let preserve_tos = value.map_or(false, |v| !matches!(v.node, ExprKind::Constant { .. }));
        let ste = &self.st.scopes[self.ur().ste];
        if ste.kind != super::symtable::ScopeKind::Function {
            return self.error("'return' outside function");
        }
        if value.is_some() && ste.coroutine && ste.generator {
            return self.error("'return' with value in async generator");
        }
        if preserve_tos {
            self.visit_expr(value.unwrap())?;
        } else if let Some(v) = value {
            self.set_loc(v.range);
            self.emit(NOP, 0);
        }
        if value.map_or(true, |v| v.range.lineno != s.range.lineno) {
            self.set_loc(s.range);
            self.emit(NOP, 0);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match value {
            None => self.load_none(),
            Some(v) if !preserve_tos => {
                if let ExprKind::Constant { value, .. } = &v.node {
                    self.load_const(value.clone());
                }
            }
            _ => {}
        }
        self.emit(RETURN_VALUE, 0);
        Ok(())
    }

    fn augassign(&mut self, target: &'a Expr, op: Operator, value: &'a Expr) -> CResult<()> {
        match &target.node {
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.visit_expr(obj)?;
                self.emit(COPY, 1);
                self.emit_name_mangled(LOAD_ATTR, attr);
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.visit_expr(obj)?;
                self.visit_expr(slice)?;
                self.emit(COPY, 2);
                self.emit(COPY, 2);
                self.emit(BINARY_SUBSCR, 0);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load)?,
            _ => return self.error("illegal expression for augmented assignment"),
        }
        self.visit_expr(value)?;
        self.emit(BINARY_OP, inplace_code(op));
        self.set_loc(target.range);
        match &target.node {
            ExprKind::Attribute { attr, .. } => {
                self.emit(SWAP, 2);
                self.emit_name_mangled(STORE_ATTR, attr);
            }
            ExprKind::Subscript { .. } => {
                self.emit(SWAP, 3);
                self.emit(SWAP, 2);
                self.emit(STORE_SUBSCR, 0);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> CResult<()> {
        self.visit_expr(e)?;
        self.emit(POP_TOP, 0);
        Ok(())
    }

    fn annassign(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult<()> {
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(target)?;
        }
        let module_or_class = matches!(self.ur().scope_type, ScopeType::Module | ScopeType::Class);
        match &target.node {
            ExprKind::Name { id, .. } => {
                if simple && module_or_class {
                    self.set_loc(s.range);
                    if self.future.annotations {
                        self.load_const(Constant::Str(super::unparse::unparse(annotation)));
                    } else {
                        self.visit_expr(annotation)?;
                    }
                    self.emit_name(LOAD_NAME, "__annotations__");
                    let m = super::mangle(self.ur().private.as_deref(), id);
                    self.load_const(Constant::Str(m));
                    self.emit(STORE_SUBSCR, 0);
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => return self.error("invalid node type for annotated assignment"),
        }
        if !simple && !self.future.annotations && module_or_class {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult<()> {
        match &e.node {
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(x)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.check_ann_subscr(x)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    fn for_stmt(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult<()> {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end))?;
        self.visit_expr(iter)?;
        self.emit(GET_ITER, 0);
        self.bind(start);
        self.jump(FOR_ITER, cleanup);
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.unset_loc();
        self.jump(JUMP_FORWARD, start);
        self.bind(cleanup);
        self.pop_fblock();
        self.visit_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn async_for(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult<()> {
        if self.ur().scope_type != ScopeType::AsyncFunction {
            return self.error("'async for' outside async function");
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.visit_expr(iter)?;
        self.emit(GET_AITER, 0);
        self.bind(start);
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end))?;
        self.jump(SETUP_FINALLY, except);
        self.emit(GET_ANEXT, 0);
        self.load_none();
        self.add_yield_from(true);
        self.emit(POP_BLOCK, 0);
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.unset_loc();
        self.jump(JUMP_FORWARD, start);
        self.pop_fblock();
        self.bind(except);
        self.set_loc(iter.range);
        self.emit(END_ASYNC_FOR, 0);
        self.visit_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, s: &'a Stmt, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult<()> {
        let lp = self.new_label();
        let body_l = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(lp);
        self.push_fblock(FBlockKind::WhileLoop, Some(lp), Some(end))?;
        self.jump_if(test, anchor, false)?;
        self.bind(body_l);
        self.visit_stmts(body)?;
        self.set_loc(s.range);
        self.jump_if(test, body_l, true)?;
        self.pop_fblock();
        self.bind(anchor);
        self.visit_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit(COPY, 3);
        self.emit(POP_EXCEPT, 0);
        self.emit(RERAISE, 1);
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        star: bool,
    ) -> CResult<()> {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let body_l = self.new_label();
        self.jump(SETUP_FINALLY, end);
        self.bind(body_l);
        self.push_fblock_full(FBlock {
            kind: FBlockKind::FinallyTry,
            block: Some(body_l),
            exit: Some(end),
            body: Some(finalbody),
            name: None,
            range: Range::default(),
        })?;
        if !handlers.is_empty() {
            if star {
                self.try_star_except(body, handlers, orelse)?;
            } else {
                self.try_except(body, handlers, orelse)?;
            }
        } else {
            self.visit_stmts(body)?;
        }
        self.emit_noline(POP_BLOCK, 0);
        self.pop_fblock();
        self.visit_stmts(finalbody)?;
        self.jump_noline(JUMP_FORWARD, exit);
        self.bind(end);
        self.unset_loc();
        self.jump(SETUP_CLEANUP, cleanup);
        self.emit(PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::FinallyEnd, Some(end), None)?;
        self.visit_stmts(finalbody)?;
        self.pop_fblock();
        self.emit(RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn try_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> CResult<()> {
        let body_l = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.jump(SETUP_FINALLY, except);
        self.bind(body_l);
        self.push_fblock(FBlockKind::TryExcept, Some(body_l), None)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.emit_noline(POP_BLOCK, 0);
        self.visit_stmts(orelse)?;
        self.jump_noline(JUMP_FORWARD, end);
        let n = handlers.len();
        self.bind(except);
        self.unset_loc();
        self.jump(SETUP_CLEANUP, cleanup);
        self.emit(PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None)?;
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return self.error("default 'except:' must be last");
            }
            let next = self.new_label();
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.emit(CHECK_EXC_MATCH, 0);
                self.jump(POP_JUMP_IF_FALSE, next);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(name, ExprContext::Store)?;
                self.jump(SETUP_CLEANUP, cleanup_end);
                self.bind(cleanup_body);
                self.push_fblock_full(FBlock {
                    kind: FBlockKind::HandlerCleanup,
                    block: Some(cleanup_body),
                    exit: None,
                    body: None,
                    name: Some(name.clone()),
                    range: h.range,
                })?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit(POP_BLOCK, 0);
                self.emit(POP_BLOCK, 0);
                self.emit(POP_EXCEPT, 0);
                self.load_none();
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.jump(JUMP_FORWARD, end);
                self.bind(cleanup_end);
                self.unset_loc();
                self.load_none();
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.emit(RERAISE, 1);
            } else {
                let cleanup_body = self.new_label();
                self.emit(POP_TOP, 0);
                self.bind(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, Some(cleanup_body), None)?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit(POP_BLOCK, 0);
                self.emit(POP_EXCEPT, 0);
                self.jump(JUMP_FORWARD, end);
            }
            self.bind(next);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit(RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `try: ... except* ...`, as CPython 3.11's compiler_try_star_except.
    fn try_star_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> CResult<()> {
        let body_l = self.new_label();
        let except = self.new_label();
        let orelse_l = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.jump(SETUP_FINALLY, except);
        self.bind(body_l);
        self.push_fblock(FBlockKind::TryExcept, Some(body_l), None)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.emit_noline(POP_BLOCK, 0);
        self.jump_noline(JUMP_FORWARD, orelse_l);
        let n = handlers.len();
        self.bind(except);
        self.unset_loc();
        self.jump(SETUP_CLEANUP, cleanup);
        self.emit(PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, None, None)?;
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.range);
            let except_l = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                // [exc] -> [orig, [], exc]
                self.emit(COPY, 1);
                self.emit(BUILD_LIST, 0);
                self.emit(SWAP, 2);
            }
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.emit(CHECK_EG_MATCH, 0);
                self.emit(COPY, 1);
                self.jump(POP_JUMP_IF_NONE, no_match);
            }
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            match &h.name {
                Some(name) => self.nameop(name, ExprContext::Store)?,
                None => self.emit(POP_TOP, 0),
            }
            self.jump(SETUP_CLEANUP, cleanup_end);
            self.bind(cleanup_body);
            self.push_fblock_full(FBlock {
                kind: FBlockKind::HandlerCleanup,
                block: Some(cleanup_body),
                exit: None,
                body: None,
                name: h.name.clone(),
                range: h.range,
            })?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.emit(POP_BLOCK, 0);
            if let Some(name) = &h.name {
                self.load_none();
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.jump(JUMP_FORWARD, except_l);
            self.bind(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_none();
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            // Add the exception raised in the handler to the result list; drop lasti.
            self.emit(LIST_APPEND, 3);
            self.emit(POP_TOP, 0);
            self.jump(JUMP_FORWARD, except_with_error);
            self.bind(except_l);
            self.emit(NOP, 0);
            self.jump(JUMP_FORWARD, except_with_error);
            self.bind(no_match);
            self.emit(POP_TOP, 0);
            self.bind(except_with_error);
            if i + 1 == n {
                // Add exc to the list (if not None it's the unhandled part of the EG).
                self.emit(LIST_APPEND, 1);
                self.jump(JUMP_FORWARD, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.emit(PREP_RERAISE_STAR, 0);
        self.emit(COPY, 1);
        self.jump(POP_JUMP_IF_NOT_NONE, reraise);
        // Nothing to reraise.
        self.emit(POP_TOP, 0);
        self.emit(POP_BLOCK, 0);
        self.emit(POP_EXCEPT, 0);
        self.jump(JUMP_FORWARD, end);
        self.bind(reraise);
        self.emit(POP_BLOCK, 0);
        self.emit(SWAP, 2);
        self.emit(POP_EXCEPT, 0);
        self.emit(RERAISE, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse_l);
        self.visit_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: Label) {
        self.unset_loc();
        let exit = self.new_label();
        self.jump(POP_JUMP_IF_TRUE, exit);
        self.emit(RERAISE, 2);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        self.emit(POP_TOP, 0);
        self.emit(POP_BLOCK, 0);
        self.emit(POP_EXCEPT, 0);
        self.emit(POP_TOP, 0);
        self.emit(POP_TOP, 0);
    }

    fn with_stmt(&mut self, s: &'a Stmt, items: &'a [WithItem], body: &'a [Stmt], pos: usize) -> CResult<()> {
        let item = &items[pos];
        let block = self.new_label();
        let final_l = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        self.emit(BEFORE_WITH, 0);
        self.jump(SETUP_WITH, final_l);
        self.bind(block);
        self.push_fblock_full(FBlock {
            kind: FBlockKind::With,
            block: Some(block),
            exit: Some(final_l),
            body: None,
            name: None,
            range: s.range,
        })?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(POP_TOP, 0),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.with_stmt(s, items, body, pos + 1)?;
        }
        self.unset_loc();
        self.emit(POP_BLOCK, 0);
        self.pop_fblock();
        self.set_loc(s.range);
        self.call_exit_with_nones();
        self.emit(POP_TOP, 0);
        self.jump(JUMP_FORWARD, exit);
        self.bind(final_l);
        self.jump(SETUP_CLEANUP, cleanup);
        self.emit(PUSH_EXC_INFO, 0);
        self.emit(WITH_EXCEPT_START, 0);
        self.with_except_finish(cleanup);
        self.bind(exit);
        Ok(())
    }

    fn async_with(&mut self, s: &'a Stmt, items: &'a [WithItem], body: &'a [Stmt], pos: usize) -> CResult<()> {
        let item = &items[pos];
        let block = self.new_label();
        let final_l = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(&item.context_expr)?;
        self.emit(BEFORE_ASYNC_WITH, 0);
        self.emit(GET_AWAITABLE, 1);
        self.load_none();
        self.add_yield_from(true);
        self.jump(SETUP_WITH, final_l);
        self.bind(block);
        self.push_fblock_full(FBlock {
            kind: FBlockKind::AsyncWith,
            block: Some(block),
            exit: Some(final_l),
            body: None,
            name: None,
            range: s.range,
        })?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(POP_TOP, 0),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.async_with(s, items, body, pos + 1)?;
        }
        self.pop_fblock();
        self.unset_loc();
        self.emit(POP_BLOCK, 0);
        self.set_loc(s.range);
        self.call_exit_with_nones();
        self.emit(GET_AWAITABLE, 2);
        self.load_none();
        self.add_yield_from(true);
        self.emit(POP_TOP, 0);
        self.jump(JUMP_FORWARD, exit);
        self.bind(final_l);
        self.jump(SETUP_CLEANUP, cleanup);
        self.emit(PUSH_EXC_INFO, 0);
        self.emit(WITH_EXCEPT_START, 0);
        self.emit(GET_AWAITABLE, 2);
        self.load_none();
        self.add_yield_from(true);
        self.with_except_finish(cleanup);
        self.bind(exit);
        Ok(())
    }
}

