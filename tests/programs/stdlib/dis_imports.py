# dis helpers that Lib/ modules build on: _find_imports/_find_store_names
# (modulefinder), COMPILER_FLAG_NAMES and Positions (inspect).
import dis
import inspect
import modulefinder
import os
import shutil

co = compile("import os\nfrom . import a, b\nfrom x.y import *\nz = 1\nglobal g\ng = 2\n", "<s>", "exec")
print(list(dis._find_imports(co)))
print(list(dis._find_store_names(co)))
print(inspect.CO_GENERATOR, inspect.CO_NESTED, inspect.CO_VARARGS, inspect.CO_COROUTINE)


def g():
    yield 1


print(inspect.isgeneratorfunction(g), dis.pretty_flags(g.__code__.co_flags))
print(dis.Positions(1, 2, 3, 4), dis.Positions())

tmp = "dis_imports_tmp"
os.mkdir(tmp)
try:
    with open(os.path.join(tmp, "prog.py"), "w") as f:
        f.write("import helper\nfrom helper import VALUE\nimport nosuchmodule_xyz\n")
    with open(os.path.join(tmp, "helper.py"), "w") as f:
        f.write("import os.path\nVALUE = 1\n")
    finder = modulefinder.ModuleFinder(path=[tmp])
    finder.run_script(os.path.join(tmp, "prog.py"))
    print(sorted(finder.modules))
    print(sorted(finder.badmodules))
    print(sorted(finder.modules["__main__"].globalnames))
finally:
    shutil.rmtree(tmp)
