/* PyArg_ParseTuple, PyArg_ParseTupleAndKeywords, PyArg_UnpackTuple and
 * PyArg_Parse: every supported format unit, and their bad-argument errors. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
ints(PyObject *self, PyObject *args)
{
    unsigned char b; short h; int i; long l; Py_ssize_t n; long long L;
    if (!PyArg_ParseTuple(args, "bhilnL:ints", &b, &h, &i, &l, &n, &L))
        return NULL;
    return Py_BuildValue("(iiilnL)", b, h, i, l, n, L);
}

static PyObject *
unsigned_masks(PyObject *self, PyObject *args)
{
    unsigned long k; unsigned long long K; unsigned char B; unsigned short H; unsigned int I;
    if (!PyArg_ParseTuple(args, "kKBHI", &k, &K, &B, &H, &I))
        return NULL;
    return Py_BuildValue("(kKiii)", k, K, (int)B, (int)H, (int)I);
}

static PyObject *
one_int(PyObject *self, PyObject *args)
{
    int i;
    if (!PyArg_ParseTuple(args, "i", &i))
        return NULL;
    return PyLong_FromLong(i);
}

static PyObject *
one_byte(PyObject *self, PyObject *args)
{
    unsigned char b;
    if (!PyArg_ParseTuple(args, "b:one_byte", &b))
        return NULL;
    return PyLong_FromLong(b);
}

static PyObject *
one_long(PyObject *self, PyObject *args)
{
    long l;
    if (!PyArg_ParseTuple(args, "l:one_long", &l))
        return NULL;
    return PyLong_FromLong(l);
}

static PyObject *
one_ssize(PyObject *self, PyObject *args)
{
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "n:one_ssize", &n))
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *
one_k(PyObject *self, PyObject *args)
{
    unsigned long k;
    if (!PyArg_ParseTuple(args, "k:one_k", &k))
        return NULL;
    return PyLong_FromUnsignedLong(k);
}

static PyObject *
floats(PyObject *self, PyObject *args)
{
    double d; float f;
    if (!PyArg_ParseTuple(args, "df:floats", &d, &f))
        return NULL;
    return Py_BuildValue("(dd)", d, (double)f);
}

static PyObject *
strings(PyObject *self, PyObject *args)
{
    const char *s, *z, *y; const char *s2, *y2; Py_ssize_t n2, ny2;
    if (!PyArg_ParseTuple(args, "szys#y#:strings", &s, &z, &y, &s2, &n2, &y2, &ny2))
        return NULL;
    return Py_BuildValue("(szyy#ny#n)", s, z, y, s2, n2, n2, y2, ny2, ny2);
}

static PyObject *
one_s(PyObject *self, PyObject *args)
{
    const char *s;
    if (!PyArg_ParseTuple(args, "s:one_s", &s))
        return NULL;
    return PyUnicode_FromString(s);
}

static PyObject *
one_z(PyObject *self, PyObject *args)
{
    const char *s;
    if (!PyArg_ParseTuple(args, "z:one_z", &s))
        return NULL;
    return Py_BuildValue("z", s);
}

static PyObject *
one_y(PyObject *self, PyObject *args)
{
    const char *s;
    if (!PyArg_ParseTuple(args, "y:one_y", &s))
        return NULL;
    return PyBytes_FromString(s);
}

static PyObject *
one_shash(PyObject *self, PyObject *args)
{
    const char *s; Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "s#:one_shash", &s, &n))
        return NULL;
    return Py_BuildValue("(y#n)", s, n, n);
}

static PyObject *
one_yhash(PyObject *self, PyObject *args)
{
    const char *s; Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "y#:one_yhash", &s, &n))
        return NULL;
    return Py_BuildValue("(y#n)", s, n, n);
}

static PyObject *
objects(PyObject *self, PyObject *args)
{
    PyObject *o, *l;
    if (!PyArg_ParseTuple(args, "OO!:objects", &o, &PyList_Type, &l))
        return NULL;
    return Py_BuildValue("(OO)", o, l);
}

static int
to_positive(PyObject *o, void *addr)
{
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred())
        return 0;
    if (v <= 0) {
        PyErr_SetString(PyExc_ValueError, "need a positive number");
        return 0;
    }
    *(long *)addr = v;
    return 1;
}

static PyObject *
converter(PyObject *self, PyObject *args)
{
    long v;
    if (!PyArg_ParseTuple(args, "O&:converter", to_positive, &v))
        return NULL;
    return PyLong_FromLong(v * 2);
}

static PyObject *
predicate(PyObject *self, PyObject *args)
{
    int p;
    if (!PyArg_ParseTuple(args, "p:predicate", &p))
        return NULL;
    return PyLong_FromLong(p);
}

static PyObject *
optional(PyObject *self, PyObject *args)
{
    int a, b = -1, c = -2;
    if (!PyArg_ParseTuple(args, "i|ii:optional", &a, &b, &c))
        return NULL;
    return Py_BuildValue("(iii)", a, b, c);
}

static PyObject *
nested(PyObject *self, PyObject *args)
{
    int a, b, c; const char *s;
    if (!PyArg_ParseTuple(args, "(i(ii))s:nested", &a, &b, &c, &s))
        return NULL;
    return Py_BuildValue("(iiis)", a, b, c, s);
}

static PyObject *
custom_message(PyObject *self, PyObject *args)
{
    int a;
    if (!PyArg_ParseTuple(args, "i;custom_message wants one int", &a))
        return NULL;
    return PyLong_FromLong(a);
}

static PyObject *
kwargs(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"", "name", "count", "flag", NULL};
    int pos, count = 1, flag = 0; const char *name;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "is|i$p:kwargs", kwlist, &pos, &name, &count, &flag))
        return NULL;
    return Py_BuildValue("(isii)", pos, name, count, flag);
}

static PyObject *
kwonly(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"x", "y", NULL};
    int x = 0, y = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|$ii", kwlist, &x, &y))
        return NULL;
    return Py_BuildValue("(ii)", x, y);
}

static PyObject *
unpack(PyObject *self, PyObject *args)
{
    PyObject *a, *b = Py_None, *c = Py_None;
    if (!PyArg_UnpackTuple(args, "unpack", 1, 3, &a, &b, &c))
        return NULL;
    return PyTuple_Pack(3, a, b, c);
}

static PyObject *
unpack_exact(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_UnpackTuple(args, "unpack_exact", 2, 2, &a, &b))
        return NULL;
    return PyTuple_Pack(2, b, a);
}

static PyObject *
old_parse(PyObject *self, PyObject *arg)
{
    int i;
    if (!PyArg_Parse(arg, "i;old_parse needs an int", &i))
        return NULL;
    return PyLong_FromLong(i + 1);
}

/* Buffer units: y* and s* read, w* writes; a later failure releases the
 * buffers already taken (checked from Python by resizing a bytearray). */
