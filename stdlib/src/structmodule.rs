//! `_struct`: conversion between Python values and C structs packed in
//! bytes (`pack`, `unpack`, `pack_into`, `unpack_from`, `iter_unpack`,
//! `calcsize`, the `Struct` type and its unpack iterator, `error`).
//! Native mode (`@`) uses x86-64 sizes and alignment; `=`, `<`, `>`, `!`
//! use the standard sizes without alignment.

use num_traits::ToPrimitive;
use std::os::raw::{c_int, c_void};
use vm::abstract_ as ab;
use vm::err::{self, PyErr, PyResult};
use vm::object::*;
use vm::objects::memoryview::{empty_view, get_buffer_into, release_buffer, PYBUF_SIMPLE, PYBUF_WRITABLE};
use vm::objects::methodobject::unpack_keywords;
use vm::objects::{boolobject, bytearray, bytes, dict, exceptions, float, long, module, none, tuple, unicode};
use vm::objref::{xdecref, PyObj};
use vm::typeobj::{type_name, type_obj};

// ---------------------------------------------------------------- errors

static mut STRUCT_ERROR: *mut PyObject = std::ptr::null_mut();

fn error(msg: impl AsRef<str>) -> PyErr {
    unsafe { err::new(STRUCT_ERROR as *mut PyTypeObject, msg.as_ref()) }
}

// ---------------------------------------------------------------- format

/// One packed item: its code, byte offset and size (for `s`/`p` the whole
/// string field).
#[derive(Clone, Copy)]
pub struct Item {
    code: u8,
    offset: usize,
    size: usize,
}

pub struct Layout {
    order: u8,
    items: Vec<Item>,
    size: usize,
}

impl Layout {
    fn native(&self) -> bool {
        self.order == b'@'
    }
    fn little(&self) -> bool {
        matches!(self.order, b'@' | b'=' | b'<')
    }
}

/// (size, alignment) of a code in native mode, or None if it is not a code.
fn native_entry(c: u8) -> Option<(usize, usize)> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
        b'h' | b'H' | b'e' => (2, 2),
        b'i' | b'I' | b'f' => (4, 4),
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => (8, 8),
        _ => return None,
    })
}

fn std_size(c: u8) -> Option<usize> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'l' | b'L' | b'f' => 4,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

fn parse_format(fmt: &[u8]) -> PyResult<Layout> {
    let too_long = || error("total struct size too long");
    let mut s = fmt;
    let order = match s.first() {
        Some(&c @ (b'@' | b'=' | b'<' | b'>' | b'!')) => {
            s = &s[1..];
            c
        }
        _ => b'@',
    };
    let native = order == b'@';
    let mut items = Vec::new();
    let mut size: usize = 0;
    let mut i = 0;
    while i < s.len() {
        let mut c = s[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut num: usize = 1;
        if c.is_ascii_digit() {
            num = (c - b'0') as usize;
            loop {
                let Some(&d) = s.get(i) else {
                    return Err(error("repeat count given without format specifier"));
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = num.checked_mul(10).and_then(|n| n.checked_add((d - b'0') as usize)).ok_or_else(too_long)?;
                if num > isize::MAX as usize {
                    return Err(too_long());
                }
            }
        }
        let (itemsize, align) = if native {
            native_entry(c).ok_or_else(|| error("bad char in struct format"))?
        } else {
            let sz = std_size(c).ok_or_else(|| error("bad char in struct format"))?;
            (sz, 1)
        };
        if align > 1 {
            size = size.checked_add(align - 1).ok_or_else(too_long)? / align * align;
        }
        let total = num.checked_mul(itemsize).ok_or_else(too_long)?;
        match c {
            b's' | b'p' => items.push(Item { code: c, offset: size, size: num }),
            b'x' => {}
            _ => {
                for k in 0..num {
                    items.push(Item { code: c, offset: size + k * itemsize, size: itemsize });
                }
            }
        }
        size = size.checked_add(total).ok_or_else(too_long)?;
        if size > isize::MAX as usize {
            return Err(too_long());
        }
    }
    Ok(Layout { order, items, size })
}

/// The format argument as bytes: str (ASCII) or bytes.
fn format_bytes(fmt: &PyObj) -> PyResult<Vec<u8>> {
    let b = if unicode::is_str(fmt) {
        vm::objects::bytes_methods::encode_str(fmt, "ascii", "strict")?
    } else if bytes::is_bytes(fmt) {
        fmt.clone()
    } else {
        return Err(err::type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            type_name(fmt.ob_type())
        )));
    };
    let v = bytes::as_slice(&b).to_vec();
    if v.contains(&0) {
        return Err(error("embedded null character"));
    }
    Ok(v)
}

