/* Pyrite: the bytearray struct (non-limited API). The bytes start at
   ob_start inside the ob_bytes block of ob_alloc bytes. */
#ifndef Py_CPYTHON_BYTEARRAYOBJECT_H
#define Py_CPYTHON_BYTEARRAYOBJECT_H

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t ob_alloc;
    char *ob_bytes;
    char *ob_start;
    Py_ssize_t ob_exports;
} PyByteArrayObject;


#define _PyByteArray_CAST(op) ((PyByteArrayObject *)(op))

static inline Py_ssize_t _PyByteArray_GET_SIZE(PyObject *op) {
    return Py_SIZE(op);
}
#define PyByteArray_GET_SIZE(op) _PyByteArray_GET_SIZE(_PyObject_CAST(op))

#endif /* !Py_CPYTHON_BYTEARRAYOBJECT_H */
