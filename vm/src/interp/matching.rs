//! Support for `match` statements: MATCH_KEYS and MATCH_CLASS.

use crate::err::{self, PyResult};
use crate::objects::{none, tuple, unicode};
use crate::objref::PyObj;

/// Values of `keys` in mapping `subject` as a tuple, or None if any is missing.
pub fn match_keys(subject: &PyObj, keys: &PyObj) -> PyResult {
    let ks = tuple::items(keys);
    if ks.is_empty() {
        return Ok(tuple::empty());
    }
    let get = crate::abstract_::getattr_str(subject, "get")?;
    let dummy = crate::objects::list::new_empty();
    let mut vals = Vec::with_capacity(ks.len());
    let mut seen: Vec<PyObj> = Vec::new();
    for k in ks {
        for s in &seen {
            if crate::abstract_::eq(s, k)? {
                return Err(err::value_error(format!(
                    "mapping pattern checks duplicate key ({})",
                    crate::abstract_::repr_string(k)?
                )));
            }
        }
        seen.push(k.clone());
        let v = crate::abstract_::call(&get, &[k.clone(), dummy.clone()], None)?;
        if v.is(&dummy) {
            return Ok(none::none());
        }
        vals.push(v);
    }
    Ok(tuple::new(vals))
}

/// Attributes for a class pattern: `nargs` positional (via __match_args__)
/// then the keyword names; None when the subject does not match.
pub fn match_class(subject: &PyObj, cls: &PyObj, nargs: usize, names: &PyObj) -> PyResult {
    if !crate::typeobj::is_type(cls) {
        return Err(err::type_error("called match pattern must be a type"));
    }
    if !crate::abstract_::isinstance(subject, cls)? {
        return Ok(none::none());
    }
    let clst = unsafe { crate::typeobj::as_type(cls) };
    let mut attrs: Vec<PyObj> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    if nargs > 0 {
        let match_args = crate::abstract_::getattr_str_opt(cls, "__match_args__")?;
        match match_args {
            Some(ma) => {
                if !tuple::is_tuple(&ma) {
                    return Err(err::type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        crate::typeobj::type_name(clst),
                        crate::typeobj::type_name(ma.ob_type())
                    )));
                }
                let items = tuple::items(&ma);
                if nargs > items.len() {
                    return Err(err::type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({} given)",
                        crate::typeobj::type_name(clst),
                        items.len(),
                        if items.len() == 1 { "" } else { "s" },
                        nargs
                    )));
                }
                for n in &items[..nargs] {
                    if !unicode::is_str(n) {
                        return Err(err::type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            crate::typeobj::type_name(n.ob_type())
                        )));
                    }
                    let s = unicode::to_string_lossy(n);
                    if seen.contains(&s) {
                        return Err(err::type_error(format!(
                            "{}() got multiple sub-patterns for attribute '{}'",
                            crate::typeobj::type_name(clst),
                            s
                        )));
                    }
                    seen.push(s);
                    match crate::abstract_::getattr_opt(subject, n)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(none::none()),
                    }
                }
            }
            None => {
                let self_match = unsafe { (*clst).tp_flags & crate::object::flags::MATCH_SELF != 0 };
                if self_match {
                    if nargs > 1 {
                        return Err(err::type_error(format!(
                            "{}() accepts 1 positional sub-pattern ({} given)",
                            crate::typeobj::type_name(clst),
                            nargs
                        )));
                    }
                    attrs.push(subject.clone());
                } else {
                    return Err(err::type_error(format!(
                        "{}() accepts 0 positional sub-patterns ({} given)",
                        crate::typeobj::type_name(clst),
                        nargs
                    )));
                }
            }
        }
    }
    for n in tuple::items(names) {
        let s = unicode::to_string_lossy(n);
        if seen.contains(&s) {
            return Err(err::type_error(format!(
                "{}() got multiple sub-patterns for attribute '{}'",
                crate::typeobj::type_name(clst),
                s
            )));
        }
        seen.push(s);
        match crate::abstract_::getattr_opt(subject, n)? {
            Some(v) => attrs.push(v),
            None => return Ok(none::none()),
        }
    }
    Ok(tuple::new(attrs))
}
