//! Python-level behaviour of `int`: construction, repr, arithmetic,
//! comparison, hashing and methods.

use num_bigint::BigInt;

/// hash() of an int that does not fit in an i64.
pub fn hash_bigint(v: &BigInt) -> isize {
    use num_traits::{Signed, ToPrimitive};
    let m = BigInt::from(crate::hash::MODULUS);
    let mut r = (v.abs() % &m).to_i64().unwrap_or(0);
    if v.is_negative() {
        r = -r;
    }
    if r == -1 {
        -2
    } else {
        r as isize
    }
}

pub unsafe fn init_type() {}
