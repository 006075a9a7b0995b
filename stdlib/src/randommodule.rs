//! `_random`: the Mersenne Twister (MT19937) behind `random.Random`, with
//! CPython's seeding (`init_by_array` over the 32-bit chunks of |n|, or of
//! the hash for non-ints; OS entropy for None), 53-bit `random()`,
//! `getrandbits(k)` for any k and the 625-tuple `getstate()` format, so
//! seeded sequences are bit-identical to CPython's.

use crate::native::{self, native_type, NState, TypeOpts};
use num_bigint::{BigInt, Sign};
use num_traits::Signed;
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::methodobject::check_nargs;
use vm::objects::{float, long, module, none, tuple, unicode};
use vm::objref::PyObj;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

pub struct Mt {
    mt: [u32; N],
    index: usize,
}

native_type!(RANDOM_TYPE, "_random.Random");

impl NState for Mt {
    fn tp() -> *mut PyTypeObject {
        &raw mut RANDOM_TYPE
    }
}

impl Mt {
    fn new() -> Mt {
        // Zeroed, as CPython's generic allocation leaves it until __init__ seeds.
        Mt { mt: [0; N], index: 0 }
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (self.mt[kk] & UPPER_MASK) | (self.mt[kk + 1] & LOWER_MASK);
                self.mt[kk] = self.mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (self.mt[kk] & UPPER_MASK) | (self.mt[kk + 1] & LOWER_MASK);
                self.mt[kk] = self.mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (self.mt[N - 1] & UPPER_MASK) | (self.mt[0] & LOWER_MASK);
            self.mt[N - 1] = self.mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let p = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32.wrapping_mul(p ^ (p >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let mut k = N.max(key.len());
        while k > 0 {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x8000_0000;
    }

    fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// Seeds from the OS (`/dev/urandom`), else from the time and process id.
fn seed_entropy(mt: &mut Mt) {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok();
    if ok {
        let key: Vec<u32> = buf.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        mt.init_by_array(&key);
    } else {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        let pid = std::process::id();
        mt.init_by_array(&[now as u32, (now >> 32) as u32, pid, 0, 0]);
    }
}

fn self_mt(slf: &PyObj) -> PyResult<&mut Mt> {
    native::state::<Mt>(slf).ok_or_else(|| err::system_error("uninitialized Random object"))
}

/// `random_seed`: None draws entropy; ints use |n|; anything else its hash.
fn seed_with(slf: &PyObj, arg: Option<&PyObj>) -> PyResult<()> {
    let arg = match arg {
        Some(a) if !none::is_none(a) => a,
        _ => {
            seed_entropy(self_mt(slf)?);
            return Ok(());
        }
    };
    let n: BigInt = if long::is_int(arg) {
        long::to_bigint(arg).abs()
    } else {
        BigInt::from(ab::hash(arg)? as usize)
    };
    let mut key = n.to_u32_digits().1;
    if key.is_empty() {
        key.push(0);
    }
    self_mt(slf)?.init_by_array(&key);
    Ok(())
}

unsafe extern "C" fn random_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    native::ret(native::new_obj(tp, Mt::new()))
}

unsafe extern "C" fn random_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let slf = PyObj::borrow(&o);
    let r = (|| -> PyResult<()> {
        let tp = slf.ob_type();
        if (tp == Mt::tp() || (*tp).tp_init.map(|f| f as *const ()) == Some(random_init as *const ()))
            && !kw.is_null()
            && vm::objects::dict::len(PyObj::borrow(&kw)) > 0
        {
            return Err(err::type_error("Random() takes no keyword arguments"));
        }
        let a = tuple::items(PyObj::borrow(&args));
        if a.len() > 1 {
            return Err(err::type_error("Random() requires 0 or 1 argument"));
        }
        seed_with(slf, a.first())
    })();
    err::int_result(r)
}

vm::onearg!(random_random, |slf, _a| { Ok(float::new(self_mt(slf)?.random())) });

vm::fastcall!(random_seed, |slf, args| {
    check_nargs("seed", args, 0, 1)?;
    seed_with(slf, args.first())?;
    Ok(none::none())
});

vm::onearg!(random_getstate, |slf, _a| {
    let mt = self_mt(slf)?;
    let mut v: Vec<PyObj> = mt.mt.iter().map(|&x| long::from_u64(x as u64)).collect();
    v.push(long::from_i64(mt.index as i64));
    Ok(tuple::new(v))
});

/// `PyLong_AsUnsignedLong` (ints only, no `__index__`).
fn as_unsigned_long(o: &PyObj) -> PyResult<u64> {
    if !long::is_int(o) {
        return Err(err::type_error("an integer is required"));
    }
    let v = long::to_bigint(o);
    if v.sign() == Sign::Minus {
        return Err(err::overflow_error("can't convert negative value to unsigned int"));
    }
    let d = v.to_u64_digits().1;
    match d.len() {
        0 => Ok(0),
        1 => Ok(d[0]),
        _ => Err(err::overflow_error("Python int too large to convert to C unsigned long")),
    }
}

/// `PyLong_AsLong` (with `__index__`).
fn as_long(o: &PyObj) -> PyResult<i64> {
    let i = ab::index(o)?;
    long::as_i64(&i).ok_or_else(|| err::overflow_error("Python int too large to convert to C long"))
}

vm::onearg!(random_setstate, |slf, state| {
    let state = state.unwrap();
    if !tuple::is_tuple(state) {
        return Err(err::type_error("state vector must be a tuple"));
    }
    let items = tuple::items(state);
    if items.len() != N + 1 {
        return Err(err::value_error("state vector is the wrong size"));
    }
    let mut new = [0u32; N];
    for i in 0..N {
        new[i] = as_unsigned_long(&items[i])? as u32;
    }
    let index = as_long(&items[N])?;
    if !(0..=N as i64).contains(&index) {
        return Err(err::value_error("invalid state"));
    }
    let mt = self_mt(slf)?;
    mt.mt = new;
    mt.index = index as usize;
    Ok(none::none())
});

/// The `int` argument-clinic converter (`_PyLong_AsInt` after `__index__`).
pub fn c_int_arg(o: &PyObj) -> PyResult<i32> {
    let i = ab::index(o)?;
    long::as_i64(&i)
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| err::overflow_error("Python int too large to convert to C int"))
}

vm::onearg!(random_getrandbits, |slf, k| {
    let k = c_int_arg(k.unwrap())?;
    if k < 0 {
        return Err(err::value_error("number of bits must be non-negative"));
    }
    let mt = self_mt(slf)?;
    if k == 0 {
        return Ok(long::from_i64(0));
    }
    if k <= 32 {
        return Ok(long::from_u64((mt.next_u32() >> (32 - k)) as u64));
    }
    let words = (k as usize - 1) / 32 + 1;
    let mut v = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut r = mt.next_u32();
        if left < 32 {
            r >>= 32 - left;
        }
        v.push(r);
        left -= 32;
    }
    Ok(long::from_bigint(&BigInt::from_slice(Sign::Plus, &v)))
});

