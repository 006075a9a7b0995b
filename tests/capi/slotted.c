/* A static type filling the protocol slots: tp_repr/tp_str, tp_hash,
   tp_richcompare, tp_iter/tp_iternext (with a separate iterator type),
   tp_call, tp_getattro/tp_setattro over PyObject_GenericGetAttr/SetAttr,
   number, sequence and mapping slots, tp_weaklistoffset and tp_dictoffset.
   Vec is an immutable vector of C doubles. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "structmember.h"

typedef struct {
    PyObject_VAR_HEAD
    PyObject *dict;
    PyObject *weaklist;
    long accesses;
    double items[1];
} VecObject;

static PyTypeObject VecType;
static PyTypeObject VecIterType;
static long live = 0;

static VecObject *
vec_alloc(PyTypeObject *tp, Py_ssize_t n)
{
    VecObject *v = (VecObject *) tp->tp_alloc(tp, n);
    if (v != NULL)
        live++;
    return v;
}

static PyObject *
Vec_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t i, n = PyTuple_GET_SIZE(args);
    VecObject *v;
    if (kwds != NULL && PyDict_Size(kwds) > 0) {
        PyErr_SetString(PyExc_TypeError, "Vec() takes no keyword arguments");
        return NULL;
    }
    v = vec_alloc(type, n);
    if (v == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        double d = PyFloat_AsDouble(PyTuple_GET_ITEM(args, i));
        if (d == -1.0 && PyErr_Occurred()) {
            Py_DECREF(v);
            return NULL;
        }
        v->items[i] = d;
    }
    return (PyObject *) v;
}

static int
Vec_traverse(VecObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->dict);
    return 0;
}

static int
Vec_clear(VecObject *self)
{
    Py_CLEAR(self->dict);
    return 0;
}

static void
Vec_dealloc(VecObject *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weaklist != NULL)
        PyObject_ClearWeakRefs((PyObject *) self);
    Vec_clear(self);
    live--;
    Py_TYPE(self)->tp_free((PyObject *) self);
}

static PyObject *
Vec_repr(VecObject *self)
{
    Py_ssize_t i;
    PyObject *acc = PyUnicode_FromString(""), *r;
    if (acc == NULL)
        return NULL;
    for (i = 0; i < Py_SIZE(self); i++) {
        PyObject *f = PyFloat_FromDouble(self->items[i]), *next;
        if (f == NULL) {
            Py_DECREF(acc);
            return NULL;
        }
        next = PyUnicode_FromFormat("%U%s%R", acc, i ? ", " : "", f);
        Py_DECREF(f);
        Py_DECREF(acc);
        if (next == NULL)
            return NULL;
        acc = next;
    }
    r = PyUnicode_FromFormat("%s(%U)", _PyType_Name(Py_TYPE(self)), acc);
    Py_DECREF(acc);
    return r;
}

static PyObject *
Vec_str(VecObject *self)
{
    return PyUnicode_FromFormat("<vector of %zd>", Py_SIZE(self));
}

static Py_hash_t
Vec_hash(VecObject *self)
{
    Py_hash_t h = 17;
    Py_ssize_t i;
    for (i = 0; i < Py_SIZE(self); i++)
        h = h * 31 + (Py_hash_t) (self->items[i] * 1000);
    return h == -1 ? -2 : h;
}

static PyObject *
Vec_richcompare(PyObject *a, PyObject *b, int op)
{
    VecObject *x = (VecObject *) a, *y = (VecObject *) b;
    Py_ssize_t i;
    int eq = 1;
    if (!PyObject_TypeCheck(b, &VecType) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    if (Py_SIZE(x) != Py_SIZE(y))
        eq = 0;
    for (i = 0; eq && i < Py_SIZE(x); i++)
        if (x->items[i] != y->items[i])
            eq = 0;
    if (op == Py_NE)
        eq = !eq;
    return PyBool_FromLong(eq);
}

/* Calling a Vec evaluates it as polynomial coefficients at x. */
static PyObject *
Vec_call(VecObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"x", NULL};
    double x, r = 0;
    Py_ssize_t i;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "d:Vec", kwlist, &x))
        return NULL;
    for (i = Py_SIZE(self) - 1; i >= 0; i--)
        r = r * x + self->items[i];
    return PyFloat_FromDouble(r);
}

/* Attribute access is counted, then generic. */
static PyObject *
Vec_getattro(VecObject *self, PyObject *name)
{
    self->accesses++;
    return PyObject_GenericGetAttr((PyObject *) self, name);
}

static int
Vec_setattro(VecObject *self, PyObject *name, PyObject *value)
{
    if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "frozen") == 0) {
        PyErr_SetString(PyExc_AttributeError, "cannot set 'frozen'");
        return -1;
    }
    return PyObject_GenericSetAttr((PyObject *) self, name, value);
}

