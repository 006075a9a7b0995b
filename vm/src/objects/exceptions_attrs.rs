//! Attributes of the exception subclasses that add fields (StopIteration's
//! `value`, SystemExit's `code`, OSError's `errno`/`strerror`/`filename`,
//! ImportError's `name`/`path`, AttributeError's `name`/`obj`, SyntaxError's
//! location fields, ...), derived from the constructor arguments as CPython's
//! `__init__`s do.

use crate::object::*;
use crate::objref::PyObj;
use crate::objects::exceptions::*;
use crate::objects::{none, tuple};


unsafe fn replace(slot: *mut *mut PyObject, v: PyObj) {
    let old = std::mem::replace(&mut *slot, v.into_ptr());
    crate::objref::xdecref(old);
}

/// Sets the subclass fields of a built-in exception from its `args`.
pub unsafe fn init_subclass_fields(o: &PyObj) {
    let args = args(o);
    let items = tuple::items(&args);
    let tp = o.ob_type();
    let first = || items.first().cloned().unwrap_or_else(none::none);
    if crate::typeobj::is_subtype(tp, PyExc_StopIteration) {
        replace(&raw mut (*(o.as_ptr() as *mut PyStopIterationObject)).value, first());
    } else if crate::typeobj::is_subtype(tp, PyExc_SystemExit) {
        let code = match items.len() {
            0 => none::none(),
            1 => items[0].clone(),
            _ => args.clone(),
        };
        replace(&raw mut (*(o.as_ptr() as *mut PySystemExitObject)).code, code);
    }
}

/// Like `init_subclass_fields` plus the fields of OSError/ImportError/SyntaxError.
pub unsafe fn init_all_fields(o: &PyObj) {
    init_subclass_fields(o);
    init_rich_fields(o);
}

/// Records `name` and `obj` on an AttributeError (3.10+ attributes).
pub fn set_attribute_error_context(e: &crate::err::PyErr, obj: &PyObj, name: &PyObj) {
    unsafe {
        let v = e.value();
        if !crate::typeobj::is_subtype(v.ob_type(), PyExc_AttributeError) {
            return;
        }
        let a = v.as_ptr() as *mut PyAttributeErrorObject;
        if (*a).name.is_null() {
            (*a).name = name.clone().into_ptr();
        }
        if (*a).obj.is_null() {
            (*a).obj = obj.clone().into_ptr();
        }
    }
}

/// Records `name` on a NameError.
pub fn set_name_error_name(e: &crate::err::PyErr, name: &PyObj) {
    unsafe {
        let v = e.value();
        if !crate::typeobj::is_subtype(v.ob_type(), PyExc_NameError) {
            return;
        }
        let a = v.as_ptr() as *mut PyNameErrorObject;
        if (*a).name.is_null() {
            (*a).name = name.clone().into_ptr();
        }
    }
}

use crate::err;
use crate::objects::{boolobject, dict, list, long, unicode};
use std::os::raw::{c_int, c_void};

/// An OSError (or the subclass its errno maps to) from a Rust I/O error.
pub fn os_error_from_io(e: &std::io::Error, filename: Option<&str>) -> crate::err::PyErr {
    match e.raw_os_error() {
        Some(code) => os_error_from_errno(code, filename),
        None => err::os_error(e.to_string()),
    }
}

/// `strerror(code)` as CPython shows it.
pub fn strerror_text(code: i32) -> String {
    let msg = std::io::Error::from_raw_os_error(code).to_string();
    // Rust appends " (os error N)"; CPython uses strerror alone.
    match msg.rfind(" (os error") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

/// `OSError(errno, strerror[, filename])`, which picks the subclass.
pub fn os_error_from_errno(code: i32, filename: Option<&str>) -> crate::err::PyErr {
    let f = filename.map(unicode::new);
    os_error_with_filenames(code, f.as_ref(), None)
}

/// `OSError(errno, strerror[, filename[, None, filename2]])` with filename
/// objects (str, bytes, ...), as `PyErr_SetFromErrnoWithFilenameObjects`.
pub fn os_error_with_filenames(code: i32, f1: Option<&PyObj>, f2: Option<&PyObj>) -> crate::err::PyErr {
    let mut args = vec![long::from_i64(code as i64), unicode::new(&strerror_text(code))];
    if let Some(f) = f1 {
        args.push(f.clone());
        if let Some(g) = f2 {
            args.push(crate::objects::none::none());
            args.push(g.clone());
        }
    }
    crate::err::with_args(unsafe { PyExc_OSError }, &args)
}

/// `io.UnsupportedOperation` (an OSError and ValueError); OSError until io exists.
pub fn unsupported_operation(msg: &str) -> crate::err::PyErr {
    err::os_error(msg)
}

pub fn set_import_error_fields(e: &crate::err::PyErr, name: Option<PyObj>, path: Option<PyObj>) {
    unsafe {
        let v = e.value();
        if !crate::typeobj::is_subtype(v.ob_type(), PyExc_ImportError) {
            return;
        }
        let a = v.as_ptr() as *mut PyImportErrorObject;
        if let Some(n) = name {
            replace(&raw mut (*a).name, n);
        }
        if let Some(p) = path {
            replace(&raw mut (*a).path, p);
        }
    }
}

// ------------------------------------------------------------ BaseException slots

unsafe fn base(o: *mut PyObject) -> *mut PyBaseExceptionObject {
    o as *mut PyBaseExceptionObject
}

unsafe extern "C" fn exc_new(tp: *mut PyTypeObject, args: *mut PyObject, _kw: *mut PyObject) -> *mut PyObject {
    let o = crate::typeobj::alloc_instance(tp);
    if o.is_null() {
        return o;
    }
    let a = if args.is_null() { tuple::empty() } else { PyObj::from_borrowed(args) };
    (*base(o)).args = a.into_ptr();
    o
}

unsafe extern "C" fn exc_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let tp = (*o).ob_type;
    if crate::objects::methodobject::kwargs_dict(kw).is_some() && !accepts_kwargs(tp) {
        err::restore(err::type_error(format!(
            "{}() takes no keyword arguments",
            crate::typeobj::type_name(tp)
        )));
        return -1;
    }
    let a = PyObj::from_borrowed(args);
    let old = std::mem::replace(&mut (*base(o)).args, a.into_ptr());
    crate::objref::xdecref(old);
    init_subclass_fields(PyObj::borrow(&o));
    if let Some(k) = crate::objects::methodobject::kwargs_dict(kw) {
        if let Err(e) = apply_kwargs(PyObj::borrow(&o), &k) {
            err::restore(e);
            return -1;
        }
    }
    0
}