// ---------------------------------------------------------------- packing

/// Integer conversion the way `_struct` does it: ints and `__index__`
/// objects, anything else is a struct.error.
fn get_int(v: &PyObj) -> PyResult<i128> {
    let i = if long::is_int(v) {
        v.clone()
    } else if ab::has_index(v) {
        ab::index(v)?
    } else {
        return Err(error("required argument is not an integer"));
    };
    if let Some(x) = long::as_i64(&i) {
        return Ok(x as i128);
    }
    // Outside i128 behaves like any other out-of-range value.
    Ok(long::to_bigint(&i).to_i128().unwrap_or(if long::is_negative(&i) { i128::MIN } else { i128::MAX }))
}

fn get_float(v: &PyObj) -> PyResult<f64> {
    if float::is_float(v) {
        return Ok(float::value(v));
    }
    let convertible = unsafe {
        let nm = (*v.ob_type()).tp_as_number;
        !nm.is_null() && ((*nm).nb_float.is_some() || (*nm).nb_index.is_some())
    };
    if !convertible || unicode::is_str(v) {
        return Err(error("required argument is not a float"));
    }
    vm::objects::float_methods::number_float_value(v).map_err(|_| error("required argument is not a float"))
}

fn overflow(msg: &str) -> PyErr {
    err::new(unsafe { exceptions::PyExc_OverflowError }, msg)
}

fn range_err(code: u8, lo: i128, hi: i128) -> PyErr {
    error(format!("'{}' format requires {} <= number <= {}", code as char, lo, hi))
}

