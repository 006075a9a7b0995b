//! `int`: `PyLongObject` with CPython's 30-bit digits (`ob_size` holds the
//! sign times the digit count). Core conversions and the small-int cache;
//! arithmetic slots and methods live in `long_methods.rs`.

use crate::object::*;
use crate::objref::PyObj;
use num_bigint::{BigInt, Sign};

pub const SHIFT: u32 = 30;
pub const MASK: u32 = (1 << SHIFT) - 1;

#[repr(C)]
pub struct PyLongObject {
    pub ob_base: PyVarObject,
    pub ob_digit: [u32; 1],
}

#[no_mangle]
pub static mut PyLong_Type: PyTypeObject = PyTypeObject::empty(
    b"int\0",
    std::mem::size_of::<PyVarObject>(),
    std::mem::size_of::<u32>(),
);

#[inline(always)]
pub fn long_type() -> *mut PyTypeObject {
    &raw mut PyLong_Type
}

/// True for int and its subclasses (bool included).
#[inline(always)]
pub fn is_int(o: &PyObj) -> bool {
    unsafe {
        let tp = o.ob_type();
        tp == long_type() || (*tp).tp_flags & flags::LONG_SUBCLASS != 0
    }
}

#[inline(always)]
pub fn is_exact_int(o: &PyObj) -> bool {
    o.ob_type() == long_type()
}

#[inline(always)]
pub fn ob_size(o: &PyObj) -> isize {
    unsafe { (*(o.as_ptr() as *mut PyVarObject)).ob_size }
}

#[inline(always)]
pub fn digits(o: &PyObj) -> &[u32] {
    unsafe {
        let n = ob_size(o).unsigned_abs();
        std::slice::from_raw_parts((*(o.as_ptr() as *mut PyLongObject)).ob_digit.as_ptr(), n)
    }
}

const NSMALLNEG: i64 = 5;
const NSMALLPOS: i64 = 257;
static mut SMALL: [*mut PyObject; (NSMALLNEG + NSMALLPOS) as usize] =
    [std::ptr::null_mut(); (NSMALLNEG + NSMALLPOS) as usize];

/// Allocates an int of `ndigits` digits (zeroed), with ob_size set to ndigits.
pub unsafe fn alloc_digits(ndigits: usize) -> PyObj {
    let o = alloc_digits_raw(ndigits);
    let p = (*o).ob_digit.as_mut_ptr();
    if ndigits <= 2 {
        // Two stores into the small block, not a memset call.
        *p = 0;
        *p.add(1) = 0;
    } else {
        std::ptr::write_bytes(p, 0, ndigits);
    }
    PyObj::from_owned(o as *mut PyObject)
}

/// An int of `ndigits` digits with its header set and its digits left for
/// the caller to write (room for at least two).
#[inline(always)]
unsafe fn alloc_digits_raw(ndigits: usize) -> *mut PyLongObject {
    // CPython always allocates at least one digit. Exact ints are the most
    // allocated objects: set the header directly instead of the generic
    // (zeroing, type-inspecting) allocator.
    let n = ndigits.max(1);
    let o = if n <= 2 {
        alloc_small()
    } else {
        let size = (std::mem::size_of::<PyVarObject>() + n * std::mem::size_of::<u32>() + 7) & !7;
        crate::alloc::mem_malloc(size) as *mut PyLongObject
    };
    if o.is_null() {
        panic!("out of memory allocating an int of {ndigits} digits");
    }
    (*o).ob_base.ob_base.ob_refcnt = 1;
    (*o).ob_base.ob_base.ob_type = long_type();
    (*o).ob_base.ob_size = ndigits as isize;
    o
}

// Freed exact ints of one or two digits (below 2**60; both sizes take the
// same 32 bytes) are kept for reuse (as CPython keeps floats): the loop
// `for i in range(n)` frees one int per iteration and makes the next, a
// running total does the same, and popping this list costs less than an
// allocator round trip. The list is linked through `ob_type`; it holds at
// most INT_FREELIST_MAX.
const INT_FREELIST_MAX: usize = 256;
static mut INT_FREELIST: *mut PyLongObject = std::ptr::null_mut();
static mut INT_FREELIST_LEN: usize = 0;

