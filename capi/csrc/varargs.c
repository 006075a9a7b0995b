/* The C-variadic functions of the C API. Each one only captures its
 * va_list and hands a pointer to it to the Rust implementation, which walks
 * the arguments through the pyrite_va_* readers below as the format string
 * dictates. Keeping all format parsing in Rust means one parser serves both
 * the `...` and the `va_list` entry points. This file deliberately does not
 * include Python.h: it only needs the ABI (pointers, Py_ssize_t). */

#include <stdarg.h>
#include <stddef.h>

typedef struct _object PyObject;
typedef ptrdiff_t Py_ssize_t;

/* Readers: Rust calls these with the pointer it was given. */
int pyrite_va_int(void *ap) { return va_arg(*(va_list *)ap, int); }
unsigned int pyrite_va_uint(void *ap) { return va_arg(*(va_list *)ap, unsigned int); }
long pyrite_va_long(void *ap) { return va_arg(*(va_list *)ap, long); }
unsigned long pyrite_va_ulong(void *ap) { return va_arg(*(va_list *)ap, unsigned long); }
long long pyrite_va_longlong(void *ap) { return va_arg(*(va_list *)ap, long long); }
unsigned long long pyrite_va_ulonglong(void *ap) { return va_arg(*(va_list *)ap, unsigned long long); }
Py_ssize_t pyrite_va_ssize(void *ap) { return va_arg(*(va_list *)ap, Py_ssize_t); }
size_t pyrite_va_size(void *ap) { return va_arg(*(va_list *)ap, size_t); }
double pyrite_va_double(void *ap) { return va_arg(*(va_list *)ap, double); }
void *pyrite_va_ptr(void *ap) { return va_arg(*(va_list *)ap, void *); }

/* Rust implementations (capi/src/getargs.rs, modsupport.rs, format.rs, call.rs). */
extern int pyrite_parse_tuple(PyObject *args, const char *format, void *ap, int size_t_flag);
extern int pyrite_parse(PyObject *arg, const char *format, void *ap, int size_t_flag);
extern int pyrite_parse_tuple_kw(PyObject *args, PyObject *kw, const char *format,
                                 char **kwlist, void *ap, int size_t_flag);
extern int pyrite_unpack_tuple(PyObject *args, const char *name, Py_ssize_t min,
                               Py_ssize_t max, void *ap);
extern PyObject *pyrite_build_value(const char *format, void *ap, int size_t_flag);
extern PyObject *pyrite_unicode_from_format(const char *format, void *ap);
extern PyObject *pyrite_err_format(PyObject *exc, const char *format, void *ap);
extern PyObject *pyrite_call_objargs(PyObject *callable, PyObject *name, void *ap);
extern PyObject *pyrite_call_format(PyObject *callable, const char *name,
                                    const char *format, void *ap, int size_t_flag);
extern PyObject *pyrite_tuple_pack(Py_ssize_t n, void *ap);
extern int pyrite_warn_format(PyObject *category, Py_ssize_t stacklevel,
                              const char *format, void *ap);

/* A va_list parameter is an array that has decayed to a pointer, so it is
 * copied into a local before its address is taken. */
#define WITH_COPY(ap, expr) \
    do { va_list cp_; va_copy(cp_, ap); r = (expr); va_end(cp_); } while (0)
#define WITH_START(last, expr) \
    do { va_list cp_; va_start(cp_, last); r = (expr); va_end(cp_); } while (0)

int PyArg_Parse(PyObject *a, const char *f, ...) { int r; WITH_START(f, pyrite_parse(a, f, &cp_, 1)); return r; }
int _PyArg_Parse_SizeT(PyObject *a, const char *f, ...) { int r; WITH_START(f, pyrite_parse(a, f, &cp_, 1)); return r; }
int PyArg_ParseTuple(PyObject *a, const char *f, ...) { int r; WITH_START(f, pyrite_parse_tuple(a, f, &cp_, 1)); return r; }
int _PyArg_ParseTuple_SizeT(PyObject *a, const char *f, ...) { int r; WITH_START(f, pyrite_parse_tuple(a, f, &cp_, 1)); return r; }
int PyArg_VaParse(PyObject *a, const char *f, va_list ap) { int r; WITH_COPY(ap, pyrite_parse_tuple(a, f, &cp_, 1)); return r; }
int _PyArg_VaParse_SizeT(PyObject *a, const char *f, va_list ap) { int r; WITH_COPY(ap, pyrite_parse_tuple(a, f, &cp_, 1)); return r; }

