//! `posix`: the operating-system interface that CPython's `os.py` builds
//! on. This file holds the module table, constants and `fspath`; the
//! functions live in `posix/` by area (paths and errors, file system,
//! descriptors, processes, scandir).

#[path = "posix/fileops.rs"]
mod fileops;
#[path = "posix/fs.rs"]
mod fs;
#[path = "posix/process.rs"]
mod process;
#[path = "posix/scandir.rs"]
mod scandir;
#[path = "posix/util.rs"]
pub mod util;

use std::os::raw::c_void;
use vm::err::PyResult;
use vm::object::meth;
use vm::objects::{list, long, module, unicode};
use vm::objref::PyObj;

vm::fastcall_kw!(posix_fspath_kw, |slf, args, kw| {
    let a = util::parse("fspath", args, kw, &["path"], 1, 1)?;
    util::fspath(a[0].as_ref().unwrap())
});

/// Lexical normalization of a POSIX path, code point by code point (so
/// surrogate-escaped bytes survive); posixpath.normpath uses it.
fn normpath(p: &[u32]) -> Vec<u32> {
    const SLASH: u32 = '/' as u32;
    const DOT: u32 = '.' as u32;
    if p == [DOT] {
        return p.to_vec();
    }
    let lead = p.iter().take_while(|&&c| c == SLASH).count();
    let prefix: &[u32] = match lead {
        0 => &[],
        2 => &[SLASH, SLASH],
        _ => &[SLASH],
    };
    let mut comps: Vec<&[u32]> = Vec::new();
    for comp in p.split(|&c| c == SLASH) {
        if comp.is_empty() || comp == [DOT] {
            continue;
        }
        if comp == [DOT, DOT] {
            if comps.last().is_some_and(|c| *c != [DOT, DOT]) {
                comps.pop();
                continue;
            }
            if lead > 0 {
                continue;
            }
        }
        comps.push(comp);
    }
    let mut out = prefix.to_vec();
    for (i, c) in comps.iter().enumerate() {
        if i > 0 {
            out.push(SLASH);
        }
        out.extend_from_slice(c);
    }
    out
}

vm::fastcall_kw!(posix_path_normpath, |slf, args, kw| {
    let a = util::parse("_path_normpath", args, kw, &["path"], 1, 1)?;
    let p = a[0].as_ref().unwrap();
    if !unicode::is_str(p) {
        return Err(vm::err::type_error(format!(
            "expected 'str', not '{}'",
            vm::typeobj::type_name(p.ob_type())
        )));
    }
    let cps: Vec<u32> = unicode::data(p).iter().collect();
    Ok(unicode::from_codepoints(&normpath(&cps)))
});

/// Functions whose `dir_fd`/`fd`/`follow_symlinks` support os.py reads
/// from `_have_functions`; only the ones implemented here are listed.
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR",
    "HAVE_FEXECVE",
    "HAVE_FPATHCONF",
    "HAVE_FSTATAT",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LCHOWN",
    "HAVE_LINKAT",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_MKNODAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

