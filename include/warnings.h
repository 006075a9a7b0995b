/* Pyrite: issuing warnings. */
#ifndef Py_WARNINGS_H
#define Py_WARNINGS_H

#ifdef __cplusplus
extern "C" {
#endif

/* 0 on success, -1 with an exception set (the warning became an error). */
PyAPI_FUNC(int) PyErr_WarnEx(PyObject *category, const char *message,
                             Py_ssize_t stack_level);

PyAPI_FUNC(int) PyErr_WarnExplicit(PyObject *category, const char *message, const char *filename, int lineno, const char *module, PyObject *registry);

PyAPI_FUNC(int) PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...);

#ifdef __cplusplus
}
#endif
#endif /* !Py_WARNINGS_H */
