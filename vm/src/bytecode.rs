//! Pyrite's bytecode: the one opcode table, instructions, and the code unit
//! the compiler produces.
//!
//! Every view of an opcode — the `Opcode` enum, its number, its name, what its
//! argument means, its stack effect — comes from the single `opcodes!` table
//! below; the compiler, the dispatch loop, `dis` and `opcode` all read it.
//! Names and meanings follow CPython 3.11 where they are the same. Pyrite's
//! differences: jump arguments are absolute instruction indices (so there are
//! no FORWARD/BACKWARD variants of conditional jumps), there are no CACHE
//! entries or PRECALL, and a generator's frame is created by the call itself
//! (no RETURN_GENERATOR). This module knows nothing of runtime objects.

use crate::ast::Constant;
use std::rc::Rc;

/// What an instruction's argument refers to, for the disassembler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The instruction takes no argument (its arg is 0).
    None,
    /// A plain number (a count, flags, an operator code).
    Number,
    /// Index into `consts`.
    Const,
    /// Index into `names`.
    Name,
    /// LOAD_GLOBAL: `names[arg >> 1]`, bit 0 set means "push NULL first".
    GlobalName,
    /// Index into the fast locals (`varnames`).
    Local,
    /// Index into localsplus (`varnames ++ cell-only vars ++ freevars`).
    Deref,
    /// Absolute instruction index.
    Jump,
    /// Index into `COMPARE_OPS`.
    Compare,
    /// Index into `BINARY_OPS`.
    BinaryOp,
}

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident = $num:literal, $kind:ident, $effect:expr; )*) => {
        /// A Pyrite opcode. The discriminant is its number in `co_code`.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode { $( $(#[$doc])* $name = $num, )* }

        impl Opcode {
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$name, )* ];

            pub fn from_u8(n: u8) -> Option<Opcode> {
                match n { $( $num => Some(Opcode::$name), )* _ => None }
            }

            pub fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }

            pub fn arg_kind(self) -> ArgKind {
                match self { $( Opcode::$name => ArgKind::$kind, )* }
            }

            /// Net change of the value-stack depth. `jump` selects the effect
            /// on the branch taken, for instructions that can jump.
            pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
                let oparg = oparg as i32;
                let _ = (oparg, jump);
                match self { $( Opcode::$name => {
                    let f: fn(i32, bool) -> i32 = $effect;
                    f(oparg, jump)
                } )* }
            }
        }
    };
}

