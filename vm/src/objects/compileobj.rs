//! `compile()`, `exec()` and `eval()`.

use crate::compiler::CompileMode;
use crate::err::{self, PyResult};
use crate::objects::methodobject::bind_args;
use crate::objects::{code, dict, none, unicode};
use crate::objref::PyObj;

fn source_text(src: &PyObj, fname: &str) -> PyResult<String> {
    if unicode::is_str(src) {
        return Ok(unicode::as_str(src)?.to_string());
    }
    if crate::objects::bytes::is_bytes(src) || crate::objects::bytearray::is_bytearray(src) {
        let b = crate::objects::bytearray::bytes_like_data(src)?;
        return crate::parser::decode_source(&b).map_err(|e| crate::interp::syntax_error_from(&e, "<string>"));
    }
    Err(err::type_error(format!(
        "{}() arg 1 must be a string, bytes or code object",
        fname
    )))
}

pub fn builtin_compile(args: &[PyObj], kw: Option<&PyObj>) -> PyResult {
    let a = bind_args(
        "compile",
        args,
        kw,
        &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        3,
        0,
    )?;
    let src = a[0].clone().unwrap();
    let filename = unicode::to_string_lossy(&crate::abstract_::str(a[1].as_ref().unwrap())?);
    let mode = unicode::to_string_lossy(a[2].as_ref().unwrap());
    let m = match mode.as_str() {
        "exec" => CompileMode::Exec,
        "eval" => CompileMode::Eval,
        "single" => CompileMode::Single,
        _ => return Err(err::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if code::is_code(&src) {
        return Ok(src);
    }
    let text = source_text(&src, "compile")?;
    crate::interp::compile_to_code(&text, &filename, m)
}

pub fn builtin_exec_eval(args: &[PyObj], kw: Option<&PyObj>, is_exec: bool) -> PyResult {
    let fname = if is_exec { "exec" } else { "eval" };
    let a = bind_args(fname, args, kw, &["source", "globals", "locals", "closure"], 1, 3)?;
    let src = a[0].clone().unwrap();
    let globals = match a[1].clone().filter(|g| !none::is_none(g)) {
        Some(g) => {
            if !dict::is_dict(&g) {
                return Err(err::type_error(format!(
                    "{}() globals must be a dict, not {}",
                    fname,
                    crate::typeobj::type_name(g.ob_type())
                )));
            }
            g
        }
        None => crate::interp::current_globals().ok_or_else(|| err::system_error("globals and locals cannot be NULL"))?,
    };
    let locals = match a[2].clone().filter(|l| !none::is_none(l)) {
        Some(l) => l,
        None => {
            if a[1].as_ref().map(|g| !none::is_none(g)).unwrap_or(false) {
                globals.clone()
            } else {
                let f = crate::interp::current_frame();
                if f.is_null() {
                    globals.clone()
                } else {
                    unsafe { crate::objects::frame::locals_dict(f) }
                }
            }
        }
    };
    if dict::get_item_rs(&globals, "__builtins__").is_none() {
        dict::set_item_rs(&globals, "__builtins__", crate::interp::interp().builtins.clone());
    }
    let codeobj = if code::is_code(&src) {
        src
    } else {
        let text = source_text(&src, fname)?;
        let text = if is_exec { text } else { text.trim_start_matches([' ', '\t']).to_string() };
        crate::interp::compile_to_code(&text, "<string>", if is_exec { CompileMode::Exec } else { CompileMode::Eval })?
    };
    let r = crate::interp::call::run_code(&codeobj, &globals, Some(&locals))?;
    Ok(if is_exec { none::none() } else { r })
}
