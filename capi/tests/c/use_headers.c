/* Compiled by capi/tests/headers.rs as C99, C11 and C++ with warnings as
   errors: an extension module that uses every macro and declaration group
   of include/, so that a header bug shows up as a compile error here. It is
   only compiled, never loaded. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    PyObject *first;
    long number;
    double ratio;
} CustomObject;

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t extra;
} VarObject;

static int
custom_traverse(CustomObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->first);
    return 0;
}

static int
custom_clear(CustomObject *self)
{
    Py_CLEAR(self->first);
    return 0;
}

static void
custom_dealloc(CustomObject *self)
{
    PyObject_GC_UnTrack(self);
    custom_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
custom_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    CustomObject *self = (CustomObject *)type->tp_alloc(type, 0);
    (void)args;
    (void)kwds;
    if (self != NULL) {
        self->first = Py_NewRef(Py_None);
        self->number = 0;
    }
    return (PyObject *)self;
}

static int
custom_init(CustomObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {(char *)"first", (char *)"number", NULL};
    PyObject *first = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Ol", kwlist, &first, &self->number)) {
        return -1;
    }
    if (first) {
        Py_XSETREF(self->first, Py_NewRef(first));
    }
    return 0;
}

static PyObject *
custom_richcompare(PyObject *a, PyObject *b, int op)
{
    long x = ((CustomObject *)a)->number, y = ((CustomObject *)b)->number;
    Py_RETURN_RICHCOMPARE(x, y, op);
}

static PyObject *
custom_get_first(CustomObject *self, void *Py_UNUSED(closure))
{
    return Py_XNewRef(self->first);
}

static int
custom_set_first(CustomObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "Cannot delete the first attribute");
        return -1;
    }
    Py_SETREF(self->first, Py_NewRef(value));
    return 0;
}

static PyMemberDef custom_members[] = {
    {"number", T_LONG, offsetof(CustomObject, number), 0, "a number"},
    {"ratio", Py_T_DOUBLE, offsetof(CustomObject, ratio), READONLY, NULL},
    {"first_raw", T_OBJECT_EX, offsetof(CustomObject, first), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef custom_getset[] = {
    {"first", (getter)custom_get_first, (setter)custom_set_first, "first", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyDoc_STRVAR(noargs_doc, "takes no arguments");

static PyObject *
meth_noargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    (void)self;
    Py_RETURN_NONE;
}

static PyObject *
meth_o(PyObject *self, PyObject *arg)
{
    (void)self;
    if (PyLong_Check(arg) || PyLong_CheckExact(arg) || PyBool_Check(arg)) {
        return PyLong_FromLong(PyLong_AsLong(arg) + 1);
    }
    if (PyFloat_Check(arg) || PyFloat_CheckExact(arg)) {
        return PyFloat_FromDouble(PyFloat_AS_DOUBLE(arg) * 2);
    }
    if (PyTuple_Check(arg) && PyTuple_CheckExact(arg) && PyTuple_GET_SIZE(arg) > 0) {
        return Py_NewRef(PyTuple_GET_ITEM(arg, 0));
    }
    if (PyList_Check(arg) && PyList_CheckExact(arg) && PyList_GET_SIZE(arg) > 0) {
        PyObject *item = PyList_GET_ITEM(arg, 0);
        Py_INCREF(item);
        PyList_SET_ITEM(arg, 0, Py_NewRef(Py_None));
        return item;
    }
    if (PyBytes_Check(arg) || PyBytes_CheckExact(arg)) {
        return PyLong_FromSsize_t(PyBytes_GET_SIZE(arg) + (PyBytes_AS_STRING(arg)[0] == 'x'));
    }
    if (PyByteArray_Check(arg) || PyByteArray_CheckExact(arg)) {
        return PyLong_FromSsize_t(PyByteArray_GET_SIZE(arg));
    }
    if (PyUnicode_Check(arg) && PyUnicode_CheckExact(arg) && PyUnicode_READY(arg) == 0) {
        Py_UCS4 c = PyUnicode_GET_LENGTH(arg) ? PyUnicode_READ_CHAR(arg, 0) : 0;
        int kind = PyUnicode_KIND(arg);
        const void *data = PyUnicode_DATA(arg);
        if (PyUnicode_IS_ASCII(arg) && PyUnicode_IS_COMPACT_ASCII(arg) &&
            PyUnicode_MAX_CHAR_VALUE(arg) == 0x7f) {
            c += PyUnicode_READ(kind, data, 0) + PyUnicode_1BYTE_DATA(arg)[0];
        }
        return PyLong_FromUnsignedLong(c);
    }
    if (PyDict_Check(arg) || PyDict_CheckExact(arg)) {
        return PyLong_FromSsize_t(PyDict_GET_SIZE(arg));
    }
    if (PyAnySet_Check(arg) || PySet_Check(arg) || PyFrozenSet_Check(arg) ||
        PyAnySet_CheckExact(arg) || PySet_CheckExact(arg) || PyFrozenSet_CheckExact(arg)) {
        return PyLong_FromSsize_t(PySet_GET_SIZE(arg));
    }
    if (PyComplex_Check(arg) || PyComplex_CheckExact(arg)) {
        return PyFloat_FromDouble(((PyComplexObject *)arg)->cval.imag);
    }
    if (PyType_Check(arg) || PyType_CheckExact(arg)) {
        return PyLong_FromUnsignedLong(((PyTypeObject *)arg)->tp_flags &
                                       Py_TPFLAGS_BASETYPE);
    }
    if (PyModule_Check(arg) || PyModule_CheckExact(arg) || PySlice_Check(arg) ||
        PyRange_Check(arg) || PyMemoryView_Check(arg) || PyCFunction_Check(arg) ||
        PyCFunction_CheckExact(arg) || PyExceptionInstance_Check(arg) ||
        PyExceptionClass_Check(arg) || PyCallable_Check(arg) || PyFunction_Check(arg) ||
        PyMethod_Check(arg) || PyCell_Check(arg) || PyCode_Check(arg) ||
        PyFrame_Check(arg) || PyTraceBack_Check(arg) || PyWeakref_Check(arg) ||
        PySeqIter_Check(arg) || PyCallIter_Check(arg)) {
        Py_RETURN_TRUE;
    }
    if (Py_IsNone(arg) || Py_IsTrue(arg) || Py_IsFalse(arg) || Py_Is(arg, Py_Ellipsis)) {
        Py_RETURN_FALSE;
    }
    if (arg == Py_NotImplemented) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyErr_Format(PyExc_ValueError, "unexpected %R (%zd refs)", arg, Py_REFCNT(arg));
}

static PyObject *
meth_varargs(PyObject *self, PyObject *args)
{
    int i;
    long l;
    Py_ssize_t n;
    long long ll;
    unsigned long k;
    unsigned long long kk;
    double d;
    float f;
    const char *s, *z;
    Py_ssize_t slen;
    int p;
    PyObject *o, *typed;
    (void)self;
    if (!PyArg_ParseTuple(args, "ilnLkKdfs#zpOO!:varargs", &i, &l, &n, &ll, &k, &kk, &d,
                          &f, &s, &slen, &z, &p, &o, &PyList_Type, &typed)) {
        return NULL;
    }
    return Py_BuildValue("(iln)[Ld]{s:O}N", i, l, n, ll, d, "o", o, PyLong_FromLong(p));
}

static PyObject *
meth_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs < 1) {
        return PyTuple_Pack(0);
    }
    return PyObject_Vectorcall(args[0], args + 1,
                               (size_t)(nargs - 1) | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

static PyObject *
meth_fast_kw(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t i, total = nargs + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
    PyObject *result = PyList_New(0);
    (void)self;
    for (i = 0; result != NULL && i < total; i++) {
        if (PyList_Append(result, args[i]) < 0) {
            Py_CLEAR(result);
        }
    }
    return result;
}

static PyObject *
meth_kw(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *key, *value, *seq, *fast, *iter, *item;
    Py_ssize_t pos = 0;
    (void)self;
    if (kwargs != NULL) {
        while (PyDict_Next(kwargs, &pos, &key, &value)) {
            if (PyObject_SetItem(args, key, value) < 0) {
                return NULL;
            }
        }
    }
    seq = PySequence_Check(args) ? args : NULL;
    fast = PySequence_Fast(seq, "not a sequence");
    if (fast == NULL) {
        return NULL;
    }
    if (PySequence_Fast_GET_SIZE(fast) > 0) {
        PyObject *first = PySequence_Fast_GET_ITEM(fast, 0);
        PyObject **items = PySequence_Fast_ITEMS(fast);
        (void)first;
        (void)items;
    }
    Py_DECREF(fast);
    iter = PyObject_GetIter(args);
    if (iter == NULL) {
        return NULL;
    }
    while ((item = PyIter_Next(iter)) != NULL) {
        Py_DECREF(item);
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(PyObject_Length(args) + PySequence_Length(args));
}

static PyObject *
meth_class(PyObject *cls, PyObject *Py_UNUSED(args))
{
    return Py_NewRef(cls);
}

static PyMethodDef custom_methods[] = {
    {"noargs", meth_noargs, METH_NOARGS, noargs_doc},
    {"klass", meth_class, METH_CLASS | METH_NOARGS, NULL},
    {"static", meth_o, METH_STATIC | METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject CustomType;

static PyType_Slot var_slots[] = {
    {Py_tp_doc, (void *)"a var type"},
    {Py_tp_new, (void *)PyType_GenericNew},
    {Py_tp_getattro, (void *)PyObject_GenericGetAttr},
    {Py_tp_setattro, (void *)PyObject_GenericSetAttr},
    {Py_nb_add, (void *)PyNumber_Add},
    {Py_am_send, NULL},
    {0, NULL}
};

static PyType_Spec var_spec = {
    "use_headers.Var", sizeof(VarObject), sizeof(PyObject *),
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HEAPTYPE, var_slots
};

typedef struct {
    PyObject *error;
} module_state;

static PyMethodDef module_methods[] = {
    {"noargs", meth_noargs, METH_NOARGS, "no arguments"},
    {"o", meth_o, METH_O, NULL},
    {"varargs", meth_varargs, METH_VARARGS, NULL},
    {"kw", _PyCFunction_CAST(meth_kw), METH_VARARGS | METH_KEYWORDS, NULL},
    {"fast", _PyCFunction_CAST(meth_fast), METH_FASTCALL, NULL},
    {"fast_kw", _PyCFunction_CAST(meth_fast_kw), METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static int
module_exec(PyObject *m)
{
    module_state *st = (module_state *)PyModule_GetState(m);
    PyObject *var, *dict, *one, *pair, *lst, *obj, *name, *res;
    long long big;
    int overflow;

    CustomType.tp_name = "use_headers.Custom";
    CustomType.tp_basicsize = sizeof(CustomObject);
    CustomType.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;
    CustomType.tp_doc = PyDoc_STR("custom objects");
    CustomType.tp_new = custom_new;
    CustomType.tp_init = (initproc)custom_init;
    CustomType.tp_dealloc = (destructor)custom_dealloc;
    CustomType.tp_traverse = (traverseproc)custom_traverse;
    CustomType.tp_clear = (inquiry)custom_clear;
    CustomType.tp_richcompare = custom_richcompare;
    CustomType.tp_members = custom_members;
    CustomType.tp_getset = custom_getset;
    CustomType.tp_methods = custom_methods;
    CustomType.tp_alloc = PyType_GenericAlloc;
    CustomType.tp_free = PyObject_GC_Del;
    Py_SET_TYPE(&CustomType, &PyType_Type);
    Py_SET_REFCNT(&CustomType, 1);
    Py_SET_SIZE(&CustomType, 0);
    if (PyType_Ready(&CustomType) < 0 || PyModule_AddType(m, &CustomType) < 0) {
        return -1;
    }
    var = PyType_FromModuleAndSpec(m, &var_spec, NULL);
    if (var == NULL || PyModule_AddObjectRef(m, "Var", var) < 0) {
        Py_XDECREF(var);
        return -1;
    }
    if (PyType_GetModule((PyTypeObject *)var) != m ||
        PyType_GetModuleState((PyTypeObject *)var) != st ||
        !PyType_HasFeature((PyTypeObject *)var, Py_TPFLAGS_HEAPTYPE) ||
        PyType_IsSubtype((PyTypeObject *)var, &PyBaseObject_Type) != 1 ||
        !PyObject_TypeCheck(var, &PyType_Type) || PyType_GetFlags(&PyType_Type) == 0) {
        Py_DECREF(var);
        return -1;
    }
    Py_DECREF(var);
    Py_DECREF(PyType_FromSpec(&var_spec));
    Py_XDECREF(PyType_FromSpecWithBases(&var_spec, (PyObject *)&PyTuple_Type));

    st->error = PyErr_NewException("use_headers.error", NULL, NULL);
    if (PyModule_AddObject(m, "error", Py_XNewRef(st->error)) < 0) {
        return -1;
    }
    res = PyErr_NewExceptionWithDoc("use_headers.Other", "doc", PyExc_Exception, NULL);
    Py_XDECREF(res);
    if (PyModule_AddIntConstant(m, "ANSWER", 42) < 0 ||
        PyModule_AddStringConstant(m, "NAME", "use_headers") < 0 ||
        PyModule_AddIntMacro(m, PY_MAJOR_VERSION) < 0 ||
        PyModule_AddStringMacro(m, PY_VERSION) < 0) {
        return -1;
    }

    /* Exercise each declaration group once; errors are simply cleared. */
    dict = PyModule_GetDict(m);
    one = PyLong_FromLongLong(1);
    big = PyLong_AsLongLongAndOverflow(one, &overflow) + PyLong_AsLongAndOverflow(one, &overflow);
    big += (long long)PyLong_AsUnsignedLongLong(one) + (long long)PyLong_AsUnsignedLongMask(one);
    big += (long long)PyLong_AsUnsignedLongLongMask(one) + (long long)PyLong_AsSize_t(one);
    big += PyLong_AsSsize_t(one) + (long long)PyLong_AsDouble(one) + PyLong_AsLongLong(one);
    big += (long long)PyLong_AsUnsignedLong(one) + (PyLong_AsVoidPtr(one) != NULL);
    Py_XDECREF(PyLong_FromUnsignedLongLong((unsigned long long)big));
    Py_XDECREF(PyLong_FromSize_t(1));
    Py_XDECREF(PyLong_FromDouble(1.5));
    Py_XDECREF(PyLong_FromString("12", NULL, 10));
    Py_XDECREF(PyLong_FromVoidPtr(NULL));
    Py_XDECREF(PyLong_FromPid(getpid()));
    Py_XDECREF(PyBool_FromLong(PyFloat_AsDouble(one) > 0));
    pair = PyTuple_New(2);
    PyTuple_SET_ITEM(pair, 0, Py_NewRef(one));
    PyTuple_SetItem(pair, 1, PyUnicode_FromString("x"));
    lst = PyList_New(0);
    PyList_Append(lst, PyTuple_GetItem(pair, 0));
    PyList_Insert(lst, 0, Py_None);
    PyList_SetItem(lst, 0, PyBytes_FromStringAndSize("ab", 2));
    Py_XDECREF(PyList_AsTuple(lst));
    (void)PyList_GetItem(lst, PyList_Size(lst) - 1);
    (void)PyTuple_Size(pair);
    PyDict_SetItem(dict, PyTuple_GET_ITEM(pair, 1), lst);
    PyDict_SetItemString(dict, "pair", pair);
    (void)PyDict_GetItem(dict, one);
    (void)PyDict_GetItemWithError(dict, one);
    (void)PyDict_GetItemString(dict, "pair");
    (void)PyDict_Contains(dict, one);
    (void)PyDict_Size(dict);
    Py_XDECREF(PyDict_Keys(dict));
    Py_XDECREF(PyDict_Values(dict));
    Py_XDECREF(PyDict_Items(dict));
    PyDict_DelItem(dict, PyTuple_GET_ITEM(pair, 1));
    obj = PyDict_New();
    name = PyUnicode_InternFromString("attr");
    PyObject_SetAttr(m, name, obj);
    PyObject_SetAttrString(m, "attr2", obj);
    (void)PyObject_HasAttr(m, name);
    Py_XDECREF(PyObject_GetAttr(m, name));
    Py_XDECREF(PyObject_GetAttrString(m, "attr2"));
    Py_XDECREF(PyObject_GenericGetAttr(m, name));
    PyObject_GenericSetAttr(obj, name, NULL);
    PyObject_DelAttrString(m, "attr2");
    PyObject_DelAttr(m, name);
    Py_XDECREF(PyObject_Repr(obj));
    Py_XDECREF(PyObject_Str(obj));
    Py_XDECREF(PyObject_RichCompare(obj, one, Py_EQ));
    (void)(PyObject_RichCompareBool(obj, one, Py_NE) + PyObject_Hash(one) +
           PyObject_IsTrue(obj) + PyObject_Not(obj) + PyObject_Size(obj));
    Py_XDECREF(PyObject_GetItem(pair, one));
    (void)(PyObject_IsInstance(one, (PyObject *)&PyLong_Type) +
           PyObject_IsSubclass((PyObject *)&PyBool_Type, (PyObject *)&PyLong_Type));
    Py_XDECREF(PyObject_Call((PyObject *)&PyTuple_Type, pair, NULL));
    Py_XDECREF(PyObject_CallObject((PyObject *)&PyList_Type, NULL));
    Py_XDECREF(PyObject_CallNoArgs((PyObject *)&PyDict_Type));
    Py_XDECREF(PyObject_CallOneArg((PyObject *)&PyFloat_Type, one));
    Py_XDECREF(PyObject_CallFunctionObjArgs((PyObject *)&PyBytes_Type, one, NULL));
    Py_XDECREF(PyObject_CallMethodObjArgs(lst, name, one, NULL));
    Py_XDECREF(PyNumber_Add(one, one));
    Py_XDECREF(PyNumber_Subtract(one, one));
    Py_XDECREF(PyNumber_Multiply(one, one));
    Py_XDECREF(PyNumber_Index(one));
    Py_XDECREF(PyNumber_Long(one));
    Py_XDECREF(PyNumber_Float(one));
    (void)PySequence_Size(lst);
    Py_XDECREF(PySequence_GetItem(lst, 0));
    res = PyUnicode_FromFormat("%s-%d-%S", "a", 1, one);
    if (res != NULL) {
        Py_ssize_t size;
        const char *utf8 = PyUnicode_AsUTF8AndSize(res, &size);
        (void)utf8;
        (void)PyUnicode_AsUTF8(res);
        (void)PyUnicode_GetLength(res);
        (void)PyUnicode_Compare(res, res);
        (void)PyUnicode_CompareWithASCIIString(res, "a");
        Py_XDECREF(PyUnicode_Concat(res, res));
        Py_XDECREF(PyUnicode_FromStringAndSize("abc", 3));
        Py_DECREF(res);
    }
    res = PyBytes_FromString("xyz");
    if (res != NULL) {
        (void)(PyBytes_Size(res) + (PyBytes_AsString(res) != NULL));
        Py_DECREF(res);
    }
    Py_XDECREF(PyImport_ImportModule("sys"));
    if (PyErr_WarnEx(PyExc_DeprecationWarning, "test", 1) < 0 ||
        PyErr_ExceptionMatches(PyExc_Warning) ||
        PyErr_GivenExceptionMatches(PyExc_KeyError, PyExc_LookupError)) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        PyErr_Restore(t, v, tb);
        PyErr_Clear();
    }
    PyErr_SetObject(PyExc_RuntimeError, Py_None);
    PyErr_Clear();
    (void)PyErr_BadArgument();
    (void)PyErr_NoMemory();
    PyErr_Clear();
    {
        void *mem = PyMem_Malloc(8), *omem = PyObject_Malloc(8);
        char *typed = PyMem_New(char, 16);
        mem = PyMem_Realloc(mem, 16);
        omem = PyObject_Realloc(omem, 16);
        PyMem_Resize(typed, char, 32);
        PyMem_Free(mem);
        PyMem_Del(typed);
        PyObject_Free(omem);
    }
    {
        CustomObject *plain = PyObject_New(CustomObject, &CustomType);
        VarObject *v = PyObject_NewVar(VarObject, &CustomType, 3);
        CustomObject *gc = PyObject_GC_New(CustomObject, &CustomType);
        VarObject *gcv = PyObject_GC_NewVar(VarObject, &CustomType, 2);
        PyObject *raw = (PyObject *)PyObject_Malloc(sizeof(CustomObject));
        PyVarObject *rawv = (PyVarObject *)PyObject_Malloc(sizeof(VarObject));
        if (raw != NULL) {
            (void)PyObject_Init(raw, &CustomType);
            PyObject_Del(raw);
        }
        if (rawv != NULL) {
            (void)PyObject_InitVar(rawv, &CustomType, 0);
            PyObject_DEL(rawv);
        }
        if (gc != NULL) {
            PyObject_GC_Track(gc);
            PyObject_GC_UnTrack(gc);
            PyObject_GC_Del(gc);
        }
        if (gcv != NULL) {
            PyObject_GC_Del(gcv);
        }
        PyObject_Del(plain);
        PyObject_Del(v);
    }
    (void)(_PyObject_SIZE(&CustomType) + _PyObject_VAR_SIZE(&CustomType, 2) +
           PyType_IS_GC(&CustomType));
    (void)PyCFunction_GET_FLAGS(PyDict_GetItemString(dict, "o"));
    (void)(PyLong_SHIFT + PyLong_BASE + PyLong_MASK + (PY_SSIZE_T_MAX > PY_SSIZE_T_MIN));
    (void)(Py_ARRAY_LENGTH(module_methods) + Py_MIN(1, 2) + Py_MAX(1, 2) + Py_ABS(-1));
    (void)(PyBUF_FULL_RO + PYTHON_API_VERSION + PYTHON_ABI_VERSION + Py_mod_exec);
    (void)(sizeof(PyHeapTypeObject) + sizeof(PyMemoryViewObject) + sizeof(PySliceObject) +
           sizeof(PyBaseExceptionObject) + sizeof(PyCFunctionObject) + sizeof(PyDictObject) +
           sizeof(PyUnicodeObject) + sizeof(PyByteArrayObject) + sizeof(PySetObject));
    (void)(&PyEnum_Type == &PyReversed_Type || &PyFilter_Type == &PyMap_Type ||
           &PyZip_Type == &PyRangeIter_Type || &PyLongRangeIter_Type == &PyTupleIter_Type ||
           &PyListIter_Type == &PyListRevIter_Type || &PyBytesIter_Type == &PySetIter_Type ||
           &PyByteArrayIter_Type == &PyUnicodeIter_Type || &PyDictProxy_Type == &PyProperty_Type ||
           &PyClassMethod_Type == &PyStaticMethod_Type || &PySuper_Type == &_PyNone_Type ||
           &_PyNotImplemented_Type == &_PyManagedBuffer_Type || &Py_GenericAliasType == &PyEllipsis_Type ||
           &_PyCoroWrapper_Type == &_PyAsyncGenASend_Type ||
           &_PyAsyncGenAThrow_Type == &_PyAsyncGenWrappedValue_Type ||
           &_PyAnextAwaitable_Type == &PyComplex_Type || &PyFrozenSet_Type == &PySet_Type ||
           &PySlice_Type == &PyRange_Type || &PyCFunction_Type == &PyMemoryView_Type ||
           &PyModule_Type == &PyBaseObject_Type || &PyByteArray_Type == &PyUnicode_Type);
    Py_DECREF(obj);
    Py_DECREF(name);
    Py_DECREF(lst);
    Py_DECREF(pair);
    Py_DECREF(one);
    return 0;
}

static PyModuleDef_Slot module_slots[] = {
    {Py_mod_exec, (void *)module_exec},
    {0, NULL}
};

static PyModuleDef single_phase = {
    PyModuleDef_HEAD_INIT, "use_headers", "single-phase", -1, module_methods,
    NULL, NULL, NULL, NULL
};

static PyModuleDef multi_phase = {
    PyModuleDef_HEAD_INIT, "use_headers", "multi-phase", sizeof(module_state),
    module_methods, module_slots, NULL, NULL, NULL
};

PyMODINIT_FUNC
PyInit_use_headers(void)
{
    PyObject *m;
    if (getenv("USE_HEADERS_MULTI")) {
        return PyModuleDef_Init(&multi_phase);
    }
    m = PyModule_Create(&single_phase);
    if (m != NULL && PyModule_FromDefAndSpec(&multi_phase, m) == NULL) {
        Py_CLEAR(m);
    }
    return m;
}
