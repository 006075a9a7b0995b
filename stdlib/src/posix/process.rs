//! `posix` process functions: ids, uname, times, signals, fork/exec/wait
//! and the wait-status macros, system, the environment, sysconf/confstr.

#![allow(non_snake_case)]

use super::util::*;
use std::ffi::{CStr, CString};
use vm::err::{self, PyResult};
use vm::objects::{boolobject, dict, float, list, structseq, tuple, unicode};
use vm::objref::PyObj;

macro_rules! id_fn {
    ($name:ident, $call:expr) => {
        vm::onearg!($name, |slf, _a| {
            Ok(int(unsafe { $call } as i64))
        });
    };
}

id_fn!(posix_getpid, libc::getpid());
id_fn!(posix_getppid, libc::getppid());
id_fn!(posix_getuid, libc::getuid());
id_fn!(posix_geteuid, libc::geteuid());
id_fn!(posix_getgid, libc::getgid());
id_fn!(posix_getegid, libc::getegid());
id_fn!(posix_getpgrp, libc::getpgrp());

vm::onearg!(posix_getgroups, |slf, _a| {
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if n < 0 {
        return Err(last_error());
    }
    let mut v = vec![0 as libc::gid_t; n as usize];
    let n = unsafe { libc::getgroups(n, v.as_mut_ptr()) };
    if n < 0 {
        return Err(last_error());
    }
    Ok(list::new(v[..n as usize].iter().map(|g| int(*g as i64)).collect()))
});

vm::onearg!(posix_getlogin, |slf, _a| {
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        let e = errno();
        if e == 0 {
            return Err(err::os_error("unable to determine login name"));
        }
        return Err(os_error(e, None, None));
    }
    Ok(fs_decode(unsafe { CStr::from_ptr(p) }.to_bytes()))
});

pub fn uname_type() -> PyResult<*mut vm::object::PyTypeObject> {
    structseq::get_type("posix.uname_result", &["sysname", "nodename", "release", "version", "machine"])
}

pub fn times_type() -> PyResult<*mut vm::object::PyTypeObject> {
    structseq::get_type("posix.times_result", &["user", "system", "children_user", "children_system", "elapsed"])
}

fn cstr_field(f: &[libc::c_char]) -> PyObj {
    let b: Vec<u8> = f.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    fs_decode(&b)
}

vm::onearg!(posix_uname, |slf, _a| {
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(last_error());
    }
    let tp = uname_type()?;
    Ok(structseq::new_from_values(
        tp,
        vec![
            cstr_field(&u.sysname),
            cstr_field(&u.nodename),
            cstr_field(&u.release),
            cstr_field(&u.version),
            cstr_field(&u.machine),
        ],
    ))
});

vm::onearg!(posix_times, |slf, _a| {
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let c = unsafe { libc::times(&mut t) };
    if c == (-1i64) as libc::clock_t {
        return Err(last_error());
    }
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let tp = times_type()?;
    let f = |v: libc::clock_t| float::new(v as f64 / tick);
    Ok(structseq::new_from_values(tp, vec![f(t.tms_utime), f(t.tms_stime), f(t.tms_cutime), f(t.tms_cstime), f(c)]))
});

vm::onearg!(posix_cpu_count, |slf, _a| {
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { none() } else { int(n as i64) })
});

vm::fastcall!(posix_strerror, |slf, args| {
    vm::objects::methodobject::check_nargs("strerror", args, 1, 1)?;
    Ok(unicode::new(&strerror(c_int_arg(&args[0])?)))
});

vm::fastcall!(posix_kill, |slf, args| {
    vm::objects::methodobject::check_nargs("kill", args, 2, 2)?;
    let pid = c_int_arg(&args[0])?;
    let sig = c_int_arg(&args[1])?;
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(last_error());
    }
    // A signal sent to ourselves is handled before kill() returns.
    vm::signals::check()?;
    Ok(none())
});

