# Drives tests/capi/spam.c: calling conventions, a module exception,
# constants, a NULL return without an exception, refcounts.
import sys
import spam

print(spam.__name__, spam.__doc__)
print(spam.__file__.endswith(".so"), spam.__spec__.name)
print(spam.ANSWER, spam.GREETING)
print(spam.system("ls -l"))
try:
    spam.system("fail")
except spam.error as e:
    print("spam.error:", e, type(e).__module__, type(e).__mro__[1].__name__)
for bad in [(), (1,), ("a", "b")]:
    try:
        spam.system(*bad)
    except TypeError as e:
        print("TypeError:", e)
print(spam.noargs())
try:
    spam.noargs(1)
except TypeError as e:
    print("TypeError:", e)
x = object()
before = sys.getrefcount(x)
for _ in range(100):
    assert spam.one(x) is x
print("one refcount delta", sys.getrefcount(x) - before)
try:
    spam.one()
except TypeError as e:
    print("TypeError:", e)
print(spam.fast(), spam.fast(1, "two", 3.0))
try:
    spam.fast(a=1)
except TypeError as e:
    print("TypeError:", e)
print(spam.fastkw(1, 2, x=3), spam.fastkw())
print(spam.kw(3), spam.kw(3, 4), spam.kw(b=5, a=2))
for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {"c": 1}), ((1,), {"a": 2}), (("x",), {})]:
    try:
        spam.kw(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
try:
    spam.fails_silently()
except SystemError as e:
    print("SystemError:", e)
print(spam.system.__name__, spam.system.__doc__, spam.system.__module__)
print(type(spam.system).__name__, spam.system.__self__ is spam)
