//! `time`: clocks, sleep, struct_time conversions (gmtime, localtime,
//! mktime), formatting (asctime, ctime, strftime; strptime delegates to
//! `_strptime` as CPython's does) and the timezone attributes.

use std::ffi::{CStr, CString};
use std::os::raw::c_void;
use vm::err::{self, PyResult};
use vm::object::{meth, PyTypeObject};
use vm::objects::methodobject::check_nargs;
use vm::objects::{float, long, module, none, structseq, tuple, unicode};
use vm::objref::PyObj;

const STRUCT_TM_FIELDS: [&str; 11] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone",
    "tm_gmtoff",
];

fn struct_time_type() -> PyResult<*mut PyTypeObject> {
    structseq::get_type_ex("time.struct_time", &STRUCT_TM_FIELDS, 9)
}

fn clock_ns(clk: libc::clockid_t) -> PyResult<i128> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    if unsafe { libc::clock_gettime(clk, &mut ts) } != 0 {
        return Err(os_err());
    }
    Ok(ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128)
}

fn os_err() -> err::PyErr {
    let e = std::io::Error::last_os_error();
    vm::objects::exceptions_attrs::os_error_from_io(&e, None)
}

fn secs(ns: i128) -> PyObj {
    float::new(ns as f64 * 1e-9)
}

macro_rules! clock_fns {
    ($f:ident, $fns:ident, $clk:expr) => {
        vm::onearg!($f, |slf, _a| {
            Ok(secs(clock_ns($clk)?))
        });
        vm::onearg!($fns, |slf, _a| {
            Ok(long::from_i128(clock_ns($clk)?))
        });
    };
}

clock_fns!(time_time, time_time_ns, libc::CLOCK_REALTIME);
clock_fns!(time_monotonic, time_monotonic_ns, libc::CLOCK_MONOTONIC);
clock_fns!(time_perf_counter, time_perf_counter_ns, libc::CLOCK_MONOTONIC);
clock_fns!(time_process_time, time_process_time_ns, libc::CLOCK_PROCESS_CPUTIME_ID);
clock_fns!(time_thread_time, time_thread_time_ns, libc::CLOCK_THREAD_CPUTIME_ID);

fn clk_arg(o: &PyObj) -> PyResult<libc::clockid_t> {
    Ok(vm::abstract_::to_i64(o)? as libc::clockid_t)
}

vm::fastcall!(time_clock_gettime, |slf, args| {
    check_nargs("clock_gettime", args, 1, 1)?;
    Ok(secs(clock_ns(clk_arg(&args[0])?)?))
});

vm::fastcall!(time_clock_gettime_ns, |slf, args| {
    check_nargs("clock_gettime_ns", args, 1, 1)?;
    Ok(long::from_i128(clock_ns(clk_arg(&args[0])?)?))
});

