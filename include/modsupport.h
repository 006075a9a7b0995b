/* Pyrite: argument parsing, value building and module construction.
   Lengths of "#" format units are always Py_ssize_t, as if PY_SSIZE_T_CLEAN
   were defined (the only mode CPython 3.13 has). */
#ifndef Py_MODSUPPORT_H
#define Py_MODSUPPORT_H

#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(int) PyArg_Parse(PyObject *args, const char *format, ...);
PyAPI_FUNC(int) PyArg_ParseTuple(PyObject *args, const char *format, ...);
PyAPI_FUNC(int) PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw,
                                            const char *format, char **keywords, ...);
PyAPI_FUNC(int) PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min,
                                  Py_ssize_t max, ...);
PyAPI_FUNC(PyObject *) Py_BuildValue(const char *format, ...);

/* Adding attributes to a module. PyModule_AddObject steals the value's
   reference only on success; PyModule_AddObjectRef never steals. */
PyAPI_FUNC(int) PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value);
PyAPI_FUNC(int) PyModule_AddObject(PyObject *mod, const char *name, PyObject *value);
PyAPI_FUNC(int) PyModule_AddIntConstant(PyObject *mod, const char *name, long value);
PyAPI_FUNC(int) PyModule_AddStringConstant(PyObject *mod, const char *name,
                                           const char *value);
PyAPI_FUNC(int) PyModule_AddType(PyObject *mod, PyTypeObject *type);

#define PyModule_AddIntMacro(m, c) PyModule_AddIntConstant((m), #c, (c))
#define PyModule_AddStringMacro(m, c) PyModule_AddStringConstant((m), #c, (c))

/* Versions a module is built for, passed to PyModule_Create2 and
   PyModule_FromDefAndSpec2. */
#define PYTHON_API_VERSION 1013
#define PYTHON_API_STRING "1013"
#define PYTHON_ABI_VERSION 3
#define PYTHON_ABI_STRING "3"

PyAPI_FUNC(PyObject *) PyModule_Create2(PyModuleDef *def, int module_api_version);
PyAPI_FUNC(PyObject *) PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec,
                                                int module_api_version);

#ifdef Py_LIMITED_API
#  define PyModule_Create(module) PyModule_Create2((module), PYTHON_ABI_VERSION)
#  define PyModule_FromDefAndSpec(module, spec) \
    PyModule_FromDefAndSpec2((module), (spec), PYTHON_ABI_VERSION)
#else
#  define PyModule_Create(module) PyModule_Create2((module), PYTHON_API_VERSION)
#  define PyModule_FromDefAndSpec(module, spec) \
    PyModule_FromDefAndSpec2((module), (spec), PYTHON_API_VERSION)
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_MODSUPPORT_H */
