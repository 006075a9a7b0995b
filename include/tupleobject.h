/* Pyrite: tuple objects. */
#ifndef Py_TUPLEOBJECT_H
#define Py_TUPLEOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyTuple_Type;
PyAPI_DATA(PyTypeObject) PyTupleIter_Type;

#define PyTuple_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS)
#define PyTuple_CheckExact(op) Py_IS_TYPE((op), &PyTuple_Type)

PyAPI_FUNC(PyObject *) PyTuple_New(Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) PyTuple_Size(PyObject *p);
/* Borrowed reference; IndexError when out of range. */
PyAPI_FUNC(PyObject *) PyTuple_GetItem(PyObject *p, Py_ssize_t pos);
/* Steals the reference to o, even on failure. */
PyAPI_FUNC(int) PyTuple_SetItem(PyObject *p, Py_ssize_t pos, PyObject *o);
PyAPI_FUNC(PyObject *) PyTuple_Pack(Py_ssize_t n, ...);

#ifndef Py_LIMITED_API
#  include "cpython/tupleobject.h"
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_TUPLEOBJECT_H */
