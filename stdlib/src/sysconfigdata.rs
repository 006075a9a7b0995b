//! `_sysconfigdata__x86_64-linux-gnu`: Pyrite's build configuration, the
//! module Lib/sysconfig.py imports for `get_config_vars()` (its name is
//! `_sysconfigdata_{sys.abiflags}_{sys.implementation._multiarch}`). As a
//! built-in module it takes the place of the host CPython's file of the same
//! name, so build tools see Pyrite's headers and extension suffix, not
//! CPython's. Also the one source of those answers for `pyrite-config`.

use std::path::{Path, PathBuf};
use vm::err::PyResult;
use vm::objects::{module, unicode};
use vm::objref::PyObj;

pub const MODULE_NAME: &str = "_sysconfigdata__x86_64-linux-gnu";

/// Tag of extension modules built for Pyrite (CPython's is cpython-311-...).
pub const SOABI: &str = "pyrite-311-x86_64-linux-gnu";
pub const EXT_SUFFIX: &str = ".pyrite-311-x86_64-linux-gnu.so";

/// Flags for compiling an extension (beyond -I): CPython's usual ones.
pub const CFLAGS: &str = "-fwrapv -O2 -Wall";

/// Pyrite's `include/` (the directory holding Python.h): beside or above
/// the running executable (a build tree's target/<profile>/, or an
/// installed <prefix>/bin/), else the source tree this was built from.
pub fn include_dir() -> PathBuf {
    if let Ok(exe) = std::env::current_exe() {
        let exe = exe.canonicalize().unwrap_or(exe);
        for dir in exe.ancestors().skip(1).take(4) {
            let inc = dir.join("include");
            if inc.join("Python.h").is_file() {
                return inc;
            }
        }
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("include");
    built.canonicalize().unwrap_or(built)
}

/// The Pyrite tree (build or install root) that holds `include/`.
pub fn prefix() -> PathBuf {
    let inc = include_dir();
    inc.parent().map(Path::to_path_buf).unwrap_or(inc)
}

/// Defines `build_time_vars` from the names Rust sets (_include, _prefix,
/// ...), and points sysconfig's install schemes' include paths at Pyrite's
/// headers: the schemes build them from sys.base_prefix, which is the host
/// CPython's prefix since Pyrite runs its Lib/.
const SOURCE: &str = r#"
build_time_vars = {
    'ABIFLAGS': '',
    'AR': 'ar',
    'ARFLAGS': 'rcs',
    'BASECFLAGS': '',
    'CC': 'cc',
    'CCSHARED': '-fPIC',
    'CFLAGS': _cflags,
    'CFLAGSFORSHARED': '',
    'CONFINCLUDEPY': _include,
    'CXX': 'c++',
    'EXT_SUFFIX': _ext_suffix,
    'HOST_GNU_TYPE': 'x86_64-pc-linux-gnu',
    'INCLUDEDIR': _include,
    'INCLUDEPY': _include,
    'LDCXXSHARED': 'c++ -shared',
    'LDFLAGS': '',
    'LDLIBRARY': '',
    'LDSHARED': 'cc -shared',
    'LDVERSION': '3.11',
    'LIBDIR': _prefix,
    'LIBRARY': '',
    'MACHDEP': 'linux',
    'MULTIARCH': 'x86_64-linux-gnu',
    'OPT': '-O2 -Wall',
    'Py_DEBUG': 0,
    'Py_ENABLE_SHARED': 0,
    'SHLIB_SUFFIX': '.so',
    'SIZEOF_LONG': 8,
    'SIZEOF_SIZE_T': 8,
    'SIZEOF_VOID_P': 8,
    'SOABI': _soabi,
    'VERSION': '3.11',
    'WITH_DOC_STRINGS': 1,
}

def _patch_schemes():
    import sys
    sysconfig = sys.modules.get('sysconfig')
    schemes = getattr(sysconfig, '_INSTALL_SCHEMES', None)
    if not isinstance(schemes, dict):
        return
    inc = _include.replace('{', '{{').replace('}', '}}')
    for scheme in schemes.values():
        for key in ('include', 'platinclude'):
            if scheme.get(key, '').startswith(('{installed_base}', '{installed_platbase}')):
                scheme[key] = inc

_patch_schemes()
del _patch_schemes, _include, _prefix, _cflags, _ext_suffix, _soabi
"#;

pub fn init() -> PyResult<PyObj> {
    let m = module::new(MODULE_NAME);
    let d = module::get_dict(&m);
    let include = include_dir().to_string_lossy().into_owned();
    let prefix = prefix().to_string_lossy().into_owned();
    for (k, v) in [
        ("_include", include.as_str()),
        ("_prefix", prefix.as_str()),
        ("_cflags", CFLAGS),
        ("_ext_suffix", EXT_SUFFIX),
        ("_soabi", SOABI),
    ] {
        module::add(&m, k, unicode::new(v));
    }
    vm::interp::run_source(SOURCE, "<pyrite _sysconfigdata>", &d, vm::compiler::CompileMode::Exec)?;
    Ok(m)
}
