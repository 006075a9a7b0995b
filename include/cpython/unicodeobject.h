/* Pyrite: the str structs (PEP 393) and their unchecked accessors
   (non-limited API). Every Pyrite string is "ready". Exact str objects are
   compact: the characters follow the struct (PyASCIIObject for ASCII text,
   PyCompactUnicodeObject otherwise); instances of str subclasses may be
   non-compact, with the characters in a separate block (data.any). */
#ifndef Py_CPYTHON_UNICODEOBJECT_H
#define Py_CPYTHON_UNICODEOBJECT_H

typedef struct {
    PyObject_HEAD
    Py_ssize_t length;
    Py_hash_t hash;
    struct {
        unsigned int interned:2;
        unsigned int kind:3;
        unsigned int compact:1;
        unsigned int ascii:1;
        unsigned int ready:1;
        unsigned int :24;
    } state;
    wchar_t *wstr;
} PyASCIIObject;

typedef struct {
    PyASCIIObject _base;
    Py_ssize_t utf8_length;
    char *utf8;
    Py_ssize_t wstr_length;
} PyCompactUnicodeObject;

typedef struct {
    PyCompactUnicodeObject _base;
    union {
        void *any;
        Py_UCS1 *latin1;
        Py_UCS2 *ucs2;
        Py_UCS4 *ucs4;
    } data;
} PyUnicodeObject;

#define SSTATE_NOT_INTERNED 0
#define SSTATE_INTERNED_MORTAL 1
#define SSTATE_INTERNED_IMMORTAL 2

#define _PyASCIIObject_CAST(op) ((PyASCIIObject *)(op))
#define _PyCompactUnicodeObject_CAST(op) ((PyCompactUnicodeObject *)(op))
#define _PyUnicodeObject_CAST(op) ((PyUnicodeObject *)(op))

#define PyUnicode_CHECK_INTERNED(op) (_PyASCIIObject_CAST(op)->state.interned)

static inline unsigned int _PyUnicode_IS_READY(PyObject *op) {
    return _PyASCIIObject_CAST(op)->state.ready;
}
#define PyUnicode_IS_READY(op) _PyUnicode_IS_READY(_PyObject_CAST(op))

/* Pyrite never creates a string that is not ready. */
#define PyUnicode_READY(op) ((void)(op), 0)

static inline unsigned int _PyUnicode_IS_ASCII(PyObject *op) {
    return _PyASCIIObject_CAST(op)->state.ascii;
}
#define PyUnicode_IS_ASCII(op) _PyUnicode_IS_ASCII(_PyObject_CAST(op))

static inline unsigned int _PyUnicode_IS_COMPACT(PyObject *op) {
    return _PyASCIIObject_CAST(op)->state.compact;
}
#define PyUnicode_IS_COMPACT(op) _PyUnicode_IS_COMPACT(_PyObject_CAST(op))

static inline int _PyUnicode_IS_COMPACT_ASCII(PyObject *op) {
    return _PyASCIIObject_CAST(op)->state.ascii && PyUnicode_IS_COMPACT(op);
}
#define PyUnicode_IS_COMPACT_ASCII(op) _PyUnicode_IS_COMPACT_ASCII(_PyObject_CAST(op))

enum PyUnicode_Kind {
    PyUnicode_WCHAR_KIND = 0,
    PyUnicode_1BYTE_KIND = 1,
    PyUnicode_2BYTE_KIND = 2,
    PyUnicode_4BYTE_KIND = 4
};

#define PyUnicode_KIND(op) (_PyASCIIObject_CAST(op)->state.kind)

static inline void *_PyUnicode_COMPACT_DATA(PyObject *op) {
    if (PyUnicode_IS_ASCII(op)) {
        return (void *)(_PyASCIIObject_CAST(op) + 1);
    }
    return (void *)(_PyCompactUnicodeObject_CAST(op) + 1);
}

static inline void *_PyUnicode_NONCOMPACT_DATA(PyObject *op) {
    return _PyUnicodeObject_CAST(op)->data.any;
}

static inline void *_PyUnicode_DATA(PyObject *op) {
    if (PyUnicode_IS_COMPACT(op)) {
        return _PyUnicode_COMPACT_DATA(op);
    }
    return _PyUnicode_NONCOMPACT_DATA(op);
}
#define PyUnicode_DATA(op) _PyUnicode_DATA(_PyObject_CAST(op))

#define PyUnicode_1BYTE_DATA(op) ((Py_UCS1 *)PyUnicode_DATA(op))
#define PyUnicode_2BYTE_DATA(op) ((Py_UCS2 *)PyUnicode_DATA(op))
#define PyUnicode_4BYTE_DATA(op) ((Py_UCS4 *)PyUnicode_DATA(op))

static inline Py_ssize_t _PyUnicode_GET_LENGTH(PyObject *op) {
    return _PyASCIIObject_CAST(op)->length;
}
#define PyUnicode_GET_LENGTH(op) _PyUnicode_GET_LENGTH(_PyObject_CAST(op))

/* Store a code point; only on strings just made and not yet shared. */
static inline void _PyUnicode_WRITE(int kind, void *data, Py_ssize_t index,
                                    Py_UCS4 value) {
    if (kind == PyUnicode_1BYTE_KIND) {
        ((Py_UCS1 *)data)[index] = (Py_UCS1)value;
    } else if (kind == PyUnicode_2BYTE_KIND) {
        ((Py_UCS2 *)data)[index] = (Py_UCS2)value;
    } else {
        ((Py_UCS4 *)data)[index] = value;
    }
}
#define PyUnicode_WRITE(kind, data, index, value) \
    _PyUnicode_WRITE((int)(kind), (void *)(data), (index), (Py_UCS4)(value))

static inline Py_UCS4 _PyUnicode_READ(int kind, const void *data, Py_ssize_t index) {
    if (kind == PyUnicode_1BYTE_KIND) {
        return ((const Py_UCS1 *)data)[index];
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        return ((const Py_UCS2 *)data)[index];
    }
    return ((const Py_UCS4 *)data)[index];
}
#define PyUnicode_READ(kind, data, index) \
    _PyUnicode_READ((int)(kind), (const void *)(data), (index))

static inline Py_UCS4 _PyUnicode_READ_CHAR(PyObject *op, Py_ssize_t index) {
    return _PyUnicode_READ((int)PyUnicode_KIND(op), PyUnicode_DATA(op), index);
}
#define PyUnicode_READ_CHAR(op, index) _PyUnicode_READ_CHAR(_PyObject_CAST(op), (index))

/* Largest code point the string's kind can hold. */
static inline Py_UCS4 _PyUnicode_MAX_CHAR_VALUE(PyObject *op) {
    if (PyUnicode_IS_ASCII(op)) {
        return 0x7fU;
    }
    if (PyUnicode_KIND(op) == PyUnicode_1BYTE_KIND) {
        return 0xffU;
    }
    if (PyUnicode_KIND(op) == PyUnicode_2BYTE_KIND) {
        return 0xffffU;
    }
    return 0x10ffffU;
}
#define PyUnicode_MAX_CHAR_VALUE(op) _PyUnicode_MAX_CHAR_VALUE(_PyObject_CAST(op))

/* UTF-8 of the string, cached on it; NULL with an exception on failure. */
PyAPI_FUNC(const char *) PyUnicode_AsUTF8(PyObject *unicode);

#endif /* !Py_CPYTHON_UNICODEOBJECT_H */
