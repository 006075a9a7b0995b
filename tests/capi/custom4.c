/* Cyclic garbage collection support: first and last may hold any object,
   so instances can be part of reference cycles; tp_traverse reports them
   and tp_clear breaks them. Live instances are counted. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "structmember.h"

typedef struct {
    PyObject_HEAD
    PyObject *first;
    PyObject *last;
    int number;
} CustomObject;

static long live = 0;

static int
Custom_traverse(CustomObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->first);
    Py_VISIT(self->last);
    return 0;
}

static int
Custom_clear(CustomObject *self)
{
    Py_CLEAR(self->first);
    Py_CLEAR(self->last);
    return 0;
}

static void
Custom_dealloc(CustomObject *self)
{
    PyObject_GC_UnTrack(self);
    Custom_clear(self);
    live--;
    Py_TYPE(self)->tp_free((PyObject *) self);
}

static PyObject *
Custom_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    CustomObject *self = (CustomObject *) type->tp_alloc(type, 0);
    if (self != NULL) {
        self->first = PyUnicode_FromString("");
        self->last = PyUnicode_FromString("");
        if (self->first == NULL || self->last == NULL) {
            Py_DECREF(self);
            return NULL;
        }
        self->number = 0;
        live++;
    }
    return (PyObject *) self;
}

static int
Custom_init(CustomObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"first", "last", "number", NULL};
    PyObject *first = NULL, *last = NULL;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOi", kwlist, &first, &last, &self->number))
        return -1;
    if (first) {
        Py_INCREF(first);
        Py_SETREF(self->first, first);
    }
    if (last) {
        Py_INCREF(last);
        Py_SETREF(self->last, last);
    }
    return 0;
}

static PyMemberDef Custom_members[] = {
    {"number", T_INT, offsetof(CustomObject, number), 0, "custom number"},
    {NULL}
};

static PyObject *
Custom_getfirst(CustomObject *self, void *closure)
{
    Py_INCREF(self->first);
    return self->first;
}

static int
Custom_setfirst(CustomObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "Cannot delete the first attribute");
        return -1;
    }
    Py_INCREF(value);
    Py_CLEAR(self->first);
    self->first = value;
    return 0;
}

static PyObject *
Custom_getlast(CustomObject *self, void *closure)
{
    Py_INCREF(self->last);
    return self->last;
}

static int
Custom_setlast(CustomObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "Cannot delete the last attribute");
        return -1;
    }
    Py_INCREF(value);
    Py_XSETREF(self->last, value);
    return 0;
}

static PyGetSetDef Custom_getsetters[] = {
    {"first", (getter) Custom_getfirst, (setter) Custom_setfirst, "first name", NULL},
    {"last", (getter) Custom_getlast, (setter) Custom_setlast, "last name", NULL},
    {NULL}
};

static PyObject *
Custom_name(CustomObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromFormat("%S %S", self->first, self->last);
}

static PyMethodDef Custom_methods[] = {
    {"name", (PyCFunction) Custom_name, METH_NOARGS, "Return the name, combining the first and last name"},
    {NULL}
};

static PyTypeObject CustomType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "custom4.Custom",
    .tp_doc = PyDoc_STR("Custom objects"),
    .tp_basicsize = sizeof(CustomObject),
    .tp_itemsize = 0,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_new = Custom_new,
    .tp_init = (initproc) Custom_init,
    .tp_dealloc = (destructor) Custom_dealloc,
    .tp_traverse = (traverseproc) Custom_traverse,
    .tp_clear = (inquiry) Custom_clear,
    .tp_members = Custom_members,
    .tp_methods = Custom_methods,
    .tp_getset = Custom_getsetters,
};

/* A GC type whose objects are made with PyObject_GC_New and tracked by
   hand, freed with PyObject_GC_Del: a node holding one reference. */
typedef struct {
    PyObject_HEAD
    PyObject *next;
} NodeObject;

static int
Node_traverse(NodeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->next);
    return 0;
}

static int
Node_clear(NodeObject *self)
{
    Py_CLEAR(self->next);
    return 0;
}

static void
Node_dealloc(NodeObject *self)
{
    PyObject_GC_UnTrack(self);
    Node_clear(self);
    live--;
    PyObject_GC_Del(self);
}

static PyMemberDef Node_members[] = {
    {"next", T_OBJECT, offsetof(NodeObject, next), 0, NULL},
    {NULL}
};

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "custom4.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_dealloc = (destructor) Node_dealloc,
    .tp_traverse = (traverseproc) Node_traverse,
    .tp_clear = (inquiry) Node_clear,
    .tp_members = Node_members,
};

/* A non-GC base freeing with PyObject_Del, and a GC subtype that sets no
   tp_free: the subtype must not inherit a non-GC free. */
typedef struct {
    PyObject_HEAD
    PyObject *payload;
} LeafObject;

static void
Leaf_dealloc(LeafObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    if (PyType_IS_GC(tp))
        PyObject_GC_UnTrack(self);
    Py_CLEAR(self->payload);
    live--;
    tp->tp_free((PyObject *) self);
}

static PyObject *
Leaf_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *payload = Py_None;
    LeafObject *self;
    if (!PyArg_ParseTuple(args, "|O", &payload))
        return NULL;
    self = (LeafObject *) type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    Py_INCREF(payload);
    self->payload = payload;
    live++;
    return (PyObject *) self;
}

static PyMemberDef Leaf_members[] = {
    {"payload", T_OBJECT, offsetof(LeafObject, payload), 0, NULL},
    {NULL}
};

static PyTypeObject LeafType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "custom4.Leaf",
    .tp_basicsize = sizeof(LeafObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = Leaf_new,
    .tp_dealloc = (destructor) Leaf_dealloc,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Del,
    .tp_members = Leaf_members,
};

static int
Tree_traverse(LeafObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->payload);
    return 0;
}

static int
Tree_clear(LeafObject *self)
{
    Py_CLEAR(self->payload);
    return 0;
}

static PyTypeObject TreeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "custom4.Tree",
    .tp_basicsize = sizeof(LeafObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc) Tree_traverse,
    .tp_clear = (inquiry) Tree_clear,
};

static PyObject *
make_node(PyObject *self, PyObject *arg)
{
    NodeObject *n = PyObject_GC_New(NodeObject, &NodeType);
    if (n == NULL)
        return NULL;
    Py_INCREF(arg);
    n->next = arg;
    live++;
    PyObject_GC_Track(n);
    return (PyObject *) n;
}

static PyObject *
live_count(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(live);
}

static PyMethodDef module_methods[] = {
    {"live", live_count, METH_NOARGS, NULL},
    {"node", make_node, METH_O, NULL},
    {NULL}
};

static PyModuleDef custommodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "custom4",
    .m_doc = "Example module that creates an extension type.",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC
PyInit_custom4(void)
{
    PyObject *m;
    TreeType.tp_base = &LeafType;
    if (PyType_Ready(&CustomType) < 0 || PyType_Ready(&NodeType) < 0 ||
        PyType_Ready(&LeafType) < 0 || PyType_Ready(&TreeType) < 0)
        return NULL;
    m = PyModule_Create(&custommodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &CustomType) < 0 || PyModule_AddType(m, &NodeType) < 0 ||
        PyModule_AddType(m, &LeafType) < 0 || PyModule_AddType(m, &TreeType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
