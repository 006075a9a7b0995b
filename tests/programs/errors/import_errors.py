try:
    import nonexistent_module_q
except ModuleNotFoundError as e:
    print(type(e).__name__, e, "|", e.name, e.path)
try:
    from sys import nonexistent_attr_q
except ImportError as e:
    print(type(e).__name__, e, "|", e.name)
try:
    import sys.nonexistent
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from nonexistent_pkg_q.sub import thing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    exec("from . import x")
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("x", level=-1)
except ValueError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