int PyArg_ParseTupleAndKeywords(PyObject *a, PyObject *k, const char *f, char **kwl, ...)
{ int r; WITH_START(kwl, pyrite_parse_tuple_kw(a, k, f, kwl, &cp_, 1)); return r; }
int _PyArg_ParseTupleAndKeywords_SizeT(PyObject *a, PyObject *k, const char *f, char **kwl, ...)
{ int r; WITH_START(kwl, pyrite_parse_tuple_kw(a, k, f, kwl, &cp_, 1)); return r; }
int PyArg_VaParseTupleAndKeywords(PyObject *a, PyObject *k, const char *f, char **kwl, va_list ap)
{ int r; WITH_COPY(ap, pyrite_parse_tuple_kw(a, k, f, kwl, &cp_, 1)); return r; }
int _PyArg_VaParseTupleAndKeywords_SizeT(PyObject *a, PyObject *k, const char *f, char **kwl, va_list ap)
{ int r; WITH_COPY(ap, pyrite_parse_tuple_kw(a, k, f, kwl, &cp_, 1)); return r; }

int PyArg_UnpackTuple(PyObject *a, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{ int r; WITH_START(max, pyrite_unpack_tuple(a, name, min, max, &cp_)); return r; }

PyObject *Py_BuildValue(const char *f, ...) { PyObject *r; WITH_START(f, pyrite_build_value(f, &cp_, 1)); return r; }
PyObject *_Py_BuildValue_SizeT(const char *f, ...) { PyObject *r; WITH_START(f, pyrite_build_value(f, &cp_, 1)); return r; }
PyObject *Py_VaBuildValue(const char *f, va_list ap) { PyObject *r; WITH_COPY(ap, pyrite_build_value(f, &cp_, 1)); return r; }
PyObject *_Py_VaBuildValue_SizeT(const char *f, va_list ap) { PyObject *r; WITH_COPY(ap, pyrite_build_value(f, &cp_, 1)); return r; }

PyObject *PyUnicode_FromFormat(const char *f, ...) { PyObject *r; WITH_START(f, pyrite_unicode_from_format(f, &cp_)); return r; }
PyObject *PyUnicode_FromFormatV(const char *f, va_list ap) { PyObject *r; WITH_COPY(ap, pyrite_unicode_from_format(f, &cp_)); return r; }
PyObject *PyErr_Format(PyObject *e, const char *f, ...) { PyObject *r; WITH_START(f, pyrite_err_format(e, f, &cp_)); return r; }
PyObject *PyErr_FormatV(PyObject *e, const char *f, va_list ap) { PyObject *r; WITH_COPY(ap, pyrite_err_format(e, f, &cp_)); return r; }
int PyErr_WarnFormat(PyObject *c, Py_ssize_t lvl, const char *f, ...) { int r; WITH_START(f, pyrite_warn_format(c, lvl, f, &cp_)); return r; }

PyObject *PyObject_CallFunctionObjArgs(PyObject *c, ...) { PyObject *r; WITH_START(c, pyrite_call_objargs(c, NULL, &cp_)); return r; }
PyObject *PyObject_CallMethodObjArgs(PyObject *o, PyObject *name, ...)
{ PyObject *r; WITH_START(name, pyrite_call_objargs(o, name, &cp_)); return r; }
PyObject *PyObject_CallFunction(PyObject *c, const char *f, ...) { PyObject *r; WITH_START(f, pyrite_call_format(c, NULL, f, &cp_, 1)); return r; }
PyObject *_PyObject_CallFunction_SizeT(PyObject *c, const char *f, ...) { PyObject *r; WITH_START(f, pyrite_call_format(c, NULL, f, &cp_, 1)); return r; }
PyObject *PyObject_CallMethod(PyObject *o, const char *name, const char *f, ...)
{ PyObject *r; WITH_START(f, pyrite_call_format(o, name, f, &cp_, 1)); return r; }
PyObject *_PyObject_CallMethod_SizeT(PyObject *o, const char *name, const char *f, ...)
{ PyObject *r; WITH_START(f, pyrite_call_format(o, name, f, &cp_, 1)); return r; }
PyObject *PyTuple_Pack(Py_ssize_t n, ...) { PyObject *r; WITH_START(n, pyrite_tuple_pack(n, &cp_)); return r; }
