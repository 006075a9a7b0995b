/* Pyrite: the complex struct (non-limited API). */
#ifndef Py_CPYTHON_COMPLEXOBJECT_H
#define Py_CPYTHON_COMPLEXOBJECT_H

typedef struct {
    double real;
    double imag;
} Py_complex;

typedef struct {
    PyObject_HEAD
    Py_complex cval;
} PyComplexObject;

#endif /* !Py_CPYTHON_COMPLEXOBJECT_H */
