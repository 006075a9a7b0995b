//! The bytecode cache of source imports: `pkg/__pycache__/mod.pyrite-311.pyc`
//! files with CPython's 16-byte PEP 552 header (magic, flags, then source
//! mtime and size, or an 8-byte source hash) followed by a marshalled code
//! object in Pyrite's own layout. The marshal codec lives in stdlib, which
//! hands it over with `set_code_cache` at start-up; without it, imports
//! simply compile. A cache file that is stale, truncated, corrupt or foreign
//! is never trusted: the source is compiled and the file rewritten.

use crate::err::PyResult;
use crate::objref::PyObj;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Serializes a code object (marshal.dumps).
pub type DumpFn = fn(&PyObj) -> PyResult<Vec<u8>>;
/// Reads a code object back (the cache reader of marshal: code this build
/// wrote and a checksum vouches for is not re-verified).
pub type LoadFn = fn(&[u8]) -> PyResult<PyObj>;

struct Codec {
    dump: DumpFn,
    load: LoadFn,
    magic: [u8; 4],
}

static CODEC: OnceLock<Codec> = OnceLock::new();

/// Installs the code marshaller and the .pyc magic number (stdlib calls
/// this once in `register_all`).
pub fn set_code_cache(dump: DumpFn, load: LoadFn, magic: [u8; 4]) {
    let _ = CODEC.set(Codec { dump, load, magic });
}

/// The magic number of Pyrite's .pyc files, once the codec is installed.
pub fn magic() -> Option<[u8; 4]> {
    CODEC.get().map(|c| c.magic)
}

const FLAG_HASH: u32 = 1;
const FLAG_CHECK_SOURCE: u32 = 2;

/// `importlib.util.cache_from_source(source)` for Pyrite: the file's
/// directory's `__pycache__/<stem>.<cache_tag>[.opt-N].pyc`, or under
/// `sys.pycache_prefix` when that is set.
pub fn cache_path(source: &Path) -> Option<PathBuf> {
    let name = source.file_name()?.to_str()?;
    let stem = name.strip_suffix(".py").unwrap_or_else(|| name.rsplit_once('.').map(|(s, _)| s).unwrap_or(name));
    let opt = optimize_level();
    let file = if opt > 0 { format!("{stem}.pyrite-311.opt-{opt}.pyc") } else { format!("{stem}.pyrite-311.pyc") };
    let dir = source.parent()?;
    if let Some(prefix) = pycache_prefix() {
        // As CPython: the source's absolute directory re-rooted under prefix.
        let abs = if dir.is_absolute() { dir.to_path_buf() } else { std::env::current_dir().ok()?.join(dir) };
        let rel = abs.strip_prefix("/").unwrap_or(&abs).to_path_buf();
        return Some(PathBuf::from(prefix).join(rel).join(file));
    }
    Some(dir.join("__pycache__").join(file))
}

fn optimize_level() -> i64 {
    crate::sysmodule::get_opt("flags")
        .and_then(|f| crate::abstract_::getattr_str(&f, "optimize").ok())
        .and_then(|o| crate::objects::long::as_i64(&o))
        .unwrap_or(0)
}

fn pycache_prefix() -> Option<String> {
    let p = crate::sysmodule::get_opt("pycache_prefix")?;
    if crate::objects::unicode::is_str(&p) {
        Some(crate::objects::unicode::to_string_lossy(&p))
    } else {
        None
    }
}

fn dont_write() -> bool {
    match crate::sysmodule::get_opt("dont_write_bytecode") {
        Some(v) => crate::abstract_::is_true(&v).unwrap_or(true),
        None => true,
    }
}

/// `_imp.check_hash_based_pycs`: "default", "always" or "never".
fn check_hash_mode() -> String {
    crate::interp::interp_opt()
        .and_then(|i| crate::objects::dict::get_item_rs(&i.modules, "_imp"))
        .and_then(|m| crate::abstract_::getattr_str(&m, "check_hash_based_pycs").ok())
        .filter(|v| crate::objects::unicode::is_str(v))
        .map(|v| crate::objects::unicode::to_string_lossy(&v))
        .unwrap_or_else(|| "default".to_string())
}

