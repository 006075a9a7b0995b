/* Pyrite: raw and object memory allocators. */
#ifndef Py_PYMEM_H
#define Py_PYMEM_H

#include "pyport.h"

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(void *) PyMem_Malloc(size_t size);
PyAPI_FUNC(void *) PyMem_Realloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyMem_Free(void *ptr);

/* Typed helpers: n items of `type`, NULL when the byte count overflows. */
#define PyMem_New(type, n) \
    ((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type) ? NULL : \
     ((type *)PyMem_Malloc((n) * sizeof(type))))
#define PyMem_Resize(p, type, n) \
    ((p) = ((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type)) ? NULL : \
     (type *)PyMem_Realloc((p), (n) * sizeof(type)))
#define PyMem_Del PyMem_Free
#define PyMem_DEL PyMem_Free
#define PyMem_MALLOC PyMem_Malloc
#define PyMem_REALLOC PyMem_Realloc
#define PyMem_FREE PyMem_Free
#define PyMem_NEW PyMem_New
#define PyMem_RESIZE PyMem_Resize

#ifdef __cplusplus
}
#endif
#endif /* !Py_PYMEM_H */
