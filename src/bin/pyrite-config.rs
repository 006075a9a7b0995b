//! `pyrite-config`: what CPython's `python3-config` answers, for Pyrite.
//! Build tools run it to learn where the C API headers are and how to name
//! an extension module. The answers are those of `sysconfig` under Pyrite
//! (both come from `stdlib::sysconfigdata`), found from this executable's
//! location, so they are right wherever Pyrite was built or installed.

use stdlib::sysconfigdata as cfg;

const OPTIONS: &str =
    "--prefix|--exec-prefix|--includes|--libs|--cflags|--ldflags|--extension-suffix|--help|--abiflags|--embed";

fn usage(argv0: &str) -> String {
    format!("Usage: {argv0} {OPTIONS}")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let argv0 = args.first().cloned().unwrap_or_else(|| "pyrite-config".into());
    if args.len() < 2 {
        println!("{}", usage(&argv0));
        std::process::exit(1);
    }
    let include = cfg::include_dir().to_string_lossy().into_owned();
    let prefix = cfg::prefix().to_string_lossy().into_owned();
    let mut out = Vec::new();
    for a in &args[1..] {
        match a.as_str() {
            "--prefix" | "--exec-prefix" => out.push(prefix.clone()),
            "--includes" => out.push(format!("-I{include}")),
            "--cflags" => out.push(format!("-I{include} {}", cfg::CFLAGS)),
            // Extensions link against nothing: the pyrite executable
            // exports the C API, as a static CPython does.
            "--libs" | "--ldflags" => out.push(String::new()),
            "--extension-suffix" => out.push(cfg::EXT_SUFFIX.to_string()),
            "--abiflags" => out.push(String::new()),
            // No embedding library yet: --embed changes nothing.
            "--embed" => {}
            "--help" => {
                println!("{}", usage(&argv0));
                return;
            }
            _ => {
                println!("{}", usage(&argv0));
                std::process::exit(1);
            }
        }
    }
    for line in out {
        println!("{line}");
    }
}
