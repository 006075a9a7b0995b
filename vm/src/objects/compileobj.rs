//! `compile()`, `exec()` and `eval()`.

use crate::compiler::CompileMode;
use crate::err::{self, PyResult};
use crate::objects::methodobject::bind_args;
use crate::objects::{code, dict, none, unicode};
use crate::objref::PyObj;

/// How `compile()` reaches the `_ast` module (in the stdlib crate): the
/// node classes live there, so it registers these at startup.
pub struct AstHooks {
    pub is_ast: fn(&PyObj) -> bool,
    pub to_py: fn(&crate::ast::Mod) -> PyResult,
    pub from_py: fn(&PyObj, CompileMode) -> PyResult<crate::ast::Mod>,
}

static mut AST_HOOKS: Option<AstHooks> = None;

pub fn set_ast_hooks(h: AstHooks) {
    unsafe { AST_HOOKS = Some(h) }
}

fn ast_hooks() -> Option<&'static AstHooks> {
    unsafe { (*(&raw const AST_HOOKS)).as_ref() }
}

const PYCF_ONLY_AST: i64 = 0x400;

fn source_text(src: &PyObj, fname: &str) -> PyResult<String> {
    if unicode::is_str(src) {
        return Ok(unicode::as_str(src)?.to_string());
    }
    if crate::objects::bytes::is_bytes(src) || crate::objects::bytearray::is_bytearray(src) {
        let b = crate::objects::bytearray::bytes_like_data(src)?;
        return crate::parser::decode_source(&b).map_err(|e| crate::interp::syntax_error_from(&e, "<string>"));
    }
    Err(err::type_error(if fname == "compile" {
        "compile() arg 1 must be a string, bytes or AST object".to_string()
    } else {
        format!("{}() arg 1 must be a string, bytes or code object", fname)
    }))
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
    let flags = match &a[3] {
        Some(f) => crate::abstract_::to_i64(f)?,
        None => 0,
    };
    // The future-feature flags, CO_NESTED, and the PyCF_* compile flags.
    const KNOWN_FLAGS: i64 = 0x1fe_0000 | 0x10 | 0x200 | 0x400 | 0x1000 | 0x2000 | 0x4000;
    if flags & !KNOWN_FLAGS != 0 {
        return Err(err::value_error("compile(): unrecognised flags"));
    }
    if let Some(o) = &a[5] {
        if !(-1..=2).contains(&crate::abstract_::to_i64(o)?) {
            return Err(err::value_error("compile(): invalid optimize value"));
        }
    }
    let only_ast = flags & PYCF_ONLY_AST != 0;
    if mode == "func_type" {
        return Err(if only_ast {
            err::not_implemented_error("compile() mode 'func_type' is not supported yet")
        } else {
            err::value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST")
        });
    }
    let m = match mode.as_str() {
        "exec" => CompileMode::Exec,
        "eval" => CompileMode::Eval,
        "single" => CompileMode::Single,
        _ => return Err(err::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if code::is_code(&src) {
        return Ok(src);
    }
    if let Some(h) = ast_hooks() {
        if (h.is_ast)(&src) {
            if only_ast {
                return Ok(src);
            }
            let tree = (h.from_py)(&src, m)?;
            return match crate::compiler::compile(&tree, "", &filename, m, 0) {
                Ok(unit) => Ok(code::from_unit(std::rc::Rc::new(unit))),
                Err(mut e) => {
                    // There is no source text to quote, as in CPython.
                    e.text = None;
                    Err(crate::interp::syntax_error_from(&e, &filename))
                }
            };
        }
    }
    let text = source_text(&src, "compile")?;
    if only_ast {
        if let Some(h) = ast_hooks() {
            let pmode = match m {
                CompileMode::Exec => crate::parser::Mode::Exec,
                CompileMode::Eval => crate::parser::Mode::Eval,
                CompileMode::Single => crate::parser::Mode::Single,
            };
            let tree = crate::parser::parse(&text, pmode).map_err(|e| crate::interp::syntax_error_from(&e, &filename))?;
            return (h.to_py)(&tree);
        }
    }
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
