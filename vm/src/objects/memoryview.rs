//! `memoryview` over objects exporting the buffer protocol (bytes,
//! bytearray, C types), one-dimensional, with the native single-character
//! struct formats; and the Rust side of the buffer protocol
//! (`get_buffer` / `release_buffer`, CPython's PyObject_GetBuffer and
//! PyBuffer_Release).
//!
//! As in CPython, a memoryview registers with a managed buffer object that
//! holds the exporter's buffer (`master`); slices and `memoryview(mv)` share
//! it, and the exporter's buffer is released when the last registered view
//! is released.

use crate::abstract_;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{boolobject, bytes, exceptions, float, list, long, none, tuple, unicode};
use crate::objref::{xdecref, PyObj};
use crate::typeobj::type_name;
use std::os::raw::{c_char, c_int, c_void};

pub const PYBUF_SIMPLE: c_int = 0;
pub const PYBUF_WRITABLE: c_int = 0x0001;
pub const PYBUF_FORMAT: c_int = 0x0004;
pub const PYBUF_ND: c_int = 0x0008;
pub const PYBUF_STRIDES: c_int = 0x0010 | PYBUF_ND;
pub const PYBUF_C_CONTIGUOUS: c_int = 0x0020 | PYBUF_STRIDES;
pub const PYBUF_F_CONTIGUOUS: c_int = 0x0040 | PYBUF_STRIDES;
pub const PYBUF_ANY_CONTIGUOUS: c_int = 0x0080 | PYBUF_STRIDES;
pub const PYBUF_INDIRECT: c_int = 0x0100 | PYBUF_STRIDES;
pub const PYBUF_FULL_RO: c_int = PYBUF_INDIRECT | PYBUF_FORMAT;
pub const PYBUF_RECORDS_RO: c_int = PYBUF_STRIDES | PYBUF_FORMAT;

const MV_RELEASED: c_int = 0x001;

#[repr(C)]
pub struct ManagedBufferObject {
    pub ob_base: PyObject,
    pub flags: c_int,
    pub exports: Py_ssize_t,
    pub master: Py_buffer,
}

#[repr(C)]
pub struct PyMemoryViewObject {
    pub ob_base: PyVarObject,
    pub mbuf: *mut ManagedBufferObject,
    pub hash: Py_hash_t,
    pub flags: c_int,
    pub exports: Py_ssize_t,
    pub view: Py_buffer,
    pub weakreflist: *mut PyObject,
    pub ob_array: [Py_ssize_t; 1],
}

#[no_mangle]
pub static mut PyMemoryView_Type: PyTypeObject = PyTypeObject::empty(
    b"memoryview\0",
    std::mem::offset_of!(PyMemoryViewObject, ob_array),
    std::mem::size_of::<Py_ssize_t>(),
);
#[no_mangle]
pub static mut _PyManagedBuffer_Type: PyTypeObject =
    PyTypeObject::empty(b"managedbuffer\0", std::mem::size_of::<ManagedBufferObject>(), 0);
#[allow(non_upper_case_globals)]
pub static mut PyMemoryIter_Type: PyTypeObject =
    PyTypeObject::empty(b"memory_iterator\0", std::mem::size_of::<MemIterObject>(), 0);

pub fn memoryview_type() -> *mut PyTypeObject {
    &raw mut PyMemoryView_Type
}

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut _PyManagedBuffer_Type, &raw mut PyMemoryIter_Type]
}

pub fn is_memoryview(o: &PyObj) -> bool {
    unsafe { crate::typeobj::is_subtype(o.ob_type(), memoryview_type()) }
}

// ====================================================================== buffer protocol

/// Whether `o`'s type exports buffers.
pub fn has_buffer(o: &PyObj) -> bool {
    unsafe {
        let b = (*o.ob_type()).tp_as_buffer;
        !b.is_null() && (*b).bf_getbuffer.is_some()
    }
}

pub fn empty_view() -> Py_buffer {
    Py_buffer {
        buf: std::ptr::null_mut(),
        obj: std::ptr::null_mut(),
        len: 0,
        itemsize: 0,
        readonly: 0,
        ndim: 0,
        format: std::ptr::null_mut(),
        shape: std::ptr::null_mut(),
        strides: std::ptr::null_mut(),
        suboffsets: std::ptr::null_mut(),
        internal: std::ptr::null_mut(),
    }
}

/// `PyObject_GetBuffer` into `view`.
pub unsafe fn get_buffer_into(o: &PyObj, view: *mut Py_buffer, flags: c_int) -> PyResult<()> {
    let b = (*o.ob_type()).tp_as_buffer;
    if b.is_null() || (*b).bf_getbuffer.is_none() {
        return Err(err::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(o.ob_type())
        )));
    }
    if (*b).bf_getbuffer.unwrap()(o.as_ptr(), view, flags) < 0 {
        return Err(err::fetch());
    }
    Ok(())
}

