import sys
import sys as system
from sys import maxsize
from sys import maxsize as ms, byteorder
print(system is sys, maxsize == ms, byteorder in ("little", "big"))
def f():
    import gc
    return gc.__name__
print(f())
print("gc" in dir())
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name)
import sys, gc
print(sys.__name__, gc.__name__)
