/* Pyrite: the weak reference and proxy types. */
#ifndef Py_WEAKREFOBJECT_H
#define Py_WEAKREFOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) _PyWeakref_RefType;
PyAPI_DATA(PyTypeObject) _PyWeakref_ProxyType;
PyAPI_DATA(PyTypeObject) _PyWeakref_CallableProxyType;

#define PyWeakref_CheckRefExact(op) Py_IS_TYPE((op), &_PyWeakref_RefType)
#define PyWeakref_CheckRef(op) PyObject_TypeCheck((op), &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op) \
    (Py_IS_TYPE((op), &_PyWeakref_ProxyType) || \
     Py_IS_TYPE((op), &_PyWeakref_CallableProxyType))
#define PyWeakref_Check(op) (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))

/* Called by the deallocator of a type with tp_weaklistoffset: clears the
   weak references to the dying object and runs their callbacks. */
PyAPI_FUNC(void) PyObject_ClearWeakRefs(PyObject *);

#ifdef __cplusplus
}
#endif

#endif /* !Py_WEAKREFOBJECT_H */
