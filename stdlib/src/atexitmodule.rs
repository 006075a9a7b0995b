//! `atexit`: functions to call at interpreter exit, last registered first.
//! `run_exitfuncs` is called by the runtime's shutdown (src/main.rs).

use std::os::raw::c_void;
use vm::err::{self, PyResult};
use vm::object::meth;
use vm::objects::{dict, long, module, none, tuple};
use vm::objref::PyObj;

struct Callback {
    func: PyObj,
    args: PyObj,
    kwargs: Option<PyObj>,
}

// Touched only with the GIL held.
static mut CALLBACKS: Vec<Callback> = Vec::new();

#[allow(static_mut_refs)]
fn callbacks() -> &'static mut Vec<Callback> {
    unsafe { &mut CALLBACKS }
}

vm::fastcall_kw!(atexit_register, |slf, args, kw| {
    let nk = kw.map(tuple::len).unwrap_or(0);
    let np = args.len() - nk;
    if np == 0 {
        return Err(err::type_error("register() takes at least 1 argument (0 given)"));
    }
    let func = args[0].clone();
    if !vm::bltinmodule::is_callable(&func) {
        return Err(err::type_error("the first argument must be callable"));
    }
    let kwargs = match kw {
        Some(names) if nk > 0 => {
            let d = dict::new();
            for (i, k) in tuple::items(names).iter().enumerate() {
                dict::set_item(&d, k.clone(), args[np + i].clone())?;
            }
            Some(d)
        }
        _ => None,
    };
    callbacks().push(Callback { func: func.clone(), args: tuple::new(args[1..np].to_vec()), kwargs });
    Ok(func)
});

vm::onearg!(atexit_unregister, |slf, func| {
    let func = func.unwrap();
    // Comparisons may run Python code: decide on a snapshot, then remove.
    let funcs: Vec<PyObj> = callbacks().iter().map(|c| c.func.clone()).collect();
    let mut drop_idx = Vec::new();
    for (i, f) in funcs.iter().enumerate() {
        if vm::abstract_::rich_compare_bool(f, func, vm::object::PY_EQ)? {
            drop_idx.push(f.clone());
        }
    }
    callbacks().retain(|c| !drop_idx.iter().any(|d| d.is(&c.func)));
    Ok(none::none())
});

/// Calls every registered function, newest first, reporting exceptions as
/// unraisable; the registry is empty afterwards.
pub fn run_exitfuncs() {
    while let Some(cb) = callbacks().pop() {
        let r = vm::abstract_::call_tuple_dict(&cb.func, &cb.args, cb.kwargs.as_ref());
        if let Err(e) = r {
            vm::interp::write_unraisable_msg(&e, Some("in atexit callback"), Some(&cb.func));
        }
    }
}

vm::fastcall!(atexit_run_exitfuncs, |slf, args| {
    run_exitfuncs();
    Ok(none::none())
});

vm::fastcall!(atexit_clear, |slf, args| {
    let old = std::mem::take(callbacks());
    drop(old);
    Ok(none::none())
});

vm::fastcall!(atexit_ncallbacks, |slf, args| { Ok(long::from_i64(callbacks().len() as i64)) });

pub fn init() -> PyResult<PyObj> {
    let m = module::new("atexit");
    vm::sysmodule::add_functions(&m, &[
        ("register", atexit_register as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("unregister", atexit_unregister as *const c_void, meth::O),
        ("_run_exitfuncs", atexit_run_exitfuncs as *const c_void, meth::FASTCALL),
        ("_clear", atexit_clear as *const c_void, meth::FASTCALL),
        ("_ncallbacks", atexit_ncallbacks as *const c_void, meth::FASTCALL),
    ]);
    Ok(m)
}
