//! Building code objects from untrusted parts (what `marshal.loads` reads
//! back from a `.pyc`): `CodeParts`, the fields of a `CodeData` without its
//! derived data; `validate`, the verifier that keeps hostile bytecode from
//! crashing the VM (which trusts compiler output and checks nothing); and
//! `from_parts`, which validates and builds.
//!
//! The verifier checks that every opcode is a real, non-internal one and
//! every argument indexes an existing constant, name, local, cell or
//! instruction; that cells are made in the prologue and touched only by the
//! DEREF family; and, by abstract interpretation over the instructions and
//! the exception table, that the stack has one depth on every path into an
//! instruction, stays within [0, stacksize], is empty at RETURN_VALUE, never
//! falls off the end, and holds what the VM assumes without checking: no
//! NULL where an object is needed, a list/set/dict under LIST_APPEND and
//! friends, a tuple of cells as a closure, exceptions where handlers
//! re-raise. Compiler output always passes (every corpus and Lib/ module is
//! checked by stdlib/tests/marshal_props.rs and the marshal corpus).

use crate::bytecode::{ArgKind, ExceptionEntry, Instruction, Location, Opcode};
use crate::objects::code::{self, CodeData, PyCodeObject};
use crate::objects::{tuple, unicode};
use crate::object::PyObject;
use crate::objref::PyObj;

/// Every field needed to rebuild a `CodeData` (the rest is derived).
pub struct CodeParts {
    pub name: PyObj,
    pub qualname: PyObj,
    pub filename: PyObj,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    pub instrs: Vec<Instruction>,
    /// One per instruction.
    pub locations: Vec<Location>,
    pub consts: Vec<PyObj>,
    pub names: Vec<PyObj>,
    pub varnames: Vec<PyObj>,
    pub cellvars: Vec<PyObj>,
    pub freevars: Vec<PyObj>,
    pub localsplus_names: Vec<PyObj>,
    pub exception_table: Vec<ExceptionEntry>,
    pub has_docstring: bool,
}

/// The parts of an existing code object (for writing it out).
pub fn parts_of(o: &PyObj) -> CodeParts {
    parts_of_data(code::data(o))
}

/// The parts of code data (for writing it out or verifying it).
pub fn parts_of_data(d: &code::CodeData) -> CodeParts {
    CodeParts {
        name: d.name.clone(),
        qualname: d.qualname.clone(),
        filename: d.filename.clone(),
        firstlineno: d.firstlineno,
        argcount: d.argcount,
        posonlyargcount: d.posonlyargcount,
        kwonlyargcount: d.kwonlyargcount,
        flags: d.flags,
        stacksize: d.stacksize,
        instrs: d.instrs.clone(),
        locations: d.locations.clone(),
        consts: d.consts.clone(),
        names: d.names.clone(),
        varnames: d.varnames.clone(),
        cellvars: d.cellvars.clone(),
        freevars: d.freevars.clone(),
        localsplus_names: d.localsplus_names.clone(),
        exception_table: d.exception_table.clone(),
        has_docstring: d.has_docstring,
    }
}

fn terminates(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::RETURN_VALUE
            | Opcode::RAISE_VARARGS
            | Opcode::RERAISE
            | Opcode::JUMP_FORWARD
            | Opcode::JUMP_BACKWARD
            | Opcode::JUMP_BACKWARD_NO_INTERRUPT
    )
}

/// How many stack items an instruction reads (it may push some back), when
/// that is more than its net effect says.
fn inputs(op: Opcode, arg: u32) -> i64 {
    use Opcode::*;
    let a = arg as i64;
    let net = -(op.stack_effect(arg, false) as i64);
    let n = match op {
        COPY | SWAP => a,
        UNARY_POSITIVE | UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT | LOAD_ATTR | LOAD_METHOD | LIST_TO_TUPLE
        | UNPACK_SEQUENCE | UNPACK_EX | FOR_ITER | GET_ITER | JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP
        | IMPORT_FROM | PUSH_EXC_INFO | BEFORE_WITH | BEFORE_ASYNC_WITH | YIELD_VALUE | GET_YIELD_FROM_ITER
        | GET_AWAITABLE | GET_AITER | GET_ANEXT | ASYNC_GEN_WRAP | GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE => 1,
        BINARY_OP | BINARY_SUBSCR | COMPARE_OP | IS_OP | CONTAINS_OP | IMPORT_NAME | CHECK_EXC_MATCH
        | CHECK_EG_MATCH | PREP_RERAISE_STAR | SEND | END_ASYNC_FOR | MATCH_KEYS => 2,
        MATCH_CLASS => 3,
        WITH_EXCEPT_START => 4,
        FORMAT_VALUE => 1 + ((a >> 2) & 1),
        BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => a,
        BUILD_MAP => 2 * a,
        BUILD_CONST_KEY_MAP => a + 1,
        LIST_APPEND | SET_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE | DICT_MERGE => a + 1,
        MAP_ADD => a + 2,
        CALL => a + 2,
        CALL_FUNCTION_EX => 3 + (a & 1),
        MAKE_FUNCTION => 1 + (a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1),
        RERAISE => 1 + a,
        _ => 0,
    };
    n.max(net).max(0)
}

