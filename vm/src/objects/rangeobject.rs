//! `range` and its iterators (`range_iterator` for machine-size bounds,
//! `longrange_iterator` otherwise).

use crate::abstract_ as ab;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::descr::{READONLY, T_OBJECT};
use crate::objects::{boolobject, exceptions, long, none, slice, tuple, unicode};
use crate::objref::{xdecref, PyObj};
use crate::typeobj::type_name;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::os::raw::{c_int, c_void};

#[repr(C)]
pub struct RangeObject {
    pub ob_base: PyObject,
    pub start: *mut PyObject,
    pub stop: *mut PyObject,
    pub step: *mut PyObject,
    pub length: *mut PyObject,
}

#[repr(C)]
pub struct RangeIterObject {
    pub ob_base: PyObject,
    pub start: i64,
    pub step: i64,
    pub len: i64,
}

#[repr(C)]
pub struct LongRangeIterObject {
    pub ob_base: PyObject,
    pub start: *mut PyObject,
    pub step: *mut PyObject,
    pub len: *mut PyObject,
}

#[no_mangle]
pub static mut PyRange_Type: PyTypeObject =
    PyTypeObject::empty(b"range\0", std::mem::size_of::<RangeObject>(), 0);
#[no_mangle]
pub static mut PyRangeIter_Type: PyTypeObject =
    PyTypeObject::empty(b"range_iterator\0", std::mem::size_of::<RangeIterObject>(), 0);
#[no_mangle]
pub static mut PyLongRangeIter_Type: PyTypeObject =
    PyTypeObject::empty(b"longrange_iterator\0", std::mem::size_of::<LongRangeIterObject>(), 0);

pub fn range_type() -> *mut PyTypeObject {
    &raw mut PyRange_Type
}

pub fn extra_types() -> Vec<*mut PyTypeObject> {
    vec![&raw mut PyRangeIter_Type, &raw mut PyLongRangeIter_Type]
}

pub fn is_range(o: &PyObj) -> bool {
    o.ob_type() == range_type()
}

struct Parts {
    start: PyObj,
    stop: PyObj,
    step: PyObj,
    length: PyObj,
}

fn parts(r: &PyObj) -> Parts {
    unsafe {
        let p = r.as_ptr() as *mut RangeObject;
        Parts {
            start: PyObj::from_borrowed((*p).start),
            stop: PyObj::from_borrowed((*p).stop),
            step: PyObj::from_borrowed((*p).step),
            length: PyObj::from_borrowed((*p).length),
        }
    }
}

fn big(o: &PyObj) -> BigInt {
    long::to_bigint(o)
}

fn int(v: &BigInt) -> PyObj {
    long::from_bigint(v)
}

/// Number of items of range(start, stop, step) (step != 0).
fn compute_length(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, st) = if step.is_positive() {
        (start.clone(), stop.clone(), step.clone())
    } else {
        (stop.clone(), start.clone(), -step.clone())
    };
    if lo >= hi {
        return BigInt::zero();
    }
    (hi - lo - 1u32) / st + 1u32
}

fn make(start: BigInt, stop: BigInt, step: BigInt) -> PyObj {
    let len = compute_length(&start, &stop, &step);
    make_with(int(&start), int(&stop), int(&step), int(&len))
}

fn make_with(start: PyObj, stop: PyObj, step: PyObj, length: PyObj) -> PyObj {
    unsafe {
        let o = crate::alloc::alloc_object(range_type(), 0) as *mut RangeObject;
        (*o).start = start.into_ptr();
        (*o).stop = stop.into_ptr();
        (*o).step = step.into_ptr();
        (*o).length = length.into_ptr();
        PyObj::from_owned(o as *mut PyObject)
    }
}

/// `range(stop)` for Rust callers.
pub fn new_range(start: i64, stop: i64, step: i64) -> PyObj {
    make(BigInt::from(start), BigInt::from(stop), BigInt::from(step))
}

