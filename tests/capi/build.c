/* Py_BuildValue: every supported unit, nesting, N/O reference semantics,
 * and its errors (NULL object, bad format character, unmatched parens). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
scalars(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(iblnLkKdfcC)", -5, 7, -(1L << 40), (Py_ssize_t)-3,
                         (long long)1 << 62, (unsigned long)-1,
                         (unsigned long long)-1, 2.5, 0.25f, 'x', 0x263A);
}

static PyObject *
strings(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(ss#zzyy#U)", "h\xc3\xa9llo", "abcdef", (Py_ssize_t)3,
                         NULL, "z", "by", "b\0y", (Py_ssize_t)3, "u");
}

static PyObject *
containers(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("[i(s[ii]{s:i,s:(ii)}),()]", 1, "a", 2, 3, "k", 4, "t", 5, 6);
}

static PyObject *
single(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("i", 42);
}

static PyObject *
empty(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("");
}

static PyObject *
separators(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("i, i: i\ti", 1, 2, 3, 4);
}

static PyObject *
empty_tuple(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("()");
}

/* O adds a reference, N steals one: the refcount of arg is unchanged by
 * "O" on a borrowed reference and by "N" on a new one. */
static PyObject *
refs(PyObject *self, PyObject *arg)
{
    PyObject *t = Py_BuildValue("(OO)", arg, arg);
    if (t == NULL)
        return NULL;
    Py_INCREF(arg);
    PyObject *u = Py_BuildValue("(NO)", arg, t);
    Py_DECREF(t);
    return u;
}

static PyObject *
null_object(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(iO)", 1, (PyObject *)NULL);
}

static PyObject *
null_with_error(PyObject *self, PyObject *unused)
{
    PyErr_SetString(PyExc_KeyError, "from before");
    return Py_BuildValue("O", (PyObject *)NULL);
}

static PyObject *
bad_char(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(i@)", 1, 2);
}

static PyObject *
unmatched(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(ii", 1, 2);
}

static PyObject *
bad_dict(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("{i}", 1);
}

static PyObject *
unhashable_key(PyObject *self, PyObject *unused)
{
    PyObject *l = PyList_New(0);
    return Py_BuildValue("{Ni}", l, 1);
}

/* After a failed item the remaining N arguments are still released. */
static PyObject *
error_releases_n(PyObject *self, PyObject *arg)
{
    Py_INCREF(arg);
    PyObject *r = Py_BuildValue("(ON)", (PyObject *)NULL, arg);
    if (r == NULL && PyErr_ExceptionMatches(PyExc_SystemError))
        PyErr_Clear();
    Py_RETURN_NONE;
}

static PyObject *
call_function(PyObject *self, PyObject *args)
{
    PyObject *f;
    if (!PyArg_ParseTuple(args, "O", &f))
        return NULL;
    return PyObject_CallFunction(f, "(is)", 7, "x");
}

static PyObject *
call_method(PyObject *self, PyObject *args)
{
    PyObject *o;
    if (!PyArg_ParseTuple(args, "O", &o))
        return NULL;
    return PyObject_CallMethod(o, "split", "s", ",");
}

static PyMethodDef methods[] = {
    {"scalars", scalars, METH_NOARGS},
    {"strings", strings, METH_NOARGS},
    {"containers", containers, METH_NOARGS},
    {"single", single, METH_NOARGS},
    {"empty", empty, METH_NOARGS},
    {"separators", separators, METH_NOARGS},
    {"empty_tuple", empty_tuple, METH_NOARGS},
    {"refs", refs, METH_O},
    {"null_object", null_object, METH_NOARGS},
    {"null_with_error", null_with_error, METH_NOARGS},
    {"bad_char", bad_char, METH_NOARGS},
    {"unmatched", unmatched, METH_NOARGS},
    {"bad_dict", bad_dict, METH_NOARGS},
    {"unhashable_key", unhashable_key, METH_NOARGS},
    {"error_releases_n", error_releases_n, METH_O},
    {"call_function", call_function, METH_VARARGS},
    {"call_method", call_method, METH_VARARGS},
    {NULL}
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "build", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_build(void)
{
    return PyModule_Create(&def);
}
