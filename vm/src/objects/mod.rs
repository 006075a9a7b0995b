//! Built-in types, one file per type (named after CPython's
//! `Objects/<type>object.c`), and their registration.

pub mod boolobject;
pub mod bytearray;
pub mod bytes;
pub mod bytes_methods;
pub mod cell;
pub mod classobject;
pub mod code;
pub mod code_attrs;
pub mod code_marshal;
pub mod compileobj;
pub mod complex;
pub mod complex_methods;
pub mod descr;
pub mod dict;
pub mod dict_methods;
pub mod docs;
pub mod docstrings;
pub mod enumobject;
pub mod exceptiongroup;
pub mod exceptions;
pub mod exceptions_attrs;
pub mod fileopen;
pub mod float;
pub mod float_methods;
pub mod frame;
pub mod funcdescr;
pub mod function;
pub mod genobject;
pub mod iterobject;
pub mod list;
pub mod list_methods;
pub mod long;
pub mod long_methods;
pub mod mappingproxy;
pub mod memoryview;
pub mod methodobject;
pub mod module;
pub mod namespace;
pub mod none;
pub mod object_reduce;
pub mod rangeobject;
pub mod setobject;
pub mod slice;
pub mod slice_methods;
pub mod structseq;
pub mod superobject;
pub mod textio;
pub mod traceback;
pub mod tuple;
pub mod tuple_methods;
pub mod typeobj_attrs;
pub mod unicode;
pub mod unicode_methods;
pub mod unionobject;
pub mod weakref;

use crate::object::PyTypeObject;
use crate::objref::PyObj;

/// The types exposed by name in `builtins`.
pub fn builtin_types() -> Vec<(&'static str, *mut PyTypeObject)> {
    unsafe {
        vec![
            ("object", crate::typeobj::object_type()),
            ("type", crate::typeobj::type_type()),
            ("int", long::long_type()),
            ("bool", boolobject::bool_type()),
            ("float", float::float_type()),
            ("complex", complex::complex_type()),
            ("str", unicode::str_type()),
            ("bytes", bytes::bytes_type()),
            ("bytearray", bytearray::bytearray_type()),
            ("list", list::list_type()),
            ("tuple", tuple::tuple_type()),
            ("dict", dict::dict_type()),
            ("set", setobject::set_type()),
            ("frozenset", setobject::frozenset_type()),
            ("range", rangeobject::range_type()),
            ("slice", slice::slice_type()),
            ("memoryview", memoryview::memoryview_type()),
            ("property", &raw mut funcdescr::PyProperty_Type),
            ("staticmethod", &raw mut funcdescr::PyStaticMethod_Type),
            ("classmethod", &raw mut funcdescr::PyClassMethod_Type),
            ("super", superobject::super_type()),
            ("enumerate", enumobject::enumerate_type()),
            ("reversed", enumobject::reversed_type()),
            ("zip", enumobject::zip_type()),
            ("map", enumobject::map_type()),
            ("filter", enumobject::filter_type()),
        ]
    }
}

/// Every static type that must be readied at start-up.
fn all_static_types() -> Vec<*mut PyTypeObject> {
    let mut v: Vec<*mut PyTypeObject> = builtin_types().into_iter().map(|(_, t)| t).collect();
    unsafe {
        v.extend([
            &raw mut none::_PyNone_Type,
            &raw mut none::_PyNotImplemented_Type,
            &raw mut slice::PyEllipsis_Type,
            cell::cell_type(),
            code::code_type(),
            frame::frame_type(),
            function::function_type(),
            classobject::method_type(),
            methodobject::cfunction_type(),
            module::module_type(),
            traceback::traceback_type(),
            &raw mut descr::PyMethodDescr_Type,
            &raw mut descr::PyClassMethodDescr_Type,
            &raw mut descr::PyMemberDescr_Type,
            &raw mut descr::PyGetSetDescr_Type,
            &raw mut descr::PyWrapperDescr_Type,
            &raw mut descr::_PyMethodWrapper_Type,
            &raw mut iterobject::PySeqIter_Type,
            &raw mut iterobject::PyCallIter_Type,
            &raw mut genobject::PyGen_Type,
            &raw mut genobject::PyCoro_Type,
            &raw mut genobject::PyAsyncGen_Type,
            &raw mut genobject::_PyCoroWrapper_Type,
            &raw mut genobject::_PyAsyncGenWrappedValue_Type,
            &raw mut genobject::_PyAsyncGenASend_Type,
            &raw mut genobject::_PyAsyncGenAThrow_Type,
            &raw mut genobject::_PyAnextAwaitable_Type,
            &raw mut textio::PyTextFile_Type,
            &raw mut textio::PyBinaryFile_Type,
        ]);
        v.extend(mappingproxy::types());
        v.extend(namespace::types());
        v.extend(unionobject::types());
        v.extend(dict_methods::types());
        v.extend(setobject::extra_types());
        v.extend(list_methods::types());
        v.extend(tuple_methods::types());
        v.extend(unicode_methods::types());
        v.extend(bytes_methods::types());
        v.extend(rangeobject::extra_types());
        v.extend(enumobject::extra_types());
        v.extend(weakref::types());
    }
    v
}

