/* Pyrite: the float struct and its unchecked accessor (non-limited API). */
#ifndef Py_CPYTHON_FLOATOBJECT_H
#define Py_CPYTHON_FLOATOBJECT_H

typedef struct {
    PyObject_HEAD
    double ob_fval;
} PyFloatObject;

#define _PyFloat_CAST(op) ((PyFloatObject *)(op))

static inline double _PyFloat_AS_DOUBLE(PyObject *op) {
    return _PyFloat_CAST(op)->ob_fval;
}
#define PyFloat_AS_DOUBLE(op) _PyFloat_AS_DOUBLE(_PyObject_CAST(op))

#endif /* !Py_CPYTHON_FLOATOBJECT_H */
