//! Inline caches for attribute access on instances (LOAD_ATTR, STORE_ATTR,
//! LOAD_METHOD). A cache entry records what the generic lookup found for one
//! instruction, keyed by the instance type's version tag: any change to that
//! type or a base gives it a new tag, so a hit never needs the MRO walk.
//! Only types using the generic `__getattribute__`/`__setattr__` and
//! interned str names are cached; everything else takes the generic path.

use crate::object::*;
use crate::objects::{descr, dict, funcdescr, unicode};
use crate::objref::PyObj;
use crate::typeobj;
use std::cell::Cell;

#[derive(Clone, Copy, Default)]
pub struct AttrCache {
    /// The type's `tp_version_tag` when filled (0: empty).
    pub version: u32,
    pub kind: u32,
    /// DICT: entry index hint in the instance dict; SLOT: member offset.
    pub aux: usize,
    /// CLASS/METHOD: the class attribute; PROPERTY: the property (borrowed:
    /// the type dict keeps it alive while the version tag holds).
    pub descr: usize,
}

const EMPTY: u32 = 0;
/// The value is in the instance dict, and no data descriptor shadows it.
const DICT: u32 = 1;
/// A `__slots__` member (T_OBJECT_EX/T_OBJECT) at a fixed offset.
const SLOT: u32 = 2;
/// A class attribute without `__get__`, not shadowed by the instance dict.
const CLASS: u32 = 3;
/// A property whose getter is called with the instance.
const PROPERTY: u32 = 4;
/// A method descriptor, for LOAD_METHOD (unbound, with `self` pushed).
const METHOD: u32 = 5;
/// What the type has for this name cannot be cached (another descriptor
/// kind, a custom `__getattribute__`): the generic path runs without
/// trying to fill the entry again until the type changes.
const UNCACHEABLE: u32 = 6;

/// True when the entry already says this type's lookup is not cacheable.
#[inline(always)]
unsafe fn known_uncacheable(o: &PyObj, c: &Cell<AttrCache>) -> bool {
    let cc = c.get();
    cc.kind == UNCACHEABLE && cc.version == (*o.ob_type()).tp_version_tag
}

#[inline(always)]
unsafe fn mark_uncacheable(o: &PyObj, c: &Cell<AttrCache>) {
    let tag = (*o.ob_type()).tp_version_tag;
    if tag != 0 {
        c.set(AttrCache { version: tag, kind: UNCACHEABLE, aux: 0, descr: 0 });
    }
}

pub enum Load {
    Hit(PyObj),
    /// A property: call its getter (`fget` may be null: then not readable).
    Property(*mut funcdescr::PropertyObject),
    Miss,
}

#[inline(always)]
unsafe fn instance_dict(o: &PyObj) -> Option<&PyObj> {
    let dp = typeobj::dict_ptr(o.as_ptr());
    if dp.is_null() || (*dp).is_null() {
        return None;
    }
    Some(PyObj::borrow(&*dp))
}

#[inline(always)]
unsafe fn shadowed(o: &PyObj, name: &PyObj) -> bool {
    match instance_dict(o) {
        None => false,
        Some(d) => !dict::is_exact_dict(d) || dict::get_str(d, name).is_some(),
    }
}

/// LOAD_ATTR through the cache.
#[inline(always)]
pub unsafe fn load(o: &PyObj, name: &PyObj, c: &Cell<AttrCache>) -> Load {
    let cc = c.get();
    let tp = o.ob_type();
    if cc.kind == EMPTY || cc.version != (*tp).tp_version_tag {
        return Load::Miss;
    }
    match cc.kind {
        DICT => {
            let Some(d) = instance_dict(o) else { return Load::Miss };
            if !dict::is_exact_dict(d) {
                return Load::Miss;
            }
            if let Some(v) = dict::value_at_if_key(d, cc.aux, name.as_ptr()) {
                return Load::Hit(PyObj::from_borrowed(v));
            }
            match dict::str_entry_index(d, name) {
                Some(ix) => {
                    c.set(AttrCache { aux: ix, ..cc });
                    let v = dict::value_at_if_key(d, ix, name.as_ptr());
                    match v {
                        Some(v) => Load::Hit(PyObj::from_borrowed(v)),
                        None => Load::Miss,
                    }
                }
                None => Load::Miss,
            }
        }
        SLOT => {
            let p = *((o.as_ptr() as *mut u8).add(cc.aux) as *mut *mut PyObject);
            if p.is_null() {
                Load::Miss
            } else {
                Load::Hit(PyObj::from_borrowed(p))
            }
        }
        CLASS => {
            if shadowed(o, name) {
                Load::Miss
            } else {
                Load::Hit(PyObj::from_borrowed(cc.descr as *mut PyObject))
            }
        }
        PROPERTY => Load::Property(cc.descr as *mut funcdescr::PropertyObject),
        _ => Load::Miss,
    }
}

/// The cacheable descriptor for `name` on `o`'s type, with the type's tag.
#[inline]
unsafe fn cacheable(o: &PyObj, name: &PyObj, generic: usize, slot: Option<usize>) -> Option<(u32, Option<*mut PyObject>)> {
    let tp = o.ob_type();
    let tag = (*tp).tp_version_tag;
    if tag == 0 || slot != Some(generic) || !unicode::is_exact_str(name) || !unicode::is_interned(name) {
        return None;
    }
    Some((tag, typeobj::lookup_ptr(tp, name)))
}