/// Packs IEEE half precision with round-half-even (`PyFloat_Pack2`).
fn half_bits(x: f64) -> PyResult<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Ok(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        return Ok(sign);
    }
    let m: u64 = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let e = exp - 1023;
    let round = |m: u64, shift: u32| -> u64 {
        if shift >= 64 {
            return 0;
        }
        let q = m >> shift;
        let rem = m & ((1u64 << shift) - 1);
        let halfway = 1u64 << (shift - 1);
        if rem > halfway || (rem == halfway && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    let too_large = || overflow("float too large to pack with e format");
    if e >= -14 {
        let mut he = e + 15;
        let mut q = round(m, 42);
        if q >= 1 << 11 {
            q >>= 1;
            he += 1;
        }
        if he >= 31 {
            return Err(too_large());
        }
        Ok(sign | ((he as u16) << 10) | (q as u16 & 0x3ff))
    } else {
        let shift = (28 - e) as u32;
        Ok(sign | round(m, shift) as u16)
    }
}

fn half_value(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    if e == 0x1f {
        return if f == 0.0 { sign * f64::INFINITY } else { sign * f64::NAN };
    }
    if e == 0 {
        return sign * f * 2f64.powi(-24);
    }
    sign * (1.0 + f / 1024.0) * 2f64.powi(e - 15)
}

fn put(out: &mut [u8], little: bool, v: u64, size: usize) {
    for k in 0..size {
        let byte = (v >> (8 * k)) as u8;
        if little {
            out[k] = byte;
        } else {
            out[size - 1 - k] = byte;
        }
    }
}

fn get(data: &[u8], little: bool) -> u64 {
    let mut v: u64 = 0;
    for k in 0..data.len() {
        let b = if little { data[data.len() - 1 - k] } else { data[k] };
        v = (v << 8) | b as u64;
    }
    v
}

/// Converts and range-checks an integer for `code`, with the message
/// CPython gives for that code and byte order.
fn int_for(lay: &Layout, code: u8, v: &PyObj) -> PyResult<u64> {
    let x = get_int(v)?;
    let big = !lay.little();
    let aor = || error("argument out of range");
    let i64_ok = |x: i128| x >= i64::MIN as i128 && x <= i64::MAX as i128;
    let u64_ok = |x: i128| x >= 0 && x <= u64::MAX as i128;
    let signed = |x: i128, lo: i128, hi: i128, msg: Option<&str>| -> PyResult<u64> {
        if !i64_ok(x) {
            return Err(aor());
        }
        if x < lo || x > hi {
            return Err(match msg {
                Some(m) => error(format!("{} format requires {} <= number <= {}", m, lo, hi)),
                None => range_err(code, lo, hi),
            });
        }
        Ok(x as i64 as u64)
    };
    let unsigned = |x: i128, hi: i128| -> PyResult<u64> {
        if !u64_ok(x) {
            return Err(aor());
        }
        if x > hi {
            return Err(range_err(code, 0, hi));
        }
        Ok(x as u64)
    };
    match code {
        b'b' => signed(x, -128, 127, Some("byte")),
        b'B' => signed(x, 0, 255, Some("ubyte")),
        b'h' if big => signed(x, -32768, 32767, None),
        b'h' => signed(x, -32768, 32767, Some("short")),
        b'H' if big => unsigned(x, 65535),
        b'H' => signed(x, 0, 65535, Some("ushort")),
        b'i' => signed(x, i32::MIN as i128, i32::MAX as i128, None),
        b'I' => unsigned(x, u32::MAX as i128),
        b'l' if !lay.native() => signed(x, i32::MIN as i128, i32::MAX as i128, None),
        b'L' if !lay.native() => unsigned(x, u32::MAX as i128),
        b'q' | b'Q' if big => {
            let ok = if code == b'q' { i64_ok(x) } else { u64_ok(x) };
            if !ok {
                return Err(error("int too large to convert"));
            }
            Ok(x as u64)
        }
        b'l' | b'q' | b'n' => {
            if !i64_ok(x) {
                return Err(aor());
            }
            Ok(x as i64 as u64)
        }
        b'L' | b'Q' | b'N' => {
            if !u64_ok(x) {
                return Err(aor());
            }
            Ok(x as u64)
        }
        _ => {
            // 'P': any value a void pointer can hold, signed or not.
            if x < i64::MIN as i128 || x > u64::MAX as i128 {
                return Err(error("int too large to convert"));
            }
            Ok(x as u64)
        }
    }
}

fn pack_item(lay: &Layout, it: &Item, v: &PyObj, out: &mut [u8]) -> PyResult<()> {
    let field = &mut out[it.offset..it.offset + it.size];
    let little = lay.little();
    let r = match it.code {
        b'?' => {
            field[0] = ab::is_true(v)? as u8;
            Ok(())
        }
        b'c' => {
            if !bytes::is_bytes(v) || bytes::len(v) != 1 {
                return Err(error("char format requires a bytes object of length 1"));
            }
            field[0] = bytes::as_slice(v)[0];
            Ok(())
        }
        b's' | b'p' => {
            let data: Vec<u8> = if bytes::is_bytes(v) {
                bytes::as_slice(v).to_vec()
            } else if bytearray::is_bytearray(v) {
                bytearray::as_slice(v).to_vec()
            } else {
                return Err(error(format!("argument for '{}' must be a bytes object", it.code as char)));
            };
            if it.code == b's' {
                let n = data.len().min(it.size);
                field[..n].copy_from_slice(&data[..n]);
            } else if it.size > 0 {
                let n = data.len().min(it.size - 1);
                field[1..1 + n].copy_from_slice(&data[..n]);
                field[0] = n.min(255) as u8;
            }
            Ok(())
        }
        b'e' => {
            let x = get_float(v)?;
            half_bits(x).map(|h| put(field, little, h as u64, 2))
        }
        b'f' => {
            let x = get_float(v)?;
            let f = x as f32;
            if f.is_infinite() && !x.is_infinite() && !lay.native() {
                Err(overflow("float too large to pack with f format"))
            } else {
                put(field, little, f.to_bits() as u64, 4);
                Ok(())
            }
        }
        b'd' => {
            let x = get_float(v)?;
            put(field, little, x.to_bits(), 8);
            Ok(())
        }
        c => {
            let x = int_for(lay, c, v)?;
            put(field, little, x, it.size);
            Ok(())
        }
    };
    // An int that overflows a packer is reported as a struct.error.
    r.map_err(|e| {
        if long::is_int(v) && e.matches(unsafe { exceptions::PyExc_OverflowError }) {
            error("int too large to convert")
        } else {
            e
        }
    })
}

fn pack_into_vec(lay: &Layout, args: &[PyObj], out: &mut [u8]) -> PyResult<()> {
    for (it, v) in lay.items.iter().zip(args) {
        pack_item(lay, it, v, out)?;
    }
    Ok(())
}

fn unpack_item(lay: &Layout, it: &Item, data: &[u8]) -> PyResult {
    let field = &data[it.offset..it.offset + it.size];
    let little = lay.little();
    Ok(match it.code {
        b'?' => boolobject::new(field[0] != 0),
        b'c' | b's' => bytes::new(field),
        b'p' => {
            if field.is_empty() {
                bytes::new(b"")
            } else {
                let n = (field[0] as usize).min(field.len() - 1);
                bytes::new(&field[1..1 + n])
            }
        }
        b'e' => float::new(half_value(get(field, little) as u16)),
        b'f' => float::new(f32::from_bits(get(field, little) as u32) as f64),
        b'd' => float::new(f64::from_bits(get(field, little))),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let raw = get(field, little);
            let shift = 64 - 8 * it.size as u32;
            long::from_i64(((raw << shift) as i64) >> shift)
        }
        _ => long::from_u64(get(field, little)),
    })
}

