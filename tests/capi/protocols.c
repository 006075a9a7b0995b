/* More slots, as Python sees them: a descriptor type (tp_descr_get/set),
   a mutable mapping (mp_ass_subscript, sq_contains), numbers (nb_index,
   nb_int, nb_power, in-place add), and tp_finalize. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "structmember.h"

/* Doubler: a data descriptor storing twice the value in the instance dict
   under "_" + its name. */
typedef struct {
    PyObject_HEAD
    PyObject *key;
} DoublerObject;

static PyObject *
Doubler_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *name;
    DoublerObject *self;
    if (!PyArg_ParseTuple(args, "U:Doubler", &name))
        return NULL;
    self = (DoublerObject *) type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->key = PyUnicode_FromFormat("_%U", name);
    if (self->key == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *) self;
}

static void
Doubler_dealloc(DoublerObject *self)
{
    Py_XDECREF(self->key);
    Py_TYPE(self)->tp_free((PyObject *) self);
}

static PyObject *
Doubler_get(DoublerObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL || obj == Py_None) {
        Py_INCREF(self);
        return (PyObject *) self;
    }
    return PyObject_GetAttr(obj, self->key);
}

static int
Doubler_set(DoublerObject *self, PyObject *obj, PyObject *value)
{
    PyObject *two;
    int r;
    if (value == NULL)
        return PyObject_SetAttr(obj, self->key, NULL);
    two = PyNumber_Multiply(value, value == Py_None ? value : PyLong_FromLong(2));
    if (two == NULL)
        return -1;
    r = PyObject_SetAttr(obj, self->key, two);
    Py_DECREF(two);
    return r;
}

static PyTypeObject DoublerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "protocols.Doubler",
    .tp_basicsize = sizeof(DoublerObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Doubler_new,
    .tp_dealloc = (destructor) Doubler_dealloc,
    .tp_descr_get = (descrgetfunc) Doubler_get,
    .tp_descr_set = (descrsetfunc) Doubler_set,
};

/* Table: a mapping from str keys to objects, kept in a dict. */
typedef struct {
    PyObject_HEAD
    PyObject *data;
} TableObject;

static PyObject *
Table_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    TableObject *self = (TableObject *) type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->data = PyDict_New();
    if (self->data == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *) self;
}

static void
Table_dealloc(TableObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->data);
    Py_TYPE(self)->tp_free((PyObject *) self);
}

static int
Table_traverse(TableObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->data);
    return 0;
}

static int
Table_clear(TableObject *self)
{
    Py_CLEAR(self->data);
    return 0;
}

static Py_ssize_t
Table_len(TableObject *self)
{
    return PyDict_Size(self->data);
}