vm::fastcall!(time_clock_getres, |slf, args| {
    check_nargs("clock_getres", args, 1, 1)?;
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    if unsafe { libc::clock_getres(clk_arg(&args[0])?, &mut ts) } != 0 {
        return Err(os_err());
    }
    Ok(float::new(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
});

fn settime(clk: libc::clockid_t, ns: i128) -> PyResult {
    let ts = libc::timespec {
        tv_sec: ns.div_euclid(1_000_000_000) as libc::time_t,
        tv_nsec: ns.rem_euclid(1_000_000_000) as libc::c_long,
    };
    if unsafe { libc::clock_settime(clk, &ts) } != 0 {
        return Err(os_err());
    }
    Ok(none::none())
}

vm::fastcall!(time_clock_settime, |slf, args| {
    check_nargs("clock_settime", args, 2, 2)?;
    let (s, _) = seconds_arg(&args[1])?;
    settime(clk_arg(&args[0])?, (s * 1e9) as i128)
});

vm::fastcall!(time_clock_settime_ns, |slf, args| {
    check_nargs("clock_settime_ns", args, 2, 2)?;
    let ns = vm::abstract_::to_i64(&args[1])?;
    settime(clk_arg(&args[0])?, ns as i128)
});

/// A number of seconds (int or float): (value, was it a float).
fn seconds_arg(o: &PyObj) -> PyResult<(f64, bool)> {
    if float::is_float(o) {
        let v = float::value(o);
        if v.is_nan() {
            return Err(err::value_error("Invalid value NaN (not a number)"));
        }
        return Ok((v, true));
    }
    let i = vm::abstract_::index(o)?;
    match long::as_i64(&i) {
        Some(v) => Ok((v as f64, false)),
        None => Err(err::overflow_error("timestamp too large to convert to C _PyTime_t")),
    }
}

vm::fastcall!(time_sleep, |slf, args| {
    check_nargs("sleep", args, 1, 1)?;
    let (s, is_float) = seconds_arg(&args[0])?;
    if is_float && !(s * 1e9 < i64::MAX as f64 && s * 1e9 > i64::MIN as f64) {
        return Err(err::overflow_error("timestamp out of range for platform time_t"));
    }
    if !is_float && (s * 1e9).abs() >= i64::MAX as f64 {
        return Err(err::overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    if s < 0.0 {
        return Err(err::value_error("sleep length must be non-negative"));
    }
    let deadline = clock_ns(libc::CLOCK_MONOTONIC)? + (s * 1e9) as i128;
    loop {
        let left = deadline - clock_ns(libc::CLOCK_MONOTONIC)?;
        if left <= 0 {
            break;
        }
        let ts = libc::timespec {
            tv_sec: (left / 1_000_000_000) as libc::time_t,
            tv_nsec: (left % 1_000_000_000) as libc::c_long,
        };
        let r = unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) };
        if r == 0 {
            break;
        }
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::EINTR) {
            return Err(os_err());
        }
        // PEP 475: run signal handlers, then sleep the remaining time.
        vm::signals::check()?;
    }
    Ok(none::none())
});

/// A time_t from an optional seconds argument (None or absent: now),
/// rounded toward minus infinity.
fn time_t_arg(args: &[PyObj]) -> PyResult<libc::time_t> {
    match args.first() {
        None => Ok(unsafe { libc::time(std::ptr::null_mut()) }),
        Some(o) if none::is_none(o) => Ok(unsafe { libc::time(std::ptr::null_mut()) }),
        Some(o) => {
            let (v, _) = seconds_arg(o).map_err(|e| {
                if e.matches(unsafe { vm::objects::exceptions::PyExc_OverflowError }) {
                    err::overflow_error("timestamp out of range for platform time_t")
                } else {
                    e
                }
            })?;
            let f = v.floor();
            if !(f >= i64::MIN as f64 && f < i64::MAX as f64) {
                return Err(err::overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(f as libc::time_t)
        }
    }
}

fn tm_to_struct(tm: &libc::tm) -> PyResult {
    let tp = struct_time_type()?;
    let zone = if tm.tm_zone.is_null() {
        none::none()
    } else {
        unicode::new(&unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy())
    };
    let i = |v: i32| long::from_i64(v as i64);
    Ok(structseq::new_from_values(
        tp,
        vec![
            i(tm.tm_year + 1900),
            i(tm.tm_mon + 1),
            i(tm.tm_mday),
            i(tm.tm_hour),
            i(tm.tm_min),
            i(tm.tm_sec),
            i((tm.tm_wday + 6) % 7),
            i(tm.tm_yday + 1),
            i(tm.tm_isdst),
            zone,
            long::from_i64(tm.tm_gmtoff as i64),
        ],
    ))
}

fn gmtime_tm(t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        return Err(err::overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(tm)
}

fn localtime_tm(t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return Err(err::overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(tm)
}

vm::fastcall!(time_gmtime, |slf, args| {
    check_nargs("gmtime", args, 0, 1)?;
    tm_to_struct(&gmtime_tm(time_t_arg(args)?)?)
});

vm::fastcall!(time_localtime, |slf, args| {
    check_nargs("localtime", args, 0, 1)?;
    tm_to_struct(&localtime_tm(time_t_arg(args)?)?)
});

/// A `struct tm` and the zone name its `tm_zone` points into.
struct Tm {
    tm: libc::tm,
    _zone: Option<CString>,
}

/// A `struct tm` from a 9-tuple or struct_time (CPython's `gettmarg`).
fn tm_arg(fname: &str, o: &PyObj) -> PyResult<Tm> {
    if !tuple::is_tuple(o) {
        return Err(err::type_error("Tuple or struct_time argument required"));
    }
    let items = tuple::items(o);
    if items.len() != 9 {
        return Err(err::type_error(format!("{}(): illegal time tuple argument", fname)));
    }
    let mut v = [0i64; 9];
    for (k, it) in items.iter().enumerate() {
        v[k] = vm::abstract_::to_i64(it)?;
    }
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let year = v[0];
    if year - 1900 < i32::MIN as i64 || year - 1900 > i32::MAX as i64 {
        return Err(err::overflow_error("year out of range"));
    }
    tm.tm_year = (year - 1900) as i32;
    tm.tm_mon = v[1] as i32 - 1;
    tm.tm_mday = v[2] as i32;
    tm.tm_hour = v[3] as i32;
    tm.tm_min = v[4] as i32;
    tm.tm_sec = v[5] as i32;
    // C's remainder (sign of the dividend), so a wday below -1 is caught by check_tm.
    tm.tm_wday = ((v[6] + 1) % 7) as i32;
    tm.tm_yday = v[7] as i32 - 1;
    tm.tm_isdst = v[8] as i32;
    // A struct_time carries its zone; a plain tuple does not.
    let mut zone_name = None;
    if o.ob_type() == struct_time_type()? {
        let p = unsafe { tuple::items_ptr(o.as_ptr()) };
        let zone = unsafe { *p.add(9) };
        let off = unsafe { *p.add(10) };
        if !zone.is_null() {
            let z = unsafe { PyObj::borrow(&zone) };
            if unicode::is_str(z) {
                if let Ok(c) = CString::new(unicode::to_string_lossy(z)) {
                    tm.tm_zone = c.as_ptr();
                    zone_name = Some(c);
                }
            }
        }
        if !off.is_null() {
            let g = unsafe { PyObj::borrow(&off) };
            if long::is_int(g) {
                tm.tm_gmtoff = long::as_i64(g).unwrap_or(0) as libc::c_long;
            }
        }
    }
    Ok(Tm { tm, _zone: zone_name })
}

/// CPython's `checktm`: fields in the ranges C's formatting expects; 0 is
/// accepted for the 1-based month, day and day of year.
fn check_tm(tm: &mut libc::tm) -> PyResult<()> {
    let bad = |m: &str| Err(err::value_error(m));
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    }
    if tm.tm_mon < 0 || tm.tm_mon > 11 {
        return bad("month out of range");
    }
    if tm.tm_mday < 1 || tm.tm_mday > 31 {
        return bad("day of month out of range");
    }
    if tm.tm_hour < 0 || tm.tm_hour > 23 {
        return bad("hour out of range");
    }
    if tm.tm_min < 0 || tm.tm_min > 59 {
        return bad("minute out of range");
    }
    if tm.tm_sec < 0 || tm.tm_sec > 61 {
        return bad("seconds out of range");
    }
    if tm.tm_wday < 0 {
        return bad("day of week out of range");
    }
    if tm.tm_yday < 0 || tm.tm_yday > 365 {
        return bad("day of year out of range");
    }
    Ok(())
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn asctime_of(tm: &libc::tm) -> PyObj {
    unicode::new(&format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    ))
}

fn now_local() -> PyResult<libc::tm> {
    localtime_tm(unsafe { libc::time(std::ptr::null_mut()) })
}

vm::fastcall!(time_asctime, |slf, args| {
    check_nargs("asctime", args, 0, 1)?;
    let tm = match args.first() {
        Some(t) => {
            let mut t = tm_arg("asctime", t)?;
            check_tm(&mut t.tm)?;
            t.tm
        }
        None => now_local()?,
    };
    Ok(asctime_of(&tm))
});

vm::fastcall!(time_ctime, |slf, args| {
    check_nargs("ctime", args, 0, 1)?;
    let tm = localtime_tm(time_t_arg(args)?)?;
    Ok(asctime_of(&tm))
});

vm::fastcall!(time_mktime, |slf, args| {
    check_nargs("mktime", args, 1, 1)?;
    let mut holder = tm_arg("mktime", &args[0])?;
    let tm = &mut holder.tm;
    // -1 is also a valid result: tm_wday left at -1 tells failure apart.
    tm.tm_wday = -1;
    let t = unsafe { libc::mktime(tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(err::overflow_error("mktime argument out of range"));
    }
    Ok(float::new(t as f64))
});

vm::fastcall!(time_strftime, |slf, args| {
    check_nargs("strftime", args, 1, 2)?;
    if !unicode::is_str(&args[0]) {
        return Err(err::type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm::typeobj::type_name(args[0].ob_type())
        )));
    }
    let mut holder = match args.get(1) {
        Some(t) => tm_arg("strftime", t)?,
        None => Tm { tm: now_local()?, _zone: None },
    };
    let tm = &mut holder.tm;
    if args.len() > 1 {
        check_tm(tm)?;
        tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    }
    let fmt = vm::objects::bytes_methods::encode_str(&args[0], "utf-8", "surrogateescape")?;
    let fbytes = vm::objects::bytes::as_slice(&fmt).to_vec();
    if fbytes.is_empty() {
        return Ok(unicode::empty());
    }
    let cfmt = CString::new(fbytes.clone()).map_err(|_| err::value_error("embedded null character"))?;
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, size, cfmt.as_ptr(), &*tm) };
        // 0 is ambiguous (empty result or too small): retry larger a few times.
        if n > 0 || size >= 256 * fbytes.len().max(16) {
            buf.truncate(n);
            return vm::objects::bytes_methods::decode_bytes(&buf, "utf-8", "surrogateescape");
        }
        size *= 2;
    }
});

