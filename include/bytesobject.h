/* Pyrite: bytes objects. */
#ifndef Py_BYTESOBJECT_H
#define Py_BYTESOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyBytes_Type;
PyAPI_DATA(PyTypeObject) PyBytesIter_Type;

#define PyBytes_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
#define PyBytes_CheckExact(op) Py_IS_TYPE((op), &PyBytes_Type)

PyAPI_FUNC(PyObject *) PyBytes_FromStringAndSize(const char *v, Py_ssize_t len);
PyAPI_FUNC(PyObject *) PyBytes_FromString(const char *v);
PyAPI_FUNC(Py_ssize_t) PyBytes_Size(PyObject *o);
PyAPI_FUNC(char *) PyBytes_AsString(PyObject *o);

#ifndef Py_LIMITED_API
#  include "cpython/bytesobject.h"
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_BYTESOBJECT_H */
