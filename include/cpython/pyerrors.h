/* Pyrite: the base exception struct (non-limited API). */
#ifndef Py_CPYTHON_ERRORS_H
#define Py_CPYTHON_ERRORS_H

#define PyException_HEAD \
    PyObject_HEAD \
    PyObject *dict; \
    PyObject *args; \
    PyObject *notes; \
    PyObject *traceback; \
    PyObject *context; \
    PyObject *cause; \
    char suppress_context;

typedef struct {
    PyException_HEAD
} PyBaseExceptionObject;

#endif /* !Py_CPYTHON_ERRORS_H */
