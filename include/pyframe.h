/* Pyrite: the type of frame objects. */
#ifndef Py_PYFRAME_H
#define Py_PYFRAME_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyFrame_Type;

#define PyFrame_Check(op) Py_IS_TYPE((op), &PyFrame_Type)

#ifdef __cplusplus
}
#endif

#endif /* !Py_PYFRAME_H */
