/* Pyrite: the types of Python functions, classmethod and staticmethod
   (their structs are private to the VM for now). */
#ifndef Py_FUNCOBJECT_H
#define Py_FUNCOBJECT_H
#ifndef Py_LIMITED_API

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyFunction_Type;
PyAPI_DATA(PyTypeObject) PyClassMethod_Type;
PyAPI_DATA(PyTypeObject) PyStaticMethod_Type;

#define PyFunction_Check(op) Py_IS_TYPE((op), &PyFunction_Type)

#ifdef __cplusplus
}
#endif
#endif /* !Py_LIMITED_API */
#endif /* !Py_FUNCOBJECT_H */
