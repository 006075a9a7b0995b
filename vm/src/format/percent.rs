//! printf-style `str % args` (CPython's `PyUnicode_Format`, Objects/unicodeobject.c).
//!
//! CPython parses one conversion at a time and fetches arguments (for `*` and
//! for the value) while parsing, so errors come out in the order they are met.
//! To keep that order, parsing is incremental: `PercentParser::next_piece`
//! returns the next literal or conversion spec and calls back into the caller
//! (`PercentArgSource`) for `%(key)` lookups and `*` arguments.
//!
//! A typical caller:
//! ```ignore
//! let mut p = PercentParser::new(fmt);
//! let mut cursor = ArgCursor::new(tuple_len_or_none, is_mapping);
//! while let Some(piece) = p.next_piece(&mut my_source)? {
//!     match piece {
//!         Piece::Literal(s) => out.push_str(s),
//!         Piece::Percent => out.push('%'),
//!         Piece::Spec(spec) => {
//!             let v = fetch(cursor.next_arg()?);           // "not enough arguments ..."
//!             match spec.conversion() {
//!                 Conversion::Str => out += &percent_str(&spec, &str(v))?,   // also Repr / Ascii
//!                 Conversion::Int => out += &percent_int(&spec, &as_int(v)?)?, // int(v); %d of a float truncates
//!                 Conversion::Float => out += &percent_float(&spec, as_f64(v)?)?,
//!                 Conversion::Char => out += &percent_char(&spec, as_char(v)?)?,
//!                 Conversion::Unsupported => return Err(spec.unsupported_error()),
//!             }
//!         }
//!     }
//! }
//! cursor.finish()?;                                      // "not all arguments converted ..."
//! ```
//!
//! Left to the caller (object model), with helpers for the messages:
//! * deciding "mapping" (`PyMapping_Check(args) && !tuple && !str`; note a
//!   `list` counts as a mapping) and the key lookup (`KeyError`);
//! * `*` argument must be an int: `star_wants_int_error()`; its conversion to
//!   C ssize_t / int may raise OverflowError ("Python int too large to convert to C ssize_t"/"... C int");
//! * %d/%i/%u of a non-int calls `int(v)` (so floats truncate, and
//!   `int(inf)` raises "cannot convert float infinity to integer"); %o/%x/%X
//!   use `__index__`; wrong types: `int_type_error(conv, type_name)`;
//! * %e.. of a non-float calls `float(v)` (`int too large to convert to float`);
//!   wrong types: "must be real number, not str" raised by float();
//! * %c: `percent_char_from_int` for ints, a 1-char str for strings, else
//!   `char_type_error()`;
//! * %s/%r/%a: the caller computes str()/repr()/ascii() of the value.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use super::float_repr::{try_double_to_string, DTSF_ALT};
use super::{trunc200, try_reserve, FormatError};

pub const F_LJUST: u8 = 1;
pub const F_SIGN: u8 = 2;
pub const F_BLANK: u8 = 4;
pub const F_ALT: u8 = 8;
pub const F_ZERO: u8 = 16;

/// One conversion spec, e.g. `%(name)-#10.3x`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentSpec {
    /// Key of `%(key)`, already looked up through `PercentArgSource::select_key`.
    pub key: Option<String>,
    pub flags: u8,
    /// -1 = none.
    pub width: i64,
    /// -1 = none.
    pub prec: i64,
    /// The conversion character.
    pub conv: char,
    /// Code point index of the conversion character in the format string.
    pub conv_index: usize,
}

/// How the value of a spec must be converted by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// %s: str(v)
    Str,
    /// %r: repr(v)
    Repr,
    /// %a: ascii(v)
    Ascii,
    /// %d %i %u %o %x %X
    Int,
    /// %e %E %f %F %g %G
    Float,
    /// %c
    Char,
    /// Anything else: raise `unsupported_error()` (after fetching the argument).
    Unsupported,
}

impl PercentSpec {
    pub fn conversion(&self) -> Conversion {
        match self.conv {
            's' => Conversion::Str,
            'r' => Conversion::Repr,
            'a' => Conversion::Ascii,
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => Conversion::Int,
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => Conversion::Float,
            'c' => Conversion::Char,
            _ => Conversion::Unsupported,
        }
    }

    /// "unsupported format character 'y' (0x79) at index 3"
    pub fn unsupported_error(&self) -> FormatError {
        let u = self.conv as u32;
        let shown = if (31..=126).contains(&u) { self.conv } else { '?' };
        FormatError::value(format!(
            "unsupported format character '{}' (0x{:x}) at index {}",
            shown, u, self.conv_index
        ))
    }
}

/// A piece of a `%` format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Literal(&'a str),
    /// `%%`
    Percent,
    Spec(PercentSpec),
}

