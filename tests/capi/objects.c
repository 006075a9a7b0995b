/* The object functions of the first C API slice: ints, floats, bools,
 * str, bytes, tuples, lists, dicts, and the object/number/sequence/
 * iterator/call protocols, with their error paths. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* ---- int ---- */
static PyObject *
long_as(PyObject *self, PyObject *o)
{
    PyObject *r = PyList_New(0);
    long l = PyLong_AsLong(o);
    if (l == -1 && PyErr_Occurred()) { PyErr_Clear(); PyList_Append(r, Py_None); }
    else { PyObject *v = PyLong_FromLong(l); PyList_Append(r, v); Py_DECREF(v); }
    long long ll = PyLong_AsLongLong(o);
    if (ll == -1 && PyErr_Occurred()) { PyErr_Clear(); PyList_Append(r, Py_None); }
    else { PyObject *v = PyLong_FromLongLong(ll); PyList_Append(r, v); Py_DECREF(v); }
    Py_ssize_t n = PyLong_AsSsize_t(o);
    if (n == -1 && PyErr_Occurred()) { PyErr_Clear(); PyList_Append(r, Py_None); }
    else { PyObject *v = PyLong_FromSsize_t(n); PyList_Append(r, v); Py_DECREF(v); }
    unsigned long ul = PyLong_AsUnsignedLong(o);
    if (ul == (unsigned long)-1 && PyErr_Occurred()) { PyErr_Clear(); PyList_Append(r, Py_None); }
    else { PyObject *v = PyLong_FromUnsignedLong(ul); PyList_Append(r, v); Py_DECREF(v); }
    double d = PyLong_AsDouble(o);
    if (d == -1.0 && PyErr_Occurred()) { PyErr_Clear(); PyList_Append(r, Py_None); }
    else { PyObject *v = PyFloat_FromDouble(d); PyList_Append(r, v); Py_DECREF(v); }
    int overflow;
    long lo = PyLong_AsLongAndOverflow(o, &overflow);
    if (lo == -1 && PyErr_Occurred()) { PyErr_Clear(); PyList_Append(r, Py_None); }
    else { PyObject *v = Py_BuildValue("(li)", lo, overflow); PyList_Append(r, v); Py_DECREF(v); }
    return r;
}

/* The exception a conversion raises, as "Type: message". */
static PyObject *
error_text(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *r = PyUnicode_FromFormat("%s: %S", ((PyTypeObject *)t)->tp_name, v);
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
    return r;
}

static PyObject *
long_as_long(PyObject *self, PyObject *o)
{
    long l = PyLong_AsLong(o);
    if (l == -1 && PyErr_Occurred()) return error_text();
    return PyLong_FromLong(l);
}

static PyObject *
long_as_ulong(PyObject *self, PyObject *o)
{
    unsigned long l = PyLong_AsUnsignedLong(o);
    if (l == (unsigned long)-1 && PyErr_Occurred()) return error_text();
    return PyLong_FromUnsignedLong(l);
}

static PyObject *
long_as_ssize(PyObject *self, PyObject *o)
{
    Py_ssize_t l = PyLong_AsSsize_t(o);
    if (l == -1 && PyErr_Occurred()) return error_text();
    return PyLong_FromSsize_t(l);
}

static PyObject *
long_as_longlong(PyObject *self, PyObject *o)
{
    long long l = PyLong_AsLongLong(o);
    if (l == -1 && PyErr_Occurred()) return error_text();
    return PyLong_FromLongLong(l);
}

static PyObject *
long_as_ulonglong(PyObject *self, PyObject *o)
{
    unsigned long long l = PyLong_AsUnsignedLongLong(o);
    if (l == (unsigned long long)-1 && PyErr_Occurred()) return error_text();
    return PyLong_FromUnsignedLongLong(l);
}

