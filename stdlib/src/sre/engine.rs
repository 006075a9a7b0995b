//! The `_sre` matcher: interprets the code words `Lib/re/_compiler.py`
//! emits against a subject of 1-, 2- or 4-byte code units.
//!
//! Backtracking keeps its contexts in an explicit `Vec<Frame>` (never the
//! Rust stack), so deep repetitions over long subjects cannot overflow it.
//! A frame that needs a sub-match records where to resume (`Resume`),
//! pushes a child frame and lets the main loop run it; when the child
//! finishes, its result is handed back to the parent at that resume point.

use super::chars::*;
use super::constants::{at, info, op, MAXREPEAT};

/// A subject: random access to code units as code points.
pub trait Text {
    fn len(&self) -> usize;
    fn at(&self, i: usize) -> u32;
}
impl Text for [u8] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}
impl Text for [u16] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u16]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}
impl Text for [u32] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i]
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Error {
    /// An opcode the engine does not know (malformed code).
    Illegal,
    /// MAX_UNTIL/MIN_UNTIL outside any REPEAT (malformed code).
    State,
    /// A signal handler raised (the exception is set in the indicator).
    Interrupted,
}

/// An active REPEAT: its code position (the word after the opcode), the
/// number of items matched so far and the zero-width-loop guard.
#[derive(Clone, Copy)]
struct Repeat {
    count: isize,
    pc: usize,
    prev: Option<usize>,
    last_ptr: isize,
}

/// The matching state shared by the frames of one match attempt, and the
/// window (`start..end`) of the subject being searched.
pub struct State {
    /// The clamped `pos` the state was created with.
    pub pos0: usize,
    pub start: usize,
    pub end: usize,
    pub ptr: usize,
    /// Group boundaries: `marks[2g]`, `marks[2g+1]` for group g+1 (-1: unset).
    pub marks: Vec<isize>,
    pub lastmark: isize,
    pub lastindex: isize,
    pub must_advance: bool,
    pub match_all: bool,
    repeats: Vec<Repeat>,
    repeat: Option<usize>,
    data: Vec<isize>,
    /// The backtracking contexts, kept between attempts to reuse the memory.
    frames: Vec<Frame>,
}

impl State {
    pub fn new(start: usize, end: usize) -> State {
        State {
            pos0: start,
            start,
            end,
            ptr: start,
            marks: Vec::new(),
            lastmark: -1,
            lastindex: -1,
            must_advance: false,
            match_all: false,
            repeats: Vec::new(),
            repeat: None,
            data: Vec::new(),
            frames: Vec::new(),
        }
    }

    /// Forgets the groups and backtracking data of a previous attempt.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeats.clear();
        self.repeat = None;
        self.data.clear();
        self.frames.clear();
    }

    /// The span of group `g` (1-based), if it took part in the match.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * (g - 1);
        if (j + 1) as isize > self.lastmark {
            return None;
        }
        let (a, b) = (self.marks[j], self.marks[j + 1]);
        if a < 0 || b < 0 {
            return None;
        }
        Some((a as usize, b as usize))
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.data.extend_from_slice(&self.marks[..n]);
        }
    }
    // Pushes and pops are balanced by construction; the saturating
    // arithmetic only keeps malformed code from panicking.
    fn mark_pop(&mut self, lastmark: isize, discard: bool) {
        if lastmark >= 0 {
            let n = (lastmark as usize + 1).min(self.data.len()).min(self.marks.len());
            let base = self.data.len() - n;
            self.marks[..n].copy_from_slice(&self.data[base..]);
            if discard {
                self.data.truncate(base);
            }
        }
    }
    fn mark_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let len = self.data.len();
            self.data.truncate(len.saturating_sub(n));
        }
    }
}

/// Where a frame continues when its child returns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Resume {
    Entry,
    Branch,
    RepeatOneLit,
    RepeatOne,
    MinRepeatOne,
    Repeat,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Poss1,
    Poss2,
    Atomic,
    Assert,
    AssertNot,
}

#[derive(Clone, Copy)]
struct Frame {
    pc: usize,
    ptr: usize,
    count: isize,
    /// A repeat index, or the literal a REPEAT_ONE tail starts with.
    aux: usize,
    /// A saved `last_ptr`, or whether marks were pushed.
    saved: isize,
    lastmark: isize,
    lastindex: isize,
    toplevel: bool,
    resume: Resume,
}

impl Frame {
    fn entry(pc: usize, toplevel: bool) -> Frame {
        Frame { pc, ptr: 0, count: 0, aux: 0, saved: 0, lastmark: -1, lastindex: -1, toplevel, resume: Resume::Entry }
    }
}

enum Flow {
    /// Run the code at `pc` as a child (with this toplevel flag).
    Call(usize, bool),
    Ret(bool),
}

pub struct Matcher<'a, T: Text + ?Sized> {
    pub st: &'a mut State,
    code: &'a [u32],
    t: &'a T,
}

impl<'a, T: Text + ?Sized> Matcher<'a, T> {
    pub fn new(st: &'a mut State, code: &'a [u32], t: &'a T) -> Self {
        Matcher { st, code, t }
    }

    /// A code word; reads past the end give FAILURE (0), so malformed code
    /// fails instead of panicking.
    #[inline(always)]
    fn c(&self, i: usize) -> u32 {
        match self.code.get(i) {
            Some(&w) => w,
            None => 0,
        }
    }

