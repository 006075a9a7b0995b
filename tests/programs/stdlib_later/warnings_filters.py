# CPython's Lib/warnings.py on top of _warnings: filters, registries,
# actions, categories, stacklevel and compile-time warnings.
import sys
import warnings


def show(ws):
    for w in ws:
        print(" ", w.category.__name__, str(w.message), w.filename == __file__ or w.filename, w.lineno)


print(type(warnings.filters).__name__, [f[0] for f in warnings.filters][:5])
print(warnings.defaultaction, type(warnings.onceregistry).__name__)

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    warnings.warn("plain")
    warnings.warn("dep", DeprecationWarning)
    warnings.warn(RuntimeWarning("instance"))
    def inner():
        warnings.warn("up one", stacklevel=2)
    inner()
    warnings.warn_explicit("explicit", SyntaxWarning, "somefile.py", 42)
show(ws)

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("repeated")
    warnings.simplefilter("once")
    for i in range(2):
        warnings.warn("once-only")
        warnings.warn("once-only")
show(ws)

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("ignore")
    warnings.warn("hidden")
    warnings.simplefilter("always", UserWarning)
    warnings.warn("shown")
    warnings.warn("dep hidden", DeprecationWarning)
show(ws)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", FutureWarning)
    except FutureWarning as e:
        print("raised", type(e).__name__, e)
    try:
        compile("x = '\\d'", "<e>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset)
    try:
        compile("x is 1", "<e>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset)

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    compile('a = "\\d"\nb = b"\\q" b"\\777"\nc = "\\400"\nd = 1 is 1\n', "<s>", "exec")
show(ws)

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    compile('x=1\nf"\\d{x}\\q" "\\w"\nb"\\d\\q"\n"""\n\\z"""\nrf"\\d"\nf"{x:\\d}"', "<f>", "exec")
show(ws)

for bad in (int, "x", None.__class__):
    try:
        warnings.warn("m", bad)
    except TypeError as e:
        print("TypeError", e)

print(warnings.formatwarning("text", UserWarning, "f.py", 3, line="  src  "), end="")
old = warnings.showwarning
def myshow(message, category, filename, lineno, file=None, line=None):
    print("custom:", message, category.__name__, lineno)
warnings.showwarning = myshow
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = myshow
    warnings.warn("via showwarning")
warnings.showwarning = old
print(sorted(k for k in globals().get("__warningregistry__", {}) if k != "version")[:1])
# Shown on stderr by the default filters (no source line for "<string>").
exec(compile("warnings.warn('to stderr')\nwarnings.warn('to stderr')", "<string>", "exec"))
exec(compile("warnings.warn('pending', PendingDeprecationWarning)", "<string>", "exec"))
