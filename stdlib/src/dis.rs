//! `dis`: the disassembler for Pyrite's bytecode. The module is Python
//! source (stdlib/src/dis.py) embedded in the binary and run on import, so it
//! shadows Lib/dis.py, which decodes CPython's bytecode, not Pyrite's.

use vm::err::PyResult;
use vm::objects::{dict, module};
use vm::objref::PyObj;

pub fn init() -> PyResult<PyObj> {
    let m = module::new("dis");
    let d = module::get_dict(&m);
    dict::set_item_rs(&d, "__builtins__", vm::interp::interp().builtins.clone());
    vm::interp::run_source(include_str!("dis.py"), "<frozen dis>", &d, vm::compiler::CompileMode::Exec)?;
    Ok(m)
}