static PyObject *
long_from(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(NNNNNNN)", PyLong_FromLong(-7), PyLong_FromUnsignedLong((unsigned long)-1),
                         PyLong_FromLongLong(-(1LL << 62)), PyLong_FromUnsignedLongLong(1ULL << 63),
                         PyLong_FromSsize_t(-1), PyLong_FromSize_t((size_t)-1),
                         PyLong_FromDouble(-3.9e20));
}

/* ---- float, bool ---- */
static PyObject *
float_as(PyObject *self, PyObject *o)
{
    double d = PyFloat_AsDouble(o);
    if (d == -1.0 && PyErr_Occurred()) return error_text();
    return PyFloat_FromDouble(d * 2);
}

static PyObject *
float_macro(PyObject *self, PyObject *o)
{
    if (!PyFloat_Check(o)) Py_RETURN_NONE;
    return PyFloat_FromDouble(PyFloat_AS_DOUBLE(o) + 1);
}

static PyObject *
bools(PyObject *self, PyObject *unused)
{
    PyObject *t = PyBool_FromLong(5), *f = PyBool_FromLong(0);
    return Py_BuildValue("(NNiii)", t, f, t == Py_True, f == Py_False, Py_IsNone(Py_None));
}

/* ---- str ---- */
static PyObject *
str_ops(PyObject *self, PyObject *o)
{
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(o, &n);
    if (u == NULL) return error_text();
    PyObject *copy = PyUnicode_FromStringAndSize(u, n);
    PyObject *hello = PyUnicode_FromString("hello");
    PyObject *cat = PyUnicode_Concat(copy, hello);
    PyObject *r = Py_BuildValue("(nnNiiiiN)", n, PyUnicode_GetLength(o), cat,
                                PyUnicode_Compare(o, hello), PyUnicode_CompareWithASCIIString(o, "abc"),
                                strcmp(PyUnicode_AsUTF8(o), u) == 0,
                                PyUnicode_InternFromString("interned") == PyUnicode_InternFromString("interned"),
                                PyUnicode_FromStringAndSize(u, n < 1 ? n : 1));
    Py_DECREF(copy); Py_DECREF(hello);
    return r;
}

static PyObject *
str_errors(PyObject *self, PyObject *o)
{
    PyObject *l = PyList_New(0), *v;
    v = PyUnicode_FromString("\xff\xfe"); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyUnicode_FromStringAndSize("abc", -1); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyUnicode_Concat(o, o); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    PyObject *one = PyLong_FromLong(1);
    v = PyUnicode_Concat(o, one); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    int c = PyUnicode_Compare(o, one);
    v = (c == -1 && PyErr_Occurred()) ? error_text() : PyLong_FromLong(c); PyList_Append(l, v); Py_DECREF(v);
    Py_ssize_t n = PyUnicode_GetLength(one);
    v = (n == -1 && PyErr_Occurred()) ? error_text() : PyLong_FromSsize_t(n); PyList_Append(l, v); Py_DECREF(v);
    const char *s = PyUnicode_AsUTF8(one);
    v = s ? PyUnicode_FromString(s) : error_text(); PyList_Append(l, v); Py_DECREF(v);
    Py_DECREF(one);
    return l;
}

static PyObject *
str_format(PyObject *self, PyObject *o)
{
    return PyUnicode_FromFormat("[%d|%i|%u|%ld|%lu|%lld|%zd|%zu|%x|%c|%s|%.3s|%U|%S|%R|%A|%V|%V|%5d|%05d|%.4d|%%|%10s]",
                                -1, 2, 3u, -4L, 5UL, -6LL, (Py_ssize_t)-7, (size_t)8, 255, 'A', "str",
                                "truncated", o, o, o, o, o, "unused", (PyObject *)NULL, "fallback",
                                42, -42, 7, "right");
}

/* The PEP 393 macros read the VM's str objects directly. */
static PyObject *
str_macros(PyObject *self, PyObject *o)
{
    if (!PyUnicode_Check(o) || PyUnicode_READY(o) < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(o);
    PyObject *chars = PyList_New(0);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *c = PyLong_FromLong((long)PyUnicode_READ_CHAR(o, i));
        PyList_Append(chars, c);
        Py_DECREF(c);
    }
    int kind = PyUnicode_KIND(o);
    Py_UCS4 last = n ? PyUnicode_READ(kind, PyUnicode_DATA(o), n - 1) : 0;
    return Py_BuildValue("(niiNl)", n, kind, PyUnicode_IS_ASCII(o), chars, (long)last);
}

