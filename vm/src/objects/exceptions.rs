//! The built-in exception hierarchy, with CPython 3.11's instance layouts
//! (`PyBaseExceptionObject` and the structs of the subclasses that add
//! fields). The exported `PyExc_*` variables point at the static types.
//! This file owns the types, construction and the BaseException core;
//! subclass attributes and `__str__`s live in `exceptions_attrs.rs`.

#![allow(non_upper_case_globals)]

use crate::err::PyErr;
use crate::object::*;
use crate::objref::PyObj;
use crate::objects::{none, tuple, unicode};

#[repr(C)]
pub struct PyBaseExceptionObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: std::os::raw::c_char,
}

macro_rules! exc_struct {
    ($name:ident { $($f:ident : $t:ty),* }) => {
        #[repr(C)]
        pub struct $name {
            pub base: PyBaseExceptionObject,
            $(pub $f: $t,)*
        }
    };
}

exc_struct!(PyBaseExceptionGroupObject { msg: *mut PyObject, excs: *mut PyObject });
exc_struct!(PySyntaxErrorObject {
    msg: *mut PyObject, filename: *mut PyObject, lineno: *mut PyObject, offset: *mut PyObject,
    end_lineno: *mut PyObject, end_offset: *mut PyObject, text: *mut PyObject,
    print_file_and_line: *mut PyObject
});
exc_struct!(PyImportErrorObject { msg: *mut PyObject, name: *mut PyObject, path: *mut PyObject });
exc_struct!(PyUnicodeErrorObject {
    encoding: *mut PyObject, object: *mut PyObject, start: Py_ssize_t, end: Py_ssize_t,
    reason: *mut PyObject
});
exc_struct!(PySystemExitObject { code: *mut PyObject });
exc_struct!(PyOSErrorObject {
    myerrno: *mut PyObject, strerror: *mut PyObject, filename: *mut PyObject,
    filename2: *mut PyObject, written: Py_ssize_t
});
exc_struct!(PyStopIterationObject { value: *mut PyObject });
exc_struct!(PyNameErrorObject { name: *mut PyObject });
exc_struct!(PyAttributeErrorObject { obj: *mut PyObject, name: *mut PyObject });

/// Declares each exception type: its static type object, its exported
/// `PyExc_*` pointer, its Python name, its base and its instance struct.
macro_rules! exceptions {
    ($( $exc:ident / $ty:ident = $name:literal : $base:ident, $st:ty; )*) => {
        $(
            pub static mut $ty: PyTypeObject = PyTypeObject::empty(
                concat!($name, "\0").as_bytes(), std::mem::size_of::<$st>(), 0);
            #[no_mangle]
            pub static mut $exc: *mut PyTypeObject = &raw mut $ty;
        )*

        /// (type, base, name) for every built-in exception, bases first.
        pub fn all_exceptions() -> Vec<(*mut PyTypeObject, *mut PyTypeObject, &'static str)> {
            unsafe { vec![ $( ($exc, exceptions!(@base $base), $name), )* ] }
        }
    };
    (@base ROOT) => { std::ptr::null_mut() };
    (@base $b:ident) => { $b };
}

type BE = PyBaseExceptionObject;

