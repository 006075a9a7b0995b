//! `builtin_function_or_method` (`PyCFunctionObject`): a `PyMethodDef`
//! bound to a module or an object, and the one place that calls a
//! `PyMethodDef` with each `METH_*` convention. Also the helpers Rust code
//! uses to declare method tables and to check argument counts.

use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::{dict, tuple, unicode};
use crate::objref::PyObj;
use std::ffi::CStr;
use std::os::raw::c_void;

#[repr(C)]
pub struct PyCFunctionObject {
    pub ob_base: PyObject,
    pub m_ml: *mut PyMethodDef,
    pub m_self: *mut PyObject,
    pub m_module: *mut PyObject,
    pub m_weakreflist: *mut PyObject,
    pub vectorcall: Option<vectorcallfunc>,
}

#[no_mangle]
pub static mut PyCFunction_Type: PyTypeObject = PyTypeObject::empty(
    b"builtin_function_or_method\0",
    std::mem::size_of::<PyCFunctionObject>(),
    0,
);

pub fn cfunction_type() -> *mut PyTypeObject {
    &raw mut PyCFunction_Type
}

pub type FastFn = unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, isize) -> *mut PyObject;
pub type FastKwFn =
    unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, isize, *mut PyObject) -> *mut PyObject;
pub type VarKwFn = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
pub type MethodFn = unsafe extern "C" fn(
    *mut PyObject,
    *mut PyTypeObject,
    *const *mut PyObject,
    isize,
    *mut PyObject,
) -> *mut PyObject;

pub fn method_name(ml: *mut PyMethodDef) -> String {
    unsafe { CStr::from_ptr((*ml).ml_name).to_string_lossy().into_owned() }
}

/// Calls a `PyMethodDef` with `slf` and vectorcall-style arguments.
/// `qualname` is used in argument-count errors ("len() takes ...").
pub unsafe fn call_method_def(
    ml: *mut PyMethodDef,
    slf: *mut PyObject,
    defining_class: *mut PyTypeObject,
    args: &[PyObj],
    kwnames: Option<&PyObj>,
    qualname: &dyn Fn() -> String,
) -> PyResult {
    let fl = (*ml).ml_flags & !(meth::CLASS | meth::STATIC | meth::COEXIST);
    let Some(f) = (*ml).ml_meth else {
        return Err(err::system_error(format!("{}() method: no C function", qualname())));
    };
    let nk = kwnames.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    crate::interp::enter_recursive_call(" while calling a Python object")?;
    // C code must return NULL exactly when it sets an exception
    // (CPython's _Py_CheckFunctionResult).
    let checked = |p: *mut PyObject| checked_result(ml, p);
    let r = match fl {
        meth::NOARGS => {
            if nk > 0 {
                Err(err::type_error(format!("{}() takes no keyword arguments", qualname())))
            } else if np != 0 {
                Err(err::type_error(format!("{}() takes no arguments ({} given)", qualname(), np)))
            } else {
                checked(f(slf, std::ptr::null_mut()))
            }
        }
        meth::O => {
            if nk > 0 {
                Err(err::type_error(format!("{}() takes no keyword arguments", qualname())))
            } else if np != 1 {
                Err(err::type_error(format!(
                    "{}() takes exactly one argument ({} given)",
                    qualname(),
                    np
                )))
            } else {
                checked(f(slf, args[0].as_ptr()))
            }
        }
        meth::FASTCALL => {
            if nk > 0 {
                Err(err::type_error(format!("{}() takes no keyword arguments", qualname())))
            } else {
                let ff: FastFn = std::mem::transmute(f);
                checked(ff(slf, args.as_ptr() as *const *mut PyObject, np as isize))
            }
        }
        x if x == meth::FASTCALL | meth::KEYWORDS => {
            let ff: FastKwFn = std::mem::transmute(f);
            let kp = if nk > 0 { kwnames.unwrap().as_ptr() } else { std::ptr::null_mut() };
            checked(ff(slf, args.as_ptr() as *const *mut PyObject, np as isize, kp))
        }
        x if x == meth::METHOD | meth::FASTCALL | meth::KEYWORDS => {
            let ff: MethodFn = std::mem::transmute(f);
            let kp = if nk > 0 { kwnames.unwrap().as_ptr() } else { std::ptr::null_mut() };
            checked(ff(slf, defining_class, args.as_ptr() as *const *mut PyObject, np as isize, kp))
        }
        meth::VARARGS => {
            if nk > 0 {
                Err(err::type_error(format!("{}() takes no keyword arguments", qualname())))
            } else {
                let t = tuple::from_slice(args);
                checked(f(slf, t.as_ptr()))
            }
        }
        x if x == meth::VARARGS | meth::KEYWORDS => {
            let (t, d) = crate::abstract_::args_to_tuple_dict(args, kwnames);
            let ff: VarKwFn = std::mem::transmute(f);
            checked(ff(slf, t.as_ptr(), d.as_ref().map(|d| d.as_ptr()).unwrap_or(std::ptr::null_mut())))
        }
        _ => Err(err::system_error(format!("{}() method: bad call flags", qualname()))),
    };
    crate::interp::leave_recursive_call();
    r
}

