/* Multi-phase initialisation with a Py_mod_create slot. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
create(PyObject *spec, PyModuleDef *def)
{
    PyObject *name = PyObject_GetAttrString(spec, "name");
    if (name == NULL)
        return NULL;
    PyObject *m = PyModule_NewObject(name);
    Py_DECREF(name);
    if (m != NULL && PyModule_AddStringConstant(m, "CREATED_BY", "Py_mod_create") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

static int
exec_mod(PyObject *m)
{
    return PyModule_AddIntConstant(m, "EXECUTED", 1);
}

static PyModuleDef_Slot slots[] = {
    {Py_mod_create, create},
    {Py_mod_exec, exec_mod},
    {0, NULL}
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "mpcreate", NULL, 0, NULL, slots};

PyMODINIT_FUNC
PyInit_mpcreate(void)
{
    return PyModuleDef_Init(&def);
}