unsafe fn init_types() -> PyResult<()> {
    let t = Mt::tp();
    native::init_type::<Mt>(TypeOpts { basetype: true, gc: false, dict: false, weakref: false, vectorcall: false });
    (*t).tp_new = Some(random_new);
    (*t).tp_init = Some(random_init);
    (*t).tp_doc = b"Random() -> create a random number generator with its own internal state.\0".as_ptr() as *const _;
    vm::objects::descr::set_methods(t, &[
        ("random", random_random as *const c_void, meth::NOARGS, "random() -> x in the interval [0, 1)."),
        ("seed", random_seed as *const c_void, meth::FASTCALL, "seed([n]) -> None."),
        ("getstate", random_getstate as *const c_void, meth::NOARGS, "getstate() -> tuple containing the current state."),
        ("setstate", random_setstate as *const c_void, meth::O, "setstate(state) -> None.  Restores generator state."),
        ("getrandbits", random_getrandbits as *const c_void, meth::O, "getrandbits(k) -> x.  Generates an int with k random bits."),
    ]);
    vm::typeobj::ready(t)
}

pub fn init() -> PyResult<PyObj> {
    unsafe { init_types()? };
    let m = module::new("_random");
    ab::setattr_str(&m, "Random", vm::typeobj::type_obj(Mt::tp()))?;
    ab::setattr_str(&m, "__doc__", unicode::new("Module implements the Mersenne Twister random number generator."))?;
    Ok(m)
}
