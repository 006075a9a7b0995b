//! The combinatoric iterators of `itertools`: product, permutations,
//! combinations and combinations_with_replacement. Each copies its input
//! into a pool (a tuple) and walks index vectors as CPython does, so items
//! come out in the same order.

use crate::itertools::{init_type, it_type, ssize_arg, state, Args, ItState};
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::{none, tuple};
use vm::objref::PyObj;

it_type!(PRODUCT_TYPE, "product");
it_type!(PERMUTATIONS_TYPE, "permutations");
it_type!(COMBINATIONS_TYPE, "combinations");
it_type!(CWR_TYPE, "combinations_with_replacement");

fn pool_of(o: &PyObj) -> PyResult<Vec<PyObj>> {
    if tuple::is_tuple(o) {
        Ok(tuple::items(o).to_vec())
    } else {
        ab::iterate(o)
    }
}

fn pick(pool: &[PyObj], idx: &[usize]) -> PyObj {
    tuple::new(idx.iter().map(|&i| pool[i].clone()).collect())
}

fn pool_refs(pool: &[PyObj], out: &mut Vec<*mut PyObject>) {
    out.extend(pool.iter().map(|o| o.as_ptr()));
}

/// `r` as a non-negative size ("r must be non-negative" otherwise).
fn r_arg(o: &PyObj) -> PyResult<usize> {
    let r = ssize_arg(o)?;
    if r < 0 {
        return Err(err::value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

// ---------------------------------------------------------------- product

pub struct Product {
    /// One pool per position (the argument pools repeated `repeat` times).
    pools: Vec<Vec<PyObj>>,
    indices: Vec<usize>,
    started: bool,
    stopped: bool,
}

impl ItState for Product {
    fn tp() -> *mut PyTypeObject {
        &raw mut PRODUCT_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        let mut repeat = 1usize;
        if !args.kw.is_empty() {
            if args.kw.len() > 1 {
                return Err(err::type_error(format!(
                    "product() takes at most 1 keyword argument ({} given)",
                    args.kw.len()
                )));
            }
            let (k, v) = &args.kw[0];
            if k != "repeat" {
                return Err(err::type_error(format!("'{}' is an invalid keyword argument for product()", k)));
            }
            let r = ssize_arg(v)?;
            if r < 0 {
                return Err(err::value_error("repeat argument cannot be negative"));
            }
            repeat = r as usize;
        }
        if repeat > 0 && args.pos.len() > isize::MAX as usize / repeat {
            return Err(err::overflow_error("repeat argument too large"));
        }
        let mut base = Vec::with_capacity(args.pos.len());
        for a in &args.pos {
            base.push(pool_of(a)?);
        }
        let mut pools = Vec::with_capacity(base.len() * repeat);
        for _ in 0..repeat {
            pools.extend(base.iter().cloned());
        }
        let n = pools.len();
        Ok(Product { pools, indices: vec![0; n], started: false, stopped: false })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<Product>(slf) else { return Ok(None) };
        if s.stopped {
            return Ok(None);
        }
        if !s.started {
            s.started = true;
            if s.pools.iter().any(|p| p.is_empty()) {
                s.stopped = true;
                return Ok(None);
            }
        } else {
            // Advance like an odometer, rightmost position fastest.
            let mut i = s.pools.len();
            loop {
                if i == 0 {
                    s.stopped = true;
                    return Ok(None);
                }
                i -= 1;
                s.indices[i] += 1;
                if s.indices[i] < s.pools[i].len() {
                    break;
                }
                s.indices[i] = 0;
            }
        }
        let items = s.pools.iter().zip(&s.indices).map(|(p, &i)| p[i].clone()).collect();
        Ok(Some(tuple::new(items)))
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        for p in &self.pools {
            pool_refs(p, out);
        }
    }
}

// ---------------------------------------------------------------- combinations

pub struct Combinations {
    pool: Vec<PyObj>,
    indices: Vec<usize>,
    r: usize,
    started: bool,
    stopped: bool,
}

impl ItState for Combinations {
    fn tp() -> *mut PyTypeObject {
        &raw mut COMBINATIONS_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        let a = args.bind("combinations", &["iterable", "r"], 2, 2)?;
        let pool = pool_of(a[0].as_ref().unwrap_or(&none::none()))?;
        let r = r_arg(a[1].as_ref().unwrap_or(&none::none()))?;
        Ok(Combinations { stopped: r > pool.len(), pool, indices: (0..r).collect(), r, started: false })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<Combinations>(slf) else { return Ok(None) };
        if s.stopped {
            return Ok(None);
        }
        if s.started {
            let (n, r) = (s.pool.len(), s.r);
            // Rightmost index not yet at its maximum.
            let Some(i) = (0..r).rev().find(|&i| s.indices[i] != i + n - r) else {
                s.stopped = true;
                return Ok(None);
            };
            s.indices[i] += 1;
            for j in i + 1..r {
                s.indices[j] = s.indices[j - 1] + 1;
            }
        }
        s.started = true;
        Ok(Some(pick(&s.pool, &s.indices)))
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        pool_refs(&self.pool, out);
    }
}

// ---------------------------------------------------------------- combinations_with_replacement

pub struct CombinationsWR {
    pool: Vec<PyObj>,
    indices: Vec<usize>,
    r: usize,
    started: bool,
    stopped: bool,
}

impl ItState for CombinationsWR {
    fn tp() -> *mut PyTypeObject {
        &raw mut CWR_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        let a = args.bind("combinations_with_replacement", &["iterable", "r"], 2, 2)?;
        let pool = pool_of(a[0].as_ref().unwrap_or(&none::none()))?;
        let r = r_arg(a[1].as_ref().unwrap_or(&none::none()))?;
        Ok(CombinationsWR { stopped: pool.is_empty() && r > 0, pool, indices: vec![0; r], r, started: false })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<CombinationsWR>(slf) else { return Ok(None) };
        if s.stopped {
            return Ok(None);
        }
        if s.started {
            let n = s.pool.len();
            let Some(i) = (0..s.r).rev().find(|&i| s.indices[i] != n - 1) else {
                s.stopped = true;
                return Ok(None);
            };
            let v = s.indices[i] + 1;
            for j in i..s.r {
                s.indices[j] = v;
            }
        }
        s.started = true;
        Ok(Some(pick(&s.pool, &s.indices)))
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        pool_refs(&self.pool, out);
    }
}

// ---------------------------------------------------------------- permutations

pub struct Permutations {
    pool: Vec<PyObj>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    started: bool,
    stopped: bool,
}

impl ItState for Permutations {
    fn tp() -> *mut PyTypeObject {
        &raw mut PERMUTATIONS_TYPE
    }
    fn new(args: &Args, _exact: bool) -> PyResult<Self> {
        let a = args.bind("permutations", &["iterable", "r"], 1, 2)?;
        let pool = pool_of(a[0].as_ref().unwrap_or(&none::none()))?;
        let n = pool.len();
        let r = match &a[1] {
            Some(o) if !none::is_none(o) => {
                if !vm::objects::long::is_int(o) {
                    return Err(err::type_error("Expected int as r"));
                }
                r_arg(o)?
            }
            _ => n,
        };
        Ok(Permutations {
            stopped: r > n,
            indices: (0..n).collect(),
            cycles: (0..r.min(n)).map(|i| n - i).collect(),
            pool,
            r,
            started: false,
        })
    }
    fn next(slf: &PyObj) -> PyResult<Option<PyObj>> {
        let Some(s) = state::<Permutations>(slf) else { return Ok(None) };
        if s.stopped {
            return Ok(None);
        }
        let (n, r) = (s.pool.len(), s.r);
        if s.started {
            if n == 0 {
                s.stopped = true;
                return Ok(None);
            }
            let mut advanced = false;
            for i in (0..r).rev() {
                s.cycles[i] -= 1;
                if s.cycles[i] == 0 {
                    // Rotate indices[i:] left by one.
                    let first = s.indices[i];
                    s.indices.copy_within(i + 1..n, i);
                    s.indices[n - 1] = first;
                    s.cycles[i] = n - i;
                } else {
                    let j = s.cycles[i];
                    s.indices.swap(i, n - j);
                    advanced = true;
                    break;
                }
            }
            if !advanced {
                s.stopped = true;
                return Ok(None);
            }
        }
        s.started = true;
        Ok(Some(pick(&s.pool, &s.indices[..r])))
    }
    fn refs(&self, out: &mut Vec<*mut PyObject>) {
        pool_refs(&self.pool, out);
    }
}

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![Product::tp(), Permutations::tp(), Combinations::tp(), CombinationsWR::tp()]
}

pub unsafe fn init_types() {
    init_type::<Product>(true);
    init_type::<Permutations>(true);
    init_type::<Combinations>(true);
    init_type::<CombinationsWR>(true);
}
