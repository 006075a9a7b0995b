/* The error indicator from C: setting, fetching, restoring, matching,
 * formatting, new exception classes, warnings, NULL returns. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
set_string(PyObject *self, PyObject *args)
{
    PyObject *tp; const char *msg;
    if (!PyArg_ParseTuple(args, "Os", &tp, &msg))
        return NULL;
    PyErr_SetString(tp, msg);
    return NULL;
}

static PyObject *
set_object(PyObject *self, PyObject *args)
{
    PyObject *tp, *value;
    if (!PyArg_ParseTuple(args, "OO", &tp, &value))
        return NULL;
    PyErr_SetObject(tp, value);
    return NULL;
}

static PyObject *
set_none(PyObject *self, PyObject *tp)
{
    PyErr_SetNone(tp);
    return NULL;
}

static PyObject *
format(PyObject *self, PyObject *o)
{
    return PyErr_Format(PyExc_ValueError, "bad value %R (%d of %s)", o, 3, "three");
}

static PyObject *
occurred(PyObject *self, PyObject *unused)
{
    PyObject *before = PyErr_Occurred();
    PyErr_SetString(PyExc_KeyError, "k");
    PyObject *t = PyErr_Occurred();
    int m1 = PyErr_ExceptionMatches(PyExc_KeyError);
    int m2 = PyErr_ExceptionMatches(PyExc_LookupError);
    int m3 = PyErr_ExceptionMatches(PyExc_TypeError);
    PyObject *tup = PyTuple_Pack(2, PyExc_TypeError, PyExc_LookupError);
    int m4 = PyErr_ExceptionMatches(tup);
    Py_DECREF(tup);
    PyErr_Clear();
    PyObject *after = PyErr_Occurred();
    return Py_BuildValue("(iOiiiii)", before == NULL, t, m1, m2, m3, m4, after == NULL);
}

static PyObject *
given_matches(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    return PyLong_FromLong(PyErr_GivenExceptionMatches(a, b));
}

/* Fetch an exception raised by Python code, look at it, restore it. */
static PyObject *
fetch_restore(PyObject *self, PyObject *f)
{
    PyObject *r = PyObject_CallNoArgs(f);
    if (r != NULL)
        return r;
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    int clear = PyErr_Occurred() == NULL;
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *info = Py_BuildValue("(OOii)", t, v, tb != NULL, clear);
    PyErr_Restore(t, v, tb);
    PyObject *t2, *v2, *tb2;
    PyErr_Fetch(&t2, &v2, &tb2);
    PyObject *out = Py_BuildValue("(Ni)", info, v2 == PyTuple_GET_ITEM(info, 1));
    PyErr_Restore(t2, v2, tb2);
    PyErr_Clear();
    return out;
}

/* Restore a type and a non-normalized value: it is normalized on demand. */
static PyObject *
restore_raw(PyObject *self, PyObject *args)
{
    PyObject *t, *v;
    if (!PyArg_ParseTuple(args, "OO", &t, &v))
        return NULL;
    Py_INCREF(t);
    Py_INCREF(v);
    PyErr_Restore(t, v, NULL);
    return NULL;
}

static PyObject *
restore_null(PyObject *self, PyObject *unused)
{
    PyErr_SetString(PyExc_ValueError, "dropped");
    PyErr_Restore(NULL, NULL, NULL);
    Py_RETURN_NONE;
}

static PyObject *
no_memory(PyObject *self, PyObject *unused)
{
    return PyErr_NoMemory();
}

static PyObject *
bad_argument(PyObject *self, PyObject *unused)
{
    PyErr_BadArgument();
    return NULL;
}

static PyObject *
new_exception(PyObject *self, PyObject *unused)
{
    PyObject *e1 = PyErr_NewException("errors.Plain", NULL, NULL);
    PyObject *e2 = PyErr_NewExceptionWithDoc("errors.Documented", "Some doc.", e1, NULL);
    PyObject *bases = PyTuple_Pack(2, PyExc_KeyError, PyExc_TypeError);
    PyObject *d = Py_BuildValue("{s:i}", "extra", 7);
    PyObject *e3 = PyErr_NewException("pkg.mod.Multi", bases, d);
    Py_DECREF(bases); Py_DECREF(d);
    PyObject *bad = PyErr_NewException("nodot", NULL, NULL);
    PyObject *why = NULL;
    if (bad == NULL) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        why = PyObject_Str(v);
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
    }
    return Py_BuildValue("(NNNN)", e1, e2, e3, why);
}

