//! `bytearray`: `PyByteArrayObject` (mutable bytes: ob_alloc, ob_bytes,
//! ob_start, ob_exports) and the bytes-like helpers shared with `bytes`.

use crate::abstract_;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::bytes_methods::{self as bm, buffer_cow, buffer_data, byte_value};
use crate::objects::{exceptions, long, none, unicode};
use crate::objref::{xdecref, PyObj};
use crate::typeobj::type_name;
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct PyByteArrayObject {
    pub ob_base: PyVarObject,
    pub ob_alloc: Py_ssize_t,
    pub ob_bytes: *mut u8,
    pub ob_start: *mut u8,
    pub ob_exports: Py_ssize_t,
}

#[no_mangle]
pub static mut PyByteArray_Type: PyTypeObject =
    PyTypeObject::empty(b"bytearray\0", std::mem::size_of::<PyByteArrayObject>(), 0);

pub fn bytearray_type() -> *mut PyTypeObject {
    &raw mut PyByteArray_Type
}

pub fn is_bytearray(o: &PyObj) -> bool {
    unsafe { crate::typeobj::is_subtype(o.ob_type(), bytearray_type()) }
}

pub fn as_slice(o: &PyObj) -> &[u8] {
    unsafe {
        let b = o.as_ptr() as *mut PyByteArrayObject;
        let n = (*b).ob_base.ob_size as usize;
        if n == 0 || (*b).ob_start.is_null() {
            &[]
        } else {
            std::slice::from_raw_parts((*b).ob_start, n)
        }
    }
}

/// The contents of a bytes-like object (bytes, bytearray, memoryview, any
/// buffer exporter).
pub fn bytes_like_data(o: &PyObj) -> PyResult<Vec<u8>> {
    if crate::objects::bytes::is_bytes(o) {
        return Ok(crate::objects::bytes::as_slice(o).to_vec());
    }
    if is_bytearray(o) {
        return Ok(as_slice(o).to_vec());
    }
    if let Some(v) = buffer_data(o) {
        return Ok(v);
    }
    Err(err::type_error(format!(
        "a bytes-like object is required, not '{}'",
        crate::typeobj::type_name(o.ob_type())
    )))
}

#[inline]
unsafe fn raw(o: &PyObj) -> *mut PyByteArrayObject {
    o.as_ptr() as *mut PyByteArrayObject
}

pub fn len(o: &PyObj) -> usize {
    unsafe { (*raw(o)).ob_base.ob_size as usize }
}

pub fn exports(o: &PyObj) -> isize {
    unsafe { (*raw(o)).ob_exports }
}

fn resize_error() -> err::PyErr {
    err::buffer_error("Existing exports of data: object cannot be re-sized")
}

/// Resizes the contents to `n` bytes (new bytes are zero), keeping the
/// data; fails with BufferError while the buffer is exported.
pub fn resize(o: &PyObj, n: usize) -> PyResult<()> {
    unsafe {
        let b = raw(o);
        let old = (*b).ob_base.ob_size as usize;
        if n == old {
            return Ok(());
        }
        if (*b).ob_exports > 0 {
            return Err(resize_error());
        }
        if n > isize::MAX as usize / 2 {
            return Err(err::memory_error_msg(""));
        }
        let alloc = (*b).ob_alloc as usize;
        if n + 1 > alloc || n + 1 < alloc / 2 {
            let newalloc = if n + 1 > alloc { (n + 1).max(n + (n >> 3) + if n < 9 { 3 } else { 6 }) } else { n + 1 };
            let p = crate::alloc::mem_realloc((*b).ob_bytes as *mut c_void, newalloc) as *mut u8;
            if p.is_null() {
                return Err(err::memory_error_msg(""));
            }
            (*b).ob_bytes = p;
            (*b).ob_start = p;
            (*b).ob_alloc = newalloc as isize;
        }
        if n > old {
            std::ptr::write_bytes((*b).ob_start.add(old), 0, n - old);
        }
        (*b).ob_base.ob_size = n as isize;
        *(*b).ob_start.add(n) = 0;
        Ok(())
    }
}

