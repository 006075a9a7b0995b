/* Pyrite: the head of the dict struct (non-limited API). The key table
   behind ma_keys is private to the VM: use the PyDict_* functions. */
#ifndef Py_CPYTHON_DICTOBJECT_H
#define Py_CPYTHON_DICTOBJECT_H

typedef struct _dictkeysobject PyDictKeysObject;
typedef struct _dictvalues PyDictValues;

typedef struct {
    PyObject_HEAD
    Py_ssize_t ma_used;
    uint64_t ma_version_tag;
    PyDictKeysObject *ma_keys;
    PyDictValues *ma_values;
} PyDictObject;

#define PyDict_GET_SIZE(mp) (((PyDictObject *)(mp))->ma_used)

#endif /* !Py_CPYTHON_DICTOBJECT_H */
