//! `pyrite`: the command line, modelled on CPython's `python3`.
//!
//! Parses options, sets up `sys.argv`/`sys.path`, then runs a file, a `-c`
//! command, a `-m` module, standard input, or the interactive prompt, on a
//! thread with a large stack (deep Python recursion runs on the Rust
//! stack). Exit status follows CPython: 0, 1 for an uncaught exception,
//! SystemExit's code, 2 for bad usage.

use mimalloc::MiMalloc;
use std::io::{BufRead, IsTerminal, Write};

#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

use vm::objects::{dict, exceptions, list, module, none, unicode};
use vm::objref::PyObj;

const USAGE: &str = "usage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `pyrite -h' for more information.\n";

const HELP: &str = "usage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-I     : isolate Pyrite from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-W arg : warning control
-x     : skip first line of source
-X opt : set implementation-specific option
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

Environment variables:
PYTHONPATH   : ':'-separated list of directories prefixed to the
               default module search path.
PYTHONHASHSEED: if this variable is set to 'random', a random value is used
               to seed the hashes of str and bytes objects. It can also be set
               to an integer in the range [0,4294967295] to get hash values
               with a predictable seed.
PYRITE_STDLIB: directory of CPython 3.11's pure-Python Lib/ to use.
";

enum Run {
    File(String),
    Command(String),
    Module(String),
    Stdin,
}

struct Options {
    run: Run,
    args: Vec<String>,
    cfg: vm::sysmodule::Config,
    skip_first_line: bool,
}

fn usage_error(msg: &str) -> ! {
    eprint!("{}", msg);
    eprint!("{}", USAGE);
    std::process::exit(2);
}

fn parse_args(argv: Vec<String>) -> Options {
    let mut cfg = vm::sysmodule::Config {
        argv: vec![],
        executable: std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default(),
        path0: None,
        ignore_environment: false,
        isolated: false,
        no_site: false,
        dont_write_bytecode: false,
        unbuffered: false,
        inspect: false,
        optimize: 0,
        stdlib_dir: None,
        warnoptions: vec![],
        xoptions: vec![],
        quiet: false,
    };
    let mut skip_first_line = false;
    let mut i = 1;
    let mut run = None;
    while i < argv.len() {
        let a = &argv[i];
        if a == "--" {
            i += 1;
            break;
        }
        if a == "--help" {
            print!("{}", HELP);
            std::process::exit(0);
        }
        if a == "--version" {
            println!("Python 3.11.7");
            std::process::exit(0);
        }
        if !a.starts_with('-') || a == "-" {
            break;
        }
        if a.starts_with("--") {
            usage_error(&format!("unknown option {}\n", a));
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            let rest: String = chars[j + 1..].iter().collect();
            // Options taking an argument consume the rest or the next word.
            let mut take_arg = |name: char| -> String {
                if !rest.is_empty() {
                    j = chars.len();
                    rest.clone()
                } else {
                    i += 1;
                    j = chars.len();
                    match argv.get(i) {
                        Some(v) => v.clone(),
                        None => usage_error(&format!("Argument expected for the -{} option\n", name)),
                    }
                }
            };
            match c {
                'c' => {
                    let cmd = take_arg('c');
                    run = Some(Run::Command(cmd));
                }
                'm' => {
                    let m = take_arg('m');
                    run = Some(Run::Module(m));
                }
                'W' => {
                    let w = take_arg('W');
                    cfg.warnoptions.push(w);
                }
                'X' => {
                    let x = take_arg('X');
                    cfg.xoptions.push(x);
                }
                'B' => cfg.dont_write_bytecode = true,
                'u' => cfg.unbuffered = true,
                'E' => cfg.ignore_environment = true,
                'I' => {
                    cfg.isolated = true;
                    cfg.ignore_environment = true;
                }
                'S' => cfg.no_site = true,
                's' => {}
                'i' => cfg.inspect = true,
                'q' => cfg.quiet = true,
                'O' => cfg.optimize += 1,
                'x' => skip_first_line = true,
                'd' | 'v' | 'b' | 'R' => {}
                'V' => {
                    println!("Python 3.11.7");
                    std::process::exit(0);
                }
                'h' | '?' => {
                    print!("{}", HELP);
                    std::process::exit(0);
                }
                _ => usage_error(&format!("Unknown option: -{}\n", c)),
            }
            j += 1;
            if run.is_some() {
                break;
            }
        }
        i += 1;
        if run.is_some() {
            break;
        }
    }
    let run = match run {
        Some(r) => r,
        None => {
            if i < argv.len() && argv[i] != "-" {
                let f = argv[i].clone();
                i += 1;
                Run::File(f)
            } else {
                if i < argv.len() {
                    i += 1;
                }
                Run::Stdin
            }
        }
    };
    let rest: Vec<String> = argv[i.min(argv.len())..].to_vec();
    let argv0 = match &run {
        Run::File(f) => f.clone(),
        Run::Command(_) => "-c".into(),
        Run::Module(_) => String::new(), // set to the module path when found
        Run::Stdin => if i > 0 && argv.get(i - 1).map(|s| s == "-").unwrap_or(false) { "-".into() } else { String::new() },
    };
    let mut sys_argv = vec![argv0];
    sys_argv.extend(rest.iter().cloned());
    cfg.argv = sys_argv;
    Options { run, args: rest, cfg, skip_first_line }
}