    /// Code units left before `end` (negative when pos > endpos).
    #[inline]
    fn left(&self, ptr: usize) -> isize {
        self.st.end as isize - ptr as isize
    }

    // ------------------------------------------------------------ sets

    /// Whether `ch` is in the set starting at `pc` (ends with FAILURE).
    fn charset(&self, mut pc: usize, ch: u32) -> bool {
        let mut ok = true;
        loop {
            let o = self.c(pc);
            pc += 1;
            match o {
                op::FAILURE => return !ok,
                op::LITERAL => {
                    if ch == self.c(pc) {
                        return ok;
                    }
                    pc += 1;
                }
                op::CATEGORY => {
                    if category(self.c(pc), ch) {
                        return ok;
                    }
                    pc += 1;
                }
                op::CHARSET => {
                    if ch < 256 && self.c(pc + (ch as usize >> 5)) & (1u32 << (ch & 31)) != 0 {
                        return ok;
                    }
                    pc += 8;
                }
                op::RANGE => {
                    if self.c(pc) <= ch && ch <= self.c(pc + 1) {
                        return ok;
                    }
                    pc += 2;
                }
                op::RANGE_UNI_IGNORE => {
                    if self.c(pc) <= ch && ch <= self.c(pc + 1) {
                        return ok;
                    }
                    let u = upper_unicode(ch);
                    if self.c(pc) <= u && u <= self.c(pc + 1) {
                        return ok;
                    }
                    pc += 2;
                }
                op::NEGATE => ok = !ok,
                op::BIGCHARSET => {
                    // <count> <256 block indices as bytes> <count blocks of 256 bits>
                    let count = self.c(pc) as usize;
                    pc += 1;
                    if ch < 0x10000 {
                        let k = (ch >> 8) as usize;
                        let block = self.c(pc + k / 4).to_ne_bytes()[k % 4] as usize;
                        let bit = block * 256 + (ch as usize & 255);
                        if self.c(pc + 64 + bit / 32) & (1u32 << (bit & 31)) != 0 {
                            return ok;
                        }
                    }
                    pc += 64 + count * 8;
                }
                _ => return false,
            }
        }
    }

    fn charset_loc_ignore(&self, pc: usize, ch: u32) -> bool {
        let lo = lower_locale(ch);
        if self.charset(pc, lo) {
            return true;
        }
        let up = upper_locale(ch);
        up != lo && self.charset(pc, up)
    }

    /// One single-character item at `pc` against `ch`; None if the item is
    /// not a single-character opcode.
    #[inline]
    fn match_one(&self, pc: usize, ch: u32) -> Option<bool> {
        let a = self.c(pc + 1);
        Some(match self.c(pc) {
            op::LITERAL => ch == a,
            op::NOT_LITERAL => ch != a,
            op::LITERAL_IGNORE => lower_ascii(ch) == a,
            op::NOT_LITERAL_IGNORE => lower_ascii(ch) != a,
            op::LITERAL_UNI_IGNORE => lower_unicode(ch) == a,
            op::NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != a,
            op::LITERAL_LOC_IGNORE => char_loc_ignore(a, ch),
            op::NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(a, ch),
            op::ANY => !is_ascii_linebreak(ch),
            op::ANY_ALL => true,
            op::CATEGORY => category(a, ch),
            op::IN => self.charset(pc + 2, ch),
            op::IN_IGNORE => self.charset(pc + 2, lower_ascii(ch)),
            op::IN_UNI_IGNORE => self.charset(pc + 2, lower_unicode(ch)),
            op::IN_LOC_IGNORE => self.charset_loc_ignore(pc + 2, ch),
            _ => return None,
        })
    }

    /// How many times (up to `maxcount`) the single-width item at `pc`
    /// matches from `st.ptr`.
    fn count(&mut self, pc: usize, maxcount: u32) -> Result<usize, Error> {
        let start = self.st.ptr;
        let mut end = self.st.end;
        if start >= end {
            return Ok(0);
        }
        if maxcount != MAXREPEAT && (maxcount as usize) < end - start {
            end = start + maxcount as usize;
        }
        let mut p = start;
        match self.c(pc) {
            op::ANY_ALL => p = end,
            op::LITERAL => {
                let c = self.c(pc + 1);
                while p < end && self.t.at(p) == c {
                    p += 1;
                }
            }
            op::IN => {
                while p < end && self.charset(pc + 2, self.t.at(p)) {
                    p += 1;
                }
            }
            _ => {
                while p < end {
                    match self.match_one(pc, self.t.at(p)) {
                        Some(true) => p += 1,
                        Some(false) => break,
                        None => {
                            // Not a one-character opcode: run it as a sub-match.
                            self.st.ptr = p;
                            let mut sub = Matcher { st: &mut *self.st, code: self.code, t: self.t };
                            if !sub.run(pc, false)? || self.st.ptr == p {
                                break;
                            }
                            p = self.st.ptr;
                        }
                    }
                }
            }
        }
        Ok(p - start)
    }