fn unpack_vec(lay: &Layout, data: &[u8]) -> PyResult {
    let mut out = Vec::with_capacity(lay.items.len());
    for it in &lay.items {
        out.push(unpack_item(lay, it, data)?);
    }
    Ok(tuple::new(out))
}

/// The bytes of a readable buffer.
fn read_buffer(o: &PyObj) -> PyResult<Vec<u8>> {
    if bytes::is_bytes(o) {
        return Ok(bytes::as_slice(o).to_vec());
    }
    if bytearray::is_bytearray(o) {
        return Ok(bytearray::as_slice(o).to_vec());
    }
    // A simple (C-contiguous) buffer, as CPython's "y*" asks for.
    unsafe {
        let mut view = empty_view();
        get_buffer_into(o, &mut view, PYBUF_SIMPLE)?;
        let data = if view.buf.is_null() || view.len <= 0 {
            Vec::new()
        } else {
            std::slice::from_raw_parts(view.buf as *const u8, view.len as usize).to_vec()
        };
        release_buffer(&mut view);
        Ok(data)
    }
}

// ---------------------------------------------------------------- Struct

#[repr(C)]
pub struct StructObject {
    pub ob_base: PyObject,
    pub layout: *mut Layout,
    pub format: *mut PyObject,
    pub weakreflist: *mut PyObject,
}

pub static mut STRUCT_TYPE: PyTypeObject =
    PyTypeObject::empty(b"_struct.Struct\0", std::mem::size_of::<StructObject>(), 0);

#[repr(C)]
pub struct UnpackIterObject {
    pub ob_base: PyObject,
    pub st: *mut PyObject,
    pub data: *mut Vec<u8>,
    pub pos: usize,
}

pub static mut UNPACKITER_TYPE: PyTypeObject =
    PyTypeObject::empty(b"_struct.unpack_iterator\0", std::mem::size_of::<UnpackIterObject>(), 0);

unsafe fn layout_of<'a>(s: &PyObj) -> PyResult<&'a Layout> {
    let p = (*(s.as_ptr() as *mut StructObject)).layout;
    if p.is_null() {
        return Err(err::value_error("Struct object is not initialized"));
    }
    Ok(&*p)
}

unsafe extern "C" fn struct_new(tp: *mut PyTypeObject, _a: *mut PyObject, _k: *mut PyObject) -> *mut PyObject {
    let o = vm::typeobj::alloc_instance(tp);
    if o.is_null() {
        return o;
    }
    let s = o as *mut StructObject;
    (*s).layout = Box::into_raw(Box::new(Layout { order: b'@', items: Vec::new(), size: 0 }));
    (*s).format = unicode::new("").into_ptr();
    o
}