exceptions! {
    PyExc_BaseException / _PyExc_BaseException = "BaseException": ROOT, BE;
    PyExc_BaseExceptionGroup / _PyExc_BaseExceptionGroup = "BaseExceptionGroup": PyExc_BaseException, PyBaseExceptionGroupObject;
    PyExc_GeneratorExit / _PyExc_GeneratorExit = "GeneratorExit": PyExc_BaseException, BE;
    PyExc_KeyboardInterrupt / _PyExc_KeyboardInterrupt = "KeyboardInterrupt": PyExc_BaseException, BE;
    PyExc_SystemExit / _PyExc_SystemExit = "SystemExit": PyExc_BaseException, PySystemExitObject;
    PyExc_Exception / _PyExc_Exception = "Exception": PyExc_BaseException, BE;
    PyExc_ArithmeticError / _PyExc_ArithmeticError = "ArithmeticError": PyExc_Exception, BE;
    PyExc_FloatingPointError / _PyExc_FloatingPointError = "FloatingPointError": PyExc_ArithmeticError, BE;
    PyExc_OverflowError / _PyExc_OverflowError = "OverflowError": PyExc_ArithmeticError, BE;
    PyExc_ZeroDivisionError / _PyExc_ZeroDivisionError = "ZeroDivisionError": PyExc_ArithmeticError, BE;
    PyExc_AssertionError / _PyExc_AssertionError = "AssertionError": PyExc_Exception, BE;
    PyExc_AttributeError / _PyExc_AttributeError = "AttributeError": PyExc_Exception, PyAttributeErrorObject;
    PyExc_BufferError / _PyExc_BufferError = "BufferError": PyExc_Exception, BE;
    PyExc_EOFError / _PyExc_EOFError = "EOFError": PyExc_Exception, BE;
    PyExc_ExceptionGroup / _PyExc_ExceptionGroup = "ExceptionGroup": PyExc_BaseExceptionGroup, PyBaseExceptionGroupObject;
    PyExc_ImportError / _PyExc_ImportError = "ImportError": PyExc_Exception, PyImportErrorObject;
    PyExc_ModuleNotFoundError / _PyExc_ModuleNotFoundError = "ModuleNotFoundError": PyExc_ImportError, PyImportErrorObject;
    PyExc_LookupError / _PyExc_LookupError = "LookupError": PyExc_Exception, BE;
    PyExc_IndexError / _PyExc_IndexError = "IndexError": PyExc_LookupError, BE;
    PyExc_KeyError / _PyExc_KeyError = "KeyError": PyExc_LookupError, BE;
    PyExc_MemoryError / _PyExc_MemoryError = "MemoryError": PyExc_Exception, BE;
    PyExc_NameError / _PyExc_NameError = "NameError": PyExc_Exception, PyNameErrorObject;
    PyExc_UnboundLocalError / _PyExc_UnboundLocalError = "UnboundLocalError": PyExc_NameError, PyNameErrorObject;
    PyExc_OSError / _PyExc_OSError = "OSError": PyExc_Exception, PyOSErrorObject;
    PyExc_BlockingIOError / _PyExc_BlockingIOError = "BlockingIOError": PyExc_OSError, PyOSErrorObject;
    PyExc_ChildProcessError / _PyExc_ChildProcessError = "ChildProcessError": PyExc_OSError, PyOSErrorObject;
    PyExc_ConnectionError / _PyExc_ConnectionError = "ConnectionError": PyExc_OSError, PyOSErrorObject;
    PyExc_BrokenPipeError / _PyExc_BrokenPipeError = "BrokenPipeError": PyExc_ConnectionError, PyOSErrorObject;
    PyExc_ConnectionAbortedError / _PyExc_ConnectionAbortedError = "ConnectionAbortedError": PyExc_ConnectionError, PyOSErrorObject;
    PyExc_ConnectionRefusedError / _PyExc_ConnectionRefusedError = "ConnectionRefusedError": PyExc_ConnectionError, PyOSErrorObject;
    PyExc_ConnectionResetError / _PyExc_ConnectionResetError = "ConnectionResetError": PyExc_ConnectionError, PyOSErrorObject;
    PyExc_FileExistsError / _PyExc_FileExistsError = "FileExistsError": PyExc_OSError, PyOSErrorObject;
    PyExc_FileNotFoundError / _PyExc_FileNotFoundError = "FileNotFoundError": PyExc_OSError, PyOSErrorObject;
    PyExc_InterruptedError / _PyExc_InterruptedError = "InterruptedError": PyExc_OSError, PyOSErrorObject;
    PyExc_IsADirectoryError / _PyExc_IsADirectoryError = "IsADirectoryError": PyExc_OSError, PyOSErrorObject;
    PyExc_NotADirectoryError / _PyExc_NotADirectoryError = "NotADirectoryError": PyExc_OSError, PyOSErrorObject;
    PyExc_PermissionError / _PyExc_PermissionError = "PermissionError": PyExc_OSError, PyOSErrorObject;
    PyExc_ProcessLookupError / _PyExc_ProcessLookupError = "ProcessLookupError": PyExc_OSError, PyOSErrorObject;
    PyExc_TimeoutError / _PyExc_TimeoutError = "TimeoutError": PyExc_OSError, PyOSErrorObject;
    PyExc_ReferenceError / _PyExc_ReferenceError = "ReferenceError": PyExc_Exception, BE;
    PyExc_RuntimeError / _PyExc_RuntimeError = "RuntimeError": PyExc_Exception, BE;
    PyExc_NotImplementedError / _PyExc_NotImplementedError = "NotImplementedError": PyExc_RuntimeError, BE;
    PyExc_RecursionError / _PyExc_RecursionError = "RecursionError": PyExc_RuntimeError, BE;
    PyExc_StopAsyncIteration / _PyExc_StopAsyncIteration = "StopAsyncIteration": PyExc_Exception, BE;
    PyExc_StopIteration / _PyExc_StopIteration = "StopIteration": PyExc_Exception, PyStopIterationObject;
    PyExc_SyntaxError / _PyExc_SyntaxError = "SyntaxError": PyExc_Exception, PySyntaxErrorObject;
    PyExc_IndentationError / _PyExc_IndentationError = "IndentationError": PyExc_SyntaxError, PySyntaxErrorObject;
    PyExc_TabError / _PyExc_TabError = "TabError": PyExc_IndentationError, PySyntaxErrorObject;
    PyExc_SystemError / _PyExc_SystemError = "SystemError": PyExc_Exception, BE;
    PyExc_TypeError / _PyExc_TypeError = "TypeError": PyExc_Exception, BE;
    PyExc_ValueError / _PyExc_ValueError = "ValueError": PyExc_Exception, BE;
    PyExc_UnicodeError / _PyExc_UnicodeError = "UnicodeError": PyExc_ValueError, PyUnicodeErrorObject;
    PyExc_UnicodeDecodeError / _PyExc_UnicodeDecodeError = "UnicodeDecodeError": PyExc_UnicodeError, PyUnicodeErrorObject;
    PyExc_UnicodeEncodeError / _PyExc_UnicodeEncodeError = "UnicodeEncodeError": PyExc_UnicodeError, PyUnicodeErrorObject;
    PyExc_UnicodeTranslateError / _PyExc_UnicodeTranslateError = "UnicodeTranslateError": PyExc_UnicodeError, PyUnicodeErrorObject;
    PyExc_Warning / _PyExc_Warning = "Warning": PyExc_Exception, BE;
    PyExc_BytesWarning / _PyExc_BytesWarning = "BytesWarning": PyExc_Warning, BE;
    PyExc_DeprecationWarning / _PyExc_DeprecationWarning = "DeprecationWarning": PyExc_Warning, BE;
    PyExc_EncodingWarning / _PyExc_EncodingWarning = "EncodingWarning": PyExc_Warning, BE;
    PyExc_FutureWarning / _PyExc_FutureWarning = "FutureWarning": PyExc_Warning, BE;
    PyExc_ImportWarning / _PyExc_ImportWarning = "ImportWarning": PyExc_Warning, BE;
    PyExc_PendingDeprecationWarning / _PyExc_PendingDeprecationWarning = "PendingDeprecationWarning": PyExc_Warning, BE;
    PyExc_ResourceWarning / _PyExc_ResourceWarning = "ResourceWarning": PyExc_Warning, BE;
    PyExc_RuntimeWarning / _PyExc_RuntimeWarning = "RuntimeWarning": PyExc_Warning, BE;
    PyExc_SyntaxWarning / _PyExc_SyntaxWarning = "SyntaxWarning": PyExc_Warning, BE;
    PyExc_UnicodeWarning / _PyExc_UnicodeWarning = "UnicodeWarning": PyExc_Warning, BE;
    PyExc_UserWarning / _PyExc_UserWarning = "UserWarning": PyExc_Warning, BE;
}

