/* Heap types from specs: a module with multi-phase init whose exec slot
   creates its types with PyType_FromModuleAndSpec and keeps them (and a
   count of live Counter objects) in the module state. Counter has GC
   support, a __dict__ and weak references through the special members,
   and the iterator, call, comparison, hash, repr/str, number and mapping
   slots; Point has no deallocator of its own and no BASETYPE flag;
   Fast is a C subtype of Counter made with PyType_FromSpecWithBases. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "structmember.h"

typedef struct {
    PyObject *Counter;
    PyObject *Point;
    PyObject *Fast;
    long live;
} module_state;

static struct PyModuleDef heaptype_def;

static module_state *
state_of_type(PyTypeObject *tp)
{
    PyObject *m = PyType_GetModuleByDef(tp, &heaptype_def);
    if (m == NULL)
        return NULL;
    return (module_state *) PyModule_GetState(m);
}

typedef struct {
    PyObject_HEAD
    long value;
    long step;
    long limit;
    PyObject *tag;
    PyObject *dict;
    PyObject *weaklist;
} CounterObject;

static PyObject *
Counter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"start", "step", "limit", NULL};
    long start = 0, step = 1, limit = 10;
    CounterObject *self;
    module_state *st;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|lll:Counter", kwlist, &start, &step, &limit))
        return NULL;
    if (step == 0) {
        PyErr_SetString(PyExc_ValueError, "step must not be zero");
        return NULL;
    }
    st = state_of_type(type);
    if (st == NULL)
        return NULL;
    self = (CounterObject *) type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->value = start;
    self->step = step;
    self->limit = limit;
    st->live++;
    return (PyObject *) self;
}

static int
Counter_traverse(CounterObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->tag);
    Py_VISIT(self->dict);
    return 0;
}

static int
Counter_clear(CounterObject *self)
{
    Py_CLEAR(self->tag);
    Py_CLEAR(self->dict);
    return 0;
}

static void
Counter_dealloc(CounterObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    module_state *st = state_of_type(tp);
    PyObject_GC_UnTrack(self);
    if (self->weaklist != NULL)
        PyObject_ClearWeakRefs((PyObject *) self);
    Counter_clear(self);
    if (st != NULL)
        st->live--;
    tp->tp_free((PyObject *) self);
    Py_DECREF(tp);
}

static PyObject *
Counter_iter(PyObject *self)
{
    Py_INCREF(self);
    return self;
}

static PyObject *
Counter_iternext(CounterObject *self)
{
    long v = self->value;
    if ((self->step > 0 && v >= self->limit) || (self->step < 0 && v <= self->limit))
        return NULL;
    self->value += self->step;
    return PyLong_FromLong(v);
}

static PyObject *
Counter_call(CounterObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"times", NULL};
    long times = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|l:__call__", kwlist, &times))
        return NULL;
    self->value += times * self->step;
    return PyLong_FromLong(self->value);
}

static int
value_of(PyObject *self, PyObject *o, long *out)
{
    if (PyObject_TypeCheck(o, Py_TYPE(self)) || PyObject_TypeCheck(self, Py_TYPE(o))) {
        *out = ((CounterObject *) o)->value;
        return 1;
    }
    if (PyLong_Check(o)) {
        *out = PyLong_AsLong(o);
        if (*out == -1 && PyErr_Occurred())
            return -1;
        return 1;
    }
    return 0;
}

static PyObject *
Counter_richcompare(PyObject *a, PyObject *b, int op)
{
    long x, y;
    int r = value_of(a, b, &y);
    if (r < 0)
        return NULL;
    if (r == 0)
        Py_RETURN_NOTIMPLEMENTED;
    x = ((CounterObject *) a)->value;
    Py_RETURN_RICHCOMPARE(x, y, op);
}

static Py_hash_t
Counter_hash(CounterObject *self)
{
    Py_hash_t h = (Py_hash_t) self->value;
    return h == -1 ? -2 : h;
}

static PyObject *
Counter_repr(CounterObject *self)
{
    return PyUnicode_FromFormat("%s(value=%ld, step=%ld)", Py_TYPE(self)->tp_name, self->value, self->step);
}

static PyObject *
Counter_str(CounterObject *self)
{
    return PyUnicode_FromFormat("%ld", self->value);
}

static PyObject *
Counter_add(PyObject *a, PyObject *b)
{
    long n;
    PyObject *args, *r;
    module_state *st;
    if (!PyLong_Check(b) || Py_TYPE(a)->tp_iternext != (iternextfunc) Counter_iternext)
        Py_RETURN_NOTIMPLEMENTED;
    n = PyLong_AsLong(b);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    st = state_of_type(Py_TYPE(a));
    if (st == NULL)
        return NULL;
    args = Py_BuildValue("(lll)", ((CounterObject *) a)->value + n, ((CounterObject *) a)->step,
                         ((CounterObject *) a)->limit);
    if (args == NULL)
        return NULL;
    r = PyObject_CallObject(st->Counter, args);
    Py_DECREF(args);
    return r;
}

static int
Counter_bool(CounterObject *self)
{
    return self->value != 0;
}

static Py_ssize_t
Counter_length(CounterObject *self)
{
    long n = (self->limit - self->value + self->step - (self->step > 0 ? 1 : -1)) / self->step;
    return n < 0 ? 0 : n;
}

static PyObject *
Counter_subscript(CounterObject *self, PyObject *key)
{
    Py_ssize_t i;
    if (!PyLong_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "Counter indices must be integers");
        return NULL;
    }
    i = PyLong_AsSsize_t(key);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if (i < 0 || i >= Counter_length(self)) {
        PyErr_SetString(PyExc_IndexError, "Counter index out of range");
        return NULL;
    }
    return PyLong_FromLong(self->value + i * self->step);
}

static PyObject *
Counter_reset(CounterObject *self, PyObject *Py_UNUSED(ignored))
{
    self->value = 0;
    Py_RETURN_NONE;
}

/* METH_METHOD: the class that defines the method, not type(self). */
static PyObject *
Counter_live(PyObject *self, PyTypeObject *cls, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    module_state *st;
    if (nargs || kwnames) {
        PyErr_SetString(PyExc_TypeError, "live() takes no arguments");
        return NULL;
    }
    st = (module_state *) PyType_GetModuleState(cls);
    if (st == NULL)
        return NULL;
    return Py_BuildValue("(sl)", ((PyTypeObject *) cls)->tp_name, st->live);
}

