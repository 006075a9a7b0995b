/* Pyrite: float objects. */
#ifndef Py_FLOATOBJECT_H
#define Py_FLOATOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyFloat_Type;

#define PyFloat_Check(op) PyObject_TypeCheck((op), &PyFloat_Type)
#define PyFloat_CheckExact(op) Py_IS_TYPE((op), &PyFloat_Type)

#define Py_RETURN_NAN return PyFloat_FromDouble(Py_NAN)
#define Py_RETURN_INF(sign) \
    do { \
        if (copysign(1., (sign)) == 1.) { \
            return PyFloat_FromDouble(Py_HUGE_VAL); \
        } \
        return PyFloat_FromDouble(-Py_HUGE_VAL); \
    } while (0)

#define Py_HUGE_VAL HUGE_VAL
#define Py_NAN ((double)NAN)

PyAPI_FUNC(PyObject *) PyFloat_FromDouble(double v);
PyAPI_FUNC(double) PyFloat_AsDouble(PyObject *op);

#ifndef Py_LIMITED_API
#  include "cpython/floatobject.h"
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_FLOATOBJECT_H */