/* ---- bytes ---- */
static PyObject *
bytes_ops(PyObject *self, PyObject *o)
{
    if (!PyBytes_Check(o)) {
        char *s = PyBytes_AsString(o);
        if (s == NULL) return error_text();
        Py_RETURN_NONE;
    }
    char *buf; Py_ssize_t n;
    if (PyBytes_AsStringAndSize(o, &buf, &n) < 0) return NULL;
    PyObject *b = PyBytes_FromStringAndSize(NULL, n + 1);
    memcpy(PyBytes_AS_STRING(b), buf, n);
    PyBytes_AS_STRING(b)[n] = '!';
    PyObject *c = PyBytes_FromString(PyBytes_AsString(o));
    PyObject *d = PyBytes_FromStringAndSize("tail", 4);
    PyObject *e = PyBytes_FromStringAndSize("0123456789", 10);
    if (_PyBytes_Resize(&e, 4) < 0) return NULL;
    PyBytes_Concat(&c, d);
    Py_DECREF(d);
    char *nul; Py_ssize_t *none = NULL;
    int rc = PyBytes_AsStringAndSize(o, &nul, none);
    PyObject *err = rc < 0 ? error_text() : Py_NewRef(Py_None);
    return Py_BuildValue("(NnnNNN)", b, PyBytes_Size(o), PyBytes_GET_SIZE(o), c, e, err);
}

/* ---- tuple, list ---- */
static PyObject *
tuple_ops(PyObject *self, PyObject *o)
{
    PyObject *t = PyTuple_New(3);
    Py_INCREF(o);
    PyTuple_SetItem(t, 0, o);
    PyTuple_SET_ITEM(t, 1, PyLong_FromLong(2));
    PyTuple_SET_ITEM(t, 2, PyUnicode_FromString("three"));
    PyObject *item = PyTuple_GetItem(t, 5);
    PyObject *e1 = item ? Py_NewRef(item) : error_text();
    PyObject *sl = PyTuple_GetSlice(t, 1, 10);
    PyObject *notup = PyLong_FromLong(1);
    Py_ssize_t n = PyTuple_Size(notup);
    /* CPython's message names its own source line: print the type only. */
    PyObject *e2 = n == -1 && PyErr_ExceptionMatches(PyExc_SystemError) ? PyUnicode_FromString("SystemError") : PyLong_FromSsize_t(n);
    PyErr_Clear();
    Py_DECREF(notup);
    PyObject *packed = PyTuple_Pack(2, o, o);
    return Py_BuildValue("(NnOnNNNN)", t, PyTuple_Size(t), PyTuple_GET_ITEM(t, 1),
                         PyTuple_GET_SIZE(t), e1, sl, e2, packed);
}

static PyObject *
list_ops(PyObject *self, PyObject *o)
{
    PyObject *l = PyList_New(2);
    PyList_SET_ITEM(l, 0, PyLong_FromLong(0));
    PyList_SetItem(l, 1, PyLong_FromLong(1));
    PyList_Append(l, o);
    PyList_Insert(l, 0, o);
    PyList_Insert(l, -1, Py_None);
    PyList_Insert(l, 100, Py_True);
    PyObject *t = PyList_AsTuple(l);
    PyObject *got = PyList_GetItem(l, 99);
    PyObject *e1 = got ? Py_NewRef(got) : error_text();
    PyObject *v = PyLong_FromLong(9);
    int rc = PyList_SetItem(l, -1, v);
    PyObject *e2 = rc < 0 ? error_text() : Py_NewRef(Py_None);
    PyObject *sl = PyList_GetSlice(l, 1, 3);
    PyList_Reverse(sl);
    return Py_BuildValue("(NNnnNNON)", l, t, PyList_Size(l), PyList_GET_SIZE(l), e1, e2,
                         PyList_GET_ITEM(l, 0), sl);
}

