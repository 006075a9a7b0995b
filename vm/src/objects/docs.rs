//! Docstrings of built-in objects: look-ups in the table generated from
//! CPython 3.11 (`docstrings.rs`), and the split of an internal doc
//! ("name(sig)\n--\n\ntext") into `__doc__` and `__text_signature__`, as
//! CPython's `_PyType_GetDocFromInternalDoc` and
//! `_PyType_GetTextSignatureFromInternalDoc` do.

use super::docstrings::{BUILTIN_FUNCTION_DOCS, MEMBER_DOCS, SLOT_DOCS, TYPE_DOCS};
use crate::objects::{none, unicode};
use crate::objref::PyObj;
use std::ffi::CStr;
use std::os::raw::c_char;

const END_MARKER: &str = ")\n--\n\n";

fn find2(table: &'static [(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    table.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| table[i].1)
}

/// The NUL-terminated internal doc of built-in type `name` (its tp_name).
pub fn type_doc(name: &str) -> Option<*const c_char> {
    find2(TYPE_DOCS, name).map(|d| d.as_ptr() as *const c_char)
}

/// The internal doc of attribute `attr` of built-in type `tp_name`.
pub fn member_doc(tp_name: &str, attr: &str) -> Option<*const c_char> {
    MEMBER_DOCS
        .binary_search_by(|(t, a, _)| (*t, *a).cmp(&(tp_name, attr)))
        .ok()
        .map(|i| MEMBER_DOCS[i].2.as_ptr() as *const c_char)
}

/// The internal doc of the slot wrapper `name` (`__add__`, ...).
pub fn slot_doc(name: &str) -> Option<&'static str> {
    find2(SLOT_DOCS, name).map(|d| d.trim_end_matches('\0'))
}

/// The internal doc of function `name` of the builtins module.
pub fn builtin_function_doc(name: &str) -> Option<*const c_char> {
    find2(BUILTIN_FUNCTION_DOCS, name).map(|d| d.as_ptr() as *const c_char)
}

/// Splits an internal doc into (text signature, doc text). `name` is the
/// object's name; a signature counts only when the doc starts "name(".
pub fn split(name: &str, doc: &str) -> (Option<String>, String) {
    let short = name.rsplit('.').next().unwrap_or(name);
    if let Some(rest) = doc.strip_prefix(short) {
        if rest.starts_with('(') {
            if let Some(end) = rest.find(END_MARKER) {
                let sig = &rest[..end + 1];
                return (Some(sig.to_string()), rest[end + END_MARKER.len()..].to_string());
            }
        }
    }
    (None, doc.to_string())
}

fn c_text(doc: *const c_char) -> Option<String> {
    if doc.is_null() {
        None
    } else {
        Some(unsafe { CStr::from_ptr(doc) }.to_string_lossy().into_owned())
    }
}

/// `__doc__` of an object named `name` with internal doc `doc`.
pub fn doc_object(name: &str, doc: Option<&str>) -> PyObj {
    match doc.map(|d| split(name, d).1) {
        Some(t) if !t.is_empty() => unicode::new(&t),
        _ => none::none(),
    }
}

/// `__text_signature__` of an object named `name` with internal doc `doc`.
pub fn text_signature_object(name: &str, doc: Option<&str>) -> PyObj {
    match doc.and_then(|d| split(name, d).0) {
        Some(s) => unicode::new(&s),
        None => none::none(),
    }
}

/// As `doc_object`, from a C doc pointer (tp_doc, ml_doc).
pub fn doc_from_c(name: &str, doc: *const c_char) -> PyObj {
    doc_object(name, c_text(doc).as_deref())
}

pub fn text_signature_from_c(name: &str, doc: *const c_char) -> PyObj {
    text_signature_object(name, c_text(doc).as_deref())
}
