/* A multi-phase module whose exec slot fails: the import raises, and the
 * module is not left in sys.modules. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
exec_mod(PyObject *m)
{
    PyErr_SetString(PyExc_RuntimeError, "exec slot failed");
    return -1;
}

static PyModuleDef_Slot slots[] = {{Py_mod_exec, exec_mod}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "execfail", NULL, 0, NULL, slots};

PyMODINIT_FUNC
PyInit_execfail(void)
{
    return PyModuleDef_Init(&def);
}