/// `PyBuffer_Release`.
pub unsafe fn release_buffer(view: *mut Py_buffer) {
    let obj = (*view).obj;
    if obj.is_null() {
        return;
    }
    let b = (*(*obj).ob_type).tp_as_buffer;
    if !b.is_null() {
        if let Some(f) = (*b).bf_releasebuffer {
            f(obj, view);
        }
    }
    (*view).obj = std::ptr::null_mut();
    xdecref(obj);
}

/// Copies the bytes of a 1-D (or contiguous) buffer.
unsafe fn view_bytes(v: &Py_buffer) -> Vec<u8> {
    if v.buf.is_null() || v.len == 0 {
        return Vec::new();
    }
    let itemsize = v.itemsize.max(1) as usize;
    if v.ndim == 1 && !v.strides.is_null() && *v.strides != v.itemsize {
        let n = *v.shape as usize;
        let stride = *v.strides;
        let mut out = Vec::with_capacity(n * itemsize);
        for k in 0..n {
            let p = (v.buf as *const u8).offset(k as isize * stride);
            out.extend_from_slice(std::slice::from_raw_parts(p, itemsize));
        }
        return out;
    }
    std::slice::from_raw_parts(v.buf as *const u8, v.len as usize).to_vec()
}

/// The bytes of any exporter (through bf_getbuffer).
pub fn generic_buffer_bytes(o: &PyObj) -> PyResult<Vec<u8>> {
    unsafe {
        let mut v = empty_view();
        get_buffer_into(o, &mut v, PYBUF_FULL_RO)?;
        let d = view_bytes(&v);
        release_buffer(&mut v);
        Ok(d)
    }
}

// ====================================================================== managed buffer

unsafe fn mbuf_release(m: *mut ManagedBufferObject) {
    if (*m).flags & MV_RELEASED != 0 {
        return;
    }
    (*m).flags |= MV_RELEASED;
    release_buffer(&mut (*m).master);
}

unsafe extern "C" fn mbuf_dealloc(o: *mut PyObject) {
    mbuf_release(o as *mut ManagedBufferObject);
    crate::alloc::tp_free(o);
}

unsafe fn mbuf_from_object(o: &PyObj) -> PyResult<*mut ManagedBufferObject> {
    let m = crate::alloc::alloc_object(&raw mut _PyManagedBuffer_Type, 0) as *mut ManagedBufferObject;
    (*m).master = empty_view();
    if let Err(e) = get_buffer_into(o, &mut (*m).master, PYBUF_FULL_RO) {
        (*m).flags |= MV_RELEASED;
        xdecref(m as *mut PyObject);
        return Err(e);
    }
    Ok(m)
}

// ====================================================================== memoryview core

#[inline]
unsafe fn mv(o: &PyObj) -> *mut PyMemoryViewObject {
    o.as_ptr() as *mut PyMemoryViewObject
}

fn released_error() -> err::PyErr {
    err::value_error("operation forbidden on released memoryview object")
}

unsafe fn check_released(o: &PyObj) -> PyResult<*mut PyMemoryViewObject> {
    let m = mv(o);
    if (*m).flags & MV_RELEASED != 0 || (*(*m).mbuf).flags & MV_RELEASED != 0 {
        return Err(released_error());
    }
    Ok(m)
}

static FORMATS: &[u8] = b"c\0b\0B\0?\0h\0H\0i\0I\0l\0L\0q\0Q\0n\0N\0f\0d\0P\0e\0";

fn static_fmt(c: u8) -> *mut c_char {
    for k in (0..FORMATS.len()).step_by(2) {
        if FORMATS[k] == c {
            return FORMATS[k..].as_ptr() as *mut c_char;
        }
    }
    b"B\0".as_ptr() as *mut c_char
}

fn fmt_size(c: u8) -> Option<usize> {
    Some(match c {
        b'c' | b'b' | b'B' | b'?' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    })
}

/// The format string of a view ("B" when NULL).
unsafe fn fmt_str(v: &Py_buffer) -> String {
    if v.format.is_null() {
        "B".to_string()
    } else {
        std::ffi::CStr::from_ptr(v.format).to_string_lossy().into_owned()
    }
}

/// The native single format char, if the format is one.
fn native_char(f: &str) -> Option<u8> {
    let f = f.strip_prefix('@').unwrap_or(f);
    let b = f.as_bytes();
    if b.len() == 1 && fmt_size(b[0]).is_some() {
        Some(b[0])
    } else {
        None
    }
}

unsafe fn init_view_from(m: *mut PyMemoryViewObject, src: &Py_buffer) {
    let v = &mut (*m).view;
    v.buf = src.buf;
    v.obj = src.obj;
    v.len = src.len;
    v.itemsize = if src.itemsize <= 0 { 1 } else { src.itemsize };
    v.readonly = src.readonly;
    v.format = if src.format.is_null() { b"B\0".as_ptr() as *mut c_char } else { src.format };
    v.internal = std::ptr::null_mut();
    let arr = (*m).ob_array.as_mut_ptr();
    v.shape = arr;
    v.strides = arr.add(1);
    v.suboffsets = std::ptr::null_mut();
    if src.ndim == 0 && !src.shape.is_null() {
        v.ndim = 0;
    } else {
        v.ndim = 1;
    }
    *v.shape = if src.ndim >= 1 && !src.shape.is_null() { *src.shape } else { src.len / v.itemsize };
    *v.strides = if src.ndim >= 1 && !src.strides.is_null() { *src.strides } else { v.itemsize };
}

