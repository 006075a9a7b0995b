/* bench_capi: the C side of the C API call-overhead benchmark
 * (benches/capi_run.py). Built unchanged against Pyrite's include/ and
 * against CPython 3.11's headers; benches/capi/driver.py times it.
 *
 * The call targets do as little as possible, so that what is timed is the
 * calling convention. Each bumps a counter so the driver can print a
 * checksum proving every call really happened under both interpreters.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static long ncalls = 0;

/* METH_NOARGS: f() */
static PyObject *
noargs(PyObject *self, PyObject *unused)
{
    (void)self; (void)unused;
    ncalls++;
    Py_RETURN_NONE;
}

/* METH_O: f(x) returns x */
static PyObject *
onearg(PyObject *self, PyObject *arg)
{
    (void)self;
    ncalls++;
    return Py_NewRef(arg);
}

/* METH_FASTCALL: f(a, b) returns a */
static PyObject *
fastcall(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "fastcall() takes exactly 2 arguments");
        return NULL;
    }
    ncalls++;
    return Py_NewRef(args[0]);
}

/* METH_VARARGS: f(a, b) returns a, reading the tuple directly */
static PyObject *
varargs(PyObject *self, PyObject *args)
{
    (void)self;
    if (PyTuple_GET_SIZE(args) != 2) {
        PyErr_SetString(PyExc_TypeError, "varargs() takes exactly 2 arguments");
        return NULL;
    }
    ncalls++;
    return Py_NewRef(PyTuple_GET_ITEM(args, 0));
}

/* METH_VARARGS with PyArg_ParseTuple("OO"): f(a, b) returns a */
static PyObject *
varargs_parse(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO:varargs_parse", &a, &b))
        return NULL;
    ncalls++;
    return Py_NewRef(a);
}

/* METH_FASTCALL|METH_KEYWORDS: f(a, b=...) returns b. The keyword is
 * looked up by identity first, then by value, as an Argument Clinic
 * parser would. */
static PyObject *
fastcall_kw(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
            PyObject *kwnames)
{
    static PyObject *kw_b = NULL;
    PyObject *b = NULL;
    Py_ssize_t nkw;
    (void)self;
    if (kw_b == NULL) {
        kw_b = PyUnicode_InternFromString("b");
        if (kw_b == NULL)
            return NULL;
    }
    nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    if (nargs == 2 && nkw == 0) {
        b = args[1];
    } else if (nargs == 1 && nkw == 1) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, 0);
        if (name == kw_b || PyUnicode_Compare(name, kw_b) == 0)
            b = args[1];
    }
    if (b == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "fastcall_kw() takes (a, b)");
        return NULL;
    }
    ncalls++;
    return Py_NewRef(b);
}

/* METH_VARARGS|METH_KEYWORDS with PyArg_ParseTupleAndKeywords: f(a, b=...)
 * returns b */
static PyObject *
varargs_kw(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"a", "b", NULL};
    PyObject *a, *b;
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO:varargs_kw", kwlist, &a, &b))
        return NULL;
    ncalls++;
    return Py_NewRef(b);
}

/* callback(func, n, arg): calls func(arg) n times with PyObject_CallOneArg;
 * returns the sum of the results as ints. */
static PyObject *
callback(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *func, *arg;
    long n, i, total = 0;
    (void)self;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "callback() takes (func, n, arg)");
        return NULL;
    }
    func = args[0];
    n = PyLong_AsLong(args[1]);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    arg = args[2];
    for (i = 0; i < n; i++) {
        PyObject *r = PyObject_CallOneArg(func, arg);
        long v;
        if (r == NULL)
            return NULL;
        v = PyLong_AsLong(r);
        Py_DECREF(r);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        total += v;
    }
    ncalls++;
    return PyLong_FromLong(total);
}

/* sumsq(n): sum of i*i % 7 for i in range(n), in C longs only (no API in
 * the loop: the same machine code under both interpreters). */
static PyObject *
sumsq(PyObject *self, PyObject *arg)
{
    long n, i;
    long long total = 0;
    (void)self;
    n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    for (i = 0; i < n; i++)
        total += (long long)((i * i) % 7);
    ncalls++;
    return PyLong_FromLongLong(total);
}

