/* An extension submodule of a package: PyModule_Create with m_name
 * "_speedups" gets the full name "capipkg._speedups". */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
double_(PyObject *self, PyObject *arg)
{
    return PyNumber_Add(arg, arg);
}

static PyMethodDef methods[] = {{"double", double_, METH_O}, {NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "_speedups", NULL, -1, methods};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModule_Create(&def);
}
