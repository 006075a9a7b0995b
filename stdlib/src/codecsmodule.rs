//! `_codecs`: the Python face of the codec machinery in `vm::codecs` —
//! the codec and error-handler registries, the built-in error handlers as
//! callables, and the codec functions that CPython's `encodings` package
//! calls (utf_8_encode, charmap_decode, ...), plus `EncodingMap`, the
//! compiled table `charmap_build` makes for the 8-bit encoders.

use std::collections::HashMap;
use std::os::raw::c_void;
use vm::codecs::errors::{call_builtin, Errors, Handler};
use vm::codecs::{charmap, escape, unicode_codecs as uc};
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::methodobject::{check_nargs, unpack_keywords};
use vm::objects::{bytes, bytes_methods, long, module, none, tuple, unicode};
use vm::objref::PyObj;
use vm::typeobj::type_name;

fn tname(o: &PyObj) -> String {
    type_name(o.ob_type()).to_string()
}

fn str_arg<'a>(f: &str, args: &'a [PyObj], i: usize) -> PyResult<&'a PyObj> {
    let a = &args[i];
    if !unicode::is_str(a) {
        return Err(err::type_error(format!("{}() argument {} must be str, not {}", f, i + 1, tname(a))));
    }
    Ok(a)
}

fn opt<'a>(args: &'a [PyObj], i: usize) -> Option<&'a PyObj> {
    args.get(i).filter(|a| !none::is_none(a))
}

/// The `errors` argument: str or None (strict).
fn errors_name(f: &str, args: &[PyObj], i: usize) -> PyResult<Option<String>> {
    match opt(args, i) {
        None => Ok(None),
        Some(a) if unicode::is_str(a) => Ok(Some(unicode::as_str(a)?.to_string())),
        Some(a) => Err(err::type_error(format!("{}() argument {} must be str or None, not {}", f, i + 1, tname(a)))),
    }
}

fn errors_arg(f: &str, args: &[PyObj], i: usize) -> PyResult<Errors> {
    Ok(match errors_name(f, args, i)? {
        None => Errors::strict(),
        Some(n) => Errors::new(&n),
    })
}

/// A bytes-like argument (`y*`), or also a str (`s*`, UTF-8) when `str_ok`.
fn data_arg(_f: &str, args: &[PyObj], i: usize, str_ok: bool) -> PyResult<Vec<u8>> {
    let a = &args[i];
    if unicode::is_str(a) {
        if str_ok {
            return Ok(unicode::as_str(a)?.as_bytes().to_vec());
        }
        return Err(bytes_methods::need_bytes_like(a));
    }
    bytes_methods::buffer_data(a).ok_or_else(|| bytes_methods::need_bytes_like(a))
}

fn int_arg(args: &[PyObj], i: usize, default: i64) -> PyResult<i64> {
    match args.get(i) {
        None => Ok(default),
        Some(a) => {
            // As _PyLong_AsInt: any index, but it must fit a C int.
            let v = vm::abstract_::index(a)?;
            match vm::abstract_::to_i64(&v) {
                Ok(n) if i32::try_from(n).is_ok() => Ok(n),
                _ => Err(err::overflow_error("Python int too large to convert to C int")),
            }
        }
    }
}

fn bool_arg(args: &[PyObj], i: usize, default: bool) -> PyResult<bool> {
    Ok(int_arg(args, i, default as i64)? != 0)
}

fn pair_str(cps: &[u32], n: usize) -> PyObj {
    tuple::pair(unicode::from_codepoints(cps), long::from_usize(n))
}

fn pair_bytes(b: &[u8], n: usize) -> PyObj {
    tuple::pair(bytes::new(b), long::from_usize(n))
}

// ---------------------------------------------------------------- registry

vm::onearg!(c_register, |slf, f| {
    vm::codecs::register(f.unwrap())?;
    Ok(none::none())
});
vm::onearg!(c_unregister, |slf, f| {
    vm::codecs::unregister(f.unwrap())?;
    Ok(none::none())
});
vm::onearg!(c_lookup, |slf, e| {
    let e = e.unwrap();
    if !unicode::is_str(e) {
        return Err(err::type_error(format!("lookup() argument must be str, not {}", tname(e))));
    }
    vm::codecs::lookup(unicode::as_str(e)?)
});
fn encode_decode_args(fname: &str, args: &[PyObj], kw: Option<&PyObj>) -> PyResult<(PyObj, String, Option<String>)> {
    let a = unpack_keywords(fname, args, kw, &["obj", "encoding", "errors"], 0, 1, 3)?;
    let mut out = Vec::new();
    for (i, nm) in [(1usize, "encoding"), (2, "errors")] {
        out.push(match &a[i] {
            None => None,
            Some(v) if unicode::is_str(v) => Some(unicode::as_str(v)?.to_string()),
            Some(v) => {
                return Err(err::type_error(format!("{}() argument '{}' must be str, not {}", fname, nm, tname(v))))
            }
        });
    }
    let obj = a[0].clone().unwrap_or_else(none::none);
    let enc = out[0].clone().unwrap_or_else(|| "utf-8".to_string());
    Ok((obj, enc, out[1].clone()))
}

