/* Pyrite: module objects and module definitions (PEP 3121, PEP 489). */
#ifndef Py_MODULEOBJECT_H
#define Py_MODULEOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyModule_Type;

#define PyModule_Check(op) PyObject_TypeCheck((op), &PyModule_Type)
#define PyModule_CheckExact(op) Py_IS_TYPE((op), &PyModule_Type)

/* Borrowed reference to the module's __dict__. */
PyAPI_FUNC(PyObject *) PyModule_GetDict(PyObject *module);
/* The m_size bytes of per-module state, or NULL. */
PyAPI_FUNC(void *) PyModule_GetState(PyObject *module);

typedef struct PyModuleDef_Base {
    PyObject_HEAD
    PyObject *(*m_init)(void);
    Py_ssize_t m_index;
    PyObject *m_copy;
} PyModuleDef_Base;

#define PyModuleDef_HEAD_INIT { PyObject_HEAD_INIT(_Py_NULL) _Py_NULL, 0, _Py_NULL, }

/* Multi-phase initialisation steps (PEP 489), NULL-slot ended. */
typedef struct PyModuleDef_Slot {
    int slot;
    void *value;
} PyModuleDef_Slot;

#define Py_mod_create 1
#define Py_mod_exec 2
#ifndef Py_LIMITED_API
#  define _Py_mod_LAST_SLOT 2
#endif

typedef struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;
    PyMethodDef *m_methods;
    PyModuleDef_Slot *m_slots;
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
} PyModuleDef;

/* What a multi-phase PyInit_<name> returns: the definition as an object. */
PyAPI_FUNC(PyObject *) PyModuleDef_Init(PyModuleDef *def);

#ifdef __cplusplus
}
#endif
#endif /* !Py_MODULEOBJECT_H */