/// CPython's aliases of OSError.
#[no_mangle]
pub static mut PyExc_EnvironmentError: *mut PyTypeObject = &raw mut _PyExc_OSError;
#[no_mangle]
pub static mut PyExc_IOError: *mut PyTypeObject = &raw mut _PyExc_OSError;

#[inline(always)]
pub unsafe fn raw(o: &PyObj) -> *mut PyBaseExceptionObject {
    o.as_ptr() as *mut PyBaseExceptionObject
}

pub fn is_exception_instance(o: &PyObj) -> bool {
    unsafe { (*o.ob_type()).tp_flags & flags::BASE_EXC_SUBCLASS != 0 }
}

pub fn is_exception_type(tp: *mut PyTypeObject) -> bool {
    unsafe { (*tp).tp_flags & flags::BASE_EXC_SUBCLASS != 0 }
}

/// Creates an exception instance by calling its type (so subclass
/// `__init__`s set their attributes), falling back to a bare instance.
pub fn new_with_args(tp: *mut PyTypeObject, args: &[PyObj]) -> PyErr {
    let t = unsafe { PyObj::from_borrowed(tp as *mut PyObject) };
    match crate::abstract_::call(&t, args, None) {
        Ok(o) if is_exception_instance(&o) => PyErr(o),
        Ok(o) => PyErr(
            new_with_message(unsafe { PyExc_TypeError }, &format!(
                "calling {} should have returned an instance of BaseException, not {}",
                crate::typeobj::type_name(tp),
                crate::typeobj::type_name(o.ob_type())
            ))
            .0,
        ),
        Err(e) => e,
    }
}