fn bad(msg: impl Into<String>) -> Result<(), String> {
    Err(msg.into())
}

/// Checks that the VM can run `p` without reading outside its tables, its
/// stack or its instructions. The error is a short reason for the message.
pub fn validate(p: &CodeParts) -> Result<(), String> {
    let n = p.instrs.len();
    if n == 0 {
        return bad("code has no instructions");
    }
    if p.locations.len() != n {
        return bad("code locations do not match its instructions");
    }
    for s in [&p.name, &p.qualname, &p.filename] {
        if !unicode::is_str(s) {
            return bad("code name or filename is not a str");
        }
    }
    for v in [&p.names, &p.varnames, &p.cellvars, &p.freevars, &p.localsplus_names] {
        if v.iter().any(|s| !unicode::is_str(s)) {
            return bad("code names are not all str");
        }
    }
    // Localsplus is varnames, then own cells, then free variables.
    let (nv, nfree, nlp) = (p.varnames.len(), p.freevars.len(), p.localsplus_names.len());
    if nlp < nv + nfree || nlp > nv + p.cellvars.len() + nfree {
        return bad("code localsplus does not match its variables");
    }
    if !p.varnames.iter().zip(&p.localsplus_names).all(|(a, b)| unicode::eq(a, b))
        || !p.freevars.iter().zip(&p.localsplus_names[nlp - nfree..]).all(|(a, b)| unicode::eq(a, b))
    {
        return bad("code localsplus does not match its variables");
    }
    let star = (p.flags & crate::bytecode::co_flags::VARARGS != 0) as u64
        + (p.flags & crate::bytecode::co_flags::VARKEYWORDS != 0) as u64;
    if p.posonlyargcount > p.argcount || p.argcount as u64 + p.kwonlyargcount as u64 + star > nv as u64 {
        return bad("code argument counts exceed its locals");
    }
    // The frame holds nlocalsplus + stacksize slots: keep it proportional to the input.
    if p.stacksize as u64 > 4 * n as u64 + 64 {
        return bad("code stacksize is too large");
    }
    for (i, ins) in p.instrs.iter().enumerate() {
        let (op, a) = (ins.op, ins.arg as usize);
        if op.is_pseudo() || op.is_specialized() {
            return bad(format!("invalid opcode {} at {}", op as u8, i));
        }
        let ok = match op.arg_kind() {
            ArgKind::None => true,
            // Counts and flags; bounded so stack effects cannot overflow.
            ArgKind::Number => a <= 1 << 24,
            ArgKind::Const => a < p.consts.len(),
            ArgKind::Name => a < p.names.len(),
            ArgKind::GlobalName => (a >> 1) < p.names.len(),
            ArgKind::Local => a < nv,
            ArgKind::Deref => a < nlp,
            ArgKind::Jump => a < n,
            ArgKind::Compare => a < crate::bytecode::COMPARE_OPS.len(),
            ArgKind::BinaryOp => a < crate::bytecode::BINARY_OPS.len(),
        };
        let ok = ok
            && match op {
                Opcode::COPY => a >= 1,
                Opcode::SWAP => a >= 2,
                Opcode::COPY_FREE_VARS => a <= nfree,
                Opcode::RAISE_VARARGS => a <= 2,
                Opcode::BUILD_SLICE => a == 2 || a == 3,
                // The compiler makes functions only from the code constant
                // loaded just before, with a closure exactly when it has free
                // variables (so COPY_FREE_VARS finds its cells).
                Opcode::MAKE_FUNCTION => {
                    a <= 0xf
                        && i > 0
                        && p.instrs[i - 1].op == Opcode::LOAD_CONST
                        && p.consts.get(p.instrs[i - 1].arg as usize).map_or(false, |c| {
                            code::is_code(c) && (a & 8 != 0) == !code::data(c).freevars.is_empty()
                        })
                }
                // Optimized (function) frames have no locals dict.
                Opcode::LOAD_NAME | Opcode::STORE_NAME | Opcode::DELETE_NAME | Opcode::IMPORT_STAR
                | Opcode::SETUP_ANNOTATIONS | Opcode::LOAD_CLASSDEREF => p.flags & crate::bytecode::co_flags::OPTIMIZED == 0,
                Opcode::KW_NAMES => {
                    let t = &p.consts[a];
                    tuple::is_tuple(t) && tuple::items(t).iter().all(unicode::is_str)
                }
                _ => true,
            };
        if !ok {
            return bad(format!("argument {} of {} at {} is out of range", a, op.name(), i));
        }
    }
    for e in &p.exception_table {
        if e.start > e.end || e.end as usize > n || e.target as usize >= n || e.depth > p.stacksize {
            return bad("exception table entry is out of range");
        }
    }
    let mut is_target = vec![false; n];
    for ins in &p.instrs {
        if ins.op.has_jump() {
            is_target[ins.arg as usize] = true;
        }
    }
    for e in &p.exception_table {
        is_target[e.target as usize] = true;
    }
    // Handlers covering each instruction.
    let mut covering: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, e) in p.exception_table.iter().enumerate() {
        for c in &mut covering[e.start as usize..e.end as usize] {
            c.push(k);
        }
    }
    check_cells(p, &is_target)?;
    flow(p, &covering, &is_target)
}

