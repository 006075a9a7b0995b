# A sourceless module: a .pyc (written by py_compile) where the .py would
# be imports when no source exists, for a module and a package.
import importlib
import os
import py_compile
import shutil
import sys
import tempfile

d = tempfile.mkdtemp()
src_dir = os.path.join(d, "src")
lib_dir = os.path.join(d, "lib")
os.mkdir(src_dir)
os.mkdir(lib_dir)
os.mkdir(os.path.join(lib_dir, "spkg"))
try:
    with open(os.path.join(src_dir, "zeta.py"), "w") as f:
        f.write("def hello():\n    return 'hello from zeta'\nZ = [i * i for i in range(5)]\n")
    with open(os.path.join(src_dir, "spkg_init.py"), "w") as f:
        f.write("NAME = 'spkg from bytecode'\n")
    py_compile.compile(os.path.join(src_dir, "zeta.py"), cfile=os.path.join(lib_dir, "zeta.pyc"), doraise=True)
    py_compile.compile(os.path.join(src_dir, "spkg_init.py"), cfile=os.path.join(lib_dir, "spkg", "__init__.pyc"), doraise=True)
    sys.path.insert(0, lib_dir)
    importlib.invalidate_caches()
    import zeta
    import spkg
    print(zeta.hello(), zeta.Z)
    print("__file__", os.path.relpath(zeta.__file__, lib_dir), "__cached__", os.path.relpath(zeta.__cached__, lib_dir))
    print("loader", type(zeta.__loader__).__name__)
    print(spkg.NAME, os.path.relpath(spkg.__file__, lib_dir), [os.path.relpath(p, lib_dir) for p in spkg.__path__])
    print("no __pycache__", not os.path.exists(os.path.join(lib_dir, "__pycache__")))
finally:
    sys.path.remove(lib_dir)
    shutil.rmtree(d)
