# Drives the loader tests: multi-phase init (state, exec slots, create
# slot), a package submodule, extension-before-source precedence, and the
# errors of failing or broken extension modules.
import os
import sys

BUILD = os.environ["CAPI_BUILD_DIR"]


def clean(s):
    return str(s).replace(BUILD, "<build>")


def attempt(name):
    try:
        m = __import__(name)
        print(name, "imported", m)
    except BaseException as e:
        print(name, "!>", type(e).__name__ + ":", clean(e))
        if isinstance(e, ImportError):
            print("   name", e.name, "path", clean(e.path))
    print("   in sys.modules:", name in sys.modules)


import multiphase
print(multiphase.__name__, multiphase.__doc__, multiphase.FIRST, multiphase.SECOND, multiphase.REF)
print(multiphase.bump(), multiphase.bump(), multiphase.info())
print(multiphase.list is list, multiphase.__spec__.name, clean(multiphase.__file__))
print(multiphase.bump.__module__, type(multiphase).__name__)
multiphase.register_self()
del sys.modules["multiphase"], multiphase
import gc
gc.collect()
print("m_free ran:", getattr(sys, "_multiphase_freed", 0))
import mpcreate
print(mpcreate.__name__, mpcreate.CREATED_BY, mpcreate.EXECUTED)
import capipkg
print(capipkg.double(21), capipkg._speedups.__name__, capipkg.double.__module__)
import capipkg._speedups as sp
print(sp is sys.modules["capipkg._speedups"], clean(sp.__file__))
import shadowed
print(shadowed.KIND)
for name in ["execfail", "initnull", "initexc", "noinit", "badflags"]:
    attempt(name)
with open(os.path.join(BUILD, "broken.so"), "wb") as f:
    f.write(b"this is not a shared library\n")
attempt("broken")
os.remove(os.path.join(BUILD, "broken.so"))
