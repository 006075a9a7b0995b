/* Pyrite: allocating and freeing objects, and cycle-GC support. */
#ifndef Py_OBJIMPL_H
#define Py_OBJIMPL_H

#include "pymem.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Memory for objects; objects allocated here are freed with PyObject_Free. */
PyAPI_FUNC(void *) PyObject_Malloc(size_t size);
PyAPI_FUNC(void *) PyObject_Realloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyObject_Free(void *ptr);

#define PyObject_MALLOC PyObject_Malloc
#define PyObject_REALLOC PyObject_Realloc
#define PyObject_FREE PyObject_Free
#define PyObject_Del PyObject_Free
#define PyObject_DEL PyObject_Free

/* Set the header of freshly allocated memory (refcount 1, type). */
PyAPI_FUNC(PyObject *) PyObject_Init(PyObject *op, PyTypeObject *type);
PyAPI_FUNC(PyVarObject *) PyObject_InitVar(PyVarObject *op, PyTypeObject *type,
                                           Py_ssize_t size);
#define PyObject_INIT(op, typeobj) PyObject_Init(_PyObject_CAST(op), (typeobj))
#define PyObject_INIT_VAR(op, typeobj, size) \
    PyObject_InitVar(_PyVarObject_CAST(op), (typeobj), (size))

/* Allocate and initialise an object of a type without GC support. */
PyAPI_FUNC(PyObject *) _PyObject_New(PyTypeObject *type);
PyAPI_FUNC(PyVarObject *) _PyObject_NewVar(PyTypeObject *type, Py_ssize_t n);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NewVar(type, typeobj, n) ((type *)_PyObject_NewVar((typeobj), (n)))
#define PyObject_NEW PyObject_New
#define PyObject_NEW_VAR PyObject_NewVar

/* Cycle-collector support for types with Py_TPFLAGS_HAVE_GC. */
PyAPI_FUNC(PyObject *) _PyObject_GC_New(PyTypeObject *type);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_NewVar(PyTypeObject *type, Py_ssize_t n);
PyAPI_FUNC(void) PyObject_GC_Track(void *op);
PyAPI_FUNC(void) PyObject_GC_UnTrack(void *op);
PyAPI_FUNC(void) PyObject_GC_Del(void *op);
#define PyObject_GC_New(type, typeobj) ((type *)_PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n) \
    ((type *)_PyObject_GC_NewVar((typeobj), (n)))

/* Inside a tp_traverse whose arguments are named visit and arg. */
#define Py_VISIT(op) \
    do { \
        if (op) { \
            int vret = visit(_PyObject_CAST(op), arg); \
            if (vret) \
                return vret; \
        } \
    } while (0)

#ifndef Py_LIMITED_API
/* Sizes of instances: basic size plus n items, rounded to pointer size. */
#  define _PyObject_SIZE(typeobj) ((typeobj)->tp_basicsize)
#  define _PyObject_VAR_SIZE(typeobj, nitems) \
    _Py_SIZE_ROUND_UP((typeobj)->tp_basicsize + (nitems) * (typeobj)->tp_itemsize, \
                      SIZEOF_VOID_P)
#  define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_OBJIMPL_H */
