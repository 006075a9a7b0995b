//! `gc`: the cycle collector's interface.

use std::os::raw::c_void;
use vm::err::{self, PyResult};
use vm::object::meth;
use vm::objects::methodobject::bind_args;
use vm::objects::{boolobject, dict, list, long, module, none, tuple};
use vm::objref::PyObj;

fn int_arg(o: &PyObj, fname: &str) -> PyResult<i64> {
    if !long::is_int(o) {
        return Err(err::type_error(format!(
            "{}() argument must be int, not {}",
            fname,
            vm::typeobj::type_name(o.ob_type())
        )));
    }
    vm::abstract_::to_i64(o)
}

vm::fastcall_kw!(gc_collect, |slf, args, kw| {
    let a = bind_args("collect", args, kw, &["generation"], 0, 0)?;
    let gen = match &a[0] {
        Some(g) => int_arg(g, "collect")?,
        None => 2,
    };
    if !(0..=2).contains(&gen) {
        return Err(err::value_error("invalid generation"));
    }
    Ok(long::from_i64(vm::gc::collect_generation(gen as usize) as i64))
});
vm::fastcall!(gc_enable, |slf, args| {
    vm::gc::enable();
    Ok(none::none())
});
vm::fastcall!(gc_disable, |slf, args| {
    vm::gc::disable();
    Ok(none::none())
});
vm::fastcall!(gc_isenabled, |slf, args| { Ok(boolobject::new(vm::gc::is_enabled())) });
vm::fastcall!(gc_get_count, |slf, args| {
    let c = vm::gc::counts();
    Ok(tuple::new(c.iter().map(|&n| long::from_i64(n as i64)).collect()))
});
vm::fastcall!(gc_get_threshold, |slf, args| {
    let t = vm::gc::thresholds();
    Ok(tuple::new(t.iter().map(|&n| long::from_i64(n as i64)).collect()))
});
vm::fastcall!(gc_set_threshold, |slf, args| {
    vm::objects::methodobject::check_nargs("set_threshold", args, 1, 3)?;
    let mut v = Vec::new();
    for a in args {
        v.push(int_arg(a, "set_threshold")? as isize);
    }
    vm::gc::set_thresholds(v[0], v.get(1).copied(), v.get(2).copied());
    Ok(none::none())
});
vm::onearg!(gc_is_tracked, |slf, o| {
    let o = o.unwrap();
    let tracked = unsafe { vm::alloc::type_is_gc(o.ob_type()) && vm::gc::is_tracked(o.as_ptr()) };
    Ok(boolobject::new(tracked))
});
vm::onearg!(gc_is_finalized, |slf, o| {
    let o = o.unwrap();
    let f = unsafe { vm::alloc::type_is_gc(o.ob_type()) && vm::gc::is_finalized(o.as_ptr()) };
    Ok(boolobject::new(f))
});
vm::fastcall_kw!(gc_get_objects, |slf, args, kw| {
    let a = bind_args("get_objects", args, kw, &["generation"], 0, 0)?;
    let gen = match &a[0] {
        Some(g) if !none::is_none(g) => {
            let g = int_arg(g, "get_objects")?;
            if g >= 3 {
                return Err(err::value_error(format!("generation parameter must be less than the number of available generations (3)")));
            }
            if g < 0 {
                return Err(err::value_error("generation parameter cannot be negative"));
            }
            Some(g as usize)
        }
        _ => None,
    };
    Ok(list::new(vm::gc::objects(gen)))
});
vm::fastcall!(gc_get_referrers, |slf, args| {
    let targets: std::collections::HashSet<usize> = args.iter().map(|a| a.as_ptr() as usize).collect();
    let mut out = Vec::new();
    for o in vm::gc::objects(None) {
        let refs = unsafe { vm::gc::referents(o.as_ptr()) };
        if refs.iter().any(|r| targets.contains(&(*r as usize))) {
            out.push(o);
        }
    }
    Ok(list::new(out))
});
vm::fastcall!(gc_get_referents, |slf, args| {
    let mut out = Vec::new();
    for a in args {
        for r in unsafe { vm::gc::referents(a.as_ptr()) } {
            out.push(unsafe { PyObj::from_borrowed(r) });
        }
    }
    Ok(list::new(out))
});
vm::fastcall!(gc_freeze, |slf, args| {
    vm::gc::freeze();
    Ok(none::none())
});
vm::fastcall!(gc_unfreeze, |slf, args| {
    vm::gc::unfreeze();
    Ok(none::none())
});
vm::fastcall!(gc_get_freeze_count, |slf, args| { Ok(long::from_usize(vm::gc::freeze_count())) });
vm::fastcall!(gc_get_debug, |slf, args| { Ok(long::from_i64(vm::gc::debug_flags())) });
vm::onearg!(gc_set_debug, |slf, f| {
    let f = int_arg(f.unwrap(), "set_debug")?;
    vm::gc::set_debug_flags(f);
    Ok(none::none())
});
vm::fastcall!(gc_get_stats, |slf, args| {
    let mut v = Vec::new();
    for _ in 0..3 {
        let d = dict::new();
        dict::set_item_rs(&d, "collections", long::from_i64(0));
        dict::set_item_rs(&d, "collected", long::from_i64(0));
        dict::set_item_rs(&d, "uncollectable", long::from_i64(0));
        v.push(d);
    }
    Ok(list::new(v))
});

pub fn init() -> PyResult<PyObj> {
    let m = module::new("gc");
    vm::sysmodule::add_functions(&m, &[
        ("collect", gc_collect as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("enable", gc_enable as *const c_void, meth::FASTCALL),
        ("disable", gc_disable as *const c_void, meth::FASTCALL),
        ("isenabled", gc_isenabled as *const c_void, meth::FASTCALL),
        ("get_count", gc_get_count as *const c_void, meth::FASTCALL),
        ("get_threshold", gc_get_threshold as *const c_void, meth::FASTCALL),
        ("set_threshold", gc_set_threshold as *const c_void, meth::FASTCALL),
        ("is_tracked", gc_is_tracked as *const c_void, meth::O),
        ("is_finalized", gc_is_finalized as *const c_void, meth::O),
        ("get_objects", gc_get_objects as *const c_void, meth::FASTCALL | meth::KEYWORDS),
        ("get_referrers", gc_get_referrers as *const c_void, meth::FASTCALL),
        ("get_referents", gc_get_referents as *const c_void, meth::FASTCALL),
        ("freeze", gc_freeze as *const c_void, meth::FASTCALL),
        ("unfreeze", gc_unfreeze as *const c_void, meth::FASTCALL),
        ("get_freeze_count", gc_get_freeze_count as *const c_void, meth::FASTCALL),
        ("get_debug", gc_get_debug as *const c_void, meth::FASTCALL),
        ("set_debug", gc_set_debug as *const c_void, meth::O),
        ("get_stats", gc_get_stats as *const c_void, meth::FASTCALL),
    ]);
    vm::abstract_::setattr_str(&m, "garbage", vm::gc::garbage())?;
    vm::abstract_::setattr_str(&m, "callbacks", vm::gc::callbacks())?;
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        vm::abstract_::setattr_str(&m, name, long::from_i64(v))?;
    }
    Ok(m)
}