/// The contents as a mutable slice (valid until the next resize).
pub unsafe fn as_mut_slice<'a>(o: &PyObj) -> &'a mut [u8] {
    let b = raw(o);
    let n = (*b).ob_base.ob_size as usize;
    if n == 0 || (*b).ob_start.is_null() {
        &mut []
    } else {
        std::slice::from_raw_parts_mut((*b).ob_start, n)
    }
}

/// Replaces the whole contents.
pub fn set_contents(o: &PyObj, data: &[u8]) -> PyResult<()> {
    resize(o, data.len())?;
    unsafe { as_mut_slice(o).copy_from_slice(data) };
    Ok(())
}

/// Replaces `data[lo..hi]` with `repl` (the general slice assignment).
pub fn splice(o: &PyObj, lo: usize, hi: usize, repl: &[u8]) -> PyResult<()> {
    let n = len(o);
    let hi = hi.max(lo);
    let newlen = n - (hi - lo) + repl.len();
    if newlen != n && exports(o) > 0 {
        return Err(resize_error());
    }
    if repl.len() > hi - lo {
        resize(o, newlen)?;
        let d = unsafe { as_mut_slice(o) };
        d.copy_within(hi..n, lo + repl.len());
        d[lo..lo + repl.len()].copy_from_slice(repl);
    } else {
        let d = unsafe { as_mut_slice(o) };
        d[lo..lo + repl.len()].copy_from_slice(repl);
        d.copy_within(hi..n, lo + repl.len());
        resize(o, newlen)?;
    }
    Ok(())
}

/// A new, exact bytearray holding `data`.
pub fn new(data: &[u8]) -> PyObj {
    unsafe {
        let o = PyObj::from_owned(crate::alloc::alloc_object(bytearray_type(), 0));
        if !data.is_empty() {
            set_contents(&o, data).expect("bytearray allocation");
        }
        o
    }
}

unsafe extern "C" fn ba_new(tp: *mut PyTypeObject, _args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    let alloc = (*tp).tp_alloc.unwrap_or(crate::alloc::generic_alloc);
    alloc(tp, 0)
}

