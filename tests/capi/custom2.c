/* A type with data: T_OBJECT_EX members first/last, a T_INT number, a
   read-only member, its own tp_new/tp_init/tp_dealloc and a name() method.
   A counter of live instances shows when deallocation happens. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "structmember.h"

typedef struct {
    PyObject_HEAD
    PyObject *first;
    PyObject *last;
    int number;
    long serial;
} CustomObject;

static long live = 0;
static long created = 0;

static void
Custom_dealloc(CustomObject *self)
{
    Py_XDECREF(self->first);
    Py_XDECREF(self->last);
    live--;
    Py_TYPE(self)->tp_free((PyObject *) self);
}

static PyObject *
Custom_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    CustomObject *self = (CustomObject *) type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->first = PyUnicode_FromString("");
    if (self->first == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    self->last = PyUnicode_FromString("");
    if (self->last == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    self->number = 0;
    self->serial = ++created;
    live++;
    return (PyObject *) self;
}

static int
Custom_init(CustomObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"first", "last", "number", NULL};
    PyObject *first = NULL, *last = NULL, *tmp;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOi", kwlist, &first, &last, &self->number))
        return -1;
    if (first) {
        tmp = self->first;
        Py_INCREF(first);
        self->first = first;
        Py_XDECREF(tmp);
    }
    if (last) {
        tmp = self->last;
        Py_INCREF(last);
        self->last = last;
        Py_XDECREF(tmp);
    }
    return 0;
}

static PyMemberDef Custom_members[] = {
    {"first", T_OBJECT_EX, offsetof(CustomObject, first), 0, "first name"},
    {"last", T_OBJECT_EX, offsetof(CustomObject, last), 0, "last name"},
    {"number", T_INT, offsetof(CustomObject, number), 0, "custom number"},
    {"serial", T_LONG, offsetof(CustomObject, serial), READONLY, "creation order"},
    {NULL}
};

static PyObject *
Custom_name(CustomObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->first == NULL) {
        PyErr_SetString(PyExc_AttributeError, "first");
        return NULL;
    }
    if (self->last == NULL) {
        PyErr_SetString(PyExc_AttributeError, "last");
        return NULL;
    }
    return PyUnicode_FromFormat("%S %S", self->first, self->last);
}

static PyMethodDef Custom_methods[] = {
    {"name", (PyCFunction) Custom_name, METH_NOARGS, "Return the name, combining the first and last name"},
    {NULL}
};

static PyTypeObject CustomType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "custom2.Custom",
    .tp_doc = PyDoc_STR("Custom objects"),
    .tp_basicsize = sizeof(CustomObject),
    .tp_itemsize = 0,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = Custom_new,
    .tp_init = (initproc) Custom_init,
    .tp_dealloc = (destructor) Custom_dealloc,
    .tp_members = Custom_members,
    .tp_methods = Custom_methods,
};

/* A static subtype in C: extra fields, its own deallocator chaining to
   the base's, a method overriding the base's, an inherited tp_new. */
typedef struct {
    CustomObject base;
    double salary;
    PyObject *title;
} EmployeeObject;

static void
Employee_dealloc(EmployeeObject *self)
{
    Py_CLEAR(self->title);
    CustomType.tp_dealloc((PyObject *) self);
}

static int
Employee_init(EmployeeObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"first", "last", "title", "salary", NULL};
    PyObject *first = NULL, *last = NULL, *title = NULL, *rest;
    int r;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOOd", kwlist, &first, &last, &title, &self->salary))
        return -1;
    rest = Py_BuildValue("(OO)", first ? first : Py_None, last ? last : Py_None);
    if (rest == NULL)
        return -1;
    r = CustomType.tp_init((PyObject *) self, rest, NULL);
    Py_DECREF(rest);
    if (r < 0)
        return -1;
    Py_XINCREF(title);
    Py_XSETREF(self->title, title);
    return 0;
}

static PyObject *
Employee_name(EmployeeObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *base = Custom_name((CustomObject *) self, NULL), *r;
    if (base == NULL || self->title == NULL)
        return base;
    r = PyUnicode_FromFormat("%S, %S", base, self->title);
    Py_DECREF(base);
    return r;
}

static PyMethodDef Employee_methods[] = {
    {"name", (PyCFunction) Employee_name, METH_NOARGS, "The name and title."},
    {NULL}
};

static PyMemberDef Employee_members[] = {
    {"salary", T_DOUBLE, offsetof(EmployeeObject, salary), 0, NULL},
    {"title", T_OBJECT, offsetof(EmployeeObject, title), 0, NULL},
    {NULL}
};

static PyTypeObject EmployeeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "custom2.Employee",
    .tp_basicsize = sizeof(EmployeeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_base = &CustomType,
    .tp_init = (initproc) Employee_init,
    .tp_dealloc = (destructor) Employee_dealloc,
    .tp_members = Employee_members,
    .tp_methods = Employee_methods,
};

static PyObject *
live_count(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(live);
}

static PyMethodDef module_methods[] = {
    {"live", live_count, METH_NOARGS, "Number of Custom objects alive."},
    {NULL}
};

static PyModuleDef custommodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "custom2",
    .m_doc = "Example module that creates an extension type.",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC
PyInit_custom2(void)
{
    PyObject *m;
    if (PyType_Ready(&CustomType) < 0 || PyType_Ready(&EmployeeType) < 0)
        return NULL;
    m = PyModule_Create(&custommodule);
    if (m == NULL)
        return NULL;
    Py_INCREF(&CustomType);
    if (PyModule_AddObject(m, "Custom", (PyObject *) &CustomType) < 0) {
        Py_DECREF(&CustomType);
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddType(m, &EmployeeType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