/* sumsq_obj(n): the same sum computed on Python int objects through the
 * API (PyLong_FromLong, PyNumber_Multiply, PyNumber_Remainder,
 * PyNumber_Add): what a C loop that builds objects costs. */
static PyObject *
sumsq_obj(PyObject *self, PyObject *arg)
{
    long n, i;
    PyObject *total, *seven;
    (void)self;
    n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    total = PyLong_FromLong(0);
    seven = PyLong_FromLong(7);
    if (total == NULL || seven == NULL)
        goto fail;
    for (i = 0; i < n; i++) {
        PyObject *io, *sq, *rem, *t;
        io = PyLong_FromLong(i);
        if (io == NULL)
            goto fail;
        sq = PyNumber_Multiply(io, io);
        Py_DECREF(io);
        if (sq == NULL)
            goto fail;
        rem = PyNumber_Remainder(sq, seven);
        Py_DECREF(sq);
        if (rem == NULL)
            goto fail;
        t = PyNumber_Add(total, rem);
        Py_DECREF(rem);
        if (t == NULL)
            goto fail;
        Py_SETREF(total, t);
    }
    Py_DECREF(seven);
    ncalls++;
    return total;
fail:
    Py_XDECREF(total);
    Py_XDECREF(seven);
    return NULL;
}

/* list_sum(lst): sum of a list of ints with PyList_GET_ITEM/PyLong_AsLong */
static PyObject *
list_sum(PyObject *self, PyObject *lst)
{
    Py_ssize_t i, n;
    long long total = 0;
    (void)self;
    if (!PyList_Check(lst)) {
        PyErr_SetString(PyExc_TypeError, "list_sum() argument must be a list");
        return NULL;
    }
    n = PyList_GET_SIZE(lst);
    for (i = 0; i < n; i++) {
        long v = PyLong_AsLong(PyList_GET_ITEM(lst, i));
        if (v == -1 && PyErr_Occurred())
            return NULL;
        total += v;
    }
    ncalls++;
    return PyLong_FromLongLong(total);
}

/* get_ncalls(): how many times the functions above completed */
static PyObject *
get_ncalls(PyObject *self, PyObject *unused)
{
    (void)self; (void)unused;
    return PyLong_FromLong(ncalls);
}

static PyMethodDef bench_methods[] = {
    {"noargs", noargs, METH_NOARGS, "f()"},
    {"onearg", onearg, METH_O, "f(x) -> x"},
    {"fastcall", (PyCFunction)(void (*)(void))fastcall, METH_FASTCALL, "f(a, b) -> a"},
    {"varargs", varargs, METH_VARARGS, "f(a, b) -> a"},
    {"varargs_parse", varargs_parse, METH_VARARGS, "f(a, b) -> a via PyArg_ParseTuple"},
    {"fastcall_kw", (PyCFunction)(void (*)(void))fastcall_kw, METH_FASTCALL | METH_KEYWORDS,
     "f(a, b=...) -> b"},
    {"varargs_kw", (PyCFunction)(void (*)(void))varargs_kw, METH_VARARGS | METH_KEYWORDS,
     "f(a, b=...) -> b via PyArg_ParseTupleAndKeywords"},
    {"callback", (PyCFunction)(void (*)(void))callback, METH_FASTCALL,
     "callback(func, n, arg) -> sum of func(arg) n times"},
    {"sumsq", sumsq, METH_O, "sum of i*i % 7 for i in range(n), C longs"},
    {"sumsq_obj", sumsq_obj, METH_O, "sum of i*i % 7 for i in range(n), int objects"},
    {"list_sum", list_sum, METH_O, "sum of a list of ints"},
    {"get_ncalls", get_ncalls, METH_NOARGS, "number of completed calls"},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef bench_module = {
    PyModuleDef_HEAD_INIT, "bench_capi", "C API call-overhead benchmark", -1, bench_methods,
    NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC
PyInit_bench_capi(void)
{
    return PyModule_Create(&bench_module);
}
