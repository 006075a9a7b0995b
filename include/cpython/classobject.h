/* Pyrite: the type of bound methods. */
#ifndef Py_CLASSOBJECT_H
#define Py_CLASSOBJECT_H
#ifndef Py_LIMITED_API

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyMethod_Type;

#define PyMethod_Check(op) Py_IS_TYPE((op), &PyMethod_Type)

#ifdef __cplusplus
}
#endif
#endif /* !Py_LIMITED_API */
#endif /* !Py_CLASSOBJECT_H */