vm::fastcall!(time_pthread_getcpuclockid, |slf, args| {
    check_nargs("pthread_getcpuclockid", args, 1, 1)?;
    let tid = vm::abstract_::to_i64(&args[0])? as libc::pthread_t;
    let mut clk: libc::clockid_t = 0;
    let r = unsafe { libc::pthread_getcpuclockid(tid, &mut clk) };
    if r != 0 {
        return Err(vm::objects::exceptions_attrs::os_error_from_errno(r, None));
    }
    Ok(long::from_i64(clk as i64))
});

vm::fastcall!(time_strptime, |slf, args| {
    let m = vm::import::import_module("_strptime", None)?;
    let f = vm::abstract_::getattr_str(&m, "_strptime_time")?;
    vm::abstract_::call(&f, args, None)
});

/// Sets timezone, altzone, daylight and tzname from January's and July's
/// offsets of the current year (as CPython's `init_timezone`).
fn set_zone_attrs(m: &PyObj) -> PyResult<()> {
    let now = unsafe { libc::time(std::ptr::null_mut()) };
    let year_start = {
        let mut tm = gmtime_tm(now)?;
        tm.tm_mon = 0;
        tm.tm_mday = 1;
        tm.tm_hour = 0;
        tm.tm_min = 0;
        tm.tm_sec = 0;
        unsafe { libc::timegm(&mut tm) }
    };
    let jan = localtime_tm(year_start)?;
    let jul = localtime_tm(year_start + 183 * 86400)?;
    let name = |tm: &libc::tm| {
        if tm.tm_zone.is_null() {
            String::new()
        } else {
            unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
        }
    };
    let (janoff, juloff) = (-(jan.tm_gmtoff as i64), -(jul.tm_gmtoff as i64));
    let (tz, alt, std_name, dst_name) = if janoff < juloff {
        // Southern hemisphere: DST in January.
        (juloff, janoff, name(&jul), name(&jan))
    } else {
        (janoff, juloff, name(&jan), name(&jul))
    };
    module::add(m, "timezone", long::from_i64(tz));
    module::add(m, "altzone", long::from_i64(alt));
    module::add(m, "daylight", long::from_i64((janoff != juloff) as i64));
    module::add(m, "tzname", tuple::new(vec![unicode::new(&std_name), unicode::new(&dst_name)]));
    Ok(())
}

