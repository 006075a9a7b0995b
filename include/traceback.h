/* Pyrite: the type of traceback objects. */
#ifndef Py_TRACEBACK_H
#define Py_TRACEBACK_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyTraceBack_Type;

#define PyTraceBack_Check(v) Py_IS_TYPE((v), &PyTraceBack_Type)

#ifdef __cplusplus
}
#endif

#endif /* !Py_TRACEBACK_H */
