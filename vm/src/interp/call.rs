//! Calling Python functions: binding arguments to parameters (with CPython's
//! error messages), creating the frame, and starting generators; running
//! module and class bodies; `__build_class__`.

use crate::bytecode::co_flags;
use crate::err::{self, PyResult};
use crate::object::*;
use crate::objects::code::{self, CodeData};
use crate::objects::frame::{self, PyFrameObject};
use crate::objects::{dict, function, tuple, unicode};
use crate::objref::PyObj;

/// Frees a frame that never started (or finished) when its owner drops it.
struct FrameGuard(*mut PyFrameObject);
impl Drop for FrameGuard {
    fn drop(&mut self) {
        unsafe { crate::objref::decref(self.0 as *mut PyObject) }
    }
}

const GENERATOR_FLAGS: u32 = co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR;

/// A new frame for a call of `func` with the arguments bound (an owned
/// reference; freed again when binding fails).
#[inline(always)]
unsafe fn bound_frame(func: &PyObj, cd: &CodeData, args: &[PyObj], kwnames: Option<&PyObj>) -> PyResult<*mut PyFrameObject> {
    let fo = function::raw(func);
    let f = frame::new(
        PyObj::borrow(&(*fo).func_code),
        PyObj::borrow(&(*fo).func_globals),
        PyObj::borrow(&(*fo).func_builtins),
        None,
        Some(func),
    );
    let guard = FrameGuard(f);
    bind_args(f, func, cd, args, kwnames)?;
    std::mem::forget(guard);
    Ok(f)
}

/// Code flags that keep a call off the argument-copying fast paths (here
/// and in CALL): frames that bind more than their positional parameters.
pub(super) const SIMPLE_CALL_EXCLUDED: u32 = GENERATOR_FLAGS | co_flags::VARARGS | co_flags::VARKEYWORDS;

/// Calls a Python function with vectorcall-style arguments.
pub fn call_function(func: &PyObj, args: &[PyObj], kwnames: Option<&PyObj>) -> PyResult {
    unsafe {
        let cd = code::data(PyObj::borrow(&(*function::raw(func)).func_code));
        if kwnames.is_none() && args.len() == cd.argcount as usize && cd.kwonlyargcount == 0
            && cd.flags & SIMPLE_CALL_EXCLUDED == 0
        {
            // Exactly the positional parameters (the commonest call from C and
            // from Rust): no binding beyond copying the references.
            let fp = func.clone().into_ptr();
            let f = frame::new_for_call(fp, cd);
            let lp = frame::localsplus(f);
            for (i, a) in args.iter().enumerate() {
                *lp.add(i) = a.clone().into_ptr();
            }
            let r = super::eval::eval_frame(f, None);
            frame::decref_frame(f);
            return r;
        }
        // Laid out after the positional path, which then has no taken jump.
        std::hint::cold_path();
        let f = bound_frame(func, cd, args, kwnames)?;
        if cd.flags & GENERATOR_FLAGS != 0 {
            let fr = PyObj::from_owned(f as *mut PyObject);
            return Ok(crate::objects::genobject::new_for_frame(fr, func, cd.flags));
        }
        let guard = FrameGuard(f);
        let r = super::eval::eval_frame(f, None);
        drop(guard);
        r
    }
}

/// Creates the frame of a call to a plain (non-generator) Python function
/// with its arguments bound, for the dispatch loop to run inline; `None`
/// when the function makes a generator or coroutine.
#[inline(always)]
pub unsafe fn prepare_inline_frame(func: &PyObj, args: &[PyObj], kwnames: Option<&PyObj>) -> Option<PyResult<*mut PyFrameObject>> {
    let cd = code::data(PyObj::borrow(&(*function::raw(func)).func_code));
    if cd.flags & GENERATOR_FLAGS != 0 {
        return None;
    }
    Some(bound_frame(func, cd, args, kwnames))
}

/// Runs a module or class body code object with the given namespaces.
pub fn run_code(codeobj: &PyObj, globals: &PyObj, locals: Option<&PyObj>) -> PyResult {
    run_code_closure(codeobj, globals, locals, None)
}

pub fn run_code_closure(codeobj: &PyObj, globals: &PyObj, locals: Option<&PyObj>, closure: Option<&PyObj>) -> PyResult {
    unsafe {
        if dict::get_item_rs(globals, "__builtins__").is_none() {
            dict::set_item_rs(globals, "__builtins__", super::interp().builtins.clone());
        }
        let builtins = super::builtins_for_globals(globals);
        let locals = locals.unwrap_or(globals);
        let cd = code::data(codeobj);
        let f = frame::new(codeobj, globals, &builtins, Some(locals), None);
        let guard = FrameGuard(f);
        if let Some(c) = closure {
            let items = tuple::items(c);
            let lp = frame::localsplus(f);
            let base = cd.nlocalsplus - cd.freevars.len();
            for (i, cell) in items.iter().enumerate().take(cd.freevars.len()) {
                *lp.add(base + i) = cell.clone().into_ptr();
            }
        }
        let r = super::eval::eval_frame(f, None);
        drop(guard);
        r
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{} {}{}", n, word, if n == 1 { "" } else { "s" })
}

fn name_list(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => format!("'{}'", names[0]),
        2 => format!("'{}' and '{}'", names[0], names[1]),
        _ => {
            let head: Vec<String> = names[..names.len() - 1].iter().map(|n| format!("'{}'", n)).collect();
            format!("{}, and '{}'", head.join(", "), names[names.len() - 1])
        }
    }
}