/* ---- dict ---- */
static PyObject *
dict_ops(PyObject *self, PyObject *o)
{
    PyObject *d = PyDict_New();
    PyObject *k = PyUnicode_FromString("k");
    PyDict_SetItem(d, k, o);
    PyDict_SetItemString(d, "s", Py_None);
    PyObject *one = PyLong_FromLong(1);
    PyDict_SetItem(d, one, one);
    PyObject *got = PyDict_GetItem(d, k);
    PyObject *gs = PyDict_GetItemString(d, "s");
    PyObject *missing = PyDict_GetItemString(d, "nope");
    PyObject *lst = PyList_New(0);
    PyObject *unh = PyDict_GetItem(d, lst);
    int err_after_getitem = PyErr_Occurred() != NULL;
    PyObject *unh2 = PyDict_GetItemWithError(d, lst);
    PyObject *e1 = unh2 ? Py_NewRef(unh2) : error_text();
    int c1 = PyDict_Contains(d, one), c2 = PyDict_Contains(d, Py_None);
    int rc = PyDict_DelItem(d, Py_None);
    PyObject *e2 = rc < 0 ? error_text() : Py_NewRef(Py_None);
    PyDict_DelItemString(d, "s");
    PyObject *pairs = PyList_New(0);
    Py_ssize_t pos = 0; PyObject *key, *value;
    while (PyDict_Next(d, &pos, &key, &value)) {
        PyObject *p = PyTuple_Pack(2, key, value);
        PyList_Append(pairs, p);
        Py_DECREF(p);
    }
    PyObject *r = Py_BuildValue("(OOOiOiNiiNNNNNn)", d, got, gs, missing == NULL, unh ? unh : Py_None,
                                err_after_getitem, e1, c1, c2, e2, pairs, PyDict_Keys(d), PyDict_Values(d),
                                PyDict_Items(d), PyDict_Size(d));
    Py_DECREF(d); Py_DECREF(k); Py_DECREF(one); Py_DECREF(lst);
    return r;
}

/* ---- object / number / sequence / iterator / call protocols ---- */
static PyObject *
object_ops(PyObject *self, PyObject *args)
{
    PyObject *o, *name;
    if (!PyArg_ParseTuple(args, "OU", &o, &name))
        return NULL;
    PyObject *l = PyList_New(0), *v;
    v = PyObject_GetAttr(o, name); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyObject_GetAttrString(o, "__class__"); PyList_Append(l, v); Py_DECREF(v);
    v = PyBool_FromLong(PyObject_HasAttr(o, name)); PyList_Append(l, v); Py_DECREF(v);
    v = PyBool_FromLong(PyObject_HasAttrString(o, "nope")); PyList_Append(l, v); Py_DECREF(v);
    v = PyObject_Repr(o); PyList_Append(l, v); Py_DECREF(v);
    v = PyObject_Str(o); PyList_Append(l, v); Py_DECREF(v);
    Py_hash_t h = PyObject_Hash(o);
    v = h == -1 ? error_text() : Py_NewRef(Py_True); PyList_Append(l, v); Py_DECREF(v);
    int t = PyObject_IsTrue(o);
    v = t < 0 ? error_text() : PyLong_FromLong(t); PyList_Append(l, v); Py_DECREF(v);
    t = PyObject_Not(o);
    v = t < 0 ? error_text() : PyLong_FromLong(t); PyList_Append(l, v); Py_DECREF(v);
    Py_ssize_t n = PyObject_Length(o);
    v = n < 0 ? error_text() : PyLong_FromSsize_t(n); PyList_Append(l, v); Py_DECREF(v);
    v = PyLong_FromLong(PyCallable_Check(o)); PyList_Append(l, v); Py_DECREF(v);
    v = PyLong_FromLong(PyObject_IsInstance(o, (PyObject *)&PyLong_Type)); PyList_Append(l, v); Py_DECREF(v);
    v = PyLong_FromLong(PyObject_IsSubclass((PyObject *)Py_TYPE(o), (PyObject *)&PyBaseObject_Type)); PyList_Append(l, v); Py_DECREF(v);
    v = PyLong_FromLong(PySequence_Check(o)); PyList_Append(l, v); Py_DECREF(v);
    return l;
}