opcodes! {
    /// Does nothing (used as a jump target placeholder and for line events).
    NOP = 9, None, |_, _| 0;
    /// TOS is removed.
    POP_TOP = 1, None, |_, _| -1;
    /// Pushes a NULL (marks a plain function call for CALL).
    PUSH_NULL = 2, None, |_, _| 1;
    /// Pushes a copy of the item `arg` deep (1 = TOS).
    COPY = 120, Number, |_, _| 1;
    /// Swaps TOS with the item `arg` deep (arg >= 2).
    SWAP = 99, Number, |_, _| 0;
    /// Start of a function body; arg 0 at start, 1 after yield, 2 after yield from, 3 after await.
    RESUME = 151, Number, |_, _| 0;

    UNARY_POSITIVE = 10, None, |_, _| 0;
    UNARY_NEGATIVE = 11, None, |_, _| 0;
    UNARY_NOT = 12, None, |_, _| 0;
    UNARY_INVERT = 15, None, |_, _| 0;
    /// TOS = TOS1 (op) TOS, `op` an index into BINARY_OPS (in-place forms included).
    BINARY_OP = 122, BinaryOp, |_, _| -1;
    /// TOS = TOS1[TOS].
    BINARY_SUBSCR = 25, None, |_, _| -1;
    /// TOS1[TOS] = TOS2.
    STORE_SUBSCR = 60, None, |_, _| -3;
    /// del TOS1[TOS].
    DELETE_SUBSCR = 61, None, |_, _| -2;
    /// TOS = TOS1 (cmp) TOS, `arg` an index into COMPARE_OPS.
    COMPARE_OP = 107, Compare, |_, _| -1;
    /// TOS = TOS1 is TOS (is not, if arg is 1).
    IS_OP = 117, Number, |_, _| -1;
    /// TOS = TOS1 in TOS (not in, if arg is 1).
    CONTAINS_OP = 118, Number, |_, _| -1;

    LOAD_CONST = 100, Const, |_, _| 1;
    /// Pushes local `arg`; UnboundLocalError if it has no value.
    LOAD_FAST = 124, Local, |_, _| 1;
    STORE_FAST = 125, Local, |_, _| -1;
    /// Specialized forms of an instruction pair, made by `quicken` for the
    /// VM only (never emitted, never in `co_code`): the first instruction
    /// with this arg, then the second with the arg of the instruction that
    /// follows, which is left in place as a jump target.
    LOAD_FAST__LOAD_FAST = 245, Local, |_, _| 2;
    LOAD_FAST__LOAD_CONST = 246, Local, |_, _| 2;
    LOAD_CONST__LOAD_FAST = 247, Const, |_, _| 2;
    STORE_FAST__LOAD_FAST = 248, Local, |_, _| 0;
    STORE_FAST__STORE_FAST = 249, Local, |_, _| -2;
    /// CALL whose result the next instruction, POP_TOP, discards: a call
    /// that completes at once drops its result and skips the POP_TOP.
    CALL__POP_TOP = 250, Number, |a, _| -2 - a;
    DELETE_FAST = 126, Local, |_, _| 0;
    /// Name lookup in locals, then globals, then builtins (module and class bodies).
    LOAD_NAME = 101, Name, |_, _| 1;
    STORE_NAME = 90, Name, |_, _| -1;
    DELETE_NAME = 91, Name, |_, _| 0;
    /// Pushes NULL first when bit 0 of arg is set, then globals/builtins[names[arg>>1]].
    LOAD_GLOBAL = 116, GlobalName, |a, _| 1 + (a & 1);
    STORE_GLOBAL = 97, Name, |_, _| -1;
    DELETE_GLOBAL = 98, Name, |_, _| 0;
    /// Replaces localsplus[arg] with a new cell holding its old value (or empty).
    MAKE_CELL = 135, Deref, |_, _| 0;
    /// Copies the function's `arg` closure cells into the last localsplus slots.
    COPY_FREE_VARS = 149, Number, |_, _| 0;
    /// Pushes the cell in localsplus[arg] itself.
    LOAD_CLOSURE = 136, Deref, |_, _| 1;
    /// Pushes the contents of the cell in localsplus[arg].
    LOAD_DEREF = 137, Deref, |_, _| 1;
    /// In a class body: looks in the class namespace first, then the cell.
    LOAD_CLASSDEREF = 148, Deref, |_, _| 1;
    STORE_DEREF = 138, Deref, |_, _| -1;
    DELETE_DEREF = 139, Deref, |_, _| 0;

    /// TOS = getattr(TOS, names[arg]).
    LOAD_ATTR = 106, Name, |_, _| 0;
    /// TOS.names[arg] = TOS1.
    STORE_ATTR = 95, Name, |_, _| -2;
    DELETE_ATTR = 96, Name, |_, _| -1;
    /// Replaces TOS `obj` with `meth, obj` when names[arg] is a plain method,
    /// else with `NULL, getattr(obj, name)`.
    LOAD_METHOD = 160, Name, |_, _| 1;

    BUILD_TUPLE = 102, Number, |a, _| 1 - a;
    BUILD_LIST = 103, Number, |a, _| 1 - a;
    BUILD_SET = 104, Number, |a, _| 1 - a;
    /// Pops `arg` key/value pairs (key pushed first).
    BUILD_MAP = 105, Number, |a, _| 1 - 2 * a;
    /// TOS is a tuple of `arg` keys; below it `arg` values.
    BUILD_CONST_KEY_MAP = 156, Number, |a, _| -a;
    /// Concatenates `arg` strings.
    BUILD_STRING = 157, Number, |a, _| 1 - a;
    /// Pops 2 (start, stop) or 3 (start, stop, step) and pushes a slice.
    BUILD_SLICE = 133, Number, |a, _| if a == 3 { -2 } else { -1 };
    /// Appends TOS to the list `arg` deep (counted after popping TOS).
    LIST_APPEND = 145, Number, |_, _| -1;
    SET_ADD = 146, Number, |_, _| -1;
    /// Pops value then key, stores into the dict `arg` deep.
    MAP_ADD = 147, Number, |_, _| -2;
    LIST_EXTEND = 162, Number, |_, _| -1;
    SET_UPDATE = 163, Number, |_, _| -1;
    /// dict.update, for `{**a}`.
    DICT_UPDATE = 165, Number, |_, _| -1;
    /// Like DICT_UPDATE but duplicate keys raise (for `f(**a, **b)`).
    DICT_MERGE = 164, Number, |_, _| -1;
    LIST_TO_TUPLE = 82, None, |_, _| 0;
    /// Unpacks TOS into `arg` values, pushed so the first item ends on top.
    UNPACK_SEQUENCE = 92, Number, |a, _| a - 1;
    /// Star unpacking: low byte = count before the star, high byte = after.
    UNPACK_EX = 94, Number, |a, _| (a & 0xFF) + (a >> 8);
    /// f-string piece: flags & 3 = conversion (0 none, 1 str, 2 repr, 3 ascii),
    /// flags & 4 = a format spec is on top of the value.
    FORMAT_VALUE = 155, Number, |a, _| if a & 4 != 0 { -1 } else { 0 };

    /// Unconditional jump to instruction `arg` (forward).
    JUMP_FORWARD = 110, Jump, |_, _| 0;
    /// Jump back to `arg`; checks for pending signals and thread switches.
    JUMP_BACKWARD = 140, Jump, |_, _| 0;
    JUMP_BACKWARD_NO_INTERRUPT = 134, Jump, |_, _| 0;
    POP_JUMP_IF_FALSE = 114, Jump, |_, _| -1;
    POP_JUMP_IF_TRUE = 115, Jump, |_, _| -1;
    POP_JUMP_IF_NONE = 129, Jump, |_, _| -1;
    POP_JUMP_IF_NOT_NONE = 128, Jump, |_, _| -1;
    /// If TOS is false jump and keep it, else pop it.
    JUMP_IF_FALSE_OR_POP = 111, Jump, |_, j| if j { 0 } else { -1 };
    JUMP_IF_TRUE_OR_POP = 112, Jump, |_, j| if j { 0 } else { -1 };
    /// TOS = iter(TOS).
    GET_ITER = 68, None, |_, _| 0;
    /// Pushes next(TOS); when exhausted pops the iterator and jumps to `arg`.
    FOR_ITER = 93, Jump, |_, j| if j { -1 } else { 1 };
    RETURN_VALUE = 83, None, |_, _| -1;

    /// Calls with `arg` positional+keyword arguments. Below them on the stack:
    /// `NULL, callable` or `method, self` (self then counts as an argument).
    CALL = 171, Number, |a, _| -1 - a;
    /// Sets the tuple consts[arg] of keyword names for the next CALL.
    KW_NAMES = 172, Const, |_, _| 0;
    /// Stack: NULL or method-ish slot, callable, args tuple, [kwargs dict if arg & 1].
    CALL_FUNCTION_EX = 142, Number, |a, _| -2 - (a & 1);
    /// Makes a function from the code on TOS; below it, by flag: 0x08 closure
    /// tuple, 0x04 annotations tuple, 0x02 kw-defaults dict, 0x01 defaults tuple.
    MAKE_FUNCTION = 132, Number, |a, _| -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1));
    LOAD_BUILD_CLASS = 71, None, |_, _| 1;

    /// Pops fromlist and level, pushes the module `names[arg]`.
    IMPORT_NAME = 108, Name, |_, _| -1;
    /// Pushes attribute `names[arg]` of the module on TOS (kept).
    IMPORT_FROM = 109, Name, |_, _| 1;
    /// `from TOS import *` into the current namespace; pops TOS.
    IMPORT_STAR = 84, None, |_, _| -1;

    /// raise (0), raise TOS (1), raise TOS1 from TOS (2).
    RAISE_VARARGS = 130, Number, |a, _| -a;
    /// Re-raises TOS; if arg is non-zero, first sets frame.f_lasti from the
    /// value `arg`-deep (an instruction index pushed by the exception handler).
    RERAISE = 119, Number, |_, _| -1;
    /// Pushes the current handled exception below TOS and makes TOS current.
    PUSH_EXC_INFO = 35, None, |_, _| 1;
    /// Pops TOS into the thread's handled-exception slot (restoring the outer).
    POP_EXCEPT = 89, None, |_, _| -1;
    /// TOS = isinstance-check of TOS1 against exception type(s) TOS; TOS1 kept.
    CHECK_EXC_MATCH = 36, None, |_, _| 0;
    /// except*: splits TOS1 by TOS into (rest, match) pushed in that order.
    CHECK_EG_MATCH = 37, None, |_, _| 0;
    /// except*: combines the raised and re-raised lists into the exception to raise.
    PREP_RERAISE_STAR = 88, None, |_, _| -1;
    LOAD_ASSERTION_ERROR = 74, None, |_, _| 1;
    /// Calls the __exit__ at position 4 with the exception on TOS; pushes the result.
    WITH_EXCEPT_START = 49, None, |_, _| 1;
    /// Replaces the manager on TOS with its bound __exit__ and the result of __enter__().
    BEFORE_WITH = 53, None, |_, _| 1;
    BEFORE_ASYNC_WITH = 52, None, |_, _| 1;

    /// Yields TOS; on resumption TOS is the sent value.
    YIELD_VALUE = 86, None, |_, _| 0;
    /// Delegation: sends TOS into the iterator TOS1; when it finishes, pops
    /// both, pushes the return value and jumps to `arg`.
    SEND = 123, Jump, |_, j| if j { -1 } else { 0 };
    GET_YIELD_FROM_ITER = 69, None, |_, _| 0;
    /// TOS = awaitable iterator of TOS (arg 1: after __aenter__, 2: after __aexit__).
    GET_AWAITABLE = 131, Number, |_, _| 0;
    GET_AITER = 50, None, |_, _| 0;
    GET_ANEXT = 51, None, |_, _| 1;
    END_ASYNC_FOR = 54, None, |_, _| -2;
    /// Wraps a value yielded by an async generator.
    ASYNC_GEN_WRAP = 87, None, |_, _| 0;

    SETUP_ANNOTATIONS = 85, None, |_, _| 0;
    /// Interactive mode: prints repr(TOS) via sys.displayhook and pops it.
    PRINT_EXPR = 70, None, |_, _| -1;
    /// Pushes len(TOS).
    GET_LEN = 30, None, |_, _| 1;
    MATCH_MAPPING = 31, None, |_, _| 1;
    MATCH_SEQUENCE = 32, None, |_, _| 1;
    /// Pushes a tuple of the values for the key tuple TOS in mapping TOS1, or None.
    MATCH_KEYS = 33, None, |_, _| 1;
    /// TOS = attribute tuple of subject TOS2 for class TOS1, `arg` positional
    /// patterns and keyword names TOS; or None.
    MATCH_CLASS = 152, Number, |_, _| -2;
    /// Prefix: (arg << 8) is added to the next instruction's argument. Only
    /// appears in `co_code`; the VM's decoded instructions carry 32-bit args.
    EXTENDED_ARG = 144, Number, |_, _| 0;

    // Pseudo-instructions: the compiler emits them and the assembler turns them
    // into the exception table; they never reach the VM.
    /// Handler at `arg` for exceptions raised until the matching POP_BLOCK.
    SETUP_FINALLY = 241, Jump, |_, j| if j { 1 } else { 0 };
    /// Like SETUP_FINALLY, but the handler also gets f_lasti pushed (cleanup).
    SETUP_CLEANUP = 242, Jump, |_, j| if j { 2 } else { 0 };
    /// Like SETUP_CLEANUP for a with-block's __exit__ handler.
    SETUP_WITH = 243, Jump, |_, j| if j { 1 } else { 0 };
    POP_BLOCK = 244, None, |_, _| 0;
}

