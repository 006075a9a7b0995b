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

/* The registry may hold the module itself (a cycle through the state):
 * m_traverse lets the collector see it, m_clear breaks it, m_free runs at
 * deallocation and reports to sys._multiphase_freed. */
static PyObject *
register_self(PyObject *module, PyObject *unused)
{
    state *st = PyModule_GetState(module);
    if (PyList_Append(st->registry, module) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static int
mp_traverse(PyObject *m, visitproc visit, void *arg)
{
    state *st = PyModule_GetState(m);
    Py_VISIT(st->registry);
    return 0;
}

static int
mp_clear(PyObject *m)
{
    state *st = PyModule_GetState(m);
    Py_CLEAR(st->registry);
    return 0;
}

static void
mp_free(void *m)
{
    mp_clear((PyObject *)m);
    PyObject *sys = PyImport_ImportModule("sys");
    if (sys != NULL) {
        PyObject *n = PyLong_FromLong(1);
        PyObject_SetAttrString(sys, "_multiphase_freed", n);
        Py_DECREF(n);
        Py_DECREF(sys);
    }
}

static PyMethodDef methods[] = {
    {"register_self", register_self, METH_NOARGS},
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
    PyModuleDef_HEAD_INIT, "multiphase", "Multi-phase module.", sizeof(state), methods, slots,
    mp_traverse, mp_clear, mp_free
};

PyMODINIT_FUNC
PyInit_multiphase(void)
{
    return PyModuleDef_Init(&def);
}
