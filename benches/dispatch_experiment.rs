//! Dispatch strategies for a bytecode loop, measured on stable Rust: a
//! `match` loop (what Pyrite's VM uses), call-threading (a table of handler
//! functions called from a loop), and tail-call threading (each handler
//! jumps to the next one's handler; stable Rust cannot guarantee the tail
//! call, so this relies on LLVM's sibling-call optimisation).
//! Build and run: rustc -C opt-level=3 -C codegen-units=1 dispatch_experiment.rs && ./dispatch_experiment
use std::hint::black_box;
use std::time::Instant;

#[derive(Clone, Copy)]
#[repr(C)]
struct Ins { op: u8, arg: u32 }

const LOAD_FAST: u8 = 0; const LOAD_CONST: u8 = 1; const ADD: u8 = 2; const SUB: u8 = 3;
const STORE_FAST: u8 = 4; const JUMP_IF_NZ: u8 = 5; const RET: u8 = 6; const SLOW: u8 = 7;
const NOPS: u8 = 8; // 8..64: filler opcodes so the dispatch table is realistically large

// A callee that is not inlined, as most real opcodes call out of the loop.
#[inline(never)]
fn slow(x: i64) -> i64 { black_box(x) ^ 1 }

fn program() -> Vec<Ins> {
    // i = N; acc = 0; loop: acc = acc + i; acc = slow(acc); i = i - 1; if i: goto loop; return acc
    let i = |op, arg| Ins { op, arg };
    vec![
        i(LOAD_FAST, 1), i(LOAD_FAST, 0), i(ADD, 0), i(SLOW, 0), i(STORE_FAST, 1),
        i(LOAD_FAST, 0), i(LOAD_CONST, 0), i(SUB, 0), i(STORE_FAST, 0),
        i(LOAD_FAST, 0), i(JUMP_IF_NZ, 0), i(LOAD_FAST, 1), i(RET, 0),
    ]
}

fn run_match(code: &[Ins], locals: &mut [i64; 4], consts: &[i64]) -> i64 {
    let mut stack = [0i64; 16];
    let mut sp = 0usize;
    let mut pc = 0usize;
    loop {
        let ins = code[pc];
        pc += 1;
        match ins.op {
            LOAD_FAST => { stack[sp] = locals[ins.arg as usize]; sp += 1; }
            LOAD_CONST => { stack[sp] = consts[ins.arg as usize]; sp += 1; }
            ADD => { sp -= 1; stack[sp - 1] = stack[sp - 1].wrapping_add(stack[sp]); }
            SUB => { sp -= 1; stack[sp - 1] = stack[sp - 1].wrapping_sub(stack[sp]); }
            STORE_FAST => { sp -= 1; locals[ins.arg as usize] = stack[sp]; }
            JUMP_IF_NZ => { sp -= 1; if stack[sp] != 0 { pc = ins.arg as usize; } }
            RET => { return stack[sp - 1]; }
            SLOW => { stack[sp - 1] = slow(stack[sp - 1]); }
            x => { stack[sp] = slow(x as i64); sp += 1; sp -= 1; }
        }
    }
}

struct State<'a> { code: &'a [Ins], locals: [i64; 4], consts: &'a [i64], stack: [i64; 16], sp: usize, pc: usize, ret: Option<i64> }
type Handler = fn(&mut State, u32);

fn h_load_fast(s: &mut State, a: u32) { s.stack[s.sp] = s.locals[a as usize]; s.sp += 1; }
fn h_load_const(s: &mut State, a: u32) { s.stack[s.sp] = s.consts[a as usize]; s.sp += 1; }
fn h_add(s: &mut State, _: u32) { s.sp -= 1; s.stack[s.sp - 1] = s.stack[s.sp - 1].wrapping_add(s.stack[s.sp]); }
fn h_sub(s: &mut State, _: u32) { s.sp -= 1; s.stack[s.sp - 1] = s.stack[s.sp - 1].wrapping_sub(s.stack[s.sp]); }
fn h_store_fast(s: &mut State, a: u32) { s.sp -= 1; s.locals[a as usize] = s.stack[s.sp]; }
fn h_jump(s: &mut State, a: u32) { s.sp -= 1; if s.stack[s.sp] != 0 { s.pc = a as usize; } }
fn h_ret(s: &mut State, _: u32) { s.ret = Some(s.stack[s.sp - 1]); }
fn h_slow(s: &mut State, _: u32) { s.stack[s.sp - 1] = slow(s.stack[s.sp - 1]); }
fn h_nop(s: &mut State, a: u32) { s.stack[s.sp] = slow(a as i64); }

fn table() -> [Handler; 64] {
    let mut t: [Handler; 64] = [h_nop; 64];
    t[LOAD_FAST as usize] = h_load_fast; t[LOAD_CONST as usize] = h_load_const; t[ADD as usize] = h_add;
    t[SUB as usize] = h_sub; t[STORE_FAST as usize] = h_store_fast; t[JUMP_IF_NZ as usize] = h_jump;
    t[RET as usize] = h_ret; t[SLOW as usize] = h_slow;
    t
}