impl Opcode {
    pub fn is_pseudo(self) -> bool {
        (self as u8) >= 240
    }
    pub fn has_jump(self) -> bool {
        self.arg_kind() == ArgKind::Jump
    }
}

/// BINARY_OP arguments, in CPython 3.11's NB_* order: (symbol, dunder, reflected dunder).
pub const BINARY_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];
pub const NB_ADD: u32 = 0;
pub const NB_AND: u32 = 1;
pub const NB_FLOOR_DIVIDE: u32 = 2;
pub const NB_LSHIFT: u32 = 3;
pub const NB_MATRIX_MULTIPLY: u32 = 4;
pub const NB_MULTIPLY: u32 = 5;
pub const NB_REMAINDER: u32 = 6;
pub const NB_OR: u32 = 7;
pub const NB_POWER: u32 = 8;
pub const NB_RSHIFT: u32 = 9;
pub const NB_SUBTRACT: u32 = 10;
pub const NB_TRUE_DIVIDE: u32 = 11;
pub const NB_XOR: u32 = 12;
/// Add to a binary NB_* code to get its in-place form.
pub const NB_INPLACE_OFFSET: u32 = 13;

/// COMPARE_OP arguments, CPython's order (Py_LT .. Py_GE).
pub const COMPARE_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// CPython's `co_flags` bits.
pub mod co_flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    pub const FUTURE_ANNOTATIONS: u32 = 0x1000000;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    pub op: Opcode,
    pub arg: u32,
}

