//! Property tests of core objects against reference models: int arithmetic
//! against num-bigint, dict against an insertion-ordered map, str split/join
//! on random ASCII text. One #[test] so the (single-threaded) runtime is
//! initialised once and used from one thread.

use num_bigint::BigInt;
use num_integer::Integer;
use proptest::prelude::*;
use vm::abstract_ as ab;
use vm::bytecode::{NB_ADD, NB_FLOOR_DIVIDE, NB_MULTIPLY, NB_REMAINDER, NB_SUBTRACT};
use vm::objects::{dict, list, long, unicode};

fn init() {
    let cfg = vm::sysmodule::Config {
        argv: vec![String::new()],
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
    vm::hash::init_key(Some(0));
    vm::initialize(&cfg).expect("runtime initialises");
}

fn check_int_ops(a: i128, b: i128, shift: u32) -> Result<(), TestCaseError> {
    // Scale into multi-digit territory to exercise the big-int paths.
    let x = BigInt::from(a) << shift;
    let y = BigInt::from(b);
    let (px, py) = (long::from_bigint(&x), long::from_bigint(&y));
    prop_assert_eq!(long::to_bigint(&px), x.clone());
    let repr = unicode::to_string_lossy(&ab::repr(&px).unwrap());
    prop_assert_eq!(repr, x.to_string());
    let cases: [(u32, Option<BigInt>); 5] = [
        (NB_ADD, Some(&x + &y)),
        (NB_SUBTRACT, Some(&x - &y)),
        (NB_MULTIPLY, Some(&x * &y)),
        (NB_FLOOR_DIVIDE, if y == BigInt::from(0) { None } else { Some(x.div_floor(&y)) }),
        (NB_REMAINDER, if y == BigInt::from(0) { None } else { Some(x.mod_floor(&y)) }),
    ];
    for (op, want) in cases {
        let got = ab::binary_op(&px, &py, op);
        match want {
            Some(w) => prop_assert_eq!(long::to_bigint(&got.unwrap()), w),
            None => prop_assert!(got.is_err(), "division by zero must raise"),
        }
    }
    Ok(())
}

#[derive(Clone, Debug)]
enum DictOp {
    Set(i64, i64),
    Del(i64),
    Get(i64),
}

fn dict_op() -> impl Strategy<Value = DictOp> {
    prop_oneof![
        (0i64..40, any::<i64>()).prop_map(|(k, v)| DictOp::Set(k, v)),
        (0i64..40).prop_map(DictOp::Del),
        (0i64..40).prop_map(DictOp::Get),
    ]
}

fn check_dict(ops: Vec<DictOp>) -> Result<(), TestCaseError> {
    let d = dict::new();
    // The model: insertion-ordered (key, value) pairs.
    let mut model: Vec<(i64, i64)> = Vec::new();
    for op in ops {
        match op {
            DictOp::Set(k, v) => {
                dict::set_item(&d, long::from_i64(k), long::from_i64(v)).unwrap();
                match model.iter_mut().find(|e| e.0 == k) {
                    Some(e) => e.1 = v,
                    None => model.push((k, v)),
                }
            }
            DictOp::Del(k) => {
                let had = dict::pop_item(&d, &long::from_i64(k)).unwrap().is_some();
                let pos = model.iter().position(|e| e.0 == k);
                prop_assert_eq!(had, pos.is_some());
                if let Some(p) = pos {
                    model.remove(p);
                }
            }
            DictOp::Get(k) => {
                let got = dict::get_item(&d, &long::from_i64(k)).unwrap().map(|v| long::as_i64(&v).unwrap());
                let want = model.iter().find(|e| e.0 == k).map(|e| e.1);
                prop_assert_eq!(got, want);
            }
        }
        prop_assert_eq!(dict::len(&d), model.len());
    }
    let items: Vec<(i64, i64)> = dict::items_vec(&d)
        .iter()
        .map(|(k, v)| (long::as_i64(k).unwrap(), long::as_i64(v).unwrap()))
        .collect();
    prop_assert_eq!(items, model);
    Ok(())
}

fn check_split_join(words: Vec<String>, sep: String) -> Result<(), TestCaseError> {
    let text = words.join(&sep);
    let s = unicode::new(&text);
    let parts = ab::call_method(&s, "split", &[unicode::new(&sep)]).unwrap();
    let got: Vec<String> = list::items(&parts).iter().map(unicode::to_string_lossy).collect();
    let want: Vec<String> = text.split(sep.as_str()).map(str::to_string).collect();
    prop_assert_eq!(&got, &want);
    let joined = ab::call_method(&unicode::new(&sep), "join", &[parts]).unwrap();
    prop_assert_eq!(unicode::to_string_lossy(&joined), text);
    Ok(())
}

/// The runtime has one GIL: tests take this lock and initialise it once.
static RUNTIME: std::sync::Mutex<bool> = std::sync::Mutex::new(false);

fn with_runtime<T>(f: impl FnOnce() -> T) -> T {
    let mut ready = RUNTIME.lock().unwrap_or_else(|e| e.into_inner());
    if !*ready {
        init();
        *ready = true;
    }
    f()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn int_arithmetic_matches_bigint(a in any::<i128>(), b in any::<i128>(), s in 0u32..90) {
        with_runtime(|| check_int_ops(a, b, s))?;
    }

    #[test]
    fn dict_matches_ordered_model(ops in proptest::collection::vec(dict_op(), 0..200)) {
        with_runtime(|| check_dict(ops))?;
    }

    #[test]
    fn str_split_join_round_trip(words in proptest::collection::vec("[a-z ]{0,6}", 0..8), sep in "[,;:]{1,2}") {
        with_runtime(|| check_split_join(words, sep))?;
    }
}