/// Sets every built-in type's slots and readies it. Called once at start-up.
pub unsafe fn init_types() -> crate::err::PyResult<()> {
    crate::typeobj::init_types();
    descr::init_types();
    methodobject::init_type();
    unicode::init_type();
    unicode_methods::init_type();
    dict::init_type();
    dict_methods::init_type();
    tuple::init_type();
    tuple_methods::init_type();
    list::init_type();
    list_methods::init_type();
    long::init_type();
    long_methods::init_type();
    boolobject::init_type();
    float::init_type();
    float_methods::init_type();
    complex::init_type();
    complex_methods::init_type();
    bytes::init_type();
    bytes_methods::init_type();
    bytearray::init_type();
    none::init_type();
    slice::init_type();
    cell::init_type();
    code::init_type();
    frame::init_type();
    function::init_type();
    classobject::init_type();
    module::init_type();
    traceback::init_type();
    iterobject::init_types();
    genobject::init_types();
    funcdescr::init_types();
    superobject::init_type();
    setobject::init_types();
    rangeobject::init_types();
    enumobject::init_types();
    memoryview::init_type();
    mappingproxy::init_types();
    namespace::init_types();
    unionobject::init_types();
    weakref::init_types();
    textio::init_types();
    structseq::init();
    // Types whose class patterns match the subject itself (`case str(x):`).
    for t in [unicode::str_type(), bytes::bytes_type(), bytearray::bytearray_type(), list::list_type(),
              tuple::tuple_type(), dict::dict_type(), setobject::set_type(), setobject::frozenset_type(),
              long::long_type(), float::float_type(), boolobject::bool_type()] {
        (*t).tp_flags |= crate::object::flags::MATCH_SELF;
    }
    // Sequences for `match` (Py_TPFLAGS_SEQUENCE) among the types above.
    for t in [memoryview::memoryview_type(), rangeobject::range_type()] {
        (*t).tp_flags |= crate::object::flags::SEQUENCE;
    }
    // Exceptions: set bases, then ready in hierarchy order.
    for (tp, base, _) in exceptions::all_exceptions() {
        if !base.is_null() {
            (*tp).tp_base = base;
        }
    }
    exceptions_attrs::init_types();
    // `object` and `type` first; then everything else.
    crate::typeobj::ready(crate::typeobj::object_type())?;
    crate::typeobj::ready(crate::typeobj::type_type())?;
    for t in all_static_types() {
        crate::typeobj::ready(t)?;
    }
    for (tp, _, _) in exceptions::all_exceptions() {
        crate::typeobj::ready(tp)?;
    }
    Ok(())
}

/// "f()" naming used in call-argument errors (`f() argument after ** ...`).
pub fn funcname_for_errors(f: &PyObj) -> String {
    if let Ok(Some(q)) = crate::abstract_::getattr_str_opt(f, "__qualname__") {
        if unicode::is_str(&q) {
            // CPython's _PyObject_FunctionStr: module-qualified unless builtins.
            if let Ok(Some(m)) = crate::abstract_::getattr_str_opt(f, "__module__") {
                if unicode::is_str(&m) && !unicode::eq_str(&m, "builtins") {
                    return format!("{}.{}()", unicode::to_string_lossy(&m), unicode::to_string_lossy(&q));
                }
            }
            return format!("{}()", unicode::to_string_lossy(&q));
        }
    }
    if let Ok(Some(q)) = crate::abstract_::getattr_str_opt(f, "__name__") {
        if unicode::is_str(&q) {
            return format!("{}()", unicode::to_string_lossy(&q));
        }
    }
    format!("{} object", crate::typeobj::type_name(f.ob_type()))
}
