/* Pyrite: int objects. */
#ifndef Py_LONGOBJECT_H
#define Py_LONGOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct _longobject PyLongObject;

PyAPI_DATA(PyTypeObject) PyLong_Type;

#define PyLong_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LONG_SUBCLASS)
#define PyLong_CheckExact(op) Py_IS_TYPE((op), &PyLong_Type)

PyAPI_FUNC(PyObject *) PyLong_FromLong(long v);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLong(unsigned long v);
PyAPI_FUNC(PyObject *) PyLong_FromLongLong(long long v);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLongLong(unsigned long long v);
PyAPI_FUNC(PyObject *) PyLong_FromSsize_t(Py_ssize_t v);
PyAPI_FUNC(PyObject *) PyLong_FromSize_t(size_t v);
PyAPI_FUNC(PyObject *) PyLong_FromDouble(double v);
PyAPI_FUNC(PyObject *) PyLong_FromString(const char *str, char **pend, int base);
PyAPI_FUNC(PyObject *) PyLong_FromVoidPtr(void *p);

/* Conversions raise OverflowError (and return -1) when out of range. */
PyAPI_FUNC(long) PyLong_AsLong(PyObject *obj);
PyAPI_FUNC(long) PyLong_AsLongAndOverflow(PyObject *obj, int *overflow);
PyAPI_FUNC(long long) PyLong_AsLongLong(PyObject *obj);
PyAPI_FUNC(long long) PyLong_AsLongLongAndOverflow(PyObject *obj, int *overflow);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLong(PyObject *obj);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLong(PyObject *obj);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLongMask(PyObject *obj);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLongMask(PyObject *obj);
PyAPI_FUNC(Py_ssize_t) PyLong_AsSsize_t(PyObject *obj);
PyAPI_FUNC(size_t) PyLong_AsSize_t(PyObject *obj);
PyAPI_FUNC(double) PyLong_AsDouble(PyObject *obj);
PyAPI_FUNC(void *) PyLong_AsVoidPtr(PyObject *obj);

/* pid_t is an int on Linux. */
#define PyLong_FromPid PyLong_FromLong
#define PyLong_AsPid PyLong_AsLong

#ifdef __cplusplus
}
#endif
#endif /* !Py_LONGOBJECT_H */