unsafe fn accepts_kwargs(tp: *mut PyTypeObject) -> bool {
    crate::typeobj::is_subtype(tp, PyExc_ImportError) || crate::typeobj::is_subtype(tp, PyExc_AttributeError)
        || crate::typeobj::is_subtype(tp, PyExc_NameError)
}

fn apply_kwargs(o: &PyObj, k: &PyObj) -> crate::err::PyResult<()> {
    let tp = o.ob_type();
    for (key, v) in dict::items_vec(k) {
        let name = unicode::to_string_lossy(&key);
        let allowed: &[&str] = unsafe {
            if crate::typeobj::is_subtype(tp, PyExc_ImportError) {
                &["name", "path"]
            } else if crate::typeobj::is_subtype(tp, PyExc_AttributeError) {
                &["name", "obj"]
            } else {
                &["name"]
            }
        };
        if !allowed.contains(&name.as_str()) {
            return Err(err::type_error(format!(
                "'{}' is an invalid keyword argument for {}()",
                name,
                crate::typeobj::type_name(tp)
            )));
        }
        unsafe {
            let p = o.as_ptr();
            let slot: *mut *mut PyObject = if crate::typeobj::is_subtype(tp, PyExc_ImportError) {
                let e = p as *mut PyImportErrorObject;
                if name == "name" { &raw mut (*e).name } else { &raw mut (*e).path }
            } else if crate::typeobj::is_subtype(tp, PyExc_AttributeError) {
                let e = p as *mut PyAttributeErrorObject;
                if name == "name" { &raw mut (*e).name } else { &raw mut (*e).obj }
            } else {
                &raw mut (*(p as *mut PyNameErrorObject)).name
            };
            replace(slot, v);
        }
    }
    Ok(())
}

/// Number of object pointer fields after PyException_HEAD for a type.
unsafe fn extra_fields(tp: *mut PyTypeObject) -> usize {
    let head = std::mem::size_of::<PyBaseExceptionObject>();
    let mut t = tp;
    while crate::typeobj::is_heap(t) {
        t = (*t).tp_base;
    }
    let size = (*t).tp_basicsize as usize;
    if crate::typeobj::is_subtype(t, PyExc_UnicodeError) || crate::typeobj::is_subtype(t, PyExc_OSError) {
        return 0; // handled explicitly (non-pointer fields)
    }
    (size.saturating_sub(head)) / 8
}

unsafe fn object_fields(o: *mut PyObject) -> Vec<*mut *mut PyObject> {
    let b = base(o);
    let mut v: Vec<*mut *mut PyObject> = vec![
        &raw mut (*b).dict, &raw mut (*b).args, &raw mut (*b).notes, &raw mut (*b).traceback,
        &raw mut (*b).context, &raw mut (*b).cause,
    ];
    let tp = (*o).ob_type;
    let head = std::mem::size_of::<PyBaseExceptionObject>();
    if crate::typeobj::is_subtype(tp, PyExc_OSError) {
        let e = o as *mut PyOSErrorObject;
        v.extend([&raw mut (*e).myerrno, &raw mut (*e).strerror, &raw mut (*e).filename, &raw mut (*e).filename2]);
    } else if crate::typeobj::is_subtype(tp, PyExc_UnicodeError) {
        let e = o as *mut PyUnicodeErrorObject;
        v.extend([&raw mut (*e).encoding, &raw mut (*e).object, &raw mut (*e).reason]);
    } else {
        for i in 0..extra_fields(tp) {
            v.push((o as *mut u8).add(head + 8 * i) as *mut *mut PyObject);
        }
    }
    v
}

