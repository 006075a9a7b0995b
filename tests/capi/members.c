/* Every PyMemberDef type: one object with a field of each T_* type, all
   writable, plus read-only copies, to check conversions, range warnings,
   deletion and error messages against CPython's. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "structmember.h"

typedef struct {
    PyObject_HEAD
    short f_short;
    int f_int;
    long f_long;
    float f_float;
    double f_double;
    char *f_string;
    PyObject *f_object;
    char f_char;
    char f_byte;
    unsigned char f_ubyte;
    unsigned short f_ushort;
    unsigned int f_uint;
    unsigned long f_ulong;
    char f_inplace[8];
    char f_bool;
    PyObject *f_object_ex;
    long long f_longlong;
    unsigned long long f_ulonglong;
    Py_ssize_t f_pyssizet;
} AllObject;

static PyObject *
All_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    AllObject *self = (AllObject *) type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->f_string = "static text";
    memcpy(self->f_inplace, "inplace", 8);
    self->f_char = 'c';
    return (PyObject *) self;
}

static void
All_dealloc(AllObject *self)
{
    Py_XDECREF(self->f_object);
    Py_XDECREF(self->f_object_ex);
    Py_TYPE(self)->tp_free((PyObject *) self);
}

#define M(name, type, field) {name, type, offsetof(AllObject, field), 0, NULL}
#define R(name, type, field) {"ro_" name, type, offsetof(AllObject, field), READONLY, NULL}

static PyMemberDef All_members[] = {
    M("short", T_SHORT, f_short),
    M("int", T_INT, f_int),
    M("long", T_LONG, f_long),
    M("float", T_FLOAT, f_float),
    M("double", T_DOUBLE, f_double),
    M("string", T_STRING, f_string),
    M("object", T_OBJECT, f_object),
    M("char", T_CHAR, f_char),
    M("byte", T_BYTE, f_byte),
    M("ubyte", T_UBYTE, f_ubyte),
    M("ushort", T_USHORT, f_ushort),
    M("uint", T_UINT, f_uint),
    M("ulong", T_ULONG, f_ulong),
    M("inplace", T_STRING_INPLACE, f_inplace),
    M("bool", T_BOOL, f_bool),
    M("object_ex", T_OBJECT_EX, f_object_ex),
    M("longlong", T_LONGLONG, f_longlong),
    M("ulonglong", T_ULONGLONG, f_ulonglong),
    M("pyssizet", T_PYSSIZET, f_pyssizet),
    {"none", T_NONE, 0, 0, "always None"},
    R("int", T_INT, f_int),
    R("object", T_OBJECT, f_object),
    R("object_ex", T_OBJECT_EX, f_object_ex),
    {NULL}
};

static PyTypeObject AllType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "members.All",
    .tp_basicsize = sizeof(AllObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = All_new,
    .tp_dealloc = (destructor) All_dealloc,
    .tp_members = All_members,
};

static PyModuleDef membersmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "members",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit_members(void)
{
    PyObject *m;
    if (PyType_Ready(&AllType) < 0)
        return NULL;
    m = PyModule_Create(&membersmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &AllType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