/// Finds CPython 3.11's pure-Python standard library on the host.
fn find_stdlib(cfg: &vm::sysmodule::Config) -> Option<String> {
    if !cfg.ignore_environment {
        if let Ok(p) = std::env::var("PYRITE_STDLIB") {
            if !p.is_empty() {
                return Some(p);
            }
        }
    }
    for cand in ["/usr/lib/python3.11", "/usr/local/lib/python3.11", "/root/.pyenv/versions/3.11.7/lib/python3.11"] {
        if std::path::Path::new(cand).join("os.py").is_file() {
            return Some(cand.to_string());
        }
    }
    None
}

fn setup_path(opts: &Options) {
    let mut path: Vec<String> = Vec::new();
    if !opts.cfg.isolated {
        match &opts.run {
            Run::File(f) => {
                let p = std::path::Path::new(f);
                let dir = p.parent().map(|d| d.to_path_buf()).unwrap_or_default();
                let abs = std::fs::canonicalize(if dir.as_os_str().is_empty() { std::path::Path::new(".") } else { &dir })
                    .map(|d| d.to_string_lossy().into_owned())
                    .unwrap_or_default();
                path.push(abs);
            }
            Run::Module(_) => path.push(std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default()),
            _ => path.push(String::new()),
        }
    }
    if !opts.cfg.ignore_environment {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            for p in pp.split(':').filter(|s| !s.is_empty()) {
                path.push(p.to_string());
            }
        }
    }
    if let Some(std) = &opts.cfg.stdlib_dir {
        path.push(std.clone());
        path.push(format!("{}/lib-dynload", std));
    }
    vm::sysmodule::set("path", list::new(path.iter().map(|s| unicode::new(s)).collect()));
}

/// Exit status for an uncaught exception; prints it as CPython does.
fn handle_exception(e: vm::err::PyErr) -> i32 {
    let v = e.value().clone();
    if e.matches(unsafe { exceptions::PyExc_SystemExit }) {
        return system_exit_code(&v);
    }
    vm::objects::textio::flush_std_streams();
    // A replaced sys.excepthook gets the exception.
    if let Some(hook) = vm::sysmodule::get_opt("excepthook") {
        if !vm::objects::methodobject::is_cfunction(&hook) {
            let tb = exceptions::traceback(&v).unwrap_or_else(none::none);
            if let Err(e2) = vm::abstract_::call(&hook, &[v.type_obj(), v.clone(), tb], None) {
                vm::stdio::write_stderr("Error in sys.excepthook:\n");
                vm::interp::traceback_print::print_exception_to_stderr(e2.value());
                vm::stdio::write_stderr("\nOriginal exception was:\n");
                vm::interp::traceback_print::print_exception_to_stderr(&v);
            }
            return 1;
        }
    }
    vm::interp::traceback_print::print_exception_to_stderr(&v);
    if e.matches(unsafe { exceptions::PyExc_KeyboardInterrupt }) {
        return -2;
    }
    1
}

fn system_exit_code(v: &PyObj) -> i32 {
    let code = vm::abstract_::getattr_str(v, "code").unwrap_or_else(|_| none::none());
    if none::is_none(&code) {
        return 0;
    }
    if vm::objects::long::is_int(&code) {
        return vm::objects::long::as_i64(&code).map(|c| c as i32).unwrap_or(-1);
    }
    // Anything else is printed to stderr and exits with 1.
    let s = vm::abstract_::str(&code).map(|s| unicode::to_string_lossy(&s)).unwrap_or_default();
    vm::objects::textio::flush_std_streams();
    vm::stdio::write_stderr(&format!("{}\n", s));
    1
}