static PyObject *
setattr_ops(PyObject *self, PyObject *o)
{
    if (PyObject_SetAttrString(o, "added", Py_True) < 0) return error_text();
    PyObject *name = PyUnicode_FromString("other");
    int rc = PyObject_SetAttr(o, name, Py_False);
    Py_DECREF(name);
    if (rc < 0) return NULL;
    if (PyObject_SetAttrString(o, "added", NULL) < 0) return error_text();
    if (PyObject_SetAttrString(o, "added", NULL) < 0) return error_text();
    Py_RETURN_NONE;
}

static PyObject *
compare(PyObject *self, PyObject *args)
{
    PyObject *a, *b; int op;
    if (!PyArg_ParseTuple(args, "OOi", &a, &b, &op))
        return NULL;
    PyObject *r = PyObject_RichCompare(a, b, op);
    if (r == NULL) return error_text();
    int rb = PyObject_RichCompareBool(a, b, op);
    return Py_BuildValue("(Ni)", r, rb);
}

static PyObject *
numbers(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    PyObject *l = PyList_New(0), *v;
    v = PyNumber_Add(a, b); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyNumber_Subtract(a, b); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyNumber_Multiply(a, b); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyNumber_TrueDivide(a, b); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyNumber_FloorDivide(a, b); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyNumber_Remainder(a, b); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyNumber_Index(a); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyNumber_Long(a); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyNumber_Float(a); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyNumber_Negative(a); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    return l;
}

static PyObject *
sequences(PyObject *self, PyObject *o)
{
    PyObject *l = PyList_New(0), *v;
    Py_ssize_t n = PySequence_Size(o);
    v = n < 0 ? error_text() : PyLong_FromSsize_t(n); PyList_Append(l, v); Py_DECREF(v);
    v = PySequence_GetItem(o, -1); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PySequence_Fast(o, "expected something iterable"); if (!v) v = error_text();
    else { PyObject *w = PyLong_FromSsize_t(PySequence_Fast_GET_SIZE(v)); Py_DECREF(v); v = w; }
    PyList_Append(l, v); Py_DECREF(v);
    PyObject *key = PyLong_FromLong(0);
    v = PyObject_GetItem(o, key); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    Py_DECREF(key);
    PyObject *it = PyObject_GetIter(o);
    if (it == NULL) { v = error_text(); PyList_Append(l, v); Py_DECREF(v); return l; }
    PyObject *items = PyList_New(0), *x;
    while ((x = PyIter_Next(it)) != NULL) {
        PyList_Append(items, x);
        Py_DECREF(x);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) { Py_DECREF(items); items = error_text(); }
    PyList_Append(l, items); Py_DECREF(items);
    return l;
}

static PyObject *
setitem(PyObject *self, PyObject *args)
{
    PyObject *o, *k, *v;
    if (!PyArg_ParseTuple(args, "OOO", &o, &k, &v))
        return NULL;
    if (PyObject_SetItem(o, k, v) < 0) return error_text();
    Py_INCREF(o);
    return o;
}

static PyObject *
calls(PyObject *self, PyObject *f)
{
    PyObject *l = PyList_New(0), *v;
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    PyObject *args = PyTuple_Pack(2, one, two);
    PyObject *kw = Py_BuildValue("{s:i}", "k", 3);
    v = PyObject_Call(f, args, kw); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyObject_CallObject(f, NULL); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyObject_CallObject(f, args); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyObject_CallNoArgs(f); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyObject_CallOneArg(f, one); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    v = PyObject_CallFunctionObjArgs(f, one, two, NULL); if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    PyObject *vargs[3] = {NULL, one, two};
    PyObject *kwn = Py_BuildValue("(s)", "k");
    v = PyObject_Vectorcall(f, vargs + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, kwn);
    if (!v) v = error_text(); PyList_Append(l, v); Py_DECREF(v);
    Py_DECREF(one); Py_DECREF(two); Py_DECREF(args); Py_DECREF(kw); Py_DECREF(kwn);
    return l;
}

