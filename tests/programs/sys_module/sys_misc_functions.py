import sys
print(sys.getrecursionlimit())
print(type(sys.getrefcount(object())).__name__)
a = []
before = sys.getrefcount(a)
b = a
print(sys.getrefcount(a) - before)
print(type(sys.getsizeof(1)).__name__, sys.getsizeof([]) < sys.getsizeof([1, 2, 3]))
print(sys.intern("abc") == "abc", sys.intern("x" * 10) is sys.intern("x" * 10))
def f():
    return sys._getframe().f_code.co_name
print(f())
print(sys.exc_info() == (None, None, None), sys.flags.optimize, sys.flags.dont_write_bytecode)
print(sys.float_info.max > 1e308, sys.int_info.sizeof_digit in (2, 4))
print(callable(sys.exit), callable(sys.displayhook), callable(sys.excepthook))
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
