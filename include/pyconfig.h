/* Pyrite: platform facts for x86-64 Linux (the only target for now). */
#ifndef Py_PYCONFIG_H
#define Py_PYCONFIG_H

#if !defined(__x86_64__) || !defined(__linux__)
#  error "Pyrite's headers describe x86-64 Linux only"
#endif

/* Feature-test macros: Python.h comes first in an extension, so these give
   it the full POSIX/GNU C library declarations, as CPython's do. */
#ifndef _GNU_SOURCE
#  define _GNU_SOURCE 1
#endif
#ifndef _POSIX_C_SOURCE
#  define _POSIX_C_SOURCE 200809L
#endif
#ifndef _XOPEN_SOURCE
#  define _XOPEN_SOURCE 700
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#  define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef _FILE_OFFSET_BITS
#  define _FILE_OFFSET_BITS 64
#endif
#ifndef _LARGEFILE_SOURCE
#  define _LARGEFILE_SOURCE 1
#endif

#define SIZEOF_SHORT 2
#define SIZEOF_INT 4
#define SIZEOF_LONG 8
#define SIZEOF_LONG_LONG 8
#define SIZEOF_FLOAT 4
#define SIZEOF_DOUBLE 8
#define SIZEOF_LONG_DOUBLE 16
#define SIZEOF_VOID_P 8
#define SIZEOF_SIZE_T 8
#define SIZEOF_TIME_T 8
#define SIZEOF_OFF_T 8
#define SIZEOF_PID_T 4
#define SIZEOF_WCHAR_T 4
#define SIZEOF__BOOL 1
#define SIZEOF_UINTPTR_T 8
#define ALIGNOF_LONG 8
#define ALIGNOF_SIZE_T 8

#define HAVE_STDARG_PROTOTYPES 1
#define HAVE_UNISTD_H 1
#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_WCHAR_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_ERRNO_H 1
#define HAVE_LONG_LONG 1
#define HAVE_DYNAMIC_LOADING 1
#define WITH_THREAD 1
#define WORDS_LITTLEENDIAN 1
#define PY_FORMAT_SIZE_T "z"

/* Unicode strings store code points as UCS4 at most (PEP 393). */
#define Py_UNICODE_SIZE 4

/* Pyrite builds no debug ABI: ob_refcnt has no extra tracking fields. */
#undef Py_DEBUG
#undef Py_TRACE_REFS

#endif /* !Py_PYCONFIG_H */
