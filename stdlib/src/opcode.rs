//! `opcode`: Pyrite's opcode table as CPython's `opcode` module presents it
//! (`opname`, `opmap`, the `has*` lists, `cmp_op`, `_nb_ops`, `stack_effect`).
//! Everything comes from `vm::bytecode`'s one `opcodes!` table; this replaces
//! Lib/opcode.py, which describes CPython's bytecode, not Pyrite's.
//! Specialized (quickened) and pseudo opcodes are VM/compiler-internal: they
//! never appear in `co_code`, so they are left out as CPython leaves its own.

use vm::bytecode::{ArgKind, Opcode, BINARY_OPS, COMPARE_OPS};
use vm::err::{self, PyResult};
use vm::object::meth;
use vm::objects::{boolobject, dict, list, long, module, none, tuple, unicode};
use vm::objref::PyObj;

/// Opcode numbers from here up take an argument (as in CPython).
pub const HAVE_ARGUMENT: u8 = 90;

/// NB_* names for BINARY_OP's argument, in `BINARY_OPS` order.
const NB_NAMES: [&str; 13] = [
    "ADD", "AND", "FLOOR_DIVIDE", "LSHIFT", "MATRIX_MULTIPLY", "MULTIPLY", "REMAINDER", "OR", "POWER", "RSHIFT",
    "SUBTRACT", "TRUE_DIVIDE", "XOR",
];

/// The opcodes that can appear in `co_code`.
fn visible(op: Opcode) -> bool {
    !op.is_specialized() && !op.is_pseudo()
}

fn ops_where(f: impl Fn(Opcode) -> bool) -> PyObj {
    let mut v: Vec<u8> = Opcode::ALL.iter().copied().filter(|&o| visible(o) && f(o)).map(|o| o as u8).collect();
    v.sort_unstable();
    list::new(v.into_iter().map(|n| long::from_i64(n as i64)).collect())
}

fn int_arg(o: &PyObj) -> PyResult<i64> {
    vm::abstract_::to_i64(o)
}

vm::fastcall_kw!(opcode_stack_effect, |slf, args, kw| {
    let nk = kw.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    if np > 2 {
        return Err(err::type_error(format!("stack_effect() takes at most 2 positional arguments ({} given)", np)));
    }
    if np < 1 {
        return Err(err::type_error(format!("stack_effect() takes at least 1 positional argument ({} given)", np)));
    }
    let mut jump: Option<PyObj> = None;
    if let Some(k) = kw {
        for i in 0..nk {
            let name = unicode::to_string_lossy(&tuple::items(k)[i]);
            if name != "jump" {
                return Err(err::type_error(format!("'{}' is an invalid keyword argument for stack_effect()", name)));
            }
            jump = Some(args[np + i].clone());
        }
    }
    let opcode = int_arg(&args[0])?;
    let oparg = args.get(1).filter(|_| np > 1).filter(|o| !none::is_none(o));
    let has_arg = opcode >= HAVE_ARGUMENT as i64;
    let oparg = match (has_arg, oparg) {
        (true, None) => {
            return Err(err::value_error("stack_effect: opcode requires oparg but oparg was not specified"));
        }
        (false, Some(_)) => {
            return Err(err::value_error("stack_effect: opcode does not permit oparg but oparg was specified"));
        }
        (true, Some(a)) => int_arg(a)?,
        (false, None) => 0,
    };
    let jump = match jump.filter(|j| !none::is_none(j)) {
        None => None,
        Some(j) if j.as_ptr() == boolobject::true_ptr() => Some(true),
        Some(j) if j.as_ptr() == boolobject::false_ptr() => Some(false),
        Some(_) => return Err(err::value_error("stack_effect: jump must be False, True or None")),
    };
    let op = u8::try_from(opcode).ok().and_then(Opcode::from_u8).filter(|&o| visible(o));
    let op = op.ok_or_else(|| err::value_error("invalid opcode or oparg"))?;
    let a = oparg as u32;
    let e = match jump {
        Some(j) => op.stack_effect(a, j),
        None => op.stack_effect(a, true).max(op.stack_effect(a, false)),
    };
    Ok(long::from_i64(e as i64))
});

pub fn init() -> PyResult<PyObj> {
    let m = module::new("opcode");
    let mut names: Vec<PyObj> = (0..256).map(|n| unicode::new(&format!("<{}>", n))).collect();
    let opmap = dict::new();
    for &op in Opcode::ALL.iter().filter(|&&o| visible(o)) {
        names[op as usize] = unicode::new(op.name());
        dict::set_item_rs(&opmap, op.name(), long::from_i64(op as u8 as i64));
    }
    module::add(&m, "opname", list::new(names));
    module::add(&m, "opmap", opmap);
    module::add(&m, "HAVE_ARGUMENT", long::from_i64(HAVE_ARGUMENT as i64));
    module::add(&m, "EXTENDED_ARG", long::from_i64(Opcode::EXTENDED_ARG as u8 as i64));
    module::add(&m, "hasconst", ops_where(|o| o.arg_kind() == ArgKind::Const));
    module::add(&m, "hasname", ops_where(|o| matches!(o.arg_kind(), ArgKind::Name | ArgKind::GlobalName)));
    // Pyrite's jump arguments are absolute (instruction indices), never relative.
    module::add(&m, "hasjrel", list::new(vec![]));
    module::add(&m, "hasjabs", ops_where(|o| o.arg_kind() == ArgKind::Jump));
    module::add(&m, "haslocal", ops_where(|o| o.arg_kind() == ArgKind::Local));
    module::add(&m, "hascompare", ops_where(|o| o.arg_kind() == ArgKind::Compare));
    module::add(&m, "hasfree", ops_where(|o| o.arg_kind() == ArgKind::Deref));
    module::add(&m, "hasnargs", list::new(vec![]));
    module::add(&m, "cmp_op", tuple::new(COMPARE_OPS.iter().map(|s| unicode::new(s)).collect()));
    let nb: Vec<PyObj> = BINARY_OPS
        .iter()
        .enumerate()
        .map(|(i, sym)| {
            let name = if i < NB_NAMES.len() {
                format!("NB_{}", NB_NAMES[i])
            } else {
                format!("NB_INPLACE_{}", NB_NAMES[i - NB_NAMES.len()])
            };
            tuple::new(vec![unicode::new(&name), unicode::new(sym)])
        })
        .collect();
    module::add(&m, "_nb_ops", list::new(nb));
    let spec: Vec<PyObj> = Opcode::ALL.iter().filter(|o| o.is_specialized()).map(|o| unicode::new(o.name())).collect();
    module::add(&m, "_specialized_instructions", list::new(spec));
    let all = ["cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs", "haslocal", "hascompare", "hasfree", "opname", "opmap", "HAVE_ARGUMENT", "EXTENDED_ARG", "hasnargs", "stack_effect"];
    module::add(&m, "__all__", list::new(all.iter().map(|s| unicode::new(s)).collect()));
    vm::sysmodule::add_functions(&m, &[("stack_effect", opcode_stack_effect as *const std::os::raw::c_void, meth::FASTCALL | meth::KEYWORDS)]);
    Ok(m)
}

/// `_opcode`, CPython's C half of `opcode`: `stack_effect` alone here.
pub fn init_private() -> PyResult<PyObj> {
    let m = module::new("_opcode");
    vm::sysmodule::add_functions(&m, &[("stack_effect", opcode_stack_effect as *const std::os::raw::c_void, meth::FASTCALL | meth::KEYWORDS)]);
    Ok(m)
}
