/* Pyrite: slice objects and Ellipsis. */
#ifndef Py_SLICEOBJECT_H
#define Py_SLICEOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyObject) _Py_EllipsisObject;
#define Py_Ellipsis (&_Py_EllipsisObject)

#ifndef Py_LIMITED_API
typedef struct {
    PyObject_HEAD
    PyObject *start, *stop, *step;
} PySliceObject;
#endif

PyAPI_DATA(PyTypeObject) PySlice_Type;
PyAPI_DATA(PyTypeObject) PyEllipsis_Type;

#define PySlice_Check(op) Py_IS_TYPE((op), &PySlice_Type)

#ifdef __cplusplus
}
#endif
#endif /* !Py_SLICEOBJECT_H */
