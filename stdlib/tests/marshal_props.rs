//! Property tests of `marshal` through the VM's Rust API: random data values
//! round-trip, random and mutated bytes never crash `loads` (only ValueError,
//! EOFError or TypeError), hostile length fields fail fast, CPython's code
//! objects are rejected, any u32 in a code object's args, locations and
//! exception table round-trips, and every corpus program's and Lib/ module's code
//! round-trips (the verifier accepts all compiler output).
//!
//! The VM is process-global and single-threaded, so everything runs in one
//! `#[test]` on one thread (with a large stack, as `pyrite` runs).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use stdlib::marshal::{cache_load, dumps, loads};
use vm::bytecode::{ExceptionEntry, Location};
use vm::objects::code_marshal;
use vm::objects::{boolobject, bytes, code, dict, float, list, long, none, setobject, tuple, unicode};
use vm::objref::PyObj;

#[derive(Debug, Clone)]
enum Val {
    None,
    Bool(bool),
    Int(i64),
    Big(Vec<u32>, bool),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Val>),
    List(Vec<Val>),
    Dict(Vec<(i64, Val)>),
    FrozenSet(Vec<i64>),
}

fn build(v: &Val) -> PyObj {
    match v {
        Val::None => none::none(),
        Val::Bool(b) => boolobject::new(*b),
        Val::Int(i) => long::from_i64(*i),
        Val::Big(digits, neg) => {
            let b = num_bigint::BigInt::from_slice(if *neg { num_bigint::Sign::Minus } else { num_bigint::Sign::Plus }, digits);
            long::from_bigint(&b)
        }
        Val::Float(f) => float::new(*f),
        Val::Str(s) => unicode::new(s),
        Val::Bytes(b) => bytes::new(b),
        Val::Tuple(items) => tuple::new(items.iter().map(build).collect()),
        Val::List(items) => list::new(items.iter().map(build).collect()),
        Val::Dict(items) => {
            let d = dict::new();
            for (k, v) in items {
                dict::set_item(&d, long::from_i64(*k), build(v)).unwrap();
            }
            d
        }
        Val::FrozenSet(items) => {
            let l = list::new(items.iter().map(|&i| long::from_i64(i)).collect());
            setobject::new_from_iterable(true, Some(&l)).unwrap()
        }
    }
}

fn val_strategy() -> impl Strategy<Value = Val> {
    let leaf = prop_oneof![
        Just(Val::None),
        any::<bool>().prop_map(Val::Bool),
        any::<i64>().prop_map(Val::Int),
        (proptest::collection::vec(any::<u32>(), 0..6), any::<bool>()).prop_map(|(d, n)| Val::Big(d, n)),
        any::<f64>().prop_filter("nan", |f| !f.is_nan()).prop_map(Val::Float),
        ".{0,40}".prop_map(Val::Str),
        "[a-z_]{0,300}".prop_map(Val::Str),
        proptest::collection::vec(any::<u8>(), 0..40).prop_map(Val::Bytes),
        proptest::collection::vec(any::<i64>(), 0..8).prop_map(Val::FrozenSet),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Val::Tuple),
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Val::List),
            proptest::collection::vec((any::<i64>(), inner), 0..6).prop_map(Val::Dict),
        ]
    })
}

fn exc_name(e: &vm::err::PyErr) -> String {
    vm::typeobj::type_name(e.exc_type())
}

/// `loads` either succeeds or raises one of marshal's documented errors.
fn loads_is_clean(data: &[u8]) -> Result<(), String> {
    match loads(data) {
        Ok(_) => Ok(()),
        Err(e) => {
            let n = exc_name(&e);
            let ok = unsafe {
                e.matches(vm::objects::exceptions::PyExc_ValueError)
                    || e.matches(vm::objects::exceptions::PyExc_EOFError)
                    || e.matches(vm::objects::exceptions::PyExc_TypeError)
            };
            if ok {
                Ok(())
            } else {
                Err(format!("unexpected {} for {:?}", n, data))
            }
        }
    }
}