extern "C" {
    fn tzset();
}

vm::onearg!(time_tzset, |slf, _a| {
    unsafe { tzset() };
    let m = vm::import::import_module("time", None)?;
    set_zone_attrs(&m)?;
    Ok(none::none())
});

vm::fastcall!(time_get_clock_info, |slf, args| {
    check_nargs("get_clock_info", args, 1, 1)?;
    let name = unicode::as_str(&args[0])
        .map_err(|_| err::type_error("get_clock_info() argument must be str"))?
        .to_string();
    let (imp, clk, mono, adj) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", libc::CLOCK_REALTIME, false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", libc::CLOCK_MONOTONIC, true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", libc::CLOCK_PROCESS_CPUTIME_ID, true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", libc::CLOCK_THREAD_CPUTIME_ID, true, false),
        _ => return Err(err::value_error("unknown clock")),
    };
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    let res = if unsafe { libc::clock_getres(clk, &mut ts) } == 0 {
        ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
    } else {
        1e-9
    };
    Ok(vm::objects::namespace::new(&[
        ("implementation", unicode::new(imp)),
        ("monotonic", vm::objects::boolobject::new(mono)),
        ("adjustable", vm::objects::boolobject::new(adj)),
        ("resolution", float::new(res)),
    ]))
});

pub fn init() -> PyResult<PyObj> {
    const F: i32 = meth::FASTCALL;
    let m = module::new("time");
    let fns: &[(&str, *const c_void, i32)] = &[
        ("time", time_time as *const c_void, meth::NOARGS),
        ("time_ns", time_time_ns as *const c_void, meth::NOARGS),
        ("monotonic", time_monotonic as *const c_void, meth::NOARGS),
        ("monotonic_ns", time_monotonic_ns as *const c_void, meth::NOARGS),
        ("perf_counter", time_perf_counter as *const c_void, meth::NOARGS),
        ("perf_counter_ns", time_perf_counter_ns as *const c_void, meth::NOARGS),
        ("process_time", time_process_time as *const c_void, meth::NOARGS),
        ("process_time_ns", time_process_time_ns as *const c_void, meth::NOARGS),
        ("thread_time", time_thread_time as *const c_void, meth::NOARGS),
        ("thread_time_ns", time_thread_time_ns as *const c_void, meth::NOARGS),
        ("clock_gettime", time_clock_gettime as *const c_void, F),
        ("clock_gettime_ns", time_clock_gettime_ns as *const c_void, F),
        ("clock_getres", time_clock_getres as *const c_void, F),
        ("clock_settime", time_clock_settime as *const c_void, F),
        ("clock_settime_ns", time_clock_settime_ns as *const c_void, F),
        ("sleep", time_sleep as *const c_void, F),
        ("gmtime", time_gmtime as *const c_void, F),
        ("localtime", time_localtime as *const c_void, F),
        ("mktime", time_mktime as *const c_void, F),
        ("asctime", time_asctime as *const c_void, F),
        ("ctime", time_ctime as *const c_void, F),
        ("strftime", time_strftime as *const c_void, F),
        ("strptime", time_strptime as *const c_void, F),
        ("tzset", time_tzset as *const c_void, meth::NOARGS),
        ("get_clock_info", time_get_clock_info as *const c_void, F),
        ("pthread_getcpuclockid", time_pthread_getcpuclockid as *const c_void, F),
    ];
    vm::sysmodule::add_functions(&m, fns);
    for (n, v) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        module::add(&m, n, long::from_i64(v as i64));
    }
    module::add(&m, "_STRUCT_TM_ITEMS", long::from_i64(11));
    module::add(&m, "struct_time", vm::typeobj::type_obj(struct_time_type()?));
    unsafe { tzset() };
    set_zone_attrs(&m)?;
    Ok(m)
}