static PyMethodDef Counter_methods[] = {
    {"reset", (PyCFunction) Counter_reset, METH_NOARGS, "Set the value back to zero."},
    {"live", (PyCFunction) (void (*)(void)) Counter_live, METH_METHOD | METH_FASTCALL | METH_KEYWORDS,
     "The defining class and its module's count of live counters."},
    {NULL}
};

static PyMemberDef Counter_members[] = {
    {"value", T_LONG, offsetof(CounterObject, value), 0, "current value"},
    {"step", T_LONG, offsetof(CounterObject, step), READONLY, "increment"},
    {"limit", T_LONG, offsetof(CounterObject, limit), 0, NULL},
    {"tag", T_OBJECT_EX, offsetof(CounterObject, tag), 0, NULL},
    {"__dictoffset__", T_PYSSIZET, offsetof(CounterObject, dict), READONLY},
    {"__weaklistoffset__", T_PYSSIZET, offsetof(CounterObject, weaklist), READONLY},
    {NULL}
};

static PyType_Slot Counter_slots[] = {
    {Py_tp_doc, "Counter(start=0, step=1, limit=10)\n--\n\nCount from start by step up to limit."},
    {Py_tp_new, Counter_new},
    {Py_tp_dealloc, Counter_dealloc},
    {Py_tp_traverse, Counter_traverse},
    {Py_tp_clear, Counter_clear},
    {Py_tp_iter, Counter_iter},
    {Py_tp_iternext, Counter_iternext},
    {Py_tp_call, Counter_call},
    {Py_tp_richcompare, Counter_richcompare},
    {Py_tp_hash, Counter_hash},
    {Py_tp_repr, Counter_repr},
    {Py_tp_str, Counter_str},
    {Py_nb_add, Counter_add},
    {Py_nb_bool, Counter_bool},
    {Py_mp_length, Counter_length},
    {Py_mp_subscript, Counter_subscript},
    {Py_tp_methods, Counter_methods},
    {Py_tp_members, Counter_members},
    {0, NULL},
};