fn source_hash(magic: [u8; 4], source: &[u8]) -> [u8; 8] {
    crate::hash::siphash13(u32::from_le_bytes(magic) as u64, 0, source).to_le_bytes()
}

/// The running executable's fingerprint (a hash of its size and mtime),
/// which marshalled code objects carry: branches and rebuilds change the
/// bytecode without always bumping CODE_LAYOUT_VERSION, and code from
/// another build must never be run.
pub fn build_id() -> [u8; 8] {
    static ID: OnceLock<[u8; 8]> = OnceLock::new();
    *ID.get_or_init(|| {
        let meta = std::env::current_exe().and_then(std::fs::metadata).ok();
        let (len, t) = match &meta {
            Some(m) => {
                let t = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
                (m.len(), t.map(|d| d.as_nanos() as u64).unwrap_or(0))
            }
            None => (0, 0),
        };
        let mut buf = Vec::with_capacity(16);
        buf.extend_from_slice(&len.to_le_bytes());
        buf.extend_from_slice(&t.to_le_bytes());
        crate::hash::siphash13(0x7079_7269_7465, 0, &buf).to_le_bytes()
    })
}

static COMPILES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many module sources imports have compiled (cache misses).
pub fn compile_count() -> usize {
    COMPILES.load(std::sync::atomic::Ordering::Relaxed)
}

/// What a cache file said about itself before it was rejected: a
/// hash-based file is rewritten hash-based, as CPython does.
struct Rewrite {
    hash_based: bool,
    check_source: bool,
}

/// The code object of source module `p`: from its cache file when that is
/// valid, else compiled from source (then the cache file is written).
pub fn get_code(p: &Path, filename: &str) -> PyResult {
    let meta = std::fs::metadata(p).ok();
    let cpath = cache_path(p);
    let mut rewrite = Rewrite { hash_based: false, check_source: false };
    let mut source: Option<Vec<u8>> = None;
    if let (Some(codec), Some(meta), Some(cpath)) = (CODEC.get(), meta.as_ref(), cpath.as_ref()) {
        if let Ok(data) = std::fs::read(cpath) {
            if let Some(code) = validate(codec, &data, meta, p, &mut source, &mut rewrite) {
                return Ok(code);
            }
        }
    }
    let bytes = match source {
        Some(b) => b,
        None => std::fs::read(p).map_err(|e| crate::objects::exceptions_attrs::os_error_from_io(&e, Some(filename)))?,
    };
    let text = crate::interp::decode_file_source(&bytes, filename)?;
    crate::import::remember_source(filename, &text);
    let code = crate::interp::compile_to_code(&text, filename, crate::compiler::CompileMode::Exec)?;
    COMPILES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if std::env::var_os("PYRITE_DEBUG_COMPILES").is_some() {
        eprintln!("pyrite: compiled {filename}");
    }
    if let (Some(codec), Some(meta), Some(cpath)) = (CODEC.get(), meta.as_ref(), cpath.as_ref()) {
        if !dont_write() {
            write(codec, &code, meta, &bytes, cpath, &rewrite);
        }
    }
    Ok(code)
}

/// The code of a sourceless module (`mod.pyc` where `mod.py` would be):
/// nothing to recompile from, so a bad file is an error, as in CPython.
pub fn load_sourceless(name: &str, p: &Path) -> PyResult {
    let filename = p.to_string_lossy().into_owned();
    let data = std::fs::read(p).map_err(|e| crate::objects::exceptions_attrs::os_error_from_io(&e, Some(&filename)))?;
    let Some(codec) = CODEC.get() else {
        return Err(crate::err::import_error(format!("cannot load bytecode of {name:?}: no marshal codec")));
    };
    if data.len() < 4 || data[0..4] != codec.magic {
        let shown = crate::objects::bytes::new(&data[..data.len().min(4)]);
        let r = crate::abstract_::repr(&shown).map(|r| crate::objects::unicode::to_string_lossy(&r)).unwrap_or_default();
        return Err(crate::err::import_error(format!("bad magic number in '{name}': {r}")));
    }
    if data.len() < 16 {
        return Err(crate::err::new(
            unsafe { crate::objects::exceptions::PyExc_EOFError },
            &format!("reached EOF while reading pyc header of '{name}'"),
        ));
    }
    let flags = u32_at(&data, 4);
    if flags & !(FLAG_HASH | FLAG_CHECK_SOURCE) != 0 {
        return Err(crate::err::import_error(format!("invalid flags {flags} in '{name}'")));
    }
    let code = (codec.load)(&data[16..])?;
    if !crate::objects::code::is_code(&code) {
        return Err(crate::err::import_error(format!("Non-code object in '{filename}'")));
    }
    Ok(code)
}