unsafe fn struct_set_format(o: &PyObj, fmt: &PyObj) -> PyResult<()> {
    let fb = format_bytes(fmt)?;
    let lay = parse_format(&fb)?;
    let s = o.as_ptr() as *mut StructObject;
    let old = std::mem::replace(&mut (*s).layout, Box::into_raw(Box::new(lay)));
    if !old.is_null() {
        drop(Box::from_raw(old));
    }
    let f = unicode::new(&String::from_utf8_lossy(&fb));
    xdecref(std::mem::replace(&mut (*s).format, f.into_ptr()));
    Ok(())
}

unsafe extern "C" fn struct_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let r = (|| {
        let pos = tuple::items(PyObj::borrow(&args)).to_vec();
        let kws = if kw.is_null() { Vec::new() } else { dict::items_vec(PyObj::borrow(&kw)) };
        let mut all = pos.clone();
        let mut names = Vec::new();
        for (k, v) in kws {
            names.push(k);
            all.push(v);
        }
        let kwt = if names.is_empty() { None } else { Some(tuple::new(names)) };
        let a = unpack_keywords("Struct", &all, kwt.as_ref(), &["format"], 0, 1, 1)?;
        struct_set_format(PyObj::borrow(&o), a[0].as_ref().unwrap_or(&none::none()))
    })();
    err::int_result(r)
}

unsafe extern "C" fn struct_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let f = (*(o as *mut StructObject)).format;
    if f.is_null() {
        0
    } else {
        visit(f, arg)
    }
}

unsafe extern "C" fn struct_dealloc(o: *mut PyObject) {
    vm::gc::untrack(o);
    let s = o as *mut StructObject;
    if !(*s).weakreflist.is_null() {
        vm::objects::weakref::clear_weakrefs(o);
    }
    let l = std::mem::replace(&mut (*s).layout, std::ptr::null_mut());
    if !l.is_null() {
        drop(Box::from_raw(l));
    }
    xdecref(std::mem::replace(&mut (*s).format, std::ptr::null_mut()));
    vm::alloc::tp_free(o);
}

fn do_pack(st: &PyObj, args: &[PyObj]) -> PyResult {
    let lay = unsafe { layout_of(st)? };
    if args.len() != lay.items.len() {
        return Err(error(format!("pack expected {} items for packing (got {})", lay.items.len(), args.len())));
    }
    let mut out = vec![0u8; lay.size];
    pack_into_vec(lay, args, &mut out)?;
    Ok(bytes::new(&out))
}

fn do_unpack(st: &PyObj, buf: &PyObj) -> PyResult {
    let lay = unsafe { layout_of(st)? };
    let data = read_buffer(buf)?;
    if data.len() != lay.size {
        return Err(error(format!("unpack requires a buffer of {} bytes", lay.size)));
    }
    unpack_vec(lay, &data)
}

fn do_unpack_from(st: &PyObj, buf: &PyObj, offset: Option<&PyObj>) -> PyResult {
    let lay = unsafe { layout_of(st)? };
    let data = read_buffer(buf)?;
    let mut off = match offset {
        Some(o) => ab::index_to_ssize(o, Some(unsafe { exceptions::PyExc_OverflowError }))?,
        None => 0,
    };
    let len = data.len() as isize;
    let size = lay.size as isize;
    if off < 0 {
        if off + size > 0 {
            return Err(error(format!("not enough data to unpack {} bytes at offset {}", size, off)));
        }
        if off + len < 0 {
            return Err(error(format!("offset {} out of range for {}-byte buffer", off, len)));
        }
        off += len;
    }
    if len - off < size {
        return Err(error(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
            size as i128 + off as i128,
            size,
            off,
            len
        )));
    }
    unpack_vec(lay, &data[off as usize..])
}