vm::fastcall_kw!(c_encode, |slf, args, kw| {
    let (obj, enc, errors) = encode_decode_args("encode", args, kw)?;
    vm::codecs::encode(&obj, &enc, errors.as_deref())
});
vm::fastcall_kw!(c_decode, |slf, args, kw| {
    let (obj, enc, errors) = encode_decode_args("decode", args, kw)?;
    vm::codecs::decode(&obj, &enc, errors.as_deref())
});

vm::fastcall!(c_register_error, |slf, args| {
    check_nargs("register_error", args, 2, 2)?;
    let name = str_arg("register_error", args, 0)?;
    vm::codecs::register_error(unicode::as_str(name)?, &args[1])?;
    Ok(none::none())
});
vm::onearg!(c_lookup_error, |slf, n| {
    let n = n.unwrap();
    if !unicode::is_str(n) {
        return Err(err::type_error(format!("lookup_error() argument must be str, not {}", tname(n))));
    }
    vm::codecs::lookup_error(unicode::as_str(n)?)
});

// ---------------------------------------------------------------- built-in error handlers

macro_rules! handler_fn {
    ($name:ident, $h:expr) => {
        vm::onearg!($name, |slf, exc| { call_builtin(&$h, exc.unwrap()) });
    };
}
handler_fn!(h_strict, Handler::Strict);
handler_fn!(h_ignore, Handler::Ignore);
handler_fn!(h_replace, Handler::Replace);
handler_fn!(h_xmlcharref, Handler::XmlCharRefReplace);
handler_fn!(h_backslash, Handler::BackslashReplace);
handler_fn!(h_namereplace, Handler::NameReplace);
handler_fn!(h_surrogateescape, Handler::SurrogateEscape);
handler_fn!(h_surrogatepass, Handler::SurrogatePass);

// ---------------------------------------------------------------- codec functions

vm::fastcall!(c_utf_8_encode, |slf, args| {
    check_nargs("utf_8_encode", args, 1, 2)?;
    let s = str_arg("utf_8_encode", args, 0)?;
    let mut e = errors_arg("utf_8_encode", args, 1)?;
    Ok(pair_bytes(&uc::utf8_encode(s, &mut e)?, unicode::len(s)))
});
vm::fastcall!(c_utf_8_decode, |slf, args| {
    check_nargs("utf_8_decode", args, 1, 3)?;
    let d = data_arg("utf_8_decode", args, 0, false)?;
    let mut e = errors_arg("utf_8_decode", args, 1)?;
    let (cps, n) = uc::utf8_decode(&d, &mut e, bool_arg(args, 2, false)?)?;
    Ok(pair_str(&cps, n))
});
vm::fastcall!(c_utf_7_encode, |slf, args| {
    check_nargs("utf_7_encode", args, 1, 2)?;
    let s = str_arg("utf_7_encode", args, 0)?;
    errors_name("utf_7_encode", args, 1)?;
    Ok(pair_bytes(&uc::utf7_encode(s), unicode::len(s)))
});
vm::fastcall!(c_utf_7_decode, |slf, args| {
    check_nargs("utf_7_decode", args, 1, 3)?;
    let d = data_arg("utf_7_decode", args, 0, false)?;
    let mut e = errors_arg("utf_7_decode", args, 1)?;
    let (cps, n) = uc::utf7_decode(&d, &mut e, bool_arg(args, 2, false)?)?;
    Ok(pair_str(&cps, n))
});

fn utf_encode(f: &str, args: &[PyObj], unit: usize, fixed: Option<i32>) -> PyResult {
    check_nargs(f, args, 1, if fixed.is_some() { 2 } else { 3 })?;
    let s = str_arg(f, args, 0)?;
    let mut e = errors_arg(f, args, 1)?;
    let bo = match fixed {
        Some(b) => b,
        None => int_arg(args, 2, 0)?.signum() as i32,
    };
    Ok(pair_bytes(&uc::utf16_32_encode(s, &mut e, unit, bo)?, unicode::len(s)))
}

