/* Pyrite: the built-in function struct (non-limited API). */
#ifndef Py_CPYTHON_METHODOBJECT_H
#define Py_CPYTHON_METHODOBJECT_H

typedef struct {
    PyObject_HEAD
    PyMethodDef *m_ml;
    PyObject *m_self;
    PyObject *m_module;
    PyObject *m_weakreflist;
    vectorcallfunc vectorcall;
} PyCFunctionObject;

#define _PyCFunctionObject_CAST(func) ((PyCFunctionObject *)(func))

#define PyCFunction_GET_FUNCTION(func) (_PyCFunctionObject_CAST(func)->m_ml->ml_meth)
#define PyCFunction_GET_SELF(func) \
    (_PyCFunctionObject_CAST(func)->m_ml->ml_flags & METH_STATIC ? NULL : \
     _PyCFunctionObject_CAST(func)->m_self)
#define PyCFunction_GET_FLAGS(func) (_PyCFunctionObject_CAST(func)->m_ml->ml_flags)

#endif /* !Py_CPYTHON_METHODOBJECT_H */