fn do_pack_into(st: &PyObj, args: &[PyObj]) -> PyResult {
    let lay = unsafe { layout_of(st)? };
    let n = lay.items.len();
    if args.len() != n + 2 {
        if args.is_empty() {
            return Err(error("pack_into expected buffer argument"));
        }
        if args.len() == 1 {
            return Err(error("pack_into expected offset argument"));
        }
        return Err(error(format!("pack_into expected {} items for packing (got {})", n, args.len() - 2)));
    }
    unsafe {
        let mut view = empty_view();
        let readonly = bytes::is_bytes(&args[0]);
        if readonly {
            return Err(err::type_error(format!(
                "argument must be read-write bytes-like object, not {}",
                type_name(args[0].ob_type())
            )));
        }
        if get_buffer_into(&args[0], &mut view, PYBUF_WRITABLE | PYBUF_SIMPLE).is_err() {
            return Err(err::type_error(format!(
                "argument must be read-write bytes-like object, not {}",
                type_name(args[0].ob_type())
            )));
        }
        let r = (|| {
            let mut off = ab::index_to_ssize(&args[1], Some(exceptions::PyExc_OverflowError))?;
            let len = view.len;
            let size = lay.size as isize;
            if off < 0 {
                if off + size > 0 {
                    return Err(error(format!("no space to pack {} bytes at offset {}", size, off)));
                }
                if off + len < 0 {
                    return Err(error(format!("offset {} out of range for {}-byte buffer", off, len)));
                }
                off += len;
            }
            if len - off < size {
                return Err(error(format!(
                    "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
                    size as i128 + off as i128,
                    size,
                    off,
                    len
                )));
            }
            let mut out = vec![0u8; lay.size];
            pack_into_vec(lay, &args[2..], &mut out)?;
            std::ptr::copy_nonoverlapping(out.as_ptr(), (view.buf as *mut u8).add(off as usize), out.len());
            Ok(none::none())
        })();
        release_buffer(&mut view);
        r
    }
}

fn do_iter_unpack(st: &PyObj, buf: &PyObj) -> PyResult {
    let lay = unsafe { layout_of(st)? };
    if lay.size == 0 {
        return Err(error("cannot iteratively unpack with a struct of length 0"));
    }
    let data = read_buffer(buf)?;
    if data.len() % lay.size != 0 {
        return Err(error(format!("iterative unpacking requires a buffer of a multiple of {} bytes", lay.size)));
    }
    unsafe {
        let o = vm::typeobj::alloc_instance(&raw mut UNPACKITER_TYPE);
        if o.is_null() {
            return Err(err::fetch());
        }
        let it = o as *mut UnpackIterObject;
        (*it).st = st.clone().into_ptr();
        (*it).data = Box::into_raw(Box::new(data));
        (*it).pos = 0;
        Ok(PyObj::from_owned(o))
    }
}

vm::fastcall!(s_pack, |slf, args| { do_pack(slf, args) });
vm::onearg!(s_unpack, |slf, b| { do_unpack(slf, b.unwrap()) });
vm::fastcall_kw!(s_unpack_from, |slf, args, kw| {
    let a = unpack_keywords("unpack_from", args, kw, &["buffer", "offset"], 0, 1, 2)?;
    do_unpack_from(slf, a[0].as_ref().unwrap_or(&none::none()), a[1].as_ref())
});
vm::fastcall!(s_pack_into, |slf, args| { do_pack_into(slf, args) });
vm::onearg!(s_iter_unpack, |slf, b| { do_iter_unpack(slf, b.unwrap()) });
vm::onearg!(s_sizeof, |slf, _a| {
    let n = layout_of(slf)?.items.len();
    Ok(long::from_usize(std::mem::size_of::<StructObject>() + (n + 1) * std::mem::size_of::<Item>()))
});

unsafe extern "C" fn s_get_format(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    PyObj::from_borrowed((*(o as *mut StructObject)).format).into_ptr()
}
unsafe extern "C" fn s_get_size(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    err::into_ptr(layout_of(PyObj::borrow(&o)).map(|l| long::from_usize(l.size)))
}

// ---------------------------------------------------------------- unpack iterator