static Py_ssize_t
Vec_length(VecObject *self)
{
    return Py_SIZE(self);
}

static PyObject *
Vec_item(VecObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "Vec index out of range");
        return NULL;
    }
    return PyFloat_FromDouble(self->items[i]);
}

static int
Vec_contains(VecObject *self, PyObject *o)
{
    Py_ssize_t i;
    double d = PyFloat_AsDouble(o);
    if (d == -1.0 && PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    for (i = 0; i < Py_SIZE(self); i++)
        if (self->items[i] == d)
            return 1;
    return 0;
}

static PyObject *
Vec_binop(PyObject *a, PyObject *b, int sub)
{
    VecObject *x, *y, *r;
    Py_ssize_t i;
    if (!PyObject_TypeCheck(a, &VecType) || !PyObject_TypeCheck(b, &VecType))
        Py_RETURN_NOTIMPLEMENTED;
    x = (VecObject *) a;
    y = (VecObject *) b;
    if (Py_SIZE(x) != Py_SIZE(y)) {
        PyErr_SetString(PyExc_ValueError, "vectors of different lengths");
        return NULL;
    }
    r = vec_alloc(&VecType, Py_SIZE(x));
    if (r == NULL)
        return NULL;
    for (i = 0; i < Py_SIZE(x); i++)
        r->items[i] = sub ? x->items[i] - y->items[i] : x->items[i] + y->items[i];
    return (PyObject *) r;
}

static PyObject *Vec_add(PyObject *a, PyObject *b) { return Vec_binop(a, b, 0); }
static PyObject *Vec_sub(PyObject *a, PyObject *b) { return Vec_binop(a, b, 1); }

static PyObject *
Vec_mul(PyObject *a, PyObject *b)
{
    VecObject *v, *r;
    double k;
    Py_ssize_t i;
    if (PyObject_TypeCheck(a, &VecType) && PyFloat_Check(b)) {
        v = (VecObject *) a;
        k = PyFloat_AS_DOUBLE(b);
    } else if (PyObject_TypeCheck(b, &VecType) && PyFloat_Check(a)) {
        v = (VecObject *) b;
        k = PyFloat_AS_DOUBLE(a);
    } else {
        Py_RETURN_NOTIMPLEMENTED;
    }
    r = vec_alloc(&VecType, Py_SIZE(v));
    if (r == NULL)
        return NULL;
    for (i = 0; i < Py_SIZE(v); i++)
        r->items[i] = v->items[i] * k;
    return (PyObject *) r;
}

static PyObject *
Vec_neg(VecObject *v)
{
    Py_ssize_t i;
    VecObject *r = vec_alloc(&VecType, Py_SIZE(v));
    if (r == NULL)
        return NULL;
    for (i = 0; i < Py_SIZE(v); i++)
        r->items[i] = -v->items[i];
    return (PyObject *) r;
}

static int
Vec_bool(VecObject *v)
{
    Py_ssize_t i;
    for (i = 0; i < Py_SIZE(v); i++)
        if (v->items[i] != 0)
            return 1;
    return 0;
}

static PyObject *
Vec_float(VecObject *v)
{
    double s = 0;
    Py_ssize_t i;
    for (i = 0; i < Py_SIZE(v); i++)
        s += v->items[i];
    return PyFloat_FromDouble(s);
}

static PyNumberMethods Vec_as_number = {
    .nb_add = Vec_add,
    .nb_subtract = Vec_sub,
    .nb_multiply = Vec_mul,
    .nb_negative = (unaryfunc) Vec_neg,
    .nb_bool = (inquiry) Vec_bool,
    .nb_float = (unaryfunc) Vec_float,
};

static PySequenceMethods Vec_as_sequence = {
    .sq_length = (lenfunc) Vec_length,
    .sq_item = (ssizeargfunc) Vec_item,
    .sq_contains = (objobjproc) Vec_contains,
};

/* The iterator: a separate static type holding a reference to its Vec. */
typedef struct {
    PyObject_HEAD
    VecObject *vec;
    Py_ssize_t pos;
} VecIterObject;

static PyObject *
Vec_iter(VecObject *self)
{
    VecIterObject *it = PyObject_GC_New(VecIterObject, &VecIterType);
    if (it == NULL)
        return NULL;
    Py_INCREF(self);
    it->vec = self;
    it->pos = 0;
    PyObject_GC_Track(it);
    return (PyObject *) it;
}

static int
VecIter_traverse(VecIterObject *it, visitproc visit, void *arg)
{
    Py_VISIT(it->vec);
    return 0;
}

static void
VecIter_dealloc(VecIterObject *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->vec);
    PyObject_GC_Del(it);
}

