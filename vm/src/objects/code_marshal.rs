//! Building code objects from untrusted parts (what `marshal.loads` reads
//! back from a `.pyc`): `CodeParts`, the fields of a `CodeData` without its
//! derived data, `validate`, the structural checks that keep hostile
//! bytecode from indexing past the VM's tables or stack, and `from_parts`.
//!
//! The checks are structural: every opcode is a real, non-internal one; every
//! argument indexes an existing constant, name, local, cell or instruction;
//! a flow analysis over the instructions and the exception table proves that
//! the stack depth is the same on every path into an instruction, never
//! reads below the bottom and never exceeds `stacksize`, and that no path
//! falls off the end. They do not type the stack's contents (NULL markers,
//! cells, iterators), which the VM trusts the compiler for.

use crate::ast::Constant;
use crate::bytecode::{ArgKind, CodeUnit, ConstValue, ExceptionEntry, Instruction, Location, Opcode};
use crate::objects::code::{self, CodeData, PyCodeObject};
use crate::objects::{boolobject, bytes, complex, float, long, none, tuple, unicode};
use crate::object::PyObject;
use crate::objref::PyObj;
use std::rc::Rc;

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
    let d = code::data(o);
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
            ArgKind::None | ArgKind::Number => true,
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
    let max = p.stacksize as i64;
    let mut depth: Vec<i64> = vec![-1; n];
    let mut work: Vec<usize> = vec![0];
    depth[0] = 0;
    let visit = |t: usize, d: i64, depth: &mut Vec<i64>, work: &mut Vec<usize>| -> Result<(), String> {
        if d < 0 || d > max {
            return bad(format!("stack depth {} out of range at {}", d, t));
        }
        if depth[t] < 0 {
            depth[t] = d;
            work.push(t);
        } else if depth[t] != d {
            return bad(format!("inconsistent stack depth at {}", t));
        }
        Ok(())
    };
    while let Some(i) = work.pop() {
        let d = depth[i];
        let ins = p.instrs[i];
        if inputs(ins.op, ins.arg) > d {
            return bad(format!("stack underflow at {}", i));
        }
        // Returning leaves the stack empty (the VM relies on it).
        if ins.op == Opcode::RETURN_VALUE && d != 1 {
            return bad(format!("stack not empty at return at {}", i));
        }
        if ins.op == Opcode::MAKE_FUNCTION && is_target[i] {
            return bad(format!("jump to MAKE_FUNCTION at {}", i));
        }
        for &k in &covering[i] {
            let e = &p.exception_table[k];
            if (e.depth as i64) > d {
                return bad(format!("exception handler depth exceeds the stack at {}", i));
            }
            visit(e.target as usize, e.depth as i64 + e.lasti as i64 + 1, &mut depth, &mut work)?;
        }
        if ins.op.has_jump() {
            visit(ins.arg as usize, d + ins.op.stack_effect(ins.arg, true) as i64, &mut depth, &mut work)?;
        }
        if !terminates(ins.op) {
            if i + 1 >= n {
                return bad("code falls off its end");
            }
            visit(i + 1, d + ins.op.stack_effect(ins.arg, false) as i64, &mut depth, &mut work)?;
        }
    }
    Ok(())
}

/// The compile-time constant an object stands for, if it is one.
fn object_to_const(o: &PyObj) -> Option<ConstValue> {
    let c = if none::is_none(o) {
        Constant::None
    } else if o.ob_type() == boolobject::bool_type() {
        Constant::Bool(o.is(&boolobject::new(true)))
    } else if o.is(&crate::objects::slice::ellipsis()) {
        Constant::Ellipsis
    } else if long::is_exact_int(o) {
        Constant::Int(long::to_bigint(o))
    } else if float::is_exact_float(o) {
        Constant::Float(float::value(o))
    } else if complex::is_exact_complex(o) {
        let v = complex::value(o);
        Constant::Complex { real: v.real, imag: v.imag }
    } else if unicode::is_exact_str(o) {
        match unicode::as_str(o) {
            Ok(s) => Constant::Str(s.to_string()),
            Err(_) => Constant::StrWide(crate::codecs::unicode_codecs::cps_of(o)),
        }
    } else if bytes::is_exact_bytes(o) {
        Constant::Bytes(bytes::as_slice(o).to_vec())
    } else if tuple::is_exact_tuple(o) {
        let mut v = Vec::new();
        for it in tuple::items(o) {
            match object_to_const(it)? {
                ConstValue::Value(c) => v.push(c),
                ConstValue::Code(_) => return None,
            }
        }
        Constant::Tuple(v)
    } else if code::is_code(o) {
        return Some(ConstValue::Code(code::data(o).unit.clone()));
    } else {
        return None;
    };
    Some(ConstValue::Value(c))
}

/// The `CodeUnit` kept beside the data (constants that are not compile-time
/// constants, e.g. frozensets from another writer, become None there).
fn unit_of(p: &CodeParts) -> CodeUnit {
    let strs = |v: &[PyObj]| v.iter().map(unicode::to_string_lossy).collect::<Vec<_>>();
    CodeUnit {
        name: unicode::to_string_lossy(&p.name),
        qualname: unicode::to_string_lossy(&p.qualname),
        filename: unicode::to_string_lossy(&p.filename),
        firstlineno: p.firstlineno,
        argcount: p.argcount,
        posonlyargcount: p.posonlyargcount,
        kwonlyargcount: p.kwonlyargcount,
        flags: p.flags,
        stacksize: p.stacksize,
        instructions: p.instrs.clone(),
        locations: p.locations.clone(),
        consts: p.consts.iter().map(|c| object_to_const(c).unwrap_or(ConstValue::Value(Constant::None))).collect(),
        names: strs(&p.names),
        varnames: strs(&p.varnames),
        cellvars: strs(&p.cellvars),
        freevars: strs(&p.freevars),
        exception_table: p.exception_table.clone(),
    }
}

/// Validates the parts and builds the code object (caches empty, the
/// instructions quickened afresh).
pub fn from_parts(p: CodeParts) -> Result<PyObj, String> {
    validate(&p)?;
    let unit = Rc::new(unit_of(&p));
    let n = p.instrs.len();
    let data = CodeData {
        run_instrs: crate::bytecode::quicken(&p.instrs),
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
        unit,
        global_cache: (0..n).map(|_| std::cell::Cell::new(Default::default())).collect(),
        attr_cache: (0..n).map(|_| std::cell::Cell::new(Default::default())).collect(),
    };
    unsafe {
        let o = crate::alloc::alloc_object(code::code_type(), 0) as *mut PyCodeObject;
        (*o).data = Box::into_raw(Box::new(data));
        Ok(PyObj::from_owned(o as *mut PyObject))
    }
}
