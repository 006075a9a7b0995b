/* Compiled by capi/tests/headers.rs with Py_LIMITED_API defined: a
   stable-ABI module sees only the top-level headers (no struct internals)
   and must still build. */
#define Py_LIMITED_API 0x030b0000
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
twice(PyObject *Py_UNUSED(self), PyObject *arg)
{
    if (!PyLong_Check(arg) || PyUnicode_Check(arg) || PyTuple_Check(arg) ||
        PyExceptionInstance_Check(arg) || PyType_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "an int is required");
        return NULL;
    }
    return PyNumber_Add(arg, arg);
}

static PyMethodDef methods[] = {
    {"twice", twice, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "limited", NULL, 0, methods, NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC
PyInit_limited(void)
{
    return PyModule_Create(&def);
}
