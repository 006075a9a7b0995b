/* Pyrite: importing modules from C. */
#ifndef Py_IMPORT_H
#define Py_IMPORT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(PyObject *) PyImport_ImportModule(const char *name);

#ifdef __cplusplus
}
#endif
#endif /* !Py_IMPORT_H */
