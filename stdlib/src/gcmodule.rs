//! `gc`: the cycle collector's interface.

use std::os::raw::c_void;
use vm::err::PyResult;
use vm::object::meth;
use vm::objects::{boolobject, long, module, none, tuple};
use vm::objref::PyObj;

vm::fastcall!(gc_collect, |slf, args| { Ok(long::from_i64(vm::gc::collect() as i64)) });
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
    Ok(tuple::new(vec![long::from_i64(vm::gc::count() as i64), long::from_i64(0), long::from_i64(0)]))
});
vm::onearg!(gc_is_tracked, |slf, o| {
    let o = o.unwrap();
    let tracked = unsafe { vm::alloc::type_is_gc(o.ob_type()) && vm::gc::is_tracked(o.as_ptr()) };
    Ok(boolobject::new(tracked))
});

pub fn init() -> PyResult<PyObj> {
    let m = module::new("gc");
    vm::sysmodule::add_functions(&m, &[
        ("collect", gc_collect as *const c_void, meth::FASTCALL),
        ("enable", gc_enable as *const c_void, meth::FASTCALL),
        ("disable", gc_disable as *const c_void, meth::FASTCALL),
        ("isenabled", gc_isenabled as *const c_void, meth::FASTCALL),
        ("get_count", gc_get_count as *const c_void, meth::FASTCALL),
        ("is_tracked", gc_is_tracked as *const c_void, meth::O),
    ]);
    Ok(m)
}
