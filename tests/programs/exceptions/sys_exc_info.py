import sys
print(sys.exc_info())
try:
    raise ValueError("v")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v if hasattr(sys, "exception") else "n/a")
print(sys.exc_info())
def inner():
    return sys.exc_info()[0]
try:
    raise KeyError
except KeyError:
    print(inner().__name__)
    try:
        raise TypeError
    except TypeError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info()[0])