fn int_constants() -> Vec<(&'static str, i64)> {
    use libc::*;
    let mut v: Vec<(&'static str, i64)> = vec![
        ("F_OK", F_OK as i64),
        ("R_OK", R_OK as i64),
        ("W_OK", W_OK as i64),
        ("X_OK", X_OK as i64),
        ("NGROUPS_MAX", 65536),
        ("TMP_MAX", 238328),
        ("WCONTINUED", WCONTINUED as i64),
        ("WNOHANG", WNOHANG as i64),
        ("WUNTRACED", WUNTRACED as i64),
        ("WEXITED", WEXITED as i64),
        ("WSTOPPED", WSTOPPED as i64),
        ("WNOWAIT", WNOWAIT as i64),
        ("P_PID", P_PID as i64),
        ("P_PGID", P_PGID as i64),
        ("P_ALL", P_ALL as i64),
        ("P_PIDFD", 3),
        ("CLD_EXITED", CLD_EXITED as i64),
        ("CLD_KILLED", CLD_KILLED as i64),
        ("CLD_DUMPED", CLD_DUMPED as i64),
        ("CLD_TRAPPED", CLD_TRAPPED as i64),
        ("CLD_STOPPED", CLD_STOPPED as i64),
        ("CLD_CONTINUED", CLD_CONTINUED as i64),
        ("O_RDONLY", O_RDONLY as i64),
        ("O_WRONLY", O_WRONLY as i64),
        ("O_RDWR", O_RDWR as i64),
        ("O_ACCMODE", O_ACCMODE as i64),
        ("O_APPEND", O_APPEND as i64),
        ("O_ASYNC", O_ASYNC as i64),
        ("O_CLOEXEC", O_CLOEXEC as i64),
        ("O_CREAT", O_CREAT as i64),
        ("O_DIRECT", O_DIRECT as i64),
        ("O_DIRECTORY", O_DIRECTORY as i64),
        ("O_DSYNC", O_DSYNC as i64),
        ("O_EXCL", O_EXCL as i64),
        ("O_FSYNC", O_FSYNC as i64),
        ("O_LARGEFILE", O_LARGEFILE as i64),
        ("O_NDELAY", O_NDELAY as i64),
        ("O_NOATIME", O_NOATIME as i64),
        ("O_NOCTTY", O_NOCTTY as i64),
        ("O_NOFOLLOW", O_NOFOLLOW as i64),
        ("O_NONBLOCK", O_NONBLOCK as i64),
        ("O_PATH", O_PATH as i64),
        ("O_RSYNC", O_RSYNC as i64),
        ("O_SYNC", O_SYNC as i64),
        ("O_TMPFILE", O_TMPFILE as i64),
        ("O_TRUNC", O_TRUNC as i64),
        ("SEEK_DATA", SEEK_DATA as i64),
        ("SEEK_HOLE", SEEK_HOLE as i64),
        ("F_LOCK", F_LOCK as i64),
        ("F_TLOCK", F_TLOCK as i64),
        ("F_ULOCK", F_ULOCK as i64),
        ("F_TEST", F_TEST as i64),
        ("PRIO_PROCESS", PRIO_PROCESS as i64),
        ("PRIO_PGRP", PRIO_PGRP as i64),
        ("PRIO_USER", PRIO_USER as i64),
        ("SCHED_OTHER", SCHED_OTHER as i64),
        ("SCHED_FIFO", SCHED_FIFO as i64),
        ("SCHED_RR", SCHED_RR as i64),
        ("SCHED_BATCH", SCHED_BATCH as i64),
        ("SCHED_IDLE", SCHED_IDLE as i64),
        ("SCHED_RESET_ON_FORK", SCHED_RESET_ON_FORK as i64),
        ("RTLD_LAZY", RTLD_LAZY as i64),
        ("RTLD_NOW", RTLD_NOW as i64),
        ("RTLD_GLOBAL", RTLD_GLOBAL as i64),
        ("RTLD_LOCAL", RTLD_LOCAL as i64),
        ("RTLD_NODELETE", RTLD_NODELETE as i64),
        ("RTLD_NOLOAD", RTLD_NOLOAD as i64),
        ("RTLD_DEEPBIND", RTLD_DEEPBIND as i64),
        ("GRND_NONBLOCK", GRND_NONBLOCK as i64),
        ("GRND_RANDOM", GRND_RANDOM as i64),
        ("ST_RDONLY", ST_RDONLY as i64),
        ("ST_NOSUID", ST_NOSUID as i64),
        ("ST_NODEV", ST_NODEV as i64),
        ("ST_NOEXEC", ST_NOEXEC as i64),
        ("ST_SYNCHRONOUS", ST_SYNCHRONOUS as i64),
        ("ST_MANDLOCK", ST_MANDLOCK as i64),
        ("ST_WRITE", ST_WRITE as i64),
        ("ST_APPEND", ST_APPEND as i64),
        ("ST_NOATIME", ST_NOATIME as i64),
        ("ST_NODIRATIME", ST_NODIRATIME as i64),
        ("ST_RELATIME", ST_RELATIME as i64),
        ("POSIX_FADV_NORMAL", POSIX_FADV_NORMAL as i64),
        ("POSIX_FADV_SEQUENTIAL", POSIX_FADV_SEQUENTIAL as i64),
        ("POSIX_FADV_RANDOM", POSIX_FADV_RANDOM as i64),
        ("POSIX_FADV_NOREUSE", POSIX_FADV_NOREUSE as i64),
        ("POSIX_FADV_WILLNEED", POSIX_FADV_WILLNEED as i64),
        ("POSIX_FADV_DONTNEED", POSIX_FADV_DONTNEED as i64),
    ];
    // sysexits.h
    for (n, x) in [
        ("EX_OK", 0),
        ("EX_USAGE", 64),
        ("EX_DATAERR", 65),
        ("EX_NOINPUT", 66),
        ("EX_NOUSER", 67),
        ("EX_NOHOST", 68),
        ("EX_UNAVAILABLE", 69),
        ("EX_SOFTWARE", 70),
        ("EX_OSERR", 71),
        ("EX_OSFILE", 72),
        ("EX_CANTCREAT", 73),
        ("EX_IOERR", 74),
        ("EX_TEMPFAIL", 75),
        ("EX_PROTOCOL", 76),
        ("EX_NOPERM", 77),
        ("EX_CONFIG", 78),
    ] {
        v.push((n, x));
    }
    v
}