fn utf_decode(f: &str, args: &[PyObj], unit: usize, fixed: Option<i32>) -> PyResult {
    check_nargs(f, args, 1, 3)?;
    let d = data_arg(f, args, 0, false)?;
    let mut e = errors_arg(f, args, 1)?;
    let mut bo = fixed.unwrap_or(0);
    let (cps, n) = uc::utf16_32_decode(&d, &mut e, unit, &mut bo, bool_arg(args, 2, false)?)?;
    Ok(pair_str(&cps, n))
}

fn utf_ex_decode(f: &str, args: &[PyObj], unit: usize) -> PyResult {
    check_nargs(f, args, 1, 4)?;
    let d = data_arg(f, args, 0, false)?;
    let mut e = errors_arg(f, args, 1)?;
    // Only the sign matters for decoding; the value comes back unchanged
    // unless a BOM set it.
    let given = int_arg(args, 2, 0)?;
    let mut bo = given.signum() as i32;
    let (cps, n) = uc::utf16_32_decode(&d, &mut e, unit, &mut bo, bool_arg(args, 3, false)?)?;
    let out = if given == 0 { bo as i64 } else { given };
    Ok(tuple::new(vec![unicode::from_codepoints(&cps), long::from_usize(n), long::from_i64(out)]))
}

vm::fastcall!(c_utf_16_encode, |slf, args| { utf_encode("utf_16_encode", args, 2, None) });
vm::fastcall!(c_utf_16_le_encode, |slf, args| { utf_encode("utf_16_le_encode", args, 2, Some(-1)) });
vm::fastcall!(c_utf_16_be_encode, |slf, args| { utf_encode("utf_16_be_encode", args, 2, Some(1)) });
vm::fastcall!(c_utf_16_decode, |slf, args| { utf_decode("utf_16_decode", args, 2, None) });
vm::fastcall!(c_utf_16_le_decode, |slf, args| { utf_decode("utf_16_le_decode", args, 2, Some(-1)) });
vm::fastcall!(c_utf_16_be_decode, |slf, args| { utf_decode("utf_16_be_decode", args, 2, Some(1)) });
vm::fastcall!(c_utf_16_ex_decode, |slf, args| { utf_ex_decode("utf_16_ex_decode", args, 2) });
vm::fastcall!(c_utf_32_encode, |slf, args| { utf_encode("utf_32_encode", args, 4, None) });
vm::fastcall!(c_utf_32_le_encode, |slf, args| { utf_encode("utf_32_le_encode", args, 4, Some(-1)) });
vm::fastcall!(c_utf_32_be_encode, |slf, args| { utf_encode("utf_32_be_encode", args, 4, Some(1)) });
vm::fastcall!(c_utf_32_decode, |slf, args| { utf_decode("utf_32_decode", args, 4, None) });
vm::fastcall!(c_utf_32_le_decode, |slf, args| { utf_decode("utf_32_le_decode", args, 4, Some(-1)) });
vm::fastcall!(c_utf_32_be_decode, |slf, args| { utf_decode("utf_32_be_decode", args, 4, Some(1)) });
vm::fastcall!(c_utf_32_ex_decode, |slf, args| { utf_ex_decode("utf_32_ex_decode", args, 4) });

vm::fastcall!(c_latin_1_encode, |slf, args| {
    check_nargs("latin_1_encode", args, 1, 2)?;
    let s = str_arg("latin_1_encode", args, 0)?;
    let mut e = errors_arg("latin_1_encode", args, 1)?;
    Ok(pair_bytes(&uc::latin1_ascii_encode(s, &mut e, 0x100)?, unicode::len(s)))
});
vm::fastcall!(c_latin_1_decode, |slf, args| {
    check_nargs("latin_1_decode", args, 1, 2)?;
    let d = data_arg("latin_1_decode", args, 0, false)?;
    errors_name("latin_1_decode", args, 1)?;
    Ok(tuple::pair(uc::latin1_decode(&d), long::from_usize(d.len())))
});
vm::fastcall!(c_ascii_encode, |slf, args| {
    check_nargs("ascii_encode", args, 1, 2)?;
    let s = str_arg("ascii_encode", args, 0)?;
    let mut e = errors_arg("ascii_encode", args, 1)?;
    Ok(pair_bytes(&uc::latin1_ascii_encode(s, &mut e, 0x80)?, unicode::len(s)))
});
vm::fastcall!(c_ascii_decode, |slf, args| {
    check_nargs("ascii_decode", args, 1, 2)?;
    let d = data_arg("ascii_decode", args, 0, false)?;
    let mut e = errors_arg("ascii_decode", args, 1)?;
    Ok(tuple::pair(uc::ascii_decode(&d, &mut e)?, long::from_usize(d.len())))
});