    fn at(&self, ptr: usize, code: u32) -> bool {
        let (beg, end) = (0usize, self.st.end);
        let t = self.t;
        let word = |f: fn(u32) -> bool| -> (bool, bool) {
            let that = ptr > beg && f(t.at(ptr - 1));
            let this = ptr < end && f(t.at(ptr));
            (that, this)
        };
        match code {
            at::BEGINNING | at::BEGINNING_STRING => ptr == beg,
            at::BEGINNING_LINE => ptr == beg || is_ascii_linebreak(t.at(ptr - 1)),
            at::END => (ptr + 1 == end && is_ascii_linebreak(t.at(ptr))) || ptr == end,
            // (A position past `end` happens only when pos > endpos.)
            at::END_LINE => ptr == end || (ptr < t.len() && is_ascii_linebreak(t.at(ptr))),
            at::END_STRING => ptr == end,
            at::BOUNDARY | at::NON_BOUNDARY | at::LOC_BOUNDARY | at::LOC_NON_BOUNDARY | at::UNI_BOUNDARY
            | at::UNI_NON_BOUNDARY => {
                if beg == end {
                    return false;
                }
                let f: fn(u32) -> bool = match code {
                    at::BOUNDARY | at::NON_BOUNDARY => is_ascii_word,
                    at::LOC_BOUNDARY | at::LOC_NON_BOUNDARY => is_loc_word,
                    _ => is_uni_word,
                };
                let (that, this) = word(f);
                match code {
                    at::BOUNDARY | at::LOC_BOUNDARY | at::UNI_BOUNDARY => this != that,
                    _ => this == that,
                }
            }
            _ => false,
        }
    }

