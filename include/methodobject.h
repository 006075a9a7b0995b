/* Pyrite: built-in functions and the method table of modules and types. */
#ifndef Py_METHODOBJECT_H
#define Py_METHODOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyCFunction_Type;

#define PyCFunction_CheckExact(op) Py_IS_TYPE((op), &PyCFunction_Type)
#define PyCFunction_Check(op) PyObject_TypeCheck((op), &PyCFunction_Type)

/* The C signatures a PyMethodDef's ml_meth can have, chosen by ml_flags.
   ml_meth is stored as PyCFunction: cast with _PyCFunction_CAST. */
typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
typedef PyObject *(*_PyCFunctionFast)(PyObject *, PyObject *const *, Py_ssize_t);
typedef PyObject *(*PyCFunctionWithKeywords)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*_PyCFunctionFastWithKeywords)(PyObject *, PyObject *const *,
                                                  Py_ssize_t, PyObject *);
typedef PyObject *(*PyCMethod)(PyObject *, PyTypeObject *, PyObject *const *,
                               size_t, PyObject *);
/* CPython 3.13's public names for the fastcall signatures. */
typedef _PyCFunctionFast PyCFunctionFast;
typedef _PyCFunctionFastWithKeywords PyCFunctionFastWithKeywords;

/* Through void(*)(void) so that compilers accept any function pointer. */
#define _PyCFunction_CAST(func) _Py_CAST(PyCFunction, _Py_CAST(void (*)(void), (func)))

struct PyMethodDef {
    const char *ml_name;
    PyCFunction ml_meth;
    int ml_flags;
    const char *ml_doc;
};
typedef struct PyMethodDef PyMethodDef;

/* Calling conventions (ml_flags). */
#define METH_VARARGS 0x0001
#define METH_KEYWORDS 0x0002
#define METH_NOARGS 0x0004
#define METH_O 0x0008
/* Bind to the class (METH_CLASS) or to nothing (METH_STATIC) in types. */
#define METH_CLASS 0x0010
#define METH_STATIC 0x0020
/* Replace a slot wrapper of the same name instead of yielding to it. */
#define METH_COEXIST 0x0040
#define METH_FASTCALL 0x0080
#define METH_STACKLESS 0x0000
/* With METH_FASTCALL | METH_KEYWORDS: also receive the defining class. */
#define METH_METHOD 0x0200

#ifndef Py_LIMITED_API
#  include "cpython/methodobject.h"
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_METHODOBJECT_H */
