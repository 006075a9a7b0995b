# OSError.characters_written and the __reduce__ of OSError / ImportError.
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(ImportError('m', name=None).__reduce__(), ImportError('m').__reduce__())
print(ImportError('m', name='n', path='p').__reduce__())
e = ImportError('m'); e.x = 1; print(e.__reduce__())
print(ModuleNotFoundError('m', name='q').__reduce__())
print(OSError(2, 'x', 'f').__reduce__(), OSError(2, 'x', 'f', None, 'g').__reduce__())
print(OSError(2, 'x', None).__reduce__(), FileNotFoundError(2, 'x', 'f').__reduce__(), OSError(2, 'x').__reduce__())
o = OSError(2, 'x', 'f'); o.y = 2; print(o.__reduce__())
b = BlockingIOError(11, 'busy', 5)
print(b.characters_written, b.filename, b.args)
b.characters_written = 7; print(b.characters_written)
del b.characters_written
t(lambda: b.characters_written)
t(lambda: delattr(b, 'characters_written'))
o = OSError(1, 'x')
t(lambda: o.characters_written)
t(lambda: setattr(o, 'characters_written', 'a'))
o.characters_written = 3; print(o.characters_written)
import copy
c = copy.copy(ImportError('m', name='n', path='p'))
print(c.name, c.path, c.args, c.__dict__)
o = OSError(2, 'x', 'f'); o.extra = 5
c = copy.copy(o)
print(type(c).__name__, c.filename, c.args, c.extra)
e = ValueError(1); e.__setstate__({'a': 1}); print(e.a)
e.__setstate__(None)
try:
    e.__setstate__(3)
except TypeError as x:
    print("TypeError:", x)
