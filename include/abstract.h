/* Pyrite: the abstract object protocols: calling, items, iteration,
   numbers and sequences. */
#ifndef Py_ABSTRACTOBJECT_H
#define Py_ABSTRACTOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

/* Calling. args is a tuple, kwargs a dict or NULL. */
PyAPI_FUNC(PyObject *) PyObject_Call(PyObject *callable, PyObject *args,
                                     PyObject *kwargs);
PyAPI_FUNC(PyObject *) PyObject_CallObject(PyObject *callable, PyObject *args);
PyAPI_FUNC(PyObject *) PyObject_CallNoArgs(PyObject *func);
/* The variadic calls take a NULL-ended list of arguments. */
PyAPI_FUNC(PyObject *) PyObject_CallFunctionObjArgs(PyObject *callable, ...);
PyAPI_FUNC(PyObject *) PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...);

/* Items and length. */
/* The *_Length names are also functions, for the ABI (as in CPython);
   the macros make C code call *_Size. */
PyAPI_FUNC(Py_ssize_t) PyObject_Size(PyObject *o);
PyAPI_FUNC(Py_ssize_t) PyObject_Length(PyObject *o);
#define PyObject_Length PyObject_Size
PyAPI_FUNC(PyObject *) PyObject_GetItem(PyObject *o, PyObject *key);
PyAPI_FUNC(int) PyObject_SetItem(PyObject *o, PyObject *key, PyObject *v);

/* Iteration: PyIter_Next returns NULL at the end without an exception. */
PyAPI_FUNC(PyObject *) PyObject_GetIter(PyObject *o);
PyAPI_FUNC(PyObject *) PyIter_Next(PyObject *iter);

PyAPI_FUNC(int) PyObject_IsInstance(PyObject *object, PyObject *typeorclass);
PyAPI_FUNC(int) PyObject_IsSubclass(PyObject *object, PyObject *typeorclass);

/* Numbers. */
PyAPI_FUNC(PyObject *) PyNumber_Add(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_Subtract(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_Multiply(PyObject *o1, PyObject *o2);
PyAPI_FUNC(PyObject *) PyNumber_Index(PyObject *o);
PyAPI_FUNC(PyObject *) PyNumber_Long(PyObject *o);
PyAPI_FUNC(PyObject *) PyNumber_Float(PyObject *o);

/* Sequences. PySequence_Fast gives a list or tuple with the items of o
   (o itself when it already is one), or raises TypeError with message m. */
PyAPI_FUNC(int) PySequence_Check(PyObject *o);
PyAPI_FUNC(Py_ssize_t) PySequence_Size(PyObject *o);
PyAPI_FUNC(Py_ssize_t) PySequence_Length(PyObject *o);
#define PySequence_Length PySequence_Size
PyAPI_FUNC(PyObject *) PySequence_GetItem(PyObject *o, Py_ssize_t i);
PyAPI_FUNC(PyObject *) PySequence_Fast(PyObject *o, const char *m);

#ifndef Py_LIMITED_API
#  include "cpython/abstract.h"
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_ABSTRACTOBJECT_H */
