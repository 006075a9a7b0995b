//! `_string`: the format-string parsers behind `string.Formatter`:
//! `formatter_parser` (literal text and replacement fields of a format
//! string) and `formatter_field_name_split` (a field name's first part and
//! its `.attr` / `[key]` accessors), with str.format's parsing rules.

use std::os::raw::c_void;
use vm::err::{self, PyResult};
use vm::object::*;
use vm::objects::unicode_methods::decimal_value;
use vm::objects::{boolobject, long, module, none, tuple, unicode};
use vm::objref::PyObj;

const LBRACE: u32 = '{' as u32;
const RBRACE: u32 = '}' as u32;
const LBRACKET: u32 = '[' as u32;
const RBRACKET: u32 = ']' as u32;
const DOT: u32 = '.' as u32;
const COLON: u32 = ':' as u32;
const BANG: u32 = '!' as u32;

/// Both iterator types: the string's code points and a position in them.
#[repr(C)]
pub struct ParseIterObject {
    pub ob_base: PyObject,
    pub text: *mut Vec<u32>,
    pub pos: usize,
}

pub static mut FORMATTER_ITER_TYPE: PyTypeObject =
    PyTypeObject::empty(b"formatteriterator\0", std::mem::size_of::<ParseIterObject>(), 0);
pub static mut FIELDNAME_ITER_TYPE: PyTypeObject =
    PyTypeObject::empty(b"fieldnameiterator\0", std::mem::size_of::<ParseIterObject>(), 0);

fn new_iter(tp: *mut PyTypeObject, text: Vec<u32>, pos: usize) -> PyResult {
    unsafe {
        let o = vm::typeobj::alloc_instance(tp);
        if o.is_null() {
            return Err(err::fetch());
        }
        let it = o as *mut ParseIterObject;
        (*it).text = Box::into_raw(Box::new(text));
        (*it).pos = pos;
        Ok(PyObj::from_owned(o))
    }
}

unsafe extern "C" fn iter_dealloc(o: *mut PyObject) {
    let it = o as *mut ParseIterObject;
    let t = std::mem::replace(&mut (*it).text, std::ptr::null_mut());
    if !t.is_null() {
        drop(Box::from_raw(t));
    }
    vm::alloc::tp_free(o);
}

fn codepoints(o: &PyObj) -> PyResult<Vec<u32>> {
    if !unicode::is_str(o) {
        return Err(err::type_error(format!("expected str, got {}", vm::typeobj::tp_name(o.ob_type()))));
    }
    Ok(unicode::data(o).to_vec())
}

/// The value of an all-decimal name part, or None (an empty part too).
fn get_integer(s: &[u32]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else { return Ok(None) };
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(err::value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as usize;
    }
    Ok(Some(acc))
}

// ---------------------------------------------------------------- formatter_parser

/// One step of the markup scan: Ok(None) at the end, else (literal,
/// field) where field is (name, spec, conversion).
type Field = (Vec<u32>, Option<Vec<u32>>, u32);