vm::fastcall_kw!(posix__exit, |slf, args, kw| {
    let a = parse("_exit", args, kw, &["status"], 1, 1)?;
    let st = c_int_arg(a[0].as_ref().unwrap())?;
    unsafe { libc::_exit(st) }
});

vm::fastcall!(posix_waitpid, |slf, args| {
    vm::objects::methodobject::check_nargs("waitpid", args, 2, 2)?;
    let pid = c_int_arg(&args[0])?;
    let opts = c_int_arg(&args[1])?;
    let mut status = 0;
    let r = retry(-1, || unsafe { libc::waitpid(pid, &mut status, opts) })?;
    if r < 0 {
        return Err(last_error());
    }
    Ok(tuple::new(vec![int(r as i64), int(status as i64)]))
});

vm::onearg!(posix_wait, |slf, _a| {
    let mut status = 0;
    let r = retry(-1, || unsafe { libc::wait(&mut status) })?;
    if r < 0 {
        return Err(last_error());
    }
    Ok(tuple::new(vec![int(r as i64), int(status as i64)]))
});

fn status_arg(fname: &str, args: &[PyObj], kw: Option<&PyObj>) -> PyResult<i32> {
    let a = parse(fname, args, kw, &["status"], 1, 1)?;
    c_int_arg(a[0].as_ref().unwrap())
}

macro_rules! status_fn {
    ($name:ident, $pyname:literal, $f:path, bool) => {
        vm::fastcall_kw!($name, |slf, args, kw| {
            let s = status_arg($pyname, args, kw)?;
            Ok(boolobject::new($f(s)))
        });
    };
    ($name:ident, $pyname:literal, $f:path, int) => {
        vm::fastcall_kw!($name, |slf, args, kw| {
            let s = status_arg($pyname, args, kw)?;
            Ok(int($f(s) as i64))
        });
    };
}

status_fn!(posix_WIFEXITED, "WIFEXITED", libc::WIFEXITED, bool);
status_fn!(posix_WEXITSTATUS, "WEXITSTATUS", libc::WEXITSTATUS, int);
status_fn!(posix_WIFSIGNALED, "WIFSIGNALED", libc::WIFSIGNALED, bool);
status_fn!(posix_WTERMSIG, "WTERMSIG", libc::WTERMSIG, int);
status_fn!(posix_WIFSTOPPED, "WIFSTOPPED", libc::WIFSTOPPED, bool);
status_fn!(posix_WSTOPSIG, "WSTOPSIG", libc::WSTOPSIG, int);
status_fn!(posix_WIFCONTINUED, "WIFCONTINUED", libc::WIFCONTINUED, bool);
status_fn!(posix_WCOREDUMP, "WCOREDUMP", libc::WCOREDUMP, bool);

