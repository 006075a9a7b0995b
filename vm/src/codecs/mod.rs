//! Codecs: the codec registry and the error-handler registry (CPython's
//! Python/codecs.c), and `encode_str` / `decode_bytes`, what `str.encode`
//! and `bytes.decode` run. The common text codecs run natively; any other
//! encoding goes through the registry (the `encodings` package), as in
//! CPython. The `_codecs` module (stdlib) is the Python face of this.

pub mod charmap;
pub mod errors;
pub mod escape;
pub mod unicode_codecs;

use crate::abstract_;
use crate::err::{self, PyErr, PyResult};
use crate::object::PyObject;
use crate::objects::{bytearray, bytes, dict, exceptions, list, none, tuple, unicode};
use crate::objref::PyObj;
use errors::Errors;

static mut SEARCH_PATH: *mut PyObject = std::ptr::null_mut();
static mut CACHE: *mut PyObject = std::ptr::null_mut();
static mut ERROR_REGISTRY: *mut PyObject = std::ptr::null_mut();
static mut ENCODINGS_IMPORTED: bool = false;

unsafe fn global(p: *mut *mut PyObject, make: fn() -> PyObj) -> PyObj {
    if (*p).is_null() {
        *p = make().into_ptr();
    }
    PyObj::from_borrowed(*p)
}

fn search_path() -> PyObj {
    unsafe { global(&raw mut SEARCH_PATH, list::new_empty) }
}
fn cache() -> PyObj {
    unsafe { global(&raw mut CACHE, dict::new) }
}
/// The error-handler registry: name -> callable.
pub fn error_registry() -> PyObj {
    unsafe { global(&raw mut ERROR_REGISTRY, dict::new) }
}

/// CPython's encoding-name normalization: ASCII letters lowered, digits
/// and '.' kept, every other run of characters one '_' (none leading).
pub fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

pub fn register(search: &PyObj) -> PyResult<()> {
    if !crate::bltinmodule::is_callable(search) {
        return Err(err::type_error("argument must be callable"));
    }
    list::append(&search_path(), search.clone());
    Ok(())
}

pub fn unregister(search: &PyObj) -> PyResult<()> {
    let path = search_path();
    let mut items = list::to_vec(&path);
    if let Some(i) = items.iter().position(|f| f.as_ptr() == search.as_ptr()) {
        items.remove(i);
        list::set_contents(&path, items);
        dict::clear(&cache());
    }
    Ok(())
}

/// `codecs.lookup`: the CodecInfo registered for `encoding`.
pub fn lookup(encoding: &str) -> PyResult {
    unsafe {
        if !ENCODINGS_IMPORTED {
            ENCODINGS_IMPORTED = true;
            // The encodings package registers its search function on import.
            if let Err(e) = crate::import::import_absolute("encodings") {
                ENCODINGS_IMPORTED = false;
                return Err(e);
            }
        }
    }
    let norm = unicode::new(&normalize_encoding(encoding));
    let c = cache();
    if let Some(v) = dict::get_item(&c, &norm)? {
        return Ok(v);
    }
    for f in list::to_vec(&search_path()) {
        let r = abstract_::call1(&f, &norm)?;
        if none::is_none(&r) {
            continue;
        }
        if !tuple::is_tuple(&r) || tuple::len(&r) != 4 {
            return Err(err::type_error("codec search functions must return 4-tuples"));
        }
        dict::set_item(&c, norm, r.clone())?;
        return Ok(r);
    }
    Err(err::lookup_error(format!("unknown encoding: {}", encoding)))
}

pub fn register_error(name: &str, handler: &PyObj) -> PyResult<()> {
    if !crate::bltinmodule::is_callable(handler) {
        return Err(err::type_error("handler must be callable"));
    }
    dict::set_item_rs(&error_registry(), name, handler.clone());
    Ok(())
}

pub fn lookup_error(name: &str) -> PyResult {
    match dict::get_item_rs(&error_registry(), name) {
        Some(h) => Ok(h),
        None => Err(err::lookup_error(format!("unknown error handler name '{}'", name))),
    }
}

