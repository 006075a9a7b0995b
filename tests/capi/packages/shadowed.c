/* An extension and a source module of one name in one directory: the
 * extension is found first, as by CPython's FileFinder. */
#include <Python.h>

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "shadowed", NULL, -1, NULL};

PyMODINIT_FUNC
PyInit_shadowed(void)
{
    PyObject *m = PyModule_Create(&def);
    if (m != NULL && PyModule_AddStringConstant(m, "KIND", "extension") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