    /// The span of group `g` (0-based) for a back-reference, if set.
    fn groupref_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * g;
        if j as isize >= self.st.lastmark {
            return None;
        }
        let (a, b) = (self.st.marks[j], self.st.marks[j + 1]);
        if a < 0 || b < 0 || b < a {
            return None;
        }
        Some((a as usize, b as usize))
    }

    // ------------------------------------------------------------ top level

    /// Matches at `st.start` (`match`, and `fullmatch` with `match_all`).
    pub fn pymatch(&mut self) -> Result<bool, Error> {
        self.st.ptr = self.st.start;
        self.run(0, true)
    }

    /// Finds the first position from `st.start` where the pattern matches;
    /// on success `st.start..st.ptr` is the match.
    pub fn search(&mut self) -> Result<bool, Error> {
        let mut ptr = self.st.start;
        let end = self.st.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut min = 0usize;
        let mut prefix: Option<(usize, usize)> = None;
        let mut charset: Option<usize> = None;
        if self.c(0) == op::INFO {
            let flags = self.c(2);
            min = self.c(3) as usize;
            if end - ptr < min {
                return Ok(false);
            }
            if flags & info::PREFIX != 0 {
                prefix = Some((7, self.c(5) as usize));
            } else if flags & info::CHARSET != 0 {
                charset = Some(5);
            }
            pc = self.c(1) as usize + 1;
        }
        // Positions that cannot start a match (too close to the end, wrong
        // first character or prefix) are skipped without running the code.
        let possible = |m: &Self, p: usize| -> bool {
            if end - p < min {
                return false;
            }
            if let Some((pp, n)) = prefix {
                if end - p < n {
                    return false;
                }
                return (0..n).all(|i| m.t.at(p + i) == m.c(pp + i));
            }
            if let Some(cs) = charset {
                return p < end && m.charset(cs, m.t.at(p));
            }
            true
        };
        self.st.start = ptr;
        self.st.ptr = ptr;
        let mut status = possible(self, ptr) && self.run(pc, true)?;
        self.st.must_advance = false;
        if !status && self.c(pc) == op::AT && matches!(self.c(pc + 1), at::BEGINNING | at::BEGINNING_STRING) {
            self.st.start = end;
            self.st.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            if end - ptr < min {
                break;
            }
            if !possible(self, ptr) {
                continue;
            }
            self.st.lastmark = -1;
            self.st.lastindex = -1;
            self.st.start = ptr;
            self.st.ptr = ptr;
            status = self.run(pc, false)?;
        }
        Ok(status)
    }

    // ------------------------------------------------------------ the loop

    /// Matches the code at `pc0` from `st.ptr`; on success `st.ptr` is the
    /// end of the match.
    pub fn run(&mut self, pc0: usize, toplevel: bool) -> Result<bool, Error> {
        // Frames above `base` belong to this call (a nested run from
        // `count` stacks its frames on those of the run that called it).
        let base = self.st.frames.len();
        self.st.frames.push(Frame::entry(pc0, toplevel));
        let mut ret = false;
        let mut steps: u32 = 0;
        loop {
            steps = steps.wrapping_add(1);
            if steps & 0xfff == 0 {
                // Long matches stay interruptible (Ctrl-C), as CPython's.
                if let Err(e) = vm::signals::check() {
                    vm::err::restore(e);
                    self.st.frames.truncate(base);
                    return Err(Error::Interrupted);
                }
            }
            let fi = self.st.frames.len() - 1;
            let mut f = self.st.frames[fi];
            let flow = match self.step(&mut f, ret) {
                Ok(flow) => flow,
                Err(e) => {
                    self.st.frames.truncate(base);
                    return Err(e);
                }
            };
            match flow {
                Flow::Call(pc, tl) => {
                    self.st.frames[fi] = f;
                    self.st.frames.push(Frame::entry(pc, tl));
                }
                Flow::Ret(r) => {
                    self.st.frames.pop();
                    if self.st.frames.len() == base {
                        return Ok(r);
                    }
                    ret = r;
                }
            }
        }
    }

    /// Resumes frame `f` (at its entry, or after a child returned `ret`).
    fn step(&mut self, f: &mut Frame, ret: bool) -> Result<Flow, Error> {
        let code_pc = f.pc;
        match f.resume {
            Resume::Entry => {
                f.ptr = self.st.ptr;
                if self.c(code_pc) == op::INFO {
                    let min = self.c(code_pc + 3) as usize;
                    if min != 0 && self.left(f.ptr) < min as isize {
                        return Ok(Flow::Ret(false));
                    }
                    f.pc += self.c(code_pc + 1) as usize + 1;
                }
                self.dispatch(f)
            }
            Resume::Branch => {
                let has_repeat = self.st.repeat.is_some();
                if ret {
                    if has_repeat {
                        self.st.mark_discard(f.lastmark);
                    }
                    return Ok(Flow::Ret(true));
                }
                if has_repeat {
                    self.st.mark_pop(f.lastmark, false);
                }
                self.lastmark_restore(f);
                f.pc += self.c(f.pc) as usize;
                self.branch_next(f)
            }
            Resume::RepeatOneLit | Resume::RepeatOne => {
                let has_repeat = self.st.repeat.is_some();
                if ret {
                    if has_repeat {
                        self.st.mark_discard(f.lastmark);
                    }
                    return Ok(Flow::Ret(true));
                }
                if has_repeat {
                    self.st.mark_pop(f.lastmark, false);
                }
                self.lastmark_restore(f);
                f.ptr = f.ptr.wrapping_sub(1);
                f.count -= 1;
                if f.resume == Resume::RepeatOneLit {
                    self.repeat_one_lit_next(f)
                } else {
                    self.repeat_one_next(f)
                }
            }
            Resume::MinRepeatOne => {
                let has_repeat = self.st.repeat.is_some();
                if ret {
                    if has_repeat {
                        self.st.mark_discard(f.lastmark);
                    }
                    return Ok(Flow::Ret(true));
                }
                if has_repeat {
                    self.st.mark_pop(f.lastmark, false);
                }
                self.lastmark_restore(f);
                self.st.ptr = f.ptr;
                let n = self.count(f.pc + 3, 1)?;
                if n == 0 {
                    if has_repeat {
                        self.st.mark_discard(f.lastmark);
                    }
                    return Ok(Flow::Ret(false));
                }
                f.ptr += 1;
                f.count += 1;
                self.min_repeat_one_next(f)
            }
            Resume::Repeat => {
                let rep = self.st.repeats.pop();
                self.st.repeat = rep.and_then(|r| r.prev);
                Ok(Flow::Ret(ret))
            }
            Resume::MaxUntil1 | Resume::MinUntil1 => {
                if ret {
                    return Ok(Flow::Ret(true));
                }
                self.st.repeats[f.aux].count = f.count - 1;
                self.st.ptr = f.ptr;
                Ok(Flow::Ret(false))
            }
            Resume::MaxUntil2 => {
                let ri = f.aux;
                self.st.repeats[ri].last_ptr = f.saved;
                if ret {
                    self.st.mark_discard(f.lastmark);
                    return Ok(Flow::Ret(true));
                }
                self.st.mark_pop(f.lastmark, true);
                self.lastmark_restore(f);
                self.st.repeats[ri].count = f.count - 1;
                self.st.ptr = f.ptr;
                self.max_until_tail(f)
            }
            Resume::MaxUntil3 => {
                self.st.repeat = Some(f.aux);
                if ret {
                    return Ok(Flow::Ret(true));
                }
                self.st.ptr = f.ptr;
                Ok(Flow::Ret(false))
            }
            Resume::MinUntil2 => {
                let ri = f.aux;
                self.st.repeat = Some(ri);
                let pushed = f.saved != 0;
                if ret {
                    if pushed {
                        self.st.mark_discard(f.lastmark);
                    }
                    return Ok(Flow::Ret(true));
                }
                if pushed {
                    self.st.mark_pop(f.lastmark, true);
                }
                self.lastmark_restore(f);
                self.st.ptr = f.ptr;
                let r = self.st.repeats[ri];
                let max = self.c(r.pc + 2);
                if (f.count >= max as isize && max != MAXREPEAT) || self.st.ptr as isize == r.last_ptr {
                    return Ok(Flow::Ret(false));
                }
                self.st.repeats[ri].count = f.count;
                f.saved = r.last_ptr;
                self.st.repeats[ri].last_ptr = self.st.ptr as isize;
                f.resume = Resume::MinUntil3;
                Ok(Flow::Call(r.pc + 3, f.toplevel))
            }
            Resume::MinUntil3 => {
                let ri = f.aux;
                self.st.repeats[ri].last_ptr = f.saved;
                if ret {
                    return Ok(Flow::Ret(true));
                }
                self.st.repeats[ri].count = f.count - 1;
                self.st.ptr = f.ptr;
                Ok(Flow::Ret(false))
            }
            Resume::Poss1 => {
                if !ret {
                    self.st.ptr = f.ptr;
                    return Ok(Flow::Ret(false));
                }
                f.count += 1;
                self.poss_loop1(f)
            }
            Resume::Poss2 => {
                if ret {
                    self.st.mark_discard(f.lastmark);
                    f.count += 1;
                    return self.poss_loop2(f);
                }
                self.st.mark_pop(f.lastmark, true);
                self.lastmark_restore(f);
                self.st.ptr = f.saved as usize;
                self.poss_done(f)
            }
            Resume::Atomic => {
                if !ret {
                    self.st.ptr = f.ptr;
                    return Ok(Flow::Ret(false));
                }
                f.pc += self.c(f.pc) as usize;
                f.ptr = self.st.ptr;
                self.dispatch(f)
            }
            Resume::Assert => {
                if !ret {
                    return Ok(Flow::Ret(false));
                }
                f.pc += self.c(f.pc) as usize;
                self.dispatch(f)
            }
            Resume::AssertNot => {
                let has_repeat = self.st.repeat.is_some();
                if ret {
                    if has_repeat {
                        self.st.mark_discard(f.lastmark);
                    }
                    return Ok(Flow::Ret(false));
                }
                if has_repeat {
                    self.st.mark_pop(f.lastmark, true);
                }
                self.lastmark_restore(f);
                f.pc += self.c(f.pc) as usize;
                self.dispatch(f)
            }
        }
    }

    #[inline]
    fn lastmark_save(&self, f: &mut Frame) {
        f.lastmark = self.st.lastmark;
        f.lastindex = self.st.lastindex;
    }
    #[inline]
    fn lastmark_restore(&mut self, f: &Frame) {
        self.st.lastmark = f.lastmark;
        self.st.lastindex = f.lastindex;
    }

    /// BRANCH: tries the alternative at `f.pc` (a skip word) and the next ones.
    fn branch_next(&mut self, f: &mut Frame) -> Result<Flow, Error> {
        let end = self.st.end;
        while self.c(f.pc) != 0 {
            let first = self.c(f.pc + 1);
            if first == op::LITERAL && (f.ptr >= end || self.t.at(f.ptr) != self.c(f.pc + 2)) {
                f.pc += self.c(f.pc) as usize;
                continue;
            }
            if first == op::IN && (f.ptr >= end || !self.charset(f.pc + 3, self.t.at(f.ptr))) {
                f.pc += self.c(f.pc) as usize;
                continue;
            }
            self.st.ptr = f.ptr;
            f.resume = Resume::Branch;
            return Ok(Flow::Call(f.pc + 1, f.toplevel));
        }
        if self.st.repeat.is_some() {
            self.st.mark_discard(f.lastmark);
        }
        Ok(Flow::Ret(false))
    }

    /// REPEAT_ONE whose tail starts with a literal: back off to positions
    /// where that literal follows.
    fn repeat_one_lit_next(&mut self, f: &mut Frame) -> Result<Flow, Error> {
        let min = self.c(f.pc + 1) as isize;
        let chr = f.aux as u32;
        let end = self.st.end;
        while f.count >= min && (f.ptr >= end || self.t.at(f.ptr) != chr) {
            f.ptr = f.ptr.wrapping_sub(1);
            f.count -= 1;
        }
        if f.count < min {
            if self.st.repeat.is_some() {
                self.st.mark_discard(f.lastmark);
            }
            return Ok(Flow::Ret(false));
        }
        self.st.ptr = f.ptr;
        f.resume = Resume::RepeatOneLit;
        Ok(Flow::Call(f.pc + self.c(f.pc) as usize, f.toplevel))
    }

    fn repeat_one_next(&mut self, f: &mut Frame) -> Result<Flow, Error> {
        let min = self.c(f.pc + 1) as isize;
        if f.count < min {
            if self.st.repeat.is_some() {
                self.st.mark_discard(f.lastmark);
            }
            return Ok(Flow::Ret(false));
        }
        self.st.ptr = f.ptr;
        f.resume = Resume::RepeatOne;
        Ok(Flow::Call(f.pc + self.c(f.pc) as usize, f.toplevel))
    }

    fn min_repeat_one_next(&mut self, f: &mut Frame) -> Result<Flow, Error> {
        let max = self.c(f.pc + 2);
        if max == MAXREPEAT || f.count <= max as isize {
            self.st.ptr = f.ptr;
            f.resume = Resume::MinRepeatOne;
            return Ok(Flow::Call(f.pc + self.c(f.pc) as usize, f.toplevel));
        }
        if self.st.repeat.is_some() {
            self.st.mark_discard(f.lastmark);
        }
        Ok(Flow::Ret(false))
    }

    /// MAX_UNTIL after trying one more item failed: match the tail.
    fn max_until_tail(&mut self, f: &mut Frame) -> Result<Flow, Error> {
        let ri = f.aux;
        self.st.repeat = self.st.repeats[ri].prev;
        f.resume = Resume::MaxUntil3;
        Ok(Flow::Call(f.pc, f.toplevel))
    }

    fn poss_loop1(&mut self, f: &mut Frame) -> Result<Flow, Error> {
        let min = self.c(f.pc + 1) as isize;
        if f.count < min {
            f.resume = Resume::Poss1;
            return Ok(Flow::Call(f.pc + 3, false));
        }
        // The zero-width guard: no previous position yet.
        f.saved = -1;
        self.poss_loop2(f)
    }

    fn poss_loop2(&mut self, f: &mut Frame) -> Result<Flow, Error> {
        let max = self.c(f.pc + 2);
        if (f.count < max as isize || max == MAXREPEAT) && self.st.ptr as isize != f.saved {
            self.lastmark_save(f);
            self.st.mark_push(f.lastmark);
            f.saved = self.st.ptr as isize;
            f.resume = Resume::Poss2;
            return Ok(Flow::Call(f.pc + 3, false));
        }
        self.poss_done(f)
    }

    fn poss_done(&mut self, f: &mut Frame) -> Result<Flow, Error> {
        f.pc += self.c(f.pc) as usize + 1;
        f.ptr = self.st.ptr;
        self.dispatch(f)
    }

    /// Runs the opcodes of frame `f` from `f.pc` until one needs a child
    /// match or the frame succeeds or fails.
    fn dispatch(&mut self, f: &mut Frame) -> Result<Flow, Error> {
        let end = self.st.end;
        let fail = Ok(Flow::Ret(false));
        loop {
            let o = self.c(f.pc);
            f.pc += 1;
            let a = self.c(f.pc);
            match o {
                op::MARK => {
                    let i = a as usize;
                    if i & 1 != 0 {
                        self.st.lastindex = (i / 2 + 1) as isize;
                    }
                    if self.st.marks.len() <= i {
                        self.st.marks.resize(i + 1, -1);
                    }
                    if i as isize > self.st.lastmark {
                        let from = (self.st.lastmark + 1) as usize;
                        for m in &mut self.st.marks[from..i] {
                            *m = -1;
                        }
                        self.st.lastmark = i as isize;
                    }
                    self.st.marks[i] = f.ptr as isize;
                    f.pc += 1;
                }
                op::LITERAL
                | op::NOT_LITERAL
                | op::LITERAL_IGNORE
                | op::NOT_LITERAL_IGNORE
                | op::LITERAL_UNI_IGNORE
                | op::NOT_LITERAL_UNI_IGNORE
                | op::LITERAL_LOC_IGNORE
                | op::NOT_LITERAL_LOC_IGNORE
                | op::CATEGORY => {
                    if f.ptr >= end || self.match_one(f.pc - 1, self.t.at(f.ptr)) != Some(true) {
                        return fail;
                    }
                    f.pc += 1;
                    f.ptr += 1;
                }
                op::ANY | op::ANY_ALL => {
                    if f.ptr >= end || (o == op::ANY && is_ascii_linebreak(self.t.at(f.ptr))) {
                        return fail;
                    }
                    f.ptr += 1;
                }
                op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                    if f.ptr >= end || self.match_one(f.pc - 1, self.t.at(f.ptr)) != Some(true) {
                        return fail;
                    }
                    f.pc += a as usize;
                    f.ptr += 1;
                }
                op::SUCCESS => {
                    if f.toplevel
                        && ((self.st.match_all && f.ptr != end)
                            || (self.st.must_advance && f.ptr == self.st.start))
                    {
                        return fail;
                    }
                    self.st.ptr = f.ptr;
                    return Ok(Flow::Ret(true));
                }
                op::FAILURE => return fail,
                op::AT => {
                    if !self.at(f.ptr, a) {
                        return fail;
                    }
                    f.pc += 1;
                }
                // (A zero offset would loop forever; CPython's validator rejects it.)
                op::JUMP | op::INFO if a == 0 => return Err(Error::Illegal),
                op::JUMP | op::INFO => f.pc += a as usize,
                op::BRANCH => {
                    self.lastmark_save(f);
                    if self.st.repeat.is_some() {
                        self.st.mark_push(f.lastmark);
                    }
                    return self.branch_next(f);
                }
                op::REPEAT_ONE => {
                    let min = self.c(f.pc + 1) as usize;
                    if min as isize > self.left(f.ptr) {
                        return fail;
                    }
                    self.st.ptr = f.ptr;
                    let n = self.count(f.pc + 3, self.c(f.pc + 2))?;
                    f.count = n as isize;
                    f.ptr += n;
                    if n < min {
                        return fail;
                    }
                    let next = f.pc + a as usize;
                    if self.c(next) == op::SUCCESS
                        && f.ptr == end
                        && !(f.toplevel && self.st.must_advance && f.ptr == self.st.start)
                    {
                        self.st.ptr = f.ptr;
                        return Ok(Flow::Ret(true));
                    }
                    self.lastmark_save(f);
                    if self.st.repeat.is_some() {
                        self.st.mark_push(f.lastmark);
                    }
                    if self.c(next) == op::LITERAL {
                        f.aux = self.c(next + 1) as usize;
                        return self.repeat_one_lit_next(f);
                    }
                    return self.repeat_one_next(f);
                }
                op::MIN_REPEAT_ONE => {
                    let min = self.c(f.pc + 1) as usize;
                    if min as isize > self.left(f.ptr) {
                        return fail;
                    }
                    self.st.ptr = f.ptr;
                    if min == 0 {
                        f.count = 0;
                    } else {
                        let n = self.count(f.pc + 3, min as u32)?;
                        if n < min {
                            return fail;
                        }
                        f.count = n as isize;
                        f.ptr += n;
                    }
                    let next = f.pc + a as usize;
                    if self.c(next) == op::SUCCESS
                        && !(f.toplevel
                            && ((self.st.match_all && f.ptr != end)
                                || (self.st.must_advance && f.ptr == self.st.start)))
                    {
                        self.st.ptr = f.ptr;
                        return Ok(Flow::Ret(true));
                    }
                    self.lastmark_save(f);
                    if self.st.repeat.is_some() {
                        self.st.mark_push(f.lastmark);
                    }
                    return self.min_repeat_one_next(f);
                }
                op::POSSESSIVE_REPEAT_ONE => {
                    let min = self.c(f.pc + 1) as usize;
                    if min as isize > self.left(f.ptr) {
                        return fail;
                    }
                    self.st.ptr = f.ptr;
                    let n = self.count(f.pc + 3, self.c(f.pc + 2))?;
                    f.ptr += n;
                    if n < min {
                        return fail;
                    }
                    f.pc += a as usize;
                    if self.c(f.pc) == op::SUCCESS
                        && f.ptr == end
                        && !(f.toplevel && self.st.must_advance && f.ptr == self.st.start)
                    {
                        self.st.ptr = f.ptr;
                        return Ok(Flow::Ret(true));
                    }
                }
                op::REPEAT => {
                    self.st.repeats.push(Repeat { count: -1, pc: f.pc, prev: self.st.repeat, last_ptr: -1 });
                    self.st.repeat = Some(self.st.repeats.len() - 1);
                    self.st.ptr = f.ptr;
                    f.resume = Resume::Repeat;
                    return Ok(Flow::Call(f.pc + a as usize, f.toplevel));
                }
                op::MAX_UNTIL => {
                    let Some(ri) = self.st.repeat else { return Err(Error::State) };
                    f.aux = ri;
                    self.st.ptr = f.ptr;
                    let r = self.st.repeats[ri];
                    f.count = r.count + 1;
                    let (min, max) = (self.c(r.pc + 1), self.c(r.pc + 2));
                    if f.count < min as isize {
                        self.st.repeats[ri].count = f.count;
                        f.resume = Resume::MaxUntil1;
                        return Ok(Flow::Call(r.pc + 3, f.toplevel));
                    }
                    if (f.count < max as isize || max == MAXREPEAT) && self.st.ptr as isize != r.last_ptr {
                        self.st.repeats[ri].count = f.count;
                        self.lastmark_save(f);
                        self.st.mark_push(f.lastmark);
                        f.saved = r.last_ptr;
                        self.st.repeats[ri].last_ptr = self.st.ptr as isize;
                        f.resume = Resume::MaxUntil2;
                        return Ok(Flow::Call(r.pc + 3, f.toplevel));
                    }
                    return self.max_until_tail(f);
                }
                op::MIN_UNTIL => {
                    let Some(ri) = self.st.repeat else { return Err(Error::State) };
                    f.aux = ri;
                    self.st.ptr = f.ptr;
                    let r = self.st.repeats[ri];
                    f.count = r.count + 1;
                    if f.count < self.c(r.pc + 1) as isize {
                        self.st.repeats[ri].count = f.count;
                        f.resume = Resume::MinUntil1;
                        return Ok(Flow::Call(r.pc + 3, f.toplevel));
                    }
                    self.st.repeat = r.prev;
                    self.lastmark_save(f);
                    f.saved = self.st.repeat.is_some() as isize;
                    if f.saved != 0 {
                        self.st.mark_push(f.lastmark);
                    }
                    f.resume = Resume::MinUntil2;
                    return Ok(Flow::Call(f.pc, f.toplevel));
                }
                op::POSSESSIVE_REPEAT => {
                    // (CPython 3.11 runs the item with the enclosing repeat
                    // context, so marks are not restored inside it.)
                    self.st.ptr = f.ptr;
                    f.count = 0;
                    return self.poss_loop1(f);
                }
                op::ATOMIC_GROUP => {
                    self.st.ptr = f.ptr;
                    f.resume = Resume::Atomic;
                    return Ok(Flow::Call(f.pc + 1, false));
                }
                op::GROUPREF | op::GROUPREF_IGNORE | op::GROUPREF_UNI_IGNORE | op::GROUPREF_LOC_IGNORE => {
                    let Some((mut p, e)) = self.groupref_span(a as usize) else { return fail };
                    let fold: fn(u32) -> u32 = match o {
                        op::GROUPREF => |c| c,
                        op::GROUPREF_IGNORE => lower_ascii,
                        op::GROUPREF_UNI_IGNORE => lower_unicode,
                        _ => lower_locale,
                    };
                    while p < e {
                        if f.ptr >= end || fold(self.t.at(f.ptr)) != fold(self.t.at(p)) {
                            return fail;
                        }
                        p += 1;
                        f.ptr += 1;
                    }
                    f.pc += 1;
                }
                op::GROUPREF_EXISTS => {
                    if self.groupref_span(a as usize).is_some() {
                        f.pc += 2;
                    } else {
                        f.pc += self.c(f.pc + 1) as usize;
                    }
                }
                op::ASSERT => {
                    let back = self.c(f.pc + 1) as usize;
                    if f.ptr < back {
                        return fail;
                    }
                    self.st.ptr = f.ptr - back;
                    f.resume = Resume::Assert;
                    return Ok(Flow::Call(f.pc + 2, false));
                }
                op::ASSERT_NOT => {
                    let back = self.c(f.pc + 1) as usize;
                    if f.ptr >= back {
                        self.st.ptr = f.ptr - back;
                        self.lastmark_save(f);
                        if self.st.repeat.is_some() {
                            self.st.mark_push(f.lastmark);
                        }
                        f.resume = Resume::AssertNot;
                        return Ok(Flow::Call(f.pc + 2, false));
                    }
                    f.pc += a as usize;
                }
                _ => return Err(Error::Illegal),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Vec<u32> {
        s.chars().flat_map(|c| [op::LITERAL, c as u32]).collect()
    }

    fn search(code: &[u32], s: &str) -> Option<(usize, usize)> {
        let t: Vec<u32> = s.chars().map(|c| c as u32).collect();
        let mut st = State::new(0, t.len());
        let ok = Matcher::new(&mut st, code, &t[..]).search().unwrap();
        ok.then_some((st.start, st.ptr))
    }

    fn search_groups(code: &[u32], s: &str) -> Option<Vec<Option<(usize, usize)>>> {
        let t: Vec<u32> = s.chars().map(|c| c as u32).collect();
        let mut st = State::new(0, t.len());
        if !Matcher::new(&mut st, code, &t[..]).search().unwrap() {
            return None;
        }
        let mut v = vec![Some((st.start, st.ptr))];
        v.extend((1..=2).map(|g| st.group_span(g)));
        Some(v)
    }

    #[test]
    fn lookbehind() {
        // (?<=a)b, as Lib/re/_compiler.py emits it.
        let code = [op::INFO, 4, 0, 1, 1, op::ASSERT, 5, 1, op::LITERAL, 97, op::SUCCESS, op::LITERAL, 98, op::SUCCESS];
        assert_eq!(search(&code, "cb ab"), Some((4, 5)));
        assert_eq!(search(&code, "b"), None);
    }

    #[test]
    fn min_until_keeps_last_group() {
        // (a|b)*?c
        let code = [
            op::INFO, 4, 0, 1, MAXREPEAT, op::REPEAT, 13, 0, MAXREPEAT, op::MARK, 0, op::IN, 5, op::RANGE, 97, 98,
            op::FAILURE, op::MARK, 1, op::MIN_UNTIL, op::LITERAL, 99, op::SUCCESS,
        ];
        assert_eq!(search_groups(&code, "xabc"), Some(vec![Some((1, 4)), Some((2, 3)), None]));
        assert_eq!(search_groups(&code, "c"), Some(vec![Some((0, 1)), None, None]));
    }

    #[test]
    fn backreference() {
        // (\w)\1 with the Unicode word category
        let code = [
            op::INFO, 7, 4, 2, 2, op::CATEGORY, 14, op::FAILURE, op::MARK, 0, op::IN, 4, op::CATEGORY, 14, op::FAILURE,
            op::MARK, 1, op::GROUPREF, 0, op::SUCCESS,
        ];
        assert_eq!(search_groups(&code, "abccd"), Some(vec![Some((2, 4)), Some((2, 3)), None]));
        assert_eq!(search(&code, "abcd"), None);
    }

    #[test]
    fn possessive_and_atomic() {
        // a++b and a++a
        let code = [op::INFO, 4, 0, 2, MAXREPEAT, op::POSSESSIVE_REPEAT_ONE, 6, 1, MAXREPEAT, op::LITERAL, 97,
                    op::SUCCESS, op::LITERAL, 98, op::SUCCESS];
        assert_eq!(search(&code, "xaab"), Some((1, 4)));
        let mut no = code;
        no[13] = 97;
        assert_eq!(search(&no, "aaa"), None);
        // (?>a|ab)c, compiled as ATOMIC_GROUP a (?:|b) c
        let code = [op::INFO, 4, 0, 2, 3, op::ATOMIC_GROUP, 14, op::LITERAL, 97, op::BRANCH, 3, op::JUMP, 7, 5,
                    op::LITERAL, 98, op::JUMP, 2, op::FAILURE, op::SUCCESS, op::LITERAL, 99, op::SUCCESS];
        assert_eq!(search(&code, "ac"), Some((0, 2)));
        assert_eq!(search(&code, "abc"), None);
    }

    #[test]
    fn malformed_code_fails_without_panicking() {
        let mut st = State::new(0, 3);
        let t = [97u8, 98, 99];
        assert_eq!(Matcher::new(&mut st, &[op::MAX_UNTIL], &t[..]).pymatch(), Err(Error::State));
        let mut st = State::new(0, 3);
        assert_eq!(Matcher::new(&mut st, &[99], &t[..]).pymatch(), Err(Error::Illegal));
        let mut st = State::new(0, 3);
        assert_eq!(Matcher::new(&mut st, &[op::REPEAT_ONE, 100, 0, 5], &t[..]).search(), Ok(false));
    }

    #[test]
    fn literal_search() {
        let mut code = lit("bc");
        code.push(op::SUCCESS);
        assert_eq!(search(&code, "abcd"), Some((1, 3)));
        assert_eq!(search(&code, "abd"), None);
    }

    #[test]
    fn repeat_one_backtracks() {
        // a*ab
        let mut code = vec![op::REPEAT_ONE, 6, 0, MAXREPEAT, op::LITERAL, 'a' as u32, op::SUCCESS];
        code.extend(lit("ab"));
        code.push(op::SUCCESS);
        assert_eq!(search(&code, "xaaab"), Some((1, 5)));
    }

    #[test]
    fn long_max_until_uses_no_rust_stack() {
        // (?:a|b)* over a long subject: REPEAT <skip> 0 MAX  BRANCH ... MAX_UNTIL
        let code = vec![
            op::REPEAT, 15, 0, MAXREPEAT,
            op::BRANCH, 5, op::LITERAL, 'a' as u32, op::JUMP, 7,
            5, op::LITERAL, 'b' as u32, op::JUMP, 2,
            0,
            op::MAX_UNTIL, op::SUCCESS,
        ];
        let s: String = "ab".repeat(100_000);
        let r = search(&code, &s);
        assert_eq!(r, Some((0, 200_000)));
    }
}
