/* Pyrite: the sequence and callable iterators of iter(). */
#ifndef Py_ITEROBJECT_H
#define Py_ITEROBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PySeqIter_Type;
PyAPI_DATA(PyTypeObject) PyCallIter_Type;
#ifndef Py_LIMITED_API
PyAPI_DATA(PyTypeObject) _PyAnextAwaitable_Type;
#endif

#define PySeqIter_Check(op) Py_IS_TYPE((op), &PySeqIter_Type)
#define PyCallIter_Check(op) Py_IS_TYPE((op), &PyCallIter_Type)

#ifdef __cplusplus
}
#endif
#endif /* !Py_ITEROBJECT_H */
