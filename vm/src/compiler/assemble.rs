//! The assembler: turns one compiler unit's instruction list (symbolic
//! labels, pseudo-instructions) into a `CodeUnit`.
//!
//! Passes, as CPython 3.11's assemble(): a few peephole rewrites; a flow
//! analysis over every jump, fall-through and exception edge that computes the
//! stack depth before each instruction, its exception handler (the innermost
//! SETUP_* still open, tracked as CPython's label_exception_targets does) and
//! reachability; then unreachable code, NOPs, pseudo-instructions and jumps to
//! the next instruction are dropped, labels become absolute indices, the
//! exception table is built from runs of instructions sharing a handler, and
//! cell/free variable arguments become localsplus indices.

use super::codegen::{Instr, Unit};
use crate::bytecode::*;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Handler {
    target: usize,
    depth: u32,
    lasti: bool,
}

fn is_terminator(op: Opcode) -> bool {
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

fn is_deref(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::LOAD_DEREF
            | Opcode::STORE_DEREF
            | Opcode::DELETE_DEREF
            | Opcode::LOAD_CLASSDEREF
            | Opcode::LOAD_CLOSURE
    )
}

pub(crate) fn assemble(u: Unit, flags: u32, filename: &str) -> CodeUnit {
    let mut instrs: Vec<Instr> = u.instrs;
    #[allow(unused_mut)]
    let n = instrs.len();
    // Resolve labels to instruction indices (an index == n means "the end",
    // which only unreachable code can jump to).
    for ins in instrs.iter_mut() {
        if ins.op.has_jump() {
            let t = u.labels[ins.arg as usize];
            assert!(t != u32::MAX, "compiler: unbound label");
            ins.arg = t;
        }
    }
    // Inline small exit blocks: a jump to an artificial `LOAD_CONST; RETURN_VALUE`
    // becomes a copy of it (CPython's duplicate_exits_without_lineno).
    let mut dup: Vec<Instr> = Vec::with_capacity(n);
    let mut map = vec![0u32; n + 1];
    for i in 0..n {
        map[i] = dup.len() as u32;
        let ins = instrs[i];
        if ins.op == Opcode::JUMP_FORWARD {
            let t = ins.arg as usize;
            if t + 1 < n
                && instrs[t].op == Opcode::LOAD_CONST
                && instrs[t].loc.lineno == 0
                && instrs[t + 1].op == Opcode::RETURN_VALUE
            {
                dup.push(Instr { loc: ins.loc, ..instrs[t] });
                dup.push(Instr { loc: ins.loc, ..instrs[t + 1] });
                continue;
            }
        }
        dup.push(ins);
    }
    map[n] = dup.len() as u32;
    for ins in dup.iter_mut() {
        if ins.op.has_jump() {
            ins.arg = map[ins.arg as usize];
        }
    }
    let mut instrs = dup;
    let n = instrs.len();
    let mut is_target = vec![false; n + 1];
    for ins in &instrs {
        if ins.op.has_jump() {
            is_target[ins.arg as usize] = true;
        }
    }
    let mut consts = u.consts;
    peephole(&mut instrs, &is_target, &mut consts);

    // Flow analysis.
    let mut depth: Vec<i32> = vec![-1; n];
    let mut handler: Vec<Option<Handler>> = vec![None; n];
    let mut estack_at: Vec<Option<Rc<Vec<usize>>>> = vec![None; n];
    let mut work: Vec<usize> = Vec::new();
    let mut maxdepth: i32 = 0;
    let visit = |i: usize, d: i32, es: Rc<Vec<usize>>, depth: &mut Vec<i32>, estack_at: &mut Vec<Option<Rc<Vec<usize>>>>, work: &mut Vec<usize>| {
        if i >= n {
            return;
        }
        if depth[i] < 0 {
            depth[i] = d;
            estack_at[i] = Some(es);
            work.push(i);
        } else {
            debug_assert!(depth[i] == d, "compiler: inconsistent stack depth at {}: {} vs {}", i, depth[i], d);
        }
    };
    if n > 0 {
        visit(0, 0, Rc::new(vec![]), &mut depth, &mut estack_at, &mut work);
    }
    while let Some(start) = work.pop() {
        let mut i = start;
        let mut d = depth[i];
        let mut es = estack_at[i].clone().unwrap();
        loop {
            let ins = instrs[i];
            if let Some(&s) = es.last() {
                let sins = instrs[s];
                let sd = depth[s];
                let hdepth = sd + sins.op.stack_effect(0, true);
                let lasti = sins.op != Opcode::SETUP_FINALLY;
                handler[i] = Some(Handler {
                    target: sins.arg as usize,
                    depth: (hdepth - 1 - lasti as i32).max(0) as u32,
                    lasti,
                });
            }
            let op = ins.op;
            if matches!(op, Opcode::SETUP_FINALLY | Opcode::SETUP_CLEANUP | Opcode::SETUP_WITH) {
                let hd = d + op.stack_effect(ins.arg, true);
                maxdepth = maxdepth.max(hd);
                visit(ins.arg as usize, hd, es.clone(), &mut depth, &mut estack_at, &mut work);
                let mut v = (*es).clone();
                v.push(i);
                es = Rc::new(v);
            } else if op == Opcode::POP_BLOCK {
                let mut v = (*es).clone();
                v.pop();
                es = Rc::new(v);
            } else if op.has_jump() {
                let td = d + op.stack_effect(ins.arg, true);
                maxdepth = maxdepth.max(td);
                visit(ins.arg as usize, td, es.clone(), &mut depth, &mut estack_at, &mut work);
            }
            if is_terminator(op) {
                break;
            }
            d += op.stack_effect(ins.arg, false);
            debug_assert!(d >= 0, "compiler: negative stack depth at {} ({:?})", i, op);
            maxdepth = maxdepth.max(d);
            i += 1;
            if i >= n {
                break;
            }
            if depth[i] >= 0 {
                debug_assert!(depth[i] == d, "compiler: inconsistent stack depth at {}: {} vs {}", i, depth[i], d);
                break;
            }
            depth[i] = d;
            estack_at[i] = Some(es.clone());
        }
    }

    // Decide which instructions survive.
    let mut keep: Vec<bool> = (0..n)
        .map(|i| depth[i] >= 0 && !instrs[i].op.is_pseudo() && instrs[i].op != Opcode::NOP)
        .collect();
    let mut next_kept = vec![n; n + 1];
    for i in (0..n).rev() {
        if keep[i] && instrs[i].op == Opcode::JUMP_FORWARD {
            let t = instrs[i].arg as usize;
            if t > i && next_kept[t.min(n)] == next_kept[i + 1] {
                keep[i] = false;
            }
        }
        next_kept[i] = if keep[i] { i } else { next_kept[i + 1] };
    }
    // Prefix: COPY_FREE_VARS, MAKE_CELL.
    let nvar = u.varnames.len();
    let own_cells: Vec<&String> = u.cellvars.iter().filter(|c| !u.varnames.contains(c)).collect();
    let localsplus_of_cell = |idx: usize| -> u32 {
        if idx < u.cellvars.len() {
            let name = &u.cellvars[idx];
            if let Some(p) = u.varnames.iter().position(|v| v == name) {
                return p as u32;
            }
            (nvar + own_cells.iter().position(|c| *c == name).unwrap()) as u32
        } else {
            (nvar + own_cells.len() + idx - u.cellvars.len()) as u32
        }
    };
    let first_loc = Location { lineno: u.firstlineno, end_lineno: u.firstlineno, col: 0, end_col: 0 };
    let mut out: Vec<Instruction> = Vec::new();
    let mut locs: Vec<Location> = Vec::new();
    let mut hand: Vec<Option<Handler>> = Vec::new();
    if !u.freevars.is_empty() {
        out.push(Instruction { op: Opcode::COPY_FREE_VARS, arg: u.freevars.len() as u32 });
        locs.push(first_loc);
        hand.push(None);
    }
    for i in 0..u.cellvars.len() {
        out.push(Instruction { op: Opcode::MAKE_CELL, arg: localsplus_of_cell(i) });
        locs.push(first_loc);
        hand.push(None);
    }
    let prefix = out.len();
    let mut newidx = vec![0u32; n + 1];
    let mut c = prefix as u32;
    for i in 0..n {
        if keep[i] {
            newidx[i] = c;
            c += 1;
        }
    }
    let total = c;
    // Indices of removed instructions map to the next kept one.
    for i in (0..=n).rev() {
        if i == n {
            newidx[i] = total;
        } else if !keep[i] {
            newidx[i] = newidx[i + 1];
        }
    }
    let mut last_loc = first_loc;
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        let ins = instrs[i];
        let mut op = ins.op;
        let mut arg = ins.arg;
        if op.has_jump() {
            arg = newidx[ins.arg as usize];
            let me = out.len() as u32;
            if op == Opcode::JUMP_FORWARD && arg <= me {
                op = Opcode::JUMP_BACKWARD;
            }
        } else if is_deref(op) {
            arg = localsplus_of_cell(arg as usize);
        }
        let mut loc = ins.loc;
        if loc.lineno == 0 && op != Opcode::RESUME {
            loc = last_loc;
        } else if loc.lineno != 0 {
            last_loc = loc;
        }
        out.push(Instruction { op, arg });
        locs.push(loc);
        hand.push(handler[i].map(|h| Handler { target: newidx[h.target] as usize, ..h }));
    }
    // Exception table from runs of equal handlers.
    let mut table: Vec<ExceptionEntry> = Vec::new();
    let mut i = 0;
    while i < out.len() {
        if let Some(h) = hand[i] {
            let mut j = i + 1;
            while j < out.len() && hand[j] == Some(h) {
                j += 1;
            }
            table.push(ExceptionEntry {
                start: i as u32,
                end: j as u32,
                target: h.target as u32,
                depth: h.depth,
                lasti: h.lasti,
            });
            i = j;
        } else {
            i += 1;
        }
    }
    CodeUnit {
        name: u.name,
        qualname: u.qualname,
        filename: filename.to_string(),
        firstlineno: u.firstlineno,
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        flags,
        stacksize: maxdepth.max(0) as u32,
        instructions: out,
        locations: locs,
        consts,
        names: u.names,
        varnames: u.varnames,
        cellvars: u.cellvars,
        freevars: u.freevars,
        exception_table: table,
    }
}