pub fn init() -> PyResult<PyObj> {
    use fileops::*;
    use fs::*;
    use process::*;
    const FK: i32 = meth::FASTCALL | meth::KEYWORDS;
    const F: i32 = meth::FASTCALL;
    let m = module::new("posix");
    unsafe { scandir::init_types()? };
    let fns: &[(&str, *const c_void, i32)] = &[
        ("stat", posix_stat as *const c_void, FK),
        ("lstat", posix_lstat as *const c_void, FK),
        ("fstat", posix_fstat as *const c_void, FK),
        ("mkdir", posix_mkdir as *const c_void, FK),
        ("rmdir", posix_rmdir as *const c_void, FK),
        ("unlink", posix_unlink as *const c_void, FK),
        ("remove", posix_remove as *const c_void, FK),
        ("rename", posix_rename as *const c_void, FK),
        ("replace", posix_replace as *const c_void, FK),
        ("link", posix_link as *const c_void, FK),
        ("symlink", posix_symlink as *const c_void, FK),
        ("readlink", posix_readlink as *const c_void, FK),
        ("access", posix_access as *const c_void, FK),
        ("chmod", posix_chmod as *const c_void, FK),
        ("fchmod", posix_fchmod as *const c_void, FK),
        ("chown", posix_chown as *const c_void, FK),
        ("lchown", posix_lchown as *const c_void, FK),
        ("fchown", posix_fchown as *const c_void, FK),
        ("utime", posix_utime as *const c_void, FK),
        ("truncate", posix_truncate as *const c_void, FK),
        ("getcwd", posix_getcwd as *const c_void, meth::NOARGS),
        ("getcwdb", posix_getcwdb as *const c_void, meth::NOARGS),
        ("chdir", posix_chdir as *const c_void, FK),
        ("fchdir", posix_fchdir as *const c_void, FK),
        ("listdir", posix_listdir as *const c_void, FK),
        ("scandir", scandir::posix_scandir as *const c_void, FK),
        ("umask", posix_umask as *const c_void, F),
        ("mkfifo", posix_mkfifo as *const c_void, FK),
        ("mknod", posix_mknod as *const c_void, FK),
        ("major", posix_major as *const c_void, FK),
        ("minor", posix_minor as *const c_void, FK),
        ("makedev", posix_makedev as *const c_void, FK),
        ("statvfs", posix_statvfs as *const c_void, FK),
        ("fstatvfs", posix_fstatvfs as *const c_void, FK),
        ("pathconf", posix_pathconf as *const c_void, FK),
        ("fpathconf", posix_fpathconf as *const c_void, FK),
        ("open", posix_open as *const c_void, FK),
        ("close", posix_close as *const c_void, FK),
        ("closerange", posix_closerange as *const c_void, FK),
        ("read", posix_read as *const c_void, FK),
        ("write", posix_write as *const c_void, FK),
        ("pread", posix_pread as *const c_void, FK),
        ("pwrite", posix_pwrite as *const c_void, FK),
        ("dup", posix_dup as *const c_void, FK),
        ("dup2", posix_dup2 as *const c_void, FK),
        ("lseek", posix_lseek as *const c_void, FK),
        ("fsync", posix_fsync as *const c_void, FK),
        ("fdatasync", posix_fdatasync as *const c_void, FK),
        ("ftruncate", posix_ftruncate as *const c_void, FK),
        ("isatty", posix_isatty as *const c_void, FK),
        ("pipe", posix_pipe as *const c_void, meth::NOARGS),
        ("pipe2", posix_pipe2 as *const c_void, FK),
        ("get_inheritable", posix_get_inheritable as *const c_void, FK),
        ("set_inheritable", posix_set_inheritable as *const c_void, FK),
        ("get_blocking", posix_get_blocking as *const c_void, FK),
        ("set_blocking", posix_set_blocking as *const c_void, FK),
        ("device_encoding", posix_device_encoding as *const c_void, FK),
        ("get_terminal_size", posix_get_terminal_size as *const c_void, FK),
        ("urandom", posix_urandom as *const c_void, FK),
        ("sendfile", posix_sendfile as *const c_void, FK),
        ("posix_fallocate", posix_posix_fallocate as *const c_void, FK),
        ("posix_fadvise", posix_posix_fadvise as *const c_void, FK),
        ("getpid", posix_getpid as *const c_void, meth::NOARGS),
        ("getppid", posix_getppid as *const c_void, meth::NOARGS),
        ("getuid", posix_getuid as *const c_void, meth::NOARGS),
        ("geteuid", posix_geteuid as *const c_void, meth::NOARGS),
        ("getgid", posix_getgid as *const c_void, meth::NOARGS),
        ("getegid", posix_getegid as *const c_void, meth::NOARGS),
        ("getpgrp", posix_getpgrp as *const c_void, meth::NOARGS),
        ("getgroups", posix_getgroups as *const c_void, meth::NOARGS),
        ("getlogin", posix_getlogin as *const c_void, meth::NOARGS),
        ("uname", posix_uname as *const c_void, meth::NOARGS),
        ("times", posix_times as *const c_void, meth::NOARGS),
        ("cpu_count", posix_cpu_count as *const c_void, meth::NOARGS),
        ("strerror", posix_strerror as *const c_void, F),
        ("kill", posix_kill as *const c_void, F),
        ("_exit", posix__exit as *const c_void, FK),
        ("waitpid", posix_waitpid as *const c_void, F),
        ("wait", posix_wait as *const c_void, meth::NOARGS),
        ("WIFEXITED", posix_WIFEXITED as *const c_void, FK),
        ("WEXITSTATUS", posix_WEXITSTATUS as *const c_void, FK),
        ("WIFSIGNALED", posix_WIFSIGNALED as *const c_void, FK),
        ("WTERMSIG", posix_WTERMSIG as *const c_void, FK),
        ("WIFSTOPPED", posix_WIFSTOPPED as *const c_void, FK),
        ("WSTOPSIG", posix_WSTOPSIG as *const c_void, FK),
        ("WIFCONTINUED", posix_WIFCONTINUED as *const c_void, FK),
        ("WCOREDUMP", posix_WCOREDUMP as *const c_void, FK),
        ("waitstatus_to_exitcode", posix_waitstatus_to_exitcode as *const c_void, FK),
        ("system", posix_system as *const c_void, FK),
        ("register_at_fork", posix_register_at_fork as *const c_void, FK),
        ("fork", posix_fork as *const c_void, meth::NOARGS),
        ("execv", posix_execv as *const c_void, F),
        ("execve", posix_execve as *const c_void, FK),
        ("putenv", posix_putenv as *const c_void, F),
        ("unsetenv", posix_unsetenv as *const c_void, F),
        ("sysconf", posix_sysconf as *const c_void, F),
        ("confstr", posix_confstr as *const c_void, F),
        ("getloadavg", posix_getloadavg as *const c_void, meth::NOARGS),
        ("fspath", posix_fspath_kw as *const c_void, FK),
        ("_path_normpath", posix_path_normpath as *const c_void, FK),
        ("getpgid", posix_getpgid as *const c_void, F),
        ("getsid", posix_getsid as *const c_void, F),
        ("setpgid", posix_setpgid as *const c_void, F),
        ("killpg", posix_killpg as *const c_void, F),
        ("setuid", posix_setuid as *const c_void, F),
        ("setgid", posix_setgid as *const c_void, F),
        ("seteuid", posix_seteuid as *const c_void, F),
        ("setegid", posix_setegid as *const c_void, F),
        ("setreuid", posix_setreuid as *const c_void, F),
        ("setregid", posix_setregid as *const c_void, F),
        ("getpriority", posix_getpriority as *const c_void, F),
        ("setpriority", posix_setpriority as *const c_void, F),
        ("nice", posix_nice as *const c_void, F),
        ("setsid", posix_setsid as *const c_void, meth::NOARGS),
        ("setpgrp", posix_setpgrp as *const c_void, meth::NOARGS),
        ("sync", posix_sync as *const c_void, meth::NOARGS),
        ("sched_yield", posix_sched_yield as *const c_void, meth::NOARGS),
        ("abort", posix_abort as *const c_void, meth::NOARGS),
        ("getresuid", posix_getresuid as *const c_void, meth::NOARGS),
        ("getresgid", posix_getresgid as *const c_void, meth::NOARGS),
        ("ttyname", posix_ttyname as *const c_void, F),
        ("chroot", posix_chroot as *const c_void, FK),
        ("sched_getaffinity", posix_sched_getaffinity as *const c_void, F),
    ];
    vm::sysmodule::add_functions(&m, fns);
    for (n, v) in int_constants() {
        module::add(&m, n, long::from_i64(v));
    }
    module::add(&m, "environ", process::environ());
    module::add(&m, "error", vm::typeobj::type_obj(unsafe { vm::objects::exceptions::PyExc_OSError }));
    module::add(
        &m,
        "_have_functions",
        list::new(HAVE_FUNCTIONS.iter().map(|s| unicode::new(s)).collect()),
    );
    module::add(&m, "sysconf_names", process::names_dict(process::SYSCONF_NAMES));
    module::add(&m, "confstr_names", process::names_dict(process::CONFSTR_NAMES));
    module::add(&m, "pathconf_names", process::names_dict(fs::PATHCONF_NAMES));
    module::add(&m, "statvfs_result", vm::typeobj::type_obj(fs::statvfs_result_type()?));
    module::add(&m, "stat_result", vm::typeobj::type_obj(fs::stat_result_type()?));
    module::add(&m, "terminal_size", vm::typeobj::type_obj(fileops::terminal_size_type()?));
    module::add(&m, "uname_result", vm::typeobj::type_obj(process::uname_type()?));
    module::add(&m, "times_result", vm::typeobj::type_obj(process::times_type()?));
    module::add(&m, "DirEntry", vm::typeobj::type_obj(scandir::direntry_type()));
    Ok(m)
}
