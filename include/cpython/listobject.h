/* Pyrite: the list struct and its unchecked accessors (non-limited API).
   ob_item points to `allocated` slots, of which ob_size are in use. */
#ifndef Py_CPYTHON_LISTOBJECT_H
#define Py_CPYTHON_LISTOBJECT_H

typedef struct {
    PyObject_VAR_HEAD
    PyObject **ob_item;
    Py_ssize_t allocated;
} PyListObject;

#define _PyList_CAST(op) ((PyListObject *)(op))

static inline Py_ssize_t _PyList_GET_SIZE(PyObject *op) {
    return Py_SIZE(op);
}
#define PyList_GET_SIZE(op) _PyList_GET_SIZE(_PyObject_CAST(op))

#define PyList_GET_ITEM(op, index) (_PyList_CAST(op)->ob_item[(index)])

/* Does not release the previous item: for filling a new list. */
static inline void _PyList_SET_ITEM(PyObject *op, Py_ssize_t index, PyObject *value) {
    _PyList_CAST(op)->ob_item[index] = value;
}
#define PyList_SET_ITEM(op, index, value) \
    _PyList_SET_ITEM(_PyObject_CAST(op), (index), _PyObject_CAST(value))

#endif /* !Py_CPYTHON_LISTOBJECT_H */