vm::fastcall_kw!(posix_waitstatus_to_exitcode, |slf, args, kw| {
    let s = status_arg("waitstatus_to_exitcode", args, kw)?;
    if libc::WIFEXITED(s) {
        return Ok(int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(int(-(libc::WTERMSIG(s) as i64)));
    }
    Err(err::value_error(format!("invalid wait status: {}", s)))
});

vm::fastcall_kw!(posix_system, |slf, args, kw| {
    let a = parse("system", args, kw, &["command"], 1, 1)?;
    let p = path_arg("system", "command", a[0].as_ref().unwrap(), false, false)?;
    let r = unsafe { libc::system(p.ptr()) };
    Ok(int(r as i64))
});

// ------------------------------------------------------------ fork and exec

static mut AT_FORK: [Vec<PyObj>; 3] = [Vec::new(), Vec::new(), Vec::new()];

vm::fastcall_kw!(posix_register_at_fork, |slf, args, kw| {
    let a = parse("register_at_fork", args, kw, &["before", "after_in_child", "after_in_parent"], 0, 0)?;
    if a.iter().all(|x| x.is_none()) {
        return Err(err::type_error("At least one argument is required."));
    }
    let names = ["before", "after_in_child", "after_in_parent"];
    for (i, x) in a.iter().enumerate() {
        if let Some(f) = x {
            if !vm::bltinmodule::is_callable(f) {
                return Err(err::type_error(format!(
                    "'{}' must be callable, not {}",
                    names[i],
                    vm::typeobj::type_name(f.ob_type())
                )));
            }
        }
    }
    for (i, x) in a.into_iter().enumerate() {
        if let Some(f) = x {
            unsafe { (*(&raw mut AT_FORK))[i].push(f) };
        }
    }
    Ok(none())
});

/// Runs at-fork hooks; errors are reported as unraisable, as CPython does.
fn run_hooks(i: usize, reverse: bool) {
    let mut hooks = unsafe { (*(&raw const AT_FORK))[i].clone() };
    if reverse {
        hooks.reverse();
    }
    for h in hooks {
        if let Err(e) = vm::abstract_::call0(&h) {
            let _ = vm::sysmodule::write_to_sys_stream(
                "stderr",
                &format!("Exception ignored in: {}\n", vm::abstract_::repr_string(&h).unwrap_or_default()),
            );
            let _ = vm::sysmodule::write_to_sys_stream(
                "stderr",
                &format!("{}\n", vm::abstract_::str_string(e.value()).unwrap_or_default()),
            );
        }
    }
}

vm::onearg!(posix_fork, |slf, _a| {
    run_hooks(0, true);
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(last_error());
    }
    if pid == 0 {
        run_hooks(1, false);
    } else {
        run_hooks(2, false);
    }
    Ok(int(pid as i64))
});

fn argv_of(fname: &str, o: &PyObj) -> PyResult<Vec<CString>> {
    if !tuple::is_tuple(o) && !list::is_list(o) {
        return Err(err::type_error(format!("{}() arg 2 must be a tuple or list", fname)));
    }
    let items = vm::abstract_::iterate(o)?;
    if items.is_empty() {
        return Err(err::value_error(format!("{}() arg 2 must not be empty", fname)));
    }
    let mut v = Vec::new();
    for it in &items {
        let p = path_arg(fname, "args", it, false, false)?;
        v.push(p.c.unwrap_or_default());
    }
    if v[0].as_bytes().is_empty() {
        return Err(err::value_error(format!("{}() arg 2 first element cannot be empty", fname)));
    }
    Ok(v)
}

fn env_of(o: &PyObj) -> PyResult<Vec<CString>> {
    let keys = vm::abstract_::iterate(&vm::abstract_::call_method(o, "keys", &[])?)?;
    let mut v = Vec::new();
    for k in keys {
        let val = vm::abstract_::getitem(o, &k)?;
        let kp = path_arg("execve", "env", &k, false, false)?;
        let vp = path_arg("execve", "env", &val, false, false)?;
        let mut s = kp.bytes().to_vec();
        if s.is_empty() || s.contains(&b'=') {
            return Err(err::value_error("illegal environment variable name"));
        }
        s.push(b'=');
        s.extend_from_slice(vp.bytes());
        v.push(super::fs::cstring(&s)?);
    }
    Ok(v)
}

fn ptrs(v: &[CString]) -> Vec<*const libc::c_char> {
    let mut p: Vec<*const libc::c_char> = v.iter().map(|c| c.as_ptr()).collect();
    p.push(std::ptr::null());
    p
}

vm::fastcall!(posix_execv, |slf, args| {
    vm::objects::methodobject::check_nargs("execv", args, 2, 2)?;
    let path = path_arg("execv", "path", &args[0], false, false)?;
    let argv = argv_of("execv", &args[1])?;
    let pa = ptrs(&argv);
    unsafe { libc::execv(path.ptr(), pa.as_ptr()) };
    Err(last_error())
});