/// Registers a new memoryview with `mbuf`, copying `src` (or the master).
unsafe fn mbuf_add_view(mbuf: *mut ManagedBufferObject, src: Option<&Py_buffer>) -> PyResult {
    if (*mbuf).flags & MV_RELEASED != 0 {
        return Err(released_error());
    }
    let src = src.unwrap_or(&(*mbuf).master);
    if src.ndim > 1 {
        return Err(err::not_implemented_error("memoryview: multi-dimensional buffers are not supported"));
    }
    let o = crate::alloc::alloc_object(memoryview_type(), 3) as *mut PyMemoryViewObject;
    if o.is_null() {
        return Err(err::memory_error_msg(""));
    }
    (*o).hash = -1;
    (*o).flags = 0;
    (*o).exports = 0;
    (*o).weakreflist = std::ptr::null_mut();
    init_view_from(o, src);
    crate::objref::incref(mbuf as *mut PyObject);
    (*o).mbuf = mbuf;
    (*mbuf).exports += 1;
    Ok(PyObj::from_owned(o as *mut PyObject))
}

/// `PyMemoryView_FromObject`.
pub fn from_object(o: &PyObj) -> PyResult {
    unsafe {
        if is_memoryview(o) {
            let m = check_released(o)?;
            return mbuf_add_view((*m).mbuf, Some(&(*m).view));
        }
        if has_buffer(o) {
            let mbuf = mbuf_from_object(o)?;
            let r = mbuf_add_view(mbuf, None);
            xdecref(mbuf as *mut PyObject);
            return r;
        }
        Err(err::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            type_name(o.ob_type())
        )))
    }
}

unsafe fn nitems(m: *mut PyMemoryViewObject) -> isize {
    if (*m).view.ndim == 0 {
        1
    } else {
        *(*m).view.shape
    }
}

unsafe fn item_ptr(m: *mut PyMemoryViewObject, i: isize) -> *mut u8 {
    ((*m).view.buf as *mut u8).offset(i * *(*m).view.strides)
}

unsafe fn unpack(c: u8, p: *const u8) -> PyObj {
    macro_rules! rd {
        ($t:ty) => {
            std::ptr::read_unaligned(p as *const $t)
        };
    }
    match c {
        b'B' => long::from_i64(*p as i64),
        b'b' => long::from_i64(*p as i8 as i64),
        b'c' => bytes::new(&[*p]),
        b'?' => boolobject::new(*p != 0),
        b'h' => long::from_i64(rd!(i16) as i64),
        b'H' => long::from_i64(rd!(u16) as i64),
        b'i' => long::from_i64(rd!(i32) as i64),
        b'I' => long::from_i64(rd!(u32) as i64),
        b'l' | b'q' | b'n' => long::from_i64(rd!(i64)),
        b'L' | b'Q' | b'N' | b'P' => long::from_u64(rd!(u64)),
        b'f' => float::new(rd!(f32) as f64),
        b'd' => float::new(rd!(f64)),
        b'e' => float::new(half_to_f64(rd!(u16))),
        _ => none::none(),
    }
}

fn half_to_f64(h: u16) -> f64 {
    let s = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    if e == 0 {
        s * m * 2f64.powi(-24)
    } else if e == 31 {
        if m == 0.0 {
            s * f64::INFINITY
        } else {
            f64::NAN
        }
    } else {
        s * (1.0 + m / 1024.0) * 2f64.powi(e - 15)
    }
}

