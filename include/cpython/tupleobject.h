/* Pyrite: the tuple struct and its unchecked accessors (non-limited API). */
#ifndef Py_CPYTHON_TUPLEOBJECT_H
#define Py_CPYTHON_TUPLEOBJECT_H

typedef struct {
    PyObject_VAR_HEAD
    PyObject *ob_item[1];
} PyTupleObject;

#define _PyTuple_CAST(op) ((PyTupleObject *)(op))

static inline Py_ssize_t _PyTuple_GET_SIZE(PyObject *op) {
    return Py_SIZE(op);
}
#define PyTuple_GET_SIZE(op) _PyTuple_GET_SIZE(_PyObject_CAST(op))

#define PyTuple_GET_ITEM(op, index) (_PyTuple_CAST(op)->ob_item[(index)])

/* Only to fill a new tuple: does not release the previous item. */
static inline void _PyTuple_SET_ITEM(PyObject *op, Py_ssize_t index, PyObject *value) {
    _PyTuple_CAST(op)->ob_item[index] = value;
}
#define PyTuple_SET_ITEM(op, index, value) \
    _PyTuple_SET_ITEM(_PyObject_CAST(op), (index), _PyObject_CAST(value))

#endif /* !Py_CPYTHON_TUPLEOBJECT_H */