vm::fastcall_kw!(posix_execve, |slf, args, kw| {
    let a = parse("execve", args, kw, &["path", "argv", "env"], 3, 3)?;
    let path = path_arg("execve", "path", a[0].as_ref().unwrap(), true, false)?;
    let argv = argv_of("execve", a[1].as_ref().unwrap())?;
    let env = env_of(a[2].as_ref().unwrap())?;
    let (pa, pe) = (ptrs(&argv), ptrs(&env));
    unsafe {
        match path.fd {
            Some(fd) => libc::fexecve(fd, pa.as_ptr(), pe.as_ptr()),
            None => libc::execve(path.ptr(), pa.as_ptr(), pe.as_ptr()),
        }
    };
    Err(path_error(&path))
});

// ------------------------------------------------------------ environment

/// `posix.environ`: a dict of bytes to bytes, as CPython's on POSIX.
pub fn environ() -> PyObj {
    use std::os::unix::ffi::OsStrExt;
    let d = dict::new();
    for (k, v) in std::env::vars_os() {
        let _ = dict::set_item(&d, vm::objects::bytes::new(k.as_bytes()), vm::objects::bytes::new(v.as_bytes()));
    }
    d
}

vm::fastcall!(posix_putenv, |slf, args| {
    vm::objects::methodobject::check_nargs("putenv", args, 2, 2)?;
    let k = path_arg("putenv", "name", &args[0], false, false)?;
    let v = path_arg("putenv", "value", &args[1], false, false)?;
    if k.bytes().is_empty() || k.bytes().contains(&b'=') {
        return Err(err::value_error("illegal environment variable name"));
    }
    if unsafe { libc::setenv(k.ptr(), v.ptr(), 1) } != 0 {
        return Err(last_error());
    }
    Ok(none())
});

vm::fastcall!(posix_unsetenv, |slf, args| {
    vm::objects::methodobject::check_nargs("unsetenv", args, 1, 1)?;
    let k = path_arg("unsetenv", "name", &args[0], false, false)?;
    if k.bytes().is_empty() || k.bytes().contains(&b'=') {
        return Err(err::value_error("illegal environment variable name"));
    }
    if unsafe { libc::unsetenv(k.ptr()) } != 0 {
        return Err(last_error());
    }
    Ok(none())
});

// ------------------------------------------------------------ sysconf / confstr

pub const SYSCONF_NAMES: &[(&str, i32)] = &[
    ("SC_ARG_MAX", libc::_SC_ARG_MAX),
    ("SC_CHILD_MAX", libc::_SC_CHILD_MAX),
    ("SC_CLK_TCK", libc::_SC_CLK_TCK),
    ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX),
    ("SC_OPEN_MAX", libc::_SC_OPEN_MAX),
    ("SC_PAGESIZE", libc::_SC_PAGESIZE),
    ("SC_PAGE_SIZE", libc::_SC_PAGESIZE),
    ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF),
    ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN),
    ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES),
    ("SC_LINE_MAX", libc::_SC_LINE_MAX),
    ("SC_HOST_NAME_MAX", libc::_SC_HOST_NAME_MAX),
    ("SC_LOGIN_NAME_MAX", libc::_SC_LOGIN_NAME_MAX),
    ("SC_IOV_MAX", libc::_SC_IOV_MAX),
];

pub const CONFSTR_NAMES: &[(&str, i32)] = &[
    ("CS_PATH", libc::_CS_PATH),
    ("CS_GNU_LIBC_VERSION", 2),
    ("CS_GNU_LIBPTHREAD_VERSION", 3),
];

pub fn conf_name(o: &PyObj, table: &[(&str, i32)]) -> PyResult<i32> {
    if unicode::is_str(o) {
        let s = unicode::to_string_lossy(o);
        return table
            .iter()
            .find(|(n, _)| *n == s)
            .map(|(_, v)| *v)
            .ok_or_else(|| err::value_error("unrecognized configuration name"));
    }
    if vm::abstract_::has_index(o) {
        return c_int_arg(o);
    }
    Err(err::type_error(format!(
        "configuration names must be strings or integers, not {}",
        vm::typeobj::type_name(o.ob_type())
    )))
}

