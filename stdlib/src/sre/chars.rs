//! Character predicates and case folding used by the `_sre` engine: the
//! ASCII, "locale" (treated as the C locale: ASCII) and Unicode variants of
//! digit/space/word/linebreak, and the per-code-point case mappings.

use super::constants::cat;
use vm::objects::unicode_methods as um;

#[inline]
pub fn is_ascii_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}
#[inline]
pub fn is_ascii_space(c: u32) -> bool {
    matches!(c, 9..=13 | 32)
}
#[inline]
pub fn is_ascii_alnum(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphanumeric()
}
#[inline]
pub fn is_ascii_word(c: u32) -> bool {
    is_ascii_alnum(c) || c == b'_' as u32
}
#[inline]
pub fn is_ascii_linebreak(c: u32) -> bool {
    c == b'\n' as u32
}
#[inline]
pub fn is_uni_linebreak(c: u32) -> bool {
    matches!(c, 0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029)
}
#[inline]
pub fn is_uni_digit(c: u32) -> bool {
    if c < 128 {
        is_ascii_digit(c)
    } else {
        um::is_decimal(c)
    }
}
#[inline]
pub fn is_uni_space(c: u32) -> bool {
    um::is_space(c)
}
#[inline]
pub fn is_uni_word(c: u32) -> bool {
    if c < 128 {
        is_ascii_word(c)
    } else {
        um::is_alnum(c)
    }
}
/// Word characters under re.LOCALE; the locale is taken to be "C".
#[inline]
pub fn is_loc_word(c: u32) -> bool {
    is_ascii_word(c)
}

#[inline]
pub fn lower_ascii(c: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&c) {
        c + 32
    } else {
        c
    }
}
#[inline]
pub fn upper_ascii(c: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&c) {
        c - 32
    } else {
        c
    }
}
#[inline]
pub fn lower_locale(c: u32) -> u32 {
    lower_ascii(c)
}
#[inline]
pub fn upper_locale(c: u32) -> u32 {
    upper_ascii(c)
}
#[inline]
pub fn lower_unicode(c: u32) -> u32 {
    if c < 128 {
        lower_ascii(c)
    } else {
        um::simple_lower(c)
    }
}
#[inline]
pub fn upper_unicode(c: u32) -> u32 {
    if c < 128 {
        upper_ascii(c)
    } else {
        um::simple_upper(c)
    }
}

/// `char_loc_ignore`: `c` equals the pattern character up to locale case.
#[inline]
pub fn char_loc_ignore(pat: u32, c: u32) -> bool {
    c == pat || lower_locale(c) == pat || upper_locale(c) == pat
}

pub fn category(code: u32, c: u32) -> bool {
    match code {
        cat::DIGIT => is_ascii_digit(c),
        cat::NOT_DIGIT => !is_ascii_digit(c),
        cat::SPACE => is_ascii_space(c),
        cat::NOT_SPACE => !is_ascii_space(c),
        cat::WORD => is_ascii_word(c),
        cat::NOT_WORD => !is_ascii_word(c),
        cat::LINEBREAK => is_ascii_linebreak(c),
        cat::NOT_LINEBREAK => !is_ascii_linebreak(c),
        cat::LOC_WORD => is_loc_word(c),
        cat::LOC_NOT_WORD => !is_loc_word(c),
        cat::UNI_DIGIT => is_uni_digit(c),
        cat::UNI_NOT_DIGIT => !is_uni_digit(c),
        cat::UNI_SPACE => is_uni_space(c),
        cat::UNI_NOT_SPACE => !is_uni_space(c),
        cat::UNI_WORD => is_uni_word(c),
        cat::UNI_NOT_WORD => !is_uni_word(c),
        cat::UNI_LINEBREAK => is_uni_linebreak(c),
        cat::UNI_NOT_LINEBREAK => !is_uni_linebreak(c),
        _ => false,
    }
}