static int
check_key(PyObject *key)
{
    if (!PyUnicode_Check(key)) {
        PyErr_Format(PyExc_TypeError, "Table keys must be str, not %s", Py_TYPE(key)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *
Table_getitem(TableObject *self, PyObject *key)
{
    PyObject *v;
    if (check_key(key) < 0)
        return NULL;
    v = PyDict_GetItemWithError(self->data, key);
    if (v == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    Py_INCREF(v);
    return v;
}

static int
Table_setitem(TableObject *self, PyObject *key, PyObject *value)
{
    if (check_key(key) < 0)
        return -1;
    if (value == NULL) {
        if (PyDict_DelItem(self->data, key) < 0) {
            PyErr_Clear();
            PyErr_Format(PyExc_KeyError, "no key %R", key);
            return -1;
        }
        return 0;
    }
    return PyDict_SetItem(self->data, key, value);
}

static int
Table_contains(TableObject *self, PyObject *key)
{
    return PyUnicode_Check(key) ? PyDict_Contains(self->data, key) : 0;
}

static PyObject *
Table_keys(TableObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyDict_Keys(self->data);
}

static PyMappingMethods Table_as_mapping = {
    .mp_length = (lenfunc) Table_len,
    .mp_subscript = (binaryfunc) Table_getitem,
    .mp_ass_subscript = (objobjargproc) Table_setitem,
};

static PySequenceMethods Table_as_sequence = {
    .sq_contains = (objobjproc) Table_contains,
};

static PyMethodDef Table_methods[] = {
    {"keys", (PyCFunction) Table_keys, METH_NOARGS, NULL},
    {NULL}
};

static PyTypeObject TableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "protocols.Table",
    .tp_basicsize = sizeof(TableObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_new = Table_new,
    .tp_dealloc = (destructor) Table_dealloc,
    .tp_traverse = (traverseproc) Table_traverse,
    .tp_clear = (inquiry) Table_clear,
    .tp_as_mapping = &Table_as_mapping,
    .tp_as_sequence = &Table_as_sequence,
    .tp_methods = Table_methods,
};

/* Num: an integer-like value with __index__, __int__, ** and +=. */
typedef struct {
    PyObject_HEAD
    long v;
} NumObject;

static PyTypeObject NumType;

static PyObject *
num_make(long v)
{
    NumObject *n = PyObject_New(NumObject, &NumType);
    if (n != NULL)
        n->v = v;
    return (PyObject *) n;
}

static PyObject *
Num_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long v = 0;
    if (!PyArg_ParseTuple(args, "|l:Num", &v))
        return NULL;
    return num_make(v);
}

static PyObject *
Num_index(NumObject *self)
{
    return PyLong_FromLong(self->v);
}

static PyObject *
Num_int(NumObject *self)
{
    return PyLong_FromLong(self->v * 10);
}

static PyObject *
Num_power(PyObject *a, PyObject *b, PyObject *mod)
{
    long x, y, r = 1, m = 0;
    if (!PyObject_TypeCheck(a, &NumType) || !PyLong_Check(b))
        Py_RETURN_NOTIMPLEMENTED;
    x = ((NumObject *) a)->v;
    y = PyLong_AsLong(b);
    if (mod != Py_None) {
        m = PyLong_AsLong(mod);
        if (m == -1 && PyErr_Occurred())
            return NULL;
    }
    while (y-- > 0) {
        r *= x;
        if (m)
            r %= m;
    }
    return num_make(r);
}

static PyObject *
Num_iadd(NumObject *self, PyObject *other)
{
    long o = PyLong_AsLong(other);
    if (o == -1 && PyErr_Occurred())
        return NULL;
    self->v += o;
    Py_INCREF(self);
    return (PyObject *) self;
}

static PyObject *
Num_repr(NumObject *self)
{
    return PyUnicode_FromFormat("Num(%ld)", self->v);
}

static PyNumberMethods Num_as_number = {
    .nb_index = (unaryfunc) Num_index,
    .nb_int = (unaryfunc) Num_int,
    .nb_power = Num_power,
    .nb_inplace_add = (binaryfunc) Num_iadd,
};

static void
Num_dealloc(PyObject *self)
{
    PyObject_Del(self);
}

static PyTypeObject NumType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "protocols.Num",
    .tp_basicsize = sizeof(NumObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Num_new,
    .tp_dealloc = Num_dealloc,
    .tp_repr = (reprfunc) Num_repr,
    .tp_as_number = &Num_as_number,
};

/* Final: tp_finalize runs once before deallocation (PEP 442). */
static PyObject *finalized_log = NULL;

static void
Final_finalize(PyObject *self)
{
    PyObject *exc_type, *exc_value, *exc_tb, *msg;
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
    msg = PyUnicode_FromFormat("finalized %s", Py_TYPE(self)->tp_name);
    if (msg != NULL) {
        PyList_Append(finalized_log, msg);
        Py_DECREF(msg);
    }
    PyErr_Restore(exc_type, exc_value, exc_tb);
}

static PyTypeObject FinalType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "protocols.Final",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = PyType_GenericNew,
    .tp_finalize = Final_finalize,
};

static PyModuleDef protocolsmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "protocols",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit_protocols(void)
{
    PyObject *m;
    if (PyType_Ready(&DoublerType) < 0 || PyType_Ready(&TableType) < 0 ||
        PyType_Ready(&NumType) < 0 || PyType_Ready(&FinalType) < 0)
        return NULL;
    m = PyModule_Create(&protocolsmodule);
    if (m == NULL)
        return NULL;
    finalized_log = PyList_New(0);
    if (finalized_log == NULL || PyModule_AddObjectRef(m, "finalized", finalized_log) < 0 ||
        PyModule_AddType(m, &DoublerType) < 0 || PyModule_AddType(m, &TableType) < 0 ||
        PyModule_AddType(m, &NumType) < 0 || PyModule_AddType(m, &FinalType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