/// What `call_on_stack` returns when the callable is not a C function it
/// calls directly (the dispatch loop then takes the general path).
pub const NOT_DIRECT: *mut PyObject = 1 as *mut PyObject;

/// CALL's path for C functions (CPython 3.11 specializes the commonest of
/// these calls in PRECALL): a builtin function, or a method descriptor
/// called with its instance first, whose convention is METH_O, METH_NOARGS,
/// METH_FASTCALL or METH_VARARGS, with or without METH_KEYWORDS. `sp` is
/// the stack top of a CALL with `n` arguments: below them the callable and
/// the NULL-or-self slot; the last `len(kwnames)` arguments are keyword
/// values (`kwnames` null for none).
///
/// When it calls, it pops (and releases) the `n + 2` slots and returns the
/// result, or NULL with the error indicator set (the result held to
/// CPython's rule, as `checked_result`). Otherwise it returns `NOT_DIRECT`
/// with the stack untouched: other conventions, wrong argument counts,
/// keywords a convention does not take, a `self` of the wrong type (the
/// general path raises their errors).
///
/// Out of line on purpose: the dispatch loop then keeps only its own state
/// live across the call, and this function gets registers of its own.
#[inline(never)]
pub unsafe fn call_on_stack(sp: *mut *mut PyObject, n: usize, kwnames: *mut PyObject) -> *mut PyObject {
    let below = *sp.sub(n + 2);
    let callable = if below.is_null() { *sp.sub(n + 1) } else { below };
    // Every argument, `self` first when it sits in the slot below.
    let (args, nargs) = if below.is_null() { (sp.sub(n), n) } else { (sp.sub(n + 1), n + 1) };
    let tp = (*callable).ob_type;
    let (ml, slf, args, nargs) = if tp == cfunction_type() {
        let f = callable as *mut PyCFunctionObject;
        ((*f).m_ml, (*f).m_self, args as *const *mut PyObject, nargs)
    } else if tp == &raw mut crate::objects::descr::PyMethodDescr_Type {
        let d = callable as *mut crate::objects::descr::PyMethodDescrObject;
        if nargs == 0 || !crate::typeobj::is_subtype((**args).ob_type, (*d).d_common.d_type) {
            return NOT_DIRECT;
        }
        ((*d).d_method, *args, args.add(1) as *const *mut PyObject, nargs - 1)
    } else {
        return NOT_DIRECT;
    };
    let Some(f) = (*ml).ml_meth else { return NOT_DIRECT };
    const FAST_KW: i32 = meth::FASTCALL | meth::KEYWORDS;
    const VAR_KW: i32 = meth::VARARGS | meth::KEYWORDS;
    // One arm per convention: the checks, the guard and the call together.
    macro_rules! guarded {
        ($call:expr) => {{
            let ts = crate::interp::running_tstate();
            if let Err(e) = crate::interp::enter_depth_in(ts, " while calling a Python object") {
                pop_call_slots(sp, n);
                err::restore(e);
                return std::ptr::null_mut();
            }
            let r = $call;
            crate::interp::leave_recursive_call_in(crate::interp::running_tstate());
            r
        }};
    }
    let r = match (*ml).ml_flags & !meth::COEXIST {
        meth::O if nargs == 1 && kwnames.is_null() => guarded!(f(slf, *args)),
        meth::NOARGS if nargs == 0 && kwnames.is_null() => guarded!(f(slf, std::ptr::null_mut())),
        meth::FASTCALL if kwnames.is_null() => {
            let ff: FastFn = std::mem::transmute(f);
            guarded!(ff(slf, args, nargs as isize))
        }
        meth::VARARGS if kwnames.is_null() => {
            // The tuple takes over the stack's references to the arguments,
            // which end at `sp`; the slots below them are released here.
            let mut t = std::ptr::null_mut();
            let r = guarded!({
                t = tuple::from_array_steal(args, nargs);
                f(slf, t)
            });
            crate::objref::decref(t);
            release_below(sp, n, args);
            return checked_or_restored(ml, r);
        }
        FAST_KW => {
            let nk = if kwnames.is_null() { 0 } else { tuple::len(PyObj::borrow(&kwnames)) };
            let kp = if nk == 0 { std::ptr::null_mut() } else { kwnames };
            let ff: FastKwFn = std::mem::transmute(f);
            guarded!(ff(slf, args, (nargs - nk) as isize, kp))
        }
        VAR_KW => {
            // As for METH_VARARGS, the tuple and the dict take over the
            // stack's references to the arguments; the names come from
            // KW_NAMES, distinct exact strs.
            let nk = if kwnames.is_null() { 0 } else { tuple::len(PyObj::borrow(&kwnames)) };
            let np = nargs - nk;
            let ff: VarKwFn = std::mem::transmute(f);
            let (mut t, mut d) = (std::ptr::null_mut(), std::ptr::null_mut());
            let r = guarded!({
                t = tuple::from_array_steal(args, np);
                if nk != 0 {
                    d = crate::objects::dict::from_kwnames_steal(kwnames, args.add(np));
                }
                ff(slf, t, d)
            });
            crate::objref::decref(t);
            crate::objref::xdecref(d);
            release_below(sp, n, args);
            return checked_or_restored(ml, r);
        }
        _ => return NOT_DIRECT,
    };
    pop_call_slots(sp, n);
    checked_or_restored(ml, r)
}