/// CPython's `_PyErr_TrySetFromCause`: an exception carrying only a message
/// is replaced by one of the same type naming the codec, chained to it.
pub fn wrap_error(e: PyErr, operation: &str, encoding: &str) -> PyErr {
    let tp = e.exc_type();
    unsafe {
        let base = exceptions::PyExc_BaseException;
        let size_ok = (*tp).tp_basicsize == (*base).tp_basicsize
            || ((*tp).tp_weaklistoffset != 0
                && (*tp).tp_basicsize == (*base).tp_basicsize + std::mem::size_of::<*mut PyObject>() as isize);
        let same_slots = (*tp).tp_init.map(|f| f as usize) == (*base).tp_init.map(|f| f as usize)
            && (*tp).tp_new.map(|f| f as usize) == (*base).tp_new.map(|f| f as usize);
        // UnicodeError itself is a plain exception in CPython (only its
        // subclasses carry fields), though it shares their layout here.
        let plain = tp == exceptions::PyExc_UnicodeError || (same_slots && size_ok && (*tp).tp_itemsize == 0);
        if !plain {
            return e;
        }
    }
    let args = exceptions::args(e.value());
    let n = tuple::len(&args);
    if n > 1 || (n == 1 && !unicode::is_exact_str(&tuple::items(&args)[0])) {
        return e;
    }
    if let Ok(Some(d)) = abstract_::getattr_str_opt(e.value(), "__dict__") {
        if dict::is_dict(&d) && dict::len(&d) > 0 {
            return e;
        }
    }
    let shown = abstract_::str_string(e.value()).unwrap_or_default();
    let msg = format!(
        "{} with '{}' codec failed ({}: {})",
        operation,
        encoding,
        crate::typeobj::type_name(tp),
        shown
    );
    let new = exceptions::new_with_message(tp, &msg);
    exceptions::set_cause(new.value(), Some(e.value().clone()));
    new
}

fn call_codec(codec: &PyObj, index: usize, obj: &PyObj, errors: Option<&str>, operation: &str, encoding: &str) -> PyResult {
    let f = abstract_::getitem(codec, &crate::objects::long::from_usize(index))?;
    let mut args = vec![obj.clone()];
    if let Some(e) = errors {
        args.push(unicode::new(e));
    }
    let r = abstract_::call(&f, &args, None).map_err(|e| wrap_error(e, operation, encoding))?;
    if !tuple::is_tuple(&r) || tuple::len(&r) != 2 {
        return Err(err::type_error(if index == 0 {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        }));
    }
    Ok(tuple::items(&r)[0].clone())
}

/// `codecs.encode(obj, encoding, errors)`.
pub fn encode(obj: &PyObj, encoding: &str, errors: Option<&str>) -> PyResult {
    let codec = lookup(encoding)?;
    call_codec(&codec, 0, obj, errors, "encoding", encoding)
}

/// `codecs.decode(obj, encoding, errors)`.
pub fn decode(obj: &PyObj, encoding: &str, errors: Option<&str>) -> PyResult {
    let codec = lookup(encoding)?;
    call_codec(&codec, 1, obj, errors, "decoding", encoding)
}

/// `_PyCodec_LookupTextEncoding`: a codec for str.encode/bytes.decode (and
/// text files), refusing one whose CodecInfo says it is not a text encoding.
pub fn lookup_text(encoding: &str, alternative: &str) -> PyResult {
    let codec = lookup(encoding)?;
    if !tuple::is_exact_tuple(&codec) {
        if let Some(v) = abstract_::getattr_str_opt(&codec, "_is_text_encoding")? {
            if !abstract_::is_true(&v)? {
                return Err(err::lookup_error(format!(
                    "'{}' is not a text encoding; use {} to handle arbitrary codecs",
                    encoding, alternative
                )));
            }
        }
    }
    Ok(codec)
}

// ---------------------------------------------------------------- str.encode / bytes.decode