/// What the parser needs from the caller while parsing.
pub trait PercentArgSource {
    type Error: From<FormatError>;
    /// Whether the args object is a mapping (`%(key)` needs one; otherwise the
    /// parser raises "format requires a mapping").
    fn is_mapping(&self) -> bool;
    /// `%(key)`: look `key` up in the mapping and make the value the current
    /// argument (see `ArgCursor::select_key`).
    fn select_key(&mut self, key: &str) -> Result<(), Self::Error>;
    /// `*` width (`is_precision == false`) or precision: fetch the next
    /// argument (`ArgCursor::next_arg`), which must be an int ("* wants int"),
    /// converted to ssize_t / C int (OverflowError otherwise).
    fn star(&mut self, is_precision: bool) -> Result<i64, Self::Error>;
}

/// "* wants int"
pub fn star_wants_int_error() -> FormatError {
    FormatError::type_err("* wants int")
}

/// "%c requires int or char"
pub fn char_type_error() -> FormatError {
    FormatError::type_err("%c requires int or char")
}

/// "%x format: an integer is required, not float" / "%d format: a real number is required, not str"
pub fn int_type_error(conv: char, type_name: &str) -> FormatError {
    match conv {
        'o' | 'x' | 'X' => FormatError::type_err(format!(
            "%{} format: an integer is required, not {}",
            conv,
            trunc200(type_name)
        )),
        _ => FormatError::type_err(format!(
            "%{} format: a real number is required, not {}",
            conv,
            trunc200(type_name)
        )),
    }
}

/// Which argument `ArgCursor::next_arg` designates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgSlot {
    /// Item i of the args tuple.
    Index(usize),
    /// The current single argument: the args object itself when it is not a
    /// tuple, or the value selected by the last `%(key)`.
    Current,
}

/// CPython's argument bookkeeping (`arglen`, `argidx`, `dict`).
#[derive(Clone, Debug)]
pub struct ArgCursor {
    arglen: i64,
    argidx: i64,
    has_dict: bool,
}

impl ArgCursor {
    /// `tuple_len`: Some(len) when args is a tuple. `is_mapping`: the args
    /// object is a mapping (and not a tuple or str).
    pub fn new(tuple_len: Option<usize>, is_mapping: bool) -> Self {
        match tuple_len {
            Some(n) => ArgCursor { arglen: n as i64, argidx: 0, has_dict: false },
            None => ArgCursor { arglen: -1, argidx: -2, has_dict: is_mapping },
        }
    }
    /// `unicode_format_getnextarg`.
    pub fn next_arg(&mut self) -> Result<ArgSlot, FormatError> {
        let idx = self.argidx;
        if idx < self.arglen {
            self.argidx += 1;
            if self.arglen < 0 {
                Ok(ArgSlot::Current)
            } else {
                Ok(ArgSlot::Index(idx as usize))
            }
        } else {
            Err(FormatError::type_err("not enough arguments for format string"))
        }
    }
    /// After a `%(key)` lookup: the value becomes the (single) current argument.
    pub fn select_key(&mut self) {
        self.arglen = -1;
        self.argidx = -2;
    }
    pub fn has_mapping(&self) -> bool {
        self.has_dict
    }
    /// End of the format string: "not all arguments converted during string formatting".
    pub fn finish(&self) -> Result<(), FormatError> {
        if self.argidx < self.arglen && !self.has_dict {
            Err(FormatError::type_err("not all arguments converted during string formatting"))
        } else {
            Ok(())
        }
    }
}

/// Incremental parser over a `%` format string.
pub struct PercentParser<'a> {
    fmt: &'a str,
    /// Byte position.
    pos: usize,
    /// Code point index of `pos`.
    cp: usize,
}

impl<'a> PercentParser<'a> {
    pub fn new(fmt: &'a str) -> Self {
        PercentParser { fmt, pos: 0, cp: 0 }
    }

    /// Read one char (None at the end).
    fn read(&mut self) -> Option<char> {
        let c = self.fmt[self.pos..].chars().next()?;
        self.pos += c.len_utf8();
        self.cp += 1;
        Some(c)
    }

    fn peek(&self) -> Option<char> {
        self.fmt[self.pos..].chars().next()
    }

    /// The next piece, `Ok(None)` at the end of the string.
    pub fn next_piece<S: PercentArgSource>(&mut self, src: &mut S) -> Result<Option<Piece<'a>>, S::Error> {
        if self.pos >= self.fmt.len() {
            return Ok(None);
        }
        let rest = &self.fmt[self.pos..];
        if !rest.starts_with('%') {
            let n = rest.find('%').unwrap_or(rest.len());
            let lit = &rest[..n];
            self.cp += lit.chars().count();
            self.pos += n;
            return Ok(Some(Piece::Literal(lit)));
        }
        self.read(); // '%'
        if self.peek() == Some('%') {
            self.read();
            return Ok(Some(Piece::Percent));
        }
        let mut spec = PercentSpec { key: None, flags: 0, width: -1, prec: -1, conv: '\0', conv_index: 0 };
        let incomplete = || FormatError::value("incomplete format");

