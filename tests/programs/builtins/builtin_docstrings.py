# __doc__ and __text_signature__ of built-in types, methods, slot wrappers,
# attributes, exceptions and builtins functions.
def show(o):
    d = o.__doc__
    print(repr(d[:60]) if isinstance(d, str) else d, getattr(o, "__text_signature__", "-"))

for o in (int, str, object, list, dict, tuple, type, range, BaseException, ValueError,
          KeyError, OSError, StopIteration, Warning, DeprecationWarning):
    show(o)
for o in (str.upper, str.join, list.append, dict.get, dict.fromkeys, int.from_bytes,
          int.to_bytes, float.hex, bytes.hex, set.add, object.__reduce_ex__,
          object.__getstate__, BaseException.with_traceback, BaseException.add_note):
    show(o)
for o in (int.__add__, int.__radd__, object.__repr__, list.__len__, list.__getitem__,
          str.__getitem__, object.__init__, object.__lt__, dict.__iter__):
    show(o)
for o in ((1).__add__, [].append, "x".upper, {}.get, dict.fromkeys, object.__new__, int.__new__):
    show(o)
for o in (int.real, int.imag, complex.real, StopIteration.value, BaseException.args,
          OSError.errno, SyntaxError.msg, ImportError.name, SyntaxError.lineno):
    show(o)
for o in (len, print, isinstance, getattr, iter, max, sorted, abs, round, __import__):
    show(o)
print(len(int.__doc__.splitlines()), len(str.__doc__.splitlines()))
print(int.bit_length.__doc__)
print(str.split.__doc__)
for o in (int.__getnewargs__, float.__getnewargs__, tuple.__getnewargs__, int.__format__, object.__text_signature__):
    print(o.__doc__ if not isinstance(o, str) else o, getattr(o, "__text_signature__", "-"))