/// The checksum Pyrite's code layout ends with (stdlib/src/marshal.rs
/// `checksum`: FNV-1a over 8-byte words with an xor-shift, then the tail).
fn fnv(data: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let words = data.len() / 8 * 8;
    for c in data[..words].chunks(8) {
        let w = c.iter().rev().fold(0u64, |a, &b| (a << 8) | b as u64);
        h = (h ^ w).wrapping_mul(0x0000_0100_0000_01b3);
        h ^= h >> 32;
    }
    data[words..].iter().fold(h, |h, &b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

fn varint(out: &mut Vec<u8>, mut x: u32) {
    while x >= 0x80 {
        out.push(x as u8 | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

fn varint_len(x: u32) -> usize {
    let mut v = Vec::new();
    varint(&mut v, x);
    v.len()
}

fn read_varint(data: &[u8], pos: &mut usize) -> u32 {
    let (mut x, mut shift) = (0u32, 0);
    loop {
        let b = data[*pos];
        *pos += 1;
        x |= ((b & 0x7f) as u32) << shift;
        if b < 0x80 {
            return x;
        }
        shift += 7;
    }
}

/// The (opcode, arg) pairs of a marshalled code object (stdlib/src/marshal.rs
/// `Writer::code`: TYPE_CODE, magic, version, build id, u32 tables length,
/// six varint fields, has_docstring, ninstrs) and the bytes they occupy.
fn instructions_of(data: &[u8]) -> (Vec<(u8, u32)>, std::ops::Range<usize>) {
    let mut pos = 21;
    for _ in 0..6 {
        read_varint(data, &mut pos);
    }
    pos += 1;
    let n = read_varint(data, &mut pos);
    let start = pos;
    let mut ins = Vec::new();
    for _ in 0..n {
        let op = data[pos];
        pos += 1;
        ins.push((op, read_varint(data, &mut pos)));
    }
    (ins, start..pos)
}

/// `data` (one code object) with `tables` as its tables, length and checksum fixed.
fn reseal(data: &[u8], tables: &[u8]) -> Vec<u8> {
    let old_len = u32::from_le_bytes([data[17], data[18], data[19], data[20]]) as usize;
    let mut out = data[..17].to_vec();
    out.extend_from_slice(&(tables.len() as u32).to_le_bytes());
    out.extend_from_slice(tables);
    out.extend_from_slice(&data[21 + old_len..data.len() - 8]);
    let sum = fnv(&out[1..]);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// `data` with the instructions at `range` replaced by `ins`.
fn with_instructions(data: &[u8], range: std::ops::Range<usize>, ins: &[(u8, u32)]) -> Vec<u8> {
    let old_len = u32::from_le_bytes([data[17], data[18], data[19], data[20]]) as usize;
    let mut tables = data[21..range.start].to_vec();
    for &(op, arg) in ins {
        tables.push(op);
        varint(&mut tables, arg);
    }
    tables.extend_from_slice(&data[range.end..21 + old_len]);
    reseal(data, &tables)
}

fn compile(src: &str, filename: &str) -> Option<PyObj> {
    let unit = vm::compiler::compile_source(src, filename, vm::compiler::CompileMode::Exec, 0).ok()?;
    Some(code::from_unit(std::rc::Rc::new(unit)))
}

fn check_all() {
    let mut runner = TestRunner::new(Config { cases: 400, ..Config::default() });

    // Data values round-trip; versions 0-2 (no references, so no dependence
    // on reference counts) give the same bytes again.
    runner
        .run(&val_strategy(), |v| {
            let o = build(&v);
            for version in 0..=4 {
                let data = dumps(&o, version).map_err(|e| TestCaseError::fail(exc_name(&e)))?;
                let back = loads(&data).map_err(|e| TestCaseError::fail(exc_name(&e)))?;
                prop_assert!(vm::abstract_::eq(&o, &back).unwrap_or(false), "round trip of {:?} (v{})", v, version);
                prop_assert!(o.ob_type() == back.ob_type());
                if version <= 2 {
                    prop_assert_eq!(dumps(&back, version).ok(), Some(data));
                }
            }
            Ok(())
        })
        .unwrap();

    // Random bytes never crash loads.
    runner
        .run(&proptest::collection::vec(any::<u8>(), 0..64), |data| {
            loads_is_clean(&data).map_err(TestCaseError::fail)
        })
        .unwrap();

    // Random bytes after each type code (codes with and without FLAG_REF).
    let codes: Vec<u8> = b"0NFTS.iIfgxylstr([{cu?<>aAz)Z".iter().flat_map(|&c| [c, c | 0x80]).collect();
    runner
        .run(&(proptest::sample::select(codes), proptest::collection::vec(any::<u8>(), 0..48)), |(c, rest)| {
            let mut data = vec![c];
            data.extend(rest);
            loads_is_clean(&data).map_err(TestCaseError::fail)
        })
        .unwrap();

    // Mutated code objects: never a crash; what loads accepts has passed validation.
    let src = "def f(a, *b, c=1, **d):\n    def g():\n        return a + c\n    try:\n        return [x for x in b if x]\n    except* ValueError:\n        pass\n    finally:\n        print(g())\nclass C:\n    y = 2\n    def m(self): return self.y\n";
    let co = compile(src, "m.py").expect("compiles");
    let good = dumps(&co, 4).unwrap();
    // Nested code objects keep their filename, read as one shared object.
    let back = loads(&good).expect("valid code loads");
    let mut codes = vec![back.clone()];
    while let Some(c) = codes.pop() {
        let d = code::data(&c);
        assert!(d.filename.is(&code::data(&back).filename) && unicode::eq_str(&d.filename, "m.py"));
        codes.extend(d.consts.iter().filter(|k| code::is_code(k)).cloned());
    }
    assert_eq!(&good[1..5], b"PYRT");
    let n = good.len();
    runner
        .run(&proptest::collection::vec((0..n, any::<u8>()), 1..4), |muts| {
            let mut data = good.clone();
            for (i, b) in muts {
                data[i] = b;
            }
            loads_is_clean(&data).map_err(TestCaseError::fail)
        })
        .unwrap();
    // Mutated instructions behind a correct checksum (what a crafted file
    // looks like) reach the verifier, which must never panic.
    let (instrs, range) = instructions_of(&good);
    runner
        .run(&proptest::collection::vec((0..instrs.len(), any::<u8>(), any::<u32>(), any::<bool>()), 1..4), |muts| {
            let mut ins = instrs.clone();
            for (k, op, arg, which) in muts {
                if which {
                    ins[k].0 = op;
                } else {
                    ins[k].1 = arg;
                }
            }
            loads_is_clean(&with_instructions(&good, range.clone(), &ins)).map_err(TestCaseError::fail)
        })
        .unwrap();
    // Any opcode/arg pair round-trips through the layout behind a correct
    // checksum; a varint of six bytes or one past u32 is malformed.
    let ok = with_instructions(&good, range.clone(), &instrs);
    assert_eq!(ok, good);
    let tables_end = 21 + u32::from_le_bytes([good[17], good[18], good[19], good[20]]) as usize;
    for (tail, what) in [(&[0xffu8, 0xff, 0xff, 0xff, 0x10][..], "past u32"), (&[0x80, 0x80, 0x80, 0x80, 0x80, 0x00][..], "six bytes")] {
        let mut tables = good[21..range.start].to_vec();
        tables.push(instrs[0].0);
        tables.extend_from_slice(tail);
        tables.extend_from_slice(&good[range.start + 1 + varint_len(instrs[0].1)..tables_end]);
        let data = reseal(&good, &tables);
        let e = loads(&data).err().unwrap_or_else(|| panic!("varint {} accepted", what));
        assert_eq!(exc_name(&e), "ValueError", "varint {}", what);
    }
    // Any u32 in an arg, a location or the exception table round-trips:
    // through the cache's reader (which trusts this build's code, so
    // arbitrary args get through) and, with the compiler's instructions,
    // through `loads` and its verifier.
    let n = code::data(&co).instrs.len();
    let u = || prop_oneof![any::<u32>(), 0..300u32, Just(0u32), Just(u32::MAX), Just(u32::MAX - 1)];
    let loc = (u(), u(), u(), u(), any::<bool>());
    let entry = (u(), u(), u(), u(), any::<bool>());
    let strategy = (
        proptest::collection::vec(u(), n..=n),
        proptest::collection::vec(loc, n..=n),
        proptest::collection::vec(entry, 0..4),
        u(),
        any::<bool>(),
    );
    runner
        .run(&strategy, |(args, locs, entries, firstlineno, keep_args)| {
            let mut p = code_marshal::parts_of(&co);
            if !keep_args {
                for (ins, a) in p.instrs.iter_mut().zip(args) {
                    ins.arg = a;
                }
            }
            // The flag repeats the previous location, making runs.
            for (k, (lineno, end_lineno, col, end_col, repeat)) in locs.into_iter().enumerate() {
                p.locations[k] = if repeat && k > 0 { p.locations[k - 1] } else { Location { lineno, end_lineno, col, end_col } };
            }
            if !keep_args {
                p.exception_table = entries.into_iter().map(|(start, end, target, depth, lasti)| ExceptionEntry { start, end, target, depth, lasti }).collect();
            }
            p.firstlineno = firstlineno;
            let (instrs, locations, table) = (p.instrs.clone(), p.locations.clone(), p.exception_table.clone());
            let made = code_marshal::from_trusted_parts(p);
            let data = dumps(&made, 4).map_err(|e| TestCaseError::fail(exc_name(&e)))?;
            let readers: &[fn(&[u8]) -> vm::err::PyResult<PyObj>] = if keep_args { &[loads, cache_load] } else { &[cache_load] };
            for read in readers {
                let back = read(&data).map_err(|e| TestCaseError::fail(exc_name(&e)))?;
                let d = code::data(&back);
                prop_assert_eq!(&d.instrs, &instrs);
                prop_assert_eq!(&d.locations, &locations);
                prop_assert_eq!(&d.exception_table, &table);
                prop_assert_eq!(d.firstlineno, firstlineno);
            }
            loads_is_clean(&data).map_err(TestCaseError::fail)
        })
        .unwrap();
    // Every truncation of the code object fails cleanly.
    for k in 0..n {
        assert!(loads(&good[..k]).is_err());
    }

    // Length fields far beyond the data fail at once with EOFError.
    let start = std::time::Instant::now();
    for code in [b'(', b'[', b'<', b'>', b's', b'u', b'a', b'l', b't', b'A'] {
        let mut data = vec![code, 0xff, 0xff, 0xff, 0x7f];
        data.extend_from_slice(&[b'N'; 10]);
        let e = loads(&data).err().expect("must fail");
        assert_eq!(exc_name(&e), "EOFError", "code {}", code as char);
    }
    assert!(start.elapsed().as_secs() < 5, "huge length fields must fail fast");

    // Nesting deeper than 2000 is refused, not a stack overflow.
    let mut deep = Vec::new();
    for _ in 0..100_000 {
        deep.extend_from_slice(b")\x01");
    }
    deep.push(b'N');
    let e = loads(&deep).err().expect("too deep");
    assert_eq!(exc_name(&e), "ValueError");

    // A code object as CPython 3.11 writes it is rejected, not misread.
    let cpython_code = "630000000000000000000000000100000000000000f30c0000009700640084005a00640153002902630100000000000000000000000200000003000000f30c00000097007c0064017a000000530029024ee901000000a9002901da0178730100000020da01667205000000720500000001000000730b0000008000d80b0c88518933804af3000000004e29017205000000720300000072060000007205000000fa083c6d6f64756c653e720700000001000000731e000000f003010101f00201010ff00001010ff00001010ff00001010ff00001010f7206000000";
    let bytes_: Vec<u8> = (0..cpython_code.len() / 2).map(|i| u8::from_str_radix(&cpython_code[2 * i..2 * i + 2], 16).unwrap()).collect();
    let e = loads(&bytes_).err().expect("CPython code must be rejected");
    assert_eq!(exc_name(&e), "ValueError");

    // Every corpus program's code round-trips (validation accepts all compiler output).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs");
    let mut stack = vec![root];
    // CPython's Lib/ (Pyrite's pure-Python stdlib), when installed.
    let lib = std::path::PathBuf::from("/usr/lib/python3.11");
    if lib.is_dir() {
        stack.push(lib);
    }
    let mut count = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                if !p.is_symlink() {
                    stack.push(p);
                }
            } else if p.extension().map_or(false, |e| e == "py") {
                let Ok(src) = std::fs::read_to_string(&p) else { continue };
                let Some(co) = compile(&src, &p.to_string_lossy()) else { continue };
                let data = dumps(&co, 4).unwrap();
                let back = loads(&data).unwrap_or_else(|e| panic!("{}: {}", p.display(), exc_name(&e)));
                assert!(vm::abstract_::eq(&co, &back).unwrap(), "{}", p.display());
                count += 1;
            }
        }
    }
    eprintln!("marshal_props: {} corpus and Lib/ files round-tripped", count);
    assert!(count > 100);
}

#[test]
fn marshal_properties() {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            stdlib::register_all();
            let cfg = vm::sysmodule::Config {
                argv: vec![],
                executable: String::new(),
                path0: None,
                ignore_environment: true,
                isolated: true,
                no_site: true,
                dont_write_bytecode: true,
                unbuffered: false,
                inspect: false,
                optimize: 0,
                stdlib_dir: None,
                warnoptions: vec![],
                xoptions: vec![],
                quiet: true,
            };
            if let Err(_) = vm::initialize(&cfg) {
                panic!("VM initialisation failed");
            }
            check_all();
        })
        .unwrap()
        .join()
        .unwrap();
}