fn u32_at(d: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]])
}

#[cfg(unix)]
fn mtime_size(meta: &std::fs::Metadata) -> (u32, u32) {
    use std::os::unix::fs::MetadataExt;
    (meta.mtime() as u32, meta.len() as u32)
}

#[cfg(not(unix))]
fn mtime_size(meta: &std::fs::Metadata) -> (u32, u32) {
    let t = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs())
        .unwrap_or(0);
    (t as u32, meta.len() as u32)
}

/// The code in cache file `data` if it is valid for the source; None (with
/// any error discarded) otherwise.
fn validate(
    codec: &Codec,
    data: &[u8],
    meta: &std::fs::Metadata,
    p: &Path,
    source: &mut Option<Vec<u8>>,
    rewrite: &mut Rewrite,
) -> Option<PyObj> {
    if data.len() < 16 || data[0..4] != codec.magic {
        return None;
    }
    let flags = u32_at(data, 4);
    if flags & !(FLAG_HASH | FLAG_CHECK_SOURCE) != 0 {
        return None;
    }
    if flags & FLAG_HASH != 0 {
        let check_source = flags & FLAG_CHECK_SOURCE != 0;
        *rewrite = Rewrite { hash_based: true, check_source };
        let mode = check_hash_mode();
        if mode != "never" && (check_source || mode == "always") {
            let src = std::fs::read(p).ok()?;
            let ok = source_hash(codec.magic, &src) == data[8..16];
            *source = Some(src);
            if !ok {
                return None;
            }
        }
    } else {
        let (mtime, size) = mtime_size(meta);
        if u32_at(data, 8) != mtime || u32_at(data, 12) != size {
            return None;
        }
    }
    match (codec.load)(&data[16..]) {
        Ok(code) if crate::objects::code::is_code(&code) => Some(code),
        _ => None,
    }
}

/// Writes the cache file atomically (a temporary file in the same
/// directory, then a rename); any failure leaves things as they were.
fn write(codec: &Codec, code: &PyObj, meta: &std::fs::Metadata, source: &[u8], cpath: &Path, rw: &Rewrite) {
    let Ok(body) = (codec.dump)(code) else { return };
    let mut out = Vec::with_capacity(16 + body.len());
    out.extend_from_slice(&codec.magic);
    if rw.hash_based {
        let flags = FLAG_HASH | if rw.check_source { FLAG_CHECK_SOURCE } else { 0 };
        out.extend_from_slice(&flags.to_le_bytes());
        out.extend_from_slice(&source_hash(codec.magic, source));
    } else {
        let (mtime, size) = mtime_size(meta);
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&mtime.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
    }
    out.extend_from_slice(&body);
    let Some(dir) = cpath.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = PathBuf::from(format!("{}.{}.tmp", cpath.display(), std::process::id()));
    if write_new(&tmp, &out, meta).is_err() || std::fs::rename(&tmp, cpath).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

#[cfg(unix)]
fn write_new(tmp: &Path, data: &[u8], meta: &std::fs::Metadata) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    // The cache file gets the source's permission bits (minus execute), as
    // in CPython.
    let mode = (meta.mode() & 0o666) | 0o200;
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(mode).open(tmp)?;
    f.write_all(data)
}

#[cfg(not(unix))]
fn write_new(tmp: &Path, data: &[u8], _meta: &std::fs::Metadata) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(tmp)?;
    f.write_all(data)
}