unsafe extern "C" fn exc_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    for f in object_fields(o) {
        let p = std::mem::replace(&mut *f, std::ptr::null_mut());
        crate::objref::xdecref(p);
    }
    crate::alloc::tp_free(o);
}

unsafe extern "C" fn exc_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    for f in object_fields(o) {
        if !(*f).is_null() {
            let r = visit(*f, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn exc_clear(o: *mut PyObject) -> c_int {
    for f in object_fields(o) {
        let p = std::mem::replace(&mut *f, std::ptr::null_mut());
        crate::objref::xdecref(p);
    }
    0
}

unsafe extern "C" fn exc_str(o: *mut PyObject) -> *mut PyObject {
    let a = args(PyObj::borrow(&o));
    let items = tuple::items(&a);
    match items.len() {
        0 => unicode::empty().into_ptr(),
        1 => err::into_ptr(crate::abstract_::str(&items[0])),
        _ => err::into_ptr(crate::abstract_::str(&a)),
    }
}

unsafe extern "C" fn keyerror_str(o: *mut PyObject) -> *mut PyObject {
    let a = args(PyObj::borrow(&o));
    let items = tuple::items(&a);
    if items.len() == 1 {
        return err::into_ptr(crate::abstract_::repr(&items[0]));
    }
    exc_str(o)
}

unsafe extern "C" fn exc_repr(o: *mut PyObject) -> *mut PyObject {
    let obj = PyObj::borrow(&o);
    let name = crate::typeobj::type_name(obj.ob_type());
    let a = args(obj);
    let items = tuple::items(&a);
    let r = if items.len() == 1 {
        crate::abstract_::repr_string(&items[0]).map(|r| format!("{}({})", name, r))
    } else {
        crate::abstract_::repr_string(&a).map(|r| format!("{}{}", name, r))
    };
    err::into_ptr(r.map(|s| unicode::new(&s)))
}

macro_rules! getter_field {
    ($name:ident, |$o:ident| $e:expr) => {
        unsafe extern "C" fn $name($o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
            let p: *mut PyObject = $e;
            if p.is_null() {
                none::none().into_ptr()
            } else {
                PyObj::from_borrowed(p).into_ptr()
            }
        }
    };
}

getter_field!(get_args, |o| (*base(o)).args);
getter_field!(get_tb, |o| (*base(o)).traceback);
getter_field!(get_context, |o| (*base(o)).context);
getter_field!(get_cause, |o| (*base(o)).cause);

unsafe extern "C" fn set_args(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() {
        err::restore(err::type_error("args may not be deleted"));
        return -1;
    }
    let t = match crate::abstract_::iterate(PyObj::borrow(&v)) {
        Ok(items) => tuple::new(items),
        Err(e) => {
            err::restore(e);
            return -1;
        }
    };
    replace(&raw mut (*base(o)).args, t);
    0
}

unsafe extern "C" fn set_tb(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() {
        err::restore(err::type_error("__traceback__ may not be deleted"));
        return -1;
    }
    let vo = PyObj::borrow(&v);
    if none::is_none(vo) {
        replace(&raw mut (*base(o)).traceback, none::none());
        let p = std::mem::replace(&mut (*base(o)).traceback, std::ptr::null_mut());
        crate::objref::xdecref(p);
        return 0;
    }
    if !crate::objects::traceback::is_traceback(vo) {
        err::restore(err::type_error("__traceback__ must be a traceback or None"));
        return -1;
    }
    replace(&raw mut (*base(o)).traceback, vo.clone());
    0
}

unsafe extern "C" fn set_context_gs(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() {
        err::restore(err::type_error("__context__ may not be deleted"));
        return -1;
    }
    let vo = PyObj::borrow(&v);
    if none::is_none(vo) {
        set_context(PyObj::borrow(&o), None);
        return 0;
    }
    if !is_exception_instance(vo) {
        err::restore(err::type_error("exception context must be None or derive from BaseException"));
        return -1;
    }
    set_context(PyObj::borrow(&o), Some(vo.clone()));
    0
}

unsafe extern "C" fn set_cause_gs(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() {
        err::restore(err::type_error("__cause__ may not be deleted"));
        return -1;
    }
    let vo = PyObj::borrow(&v);
    set_suppress_context(PyObj::borrow(&o), true);
    if none::is_none(vo) {
        set_cause(PyObj::borrow(&o), None);
        return 0;
    }
    if !is_exception_instance(vo) {
        err::restore(err::type_error("exception cause must be None or derive from BaseException"));
        return -1;
    }
    set_cause(PyObj::borrow(&o), Some(vo.clone()));
    0
}

unsafe extern "C" fn get_suppress(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    boolobject::new(suppress_context(PyObj::borrow(&o))).into_ptr()
}

unsafe extern "C" fn set_suppress(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() {
        err::restore(err::type_error("can't delete __suppress_context__ attribute"));
        return -1;
    }
    match crate::abstract_::is_true(PyObj::borrow(&v)) {
        Ok(b) => {
            set_suppress_context(PyObj::borrow(&o), b);
            0
        }
        Err(e) => {
            err::restore(e);
            -1
        }
    }
}

crate::onearg!(exc_with_traceback, |slf, tb| {
    let tb = tb.unwrap();
    unsafe {
        if set_tb(slf.as_ptr(), tb.as_ptr(), std::ptr::null_mut()) < 0 {
            return Err(err::fetch());
        }
    }
    Ok(slf.clone())
});

crate::onearg!(exc_add_note, |slf, note| {
    let note = note.unwrap();
    if !unicode::is_str(note) {
        return Err(err::type_error(format!(
            "note must be a str, not '{}'",
            crate::typeobj::type_name(note.ob_type())
        )));
    }
    let d = crate::typeobj::instance_dict(slf).ok_or_else(|| err::type_error("no __dict__"))?;
    let notes = match dict::get_item_rs(&d, "__notes__") {
        Some(n) => n,
        None => {
            let l = list::new_empty();
            dict::set_item_rs(&d, "__notes__", l.clone());
            l
        }
    };
    if !crate::objects::list::is_list(&notes) {
        return Err(err::type_error("Cannot add note: __notes__ is not a list"));
    }
    list::append(&notes, note.clone());
    Ok(none::none())
});

crate::fastcall!(exc_reduce, |slf, args_| {
    let a = args(slf);
    let d = crate::typeobj::instance_dict(slf);
    let mut parts = vec![slf.type_obj(), a];
    if let Some(d) = d {
        if dict::len(&d) > 0 {
            parts.push(d);
        }
    }
    Ok(tuple::new(parts))
});

// `__setstate__(state)`: each item of the state dict becomes an attribute
// (so pickled `name`/`path`/... go back through their descriptors).
crate::onearg!(exc_setstate, |slf, st| {
    let st = st.unwrap();
    if !none::is_none(st) {
        if !dict::is_dict(st) {
            return Err(err::type_error("state is not a dictionary"));
        }
        for (k, v) in dict::items_vec(st) {
            crate::abstract_::setattr(slf, &k, Some(&v))?;
        }
    }
    Ok(none::none())
});

macro_rules! member_getter {
    ($name:ident, $st:ty, $field:ident) => {
        getter_field!($name, |o| (*(o as *mut $st)).$field);
    };
}

member_getter!(stopiter_value, PyStopIterationObject, value);
member_getter!(sysexit_code, PySystemExitObject, code);
member_getter!(ie_msg, PyImportErrorObject, msg);
member_getter!(ie_name, PyImportErrorObject, name);
member_getter!(ie_path, PyImportErrorObject, path);
member_getter!(ne_name, PyNameErrorObject, name);
member_getter!(ae_name, PyAttributeErrorObject, name);
member_getter!(ae_obj, PyAttributeErrorObject, obj);
member_getter!(os_errno, PyOSErrorObject, myerrno);
member_getter!(os_strerror, PyOSErrorObject, strerror);
member_getter!(os_filename, PyOSErrorObject, filename);
member_getter!(os_filename2, PyOSErrorObject, filename2);
member_getter!(se_msg, PySyntaxErrorObject, msg);
member_getter!(se_filename, PySyntaxErrorObject, filename);
member_getter!(se_lineno, PySyntaxErrorObject, lineno);
member_getter!(se_offset, PySyntaxErrorObject, offset);
member_getter!(se_text, PySyntaxErrorObject, text);
member_getter!(se_end_lineno, PySyntaxErrorObject, end_lineno);
member_getter!(se_end_offset, PySyntaxErrorObject, end_offset);
member_getter!(se_pfal, PySyntaxErrorObject, print_file_and_line);

macro_rules! member_setter {
    ($name:ident, $st:ty, $field:ident) => {
        unsafe extern "C" fn $name(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
            let nv = if v.is_null() { none::none() } else { PyObj::from_borrowed(v) };
            replace(&raw mut (*(o as *mut $st)).$field, nv);
            0
        }
    };
}

member_setter!(stopiter_value_set, PyStopIterationObject, value);
member_setter!(sysexit_code_set, PySystemExitObject, code);
member_setter!(ie_msg_set, PyImportErrorObject, msg);
member_setter!(ie_name_set, PyImportErrorObject, name);
member_setter!(ie_path_set, PyImportErrorObject, path);
member_setter!(ne_name_set, PyNameErrorObject, name);
member_setter!(ae_name_set, PyAttributeErrorObject, name);
member_setter!(ae_obj_set, PyAttributeErrorObject, obj);
member_setter!(os_errno_set, PyOSErrorObject, myerrno);
member_setter!(os_strerror_set, PyOSErrorObject, strerror);
member_setter!(os_filename_set, PyOSErrorObject, filename);
member_setter!(os_filename2_set, PyOSErrorObject, filename2);
member_setter!(se_msg_set, PySyntaxErrorObject, msg);
member_setter!(se_filename_set, PySyntaxErrorObject, filename);
member_setter!(se_lineno_set, PySyntaxErrorObject, lineno);
member_setter!(se_offset_set, PySyntaxErrorObject, offset);
member_setter!(se_text_set, PySyntaxErrorObject, text);
member_setter!(se_end_lineno_set, PySyntaxErrorObject, end_lineno);
member_setter!(se_end_offset_set, PySyntaxErrorObject, end_offset);
member_setter!(se_pfal_set, PySyntaxErrorObject, print_file_and_line);

/// `BlockingIOError.characters_written` (on every OSError): unset is -1,
/// which reads and deletes as AttributeError.
unsafe extern "C" fn os_written(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    let w = (*(o as *mut PyOSErrorObject)).written;
    if w == -1 {
        err::restore(err::attribute_error("characters_written"));
        return std::ptr::null_mut();
    }
    crate::objects::long::from_i64(w as i64).into_ptr()
}

unsafe extern "C" fn os_written_set(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    let e = o as *mut PyOSErrorObject;
    if v.is_null() {
        if (*e).written == -1 {
            err::restore(err::attribute_error("characters_written"));
            return -1;
        }
        (*e).written = -1;
        return 0;
    }
    match crate::abstract_::index_to_ssize(PyObj::borrow(&v), Some(PyExc_ValueError)) {
        Ok(n) => {
            (*e).written = n as Py_ssize_t;
            0
        }
        Err(x) => {
            err::restore(x);
            -1
        }
    }
}

// OSError pickles with its filename(s) put back into the arguments.
crate::fastcall!(oserror_reduce, |slf, args_| {
    let e = slf.as_ptr() as *mut PyOSErrorObject;
    let mut a = args(slf);
    let present = |p: *mut PyObject| !p.is_null() && p != none::none_ptr();
    if tuple::len(&a) == 2 && present((*e).filename) {
        let mut v = tuple::items(&a).to_vec();
        v.push(PyObj::from_borrowed((*e).filename));
        if present((*e).filename2) {
            v.push(none::none());
            v.push(PyObj::from_borrowed((*e).filename2));
        }
        a = tuple::new(v);
    }
    let mut parts = vec![slf.type_obj(), a];
    if let Some(d) = crate::typeobj::instance_dict(slf).filter(|d| dict::len(d) > 0) {
        parts.push(d);
    }
    Ok(tuple::new(parts))
});

// ImportError pickles `name` and `path` in its state dict.
crate::fastcall!(importerror_reduce, |slf, args_| {
    let e = slf.as_ptr() as *mut PyImportErrorObject;
    let d = crate::typeobj::instance_dict(slf).filter(|d| dict::len(d) > 0);
    let (name, path) = ((*e).name, (*e).path);
    let mut parts = vec![slf.type_obj(), args(slf)];
    if d.is_some() || !name.is_null() || !path.is_null() {
        let st = match d {
            Some(d) => dict::copy(&d),
            None => dict::new(),
        };
        if !name.is_null() {
            dict::set_item_rs(&st, "name", PyObj::from_borrowed(name));
        }
        if !path.is_null() {
            dict::set_item_rs(&st, "path", PyObj::from_borrowed(path));
        }
        parts.push(st);
    }
    Ok(tuple::new(parts))
});

unsafe extern "C" fn importerror_str(o: *mut PyObject) -> *mut PyObject {
    let m = (*(o as *mut PyImportErrorObject)).msg;
    if !m.is_null() && m != none::none_ptr() {
        return err::into_ptr(crate::abstract_::str(PyObj::borrow(&m)));
    }
    exc_str(o)
}

unsafe extern "C" fn oserror_str(o: *mut PyObject) -> *mut PyObject {
    let e = o as *mut PyOSErrorObject;
    let opt = |p: *mut PyObject| if p.is_null() || p == none::none_ptr() { None } else { Some(PyObj::from_borrowed(p)) };
    let r = (|| -> crate::err::PyResult {
        if let (Some(en), Some(se)) = (opt((*e).myerrno), opt((*e).strerror)) {
            let ens = crate::abstract_::str_string(&en)?;
            let ses = crate::abstract_::str_string(&se)?;
            if let Some(f) = opt((*e).filename) {
                let fr = crate::abstract_::repr_string(&f)?;
                if let Some(f2) = opt((*e).filename2) {
                    let f2r = crate::abstract_::repr_string(&f2)?;
                    return Ok(unicode::new(&format!("[Errno {}] {}: {} -> {}", ens, ses, fr, f2r)));
                }
                return Ok(unicode::new(&format!("[Errno {}] {}: {}", ens, ses, fr)));
            }
            return Ok(unicode::new(&format!("[Errno {}] {}", ens, ses)));
        }
        err::from_ptr(exc_str(o))
    })();
    err::into_ptr(r)
}

unsafe extern "C" fn syntaxerror_str(o: *mut PyObject) -> *mut PyObject {
    let e = o as *mut PySyntaxErrorObject;
    let opt = |p: *mut PyObject| if p.is_null() || p == none::none_ptr() { None } else { Some(PyObj::from_borrowed(p)) };
    let r = (|| -> crate::err::PyResult {
        let msg = match opt((*e).msg) {
            Some(m) => crate::abstract_::str_string(&m)?,
            None => return err::from_ptr(exc_str(o)),
        };
        let fname = opt((*e).filename).filter(|f| unicode::is_str(f)).map(|f| {
            let s = unicode::to_string_lossy(&f);
            s.rsplit('/').next().unwrap_or(&s).to_string()
        });
        let line = opt((*e).lineno).and_then(|l| if long::is_int(&l) { long::as_i64(&l) } else { None });
        Ok(unicode::new(&match (fname, line) {
            (Some(f), Some(l)) => format!("{} ({}, line {})", msg, f, l),
            (Some(f), None) => format!("{} ({})", msg, f),
            (None, Some(l)) => format!("{} (line {})", msg, l),
            (None, None) => msg,
        }))
    })();
    err::into_ptr(r)
}

/// Fills the fields of the richer exception types from their args (their
/// `__init__`s): ImportError msg, OSError errno/strerror/filename and
/// subclass choice, SyntaxError (msg, (filename, lineno, offset, text, ...)).
unsafe fn init_rich_fields(o: &PyObj) {
    let tp = o.ob_type();
    let a = args(o);
    let items = tuple::items(&a).to_vec();
    if crate::typeobj::is_subtype(tp, PyExc_ImportError) {
        let e = o.as_ptr() as *mut PyImportErrorObject;
        if items.len() == 1 {
            replace(&raw mut (*e).msg, items[0].clone());
        }
    } else if crate::typeobj::is_subtype(tp, PyExc_OSError) {
        let e = o.as_ptr() as *mut PyOSErrorObject;
        (*e).written = -1;
        if items.len() >= 2 && items.len() <= 5 {
            replace(&raw mut (*e).myerrno, items[0].clone());
            replace(&raw mut (*e).strerror, items[1].clone());
            if items.len() >= 3 && !none::is_none(&items[2]) {
                if tp == PyExc_BlockingIOError && crate::objects::long::is_int(&items[2]) {
                    // BlockingIOError's third argument is characters_written.
                    (*e).written = long::as_i64(&items[2]).unwrap_or(-1) as Py_ssize_t;
                } else {
                    replace(&raw mut (*e).filename, items[2].clone());
                    if items.len() >= 5 && !none::is_none(&items[4]) {
                        replace(&raw mut (*e).filename2, items[4].clone());
                    }
                    // args keeps only (errno, strerror) when a filename is given.
                    replace(&raw mut (*e).base.args, tuple::new(items[..2].to_vec()));
                }
            }
        }
    } else if crate::typeobj::is_subtype(tp, PyExc_SyntaxError) {
        let e = o.as_ptr() as *mut PySyntaxErrorObject;
        if !items.is_empty() {
            replace(&raw mut (*e).msg, items[0].clone());
        }
        if items.len() == 2 {
            let info = crate::abstract_::iterate(&items[1]).unwrap_or_default();
            let fields = [&raw mut (*e).filename, &raw mut (*e).lineno, &raw mut (*e).offset, &raw mut (*e).text, &raw mut (*e).end_lineno, &raw mut (*e).end_offset];
            for (i, f) in fields.iter().enumerate() {
                if let Some(v) = info.get(i) {
                    replace(*f, v.clone());
                }
            }
        }
    } else if crate::typeobj::is_subtype(tp, PyExc_UnicodeError) {
        let e = o.as_ptr() as *mut PyUnicodeErrorObject;
        let is_translate = crate::typeobj::is_subtype(tp, PyExc_UnicodeTranslateError);
        let want = if is_translate { 4 } else { 5 };
        if items.len() == want {
            let mut i = 0;
            if !is_translate {
                replace(&raw mut (*e).encoding, items[0].clone());
                i = 1;
            }
            replace(&raw mut (*e).object, items[i].clone());
            (*e).start = long::as_i64(&items[i + 1]).unwrap_or(0) as isize;
            (*e).end = long::as_i64(&items[i + 2]).unwrap_or(0) as isize;
            replace(&raw mut (*e).reason, items[i + 3].clone());
        }
    }
}

/// `OSError(errno, ...)` picks the subclass matching errno (PEP 3151).
unsafe extern "C" fn oserror_new(tp: *mut PyTypeObject, args: *mut PyObject, kw: *mut PyObject) -> *mut PyObject {
    let mut tp = tp;
    if tp == PyExc_OSError {
        let a = tuple::items(PyObj::borrow(&args));
        if a.len() >= 2 {
            if let Some(code) = long::as_i64(&a[0]).filter(|_| long::is_int(&a[0])) {
                let sub = match code {
                    11 | 114 | 115 => Some(PyExc_BlockingIOError),
                    10 => Some(PyExc_ChildProcessError),
                    32 | 108 => Some(PyExc_BrokenPipeError),
                    103 => Some(PyExc_ConnectionAbortedError),
                    111 => Some(PyExc_ConnectionRefusedError),
                    104 => Some(PyExc_ConnectionResetError),
                    17 => Some(PyExc_FileExistsError),
                    2 => Some(PyExc_FileNotFoundError),
                    4 => Some(PyExc_InterruptedError),
                    21 => Some(PyExc_IsADirectoryError),
                    20 => Some(PyExc_NotADirectoryError),
                    1 | 13 => Some(PyExc_PermissionError),
                    3 => Some(PyExc_ProcessLookupError),
                    110 => Some(PyExc_TimeoutError),
                    _ => None,
                };
                if let Some(s) = sub {
                    tp = s;
                }
            }
        }
    }
    exc_new(tp, args, kw)
}

unsafe extern "C" fn rich_init(o: *mut PyObject, args_: *mut PyObject, kw: *mut PyObject) -> c_int {
    if exc_init(o, args_, kw) < 0 {
        return -1;
    }
    init_rich_fields(PyObj::borrow(&o));
    0
}

unsafe extern "C" fn unicode_error_str(o: *mut PyObject) -> *mut PyObject {
    let e = o as *mut PyUnicodeErrorObject;
    let tp = (*o).ob_type;
    if (*e).object.is_null() || (*e).reason.is_null() {
        return exc_str(o);
    }
    let r = (|| -> crate::err::PyResult {
        let reason = crate::abstract_::str_string(&PyObj::from_borrowed((*e).reason))?;
        let obj = PyObj::from_borrowed((*e).object);
        let enc = if (*e).encoding.is_null() { String::new() } else { crate::abstract_::str_string(&PyObj::from_borrowed((*e).encoding))? };
        let (start, end) = ((*e).start, (*e).end);
        let msg = if crate::typeobj::is_subtype(tp, PyExc_UnicodeDecodeError) {
            let data = crate::objects::bytearray::bytes_like_data(&obj).unwrap_or_default();
            if start >= 0 && (start as usize) < data.len() && end == start + 1 {
                format!("'{}' codec can't decode byte 0x{:02x} in position {}: {}", enc, data[start as usize], start, reason)
            } else {
                format!("'{}' codec can't decode bytes in position {}-{}: {}", enc, start, end - 1, reason)
            }
        } else {
            let what = if crate::typeobj::is_subtype(tp, PyExc_UnicodeEncodeError) {
                format!("'{}' codec can't encode", enc)
            } else {
                "can't translate".to_string()
            };
            let len = if unicode::is_str(&obj) { unicode::len(&obj) as isize } else { 0 };
            if start >= 0 && start < len && end == start + 1 {
                let c = unicode::data(&obj).get(start as usize);
                let cs = if c < 0x100 {
                    format!("\\x{:02x}", c)
                } else if c < 0x10000 {
                    format!("\\u{:04x}", c)
                } else {
                    format!("\\U{:08x}", c)
                };
                format!("{} character '{}' in position {}: {}", what, cs, start, reason)
            } else {
                format!("{} characters in position {}-{}: {}", what, start, end - 1, reason)
            }
        };
        Ok(unicode::new(&msg))
    })();
    err::into_ptr(r)
}

member_getter!(ue_encoding, PyUnicodeErrorObject, encoding);
member_getter!(ue_object, PyUnicodeErrorObject, object);
member_getter!(ue_reason, PyUnicodeErrorObject, reason);
member_setter!(ue_encoding_set, PyUnicodeErrorObject, encoding);
member_setter!(ue_object_set, PyUnicodeErrorObject, object);
member_setter!(ue_reason_set, PyUnicodeErrorObject, reason);

unsafe extern "C" fn ue_start(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64((*(o as *mut PyUnicodeErrorObject)).start as i64).into_ptr()
}
unsafe extern "C" fn ue_end(o: *mut PyObject, _: *mut c_void) -> *mut PyObject {
    long::from_i64((*(o as *mut PyUnicodeErrorObject)).end as i64).into_ptr()
}
unsafe extern "C" fn ue_start_set(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    match crate::abstract_::to_i64(PyObj::borrow(&v)) {
        Ok(x) => { (*(o as *mut PyUnicodeErrorObject)).start = x as isize; 0 }
        Err(e) => { err::restore(e); -1 }
    }
}
unsafe extern "C" fn ue_end_set(o: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    match crate::abstract_::to_i64(PyObj::borrow(&v)) {
        Ok(x) => { (*(o as *mut PyUnicodeErrorObject)).end = x as isize; 0 }
        Err(e) => { err::restore(e); -1 }
    }
}

pub unsafe fn init_types() {
    use crate::objects::descr::{set_getsets, set_methods};
    set_getsets(PyExc_UnicodeError, &[
        ("encoding", ue_encoding as *const c_void, ue_encoding_set as *const c_void),
        ("object", ue_object as *const c_void, ue_object_set as *const c_void),
        ("start", ue_start as *const c_void, ue_start_set as *const c_void),
        ("end", ue_end as *const c_void, ue_end_set as *const c_void),
        ("reason", ue_reason as *const c_void, ue_reason_set as *const c_void),
    ]);
    (*PyExc_UnicodeError).tp_init = Some(rich_init);
    for t in [PyExc_UnicodeDecodeError, PyExc_UnicodeEncodeError, PyExc_UnicodeTranslateError] {
        (*t).tp_str = Some(unicode_error_str);
    }
    let b = PyExc_BaseException;
    (*b).tp_new = Some(exc_new);
    (*b).tp_init = Some(exc_init);
    (*b).tp_dealloc = Some(exc_dealloc);
    (*b).tp_traverse = Some(exc_traverse);
    (*b).tp_clear = Some(exc_clear);
    (*b).tp_str = Some(exc_str);
    (*b).tp_repr = Some(exc_repr);
    (*b).tp_dictoffset = std::mem::offset_of!(PyBaseExceptionObject, dict) as isize;
    for (tp, _, _) in all_exceptions() {
        (*tp).tp_flags |= flags::BASETYPE | flags::HAVE_GC | flags::BASE_EXC_SUBCLASS;
    }
    set_getsets(b, &[
        ("args", get_args as *const c_void, set_args as *const c_void),
        ("__traceback__", get_tb as *const c_void, set_tb as *const c_void),
        ("__context__", get_context as *const c_void, set_context_gs as *const c_void),
        ("__cause__", get_cause as *const c_void, set_cause_gs as *const c_void),
        ("__suppress_context__", get_suppress as *const c_void, set_suppress as *const c_void),
    ]);
    set_methods(b, &[
        ("with_traceback", exc_with_traceback as *const c_void, meth::O, ""),
        ("add_note", exc_add_note as *const c_void, meth::O, ""),
        ("__reduce__", exc_reduce as *const c_void, meth::FASTCALL, ""),
        ("__setstate__", exc_setstate as *const c_void, meth::O, ""),
    ]);
    (*PyExc_KeyError).tp_str = Some(keyerror_str);
    let gs = |t: *mut PyTypeObject, entries: &[(&str, *const c_void, *const c_void)]| set_getsets(t, entries);
    gs(PyExc_StopIteration, &[("value", stopiter_value as *const c_void, stopiter_value_set as *const c_void)]);
    gs(PyExc_SystemExit, &[("code", sysexit_code as *const c_void, sysexit_code_set as *const c_void)]);
    gs(PyExc_ImportError, &[
        ("msg", ie_msg as *const c_void, ie_msg_set as *const c_void),
        ("name", ie_name as *const c_void, ie_name_set as *const c_void),
        ("path", ie_path as *const c_void, ie_path_set as *const c_void),
    ]);
    (*PyExc_ImportError).tp_init = Some(rich_init);
    set_methods(PyExc_ImportError, &[("__reduce__", importerror_reduce as *const c_void, meth::FASTCALL, "")]);
    (*PyExc_ImportError).tp_str = Some(importerror_str);
    gs(PyExc_NameError, &[("name", ne_name as *const c_void, ne_name_set as *const c_void)]);
    gs(PyExc_AttributeError, &[
        ("name", ae_name as *const c_void, ae_name_set as *const c_void),
        ("obj", ae_obj as *const c_void, ae_obj_set as *const c_void),
    ]);
    gs(PyExc_OSError, &[
        ("errno", os_errno as *const c_void, os_errno_set as *const c_void),
        ("strerror", os_strerror as *const c_void, os_strerror_set as *const c_void),
        ("filename", os_filename as *const c_void, os_filename_set as *const c_void),
        ("filename2", os_filename2 as *const c_void, os_filename2_set as *const c_void),
        ("characters_written", os_written as *const c_void, os_written_set as *const c_void),
    ]);
    set_methods(PyExc_OSError, &[("__reduce__", oserror_reduce as *const c_void, meth::FASTCALL, "")]);
    (*PyExc_OSError).tp_new = Some(oserror_new);
    (*PyExc_OSError).tp_init = Some(rich_init);
    (*PyExc_OSError).tp_str = Some(oserror_str);
    gs(PyExc_SyntaxError, &[
        ("msg", se_msg as *const c_void, se_msg_set as *const c_void),
        ("filename", se_filename as *const c_void, se_filename_set as *const c_void),
        ("lineno", se_lineno as *const c_void, se_lineno_set as *const c_void),
        ("offset", se_offset as *const c_void, se_offset_set as *const c_void),
        ("text", se_text as *const c_void, se_text_set as *const c_void),
        ("end_lineno", se_end_lineno as *const c_void, se_end_lineno_set as *const c_void),
        ("end_offset", se_end_offset as *const c_void, se_end_offset_set as *const c_void),
        ("print_file_and_line", se_pfal as *const c_void, se_pfal_set as *const c_void),
    ]);
    (*PyExc_SyntaxError).tp_init = Some(rich_init);
    (*PyExc_SyntaxError).tp_str = Some(syntaxerror_str);
    crate::objects::exceptiongroup::init_type();
}

/// Called from `new_with_message` for built-in types created without
/// running `__init__`: derive the rich fields as well.
pub unsafe fn init_builtin_fields(o: &PyObj) {
    init_rich_fields(o);
}
