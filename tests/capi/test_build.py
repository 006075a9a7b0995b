# Drives tests/capi/build.c: Py_BuildValue units, nesting, references, errors.
import sys
import build


def show(f, *a):
    try:
        print(f.__name__, "->", repr(f(*a)))
    except Exception as e:
        print(f.__name__, "!>", type(e).__name__ + ":", e)


for f in [build.scalars, build.strings, build.containers, build.single, build.empty,
          build.separators, build.empty_tuple, build.null_object, build.null_with_error,
          build.bad_char, build.unmatched, build.bad_dict, build.unhashable_key]:
    show(f)
x = object()
r = sys.getrefcount(x)
t = build.refs(x)
print(len(t), t[0] is x, t[1][0] is x, sys.getrefcount(x) - r)
del t
print("after del", sys.getrefcount(x) - r)
for _ in range(10):
    build.error_releases_n(x)
print("N released", sys.getrefcount(x) - r)
show(build.call_function, lambda *a: a)
show(build.call_function, lambda a: a)
show(build.call_method, "a,b,c")
show(build.call_method, 5)
