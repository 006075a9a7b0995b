//! Structural check of code words passed to `_sre.compile`, with the rules
//! of CPython's validator: known opcodes with in-range arguments, skips that
//! stay inside their region, regions that end with the opcode their
//! construct requires, BRANCH alternatives that all jump to one target, and
//! group numbers below the pattern's group count. Code from
//! `Lib/re/_compiler.py` always passes; anything else raises
//! "invalid SRE code" at compile time, as in CPython.

use super::constants::{op, MAXGROUPS};

struct V<'a> {
    code: &'a [u32],
    groups: usize,
}

/// Whether `code` is well-formed for a pattern with `groups` groups.
pub fn validate(code: &[u32], groups: isize) -> bool {
    if groups < 0 || groups as i64 > MAXGROUPS || code.last() != Some(&op::SUCCESS) {
        return false;
    }
    let v = V { code, groups: groups as usize };
    v.inner(0, code.len() - 1) == Some(false)
}

impl<'a> V<'a> {
    /// The word at `*i` (which must be before `end`), advancing past it.
    fn arg(&self, i: &mut usize, end: usize) -> Option<u32> {
        if *i >= end {
            return None;
        }
        let w = self.code[*i];
        *i += 1;
        Some(w)
    }

    /// A skip word: it may not reach past `end` (beyond `adj`).
    fn skip(&self, i: &mut usize, end: usize, adj: u32) -> Option<usize> {
        if *i >= end {
            return None;
        }
        let s = self.code[*i];
        if s.wrapping_sub(adj) as usize > end - *i {
            return None;
        }
        *i += 1;
        Some(s as usize)
    }