fn main_dict(name: &str) -> PyObj {
    let m = module::new(name);
    let d = module::get_dict(&m);
    dict::set_item_rs(&d, "__builtins__", vm::interp::interp().builtins.clone());
    let mods = vm::interp::interp().modules.clone();
    dict::set_item_rs(&mods, name, m);
    vm::interp::interp().main_dict = Some(d.clone());
    d
}

fn run_file(path: &str, skip_first: bool) -> vm::err::PyResult<()> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let exe = std::env::args().next().unwrap_or_else(|| "pyrite".into());
            let msg = e.to_string();
            let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
            eprintln!("{}: can't open file '{}': [Errno {}] {}", exe, abs_path(path), e.raw_os_error().unwrap_or(0), msg);
            std::process::exit(2);
        }
    };
    let abs = abs_path(path);
    let d = main_dict("__main__");
    dict::set_item_rs(&d, "__file__", unicode::new(&abs));
    dict::set_item_rs(&d, "__cached__", none::none());
    let mut bytes = bytes;
    if skip_first {
        if let Some(i) = bytes.iter().position(|&b| b == b'\n') {
            bytes = bytes[i..].to_vec();
        }
    }
    let text = vm::interp::decode_file_source(&bytes, &abs)?;
    vm::import::remember_source(&abs, &text);
    let code = vm::interp::compile_to_code(&text, &abs, vm::compiler::CompileMode::Exec)?;
    vm::interp::run_code(&code, &d, None)?;
    Ok(())
}

