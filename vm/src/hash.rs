//! Hashing as CPython 3.11 does it: SipHash-1-3 for str and bytes with a
//! per-process key (fixed by PYTHONHASHSEED), and the modular hash of numbers
//! (`sys.hash_info`: modulus 2**61 - 1, inf 314159, nan from identity).

use std::cell::Cell;

pub const MODULUS_BITS: u32 = 61;
pub const MODULUS: u64 = (1u64 << MODULUS_BITS) - 1;
pub const HASH_INF: isize = 314159;
pub const HASH_IMAG: isize = 1000003;

thread_local! {
    static KEY: Cell<Option<(u64, u64)>> = const { Cell::new(None) };
}

static mut PROCESS_KEY: Option<(u64, u64)> = None;

/// Sets the key from PYTHONHASHSEED (None: random). Called once at start-up.
pub fn init_key(seed: Option<u32>) {
    let mut secret = [0u8; 16];
    match seed {
        Some(0) => {}
        Some(s) => {
            // CPython's lcg_urandom fills the secret from the seed.
            let mut x: u32 = s;
            for b in secret.iter_mut() {
                x = x.wrapping_mul(214013).wrapping_add(2531011);
                *b = ((x >> 16) & 0xff) as u8;
            }
        }
        None => {
            let ok = std::fs::File::open("/dev/urandom")
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut secret))
                .is_ok();
            if !ok {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or(0);
                secret.copy_from_slice(&(t ^ (std::process::id() as u128) << 64).to_le_bytes());
            }
        }
    }
    let k0 = u64::from_le_bytes(secret[0..8].try_into().unwrap());
    let k1 = u64::from_le_bytes(secret[8..16].try_into().unwrap());
    unsafe { PROCESS_KEY = Some((k0, k1)) };
}

fn key() -> (u64, u64) {
    KEY.with(|k| {
        if let Some(v) = k.get() {
            return v;
        }
        let v = unsafe {
            if (*(&raw const PROCESS_KEY)).is_none() {
                init_key(None);
            }
            PROCESS_KEY.unwrap()
        };
        k.set(Some(v));
        v
    })
}

#[inline(always)]
fn rotl(x: u64, b: u32) -> u64 {
    x.rotate_left(b)
}

/// SipHash-1-3 of `data` with key (k0, k1), CPython's `siphash13`.
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    macro_rules! round {
        () => {
            v0 = v0.wrapping_add(v1);
            v1 = rotl(v1, 13);
            v1 ^= v0;
            v0 = rotl(v0, 32);
            v2 = v2.wrapping_add(v3);
            v3 = rotl(v3, 16);
            v3 ^= v2;
            v0 = v0.wrapping_add(v3);
            v3 = rotl(v3, 21);
            v3 ^= v0;
            v2 = v2.wrapping_add(v1);
            v1 = rotl(v1, 17);
            v1 ^= v2;
            v2 = rotl(v2, 32);
        };
    }
    let len = data.len();
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let m = u64::from_le_bytes(c.try_into().unwrap());
        v3 ^= m;
        round!();
        v0 ^= m;
    }
    let rest = chunks.remainder();
    let mut t = (len as u64) << 56;
    for (i, &b) in rest.iter().enumerate() {
        t |= (b as u64) << (8 * i);
    }
    v3 ^= t;
    round!();
    v0 ^= t;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    v0 ^ v1 ^ v2 ^ v3
}

/// Hash of a byte buffer (str code units or bytes) as CPython computes it.
pub fn hash_bytes(data: &[u8]) -> isize {
    if data.is_empty() {
        return 0;
    }
    let (k0, k1) = key();
    let h = siphash13(k0, k1, data) as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Hash of a machine integer, equal to hash(int) for the same value.
#[inline]
pub fn hash_i64(v: i64) -> isize {
    let m = MODULUS as i128;
    let mut r = ((v as i128).abs() % m) as i64;
    if v < 0 {
        r = -r;
    }
    if r == -1 {
        -2
    } else {
        r as isize
    }
}

/// Hash of a float, equal to hash(int) when the float is integral.
pub fn hash_f64(v: f64, identity: usize) -> isize {
    if v.is_nan() {
        // 3.10+: NaNs hash by object identity.
        let h = (identity >> 4) as isize;
        return if h == -1 { -2 } else { h };
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (MODULUS_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        (e as u32) % MODULUS_BITS
    } else {
        MODULUS_BITS - 1 - ((-1 - e) as u32 % MODULUS_BITS)
    };
    x = ((x << e) & MODULUS) | (x >> (MODULUS_BITS - e));
    let r = (x as i64) * sign;
    if r == -1 {
        -2
    } else {
        r as isize
    }
}

/// Splits a finite float into mantissa in [0.5, 1) and exponent (C's frexp).
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// Combines item hashes as CPython 3.11's tuple hash (xxHash-based).
pub struct TupleHasher {
    acc: u64,
    len: usize,
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

impl TupleHasher {
    pub fn new(len: usize) -> Self {
        TupleHasher { acc: XXPRIME_5, len }
    }
    pub fn add(&mut self, h: isize) {
        self.acc = self.acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(XXPRIME_1);
    }
    pub fn finish(self) -> isize {
        let acc = self.acc.wrapping_add((self.len as u64) ^ (XXPRIME_5 ^ 3527539));
        if acc == u64::MAX {
            1546275796
        } else {
            acc as isize
        }
    }
}
