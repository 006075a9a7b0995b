/* Pyrite: memoryview objects. */
#ifndef Py_MEMORYOBJECT_H
#define Py_MEMORYOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

#ifndef Py_LIMITED_API
PyAPI_DATA(PyTypeObject) _PyManagedBuffer_Type;
#endif
PyAPI_DATA(PyTypeObject) PyMemoryView_Type;

#define PyMemoryView_Check(op) Py_IS_TYPE((op), &PyMemoryView_Type)

#ifndef Py_LIMITED_API
/* The exporter's buffer, shared by every view made from it. */
typedef struct {
    PyObject_HEAD
    int flags;
    Py_ssize_t exports;
    Py_buffer master;
} _PyManagedBufferObject;

typedef struct {
    PyObject_VAR_HEAD
    _PyManagedBufferObject *mbuf;
    Py_hash_t hash;
    int flags;
    Py_ssize_t exports;
    Py_buffer view;
    PyObject *weakreflist;
    Py_ssize_t ob_array[1];
} PyMemoryViewObject;

#  define PyMemoryView_GET_BUFFER(op) (&((PyMemoryViewObject *)(op))->view)
#  define PyMemoryView_GET_BASE(op) (((PyMemoryViewObject *)(op))->view.obj)
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_MEMORYOBJECT_H */
