//! `_locale`: the C library's locale functions (setlocale, localeconv,
//! nl_langinfo, strcoll, strxfrm) and `getencoding`, what CPython's
//! `locale` module is built on. On first import LC_CTYPE is set from the
//! environment, coerced from "C" to "C.UTF-8" (PEP 538), as CPython's
//! start-up does. The gettext functions (libintl) are not provided.

use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int, c_void};
use vm::err::{self, PyErr, PyResult};
use vm::object::meth;
use vm::objects::methodobject::check_nargs;
use vm::objects::{dict, list, long, module, none, tuple, unicode};
use vm::objref::PyObj;

static mut LOCALE_ERROR: *mut vm::object::PyObject = std::ptr::null_mut();

fn locale_error(msg: &str) -> PyErr {
    unsafe { err::new(LOCALE_ERROR as *mut vm::object::PyTypeObject, msg) }
}

/// A C string from the C library, decoded as CPython's PyUnicode_DecodeLocale.
unsafe fn decode_c(p: *const c_char) -> PyResult {
    if p.is_null() {
        return Ok(unicode::empty());
    }
    let b = CStr::from_ptr(p).to_bytes();
    vm::objects::bytes_methods::decode_bytes(b, "utf-8", "surrogateescape")
}

fn int_arg(f: &str, o: &PyObj, n: usize) -> PyResult<c_int> {
    if !long::is_int(o) {
        return Err(err::type_error(format!(
            "{}() argument {} must be int, not {}",
            f,
            n,
            vm::typeobj::type_name(o.ob_type())
        )));
    }
    Ok(vm::abstract_::to_i64(o)? as c_int)
}

fn str_arg(f: &str, o: &PyObj, n: usize) -> PyResult<String> {
    if !unicode::is_str(o) {
        return Err(err::type_error(format!(
            "{}() argument {} must be str, not {}",
            f,
            n,
            vm::typeobj::type_name(o.ob_type())
        )));
    }
    Ok(unicode::as_str(o)?.to_string())
}

fn cstring(s: &str) -> PyResult<CString> {
    CString::new(s).map_err(|_| err::value_error("embedded null character"))
}

vm::fastcall!(l_setlocale, |slf, args| {
    check_nargs("setlocale", args, 1, 2)?;
    let cat = int_arg("setlocale", &args[0], 1)?;
    match args.get(1).filter(|a| !none::is_none(a)) {
        None => unsafe {
            let r = libc::setlocale(cat, std::ptr::null());
            if r.is_null() {
                return Err(locale_error("locale query failed"));
            }
            decode_c(r)
        },
        Some(l) => {
            if !unicode::is_str(l) {
                return Err(err::type_error(format!(
                    "setlocale() argument 2 must be str or None, not {}",
                    vm::typeobj::type_name(l.ob_type())
                )));
            }
            let c = cstring(unicode::as_str(l)?)?;
            unsafe {
                let r = libc::setlocale(cat, c.as_ptr());
                if r.is_null() {
                    return Err(locale_error("unsupported locale setting"));
                }
                decode_c(r)
            }
        }
    }
});

/// A grouping string as CPython lists it: its values up to and including
/// the terminating 0 or CHAR_MAX; empty for "".
unsafe fn grouping(p: *const c_char) -> PyObj {
    let mut v = Vec::new();
    if !p.is_null() && *p != 0 {
        let mut i = 0;
        loop {
            let c = *p.add(i) as u8;
            v.push(long::from_i64(c as i64));
            if c == 0 || c == 127 {
                break;
            }
            i += 1;
        }
    }
    list::new(v)
}

