def f():
    raise ExceptionGroup("inner", [ValueError(1), TypeError("t")])

try:
    f()
except ExceptionGroup as e:
    e.add_note("note one\nnote two")
    try:
        raise KeyError("ctx")
    except KeyError as k:
        raise ExceptionGroup("outer", [e, k, OSError("o")]) from RuntimeError("cause")