impl Opcode {
    /// Opcodes that only `quicken` produces.
    pub fn is_specialized(self) -> bool {
        matches!(
            self,
            Opcode::LOAD_FAST__LOAD_FAST
                | Opcode::LOAD_FAST__LOAD_CONST
                | Opcode::LOAD_CONST__LOAD_FAST
                | Opcode::STORE_FAST__LOAD_FAST
                | Opcode::STORE_FAST__STORE_FAST
                | Opcode::CALL__POP_TOP
        )
    }
}

/// The instructions the VM runs: `instrs` with common pairs turned into
/// superinstructions (as CPython 3.11 quickens). Only the first of a pair
/// changes, so every index, jump target and cache slot stays the same.
pub fn quicken(instrs: &[Instruction]) -> Vec<Instruction> {
    let mut out = instrs.to_vec();
    let mut i = 0;
    while i + 1 < instrs.len() {
        let (a, b) = (instrs[i].op, instrs[i + 1].op);
        let fused = match (a, b) {
            (Opcode::LOAD_FAST, Opcode::LOAD_FAST) => Some(Opcode::LOAD_FAST__LOAD_FAST),
            (Opcode::LOAD_FAST, Opcode::LOAD_CONST) => Some(Opcode::LOAD_FAST__LOAD_CONST),
            (Opcode::LOAD_CONST, Opcode::LOAD_FAST) => Some(Opcode::LOAD_CONST__LOAD_FAST),
            (Opcode::STORE_FAST, Opcode::LOAD_FAST) => Some(Opcode::STORE_FAST__LOAD_FAST),
            (Opcode::STORE_FAST, Opcode::STORE_FAST) => Some(Opcode::STORE_FAST__STORE_FAST),
            (Opcode::CALL, Opcode::POP_TOP) => Some(Opcode::CALL__POP_TOP),
            _ => None,
        };
        if let Some(op) = fused {
            out[i].op = op;
            // The second of the pair runs as part of this one; do not fuse it
            // with its own successor.
            i += 2;
        } else {
            i += 1;
        }
    }
    out
}