static PyType_Spec Counter_spec = {
    .name = "heaptype.Counter",
    .basicsize = sizeof(CounterObject),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .slots = Counter_slots,
};

/* A subtype in C: only its repr differs; basicsize 0 inherits the base's. */
static PyObject *
Fast_repr(CounterObject *self)
{
    return PyUnicode_FromFormat("<fast %ld>", self->value);
}

static PyType_Slot Fast_slots[] = {
    {Py_tp_repr, Fast_repr},
    {Py_tp_traverse, Counter_traverse},
    {Py_tp_doc, NULL},
    {0, NULL},
};

static PyType_Spec Fast_spec = {
    .name = "heaptype.Fast",
    .basicsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Fast_slots,
};

/* No tp_dealloc (the generic heap-type one is used) and no BASETYPE. */
typedef struct {
    PyObject_HEAD
    double x, y;
    PyObject *label;
} PointObject;

static int
Point_init(PointObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"x", "y", "label", NULL};
    PyObject *label = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "dd|O:Point", kwlist, &self->x, &self->y, &label))
        return -1;
    Py_XINCREF(label);
    Py_XSETREF(self->label, label);
    return 0;
}

static PyMemberDef Point_members[] = {
    {"x", T_DOUBLE, offsetof(PointObject, x), 0, NULL},
    {"y", T_DOUBLE, offsetof(PointObject, y), READONLY, NULL},
    {"label", T_OBJECT_EX, offsetof(PointObject, label), 0, NULL},
    {NULL}
};

static PyType_Slot Point_slots[] = {
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, Point_init},
    {Py_tp_members, Point_members},
    {0, NULL},
};

static PyType_Spec Point_spec = {
    .name = "heaptype.Point",
    .basicsize = sizeof(PointObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Point_slots,
};

/* Adder: called through the vectorcall pointer its __vectorcalloffset__
   names; tp_call (used for calls the interpreter does not vectorcall)
   computes the same. It counts which entry was taken. */
typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    long base;
    long vector_calls;
    long tuple_calls;
} AdderObject;

static PyObject *
adder_sum(AdderObject *self, PyObject *const *args, Py_ssize_t n, PyObject *kwnames)
{
    long total = self->base;
    Py_ssize_t i;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        PyErr_SetString(PyExc_TypeError, "Adder() takes no keyword arguments");
        return NULL;
    }
    for (i = 0; i < n; i++) {
        long v = PyLong_AsLong(args[i]);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        total += v;
    }
    return PyLong_FromLong(total);
}

static PyObject *
Adder_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    ((AdderObject *) self)->vector_calls++;
    return adder_sum((AdderObject *) self, args, PyVectorcall_NARGS(nargsf), kwnames);
}

static PyObject *
Adder_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    ((AdderObject *) self)->tuple_calls++;
    if (kwds != NULL && PyDict_Size(kwds) > 0) {
        PyErr_SetString(PyExc_TypeError, "Adder() takes no keyword arguments");
        return NULL;
    }
    return adder_sum((AdderObject *) self, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), NULL);
}

static PyObject *
Adder_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long base = 0;
    AdderObject *self;
    if (!PyArg_ParseTuple(args, "|l:Adder", &base))
        return NULL;
    self = (AdderObject *) type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->vectorcall = Adder_vectorcall;
    self->base = base;
    return (PyObject *) self;
}

static void
Adder_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyMemberDef Adder_members[] = {
    {"__vectorcalloffset__", T_PYSSIZET, offsetof(AdderObject, vectorcall), READONLY},
    {"vector_calls", T_LONG, offsetof(AdderObject, vector_calls), READONLY},
    {"tuple_calls", T_LONG, offsetof(AdderObject, tuple_calls), READONLY},
    {NULL}
};

static PyType_Slot Adder_slots[] = {
    {Py_tp_new, Adder_new},
    {Py_tp_call, Adder_call},
    {Py_tp_dealloc, Adder_dealloc},
    {Py_tp_members, Adder_members},
    {0, NULL},
};