fn parse_field(f: &[u32], i: &mut usize) -> PyResult<Field> {
    let n = f.len();
    let name_start = *i;
    let mut c = 0;
    while *i < n {
        c = f[*i];
        *i += 1;
        match c {
            LBRACE => return Err(err::value_error("unexpected '{' in field name")),
            LBRACKET => {
                while *i < n && f[*i] != RBRACKET {
                    *i += 1;
                }
                continue;
            }
            RBRACE | COLON | BANG => break,
            _ => continue,
        }
    }
    if c != BANG && c != COLON && c != RBRACE {
        return Err(err::value_error("expected '}' before end of string"));
    }
    // The loop stopped just after the terminator.
    let name = f[name_start..*i - 1].to_vec();
    if c == RBRACE {
        return Ok((name, None, 0));
    }
    let mut conversion = 0;
    if c == BANG {
        if *i >= n {
            return Err(err::value_error("end of string while looking for conversion specifier"));
        }
        conversion = f[*i];
        *i += 1;
        if *i < n {
            let c2 = f[*i];
            *i += 1;
            if c2 == RBRACE {
                return Ok((name, None, conversion));
            }
            if c2 != COLON {
                return Err(err::value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *i;
    let mut count = 1;
    while *i < n {
        let c3 = f[*i];
        *i += 1;
        if c3 == LBRACE {
            count += 1;
        } else if c3 == RBRACE {
            count -= 1;
            if count == 0 {
                return Ok((name, Some(f[spec_start..*i - 1].to_vec()), conversion));
            }
        }
    }
    Err(err::value_error("unmatched '{' in format spec"))
}

fn markup_next(f: &[u32], i: &mut usize) -> PyResult<Option<(Vec<u32>, Option<Field>)>> {
    let n = f.len();
    if *i >= n {
        return Ok(None);
    }
    let start = *i;
    let mut c = 0;
    let mut markup = false;
    while *i < n {
        c = f[*i];
        *i += 1;
        if c == LBRACE || c == RBRACE {
            markup = true;
            break;
        }
    }
    let at_end = *i >= n;
    let mut len = *i - start;
    if markup && c == RBRACE && (at_end || f[*i] != RBRACE) {
        return Err(err::value_error("Single '}' encountered in format string"));
    }
    if markup && at_end && c == LBRACE {
        return Err(err::value_error("Single '{' encountered in format string"));
    }
    if markup && !at_end {
        if f[*i] == c {
            // A doubled brace: the literal keeps one, no field follows.
            *i += 1;
            markup = false;
        } else {
            len -= 1;
        }
    }
    let literal = f[start..start + len].to_vec();
    if !markup {
        return Ok(Some((literal, None)));
    }
    let field = parse_field(f, i)?;
    Ok(Some((literal, Some(field))))
}

unsafe extern "C" fn formatter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut ParseIterObject;
    if (*it).text.is_null() {
        return std::ptr::null_mut();
    }
    let text = &*(*it).text;
    let mut pos = (*it).pos;
    let r = markup_next(text, &mut pos);
    (*it).pos = pos;
    match r {
        Ok(None) => std::ptr::null_mut(),
        Ok(Some((lit, field))) => {
            let lit = unicode::from_codepoints(&lit);
            let t = match field {
                None => tuple::new(vec![lit, none::none(), none::none(), none::none()]),
                Some((name, spec, conv)) => tuple::new(vec![
                    lit,
                    unicode::from_codepoints(&name),
                    unicode::from_codepoints(spec.as_deref().unwrap_or(&[])),
                    if conv == 0 { none::none() } else { unicode::from_char(conv) },
                ]),
            };
            t.into_ptr()
        }
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

vm::onearg!(formatter_parser, |slf, s| {
    let cps = codepoints(s.unwrap())?;
    new_iter(&raw mut FORMATTER_ITER_TYPE, cps, 0)
});

// ---------------------------------------------------------------- formatter_field_name_split

fn fieldname_step(f: &[u32], i: &mut usize) -> PyResult<Option<PyObj>> {
    let n = f.len();
    if *i >= n {
        return Ok(None);
    }
    let c = f[*i];
    *i += 1;
    let (is_attr, name) = match c {
        DOT => {
            let s = *i;
            while *i < n && f[*i] != DOT && f[*i] != LBRACKET {
                *i += 1;
            }
            (true, &f[s..*i])
        }
        LBRACKET => {
            let s = *i;
            while *i < n && f[*i] != RBRACKET {
                *i += 1;
            }
            if *i >= n {
                return Err(err::value_error("Missing ']' in format string"));
            }
            *i += 1;
            (false, &f[s..*i - 1])
        }
        _ => {
            return Err(err::value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    };
    let idx = if is_attr { None } else { get_integer(name)? };
    if name.is_empty() {
        return Err(err::value_error("Empty attribute in format string"));
    }
    let key = match idx {
        Some(v) => long::from_usize(v),
        None => unicode::from_codepoints(name),
    };
    Ok(Some(tuple::pair(boolobject::new(is_attr), key)))
}

unsafe extern "C" fn fieldname_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut ParseIterObject;
    if (*it).text.is_null() {
        return std::ptr::null_mut();
    }
    let text = &*(*it).text;
    let mut pos = (*it).pos;
    let r = fieldname_step(text, &mut pos);
    (*it).pos = pos;
    match r {
        Ok(Some(v)) => v.into_ptr(),
        Ok(None) => std::ptr::null_mut(),
        Err(e) => {
            err::restore(e);
            std::ptr::null_mut()
        }
    }
}

vm::onearg!(formatter_field_name_split, |slf, s| {
    let cps = codepoints(s.unwrap())?;
    let first_end = cps.iter().position(|&c| c == DOT || c == LBRACKET).unwrap_or(cps.len());
    let first = match get_integer(&cps[..first_end])? {
        Some(v) => long::from_usize(v),
        None => unicode::from_codepoints(&cps[..first_end]),
    };
    let it = new_iter(&raw mut FIELDNAME_ITER_TYPE, cps, first_end)?;
    Ok(tuple::pair(first, it))
});

static mut READY: bool = false;

pub fn init() -> PyResult<PyObj> {
    unsafe {
        if !READY {
            for (t, next) in [
                (&raw mut FORMATTER_ITER_TYPE, formatter_next as iternextfunc),
                (&raw mut FIELDNAME_ITER_TYPE, fieldname_next as iternextfunc),
            ] {
                (*t).tp_dealloc = Some(iter_dealloc);
                (*t).tp_iter = Some(vm::objects::iterobject::self_iter);
                (*t).tp_iternext = Some(next);
                vm::typeobj::ready(t)?;
            }
            READY = true;
        }
    }
    let m = module::new("_string");
    vm::sysmodule::add_functions(&m, &[
        ("formatter_parser", formatter_parser as *const c_void, meth::O),
        ("formatter_field_name_split", formatter_field_name_split as *const c_void, meth::O),
    ]);
    vm::abstract_::setattr_str(&m, "__doc__", unicode::new("string helper module"))?;
    Ok(m)
}