unsafe extern "C" fn range_new(_tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let a = PyObj::borrow(&args);
    let r = (|| -> PyResult {
        if !kw.is_null() && crate::objects::dict::len(PyObj::borrow(&kw)) > 0 {
            return Err(err::type_error("range() takes no keyword arguments"));
        }
        let items = tuple::items(a);
        match items.len() {
            0 => Err(err::type_error("range expected at least 1 argument, got 0")),
            1 => {
                let stop = ab::index(&items[0])?;
                Ok(make_with(long::from_i64(0), stop.clone(), long::from_i64(1), {
                    let s = big(&stop);
                    if s.is_positive() { stop.clone() } else { long::from_i64(0) }
                }))
            }
            2 | 3 => {
                let start = ab::index(&items[0])?;
                let stop = ab::index(&items[1])?;
                let step = if items.len() == 3 { ab::index(&items[2])? } else { long::from_i64(1) };
                if long::is_zero(&step) {
                    return Err(err::value_error("range() arg 3 must not be zero"));
                }
                let len = compute_length(&big(&start), &big(&stop), &big(&step));
                Ok(make_with(start, stop, step, int(&len)))
            }
            n => Err(err::type_error(format!("range expected at most 3 arguments, got {}", n))),
        }
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn range_dealloc(o: *mut PyObject) {
    let r = o as *mut RangeObject;
    xdecref((*r).start);
    xdecref((*r).stop);
    xdecref((*r).step);
    xdecref((*r).length);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn range_repr(o: *mut PyObject) -> *mut PyObject {
    let p = parts(PyObj::borrow(&o));
    let r = (|| -> PyResult {
        let s = if long::as_i64(&p.step) == Some(1) {
            format!("range({}, {})", ab::repr_string(&p.start)?, ab::repr_string(&p.stop)?)
        } else {
            format!(
                "range({}, {}, {})",
                ab::repr_string(&p.start)?,
                ab::repr_string(&p.stop)?,
                ab::repr_string(&p.step)?
            )
        };
        Ok(unicode::new(&s))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn range_length(o: *mut PyObject) -> Py_ssize_t {
    let p = parts(PyObj::borrow(&o));
    match long::as_i64(&p.length) {
        Some(v) => v as isize,
        None => {
            err::restore(err::overflow_error("Python int too large to convert to C ssize_t"));
            -1
        }
    }
}

unsafe extern "C" fn range_bool(o: *mut PyObject) -> c_int {
    (!long::is_zero(&parts(PyObj::borrow(&o)).length)) as c_int
}

fn range_equals(a: &PyObj, b: &PyObj) -> bool {
    if a.is(b) {
        return true;
    }
    let (x, y) = (parts(a), parts(b));
    let lx = big(&x.length);
    if lx != big(&y.length) {
        return false;
    }
    if lx.is_zero() {
        return true;
    }
    if big(&x.start) != big(&y.start) {
        return false;
    }
    if lx.is_one() {
        return true;
    }
    big(&x.step) == big(&y.step)
}

unsafe extern "C" fn range_richcompare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    let a = PyObj::borrow(&v);
    let b = PyObj::borrow(&w);
    if !is_range(b) || !is_range(a) {
        return none::not_implemented().into_ptr();
    }
    match op {
        PY_EQ => boolobject::new(range_equals(a, b)).into_ptr(),
        PY_NE => boolobject::new(!range_equals(a, b)).into_ptr(),
        _ => none::not_implemented().into_ptr(),
    }
}

unsafe extern "C" fn range_hash(o: *mut PyObject) -> Py_hash_t {
    let p = parts(PyObj::borrow(&o));
    let len = big(&p.length);
    let items = if len.is_zero() {
        vec![p.length.clone(), none::none(), none::none()]
    } else if len.is_one() {
        vec![p.length.clone(), p.start.clone(), none::none()]
    } else {
        vec![p.length.clone(), p.start.clone(), p.step.clone()]
    };
    match crate::objects::tuple_methods::hash_items(&items) {
        Ok(h) => h,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

fn contains_int(p: &Parts, ob: &BigInt) -> bool {
    let (start, stop, step) = (big(&p.start), big(&p.stop), big(&p.step));
    let inside = if step.is_positive() { &start <= ob && ob < &stop } else { ob <= &start && &stop < ob };
    if !inside {
        return false;
    }
    (ob - &start).mod_floor(&step).is_zero()
}

fn range_contains_impl(r: &PyObj, x: &PyObj) -> PyResult<bool> {
    if long::is_exact_int(x) || x.ob_type() == boolobject::bool_type() {
        return Ok(contains_int(&parts(r), &big(x)));
    }
    let it = ab::get_iter(r)?;
    while let Some(v) = ab::next(&it)? {
        if ab::rich_compare_bool(&v, x, PY_EQ)? {
            return Ok(true);
        }
    }
    Ok(false)
}

unsafe extern "C" fn range_contains(o: *mut PyObject, x: *mut PyObject) -> c_int {
    match range_contains_impl(PyObj::borrow(&o), PyObj::borrow(&x)) {
        Ok(b) => b as c_int,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

fn item_at(p: &Parts, i: &BigInt) -> PyObj {
    int(&(big(&p.start) + i * big(&p.step)))
}

unsafe extern "C" fn range_item(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let p = parts(PyObj::borrow(&o));
    let i = BigInt::from(i);
    if i.is_negative() || i >= big(&p.length) {
        err::restore(err::index_error("range object index out of range"));
        return std::ptr::null_mut();
    }
    item_at(&p, &i).into_ptr()
}

fn slice_part(o: &PyObj) -> PyResult<Option<BigInt>> {
    if none::is_none(o) {
        return Ok(None);
    }
    if !ab::has_index(o) {
        return Err(err::type_error(
            "slice indices must be integers or None or have an __index__ method",
        ));
    }
    Ok(Some(big(&ab::index(o)?)))
}

/// `_PySlice_GetLongIndices`: (start, stop, step) for a sequence of `length`.
pub fn slice_long_indices(s: &PyObj, length: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let (a, b, c) = slice::parts(s);
    let step = slice_part(&c)?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(err::value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg { (BigInt::from(-1), length - 1u32) } else { (BigInt::zero(), length.clone()) };
    let adj = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(mut x) => {
                if x.is_negative() {
                    x += length;
                    if x < lower {
                        x = lower.clone();
                    }
                } else if x > upper {
                    x = upper.clone();
                }
                x
            }
        }
    };
    let start = adj(slice_part(&a)?, if neg { &upper } else { &lower });
    let stop = adj(slice_part(&b)?, if neg { &lower } else { &upper });
    Ok((start, stop, step))
}

fn range_subscript_impl(r: &PyObj, key: &PyObj) -> PyResult {
    let p = parts(r);
    if slice::is_slice(key) {
        let (start, stop, step) = slice_long_indices(key, &big(&p.length))?;
        let (rs, rstep) = (big(&p.start), big(&p.step));
        return Ok(make(&rs + &start * &rstep, &rs + &stop * &rstep, &rstep * &step));
    }
    if ab::has_index(key) {
        let mut i = big(&ab::index(key)?);
        let len = big(&p.length);
        if i.is_negative() {
            i += &len;
        }
        if i.is_negative() || i >= len {
            return Err(err::index_error("range object index out of range"));
        }
        return Ok(item_at(&p, &i));
    }
    Err(err::type_error(format!(
        "range indices must be integers or slices, not {}",
        type_name(key.ob_type())
    )))
}

unsafe extern "C" fn range_subscript(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    err::into_ptr(range_subscript_impl(PyObj::borrow(&o), PyObj::borrow(&k)))
}

// ---------------------------------------------------------------- iterators

fn make_iter(start: &BigInt, step: &BigInt, len: &BigInt) -> PyObj {
    unsafe {
        if let (Some(s), Some(st), Some(n)) = (start.to_i64(), step.to_i64(), len.to_i64()) {
            // Every produced value lies between start and the last item.
            let last = BigInt::from(s) + BigInt::from(st) * (len - 1u32).max(BigInt::zero());
            if last.to_i64().is_some() {
                let o = crate::alloc::alloc_object(&raw mut PyRangeIter_Type, 0) as *mut RangeIterObject;
                (*o).start = s;
                (*o).step = st;
                (*o).len = n;
                return PyObj::from_owned(o as *mut PyObject);
            }
        }
        let o = crate::alloc::alloc_object(&raw mut PyLongRangeIter_Type, 0) as *mut LongRangeIterObject;
        (*o).start = int(start).into_ptr();
        (*o).step = int(step).into_ptr();
        (*o).len = int(len).into_ptr();
        PyObj::from_owned(o as *mut PyObject)
    }
}

unsafe extern "C" fn range_iter(o: *mut PyObject) -> *mut PyObject {
    let p = parts(PyObj::borrow(&o));
    make_iter(&big(&p.start), &big(&p.step), &big(&p.length)).into_ptr()
}

/// `reversed(range)`.
pub fn range_reversed(r: &PyObj) -> PyObj {
    let p = parts(r);
    let len = big(&p.length);
    let step = big(&p.step);
    let last = big(&p.start) + (&len - 1u32) * &step;
    make_iter(&last, &-step, &len)
}

unsafe extern "C" fn rangeiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut RangeIterObject;
    if (*it).len > 0 {
        let v = (*it).start;
        (*it).start = v.wrapping_add((*it).step);
        (*it).len -= 1;
        return long::from_i64(v).into_ptr();
    }
    std::ptr::null_mut()
}

unsafe extern "C" fn longrangeiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut LongRangeIterObject;
    let len = PyObj::borrow(&(*it).len);
    if !long::is_negative(len) && !long::is_zero(len) {
        let start = PyObj::borrow(&(*it).start).clone();
        let step = big(PyObj::borrow(&(*it).step));
        let nstart = int(&(big(&start) + step)).into_ptr();
        let nlen = int(&(big(len) - 1u32)).into_ptr();
        xdecref(std::mem::replace(&mut (*it).start, nstart));
        xdecref(std::mem::replace(&mut (*it).len, nlen));
        return start.into_ptr();
    }
    std::ptr::null_mut()
}

crate::onearg!(rangeiter_len, |slf, _a| {
    Ok(long::from_i64((*(slf.as_ptr() as *mut RangeIterObject)).len.max(0)))
});

crate::onearg!(longrangeiter_len, |slf, _a| {
    Ok(PyObj::borrow(&(*(slf.as_ptr() as *mut LongRangeIterObject)).len).clone())
});

unsafe extern "C" fn rangeiter_dealloc(o: *mut PyObject) {
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn longrangeiter_dealloc(o: *mut PyObject) {
    let it = o as *mut LongRangeIterObject;
    xdecref((*it).start);
    xdecref((*it).step);
    xdecref((*it).len);
    crate::alloc::tp_free(o);
}

// ---------------------------------------------------------------- methods

crate::onearg!(r_count, |slf, arg| {
    let x = arg.unwrap();
    if long::is_exact_int(x) || x.ob_type() == boolobject::bool_type() {
        return Ok(long::from_i64(contains_int(&parts(slf), &big(x)) as i64));
    }
    let it = ab::get_iter(slf)?;
    let mut n = 0i64;
    while let Some(v) = ab::next(&it)? {
        if ab::rich_compare_bool(&v, x, PY_EQ)? {
            n += 1;
        }
    }
    Ok(long::from_i64(n))
});

crate::onearg!(r_index, |slf, arg| {
    let x = arg.unwrap();
    if long::is_exact_int(x) || x.ob_type() == boolobject::bool_type() {
        let p = parts(slf);
        let v = big(x);
        if contains_int(&p, &v) {
            return Ok(int(&((v - big(&p.start)) / big(&p.step))));
        }
        return Err(err::value_error(format!("{} is not in range", ab::repr_string(x)?)));
    }
    let it = ab::get_iter(slf)?;
    let mut i = 0i64;
    while let Some(v) = ab::next(&it)? {
        if ab::rich_compare_bool(&v, x, PY_EQ)? {
            return Ok(long::from_i64(i));
        }
        i += 1;
    }
    Err(err::value_error("sequence.index(x): x not in sequence"))
});

crate::onearg!(r_reversed, |slf, _a| { Ok(range_reversed(slf)) });

static mut RANGE_AS_NUMBER: PyNumberMethods = EMPTY_NUMBER_METHODS;
static mut RANGE_AS_SEQUENCE: PySequenceMethods = EMPTY_SEQUENCE_METHODS;
static mut RANGE_AS_MAPPING: PyMappingMethods = EMPTY_MAPPING_METHODS;

/// `range.__reduce__`: `(range, (start, stop, step))`.
unsafe extern "C" fn r_reduce(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let r = o as *mut RangeObject;
    crate::objects::tuple::new(vec![
        crate::typeobj::type_obj((*o).ob_type),
        crate::objects::tuple::new(vec![
            PyObj::from_borrowed((*r).start),
            PyObj::from_borrowed((*r).stop),
            PyObj::from_borrowed((*r).step),
        ]),
    ])
    .into_ptr()
}

pub unsafe fn init_types() {
    let t = range_type();
    (*t).tp_new = Some(range_new);
    (*t).tp_dealloc = Some(range_dealloc);
    (*t).tp_repr = Some(range_repr);
    (*t).tp_hash = Some(range_hash);
    (*t).tp_richcompare = Some(range_richcompare);
    (*t).tp_iter = Some(range_iter);
    (*t).tp_flags |= flags::SEQUENCE;
    let nb = &raw mut RANGE_AS_NUMBER;
    (*nb).nb_bool = Some(range_bool);
    (*t).tp_as_number = nb;
    let sq = &raw mut RANGE_AS_SEQUENCE;
    (*sq).sq_length = Some(range_length);
    (*sq).sq_item = Some(range_item);
    (*sq).sq_contains = Some(range_contains);
    (*t).tp_as_sequence = sq;
    let mp = &raw mut RANGE_AS_MAPPING;
    (*mp).mp_length = Some(range_length);
    (*mp).mp_subscript = Some(range_subscript);
    (*t).tp_as_mapping = mp;
    crate::objects::descr::set_members(
        t,
        &[
            ("start", T_OBJECT, std::mem::offset_of!(RangeObject, start), READONLY),
            ("stop", T_OBJECT, std::mem::offset_of!(RangeObject, stop), READONLY),
            ("step", T_OBJECT, std::mem::offset_of!(RangeObject, step), READONLY),
        ],
    );
    crate::objects::descr::set_methods(
        t,
        &[
            ("count", r_count as *const c_void, meth::O, ""),
            ("index", r_index as *const c_void, meth::O, ""),
            ("__reversed__", r_reversed as *const c_void, meth::NOARGS, ""),
            ("__reduce__", r_reduce as *const c_void, meth::NOARGS, ""),
        ],
    );
    let it = &raw mut PyRangeIter_Type;
    (*it).tp_dealloc = Some(rangeiter_dealloc);
    (*it).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*it).tp_iternext = Some(rangeiter_next);
    crate::objects::descr::set_methods(
        it,
        &[("__length_hint__", rangeiter_len as *const c_void, meth::NOARGS, "")],
    );
    let it = &raw mut PyLongRangeIter_Type;
    (*it).tp_dealloc = Some(longrangeiter_dealloc);
    (*it).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*it).tp_iternext = Some(longrangeiter_next);
    crate::objects::descr::set_methods(
        it,
        &[("__length_hint__", longrangeiter_len as *const c_void, meth::NOARGS, "")],
    );
    let _ = exceptions::PyExc_IndexError;
}