fn abs_path(p: &str) -> String {
    let path = std::path::Path::new(p);
    if path.is_absolute() {
        return p.to_string();
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    let joined = cwd.join(path);
    // Normalize "./x" like os.path.abspath.
    let mut parts: Vec<String> = Vec::new();
    for c in joined.components() {
        match c {
            std::path::Component::RootDir => parts.clear(),
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    format!("/{}", parts.join("/"))
}

fn run_command(cmd: &str) -> vm::err::PyResult<()> {
    let d = main_dict("__main__");
    let code = vm::interp::compile_to_code(cmd, "<string>", vm::compiler::CompileMode::Exec)?;
    vm::interp::run_code(&code, &d, None)?;
    Ok(())
}

fn run_module(name: &str) -> vm::err::PyResult<()> {
    // Find the module's file through the import system's search, then run
    // it as __main__ (packages run their __main__ submodule).
    if vm::import::is_builtin(name) {
        // A module built into Pyrite (e.g. `dis`) shadows Lib/; it runs as a
        // script through its `_main` hook, since it has no source file.
        let m = vm::import::import_absolute(name)?;
        let main = vm::abstract_::getattr_str(&m, "_main")
            .map_err(|_| vm::err::import_error(format!("No code object available for {}", name)))?;
        vm::abstract_::call(&main, &[], None)?;
        return Ok(());
    }
    let (file, pkg) = find_module_file(name)?;
    let d = main_dict("__main__");
    dict::set_item_rs(&d, "__file__", unicode::new(&file));
    dict::set_item_rs(&d, "__package__", unicode::new(&pkg));
    if let Some(sys) = vm::sysmodule::sys_module() {
        let argv = vm::abstract_::getattr_str(&sys, "argv")?;
        vm::abstract_::setitem(&argv, &vm::objects::long::from_i64(0), Some(&unicode::new(&file)))?;
    }
    let bytes = std::fs::read(&file).map_err(|e| vm::objects::exceptions_attrs::os_error_from_io(&e, Some(&file)))?;
    let text = vm::parser::decode_source(&bytes).map_err(|e| vm::interp::syntax_error_from(&e, &file))?;
    vm::import::remember_source(&file, &text);
    let code = vm::interp::compile_to_code(&text, &file, vm::compiler::CompileMode::Exec)?;
    vm::interp::run_code(&code, &d, None)?;
    Ok(())
}

fn find_module_file(name: &str) -> vm::err::PyResult<(String, String)> {
    let (parent, short) = match name.rsplit_once('.') {
        Some((p, s)) => (Some(p), s),
        None => (None, name),
    };
    let dirs: Vec<String> = match parent {
        Some(p) => {
            let pm = vm::import::import_absolute(p)?;
            let path = vm::abstract_::getattr_str(&pm, "__path__")?;
            vm::abstract_::iterate(&path)?.iter().map(|x| unicode::to_string_lossy(x)).collect()
        }
        None => {
            let path = vm::sysmodule::get_opt("path").unwrap_or_else(list::new_empty);
            vm::abstract_::iterate(&path)?.iter().map(|x| unicode::to_string_lossy(x)).collect()
        }
    };
    for d in dirs {
        let base = if d.is_empty() { std::path::PathBuf::from(".") } else { std::path::PathBuf::from(&d) };
        let pkg_main = base.join(short).join("__main__.py");
        if base.join(short).join("__init__.py").is_file() {
            if pkg_main.is_file() {
                vm::import::import_absolute(name)?;
                return Ok((pkg_main.to_string_lossy().into_owned(), name.to_string()));
            }
            let e = vm::err::import_error(format!(
                "No module named {}.__main__; '{}' is a package and cannot be directly executed",
                name, name
            ));
            return Err(e);
        }
        let f = base.join(format!("{}.py", short));
        if f.is_file() {
            return Ok((f.to_string_lossy().into_owned(), parent.unwrap_or("").to_string()));
        }
    }
    Err(vm::import::module_not_found(name))
}

fn run_stdin_script() -> vm::err::PyResult<()> {
    let mut text = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text);
    let d = main_dict("__main__");
    let code = vm::interp::compile_to_code(&text, "<stdin>", vm::compiler::CompileMode::Exec)?;
    vm::interp::run_code(&code, &d, None)?;
    Ok(())
}

/// The interactive prompt: `>>> ` and `... ` with expression values echoed.
fn repl(quiet: bool, d: Option<PyObj>) -> i32 {
    let d = d.unwrap_or_else(|| main_dict("__main__"));
    if !quiet {
        eprintln!("Python 3.11.7 (pyrite 0.1.0) on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.");
    }
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        let mut src = String::new();
        let mut prompt = ">>> ";
        loop {
            vm::objects::textio::flush_std_streams();
            eprint!("{}", prompt);
            let _ = std::io::stderr().flush();
            let line = match lines.next() {
                Some(Ok(l)) => l,
                _ => {
                    eprintln!();
                    return 0;
                }
            };
            src.push_str(&line);
            src.push('\n');
            if incomplete(&src) && !(prompt == "... " && line.trim().is_empty()) {
                prompt = "... ";
                continue;
            }
            break;
        }
        if src.trim().is_empty() {
            continue;
        }
        let r = vm::interp::compile_to_code(&src, "<stdin>", vm::compiler::CompileMode::Single)
            .and_then(|c| vm::interp::run_code(&c, &d, None));
        if let Err(e) = r {
            if e.matches(unsafe { exceptions::PyExc_SystemExit }) {
                return system_exit_code(e.value());
            }
            vm::objects::textio::flush_std_streams();
            vm::interp::traceback_print::print_exception_to_stderr(e.value());
        }
    }
}

/// Whether interactive input needs more lines (an unfinished block or
/// bracket, or a block header).
fn incomplete(src: &str) -> bool {
    match vm::parser::parse(src, vm::parser::Mode::Single) {
        Ok(_) => {
            let last = src.trim_end().lines().last().unwrap_or("");
            src.trim_end().lines().count() > 1 && !src.ends_with("\n\n") && last.starts_with([' ', '\t'])
        }
        Err(e) => {
            let m = &e.msg;
            m.contains("was never closed")
                || m.starts_with("unterminated triple-quoted")
                || m.starts_with("expected an indented block")
                || (m == "unexpected EOF while parsing")
        }
    }
}

fn real_main() -> i32 {
    let argv: Vec<String> = std::env::args().collect();
    let mut opts = parse_args(argv);
    let seed = if opts.cfg.ignore_environment {
        None
    } else {
        match std::env::var("PYTHONHASHSEED") {
            Ok(s) if s != "random" && !s.is_empty() => match s.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    eprintln!("Fatal Python error: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]");
                    return 1;
                }
            },
            _ => None,
        }
    };
    vm::hash::init_key(seed);
    if !opts.cfg.ignore_environment {
        if std::env::var("PYTHONDONTWRITEBYTECODE").map(|v| !v.is_empty()).unwrap_or(false) {
            opts.cfg.dont_write_bytecode = true;
        }
        if std::env::var("PYTHONUNBUFFERED").map(|v| !v.is_empty()).unwrap_or(false) {
            opts.cfg.unbuffered = true;
        }
        // PYTHONWARNINGS entries come before the -W options, as in CPython.
        if let Ok(w) = std::env::var("PYTHONWARNINGS") {
            let mut env: Vec<String> = w.split(',').filter(|s| !s.is_empty()).map(String::from).collect();
            env.append(&mut opts.cfg.warnoptions);
            opts.cfg.warnoptions = env;
        }
    }
    opts.cfg.stdlib_dir = find_stdlib(&opts.cfg);
    stdlib::register_all();
    capi::link();
    if let Err(e) = vm::initialize(&opts.cfg) {
        eprintln!("Fatal Python error: initialization failed: {:?}", e.value());
        return 1;
    }
    setup_path(&opts);
    if !opts.cfg.warnoptions.is_empty() {
        // warnings.py applies sys.warnoptions when imported (CPython imports
        // it at start-up whenever there are any).
        if let Err(e) = vm::import::import_absolute("warnings") {
            eprintln!("'import warnings' failed; traceback:");
            handle_exception(e);
        }
    }
    let _ = &opts.args;
    let interactive_stdin = matches!(opts.run, Run::Stdin) && std::io::stdin().is_terminal();
    let r = match &opts.run {
        Run::File(f) => run_file(f, opts.skip_first_line),
        Run::Command(c) => run_command(c),
        Run::Module(m) => run_module(m),
        Run::Stdin if interactive_stdin => {
            let code = repl(opts.cfg.quiet, None);
            vm::objects::textio::flush_std_streams();
            return code;
        }
        Run::Stdin => run_stdin_script(),
    };
    let mut code = match r {
        Ok(()) => 0,
        Err(e) => handle_exception(e),
    };
    if opts.cfg.inspect && code == 0 {
        let d = vm::interp::interp().main_dict.clone();
        code = repl(true, d);
    }
    // As Py_FinalizeEx: atexit callbacks, then module teardown.
    stdlib::atexitmodule::run_exitfuncs();
    finalize_main();
    vm::objects::textio::flush_std_streams();
    code
}

