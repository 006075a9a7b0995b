/* The smallest extension type: a static PyTypeObject with positional
   initializers for the head fields and designated ones for the rest, no
   members and no methods; instances come from PyType_GenericNew. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
} CustomObject;

static PyTypeObject CustomType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "custom.Custom",
    .tp_doc = PyDoc_STR("A minimal custom object"),
    .tp_basicsize = sizeof(CustomObject),
    .tp_itemsize = 0,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

/* The same kind of type written with positional initializers only, as
   pre-C99 extensions are (which is why the layout must be CPython's). */
static PyTypeObject PlainType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "custom.Plain",             /* tp_name */
    sizeof(CustomObject),       /* tp_basicsize */
    0,                          /* tp_itemsize */
    0,                          /* tp_dealloc */
    0,                          /* tp_vectorcall_offset */
    0,                          /* tp_getattr */
    0,                          /* tp_setattr */
    0,                          /* tp_as_async */
    0,                          /* tp_repr */
    0,                          /* tp_as_number */
    0,                          /* tp_as_sequence */
    0,                          /* tp_as_mapping */
    0,                          /* tp_hash */
    0,                          /* tp_call */
    0,                          /* tp_str */
    0,                          /* tp_getattro */
    0,                          /* tp_setattro */
    0,                          /* tp_as_buffer */
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, /* tp_flags */
    "Plain objects",            /* tp_doc */
    0,                          /* tp_traverse */
    0,                          /* tp_clear */
    0,                          /* tp_richcompare */
    0,                          /* tp_weaklistoffset */
    0,                          /* tp_iter */
    0,                          /* tp_iternext */
    0,                          /* tp_methods */
    0,                          /* tp_members */
    0,                          /* tp_getset */
    0,                          /* tp_base */
    0,                          /* tp_dict */
    0,                          /* tp_descr_get */
    0,                          /* tp_descr_set */
    0,                          /* tp_dictoffset */
    0,                          /* tp_init */
    0,                          /* tp_alloc */
    PyType_GenericNew,          /* tp_new */
};

/* No tp_new: a static type directly on object cannot be instantiated. */
static PyTypeObject NoNewType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "custom.NoNew",
    .tp_basicsize = sizeof(CustomObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* Comparison without hashing: instances are unhashable. */
static PyObject *
Cmp_richcompare(PyObject *a, PyObject *b, int op)
{
    if (op == Py_EQ)
        return PyBool_FromLong(a == b);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyTypeObject CmpType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "custom.Cmp",
    .tp_basicsize = sizeof(CustomObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_richcompare = Cmp_richcompare,
    .tp_new = PyType_GenericNew,
};

static PyModuleDef custommodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "custom",
    .m_doc = "Example module that creates an extension type.",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit_custom(void)
{
    PyObject *m;
    if (PyType_Ready(&CustomType) < 0 || PyType_Ready(&PlainType) < 0 || PyType_Ready(&NoNewType) < 0 || PyType_Ready(&CmpType) < 0)
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
    if (PyModule_AddType(m, &PlainType) < 0 || PyModule_AddType(m, &NoNewType) < 0 ||
        PyModule_AddType(m, &CmpType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