vm::fastcall!(posix_sysconf, |slf, args| {
    vm::objects::methodobject::check_nargs("sysconf", args, 1, 1)?;
    let name = conf_name(&args[0], SYSCONF_NAMES)?;
    unsafe { *libc::__errno_location() = 0 };
    let r = unsafe { libc::sysconf(name) };
    if r == -1 && errno() != 0 {
        return Err(last_error());
    }
    Ok(int(r as i64))
});

vm::fastcall!(posix_confstr, |slf, args| {
    vm::objects::methodobject::check_nargs("confstr", args, 1, 1)?;
    let name = conf_name(&args[0], CONFSTR_NAMES)?;
    unsafe { *libc::__errno_location() = 0 };
    let n = unsafe { libc::confstr(name, std::ptr::null_mut(), 0) };
    if n == 0 {
        if errno() != 0 {
            return Err(last_error());
        }
        return Ok(none());
    }
    let mut buf = vec![0u8; n];
    unsafe { libc::confstr(name, buf.as_mut_ptr() as *mut libc::c_char, n) };
    buf.truncate(n - 1);
    Ok(fs_decode(&buf))
});

pub fn names_dict(table: &[(&str, i32)]) -> PyObj {
    let d = dict::new();
    for (n, v) in table {
        dict::set_item_rs(&d, n, int(*v as i64));
    }
    d
}

vm::onearg!(posix_getloadavg, |slf, _a| {
    let mut l = [0f64; 3];
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(err::os_error("Load averages are unobtainable"));
    }
    Ok(tuple::new(l.iter().map(|v| float::new(*v)).collect()))
});

// ------------------------------------------------------------ sessions, ids, priorities

/// Calls returning -1 on error (errno set) and 0 otherwise.
fn check0(r: libc::c_int) -> PyResult {
    if r == -1 {
        return Err(last_error());
    }
    Ok(vm::objects::none::none())
}

macro_rules! int_args_fn {
    ($name:ident, $py:literal, $n:literal, |$a:ident| $call:expr) => {
        vm::fastcall!($name, |slf, args| {
            vm::objects::methodobject::check_nargs($py, args, $n, $n)?;
            let mut v = [0i64; $n];
            for (i, x) in args.iter().enumerate() {
                v[i] = i64_arg(x)?;
            }
            let $a = v;
            $call
        });
    };
}

int_args_fn!(posix_getpgid, "getpgid", 1, |a| {
    let r = unsafe { libc::getpgid(a[0] as libc::pid_t) };
    if r < 0 { Err(last_error()) } else { Ok(int(r as i64)) }
});
int_args_fn!(posix_getsid, "getsid", 1, |a| {
    let r = unsafe { libc::getsid(a[0] as libc::pid_t) };
    if r < 0 { Err(last_error()) } else { Ok(int(r as i64)) }
});
int_args_fn!(posix_setpgid, "setpgid", 2, |a| check0(unsafe { libc::setpgid(a[0] as libc::pid_t, a[1] as libc::pid_t) }));
int_args_fn!(posix_killpg, "killpg", 2, |a| {
    check0(unsafe { libc::killpg(a[0] as libc::pid_t, a[1] as libc::c_int) })?;
    vm::signals::check()?;
    Ok(vm::objects::none::none())
});
int_args_fn!(posix_setuid, "setuid", 1, |a| check0(unsafe { libc::setuid(a[0] as libc::uid_t) }));
int_args_fn!(posix_setgid, "setgid", 1, |a| check0(unsafe { libc::setgid(a[0] as libc::gid_t) }));
int_args_fn!(posix_seteuid, "seteuid", 1, |a| check0(unsafe { libc::seteuid(a[0] as libc::uid_t) }));
int_args_fn!(posix_setegid, "setegid", 1, |a| check0(unsafe { libc::setegid(a[0] as libc::gid_t) }));
int_args_fn!(posix_setreuid, "setreuid", 2, |a| check0(unsafe { libc::setreuid(a[0] as libc::uid_t, a[1] as libc::uid_t) }));
int_args_fn!(posix_setregid, "setregid", 2, |a| check0(unsafe { libc::setregid(a[0] as libc::gid_t, a[1] as libc::gid_t) }));
int_args_fn!(posix_getpriority, "getpriority", 2, |a| {
    unsafe { *libc::__errno_location() = 0 };
    let r = unsafe { libc::getpriority(a[0] as libc::__priority_which_t, a[1] as libc::id_t) };
    if r == -1 && errno() != 0 { Err(last_error()) } else { Ok(int(r as i64)) }
});
int_args_fn!(posix_setpriority, "setpriority", 3, |a| {
    check0(unsafe { libc::setpriority(a[0] as libc::__priority_which_t, a[1] as libc::id_t, a[2] as libc::c_int) })
});
int_args_fn!(posix_nice, "nice", 1, |a| {
    unsafe { *libc::__errno_location() = 0 };
    let r = unsafe { libc::nice(a[0] as libc::c_int) };
    if r == -1 && errno() != 0 { Err(last_error()) } else { Ok(int(r as i64)) }
});