unsafe fn pack(c: u8, p: *mut u8, v: &PyObj, fmt: &str) -> PyResult<()> {
    let type_err = || err::type_error(format!("memoryview: invalid type for format '{}'", fmt));
    let value_err = || err::value_error(format!("memoryview: invalid value for format '{}'", fmt));
    macro_rules! wr {
        ($t:ty, $x:expr) => {
            std::ptr::write_unaligned(p as *mut $t, $x)
        };
    }
    match c {
        b'c' => {
            if !bytes::is_bytes(v) {
                return Err(type_err());
            }
            if bytes::len(v) != 1 {
                return Err(value_err());
            }
            *p = bytes::as_slice(v)[0];
        }
        b'?' => *p = abstract_::is_true(v)? as u8,
        b'f' | b'd' | b'e' => {
            let x = if float::is_float(v) {
                float::value(v)
            } else if long::is_int(v) {
                let f = abstract_::call1(&crate::typeobj::type_obj(float::float_type()), v)?;
                float::value(&f)
            } else {
                return Err(type_err());
            };
            match c {
                b'f' => wr!(f32, x as f32),
                b'd' => wr!(f64, x),
                _ => return Err(err::not_implemented_error("memoryview: format e not supported")),
            }
        }
        _ => {
            if !abstract_::has_index(v) {
                return Err(type_err());
            }
            let i = abstract_::index(v)?;
            let big = long::to_bigint(&i);
            use num_traits::ToPrimitive;
            let ok = match c {
                b'B' => big.to_u8().map(|x| *p = x).is_some(),
                b'b' => big.to_i8().map(|x| *p = x as u8).is_some(),
                b'h' => big.to_i16().map(|x| wr!(i16, x)).is_some(),
                b'H' => big.to_u16().map(|x| wr!(u16, x)).is_some(),
                b'i' => big.to_i32().map(|x| wr!(i32, x)).is_some(),
                b'I' => big.to_u32().map(|x| wr!(u32, x)).is_some(),
                b'l' | b'q' | b'n' => big.to_i64().map(|x| wr!(i64, x)).is_some(),
                _ => big.to_u64().map(|x| wr!(u64, x)).is_some(),
            };
            if !ok {
                return Err(value_err());
            }
        }
    }
    Ok(())
}

unsafe fn fmt_char_checked(m: *mut PyMemoryViewObject) -> PyResult<u8> {
    let f = fmt_str(&(*m).view);
    native_char(&f).ok_or_else(|| err::not_implemented_error(format!("memoryview: format {} not supported", f)))
}

unsafe fn tobytes_raw(m: *mut PyMemoryViewObject) -> Vec<u8> {
    view_bytes(&(*m).view)
}

/// The bytes a memoryview exposes, if `o` is one (and not released).
pub fn data_of(o: &PyObj) -> Option<Vec<u8>> {
    if !is_memoryview(o) {
        return None;
    }
    unsafe { check_released(o).ok().map(|m| tobytes_raw(m)) }
}

unsafe fn tolist_vec(m: *mut PyMemoryViewObject) -> PyResult<Vec<PyObj>> {
    let c = fmt_char_checked(m)?;
    if (*m).view.ndim == 0 {
        return Ok(vec![unpack(c, (*m).view.buf as *const u8)]);
    }
    Ok((0..nitems(m)).map(|i| unpack(c, item_ptr(m, i))).collect())
}

unsafe fn is_c_contig(m: *mut PyMemoryViewObject) -> bool {
    (*m).view.ndim == 0 || nitems(m) <= 1 || *(*m).view.strides == (*m).view.itemsize
}

// ====================================================================== slots

unsafe extern "C" fn mv_new(_tp: *mut PyTypeObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult {
        let a = tuple::items(PyObj::borrow(&args)).to_vec();
        let mut all = a.clone();
        let mut kwn = None;
        if !kwargs.is_null() {
            let d = PyObj::borrow(&kwargs);
            let items = crate::objects::dict::items_vec(d);
            let names: Vec<PyObj> = items.iter().map(|(k, _)| k.clone()).collect();
            all.extend(items.into_iter().map(|(_, v)| v));
            if !names.is_empty() {
                kwn = Some(tuple::new(names));
            }
        }
        if all.is_empty() {
            return Err(err::type_error("memoryview() missing required argument 'object' (pos 1)"));
        }
        let b = crate::objects::methodobject::bind_args("memoryview", &all, kwn.as_ref(), &["object"], 1, 0)?;
        from_object(b[0].as_ref().unwrap())
    })();
    err::into_ptr(r)
}

unsafe fn mv_do_release(o: &PyObj) -> PyResult<()> {
    let m = mv(o);
    if (*m).flags & MV_RELEASED != 0 {
        return Ok(());
    }
    if (*m).exports > 0 {
        return Err(err::buffer_error(format!(
            "memoryview has {} exported buffer{}",
            (*m).exports,
            if (*m).exports == 1 { "" } else { "s" }
        )));
    }
    (*m).flags |= MV_RELEASED;
    let mb = (*m).mbuf;
    (*mb).exports -= 1;
    if (*mb).exports == 0 {
        mbuf_release(mb);
    }
    Ok(())
}