/// The member definition behind a `__slots__` descriptor of object type.
unsafe fn object_member(d: *mut PyObject) -> Option<*mut PyMemberDef> {
    if (*d).ob_type != &raw mut descr::PyMemberDescr_Type {
        return None;
    }
    let m = (*(d as *mut descr::PyMemberDescrObject)).d_member;
    if (*m).type_ == descr::T_OBJECT_EX {
        Some(m)
    } else {
        None
    }
}

/// Records what LOAD_ATTR found (called on the generic path).
pub unsafe fn fill_load(o: &PyObj, name: &PyObj, c: &Cell<AttrCache>) {
    if known_uncacheable(o, c) {
        return;
    }
    let getattro = (*o.ob_type()).tp_getattro.map(|f| f as usize);
    let Some((tag, found)) = cacheable(o, name, typeobj::generic_getattro_slot as usize, getattro) else {
        mark_uncacheable(o, c);
        return;
    };
    let entry = |kind, aux, descr| AttrCache { version: tag, kind, aux, descr };
    if let Some(d) = found {
        let dt = (*d).ob_type;
        if (*dt).tp_descr_set.is_some() {
            if let Some(m) = object_member(d) {
                c.set(entry(SLOT, (*m).offset as usize, 0));
            } else if dt == &raw mut funcdescr::PyProperty_Type {
                c.set(entry(PROPERTY, 0, d as usize));
            } else {
                mark_uncacheable(o, c);
            }
            return;
        }
        if let Some(inst) = instance_dict(o) {
            if dict::is_exact_dict(inst) {
                if let Some(ix) = dict::str_entry_index(inst, name) {
                    c.set(entry(DICT, ix, 0));
                    return;
                }
            }
        }
        if (*dt).tp_descr_get.is_none() {
            c.set(entry(CLASS, 0, d as usize));
        } else {
            // A method or other non-data descriptor read with LOAD_ATTR.
            mark_uncacheable(o, c);
        }
        return;
    }
    if let Some(inst) = instance_dict(o) {
        if dict::is_exact_dict(inst) {
            if let Some(ix) = dict::str_entry_index(inst, name) {
                c.set(entry(DICT, ix, 0));
            }
        }
    }
}

/// LOAD_METHOD through the cache: the unbound method when it applies.
#[inline(always)]
pub unsafe fn load_method(o: &PyObj, name: &PyObj, c: &Cell<AttrCache>) -> Option<*mut PyObject> {
    let cc = c.get();
    if cc.kind != METHOD || cc.version != (*o.ob_type()).tp_version_tag || shadowed(o, name) {
        return None;
    }
    Some(cc.descr as *mut PyObject)
}

/// Records a method found by LOAD_METHOD's generic path.
pub unsafe fn fill_method(o: &PyObj, name: &PyObj, c: &Cell<AttrCache>) {
    let getattro = (*o.ob_type()).tp_getattro.map(|f| f as usize);
    let Some((tag, Some(d))) = cacheable(o, name, typeobj::generic_getattro_slot as usize, getattro) else { return };
    if (*(*d).ob_type).tp_flags & flags::METHOD_DESCRIPTOR != 0 {
        c.set(AttrCache { version: tag, kind: METHOD, aux: 0, descr: d as usize });
    }
}

/// STORE_ATTR through the cache; hands the value back on a miss.
#[inline(always)]
pub unsafe fn store(o: &PyObj, name: &PyObj, v: PyObj, c: &Cell<AttrCache>) -> Result<(), PyObj> {
    let cc = c.get();
    if cc.kind == EMPTY || cc.version != (*o.ob_type()).tp_version_tag {
        return Err(v);
    }
    match cc.kind {
        DICT => {
            let Some(d) = instance_dict(o) else { return Err(v) };
            if !dict::is_exact_dict(d) {
                return Err(v);
            }
            dict::replace_at_if_key(d, cc.aux, name.as_ptr(), v)
        }
        SLOT => {
            let p = (o.as_ptr() as *mut u8).add(cc.aux) as *mut *mut PyObject;
            let old = std::mem::replace(&mut *p, v.into_ptr());
            crate::objref::xdecref(old);
            Ok(())
        }
        _ => Err(v),
    }
}

/// Records where STORE_ATTR's generic path put the value.
pub unsafe fn fill_store(o: &PyObj, name: &PyObj, c: &Cell<AttrCache>) {
    let setattro = (*o.ob_type()).tp_setattro.map(|f| f as usize);
    let Some((tag, found)) = cacheable(o, name, typeobj::generic_setattro_slot as usize, setattro) else { return };
    let entry = |kind, aux| AttrCache { version: tag, kind, aux, descr: 0 };
    if let Some(d) = found {
        if (*(*d).ob_type).tp_descr_set.is_some() {
            if let Some(m) = object_member(d) {
                if (*m).flags & descr::READONLY == 0 {
                    c.set(entry(SLOT, (*m).offset as usize));
                }
            }
            return;
        }
    }
    if let Some(inst) = instance_dict(o) {
        if dict::is_exact_dict(inst) {
            if let Some(ix) = dict::str_entry_index(inst, name) {
                c.set(entry(DICT, ix));
            }
        }
    }
}
