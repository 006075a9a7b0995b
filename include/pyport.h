/* Pyrite: basic types, limits and the export/visibility macros. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include "pyconfig.h"
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <time.h>

/* Functions and data come from the pyrite executable, which exports them. */
#define Py_EXPORTED_SYMBOL __attribute__((visibility("default")))
#define Py_IMPORTED_SYMBOL __attribute__((visibility("default")))
#define Py_LOCAL_SYMBOL __attribute__((visibility("hidden")))

#define PyAPI_FUNC(RTYPE) Py_IMPORTED_SYMBOL RTYPE
#define PyAPI_DATA(RTYPE) extern Py_IMPORTED_SYMBOL RTYPE

/* The init function of an extension module: found by name with dlsym. */
#ifdef __cplusplus
#  define PyMODINIT_FUNC extern "C" Py_EXPORTED_SYMBOL PyObject *
#else
#  define PyMODINIT_FUNC Py_EXPORTED_SYMBOL PyObject *
#endif

#define Py_LOCAL(type) static type
#define Py_LOCAL_INLINE(type) static inline type

#define Py_DEPRECATED(version) __attribute__((__deprecated__))
#define Py_ALWAYS_INLINE __attribute__((always_inline))
#define Py_NO_INLINE __attribute__((noinline))
#define _Py_NO_RETURN __attribute__((__noreturn__))
#define Py_GCC_ATTRIBUTE(x) __attribute__(x)

#ifdef __cplusplus
#  define _Py_STATIC_CAST(type, expr) static_cast<type>(expr)
#  define _Py_CAST(type, expr) ((type)(expr))
#else
#  define _Py_STATIC_CAST(type, expr) ((type)(expr))
#  define _Py_CAST(type, expr) ((type)(expr))
#endif
#define _Py_NULL NULL

#define PY_LONG_LONG long long
#define PY_LLONG_MIN LLONG_MIN
#define PY_LLONG_MAX LLONG_MAX
#define PY_ULLONG_MAX ULLONG_MAX

#define PY_UINT32_T uint32_t
#define PY_UINT64_T uint64_t
#define PY_INT32_T int32_t
#define PY_INT64_T int64_t

typedef uintptr_t Py_uintptr_t;
typedef intptr_t Py_intptr_t;

/* Signed size type: lengths, indices and reference counts. */
typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
typedef Py_ssize_t Py_ssize_clean_t;

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)
#define PY_SIZE_MAX SIZE_MAX

#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) ((NARROW)(VALUE))

#define Py_IS_NAN(X) isnan(X)
#define Py_IS_INFINITY(X) isinf(X)
#define Py_IS_FINITE(X) isfinite(X)

#endif /* !Py_PYPORT_H */
