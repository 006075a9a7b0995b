/* Pyrite: set and frozenset objects. */
#ifndef Py_SETOBJECT_H
#define Py_SETOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PySet_Type;
PyAPI_DATA(PyTypeObject) PyFrozenSet_Type;
PyAPI_DATA(PyTypeObject) PySetIter_Type;

#define PyFrozenSet_CheckExact(ob) Py_IS_TYPE((ob), &PyFrozenSet_Type)
#define PyFrozenSet_Check(ob) \
    (Py_IS_TYPE((ob), &PyFrozenSet_Type) || \
     PyType_IsSubtype(Py_TYPE(ob), &PyFrozenSet_Type))
#define PySet_CheckExact(op) Py_IS_TYPE((op), &PySet_Type)
#define PySet_Check(ob) \
    (Py_IS_TYPE((ob), &PySet_Type) || PyType_IsSubtype(Py_TYPE(ob), &PySet_Type))
#define PyAnySet_CheckExact(ob) \
    (Py_IS_TYPE((ob), &PySet_Type) || Py_IS_TYPE((ob), &PyFrozenSet_Type))
#define PyAnySet_Check(ob) \
    (PyAnySet_CheckExact(ob) || PyType_IsSubtype(Py_TYPE(ob), &PySet_Type) || \
     PyType_IsSubtype(Py_TYPE(ob), &PyFrozenSet_Type))

#ifndef Py_LIMITED_API
/* The open-addressing table; small sets use the inline smalltable. */
#  define PySet_MINSIZE 8

typedef struct {
    PyObject *key;
    Py_hash_t hash;
} setentry;

typedef struct {
    PyObject_HEAD
    Py_ssize_t fill;
    Py_ssize_t used;
    Py_ssize_t mask;
    setentry *table;
    Py_hash_t hash;
    Py_ssize_t finger;
    setentry smalltable[PySet_MINSIZE];
    PyObject *weakreflist;
} PySetObject;

#  define PySet_GET_SIZE(so) (((PySetObject *)(so))->used)
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_SETOBJECT_H */
