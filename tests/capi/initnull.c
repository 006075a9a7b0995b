/* PyInit_ returning NULL without setting an exception. */
#include <Python.h>

PyMODINIT_FUNC
PyInit_initnull(void)
{
    return NULL;
}