/// Creates an exception with a single message argument, without running
/// Python code for the built-in types (the common, hot case).
pub fn new_with_message(tp: *mut PyTypeObject, msg: &str) -> PyErr {
    unsafe {
        if (*tp).tp_flags & flags::HEAPTYPE == 0 {
            let o = crate::alloc::alloc_object(tp, 0);
            let o = PyObj::from_owned(o);
            let args = tuple::new(vec![unicode::new(msg)]);
            init_base_fields(&o, args);
            return PyErr(o);
        }
        new_with_args(tp, &[unicode::new(msg)])
    }
}

/// Fills the base fields of a fresh built-in exception; subclass fields are
/// derived from args the way their `__init__` does.
pub unsafe fn init_base_fields(o: &PyObj, args: PyObj) {
    let r = raw(o);
    let old = std::mem::replace(&mut (*r).args, args.into_ptr());
    crate::objref::xdecref(old);
    crate::objects::exceptions_attrs::init_all_fields(o);
}

pub fn args(o: &PyObj) -> PyObj {
    unsafe {
        let a = (*raw(o)).args;
        if a.is_null() {
            tuple::empty()
        } else {
            PyObj::from_borrowed(a)
        }
    }
}

macro_rules! field_accessors {
    ($($get:ident, $set:ident => $f:ident;)*) => {$(
        pub fn $get(o: &PyObj) -> Option<PyObj> {
            unsafe {
                let p = (*raw(o)).$f;
                if p.is_null() || p == none::none_ptr() { None } else { Some(PyObj::from_borrowed(p)) }
            }
        }
        pub fn $set(o: &PyObj, v: Option<PyObj>) {
            unsafe {
                let r = raw(o);
                let old = std::mem::replace(&mut (*r).$f, v.map(|v| v.into_ptr()).unwrap_or(std::ptr::null_mut()));
                crate::objref::xdecref(old);
            }
        }
    )*};
}

field_accessors! {
    traceback, set_traceback => traceback;
    context, set_context => context;
    cause, set_cause => cause;
    notes, set_notes => notes;
}

pub fn suppress_context(o: &PyObj) -> bool {
    unsafe { (*raw(o)).suppress_context != 0 }
}

pub fn set_suppress_context(o: &PyObj, v: bool) {
    unsafe { (*raw(o)).suppress_context = v as _ }
}

/// A UnicodeEncodeError(encoding, object, start, end, reason).
pub fn unicode_encode_error(encoding: &str, obj: &PyObj, start: usize, end: usize, reason: &str) -> PyErr {
    new_with_args(
        unsafe { PyExc_UnicodeEncodeError },
        &[
            unicode::new(encoding),
            obj.clone(),
            crate::objects::long::from_usize(start),
            crate::objects::long::from_usize(end),
            unicode::new(reason),
        ],
    )
}

/// StopIteration carrying `value` (a generator's return value).
pub fn stop_iteration(value: PyObj) -> PyErr {
    unsafe {
        let o = PyObj::from_owned(crate::alloc::alloc_object(PyExc_StopIteration, 0));
        let args = if none::is_none(&value) { tuple::empty() } else { tuple::new(vec![value]) };
        init_base_fields(&o, args);
        PyErr(o)
    }
}

/// The `value` of a StopIteration instance.
pub fn stop_iteration_value(o: &PyObj) -> PyObj {
    unsafe {
        let p = (*(o.as_ptr() as *mut PyStopIterationObject)).value;
        if p.is_null() {
            none::none()
        } else {
            PyObj::from_borrowed(p)
        }
    }
}

/// A bare StopIteration() (no value).
pub fn stop_iteration_empty() -> PyErr {
    new_with_args(unsafe { PyExc_StopIteration }, &[])
}
