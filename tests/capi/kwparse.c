/* PyArg_ParseTupleAndKeywords keyword matching and its error messages:
 * positional-only names, `|` and `$`, names given twice, unknown and
 * non-ASCII keywords, str-subclass keys, formats without a function name;
 * and PyArg_ParseTuple's count and format errors (not the fatal ones:
 * CPython aborts on unbalanced parentheses). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdarg.h>

static PyObject *
named(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"a", "b", "c", NULL};
    PyObject *a, *b = Py_None, *c = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O$O:named", kwlist, &a, &b, &c))
        return NULL;
    return PyTuple_Pack(3, a, b, c);
}

static PyObject *
anon(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"a", "b", NULL};
    PyObject *a, *b;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO", kwlist, &a, &b))
        return NULL;
    return PyTuple_Pack(2, a, b);
}

static PyObject *
message(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"n", NULL};
    const char *n;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "s;message needs a str n", kwlist, &n))
        return NULL;
    return PyUnicode_FromString(n);
}

/* `:` after `;`: the name wins and the message is not used. */
static PyObject *
both(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"n", NULL};
    const char *n;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "s;ignored:both", kwlist, &n))
        return NULL;
    return PyUnicode_FromString(n);
}

static PyObject *
posonly(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"", "", "c", NULL};
    PyObject *a, *b, *c = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|O:posonly", kwlist, &a, &b, &c))
        return NULL;
    return PyTuple_Pack(3, a, b, c);
}

static PyObject *
optposonly(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"", "b", NULL};
    PyObject *a = Py_None, *b = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|OO:optposonly", kwlist, &a, &b))
        return NULL;
    return PyTuple_Pack(2, a, b);
}

static PyObject *
utf8(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"\xc3\xa9t\xc3\xa9", "na\xc3\xafve", "x", NULL};
    PyObject *a = Py_None, *b = Py_None, *c = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|OOO:utf8", kwlist, &a, &b, &c))
        return NULL;
    return PyTuple_Pack(3, a, b, c);
}

static PyObject *
many(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", NULL};
    int k[10] = {0};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i|$iiiiiiiii:many", kwlist,
                                     &k[0], &k[1], &k[2], &k[3], &k[4], &k[5], &k[6], &k[7], &k[8], &k[9]))
        return NULL;
    return Py_BuildValue("(iiiiiiiiii)", k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], k[9]);
}

static int
positive(PyObject *o, void *addr)
{
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred())
        return 0;
    if (v <= 0) {
        PyErr_SetString(PyExc_ValueError, "must be positive");
        return 0;
    }
    *(long *)addr = v;
    return 1;
}

static PyObject *
units(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"pair", "pos", "text", NULL};
    int x, y; long p = 1; const char *s = "";
    if (!PyArg_ParseTupleAndKeywords(args, kw, "(ii)|O&s:units", kwlist, &x, &y, positive, &p, &s))
        return NULL;
    return Py_BuildValue("(iils)", x, y, p, s);
}

static int
va_kw(PyObject *args, PyObject *kw, const char *fmt, char **kwlist, ...)
{
    va_list ap;
    int r;
    va_start(ap, kwlist);
    r = PyArg_VaParseTupleAndKeywords(args, kw, fmt, kwlist, ap);
    va_end(ap);
    return r;
}

static PyObject *
vakw(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"a", "b", NULL};
    int a, b = 5;
    if (!va_kw(args, kw, "i|i:vakw", kwlist, &a, &b))
        return NULL;
    return Py_BuildValue("(ii)", a, b);
}

static PyObject *
pos_anon(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    return PyTuple_Pack(2, a, b);
}

static PyObject *
pos_message(PyObject *self, PyObject *args)
{
    PyObject *a, *b = Py_None;
    if (!PyArg_ParseTuple(args, "O|O;pos_message takes one or two", &a, &b))
        return NULL;
    return PyTuple_Pack(2, a, b);
}

static PyObject *
pos_badformat(PyObject *self, PyObject *args)
{
    PyObject *a;
    if (!PyArg_ParseTuple(args, "O%:pos_badformat", &a))
        return NULL;
    return Py_NewRef(a);
}

static PyMethodDef methods[] = {
    {"named", (PyCFunction)(void (*)(void))named, METH_VARARGS | METH_KEYWORDS},
    {"anon", (PyCFunction)(void (*)(void))anon, METH_VARARGS | METH_KEYWORDS},
    {"message", (PyCFunction)(void (*)(void))message, METH_VARARGS | METH_KEYWORDS},
    {"both", (PyCFunction)(void (*)(void))both, METH_VARARGS | METH_KEYWORDS},
    {"posonly", (PyCFunction)(void (*)(void))posonly, METH_VARARGS | METH_KEYWORDS},
    {"optposonly", (PyCFunction)(void (*)(void))optposonly, METH_VARARGS | METH_KEYWORDS},
    {"utf8", (PyCFunction)(void (*)(void))utf8, METH_VARARGS | METH_KEYWORDS},
    {"many", (PyCFunction)(void (*)(void))many, METH_VARARGS | METH_KEYWORDS},
    {"units", (PyCFunction)(void (*)(void))units, METH_VARARGS | METH_KEYWORDS},
    {"vakw", (PyCFunction)(void (*)(void))vakw, METH_VARARGS | METH_KEYWORDS},
    {"pos_anon", pos_anon, METH_VARARGS},
    {"pos_message", pos_message, METH_VARARGS},
    {"pos_badformat", pos_badformat, METH_VARARGS},
    {NULL}
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "kwparse", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_kwparse(void)
{
    return PyModule_Create(&def);
}
