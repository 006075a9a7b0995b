/* A library without PyInit_noinit (its init function has another name). */
#include <Python.h>

PyMODINIT_FUNC
PyInit_othername(void)
{
    return NULL;
}