vm::fastcall!(c_unicode_escape_encode, |slf, args| {
    check_nargs("unicode_escape_encode", args, 1, 2)?;
    let s = str_arg("unicode_escape_encode", args, 0)?;
    errors_name("unicode_escape_encode", args, 1)?;
    Ok(pair_bytes(&escape::unicode_escape_encode(s), unicode::len(s)))
});
vm::fastcall!(c_unicode_escape_decode, |slf, args| {
    check_nargs("unicode_escape_decode", args, 1, 3)?;
    let d = data_arg("unicode_escape_decode", args, 0, true)?;
    let mut e = errors_arg("unicode_escape_decode", args, 1)?;
    let (cps, n) = escape::unicode_escape_decode(&d, &mut e, bool_arg(args, 2, true)?)?;
    Ok(pair_str(&cps, n))
});
vm::fastcall!(c_raw_unicode_escape_encode, |slf, args| {
    check_nargs("raw_unicode_escape_encode", args, 1, 2)?;
    let s = str_arg("raw_unicode_escape_encode", args, 0)?;
    errors_name("raw_unicode_escape_encode", args, 1)?;
    Ok(pair_bytes(&escape::raw_unicode_escape_encode(s), unicode::len(s)))
});
vm::fastcall!(c_raw_unicode_escape_decode, |slf, args| {
    check_nargs("raw_unicode_escape_decode", args, 1, 3)?;
    let d = data_arg("raw_unicode_escape_decode", args, 0, true)?;
    let mut e = errors_arg("raw_unicode_escape_decode", args, 1)?;
    let (cps, n) = escape::raw_unicode_escape_decode(&d, &mut e, bool_arg(args, 2, true)?)?;
    Ok(pair_str(&cps, n))
});
vm::fastcall!(c_escape_encode, |slf, args| {
    check_nargs("escape_encode", args, 1, 2)?;
    if !bytes::is_bytes(&args[0]) {
        return Err(err::type_error(format!("escape_encode() argument 1 must be bytes, not {}", tname(&args[0]))));
    }
    errors_name("escape_encode", args, 1)?;
    let d = bytes::as_slice(&args[0]);
    Ok(pair_bytes(&escape::escape_encode(d), d.len()))
});
vm::fastcall!(c_escape_decode, |slf, args| {
    check_nargs("escape_decode", args, 1, 2)?;
    let d = data_arg("escape_decode", args, 0, true)?;
    let e = errors_name("escape_decode", args, 1)?;
    Ok(pair_bytes(&escape::escape_decode(&d, e.as_deref())?, d.len()))
});
vm::fastcall!(c_readbuffer_encode, |slf, args| {
    check_nargs("readbuffer_encode", args, 1, 2)?;
    let d = data_arg("readbuffer_encode", args, 0, true)?;
    errors_name("readbuffer_encode", args, 1)?;
    Ok(pair_bytes(&d, d.len()))
});

