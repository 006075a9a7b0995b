/* PyInit_ returning NULL with an exception set. */
#include <Python.h>

PyMODINIT_FUNC
PyInit_initexc(void)
{
    PyErr_SetString(PyExc_ValueError, "initexc refuses to load");
    return NULL;
}