vm::fastcall!(l_localeconv, |slf, args| {
    check_nargs("localeconv", args, 0, 0)?;
    let d = dict::new();
    unsafe {
        let lc = libc::localeconv();
        if lc.is_null() {
            return Err(locale_error("localeconv() failed"));
        }
        let lc = &*lc;
        for (k, v) in [
            ("int_curr_symbol", lc.int_curr_symbol),
            ("currency_symbol", lc.currency_symbol),
            ("mon_decimal_point", lc.mon_decimal_point),
            ("mon_thousands_sep", lc.mon_thousands_sep),
        ] {
            dict::set_item_rs(&d, k, decode_c(v)?);
        }
        dict::set_item_rs(&d, "mon_grouping", grouping(lc.mon_grouping));
        dict::set_item_rs(&d, "positive_sign", decode_c(lc.positive_sign)?);
        dict::set_item_rs(&d, "negative_sign", decode_c(lc.negative_sign)?);
        for (k, v) in [
            ("int_frac_digits", lc.int_frac_digits),
            ("frac_digits", lc.frac_digits),
            ("p_cs_precedes", lc.p_cs_precedes),
            ("p_sep_by_space", lc.p_sep_by_space),
            ("n_cs_precedes", lc.n_cs_precedes),
            ("n_sep_by_space", lc.n_sep_by_space),
            ("p_sign_posn", lc.p_sign_posn),
            ("n_sign_posn", lc.n_sign_posn),
        ] {
            dict::set_item_rs(&d, k, long::from_i64(v as u8 as i64));
        }
        dict::set_item_rs(&d, "decimal_point", decode_c(lc.decimal_point)?);
        dict::set_item_rs(&d, "thousands_sep", decode_c(lc.thousands_sep)?);
        dict::set_item_rs(&d, "grouping", grouping(lc.grouping));
    }
    Ok(d)
});

/// The nl_langinfo keys CPython exposes (glibc's values).
fn langinfo_constants() -> Vec<(&'static str, libc::nl_item)> {
    let mut v: Vec<(&'static str, libc::nl_item)> = vec![
        ("RADIXCHAR", libc::RADIXCHAR),
        ("THOUSEP", libc::THOUSEP),
        ("CRNCYSTR", libc::CRNCYSTR),
        ("D_T_FMT", libc::D_T_FMT),
        ("D_FMT", libc::D_FMT),
        ("T_FMT", libc::T_FMT),
        ("AM_STR", libc::AM_STR),
        ("PM_STR", libc::PM_STR),
        ("CODESET", libc::CODESET),
        ("T_FMT_AMPM", libc::T_FMT_AMPM),
        ("ERA", libc::ERA),
        ("ERA_D_FMT", libc::ERA_D_FMT),
        ("ERA_D_T_FMT", libc::ERA_D_T_FMT),
        ("ERA_T_FMT", libc::ERA_T_FMT),
        ("ALT_DIGITS", libc::ALT_DIGITS),
        ("YESEXPR", libc::YESEXPR),
        ("NOEXPR", libc::NOEXPR),
        // glibc's _DATE_FMT: (LC_TIME << 16) | 0x6C.
        ("_DATE_FMT", 0x2006C),
    ];
    let days = ["DAY_1", "DAY_2", "DAY_3", "DAY_4", "DAY_5", "DAY_6", "DAY_7"];
    let abdays = ["ABDAY_1", "ABDAY_2", "ABDAY_3", "ABDAY_4", "ABDAY_5", "ABDAY_6", "ABDAY_7"];
    for i in 0..7 {
        v.push((days[i], libc::DAY_1 + i as libc::nl_item));
        v.push((abdays[i], libc::ABDAY_1 + i as libc::nl_item));
    }
    let mons = ["MON_1", "MON_2", "MON_3", "MON_4", "MON_5", "MON_6", "MON_7", "MON_8", "MON_9", "MON_10", "MON_11", "MON_12"];
    let abmons = [
        "ABMON_1", "ABMON_2", "ABMON_3", "ABMON_4", "ABMON_5", "ABMON_6", "ABMON_7", "ABMON_8", "ABMON_9", "ABMON_10",
        "ABMON_11", "ABMON_12",
    ];
    for i in 0..12 {
        v.push((mons[i], libc::MON_1 + i as libc::nl_item));
        v.push((abmons[i], libc::ABMON_1 + i as libc::nl_item));
    }
    v
}

vm::onearg!(l_nl_langinfo, |slf, key| {
    let key = int_arg("nl_langinfo", key.unwrap(), 1)?;
    if !langinfo_constants().iter().any(|(_, k)| *k == key) {
        return Err(err::value_error("unsupported langinfo constant"));
    }
    unsafe { decode_c(libc::nl_langinfo(key)) }
});

vm::fastcall!(l_getencoding, |slf, args| {
    check_nargs("getencoding", args, 0, 0)?;
    unsafe {
        let p = libc::nl_langinfo(libc::CODESET);
        if p.is_null() || *p == 0 {
            return Ok(unicode::new("UTF-8"));
        }
        decode_c(p)
    }
});