static PyObject *
call_method_objargs(PyObject *self, PyObject *args)
{
    PyObject *o, *name, *arg;
    if (!PyArg_ParseTuple(args, "OUO", &o, &name, &arg))
        return NULL;
    PyObject *r = PyObject_CallMethodObjArgs(o, name, arg, NULL);
    return r ? r : error_text();
}

static PyObject *
import_module(PyObject *self, PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s", &name))
        return NULL;
    PyObject *m = PyImport_ImportModule(name);
    if (m == NULL) return error_text();
    PyObject *n = PyObject_GetAttrString(m, "__name__");
    Py_DECREF(m);
    return n;
}

static PyObject *
memory(PyObject *self, PyObject *unused)
{
    char *p = PyMem_Malloc(16);
    strcpy(p, "pymem");
    p = PyMem_Realloc(p, 64);
    strcat(p, "+realloc");
    PyObject *a = PyUnicode_FromString(p);
    PyMem_Free(p);
    int *z = PyMem_Calloc(4, sizeof(int));
    int zero = z[0] + z[3];
    PyMem_Free(z);
    char *q = PyObject_Malloc(8);
    strcpy(q, "obj");
    PyObject *b = PyUnicode_FromString(q);
    PyObject_Free(q);
    PyMem_Free(NULL);
    return Py_BuildValue("(NNi)", a, b, zero);
}

static PyObject *
refcounts(PyObject *self, PyObject *o)
{
    Py_ssize_t before = Py_REFCNT(o);
    Py_IncRef(o);
    Py_INCREF(o);
    Py_ssize_t mid = Py_REFCNT(o);
    Py_DecRef(o);
    Py_DECREF(o);
    Py_XINCREF(o);
    Py_XDECREF(o);
    PyObject *n = Py_NewRef(o);
    Py_DECREF(n);
    return Py_BuildValue("(nn)", mid - before, Py_REFCNT(o) - before);
}

static PyMethodDef methods[] = {
    {"long_as", long_as, METH_O},
    {"long_as_long", long_as_long, METH_O},
    {"long_as_ulong", long_as_ulong, METH_O},
    {"long_as_ssize", long_as_ssize, METH_O},
    {"long_as_longlong", long_as_longlong, METH_O},
    {"long_as_ulonglong", long_as_ulonglong, METH_O},
    {"long_from", long_from, METH_NOARGS},
    {"float_as", float_as, METH_O},
    {"float_macro", float_macro, METH_O},
    {"bools", bools, METH_NOARGS},
    {"str_ops", str_ops, METH_O},
    {"str_errors", str_errors, METH_O},
    {"str_format", str_format, METH_O},
    {"str_macros", str_macros, METH_O},
    {"bytes_ops", bytes_ops, METH_O},
    {"tuple_ops", tuple_ops, METH_O},
    {"list_ops", list_ops, METH_O},
    {"dict_ops", dict_ops, METH_O},
    {"object_ops", object_ops, METH_VARARGS},
    {"setattr_ops", setattr_ops, METH_O},
    {"compare", compare, METH_VARARGS},
    {"numbers", numbers, METH_VARARGS},
    {"sequences", sequences, METH_O},
    {"setitem", setitem, METH_VARARGS},
    {"calls", calls, METH_O},
    {"call_method_objargs", call_method_objargs, METH_VARARGS},
    {"import_module", import_module, METH_VARARGS},
    {"memory", memory, METH_NOARGS},
    {"refcounts", refcounts, METH_O},
    {NULL}
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "objects", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_objects(void)
{
    return PyModule_Create(&def);
}