/// What the verifier knows of a stack slot.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// Some object.
    Obj,
    /// The NULL that PUSH_NULL (or LOAD_GLOBAL) pushes for CALL.
    Null,
    /// NULL or an object (LOAD_METHOD's first result).
    MaybeNull,
    /// A cell from LOAD_CLOSURE.
    Cell,
    /// A tuple of `n` cells (a closure for MAKE_FUNCTION).
    CellTuple(u32),
    Tuple,
    List,
    Set,
    Dict,
    Str,
    /// An exception instance (pushed for an exception handler).
    Exc,
    /// PREP_RERAISE_STAR's result: an exception or None.
    ExcOrNone,
    /// The previously handled exception PUSH_EXC_INFO saves for POP_EXCEPT.
    PrevExc,
}

fn merge(a: Kind, b: Kind) -> Kind {
    use Kind::*;
    match (a, b) {
        _ if a == b => a,
        (Null | MaybeNull, _) | (_, Null | MaybeNull) => MaybeNull,
        (Exc | ExcOrNone, Exc | ExcOrNone) => ExcOrNone,
        _ => Obj,
    }
}

/// Slot `k` from the top (1 = TOS).
fn at(st: &[Kind], k: usize) -> Kind {
    st[st.len() - k]
}

/// Cells live in their own slots: each is made by MAKE_CELL (own cells) or
/// COPY_FREE_VARS (free variables) in the prologue, before anything else
/// runs; only the DEREF family touches them.
fn check_cells(p: &CodeParts, is_target: &[bool]) -> Result<(), String> {
    let (nv, nfree, nlp) = (p.varnames.len(), p.freevars.len(), p.localsplus_names.len());
    let mut cell_slot = vec![false; nlp];
    for c in &p.cellvars {
        match p.localsplus_names.iter().position(|x| unicode::eq(x, c)) {
            Some(i) if i < nlp - nfree => cell_slot[i] = true,
            _ => return bad("code cell variable has no slot"),
        }
    }
    let mut made = vec![false; nlp];
    let mut copied = false;
    let mut prologue = true;
    for (i, ins) in p.instrs.iter().enumerate() {
        let a = ins.arg as usize;
        match ins.op {
            Opcode::MAKE_CELL | Opcode::COPY_FREE_VARS => {
                if !prologue || is_target[i] {
                    return bad(format!("{} outside the prologue at {}", ins.op.name(), i));
                }
                if ins.op == Opcode::MAKE_CELL {
                    if !cell_slot.get(a).copied().unwrap_or(false) || made[a] {
                        return bad(format!("bad MAKE_CELL at {}", i));
                    }
                    made[a] = true;
                } else {
                    if copied || a != nfree {
                        return bad(format!("bad COPY_FREE_VARS at {}", i));
                    }
                    copied = true;
                }
                continue;
            }
            _ => prologue = false,
        }
        match ins.op.arg_kind() {
            crate::bytecode::ArgKind::Deref => {
                if !(cell_slot[a] || a >= nlp - nfree) {
                    return bad(format!("{} of a non-cell slot at {}", ins.op.name(), i));
                }
            }
            crate::bytecode::ArgKind::Local => {
                if a < nv && cell_slot[a] {
                    return bad(format!("{} of a cell slot at {}", ins.op.name(), i));
                }
            }
            _ => {}
        }
    }
    if made != cell_slot || copied != (nfree > 0) {
        return bad("code prologue does not make its cells");
    }
    Ok(())
}

