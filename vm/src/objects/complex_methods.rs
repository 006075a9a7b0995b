//! Python-level behaviour of `complex`: construction, repr, arithmetic,
//! comparison, hashing and methods.

pub unsafe fn init_type() {}