/// Source span of one instruction (lines 1-based, columns 0-based UTF-8
/// bytes, as `co_positions()` reports). Zeros mean "no location".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub lineno: u32,
    pub end_lineno: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One entry of the exception table: an exception raised by an instruction in
/// `start..end` unwinds the value stack to `depth`, pushes the instruction
/// index of the raiser if `lasti`, then the exception, and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// A constant of a code unit.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Value(Constant),
    Code(Rc<CodeUnit>),
}

/// What the compiler produces for one function, class body, comprehension,
/// lambda or module; the VM turns it into a code object.
///
/// Fast locals and cells share one array, "localsplus": `varnames`, then the
/// `cellvars` that are not also in `varnames`, then `freevars`. LOAD_FAST and
/// friends index `varnames`; the DEREF family indexes localsplus.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CodeUnit {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    pub instructions: Vec<Instruction>,
    /// One per instruction.
    pub locations: Vec<Location>,
    pub consts: Vec<ConstValue>,
    pub names: Vec<String>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub exception_table: Vec<ExceptionEntry>,
}

impl CodeUnit {
    /// Number of localsplus slots.
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len()
            + self.cellvars.iter().filter(|c| !self.varnames.contains(c)).count()
            + self.freevars.len()
    }

    /// Name of localsplus slot `i`.
    pub fn localsplus_name(&self, i: usize) -> &str {
        let nv = self.varnames.len();
        if i < nv {
            return &self.varnames[i];
        }
        let own: Vec<&String> = self.cellvars.iter().filter(|c| !self.varnames.contains(c)).collect();
        if i - nv < own.len() {
            return own[i - nv];
        }
        &self.freevars[i - nv - own.len()]
    }
}