static PyType_Spec Adder_spec = {
    .name = "heaptype.Adder",
    .basicsize = sizeof(AdderObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .slots = Adder_slots,
};

static PyObject *
live(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    module_state *st = (module_state *) PyModule_GetState(module);
    return PyLong_FromLong(st->live);
}

static PyObject *
module_of(PyObject *module, PyObject *tp)
{
    PyObject *m;
    if (!PyType_Check(tp)) {
        PyErr_SetString(PyExc_TypeError, "a type is required");
        return NULL;
    }
    m = PyType_GetModule((PyTypeObject *) tp);
    if (m == NULL)
        return NULL;
    return Py_BuildValue("(Oi)", m, PyType_GetModuleState((PyTypeObject *) tp) == PyModule_GetState(module));
}

static PyObject *
slots(PyObject *module, PyObject *tp)
{
    PyTypeObject *t = (PyTypeObject *) tp;
    return Py_BuildValue("(iiiiii)",
                         PyType_GetSlot(t, Py_tp_iternext) == (void *) Counter_iternext,
                         PyType_GetSlot(t, Py_tp_repr) == (void *) Counter_repr,
                         PyType_GetSlot(t, Py_nb_add) == (void *) Counter_add,
                         PyType_GetSlot(t, Py_tp_new) == (void *) Counter_new,
                         PyType_GetSlot(t, Py_tp_call) != NULL,
                         (PyType_GetFlags(t) & Py_TPFLAGS_HEAPTYPE) != 0);
}

static PyObject *
bad_slot(PyObject *module, PyObject *tp)
{
    void *p = PyType_GetSlot((PyTypeObject *) tp, 1000);
    if (p == NULL && PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
from_bad_base(PyObject *module, PyObject *base)
{
    static PyType_Slot s[] = {{0, NULL}};
    static PyType_Spec spec = {"heaptype.Bad", 0, 0, Py_TPFLAGS_DEFAULT, s};
    return PyType_FromSpecWithBases(&spec, base);
}

static PyMethodDef module_methods[] = {
    {"live", live, METH_NOARGS, NULL},
    {"module_of", module_of, METH_O, NULL},
    {"slots", slots, METH_O, NULL},
    {"bad_slot", bad_slot, METH_O, NULL},
    {"from_bad_base", from_bad_base, METH_O, NULL},
    {NULL}
};

static int
heaptype_exec(PyObject *m)
{
    module_state *st = (module_state *) PyModule_GetState(m);
    st->live = 0;
    st->Counter = PyType_FromModuleAndSpec(m, &Counter_spec, NULL);
    if (st->Counter == NULL)
        return -1;
    st->Fast = PyType_FromModuleAndSpec(m, &Fast_spec, st->Counter);
    if (st->Fast == NULL)
        return -1;
    st->Point = PyType_FromSpec(&Point_spec);
    if (st->Point == NULL)
        return -1;
    if (PyModule_AddType(m, (PyTypeObject *) st->Counter) < 0)
        return -1;
    if (PyModule_AddType(m, (PyTypeObject *) st->Fast) < 0)
        return -1;
    if (PyModule_AddType(m, (PyTypeObject *) st->Point) < 0)
        return -1;
    {
        PyObject *adder = PyType_FromModuleAndSpec(m, &Adder_spec, NULL);
        if (adder == NULL)
            return -1;
        if (PyModule_AddObject(m, "Adder", adder) < 0) {
            Py_DECREF(adder);
            return -1;
        }
    }
    return 0;
}

static int
heaptype_traverse(PyObject *m, visitproc visit, void *arg)
{
    module_state *st = (module_state *) PyModule_GetState(m);
    Py_VISIT(st->Counter);
    Py_VISIT(st->Fast);
    Py_VISIT(st->Point);
    return 0;
}

static int
heaptype_clear(PyObject *m)
{
    module_state *st = (module_state *) PyModule_GetState(m);
    Py_CLEAR(st->Counter);
    Py_CLEAR(st->Fast);
    Py_CLEAR(st->Point);
    return 0;
}

static PyModuleDef_Slot heaptype_slots[] = {
    {Py_mod_exec, heaptype_exec},
    {0, NULL},
};

static struct PyModuleDef heaptype_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "heaptype",
    .m_doc = "Heap types created from specs, with module state.",
    .m_size = sizeof(module_state),
    .m_methods = module_methods,
    .m_slots = heaptype_slots,
    .m_traverse = heaptype_traverse,
    .m_clear = heaptype_clear,
};

PyMODINIT_FUNC
PyInit_heaptype(void)
{
    return PyModuleDef_Init(&heaptype_def);
}