unsafe extern "C" fn ui_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut UnpackIterObject;
    if (*it).st.is_null() || (*it).data.is_null() {
        return std::ptr::null_mut();
    }
    let st = PyObj::borrow(&(*it).st);
    let r = (|| -> PyResult<Option<PyObj>> {
        let lay = layout_of(st)?;
        let data = &*(*it).data;
        if (*it).pos + lay.size > data.len() {
            return Ok(None);
        }
        let v = unpack_vec(lay, &data[(*it).pos..])?;
        (*it).pos += lay.size;
        Ok(Some(v))
    })();
    match r {
        Ok(Some(v)) => v.into_ptr(),
        Ok(None) => {
            ui_release(it);
            std::ptr::null_mut()
        }
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

unsafe fn ui_release(it: *mut UnpackIterObject) {
    let d = std::mem::replace(&mut (*it).data, std::ptr::null_mut());
    if !d.is_null() {
        drop(Box::from_raw(d));
    }
}

unsafe extern "C" fn ui_new(_tp: *mut PyTypeObject, _a: *mut PyObject, _k: *mut PyObject) -> *mut PyObject {
    err::restore(err::type_error("Cannot create 'unpack_iterator objects"));
    std::ptr::null_mut()
}

unsafe extern "C" fn ui_dealloc(o: *mut PyObject) {
    vm::gc::untrack(o);
    let it = o as *mut UnpackIterObject;
    ui_release(it);
    xdecref(std::mem::replace(&mut (*it).st, std::ptr::null_mut()));
    vm::alloc::tp_free(o);
}

unsafe extern "C" fn ui_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let s = (*(o as *mut UnpackIterObject)).st;
    if s.is_null() {
        0
    } else {
        visit(s, arg)
    }
}

vm::onearg!(ui_length_hint, |slf, _a| {
    let it = slf.as_ptr() as *mut UnpackIterObject;
    if (*it).data.is_null() || (*it).st.is_null() {
        return Ok(long::from_i64(0));
    }
    let size = layout_of(PyObj::borrow(&(*it).st))?.size.max(1);
    Ok(long::from_usize(((*(*it).data).len() - (*it).pos) / size))
});

// ---------------------------------------------------------------- module functions

static mut CACHE: *mut PyObject = std::ptr::null_mut();
const MAXCACHE: usize = 100;

/// The `Struct` for a format, from the module's cache (keyed by the format
/// object itself, so unhashable formats fail as in CPython).
fn cached_struct(fmt: &PyObj) -> PyResult {
    unsafe {
        if CACHE.is_null() {
            CACHE = dict::new().into_ptr();
        }
        let c = CACHE;
        let cache = PyObj::borrow(&c);
        if let Some(s) = dict::get_item(cache, fmt)? {
            return Ok(s);
        }
        let s = ab::call1(&type_obj(&raw mut STRUCT_TYPE), fmt)?;
        if dict::len(cache) >= MAXCACHE {
            dict::clear(cache);
        }
        dict::set_item(cache, fmt.clone(), s.clone())?;
        Ok(s)
    }
}

fn missing_format(args: &[PyObj]) -> PyResult<()> {
    if args.is_empty() {
        return Err(err::type_error("missing format argument"));
    }
    Ok(())
}

fn exact_args(fname: &str, args: &[PyObj], n: usize) -> PyResult<()> {
    vm::objects::methodobject::check_nargs(fname, args, n, n)
}

vm::onearg!(m_calcsize, |slf, f| {
    let s = cached_struct(f.unwrap())?;
    Ok(long::from_usize(layout_of(&s)?.size))
});
vm::fastcall!(m_pack, |slf, args| {
    missing_format(args)?;
    do_pack(&cached_struct(&args[0])?, &args[1..])
});
vm::fastcall!(m_pack_into, |slf, args| {
    missing_format(args)?;
    do_pack_into(&cached_struct(&args[0])?, &args[1..])
});
vm::fastcall!(m_unpack, |slf, args| {
    exact_args("unpack", args, 2)?;
    do_unpack(&cached_struct(&args[0])?, &args[1])
});
vm::fastcall_kw!(m_unpack_from, |slf, args, kw| {
    let a = unpack_keywords("unpack_from", args, kw, &["format", "buffer", "offset"], 1, 2, 3)?;
    let (f, b) = (a[0].clone().unwrap_or_else(none::none), a[1].clone().unwrap_or_else(none::none));
    do_unpack_from(&cached_struct(&f)?, &b, a[2].as_ref())
});
vm::fastcall!(m_iter_unpack, |slf, args| {
    exact_args("iter_unpack", args, 2)?;
    do_iter_unpack(&cached_struct(&args[0])?, &args[1])
});
vm::fastcall!(m_clearcache, |slf, args| {
    if !CACHE.is_null() {
        let c = CACHE;
        dict::clear(PyObj::borrow(&c));
    }
    Ok(none::none())
});

