def raiser(excs):
    raise ExceptionGroup("eg", excs)
try:
    raiser([ValueError("v1"), TypeError("t1"), ValueError("v2")])
except* ValueError as g:
    print("ValueError group:", repr(g))
except* TypeError as g:
    print("TypeError group:", repr(g))
try:
    try:
        raiser([KeyError("k"), OSError("o")])
    except* KeyError:
        print("handled KeyError")
except ExceptionGroup as rest:
    print("unhandled rest:", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", repr(g))
try:
    try:
        raiser([ValueError(1)])
    except* ValueError:
        raise KeyError("new")
except* KeyError as g:
    print("raised in handler:", repr(g.exceptions[0]), type(g).__name__)
try:
    raiser([ExceptionGroup("inner", [ValueError(1), TypeError(2)])])
except* ValueError as g:
    print(repr(g))
except* TypeError as g:
    print(repr(g))
for src in ["try:\n    pass\nexcept* (ValueError, ExceptionGroup):\n    pass",
            "try:\n    pass\nexcept*:\n    pass",
            "for x in y:\n    try:\n        pass\n    except* E:\n        break"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
try:
    try:
        raise ExceptionGroup("x", [ValueError()])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)