/// Interpreter shutdown as CPython does it for `__main__`: names starting
/// with one underscore are cleared first, then the others (so objects'
/// `__del__` methods run at exit), with cycle collections before and after.
fn finalize_main() {
    let Some(d) = vm::interp::interp().main_dict.clone() else { return };
    // Garbage first, while module globals still exist (CPython collects
    // before clearing module dicts).
    let _ = vm::gc::collect();
    let keys = dict::keys_vec(&d);
    for pass in 0..2 {
        for k in &keys {
            if !unicode::is_str(k) {
                continue;
            }
            let name = unicode::to_string_lossy(k);
            if name == "__builtins__" {
                continue;
            }
            let underscore = name.starts_with('_') && !name.starts_with("__");
            if (pass == 0) == underscore {
                let _ = dict::set_item(&d, k.clone(), none::none());
                if let Some(e) = vm::err::take() {
                    drop(e);
                }
            }
        }
    }
    // Module teardown collects without running gc.callbacks (CPython).
    let _ = vm::gc::collect_no_callbacks();
}

/// Turns transparent huge pages off for this process (Linux). mimalloc maps
/// large aligned regions, which a kernel set to THP "always" backs with 2 MiB
/// pages zeroed in full on first touch, again after each purge: in the
/// allocation-heavy benchmarks the kernel's page clearing took 20-35% of the
/// run (docs/decisions.md). CPython's small arenas never get huge pages.
fn disable_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    unsafe {
        extern "C" {
            fn prctl(option: std::os::raw::c_int, ...) -> std::os::raw::c_int;
        }
        const PR_SET_THP_DISABLE: std::os::raw::c_int = 41;
        // Failure (an old kernel) only leaves the default.
        let _ = prctl(PR_SET_THP_DISABLE, 1 as std::os::raw::c_ulong, 0 as std::os::raw::c_ulong, 0 as std::os::raw::c_ulong, 0 as std::os::raw::c_ulong);
    }
}

fn main() {
    disable_transparent_huge_pages();
    // A panic is an interpreter bug: report it clearly, never as a bare abort.
    std::panic::set_hook(Box::new(|info| {
        let _ = std::io::stdout().flush();
        eprintln!("Fatal Python error: pyrite internal error: {}", info);
    }));
    const STACK: usize = 1 << 30;
    let child = std::thread::Builder::new()
        .name("main".into())
        .stack_size(STACK)
        .spawn(move || {
            vm::interp::set_stack_bounds(STACK);
            real_main()
        })
        .expect("cannot start the interpreter thread");
    let code = child.join().unwrap_or(70);
    if code == -2 {
        // An uncaught KeyboardInterrupt ends the process by SIGINT, as CPython does.
        extern "C" {
            fn signal(sig: i32, handler: usize) -> usize;
            fn raise(sig: i32) -> i32;
        }
        unsafe {
            signal(2, 0);
            raise(2);
        }
    }
    std::process::exit(code & 0xff);
}
