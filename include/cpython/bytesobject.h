/* Pyrite: the bytes struct and its unchecked accessors (non-limited API).
   ob_sval holds ob_size bytes followed by a NUL. */
#ifndef Py_CPYTHON_BYTESOBJECT_H
#define Py_CPYTHON_BYTESOBJECT_H

typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_shash;
    char ob_sval[1];
} PyBytesObject;

#define _PyBytes_CAST(op) ((PyBytesObject *)(op))

static inline char *_PyBytes_AS_STRING(PyObject *op) {
    return _PyBytes_CAST(op)->ob_sval;
}
#define PyBytes_AS_STRING(op) _PyBytes_AS_STRING(_PyObject_CAST(op))

static inline Py_ssize_t _PyBytes_GET_SIZE(PyObject *op) {
    return Py_SIZE(op);
}
#define PyBytes_GET_SIZE(op) _PyBytes_GET_SIZE(_PyObject_CAST(op))

#endif /* !Py_CPYTHON_BYTESOBJECT_H */