/// Memory for an exact int of one or two digits (header fields to be set).
#[inline(always)]
unsafe fn alloc_small() -> *mut PyLongObject {
    let head = INT_FREELIST;
    if !head.is_null() {
        INT_FREELIST = (*head).ob_base.ob_base.ob_type as *mut PyLongObject;
        INT_FREELIST_LEN -= 1;
        return head;
    }
    let size = (std::mem::size_of::<PyVarObject>() + 2 * std::mem::size_of::<u32>() + 7) & !7;
    let o = crate::alloc::mem_malloc(size) as *mut PyLongObject;
    if o.is_null() {
        panic!("out of memory allocating an int");
    }
    o
}

#[inline(always)]
unsafe fn make_from_i64(v: i64) -> PyObj {
    let mag = v.unsigned_abs();
    if mag < (1u64 << SHIFT) && v != 0 {
        // One digit, the common case: no digit loop, copy or clearing.
        let o = alloc_small();
        (*o).ob_base.ob_base.ob_refcnt = 1;
        (*o).ob_base.ob_base.ob_type = long_type();
        (*o).ob_base.ob_size = if v < 0 { -1 } else { 1 };
        *(*o).ob_digit.as_mut_ptr() = mag as u32;
        return PyObj::from_owned(o as *mut PyObject);
    }
    make_from_i64_digits(v)
}

#[inline(never)]
unsafe fn make_from_i64_digits(v: i64) -> PyObj {
    let mut mag = v.unsigned_abs();
    let mut ds = [0u32; 3];
    let mut n = 0;
    while mag != 0 {
        ds[n] = (mag as u32) & MASK;
        mag >>= SHIFT;
        n += 1;
    }
    // At most three digits, written one by one (a loop became a memcpy
    // call after a memset one).
    let o = alloc_digits_raw(n);
    let p = (*o).ob_digit.as_mut_ptr();
    *p = ds[0];
    *p.add(1) = ds[1];
    if n == 3 {
        *p.add(2) = ds[2];
    }
    (*o).ob_base.ob_size = if v < 0 { -(n as isize) } else { n as isize };
    PyObj::from_owned(o as *mut PyObject)
}

#[inline]
pub fn from_i64(v: i64) -> PyObj {
    unsafe {
        if v >= -NSMALLNEG && v < NSMALLPOS {
            let slot = &mut (*(&raw mut SMALL))[(v + NSMALLNEG) as usize];
            if slot.is_null() {
                let o = make_from_i64(v);
                *slot = o.into_ptr();
                (**slot).ob_refcnt = IMMORTAL_REFCNT;
            }
            return PyObj::from_borrowed(*slot);
        }
        make_from_i64(v)
    }
}

pub fn from_usize(v: usize) -> PyObj {
    if v <= i64::MAX as usize {
        from_i64(v as i64)
    } else {
        from_bigint(&BigInt::from(v))
    }
}

pub fn from_u64(v: u64) -> PyObj {
    from_usize(v as usize)
}

pub fn from_i128(v: i128) -> PyObj {
    if let Ok(x) = i64::try_from(v) {
        from_i64(x)
    } else {
        from_bigint(&BigInt::from(v))
    }
}

/// The value if it fits in an i64.
#[inline]
pub fn as_i64(o: &PyObj) -> Option<i64> {
    let size = ob_size(o);
    let d = digits(o);
    match size {
        0 => Some(0),
        1 => Some(d[0] as i64),
        -1 => Some(-(d[0] as i64)),
        _ => {
            let n = size.unsigned_abs();
            if n > 3 {
                return None;
            }
            let mut mag: u128 = 0;
            for i in (0..n).rev() {
                mag = (mag << SHIFT) | d[i] as u128;
            }
            let v: i128 = if size < 0 { -(mag as i128) } else { mag as i128 };
            i64::try_from(v).ok()
        }
    }
}

