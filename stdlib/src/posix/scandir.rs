//! `os.scandir()`: the `posix.ScandirIterator` and `posix.DirEntry` types.
//! An entry keeps the directory's d_type and inode, and caches its stat
//! and lstat results, as CPython's does.

use super::fs::stat_result;
use super::util::*;
use std::ffi::{CStr, CString};
use std::os::raw::{c_int, c_void};
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::{boolobject, none, unicode};
use vm::objref::{xdecref, PyObj};

#[repr(C)]
pub struct DirEntryObject {
    pub ob_base: PyObject,
    pub name: *mut PyObject,
    pub path: *mut PyObject,
    pub stat: *mut PyObject,
    pub lstat: *mut PyObject,
    pub d_type: u8,
    pub d_ino: u64,
    /// The directory's fd when scanning an fd (names are then relative), else -1.
    pub dir_fd: c_int,
}

/// Rust-side state of a ScandirIterator.
struct ScanState {
    dir: *mut libc::DIR,
    /// The directory path as given (bytes), for joining entry paths.
    base: Vec<u8>,
    is_bytes: bool,
    fd: Option<c_int>,
}

#[repr(C)]
pub struct ScandirObject {
    pub ob_base: PyObject,
    state: *mut ScanState,
}

pub static mut DIRENTRY_TYPE: PyTypeObject =
    PyTypeObject::empty(b"posix.DirEntry\0", std::mem::size_of::<DirEntryObject>(), 0);
pub static mut SCANDIR_TYPE: PyTypeObject =
    PyTypeObject::empty(b"posix.ScandirIterator\0", std::mem::size_of::<ScandirObject>(), 0);

pub fn direntry_type() -> *mut PyTypeObject {
    &raw mut DIRENTRY_TYPE
}
pub fn scandir_type() -> *mut PyTypeObject {
    &raw mut SCANDIR_TYPE
}

unsafe fn entry<'a>(o: &PyObj) -> &'a mut DirEntryObject {
    &mut *(o.as_ptr() as *mut DirEntryObject)
}

// ---------------------------------------------------------------- DirEntry

unsafe extern "C" fn direntry_dealloc(o: *mut PyObject) {
    let e = o as *mut DirEntryObject;
    for p in [&mut (*e).name, &mut (*e).path, &mut (*e).stat, &mut (*e).lstat] {
        xdecref(std::mem::replace(p, std::ptr::null_mut()));
    }
    vm::alloc::tp_free(o);
}

unsafe extern "C" fn direntry_repr(o: *mut PyObject) -> *mut PyObject {
    let e = o as *mut DirEntryObject;
    let r = vm::abstract_::repr_string(PyObj::borrow(&(*e).name)).map(|s| unicode::new(&format!("<DirEntry {}>", s)));
    err::into_ptr(r)
}

/// The entry's path as bytes for system calls (relative to dir_fd if set).
unsafe fn entry_cpath(e: &DirEntryObject) -> PyResult<CString> {
    let src = if e.dir_fd >= 0 { e.name } else { e.path };
    let o = PyObj::borrow(&src);
    let b = if vm::objects::bytes::is_bytes(o) { vm::objects::bytes::as_slice(o).to_vec() } else { fs_encode(o)? };
    super::fs::cstring(&b)
}

unsafe fn fetch_stat(o: &PyObj, follow: bool) -> PyResult {
    let e = entry(o);
    let c = entry_cpath(e)?;
    let mut st: libc::stat = std::mem::zeroed();
    let dfd = if e.dir_fd >= 0 { e.dir_fd } else { libc::AT_FDCWD };
    let r = libc::fstatat(dfd, c.as_ptr(), &mut st, if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW });
    if r != 0 {
        return Err(os_error(errno(), Some(PyObj::borrow(&e.path)), None));
    }
    stat_result(&st)
}

unsafe fn get_lstat(o: &PyObj) -> PyResult {
    let e = entry(o);
    if e.lstat.is_null() {
        e.lstat = fetch_stat(o, false)?.into_ptr();
    }
    Ok(PyObj::borrow(&e.lstat).clone())
}

unsafe fn get_stat(o: &PyObj, follow: bool) -> PyResult {
    if !follow {
        return get_lstat(o);
    }
    let e = entry(o);
    if e.stat.is_null() {
        if is_symlink(e) {
            e.stat = fetch_stat(o, true)?.into_ptr();
        } else {
            let l = get_lstat(o)?;
            entry(o).stat = l.into_ptr();
        }
    }
    Ok(PyObj::borrow(&entry(o).stat).clone())
}

fn is_symlink(e: &DirEntryObject) -> bool {
    e.d_type == libc::DT_LNK
}

