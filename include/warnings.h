/* Pyrite: issuing warnings. */
#ifndef Py_WARNINGS_H
#define Py_WARNINGS_H

#ifdef __cplusplus
extern "C" {
#endif

/* 0 on success, -1 with an exception set (the warning became an error). */
PyAPI_FUNC(int) PyErr_WarnEx(PyObject *category, const char *message,
                             Py_ssize_t stack_level);

#ifdef __cplusplus
}
#endif
#endif /* !Py_WARNINGS_H */