/// CPython 3.11's simplest peephole rewrites that matter for speed.
fn peephole(instrs: &mut [Instr], is_target: &[bool], consts: &mut Vec<ConstValue>) {
    // LOAD_CONST x n; BUILD_TUPLE n -> LOAD_CONST (tuple).
    for i in 0..instrs.len() {
        let n = instrs[i].arg as usize;
        if instrs[i].op != Opcode::BUILD_TUPLE || n == 0 || n > i {
            continue;
        }
        let start = i - n;
        let all_const = (start..i).all(|j| {
            instrs[j].op == Opcode::LOAD_CONST
                && matches!(consts[instrs[j].arg as usize], ConstValue::Value(_))
                && !is_target[j + 1]
        });
        if !all_const {
            continue;
        }
        let items: Vec<crate::ast::Constant> = (start..i)
            .map(|j| match &consts[instrs[j].arg as usize] {
                ConstValue::Value(c) => c.clone(),
                _ => unreachable!(),
            })
            .collect();
        let tuple = ConstValue::Value(crate::ast::Constant::Tuple(items));
        let idx = match consts.iter().position(|c| *c == tuple) {
            Some(p) => p,
            None => {
                consts.push(tuple);
                consts.len() - 1
            }
        };
        for j in start..i {
            instrs[j].op = Opcode::NOP;
        }
        instrs[i].op = Opcode::LOAD_CONST;
        instrs[i].arg = idx as u32;
    }
    for i in 0..instrs.len().saturating_sub(1) {
        let a = instrs[i];
        let b = instrs[i + 1];
        if is_target[i + 1] {
            continue;
        }
        match (a.op, b.op) {
            (Opcode::PUSH_NULL, Opcode::LOAD_GLOBAL) if b.arg & 1 == 0 => {
                instrs[i].op = Opcode::NOP;
                instrs[i + 1].arg |= 1;
            }
            (Opcode::BUILD_TUPLE, Opcode::UNPACK_SEQUENCE) if a.arg == b.arg && (1..=3).contains(&a.arg) => {
                if a.arg == 1 {
                    instrs[i].op = Opcode::NOP;
                    instrs[i + 1].op = Opcode::NOP;
                    instrs[i + 1].arg = 0;
                } else {
                    instrs[i].op = Opcode::NOP;
                    instrs[i + 1].op = Opcode::SWAP;
                }
            }
            _ => {}
        }
    }
}
