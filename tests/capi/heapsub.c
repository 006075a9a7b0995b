/* Heap types from specs whose base is a built-in type: an int subtype with
   a method (basicsize 0: the base layout), and a dict subtype with a field
   of its own and an mp_subscript that counts lookups; the dict subtype
   inherits GC support from dict without declaring it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "structmember.h"
static PyObject *Big_describe(PyObject *self, PyObject *unused) {
    return PyUnicode_FromFormat("big %R", self);
}
static PyMethodDef Big_methods[] = {{"describe", Big_describe, METH_NOARGS, NULL}, {NULL}};
static PyType_Slot Big_slots[] = {{Py_tp_methods, Big_methods}, {Py_tp_doc, "An int subtype."}, {0, NULL}};
static PyType_Spec Big_spec = {"heapsub.Big", 0, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, Big_slots};
typedef struct { PyDictObject d; long hits; } CDictObject;
static PyObject *CDict_getitem(PyObject *self, PyObject *key) {
    ((CDictObject *) self)->hits++;
    return PyDict_Type.tp_as_mapping->mp_subscript(self, key);
}
static PyMemberDef CDict_members[] = {{"hits", T_LONG, offsetof(CDictObject, hits), READONLY}, {NULL}};
static PyType_Slot CDict_slots[] = {{Py_mp_subscript, CDict_getitem}, {Py_tp_members, CDict_members}, {0, NULL}};
static PyType_Spec CDict_spec = {"heapsub.CDict", sizeof(CDictObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, CDict_slots};
static PyModuleDef def = {PyModuleDef_HEAD_INIT, "heapsub", NULL, -1};
PyMODINIT_FUNC PyInit_heapsub(void) {
    PyObject *m = PyModule_Create(&def), *b, *t;
    if (!m) return NULL;
    b = PyTuple_Pack(1, (PyObject *) &PyLong_Type);
    t = PyType_FromSpecWithBases(&Big_spec, b);
    Py_DECREF(b);
    if (!t || PyModule_AddObject(m, "Big", t) < 0) return NULL;
    b = PyTuple_Pack(1, (PyObject *) &PyDict_Type);
    t = PyType_FromSpecWithBases(&CDict_spec, b);
    Py_DECREF(b);
    if (!t || PyModule_AddObject(m, "CDict", t) < 0) return NULL;
    return m;
}
