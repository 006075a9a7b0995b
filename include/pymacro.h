/* Pyrite: small general-purpose macros. */
#ifndef Py_PYMACRO_H
#define Py_PYMACRO_H

#define Py_ABS(x) ((x) < 0 ? -(x) : (x))
#define Py_MIN(x, y) (((x) > (y)) ? (y) : (x))
#define Py_MAX(x, y) (((x) > (y)) ? (x) : (y))

#define _Py_XSTRINGIFY(x) #x
#define Py_STRINGIFY(x) _Py_XSTRINGIFY(x)

/* Number of elements of a true array (not a pointer). */
#define Py_ARRAY_LENGTH(array) (sizeof(array) / sizeof((array)[0]))

#define Py_MEMBER_SIZE(type, member) sizeof(((type *)0)->member)
#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))

/* Compile-time assertion usable as an expression statement. */
#define Py_BUILD_ASSERT_EXPR(cond) (sizeof(char[1 - 2 * !(cond)]) - 1)
#define Py_BUILD_ASSERT(cond) do { (void)Py_BUILD_ASSERT_EXPR(cond); } while (0)

/* Parameter that a function must accept but never reads. */
#if defined(__GNUC__) || defined(__clang__)
#  define Py_UNUSED(name) _unused_ ## name __attribute__((unused))
#else
#  define Py_UNUSED(name) _unused_ ## name
#endif

#define Py_UNREACHABLE() __builtin_unreachable()

/* Docstrings (kept always: Pyrite has no option to strip them). */
#define PyDoc_VAR(name) static const char name[]
#define PyDoc_STRVAR(name, str) PyDoc_VAR(name) = PyDoc_STR(str)
#define PyDoc_STR(str) str

/* Alignment helpers for sizes and pointers (a must be a power of 2). */
#define _Py_SIZE_ROUND_DOWN(n, a) ((size_t)(n) & ~(size_t)((a) - 1))
#define _Py_SIZE_ROUND_UP(n, a) (((size_t)(n) + (size_t)((a) - 1)) & ~(size_t)((a) - 1))
#define _Py_ALIGN_DOWN(p, a) ((void *)((uintptr_t)(p) & ~(uintptr_t)((a) - 1)))
#define _Py_ALIGN_UP(p, a) ((void *)(((uintptr_t)(p) + (uintptr_t)((a) - 1)) & ~(uintptr_t)((a) - 1)))
#define _Py_IS_ALIGNED(p, a) (!((uintptr_t)(p) & (uintptr_t)((a) - 1)))

#endif /* !Py_PYMACRO_H */