extern "C" {
    fn wcscoll(a: *const libc::wchar_t, b: *const libc::wchar_t) -> c_int;
    fn wcsxfrm(dst: *mut libc::wchar_t, src: *const libc::wchar_t, n: usize) -> usize;
}

fn wide(f: &str, o: &PyObj, n: usize) -> PyResult<Vec<libc::wchar_t>> {
    str_arg(f, o, n)?;
    let mut v: Vec<libc::wchar_t> = Vec::with_capacity(unicode::len(o) + 1);
    for c in unicode::data(o).iter() {
        if c == 0 {
            return Err(err::value_error("embedded null character"));
        }
        v.push(c as libc::wchar_t);
    }
    v.push(0);
    Ok(v)
}

vm::fastcall!(l_strcoll, |slf, args| {
    check_nargs("strcoll", args, 2, 2)?;
    let a = wide("strcoll", &args[0], 1)?;
    let b = wide("strcoll", &args[1], 2)?;
    Ok(long::from_i64(unsafe { wcscoll(a.as_ptr(), b.as_ptr()) } as i64))
});

vm::onearg!(l_strxfrm, |slf, s| {
    let s = s.unwrap();
    let w = wide("strxfrm", s, 1)?;
    unsafe {
        let n = wcsxfrm(std::ptr::null_mut(), w.as_ptr(), 0);
        let mut buf: Vec<libc::wchar_t> = vec![0; n + 1];
        wcsxfrm(buf.as_mut_ptr(), w.as_ptr(), n + 1);
        let cps: Vec<u32> = buf[..n].iter().map(|&c| c as u32).collect();
        Ok(unicode::from_codepoints(&cps))
    }
});

static mut CTYPE_SET: bool = false;

/// CPython's start-up: LC_CTYPE from the environment, "C" coerced to C.UTF-8.
unsafe fn init_ctype() {
    if CTYPE_SET {
        return;
    }
    CTYPE_SET = true;
    let r = libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
    let is_c = r.is_null() || matches!(CStr::from_ptr(r).to_bytes(), b"C" | b"POSIX");
    if is_c && std::env::var_os("LC_ALL").map_or(true, |v| v.is_empty()) {
        for name in [c"C.UTF-8", c"C.utf8", c"UTF-8"] {
            if !libc::setlocale(libc::LC_CTYPE, name.as_ptr()).is_null() {
                break;
            }
        }
    }
}

pub fn init() -> PyResult<PyObj> {
    unsafe {
        init_ctype();
        if LOCALE_ERROR.is_null() {
            let ns = dict::new();
            dict::set_item_rs(&ns, "__module__", unicode::new("locale"));
            let bases = tuple::new(vec![vm::typeobj::type_obj(vm::objects::exceptions::PyExc_Exception)]);
            let e = vm::abstract_::call(&vm::typeobj::type_obj(vm::typeobj::type_type()), &[unicode::new("Error"), bases, ns], None)?;
            LOCALE_ERROR = e.into_ptr();
        }
    }
    let m = module::new("_locale");
    vm::sysmodule::add_functions(&m, &[
        ("setlocale", l_setlocale as *const c_void, meth::FASTCALL),
        ("localeconv", l_localeconv as *const c_void, meth::FASTCALL),
        ("nl_langinfo", l_nl_langinfo as *const c_void, meth::O),
        ("getencoding", l_getencoding as *const c_void, meth::FASTCALL),
        ("strcoll", l_strcoll as *const c_void, meth::FASTCALL),
        ("strxfrm", l_strxfrm as *const c_void, meth::O),
    ]);
    for (k, v) in [
        ("LC_CTYPE", libc::LC_CTYPE),
        ("LC_COLLATE", libc::LC_COLLATE),
        ("LC_TIME", libc::LC_TIME),
        ("LC_MONETARY", libc::LC_MONETARY),
        ("LC_NUMERIC", libc::LC_NUMERIC),
        ("LC_ALL", libc::LC_ALL),
        ("LC_MESSAGES", libc::LC_MESSAGES),
        ("CHAR_MAX", 127),
    ] {
        vm::abstract_::setattr_str(&m, k, long::from_i64(v as i64))?;
    }
    for (k, v) in langinfo_constants() {
        vm::abstract_::setattr_str(&m, k, long::from_i64(v as i64))?;
    }
    vm::abstract_::setattr_str(&m, "Error", unsafe { PyObj::from_borrowed(LOCALE_ERROR) })?;
    Ok(m)
}
