# What build tools ask sysconfig when compiling a C extension: the header
# directory and the extension suffix. Only facts true of both CPython and
# Pyrite are printed (the values themselves differ by implementation).
import os
import sysconfig

paths = sysconfig.get_paths()
inc = paths["include"]
print("include is absolute:", os.path.isabs(inc))
print("Python.h in include:", os.path.isfile(os.path.join(inc, "Python.h")))
print("platinclude == include:", sysconfig.get_path("platinclude") == inc)
print("INCLUDEPY == include:", sysconfig.get_config_var("INCLUDEPY") == inc)

suffix = sysconfig.get_config_var("EXT_SUFFIX")
print("EXT_SUFFIX starts with '.':", suffix.startswith("."))
print("EXT_SUFFIX ends with '.so':", suffix.endswith(".so"))
print("EXT_SUFFIX has 311 and the platform:", "-311-x86_64-linux-gnu" in suffix)
print("SOABI in EXT_SUFFIX:", "." + sysconfig.get_config_var("SOABI") + ".so" == suffix)
print("SHLIB_SUFFIX:", sysconfig.get_config_var("SHLIB_SUFFIX"))
print("VERSION:", sysconfig.get_config_var("VERSION"))
print("MULTIARCH:", sysconfig.get_config_var("MULTIARCH"))
print("CCSHARED has -fPIC:", "-fPIC" in sysconfig.get_config_var("CCSHARED").split())
print("LDSHARED has -shared:", "-shared" in sysconfig.get_config_var("LDSHARED").split())
print("CC is a string:", isinstance(sysconfig.get_config_var("CC"), str))
print("scheme keys:", sorted(paths))
