//! abstract.h (object, number, sequence, mapping and iterator protocols):
//! `PyObject_GetItem`/`SetItem`/`Length`/`GetIter`/`IsInstance`,
//! `PyNumber_*`, `PySequence_*`, `PyMapping_*`, `PyIter_Next`. Calls are
//! in call.rs.

use crate::util::*;
use std::os::raw::{c_char, c_int};
use vm::abstract_ as ab;
use vm::bytecode as bc;
use vm::err::{self, PyResult};
use vm::object::{PyObject, Py_ssize_t};
use vm::objects::{dict, list, long, tuple, unicode};
use vm::typeobj::type_name;

fn len_result(r: PyResult<usize>) -> Py_ssize_t {
    match r {
        Ok(n) => n as Py_ssize_t,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

/// Checks two operands for NULL (a failed call passed straight in).
unsafe fn obj2(a: *mut PyObject, c: *mut PyObject) -> PyResult<()> {
    if a.is_null() || c.is_null() {
        return Err(if err::occurred() { err::fetch() } else { bad_internal_call() });
    }
    Ok(())
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetItem(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    if o.is_null() || k.is_null() {
        return ret(Err(bad_internal_call()));
    }
    ret(ab::getitem(b(&o), b(&k)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_SetItem(o: *mut PyObject, k: *mut PyObject, v: *mut PyObject) -> c_int {
    if o.is_null() || k.is_null() || v.is_null() {
        return ret_int(Err(bad_internal_call()));
    }
    ret_int(ab::setitem(b(&o), b(&k), Some(b(&v))))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_DelItem(o: *mut PyObject, k: *mut PyObject) -> c_int {
    if o.is_null() || k.is_null() {
        return ret_int(Err(bad_internal_call()));
    }
    ret_int(ab::setitem(b(&o), b(&k), None))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_DelItemString(o: *mut PyObject, k: *const c_char) -> c_int {
    let key = unicode::new(&cstr(k));
    PyObject_DelItem(o, key.as_ptr())
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Size(o: *mut PyObject) -> Py_ssize_t {
    if o.is_null() {
        return len_result(Err(bad_internal_call()));
    }
    len_result(ab::len(b(&o)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_Length(o: *mut PyObject) -> Py_ssize_t {
    PyObject_Size(o)
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetIter(o: *mut PyObject) -> *mut PyObject {
    ret(ab::get_iter(b(&o)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_IsInstance(o: *mut PyObject, cls: *mut PyObject) -> c_int {
    ret_bool(ab::isinstance(b(&o), b(&cls)))
}
#[no_mangle]
pub unsafe extern "C" fn PyObject_IsSubclass(o: *mut PyObject, cls: *mut PyObject) -> c_int {
    ret_bool(ab::issubclass(b(&o), b(&cls)))
}

/// `PyIter_Next`: the next item, or NULL with no exception at the end.
#[no_mangle]
pub unsafe extern "C" fn PyIter_Next(it: *mut PyObject) -> *mut PyObject {
    match ab::next(b(&it)) {
        Ok(Some(v)) => v.into_ptr(),
        Ok(None) => std::ptr::null_mut(),
        Err(e) => ret(Err(e)),
    }
}
#[no_mangle]
pub unsafe extern "C" fn PyIter_Check(o: *mut PyObject) -> c_int {
    (*(*o).ob_type).tp_iternext.is_some() as c_int
}

macro_rules! binop {
    ($($name:ident => $op:expr;)*) => {$(
        #[no_mangle]
        pub unsafe extern "C" fn $name(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
            ret(obj2(v, w).and_then(|_| ab::binary_op(b(&v), b(&w), $op)))
        }
    )*};
}
binop! {
    PyNumber_Add => bc::NB_ADD;
    PyNumber_Subtract => bc::NB_SUBTRACT;
    PyNumber_Multiply => bc::NB_MULTIPLY;
    PyNumber_MatrixMultiply => bc::NB_MATRIX_MULTIPLY;
    PyNumber_FloorDivide => bc::NB_FLOOR_DIVIDE;
    PyNumber_TrueDivide => bc::NB_TRUE_DIVIDE;
    PyNumber_Remainder => bc::NB_REMAINDER;
    PyNumber_Lshift => bc::NB_LSHIFT;
    PyNumber_Rshift => bc::NB_RSHIFT;
    PyNumber_And => bc::NB_AND;
    PyNumber_Or => bc::NB_OR;
    PyNumber_Xor => bc::NB_XOR;
    PyNumber_InPlaceAdd => bc::NB_ADD + bc::NB_INPLACE_OFFSET;
    PyNumber_InPlaceSubtract => bc::NB_SUBTRACT + bc::NB_INPLACE_OFFSET;
    PyNumber_InPlaceMultiply => bc::NB_MULTIPLY + bc::NB_INPLACE_OFFSET;
    PyNumber_InPlaceMatrixMultiply => bc::NB_MATRIX_MULTIPLY + bc::NB_INPLACE_OFFSET;
    PyNumber_InPlaceFloorDivide => bc::NB_FLOOR_DIVIDE + bc::NB_INPLACE_OFFSET;
    PyNumber_InPlaceTrueDivide => bc::NB_TRUE_DIVIDE + bc::NB_INPLACE_OFFSET;
    PyNumber_InPlaceRemainder => bc::NB_REMAINDER + bc::NB_INPLACE_OFFSET;
    PyNumber_InPlaceLshift => bc::NB_LSHIFT + bc::NB_INPLACE_OFFSET;
    PyNumber_InPlaceRshift => bc::NB_RSHIFT + bc::NB_INPLACE_OFFSET;
    PyNumber_InPlaceAnd => bc::NB_AND + bc::NB_INPLACE_OFFSET;
    PyNumber_InPlaceOr => bc::NB_OR + bc::NB_INPLACE_OFFSET;
    PyNumber_InPlaceXor => bc::NB_XOR + bc::NB_INPLACE_OFFSET;
}

#[no_mangle]
pub unsafe extern "C" fn PyNumber_Divmod(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    ret(obj2(v, w).and_then(|_| ab::divmod(b(&v), b(&w))))
}
#[no_mangle]
pub unsafe extern "C" fn PyNumber_Power(v: *mut PyObject, w: *mut PyObject, z: *mut PyObject) -> *mut PyObject {
    ret(obj2(v, w).and_then(|_| ab::power(b(&v), b(&w), b(&z))))
}

macro_rules! unop {
    ($($name:ident => $f:path;)*) => {$(
        #[no_mangle]
        pub unsafe extern "C" fn $name(o: *mut PyObject) -> *mut PyObject {
            ret(nonnull(o).and_then(|_| $f(b(&o))))
        }
    )*};
}
unop! {
    PyNumber_Negative => ab::negative;
    PyNumber_Positive => ab::positive;
    PyNumber_Invert => ab::invert;
    PyNumber_Absolute => ab::absolute;
    PyNumber_Index => ab::index;
    PyNumber_Long => vm::objects::long_methods::number_long;
    PyNumber_Float => vm::objects::float_methods::number_float;
}

#[no_mangle]
pub unsafe extern "C" fn PyNumber_Check(o: *mut PyObject) -> c_int {
    if o.is_null() {
        return 0;
    }
    let nm = (*(*o).ob_type).tp_as_number;
    let num = !nm.is_null() && ((*nm).nb_index.is_some() || (*nm).nb_int.is_some() || (*nm).nb_float.is_some());
    (num || vm::typeobj::is_subtype((*o).ob_type, vm::objects::complex::complex_type())) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyIndex_Check(o: *mut PyObject) -> c_int {
    ab::has_index(b(&o)) as c_int
}
/// `PyNumber_AsSsize_t`: clamps on overflow when `exc` is NULL, else
/// raises `exc` with CPython's message.
#[no_mangle]
pub unsafe extern "C" fn PyNumber_AsSsize_t(o: *mut PyObject, exc: *mut PyObject) -> Py_ssize_t {
    let exc = if exc.is_null() { None } else { Some(exc as *mut vm::object::PyTypeObject) };
    match nonnull(o).and_then(|_| ab::index_to_ssize(b(&o), exc)) {
        Ok(v) => v,
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_Check(o: *mut PyObject) -> c_int {
    if dict::is_dict(b(&o)) {
        return 0;
    }
    let sq = (*(*o).ob_type).tp_as_sequence;
    (!sq.is_null() && (*sq).sq_item.is_some()) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_Size(o: *mut PyObject) -> Py_ssize_t {
    if o.is_null() {
        return len_result(Err(bad_internal_call()));
    }
    let sq = (*(*o).ob_type).tp_as_sequence;
    if !sq.is_null() {
        if let Some(f) = (*sq).sq_length {
            return f(o);
        }
    }
    let mp = (*(*o).ob_type).tp_as_mapping;
    let msg = if !mp.is_null() && (*mp).mp_length.is_some() {
        format!("{} is not a sequence", type_name((*o).ob_type))
    } else {
        format!("object of type '{}' has no len()", type_name((*o).ob_type))
    };
    len_result(Err(err::type_error(msg)))
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_Length(o: *mut PyObject) -> Py_ssize_t {
    PySequence_Size(o)
}
/// `o[i]` through `sq_item`, negative indices adjusted by the length.
#[no_mangle]
pub unsafe extern "C" fn PySequence_GetItem(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if o.is_null() {
        return ret(Err(bad_internal_call()));
    }
    let sq = (*(*o).ob_type).tp_as_sequence;
    if !sq.is_null() {
        if let Some(f) = (*sq).sq_item {
            let mut i = i;
            if i < 0 {
                if let Some(l) = (*sq).sq_length {
                    let n = l(o);
                    if n < 0 {
                        return std::ptr::null_mut();
                    }
                    i += n;
                }
            }
            return f(o, i);
        }
    }
    let msg = if !(*(*o).ob_type).tp_as_mapping.is_null() && (*(*(*o).ob_type).tp_as_mapping).mp_subscript.is_some() {
        format!("{} is not a sequence", type_name((*o).ob_type))
    } else {
        format!("'{}' object does not support indexing", type_name((*o).ob_type))
    };
    ret(Err(err::type_error(msg)))
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_SetItem(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    let k = long::from_i64(i as i64);
    let v = if v.is_null() { None } else { Some(b(&v)) };
    ret_int(ab::setitem(b(&o), &k, v))
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_DelItem(o: *mut PyObject, i: Py_ssize_t) -> c_int {
    PySequence_SetItem(o, i, std::ptr::null_mut())
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_Contains(o: *mut PyObject, v: *mut PyObject) -> c_int {
    ret_bool(ab::contains(b(&o), b(&v)))
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_Concat(a: *mut PyObject, c: *mut PyObject) -> *mut PyObject {
    ret(obj2(a, c).and_then(|_| ab::binary_op(b(&a), b(&c), bc::NB_ADD)))
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_Tuple(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        return ret(Err(bad_internal_call()));
    }
    let ob = b(&o);
    if tuple::is_exact_tuple(ob) {
        return ob.clone().into_ptr();
    }
    ret(ab::iterate(ob).map(tuple::new))
}
#[no_mangle]
pub unsafe extern "C" fn PySequence_List(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        return ret(Err(bad_internal_call()));
    }
    ret(ab::iterate(b(&o)).map(list::new))
}
/// `PySequence_Fast`: the list or tuple itself, else a new list; a
/// non-iterable raises TypeError with the caller's message.
#[no_mangle]
pub unsafe extern "C" fn PySequence_Fast(o: *mut PyObject, m: *const c_char) -> *mut PyObject {
    if o.is_null() {
        return ret(Err(bad_internal_call()));
    }
    let ob = b(&o);
    if list::is_exact_list(ob) || tuple::is_exact_tuple(ob) {
        return ob.clone().into_ptr();
    }
    let it = match ab::get_iter(ob) {
        Ok(it) => it,
        Err(e) => {
            if e.matches(vm::objects::exceptions::PyExc_TypeError) {
                return ret(Err(err::type_error(cstr(m))));
            }
            return ret(Err(e));
        }
    };
    ret(ab::iterate(&it).map(list::new))
}
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Check(o: *mut PyObject) -> c_int {
    let mp = (*(*o).ob_type).tp_as_mapping;
    (!mp.is_null() && (*mp).mp_subscript.is_some()) as c_int
}
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Size(o: *mut PyObject) -> Py_ssize_t {
    PyObject_Size(o)
}
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Length(o: *mut PyObject) -> Py_ssize_t {
    PyObject_Size(o)
}
#[no_mangle]
pub unsafe extern "C" fn PyMapping_GetItemString(o: *mut PyObject, k: *const c_char) -> *mut PyObject {
    let key = unicode::new(&cstr(k));
    PyObject_GetItem(o, key.as_ptr())
}
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Keys(o: *mut PyObject) -> *mut PyObject {
    mapping_view(o, "keys")
}
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Values(o: *mut PyObject) -> *mut PyObject {
    mapping_view(o, "values")
}
#[no_mangle]
pub unsafe extern "C" fn PyMapping_Items(o: *mut PyObject) -> *mut PyObject {
    mapping_view(o, "items")
}
unsafe fn mapping_view(o: *mut PyObject, meth: &str) -> *mut PyObject {
    if o.is_null() {
        return ret(Err(bad_internal_call()));
    }
    let ob = b(&o);
    if dict::is_exact_dict(ob) {
        return match meth {
            "keys" => list::new(dict::keys_vec(ob)),
            "values" => list::new(dict::values_vec(ob)),
            _ => list::new(dict::items_vec(ob).into_iter().map(|(k, v)| tuple::pair(k, v)).collect()),
        }
        .into_ptr();
    }
    ret(ab::call_method(ob, meth, &[]).and_then(|v| ab::iterate(&v)).map(list::new))
}