vm::onearg!(posix_setsid, |slf, _a| { check0(unsafe { libc::setsid() }) });
vm::onearg!(posix_setpgrp, |slf, _a| { check0(unsafe { libc::setpgid(0, 0) }) });
vm::onearg!(posix_sync, |slf, _a| {
    unsafe { libc::sync() };
    Ok(vm::objects::none::none())
});
vm::onearg!(posix_sched_yield, |slf, _a| { check0(unsafe { libc::sched_yield() }) });
vm::onearg!(posix_abort, |slf, _a| { unsafe { libc::abort() } });

fn id_triple(r: libc::c_int, v: [u32; 3]) -> PyResult {
    if r != 0 {
        return Err(last_error());
    }
    Ok(tuple::new(v.iter().map(|x| int(*x as i64)).collect()))
}

vm::onearg!(posix_getresuid, |slf, _a| {
    let (mut a, mut b, mut c) = (0, 0, 0);
    let r = unsafe { libc::getresuid(&mut a, &mut b, &mut c) };
    id_triple(r, [a, b, c])
});

vm::onearg!(posix_getresgid, |slf, _a| {
    let (mut a, mut b, mut c) = (0, 0, 0);
    let r = unsafe { libc::getresgid(&mut a, &mut b, &mut c) };
    id_triple(r, [a, b, c])
});

vm::fastcall!(posix_ttyname, |slf, args| {
    vm::objects::methodobject::check_nargs("ttyname", args, 1, 1)?;
    let fd = fd_arg(&args[0])?;
    let mut buf = vec![0u8; 256];
    let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if r != 0 {
        return Err(os_error(r, None, None));
    }
    let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(fs_decode(&buf[..n]))
});

vm::fastcall_kw!(posix_chroot, |slf, args, kw| {
    let a = parse("chroot", args, kw, &["path"], 1, 1)?;
    let p = path_arg("chroot", "path", a[0].as_ref().unwrap(), false, false)?;
    if unsafe { libc::chroot(p.ptr()) } != 0 {
        return Err(path_error(&p));
    }
    Ok(vm::objects::none::none())
});

vm::fastcall!(posix_sched_getaffinity, |slf, args| {
    vm::objects::methodobject::check_nargs("sched_getaffinity", args, 1, 1)?;
    let pid = c_int_arg(&args[0])?;
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    if unsafe { libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut set) } != 0 {
        return Err(last_error());
    }
    let cpus: Vec<PyObj> =
        (0..libc::CPU_SETSIZE as usize).filter(|&i| unsafe { libc::CPU_ISSET(i, &set) }).map(|i| int(i as i64)).collect();
    vm::objects::setobject::new_set(&cpus)
});