static mut READY: bool = false;

unsafe fn init_types() -> PyResult<()> {
    if READY {
        return Ok(());
    }
    let ns = dict::new();
    dict::set_item_rs(&ns, "__module__", unicode::new("struct"));
    let bases = tuple::new(vec![type_obj(exceptions::PyExc_Exception)]);
    let e = ab::call(&type_obj(vm::typeobj::type_type()), &[unicode::new("error"), bases, ns], None)?;
    STRUCT_ERROR = e.into_ptr();

    let t = &raw mut STRUCT_TYPE;
    (*t).tp_flags |= flags::BASETYPE | flags::HAVE_GC;
    (*t).tp_traverse = Some(struct_traverse);
    (*t).tp_new = Some(struct_new);
    (*t).tp_init = Some(struct_init);
    (*t).tp_dealloc = Some(struct_dealloc);
    (*t).tp_weaklistoffset = std::mem::offset_of!(StructObject, weakreflist) as isize;
    vm::objects::descr::set_getsets(t, &[
        ("format", s_get_format as *const c_void, std::ptr::null()),
        ("size", s_get_size as *const c_void, std::ptr::null()),
    ]);
    vm::objects::descr::set_methods(t, &[
        ("iter_unpack", s_iter_unpack as *const c_void, meth::O, "Return an iterator yielding tuples."),
        ("pack", s_pack as *const c_void, meth::FASTCALL, "S.pack(v1, v2, ...) -> bytes"),
        ("pack_into", s_pack_into as *const c_void, meth::FASTCALL, "S.pack_into(buffer, offset, v1, v2, ...)"),
        ("unpack", s_unpack as *const c_void, meth::O, "Return a tuple containing unpacked values."),
        ("unpack_from", s_unpack_from as *const c_void, meth::FASTCALL | meth::KEYWORDS, "Return a tuple containing unpacked values."),
        ("__sizeof__", s_sizeof as *const c_void, meth::NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"),
    ]);
    vm::typeobj::ready(t)?;

    let t = &raw mut UNPACKITER_TYPE;
    (*t).tp_flags |= flags::HAVE_GC;
    (*t).tp_new = Some(ui_new);
    (*t).tp_dealloc = Some(ui_dealloc);
    (*t).tp_traverse = Some(ui_traverse);
    (*t).tp_iter = Some(vm::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(ui_next);
    vm::objects::descr::set_methods(t, &[("__length_hint__", ui_length_hint as *const c_void, meth::NOARGS, "")]);
    vm::typeobj::ready(t)?;
    READY = true;
    Ok(())
}

pub fn init() -> PyResult<PyObj> {
    unsafe { init_types()? };
    let m = module::new("_struct");
    vm::sysmodule::add_functions(&m, &[
        ("_clearcache", m_clearcache as *const c_void, meth::FASTCALL),
        ("calcsize", m_calcsize as *const c_void, meth::O),
        ("iter_unpack", m_iter_unpack as *const c_void, meth::FASTCALL),
        ("pack", m_pack as *const c_void, meth::FASTCALL),
        ("pack_into", m_pack_into as *const c_void, meth::FASTCALL),
        ("unpack", m_unpack as *const c_void, meth::FASTCALL),
        ("unpack_from", m_unpack_from as *const c_void, meth::FASTCALL | meth::KEYWORDS),
    ]);
    unsafe {
        ab::setattr_str(&m, "error", PyObj::from_borrowed(STRUCT_ERROR))?;
    }
    ab::setattr_str(&m, "Struct", type_obj(&raw mut STRUCT_TYPE))?;
    ab::setattr_str(&m, "__doc__", unicode::new("Functions to convert between Python values and C structs.\nPython bytes objects are used to hold the data representing the C struct\nand also as format strings (explained below) to describe the layout of data\nin the C struct.\n"))?;
    Ok(m)
}
