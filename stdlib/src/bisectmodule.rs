//! `_bisect`: binary search and insertion into sorted sequences
//! (bisect_left/right, insort_left/right with lo, hi and the 3.10 `key`).

use crate::itertools::Args;
use std::os::raw::c_void;
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::{list, long, module, none, tuple, unicode};
use vm::objref::PyObj;

/// Positional values and (name, value) keywords of a FASTCALL|KEYWORDS call.
pub fn fast_args(args: &[PyObj], kw: Option<&PyObj>) -> Args {
    let nk = kw.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    let kwv = match kw {
        Some(k) => tuple::items(k)
            .iter()
            .zip(&args[np..])
            .map(|(n, v)| (unicode::to_string_lossy(n), v.clone()))
            .collect(),
        None => Vec::new(),
    };
    Args { pos: args[..np].to_vec(), kw: kwv }
}

/// The clinic `Py_ssize_t` converter.
fn ssize(o: &PyObj) -> PyResult<isize> {
    let i = ab::index(o)?;
    long::as_i64(&i)
        .map(|v| v as isize)
        .ok_or_else(|| err::overflow_error("Python int too large to convert to C ssize_t"))
}

struct Params {
    a: PyObj,
    x: PyObj,
    lo: isize,
    hi: isize,
    key: Option<PyObj>,
}

fn parse(fname: &str, args: &[PyObj], kw: Option<&PyObj>) -> PyResult<Params> {
    let v = fast_args(args, kw).bind(fname, &["a", "x", "lo", "hi", "key"], 2, 4)?;
    let lo = match &v[2] {
        Some(o) => ssize(o)?,
        None => 0,
    };
    let hi = match &v[3] {
        Some(o) if !none::is_none(o) => {
            if !ab::has_index(o) {
                return Err(err::type_error(format!(
                    "argument should be integer or None, not '{}'",
                    vm::typeobj::type_name(o.ob_type())
                )));
            }
            ssize(o)?
        }
        _ => -1,
    };
    let key = v[4].clone().filter(|k| !none::is_none(k));
    let mut it = v.into_iter();
    let (a, x) = (it.next().flatten(), it.next().flatten());
    match (a, x) {
        (Some(a), Some(x)) => Ok(Params { a, x, lo, hi, key }),
        _ => Err(err::system_error("bisect: missing arguments")),
    }
}

/// `PySequence_GetItem` (mappings without `sq_item` are refused).
fn item_at(a: &PyObj, i: isize) -> PyResult {
    if list::is_exact_list(a) {
        if let Some(v) = list::items(a).get(i as usize) {
            return Ok(v.clone());
        }
    }
    unsafe {
        let tp = a.ob_type();
        let sq = (*tp).tp_as_sequence;
        if !sq.is_null() && (*sq).sq_item.is_some() {
            return ab::getitem(a, &long::from_i64(i as i64));
        }
        let mp = (*tp).tp_as_mapping;
        if !mp.is_null() && (*mp).mp_subscript.is_some() {
            return Err(err::type_error(format!("{} is not a sequence", vm::typeobj::type_name(tp))));
        }
        Err(err::type_error(format!("'{}' object does not support indexing", vm::typeobj::type_name(tp))))
    }
}

/// The insertion point of `x` in `a[lo:hi]`; `right` keeps equal items left of it.
fn search(a: &PyObj, x: &PyObj, mut lo: isize, mut hi: isize, key: Option<&PyObj>, right: bool) -> PyResult<isize> {
    if lo < 0 {
        return Err(err::value_error("lo must be non-negative"));
    }
    if hi == -1 {
        hi = ab::len(a)? as isize;
    }
    while lo < hi {
        let mid = ((lo as usize + hi as usize) / 2) as isize;
        let mut item = item_at(a, mid)?;
        if let Some(k) = key {
            item = ab::call1(k, &item)?;
        }
        if right {
            if ab::rich_compare_bool(x, &item, PY_LT)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if ab::rich_compare_bool(&item, x, PY_LT)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect(fname: &str, args: &[PyObj], kw: Option<&PyObj>, right: bool) -> PyResult {
    let p = parse(fname, args, kw)?;
    Ok(long::from_i64(search(&p.a, &p.x, p.lo, p.hi, p.key.as_ref(), right)? as i64))
}

fn insort(fname: &str, args: &[PyObj], kw: Option<&PyObj>, right: bool) -> PyResult {
    let p = parse(fname, args, kw)?;
    let i = match &p.key {
        None => search(&p.a, &p.x, p.lo, p.hi, None, right)?,
        Some(k) => {
            let kx = ab::call1(k, &p.x)?;
            search(&p.a, &kx, p.lo, p.hi, Some(k), right)?
        }
    };
    ab::call_method(&p.a, "insert", &[long::from_i64(i as i64), p.x.clone()])?;
    Ok(none::none())
}

vm::fastcall_kw!(bisect_right, |m, args, kw| { bisect("bisect_right", args, kw, true) });
vm::fastcall_kw!(bisect_left, |m, args, kw| { bisect("bisect_left", args, kw, false) });
vm::fastcall_kw!(insort_right, |m, args, kw| { insort("insort_right", args, kw, true) });
vm::fastcall_kw!(insort_left, |m, args, kw| { insort("insort_left", args, kw, false) });

pub fn init() -> PyResult<PyObj> {
    let m = module::new("_bisect");
    let fk = meth::FASTCALL | meth::KEYWORDS;
    vm::sysmodule::add_functions(&m, &[
        ("bisect_right", bisect_right as *const c_void, fk),
        ("insort_right", insort_right as *const c_void, fk),
        ("bisect_left", bisect_left as *const c_void, fk),
        ("insort_left", insort_left as *const c_void, fk),
    ]);
    ab::setattr_str(&m, "__doc__", unicode::new("Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\nhaving to sort the list after each insertion. For long lists of items with\nexpensive comparison operations, this can be an improvement over the more\ncommon approach.\n"))?;
    Ok(m)
}
