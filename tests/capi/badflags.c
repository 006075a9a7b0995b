/* A module function with METH_CLASS: module creation refuses it. */
#include <Python.h>

static PyObject *
f(PyObject *self, PyObject *unused)
{
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {{"f", f, METH_NOARGS | METH_CLASS}, {NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "badflags", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_badflags(void)
{
    return PyModule_Create(&def);
}