    fn charset(&self, mut i: usize, end: usize) -> Option<()> {
        while i < end {
            let o = self.arg(&mut i, end)?;
            match o {
                op::NEGATE => {}
                op::LITERAL => {
                    self.arg(&mut i, end)?;
                }
                op::RANGE | op::RANGE_UNI_IGNORE => {
                    self.arg(&mut i, end)?;
                    self.arg(&mut i, end)?;
                }
                op::CHARSET => {
                    if 8 > end - i {
                        return None;
                    }
                    i += 8;
                }
                op::BIGCHARSET => {
                    let count = self.arg(&mut i, end)? as usize;
                    if 64 > end - i {
                        return None;
                    }
                    for w in &self.code[i..i + 64] {
                        if w.to_ne_bytes().iter().any(|&b| b as usize >= count) {
                            return None;
                        }
                    }
                    i += 64;
                    if count.checked_mul(8)? > end - i {
                        return None;
                    }
                    i += count * 8;
                }
                op::CATEGORY => {
                    if self.arg(&mut i, end)? > 17 {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        Some(())
    }

    /// Checks `code[i..end]`; Some(true) when it ends with a JUMP (allowed
    /// only where the caller expects one), None when invalid.
    fn inner(&self, mut i: usize, end: usize) -> Option<bool> {
        if i > end {
            return None;
        }
        while i < end {
            let o = self.arg(&mut i, end)?;
            match o {
                op::MARK => {
                    // (3.11 admits one group past the count here.)
                    if self.arg(&mut i, end)? as usize > 2 * self.groups + 1 {
                        return None;
                    }
                }
                op::LITERAL
                | op::NOT_LITERAL
                | op::LITERAL_IGNORE
                | op::NOT_LITERAL_IGNORE
                | op::LITERAL_UNI_IGNORE
                | op::NOT_LITERAL_UNI_IGNORE
                | op::LITERAL_LOC_IGNORE
                | op::NOT_LITERAL_LOC_IGNORE => {
                    self.arg(&mut i, end)?;
                }
                op::SUCCESS | op::FAILURE | op::ANY | op::ANY_ALL => {}
                op::AT => {
                    if self.arg(&mut i, end)? > 11 {
                        return None;
                    }
                }
                op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                    let s = self.skip(&mut i, end, 0)?;
                    if s < 2 {
                        return None;
                    }
                    self.charset(i, i + s - 2)?;
                    if self.code[i + s - 2] != op::FAILURE {
                        return None;
                    }
                    i += s - 1;
                }
                op::INFO => {
                    let s = self.skip(&mut i, end, 0)?;
                    let newcode = i + s - 1;
                    let flags = self.arg(&mut i, end)?;
                    self.arg(&mut i, end)?;
                    self.arg(&mut i, end)?;
                    use super::constants::info;
                    if flags & !(info::PREFIX | info::LITERAL | info::CHARSET) != 0
                        || (flags & info::PREFIX != 0 && flags & info::CHARSET != 0)
                        || (flags & info::LITERAL != 0 && flags & info::PREFIX == 0)
                        || newcode < i
                    {
                        return None;
                    }
                    if flags & info::PREFIX != 0 {
                        let plen = self.arg(&mut i, end)? as usize;
                        self.arg(&mut i, end)?;
                        if newcode < i || plen > newcode - i {
                            return None;
                        }
                        i += plen;
                        if plen > newcode - i {
                            return None;
                        }
                        if self.code[i..i + plen].iter().any(|&w| w as usize >= plen) {
                            return None;
                        }
                        i += plen;
                    }
                    if flags & info::CHARSET != 0 {
                        if newcode < i + 1 {
                            return None;
                        }
                        self.charset(i, newcode - 1)?;
                        if self.code[newcode - 1] != op::FAILURE {
                            return None;
                        }
                        i = newcode;
                    } else if i != newcode {
                        return None;
                    }
                }
                op::BRANCH => {
                    let mut target: Option<usize> = None;
                    loop {
                        let s = self.skip(&mut i, end, 0)?;
                        if s == 0 {
                            break;
                        }
                        if s < 3 || self.inner(i, i + s - 3)? {
                            return None;
                        }
                        i += s - 3;
                        if self.arg(&mut i, end)? != op::JUMP {
                            return None;
                        }
                        let j = self.skip(&mut i, end, 0)?;
                        let t = i + j - 1;
                        match target {
                            None => target = Some(t),
                            Some(x) if x != t => return None,
                            _ => {}
                        }
                    }
                    if target != Some(i) {
                        return None;
                    }
                }
                op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                    let s = self.skip(&mut i, end, 0)?;
                    let min = self.arg(&mut i, end)?;
                    let max = self.arg(&mut i, end)?;
                    if min > max || s < 4 || self.inner(i, i + s - 4)? {
                        return None;
                    }
                    i += s - 4;
                    if self.arg(&mut i, end)? != op::SUCCESS {
                        return None;
                    }
                }
                op::REPEAT | op::POSSESSIVE_REPEAT => {
                    let s = self.skip(&mut i, end, 0)?;
                    let min = self.arg(&mut i, end)?;
                    let max = self.arg(&mut i, end)?;
                    if min > max || s < 3 || self.inner(i, i + s - 3)? {
                        return None;
                    }
                    i += s - 3;
                    let close = self.arg(&mut i, end)?;
                    let ok = if o == op::POSSESSIVE_REPEAT {
                        close == op::SUCCESS
                    } else {
                        close == op::MAX_UNTIL || close == op::MIN_UNTIL
                    };
                    if !ok {
                        return None;
                    }
                }
                op::ATOMIC_GROUP => {
                    let s = self.skip(&mut i, end, 0)?;
                    if s < 2 || self.inner(i, i + s - 2)? {
                        return None;
                    }
                    i += s - 2;
                    if self.arg(&mut i, end)? != op::SUCCESS {
                        return None;
                    }
                }
                op::GROUPREF | op::GROUPREF_IGNORE | op::GROUPREF_UNI_IGNORE | op::GROUPREF_LOC_IGNORE => {
                    if self.arg(&mut i, end)? as usize >= self.groups {
                        return None;
                    }
                }
                op::GROUPREF_EXISTS => {
                    if self.arg(&mut i, end)? as usize >= self.groups {
                        return None;
                    }
                    // The skip counts from the group word, one before it.
                    let mut s = self.skip(&mut i, end, 1)?;
                    i -= 1;
                    if s < 1 {
                        return None;
                    }
                    let mut jumped = self.inner(i + 1, i + s - 1)?;
                    if jumped {
                        // `then` ends with JUMP <skipno>: check the `else` part.
                        i += s - 2;
                        s = self.skip(&mut i, end, 0)?;
                        if s < 1 {
                            return None;
                        }
                        jumped = self.inner(i, i + s - 1)?;
                    }
                    if jumped {
                        return None;
                    }
                    i += s - 1;
                }
                op::ASSERT | op::ASSERT_NOT => {
                    let s = self.skip(&mut i, end, 0)?;
                    self.arg(&mut i, end)?;
                    i -= 1;
                    if s < 3 || self.inner(i + 1, i + s - 2)? {
                        return None;
                    }
                    i += s - 2;
                    if self.arg(&mut i, end)? != op::SUCCESS {
                        return None;
                    }
                }
                op::JUMP => {
                    if i + 1 != end {
                        return None;
                    }
                    return Some(true);
                }
                _ => return None,
            }
        }
        Some(false)
    }
}