        if self.peek() == Some('(') {
            if !src.is_mapping() {
                return Err(FormatError::type_err("format requires a mapping").into());
            }
            self.read();
            let key_start = self.pos;
            let mut depth = 1;
            let mut key_end = None;
            while let Some(c) = self.read() {
                if c == ')' {
                    depth -= 1;
                    if depth == 0 {
                        key_end = Some(self.pos - 1);
                        break;
                    }
                } else if c == '(' {
                    depth += 1;
                }
            }
            let key_end = key_end.ok_or_else(|| FormatError::value("incomplete format key"))?;
            let key = &self.fmt[key_start..key_end];
            src.select_key(key)?;
            spec.key = Some(key.to_string());
        }

        // Flags.
        let mut ch;
        loop {
            ch = match self.read() {
                Some(c) => c,
                None => return Err(incomplete().into()),
            };
            match ch {
                '-' => spec.flags |= F_LJUST,
                '+' => spec.flags |= F_SIGN,
                ' ' => spec.flags |= F_BLANK,
                '#' => spec.flags |= F_ALT,
                '0' => spec.flags |= F_ZERO,
                _ => break,
            }
        }
        // `more` tracks whether `ch` is a real character (CPython's fmtcnt >= 0).
        let mut more = true;
        // Width.
        if ch == '*' {
            let mut w = src.star(false)?;
            if w < 0 {
                spec.flags |= F_LJUST;
                w = w.checked_neg().ok_or_else(|| FormatError::overflow("width too big"))?;
            }
            spec.width = w;
            match self.read() {
                Some(c) => ch = c,
                None => more = false,
            }
        } else if ch.is_ascii_digit() {
            let mut w = (ch as u8 - b'0') as i64;
            loop {
                match self.read() {
                    Some(c) => {
                        ch = c;
                        if !c.is_ascii_digit() {
                            break;
                        }
                        let d = (c as u8 - b'0') as i64;
                        if w > (isize::MAX as i64 - d) / 10 {
                            return Err(FormatError::value("width too big").into());
                        }
                        w = w * 10 + d;
                    }
                    None => {
                        more = false;
                        break;
                    }
                }
            }
            spec.width = w;
        }
        // Precision.
        if more && ch == '.' {
            spec.prec = 0;
            match self.read() {
                Some(c) => ch = c,
                None => more = false,
            }
            if more && ch == '*' {
                let p = src.star(true)?;
                spec.prec = p.max(0);
                match self.read() {
                    Some(c) => ch = c,
                    None => more = false,
                }
            } else if more && ch.is_ascii_digit() {
                let mut p = (ch as u8 - b'0') as i64;
                loop {
                    match self.read() {
                        Some(c) => {
                            ch = c;
                            if !c.is_ascii_digit() {
                                break;
                            }
                            let d = (c as u8 - b'0') as i64;
                            if p > (i32::MAX as i64 - d) / 10 {
                                return Err(FormatError::value("precision too big").into());
                            }
                            p = p * 10 + d;
                        }
                        None => {
                            more = false;
                            break;
                        }
                    }
                }
                spec.prec = p;
            }
        }
        // Length modifiers h, l, L are ignored (only one).
        if more && matches!(ch, 'h' | 'l' | 'L') {
            match self.read() {
                Some(c) => ch = c,
                None => more = false,
            }
        }
        if !more {
            return Err(incomplete().into());
        }
        spec.conv = ch;
        spec.conv_index = self.cp - 1;
        Ok(Some(Piece::Spec(spec)))
    }
}