unsafe extern "C" fn ba_init(o: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> c_int {
    let ob = PyObj::borrow(&o);
    let r = (|| -> PyResult<()> {
        let a = bm::parse_new_args("bytearray", PyObj::borrow(&args), kwargs)?;
        if len(ob) != 0 {
            resize(ob, 0)?;
        }
        let data = bm::new_data("bytearray", &a, false)?;
        set_contents(ob, &data)
    })();
    err::int_result(r)
}

unsafe extern "C" fn ba_dealloc(o: *mut PyObject) {
    let b = o as *mut PyByteArrayObject;
    if !(*b).ob_bytes.is_null() {
        crate::alloc::mem_free((*b).ob_bytes as *mut c_void);
        (*b).ob_bytes = std::ptr::null_mut();
    }
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn ba_repr(o: *mut PyObject) -> *mut PyObject {
    let ob = PyObj::borrow(&o);
    let name = type_name(ob.ob_type());
    let name = name.rsplit('.').next().unwrap_or("bytearray").to_string();
    unicode::new(&bm::repr_bytes(as_slice(ob), &format!("{}(", name), ")")).into_ptr()
}

unsafe extern "C" fn ba_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    bm::buffer_richcompare(PyObj::borrow(&a), PyObj::borrow(&b), op).into_ptr()
}

unsafe extern "C" fn ba_length(o: *mut PyObject) -> Py_ssize_t {
    len(PyObj::borrow(&o)) as isize
}

fn concat_err(a: &PyObj, b: &PyObj) -> err::PyErr {
    let bad = if buffer_cow(a).is_none() { a } else { b };
    err::type_error(format!("can't concat {} to {}", type_name(bad.ob_type()), type_name(a.ob_type())))
}

unsafe extern "C" fn ba_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (ao, bo) = (PyObj::borrow(&a), PyObj::borrow(&b));
    let r = (|| -> PyResult {
        let (Some(x), Some(y)) = (buffer_cow(ao), buffer_cow(bo)) else { return Err(concat_err(ao, bo)) };
        let mut v = x.into_owned();
        v.extend_from_slice(&y);
        Ok(new(&v))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn ba_iconcat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (ao, bo) = (PyObj::borrow(&a), PyObj::borrow(&b));
    let r = (|| -> PyResult {
        let Some(y) = buffer_data(bo) else {
            return Err(err::type_error(format!(
                "can't concat {} to {}",
                type_name(bo.ob_type()),
                type_name(ao.ob_type())
            )));
        };
        let n = len(ao);
        splice(ao, n, n, &y)?;
        Ok(ao.clone())
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn ba_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let ao = PyObj::borrow(&a);
    err::into_ptr(bm::repeat_data(as_slice(ao), n).map(|v| new(&v)))
}

unsafe extern "C" fn ba_irepeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let ao = PyObj::borrow(&a);
    let r = (|| -> PyResult {
        let v = bm::repeat_data(as_slice(ao), n)?;
        set_contents(ao, &v)?;
        Ok(ao.clone())
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn ba_contains(a: *mut PyObject, x: *mut PyObject) -> c_int {
    let d = as_slice(PyObj::borrow(&a)).to_vec();
    match bm::contains_impl(&d, PyObj::borrow(&x)) {
        Ok(b) => b as c_int,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

unsafe extern "C" fn ba_item(a: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let d = as_slice(PyObj::borrow(&a));
    if i < 0 || i as usize >= d.len() {
        err::restore(err::index_error("bytearray index out of range"));
        return std::ptr::null_mut();
    }
    long::from_i64(d[i as usize] as i64).into_ptr()
}

unsafe extern "C" fn ba_subscript(a: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    let ao = PyObj::borrow(&a);
    let d = as_slice(ao).to_vec();
    err::into_ptr(bm::subscript_impl(&d, PyObj::borrow(&k), "bytearray index out of range", "bytearray", &|v| new(v)))
}

/// Item/slice assignment and deletion.
pub fn ass_subscript(o: &PyObj, key: &PyObj, value: Option<&PyObj>) -> PyResult<()> {
    let n = len(o);
    if !crate::objects::slice::is_slice(key) {
        if !abstract_::has_index(key) {
            return Err(err::type_error(format!(
                "bytearray indices must be integers or slices, not {}",
                type_name(key.ob_type())
            )));
        }
        let mut i = abstract_::index_to_ssize(key, Some(unsafe { exceptions::PyExc_IndexError }))?;
        if i < 0 {
            i += n as isize;
        }
        if i < 0 || i as usize >= n {
            return Err(err::index_error("bytearray index out of range"));
        }
        match value {
            None => return splice(o, i as usize, i as usize + 1, &[]),
            Some(v) => {
                let b = byte_value(v, "byte must be in range(0, 256)")?;
                unsafe { as_mut_slice(o)[i as usize] = b };
                return Ok(());
            }
        }
    }
    let repl: Option<Vec<u8>> = match value {
        None => None,
        Some(v) => {
            if v.is(o) {
                Some(as_slice(o).to_vec())
            } else if let Some(d) = buffer_data(v) {
                Some(d)
            } else if abstract_::has_index(v) || unicode::is_str(v) || crate::objects::float::is_float(v) {
                return Err(err::type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
            } else {
                Some(bm::from_object(v, "bytearray")?)
            }
        }
    };
    let (start, stop, step, cnt) = crate::objects::slice::indices(key, n)?;
    if step == 1 {
        let lo = start as usize;
        let hi = (stop.max(start)) as usize;
        return splice(o, lo, hi, repl.as_deref().unwrap_or(&[]));
    }
    match repl {
        None => {
            if cnt == 0 {
                return Ok(());
            }
            let mut drop = vec![false; n];
            for k in 0..cnt {
                drop[(start + k as isize * step) as usize] = true;
            }
            let d: Vec<u8> = as_slice(o).iter().zip(drop.iter()).filter(|(_, &x)| !x).map(|(&b, _)| b).collect();
            set_contents(o, &d)
        }
        Some(r) => {
            if r.len() != cnt {
                return Err(err::value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    r.len(),
                    cnt
                )));
            }
            let d = unsafe { as_mut_slice(o) };
            for (k, &b) in r.iter().enumerate() {
                d[(start + k as isize * step) as usize] = b;
            }
            Ok(())
        }
    }
}

unsafe extern "C" fn ba_ass_subscript(a: *mut PyObject, k: *mut PyObject, v: *mut PyObject) -> c_int {
    let vo = if v.is_null() { None } else { Some(PyObj::borrow(&v)) };
    err::int_result(ass_subscript(PyObj::borrow(&a), PyObj::borrow(&k), vo))
}

unsafe extern "C" fn ba_ass_item(a: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    let vo = if v.is_null() { None } else { Some(PyObj::borrow(&v)) };
    err::int_result(ass_subscript(PyObj::borrow(&a), &long::from_i64(i as i64), vo))
}

unsafe extern "C" fn ba_mod(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let ao = PyObj::borrow(&a);
    if !is_bytearray(ao) {
        return none::not_implemented().into_ptr();
    }
    let d = as_slice(ao).to_vec();
    err::into_ptr(bm::bytes_format(&d, PyObj::borrow(&b)).map(|v| new(&v)))
}

static mut EMPTY: [u8; 1] = [0];

unsafe extern "C" fn ba_getbuffer(o: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int {
    let b = o as *mut PyByteArrayObject;
    let p = if (*b).ob_start.is_null() { (&raw mut EMPTY) as *mut u8 } else { (*b).ob_start };
    let r = bm::fill_info(view, o, p, (*b).ob_base.ob_size, false, flags);
    if r == 0 {
        (*b).ob_exports += 1;
    }
    r
}

unsafe extern "C" fn ba_releasebuffer(o: *mut PyObject, _view: *mut Py_buffer) {
    (*(o as *mut PyByteArrayObject)).ob_exports -= 1;
}

// ---------------------------------------------------------------- methods

crate::onearg!(ba_append, |slf, a| {
    let b = byte_value(a.unwrap(), "byte must be in range(0, 256)")?;
    let n = len(slf);
    resize(slf, n + 1)?;
    as_mut_slice(slf)[n] = b;
    Ok(none::none())
});

crate::onearg!(ba_clear, |slf, _a| {
    resize(slf, 0)?;
    Ok(none::none())
});

crate::onearg!(ba_copy, |slf, _a| { Ok(new(as_slice(slf))) });

crate::onearg!(ba_extend, |slf, a| {
    let a = a.unwrap();
    let data = if let Some(d) = buffer_data(a) {
        d
    } else {
        let it = abstract_::get_iter(a).map_err(|e| {
            if e.matches(unsafe { exceptions::PyExc_TypeError }) {
                err::type_error(format!("can't extend bytearray with {}", type_name(a.ob_type())))
            } else {
                e
            }
        })?;
        let mut v = Vec::new();
        while let Some(x) = abstract_::next(&it)? {
            v.push(byte_value(&x, "byte must be in range(0, 256)")?);
        }
        v
    };
    let n = len(slf);
    splice(slf, n, n, &data)?;
    Ok(none::none())
});

crate::fastcall!(ba_insert, |slf, args| {
    crate::objects::methodobject::check_nargs("insert", args, 2, 2)?;
    let mut i = abstract_::index_to_ssize(&args[0], Some(unsafe { exceptions::PyExc_OverflowError }))?;
    let b = byte_value(&args[1], "byte must be in range(0, 256)")?;
    let n = len(slf) as isize;
    if i < 0 {
        i += n;
        if i < 0 {
            i = 0;
        }
    }
    if i > n {
        i = n;
    }
    splice(slf, i as usize, i as usize, &[b])?;
    Ok(none::none())
});

crate::fastcall!(ba_pop, |slf, args| {
    crate::objects::methodobject::check_nargs("pop", args, 0, 1)?;
    let n = len(slf) as isize;
    let mut i = match args.first() {
        Some(a) => abstract_::index_to_ssize(a, Some(unsafe { exceptions::PyExc_OverflowError }))?,
        None => -1,
    };
    if n == 0 {
        return Err(err::index_error("pop from empty bytearray"));
    }
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(err::index_error("pop index out of range"));
    }
    let v = as_slice(slf)[i as usize];
    splice(slf, i as usize, i as usize + 1, &[])?;
    Ok(long::from_i64(v as i64))
});

crate::onearg!(ba_remove, |slf, a| {
    let b = byte_value(a.unwrap(), "byte must be in range(0, 256)")?;
    match as_slice(slf).iter().position(|&x| x == b) {
        Some(p) => {
            splice(slf, p, p + 1, &[])?;
            Ok(none::none())
        }
        None => Err(err::value_error("value not found in bytearray")),
    }
});

crate::onearg!(ba_reverse, |slf, _a| {
    as_mut_slice(slf).reverse();
    Ok(none::none())
});

crate::onearg!(ba_alloc, |slf, _a| { Ok(long::from_i64((*raw(slf)).ob_alloc as i64)) });

crate::onearg!(ba_sizeof, |slf, _a| {
    Ok(long::from_i64((std::mem::size_of::<PyByteArrayObject>() as isize + (*raw(slf)).ob_alloc) as i64))
});

/// Pickling: protocols below 3 get a latin-1 str (no bytes type in
/// Python 2), later ones the bytes themselves.
fn ba_reduce_common(slf: &PyObj, proto: i64) -> PyObj {
    let d = as_slice(slf);
    let tpo = crate::typeobj::type_obj(slf.ob_type());
    let dict = crate::typeobj::instance_dict(slf).unwrap_or_else(none::none);
    let args = if proto < 3 {
        let s: String = d.iter().map(|&b| b as char).collect();
        crate::objects::tuple::new(vec![unicode::new(&s), unicode::new("latin-1")])
    } else {
        crate::objects::tuple::new(vec![crate::objects::bytes::new(d)])
    };
    crate::objects::tuple::new(vec![tpo, args, dict])
}

crate::fastcall!(ba_reduce_ex, |slf, args| {
    crate::objects::methodobject::check_nargs("__reduce_ex__", args, 0, 1)?;
    let proto = match args.first() {
        Some(p) => crate::abstract_::index_to_ssize(p, None)? as i64,
        None => 0,
    };
    Ok(ba_reduce_common(slf, proto))
});

crate::fastcall!(ba_reduce, |slf, args| { Ok(ba_reduce_common(slf, 2)) });

// ---------------------------------------------------------------- iterator

#[repr(C)]
pub struct ByteArrayIterObject {
    pub ob_base: PyObject,
    pub index: isize,
    pub seq: *mut PyObject,
}

#[no_mangle]
pub static mut PyByteArrayIter_Type: PyTypeObject =
    PyTypeObject::empty(b"bytearray_iterator\0", std::mem::size_of::<ByteArrayIterObject>(), 0);

unsafe extern "C" fn ba_iter(o: *mut PyObject) -> *mut PyObject {
    let it = crate::alloc::alloc_object(&raw mut PyByteArrayIter_Type, 0) as *mut ByteArrayIterObject;
    crate::objref::incref(o);
    (*it).seq = o;
    it as *mut PyObject
}

unsafe extern "C" fn baiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut ByteArrayIterObject;
    if (*it).seq.is_null() {
        return std::ptr::null_mut();
    }
    let d = as_slice(PyObj::borrow(&(*it).seq));
    if ((*it).index as usize) < d.len() {
        let v = d[(*it).index as usize];
        (*it).index += 1;
        return long::from_i64(v as i64).into_ptr();
    }
    let s = std::mem::replace(&mut (*it).seq, std::ptr::null_mut());
    xdecref(s);
    std::ptr::null_mut()
}

unsafe extern "C" fn baiter_dealloc(o: *mut PyObject) {
    xdecref((*(o as *mut ByteArrayIterObject)).seq);
    crate::alloc::tp_free(o);
}

crate::onearg!(baiter_length_hint, |slf, _a| {
    let it = slf.as_ptr() as *mut ByteArrayIterObject;
    if (*it).seq.is_null() {
        return Ok(long::from_i64(0));
    }
    let n = len(PyObj::borrow(&(*it).seq)) as isize - (*it).index;
    Ok(long::from_i64(n.max(0) as i64))
});

static mut BA_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;
static mut BA_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut BA_AS_MAPPING: PyMappingMethods = EMPTY_MAPPING_METHODS;
static mut BA_AS_BUFFER: PyBufferProcs = EMPTY_BUFFER_PROCS;

pub fn types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PyByteArrayIter_Type]
}

pub unsafe fn init_type() {
    let t = bytearray_type();
    (*t).tp_flags |= flags::BASETYPE;
    (*t).tp_new = Some(ba_new);
    (*t).tp_init = Some(ba_init);
    (*t).tp_dealloc = Some(ba_dealloc);
    (*t).tp_repr = Some(ba_repr);
    (*t).tp_str = Some(ba_repr);
    (*t).tp_hash = Some(crate::slots::hash_not_implemented);
    (*t).tp_richcompare = Some(ba_richcompare);
    (*t).tp_iter = Some(ba_iter);
    BA_AS_NUMBER.nb_remainder = Some(ba_mod);
    (*t).tp_as_number = &raw mut BA_AS_NUMBER;
    BA_AS_SEQUENCE.sq_length = Some(ba_length);
    BA_AS_SEQUENCE.sq_concat = Some(ba_concat);
    BA_AS_SEQUENCE.sq_repeat = Some(ba_repeat);
    BA_AS_SEQUENCE.sq_item = Some(ba_item);
    BA_AS_SEQUENCE.sq_ass_item = Some(ba_ass_item);
    BA_AS_SEQUENCE.sq_contains = Some(ba_contains);
    BA_AS_SEQUENCE.sq_inplace_concat = Some(ba_iconcat);
    BA_AS_SEQUENCE.sq_inplace_repeat = Some(ba_irepeat);
    (*t).tp_as_sequence = &raw mut BA_AS_SEQUENCE;
    BA_AS_MAPPING.mp_length = Some(ba_length);
    BA_AS_MAPPING.mp_subscript = Some(ba_subscript);
    BA_AS_MAPPING.mp_ass_subscript = Some(ba_ass_subscript);
    (*t).tp_as_mapping = &raw mut BA_AS_MAPPING;
    BA_AS_BUFFER.bf_getbuffer = Some(ba_getbuffer);
    BA_AS_BUFFER.bf_releasebuffer = Some(ba_releasebuffer);
    (*t).tp_as_buffer = &raw mut BA_AS_BUFFER;
    let mut m = bm::shared_methods();
    m.extend([
        ("append", ba_append as *const c_void, meth::O, ""),
        ("clear", ba_clear as *const c_void, meth::NOARGS, ""),
        ("copy", ba_copy as *const c_void, meth::NOARGS, ""),
        ("extend", ba_extend as *const c_void, meth::O, ""),
        ("insert", ba_insert as *const c_void, meth::FASTCALL, ""),
        ("pop", ba_pop as *const c_void, meth::FASTCALL, ""),
        ("remove", ba_remove as *const c_void, meth::O, ""),
        ("reverse", ba_reverse as *const c_void, meth::NOARGS, ""),
        ("__alloc__", ba_alloc as *const c_void, meth::NOARGS, ""),
        ("__sizeof__", ba_sizeof as *const c_void, meth::NOARGS, ""),
        ("__reduce_ex__", ba_reduce_ex as *const c_void, meth::FASTCALL, ""),
        ("__reduce__", ba_reduce as *const c_void, meth::FASTCALL, ""),
    ]);
    crate::objects::descr::set_methods(t, &m);

    let it = &raw mut PyByteArrayIter_Type;
    (*it).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*it).tp_iternext = Some(baiter_next);
    (*it).tp_dealloc = Some(baiter_dealloc);
    crate::objects::descr::set_methods(it, &[(
        "__length_hint__",
        baiter_length_hint as *const c_void,
        meth::NOARGS,
        "",
    )]);
}
