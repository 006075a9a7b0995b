# Drives tests/capi/errors.c: the error indicator seen from C.
import sys
import warnings
import errors as e


def show(f, *a):
    try:
        print(f.__name__, "->", f(*a))
    except BaseException as x:
        print(f.__name__, "!>", type(x).__name__, x.args)


class MyError(Exception):
    def __init__(self, *args):
        super().__init__(*args)
        self.seen = args


show(e.set_string, ValueError, "plain message")
show(e.set_string, KeyError, "k\u00e9y")
show(e.set_string, MyError, "mine")
show(e.set_object, ValueError, 5)
show(e.set_object, ValueError, (1, 2))
show(e.set_object, ValueError, None)
show(e.set_object, KeyError, (1,))
x = MyError("made")
try:
    e.set_object(Exception, x)
except Exception as caught:
    print("same instance", caught is x)
show(e.set_object, 5, "not a type")
show(e.set_none, StopIteration)
show(e.format, [1, "a"])
print(e.occurred())
for a, b in [(KeyError, LookupError), (KeyError("x"), KeyError), (ValueError, (TypeError, ValueError)),
             (ValueError, TypeError), (int, int), (int, str)]:
    print("given_matches", e.given_matches(a, b))


def raiser():
    raise IndexError("from python")


r = e.fetch_restore(raiser)
print(r[0][0].__name__, repr(r[0][1]), r[0][2], r[0][3], r[1])
show(e.restore_raw, ValueError, "raw value")
show(e.restore_raw, KeyError, (1, 2))
show(e.restore_null)
show(e.no_memory)
show(e.bad_argument)
plain, documented, multi, why = e.new_exception()
print(plain.__name__, plain.__module__, plain.__mro__[1:], plain.__doc__)
print(documented.__name__, documented.__module__, documented.__doc__, documented.__mro__[1] is plain)
print(multi.__name__, multi.__module__, multi.extra, [c.__name__ for c in multi.__mro__])
print(why)
try:
    raise documented("boom")
except plain as caught:
    print("caught", repr(caught))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    e.warn(UserWarning, "careful")
    e.warn(DeprecationWarning, "old")
print([(type(x.message).__name__, str(x.message)) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    show(e.warn, RuntimeWarning, "now an error")
try:
    e.result_with_error()
except SystemError as s:
    print("cause", repr(s.__cause__))
print([c.__name__ for c in e.exc_objects()])
print(e.singletons())
print(e.types())
# The indicator owns exactly one reference to the exception it holds.
v = ValueError("held")
r = sys.getrefcount(v)
for _ in range(30):
    try:
        e.set_object(ValueError, v)
    except ValueError:
        pass
    e.fetch_restore(lambda: (_ for _ in ()).throw(v))
    try:
        e.restore_raw(ValueError, v)
    except ValueError:
        pass
print("indicator refcount delta", sys.getrefcount(v) - r)