fn run_call_threaded(code: &[Ins], locals: [i64; 4], consts: &[i64], t: &[Handler; 64]) -> i64 {
    let mut s = State { code, locals, consts, stack: [0; 16], sp: 0, pc: 0, ret: None };
    loop {
        let ins = s.code[s.pc];
        s.pc += 1;
        t[ins.op as usize](&mut s, ins.arg);
        if let Some(r) = s.ret { return r; }
    }
}

// Tail-call threading: handlers take the state in arguments and end by
// calling the next handler (a sibling call LLVM turns into a jump at -O).
type TailFn = fn(&[Ins], usize, &mut [i64; 4], &[i64], &mut [i64; 16], usize) -> i64;
static mut TAIL: [TailFn; 64] = [t_nop; 64];
macro_rules! next { ($c:expr, $pc:expr, $l:expr, $k:expr, $st:expr, $sp:expr) => {{
    let ins = $c[$pc]; unsafe { TAIL[ins.op as usize]($c, $pc, $l, $k, $st, $sp) } }} }
fn t_load_fast(c: &[Ins], pc: usize, l: &mut [i64; 4], k: &[i64], st: &mut [i64; 16], sp: usize) -> i64 { st[sp] = l[c[pc].arg as usize]; next!(c, pc + 1, l, k, st, sp + 1) }
fn t_load_const(c: &[Ins], pc: usize, l: &mut [i64; 4], k: &[i64], st: &mut [i64; 16], sp: usize) -> i64 { st[sp] = k[c[pc].arg as usize]; next!(c, pc + 1, l, k, st, sp + 1) }
fn t_add(c: &[Ins], pc: usize, l: &mut [i64; 4], k: &[i64], st: &mut [i64; 16], sp: usize) -> i64 { st[sp - 2] = st[sp - 2].wrapping_add(st[sp - 1]); next!(c, pc + 1, l, k, st, sp - 1) }
fn t_sub(c: &[Ins], pc: usize, l: &mut [i64; 4], k: &[i64], st: &mut [i64; 16], sp: usize) -> i64 { st[sp - 2] = st[sp - 2].wrapping_sub(st[sp - 1]); next!(c, pc + 1, l, k, st, sp - 1) }
fn t_store_fast(c: &[Ins], pc: usize, l: &mut [i64; 4], k: &[i64], st: &mut [i64; 16], sp: usize) -> i64 { l[c[pc].arg as usize] = st[sp - 1]; next!(c, pc + 1, l, k, st, sp - 1) }
fn t_jump(c: &[Ins], pc: usize, l: &mut [i64; 4], k: &[i64], st: &mut [i64; 16], sp: usize) -> i64 { let npc = if st[sp - 1] != 0 { c[pc].arg as usize } else { pc + 1 }; next!(c, npc, l, k, st, sp - 1) }
static mut RET_STACK_ADDR: usize = 0;
fn t_ret(_c: &[Ins], _pc: usize, _l: &mut [i64; 4], _k: &[i64], st: &mut [i64; 16], sp: usize) -> i64 {
    let here = 0u8;
    unsafe { RET_STACK_ADDR = &here as *const u8 as usize };
    st[sp - 1]
}
fn t_slow(c: &[Ins], pc: usize, l: &mut [i64; 4], k: &[i64], st: &mut [i64; 16], sp: usize) -> i64 { st[sp - 1] = slow(st[sp - 1]); next!(c, pc + 1, l, k, st, sp) }
fn t_nop(c: &[Ins], pc: usize, l: &mut [i64; 4], k: &[i64], st: &mut [i64; 16], sp: usize) -> i64 { st[sp] = slow(pc as i64); next!(c, pc + 1, l, k, st, sp) }

fn main() {
    let code = program();
    let consts = [1i64];
    let n = black_box(100_000_000i64);
    let t = table();
    unsafe {
        TAIL[LOAD_FAST as usize] = t_load_fast; TAIL[LOAD_CONST as usize] = t_load_const; TAIL[ADD as usize] = t_add;
        TAIL[SUB as usize] = t_sub; TAIL[STORE_FAST as usize] = t_store_fast; TAIL[JUMP_IF_NZ as usize] = t_jump;
        TAIL[RET as usize] = t_ret; TAIL[SLOW as usize] = t_slow;
    }
    let _ = NOPS;
    for round in 0..3 {
        let t0 = Instant::now();
        let a = run_match(&code, &mut [n, 0, 0, 0], &consts);
        let t1 = Instant::now();
        let b = run_call_threaded(&code, [n, 0, 0, 0], &consts, &t);
        let t2 = Instant::now();
        assert!(a == b);
        println!("round {}: match {:.3} s, call-threaded {:.3} s",
            round, (t1 - t0).as_secs_f64(), (t2 - t1).as_secs_f64());
    }
    // Tail-call threading is only safe if every handler's call becomes a
    // jump: measure how much stack the chain uses per loop iteration.
    for k in [1_000i64, 10_000] {
        let mut st = [0i64; 16];
        let start = 0u8;
        let r = next!(&code[..], 0, &mut [k, 0, 0, 0], &consts[..], &mut st, 0);
        let used = (&start as *const u8 as usize).saturating_sub(unsafe { RET_STACK_ADDR });
        println!("tail-call-threaded, {} iterations (result {}): {} bytes of stack at return ({:.0} per iteration)",
            k, r, used, used as f64 / k as f64);
    }
}