/// st_mode of the entry's stat result.
unsafe fn mode_of(st: &PyObj) -> PyResult<u32> {
    let m = vm::abstract_::getitem(st, &int(0))?;
    Ok(i64_arg(&m)? as u32)
}

unsafe fn test_mode(o: &PyObj, follow: bool, want: u32) -> PyResult<bool> {
    let e = entry(o);
    let need_stat = e.d_type == libc::DT_UNKNOWN || (follow && is_symlink(e));
    if need_stat {
        match get_stat(o, follow) {
            Ok(st) => Ok(mode_of(&st)? & libc::S_IFMT == want),
            Err(x) if x.matches(vm::objects::exceptions::PyExc_FileNotFoundError) => Ok(false),
            Err(x) => Err(x),
        }
    } else {
        let dt = if want == libc::S_IFDIR { libc::DT_DIR } else { libc::DT_REG };
        Ok(e.d_type == dt)
    }
}

fn follow_kw(fname: &str, args: &[PyObj], kw: Option<&PyObj>) -> PyResult<bool> {
    let a = parse(fname, args, kw, &["follow_symlinks"], 0, 0)?;
    bool_arg(&a[0], true)
}

vm::fastcall_kw!(direntry_is_dir, |slf, args, kw| {
    let f = follow_kw("is_dir", args, kw)?;
    Ok(boolobject::new(test_mode(slf, f, libc::S_IFDIR)?))
});

vm::fastcall_kw!(direntry_is_file, |slf, args, kw| {
    let f = follow_kw("is_file", args, kw)?;
    Ok(boolobject::new(test_mode(slf, f, libc::S_IFREG)?))
});

vm::onearg!(direntry_is_symlink, |slf, _a| {
    let e = entry(slf);
    if e.d_type != libc::DT_UNKNOWN {
        return Ok(boolobject::new(is_symlink(e)));
    }
    match get_lstat(slf) {
        Ok(st) => Ok(boolobject::new(mode_of(&st)? & libc::S_IFMT == libc::S_IFLNK)),
        Err(x) if x.matches(vm::objects::exceptions::PyExc_FileNotFoundError) => Ok(boolobject::new(false)),
        Err(x) => Err(x),
    }
});

vm::onearg!(direntry_is_junction, |slf, _a| { Ok(boolobject::new(false)) });

vm::fastcall_kw!(direntry_stat, |slf, args, kw| {
    let f = follow_kw("stat", args, kw)?;
    get_stat(slf, f)
});

vm::onearg!(direntry_inode, |slf, _a| { Ok(vm::objects::long::from_u64(entry(slf).d_ino)) });

vm::onearg!(direntry_fspath, |slf, _a| { Ok(PyObj::borrow(&entry(slf).path).clone()) });

vm::onearg!(generic_alias, |cls, arg| {
    let types = vm::import::import_module("types", None)?;
    let ga = vm::abstract_::getattr_str(&types, "GenericAlias")?;
    vm::abstract_::call(&ga, &[cls.clone(), arg.unwrap().clone()], None)
});

fn new_entry(st: &ScanState, name: &[u8], d_type: u8, d_ino: u64) -> PyObj {
    let name_obj = fs_name(name, st.is_bytes);
    let path_obj = match st.fd {
        Some(_) => name_obj.clone(),
        None => {
            let mut p = st.base.clone();
            if !p.is_empty() && !p.ends_with(b"/") {
                p.push(b'/');
            }
            p.extend_from_slice(name);
            fs_name(&p, st.is_bytes)
        }
    };
    unsafe {
        let o = vm::alloc::alloc_object(direntry_type(), 0) as *mut DirEntryObject;
        (*o).name = name_obj.into_ptr();
        (*o).path = path_obj.into_ptr();
        (*o).d_type = d_type;
        (*o).d_ino = d_ino;
        (*o).dir_fd = st.fd.unwrap_or(-1);
        PyObj::from_owned(o as *mut PyObject)
    }
}

// ---------------------------------------------------------------- ScandirIterator

unsafe fn state<'a>(o: *mut PyObject) -> &'a mut ScanState {
    &mut *(*(o as *mut ScandirObject)).state
}

unsafe fn close_state(st: &mut ScanState) {
    if !st.dir.is_null() {
        if st.fd.is_some() {
            libc::rewinddir(st.dir);
        }
        // closedir also closes the dup'ed descriptor of an fd scan.
        libc::closedir(st.dir);
        st.dir = std::ptr::null_mut();
    }
}

unsafe extern "C" fn scandir_dealloc(o: *mut PyObject) {
    let s = o as *mut ScandirObject;
    if !(*s).state.is_null() {
        close_state(&mut *(*s).state);
        drop(Box::from_raw((*s).state));
        (*s).state = std::ptr::null_mut();
    }
    vm::alloc::tp_free(o);
}