/// A plain-text listing of a code unit and the units nested in it (for
/// debugging with `PYRITE_DIS=1`, and the base of the `dis` module).
pub fn disassemble(u: &CodeUnit) -> String {
    let mut out = format!("Disassembly of <code {} (line {})>:\n", u.qualname, u.firstlineno);
    for (i, ins) in u.instructions.iter().enumerate() {
        let line = u.locations.get(i).map(|l| l.lineno).unwrap_or(0);
        let argrepr = match ins.op.arg_kind() {
            ArgKind::None => String::new(),
            ArgKind::Const => format!("{} ({:?})", ins.arg, u.consts.get(ins.arg as usize).map(|c| match c {
                ConstValue::Value(v) => format!("{:?}", v),
                ConstValue::Code(c) => format!("<code {}>", c.name),
            })),
            ArgKind::Name => format!("{} ({})", ins.arg, u.names.get(ins.arg as usize).cloned().unwrap_or_default()),
            ArgKind::GlobalName => format!("{} ({}{})", ins.arg, if ins.arg & 1 != 0 { "NULL + " } else { "" }, u.names.get((ins.arg >> 1) as usize).cloned().unwrap_or_default()),
            ArgKind::Local => format!("{} ({})", ins.arg, u.varnames.get(ins.arg as usize).cloned().unwrap_or_default()),
            ArgKind::Deref => format!("{} ({})", ins.arg, if (ins.arg as usize) < u.nlocalsplus() { u.localsplus_name(ins.arg as usize).to_string() } else { "?".into() }),
            ArgKind::Jump => format!("{} (to {})", ins.arg, ins.arg),
            ArgKind::Compare => format!("{} ({})", ins.arg, COMPARE_OPS.get(ins.arg as usize).unwrap_or(&"?")),
            ArgKind::BinaryOp => format!("{} ({})", ins.arg, BINARY_OPS.get(ins.arg as usize).unwrap_or(&"?")),
            ArgKind::Number => format!("{}", ins.arg),
        };
        out.push_str(&format!("{:>4} {:>5} {:<24} {}\n", line, i, ins.op.name(), argrepr));
    }
    if !u.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &u.exception_table {
            out.push_str(&format!("  {} to {} -> {} [{}]{}\n", e.start, e.end, e.target, e.depth, if e.lasti { " lasti" } else { "" }));
        }
    }
    for c in &u.consts {
        if let ConstValue::Code(c) = c {
            out.push('\n');
            out.push_str(&disassemble(c));
        }
    }
    out
}
