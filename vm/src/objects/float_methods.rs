//! Python-level behaviour of `float`: construction, repr, arithmetic,
//! comparison, hashing and methods.

pub unsafe fn init_type() {}