/// Binds arguments into the frame's fast locals (CPython's
/// `initialize_locals`), raising TypeError with CPython's messages.
unsafe fn bind_args(f: *mut PyFrameObject, func: &PyObj, cd: &CodeData, args: &[PyObj], kwnames: Option<&PyObj>) -> PyResult<()> {
    let lp = frame::localsplus(f);
    let nk = kwnames.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    let argcount = cd.argcount as usize;
    let kwonly = cd.kwonlyargcount as usize;
    let posonly = cd.posonlyargcount as usize;
    let has_varargs = cd.flags & co_flags::VARARGS != 0;
    let has_varkw = cd.flags & co_flags::VARKEYWORDS != 0;
    let total = argcount + kwonly;
    let qualname = || unicode::to_string_lossy(&PyObj::from_borrowed((*function::raw(func)).func_qualname));

    // Fast path: exact positional call, no defaults needed.
    if nk == 0 && np == argcount && !has_varargs && !has_varkw && kwonly == 0 {
        for (i, a) in args.iter().enumerate() {
            *lp.add(i) = a.clone().into_ptr();
        }
        return Ok(());
    }

    let kwdict = if has_varkw {
        let d = dict::new();
        let idx = total + has_varargs as usize;
        *lp.add(idx) = d.clone().into_ptr();
        Some(d)
    } else {
        None
    };
    let n = np.min(argcount);
    for i in 0..n {
        *lp.add(i) = args[i].clone().into_ptr();
    }
    if has_varargs {
        let extra = if np > argcount { tuple::from_slice(&args[argcount..np]) } else { tuple::empty() };
        *lp.add(total) = extra.into_ptr();
    }

    // Keyword arguments.
    let mut posonly_as_kw: Vec<String> = Vec::new();
    if let Some(kn) = kwnames {
        for (j, name) in tuple::items(kn).iter().enumerate() {
            let value = &args[np + j];
            let mut found = None;
            for i in posonly..total {
                let vn = &cd.varnames[i];
                if vn.is(name) || unicode::eq(vn, name) {
                    found = Some(i);
                    break;
                }
            }
            match found {
                Some(i) => {
                    if !(*lp.add(i)).is_null() {
                        return Err(err::type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            qualname(),
                            unicode::to_string_lossy(name)
                        )));
                    }
                    *lp.add(i) = value.clone().into_ptr();
                }
                None => {
                    if let Some(d) = &kwdict {
                        dict::set_item(d, name.clone(), value.clone())?;
                        continue;
                    }
                    if cd.varnames[..posonly].iter().any(|v| unicode::eq(v, name)) {
                        posonly_as_kw.push(unicode::to_string_lossy(name));
                        continue;
                    }
                    return Err(err::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qualname(),
                        unicode::to_string_lossy(name)
                    )));
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(err::type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname(),
            posonly_as_kw.join(", ")
        )));
    }

    // Too many positional arguments.
    if np > argcount && !has_varargs {
        let defaults = function::defaults(func);
        let ndef = defaults.as_ref().map(tuple::len).unwrap_or(0);
        let kwonly_given = (argcount..total).filter(|&i| !(*lp.add(i)).is_null()).count();
        let takes = if ndef > 0 {
            format!("from {} to {} positional arguments", argcount - ndef, argcount)
        } else {
            plural(argcount, "positional argument")
        };
        let given = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                np,
                if np == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{} {} given", np, if np == 1 { "was" } else { "were" })
        };
        let takes = if ndef == 0 && argcount == 1 { "1 positional argument".to_string() } else { takes };
        return Err(err::type_error(format!("{}() takes {} but {}", qualname(), takes, given)));
    }

    // Defaults for missing positional parameters.
    if np < argcount {
        let defaults = function::defaults(func);
        let ndef = defaults.as_ref().map(tuple::len).unwrap_or(0);
        let first_default = argcount - ndef;
        let mut missing: Vec<String> = Vec::new();
        for i in np..argcount {
            if (*lp.add(i)).is_null() {
                if i >= first_default {
                    let d = &tuple::items(defaults.as_ref().unwrap())[i - first_default];
                    *lp.add(i) = d.clone().into_ptr();
                } else {
                    missing.push(unicode::to_string_lossy(&cd.varnames[i]));
                }
            }
        }
        if !missing.is_empty() {
            return Err(err::type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                qualname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
    }

    // Keyword-only defaults.
    if kwonly > 0 {
        let kwdefaults = function::kwdefaults(func);
        let mut missing: Vec<String> = Vec::new();
        for i in argcount..total {
            if (*lp.add(i)).is_null() {
                let name = &cd.varnames[i];
                let d = match &kwdefaults {
                    Some(kd) => dict::get_item(kd, name)?,
                    None => None,
                };
                match d {
                    Some(v) => *lp.add(i) = v.into_ptr(),
                    None => missing.push(unicode::to_string_lossy(name)),
                }
            }
        }
        if !missing.is_empty() {
            return Err(err::type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                qualname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
    }
    Ok(())
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(args: &[PyObj], kwnames: Option<&PyObj>) -> PyResult {
    let nk = kwnames.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    if np < 2 {
        return Err(err::type_error("__build_class__: not enough arguments"));
    }
    let func = &args[0];
    if !function::is_function(func) {
        return Err(err::type_error("__build_class__: func must be a function"));
    }
    let name = &args[1];
    if !unicode::is_str(name) {
        return Err(err::type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<PyObj> = args[2..np].to_vec();
    // PEP 560: __mro_entries__.
    let mut bases: Vec<PyObj> = Vec::new();
    let mut changed = false;
    for b in &orig_bases {
        if crate::typeobj::is_type(b) {
            bases.push(b.clone());
            continue;
        }
        match crate::abstract_::getattr_str_opt(b, "__mro_entries__")? {
            Some(me) => {
                let r = crate::abstract_::call1(&me, &tuple::from_slice(&orig_bases))?;
                if !tuple::is_tuple(&r) {
                    return Err(err::type_error("__mro_entries__ must return a tuple"));
                }
                bases.extend(tuple::items(&r).iter().cloned());
                changed = true;
            }
            None => bases.push(b.clone()),
        }
    }
    let bases_t = tuple::new(bases.clone());
    let mut meta: Option<PyObj> = None;
    let mut kw_vals: Vec<PyObj> = Vec::new();
    let mut kw_names: Vec<PyObj> = Vec::new();
    if let Some(kn) = kwnames {
        for (j, n) in tuple::items(kn).iter().enumerate() {
            if unicode::eq_str(n, "metaclass") {
                meta = Some(args[np + j].clone());
            } else {
                kw_names.push(n.clone());
                kw_vals.push(args[np + j].clone());
            }
        }
    }
    let is_class_meta = meta.is_none() || meta.as_ref().map(crate::typeobj::is_type).unwrap_or(false);
    let meta = match meta {
        Some(m) => m,
        None => {
            if bases.is_empty() {
                crate::typeobj::type_obj(crate::typeobj::type_type())
            } else {
                bases[0].type_obj()
            }
        }
    };
    let meta = if is_class_meta {
        let w = crate::typeobj::calculate_metaclass(unsafe { crate::typeobj::as_type(&meta) }, &bases)?;
        crate::typeobj::type_obj(w)
    } else {
        meta
    };
    let kwn_t = if kw_names.is_empty() { None } else { Some(tuple::new(kw_names.clone())) };
    let ns = match crate::abstract_::getattr_str_opt(&meta, "__prepare__")? {
        Some(prep) => {
            let mut a = vec![name.clone(), bases_t.clone()];
            a.extend(kw_vals.iter().cloned());
            crate::abstract_::call(&prep, &a, kwn_t.as_ref())?
        }
        None => dict::new(),
    };
    if !crate::abstract_::has_mapping_protocol(&ns) {
        let mname = if crate::typeobj::is_type(&meta) {
            crate::typeobj::type_name(unsafe { crate::typeobj::as_type(&meta) })
        } else {
            "<metaclass>".into()
        };
        return Err(err::type_error(format!(
            "{}.__prepare__() must return a mapping, not {}",
            mname,
            crate::typeobj::type_name(ns.ob_type())
        )));
    }
    let codeobj = function::code(func).clone();
    let globals = function::globals(func).clone();
    let cell = run_code_closure(&codeobj, &globals, Some(&ns), function::closure(func).as_ref())?;
    if changed {
        crate::abstract_::setitem(&ns, &unicode::intern("__orig_bases__"), Some(&tuple::new(orig_bases)))?;
    }
    let mut a = vec![name.clone(), bases_t, ns];
    a.extend(kw_vals);
    let cls = crate::abstract_::call(&meta, &a, kwn_t.as_ref())?;
    if crate::objects::cell::is_cell(&cell) && crate::typeobj::is_type(&cls) {
        match crate::objects::cell::get(&cell) {
            Some(c) if c.is(&cls) => {}
            Some(c) => {
                return Err(err::type_error(format!(
                    "__class__ set to {} defining {} as {}",
                    crate::abstract_::repr_string(&c)?,
                    unicode::to_string_lossy(name),
                    crate::abstract_::repr_string(&cls)?
                )))
            }
            None => {
                return Err(err::runtime_error(format!(
                    "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                    crate::abstract_::repr_string(name)?,
                    crate::abstract_::repr_string(&cls)?
                )))
            }
        }
    }
    Ok(cls)
}

