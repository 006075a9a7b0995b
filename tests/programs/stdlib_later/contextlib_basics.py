from contextlib import contextmanager, suppress, ExitStack, redirect_stdout
import io
@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name
    print(f"</{name}>")
with tag("b") as t:
    print("inside", t)
with suppress(KeyError):
    {}["x"]
print("suppressed")
with ExitStack() as stack:
    for n in ("x", "y"):
        stack.enter_context(tag(n))
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))