/// The codecs run natively by str.encode and bytes.decode.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Native {
    Utf8,
    Ascii,
    Latin1,
    Utf16(i32),
    Utf32(i32),
}

/// CPython's fast paths (PyUnicode_AsEncodedString / PyUnicode_Decode):
/// exactly these normalized names skip the registry. Other aliases reach
/// the same codecs through `encodings`, whose errors are then wrapped.
fn native_codec(encoding: &str) -> Option<Native> {
    Some(match normalize_encoding(encoding).as_str() {
        "utf8" | "utf_8" => Native::Utf8,
        "utf16" | "utf_16" => Native::Utf16(0),
        "utf32" | "utf_32" => Native::Utf32(0),
        "ascii" | "us_ascii" => Native::Ascii,
        "latin1" | "latin_1" | "iso_8859_1" | "iso8859_1" => Native::Latin1,
        _ => return None,
    })
}

/// `str.encode(encoding, errors)`: returns a bytes object.
pub fn encode_str(s: &PyObj, encoding: &str, errors: &str) -> PyResult {
    let Some(codec) = native_codec(encoding) else {
        let codec = lookup_text(encoding, "codecs.encode()")?;
        let v = call_codec(&codec, 0, s, Some(errors), "encoding", encoding)?;
        if bytes::is_bytes(&v) {
            return Ok(v);
        }
        if bytearray::is_bytearray(&v) {
            return Ok(bytes::new(bytearray::as_slice(&v)));
        }
        return Err(err::type_error(format!(
            "'{}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            encoding,
            crate::typeobj::type_name(v.ob_type())
        )));
    };
    if codec == Native::Utf8 {
        if let Some(t) = unicode::as_str_fast(s) {
            return Ok(bytes::new(t.as_bytes()));
        }
    }
    let mut errs = Errors::new(errors);
    let out = match codec {
        Native::Utf8 => unicode_codecs::utf8_encode(s, &mut errs)?,
        Native::Ascii => unicode_codecs::latin1_ascii_encode(s, &mut errs, 0x80)?,
        Native::Latin1 => unicode_codecs::latin1_ascii_encode(s, &mut errs, 0x100)?,
        Native::Utf16(bo) => unicode_codecs::utf16_32_encode(s, &mut errs, 2, bo)?,
        Native::Utf32(bo) => unicode_codecs::utf16_32_encode(s, &mut errs, 4, bo)?,
    };
    Ok(bytes::new(&out))
}

/// `bytes.decode(encoding, errors)`: returns a str.
pub fn decode_bytes(data: &[u8], encoding: &str, errors: &str) -> PyResult {
    let Some(codec) = native_codec(encoding) else {
        let codec = lookup_text(encoding, "codecs.decode()")?;
        // CPython hands the codec a memoryview of the data.
        let view = crate::objects::memoryview::from_object(&bytes::new(data))?;
        let v = call_codec(&codec, 1, &view, Some(errors), "decoding", encoding)?;
        if unicode::is_str(&v) {
            return Ok(v);
        }
        return Err(err::type_error(format!(
            "'{}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            encoding,
            crate::typeobj::type_name(v.ob_type())
        )));
    };
    if codec == Native::Utf8 {
        if let Ok(s) = std::str::from_utf8(data) {
            return Ok(unicode::new(s));
        }
    }
    let mut errs = Errors::new(errors);
    let cps = match codec {
        Native::Utf8 => unicode_codecs::utf8_decode(data, &mut errs, true)?.0,
        Native::Latin1 => return Ok(unicode_codecs::latin1_decode(data)),
        Native::Ascii => return unicode_codecs::ascii_decode(data, &mut errs),
        Native::Utf16(mut bo) => unicode_codecs::utf16_32_decode(data, &mut errs, 2, &mut bo, true)?.0,
        Native::Utf32(mut bo) => unicode_codecs::utf16_32_decode(data, &mut errs, 4, &mut bo, true)?.0,
    };
    Ok(unicode::from_codepoints(&cps))
}
