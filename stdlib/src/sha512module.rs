//! `_sha512`: SHA-512 and SHA-384 (FIPS 180-4) hash objects, as CPython's
//! built-in fallback module (`random.seed` uses it for str/bytes seeds;
//! `hashlib` falls back to it without OpenSSL). Written here rather than
//! pulled from a crate: the compression function is sixty lines.

use crate::native::{self, native_type, NState, TypeOpts};
use std::os::raw::c_void;
use vm::abstract_ as ab;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::{bytes, long, module, none, unicode};
use vm::objref::PyObj;

const K: [u64; 80] = [
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
];

const IV512: [u64; 8] = [
    0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
    0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
];
const IV384: [u64; 8] = [
    0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
    0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
];

#[derive(Clone)]
pub struct Sha {
    h: [u64; 8],
    buf: Vec<u8>,
    /// Message length in bytes so far.
    len: u128,
    digest_size: usize,
}

native_type!(SHA512_TYPE, "_sha512.sha512");
native_type!(SHA384_TYPE, "_sha512.sha384");

impl NState for Sha {
    fn tp() -> *mut PyTypeObject {
        &raw mut SHA512_TYPE
    }
}

fn compress(h: &mut [u64; 8], block: &[u8]) {
    let mut w = [0u64; 80];
    for i in 0..16 {
        let mut b = [0u8; 8];
        b.copy_from_slice(&block[i * 8..i * 8 + 8]);
        w[i] = u64::from_be_bytes(b);
    }
    for i in 16..80 {
        let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
        let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
    }
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = *h;
    for i in 0..80 {
        let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
        let ch = (e & f) ^ (!e & g);
        let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
        let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(maj);
        hh = g;
        g = f;
        f = e;
        e = d.wrapping_add(t1);
        d = c;
        c = b;
        b = a;
        a = t1.wrapping_add(t2);
    }
    for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
        *x = x.wrapping_add(y);
    }
}

impl Sha {
    fn new(digest_size: usize) -> Sha {
        Sha { h: if digest_size == 64 { IV512 } else { IV384 }, buf: Vec::new(), len: 0, digest_size }
    }

    fn update(&mut self, mut data: &[u8]) {
        self.len += data.len() as u128;
        if !self.buf.is_empty() {
            let take = (128 - self.buf.len()).min(data.len());
            self.buf.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.buf.len() == 128 {
                let b = std::mem::take(&mut self.buf);
                compress(&mut self.h, &b);
            }
        }
        while data.len() >= 128 {
            compress(&mut self.h, &data[..128]);
            data = &data[128..];
        }
        self.buf.extend_from_slice(data);
    }

    fn digest(&self) -> Vec<u8> {
        let mut s = self.clone();
        let bits = self.len.wrapping_mul(8);
        let mut pad = vec![0x80u8];
        let rem = (self.len as usize + 1) % 128;
        let zeros = if rem <= 112 { 112 - rem } else { 240 - rem };
        pad.extend(std::iter::repeat(0).take(zeros));
        pad.extend_from_slice(&bits.to_be_bytes());
        s.update(&pad);
        s.h.iter().flat_map(|x| x.to_be_bytes()).take(self.digest_size).collect()
    }
}

/// The data argument of the constructors and `update` (any buffer, not str).
fn data_arg(o: &PyObj) -> PyResult<Vec<u8>> {
    if unicode::is_str(o) {
        return Err(err::type_error("Strings must be encoded before hashing"));
    }
    vm::objects::bytearray::bytes_like_data(o)
        .map_err(|_| err::type_error("object supporting the buffer API required"))
}

fn sha(slf: &PyObj) -> PyResult<&mut Sha> {
    native::state::<Sha>(slf).ok_or_else(|| err::system_error("uninitialized hash object"))
}

fn construct(tp: *mut PyTypeObject, size: usize, fname: &str, args: &[PyObj], kw: Option<&PyObj>) -> PyResult {
    let a = crate::bisectmodule::fast_args(args, kw).bind(fname, &["string", "usedforsecurity"], 0, 1)?;
    let mut s = Sha::new(size);
    if let Some(d) = &a[0] {
        s.update(&data_arg(d)?);
    }
    native::new_obj(tp, s)
}

vm::fastcall_kw!(new_sha512, |m, args, kw| { construct(&raw mut SHA512_TYPE, 64, "sha512", args, kw) });
vm::fastcall_kw!(new_sha384, |m, args, kw| { construct(&raw mut SHA384_TYPE, 48, "sha384", args, kw) });

vm::onearg!(sha_update, |slf, d| {
    let data = data_arg(d.unwrap())?;
    sha(slf)?.update(&data);
    Ok(none::none())
});
vm::onearg!(sha_digest, |slf, _a| { Ok(bytes::new(&sha(slf)?.digest())) });
vm::onearg!(sha_hexdigest, |slf, _a| {
    let hex: String = sha(slf)?.digest().iter().map(|b| format!("{:02x}", b)).collect();
    Ok(unicode::new(&hex))
});
vm::onearg!(sha_copy, |slf, _a| {
    let s = sha(slf)?.clone();
    native::new_obj(slf.ob_type(), s)
});

unsafe extern "C" fn get_name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret(sha(slf).map(|s| unicode::new(if s.digest_size == 64 { "sha512" } else { "sha384" })))
}
unsafe extern "C" fn get_digest_size(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let slf = PyObj::borrow(&o);
    native::ret(sha(slf).map(|s| long::from_usize(s.digest_size)))
}
unsafe extern "C" fn get_block_size(_o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64(128).into_ptr()
}

unsafe fn init_types() -> PyResult<()> {
    for t in [&raw mut SHA512_TYPE, &raw mut SHA384_TYPE] {
        vm::objects::descr::set_methods(t, &[
            ("update", sha_update as *const c_void, meth::O, "Update this hash object's state with the provided string."),
            ("digest", sha_digest as *const c_void, meth::NOARGS, "Return the digest value as a bytes object."),
            ("hexdigest", sha_hexdigest as *const c_void, meth::NOARGS, "Return the digest value as a string of hexadecimal digits."),
            ("copy", sha_copy as *const c_void, meth::NOARGS, "Return a copy of the hash object."),
        ]);
        vm::objects::descr::set_getsets(t, &[
            ("name", get_name as *const c_void, std::ptr::null()),
            ("digest_size", get_digest_size as *const c_void, std::ptr::null()),
            ("block_size", get_block_size as *const c_void, std::ptr::null()),
        ]);
        (*t).tp_flags |= flags::DISALLOW_INSTANTIATION;
    }
    // Both types share the Sha state; the generic slots are keyed by SHA512_TYPE.
    native::init_type::<Sha>(TypeOpts { basetype: false, gc: false, dict: false, weakref: false, vectorcall: false });
    SHA384_TYPE.tp_dealloc = SHA512_TYPE.tp_dealloc;
    vm::typeobj::ready(&raw mut SHA512_TYPE)?;
    vm::typeobj::ready(&raw mut SHA384_TYPE)
}

pub fn init() -> PyResult<PyObj> {
    unsafe { init_types()? };
    let m = module::new("_sha512");
    vm::sysmodule::add_functions(&m, &[
        ("sha512", new_sha512 as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("sha384", new_sha384 as *const c_void, meth::FASTCALL | meth::KEYWORDS),
    ]);
    // CPython 3.11 exposes only this one of the two type objects.
    ab::setattr_str(&m, "SHA384Type", vm::typeobj::type_obj(&raw mut SHA384_TYPE))?;
    Ok(m)
}