/// Abstract interpretation over the instructions and the exception table:
/// the stack has the same depth on every path into an instruction, stays
/// within [0, stacksize], and every instruction finds the kinds of values
/// the VM assumes without checking (no NULL where an object is needed, a
/// list under LIST_APPEND, cells in a closure, ...).
fn flow(p: &CodeParts, covering: &[Vec<usize>], is_target: &[bool]) -> Result<(), String> {
    use Kind::*;
    let n = p.instrs.len();
    let max = p.stacksize as usize;
    let mut state: Vec<Option<Vec<Kind>>> = vec![None; n];
    state[0] = Some(Vec::new());
    let mut work: Vec<usize> = vec![0];
    let mut budget: u64 = 50_000_000;
    let visit = |t: usize, st: Vec<Kind>, state: &mut Vec<Option<Vec<Kind>>>, work: &mut Vec<usize>| -> Result<(), String> {
        if st.len() > max {
            return bad(format!("stack deeper than stacksize at {}", t));
        }
        match &mut state[t] {
            None => {
                state[t] = Some(st);
                work.push(t);
            }
            Some(old) => {
                if old.len() != st.len() {
                    return bad(format!("inconsistent stack depth at {}", t));
                }
                let mut changed = false;
                for (o, k) in old.iter_mut().zip(st) {
                    let m = merge(*o, k);
                    changed |= m != *o;
                    *o = m;
                }
                if changed {
                    work.push(t);
                }
            }
        }
        Ok(())
    };
    while let Some(i) = work.pop() {
        let st0 = state[i].clone().unwrap_or_default();
        budget = budget.saturating_sub(st0.len() as u64 + 1);
        if budget == 0 {
            return bad("code too complex to verify");
        }
        let ins = p.instrs[i];
        let (op, arg) = (ins.op, ins.arg);
        let a = arg as usize;
        let d = st0.len();
        if inputs(op, arg) as usize > d {
            return bad(format!("stack underflow at {}", i));
        }
        if op == Opcode::RETURN_VALUE && d != 1 {
            return bad(format!("stack not empty at return at {}", i));
        }
        if op == Opcode::MAKE_FUNCTION && is_target[i] {
            return bad(format!("jump to MAKE_FUNCTION at {}", i));
        }
        // PUSH_EXC_INFO cannot raise; the handler covering it (a cleanup
        // for the except block it opens) never sees its operand.
        let raises = op != Opcode::PUSH_EXC_INFO;
        for &k in covering[i].iter().filter(|_| raises) {
            let e = &p.exception_table[k];
            if e.depth as usize > d {
                return bad(format!("exception handler depth exceeds the stack at {}", i));
            }
            let mut hs = st0[..e.depth as usize].to_vec();
            if e.lasti {
                hs.push(Obj);
            }
            hs.push(Exc);
            visit(e.target as usize, hs, &mut state, &mut work)?;
        }
        let fail = |what: &str| -> Result<Vec<Kind>, String> { Err(format!("{} at {} ({})", what, i, op.name())) };
        let nonnull = |k: Kind| !matches!(k, Null | MaybeNull);
        // Checks of slots the instruction reads, then (consumed, produced).
        let outs = |jump: bool| -> Result<Vec<Kind>, String> {
            let mut st = st0.clone();
            let effect = op.stack_effect(arg, jump);
            // Distance from the top of the one consumed slot that may be NULL.
            let mut null_ok = 0;
            let (consumed, produced): (usize, Vec<Kind>) = match op {
                Opcode::PUSH_NULL => (0, vec![Null]),
                Opcode::COPY => {
                    let k = at(&st, a);
                    if !nonnull(k) {
                        return fail("COPY of NULL");
                    }
                    (0, vec![k])
                }
                Opcode::SWAP => {
                    let l = st.len();
                    st.swap(l - 1, l - a);
                    (0, vec![])
                }
                Opcode::LOAD_CONST => {
                    let c = &p.consts[a];
                    (0, vec![if tuple::is_exact_tuple(c) { Tuple } else if unicode::is_exact_str(c) { Str } else { Obj }])
                }
                Opcode::LOAD_GLOBAL => (0, if arg & 1 != 0 { vec![Null, Obj] } else { vec![Obj] }),
                Opcode::LOAD_METHOD => (1, vec![MaybeNull, Obj]),
                Opcode::LOAD_CLOSURE => (0, vec![Cell]),
                Opcode::BUILD_TUPLE => {
                    let all_cells = a > 0 && st[d - a..].iter().all(|&k| k == Cell);
                    (a, vec![if all_cells { CellTuple(arg) } else { Tuple }])
                }
                Opcode::BUILD_LIST => (a, vec![List]),
                Opcode::BUILD_SET => (a, vec![Set]),
                Opcode::BUILD_MAP => (2 * a, vec![Dict]),
                Opcode::BUILD_CONST_KEY_MAP => {
                    if at(&st, 1) != Tuple {
                        return fail("keys are not a tuple");
                    }
                    (a + 1, vec![Dict])
                }
                Opcode::BUILD_STRING => {
                    if st[d - a..].iter().any(|&k| k != Str) {
                        return fail("BUILD_STRING of a non-str");
                    }
                    (a, vec![Str])
                }
                Opcode::FORMAT_VALUE => {
                    if arg & 4 != 0 && at(&st, 1) != Str {
                        return fail("format spec is not a str");
                    }
                    (1 + ((a >> 2) & 1), vec![Str])
                }
                Opcode::LIST_APPEND | Opcode::LIST_EXTEND | Opcode::SET_ADD | Opcode::SET_UPDATE | Opcode::DICT_UPDATE
                | Opcode::DICT_MERGE | Opcode::MAP_ADD => {
                    let popped = if op == Opcode::MAP_ADD { 2 } else { 1 };
                    let want = match op {
                        Opcode::LIST_APPEND | Opcode::LIST_EXTEND => List,
                        Opcode::SET_ADD | Opcode::SET_UPDATE => Set,
                        _ => Dict,
                    };
                    if a == 0 || at(&st, a + popped) != want {
                        return fail("container operand has the wrong kind");
                    }
                    if op == Opcode::DICT_MERGE && !nonnull(at(&st, a + 3)) {
                        return fail("no callable under DICT_MERGE");
                    }
                    if st[d - popped..].iter().any(|&k| !nonnull(k)) {
                        return fail("NULL operand");
                    }
                    (popped, vec![])
                }
                Opcode::LIST_TO_TUPLE => {
                    if at(&st, 1) != List {
                        return fail("LIST_TO_TUPLE of a non-list");
                    }
                    (1, vec![Tuple])
                }
                Opcode::PREP_RERAISE_STAR => {
                    if at(&st, 1) != List || !nonnull(at(&st, 2)) {
                        return fail("bad operands");
                    }
                    (2, vec![ExcOrNone])
                }
                Opcode::MATCH_KEYS => {
                    if at(&st, 1) != Tuple || !nonnull(at(&st, 2)) {
                        return fail("keys are not a tuple");
                    }
                    (0, vec![Obj])
                }
                Opcode::MATCH_CLASS => {
                    if at(&st, 1) != Tuple || !nonnull(at(&st, 2)) || !nonnull(at(&st, 3)) {
                        return fail("bad operands");
                    }
                    (3, vec![Obj])
                }
                Opcode::MAKE_FUNCTION => {
                    let mut k = 2;
                    let nfree = match p.consts.get(p.instrs[i - 1].arg as usize) {
                        Some(c) if code::is_code(c) => code::data(c).freevars.len() as u32,
                        _ => return fail("no code object"),
                    };
                    for (bit, want) in [(8u32, Some(CellTuple(nfree))), (4, None), (2, Some(Dict)), (1, Some(Tuple))] {
                        if arg & bit != 0 {
                            let got = at(&st, k);
                            if !nonnull(got) || want.map_or(false, |w| w != got) {
                                return fail("bad MAKE_FUNCTION operand");
                            }
                            k += 1;
                        }
                    }
                    (k - 1, vec![Obj])
                }
                Opcode::CALL => {
                    null_ok = a + 2;
                    (a + 2, vec![Obj])
                }
                Opcode::CALL_FUNCTION_EX => {
                    let c = 2 + (a & 1);
                    null_ok = c + 1;
                    (c + 1, vec![Obj])
                }
                Opcode::RERAISE => {
                    if at(&st, 1) != Exc || (a != 0 && !nonnull(at(&st, a + 1))) {
                        return fail("RERAISE of a non-exception");
                    }
                    (1, vec![])
                }
                Opcode::PUSH_EXC_INFO => {
                    if at(&st, 1) != Exc {
                        return fail("PUSH_EXC_INFO of a non-exception");
                    }
                    (1, vec![PrevExc, Exc])
                }
                Opcode::POP_EXCEPT => {
                    if at(&st, 1) != PrevExc {
                        return fail("POP_EXCEPT without PUSH_EXC_INFO");
                    }
                    (1, vec![])
                }
                Opcode::END_ASYNC_FOR => {
                    if at(&st, 1) != Exc {
                        return fail("END_ASYNC_FOR of a non-exception");
                    }
                    (2, vec![])
                }
                Opcode::CHECK_EXC_MATCH => (1, vec![Obj]),
                // `COPY 1; POP_JUMP_IF_NOT_NONE`: where it jumps, the value
                // under the tested copy is not None.
                Opcode::POP_JUMP_IF_NOT_NONE
                    if jump && i > 0 && !is_target[i] && d >= 2 && at(&st, 2) == ExcOrNone
                        && p.instrs[i - 1].op == Opcode::COPY && p.instrs[i - 1].arg == 1 =>
                {
                    let l = st.len();
                    st[l - 2] = Exc;
                    (1, vec![])
                }
                Opcode::WITH_EXCEPT_START => {
                    if st[d - 4..].iter().any(|&k| !nonnull(k)) {
                        return fail("NULL operand");
                    }
                    (0, vec![Obj])
                }
                _ => {
                    // Everything else reads its inputs as objects and pushes objects.
                    let c = inputs(op, arg) as usize;
                    if st[d - c..].iter().any(|&k| !nonnull(k)) {
                        return fail("NULL operand");
                    }
                    let prod = c as i64 + effect as i64;
                    if prod < 0 {
                        return fail("stack underflow");
                    }
                    (c, vec![Obj; prod as usize])
                }
            };
            if consumed > st.len() || produced.len() as i64 - consumed as i64 != effect as i64 {
                return fail("stack effect mismatch");
            }
            let l = st.len();
            for k in 1..=consumed {
                if k != null_ok && !nonnull(st[l - k]) {
                    return fail("NULL operand");
                }
            }
            st.truncate(st.len() - consumed);
            st.extend(produced);
            Ok(st)
        };
        if op.has_jump() {
            let st = outs(true)?;
            visit(a, st, &mut state, &mut work)?;
        }
        // The fall-through transfer also checks the operands of terminators.
        let st = outs(false)?;
        if !terminates(op) {
            if i + 1 >= n {
                return bad("code falls off its end");
            }
            visit(i + 1, st, &mut state, &mut work)?;
        }
    }
    Ok(())
}

