try:
    assert 1 == 2, f"values {1} and {2}"
except AssertionError as e:
    print(type(e).__name__, e)
try:
    raise NotImplementedError
except NotImplementedError as e:
    print(type(e).__name__, repr(e))
try:
    [].__iter__().__next__()
except StopIteration as e:
    print(type(e).__name__)
try:
    import sys
    sys.exit(3)
except SystemExit as e:
    print(type(e).__name__, e.code, repr(e))
try:
    raise EOFError("eof")
except EOFError as e:
    print(type(e).__name__, e)
try:
    "x".encode("utf-8").decode("ascii", "bogus-handler")
    print("no error: handler looked up lazily")
except LookupError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("ascii", "bogus-handler")
except LookupError as e:
    print(type(e).__name__, e)
