/* The "spam" module of CPython's Extending tutorial, written afresh:
 * a function calling system-like logic, a module exception, constants. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

static PyObject *SpamError;

/* spam.system(command): here it only counts characters, so the test is
 * deterministic; a command "fail" raises spam.error. */
static PyObject *
spam_system(PyObject *self, PyObject *args)
{
    const char *command;
    if (!PyArg_ParseTuple(args, "s", &command))
        return NULL;
    if (strcmp(command, "fail") == 0) {
        PyErr_SetString(SpamError, "System command failed");
        return NULL;
    }
    return PyLong_FromLong((long)strlen(command));
}

static PyObject *
spam_noargs(PyObject *self, PyObject *unused)
{
    Py_RETURN_NONE;
}

static PyObject *
spam_one(PyObject *self, PyObject *arg)
{
    Py_INCREF(arg);
    return arg;
}

static PyObject *
spam_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *t = PyTuple_New(nargs);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_INCREF(args[i]);
        PyTuple_SET_ITEM(t, i, args[i]);
    }
    return t;
}

static PyObject *
spam_fastkw(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t nk = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    return Py_BuildValue("(nn)", nargs, nk);
}

static PyObject *
spam_kw(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"a", "b", NULL};
    int a, b = 10;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i|i:kw", kwlist, &a, &b))
        return NULL;
    return PyLong_FromLong(a * b);
}

static PyObject *
spam_fails_silently(PyObject *self, PyObject *unused)
{
    return NULL;
}

static PyMethodDef SpamMethods[] = {
    {"system", spam_system, METH_VARARGS, "Execute a shell command."},
    {"noargs", spam_noargs, METH_NOARGS, NULL},
    {"one", spam_one, METH_O, NULL},
    {"fast", (PyCFunction)(void (*)(void))spam_fast, METH_FASTCALL, NULL},
    {"fastkw", (PyCFunction)(void (*)(void))spam_fastkw, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"kw", (PyCFunction)(void (*)(void))spam_kw, METH_VARARGS | METH_KEYWORDS, NULL},
    {"fails_silently", spam_fails_silently, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef spammodule = {
    PyModuleDef_HEAD_INIT, "spam", "A spam module.", -1, SpamMethods
};

PyMODINIT_FUNC
PyInit_spam(void)
{
    PyObject *m = PyModule_Create(&spammodule);
    if (m == NULL)
        return NULL;
    SpamError = PyErr_NewException("spam.error", NULL, NULL);
    Py_XINCREF(SpamError);
    if (PyModule_AddObject(m, "error", SpamError) < 0) {
        Py_XDECREF(SpamError);
        Py_CLEAR(SpamError);
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddIntConstant(m, "ANSWER", 42) < 0 ||
        PyModule_AddStringConstant(m, "GREETING", "hello") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