vm::fastcall!(c_charmap_decode, |slf, args| {
    check_nargs("charmap_decode", args, 1, 3)?;
    let d = data_arg("charmap_decode", args, 0, false)?;
    let mut e = errors_arg("charmap_decode", args, 1)?;
    let cps = charmap::decode(&d, &mut e, opt(args, 2))?;
    Ok(pair_str(&cps, d.len()))
});
vm::fastcall!(c_charmap_encode, |slf, args| {
    check_nargs("charmap_encode", args, 1, 3)?;
    let s = str_arg("charmap_encode", args, 0)?;
    let mut e = errors_arg("charmap_encode", args, 1)?;
    let out = match opt(args, 2) {
        None => uc::latin1_ascii_encode(s, &mut e, 0x100)?,
        Some(m) if m.ob_type() == &raw mut ENCODING_MAP_TYPE => {
            let table = unsafe { &*(*(m.as_ptr() as *mut EncodingMapObject)).map };
            charmap::encode(s, &mut e, &mut |c, o| match table.get(&c) {
                Some(&b) => {
                    o.push(b);
                    Ok(true)
                }
                None => Ok(false),
            })?
        }
        Some(m) => charmap::encode(s, &mut e, &mut |c, o| charmap::lookup_encode(m, c, o))?,
    };
    Ok(pair_bytes(&out, unicode::len(s)))
});
vm::onearg!(c_charmap_build, |slf, m| {
    let m = m.unwrap();
    if !unicode::is_str(m) {
        return Err(err::type_error(format!("charmap_build() argument must be str, not {}", tname(m))));
    }
    let table: Vec<u32> = unicode::data(m).iter().take(256).collect();
    // CPython's compact table covers tables that map 0 to 0 and stay in the
    // BMP within 254 blocks of each level; others get a dict.
    let mut l1 = std::collections::HashSet::new();
    let mut l2 = std::collections::HashSet::new();
    let mut need_dict = table.first().map_or(false, |&c| c != 0);
    for &c in table.iter().skip(1) {
        if c == 0 || c > 0xFFFF {
            need_dict = true;
            break;
        }
        if c != 0xFFFE {
            l1.insert(c >> 11);
            l2.insert(c >> 7);
        }
    }
    if need_dict || l1.len() >= 0xFF || l2.len() >= 0xFF {
        let d = vm::objects::dict::new();
        for (i, &c) in table.iter().enumerate() {
            vm::objects::dict::set_item(&d, long::from_i64(c as i64), long::from_usize(i))?;
        }
        return Ok(d);
    }
    let mut map = HashMap::new();
    for (i, &c) in table.iter().enumerate().skip(1) {
        if c != 0xFFFE {
            map.insert(c, i as u8);
        }
    }
    map.insert(0, 0);
    unsafe {
        let o = vm::alloc::alloc_object(&raw mut ENCODING_MAP_TYPE, 0);
        let e = o as *mut EncodingMapObject;
        (*e).map = Box::into_raw(Box::new(map));
        (*e).size = 64 + 16 * l1.len() + 128 * l2.len() - 1;
        Ok(PyObj::from_owned(o))
    }
});

// ---------------------------------------------------------------- EncodingMap

#[repr(C)]
pub struct EncodingMapObject {
    pub ob_base: PyObject,
    pub map: *mut HashMap<u32, u8>,
    /// What CPython's `size()` reports: the byte size of its 3-level table.
    pub size: usize,
}

pub static mut ENCODING_MAP_TYPE: PyTypeObject =
    PyTypeObject::empty(b"EncodingMap\0", std::mem::size_of::<EncodingMapObject>(), 0);

unsafe extern "C" fn em_dealloc(o: *mut PyObject) {
    let p = std::mem::replace(&mut (*(o as *mut EncodingMapObject)).map, std::ptr::null_mut());
    if !p.is_null() {
        drop(Box::from_raw(p));
    }
    vm::alloc::tp_free(o);
}

vm::onearg!(em_size, |slf, _a| {
    Ok(long::from_usize(unsafe { (*(slf.as_ptr() as *mut EncodingMapObject)).size }))
});

static mut READY: bool = false;

unsafe fn init_types() -> PyResult<()> {
    if READY {
        return Ok(());
    }
    let t = &raw mut ENCODING_MAP_TYPE;
    (*t).tp_dealloc = Some(em_dealloc);
    vm::objects::descr::set_methods(t, &[("size", em_size as *const c_void, meth::NOARGS, "Return the size (in bytes) of this object")]);
    vm::typeobj::ready(t)?;
    READY = true;
    Ok(())
}