pub fn is_zero(o: &PyObj) -> bool {
    ob_size(o) == 0
}

pub fn is_negative(o: &PyObj) -> bool {
    ob_size(o) < 0
}

pub fn to_bigint(o: &PyObj) -> BigInt {
    if let Some(v) = as_i64(o) {
        return BigInt::from(v);
    }
    let d = digits(o);
    let mut mag = num_bigint::BigUint::default();
    for &x in d.iter().rev() {
        mag = (mag << SHIFT) | num_bigint::BigUint::from(x);
    }
    BigInt::from_biguint(if ob_size(o) < 0 { Sign::Minus } else { Sign::Plus }, mag)
}

pub fn from_bigint(v: &BigInt) -> PyObj {
    if let Ok(x) = i64::try_from(v) {
        return from_i64(x);
    }
    let (sign, mag) = v.to_u32_digits();
    // Re-pack 32-bit limbs into 30-bit digits.
    let bits = v.bits() as usize;
    let n = bits.div_ceil(SHIFT as usize);
    unsafe {
        let o = alloc_digits(n);
        let p = (*(o.as_ptr() as *mut PyLongObject)).ob_digit.as_mut_ptr();
        let mut acc: u64 = 0;
        let mut accbits = 0u32;
        let mut out = 0;
        for limb in mag {
            acc |= (limb as u64) << accbits;
            accbits += 32;
            while accbits >= SHIFT && out < n {
                *p.add(out) = (acc as u32) & MASK;
                out += 1;
                acc >>= SHIFT;
                accbits -= SHIFT;
            }
        }
        while out < n {
            *p.add(out) = (acc as u32) & MASK;
            acc >>= SHIFT;
            out += 1;
        }
        if sign == Sign::Minus {
            (*(o.as_ptr() as *mut PyVarObject)).ob_size = -(n as isize);
        }
        o
    }
}

unsafe extern "C" fn long_dealloc(o: *mut PyObject) {
    if (*o).ob_type == long_type() {
        // Exact ints come from mem_malloc (alloc_digits, make_from_i64);
        // every one has room for at least two digits.
        let size = (*(o as *mut PyVarObject)).ob_size;
        if (-2..=2).contains(&size) && INT_FREELIST_LEN < INT_FREELIST_MAX {
            (*o).ob_type = INT_FREELIST as *mut PyTypeObject;
            INT_FREELIST = o as *mut PyLongObject;
            INT_FREELIST_LEN += 1;
            return;
        }
        crate::alloc::mem_free(o as *mut std::os::raw::c_void);
    } else {
        crate::alloc::tp_free(o);
    }
}

pub unsafe fn init_type() {
    let t = long_type();
    (*t).tp_dealloc = Some(long_dealloc);
    (*t).tp_flags |= flags::BASETYPE | flags::LONG_SUBCLASS | flags::MATCH_SELF;
}

/// `sys.get_int_max_str_digits()`: the int <-> decimal str digit limit (0 = none).
pub static MAX_STR_DIGITS: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(crate::format::DEFAULT_MAX_STR_DIGITS);

/// Allocates an instance of the int subtype `tp` (through its `tp_alloc`, so
/// heap subtypes are GC-tracked and get room for their dict) holding the
/// value of the int `v`.
pub unsafe fn new_subtype(tp: *mut PyTypeObject, v: &PyObj) -> crate::err::PyResult<PyObj> {
    let size = ob_size(v);
    let n = size.unsigned_abs();
    let o = match (*tp).tp_alloc {
        Some(a) => a(tp, n as isize),
        None => crate::alloc::generic_alloc(tp, n as isize),
    };
    if o.is_null() {
        return Err(crate::err::fetch());
    }
    let p = (*(o as *mut PyLongObject)).ob_digit.as_mut_ptr();
    for (i, d) in digits(v).iter().enumerate() {
        *p.add(i) = *d;
    }
    (*(o as *mut PyVarObject)).ob_size = size;
    Ok(PyObj::from_owned(o))
}