unsafe extern "C" fn scandir_next(o: *mut PyObject) -> *mut PyObject {
    let st = state(o);
    loop {
        if st.dir.is_null() {
            return std::ptr::null_mut();
        }
        *libc::__errno_location() = 0;
        let e = libc::readdir(st.dir);
        if e.is_null() {
            let code = errno();
            close_state(st);
            if code != 0 {
                err::restore(os_error(code, None, None));
            }
            return std::ptr::null_mut();
        }
        let name = CStr::from_ptr((*e).d_name.as_ptr()).to_bytes();
        if name == b"." || name == b".." {
            continue;
        }
        return new_entry(st, name, (*e).d_type, (*e).d_ino as u64).into_ptr();
    }
}

vm::onearg!(scandir_close, |slf, _a| {
    close_state(state(slf.as_ptr()));
    Ok(none::none())
});

vm::onearg!(scandir_enter, |slf, _a| { Ok(slf.clone()) });

vm::fastcall!(scandir_exit, |slf, args| {
    close_state(state(slf.as_ptr()));
    Ok(none::none())
});

vm::fastcall_kw!(posix_scandir, |slf, args, kw| {
    let a = parse("scandir", args, kw, &["path"], 0, 1)?;
    let pobj = a[0].clone().unwrap_or_else(none::none);
    let p = path_arg("scandir", "path", &pobj, true, true)?;
    let dir = match p.fd {
        Some(fd) => {
            let d = libc::dup(fd);
            if d < 0 {
                return Err(last_error());
            }
            let dir = libc::fdopendir(d);
            if dir.is_null() {
                let e = errno();
                libc::close(d);
                return Err(os_error(e, None, None));
            }
            dir
        }
        None => {
            let dir = libc::opendir(p.ptr());
            if dir.is_null() {
                return Err(path_error(&p));
            }
            dir
        }
    };
    let base = if p.c.is_none() && p.fd.is_none() { b".".to_vec() } else { p.bytes().to_vec() };
    // Entries refer to the caller's fd (the dup'ed one dies with the iterator).
    let st = Box::new(ScanState { dir, base, is_bytes: p.is_bytes, fd: p.fd });
    let o = vm::alloc::alloc_object(scandir_type(), 0) as *mut ScandirObject;
    (*o).state = Box::into_raw(st);
    Ok(PyObj::from_owned(o as *mut PyObject))
});

pub unsafe fn init_types() -> PyResult<()> {
    let d = direntry_type();
    (*d).tp_dealloc = Some(direntry_dealloc);
    (*d).tp_repr = Some(direntry_repr);
    (*d).tp_flags |= flags::DISALLOW_INSTANTIATION;
    let off_name = std::mem::offset_of!(DirEntryObject, name);
    let off_path = std::mem::offset_of!(DirEntryObject, path);
    vm::objects::descr::set_members(
        d,
        &[
            ("name", vm::objects::descr::T_OBJECT, off_name, vm::objects::descr::READONLY),
            ("path", vm::objects::descr::T_OBJECT, off_path, vm::objects::descr::READONLY),
        ],
    );
    vm::objects::descr::set_methods(
        d,
        &[
            ("is_dir", direntry_is_dir as *const c_void, meth::FASTCALL | meth::KEYWORDS, ""),
            ("is_file", direntry_is_file as *const c_void, meth::FASTCALL | meth::KEYWORDS, ""),
            ("is_symlink", direntry_is_symlink as *const c_void, meth::NOARGS, ""),
            ("is_junction", direntry_is_junction as *const c_void, meth::NOARGS, ""),
            ("stat", direntry_stat as *const c_void, meth::FASTCALL | meth::KEYWORDS, ""),
            ("inode", direntry_inode as *const c_void, meth::NOARGS, ""),
            ("__fspath__", direntry_fspath as *const c_void, meth::NOARGS, ""),
            ("__class_getitem__", generic_alias as *const c_void, meth::O | meth::CLASS, ""),
        ],
    );
    vm::typeobj::ready(d)?;
    (*d).tp_new = None;
    let s = scandir_type();
    (*s).tp_dealloc = Some(scandir_dealloc);
    (*s).tp_iter = Some(vm::objects::iterobject::self_iter);
    (*s).tp_iternext = Some(scandir_next);
    (*s).tp_flags |= flags::DISALLOW_INSTANTIATION;
    vm::objects::descr::set_methods(
        s,
        &[
            ("close", scandir_close as *const c_void, meth::NOARGS, ""),
            ("__enter__", scandir_enter as *const c_void, meth::NOARGS, ""),
            ("__exit__", scandir_exit as *const c_void, meth::FASTCALL, ""),
        ],
    );
    vm::typeobj::ready(s)?;
    (*s).tp_new = None;
    Ok(())
}