pub fn init() -> PyResult<PyObj> {
    unsafe { init_types()? };
    let m = module::new("_codecs");
    let f = |n: &'static str, p: *const c_void, fl: i32| (n, p, fl);
    vm::sysmodule::add_functions(&m, &[
        f("register", c_register as *const c_void, meth::O),
        f("unregister", c_unregister as *const c_void, meth::O),
        f("lookup", c_lookup as *const c_void, meth::O),
        f("encode", c_encode as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        f("decode", c_decode as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        f("register_error", c_register_error as *const c_void, meth::FASTCALL),
        f("lookup_error", c_lookup_error as *const c_void, meth::O),
        f("utf_8_encode", c_utf_8_encode as *const c_void, meth::FASTCALL),
        f("utf_8_decode", c_utf_8_decode as *const c_void, meth::FASTCALL),
        f("utf_7_encode", c_utf_7_encode as *const c_void, meth::FASTCALL),
        f("utf_7_decode", c_utf_7_decode as *const c_void, meth::FASTCALL),
        f("utf_16_encode", c_utf_16_encode as *const c_void, meth::FASTCALL),
        f("utf_16_le_encode", c_utf_16_le_encode as *const c_void, meth::FASTCALL),
        f("utf_16_be_encode", c_utf_16_be_encode as *const c_void, meth::FASTCALL),
        f("utf_16_decode", c_utf_16_decode as *const c_void, meth::FASTCALL),
        f("utf_16_le_decode", c_utf_16_le_decode as *const c_void, meth::FASTCALL),
        f("utf_16_be_decode", c_utf_16_be_decode as *const c_void, meth::FASTCALL),
        f("utf_16_ex_decode", c_utf_16_ex_decode as *const c_void, meth::FASTCALL),
        f("utf_32_encode", c_utf_32_encode as *const c_void, meth::FASTCALL),
        f("utf_32_le_encode", c_utf_32_le_encode as *const c_void, meth::FASTCALL),
        f("utf_32_be_encode", c_utf_32_be_encode as *const c_void, meth::FASTCALL),
        f("utf_32_decode", c_utf_32_decode as *const c_void, meth::FASTCALL),
        f("utf_32_le_decode", c_utf_32_le_decode as *const c_void, meth::FASTCALL),
        f("utf_32_be_decode", c_utf_32_be_decode as *const c_void, meth::FASTCALL),
        f("utf_32_ex_decode", c_utf_32_ex_decode as *const c_void, meth::FASTCALL),
        f("latin_1_encode", c_latin_1_encode as *const c_void, meth::FASTCALL),
        f("latin_1_decode", c_latin_1_decode as *const c_void, meth::FASTCALL),
        f("ascii_encode", c_ascii_encode as *const c_void, meth::FASTCALL),
        f("ascii_decode", c_ascii_decode as *const c_void, meth::FASTCALL),
        f("unicode_escape_encode", c_unicode_escape_encode as *const c_void, meth::FASTCALL),
        f("unicode_escape_decode", c_unicode_escape_decode as *const c_void, meth::FASTCALL),
        f("raw_unicode_escape_encode", c_raw_unicode_escape_encode as *const c_void, meth::FASTCALL),
        f("raw_unicode_escape_decode", c_raw_unicode_escape_decode as *const c_void, meth::FASTCALL),
        f("escape_encode", c_escape_encode as *const c_void, meth::FASTCALL),
        f("escape_decode", c_escape_decode as *const c_void, meth::FASTCALL),
        f("readbuffer_encode", c_readbuffer_encode as *const c_void, meth::FASTCALL),
        f("charmap_encode", c_charmap_encode as *const c_void, meth::FASTCALL),
        f("charmap_decode", c_charmap_decode as *const c_void, meth::FASTCALL),
        f("charmap_build", c_charmap_build as *const c_void, meth::O),
    ]);
    // The built-in handlers, registered under their names (CPython does this
    // at start-up; only `_codecs.lookup_error` can see them). Like CPython's,
    // they belong to no module.
    let handlers: [(&str, &str, *const c_void); 8] = [
        ("strict", "strict_errors", h_strict as *const c_void),
        ("ignore", "ignore_errors", h_ignore as *const c_void),
        ("replace", "replace_errors", h_replace as *const c_void),
        ("xmlcharrefreplace", "xmlcharrefreplace_errors", h_xmlcharref as *const c_void),
        ("backslashreplace", "backslashreplace_errors", h_backslash as *const c_void),
        ("namereplace", "namereplace_errors", h_namereplace as *const c_void),
        ("surrogateescape", "surrogateescape", h_surrogateescape as *const c_void),
        ("surrogatepass", "surrogatepass", h_surrogatepass as *const c_void),
    ];
    let reg = vm::codecs::error_registry();
    if vm::objects::dict::get_item_rs(&reg, "strict").is_none() {
        let entries: Vec<(&str, *const c_void, i32, &str)> = handlers.iter().map(|(_, f, p)| (*f, *p, meth::O, "")).collect();
        let table = vm::objects::methodobject::method_table(&entries);
        for (i, (name, _, _)) in handlers.iter().enumerate() {
            let h = vm::objects::methodobject::new_cfunction(unsafe { table.add(i) }, Some(none::none()), None);
            vm::objects::dict::set_item_rs(&reg, name, h);
        }
    }
    Ok(m)
}