static PyObject *
warn(PyObject *self, PyObject *args)
{
    PyObject *cat; const char *msg;
    if (!PyArg_ParseTuple(args, "Os", &cat, &msg))
        return NULL;
    if (PyErr_WarnEx(cat, msg, 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
result_with_error(PyObject *self, PyObject *unused)
{
    PyErr_SetString(PyExc_ValueError, "forgotten");
    Py_RETURN_NONE;
}

static PyObject *
exc_objects(PyObject *self, PyObject *unused)
{
    PyObject *l = PyList_New(0);
    PyObject *all[] = {PyExc_BaseException, PyExc_Exception, PyExc_ArithmeticError, PyExc_LookupError,
        PyExc_AssertionError, PyExc_AttributeError, PyExc_BufferError, PyExc_EOFError,
        PyExc_FloatingPointError, PyExc_OSError, PyExc_ImportError, PyExc_ModuleNotFoundError,
        PyExc_IndexError, PyExc_KeyError, PyExc_KeyboardInterrupt, PyExc_MemoryError, PyExc_NameError,
        PyExc_OverflowError, PyExc_RuntimeError, PyExc_RecursionError, PyExc_NotImplementedError,
        PyExc_SyntaxError, PyExc_IndentationError, PyExc_TabError, PyExc_ReferenceError,
        PyExc_SystemError, PyExc_SystemExit, PyExc_TypeError, PyExc_UnboundLocalError,
        PyExc_UnicodeError, PyExc_UnicodeEncodeError, PyExc_UnicodeDecodeError,
        PyExc_UnicodeTranslateError, PyExc_ValueError, PyExc_ZeroDivisionError, PyExc_StopIteration,
        PyExc_StopAsyncIteration, PyExc_GeneratorExit, PyExc_BlockingIOError, PyExc_BrokenPipeError,
        PyExc_ChildProcessError, PyExc_ConnectionError, PyExc_ConnectionAbortedError,
        PyExc_ConnectionRefusedError, PyExc_ConnectionResetError, PyExc_FileExistsError,
        PyExc_FileNotFoundError, PyExc_InterruptedError, PyExc_IsADirectoryError,
        PyExc_NotADirectoryError, PyExc_PermissionError, PyExc_ProcessLookupError, PyExc_TimeoutError,
        PyExc_EnvironmentError, PyExc_IOError, PyExc_BaseExceptionGroup,
        PyExc_Warning, PyExc_UserWarning, PyExc_DeprecationWarning, PyExc_PendingDeprecationWarning,
        PyExc_SyntaxWarning, PyExc_RuntimeWarning, PyExc_FutureWarning, PyExc_ImportWarning,
        PyExc_UnicodeWarning, PyExc_BytesWarning, PyExc_ResourceWarning, PyExc_EncodingWarning, NULL};
    for (int i = 0; all[i] != NULL; i++)
        PyList_Append(l, all[i]);
    return l;
}

static PyObject *
singletons(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(OOOOOO)", Py_None, Py_True, Py_False, Py_NotImplemented, Py_Ellipsis,
                         (PyObject *)&PyType_Type);
}

static PyObject *
types(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(OOOOOOOOOO)", &PyLong_Type, &PyUnicode_Type, &PyTuple_Type, &PyList_Type,
                         &PyDict_Type, &PyFloat_Type, &PyBool_Type, &PyBytes_Type, &PyBaseObject_Type,
                         &PyModule_Type);
}

static PyMethodDef methods[] = {
    {"set_string", set_string, METH_VARARGS},
    {"set_object", set_object, METH_VARARGS},
    {"set_none", set_none, METH_O},
    {"format", format, METH_O},
    {"occurred", occurred, METH_NOARGS},
    {"given_matches", given_matches, METH_VARARGS},
    {"fetch_restore", fetch_restore, METH_O},
    {"restore_raw", restore_raw, METH_VARARGS},
    {"restore_null", restore_null, METH_NOARGS},
    {"no_memory", no_memory, METH_NOARGS},
    {"bad_argument", bad_argument, METH_NOARGS},
    {"new_exception", new_exception, METH_NOARGS},
    {"warn", warn, METH_VARARGS},
    {"result_with_error", result_with_error, METH_NOARGS},
    {"exc_objects", exc_objects, METH_NOARGS},
    {"singletons", singletons, METH_NOARGS},
    {"types", types, METH_NOARGS},
    {NULL}
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "errors", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_errors(void)
{
    return PyModule_Create(&def);
}