/// `r` when it is a result with no exception set; otherwise what
/// `checked_result` makes of it, an error going back to the indicator.
#[inline(always)]
unsafe fn checked_or_restored(ml: *mut PyMethodDef, r: *mut PyObject) -> *mut PyObject {
    if !r.is_null() && !err::occurred() {
        return r;
    }
    match checked_result(ml, r) {
        Ok(o) => o.into_ptr(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

/// Releases the NULL-or-self slot and the slots between it and `args`
/// (the callable, and `self` of a method descriptor), once the arguments'
/// own references have moved into an argument tuple.
#[inline(always)]
unsafe fn release_below(sp: *mut *mut PyObject, n: usize, args: *const *mut PyObject) {
    let mut p = sp.sub(n + 2);
    crate::objref::xdecref(*p);
    p = p.add(1);
    while (p as *const *mut PyObject) < args {
        crate::objref::decref(*p);
        p = p.add(1);
    }
}

/// Releases a CALL's arguments, callable and NULL-or-self slot.
#[inline(always)]
unsafe fn pop_call_slots(sp: *mut *mut PyObject, n: usize) {
    let mut p = sp.sub(n + 1);
    while p < sp {
        crate::objref::decref(*p);
        p = p.add(1);
    }
    crate::objref::xdecref(*sp.sub(n + 2));
}

/// A C function's result, held to CPython's rule (_Py_CheckFunctionResult):
/// NULL exactly when an exception is set.
#[inline]
pub unsafe fn checked_result(ml: *mut PyMethodDef, p: *mut PyObject) -> PyResult {
    if p.is_null() {
        return Err(err::take().unwrap_or_else(|| {
            err::system_error(format!("<built-in function {}> returned NULL without setting an exception", method_name(ml)))
        }));
    }
    let o = PyObj::from_owned(p);
    if !err::occurred() {
        return Ok(o);
    }
    match err::take() {
        None => Ok(o),
        Some(cause) => {
            let e = err::system_error(format!("<built-in function {}> returned a result with an exception set", method_name(ml)));
            let _ = crate::abstract_::setattr_str(e.value(), "__cause__", cause.0);
            Err(e)
        }
    }
}

pub fn is_cfunction(o: &PyObj) -> bool {
    unsafe { crate::typeobj::is_subtype(o.ob_type(), cfunction_type()) }
}

/// Makes a builtin function from a method definition (`PyCFunction_NewEx`).
pub fn new_cfunction(ml: *mut PyMethodDef, slf: Option<PyObj>, module: Option<PyObj>) -> PyObj {
    unsafe {
        let o = crate::alloc::alloc_object(cfunction_type(), 0) as *mut PyCFunctionObject;
        (*o).m_ml = ml;
        (*o).m_self = slf.map(|s| s.into_ptr()).unwrap_or(std::ptr::null_mut());
        (*o).m_module = module.map(|s| s.into_ptr()).unwrap_or(std::ptr::null_mut());
        (*o).vectorcall = Some(cfunction_vectorcall);
        PyObj::from_owned(o as *mut PyObject)
    }
}

unsafe extern "C" fn cfunction_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let f = callable as *mut PyCFunctionObject;
    let nk = if kwnames.is_null() { 0 } else { tuple::len(PyObj::borrow(&kwnames)) };
    let n = (nargsf & !PY_VECTORCALL_ARGUMENTS_OFFSET) + nk;
    let a = PyObj::slice(args, n);
    let kw = if kwnames.is_null() { None } else { Some(PyObj::borrow(&kwnames)) };
    let ml = (*f).m_ml;
    let slf = (*f).m_self;
    // Errors name the function as CPython's _PyObject_FunctionStr does:
    // "math.sqrt", "D.__init_subclass__", plain "len" for builtins.
    let qual = || {
        if slf.is_null() {
            method_name(ml)
        } else if crate::objects::module::is_module(PyObj::borrow(&slf)) {
            // As _PyObject_FunctionStr: "gc.isenabled", but "len" for builtins.
            let m = crate::objects::module::name(PyObj::borrow(&slf));
            if m == "builtins" || m.is_empty() {
                method_name(ml)
            } else {
                format!("{}.{}", m, method_name(ml))
            }
        } else {
            let so = PyObj::borrow(&slf);
            let tp = if crate::typeobj::is_type(so) { slf as *mut PyTypeObject } else { so.ob_type() };
            format!("{}.{}", crate::typeobj::type_qualname(tp), method_name(ml))
        }
    };
    err::into_ptr(call_method_def(ml, slf, std::ptr::null_mut(), a, kw, &qual))
}

unsafe extern "C" fn cfunction_dealloc(o: *mut PyObject) {
    let f = o as *mut PyCFunctionObject;
    crate::objref::xdecref((*f).m_self);
    crate::objref::xdecref((*f).m_module);
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn cfunction_repr(o: *mut PyObject) -> *mut PyObject {
    let f = o as *mut PyCFunctionObject;
    let name = method_name((*f).m_ml);
    let s = (*f).m_self;
    let text = if s.is_null() || crate::objects::module::is_module(PyObj::borrow(&s)) {
        format!("<built-in function {}>", name)
    } else {
        let so = PyObj::borrow(&s);
        format!(
            "<built-in method {} of {} object at {:#x}>",
            name,
            crate::typeobj::type_name(so.ob_type()),
            s as usize
        )
    };
    unicode::new(&text).into_ptr()
}

unsafe extern "C" fn cfunction_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> std::os::raw::c_int {
    let f = o as *mut PyCFunctionObject;
    for p in [(*f).m_self, (*f).m_module] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn cfunction_richcompare(a: *mut PyObject, b: *mut PyObject, op: std::os::raw::c_int) -> *mut PyObject {
    let (ao, bo) = (PyObj::borrow(&a), PyObj::borrow(&b));
    if (op != PY_EQ && op != PY_NE) || !is_cfunction(bo) {
        return crate::objects::none::not_implemented().into_ptr();
    }
    let fa = a as *mut PyCFunctionObject;
    let fb = b as *mut PyCFunctionObject;
    let eq = (*fa).m_ml == (*fb).m_ml && (*fa).m_self == (*fb).m_self;
    let _ = (ao, bo);
    crate::objects::boolobject::new(if op == PY_EQ { eq } else { !eq }).into_ptr()
}

unsafe extern "C" fn cfunction_hash(o: *mut PyObject) -> Py_hash_t {
    let f = o as *mut PyCFunctionObject;
    let h = ((*f).m_ml as usize >> 4) as isize ^ ((*f).m_self as usize >> 4) as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Creates a NUL-terminated C string that lives for the rest of the process
/// (names in method tables built at run time).
pub fn leak_cstr(s: &str) -> *const std::os::raw::c_char {
    std::ffi::CString::new(s).unwrap_or_default().into_raw()
}

/// Builds a static method table from Rust entries (name, function, flags,
/// doc); the array is leaked, as C method tables are static.
pub fn method_table(entries: &[(&str, *const c_void, i32, &str)]) -> *mut PyMethodDef {
    let mut v: Vec<PyMethodDef> = entries
        .iter()
        .map(|(n, f, fl, d)| PyMethodDef {
            ml_name: leak_cstr(n),
            ml_meth: Some(unsafe { std::mem::transmute::<*const c_void, PyCFunction>(*f) }),
            ml_flags: *fl,
            ml_doc: if d.is_empty() { std::ptr::null() } else { leak_cstr(d) },
        })
        .collect();
    v.push(PyMethodDef { ml_name: std::ptr::null(), ml_meth: None, ml_flags: 0, ml_doc: std::ptr::null() });
    Box::leak(v.into_boxed_slice()).as_mut_ptr()
}

/// Declares a FASTCALL function body in Rust style:
/// `fastcall!(name, |slf, args| -> PyResult { ... })`.
#[macro_export]
macro_rules! fastcall {
    ($name:ident, |$slf:ident, $args:ident| $body:block) => {
        #[allow(unused_variables)]
        pub unsafe extern "C" fn $name(
            s: *mut $crate::object::PyObject,
            a: *const *mut $crate::object::PyObject,
            n: isize,
        ) -> *mut $crate::object::PyObject {
            let $slf: &$crate::objref::PyObj = $crate::objref::PyObj::borrow(&s);
            let $args: &[$crate::objref::PyObj] = $crate::objref::PyObj::slice(a, n as usize);
            let r: $crate::err::PyResult = (|| $body)();
            $crate::err::into_ptr(r)
        }
    };
}

/// Declares a FASTCALL|KEYWORDS function body: `|slf, args, kwnames|`, where
/// `args` holds positional then keyword values and kwnames is an Option.
#[macro_export]
macro_rules! fastcall_kw {
    ($name:ident, |$slf:ident, $args:ident, $kw:ident| $body:block) => {
        #[allow(unused_variables)]
        pub unsafe extern "C" fn $name(
            s: *mut $crate::object::PyObject,
            a: *const *mut $crate::object::PyObject,
            n: isize,
            k: *mut $crate::object::PyObject,
        ) -> *mut $crate::object::PyObject {
            let $slf: &$crate::objref::PyObj = $crate::objref::PyObj::borrow(&s);
            let $kw: Option<&$crate::objref::PyObj> =
                if k.is_null() { None } else { Some($crate::objref::PyObj::borrow(&k)) };
            let nk = $kw.map(|k| $crate::objects::tuple::len(k)).unwrap_or(0);
            let $args: &[$crate::objref::PyObj] = $crate::objref::PyObj::slice(a, n as usize + nk);
            let r: $crate::err::PyResult = (|| $body)();
            $crate::err::into_ptr(r)
        }
    };
}

/// Declares a METH_O / METH_NOARGS function body: `|slf, arg|` (arg is the
/// null pointer for NOARGS; use `_` for it).
#[macro_export]
macro_rules! onearg {
    ($name:ident, |$slf:ident, $arg:ident| $body:block) => {
        #[allow(unused_variables)]
        pub unsafe extern "C" fn $name(
            s: *mut $crate::object::PyObject,
            a: *mut $crate::object::PyObject,
        ) -> *mut $crate::object::PyObject {
            let $slf: &$crate::objref::PyObj = $crate::objref::PyObj::borrow(&s);
            let $arg: Option<&$crate::objref::PyObj> =
                if a.is_null() { None } else { Some($crate::objref::PyObj::borrow(&a)) };
            let r: $crate::err::PyResult = (|| $body)();
            $crate::err::into_ptr(r)
        }
    };
}

/// Binds positional and keyword arguments to parameter names, with
/// CPython's messages for the common mistakes. `required` leading names
/// must be given; `posonly` leading names cannot be keywords.
pub fn bind_args(
    fname: &str,
    args: &[PyObj],
    kwnames: Option<&PyObj>,
    names: &[&str],
    required: usize,
    posonly: usize,
) -> PyResult<Vec<Option<PyObj>>> {
    let nk = kwnames.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    let mut out: Vec<Option<PyObj>> = vec![None; names.len()];
    if np > names.len() {
        return Err(err::type_error(if names.len() == required {
            format!(
                "{}() takes {} positional argument{} but {} were given",
                fname,
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                np
            )
        } else {
            format!("{}() takes at most {} arguments ({} given)", fname, names.len(), np)
        }));
    }
    for i in 0..np {
        out[i] = Some(args[i].clone());
    }
    if let Some(k) = kwnames {
        for (j, kn) in tuple::items(k).iter().enumerate() {
            let kname = unicode::to_string_lossy(kn);
            match names.iter().position(|n| *n == kname) {
                Some(i) if i >= posonly => {
                    if out[i].is_some() {
                        return Err(err::type_error(format!(
                            "argument for {}() given by name ('{}') and position ({})",
                            fname,
                            kname,
                            i + 1
                        )));
                    }
                    out[i] = Some(args[np + j].clone());
                }
                _ => {
                    return Err(err::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        fname, kname
                    )))
                }
            }
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            if i < posonly || nk == 0 {
                return Err(err::type_error(format!(
                    "{}() takes {} {} argument{} ({} given)",
                    fname,
                    if required == names.len() { "exactly" } else { "at least" },
                    required,
                    if required == 1 { "" } else { "s" },
                    np
                )));
            }
            return Err(err::type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// Binds arguments as Argument Clinic's parsers do (`_PyArg_UnpackKeywords`),
/// with their messages: `names[..posonly]` are positional-only, the first
/// `minpos` are required, at most `maxpos` may be positional.
pub fn unpack_keywords(
    fname: &str,
    args: &[PyObj],
    kwnames: Option<&PyObj>,
    names: &[&str],
    posonly: usize,
    minpos: usize,
    maxpos: usize,
) -> PyResult<Vec<Option<PyObj>>> {
    let nk = kwnames.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    let maxargs = names.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if np + nk > maxargs {
        return Err(err::type_error(format!(
            "{}() takes at most {} {}argument{} ({} given)",
            fname,
            maxargs,
            if np == 0 { "keyword " } else { "" },
            plural(maxargs),
            np + nk
        )));
    }
    if np > maxpos {
        return Err(err::type_error(if maxpos == 0 {
            format!("{}() takes no positional arguments", fname)
        } else {
            format!(
                "{}() takes {} {} positional argument{} ({} given)",
                fname,
                if minpos < maxpos { "at most" } else { "exactly" },
                maxpos,
                plural(maxpos),
                np
            )
        }));
    }
    let minposonly = posonly.min(minpos);
    if np < minposonly {
        return Err(err::type_error(format!(
            "{}() takes {} {} positional argument{} ({} given)",
            fname,
            if minposonly < maxpos { "at least" } else { "exactly" },
            minposonly,
            plural(minposonly),
            np
        )));
    }
    let kws: Vec<(String, PyObj)> = match kwnames {
        Some(k) => tuple::items(k)
            .iter()
            .enumerate()
            .map(|(j, n)| (unicode::to_string_lossy(n), args[np + j].clone()))
            .collect(),
        None => Vec::new(),
    };
    let mut out: Vec<Option<PyObj>> = vec![None; maxargs];
    for i in 0..np {
        out[i] = Some(args[i].clone());
    }
    let mut used = 0;
    for i in np..maxargs {
        if i >= posonly {
            if let Some((_, v)) = kws.iter().find(|(n, _)| n == names[i]) {
                out[i] = Some(v.clone());
                used += 1;
                continue;
            }
        }
        if i < minpos {
            return Err(err::type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                names[i],
                i + 1
            )));
        }
    }
    if used < kws.len() {
        for (n, _) in &kws {
            match names.iter().position(|x| x == n) {
                Some(p) if p >= posonly && p < np => {
                    return Err(err::type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        n,
                        p + 1
                    )))
                }
                Some(p) if p >= posonly => {}
                _ => {
                    return Err(err::type_error(format!(
                        "'{}' is an invalid keyword argument for {}()",
                        n, fname
                    )))
                }
            }
        }
    }
    Ok(out)
}

/// Checks a positional-only argument count (`name expected at most N arguments, got M`).
pub fn check_nargs(fname: &str, args: &[PyObj], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min {
        return Err(err::type_error(if min == max {
            format!("{} expected {} argument{}, got {}", fname, min, if min == 1 { "" } else { "s" }, n)
        } else {
            format!("{} expected at least {} argument{}, got {}", fname, min, if min == 1 { "" } else { "s" }, n)
        }));
    }
    if n > max {
        return Err(err::type_error(if min == max {
            format!("{} expected {} argument{}, got {}", fname, max, if max == 1 { "" } else { "s" }, n)
        } else {
            format!("{} expected at most {} argument{}, got {}", fname, max, if max == 1 { "" } else { "s" }, n)
        }));
    }
    Ok(())
}

/// Rejects keyword arguments for functions that take none.
pub fn no_kwargs(fname: &str, kwnames: Option<&PyObj>) -> PyResult<()> {
    match kwnames {
        Some(k) if tuple::len(k) > 0 => {
            Err(err::type_error(format!("{}() takes no keyword arguments", fname)))
        }
        _ => Ok(()),
    }
}

pub fn kwargs_dict(kwargs: *mut PyObject) -> Option<PyObj> {
    if kwargs.is_null() {
        None
    } else {
        let d = unsafe { PyObj::borrow(&kwargs) };
        if dict::len(d) == 0 {
            None
        } else {
            Some(d.clone())
        }
    }
}

pub unsafe fn init_type() {
    let t = cfunction_type();
    (*t).tp_dealloc = Some(cfunction_dealloc);
    (*t).tp_repr = Some(cfunction_repr);
    (*t).tp_traverse = Some(cfunction_traverse);
    (*t).tp_richcompare = Some(cfunction_richcompare);
    (*t).tp_hash = Some(cfunction_hash);
    (*t).tp_call = Some(crate::abstract_::vectorcall_call);
    (*t).tp_vectorcall_offset = std::mem::offset_of!(PyCFunctionObject, vectorcall) as isize;
    (*t).tp_weaklistoffset = std::mem::offset_of!(PyCFunctionObject, m_weakreflist) as isize;
    (*t).tp_flags |= flags::HAVE_VECTORCALL | flags::HAVE_GC;
    crate::objects::descr::set_getsets(t, &[
        ("__name__", cf_name as *const c_void, std::ptr::null()),
        ("__qualname__", cf_qualname as *const c_void, std::ptr::null()),
        ("__self__", cf_self as *const c_void, std::ptr::null()),
        ("__module__", cf_module as *const c_void, std::ptr::null()),
        ("__doc__", cf_doc as *const c_void, std::ptr::null()),
        ("__text_signature__", cf_text_signature as *const c_void, std::ptr::null()),
    ]);
}

unsafe extern "C" fn cf_name(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    unicode::new(&method_name((*(o as *mut PyCFunctionObject)).m_ml)).into_ptr()
}

unsafe extern "C" fn cf_qualname(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let f = o as *mut PyCFunctionObject;
    let name = method_name((*f).m_ml);
    let s = (*f).m_self;
    if s.is_null() || crate::objects::module::is_module(PyObj::borrow(&s)) {
        return unicode::new(&name).into_ptr();
    }
    let so = PyObj::borrow(&s);
    let tp = if crate::typeobj::is_type(so) { s as *mut PyTypeObject } else { so.ob_type() };
    unicode::new(&format!("{}.{}", crate::typeobj::type_qualname(tp), name)).into_ptr()
}

unsafe extern "C" fn cf_self(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let s = (*(o as *mut PyCFunctionObject)).m_self;
    if s.is_null() {
        crate::objects::none::none().into_ptr()
    } else {
        PyObj::from_borrowed(s).into_ptr()
    }
}

unsafe extern "C" fn cf_module(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let m = (*(o as *mut PyCFunctionObject)).m_module;
    if m.is_null() {
        crate::objects::none::none().into_ptr()
    } else {
        PyObj::from_borrowed(m).into_ptr()
    }
}

unsafe extern "C" fn cf_doc(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let ml = (*(o as *mut PyCFunctionObject)).m_ml;
    crate::objects::docs::doc_from_c(&method_name(ml), (*ml).ml_doc).into_ptr()
}

unsafe extern "C" fn cf_text_signature(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let ml = (*(o as *mut PyCFunctionObject)).m_ml;
    crate::objects::docs::text_signature_from_c(&method_name(ml), (*ml).ml_doc).into_ptr()
}