unsafe extern "C" fn mv_dealloc(o: *mut PyObject) {
    let ob = PyObj::borrow(&o);
    let m = mv(ob);
    if (*m).flags & MV_RELEASED == 0 {
        (*m).exports = 0;
        let _ = mv_do_release(ob);
    }
    if !(*m).weakreflist.is_null() {
        crate::objects::weakref::clear_weakrefs(o);
    }
    xdecref((*m).mbuf as *mut PyObject);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn mv_repr(o: *mut PyObject) -> *mut PyObject {
    let m = o as *mut PyMemoryViewObject;
    let s = if (*m).flags & MV_RELEASED != 0 {
        format!("<released memory at {:#x}>", o as usize)
    } else {
        format!("<memory at {:#x}>", o as usize)
    };
    unicode::new(&s).into_ptr()
}

unsafe extern "C" fn mv_length(o: *mut PyObject) -> Py_ssize_t {
    let ob = PyObj::borrow(&o);
    match check_released(ob) {
        Ok(m) => {
            if (*m).view.ndim == 0 {
                err::restore(err::type_error("0-dim memory has no length"));
                return -1;
            }
            nitems(m)
        }
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe fn subscript(o: &PyObj, key: &PyObj) -> PyResult {
    let m = check_released(o)?;
    if crate::objects::slice::is_slice(key) {
        let n = nitems(m);
        let (start, _stop, step, cnt) = crate::objects::slice::indices(key, n as usize)?;
        let r = mbuf_add_view((*m).mbuf, Some(&(*m).view))?;
        let rm = mv(&r);
        let stride = *(*m).view.strides;
        (*rm).view.buf = ((*m).view.buf as *mut u8).offset(start * stride) as *mut c_void;
        *(*rm).view.shape = cnt as isize;
        *(*rm).view.strides = stride * step;
        (*rm).view.len = cnt as isize * (*m).view.itemsize;
        return Ok(r);
    }
    if crate::objects::slice::ellipsis().is(key) && (*m).view.ndim == 0 {
        return Ok(o.clone());
    }
    if abstract_::has_index(key) {
        let c = fmt_char_checked(m)?;
        if (*m).view.ndim == 0 {
            return Err(err::type_error("invalid indexing of 0-dim memory"));
        }
        let n = nitems(m);
        let mut i = abstract_::index_to_ssize(key, Some(exceptions::PyExc_IndexError))?;
        if i < 0 {
            i += n;
        }
        if i < 0 || i >= n {
            return Err(err::index_error("index out of bounds on dimension 1"));
        }
        return Ok(unpack(c, item_ptr(m, i)));
    }
    Err(err::type_error("memoryview: invalid slice key"))
}

unsafe extern "C" fn mv_subscript(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    err::into_ptr(subscript(PyObj::borrow(&o), PyObj::borrow(&k)))
}

unsafe extern "C" fn mv_item(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    err::into_ptr(subscript(PyObj::borrow(&o), &long::from_i64(i as i64)))
}

unsafe fn ass_subscript(o: &PyObj, key: &PyObj, value: Option<&PyObj>) -> PyResult<()> {
    let m = check_released(o)?;
    if (*m).view.readonly != 0 {
        return Err(err::type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(err::type_error("cannot delete memory"));
    };
    let fmt = fmt_str(&(*m).view);
    let n = nitems(m);
    if crate::objects::slice::is_slice(key) {
        let (start, _stop, step, cnt) = crate::objects::slice::indices(key, n as usize)?;
        let mut src = empty_view();
        get_buffer_into(value, &mut src, PYBUF_FULL_RO)?;
        let sfmt = fmt_str(&src);
        let sitems = if src.ndim == 0 {
            1
        } else if src.shape.is_null() {
            src.len / src.itemsize.max(1)
        } else {
            *src.shape
        };
        let same = native_char(&sfmt).unwrap_or(0) == native_char(&fmt).unwrap_or(1)
            && src.itemsize == (*m).view.itemsize
            && src.ndim <= 1
            && sitems == cnt as isize;
        if !same {
            release_buffer(&mut src);
            return Err(err::value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let data = view_bytes(&src);
        release_buffer(&mut src);
        let isz = (*m).view.itemsize as usize;
        for k in 0..cnt {
            let p = item_ptr(m, start + k as isize * step);
            std::ptr::copy_nonoverlapping(data.as_ptr().add(k * isz), p, isz);
        }
        return Ok(());
    }
    if abstract_::has_index(key) {
        let c = fmt_char_checked(m)?;
        let mut i = abstract_::index_to_ssize(key, Some(exceptions::PyExc_IndexError))?;
        if i < 0 {
            i += n;
        }
        if i < 0 || i >= n {
            return Err(err::index_error("index out of bounds on dimension 1"));
        }
        return pack(c, item_ptr(m, i), value, &fmt);
    }
    Err(err::type_error("memoryview: invalid slice key"))
}

unsafe extern "C" fn mv_ass_subscript(o: *mut PyObject, k: *mut PyObject, v: *mut PyObject) -> c_int {
    let vo = if v.is_null() { None } else { Some(PyObj::borrow(&v)) };
    err::int_result(ass_subscript(PyObj::borrow(&o), PyObj::borrow(&k), vo))
}

unsafe extern "C" fn mv_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    let (ao, bo) = (PyObj::borrow(&a), PyObj::borrow(&b));
    let r = (|| -> PyResult {
        if op != PY_EQ && op != PY_NE {
            return Ok(none::not_implemented());
        }
        let res = |eq: bool| Ok(boolobject::new(if op == PY_EQ { eq } else { !eq }));
        if a == b {
            return res(true);
        }
        let ma = mv(ao);
        if (*ma).flags & MV_RELEASED != 0 || (is_memoryview(bo) && (*mv(bo)).flags & MV_RELEASED != 0) {
            return res(false);
        }
        if !has_buffer(bo) {
            return Ok(none::not_implemented());
        }
        check_released(ao)?;
        let other = from_object(bo)?;
        let mb = mv(&other);
        let fa = fmt_str(&(*ma).view);
        let fb = fmt_str(&(*mb).view);
        let eq = if nitems(ma) != nitems(mb) {
            false
        } else if native_char(&fa).is_some()
            && native_char(&fa) == native_char(&fb)
            && !matches!(native_char(&fa), Some(b'f' | b'd' | b'e'))
        {
            tobytes_raw(ma) == tobytes_raw(mb)
        } else {
            let (la, lb) = (tolist_vec(ma), tolist_vec(mb));
            match (la, lb) {
                (Ok(la), Ok(lb)) => {
                    let mut e = true;
                    for (x, y) in la.iter().zip(lb.iter()) {
                        if !abstract_::rich_compare_bool(x, y, PY_EQ)? {
                            e = false;
                            break;
                        }
                    }
                    e
                }
                _ => false,
            }
        };
        let _ = mv_do_release(&other);
        res(eq)
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn mv_hash(o: *mut PyObject) -> Py_hash_t {
    let ob = PyObj::borrow(&o);
    let r = (|| -> PyResult<isize> {
        let m = mv(ob);
        if (*m).hash != -1 {
            return Ok((*m).hash);
        }
        check_released(ob)?;
        if (*m).view.readonly == 0 {
            return Err(err::value_error("cannot hash writable memoryview object"));
        }
        let f = fmt_str(&(*m).view);
        if !matches!(native_char(&f), Some(b'B' | b'b' | b'c')) {
            return Err(err::value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
        }
        if let Some(obj) = (!(*m).view.obj.is_null()).then(|| PyObj::from_borrowed((*m).view.obj)) {
            // As CPython: the exporter must be hashable too.
            abstract_::hash(&obj)?;
        }
        let h = crate::hash::hash_bytes(&tobytes_raw(m));
        (*m).hash = h;
        Ok(h)
    })();
    match r {
        Ok(h) => h,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn mv_getbuffer(o: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int {
    let ob = PyObj::borrow(&o);
    let m = match check_released(ob) {
        Ok(m) => m,
        Err(e) => {
            err::restore(e);
            return -1;
        }
    };
    if flags & PYBUF_WRITABLE != 0 && (*m).view.readonly != 0 {
        err::restore(err::buffer_error("memoryview: underlying buffer is not writable"));
        return -1;
    }
    let v = &(*m).view;
    (*view).buf = v.buf;
    (*view).len = v.len;
    (*view).itemsize = v.itemsize;
    (*view).readonly = v.readonly;
    (*view).ndim = v.ndim;
    (*view).format = if flags & PYBUF_FORMAT != 0 { v.format } else { std::ptr::null_mut() };
    (*view).shape = if flags & PYBUF_ND == PYBUF_ND { v.shape } else { std::ptr::null_mut() };
    (*view).strides = if flags & PYBUF_STRIDES == PYBUF_STRIDES { v.strides } else { std::ptr::null_mut() };
    if flags & PYBUF_STRIDES != PYBUF_STRIDES && !is_c_contig(m) {
        err::restore(err::buffer_error("memoryview: underlying buffer is not C-contiguous"));
        return -1;
    }
    (*view).suboffsets = std::ptr::null_mut();
    (*view).internal = std::ptr::null_mut();
    crate::objref::incref(o);
    (*view).obj = o;
    (*m).exports += 1;
    0
}

unsafe extern "C" fn mv_releasebuffer(o: *mut PyObject, _view: *mut Py_buffer) {
    (*(o as *mut PyMemoryViewObject)).exports -= 1;
}

// ====================================================================== methods

crate::onearg!(mv_release, |slf, _a| {
    mv_do_release(slf)?;
    Ok(none::none())
});

crate::onearg!(mv_enter, |slf, _a| {
    check_released(slf)?;
    Ok(slf.clone())
});

crate::fastcall!(mv_exit, |slf, args| {
    mv_do_release(slf)?;
    Ok(none::none())
});

crate::fastcall_kw!(mv_tobytes, |slf, args, kw| {
    let a = crate::objects::methodobject::bind_args("tobytes", args, kw, &["order"], 0, 0)?;
    if let Some(o) = &a[0] {
        if !none::is_none(o) {
            let s = if unicode::is_str(o) { unicode::to_string_lossy(o) } else { String::new() };
            if !matches!(s.as_str(), "C" | "F" | "A") {
                return Err(err::value_error("order must be 'C', 'F' or 'A'"));
            }
        }
    }
    let m = check_released(slf)?;
    Ok(bytes::new(&tobytes_raw(m)))
});

crate::onearg!(mv_tolist, |slf, _a| {
    let m = check_released(slf)?;
    let v = tolist_vec(m)?;
    if (*m).view.ndim == 0 {
        return Ok(v.into_iter().next().unwrap());
    }
    Ok(list::new(v))
});

crate::fastcall_kw!(mv_hex, |slf, args, kw| {
    let m = check_released(slf)?;
    crate::objects::bytes_methods::hex_impl(&tobytes_raw(m), args, kw)
});

crate::onearg!(mv_toreadonly, |slf, _a| {
    let m = check_released(slf)?;
    let r = mbuf_add_view((*m).mbuf, Some(&(*m).view))?;
    (*mv(&r)).view.readonly = 1;
    Ok(r)
});

crate::fastcall_kw!(mv_cast, |slf, args, kw| {
    let a = crate::objects::methodobject::bind_args("cast", args, kw, &["format", "shape"], 1, 0)?;
    let m = check_released(slf)?;
    let f = a[0].as_ref().unwrap();
    if !unicode::is_str(f) {
        return Err(err::type_error("memoryview: format argument must be a string"));
    }
    if !is_c_contig(m) {
        return Err(err::type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let fs = unicode::to_string_lossy(f);
    let Some(c) = native_char(&fs) else {
        return Err(err::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let src_fmt = fmt_str(&(*m).view);
    let src_c = native_char(&src_fmt).unwrap_or(0);
    let is_byte = |x: u8| matches!(x, b'B' | b'b' | b'c');
    if !is_byte(c) && !is_byte(src_c) {
        return Err(err::type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let isz = fmt_size(c).unwrap() as isize;
    let total = (*m).view.len;
    if total % isz != 0 {
        return Err(err::type_error("memoryview: length is not a multiple of itemsize"));
    }
    let mut ndim = 1;
    if let Some(shape) = &a[1] {
        if !none::is_none(shape) {
            let items = if tuple::is_tuple(shape) {
                tuple::items(shape).to_vec()
            } else if list::is_list(shape) {
                list::to_vec(shape)
            } else {
                return Err(err::type_error("shape must be a list or a tuple"));
            };
            if items.len() > 1 {
                return Err(err::not_implemented_error("memoryview: multi-dimensional casts are not supported"));
            }
            ndim = items.len() as c_int;
            if let Some(x) = items.first() {
                let d = abstract_::index_to_ssize(x, None)?;
                if d <= 0 {
                    return Err(err::value_error("memoryview.cast(): elements of shape must be integers > 0"));
                }
                if d * isz != total {
                    return Err(err::type_error("memoryview: product(shape) * itemsize != buffer size"));
                }
            } else if total != isz {
                return Err(err::type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
        }
    }
    let r = mbuf_add_view((*m).mbuf, Some(&(*m).view))?;
    let rm = mv(&r);
    (*rm).view.format = static_fmt(c);
    (*rm).view.itemsize = isz;
    (*rm).view.ndim = ndim;
    *(*rm).view.shape = total / isz;
    *(*rm).view.strides = isz;
    Ok(r)
});

unsafe extern "C" fn g_obj(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let ob = PyObj::borrow(&o);
    err::into_ptr(check_released(ob).map(|m| {
        if (*m).view.obj.is_null() {
            none::none()
        } else {
            PyObj::from_borrowed((*m).view.obj)
        }
    }))
}

macro_rules! getter {
    ($name:ident, |$m:ident| $e:expr) => {
        unsafe extern "C" fn $name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
            let ob = PyObj::borrow(&o);
            err::into_ptr(check_released(ob).map(|$m| $e))
        }
    };
}

getter!(g_nbytes, |m| long::from_i64((*m).view.len as i64));
getter!(g_readonly, |m| boolobject::new((*m).view.readonly != 0));
getter!(g_itemsize, |m| long::from_i64((*m).view.itemsize as i64));
getter!(g_format, |m| unicode::new(&fmt_str(&(*m).view)));
getter!(g_ndim, |m| long::from_i64((*m).view.ndim as i64));
getter!(g_shape, |m| if (*m).view.ndim == 0 {
    tuple::empty()
} else {
    tuple::new(vec![long::from_i64(*(*m).view.shape as i64)])
});
getter!(g_strides, |m| if (*m).view.ndim == 0 {
    tuple::empty()
} else {
    tuple::new(vec![long::from_i64(*(*m).view.strides as i64)])
});
getter!(g_suboffsets, |_m| tuple::empty());
getter!(g_c_contig, |m| boolobject::new(is_c_contig(m)));
getter!(g_f_contig, |m| boolobject::new(is_c_contig(m)));
getter!(g_contig, |m| boolobject::new(is_c_contig(m)));

// ---------------------------------------------------------------- iterator

#[repr(C)]
pub struct MemIterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

unsafe extern "C" fn mv_iter(o: *mut PyObject) -> *mut PyObject {
    let ob = PyObj::borrow(&o);
    let r = (|| -> PyResult {
        let m = check_released(ob)?;
        if (*m).view.ndim == 0 {
            return Err(err::type_error("invalid indexing of 0-dim memory"));
        }
        fmt_char_checked(m)?;
        let it = crate::alloc::alloc_object(&raw mut PyMemoryIter_Type, 0) as *mut MemIterObject;
        crate::objref::incref(o);
        (*it).seq = o;
        Ok(PyObj::from_owned(it as *mut PyObject))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn memiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut MemIterObject;
    if (*it).seq.is_null() {
        return std::ptr::null_mut();
    }
    let seq = PyObj::borrow(&(*it).seq);
    let m = match check_released(seq) {
        Ok(m) => m,
        Err(e) => {
            err::restore(e);
            return std::ptr::null_mut();
        }
    };
    if (*it).index < nitems(m) {
        let c = native_char(&fmt_str(&(*m).view)).unwrap_or(b'B');
        let v = unpack(c, item_ptr(m, (*it).index));
        (*it).index += 1;
        return v.into_ptr();
    }
    let s = std::mem::replace(&mut (*it).seq, std::ptr::null_mut());
    xdecref(s);
    std::ptr::null_mut()
}

unsafe extern "C" fn memiter_dealloc(o: *mut PyObject) {
    xdecref((*(o as *mut MemIterObject)).seq);
    crate::alloc::tp_free(o);
}

static mut MV_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut MV_AS_MAPPING: PyMappingMethods = EMPTY_MAPPING_METHODS;
static mut MV_AS_BUFFER: PyBufferProcs = EMPTY_BUFFER_PROCS;

pub unsafe fn init_type() {
    let t = memoryview_type();
    (*t).tp_new = Some(mv_new);
    (*t).tp_dealloc = Some(mv_dealloc);
    (*t).tp_repr = Some(mv_repr);
    (*t).tp_hash = Some(mv_hash);
    (*t).tp_richcompare = Some(mv_richcompare);
    (*t).tp_iter = Some(mv_iter);
    (*t).tp_weaklistoffset = std::mem::offset_of!(PyMemoryViewObject, weakreflist) as isize;
    MV_AS_SEQUENCE.sq_length = Some(mv_length);
    MV_AS_SEQUENCE.sq_item = Some(mv_item);
    (*t).tp_as_sequence = &raw mut MV_AS_SEQUENCE;
    MV_AS_MAPPING.mp_length = Some(mv_length);
    MV_AS_MAPPING.mp_subscript = Some(mv_subscript);
    MV_AS_MAPPING.mp_ass_subscript = Some(mv_ass_subscript);
    (*t).tp_as_mapping = &raw mut MV_AS_MAPPING;
    MV_AS_BUFFER.bf_getbuffer = Some(mv_getbuffer);
    MV_AS_BUFFER.bf_releasebuffer = Some(mv_releasebuffer);
    (*t).tp_as_buffer = &raw mut MV_AS_BUFFER;
    crate::objects::descr::set_methods(t, &[
        ("release", mv_release as *const c_void, meth::NOARGS, ""),
        ("tobytes", mv_tobytes as *const c_void, meth::FASTCALL | meth::KEYWORDS, ""),
        ("hex", mv_hex as *const c_void, meth::FASTCALL | meth::KEYWORDS, ""),
        ("tolist", mv_tolist as *const c_void, meth::NOARGS, ""),
        ("cast", mv_cast as *const c_void, meth::FASTCALL | meth::KEYWORDS, ""),
        ("toreadonly", mv_toreadonly as *const c_void, meth::NOARGS, ""),
        ("__enter__", mv_enter as *const c_void, meth::NOARGS, ""),
        ("__exit__", mv_exit as *const c_void, meth::FASTCALL, ""),
    ]);
    crate::objects::descr::set_getsets(t, &[
        ("obj", g_obj as *const c_void, std::ptr::null()),
        ("nbytes", g_nbytes as *const c_void, std::ptr::null()),
        ("readonly", g_readonly as *const c_void, std::ptr::null()),
        ("itemsize", g_itemsize as *const c_void, std::ptr::null()),
        ("format", g_format as *const c_void, std::ptr::null()),
        ("ndim", g_ndim as *const c_void, std::ptr::null()),
        ("shape", g_shape as *const c_void, std::ptr::null()),
        ("strides", g_strides as *const c_void, std::ptr::null()),
        ("suboffsets", g_suboffsets as *const c_void, std::ptr::null()),
        ("c_contiguous", g_c_contig as *const c_void, std::ptr::null()),
        ("f_contiguous", g_f_contig as *const c_void, std::ptr::null()),
        ("contiguous", g_contig as *const c_void, std::ptr::null()),
    ]);

    let mb = &raw mut _PyManagedBuffer_Type;
    (*mb).tp_dealloc = Some(mbuf_dealloc);

    let it = &raw mut PyMemoryIter_Type;
    (*it).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*it).tp_iternext = Some(memiter_next);
    (*it).tp_dealloc = Some(memiter_dealloc);
}