/// Validates the parts and builds the code object.
pub fn from_parts(p: CodeParts) -> Result<PyObj, String> {
    validate(&p)?;
    Ok(build(p))
}

/// Builds the code object without validating: only for parts this same
/// build wrote and a checksum vouches for (see `stdlib::marshal`), which are
/// compiler output and so pass `validate` by construction.
pub fn from_trusted_parts(p: CodeParts) -> PyObj {
    build(p)
}

fn build(p: CodeParts) -> PyObj {
    let data = CodeData {
        nlocalsplus: p.localsplus_names.len(),
        name: p.name,
        qualname: p.qualname,
        filename: p.filename,
        firstlineno: p.firstlineno,
        argcount: p.argcount,
        posonlyargcount: p.posonlyargcount,
        kwonlyargcount: p.kwonlyargcount,
        flags: p.flags,
        stacksize: p.stacksize,
        instrs: p.instrs,
        locations: p.locations,
        consts: p.consts,
        names: p.names,
        varnames: p.varnames,
        cellvars: p.cellvars,
        freevars: p.freevars,
        localsplus_names: p.localsplus_names,
        exception_table: p.exception_table,
        has_docstring: p.has_docstring,
        run: std::cell::OnceCell::new(),
        cached_frame: std::cell::Cell::new(std::ptr::null_mut()),
    };
    unsafe {
        let o = crate::alloc::alloc_object(code::code_type(), 0) as *mut PyCodeObject;
        (*o).data = Box::into_raw(Box::new(data));
        PyObj::from_owned(o as *mut PyObject)
    }
}