static PyObject *
VecIter_next(VecIterObject *it)
{
    if (it->vec == NULL)
        return NULL;
    if (it->pos < Py_SIZE(it->vec))
        return PyFloat_FromDouble(it->vec->items[it->pos++]);
    Py_CLEAR(it->vec);
    return NULL;
}

static PyObject *
VecIter_length_hint(VecIterObject *it, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t(it->vec ? Py_SIZE(it->vec) - it->pos : 0);
}

static PyMethodDef VecIter_methods[] = {
    {"__length_hint__", (PyCFunction) VecIter_length_hint, METH_NOARGS, NULL},
    {NULL}
};

static PyTypeObject VecIterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "slotted.VecIterator",
    .tp_basicsize = sizeof(VecIterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_dealloc = (destructor) VecIter_dealloc,
    .tp_traverse = (traverseproc) VecIter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc) VecIter_next,
    .tp_methods = VecIter_methods,
};

static PyObject *
Vec_norm(VecObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"squared", NULL};
    int squared = 0;
    double s = 0;
    Py_ssize_t i;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$p:norm", kwlist, &squared))
        return NULL;
    for (i = 0; i < Py_SIZE(self); i++)
        s += self->items[i] * self->items[i];
    if (!squared) {
        double r = s, prev = 0;
        while (r != prev) {  /* Newton's square root, to avoid libm */
            prev = r;
            r = 0.5 * (r + s / r);
        }
        s = r;
    }
    return PyFloat_FromDouble(s);
}

static PyObject *
Vec_zeros(PyObject *cls, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    return (PyObject *) vec_alloc((PyTypeObject *) cls, n);
}

static PyObject *
Vec_dot(PyObject *unused, PyObject *args)
{
    VecObject *a, *b;
    double s = 0;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "O!O!:dot", &VecType, &a, &VecType, &b))
        return NULL;
    for (i = 0; i < Py_SIZE(a) && i < Py_SIZE(b); i++)
        s += a->items[i] * b->items[i];
    return PyFloat_FromDouble(s);
}

static PyMethodDef Vec_methods[] = {
    {"norm", (PyCFunction) (void (*)(void)) Vec_norm, METH_VARARGS | METH_KEYWORDS, "norm($self, /, *, squared=False)\n--\n\nEuclidean norm."},
    {"zeros", Vec_zeros, METH_O | METH_CLASS, "A vector of n zeros."},
    {"dot", Vec_dot, METH_VARARGS | METH_STATIC, "Dot product."},
    {NULL}
};

static PyMemberDef Vec_members[] = {
    {"accesses", T_LONG, offsetof(VecObject, accesses), READONLY, "attribute lookups so far"},
    {NULL}
};

static PyObject *
Vec_get_dim(VecObject *self, void *closure)
{
    return PyLong_FromSsize_t(Py_SIZE(self));
}

static PyGetSetDef Vec_getset[] = {
    {"dim", (getter) Vec_get_dim, NULL, "number of components", NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL}
};

static PyTypeObject VecType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "slotted.Vec",
    .tp_basicsize = offsetof(VecObject, items),
    .tp_itemsize = sizeof(double),
    .tp_dealloc = (destructor) Vec_dealloc,
    .tp_repr = (reprfunc) Vec_repr,
    .tp_as_number = &Vec_as_number,
    .tp_as_sequence = &Vec_as_sequence,
    .tp_hash = (hashfunc) Vec_hash,
    .tp_call = (ternaryfunc) Vec_call,
    .tp_str = (reprfunc) Vec_str,
    .tp_getattro = (getattrofunc) Vec_getattro,
    .tp_setattro = (setattrofunc) Vec_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Vec(*components)\n--\n\nAn immutable vector.",
    .tp_traverse = (traverseproc) Vec_traverse,
    .tp_clear = (inquiry) Vec_clear,
    .tp_richcompare = Vec_richcompare,
    .tp_weaklistoffset = offsetof(VecObject, weaklist),
    .tp_iter = (getiterfunc) Vec_iter,
    .tp_methods = Vec_methods,
    .tp_members = Vec_members,
    .tp_getset = Vec_getset,
    .tp_dictoffset = offsetof(VecObject, dict),
    .tp_new = Vec_new,
};

static PyObject *
live_count(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(live);
}

static PyMethodDef module_methods[] = {
    {"live", live_count, METH_NOARGS, NULL},
    {NULL}
};

static PyModuleDef slottedmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "slotted",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC
PyInit_slotted(void)
{
    PyObject *m;
    if (PyType_Ready(&VecType) < 0 || PyType_Ready(&VecIterType) < 0)
        return NULL;
    m = PyModule_Create(&slottedmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &VecType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