/// Parse a whole format string for a case without `*` or `%(key)` needs
/// (e.g. to pre-compile constant format strings). Returns the pieces.
pub fn parse_all(fmt: &str, is_mapping: bool) -> Result<Vec<Piece<'_>>, FormatError> {
    struct NoArgs(bool);
    impl PercentArgSource for NoArgs {
        type Error = FormatError;
        fn is_mapping(&self) -> bool {
            self.0
        }
        fn select_key(&mut self, _key: &str) -> Result<(), FormatError> {
            Ok(())
        }
        fn star(&mut self, _p: bool) -> Result<i64, FormatError> {
            Err(FormatError::value("'*' needs arguments"))
        }
    }
    let mut p = PercentParser::new(fmt);
    let mut src = NoArgs(is_mapping);
    let mut out = Vec::new();
    while let Some(piece) = p.next_piece(&mut src)? {
        out.push(piece);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Applying a spec

/// `unicode_format_arg_output`: pad/sign a converted value. `numeric` is true
/// for %d.. and %e.. conversions (CPython's `arg->sign`).
fn output(spec: &PercentSpec, s: &str, numeric: bool) -> Result<String, FormatError> {
    let flags = spec.flags;
    let chars: Vec<char> = s.chars().collect();
    let mut len = chars.len() as i64;
    let mut width = spec.width;
    let prec = spec.prec;
    let mut sign = numeric;
    let fill = if sign && flags & F_ZERO != 0 { '0' } else { ' ' };

    if (width == -1 || width <= len) && (prec == -1 || prec >= len) && flags & (F_SIGN | F_BLANK) == 0 {
        return Ok(s.to_string());
    }
    if matches!(spec.conv, 's' | 'r' | 'a') && prec >= 0 && len > prec {
        len = prec;
    }
    let mut pindex = 0usize;
    let mut signchar = '\0';
    if sign {
        let ch = chars.first().copied().unwrap_or('\0');
        if ch == '-' || ch == '+' {
            signchar = ch;
            len -= 1;
            pindex += 1;
        } else if flags & F_SIGN != 0 {
            signchar = '+';
        } else if flags & F_BLANK != 0 {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    if width < len {
        width = len;
    }
    let mut out = String::new();
    try_reserve(&mut out, s.len() + width.max(0) as usize + 2)?;
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = flags & F_ALT != 0 && matches!(spec.conv, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.push(chars[pindex]);
            out.push(chars[pindex + 1]);
            pindex += 2;
        }
        width -= 2;
        if width < 0 {
            width = 0;
        }
        len -= 2;
    }
    if width > len && flags & F_LJUST == 0 {
        for _ in 0..(width - len) {
            out.push(fill);
        }
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if alt_prefix {
            out.push(chars[pindex]);
            out.push(chars[pindex + 1]);
            pindex += 2;
        }
    }
    if len > 0 {
        out.extend(&chars[pindex..pindex + len as usize]);
    }
    if width > len {
        for _ in 0..(width - len) {
            out.push(' ');
        }
    }
    Ok(out)
}

/// %s / %r / %a: `s` is str(v) / repr(v) / ascii(v).
pub fn percent_str(spec: &PercentSpec, s: &str) -> Result<String, FormatError> {
    output(spec, s, false)
}

/// %c with an already converted character.
pub fn percent_char(spec: &PercentSpec, c: char) -> Result<String, FormatError> {
    let mut b = [0u8; 4];
    output(spec, c.encode_utf8(&mut b), false)
}

/// %c of an int: OverflowError "%c arg not in range(0x110000)".
/// (Surrogates cannot be represented in a Rust `char`: they give a ValueError here.)
pub fn percent_char_from_int(v: &BigInt) -> Result<char, FormatError> {
    match v.to_u32() {
        Some(x) if x <= 0x10ffff => {
            char::from_u32(x).ok_or_else(|| FormatError::value("surrogate code points are not supported in %c"))
        }
        _ => Err(FormatError::overflow("%c arg not in range(0x110000)")),
    }
}

/// `_PyUnicode_FormatLong`: %d %i %u %o %x %X of an int (before padding).
fn format_long(v: &BigInt, alt: bool, prec: i64, conv: char) -> Result<String, FormatError> {
    if prec > i32::MAX as i64 - 3 {
        return Err(FormatError::overflow("precision too large"));
    }
    let (base, prefix) = match conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude().to_str_radix(base);
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut s = String::new();
    try_reserve(&mut s, digits.len().max(prec.max(0) as usize) + 3)?;
    if v.sign() == Sign::Minus {
        s.push('-');
    }
    if alt {
        s.push_str(prefix);
    }
    let nd = digits.len() as i64;
    for _ in nd..prec {
        s.push('0');
    }
    s.push_str(&digits);
    Ok(s)
}

/// %d %i %u %o %x %X of an int value. For non-int values the caller first
/// converts: int(v) for d/i/u (floats truncate), `__index__` for o/x/X.
pub fn percent_int(spec: &PercentSpec, v: &BigInt) -> Result<String, FormatError> {
    let s = format_long(v, spec.flags & F_ALT != 0, spec.prec, spec.conv)?;
    output(spec, &s, true)
}

/// %e %E %f %F %g %G of a float value.
pub fn percent_float(spec: &PercentSpec, x: f64) -> Result<String, FormatError> {
    let prec = if spec.prec < 0 { 6 } else { spec.prec };
    let flags = if spec.flags & F_ALT != 0 { DTSF_ALT } else { 0 };
    let s = try_double_to_string(x, spec.conv, prec, flags)?;
    output(spec, &s, true)
}