static PyObject *
buffers(PyObject *self, PyObject *args)
{
    Py_buffer y, s, z, w = {0};
    int fail = 0;
    if (!PyArg_ParseTuple(args, "y*s*z*|w*i:buffers", &y, &s, &z, &w, &fail))
        return NULL;
    if (w.obj != NULL && w.len > 0)
        ((char *)w.buf)[0] = '!';
    PyObject *r = Py_BuildValue("(y#y#nii)", (char *)y.buf, y.len, (char *)s.buf, s.len, z.len,
                                z.obj == NULL, w.obj != NULL);
    PyBuffer_Release(&y);
    PyBuffer_Release(&s);
    PyBuffer_Release(&z);
    if (w.obj != NULL)
        PyBuffer_Release(&w);
    return r;
}

static PyMethodDef methods[] = {
    {"buffers", buffers, METH_VARARGS},
    {"ints", ints, METH_VARARGS},
    {"unsigned_masks", unsigned_masks, METH_VARARGS},
    {"one_int", one_int, METH_VARARGS},
    {"one_byte", one_byte, METH_VARARGS},
    {"one_long", one_long, METH_VARARGS},
    {"one_ssize", one_ssize, METH_VARARGS},
    {"one_k", one_k, METH_VARARGS},
    {"floats", floats, METH_VARARGS},
    {"strings", strings, METH_VARARGS},
    {"one_s", one_s, METH_VARARGS},
    {"one_z", one_z, METH_VARARGS},
    {"one_y", one_y, METH_VARARGS},
    {"one_shash", one_shash, METH_VARARGS},
    {"one_yhash", one_yhash, METH_VARARGS},
    {"objects", objects, METH_VARARGS},
    {"converter", converter, METH_VARARGS},
    {"predicate", predicate, METH_VARARGS},
    {"optional", optional, METH_VARARGS},
    {"nested", nested, METH_VARARGS},
    {"custom_message", custom_message, METH_VARARGS},
    {"kwargs", (PyCFunction)(void (*)(void))kwargs, METH_VARARGS | METH_KEYWORDS},
    {"kwonly", (PyCFunction)(void (*)(void))kwonly, METH_VARARGS | METH_KEYWORDS},
    {"unpack", unpack, METH_VARARGS},
    {"unpack_exact", unpack_exact, METH_VARARGS},
    {"old_parse", old_parse, METH_O},
    {NULL}
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "args", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_args(void)
{
    return PyModule_Create(&def);
}
