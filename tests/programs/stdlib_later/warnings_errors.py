# Errors and edge cases of _warnings.warn/warn_explicit and bad filters.
import warnings
def t(f):
    try:
        f()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
with warnings.catch_warnings():
    warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
    t(lambda: warnings.warn("x"))
with warnings.catch_warnings():
    warnings.filters.insert(0, ("always", None))
    t(lambda: warnings.warn("x"))
with warnings.catch_warnings():
    warnings.filters = "bad"
    t(lambda: warnings.warn("x"))
t(lambda: warnings.warn_explicit("m", UserWarning, 5, 1))
t(lambda: warnings.warn_explicit("m", UserWarning, "f", 1, registry=[]))
t(lambda: warnings.warn_explicit("m", UserWarning, "f", 1, module_globals=[]))
t(lambda: warnings.warn())
t(lambda: warnings.warn("m", stacklevel="x"))
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    warnings.warn("deep", stacklevel=100)
    warnings.warn_explicit(UserWarning("inst"), None, "g.py", 3)
    warnings.warn(123)
print([(str(w.message), w.filename, w.lineno, w.category.__name__) for w in ws])
