/* Multi-phase initialisation (PEP 489): PyModuleDef_Init, module state
 * (m_size), Py_mod_exec slots run in order, PyModule_GetState/GetDict/
 * GetDef/AddObjectRef/AddType. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    long counter;
    PyObject *registry;
} state;

static PyObject *
bump(PyObject *module, PyObject *unused)
{
    state *st = PyModule_GetState(module);
    st->counter++;
    return PyLong_FromLong(st->counter);
}

static PyObject *
info(PyObject *module, PyObject *unused)
{
    state *st = PyModule_GetState(module);
    PyObject *d = PyModule_GetDict(module);
    return Py_BuildValue("(iOiO)", PyModule_GetDef(module) != NULL, st->registry,
                         PyDict_GetItemString(d, "FIRST") != NULL, PyModule_GetNameObject(module));
}

static int
exec_first(PyObject *m)
{
    state *st = PyModule_GetState(m);
    if (st->counter != 0 || st->registry != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "state not zeroed");
        return -1;
    }
    st->registry = PyList_New(0);
    if (PyModule_AddIntConstant(m, "FIRST", 1) < 0)
        return -1;
    PyObject *v = PyUnicode_FromString("ref");
    int rc = PyModule_AddObjectRef(m, "REF", v);
    Py_DECREF(v);
    return rc;
}

static int
exec_second(PyObject *m)
{
    state *st = PyModule_GetState(m);
    PyObject *first = PyObject_GetAttrString(m, "FIRST");
    if (first == NULL)
        return -1;
    PyList_Append(st->registry, first);
    Py_DECREF(first);
    if (PyModule_AddType(m, &PyList_Type) < 0)
        return -1;
    return PyModule_AddStringConstant(m, "SECOND", "two");
}

static PyMethodDef methods[] = {
    {"bump", bump, METH_NOARGS},
    {"info", info, METH_NOARGS},
    {NULL}
};

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, exec_first},
    {Py_mod_exec, exec_second},
    {0, NULL}
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "multiphase", "Multi-phase module.", sizeof(state), methods, slots
};

PyMODINIT_FUNC
PyInit_multiphase(void)
{
    return PyModuleDef_Init(&def);
}
